//! Role and title mentions are resolved at the statement's date, ambiguity is reported, and a
//! person who changed camps counts for each camp in its own period — on the bundled examples.

use std::path::Path;

use rift_core::{
    parse_date, Article, Date, Source, SourceType, Span, Statement, StatementKind, TieSubject,
};
use rift_kb::{check, AmbiguityKind, EntityKind, Kb, Project, Resolution, Resolver};

const IRAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iran-2019");
const US: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/us-2016");

fn resolver(dir: &str) -> Resolver {
    Resolver::new(&Project::load(dir).expect("example loads").kb)
}

fn d(s: &str) -> Option<Date> {
    parse_date(s)
}

fn who(r: &Resolver, mention: &str, date: &str) -> Option<String> {
    r.resolve_mention(mention, d(date))
        .entity()
        .map(|e| e.id.clone())
}

fn stmt(source: &str) -> Statement {
    Statement {
        article: "a".into(),
        kind: StatementKind::Direct,
        text: "x".into(),
        span: Span::new(0, 1),
        cue: None,
        source: Source {
            text: source.into(),
            span: None,
            name: None,
            actor: None,
            kind: SourceType::Person,
        },
        outlet: None,
        date: None,
        stance: vec![],
    }
}

#[test]
fn the_supreme_leader_is_whoever_held_the_role_on_the_date() {
    let r = resolver(IRAN);
    assert_eq!(
        who(&r, "the supreme leader", "2019-05-14").as_deref(),
        Some("khamenei")
    );
    assert_eq!(
        who(&r, "Iran's supreme leader", "1988-07-18").as_deref(),
        Some("khomeini")
    );
    assert_eq!(
        who(&r, "the supreme leader", "1989-06-03").as_deref(),
        Some("khomeini")
    );
    assert_eq!(
        who(&r, "the supreme leader", "1989-06-04").as_deref(),
        Some("khamenei")
    );
    // No date at all: both held it at some time → reported, not guessed.
    match r.resolve_mention("the supreme leader", None) {
        Resolution::Ambiguous { kind, candidates } => {
            assert_eq!(kind, AmbiguityKind::Role);
            let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids, ["khamenei", "khomeini"]);
        }
        other => panic!("{other:?}"),
    }
    // "president" in 1985 was Khamenei, in 2019 Rouhani.
    assert_eq!(
        who(&r, "the president", "1985-01-01").as_deref(),
        Some("khamenei")
    );
    assert_eq!(
        who(&r, "the president", "2019-05-15").as_deref(),
        Some("rouhani")
    );
}

#[test]
fn a_role_alias_is_not_matched_as_a_name_and_check_says_so() {
    let kb = r#"
[[actor]]
id = "khamenei"
name = "Ali Khamenei"
aliases = ["the supreme leader"]
note = "t"
[[actor.roles]]
title = "supreme leader"
from = 1989-06-04
[[actor]]
id = "khomeini"
name = "Ruhollah Khomeini"
note = "t"
[[actor.roles]]
title = "supreme leader"
from = 1979-12-03
to = 1989-06-03
"#;
    let (kb, origins) = Kb::from_toml_str(kb, Path::new("kb.toml")).unwrap();
    let r = Resolver::new(&kb);
    assert!(r.mentions("the supreme leader said").is_empty());
    assert_eq!(
        who(&r, "the supreme leader", "1988-01-01").as_deref(),
        Some("khomeini")
    );
    assert_eq!(
        who(&r, "the supreme leader", "2019-01-01").as_deref(),
        Some("khamenei")
    );
    let project = Project {
        kb,
        origins,
        ..Default::default()
    };
    let diags: Vec<String> = check(&project).iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diags,
        ["kb.toml:2: warning: actor `khamenei`: alias `the supreme leader` is a role title; it is not matched as a name but resolved to whoever holds the role on the statement's date"]
    );
}

#[test]
fn us_titles_resolve_by_date_and_only_in_the_mention_head() {
    let r = resolver(US);
    assert_eq!(
        who(&r, "the president", "2016-09-12").as_deref(),
        Some("obama")
    );
    assert_eq!(
        who(&r, "the president", "1998-01-01").as_deref(),
        Some("bill-clinton")
    );
    assert_eq!(
        who(&r, "the vice president", "2016-01-05").as_deref(),
        Some("biden")
    );
    assert_eq!(
        who(&r, "The Republican nominee", "2016-09-20").as_deref(),
        Some("trump")
    );
    assert_eq!(
        who(&r, "the Democratic nominee", "2016-08-01").as_deref(),
        Some("hillary-clinton")
    );
    // Before the conventions there was no nominee.
    assert_eq!(who(&r, "the Republican nominee", "2016-03-01"), None);
    assert_eq!(
        who(&r, "the secretary of state", "2016-03-01").as_deref(),
        Some("kerry")
    );
    assert_eq!(
        who(&r, "the former secretary of state", "2016-03-01").as_deref(),
        Some("hillary-clinton")
    );
    assert_eq!(
        who(&r, "Obama's secretary of state", "2016-03-01").as_deref(),
        Some("kerry")
    );
    assert_eq!(
        who(&r, "the House speaker", "2015-06-01").as_deref(),
        Some("boehner")
    );
    assert_eq!(
        who(&r, "the House speaker", "2016-06-01").as_deref(),
        Some("ryan")
    );
    // A title after a connector is not the speaker: an aide is not the president.
    assert_eq!(who(&r, "an aide to the president", "2016-09-12"), None);
    assert_eq!(
        who(&r, "a spokesman for the secretary of state", "2016-09-12"),
        None
    );
}

