//! A small, allocation-light tokenizer: words (with inner apostrophes, hyphens, periods of
//! abbreviations like `U.S.`) and single punctuation characters.

use crate::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters/digits, possibly with inner `'`, `’`, `-`, `.`, `&`-free.
    Word,
    /// One punctuation or symbol character (including quote marks).
    Punct,
}

/// One token: byte range into the text, and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word or punctuation.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    #[inline] // called per token from other crates (no LTO): worth inlining there
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    /// True for a word whose first char is upper-case.
    #[inline]
    pub fn is_capitalized(&self, text: &str) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        match text.as_bytes().get(self.start) {
            Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text[self.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        }
    }
}

/// `ASCII_ALNUM[b]`: `b.is_ascii_alphanumeric()`, as one load in the word loop.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // General Punctuation (curly quotes, dashes) has no letter or digit: skip the tables
        !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphanumeric()
    }
}

/// The char at byte `p` of `s` (a char boundary) and its length; ASCII without decoding.
#[inline]
fn char_at(s: &str, p: usize) -> (char, usize) {
    match s.as_bytes().get(p) {
        Some(&b) if b.is_ascii() => (char::from(b), 1),
        _ => {
            let c = s[p..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            (c, c.len_utf8())
        }
    }
}

/// Tokenizes `text[range]`, appending to `out` (cleared first). Offsets are into `text`.
pub fn tokenize(text: &str, range: Range, out: &mut Vec<Token>) {
    out.clear();
    let s = &text[range.clone()];
    let base = range.start;
    let n = s.len();
    let bytes = s.as_bytes();
    let mut p = 0;
    while p < n {
        if bytes[p] == b' ' {
            p += 1;
            continue;
        }
        let (c, w) = char_at(s, p);
        if c.is_whitespace() {
            p += w;
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                start: base + p,
                end: base + p + w,
                kind: TokenKind::Punct,
            });
            p += w;
            continue;
        }
        let i = p;
        // `end` is always the byte after the last char taken into the word
        let mut end = p + w;
        while end < n {
            if ASCII_ALNUM[usize::from(bytes[end])] {
                end += 1;
                continue;
            }
            let (d, dw) = char_at(s, end);
            if is_word_char(d) {
                end += dw;
                continue;
            }
            // Inner joiners: keep "isn't", "Iran’s", "well-known", "U.S." together.
            if matches!(d, '\'' | '’' | '-' | '.') {
                let joins = match d {
                    '.' => {
                        // "U.S." / "p.m.": single letters separated by dots.
                        let word = &s[i..end];
                        let last_seg = word.rsplit('.').next().unwrap_or(word);
                        last_seg.chars().count() == 1 && last_seg.chars().all(char::is_alphanumeric)
                    }
                    _ => end + dw < n && is_word_char(char_at(s, end + dw).0),
                };
                if joins {
                    end += dw;
                    continue;
                }
            }
            break;
        }
        out.push(Token {
            start: base + i,
            end: base + end,
            kind: TokenKind::Word,
        });
        p = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, 0..s.len(), &mut v);
        v.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn the_byte_table_is_ascii_alphanumeric() {
        for b in 0..=u8::MAX {
            assert_eq!(
                ASCII_ALNUM[usize::from(b)],
                b.is_ascii_alphanumeric(),
                "{b}"
            );
        }
    }

    #[test]
    fn word_chars_are_alphanumeric() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn keeps_contractions_abbreviations_and_possessives() {
        assert_eq!(
            words("There isn’t any war."),
            ["There", "isn’t", "any", "war", "."]
        );
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(
            words("Iran’s well-known “poison”"),
            ["Iran’s", "well-known", "“", "poison", "”"]
        );
        assert_eq!(words("end. Next"), ["end", ".", "Next"]);
    }
}
