//! From a page to its article text: blocks, the extractor's verdict, rift's furniture filter.
//!
//! One pass of [`crate::tokenize::Tokenizer`] turns the page into text blocks (paragraphs,
//! headings, list items …), each with its element ancestry and a map of every character back to
//! its byte in the page, and collects the metadata (`<meta>`, `<link rel=canonical>`, `<time>`,
//! JSON-LD, `<title>`, `<html lang>`). The extractor (`rs-trafilatura`) says which text is the
//! article: a block is kept when the extractor's text contains it. rift's own filter then drops
//! what extractors keep: blocks inside navigation, share bars, related-article lists, comment
//! sections, newsletter boxes, captions and ad slots (by tag, ARIA role, class and id), short
//! furniture lines (`728 x 90`, `Share this`, `Read more`), mostly-link list items and repeated
//! lines. When the extractor finds nothing, the filter alone decides, preferring `<article>` or
//! `<main>`.

use rift_core::Date;

use crate::tokenize::{entity_at, Token, Tokenizer};
use crate::OffsetMap;

/// What is known about a page besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// Title: `og:title`, JSON-LD `headline`, else `<title>` (site suffix kept).
    pub title: Option<String>,
    /// Site name: `og:site_name`, JSON-LD `publisher.name`, `application-name`.
    pub site_name: Option<String>,
    /// Author or byline (`author` meta, JSON-LD `author.name`).
    pub author: Option<String>,
    /// Publication date: JSON-LD `datePublished`, publication `<meta>` tags, `<time datetime>`.
    pub published: Option<Date>,
    /// Canonical URL (`<link rel=canonical>`, `og:url`).
    pub url: Option<String>,
    /// Declared language (`<html lang>`, `og:locale`, `content-language`), lower-case.
    pub language: Option<String>,
}

/// A cleaned page.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The article text: kept blocks joined by blank lines. Spans of statements point into it.
    pub text: String,
    /// Map from byte offsets of [`Page::text`] to byte offsets of the HTML it came from.
    pub offsets: OffsetMap,
    /// Metadata.
    pub meta: Meta,
    /// True when the extractor's verdict was used (false: rift's filter alone).
    pub extractor_used: bool,
}

/// How to clean a page.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Run the main-text extractor (whole pages). Off for HTML fragments such as feed item
    /// content, where the filter alone runs.
    pub extractor: bool,
    /// URL of the page, when known (helps the extractor and fills [`Meta::url`]).
    pub url: Option<String>,
}

#[derive(Debug)]
struct Elem {
    parent: Option<usize>,
    /// Why this element is furniture, if it is.
    furniture: Option<&'static str>,
    /// Bytes of extractor-confirmed text inside.
    matched: usize,
    is_article: bool,
}

#[derive(Debug, Default)]
struct Block {
    text: String,
    runs: Vec<(usize, usize)>,
    elem: Option<usize>,
    link_bytes: usize,
    li: bool,
}

impl Block {
    fn push(&mut self, c: char, orig: usize) {
        let clean = self.text.len();
        let contiguous = self
            .runs
            .last()
            .is_some_and(|&(lc, lo)| lo + (clean - lc) == orig);
        if !contiguous {
            self.runs.push((clean, orig));
        }
        self.text.push(c);
    }
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "form",
    "br",
    "hr",
    "pre",
    "address",
    "center",
    "body",
    "html",
    "head",
    "menu",
    "dialog",
    "details",
    "summary",
    "fieldset",
    "caption",
    "thead",
    "tbody",
    "option",
    "select",
    "button",
    "label",
    "iframe",
    "video",
    "audio",
    "picture",
    "svg",
];

const VOID: &[&str] = &[
    "br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "base", "col", "embed",
    "param", "track", "keygen",
];

/// Tags that are furniture wherever they are.
fn furniture_tag(name: &str) -> Option<&'static str> {
    Some(match name {
        "nav" | "menu" => "navigation",
        "aside" => "aside",
        "footer" => "footer",
        "form" | "button" | "select" | "option" | "label" | "fieldset" => "form",
        "figcaption" => "caption",
        "iframe" | "video" | "audio" | "svg" | "dialog" => "embed",
        _ => return None,
    })
}

