//! Positions over time: per group and per time window, with bootstrap intervals, divergence from
//! the reference actor's line and the rift index.
//!
//! [`series`] is what `rift positions --window`, `rift rift` and `rift report` call. It first
//! [`collect`]s the issue's statements into de-duplicated observations per group (the same rules
//! as [`crate::positions`], plus: statements of an article marked as a copy of another —
//! `articles.duplicate_of` in `rift-store` — are left out, because the original is counted), then
//! cuts them into windows ([`Window`]) and, per window:
//!
//! * **position** of a group = mean stance score of its distinct statements, with a 90 %
//!   percentile-bootstrap interval (resampling the group's statements; seeded per group and
//!   window, so results are reproducible and independent of the other groups);
//! * **reference line** = the same for the reference actor's own statements in the window; when
//!   the actor said nothing in a window, the last known line of an earlier window is carried
//!   forward (and marked `carried`);
//! * **divergence** = `|group − reference|` in [0, 2] and `delta = group − reference`, with
//!   intervals from independent bootstrap resamples of both;
//! * **rift index** = the statement-weighted standard deviation of the positions of the resolved
//!   groups, `sqrt(Σ n_g (x_g − x̄)² / Σ n_g)` with `x̄ = Σ n_g x_g / Σ n_g`. Positions lie in
//!   [−1, 1], so the index lies in [0, 1]: 0 when every group holds the same line, 1 when the
//!   statements split evenly between two groups at +1 and −1. Catch-all groups (`(no faction)`,
//!   `unresolved:…`) are not groups with a line and are left out, and so are sub-factions whose
//!   parent faction is in the window (its statements already count in the parent). The reference
//!   actor is not a group. At least two groups are needed. Its interval is a stratified bootstrap
//!   (each group resampled within itself).

use std::collections::{BTreeMap, HashMap, HashSet};

use rift_core::{Date, IssueConfig, StanceLabel};
use rift_store::StatementRow;
use serde::Serialize;

use chrono::Datelike;

use crate::stats::{self, Interval, Rng};
use crate::{
    dedup_key, group_keys, is_catch_all, nearest_label, round, AnalyzeError, GroupBy, LabelCounts,
    NameLookup, TieMode,
};

/// A time window size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Window {
    /// One calendar day.
    Day,
    /// One ISO week (Monday to Sunday).
    Week,
    /// One calendar month.
    Month,
    /// The whole range, undated statements included.
    #[default]
    All,
}

impl std::str::FromStr for Window {
    type Err = AnalyzeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "day" => Ok(Window::Day),
            "week" => Ok(Window::Week),
            "month" => Ok(Window::Month),
            "all" => Ok(Window::All),
            _ => Err(AnalyzeError::UnknownWindow(s.to_string())),
        }
    }
}

impl Window {
    /// First and last day of the window holding `d` (for [`Window::All`]: `d` itself).
    pub fn bounds(self, d: Date) -> (Date, Date) {
        match self {
            Window::Day | Window::All => (d, d),
            Window::Week => {
                let start = d - chrono::Days::new(d.weekday().num_days_from_monday() as u64);
                (start, start + chrono::Days::new(6))
            }
            Window::Month => {
                let start = d.with_day(1).expect("day 1 exists");
                let next = start + chrono::Months::new(1);
                (start, next - chrono::Days::new(1))
            }
        }
    }

