//! Store tests on the seed article and its gold statements.

use rift_core::{
    Article, Faction, IssueConfig, Source, SourceType, Span, Statement, StatementKind,
};

use super::*;

#[path = "../fixtures/gold.rs"]
mod gold;
use gold::{gold_statements, seed_article, SEED};

fn factions() -> Vec<Faction> {
    let f = |id: &str, parent: Option<&str>| Faction {
        id: id.into(),
        name: format!("The {id} faction"),
        parent: parent.map(str::to_string),
        ..Faction::default()
    };
    vec![
        f("hardline", None),
        f("irgc", Some("hardline")),
        f("basij", Some("irgc")),
        f("rouhani", None),
    ]
}

fn ingest_seed(store: &mut Store) -> (Article, Vec<(Statement, Vec<FactionTag>)>, i64) {
    let a = seed_article();
    let sts = gold_statements(&a);
    store.save_project(&factions(), &[], &[], &[]).unwrap();
    let out = store
        .insert_batch(&[NewArticle {
            article: &a,
            outlet_id: Some("pmoi".into()),
            statements: sts.clone(),
        }])
        .unwrap();
    let InsertOutcome::Inserted { id } = out[0] else {
        panic!("not inserted: {out:?}")
    };
    (a, sts, id)
}

/// The names of the database's indexes, sorted.
fn index_names(store: &Store) -> Vec<String> {
    store
        .conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn migrates_and_reopens_at_the_same_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rift.db");
    {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::current_version());
        assert!(schema::current_version() >= 1);
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }
    let store = Store::open_existing(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::current_version());
}

#[test]
fn refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rift.db");
    let store = Store::open(&path).unwrap();
    store
        .conn
        .execute(
            "UPDATE meta SET value = ?1 WHERE key = 'schema_version'",
            [(schema::current_version() + 1).to_string()],
        )
        .unwrap();
    drop(store);
    match Store::open(&path) {
        Err(StoreError::NewerSchema { found, supported }) => {
            assert_eq!(found, schema::current_version() + 1);
            assert_eq!(supported, schema::current_version());
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
}

#[test]
fn open_existing_does_not_create() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.db");
    assert!(matches!(
        Store::open_existing(&path),
        Err(StoreError::Missing(_))
    ));
    assert!(!path.exists());
}

#[test]
fn insert_and_read_back_equal() {
    let mut store = Store::open_in_memory().unwrap();
    let (a, sts, id) = ingest_seed(&mut store);
    assert_eq!(store.article(id).unwrap().as_ref(), Some(&a));

    let rows = store.statements(&StatementFilter::default()).unwrap();
    assert_eq!(rows.len(), sts.len());
    for (i, (row, (s, tags))) in rows.iter().zip(&sts).enumerate() {
        assert_eq!(&row.statement, s, "statement {i}");
        let mut want = tags.clone();
        want.sort();
        want.dedup();
        assert_eq!(row.factions, want, "tags {i}");
        assert_eq!(row.ordinal as usize, i);
        assert_eq!(row.article_id, id);
        assert_eq!(row.article_title, a.title);
    }
    // Since version 5 the row is the only copy: no `json` column.
    let no_json: bool = store
        .conn
        .query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM pragma_table_info('statements') WHERE name = 'json')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(no_json);

    let arts = store.articles().unwrap();
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0].statements as usize, sts.len());
    assert_eq!(arts[0].hash, a.content_hash());
    assert_eq!(arts[0].outlet_id.as_deref(), Some("pmoi"));
    assert_eq!(arts[0].date, a.published);
}

#[test]
fn duplicate_insert_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let (a, sts, id) = ingest_seed(&mut store);
    let tables = ["articles", "statements", "stances", "statement_factions"];
    let before: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();

    // Same article again, and a CRLF copy under another id, in one batch.
    let mut crlf = a.clone();
    crlf.id = "copy".into();
    crlf.text = a.text.replace('\n', "\r\n");
    let out = store
        .insert_batch(&[
            NewArticle {
                article: &a,
                outlet_id: None,
                statements: sts.clone(),
            },
            NewArticle {
                article: &crlf,
                outlet_id: None,
                statements: vec![],
            },
        ])
        .unwrap();
    assert_eq!(
        out,
        vec![
            InsertOutcome::Duplicate { of: id },
            InsertOutcome::Duplicate { of: id }
        ]
    );
    let after: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();
    assert_eq!(before, after);
}

