//! Mining affiliation and role claims from article text (`rift kb suggest`).
//!
//! News analysis writes the facts a KB needs inline: `Arman daily affiliated to Rouhani faction`,
//! `Kamal Kharrazi, a former minister of foreign affairs and one of Khamenei's key allies`,
//! `Esmael Kosari, from the hardline faction`. [`ClaimMiner`] reads the analysed paragraphs of an
//! article (`rift_text::Cleaner`), splits them into sentences (`rift_text::Segmenter`), tokenizes
//! them (`rift_text::tokenize`) and matches three general shapes around a *cue*:
//!
//! * a participle cue (`affiliated to/with`, `associated to/with`, `close to`, `linked to`,
//!   `tied to`, `aligned with`, `allied with`, `loyal to`, `run by`, `owned by`, `controlled by`,
//!   `backed by`, `funded by`, `founded by`, `mouthpiece of`) whose subject is the capitalised
//!   name right before it (an outlet noun such as `website` / `daily` between them marks an
//!   outlet), or the head of the appositive it coordinates with;
//! * `NAME, from the … faction|camp|wing|party`;
//! * an appositive noun phrase `NAME, [one of] (the|a|X's) [key|close|former…] NOUN [of|to|for]
//!   OBJECT` where NOUN is a tie noun (`ally`, `element`, `member`, `supporter`, `mouthpiece`…:
//!   an affiliation claim) or a role noun (`minister`, `official`, `spokesman`, `chairman`…: a
//!   role claim).
//!
//! The object is the faction phrase after the cue (`the hardline faction` → `hardline faction`)
//! or, failing that, the first capitalised name (`Khamenei`, `People's Mojahedin Organization of
//! Iran (PMOI/MEK)`). Claims are KB-independent; [`Resolver::claim_known`] tells which ones a
//! project's KB already holds, and [`claims_to_toml`] renders the rest as tables to paste into
//! `kb.toml` (every table with a note quoting its evidence).

use std::collections::HashSet;
use std::fmt::Write as _;

use rift_core::{Article, Date, TieSubject};
use rift_text::{tokenize, Cleaner, Segmenter, Token, TokenKind};
use serde::Serialize;

use crate::resolve::{EntityKind, EntityRef, Resolver};

/// What a claim says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// The subject belongs to, serves or is close to the object (a faction, party or person).
    Affiliation,
    /// The subject holds or held a role (`former minister of` foreign affairs).
    Role,
}

/// What the subject of a claim seems to be, judged from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SubjectKind {
    /// A person (two to four capitalised words, no organisation word).
    Person,
    /// An outlet (followed by `website`, `daily`, `news agency`…).
    Outlet,
    /// Anything else: a party, a unit, an office.
    Organisation,
}

/// One claim found in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// Who or what the claim is about, as written (`Tadbir & Omid`).
    pub subject: String,
    /// The relation, lower case: the cue as written (`affiliated to`, `close to`, `from`) or a
    /// normalised noun relation (`key ally of`, `former minister of`).
    pub relation: String,
    /// The faction, party, person or office, as written (`hardline faction`, `Khamenei`).
    pub object: String,
    /// The sentence the claim was read from.
    pub evidence: String,
    /// The article's id.
    pub article: String,
    /// Affiliation or role.
    pub kind: ClaimKind,
    /// What the subject seems to be.
    pub subject_kind: SubjectKind,
    /// The article's date (its metadata, else its dateline), if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// Participle and noun cues: (words, relation label). Matched on lower-case tokens.
const CUES: &[(&[&str], &str)] = &[
    (&["affiliated", "to"], "affiliated to"),
    (&["affiliated", "with"], "affiliated with"),
    (&["associated", "to"], "associated to"),
    (&["associated", "with"], "associated with"),
    (&["closely", "linked", "to"], "closely linked to"),
    (&["closely", "tied", "to"], "closely tied to"),
    (&["close", "to"], "close to"),
    (&["linked", "to"], "linked to"),
    (&["linked", "with"], "linked with"),
    (&["tied", "to"], "tied to"),
    (&["aligned", "with"], "aligned with"),
    (&["aligned", "to"], "aligned to"),
    (&["allied", "with"], "allied with"),
    (&["allied", "to"], "allied to"),
    (&["loyal", "to"], "loyal to"),
    (&["run", "by"], "run by"),
    (&["owned", "by"], "owned by"),
    (&["controlled", "by"], "controlled by"),
    (&["backed", "by"], "backed by"),
    (&["funded", "by"], "funded by"),
    (&["founded", "by"], "founded by"),
    (&["mouthpiece", "of"], "mouthpiece of"),
    (&["mouthpiece", "for"], "mouthpiece of"),
];

