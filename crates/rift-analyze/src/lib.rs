//! Positions of factions, actors and outlets on an issue; divergence from the reference.
//!
//! The last stage. `rift positions` reads [`StatementRow`]s from `rift-store` (statements with
//! the stances `rift-stance` gave them and the faction tags `rift-kb` found at ingest time) and
//! calls [`positions`], which:
//!
//! 1. keeps the statements with a stance on the issue, taking the stored stance score
//!    (by default favor +1, conditional +0.5, neutral 0, against −1:
//!    [`rift_core::StanceLabel::default_score`]);
//! 2. sets the reference actor's own statements apart: they make the reference score and are
//!    left out of every group, so a faction is compared with its leader, not averaged with him;
//! 3. puts every other statement into groups — by faction (its tags chosen by [`TieMode`], plus
//!    each tagged faction's parent factions), by speaker, or by outlet — and shows what could not
//!    be resolved rather than dropping it (`(no faction)`, `unresolved:<mention>`);
//! 4. counts a statement once per group when the same source said the same (normalised) text
//!    more than once (a quote repeated in the article, a syndicated copy);
//! 5. scores each group by the mean, labels it with the label nearest that mean, and measures
//!    `divergence = |group − reference|` (0..2) and `delta = group − reference`.
//!
//! The serialised [`Positions`] is the stable JSON contract of `rift positions --format json`
//! (whole range, no intervals).
//!
//! Over time, [`series()`] cuts the same observations into day/week/month windows, adds bootstrap
//! intervals, the reference line per window and the rift index ([`mod@series`] module docs give the
//! formulas); [`shift`] compares groups before and after a pivot day and finds change points;
//! [`stats`] holds the seeded resampling they share. `rift report` and `rift export` render these.

use std::collections::{BTreeMap, HashMap, HashSet};

use rift_core::{Actor, Faction, IssueConfig, Outlet, StanceLabel, Statement};
use rift_store::{StatementRow, TieVia};
use serde::Serialize;

pub mod series;
#[cfg(test)]
mod series_tests;
pub mod shift;
pub mod stats;
#[cfg(test)]
mod tests;

pub use series::{
    collect, series, series_from, Collected, GroupObs, Obs, ReferenceLine, RiftIndex, Series,
    SeriesOptions, Snapshot, SnapshotReference, Window, WindowPosition, WindowResult,
};
pub use shift::{
    pivot, timeline, ChangeOptions, ChangePoint, GroupTimeline, Pivot, PivotShift, Timeline,
};
pub use stats::Interval;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum AnalyzeError {
    /// A grouping name other than `faction`, `actor`, `outlet`.
    #[error("unknown grouping {0:?} (expected faction, actor or outlet)")]
    UnknownGroupBy(String),
    /// A tie mode name other than `auto`, `speaker`, `outlet`.
    #[error("unknown tie mode {0:?} (expected auto, speaker or outlet)")]
    UnknownTieMode(String),
    /// A window name other than `day`, `week`, `month`, `all`.
    #[error("unknown window {0:?} (expected day, week, month or all)")]
    UnknownWindow(String),
}

/// What statements are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// The factions the statement is tagged with (see [`TieMode`]) and their parent factions.
    Faction,
    /// The speaker: a KB actor id, else `unresolved:<name or mention>`.
    Actor,
    /// The outlet: a KB outlet id, else `unresolved:<outlet name>`, else `(no outlet)`.
    Outlet,
}

impl std::str::FromStr for GroupBy {
    type Err = AnalyzeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "faction" => Ok(GroupBy::Faction),
            "actor" => Ok(GroupBy::Actor),
            "outlet" => Ok(GroupBy::Outlet),
            _ => Err(AnalyzeError::UnknownGroupBy(s.to_string())),
        }
    }
}

/// Which faction tags put a statement into a faction group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum TieMode {
    /// The speaker's factions if it has any, else the outlet's.
    #[default]
    Auto,
    /// Only the speaker's factions.
    Speaker,
    /// Only the outlet's factions.
    Outlet,
}

