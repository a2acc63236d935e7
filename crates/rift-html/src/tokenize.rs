//! A small, forgiving HTML tokenizer that keeps byte offsets.
//!
//! It is not a tree builder: [`crate::clean`] keeps its own element stack. What matters here is
//! that every text token knows where it is in the page, so the cleaned article text can be mapped
//! back ([`crate::OffsetMap`]). Raw-text elements (`script`, `style`, `template`, `noscript`,
//! `textarea`, `title`) are returned whole as one [`Token::Raw`]. Malformed markup never fails: a
//! `<` that opens no tag is text, an unclosed tag or comment ends at the end of input.

/// One token of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attr=value …>`; `name` lower-cased, attribute names lower-cased, values decoded.
    Start {
        /// Tag name.
        name: String,
        /// Attributes in order.
        attrs: Vec<(String, String)>,
        /// `<br/>`-style.
        self_closing: bool,
        /// Byte offset of `<`.
        pos: usize,
    },
    /// `</name>`.
    End {
        /// Tag name, lower-cased.
        name: String,
        /// Byte offset of `<`.
        pos: usize,
    },
    /// Character data between tags, entities not yet decoded.
    Text {
        /// The raw text.
        text: &'a str,
        /// Byte offset of its first byte.
        pos: usize,
    },
    /// The content of a raw-text element (already returned as `Start`), up to its end tag.
    Raw {
        /// Element name.
        name: String,
        /// The raw content.
        text: &'a str,
        /// Byte offset of its first byte.
        pos: usize,
    },
}

/// Elements whose content is not markup.
const RAW: &[&str] = &[
    "script", "style", "template", "noscript", "textarea", "title", "xmp",
];

/// Iterator over the tokens of `html`.
pub struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    raw_pending: Option<String>,
}

impl<'a> Tokenizer<'a> {
    /// Tokenizes `src`.
    pub fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw_pending: None,
        }
    }
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let s = self.src;
        let b = s.as_bytes();
        if let Some(name) = self.raw_pending.take() {
            let start = self.pos;
            let end = find_end_tag(s, start, &name).unwrap_or(s.len());
            self.pos = end;
            return Some(Token::Raw {
                name,
                text: &s[start..end],
                pos: start,
            });
        }
        loop {
            if self.pos >= b.len() {
                return None;
            }
            let start = self.pos;
            if b[start] != b'<' {
                let end = memchr_lt(b, start + 1);
                self.pos = end;
                return Some(Token::Text {
                    text: &s[start..end],
                    pos: start,
                });
            }
            let next = b.get(start + 1).copied();
            match next {
                Some(b'!') => {
                    if s[start..].starts_with("<!--") {
                        let end = s[start + 4..]
                            .find("-->")
                            .map_or(s.len(), |i| start + 4 + i + 3);
                        self.pos = end;
                    } else if s[start..]
                        .get(..9)
                        .is_some_and(|p| p.eq_ignore_ascii_case("<![cdata["))
                    {
                        let end = s[start + 9..]
                            .find("]]>")
                            .map_or(s.len(), |i| start + 9 + i);
                        self.pos = (end + 3).min(s.len());
                        return Some(Token::Text {
                            text: &s[start + 9..end],
                            pos: start + 9,
                        });
                    } else {
                        self.pos = skip_to_gt(b, start);
                    }
                    continue;
                }
                Some(b'?') => {
                    self.pos = skip_to_gt(b, start);
                    continue;
                }
                Some(b'/') if b.get(start + 2).copied().is_some_and(is_name_start) => {
                    let name_end = name_end(b, start + 2);
                    let name = s[start + 2..name_end].to_ascii_lowercase();
                    self.pos = skip_to_gt(b, name_end);
                    return Some(Token::End { name, pos: start });
                }
                Some(c) if is_name_start(c) => {
                    let (tok, end) = parse_start(s, start);
                    self.pos = end;
                    if let Token::Start {
                        name, self_closing, ..
                    } = &tok
                    {
                        if !*self_closing && RAW.contains(&name.as_str()) {
                            self.raw_pending = Some(name.clone());
                        }
                    }
                    return Some(tok);
                }
                _ => {
                    // A lone `<`: text.
                    let end = memchr_lt(b, start + 1);
                    self.pos = end;
                    return Some(Token::Text {
                        text: &s[start..end],
                        pos: start,
                    });
                }
            }
        }
    }
}

fn memchr_lt(b: &[u8], from: usize) -> usize {
    b[from.min(b.len())..]
        .iter()
        .position(|&c| c == b'<')
        .map_or(b.len(), |i| from + i)
}

