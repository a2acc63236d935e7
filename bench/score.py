#!/usr/bin/env python3
"""Content scorer for PolNeAR (fallback for `rift eval quotes`), used by bench/compare.

Scores any predictions written as rift-like JSONL (one statement per line, as
`rift extract --format jsonl` writes them: `article` = file stem, `span` = [start, end) in code
points of the article text, optional `kind`) against a PolNeAR folder (`text/*.txt`,
`attributions/*.ann`), with the definitions of issue 3:

* gold: every brat `E` attribution with a Content argument, from the first `.ann` file (sorted
  by name) of each article; discontinuous spans (`s e;s e`) are joined;
* exact: both spans equal after trimming whitespace, quote marks and punctuation at both ends;
* overlap: token Dice >= 0.5 (tokens = runs of letters/digits, by position), matched one to one,
  best Dice first;
* by kind: recall per gold kind (direct = the trimmed content opens and closes with quote
  marks, mixed = contains one, indirect = none), and precision per predicted `kind`.

Usage: score.py GOLD_DIR PRED.jsonl [--json]   (prints a table, or one JSON object)
Standard library only; the same code scores rift's and the peer's output.
"""

import json
import os
import re
import sys
from collections import defaultdict

QUOTES = "\"'“”‘’«»„‟‹›`´"
TRIM = set(QUOTES) | set(" \t\r\n.,;:!?()[]{}—–-…")
TOKEN = re.compile(r"\w+", re.UNICODE)


def trim(text, pieces):
    """Trimmed (start, end) of the joined pieces: first/last char not in TRIM."""
    s = min(p[0] for p in pieces)
    e = max(p[1] for p in pieces)
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def tokens(text, pieces):
    out = set()
    for s, e in pieces:
        for m in TOKEN.finditer(text, s, e):
            out.add(m.start())
    return out


def gold_kind(text, pieces):
    inner = "".join(text[a:b] for a, b in pieces).strip()
    # a lone ’ is an apostrophe, so single quotes count only in pairs
    has = any(c in "\"“”«»„" for c in inner) or ("‘" in inner and "’" in inner)
    opens = inner[:1] in "\"“«„‘"
    closes = inner.rstrip(".,;:!? ")[-1:] in "\"”»’" if inner else False
    if opens and closes:
        return "direct"
    return "mixed" if has else "indirect"


def read_gold(gold_dir):
    texts = {}
    gold = {}
    tdir = os.path.join(gold_dir, "text")
    adir = os.path.join(gold_dir, "attributions")
    anns = sorted(os.listdir(adir))
    for name in sorted(os.listdir(tdir)):
        if not name.endswith(".txt"):
            continue
        stem = name[:-4]
        with open(os.path.join(tdir, name), encoding="utf-8", newline="") as f:
            text = f.read()
        texts[stem] = text
        mine = [a for a in anns if a.startswith(stem + "_") and a.endswith(".ann")]
        items = []
        if mine:
            spans = {}
            rels = []
            with open(os.path.join(adir, mine[0]), encoding="utf-8") as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t")
                    if line.startswith("T") and len(parts) >= 2:
                        head = parts[1].split(" ", 1)
                        if len(head) == 2:
                            pieces = []
                            for seg in head[1].split(";"):
                                a, b = seg.split()
                                pieces.append((int(a), int(b)))
                            spans[parts[0]] = pieces
                    elif line.startswith("E") and len(parts) >= 2:
                        rels.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
            for r in rels:
                # `Content2`, … (a quote continued after its credit) join `Content`.
                pieces = sorted(
                    p
                    for role, t in r.items()
                    if role.rstrip("0123456789") == "Content" and t in spans
                    for p in spans[t]
                )
                if pieces:
                    items.append(pieces)
        gold[stem] = items
    return texts, gold


def read_pred(path):
    pred = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            s, e = o["span"]
            pred[o["article"]].append(((s, e), o.get("kind", "direct")))
    return pred


def match(gold_items, pred_items, text):
    """One-to-one matches: (exact count, overlap pairs [(gi, pi)])."""
    g_tok = [tokens(text, g) for g in gold_items]
    p_tok = [tokens(text, [p]) for p, _ in pred_items]
    pairs = []
    for gi, gt in enumerate(g_tok):
        for pi, pt in enumerate(p_tok):
            if gt and pt:
                inter = len(gt & pt)
                if inter:
                    d = 2 * inter / (len(gt) + len(pt))
                    if d >= 0.5:
                        pairs.append((d, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    g_exact = {trim(text, g) for g in gold_items}
    exact_used = set()
    exact = 0
    for p, _ in pred_items:
        t = trim(text, [p])
        if t in g_exact and t not in exact_used and t[0] < t[1]:
            exact_used.add(t)
            exact += 1
    return exact, out


def prf(tp_p, n_pred, tp_g, n_gold):
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def score(gold_dir, pred_path):
    texts, gold = read_gold(gold_dir)
    pred = read_pred(pred_path)
    n_gold = sum(len(v) for v in gold.values())
    n_pred = sum(len(pred.get(k, [])) for k in texts)
    exact = overlap = 0
    kind_gold = defaultdict(lambda: [0, 0])  # kind -> [n, matched]
    kind_pred = defaultdict(lambda: [0, 0])
    for stem, text in texts.items():
        g = gold[stem]
        p = [x for x in pred.get(stem, []) if 0 <= x[0][0] < x[0][1] <= len(text)]
        n_pred -= len(pred.get(stem, [])) - len(p)
        ex, pairs = match(g, p, text)
        exact += ex
        overlap += len(pairs)
        mg = {gi for gi, _ in pairs}
        mp = {pi for _, pi in pairs}
        for gi, gitem in enumerate(g):
            k = gold_kind(text, gitem)
            kind_gold[k][0] += 1
            kind_gold[k][1] += gi in mg
        for pi, (_, k) in enumerate(p):
            kind_pred[k][0] += 1
            kind_pred[k][1] += pi in mp
    return {
        "articles": len(texts),
        "gold": n_gold,
        "predicted": n_pred,
        "content_overlap": prf(overlap, n_pred, overlap, n_gold),
        "content_exact": prf(exact, n_pred, exact, n_gold),
        "recall_by_gold_kind": {
            k: {"n": v[0], "r": round(v[1] / v[0], 4) if v[0] else 0.0}
            for k, v in sorted(kind_gold.items())
        },
        "precision_by_pred_kind": {
            k: {"n": v[0], "p": round(v[1] / v[0], 4) if v[0] else 0.0}
            for k, v in sorted(kind_pred.items())
        },
    }


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    res = score(args[0], args[1])
    if "--json" in sys.argv:
        print(json.dumps(res))
        return
    o, e = res["content_overlap"], res["content_exact"]
    print(f"gold {res['gold']}  predicted {res['predicted']}  ({res['articles']} articles)")
    print(f"content overlap (Dice>=0.5)  P {o['p']:.3f}  R {o['r']:.3f}  F1 {o['f1']:.3f}")
    print(f"content exact                P {e['p']:.3f}  R {e['r']:.3f}  F1 {e['f1']:.3f}")
    for k, v in res["recall_by_gold_kind"].items():
        print(f"  gold {k:<9} n {v['n']:>5}  recall {v['r']:.3f}")
    for k, v in res["precision_by_pred_kind"].items():
        print(f"  pred {k:<9} n {v['n']:>5}  precision {v['p']:.3f}")


if __name__ == "__main__":
    main()
