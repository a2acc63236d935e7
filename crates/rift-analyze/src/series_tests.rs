//! Tests of positions over time, the rift index, pivots and change points on synthetic
//! multi-month data.

use std::collections::HashSet;

use rift_core::{Date, Source, SourceType, Span, Stance, Statement, StatementKind};
use rift_store::{FactionTag, StatementRow, TieVia};

use crate::series::{series, SeriesOptions, Window};
use crate::shift::{pivot, timeline, ChangeOptions};
use crate::{positions, GroupBy, NameLookup, TieMode};

const ISSUE: &str = "talks";

fn issue() -> rift_core::IssueConfig {
    rift_core::IssueConfig {
        id: ISSUE.into(),
        question: "Talk?".into(),
        ..Default::default()
    }
}

fn day(s: &str) -> Date {
    rift_core::parse_date(s).unwrap()
}

/// One statement row: `actor` (its own text, so no two are alike), faction tag, score, date.
fn row(
    id: i64,
    article: i64,
    actor: &str,
    faction: Option<&str>,
    score: f64,
    date: Option<Date>,
) -> StatementRow {
    let label = crate::nearest_label(score);
    StatementRow {
        id,
        article_id: article,
        ordinal: id as u32,
        statement: Statement {
            article: format!("a{article}"),
            kind: StatementKind::Direct,
            text: format!("statement {id} by {actor}"),
            span: Span::new(0, 1),
            cue: None,
            source: Source {
                text: actor.into(),
                span: None,
                name: Some(actor.into()),
                actor: Some(actor.into()),
                kind: SourceType::Person,
            },
            outlet: None,
            date,
            stance: vec![Stance {
                issue: ISSUE.into(),
                label,
                score,
                confidence: 1.0,
                evidence: vec![],
                by: "rules".into(),
            }],
        },
        factions: faction
            .map(|f| vec![FactionTag::new(f, TieVia::Speaker)])
            .unwrap_or_default(),
        article_title: None,
        article_url: None,
    }
}

/// Six months (Jan–Jun 2016): `blue` is against until March and in favour from April; `red`
/// stays mildly favourable; the leader is against throughout but silent in May.
fn six_months() -> Vec<StatementRow> {
    let mut rows = Vec::new();
    let mut id = 0;
    for m in 1..=6u32 {
        for k in 0..8u32 {
            let d = Some(day(&format!("2016-{m:02}-{:02}", 2 + k * 3)));
            id += 1;
            let blue = if m <= 3 { -0.8 } else { 0.9 };
            let jitter = if k % 2 == 0 { 0.1 } else { -0.1 };
            rows.push(row(
                id,
                id,
                &format!("b{k}"),
                Some("blue"),
                blue + jitter,
                d,
            ));
            id += 1;
            rows.push(row(id, id, &format!("r{k}"), Some("red"), 0.5 + jitter, d));
        }
        if m != 5 {
            id += 1;
            let d = Some(day(&format!("2016-{m:02}-15")));
            rows.push(row(id, id, "leader", None, -1.0, d));
        }
    }
    rows
}

fn opts(window: Window) -> SeriesOptions {
    SeriesOptions {
        window,
        reference: Some("leader".into()),
        ..Default::default()
    }
}

#[test]
fn monthly_series_with_intervals_and_a_carried_reference() {
    let rows = six_months();
    let s = series(
        &rows,
        &issue(),
        &opts(Window::Month),
        &NameLookup::default(),
        &HashSet::new(),
    );
    let labels: Vec<&str> = s.windows.iter().map(|w| w.window.as_str()).collect();
    assert_eq!(
        labels,
        ["2016-01", "2016-02", "2016-03", "2016-04", "2016-05", "2016-06"]
    );
    for w in &s.windows {
        for g in &w.groups {
            assert_eq!(g.n, 8, "{} {}", w.window, g.id);
            assert!(g.interval.contains(g.score) && g.interval.low < g.interval.high);
        }
    }
    let may = &s.windows[4];
    let r = may.reference.as_ref().unwrap();
    assert!(r.carried && r.from_window == "2016-04", "{r:?}");
    assert!(!s.windows[3].reference.as_ref().unwrap().carried);
    // blue diverges most before April (−0.8 vs −1 is close; red at +0.5 is far), then both far.
    let jan = &s.windows[0];
    assert_eq!(jan.groups[0].id, "red");
    let blue_jan = jan.groups.iter().find(|g| g.id == "blue").unwrap();
    assert!((blue_jan.divergence.unwrap() - 0.2).abs() < 1e-9);
    // Rift index: large while they disagree, small once they agree.
    let rift: Vec<f64> = s
        .windows
        .iter()
        .map(|w| w.rift.as_ref().unwrap().value)
        .collect();
    assert!(rift[0] > 0.6 && rift[5] < 0.25, "{rift:?}");
    assert!(rift.iter().all(|r| (0.0..=1.0).contains(r)));
    for w in &s.windows {
        let ri = w.rift.as_ref().unwrap();
        assert!(ri.interval.low <= ri.interval.high);
    }
    // Deterministic.
    let again = series(
        &rows,
        &issue(),
        &opts(Window::Month),
        &NameLookup::default(),
        &HashSet::new(),
    );
    assert_eq!(s, again);
}