/// Nouns of an appositive tie (`one of Khamenei's key allies`), singular and plural.
const TIE_NOUNS: &[(&str, &str)] = &[
    ("ally", "ally"),
    ("allies", "ally"),
    ("element", "element"),
    ("elements", "element"),
    ("member", "member"),
    ("members", "member"),
    ("figure", "figure"),
    ("figures", "figure"),
    ("supporter", "supporter"),
    ("supporters", "supporter"),
    ("associate", "associate"),
    ("associates", "associate"),
    ("loyalist", "loyalist"),
    ("loyalists", "loyalist"),
    ("confidant", "confidant"),
    ("confidants", "confidant"),
    ("backer", "backer"),
    ("backers", "backer"),
    ("mouthpiece", "mouthpiece"),
    ("mouthpieces", "mouthpiece"),
    ("organ", "organ"),
    ("protege", "protege"),
    ("protégé", "protege"),
    ("surrogate", "surrogate"),
    ("surrogates", "surrogate"),
];

/// Nouns of an appositive role (`a former minister of foreign affairs`).
const ROLE_NOUNS: &[(&str, &str)] = &[
    ("minister", "minister"),
    ("official", "official"),
    ("officials", "official"),
    ("deputy", "deputy"),
    ("head", "head"),
    ("chairman", "chairman"),
    ("chairwoman", "chairwoman"),
    ("chair", "chair"),
    ("chief", "chief"),
    ("spokesman", "spokesman"),
    ("spokeswoman", "spokeswoman"),
    ("spokesperson", "spokesperson"),
    ("commander", "commander"),
    ("adviser", "adviser"),
    ("advisor", "adviser"),
    ("director", "director"),
    ("secretary", "secretary"),
    ("editor", "editor"),
    ("president", "president"),
    ("ambassador", "ambassador"),
    ("governor", "governor"),
    ("mayor", "mayor"),
    ("senator", "senator"),
    ("representative", "representative"),
    ("speaker", "speaker"),
    ("manager", "manager"),
    ("strategist", "strategist"),
    ("aide", "aide"),
    ("founder", "founder"),
    ("leader", "leader"),
    ("nominee", "nominee"),
    ("candidate", "candidate"),
];

/// Adjectives kept in a noun relation (`key ally of`, `former minister of`).
const REL_ADJECTIVES: &[&str] = &[
    "key",
    "close",
    "closest",
    "main",
    "top",
    "leading",
    "prominent",
    "senior",
    "staunch",
    "longtime",
    "long-time",
    "former",
    "ex",
    "chief",
    "principal",
    "trusted",
    "loyal",
    "vocal",
    "major",
    "founding",
    "current",
    "deputy",
    "vice",
];

/// Nouns ending a faction phrase (`the hardline faction`, `the Rouhani camp`).
const GROUP_NOUNS: &[&str] = &[
    "faction",
    "factions",
    "camp",
    "wing",
    "party",
    "bloc",
    "front",
    "coalition",
    "movement",
    "militia",
    "militias",
    "group",
    "caucus",
    "campaign",
    "ministry",
    "council",
    "government",
    "administration",
    "establishment",
];

/// Outlet nouns between an outlet's name and a cue (`the Entekhab website, associated to`).
const OUTLET_NOUNS: &[&str] = &[
    "website",
    "site",
    "daily",
    "newspaper",
    "paper",
    "agency",
    "weekly",
    "magazine",
    "publication",
    "channel",
    "tv",
    "television",
    "outlet",
    "portal",
];

/// Capitalised words that start a sentence or a clause rather than a name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "however",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "by",
    "with",
    "from",
    "meanwhile",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "while",
    "when",
    "after",
    "before",
    "according",
    "as",
    "so",
    "yet",
    "also",
    "then",
    "there",
    "here",
    "if",
    "mr",
    "mrs",
    "ms",
    "dr",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "comments",
    "commenting",
    "read",
    // Common nouns that open sentences: `Sources close to the campaign said`.
    "sources",
    "source",
    "officials",
    "people",
    "analysts",
    "critics",
    "experts",
    "observers",
    "aides",
    "insiders",
    "some",
    "many",
    "others",
    "reports",
    "voters",
    "supporters",
    "members",
    "groups",
    "media",
];

