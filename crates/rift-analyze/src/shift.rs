//! Shifts: before/after a pivot date, and change points found in a group's series.
//!
//! Both work on the de-duplicated observations of [`crate::series::collect`] (dated statements
//! only) and are what `rift timeline` and the report's "shifts" section call.
//!
//! * [`pivot`]: for each group, the mean stance of its statements before the pivot day and on or
//!   after it; the difference `after − before` with a 90 % bootstrap interval (both sides
//!   resampled independently) and a two-sided permutation p-value (the statements' before/after
//!   labels shuffled, [`crate::stats::DEFAULT_PERMUTATIONS`] times, seeded).
//! * [`timeline`]: **binary segmentation with a permutation-calibrated maximum two-sample
//!   t statistic**. A group's statements are ordered by date; the candidate split points are the
//!   window boundaries (`--window`, a month by default). For a segment, every split leaving at
//!   least `min_size` statements on each side is scored by Welch's t between the two sides; the
//!   best split is kept when its maximum |t| is exceptional under the null of no change — the
//!   p-value is the share of permutations of the segment's scores (time order shuffled) whose own
//!   maximum |t| over the same candidate splits reaches the observed one, which corrects for having
//!   picked the best of many splits. A kept split divides the segment and both halves are searched
//!   again, up to `max_points` change points.

use std::collections::HashSet;

use rift_core::{Date, IssueConfig};
use rift_store::StatementRow;
use serde::Serialize;

use crate::series::{collect, GroupObs, Obs, SeriesOptions, Window};
use crate::stats::{self, Interval, Rng};
use crate::{round, NameLookup};

/// One group's before/after comparison around a pivot day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PivotShift {
    /// Group id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Mean before the pivot day, if any statements.
    pub before: Option<f64>,
    /// Mean on or after the pivot day, if any statements.
    pub after: Option<f64>,
    /// Distinct dated statements before.
    pub n_before: usize,
    /// Distinct dated statements on or after.
    pub n_after: usize,
    /// `after − before`, when both sides have statements.
    pub delta: Option<f64>,
    /// 90 % bootstrap interval of `delta`.
    pub interval: Option<Interval>,
    /// Two-sided permutation p-value of `delta`.
    pub p_value: Option<f64>,
}

/// The result of [`pivot`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pivot {
    /// Issue id.
    pub issue: String,
    /// The pivot day (the first day of "after").
    pub pivot: Date,
    /// The reference actor's own shift, when a reference is set.
    pub reference: Option<PivotShift>,
    /// Groups, largest |delta| first (groups with one side empty last).
    pub groups: Vec<PivotShift>,
}

fn pivot_shift(g: &GroupObs, day: Date, opts: &SeriesOptions) -> PivotShift {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for o in &g.obs {
        match o.date {
            Some(d) if d < day => a.push(o.score),
            Some(_) => b.push(o.score),
            None => {}
        }
    }
    let before = stats::mean(&a);
    let after = stats::mean(&b);
    let (mut delta, mut interval, mut p_value) = (None, None, None);
    if let (Some(x), Some(y)) = (before, after) {
        delta = Some(round(y - x));
        let mut rng = Rng::for_key(opts.seed, &format!("pivot/{}", g.id));
        let reps: Vec<f64> = (0..opts.bootstrap.max(1))
            .map(|_| stats::resample_mean(&b, &mut rng) - stats::resample_mean(&a, &mut rng))
            .collect();
        interval = Some(stats::percentile_interval(reps).rounded());
        p_value = stats::permutation_p(&a, &b, stats::DEFAULT_PERMUTATIONS, &mut rng).map(round);
    }
    PivotShift {
        id: g.id.clone(),
        name: g.name.clone(),
        before: before.map(round),
        after: after.map(round),
        n_before: a.len(),
        n_after: b.len(),
        delta,
        interval,
        p_value,
    }
}

/// Compares each group before and after `day` (see the module docs).
pub fn pivot(
    rows: &[StatementRow],
    issue: &IssueConfig,
    opts: &SeriesOptions,
    names: &NameLookup,
    copies: &HashSet<i64>,
    day: Date,
) -> Pivot {
    let c = collect(rows, issue, opts, names, copies);
    let mut groups: Vec<PivotShift> = c.groups.iter().map(|g| pivot_shift(g, day, opts)).collect();
    groups.sort_by(|x, y| {
        let d = |s: &PivotShift| s.delta.map(f64::abs).unwrap_or(f64::NEG_INFINITY);
        d(y).total_cmp(&d(x)).then_with(|| x.id.cmp(&y.id))
    });
    Pivot {
        issue: issue.id.clone(),
        pivot: day,
        reference: c.reference.as_ref().map(|g| pivot_shift(g, day, opts)),
        groups,
    }
}

