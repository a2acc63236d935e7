//! Reading input files (text, JSONL, ...) into articles, with per-file and per-record errors.
