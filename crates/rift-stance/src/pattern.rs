//! Word tokens and the small phrase-pattern language of the lexicon.
//!
//! The rule classifier ([`crate::StanceClassifier`]) tokenizes a statement and its context once
//! with [`tokenize`], then matches compiled [`Pattern`]s (lexicon cues, issue topic terms, issue
//! targets) against the tokens. Token offsets are code points into the article text, so every
//! match becomes an [`rift_core::Evidence`] span directly.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::StanceError;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters/digits, with internal `'` `’` `-` `.` (`can't`, `de-escalation`, `U.S`).
    Word,
    /// Sentence-final punctuation: `.` `!` `?` `;` — gaps and scopes never cross it.
    Break,
    /// A clause mark (`,` `:` dashes): scopes stop here, gaps may cross it.
    Clause,
    /// Quotes, brackets and other marks: transparent.
    Other,
}

/// One token of the article text.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// First code point (article offsets).
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Byte range in the tokenized text.
    pub bytes: (usize, usize),
    /// The token as written, curly apostrophes straightened, possessive `'s` dropped.
    pub bare: String,
    /// `bare` in lower case.
    pub norm: String,
    /// Token kind.
    pub kind: TokKind,
    /// True when the token starts a sentence (nothing but quotes/brackets since the last break).
    pub initial: bool,
}

impl Token {
    pub(crate) fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "prof", "vs",
];

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑')
}

/// The char at byte `b` of `text` and its length in bytes (`b` is a char boundary).
#[inline]
fn char_at(text: &str, b: usize) -> (char, usize) {
    let byte = text.as_bytes()[b];
    if byte.is_ascii() {
        return (byte as char, 1);
    }
    let c = text[b..].chars().next().expect("a char starts here");
    (c, c.len_utf8())
}

/// Splits `text` (which starts at code point `base` of the article) into tokens. Walks the
/// text once, byte offset and code-point count side by side (no per-char index vectors).
pub(crate) fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let len = text.len();
    // About one token per five bytes of English text.
    let mut out: Vec<Token> = Vec::with_capacity(len / 5 + 1);
    // Byte offset and code-point index of the current char.
    let (mut b, mut ci) = (0usize, 0usize);
    let mut initial = true;
    while b < len {
        let (c, l) = char_at(text, b);
        if c.is_whitespace() {
            b += l;
            ci += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let (start_b, start_ci) = (b, ci);
            b += l;
            ci += 1;
            while b < len {
                let (c2, l2) = char_at(text, b);
                if c2.is_alphanumeric() {
                    b += l2;
                    ci += 1;
                    continue;
                }
                if is_joiner(c2) && b + l2 < len {
                    let (c3, l3) = char_at(text, b + l2);
                    if c3.is_alphanumeric() {
                        b += l2 + l3;
                        ci += 2;
                        continue;
                    }
                }
                break;
            }
            let mut raw = &text[start_b..b];
            // `U.S.` / `Mr.`: keep the abbreviation's final period inside the word. (The
            // abbreviations are ASCII, and no other char lower-cases to one of their letters.)
            if b < len
                && text.as_bytes()[b] == b'.'
                && (raw.contains('.') || ABBREVIATIONS.iter().any(|a| raw.eq_ignore_ascii_case(a)))
            {
                b += 1;
                ci += 1;
                raw = &text[start_b..b];
            }
            let mut bare = if raw.contains('’') {
                raw.replace('’', "'")
            } else {
                raw.to_string()
            };
            for suffix in ["'s", "'S"] {
                if bare.len() > suffix.len() + 1 && bare.ends_with(suffix) {
                    bare.truncate(bare.len() - suffix.len());
                }
            }
            let norm = if bare.is_ascii() {
                bare.to_ascii_lowercase()
            } else {
                bare.to_lowercase()
            };
            out.push(Token {
                start: base + start_ci,
                end: base + ci,
                bytes: (start_b, b),
                bare,
                norm,
                kind: TokKind::Word,
                initial,
            });
            initial = false;
            continue;
        }
        let kind = match c {
            '.' | '!' | '?' | ';' | '…' => TokKind::Break,
            ',' | ':' | '–' | '—' => TokKind::Clause,
            '-' if b + l < len && text.as_bytes()[b + l] == b'-' => TokKind::Clause,
            _ => TokKind::Other,
        };
        out.push(Token {
            start: base + ci,
            end: base + ci + 1,
            bytes: (b, b + l),
            bare: c.to_string(),
            norm: c.to_string(),
            kind,
            initial,
        });
        if kind == TokKind::Break || matches!(c, ':' | '“' | '‘' | '"') {
            initial = true;
        }
        b += l;
        ci += 1;
    }
    out
}