    /// The label of the window starting on `start`: `2019-05-19`, `2019-W20`, `2019-05`.
    pub fn label(self, start: Date) -> String {
        match self {
            Window::Day => start.format("%Y-%m-%d").to_string(),
            Window::Week => {
                let w = start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Window::Month => start.format("%Y-%m").to_string(),
            Window::All => "all".to_string(),
        }
    }
}

/// How [`series`] runs.
#[derive(Debug, Clone)]
pub struct SeriesOptions {
    /// Window size.
    pub window: Window,
    /// What statements are grouped by.
    pub by: GroupBy,
    /// Which ties count when grouping by faction.
    pub tie: TieMode,
    /// Only statements made on or after this day (undated statements are then left out).
    pub from: Option<Date>,
    /// Only statements made on or before this day (undated statements are then left out).
    pub to: Option<Date>,
    /// The reference actor id (usually the issue's `reference`); `None`: no divergence.
    pub reference: Option<String>,
    /// Bootstrap resamples per interval.
    pub bootstrap: usize,
    /// Seed of every resampling.
    pub seed: u64,
}

impl Default for SeriesOptions {
    fn default() -> Self {
        SeriesOptions {
            window: Window::All,
            by: GroupBy::Faction,
            tie: TieMode::Auto,
            from: None,
            to: None,
            reference: None,
            bootstrap: stats::DEFAULT_BOOTSTRAP,
            seed: stats::DEFAULT_SEED,
        }
    }
}

/// One distinct statement with a stance on the issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Obs {
    /// Statement row id in the store.
    pub statement: i64,
    /// Article row id.
    pub article: i64,
    /// When it was said, if known.
    pub date: Option<Date>,
    /// Stance score in [−1, 1].
    pub score: f64,
    /// Stance label.
    pub label: StanceLabel,
}

/// The de-duplicated observations of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupObs {
    /// Group id (see [`crate::GroupPosition::id`]).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Distinct statements, in date order (undated last).
    pub obs: Vec<Obs>,
    /// Statement rows before de-duplication (repeated quotes included).
    pub rows: usize,
}

/// What [`collect`] found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collected {
    /// The reference actor (id, display name) and its own distinct statements.
    pub reference: Option<GroupObs>,
    /// Every other group, by id.
    pub groups: Vec<GroupObs>,
    /// Statements left out because their article is a marked copy of another.
    pub copies_skipped: usize,
}

/// Gathers the issue's statements into de-duplicated observations: the reference actor's apart,
/// the rest per group. `copies` holds the row ids of articles marked as copies of another
/// (`duplicate_of` set); their statements are skipped. A quote the same source repeated (in the
/// same or another article) counts once per group, at its first date.
pub fn collect(
    rows: &[StatementRow],
    issue: &IssueConfig,
    opts: &SeriesOptions,
    names: &NameLookup,
    copies: &HashSet<i64>,
) -> Collected {
    let mut order: Vec<&StatementRow> = rows.iter().collect();
    // Chronological, undated last, then storage order: the first occurrence is the earliest.
    order.sort_by_key(|r| {
        (
            r.statement.date.is_none(),
            r.statement.date,
            r.article_id,
            r.ordinal,
        )
    });
    let ranged = opts.from.is_some() || opts.to.is_some();
    let mut copies_skipped = 0;
    let mut reference = opts.reference.as_ref().map(|actor| {
        (
            GroupObs {
                id: actor.clone(),
                name: names.actor_name(actor).unwrap_or(actor).to_string(),
                obs: Vec::new(),
                rows: 0,
            },
            HashSet::new(),
            names.actor_name(actor).is_some(),
        )
    });
    let mut groups: BTreeMap<String, (GroupObs, HashSet<(String, String)>)> = BTreeMap::new();
    for row in order {
        let s = &row.statement;
        let Some(stance) = s.stance.iter().find(|x| x.issue == issue.id) else {
            continue;
        };
        if !stance.score.is_finite() {
            continue;
        }
        if ranged
            && !s
                .date
                .is_some_and(|d| opts.from.is_none_or(|f| d >= f) && opts.to.is_none_or(|t| d <= t))
        {
            continue;
        }
        if copies.contains(&row.article_id) {
            copies_skipped += 1;
            continue;
        }
        let obs = Obs {
            statement: row.id,
            article: row.article_id,
            date: s.date,
            score: stance.score,
            label: stance.label,
        };
        let key = dedup_key(s);
        if let Some((g, seen, named)) = reference.as_mut() {
            if s.source.actor.as_deref() == Some(g.id.as_str()) {
                g.rows += 1;
                if !*named {
                    if let Some(n) = &s.source.name {
                        g.name = n.clone();
                        *named = true;
                    }
                }
                if seen.insert(key) {
                    g.obs.push(obs);
                }
                continue;
            }
        }
        for (id, name) in group_keys(row, opts.by, opts.tie, names) {
            let (g, seen) = groups.entry(id.clone()).or_insert_with(|| {
                (
                    GroupObs {
                        id,
                        name,
                        obs: Vec::new(),
                        rows: 0,
                    },
                    HashSet::new(),
                )
            });
            g.rows += 1;
            if seen.insert(key.clone()) {
                g.obs.push(obs.clone());
            }
        }
    }
    Collected {
        reference: reference.map(|(g, _, _)| g),
        groups: groups.into_values().map(|(g, _)| g).collect(),
        copies_skipped,
    }
}

