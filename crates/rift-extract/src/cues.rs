//! The cue lexicon: speech and cognition verbs in their inflected forms, phrasal cues and
//! nominal cues. Built once per [`crate::Extractor`].

use std::collections::HashMap;

/// How a cue word can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// Finite past/present (`said`, `says`, `argued`, `believes`).
    Finite,
    /// Base form (`say`, `believe`): a cue only after plural/pronoun subjects.
    Base,
    /// Participle (`saying`, `adding`): the source is the clause's subject.
    Participle,
}

/// One lexicon entry.
#[derive(Debug, Clone, Copy)]
pub struct CueWord {
    /// Lemma (`say`).
    pub lemma: &'static str,
    /// Form.
    pub form: CueForm,
    /// Verbs that take an addressee before the content (`told reporters that …`).
    pub takes_object: bool,
    /// Verbs that only introduce content with a complement (`believe that`, `think`):
    /// weak cues, used for reported speech but not for bare quote credits.
    pub weak: bool,
    /// Evaluation/intention verbs whose content may be a bare object or infinitive
    /// (`criticized X`, `vowed to …`); never quote credits.
    pub object: bool,
}

/// (lemma, irregular forms "past,3sg,ing[,participle]", takes object, weak).
///
/// The list was drawn up from the cues that PolNeAR's train split annotates (speech, cognition
/// and evaluation verbs), keeping verbs that are cues most of the time they occur.
const LEMMAS: &[(&str, &str, bool, bool)] = &[
    ("say", "said,says,saying", false, false),
    ("tell", "told,tells,telling", true, false),
    ("write", "wrote,writes,writing,written", false, false),
    ("report", "", false, false),
    ("state", "", false, true),
    ("argue", "", false, false),
    ("warn", "", true, false),
    ("insist", "", false, false),
    ("claim", "", false, false),
    ("note", "", false, false),
    ("add", "", false, false),
    ("announce", "", false, false),
    ("suggest", "", false, false),
    ("believe", "", false, true),
    ("think", "thought,thinks,thinking", false, true),
    ("acknowledge", "", false, false),
    ("deny", "denied,denies,denying", false, false),
    ("explain", "", false, false),
    ("stress", "stressed,stresses,stressing", false, false),
    ("emphasize", "", false, false),
    ("emphasise", "", false, false),
    ("urge", "", true, false),
    ("assert", "", false, false),
    ("maintain", "", false, false),
    ("reiterate", "", false, false),
    ("declare", "", false, false),
    ("confirm", "", false, false),
    ("predict", "", false, false),
    ("reveal", "", false, false),
    ("contend", "", false, false),
    ("complain", "", false, false),
    ("admit", "admitted,admits,admitting", false, false),
    ("concede", "", false, false),
    ("allege", "", false, false),
    ("ask", "", true, false),
    ("answer", "", false, false),
    ("reply", "replied,replies,replying", false, false),
    ("respond", "", false, false),
    ("tweet", "", false, false),
    ("retweet", "", false, false),
    ("post", "", false, false),
    ("recall", "", false, false),
    ("conclude", "", false, false),
    ("comment", "", false, false),
    ("remark", "", false, false),
    ("observe", "", false, false),
    ("indicate", "", false, false),
    ("promise", "", true, false),
    ("vow", "", false, false),
    ("pledge", "", false, false),
    ("threaten", "", false, false),
    ("demand", "", false, false),
    ("propose", "", false, false),
    ("caution", "", true, false),
    ("testify", "testified,testifies,testifying", false, false),
    ("boast", "", false, false),
    ("joke", "", false, false),
    ("lament", "", false, false),
    ("counter", "", false, false),
    ("retort", "", false, false),
    ("assure", "", true, false),
    ("inform", "", true, false),
    ("remind", "", true, false),
    ("define", "", false, false),
    ("describe", "", false, false),
    ("hint", "", false, false),
    ("feel", "felt,feels,feeling", false, true),
    ("fear", "", false, true),
    ("worry", "worried,worries,worrying", false, true),
    ("hope", "", false, true),
    ("expect", "", false, true),
    ("know", "knew,knows,knowing,known", false, true),
    ("doubt", "", false, true),
    ("wonder", "", false, true),
    ("guess", "guessed,guesses,guessing", false, true),
    ("figure", "", false, true),
    ("suspect", "", false, true),
    ("assume", "", false, true),
    ("estimate", "", false, false),
    ("charge", "", false, false),
    ("accuse", "", true, false),
    ("mention", "", false, false),
    ("recount", "", false, false),
    ("signal", "signaled,signals,signaling", false, false),
    ("show", "showed,shows,showing,shown", false, true),
    ("find", "found,finds,finding", false, true),
    ("continue", "", false, false),
    ("shout", "", false, false),
    ("chant", "", false, false),
    ("yell", "", false, false),
    ("email", "", false, false),
    ("speculate", "", false, false),
    ("agree", "agreed,agrees,agreeing", false, false),
    ("disagree", "disagreed,disagrees,disagreeing", false, false),
    ("echo", "echoed,echoes,echoing", false, false),
    ("protest", "", false, false),
    ("plead", "pleaded,pleads,pleading", false, false),
    ("read", "read,reads,reading", false, true),
    ("recommend", "", false, false),
    ("forecast", "forecast,forecasts,forecasting", false, false),
    ("project", "", false, true),
    ("disclose", "", false, false),
    ("quip", "quipped,quips,quipping", false, false),
    ("muse", "", false, false),
    ("mock", "", false, false),
    ("scoff", "", false, false),
    ("exclaim", "", false, false),
    ("repeat", "", false, false),
    ("order", "", true, false),
];

