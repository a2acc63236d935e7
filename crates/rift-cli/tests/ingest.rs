//! Real-world input acceptance (issue 8): the seed article as a web page, a feed and a WARC
//! holding the same article, broken inputs beside good ones, and a `kill -9` mid-ingest.
//! The seed text is read from ../shared at test time and put into the page template, so the
//! copyrighted text is not in the repository.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/seed/poison-or-cure.txt"
);
const TEMPLATE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../rift-ingest/tests/fixtures/seed-page.html"
);
const PROJECT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iran-2019");

fn rift(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rift"))
        .args(args)
        .output()
        .expect("run rift")
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The seed article's body (from the dateline on) as HTML paragraphs and headings.
fn seed_body_html() -> String {
    let text = std::fs::read_to_string(SEED).unwrap();
    let start = text.find("Iran, May 19, 2019").expect("dateline");
    let mut html = String::new();
    for (i, line) in text[start..]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if i == 0 {
            let rest = &line["Iran, May 19, 2019".len()..];
            html.push_str(&format!(
                "<p><span class=\"dateline\">Iran, May 19, 2019</span>{}</p>\n",
                esc(rest)
            ));
        } else if line.len() < 60 && !line.ends_with(['.', '”', '"', ':', '?', '!']) {
            html.push_str(&format!("<h2>{}</h2>\n", esc(line)));
        } else {
            html.push_str(&format!("<p>{}</p>\n", esc(line)));
        }
    }
    html
}

fn seed_page() -> String {
    std::fs::read_to_string(TEMPLATE)
        .unwrap()
        .replace("{{BODY}}", &seed_body_html())
}

