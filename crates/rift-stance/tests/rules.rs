//! Behaviour of the rule classifier on short, made-up news sentences.

use rift_core::{IssueConfig, Source, Span, Stance, StanceLabel, Statement, StatementKind};
use rift_stance::StanceClassifier;

fn issue(id: &str, targets: &[&str], default_target: bool) -> IssueConfig {
    IssueConfig {
        id: id.into(),
        question: format!("{id}?"),
        terms: [
            "negotiat*",
            "talks",
            "dialogue",
            "diplomacy",
            "negotiating table",
        ]
        .map(String::from)
        .to_vec(),
        targets: targets.iter().map(|t| t.to_string()).collect(),
        default_target,
        ..IssueConfig::default()
    }
}

fn classifier() -> StanceClassifier {
    StanceClassifier::new(&[
        issue(
            "us",
            &["U.S.", "US", "United States", "America*", "Washington"],
            true,
        ),
        issue("eu", &["Europe*", "EU"], false),
    ])
    .unwrap()
}

fn statement(text: &str, quote: &str, source: &str) -> Statement {
    let byte = text.find(quote).expect("quote in text");
    let start = text[..byte].chars().count();
    Statement {
        article: "t".into(),
        kind: StatementKind::Direct,
        text: quote.into(),
        span: Span::new(start, start + quote.chars().count()),
        cue: None,
        source: Source {
            text: source.into(),
            name: Some(source.into()),
            ..Source::default()
        },
        outlet: None,
        date: None,
        stance: Vec::new(),
    }
}

/// Classifies the whole `text` as one statement (its own context).
fn run(text: &str) -> Vec<Stance> {
    let st = statement(text, text, "X");
    classifier().classify(text, &st, st.span)
}

fn label(text: &str, issue: &str) -> Option<StanceLabel> {
    run(text)
        .into_iter()
        .find(|s| s.issue == issue)
        .map(|s| s.label)
}

#[test]
fn rejection_and_its_negation() {
    assert_eq!(
        label("Talks with Washington are pointless.", "us"),
        Some(StanceLabel::Against)
    );
    assert_eq!(
        label("Talks with Washington are not pointless.", "us"),
        Some(StanceLabel::Favor)
    );
    assert_eq!(
        label("We reject any dialogue with the US.", "us"),
        Some(StanceLabel::Against)
    );
    assert_eq!(
        label("We do not reject dialogue with the US.", "us"),
        Some(StanceLabel::Favor)
    );
    assert_eq!(
        label("Tehran is willing to hold talks with Washington.", "us"),
        Some(StanceLabel::Favor)
    );
    assert_eq!(
        label("Tehran is not willing to hold talks with Washington.", "us"),
        Some(StanceLabel::Against)
    );
}

#[test]
fn negated_topic_is_against_and_modal_topic_is_favor() {
    let s = run("Iran will never negotiate with America.");
    assert_eq!(s[0].label, StanceLabel::Against);
    assert!(s[0].score < 0.0);
    let roles: Vec<&str> = s[0].evidence.iter().map(|e| e.role.as_str()).collect();
    assert!(roles.contains(&"against"), "{roles:?}");
    assert_eq!(
        label("Iran won't negotiate with the U.S. under pressure.", "us"),
        Some(StanceLabel::Against)
    );
    assert_eq!(
        label("Iran must negotiate with the United States.", "us"),
        Some(StanceLabel::Favor)
    );
}

#[test]
fn conditions_and_demands_are_conditional() {
    for text in [
        "Iran will return to talks with Washington only if sanctions are lifted.",
        "There will be no negotiations with the US unless it returns to the deal.",
        "The first step is for Washington to come back to the negotiating table.",
        "Washington must first lift the sanctions before any talks.",
    ] {
        let s = run(text);
        assert_eq!(s.len(), 1, "{text}");
        assert_eq!(s[0].label, StanceLabel::Conditional, "{text}");
        assert!((s[0].score - 0.5).abs() < 1e-9);
        assert!(
            s[0].evidence.iter().any(|e| e.role == "condition"),
            "{text}"
        );
    }
    // `until now` is time, not a condition; `unconditional` is no `on condition`.
    assert_eq!(
        label("Until now Washington has refused talks.", "us"),
        Some(StanceLabel::Against)
    );
    assert_eq!(
        label("Iran should accept unconditional talks with the US.", "us"),
        Some(StanceLabel::Favor)
    );
}

