//! Closed word lists used to find and type source phrases.

/// Words that end a noun phrase when walking left from a cue (or right from its start).
pub static BREAK: &[&str] = &[
    "and",
    "but",
    "or",
    "nor",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "while",
    "after",
    "before",
    "because",
    "as",
    "if",
    "since",
    "so",
    "then",
    "where",
    "though",
    "although",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "not",
    "in",
    "on",
    "at",
    "for",
    "with",
    "to",
    "from",
    "by",
    "about",
    "over",
    "under",
    "against",
    "between",
    "into",
    "during",
    "than",
    "also",
    "even",
    "just",
    "only",
    "still",
    "yet",
    "once",
    "here",
    "there",
    "it",
    "this",
    "these",
    "those",
    "what",
    "how",
    "why",
    "whether",
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "until",
    "unless",
    "without",
    "within",
    "through",
    "across",
    "toward",
    "towards",
    "upon",
    "per",
    "via",
    "like",
    "unlike",
    "despite",
    "amid",
    "among",
    "around",
    "behind",
    "beyond",
    "near",
    "out",
    "up",
    "down",
    "off",
    "away",
    "back",
    "now",
    "recently",
    "later",
    "earlier",
    "previously",
    "repeatedly",
    "reportedly",
    "publicly",
    "privately",
    "again",
    "further",
    "first",
    "finally",
];

/// Adverbs and time words allowed between a subject and its cue (`Smith also said`).
pub static SKIPPABLE: &[&str] = &[
    "also",
    "later",
    "earlier",
    "previously",
    "recently",
    "again",
    "further",
    "once",
    "then",
    "repeatedly",
    "reportedly",
    "publicly",
    "privately",
    "separately",
    "similarly",
    "likewise",
    "yesterday",
    "today",
    "tonight",
    "finally",
    "first",
    "often",
    "frequently",
    "has",
    "have",
    "had",
    "would",
    "will",
    "had",
    "never",
    "always",
    "herself",
    "himself",
    "themselves",
    "itself",
    "flatly",
    "openly",
    "bluntly",
    "simply",
    "quickly",
    "immediately",
    "firmly",
];

/// Subject pronouns and their type.
pub fn pronoun(word: &str) -> Option<rift_core::SourceType> {
    use rift_core::SourceType;
    match word.to_ascii_lowercase().as_str() {
        "he" | "she" | "i" => Some(SourceType::Person),
        "they" | "we" => Some(SourceType::Group),
        _ => None,
    }
}

/// Head nouns of outlets (`the website`, `Arman daily`, `the agency`).
pub static OUTLET_HEADS: &[&str] = &[
    "website",
    "site",
    "daily",
    "newspaper",
    "paper",
    "agency",
    "outlet",
    "publication",
    "magazine",
    "weekly",
    "journal",
    "tv",
    "television",
    "channel",
    "broadcaster",
    "radio",
    "network",
    "blog",
    "news",
    "times",
    "post",
    "tribune",
    "herald",
    "guardian",
    "telegraph",
    "express",
    "gazette",
    "reuters",
    "ap",
    "afp",
    "bloomberg",
    "cnn",
    "bbc",
    "npr",
    "politico",
    "breitbart",
    "axios",
    "huffpost",
    "msnbc",
    "nbc",
    "abc",
    "cbs",
    "fox",
    "irna",
    "isna",
    "tasnim",
    "fars",
    "mehr",
    "kayhan",
    "wire",
    "media",
    "press",
];