/// The reference actor's line in one window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferenceLine {
    /// Mean stance score.
    pub score: f64,
    /// 90 % bootstrap interval of the mean.
    pub interval: Interval,
    /// The label nearest the mean.
    pub label: StanceLabel,
    /// Number of distinct statements it rests on.
    pub n: usize,
    /// Label of the window the line comes from (this one, or an earlier one when carried).
    pub from_window: String,
    /// True when the actor said nothing in this window and the last known line is used.
    pub carried: bool,
    /// Statement row ids it rests on.
    pub statements: Vec<i64>,
}

/// One group's position in one window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WindowPosition {
    /// Group id: faction, actor or outlet id; `(no faction)`, `(no outlet)`, `unresolved:<name>`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Mean stance score in [−1, 1].
    pub score: f64,
    /// 90 % bootstrap interval of the mean.
    pub interval: Interval,
    /// Distinct statements (repeats and copies counted once).
    pub n: usize,
    /// Those statements per label.
    pub counts: LabelCounts,
    /// The label nearest the mean.
    pub label: StanceLabel,
    /// True for the catch-all groups of what was not resolved.
    pub unresolved: bool,
    /// True when the group counts in this window's rift index.
    pub in_rift: bool,
    /// `score − reference line`; `None` without a reference line.
    pub delta: Option<f64>,
    /// 90 % bootstrap interval of `delta`.
    pub delta_interval: Option<Interval>,
    /// `|delta|` in [0, 2].
    pub divergence: Option<f64>,
    /// 90 % bootstrap interval of the divergence.
    pub divergence_interval: Option<Interval>,
    /// Statement row ids of the distinct statements.
    pub statements: Vec<i64>,
}

/// The rift index of one window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiftIndex {
    /// Statement-weighted standard deviation of the group positions, in [0, 1].
    pub value: f64,
    /// 90 % stratified bootstrap interval.
    pub interval: Interval,
    /// The groups it is computed over.
    pub groups: Vec<String>,
    /// Distinct statements of those groups.
    pub n: usize,
}

/// One window of a [`Series`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WindowResult {
    /// `all`, `2019-05-19`, `2019-W20` or `2019-05`.
    pub window: String,
    /// First day (inclusive); `None` for the whole range.
    pub start: Option<Date>,
    /// Last day (inclusive); `None` for the whole range.
    pub end: Option<Date>,
    /// The reference line used in this window.
    pub reference: Option<ReferenceLine>,
    /// Groups with statements in the window, most divergent first (catch-all groups after
    /// resolved ones on a tie, then larger first, then by id).
    pub groups: Vec<WindowPosition>,
    /// The rift index, when at least two groups count.
    pub rift: Option<RiftIndex>,
}

/// The reference actor of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferenceActor {
    /// KB actor id.
    pub actor: String,
    /// Display name.
    pub name: String,
    /// Its distinct statements over the whole series.
    pub n: usize,
}

