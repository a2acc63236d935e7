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
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word
            && text[self.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenizes `text[range]`, appending to `out` (cleared first). Offsets are into `text`.
pub fn tokenize(text: &str, range: Range, out: &mut Vec<Token>) {
    out.clear();
    let s = &text[range.clone()];
    let base = range.start;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // Inner joiners: keep "isn't", "Iran’s", "well-known", "U.S." together.
                if matches!(d, '\'' | '’' | '-' | '.') {
                    let after = s[j + d.len_utf8()..].chars().next();
                    let joins = match d {
                        '.' => {
                            // "U.S." / "p.m.": single letters separated by dots.
                            let word = &s[i..j];
                            let last_seg = word.rsplit('.').next().unwrap_or(word);
                            let _ = after;
                            last_seg.chars().count() == 1
                                && last_seg.chars().all(char::is_alphanumeric)
                        }
                        _ => after.is_some_and(is_word_char),
                    };
                    if joins {
                        end = j + d.len_utf8();
                        it.next();
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
        } else {
            out.push(Token {
                start: base + i,
                end: base + i + c.len_utf8(),
                kind: TokenKind::Punct,
            });
        }
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