/// Head nouns of groups and anonymous sources.
pub static GROUP_HEADS: &[&str] = &[
    "officials",
    "official",
    "sources",
    "source",
    "elements",
    "analysts",
    "analyst",
    "experts",
    "expert",
    "people",
    "critics",
    "supporters",
    "aides",
    "aide",
    "lawmakers",
    "members",
    "leaders",
    "observers",
    "diplomats",
    "authorities",
    "residents",
    "voters",
    "activists",
    "democrats",
    "republicans",
    "others",
    "insiders",
    "advisers",
    "advisors",
    "staff",
    "government",
    "administration",
    "campaign",
    "ministry",
    "party",
    "committee",
    "spokespeople",
    "poll",
    "polls",
    "survey",
    "study",
    "report",
    "statement",
    "document",
    "documents",
    "data",
    "figures",
    "hardliners",
    "reformists",
    "conservatives",
    "liberals",
    "moderates",
    "officers",
    "commanders",
    "clerics",
    "media",
    "opponents",
    "allies",
    "friends",
    "colleagues",
    "insider",
    "respondents",
    "americans",
    "iranians",
    "organizers",
    "prosecutors",
    "investigators",
    "police",
    "scientists",
    "researchers",
    "economists",
    "strategists",
    "pollsters",
    "operatives",
    "groups",
    "group",
    "percent",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "three-quarters",
    "majority",
    "plurality",
    "most",
    "many",
    "some",
    "fewer",
    "all",
    "both",
    "team",
    "campaigns",
    "organization",
    "organizations",
    "union",
    "unions",
    "students",
    "families",
    "workers",
    "delegates",
    "donors",
    "fans",
    "protesters",
    "protestors",
    "crowd",
    "audience",
    "participants",
    "caucusgoers",
    "independents",
    "evangelicals",
    "millennials",
    "women",
    "men",
    "readers",
    "viewers",
    "citizens",
    "progressives",
    "court",
    "department",
    "agency",
    "office",
    "house",
    "senate",
    "congress",
    "commission",
    "council",
    "foundation",
    "institute",
    "center",
    "network",
    "company",
    "firm",
    "fund",
    "pac",
    "super",
    "panel",
    "board",
    "coalition",
    "federation",
    "association",
    "caucus",
    "investigation",
    "analysis",
    "review",
    "research",
    "studies",
    "findings",
    "memo",
    "letter",
    "emails",
    "records",
    "filings",
    "polling",
    "numbers",
    "results",
    "exit",
    "estimates",
    "projections",
    "forecast",
    "model",
    "ad",
    "ads",
    "advertisement",
    "video",
    "tweet",
    "tweets",
    "post",
    "message",
    "press",
    "release",
    "statements",
    "website",
    "site",
    "book",
    "article",
    "story",
    "editorial",
    "one",
    "someone",
    "anyone",
    "everyone",
    "nobody",
    "few",
    "several",
];

/// Role nouns that name a person (`the spokesman`, `the former minister`).
pub static ROLE_HEADS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "secretary",
    "ambassador",
    "senator",
    "governor",
    "representative",
    "congressman",
    "congresswoman",
    "candidate",
    "nominee",
    "commander",
    "general",
    "ayatollah",
    "cleric",
    "official",
    "adviser",
    "advisor",
    "aide",
    "manager",
    "strategist",
    "chief",
    "head",
    "mayor",
    "judge",
    "attorney",
    "lawyer",
    "professor",
    "analyst",
    "expert",
    "author",
    "writer",
    "editor",
    "columnist",
    "correspondent",
    "reporter",
    "host",
    "anchor",
    "lawmaker",
    "deputy",
    "mp",
    "speaker",
    "founder",
    "ceo",
    "executive",
    "economist",
    "historian",
    "diplomat",
    "envoy",
    "negotiator",
    "prosecutor",
    "sheriff",
    "surrogate",
    "pollster",
    "billionaire",
    "businessman",
    "businesswoman",
    "activist",
    "mother",
    "father",
    "wife",
    "husband",
    "daughter",
    "son",
    "man",
    "woman",
    "voter",
    "supporter",
    "critic",
    "rep",
    "sen",
    "consultant",
    "operative",
    "organizer",
    "donor",
    "member",
    "resident",
    "student",
    "worker",
    "veteran",
    "owner",
    "officer",
    "agent",
    "staffer",
    "lobbyist",
    "pastor",
    "priest",
    "rabbi",
    "bishop",
    "pope",
    "actor",
    "actress",
    "singer",
    "star",
    "comedian",
    "celebrity",
    "journalist",
    "blogger",
    "commentator",
    "pundit",
    "contributor",
    "scholar",
    "researcher",
    "scientist",
    "doctor",
    "physician",
    "nurse",
    "teacher",
    "lieutenant",
    "colonel",
    "captain",
    "sergeant",
    "justice",
    "clerk",
    "frontrunner",
    "front-runner",
    "contender",
    "challenger",
    "incumbent",
    "opponent",
    "rival",
    "hopeful",
    "mogul",
    "tycoon",
    "magnate",
    "heir",
    "son-in-law",
    "friend",
    "neighbor",
    "attendee",
    "caucusgoer",
    "delegate",
    "fan",
    "protester",
    "mom",
    "dad",
    "grandmother",
    "grandfather",
    "sister",
    "brother",
    "person",
    "guy",
    "girl",
    "boy",
    "child",
    "kid",
    "lady",
    "gentleman",
    "republican",
    "democrat",
    "independent",
    "conservative",
    "liberal",
    "progressive",
    "evangelical",
];

