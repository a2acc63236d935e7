use std::io::Write;
use std::path::PathBuf;

use rift_core::parse_date;

use crate::{FieldMap, Format, Inputs, Item, Record};

fn collect(inputs: Inputs) -> (Vec<Record>, Vec<String>) {
    let mut arts = Vec::new();
    let mut errs = Vec::new();
    for it in inputs {
        match it {
            Item::Article(a) => arts.push(*a),
            Item::Error(e) => errs.push(e.to_string()),
        }
    }
    (arts, errs)
}

fn paths(p: Vec<PathBuf>) -> (Vec<Record>, Vec<String>) {
    collect(Inputs::new(p, FieldMap::default()))
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

const LONG: &str = "The foreign minister said on Tuesday that talks with the European partners would resume next month in Vienna, after a pause of several weeks caused by disagreements over sanctions relief.";

#[test]
fn good_and_bad_inputs_side_by_side() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(p.join("a.txt"), "Hello “world,” he said.").unwrap();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    std::fs::write(p.join("bin.txt"), [0u8, 1, 2, 3, 0, 255]).unwrap();
    std::fs::write(p.join("b.jsonl"), "{\"id\":\"x1\",\"text\":\"One.\",\"published\":\"2019-05-19\"}\n{broken\n{\"id\":\"x3\",\"body\":\"Three.\"}\n{\"id\":\"x4\"}\n").unwrap();
    std::fs::write(
        p.join("c.csv"),
        "id,headline,text,date\nc1,T,\"Some, text.\",\"May 3, 2016\"\n",
    )
    .unwrap();
    let (arts, errs) = paths(vec![p.to_path_buf(), p.join("missing.txt")]);
    let ids: Vec<&str> = arts.iter().map(|a| a.article.id.as_str()).collect();
    assert_eq!(ids, ["a", "x1", "x3", "c1"]);
    assert_eq!(arts[1].article.published, parse_date("2019-05-19"));
    assert_eq!(arts[1].record, Some(1));
    assert_eq!(arts[3].article.published, parse_date("2016-05-03"));
    assert_eq!(arts[3].article.title.as_deref(), Some("T"));
    assert_eq!(errs.len(), 5, "{errs:#?}");
    assert!(
        errs[0].ends_with("b.jsonl: line 2: key must be a string at line 1 column 2"),
        "{}",
        errs[0]
    );
    assert!(
        errs[1].contains("b.jsonl: line 4: no text field"),
        "{}",
        errs[1]
    );
    assert!(
        errs[2].ends_with("bin.txt: binary file (not text): refused"),
        "{}",
        errs[2]
    );
    assert!(errs[3].ends_with("empty.txt: empty file"), "{}", errs[3]);
    assert!(
        errs[4].ends_with("missing.txt: no such file or directory"),
        "{}",
        errs[4]
    );
}

#[test]
fn gzip_of_any_format_and_truncated_gzip() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(p.join("a.txt.gz"), gz(LONG.as_bytes())).unwrap();
    std::fs::write(
        p.join("b.jsonl.gz"),
        gz(b"{\"id\":\"j1\",\"text\":\"One.\"}\n{\"id\":\"j2\",\"text\":\"Two.\"}\n"),
    )
    .unwrap();
    let page = format!("<!DOCTYPE html><html><head><title>T</title></head><body><article><p>{LONG}</p></article></body></html>");
    std::fs::write(p.join("c.html.gz"), gz(page.as_bytes())).unwrap();
    let mut big = Vec::new();
    for i in 0..2000 {
        big.extend(format!("{{\"id\":\"t{i}\",\"text\":\"{LONG} {i}\"}}\n").bytes());
    }
    let mut t = gz(&big);
    t.truncate(t.len() / 2);
    std::fs::write(p.join("d.jsonl.gz"), t).unwrap();
    let mut t = gz(LONG.as_bytes());
    t.truncate(t.len() - 6);
    std::fs::write(p.join("e.txt.gz"), t).unwrap();
    let (arts, errs) = paths(vec![p.to_path_buf()]);
    let ids: Vec<&str> = arts.iter().map(|a| a.article.id.as_str()).take(4).collect();
    assert_eq!(ids, ["a", "j1", "j2", "c"]);
    assert_eq!(arts[3].format, Format::Html);
    assert!(arts[3].article.text.contains("foreign minister"));
    assert_eq!(arts[0].language.as_deref(), Some("en"));
    assert!(arts.len() > 4 && arts.len() < 2004, "{}", arts.len());
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(
        errs[0].contains("d.jsonl.gz: line") && errs[0].ends_with("truncated gzip"),
        "{}",
        errs[0]
    );
    assert!(errs[1].ends_with("e.txt.gz: truncated gzip"), "{}", errs[1]);
}