impl std::str::FromStr for TieMode {
    type Err = AnalyzeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(TieMode::Auto),
            "speaker" => Ok(TieMode::Speaker),
            "outlet" => Ok(TieMode::Outlet),
            _ => Err(AnalyzeError::UnknownTieMode(s.to_string())),
        }
    }
}

/// Group id (and name) of statements with no faction tag.
pub const NO_FACTION: &str = "(no faction)";
/// Group id (and name) of statements with no outlet.
pub const NO_OUTLET: &str = "(no outlet)";
/// Prefix of the group id of a speaker or outlet not resolved to the KB.
pub const UNRESOLVED: &str = "unresolved:";

/// Display names of KB ids, and the faction hierarchy.
#[derive(Debug, Clone, Default)]
pub struct NameLookup {
    factions: HashMap<String, (String, Option<String>)>,
    actors: HashMap<String, String>,
    outlets: HashMap<String, String>,
}

impl NameLookup {
    /// Indexes a KB (for instance the snapshot read back from `rift-store`).
    pub fn new(factions: &[Faction], actors: &[Actor], outlets: &[Outlet]) -> Self {
        NameLookup {
            factions: factions
                .iter()
                .map(|f| (f.id.clone(), (f.name.clone(), f.parent.clone())))
                .collect(),
            actors: actors
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect(),
            outlets: outlets
                .iter()
                .map(|o| (o.id.clone(), o.name.clone()))
                .collect(),
        }
    }

    /// Name of faction `id`, if known.
    pub fn faction_name(&self, id: &str) -> Option<&str> {
        self.factions.get(id).map(|(n, _)| n.as_str())
    }

    /// Name of actor `id`, if known. Outlets speak too, so outlet ids are looked up as well.
    pub fn actor_name(&self, id: &str) -> Option<&str> {
        self.actors
            .get(id)
            .or_else(|| self.outlets.get(id))
            .map(String::as_str)
    }

    /// Name of outlet `id`, if known.
    pub fn outlet_name(&self, id: &str) -> Option<&str> {
        self.outlets.get(id).map(String::as_str)
    }

    /// `id` followed by its parent, grandparent … (stops at an unknown id or a cycle).
    pub fn with_ancestors<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let mut out = vec![id];
        let mut cur = id;
        while let Some((_, Some(parent))) = self.factions.get(cur) {
            if out.contains(&parent.as_str()) {
                break;
            }
            out.push(parent);
            cur = parent;
        }
        out
    }
}

/// Statement counts per label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct LabelCounts {
    /// Statements labelled favor.
    pub favor: usize,
    /// Statements labelled against.
    pub against: usize,
    /// Statements labelled conditional.
    pub conditional: usize,
    /// Statements labelled neutral.
    pub neutral: usize,
}

impl LabelCounts {
    fn add(&mut self, label: StanceLabel) {
        match label {
            StanceLabel::Favor => self.favor += 1,
            StanceLabel::Against => self.against += 1,
            StanceLabel::Conditional => self.conditional += 1,
            StanceLabel::Neutral => self.neutral += 1,
        }
    }
}

/// The reference actor's own position.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferencePosition {
    /// KB actor id.
    pub actor: String,
    /// Display name.
    pub name: String,
    /// Mean stance score of the actor's statements; `None` when it made none on the issue.
    pub score: Option<f64>,
    /// Number of (de-duplicated) statements.
    pub n: usize,
}

/// One group's position.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupPosition {
    /// Faction, actor or outlet id; `(no faction)`, `(no outlet)` or `unresolved:<name>`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Mean stance score in [−1, 1].
    pub score: f64,
    /// Number of (de-duplicated) statements with a stance on the issue.
    pub n: usize,
    /// Those statements per label.
    pub counts: LabelCounts,
    /// The label whose default score is nearest the mean (a tie goes to the label nearer 0).
    pub label: StanceLabel,
    /// `|score − reference score|` in [0, 2]; `None` without a reference score.
    pub divergence: Option<f64>,
    /// `score − reference score`; `None` without a reference score.
    pub delta: Option<f64>,
}

