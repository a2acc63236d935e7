#!/usr/bin/env python3
"""Generates the scale corpus for bench/compare: PolNeAR train text repeated to SIZE_MB.

Writes JSONL shards (`corpus-000.jsonl`, ~100 MB each) into OUT_DIR (bench/.corpus/ by default,
gitignored; never commit it). Each record is one PolNeAR article: `id` = `<stem>-c<copy>`,
`outlet` and `published` from the file name (`nyt_2016-03-02_...`), and `text` = the article
followed by a last line `(bench copy N)`, so every copy has its own content hash — identical
texts would be stored once by rift's de-duplication and the run would not measure storage.
Copy 0 is the articles as they are; in copy N >= 1 article i is the first half of article i
(cut at the paragraph break nearest its middle) followed by the second half of article
i + N: otherwise every copy would be a near-duplicate of copy 0 (word-shingle Jaccard >= 0.8),
stored as a linked copy without statements, and the run would measure the near-duplicate
check instead of the pipeline. A mixed text shares about half its shingles with either source.

Usage: gen_corpus.py SRC_TEXT_DIR OUT_DIR SIZE_MB [SHARD_MB]
"""

import json
import os
import sys


def split_half(text):
    """(first half, second half) of a text, cut after the paragraph break (else line break)
    nearest its middle; the whole text and "" when it has neither."""
    mid = len(text) // 2
    for sep in ("\n\n", "\n"):
        cuts = [i + len(sep) for i in range(len(text)) if text.startswith(sep, i)]
        cuts = [c for c in cuts if 0 < c < len(text)]
        if cuts:
            c = min(cuts, key=lambda c: abs(c - mid))
            return text[:c], text[c:]
    return text, ""


def main():
    src, out, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    shard_mb = float(sys.argv[4]) if len(sys.argv) > 4 else 100.0
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if old.startswith("corpus-") and old.endswith(".jsonl"):
            os.remove(os.path.join(out, old))
    arts = []
    for name in sorted(os.listdir(src)):
        if name.endswith(".txt"):
            with open(os.path.join(src, name), encoding="utf-8", newline="") as f:
                parts = name[:-4].split("_")
                arts.append((name[:-4], parts[0], parts[1] if len(parts) > 1 else None, f.read()))
    halves = [split_half(a[3]) for a in arts]
    limit = int(size_mb * 1e6)
    shard_limit = int(shard_mb * 1e6)
    total = shard_bytes = shard = copy = n = 0
    f = open(os.path.join(out, f"corpus-{shard:03d}.jsonl"), "w", encoding="utf-8")
    while total < limit:
        for i, (stem, outlet, date, text) in enumerate(arts):
            if copy % len(arts):
                text = halves[i][0] + halves[(i + copy) % len(arts)][1]
            rec = {"id": f"{stem}-c{copy:05d}", "outlet": outlet, "text": f"{text}\n\n(bench copy {copy})\n"}
            if date:
                rec["published"] = date
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            b = len(line.encode("utf-8"))
            if shard_bytes + b > shard_limit and shard_bytes:
                f.close()
                shard += 1
                shard_bytes = 0
                f = open(os.path.join(out, f"corpus-{shard:03d}.jsonl"), "w", encoding="utf-8")
            f.write(line)
            shard_bytes += b
            total += b
            n += 1
            if total >= limit:
                break
        copy += 1
    f.close()
    print(json.dumps({"records": n, "bytes": total, "shards": shard + 1, "copies": copy}))


if __name__ == "__main__":
    main()