/// True when word `i` is part of a multi-word proper name: capitalised, not sentence-initial,
/// next to another capitalised word (`the Iranian Diplomacy website`).
pub(crate) fn in_name(toks: &[Token], i: usize) -> bool {
    let cap = |t: &Token| t.is_word() && t.bare.starts_with(char::is_uppercase);
    let t = &toks[i];
    if !cap(t) || t.initial {
        return false;
    }
    let prev = i.checked_sub(1).map(|j| &toks[j]);
    let next = toks.get(i + 1);
    prev.is_some_and(cap) || next.is_some_and(|n| cap(n) && !n.initial)
}

/// How a pattern word compares to a token.
#[derive(Debug, Clone, PartialEq)]
enum WordMode {
    Exact,
    Prefix,
    Suffix,
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq)]
enum Elem {
    /// A word (normalised), compared by mode; case-sensitive words compare `bare`.
    Word {
        text: String,
        mode: WordMode,
        case_sensitive: bool,
    },
    /// Up to `n` words.
    Gap(usize),
    /// Any topic term of the issue.
    Topic,
}

/// A compiled phrase pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pattern {
    /// The phrase as written in the lexicon or config.
    pub source: String,
    elems: Vec<Elem>,
    /// The first byte a token must start with to begin a match, and whether it is read from the
    /// token's `bare` form (a case-sensitive word) rather than `norm`: set when the pattern
    /// starts with a non-empty exact or prefix word, which the token itself (but for a final
    /// `.`) must equal or start with.
    first_byte: Option<(u8, bool)>,
}

/// How a pattern's words are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Case-insensitive (lexicon cues, topic terms).
    Fold,
    /// Case-insensitive, except words written without lower-case letters (`US`, `EU`, `E3`),
    /// which must match exactly: issue targets.
    AcronymsExact,
}

fn trim_period(s: &str) -> &str {
    s.strip_suffix('.').unwrap_or(s)
}

impl Pattern {
    /// Compiles a phrase (see `lexicon.toml` for the syntax).
    pub(crate) fn compile(phrase: &str, max_gap: usize, case: Case) -> Result<Self, StanceError> {
        let bad = |reason: &str| StanceError::Pattern {
            pattern: phrase.to_string(),
            reason: reason.to_string(),
        };
        let mut elems = Vec::new();
        for w in phrase.split_whitespace() {
            if w == "…" || w == "..." {
                if matches!(elems.last(), None | Some(Elem::Gap(_))) {
                    return Err(bad("a gap must follow a word"));
                }
                elems.push(Elem::Gap(max_gap));
                continue;
            }
            if w == "{topic}" {
                elems.push(Elem::Topic);
                continue;
            }
            let w = w.replace('’', "'");
            let (mode, body) = if let Some(b) = w.strip_suffix('*') {
                (WordMode::Prefix, b.to_string())
            } else if let Some(b) = w.strip_prefix('*') {
                (WordMode::Suffix, b.to_string())
            } else {
                (WordMode::Exact, w.clone())
            };
            if body.is_empty() || body.contains('*') {
                return Err(bad("a `*` must stand at one end of a word"));
            }
            let case_sensitive = case == Case::AcronymsExact
                && body.chars().any(|c| c.is_uppercase())
                && !body.chars().any(|c| c.is_lowercase());
            let text = if case_sensitive {
                trim_period(&body).to_string()
            } else {
                trim_period(&body).to_lowercase()
            };
            if text.is_empty() {
                return Err(bad("empty word"));
            }
            elems.push(Elem::Word {
                text,
                mode,
                case_sensitive,
            });
        }
        match elems.last() {
            None => return Err(bad("empty pattern")),
            Some(Elem::Gap(_)) => return Err(bad("a pattern cannot end with a gap")),
            _ => {}
        }
        let first_byte = match elems.first() {
            Some(Elem::Word {
                text,
                mode: WordMode::Exact | WordMode::Prefix,
                case_sensitive,
            }) => text.as_bytes().first().map(|&b| (b, *case_sensitive)),
            _ => None,
        };
        Ok(Pattern {
            source: phrase.to_string(),
            elems,
            first_byte,
        })
    }

