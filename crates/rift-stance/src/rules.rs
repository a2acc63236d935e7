//! The explainable rule classifier: target detection, cue matching with negation / modality /
//! hedge scope, and the label, score and confidence of each [`Stance`].
//!
//! Input comes from `rift-extract` ([`Statement`]s with code-point spans, plus the span of the
//! enclosing sentence(s)) and the user's issues ([`IssueConfig`], parsed by `rift-kb`). The
//! filled `Statement::stance` goes on to `rift-store` and `rift-analyze`. The method is
//! documented in `docs/stance.md`.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rift_core::{CharIndex, Evidence, IssueConfig, Span, Stance, StanceLabel, Statement};

use crate::discourse;
use crate::lexicon::{Cue, Lexicon, Polarity};
use crate::model::StanceModel;
use crate::pattern::{in_name, tokenize, Case, FirstWords, Pattern, TokKind, Token};
use crate::StanceError;

/// Words that end a negation / modal / hedge scope (besides `,` `:` `;` and sentence ends).
const SCOPE_BREAKERS: &[&str] = &[
    "and", "but", "or", "however", "although", "though", "while", "whereas", "yet", "because",
];

/// Confidence of a label read from the context instead of the statement, relative to the text.
const CONTEXT_FACTOR: f64 = 0.8;
/// Tokens by which another issue's target may be farther from a topic word and still count.
const COUNTERPART_SLACK: usize = 4;
/// Smallest model confidence (the winning class's probability) for the model to decide a
/// statement the rules found no cue in.
pub const MODEL_MIN_CONFIDENCE: f64 = 0.5;
/// Word n-grams of the model quoted as evidence (role `model`) when the model decides.
const MODEL_EVIDENCE: usize = 3;

#[derive(Debug, Clone)]
struct CompiledIssue {
    id: String,
    topics: Vec<Pattern>,
    targets: Vec<Pattern>,
    default_target: bool,
    extra: Vec<Cue>,
    /// First-word indexes of `topics`, `targets` and the lexicon's cues followed by `extra`.
    topics_ix: FirstWords,
    targets_ix: FirstWords,
    cues_ix: FirstWords,
}

/// The lexicon's modifier lists, indexed by first word.
#[derive(Debug, Clone)]
struct LexiconIndex {
    ignore: FirstWords,
    negation: FirstWords,
    modal: FirstWords,
    hedge: FirstWords,
}

/// Rule/lexicon stance classifier for a set of issues, optionally with a trained model per
/// issue. Build once, then call [`classify`](Self::classify) or
/// [`classify_article`](Self::classify_article) per article.
///
/// Combination (see `docs/stance.md`): only statements that concern an issue get a stance;
/// when the rules find a cue (favor, against or condition, in the statement or its context)
/// the rules decide (`by = "rules"`); otherwise, if the issue has a model and the model's
/// confidence is at least [`MODEL_MIN_CONFIDENCE`], the model decides (`by = "model"`);
/// otherwise the rules' `neutral` stays.
#[derive(Debug, Clone)]
pub struct StanceClassifier {
    lexicon: Lexicon,
    lexicon_ix: LexiconIndex,
    issues: Vec<CompiledIssue>,
    /// Trained model per issue (same order as `issues`).
    models: Vec<Option<Arc<StanceModel>>>,
    /// Which statement regions cannot hold a topic term (`None`: no such test for these
    /// issues).
    topic_filter: Option<TopicFilter>,
}

/// A test that a text holds no topic term of any issue, run on a statement's region before it
/// is tokenized: such a statement concerns no issue (the target-detection rule needs a topic
/// match), so it gets no stance and is not tokenized at all — most statements of a corpus.
///
/// Every word of a matching term equals, starts or ends a token's lower-cased form, and a
/// token is a piece of the region with `’` made `'` and a final `'s` or `.` dropped, lower-cased
/// by `to_ascii_lowercase` (ASCII) or `to_lowercase`. So an ASCII word without `'` that matches
/// occurs in the region, ASCII-case-insensitively — unless the region has a non-ASCII char
/// that lower-cases to ASCII ([`ASCII_LOWERING`]); then the test answers "may match". An
/// exact or prefix word occurs where a token starts, i.e. not right after an ASCII letter or
/// digit (a token starts after a char that is not alphanumeric). One word per term suffices:
/// its longest (the rarest, as a rule: `table` of `the table`).
///
/// All words of all issues, and the [`ASCII_LOWERING`] chars, are one Aho-Corasick automaton,
/// so the region is read once whatever the number of issues and terms.
#[derive(Debug, Clone)]
struct TopicFilter {
    /// Needles: one ASCII word per topic term of every issue (ASCII case-insensitive), then the
    /// [`ASCII_LOWERING`] chars.
    automaton: AhoCorasick,
    /// Per needle: whether it must start a token (not follow an ASCII letter or digit).
    starts: Vec<bool>,
}