/// Words that mark a subject as an organisation rather than a person.
const ORG_WORDS: &[&str] = &[
    "party",
    "units",
    "unit",
    "council",
    "committee",
    "guards",
    "guard",
    "organization",
    "organisation",
    "ministry",
    "front",
    "association",
    "society",
    "foundation",
    "institute",
    "center",
    "centre",
    "group",
    "force",
    "forces",
    "corps",
    "assembly",
    "parliament",
    "union",
    "league",
    "movement",
    "campaign",
    "pac",
    "fund",
    "news",
    "times",
    "post",
    "journal",
    "press",
];

/// Lower-case particles allowed inside names (`Ali al-Sistani`, `Beto de la Cruz`).
const NAME_PARTICLES: &[&str] = &["of", "de", "la", "du", "van", "von", "bin", "al", "e", "&"];

#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    lower: String,
    word: bool,
    cap: bool,
}

impl Tok {
    fn is(&self, w: &str) -> bool {
        self.lower == w
    }
    fn punct(&self, set: &[&str]) -> bool {
        !self.word && set.contains(&self.lower.as_str())
    }
}

fn lower(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The possessor of `Khamenei's` (None for a plain word).
fn possessor(lower_tok: &str) -> Option<&str> {
    lower_tok
        .strip_suffix("'s")
        .or_else(|| lower_tok.strip_suffix("s'").map(|_| lower_tok))
}

fn is_name_word(t: &Tok) -> bool {
    t.word && t.cap && !NOT_NAMES.contains(&t.lower.as_str())
}

/// Mines claims from articles. Stateless apart from its configuration; reuse one.
#[derive(Debug, Clone, Default)]
pub struct ClaimMiner {
    cleaner: Cleaner,
    segmenter: Segmenter,
}

impl ClaimMiner {
    /// A miner with the default cleaner and segmenter.
    pub fn new() -> ClaimMiner {
        ClaimMiner::default()
    }

    /// Every claim of one article, in text order, without repeats of the same
    /// (subject, relation, object).
    pub fn mine(&self, article: &Article) -> Vec<Claim> {
        let text = article.text.as_str();
        let layout = self.cleaner.layout(text);
        let date = article
            .published
            .or_else(|| layout.dateline.as_ref().and_then(|d| d.date));
        let mut out: Vec<Claim> = Vec::new();
        let mut seen = HashSet::new();
        let mut raw = Vec::new();
        for p in layout.analysed() {
            for s in self.segmenter.split(text, p.range.clone()) {
                tokenize(text, s.clone(), &mut raw);
                let toks = to_toks(text, &raw);
                let evidence = text[s.clone()].trim().to_string();
                for found in sentence_claims(text, &toks) {
                    let key = (
                        found.subject.to_lowercase(),
                        found.relation.clone(),
                        found.object.to_lowercase(),
                    );
                    if !seen.insert(key) {
                        continue;
                    }
                    out.push(Claim {
                        subject: found.subject,
                        relation: found.relation,
                        object: found.object,
                        evidence: evidence.clone(),
                        article: article.id.clone(),
                        kind: found.kind,
                        subject_kind: found.subject_kind,
                        date,
                    });
                }
            }
        }
        out
    }
}

fn to_toks(text: &str, raw: &[Token]) -> Vec<Tok> {
    raw.iter()
        .map(|t| {
            let s = t.text(text);
            Tok {
                start: t.start,
                end: t.end,
                lower: lower(s),
                word: t.kind == TokenKind::Word,
                cap: t.is_capitalized(text),
            }
        })
        .collect()
}

struct Found {
    subject: String,
    relation: String,
    object: String,
    kind: ClaimKind,
    subject_kind: SubjectKind,
}

/// A subject found left of a cue: token range of the name and whether an outlet noun followed.
struct Subject {
    from: usize,
    to: usize,
    outlet: bool,
}

fn sentence_claims(text: &str, toks: &[Tok]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(f) = participle_claim(text, toks, i)
            .or_else(|| from_faction_claim(text, toks, i))
            .or_else(|| noun_claim(text, toks, i))
        {
            out.push(f);
        }
        i += 1;
    }
    out
}

fn span_text(text: &str, toks: &[Tok], from: usize, to: usize) -> String {
    text[toks[from].start..toks[to - 1].end].trim().to_string()
}

