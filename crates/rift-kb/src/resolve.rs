//! Alias matching and source resolution.
//!
//! [`Resolver`] compiles every name and alias of the KB (plus derived forms: a person's surname,
//! `<outlet> daily` / `website` / `newspaper` / `news agency`…, `<faction> faction`) into one
//! leftmost-longest Aho-Corasick automaton, run over a case-folded copy of a text
//! ([`crate::fold`]) with word boundaries checked after each match. `rift-extract` fills each
//! statement's [`Source`] with the mention as written; [`Resolver::resolve`] maps it to a KB actor
//! or outlet and fills [`Statement::outlet`]; `rift-analyze` asks [`Resolver::factions_of`] which
//! camps a resolved speaker or outlet belonged to on the statement's date.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind, StartKind};
use rift_core::hash::FxBuild;
use rift_core::{
    ActorKind, Article, CharIndex, Date, OutletRef, Source, SourceType, Statement, TieSubject,
};

use crate::fold::{fold, is_word, Folded};
use crate::Kb;

/// What a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A KB actor (person or organisation).
    Actor,
    /// A KB outlet.
    Outlet,
    /// A KB faction.
    Faction,
}

/// A reference to one KB entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    /// Actor, outlet or faction.
    pub kind: EntityKind,
    /// Its id.
    pub id: String,
}

/// How an alias was obtained, from most to least specific.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AliasForm {
    /// The canonical `name`.
    Name,
    /// One of the listed `aliases`.
    Alias,
    /// A derived outlet or faction form (`Arman daily`, `the Entekhab website`, `reformist faction`).
    Derived,
    /// A person's surname, derived from the name or a multi-word alias.
    Surname,
}

/// One match of a KB alias in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte in the searched text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The entity (the first candidate when the alias is ambiguous).
    pub entity: EntityRef,
    /// How the matched alias was obtained.
    pub form: AliasForm,
    /// Other entities claiming the same alias with the same [`AliasForm`]; non-empty means
    /// the mention is ambiguous and [`Resolver::resolve`] will not use it.
    pub alternatives: Vec<EntityRef>,
}

impl Mention {
    /// True when another entity claims the same alias equally.
    pub fn is_ambiguous(&self) -> bool {
        !self.alternatives.is_empty()
    }
}

/// Why a statement's source was left unresolved although the KB had candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AmbiguityKind {
    /// One alias (often a surname) belongs equally to several entities.
    Alias,
    /// Several actors hold (or, with `former`, held) the role on the statement's date.
    Role,
}

/// A statement source that fits several KB entities: reported, never guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguity {
    /// Index of the statement in the slice given to [`Resolver::resolve_reporting`].
    pub statement: usize,
    /// The mention as written (`Larijani`, `the former foreign minister`).
    pub mention: String,
    /// The entities it could be, in KB order.
    pub candidates: Vec<EntityRef>,
    /// Alias or role.
    pub kind: AmbiguityKind,
    /// The date the role was looked up for, if any.
    pub date: Option<Date>,
}

/// The outcome of resolving one mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// One KB actor or outlet.
    Found(EntityRef),
    /// Several candidates fit equally; nothing is chosen.
    Ambiguous {
        /// Alias or role.
        kind: AmbiguityKind,
        /// The candidates.
        candidates: Vec<EntityRef>,
    },
    /// Nothing in the KB fits.
    Unknown,
}

impl Resolution {
    /// The entity, when exactly one was found.
    pub fn entity(&self) -> Option<&EntityRef> {
        match self {
            Resolution::Found(e) => Some(e),
            _ => None,
        }
    }
    fn or_else(self, f: impl FnOnce() -> Resolution) -> Resolution {
        match self {
            Resolution::Found(_) => self,
            Resolution::Ambiguous { .. } => match f() {
                r @ Resolution::Found(_) => r,
                _ => self,
            },
            Resolution::Unknown => f(),
        }
    }
}

/// Derived outlet suffixes (`Arman daily`, `Fars news agency`).
const OUTLET_SUFFIXES: [&str; 10] = [
    " daily",
    " website",
    " newspaper",
    " news agency",
    " agency",
    " news website",
    " news",
    " paper",
    " weekly",
    " site",
];

/// Last word of a generic outlet noun (`the website`, `the state-run daily`).
const OUTLET_NOUNS: [&str; 10] = [
    "website",
    "site",
    "daily",
    "paper",
    "newspaper",
    "agency",
    "weekly",
    "outlet",
    "publication",
    "journal",
];

/// Words allowed before a generic outlet noun.
const OUTLET_NOUN_MODIFIERS: [&str; 16] = [
    "the",
    "this",
    "that",
    "same",
    "said",
    "news",
    "state-run",
    "state-owned",
    "state-affiliated",
    "state",
    "official",
    "semi-official",
    "online",
    "daily",
    "government-run",
    "its",
];

/// Where the head of a descriptive mention ends: `Bavand, a former official of …`,
/// `Arman daily affiliated to Rouhani faction`.
const HEAD_ENDS: [&str; 14] = [
    ",",
    " of ",
    " to ",
    " affiliated",
    " associated",
    " close ",
    " from ",
    " for ",
    " with ",
    " who ",
    " which ",
    " that ",
    " in ",
    " and ",
];

/// Role title synonyms folded before matching roles.
const ROLE_SYNONYMS: [(&str, &str); 3] = [
    ("minister of foreign affairs", "foreign minister"),
    ("foreign affairs minister", "foreign minister"),
    ("head of state", "president"),
];

struct RoleEntry {
    title: String,
    actor: usize,
    role: usize,
}

/// [`HEAD_ENDS`] as one automaton: its leftmost match is the first head end of a text.
static HEAD_END_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(HEAD_ENDS)
        .expect("head-end automaton builds")
});

/// [`HEAD_ENDS`] with standard semantics: its first match is the earliest-ending head end.
static HEAD_END_STD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(HEAD_ENDS)
        .expect("head-end automaton builds")
});