/// Settings of [`timeline`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ChangeOptions {
    /// A split is kept when its permutation p-value is below this.
    pub alpha: f64,
    /// Fewest statements on each side of a split.
    pub min_size: usize,
    /// Most change points per group.
    pub max_points: usize,
    /// Permutations per test.
    pub permutations: usize,
}

impl Default for ChangeOptions {
    fn default() -> Self {
        ChangeOptions {
            alpha: 0.05,
            min_size: 5,
            max_points: 3,
            permutations: 999,
        }
    }
}

/// A change point in a group's series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangePoint {
    /// First day of the window where the new level starts.
    pub at: Date,
    /// Label of that window.
    pub window: String,
    /// Label of the last window before it.
    pub after_window: String,
    /// Mean of the segment before (within the searched segment).
    pub before: f64,
    /// Mean of the segment after.
    pub after: f64,
    /// `after − before`.
    pub delta: f64,
    /// 90 % bootstrap interval of `delta`.
    pub interval: Interval,
    /// Permutation p-value of the maximum |t| (see the module docs).
    pub p_value: f64,
    /// Welch's t at the split.
    pub t: f64,
    /// Statements on each side.
    pub n_before: usize,
    /// Statements after.
    pub n_after: usize,
}

/// One window's point of a group's series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// Window label.
    pub window: String,
    /// First day of the window.
    pub start: Date,
    /// Mean score.
    pub score: f64,
    /// 90 % bootstrap interval.
    pub interval: Interval,
    /// Distinct statements.
    pub n: usize,
}

/// A group's series with its change points.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupTimeline {
    /// Group id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The windows where the group has statements.
    pub points: Vec<SeriesPoint>,
    /// Change points found, in time order.
    pub change_points: Vec<ChangePoint>,
}

/// The result of [`timeline`]: the JSON of `rift timeline`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Issue id.
    pub issue: String,
    /// Window size of the candidate splits.
    pub window: Window,
    /// The settings used.
    pub options: ChangeOptions,
    /// The reference actor's timeline first (when set and it has dated statements), then the
    /// groups by id.
    pub groups: Vec<GroupTimeline>,
}

/// Per-group series and change points (see the module docs). `opts.window` sets the candidate
/// splits; [`Window::All`] is read as a month.
pub fn timeline(
    rows: &[StatementRow],
    issue: &IssueConfig,
    opts: &SeriesOptions,
    names: &NameLookup,
    copies: &HashSet<i64>,
    change: &ChangeOptions,
) -> Timeline {
    let mut opts = opts.clone();
    if opts.window == Window::All {
        opts.window = Window::Month;
    }
    let c = collect(rows, issue, &opts, names, copies);
    let groups = c
        .reference
        .iter()
        .chain(&c.groups)
        .map(|g| group_timeline(g, &opts, change))
        .filter(|g| !g.points.is_empty())
        .collect();
    Timeline {
        issue: issue.id.clone(),
        window: opts.window,
        options: *change,
        groups,
    }
}