#[test]
fn duplicates_within_one_batch_are_caught() {
    let mut store = Store::open_in_memory().unwrap();
    let a = Article::new("a", "Same text.");
    let b = Article::new("b", "Same text.");
    let c = Article::new("c", "Other text.");
    let items: Vec<NewArticle> = [&a, &b, &c]
        .into_iter()
        .map(|article| NewArticle {
            article,
            outlet_id: None,
            statements: vec![],
        })
        .collect();
    let out = store.insert_batch(&items).unwrap();
    let InsertOutcome::Inserted { id: first } = out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(out[1], InsertOutcome::Duplicate { of: first });
    assert!(matches!(out[2], InsertOutcome::Inserted { id } if id != first));
    assert_eq!(count(&store, "articles"), 2);
}

#[test]
fn a_failing_batch_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let a = seed_article();
    let mut sts = gold_statements(&a);
    let ok = Article::new("ok", "Fine text.");
    // Two stances on the same issue violate UNIQUE (statement, issue).
    let dup = sts[0].0.stance[0].clone();
    sts[0].0.stance.push(dup);
    let res = store.insert_batch(&[
        NewArticle {
            article: &ok,
            outlet_id: None,
            statements: vec![],
        },
        NewArticle {
            article: &a,
            outlet_id: None,
            statements: sts,
        },
    ]);
    assert!(matches!(res, Err(StoreError::Sqlite(_))), "{res:?}");
    assert_eq!(count(&store, "articles"), 0);
    assert_eq!(count(&store, "statements"), 0);
}

#[test]
fn filters_by_issue_actor_faction_and_article() {
    let mut store = Store::open_in_memory().unwrap();
    let (_, sts, id) = ingest_seed(&mut store);
    let want = |pred: &dyn Fn(&Statement, &[FactionTag]) -> bool| -> Vec<Statement> {
        sts.iter()
            .filter(|(s, t)| pred(s, t))
            .map(|(s, _)| s.clone())
            .collect()
    };
    let got = |f: StatementFilter| -> Vec<Statement> {
        store
            .statements(&f)
            .unwrap()
            .into_iter()
            .map(|r| r.statement)
            .collect()
    };

    let by_issue = got(StatementFilter {
        issue: Some("negotiations-with-europe".into()),
        ..Default::default()
    });
    assert!(!by_issue.is_empty());
    assert_eq!(
        by_issue,
        want(&|s, _| s
            .stance
            .iter()
            .any(|x| x.issue == "negotiations-with-europe"))
    );

    let by_actor = got(StatementFilter {
        actor: Some("ali-khamenei".into()),
        ..Default::default()
    });
    assert!(by_actor.len() >= 2);
    assert_eq!(
        by_actor,
        want(&|s, _| s.source.actor.as_deref() == Some("ali-khamenei"))
    );

    // `hardline` includes its sub-factions `irgc` and (through it) `basij`.
    let hard = got(StatementFilter {
        faction: Some("hardline".into()),
        ..Default::default()
    });
    let expect = want(&|_, t| {
        t.iter()
            .any(|t| ["hardline", "irgc", "basij"].contains(&t.faction.as_str()))
    });
    assert!(expect
        .iter()
        .any(|s| s.outlet.as_ref().unwrap().name == "Daneshjoo"));
    assert_eq!(hard, expect);
    let basij = got(StatementFilter {
        faction: Some("basij".into()),
        ..Default::default()
    });
    assert_eq!(basij, want(&|_, t| t.iter().any(|t| t.faction == "basij")));

    let both = got(StatementFilter {
        issue: Some("negotiations-with-us".into()),
        faction: Some("rouhani".into()),
        ..Default::default()
    });
    assert_eq!(
        both,
        want(
            &|s, t| s.stance.iter().any(|x| x.issue == "negotiations-with-us")
                && t.iter().any(|t| t.faction == "rouhani")
        )
    );
    assert!(got(StatementFilter {
        article: Some(id + 1),
        ..Default::default()
    })
    .is_empty());
    assert_eq!(
        got(StatementFilter {
            article: Some(id),
            ..Default::default()
        })
        .len(),
        sts.len()
    );
}

