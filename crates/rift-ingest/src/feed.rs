//! RSS 0.9–2.0, Atom and JSON Feed files (feed-rs) → one article per item.
//!
//! An item's full content (`content:encoded`, Atom `<content>`, JSON Feed `content_html`) is
//! used when it carries one, else its summary. HTML content is cleaned by `rift-html`'s
//! furniture filter (no main-text extractor: an item's content is the article already), so share
//! links and "The post … appeared first on …" lines are dropped. The item's title, link and date
//! (published, else updated) fill the article; the feed's title is the outlet.

use rift_core::Article;

use crate::error::InputErrorKind;
use crate::inputs::{err, Format, Item, Record};

fn looks_html(s: &str) -> bool {
    let t = s.trim_start();
    t.starts_with('<') || s.contains("</p>") || s.contains("<br") || s.contains("&lt;p&gt;")
}

fn plain(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Items of the feed in `bytes` (read from `source`), each an article or a problem. A record's
/// language is the one the entry or the feed declares; [`crate::Inputs`] puts the one detected
/// from the text first.
pub fn feed_items(source: &str, stem: &str, bytes: &[u8]) -> Vec<Item> {
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .build();
    let feed = match parser.parse(bytes) {
        Ok(f) => f,
        Err(e) => return vec![err(source, None, InputErrorKind::Parse, e.to_string())],
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let feed_lang = feed.language.clone();
    if feed.entries.is_empty() {
        return vec![err(
            source,
            None,
            InputErrorKind::Empty,
            "feed has no items",
        )];
    }
    let mut out = Vec::with_capacity(feed.entries.len());
    for (i, e) in feed.entries.iter().enumerate() {
        let n = i as u64 + 1;
        let body = e
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .map(|b| {
                let ct = e
                    .content
                    .as_ref()
                    .map(|c| c.content_type.to_string())
                    .unwrap_or_default();
                (b, ct)
            })
            .or_else(|| {
                e.summary
                    .as_ref()
                    .map(|s| (s.content.clone(), s.content_type.to_string()))
                    .filter(|(b, _)| !b.trim().is_empty())
            });
        let Some((body, ct)) = body else {
            out.push(Item::Error(
                crate::InputError::new(
                    source,
                    Some(n),
                    InputErrorKind::Invalid,
                    "feed item has no content or summary",
                )
                .with_unit("item"),
            ));
            continue;
        };
        let is_html = ct.contains("html") || looks_html(&body);
        let (text, offsets) = if is_html {
            let p = rift_html::clean(&body, &rift_html::Options::default());
            (p.text, Some(p.offsets))
        } else {
            (plain(&body), None)
        };
        if text.trim().is_empty() {
            out.push(Item::Error(
                crate::InputError::new(
                    source,
                    Some(n),
                    InputErrorKind::Invalid,
                    "feed item has no text",
                )
                .with_unit("item"),
            ));
            continue;
        }
        let id = if e.id.trim().is_empty() || e.id.len() > 200 {
            format!("{stem}-{n}")
        } else {
            e.id.trim().to_string()
        };
        let mut a = Article::new(id, text);
        a.source = format!("{source}:{n}");
        a.title = e
            .title
            .as_ref()
            .map(|t| {
                if looks_html(&t.content) {
                    rift_html::clean(&t.content, &rift_html::Options::default()).text
                } else {
                    t.content.trim().to_string()
                }
            })
            .filter(|t| !t.is_empty());
        a.url = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(e.links.first())
            .map(|l| l.href.clone());
        a.published = e.published.or(e.updated).map(|d| d.date_naive());
        a.outlet = outlet.clone();
        let language = e.language.clone().or(feed_lang.clone()).map(|l| {
            l.split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        });
        out.push(Item::Article(Box::new(Record {
            article: a,
            path: source.to_string(),
            record: Some(n),
            format: Format::Feed,
            language,
            offsets,
        })));
    }
    out
}
