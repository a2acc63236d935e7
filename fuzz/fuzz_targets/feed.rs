//! RSS/Atom/JSON feeds through the input reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["f.rss", "f.json"] {
        let _ = rift_ingest::Inputs::from_bytes(name, data.to_vec(), Default::default()).count();
    }
});
