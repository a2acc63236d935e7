//! Alias matching: surnames, listed aliases, derived outlet forms, word boundaries, folding.

use std::path::Path;

use rift_kb::{AliasForm, EntityKind, Kb, Resolver};

const KB: &str = r#"
[[faction]]
id = "moderate"
name = "Rouhani faction"
aliases = ["Rouhani camp"]
note = "test"

[[actor]]
id = "khamenei"
name = "Ali Khamenei"
aliases = ["Khamenei'i", "the supreme leader"]
note = "test"

[[actor]]
id = "rouhani"
name = "Hassan Rouhani"
note = "test"

[[actor]]
id = "iran"
name = "Iran"
kind = "organisation"
note = "test: a one-word organisation, to test word boundaries"

[[actor]]
id = "ali-larijani"
name = "Ali Larijani"
note = "test"

[[actor]]
id = "sadegh-larijani"
name = "Sadegh Larijani"
note = "test"

[[outlet]]
id = "tadbir-omid"
name = "Tadbir & Omid"
note = "test"

[[outlet]]
id = "arman"
name = "Arman"
aliases = ["Arman-e Melli"]
note = "test"

[[outlet]]
id = "tasnim"
name = "Tasnim"
aliases = ["Tasnim News"]
note = "test"
"#;

fn resolver() -> Resolver {
    let (kb, _) = Kb::from_toml_str(KB, Path::new("test.toml")).unwrap();
    Resolver::new(&kb)
}

/// (matched text, kind, id) of every mention.
fn found(r: &Resolver, text: &str) -> Vec<(String, EntityKind, String)> {
    r.mentions(text)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_string(), m.entity.kind, m.entity.id))
        .collect()
}

fn m(s: &str, k: EntityKind, id: &str) -> (String, EntityKind, String) {
    (s.to_string(), k, id.to_string())
}

#[test]
fn surname_is_derived_from_a_person_name() {
    let r = resolver();
    let ms = r.mentions("Just a day after Khamenei said it");
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].entity.id, "khamenei");
    assert_eq!(ms[0].form, AliasForm::Surname);
    assert_eq!((ms[0].start, ms[0].end), (17, 25));
}

#[test]
fn full_name_and_aliases_win_over_the_surname() {
    let r = resolver();
    let text = "Iran regime supreme leader Ali Khamenei; later Khamenei’i spoke";
    assert_eq!(
        found(&r, text),
        vec![
            m("Iran", EntityKind::Actor, "iran"),
            m("Ali Khamenei", EntityKind::Actor, "khamenei"),
            m("Khamenei’i", EntityKind::Actor, "khamenei"),
        ]
    );
    let ms = r.mentions(text);
    assert_eq!(ms[1].form, AliasForm::Name);
    assert_eq!(ms[2].form, AliasForm::Alias);
}

#[test]
fn curly_and_straight_apostrophes_match_alike_and_possessives_stop_at_the_name() {
    let r = resolver();
    assert_eq!(
        found(&r, "Khamenei’s speech and Khamenei's faction"),
        vec![
            m("Khamenei", EntityKind::Actor, "khamenei"),
            m("Khamenei", EntityKind::Actor, "khamenei"),
        ]
    );
}

#[test]
fn outlet_suffix_forms_are_derived() {
    let r = resolver();
    assert_eq!(
        found(
            &r,
            "the Tadbir & Omid website wrote, Arman daily reported, Arman-e Melli newspaper said, \
             Tasnim news agency quoted"
        ),
        vec![
            m(
                "the Tadbir & Omid website",
                EntityKind::Outlet,
                "tadbir-omid"
            ),
            m("Arman daily", EntityKind::Outlet, "arman"),
            m("Arman-e Melli newspaper", EntityKind::Outlet, "arman"),
            m("Tasnim news agency", EntityKind::Outlet, "tasnim"),
        ]
    );
}

#[test]
fn matches_respect_word_boundaries() {
    let r = resolver();
    assert!(found(&r, "Iranian officials and Armanian rugs").is_empty());
    assert_eq!(
        found(&r, "the Iranian side; Iran's side; (Iran)"),
        vec![
            m("Iran", EntityKind::Actor, "iran"),
            m("Iran", EntityKind::Actor, "iran"),
        ]
    );
}

#[test]
fn a_longer_alias_failing_its_boundary_falls_back_to_a_shorter_one() {
    let r = resolver();
    // "Tasnim News" is followed by "letter": the shorter "Tasnim" still matches.
    assert_eq!(
        found(&r, "the Tasnim Newsletter"),
        vec![m("Tasnim", EntityKind::Outlet, "tasnim")]
    );
}

#[test]
fn factions_are_matched_and_longest_wins_over_the_person() {
    let r = resolver();
    assert_eq!(
        found(&r, "Arman daily affiliated to Rouhani faction"),
        vec![
            m("Arman daily", EntityKind::Outlet, "arman"),
            m("Rouhani faction", EntityKind::Faction, "moderate"),
        ]
    );
}

#[test]
fn a_surname_shared_by_two_people_is_ambiguous() {
    let r = resolver();
    let ms = r.mentions("Larijani said");
    assert_eq!(ms.len(), 1);
    assert!(ms[0].is_ambiguous());
    let mut ids = vec![ms[0].entity.id.clone(), ms[0].alternatives[0].id.clone()];
    ids.sort();
    assert_eq!(ids, ["ali-larijani", "sadegh-larijani"]);
    let full = r.mentions("Sadegh Larijani said");
    assert!(!full[0].is_ambiguous());
    assert_eq!(full[0].entity.id, "sadegh-larijani");
}

#[test]
fn offsets_map_back_through_multibyte_text() {
    let r = resolver();
    let text = "“Négociations” — Hassan  Rouhani’s view";
    let ms = r.mentions(text);
    assert_eq!(ms.len(), 1);
    assert_eq!(&text[ms[0].start..ms[0].end], "Hassan  Rouhani");
}