/// Capitalised words that are titles before a name, not part of it (`President Donald Trump`).
pub static TITLES: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Foreign",
    "Supreme",
    "Leader",
    "Ayatollah",
    "Sen",
    "Sen.",
    "Senator",
    "Rep",
    "Rep.",
    "Representative",
    "Gov",
    "Gov.",
    "Governor",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Gen",
    "Gen.",
    "General",
    "Secretary",
    "Speaker",
    "Judge",
    "Justice",
    "Mayor",
    "Chairman",
    "Director",
    "Ambassador",
    "Commander",
    "Former",
    "Sheikh",
    "Hojatoleslam",
    "Cardinal",
    "Pope",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Lord",
    "Sir",
    "Professor",
    "Prof",
    "Prof.",
    "Democratic",
    "Republican",
    "Candidate",
    "Nominee",
    "Chief",
    "Attorney",
    "Deputy",
    "Lt",
    "Lt.",
    "Col",
    "Col.",
    "Capt",
    "Capt.",
    "Admiral",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Strategist",
    "Pollster",
    "Sgt",
    "Sgt.",
    "Rev",
    "Rev.",
    "Chairwoman",
    "Treasurer",
    "Congressman",
    "Congresswoman",
    "Adm",
];

/// Capitalised words that mark a run as an organisation or place, not a person.
pub static ORG_WORDS: &[&str] = &[
    "Republic",
    "Council",
    "Ministry",
    "Party",
    "Guards",
    "Guard",
    "Organization",
    "Organisation",
    "University",
    "News",
    "Agency",
    "Times",
    "Post",
    "Journal",
    "Daily",
    "Website",
    "Committee",
    "Department",
    "House",
    "Senate",
    "Congress",
    "Court",
    "Union",
    "Forces",
    "Army",
    "Navy",
    "Bank",
    "Fund",
    "Company",
    "Inc",
    "Corp",
    "Group",
    "Institute",
    "Foundation",
    "Association",
    "Center",
    "Centre",
    "Office",
    "Network",
    "Press",
    "Media",
    "Television",
    "TV",
    "Radio",
    "Express",
    "Diplomacy",
    "Assembly",
    "Parliament",
    "Majlis",
    "Corps",
    "Revolution",
    "Revolutionary",
    "Islamic",
    "United",
    "States",
    "Nations",
    "Union",
    "Street",
    "Tribune",
    "Herald",
    "Review",
    "Magazine",
    "Show",
    "Channel",
    "Campaign",
    "Administration",
    "Democrats",
    "Republicans",
    "Club",
    "Board",
    "Commission",
    "Authority",
    "Service",
    "Services",
    "School",
    "College",
    "Hospital",
    "Church",
    "Mosque",
    "Embassy",
    "Fox",
    "CNN",
    "Breitbart",
    "Reuters",
    "Poll",
    "Research",
    "Project",
    "Movement",
    "Front",
    "Coalition",
    "Alliance",
    "Federation",
    "Conference",
    "Summit",
    "Museum",
    "Airport",
    "Station",
    "Market",
    "Exchange",
    "Reserve",
    "Federal",
    "National",
    "International",
    "Global",
    "World",
    "American",
    "Iranian",
    "Europe",
    "European",
    "Basij",
    "Mojahedin",
    "Strategic",
    "Affairs",
    "Security",
    "Intelligence",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words that introduce a title or name, so the quote after them is not a statement
/// (`titled “To give more chance to diplomacy”`).
pub static TITLE_INTRO: &[&str] = &[
    "titled",
    "entitled",
    "headlined",
    "called",
    "dubbed",
    "named",
    "so-called",
    "slogan",
    "slogans",
    "chanting",
    "chanted",
    "hashtag",
    "label",
    "labeled",
    "labelled",
    "term",
    "phrase",
    "word",
    "words",
    "nicknamed",
    "branded",
    "book",
    "film",
    "song",
    "motto",
    "banner",
    "caption",
];

/// Nominal cues: `X’s insistence that …`, `a claim that …`.
pub static NOMINAL: &[&str] = &[
    "concern",
    "concerns",
    "plan",
    "plans",
    "proposal",
    "decision",
    "call",
    "calls",
    "criticism",
    "hope",
    "fear",
    "fears",
    "threat",
    "demand",
    "desire",
    "intention",
    "refusal",
    "wish",
    "insistence",
    "claim",
    "claims",
    "assertion",
    "argument",
    "warning",
    "statement",
    "belief",
    "view",
    "remark",
    "remarks",
    "comment",
    "comments",
    "suggestion",
    "promise",
    "pledge",
    "vow",
    "contention",
    "allegation",
    "allegations",
    "admission",
    "acknowledgment",
    "acknowledgement",
    "assurance",
    "assurances",
    "denial",
    "declaration",
    "announcement",
    "prediction",
    "position",
];

/// Words that cut a source phrase (`Arman daily affiliated to Rouhani faction` → `Arman daily`).
pub static NP_CUTTERS: &[&str] = &[
    "affiliated",
    "associated",
    "close",
    "linked",
    "tied",
    "connected",
    "which",
    "who",
    "whose",
    "that",
    "known",
    "run",
    "owned",
    "backed",
    "based",
    "loyal",
    "allied",
    "aligned",
    "currently",
    "considered",
    "seen",
    "regarded",
    "said",
    "told",
];

/// True for `list` containing `w` exactly. The lists of this module are looked up in one
/// [`WordTable`]; other lists are scanned (length and first byte checked before the bytes).
pub fn listed(list: &[&str], w: &str) -> bool {
    if let Some(i) = list_index(list) {
        let ix = index();
        // (first byte, length) pre-filter: most words are in no list.
        if !ix.filter.may_contain(w) {
            return false;
        }
        return ix.table.get(w).is_some_and(|&b| b & (1 << i) != 0);
    }
    scan(list, w)
}

/// The position of `list` in [`LISTS`] (compared by address).
#[inline]
fn list_index(list: &[&str]) -> Option<usize> {
    LISTS
        .iter()
        .position(|l| std::ptr::eq(l.as_ptr(), list.as_ptr()))
}

/// `list` contains `w`, by a scan (length and first byte checked before the bytes).
fn scan(list: &[&str], w: &str) -> bool {
    let b = w.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    list.iter()
        .any(|x| x.len() == b.len() && x.as_bytes()[0] == first && x.as_bytes() == b)
}

/// The closed lists of this module, indexed once into one table (word → bit per list) so the
/// hot loop's look-ups are one probe.
static LISTS: [&[&str]; 10] = [
    BREAK,
    SKIPPABLE,
    OUTLET_HEADS,
    GROUP_HEADS,
    ROLE_HEADS,
    TITLES,
    ORG_WORDS,
    TITLE_INTRO,
    NOMINAL,
    NP_CUTTERS,
];

pub use rift_core::hash::FxBuild;

struct Index {
    /// word → one bit per list of [`LISTS`].
    table: WordTable<u16>,
    /// (first byte, length) of the words of all lists.
    filter: FirstByteLen,
}

/// A (first byte, length) pre-filter over a set of words: most words outside the set are
/// rejected with one bit test, before any hashing. The word lists here and the cue lexicon
/// ([`crate::cues::Lexicon`]) put one in front of their tables.
#[derive(Debug, Clone)]
pub(crate) struct FirstByteLen {
    /// First byte → one bit per word length under 32 present in the set.
    bits: Box<[u32; 256]>,
    /// Whether the set holds a word of 32 bytes or more.
    long: bool,
}

impl FirstByteLen {
    pub(crate) fn new() -> Self {
        FirstByteLen {
            bits: Box::new([0; 256]),
            long: false,
        }
    }

    pub(crate) fn insert(&mut self, w: &str) {
        let b = w.as_bytes();
        match b.first() {
            Some(&f) if b.len() < 32 => self.bits[f as usize] |= 1 << b.len(),
            Some(_) => self.long = true,
            None => {}
        }
    }

    /// False only when no word of the set equals `w` byte for byte.
    #[inline]
    pub(crate) fn may_contain(&self, w: &str) -> bool {
        let b = w.as_bytes();
        match b.first() {
            None => false,
            Some(_) if b.len() >= 32 => self.long,
            Some(&f) => self.bits[f as usize] & (1 << b.len()) != 0,
        }
    }

    /// [`Self::may_contain`] for a set of lower-case words and `w` in any case: an ASCII first
    /// byte is lower-cased; a word with a non-ASCII first byte always passes (lower-casing it
    /// may change its bytes).
    #[inline]
    pub(crate) fn may_contain_ignore_case(&self, w: &str) -> bool {
        let b = w.as_bytes();
        match b.first() {
            None => false,
            Some(f) if !f.is_ascii() => true,
            Some(_) if b.len() >= 32 => self.long,
            Some(&f) => self.bits[f.to_ascii_lowercase() as usize] & (1 << b.len()) != 0,
        }
    }
}

/// A read-only hash table from short words to values, probed without hashing the bytes one
/// by one: a word of 1 to 16 bytes is held as two `u64` (its first and last 8 bytes, or 4, or
/// 3 single bytes, which together cover every byte) and its length, so a probe is a few loads,
/// one multiply and one comparison of the two words. [`WordTable::get_lower`] lower-cases the
/// ASCII letters of the probe word on the fly (8 bytes at a time). Keys longer than 16 bytes
/// or not ASCII are kept aside and scanned.
#[derive(Debug, Clone)]
pub(crate) struct WordTable<V> {
    /// Open addressing, linear probing; `val == u32::MAX` marks an empty slot.
    slots: Box<[Slot]>,
    shift: u32,
    vals: Vec<V>,
    /// Keys of 17 bytes or more, or not ASCII, with their value index.
    other: Vec<(Box<str>, u32)>,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    lo: u64,
    hi: u64,
    len: u32,
    val: u32,
}

const EMPTY: Slot = Slot {
    lo: 0,
    hi: 0,
    len: 0,
    val: u32::MAX,
};

const HIGH: u64 = 0x8080_8080_8080_8080;

/// The ASCII capital letters of the eight bytes of `v` in lower case; other bytes unchanged.
#[inline]
fn lower8(v: u64) -> u64 {
    let x = v & !HIGH;
    // the high bit of each byte: set when its low 7 bits are >= b'A', and when >= b'Z' + 1
    let ge_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let gt_z = x.wrapping_add(0x2525_2525_2525_2525);
    let upper = ge_a & !gt_z & !v & HIGH;
    v | (upper >> 2)
}

/// `b` (1 to 16 bytes) as two words that together hold every byte.
#[inline]
fn parts(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    if n >= 8 {
        let lo = u64::from_le_bytes(b[..8].try_into().unwrap_or([0; 8]));
        let hi = u64::from_le_bytes(b[n - 8..].try_into().unwrap_or([0; 8]));
        (lo, hi)
    } else if n >= 4 {
        let lo = u32::from_le_bytes(b[..4].try_into().unwrap_or([0; 4]));
        let hi = u32::from_le_bytes(b[n - 4..].try_into().unwrap_or([0; 4]));
        (u64::from(lo), u64::from(hi))
    } else {
        let v = u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16;
        (v, 0)
    }
}

/// A short ASCII word, lower-cased, as a [`WordTable`] probes it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key {
    lo: u64,
    hi: u64,
    len: u32,
}