/// Evaluation and intention verbs whose content can be a bare object (`criticized Clinton’s
/// email use`, `vowed to repeal it`): reported-speech cues only, never quote credits.
const OBJECT_LEMMAS: &[(&str, &str)] = &[
    ("criticize", ""),
    ("criticise", ""),
    ("praise", ""),
    ("endorse", ""),
    ("oppose", ""),
    ("reject", ""),
    ("defend", ""),
    ("dismiss", "dismissed,dismisses,dismissing"),
    ("denounce", ""),
    ("condemn", ""),
    ("blame", ""),
    ("attack", ""),
    ("blast", ""),
    ("slam", "slammed,slams,slamming"),
    ("tout", ""),
    ("cite", ""),
    ("question", ""),
    ("decry", "decried,decries,decrying"),
    ("bemoan", ""),
    ("applaud", ""),
    ("welcome", ""),
    ("champion", ""),
    ("hail", ""),
    ("assail", ""),
    ("rail", ""),
    ("refuse", ""),
    ("decline", ""),
    ("seek", "sought,seeks,seeking"),
    ("want", ""),
    ("plan", "planned,plans,planning"),
    ("intend", ""),
    ("offer", ""),
    ("vow", ""),
    ("prefer", "preferred,prefers,preferring"),
    ("favor", ""),
    ("favour", ""),
    ("portray", ""),
    ("highlight", ""),
    ("thank", ""),
    ("celebrate", ""),
    ("embrace", ""),
    ("ridicule", ""),
    ("support", ""),
    ("call", ""),
    ("see", "saw,sees,seeing,seen"),
    ("discuss", "discussed,discusses,discussing"),
    ("challenge", ""),
    ("view", ""),
    ("regard", ""),
    ("label", "labeled,labels,labeling"),
    ("brand", ""),
    ("dub", "dubbed,dubs,dubbing"),
    ("back", ""),
    // Mined from PolNeAR train: verbs that head a cue at least a quarter of the times they
    // occur, with the content after them.
    ("issue", ""),
    ("name", ""),
    ("identify", "identified,identifies,identifying"),
    ("deem", ""),
    ("voice", ""),
    ("request", ""),
    ("nominate", ""),
    ("list", ""),
    ("encourage", ""),
    ("remember", ""),
    ("quote", ""),
    ("address", "addressed,addresses,addressing"),
    ("reference", ""),
    ("imply", "implied,implies,implying"),
    ("convince", ""),
    ("approve", ""),
    ("unveil", ""),
    ("invoke", ""),
    ("consider", ""),
    ("liken", ""),
    ("credit", ""),
    ("advocate", ""),
    ("rebuff", ""),
    ("sign", ""),
    ("share", ""),
    ("press", "pressed,presses,pressing"),
];
/// A verb's inflected forms: the irregular list when given (`"said,says,saying"`), else the
/// regular past, third person and `-ing` forms.
fn inflections(lemma: &str, irregular: &str) -> Vec<String> {
    if irregular.is_empty() {
        regular_forms(lemma).to_vec()
    } else {
        irregular.split(',').map(str::to_string).collect()
    }
}

