//! WARC files (`.warc`, `.warc.gz`): records, and the HTTP responses inside them.
//!
//! [`WarcReader`] reads one record at a time from any `BufRead` (a gzip'd WARC is one gzip member
//! per record; `rift-ingest` unzips the stream before). A damaged record is reported and the
//! reader resynchronises at the next `WARC/` line, so one bad record never hides the rest.
//! [`http_payload`] splits a response record's HTTP message (httparse), undoes chunked transfer
//! coding and gzip/deflate content coding, and returns the body with its content type.

use std::io::{BufRead, Read};

/// Largest record body read into memory; bigger records are skipped with an error.
pub const MAX_RECORD: u64 = 64 << 20;

/// One WARC record: its headers and its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcRecord {
    /// Header fields in order (names as written).
    pub headers: Vec<(String, String)>,
    /// The record block (for a `response`: the HTTP message).
    pub body: Vec<u8>,
}

impl WarcRecord {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A problem reading one record (its 1-based number and why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// Record number.
    pub record: u64,
    /// Why.
    pub reason: String,
    /// True when reading cannot go on (I/O error, truncated input).
    pub fatal: bool,
}

/// Streaming WARC reader.
pub struct WarcReader<R> {
    r: R,
    n: u64,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads records from `r`.
    pub fn new(r: R) -> Self {
        WarcReader {
            r,
            n: 0,
            done: false,
        }
    }

    /// Records started so far (the number of the last one read).
    pub fn records_read(&self) -> u64 {
        self.n
    }

    fn line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize> {
        buf.clear();
        let n = (&mut self.r).take(64 << 10).read_until(b'\n', buf)?;
        Ok(n)
    }
}

fn io_reason(e: &std::io::Error) -> String {
    crate::inputs::io_reason(e)
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut buf = Vec::new();
        // Find the version line, skipping blank lines (and junk after a damaged record).
        let mut junk = false;
        loop {
            match self.line(&mut buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {
                    if buf.starts_with(b"WARC/") {
                        break;
                    }
                    if !buf.iter().all(|b| b.is_ascii_whitespace()) {
                        junk = true;
                    }
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(RecordError {
                        record: self.n + 1,
                        reason: io_reason(&e),
                        fatal: true,
                    }));
                }
            }
        }
        self.n += 1;
        let n = self.n;
        let _ = junk;
        let mut headers = Vec::new();
        loop {
            match self.line(&mut buf) {
                Ok(0) => {
                    self.done = true;
                    return Some(Err(RecordError {
                        record: n,
                        reason: "truncated WARC record (headers)".into(),
                        fatal: true,
                    }));
                }
                Ok(_) => {
                    let l = String::from_utf8_lossy(&buf);
                    let l = l.trim_end_matches(['\r', '\n']);
                    if l.is_empty() {
                        break;
                    }
                    if let Some((k, v)) = l.split_once(':') {
                        headers.push((k.trim().to_string(), v.trim().to_string()));
                    }
                    if headers.len() > 1000 {
                        return Some(Err(RecordError {
                            record: n,
                            reason: "too many WARC headers".into(),
                            fatal: false,
                        }));
                    }
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(RecordError {
                        record: n,
                        reason: io_reason(&e),
                        fatal: true,
                    }));
                }
            }
        }
        let len = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
            .and_then(|(_, v)| v.parse::<u64>().ok());
        let Some(len) = len else {
            return Some(Err(RecordError {
                record: n,
                reason: "WARC record without a valid Content-Length".into(),
                fatal: false,
            }));
        };
        if len > MAX_RECORD {
            let skipped = std::io::copy(&mut (&mut self.r).take(len), &mut std::io::sink());
            if skipped.map_or(true, |s| s < len) {
                self.done = true;
            }
            return Some(Err(RecordError {
                record: n,
                reason: format!("WARC record of {len} bytes is too large (limit {MAX_RECORD})"),
                fatal: self.done,
            }));
        }
        let mut body = Vec::with_capacity(len as usize);
        match (&mut self.r).take(len).read_to_end(&mut body) {
            Ok(got) if got as u64 == len => {}
            Ok(_) => {
                self.done = true;
                return Some(Err(RecordError {
                    record: n,
                    reason: "truncated WARC record (body shorter than Content-Length)".into(),
                    fatal: true,
                }));
            }
            Err(e) => {
                self.done = true;
                return Some(Err(RecordError {
                    record: n,
                    reason: io_reason(&e),
                    fatal: true,
                }));
            }
        }
        Some(Ok(WarcRecord { headers, body }))
    }
}

