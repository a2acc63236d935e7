//! Datelines, titles and furniture: rift-text's cleaner, and date parsing.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = rift_text::Cleaner::new().layout(s);
    let _ = rift_ingest::parse_any_date(s);
    let _ = rift_text::dates::find_date(s, None);
});
