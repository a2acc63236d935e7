//! In-article name table: a small, documented coreference step that needs no KB.
//!
//! - Person names are runs of capitalised words (titles such as `President` stripped, runs with
//!   organisation words such as `Council` or `News` skipped). A surname maps to the longest full
//!   name that ends with it, so `Bavand` → `Hermidas Bavand`.
//! - Outlet mentions are capitalised runs followed by an outlet noun (`Arman daily`, `the
//!   Iranian Diplomacy website`), recorded with their position so `the website` can be linked to
//!   the last outlet named before it.
//! - Pronouns (`he`, `she`) are resolved by the extractor to the *salient* person: the last person
//!   who was the subject of a sentence or the speaker of a statement.

use std::collections::HashMap;

use rift_text::{Token, TokenKind};

use crate::words::{has, listed, BREAK, ORG_WORDS, OUTLET_HEADS, TITLES};

/// Names found in one article.
#[derive(Debug, Default)]
pub struct Names {
    /// Lower-cased surname → longest full name ending with it, and its number of words.
    by_last: HashMap<String, (String, usize), crate::words::FxBuild>,
    /// (byte position, outlet name) in text order.
    outlets: Vec<(usize, String)>,
}

/// True when token `t` may belong to a name run.
fn name_token(text: &str, t: &Token) -> bool {
    if t.kind == TokenKind::Punct {
        return matches!(t.text(text), "&");
    }
    t.is_capitalized(text)
        || matches!(
            t.text(text),
            "bin" | "al" | "de" | "van" | "von" | "la" | "du" | "ibn"
        )
}

/// Splits `toks` into maximal runs of name tokens (ranges of token indices), trimmed so they
/// start and end with a capitalised word.
pub fn capitalized_runs(text: &str, toks: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    each_capitalized_run(text, toks, |r| runs.push(r));
    runs
}

/// Calls `f` with each of [`capitalized_runs`] in order, without collecting them.
fn each_capitalized_run(text: &str, toks: &[Token], mut f: impl FnMut(std::ops::Range<usize>)) {
    let mut i = 0;
    while i < toks.len() {
        if toks[i].is_capitalized(text) {
            let mut j = i + 1;
            while j < toks.len()
                && (name_token(text, &toks[j]) || crate::words::abbrev_dot(text, toks, j))
            {
                j += 1;
            }
            while j > i + 1 && !toks[j - 1].is_capitalized(text) {
                j -= 1;
            }
            f(i..j);
            i = j;
        } else {
            i += 1;
        }
    }
}

/// A capitalised run of a sentence and, when it is a person's name, the name's tokens (indices
/// into the sentence's tokens).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    /// The run ([`capitalized_runs`]).
    pub run: std::ops::Range<usize>,
    /// Its [`person_tokens`].
    pub person: Option<std::ops::Range<usize>>,
}

/// Appends every capitalised run of a sentence with its person tokens to `out` (one buffer for
/// the whole article): computed once per sentence and read by [`Names::add_runs`] and the
/// extractor's salience pass.
pub fn name_runs(text: &str, toks: &[Token], out: &mut Vec<NameRun>) {
    each_capitalized_run(text, toks, |run| {
        out.push(NameRun {
            person: person_tokens(text, toks, run.clone()),
            run,
        })
    });
}

/// US states and the places news names most often next to people's names: a capitalised run
/// that is exactly one of these is a place.
const PLACES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "Puerto Rico",
    "District of Columbia",
    "United States",
    "United Kingdom",
    "Great Britain",
    "Middle East",
    "North Korea",
    "South Korea",
    "Saudi Arabia",
    "South Africa",
    "New Zealand",
    "Hong Kong",
    "Los Angeles",
    "San Francisco",
    "San Diego",
    "Las Vegas",
    "New Orleans",
    "Des Moines",
    "St. Louis",
    "Salt Lake City",
    "White House",
    "Capitol Hill",
    "Wall Street",
    "Silicon Valley",
    "Tehran",
    "Iran",
    "Iraq",
    "Syria",
    "Israel",
    "Russia",
    "China",
    "Mexico",
    "Canada",
    "Europe",
    "Brussels",
    "Moscow",
    "Beijing",
    "London",
    "Paris",
    "Berlin",
    "Vienna",
    "Geneva",
];

