//! One bench group per pipeline stage, each over the whole PolNeAR train text (840 articles,
//! ~5.5 MB), with throughput in bytes of article text per second. Every bench checks its result
//! against a first, untimed run (and that it found something), so a fast-but-broken stage fails.
//!
//! Run: `cargo bench -p rift-bench` (all) or `cargo bench -p rift-bench -- extraction`.

use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use rift_core::{Article, SourceType, Span, Statement, TieSubject};
use rift_extract::{ExtractConfig, Extractor};
use rift_kb::{Project, Resolver};
use rift_stance::StanceClassifier;
use rift_store::{FactionTag, InsertOutcome, NewArticle, Store, TieVia};
use rift_text::{Cleaner, Range, Segmenter};

fn main() {
    divan::main();
}

/// Samples per bench: each sample is one pass over the whole corpus.
const SAMPLES: u32 = 10;

/// Articles per `insert_batch` transaction, as `rift ingest` does.
const BATCH: usize = 256;

/// Inputs and first-run results shared by all benches.
struct Fixture {
    articles: Vec<Article>,
    bytes: usize,
    project: Project,
    resolver: Resolver,
    stance: StanceClassifier,
    /// Analysed paragraph ranges per article (segmentation input).
    paragraphs: Vec<Vec<Range>>,
    /// Extraction output per article (resolution input).
    extracted: Vec<(Vec<Statement>, Vec<Span>)>,
    /// Resolved statements per article (stance input).
    resolved: Vec<Vec<Statement>>,
    /// Fully processed statements with faction tags (storage input).
    tagged: Vec<Vec<(Statement, Vec<FactionTag>)>>,
    n_paragraphs: usize,
    n_sentences: usize,
    n_statements: usize,
    n_resolved: usize,
    n_stances: usize,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = rift_bench::polnear_text_dir("train");
    let articles = rift_bench::load_texts(&dir).unwrap_or_else(|e| panic!("{e}"));
    let bytes = rift_bench::total_bytes(&articles);
    let project_dir = rift_bench::project_dir();
    let project = Project::load(&project_dir).unwrap_or_else(|e| panic!("{e}"));
    let resolver = Resolver::new(&project.kb);
    // A project without issues would make the stance bench a no-op: use the Iran example's.
    let issues_dir = if project.issues.is_empty() {
        rift_bench::repo_root().join("examples/iran-2019")
    } else {
        project_dir.clone()
    };
    let issues = Project::load(&issues_dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .issues;
    let stance = StanceClassifier::new(&issues).unwrap_or_else(|e| panic!("{e}"));
    let cleaner = Cleaner::default();
    let paragraphs: Vec<Vec<Range>> = articles
        .iter()
        .map(|a| {
            cleaner
                .layout(&a.text)
                .analysed()
                .map(|p| p.range.clone())
                .collect()
        })
        .collect();
    let n_paragraphs = count_paragraphs(&articles);
    let n_sentences = count_sentences(&articles, &paragraphs);
    let extractor = Extractor::new(ExtractConfig::default());
    let extracted: Vec<(Vec<Statement>, Vec<Span>)> = articles
        .iter()
        .map(|a| {
            let ex = extractor.extract(a);
            (ex.statements, ex.contexts)
        })
        .collect();
    let n_statements = extracted.iter().map(|(s, _)| s.len()).sum();
    let resolved: Vec<Vec<Statement>> = articles
        .iter()
        .zip(&extracted)
        .map(|(a, (s, _))| {
            let mut s = s.clone();
            resolver.resolve(a, &mut s);
            s
        })
        .collect();
    let n_resolved = count_resolved(&resolved);
    let mut stanced = resolved.clone();
    let n_stances = run_stance(&stance, &articles, &extracted, &mut stanced);
    let tagged = stanced
        .into_iter()
        .map(|ss| {
            ss.into_iter()
                .map(|s| {
                    let tags = tags(&resolver, &s);
                    (s, tags)
                })
                .collect()
        })
        .collect();
    eprintln!(
        "rift-bench: {} articles, {:.2} MB from {}; project {}; {n_paragraphs} paragraphs, \
         {n_sentences} sentences, {n_statements} statements, {n_resolved} resolved sources, \
         {n_stances} stances (issues of {})",
        articles.len(),
        bytes as f64 / 1e6,
        dir.display(),
        project_dir.display(),
        issues_dir.display(),
    );
    assert!(n_paragraphs > 0 && n_sentences > 0 && n_statements > 0);
    Fixture {
        articles,
        bytes,
        project,
        resolver,
        stance,
        paragraphs,
        extracted,
        resolved,
        tagged,
        n_paragraphs,
        n_sentences,
        n_statements,
        n_resolved,
        n_stances,
    }
});

fn count_paragraphs(articles: &[Article]) -> usize {
    let cleaner = Cleaner::default();
    articles
        .iter()
        .map(|a| cleaner.layout(&a.text).analysed().count())
        .sum()
}

fn count_sentences(articles: &[Article], paragraphs: &[Vec<Range>]) -> usize {
    let seg = Segmenter::new();
    articles
        .iter()
        .zip(paragraphs)
        .map(|(a, ps)| {
            ps.iter()
                .map(|r| seg.split(&a.text, r.clone()).len())
                .sum::<usize>()
        })
        .sum()
}

fn count_resolved(resolved: &[Vec<Statement>]) -> usize {
    resolved
        .iter()
        .flatten()
        .filter(|s| s.source.actor.is_some())
        .count()
}

fn run_stance(
    stance: &StanceClassifier,
    articles: &[Article],
    extracted: &[(Vec<Statement>, Vec<Span>)],
    statements: &mut [Vec<Statement>],
) -> usize {
    let mut n = 0;
    for ((a, (_, ctx)), ss) in articles.iter().zip(extracted).zip(statements.iter_mut()) {
        stance.classify_article(&a.text, ss, ctx);
        n += ss.iter().map(|s| s.stance.len()).sum::<usize>();
    }
    n
}

