//! End-to-end behaviour of the foundation: ingest → positions on the seed, idempotent ingest,
//! bad inputs beside good ones, and extraction without a KB on PolNeAR dev.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
const PROJECT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iran-2019");

fn rift(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rift"))
        .args(args)
        .output()
        .expect("run rift")
}

fn seed() -> PathBuf {
    Path::new(SHARED).join("corpus/seed/poison-or-cure.txt")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn seed_positions_by_faction() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seed.db");
    let db = db.to_str().unwrap();
    let o = rift(&[
        "ingest",
        seed().to_str().unwrap(),
        "--project",
        PROJECT,
        "--db",
        db,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = rift(&[
        "positions",
        "--db",
        db,
        "--issue",
        "negotiations-with-us",
        "--by",
        "faction",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let reference = &v["reference"];
    assert_eq!(reference["actor"], "khamenei");
    assert!(
        reference["score"].as_f64().unwrap() < -0.5,
        "Khamenei is against: {reference}"
    );
    let group = |id: &str| {
        v["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no group {id}: {v}"))
    };
    let hard = group("hardline");
    let moderate = group("moderate");
    assert_eq!(hard["label"], "conditional", "{hard}");
    assert_eq!(moderate["label"], "favor", "{moderate}");
    let dh = hard["divergence"].as_f64().unwrap();
    let dm = moderate["divergence"].as_f64().unwrap();
    assert!(
        dh > 0.0 && dm > dh,
        "both diverge, the Rouhani faction most: hardline {dh}, moderate {dm}"
    );

    // Ingesting the same article again changes nothing.
    let before = stdout(&rift(&["statements", "--db", db, "--format", "jsonl"]));
    let o = rift(&[
        "ingest",
        seed().to_str().unwrap(),
        "--project",
        PROJECT,
        "--db",
        db,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("ingested 0 articles"), "{}", stderr(&o));
    let after = stdout(&rift(&["statements", "--db", db, "--format", "jsonl"]));
    assert_eq!(before, after);
    let arts = stdout(&rift(&["articles", "--db", db, "--format", "jsonl"]));
    assert_eq!(arts.lines().count(), 1, "{arts}");
    let a: serde_json::Value = serde_json::from_str(arts.lines().next().unwrap()).unwrap();
    assert_eq!(a["date"], "2019-05-19", "dateline date: {a}");
    assert_eq!(a["title"], "Iran and negotiations: Poison or Cure?", "{a}");
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::copy(seed(), p.join("good.txt")).unwrap();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    std::fs::write(
        p.join("random.bin"),
        (0..4096u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    std::fs::write(
        p.join("records.jsonl"),
        "{\"id\":\"r1\",\"text\":\"“We will never negotiate with them,” the minister said.\"}\n{\"id\": broken\n{\"id\":\"r3\",\"text\":\"Officials said that talks were possible.\"}\n",
    )
    .unwrap();
    let db = p.join("out.db");
    let missing = p.join("missing.txt");
    let o = rift(&[
        "ingest",
        p.join("good.txt").to_str().unwrap(),
        p.join("empty.txt").to_str().unwrap(),
        p.join("random.bin").to_str().unwrap(),
        p.join("records.jsonl").to_str().unwrap(),
        missing.to_str().unwrap(),
        "--project",
        PROJECT,
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "non-zero exit when inputs fail");
    let err = stderr(&o);
    let problems: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("rift: ") && !l.contains("ingested"))
        .collect();
    assert_eq!(problems.len(), 4, "one line per bad input:\n{err}");
    assert!(
        problems
            .iter()
            .any(|l| l.contains("empty.txt") && l.contains("empty")),
        "{err}"
    );
    assert!(
        problems
            .iter()
            .any(|l| l.contains("random.bin") && l.contains("binary")),
        "{err}"
    );
    assert!(
        problems
            .iter()
            .any(|l| l.contains("records.jsonl") && l.contains("line 2")),
        "{err}"
    );
    assert!(problems.iter().any(|l| l.contains("missing.txt")), "{err}");
    let arts = stdout(&rift(&[
        "articles",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "jsonl",
    ]));
    let ids: Vec<String> = arts
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), 3, "good.txt, r1 and r3 stored: {ids:?}");
    for id in ["good", "r1", "r3"] {
        assert!(ids.iter().any(|i| i == id), "{id} stored: {ids:?}");
    }
}

#[test]
fn polnear_dev_without_kb_finds_named_quotes_in_most_articles() {
    let dir = Path::new(SHARED).join("data/polnear/dev/text");
    let o = rift(&["extract", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut articles = std::collections::BTreeMap::<String, bool>::new();
    for l in stdout(&o).lines() {
        let s: rift_core::Statement = serde_json::from_str(l).unwrap();
        let named = s.source.name.is_some();
        *articles.entry(s.article).or_default() |= named;
    }
    let total = std::fs::read_dir(&dir).unwrap().count();
    let with_names = articles.values().filter(|&&b| b).count();
    assert!(
        with_names * 10 >= total * 8,
        "{with_names} of {total} articles have a named statement"
    );
}

#[test]
fn rules_only_extraction_is_a_subset_without_the_tagger() {
    let seed = seed();
    let all = rift(&["extract", seed.to_str().unwrap(), "--format", "jsonl"]);
    let rules = rift(&[
        "extract",
        seed.to_str().unwrap(),
        "--format",
        "jsonl",
        "--rules-only",
    ]);
    assert!(
        all.status.success() && rules.status.success(),
        "{}",
        stderr(&rules)
    );
    let spans = |o: &Output| -> Vec<serde_json::Value> {
        stdout(o)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["span"].clone())
            .collect()
    };
    let (a, r) = (spans(&all), spans(&rules));
    assert!(
        !r.is_empty() && r.len() <= a.len(),
        "{} rules vs {} in all",
        r.len(),
        a.len()
    );
    // the tagger only adds: every rule statement is still there
    assert!(
        r.iter().all(|s| a.contains(s)),
        "a rule statement went missing"
    );
}

#[test]
fn agreement_scores_the_second_annotator_and_rift_on_the_articles_annotated_twice() {
    let dir = Path::new(SHARED).join("data/polnear/dev");
    let o = rift(&[
        "eval",
        "agreement",
        "--gold",
        dir.to_str().unwrap(),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // dev has two articles with a second annotation file
    assert_eq!(v["articles"], 2);
    let f1 = |k: &str, m: &str| v[k][m]["f1"].as_f64().unwrap();
    let (human, rift_a) = (
        f1("second_vs_first", "content_overlap"),
        f1("rift_vs_first", "content_overlap"),
    );
    assert!(human > 0.5 && human < 1.0, "annotators agree at {human}");
    assert!(rift_a > 0.5, "rift against the first annotator: {rift_a}");
    // the two annotators differ, so rift's scores against each differ too
    assert_ne!(
        v["rift_vs_first"]["gold"],
        v["rift_vs_second"]["gold"],
        "{}",
        stdout(&o)
    );
    let none = rift(&["eval", "agreement", "--gold", PROJECT]);
    assert!(!none.status.success());
    assert!(stderr(&none).contains("iran-2019"), "{}", stderr(&none));
}
