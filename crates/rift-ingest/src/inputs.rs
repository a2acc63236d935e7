//! Walking paths and reading records, one at a time.

use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rift_core::{parse_date, Article, Date};
use rift_html::OffsetMap;

use crate::error::{InputError, InputErrorKind};
use crate::fields::FieldMap;
use crate::warc::{http_payload, RecordError, WarcReader};

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One article per file (`.txt`, `.md`, or anything textual).
    Text,
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// Comma-separated values with a header row (`.csv`).
    Csv,
    /// A web page (`.html`, `.htm`, `.xhtml`).
    Html,
    /// RSS 0.9–2.0, Atom or JSON Feed (`.rss`, `.atom`, `.xml`, `.json` with a JSON Feed).
    Feed,
    /// Web archive (`.warc`): `response` records with HTML payloads.
    Warc,
}

impl Format {
    /// The format a file name suggests (after any `.gz` is removed).
    pub fn from_path(p: &Path) -> Option<Format> {
        match p.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" | "md" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "rss" | "atom" | "xml" | "rdf" | "json" => Some(Format::Feed),
            "warc" | "arc" => Some(Format::Warc),
            _ => None,
        }
    }

    /// Lower-case name (`text`, `jsonl`, `csv`, `html`, `feed`, `warc`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::Warc => "warc",
        }
    }

    /// The format the first bytes show, when they show one unmistakably.
    pub fn sniff_strong(head: &[u8]) -> Option<Format> {
        let t = trim_start(head);
        if t.starts_with(b"WARC/") {
            return Some(Format::Warc);
        }
        let lower: Vec<u8> = t
            .iter()
            .take(2048)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        let has = |n: &[u8]| lower.windows(n.len()).any(|w| w == n);
        if t.starts_with(b"{") && has(b"jsonfeed.org/version") {
            return Some(Format::Feed);
        }
        if t.starts_with(b"<")
            && (has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf"))
            && !has(b"<html")
        {
            return Some(Format::Feed);
        }
        if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
            return Some(Format::Html);
        }
        None
    }

    /// The format the first bytes suggest, as a last resort.
    pub fn sniff_weak(head: &[u8]) -> Format {
        let t = trim_start(head);
        let lower: Vec<u8> = t
            .iter()
            .take(2048)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        let has = |n: &[u8]| lower.windows(n.len()).any(|w| w == n);
        if t.starts_with(b"{") {
            Format::Jsonl
        } else if t.starts_with(b"<")
            && (has(b"<body") || has(b"<p>") || has(b"<head") || has(b"<div"))
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

fn trim_start(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(b);
    let i = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[i..]
}

/// One article read, with what the reader learnt besides the [`Article`] fields.
#[derive(Debug, Clone)]
pub struct Record {
    /// The article. `source` is the path (`-` for standard input), with `:N` for a record
    /// inside a file.
    pub article: Article,
    /// The input path (or `-`).
    pub path: String,
    /// Record number inside the file (JSONL line, CSV row, feed item, WARC record), if any.
    pub record: Option<u64>,
    /// The input's format.
    pub format: Format,
    /// Language of the text (ISO 639-1 where one exists, else 639-3), if detected or declared.
    pub language: Option<String>,
    /// For HTML inputs: map from byte offsets of `article.text` to byte offsets of the decoded
    /// page (see [`rift_html::OffsetMap`]).
    pub offsets: Option<OffsetMap>,
}

/// One thing read: an article, or a problem with an input.
#[derive(Debug)]
pub enum Item {
    /// An article.
    Article(Box<Record>),
    /// A problem; the walk goes on.
    Error(InputError),
}

type Reader = Box<dyn BufRead + Send>;

enum Open {
    Lines {
        source: String,
        stem: String,
        reader: Reader,
        line: u64,
        any: bool,
        gz: bool,
    },
    Csv {
        source: String,
        stem: String,
        reader: Box<csv::Reader<Reader>>,
        headers: Vec<String>,
        row: u64,
    },
    Warc {
        source: String,
        stem: String,
        reader: Box<WarcReader<Reader>>,
        any: bool,
        gz: bool,
    },
    Queue(VecDeque<Item>),
}

enum Pending {
    Path(PathBuf),
    Memory(String, Vec<u8>),
}

/// Streaming reader over paths: yields [`Item`]s in order.
///
/// Directories are walked recursively in sorted order (hidden entries skipped); `-` is standard
/// input; a gzip'd file (any format) is unzipped on the fly. The format comes from the content
/// when it is unmistakable (`WARC/`, `<rss`, `<feed`, `<!DOCTYPE html`, a JSON Feed), else from
/// the extension, else from the content again (`{` → JSONL, markup → HTML, else text).
pub struct Inputs {
    pending: VecDeque<Pending>,
    open: Option<Open>,
    map: FieldMap,
    done: HashSet<(String, Option<u64>)>,
    skipped_done: u64,
    skipped_other: u64,
    detect_language: bool,
}

impl Inputs {
    /// Reads `paths` (files, directories, `-`) with a field mapping.
    pub fn new(paths: impl IntoIterator<Item = PathBuf>, map: FieldMap) -> Self {
        Inputs {
            pending: paths.into_iter().map(Pending::Path).collect(),
            open: None,
            map,
            done: HashSet::new(),
            skipped_done: 0,
            skipped_other: 0,
            detect_language: true,
        }
    }

    /// Whether to detect each article's language from its text ([`crate::lang::detect`], on by
    /// default). Off, [`Record::language`] is only what the input declares (a page's
    /// `og:locale` or `lang`, a feed's language): for readers that never look at it
    /// (`rift extract`), which saves the detection's few per cent of the run.
    pub fn detect_language(mut self, on: bool) -> Self {
        self.detect_language = on;
        self
    }

    /// Reads one in-memory input named `name` (its extension counts, as for a file).
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>, map: FieldMap) -> Self {
        let mut i = Inputs::new([], map);
        i.pending.push_back(Pending::Memory(name.into(), bytes));
        i
    }

    /// Records already stored by an earlier run, as `(path, record)`: they are skipped without
    /// being parsed further (resuming an interrupted ingest).
    pub fn skip_done(mut self, done: HashSet<(String, Option<u64>)>) -> Self {
        self.done = done;
        self
    }

    /// Records skipped because [`Inputs::skip_done`] listed them.
    pub fn skipped_done(&self) -> u64 {
        self.skipped_done
    }

    /// WARC records skipped because they hold no article (request, metadata, non-HTML or
    /// non-2xx responses).
    pub fn skipped_other(&self) -> u64 {
        self.skipped_other
    }

    fn is_done(&mut self, path: &str, record: Option<u64>) -> bool {
        if !self.done.is_empty() && self.done.contains(&(path.to_string(), record)) {
            self.skipped_done += 1;
            return true;
        }
        false
    }

    fn start(&mut self, pending: Pending) -> Option<Item> {
        let (source, name, raw): (String, PathBuf, Reader) = match pending {
            Pending::Memory(name, bytes) => (
                name.clone(),
                PathBuf::from(name),
                Box::new(std::io::Cursor::new(bytes)),
            ),
            Pending::Path(path) => {
                let source = path.display().to_string();
                if source == "-" {
                    (
                        source,
                        PathBuf::from("stdin"),
                        Box::new(BufReader::new(std::io::stdin())),
                    )
                } else {
                    let meta = match std::fs::metadata(&path) {
                        Ok(m) => m,
                        Err(e) => {
                            return Some(err(&source, None, InputErrorKind::Io, io_reason(&e)))
                        }
                    };
                    if meta.is_dir() {
                        return match list_dir(&path) {
                            Ok(children) => {
                                for c in children.into_iter().rev() {
                                    self.pending.push_front(Pending::Path(c));
                                }
                                None
                            }
                            Err(e) => Some(err(&source, None, InputErrorKind::Io, io_reason(&e))),
                        };
                    }
                    if meta.len() == 0 {
                        return Some(err(&source, None, InputErrorKind::Empty, "empty file"));
                    }
                    match File::open(&path) {
                        Ok(f) => (source, path, Box::new(BufReader::with_capacity(1 << 16, f))),
                        Err(e) => {
                            return Some(err(&source, None, InputErrorKind::Io, io_reason(&e)))
                        }
                    }
                }
            }
        };
        self.open_reader(source, name, raw)
    }

    fn open_reader(&mut self, source: String, name: PathBuf, mut reader: Reader) -> Option<Item> {
        let mut name = name;
        let mut head = match reader.fill_buf() {
            Ok(b) => b.to_vec(),
            Err(e) => return Some(err(&source, None, InputErrorKind::Io, io_reason(&e))),
        };
        if head.is_empty() {
            return Some(err(&source, None, InputErrorKind::Empty, "empty file"));
        }
        let gz = head.starts_with(&[0x1f, 0x8b]);
        if gz {
            if name
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("gz") || e.eq_ignore_ascii_case("tgz"))
            {
                name = name.with_extension("");
            }
            reader = Box::new(BufReader::with_capacity(
                1 << 16,
                flate2::bufread::MultiGzDecoder::new(reader),
            ));
            head = match reader.fill_buf() {
                Ok(b) => b.to_vec(),
                Err(e) => return Some(err(&source, None, InputErrorKind::Io, gz_reason(&e))),
            };
            if head.is_empty() {
                return Some(err(
                    &source,
                    None,
                    InputErrorKind::Empty,
                    "empty file (after gunzip)",
                ));
            }
        }
        let stem = name
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("input")
            .to_string();
        let strong = Format::sniff_strong(&head);
        if strong != Some(Format::Warc) && looks_binary(&head) {
            return Some(err(
                &source,
                None,
                InputErrorKind::Binary,
                "binary file (not text): refused",
            ));
        }
        let format = strong
            .or_else(|| Format::from_path(&name))
            .unwrap_or_else(|| Format::sniff_weak(&head));
        match format {
            Format::Text | Format::Html => {
                if self.is_done(&source, None) {
                    return None;
                }
                let bytes = match read_all(reader, gz) {
                    Ok(b) => b,
                    Err(reason) => return Some(err(&source, None, io_kind(&reason), reason)),
                };
                let mut item = if format == Format::Html {
                    html_item(&source, &stem, None, &bytes, None, None)
                } else {
                    text_item(&source, &stem, &bytes)
                };
                if let Item::Article(r) = &mut item {
                    let meta = crate::filename::name_meta(&stem);
                    let a = &mut r.article;
                    if a.published.is_none() {
                        a.published = meta.date;
                    }
                    if a.outlet.is_none() {
                        a.outlet = meta.outlet;
                    }
                }
                Some(item)
            }
            Format::Feed => {
                let bytes = match read_all(reader, gz) {
                    Ok(b) => b,
                    Err(reason) => return Some(err(&source, None, io_kind(&reason), reason)),
                };
                let items = crate::feed::feed_items(&source, &stem, &bytes);
                let items: VecDeque<Item> = items
                    .into_iter()
                    .filter(|it| match it {
                        Item::Article(r) => {
                            !(self.done.contains(&(r.path.clone(), r.record)) && {
                                self.skipped_done += 1;
                                true
                            })
                        }
                        Item::Error(_) => true,
                    })
                    .collect();
                self.open = Some(Open::Queue(items));
                None
            }
            Format::Warc => {
                self.open = Some(Open::Warc {
                    source,
                    stem,
                    reader: Box::new(WarcReader::new(reader)),
                    any: false,
                    gz,
                });
                None
            }
            Format::Jsonl => {
                self.open = Some(Open::Lines {
                    source,
                    stem,
                    reader,
                    line: 0,
                    any: false,
                    gz,
                });
                None
            }
            Format::Csv => {
                let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
                let headers = match rdr.headers() {
                    Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
                    Err(e) => {
                        return Some(err(
                            &source,
                            Some(1),
                            InputErrorKind::Parse,
                            csv_reason(&e, gz),
                        ))
                    }
                };
                self.open = Some(Open::Csv {
                    source,
                    stem,
                    reader: Box::new(rdr),
                    headers,
                    row: 1,
                });
                None
            }
        }
    }

    fn next_record(&mut self) -> Option<Item> {
        let map = &self.map;
        let done = &self.done;
        let skipped = &mut self.skipped_done;
        let skipped_other = &mut self.skipped_other;
        let open = self.open.as_mut()?;
        match open {
            Open::Queue(q) => {
                let it = q.pop_front();
                if it.is_none() {
                    self.open = None;
                }
                it
            }
            Open::Lines {
                source,
                stem,
                reader,
                line,
                any,
                gz,
            } => {
                let mut buf = Vec::new();
                loop {
                    buf.clear();
                    match reader.read_until(b'\n', &mut buf) {
                        Ok(0) => {
                            let item = (!*any)
                                .then(|| err(source, None, InputErrorKind::Empty, "no records"));
                            self.open = None;
                            return item;
                        }
                        Ok(_) => {
                            *line += 1;
                            let n = *line;
                            let s = match std::str::from_utf8(&buf) {
                                Ok(s) => s.trim(),
                                Err(_) => {
                                    *any = true;
                                    return Some(err(
                                        source,
                                        Some(n),
                                        InputErrorKind::Parse,
                                        "not UTF-8",
                                    ));
                                }
                            };
                            if s.is_empty() {
                                continue;
                            }
                            *any = true;
                            if !done.is_empty() && done.contains(&(source.clone(), Some(n))) {
                                *skipped += 1;
                                continue;
                            }
                            return Some(match serde_json::from_str::<serde_json::Value>(s) {
                                Ok(serde_json::Value::Object(obj)) => {
                                    record_to_article(map, source, stem, n, |k| {
                                        obj.get(k).and_then(json_str)
                                    })
                                }
                                Ok(_) => err(
                                    source,
                                    Some(n),
                                    InputErrorKind::Parse,
                                    "expected a JSON object",
                                ),
                                Err(e) => {
                                    err(source, Some(n), InputErrorKind::Parse, e.to_string())
                                }
                            });
                        }
                        Err(e) => {
                            let reason = if *gz { gz_reason(&e) } else { io_reason(&e) };
                            let item = err(source, Some(*line + 1), InputErrorKind::Io, reason);
                            self.open = None;
                            return Some(item);
                        }
                    }
                }
            }
            Open::Csv {
                source,
                stem,
                reader,
                headers,
                row,
            } => loop {
                let mut rec = csv::StringRecord::new();
                match reader.read_record(&mut rec) {
                    Ok(false) => {
                        let item = (*row == 1)
                            .then(|| err(source, None, InputErrorKind::Empty, "no records"));
                        self.open = None;
                        return item;
                    }
                    Ok(true) => {
                        *row += 1;
                        let n = *row;
                        if !done.is_empty() && done.contains(&(source.clone(), Some(n))) {
                            *skipped += 1;
                            continue;
                        }
                        return Some(record_to_article(map, source, stem, n, |k| {
                            headers
                                .iter()
                                .position(|h| h.eq_ignore_ascii_case(k))
                                .and_then(|i| rec.get(i))
                                .map(str::to_string)
                        }));
                    }
                    Err(e) => {
                        *row += 1;
                        let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                        let item = rec_err(
                            source,
                            Some(*row),
                            InputErrorKind::Parse,
                            csv_reason(&e, true),
                        );
                        if fatal {
                            self.open = None;
                        }
                        return Some(item);
                    }
                }
            },
            Open::Warc {
                source,
                stem,
                reader,
                any,
                gz,
            } => loop {
                match reader.next() {
                    None => {
                        let item = (!*any)
                            .then(|| err(source, None, InputErrorKind::Empty, "no WARC records"));
                        self.open = None;
                        return item;
                    }
                    Some(Err(RecordError {
                        record,
                        reason,
                        fatal,
                    })) => {
                        *any = true;
                        let reason = if fatal && *gz && reason.contains("truncated") {
                            "truncated gzip".to_string()
                        } else {
                            reason
                        };
                        return Some(rec_err(source, Some(record), InputErrorKind::Parse, reason));
                    }
                    Some(Ok(rec)) => {
                        *any = true;
                        let n = reader.records_read();
                        let kind = rec.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
                        if kind != "response" && kind != "resource" {
                            continue;
                        }
                        let url = rec
                            .header("WARC-Target-URI")
                            .map(|u| u.trim_matches(['<', '>']).to_string());
                        let (content_type, body) = if kind == "response" {
                            match http_payload(&rec.body) {
                                Ok(p) if (200..300).contains(&p.status) => (p.content_type, p.body),
                                Ok(_) => {
                                    *skipped_other += 1;
                                    continue;
                                }
                                Err(reason) => {
                                    return Some(rec_err(
                                        source,
                                        Some(n),
                                        InputErrorKind::Parse,
                                        reason,
                                    ))
                                }
                            }
                        } else {
                            (rec.header("Content-Type").map(str::to_string), rec.body)
                        };
                        let ct = content_type
                            .clone()
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                        let html_ct = ct.contains("html")
                            || (ct.is_empty() && Format::sniff_weak(&body) == Format::Html);
                        if !html_ct {
                            *skipped_other += 1;
                            continue;
                        }
                        if !done.is_empty() && done.contains(&(source.clone(), Some(n))) {
                            *skipped += 1;
                            continue;
                        }
                        let charset = content_type
                            .as_deref()
                            .and_then(rift_html::charset::charset_of_content_type)
                            .map(str::to_string);
                        return Some(html_item(
                            source,
                            stem,
                            Some(n),
                            &body,
                            charset.as_deref(),
                            url,
                        ));
                    }
                }
            },
        }
    }
}

