//! The [`Extractor`]: one streaming pass over an article's analysed paragraphs that finds direct
//! quotes (with their attribution before or after, continuations, and title/scare-quote traps)
//! and reported speech (`X said that …`, `according to X, …`, `…, X believes`, `…, saying …`,
//! `X’s insistence that …`), then links pronouns and surnames to full names.

use rift_core::{
    Article, CharIndex, Cue, Date, OutletRef, Source, SourceType, Span, Statement, StatementKind,
};
use rift_text::{dates, tokenize, Cleaner, Range, Segmenter, Token, TokenKind};

use crate::cues::{CueForm, CueWord, Lexicon};
use crate::names::{capitalized_runs, name_runs, NameRun, Names};
use crate::quotes::{find_quotes, Quote};
use crate::source::{phrase_after, subject_before, SourcePhrase};
use crate::tagger::{Sentence, TaggerModel};
use crate::words::{has, BREAK, NOMINAL, TITLE_INTRO};

/// Extraction settings (plain data; saved with each run).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExtractConfig {
    /// Minimum words in an attributed quote (`he said “No”` has one).
    pub min_attributed_words: usize,
    /// Minimum words for a quote with no attribution to count (with an unknown source).
    pub min_unattributed_words: usize,
    /// Minimum words in reported-speech content.
    pub min_reported_words: usize,
    /// Extract reported speech (not only quotes).
    pub reported_speech: bool,
    /// Run the learned tagger ([`crate::tagger`]) on sentences the rules leave empty.
    #[serde(default = "yes")]
    pub learned: bool,
}

fn yes() -> bool {
    true
}

/// An article split as the extractor reads it, for training the tagger
/// ([`Extractor::analyse`]).
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    /// Every token of the analysed paragraphs.
    pub toks: Vec<Token>,
    /// Each sentence as a range of `toks`.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// For each token, whether it is inside quotation marks.
    pub in_quote: Vec<bool>,
    /// For each token, its [`Lexicon::class`].
    pub class: Vec<u8>,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            min_attributed_words: 2,
            min_unattributed_words: 8,
            min_reported_words: 2,
            reported_speech: true,
            learned: true,
        }
    }
}

/// What extraction found in one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Statements in text order.
    pub statements: Vec<Statement>,
    /// For each statement, the code-point span of its enclosing sentence(s) with attribution
    /// (the context stance classification reads).
    pub contexts: Vec<Span>,
    /// Title found in the text.
    pub title: Option<String>,
    /// Date from a dateline.
    pub dateline_date: Option<Date>,
    /// Byline text (`Analysis by PMOI/MEK`).
    pub byline: Option<String>,
}

/// Finds statements in articles. Build once, use from many threads.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    cfg: ExtractConfig,
    cleaner: Cleaner,
    segmenter: Segmenter,
    lexicon: Lexicon,
    /// The tagger's model: `None` is the built-in one ([`TaggerModel::builtin`]).
    tagger: Option<std::sync::Arc<TaggerModel>>,
}

struct Sent {
    range: Range,
    para: usize,
    toks: std::ops::Range<usize>,
}

/// What every reported-speech rule reads of the sentence it looks at (built once per sentence
/// in `reported`).
#[derive(Clone, Copy)]
struct SentCtx<'a> {
    text: &'a str,
    toks: &'a [Token],
    si: usize,
    s: &'a Sent,
    /// End of the sentence's tokens, trailing punctuation left out.
    end_tok: usize,
    names: &'a Names,
    date0: Option<Date>,
}

#[derive(Debug, Clone)]
struct Draft {
    kind: StatementKind,
    content: Range,
    cue: Option<Range>,
    src: Option<Range>,
    src_kind: SourceType,
    name: Option<String>,
    pronoun: bool,
    outlet: Option<String>,
    date: Option<Date>,
    context: Range,
    para: usize,
    sent: usize,
    cue_lemma: &'static str,
}

impl Draft {
    /// No source: no speaker is better than a wrong one.
    fn drop_source(&mut self) {
        self.src = None;
        self.src_kind = SourceType::Unknown;
        self.name = None;
        self.pronoun = false;
    }
}

enum Attribution {
    /// cue token range, source phrase (token indices are absolute), outlet name.
    Found {
        cue: Range,
        lemma: &'static str,
        src: SourcePhrase,
        outlet: Option<String>,
        date_text: Range,
    },
    Title,
    None,
}

impl Extractor {
    /// An extractor with the given settings.
    pub fn new(cfg: ExtractConfig) -> Self {
        Extractor {
            cfg,
            ..Default::default()
        }
    }

    /// The same extractor with another tagger model (one trained by `examples/train_tagger.rs`
    /// on the user's own annotations, read by [`TaggerModel::from_bytes`]).
    pub fn with_tagger(mut self, model: TaggerModel) -> Self {
        self.tagger = Some(std::sync::Arc::new(model));
        self
    }

    /// The settings.
    pub fn config(&self) -> &ExtractConfig {
        &self.cfg
    }

    /// Splits an article into the sentences and tokens the extractor reads, with quote state:
    /// what the tagger is trained on.
    pub fn analyse(&self, text: &str) -> Analysed {
        let layout = self.cleaner.layout(text);
        let mut out = Analysed::default();
        let mut scratch = Vec::new();
        let mut quotes: Vec<Range> = Vec::new();
        for p in layout.analysed() {
            for q in find_quotes(text, p.range.clone()) {
                quotes.push(q.open.start..q.end());
            }
            for r in self.segmenter.split(text, p.range.clone()) {
                tokenize(text, r, &mut scratch);
                let a = out.toks.len();
                out.toks.extend_from_slice(&scratch);
                out.sentences.push(a..out.toks.len());
            }
        }
        out.in_quote = mark_quotes(&out.toks, &quotes);
        out.class = crate::tagger::classes(text, &out.toks, &self.lexicon);
        out
    }

    /// Pass 3b: the learned tagger on the sentences no rule found anything in.
    #[allow(clippy::too_many_arguments)]
    fn learned(
        &self,
        text: &str,
        toks: &[Token],
        class: &[u8],
        sents: &[Sent],
        in_quote: &[bool],
        names: &Names,
        date0: Option<Date>,
        drafts: &mut Vec<Draft>,
    ) {
        let model: &TaggerModel = match &self.tagger {
            Some(m) => m,
            None => TaggerModel::builtin(),
        };
        // sentences are in text order: mark those each draft's content overlaps
        let mut covered = vec![false; sents.len()];
        for d in drafts.iter() {
            let first = sents.partition_point(|s| s.range.end <= d.content.start);
            for (si, s) in sents.iter().enumerate().skip(first) {
                if s.range.start >= d.content.end {
                    break;
                }
                covered[si] = true;
            }
        }
        let n_rules = drafts.len();
        let mut tags = Vec::new();
        // rule drafts a tagged statement replaces
        let mut gone: Vec<usize> = Vec::new();
        for (si, s) in sents.iter().enumerate() {
            if s.toks.len() < 4 {
                continue;
            }
            let st = &toks[s.toks.clone()];
            let sc = &class[s.toks.clone()];
            // A sentence without a single lexicon word rarely attributes; the tagger reads it
            // only when a word in it was a cue at least a fifth of the times it was seen in
            // training (`endorsed`, `backed`). 5-fold CV on PolNeAR train: overlap TP
            // 14,199 → 14,265, content+source 11,823 → 11,868, for 2.5% more instructions
            // (tagging all such sentences: 14,286 / 11,885 for 7.7%).
            if sc.iter().all(|&c| c == 0)
                && !st.iter().any(|t| {
                    t.kind == TokenKind::Word
                        && model.cue_prior(t.text(text)) >= crate::tagger::OFTEN_A_CUE
                })
            {
                continue;
            }
            // in a sentence the rules found something in, tag only if a lexicon word is left
            // outside what they found
            if covered[si]
                && !st.iter().zip(sc).any(|(t, &c)| {
                    c != 0
                        && !drafts[..n_rules].iter().any(|d| {
                            d.content.start <= t.start && t.end <= d.content.end
                                || d.cue
                                    .as_ref()
                                    .is_some_and(|c| c.start <= t.start && t.end <= c.end)
                        })
                })
            {
                continue;
            }
            let sentence = Sentence {
                text,
                toks: st,
                in_quote: &in_quote[s.toks.clone()],
                class: sc,
            };
            model.tag(&sentence, &mut tags);
            for a in crate::tagger::attributions(&tags) {
                let base = s.toks.start;
                let c = toks[base + a.content.start].start..toks[base + a.content.end - 1].end;
                let mut content = trim_range(text, c);
                if content.is_empty()
                    || !has_words(&text[content.clone()], self.cfg.min_reported_words)
                {
                    continue;
                }
                let cue = toks[base + a.cue.start].start..toks[base + a.cue.end - 1].end;
                // in a sentence the rules found something in, only what they left alone
                let lo = content.start.min(cue.start);
                let hi = content.end.max(cue.end);
                let clash = |r: &Range| r.start < hi && lo < r.end;
                // (an uncredited quote gives way to a tagged statement around it: `he believes
                // “there may be …”` is his, mixed)
                let (c_lo, c_hi) = (content.start, content.end);
                let uncredited = |d: &Draft| {
                    d.cue.is_none()
                        && d.src.is_none()
                        && c_lo < d.content.start
                        && d.content.end <= c_hi + 4
                };
                if covered[si]
                    && drafts[..n_rules].iter().any(|d| {
                        !uncredited(d) && (clash(&d.content) || d.cue.as_ref().is_some_and(clash))
                    })
                {
                    continue;
                }
                let src = a.source.as_ref().and_then(|r| {
                    let (mut a0, mut a1) = (base + r.start, base + r.end);
                    while a0 < a1 && toks[a0].kind == TokenKind::Punct {
                        a0 += 1;
                    }
                    while a1 > a0 && toks[a1 - 1].kind == TokenKind::Punct {
                        a1 -= 1;
                    }
                    (a0 < a1).then_some((a0, a1))
                });
                // a content cut off mid-phrase (`that aired on`, `to an`) is a tagging slip
                let last = text[content.clone()]
                    .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                    .find(|w| !w.is_empty())
                    .unwrap_or("");
                if matches!(
                    last,
                    "a" | "an"
                        | "the"
                        | "and"
                        | "or"
                        | "but"
                        | "that"
                        | "to"
                        | "of"
                        | "on"
                        | "in"
                        | "at"
                        | "for"
                        | "from"
                        | "with"
                        | "by"
                        | "as"
                        | "than"
                        | "who"
                        | "which"
                ) {
                    continue;
                }
                let (c0, c1) = (base + a.cue.start, base + a.cue.end);
                let passive = passive_cue(text, toks, s.toks.start, c0, c1);
                let src = if passive {
                    // `Sanders was asked by host John Dickerson …`, `Mr. Sanders has been
                    // criticized for …`: the subject of a passive is not its source; the agent
                    // after `by` is, and without one there is none.
                    (toks.get(c1).is_some_and(|t| t.text(text) == "by"))
                        .then(|| {
                            let stop = (c1 + 1..s.toks.end)
                                .find(|&j| {
                                    toks[j].kind == TokenKind::Punct
                                        || has(BREAK, toks[j].text(text))
                                })
                                .unwrap_or(s.toks.end);
                            phrase_after(text, toks, c1 + 1, stop, names).map(|p| (p.start, p.end))
                        })
                        .flatten()
                } else {
                    // the tagged source, else the rules' subject before the cue (with the
                    // Viterbi tagger its sources beat the rules' subject: 5-fold CV on PolNeAR
                    // train content+source TP 11,634 -> 11,647)
                    src.or_else(|| {
                        subject_before(text, toks, s.toks.start, c0, names)
                            .map(|p| (p.start, p.end))
                    })
                };
                if let (true, Some((_, a1))) = (passive, src) {
                    // the agent is not part of the content (`asked by [host John Dickerson]
                    // [whether …]`)
                    let agent_end = toks[a1 - 1].end;
                    if content.start < agent_end {
                        match toks[a1..s.toks.end]
                            .iter()
                            .find(|t| t.kind == TokenKind::Word)
                        {
                            Some(t) if t.start < content.end => content.start = t.start,
                            _ => continue,
                        }
                        if !has_words(&text[content.clone()], self.cfg.min_reported_words) {
                            continue;
                        }
                    }
                }
                let src = src.map(|(a0, a1)| {
                    crate::source::typed(text, toks, a0, a1, names).unwrap_or(SourcePhrase {
                        start: a0,
                        end: a1,
                        kind: SourceType::Unknown,
                        name: None,
                        pronoun: false,
                    })
                });
                for (i, d) in drafts[..n_rules].iter().enumerate() {
                    if uncredited(d) && clash(&d.content) {
                        gone.push(i);
                    }
                }
                drafts.push(Draft {
                    kind: StatementKind::Indirect,
                    content,
                    cue: Some(cue),
                    src: src
                        .as_ref()
                        .map(|p| toks[p.start].start..toks[p.end - 1].end),
                    src_kind: src.as_ref().map_or(SourceType::Unknown, |p| p.kind),
                    name: src.as_ref().and_then(|p| p.name.clone()),
                    pronoun: src.as_ref().is_some_and(|p| p.pronoun),
                    outlet: None,
                    date: date0,
                    context: s.range.clone(),
                    para: s.para,
                    sent: si,
                    cue_lemma: "tagger",
                });
            }
        }
        if !gone.is_empty() {
            gone.sort_unstable();
            gone.dedup();
            for i in gone.into_iter().rev() {
                drafts.remove(i);
            }
        }
    }

    /// Extracts the statements of one article.
    pub fn extract(&self, article: &Article) -> Extraction {
        let text = article.text.as_str();
        let layout = self.cleaner.layout(text);
        let dateline_date = layout.dateline.as_ref().and_then(|d| d.date);
        let date0 = article.published.or(dateline_date);

        // Pass 1: sentences, tokens, names.
        let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5);
        let mut sents: Vec<Sent> = Vec::new();
        let mut scratch = Vec::new();
        let mut names = Names::default();
        // each sentence's capitalised runs and person names, for `names` and the salience pass:
        // sentence `si`'s are `runs[sent_runs[si].clone()]`
        let mut runs: Vec<NameRun> = Vec::new();
        let mut sent_runs: Vec<std::ops::Range<usize>> = Vec::new();
        let paras: Vec<(usize, Range)> = layout
            .analysed()
            .map(|p| p.range.clone())
            .enumerate()
            .collect();
        for (pi, pr) in &paras {
            for r in self.segmenter.split(text, pr.clone()) {
                tokenize(text, r.clone(), &mut scratch);
                let a = toks.len();
                toks.extend_from_slice(&scratch);
                let r0 = runs.len();
                name_runs(text, &scratch, &mut runs);
                names.add_runs(text, &scratch, &runs[r0..]);
                sent_runs.push(r0..runs.len());
                sents.push(Sent {
                    range: r,
                    para: *pi,
                    toks: a..toks.len(),
                });
            }
        }