fn subject_kind(text: &str, toks: &[Tok], s: &Subject) -> SubjectKind {
    if s.outlet {
        return SubjectKind::Outlet;
    }
    let words: Vec<&Tok> = toks[s.from..s.to].iter().filter(|t| t.word).collect();
    let org = words.iter().any(|t| ORG_WORDS.contains(&t.lower.as_str()))
        || words.iter().any(|t| {
            let w = &text[t.start..t.end];
            w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase())
        });
    if !org && (2..=4).contains(&words.len()) {
        SubjectKind::Person
    } else {
        SubjectKind::Organisation
    }
}

/// The capitalised name ending right before token `end` (exclusive): `[from, end)`.
fn name_ending_at(toks: &[Tok], end: usize) -> Option<usize> {
    let mut from = end;
    while from > 0 {
        let t = &toks[from - 1];
        if is_name_word(t) {
            from -= 1;
            continue;
        }
        // A particle or `&` between two name words.
        let joins = from < end
            && from >= 2
            && (NAME_PARTICLES.contains(&t.lower.as_str()) || t.punct(&["-", "/"]))
            && is_name_word(&toks[from - 2]);
        if joins {
            from -= 1;
            continue;
        }
        break;
    }
    (from < end).then_some(from)
}

/// The subject right before a cue starting at token `cue`: skips `,`, dashes and closing quotes,
/// then an outlet noun, then takes the capitalised name there.
fn subject_before(toks: &[Tok], cue: usize) -> Option<Subject> {
    let mut end = cue;
    while end > 0 && toks[end - 1].punct(&[",", "–", "—", "-", "\"", "”", "'", "’", ")"]) {
        end -= 1;
    }
    let mut outlet = false;
    let mut name_end = end;
    // `news agency`, `news website`: up to two outlet nouns.
    for _ in 0..2 {
        if name_end > 0
            && (OUTLET_NOUNS.contains(&toks[name_end - 1].lower.as_str())
                || (toks[name_end - 1].is("news") && outlet))
            && !toks[name_end - 1].cap
        {
            name_end -= 1;
            outlet = true;
        }
    }
    if outlet && name_end > 0 && toks[name_end - 1].is("news") {
        name_end -= 1;
    }
    let from = name_ending_at(toks, name_end)?;
    Some(Subject {
        from,
        to: name_end,
        outlet,
    })
}

/// The head of the appositive a coordinated description belongs to:
/// `Kamal Kharrazi, a former minister … and one of …` → `Kamal Kharrazi`.
fn appositive_head(toks: &[Tok], cue: usize) -> Option<Subject> {
    let mut k = cue;
    while k > 0 {
        k -= 1;
        let t = &toks[k];
        if t.punct(&[".", ";", ":", "\"", "“", "”"]) {
            return None;
        }
        if t.punct(&[","]) {
            let opens = toks.get(k + 1).is_some_and(|n| {
                [
                    "a",
                    "an",
                    "the",
                    "one",
                    "former",
                    "from",
                    "currently",
                    "also",
                ]
                .contains(&n.lower.as_str())
            });
            if opens {
                if let Some(s) = subject_before(toks, k + 1) {
                    return Some(s);
                }
            }
        }
    }
    None
}

/// Subject of a cue: the name right before it, else (when the text before the cue ends with
/// `and`/`,`) the head of the appositive it continues.
fn subject_of_cue(toks: &[Tok], cue: usize) -> Option<Subject> {
    if let Some(s) = subject_before(toks, cue) {
        return Some(s);
    }
    let prev = cue.checked_sub(1).map(|p| &toks[p])?;
    if prev.is("and") || prev.punct(&[","]) {
        return appositive_head(toks, cue - usize::from(prev.is("and")));
    }
    None
}

/// Words that end an object window: clause starts and verbs of reporting.
const OBJECT_STOPS: &[&str] = &[
    "who",
    "which",
    "that",
    "wrote",
    "reported",
    "said",
    "says",
    "published",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "and",
    "but",
    "in",
    "on",
    "since",
    "when",
    "while",
    "as",
    "affiliated",
    "associated",
    "close",
    "linked",
    "tied",
    "aligned",
    "allied",
    "currently",
];