impl Iterator for Inputs {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        let mut item = self.next_item()?;
        if let (true, Item::Article(r)) = (self.detect_language, &mut item) {
            // what the text says first, what the input declares as the fallback
            r.language = crate::lang::detect(&r.article.text).or(r.language.take());
        }
        Some(item)
    }
}

impl Inputs {
    /// The next item, with only its declared language.
    fn next_item(&mut self) -> Option<Item> {
        loop {
            if self.open.is_some() {
                if let Some(item) = self.next_record() {
                    return Some(item);
                }
                continue;
            }
            let p = self.pending.pop_front()?;
            if let Some(item) = self.start(p) {
                return Some(item);
            }
        }
    }
}

pub(crate) fn err(
    source: &str,
    record: Option<u64>,
    kind: InputErrorKind,
    reason: impl Into<String>,
) -> Item {
    Item::Error(InputError::new(source, record, kind, reason))
}

fn rec_err(
    source: &str,
    record: Option<u64>,
    kind: InputErrorKind,
    reason: impl Into<String>,
) -> Item {
    Item::Error(InputError::new(source, record, kind, reason).with_unit("record"))
}

/// A person-readable reason for an I/O error.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => e.to_string(),
    }
}

fn gz_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "truncated gzip".into(),
        std::io::ErrorKind::InvalidInput | std::io::ErrorKind::InvalidData => {
            format!("corrupt gzip: {e}")
        }
        _ => io_reason(e),
    }
}

