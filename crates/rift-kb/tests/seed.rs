//! The bundled Iran 2019 project: it loads, checks clean, and resolves the seed article's
//! statements (built by hand the way `rift-extract` fills them).

use rift_core::{Article, OutletRef, Source, SourceType, Span, Statement, StatementKind};
use rift_kb::{check, Project, Resolver, Severity};

const PROJECT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iran-2019");
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/seed/poison-or-cure.txt"
);

/// Expected (actor id, canonical name, kind, outlet id).
type Want = (
    Option<&'static str>,
    Option<&'static str>,
    SourceType,
    Option<&'static str>,
);

fn project() -> Project {
    Project::load(PROJECT).expect("example project loads")
}

fn article() -> Article {
    let text = std::fs::read_to_string(SEED).expect("seed article");
    let mut a = Article::new("poison-or-cure", text);
    a.published = rift_core::parse_date("2019-05-19");
    a
}

fn char_span(text: &str, byte: usize, len: usize) -> Span {
    let start = text[..byte].chars().count();
    Span::new(start, start + text[byte..byte + len].chars().count())
}

/// A statement whose content is `quote` and whose source mention is the occurrence of `mention`
/// nearest to it, as the extractor would fill it.
fn statement(a: &Article, quote: &str, mention: &str, name: Option<&str>) -> Statement {
    let qb = a
        .text
        .find(quote)
        .unwrap_or_else(|| panic!("quote {quote:?}"));
    let mb = a
        .text
        .match_indices(mention)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(qb))
        .unwrap_or_else(|| panic!("mention {mention:?}"));
    Statement {
        article: a.id.clone(),
        kind: StatementKind::Direct,
        text: quote.to_string(),
        span: char_span(&a.text, qb, quote.len()),
        cue: None,
        source: Source {
            text: mention.to_string(),
            span: Some(char_span(&a.text, mb, mention.len())),
            name: name.map(str::to_string),
            actor: None,
            kind: SourceType::Person,
        },
        outlet: None,
        date: None,
        stance: Vec::new(),
    }
}

#[test]
fn example_project_loads_and_checks_without_errors() {
    let p = project();
    assert!(p.kb.actors.len() >= 40, "{} actors", p.kb.actors.len());
    assert!(p.kb.outlets.len() >= 30, "{} outlets", p.kb.outlets.len());
    assert!(!p.issues.is_empty());
    let diags = check(&p);
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Every fact carries a note, so there is no missing-note warning either.
    let notes: Vec<String> = diags
        .iter()
        .filter(|d| d.message.contains("no note"))
        .map(|d| d.to_string())
        .collect();
    assert!(notes.is_empty(), "{notes:#?}");
    // The reference actor of the hardline faction is the issues' reference and has no tie.
    let hardline = p.kb.faction("hardline").unwrap();
    let reference = hardline.reference.as_deref().unwrap();
    assert_eq!(p.kb.actor(reference).unwrap().name, "Ali Khamenei");
    assert!(p
        .issues
        .iter()
        .all(|i| i.reference.as_deref() == Some(reference)));
    assert_eq!(
        p.kb.ties_of(&rift_core::TieSubject::Actor(reference.into()))
            .count(),
        0
    );
}

#[test]
fn seed_statements_resolve_to_kb_actors_and_outlets() {
    let p = project();
    let r = Resolver::new(&p.kb);
    let a = article();
    let mut sts = vec![
        statement(
            &a,
            "There isn’t going to be any war",
            "Iran regime supreme leader Ali Khamenei",
            Some("Ali Khamenei"),
        ),
        statement(&a, "Negotiation is poison", "Khamenei", None),
        statement(
            &a,
            "Tehran must free some",
            "Bavand",
            Some("Hermidas Bavand"),
        ),
        statement(
            &a,
            "Iran must engage in a series",
            "Arman daily affiliated to Rouhani faction",
            None,
        ),
        statement(
            &a,
            "in a logical and calculated measure",
            "The Iranian Diplomacy website",
            None,
        ),
        statement(
            &a,
            "Meanwhile, maintaining a strategic",
            "the website",
            None,
        ),
        statement(&a, "negotiations as something", "Esmael Kosari", None),
        statement(
            &a,
            "If the negotiations were only once",
            "the Tadbir & Omid website",
            None,
        ),
        statement(
            &a,
            "for dialogue we have a positive approach",
            "[US President] Donald Trump",
            None,
        ),
        statement(
            &a,
            "The first step is for the U.S",
            "he",
            Some("Kamal Kharrazi"),
        ),
        statement(
            &a,
            "Europe’s possible attempt",
            "the Entekhab website",
            None,
        ),
        statement(&a, "Europe was kicking the ball", "Fararoo website", None),
        statement(&a, "we can’t expect much from Europe", "Khamenei’s", None),
        statement(
            &a,
            "we must even accept the disgrace",
            "some regime elements",
            None,
        ),
    ];
    sts[2].outlet = Some(OutletRef {
        id: None,
        name: "Arman daily".into(),
    });
    sts[9].outlet = Some(OutletRef {
        id: None,
        name: "the Daneshjoo website".into(),
    });
    sts[13].source.kind = SourceType::Group;
    r.resolve(&a, &mut sts);

    let want: [Want; 14] = [
        (
            Some("khamenei"),
            Some("Ali Khamenei"),
            SourceType::Person,
            None,
        ),
        (
            Some("khamenei"),
            Some("Ali Khamenei"),
            SourceType::Person,
            None,
        ),
        (
            Some("bavand"),
            Some("Hermidas Bavand"),
            SourceType::Person,
            Some("arman"),
        ),
        (
            Some("arman"),
            Some("Arman"),
            SourceType::Outlet,
            Some("arman"),
        ),
        (
            Some("iranian-diplomacy"),
            Some("Iranian Diplomacy"),
            SourceType::Outlet,
            Some("iranian-diplomacy"),
        ),
        (
            Some("iranian-diplomacy"),
            Some("Iranian Diplomacy"),
            SourceType::Outlet,
            Some("iranian-diplomacy"),
        ),
        (
            Some("kosari"),
            Some("Esmael Kosari"),
            SourceType::Person,
            None,
        ),
        (
            Some("tadbir-omid"),
            Some("Tadbir & Omid"),
            SourceType::Outlet,
            Some("tadbir-omid"),
        ),
        (
            Some("trump"),
            Some("Donald Trump"),
            SourceType::Person,
            None,
        ),
        (
            Some("kharrazi"),
            Some("Kamal Kharrazi"),
            SourceType::Person,
            Some("daneshjoo"),
        ),
        (
            Some("entekhab"),
            Some("Entekhab"),
            SourceType::Outlet,
            Some("entekhab"),
        ),
        (
            Some("fararu"),
            Some("Fararu"),
            SourceType::Outlet,
            Some("fararu"),
        ),
        (
            Some("khamenei"),
            Some("Ali Khamenei"),
            SourceType::Person,
            None,
        ),
        (None, None, SourceType::Group, None),
    ];
    for (st, (id, name, kind, outlet)) in sts.iter().zip(want) {
        let what = &st.source.text;
        assert_eq!(st.source.actor.as_deref(), id, "{what}");
        assert_eq!(st.source.name.as_deref(), name, "{what}");
        assert_eq!(st.source.kind, kind, "{what}");
        assert_eq!(
            st.outlet.as_ref().and_then(|o| o.id.as_deref()),
            outlet,
            "{what}"
        );
    }
    // Unknown speakers keep their mention.
    assert_eq!(sts[13].source.text, "some regime elements");
    // Resolved outlets carry the KB's canonical name.
    assert_eq!(sts[2].outlet.as_ref().unwrap().name, "Arman");
    assert_eq!(sts[9].outlet.as_ref().unwrap().name, "Daneshjoo");
}

