#!/usr/bin/env python3
"""Generates the scale corpus for bench/compare: PolNeAR train text repeated to SIZE_MB.

Writes JSONL shards (`corpus-000.jsonl`, ~100 MB each) into OUT_DIR (bench/.corpus/ by default,
gitignored; never commit it). Each record is one PolNeAR article: `id` = `<stem>-c<copy>`,
`outlet` and `published` from the file name (`nyt_2016-03-02_...`), and `text` = the article
followed by a last line `(bench copy N)`, so every copy has its own content hash — identical
texts would be stored once by rift's de-duplication and the run would not measure storage.

Usage: gen_corpus.py SRC_TEXT_DIR OUT_DIR SIZE_MB [SHARD_MB]
"""

import json
import os
import sys


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
    limit = int(size_mb * 1e6)
    shard_limit = int(shard_mb * 1e6)
    total = shard_bytes = shard = copy = n = 0
    f = open(os.path.join(out, f"corpus-{shard:03d}.jsonl"), "w", encoding="utf-8")
    while total < limit:
        for stem, outlet, date, text in arts:
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