/// `w` with its ASCII capitals lower-cased as a table key, when `w` is ASCII and of 1 to 16
/// bytes (`None` otherwise: the caller takes a slower path).
#[inline]
pub(crate) fn lower_key(w: &str) -> Option<Key> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 16 {
        return None;
    }
    let (lo, hi) = parts(b);
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    Some(Key {
        lo: lower8(lo),
        hi: lower8(hi),
        len: b.len() as u32,
    })
}

impl<V> WordTable<V> {
    /// A table of `entries` (a later duplicate key replaces the earlier value).
    pub(crate) fn new(entries: impl IntoIterator<Item = (String, V)>) -> Self {
        let entries: Vec<(String, V)> = entries.into_iter().collect();
        let cap = (entries.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![EMPTY; cap].into_boxed_slice(),
            shift: 64 - cap.trailing_zeros(),
            vals: Vec::with_capacity(entries.len()),
            other: Vec::new(),
        };
        for (k, v) in entries {
            let b = k.as_bytes();
            if b.is_empty() || b.len() > 16 || !k.is_ascii() {
                if let Some(e) = t.other.iter_mut().find(|(o, _)| **o == *k) {
                    t.vals[e.1 as usize] = v;
                } else {
                    t.other.push((k.into_boxed_str(), t.vals.len() as u32));
                    t.vals.push(v);
                }
                continue;
            }
            let (lo, hi) = parts(b);
            let len = b.len() as u32;
            let mut i = t.slot(lo, hi, len);
            loop {
                let s = &mut t.slots[i];
                if s.val == u32::MAX {
                    *s = Slot {
                        lo,
                        hi,
                        len,
                        val: t.vals.len() as u32,
                    };
                    t.vals.push(v);
                    break;
                }
                if s.lo == lo && s.hi == hi && s.len == len {
                    t.vals[s.val as usize] = v;
                    break;
                }
                i = (i + 1) & (t.slots.len() - 1);
            }
        }
        t
    }