/// The non-ASCII chars whose `to_lowercase` holds an ASCII char (`İ` → `i̇`, Kelvin sign →
/// `k`): a token holding one may match a term the region's bytes do not show.
const ASCII_LOWERING: [char; 2] = ['\u{130}', '\u{212A}'];

impl TopicFilter {
    /// `None` when a term has no ASCII word without `'`.
    fn new(issues: &[CompiledIssue]) -> Option<TopicFilter> {
        let mut needles: Vec<(String, bool)> = Vec::new();
        for t in issues.iter().flat_map(|i| &i.topics) {
            let (w, starts) = t
                .words()
                .filter(|(w, _)| !w.is_empty() && w.is_ascii() && !w.contains('\''))
                .max_by_key(|(w, _)| w.len())?;
            needles.push((w.to_ascii_lowercase(), starts));
        }
        needles.sort();
        needles.dedup();
        needles.extend(ASCII_LOWERING.iter().map(|c| (c.to_string(), false)));
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(needles.iter().map(|(n, _)| n))
            .ok()?;
        let starts = needles.into_iter().map(|(_, s)| s).collect();
        Some(TopicFilter { automaton, starts })
    }

    /// False only when no topic term can match in `text`. Most texts hold no needle at all,
    /// which `is_match` (a plain search, stopping at the first needle) tells more cheaply than
    /// the overlapping search that weighs each occurrence.
    fn may_match(&self, text: &str) -> bool {
        let b = text.as_bytes();
        self.automaton.is_match(text)
            && self.automaton.find_overlapping_iter(text).any(|m| {
                !(self.starts[m.pattern().as_usize()]
                    && m.start() > 0
                    && b[m.start() - 1].is_ascii_alphanumeric())
            })
    }
}

/// Where a statement's matches were found.
#[derive(Debug, Default)]
struct Hits {
    /// Topic matches inside the statement.
    topic_text: Vec<(usize, usize)>,
    /// Topic matches in the context, outside the statement.
    topic_ctx: Vec<(usize, usize)>,
    target_text: Vec<(usize, usize)>,
    target_ctx: Vec<(usize, usize)>,
}

/// A cue after its modifiers were applied.
#[derive(Debug)]
struct Scored {
    polarity: Polarity,
    weight: f64,
    hedged: bool,
    evidence: Vec<Evidence>,
}

impl StanceClassifier {
    /// Compiles the built-in lexicon and the issues' terms, targets and extra cues.
    pub fn new(issues: &[IssueConfig]) -> Result<Self, StanceError> {
        Self::with_lexicon(issues, Lexicon::builtin()?)
    }

    /// Like [`new`](Self::new) with a custom lexicon (see [`Lexicon::from_toml`]).
    pub fn with_lexicon(issues: &[IssueConfig], lexicon: Lexicon) -> Result<Self, StanceError> {
        let mut seen = HashSet::new();
        let mut compiled = Vec::with_capacity(issues.len());
        for issue in issues {
            let err = |reason: String| StanceError::Issue {
                issue: issue.id.clone(),
                reason,
            };
            if !seen.insert(issue.id.as_str()) {
                return Err(err("duplicate issue id".into()));
            }
            if issue.terms.is_empty() {
                return Err(err("an issue needs at least one topic term".into()));
            }
            let compile = |phrases: &[String], case: Case| -> Result<Vec<Pattern>, StanceError> {
                phrases
                    .iter()
                    .map(|p| {
                        let pat = Pattern::compile(p, lexicon.max_gap, case)?;
                        if pat.uses_topic() {
                            return Err(err(format!("`{{topic}}` is not allowed in `{p}`")));
                        }
                        Ok(pat)
                    })
                    .collect()
            };
            let topics = compile(&issue.terms, Case::Fold)?;
            let targets = compile(&issue.targets, Case::AcronymsExact)?;
            let mut extra = Vec::new();
            for (list, polarity) in [
                (&issue.favor, Polarity::Favor),
                (&issue.against, Polarity::Against),
                (&issue.conditional, Polarity::Condition),
            ] {
                for phrase in list {
                    extra.push(lexicon.cue(phrase, polarity, 1.0)?);
                }
            }
            compiled.push(CompiledIssue {
                id: issue.id.clone(),
                topics_ix: FirstWords::new(&topics),
                targets_ix: FirstWords::new(&targets),
                cues_ix: FirstWords::new(lexicon.cues.iter().chain(&extra).map(|c| &c.pattern)),
                topics,
                targets,
                default_target: issue.default_target,
                extra,
            });
        }
        let lexicon_ix = LexiconIndex {
            ignore: FirstWords::new(&lexicon.ignore),
            negation: FirstWords::new(&lexicon.negation),
            modal: FirstWords::new(&lexicon.modal),
            hedge: FirstWords::new(&lexicon.hedge),
        };
        Ok(StanceClassifier {
            lexicon,
            lexicon_ix,
            models: vec![None; compiled.len()],
            topic_filter: TopicFilter::new(&compiled),
            issues: compiled,
        })
    }

