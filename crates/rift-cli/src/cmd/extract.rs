//! `rift extract`: statements from files to stdout, no database.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use rift_ingest::{FieldMap, Inputs, Item};

use crate::output::{write_table, Format};
use crate::pipeline::{ExtractOpts, Pipeline, Processed};

/// Arguments of `rift extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories (recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Project folder (kb.toml, issues.toml): resolves speakers and labels stances.
    #[arg(long, value_name = "DIR")]
    pub project: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Field mapping for JSONL/CSV inputs, e.g. `text=body,title=headline,published=date`.
    #[arg(long, value_name = "SPEC")]
    pub map: Option<String>,
    #[command(flatten)]
    pub extract: ExtractOpts,
}

/// Articles processed per parallel batch (bounds memory).
pub const BATCH: usize = 256;

/// Runs `rift extract`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut pipeline = Pipeline::new(args.project.as_deref())?;
    pipeline.set_extract(args.extract);
    let map = match &args.map {
        Some(s) => FieldMap::parse(s).map_err(anyhow::Error::msg)?,
        None => FieldMap::default(),
    };
    let pool = crate::cmd::thread_pool(args.threads)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut n_articles = 0usize;
    let mut n_statements = 0usize;
    let mut table_rows: Vec<Vec<String>> = Vec::new();
    let mut dates = DateCache::default();
    if args.format == Format::Csv {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(CSV_HEADER)?;
        w.flush()?;
    }
    // extraction's output has no language: not detecting it saves ~4% of the run
    let mut inputs = Inputs::new(args.paths.clone(), map).detect_language(false);
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for item in inputs.by_ref() {
            match item {
                Item::Article(a) => {
                    batch.push(a.article);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Item::Error(e) => {
                    failed += 1;
                    eprintln!("rift: {e}");
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let done: Vec<Processed> =
            pool.install(|| batch.into_par_iter().map(|a| pipeline.process(a)).collect());
        let mut csv_out = (args.format == Format::Csv).then(|| {
            csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new())
        });
        for p in &done {
            n_articles += 1;
            n_statements += p.statements.len();
            for s in &p.statements {
                match args.format {
                    Format::Jsonl | Format::Json => {
                        write_json(&mut out, s, &mut dates)?;
                        out.write_all(b"\n")?;
                    }
                    Format::Csv => csv_out
                        .as_mut()
                        .expect("csv writer")
                        .write_record(csv_row(s))?,
                    Format::Table => table_rows.push(table_row(s)),
                }
            }
        }
        if let Some(w) = csv_out {
            out.write_all(&w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?;
        }
    }
    if args.format == Format::Table {
        write_table(
            &mut out,
            &["article", "kind", "speaker", "cue", "stance", "text"],
            &table_rows,
        )?;
    }
    out.flush()?;
    tracing::info!("{n_articles} articles, {n_statements} statements, {failed} inputs failed");
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes `s` as `serde_json::to_writer` does (same bytes; a test compares them), without
/// serde's per-byte string escaping: strings are copied 8 bytes at a time up to the next byte
/// that needs an escape. The stance list, when there is one, goes through serde_json.
fn write_json<W: Write>(
    out: &mut W,
    s: &rift_core::Statement,
    dates: &mut DateCache,
) -> std::io::Result<()> {
    out.write_all(b"{\"article\":")?;
    json_str(out, &s.article)?;
    out.write_all(b",\"kind\":\"")?;
    out.write_all(s.kind.as_str().as_bytes())?;
    out.write_all(b"\",\"text\":")?;
    json_str(out, &s.text)?;
    out.write_all(b",\"span\":")?;
    json_span(out, &s.span)?;
    out.write_all(b",\"cue\":")?;
    match &s.cue {
        None => out.write_all(b"null")?,
        Some(c) => {
            out.write_all(b"{\"text\":")?;
            json_str(out, &c.text)?;
            out.write_all(b",\"span\":")?;
            json_span(out, &c.span)?;
            out.write_all(b"}")?;
        }
    }
    out.write_all(b",\"source\":{\"text\":")?;
    json_str(out, &s.source.text)?;
    out.write_all(b",\"span\":")?;
    match &s.source.span {
        None => out.write_all(b"null")?,
        Some(sp) => json_span(out, sp)?,
    }
    out.write_all(b",\"name\":")?;
    json_opt_str(out, s.source.name.as_deref())?;
    out.write_all(b",\"actor\":")?;
    json_opt_str(out, s.source.actor.as_deref())?;
    out.write_all(b",\"type\":\"")?;
    out.write_all(s.source.kind.as_str().as_bytes())?;
    out.write_all(b"\"},\"outlet\":")?;
    match &s.outlet {
        None => out.write_all(b"null")?,
        Some(o) => {
            out.write_all(b"{\"id\":")?;
            json_opt_str(out, o.id.as_deref())?;
            out.write_all(b",\"name\":")?;
            json_str(out, &o.name)?;
            out.write_all(b"}")?;
        }
    }
    out.write_all(b",\"date\":")?;
    match &s.date {
        None => out.write_all(b"null")?,
        Some(d) => dates.write(out, d)?,
    }
    out.write_all(b",\"stance\":")?;
    if s.stance.is_empty() {
        out.write_all(b"[]")?;
    } else {
        serde_json::to_writer(&mut *out, &s.stance)?;
    }
    out.write_all(b"}")
}

/// The JSON of the last date written: an article's statements mostly share one date, and
/// serde formats a date through `Display`.
#[derive(Default)]
struct DateCache(Option<(rift_core::Date, Vec<u8>)>);

impl DateCache {
    fn write<W: Write>(&mut self, out: &mut W, d: &rift_core::Date) -> std::io::Result<()> {
        match &self.0 {
            Some((c, bytes)) if c == d => out.write_all(bytes),
            _ => {
                let bytes = serde_json::to_vec(d).map_err(std::io::Error::from)?;
                out.write_all(&bytes)?;
                self.0 = Some((*d, bytes));
                Ok(())
            }
        }
    }
}

fn json_span<W: Write>(out: &mut W, sp: &rift_core::Span) -> std::io::Result<()> {
    let mut buf = [0u8; 44];
    let mut n = 0;
    buf[n] = b'[';
    n += 1;
    n += decimal(sp.start, &mut buf[n..]);
    buf[n] = b',';
    n += 1;
    n += decimal(sp.end, &mut buf[n..]);
    buf[n] = b']';
    n += 1;
    out.write_all(&buf[..n])
}

/// Writes `v` in decimal at the start of `buf` (at least 20 bytes); returns the length.
fn decimal(mut v: usize, buf: &mut [u8]) -> usize {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let len = tmp.len() - i;
    buf[..len].copy_from_slice(&tmp[i..]);
    len
}

fn json_opt_str<W: Write>(out: &mut W, v: Option<&str>) -> std::io::Result<()> {
    match v {
        None => out.write_all(b"null"),
        Some(v) => json_str(out, v),
    }
}

/// A JSON string as serde_json writes it: `"` and `\` escaped with a backslash, control bytes
/// as `\b \t \n \f \r` or `\u00xx`, everything else (0x7F, non-ASCII) as it is.
fn json_str<W: Write>(out: &mut W, v: &str) -> std::io::Result<()> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let b = v.as_bytes();
    out.write_all(b"\"")?;
    let mut run = 0; // start of the bytes not yet written
    let mut i = 0;
    while i < b.len() {
        // skip 8 bytes at a time while none is a control byte, `"` or `\`
        if let Some(c) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            let ctrl = x.wrapping_sub(LO * 0x20) & !x;
            let quote =
                (x ^ (LO * u64::from(b'"'))).wrapping_sub(LO) & !(x ^ (LO * u64::from(b'"')));
            let bslash =
                (x ^ (LO * u64::from(b'\\'))).wrapping_sub(LO) & !(x ^ (LO * u64::from(b'\\')));
            if (ctrl | quote | bslash) & HI == 0 {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0c => b"\\f",
            b'\r' => b"\\r",
            0x00..=0x1f => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.write_all(&b[run..i])?;
                out.write_all(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(c >> 4)],
                    HEX[usize::from(c & 0xf)],
                ])?;
                i += 1;
                run = i;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.write_all(&b[run..i])?;
        out.write_all(esc)?;
        i += 1;
        run = i;
    }
    out.write_all(&b[run..])?;
    out.write_all(b"\"")
}

const CSV_HEADER: &[&str] = &[
    "article",
    "kind",
    "start",
    "end",
    "text",
    "cue",
    "source_text",
    "source_name",
    "source_actor",
    "source_type",
    "outlet",
    "date",
    "stance",
];

fn stance_summary(s: &rift_core::Statement) -> String {
    s.stance
        .iter()
        .map(|st| format!("{}:{}", st.issue, st.label.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn csv_row(s: &rift_core::Statement) -> Vec<String> {
    vec![
        s.article.clone(),
        s.kind.as_str().into(),
        s.span.start.to_string(),
        s.span.end.to_string(),
        s.text.clone(),
        s.cue.as_ref().map_or(String::new(), |c| c.text.clone()),
        s.source.text.clone(),
        s.source.name.clone().unwrap_or_default(),
        s.source.actor.clone().unwrap_or_default(),
        s.source.kind.as_str().into(),
        s.outlet.as_ref().map_or(String::new(), |o| o.name.clone()),
        s.date.map_or(String::new(), |d| d.to_string()),
        stance_summary(s),
    ]
}

fn table_row(s: &rift_core::Statement) -> Vec<String> {
    let speaker = s.source.name.clone().unwrap_or_else(|| {
        if s.source.text.is_empty() {
            "?".into()
        } else {
            s.source.text.clone()
        }
    });
    vec![
        s.article.clone(),
        s.kind.as_str().into(),
        speaker,
        s.cue.as_ref().map_or(String::new(), |c| c.text.clone()),
        stance_summary(s),
        s.text.replace('\n', " "),
    ]
}

#[cfg(test)]
mod tests {
    use rift_core::{Cue, OutletRef, Source, SourceType, Span, Statement, StatementKind};

    fn json(s: &Statement) -> String {
        let mut v = Vec::new();
        super::write_json(&mut v, s, &mut super::DateCache::default()).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn json_matches_serde_json() {
        let nasty =
            "a \"quoted\" back\\slash\ttab\nline\r\u{0}\u{1f}\u{7f}\u{8}\u{c} “curly” é 😀 end";
        let mut s = Statement {
            article: "art-1".into(),
            kind: StatementKind::Direct,
            text: nasty.into(),
            span: Span::new(0, 12345678901),
            cue: Some(Cue {
                text: "said".into(),
                span: Span::new(7, 11),
            }),
            source: Source {
                text: "the \"spokesman\"".into(),
                span: Some(Span::new(1, 2)),
                name: Some("Jane Doe".into()),
                actor: Some("jane_doe".into()),
                kind: SourceType::Person,
            },
            outlet: Some(OutletRef {
                id: Some("x".into()),
                name: "Outlet\u{2028}".into(),
            }),
            date: rift_core::parse_date("2016-02-08"),
            stance: Vec::new(),
        };
        assert_eq!(json(&s), serde_json::to_string(&s).unwrap());
        for d in [
            "0001-01-01",
            "0999-12-31",
            "1999-09-09",
            "2016-10-31",
            "9999-12-31",
        ] {
            s.date = rift_core::parse_date(d);
            assert_eq!(json(&s), serde_json::to_string(&s).unwrap());
        }
        // one cache across statements of different dates
        let mut cache = super::DateCache::default();
        for d in ["2016-10-31", "2016-10-31", "2015-01-02", "2016-10-31", ""] {
            s.date = rift_core::parse_date(d);
            let mut v = Vec::new();
            super::write_json(&mut v, &s, &mut cache).unwrap();
            assert_eq!(v, serde_json::to_vec(&s).unwrap());
        }
        for (i, kind) in [StatementKind::Indirect, StatementKind::Written]
            .into_iter()
            .enumerate()
        {
            s.kind = kind;
            s.cue = None;
            s.outlet = None;
            s.date = None;
            s.source = Source {
                kind: [SourceType::Outlet, SourceType::Group, SourceType::Unknown][i],
                ..Source::default()
            };
            s.text = nasty[..i * 7].to_string();
            assert_eq!(json(&s), serde_json::to_string(&s).unwrap());
        }
        s.source.kind = SourceType::Unknown;
        s.outlet = Some(OutletRef {
            id: None,
            name: String::new(),
        });
        for n in 0..nasty.len() {
            if nasty.is_char_boundary(n) {
                s.text = nasty[n..].to_string();
                s.article = nasty[..n].to_string();
                assert_eq!(json(&s), serde_json::to_string(&s).unwrap());
            }
        }
    }
}
