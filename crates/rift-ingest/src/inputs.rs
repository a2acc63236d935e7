//! Walking paths and reading records.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rift_core::{parse_date, Article, Date};

use crate::error::{InputError, InputErrorKind};
use crate::fields::FieldMap;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article per file (`.txt`, `.md`, or anything textual).
    Text,
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// Comma-separated values with a header row (`.csv`).
    Csv,
}

impl Format {
    /// The format a file name suggests.
    pub fn from_path(p: &Path) -> Option<Format> {
        match p.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" | "md" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// One thing read: an article, or a problem with an input.
#[derive(Debug)]
pub enum Item {
    /// An article.
    Article(Box<Article>),
    /// A problem; the walk goes on.
    Error(InputError),
}

enum Open {
    Lines {
        source: String,
        stem: String,
        reader: Box<dyn BufRead + Send>,
        line: u64,
        any: bool,
    },
    Csv {
        source: String,
        stem: String,
        reader: csv::Reader<Box<dyn Read + Send>>,
        headers: Vec<String>,
        row: u64,
    },
}

/// Streaming reader over paths: yields [`Item`]s in order.
pub struct Inputs {
    pending: VecDeque<PathBuf>,
    open: Option<Open>,
    map: FieldMap,
}

impl Inputs {
    /// Reads `paths` (files, directories, `-`) with a field mapping.
    pub fn new(paths: impl IntoIterator<Item = PathBuf>, map: FieldMap) -> Self {
        Inputs {
            pending: paths.into_iter().collect(),
            open: None,
            map,
        }
    }

    fn start(&mut self, path: PathBuf) -> Option<Item> {
        let source = path.display().to_string();
        if source == "-" {
            let mut reader: Box<dyn BufRead + Send> = Box::new(BufReader::new(std::io::stdin()));
            let first = match reader.fill_buf() {
                Ok(b) => b.iter().find(|c| !c.is_ascii_whitespace()).copied(),
                Err(e) => return Some(err(&source, None, InputErrorKind::Io, e.to_string())),
            };
            if first == Some(b'{') {
                self.open = Some(Open::Lines {
                    source,
                    stem: "stdin".into(),
                    reader,
                    line: 0,
                    any: false,
                });
                return None;
            }
            return Some(self.whole_text(&source, "stdin", reader));
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(err(&source, None, InputErrorKind::Io, io_reason(&e))),
        };
        if meta.is_dir() {
            match list_dir(&path) {
                Ok(children) => {
                    for c in children.into_iter().rev() {
                        self.pending.push_front(c);
                    }
                    return None;
                }
                Err(e) => return Some(err(&source, None, InputErrorKind::Io, io_reason(&e))),
            }
        }
        if meta.len() == 0 {
            return Some(err(&source, None, InputErrorKind::Empty, "empty file"));
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("input")
            .to_string();
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) => return Some(err(&source, None, InputErrorKind::Io, io_reason(&e))),
        };
        let mut reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, file));
        let head = match reader.fill_buf() {
            Ok(b) => b.to_vec(),
            Err(e) => return Some(err(&source, None, InputErrorKind::Io, io_reason(&e))),
        };
        if looks_binary(&head) {
            return Some(err(
                &source,
                None,
                InputErrorKind::Binary,
                "binary file (not text): refused",
            ));
        }
        let format = Format::from_path(&path).unwrap_or_else(|| {
            let first = head.iter().find(|c| !c.is_ascii_whitespace()).copied();
            if first == Some(b'{') {
                Format::Jsonl
            } else {
                Format::Text
            }
        });
        match format {
            Format::Text => Some(self.whole_text(&source, &stem, reader)),
            Format::Jsonl => {
                self.open = Some(Open::Lines {
                    source,
                    stem,
                    reader,
                    line: 0,
                    any: false,
                });
                None
            }
            Format::Csv => {
                let mut rdr = csv::ReaderBuilder::new()
                    .flexible(true)
                    .from_reader(Box::new(reader) as Box<dyn Read + Send>);
                let headers = match rdr.headers() {
                    Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
                    Err(e) => {
                        return Some(err(&source, Some(1), InputErrorKind::Parse, e.to_string()))
                    }
                };
                self.open = Some(Open::Csv {
                    source,
                    stem,
                    reader: rdr,
                    headers,
                    row: 1,
                });
                None
            }
        }
    }

    fn whole_text(&self, source: &str, stem: &str, mut reader: Box<dyn BufRead + Send>) -> Item {
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return err(source, None, InputErrorKind::Io, io_reason(&e));
        }
        let text = match decode(bytes) {
            Ok(t) => t,
            Err(reason) => return err(source, None, InputErrorKind::Binary, reason),
        };
        if text.trim().is_empty() {
            return err(
                source,
                None,
                InputErrorKind::Empty,
                "empty file (only whitespace)",
            );
        }
        let mut a = Article::new(stem, text);
        a.source = source.to_string();
        Item::Article(Box::new(a))
    }

    fn next_record(&mut self) -> Option<Item> {
        let map = &self.map;
        match self.open.as_mut()? {
            Open::Lines {
                source,
                stem,
                reader,
                line,
                any,
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
                                    return Some(err(
                                        source,
                                        Some(n),
                                        InputErrorKind::Parse,
                                        "not UTF-8",
                                    ))
                                }
                            };
                            if s.is_empty() {
                                continue;
                            }
                            *any = true;
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
                            let item =
                                err(source, Some(*line + 1), InputErrorKind::Io, io_reason(&e));
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
            } => {
                let mut rec = csv::StringRecord::new();
                match reader.read_record(&mut rec) {
                    Ok(false) => {
                        let item = (*row == 1)
                            .then(|| err(source, None, InputErrorKind::Empty, "no records"));
                        self.open = None;
                        item
                    }
                    Ok(true) => {
                        *row += 1;
                        let n = *row;
                        Some(record_to_article(map, source, stem, n, |k| {
                            headers
                                .iter()
                                .position(|h| h.eq_ignore_ascii_case(k))
                                .and_then(|i| rec.get(i))
                                .map(str::to_string)
                        }))
                    }
                    Err(e) => {
                        *row += 1;
                        Some(err(
                            source,
                            Some(*row),
                            InputErrorKind::Parse,
                            e.to_string(),
                        ))
                    }
                }
            }
        }
    }
}

