//! Roles at a date, ties over time, parent factions, and the resolve() rules that use them.

use std::path::Path;

use rift_core::{
    parse_date, Article, Source, SourceType, Span, Statement, StatementKind, TieSubject,
};
use rift_kb::{Kb, Resolver};

const KB: &str = r#"
[[faction]]
id = "hardline"
name = "Hardliners"
note = "t"
[[faction]]
id = "irgc-basij"
name = "IRGC and Basij"
parent = "hardline"
note = "t"
[[faction]]
id = "moderate"
name = "Rouhani faction"
note = "t"

[[actor]]
id = "velayati"
name = "Ali Akbar Velayati"
note = "t"
[[actor.roles]]
title = "foreign minister"
to = 1997-08-19

[[actor]]
id = "kharrazi"
name = "Kamal Kharrazi"
note = "t"
[[actor.roles]]
title = "foreign minister"
from = 1997-08-20
to = 2005-08-24

[[actor]]
id = "zarif"
name = "Mohammad Javad Zarif"
note = "t"
[[actor.roles]]
title = "foreign minister"
from = 2013-08-15
to = 2021-08-25

[[actor]]
id = "amir-abdollahian"
name = "Hossein Amir-Abdollahian"
note = "t"
[[actor.roles]]
title = "foreign minister"
from = 2021-08-25
to = 2024-05-19

[[actor]]
id = "rouhani"
name = "Hassan Rouhani"
note = "t"
[[actor.roles]]
title = "president"
from = 2013-08-03
to = 2021-08-03

[[actor]]
id = "trump"
name = "Donald Trump"
note = "t"
[[actor.roles]]
title = "US president"
from = 2017-01-20
to = 2021-01-20

[[actor]]
id = "larijani"
name = "Ali Larijani"
note = "t"

[[actor]]
id = "kosari"
name = "Esmael Kosari"
note = "t"

[[outlet]]
id = "daneshjoo"
name = "Daneshjoo"
note = "t"
[[outlet]]
id = "iranian-diplomacy"
name = "Iranian Diplomacy"
note = "t"

[[tie]]
actor = "larijani"
faction = "hardline"
to = 2013-08-02
note = "t"
[[tie]]
actor = "larijani"
faction = "moderate"
from = 2013-08-03
to = 2020-05-27
note = "t"
[[tie]]
actor = "kosari"
faction = "hardline"
note = "t"
[[tie]]
actor = "kosari"
faction = "irgc-basij"
note = "t"
[[tie]]
outlet = "daneshjoo"
faction = "irgc-basij"
note = "t"
"#;

fn resolver() -> Resolver {
    let (kb, _) = Kb::from_toml_str(KB, Path::new("t.toml")).unwrap();
    Resolver::new(&kb)
}

fn stmt(source: &str, name: Option<&str>, span: Option<Span>, date: Option<&str>) -> Statement {
    Statement {
        article: "a".into(),
        kind: StatementKind::Indirect,
        text: "x".into(),
        span: Span::new(0, 1),
        cue: None,
        source: Source {
            text: source.into(),
            span,
            name: name.map(str::to_string),
            actor: None,
            kind: SourceType::Person,
        },
        outlet: None,
        date: date.and_then(parse_date),
        stance: vec![],
    }
}

fn resolved(r: &Resolver, article: &Article, st: Statement) -> Option<String> {
    let mut v = vec![st];
    r.resolve(article, &mut v);
    v.pop().unwrap().source.actor
}

#[test]
fn a_person_who_changed_camps_counts_for_each_camp_in_its_own_period() {
    let r = resolver();
    let l = TieSubject::Actor("larijani".into());
    assert_eq!(r.factions_of(&l, parse_date("2010-05-01")), ["hardline"]);
    assert_eq!(r.factions_of(&l, parse_date("2013-08-02")), ["hardline"]);
    assert_eq!(r.factions_of(&l, parse_date("2013-08-03")), ["moderate"]);
    assert_eq!(r.factions_of(&l, parse_date("2019-05-15")), ["moderate"]);
    assert!(r.factions_of(&l, parse_date("2021-01-01")).is_empty());
    // Unknown date: every tie counts.
    assert_eq!(r.factions_of(&l, None), ["hardline", "moderate"]);
}

#[test]
fn parents_follow_the_most_specific_faction_without_duplicates() {
    let r = resolver();
    assert_eq!(
        r.factions_of(
            &TieSubject::Outlet("daneshjoo".into()),
            parse_date("2019-05-15")
        ),
        ["irgc-basij", "hardline"]
    );
    assert_eq!(
        r.factions_of(&TieSubject::Actor("kosari".into()), None),
        ["irgc-basij", "hardline"]
    );
    assert!(r
        .factions_of(&TieSubject::Actor("zarif".into()), None)
        .is_empty());
}

