//! Sentence segmentation for news English.
//!
//! A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or brackets) when the
//! next word starts with an upper-case letter, a digit or an opening quote — unless the word
//! before the period is a known abbreviation (`Mr.`, `Gen.`, `Jan.`), an initial (`J.`) or a
//! dotted acronym (`U.S.`) followed by a word that usually continues (`U.S. forces`), and
//! unless the opening quote or bracket that follows starts a lower-case word (`U.S. “clearly”`).

use crate::Range;

/// Splits paragraphs into sentences. Stateless; reuse one for many texts.
#[derive(Debug, Default, Clone)]
pub struct Segmenter;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt",
    "adm", "cmdr", "pres", "sec", "st", "jr", "sr", "rev", "hon", "amb", "atty", "supt", "insp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "etc", "inc", "corp", "ltd", "co", "mt", "ft", "ave", "approx", "dept", "est", "fig",
];

/// The first `.`, `!` or `?` in `bytes` at or after `from` (`bytes.len()` when none), 8 bytes
/// at a time.
fn next_terminator(bytes: &[u8], mut from: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let has = |x: u64, c: u8| {
        let v = x ^ (LO * u64::from(c));
        v.wrapping_sub(LO) & !v & HI != 0
    };
    while let Some(c) = bytes.get(from..from + 8) {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([b'.'; 8]));
        if has(x, b'.') || has(x, b'!') || has(x, b'?') {
            break;
        }
        from += 8;
    }
    while from < bytes.len() && !matches!(bytes[from], b'.' | b'!' | b'?') {
        from += 1;
    }
    from
}

/// Whether `next` is an opening quote or bracket whose first letter is lower-case (`the U.S.
/// “clearly” needed`, `Bitch!” (for …)`): the sentence goes on.
fn opens_lower(next: &str) -> bool {
    let mut cs = next.chars();
    matches!(cs.next(), Some('"' | '“' | '‘' | '\'' | '(' | '['))
        && cs.next().is_some_and(char::is_lowercase)
}

fn is_close_char(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

impl Segmenter {
    /// A segmenter.
    pub fn new() -> Self {
        Segmenter
    }

    /// Byte ranges of the sentences in `text[range]` (offsets into `text`), trimmed of
    /// surrounding whitespace.
    pub fn split(&self, text: &str, range: Range) -> Vec<Range> {
        let mut out = Vec::new();
        let s = &text[range.clone()];
        let base = range.start;
        let bytes = s.as_bytes();
        let mut start = 0usize;
        let mut i = 0usize;
        while i < s.len() {
            i = next_terminator(bytes, i);
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if matches!(b, b'.' | b'!' | b'?') {
                // extend over repeated terminators and closing quotes/brackets
                let mut j = i + 1;
                while j < s.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                while let Some(c) = s[j..].chars().next() {
                    if is_close_char(c) {
                        j += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let ws_end = j + s[j..].len() - s[j..].trim_start().len();
                let next = s[ws_end..].chars().next();
                let has_space = ws_end > j;
                let boundary = match next {
                    None => true,
                    Some(c) => {
                        has_space
                            && (c.is_uppercase()
                                || c.is_ascii_digit()
                                || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '['))
                            && !(b == b'.' && self.is_abbreviation(s, i, &s[ws_end..]))
                            && !opens_lower(&s[ws_end..])
                    }
                };
                if boundary {
                    push_trimmed(&mut out, s, base, start, j);
                    start = ws_end;
                    i = ws_end;
                    continue;
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
        push_trimmed(&mut out, s, base, start, s.len());
        out
    }

    fn is_abbreviation(&self, s: &str, dot: usize, next: &str) -> bool {
        let word_start = s[..dot]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
            .map(|p| p + s[p..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let word = &s[word_start..dot];
        if word.is_empty() {
            return false;
        }
        let lower = word.to_ascii_lowercase();
        if ABBREVIATIONS.contains(&lower.as_str()) {
            return true;
        }
        // Single initial: "J. Smith"
        if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            return true;
        }
        // Dotted acronym "U.S." followed by a word that usually continues the sentence.
        if word.contains('.') {
            let nw: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
            return CONTINUERS.contains(&nw.as_str());
        }
        false
    }
}

/// Capitalised words that often follow `U.S.`/`U.N.` inside a sentence.
const CONTINUERS: &[&str] = &[
    "Army",
    "Navy",
    "Air",
    "Senate",
    "House",
    "Congress",
    "President",
    "Secretary",
    "Department",
    "State",
    "Treasury",
    "Embassy",
    "Ambassador",
    "Supreme",
    "Court",
    "Capitol",
    "Marines",
    "Forces",
    "Security",
    "Council",
    "General",
    "Attorney",
    "Representative",
    "Senator",
    "Rep",
    "Sen",
];

fn push_trimmed(out: &mut Vec<Range>, s: &str, base: usize, start: usize, end: usize) {
    let seg = &s[start..end];
    let lead = seg.len() - seg.trim_start().len();
    let trail = seg.len() - seg.trim_end().len();
    if seg.trim().is_empty() {
        return;
    }
    out.push(base + start + lead..base + end - trail);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        Segmenter::new()
            .split(s, 0..s.len())
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn splits_news_sentences() {
        assert_eq!(
            split("Mr. Smith met Gen. Jones in the U.S. Army base. They talked. “Yes,” he said."),
            [
                "Mr. Smith met Gen. Jones in the U.S. Army base.",
                "They talked.",
                "“Yes,” he said."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said: “No war.” Then he left."),
            ["He said: “No war.”", "Then he left."]
        );
        assert_eq!(
            split("talks with the U.S. The end."),
            ["talks with the U.S.", "The end."]
        );
    }

    #[test]
    fn a_quote_or_bracket_that_opens_lower_case_goes_on() {
        assert_eq!(
            split("She said the U.S. “clearly” needed more. It did."),
            ["She said the U.S. “clearly” needed more.", "It did."]
        );
        assert_eq!(
            split("He won. (for now) Then he lost. “Yes,” she said."),
            ["He won. (for now) Then he lost.", "“Yes,” she said."]
        );
    }

    #[test]
    fn no_split_inside_lowercase_continuation() {
        assert_eq!(
            split("It was 3.5 percent, i.e. small."),
            ["It was 3.5 percent, i.e. small."]
        );
    }
}
