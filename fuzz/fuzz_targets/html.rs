//! HTML: charset decoding, tokenizer, cleaner (with and without the extractor), offset map.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(d) = rift_html::charset::decode(data, None, true) else {
        return;
    };
    for extractor in [false, true] {
        let p = rift_html::clean(&d.text, &rift_html::Options { extractor, url: None });
        for (b, _) in p.text.char_indices() {
            let o = p.offsets.original(b);
            assert!(o <= d.text.len(), "offset {o} past the page");
        }
    }
});