    #[inline]
    fn slot(&self, lo: u64, hi: u64, len: u32) -> usize {
        let h = (lo ^ hi.rotate_left(23) ^ u64::from(len))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .wrapping_add(lo >> 29);
        let h = h.wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        (h >> self.shift) as usize
    }

    #[inline]
    fn probe(&self, lo: u64, hi: u64, len: u32) -> Option<&V> {
        let mut i = self.slot(lo, hi, len);
        loop {
            let s = &self.slots[i];
            if s.val == u32::MAX {
                return None;
            }
            if s.lo == lo && s.hi == hi && s.len == len {
                return self.vals.get(s.val as usize);
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    fn get_other(&self, w: &str) -> Option<&V> {
        self.other
            .iter()
            .find(|(k, _)| **k == *w)
            .and_then(|&(_, v)| self.vals.get(v as usize))
    }

    /// The value of key `w`, byte for byte.
    #[inline]
    pub(crate) fn get(&self, w: &str) -> Option<&V> {
        let b = w.as_bytes();
        if b.is_empty() || b.len() > 16 {
            return self.get_other(w);
        }
        let (lo, hi) = parts(b);
        if (lo | hi) & HIGH != 0 {
            return self.get_other(w);
        }
        self.probe(lo, hi, b.len() as u32)
    }

    /// The value of a [`lower_key`].
    #[inline]
    pub(crate) fn get_key(&self, k: Key) -> Option<&V> {
        self.probe(k.lo, k.hi, k.len)
    }

    /// The value of key `w` in lower case: ASCII words are lower-cased on the fly, others by
    /// [`str::to_lowercase`].
    #[inline]
    pub(crate) fn get_lower(&self, w: &str) -> Option<&V> {
        match lower_key(w) {
            Some(k) => self.get_key(k),
            None if w.is_ascii() => self.get(&w.to_ascii_lowercase()),
            None => self.get(&w.to_lowercase()),
        }
    }
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: std::collections::HashMap<&'static str, u16> =
            std::collections::HashMap::default();
        let mut filter = FirstByteLen::new();
        for (i, l) in LISTS.iter().enumerate() {
            for w in l.iter() {
                *map.entry(*w).or_insert(0u16) |= 1 << i;
                filter.insert(w);
            }
        }
        let table = WordTable::new(map.into_iter().map(|(w, b)| (w.to_string(), b)));
        Index { table, filter }
    })
}

/// True for `list` containing `w` case-insensitively (lists are lower-case): ASCII capitals
/// are lower-cased; a word that is not ASCII is compared as it is, or lower-cased by
/// [`str::to_lowercase`] when it has an ASCII capital.
pub fn has(list: &[&str], w: &str) -> bool {
    if let Some(i) = list_index(list) {
        let ix = index();
        // the common case: a short ASCII word, lower-cased inside the probe
        if let Some(k) = lower_key(w) {
            return ix.filter.may_contain_ignore_case(w)
                && ix.table.get_key(k).is_some_and(|&b| b & (1 << i) != 0);
        }
    }
    if w.bytes().all(|b| !b.is_ascii_uppercase()) {
        return listed(list, w);
    }
    let b = w.as_bytes();
    if b.len() <= 32 && w.is_ascii() {
        let mut buf = [0u8; 32];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII lower-casing keeps UTF-8 valid.
        return std::str::from_utf8(&buf[..b.len()]).is_ok_and(|l| listed(list, l));
    }
    listed(list, &w.to_lowercase())
}

/// A capitalised subordinating conjunction that can open a sentence (`While`, `Although`, `If` …;
/// not `As`, which also opens a credit: `As X reported, …`).
pub fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "While"
            | "Although"
            | "Though"
            | "When"
            | "If"
            | "Because"
            | "Since"
            | "After"
            | "Before"
            | "Whereas"
            | "Once"
            | "Until"
    )
}