#[test]
fn reopen_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rift.db");
    let (sts, issues) = {
        let mut store = Store::open(&path).unwrap();
        let (_, sts, _) = ingest_seed(&mut store);
        let issues = vec![IssueConfig {
            id: "negotiations-with-us".into(),
            question: "Should Iran negotiate with the US?".into(),
            terms: vec!["negotiat*".into()],
            reference: Some("ali-khamenei".into()),
            ..Default::default()
        }];
        store.save_project(&factions(), &[], &[], &issues).unwrap();
        store
            .record_input(SEED, None, InputStatus::Ingested, None, Some(1))
            .unwrap();
        (sts, issues)
    };
    let store = Store::open(&path).unwrap();
    let rows = store.statements(&StatementFilter::default()).unwrap();
    let got: Vec<Statement> = rows.into_iter().map(|r| r.statement).collect();
    let want: Vec<Statement> = sts.into_iter().map(|(s, _)| s).collect();
    assert_eq!(got, want);
    assert_eq!(store.issues().unwrap(), issues);
    assert_eq!(store.factions().unwrap().len(), factions().len());
    let inputs = store.inputs().unwrap();
    assert_eq!(inputs.len(), 1);
    assert_eq!(inputs[0].status, InputStatus::Ingested);
    assert_eq!(inputs[0].article_id, Some(1));
}

#[test]
fn save_project_replaces_the_snapshot() {
    let mut store = Store::open_in_memory().unwrap();
    store.save_project(&factions(), &[], &[], &[]).unwrap();
    let fewer = vec![factions().remove(3)];
    store.save_project(&fewer, &[], &[], &[]).unwrap();
    assert_eq!(store.factions().unwrap(), fewer);
}

#[test]
fn markup_in_text_round_trips_unchanged() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "He said \"<script>alert('x')</script> & 'quotes'\" — done.";
    let mut a = Article::new("xss", text);
    a.title = Some("<b>title</b>".into());
    let q = "<script>alert('x')</script> & 'quotes'";
    let start = text.find('<').unwrap();
    let s = Statement {
        article: "xss".into(),
        kind: StatementKind::Direct,
        text: q.into(),
        span: Span::new(start, start + q.chars().count()),
        cue: None,
        source: Source {
            text: "He".into(),
            span: Some(Span::new(0, 2)),
            name: None,
            actor: None,
            kind: SourceType::Unknown,
        },
        outlet: None,
        date: None,
        stance: vec![],
    };
    let out = store
        .insert_batch(&[NewArticle {
            article: &a,
            outlet_id: None,
            statements: vec![(s.clone(), vec![])],
        }])
        .unwrap();
    let id = out[0].article_id();
    assert_eq!(store.article(id).unwrap().unwrap(), a);
    let rows = store.statements(&StatementFilter::default()).unwrap();
    assert_eq!(rows[0].statement, s);
    assert_eq!(
        store.articles().unwrap()[0].title.as_deref(),
        Some("<b>title</b>")
    );
}

#[test]
fn upgrades_a_version_1_database_keeping_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        // A database as the first schema left it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             INSERT INTO meta VALUES ('schema_version', '1');",
        )
        .unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.execute(
            "INSERT INTO articles (ext_id, source, text, content_hash) VALUES ('old', 'x', 'Old.', 'h')",
            [],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::current_version());
    assert_eq!(store.articles().unwrap()[0].ext_id, "old");
    let tie = rift_core::Tie {
        subject: rift_core::TieSubject::Outlet("arman".into()),
        faction: "rouhani".into(),
        relation: "affiliated".into(),
        from: rift_core::parse_date("2013-08-03"),
        to: None,
        note: Some("gold article".into()),
    };
    let other = rift_core::Tie {
        subject: rift_core::TieSubject::Actor("kosari".into()),
        faction: "hardline".into(),
        relation: "member".into(),
        from: None,
        to: rift_core::parse_date("2020-01-01"),
        note: None,
    };
    store.save_ties(&[tie.clone(), other.clone()]).unwrap();
    assert_eq!(store.ties().unwrap(), [tie.clone(), other]);
    store.save_ties(std::slice::from_ref(&tie)).unwrap();
    assert_eq!(store.ties().unwrap(), [tie]);
}

