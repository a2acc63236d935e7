//! Metadata from a file's name: `OUTLET_YYYY-MM-DD_SLUG.txt`.
//!
//! Collections saved one article a file often carry the outlet and the publication date in the
//! name — PolNeAR names its texts `breitbart_2015-11-11_the-ninth-circle.txt`, scrapers write
//! `2019-05-19-khamenei-speech.html`. [`crate::Inputs`] reads such names for single-article files
//! (plain text and HTML, not JSONL/CSV/feeds/WARC, whose records carry their own fields) and
//! fills the article's `published` and `outlet` **only where the content gave none**: HTML meta
//! tags, JSON-LD and feed dates win, and a dateline in the text is not consulted once the name
//! gave a date (the pipeline reads datelines only for articles with no date).
//!
//! The rules ([`name_meta`]):
//! - **date**: the first ISO date `YYYY-MM-DD` (or `YYYYMMDD` as a whole `_`/`-` separated
//!   part) in the name, not touching other digits, with a year from 1900 to 2100;
//! - **outlet**: the `_`-separated parts before that date, when the date begins a `_` part
//!   (`OUTLET_DATE_SLUG` or `OUTLET_DATE`); a purely numeric prefix is
//!   not an outlet. The outlet is a name as written (`wash-post`); `rift-kb` resolves it
//!   through outlet ids and aliases.

use rift_core::Date;

/// What a file name says of its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameMeta {
    /// The outlet prefix, as written.
    pub outlet: Option<String>,
    /// The date in the name.
    pub date: Option<Date>,
}

/// Reads a file stem (the name without its extension), see the module docs.
pub fn name_meta(stem: &str) -> NameMeta {
    let b = stem.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            if let Some((date, _end)) = date_at(b, i) {
                let outlet = if i > 1 && b[i - 1] == b'_' {
                    let prefix = stem[..i - 1].trim_matches('_');
                    (!prefix.is_empty()
                        && !prefix.bytes().all(|c| c.is_ascii_digit() || c == b'_')
                        && prefix.chars().count() <= 60
                        && !prefix.contains(char::is_whitespace))
                    .then(|| prefix.to_string())
                } else {
                    None
                };
                return NameMeta {
                    outlet,
                    date: Some(date),
                };
            }
        }
        i += 1;
    }
    NameMeta::default()
}

/// A date starting at `i` (a digit after a non-digit): `YYYY-MM-DD`, or `YYYYMMDD` when it is
/// a whole part between separators. Returns the date and the end offset.
fn date_at(b: &[u8], i: usize) -> Option<(Date, usize)> {
    let digits = |from: usize, n: usize| -> Option<u32> {
        let s = b.get(from..from + n)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| std::str::from_utf8(s).ok()?.parse().ok())?
    };
    let boundary = |at: usize| b.get(at).is_none_or(|c| !c.is_ascii_alphanumeric());
    let (y, m, d, end) = if b.get(i + 4) == Some(&b'-') && b.get(i + 7) == Some(&b'-') {
        (digits(i, 4)?, digits(i + 5, 2)?, digits(i + 8, 2)?, i + 10)
    } else {
        let sep_before = i == 0 || matches!(b[i - 1], b'_' | b'-' | b'.');
        if !sep_before {
            return None;
        }
        (digits(i, 4)?, digits(i + 4, 2)?, digits(i + 6, 2)?, i + 8)
    };
    if !boundary(end) || b.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Some((Date::from_ymd_opt(y as i32, m, d)?, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        rift_core::parse_date(s)
    }

    #[test]
    fn polnear_names() {
        let m = name_meta("breitbart_2015-11-11_the-ninth-circle-the-hellish-vie");
        assert_eq!(m.outlet.as_deref(), Some("breitbart"));
        assert_eq!(m.date, d("2015-11-11"));
        let m = name_meta("wash-post_2016-05-02_trump-says");
        assert_eq!(m.outlet.as_deref(), Some("wash-post"));
        assert_eq!(m.date, d("2016-05-02"));
        // An outlet with an underscore in it keeps it.
        let m = name_meta("new_york_times_2016-01-02");
        assert_eq!(m.outlet.as_deref(), Some("new_york_times"));
    }

    #[test]
    fn date_without_outlet() {
        let m = name_meta("2019-05-19-khamenei-speech");
        assert_eq!((m.outlet, m.date), (None, d("2019-05-19")));
        let m = name_meta("khamenei-speech-2019-05-19");
        assert_eq!((m.outlet, m.date), (None, d("2019-05-19")));
        let m = name_meta("20190519_kayhan");
        assert_eq!((m.outlet, m.date), (None, d("2019-05-19")));
        let m = name_meta("123_2019-05-19_x");
        assert_eq!((m.outlet, m.date), (None, d("2019-05-19")));
    }

    #[test]
    fn not_dates() {
        assert_eq!(name_meta("poison-or-cure"), NameMeta::default());
        assert_eq!(name_meta("article-12345678"), NameMeta::default());
        assert_eq!(name_meta("x_2019-13-45_y"), NameMeta::default());
        assert_eq!(name_meta("id12019-05-190"), NameMeta::default());
        assert_eq!(name_meta("report_3019-05-19"), NameMeta::default());
        assert_eq!(name_meta("a_2019-05-1"), NameMeta::default());
    }
}