        // Pass 2: quotes.
        let mut drafts: Vec<Draft> = Vec::new();
        let mut used_cues: Vec<usize> = Vec::new(); // token indices used as quote cues
        let mut quote_ranges: Vec<Range> = Vec::new();
        let mut last_direct: Option<Draft> = None;
        for (pi, pr) in &paras {
            let quotes = find_quotes(text, pr.clone());
            let mut prev_end_in_para: Option<usize> = None;
            for (qi, q) in quotes.iter().enumerate() {
                quote_ranges.push(q.open.start..q.end());
                let words = count_words(&text[q.content.clone()]);
                let so = sents.iter().position(|s| {
                    s.range.start <= q.open.start
                        && q.open.start < s.range.end.max(s.range.start + 1)
                });
                let sc = sents
                    .iter()
                    .position(|s| s.range.start < q.end() && q.end() <= s.range.end)
                    .or(so);
                let (Some(so), Some(sc)) = (so, sc) else {
                    continue;
                };
                let prev_q_end = if qi > 0 { quotes[qi - 1].end() } else { 0 };
                let next_q_start = quotes.get(qi + 1).map_or(usize::MAX, |n| n.open.start);
                let attr = self.attribute(
                    text,
                    &toks,
                    &sents,
                    so,
                    sc,
                    q,
                    prev_q_end,
                    next_q_start,
                    &names,
                    &quotes,
                );
                let context = sents[so].range.start..sents[sc].range.end;
                match attr {
                    Attribution::Title => {}
                    Attribution::Found {
                        cue,
                        lemma,
                        src,
                        outlet,
                        date_text,
                    } => {
                        // `"Quiet," he demanded.`: a one-word quote that ends with its own
                        // punctuation is an utterance, not a scare quote (`called it “rigged”`)
                        let utterance = words >= 1
                            && text[q.content.clone()]
                                .trim_end()
                                .ends_with([',', '.', '!', '?'])
                            && !matches!(
                                lemma,
                                "call" | "label" | "dub" | "describe" | "term" | "name" | "credit"
                            );
                        if words < self.cfg.min_attributed_words && !utterance {
                            continue;
                        }
                        let span_toks = sents[so].toks.start
                            ..sents.get(sc + 1).map_or(sents[sc].toks.end, |n| n.toks.end);
                        used_cues.extend(
                            span_toks
                                .filter(|&k| toks[k].start >= cue.start && toks[k].end <= cue.end),
                        );
                        let date = dates::find_date(&text[date_text.clone()], date0)
                            .map(|f| f.date)
                            .or(date0);
                        // Mixed: `X said “it gets me mad” every time he thinks …` — a credited
                        // quote that the clause goes on after is part of a larger content.
                        let mut kind = StatementKind::Direct;
                        let mut content = q.content.clone();
                        if cue.end <= q.open.start && so == sc {
                            // `declared that "I strongly support" the state's misnamed "right to
                            // work" law`: a scare quote later in the sentence does not end the
                            // clause (a few words, no punctuation of its own).
                            let scare_next = quotes.get(qi + 1).is_some_and(|n| {
                                let c = text[n.content.clone()].trim_end();
                                !has_words(c, 5) && !c.ends_with(['?', '!', ',', '.'])
                            });
                            let until = if scare_next {
                                quotes.get(qi + 2).map_or(usize::MAX, |n| n.open.start)
                            } else {
                                next_q_start
                            };
                            let rest: Vec<usize> = (sents[sc].toks.clone())
                                .filter(|&k| toks[k].start >= q.end())
                                .take_while(|&k| toks[k].start < until)
                                .collect();
                            let words_after = rest
                                .iter()
                                .filter(|&&k| toks[k].kind == TokenKind::Word)
                                .count();
                            let first = rest.first().map(|&k| toks[k].text(text));
                            // `“…” Obama said` / `“…” he added`: a credit, not more content.
                            let credit = rest.first().is_some_and(|&k| {
                                toks[k].is_capitalized(text)
                                    || crate::words::pronoun(toks[k].text(text)).is_some()
                            }) && rest
                                .iter()
                                .take(4)
                                .any(|&k| self.cue_at(text, &toks, k).is_some());
                            let reaches_end = until >= sents[sc].range.end;
                            // `“What curfew?” and kept going`: a quote that ends its own
                            // sentence or clause inside the marks is not continued.
                            let closed = text[q.content.clone()]
                                .trim_end()
                                .ends_with(['?', '!', ',', '.']);
                            if words_after >= 2
                                && !credit
                                && !closed
                                && reaches_end
                                && !matches!(first, Some("," | ";" | ":" | "—" | "–" | "(" | "."))
                            {
                                let mut e = rest.len();
                                while e > 0 && toks[rest[e - 1]].kind == TokenKind::Punct {
                                    e -= 1;
                                }
                                if e > 0 {
                                    content = q.open.start..toks[rest[e - 1]].end;
                                    kind = StatementKind::Indirect;
                                }
                            }
                        }
                        // `X said that he “supports Trump 100 percent”`: the words between the
                        // cue and the quote are content too (mixed), not a colon or a time.
                        if cue.end <= q.open.start {
                            let lo_s = sents[so].toks.clone();
                            let between: Vec<usize> = lo_s
                                .filter(|&k| {
                                    toks[k].start >= cue.end && toks[k].end <= q.open.start
                                })
                                .collect();
                            if let (Some(&b0), Some(&b1)) = (between.first(), between.last()) {
                                let mut c = skip_time(text, &toks, b0, b1 + 1);
                                while c <= b1 && toks[c].text(text) == "," {
                                    c += 1;
                                }
                                let colon = (c..=b1).any(|j| {
                                    matches!(toks[j].text(text), ":" | "—" | "–" | "(" | ";")
                                });
                                let words = (c..=b1)
                                    .filter(|&j| toks[j].kind == TokenKind::Word)
                                    .count();
                                let told = matches!(
                                    lemma,
                                    "tell"
                                        | "ask"
                                        | "warn"
                                        | "urge"
                                        | "remind"
                                        | "assure"
                                        | "inform"
                                );
                                if c <= b1
                                    && !colon
                                    && words >= 1
                                    && toks[c].kind == TokenKind::Word
                                {
                                    let start = if told {
                                        (c..=b1).find(|&j| toks[j].text(text) == "that")
                                    } else if is_preposition(toks[c].text(text))
                                        && toks[c].text(text) != "that"
                                    {
                                        (c..=b1).find(|&j| toks[j].text(text) == "that")
                                    } else {
                                        Some(c)
                                    };
                                    if let Some(st) = start {
                                        content = toks[st].start..content.end.max(q.end());
                                        kind = StatementKind::Indirect;
                                    }
                                }
                            }
                        }
                        // `However laudable the goal, using the tax ''is a misguided
                        // approach,'' said Mr. Burman`: a quote credited after it that opens
                        // mid-sentence finishes the clause begun before it (mixed content).
                        if cue.start >= q.end() && kind == StatementKind::Direct {
                            let lo = prev_q_end.max(sents[so].range.start);
                            let before: Vec<usize> = (sents[so].toks.clone())
                                .filter(|&k| toks[k].start >= lo && toks[k].end <= q.open.start)
                                .collect();
                            let words = before
                                .iter()
                                .filter(|&&k| toks[k].kind == TokenKind::Word)
                                .count();
                            let last = before.last().map(|&k| toks[k].text(text));
                            if words >= 2
                                && toks[before[0]].kind == TokenKind::Word
                                && !matches!(last, Some(":" | "," | "—" | "–" | "(" | ";" | "."))
                                && !before
                                    .iter()
                                    .any(|&k| self.cue_at(text, &toks, k).is_some())
                            {
                                content = toks[before[0]].start..content.end.max(q.end());
                                kind = StatementKind::Indirect;
                            }
                        }
                        // `“Everything …,” he exclaimed, “has totally overlapped.”`: the second
                        // part shares the first one's credit and continues it.
                        let shared = last_direct
                            .as_ref()
                            .is_some_and(|p| p.para == *pi && p.cue.as_ref() == Some(&cue));
                        let d = Draft {
                            kind,
                            content,
                            cue: if shared { None } else { Some(cue) },
                            src: Some(toks[src.start].start..toks[src.end - 1].end),
                            src_kind: src.kind,
                            name: src.name.clone(),
                            pronoun: src.pronoun,
                            outlet,
                            date,
                            context: context.start.min(q.open.start)..context.end,
                            para: *pi,
                            sent: so,
                            cue_lemma: lemma,
                        };
                        last_direct = Some(d.clone());
                        prev_end_in_para = Some(q.end());
                        drafts.push(d);
                    }
                    Attribution::None => {
                        let at_para_start = q.open.start == pr.start;
                        let follows = prev_end_in_para.is_some() || at_para_start;
                        // `“A,” said X, who thinks Y “B.”`: a cue of its own between the two
                        // quotes (past the last one's cue) makes B that clause's content, for
                        // the reported-speech pass, not X's continuation.
                        let own_cue = last_direct.as_ref().is_some_and(|p| {
                            let from = p.cue.as_ref().map_or(prev_q_end, |c| c.end.max(prev_q_end));
                            (sents[so].toks.clone()).any(|k| {
                                toks[k].start >= from
                                    && toks[k].end <= q.open.start
                                    && self.cue_at(text, &toks, k).is_some_and(|(cw, _)| {
                                        !cw.object && cw.form == CueForm::Finite
                                    })
                            })
                        });
                        // A quote credited by a dash ends its turn (`“…” ― Jane Doe`, a list
                        // of voices, one a paragraph): the next paragraph's quote is not hers.
                        let continuation = last_direct
                            .as_ref()
                            .filter(|p| {
                                follows
                                    && words >= 3
                                    && !own_cue
                                    && !(prev_end_in_para.is_none() && p.cue_lemma == "credit")
                            })
                            .cloned();
                        if let Some(prev) = continuation {
                            let d = Draft {
                                content: q.content.clone(),
                                cue: None,
                                context,
                                para: *pi,
                                sent: so,
                                date: prev.date,
                                ..prev
                            };
                            prev_end_in_para = Some(q.end());
                            last_direct = Some(d.clone());
                            drafts.push(d);
                        } else if words >= self.cfg.min_unattributed_words
                            && !own_cue
                            && ends_sentence(&text[q.content.clone()])
                        {
                            drafts.push(Draft {
                                kind: StatementKind::Direct,
                                content: q.content.clone(),
                                cue: None,
                                src: None,
                                src_kind: SourceType::Unknown,
                                name: None,
                                pronoun: false,
                                outlet: None,
                                date: date0,
                                context,
                                para: *pi,
                                sent: so,
                                cue_lemma: "",
                            });
                        }
                    }
                }
            }
        }

        // Each token's lexicon class, once: the reported-speech scan looks a word up only when it
        // is in the lexicon at all, and the tagger reads the classes as features.
        let class = crate::tagger::classes(text, &toks, &self.lexicon);
        // and whether it is inside a quote (read for every token by both passes)
        let quoted = mark_quotes(&toks, &quote_ranges);
        // Pass 3: reported speech.
        used_cues.sort_unstable();
        if self.cfg.reported_speech {
            for (si, s) in sents.iter().enumerate() {
                self.reported(
                    text,
                    &toks,
                    &class,
                    si,
                    s,
                    &quoted,
                    &used_cues,
                    &names,
                    date0,
                    &mut drafts,
                );
            }
        }
        // Headline attribution: `Mukasey: Clinton email scandal disqualifies her`.
        if let Some(tr) = &layout.title {
            if let Some(d) = headline(text, &toks, &sents, tr, &names, date0) {
                let taken = drafts
                    .iter()
                    .any(|o| o.content.start < d.content.end && d.content.start < o.content.end);
                if !taken {
                    drafts.push(d);
                }
            }
        }
        // Transcript and interview paragraphs: `TAPPER: …`, `Q: …`, `Luciana Lopez: …`.
        // A turn goes on over the next paragraphs that open with a quotation mark and no
        // label of their own (`"PENCE: Well, …` ⏎ `"But the truth is …`).
        let mut turn: Option<Draft> = None;
        for si in 0..sents.len() {
            if si > 0 && sents[si - 1].para == sents[si].para {
                continue;
            }
            let title = layout
                .title
                .as_ref()
                .is_some_and(|t| t.start <= sents[si].range.start && sents[si].range.start < t.end);
            if title {
                continue;
            }
            let label = speaker_label(text, &toks, &sents, si, &names, date0);
            let label = match (label, turn.take()) {
                (Some(d), _) => Some(d),
                (None, Some(prev)) if prev.para + 1 == sents[si].para => {
                    turn_goes_on(text, &toks, &sents, si, prev)
                }
                _ => None,
            };
            if let Some(d) = label {
                turn = Some(d.clone());
                // A quote that holds the label itself (`"WALLACE: …`, often run over several
                // paragraphs) is the transcript: the labels credit it turn by turn.
                let label = d.src.as_ref().map_or(d.content.start, |r| r.start);
                // A turn's continuation replaces the paragraph's uncredited quote.
                let goes_on = d.cue.is_none();
                drafts.retain(|o| {
                    !(o.kind == StatementKind::Direct
                        && (o.content.start <= label || goes_on && o.cue.is_none())
                        && o.content.end > d.content.start
                        && o.content.start < d.content.end)
                });
                let taken = drafts
                    .iter()
                    .any(|o| o.content.start < d.content.end && d.content.start < o.content.end);
                if !taken {
                    drafts.push(d);
                }
            }
        }
        // Pass 3b: what the rules left empty, to the learned tagger.
        if self.cfg.learned {
            self.learned(
                text,
                &toks,
                &class,
                &sents,
                &quoted,
                &names,
                date0,
                &mut drafts,
            );
        }
        // `Carson is "losing strength …. Some of his support …"`: reported speech that ends
        // inside a quote it opened (a sentence ended within the marks) runs on to its close.
        for d in &mut drafts {
            if d.kind == StatementKind::Direct || d.cue.is_none() {
                continue;
            }
            let i = quote_ranges.partition_point(|q| q.start <= d.content.start);
            if let Some(q) = quote_ranges.get(i) {
                if q.start < d.content.end && d.content.end < q.end {
                    d.content.end = q.end;
                }
            }
        }
        drafts.sort_by_key(|d| (d.content.start, d.content.end));
        // `the website` → the last outlet named before it.
        for d in &mut drafts {
            if d.src_kind == SourceType::Outlet && d.name.is_none() {
                if let Some(r) = &d.src {
                    d.name = names.last_outlet_before(r.start).map(str::to_string);
                }
            }
        }
        // `said after the attacks`, `was charged with assault`: reported content of a few words
        // that opens with a preposition or subordinator of time, place or manner is an adjunct of
        // the cue, not what was said (5-fold CV on PolNeAR train, up to 8 words: overlap F1
        // 0.7512 -> 0.7521, content+source 0.6295 -> 0.6306; `as` and `about` open real content).
        drafts.retain(|d| {
            d.kind == StatementKind::Direct || !adjunct_content(&text[d.content.clone()])
        });
        // `Nevertheless, his comments did not rankle …, according to X`: the connective is
        // not part of what X said (5-fold CV on PolNeAR train: exact +11 true positives).
        for d in &mut drafts {
            if d.kind != StatementKind::Direct {
                for _ in 0..2 {
                    let n = connective_len(&text[d.content.clone()]);
                    if n == 0 || !has_words(&text[d.content.start + n..d.content.end], 2) {
                        break;
                    }
                    d.content.start += n;
                }
            }
        }
        drop_overlaps(&mut drafts);
        cut_nested(&mut drafts);
        cut_sources_at_cues(text, &mut drafts, &self.lexicon);
        // A source that is one preposition, conjunction or adverb (`Despite`, `In`, `and`), or a
        // day or month, is a slip of the tagger or of a rule: no speaker is better than a wrong
        // one. (`most`, `whose`, `it` and names such as `Will` or `May` are real sources.)
        for d in &mut drafts {
            let Some(r) = d.src.clone() else { continue };
            let w = &text[r.clone()];
            const JUNK: &[&str] = &[
                "in", "after", "from", "by", "so", "while", "but", "since", "despite", "and", "or",
                "about", "just", "only", "then", "more", "before", "during", "with", "for", "to",
                "of", "at", "on", "as", "if", "when", "because", "although", "though", "however",
                "also", "even",
            ];
            let junk = JUNK.iter().any(|j| w.eq_ignore_ascii_case(j))
                || w != "May" && dates::month_number(w).is_some()
                || crate::source::is_weekday(w);
            if junk {
                d.drop_source();
            }
        }
        // `But Obama described …`, `As BuzzFeed News reported`: a sentence-opening conjunction
        // is not part of the source.
        for d in &mut drafts {
            let Some(r) = d.src.clone() else { continue };
            let t = &text[r.clone()];
            if let Some((first, rest)) = t.split_once(' ') {
                if matches!(
                    first,
                    "But" | "And" | "Yet" | "So" | "When" | "While" | "As" | "If"
                ) && rest.starts_with(|c: char| c.is_alphanumeric())
                {
                    d.src = Some(r.end - rest.len()..r.end);
                }
            }
        }
        // `Donald Trump was [asked] about …`, `It should be [noted] that …`: a source phrase that
        // ends in a form of `be` right before its cue holds a passive's subject, which is not
        // who spoke (the tagged cues' passives are handled where they are made).
        for d in &mut drafts {
            let (Some(r), Some(cue)) = (d.src.clone(), d.cue.as_ref()) else {
                continue;
            };
            let last = text[r.clone()].rsplit(' ').next().unwrap_or("");
            if r.end <= cue.start
                && text[r.end..cue.start].trim().is_empty()
                && (is_be(last) || last == "being")
            {
                d.drop_source();
            }
        }
        // `makes no mention of [rival Hillary Clinton]`: a content's leading `of` belongs to
        // the cue right before it.
        for d in &mut drafts {
            let Some(cue) = d.cue.as_mut() else { continue };
            let c = &text[d.content.clone()];
            if c.starts_with("of ")
                && cue.end <= d.content.start
                && text[cue.end..d.content.start].trim().is_empty()
                && c[3..].trim_start().len() > 1
            {
                cue.end = d.content.start + 2;
                let rest = &text[d.content.start + 3..d.content.end];
                d.content.start = d.content.end - rest.trim_start().len();
            }
        }
        relay_outlets(text, &mut drafts);

        // Pass 4: pronouns → salient person, sentence by sentence. Both are kept as the mention
        // (`Bavand`) and turned into a full name only for a pronoun that takes one.
        let mut salient: Option<&str> = None;
        let mut last_person: Option<&str> = None;
        // each run of the sentence at hand: its person mention, when it is a full name or a
        // known surname
        let mut persons: Vec<Option<&str>> = Vec::new();
        let mut order: Vec<usize> = (0..drafts.len()).collect();
        order.sort_by_key(|&i| {
            (
                drafts[i].sent,
                drafts[i]
                    .src
                    .as_ref()
                    .map_or(drafts[i].content.start, |r| r.start),
            )
        });
        let mut by_sent: Vec<Vec<usize>> = vec![Vec::new(); sents.len()];
        for i in order {
            by_sent[drafts[i].sent].push(i);
        }
        for (si, s) in sents.iter().enumerate() {
            for &i in &by_sent[si] {
                let d = &mut drafts[i];
                if d.pronoun && d.src_kind == SourceType::Person && d.name.is_none() {
                    d.name = salient.or(last_person).map(|m| names.full_name(m));
                }
            }
            let st = &toks[s.toks.clone()];
            let s_runs = &runs[sent_runs[si].clone()];
            persons.clear();
            persons.extend(s_runs.iter().map(|r| {
                let p = r.person.clone()?;
                let m = &text[st[p.start].start..st[p.end - 1].end];
                (p.len() >= 2 || names.is_known_surname(m)).then_some(m)
            }));
            if let Some(subj) = sentence_subject(text, st, s_runs, &persons, &quote_ranges) {
                salient = Some(subj);
            }
            if let Some(&m) = persons.iter().rev().flatten().next() {
                last_person = Some(m);
            }
        }