/// Class or id words that mark furniture: (prefix, reason). A word matches when it starts with
/// the prefix; `exact` ones must equal it.
const CLASS_PREFIX: &[(&str, &str)] = &[
    ("share", "share bar"),
    ("sharing", "share bar"),
    ("social", "share bar"),
    ("comment", "comments"),
    ("disqus", "comments"),
    ("related", "related links"),
    ("recommend", "related links"),
    ("outbrain", "related links"),
    ("taboola", "related links"),
    ("newsletter", "newsletter"),
    ("subscri", "newsletter"),
    ("signup", "newsletter"),
    ("advert", "ad slot"),
    ("sponsor", "ad slot"),
    ("promo", "ad slot"),
    ("sidebar", "aside"),
    ("breadcrumb", "navigation"),
    ("navbar", "navigation"),
    ("navigation", "navigation"),
    ("menu", "navigation"),
    ("cookie", "notice"),
    ("popup", "notice"),
    ("modal", "notice"),
    ("caption", "caption"),
    ("widget", "aside"),
    ("footer", "footer"),
    ("masthead", "header"),
    ("toolbar", "navigation"),
];
const CLASS_EXACT: &[(&str, &str)] = &[
    ("nav", "navigation"),
    ("ad", "ad slot"),
    ("ads", "ad slot"),
    ("adslot", "ad slot"),
    ("adsbygoogle", "ad slot"),
    ("banner", "ad slot"),
    ("tags", "tags"),
    ("header", "header"),
    ("more", "related links"),
    ("print", "share bar"),
];