    /// Like [`new`](Self::new), then loads the model file of every issue that names one
    /// (`IssueConfig::model`, a path relative to `project_dir`; absolute paths are kept).
    pub fn load(issues: &[IssueConfig], project_dir: &Path) -> Result<Self, StanceError> {
        let mut clf = Self::new(issues)?;
        for issue in issues {
            if let Some(file) = &issue.model {
                let model =
                    StanceModel::load(&project_dir.join(file)).map_err(|e| StanceError::Issue {
                        issue: issue.id.clone(),
                        reason: format!("model {file}: {e}"),
                    })?;
                clf = clf.with_model(&issue.id, model)?;
            }
        }
        Ok(clf)
    }

    /// Attaches a trained model to issue `issue` (replacing any it had).
    pub fn with_model(mut self, issue: &str, model: StanceModel) -> Result<Self, StanceError> {
        let i = self
            .issues
            .iter()
            .position(|x| x.id == issue)
            .ok_or_else(|| StanceError::Issue {
                issue: issue.to_string(),
                reason: "no such issue".into(),
            })?;
        self.models[i] = Some(Arc::new(model));
        Ok(self)
    }

    /// Whether issue `issue` has a trained model.
    pub fn has_model(&self, issue: &str) -> bool {
        self.issues
            .iter()
            .zip(&self.models)
            .any(|(x, m)| x.id == issue && m.is_some())
    }

    /// Ids of the issues, in configuration order.
    pub fn issue_ids(&self) -> impl Iterator<Item = &str> {
        self.issues.iter().map(|i| i.id.as_str())
    }

    /// The stances of one statement: one per issue it concerns (none for the others).
    ///
    /// `context` is the code-point span of the sentence(s) enclosing the statement, attribution
    /// included; pass `statement.span` when there is none. Statement and context spans are
    /// code points into `article_text`.
    pub fn classify(
        &self,
        article_text: &str,
        statement: &Statement,
        context: Span,
    ) -> Vec<Stance> {
        self.classify_indexed(
            &CharIndex::new(article_text),
            article_text,
            statement,
            context,
        )
    }

    /// Fills `stance` of every statement (`contexts[i]` belongs to `statements[i]`; a missing
    /// context means the statement alone), then lets a statement that concerns no issue inherit
    /// the stance of an adjacent statement by the same source (see `docs/stance.md`).
    pub fn classify_article(
        &self,
        article_text: &str,
        statements: &mut [Statement],
        contexts: &[Span],
    ) {
        let index = CharIndex::new(article_text);
        for (i, st) in statements.iter_mut().enumerate() {
            let ctx = contexts.get(i).copied().unwrap_or(st.span);
            st.stance = self.classify_indexed(&index, article_text, st, ctx);
        }
        discourse::inherit(&index, article_text, statements);
    }

    fn classify_indexed(
        &self,
        index: &CharIndex,
        article_text: &str,
        statement: &Statement,
        context: Span,
    ) -> Vec<Stance> {
        let n = index.len_chars();
        let span = Span::new(statement.span.start.min(n), statement.span.end.min(n));
        if span.is_empty() {
            return Vec::new();
        }
        let region = Span::new(
            context.start.min(span.start),
            context.end.max(span.end).min(n),
        );
        let slice = &article_text[index.byte_of(region.start)..index.byte_of(region.end)];
        if self
            .topic_filter
            .as_ref()
            .is_some_and(|f| !f.may_match(slice))
        {
            return Vec::new();
        }
        let toks = tokenize(slice, region.start);
        let a = toks.partition_point(|t| t.start < span.start);
        let b = toks.partition_point(|t| t.end <= span.end);
        if a >= b {
            return Vec::new();
        }
        let inside = |(s, e): (usize, usize)| s >= a && e <= b;

        let hits: Vec<Hits> = self
            .issues
            .iter()
            .map(|issue| {
                let mut h = Hits::default();
                for m in find_all(&issue.topics, &issue.topics_ix, &toks) {
                    if in_name(&toks, m.0) {
                        continue;
                    }
                    if inside(m) {
                        h.topic_text.push(m)
                    } else {
                        h.topic_ctx.push(m)
                    }
                }
                for m in find_all(&issue.targets, &issue.targets_ix, &toks) {
                    if inside(m) {
                        h.target_text.push(m)
                    } else {
                        h.target_ctx.push(m)
                    }
                }
                h
            })
            .collect();
        let concerned = self.concerned(&hits);

        let mut out = Vec::new();
        for (i, issue) in self.issues.iter().enumerate() {
            if !concerned[i] {
                continue;
            }
            let mut stance = self.label(issue, &hits[i], slice, &toks, a, b);
            if let Some(model) = &self.models[i] {
                combine(&mut stance, model, slice, &toks, a, b);
            }
            out.push(stance);
        }
        out
    }