/// Whether a capitalised phrase is exactly a well-known place.
pub fn is_place(phrase: &str) -> bool {
    static SET: std::sync::OnceLock<crate::words::WordTable<()>> = std::sync::OnceLock::new();
    let set = SET
        .get_or_init(|| crate::words::WordTable::new(PLACES.iter().map(|p| (p.to_string(), ()))));
    set.get(phrase).is_some()
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// If the run is a person name, the name's tokens (titles and leading function words removed).
pub fn person_tokens(
    text: &str,
    toks: &[Token],
    run: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let mut a = run.start;
    let b = run.end;
    while a < b {
        let w = toks[a].text(text);
        if matches!(
            w,
            "The" | "A" | "An" | "His" | "Her" | "Their" | "Its" | "Our"
        ) || listed(TITLES, w)
            || crate::words::abbrev_dot(text, toks, a)
            || has(BREAK, w)
        {
            a += 1;
        } else {
            break;
        }
    }
    if a >= b {
        return None;
    }
    // `New Hampshire`, `the Florida senator`, `Sen. Chuck Schumer of New York`: a place is no
    // person (nor the antecedent of `he`)
    if is_place(strip_possessive(&text[toks[a].start..toks[b - 1].end])) {
        return None;
    }
    // (cheapest tests first: any of them rules the run out)
    for t in &toks[a..b] {
        if t.kind == TokenKind::Punct {
            return None;
        }
        let w = strip_possessive(t.text(text));
        // (`A.` of `Julie A. Diaz` is an initial: one letter)
        let acronym = if w.is_ascii() {
            w.bytes().all(|c| !c.is_ascii_lowercase())
                && w.bytes().filter(u8::is_ascii_alphabetic).count() > 1
        } else {
            w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
                && w.chars().filter(|c| c.is_alphabetic()).count() > 1
        };
        if acronym {
            return None; // acronyms: IRGC, US, MEK
        }
        if b - a == 1 && has(OUTLET_HEADS, w) || listed(ORG_WORDS, w) {
            return None;
        }
    }
    Some(a..b)
}

/// Calls `f` with `w.to_lowercase()`, without allocating for short ASCII words.
fn with_lower<T>(w: &str, f: impl FnOnce(&str) -> T) -> T {
    let b = w.as_bytes();
    if b.len() <= 32 && w.is_ascii() {
        let mut buf = [0u8; 32];
        let l = &mut buf[..b.len()];
        l.copy_from_slice(b);
        l.make_ascii_lowercase();
        // ASCII in, ASCII out
        if let Ok(l) = std::str::from_utf8(l) {
            return f(l);
        }
    }
    f(&w.to_lowercase())
}

/// `s.split_whitespace().count()`, by byte for ASCII text.
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        // char::is_whitespace on ASCII: tab, line feed, vertical tab, form feed, return, space
        let ws = matches!(b, b'\t'..=b'\r' | b' ');
        n += usize::from(!ws && !in_word);
        in_word = !ws;
    }
    n
}

fn join(text: &str, toks: &[Token], r: std::ops::Range<usize>) -> String {
    let s = &text[toks[r.start].start..toks[r.end - 1].end];
    strip_possessive(s).to_string()
}

impl Names {
    /// Reads one analysed sentence's [`name_runs`] (callers pass sentences in text order; the
    /// extractor keeps the runs for its later passes).
    pub fn add_runs(&mut self, text: &str, toks: &[Token], runs: &[NameRun]) {
        for NameRun { run, person } in runs {
            let (run, person) = (run.clone(), person.clone());
            // Outlet mention: run followed by an outlet noun in lower case.
            let next = toks.get(run.end).map(|t| t.text(text));
            if let Some(n) = next {
                if n.chars().all(char::is_lowercase) && has(OUTLET_HEADS, n) {
                    let mut a = run.start;
                    if toks[a].text(text) == "The" {
                        a += 1;
                    }
                    if a < run.end {
                        self.outlets
                            .push((toks[a].start, join(text, toks, a..run.end)));
                    }
                    continue;
                }
            }
            if let Some(p) = person {
                if p.len() >= 2 {
                    let name = join(text, toks, p.clone());
                    let last = strip_possessive(toks[p.end - 1].text(text)).to_lowercase();
                    let words = word_count(&name);
                    let e = self
                        .by_last
                        .entry(last)
                        .or_insert_with(|| (name.clone(), words));
                    if words > e.1 {
                        *e = (name, words);
                    }
                }
            }
        }
    }

    /// The best full name for a person mention: the longest full name sharing its surname, else
    /// the mention itself.
    pub fn full_name(&self, mention: &str) -> String {
        let m = strip_possessive(mention.trim());
        let last = m.split_whitespace().next_back().unwrap_or(m);
        match with_lower(last, |l| self.by_last.get(l)) {
            Some((full, words)) if *words >= word_count(m) => full.clone(),
            _ => m.to_string(),
        }
    }

    /// True when a single capitalised word is the first name of a full name the article uses
    /// (`Hillary` of `Hillary Clinton`).
    pub fn is_known_first_name(&self, w: &str) -> bool {
        let w = strip_possessive(w);
        self.by_last
            .values()
            .any(|(full, _)| full.split_whitespace().next() == Some(w) && full.contains(' '))
    }

    /// True when a single capitalised word is a known surname.
    pub fn is_known_surname(&self, w: &str) -> bool {
        with_lower(strip_possessive(w), |l| self.by_last.contains_key(l))
    }

    /// The last outlet named before byte `pos`.
    pub fn last_outlet_before(&self, pos: usize) -> Option<&str> {
        let i = self.outlets.partition_point(|(p, _)| *p < pos);
        i.checked_sub(1).map(|i| self.outlets[i].1.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_is_split_whitespace_count() {
        for s in [
            "",
            " ",
            "a",
            " Hermidas  Bavand ",
            "a\tb\nc\x0bd\x0ce\rf",
            "Jean-Luc\u{a0}Picard",
            "Mr. O’Neil ",
        ] {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }
}
