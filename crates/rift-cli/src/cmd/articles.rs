//! `rift articles`: lists the articles stored by `rift ingest` (`rift-store`), without their texts.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cmd::statements::open_db;
use crate::output::write_table;

/// Output formats of `rift articles`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ArticlesFormat {
    /// Aligned columns for people: id, title, outlet, date, statement count.
    Table,
    /// One JSON object per article, with source, URL, content hash and ingest time too.
    Jsonl,
}

/// Arguments of `rift articles`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The SQLite database written by `rift ingest` (it must exist).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ArticlesFormat::Table)]
    pub format: ArticlesFormat,
}

/// Runs `rift articles`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_db(&args.db)?;
    let rows = store.articles().context("reading articles")?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        ArticlesFormat::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|a| {
                    vec![
                        a.ext_id.clone(),
                        a.title.clone().unwrap_or_default(),
                        a.outlet.clone().unwrap_or_default(),
                        a.date.map(|d| d.to_string()).unwrap_or_default(),
                        a.statements.to_string(),
                    ]
                })
                .collect();
            write_table(
                &mut out,
                &["ID", "TITLE", "OUTLET", "DATE", "STATEMENTS"],
                &table,
            )?;
        }
        ArticlesFormat::Jsonl => {
            for a in &rows {
                // `id` is the article's own id (as in statement records); `row` the database key.
                let rec = serde_json::json!({
                    "id": a.ext_id,
                    "row": a.id,
                    "title": a.title,
                    "outlet": a.outlet,
                    "outlet_id": a.outlet_id,
                    "date": a.date,
                    "source": a.source,
                    "url": a.url,
                    "hash": a.hash,
                    "duplicate_of": a.duplicate_of,
                    "statements": a.statements,
                    "ingested_at": a.ingested_at,
                });
                serde_json::to_writer(&mut out, &rec)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