fn regular_forms(lemma: &str) -> [String; 3] {
    let (past, ing) = if let Some(stem) = lemma.strip_suffix('e') {
        (format!("{lemma}d"), format!("{stem}ing"))
    } else if let Some(stem) = lemma.strip_suffix('y') {
        (format!("{stem}ied"), format!("{lemma}ing"))
    } else {
        (format!("{lemma}ed"), format!("{lemma}ing"))
    };
    let s3 = if lemma.ends_with('s') || lemma.ends_with("sh") || lemma.ends_with("ch") {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    [past, s3, ing]
}

/// Multi-word cues that behave like one finite verb: words, lemma, and whether the content may
/// be a bare object (`called for a ban`).
const PHRASAL: &[(&[&str], &str, bool)] = &[
    (&["pointed", "out"], "point out", false),
    (&["points", "out"], "point out", false),
    (&["pointing", "out"], "point out", false),
    (&["made", "it", "clear"], "make clear", false),
    (&["makes", "it", "clear"], "make clear", false),
    (&["making", "it", "clear"], "make clear", false),
    (&["make", "it", "clear"], "make clear", false),
    (&["point", "out"], "point out", false),
    (&["talk", "about"], "talk about", true),
    (&["focused", "on"], "focus on", true),
    (&["made", "clear"], "make clear", false),
    (&["pushed", "for"], "push for", true),
    (&["pushing", "for"], "push for", true),
    (&["pushes", "for"], "push for", true),
    (&["makes", "clear"], "make clear", false),
    (&["went", "on", "to", "say"], "say", false),
    (&["goes", "on", "to", "say"], "say", false),
    (&["made", "the", "case"], "argue", false),
    (&["has", "learned"], "learn", false),
    (&["have", "learned"], "learn", false),
    (&["spelled", "out"], "spell out", false),
    (&["laid", "out"], "lay out", false),
    (&["called", "for"], "call for", true),
    (&["calls", "for"], "call for", true),
    (&["calling", "for"], "call for", true),
    (&["call", "for"], "call for", true),
    (&["called", "on"], "call on", true),
    (&["calls", "on"], "call on", true),
    (&["calling", "on"], "call on", true),
    (&["referring", "to"], "refer to", true),
    (&["referred", "to"], "refer to", true),
    (&["talked", "about"], "talk about", true),
    (&["talking", "about"], "talk about", true),
    (&["talks", "about"], "talk about", true),
    (&["spoke", "about"], "speak about", true),
    (&["speaking", "about"], "speak about", true),
    (&["asked", "about"], "ask about", true),
    (&["pointed", "to"], "point to", true),
    (&["points", "to"], "point to", true),
    (&["took", "aim", "at"], "take aim at", true),
    (&["lashed", "out", "at"], "lash out at", true),
    (&["weighed", "in", "on"], "weigh in on", true),
    (&["warned", "of"], "warn of", true),
    (&["warned", "against"], "warn against", true),
    (&["expressed"], "express", true),
    (&["expressing"], "express", true),
];

/// Phrasal cues given by verb lemma and the words after the verb, expanded to every inflection
/// (`voted for`, `votes for`, `voting for`, `vote for`): lemma, irregular forms as in [`LEMMAS`],
/// the words after the verb, and whether the content may be a bare object. Mined from the
/// multi-word cues of PolNeAR train that the single-word lexicon misses.
const PHRASAL_LEMMAS: &[(&str, &str, &[&str], bool)] = &[
    ("vote", "", &["for"], true),
    ("vote", "", &["against"], true),
    ("respond", "", &["to"], true),
    ("agree", "agreed,agrees,agreeing", &["with"], true),
    ("comment", "", &["on"], true),
    ("apologize", "", &["for"], true),
    ("raise", "", &["questions", "about"], true),
    ("raise", "", &["concerns", "about"], true),
    ("fire", "", &["back"], false),
    ("distance", "", &["himself", "from"], true),
    ("distance", "", &["herself", "from"], true),
    ("distance", "", &["themselves", "from"], true),
    ("go", "went,goes,going,gone", &["after"], true),
    ("rule", "", &["out"], true),
    ("shrug", "shrugged,shrugs,shrugging", &["off"], true),
    ("boast", "", &["of"], true),
    ("boast", "", &["about"], true),
    ("joke", "", &["about"], true),
    ("write", "wrote,writes,writing,written", &["about"], true),
    ("open", "", &["up", "about"], true),
    ("touch", "touched,touches,touching", &["on"], true),
    ("spar", "sparred,spars,sparring", &["over"], true),
    ("believe", "", &["in"], true),
    ("count", "", &["on"], true),
    ("focus", "focused,focuses,focusing", &["on"], true),
    ("refer", "referred,refers,referring", &["to"], true),
    (
        "speak",
        "spoke,speaks,speaking,spoken",
        &["out", "in", "favor", "of"],
        true,
    ),
    (
        "speak",
        "spoke,speaks,speaking,spoken",
        &["out", "against"],
        true,
    ),
    (
        "speak",
        "spoke,speaks,speaking,spoken",
        &["out", "about"],
        true,
    ),
    ("take", "took,takes,taking,taken", &["aim", "at"], true),
    ("take", "took,takes,taking,taken", &["issue", "with"], true),
    ("point", "", &["to"], true),
    ("warn", "", &["of"], true),
    ("warn", "", &["against"], true),
    ("complain", "", &["about"], true),
    ("argue", "", &["for"], true),
    ("argue", "", &["against"], true),
    ("advocate", "", &["for"], true),
    ("push", "pushed,pushes,pushing", &["back", "on"], true),
    ("lash", "lashed,lashes,lashing", &["out", "at"], true),
    ("weigh", "", &["in", "on"], true),
    ("hit", "hit,hits,hitting", &["back", "at"], true),
    ("sign", "", &["on", "to"], true),
    ("reach", "reached,reaches,reaching", &["out", "to"], false),
];

/// Cue lexicon: word (lower-case) → entry.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Word (lower-case) → its entry, class and multi-word cues: one probe a token.
    table: crate::words::WordTable<Entry>,
    /// (first byte, length) of every lexicon word: most words are rejected before any hashing.
    filter: crate::words::FirstByteLen,
}

