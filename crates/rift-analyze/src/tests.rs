//! Tests on small synthetic rows and on the seed article's gold statements.

use rift_core::{OutletRef, Source, SourceType, Span, Stance, Statement, StatementKind};
use rift_store::FactionTag;
use serde_json::Value;

use super::*;

const ISSUE: &str = "talks";

fn issue() -> IssueConfig {
    IssueConfig {
        id: ISSUE.into(),
        question: "Should they talk?".into(),
        terms: vec!["talk*".into()],
        reference: Some("leader".into()),
        ..Default::default()
    }
}

/// Builder for one synthetic statement row.
struct R {
    actor: Option<&'static str>,
    mention: &'static str,
    text: &'static str,
    outlet: Option<(Option<&'static str>, &'static str)>,
    stance: Option<(StanceLabel, f64)>,
    tags: Vec<FactionTag>,
}

fn r(actor: Option<&'static str>, text: &'static str, label: StanceLabel) -> R {
    R {
        actor,
        mention: actor.unwrap_or("someone"),
        text,
        outlet: None,
        stance: Some((label, label.default_score())),
        tags: vec![],
    }
}

impl R {
    fn tag(mut self, faction: &str, via: TieVia) -> Self {
        self.tags.push(FactionTag::new(faction, via));
        self
    }
    fn outlet(mut self, id: Option<&'static str>, name: &'static str) -> Self {
        self.outlet = Some((id, name));
        self
    }
    fn mention(mut self, m: &'static str) -> Self {
        self.mention = m;
        self
    }
    fn score(mut self, score: f64) -> Self {
        self.stance = self.stance.map(|(l, _)| (l, score));
        self
    }
    fn build(self, i: usize) -> StatementRow {
        StatementRow {
            id: i as i64 + 1,
            article_id: 1,
            ordinal: i as u32,
            statement: Statement {
                article: "a".into(),
                kind: StatementKind::Direct,
                text: self.text.into(),
                span: Span::new(0, self.text.chars().count()),
                cue: None,
                source: Source {
                    text: self.mention.into(),
                    span: None,
                    name: Some(self.mention.into()),
                    actor: self.actor.map(str::to_string),
                    kind: SourceType::Person,
                },
                outlet: self.outlet.map(|(id, name)| OutletRef {
                    id: id.map(str::to_string),
                    name: name.into(),
                }),
                date: None,
                stance: self
                    .stance
                    .into_iter()
                    .map(|(label, score)| Stance {
                        issue: ISSUE.into(),
                        label,
                        score,
                        confidence: 1.0,
                        evidence: vec![],
                        by: "rules".into(),
                    })
                    .collect(),
            },
            factions: self.tags,
            article_title: None,
            article_url: None,
        }
    }
}

fn rows(rs: Vec<R>) -> Vec<StatementRow> {
    rs.into_iter()
        .enumerate()
        .map(|(i, r)| r.build(i))
        .collect()
}

fn faction(id: &str, parent: Option<&str>) -> Faction {
    Faction {
        id: id.into(),
        name: format!("{id} camp"),
        parent: parent.map(str::to_string),
        ..Default::default()
    }
}

fn names() -> NameLookup {
    NameLookup::new(
        &[
            faction("hard", None),
            faction("guard", Some("hard")),
            faction("soft", None),
        ],
        &[Actor {
            id: "leader".into(),
            name: "The Leader".into(),
            ..Default::default()
        }],
        &[Outlet {
            id: "daily".into(),
            name: "The Daily".into(),
            ..Default::default()
        }],
    )
}

fn group<'a>(p: &'a Positions, id: &str) -> &'a GroupPosition {
    p.groups
        .iter()
        .find(|g| g.id == id)
        .unwrap_or_else(|| panic!("no group {id} in {:?}", p.groups))
}

fn ids(p: &Positions) -> Vec<&str> {
    p.groups.iter().map(|g| g.id.as_str()).collect()
}

use StanceLabel::{Against, Conditional, Favor, Neutral};
use TieVia::{Outlet as ViaOutlet, Speaker as ViaSpeaker};

