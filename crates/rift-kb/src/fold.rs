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
    /// Where each folded byte came from, as runs ordered by folded offset (see [`Seg`]): one
    /// run per stretch of ASCII that folds byte for byte (most of an English text), one per
    /// other char and per collapsed white space — instead of a `(start, end)` pair per byte.
    segs: Vec<Seg>,
}

/// A run of folded bytes from `at` up to the next run's `at`.
#[derive(Debug, Clone, Copy)]
struct Seg {
    /// First folded byte of the run.
    at: u32,
    /// `start == end`: folded byte `at + k` came from the one-byte char at original byte
    /// `start + k`. Otherwise every byte of the run came from the char `[start, end)`.
    start: u32,
    end: u32,
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
const fn fold_ascii(b: u8) -> Option<u8> {
    // `char::is_whitespace` on ASCII: space, \t, \n, \x0B, \x0C, \r.
    match b {
        b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => None,
        b'`' => Some(b'\''),
        _ => Some(b.to_ascii_lowercase()),
    }
}

/// White space in [`ASCII_FOLD`] (not an ASCII byte, so no folded byte is mistaken for it).
const SPACE: u8 = 0xff;

/// [`fold_ascii`] as a table: the folded byte of each ASCII byte, [`SPACE`] for white space.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match fold_ascii(b as u8) {
            Some(f) => f,
            None => SPACE,
        };
        b += 1;
    }
    t
};

/// [`ASCII_FOLD`] with white space folded to `' '`: what an ASCII byte becomes in the folded
/// text when it is kept.
const ASCII_OUT: [u8; 128] = {
    let mut t = ASCII_FOLD;
    let mut b = 0;
    while b < 128 {
        if t[b] == SPACE {
            t[b] = b' ';
        }
        b += 1;
    }
    t
};

/// `0x01` in every byte of a `u64`: eight bytes of a text are tested and folded at once below.
const LO: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
const HI: u64 = 0x8080_8080_8080_8080;

/// Eight bytes of a text, first byte lowest (`None` past its end).
#[inline]
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let b: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(b))
}

/// True when some byte of `x` is below `n` (exact for `n` <= 128 as an answer for the whole
/// word, though not for which byte).
#[inline]
const fn has_less(x: u64, n: u8) -> bool {
    x.wrapping_sub(LO * n as u64) & !x & HI != 0
}

/// True when the eight bytes of `x` are ASCII that [`ASCII_OUT`] maps by lower-casing alone:
/// no control byte (white space other than `' '` among them) and no backtick.
#[inline]
const fn plain(x: u64) -> bool {
    x & HI == 0 && !has_less(x, 0x20) && !has_less(x ^ (LO * b'`' as u64), 1)
}

/// The high bit of each byte of `x` that is a space (`x` ASCII).
#[inline]
const fn spaces(x: u64) -> u64 {
    let t = x ^ (LO * b' ' as u64);
    !(((t & !HI) + !HI) | t) & HI
}

/// [`ASCII_OUT`] of eight [`plain`] bytes: `A`–`Z` get their bit `0x20`.
#[inline]
const fn lower(x: u64) -> u64 {
    let at_least_a = x + LO * (0x80 - b'A' as u64);
    let past_z = x + LO * (0x80 - b'Z' as u64 - 1);
    x | ((at_least_a & !past_z & HI) >> 2)
}

/// Appends `src` (ASCII) mapped through [`ASCII_OUT`], eight bytes at a time where they are
/// [`plain`].
fn push_ascii(out: &mut Vec<u8>, src: &[u8]) {
    let mut chunks = src.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        if plain(x) {
            out.extend_from_slice(&lower(x).to_le_bytes());
        } else {
            out.extend(c.iter().map(|&b| ASCII_OUT[b as usize]));
        }
    }
    out.extend(chunks.remainder().iter().map(|&b| ASCII_OUT[b as usize]));
}

/// The end of the byte-for-byte ASCII run from `i`, and whether its last byte is white space:
/// bytes are taken while ASCII and not white space after white space (`space`: the byte before
/// `i` was). Eight [`plain`] bytes holding no two adjacent spaces are taken at once; after a
/// word that is not, its eight bytes are tested one at a time.
#[inline]
fn ascii_run(bytes: &[u8], i: usize, mut space: bool) -> (usize, bool) {
    let mut j = i;
    loop {
        let slow_end = match word_at(bytes, j) {
            Some(x) if plain(x) => {
                let sp = spaces(x);
                if sp & (sp >> 8) == 0 && !(space && sp & 0x80 != 0) {
                    space = sp >> 63 != 0;
                    j += 8;
                    continue;
                }
                j + 8
            }
            Some(_) => j + 8,
            None => bytes.len(),
        };
        while j < slow_end {
            let b = bytes[j];
            if !b.is_ascii() {
                return (j, space);
            }
            if ASCII_FOLD[b as usize] == SPACE {
                if space {
                    return (j, space);
                }
                space = true;
            } else {
                space = false;
            }
            j += 1;
        }
        if j >= bytes.len() {
            return (j, space);
        }
    }
}

