//! Article metadata from file names (`OUTLET_YYYY-MM-DD_SLUG.txt`, as PolNeAR names its texts)
//! through `rift ingest` to positions over time; and a closed stdout (`| head`) is success.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
const US: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/us-2016");

fn rift(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rift"))
        .args(args)
        .output()
        .expect("run rift")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every third PolNeAR train text (280 articles over about a year), copied under their names.
fn polnear_sample(dir: &Path) -> usize {
    let src = Path::new(SHARED).join("data/polnear/train/text");
    let mut names: Vec<_> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    let mut n = 0;
    for name in names.iter().step_by(3) {
        std::fs::copy(src.join(name), dir.join(name)).unwrap();
        n += 1;
    }
    n
}

#[test]
fn dates_and_outlets_from_file_names_give_a_monthly_series() {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("texts");
    std::fs::create_dir(&texts).unwrap();
    let n = polnear_sample(&texts);
    let db = dir.path().join("us.db");
    let db = db.to_str().unwrap();
    let o = rift(&[
        "ingest",
        texts.to_str().unwrap(),
        "--project",
        US,
        "--db",
        db,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));

    // Every article has the date and the KB outlet its file name gives.
    let o = rift(&["articles", "--db", db, "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.len() + 2 >= n, "{} of {n} articles stored", rows.len());
    let kb_outlets = [
        "breitbart",
        "huffpost",
        "nyt",
        "politico",
        "usa-today",
        "wapo",
        "western-journal",
    ];
    for a in &rows {
        let id = a["id"].as_str().unwrap();
        let (outlet, rest) = id.split_once('_').unwrap();
        assert_eq!(a["date"].as_str(), Some(&rest[..10]), "date of {id}");
        assert_eq!(a["outlet"].as_str(), Some(outlet), "outlet of {id}");
        let oid = a["outlet_id"].as_str().unwrap_or_default();
        assert!(kb_outlets.contains(&oid), "{id}: outlet id {oid:?}");
    }

    // Positions per month per party: a series over many months, each point with an interval.
    let o = rift(&[
        "positions",
        "--db",
        db,
        "--issue",
        "clinton-emails",
        "--by",
        "faction",
        "--window",
        "month",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = v.to_string();
    let months: std::collections::BTreeSet<&str> = v["windows"]
        .as_array()
        .unwrap_or_else(|| panic!("no windows: {text:.400}"))
        .iter()
        .filter(|w| {
            w["groups"]
                .as_array()
                .is_some_and(|g| g.iter().any(|g| g["id"] == "republican"))
        })
        .filter_map(|w| w["window"].as_str())
        .collect();
    for w in v["windows"].as_array().unwrap() {
        for g in w["groups"].as_array().unwrap() {
            let (lo, hi) = (
                g["interval"]["low"].as_f64(),
                g["interval"]["high"].as_f64(),
            );
            let score = g["score"].as_f64().unwrap();
            assert!(
                lo.unwrap() <= score + 1e-9 && score <= hi.unwrap() + 1e-9,
                "interval around the score: {g}"
            );
        }
    }
    assert!(
        months.len() >= 6,
        "Republican Party in {} months: {months:?}",
        months.len()
    );
}

#[test]
fn closed_stdout_is_success() {
    let dev = Path::new(SHARED).join("data/polnear/dev/text");
    for format in ["jsonl", "csv", "table"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rift"))
            .args(["extract", dev.to_str().unwrap(), "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        // The reader is dropped here: the pipe closes as `head -1` would close it.
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "--format {format}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "--format {format}: {}", stderr(&o));
    }
}
