//! Source phrases: finding the noun phrase that names who speaks, next to a cue, and typing it.

use rift_core::SourceType;
use rift_text::{dates, Token, TokenKind};

use crate::names::{capitalized_runs, person_tokens, Names};
use crate::words::{
    has, pronoun, BREAK, GROUP_HEADS, NP_CUTTERS, OUTLET_HEADS, ROLE_HEADS, SKIPPABLE,
};

/// A source phrase: token range, and what it names.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcePhrase {
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
    /// Person, outlet, group, unknown.
    pub kind: SourceType,
    /// Best name from the phrase itself (person name run, outlet name run).
    pub name: Option<String>,
    /// True for `he`/`she`/`they`: resolved later.
    pub pronoun: bool,
}

fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    t.text(text)
}

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

/// Walks left from token `cue` (exclusive) to find the subject phrase, skipping adverbs, a time
/// phrase (`on May 14`) and up to two appositives (`Bavand, a former official, said`). A subject
/// coordinated with the sentence's opening noun phrase takes it in (`Trump and Ryan issued …`,
/// `Republican hopefuls Jeb Bush and Chris Christie say`), not a clause before `and` (`a woman
/// asked for a photo and Clinton said`).
pub fn subject_before(
    text: &str,
    toks: &[Token],
    lo: usize,
    cue: usize,
    names: &Names,
) -> Option<SourcePhrase> {
    let mut p = subject_phrase(text, toks, lo, cue, names)?;
    if p.start >= lo + 2 && !p.pronoun && word(text, &toks[p.start - 1]) == "and" {
        let conjunct = lo..p.start - 1;
        let plain = conjunct.len() <= 8
            && conjunct.clone().all(|j| {
                let w = word(text, &toks[j]);
                is_word(&toks[j]) && !has(BREAK, w) && !(w.ends_with("ed") && w.len() > 4)
                    || matches!(w, "’s" | "'s" | "." | "-")
            })
            && toks[lo].is_capitalized(text);
        if plain {
            p.start = lo;
            p.name = None;
            p.kind = if p.kind == SourceType::Unknown {
                SourceType::Group
            } else {
                p.kind
            };
        }
    }
    Some(p)
}

