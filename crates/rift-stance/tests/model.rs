//! Rules + trained model: the model decides only statements that concern the issue and in which
//! the rules found no cue; `Stance::by` records which decided; models load from the project.

use rift_core::{IssueConfig, Source, Span, StanceLabel, Statement, StatementKind};
use rift_stance::model::data::Example;
use rift_stance::model::FeatureConfig;
use rift_stance::{StanceClassifier, StanceError, StanceModel, TrainConfig};

fn issue(model: Option<&str>) -> IssueConfig {
    IssueConfig {
        id: "us".into(),
        question: "Should Iran negotiate with the US?".into(),
        terms: ["negotiat*", "talks", "dialogue"]
            .map(String::from)
            .to_vec(),
        targets: ["US", "Washington"].map(String::from).to_vec(),
        model: model.map(String::from),
        ..IssueConfig::default()
    }
}

fn ex(text: String, label: StanceLabel) -> Example {
    Example {
        id: text.clone(),
        text,
        label,
        issue: Some("us".into()),
        weight: 1.0,
        soft: None,
    }
}

/// Words the built-in lexicon does not know: only a model can learn them.
fn model() -> StanceModel {
    let mut v = Vec::new();
    for (i, w) in [
        "the talks",
        "a dialogue",
        "contacts",
        "the meeting",
        "a visit",
    ]
    .iter()
    .enumerate()
    {
        v.push(ex(
            format!("{w} would be wonderful and splendid {i}"),
            StanceLabel::Favor,
        ));
        v.push(ex(
            format!("{w} would be dreadful and ruinous {i}"),
            StanceLabel::Against,
        ));
        v.push(ex(
            format!("{w} took place on a tuesday {i}"),
            StanceLabel::Neutral,
        ));
    }
    let cfg = TrainConfig {
        features: FeatureConfig {
            min_df: 1,
            ..FeatureConfig::default()
        },
        ..TrainConfig::default()
    };
    StanceModel::train(&v, &cfg, Some("us".into())).unwrap()
}

fn statement(text: &str) -> Statement {
    Statement {
        article: "t".into(),
        kind: StatementKind::Direct,
        text: text.into(),
        span: Span::new(0, text.chars().count()),
        cue: None,
        source: Source {
            text: "X".into(),
            name: Some("X".into()),
            ..Source::default()
        },
        outlet: None,
        date: None,
        stance: Vec::new(),
    }
}

fn classify(clf: &StanceClassifier, text: &str) -> Vec<rift_core::Stance> {
    let st = statement(text);
    clf.classify(text, &st, st.span)
}

#[test]
fn the_model_decides_only_where_the_rules_found_no_cue() {
    let rules = StanceClassifier::new(&[issue(None)]).unwrap();
    let both = StanceClassifier::new(&[issue(None)])
        .unwrap()
        .with_model("us", model())
        .unwrap();
    assert!(both.has_model("us") && !rules.has_model("us"));

    let text = "Talks with the US would be wonderful and splendid.";
    let r = classify(&rules, text);
    assert_eq!(
        (r[0].label, r[0].by.as_str()),
        (StanceLabel::Neutral, "rules")
    );
    let m = classify(&both, text);
    assert_eq!(
        (m[0].label, m[0].by.as_str()),
        (StanceLabel::Favor, "model")
    );
    assert!(m[0].score > 0.0 && m[0].confidence >= rift_stance::MODEL_MIN_CONFIDENCE);
    // Evidence: the topic and target words, and model n-grams found in the text.
    let roles: Vec<&str> = m[0].evidence.iter().map(|e| e.role.as_str()).collect();
    assert!(roles.contains(&"topic") && roles.contains(&"target") && roles.contains(&"model"));
    for e in &m[0].evidence {
        let chars: String = text
            .chars()
            .skip(e.span.start)
            .take(e.span.end - e.span.start)
            .collect();
        assert_eq!(chars, e.text, "evidence spans point at the text");
    }

    let against = classify(
        &both,
        "Talks with Washington would be dreadful and ruinous.",
    );
    assert_eq!(
        (against[0].label, against[0].by.as_str()),
        (StanceLabel::Against, "model")
    );

    // A rule cue wins over the model: `poison` is against whatever the model thinks.
    let cue = classify(
        &both,
        "Talks with the US would be poison, wonderful and splendid.",
    );
    assert_eq!(
        (cue[0].label, cue[0].by.as_str()),
        (StanceLabel::Against, "rules")
    );

    // No target: no stance at all, model or not.
    assert!(classify(&both, "Talks would be wonderful and splendid.").is_empty());
}

#[test]
fn load_reads_models_relative_to_the_project() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("models")).unwrap();
    model().save(&dir.path().join("models/us.json")).unwrap();
    let clf = StanceClassifier::load(&[issue(Some("models/us.json"))], dir.path()).unwrap();
    assert!(clf.has_model("us"));
    let m = classify(&clf, "Talks with the US would be wonderful and splendid.");
    assert_eq!(m[0].by, "model");

    let none = StanceClassifier::load(&[issue(None)], dir.path()).unwrap();
    assert!(!none.has_model("us"));

    let missing = StanceClassifier::load(&[issue(Some("models/nope.json"))], dir.path());
    assert!(matches!(missing, Err(StanceError::Issue { .. })));
    std::fs::write(dir.path().join("models/bad.json"), "{\"format\":1}").unwrap();
    let bad = StanceClassifier::load(&[issue(Some("models/bad.json"))], dir.path());
    assert!(matches!(bad, Err(StanceError::Issue { .. })));
}
