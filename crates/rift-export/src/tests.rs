//! Round trips: Parquet reads back the same rows; CSV and JSONL hold the same rows.

use rift_core::{
    Article, Faction, IssueConfig, OutletRef, Source, SourceType, Span, Stance, StanceLabel,
    Statement, StatementKind,
};
use rift_store::{FactionTag, NewArticle, Store, TieVia};

use super::*;

fn statement(text: &str, actor: Option<&str>, label: Option<StanceLabel>, day: u32) -> Statement {
    Statement {
        article: "a1".into(),
        kind: StatementKind::Indirect,
        text: text.into(),
        span: Span::new(0, text.chars().count()),
        cue: None,
        source: Source {
            text: "he".into(),
            span: None,
            name: actor.map(str::to_string),
            actor: actor.map(str::to_string),
            kind: SourceType::Person,
        },
        outlet: Some(OutletRef {
            id: None,
            name: "Daily, \"quoted\"".into(),
        }),
        date: rift_core::parse_date(&format!("2019-05-{day:02}")),
        stance: label
            .map(|l| Stance {
                issue: "talks".into(),
                label: l,
                score: l.default_score(),
                confidence: 0.75,
                evidence: vec![],
                by: "rules".into(),
            })
            .into_iter()
            .collect(),
    }
}

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.save_project(
        &[Faction {
            id: "soft".into(),
            name: "Soft".into(),
            ..Default::default()
        }],
        &[],
        &[],
        &[IssueConfig {
            id: "talks".into(),
            question: "Talk?".into(),
            reference: Some("boss".into()),
            ..Default::default()
        }],
    )
    .unwrap();
    let a = Article::new(
        "a1",
        "Some text, with “quotes” and <script>x</script> — ünïcödé.",
    );
    let items = vec![
        (
            statement("No talks.", Some("boss"), Some(StanceLabel::Against), 1),
            vec![],
        ),
        (
            statement(
                "Talk <script>now</script>, “ünïcödé”",
                Some("aide"),
                Some(StanceLabel::Favor),
                2,
            ),
            vec![FactionTag::new("soft", TieVia::Speaker)],
        ),
        (
            statement("Maybe, if…", None, Some(StanceLabel::Conditional), 3),
            vec![FactionTag::new("soft", TieVia::Outlet)],
        ),
        (statement("Off topic.", None, None, 4), vec![]),
    ];
    s.insert_batch(&[NewArticle {
        article: &a,
        outlet_id: None,
        statements: items,
    }])
    .unwrap();
    s
}

#[test]
fn parquet_reads_back_the_same_rows() {
    let s = store();
    let dir = tempfile::tempdir().unwrap();
    let tables = [
        ("statements", statements_table(&s, None).unwrap()),
        (
            "positions",
            positions_table(&s, None, &default_positions_options(Window::Day)).unwrap(),
        ),
        ("articles", articles_table(&s).unwrap()),
    ];
    for (name, t) in &tables {
        assert!(!t.rows.is_empty(), "{name}");
        let path = dir.path().join(format!("{name}.parquet"));
        write_parquet(t, &path).unwrap();
        let back = read_parquet(&path).unwrap();
        assert_eq!(&back, t, "{name}");
    }
    // One row per statement and stance, plus one for the statement without a stance.
    assert_eq!(tables[0].1.rows.len(), 4);
    let null_issue = tables[0]
        .1
        .rows
        .iter()
        .filter(|r| r[17] == Value::Null)
        .count();
    assert_eq!(null_issue, 1);
    // Positions: the reference row and the soft group per day.
    let roles: Vec<String> = tables[1]
        .1
        .rows
        .iter()
        .map(|r| match (&r[4], &r[5]) {
            (Value::Text(a), Value::Text(b)) => format!("{a}:{b}"),
            _ => panic!(),
        })
        .collect();
    assert!(roles.contains(&"reference:boss".to_string()), "{roles:?}");
    assert!(roles.contains(&"group:soft".to_string()), "{roles:?}");
}

#[test]
fn csv_and_jsonl_hold_the_same_rows() {
    let s = store();
    let t = statements_table(&s, Some("talks")).unwrap();
    assert_eq!(t.rows.len(), 3);
    let mut buf = Vec::new();
    write_csv(&t, &mut buf).unwrap();
    let mut r = csv::Reader::from_reader(buf.as_slice());
    let recs: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(recs.len(), t.rows.len());
    assert_eq!(&recs[1][5], "Talk <script>now</script>, “ünïcödé”");
    assert_eq!(&recs[1][14], "Daily, \"quoted\"");
    let mut buf = Vec::new();
    write_jsonl(&t, &mut buf).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(buf)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["label"], "against");
    assert_eq!(lines[2]["source_actor"], serde_json::Value::Null);
    assert_eq!(lines[1]["factions"], "soft:speaker");
}
