//! `rift report`: one self-contained HTML (or Markdown) file on an issue, built by `rift-report`
//! from the database `rift ingest` wrote: findings, SVG charts, the statements behind them.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rift_core::Date;
use rift_report::ReportOptions;

use crate::cmd::positions::{known_issue, parse_day, By, Tie, Win};
use crate::cmd::statements::open_db;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One HTML file with inline CSS and SVG (no scripts, no network).
    Html,
    /// Markdown: findings and tables, no charts.
    Md,
}

/// Arguments of `rift report`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The SQLite database written by `rift ingest` (it must exist).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// The issue id.
    #[arg(long, value_name = "ID")]
    pub issue: String,
    /// Output file.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// Group statements by faction, actor or outlet.
    #[arg(long, value_enum, default_value_t = By::Faction)]
    pub by: By,
    /// Which faction ties count when grouping by faction.
    #[arg(long, value_enum, default_value_t = Tie::Auto)]
    pub tie: Tie,
    /// Window of the time charts (default: from the date range: day, week or month).
    #[arg(long, value_enum)]
    pub window: Option<Win>,
    /// Measure divergence from this KB actor id instead of the issue's reference.
    #[arg(long, value_name = "ACTOR")]
    pub reference: Option<String>,
    /// Add a before/after comparison around this day.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub pivot: Option<Date>,
    /// Most statements listed per group.
    #[arg(long, default_value_t = 200)]
    pub max_statements: usize,
}

/// Runs `rift report`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let store = open_db(&args.db)?;
    let issue = known_issue(&store, &args.issue)?;
    let opts = ReportOptions {
        window: args.window.map(Win::window),
        by: args.by.group_by(),
        tie: args.tie.tie_mode(),
        reference: args.reference.clone(),
        pivot: args.pivot,
        max_statements: args.max_statements,
        source: args.db.display().to_string(),
        ..Default::default()
    };
    let data = rift_report::build(&store, &issue.id, &opts).context("building the report")?;
    let text = match args.format {
        ReportFormat::Html => rift_report::render_html(&data),
        ReportFormat::Md => rift_report::render_markdown(&data),
    };
    std::fs::write(&args.out, text).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "rift report: {} ({} findings, {} statements, {} articles) in {:.2} s",
        args.out.display(),
        data.findings.len(),
        data.statements.len(),
        data.articles.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
