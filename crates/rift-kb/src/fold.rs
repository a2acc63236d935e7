//! Case folding with an offset map back to the original text.
//!
//! Aliases and texts are compared after folding: lower case, curly quotes and apostrophes made
//! straight, dashes made `-`, runs of white space made one space. [`Folded`] remembers, for every
//! byte of the folded copy, which character of the original it came from.

/// A folded copy of a text.
#[derive(Debug, Clone)]
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    /// For each folded byte: the byte range `(start, end)` of the original char it came from
    /// (`u32`: texts are far below 4 GB, and half the size of `usize` pairs).
    origin: Vec<(u32, u32)>,
}

/// Folds one character (white space is handled by the caller).
fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => out.push('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
            out.push('-')
        }
        _ => out.extend(c.to_lowercase()),
    }
}

/// An ASCII byte's folded form (`None` for white space), as [`fold_char`] gives it.
fn fold_ascii(b: u8) -> Option<u8> {
    // `char::is_whitespace` on ASCII: space, \t, \n, \x0B, \x0C, \r.
    match b {
        b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => None,
        b'`' => Some(b'\''),
        _ => Some(b.to_ascii_lowercase()),
    }
}

impl Folded {
    /// Folds `text`, keeping the offset map. ASCII bytes (most of an English text, between its
    /// curly quotes) take a byte-wise path; other chars go through [`fold_char`].
    pub fn new(text: &str) -> Folded {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut last_space = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                let range = (i as u32, i as u32 + 1);
                match fold_ascii(b) {
                    None if last_space => {}
                    None => {
                        last_space = true;
                        out.push(' ');
                        origin.push(range);
                    }
                    Some(f) => {
                        last_space = false;
                        out.push(f as char);
                        origin.push(range);
                    }
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().expect("a char starts here");
            let len = c.len_utf8();
            let range = (i as u32, (i + len) as u32);
            i += len;
            if c.is_whitespace() {
                if !last_space {
                    last_space = true;
                    out.push(' ');
                    origin.push(range);
                }
                continue;
            }
            last_space = false;
            let before = out.len();
            fold_char(c, &mut out);
            origin.extend(std::iter::repeat_n(range, out.len() - before));
        }
        Folded { text: out, origin }
    }

    /// The original byte range of folded bytes `[start, end)` (widened to whole characters).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || end > self.origin.len() {
            let p = self.origin.get(start).map_or(usize::MAX, |r| r.0 as usize);
            return (p, p);
        }
        (
            self.origin[start].0 as usize,
            self.origin[end - 1].1 as usize,
        )
    }

    /// True when a match at folded bytes `[start, end)` starts and ends on word boundaries.
    pub fn on_word_boundaries(&self, start: usize, end: usize) -> bool {
        let before = self.text[..start].chars().next_back();
        let after = self.text[end..].chars().next();
        let first = self.text[start..end].chars().next();
        let last = self.text[start..end].chars().next_back();
        // A boundary is only required where the alias itself begins/ends with a word char.
        let ok_before = !(first.is_some_and(is_word) && before.is_some_and(is_word));
        let ok_after = !(last.is_some_and(is_word) && after.is_some_and(is_word));
        ok_before && ok_after
    }
}

/// Word characters for boundary checks.
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Folds a pattern or a short string (trimmed).
pub(crate) fn fold(s: &str) -> String {
    Folded::new(s.trim()).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_back_through_curly_quotes_and_spaces() {
        let t = "Khamenei’s  “FACTION”";
        let f = Folded::new(t);
        assert_eq!(f.text, "khamenei's \"faction\"");
        let s = f.text.find("faction").unwrap();
        let (a, b) = f.original(s, s + "faction".len());
        assert_eq!(&t[a..b], "FACTION");
        let (a, b) = f.original(0, "khamenei's".len());
        assert_eq!(&t[a..b], "Khamenei’s");
    }

    /// The char-by-char fold the byte-wise path must agree with.
    fn reference(text: &str) -> (String, Vec<(usize, usize)>) {
        let mut out = String::new();
        let mut origin = Vec::new();
        let mut last_space = false;
        for (b, c) in text.char_indices() {
            let range = (b, b + c.len_utf8());
            if c.is_whitespace() {
                if !last_space {
                    out.push(' ');
                    origin.push(range);
                }
                last_space = true;
                continue;
            }
            last_space = false;
            let before = out.len();
            fold_char(c, &mut out);
            origin.extend(std::iter::repeat_n(range, out.len() - before));
        }
        (out, origin)
    }

    #[test]
    fn byte_wise_fold_agrees_with_the_char_fold() {
        for t in [
            "The  Supreme\tLeader`s\r\n\x0B\x0CWORDS_1-2 \"x\"",
            "İstanbul \u{a0}\u{2003} ÀÉ–“Zarif’s” \u{85}ΣΑΣ x\u{1F600}y \n",
            "",
            "  ",
        ] {
            let f = Folded::new(t);
            let (text, origin) = reference(t);
            assert_eq!(f.text, text, "{t:?}");
            for (i, r) in origin.iter().enumerate() {
                assert_eq!(f.original(i, i + 1), *r, "{t:?} byte {i}");
            }
        }
    }

    #[test]
    fn boundaries() {
        let f = Folded::new("Iranian Iran");
        assert!(!f.on_word_boundaries(0, 4));
        assert!(f.on_word_boundaries(8, 12));
    }
}