#[test]
fn hedges_lower_confidence_or_leave_neutral() {
    let plain = run("Iran is willing to hold talks with Washington.");
    let hedged = run("Iran is perhaps willing to hold talks with Washington.");
    assert_eq!(hedged[0].label, StanceLabel::Favor);
    assert!(hedged[0].confidence < plain[0].confidence);
    assert!(hedged[0].score < plain[0].score);
    assert!(hedged[0].evidence.iter().any(|e| e.role == "hedge"));
    let bare = run("Talks with Washington may happen in the summer.");
    assert_eq!(bare[0].label, StanceLabel::Neutral);
    assert_eq!(bare[0].score, 0.0);
    // The month is no hedge.
    let may = run("On May 15 he rejected talks with Washington.");
    assert!(may[0].evidence.iter().all(|e| e.role != "hedge"));
}

#[test]
fn statements_without_topic_or_target_get_no_stance() {
    assert!(run("Washington is pursuing a policy of maximum pressure.").is_empty());
    // Topic, but only Europe named: the US issue (default target) stays out.
    let s = run("Iran must keep the dialogue with Europe alive.");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].issue, "eu");
    assert_eq!(s[0].label, StanceLabel::Favor);
    // No target at all: only the issue with a default target.
    let s = run("Negotiations are poison.");
    assert_eq!(
        s.iter().map(|s| s.issue.as_str()).collect::<Vec<_>>(),
        ["us"]
    );
    // The lower-case pronoun is not the United States.
    assert!(run("Europe wants talks with us.")
        .iter()
        .all(|s| s.issue == "eu"));
}

#[test]
fn the_counterpart_nearest_the_topic_wins() {
    let s = run("Europe's attempt to engage Iran and the Americans into dialogue failed.");
    assert_eq!(
        s.iter().map(|s| s.issue.as_str()).collect::<Vec<_>>(),
        ["us"]
    );
    let s = run("Iran wants talks with Europe and the US.");
    assert_eq!(s.len(), 2, "both named next to the topic");
}

#[test]
fn context_is_read_only_when_the_statement_has_no_cue() {
    let text = "An article titled “More chance to diplomacy” said Tehran must assign moderate \
                figures to deal with the US administration.";
    let st = statement(
        text,
        "Tehran must assign moderate figures to deal with the US administration",
        "W",
    );
    let ctx = Span::new(0, text.chars().count());
    let clf = classifier();
    let with_ctx = clf.classify(text, &st, ctx);
    assert_eq!(with_ctx.len(), 1);
    assert_eq!(with_ctx[0].label, StanceLabel::Favor);
    assert!(with_ctx[0].confidence < 0.9, "context labels are less sure");
    assert!(
        clf.classify(text, &st, st.span).is_empty(),
        "no topic without the context"
    );

    let text = "Under the headline “The need for talks”, he said talks with the US are poison.";
    let st = statement(text, "talks with the US are poison", "W");
    let s = clf.classify(text, &st, Span::new(0, text.chars().count()));
    assert_eq!(
        s[0].label,
        StanceLabel::Against,
        "the statement's own cue wins"
    );
}

#[test]
fn issue_cues_extend_the_lexicon() {
    let mut us = issue("us", &["US"], true);
    us.against.push("great satan".into());
    let clf = StanceClassifier::new(&[us]).unwrap();
    let text = "Talks with the great Satan, he said.";
    let st = statement(text, text, "X");
    assert_eq!(
        clf.classify(text, &st, st.span)[0].label,
        StanceLabel::Against
    );
    let mut bad = issue("x", &[], true);
    bad.favor.push("… talks".into());
    assert!(StanceClassifier::new(&[bad]).is_err());
    assert!(StanceClassifier::new(&[issue("a", &[], true), issue("a", &[], true)]).is_err());
}

#[test]
fn a_continuation_by_the_same_source_inherits_the_stance() {
    let text =
        "“Tehran must free the prisoners first,” Bavand said. “Then Iran must open the path \
                to negotiations with Washington,” he added. “Prisoners matter,” Rezaei said.";
    let mut sts = vec![
        statement(text, "Tehran must free the prisoners first,", "Bavand"),
        statement(
            text,
            "Then Iran must open the path to negotiations with Washington,",
            "Bavand",
        ),
        statement(text, "Prisoners matter,", "Rezaei"),
    ];
    let clf = classifier();
    let ctxs: Vec<Span> = sts.iter().map(|s| s.span).collect();
    clf.classify_article(text, &mut sts, &ctxs);
    assert_eq!(sts[1].stance[0].label, StanceLabel::Favor);
    let inherited = &sts[0].stance;
    assert_eq!(inherited.len(), 1);
    assert_eq!(inherited[0].label, StanceLabel::Favor);
    assert!(inherited[0].confidence < sts[1].stance[0].confidence);
    assert!(!inherited[0].evidence.is_empty());
    assert!(inherited[0].evidence.iter().all(|e| e.role == "context"));
    assert!(sts[2].stance.is_empty(), "another source inherits nothing");
}