/// The object starting at token `from`: a faction phrase, else a capitalised name.
/// Returns the text and the index one past its last token.
fn object_at(text: &str, toks: &[Tok], from: usize) -> Option<(String, usize)> {
    let mut end = from;
    while end < toks.len() && end - from < 14 {
        let t = &toks[end];
        if t.punct(&[",", ".", ";", ":", "!", "?", "\"", "“", "”", "–", "—"]) {
            break;
        }
        if t.word && !t.cap && OBJECT_STOPS.contains(&t.lower.as_str()) && end > from {
            break;
        }
        end += 1;
    }
    let mut start = from;
    while start < end && ["the", "a", "an"].contains(&toks[start].lower.as_str()) {
        start += 1;
    }
    if start >= end {
        return None;
    }
    let group = (start..end).find(|&k| GROUP_NOUNS.contains(&toks[k].lower.as_str()));
    if let Some(h) = group {
        // `the opposition group People's Mojahedin …`: the name standing in apposition.
        if let Some(n) = toks.get(h + 1).filter(|t| is_name_word(t)) {
            let _ = n;
            let e = name_from(toks, h + 1, end);
            return Some((span_text(text, toks, h + 1, e), e));
        }
        return Some((span_text(text, toks, start, h + 1), h + 1));
    }
    let first = (start..end).find(|&k| is_name_word(&toks[k]))?;
    let e = name_from(toks, first, end);
    Some((span_text(text, toks, first, e), e))
}

/// The capitalised name starting at `from` (a name word), up to `limit`: name words, particles
/// between name words, a parenthesised acronym, `/`-joined parts.
fn name_from(toks: &[Tok], from: usize, limit: usize) -> usize {
    let mut e = from + 1;
    while e < limit {
        let t = &toks[e];
        if is_name_word(t) || (t.word && t.cap && t.is("of")) {
            e += 1;
            continue;
        }
        let joiner = NAME_PARTICLES.contains(&t.lower.as_str()) || t.punct(&["/", "-"]);
        if joiner && toks.get(e + 1).is_some_and(is_name_word) && e + 1 < limit {
            e += 2;
            continue;
        }
        if t.punct(&["("]) {
            if let Some(close) = (e + 1..limit.min(e + 6)).find(|&k| toks[k].punct(&[")"])) {
                e = close + 1;
                continue;
            }
        }
        break;
    }
    e
}

fn found(
    text: &str,
    toks: &[Tok],
    s: &Subject,
    relation: String,
    object: String,
    kind: ClaimKind,
) -> Found {
    Found {
        subject: span_text(text, toks, s.from, s.to),
        relation,
        object,
        kind,
        subject_kind: subject_kind(text, toks, s),
    }
}

fn participle_claim(text: &str, toks: &[Tok], i: usize) -> Option<Found> {
    let (words, label) = CUES.iter().find(|(w, _)| {
        w.iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.is(w)))
    })?;
    // `close to` only after a name (not `came close to`), handled by subject_of_cue.
    let s = subject_of_cue(toks, i)?;
    let (object, _) = object_at(text, toks, i + words.len())?;
    Some(found(
        text,
        toks,
        &s,
        label.to_string(),
        object,
        ClaimKind::Affiliation,
    ))
}

fn from_faction_claim(text: &str, toks: &[Tok], i: usize) -> Option<Found> {
    if !toks[i].is("from") {
        return None;
    }
    // Only in an appositive right after a name: `Esmael Kosari, from the hardline faction`.
    if !toks.get(i.checked_sub(1)?)?.punct(&[","]) {
        return None;
    }
    let s = subject_before(toks, i)?;
    let (object, _) = object_at(text, toks, i + 1)?;
    let last = object.rsplit(' ').next().map(lower).unwrap_or_default();
    if !["faction", "camp", "wing", "party", "bloc", "caucus"].contains(&last.as_str()) {
        return None;
    }
    Some(found(
        text,
        toks,
        &s,
        "from".to_string(),
        object,
        ClaimKind::Affiliation,
    ))
}