/// The body of an HTTP response message, decoded, with its headers of interest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpPayload {
    /// Status code.
    pub status: u16,
    /// `Content-Type` value, if any.
    pub content_type: Option<String>,
    /// The body after undoing transfer and content codings.
    pub body: Vec<u8>,
}

/// Parses an HTTP response message (`HTTP/1.1 200 OK`, headers, body).
pub fn http_payload(msg: &[u8]) -> Result<HttpPayload, String> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut resp = httparse::Response::new(&mut headers);
    let head_len = match resp.parse(msg) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("truncated HTTP headers".into()),
        Err(e) => return Err(format!("bad HTTP response: {e}")),
    };
    let status = resp.code.unwrap_or(0);
    let get = |name: &str| {
        resp.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let content_type = get("Content-Type");
    let te = get("Transfer-Encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let ce = get("Content-Encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mut body = msg[head_len..].to_vec();
    if te.contains("chunked") {
        body = dechunk(&body)?;
    }
    match ce.trim() {
        "" | "identity" | "none" => {}
        "gzip" | "x-gzip" => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(MAX_RECORD)
                .read_to_end(&mut out)
                .map_err(|e| format!("bad gzip body: {e}"))?;
            body = out;
        }
        "deflate" => {
            let mut out = Vec::new();
            let ok = flate2::read::ZlibDecoder::new(&body[..])
                .take(MAX_RECORD)
                .read_to_end(&mut out)
                .is_ok();
            if !ok {
                out.clear();
                flate2::read::DeflateDecoder::new(&body[..])
                    .take(MAX_RECORD)
                    .read_to_end(&mut out)
                    .map_err(|e| format!("bad deflate body: {e}"))?;
            }
            body = out;
        }
        other => return Err(format!("unsupported Content-Encoding `{other}`")),
    }
    Ok(HttpPayload {
        status,
        content_type,
        body,
    })
}

/// Undoes HTTP/1.1 chunked transfer coding.
pub fn dechunk(mut b: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = b
            .iter()
            .position(|&c| c == b'\n')
            .ok_or("truncated chunked body")?;
        let line = std::str::from_utf8(&b[..eol]).map_err(|_| "bad chunk size")?;
        let size_hex = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16)
            .map_err(|_| format!("bad chunk size `{size_hex}`"))?;
        b = &b[eol + 1..];
        if size == 0 {
            return Ok(out);
        }
        if b.len() < size {
            return Err("truncated chunked body".into());
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        // CRLF after the chunk.
        if b.starts_with(b"\r\n") {
            b = &b[2..];
        } else if b.starts_with(b"\n") {
            b = &b[1..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-05-20T00:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn records_resync_after_damage() {
        let mut w = record("warcinfo", "", b"software: test\r\n");
        w.extend(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nno length here\r\n\r\n");
        w.extend(record(
            "response",
            "http://a/",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>",
        ));
        let recs: Vec<_> = WarcReader::new(&w[..]).collect();
        assert_eq!(recs.len(), 3);
        assert!(recs[0].is_ok());
        assert_eq!(recs[1].as_ref().unwrap_err().record, 2);
        let r = recs[2].as_ref().unwrap();
        assert_eq!(r.header("warc-target-uri"), Some("http://a/"));
        let p = http_payload(&r.body).unwrap();
        assert_eq!((p.status, p.body.as_slice()), (200, &b"<p>hi</p>"[..]));
        // Truncated body.
        let mut t = record("response", "http://b/", b"HTTP/1.1 200 OK\r\n\r\nabcdef");
        t.truncate(t.len() - 8);
        let e = WarcReader::new(&t[..]).next().unwrap().unwrap_err();
        assert!(e.reason.contains("truncated"), "{e:?}");
    }

    #[test]
    fn chunked_and_gzip_bodies() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>Hello chunked gzip world</p>").unwrap();
        let gz = gz.finish().unwrap();
        let mut chunked = Vec::new();
        for part in gz.chunks(7) {
            chunked.extend(format!("{:x}\r\n", part.len()).bytes());
            chunked.extend_from_slice(part);
            chunked.extend(b"\r\n");
        }
        chunked.extend(b"0\r\n\r\n");
        let mut msg = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
        msg.extend(chunked);
        let p = http_payload(&msg).unwrap();
        assert_eq!(p.body, b"<p>Hello chunked gzip world</p>");
        assert_eq!(p.content_type.as_deref(), Some("text/html; charset=utf-8"));
        assert!(dechunk(b"zz\r\n").is_err());
        assert!(http_payload(b"HTTP/1.1 200 OK\r\nContent-Type: x").is_err());
    }
}