fn subject_phrase(
    text: &str,
    toks: &[Token],
    lo: usize,
    cue: usize,
    names: &Names,
) -> Option<SourcePhrase> {
    let mut end = cue;
    // skip adverbs and auxiliaries
    while end > lo && is_word(&toks[end - 1]) && has(SKIPPABLE, word(text, &toks[end - 1])) {
        end -= 1;
    }
    // a floating quantifier after an auxiliary (`Rubio and Nelson have both pushed for`,
    // `senators will all support`) is not the subject
    if end > lo + 1
        && matches!(word(text, &toks[end - 1]), "both" | "all" | "each")
        && crate::words::is_auxiliary(word(text, &toks[end - 2]))
    {
        end -= 2;
        while end > lo && is_word(&toks[end - 1]) && has(SKIPPABLE, word(text, &toks[end - 1])) {
            end -= 1;
        }
    }
    // a parenthetical after the name belongs to the source span: `Sen. Bernie Sanders (I-Vt.)
    // said`, `Sen. Jack Reed (D-R.I.), said`
    let mut paren_end = None;
    {
        let mut e = end;
        if e > lo + 1 && word(text, &toks[e - 1]) == "," && word(text, &toks[e - 2]) == ")" {
            e -= 1;
        }
        if e > lo + 2 && word(text, &toks[e - 1]) == ")" {
            if let Some(open) = (e.saturating_sub(10).max(lo)..e - 1)
                .rev()
                .find(|&j| word(text, &toks[j]) == "(")
            {
                if open > lo && is_word(&toks[open - 1]) {
                    paren_end = Some(e);
                    end = open;
                }
            }
        }
    }
    // skip a time phrase: "on May 14", "on Tuesday", "in 2016"
    if end >= lo + 2 {
        let mut k = end;
        while k > lo
            && is_word(&toks[k - 1])
            && (toks[k - 1].text(text).bytes().all(|b| b.is_ascii_digit())
                || dates::month_number(word(text, &toks[k - 1])).is_some()
                || is_weekday(word(text, &toks[k - 1])))
        {
            k -= 1;
        }
        if k < end && k > lo && matches!(word(text, &toks[k - 1]), "on" | "in" | "last" | "this") {
            end = k - 1;
        }
    }
    // skip appositives between commas: "Bavand, a former official of …, published in …, said"
    let full_end = end;
    // a prepositional phrase between commas (`Lazar, in a green jail jumpsuit, said`) is
    // skipped to find the subject, but is not part of the source span
    let mut adjunct = false;
    if end > lo && word(text, &toks[end - 1]) == "," {
        let mut cur = end - 1;
        for _ in 0..3 {
            let prev = (lo..cur).rev().find(|&k| {
                matches!(
                    word(text, &toks[k]),
                    "," | ";" | ":" | "“" | "”" | "\"" | "("
                )
            });
            let adj = |p: usize| {
                p + 1 < cur && cur - p <= 10 && is_adjunct_preposition(word(text, &toks[p + 1]))
            };
            match prev {
                Some(p)
                    if word(text, &toks[p]) == ","
                        && p + 1 < cur
                        && (is_appositive(text, &toks[p + 1..cur]) || adj(p)) =>
                {
                    adjunct |= adj(p);
                    end = p;
                    cur = p;
                    // another appositive may precede this one
                    let before = (lo..p).rev().find(|&k| {
                        matches!(
                            word(text, &toks[k]),
                            "," | ";" | ":" | "“" | "”" | "\"" | "("
                        )
                    });
                    match before {
                        Some(b)
                            if word(text, &toks[b]) == ","
                                && b + 1 < p
                                && is_appositive(text, &toks[b + 1..p]) =>
                        {
                            continue
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
    }
    // `The director of the European Centre, Ina Kirsch, told …`: the name between commas is
    // the head; the phrase before it belongs to the source span.
    if end > lo + 1 && end == full_end && word(text, &toks[end - 1]) == "," {
        let c2 = end - 1;
        if let Some(c1) = (lo..c2).rev().find(|&j| word(text, &toks[j]) == ",") {
            if c2 - c1 >= 2 && c2 - c1 <= 5 && (c1 + 1..c2).all(|j| toks[j].is_capitalized(text)) {
                if let Some(mut p) =
                    typed(text, toks, c1 + 1, c2, names).filter(|p| p.kind == SourceType::Person)
                {
                    let lead = (lo..c1).all(|j| {
                        is_word(&toks[j])
                            && (!has(BREAK, word(text, &toks[j]))
                                || matches!(word(text, &toks[j]), "of" | "the" | "The"))
                    });
                    if lead && c1 - lo <= 10 && c1 > lo {
                        p.start = lo;
                    }
                    return Some(p);
                }
            }
        }
    }
    if end <= lo {
        return None;
    }
    // a relative pronoun: "Borges, who predicted …" — the source is `who`, named after the
    // phrase it follows.
    if matches!(word(text, &toks[end - 1]), "who" | "which") {
        let mut j = end - 1;
        if j > lo && word(text, &toks[j - 1]) == "," {
            j -= 1;
        }
        let ante = subject_before(text, toks, lo, j, names);
        return Some(SourcePhrase {
            start: end - 1,
            end,
            kind: ante.as_ref().map_or(SourceType::Person, |a| a.kind),
            name: ante.and_then(|a| a.name),
            pronoun: false,
        });
    }
    // a pronoun alone
    if let Some(kind) = pronoun(word(text, &toks[end - 1])) {
        return Some(SourcePhrase {
            start: end - 1,
            end,
            kind,
            name: None,
            pronoun: true,
        });
    }
    let mut start = end;
    while start > lo && end - start < 9 {
        let t = &toks[start - 1];
        let w = word(text, t);
        let ok = match t.kind {
            TokenKind::Word => {
                if !has(BREAK, w) {
                    true
                } else if matches!(w, "to" | "with")
                    && start >= lo + 2
                    && has(NP_CUTTERS, word(text, &toks[start - 2]))
                {
                    // "… website close to Rouhani’s faction": keep walking, cut later
                    true
                } else if w == "like" && start >= lo + 2 && {
                    let p = word(text, &toks[start - 2]);
                    p.len() > 3 && p.ends_with('s') && p.bytes().all(|b| b.is_ascii_lowercase())
                } {
                    // `experts like Paul Bauman say`: examples of a plural head
                    true
                } else {
                    // A capitalised break word inside a sentence is a name ("Will", "May").
                    t.is_capitalized(text) && start - 1 != lo
                }
            }
            TokenKind::Punct => {
                matches!(w, "&" | "[" | "]" | "-")
                    || crate::words::abbrev_dot(text, toks, start - 1)
                    || numeric_slash(text, toks, start - 1)
                    // `12% of Democrats say`
                    || w == "%"
                        && start >= lo + 2
                        && toks[start - 2].end == t.start
                        && word(text, &toks[start - 2]).bytes().all(|b| b.is_ascii_digit() || b == b'.')
            }
        };
        if !ok {
            break;
        }
        start -= 1;
    }
    // Don't start on a closing bracket or dangling punctuation.
    while start < end && toks[start].kind == TokenKind::Punct && word(text, &toks[start]) != "[" {
        start += 1;
    }
    if start >= end {
        return None;
    }
    let cut = cut_phrase(text, toks, start, end);
    let mut p = typed(text, toks, start, cut, names).or_else(|| {
        // A common-noun phrase opened by a determiner (`both candidates`, `the budget office`):
        // a source of unknown type.
        let head = word(text, &toks[cut - 1]);
        (cut > start + 1
            && is_determiner(word(text, &toks[start]))
            && toks[cut - 1].kind == TokenKind::Word
            && !head.ends_with("ly")
            && head.len() >= 3
            && head.bytes().all(|b| b.is_ascii_lowercase())
            && !has(BREAK, head)
            && !matches!(head, "of" | "for" | "from" | "with" | "about" | "into"))
        .then_some(SourcePhrase {
            start,
            end: cut,
            kind: SourceType::Unknown,
            name: None,
            pronoun: false,
        })
    })?;
    if let Some(e) = paren_end {
        if p.end == end && !p.pronoun {
            p.end = e;
        }
    }
    // `Supporters of Sanders said`, `a new poll from USA TODAY/Suffolk University found`,
    // `Congress's Joint Committee on Taxation estimated`: a head with prepositional modifiers,
    // when the whole phrase opens the sentence.
    if !p.pronoun && p.start > lo + 1 && p.start - lo <= 12 {
        let prep = |w: &str| matches!(w, "of" | "for" | "from" | "on" | "at" | "in" | "with");
        let mut j = p.start;
        while j > lo + 1 && prep(word(text, &toks[j - 1])) {
            // the phrase before the preposition, back to the previous preposition or the start
            let mut k = j - 1;
            while k > lo {
                let t = &toks[k - 1];
                let w = word(text, t);
                let ok = match t.kind {
                    TokenKind::Word => !has(BREAK, w) || t.is_capitalized(text) && k - 1 != lo,
                    TokenKind::Punct => {
                        matches!(w, "&" | "/" | "-" | "’" | "'")
                            || crate::words::abbrev_dot(text, toks, k - 1)
                    }
                };
                if !ok {
                    break;
                }
                k -= 1;
            }
            if k == j - 1 {
                break;
            }
            j = k;
        }
        if j == lo && j < p.start && toks[lo].kind == TokenKind::Word {
            p.start = lo;
        }
    }
    if end < full_end && !p.pronoun && !adjunct {
        // The source span covers its appositives (`Mukasey, the attorney general under Bush,`).
        let mut e = full_end;
        while e > end && word(text, &toks[e - 1]) == "," {
            e -= 1;
        }
        p.end = e;
    }
    Some(p)
}

/// Extends a source phrase over a following appositive or relative clause up to `hi`
/// (`said Rick Wilson, a Florida-based Republican strategist`), stopping at a quote mark.
pub fn with_appositive(text: &str, toks: &[Token], mut p: SourcePhrase, hi: usize) -> SourcePhrase {
    if p.pronoun || p.end + 1 >= hi || word(text, &toks[p.end]) != "," {
        return p;
    }
    let next = &toks[p.end + 1];
    let w = word(text, next);
    // an age opens one too: `said Ryan Leenders, 30, a member of …`
    let appositive = next.kind == TokenKind::Word
        && (w.chars().next().is_some_and(char::is_lowercase)
            || matches!(w, "A" | "An" | "The")
            || next.is_capitalized(text)
            || (w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())));
    // a participle clause (`…, referring to …`) or a prepositional phrase (`Lazar, in a green
    // jail jumpsuit,`) is not an appositive
    if !appositive
        || matches!(
            w,
            "and" | "but" | "or" | "said" | "says" | "adding" | "saying"
        )
        || is_adjunct_preposition(w)
        || (w.ends_with("ing") && w.chars().next().is_some_and(char::is_lowercase))
    {
        return p;
    }
    let mut e = p.end + 1;
    while e < hi
        && (!matches!(
            word(text, &toks[e]),
            "“" | "”" | "\"" | ";" | "." | "?" | "!"
        ) || crate::words::abbrev_dot(text, toks, e))
    {
        e += 1;
    }
    while e > p.end && toks[e - 1].kind == TokenKind::Punct {
        e -= 1;
    }
    if e > p.end + 1 && e - p.end <= 40 {
        p.end = e;
    }
    p
}

/// The capitalised name run right before `k` (`citing [US President] Donald Trump saying`).
pub fn name_before(
    text: &str,
    toks: &[Token],
    lo: usize,
    k: usize,
    names: &Names,
) -> Option<SourcePhrase> {
    let mut start = k;
    while start > lo {
        let t = &toks[start - 1];
        if t.is_capitalized(text) || matches!(word(text, t), "[" | "]" | "&") {
            start -= 1;
        } else {
            break;
        }
    }
    if start == k {
        return None;
    }
    typed(text, toks, start, k, names)
}

pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "yesterday"
            | "today"
    )
}

/// An appositive: `a former official of …`, `from the hardline faction …`, `one of …`,
/// `associated to …`, `who …`, `the head of …`.
fn is_appositive(text: &str, toks: &[Token]) -> bool {
    let Some(first) = toks.first() else {
        return false;
    };
    let w = word(text, first);
    if toks.len() > 25 {
        return false;
    }
    // an age: `Lance Beebe, 49, a Navy veteran, said`
    if toks.len() == 1 && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // a party label: `Dianne Feinstein, Democrat of California, said`
    if toks.len() <= 6 && matches!(w, "Democrat" | "Republican" | "Independent" | "Libertarian") {
        return true;
    }
    // `Marlon Marshall, Clinton's director of state campaigns, said`, `Chris Covert, South
    // Carolina director for Sanders, said`: a capitalised start with a role noun in it
    if first.is_capitalized(text)
        && toks.len() <= 12
        && (w.ends_with("’s") || w.ends_with("'s") || toks.len() >= 2)
        && toks.iter().any(|t| {
            has(ROLE_HEADS, word(text, t)) && word(text, t).bytes().all(|b| b.is_ascii_lowercase())
        })
        && !toks
            .windows(2)
            .any(|w2| matches!(word(text, &w2[0]), "and" | "or") && w2[1].is_capitalized(text))
    {
        return true;
    }
    first.kind == TokenKind::Word
        && (w.chars().next().is_some_and(char::is_lowercase) || matches!(w, "A" | "An" | "The"))
        && !matches!(w, "and" | "but" | "or" | "said" | "says")
        && !is_adjunct_preposition(w)
        // a clause (`…, it is highly unusual for …, said X`) is no appositive
        && !matches!(w, "it" | "he" | "she" | "they" | "we" | "i" | "you" | "there" | "this")
}

/// Prepositions that open an adjunct, not a noun phrase (`in a green jail jumpsuit`, `at the
/// rally`, `during the debate`).
fn is_adjunct_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "on"
            | "during"
            | "after"
            | "before"
            | "with"
            | "from"
            | "by"
            | "while"
            | "speaking"
            | "standing"
            | "sitting"
    )
}

