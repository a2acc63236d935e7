//! Report tests on small stores built in memory, and on the seed gold statements.

use rift_core::{
    Actor, Article, Evidence, Faction, IssueConfig, Source, SourceType, Span, Stance, StanceLabel,
    Statement, StatementKind,
};
use rift_store::{FactionTag, NewArticle, Store, TieVia};

use super::*;

fn statement(text: &str, actor: &str, label: StanceLabel, date: &str, start: usize) -> Statement {
    Statement {
        article: "a".into(),
        kind: StatementKind::Direct,
        text: text.into(),
        span: Span::new(start, start + text.chars().count()),
        cue: None,
        source: Source {
            text: actor.into(),
            span: None,
            name: Some(actor.into()),
            actor: Some(actor.into()),
            kind: SourceType::Person,
        },
        outlet: None,
        date: rift_core::parse_date(date),
        stance: vec![Stance {
            issue: "talks".into(),
            label,
            score: label.default_score(),
            confidence: 1.0,
            evidence: vec![Evidence {
                text: "<b>cue</b>".into(),
                span: Span::new(start, start + 1),
                role: "favor".into(),
            }],
            by: "rules".into(),
        }],
    }
}

fn store_with(text: &str, items: Vec<(Statement, Vec<FactionTag>)>) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store
        .save_project(
            &[
                Faction {
                    id: "soft".into(),
                    name: "Soft camp".into(),
                    ..Default::default()
                },
                Faction {
                    id: "hard".into(),
                    name: "Hard camp".into(),
                    ..Default::default()
                },
            ],
            &[Actor {
                id: "boss".into(),
                name: "The Boss".into(),
                ..Default::default()
            }],
            &[],
            &[IssueConfig {
                id: "talks".into(),
                question: "Talk?".into(),
                reference: Some("boss".into()),
                ..Default::default()
            }],
        )
        .unwrap();
    let mut a = Article::new("art-1", text);
    a.title = Some("A <i>title</i>".into());
    a.url = Some("https://example.org/a?x=1&y=2".into());
    store
        .insert_batch(&[NewArticle {
            article: &a,
            outlet_id: None,
            statements: items,
        }])
        .unwrap();
    store
}

#[test]
fn script_in_a_statement_shows_as_text() {
    let text = "Intro. He said <script>alert(1)</script> today. End.";
    let quote = "<script>alert(1)</script>";
    let start = text.find(quote).unwrap();
    let store = store_with(
        text,
        vec![
            (
                statement("no", "boss", StanceLabel::Against, "2019-05-01", 0),
                vec![],
            ),
            (
                statement(quote, "aide", StanceLabel::Favor, "2019-05-02", start),
                vec![FactionTag::new("soft", TieVia::Speaker)],
            ),
        ],
    );
    let d = build(&store, "talks", &ReportOptions::default()).unwrap();
    let html = render_html(&d);
    assert!(!html.contains("<script"), "raw script tag in the report");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains("He said <mark>&lt;script&gt;"),
        "sentence in context"
    );
    assert!(!html.contains("<b>cue</b>") && html.contains("&lt;b&gt;cue&lt;/b&gt;"));
    assert!(!html.contains("<i>title</i>"));
    assert!(html.contains("https://example.org/a?x=1&amp;y=2"));
    // Nothing is fetched: no external resources, no scripts.
    for bad in ["<script", "<link", "<img", "@import", "src=\"http"] {
        assert!(!html.contains(bad), "{bad}");
    }
    let md = render_markdown(&d);
    assert!(!md.contains("<script") && md.contains("&lt;script&gt;"));
}

#[test]
fn every_group_figure_links_to_its_statements() {
    let text = "x".repeat(200);
    let mut items = vec![];
    for i in 0..6 {
        let (label, f) = if i % 2 == 0 {
            (StanceLabel::Favor, "soft")
        } else {
            (StanceLabel::Conditional, "hard")
        };
        items.push((
            statement(
                &format!("s{i}"),
                &format!("p{i}"),
                label,
                "2019-05-0{}",
                i * 10,
            )
            .clone(),
            vec![FactionTag::new(f, TieVia::Speaker)],
        ));
    }
    for (i, (s, _)) in items.iter_mut().enumerate() {
        s.date = rift_core::parse_date(&format!("2019-05-0{}", i + 1));
    }
    items.push((
        statement("no", "boss", StanceLabel::Against, "2019-05-01", 0),
        vec![],
    ));
    let store = store_with(&text, items);
    let d = build(&store, "talks", &ReportOptions::default()).unwrap();
    let html = render_html(&d);
    assert_eq!(d.window, Window::Day);
    // Each group's anchor exists, is linked from the findings and lists its statements.
    for g in &d.overall.groups {
        let a = d.anchor(&g.id);
        assert!(html.contains(&format!("id=\"{a}\"")), "{a}");
        assert!(html.contains(&format!("href=\"#{a}\"")), "{a}");
        for s in &g.statements {
            assert!(html.contains(&format!("id=\"s{s}\"")), "statement {s}");
        }
    }
    // One group a day: no window has a rift index, so dot plot + positions + divergence.
    assert_eq!(html.matches("<svg").count(), 3);
    let f: Vec<&str> = d.findings.iter().map(|f| f.text.as_str()).collect();
    assert!(f[0].starts_with("The Boss is against"), "{f:?}");
    assert!(
        f.iter()
            .any(|t| t.starts_with("Both factions (") && t.contains("Soft camp diverges most")),
        "{f:?}"
    );
}

#[test]
fn context_is_the_sentence() {
    let t = "First one. Then he said \"go now\" loudly. Last.";
    let s = t.find("go now").unwrap();
    let (b, q, a) = context(t, s, s + 6);
    assert_eq!(b, "Then he said \"");
    assert_eq!(q, "go now");
    assert_eq!(a, "\" loudly.");
}
