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
    if args.format == Format::Csv {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(CSV_HEADER)?;
        w.flush()?;
    }
    let mut inputs = Inputs::new(args.paths.clone(), map);
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
                        serde_json::to_writer(&mut out, s)?;
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
