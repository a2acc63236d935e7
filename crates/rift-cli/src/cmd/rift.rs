//! `rift rift`: the rift (dispersion) index across groups on an issue, per time window — the
//! statement-weighted standard deviation of the group positions `rift-analyze` computes (see
//! `rift_analyze::series`), with its 90 % bootstrap interval.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use rift_core::Date;
use serde::Serialize;

use crate::cmd::positions::{interval_cell, load, options, parse_day, By, Tie, Win};
use crate::output::write_table;

/// Output formats of `rift rift`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RiftFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON document: {issue, window, by, windows: [{window, start, end, rift}]}.
    Json,
}

/// Arguments of `rift rift`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The SQLite database written by `rift ingest` (it must exist).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// The issue id.
    #[arg(long, value_name = "ID")]
    pub issue: String,
    /// Groups the index is computed over.
    #[arg(long, value_enum, default_value_t = By::Faction)]
    pub by: By,
    /// Which faction ties count when grouping by faction.
    #[arg(long, value_enum, default_value_t = Tie::Auto)]
    pub tie: Tie,
    /// Time window.
    #[arg(long, value_enum, default_value_t = Win::Month)]
    pub window: Win,
    /// Only statements made on or after this day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub from: Option<Date>,
    /// Only statements made on or before this day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub to: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RiftFormat::Table)]
    pub format: RiftFormat,
}

#[derive(Serialize)]
struct Row<'a> {
    window: &'a str,
    start: Option<Date>,
    end: Option<Date>,
    rift: Option<&'a rift_analyze::RiftIndex>,
}

#[derive(Serialize)]
struct Doc<'a> {
    issue: &'a str,
    window: rift_analyze::Window,
    by: rift_analyze::GroupBy,
    windows: Vec<Row<'a>>,
}

/// Runs `rift rift`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let l = load(&args.db, &args.issue)?;
    let opts = options(
        &l.issue,
        args.by,
        args.tie,
        args.window,
        args.from,
        args.to,
        None,
        true,
    );
    let s = rift_analyze::series(&l.rows, &l.issue, &opts, &l.names, &l.copies);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        RiftFormat::Json => {
            let doc = Doc {
                issue: &s.issue,
                window: s.window,
                by: s.by,
                windows: s
                    .windows
                    .iter()
                    .map(|w| Row {
                        window: &w.window,
                        start: w.start,
                        end: w.end,
                        rift: w.rift.as_ref(),
                    })
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut out, &doc)?;
            out.write_all(b"\n")?;
        }
        RiftFormat::Table => {
            writeln!(out, "{}: {}", s.issue, s.question)?;
            let rows: Vec<Vec<String>> = s
                .windows
                .iter()
                .map(|w| match &w.rift {
                    Some(r) => vec![
                        w.window.clone(),
                        format!("{:.2}", r.value),
                        interval_cell(Some(r.interval)),
                        r.groups.len().to_string(),
                        r.n.to_string(),
                        r.groups.join(" "),
                    ],
                    None => vec![
                        w.window.clone(),
                        "-".into(),
                        "-".into(),
                        w.groups.iter().filter(|g| g.in_rift).count().to_string(),
                        w.groups
                            .iter()
                            .filter(|g| g.in_rift)
                            .map(|g| g.n)
                            .sum::<usize>()
                            .to_string(),
                        "(fewer than two groups)".into(),
                    ],
                })
                .collect();
            write_table(
                &mut out,
                &["WINDOW", "RIFT", "90% CI", "GROUPS", "N", "OVER"],
                &rows,
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