#[test]
fn stats_count_rows_and_ledger_statuses() {
    let mut store = Store::open_in_memory().unwrap();
    let (_, sts, id) = ingest_seed(&mut store);
    store
        .record_input("a.txt", None, InputStatus::Ingested, None, Some(id))
        .unwrap();
    store
        .record_input("b.jsonl", Some(3), InputStatus::Duplicate, None, Some(id))
        .unwrap();
    store
        .record_input(
            "b.jsonl",
            Some(4),
            InputStatus::Rejected,
            Some("empty text"),
            None,
        )
        .unwrap();
    let s = store.stats().unwrap();
    assert_eq!(s.articles, 1);
    assert_eq!(s.statements as usize, sts.len());
    let stances: usize = sts.iter().map(|(s, _)| s.stance.len()).sum();
    assert_eq!(s.stances as usize, stances);
    assert_eq!(
        (s.inputs_ingested, s.inputs_duplicate, s.inputs_rejected),
        (1, 1, 1)
    );
    let rejected = &store.inputs().unwrap()[2];
    assert_eq!(rejected.record, Some(4));
    assert_eq!(rejected.reason.as_deref(), Some("empty text"));
    assert_eq!(rejected.article_id, None);
}

fn ingest_item<'a>(article: &'a Article, path: &'a str, record: Option<u64>) -> IngestArticle<'a> {
    IngestArticle {
        new: NewArticle {
            article,
            outlet_id: None,
            statements: vec![],
        },
        path,
        record,
        language: Some("en"),
        simhash: None,
        content_hash: None,
        near_duplicate_of: None,
    }
}

#[test]
fn exact_copies_from_other_sources_stay_visible_and_linked() {
    let mut store = Store::open_in_memory().unwrap();
    let (seed, _, _) = ingest_seed(&mut store);
    let first = store.articles().unwrap()[0].id;
    let before_statements = count(&store, "statements");

    // The same text in a feed item and in a WARC record.
    let mut feed = seed.clone();
    feed.id = "feed-item".into();
    feed.source = "feed.xml:2".into();
    let mut warc = seed.clone();
    warc.id = "warc-record".into();
    warc.source = "crawl.warc:7".into();
    let out = store
        .ingest_batch(
            &[
                ingest_item(&feed, "feed.xml", Some(2)),
                ingest_item(&warc, "crawl.warc", Some(7)),
            ],
            &[],
        )
        .unwrap();
    let ids: Vec<i64> = out
        .iter()
        .map(|o| match *o {
            IngestOutcome::Exact { id: Some(id), of } if of == first => id,
            other => panic!("expected a linked copy of {first}: {other:?}"),
        })
        .collect();
    assert_ne!(ids[0], ids[1]);
    let arts = store.articles().unwrap();
    assert_eq!(arts.len(), 3);
    for a in arts.iter().filter(|a| a.id != first) {
        assert_eq!(a.duplicate_of, Some(first), "{}", a.ext_id);
    }
    // Copies carry no statements: positions count the text once.
    assert_eq!(count(&store, "statements"), before_statements);

    // The feed item read again (same source) adds nothing but its ledger row.
    let out = store
        .ingest_batch(&[ingest_item(&feed, "feed.xml", Some(2))], &[])
        .unwrap();
    assert_eq!(
        out,
        [IngestOutcome::Exact {
            id: None,
            of: first
        }]
    );
    assert_eq!(count(&store, "articles"), 3);
    assert_eq!(count(&store, "inputs"), 2);
}