impl Iterator for Inputs {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        loop {
            if self.open.is_some() {
                if let Some(item) = self.next_record() {
                    return Some(item);
                }
                continue;
            }
            let path = self.pending.pop_front()?;
            if let Some(item) = self.start(path) {
                return Some(item);
            }
        }
    }
}

fn err(source: &str, record: Option<u64>, kind: InputErrorKind, reason: impl Into<String>) -> Item {
    Item::Error(InputError::new(source, record, kind, reason))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
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
    Item::Article(Box::new(a))
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
    if head.contains(&0) {
        return true;
    }
    // Many control characters other than tab/newline/carriage return: binary.
    let ctl = head
        .iter()
        .take(4096)
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    ctl * 20 > head.len().min(4096)
}

/// UTF-8 (with or without BOM). Other encodings arrive with the real-world-input work.
fn decode(mut bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(paths: Vec<PathBuf>) -> (Vec<Article>, Vec<String>) {
        let mut arts = Vec::new();
        let mut errs = Vec::new();
        for it in Inputs::new(paths, FieldMap::default()) {
            match it {
                Item::Article(a) => arts.push(*a),
                Item::Error(e) => errs.push(e.to_string()),
            }
        }
        (arts, errs)
    }

    #[test]
    fn good_and_bad_inputs_side_by_side() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        std::fs::write(p.join("a.txt"), "Hello “world,” he said.").unwrap();
        std::fs::write(p.join("empty.txt"), "").unwrap();
        std::fs::write(p.join("bin.txt"), [0u8, 1, 2, 3, 0, 255]).unwrap();
        std::fs::write(p.join("b.jsonl"), "{\"id\":\"x1\",\"text\":\"One.\",\"published\":\"2019-05-19\"}\n{broken\n{\"id\":\"x3\",\"body\":\"Three.\"}\n{\"id\":\"x4\"}\n").unwrap();
        std::fs::write(
            p.join("c.csv"),
            "id,headline,text,date\nc1,T,\"Some, text.\",\"May 3, 2016\"\n",
        )
        .unwrap();
        let (arts, errs) = collect(vec![p.to_path_buf(), p.join("missing.txt")]);
        let ids: Vec<&str> = arts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "x1", "x3", "c1"]);
        assert_eq!(arts[1].published, parse_date("2019-05-19"));
        assert_eq!(arts[3].published, parse_date("2016-05-03"));
        assert_eq!(arts[3].title.as_deref(), Some("T"));
        assert_eq!(errs.len(), 5, "{errs:#?}");
        assert!(
            errs[0].ends_with("b.jsonl: line 2: key must be a string at line 1 column 2"),
            "{}",
            errs[0]
        );
        assert!(
            errs[1].contains("b.jsonl: line 4: no text field"),
            "{}",
            errs[1]
        );
        assert!(
            errs[2].ends_with("bin.txt: binary file (not text): refused"),
            "{}",
            errs[2]
        );
        assert!(errs[3].ends_with("empty.txt: empty file"), "{}", errs[3]);
        assert!(
            errs[4].ends_with("missing.txt: no such file or directory"),
            "{}",
            errs[4]
        );
    }
}