/// What [`Resolver::resolve_source`] reads of a statement's source, within one article (the
/// span aside, which only a generic outlet noun reads): two sources with equal keys resolve
/// alike.
#[derive(PartialEq, Eq, Hash)]
struct SourceKey<'s> {
    text: &'s str,
    name: Option<&'s str>,
    actor: Option<&'s str>,
    kind: SourceType,
    date: Option<Date>,
}

/// A mention text with what several resolution steps need from it, computed once.
struct Parsed<'a> {
    text: &'a str,
    mentions: Vec<Mention>,
    head_end: usize,
}

/// Alias matcher and resolver over one [`Kb`] (which it keeps a copy of).
pub struct Resolver {
    kb: Kb,
    ac: Aliases,
    /// Per pattern id: candidates sorted by form (best first).
    candidates: Vec<Vec<(EntityRef, AliasForm)>>,
    roles: Vec<RoleEntry>,
    /// Every distinct role title (folded), one pattern each.
    role_ac: AhoCorasick,
    /// Per pattern of `role_ac`: its title's length in bytes.
    role_title_len: Vec<usize>,
    /// Per entry of `roles`: its pattern in `role_ac`.
    role_pattern: Vec<usize>,
}

/// Folded bytes [`Aliases`] scans with its NFA before it builds its DFA. Measured with
/// `examples/us-2016` (about 4 000 aliases; callgrind, `rift ingest --threads 1` of 120 PolNeAR
/// files, 476 900 folded bytes scanned): building the DFA costs about 125 M instructions, the
/// contiguous NFA 100 M fewer to build and about 23 more a scanned byte. So the DFA is built
/// once the NFA's extra scanning cost would have paid for it (≈ 5 MB of text): a run never
/// spends more than about twice what the better automaton chosen in hindsight would cost it,
/// a short run never builds the DFA, and a long one scans nearly all of its text with it.
const DFA_AFTER: usize = 5_000_000;

/// The alias automaton: every folded alias, leftmost-longest, unanchored. A run starts with a
/// contiguous NFA (cheap to build) and, after [`DFA_AFTER`] folded bytes were scanned, builds a
/// DFA (the fastest scan, but costly to build: most of `Resolver::new` for a KB of thousands of
/// aliases) and uses it from then on. Both find the same matches (the same patterns and match
/// semantics), so which one scans a text changes no result; a short run never pays for the DFA.
struct Aliases {
    /// The patterns, kept to build the DFA from.
    keys: Vec<String>,
    nfa: AhoCorasick,
    dfa: OnceLock<AhoCorasick>,
    /// Folded bytes scanned so far (all threads).
    scanned: AtomicUsize,
}

impl Aliases {
    fn new(keys: Vec<String>) -> Aliases {
        let nfa = Self::build(&keys, AhoCorasickKind::ContiguousNFA);
        Aliases {
            keys,
            nfa,
            dfa: OnceLock::new(),
            scanned: AtomicUsize::new(0),
        }
    }

    /// Only the unanchored start state: `mentions` finds a shorter alias at a given start with
    /// an unanchored search too.
    fn build(keys: &[String], kind: AhoCorasickKind) -> AhoCorasick {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Unanchored)
            .kind(Some(kind))
            .build(keys)
            .expect("alias automaton builds")
    }

    /// The automaton to scan a text of `len` folded bytes with.
    fn for_scan(&self, len: usize) -> &AhoCorasick {
        if let Some(dfa) = self.dfa.get() {
            return dfa;
        }
        if self
            .scanned
            .fetch_add(len, Ordering::Relaxed)
            .saturating_add(len)
            < DFA_AFTER
        {
            return &self.nfa;
        }
        self.dfa
            .get_or_init(|| Self::build(&self.keys, AhoCorasickKind::DFA))
    }
}

/// True when an alias is only a role title (`the supreme leader`, `President`): such aliases are
/// not matched as names, so that the role is resolved to its holder on the statement's date.
pub(crate) fn alias_is_role(alias: &str, titles: &std::collections::HashSet<String>) -> bool {
    let t = fold_role(alias);
    let t = t.strip_prefix("the ").unwrap_or(&t);
    titles.contains(t)
}

/// Every role title of the KB, folded as for matching.
pub(crate) fn role_titles(kb: &Kb) -> std::collections::HashSet<String> {
    kb.actors
        .iter()
        .flat_map(|a| &a.roles)
        .map(|r| fold_role(&r.title))
        .filter(|t| !t.is_empty())
        .collect()
}

impl std::fmt::Debug for Resolver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resolver")
            .field("patterns", &self.candidates.len())
            .field("roles", &self.roles.len())
            .finish()
    }
}

fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 2
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
}

fn surname(s: &str) -> Option<&str> {
    if !looks_like_name(s) {
        return None;
    }
    let last = s.split_whitespace().next_back()?;
    (last.chars().filter(|c| c.is_alphabetic()).count() >= 3).then_some(last)
}