fn noun_claim(text: &str, toks: &[Tok], i: usize) -> Option<Found> {
    // [one of] (the | a | an | X's) ADJ* NOUN [of|to|for|in] OBJECT
    let mut k = i;
    let mut possessed: Option<(usize, usize)> = None;
    if toks[k].is("one") && toks.get(k + 1).is_some_and(|t| t.is("of")) {
        k += 2;
    }
    let det = toks.get(k)?;
    if ["the", "a", "an"].contains(&det.lower.as_str()) {
        k += 1;
    } else if is_name_word(det) {
        // `one of Khamenei's key allies`: the possessor is the object.
        if k == i {
            return None;
        }
        let mut e = k;
        while e < toks.len() && is_name_word(&toks[e]) && possessor(&toks[e].lower).is_none() {
            e += 1;
        }
        let last = toks.get(e)?;
        if !is_name_word(last) || possessor(&last.lower).is_none() {
            return None;
        }
        possessed = Some((k, e + 1));
        k = e + 1;
    } else if k == i {
        // Bare `former minister of`: allowed right after a comma.
        if !(det.is("former") || det.is("ex")) {
            return None;
        }
    }
    // The description must open an appositive (`, a …`) or continue one (`… and one of …`).
    let s = subject_of_cue(toks, i)?;
    let mut adjs = Vec::new();
    while let Some(t) = toks.get(k) {
        if REL_ADJECTIVES.contains(&t.lower.as_str()) && !t.cap {
            adjs.push(if t.is("ex") {
                "former"
            } else {
                t.lower.as_str()
            });
            k += 1;
            if toks.get(k).is_some_and(|t| t.punct(&["-"])) {
                k += 1;
            }
        } else {
            break;
        }
    }
    let noun = toks.get(k)?;
    if noun.cap {
        return None;
    }
    let tie = TIE_NOUNS.iter().find(|(w, _)| noun.is(w)).map(|(_, s)| *s);
    let role = ROLE_NOUNS.iter().find(|(w, _)| noun.is(w)).map(|(_, s)| *s);
    let (singular, kind) = match (tie, role) {
        (Some(s), _) => (s, ClaimKind::Affiliation),
        (None, Some(s)) => (s, ClaimKind::Role),
        _ => return None,
    };
    k += 1;
    let mut relation = adjs.join(" ");
    if !relation.is_empty() {
        relation.push(' ');
    }
    relation.push_str(singular);
    let object = match possessed {
        Some((a, b)) => {
            let name = span_text(text, toks, a, b);
            strip_possessive(&name).to_string()
        }
        None => {
            let prep = toks.get(k)?;
            if !["of", "to", "for", "in", "at"].contains(&prep.lower.as_str()) {
                return None;
            }
            k += 1;
            let o = match kind {
                ClaimKind::Role => role_object(text, toks, k)?,
                ClaimKind::Affiliation => object_at(text, toks, k)?.0,
            };
            relation.push(' ');
            relation.push_str(&prep.lower);
            o
        }
    };
    if possessed.is_some() {
        relation.push_str(" of");
    }
    Some(found(text, toks, &s, relation, object, kind))
}

/// The object of a role: the words after `of` up to a clause boundary
/// (`foreign affairs`, `the regime's foreign affairs ministry`).
fn role_object(text: &str, toks: &[Tok], from: usize) -> Option<String> {
    let mut end = from;
    while end < toks.len() && end - from < 10 {
        let t = &toks[end];
        if t.punct(&[",", ".", ";", ":", "!", "?", "\"", "“", "”", "–", "—"]) {
            break;
        }
        if t.word && !t.cap && OBJECT_STOPS.contains(&t.lower.as_str()) && end > from {
            break;
        }
        end += 1;
    }
    let mut start = from;
    while start < end && ["the", "a", "an"].contains(&toks[start].lower.as_str()) {
        start += 1;
    }
    (start < end).then(|| span_text(text, toks, start, end))
}

fn strip_possessive(s: &str) -> &str {
    for suf in ["'s", "’s", "s'", "s’"] {
        if let Some(x) = s.strip_suffix(suf) {
            return if suf.starts_with('s') {
                &s[..s.len() - suf.len() + 1]
            } else {
                x
            };
        }
    }
    s
}

/// Lower-case ASCII slug for ids (`Tadbir & Omid` → `tadbir-omid`).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if matches!(c, '\'' | '\u{2019}') {
            continue;
        }
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

impl Resolver {
    /// The KB actor or outlet a claim's subject names, if any (unambiguous matches only).
    pub fn claim_subject(&self, claim: &Claim) -> Option<EntityRef> {
        let mut ms: Vec<_> = self
            .mentions(&claim.subject)
            .into_iter()
            .filter(|m| m.entity.kind != EntityKind::Faction && !m.is_ambiguous())
            .collect();
        if claim.subject_kind == SubjectKind::Outlet {
            ms.sort_by_key(|m| m.entity.kind != EntityKind::Outlet);
        }
        ms.into_iter().next().map(|m| m.entity)
    }

