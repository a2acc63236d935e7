//! The seed article: rules alone must give the gold stance to at least 9 of the 10 required
//! statements.

use std::collections::BTreeMap;

use rift_core::{IssueConfig, Source, SourceType, Span, StanceLabel, Statement, StatementKind};
use rift_stance::StanceClassifier;
use serde::Deserialize;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seed/");
const ISSUES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/iran-2019/issues.toml"
);

#[derive(Deserialize)]
struct Gold {
    quote: String,
    kind: String,
    speaker: Option<String>,
    speaker_mention: String,
    start: usize,
    end: usize,
    stance: BTreeMap<String, String>,
    #[serde(default)]
    alt_stance: Vec<String>,
    required: bool,
}

#[derive(Deserialize)]
struct IssuesFile {
    issue: Vec<IssueConfig>,
}

fn issues() -> Vec<IssueConfig> {
    let text = std::fs::read_to_string(ISSUES).expect("issues.toml");
    toml::from_str::<IssuesFile>(&text)
        .expect("parse issues.toml")
        .issue
}

/// Sentence spans (code points): a break after `.!?` (+ closing quotes) before whitespace and an
/// upper-case letter or an opening quote, and at every newline.
fn sentences(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut end = None;
        if c == '\n' {
            end = Some(i);
        } else if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '”' | '"' | '’' | ')' | ']') {
                j += 1;
            }
            if j < chars.len() && chars[j] == ' ' {
                let next = chars.get(j + 1).copied().unwrap_or(' ');
                if next.is_uppercase() || matches!(next, '“' | '"' | '‘') {
                    end = Some(j);
                }
            }
        }
        if let Some(e) = end {
            if chars[start..e].iter().any(|c| !c.is_whitespace()) {
                out.push(Span::new(start, e));
            }
            start = e + 1;
        }
        i += 1;
    }
    if start < chars.len() {
        out.push(Span::new(start, chars.len()));
    }
    out
}

#[test]
fn seed_required_statements_get_the_gold_stance() {
    let text = std::fs::read_to_string(format!("{SEED}poison-or-cure.txt")).unwrap();
    let gold: Vec<Gold> = std::fs::read_to_string(format!("{SEED}gold-statements.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let chars: Vec<char> = text.chars().collect();
    let sents = sentences(&text);
    let mut statements = Vec::new();
    let mut contexts = Vec::new();
    for g in &gold {
        let quoted: String = chars[g.start..g.end].iter().collect();
        assert_eq!(quoted, g.quote, "gold offsets");
        let span = Span::new(g.start, g.end);
        let covering: Vec<&Span> = sents.iter().filter(|s| s.overlaps(&span)).collect();
        contexts.push(Span::new(covering[0].start, covering.last().unwrap().end));
        statements.push(Statement {
            article: "seed".into(),
            kind: StatementKind::parse(&g.kind).unwrap(),
            text: g.quote.clone(),
            span,
            cue: None,
            source: Source {
                text: g.speaker_mention.clone(),
                span: None,
                name: g.speaker.clone(),
                actor: None,
                kind: SourceType::Unknown,
            },
            outlet: None,
            date: None,
            stance: Vec::new(),
        });
    }
    let clf = StanceClassifier::new(&issues()).unwrap();
    clf.classify_article(&text, &mut statements, &contexts);

    let (mut required, mut right) = (0, 0);
    for (g, st) in gold.iter().zip(&statements) {
        let got: BTreeMap<String, StanceLabel> = st
            .stance
            .iter()
            .map(|s| (s.issue.clone(), s.label))
            .collect();
        let ok = got.len() == g.stance.len()
            && g.stance.iter().all(|(issue, label)| {
                let accepted: Vec<StanceLabel> = std::iter::once(label)
                    .chain(&g.alt_stance)
                    .filter_map(|l| StanceLabel::parse(l))
                    .collect();
                got.get(issue).is_some_and(|l| accepted.contains(l))
            });
        for s in &st.stance {
            assert!((-1.0..=1.0).contains(&s.score) && (0.0..=1.0).contains(&s.confidence));
            assert_eq!(s.by, "rules");
            for e in &s.evidence {
                let written: String = chars[e.span.start..e.span.end].iter().collect();
                assert_eq!(written, e.text, "evidence span of {:?}", e.role);
            }
        }
        if g.required {
            required += 1;
            right += usize::from(ok);
        }
        if !ok || std::env::var_os("SEED_DUMP").is_some() {
            eprintln!(
                "{}MISMATCH {:?}\n  gold {:?}\n  got  {:?}",
                if g.required { "" } else { "(optional) " },
                g.quote,
                g.stance,
                st.stance
                    .iter()
                    .map(|s| (&s.issue, s.label, s.score, s.confidence, &s.evidence))
                    .collect::<Vec<_>>()
            );
        }
    }
    eprintln!("seed: {right}/{required} required statements right");
    assert_eq!(required, 10);
    assert!(
        right >= 9,
        "only {right}/{required} required statements right"
    );
}