impl Resolver {
    /// Compiles the KB's aliases into one automaton.
    pub fn new(kb: &Kb) -> Resolver {
        let titles = role_titles(kb);
        let mut table: HashMap<String, Vec<(EntityRef, AliasForm)>> = HashMap::new();
        let mut add = |text: &str, entity: &EntityRef, form: AliasForm| {
            let key = fold(text);
            if key.is_empty() {
                return;
            }
            let list = table.entry(key).or_default();
            match list.iter_mut().find(|(e, _)| e == entity) {
                Some((_, f)) => *f = (*f).min(form),
                None => list.push((entity.clone(), form)),
            }
        };
        for a in &kb.actors {
            let e = EntityRef {
                kind: EntityKind::Actor,
                id: a.id.clone(),
            };
            add(&a.name, &e, AliasForm::Name);
            for al in &a.aliases {
                if alias_is_role(al, &titles) {
                    tracing::debug!(actor = %a.id, alias = %al, "alias is a role title: resolved by date, not as a name");
                    continue;
                }
                add(al, &e, AliasForm::Alias);
            }
            if a.kind == ActorKind::Person {
                for n in std::iter::once(&a.name).chain(&a.aliases) {
                    if let Some(s) = surname(n) {
                        add(s, &e, AliasForm::Surname);
                    }
                }
            }
        }
        for o in &kb.outlets {
            let e = EntityRef {
                kind: EntityKind::Outlet,
                id: o.id.clone(),
            };
            add(&o.name, &e, AliasForm::Name);
            for al in &o.aliases {
                add(al, &e, AliasForm::Alias);
            }
            for base in std::iter::once(&o.name).chain(&o.aliases) {
                let b = fold(base);
                for suf in OUTLET_SUFFIXES {
                    if b.ends_with(suf) {
                        continue;
                    }
                    add(&format!("{b}{suf}"), &e, AliasForm::Derived);
                    add(&format!("the {b}{suf}"), &e, AliasForm::Derived);
                }
            }
        }
        for f in &kb.factions {
            let e = EntityRef {
                kind: EntityKind::Faction,
                id: f.id.clone(),
            };
            add(&f.name, &e, AliasForm::Name);
            for al in &f.aliases {
                add(al, &e, AliasForm::Alias);
            }
            for base in std::iter::once(&f.name).chain(&f.aliases) {
                let b = fold(base);
                if !(b.ends_with(" faction") || b.ends_with(" camp") || b.ends_with('s')) {
                    add(&format!("{b} faction"), &e, AliasForm::Derived);
                    add(&format!("{b} camp"), &e, AliasForm::Derived);
                }
            }
        }
        let mut patterns: Vec<(String, Vec<(EntityRef, AliasForm)>)> = table.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let mut candidates = Vec::with_capacity(patterns.len());
        let mut keys = Vec::with_capacity(patterns.len());
        for (k, mut c) in patterns {
            c.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
            keys.push(k);
            candidates.push(c);
        }
        let ac = Aliases::new(keys);
        let mut roles = Vec::new();
        for (ai, a) in kb.actors.iter().enumerate() {
            for (ri, r) in a.roles.iter().enumerate() {
                let title = fold_role(&r.title);
                if !title.is_empty() {
                    roles.push(RoleEntry {
                        title,
                        actor: ai,
                        role: ri,
                    });
                }
            }
        }
        let mut titles: Vec<&str> = roles.iter().map(|r| r.title.as_str()).collect();
        titles.sort_unstable();
        titles.dedup();
        let role_pattern = roles
            .iter()
            .map(|r| titles.binary_search(&r.title.as_str()).unwrap_or(0))
            .collect();
        let role_title_len = titles.iter().map(|t| t.len()).collect();
        // Standard semantics with overlapping search: every occurrence of every title.
        let role_ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&titles)
            .expect("role-title automaton builds");
        tracing::debug!(
            patterns = candidates.len(),
            roles = roles.len(),
            "alias automaton built"
        );
        Resolver {
            kb: kb.clone(),
            ac,
            candidates,
            roles,
            role_ac,
            role_title_len,
            role_pattern,
        }
    }

    /// The KB this resolver was built from.
    pub fn kb(&self) -> &Kb {
        &self.kb
    }

    /// Every KB alias in `text`, leftmost-longest, on word boundaries, in text order.
    /// Spans are byte offsets into `text`.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let folded = Folded::new(text);
        let ac = self.ac.for_scan(folded.text.len());
        self.mentions_in(&folded, ac)
    }

    /// [`Resolver::mentions`] of a folded text, scanned with `ac` (the alias NFA or DFA).
    fn mentions_in(&self, folded: &Folded, ac: &AhoCorasick) -> Vec<Mention> {
        let hay = folded.text.as_str();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < hay.len() {
            let Some(m) = ac.find(Input::new(hay).span(pos..hay.len())) else {
                break;
            };
            let mut cand = Some(m);
            let mut accepted = None;
            while let Some(c) = cand {
                if folded.on_word_boundaries(c.start(), c.end()) {
                    accepted = Some(c);
                    break;
                }
                if c.end() <= c.start() + 1 {
                    break;
                }
                // A shorter alias at the same start may still sit on a boundary. Leftmost
                // semantics: if any alias starts at `c.start()` inside the span, the search from
                // there returns the longest of them, so this is the anchored search.
                cand = ac
                    .find(Input::new(hay).span(c.start()..c.end() - 1))
                    .filter(|s| s.start() == c.start());
            }
            match accepted {
                Some(c) => {
                    let cands = &self.candidates[c.pattern().as_usize()];
                    let (entity, form) = cands[0].clone();
                    let alternatives = cands[1..]
                        .iter()
                        .filter(|(_, f)| *f == form)
                        .map(|(e, _)| e.clone())
                        .collect();
                    let (start, end) = folded.original(c.start(), c.end());
                    out.push(Mention {
                        start,
                        end,
                        entity,
                        form,
                        alternatives,
                    });
                    pos = c.end();
                }
                None => {
                    pos = m.start()
                        + hay[m.start()..]
                            .chars()
                            .next()
                            .map_or(1, |ch| ch.len_utf8());
                }
            }
        }
        out
    }

    /// Resolves the sources and outlets of an article's statements in place (see `docs/kb.md`):
    /// a KB name inside `source.name` or `source.text`; generic outlet nouns (`the website`) to the
    /// last outlet mentioned before the source; role-only mentions (`the former foreign minister`)
    /// to the one actor holding that role on the statement's date. Then `statement.outlet` is
    /// resolved, or filled from an outlet source or the article's outlet. Unknown speakers keep
    /// their text and name.
    pub fn resolve(&self, article: &Article, statements: &mut [Statement]) {
        for a in self.resolve_reporting(article, statements) {
            tracing::debug!(
                article = %article.id,
                mention = %a.mention,
                kind = ?a.kind,
                date = ?a.date,
                candidates = ?a.candidates.iter().map(|c| &c.id).collect::<Vec<_>>(),
                "ambiguous source, not resolved"
            );
        }
    }

    /// [`Resolver::resolve`], returning the sources left unresolved because several KB entities
    /// fit them (a surname shared by two actors, a role two actors held on the date).
    pub fn resolve_reporting(
        &self,
        article: &Article,
        statements: &mut [Statement],
    ) -> Vec<Ambiguity> {
        let article_mentions = self.mentions(&article.text);
        let index = CharIndex::new(&article.text);
        let article_outlet = self.article_outlet(article);
        let namesakes = self.namesakes_only(&article.text, &article_mentions);
        // Each source resolved once per article: the same `Trump` or `he` recurs in many of an
        // article's statements (a third of PolNeAR train's), and what `resolve_source` returns
        // depends only on the source's text, name, actor and type, the date and the article —
        // except for a generic outlet noun (`the website`), which also reads the source's span
        // and is therefore not kept. Resolved before any statement is changed, which
        // `resolve_source` of another statement never reads.
        let mut memo: HashMap<SourceKey<'_>, Resolution, FxBuild> = HashMap::default();
        let resolved: Vec<Resolution> = statements
            .iter()
            .map(|st| {
                let date = st.date.or(article.published);
                let key = SourceKey {
                    text: &st.source.text,
                    name: st.source.name.as_deref(),
                    actor: st.source.actor.as_deref(),
                    kind: st.source.kind,
                    date,
                };
                if let Some(r) = memo.get(&key) {
                    return r.clone();
                }
                let mut by_span = false;
                let r =
                    self.resolve_source(&st.source, &article_mentions, &index, date, &mut by_span);
                if !by_span {
                    memo.insert(key, r.clone());
                }
                r
            })
            .collect();
        drop(memo);
        let mut report = Vec::new();
        for (i, (st, resolution)) in statements.iter_mut().zip(resolved).enumerate() {
            let date = st.date.or(article.published);
            let found = match resolution {
                // `Tom Clarke` is named in the article, Sheriff David Clarke never: a bare
                // `Clarke` there is Tom.
                Resolution::Found(e) if st.source.actor.is_none() && namesakes.contains(&e) => {
                    tracing::debug!(article = %article.id, mention = %st.source.text, actor = %e.id, "only a namesake of the KB actor is named in the article");
                    None
                }
                Resolution::Found(e) => Some(e),
                Resolution::Ambiguous { kind, candidates } => {
                    report.push(Ambiguity {
                        statement: i,
                        mention: st.source.text.clone(),
                        candidates,
                        kind,
                        date,
                    });
                    None
                }
                Resolution::Unknown => None,
            };
            if let Some(e) = &found {
                self.apply(&mut st.source, e);
            } else {
                tracing::debug!(
                    article = %article.id,
                    mention = %st.source.text,
                    "source not in the KB"
                );
            }
            st.outlet = match st.outlet.take() {
                Some(o) => Some(self.resolve_outlet_ref(o)),
                None => match &found {
                    Some(e) if e.kind == EntityKind::Outlet => self.outlet_ref(&e.id),
                    _ => article_outlet.clone(),
                },
            };
        }
        report
    }

    /// Resolves one mention as written (`the supreme leader`, `Zarif`, `Kayhan daily`) on a date:
    /// a KB name in it, else a role held on the date. Generic outlet nouns need an article and
    /// are not handled here.
    pub fn resolve_mention(&self, text: &str, date: Option<Date>) -> Resolution {
        self.entity_in(text, date)
            .or_else(|| self.role_holder(text, date))
    }

    /// Faction ids `subject` was tied to on `date` (every tie when the date is unknown), the most
    /// specific first, followed by their parent factions; no duplicates.
    pub fn factions_of(&self, subject: &TieSubject, date: Option<Date>) -> Vec<String> {
        let mut direct: Vec<&str> = self
            .kb
            .ties_of(subject)
            .filter(|t| t.holds_on(date))
            .map(|t| t.faction.as_str())
            .collect();
        direct.sort_by_key(|f| std::cmp::Reverse(self.depth(f)));
        let mut out: Vec<String> = Vec::new();
        for f in &direct {
            if !out.iter().any(|o| o == f) {
                out.push(f.to_string());
            }
        }
        for f in &direct {
            let mut cur = self.kb.faction(f).and_then(|x| x.parent.as_deref());
            let mut guard = 0;
            while let Some(p) = cur {
                if guard > self.kb.factions.len() {
                    break;
                }
                guard += 1;
                if !out.iter().any(|o| o == p) {
                    out.push(p.to_string());
                }
                cur = self.kb.faction(p).and_then(|x| x.parent.as_deref());
            }
        }
        out
    }

    /// The tie subject of a resolved source (`None` when `source.actor` is unset or unknown).
    pub fn subject_of(&self, source: &Source) -> Option<TieSubject> {
        let id = source.actor.as_deref()?;
        let as_actor = self.kb.actor(id).map(|_| TieSubject::Actor(id.to_string()));
        let as_outlet = self
            .kb
            .outlet(id)
            .map(|_| TieSubject::Outlet(id.to_string()));
        match source.kind {
            SourceType::Outlet => as_outlet.or(as_actor),
            _ => as_actor.or(as_outlet),
        }
    }

    /// Resolves a free outlet name (`Arman daily`, `armandaily.ir`) to a KB outlet id.
    pub fn outlet_id(&self, name: &str) -> Option<String> {
        let by_alias = self
            .mentions(name)
            .into_iter()
            .find(|m| m.entity.kind == EntityKind::Outlet && !m.is_ambiguous())
            .map(|m| m.entity.id);
        by_alias.or_else(|| self.outlet_by_domain(name))
    }

    fn depth(&self, faction: &str) -> usize {
        let mut d = 0;
        let mut cur = self.kb.faction(faction).and_then(|f| f.parent.as_deref());
        while let Some(p) = cur {
            d += 1;
            if d > self.kb.factions.len() {
                break;
            }
            cur = self.kb.faction(p).and_then(|f| f.parent.as_deref());
        }
        d
    }

    fn apply(&self, source: &mut Source, e: &EntityRef) {
        match e.kind {
            EntityKind::Actor => {
                if let Some(a) = self.kb.actor(&e.id) {
                    source.actor = Some(a.id.clone());
                    source.name = Some(a.name.clone());
                    source.kind = match a.kind {
                        ActorKind::Person => SourceType::Person,
                        ActorKind::Organisation => SourceType::Group,
                    };
                }
            }
            EntityKind::Outlet => {
                if let Some(o) = self.kb.outlet(&e.id) {
                    source.actor = Some(o.id.clone());
                    source.name = Some(o.name.clone());
                    source.kind = SourceType::Outlet;
                }
            }
            EntityKind::Faction => {}
        }
    }

    /// Resolves one statement's source in its article. Sets `by_span` when the result depends
    /// on `source.span` (a generic outlet noun); otherwise it depends only on the fields of
    /// [`SourceKey`].
    fn resolve_source(
        &self,
        source: &Source,
        article_mentions: &[Mention],
        index: &CharIndex,
        date: Option<Date>,
        by_span: &mut bool,
    ) -> Resolution {
        // The mention's KB matches and head, found once for the steps below.
        let cell = OnceCell::new();
        let parsed = || cell.get_or_init(|| self.parse(&source.text));
        // `Obama's climate advisers`: whatever name the extractor linked, not Obama.
        if source.actor.is_none() && self.possessive_description(parsed()) {
            return self.role_holder(&source.text, date);
        }
        // `Ivanka Trump`: a namesake, whatever full name the extractor linked.
        if source.actor.is_none()
            && (parsed()
                .mentions
                .iter()
                .any(|m| self.other_given_name(&source.text, m))
                || self.describes_other(parsed()))
        {
            return Resolution::Unknown;
        }
        // Already resolved (resolve() run twice): keep it.
        if let Some(id) = &source.actor {
            let kind = match source.kind {
                SourceType::Outlet if self.kb.outlet(id).is_some() => Some(EntityKind::Outlet),
                _ if self.kb.actor(id).is_some() => Some(EntityKind::Actor),
                _ if self.kb.outlet(id).is_some() => Some(EntityKind::Outlet),
                _ => None,
            };
            if let Some(kind) = kind {
                return Resolution::Found(EntityRef {
                    kind,
                    id: id.clone(),
                });
            }
        }
        // (a) a KB name inside the best name, else inside the mention.
        let by_name = match source.name.as_deref() {
            Some(n) if n == source.text => self.entity_in_parsed(parsed(), date),
            Some(n) => self.entity_in(n, date),
            None => Resolution::Unknown,
        };
        let by_name = by_name.or_else(|| self.entity_in_parsed(parsed(), date));
        if matches!(by_name, Resolution::Found(_)) {
            return by_name;
        }
        // (b) `the website` → the last outlet mentioned before the source.
        if is_generic_outlet(&source.text) {
            *by_span = true;
            let Some(span) = source.span else {
                return by_name;
            };
            let before = index.byte_of(span.start);
            let last = article_mentions.iter().rev().find(|m| {
                m.end <= before && m.entity.kind == EntityKind::Outlet && !m.is_ambiguous()
            });
            return match last {
                Some(m) => Resolution::Found(m.entity.clone()),
                None => by_name,
            };
        }
        // (c) a role-only mention → the holder on that date.
        by_name.or_else(|| self.role_holder(&source.text, date))
    }

    /// A mention's KB matches and head end.
    fn parse<'a>(&self, text: &'a str) -> Parsed<'a> {
        Parsed {
            text,
            mentions: self.mentions(text),
            head_end: head_end(text),
        }
    }

    /// The person or outlet a mention names (see `docs/kb.md` for the head rule).
    fn entity_in(&self, text: &str, date: Option<Date>) -> Resolution {
        self.entity_in_parsed(&self.parse(text), date)
    }

    /// [`Resolver::entity_in`] on a parsed mention.
    fn entity_in_parsed(&self, parsed: &Parsed<'_>, date: Option<Date>) -> Resolution {
        let text = parsed.text;
        let all: Vec<&Mention> = parsed
            .mentions
            .iter()
            .filter(|m| m.entity.kind != EntityKind::Faction)
            .filter(|m| !self.other_given_name(text, m))
            .collect();
        let (usable, ambiguous): (Vec<&Mention>, Vec<&Mention>) =
            all.iter().copied().partition(|m| !m.is_ambiguous());
        if usable.is_empty() {
            return match ambiguous.first() {
                Some(m) => Resolution::Ambiguous {
                    kind: AmbiguityKind::Alias,
                    candidates: std::iter::once(&m.entity)
                        .chain(&m.alternatives)
                        .cloned()
                        .collect(),
                },
                None => Resolution::Unknown,
            };
        }
        let possessive = |m: &Mention| text[m.end..].starts_with(['\'', '\u{2019}']);
        let head_end = parsed.head_end;
        let head: Vec<&&Mention> = usable.iter().filter(|m| m.end <= head_end).collect();
        if !head.is_empty() {
            if let Some(m) = head.iter().rev().find(|m| !possessive(m)) {
                // `Stein spokeswoman Melezia Figueroa`, `Donald Trump Jr.`, `Clinton
                // Foundation`: a name not in the KB follows, the head is someone else.
                if names_more(&text[m.end..head_end])
                    || (m.entity.kind == EntityKind::Actor && group_follows(&text[m.end..head_end]))
                {
                    return Resolution::Unknown;
                }
                return Resolution::Found(m.entity.clone());
            }
            // Only a possessor in the head: `Obama's secretary of state` is the role holder,
            // a bare `Khamenei's` is Khamenei.
            let last = head[head.len() - 1];
            if possessive_rest(text, last.end, head_end) {
                return self.role_holder(text, date);
            }
            return Resolution::Found(last.entity.clone());
        }
        // The head names nobody in the KB: `Don Fowler, who helmed the DNC` is Don Fowler.
        if names_more(&text[..head_end]) {
            return Resolution::Unknown;
        }
        usable
            .iter()
            .find(|m| !possessive(m))
            .or_else(|| usable.first())
            .map_or(Resolution::Unknown, |m| Resolution::Found(m.entity.clone()))
    }

    /// True when a mention's head is someone or something other than the KB person it names:
    /// `the Obama administration`, `Stein spokeswoman Melezia Figueroa`, `Don Fowler, who
    /// helmed the DNC`. Then the extractor's linked name is not used either.
    fn describes_other(&self, parsed: &Parsed<'_>) -> bool {
        let (text, he) = (parsed.text, parsed.head_end);
        let ms: Vec<&Mention> = parsed
            .mentions
            .iter()
            .filter(|m| m.entity.kind != EntityKind::Faction && !m.is_ambiguous())
            .collect();
        let possessive = |m: &Mention| text[m.end..].starts_with(['\'', '\u{2019}']);
        match ms.iter().rev().find(|m| m.end <= he && !possessive(m)) {
            Some(m) => {
                names_more(&text[m.end..he])
                    || (m.entity.kind == EntityKind::Actor && group_follows(&text[m.end..he]))
            }
            // No KB mention in the head, some after it: the head names someone else.
            None => !ms.is_empty() && ms.iter().all(|m| m.start >= he) && names_more(&text[..he]),
        }
    }

    /// KB actors whose surname occurs in `text` only as a namesake's (`Tom Clarke`), while their
    /// own name or a multi-word alias never does.
    fn namesakes_only(&self, text: &str, mentions: &[Mention]) -> Vec<EntityRef> {
        let mut namesake: Vec<EntityRef> = Vec::new();
        let mut named: Vec<EntityRef> = Vec::new();
        for m in mentions {
            if m.entity.kind != EntityKind::Actor {
                continue;
            }
            if self.other_given_name(text, m) {
                namesake.push(m.entity.clone());
            } else if matches!(m.form, AliasForm::Name | AliasForm::Alias)
                && text[m.start..m.end].contains(' ')
            {
                named.push(m.entity.clone());
            }
        }
        namesake.retain(|e| !named.contains(e));
        namesake.dedup();
        namesake
    }

    /// `Obama's climate advisers`, `Trump's spokeswoman`: a mention whose head is only a KB
    /// possessor and a noun — someone described through a KB actor, not the actor.
    fn possessive_description(&self, parsed: &Parsed<'_>) -> bool {
        let (text, he) = (parsed.text, parsed.head_end);
        let ms: Vec<&Mention> = parsed
            .mentions
            .iter()
            .filter(|m| m.entity.kind != EntityKind::Faction && m.end <= he)
            .collect();
        let Some(last) = ms.last() else {
            return false;
        };
        ms.iter()
            .all(|m| text[m.end..].starts_with(['\'', '\u{2019}']))
            && possessive_rest(text, last.end, he)
    }

    /// True when a surname match is preceded by another given name (`Ivanka Trump`,
    /// `Tom Clarke`, `Chelsea Clinton`): a namesake, not the KB actor.
    fn other_given_name(&self, text: &str, m: &Mention) -> bool {
        let surname_like = match m.form {
            AliasForm::Surname => true,
            AliasForm::Alias => {
                let matched = &text[m.start..m.end];
                !matched.contains(' ')
                    && self.kb.actor(&m.entity.id).is_some_and(|a| {
                        a.name
                            .split_whitespace()
                            .next_back()
                            .is_some_and(|last| fold(last) == fold(matched))
                    })
            }
            _ => false,
        };
        if !surname_like || m.entity.kind != EntityKind::Actor {
            return false;
        }
        let before = text[..m.start].trim_end_matches(' ');
        if before.len() == text[..m.start].len() {
            return false; // no space: `-Clinton`, start of text
        }
        let word = before
            .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
            .next()
            .unwrap_or("");
        is_given_name(word)
    }

    /// The one actor holding the role a mention names on `date` (`former`: whose role ended
    /// before it). Only a title in the mention's head counts: `the foreign minister`, not
    /// `an aide to the foreign minister`.
    fn role_holder(&self, text: &str, date: Option<Date>) -> Resolution {
        let t = fold_role(text);
        if t.is_empty() {
            return Resolution::Unknown;
        }
        let former = contains_word(&t, "former") || t.contains("ex-");
        let heads = self.titles_in_head(&t);
        let matched: Vec<&RoleEntry> = self
            .roles
            .iter()
            .zip(&self.role_pattern)
            .filter(|(_, &p)| heads[p])
            .map(|(r, _)| r)
            .collect();
        let Some(longest) = matched.iter().map(|r| r.title.len()).max() else {
            return Resolution::Unknown;
        };
        let mut holders: Vec<usize> = matched
            .iter()
            .filter(|r| r.title.len() == longest)
            .filter(|r| {
                let role = &self.kb.actors[r.actor].roles[r.role];
                if former {
                    match (date, role.to) {
                        (Some(d), Some(to)) => to < d,
                        (None, Some(_)) => true,
                        _ => false,
                    }
                } else {
                    role.holds_on(date)
                }
            })
            .map(|r| r.actor)
            .collect();
        holders.sort_unstable();
        holders.dedup();
        let refs = |v: &[usize]| -> Vec<EntityRef> {
            v.iter()
                .map(|&i| EntityRef {
                    kind: EntityKind::Actor,
                    id: self.kb.actors[i].id.clone(),
                })
                .collect()
        };
        match holders.as_slice() {
            [_] => Resolution::Found(refs(&holders).remove(0)),
            [] => Resolution::Unknown,
            many => Resolution::Ambiguous {
                kind: AmbiguityKind::Role,
                candidates: refs(many),
            },
        }
    }

    /// Per role title (pattern of `role_ac`): true when it is the head of `hay` — it occurs as
    /// words with no head-ending connector before it and nothing but a connector or a
    /// possessive after it (`the former foreign minister` yes; `an aide to the foreign
    /// minister` no; `European Council President Donald Tusk` no: a name not in the KB follows
    /// the title). One pass of the title automaton over `hay`.
    fn titles_in_head(&self, hay: &str) -> Vec<bool> {
        let mut head = vec![false; self.role_title_len.len()];
        // `hay[..s]` with a space before it contains a head end iff the earliest-ending head
        // end of ` hay` ends at or before `s + 1`.
        let padded = format!(" {hay}");
        let first_end = HEAD_END_STD.find(&padded).map(|m| m.end());
        for m in self.role_ac.find_overlapping_iter(hay) {
            let (s, e, p) = (m.start(), m.end(), m.pattern().as_usize());
            if head[p] {
                continue;
            }
            let before_ok = !hay[..s].chars().next_back().is_some_and(is_word);
            let after_ok = !hay[e..].chars().next().is_some_and(is_word);
            if !(before_ok && after_ok) || first_end.is_some_and(|fe| fe <= s + 1) {
                continue;
            }
            let rest = &hay[e..];
            let rest = rest.strip_prefix("'s").unwrap_or(rest);
            // `rest` followed by a space starts with a head end.
            let connector = HEAD_ENDS.iter().any(|h| {
                rest.starts_with(h)
                    || (h.len() == rest.len() + 1 && h.ends_with(' ') && h.starts_with(rest))
            });
            if rest.trim().is_empty() || connector {
                head[p] = true;
            }
        }
        head
    }

    fn outlet_ref(&self, id: &str) -> Option<OutletRef> {
        self.kb.outlet(id).map(|o| OutletRef {
            id: Some(o.id.clone()),
            name: o.name.clone(),
        })
    }

    fn resolve_outlet_ref(&self, o: OutletRef) -> OutletRef {
        let id =
            o.id.clone()
                .filter(|id| self.kb.outlet(id).is_some())
                .or_else(|| self.outlet_id(&o.name));
        match id.and_then(|id| self.outlet_ref(&id)) {
            Some(r) => r,
            None => OutletRef {
                id: o.id.filter(|id| self.kb.outlet(id).is_some()),
                name: o.name,
            },
        }
    }

    /// The outlet an article appeared in: its `outlet` field when the KB knows it, else its
    /// URL's domain when that is a KB outlet's, else whichever of the two is given; resolved
    /// through the KB (unknown names are kept with no id).
    pub fn article_outlet(&self, article: &Article) -> Option<OutletRef> {
        let named = article
            .outlet
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .map(|name| {
                self.resolve_outlet_ref(OutletRef {
                    id: None,
                    name: name.trim().to_string(),
                })
            });
        // A stated outlet the KB knows wins; an unknown one gives way to a URL
        // whose domain is a KB outlet's (a byline "Staff" or an agency alias).
        if let Some(r) = &named {
            if r.id.is_some() {
                return named;
            }
        }
        let by_domain = article
            .url
            .as_deref()
            .and_then(|u| self.outlet_by_domain(u))
            .and_then(|id| self.outlet_ref(&id));
        if by_domain.is_some() {
            return by_domain;
        }
        if named.is_some() {
            return named;
        }
        let domain = article.url.as_deref().and_then(domain_of)?;
        Some(match self.outlet_by_domain(&domain) {
            Some(id) => self.outlet_ref(&id)?,
            None => OutletRef {
                id: None,
                name: domain,
            },
        })
    }

    fn outlet_by_domain(&self, name: &str) -> Option<String> {
        let d = domain_of(name)?;
        self.kb
            .outlets
            .iter()
            .find(|o| {
                o.domains.iter().any(|od| {
                    let od = od.trim().trim_start_matches("www.").to_ascii_lowercase();
                    !od.is_empty() && (d == od || d.ends_with(&format!(".{od}")))
                })
            })
            .map(|o| o.id.clone())
    }
}

