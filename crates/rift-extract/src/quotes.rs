//! Finding quoted passages in a paragraph: curly and straight, double and single marks,
//! guillemets, nested quotes, and openings with no closing mark (a quote running on to the next
//! paragraph).

use rift_text::Range;

/// A top-level quoted passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Byte range of the opening mark.
    pub open: Range,
    /// Byte range of the closing mark; `None` when the paragraph ended first.
    pub close: Option<Range>,
    /// Byte range of the content between the marks, trimmed of whitespace.
    pub content: Range,
    /// Single marks (‘…’) rather than double.
    pub single: bool,
}

impl Quote {
    /// End of the whole quote including its closing mark.
    pub fn end(&self) -> usize {
        self.close.as_ref().map_or(self.content.end, |c| c.end)
    }
}

fn is_letter(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// The first byte at or after `from` that can start a quotation mark (`"`, `'`, 0xC2, 0xE2),
/// `bytes.len()` when none: 8 bytes at a time, then byte by byte.
fn next_mark_byte(bytes: &[u8], mut from: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let has = |x: u64, c: u8| {
        let v = x ^ (LO * u64::from(c));
        v.wrapping_sub(LO) & !v & HI != 0
    };
    while let Some(c) = bytes.get(from..from + 8) {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([b'"'; 8]));
        if has(x, b'"') || has(x, b'\'') || has(x, 0xc2) || has(x, 0xe2) {
            break;
        }
        from += 8;
    }
    while from < bytes.len() && !matches!(bytes[from], b'"' | b'\'' | 0xc2 | 0xe2) {
        from += 1;
    }
    from
}

