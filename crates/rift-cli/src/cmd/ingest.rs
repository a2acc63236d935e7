//! `rift ingest`: read inputs (`rift-ingest`), run the pipeline, store everything in SQLite
//! (`rift-store`).
//!
//! Batches of articles are processed in parallel and written in one transaction each, together
//! with the ledger rows of every record in the batch — ingested, duplicate (exact, or a
//! near-duplicate stored without statements and linked to the first copy) or rejected with its
//! reason. A killed run therefore leaves whole batches only, and a rerun skips every record the
//! ledger shows as stored ([`rift_store::Store::done_inputs`]): ingest is idempotent and
//! resumable. Bad inputs are reported on stderr, one line each, and make the exit status
//! non-zero; `--strict` stops at the first. A progress bar with articles/s is drawn when stderr
//! is a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use rift_ingest::dedup::{jaccard, simhash, NearDupIndex, MIN_JACCARD};
use rift_ingest::{FieldMap, Inputs, Item, Record};
use rift_store::{IngestArticle, IngestOutcome, NearDup, NewArticle, Rejection, Store};

use crate::cmd::extract::BATCH;
use crate::pipeline::{Pipeline, Processed};

/// Arguments of `rift ingest`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories (recursively); `-` reads standard input. Text, JSONL, CSV, HTML,
    /// RSS/Atom/JSON feeds, WARC; any of them gzip'd.
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
    /// Articles whose text was stored already (same content hash).
    pub duplicates: usize,
    /// Near-duplicates stored as linked copies (no statements).
    pub near_duplicates: usize,
    /// Inputs rejected.
    pub rejected: usize,
    /// Statements stored.
    pub statements: usize,
    /// Records skipped because an earlier run stored them.
    pub resumed: u64,
    /// WARC records holding no article (requests, non-HTML or non-2xx responses).
    pub skipped: u64,
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
        "rift: ingested {} articles ({} statements), {} duplicates ({} exact, {} near, linked), {} rejected{}{}",
        summary.ingested,
        summary.statements,
        summary.duplicates + summary.near_duplicates,
        summary.duplicates,
        summary.near_duplicates,
        summary.rejected,
        if summary.resumed > 0 {
            format!(", {} already stored (skipped)", summary.resumed)
        } else {
            String::new()
        },
        if summary.skipped > 0 {
            format!(", {} WARC records without an article", summary.skipped)
        } else {
            String::new()
        },
    );
    Ok(if summary.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn progress() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let pb = indicatif::ProgressBar::new_spinner();
    pb.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {elapsed_precise} {pos} articles ({per_sec}) {msg}",
        )
        .ok()?,
    );
    pb.enable_steady_tick(std::time::Duration::from_millis(200));
    Some(pb)
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
    let done = store.done_inputs()?;
    let mut index = NearDupIndex::new();
    for (id, h) in store.simhashes()? {
        index.insert(id, h);
    }
    let pb = progress();
    let say = |line: String| match &pb {
        Some(pb) => pb.println(line),
        None => eprintln!("{line}"),
    };
    let mut inputs = Inputs::new(paths, map).skip_done(done);
    let mut stop = false;
    loop {
        let mut batch: Vec<Record> = Vec::with_capacity(BATCH);
        let mut rejected: Vec<rift_ingest::InputError> = Vec::new();
        for item in inputs.by_ref() {
            match item {
                Item::Article(a) => {
                    batch.push(*a);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Item::Error(e) => {
                    say(format!("rift: {e}"));
                    rejected.push(e);
                    if strict {
                        stop = true;
                        break;
                    }
                    if rejected.len() >= BATCH {
                        break;
                    }
                }
            }
        }
        if batch.is_empty() && rejected.is_empty() {
            break;
        }
        let records: Vec<(Record, Processed, Option<u64>)> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|r| {
                    let h = simhash(&r.article.text);
                    let p = pipeline.process(r.article.clone());
                    (r, p, h)
                })
                .collect()
        });
        // Near-duplicates: against stored articles and earlier ones of this batch.
        let mut near: Vec<Option<NearDup>> = Vec::with_capacity(records.len());
        let mut batch_index = NearDupIndex::new();
        for (i, (_, p, h)) in records.iter().enumerate() {
            let mut found = None;
            if let Some(h) = *h {
                for id in batch_index.candidates(h) {
                    let j = (-id - 1) as usize;
                    if jaccard(&records[j].1.article.text, &p.article.text) >= MIN_JACCARD {
                        found = Some(NearDup::InBatch(j));
                        break;
                    }
                }
                if found.is_none() {
                    for id in index.candidates(h) {
                        if let Some(t) = store.article_text(id)? {
                            if jaccard(&t, &p.article.text) >= MIN_JACCARD {
                                found = Some(NearDup::Stored(id));
                                break;
                            }
                        }
                    }
                }
                if found.is_none() {
                    batch_index.insert(-(i as i64) - 1, h);
                }
            }
            near.push(found);
        }
        let items: Vec<IngestArticle<'_>> = records
            .iter()
            .zip(&near)
            .map(|((r, p, h), n)| IngestArticle {
                new: NewArticle {
                    article: &p.article,
                    outlet_id: p.outlet_id.clone(),
                    statements: if n.is_some() {
                        Vec::new()
                    } else {
                        p.statements
                            .iter()
                            .cloned()
                            .zip(p.tags.iter().cloned())
                            .collect()
                    },
                },
                path: &r.path,
                record: r.record,
                language: r.language.as_deref(),
                simhash: *h,
                near_duplicate_of: *n,
            })
            .collect();
        let rej: Vec<Rejection<'_>> = rejected
            .iter()
            .map(|e| Rejection {
                path: &e.path,
                record: e.record,
                reason: &e.reason,
            })
            .collect();
        let outcomes = store.ingest_batch(&items, &rej)?;
        summary.rejected += rejected.len();
        for ((_, p, h), o) in records.iter().zip(&outcomes) {
            match o {
                IngestOutcome::Inserted { id } => {
                    summary.ingested += 1;
                    summary.statements += p.statements.len();
                    if let Some(h) = h {
                        index.insert(*id, *h);
                    }
                }
                IngestOutcome::Exact { .. } => summary.duplicates += 1,
                IngestOutcome::Near { .. } => summary.near_duplicates += 1,
            }
        }
        if let Some(pb) = &pb {
            pb.inc(outcomes.len() as u64);
            pb.set_message(format!("{} rejected", summary.rejected));
        }
        if stop {
            if let Some(pb) = &pb {
                pb.finish_and_clear();
            }
            anyhow::bail!("stopped at the first bad input (--strict)");
        }
    }
    if let Some(pb) = &pb {
        pb.finish_and_clear();
    }
    summary.resumed = inputs.skipped_done();
    summary.skipped = inputs.skipped_other();
    Ok(summary)
}