#[test]
fn means_counts_labels_and_divergence() {
    let rs = rows(vec![
        r(Some("leader"), "No talks.", Against),
        r(Some("a"), "Talk now.", Favor).tag("soft", ViaSpeaker),
        r(Some("b"), "Talk if they pay.", Conditional).tag("soft", ViaSpeaker),
        r(Some("c"), "Talk, with conditions.", Conditional).tag("hard", ViaSpeaker),
        r(Some("d"), "Talk? Never.", Against).tag("hard", ViaSpeaker),
    ]);
    let p = positions(
        &rs,
        &issue(),
        Some("leader"),
        GroupBy::Faction,
        TieMode::Auto,
        &names(),
    );
    let rf = p.reference.as_ref().unwrap();
    assert_eq!(
        (rf.name.as_str(), rf.score, rf.n),
        ("The Leader", Some(-1.0), 1)
    );

    let soft = group(&p, "soft");
    assert_eq!(soft.name, "soft camp");
    assert_eq!((soft.score, soft.n), (0.75, 2));
    assert_eq!(
        soft.counts,
        LabelCounts {
            favor: 1,
            conditional: 1,
            ..Default::default()
        }
    );
    // 0.75 is as near favor as conditional: the tie goes to the label nearer 0.
    assert_eq!(soft.label, Conditional);
    assert_eq!((soft.divergence, soft.delta), (Some(1.75), Some(1.75)));

    let hard = group(&p, "hard");
    assert_eq!((hard.score, hard.n), (-0.25, 2));
    assert_eq!(hard.label, Neutral);
    assert_eq!((hard.divergence, hard.delta), (Some(0.75), Some(0.75)));
    assert_eq!(ids(&p), ["soft", "hard"], "most divergent first");
}

#[test]
fn uses_the_stored_score_and_skips_other_issues() {
    let mut rs = rows(vec![
        r(Some("a"), "Talk, mostly.", Favor).score(0.8),
        r(Some("a"), "About something else.", Against),
    ]);
    rs[1].statement.stance[0].issue = "other".into();
    let p = positions(&rs, &issue(), None, GroupBy::Actor, TieMode::Auto, &names());
    assert!(p.reference.is_none());
    let g = group(&p, "a");
    assert_eq!((g.score, g.n, g.label), (0.8, 1, Favor));
    assert_eq!((g.divergence, g.delta), (None, None));
}

#[test]
fn repeated_quotes_count_once_per_source() {
    let rs = rows(vec![
        r(Some("a"), "Negotiation is poison.", Against).tag("hard", ViaSpeaker),
        // The same words again, with other quotes, case and spacing.
        r(Some("a"), "“negotiation  is POISON”", Against).tag("hard", ViaSpeaker),
        // The same words by someone else count.
        r(Some("b"), "Negotiation is poison.", Against).tag("hard", ViaSpeaker),
        r(Some("c"), "Talks are a cure.", Favor).tag("hard", ViaSpeaker),
        // Unresolved speakers are told apart by their mention.
        r(None, "Talks are a cure.", Favor)
            .mention("a source")
            .tag("hard", ViaOutlet),
        r(None, "Talks are a cure!", Favor)
            .mention("A Source")
            .tag("hard", ViaOutlet),
    ]);
    let p = positions(
        &rs,
        &issue(),
        None,
        GroupBy::Faction,
        TieMode::Auto,
        &names(),
    );
    let hard = group(&p, "hard");
    assert_eq!(hard.n, 4);
    assert_eq!((hard.counts.against, hard.counts.favor), (2, 2));
    assert_eq!(hard.score, 0.0);
}

#[test]
fn a_syndicated_copy_counts_in_each_outlet_once() {
    let rs = rows(vec![
        r(Some("a"), "Talk now.", Favor).outlet(Some("daily"), "Daily"),
        r(Some("a"), "Talk now.", Favor).outlet(Some("daily"), "Daily"),
        r(Some("a"), "Talk now.", Favor).outlet(None, "Weekly"),
        r(Some("b"), "No.", Against),
    ]);
    let p = positions(
        &rs,
        &issue(),
        None,
        GroupBy::Outlet,
        TieMode::Auto,
        &names(),
    );
    let daily = group(&p, "daily");
    assert_eq!((daily.name.as_str(), daily.n), ("The Daily", 1));
    assert_eq!(group(&p, "unresolved:Weekly").n, 1);
    assert_eq!(group(&p, NO_OUTLET).counts.against, 1);
}

#[test]
fn the_reference_is_excluded_from_groups() {
    let rs = rows(vec![
        r(Some("leader"), "Poison.", Against).tag("hard", ViaSpeaker),
        r(Some("leader"), "Poison!", Against).tag("hard", ViaSpeaker),
        r(Some("leader"), "No war.", Neutral).tag("hard", ViaSpeaker),
        r(Some("x"), "Maybe talk.", Conditional).tag("hard", ViaSpeaker),
    ]);
    let p = positions(
        &rs,
        &issue(),
        Some("leader"),
        GroupBy::Faction,
        TieMode::Auto,
        &names(),
    );
    let rf = p.reference.as_ref().unwrap();
    assert_eq!((rf.n, rf.score), (2, Some(-0.5)), "repeat counted once");
    let hard = group(&p, "hard");
    assert_eq!((hard.n, hard.score), (1, 0.5));
    assert_eq!(hard.divergence, Some(1.0));

    // Without a reference the leader is one actor among others.
    let p = positions(&rs, &issue(), None, GroupBy::Actor, TieMode::Auto, &names());
    assert_eq!(group(&p, "leader").n, 2);
    assert_eq!(group(&p, "leader").name, "The Leader");

    // A reference that said nothing on the issue: shown, but no divergence.
    let p = positions(
        &rs[3..],
        &issue(),
        Some("leader"),
        GroupBy::Faction,
        TieMode::Auto,
        &names(),
    );
    let rf = p.reference.as_ref().unwrap();
    assert_eq!((rf.n, rf.score), (0, None));
    assert_eq!(group(&p, "hard").divergence, None);
}