#[test]
fn whole_range_matches_the_plain_positions() {
    let rows = six_months();
    let s = series(
        &rows,
        &issue(),
        &opts(Window::All),
        &NameLookup::default(),
        &HashSet::new(),
    );
    let p = positions(
        &rows,
        &issue(),
        Some("leader"),
        GroupBy::Faction,
        TieMode::Auto,
        &NameLookup::default(),
    );
    let snap = s.snapshot();
    assert_eq!(
        snap.reference.as_ref().unwrap().score,
        p.reference.as_ref().unwrap().score
    );
    for g in &p.groups {
        let w = snap.groups.iter().find(|x| x.id == g.id).unwrap();
        assert_eq!((w.score, w.n, w.divergence), (g.score, g.n, g.divergence));
    }
}

#[test]
fn weeks_days_and_undated_statements() {
    let mut rows = six_months();
    rows.push(row(999, 999, "x", Some("red"), 1.0, None));
    let s = series(
        &rows,
        &issue(),
        &opts(Window::Week),
        &NameLookup::default(),
        &HashSet::new(),
    );
    assert_eq!(s.undated, 1);
    assert!(s
        .windows
        .iter()
        .all(|w| w.window.starts_with("2016-W") || w.window.starts_with("2015-W")));
    assert_eq!(
        Window::Week.bounds(day("2016-01-06")),
        (day("2016-01-04"), day("2016-01-10"))
    );
    assert_eq!(
        Window::Month.bounds(day("2016-02-10")),
        (day("2016-02-01"), day("2016-02-29"))
    );
    let all = series(
        &rows,
        &issue(),
        &opts(Window::All),
        &NameLookup::default(),
        &HashSet::new(),
    );
    let red = all.windows[0]
        .groups
        .iter()
        .find(|g| g.id == "red")
        .unwrap();
    assert_eq!(red.n, 49, "undated statements count over the whole range");
}

#[test]
fn copies_and_repeats_count_once() {
    let mut rows = six_months();
    // A syndicated copy (article 5000, marked) and a repeated quote in another article.
    let mut copy = rows[0].clone();
    copy.id = 5000;
    copy.article_id = 5000;
    let mut repeat = rows[0].clone();
    repeat.id = 5001;
    repeat.article_id = 5001;
    rows.push(copy);
    rows.push(repeat);
    let copies: HashSet<i64> = [5000].into_iter().collect();
    let s = series(
        &rows,
        &issue(),
        &opts(Window::All),
        &NameLookup::default(),
        &copies,
    );
    assert_eq!(s.copies_skipped, 1);
    let blue = s.windows[0].groups.iter().find(|g| g.id == "blue").unwrap();
    assert_eq!(blue.n, 48);
}

#[test]
fn rift_index_extremes() {
    let d = Some(day("2016-01-01"));
    let split = vec![
        row(1, 1, "a", Some("x"), 1.0, d),
        row(2, 2, "b", Some("y"), -1.0, d),
    ];
    let s = series(
        &split,
        &issue(),
        &SeriesOptions::default(),
        &NameLookup::default(),
        &HashSet::new(),
    );
    assert_eq!(s.windows[0].rift.as_ref().unwrap().value, 1.0);
    let same = vec![
        row(1, 1, "a", Some("x"), 0.5, d),
        row(2, 2, "b", Some("y"), 0.5, d),
        row(3, 3, "c", None, -1.0, d),
    ];
    let s = series(
        &same,
        &issue(),
        &SeriesOptions::default(),
        &NameLookup::default(),
        &HashSet::new(),
    );
    let r = s.windows[0].rift.as_ref().unwrap();
    assert_eq!(r.value, 0.0, "catch-all (no faction) is left out: {r:?}");
    assert_eq!(r.groups, ["x", "y"]);
}

#[test]
fn pivot_finds_the_april_shift() {
    let rows = six_months();
    let p = pivot(
        &rows,
        &issue(),
        &opts(Window::All),
        &NameLookup::default(),
        &HashSet::new(),
        day("2016-04-01"),
    );
    let blue = p.groups.iter().find(|g| g.id == "blue").unwrap();
    assert!((blue.delta.unwrap() - 1.7).abs() < 1e-9, "{blue:?}");
    assert!(blue.interval.unwrap().contains(1.7));
    assert!(blue.p_value.unwrap() < 0.01);
    let red = p.groups.iter().find(|g| g.id == "red").unwrap();
    assert!(red.p_value.unwrap() > 0.2, "{red:?}");
    assert_eq!(p.groups[0].id, "blue");
}

#[test]
fn change_points_only_where_the_level_moves() {
    let rows = six_months();
    let t = timeline(
        &rows,
        &issue(),
        &opts(Window::Month),
        &NameLookup::default(),
        &HashSet::new(),
        &ChangeOptions::default(),
    );
    let g = |id: &str| t.groups.iter().find(|g| g.id == id).unwrap();
    let blue = g("blue");
    assert_eq!(blue.points.len(), 6);
    assert_eq!(blue.change_points.len(), 1, "{:?}", blue.change_points);
    let c = &blue.change_points[0];
    assert_eq!(
        (c.window.as_str(), c.after_window.as_str()),
        ("2016-04", "2016-03")
    );
    assert!(c.delta > 1.5 && c.p_value < 0.05);
    assert!(
        g("red").change_points.is_empty(),
        "{:?}",
        g("red").change_points
    );
    assert!(g("leader").change_points.is_empty());
}
