//! `rift eval`: scores extraction against gold annotations.
//!
//! `rift eval quotes --gold DIR` reads a PolNeAR-layout folder (`rift_eval::brat`), runs the
//! KB-free extractor (`rift_extract::Extractor`) on each article, and scores the statements with
//! `rift_eval::quotes` (content exact / overlap, source on matched pairs, content+source, by
//! kind). `rift eval agreement --gold DIR` scores the second annotator of the articles annotated
//! twice against the first, and rift against each, on the same articles. Glue only: the reading
//! and scoring logic lives in rift-eval.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use rift_eval::quotes::{from_gold, predictions, Scorer};

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
    /// How far two annotators of the same articles agree, scored like `quotes`, beside rift
    /// against each of them (the articles of the gold folder annotated twice).
    Agreement(AgreementArgs),
}

/// Arguments of `rift eval agreement`.
#[derive(clap::Args, Debug)]
pub struct AgreementArgs {
    /// Gold folder (PolNeAR layout); only articles with two or more annotation files count.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Print the scores as JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub extract: ExtractOpts,
}

/// The three comparisons of `rift eval agreement`, on the same articles.
#[derive(serde::Serialize, Debug)]
struct Agreement {
    /// Articles with two annotation files.
    articles: usize,
    /// The second annotator scored against the first.
    second_vs_first: rift_eval::quotes::Report,
    /// rift scored against the first annotator.
    rift_vs_first: rift_eval::quotes::Report,
    /// rift scored against the second annotator.
    rift_vs_second: rift_eval::quotes::Report,
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
        What::Agreement(a) => agreement(a),
    }
}

/// rift's predictions for `(id, text)` articles, extracted on `threads` workers.
fn predict(
    opts: &ExtractOpts,
    threads: Option<usize>,
    texts: &[(&str, &str)],
) -> anyhow::Result<Vec<Vec<rift_eval::quotes::Predicted>>> {
    let extractor = rift_extract::Extractor::new(opts.config());
    let pool = crate::cmd::thread_pool(threads)?;
    Ok(pool.install(|| {
        texts
            .par_iter()
            .map(|&(id, text)| {
                let article = rift_core::Article::new(id.to_string(), text.to_string());
                predictions(&extractor.extract(&article).statements)
            })
            .collect()
    }))
}

fn agreement(args: AgreementArgs) -> anyhow::Result<ExitCode> {
    let all = rift_eval::brat::read_dir_all(&args.gold)
        .with_context(|| format!("reading gold from {}", args.gold.display()))?;
    let twice: Vec<_> = all
        .into_iter()
        .filter(|a| a.annotations.len() >= 2)
        .collect();
    anyhow::ensure!(
        !twice.is_empty(),
        "{}: no article has two annotation files under attributions/",
        args.gold.display()
    );
    let texts: Vec<(&str, &str)> = twice
        .iter()
        .map(|g| (g.id.as_str(), g.text.as_str()))
        .collect();
    let preds = predict(&args.extract, args.threads, &texts)?;
    let (mut second, mut first_r, mut second_r) = (Scorer::new(), Scorer::new(), Scorer::new());
    for (g, p) in twice.iter().zip(&preds) {
        let (a, b) = (&g.annotations[0].1, &g.annotations[1].1);
        second.add(&g.id, &g.text, a, &from_gold(b));
        first_r.add(&g.id, &g.text, a, p);
        second_r.add(&g.id, &g.text, b, p);
    }
    let result = Agreement {
        articles: twice.len(),
        second_vs_first: second.report(),
        rift_vs_first: first_r.report(),
        rift_vs_second: second_r.report(),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &result)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{} articles annotated twice\n\n## second annotator against the first\n{}\n## rift against the first annotator\n{}\n## rift against the second annotator\n{}",
            result.articles,
            result.second_vs_first.table(),
            result.rift_vs_first.table(),
            result.rift_vs_second.table()
        )?;
    }
    Ok(ExitCode::SUCCESS)
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
    let texts: Vec<(&str, &str)> = gold
        .iter()
        .map(|g| (g.id.as_str(), g.text.as_str()))
        .collect();
    let preds = predict(&args.extract, args.threads, &texts)?;
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