        // Output in code points.
        let idx = CharIndex::new(text);
        let span = |r: &Range| Span::new(idx.char_of(r.start), idx.char_of(r.end));
        let mut statements = Vec::with_capacity(drafts.len());
        let mut contexts = Vec::with_capacity(drafts.len());
        // (the drafts are done with: their names and outlets move into the statements)
        for d in drafts {
            let kind = if d.kind == StatementKind::Direct {
                StatementKind::Direct
            } else if d.src_kind == SourceType::Outlet {
                StatementKind::Written
            } else {
                StatementKind::Indirect
            };
            let source = Source {
                text: d
                    .src
                    .as_ref()
                    .map_or_else(String::new, |r| text[r.clone()].to_string()),
                span: d.src.as_ref().map(&span),
                name: d.name,
                actor: None,
                kind: d.src_kind,
            };
            statements.push(Statement {
                article: article.id.clone(),
                kind,
                text: text[d.content.clone()].to_string(),
                span: span(&d.content),
                cue: d.cue.as_ref().map(|c| Cue {
                    text: text[c.clone()].to_string(),
                    span: span(c),
                }),
                source,
                outlet: d.outlet.map(|name| OutletRef { id: None, name }),
                date: d.date,
                stance: Vec::new(),
            });
            contexts.push(span(&d.context));
        }
        Extraction {
            statements,
            contexts,
            title: layout.title.map(|r| text[r].to_string()),
            dateline_date,
            byline: layout.byline.map(|r| text[r].to_string()),
        }
    }

    fn cue_at(&self, text: &str, toks: &[Token], k: usize) -> Option<(CueWord, usize)> {
        let t = &toks[k];
        if t.kind != TokenKind::Word {
            return None;
        }
        let w = t.text(text);
        let (phrasal, word) = self.lexicon.lookup(w);
        for ph in phrasal {
            let (lemma, object) = (ph.lemma, ph.object);
            if ph.rest.iter().enumerate().all(|(j, p)| {
                toks.get(k + 1 + j)
                    .is_some_and(|t| t.text(text).eq_ignore_ascii_case(p))
            }) {
                let form = if w.ends_with("ing") {
                    CueForm::Participle
                } else {
                    CueForm::Finite
                };
                return Some((
                    CueWord {
                        lemma,
                        form,
                        takes_object: false,
                        weak: object,
                        object,
                    },
                    ph.rest.len() + 1,
                ));
            }
        }
        // A capitalised word inside a sentence of lower-case words is a name (`the United
        // States has`), not a cue; title-case headlines (`Trump Says He …`) keep theirs.
        if k > 0
            && t.is_capitalized(text)
            && toks[k - 1].kind == TokenKind::Word
            && toks.get(k + 1).is_none_or(|n| !n.is_capitalized(text))
        {
            return None;
        }
        let c = word?;
        // `That said, she also noted …`, `Having said that, …`: a discourse marker, not speech
        if w == "said"
            && (k > 0
                && toks[k - 1].text(text).eq_ignore_ascii_case("that")
                && toks.get(k + 1).is_some_and(|n| n.text(text) == ",")
                || toks.get(k + 1).is_some_and(|n| n.text(text) == "that")
                    && toks.get(k + 2).is_some_and(|n| n.text(text) == ",")
                    && k > 0
                    && toks[k - 1].text(text).eq_ignore_ascii_case("having"))
        {
            return None;
        }
        // `In a video posted to her account, she …`: a participle after the noun of a fronted
        // prepositional phrase is not the sentence's verb
        if c.form == CueForm::Finite
            && w.ends_with("ed")
            && k >= 3
            && matches!(
                toks[k - 3].text(text),
                "In" | "On" | "At" | "Through" | "With" | "During" | "After" | "Before"
            )
            && crate::source::is_determiner(toks[k - 2].text(text))
            && toks[k - 1].kind == TokenKind::Word
            && !toks[k - 1].is_capitalized(text)
        {
            return None;
        }
        // `a group called Black Votes Matter`, `a new show called …`: naming, not speech
        if w == "called"
            && k >= 2
            && toks[k - 1].kind == TokenKind::Word
            && !toks[k - 1].is_capitalized(text)
            && (matches!(toks[k - 2].text(text), "a" | "an" | "the")
                || k >= 3
                    && matches!(toks[k - 3].text(text), "a" | "an" | "the")
                    && toks[k - 2].kind == TokenKind::Word
                    && !toks[k - 2].is_capitalized(text))
        {
            return None;
        }
        // `adding to her lead` is not speech.
        if c.lemma == "add" && toks.get(k + 1).is_some_and(|n| n.text(text) == "to") {
            return None;
        }
        Some((c, 1))
    }

    #[allow(clippy::too_many_arguments)]
    fn attribute(
        &self,
        text: &str,
        toks: &[Token],
        sents: &[Sent],
        so: usize,
        sc: usize,
        q: &Quote,
        prev_q_end: usize,
        next_q_start: usize,
        names: &Names,
        quotes: &[Quote],
    ) -> Attribution {
        let _ = quotes;
        // Tokens before the opening mark in its sentence (after any earlier quote).
        let s_open = &sents[so];
        let b_lo = (s_open.toks.start..s_open.toks.end)
            .find(|&k| toks[k].start >= prev_q_end.max(s_open.range.start))
            .unwrap_or(s_open.toks.end);
        let b_hi = (b_lo..s_open.toks.end)
            .find(|&k| toks[k].start >= q.open.start)
            .unwrap_or(s_open.toks.end);
        // Tokens after the closing mark in its sentence (before any next quote).
        let s_close = &sents[sc];
        let a_lo = (s_close.toks.start..s_close.toks.end)
            .find(|&k| toks[k].start >= q.end())
            .unwrap_or(s_close.toks.end);
        let mut a_hi = (a_lo..s_close.toks.end)
            .find(|&k| toks[k].start >= next_q_start)
            .unwrap_or(s_close.toks.end);
        // `“We will win.” Trump said.`: the sentence ended inside the marks, and a short
        // sentence right after it in the paragraph credits the quote.
        let mut a_lo = a_lo;
        if a_lo == s_close.toks.end {
            if let Some(next) = sents.get(sc + 1) {
                let words = (next.toks.clone())
                    .filter(|&k| toks[k].kind == TokenKind::Word)
                    .count();
                if next.para == s_close.para
                    && text[q.end()..next.range.start].trim().is_empty()
                    && (1..=8).contains(&words)
                    && next_q_start >= next.range.end
                {
                    a_lo = next.toks.start;
                    a_hi = next.toks.end;
                }
            }
        }

        // Title or scare quote: `titled “…”`, `the so-called “…”`.
        let mut last_word = b_hi;
        while last_word > b_lo && toks[last_word - 1].kind == TokenKind::Punct {
            last_word -= 1;
        }
        if last_word > b_lo && has(TITLE_INTRO, toks[last_word - 1].text(text)) {
            return Attribution::Title;
        }
        if looks_like_title(&text[q.content.clone()]) {
            return Attribution::Title;
        }

        let mut before = self.before_attribution(text, toks, b_lo, last_word, names);
        let colon = last_word < b_hi && toks[last_word].text(text) == ":";
        // `In a 1963 speech, he declared:` ⏎ `“It is …`: a quote opening a paragraph takes the
        // credit that ends the paragraph before with a colon.
        if before.is_none() && b_lo == b_hi && so > 0 {
            let prev = &sents[so - 1];
            if prev.para + 1 == s_open.para
                && prev.toks.end > prev.toks.start
                && toks[prev.toks.end - 1].text(text) == ":"
            {
                let lo = prev.toks.start;
                let hi = prev.toks.end - 1;
                before = self
                    .before_attribution(text, toks, lo, hi, names)
                    .or_else(|| self.colon_credit(text, toks, lo, hi, names));
            }
        }
        // `Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are …”`: a
        // quote opening its sentence takes the credit of a short sentence right before it in
        // the paragraph that ends in a cue (`X agreed.`, `Y says.`).
        if before.is_none() && b_lo == b_hi && so > 0 {
            let prev = &sents[so - 1];
            let n = prev.toks.end.saturating_sub(prev.toks.start);
            if prev.para == s_open.para
                && (3..=14).contains(&n)
                && toks[prev.toks.end - 1].text(text) == "."
                && text[prev.range.end..q.open.start].trim().is_empty()
            {
                let k = prev.toks.end - 2;
                if let Some((cw, 1)) = self.cue_at(text, toks, k) {
                    if cw.form == CueForm::Finite && !cw.object && k > prev.toks.start {
                        before = sentence_start_subject(
                            text,
                            toks,
                            prev.toks.start,
                            k,
                            names,
                            &self.lexicon,
                        )
                        .filter(|src| src.end == k)
                        .map(|src| (toks[k].start..toks[k].end, cw.lemma, src));
                    }
                }
            }
        }
        // `Zeldin gave the technique a whirl on CNN: ''You can …''`: a colon lead-in credits
        // the sentence's subject.
        if before.is_none() && colon && last_word > b_lo && prev_q_end <= s_open.range.start {
            before = self.colon_credit(text, toks, b_lo, last_word, names);
        }
        // `… “tied for second place” with Florida Sen. Marco Rubio, in a finish that he said …`:
        // a phrase that opens with a preposition is no credit.
        let after = self
            .after_attribution(text, toks, a_lo, a_hi, names)
            .filter(|(_, _, src)| {
                !matches!(
                    toks[src.start].text(text),
                    "with"
                        | "for"
                        | "in"
                        | "of"
                        | "on"
                        | "at"
                        | "by"
                        | "from"
                        | "to"
                        | "about"
                        | "while"
                        | "as"
                        | "than"
                        | "against"
                        | "out"
                        | "into"
                        | "over"
                        | "after"
                        | "before"
                        | "during"
                        | "through"
                        | "since"
                        | "under"
                        | "despite"
                )
            });
        match (before, after) {
            (Some((cue, lemma, src)), after) => {
                let outlet = after
                    .as_ref()
                    .filter(|(_, _, p)| p.kind == SourceType::Outlet)
                    .and_then(|(_, _, p)| p.name.clone());
                let date_text = toks[b_lo.min(b_hi.saturating_sub(1))].start
                    ..toks[a_hi.saturating_sub(1).max(a_lo.min(toks.len() - 1))]
                        .end
                        .max(q.end());
                Attribution::Found {
                    cue,
                    lemma,
                    src,
                    outlet,
                    date_text: clamp(date_text, q),
                }
            }
            (None, Some((cue, lemma, src))) => {
                let date_text = q.end()..toks[a_hi.saturating_sub(1).max(a_lo)].end.max(q.end());
                Attribution::Found {
                    cue,
                    lemma,
                    src,
                    outlet: None,
                    date_text,
                }
            }
            (None, None) => Attribution::None,
        }
    }

    /// A colon lead-in with no cue word (`Zeldin gave the technique a whirl on CNN:`): the
    /// sentence's subject is the source and the lead-in's last word the cue.
    fn colon_credit(
        &self,
        text: &str,
        toks: &[Token],
        lo: usize,
        hi: usize,
        names: &Names,
    ) -> Option<(Range, &'static str, SourcePhrase)> {
        if hi <= lo {
            return None;
        }
        let src = sentence_start_subject(text, toks, lo, hi, names, &self.lexicon)?;
        // `Rep. Trey Gowdy: “…`, `Former secretary of state Hillary Rodham Clinton: “…`,
        // `Kasich: ‘…` (a headline): a person's name alone is a speaker label
        if src.end >= hi && src.start == lo && src.kind == SourceType::Person && src.name.is_some()
        {
            let cue = toks[hi].start..toks[hi].end;
            return Some((cue, "colon", src));
        }
        if hi <= lo + 2 {
            return None;
        }
        // the subject is followed by a verb-like word, not more of a list or a heading
        if src.end >= hi || src.pronoun && src.kind == SourceType::Unknown {
            return None;
        }
        if !matches!(
            src.kind,
            SourceType::Person | SourceType::Group | SourceType::Outlet
        ) && !src.pronoun
        {
            return None;
        }
        let cue = toks[hi - 1].start..toks[hi - 1].end;
        Some((cue, "colon", src))
    }

    /// `X said: “…`, `X told his cronies: “…`, `according to X, “…`, `X said ‘…’`.
    fn before_attribution(
        &self,
        text: &str,
        toks: &[Token],
        lo: usize,
        hi: usize,
        names: &Names,
    ) -> Option<(Range, &'static str, SourcePhrase)> {
        if hi <= lo {
            return None;
        }
        // according to X, “…
        for k in (lo..hi).rev().take(10) {
            if toks[k].text(text).eq_ignore_ascii_case("according")
                && toks.get(k + 1).is_some_and(|t| t.text(text) == "to")
            {
                let src = phrase_after(text, toks, k + 2, hi, names)?;
                return Some((toks[k].start..toks[k + 1].end, "according to", src));
            }
        }
        // As X put it, “…
        let mut e = hi;
        while e > lo && matches!(toks[e - 1].text(text), "," | ":") {
            e -= 1;
        }
        if e >= lo + 4
            && toks[e - 1].text(text) == "it"
            && matches!(toks[e - 2].text(text), "put" | "puts")
        {
            if let Some(a) = (lo..e - 2)
                .rev()
                .find(|&j| toks[j].text(text).eq_ignore_ascii_case("as"))
            {
                if let Some(src) = phrase_after(text, toks, a + 1, e - 2, names) {
                    return Some((toks[e - 2].start..toks[e - 1].end, "put it", src));
                }
            }
        }
        // cue within the last few tokens (widening this to 12 for verbs with an addressee,
        // `Trump told the Washington Post in a written statement, “…`, lost more mixed quotes
        // than it found on train)
        let window = hi.saturating_sub(7).max(lo);
        let mut k = hi;
        while k > window {
            k -= 1;
            let Some((mut cw, mut n)) = self.cue_at(text, toks, k) else {
                continue;
            };
            // the last word of a phrasal cue (`went on to [say]: “…`) is the whole phrase
            if let Some((j, c2, n2)) = (k.saturating_sub(3).max(lo)..k).find_map(|j| {
                self.cue_at(text, toks, j)
                    .filter(|&(_, n2)| n2 > 1 && j + n2 == k + n)
                    .map(|(c2, n2)| (j, c2, n2))
            }) {
                (k, cw, n) = (j, c2, n2);
            }
            if cw.weak && cw.form != CueForm::Participle {
                continue;
            }
            let between = &toks[k + n..hi];
            let ok = between.is_empty()
                || between.iter().all(|t| {
                    t.kind == TokenKind::Word || matches!(t.text(text), "," | "’s" | "'s")
                }) && (cw.takes_object
                    || between.first().is_some_and(|t| {
                        matches!(
                            t.text(text),
                            "in" | "on"
                                | "at"
                                | "to"
                                | "during"
                                | "after"
                                | "that"
                                | "before"
                                | "about"
                                | "of"
                                | "this"
                                | "today"
                                | "yesterday"
                                | "later"
                                | "then"
                                | "once"
                                | "again"
                                | "also"
                        )
                    })
                    || between.len() <= 1);
            if !ok {
                continue;
            }
            let cue = toks[k].start..toks[k + n - 1].end;
            let src = if cw.form == CueForm::Participle {
                subject_before(text, toks, lo, k, names)
                    .or_else(|| sentence_start_subject(text, toks, lo, k, names, &self.lexicon))
            } else {
                subject_before(text, toks, lo, k, names)
                    .or_else(|| {
                        // `It added, "We want no part …"`: the organisation just named
                        (k > lo && matches!(toks[k - 1].text(text), "It" | "it") && !cw.object)
                            .then_some(SourcePhrase {
                                start: k - 1,
                                end: k,
                                kind: SourceType::Unknown,
                                name: None,
                                pronoun: false,
                            })
                    })
                    // `Hayek confirmed she had been and said, “…”`, `… but told his supporters,
                    // “…”`: a conjoined cue's speaker is the sentence's subject
                    .or_else(|| conjoined_subject(text, toks, lo, k, names, &self.lexicon))
            };
            return src.map(|s| (cue, cw.lemma, s));
        }
        None
    }

    /// `…,” X said`, `…,” said X`, `…,” the website, associated to …, wrote`, `…,” according to X`, `…” — X`.
    fn after_attribution(
        &self,
        text: &str,
        toks: &[Token],
        lo: usize,
        hi: usize,
        names: &Names,
    ) -> Option<(Range, &'static str, SourcePhrase)> {
        let mut a = lo;
        while a < hi && matches!(toks[a].text(text), "," | "—" | "–" | "―" | "-" | ")") {
            a += 1;
        }
        if a >= hi {
            return None;
        }
        let dash = a > lo && matches!(toks[a - 1].text(text), "—" | "–" | "―" | "-");
        if toks[a].text(text).eq_ignore_ascii_case("according")
            && toks.get(a + 1).is_some_and(|t| t.text(text) == "to")
        {
            let src = phrase_after(text, toks, a + 2, hi, names)?;
            return Some((toks[a].start..toks[a + 1].end, "according to", src));
        }
        if let Some((cw, n)) = self.cue_at(text, toks, a) {
            if !cw.weak && cw.form != CueForm::Participle {
                let src = phrase_after(text, toks, a + n, hi, names)?;
                let src = crate::source::with_appositive(text, toks, src, hi);
                return Some((toks[a].start..toks[a + n - 1].end, cw.lemma, src));
            }
        }
        // NP (, appositive,)? cue
        let limit = (a + 18).min(hi);
        // inside a parenthetical (`Rep. Gwen Moore (D-Wis.) said`) a full stop ends nothing
        let mut depth = 0usize;
        for k in a + 1..limit {
            let w = toks[k].text(text);
            match w {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth == 0
                && matches!(w, "." | "!" | "?" | ";" | "“" | "\"")
                && !crate::words::inner_dot(text, toks, k)
            {
                break;
            }
            if depth > 0 {
                continue;
            }
            // `…,” an intelligence source, who was not authorized to speak, told Fox News.`
            if w == "," && k > a {
                let far = (k + 24).min(hi);
                if let Some(j) = (k + 1..far).find(|&j| {
                    matches!(toks[j].text(text), "," | "." | ";" | "“" | "\"" | "”")
                        && !crate::words::inner_dot(text, toks, j)
                }) {
                    let cue = (toks[j].text(text) == "," && j + 1 < hi)
                        .then(|| self.cue_at(text, toks, j + 1))
                        .flatten()
                        .filter(|(cw, _)| cw.form == CueForm::Finite && !cw.object);
                    if let Some((cw, n)) = cue {
                        let mut src = crate::source::typed(text, toks, a, k, names)?;
                        src.end = j;
                        return Some((toks[j + 1].start..toks[j + n].end, cw.lemma, src));
                    }
                }
            }
            if let Some((cw, n)) = self.cue_at(text, toks, k) {
                if cw.form == CueForm::Participle || (cw.weak && cw.form == CueForm::Base) {
                    continue;
                }
                let end = crate::source::cut_phrase(text, toks, a, k);
                let src = crate::source::typed(text, toks, a, end, names).or_else(|| {
                    crate::words::pronoun(toks[a].text(text)).map(|kind| SourcePhrase {
                        start: a,
                        end: a + 1,
                        kind,
                        name: None,
                        pronoun: true,
                    })
                })?;
                // A pronoun phrase is just the pronoun.
                let src = if crate::words::pronoun(toks[a].text(text)).is_some() {
                    SourcePhrase {
                        start: a,
                        end: a + 1,
                        kind: src.kind,
                        name: None,
                        pronoun: true,
                    }
                } else {
                    src
                };
                return Some((toks[k].start..toks[k + n - 1].end, cw.lemma, src));
            }
            if has(BREAK, w)
                && !toks[k].is_capitalized(text)
                && !matches!(
                    w,
                    "to" | "of"
                        | "with"
                        | "on"
                        | "in"
                        | "by"
                        | "for"
                        | "at"
                        | "from"
                        | "and"
                        | "that"
                )
            {
                break;
            }
        }
        // dash credit: “…” — Jane Doe
        if dash {
            let src = phrase_after(text, toks, a, hi, names)?;
            if src.kind == SourceType::Person {
                return Some((toks[a - 1].start..toks[a - 1].end, "credit", src));
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn reported(
        &self,
        text: &str,
        toks: &[Token],
        class: &[u8],
        si: usize,
        s: &Sent,
        quoted: &[bool],
        used: &[usize],
        names: &Names,
        date0: Option<Date>,
        out: &mut Vec<Draft>,
    ) {
        let lo = s.toks.start;
        let hi = s.toks.end;
        // whether token k is inside a quote (`mark_quotes`, once an article)
        let in_quote = |k: usize| quoted[k];
        // Trailing sentence punctuation is not content.
        let mut end_tok = hi;
        while end_tok > lo
            && matches!(
                toks[end_tok - 1].text(text),
                "." | "!" | "?" | "”" | "\"" | "’"
            )
            && !in_quote(end_tok - 1)
        {
            end_tok -= 1;
        }
        let cx = SentCtx {
            text,
            toks,
            si,
            s,
            end_tok,
            names,
            date0,
        };
        let mut covered_until = 0usize;
        let mut k = lo;
        while k < hi {
            // every rule below starts at a word (`according`, `asked`, `in`, a cue)
            if toks[k].kind != TokenKind::Word
                || in_quote(k)
                || used.binary_search(&k).is_ok()
                || toks[k].start < covered_until
            {
                k += 1;
                continue;
            }
            let w = toks[k].text(text);
            let made = if w.eq_ignore_ascii_case("according")
                && toks.get(k + 1).is_some_and(|t| t.text(text) == "to")
            {
                self.according(cx, k)
            } else if let Some(d) = self.asked(cx, k) {
                Some(d)
            } else if let Some(d) = self.in_view(cx, k) {
                Some(d)
            } else if let Some(d) = self.in_poll(cx, k) {
                Some(d)
            } else if let Some(d) = self.raising(cx, k, &in_quote) {
                Some(d)
            } else if toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.text(text), "that" | "to"))
                && has(NOMINAL, w)
            {
                self.nominal(cx, k)
            } else if let Some((cw, n)) =
                // a word outside the lexicon is no cue (`cue_at` would look it up to say so)
                (class[k] != 0)
                    .then(|| self.cue_at(text, toks, k))
                    .flatten()
            {
                self.verbal(cx, k, n, cw, &in_quote)
            } else {
                None
            };
            if let Some(d) = made {
                covered_until = d.content.end;
                out.push(d);
            }
            k += 1;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draft(
        &self,
        text: &str,
        s: &Sent,
        si: usize,
        content: Range,
        cue: Range,
        lemma: &'static str,
        src: &SourcePhrase,
        toks: &[Token],
        date0: Option<Date>,
    ) -> Option<Draft> {
        let c = trim_range(text, content);
        if !has_words(&text[c.clone()], self.cfg.min_reported_words) {
            return None;
        }
        let src_r = toks[src.start].start..toks[src.end - 1].end;
        let date_text = src_r.start.min(cue.start)..src_r.end.max(cue.end);
        let mut around_end = (cue.end + 24).min(s.range.end).max(cue.end);
        while !text.is_char_boundary(around_end) {
            around_end -= 1;
        }
        let around = &text[cue.end..around_end];
        let date = dates::find_date(&text[date_text], date0).or_else(|| {
            let a = around.trim_start();
            a.strip_prefix("on ")
                .and_then(|r| dates::parse_at(r, date0))
        });
        Some(Draft {
            kind: StatementKind::Indirect,
            content: c,
            cue: Some(cue),
            src: Some(src_r),
            src_kind: src.kind,
            name: src.name.clone(),
            pronoun: src.pronoun,
            outlet: None,
            date: date.map(|f| f.date).or(date0),
            context: s.range.clone(),
            para: s.para,
            sent: si,
            cue_lemma: lemma,
        })
    }

    fn according(&self, cx: SentCtx<'_>, k: usize) -> Option<Draft> {
        let SentCtx {
            text,
            toks,
            si,
            s,
            end_tok,
            names,
            date0,
        } = cx;
        let mut lo = s.toks.start;
        // inside a parenthesis: `(the actual number is closer to 15 percent, according to …)`
        if let Some(p) = (lo..k)
            .rev()
            .find(|&j| matches!(toks[j].text(text), "(" | ")"))
        {
            if toks[p].text(text) == "(" {
                lo = p + 1;
            }
        }
        let cue = toks[k].start..toks[k + 1].end;
        // a leading conjunction or adverb: `But according to X, …`
        let mut first = lo;
        while first < k
            && matches!(
                toks[first].text(text),
                "But" | "And" | "Yet" | "So" | "However" | "Still" | "Now" | "Also" | ","
            )
        {
            first += 1;
        }
        // find the comma closing the source phrase
        let comma = (k + 2..end_tok).find(|&j| toks[j].text(text) == ",");
        if k == first {
            let c = comma?;
            let src = whole_np(text, toks, k + 2, c, names)?;
            if c + 1 >= end_tok {
                return None;
            }
            let content = toks[c + 1].start..toks[end_tok - 1].end;
            return self.draft(text, s, si, content, cue, "according to", &src, toks, date0);
        }
        // "…, according to X." and "…, according to X, …"
        if k > lo && toks[k - 1].text(text) == "," {
            let stop = (k + 2..end_tok)
                .find(|&j| matches!(toks[j].text(text), "," | ";" | "—" | "“" | "\"" | ")"))
                .unwrap_or(end_tok);
            let mut src = whole_np(text, toks, k + 2, stop, names)?;
            let mut goes_on = stop + 1 < end_tok && toks[stop].text(text) == ",";
            if goes_on {
                let next = toks[stop + 1].text(text);
                if matches!(next, "a" | "an" | "the") {
                    // `…, according to Brian Wieser, an analyst at Pivotal Research Group.`:
                    // an appositive of the source, which ends the sentence or the next clause.
                    let stop2 = (stop + 2..end_tok)
                        .find(|&j| matches!(toks[j].text(text), "," | ";" | "—" | "“" | "\"" | ")"))
                        .unwrap_or(end_tok);
                    if let Some(p) = whole_np(text, toks, k + 2, stop2, names) {
                        src = SourcePhrase {
                            name: src.name.take(),
                            ..p
                        };
                    }
                    goes_on = false;
                } else if has(CLAUSE_OPENERS, next) {
                    // `…, according to a CNN tally, but his pathway … is narrowing`: a new clause
                    // follows the credit, so the content is what comes before it.
                    goes_on = false;
                }
            }
            let content = if goes_on {
                let sub = matches!(
                    toks[lo].text(text),
                    "While"
                        | "Although"
                        | "Though"
                        | "As"
                        | "If"
                        | "When"
                        | "Because"
                        | "Since"
                        | "After"
                        | "Before"
                        | "Despite"
                );
                if sub {
                    // `While most were …, according to X, two were upgraded …`
                    toks[stop + 1].start..toks[end_tok - 1].end
                } else {
                    // `At the heart of it, according to X, was a decision …`
                    toks[lo].start..toks[end_tok - 1].end
                }
            } else {
                toks[lo].start..toks[k - 1].start
            };
            return self.draft(text, s, si, content, cue, "according to", &src, toks, date0);
        }
        None
    }

    /// A question put to the speaker: `Asked (by X) whether …, Y said …` and `when asked how
    /// …`. The content is the question, up to the comma; the source is the asker when named
    /// (`by Starnes`), else none.
    fn asked(&self, cx: SentCtx<'_>, k: usize) -> Option<Draft> {
        let SentCtx {
            text,
            toks,
            si,
            s,
            end_tok,
            names,
            date0,
        } = cx;
        let lo = s.toks.start;
        let w = toks[k].text(text);
        if !w.eq_ignore_ascii_case("asked") {
            return None;
        }
        let prev = if k > lo { toks[k - 1].text(text) } else { "" };
        if !(k == lo || matches!(prev, "when" | "When" | "," | "if" | "If")) {
            return None;
        }
        let mut c = skip_time(text, toks, k + 1, end_tok);
        let mut src = None;
        if c < end_tok && toks[c].text(text) == "by" {
            let stop = (c + 1..end_tok)
                .find(|&j| {
                    matches!(
                        toks[j].text(text),
                        "if" | "whether" | "about" | "what" | "how" | "why" | "to" | "," | "who"
                    )
                })
                .unwrap_or(end_tok);
            src = whole_np(text, toks, c + 1, stop, names);
            c = stop;
        }
        if c >= end_tok
            || !matches!(
                toks[c].text(text),
                "if" | "whether" | "about" | "what" | "how" | "why" | "to" | "who" | "when"
            )
        {
            return None;
        }
        let stop = (c + 1..end_tok).find(|&j| toks[j].text(text) == ",")?;
        let content = toks[c].start..toks[stop - 1].end;
        let cue = toks[k].start..toks[k].end;
        let placeholder = SourcePhrase {
            start: k,
            end: k + 1,
            kind: SourceType::Unknown,
            name: None,
            pronoun: false,
        };
        let mut d = self.draft(
            text,
            s,
            si,
            content,
            cue,
            "ask",
            src.as_ref().unwrap_or(&placeholder),
            toks,
            date0,
        )?;
        if src.is_none() {
            d.src = None;
        }
        Some(d)
    }

    /// `In their view, …`, `In Mr. Allen’s view, …`, `In his opinion, …`: the possessor is the
    /// source, the rest of the sentence the content.
    fn in_view(&self, cx: SentCtx<'_>, k: usize) -> Option<Draft> {
        let SentCtx {
            text,
            toks,
            si,
            s,
            end_tok,
            names,
            date0,
        } = cx;
        if !toks[k].text(text).eq_ignore_ascii_case("in") {
            return None;
        }
        let noun = (k + 2..(k + 8).min(end_tok)).find(|&j| {
            matches!(
                toks[j].text(text),
                "view" | "opinion" | "words" | "estimation" | "telling" | "judgment" | "eyes"
            )
        })?;
        if toks.get(noun + 1).map(|t| t.text(text)) != Some(",") || noun + 2 >= end_tok {
            return None;
        }
        let pw = toks[noun - 1].text(text);
        let src = if pw.ends_with("’s") || pw.ends_with("'s") {
            subject_before(text, toks, k + 1, noun, names)?
        } else {
            let kind = match pw {
                "his" | "her" | "my" => SourceType::Person,
                "their" | "our" => SourceType::Group,
                _ => return None,
            };
            if noun != k + 2 {
                return None;
            }
            SourcePhrase {
                start: noun - 1,
                end: noun,
                kind,
                name: None,
                pronoun: true,
            }
        };
        let c = noun + 2;
        let in_q = |_: usize| false;
        let stop = content_stop(text, toks, c, end_tok, &in_q, &self.lexicon);
        if stop <= c {
            return None;
        }
        let content = toks[c].start..toks[stop - 1].end;
        let cue = toks[k].start..toks[noun].end;
        self.draft(text, s, si, content, cue, "view", &src, toks, date0)
    }

    /// `In a CNN national poll, Clinton held a 24-point lead …`: a fronted `in` phrase naming a
    /// poll, survey, study or report is the source, `in` the cue, the clause after its comma the
    /// content (PolNeAR train has 66 such attributions). A clause with a cue of its own (`In a
    /// report, the agency said …`) is left to that cue.
    fn in_poll(&self, cx: SentCtx<'_>, k: usize) -> Option<Draft> {
        let SentCtx {
            text,
            toks,
            si,
            s,
            end_tok,
            names,
            date0,
        } = cx;
        if toks[k].text(text) != "In"
            || (k != s.toks.start
                && !(k == s.toks.start + 1 && matches!(toks[k - 1].text(text), "But" | "And")))
        {
            return None;
        }
        let comma = (k + 2..(k + 14).min(end_tok)).find(|&j| toks[j].text(text) == ",")?;
        let poll = (k + 1..comma).any(|j| {
            matches!(
                toks[j].text(text).to_ascii_lowercase().as_str(),
                "poll"
                    | "polls"
                    | "survey"
                    | "surveys"
                    | "study"
                    | "studies"
                    | "report"
                    | "analysis"
            )
        });
        if !poll || comma + 3 >= end_tok {
            return None;
        }
        // `In a Monmouth poll, conducted March 11-13, 40 percent …`
        let mut c = comma + 1;
        if toks[c].text(text).ends_with("ed") {
            if let Some(j) = (c + 1..(c + 10).min(end_tok)).find(|&j| toks[j].text(text) == ",") {
                c = j + 1;
            }
        }
        let in_q = |_: usize| false;
        let stop = content_stop(text, toks, c, end_tok, &in_q, &self.lexicon);
        if stop <= c + 2
            || (c..end_tok).any(|j| self.cue_at(text, toks, j).is_some_and(|(cw, _)| !cw.object))
        {
            return None;
        }
        let src = crate::source::typed(text, toks, k + 1, comma, names).unwrap_or(SourcePhrase {
            start: k + 1,
            end: comma,
            kind: SourceType::Unknown,
            name: None,
            pronoun: false,
        });
        let content = toks[c].start..toks[stop - 1].end;
        let cue = toks[k].start..toks[k].end;
        self.draft(text, s, si, content, cue, "in", &src, toks, date0)
    }

    /// Raising verbs, whose content is split around the cue and has no source (PolNeAR draws
    /// `[Kasich] appears [to have the state all to himself]`): `X seems/appears to …`,
    /// `X seemed unperturbed`, `X is expected to …`, `It seems (that) …`. The content runs
    /// from the subject to the end of the clause.
    fn raising(
        &self,
        cx: SentCtx<'_>,
        k: usize,
        in_quote: &dyn Fn(usize) -> bool,
    ) -> Option<Draft> {
        let SentCtx {
            text,
            toks,
            si,
            s,
            end_tok,
            names,
            date0,
        } = cx;
        let lo = s.toks.start;
        let w = toks[k].text(text);
        let next = toks.get(k + 1).map_or("", |t| t.text(text));
        let seem = matches!(
            w,
            "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
        );
        // `Trump reportedly told aides …`: like a raising verb, the clause around it is the
        // content and there is no source.
        let reportedly = w == "reportedly"
            && toks
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized(text));
        let seem = seem || reportedly;
        let expected = w == "expected"
            && k > lo
            && matches!(
                toks[k - 1].text(text),
                "is" | "are" | "was" | "were" | "be" | "been" | "’s" | "'s"
            )
            && next == "to";
        if !(seem || expected) || k + 2 >= end_tok {
            return None;
        }
        let cue_start = if expected { k - 1 } else { k };
        let cue = toks[cue_start].start..toks[k].end;
        let it = cue_start > lo && toks[cue_start - 1].text(text).eq_ignore_ascii_case("it");
        let (c, content_start) = if it && seem {
            // `It seems (that) …`: the clause after the cue.
            let c = k + 1;
            if !(next == "that" || clause_start(text, toks, c)) {
                return None;
            }
            (c, c)
        } else {
            let adjective = seem
                && toks[k + 1].kind == TokenKind::Word
                && !has(BREAK, next)
                && !is_preposition(next)
                && self.lexicon.get(next).is_none();
            if next != "to" && !adjective && !reportedly {
                return None;
            }
            // `Mr. Cruz seemed to mock …`, `She appeared to imply that …`: a cue verb after
            // `to` makes the whole a cue whose subject is the source (PolNeAR draws it so;
            // `appeared to have the most to gain` stays a raising verb).
            if seem && !reportedly && next == "to" && k + 3 < end_tok {
                if let Some((cw, n)) = self.cue_at(text, toks, k + 2).filter(|(cw, _)| {
                    cw.form == CueForm::Base && !matches!(cw.lemma, "be" | "have")
                }) {
                    let src = subject_before(text, toks, lo, cue_start, names)?;
                    let c = k + 2 + n;
                    if c >= end_tok || in_quote(c) {
                        return None;
                    }
                    let stop = content_stop(text, toks, c, end_tok, in_quote, &self.lexicon);
                    if stop <= c {
                        return None;
                    }
                    let cue = toks[cue_start].start..toks[k + 1 + n].end;
                    let content = toks[c].start..toks[stop - 1].end;
                    return self.draft(text, s, si, content, cue, cw.lemma, &src, toks, date0);
                }
            }
            // The subject: a phrase right before the cue, else the sentence start.
            let subj = match subject_before(text, toks, lo, cue_start, names) {
                Some(p) => p.start,
                None => {
                    // back over the noun phrase to a conjunction or comma (`But while [this
                    // informational nihilism] appears …`)
                    let mut j = cue_start;
                    while j > lo
                        && toks[j - 1].kind == TokenKind::Word
                        && !matches!(
                            toks[j - 1].text(text).to_ascii_lowercase().as_str(),
                            "but"
                                | "while"
                                | "and"
                                | "as"
                                | "if"
                                | "because"
                                | "although"
                                | "though"
                                | "when"
                                | "since"
                                | "that"
                                | "so"
                                | "yet"
                                | "or"
                        )
                    {
                        j -= 1;
                    }
                    if j == cue_start
                        || cue_start - j > 8
                        || (j..cue_start).all(|b| {
                            let w = toks[b].text(text);
                            has(crate::words::SKIPPABLE, w)
                                || w.ends_with("n’t")
                                || w.ends_with("n't")
                        })
                    {
                        return None;
                    }
                    j
                }
            };
            if cue_start <= subj || (subj..cue_start).any(in_quote) {
                return None;
            }
            (k + 1, subj)
        };
        if in_quote(c) {
            return None;
        }
        let mut stop = content_stop(text, toks, c, end_tok, in_quote, &self.lexicon);
        // The raised clause ends at the first comma or dash (`to be heavily used by ISIS - so
        // much so …`).
        if let Some(j) = (c + 1..stop).find(|&j| {
            matches!(toks[j].text(text), "," | ";" | "—" | "–" | "-" | ":") && !in_quote(j)
        }) {
            stop = j;
        }
        if stop <= c {
            return None;
        }
        let content = toks[content_start].start..toks[stop - 1].end;
        let src = SourcePhrase {
            start: cue_start,
            end: k + 1,
            kind: SourceType::Unknown,
            name: None,
            pronoun: false,
        };
        let mut d = self.draft(text, s, si, content, cue, "seem", &src, toks, date0)?;
        d.src = None;
        Some(d)
    }

    fn nominal(&self, cx: SentCtx<'_>, k: usize) -> Option<Draft> {
        let SentCtx {
            text,
            toks,
            si,
            s,
            end_tok,
            names,
            date0,
        } = cx;
        let lo = s.toks.start;
        if k == lo {
            return None;
        }
        // the possessor is the source: `Trump’s insistence that …`, `his plan to …`
        let poss = &toks[k - 1];
        let pw = poss.text(text);
        let src = if pw.ends_with("’s") || pw.ends_with("'s") {
            subject_before(text, toks, lo, k, names)?
        } else {
            let kind = match pw.to_ascii_lowercase().as_str() {
                "his" | "her" | "my" => SourceType::Person,
                "their" | "our" => SourceType::Group,
                _ => return None,
            };
            SourcePhrase {
                start: k - 1,
                end: k,
                kind,
                name: None,
                pronoun: true,
            }
        };
        // PolNeAR keeps `that` and `to` in the content.
        let start = k + 1;
        let end = (start..end_tok)
            .find(|&j| toks[j].text(text) == ",")
            .unwrap_or(end_tok);
        if end <= start {
            return None;
        }
        let content = toks[start].start..toks[end - 1].end;
        self.draft(
            text,
            s,
            si,
            content,
            toks[k].start..toks[k].end,
            "insist",
            &src,
            toks,
            date0,
        )
    }

    fn verbal(
        &self,
        cx: SentCtx<'_>,
        k: usize,
        n: usize,
        cw: CueWord,
        in_quote: &dyn Fn(usize) -> bool,
    ) -> Option<Draft> {
        let SentCtx {
            text,
            toks,
            si,
            s,
            end_tok,
            names,
            date0,
        } = cx;
        let lo = s.toks.start;
        let cue = toks[k].start..toks[k + n - 1].end;
        let after = k + n;
        let prev = if k > lo { toks[k - 1].text(text) } else { "" };
        // An adjective (`the number of reported cases`), or `continues to lead`.
        if matches!(
            prev,
            "of" | "the" | "a" | "an" | "their" | "his" | "her" | "its"
        ) || (cw.lemma == "continue" && toks.get(after).is_some_and(|t| t.text(text) == "to"))
        {
            return None;
        }
        // A plural noun (`in 30 states`, `the attacks on`, `his remarks.`) is not a
        // third-person verb: look at the words around it.
        // Also the first word of a phrasal cue (`Some advocates for stem cell research say`).
        if cw.form == CueForm::Finite && cw.lemma != "say" {
            let w = toks[k].text(text);
            let verb = cw.lemma.split(' ').next().unwrap_or(cw.lemma);
            let next = toks.get(after).map_or(".", |t| t.text(text));
            if w.len() > verb.len()
                && w.ends_with('s')
                && !w.ends_with("ed")
                && (matches!(
                    prev.to_ascii_lowercase().as_str(),
                    "other"
                        | "many"
                        | "several"
                        | "all"
                        | "some"
                        | "both"
                        | "these"
                        | "those"
                        | "two"
                        | "three"
                        | "few"
                        | "more"
                        | "new"
                        | "recent"
                        | "such"
                        | "any"
                        | "no"
                        | "personal"
                        | "swing"
                        | "public"
                        | "my"
                        | "our"
                        | "your"
                ) || prev.bytes().all(|b| b.is_ascii_digit())
                    || n == 1
                        && matches!(
                            next,
                            "." | ","
                                | ";"
                                | ":"
                                | "and"
                                | "or"
                                | "of"
                                | "on"
                                | "in"
                                | "for"
                                | "with"
                                | "where"
                                | "from"
                                | "against"
                                | "by"
                                | "at"
                                | "?"
                                | ")"
                        ))
            {
                return None;
            }
        }
        // A passive (`reported by CNN`) is not a credit of the phrase before it.
        if toks.get(after).is_some_and(|t| t.text(text) == "by") {
            return None;
        }
        // `sees Trump as a threat`, `saw that Obama could win`; not `saw the film`.
        if matches!(cw.lemma, "see" | "view" | "regard") {
            let as_clause = toks.get(after).is_some_and(|t| t.text(text) == "that")
                || (after..(after + 8).min(end_tok))
                    .take_while(|&j| toks[j].kind == TokenKind::Word)
                    .any(|j| toks[j].text(text) == "as");
            if !as_clause || matches!(prev, "is" | "was" | "are" | "were" | "be" | "been") {
                return None;
            }
        }
        // Naming (`called Palin a “clown”`), not a passive (`was called`) or a phone call.
        if matches!(cw.lemma, "call" | "label" | "brand" | "dub")
            && (matches!(
                prev,
                "is" | "was" | "are" | "were" | "be" | "been" | "being" | "so" | "-"
            ) || toks.get(after).is_none_or(|t| {
                matches!(
                    t.text(text),
                    "to" | "in" | "off" | "up" | "back" | "out" | "into" | "a" | "an" | "." | ","
                )
            }))
        {
            return None;
        }
        // A progressive (`is pledging to`, `has been criticizing`) is a finite verb whose
        // subject is before the auxiliary.
        let mut cw = cw;
        let mut subj_at = k;
        if cw.form == CueForm::Participle {
            let mut j = k;
            while j > lo && has(crate::words::SKIPPABLE, toks[j - 1].text(text)) {
                j -= 1;
            }
            if j > lo && is_be(toks[j - 1].text(text)) {
                cw.form = CueForm::Finite;
                subj_at = j - 1;
            }
        }
        // An adverbial participle clause: `Despite challenging the leader, Cruz said …` — the
        // content runs to the clause's comma and the speaker is the main clause's subject.
        if cw.form == CueForm::Participle && k > lo {
            let prev = toks[k - 1].text(text).to_ascii_lowercase();
            if matches!(
                prev.as_str(),
                "despite" | "after" | "before" | "while" | "by" | "since" | "upon" | "without"
            ) {
                let comma =
                    (after..end_tok).find(|&j| toks[j].text(text) == "," && !in_quote(j))?;
                let src = leading_subject(text, toks, comma + 1, end_tok, names)?;
                let mut c = after;
                while c < comma && matches!(toks[c].text(text), "," | ":") {
                    c += 1;
                }
                if c >= comma || in_quote(c) {
                    return None;
                }
                let content = toks[c].start..toks[comma - 1].end;
                return self.draft(text, s, si, content, cue, cw.lemma, &src, toks, date0);
            }
        }
        // Participle: "…, saying (that) …"
        if cw.form == CueForm::Participle {
            let prev = if k > lo { toks[k - 1].text(text) } else { "" };
            let src = if k > lo
                && toks[k - 1].kind == TokenKind::Word
                && toks[k - 1].is_capitalized(text)
            {
                crate::source::name_before(text, toks, lo, k, names)
            } else if matches!(prev, "," | "”" | "\"" | "’") || k == lo {
                // `“…,” Ramos said, referring to …`: the credit's speaker.
                let credit = (prev == ",")
                    .then(|| {
                        (k.saturating_sub(7).max(lo)..k - 1)
                            .rev()
                            .find(|&j| {
                                self.cue_at(text, toks, j).is_some_and(|(c, _)| {
                                    c.form == CueForm::Finite && !c.weak && !c.object
                                })
                            })
                            .and_then(|j| {
                                subject_before(text, toks, lo, j, names)
                                    .or_else(|| phrase_after(text, toks, j + 1, k - 1, names))
                            })
                    })
                    .flatten();
                credit.or_else(|| sentence_start_subject(text, toks, lo, k, names, &self.lexicon))
            } else {
                None
            }?;
            let mut c = after;
            while c < end_tok && matches!(toks[c].text(text), "," | ":") {
                c += 1;
            }
            if c >= end_tok || in_quote(c) {
                return None;
            }
            let mut stop = content_stop(text, toks, c, end_tok, in_quote, &self.lexicon);
            if cw.object {
                stop = object_end(text, toks, c, stop, in_quote);
            }
            let content = toks[c].start..toks[stop - 1].end;
            return self.draft(text, s, si, content, cue, cw.lemma, &src, toks, date0);
        }
        // What follows the cue (minus a date phrase) decides pre- vs post-posed.
        let mut rest = after;
        if rest < end_tok && toks[rest].text(text) == "on" {
            if let Some(f) = dates::parse_at(
                &text[toks[rest].end..toks[end_tok.max(rest + 1) - 1].end],
                date0,
            ) {
                let date_end = toks[rest].end + f.end;
                while rest < end_tok && toks[rest].start < date_end {
                    rest += 1;
                }
            }
        }
        // `…, Israeli officials said Wednesday.`, `…, Hollande said Tuesday in Paris, noting …`
        let rest = skip_time(text, toks, rest, end_tok);
        let rest = match skip_place(text, toks, rest, end_tok) {
            p if p > rest => skip_time(text, toks, p, end_tok),
            _ => rest,
        };
        // Inverted credit: `But that is not good enough, said Howard Rubel, a senior analyst.`
        if k > lo
            && toks[k - 1].text(text) == ","
            && cw.form == CueForm::Finite
            && !cw.weak
            && !cw.object
            && !(lo..k).any(in_quote)
            && has_words(&text[toks[lo].start..toks[k - 1].start], 3)
        {
            let subject = subject_before(text, toks, lo, k, names);
            let rest = skip_time(text, toks, after, end_tok);
            if let Some(src) = phrase_after(text, toks, rest, end_tok, names).filter(|p| {
                // `…, the race will be tight, said Dan Gerstein, director of …`: a named person
                // after the cue is the speaker even where a phrase before it looks like a
                // subject
                subject.is_none() || p.kind == SourceType::Person && p.name.is_some() && !p.pronoun
            }) {
                let src = crate::source::with_appositive(text, toks, src, end_tok);
                // the credit ends the sentence (`…, said X, a senior analyst.`); `X, Democrat
                // of California, said the program has …` is a subject with an appositive
                let ends = src.end >= end_tok.saturating_sub(1)
                    || toks
                        .get(src.end)
                        .is_some_and(|t| matches!(t.text(text), "," | ";"));
                if ends && (!src.pronoun || src.end >= end_tok.saturating_sub(1)) {
                    let content = toks[lo].start..toks[k - 1].start;
                    return self.draft(text, s, si, content, cue, cw.lemma, &src, toks, date0);
                }
            }
        }
        // `…, a Cairo airport official told The New York Times.`: a short addressee only.
        let addressee_only = cw.takes_object
            && rest < end_tok
            && end_tok - rest <= 7
            && (rest..end_tok).all(|j| {
                let t = &toks[j];
                let w = t.text(text);
                t.is_capitalized(text)
                    || is_time_word(w)
                    || crate::words::abbrev_dot(text, toks, j)
                    || matches!(
                        w,
                        "the"
                            | "a"
                            | "reporters"
                            | "journalists"
                            | "supporters"
                            | "voters"
                            | "crowd"
                            | "audience"
                            | "me"
                            | "us"
                            | "him"
                            | "her"
                            | "them"
                            | "on"
                            | "this"
                            | "last"
                            | "in"
                            | "an"
                            | "interview"
                    )
            });
        let post_posed = rest >= end_tok || addressee_only;
        if post_posed {
            let src = subject_before(text, toks, lo, k, names)?;
            if src.start <= lo || toks[src.start - 1].text(text) != "," {
                return None;
            }
            if (lo..src.start).any(in_quote) {
                return None; // a quote credit, handled with the quote
            }
            // `While Mr. Ryan wrote that …, others disagreed`: a fronted subordinate clause
            // alone is not what the main clause's cue reports.
            if crate::words::is_subordinator(toks[lo].text(text))
                && !(lo + 1..src.start - 1).any(|j| toks[j].text(text) == ",")
            {
                return None;
            }
            let content = toks[lo].start..toks[src.start - 1].start;
            return self.draft(text, s, si, content, cue, cw.lemma, &src, toks, date0);
        }
        // Medial credit: `Ryan and Trump will meet next week, Spicer said, adding …` (the
        // content is before it) or `Putting the show together, Butz said, allowed him …` (the
        // content runs around it).
        if toks[rest].text(text) == "," && cw.form == CueForm::Finite && !cw.object {
            if let Some(src) = subject_before(text, toks, lo, k, names) {
                let before_ok = src.start > lo
                    && toks[src.start - 1].text(text) == ","
                    && !(lo..src.start).any(in_quote)
                    && has_words(&text[toks[lo].start..toks[src.start - 1].start], 3);
                if before_ok {
                    let next = toks.get(rest + 1).map_or("", |t| t.text(text));
                    let only_before = rest + 1 >= end_tok
                        || matches!(next, "and" | "but" | "while" | "although" | "though")
                        || (next.ends_with("ing") && next.bytes().all(|b| b.is_ascii_lowercase()))
                        || self
                            .cue_at(text, toks, rest + 1)
                            .is_some_and(|(c, _)| c.form == CueForm::Participle)
                        || in_quote(rest + 1);
                    let content = if only_before {
                        toks[lo].start..toks[src.start - 1].start
                    } else {
                        toks[lo].start..toks[end_tok - 1].end
                    };
                    return self.draft(text, s, si, content, cue, cw.lemma, &src, toks, date0);
                }
            }
        }
        // Pre-posed: "X said (that) …"
        let prev_w = if k > lo { toks[k - 1].text(text) } else { "" };
        if cw.form == CueForm::Base
            && !matches!(prev_w, "they" | "They" | "we" | "We" | "I" | "you" | "You")
            && !is_modal(prev_w)
        {
            // base forms only after plural pronouns ("they believe that") or modals
            if k == lo || crate::words::pronoun(prev_w).is_none() {
                let src = subject_before(text, toks, lo, k, names);
                // a group, or a plural head (`Clinton strategists think`, `aides say`)
                let plural = |p: &SourcePhrase| {
                    let h = toks[p.end - 1].text(text);
                    p.kind == SourceType::Group
                        || (h.len() >= 4
                            && h.ends_with('s')
                            && !h.ends_with("ss")
                            && !h.ends_with("’s")
                            && !h.ends_with("'s"))
                        || matches!(h, "percent" | "majority" | "people" | "half" | "most")
                };
                if !src.as_ref().is_some_and(plural) {
                    return None;
                }
            }
        }
        let src = match subject_before(text, toks, lo, subj_at, names) {
            Some(s) => s,
            None if subj_at < k => {
                sentence_start_subject(text, toks, lo, subj_at, names, &self.lexicon)?
            }
            // `Sexton was quick to point out that …`, `held a briefing to brag that …`: the
            // sentence's subject, when no comma intervenes.
            None if prev_w == "to"
                && !cw.weak
                && !(lo..k).any(|j| matches!(toks[j].text(text), "," | ";" | ":")) =>
            {
                sentence_start_subject(text, toks, lo, k, names, &self.lexicon)
                    .filter(|p| !matches!(toks[p.start].text(text), "It" | "it" | "There"))?
            }
            None => {
                // "X did A and said B": the subject of the sentence.
                let mut j = k;
                while j > lo && has(crate::words::SKIPPABLE, toks[j - 1].text(text)) {
                    j -= 1;
                }
                if j > lo && matches!(toks[j - 1].text(text), "and" | "but") {
                    conjoined_subject(text, toks, lo, k, names, &self.lexicon)?
                } else if cw.form == CueForm::Finite
                    && !cw.weak
                    && !cw.object
                    && j > lo
                    && j - lo <= 12
                    && toks[lo].is_capitalized(text)
                    && (lo..j).all(|i| toks[i].kind == TokenKind::Word)
                    && !(lo..j).any(|i| {
                        matches!(toks[i].text(text), "If" | "When" | "As" | "After" | "While")
                    })
                {
                    // `Experts on North Korea and nuclear nonproliferation said …`: the whole
                    // phrase the sentence opens with.
                    whole_np(text, toks, lo, j, names)?
                } else {
                    return None;
                }
            }
        };
        let mut c = after;
        let mut saw_that = false;
        if cw.takes_object {
            // "told reporters (that)", "warned the West (that)"
            // "asked Sanders how …", "accusing them of …", "told members of the council that"
            let limit = (c + 10).min(end_tok);
            let wh = |w: &str| {
                matches!(
                    w,
                    "if" | "whether"
                        | "how"
                        | "what"
                        | "why"
                        | "when"
                        | "which"
                        | "who"
                        | "whom"
                        | "where"
                )
            };
            if let Some(t) = (c..limit)
                .find(|&j| {
                    let w = toks[j].text(text);
                    matches!(w, "that" | "to")
                        || (j > c
                            && matches!(w, "he" | "she" | "they" | "we" | "I" | "it" | "there"))
                        || (cw.lemma == "ask" && (wh(w) || w == "about"))
                        || (cw.lemma == "accuse" && w == "of")
                        || matches!(w, "," | ";" | "“" | "\"")
                })
                // not past another speaker's cue: `asked for a photo and Clinton said she …`
                .filter(|&t| {
                    !(c..t).any(|j| {
                        self.lexicon
                            .get(toks[j].text(text))
                            .is_some_and(|w| w.form == CueForm::Finite && !w.weak)
                    })
                })
            {
                let w = toks[t].text(text);
                saw_that = w == "that";
                // PolNeAR keeps `to` and `about` in the content (`urged Congress [to act]`).
                c = if w == "of" { t + 1 } else { t };
            } else if c < end_tok
                && matches!(
                    toks[c].text(text),
                    "reporters" | "journalists" | "me" | "us" | "him" | "her" | "them" | "voters"
                )
            {
                c += 1;
            }
        }
        while c < end_tok && toks[c].text(text) == "," {
            c += 1;
        }
        if c < end_tok && toks[c].text(text) == "that" {
            saw_that = true;
        }
        if c >= end_tok || matches!(toks[c].text(text), ":" | "“" | "\"" | "‘") || in_quote(c) {
            return None; // a quote follows: handled by the quote pass
        }
        // "said on Friday he met …", "said Tuesday that …": skip the time phrase.
        c = skip_time(text, toks, c, end_tok);
        if c < end_tok && toks[c].text(text) == "that" {
            saw_that = true;
        }
        if c >= end_tok || in_quote(c) {
            return None;
        }
        // "said in a statement (that) …": skip to the complement.
        // `pledged to take …`, `threatened to sue`: an infinitive is the content.
        let infinitive = toks[c].text(text) == "to"
            && matches!(
                cw.lemma,
                "pledge"
                    | "vow"
                    | "promise"
                    | "threaten"
                    | "swear"
                    | "demand"
                    | "propose"
                    | "agree"
                    | "decide"
                    | "hope"
                    | "expect"
                    | "predict"
                    | "plead"
            );
        // `asked Trump about statements he had made`: the question's topic is the content.
        let asked_about = cw.lemma == "ask" && toks[c].text(text) == "about";
        if !saw_that
            && !cw.object
            && !infinitive
            && !asked_about
            && is_preposition(toks[c].text(text))
        {
            let limit = (c + 10).min(end_tok);
            // No `that` or comma: the complement starts at the preposition's word (`said
            // about half of …`).
            let approx = toks[c].text(text) == "about"
                && toks.get(c + 1).is_some_and(|t| {
                    let w = t.text(text);
                    w.bytes().all(|b| b.is_ascii_digit()) || matches!(w, "half" | "a" | "one")
                });
            // `said Thursday during taping of a town hall in Buffalo, New York, that …`: a
            // `, that` further on closes the adjunct, past the commas inside it
            let comma_that = (c + 2..(c + 16).min(end_tok))
                .find(|&j| toks[j].text(text) == "that" && toks[j - 1].text(text) == ",");
            if let Some(j) = comma_that
                .or_else(|| (c + 1..limit).find(|&j| matches!(toks[j].text(text), "that" | ",")))
            {
                c = if toks[j].text(text) == "that" {
                    j
                } else {
                    j + 1
                };
                saw_that = toks[j].text(text) == "that";
                if c >= end_tok || in_quote(c) {
                    return None;
                }
            } else if !approx {
                return None;
            }
        }
        if cw.weak && !cw.object && !saw_that && !clause_start(text, toks, c) {
            return None;
        }
        // `O’Malley said at a press conference, according to the Sun`: a credit is no content
        if toks[c].text(text).eq_ignore_ascii_case("according")
            && toks.get(c + 1).is_some_and(|t| t.text(text) == "to")
        {
            return None;
        }
        let mut stop = content_stop(text, toks, c, end_tok, in_quote, &self.lexicon);
        if cw.object {
            stop = object_end(text, toks, c, stop, in_quote);
        } else if !saw_that && !clause_start(text, toks, c) {
            stop = conjunct_end(text, toks, c, stop, in_quote);
        }
        // `While Mr. Ryan wrote that the bill would pass, others disagreed.`: a cue in a fronted
        // subordinate clause reports only up to the comma that closes the clause.
        if src.start == lo + 1
            && (crate::words::is_subordinator(toks[lo].text(text)) || toks[lo].text(text) == "As")
        {
            if let Some(j) = (c + 1..stop).find(|&j| toks[j].text(text) == "," && !in_quote(j)) {
                stop = j;
            }
        }
        // `Trump, who said the wall would be built, visited Mexico`: in a relative clause set off
        // by commas, the content ends at the comma that closes it (a list's commas aside).
        if src.start > lo
            && toks[src.start - 1].text(text) == ","
            && matches!(toks[src.start].text(text), "who" | "which")
        {
            if let Some(j) = (c + 1..stop).find(|&j| {
                toks[j].text(text) == ","
                    && !in_quote(j)
                    && toks.get(j + 1).is_some_and(|t| {
                        let w = t.text(text);
                        // the main clause's verb: `visited`, `voted`, `spoke`, `is`, `will`
                        w.starts_with(|c: char| c.is_ascii_lowercase())
                            && (w.ends_with("ed")
                                || w.ends_with('s') && !w.ends_with("ss")
                                || crate::words::is_auxiliary(w)
                                || matches!(w, "spoke" | "won" | "told" | "went" | "made" | "took"))
                    })
            }) {
                stop = j;
            }
        }
        if stop <= c {
            return None;
        }
        let content = toks[c].start..toks[stop - 1].end;
        self.draft(text, s, si, content, cue, cw.lemma, &src, toks, date0)
    }
}

/// The whole noun phrase `toks[a..b]` as a source (`according to a count by The Associated
/// Press`): typed and named from its head when possible, else of unknown type.
fn whole_np(text: &str, toks: &[Token], a: usize, b: usize, names: &Names) -> Option<SourcePhrase> {
    if a >= b || b - a > 30 {
        return None;
    }
    let mut p = phrase_after(text, toks, a, b, names).unwrap_or(SourcePhrase {
        start: a,
        end: b,
        kind: SourceType::Unknown,
        name: None,
        pronoun: false,
    });
    if !p.pronoun {
        p.start = a;
        p.end = b;
    }
    Some(p)
}

/// Words after a medial `…, according to X,` that start a clause of their own, so the content
/// is the part before the credit (`…, according to a CNN tally, but his pathway …`).
const CLAUSE_OPENERS: &[&str] = &[
    "and",
    "but",
    "or",
    "nor",
    "yet",
    "so",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "whereas",
    "though",
    "although",
    "even",
    "as",
    "because",
    "since",
    "after",
    "before",
    "including",
    "compared",
    "with",
    "up",
    "down",
    "from",
    "in",
    "on",
    "at",
    "for",
    "by",
    "to",
    "than",
    "not",
    "making",
    "leaving",
    "giving",
    "bringing",
];

/// Words that open headlines without naming a speaker (`The Latest: …`, `Live: …`).
const HEADLINE_LABELS: &[&str] = &[
    "The",
    "Latest",
    "Live",
    "Update",
    "Updates",
    "Exclusive",
    "Breaking",
    "Watch",
    "Video",
    "Analysis",
    "Daily",
    "Opinion",
    "Editorial",
    "Review",
    "Podcast",
    "Photos",
    "Q&A",
    "Fact",
    "Check",
    "Election",
    "Campaign",
    "Debate",
    "Transcript",
    "Timeline",
    "Recap",
    "Delegate",
    "Count",
    "Results",
];

/// `Speaker: content` in the title line: a short capitalised phrase (not a label such as
/// `The Latest`, not all capitals) before a colon credits what follows.
fn headline(
    text: &str,
    toks: &[Token],
    sents: &[Sent],
    title: &Range,
    names: &Names,
    date0: Option<Date>,
) -> Option<Draft> {
    let si = sents
        .iter()
        .position(|s| s.range.start >= title.start && s.range.start < title.end)?;
    let s = &sents[si];
    let st = s.toks.clone();
    let colon = st.clone().take(7).find(|&j| toks[j].text(text) == ":")?;
    if colon == st.start || colon + 3 > st.end {
        return None;
    }
    let left = &toks[st.start..colon];
    let all_caps = left
        .iter()
        .all(|t| t.text(text).chars().all(|c| !c.is_lowercase()));
    if all_caps
        || left.iter().any(|t| {
            t.kind == TokenKind::Punct && !matches!(t.text(text), "." | "-" | "’" | "'")
                || HEADLINE_LABELS.contains(&t.text(text))
        })
        || !left[0].is_capitalized(text)
    {
        return None;
    }
    let mut end = s.toks.end;
    while end > colon + 1 && toks[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    if !has_words(&text[toks[colon + 1].start..toks[end - 1].end], 3) {
        return None;
    }
    // The part before the colon must look like a speaker, not a topic (`Iran and negotiations:
    // Poison or Cure?`): no lower-case word but a few function words (`Former AG Mukasey at
    // RNC`), typed as a person, outlet or group, and a lone word must be a surname the article
    // uses for a person (`Mukasey:`), not a place (`Iran:`).
    if left.iter().any(|t| {
        t.kind == TokenKind::Word
            && !t.is_capitalized(text)
            && !matches!(
                t.text(text),
                "at" | "of" | "for" | "in" | "on" | "and" | "the" | "from" | "to" | "with"
            )
    }) {
        return None;
    }
    let titled = left.iter().any(|t| {
        let w = t.text(text);
        crate::words::listed(crate::words::TITLES, w)
            || has(crate::words::ROLE_HEADS, w)
            || names.is_known_surname(w)
    });
    let src = crate::source::typed(text, toks, st.start, colon, names)
        .filter(|p| p.kind != SourceType::Unknown || titled)?;
    let words: Vec<&Token> = left.iter().filter(|t| t.kind == TokenKind::Word).collect();
    if words.len() == 1
        && src.kind == SourceType::Person
        && !names.is_known_surname(words[0].text(text))
        && !names.is_known_first_name(words[0].text(text))
    {
        return None;
    }
    Some(Draft {
        kind: StatementKind::Indirect,
        content: toks[colon + 1].start..toks[end - 1].end,
        cue: Some(toks[colon].start..toks[colon].end),
        src: Some(toks[st.start].start..toks[colon - 1].end),
        src_kind: src.kind,
        name: src.name,
        pronoun: false,
        outlet: None,
        date: date0,
        context: s.range.clone(),
        para: s.para,
        sent: si,
        cue_lemma: "headline",
    })
}

/// Labels that open a paragraph with a colon without naming a speaker.
const PARAGRAPH_LABELS: &[&str] = &[
    "Note",
    "Related",
    "Read",
    "More",
    "See",
    "Correction",
    "Source",
    "Sources",
    "Photo",
    "Credit",
    "Editor",
    "Editor’s",
    "Editor's",
    "Contact",
    "Follow",
    "Email",
    "Tags",
    "Topics",
    "Posted",
    "Updated",
    "Published",
    "UPDATE",
    "WATCH",
    "RELATED",
    "READ",
    "Reporting",
    "Writing",
    "Editing",
    "Click",
    "Here",
    "Also",
    "Plus",
    "Meanwhile",
    "Bottom",
    "Line",
    "Why",
    "What",
    "How",
    "When",
    "Where",
    "Who",
];

/// `SPEAKER: words …` at the start of a body paragraph (transcripts, interviews): one to four
/// capitalised words before the colon credit the rest of the paragraph.
fn speaker_label(
    text: &str,
    toks: &[Token],
    sents: &[Sent],
    si: usize,
    names: &Names,
    date0: Option<Date>,
) -> Option<Draft> {
    let s = &sents[si];
    let mut st = s.toks.clone();
    // A transcript inside a multi-paragraph quote opens each paragraph with a mark:
    // `"WALLACE: Let’s start …`.
    if st.len() > 1 && matches!(toks[st.start].text(text), "\"" | "“" | "‘" | "'") {
        st.start += 1;
    }
    let colon = st.clone().take(5).find(|&j| toks[j].text(text) == ":")?;
    if colon == st.start {
        return None;
    }
    let left = &toks[st.start..colon];
    let names_only = left.iter().all(|t| {
        t.kind == TokenKind::Word
            && t.is_capitalized(text)
            && !HEADLINE_LABELS.contains(&t.text(text))
            && !PARAGRAPH_LABELS.contains(&t.text(text))
            && !t.text(text).bytes().any(|b| b.is_ascii_digit())
    });
    let interview = left.len() == 1 && matches!(left[0].text(text), "Q" | "A");
    if !(names_only || interview) {
        return None;
    }
    let (last, end) = paragraph_end(toks, sents, si, colon + 1);
    if end <= colon + 1 || !has_words(&text[toks[colon + 1].start..toks[end - 1].end], 3) {
        return None;
    }
    // `Iowa insiders: Tim Albrecht, Brad Anderson, Rob Barron, …` is a list of names, not a turn
    if is_name_list(text, &toks[colon + 1..end]) {
        return None;
    }
    let src = crate::source::typed(text, toks, st.start, colon, names).unwrap_or(SourcePhrase {
        start: st.start,
        end: colon,
        kind: SourceType::Unknown,
        name: Some(text[toks[st.start].start..toks[colon - 1].end].to_string()),
        pronoun: false,
    });
    Some(Draft {
        kind: StatementKind::Indirect,
        content: toks[colon + 1].start..toks[end - 1].end,
        cue: Some(toks[colon].start..toks[colon].end),
        src: Some(toks[st.start].start..toks[colon - 1].end),
        src_kind: src.kind,
        name: src.name,
        pronoun: false,
        outlet: None,
        date: date0,
        context: s.range.start..sents[last].range.end,
        para: s.para,
        sent: si,
        cue_lemma: "label",
    })
}

/// A comma-separated run of capitalised names (four commas or more, nearly every word
/// capitalised): a roster, not something said.
fn is_name_list(text: &str, toks: &[Token]) -> bool {
    let commas = toks.iter().filter(|t| t.text(text) == ",").count();
    let words: Vec<&Token> = toks.iter().filter(|t| t.kind == TokenKind::Word).collect();
    let caps = words.iter().filter(|t| t.is_capitalized(text)).count();
    commas >= 4 && caps * 10 >= words.len() * 8
}

/// The last sentence of the paragraph that sentence `si` opens, and the token end of that
/// paragraph without its final punctuation (not before token `from`).
fn paragraph_end(toks: &[Token], sents: &[Sent], si: usize, from: usize) -> (usize, usize) {
    let last = (si..sents.len())
        .take_while(|&j| sents[j].para == sents[si].para)
        .last()
        .unwrap_or(si);
    let mut end = sents[last].toks.end;
    while end > from && toks[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    (last, end)
}

/// The paragraph of sentence `si`, when it opens with a quotation mark and follows the
/// labelled turn `prev` (`"But the truth is …` after `"PENCE: …`): the same speaker goes on,
/// without a cue of its own.
fn turn_goes_on(
    text: &str,
    toks: &[Token],
    sents: &[Sent],
    si: usize,
    prev: Draft,
) -> Option<Draft> {
    let s = &sents[si];
    let st = s.toks.clone();
    if st.len() < 2 || !matches!(toks[st.start].text(text), "\"" | "“") {
        return None;
    }
    let (last, end) = paragraph_end(toks, sents, si, st.start + 1);
    if end <= st.start + 1 || !has_words(&text[toks[st.start + 1].start..toks[end - 1].end], 3) {
        return None;
    }
    Some(Draft {
        content: toks[st.start + 1].start..toks[end - 1].end,
        cue: None,
        context: s.range.start..sents[last].range.end,
        para: s.para,
        sent: si,
        ..prev
    })
}

/// Modal and auxiliary words after which a base-form cue is finite (`will say`, `didn’t deny`).
/// A form of `be` that makes a progressive with a following participle.
/// A tagged cue `toks[c0..c1]` (in the sentence starting at token `lo`) that is a passive (`was
/// asked`, `has been criticized`, `is widely regarded as`, `[When] asked`) or a raising verb
/// (`doesn't seem`): its subject is what is talked about, not who talks. A state of mind (`is
/// worried`, `are concerned`) is not a passive.
fn passive_cue(text: &str, toks: &[Token], lo: usize, c0: usize, c1: usize) -> bool {
    let participle = |v: &str| {
        (v.ends_with("ed")
            || matches!(
                v,
                "seen"
                    | "known"
                    | "shown"
                    | "told"
                    | "held"
                    | "given"
                    | "taken"
                    | "written"
                    | "thought"
                    | "said"
                    | "heard"
                    | "made"
                    | "meant"
            ))
            && !matches!(
                v,
                "worried"
                    | "concerned"
                    | "alarmed"
                    | "divided"
                    | "intrigued"
                    | "interested"
                    | "pleased"
                    | "disappointed"
                    | "convinced"
                    | "determined"
                    | "committed"
                    | "assured"
                    | "poised"
                    | "locked"
                    | "excited"
                    | "frustrated"
                    | "troubled"
                    | "surprised"
                    | "scared"
                    | "tired"
                    | "prepared"
                    | "opposed"
                    | "inclined"
                    | "satisfied"
                    | "dismayed"
                    | "angered"
                    | "incensed"
                    | "outraged"
            )
    };
    let w = |j: usize| toks[j].text(text);
    if (c0..c1).any(|j| matches!(w(j), "seem" | "seems" | "seemed")) {
        return true;
    }
    // `Asked about …, Perez said`, `When asked …`: a sentence-opening participle
    if w(c0).ends_with("ed")
        && toks[c0].is_capitalized(text)
        && (c0 == lo || c0 == lo + 1 && matches!(w(lo), "When" | "If" | "Once" | "As" | "Though"))
        || c0 == lo + 1 && w(lo) == "When" && w(c0).ends_with("ed")
    {
        return true;
    }
    // a form of `be`, adverbs or `not`, then a participle inside the cue
    for j in c0..c1 {
        if !participle(w(j)) {
            continue;
        }
        let mut i = j;
        while i > lo
            && i + 4 > j
            && (w(i - 1).ends_with("ly")
                || matches!(
                    w(i - 1),
                    "not" | "n't" | "never" | "also" | "still" | "already" | "long" | "often"
                ))
        {
            i -= 1;
        }
        if i > lo && (is_be(w(i - 1)) || w(i - 1) == "being") {
            return true;
        }
    }
    false
}

fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "been" | "be" | "’s" | "'s" | "’re" | "'re" | "am"
    )
}

fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "do"
            | "does"
            | "not"
            | "never"
            | "also"
            | "to"
    ) || w.ends_with("n’t")
        || w.ends_with("n't")
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "about"
            | "of"
            | "to"
            | "for"
            | "from"
            | "with"
            | "via"
            | "through"
            | "earlier"
            | "last"
            | "this"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "yesterday"
            | "today"
            | "Thursday’s"
    )
}