    /// The KB factions a claim's object points at: a faction named in it, or the factions a named
    /// actor is the reference of or is tied to on the claim's date.
    pub fn claim_factions(&self, claim: &Claim) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in self.mentions(&claim.object) {
            if m.is_ambiguous() {
                continue;
            }
            match m.entity.kind {
                EntityKind::Faction => out.push(m.entity.id.clone()),
                EntityKind::Actor => {
                    for f in &self.kb().factions {
                        if f.reference.as_deref() == Some(m.entity.id.as_str()) {
                            out.push(f.id.clone());
                        }
                    }
                    out.extend(
                        self.factions_of(&TieSubject::Actor(m.entity.id.clone()), claim.date),
                    );
                }
                EntityKind::Outlet => out
                    .extend(self.factions_of(&TieSubject::Outlet(m.entity.id.clone()), claim.date)),
            }
        }
        let mut seen = HashSet::new();
        out.retain(|f| seen.insert(f.clone()));
        out
    }

    /// True when the KB already holds the claim: its subject is a KB actor/outlet and, for an
    /// affiliation, is tied on the claim's date to a faction the object points at (or a
    /// sub-faction of it); for a role, the actor has a role whose title has the claim's role noun.
    pub fn claim_known(&self, claim: &Claim) -> bool {
        let Some(subject) = self.claim_subject(claim) else {
            return false;
        };
        match claim.kind {
            ClaimKind::Affiliation => {
                let targets = self.claim_factions(claim);
                let ts = match subject.kind {
                    EntityKind::Actor => TieSubject::Actor(subject.id),
                    EntityKind::Outlet => TieSubject::Outlet(subject.id),
                    EntityKind::Faction => return false,
                };
                let held = self.factions_of(&ts, claim.date);
                targets.iter().any(|t| held.contains(t))
            }
            ClaimKind::Role => {
                let Some(actor) = self.kb().actor(&subject.id) else {
                    return false;
                };
                let noun = claim.relation.rsplit(' ').nth(1).unwrap_or(&claim.relation);
                actor
                    .roles
                    .iter()
                    .any(|r| lower(&r.title).split_whitespace().any(|w| w == noun))
            }
        }
    }
}

fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn evidence_note(c: &Claim) -> String {
    let date = c.date.map(|d| format!(", {d}")).unwrap_or_default();
    format!(
        "suggested from article {}{date}: \"{}\"",
        c.article, c.evidence
    )
}

/// Renders claims as KB tables to paste into `kb.toml`: a `[[faction]]`, `[[actor]]` or
/// `[[outlet]]` for every subject or faction the resolver's KB lacks (once each), then a
/// `[[tie]]` per affiliation claim. Role claims become `[[actor.roles]]` of a new actor, or a
/// commented block for a KB actor. Every table's `note` quotes the evidence sentence. The output
/// parses as a KB file on its own.
pub fn claims_to_toml(claims: &[Claim], resolver: Option<&Resolver>) -> String {
    let mut out = String::new();
    let mut made: HashSet<String> = HashSet::new();
    for c in claims {
        let _ = writeln!(
            out,
            "# {} {} {}  ({})",
            c.subject, c.relation, c.object, c.article
        );
        let note = evidence_note(c);
        let known_subject = resolver.and_then(|r| r.claim_subject(c));
        let (subject_key, subject_id, is_outlet) = match &known_subject {
            Some(e) => ("", e.id.clone(), e.kind == EntityKind::Outlet),
            None => {
                let outlet = c.subject_kind == SubjectKind::Outlet;
                (
                    if outlet { "outlet" } else { "actor" },
                    slug(&c.subject),
                    outlet,
                )
            }
        };
        let role_title = (c.kind == ClaimKind::Role).then(|| {
            let rel = c.relation.trim_start_matches("former ");
            format!("{rel} {}", c.object)
        });
        if !subject_key.is_empty() && made.insert(format!("{subject_key}:{subject_id}")) {
            let _ = writeln!(out, "[[{subject_key}]]");
            let _ = writeln!(out, "id = {}", toml_str(&subject_id));
            let _ = writeln!(out, "name = {}", toml_str(&c.subject));
            if subject_key == "actor" {
                let kind = if c.subject_kind == SubjectKind::Person {
                    "person"
                } else {
                    "organisation"
                };
                let _ = writeln!(out, "kind = \"{kind}\"");
            }
            let _ = writeln!(out, "note = {}", toml_str(&note));
            if let (Some(title), "actor") = (&role_title, subject_key) {
                write_role(&mut out, "", title, c, &note);
            }
        } else if let Some(title) = &role_title {
            let _ = writeln!(out, "# add to actor `{subject_id}`:");
            write_role(&mut out, "# ", title, c, &note);
        }
        if c.kind == ClaimKind::Affiliation {
            let factions = resolver.map(|r| r.claim_factions(c)).unwrap_or_default();
            let faction = match factions.first() {
                Some(f) => f.clone(),
                None => {
                    let id = faction_id(&c.object);
                    if made.insert(format!("faction:{id}")) {
                        let _ = writeln!(out, "[[faction]]");
                        let _ = writeln!(out, "id = {}", toml_str(&id));
                        let _ = writeln!(out, "name = {}", toml_str(&c.object));
                        let _ = writeln!(out, "note = {}", toml_str(&note));
                    }
                    id
                }
            };
            let _ = writeln!(out, "[[tie]]");
            let key = if is_outlet { "outlet" } else { "actor" };
            let _ = writeln!(out, "{key} = {}", toml_str(&subject_id));
            let _ = writeln!(out, "faction = {}", toml_str(&faction));
            let _ = writeln!(out, "relation = {}", toml_str(&c.relation));
            if let Some(d) = c.date {
                let _ = writeln!(out, "# held on {d}; from/to unknown");
            }
            let _ = writeln!(out, "note = {}", toml_str(&note));
        }
        out.push('\n');
    }
    out
}