fn csv_reason(e: &csv::Error, gz: bool) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) if gz => gz_reason(io),
        csv::ErrorKind::Io(io) => io_reason(io),
        csv::ErrorKind::Utf8 { .. } => "not UTF-8".into(),
        _ => e.to_string(),
    }
}

fn read_all(mut reader: Reader, gz: bool) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match reader.read_to_end(&mut bytes) {
        Ok(_) => Ok(bytes),
        Err(e) if gz => Err(gz_reason(&e)),
        Err(e) => Err(io_reason(&e)),
    }
}

fn text_item(source: &str, stem: &str, bytes: &[u8]) -> Item {
    let text = match rift_html::charset::decode(bytes, None, false) {
        Ok(d) => d.text,
        Err(e) => return err(source, None, InputErrorKind::Binary, e.to_string()),
    };
    if text.trim().is_empty() {
        return err(
            source,
            None,
            InputErrorKind::Empty,
            "empty file (only whitespace)",
        );
    }
    if looks_binary(text.as_bytes()) {
        return err(
            source,
            None,
            InputErrorKind::Binary,
            "binary file (not text): refused",
        );
    }
    let mut a = Article::new(stem, text);
    a.source = source.to_string();
    Item::Article(Box::new(Record {
        article: a,
        path: source.to_string(),
        record: None,
        format: Format::Text,
        language: None,
        offsets: None,
    }))
}