/// A finite auxiliary or modal (`is`, `has`, `will`, `could`, `did` …): what follows a subject.
pub fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
    )
}

/// True when token `k` is the full stop of a title abbreviation (`Mr.`, `Sen.`, `Gov.`), which
/// the tokenizer splits off: it belongs to the name, it does not end a sentence.
pub fn abbrev_dot(text: &str, toks: &[rift_text::Token], k: usize) -> bool {
    k > 0
        && toks[k].text(text) == "."
        && toks[k - 1].end == toks[k].start
        && matches!(
            toks[k - 1].text(text),
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Gen"
                | "Lt"
                | "Col"
                | "Capt"
                | "Sgt"
                | "Rev"
                | "St"
                | "Jr"
                | "Sr"
                | "Prof"
                | "Adm"
                | "Maj"
                | "Atty"
                | "Cmdr"
                | "Pres"
        )
}

/// True when token `k` is a full stop inside a phrase: a title's ([`abbrev_dot`]) or that of a
/// party-and-state tag set off by a comma (`Sen. Marco Rubio, R-Fla., said`), which ends no
/// clause.
pub fn inner_dot(text: &str, toks: &[rift_text::Token], k: usize) -> bool {
    abbrev_dot(text, toks, k)
        || (k > 1
            && toks[k].text(text) == "."
            && toks[k - 1].end == toks[k].start
            && party_state(toks[k - 1].text(text))
            && toks[k - 2].text(text) == ",")
}