/// Where the head of a descriptive mention ends (byte offset in `text`): the first
/// [`HEAD_ENDS`] connector of its folded form.
fn head_end(text: &str) -> usize {
    let f = Folded::new(text);
    HEAD_END_AC
        .find(f.text.as_str())
        .map_or(text.len(), |m| f.original(m.start(), m.start() + 1).0)
}

/// After a possessor ending at `end`: is there a noun before `head_end` (`'s climate advisers`)?
fn possessive_rest(text: &str, end: usize, head_end: usize) -> bool {
    let rest = text[end..head_end.max(end)]
        .trim_start_matches(['\'', '\u{2019}', 's'])
        .trim();
    !rest.is_empty()
}

/// Capitalised words that are titles or function words, not given names, before a surname.
const NOT_GIVEN: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "secretary",
    "speaker",
    "leader",
    "gen",
    "general",
    "lt",
    "col",
    "adm",
    "judge",
    "justice",
    "ayatollah",
    "imam",
    "sheikh",
    "hojatoleslam",
    "prime",
    "minister",
    "chairman",
    "chief",
    "candidate",
    "nominee",
    "republican",
    "republicans",
    "democrat",
    "democratic",
    "democrats",
    "former",
    "the",
    "but",
    "and",
    "when",
    "after",
    "while",
    "as",
    "if",
    "so",
    "then",
    "sheriff",
    "mayor",
    "attorney",
    "ambassador",
    "commander",
    "director",
    "professor",
    "prof",
    "first",
    "lady",
    "candidates",
    "nominees",
    "said",
    "says",
    "told",
    "supreme",
    "frontrunner",
    "front-runner",
    "rival",
    "opponent",
    "challenger",
    "by",
    "with",
    "for",
    "to",
    "of",
    "on",
    "in",
    "at",
    "from",
    "that",
    "than",
    "rivals",
    "presidential",
    "president-elect",
    "independent",
    "libertarian",
    "green",
    "conservative",
    "liberal",
    "reformist",
    "hardliner",
    "moderate",
    "cleric",
    "nor",
    "or",
    "also",
    "even",
    "only",
    "how",
    "why",
    "what",
    "where",
    "who",
    "whom",
    "ex",
];