fn is_time_word(w: &str) -> bool {
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
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "Monday’s"
            | "recently"
            | "later"
            | "earlier"
            | "previously"
            | "again"
            | "also"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "Sunday’s"
    ) || rift_text::dates::month_number(w).is_some()
}

/// A short place adverbial closed by a comma or the sentence end (`in Paris`, `at the White
/// House`): the index after it, or `c` when there is none.
fn skip_place(text: &str, toks: &[Token], c: usize, end: usize) -> usize {
    if c >= end || !matches!(toks[c].text(text), "in" | "at") {
        return c;
    }
    let mut j = c + 1;
    if j < end && toks[j].text(text) == "the" {
        j += 1;
    }
    let first = j;
    while j < end
        && j < first + 4
        && toks[j].kind == TokenKind::Word
        && toks[j].is_capitalized(text)
    {
        j += 1;
    }
    if j > first && (j >= end || toks[j].text(text) == ",") {
        j
    } else {
        c
    }
}

/// Skips a time phrase at `c` (`on Friday`, `last week`, `Tuesday night`, `on Nov. 3`,
/// `earlier this month`); returns the first token after it (or `c`).
fn skip_time(text: &str, toks: &[Token], c: usize, end: usize) -> usize {
    let mut j = c;
    loop {
        let start = j;
        if j < end
            && matches!(
                toks[j].text(text),
                "on" | "last" | "this" | "earlier" | "late" | "early" | "next"
            )
        {
            j += 1;
        }
        let mut n = 0;
        while j < end
            && (is_time_word(toks[j].text(text))
                || (n > 0
                    && toks[j]
                        .text(text)
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.'))
                || (n > 0
                    && toks[j].text(text) == ","
                    && toks
                        .get(j + 1)
                        .is_some_and(|t| t.text(text).bytes().all(|b| b.is_ascii_digit()))))
        {
            j += 1;
            n += 1;
        }
        if n == 0 {
            return start;
        }
        if j >= end || j == start {
            return j;
        }
    }
}

/// A token that can start a complement clause without `that` (`believes the plan …`).
fn clause_start(text: &str, toks: &[Token], c: usize) -> bool {
    let t = &toks[c];
    let w = t.text(text);
    // A bare noun phrase of one or two words and an auxiliary (`think women are likely …`).
    let aux = |j: usize| {
        toks.get(j).is_some_and(|t| {
            matches!(
                t.text(text),
                "is" | "are"
                    | "was"
                    | "were"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "should"
                    | "have"
                    | "has"
                    | "had"
                    | "must"
                    | "might"
                    | "may"
            )
        })
    };
    if t.kind == TokenKind::Word
        && !has(BREAK, w)
        && (aux(c + 1)
            || (toks.get(c + 1).is_some_and(|t| t.kind == TokenKind::Word) && aux(c + 2)))
    {
        return true;
    }
    if t.is_capitalized(text) {
        // A name starts a clause when a verb follows it (`believes Trump is …`), not in
        // `knows Mary well`.
        return (c + 1..(c + 5).min(toks.len()))
            .find(|&j| !toks[j].is_capitalized(text))
            .is_some_and(|j| {
                let n = toks[j].text(text);
                crate::words::is_auxiliary(n)
                    || (toks[j].kind == TokenKind::Word
                        && !has(BREAK, n)
                        && !n.ends_with("ly")
                        && !matches!(
                            n,
                            "well" | "very" | "much" | "better" | "best" | "personally"
                        ))
            });
    }
    w.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            w,
            "he" | "she"
                | "they"
                | "we"
                | "i"
                | "it"
                | "you"
                | "there"
                | "the"
                | "a"
                | "an"
                | "this"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "some"
                | "many"
                | "most"
                | "no"
                | "none"
                | "all"
                | "if"
                | "whether"
                | "what"
                | "how"
                | "why"
                | "who"
                | "when"
        )
}