#[test]
fn seed_speakers_map_to_the_factions_the_article_gives() {
    let p = project();
    let r = Resolver::new(&p.kb);
    let d = rift_core::parse_date("2019-05-15");
    let of_actor = |id: &str| r.factions_of(&rift_core::TieSubject::Actor(id.into()), d);
    let of_outlet = |id: &str| r.factions_of(&rift_core::TieSubject::Outlet(id.into()), d);
    assert_eq!(of_outlet("arman"), ["moderate"]);
    assert_eq!(of_outlet("iranian-diplomacy"), ["moderate"]);
    assert_eq!(of_outlet("tadbir-omid"), ["hardline"]);
    assert_eq!(of_outlet("daneshjoo"), ["irgc-basij", "hardline"]);
    assert_eq!(of_outlet("entekhab"), ["reformist"]);
    assert_eq!(of_actor("kosari"), ["hardline"]);
    assert_eq!(of_actor("kharrazi"), ["hardline"]);
    assert_eq!(of_actor("abolfath"), ["moderate"]);
    assert!(of_actor("khamenei").is_empty());
    assert!(of_actor("bavand").is_empty());
    assert!(of_actor("trump").is_empty());
    // IRNA followed the government of the day.
    assert_eq!(of_outlet("irna"), ["moderate"]);
    assert_eq!(
        r.factions_of(
            &rift_core::TieSubject::Outlet("irna".into()),
            rift_core::parse_date("2022-01-01")
        ),
        ["hardline"]
    );
}

#[test]
fn article_outlet_fills_statements_without_one() {
    let p = project();
    let r = Resolver::new(&p.kb);
    let mut a = article();
    let base = statement(&a, "Negotiation is poison", "Khamenei", None);

    a.url = Some("https://www.kayhan.ir/en/news/12345".into());
    let mut sts = vec![base.clone()];
    r.resolve(&a, &mut sts);
    assert_eq!(
        sts[0].outlet,
        Some(OutletRef {
            id: Some("kayhan".into()),
            name: "Kayhan".into()
        })
    );

    a.outlet = Some("Tasnim News Agency".into());
    let mut sts = vec![base.clone()];
    r.resolve(&a, &mut sts);
    assert_eq!(
        sts[0].outlet.as_ref().unwrap().id.as_deref(),
        Some("tasnim")
    );

    // An outlet name the KB does not know gives way to a known URL domain…
    a.outlet = Some("The Example Times".into());
    let mut sts = vec![base.clone()];
    r.resolve(&a, &mut sts);
    assert_eq!(
        sts[0].outlet.as_ref().unwrap().id.as_deref(),
        Some("kayhan")
    );
    // …and is kept as it is when the URL tells nothing either.
    a.url = Some("https://unknown.example.org/a".into());
    let mut sts = vec![base.clone()];
    r.resolve(&a, &mut sts);
    assert_eq!(
        sts[0].outlet,
        Some(OutletRef {
            id: None,
            name: "The Example Times".into()
        })
    );

    a.outlet = None;
    a.url = Some("https://unknown.example.org/a".into());
    let mut sts = vec![base];
    r.resolve(&a, &mut sts);
    assert_eq!(
        sts[0].outlet,
        Some(OutletRef {
            id: None,
            name: "unknown.example.org".into()
        })
    );
}