#[test]
fn ambiguous_sources_are_reported_with_their_candidates() {
    let r = resolver(US);
    let mut a = Article::new("a", "Bush spoke. Clinton spoke. The House speaker spoke.");
    a.published = d("2015-10-29");
    let mut sts = vec![
        stmt("Bush"),
        stmt("Clinton"),
        stmt("the House speaker"),
        stmt("a voter"),
    ];
    let report = r.resolve_reporting(&a, &mut sts);
    // `Clinton` is listed as Hillary Clinton's alias: it beats Bill Clinton's derived surname.
    assert_eq!(sts[1].source.actor.as_deref(), Some("hillary-clinton"));
    assert_eq!(sts[0].source.actor, None);
    assert_eq!(sts[2].source.actor, None);
    let got: Vec<(usize, AmbiguityKind, Vec<&str>)> = report
        .iter()
        .map(|x| {
            (
                x.statement,
                x.kind,
                x.candidates.iter().map(|c| c.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (0, AmbiguityKind::Alias, vec!["george-w-bush", "jeb-bush"]),
            // Handover day: Boehner's last and Ryan's first (candidates in KB order).
            (2, AmbiguityKind::Role, vec!["ryan", "boehner"]),
        ]
    );
    assert!(report
        .iter()
        .all(|x| x.candidates.iter().all(|c| c.kind == EntityKind::Actor)));
}

#[test]
fn people_who_changed_camps_count_for_each_camp_in_its_own_period() {
    let r = resolver(US);
    let f = |id: &str, date: &str| r.factions_of(&TieSubject::Actor(id.into()), d(date));
    assert_eq!(
        f("sanders", "2016-03-01"),
        ["sanders-campaign", "democratic"]
    );
    assert_eq!(f("sanders", "2016-09-01"), ["democratic"]);
    assert_eq!(f("christie", "2016-01-15"), ["republican"]);
    assert_eq!(
        f("christie", "2016-06-01"),
        ["trump-campaign", "republican"]
    );
    assert_eq!(f("gary-johnson", "2010-06-01"), ["republican"]);
    assert_eq!(f("gary-johnson", "2016-06-01"), ["libertarian"]);
    assert_eq!(f("trump", "2005-01-01"), ["democratic"]);
    assert_eq!(f("trump", "2016-01-01"), ["trump-campaign", "republican"]);
    assert_eq!(f("romney", "2016-01-01"), ["republican"]);
    assert_eq!(f("romney", "2016-04-01"), ["never-trump", "republican"]);
    // An outlet's endorsement counts from its date.
    let o = |id: &str, date: &str| r.factions_of(&TieSubject::Outlet(id.into()), d(date));
    assert!(o("nyt", "2016-09-01").is_empty());
    assert_eq!(o("nyt", "2016-09-30"), ["clinton-campaign", "democratic"]);
}

#[test]
fn namesakes_and_people_described_through_a_kb_actor_are_not_the_actor() {
    let r = resolver(US);
    let date = "2016-09-20";
    for (mention, want) in [
        ("Ivanka Trump", None),
        ("Chelsea Clinton", None),
        ("Tom Clarke", None),
        ("Donald Trump Jr.", None),
        ("Stein spokeswoman Melezia Figueroa", None),
        ("the Clinton Foundation", None),
        ("The Obama administration", None),
        ("Trump aides", None),
        ("Don Fowler, who helmed the DNC from 1995 to 1997", None),
        (
            "David Plouffe, the architect of Obama’s 2008 campaign",
            None,
        ),
        ("Mr. Trump", Some("trump")),
        ("Republican nominee Donald Trump", Some("trump")),
        (
            "Sen. Bernie Sanders (Vt.), who lost the Democratic primaries to Clinton,",
            Some("sanders"),
        ),
        (
            "Trump campaign spokesman Jason Miller",
            Some("jason-miller"),
        ),
        (
            "Hillary Clinton’s campaign manager Robby Mook",
            Some("mook"),
        ),
        ("Clinton", Some("hillary-clinton")),
    ] {
        assert_eq!(who(&r, mention, date).as_deref(), want, "{mention}");
    }
    // The extractor may link `one of Mr. Obama's climate advisers` to Obama: the mention says
    // it is someone else.
    let mut a = Article::new("a", "x");
    a.published = d(date);
    let mut st = stmt("Mr. Obama's climate advisers");
    st.source.name = Some("Barack Obama".into());
    let mut ivanka = stmt("Ivanka Trump");
    ivanka.source.name = Some("Donald Trump".into());
    let mut admin = stmt("the Obama administration");
    admin.source.name = Some("Barack Obama".into());
    let mut v = vec![st, stmt("Obama's secretary of state"), ivanka, admin];
    r.resolve(&a, &mut v);
    assert_eq!(v[0].source.actor, None);
    assert_eq!(v[1].source.actor.as_deref(), Some("kerry"));
    assert_eq!(v[2].source.actor, None);
    assert_eq!(v[3].source.actor, None);

    // An article naming only a namesake (`Tom Clarke`): its bare `Clarke` is not the KB's
    // David Clarke; where the KB actor is named in full, the surname is his.
    let mut a = Article::new("a", "Tom Clarke owns mines. Mr. Clarke said so.");
    a.published = d(date);
    let mut v = vec![stmt("Mr. Clarke")];
    r.resolve(&a, &mut v);
    assert_eq!(v[0].source.actor, None);
    let mut a = Article::new(
        "a",
        "Sheriff David Clarke spoke. Tom Clarke did not. Clarke said so.",
    );
    a.published = d(date);
    let mut v = vec![stmt("Clarke")];
    r.resolve(&a, &mut v);
    assert_eq!(v[0].source.actor.as_deref(), Some("david-clarke"));
}