/// Opens a copy of a committed older database, checks that it upgrades to the current schema
/// without losing a statement (the archival JSON copies of versions 3 and 4, dropped in version 5,
/// equal the statements rebuilt from the columns and stances) or a faction tag, and returns it.
fn upgraded_fixture(name: &str, dir: &std::path::Path) -> Store {
    let path = dir.join(name);
    std::fs::copy(
        format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR")),
        &path,
    )
    .unwrap();
    let (stored, tag_rows): (Vec<Statement>, Vec<(i64, String, String)>) = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let mut st = conn
            .prepare("SELECT json FROM statements ORDER BY article_id, ordinal")
            .unwrap();
        let stored = st
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|j| serde_json::from_str(&j.unwrap()).unwrap())
            .collect();
        let mut st = conn
            .prepare("SELECT statement_id, faction, via FROM statement_factions ORDER BY 1, 2, 3")
            .unwrap();
        let tags = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(|t| t.unwrap())
            .collect();
        (stored, tags)
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::current_version());
    let rebuilt: Vec<Statement> = store
        .statements(&StatementFilter::default())
        .unwrap()
        .into_iter()
        .map(|r| r.statement)
        .collect();
    assert!(!rebuilt.is_empty());
    assert!(rebuilt.iter().any(|s| !s.stance.is_empty()));
    assert_eq!(rebuilt, stored);
    let tags: Vec<(i64, String, String)> = store
        .conn
        .prepare("SELECT statement_id, faction, via FROM statement_factions ORDER BY 1, 2, 3")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|t| t.unwrap())
        .collect();
    assert!(!tags.is_empty());
    assert_eq!(tags, tag_rows);
    store
}

#[test]
fn upgrades_the_committed_version_6_database() {
    // `fixtures/v6-seed.db`: the seed ingested with the iran-2019 project by rift `6629eae`
    // (schema version 6: statements as columns, with the three indexes version 7 drops).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6-seed.db");
    std::fs::copy(
        format!("{}/fixtures/v6-seed.db", env!("CARGO_MANIFEST_DIR")),
        &path,
    )
    .unwrap();
    type Row = (
        String,
        String,
        i64,
        i64,
        String,
        Option<String>,
        Option<String>,
    );
    let rows_sql = "SELECT kind, text, start, \"end\", source_text, source_name, source_actor
                    FROM statements ORDER BY article_id, ordinal";
    let read_rows = |conn: &rusqlite::Connection| -> Vec<Row> {
        conn.prepare(rows_sql)
            .unwrap()
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .unwrap()
            .map(|t| t.unwrap())
            .collect()
    };
    let before = read_rows(&rusqlite::Connection::open(&path).unwrap());
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::current_version());
    assert_eq!(read_rows(&store.conn), before);
    assert_eq!(before.len(), 24);
    assert_eq!(count(&store, "articles"), 1);
    assert_eq!(count(&store, "stances"), 14);
    assert_eq!(count(&store, "statement_factions"), 14);
    // the statements read back through the store are the stored rows
    let got = store.statements(&StatementFilter::default()).unwrap();
    let texts: Vec<&str> = got.iter().map(|r| r.statement.text.as_str()).collect();
    let want: Vec<&str> = before.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(texts, want);
    assert!(got.iter().any(|r| !r.statement.stance.is_empty()));
    let ok: String = store
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let indexes = index_names(&store);
    assert!(
        !indexes.iter().any(|i| i == "statements_outlet"),
        "{indexes:?}"
    );
    assert!(
        indexes.iter().any(|i| i == "statements_actor"),
        "{indexes:?}"
    );
}

#[test]
fn upgrades_the_committed_version_4_database() {
    // `fixtures/v4-seed.db`: the seed ingested with the iran-2019 project by rift `f00a5a1`
    // (schema version 4, with `statements.json`).
    let dir = tempfile::tempdir().unwrap();
    let store = upgraded_fixture("v4-seed.db", dir.path());
    assert_eq!(count(&store, "articles"), 1);
    assert_eq!(count(&store, "statements"), 27);
    assert_eq!(count(&store, "inputs"), 1);
}