/// A web page (file or WARC payload) → an article record.
pub(crate) fn html_item(
    source: &str,
    stem: &str,
    record: Option<u64>,
    bytes: &[u8],
    http_charset: Option<&str>,
    url: Option<String>,
) -> Item {
    let decoded = match rift_html::charset::decode(bytes, http_charset, true) {
        Ok(d) => d,
        Err(e) => return err(source, record, InputErrorKind::Binary, e.to_string()),
    };
    let page = rift_html::clean(
        &decoded.text,
        &rift_html::Options {
            extractor: true,
            url: url.clone(),
        },
    );
    if page.text.trim().is_empty() {
        return err(
            source,
            record,
            InputErrorKind::Invalid,
            "no article text found in the page",
        );
    }
    let id = match record {
        Some(n) => format!("{stem}-{n}"),
        None => stem.to_string(),
    };
    let mut a = Article::new(id, page.text);
    a.source = match record {
        Some(n) => format!("{source}:{n}"),
        None => source.to_string(),
    };
    a.title = page.meta.title;
    a.outlet = page.meta.site_name;
    a.published = page.meta.published;
    a.url = page.meta.url.or(url);
    let language = page.meta.language;
    let mut offsets = page.offsets;
    if decoded.skipped > 0 {
        offsets = OffsetMap::from_runs(
            offsets
                .runs()
                .iter()
                .map(|&(c, o)| (c, o + decoded.skipped))
                .collect(),
        );
    }
    Item::Article(Box::new(Record {
        article: a,
        path: source.to_string(),
        record,
        format: Format::Html,
        language,
        offsets: Some(offsets),
    }))
}