/// Positions on one issue: the result of [`positions`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Positions {
    /// Issue id.
    pub issue: String,
    /// The question a position answers.
    pub question: String,
    /// The reference actor's position, when a reference actor is set.
    pub reference: Option<ReferencePosition>,
    /// Groups, most divergent first; on a tie resolved groups before [`is_catch_all`] ones, then
    /// larger first, then by id.
    pub groups: Vec<GroupPosition>,
}

/// Computes positions on `issue` from stored statements (see the crate docs for the method).
/// `reference_actor` is usually `issue.reference`; `None` gives no reference and no divergence.
pub fn positions(
    rows: &[StatementRow],
    issue: &IssueConfig,
    reference_actor: Option<&str>,
    by: GroupBy,
    tie: TieMode,
    names: &NameLookup,
) -> Positions {
    let mut reference = reference_actor.map(|actor| (actor, Acc::default()));
    let mut reference_name: Option<String> = None;
    // Group id → (name, accumulator); BTreeMap for a deterministic order before sorting.
    let mut groups: BTreeMap<String, (String, Acc)> = BTreeMap::new();

    for row in rows {
        let s = &row.statement;
        let Some(stance) = s.stance.iter().find(|x| x.issue == issue.id) else {
            continue;
        };
        if !stance.score.is_finite() {
            continue;
        }
        let key = dedup_key(s);
        if let Some((actor, acc)) = reference.as_mut() {
            if s.source.actor.as_deref() == Some(*actor) {
                acc.add(&key, stance.label, stance.score);
                if reference_name.is_none() {
                    reference_name = s.source.name.clone();
                }
                continue;
            }
        }
        for (id, name) in group_keys(row, by, tie, names) {
            groups
                .entry(id)
                .or_insert_with(|| (name, Acc::default()))
                .1
                .add(&key, stance.label, stance.score);
        }
    }

    let reference = reference.map(|(actor, acc)| ReferencePosition {
        actor: actor.to_string(),
        name: names
            .actor_name(actor)
            .map(str::to_string)
            .or(reference_name)
            .unwrap_or_else(|| actor.to_string()),
        score: acc.mean().map(round),
        n: acc.n,
    });
    let ref_score = reference.as_ref().and_then(|r| r.score);

    let mut groups: Vec<GroupPosition> = groups
        .into_iter()
        .filter_map(|(id, (name, acc))| {
            let score = acc.mean()?;
            let delta = ref_score.map(|r| score - r);
            Some(GroupPosition {
                id,
                name,
                score: round(score),
                n: acc.n,
                counts: acc.counts,
                label: nearest_label(score),
                divergence: delta.map(|d| round(d.abs())),
                delta: delta.map(round),
            })
        })
        .collect();
    groups.sort_by(|a, b| {
        let div = |g: &GroupPosition| g.divergence.unwrap_or(f64::NEG_INFINITY);
        div(b)
            .total_cmp(&div(a))
            .then(is_catch_all(&a.id).cmp(&is_catch_all(&b.id)))
            .then(b.n.cmp(&a.n))
            .then_with(|| a.id.cmp(&b.id))
    });

    Positions {
        issue: issue.id.clone(),
        question: issue.question.clone(),
        reference,
        groups,
    }
}

/// True for the groups of what was not resolved: `(no faction)`, `(no outlet)`, `unresolved:…`.
pub fn is_catch_all(group_id: &str) -> bool {
    group_id == NO_FACTION || group_id == NO_OUTLET || group_id.starts_with(UNRESOLVED)
}

