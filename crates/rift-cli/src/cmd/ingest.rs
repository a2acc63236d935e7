//! `rift ingest`: read inputs (`rift-ingest`), run the pipeline, store everything in SQLite
//! (`rift-store`).
//!
//! Batches of articles are processed (in parallel, or on one thread with `--threads 1`: see
//! [`ingest`]) and written in one transaction each, together with the ledger rows of every
//! record in the batch — ingested, duplicate (exact, or a near-duplicate stored without
//! statements and linked to the first copy) or rejected with its reason. A killed run therefore
//! leaves whole batches only, and a rerun skips every record the ledger shows as stored
//! ([`rift_store::Store::done_inputs`]): ingest is idempotent and resumable. Bad inputs are
//! reported on stderr, one line each, and make the exit status non-zero; `--strict` stops at the
//! first. A progress bar with articles/s is drawn when stderr is a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use rift_ingest::dedup::{simhash, NearDupIndex, Shingles, MIN_JACCARD};
use rift_ingest::{FieldMap, Inputs, Item, Record};
use rift_store::{IngestArticle, IngestOutcome, NearDup, NewArticle, Rejection, Store};

use crate::cmd::extract::BATCH;
use crate::pipeline::{ExtractOpts, Pipeline, Processed};

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
    /// Threads (default: all cores). With 1, reading, the pipeline and the SQLite writer take
    /// turns on one thread; with more, they overlap on their own threads beside N workers.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Field mapping for JSONL/CSV inputs, e.g. `text=body,title=headline,published=date`.
    #[arg(long, value_name = "SPEC")]
    pub map: Option<String>,
    /// Stop at the first bad input.
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub extract: ExtractOpts,
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
    let mut pipeline = Pipeline::new(Some(&args.project))?;
    pipeline.set_extract(args.extract);
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

/// One batch as read: articles to process and the records rejected while reading them.
struct ReadBatch {
    batch: Vec<Record>,
    rejected: Vec<rift_ingest::InputError>,
    /// `--strict` met a bad input: this is the last batch.
    stop: bool,
}

/// Where a processed article came from: what its ledger row and article row need of the
/// [`Record`] once the pipeline has taken its [`rift_core::Article`].
struct Meta {
    path: String,
    record: Option<u64>,
    language: Option<String>,
}

/// One article after the pipeline ran, with what the writer needs computed on the pool: its
/// SimHash, its content hash (SHA-256, the exact-duplicate key) and its statements paired with
/// their faction tags (moved out of [`Processed`], so the writer moves them on without a copy).
struct Done {
    meta: Meta,
    /// The pipeline's output; its `statements` and `tags` are moved to `statements`.
    p: Processed,
    simhash: Option<u64>,
    content_hash: String,
    statements: Vec<(rift_core::Statement, Vec<rift_store::FactionTag>)>,
}

/// One batch after the pipeline ran, on its way to the writer.
struct DoneBatch {
    records: Vec<Done>,
    rejected: Vec<rift_ingest::InputError>,
    stop: bool,
}

/// Ingests `paths` into `store` with a built pipeline (also used by `rift demo`).
///
/// Three stages: a [`BatchReader`] parses the inputs into batches, [`process_batch`] runs the
/// pipeline on each batch, and a [`BatchWriter`] finds near-duplicates and writes each batch in
/// one transaction, in input order. With `threads` = 1 the three run one after the other on
/// the calling thread, so the run uses one core. Otherwise they overlap, joined by bounded
/// channels (one batch of slack each, so memory stays at a few batches whatever the corpus
/// size): a reader thread, the pool (`threads` workers, default all cores) and a writer thread
/// that borrows `store`, so the pool never waits for SQLite or for the input parser.
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
    let done = store.done_inputs()?;
    let mut index = NearDupIndex::new();
    for (id, h) in store.simhashes()? {
        index.insert(id, h);
    }
    let pb = progress();
    let mut reader = BatchReader {
        inputs: Inputs::new(paths, map).skip_done(done),
        strict,
        pb: &pb,
        ended: false,
    };
    let mut writer = BatchWriter {
        store,
        index,
        pb: &pb,
        summary: Summary::default(),
    };
    let summary = if threads == Some(1) {
        reader
            .by_ref()
            .try_for_each(|b| writer.write(process_batch(pipeline, None, b)))
            .map(|()| writer.summary)
    } else {
        let pool = crate::cmd::thread_pool(threads)?;
        let (read_tx, read_rx) = std::sync::mpsc::sync_channel::<ReadBatch>(1);
        let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<DoneBatch>(1);
        std::thread::scope(|s| {
            let reader = &mut reader;
            let read = s.spawn(move || {
                // Stops when the inputs end, after a `--strict` stop, or when the receiver
                // hung up (a failed writer closed its channel).
                for b in reader {
                    if read_tx.send(b).is_err() {
                        break;
                    }
                }
            });
            let write = s.spawn(move || {
                done_rx
                    .into_iter()
                    .try_for_each(|b| writer.write(b))
                    .map(|()| writer.summary)
            });
            for b in read_rx {
                if done_tx
                    .send(process_batch(pipeline, Some(&pool), b))
                    .is_err()
                {
                    break; // the writer failed: its error is returned below
                }
            }
            drop(done_tx);
            let summary = write.join().expect("ingest writer thread panicked");
            read.join().expect("ingest reader thread panicked");
            summary
        })
    };
    if let Some(pb) = &pb {
        pb.finish_and_clear();
    }
    let mut summary = summary?;
    summary.resumed = reader.inputs.skipped_done();
    summary.skipped = reader.inputs.skipped_other();
    Ok(summary)
}