fn clamp(r: Range, q: &Quote) -> Range {
    r.start.min(q.open.start)..r.end.max(q.end())
}

/// A comma inside a list (`youth, charisma and the potential to unify`, `in 2001, 2003 and
/// 2005`): short runs of words and commas up to an `and` / `or` and a word after it.
fn list_comma(text: &str, toks: &[Token], j: usize, stop: usize) -> bool {
    let mut run = 0;
    for t in toks.iter().take(stop.min(j + 14)).skip(j + 1) {
        match t.text(text) {
            "and" | "or" => return run > 0 && run <= 5,
            "," => run = 0,
            _ if t.kind == TokenKind::Word => {
                run += 1;
                if run > 5 {
                    return false;
                }
            }
            _ => return false,
        }
    }
    false
}

/// A comma before a name or place set off after a noun (`his wife, Sarah,`, `Flint, Michigan`):
/// one to four capitalised words up to the next comma or the end.
fn apposition_comma(text: &str, toks: &[Token], j: usize, stop: usize) -> bool {
    let mut n = 0;
    for t in toks.iter().take(stop).skip(j + 1) {
        if t.text(text) == "," {
            break;
        }
        if !(t.kind == TokenKind::Word && t.is_capitalized(text) || t.text(text) == ".") {
            return false;
        }
        n += 1;
    }
    (1..=4).contains(&n)
}