fn furniture_attr(attrs: &[(String, String)]) -> Option<&'static str> {
    for (k, v) in attrs {
        match k.as_str() {
            "role" => match v.to_ascii_lowercase().as_str() {
                "navigation" | "menubar" | "menu" => return Some("navigation"),
                "complementary" => return Some("aside"),
                "contentinfo" => return Some("footer"),
                "banner" => return Some("header"),
                "dialog" | "alertdialog" => return Some("notice"),
                "search" | "form" => return Some("form"),
                _ => {}
            },
            "hidden" => return Some("hidden"),
            "aria-hidden" if v.eq_ignore_ascii_case("true") => return Some("hidden"),
            "style" => {
                let s: String = v
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if s.contains("display:none") || s.contains("visibility:hidden") {
                    return Some("hidden");
                }
            }
            "class" | "id" => {
                for w in v
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                {
                    let w = w.to_ascii_lowercase();
                    if let Some((_, r)) = CLASS_EXACT.iter().find(|(e, _)| *e == w) {
                        return Some(r);
                    }
                    if let Some((_, r)) = CLASS_PREFIX.iter().find(|(p, _)| w.starts_with(p)) {
                        return Some(r);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// Short lines that are page furniture whatever element holds them.
pub fn furniture_line(text: &str) -> Option<&'static str> {
    let t = text.trim();
    if t.chars().count() > 160 {
        return None;
    }
    let l = t.to_lowercase();
    let l = l.trim_end_matches([':', '.', '!', '»', '›', '>', ' ']);
    // Ad slot sizes: `728 x 90`, `300×250`.
    let compact: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some((a, b)) = compact.split_once(['x', '×']) {
        let num = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|c| c.is_ascii_digit());
        if num(a) && num(b) {
            return Some("ad slot");
        }
    }
    const EXACT: &[&str] = &[
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "ad",
        "share",
        "share this",
        "share this article",
        "share this story",
        "tweet",
        "email",
        "print",
        "facebook",
        "twitter",
        "whatsapp",
        "telegram",
        "linkedin",
        "comments",
        "leave a comment",
        "leave a reply",
        "post a comment",
        "related",
        "related articles",
        "related stories",
        "related posts",
        "read more",
        "read also",
        "more stories",
        "most read",
        "most popular",
        "recommended",
        "you may also like",
        "follow us",
        "subscribe",
        "sign up",
        "newsletter",
        "skip to content",
        "skip to main content",
        "menu",
        "home",
        "back to top",
        "loading",
    ];
    if EXACT.contains(&l) {
        return Some("furniture line");
    }
    const STARTS: &[&str] = &[
        "share on ",
        "share this",
        "sign up for",
        "subscribe to",
        "subscribe for",
        "get our newsletter",
        "join our newsletter",
        "read more:",
        "related:",
        "see also:",
        "tags:",
        "filed under",
        "posted in ",
        "follow us on",
        "click here",
        "copyright ",
        "all rights reserved",
        "©",
        "(c) ",
    ];
    if STARTS.iter().any(|s| l.starts_with(s))
        || l.ends_with("all rights reserved")
        || (l.starts_with("the post ") && l.contains(" appeared first on "))
    {
        return Some("furniture line");
    }
    let words: Vec<&str> = l.split_whitespace().collect();
    if words.len() <= 3 && words.first().is_some_and(|w| w.parse::<u32>().is_ok()) {
        if let Some(w) = words.get(1) {
            if w.starts_with("comment") || w.starts_with("share") || w.starts_with("repl") {
                return Some("furniture line");
            }
        }
    }
    None
}

struct Walker<'a> {
    src: &'a str,
    elems: Vec<Elem>,
    stack: Vec<(String, usize)>,
    blocks: Vec<Block>,
    cur: Block,
    pending_space: Option<usize>,
    link_depth: usize,
    li_depth: usize,
    meta: MetaCollector,
}

#[derive(Default)]
struct MetaCollector {
    og_title: Option<String>,
    title_tag: Option<String>,
    ld_title: Option<String>,
    site: Option<String>,
    ld_site: Option<String>,
    app_name: Option<String>,
    author: Option<String>,
    ld_date: Option<Date>,
    meta_date: Option<Date>,
    time_date: Option<Date>,
    time_in_article: bool,
    canonical: Option<String>,
    og_url: Option<String>,
    lang: Option<String>,
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn date_of(s: &str) -> Option<Date> {
    rift_core::parse_date(s).or_else(|| {
        rift_text::dates::find_date(s, None)
            .filter(|f| f.has_year)
            .map(|f| f.date)
    })
}

fn set<T>(slot: &mut Option<T>, v: Option<T>) {
    if slot.is_none() {
        *slot = v;
    }
}

impl MetaCollector {
    fn meta_tag(&mut self, attrs: &[(String, String)]) {
        let get = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str());
        let key = get("property")
            .or_else(|| get("name"))
            .or_else(|| get("itemprop"))
            .or_else(|| get("http-equiv"))
            .map(str::to_ascii_lowercase);
        let (Some(key), Some(content)) = (key, get("content").or_else(|| get("datetime"))) else {
            return;
        };
        let content = collapse(content);
        if content.is_empty() {
            return;
        }
        match key.as_str() {
            "og:title" | "twitter:title" => set(&mut self.og_title, Some(content)),
            "og:site_name" => set(&mut self.site, Some(content)),
            "application-name" => set(&mut self.app_name, Some(content)),
            "author" | "article:author" | "byl" | "dc.creator" | "sailthru.author"
                if !content.starts_with("http") =>
            {
                set(&mut self.author, Some(content))
            }
            "article:published_time"
            | "og:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "publish_date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.date"
            | "dcterms.created"
            | "sailthru.date"
            | "parsely-pub-date"
            | "citation_publication_date"
            | "article.published"
            | "originalpublicationdate"
            | "datecreated" => set(&mut self.meta_date, date_of(&content)),
            "og:url" => set(&mut self.og_url, Some(content)),
            "og:locale" | "content-language" | "language" | "dc.language" => {
                set(&mut self.lang, Some(normalise_lang(&content)))
            }
            _ => {}
        }
    }

    fn json_ld(&mut self, raw: &str) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) else {
            return;
        };
        let mut stack = vec![&v];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > 200 {
                break;
            }
            match v {
                serde_json::Value::Array(a) => stack.extend(a.iter()),
                serde_json::Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    let is_article = o.get("@type").is_some_and(|t| {
                        let s = t.to_string().to_ascii_lowercase();
                        s.contains("article") || s.contains("posting") || s.contains("report")
                    });
                    if !is_article {
                        continue;
                    }
                    let s = |k: &str| o.get(k).and_then(|v| v.as_str()).map(collapse);
                    set(
                        &mut self.ld_date,
                        s("datePublished").as_deref().and_then(date_of),
                    );
                    set(&mut self.ld_title, s("headline").filter(|t| !t.is_empty()));
                    let name = |v: &serde_json::Value| match v {
                        serde_json::Value::Object(p) => {
                            p.get("name").and_then(|n| n.as_str()).map(collapse)
                        }
                        serde_json::Value::Array(a) => a
                            .first()
                            .and_then(|p| p.get("name"))
                            .and_then(|n| n.as_str())
                            .map(collapse),
                        serde_json::Value::String(s) => Some(collapse(s)),
                        _ => None,
                    };
                    set(&mut self.ld_site, o.get("publisher").and_then(name));
                    set(&mut self.author, o.get("author").and_then(name));
                }
                _ => {}
            }
        }
    }

    fn finish(self, url: Option<String>) -> Meta {
        Meta {
            title: self.og_title.or(self.ld_title).or(self.title_tag),
            site_name: self.site.or(self.ld_site).or(self.app_name),
            author: self.author,
            published: self.ld_date.or(self.meta_date).or(self.time_date),
            url: self.canonical.or(self.og_url).or(url),
            language: self.lang,
        }
    }
}

