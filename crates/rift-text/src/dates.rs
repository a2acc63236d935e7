//! Calendar expressions in news text: `May 14`, `May 14, 2019`, `14 May 2019`, `2019-05-14`.

use chrono::NaiveDate;

/// Month number (1–12) of an English month name or its abbreviation (`Sept.`, `Sep`, `May`).
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    // Require a capital for month names so "may" (the verb) and "march" (the noun) don't count.
    w.chars().next().filter(|c| c.is_uppercase())?;
    // lower-cased in a stack buffer as long as the longest name (`september`)
    let mut buf = [0u8; 9];
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    let m = match &*lower {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// A date found in text: byte range and the date (year may be inferred).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// First byte of the expression.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The date.
    pub date: NaiveDate,
    /// True when the year was written (not inferred).
    pub has_year: bool,
}

/// Parses a `Month D[, YYYY]` or `D Month[ YYYY]` expression at the start of `s` (after optional
/// spaces). A missing year is inferred from `reference`: the latest such date not after it.
pub fn parse_at(s: &str, reference: Option<NaiveDate>) -> Option<FoundDate> {
    let lead = s.len() - s.trim_start().len();
    let t = &s[lead..];
    let (w1, r1) = split_word(t);
    // Month D
    if let Some(m) = month_number(w1) {
        let r = r1.trim_start();
        let (d, rest) = split_digits(r)?;
        let day: u32 = d.parse().ok().filter(|&d| (1..=31).contains(&d))?;
        let mut end = t.len() - rest.len();
        let mut year = None;
        let after = rest.strip_prefix(',').unwrap_or(rest);
        let after_trim = after.trim_start();
        if let Some((y, rest2)) = split_digits(after_trim) {
            if y.len() == 4 {
                year = y.parse::<i32>().ok();
                end = t.len() - rest2.len();
            }
        }
        return finish(lead, end, year, m, day, reference);
    }
    // D Month [YYYY]
    let (d, rest) = split_digits(t)?;
    let day: u32 = d.parse().ok().filter(|&d| (1..=31).contains(&d))?;
    let (w2, r2) = split_word(rest.trim_start());
    let m = month_number(w2)?;
    let mut end = t.len() - r2.len();
    let mut year = None;
    if let Some((y, rest3)) = split_digits(r2.trim_start()) {
        if y.len() == 4 {
            year = y.parse().ok();
            end = t.len() - rest3.len();
        }
    }
    finish(lead, end, year, m, day, reference)
}

fn finish(
    lead: usize,
    end: usize,
    year: Option<i32>,
    m: u32,
    day: u32,
    reference: Option<NaiveDate>,
) -> Option<FoundDate> {
    use chrono::Datelike;
    let (date, has_year) = match year {
        Some(y) => (NaiveDate::from_ymd_opt(y, m, day)?, true),
        None => {
            let r = reference?;
            let d = NaiveDate::from_ymd_opt(r.year(), m, day)?;
            let d = if d > r {
                NaiveDate::from_ymd_opt(r.year() - 1, m, day)?
            } else {
                d
            };
            (d, false)
        }
    };
    Some(FoundDate {
        start: lead,
        end: lead + end,
        date,
        has_year,
    })
}

fn split_word(s: &str) -> (&str, &str) {
    let end = s
        .find(|c: char| !(c.is_alphabetic() || c == '.'))
        .unwrap_or(s.len());
    (&s[..end], &s[end..])
}

fn split_digits(s: &str) -> Option<(&str, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 {
        None
    } else {
        Some((&s[..end], &s[end..]))
    }
}

/// Finds the first date expression anywhere in `s` (at a word start), with byte offsets into `s`.
pub fn find_date(s: &str, reference: Option<NaiveDate>) -> Option<FoundDate> {
    let mut prev_alnum = false;
    for (i, c) in s.char_indices() {
        let starts = !prev_alnum && (c.is_ascii_digit() || c.is_uppercase());
        prev_alnum = c.is_alphanumeric();
        if starts {
            if let Some(f) = parse_at(&s[i..], reference) {
                return Some(FoundDate {
                    start: i + f.start,
                    end: i + f.end,
                    ..f
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_names_need_a_capital() {
        for (w, want) in [
            ("Sept.", Some(9)),
            ("September", Some(9)),
            ("DEC", Some(12)),
            ("May", Some(5)),
            ("may", None),
            ("march", None),
            ("Septembers", None),
            ("Mayor", None),
            ("Ñov", None),
            ("", None),
        ] {
            assert_eq!(month_number(w), want, "{w}");
        }
    }

    #[test]
    fn reads_month_day_year_forms() {
        let f = parse_at("May 19, 2019In an attempt", None).unwrap();
        assert_eq!(f.date, d(2019, 5, 19));
        assert_eq!(&"May 19, 2019In an attempt"[f.end..], "In an attempt");
        assert_eq!(parse_at("14 May 2019", None).unwrap().date, d(2019, 5, 14));
        assert_eq!(
            parse_at("Sept. 3", Some(d(2016, 10, 1))).unwrap().date,
            d(2016, 9, 3)
        );
    }

    #[test]
    fn infers_year_not_after_reference() {
        let r = Some(d(2019, 5, 19));
        assert_eq!(parse_at("May 15", r).unwrap().date, d(2019, 5, 15));
        assert_eq!(parse_at("December 30", r).unwrap().date, d(2018, 12, 30));
        assert!(parse_at("may 15", r).is_none());
        assert!(parse_at("May 15", None).is_none());
    }

    #[test]
    fn finds_dates_inside_text() {
        let s = "wrote on May 15.";
        let f = find_date(s, Some(d(2019, 5, 19))).unwrap();
        assert_eq!(&s[f.start..f.end], "May 15");
    }
}