/// The end of an object cue's content `toks[c..stop]` (`criticized Clinton's email use, which
/// …`): at the first comma, semicolon or dash — unless the comma is inside a list
/// ([`list_comma`]) or sets off a name ([`apposition_comma`]) — and before a conjoined predicate
/// or clause (`calling him a "train wreck" and contrasted …`, `… and threatening …`, `… and he
/// didn't …`), which PolNeAR leaves out of what the cue's object is. A coordinated object
/// (`Clinton and her aides`) is kept.
fn object_end(
    text: &str,
    toks: &[Token],
    c: usize,
    stop: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> usize {
    let stop = (c + 1..stop)
        .find(|&j| match toks[j].text(text) {
            "," => !list_comma(text, toks, j, stop) && !apposition_comma(text, toks, j, stop),
            ";" | "—" | "–" => true,
            _ => false,
        })
        .unwrap_or(stop);
    conjunct_end(text, toks, c, stop, in_quote)
}

/// The end of a noun-phrase content `toks[c..stop]` before a conjoined predicate or clause.
fn conjunct_end(
    text: &str,
    toks: &[Token],
    c: usize,
    stop: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> usize {
    (c + 1..stop)
        .find(|&j| {
            matches!(toks[j].text(text), "and" | "but" | "while")
                && !in_quote(j)
                && toks.get(j + 1).is_some_and(|t| {
                    let w = t.text(text);
                    // `installing solar panels and giving states …`: a gerund or participle
                    // after one of the content's own is a list, not a new predicate.
                    let parallel = |suffix: &str| {
                        toks[c..j].iter().any(|p| {
                            let pw = p.text(text);
                            pw.len() > 4 && pw.ends_with(suffix)
                        })
                    };
                    t.kind == TokenKind::Word
                        && (w.len() > 4
                            && (w.ends_with("ed") && !parallel("ed")
                                || w.ends_with("ing") && !parallel("ing"))
                            || matches!(w, "he" | "she" | "they" | "we" | "I" | "it"))
                })
        })
        .unwrap_or(stop)
}

/// Content of reported speech runs to the sentence end, but stops before a clause that credits a
/// following quote (`…, he said: “…`).
fn content_stop(
    text: &str,
    toks: &[Token],
    c: usize,
    end_tok: usize,
    in_quote: &dyn Fn(usize) -> bool,
    lex: &Lexicon,
) -> usize {
    let mut stop = end_tok;
    // `… that she didn’t want to think about it and predicted that …`: a conjoined cue verb
    // starts an attribution of its own, as does a new clause after a comma, semicolon or dash
    // (`… 2,400 billionaires in the world, another says there are about 1,800`).
    if let Some(j) = (c + 2..end_tok.saturating_sub(2)).find(|&j| {
        matches!(
            toks[j].text(text),
            "and" | "but" | "while" | "whereas" | "although" | "though" | "," | ";" | "—" | "–"
        ) && !in_quote(j)
            && {
                // `and predicted that …`, `and they say …`, `and aides say …`, `and his
                // advisers say …`
                (j + 1..(j + 6).min(end_tok)).any(|v| {
                    let vw = toks[v].text(text);
                    // (`, though Mrs. Fiorina said …`: an abbreviation's dot is part of the name)
                    let between_ok = (j + 1..v).all(|b| {
                        toks[b].kind == TokenKind::Word && lex.get(toks[b].text(text)).is_none()
                            || crate::words::abbrev_dot(text, toks, b)
                    });
                    between_ok
                        && (v == j + 1
                            && lex.get(vw).is_some_and(|w| {
                                w.form == CueForm::Finite && !w.object && vw.ends_with("ed")
                            })
                            || v > j + 1
                                && lex.get(vw).is_some_and(|w| {
                                    w.form == CueForm::Finite && !w.object && !w.weak
                                })
                            || matches!(vw, "said" | "told" | "says" | "say" | "think" | "believe"))
                })
            }
    }) {
        stop = j;
    }
    // `…, but …`, `…, while …`, `…, compared with 64 percent …`, `…, up from …`: a contrast
    // or comparison the writer adds; `…, and he railed …`: what the speaker did next.
    if let Some(j) = (c + 2..stop).find(|&j| {
        toks[j - 1].text(text) == ","
            && !in_quote(j)
            && (matches!(toks[j].text(text), "but" | "while" | "whereas")
                // `…, and he railed against …`: the speaker's next act, told by the writer
                || toks[j].text(text) == "and"
                    && toks
                        .get(j + 1)
                        .is_some_and(|n| matches!(n.text(text), "he" | "she" | "they"))
                    && toks.get(j + 2).is_some_and(|n| n.text(text).ends_with("ed"))
                || toks.get(j + 1).is_some_and(|n| {
                    matches!(
                        (toks[j].text(text), n.text(text)),
                        ("compared", "with" | "to") | ("up" | "down", "from")
                    )
                }))
    }) {
        stop = j;
    }
    // `…, according to X` and `…, saying …` credit or add an attribution of their own.
    if let Some(j) = (c + 2..stop.saturating_sub(1)).find(|&j| {
        toks[j].text(text) == ","
            && !in_quote(j)
            && (toks[j + 1].text(text).eq_ignore_ascii_case("according")
                && toks.get(j + 2).is_some_and(|t| t.text(text) == "to")
                || lex.get(toks[j + 1].text(text)).is_some_and(|w| {
                    w.form == CueForm::Participle && !w.object
                        // `Cruz, who says A, said B`: a finite cue after a comma is a new
                        // attribution.
                        || w.form == CueForm::Finite && !w.object && !w.weak
                }))
    }) {
        stop = j;
    }
    if let Some(qs) = (c..stop).find(|&j| in_quote(j)) {
        // a quote opens later in the sentence: cut at the last comma before it if a cue sits
        // between that comma and the quote.
        if let Some(comma) = (c..qs).rev().find(|&j| toks[j].text(text) == ",") {
            if (comma..qs).any(|j| lex.get(toks[j].text(text)).is_some()) {
                stop = comma;
            }
        }
    }
    while stop > c && matches!(toks[stop - 1].text(text), "," | ":" | ";" | "—" | "–") {
        stop -= 1;
    }
    stop
}

/// The subject phrase at the start of a sentence (after a leading adverbial clause).
fn sentence_start_subject(
    text: &str,
    toks: &[Token],
    lo: usize,
    hi: usize,
    names: &Names,
    lexicon: &Lexicon,
) -> Option<SourcePhrase> {
    let mut a = lo;
    let first = toks.get(a)?.text(text);
    if has(BREAK, first) || first.ends_with("ing") {
        a = (lo..hi).find(|&j| toks[j].text(text) == ",")? + 1;
    } else if fronted_adverbial(first, toks.get(lo + 1).map_or("", |t| t.text(text))) {
        // `Early in his campaign, Trump attacked Romney, calling …`, `Ultimately, Mr. Yanukovych
        // … refused …`, `Reached by POLITICO, Bennett denied …`
        if let Some(c) = (lo + 1..hi.min(lo + 12)).find(|&j| toks[j].text(text) == ",") {
            a = c + 1;
        }
    }
    // The subject ends at the main verb: `Each faction [projected its own worldview onto Obama],
    // believing …`, `Co-moderator Andrea Mitchell [raised the issue …], asking …`. A past
    // form after a determiner is an adjective (`the embattled senator`).
    let verb = (a + 1..hi).find(|&j| {
        let w = toks[j].text(text);
        toks[j].kind == TokenKind::Word
            && (w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase())
                || is_irregular_past(w)
                // `The Clinton Foundation [describes] itself …`
                || w.bytes().all(|b| b.is_ascii_lowercase())
                    && lexicon
                        .get(w)
                        .is_some_and(|c| c.form == CueForm::Finite && !c.weak))
            && !crate::source::is_determiner(toks[j - 1].text(text))
    });
    phrase_after(text, toks, a, verb.unwrap_or(hi), names)
}

/// A sentence-opening word that starts an adverbial phrase, not the subject: a time word
/// (`Early`, `Last`, `Later`), a sentence adverb (`Ultimately`, `Instead`), a participle
/// (`Reached by`, `Asked about`) or a preposition not in [`BREAK`] (`During`, `Despite`,
/// `Outside`). `next` is the word after it: an adverb in `-ly` must be followed by a comma and a
/// participle by a lower-case word, so that names (`Kelly, a spokeswoman,`, `Alfred Kahn`) are
/// not taken for them.
fn fronted_adverbial(w: &str, next: &str) -> bool {
    let capital = w.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    let lower_next = next.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
    capital
        && (w.len() > 4 && w.ends_with("ly") && next == ","
            || w.len() > 4 && w.ends_with("ed") && lower_next
            || matches!(
                w,
                "Early"
                    | "Late"
                    | "Last"
                    | "Next"
                    | "Earlier"
                    | "Later"
                    | "Yesterday"
                    | "Today"
                    | "Outside"
                    | "Inside"
                    | "During"
                    | "Following"
                    | "Amid"
                    | "Among"
                    | "Despite"
                    | "Unlike"
                    | "Like"
                    | "Throughout"
                    | "Instead"
                    | "Meanwhile"
                    | "Still"
                    | "Now"
                    | "Even"
                    | "Indeed"
                    | "However"
                    | "Overall"
                    | "Separately"
                    | "Elsewhere"
                    | "Here"
                    | "There"
            ))
}

/// Common irregular past tenses, which end a sentence-opening subject like a verb in `-ed`
/// (`Former candidate Jeb Bush [broke] down …`).
fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "broke"
            | "gave"
            | "took"
            | "made"
            | "went"
            | "came"
            | "wrote"
            | "spoke"
            | "put"
            | "got"
            | "saw"
            | "knew"
            | "sent"
            | "left"
            | "kept"
            | "held"
            | "brought"
            | "began"
            | "ran"
            | "won"
            | "lost"
            | "met"
            | "paid"
            | "stood"
            | "led"
            | "spent"
            | "struck"
            | "threw"
            | "drew"
            | "grew"
            | "rose"
            | "fell"
            | "chose"
            | "drove"
            | "flew"
            | "built"
            | "caught"
            | "fought"
            | "sought"
            | "taught"
            | "bought"
            | "heard"
            | "found"
            | "became"
            | "sat"
    )
}