/// Determiners and quantifiers that open a common-noun source (`both candidates`, `the budget
/// office`, `many voters`).
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "a"
            | "A"
            | "an"
            | "An"
            | "both"
            | "Both"
            | "some"
            | "Some"
            | "many"
            | "Many"
            | "most"
            | "Most"
            | "several"
            | "Several"
            | "his"
            | "His"
            | "her"
            | "Her"
            | "their"
            | "Their"
            | "its"
            | "Its"
            | "our"
            | "Our"
            | "all"
            | "All"
            | "each"
            | "Each"
            | "other"
            | "Other"
            | "few"
            | "Few"
            | "one"
            | "One"
            | "two"
            | "three"
            | "Two"
            | "Three"
    ) || w.bytes().all(|b| b.is_ascii_digit())
}

/// The phrase right after a cue (`said Bavand`, `according to the Daneshjoo website …`), up to
/// `limit` (exclusive), cut at appositives and relative clauses.
pub fn phrase_after(
    text: &str,
    toks: &[Token],
    from: usize,
    limit: usize,
    names: &Names,
) -> Option<SourcePhrase> {
    if from >= limit {
        return None;
    }
    if let Some(kind) = pronoun(word(text, &toks[from])) {
        return Some(SourcePhrase {
            start: from,
            end: from + 1,
            kind,
            name: None,
            pronoun: true,
        });
    }
    let mut end = from;
    while end < limit && end - from < 12 {
        let t = &toks[end];
        let w = word(text, t);
        let ok = match t.kind {
            TokenKind::Word => {
                end == from || !(has(BREAK, w) && w != "of") || t.is_capitalized(text)
            }
            TokenKind::Punct => {
                matches!(w, "&" | "[" | "]" | "-" | "(" | ")")
                    || crate::words::abbrev_dot(text, toks, end)
                    || numeric_slash(text, toks, end)
            }
        };
        if !ok {
            break;
        }
        end += 1;
    }
    let end = cut_phrase(text, toks, from, end);
    if end <= from {
        return None;
    }
    typed(text, toks, from, end, names)
}