/// Finds top-level quotes in `text[range]`. Single-mark quotes are only found outside double
/// quotes; inside, they are part of the content (nested quotes).
pub fn find_quotes(text: &str, range: Range) -> Vec<Quote> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut open_double: Option<(usize, usize)> = None; // (byte, len)
    let mut open_single: Option<(usize, usize)> = None;
    // No per-paragraph buffer: most characters are not quote marks, and the neighbours of a
    // mark are decoded from the string around it.
    let mut skip = false;
    let bytes = s.as_bytes();
    let mut from = 0;
    loop {
        // Every mark starts with one of four bytes (`"`, `'`, and the lead bytes of U+00AB/BB
        // and U+2018-201E); those bytes always start a char, so only they are decoded.
        let i = next_mark_byte(bytes, from);
        if i == bytes.len() {
            break;
        }
        from = i + 1;
        let Some(c) = s[i..].chars().next() else {
            continue;
        };
        if !matches!(c, '“' | '„' | '«' | '”' | '»' | '"' | '‘' | '’' | '\'') {
            continue;
        }
        if skip {
            skip = false;
            continue;
        }
        let mut len = c.len_utf8();
        let p = s[..i].chars().next_back();
        let mut n = s[i + len..].chars().next();
        // Two apostrophes (`''…''`, as some wires print quotes) are one double mark.
        let c = if c == '\'' && n == Some('\'') {
            skip = true;
            len = 2;
            n = s[i + 2..].chars().next();
            '"'
        } else {
            c
        };
        let opener_ctx = p.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | '“' | '‘')
        }) && n.is_some_and(|n| !n.is_whitespace());
        let closer_ctx =
            p.is_some_and(|p| !p.is_whitespace()) && n.is_none_or(|n| !n.is_alphanumeric());
        match c {
            '“' if open_double.is_some() && closer_ctx && !opener_ctx => {
                // An opening mark typed as the closing one (`… a problem.“ said Jim Clyburn`):
                // after a word or punctuation and before a space, it can only close.
                if let Some((ob, ol)) = open_double.take() {
                    push(&mut out, s, base, ob, ol, Some((i, len)), i, false);
                }
            }
            '“' | '„' | '«' => {
                if let Some((ob, ol)) = open_double.take() {
                    // Unbalanced: a new opening before a closing. End the open one here.
                    push(&mut out, s, base, ob, ol, None, i, false);
                }
                open_single = None;
                open_double = Some((i, len));
            }
            '”' | '»' => {
                if let Some((ob, ol)) = open_double.take() {
                    push(&mut out, s, base, ob, ol, Some((i, len)), i, false);
                } else if c == '”' && opener_ctx && is_letter(n) {
                    // A closing mark typed as the opening one (`”Mr. Trump embodies …”`): no
                    // closer is followed by a letter.
                    open_single = None;
                    open_double = Some((i, len));
                }
            }
            '"' => {
                if let Some((ob, ol)) = open_double {
                    if closer_ctx || !opener_ctx {
                        open_double = None;
                        push(&mut out, s, base, ob, ol, Some((i, len)), i, false);
                    } else {
                        // Looks like a new opening: the previous one was never closed.
                        push(&mut out, s, base, ob, ol, None, i, false);
                        open_double = Some((i, len));
                    }
                } else if opener_ctx {
                    open_single = None;
                    open_double = Some((i, len));
                }
            }
            '‘' if open_double.is_none() && open_single.is_none() => {
                open_single = Some((i, len));
            }
            '\'' if open_double.is_none()
                && open_single.is_none()
                && opener_ctx
                && is_letter(n) =>
            {
                open_single = Some((i, len));
            }
            '’' | '\'' if open_double.is_none() => {
                if let Some((ob, ol)) = open_single {
                    let apostrophe = is_letter(p) && is_letter(n);
                    if !apostrophe && closer_ctx {
                        open_single = None;
                        push(&mut out, s, base, ob, ol, Some((i, len)), i, true);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some((ob, ol)) = open_double {
        push(&mut out, s, base, ob, ol, None, s.len(), false);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Quote>,
    s: &str,
    base: usize,
    ob: usize,
    ol: usize,
    close: Option<(usize, usize)>,
    content_end: usize,
    single: bool,
) {
    let inner = &s[ob + ol..content_end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    if inner.trim().is_empty() {
        return;
    }
    out.push(Quote {
        open: base + ob..base + ob + ol,
        close: close.map(|(b, l)| base + b..base + b + l),
        content: base + ob + ol + lead..base + content_end - trail,
        single,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_bytes_are_found_as_a_byte_scan_finds_them() {
        let text = "He said \"no\" – and ‘yes’, «oui», it's\u{a0}over: “done” … end".as_bytes();
        for from in 0..=text.len() {
            let want = (from..text.len())
                .find(|&k| matches!(text[k], b'"' | b'\'' | 0xc2 | 0xe2))
                .unwrap_or(text.len());
            assert_eq!(next_mark_byte(text, from), want, "from {from}");
        }
        assert_eq!(next_mark_byte(b"no marks in this line at all", 0), 28);
    }

    fn contents(s: &str) -> Vec<(&str, bool)> {
        find_quotes(s, 0..s.len())
            .into_iter()
            .map(|q| (&s[q.content.clone()], q.close.is_some()))
            .collect()
    }

    #[test]
    fn curly_straight_single_and_nested() {
        assert_eq!(contents("He said: “No war.” Then"), [("No war.", true)]);
        assert_eq!(
            contents("He said \"No war,\" and left"),
            [("No war,", true)]
        );
        assert_eq!(
            contents("Khamenei said ‘Negotiation is poison’, voices"),
            [("Negotiation is poison", true)]
        );
        assert_eq!(
            contents("“He called it ‘a disaster’ today,” she said."),
            [("He called it ‘a disaster’ today,", true)]
        );
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        assert_eq!(
            contents("Iran’s leader isn’t here. The leaders’ meeting"),
            []
        );
        assert_eq!(
            contents("the country’s ‘red line’ holds"),
            [("red line", true)]
        );
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        assert_eq!(
            contents("“It goes on and on"),
            [("It goes on and on", false)]
        );
        assert_eq!(contents("“One. “Two.”"), [("One.", false), ("Two.", true)]);
        // a closing mark typed as the opening one
        assert_eq!(
            contents("”Mr. Trump embodies it.” ― Sonya"),
            [("Mr. Trump embodies it.", true)]
        );
        assert_eq!(contents("it was over.” Then"), []);
        // an opening mark typed as the closing one
        assert_eq!(
            contents("“It is a problem.“ said Jim Clyburn."),
            [("It is a problem.", true)]
        );
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        assert_eq!(
            contents("''It is over,'' he said. ''Done''"),
            [("It is over,", true), ("Done", true)]
        );
        assert_eq!(
            contents("He called it ''a 'big' mess'' today"),
            [("a 'big' mess", true)]
        );
    }
}
