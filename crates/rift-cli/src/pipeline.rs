//! The per-article pipeline shared by `rift extract`, `rift ingest` and `rift demo`:
//! extract (rift-extract) → resolve (rift-kb) → stance (rift-stance) → faction tags.
//! Stages are built once from the project folder and shared read-only across threads.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context;
use rift_core::hash::FxBuild;
use rift_core::{Article, Date, SourceType, Statement, TieSubject};
use rift_extract::{ExtractConfig, Extractor};
use rift_kb::{Project, Resolver};
use rift_stance::StanceClassifier;
use rift_store::{FactionTag, TieVia};

/// Extraction options shared by `rift extract`, `rift ingest` and `rift eval quotes`.
#[derive(clap::Args, Debug, Clone, Copy, Default)]
pub struct ExtractOpts {
    /// Extraction by the rules alone, without the learned tagger: every statement then comes
    /// from a named rule, about 1.6 times as fast, and fewer are found (PolNeAR dev content
    /// overlap F1 0.725 instead of 0.771).
    #[arg(long)]
    pub rules_only: bool,
}

impl ExtractOpts {
    /// The extractor settings these options give.
    pub fn config(self) -> ExtractConfig {
        ExtractConfig {
            learned: !self.rules_only,
            ..ExtractConfig::default()
        }
    }
}

/// Built stages.
pub struct Pipeline {
    extractor: Extractor,
    resolver: Option<Resolver>,
    stance: Option<StanceClassifier>,
    /// The project, when one was given.
    pub project: Option<Project>,
}

/// One processed article.
pub struct Processed {
    /// The article, with title and date filled from the text when the input had none.
    pub article: Article,
    /// KB outlet of the article, if resolved.
    pub outlet_id: Option<String>,
    /// Statements with stances.
    pub statements: Vec<Statement>,
    /// Faction tags per statement.
    pub tags: Vec<Vec<FactionTag>>,
}

impl Pipeline {
    /// Builds the pipeline; without a project, extraction only (names from the text).
    pub fn new(project_dir: Option<&Path>) -> anyhow::Result<Self> {
        let project = match project_dir {
            Some(d) => {
                Some(Project::load(d).with_context(|| format!("loading project {}", d.display()))?)
            }
            None => None,
        };
        let resolver = project.as_ref().map(|p| Resolver::new(&p.kb));
        let stance = match &project {
            Some(p) if !p.issues.is_empty() => {
                // Rules, plus the trained model an issue names (`model = "…"`, relative to the
                // project folder).
                Some(
                    StanceClassifier::load(&p.issues, &p.dir)
                        .context("building stance rules and models")?,
                )
            }
            _ => None,
        };
        Ok(Pipeline {
            extractor: Extractor::new(ExtractConfig::default()),
            resolver,
            stance,
            project,
        })
    }

    /// Extraction as the command line asks.
    pub fn set_extract(&mut self, opts: ExtractOpts) {
        self.extractor = Extractor::new(opts.config());
    }

    /// Runs every stage on one article.
    pub fn process(&self, mut article: Article) -> Processed {
        let ex = self.extractor.extract(&article);
        if article.title.is_none() {
            article.title = ex.title.clone();
        }
        if article.published.is_none() {
            article.published = ex.dateline_date;
        }
        let mut statements = ex.statements;
        for s in &mut statements {
            if s.date.is_none() {
                s.date = article.published;
            }
        }
        if article.outlet.is_none() {
            if let Some(b) = &ex.byline {
                let name = b.split_once("by ").map_or(b.as_str(), |(_, n)| n).trim();
                if !name.is_empty() {
                    article.outlet = Some(name.to_string());
                }
            }
        }
        let mut outlet_id = None;
        if let Some(r) = &self.resolver {
            r.resolve(&article, &mut statements);
            outlet_id = r.article_outlet(&article).and_then(|o| o.id);
        }
        if let Some(st) = &self.stance {
            st.classify_article(&article.text, &mut statements, &ex.contexts);
        }
        let tags = self.article_tags(&statements);
        Processed {
            article,
            outlet_id,
            statements,
            tags,
        }
    }

    /// The faction tags of every statement of an article. They depend only on the speaker (and
    /// whether it speaks as an outlet), the outlet and the date, which most statements of an
    /// article share: each distinct combination is looked up once.
    fn article_tags(&self, statements: &[Statement]) -> Vec<Vec<FactionTag>> {
        let Some(r) = &self.resolver else {
            return vec![Vec::new(); statements.len()];
        };
        type Key<'a> = (bool, Option<&'a str>, Option<&'a str>, Option<Date>);
        let mut seen: HashMap<Key, Vec<FactionTag>, FxBuild> = HashMap::default();
        statements
            .iter()
            .map(|s| {
                let key = (
                    s.source.kind == SourceType::Outlet,
                    s.source.actor.as_deref(),
                    s.outlet.as_ref().and_then(|o| o.id.as_deref()),
                    s.date,
                );
                seen.entry(key).or_insert_with(|| tags(r, s)).clone()
            })
            .collect()
    }
}

/// The faction tags of one statement: the speaker's factions on the statement's date, then the
/// outlet's.
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
    if let Some(id) = s.outlet.as_ref().and_then(|o| o.id.clone()) {
        for f in r.factions_of(&TieSubject::Outlet(id), s.date) {
            tags.push(FactionTag::new(f, TieVia::Outlet));
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use rift_ingest::{FieldMap, Inputs, Item};

    use super::*;

    /// The once-per-combination tags of an article equal each statement's own look-up, on the
    /// first 60 PolNeAR train texts with the us-2016 project (where the shared data is checked
    /// out), and some statements do get tags.
    #[test]
    fn article_tags_equal_each_statements_tags() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let train = PathBuf::from(root).join("../shared/data/polnear/train/text");
        let Ok(dir) = std::fs::read_dir(&train) else {
            return;
        };
        let mut paths: Vec<PathBuf> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        paths.truncate(60);
        let pipeline = Pipeline::new(Some(&PathBuf::from(root).join("examples/us-2016"))).unwrap();
        let r = pipeline.resolver.as_ref().unwrap();
        let (mut statements, mut tagged) = (0, 0);
        for item in Inputs::new(paths, FieldMap::default()) {
            let Item::Article(rec) = item else {
                panic!("unreadable PolNeAR text");
            };
            let p = pipeline.process(rec.article);
            assert_eq!(p.tags.len(), p.statements.len());
            for (s, t) in p.statements.iter().zip(&p.tags) {
                assert_eq!(*t, tags(r, s), "{:?}", s.text);
                statements += 1;
                tagged += usize::from(!t.is_empty());
            }
        }
        assert!(
            tagged > 0 && tagged < statements,
            "{tagged} of {statements}"
        );
    }
}