/// A party-and-state tag before its full stop (`R-Ky`, `D-Calif`, `R-Alaska`, `D-N.Y` of
/// `R-Ky.`): `R`, `D` or `I`, a hyphen, a capital and up to five more letters or dots.
fn party_state(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && b.len() <= 8
        && matches!(b[0], b'R' | b'D' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && b[3..].iter().all(|c| c.is_ascii_alphabetic() || *c == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of every list, in several cases and with letters changed, is found by
    /// [`has`] and [`listed`] exactly when a plain scan finds it.
    #[test]
    fn table_lookups_match_a_scan() {
        let mut probes: Vec<String> = Vec::new();
        for l in LISTS {
            for w in l.iter() {
                probes.push(w.to_string());
                probes.push(w.to_uppercase());
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    probes.push(f.to_uppercase().chain(c).collect());
                }
                probes.push(format!("{w}s"));
                probes.push(w[..w.len() - 1].to_string());
                probes.push(format!("{w}é"));
            }
        }
        probes.extend(
            ["", "É", "Ölaf", "x", "THE", "and", "AND", "aNd", "\u{212a}"].map(String::from),
        );
        probes.push("a".repeat(40));
        for l in LISTS {
            for p in &probes {
                assert_eq!(listed(l, p), l.contains(&p.as_str()), "listed {p:?}");
                let lower = if p.bytes().all(|b| !b.is_ascii_uppercase()) {
                    p.clone()
                } else {
                    p.to_lowercase()
                };
                assert_eq!(has(l, p), l.contains(&lower.as_str()), "has {p:?}");
            }
        }
    }
}