#[test]
fn tie_modes_choose_speaker_or_outlet_factions() {
    let rs = rows(vec![
        r(Some("a"), "Talk.", Favor)
            .tag("soft", ViaSpeaker)
            .tag("hard", ViaOutlet),
        r(Some("b"), "Never talk.", Against).tag("hard", ViaOutlet),
    ]);
    let run = |tie| positions(&rs, &issue(), None, GroupBy::Faction, tie, &names());

    let auto = run(TieMode::Auto);
    assert_eq!(group(&auto, "soft").counts.favor, 1);
    assert_eq!(group(&auto, "hard").n, 1);
    assert_eq!(group(&auto, "hard").counts.against, 1);

    let speaker = run(TieMode::Speaker);
    assert_eq!(group(&speaker, "soft").n, 1);
    assert_eq!(group(&speaker, NO_FACTION).counts.against, 1);
    assert!(!ids(&speaker).contains(&"hard"));

    let outlet = run(TieMode::Outlet);
    assert_eq!(ids(&outlet), ["hard"]);
    assert_eq!(group(&outlet, "hard").n, 2);
}

#[test]
fn parent_factions_include_their_sub_factions() {
    let rs = rows(vec![
        r(Some("a"), "Talk a little.", Conditional).tag("guard", ViaOutlet),
        r(Some("b"), "Never.", Against).tag("hard", ViaSpeaker),
        // Tagged with both a faction and its parent: counted once in the parent.
        r(Some("c"), "Talk later.", Conditional)
            .tag("guard", ViaSpeaker)
            .tag("hard", ViaSpeaker),
    ]);
    let p = positions(
        &rs,
        &issue(),
        None,
        GroupBy::Faction,
        TieMode::Auto,
        &names(),
    );
    assert_eq!(group(&p, "guard").n, 2);
    let hard = group(&p, "hard");
    assert_eq!((hard.n, hard.score), (3, 0.0));

    // A cycle in the hierarchy does not loop.
    let cyclic = NameLookup::new(
        &[faction("x", Some("y")), faction("y", Some("x"))],
        &[],
        &[],
    );
    assert_eq!(cyclic.with_ancestors("x"), ["x", "y"]);
}

#[test]
fn unresolved_speakers_are_shown() {
    let rs = rows(vec![
        r(None, "Talk.", Favor).mention("Bavand"),
        r(Some("ghost"), "No.", Against),
    ]);
    let p = positions(&rs, &issue(), None, GroupBy::Actor, TieMode::Auto, &names());
    assert_eq!(group(&p, "unresolved:Bavand").name, "Bavand");
    // A resolved id missing from the lookup keeps the statement's name.
    assert_eq!(group(&p, "ghost").name, "ghost");
    let p = positions(
        &rs,
        &issue(),
        None,
        GroupBy::Faction,
        TieMode::Auto,
        &names(),
    );
    assert_eq!(ids(&p), [NO_FACTION]);
    assert_eq!(group(&p, NO_FACTION).n, 2);
}

#[test]
fn catch_all_groups_sort_after_resolved_ones_on_a_tie() {
    let rs = rows(vec![
        r(Some("leader"), "No.", Against),
        r(None, "Yes.", Favor).mention("a source"),
        r(None, "Yes!", Favor).mention("another source"),
        r(Some("z"), "Sure.", Favor).tag("soft", ViaSpeaker),
        r(Some("y"), "Maybe.", Conditional).tag("hard", ViaSpeaker),
    ]);
    let p = positions(
        &rs,
        &issue(),
        Some("leader"),
        GroupBy::Faction,
        TieMode::Auto,
        &names(),
    );
    // `(no faction)` is larger and as divergent as `soft`, yet comes after it.
    assert_eq!(ids(&p), ["soft", NO_FACTION, "hard"]);
    assert_eq!(group(&p, NO_FACTION).n, 2);
}

#[test]
fn nearest_label_boundaries() {
    assert_eq!(nearest_label(1.0), Favor);
    assert_eq!(nearest_label(0.8), Favor);
    assert_eq!(nearest_label(0.6), Conditional);
    assert_eq!(nearest_label(0.2), Neutral);
    assert_eq!(nearest_label(-0.5), Neutral);
    assert_eq!(nearest_label(-0.51), Against);
}