impl Folded {
    /// Folds `text`, keeping the offset map. ASCII bytes (most of an English text, between its
    /// curly quotes) take a byte-wise path that adds to the map only where the byte-for-byte
    /// correspondence breaks (a collapsed space, a non-ASCII char); other chars go through
    /// [`fold_char`].
    pub fn new(text: &str) -> Folded {
        let bytes = text.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(text.len());
        let mut segs: Vec<Seg> = Vec::new();
        // True while the last run is byte-for-byte and ends at the current byte.
        let mut aligned = false;
        let mut last_space = false;
        let mut scratch = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                // A run of ASCII bytes. Bytes `[i, j)` fold byte for byte (every ASCII byte but
                // white space after white space): scanned first, then copied through the table
                // (both eight bytes at a time where they can), instead of a map check and a push
                // per byte.
                while i < bytes.len() && bytes[i].is_ascii() {
                    let (j, space) = ascii_run(bytes, i, last_space);
                    if j > i {
                        if !aligned {
                            segs.push(Seg {
                                at: out.len() as u32,
                                start: i as u32,
                                end: i as u32,
                            });
                            aligned = true;
                        }
                        push_ascii(&mut out, &bytes[i..j]);
                        last_space = space;
                        i = j;
                    }
                    // White space after white space is dropped.
                    while last_space
                        && i < bytes.len()
                        && bytes[i].is_ascii()
                        && ASCII_FOLD[bytes[i] as usize] == SPACE
                    {
                        aligned = false;
                        i += 1;
                    }
                }
                continue;
            }
            let c = text[i..].chars().next().expect("a char starts here");
            let len = c.len_utf8();
            let (start, end) = (i as u32, (i + len) as u32);
            i += len;
            aligned = false;
            if c.is_whitespace() {
                if !last_space {
                    last_space = true;
                    segs.push(Seg {
                        at: out.len() as u32,
                        start,
                        end,
                    });
                    out.push(b' ');
                }
                continue;
            }
            last_space = false;
            scratch.clear();
            fold_char(c, &mut scratch);
            segs.push(Seg {
                at: out.len() as u32,
                start,
                end,
            });
            out.extend_from_slice(scratch.as_bytes());
        }
        // Folded from a `str` one whole char at a time: valid UTF-8.
        let text = String::from_utf8(out).expect("folding keeps UTF-8");
        Folded { text, segs }
    }

    /// The original byte range `(start, end)` of the char folded byte `k` came from
    /// (`k` < the folded length).
    fn origin(&self, k: usize) -> (usize, usize) {
        let s = self.segs[self.segs.partition_point(|s| s.at as usize <= k) - 1];
        if s.start == s.end {
            let o = s.start as usize + (k - s.at as usize);
            (o, o + 1)
        } else {
            (s.start as usize, s.end as usize)
        }
    }

    /// The original byte range of folded bytes `[start, end)` (widened to whole characters).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || end > self.text.len() {
            let p = if start < self.text.len() {
                self.origin(start).0
            } else {
                usize::MAX
            };
            return (p, p);
        }
        (self.origin(start).0, self.origin(end - 1).1)
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
        let mut texts: Vec<String> = [
            "The  Supreme\tLeader`s\r\n\x0B\x0CWORDS_1-2 \"x\"",
            "İstanbul \u{a0}\u{2003} ÀÉ–“Zarif’s” \u{85}ΣΑΣ x\u{1F600}y \n",
            "",
            "  ",
            " x",
            "x ",
            "\u{2003} a\u{2003}",
            "\u{2003}\u{2003}  a  \u{2003} b",
            "a\u{130}\u{130}b  \u{1E9E}c`",
            "nul\0 \0\x7f end",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Every eight-byte alignment of double spaces, control bytes, backticks and the bytes
        // around `A`–`Z`, for the eight-at-a-time path.
        let tricky = "ABCDEFGH  IJKLMNOP\tQRSTUVWX`YZ[@]^_{|}~\x7f abcdefgh \u{2019}s WORD\x00x \n";
        for k in 0..16 {
            let pad = "Ab c".repeat(4);
            texts.push(format!("{}{tricky}{tricky}", &pad[..k]));
            texts.push(format!(" {}{tricky} ", &pad[..k]));
        }
        // PolNeAR texts, where the shared data is checked out.
        texts.extend(crate::train_texts(usize::MAX));
        for t in &texts {
            let t = t.as_str();
            let f = Folded::new(t);
            let (text, origin) = reference(t);
            assert_eq!(f.text, text, "{t:?}");
            for (i, r) in origin.iter().enumerate() {
                assert_eq!(f.original(i, i + 1), *r, "{t:?} byte {i}");
            }
            // Longer ranges, empty ones and ones past the end, as the first map answered them.
            let n = origin.len();
            let first = |s: usize, e: usize| -> (usize, usize) {
                if s >= e || e > n {
                    let p = origin.get(s).map_or(usize::MAX, |r| r.0);
                    return (p, p);
                }
                (origin[s].0, origin[e - 1].1)
            };
            for s in (0..n + 2).step_by(7) {
                for e in [s, s + 1, s + 5, s + 40, n, n + 1] {
                    assert_eq!(f.original(s, e), first(s, e), "{t:?} {s}..{e}");
                }
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