/// `en-US` / `en_US` → `en`.
fn normalise_lang(s: &str) -> String {
    s.split(['-', '_', ',', ' '])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

impl<'a> Walker<'a> {
    fn new(src: &'a str) -> Self {
        Walker {
            src,
            elems: Vec::new(),
            stack: Vec::new(),
            blocks: Vec::new(),
            cur: Block::default(),
            pending_space: None,
            link_depth: 0,
            li_depth: 0,
            meta: MetaCollector::default(),
        }
    }

    fn flush(&mut self) {
        self.pending_space = None;
        if self.cur.text.is_empty() {
            self.cur = Block::default();
            return;
        }
        let mut b = std::mem::take(&mut self.cur);
        // Drop a trailing space.
        while b.text.ends_with(' ') {
            b.text.pop();
        }
        b.runs.retain(|&(c, _)| c < b.text.len());
        b.elem = self.stack.last().map(|&(_, i)| i);
        b.li = self.li_depth > 0;
        if !b.text.is_empty() {
            self.blocks.push(b);
        }
    }

    fn push_text(&mut self, raw: &str, pos: usize) {
        let in_link = self.link_depth > 0;
        let mut i = 0;
        let bytes = raw.as_bytes();
        while i < raw.len() {
            let (c, len) = if bytes[i] == b'&' {
                entity_at(&raw[i..]).unwrap_or(('&', 1))
            } else {
                let c = raw[i..].chars().next().expect("char boundary");
                (c, c.len_utf8())
            };
            let orig = pos + i;
            i += len;
            if c.is_whitespace() || c == '\u{ad}' {
                if c != '\u{ad}' && self.pending_space.is_none() {
                    self.pending_space = Some(orig);
                }
                continue;
            }
            if let Some(sp) = self.pending_space.take() {
                if !self.cur.text.is_empty() {
                    self.cur.push(' ', sp);
                }
            }
            self.cur.push(c, orig);
            if in_link {
                self.cur.link_bytes += c.len_utf8();
            }
        }
    }

    fn open(&mut self, name: &str, attrs: &[(String, String)]) {
        // Implicitly closed elements.
        if matches!(
            name,
            "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option"
        ) {
            let closes: &[&str] = match name {
                "li" => &["li"],
                "dt" | "dd" => &["dt", "dd"],
                "tr" => &["tr", "td", "th"],
                "td" | "th" => &["td", "th"],
                "option" => &["option"],
                _ => &["p"],
            };
            if self
                .stack
                .last()
                .is_some_and(|(n, _)| closes.contains(&n.as_str()) || (name != "p" && n == "p"))
            {
                self.close_top();
            }
        }
        let parent = self.stack.last().map(|&(_, i)| i);
        let in_article = self.stack.iter().any(|(_, i)| self.elems[*i].is_article);
        let mut furniture = furniture_tag(name).or_else(|| furniture_attr(attrs));
        if name == "header" && !in_article {
            furniture = Some("header");
        }
        if matches!(name, "article" | "main" | "body" | "html")
            && furniture.is_some_and(|r| r != "hidden")
        {
            furniture = None;
        }
        let idx = self.elems.len();
        self.elems.push(Elem {
            parent,
            furniture,
            matched: 0,
            is_article: matches!(name, "article" | "main"),
        });
        self.stack.push((name.to_string(), idx));
        if name == "a" {
            self.link_depth += 1;
        }
        if name == "li" {
            self.li_depth += 1;
        }
    }

    fn close_top(&mut self) {
        if let Some((name, _)) = self.stack.last() {
            if BLOCK_TAGS.contains(&name.as_str()) {
                self.flush();
            }
        }
        if let Some((name, _)) = self.stack.pop() {
            if name == "a" {
                self.link_depth = self.link_depth.saturating_sub(1);
            }
            if name == "li" {
                self.li_depth = self.li_depth.saturating_sub(1);
            }
        }
    }

    fn close(&mut self, name: &str) {
        if let Some(k) = self.stack.iter().rposition(|(n, _)| n == name) {
            while self.stack.len() > k {
                self.close_top();
            }
        } else if BLOCK_TAGS.contains(&name) {
            self.flush();
        }
    }

    fn run(&mut self) {
        let src = self.src;
        let mut tokens = Tokenizer::new(src);
        while let Some(tok) = tokens.next() {
            match tok {
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                    ..
                } => {
                    if BLOCK_TAGS.contains(&name.as_str()) {
                        self.flush();
                    }
                    match name.as_str() {
                        "meta" => self.meta.meta_tag(&attrs),
                        "link" => {
                            let rel = attrs
                                .iter()
                                .any(|(k, v)| k == "rel" && v.eq_ignore_ascii_case("canonical"));
                            if rel {
                                let href = attrs
                                    .iter()
                                    .find(|(k, _)| k == "href")
                                    .map(|(_, v)| v.trim().to_string());
                                set(&mut self.meta.canonical, href.filter(|h| !h.is_empty()));
                            }
                        }
                        "html" => {
                            let lang = attrs.iter().find(|(k, _)| k == "lang" || k == "xml:lang");
                            set(
                                &mut self.meta.lang,
                                lang.map(|(_, v)| normalise_lang(v))
                                    .filter(|l| !l.is_empty()),
                            );
                        }
                        "time" => {
                            let dt = attrs
                                .iter()
                                .find(|(k, _)| k == "datetime")
                                .and_then(|(_, v)| date_of(v));
                            let in_article =
                                self.stack.iter().any(|(_, i)| self.elems[*i].is_article);
                            let marked = attrs.iter().any(|(k, v)| {
                                k == "pubdate"
                                    || (k == "itemprop" && v.eq_ignore_ascii_case("datePublished"))
                            });
                            if dt.is_some()
                                && (self.meta.time_date.is_none()
                                    || ((in_article || marked) && !self.meta.time_in_article))
                            {
                                self.meta.time_date = dt;
                                self.meta.time_in_article = in_article || marked;
                            }
                        }
                        _ => {}
                    }
                    if attrs
                        .iter()
                        .any(|(k, v)| k == "itemprop" && v.eq_ignore_ascii_case("datePublished"))
                    {
                        self.meta.meta_tag(&attrs);
                    }
                    let is_raw = matches!(
                        name.as_str(),
                        "script" | "style" | "template" | "noscript" | "textarea" | "title" | "xmp"
                    );
                    if is_raw && !self_closing {
                        let ld = name == "script"
                            && attrs.iter().any(|(k, v)| {
                                k == "type" && v.to_ascii_lowercase().contains("ld+json")
                            });
                        if let Some(Token::Raw { text, .. }) = tokens.next() {
                            if ld {
                                self.meta.json_ld(text);
                            } else if name == "title" && self.meta.title_tag.is_none() {
                                let t = collapse(&crate::tokenize::decode_entities(text));
                                if !t.is_empty() {
                                    self.meta.title_tag = Some(t);
                                }
                            }
                        }
                        continue;
                    }
                    if !self_closing && !VOID.contains(&name.as_str()) {
                        self.open(&name, &attrs);
                    }
                }
                Token::End { name, .. } => {
                    if name == "br" || name == "p" && !self.stack.iter().any(|(n, _)| n == "p") {
                        self.flush();
                        continue;
                    }
                    self.close(&name);
                }
                Token::Text { text, pos } => self.push_text(text, pos),
                Token::Raw { .. } => {}
            }
        }
        while !self.stack.is_empty() {
            self.close_top();
        }
        self.flush();
    }

    /// The reason a block is furniture, from its ancestry, ignoring elements that hold most of
    /// the confirmed article text (a page-wide `has-sidebar` wrapper is not furniture).
    fn block_furniture(&self, b: &Block, total_matched: usize) -> Option<&'static str> {
        let mut e = b.elem;
        let mut steps = 0;
        while let Some(i) = e {
            steps += 1;
            if steps > 512 {
                break;
            }
            let el = &self.elems[i];
            if let Some(r) = el.furniture {
                if r == "hidden" || total_matched == 0 || el.matched * 2 <= total_matched {
                    return Some(r);
                }
            }
            e = el.parent;
        }
        None
    }

    fn in_article(&self, b: &Block) -> bool {
        let mut e = b.elem;
        while let Some(i) = e {
            if self.elems[i].is_article {
                return true;
            }
            e = self.elems[i].parent;
        }
        false
    }
}