/// The series and change points of one group's observations.
pub fn group_timeline(g: &GroupObs, opts: &SeriesOptions, change: &ChangeOptions) -> GroupTimeline {
    let mut dated: Vec<&Obs> = g.obs.iter().filter(|o| o.date.is_some()).collect();
    dated.sort_by_key(|o| o.date);
    let win = |o: &Obs| opts.window.bounds(o.date.expect("dated")).0;
    // Runs of equal windows: (window start, index of first obs).
    let mut runs: Vec<(Date, usize)> = Vec::new();
    for (i, o) in dated.iter().enumerate() {
        let w = win(o);
        if runs.last().is_none_or(|&(s, _)| s != w) {
            runs.push((w, i));
        }
    }
    let scores: Vec<f64> = dated.iter().map(|o| o.score).collect();
    let mut points = Vec::new();
    for (k, &(start, from)) in runs.iter().enumerate() {
        let to = runs.get(k + 1).map_or(scores.len(), |r| r.1);
        let xs = &scores[from..to];
        let label = opts.window.label(start);
        let mut rng = Rng::for_key(opts.seed, &format!("{}/{label}", g.id));
        let m = stats::mean(xs).expect("non-empty run");
        points.push(SeriesPoint {
            window: label,
            start,
            score: round(m),
            interval: stats::bootstrap_mean(xs, opts.bootstrap, &mut rng)
                .expect("non-empty")
                .rounded(),
            n: xs.len(),
        });
    }
    // Binary segmentation over run boundaries (indices into `scores`).
    let cuts: Vec<usize> = runs.iter().skip(1).map(|r| r.1).collect();
    let mut found: Vec<(usize, f64, f64)> = Vec::new(); // (cut, p, t)
    let mut stack = vec![(0usize, scores.len())];
    let mut rng = Rng::for_key(opts.seed, &format!("cp/{}", g.id));
    while let Some((lo, hi)) = stack.pop() {
        if found.len() >= change.max_points {
            break;
        }
        let seg = &scores[lo..hi];
        let local: Vec<usize> = cuts
            .iter()
            .filter(|&&c| c >= lo + change.min_size && c + change.min_size <= hi)
            .map(|&c| c - lo)
            .collect();
        let Some((best, t_obs)) = max_t(seg, &local) else {
            continue;
        };
        if t_obs <= 0.0 {
            continue;
        }
        let mut perm = seg.to_vec();
        let mut hits = 0usize;
        for _ in 0..change.permutations {
            rng.shuffle(&mut perm);
            if max_t(&perm, &local).is_some_and(|(_, t)| t >= t_obs - 1e-12) {
                hits += 1;
            }
        }
        let p = (1 + hits) as f64 / (1 + change.permutations) as f64;
        if p < change.alpha {
            found.push((lo + best, p, t_obs));
            stack.push((lo + best, hi));
            stack.push((lo, lo + best));
        }
    }
    found.sort_by_key(|f| f.0);
    // Describe each change point against its neighbours in the final segmentation.
    let mut bounds: Vec<usize> = vec![0];
    bounds.extend(found.iter().map(|f| f.0));
    bounds.push(scores.len());
    let mut change_points = Vec::new();
    for (k, &(cut, p, t)) in found.iter().enumerate() {
        let (lo, hi) = (bounds[k], bounds[k + 2]);
        let a = &scores[lo..cut];
        let b = &scores[cut..hi];
        let (ma, mb) = (stats::mean(a).unwrap_or(0.0), stats::mean(b).unwrap_or(0.0));
        let mut rng = Rng::for_key(opts.seed, &format!("cpi/{}/{cut}", g.id));
        let reps: Vec<f64> = (0..opts.bootstrap.max(1))
            .map(|_| stats::resample_mean(b, &mut rng) - stats::resample_mean(a, &mut rng))
            .collect();
        let at = win(dated[cut]);
        let prev = win(dated[cut - 1]);
        change_points.push(ChangePoint {
            at,
            window: opts.window.label(at),
            after_window: opts.window.label(prev),
            before: round(ma),
            after: round(mb),
            delta: round(mb - ma),
            interval: stats::percentile_interval(reps).rounded(),
            p_value: round(p),
            t: round(t),
            n_before: a.len(),
            n_after: b.len(),
        });
    }
    GroupTimeline {
        id: g.id.clone(),
        name: g.name.clone(),
        points,
        change_points,
    }
}

/// The candidate split with the largest Welch |t| (index into `xs`, |t|).
fn max_t(xs: &[f64], cuts: &[usize]) -> Option<(usize, f64)> {
    if cuts.is_empty() {
        return None;
    }
    let n = xs.len();
    let mut s = vec![0.0; n + 1];
    let mut q = vec![0.0; n + 1];
    for (i, x) in xs.iter().enumerate() {
        s[i + 1] = s[i] + x;
        q[i + 1] = q[i] + x * x;
    }
    let mut best: Option<(usize, f64)> = None;
    for &c in cuts {
        let (n1, n2) = (c as f64, (n - c) as f64);
        let (s1, s2) = (s[c], s[n] - s[c]);
        let (q1, q2) = (q[c], q[n] - q[c]);
        let (m1, m2) = (s1 / n1, s2 / n2);
        // Sample variances, floored so that two flat segments at different levels score high
        // but finite.
        let v1 = ((q1 - n1 * m1 * m1) / (n1 - 1.0).max(1.0)).max(1e-4);
        let v2 = ((q2 - n2 * m2 * m2) / (n2 - 1.0).max(1.0)).max(1e-4);
        let t = (m2 - m1).abs() / (v1 / n1 + v2 / n2).sqrt();
        if best.is_none_or(|(_, bt)| t > bt) {
            best = Some((c, t));
        }
    }
    best
}