fn statements(path: &Path) -> Vec<(String, String, String)> {
    let out = rift(&[
        "extract",
        path.to_str().unwrap(),
        "--project",
        PROJECT,
        "--format",
        "jsonl",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut v: Vec<(String, String, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let s: rift_core::Statement = serde_json::from_str(l).unwrap();
            (
                s.text.trim().to_string(),
                s.source.name.or(s.source.actor).unwrap_or_default(),
                s.kind.as_str().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn articles(db: &Path) -> Vec<serde_json::Value> {
    let out = rift(&[
        "articles",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn seed_page_gives_the_plain_text_statements_and_none_from_furniture() {
    let d = tempfile::tempdir().unwrap();
    let page = d.path().join("poison-or-cure.html");
    std::fs::write(&page, seed_page()).unwrap();
    let from_text = statements(Path::new(SEED));
    let from_page = statements(&page);
    assert!(from_text.len() >= 10, "{from_text:#?}");
    // The page's statements are exactly the plain text's.
    assert_eq!(from_page, from_text);
    for furniture in [
        "only cure",
        "Great Satan",
        "ready to talk",
        "are possible",
        "treason",
        "under any circumstances",
        "best Iran coverage",
        "said nobody",
    ] {
        assert!(
            !from_page.iter().any(|s| s.0.contains(furniture)),
            "{furniture}"
        );
    }
    let dbdir = tempfile::tempdir().unwrap();
    let db = dbdir.path().join("r.db");
    let out = rift(&[
        "ingest",
        page.to_str().unwrap(),
        "--project",
        PROJECT,
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = articles(&db);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0]["date"], "2019-05-19");
    assert_eq!(a[0]["outlet"], "NCRI");
    assert_eq!(a[0]["title"], "Iran and negotiations: Poison or Cure?");
}

fn warc_record(uri: &str, http: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-05-21T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gz(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

fn other_article(n: usize) -> String {
    const TOPICS: [(&str, &str, &str); 4] = [
        ("water", "dams along the northern rivers ran low after a dry spring, and farmers asked for emergency pumps", "We will ration supplies in the capital only as a last resort"),
        ("rail", "the new freight line to the southern port opened two months late, carrying steel and grain", "Trains will run every night from next week"),
        ("schools", "teachers in three provinces stayed home to protest unpaid wages and crowded classrooms", "Salaries will be paid before the end of the month"),
        ("air", "smog closed offices in the capital for a third day as winds failed to clear the basin", "Old buses will be taken off the roads this winter"),
    ];
    let (topic, fact, quote) = TOPICS[(n - 1) % 4];
    format!(
        "<p>Officials met on Monday to discuss {topic}: {fact}. Critics in parliament called for an inquiry into the ministry’s handling of the matter and its spending.</p><p>“{quote},” the minister told reporters, adding that a detailed plan on {topic} would be presented to the cabinet soon.</p>"
    )
}

#[test]
fn feed_and_warc_with_the_same_article_store_it_once_linked() {
    let d = tempfile::tempdir().unwrap();
    let url = "https://www.ncr-iran.org/en/news/iran-and-negotiations-poison-or-cure/";
    let body = seed_body_html();
    let mut rss = String::from("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>NCRI</title><link>https://www.ncr-iran.org/</link>");
    rss.push_str(&format!("<item><title>Iran and negotiations: Poison or Cure?</title><link>{url}</link><guid>ncri-81234</guid><pubDate>Sun, 19 May 2019 09:12:00 +0000</pubDate><description>Are negotiations considered poison or cure?</description><content:encoded><![CDATA[{body}<p>Reporting by the NCRI news desk in Paris, with agencies.</p><p>The post <a href=\"{url}\">Iran and negotiations: Poison or Cure?</a> appeared first on NCRI.</p>]]></content:encoded></item>"));
    for n in 1..=2 {
        rss.push_str(&format!("<item><title>Story {n}</title><link>https://www.ncr-iran.org/en/news/{n}/</link><guid>ncri-{n}</guid><pubDate>Mon, 20 May 2019 08:00:00 +0000</pubDate><content:encoded><![CDATA[{}]]></content:encoded></item>", other_article(n)));
    }
    rss.push_str("</channel></rss>");
    std::fs::write(d.path().join("ncri.rss"), rss).unwrap();
    let mut warc = Vec::new();
    let page = seed_page();
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{page}",
        page.len()
    );
    warc.extend(gz(&warc_record(url, http.as_bytes())));
    for n in 3..=4 {
        let page = format!("<!DOCTYPE html><html><head><title>Story {n}</title><meta property=\"og:site_name\" content=\"Other Daily\"><meta property=\"article:published_time\" content=\"2019-05-2{n}\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Story {n}</h1>{}</article><footer>© Other Daily</footer></body></html>", other_article(n));
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}");
        warc.extend(gz(&warc_record(
            &format!("https://other.example/{n}"),
            http.as_bytes(),
        )));
    }
    std::fs::write(d.path().join("crawl.warc.gz"), warc).unwrap();
    let dbdir = tempfile::tempdir().unwrap();
    let db = dbdir.path().join("r.db");
    let out = rift(&[
        "ingest",
        d.path().to_str().unwrap(),
        "--project",
        PROJECT,
        "--db",
        db.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let a = articles(&db);
    assert_eq!(a.len(), 6, "{a:#?}");
    let originals: Vec<&serde_json::Value> =
        a.iter().filter(|r| r["duplicate_of"].is_null()).collect();
    assert_eq!(originals.len(), 5, "{a:#?}");
    let copy = a.iter().find(|r| !r["duplicate_of"].is_null()).unwrap();
    let first = a
        .iter()
        .find(|r| r["row"] == copy["duplicate_of"])
        .expect("linked to a stored article");
    assert_eq!(first["title"], "Iran and negotiations: Poison or Cure?");
    assert_eq!(copy["title"], "Iran and negotiations: Poison or Cure?");
    assert_eq!(copy["statements"], 0, "a copy is counted once");
    assert!(first["statements"].as_u64().unwrap() >= 10);
    for r in &a {
        assert!(r["date"].is_string(), "{r}");
        assert!(r["outlet"].is_string(), "{r}");
    }
    assert!(err.contains("1 near"), "{err}");
    // Idempotent: a rerun stores nothing new.
    let out = rift(&[
        "ingest",
        d.path().to_str().unwrap(),
        "--project",
        PROJECT,
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert_eq!(articles(&db).len(), 6);
    assert!(String::from_utf8_lossy(&out.stderr).contains("6 already stored"));
}

#[test]
fn bad_inputs_beside_good_ones() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(
        p.join("good.txt"),
        "Tehran, May 20, 2019 The spokesman said: “Talks are not on the agenda.”",
    )
    .unwrap();
    std::fs::write(p.join("good.html"), seed_page()).unwrap();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    let noise: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 11) as u8)
        .collect();
    std::fs::write(p.join("random.bin"), noise).unwrap();
    let mut t = gz(
        "A complete article that will be cut short in its gzip stream, sadly."
            .repeat(50)
            .as_bytes(),
    );
    t.truncate(t.len() / 2);
    std::fs::write(p.join("cut.txt.gz"), t).unwrap();
    std::fs::write(
        p.join("records.jsonl"),
        "{\"id\":\"r1\",\"text\":\"First record text.\",\"outlet\":\"Kayhan\",\"published\":\"2019-05-15\"}\n{\"id\":\"r2\",\"text\":\n{\"id\":\"r3\",\"text\":\"Third record text.\"}\n",
    )
    .unwrap();
    let dbdir = tempfile::tempdir().unwrap();
    let db = dbdir.path().join("r.db");
    let missing = p.join("missing.html");
    let out = rift(&[
        "ingest",
        p.to_str().unwrap(),
        missing.to_str().unwrap(),
        "--project",
        PROJECT,
        "--db",
        db.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let has = |s: &str| err.lines().any(|l| l.contains(s));
    assert!(has("empty.txt: empty file"), "{err}");
    assert!(has("random.bin: binary file (not text): refused"), "{err}");
    assert!(has("cut.txt.gz: truncated gzip"), "{err}");
    assert!(has("records.jsonl: line 2: "), "{err}");
    assert!(has("missing.html: no such file or directory"), "{err}");
    assert!(err.contains("5 rejected"), "{err}");
    let a = articles(&db);
    let ids: Vec<&str> = a.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for id in ["good", "r1", "r3"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert_eq!(a.len(), 4, "{ids:?}");
    let store = rift_store::Store::open_existing(&db).unwrap();
    let ledger = store.inputs().unwrap();
    assert_eq!(ledger.len(), 9, "{ledger:#?}");
    let rejected = ledger
        .iter()
        .filter(|r| r.status == rift_store::InputStatus::Rejected)
        .count();
    assert_eq!(rejected, 5);
    // --strict stops at the first problem.
    let db2 = dbdir.path().join("strict.db");
    let out = rift(&[
        "ingest",
        p.to_str().unwrap(),
        "--project",
        PROJECT,
        "--db",
        db2.to_str().unwrap(),
        "--strict",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.lines()
            .filter(|l| l.contains(": ") && l.starts_with("rift: /"))
            .count(),
        1,
        "{err}"
    );
}

#[test]
fn kill_9_mid_ingest_then_rerun_is_consistent() {
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let n = 3000;
    let mut f = std::io::BufWriter::new(std::fs::File::create(corpus.join("big.jsonl")).unwrap());
    for i in 0..n {
        writeln!(
            f,
            "{{\"id\":\"a{i}\",\"text\":\"Article {i}. Officials in district {i} said on Monday that the council would meet again. “We will decide on {i} projects soon,” the mayor said.\",\"published\":\"2019-05-19\"}}"
        )
        .unwrap();
    }
    drop(f);
    let db: PathBuf = d.path().join("r.db");
    let args = [
        "ingest",
        corpus.to_str().unwrap(),
        "--project",
        PROJECT,
        "--db",
        db.to_str().unwrap(),
        "--threads",
        "1",
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_rift"))
        .args(args)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill -9.
    let start = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let stored = rift_store::Store::open_existing(&db)
            .ok()
            .and_then(|s| s.inputs().ok())
            .map_or(0, |l| l.len());
        if stored > 0 || start.elapsed().as_secs() > 60 {
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
    }
    let finished_early = child.try_wait().unwrap().is_some();
    child.kill().ok();
    child.wait().unwrap();
    let before = rift_store::Store::open_existing(&db)
        .unwrap()
        .inputs()
        .unwrap()
        .len();
    if !finished_early {
        assert!(before < n, "killed after the end? {before}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_rift"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = rift_store::Store::open_existing(&db).unwrap();
    let ledger = store.inputs().unwrap();
    assert_eq!(ledger.len(), n, "one ledger row per record");
    assert!(ledger
        .iter()
        .all(|r| r.status == rift_store::InputStatus::Ingested));
    let a = store.articles().unwrap();
    assert_eq!(a.len(), n);
    let mut ids: Vec<&str> = a.iter().map(|r| r.ext_id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "no duplicates");
    assert!(a.iter().all(|r| r.statements >= 1));
}

#[test]
fn an_exact_copy_from_another_source_is_listed_and_counted_once() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("mirror")).unwrap();
    std::fs::copy(SEED, d.path().join("poison-or-cure.txt")).unwrap();
    std::fs::copy(SEED, d.path().join("mirror/syndicated-copy.txt")).unwrap();
    let dbdir = tempfile::tempdir().unwrap();
    let db = dbdir.path().join("r.db");
    let args = [
        "ingest",
        d.path().to_str().unwrap(),
        "--project",
        PROJECT,
        "--db",
        db.to_str().unwrap(),
    ];
    let out = rift(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("1 exact"), "{err}");
    let a = articles(&db);
    assert_eq!(a.len(), 2, "{a:#?}");
    let (copies, firsts): (Vec<_>, Vec<_>) = a.iter().partition(|r| !r["duplicate_of"].is_null());
    assert_eq!((copies.len(), firsts.len()), (1, 1), "{a:#?}");
    assert_eq!(copies[0]["duplicate_of"], firsts[0]["row"]);
    assert_eq!(copies[0]["statements"], 0);
    assert!(firsts[0]["statements"].as_u64().unwrap() >= 10);
    // Positions count the text once: the same as from the first file alone.
    let positions = |db: &Path| {
        let o = rift(&[
            "positions",
            "--db",
            db.to_str().unwrap(),
            "--issue",
            "negotiations-with-us",
            "--format",
            "json",
        ]);
        assert!(o.status.success());
        String::from_utf8(o.stdout).unwrap()
    };
    let single = dbdir.path().join("single.db");
    let out = rift(&[
        "ingest",
        SEED,
        "--project",
        PROJECT,
        "--db",
        single.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert_eq!(positions(&db), positions(&single));
    // A rerun adds nothing.
    assert!(rift(&args).status.success());
    assert_eq!(articles(&db).len(), 2);
}

/// `rift articles` and `rift statements` of a database as JSONL, without ingestion times.
fn dump(db: &Path) -> String {
    let mut s = String::new();
    for cmd in ["articles", "statements"] {
        let out = rift(&[cmd, "--db", db.to_str().unwrap(), "--format", "jsonl"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v.as_object_mut().unwrap().remove("ingested_at"); // a clock reading
            s.push_str(&v.to_string());
            s.push('\n');
        }
    }
    s
}

#[test]
fn one_thread_and_the_threaded_pipeline_store_the_same_rows() {
    // More than one batch (256 articles) of real news, an exact copy, a near-duplicate and a
    // bad input: `--threads 1` (one thread, stages in turn) and `--threads 2` (reader, pool
    // and writer overlapping) must store the same rows and say the same.
    let d = tempfile::tempdir().unwrap();
    let corpus = d.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let train = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/polnear/train/text"
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(train)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut f = std::io::BufWriter::new(std::fs::File::create(corpus.join("news.jsonl")).unwrap());
    for (i, p) in files.iter().take(300).enumerate() {
        let text = std::fs::read_to_string(p).unwrap();
        writeln!(
            f,
            "{}",
            serde_json::json!({"id": format!("n{i}"), "text": text})
        )
        .unwrap();
        if i == 10 {
            // An exact copy, and a near-duplicate (one sentence added).
            writeln!(f, "{}", serde_json::json!({"id": "copy", "text": text})).unwrap();
            let near = format!("{text}\nThe story was updated on Tuesday.");
            writeln!(f, "{}", serde_json::json!({"id": "near", "text": near})).unwrap();
        }
        if i == 20 {
            writeln!(f, "{{\"id\":\"bad\",\"text\":").unwrap();
        }
    }
    drop(f);
    let mut runs = Vec::new();
    for threads in ["1", "2"] {
        let db = d.path().join(format!("t{threads}.db"));
        let out = rift(&[
            "ingest",
            corpus.to_str().unwrap(),
            "--project",
            PROJECT,
            "--db",
            db.to_str().unwrap(),
            "--threads",
            threads,
        ]);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("news.jsonl: line 24: "), "{err}");
        let summary = err.lines().last().unwrap().to_string();
        // The copy is exact; the corpus holds a same-story update besides the one added.
        assert!(
            summary.contains("ingested 299 articles")
                && summary.contains("1 exact, 2 near")
                && summary.contains("1 rejected"),
            "{summary}"
        );
        runs.push((summary, dump(&db)));
    }
    assert_eq!(runs[0].0, runs[1].0);
    assert!(runs[0].1.lines().count() > 1000, "{}", runs[0].1.len());
    assert!(runs[0].1 == runs[1].1, "the two databases differ");
}