    /// Which issues the statement concerns (the target-detection rule of `docs/stance.md`).
    fn concerned(&self, hits: &[Hits]) -> Vec<bool> {
        let text_targets: Vec<bool> = hits.iter().map(|h| !h.target_text.is_empty()).collect();
        let mut keep: Vec<bool> = self
            .issues
            .iter()
            .zip(hits)
            .enumerate()
            .map(|(i, (issue, h))| {
                let topic = !h.topic_text.is_empty() || !h.topic_ctx.is_empty();
                let other_target = text_targets.iter().enumerate().any(|(j, &t)| j != i && t);
                topic
                    && (text_targets[i]
                        || !h.target_ctx.is_empty()
                        || (issue.default_target && !other_target))
            })
            .collect();
        // A counterpart named in the statement outranks one named only around it.
        if (0..hits.len()).any(|i| keep[i] && text_targets[i]) {
            for i in 0..hits.len() {
                keep[i] &= text_targets[i];
            }
        }
        // Several counterparts named: keep those nearest to a topic word (`dialogue with Europe`
        // vs `Europe's attempt to engage Iran and the Americans into dialogue`).
        let dist: Vec<Option<usize>> = hits
            .iter()
            .enumerate()
            .map(|(i, h)| {
                if !keep[i] {
                    return None;
                }
                h.target_text
                    .iter()
                    .flat_map(|t| h.topic_text.iter().map(move |p| token_gap(*t, *p)))
                    .min()
            })
            .collect();
        if dist.iter().filter(|d| d.is_some()).count() >= 2 {
            let best = dist.iter().flatten().min().copied().unwrap_or(0);
            for i in 0..hits.len() {
                if let Some(d) = dist[i] {
                    keep[i] = d <= best + COUNTERPART_SLACK;
                }
            }
        }
        keep
    }

    fn label(
        &self,
        issue: &CompiledIssue,
        hits: &Hits,
        text: &str,
        toks: &[Token],
        a: usize,
        b: usize,
    ) -> Stance {
        let mut evidence = Vec::new();
        let targets = if hits.target_text.is_empty() {
            &hits.target_ctx
        } else {
            &hits.target_text
        };
        for &m in targets {
            evidence.push(ev(text, toks, m, "target"));
        }
        let topics = if hits.topic_text.is_empty() {
            &hits.topic_ctx
        } else {
            &hits.topic_text
        };
        for &m in topics {
            evidence.push(ev(text, toks, m, "topic"));
        }

        // Statement first; the context only when the statement has no cue.
        let (mut cues, mut hedges) = self.cues(issue, text, &toks[a..b], |_| true);
        let mut src = 1.0;
        if cues.is_empty() {
            let (c, h) = self.cues(issue, text, toks, |(s, e)| !(s >= a && e <= b));
            if !c.is_empty() {
                cues = c;
                hedges = h;
                src = CONTEXT_FACTOR;
            }
        }

        let sum = |p: Polarity| -> f64 {
            cues.iter()
                .filter(|c| c.polarity == p)
                .map(|c| c.weight)
                .sum()
        };
        let (f, ag, c) = (
            sum(Polarity::Favor),
            sum(Polarity::Against),
            sum(Polarity::Condition),
        );
        let (label, score, confidence): (StanceLabel, f64, f64) = if c > 0.0 {
            (
                StanceLabel::Conditional,
                0.5 * c.min(1.0),
                src * (0.55 + 0.35 * c / (c + f + ag)),
            )
        } else if f + ag > 0.0 {
            let (win, lose, pol, label) = if f >= ag {
                (f, ag, Polarity::Favor, StanceLabel::Favor)
            } else {
                (ag, f, Polarity::Against, StanceLabel::Against)
            };
            let net = win - lose;
            if net < 0.25 {
                (StanceLabel::Neutral, 0.0, src * 0.3)
            } else {
                let sign = if pol == Polarity::Favor { 1.0 } else { -1.0 };
                let mut conf = src * (0.5 + 0.4 * (net / (win + lose)) * win.min(1.0));
                if cues.iter().filter(|c| c.polarity == pol).all(|c| c.hedged) {
                    conf = conf.min(0.45);
                }
                (label, sign * net.min(1.0), conf)
            }
        } else if !hedges.is_empty() {
            (StanceLabel::Neutral, 0.0, 0.3)
        } else {
            (StanceLabel::Neutral, 0.0, 0.4)
        };
        for cue in cues {
            evidence.extend(cue.evidence);
        }
        if label == StanceLabel::Neutral {
            evidence.extend(hedges);
        }
        evidence.sort_by_key(|e| (e.span.start, e.span.end));
        evidence.dedup();
        Stance {
            issue: issue.id.clone(),
            label,
            score: round3(score),
            confidence: round3(confidence.clamp(0.0, 1.0)),
            evidence,
            by: "rules".to_string(),
        }
    }

