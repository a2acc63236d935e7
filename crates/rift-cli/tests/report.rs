//! Issue 6 acceptance on the seed: ingest → report (HTML and Markdown), positions per window,
//! rift, timeline, and export to Parquet/CSV/JSONL through the real binary.

use std::path::Path;
use std::process::{Command, Output};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/seed/poison-or-cure.txt"
);
const PROJECT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iran-2019");

fn rift(args: &[&str]) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_rift"))
        .args(args)
        .output()
        .expect("run rift");
    assert!(
        o.status.success(),
        "rift {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn seed_db(dir: &Path) -> String {
    let db = dir.join("seed.db");
    let db = db.to_str().unwrap().to_string();
    rift(&["ingest", SEED, "--project", PROJECT, "--db", &db]);
    db
}

/// Text of the findings list, tags stripped and entities decoded.
fn findings(html: &str) -> Vec<String> {
    let a = html.find("id=\"findings\"").unwrap();
    let b = html[a..].find("</ul>").unwrap() + a;
    html[a..b]
        .split("<li>")
        .skip(1)
        .map(|li| {
            let mut out = String::new();
            let mut tag = false;
            for c in li.chars() {
                match c {
                    '<' => tag = true,
                    '>' => tag = false,
                    c if !tag => out.push(c),
                    _ => {}
                }
            }
            out.replace("&#39;", "'").replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn seed_report_states_the_finding_with_links() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed_db(dir.path());
    let out = dir.path().join("report.html");
    rift(&[
        "report",
        "--db",
        &db,
        "--issue",
        "negotiations-with-us",
        "--out",
        out.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&out).unwrap();
    let f = findings(&html);
    assert!(
        f.iter().any(|t| t.starts_with("Ali Khamenei is against")),
        "{f:#?}"
    );
    let div = f
        .iter()
        .find(|t| t.contains("diverge from Ali Khamenei's line"))
        .unwrap_or_else(|| panic!("{f:#?}"));
    assert!(
        div.contains("Hardliners") && div.contains("Rouhani faction"),
        "{div}"
    );
    assert!(div.contains("Rouhani faction diverges most"), "{div}");
    // Every group figure links to a section that lists its statements.
    let mut anchors = 0;
    for part in html.split("href=\"#").skip(1) {
        let id = &part[..part.find('"').unwrap()];
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "dangling link #{id}"
        );
        anchors += 1;
    }
    assert!(anchors > 20, "{anchors}");
    for g in ["gref", "g1", "g2", "g3", "g4"] {
        let sec = html
            .find(&format!("<section class=\"group\" id=\"{g}\""))
            .unwrap();
        assert!(html[sec..].contains("<mark>"), "statements of {g}");
    }
    assert!(html.matches("<svg").count() >= 3);
    assert!(!html.contains("<script") && !html.contains("http-equiv=\"refresh\""));

    let md = dir.path().join("report.md");
    rift(&[
        "report",
        "--db",
        &db,
        "--issue",
        "negotiations-with-us",
        "--out",
        md.to_str().unwrap(),
        "--format",
        "md",
    ]);
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.contains("Ali Khamenei is against") && md.contains("(#g1)"));
}

#[test]
fn windows_rift_timeline_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed_db(dir.path());
    let o = rift(&[
        "positions",
        "--db",
        &db,
        "--issue",
        "negotiations-with-us",
        "--window",
        "day",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let days: Vec<&str> = v["windows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["window"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2019-05-14", "2019-05-15", "2019-05-19"]);
    let o = rift(&[
        "rift",
        "--db",
        &db,
        "--issue",
        "negotiations-with-us",
        "--window",
        "all",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let r = v["windows"][0]["rift"]["value"].as_f64().unwrap();
    assert!(r > 0.0 && r <= 1.0, "{v}");
    let o = rift(&[
        "timeline",
        "--db",
        &db,
        "--issue",
        "negotiations-with-us",
        "--window",
        "day",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["groups"][0]["id"], "khamenei");

    for (fmt, ext) in [("parquet", "parquet"), ("csv", "csv"), ("jsonl", "jsonl")] {
        for table in ["statements", "positions", "articles"] {
            let out = dir.path().join(format!("{table}.{ext}"));
            rift(&[
                "export",
                "--db",
                &db,
                "--table",
                table,
                "--format",
                fmt,
                "--out",
                out.to_str().unwrap(),
            ]);
            assert!(std::fs::metadata(&out).unwrap().len() > 0);
        }
    }
    let jsonl = std::fs::read_to_string(dir.path().join("statements.jsonl")).unwrap();
    // One row per (statement, stance), one for a statement without a stance.
    let o = rift(&["statements", "--db", &db, "--format", "jsonl"]);
    let want: usize = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["stance"].as_array().map_or(0, Vec::len).max(1)
        })
        .sum();
    assert_eq!(jsonl.lines().count(), want);
}