/// True when the extractor's text holds the block: whole, or (for blocks of 60+ bytes) its
/// middle 60 % — extractors drop inline pieces such as a `<span class="dateline">`.
fn confirmed(haystack: &str, block: &str) -> bool {
    if haystack.contains(block) {
        return true;
    }
    if block.len() < 60 {
        return false;
    }
    let mut a = block.len() / 5;
    while !block.is_char_boundary(a) {
        a += 1;
    }
    let mut b = block.len() - block.len() / 5;
    while !block.is_char_boundary(b) {
        b -= 1;
    }
    a < b && haystack.contains(&block[a..b])
}

/// Cleans a page (or, with `extractor: false`, an HTML fragment) into its article text and
/// metadata. Never fails: a page with no article text gives an empty [`Page::text`].
pub fn clean(html: &str, opts: &Options) -> Page {
    let mut w = Walker::new(html);
    w.run();
    let mut haystack = None;
    if opts.extractor {
        let topts = rs_trafilatura::Options {
            url: opts.url.clone(),
            include_comments: false,
            ..rs_trafilatura::Options::default()
        };
        if let Ok(r) = rs_trafilatura::extract_with_options(html, &topts) {
            let h = collapse(&r.content_text.replace('\u{a0}', " "));
            if !h.is_empty() {
                haystack = Some(h);
            }
        }
    }
    // Which blocks the extractor confirms.
    let matched: Vec<bool> = w
        .blocks
        .iter()
        .map(|b| haystack.as_ref().is_some_and(|h| confirmed(h, &b.text)))
        .collect();
    let mut total_matched = 0;
    for (b, &m) in w.blocks.iter().zip(&matched) {
        if m {
            total_matched += b.text.len();
            let mut e = b.elem;
            while let Some(i) = e {
                w.elems[i].matched += b.text.len();
                e = w.elems[i].parent;
            }
        }
    }
    let extractor_used = total_matched >= 80;
    let any_article = w.blocks.iter().any(|b| w.in_article(b));
    let mut text = String::new();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut last_kept: Option<&str> = None;
    for (b, &m) in w.blocks.iter().zip(&matched) {
        if extractor_used && !m {
            continue;
        }
        if w.block_furniture(b, if extractor_used { total_matched } else { 0 })
            .is_some()
            || furniture_line(&b.text).is_some()
        {
            continue;
        }
        if !extractor_used {
            if any_article && !w.in_article(b) {
                continue;
            }
            let link_heavy = b.link_bytes * 2 > b.text.len();
            if link_heavy && (b.li || b.text.len() < 200) {
                continue;
            }
        }
        if last_kept == Some(b.text.as_str()) {
            continue;
        }
        if !text.is_empty() {
            let sep_orig = b.runs.first().map_or(0, |r| r.1);
            runs.push((text.len(), sep_orig));
            text.push_str("\n\n");
        }
        let base = text.len();
        runs.extend(b.runs.iter().map(|&(c, o)| (base + c, o)));
        text.push_str(&b.text);
        last_kept = Some(b.text.as_str());
    }
    Page {
        text,
        offsets: OffsetMap::from_runs(runs),
        meta: w.meta.finish(opts.url.clone()),
        extractor_used,
    }
}