/// True for a capitalised word that looks like a given name (`Ivanka`, `Tom`).
fn is_given_name(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let Some(first) = w.chars().next() else {
        return false;
    };
    if !first.is_uppercase() || word.ends_with('.') || w.ends_with("'s") || w.ends_with("\u{2019}s")
    {
        return false;
    }
    if w.chars().all(|c| !c.is_lowercase()) {
        return false; // an acronym: `US Trump`, `GOP`
    }
    !NOT_GIVEN.contains(&w.to_lowercase().as_str())
}

/// True when `rest` (what follows the head's last KB mention) names someone else: a capitalised
/// word outside parentheses (`spokeswoman Melezia Figueroa`, `Jr.`, `Foundation`).
fn names_more(rest: &str) -> bool {
    let mut depth = 0usize;
    let mut cleaned = String::new();
    for c in rest.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => cleaned.push(c),
            _ => {}
        }
    }
    cleaned
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Nouns that turn `<KB person> …` into someone else or a group: `the Obama administration`,
/// `Trump aides`, `the Clinton campaign`.
const GROUP_FOLLOWERS: &[&str] = &[
    "administration",
    "campaign",
    "campaigns",
    "team",
    "camp",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "staff",
    "staffers",
    "allies",
    "supporters",
    "surrogate",
    "surrogates",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "family",
    "foundation",
    "government",
    "officials",
    "loyalists",
    "voters",
    "backers",
    "critics",
    "organization",
    "organisation",
    "transition",
];

