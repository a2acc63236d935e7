//! A self-contained report on one issue: findings in sentences, SVG charts, the statements behind
//! every figure.
//!
//! `rift report` opens the database (`rift-store`), and [`build`] runs the analysis of
//! `rift-analyze` — positions over the whole range and per window, the reference line, the rift
//! index, change points and an optional pivot — and gathers every statement those figures rest on,
//! with its sentence in context from the stored article text. [`render_html`] writes one HTML file
//! with inline CSS and inline SVG (no scripts, no external resources: it works offline and prints);
//! [`render_markdown`] writes the same findings and tables as Markdown.
//!
//! Article text is untrusted input: every string that reaches the output goes through [`escape`]
//! (HTML) or the Markdown escaper. Charts use the Okabe–Ito colour-blind-safe palette, and every
//! series also differs by marker shape and line dash, so they read in greyscale print.

use std::collections::{BTreeMap, HashMap};

use rift_analyze::{
    ChangeOptions, GroupBy, NameLookup, Pivot, Series, SeriesOptions, Snapshot, TieMode, Timeline,
    Window,
};
use rift_core::{Date, IssueConfig, StanceLabel};
use rift_store::{StatementFilter, Store};

mod html;
mod markdown;
mod svg;

pub use html::{escape, render_html};
pub use markdown::render_markdown;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Reading the database failed.
    #[error(transparent)]
    Store(#[from] rift_store::StoreError),
    /// The database holds no issue with this id.
    #[error("unknown issue {0:?}")]
    UnknownIssue(String),
}

/// How [`build`] runs.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Window of the time charts; `None` chooses from the date range (≤ 21 days: day, ≤ 120
    /// days: week, else month).
    pub window: Option<Window>,
    /// Grouping.
    pub by: GroupBy,
    /// Tie mode.
    pub tie: TieMode,
    /// Reference actor instead of the issue's.
    pub reference: Option<String>,
    /// Before/after comparison day.
    pub pivot: Option<Date>,
    /// Most statements listed per group (the rest are counted; `rift export` has them all).
    pub max_statements: usize,
    /// Change-point settings.
    pub change: ChangeOptions,
    /// Where the data came from (shown in the header), e.g. the database path.
    pub source: String,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            window: None,
            by: GroupBy::Faction,
            tie: TieMode::Auto,
            reference: None,
            pivot: None,
            max_statements: 200,
            change: ChangeOptions::default(),
            source: String::new(),
        }
    }
}

/// One statement as the report lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementEntry {
    /// Statement row id.
    pub id: i64,
    /// Article row id.
    pub article: i64,
    /// Speaker as shown (KB name, else the mention).
    pub speaker: String,
    /// True when the speaker resolved to the KB.
    pub resolved: bool,
    /// Outlet name, if any.
    pub outlet: Option<String>,
    /// Date, if known.
    pub date: Option<Date>,
    /// direct / indirect / written.
    pub kind: String,
    /// Stance label on the issue.
    pub label: StanceLabel,
    /// Stance score.
    pub score: f64,
    /// Evidence as (role, words).
    pub evidence: Vec<(String, String)>,
    /// The sentence before the statement (in context).
    pub before: String,
    /// The statement's own words.
    pub quote: String,
    /// The rest of the sentence after it.
    pub after: String,
}

/// One article the statements come from.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleEntry {
    /// Row id.
    pub id: i64,
    /// The article's own id.
    pub ext_id: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet as given.
    pub outlet: Option<String>,
    /// Date.
    pub date: Option<Date>,
    /// URL.
    pub url: Option<String>,
    /// Where it was read from.
    pub source: String,
}

/// A finding: one sentence and the anchors of the statements it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The sentence (plain text; renderers escape it).
    pub text: String,
    /// (link text, anchor id without `#`) pairs.
    pub links: Vec<(String, String)>,
}