#[test]
fn feeds_rss_atom_json() {
    let rss = format!(
        r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Tehran Times</title>
<item><title>Talks resume</title><link>https://example.org/a</link><guid>a1</guid><pubDate>Sun, 19 May 2019 10:00:00 +0000</pubDate>
<description>Short summary.</description><content:encoded><![CDATA[<p>{LONG}</p><div class="share">Share on Twitter</div><p>The post <a href="x">Talks resume</a> appeared first on Tehran Times.</p>]]></content:encoded></item>
<item><title>Only summary</title><link>https://example.org/b</link><description>The summary is the text here.</description></item>
<item><title>Empty</title></item>
</channel></rss>"#
    );
    let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Site</title><id>urn:x</id><updated>2019-05-20T00:00:00Z</updated>
<entry><title>Atom one</title><id>urn:e1</id><updated>2019-05-18T00:00:00Z</updated><link href="https://atom.example/e1"/><content type="html">&lt;p&gt;Atom body text.&lt;/p&gt;</content></entry></feed>"#;
    let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"JF","items":[{"id":"j1","url":"https://jf.example/1","title":"JSON one","content_text":"Plain JSON Feed text.","date_published":"2019-05-17T08:00:00Z"}]}"#;
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.rss"), rss).unwrap();
    std::fs::write(d.path().join("b.xml"), atom).unwrap();
    std::fs::write(d.path().join("c.json"), json).unwrap();
    std::fs::write(
        d.path().join("d.rss"),
        "<rss><channel><title>x</title><item>",
    )
    .unwrap();
    let (arts, errs) = paths(vec![d.path().to_path_buf()]);
    let a = &arts[0].article;
    assert_eq!(
        (a.id.as_str(), a.outlet.as_deref(), a.url.as_deref()),
        ("a1", Some("Tehran Times"), Some("https://example.org/a"))
    );
    assert_eq!(a.published, parse_date("2019-05-19"));
    assert!(a.text.starts_with("The foreign minister"), "{}", a.text);
    assert!(
        !a.text.contains("Share on") && !a.text.contains("appeared first"),
        "{}",
        a.text
    );
    assert_eq!(arts[0].record, Some(1));
    assert_eq!(arts[1].article.text, "The summary is the text here.");
    assert_eq!(arts[2].article.text, "Atom body text.");
    assert_eq!(arts[2].article.published, parse_date("2019-05-18"));
    assert_eq!(arts[3].article.text, "Plain JSON Feed text.");
    assert_eq!(arts[3].format, Format::Feed);
    assert!(
        errs.iter()
            .any(|e| e.contains("a.rss: item 3: feed item has no content")),
        "{errs:#?}"
    );
    assert!(errs.iter().any(|e| e.contains("d.rss")), "{errs:#?}");
}