#[test]
fn role_only_mentions_resolve_to_the_holder_on_the_date() {
    let r = resolver();
    let mut a = Article::new("a", "text");
    a.published = parse_date("2019-05-19");
    let s = |t: &str, d: Option<&str>| stmt(t, None, None, d);
    assert_eq!(
        resolved(&r, &a, s("Iran's foreign minister", None)).as_deref(),
        Some("zarif")
    );
    assert_eq!(
        resolved(&r, &a, s("the foreign minister", Some("2022-03-01"))).as_deref(),
        Some("amir-abdollahian")
    );
    assert_eq!(
        resolved(
            &r,
            &a,
            s("the minister of foreign affairs", Some("2000-01-01"))
        )
        .as_deref(),
        Some("kharrazi")
    );
    // Handover day: two holders, no guess.
    assert_eq!(
        resolved(&r, &a, s("the foreign minister", Some("2021-08-25"))),
        None
    );
    // Former: before the date. Velayati and Kharrazi both fit in 2019 → unresolved …
    assert_eq!(
        resolved(&r, &a, s("the former foreign minister", None)),
        None
    );
    // … but only Velayati had left office by 2000.
    assert_eq!(
        resolved(&r, &a, s("the former foreign minister", Some("2000-01-01"))).as_deref(),
        Some("velayati")
    );
    // The longest title wins: "US president" is Trump, a bare "president" is Rouhani.
    assert_eq!(
        resolved(&r, &a, s("the US president", None)).as_deref(),
        Some("trump")
    );
    assert_eq!(
        resolved(&r, &a, s("Iran's president", None)).as_deref(),
        Some("rouhani")
    );
    assert_eq!(
        resolved(&r, &a, s("Iran's president", Some("2023-01-01"))),
        None
    );
}

#[test]
fn the_website_is_the_last_outlet_mentioned_before_the_source() {
    let r = resolver();
    let text = "Daneshjoo reported X. The Iranian Diplomacy website published Y. \"Z,\" the website wrote.";
    let a = Article::new("a", text);
    let b = text.find("the website").unwrap();
    let span = Span::new(b, b + "the website".len()); // ASCII: bytes = chars
    let mut v = vec![stmt("the website", None, Some(span), None)];
    r.resolve(&a, &mut v);
    assert_eq!(v[0].source.actor.as_deref(), Some("iranian-diplomacy"));
    assert_eq!(v[0].source.kind, SourceType::Outlet);
    assert_eq!(
        v[0].outlet.as_ref().unwrap().id.as_deref(),
        Some("iranian-diplomacy")
    );

    // Placed before the Iranian Diplomacy mention, it is Daneshjoo.
    let b = text.find("reported").unwrap();
    let mut v = vec![stmt("the daily", None, Some(Span::new(b, b + 1)), None)];
    r.resolve(&a, &mut v);
    assert_eq!(v[0].source.actor.as_deref(), Some("daneshjoo"));

    // No outlet before it: left unresolved, text kept.
    let mut v = vec![stmt("the website", None, Some(Span::new(0, 1)), None)];
    r.resolve(&a, &mut v);
    assert_eq!(v[0].source.actor, None);
    assert_eq!(v[0].source.text, "the website");
}

#[test]
fn descriptive_mentions_resolve_to_their_head() {
    let r = resolver();
    let a = Article::new("a", "t");
    let s = |t: &str| stmt(t, None, None, None);
    assert_eq!(
        resolved(
            &r,
            &a,
            s("Kamal Kharrazi, a former minister and one of Zarif's allies")
        )
        .as_deref(),
        Some("kharrazi")
    );
    assert_eq!(
        resolved(&r, &a, s("Zarif's deputy Kosari")).as_deref(),
        Some("kosari")
    );
    assert_eq!(
        resolved(
            &r,
            &a,
            s("the Daneshjoo website affiliated to the IRGC and Basij")
        )
        .as_deref(),
        Some("daneshjoo")
    );
    // A faction alone is not a speaker.
    assert_eq!(resolved(&r, &a, s("the Rouhani faction")), None);
    // source.name wins over the mention ("he" + antecedent).
    assert_eq!(
        resolved(&r, &a, stmt("he", Some("Kamal Kharrazi"), None, None)).as_deref(),
        Some("kharrazi")
    );
}

#[test]
fn resolve_is_idempotent() {
    let r = resolver();
    let a = Article::new("a", "t");
    let mut v = vec![stmt("Zarif", None, None, None)];
    r.resolve(&a, &mut v);
    let once = v.clone();
    r.resolve(&a, &mut v);
    assert_eq!(v, once);
    assert_eq!(v[0].source.name.as_deref(), Some("Mohammad Javad Zarif"));
    assert_eq!(
        r.subject_of(&v[0].source),
        Some(TieSubject::Actor("zarif".into()))
    );
}