fn skip_to_gt(b: &[u8], from: usize) -> usize {
    b[from.min(b.len())..]
        .iter()
        .position(|&c| c == b'>')
        .map_or(b.len(), |i| from + i + 1)
}

fn name_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        .map_or(b.len(), |i| from + i)
}

/// Byte offset of `</name` (case-insensitive) at or after `from`.
fn find_end_tag(s: &str, from: usize, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = from;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + off;
        let rest = &b[at..];
        if rest.len() >= 2 + name.len()
            && rest[1] == b'/'
            && rest[2..2 + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && rest
                .get(2 + name.len())
                .is_none_or(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn parse_start(s: &str, start: usize) -> (Token<'_>, usize) {
    let b = s.as_bytes();
    let ne = name_end(b, start + 1);
    let name = s[start + 1..ne].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut i = ne;
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            if b[i] == b'/' {
                self_closing = true;
            }
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        self_closing = false;
        let an_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        // A `/` inside an attribute name that is not followed by `>` (rare) is skipped above.
        if i == an_start {
            i += 1;
            continue;
        }
        let an = s[an_start..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                let vs = j + 1;
                let ve = b[vs..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |k| vs + k);
                value = decode_entities(&s[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                value = decode_entities(&s[vs..j]);
                i = j;
            }
        }
        attrs.push((an, value));
    }
    (
        Token::Start {
            name,
            attrs,
            self_closing,
            pos: start,
        },
        i,
    )
}

/// Decodes character references in `s` (all numeric ones and the common named ones).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match entity_at(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decoded text of the character reference at the start of `s` (which starts with `&`) and the
/// number of bytes it spans.
pub fn entity_at(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (digits_start, radix) = match b.get(2) {
            Some(b'x') | Some(b'X') => (3, 16),
            _ => (2, 10),
        };
        let end = b[digits_start..]
            .iter()
            .take(8)
            .position(|c| !c.is_ascii_hexdigit() || (radix == 10 && !c.is_ascii_digit()))
            .map_or((b.len()).min(digits_start + 8), |k| digits_start + k);
        if end == digits_start {
            return None;
        }
        let n = u32::from_str_radix(&s[digits_start..end], radix).ok()?;
        let c = match n {
            0 => '\u{FFFD}',
            // Windows-1252 C1 range, as browsers map it.
            0x80..=0x9F => win1252_c1(n),
            _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        let len = if b.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        return Some((c, len));
    }
    let end = b[1..]
        .iter()
        .take(12)
        .position(|c| !c.is_ascii_alphanumeric())
        .map(|k| k + 1)?;
    if b.get(end) != Some(&b';') {
        return None;
    }
    let c = match &s[1..end] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "sbquo" => '‚',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "szlig" => 'ß',
        "shy" => '\u{ad}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        _ => return None,
    };
    Some((c, end + 1))
}

fn win1252_c1(n: u32) -> char {
    const T: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    T[(n - 0x80) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_with_offsets() {
        let html = "<p class=\"a b\" data-x=1>Hi &amp; <b>there</b><!-- c --><script>if (a<b) x()</script></p>";
        let toks: Vec<Token> = Tokenizer::new(html).collect();
        assert!(
            matches!(&toks[0], Token::Start { name, attrs, .. } if name == "p" && attrs[0] == ("class".into(), "a b".into()) && attrs[1].1 == "1")
        );
        assert!(matches!(
            &toks[1],
            Token::Text {
                text: "Hi &amp; ",
                pos: 24
            }
        ));
        assert!(matches!(&toks[5], Token::Start { name, .. } if name == "script"));
        assert!(matches!(
            &toks[6],
            Token::Raw {
                text: "if (a<b) x()",
                ..
            }
        ));
        assert!(matches!(&toks[7], Token::End { name, .. } if name == "script"));
        assert!(matches!(toks.last(), Some(Token::End { name, .. }) if name == "p"));
    }

    #[test]
    fn broken_markup_does_not_fail() {
        for html in [
            "<",
            "<p",
            "<!--",
            "<a href='x",
            "a < b",
            "</",
            "<![CDATA[x",
            "&#xFFFFFFFF;",
            "&#;",
        ] {
            let _ = Tokenizer::new(html).count();
            let _ = decode_entities(html);
        }
        assert_eq!(
            decode_entities("a&rsquo;b &#8220;c&#x201D; &bogus; &#150;"),
            "a’b “c” &bogus; –"
        );
    }
}