/// Everything a report shows: the result of [`build`].
#[derive(Debug, Clone)]
pub struct ReportData {
    /// The issue.
    pub issue: IssueConfig,
    /// Options used.
    pub options: ReportOptions,
    /// The window of the time charts.
    pub window: Window,
    /// Positions over the whole range.
    pub overall: Snapshot,
    /// Positions per window.
    pub series: Series,
    /// Series and change points per group.
    pub timeline: Timeline,
    /// Before/after comparison, when asked for.
    pub pivot: Option<Pivot>,
    /// The findings, in order.
    pub findings: Vec<Finding>,
    /// Every statement a figure rests on, by row id.
    pub statements: BTreeMap<i64, StatementEntry>,
    /// The articles they come from, by date.
    pub articles: Vec<ArticleEntry>,
    /// Anchor id of each group id (`g1`, `g2` …; `gref` for the reference).
    pub anchors: HashMap<String, String>,
    /// Window starts the time charts cover: the windows of the 1st to the 99th percentile of
    /// the statements' dates, so that a stray date years away does not squash the charts.
    pub chart_range: Option<(Date, Date)>,
    /// Distinct statements dated outside `chart_range` (listed in the tables only).
    pub outside_chart: usize,
}

impl ReportData {
    /// The anchor of a group id (falls back to the top of the statements section).
    pub fn anchor(&self, group: &str) -> &str {
        self.anchors.get(group).map_or("statements", String::as_str)
    }
}

/// Reads the issue's statements from `store` and computes everything the report shows.
pub fn build(
    store: &Store,
    issue_id: &str,
    opts: &ReportOptions,
) -> Result<ReportData, ReportError> {
    let issue = store
        .issue(issue_id)?
        .ok_or_else(|| ReportError::UnknownIssue(issue_id.to_string()))?;
    let rows = store.statements(&StatementFilter {
        issue: Some(issue.id.clone()),
        ..Default::default()
    })?;
    let names = NameLookup::new(&store.factions()?, &store.actors()?, &store.outlets()?);
    let copies = store.copy_articles()?;
    let window = opts.window.unwrap_or_else(|| {
        let dates: Vec<Date> = rows.iter().filter_map(|r| r.statement.date).collect();
        match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(b)) => match (*b - *a).num_days() {
                0..=21 => Window::Day,
                22..=120 => Window::Week,
                _ => Window::Month,
            },
            _ => Window::All,
        }
    });
    let base = SeriesOptions {
        by: opts.by,
        tie: opts.tie,
        reference: opts.reference.clone().or_else(|| issue.reference.clone()),
        ..Default::default()
    };
    let overall = rift_analyze::series(&rows, &issue, &base, &names, &copies).snapshot();
    let windowed = SeriesOptions {
        window,
        ..base.clone()
    };
    let series = rift_analyze::series(&rows, &issue, &windowed, &names, &copies);
    let timeline = rift_analyze::timeline(&rows, &issue, &windowed, &names, &copies, &opts.change);
    let pivot = opts
        .pivot
        .map(|d| rift_analyze::pivot(&rows, &issue, &base, &names, &copies, d));

    // Anchors: reference, then groups in overall order.
    let mut anchors = HashMap::new();
    if let Some(r) = &overall.reference {
        anchors.insert(r.actor.clone(), "gref".to_string());
    }
    for (i, g) in overall.groups.iter().enumerate() {
        anchors.insert(g.id.clone(), format!("g{}", i + 1));
    }

    // Statements behind the overall figures (every windowed figure is a subset of them).
    let mut wanted: Vec<i64> = overall
        .groups
        .iter()
        .flat_map(|g| g.statements.iter().copied())
        .collect();
    if let Some(r) = &overall.reference {
        wanted.extend(r.statements.iter().copied());
    }
    let by_id: HashMap<i64, &rift_store::StatementRow> = rows.iter().map(|r| (r.id, r)).collect();
    let mut article_ids: Vec<i64> = wanted
        .iter()
        .filter_map(|id| by_id.get(id).map(|r| r.article_id))
        .collect();
    article_ids.sort_unstable();
    article_ids.dedup();
    let texts = store.article_texts(&article_ids)?;
    let mut statements = BTreeMap::new();
    for id in wanted {
        let Some(row) = by_id.get(&id) else { continue };
        let s = &row.statement;
        let Some(stance) = s.stance.iter().find(|x| x.issue == issue.id) else {
            continue;
        };
        let (before, quote, after) = match texts.get(&row.article_id) {
            Some(t) => context(t, s.span.start, s.span.end),
            None => (String::new(), s.text.clone(), String::new()),
        };
        let speaker = s
            .source
            .actor
            .as_deref()
            .and_then(|a| names.actor_name(a))
            .map(str::to_string)
            .or_else(|| s.source.name.clone())
            .unwrap_or_else(|| s.source.text.clone());
        statements.insert(
            id,
            StatementEntry {
                id,
                article: row.article_id,
                speaker,
                resolved: s.source.actor.is_some(),
                outlet: s.outlet.as_ref().map(|o| o.name.clone()),
                date: s.date,
                kind: s.kind.as_str().to_string(),
                label: stance.label,
                score: stance.score,
                evidence: stance
                    .evidence
                    .iter()
                    .map(|e| (e.role.clone(), e.text.clone()))
                    .collect(),
                before,
                quote,
                after,
            },
        );
    }
    let mut articles: Vec<ArticleEntry> = store
        .articles()?
        .into_iter()
        .filter(|a| article_ids.binary_search(&a.id).is_ok())
        .map(|a| ArticleEntry {
            id: a.id,
            ext_id: a.ext_id,
            title: a.title,
            outlet: a.outlet,
            date: a.date,
            url: a.url,
            source: a.source,
        })
        .collect();
    articles.sort_by_key(|a| (a.date, a.id));
    let mut dates: Vec<Date> = statements.values().filter_map(|e| e.date).collect();
    dates.sort();
    let chart_range = (!dates.is_empty()).then(|| {
        let q = |p: f64| dates[((dates.len() - 1) as f64 * p).round() as usize];
        (window.bounds(q(0.01)).0, window.bounds(q(0.99)).0)
    });
    let outside_chart = chart_range.map_or(0, |(a, b)| {
        dates
            .iter()
            .filter(|d| {
                let w = window.bounds(**d).0;
                w < a || w > b
            })
            .count()
    });

    let mut data = ReportData {
        issue,
        options: opts.clone(),
        window,
        overall,
        series,
        timeline,
        pivot,
        findings: Vec::new(),
        statements,
        articles,
        anchors,
        chart_range,
        outside_chart,
    };
    data.findings = findings(&data);
    Ok(data)
}

