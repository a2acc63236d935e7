//! `rift eval`: scores extraction against gold annotations.
//!
//! `rift eval quotes --gold DIR` reads a PolNeAR-layout folder (`rift_eval::brat`), runs the
//! KB-free extractor (`rift_extract::Extractor`) on each article, and scores the statements with
//! `rift_eval::quotes` (content exact / overlap, source on matched pairs, content+source, by
//! kind). Glue only: the reading and scoring logic lives in rift-eval.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use rift_eval::quotes::{predictions, Scorer};

use crate::pipeline::ExtractOpts;

/// Arguments of `rift eval`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// What to evaluate.
    #[command(subcommand)]
    pub what: What,
}

/// The evaluations.
#[derive(clap::Subcommand, Debug)]
pub enum What {
    /// Statement extraction against attribution gold (PolNeAR brat layout).
    Quotes(QuotesArgs),
}

/// Gold formats.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldFormat {
    /// `text/*.txt` + `attributions/*.ann` (brat stand-off, PolNeAR).
    Brat,
}

/// Arguments of `rift eval quotes`.
#[derive(clap::Args, Debug)]
pub struct QuotesArgs {
    /// Gold folder (PolNeAR layout: text/, attributions/).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Gold format.
    #[arg(long, value_enum, default_value_t = GoldFormat::Brat)]
    pub format: GoldFormat,
    /// Print the scores as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Write per-article errors (missed, spurious, wrong source) to this file.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub extract: ExtractOpts,
}

/// Runs `rift eval`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Quotes(a) => quotes(a),
    }
}

fn quotes(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let GoldFormat::Brat = args.format;
    let gold = rift_eval::brat::read_dir(&args.gold)
        .with_context(|| format!("reading gold from {}", args.gold.display()))?;
    anyhow::ensure!(
        !gold.is_empty(),
        "{}: no annotation files under attributions/",
        args.gold.display()
    );
    let extractor = rift_extract::Extractor::new(args.extract.config());
    let pool = crate::cmd::thread_pool(args.threads)?;
    let preds: Vec<_> = pool.install(|| {
        gold.par_iter()
            .map(|g| {
                let article = rift_core::Article::new(g.id.clone(), g.text.clone());
                predictions(&extractor.extract(&article).statements)
            })
            .collect()
    });
    let mut scorer = Scorer::new();
    let mut errors = String::new();
    for (g, p) in gold.iter().zip(&preds) {
        let e = scorer.add(&g.id, &g.text, &g.attributions, p);
        if !e.items.is_empty() {
            errors.push_str(&e.render());
            errors.push('\n');
        }
    }
    if let Some(path) = &args.errors {
        std::fs::write(path, errors).with_context(|| format!("writing {}", path.display()))?;
    }
    let report = scorer.report();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", report.table())?;
    }
    Ok(ExitCode::SUCCESS)
}