/// Faction tags of one statement, as `rift ingest` computes them.
fn tags(r: &Resolver, s: &Statement) -> Vec<FactionTag> {
    let mut tags = Vec::new();
    if let Some(actor) = &s.source.actor {
        let subject = if s.source.kind == SourceType::Outlet {
            TieSubject::Outlet(actor.clone())
        } else {
            TieSubject::Actor(actor.clone())
        };
        for f in r.factions_of(&subject, s.date) {
            tags.push(FactionTag::new(f, TieVia::Speaker));
        }
    }
    tags
}

/// `rift_text::Cleaner::layout` on every article: paragraphs, title, dateline, byline.
mod cleaning {
    use super::*;

    #[divan::bench(sample_count = SAMPLES, sample_size = 1)]
    fn layout(bencher: Bencher) {
        let f = &*FIXTURE;
        bencher
            .counter(BytesCount::new(f.bytes))
            .bench(|| assert_eq!(count_paragraphs(&f.articles), f.n_paragraphs));
    }
}

/// `rift_text::Segmenter::split` on every analysed paragraph.
mod segmentation {
    use super::*;

    #[divan::bench(sample_count = SAMPLES, sample_size = 1)]
    fn split(bencher: Bencher) {
        let f = &*FIXTURE;
        bencher
            .counter(BytesCount::new(f.bytes))
            .bench(|| assert_eq!(count_sentences(&f.articles, &f.paragraphs), f.n_sentences));
    }
}

/// `rift_extract::Extractor::extract` (cleaning, segmentation, quotes, reported speech, names).
mod extraction {
    use super::*;

    #[divan::bench(sample_count = SAMPLES, sample_size = 1)]
    fn extract(bencher: Bencher) {
        let f = &*FIXTURE;
        let extractor = Extractor::new(ExtractConfig::default());
        bencher
            .counter(BytesCount::new(f.bytes))
            .counter(ItemsCount::new(f.articles.len()))
            .bench(|| {
                let n: usize = f
                    .articles
                    .iter()
                    .map(|a| extractor.extract(a).statements.len())
                    .sum();
                assert_eq!(n, f.n_statements);
            });
    }
}

/// `rift_kb::Resolver::resolve` on the extracted statements of every article.
mod resolution {
    use super::*;

    #[divan::bench(sample_count = SAMPLES, sample_size = 1)]
    fn resolve(bencher: Bencher) {
        let f = &*FIXTURE;
        bencher
            .counter(BytesCount::new(f.bytes))
            .with_inputs(|| {
                f.extracted
                    .iter()
                    .map(|(s, _)| s.clone())
                    .collect::<Vec<_>>()
            })
            .bench_local_values(|mut all| {
                for (a, ss) in f.articles.iter().zip(all.iter_mut()) {
                    f.resolver.resolve(a, ss);
                }
                assert_eq!(count_resolved(&all), f.n_resolved);
                all
            });
    }

    /// Building the resolver from the loaded KB (once per run of `rift ingest`).
    #[divan::bench(sample_count = SAMPLES)]
    fn build(bencher: Bencher) {
        let f = &*FIXTURE;
        bencher.bench(|| Resolver::new(&f.project.kb));
    }
}

/// `rift_stance::StanceClassifier::classify_article` on the resolved statements.
mod stance {
    use super::*;

    #[divan::bench(sample_count = SAMPLES, sample_size = 1)]
    fn classify(bencher: Bencher) {
        let f = &*FIXTURE;
        bencher
            .counter(BytesCount::new(f.bytes))
            .with_inputs(|| f.resolved.clone())
            .bench_local_values(|mut all| {
                let n = run_stance(&f.stance, &f.articles, &f.extracted, &mut all);
                assert_eq!(n, f.n_stances);
                all
            });
    }
}

/// `rift_store::Store::insert_batch` of every article and its statements into a new SQLite file,
/// in transactions of 256 articles as `rift ingest` writes them.
mod storage {
    use super::*;

    #[divan::bench(sample_count = SAMPLES, sample_size = 1)]
    fn insert_batch(bencher: Bencher) {
        let f = &*FIXTURE;
        let (_dir, mut store, items) = fresh(f);
        let first = store_all(&mut store, &items);
        assert_eq!(first.0 + first.1, f.articles.len());
        assert!(first.0 > 0);
        bencher
            .counter(BytesCount::new(f.bytes))
            .with_inputs(|| fresh(f))
            .bench_local_values(|(dir, mut store, items)| {
                assert_eq!(store_all(&mut store, &items), first);
                (dir, store, items)
            });
    }

    /// A new store in a temp dir, and the batch items (statements cloned outside the timing).
    fn fresh(f: &'static Fixture) -> (tempfile::TempDir, Store, Vec<NewArticle<'static>>) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path().join("bench.db")).expect("open store");
        let items = f
            .articles
            .iter()
            .zip(&f.tagged)
            .map(|(a, st)| NewArticle {
                article: a,
                outlet_id: None,
                statements: st.clone(),
            })
            .collect();
        (dir, store, items)
    }

    /// (inserted, duplicates).
    fn store_all(store: &mut Store, items: &[NewArticle<'_>]) -> (usize, usize) {
        let mut inserted = 0;
        let mut dups = 0;
        for chunk in items.chunks(BATCH) {
            for o in store.insert_batch(chunk).expect("insert_batch") {
                match o {
                    InsertOutcome::Inserted { .. } => inserted += 1,
                    InsertOutcome::Duplicate { .. } => dups += 1,
                }
            }
        }
        (inserted, dups)
    }
}