/// Positions over time: the result of [`series`], and the JSON of `rift positions --window`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Issue id.
    pub issue: String,
    /// The question a position answers.
    pub question: String,
    /// Window size.
    pub window: Window,
    /// Grouping.
    pub by: GroupBy,
    /// Tie mode.
    pub tie: TieMode,
    /// The reference actor, when one is set.
    pub reference: Option<ReferenceActor>,
    /// Windows in time order (one, `all`, for [`Window::All`]).
    pub windows: Vec<WindowResult>,
    /// Distinct statements without a date, which no dated window holds.
    pub undated: usize,
    /// Statements left out as copies of another article's.
    pub copies_skipped: usize,
}

/// Computes positions over time (see the module docs for the method).
pub fn series(
    rows: &[StatementRow],
    issue: &IssueConfig,
    opts: &SeriesOptions,
    names: &NameLookup,
    copies: &HashSet<i64>,
) -> Series {
    let c = collect(rows, issue, opts, names, copies);
    series_from(&c, issue, opts, names)
}

/// [`series`] over already [`collect`]ed observations.
pub fn series_from(
    c: &Collected,
    issue: &IssueConfig,
    opts: &SeriesOptions,
    names: &NameLookup,
) -> Series {
    // Window start → observations, per group; the reference apart.
    let key_of = |o: &Obs| -> Option<Option<Date>> {
        match (opts.window, o.date) {
            (Window::All, _) => Some(None),
            (_, Some(d)) => Some(Some(opts.window.bounds(d).0)),
            (_, None) => None,
        }
    };
    let mut undated: HashSet<i64> = HashSet::new();
    let mut starts: std::collections::BTreeSet<Option<Date>> = Default::default();
    type Split<'a> = HashMap<Option<Date>, Vec<&'a Obs>>;
    fn split<'a>(
        g: &'a GroupObs,
        key_of: &dyn Fn(&Obs) -> Option<Option<Date>>,
        starts: &mut std::collections::BTreeSet<Option<Date>>,
        undated: &mut HashSet<i64>,
    ) -> Split<'a> {
        let mut m: Split<'a> = HashMap::new();
        for o in &g.obs {
            match key_of(o) {
                Some(k) => {
                    starts.insert(k);
                    m.entry(k).or_default().push(o);
                }
                None => {
                    undated.insert(o.statement);
                }
            }
        }
        m
    }
    let ref_split = c
        .reference
        .as_ref()
        .map(|g| split(g, &key_of, &mut starts, &mut undated));
    let group_split: Vec<(&GroupObs, Split<'_>)> = c
        .groups
        .iter()
        .map(|g| (g, split(g, &key_of, &mut starts, &mut undated)))
        .collect();

    let mut windows = Vec::new();
    let mut last_ref: Option<ReferenceLine> = None;
    for start in starts {
        let label = match start {
            Some(d) => opts.window.label(d),
            None => "all".to_string(),
        };
        let (wstart, wend) = match start {
            Some(d) => {
                let (s, e) = opts.window.bounds(d);
                (Some(s), Some(e))
            }
            None => (None, None),
        };
        // The reference line: this window's, else the last known.
        let ref_scores: Option<Vec<f64>>;
        let reference = match ref_split.as_ref().and_then(|m| m.get(&start)) {
            Some(obs) if !obs.is_empty() => {
                let xs: Vec<f64> = obs.iter().map(|o| o.score).collect();
                let mut rng = Rng::for_key(opts.seed, &format!("ref/{label}"));
                let m = stats::mean(&xs).expect("non-empty");
                let line = ReferenceLine {
                    score: round(m),
                    interval: stats::bootstrap_mean(&xs, opts.bootstrap, &mut rng)
                        .expect("non-empty")
                        .rounded(),
                    label: nearest_label(m),
                    n: xs.len(),
                    from_window: label.clone(),
                    carried: false,
                    statements: obs.iter().map(|o| o.statement).collect(),
                };
                ref_scores = Some(xs);
                last_ref = Some(line.clone());
                Some(line)
            }
            _ => {
                ref_scores = None;
                last_ref.clone().map(|mut l| {
                    l.carried = true;
                    l
                })
            }
        };
        // The scores of the carried line, for resampling.
        let ref_scores: Option<Vec<f64>> = ref_scores.or_else(|| {
            let line = reference.as_ref()?;
            let ids: HashSet<i64> = line.statements.iter().copied().collect();
            c.reference.as_ref().map(|g| {
                g.obs
                    .iter()
                    .filter(|o| ids.contains(&o.statement))
                    .map(|o| o.score)
                    .collect()
            })
        });

        let present: HashSet<&str> = group_split
            .iter()
            .filter(|(_, m)| m.get(&start).is_some_and(|v| !v.is_empty()))
            .map(|(g, _)| g.id.as_str())
            .collect();
        let mut groups: Vec<WindowPosition> = Vec::new();
        let mut rift_members: Vec<Vec<f64>> = Vec::new();
        let mut rift_ids: Vec<String> = Vec::new();
        for (g, m) in &group_split {
            let Some(obs) = m.get(&start).filter(|v| !v.is_empty()) else {
                continue;
            };
            let xs: Vec<f64> = obs.iter().map(|o| o.score).collect();
            let mean = stats::mean(&xs).expect("non-empty");
            let mut counts = LabelCounts::default();
            obs.iter().for_each(|o| counts.add(o.label));
            let mut rng = Rng::for_key(opts.seed, &format!("{}/{label}", g.id));
            let interval = stats::bootstrap_mean(&xs, opts.bootstrap, &mut rng).expect("non-empty");
            let unresolved = is_catch_all(&g.id);
            let parent_present = opts.by == GroupBy::Faction
                && names
                    .with_ancestors(&g.id)
                    .iter()
                    .skip(1)
                    .any(|a| present.contains(a));
            let in_rift = !unresolved && !parent_present;
            if in_rift {
                rift_members.push(xs.clone());
                rift_ids.push(g.id.clone());
            }
            let (mut delta, mut delta_interval, mut divergence, mut divergence_interval) =
                (None, None, None, None);
            if let (Some(line), Some(rs)) = (&reference, &ref_scores) {
                let d = mean - line.score;
                delta = Some(round(d));
                divergence = Some(round(d.abs()));
                let mut rng = Rng::for_key(opts.seed, &format!("{}/{label}/delta", g.id));
                let reps: Vec<f64> = (0..opts.bootstrap.max(1))
                    .map(|_| {
                        let a = if xs.len() > 1 {
                            stats::resample_mean(&xs, &mut rng)
                        } else {
                            mean
                        };
                        let b = if rs.len() > 1 {
                            stats::resample_mean(rs, &mut rng)
                        } else {
                            line.score
                        };
                        a - b
                    })
                    .collect();
                let abs: Vec<f64> = reps.iter().map(|x| x.abs()).collect();
                delta_interval = Some(stats::percentile_interval(reps).rounded());
                divergence_interval = Some(stats::percentile_interval(abs).rounded());
            }
            groups.push(WindowPosition {
                id: g.id.clone(),
                name: g.name.clone(),
                score: round(mean),
                interval: interval.rounded(),
                n: xs.len(),
                counts,
                label: nearest_label(mean),
                unresolved,
                in_rift,
                delta,
                delta_interval,
                divergence,
                divergence_interval,
                statements: obs.iter().map(|o| o.statement).collect(),
            });
        }
        groups.sort_by(|a, b| {
            let div = |g: &WindowPosition| g.divergence.unwrap_or(f64::NEG_INFINITY);
            div(b)
                .total_cmp(&div(a))
                .then(a.unresolved.cmp(&b.unresolved))
                .then(b.n.cmp(&a.n))
                .then_with(|| a.id.cmp(&b.id))
        });
        let rift = rift_index(&rift_members, rift_ids, opts, &label);
        windows.push(WindowResult {
            window: label,
            start: wstart,
            end: wend,
            reference,
            groups,
            rift,
        });
    }

    Series {
        issue: issue.id.clone(),
        question: issue.question.clone(),
        window: opts.window,
        by: opts.by,
        tie: opts.tie,
        reference: c.reference.as_ref().map(|g| ReferenceActor {
            actor: g.id.clone(),
            name: g.name.clone(),
            n: g.obs.len(),
        }),
        windows,
        undated: undated.len(),
        copies_skipped: c.copies_skipped,
    }
}

