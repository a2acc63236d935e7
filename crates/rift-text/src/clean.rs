//! Page furniture, headings, title and dateline: what of a text is analysed.
//!
//! The [`Cleaner`] never edits the text; it classifies each line-paragraph. Extraction reads only
//! [`ParaKind::Body`] and [`ParaKind::Title`] paragraphs, so a quote inside a section heading
//! (`The “Looking East” mirage`) or an ad slot (`728 x 90`) is never a statement.

use chrono::NaiveDate;

use crate::{dates, Range};

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    /// Running text: analysed.
    Body,
    /// The article's title (first line): analysed, since headlines carry attributions.
    Title,
    /// A section heading or subtitle: not analysed.
    Heading,
    /// Page furniture (ad slot, repeated line, byline, share bar): not text.
    Boilerplate,
}

/// One paragraph (one line of the input) with its classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range, trimmed; for the dateline paragraph it starts after the dateline.
    pub range: Range,
    /// What it is.
    pub kind: ParaKind,
    /// Why it is not body text (`ad slot`, `repeated line`, `byline`, `heading`), for diagnostics.
    pub reason: Option<&'static str>,
}

/// A dateline such as `Iran, May 19, 2019` at the start of the first body paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte range of the dateline itself.
    pub range: Range,
    /// Place (`Iran`).
    pub place: String,
    /// Date, when the dateline carries one.
    pub date: Option<NaiveDate>,
}

/// The result of cleaning: paragraphs, title, dateline, byline.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Every non-blank line, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Byte range of the title, when found.
    pub title: Option<Range>,
    /// The dateline, when found.
    pub dateline: Option<Dateline>,
    /// Byte range of a byline (`Analysis by PMOI/MEK`, `By Jane Doe`), when found.
    pub byline: Option<Range>,
}

impl Layout {
    /// Paragraphs that extraction reads.
    pub fn analysed(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| matches!(p.kind, ParaKind::Body | ParaKind::Title))
    }
}

/// Classifies the lines of a text. Configuration is plain data.
#[derive(Debug, Clone)]
pub struct Cleaner {
    /// Lines of at most this many words without final punctuation are headings.
    pub max_heading_words: usize,
    /// Treat the first line as a title when it has at most this many words.
    pub max_title_words: usize,
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner {
            max_heading_words: 14,
            max_title_words: 30,
        }
    }
}

const FURNITURE: &[&str] = &[
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "read more",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "more stories",
    "comments",
    "leave a comment",
    "leave a reply",
    "subscribe",
    "sign up",
    "newsletter",
    "click here",
    "skip to content",
    "skip to main content",
    "menu",
    "home",
    "search",
    "log in",
    "login",
    "sign in",
    "follow us",
    "trending",
    "most popular",
    "you may also like",
    "recommended",
    "back to top",
    "loading",
    "loading...",
    "continue reading",
    "view comments",
];

impl Cleaner {
    /// A cleaner with default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Classifies `text` line by line.
    pub fn layout(&self, text: &str) -> Layout {
        let mut layout = Layout::default();
        // FxHash: SipHash over every line was a fifth of the layout's cost
        let mut seen: std::collections::HashSet<&str, rift_core::hash::FxBuild> =
            Default::default();
        let mut offset = 0usize;
        let mut first_text_line = true;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let range = start + lead..start + lead + trimmed.len();
            let (kind, reason) = if is_ad_slot(trimmed) {
                (ParaKind::Boilerplate, Some("ad slot"))
            } else if !seen.insert(trimmed) {
                (ParaKind::Boilerplate, Some("repeated line"))
            } else if is_furniture(trimmed) {
                (ParaKind::Boilerplate, Some("page furniture"))
            } else if is_byline(trimmed) {
                layout.byline.get_or_insert(range.clone());
                (ParaKind::Boilerplate, Some("byline"))
            } else if first_text_line && words_at_most(trimmed, self.max_title_words) {
                layout.title = Some(range.clone());
                (ParaKind::Title, None)
            } else if self.is_heading(trimmed) {
                (ParaKind::Heading, Some("heading"))
            } else {
                (ParaKind::Body, None)
            };
            if kind != ParaKind::Boilerplate {
                first_text_line = false;
            }
            layout.paragraphs.push(Paragraph {
                range,
                kind,
                reason,
            });
        }
        // Dateline: at the start of one of the first body paragraphs.
        for p in layout
            .paragraphs
            .iter_mut()
            .filter(|p| p.kind == ParaKind::Body)
            .take(3)
        {
            if let Some((dl, body_start)) = parse_dateline(text, p.range.clone()) {
                p.range.start = body_start;
                layout.dateline = Some(dl);
                break;
            }
        }
        layout
    }

    fn is_heading(&self, line: &str) -> bool {
        let last = line.chars().next_back().unwrap_or('.');
        let ends_open = !matches!(
            last,
            '.' | '!' | '?' | ':' | ';' | ',' | '”' | '"' | '’' | '\'' | ')'
        );
        ends_open && words_at_most(line, self.max_heading_words) && !is_dash_credit(line)
    }
}

/// A quote credited after a dash (`“We can build a wall.” — Jose Ruiz`): body text, however
/// short.
fn is_dash_credit(line: &str) -> bool {
    line.rfind(['”', '"']).is_some_and(|i| {
        line[i..]
            .trim_start_matches(['”', '"'])
            .trim_start()
            .starts_with(['—', '–', '―', '-'])
    })
}

/// Whether `s` has at most `n` words (whitespace-separated pieces with a letter or digit).
/// Stops counting at word `n + 1`: every line is asked (bylines), most are long paragraphs.
fn words_at_most(s: &str, n: usize) -> bool {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .nth(n)
        .is_none()
}

