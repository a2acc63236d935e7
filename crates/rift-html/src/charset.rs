//! Character sets: bytes of a page or text file → UTF-8.
//!
//! Order of evidence, as browsers do: a byte-order mark, then the HTTP `Content-Type` charset
//! (WARC records), then a `<meta charset>` / `http-equiv` declaration in the first 1024 bytes,
//! then valid UTF-8 as is, then a guess by `chardetng`. `rift-ingest` calls [`decode`] for every
//! input file before parsing it.

use encoding_rs::{Encoding, UTF_8};

use crate::HtmlError;

/// Text decoded from bytes, with the encoding used and how it was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text (UTF-8), without a byte-order mark.
    pub text: String,
    /// Name of the encoding (`UTF-8`, `windows-1256` …).
    pub encoding: &'static str,
    /// What decided it: `bom`, `http`, `meta`, `utf-8`, `detected`.
    pub by: &'static str,
    /// Bytes of the input before the text starts (a byte-order mark), so decoded offsets of a
    /// UTF-8 input plus this are offsets into the input bytes.
    pub skipped: usize,
}

/// Finds a `charset=` value in a `Content-Type` header value (`text/html; charset=utf-8`).
pub fn charset_of_content_type(value: &str) -> Option<&str> {
    let lower = value.to_ascii_lowercase();
    let i = lower.find("charset=")?;
    let v = value[i + 8..].trim_start();
    let v = v.trim_start_matches(['"', '\'']);
    let end = v
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(v.len());
    let v = &v[..end];
    (!v.is_empty()).then_some(v)
}

/// The charset a page declares in a `<meta>` tag within its first 1024 bytes, if any.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(j) = find(tag, b"charset=") {
            let v = &tag[j + 8..];
            let v: Vec<u8> = v
                .iter()
                .copied()
                .skip_while(|&b| b == b'"' || b == b'\'' || b == b' ')
                .take_while(|&b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b))
                .collect();
            if let Some(enc) = Encoding::for_label(&v) {
                // A page that says UTF-16 in ASCII is not UTF-16.
                return Some(
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        UTF_8
                    } else {
                        enc
                    },
                );
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes `bytes`: BOM, then `http_charset` (from an HTTP header), then (when `html`) a `<meta>`
/// declaration, then UTF-8, then detection. Fails with [`HtmlError::Charset`] when the bytes
/// are not UTF-8 and no single-byte or CJK encoding decodes them cleanly.
pub fn decode(bytes: &[u8], http_charset: Option<&str>, html: bool) -> Result<Decoded, HtmlError> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
            by: "bom",
            skipped: bom,
        });
    }
    let declared = http_charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .map(|e| (e, "http"))
        .or_else(|| {
            html.then(|| meta_charset(bytes))
                .flatten()
                .map(|e| (e, "meta"))
        });
    if let Some((enc, by)) = declared {
        if enc == UTF_8 {
            if let Ok(s) = std::str::from_utf8(bytes) {
                return Ok(utf8(s.to_string(), by));
            }
            // Declared UTF-8 but not: fall through to detection.
        } else {
            let (text, _, _) = enc.decode(bytes);
            return Ok(Decoded {
                text: text.into_owned(),
                encoding: enc.name(),
                by,
                skipped: 0,
            });
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(utf8(s.to_string(), "utf-8"));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, had_errors) = enc.decode(bytes);
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        .count();
    if had_errors || controls * 50 > text.chars().count().max(1) {
        return Err(HtmlError::Charset(
            "not UTF-8 and no charset detected".into(),
        ));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        by: "detected",
        skipped: 0,
    })
}

fn utf8(text: String, by: &'static str) -> Decoded {
    Decoded {
        text,
        encoding: "UTF-8",
        by,
        skipped: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_header_meta_then_detection() {
        let d = decode(b"\xEF\xBB\xBFcaf\xC3\xA9", None, false).unwrap();
        assert_eq!((d.text.as_str(), d.by, d.skipped), ("café", "bom", 3));
        let d = decode(b"\xFF\xFEh\0i\0", None, false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("hi", "UTF-16LE"));
        let d = decode(b"caf\xE9", Some("ISO-8859-1"), false).unwrap();
        assert_eq!((d.text.as_str(), d.by), ("café", "http"));
        let page = b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        let d = decode(page, None, true).unwrap();
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains("Привет"), "{}", d.text);
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">caf\xe9";
        assert_eq!(decode(page, None, true).unwrap().encoding, "windows-1252");
        // No declaration: detection on a longer Latin-1 French text.
        let fr = "Le président a déclaré que les négociations étaient réglées à Genève, après été.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(fr);
        let d = decode(&bytes, None, false).unwrap();
        assert_eq!((d.text.as_str(), d.by), (fr, "detected"));
    }

    #[test]
    fn content_type_charset() {
        assert_eq!(
            charset_of_content_type("text/html; charset=\"UTF-8\""),
            Some("UTF-8")
        );
        assert_eq!(charset_of_content_type("text/html"), None);
    }

    #[test]
    fn garbage_is_refused() {
        let bytes: Vec<u8> = (0..400u32).map(|i| (i * 7 % 32) as u8 | 0x80).collect();
        let mut b = bytes.clone();
        b.extend([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08].repeat(20));
        assert!(decode(&b, None, false).is_err());
    }
}