fn json_str(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn record_to_article(
    map: &FieldMap,
    source: &str,
    stem: &str,
    n: u64,
    get: impl Fn(&str) -> Option<String>,
) -> Item {
    let first = |names: &[String]| {
        names
            .iter()
            .find_map(|k| get(k).filter(|v| !v.trim().is_empty()))
    };
    let Some(text) = first(&map.text) else {
        return err(
            source,
            Some(n),
            InputErrorKind::Invalid,
            format!("no text field (tried {})", map.text.join(", ")),
        );
    };
    let id = first(&map.id).unwrap_or_else(|| format!("{stem}-{n}"));
    let mut a = Article::new(id, text);
    a.source = format!("{source}:{n}");
    a.title = first(&map.title);
    a.url = first(&map.url);
    a.outlet = first(&map.outlet);
    a.published = first(&map.published).and_then(|d| parse_any_date(&d));
    Item::Article(Box::new(Record {
        article: a,
        path: source.to_string(),
        record: Some(n),
        format: if source.to_ascii_lowercase().contains(".csv") {
            Format::Csv
        } else {
            Format::Jsonl
        },
        language: None,
        offsets: None,
    }))
}

/// `2019-05-19`, `2019-05-19T10:00:00Z`, `May 19, 2019`, `19 May 2019`.
pub fn parse_any_date(s: &str) -> Option<Date> {
    parse_date(s).or_else(|| {
        rift_text::dates::find_date(s, None)
            .filter(|f| f.has_year)
            .map(|f| f.date)
    })
}

fn looks_binary(head: &[u8]) -> bool {
    // UTF-16 with a BOM has NUL bytes but is text.
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    // On slices, not `iter().take(n)`: `contains` is a memchr and the count vectorises (the
    // `take` versions cost ~75 000 instructions a file).
    if head[..head.len().min(8192)].contains(&0) {
        return true;
    }
    // Many control characters other than tab/newline/carriage return: binary.
    let ctl = head[..head.len().min(4096)]
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    ctl * 20 > head.len().min(4096)
}

fn list_dir(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    v.sort();
    Ok(v)
}

fn io_kind(reason: &str) -> InputErrorKind {
    if reason.contains("gzip") {
        InputErrorKind::Compressed
    } else {
        InputErrorKind::Io
    }
}