fn is_ad_slot(line: &str) -> bool {
    // "728 x 90", "300×250", "Advertisement 728x90"
    if line.len() > 40 {
        return false;
    }
    let l = line.trim_start_matches(|c: char| c.is_alphabetic() || c == ' ');
    let mut parts = l.splitn(2, ['x', 'X', '×']);
    let (a, b) = match (parts.next(), parts.next()) {
        (Some(a), Some(b)) => (a.trim(), b.trim()),
        _ => return false,
    };
    let num = |s: &str| (2..=4).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    num(a) && num(b)
}

fn is_furniture(line: &str) -> bool {
    if line.len() > 40 {
        return false;
    }
    let l = line
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    FURNITURE.contains(&l.as_str())
}

fn is_byline(line: &str) -> bool {
    if line.ends_with('.') || !words_at_most(line, 8) {
        return false;
    }
    let l = line.to_lowercase();
    let rest = [
        "analysis by ",
        "written by ",
        "reported by ",
        "report by ",
        "by ",
    ]
    .iter()
    .find_map(|p| l.strip_prefix(p).map(|_| &line[p.len()..]));
    rest.is_some_and(|r| r.chars().next().is_some_and(|c| c.is_uppercase()))
}

/// `Place, Month D, YYYY` or `PLACE (Agency) —` at the start of a paragraph. Returns the dateline
/// and the byte where the body text starts.
fn parse_dateline(text: &str, range: Range) -> Option<(Dateline, usize)> {
    let s = &text[range.clone()];
    let comma = s.find(',').unwrap_or(0);
    let place = &s[..comma];
    let place_ok = !place.is_empty()
        && place.split_whitespace().count() <= 4
        && place
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if place_ok {
        let after = &s[comma + 1..];
        if let Some(f) = dates::parse_at(after, None) {
            if f.has_year {
                let dl_end = comma + 1 + f.end;
                let rest = &s[dl_end..];
                let skip = rest.len()
                    - rest
                        .trim_start_matches(|c: char| {
                            c.is_whitespace() || matches!(c, '-' | '—' | '–' | ':')
                        })
                        .len();
                let dateline = Dateline {
                    range: range.start..range.start + dl_end,
                    place: place.trim().to_string(),
                    date: Some(f.date),
                };
                return Some((dateline, range.start + dl_end + skip));
            }
        }
    }
    // "WASHINGTON (Reuters) — text" / "TEHRAN — text"
    let dash = s
        .find(['—', '–'])
        .or_else(|| s.find(" - ").map(|p| p + 1))?;
    let head = s[..dash].trim();
    let (place_part, _agency) = match head.find('(') {
        Some(p) => (head[..p].trim(), Some(&head[p..])),
        None => (head, None),
    };
    let letters: Vec<char> = place_part.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && place_part.split_whitespace().count() <= 4
    {
        let dash_len = s[dash..].chars().next().map_or(1, char::len_utf8);
        let rest = &s[dash + dash_len..];
        let skip = rest.len() - rest.trim_start().len();
        let dateline = Dateline {
            range: range.start..range.start + dash + dash_len,
            place: place_part.trim_end_matches(',').to_string(),
            date: None,
        };
        return Some((dateline, range.start + dash + dash_len + skip));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "728 x 90\n\nIran and talks: Poison or Cure?\n\nAre talks poison for the regime\nAre talks poison for the regime\n\nAnalysis by PMOI/MEK\n\n\nIran, May 19, 2019In an attempt to calm fears, he spoke.\n\nThe “Looking East” mirage\n\nHe said more.\n";

    #[test]
    fn marks_furniture_headings_title_and_dateline() {
        let l = Cleaner::new().layout(PAGE);
        let kinds: Vec<(ParaKind, &str)> = l
            .paragraphs
            .iter()
            .map(|p| (p.kind, &PAGE[p.range.clone()]))
            .collect();
        assert_eq!(
            kinds,
            [
                (ParaKind::Boilerplate, "728 x 90"),
                (ParaKind::Title, "Iran and talks: Poison or Cure?"),
                (ParaKind::Heading, "Are talks poison for the regime"),
                (ParaKind::Boilerplate, "Are talks poison for the regime"),
                (ParaKind::Boilerplate, "Analysis by PMOI/MEK"),
                (ParaKind::Body, "In an attempt to calm fears, he spoke."),
                (ParaKind::Heading, "The “Looking East” mirage"),
                (ParaKind::Body, "He said more."),
            ]
        );
        let dl = l.dateline.unwrap();
        assert_eq!(dl.place, "Iran");
        assert_eq!(dl.date, NaiveDate::from_ymd_opt(2019, 5, 19));
        assert_eq!(&PAGE[l.byline.unwrap()], "Analysis by PMOI/MEK");
    }

    #[test]
    fn agency_dateline() {
        let t = "Title here\n\nWASHINGTON (Reuters) — The president said no.\n";
        let l = Cleaner::new().layout(t);
        let body = l
            .paragraphs
            .iter()
            .find(|p| p.kind == ParaKind::Body)
            .unwrap();
        assert_eq!(&t[body.range.clone()], "The president said no.");
        assert_eq!(l.dateline.unwrap().place, "WASHINGTON");
    }

    #[test]
    fn dash_credited_quote_is_not_a_heading() {
        let t = "Title here\n\nRelated Coverage\n\n“We can build a wall.” ― Jose Ruiz\n";
        let l = Cleaner::new().layout(t);
        let kinds: Vec<ParaKind> = l.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            vec![ParaKind::Title, ParaKind::Heading, ParaKind::Body],
            "{l:#?}"
        );
    }
}
