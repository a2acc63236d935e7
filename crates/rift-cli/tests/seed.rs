//! The foundation acceptance on the seed article: run the real binary, score its JSONL output
//! against the gold file with rift-eval.

use std::path::Path;
use std::process::Command;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seed");
const PROJECT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iran-2019");

#[test]
fn seed_statements_speakers_stances_and_traps() {
    let article = Path::new(SHARED).join("poison-or-cure.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_rift"))
        .args([
            "extract",
            article.to_str().unwrap(),
            "--project",
            PROJECT,
            "--format",
            "jsonl",
        ])
        .output()
        .expect("run rift");
    assert!(
        out.status.success(),
        "rift failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let statements: Vec<rift_core::Statement> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("statement record"))
        .collect();
    let text = std::fs::read_to_string(&article).unwrap();
    let gold =
        rift_eval::seed::read_gold(&Path::new(SHARED).join("gold-statements.jsonl")).unwrap();
    let gold_article =
        rift_eval::seed::read_gold_article(&Path::new(SHARED).join("gold-article.json")).unwrap();
    let score = rift_eval::seed::score(&text, &statements, &gold, Some(&gold_article));
    for r in &score.results {
        eprintln!("{}{}", if r.gold.required { "* " } else { "  " }, r.detail);
    }
    let required = score.required().count();
    assert_eq!(required, 10);
    assert!(
        score.required_found() >= 9,
        "found {} of {required} required statements",
        score.required_found()
    );
    assert!(
        score.required_speaker() >= 8,
        "right speaker for {} of {required}",
        score.required_speaker()
    );
    assert!(
        score.required_stance() >= 8,
        "right stance for {} of {required}",
        score.required_stance()
    );
    assert!(
        score.trap_hits.is_empty(),
        "traps taken as statements: {:?}",
        score.trap_hits
    );
    // Spans point into the text as read (code points).
    for s in &statements {
        let span_text: String = text.chars().skip(s.span.start).take(s.span.len()).collect();
        assert_eq!(span_text, s.text, "span of {:?}", s.text);
    }
}
