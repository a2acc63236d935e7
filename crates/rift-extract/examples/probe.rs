//! Prints the statements found in a text given on the command line or stdin (a debugging aid):
//! `cargo run -p rift-extract --example probe -- "Murphy said he supports the bill."`.

use std::io::Read;

fn main() {
    let mut text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        std::io::stdin()
            .read_to_string(&mut text)
            .expect("read stdin");
    }
    let text = format!("Headline for the probe.\n\n{text}\n");
    let ex = rift_extract::Extractor::default();
    for s in ex
        .extract(&rift_core::Article::new("probe", text))
        .statements
    {
        println!(
            "[{:?}] «{}» cue «{}» source «{}» ({:?}, name {:?})",
            s.kind,
            s.text,
            s.cue.as_ref().map_or("", |c| c.text.as_str()),
            s.source.text,
            s.source.kind,
            s.source.name
        );
    }
}