/// The speaker of a cue at `k` conjoined to an earlier verb (`X did A and said B`, `… but told
/// his supporters, “…”`, with adverbs such as `also` skipped before the cue): the subject the
/// sentence opens with ([`leading_subject`], else [`sentence_start_subject`]); `None` when no
/// `and` / `but` comes before the cue. Used by reported speech and by quote lead-ins alike.
fn conjoined_subject(
    text: &str,
    toks: &[Token],
    lo: usize,
    k: usize,
    names: &Names,
    lexicon: &Lexicon,
) -> Option<SourcePhrase> {
    let mut j = k;
    while j > lo && has(crate::words::SKIPPABLE, toks[j - 1].text(text)) {
        j -= 1;
    }
    if j <= lo + 1 || !matches!(toks[j - 1].text(text), "and" | "but") {
        return None;
    }
    leading_subject(text, toks, lo, j - 1, names)
        .or_else(|| sentence_start_subject(text, toks, lo, j - 1, names, lexicon))
}

/// The subject at the very start of a sentence for a conjoined cue (`Graham called both “crazy”
/// and said …` → `Graham`): a pronoun, or the capitalised name run the sentence opens with.
fn leading_subject(
    text: &str,
    toks: &[Token],
    lo: usize,
    hi: usize,
    names: &Names,
) -> Option<SourcePhrase> {
    if lo >= hi {
        return None;
    }
    let mut lo = lo;
    if fronted_adverbial(
        toks[lo].text(text),
        toks.get(lo + 1).map_or("", |t| t.text(text)),
    ) {
        // `Ultimately, Mr. Yanukovych ignored the advice and refused …`
        if let Some(c) = (lo + 1..hi.min(lo + 12)).find(|&j| toks[j].text(text) == ",") {
            lo = c + 1;
            if lo >= hi {
                return None;
            }
        }
    }
    if let Some(kind) = crate::words::pronoun(toks[lo].text(text)) {
        return Some(SourcePhrase {
            start: lo,
            end: lo + 1,
            kind,
            name: None,
            pronoun: true,
        });
    }
    let run = capitalized_runs(text, &toks[lo..hi]).into_iter().next()?;
    if run.start != 0 {
        return None;
    }
    crate::source::typed(text, toks, lo, lo + run.end, names)
        .filter(|p| p.kind != SourceType::Unknown)
}