#[test]
fn json_shape_is_the_contract() {
    let rs = rows(vec![
        r(Some("leader"), "No.", Against),
        r(Some("a"), "Yes.", Favor).tag("soft", ViaSpeaker),
    ]);
    let p = positions(
        &rs,
        &issue(),
        Some("leader"),
        GroupBy::Faction,
        TieMode::Auto,
        &names(),
    );
    let v: Value = serde_json::to_value(&p).unwrap();
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["groups", "issue", "question", "reference"]);
    assert_eq!(keys(&v["reference"]), ["actor", "n", "name", "score"]);
    let g = &v["groups"][0];
    assert_eq!(
        keys(g),
        [
            "counts",
            "delta",
            "divergence",
            "id",
            "label",
            "n",
            "name",
            "score"
        ]
    );
    assert_eq!(
        keys(&g["counts"]),
        ["against", "conditional", "favor", "neutral"]
    );
    assert_eq!(g["label"], "favor");
    assert_eq!(g["divergence"], 2.0);
    let none = positions(
        &rs,
        &issue(),
        None,
        GroupBy::Faction,
        TieMode::Auto,
        &names(),
    );
    assert_eq!(
        serde_json::to_value(&none).unwrap()["reference"],
        Value::Null
    );
}

/// The seed article's gold statements, tagged from its affiliation claims, reproduce the
/// article's finding: both factions diverge from the leader's line, the Rouhani faction most.
#[test]
fn seed_gold_reproduces_the_expected_positions() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seed");
    let meta: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/gold-article.json")).unwrap())
            .unwrap();
    let id = |s: &str| s.to_lowercase().replace(' ', "-");
    // subject → faction, from the claims whose object is a faction (or a sub-faction).
    let mut ties: HashMap<String, String> = HashMap::new();
    for c in meta["affiliation_claims"].as_array().unwrap() {
        let obj = c["object"].as_str().unwrap();
        let f = match obj {
            "Rouhani faction" => "rouhani",
            "hardline faction" => "hardline",
            "reformist faction" => "reformist",
            "IRGC Basij" => "basij",
            _ => continue,
        };
        ties.insert(c["subject"].as_str().unwrap().to_string(), f.to_string());
    }
    let names = NameLookup::new(
        &[
            faction("hardline", None),
            faction("basij", Some("hardline")),
            faction("rouhani", None),
            faction("reformist", None),
        ],
        &[],
        &[],
    );
    let gold = std::fs::read_to_string(format!("{dir}/gold-statements.jsonl")).unwrap();
    let mut rs = Vec::new();
    for (i, line) in gold.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let g: Value = serde_json::from_str(line).unwrap();
        let speaker = g["speaker"].as_str();
        let outlet = g["outlet"].as_str();
        let mut row = r(None, "", Neutral).build(i);
        let s = &mut row.statement;
        s.text = g["quote"].as_str().unwrap().to_string();
        s.source.actor = speaker.map(id);
        s.source.name = speaker.map(str::to_string);
        s.source.text = g["speaker_mention"].as_str().unwrap_or("").to_string();
        s.outlet = outlet.map(|o| OutletRef {
            id: Some(id(o)),
            name: o.into(),
        });
        s.stance = g["stance"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(issue, label)| {
                let label = StanceLabel::parse(label.as_str().unwrap()).unwrap();
                Stance {
                    issue: issue.clone(),
                    label,
                    score: label.default_score(),
                    confidence: 1.0,
                    evidence: vec![],
                    by: "gold".into(),
                }
            })
            .collect();
        if let Some(f) = speaker.and_then(|sp| ties.get(sp)) {
            row.factions.push(FactionTag::new(f, TieVia::Speaker));
        }
        if let Some(f) = outlet.and_then(|o| ties.get(o)) {
            row.factions.push(FactionTag::new(f, TieVia::Outlet));
        }
        rs.push(row);
    }
    let exp = &meta["expected_positions"];
    let issue = IssueConfig {
        id: exp["issue"].as_str().unwrap().into(),
        question: "Should Iran negotiate with the US?".into(),
        ..Default::default()
    };
    let reference = id(exp["reference"].as_str().unwrap());
    let p = positions(
        &rs,
        &issue,
        Some(&reference),
        GroupBy::Faction,
        TieMode::Auto,
        &names,
    );
    let rf = p.reference.as_ref().unwrap();
    let want = |k: &str| StanceLabel::parse(exp[k].as_str().unwrap()).unwrap();
    assert_eq!(nearest_label(rf.score.unwrap()), want("reference_stance"));
    assert_eq!(group(&p, "hardline").label, want("hardline faction"));
    assert_eq!(group(&p, "rouhani").label, want("Rouhani faction"));
    let div = |f: &str| group(&p, f).divergence.unwrap();
    assert!(div("hardline") > 0.0);
    assert!(div("rouhani") > div("hardline"));
}