    /// False when the pattern cannot match at token `i` (no word token there, or one that does
    /// not start with the pattern's first byte); a cheap test before [`Self::matches_at`].
    fn may_start_at(&self, toks: &[Token], i: usize) -> bool {
        let Some((b, bare)) = self.first_byte else {
            return true;
        };
        toks.get(i).is_some_and(|t| {
            let form = if bare { &t.bare } else { &t.norm };
            t.is_word() && form.as_bytes().first() == Some(&b)
        })
    }

    /// The texts of the pattern's words (lower case unless compared case-sensitively); every
    /// one must be found in a token for the pattern to match. With each: whether a token it
    /// matches starts with it (an exact or prefix word; a suffix word may start anywhere).
    pub(crate) fn words(&self) -> impl Iterator<Item = (&str, bool)> {
        self.elems.iter().filter_map(|e| match e {
            Elem::Word { text, mode, .. } => Some((text.as_str(), *mode != WordMode::Suffix)),
            _ => None,
        })
    }

    /// True when the pattern refers to `{topic}`.
    pub(crate) fn uses_topic(&self) -> bool {
        self.elems.contains(&Elem::Topic)
    }

    /// Every match in `toks` as `(first token, one past last token)`, leftmost first; at each
    /// start only the shortest match is reported.
    #[cfg(test)]
    pub(crate) fn find_all(&self, toks: &[Token], topics: &[Pattern]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for i in 0..toks.len() {
            if let Some(end) = self.matches_at(toks, i, topics) {
                out.push((i, end));
            }
        }
        out
    }

    /// The end of the match starting at token `i`, if any (`topics` stand for `{topic}`).
    pub(crate) fn matches_at(&self, toks: &[Token], i: usize, topics: &[Pattern]) -> Option<usize> {
        self.match_at(&self.elems, toks, i, topics)
    }

