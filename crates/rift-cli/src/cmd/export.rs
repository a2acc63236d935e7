//! `rift export`: statements, positions or articles from the database as CSV, JSONL or Parquet
//! (`rift-export`; Parquet through the arrow and parquet crates).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rift_core::Date;
use rift_export::Table;

use crate::cmd::positions::{known_issue, options, parse_day, By, Tie, Win};
use crate::cmd::statements::open_db;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportTable {
    /// One row per statement and issue stance.
    Statements,
    /// One row per issue, window and group (plus the reference line), with intervals and the
    /// rift index.
    Positions,
    /// One row per stored article (without its text).
    Articles,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values with a header.
    Csv,
    /// Apache Parquet (typed columns, nullable).
    Parquet,
    /// One JSON object per line.
    Jsonl,
}

/// Arguments of `rift export`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The SQLite database written by `rift ingest` (it must exist).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// What to export.
    #[arg(long, value_enum)]
    pub table: ExportTable,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Output file (`-` for standard output; not for Parquet).
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Only this issue (statements and positions).
    #[arg(long, value_name = "ID")]
    pub issue: Option<String>,
    /// Positions: grouping.
    #[arg(long, value_enum, default_value_t = By::Faction)]
    pub by: By,
    /// Positions: which faction ties count.
    #[arg(long, value_enum, default_value_t = Tie::Auto)]
    pub tie: Tie,
    /// Positions: time window.
    #[arg(long, value_enum, default_value_t = Win::All)]
    pub window: Win,
    /// Positions: only statements made on or after this day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub from: Option<Date>,
    /// Positions: only statements made on or before this day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub to: Option<Date>,
}

/// Runs `rift export`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_db(&args.db)?;
    if let Some(id) = &args.issue {
        known_issue(&store, id)?;
    }
    let table: Table = match args.table {
        ExportTable::Statements => rift_export::statements_table(&store, args.issue.as_deref())?,
        ExportTable::Articles => rift_export::articles_table(&store)?,
        ExportTable::Positions => {
            let base = rift_core::IssueConfig::default();
            let mut opts = options(
                &base,
                args.by,
                args.tie,
                args.window,
                args.from,
                args.to,
                None,
                false,
            );
            opts.reference = None; // each issue's own reference
            rift_export::positions_table(&store, args.issue.as_deref(), &opts)?
        }
    };
    let to_stdout = args.out.as_os_str() == "-";
    match args.format {
        ExportFormat::Parquet => {
            anyhow::ensure!(!to_stdout, "Parquet needs a file: pass --out PATH");
            rift_export::write_parquet(&table, &args.out)
                .with_context(|| format!("writing {}", args.out.display()))?;
        }
        ExportFormat::Csv | ExportFormat::Jsonl => {
            let w: Box<dyn std::io::Write> = if to_stdout {
                Box::new(std::io::BufWriter::new(std::io::stdout().lock()))
            } else {
                Box::new(std::io::BufWriter::new(
                    std::fs::File::create(&args.out)
                        .with_context(|| format!("creating {}", args.out.display()))?,
                ))
            };
            if args.format == ExportFormat::Csv {
                rift_export::write_csv(&table, w)?;
            } else {
                rift_export::write_jsonl(&table, w)?;
            }
        }
    }
    eprintln!(
        "rift export: {} rows × {} columns → {}",
        table.rows.len(),
        table.columns.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