/// The rift index over groups given by their statement scores (see the module docs).
pub fn rift_index(
    members: &[Vec<f64>],
    ids: Vec<String>,
    opts: &SeriesOptions,
    label: &str,
) -> Option<RiftIndex> {
    if members.len() < 2 {
        return None;
    }
    let weights: Vec<f64> = members.iter().map(|m| m.len() as f64).collect();
    let means: Vec<f64> = members
        .iter()
        .map(|m| stats::mean(m).unwrap_or(0.0))
        .collect();
    let value = stats::weighted_sd(&means, &weights)?.min(1.0);
    let mut rng = Rng::for_key(opts.seed, &format!("rift/{label}"));
    let reps: Vec<f64> = (0..opts.bootstrap.max(1))
        .map(|_| {
            let ms: Vec<f64> = members
                .iter()
                .map(|m| {
                    if m.len() > 1 {
                        stats::resample_mean(m, &mut rng)
                    } else {
                        m[0]
                    }
                })
                .collect();
            stats::weighted_sd(&ms, &weights).unwrap_or(0.0).min(1.0)
        })
        .collect();
    Some(RiftIndex {
        value: round(value),
        interval: stats::percentile_interval(reps).rounded(),
        groups: ids,
        n: members.iter().map(Vec::len).sum(),
    })
}