/// What the lexicon knows of one (lower-case) word.
#[derive(Debug, Clone)]
struct Entry {
    /// As a cue word.
    word: Option<CueWord>,
    /// Multi-word cues that start with it, longest first.
    phrasal: Vec<Phrasal>,
    /// Its [`Lexicon::class`], for the tagger's features.
    class: u8,
}

/// A multi-word cue that behaves like one verb (`called for`, `voted against`).
#[derive(Debug, Clone)]
pub struct Phrasal {
    /// The words after the first one, lower-case.
    pub rest: Vec<&'static str>,
    /// The verb's lemma with its particle (`call for`).
    pub lemma: &'static str,
    /// Whether the content may be a bare object (`called for a ban`).
    pub object: bool,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

impl Lexicon {
    /// The built-in English lexicon.
    pub fn new() -> Self {
        let mut words: HashMap<String, CueWord, crate::words::FxBuild> = HashMap::default();
        for &(lemma, irregular, takes_object, weak) in LEMMAS {
            let forms = inflections(lemma, irregular);
            let entry = |form| CueWord {
                lemma,
                form,
                takes_object,
                weak,
                object: false,
            };
            words.insert(lemma.to_string(), entry(CueForm::Base));
            for f in forms {
                let form = if f.ends_with("ing") {
                    CueForm::Participle
                } else {
                    CueForm::Finite
                };
                words.insert(f, entry(form));
            }
        }
        for &(lemma, irregular) in OBJECT_LEMMAS {
            let forms = inflections(lemma, irregular);
            let entry = |form| CueWord {
                lemma,
                form,
                takes_object: false,
                weak: true,
                object: true,
            };
            for (f, form) in std::iter::once((lemma.to_string(), CueForm::Base)).chain(
                forms.into_iter().map(|f| {
                    let form = if f.ends_with("ing") {
                        CueForm::Participle
                    } else {
                        CueForm::Finite
                    };
                    (f, form)
                }),
            ) {
                words.entry(f).or_insert_with(|| entry(form));
            }
        }
        let mut phrasal: HashMap<String, Vec<Phrasal>, crate::words::FxBuild> = HashMap::default();
        for &(parts, lemma, object) in PHRASAL {
            phrasal
                .entry(parts[0].to_string())
                .or_default()
                .push(Phrasal {
                    rest: parts[1..].to_vec(),
                    lemma,
                    object,
                });
        }
        for &(verb, irregular, rest, object) in PHRASAL_LEMMAS {
            let forms = inflections(verb, irregular);
            // The lemma names the cue: `vote for`. Leaked once per table row, at start-up.
            let lemma: &'static str =
                Box::leak(format!("{verb} {}", rest.join(" ")).into_boxed_str());
            for f in std::iter::once(verb.to_string()).chain(forms) {
                let list = phrasal.entry(f).or_default();
                if !list.iter().any(|p| p.rest == rest) {
                    list.push(Phrasal {
                        rest: rest.to_vec(),
                        lemma,
                        object,
                    });
                }
            }
        }
        for list in phrasal.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        let mut class: HashMap<String, u8, crate::words::FxBuild> = HashMap::default();
        for (w, c) in &words {
            let k = if c.object {
                3
            } else if c.weak {
                2
            } else {
                1
            };
            class.insert(w.clone(), k);
        }
        for w in phrasal.keys() {
            class.insert(w.clone(), 4);
        }
        // `stated`, `stating` and `wondered` are speech four times in five or more in PolNeAR
        // train and credit quotes (`…,” she stated.`), while `state`, `states` (nearly always
        // nouns) and `wonder`, `wonders` stay weak. Their class, a tagger feature, stays what
        // the built-in model was trained with.
        for f in ["stated", "stating", "wondered"] {
            if let Some(w) = words.get_mut(f) {
                w.weak = false;
            }
        }
        let mut filter = crate::words::FirstByteLen::new();
        for w in class.keys() {
            filter.insert(w);
        }
        let table = crate::words::WordTable::new(class.into_iter().map(|(w, class)| {
            let entry = Entry {
                word: words.get(&w).copied(),
                phrasal: phrasal.remove(&w).unwrap_or_default(),
                class,
            };
            (w, entry)
        }));
        Lexicon { table, filter }
    }