/// The sentence around code points `[start, end)` of `text`: (before, the span, after), each part
/// at most 300 code points, cut at sentence ends or line breaks.
pub fn context(text: &str, start: usize, end: usize) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let start = start.min(chars.len());
    let end = end.clamp(start, chars.len());
    let mut a = start;
    while a > 0 && start - a < 300 {
        let c = chars[a - 1];
        if c == '\n' || (matches!(c, ' ') && a >= 2 && matches!(chars[a - 2], '.' | '!' | '?')) {
            break;
        }
        a -= 1;
    }
    let mut b = end;
    while b < chars.len() && b - end < 300 {
        let c = chars[b];
        b += 1;
        if c == '\n' {
            b -= 1;
            break;
        }
        if matches!(c, '.' | '!' | '?') && chars.get(b).is_none_or(|n| n.is_whitespace()) {
            break;
        }
    }
    let s = |x: usize, y: usize| chars[x..y].iter().collect::<String>();
    (s(a, start), s(start, end), s(end, b))
}

fn fmt_score(x: f64) -> String {
    format!("{x:+.2}")
}

fn fmt_ci(i: &rift_analyze::Interval) -> String {
    format!("[{:+.2}, {:+.2}]", i.low, i.high)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn group_word(by: GroupBy, n: usize) -> &'static str {
    match (by, n == 1) {
        (GroupBy::Faction, true) => "faction",
        (GroupBy::Faction, false) => "factions",
        (GroupBy::Actor, true) => "speaker",
        (GroupBy::Actor, false) => "speakers",
        (GroupBy::Outlet, true) => "outlet",
        (GroupBy::Outlet, false) => "outlets",
    }
}

fn count_word(n: usize) -> String {
    match n {
        2 => "Both".into(),
        3 => "All three".into(),
        4 => "All four".into(),
        n => format!("All {n}"),
    }
}