/// Runs the pipeline on one batch, on `pool` when given (else on this thread), and computes
/// what the writer needs of each article.
fn process_batch(
    pipeline: &Pipeline,
    pool: Option<&rayon::ThreadPool>,
    ReadBatch {
        batch,
        rejected,
        stop,
    }: ReadBatch,
) -> DoneBatch {
    let one = |r: Record| {
        let h = simhash(&r.article.text);
        // The pipeline takes the article (no copy of its text); the writer needs only where it
        // came from.
        let meta = Meta {
            path: r.path,
            record: r.record,
            language: r.language,
        };
        let mut p = pipeline.process(r.article);
        let content_hash = p.article.content_hash();
        let statements = std::mem::take(&mut p.statements)
            .into_iter()
            .zip(std::mem::take(&mut p.tags))
            .collect();
        Done {
            meta,
            p,
            simhash: h,
            content_hash,
            statements,
        }
    };
    let records = match pool {
        Some(pool) => pool.install(|| batch.into_par_iter().map(one).collect()),
        None => batch.into_iter().map(one).collect(),
    };
    DoneBatch {
        records,
        rejected,
        stop,
    }
}

/// The reader stage: yields batches of [`BATCH`] articles (or of as many rejections), in input
/// order, until the inputs end or `--strict` meets a bad input (that batch is the last).
struct BatchReader<'a> {
    inputs: Inputs,
    strict: bool,
    pb: &'a Option<indicatif::ProgressBar>,
    ended: bool,
}

impl Iterator for BatchReader<'_> {
    type Item = ReadBatch;

    fn next(&mut self) -> Option<ReadBatch> {
        if self.ended {
            return None;
        }
        let mut batch: Vec<Record> = Vec::with_capacity(BATCH);
        let mut rejected: Vec<rift_ingest::InputError> = Vec::new();
        let mut stop = false;
        for item in self.inputs.by_ref() {
            match item {
                Item::Article(a) => {
                    batch.push(*a);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Item::Error(e) => {
                    let line = format!("rift: {e}");
                    match self.pb {
                        Some(pb) => pb.println(line),
                        None => eprintln!("{line}"),
                    }
                    rejected.push(e);
                    if self.strict {
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
            self.ended = true;
            return None;
        }
        self.ended = stop;
        Some(ReadBatch {
            batch,
            rejected,
            stop,
        })
    }
}

/// The writer stage: near-duplicate detection against the stored articles and the batch's
/// earlier ones, then one transaction per batch with its ledger rows; counts in `summary`.
struct BatchWriter<'a> {
    store: &'a mut Store,
    index: NearDupIndex,
    pb: &'a Option<indicatif::ProgressBar>,
    summary: Summary,
}

impl BatchWriter<'_> {
    /// Writes one batch; after the `--strict` stop batch, fails.
    fn write(
        &mut self,
        DoneBatch {
            records,
            rejected,
            stop,
        }: DoneBatch,
    ) -> anyhow::Result<()> {
        let (store, index, summary) = (&mut *self.store, &mut self.index, &mut self.summary);
        // Near-duplicates: against stored articles and earlier ones of this batch. Shingle sets
        // are built only for articles with a candidate, once each.
        let mut near: Vec<Option<NearDup>> = Vec::with_capacity(records.len());
        let mut batch_index = NearDupIndex::new();
        let mut sets: Vec<Option<Shingles>> = vec![None; records.len()];
        for (i, Done { p, simhash: h, .. }) in records.iter().enumerate() {
            let mut found = None;
            if let Some(h) = *h {
                for id in batch_index.candidates(h) {
                    let j = (-id - 1) as usize; // an earlier article: j < i
                    let (earlier, this) = sets.split_at_mut(i);
                    let sj =
                        earlier[j].get_or_insert_with(|| Shingles::of(&records[j].p.article.text));
                    let si = this[0].get_or_insert_with(|| Shingles::of(&p.article.text));
                    if sj.jaccard(si) >= MIN_JACCARD {
                        found = Some(NearDup::InBatch(j));
                        break;
                    }
                }
                if found.is_none() {
                    for id in index.candidates(h) {
                        if let Some(t) = store.article_text(id)? {
                            let si = sets[i].get_or_insert_with(|| Shingles::of(&p.article.text));
                            if Shingles::of(&t).jaccard(si) >= MIN_JACCARD {
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
        let mut records = records;
        let items: Vec<IngestArticle<'_>> = records
            .iter_mut()
            .zip(&near)
            .map(|(d, n)| IngestArticle {
                new: NewArticle {
                    article: &d.p.article,
                    outlet_id: d.p.outlet_id.clone(),
                    // Moved, not copied; a near-duplicate is stored without statements.
                    statements: if n.is_some() {
                        Vec::new()
                    } else {
                        std::mem::take(&mut d.statements)
                    },
                },
                path: &d.meta.path,
                record: d.meta.record,
                language: d.meta.language.as_deref(),
                simhash: d.simhash,
                content_hash: Some(&d.content_hash),
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
        for (it, o) in items.iter().zip(&outcomes) {
            match o {
                IngestOutcome::Inserted { id } => {
                    summary.ingested += 1;
                    summary.statements += it.new.statements.len();
                    if let Some(h) = &it.simhash {
                        index.insert(*id, *h);
                    }
                }
                IngestOutcome::Exact { .. } => summary.duplicates += 1,
                IngestOutcome::Near { .. } => summary.near_duplicates += 1,
            }
        }
        if let Some(pb) = self.pb {
            pb.inc(outcomes.len() as u64);
            pb.set_message(format!("{} rejected", summary.rejected));
        }
        if stop {
            anyhow::bail!("stopped at the first bad input (--strict)");
        }
        Ok(())
    }
}
