use super::*;

const TEMPLATE: &str = include_str!("../../rift-ingest/tests/fixtures/seed-page.html");

fn body() -> String {
    let paras = [
        "Tehran, March 3, 2020In a speech on Monday, the minister spoke about the budget and the coming elections in the provinces.",
        "“We will balance the budget this year and we will not raise taxes on bread,” the minister told reporters at the ministry.",
        "Budget debate",
        "Opposition deputies said the plan was &ldquo;a fantasy&rdquo; and asked for an independent audit of the accounts before any vote.",
        "The vote is expected next week, after a second reading in the parliament&rsquo;s budget committee.",
    ];
    paras
        .iter()
        .map(|p| {
            if p.len() < 20 {
                format!("<h2>{p}</h2>\n")
            } else {
                format!("<p>{p}</p>\n")
            }
        })
        .collect()
}

fn page() -> (String, Page) {
    let html = TEMPLATE.replace("{{BODY}}", &body());
    let p = clean(
        &html,
        &Options {
            extractor: true,
            url: None,
        },
    );
    (html, p)
}

#[test]
fn article_text_without_furniture() {
    let (_, p) = page();
    assert!(p.extractor_used);
    let t = &p.text;
    assert!(t.contains("“We will balance the budget this year"), "{t}");
    assert!(t.contains("Tehran, March 3, 2020In a speech"), "{t}");
    assert!(t.contains("\n\nBudget debate\n\n"), "{t}");
    assert!(t.contains("“a fantasy”"), "{t}");
    for furniture in [
        "728 x 90",
        "Share this",
        "Tweet",
        "Negotiations are the only cure",
        "Great Satan",
        "ready to talk to America",
        "negotiations with the U.S. are possible",
        "Talks are treason",
        "We will not negotiate with America",
        "Sign up",
        "best Iran coverage",
        "All rights reserved",
        "Main menu",
        "Human Rights",
        "Tags:",
        "Leave a Reply",
        "said nobody",
    ] {
        assert!(!t.contains(furniture), "{furniture:?} kept in:\n{t}");
    }
}

#[test]
fn metadata_from_meta_tags_and_json_ld() {
    let (_, p) = page();
    assert_eq!(
        p.meta.title.as_deref(),
        Some("Iran and negotiations: Poison or Cure?")
    );
    assert_eq!(p.meta.site_name.as_deref(), Some("NCRI"));
    assert_eq!(p.meta.author.as_deref(), Some("PMOI/MEK"));
    assert_eq!(p.meta.published, rift_core::parse_date("2019-05-19"));
    assert_eq!(p.meta.language.as_deref(), Some("en"));
    assert!(p.meta.url.as_deref().unwrap().ends_with("poison-or-cure/"));
}

#[test]
fn offsets_point_back_into_the_page() {
    let (html, p) = page();
    let mut checked = 0;
    for (b, c) in p.text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        let o = p.offsets.original(b);
        let at = &html[o..];
        if at.starts_with('&') {
            // A character reference: it decodes to `c`.
            assert_eq!(tokenize::entity_at(at).map(|e| e.0), Some(c), "at {o}");
        } else {
            assert!(
                at.starts_with(c),
                "clean byte {b} ({c:?}) ↦ {o}: {:?}",
                &at[..at.len().min(20)]
            );
        }
        checked += 1;
    }
    assert!(checked > 300);
    let q = p.text.find("a fantasy").unwrap();
    let r = p.offsets.original_range(q..q + "a fantasy".len());
    assert_eq!(&html[r], "a fantasy");
}

#[test]
fn fragment_without_extractor() {
    let html = "<p>First paragraph of a feed item, long enough to count as text.</p><p>The post <a href='x'>Title</a> appeared first on <a href='y'>Site</a>.</p><div class='share'>Share on Twitter</div><ul><li><a href='/a'>A related link</a></li></ul>";
    let p = clean(html, &Options::default());
    assert!(!p.extractor_used);
    assert!(p.text.starts_with("First paragraph"));
    assert!(!p.text.contains("Share on"));
    assert!(!p.text.contains("related link"));
}

#[test]
fn furniture_lines() {
    for l in [
        "728 x 90",
        "300×250",
        "Advertisement",
        "Share this:",
        "12 Comments",
        "© 2019 NCRI",
    ] {
        assert!(furniture_line(l).is_some(), "{l}");
    }
    for l in [
        "He said: “Share the wealth.”",
        "Comments by Hermidas Bavand were published.",
    ] {
        assert!(furniture_line(l).is_none(), "{l}");
    }
}

#[test]
fn hostile_input_does_not_panic() {
    for html in [
        "",
        "<",
        "<html><body><p>unclosed",
        "</p></p></div>",
        "<script>never closed",
        "<p>a &#0; &#x110000; &am b</p>",
        "<div class=\"share\"><div class=\"share\">x</div>",
        "<p>\u{feff}é\u{200d}</p>",
    ] {
        let p = clean(
            html,
            &Options {
                extractor: true,
                url: None,
            },
        );
        let _ = p.offsets.original(p.text.len());
    }
}

#[test]
#[ignore]
fn show() {
    let (_, p) = page();
    eprintln!("{}\n{:?}", p.text, p.meta);
}
