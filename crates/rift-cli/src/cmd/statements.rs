//! `rift statements`: lists statements stored by `rift ingest` (`rift-store`), filtered by issue,
//! actor or faction, as a table, as `rift extract`'s JSONL records, or as CSV.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use rift_store::{FactionTag, StatementFilter, StatementRow, Store, StoreError, TieVia};

use crate::output::write_table;

/// Output formats of `rift statements`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatementsFormat {
    /// Aligned columns for people (long texts are cut).
    Table,
    /// One statement record per line, exactly as `rift extract` writes it.
    Jsonl,
    /// Comma-separated values with a header, one statement per row.
    Csv,
}

/// Arguments of `rift statements`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The SQLite database written by `rift ingest` (it must exist).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Only statements with a stance on this issue id (see `issues.toml`).
    #[arg(long, value_name = "ID")]
    pub issue: Option<String>,
    /// Only statements whose speaker resolved to this KB actor (or outlet) id.
    #[arg(long, value_name = "ID")]
    pub actor: Option<String>,
    /// Only statements tagged with this faction id or one of its sub-factions, through the
    /// speaker's or the outlet's tie.
    #[arg(long, value_name = "ID")]
    pub faction: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatementsFormat::Table)]
    pub format: StatementsFormat,
}

/// Runs `rift statements`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_db(&args.db)?;
    // A typo should not look like "no statements": check ids against the stored KB snapshot
    // (when the database has one).
    if let Some(issue) = &args.issue {
        if !store.issues()?.is_empty() {
            crate::cmd::positions::known_issue(&store, issue)?;
        }
    }
    if let Some(f) = &args.faction {
        let factions = store.factions()?;
        if !factions.is_empty() && !factions.iter().any(|x| &x.id == f) {
            tracing::warn!("faction {f:?} is not in the database's KB");
        }
    }
    if let Some(a) = &args.actor {
        let known = store.actors()?.iter().any(|x| &x.id == a)
            || store.outlets()?.iter().any(|x| &x.id == a);
        if !known {
            tracing::warn!("actor {a:?} is not in the database's KB");
        }
    }
    let filter = StatementFilter {
        issue: args.issue.clone(),
        actor: args.actor.clone(),
        faction: args.faction.clone(),
        article: None,
    };
    let rows = store.statements(&filter).context("reading statements")?;
    tracing::info!("{} statements", rows.len());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        StatementsFormat::Table => write_statements_table(&mut out, &rows, args.issue.as_deref())?,
        StatementsFormat::Jsonl => {
            for r in &rows {
                serde_json::to_writer(&mut out, &r.statement)?;
                out.write_all(b"\n")?;
            }
        }
        StatementsFormat::Csv => write_csv(&mut out, &rows)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Opens an existing database, with a clear error when it is missing (it is never created here).
pub(crate) fn open_db(path: &Path) -> anyhow::Result<Store> {
    match Store::open_existing(path) {
        Ok(s) => Ok(s),
        Err(StoreError::Missing(p)) => anyhow::bail!(
            "database {} does not exist (create it with `rift ingest --db {}`)",
            p.display(),
            p.display()
        ),
        Err(e) => Err(e).with_context(|| format!("opening database {}", path.display())),
    }
}

/// `hardline(s) rouhani(o)`: faction ids with `s` for a speaker tie, `o` for an outlet tie.
fn factions_cell(tags: &[FactionTag]) -> String {
    tags.iter()
        .map(|t| {
            let via = match t.via {
                TieVia::Speaker => "s",
                TieVia::Outlet => "o",
            };
            format!("{}({via})", t.faction)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `issue:label` for every stance, or only the label of `issue` when one is given.
fn stance_cell(row: &StatementRow, issue: Option<&str>) -> String {
    row.statement
        .stance
        .iter()
        .filter(|s| issue.is_none_or(|i| s.issue == i))
        .map(|s| match issue {
            Some(_) => format!("{} {:+.2}", s.label.as_str(), s.score),
            None => format!("{}:{}", s.issue, s.label.as_str()),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn speaker(row: &StatementRow) -> String {
    let src = &row.statement.source;
    src.name.clone().unwrap_or_else(|| src.text.clone())
}

fn write_statements_table<W: Write>(
    out: W,
    rows: &[StatementRow],
    issue: Option<&str>,
) -> std::io::Result<()> {
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let s = &r.statement;
            vec![
                s.article.clone(),
                s.kind.as_str().to_string(),
                speaker(r),
                s.source.actor.clone().unwrap_or_else(|| "-".into()),
                s.outlet
                    .as_ref()
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
                factions_cell(&r.factions),
                stance_cell(r, issue),
                s.text.replace(['\n', '\r'], " "),
            ]
        })
        .collect();
    write_table(
        out,
        &[
            "ARTICLE", "KIND", "SOURCE", "ACTOR", "OUTLET", "FACTIONS", "STANCE", "TEXT",
        ],
        &table,
    )
}

fn write_csv<W: Write>(out: W, rows: &[StatementRow]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "article",
        "ordinal",
        "kind",
        "start",
        "end",
        "source",
        "source_name",
        "actor",
        "source_type",
        "outlet",
        "outlet_id",
        "date",
        "factions",
        "stances",
        "text",
    ])?;
    for r in rows {
        let s = &r.statement;
        w.write_record([
            s.article.clone(),
            r.ordinal.to_string(),
            s.kind.as_str().to_string(),
            s.span.start.to_string(),
            s.span.end.to_string(),
            s.source.text.clone(),
            s.source.name.clone().unwrap_or_default(),
            s.source.actor.clone().unwrap_or_default(),
            s.source.kind.as_str().to_string(),
            s.outlet
                .as_ref()
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            s.outlet
                .as_ref()
                .and_then(|o| o.id.clone())
                .unwrap_or_default(),
            s.date.map(|d| d.to_string()).unwrap_or_default(),
            factions_cell(&r.factions),
            stance_cell(r, None),
            s.text.clone(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