/// True when token `k` is a `/` inside a number such as `9/11` or `24/7` (no spaces, digits on
/// both sides): part of a noun phrase (`9/11 widow Terry Strada`), not a break.
fn numeric_slash(text: &str, toks: &[Token], k: usize) -> bool {
    let digits = |t: &Token| word(text, t).bytes().all(|b| b.is_ascii_digit());
    word(text, &toks[k]) == "/"
        && k > 0
        && k + 1 < toks.len()
        && toks[k - 1].end == toks[k].start
        && toks[k].end == toks[k + 1].start
        && digits(&toks[k - 1])
        && digits(&toks[k + 1])
}

/// Cuts a phrase at the first relative/participle marker or comma (`Arman daily affiliated to …`).
pub fn cut_phrase(text: &str, toks: &[Token], start: usize, end: usize) -> usize {
    for k in start + 1..end {
        let w = word(text, &toks[k]);
        if matches!(w, "," | "(" | ";" | ":" | "—" | "–")
            || (toks[k].kind == TokenKind::Word
                && !toks[k].is_capitalized(text)
                && has(NP_CUTTERS, w))
        {
            return k;
        }
        // "…, one of Y's key allies"
        if w == "one" && toks.get(k + 1).is_some_and(|t| word(text, t) == "of") {
            return k;
        }
    }
    end
}