    /// Cues in `toks` (matches kept by `keep`), with their modifiers applied; plus hedges that
    /// modify no cue.
    fn cues(
        &self,
        issue: &CompiledIssue,
        text: &str,
        toks: &[Token],
        keep: impl Fn((usize, usize)) -> bool,
    ) -> (Vec<Scored>, Vec<Evidence>) {
        let lex = &self.lexicon;
        let ix = &self.lexicon_ix;
        let mut blocked = vec![false; toks.len()];
        for (s, e) in find_all(&lex.ignore, &ix.ignore, toks) {
            blocked[s..e].iter_mut().for_each(|x| *x = true);
        }
        let free = |blocked: &[bool], (s, e): (usize, usize)| !blocked[s..e].iter().any(|x| *x);

        // Cue matches, longest first, without overlaps; ties in cue order.
        let n_lex = lex.cues.len();
        let cue = |i: usize| -> &Cue {
            if i < n_lex {
                &lex.cues[i]
            } else {
                &issue.extra[i - n_lex]
            }
        };
        let mut found: Vec<(usize, usize, usize)> = issue
            .cues_ix
            .scan(toks, &issue.topics, |i| &cue(i).pattern)
            .into_iter()
            .filter(|&(s, e, _)| keep((s, e)) && free(&blocked, (s, e)))
            .collect();
        found.sort_unstable_by_key(|&(s, e, c)| (std::cmp::Reverse(e - s), s, c));
        let found = found.into_iter().map(|(s, e, c)| (s, e, cue(c)));
        let mut taken = vec![false; toks.len()];
        let mut kept: Vec<(usize, usize, &Cue)> = Vec::new();
        for (s, e, cue) in found {
            if free(&taken, (s, e)) {
                taken[s..e].iter_mut().for_each(|x| *x = true);
                kept.push((s, e, cue));
            }
        }
        for (i, t) in taken.iter().enumerate() {
            blocked[i] |= t;
        }

        let modifiers = |pats: &[Pattern], pix: &FirstWords, hedge: bool| -> Vec<(usize, usize)> {
            let mut v: Vec<(usize, usize)> = find_all(pats, pix, toks)
                .into_iter()
                .filter(|&m| free(&blocked, m))
                .filter(|&(s, _)| {
                    // Hedges in lower case only (`May 15` is a date), except sentence-initially.
                    !hedge || toks[s].initial || !toks[s].bare.starts_with(char::is_uppercase)
                })
                .collect();
            v.sort_unstable();
            v.dedup_by(|x, y| x.0 < y.1 && y.0 < x.1);
            v
        };
        let negs = modifiers(&lex.negation, &ix.negation, false);
        let modals = modifiers(&lex.modal, &ix.modal, false);
        let hedges = modifiers(&lex.hedge, &ix.hedge, true);
        let in_scope = |found: &[(usize, usize)], s: usize| -> Vec<(usize, usize)> {
            let from = scope_start(toks, s, lex.scope);
            found
                .iter()
                .copied()
                .filter(|m| m.0 >= from && m.1 <= s)
                .collect()
        };
        let mut used_hedges = HashSet::new();
        let mut out = Vec::new();

        for &(s, e, cue) in &kept {
            let n = in_scope(&negs, s);
            let md = in_scope(&modals, s);
            let hd = in_scope(&hedges, s);
            let mut polarity = cue.polarity;
            let mut weight = cue.weight;
            if n.len() % 2 == 1 {
                weight *= 0.8;
                polarity = match polarity {
                    Polarity::Favor => Polarity::Against,
                    Polarity::Against => Polarity::Favor,
                    Polarity::Condition => Polarity::Condition,
                };
            }
            if !md.is_empty() {
                weight *= 1.25;
            }
            if !hd.is_empty() {
                weight *= 0.5;
            }
            let mut evidence = vec![ev(text, toks, (s, e), cue.polarity.role())];
            modifier_evidence(&mut evidence, text, toks, &n, &md, &hd);
            used_hedges.extend(hd.iter().copied());
            out.push(Scored {
                polarity,
                weight,
                hedged: !hd.is_empty(),
                evidence,
            });
        }
        // A topic word under negation (`will not negotiate`, `no talks`) or a modal (`Iran must
        // negotiate`) is a cue of its own.
        for m in find_all(&issue.topics, &issue.topics_ix, toks) {
            if !keep(m) || !free(&blocked, m) || in_name(toks, m.0) {
                continue;
            }
            // A cue between the modifier and the topic word takes the modifier (`not reject talks`).
            let from = (0..m.0).rev().find(|&i| taken[i]).map_or(0, |i| i + 1);
            let after = |v: Vec<(usize, usize)>| -> Vec<(usize, usize)> {
                v.into_iter().filter(|x| x.0 >= from).collect()
            };
            let n = after(in_scope(&negs, m.0));
            let md = after(in_scope(&modals, m.0));
            let hd = after(in_scope(&hedges, m.0));
            let (polarity, mut weight) = if n.len() % 2 == 1 {
                (Polarity::Against, lex.negated_topic)
            } else if !md.is_empty() && n.is_empty() {
                (Polarity::Favor, lex.modal_topic)
            } else {
                continue;
            };
            if !md.is_empty() && polarity == Polarity::Against {
                weight *= 1.25;
            }
            if !hd.is_empty() {
                weight *= 0.5;
            }
            let mut evidence = vec![ev(text, toks, m, polarity.role())];
            modifier_evidence(&mut evidence, text, toks, &n, &md, &hd);
            used_hedges.extend(hd.iter().copied());
            out.push(Scored {
                polarity,
                weight,
                hedged: !hd.is_empty(),
                evidence,
            });
        }
        let spare = hedges
            .iter()
            .filter(|m| !used_hedges.contains(*m))
            .map(|&m| ev(text, toks, m, "hedge"))
            .collect();
        (out, spare)
    }
}