/// Id for a new faction: a trailing parenthesised acronym if any (`… (PMOI/MEK)` →
/// `pmoi-mek`), else the slug of the object without a possessive.
fn faction_id(object: &str) -> String {
    let acronym = object
        .trim_end()
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .map(|(_, a)| a)
        .filter(|a| !a.is_empty() && a.chars().all(|c| !c.is_lowercase()));
    slug(acronym.unwrap_or_else(|| strip_possessive(object)))
}

fn write_role(out: &mut String, prefix: &str, title: &str, c: &Claim, note: &str) {
    let _ = writeln!(out, "{prefix}[[actor.roles]]");
    let _ = writeln!(out, "{prefix}title = {}", toml_str(title));
    if c.relation.starts_with("former ") {
        if let Some(d) = c.date {
            let _ = writeln!(out, "{prefix}# former: ended before {d}");
        }
    }
    let _ = writeln!(out, "{prefix}note = {}", toml_str(note));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(s: &str) -> Vec<(String, String, String)> {
        ClaimMiner::new()
            .mine(&Article::new("t", s))
            .into_iter()
            .map(|c| (c.subject, c.relation, c.object))
            .collect()
    }

    fn has(v: &[(String, String, String)], s: &str, r: &str, o: &str) -> bool {
        v.iter().any(|(a, b, c)| a == s && b == r && c == o)
    }

    #[test]
    fn participle_cues_take_the_name_before_them() {
        let v = claims("The paper said so on Monday, the Kayhan daily, run by Hossein Shariatmadari, wrote on Monday.");
        assert!(
            has(&v, "Kayhan", "run by", "Hossein Shariatmadari"),
            "{v:?}"
        );
        let v = claims("Analysts came close to the border on Monday.");
        assert!(v.is_empty(), "{v:?}");
        let v = claims("Sources close to the campaign said it was over.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn appositives_give_ties_and_roles() {
        let v = claims(
            "Jane Roe, a former adviser to the governor and one of Smith's closest allies, spoke.",
        );
        assert!(
            has(&v, "Jane Roe", "former adviser to", "governor"),
            "{v:?}"
        );
        assert!(has(&v, "Jane Roe", "closest ally of", "Smith"), "{v:?}");
        let v = claims("John Doe, from the progressive wing of the party, disagreed.");
        assert!(has(&v, "John Doe", "from", "progressive wing"), "{v:?}");
        // `from` outside an appositive, or not about a faction, is no claim.
        let v = claims("Voices were heard from both factions. Ann Lee, from Ohio, said no.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn toml_output_parses_as_a_kb() {
        let a = Article::new(
            "t",
            "The Daily Planet website, affiliated to the Metro faction, wrote it. \
             Jane Roe, a former minister of culture, agreed.",
        );
        let cs = ClaimMiner::new().mine(&a);
        assert_eq!(cs.len(), 2, "{cs:?}");
        let toml = claims_to_toml(&cs, None);
        let (kb, _) = crate::Kb::from_toml_str(&toml, std::path::Path::new("s.toml")).expect(&toml);
        assert_eq!(kb.outlets[0].id, "daily-planet");
        assert_eq!(kb.factions[0].id, "metro-faction");
        assert_eq!(kb.ties[0].faction, "metro-faction");
        assert_eq!(kb.actors[0].roles[0].title, "minister of culture");
        assert!(kb.ties[0]
            .note
            .as_deref()
            .unwrap()
            .contains("affiliated to the Metro"));
    }
}
