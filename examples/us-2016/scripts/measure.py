#!/usr/bin/env python3
"""Measure source resolution on PolNeAR with the us-2016 project.

Usage (from the repository root, after `cargo build`):

    python3 examples/us-2016/scripts/measure.py [SPLIT_DIR] [--rift PATH] [--sample N] [--seed S]

SPLIT_DIR defaults to ../shared/data/polnear/dev. The script

1. turns SPLIT_DIR/text/*.txt into JSONL records with `id`, `text`, `published` (the date in the
   file name) and `outlet` (the file-name prefix, an alias of the KB outlet), written to a
   temporary file — nothing is copied into the repository;
2. runs `rift extract --project examples/us-2016 --format jsonl` on it;
3. prints the share of extracted statements whose source resolved to a KB actor (and to a KB
   actor or outlet), the unresolved mentions that occur most, and a reproducible random sample of
   resolved statements (`--sample`, default 50) for checking by hand: each line shows the
   article, the source mention as extracted, the extractor's best name, the KB id it resolved
   to, and the start of the statement.
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def records(split_dir):
    text_dir = os.path.join(split_dir, "text")
    for name in sorted(os.listdir(text_dir)):
        if not name.endswith(".txt"):
            continue
        m = re.match(r"^(.*?)_(\d{4}-\d{2}-\d{2})_", name)
        with open(os.path.join(text_dir, name), encoding="utf-8") as f:
            text = f.read()
        rec = {"id": name[:-4], "text": text}
        if m:
            rec["outlet"] = m.group(1)
            rec["published"] = m.group(2)
        yield rec


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("split", nargs="?", default=os.path.join(ROOT, "..", "shared", "data", "polnear", "dev"))
    ap.add_argument("--rift", default=os.environ.get("RIFT", "rift"))
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=2016)
    ap.add_argument("--context", type=int, default=0, help="print N characters before each sampled statement")
    args = ap.parse_args()

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        n_articles = 0
        for rec in records(args.split):
            tmp.write(json.dumps(rec) + "\n")
            n_articles += 1
    try:
        out = subprocess.run(
            [args.rift, "extract", "--project", os.path.join(ROOT, "examples", "us-2016"),
             "--format", "jsonl", tmp.name],
            check=True, capture_output=True, text=True,
        ).stdout
    finally:
        os.unlink(tmp.name)
    sts = [json.loads(l) for l in out.splitlines() if l.strip()]
    kb_actor = [s for s in sts if s["source"].get("actor") and s["source"].get("type") != "outlet"]
    kb_any = [s for s in sts if s["source"].get("actor")]
    n = len(sts)
    print(f"articles: {n_articles}, statements: {n}")
    print(f"source resolved to a KB actor: {len(kb_actor)}/{n} = {len(kb_actor) / max(n, 1):.1%}")
    print(f"source resolved to a KB actor or outlet: {len(kb_any)}/{n} = {len(kb_any) / max(n, 1):.1%}")
    unresolved = collections.Counter(
        (s["source"].get("name") or s["source"]["text"]) for s in sts if not s["source"].get("actor")
    )
    print("most frequent unresolved sources:", ", ".join(f"{k!r} {v}" for k, v in unresolved.most_common(25)))
    by_actor = collections.Counter(s["source"]["actor"] for s in kb_any)
    print("resolved, by KB id:", ", ".join(f"{k} {v}" for k, v in by_actor.most_common(30)))
    texts = {r["id"]: r["text"] for r in records(args.split)}
    rng = random.Random(args.seed)
    sample = rng.sample(kb_actor, min(args.sample, len(kb_actor)))
    print(f"\nsample of {len(sample)} resolved statements (seed {args.seed}):")
    for i, s in enumerate(sample, 1):
        src = s["source"]
        text = s["text"].replace("\n", " ")
        print(f"{i:2}. [{s['article'][:40]}] mention={src['text']!r} -> {src['actor']} | {text[:90]!r}")
        if args.context:
            t = texts.get(s["article"], "")
            a, b = s["span"]
            if src.get("span"):
                a, b = min(a, src["span"][0]), max(b, src["span"][1])
            print("      context:", repr(t[max(0, a - args.context):b][-600:]))


if __name__ == "__main__":
    sys.exit(main())