/// Types a phrase and finds its name.
pub fn typed(
    text: &str,
    toks: &[Token],
    start: usize,
    end: usize,
    names: &Names,
) -> Option<SourcePhrase> {
    let slice = &toks[start..end];
    let last = slice.iter().rev().find(|t| t.kind == TokenKind::Word)?;
    let last_w = word(text, last);
    let runs = capitalized_runs(text, slice);
    let outlet_head = has(OUTLET_HEADS, last_w)
        && (!last.is_capitalized(text) || runs.iter().any(|r| !r.is_empty()));
    // Outlet: "the Tadbir & Omid website", "Arman daily", "Bloomberg", "The Post"
    if outlet_head {
        let name = runs
            .iter()
            .rev()
            .map(|r| {
                let mut a = r.start;
                if word(text, &slice[a]) == "The" && r.len() > 1 {
                    a += 1;
                }
                text[slice[a].start..slice[r.end - 1].end].to_string()
            })
            .next();
        return Some(SourcePhrase {
            start,
            end,
            kind: rift_core::SourceType::Outlet,
            name,
            pronoun: false,
        });
    }
    // Person: the last capitalised run that is a name.
    for r in runs.iter().rev() {
        if let Some(p) = person_tokens(text, slice, r.clone()) {
            let mention = &text[slice[p.start].start..slice[p.end - 1].end];
            if p.len() == 1 && !names.is_known_surname(mention) && runs.len() > 1 {
                continue;
            }
            return Some(SourcePhrase {
                start,
                end,
                kind: SourceType::Person,
                name: Some(names.full_name(mention)),
                pronoun: false,
            });
        }
    }
    let lw = last_w.to_lowercase();
    // `the 43-year-old`, `a 29-year-old`: an age as a noun is a person (plural: a group)
    if has(GROUP_HEADS, &lw) || lw.ends_with("-year-olds") {
        return Some(SourcePhrase {
            start,
            end,
            kind: SourceType::Group,
            name: None,
            pronoun: false,
        });
    }
    if has(ROLE_HEADS, &lw) || lw.ends_with("-year-old") {
        return Some(SourcePhrase {
            start,
            end,
            kind: SourceType::Person,
            name: None,
            pronoun: false,
        });
    }
    if !runs.is_empty() {
        // A capitalised phrase we cannot type (an organisation, a poll): keep it as the name,
        // the last run that is not a place nor a bare article (`Butterfield of North Carolina`
        // → `Butterfield`) when there is one; an organisation named after its place keeps it
        // (`the University of Michigan`, `the Republican Party of Wyoming`).
        let run_text =
            |r: &std::ops::Range<usize>| &text[slice[r.start].start..slice[r.end - 1].end];
        let article = |r: &std::ops::Range<usize>| {
            r.len() == 1 && matches!(word(text, &slice[r.start]), "The" | "A" | "An")
        };
        let last = runs.len() - 1;
        let pick = (0..runs.len())
            .rev()
            .find(|&i| !crate::names::is_place(run_text(&runs[i])) && !article(&runs[i]))
            .unwrap_or(last);
        let mut r = runs[pick].clone();
        if pick < last
            && runs[pick + 1].start == r.end + 1
            && word(text, &slice[r.end]) == "of"
            && crate::names::is_place(run_text(&runs[pick + 1]))
            && person_tokens(text, slice, r.clone()).is_none()
        {
            r.end = runs[pick + 1].end;
        }
        let name = text[slice[r.start].start..slice[r.end - 1].end].to_string();
        return Some(SourcePhrase {
            start,
            end,
            kind: SourceType::Unknown,
            name: Some(name),
            pronoun: false,
        });
    }
    None
}