/// The findings, as sentences with links to the statements behind them.
fn findings(d: &ReportData) -> Vec<Finding> {
    let mut out = Vec::new();
    let o = &d.overall;
    let by = d.options.by;
    let link = |id: &str, name: &str| (name.to_string(), d.anchor(id).to_string());
    let reference = o.reference.as_ref();
    if let Some(r) = reference {
        match (r.score, r.label, r.interval) {
            (Some(s), Some(l), Some(i)) => out.push(Finding {
                text: format!(
                    "{} is {} (score {}, 90% interval {}, {}).",
                    r.name,
                    l.as_str(),
                    fmt_score(s),
                    fmt_ci(&i),
                    plural(r.n, "statement", "statements")
                ),
                links: vec![link(&r.actor, &r.name)],
            }),
            _ => out.push(Finding {
                text: format!(
                    "{}, the reference, made no statement on this issue: no divergence can be measured.",
                    r.name
                ),
                links: vec![],
            }),
        }
    }
    let resolved: Vec<&rift_analyze::WindowPosition> =
        o.groups.iter().filter(|g| !g.unresolved).collect();
    for g in &resolved {
        let mut text = format!(
            "{}: {} (score {}, 90% interval {}, {}",
            g.name,
            g.label.as_str(),
            fmt_score(g.score),
            fmt_ci(&g.interval),
            plural(g.n, "statement", "statements")
        );
        text.push_str(&format!(
            ": {} favor, {} against, {} conditional, {} neutral)",
            g.counts.favor, g.counts.against, g.counts.conditional, g.counts.neutral
        ));
        if let (Some(dv), Some(di), Some(r)) = (g.divergence, g.divergence_interval, reference) {
            text.push_str(&format!(
                "; its distance from {}'s line is {:.2} (90% interval {:.2}–{:.2}).",
                r.name, dv, di.low, di.high
            ));
        } else {
            text.push('.');
        }
        out.push(Finding {
            text,
            links: vec![link(&g.id, &g.name)],
        });
    }
    // Who diverges, and who most.
    if let Some(r) = reference.filter(|r| r.score.is_some()) {
        let top: Vec<&&rift_analyze::WindowPosition> = resolved
            .iter()
            .filter(|g| {
                by != GroupBy::Faction || {
                    // Top-level factions only for the headline sentence.
                    g.in_rift
                }
            })
            .collect();
        let diverging: Vec<&&&rift_analyze::WindowPosition> = top
            .iter()
            .filter(|g| g.divergence_interval.is_some_and(|i| i.low > 0.0))
            .collect();
        if !top.is_empty() {
            let names: Vec<String> = diverging.iter().map(|g| g.name.clone()).collect();
            let mut text = if diverging.len() == top.len() && top.len() >= 2 {
                format!(
                    "{} {} ({}) diverge from {}'s line.",
                    count_word(top.len()),
                    group_word(by, top.len()),
                    names.join(", "),
                    r.name
                )
            } else if diverging.is_empty() {
                format!(
                    "No {} diverges clearly from {}'s line (every 90% interval of the distance reaches 0).",
                    group_word(by, 1),
                    r.name
                )
            } else {
                format!(
                    "{} of {} {} diverge from {}'s line: {}.",
                    diverging.len(),
                    top.len(),
                    group_word(by, top.len()),
                    r.name,
                    names.join(", ")
                )
            };
            if let Some(first) = diverging.first() {
                let ties: Vec<&str> = diverging
                    .iter()
                    .skip(1)
                    .filter(|g| g.divergence == first.divergence)
                    .map(|g| g.name.as_str())
                    .collect();
                text.push_str(&format!(
                    " {} diverges most ({:.2}, {}",
                    first.name,
                    first.divergence.unwrap_or(0.0),
                    plural(first.n, "statement", "statements")
                ));
                if ties.is_empty() {
                    text.push_str(").");
                } else {
                    text.push_str(&format!(
                        "; as far, on fewer statements: {}).",
                        ties.join(", ")
                    ));
                }
            }
            let mut links: Vec<(String, String)> =
                diverging.iter().map(|g| link(&g.id, &g.name)).collect();
            links.push(link(&r.actor, &r.name));
            out.push(Finding { text, links });
        }
    }
    if let Some(ri) = &o.rift {
        let mut text = format!(
            "Rift index over the whole range: {:.2} (90% interval {:.2}–{:.2}) across {}",
            ri.value,
            ri.interval.low,
            ri.interval.high,
            plural(ri.groups.len(), group_word(by, 1), group_word(by, 2))
        );
        let windows: Vec<(&str, f64)> = d
            .series
            .windows
            .iter()
            .filter_map(|w| w.rift.as_ref().map(|r| (w.window.as_str(), r.value)))
            .collect();
        if windows.len() >= 2 {
            let (lo, hi) = windows
                .iter()
                .fold((windows[0], windows[0]), |(lo, hi), &w| {
                    (
                        if w.1 < lo.1 { w } else { lo },
                        if w.1 > hi.1 { w } else { hi },
                    )
                });
            text.push_str(&format!(
                "; per {} it ranges from {:.2} ({}) to {:.2} ({}).",
                window_word(d.window),
                lo.1,
                lo.0,
                hi.1,
                hi.0
            ));
        } else {
            text.push('.');
        }
        let links = ri
            .groups
            .iter()
            .map(|g| {
                let name = o
                    .groups
                    .iter()
                    .find(|x| &x.id == g)
                    .map_or(g.as_str(), |x| x.name.as_str());
                link(g, name)
            })
            .collect();
        out.push(Finding { text, links });
    }
    let mut shifts = 0;
    for g in &d.timeline.groups {
        for c in &g.change_points {
            shifts += 1;
            out.push(Finding {
                text: format!(
                    "Shift: {} moved from {} to {} ({} {}, 90% interval {}) between {} and {} (permutation p = {:.3}; {} statements before, {} after).",
                    g.name,
                    fmt_score(c.before),
                    fmt_score(c.after),
                    if c.delta >= 0.0 { "up" } else { "down" },
                    format_args!("{:.2}", c.delta.abs()),
                    fmt_ci(&c.interval),
                    c.after_window,
                    c.window,
                    c.p_value,
                    c.n_before,
                    c.n_after
                ),
                links: vec![link(&g.id, &g.name)],
            });
        }
    }
    if shifts == 0 && d.window != Window::All {
        out.push(Finding {
            text: format!(
                "No change point found: no group's series has one at p < {} with at least {} statements on each side.",
                d.options.change.alpha, d.options.change.min_size
            ),
            links: vec![],
        });
    }
    if let Some(p) = &d.pivot {
        for g in p.groups.iter().filter(|g| g.delta.is_some()) {
            out.push(Finding {
                text: format!(
                    "Around {}: {} went from {} to {} (difference {}, 90% interval {}, permutation p = {:.3}).",
                    p.pivot,
                    g.name,
                    fmt_score(g.before.unwrap_or(0.0)),
                    fmt_score(g.after.unwrap_or(0.0)),
                    fmt_score(g.delta.unwrap_or(0.0)),
                    g.interval.as_ref().map(fmt_ci).unwrap_or_default(),
                    g.p_value.unwrap_or(1.0)
                ),
                links: vec![link(&g.id, &g.name)],
            });
        }
    }
    let unresolved: Vec<&rift_analyze::WindowPosition> =
        o.groups.iter().filter(|g| g.unresolved).collect();
    if !unresolved.is_empty() {
        let n: usize = unresolved.iter().map(|g| g.n).sum();
        out.push(Finding {
            text: format!(
                "{} could not be tied to a {} and are shown as {}.",
                plural(n, "statement", "statements"),
                group_word(by, 1),
                unresolved
                    .iter()
                    .take(5)
                    .map(|g| g.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
                    + if unresolved.len() > 5 { " …" } else { "" }
            ),
            links: unresolved
                .iter()
                .take(5)
                .map(|g| link(&g.id, &g.name))
                .collect(),
        });
    }
    if let (Some((a, b)), true) = (
        d.chart_range,
        d.outside_chart > 0 && d.window != Window::All,
    ) {
        out.push(Finding {
            text: format!(
                "The charts cover {} to {}; {} dated outside that range appear in the tables only.",
                d.window.label(a),
                d.window.label(b),
                plural(d.outside_chart, "statement", "statements")
            ),
            links: vec![],
        });
    }
    if o.copies_skipped > 0 {
        out.push(Finding {
            text: format!(
                "{} from articles marked as copies of another were counted once, through the original.",
                plural(o.copies_skipped, "statement", "statements")
            ),
            links: vec![],
        });
    }
    out
}

fn window_word(w: Window) -> &'static str {
    match w {
        Window::Day => "day",
        Window::Week => "week",
        Window::Month => "month",
        Window::All => "range",
    }
}

#[cfg(test)]
mod tests;