fn modifier_evidence(
    evidence: &mut Vec<Evidence>,
    text: &str,
    toks: &[Token],
    negations: &[(usize, usize)],
    modals: &[(usize, usize)],
    hedges: &[(usize, usize)],
) {
    for (list, role) in [
        (negations, "negation"),
        (modals, "modal"),
        (hedges, "hedge"),
    ] {
        evidence.extend(list.iter().map(|&m| ev(text, toks, m, role)));
    }
}

/// Lets the model decide a statement in which the rules found no cue (`docs/stance.md`).
fn combine(
    stance: &mut Stance,
    model: &StanceModel,
    text: &str,
    toks: &[Token],
    a: usize,
    b: usize,
) {
    let cue_roles = [
        Polarity::Favor.role(),
        Polarity::Against.role(),
        Polarity::Condition.role(),
    ];
    if stance
        .evidence
        .iter()
        .any(|e| cue_roles.contains(&e.role.as_str()))
    {
        return;
    }
    let statement = &text[toks[a].bytes.0..toks[b - 1].bytes.1];
    let p = model.predict(statement);
    if p.confidence < MODEL_MIN_CONFIDENCE || !model.labels.contains(&p.label) {
        return;
    }
    // Keep the target and topic words; add the word n-grams that pushed hardest toward the
    // label and occur in the statement.
    stance
        .evidence
        .retain(|e| e.role == "target" || e.role == "topic");
    let words = &toks[a..b];
    let mut quoted = 0;
    for (feature, weight) in model.top_features(statement, p.label, 64) {
        if quoted == MODEL_EVIDENCE || weight <= 0.0 {
            break;
        }
        let Some(gram) = feature.strip_prefix("w:") else {
            continue;
        };
        if let Some((s, e)) = locate(words, gram) {
            let found = ev(text, toks, (a + s, a + e), "model");
            if !stance.evidence.iter().any(|x| x.span == found.span) {
                stance.evidence.push(found);
                quoted += 1;
            }
        }
    }
    stance.evidence.sort_by_key(|e| (e.span.start, e.span.end));
    stance.label = p.label;
    stance.score = round3(p.score.clamp(-1.0, 1.0));
    stance.confidence = round3(p.confidence.clamp(0.0, 1.0));
    stance.by = "model".to_string();
}