/// The person who is the sentence's subject, for pronoun salience: the first person name outside
/// quotes that is not the object of a preposition or an editorial bracket, as it is written
/// (the caller makes it a [`Names::full_name`]). `persons` holds each run's person mention when
/// it is a full name or a known surname.
fn sentence_subject<'t>(
    text: &str,
    st: &[Token],
    runs: &[NameRun],
    persons: &[Option<&'t str>],
    quotes: &[Range],
) -> Option<&'t str> {
    for (NameRun { run, .. }, person) in runs.iter().zip(persons) {
        let t0 = &st[run.start];
        if quotes
            .iter()
            .any(|q| q.start <= t0.start && t0.start < q.end)
        {
            continue;
        }
        let Some(m) = *person else {
            continue;
        };
        // What precedes the run (skipping a bracket group)?
        let mut j = run.start;
        if j > 0 && st[j - 1].text(text) == "]" {
            while j > 0 && st[j - 1].text(text) != "[" {
                j -= 1;
            }
            j = j.saturating_sub(1);
        }
        let prev = if j > 0 { st[j - 1].text(text) } else { "" };
        let blocked = matches!(
            prev,
            "of" | "with"
                | "by"
                | "for"
                | "to"
                | "from"
                | "about"
                | "against"
                | "citing"
                | "after"
                | "before"
                | "than"
                | "on"
                | "at"
                | "in"
                | "like"
                | "between"
                | "among"
                | "and"
                | "as"
                | "under"
                | "toward"
                | "towards"
                | "]"
        );
        if blocked {
            continue;
        }
        return Some(m);
    }
    None
}

/// A quote credited to an outlet right after a quote by a person in the same paragraph is the
/// person's words as the outlet reported them (`“…,” Bavand said. “…,” Arman daily reported.`).
fn relay_outlets(text: &str, drafts: &mut [Draft]) {
    for i in 1..drafts.len() {
        let (a, b) = drafts.split_at_mut(i);
        let prev = &a[i - 1];
        let cur = &mut b[0];
        if cur.kind == StatementKind::Direct
            && prev.kind == StatementKind::Direct
            && cur.para == prev.para
            && cur.src_kind == SourceType::Outlet
            && prev.src_kind == SourceType::Person
            && matches!(cur.cue_lemma, "report" | "write" | "publish" | "quote")
            && cur.sent <= prev.sent + 2
        {
            cur.outlet = cur
                .name
                .clone()
                .or_else(|| cur.src.as_ref().map(|r| text[r.clone()].to_string()));
            cur.src = prev.src.clone();
            cur.src_kind = prev.src_kind;
            cur.name = prev.name.clone();
            cur.pronoun = prev.pronoun;
        }
    }
}

/// A source phrase never holds another statement's cue (PolNeAR never draws a cue inside a
/// source). When the cue inside is speech (`Barkley, who said he typically votes democratic,
/// said …`), that is two statements and the outer source is cut at the comma that opens the
/// clause holding the cue (`Barkley`). When it is only an evaluation verb or a tagged cue
/// (`said Norm Coleman, the former senator who is supporting Mr. Rubio`), the appositive is
/// part of the source and the inner statement goes.
fn cut_sources_at_cues(text: &str, drafts: &mut Vec<Draft>, lexicon: &Lexicon) {
    // by start: the cues that can lie inside a source are a run of them
    let mut cues: Vec<(usize, Range)> = drafts
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.cue.clone().map(|c| (i, c)))
        .collect();
    cues.sort_unstable_by_key(|(_, c)| c.start);
    let weak = |d: &Draft| {
        let c = d.cue.as_ref().map_or("", |c| &text[c.clone()]);
        let first = c.split_whitespace().next().unwrap_or("");
        d.cue_lemma == "tagger" || lexicon.get(first).is_some_and(|w| w.object)
    };
    let mut drop = vec![false; drafts.len()];
    for di in 0..drafts.len() {
        let Some(src) = drafts[di].src.clone() else {
            continue;
        };
        let from = cues.partition_point(|(_, c)| c.start <= src.start);
        let inside: Vec<usize> = cues[from..]
            .iter()
            .take_while(|(_, c)| c.start <= src.end)
            .filter(|(i, c)| *i != di && c.end <= src.end)
            .map(|(i, _)| *i)
            .collect();
        if inside.is_empty() {
            continue;
        }
        if inside.iter().all(|&i| weak(&drafts[i])) {
            for i in inside {
                drop[i] = true;
            }
            continue;
        }
        let inner = inside
            .iter()
            .filter_map(|&i| drafts[i].cue.as_ref().map(|c| c.start))
            .min()
            .unwrap_or(src.end);
        if let Some(comma) = text[src.start..inner].rfind(',') {
            let end = text[src.start..src.start + comma].trim_end().len();
            if end > 0 {
                drafts[di].src = Some(src.start..src.start + end);
            }
        }
    }
    let mut i = 0;
    drafts.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// PolNeAR never nests attributions: a statement whose content and cue lie inside another
/// statement's content (`X said that Y told voters …`) is dropped. (Nested quotes went already,
/// in [`drop_overlaps`], before they could displace the reported speech around them.)
fn cut_nested(drafts: &mut Vec<Draft>) {
    // every content with its draft's index, by start: only those that start at or before a
    // content can hold it
    let mut outer: Vec<(Range, usize)> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| (d.content.clone(), i))
        .collect();
    outer.sort_unstable_by_key(|(o, _)| o.start);
    let mut i = 0;
    drafts.retain(|d| {
        i += 1;
        let me = i - 1;
        let Some(c) = d.cue.as_ref() else {
            return true;
        };
        let n = outer.partition_point(|(o, _)| o.start <= d.content.start);
        !outer[..n].iter().any(|(o, oi)| {
            *oi != me
                && d.content.end <= o.end
                && d.content != *o
                && o.start <= c.start
                && c.end <= o.end
        })
    });
}

/// Reported-speech content that overlaps a quote is dropped when the quote has its own credit.
fn drop_overlaps(drafts: &mut Vec<Draft>) {
    // An uncredited quote inside reported speech is part of it (`Morris says the candidate
    // has “always run a lean campaign.”`): the reported speech is kept, as mixed content.
    let indirect: Vec<Range> = drafts
        .iter()
        .filter(|d| d.kind != StatementKind::Direct && d.cue.is_some())
        .map(|d| d.content.clone())
        .collect();
    // So is a quote whose credit lies inside that content too (`said he had an "Oh, s---"
    // moment and deleted a Hillary Clinton email archive`: not a quote credited by `email`):
    // PolNeAR never nests attributions.
    drafts.retain(|d| {
        !((d.kind == StatementKind::Direct || d.cue.is_none())
            && indirect.iter().any(|r| {
                r.start < d.content.start
                    && d.content.end <= r.end + 4
                    && r.end > d.content.start
                    && d.cue
                        .as_ref()
                        .is_none_or(|c| r.start <= c.start && c.end <= r.end)
            }))
    });
    let directs: Vec<Range> = drafts
        .iter()
        .filter(|d| d.kind == StatementKind::Direct)
        .map(|d| d.content.clone())
        .collect();
    drafts.retain(|d| {
        d.kind == StatementKind::Direct
            || !directs.iter().any(|q| {
                let ov = q.start.max(d.content.start) < q.end.min(d.content.end);
                ov && (q.end - q.start) * 2 >= (d.content.end - d.content.start)
            })
    });
    // identical content twice (two cues in one sentence): keep the first
    // (the contents kept so far, sorted)
    let mut seen: Vec<(usize, usize)> = Vec::new();
    drafts.retain(|d| {
        let key = (d.content.start, d.content.end);
        match seen.binary_search(&key) {
            Ok(_) => false,
            Err(at) => {
                seen.insert(at, key);
                true
            }
        }
    });
}

/// The length of a discourse connective and its comma opening reported content (`However, `,
/// `At the same time, `): PolNeAR leaves it out of the content.
fn connective_len(c: &str) -> usize {
    const ONE: &[&str] = &[
        "however",
        "nevertheless",
        "meanwhile",
        "still",
        "yet",
        "indeed",
        "instead",
        "moreover",
        "furthermore",
        "nationally",
        "overall",
        "separately",
        "similarly",
        "likewise",
        "additionally",
        "nonetheless",
        "otherwise",
        "now",
        "so",
        "and",
        "but",
        "also",
        "then",
        "today",
        "thus",
        "hence",
        "consequently",
        "ultimately",
        "finally",
        "first",
        "second",
        "third",
        "later",
        "previously",
        "currently",
        "recently",
    ];
    const MORE: &[&str] = &[
        "in fact",
        "of course",
        "at the same time",
        "by contrast",
        "in contrast",
        "in addition",
        "on the other hand",
        "as a result",
        "for example",
        "for instance",
        "in other words",
        "after all",
        "in the meantime",
        "at the time",
        "in turn",
    ];
    // The longest entry, `on the other hand`, has 17 bytes: a later comma cannot close one.
    let Some(comma) = c.bytes().take(25).position(|b| b == b',') else {
        return 0;
    };
    let head = c[..comma].trim();
    if ONE.iter().chain(MORE).any(|w| head.eq_ignore_ascii_case(w)) {
        let rest = &c[comma + 1..];
        comma + 1 + (rest.len() - rest.trim_start().len())
    } else {
        0
    }
}

/// Whether reported content is only an adjunct phrase: at most 8 words, opening with `after`,
/// `at`, `with`, `by`, `in`, `on`, `while`, `over`, `when`, `because`, `during` or `before`.
fn adjunct_content(c: &str) -> bool {
    const OPENERS: &[&str] = &[
        "after", "at", "with", "by", "in", "on", "while", "over", "when", "because", "during",
        "before",
    ];
    let first = c.split_whitespace().next().unwrap_or("");
    first.len() <= 7 && OPENERS.iter().any(|w| first.eq_ignore_ascii_case(w)) && !has_words(c, 9)
}

/// A quoted name of a work or show (`“Yuge!: 30 Years of Doonesbury on Trump.”`, `“Generations
/// with Kevin Swanson”`): two to twelve words, every word of four letters or more capitalised,
/// no pronoun of a speaker.
fn looks_like_title(q: &str) -> bool {
    let words: Vec<&str> = q
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 || words.len() > 12 {
        return false;
    }
    // a contraction is as long as its stem (`It’s`, `That’s` are short words, not title case)
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| {
            let stem = w.split(['\'', '’']).next().unwrap_or(w);
            stem.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit())
        })
        .collect();
    long.len() >= 2
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !words
            .iter()
            .any(|w| matches!(*w, "I" | "We" | "You" | "I'm" | "I’m" | "We're" | "We’re"))
}

/// For each token, whether it lies inside one of the (sorted, disjoint) quote ranges.
fn mark_quotes(toks: &[Token], quotes: &[Range]) -> Vec<bool> {
    // `i`: how many quotes start at or before the token. Tokens come in text order, so it only
    // grows and a cursor stands in for the binary search (redone for a token out of order).
    let mut i = 0;
    let mut prev = 0;
    toks.iter()
        .map(|t| {
            if t.start < prev {
                i = quotes.partition_point(|q| q.start <= t.start);
            }
            prev = t.start;
            while i < quotes.len() && quotes[i].start <= t.start {
                i += 1;
            }
            i > 0 && t.start < quotes[i - 1].end
        })
        .collect()
}

fn trim_range(text: &str, r: Range) -> Range {
    let s = &text[r.clone()];
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';'))
            .len();
    let trail = s.len()
        - s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '.'))
            .len();
    if lead + trail >= s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - trail
}

/// Whitespace-separated words of `s` that hold a letter or digit.
fn count_words(s: &str) -> usize {
    counted_words(s).count()
}

/// Whether `s` has at least `n` words ([`count_words`]), read no further than the `n`th.
fn has_words(s: &str, n: usize) -> bool {
    n == 0 || counted_words(s).nth(n - 1).is_some()
}

/// The words [`count_words`] counts.
fn counted_words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['”', '"', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ','])
}
