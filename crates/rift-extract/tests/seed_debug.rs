#[test]
#[ignore]
fn print_seed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/seed/poison-or-cure.txt"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let a = rift_core::Article::new("seed", text);
    let ex = rift_extract::Extractor::default().extract(&a);
    for s in &ex.statements {
        println!(
            "{:?} [{}..{}] src={:?} ({:?}) name={:?} cue={:?} outlet={:?} date={:?}\n   {}",
            s.kind,
            s.span.start,
            s.span.end,
            s.source.text,
            s.source.kind,
            s.source.name,
            s.cue.as_ref().map(|c| c.text.clone()),
            s.outlet.as_ref().map(|o| o.name.clone()),
            s.date,
            s.text
        );
    }
}