/// The label whose default score is nearest `score`; ties go to the label nearer 0.
pub fn nearest_label(score: f64) -> StanceLabel {
    // Ordered by |default score| so that `<` keeps the one nearer 0 on a tie.
    const BY_MAGNITUDE: [StanceLabel; 4] = [
        StanceLabel::Neutral,
        StanceLabel::Conditional,
        StanceLabel::Favor,
        StanceLabel::Against,
    ];
    let mut best = BY_MAGNITUDE[0];
    for l in BY_MAGNITUDE {
        if (l.default_score() - score).abs() < (best.default_score() - score).abs() {
            best = l;
        }
    }
    best
}

/// Rounds to 6 decimals so that sums like 0.1 + 0.2 print as people expect.
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Running mean of one group, counting each (source, text) once.
#[derive(Debug, Default)]
struct Acc {
    seen: HashSet<(String, String)>,
    sum: f64,
    n: usize,
    counts: LabelCounts,
}

impl Acc {
    fn add(&mut self, key: &(String, String), label: StanceLabel, score: f64) {
        if !self.seen.insert(key.clone()) {
            return;
        }
        self.sum += score;
        self.n += 1;
        self.counts.add(label);
    }
    fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / self.n as f64)
    }
}

/// (source, normalised text): statements alike in both are one statement.
fn dedup_key(s: &Statement) -> (String, String) {
    let source = match &s.source.actor {
        Some(id) => format!("id:{id}"),
        None => format!(
            "mention:{}",
            normalise(s.source.name.as_deref().unwrap_or(&s.source.text))
        ),
    };
    (source, normalise(&s.text))
}

/// Lower-case words (letters and digits) joined by single spaces: quotes, dashes, punctuation and
/// spacing differences between copies vanish.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The (id, name) of every group a statement belongs to.
fn group_keys(
    row: &StatementRow,
    by: GroupBy,
    tie: TieMode,
    names: &NameLookup,
) -> Vec<(String, String)> {
    let s = &row.statement;
    match by {
        GroupBy::Actor => vec![match &s.source.actor {
            Some(id) => {
                let name = names
                    .actor_name(id)
                    .map(str::to_string)
                    .or_else(|| s.source.name.clone())
                    .unwrap_or_else(|| id.clone());
                (id.clone(), name)
            }
            None => {
                let name = s
                    .source
                    .name
                    .clone()
                    .unwrap_or_else(|| s.source.text.clone());
                (format!("{UNRESOLVED}{name}"), name)
            }
        }],
        GroupBy::Outlet => vec![match &s.outlet {
            Some(o) => match &o.id {
                Some(id) => {
                    let name = names
                        .outlet_name(id)
                        .map(str::to_string)
                        .unwrap_or_else(|| o.name.clone());
                    (id.clone(), name)
                }
                None => (format!("{UNRESOLVED}{}", o.name), o.name.clone()),
            },
            None => (NO_OUTLET.to_string(), NO_OUTLET.to_string()),
        }],
        GroupBy::Faction => {
            let of = |via: TieVia| {
                row.factions
                    .iter()
                    .filter(move |t| t.via == via)
                    .map(|t| t.faction.as_str())
            };
            let chosen: Vec<&str> = match tie {
                TieMode::Speaker => of(TieVia::Speaker).collect(),
                TieMode::Outlet => of(TieVia::Outlet).collect(),
                TieMode::Auto => {
                    let speaker: Vec<&str> = of(TieVia::Speaker).collect();
                    if speaker.is_empty() {
                        of(TieVia::Outlet).collect()
                    } else {
                        speaker
                    }
                }
            };
            let mut ids: Vec<&str> = Vec::new();
            for f in chosen {
                for a in names.with_ancestors(f) {
                    if !ids.contains(&a) {
                        ids.push(a);
                    }
                }
            }
            if ids.is_empty() {
                return vec![(NO_FACTION.to_string(), NO_FACTION.to_string())];
            }
            ids.into_iter()
                .map(|id| {
                    let name = names.faction_name(id).unwrap_or(id).to_string();
                    (id.to_string(), name)
                })
                .collect()
        }
    }
}
