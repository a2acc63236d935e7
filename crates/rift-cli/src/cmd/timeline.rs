//! `rift timeline`: each group's position per window and the change points `rift-analyze` finds
//! in it (binary segmentation with a permutation-calibrated maximum t; see
//! `rift_analyze::shift`), or with `--pivot DATE` the before/after comparison.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use rift_analyze::ChangeOptions;
use rift_core::Date;

use crate::cmd::positions::{interval_cell, load, options, parse_day, By, Tie, Win};
use crate::output::write_table;

/// Output formats of `rift timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TimelineFormat {
    /// Aligned columns: the series per group, then the change points.
    Table,
    /// One JSON document: {issue, window, options, groups: [{id, name, points, change_points}]}.
    Json,
}

/// Arguments of `rift timeline`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The SQLite database written by `rift ingest` (it must exist).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// The issue id.
    #[arg(long, value_name = "ID")]
    pub issue: String,
    /// Group statements by faction, actor or outlet.
    #[arg(long, value_enum, default_value_t = By::Faction)]
    pub by: By,
    /// Which faction ties count when grouping by faction.
    #[arg(long, value_enum, default_value_t = Tie::Auto)]
    pub tie: Tie,
    /// Window of the series and of the candidate change points (`all` is read as month).
    #[arg(long, value_enum, default_value_t = Win::Month)]
    pub window: Win,
    /// Only this group id.
    #[arg(long, value_name = "ID")]
    pub group: Option<String>,
    /// Only statements made on or after this day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub from: Option<Date>,
    /// Only statements made on or before this day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub to: Option<Date>,
    /// Compare before this day and from it on instead of searching change points.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub pivot: Option<Date>,
    /// Significance level of a change point (permutation p-value below it).
    #[arg(long, default_value_t = 0.05)]
    pub alpha: f64,
    /// Fewest statements on each side of a change point.
    #[arg(long, default_value_t = 5)]
    pub min_size: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Table)]
    pub format: TimelineFormat,
}

/// Runs `rift timeline`.
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
        false,
    );
    if let Some(day) = args.pivot {
        return crate::cmd::positions::run(crate::cmd::positions::Args {
            db: args.db,
            issue: args.issue,
            by: args.by,
            tie: args.tie,
            reference: None,
            no_reference: false,
            from: args.from,
            to: args.to,
            window: args.window,
            pivot: Some(day),
            format: match args.format {
                TimelineFormat::Table => crate::cmd::positions::PositionsFormat::Table,
                TimelineFormat::Json => crate::cmd::positions::PositionsFormat::Json,
            },
        });
    }
    let change = ChangeOptions {
        alpha: args.alpha,
        min_size: args.min_size.max(1),
        ..Default::default()
    };
    let mut t = rift_analyze::timeline(&l.rows, &l.issue, &opts, &l.names, &l.copies, &change);
    if let Some(g) = &args.group {
        t.groups.retain(|x| &x.id == g);
        if t.groups.is_empty() {
            anyhow::bail!("no dated statements of group {g:?} on {}", t.issue);
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        TimelineFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &t)?;
            out.write_all(b"\n")?;
        }
        TimelineFormat::Table => {
            let mut rows = Vec::new();
            for g in &t.groups {
                for p in &g.points {
                    rows.push(vec![
                        g.id.clone(),
                        p.window.clone(),
                        format!("{:+.2}", p.score),
                        interval_cell(Some(p.interval)),
                        p.n.to_string(),
                    ]);
                }
            }
            write_table(
                &mut out,
                &["GROUP", "WINDOW", "SCORE", "90% CI", "N"],
                &rows,
            )?;
            writeln!(out)?;
            let cps: Vec<Vec<String>> = t
                .groups
                .iter()
                .flat_map(|g| {
                    g.change_points.iter().map(move |c| {
                        vec![
                            g.id.clone(),
                            format!("{} → {}", c.after_window, c.window),
                            format!("{:+.2}", c.before),
                            format!("{:+.2}", c.after),
                            format!("{:+.2}", c.delta),
                            interval_cell(Some(c.interval)),
                            format!("{:.3}", c.p_value),
                            format!("{}/{}", c.n_before, c.n_after),
                        ]
                    })
                })
                .collect();
            if cps.is_empty() {
                writeln!(
                    out,
                    "no change points (p < {}, at least {} statements a side)",
                    change.alpha, change.min_size
                )?;
            } else {
                write_table(
                    &mut out,
                    &[
                        "GROUP", "CHANGE", "BEFORE", "AFTER", "DELTA", "90% CI", "P", "N",
                    ],
                    &cps,
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