/// The reference actor's line over the whole range, in a [`Snapshot`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SnapshotReference {
    /// KB actor id.
    pub actor: String,
    /// Display name.
    pub name: String,
    /// Mean stance score; `None` when the actor made no statement on the issue.
    pub score: Option<f64>,
    /// 90 % bootstrap interval of the mean.
    pub interval: Option<Interval>,
    /// The label nearest the mean.
    pub label: Option<StanceLabel>,
    /// Distinct statements.
    pub n: usize,
    /// Statement row ids.
    pub statements: Vec<i64>,
}

/// Positions over the whole range, flat: the JSON of `rift positions --format json` without a
/// window. A superset of [`crate::Positions`] (same `issue`, `question`, `reference.actor`,
/// `reference.score`, `groups[].id/name/score/n/counts/label/divergence/delta`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    /// Issue id.
    pub issue: String,
    /// The question a position answers.
    pub question: String,
    /// The reference actor's line, when a reference is set.
    pub reference: Option<SnapshotReference>,
    /// Groups, most divergent first.
    pub groups: Vec<WindowPosition>,
    /// The rift index over the whole range.
    pub rift: Option<RiftIndex>,
    /// Statements left out as copies of another article's.
    pub copies_skipped: usize,
}

impl Series {
    /// The series' single `all` window as a [`Snapshot`] (the first window of a windowed series).
    pub fn snapshot(&self) -> Snapshot {
        let w = self.windows.first();
        Snapshot {
            issue: self.issue.clone(),
            question: self.question.clone(),
            reference: self.reference.as_ref().map(|r| {
                let line = w.and_then(|w| w.reference.as_ref());
                SnapshotReference {
                    actor: r.actor.clone(),
                    name: r.name.clone(),
                    score: line.map(|l| l.score),
                    interval: line.map(|l| l.interval),
                    label: line.map(|l| l.label),
                    n: line.map_or(0, |l| l.n),
                    statements: line.map(|l| l.statements.clone()).unwrap_or_default(),
                }
            }),
            groups: w.map(|w| w.groups.clone()).unwrap_or_default(),
            rift: w.and_then(|w| w.rift.clone()),
            copies_skipped: self.copies_skipped,
        }
    }
}
