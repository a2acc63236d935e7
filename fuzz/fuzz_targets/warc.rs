//! WARC records and HTTP payloads (chunked, gzip) through the input reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = rift_ingest::warc::http_payload(data);
    let _ = rift_ingest::warc::dechunk(data);
    let mut w = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: ".to_vec();
    w.extend(data.len().to_string().bytes());
    w.extend(b"\r\n\r\n");
    w.extend(data);
    let _ = rift_ingest::Inputs::from_bytes("f.warc", w, Default::default()).count();
    let _ = rift_ingest::Inputs::from_bytes("g.warc", data.to_vec(), Default::default()).count();
});