#[test]
fn upgrades_the_committed_version_3_database() {
    // `fixtures/v3-seed.db`: the seed ingested with the iran-2019 project by rift at schema
    // version 3 (content_hash UNIQUE).
    let dir = tempfile::tempdir().unwrap();
    let mut store = upgraded_fixture("v3-seed.db", dir.path());
    let tables = [
        "articles",
        "statements",
        "stances",
        "statement_factions",
        "inputs",
    ];
    let counts: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();
    assert_eq!(counts[0], 1);
    assert_eq!(counts[1], 20);
    assert!(
        counts[2] > 0 && counts[3] > 0 && counts[4] == 1,
        "{counts:?}"
    );
    let fk: String = store
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| {
            r.get::<_, i64>(0).map(|v| v.to_string())
        })
        .unwrap();
    assert_eq!(fk, "1");
    // The upgraded table takes an exact copy from another source as a linked row.
    let a = store.articles().unwrap().remove(0);
    let text = store.article_text(a.id).unwrap().unwrap();
    let mut copy = Article::new("copy", text);
    copy.source = "mirror.html".into();
    let out = store
        .ingest_batch(&[ingest_item(&copy, "mirror.html", None)], &[])
        .unwrap();
    assert!(matches!(out[0], IngestOutcome::Exact { id: Some(_), of } if of == a.id));
    assert_eq!(count(&store, "articles"), 2);
    assert_eq!(count(&store, "statements"), 20);
}

#[test]
fn bulk_writes_check_stored_near_duplicates_and_restore_the_checks() {
    // `ingest_batch` runs with foreign keys off (`BulkChecks`): a near-duplicate link to an
    // article that is not stored is refused by its own lookup, nothing of the batch is written,
    // and the connection's foreign keys and CHECK constraints are on again afterwards.
    let mut store = Store::open_in_memory().unwrap();
    let (seed, _, _) = ingest_seed(&mut store);
    let before = count(&store, "articles");
    let mut copy = Article::new("copy", format!("{} Extra words.", seed.text));
    copy.source = "near.html".into();
    let mut item = ingest_item(&copy, "near.html", None);
    item.near_duplicate_of = Some(NearDup::Stored(9_999));
    let err = store.ingest_batch(&[item], &[]).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt(_)), "{err}");
    assert_eq!(count(&store, "articles"), before);
    let pragma = |name: &str| -> i64 {
        store
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(pragma("foreign_keys"), 1);
    assert_eq!(pragma("ignore_check_constraints"), 0);
    let first = store.articles().unwrap()[0].id;
    let mut item = ingest_item(&copy, "near.html", None);
    item.near_duplicate_of = Some(NearDup::Stored(first));
    let out = store.ingest_batch(&[item], &[]).unwrap();
    assert!(matches!(out[0], IngestOutcome::Near { of, .. } if of == first));
}