fn warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-05-20T00:00:00Z\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn warc_responses_with_charsets() {
    let page = format!("<html><head><meta charset=\"windows-1252\"><meta property=\"og:site_name\" content=\"Site\"></head><body><article><p>{LONG} Caf\u{e9}.</p></article></body></html>");
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    let mut w = Vec::new();
    for part in [
        gz(&warc_record("warcinfo", "", b"software: t\r\n")),
        gz(&warc_record(
            "request",
            "https://s.example/a",
            b"GET /a HTTP/1.1\r\n\r\n",
        )),
        gz(&warc_record(
            "response",
            "https://s.example/a",
            &[
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".as_slice(),
                &latin1,
            ]
            .concat(),
        )),
        gz(&warc_record(
            "response",
            "https://s.example/img.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        )),
        gz(&warc_record(
            "response",
            "https://s.example/404",
            b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>nope</p>",
        )),
        gz(&warc_record(
            "response",
            "https://s.example/bad",
            b"NOT HTTP",
        )),
    ] {
        w.extend(part);
    }
    let (arts, errs) = collect(Inputs::from_bytes("crawl.warc.gz", w, FieldMap::default()));
    assert_eq!(arts.len(), 1, "{errs:#?}");
    let r = &arts[0];
    assert_eq!((r.record, r.article.id.as_str()), (Some(3), "crawl-3"));
    assert_eq!(r.article.source, "crawl.warc.gz:3");
    assert_eq!(r.article.url.as_deref(), Some("https://s.example/a"));
    assert_eq!(r.article.outlet.as_deref(), Some("Site"));
    assert!(r.article.text.ends_with("Café."), "{}", r.article.text);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with("crawl.warc.gz: record 6: bad HTTP response"),
        "{}",
        errs[0]
    );
}

#[test]
fn charsets_and_binary_refusal() {
    let (l1, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Le président a déclaré que les négociations étaient réglées à Genève après l'été.",
    );
    let (a, e) = collect(Inputs::from_bytes(
        "fr.txt",
        l1.into_owned(),
        FieldMap::default(),
    ));
    assert!(e.is_empty(), "{e:?}");
    assert!(a[0].article.text.contains("président"));
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Hello UTF-16 text.".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let (a, e) = collect(Inputs::from_bytes("u.txt", utf16, FieldMap::default()));
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(a[0].article.text, "Hello UTF-16 text.");
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let (a, e) = collect(Inputs::from_bytes("noise.bin", noise, FieldMap::default()));
    assert!(a.is_empty());
    assert!(e[0].ends_with("binary file (not text): refused"), "{e:?}");
}

#[test]
fn skip_done_resumes() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("r.jsonl");
    std::fs::write(&f, "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n").unwrap();
    let src = f.display().to_string();
    let done = [(src.clone(), Some(1)), (src, Some(3))]
        .into_iter()
        .collect();
    let mut inputs = Inputs::new(vec![f], FieldMap::default()).skip_done(done);
    let got: Vec<String> = inputs
        .by_ref()
        .filter_map(|i| match i {
            Item::Article(a) => Some(a.article.text),
            Item::Error(_) => None,
        })
        .collect();
    assert_eq!(got, ["b"]);
    assert_eq!(inputs.skipped_done(), 2);
}

#[test]
fn language_is_detected_first_and_declared_second_unless_detection_is_off() {
    let page = format!(
        "<html lang=\"fr\"><head><title>T</title></head><body><article><p>{LONG}</p></article></body></html>"
    );
    let read = |detect: bool, name: &str, bytes: &[u8]| {
        let inputs = Inputs::from_bytes(name, bytes.to_vec(), FieldMap::default());
        let (arts, errs) = collect(inputs.detect_language(detect));
        assert!(errs.is_empty(), "{errs:#?}");
        arts[0].language.clone()
    };
    // the text is English: detection beats the page's declared `fr`
    assert_eq!(read(true, "a.html", page.as_bytes()).as_deref(), Some("en"));
    assert_eq!(read(true, "a.txt", LONG.as_bytes()).as_deref(), Some("en"));
    let feed = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><language>fr-FR</language>
<item><title>A</title><link>https://example.org/a</link><description>{LONG}</description></item>
</channel></rss>"#
    );
    assert_eq!(read(true, "a.rss", feed.as_bytes()).as_deref(), Some("en"));
    assert_eq!(read(false, "a.rss", feed.as_bytes()).as_deref(), Some("fr"));
    // off: only what the input declares
    assert_eq!(
        read(false, "a.html", page.as_bytes()).as_deref(),
        Some("fr")
    );
    assert_eq!(read(false, "a.txt", LONG.as_bytes()), None);
}
