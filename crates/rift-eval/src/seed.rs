//! Scoring against the seed gold format: one JSON object per gold statement with `quote`,
//! `start`/`end` (code points), `speaker` (+ `alt_speakers`), `stance` {issue: label}
//! (+ `alt_stance`), `required`; and an article file with `not_statements`.

use std::collections::BTreeMap;
use std::path::Path;

use rift_core::{StanceLabel, Statement};
use serde::Deserialize;

use crate::EvalError;

/// One gold statement.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldStatement {
    /// The content, an exact substring of the article.
    pub quote: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Expected speaker name (`null` for anonymous groups).
    pub speaker: Option<String>,
    /// Other acceptable speakers (the outlet that relayed the words).
    #[serde(default)]
    pub alt_speakers: Vec<String>,
    /// Expected stance per issue; empty = no stance on any issue.
    #[serde(default)]
    pub stance: BTreeMap<String, String>,
    /// Other acceptable labels.
    #[serde(default)]
    pub alt_stance: Vec<String>,
    /// Must be found.
    #[serde(default)]
    pub required: bool,
}

/// The article-level gold: traps that are not statements.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    /// Strings that must not be (part of) statements: titles, slogans, scare quotes.
    #[serde(default)]
    pub not_statements: Vec<String>,
}

/// Reads a gold statements JSONL file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldStatement>, EvalError> {
    let p = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: p.clone(),
        source,
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| EvalError::Parse {
                path: p.clone(),
                line: i + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// Reads a gold article JSON file.
pub fn read_gold_article(path: &Path) -> Result<GoldArticle, EvalError> {
    let p = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: p.clone(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| EvalError::Parse {
        path: p,
        line: 1,
        message: e.to_string(),
    })
}

/// The verdict on one gold statement.
#[derive(Debug, Clone)]
pub struct GoldResult {
    /// The gold record.
    pub gold: GoldStatement,
    /// Index of the matched system statement (largest overlap), if any.
    pub matched: Option<usize>,
    /// Speaker right.
    pub speaker_ok: bool,
    /// Stance right on every gold issue (and none when gold has none).
    pub stance_ok: bool,
    /// A line for people.
    pub detail: String,
}

/// The score of a run on one article.
#[derive(Debug, Clone)]
pub struct SeedScore {
    /// One verdict per gold statement.
    pub results: Vec<GoldResult>,
    /// Traps that some statement overlaps, with the statement's text.
    pub trap_hits: Vec<(String, String)>,
}

impl SeedScore {
    /// Required gold statements.
    pub fn required(&self) -> impl Iterator<Item = &GoldResult> {
        self.results.iter().filter(|r| r.gold.required)
    }
    /// Required statements found.
    pub fn required_found(&self) -> usize {
        self.required().filter(|r| r.matched.is_some()).count()
    }
    /// Required statements with the right speaker.
    pub fn required_speaker(&self) -> usize {
        self.required().filter(|r| r.speaker_ok).count()
    }
    /// Required statements with the right stance.
    pub fn required_stance(&self) -> usize {
        self.required().filter(|r| r.stance_ok).count()
    }
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when the statement's source names the gold speaker: its name or mention contains it (or
/// its surname, for persons written in full in the gold).
fn speaker_matches(gold: &str, s: &Statement) -> bool {
    let g = norm(gold);
    if g.is_empty() {
        return false;
    }
    let name = s.source.name.as_deref().map(norm).unwrap_or_default();
    let text = norm(&s.source.text);
    name == g
        || (!name.is_empty() && (name.contains(&g) || g.contains(&name) && name.len() >= 4))
        || text.contains(&g)
}

/// Scores `statements` (of the article `text`) against the gold.
pub fn score(
    text: &str,
    statements: &[Statement],
    gold: &[GoldStatement],
    article: Option<&GoldArticle>,
) -> SeedScore {
    let mut results = Vec::new();
    for g in gold {
        let best = statements
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (
                    i,
                    s.span
                        .end
                        .min(g.end)
                        .saturating_sub(s.span.start.max(g.start)),
                )
            })
            .filter(|&(_, ov)| ov > 0)
            .max_by_key(|&(_, ov)| ov)
            .map(|(i, _)| i);
        let (speaker_ok, stance_ok, detail) = match best {
            None => (false, false, format!("MISSED  {:?}", short(&g.quote))),
            Some(i) => {
                let s = &statements[i];
                let speakers: Vec<&str> = g
                    .speaker
                    .iter()
                    .map(String::as_str)
                    .chain(g.alt_speakers.iter().map(String::as_str))
                    .collect();
                let speaker_ok = if speakers.is_empty() {
                    s.source.actor.is_none()
                } else {
                    speakers.iter().any(|sp| speaker_matches(sp, s))
                };
                let stance_ok = if g.stance.is_empty() {
                    s.stance.is_empty()
                } else {
                    g.stance.iter().all(|(issue, label)| {
                        let want: Vec<Option<StanceLabel>> = std::iter::once(label)
                            .chain(g.alt_stance.iter())
                            .map(|l| StanceLabel::parse(l))
                            .collect();
                        s.stance
                            .iter()
                            .any(|st| &st.issue == issue && want.contains(&Some(st.label)))
                    })
                };
                let got_stance: Vec<String> = s
                    .stance
                    .iter()
                    .map(|st| format!("{}:{}", st.issue, st.label.as_str()))
                    .collect();
                let detail = format!(
                    "{}{}  {:?} speaker={:?} (gold {:?}) stance={:?} (gold {:?})",
                    if speaker_ok { "" } else { "SPEAKER " },
                    if stance_ok { "ok" } else { "STANCE" },
                    short(&g.quote),
                    s.source.name.as_deref().unwrap_or(&s.source.text),
                    g.speaker,
                    got_stance,
                    g.stance
                );
                (speaker_ok, stance_ok, detail)
            }
        };
        results.push(GoldResult {
            gold: g.clone(),
            matched: best,
            speaker_ok,
            stance_ok,
            detail,
        });
    }
    let mut trap_hits = Vec::new();
    if let Some(a) = article {
        for trap in &a.not_statements {
            for (b, _) in text.match_indices(trap.as_str()) {
                let start = text[..b].chars().count();
                let end = start + trap.chars().count();
                for s in statements {
                    if s.span.start < end && start < s.span.end {
                        trap_hits.push((trap.clone(), s.text.clone()));
                    }
                }
            }
        }
    }
    SeedScore { results, trap_hits }
}

fn short(s: &str) -> String {
    if s.chars().count() > 50 {
        s.chars().take(49).chain(std::iter::once('…')).collect()
    } else {
        s.to_string()
    }
}