#[test]
fn the_partial_actor_index_serves_the_actor_filter() {
    // Schema version 6: `statements_actor` skips statements without a KB speaker; the filter
    // `source_actor = ?` (`StatementFilter::actor`) implies its condition and still uses it.
    let store = Store::open_in_memory().unwrap();
    let plan: Vec<String> = store
        .conn
        .prepare("EXPLAIN QUERY PLAN SELECT s.id FROM statements s WHERE s.source_actor = ?1")
        .unwrap()
        .query_map(["trump"], |r| r.get(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(
        plan.iter().any(|p| p.contains("statements_actor")),
        "{plan:?}"
    );
}

#[test]
fn the_issue_and_faction_filters_use_primary_keys_without_the_dropped_indexes() {
    // Schema version 7 dropped `stances_issue`, `statement_factions_faction` and
    // `statements_outlet`: the filters of `Store::statements` look a statement's stances and
    // tags up by their keys `(statement_id, issue)` and `(statement_id, faction, via)`.
    let store = Store::open_in_memory().unwrap();
    let plan = |sql: &str| -> Vec<String> {
        store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let issue = plan(
        "SELECT s.id FROM statements s WHERE EXISTS
           (SELECT 1 FROM stances x WHERE x.statement_id = s.id AND x.issue = 'i')",
    );
    assert!(
        issue
            .iter()
            .any(|p| p.contains("SEARCH x USING COVERING INDEX sqlite_autoindex_stances_1")),
        "{issue:?}"
    );
    let faction = plan(
        "SELECT s.id FROM statements s WHERE EXISTS
           (SELECT 1 FROM statement_factions t WHERE t.statement_id = s.id AND t.faction IN ('a', 'b'))",
    );
    assert!(
        faction
            .iter()
            .any(|p| p.contains("SEARCH t USING PRIMARY KEY (statement_id=? AND faction=?)")),
        "{faction:?}"
    );
    let indexes = index_names(&store);
    for gone in [
        "statements_outlet",
        "stances_issue",
        "statement_factions_faction",
    ] {
        assert!(!indexes.iter().any(|i| i == gone), "{indexes:?}");
    }
}

/// Faction tags go in by many-row INSERTs of 16, 4 and 1 rows: articles whose statements carry
/// 0 to 40 tags in all (every mix of chunk sizes, a repeated tag included) store exactly the
/// distinct tags given, each on its own statement.
#[test]
fn every_tag_count_is_stored_exactly() {
    let mut store = Store::open_in_memory().unwrap();
    let factions = [
        "hardline", "irgc", "basij", "rouhani", "reform", "clergy", "army",
    ];
    let vias = [TieVia::Speaker, TieVia::Outlet];
    for total in 0..=40usize {
        let a = Article::new(format!("a{total}"), format!("Text number {total}."));
        // Three statements; tags dealt round-robin, so each statement gets about a third.
        let mut sts: Vec<(Statement, Vec<FactionTag>)> = (0..3)
            .map(|i| {
                let s = Statement {
                    article: a.id.clone(),
                    kind: StatementKind::Direct,
                    text: format!("s{i}"),
                    span: Span::new(i, i + 1),
                    cue: None,
                    source: Source::default(),
                    outlet: None,
                    date: None,
                    stance: Vec::new(),
                };
                (s, Vec::new())
            })
            .collect();
        for k in 0..total {
            let tag = FactionTag::new(factions[k / 2 % 7], vias[k % 2]);
            sts[k % 3].1.push(tag);
        }
        if let Some(first) = sts[0].1.first().cloned() {
            sts[0].1.push(first);
        }
        let out = store
            .insert_batch(&[NewArticle {
                article: &a,
                outlet_id: None,
                statements: sts.clone(),
            }])
            .unwrap();
        let InsertOutcome::Inserted { id } = out[0] else {
            panic!("not inserted: {out:?}")
        };
        let stored: Vec<(i64, String, String)> = store
            .conn
            .prepare(
                "SELECT s.ordinal, t.faction, t.via FROM statement_factions t
                 JOIN statements s ON s.id = t.statement_id WHERE s.article_id = ?1",
            )
            .unwrap()
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut want: Vec<(i64, String, String)> = sts
            .iter()
            .enumerate()
            .flat_map(|(i, (_, tags))| {
                tags.iter()
                    .map(move |t| (i as i64, t.faction.clone(), t.via.as_str().to_string()))
            })
            .collect();
        want.sort();
        want.dedup();
        let mut got = stored;
        got.sort();
        assert_eq!(got, want, "{total} tags");
    }
}

/// Statement dates are written as `YYYY-MM-DD` whatever the order of repeats and changes
/// (the writer keeps the last one formatted).
#[test]
fn statement_dates_are_stored_in_order() {
    let mut store = Store::open_in_memory().unwrap();
    let d = |s: &str| Some(s.parse::<rift_core::Date>().unwrap());
    let dates = [
        d("2016-07-05"),
        d("2016-07-05"),
        None,
        d("2016-07-05"),
        d("2015-12-31"),
        d("2016-07-05"),
    ];
    let a = Article::new("dated", "Dated text.");
    let sts: Vec<(Statement, Vec<FactionTag>)> = dates
        .iter()
        .enumerate()
        .map(|(i, &date)| {
            let s = Statement {
                article: a.id.clone(),
                kind: StatementKind::Direct,
                text: format!("s{i}"),
                span: Span::new(i, i + 1),
                cue: None,
                source: Source::default(),
                outlet: None,
                date,
                stance: Vec::new(),
            };
            (s, Vec::new())
        })
        .collect();
    store
        .insert_batch(&[NewArticle {
            article: &a,
            outlet_id: None,
            statements: sts,
        }])
        .unwrap();
    let stored: Vec<Option<String>> = store
        .conn
        .prepare("SELECT date FROM statements ORDER BY ordinal")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let want: Vec<Option<String>> = dates.iter().map(|d| d.map(|d| d.to_string())).collect();
    assert_eq!(want[0].as_deref(), Some("2016-07-05"));
    assert_eq!(stored, want);
}