/// Token range of the first occurrence of a model word n-gram (lower-case words joined by
/// spaces) among `toks` (a possessive `'s` in the n-gram matches the bare token).
fn locate(toks: &[Token], gram: &str) -> Option<(usize, usize)> {
    let parts: Vec<&str> = gram.split(' ').collect();
    let same = |t: &Token, w: &str| {
        t.is_word() && (t.norm == w || w.strip_suffix("'s").is_some_and(|x| x == t.norm))
    };
    let words: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].is_word()).collect();
    words.windows(parts.len()).find_map(|win| {
        win.iter()
            .zip(&parts)
            .all(|(&i, w)| same(&toks[i], w))
            .then(|| (win[0], win[win.len() - 1] + 1))
    })
}

/// Index of the first token a modifier of the cue at `s` may start at: up to `scope` words
/// back, stopping at clause and sentence marks and at conjunctions.
fn scope_start(toks: &[Token], s: usize, scope: usize) -> usize {
    let mut i = s;
    let mut words = 0;
    while i > 0 && words < scope {
        let t = &toks[i - 1];
        match t.kind {
            TokKind::Break | TokKind::Clause => break,
            TokKind::Word if SCOPE_BREAKERS.contains(&t.norm.as_str()) => break,
            TokKind::Word => words += 1,
            TokKind::Other => {}
        }
        i -= 1;
    }
    i
}

/// Matches of any of `patterns` (indexed by `ix`), sorted, overlaps removed.
fn find_all(patterns: &[Pattern], ix: &FirstWords, toks: &[Token]) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = ix
        .scan(toks, &[], |i| &patterns[i])
        .into_iter()
        .map(|(s, e, _)| (s, e))
        .collect();
    v.sort_unstable();
    // Overlapping matches of several terms (`negotiat*` and `negotiating table`): keep the first.
    v.dedup_by(|x, y| x.0 < y.1 && y.0 < x.1);
    v
}