/// True when the first word after a KB person's name is one of [`GROUP_FOLLOWERS`].
fn group_follows(rest: &str) -> bool {
    rest.split_whitespace()
        .next()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| GROUP_FOLLOWERS.contains(&w.as_str()))
}

/// Host of a URL or bare domain, lower case, without `www.`.
fn domain_of(s: &str) -> Option<String> {
    let s = s.trim();
    let rest = s.split_once("://").map_or(s, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.trim_start_matches("www.");
    (host.contains('.') && !host.contains(' ')).then(|| host.to_string())
}

fn fold_role(s: &str) -> String {
    let mut t = fold(s);
    if t.contains(['[', ']', '(', ')']) {
        t = t.replace(['[', ']', '(', ')'], " ");
    }
    for (from, to) in ROLE_SYNONYMS {
        if t.contains(from) {
            t = t.replace(from, to);
        }
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn contains_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let s = from + i;
        let e = s + needle.len();
        let before_ok = !hay[..s].chars().next_back().is_some_and(is_word);
        let after_ok = !hay[e..].chars().next().is_some_and(is_word);
        if before_ok && after_ok {
            return true;
        }
        from = s + hay[s..].chars().next().map_or(1, |c| c.len_utf8());
    }
    false
}

/// `the website`, `the daily`, `the state-run news agency` — an outlet named by its kind only.
fn is_generic_outlet(text: &str) -> bool {
    let t = fold(text);
    let t = t.trim_end_matches("'s").trim_end_matches('\'');
    let words: Vec<&str> = t.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    OUTLET_NOUNS.contains(last) && before.iter().all(|w| OUTLET_NOUN_MODIFIERS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us_2016() -> Resolver {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/us-2016");
        Resolver::new(&crate::Project::load(dir).expect("us-2016 loads").kb)
    }

    /// The alias NFA a run starts with and the DFA it switches to find the same mentions.
    #[test]
    fn alias_nfa_and_dfa_find_the_same_mentions() {
        let r = us_2016();
        let dfa = Aliases::build(&r.ac.keys, AhoCorasickKind::DFA);
        let mut texts: Vec<String> = [
            "Hillary Clinton and Donald Trump met the Washington Post's editors.",
            "Clinton, Trump; Sanders-Clinton, TRUMP's, trumpet, the New York Times website",
            "",
            " ",
            "İstanbul “Trump’s” Clinton\u{2003}Kaine — Pence",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // PolNeAR texts, where the shared data is checked out.
        texts.extend(crate::train_texts(300));
        let mut found = 0;
        for t in &texts {
            let folded = Folded::new(t);
            let by_nfa = r.mentions_in(&folded, &r.ac.nfa);
            assert_eq!(by_nfa, r.mentions_in(&folded, &dfa), "{t:?}");
            found += by_nfa.len();
            // Every sentence-sized piece too (starts and ends inside words).
            for piece in t.split_inclusive(['.', ',']).take(40) {
                let f = Folded::new(piece);
                assert_eq!(
                    r.mentions_in(&f, &r.ac.nfa),
                    r.mentions_in(&f, &dfa),
                    "{piece:?}"
                );
            }
        }
        assert!(found > 0);
    }

    /// The DFA is built after `DFA_AFTER` scanned bytes, and used from then on.
    #[test]
    fn the_dfa_is_built_after_enough_text() {
        let r = us_2016();
        let text = "Donald Trump said. ".repeat(1000);
        let before = r.mentions(&text);
        assert!(r.ac.dfa.get().is_none());
        let rounds = DFA_AFTER / text.len() + 1;
        for _ in 0..rounds {
            assert_eq!(r.mentions(&text), before);
        }
        assert!(r.ac.dfa.get().is_some());
        assert!(std::ptr::eq(r.ac.for_scan(1), r.ac.dfa.get().unwrap()));
        assert_eq!(r.mentions(&text), before);
    }
}