    fn match_at(
        &self,
        elems: &[Elem],
        toks: &[Token],
        i: usize,
        topics: &[Pattern],
    ) -> Option<usize> {
        let Some(first) = elems.first() else {
            return Some(i);
        };
        let rest = &elems[1..];
        match first {
            Elem::Word {
                text,
                mode,
                case_sensitive,
            } => {
                let tok = toks.get(i)?;
                if !tok.is_word() {
                    return None;
                }
                let candidate = if *case_sensitive {
                    trim_period(&tok.bare)
                } else {
                    trim_period(&tok.norm)
                };
                let ok = match mode {
                    WordMode::Exact => candidate == text,
                    WordMode::Prefix => candidate.starts_with(text.as_str()),
                    WordMode::Suffix => candidate.ends_with(text.as_str()),
                };
                if ok {
                    self.match_at(rest, toks, i + 1, topics)
                } else {
                    None
                }
            }
            Elem::Gap(n) => {
                let mut j = i;
                let mut words = 0;
                loop {
                    if let Some(end) = self.match_at(rest, toks, j, topics) {
                        return Some(end);
                    }
                    let tok = toks.get(j)?;
                    match tok.kind {
                        TokKind::Break => return None,
                        TokKind::Word => {
                            words += 1;
                            if words > *n {
                                return None;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
            }
            // `{topic}` is tried at every token a gap before it spans: most tokens start no
            // topic term, which the first byte shows without matching each one.
            Elem::Topic => topics.iter().find_map(|t| {
                if !t.may_start_at(toks, i) {
                    return None;
                }
                let end = t.match_at(&t.elems, toks, i, &[])?;
                self.match_at(rest, toks, end, topics)
            }),
        }
    }
}

/// FNV-1a: the first-word maps are hashed once per token, and their keys are short words, for
/// which SipHash's setup dominates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Word → pattern indices, hashed with [`Fnv`].
type WordMap = HashMap<String, Vec<usize>, BuildHasherDefault<Fnv>>;

/// A list of patterns indexed by their first word, so that a scan tries at each token only the
/// patterns that can start there (one hash lookup per token instead of one comparison per
/// pattern). Patterns whose first word is a prefix, a suffix or `{topic}` are tried everywhere.
#[derive(Debug, Clone, Default)]
pub(crate) struct FirstWords {
    /// Exact, case-insensitive first word → pattern indices (ascending).
    folded: WordMap,
    /// Exact, case-sensitive first word (`US`) → pattern indices (ascending).
    exact: WordMap,
    /// Patterns tried at every word token.
    anywhere: Vec<usize>,
    /// For each of `anywhere`: the first byte its first word must start with and whether it is
    /// compared case-sensitively (a prefix word `email*`), or `None` (a suffix word, `{topic}`),
    /// so a scan skips the prefix patterns that cannot match a token without trying them.
    anywhere_first: Vec<Option<(u8, bool)>>,
}

impl FirstWords {
    /// Indexes `patterns` (indices are positions in the iteration).
    pub(crate) fn new<'a>(patterns: impl IntoIterator<Item = &'a Pattern>) -> Self {
        let mut ix = FirstWords::default();
        for (i, p) in patterns.into_iter().enumerate() {
            match p.elems.first() {
                Some(Elem::Word {
                    text,
                    mode: WordMode::Exact,
                    case_sensitive,
                }) => {
                    let map = if *case_sensitive {
                        &mut ix.exact
                    } else {
                        &mut ix.folded
                    };
                    map.entry(text.clone()).or_default().push(i);
                }
                first => {
                    ix.anywhere.push(i);
                    ix.anywhere_first.push(match first {
                        Some(Elem::Word {
                            text,
                            mode: WordMode::Prefix,
                            case_sensitive,
                        }) => text.as_bytes().first().map(|&b| (b, *case_sensitive)),
                        _ => None,
                    });
                }
            }
        }
        ix
    }

    /// Every match of the indexed patterns in `toks`, as `(first token, one past last token,
    /// pattern index)` by start, then pattern index; at each start a pattern reports only its
    /// shortest match, as [`Pattern::find_all`] does. `pattern(i)` gives pattern `i`.
    pub(crate) fn scan<'p>(
        &self,
        toks: &[Token],
        topics: &[Pattern],
        pattern: impl Fn(usize) -> &'p Pattern,
    ) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut cand: Vec<usize> = Vec::new();
        for (i, tok) in toks.iter().enumerate() {
            // Every pattern starts with a word (or `{topic}`, whose terms start with one).
            if !tok.is_word() {
                continue;
            }
            cand.clear();
            // Each source is ascending: sort only when two of them contribute.
            let mut sources = 0;
            if !self.folded.is_empty() {
                if let Some(v) = self.folded.get(trim_period(&tok.norm)) {
                    cand.extend_from_slice(v);
                    sources += 1;
                }
            }
            if !self.exact.is_empty() {
                if let Some(v) = self.exact.get(trim_period(&tok.bare)) {
                    cand.extend_from_slice(v);
                    sources += 1;
                }
            }
            let mapped = cand.len();
            // A prefix word matches only a token with its first byte (`trim_period` keeps the
            // first byte of a word token).
            let (norm0, bare0) = (tok.norm.as_bytes().first(), tok.bare.as_bytes().first());
            for (&p, first) in self.anywhere.iter().zip(&self.anywhere_first) {
                let possible = match *first {
                    Some((b, false)) => norm0 == Some(&b),
                    Some((b, true)) => bare0 == Some(&b),
                    None => true,
                };
                if possible {
                    cand.push(p);
                }
            }
            if cand.len() > mapped {
                sources += 1;
            }
            if sources > 1 {
                cand.sort_unstable();
            }
            for &p in &cand {
                if let Some(end) = pattern(p).matches_at(toks, i, topics) {
                    out.push((i, end, p));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, 0)
            .into_iter()
            .filter(|t| t.is_word())
            .map(|t| t.norm)
            .collect()
    }

    /// Wherever `may_start_at` says no, the pattern does not match: every topic term and target
    /// of the example projects and every lexicon cue (with those topics for `{topic}`), at
    /// every token of the first 200 PolNeAR train texts (where the shared data is checked out)
    /// and of edge cases; and the test turns some tokens away.
    #[test]
    fn may_start_at_never_hides_a_match() {
        let terms: Vec<String> = crate::rules::tests::issues()
            .into_iter()
            .flat_map(|i| i.terms)
            .collect();
        let topics: Vec<Pattern> = terms
            .iter()
            .map(|t| Pattern::compile(t, 8, Case::Fold).unwrap())
            .collect();
        let mut patterns = topics.clone();
        for t in [
            "Clinton",
            "US",
            "U.S.",
            "E3",
            "Mrs. Clinton",
            "State Department",
        ] {
            patterns.push(Pattern::compile(t, 8, Case::AcronymsExact).unwrap());
        }
        patterns.extend(
            crate::Lexicon::builtin()
                .unwrap()
                .cues
                .into_iter()
                .map(|c| c.pattern),
        );
        let mut texts = vec![
            "E-mails. email. .email US us U.S. u.s. E3 e3 ‘Email’ “the table” Watergate"
                .to_string(),
        ];
        texts.extend(crate::train_texts(200));
        let (mut tried, mut turned_away) = (0, 0);
        for t in &texts {
            let toks = tokenize(t, 0);
            for p in &patterns {
                for i in 0..=toks.len() {
                    tried += 1;
                    if !p.may_start_at(&toks, i) {
                        turned_away += 1;
                        assert_eq!(p.matches_at(&toks, i, &topics), None, "{} at {i}", p.source);
                    }
                }
            }
        }
        assert!(turned_away > 0 && turned_away < tried);
    }

    #[test]
    fn tokenizer_keeps_contractions_abbreviations_and_offsets() {
        let text = "“The U.S. isn’t Europe’s de-escalation partner,” he said.";
        let toks = tokenize(text, 10);
        assert_eq!(
            words(text),
            [
                "the",
                "u.s.",
                "isn't",
                "europe",
                "de-escalation",
                "partner",
                "he",
                "said"
            ]
        );
        let us = toks.iter().find(|t| t.norm == "u.s.").unwrap();
        let chars: Vec<char> = text.chars().collect();
        let written: String = chars[us.start - 10..us.end - 10].iter().collect();
        assert_eq!(written, "U.S.");
        assert_eq!(&text[us.bytes.0..us.bytes.1], "U.S.");
        assert!(
            toks[1].initial,
            "word after an opening quote starts the sentence"
        );
        assert!(!us.initial);
    }

    #[test]
    fn gaps_prefixes_topics_and_case() {
        let topics = vec![
            Pattern::compile("negotiat*", 8, Case::Fold).unwrap(),
            Pattern::compile("talks", 8, Case::Fold).unwrap(),
        ];
        let p = Pattern::compile("bring up … {topic}", 3, Case::Fold).unwrap();
        let toks = tokenize("Then bring up the subject of negotiations.", 0);
        assert_eq!(p.find_all(&toks, &topics).len(), 1);
        let toks = tokenize("Then bring up the whole big subject of negotiations.", 0);
        assert!(p.find_all(&toks, &topics).is_empty(), "gap too long");
        let toks = tokenize("Then bring up the point. Negotiations follow.", 0);
        assert!(
            p.find_all(&toks, &topics).is_empty(),
            "gap crosses a sentence"
        );

        let us = Pattern::compile("US", 8, Case::AcronymsExact).unwrap();
        assert!(us.find_all(&tokenize("prove to us", 0), &[]).is_empty());
        assert_eq!(us.find_all(&tokenize("the US team", 0), &[]).len(), 1);
        let dotted = Pattern::compile("U.S.", 8, Case::AcronymsExact).unwrap();
        assert_eq!(
            dotted.find_all(&tokenize("for the U.S to", 0), &[]).len(),
            1
        );
        let nt = Pattern::compile("*n't", 8, Case::Fold).unwrap();
        assert_eq!(
            nt.find_all(&tokenize("We can’t and won't", 0), &[]).len(),
            2
        );
    }

    #[test]
    fn first_word_index_finds_what_each_pattern_finds() {
        let topics = vec![Pattern::compile("negotiat*", 8, Case::Fold).unwrap()];
        let pats: Vec<Pattern> = [
            "talks",
            "US",
            "U.S.",
            "*n't",
            "bring up … {topic}",
            "{topic} with",
            "reject*",
            "not … talks",
            "the",
            "US*",
            "neg*",
            "wo*",
            "*s",
            "Th*",
        ]
        .iter()
        .map(|p| Pattern::compile(p, 3, Case::AcronymsExact).unwrap())
        .collect();
        let ix = FirstWords::new(&pats);
        let toks = tokenize(
            "The US won't bring up negotiations with us. The U.S. rejects talks; not the talks.",
            0,
        );
        let mut want = Vec::new();
        for (p, pat) in pats.iter().enumerate() {
            want.extend(
                pat.find_all(&toks, &topics)
                    .into_iter()
                    .map(|(s, e)| (s, e, p)),
            );
        }
        // By start, then pattern index: the order `scan` reports.
        want.sort_unstable_by_key(|&(s, _, p)| (s, p));
        let got = ix.scan(&toks, &topics, |p| &pats[p]);
        assert_eq!(got, want);
        assert!(got.len() >= 12, "{got:?}");
    }

    /// The first tokenizer (per-char index vectors), which [`tokenize`] must agree with.
    fn reference_tokenize(text: &str, base: usize) -> Vec<Token> {
        let mut offsets: Vec<usize> = Vec::with_capacity(text.len());
        let mut chars: Vec<char> = Vec::with_capacity(text.len());
        for (b, c) in text.char_indices() {
            offsets.push(b);
            chars.push(c);
        }
        let byte = |i: usize| offsets.get(i).copied().unwrap_or(text.len());
        // About one token per five bytes of English text.
        let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
        let mut i = 0;
        let mut initial = true;
        while i < chars.len() {
            let c = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            if c.is_alphanumeric() {
                let start = i;
                i += 1;
                while i < chars.len() {
                    if chars[i].is_alphanumeric() {
                        i += 1;
                    } else if is_joiner(chars[i])
                        && i + 1 < chars.len()
                        && chars[i + 1].is_alphanumeric()
                    {
                        i += 2;
                    } else {
                        break;
                    }
                }
                let mut raw = &text[byte(start)..byte(i)];
                // `U.S.` / `Mr.`: keep the abbreviation's final period inside the word.
                if i < chars.len() && chars[i] == '.' {
                    let lower = raw.to_lowercase();
                    if raw.contains('.') || ABBREVIATIONS.contains(&lower.as_str()) {
                        i += 1;
                        raw = &text[byte(start)..byte(i)];
                    }
                }
                let mut bare = if raw.contains('’') {
                    raw.replace('’', "'")
                } else {
                    raw.to_string()
                };
                for suffix in ["'s", "'S"] {
                    if bare.len() > suffix.len() + 1 && bare.ends_with(suffix) {
                        bare.truncate(bare.len() - suffix.len());
                    }
                }
                let norm = if bare.is_ascii() {
                    bare.to_ascii_lowercase()
                } else {
                    bare.to_lowercase()
                };
                out.push(Token {
                    start: base + start,
                    end: base + i,
                    bytes: (byte(start), byte(i)),
                    bare,
                    norm,
                    kind: TokKind::Word,
                    initial,
                });
                initial = false;
                continue;
            }
            let kind = match c {
                '.' | '!' | '?' | ';' | '…' => TokKind::Break,
                ',' | ':' | '–' | '—' => TokKind::Clause,
                '-' if i + 1 < chars.len() && chars[i + 1] == '-' => TokKind::Clause,
                _ => TokKind::Other,
            };
            out.push(Token {
                start: base + i,
                end: base + i + 1,
                bytes: (byte(i), byte(i + 1)),
                bare: c.to_string(),
                norm: c.to_string(),
                kind,
                initial,
            });
            if kind == TokKind::Break || matches!(c, ':' | '“' | '‘' | '"') {
                initial = true;
            }
            i += 1;
        }
        out
    }

    type TokKey = (usize, usize, (usize, usize), String, String, TokKind, bool);

    fn key(toks: Vec<Token>) -> Vec<TokKey> {
        toks.into_iter()
            .map(|t| (t.start, t.end, t.bytes, t.bare, t.norm, t.kind, t.initial))
            .collect()
    }

    #[test]
    fn tokenizer_agrees_with_the_first_one() {
        let mut texts: Vec<String> = [
            "“The U.S. isn’t Europe’s de-escalation partner,” he said.",
            "Mr. and MR. Dr. st. Gen.Lt. A.B. x.-y -- z---w ’s ’S's a-’b ‘q’ İstanbul’s ΣΑΣ.",
            "e.g. ΚΕΛΒΙΝ \u{212A}m. 3.5% x\u{1F600}y \u{2011}a\u{2011} it's.' ...",
            "",
            ".",
            "a",
            "a-",
            "--",
            "word-",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.extend(crate::train_texts(usize::MAX));
        for t in &texts {
            assert_eq!(key(tokenize(t, 7)), key(reference_tokenize(t, 7)), "{t:?}");
            // Slices that start and end anywhere (statement regions cut words and marks).
            let cuts: Vec<usize> = t
                .char_indices()
                .map(|(b, _)| b)
                .step_by(97)
                .chain([t.len()])
                .collect();
            for w in cuts.windows(3) {
                let part = &t[w[0]..w[2]];
                assert_eq!(
                    key(tokenize(part, w[0])),
                    key(reference_tokenize(part, w[0]))
                );
            }
        }
    }

    #[test]
    fn bad_patterns_are_rejected() {
        for p in ["", "… talks", "talks …", "ta*lks", "*"] {
            assert!(Pattern::compile(p, 8, Case::Fold).is_err(), "{p:?}");
        }
    }
}