fn token_gap(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

fn ev(text: &str, toks: &[Token], (s, e): (usize, usize), role: &str) -> Evidence {
    Evidence {
        text: text[toks[s].bytes.0..toks[e - 1].bytes.1].to_string(),
        span: Span::new(toks[s].start, toks[e - 1].end),
        role: role.to_string(),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn issue(id: &str, terms: &[&str]) -> IssueConfig {
        IssueConfig {
            id: id.into(),
            question: "?".into(),
            terms: terms.iter().map(|t| t.to_string()).collect(),
            targets: vec!["US".into(), "Clinton".into()],
            ..IssueConfig::default()
        }
    }

    /// The issues of `examples/us-2016` and `examples/iran-2019` (their `terms`); also the
    /// topics of `pattern`'s `may_start_at` test.
    pub(crate) fn issues() -> Vec<IssueConfig> {
        vec![
            issue(
                "clinton-emails",
                &[
                    "email*",
                    "e-mail*",
                    "private server",
                    "email server",
                    "server",
                    "classified information",
                    "classified material",
                ],
            ),
            issue(
                "negotiations-with-us",
                &[
                    "negotiat*",
                    "talks",
                    "dialogue",
                    "dialog",
                    "diplomacy",
                    "negotiating table",
                    "the table",
                ],
            ),
            issue("suffix", &["*gate", "U.S. talks", "Kelvin"]),
        ]
    }

    /// Edge cases, then every PolNeAR train text (where the shared data is checked out).
    fn texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "E-MAILS, e‑mails, e-Mail’s, Emails’ and the servers’ logs",
            "negotiations’ DIALOGUE’s Diplomacy. the Table talks.",
            "x-emails e-mail-server U.S.-talks 3talks talks3 _talks Talks’s ’talks «talks»",
            "\u{130}stanbul \u{212A}elvin ΣΑΣ server’s \u{130}EMAIL \u{212A}elvin",
            "Clinton's emails were criminal, he said; she lied about the private server.",
            "",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.extend(crate::train_texts(usize::MAX));
        texts
    }

    /// Byte offsets every 150 chars of `t`, and its end.
    fn cuts(t: &str) -> Vec<usize> {
        t.char_indices()
            .map(|(b, _)| b)
            .step_by(150)
            .chain([t.len()])
            .collect()
    }

    #[test]
    fn topic_filter_needles() {
        let clf = StanceClassifier::new(&issues()).unwrap();
        let f = clf.topic_filter.as_ref().unwrap();
        assert!(f.may_match("TALKS") && f.may_match("Talks"));
        // `the table` is looked for by its longest word.
        assert!(f.may_match("table") && !f.may_match("the"));
        assert!(!f.may_match("The senator said nothing about it."));
        assert!(f.may_match("Her EMAILS were sent."));
        assert!(f.may_match("the Watergate tapes"));
        // `talks` starts a token; `*gate` may end one anywhere.
        assert!(!f.may_match("the stalks"));
        assert!(f.may_match("x-talks") && f.may_match("(talks") && f.may_match("’talks"));
        assert!(f.may_match("propagate"));
        assert!(f.may_match("a \u{212A}elvin sign") && f.may_match("\u{130}"));
        // A term with an apostrophe-only word gives no filter.
        let clf = StanceClassifier::new(&[issue("x", &["o'clock"])]).unwrap();
        assert!(clf.topic_filter.is_none());
    }

    /// Wherever the filter says "no", the tokens hold no topic match of any issue: on
    /// windows of every PolNeAR train text (where the shared data is checked out) and edge cases.
    #[test]
    fn topic_filter_never_hides_a_topic_match() {
        let clf = StanceClassifier::new(&issues()).unwrap();
        let f = clf.topic_filter.as_ref().unwrap();
        let (mut windows, mut skipped) = (0, 0);
        for t in &texts() {
            for w in cuts(t).windows(3) {
                let part = &t[w[0]..w[2]];
                windows += 1;
                if f.may_match(part) {
                    continue;
                }
                skipped += 1;
                let toks = tokenize(part, 0);
                for issue in &clf.issues {
                    assert!(
                        find_all(&issue.topics, &issue.topics_ix, &toks).is_empty(),
                        "{} in {part:?}",
                        issue.id
                    );
                }
            }
        }
        eprintln!("{windows} windows, {skipped} without a topic term");
    }

    /// [`ASCII_LOWERING`] is every non-ASCII char that lower-cases to something with ASCII.
    #[test]
    fn ascii_lowering_is_complete() {
        let found: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(found, ASCII_LOWERING);
    }

    /// The issues of `examples/us-2016` and `examples/iran-2019` as their `issues.toml` give
    /// them (terms, targets, extra cues; models are not loaded).
    fn example_issues() -> Vec<IssueConfig> {
        #[derive(serde::Deserialize)]
        struct File {
            issue: Vec<IssueConfig>,
        }
        ["us-2016", "iran-2019"]
            .iter()
            .flat_map(|p| {
                let path = format!(
                    "{}/../../examples/{p}/issues.toml",
                    env!("CARGO_MANIFEST_DIR")
                );
                let text = std::fs::read_to_string(&path).expect("example issues.toml");
                toml::from_str::<File>(&text)
                    .expect("issues.toml parses")
                    .issue
            })
            .collect()
    }

    /// Classification with the topic filter equals the full per-issue scan without it, for
    /// statements of 150 chars (context: the next 150 chars too) over every test text; and the
    /// texts exercise both sides (statements with a stance, statements the filter skips).
    #[test]
    fn topic_filter_keeps_every_stance() {
        let filtered = StanceClassifier::new(&example_issues()).unwrap();
        assert!(filtered.topic_filter.is_some());
        let full = StanceClassifier {
            topic_filter: None,
            ..filtered.clone()
        };
        let (mut statements, mut with_stance, mut skipped) = (0, 0, 0);
        for t in &texts() {
            let index = CharIndex::new(t);
            let chars: Vec<usize> = cuts(t).iter().map(|&b| index.char_of(b)).collect();
            for w in chars.windows(3) {
                let st = Statement {
                    article: "t".into(),
                    kind: rift_core::StatementKind::Direct,
                    text: String::new(),
                    span: Span::new(w[0], w[1]),
                    cue: None,
                    source: rift_core::Source::default(),
                    outlet: None,
                    date: None,
                    stance: Vec::new(),
                };
                let context = Span::new(w[0], w[2]);
                let want = full.classify_indexed(&index, t, &st, context);
                let got = filtered.classify_indexed(&index, t, &st, context);
                assert_eq!(
                    got,
                    want,
                    "{:?}",
                    &t[index.byte_of(w[0])..index.byte_of(w[2])]
                );
                statements += 1;
                with_stance += usize::from(!want.is_empty());
                let region = &t[index.byte_of(w[0])..index.byte_of(w[2])];
                skipped += usize::from(!filtered.topic_filter.as_ref().unwrap().may_match(region));
            }
        }
        eprintln!("{statements} statements, {with_stance} with a stance, {skipped} skipped");
        assert!(with_stance > 0 && skipped > 0);
    }
}