    /// False when no lexicon word can be `word` (any case): a (first byte, length) test.
    #[inline]
    fn maybe(&self, word: &str) -> bool {
        self.filter.may_contain_ignore_case(word)
    }

    /// How the lexicon knows a word: 0 not at all, 1 a speech cue, 2 a weak (cognition) cue,
    /// 3 an object (evaluation) cue, 4 the first word of a multi-word cue. A tagger feature, so
    /// it keeps the class the built-in model was trained with: `stated`, `stating` and
    /// `wondered` are 2 though they credit quotes like speech cues.
    pub fn class(&self, word: &str) -> u8 {
        if !self.maybe(word) {
            return 0;
        }
        self.table.get_lower(word).map_or(0, |e| e.class)
    }

    /// Multi-word cues whose first word is `word` (case-insensitive), longest first.
    pub fn phrasal(&self, word: &str) -> &[Phrasal] {
        self.lookup(word).0
    }

    /// The multi-word cues starting with `word` and the word as a cue, in one probe
    /// (case-insensitive); [`Lexicon::phrasal`] and [`Lexicon::get`] are its two halves.
    pub fn lookup(&self, word: &str) -> (&[Phrasal], Option<CueWord>) {
        if !self.maybe(word) {
            return (&[], None);
        }
        self.table
            .get_lower(word)
            .map_or((&[], None), |e| (e.phrasal.as_slice(), e.word))
    }

    /// Looks up a word (case-insensitive).
    pub fn get(&self, word: &str) -> Option<CueWord> {
        self.lookup(word).1
    }
}
