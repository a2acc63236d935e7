//! `rift ingest`: read inputs, run the pipeline, store everything in SQLite.
//!
//! Batches of articles are processed in parallel and written in one transaction each. Every
//! input record ends in the ledger as ingested, duplicate or rejected (with its reason); bad
//! inputs are reported on stderr and make the exit status non-zero, the rest is stored.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use rift_ingest::{FieldMap, Inputs, Item};
use rift_store::{InputStatus, InsertOutcome, NewArticle, Store};

use crate::cmd::extract::BATCH;
use crate::pipeline::{Pipeline, Processed};

/// Arguments of `rift ingest`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories (recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Project folder (kb.toml, issues.toml).
    #[arg(long, value_name = "DIR")]
    pub project: PathBuf,
    /// SQLite database file (created when missing).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Field mapping for JSONL/CSV inputs, e.g. `text=body,title=headline,published=date`.
    #[arg(long, value_name = "SPEC")]
    pub map: Option<String>,
    /// Stop at the first bad input.
    #[arg(long)]
    pub strict: bool,
}

/// Counts of one ingest run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// New articles stored.
    pub ingested: usize,
    /// Articles already stored (same content).
    pub duplicates: usize,
    /// Inputs rejected.
    pub rejected: usize,
    /// Statements stored.
    pub statements: usize,
}

/// Runs `rift ingest`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::new(Some(&args.project))?;
    let map = match &args.map {
        Some(s) => FieldMap::parse(s).map_err(anyhow::Error::msg)?,
        None => FieldMap::default(),
    };
    let mut store =
        Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let summary = ingest(
        &pipeline,
        &mut store,
        args.paths.clone(),
        map,
        args.threads,
        args.strict,
    )?;
    eprintln!(
        "rift: ingested {} articles ({} statements), {} duplicates, {} rejected",
        summary.ingested, summary.statements, summary.duplicates, summary.rejected
    );
    Ok(if summary.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Ingests `paths` into `store` with a built pipeline (also used by `rift demo`).
pub fn ingest(
    pipeline: &Pipeline,
    store: &mut Store,
    paths: Vec<PathBuf>,
    map: FieldMap,
    threads: Option<usize>,
    strict: bool,
) -> anyhow::Result<Summary> {
    if let Some(p) = &pipeline.project {
        store.save_project(&p.kb.factions, &p.kb.actors, &p.kb.outlets, &p.issues)?;
        store.save_ties(&p.kb.ties)?;
    }
    let pool = crate::cmd::thread_pool(threads)?;
    let mut summary = Summary::default();
    let mut inputs = Inputs::new(paths, map);
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for item in inputs.by_ref() {
            match item {
                Item::Article(a) => {
                    batch.push(*a);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Item::Error(e) => {
                    summary.rejected += 1;
                    eprintln!("rift: {e}");
                    store.record_input(
                        &e.path,
                        e.record,
                        InputStatus::Rejected,
                        Some(&e.reason),
                        None,
                    )?;
                    if strict {
                        anyhow::bail!("stopped at the first bad input (--strict)");
                    }
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let done: Vec<Processed> =
            pool.install(|| batch.into_par_iter().map(|a| pipeline.process(a)).collect());
        let items: Vec<NewArticle<'_>> = done
            .iter()
            .map(|p| NewArticle {
                article: &p.article,
                outlet_id: p.outlet_id.clone(),
                statements: p
                    .statements
                    .iter()
                    .cloned()
                    .zip(p.tags.iter().cloned())
                    .collect(),
            })
            .collect();
        let outcomes = store.insert_batch(&items)?;
        for (p, o) in done.iter().zip(&outcomes) {
            match o {
                InsertOutcome::Inserted { .. } => {
                    summary.ingested += 1;
                    summary.statements += p.statements.len();
                }
                InsertOutcome::Duplicate { .. } => summary.duplicates += 1,
            }
            let (path, record) = split_source(&p.article.source);
            store.record_input(path, record, o.status(), None, Some(o.article_id()))?;
        }
    }
    Ok(summary)
}

/// `path:line` → (path, line).
fn split_source(s: &str) -> (&str, Option<u64>) {
    match s.rsplit_once(':') {
        Some((p, n)) if !p.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty() => {
            (p, n.parse().ok())
        }
        _ => (s, None),
    }
}
