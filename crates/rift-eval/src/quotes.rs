//! Scoring extracted statements against attribution gold ([`crate::brat`]): content, source and
//! content+source precision/recall/F1, by kind (direct / indirect / mixed), with per-article
//! errors.
//!
//! **Units.** Spans are turned into sets of word tokens (maximal runs of letters and digits), so
//! quote marks, punctuation and whitespace at the edges never matter.
//! - *Exact*: the gold and predicted content have the same word tokens (exact after trimming
//!   quote marks and punctuation).
//! - *Overlap*: token Dice `2|G∩P| / (|G|+|P|) ≥ 0.5`.
//!
//! Gold and predicted attributions are paired one-to-one per article, greedily by decreasing Dice
//! (exact pairs are found the same way, among pairs with Dice 1).
//!
//! **Source** is judged on the overlap-matched pairs: right when both sides have no source, or
//! when their source tokens have Dice ≥ 0.5. *Content+source* counts a pair as a true positive
//! when its content overlaps and its source is right.
//!
//! **Kind** is derived from the text the same way for gold and predictions: a content whose words
//! are all inside quotation marks is `direct`, one with some words inside is `mixed`, one with
//! none is `indirect`. Quotation state is tracked per paragraph (an opening mark left open runs
//! to the paragraph's end, as in a quote continued in the next paragraph).
//!
//! Predictions come from rift's own [`rift_core::Statement`]s through [`predictions`], which
//! joins a quote continuation (a statement with no cue and the same source mention as the one
//! before it) to that statement, as PolNeAR draws a quote running over paragraphs as one
//! discontinuous content. [`from_gold`] turns a second annotator's attributions into
//! predictions, for the annotators' agreement on the same scale.

use rift_core::{Span, Statement, StatementKind};
use serde::Serialize;

use crate::brat::GoldAttribution;

/// Content kind, as derived from quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// All words inside quotation marks.
    Direct,
    /// No word inside quotation marks.
    Indirect,
    /// Some words inside.
    Mixed,
}

impl Kind {
    /// All kinds in report order.
    pub const ALL: [Kind; 3] = [Kind::Direct, Kind::Indirect, Kind::Mixed];
    /// Lower-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

/// A predicted attribution in gold terms: content span(s) and source span (if any).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Predicted {
    /// Content spans (several for a quote continued over paragraphs).
    pub content: Vec<Span>,
    /// Source mention span.
    pub source: Option<Span>,
    /// Cue span (of the first part), shown in the error listing of spurious predictions.
    pub cue: Option<Span>,
}

/// Turns rift statements (in text order) into [`Predicted`] attributions, joining quote
/// continuations to the statement before them.
pub fn predictions(statements: &[Statement]) -> Vec<Predicted> {
    let mut out: Vec<Predicted> = Vec::with_capacity(statements.len());
    // whether each output's first statement is a direct quote
    let mut direct: Vec<bool> = Vec::with_capacity(statements.len());
    for s in statements {
        // A continuation (no cue of its own) joins the statement before it with the same
        // source mention; past a statement of that source in between (`“A,” she said,
        // emphasizing B. “C.”`), the quote it continues.
        let joins = if s.cue.is_none() && s.source.span.is_some() {
            let same = |j: &usize| out[*j].source == s.source.span;
            let recent = out.len().saturating_sub(3)..out.len();
            match out.last() {
                Some(p) if p.source == s.source.span && direct.last() == Some(&true) => {
                    Some(out.len() - 1)
                }
                Some(p) if p.source == s.source.span => recent
                    .clone()
                    .rev()
                    .filter(same)
                    .find(|&j| direct[j])
                    .or(Some(out.len() - 1)),
                // a statement of another source in between (`“A,” said X, who will address
                // the convention. “B …”`): B continues X's quote
                Some(_) => recent.clone().rev().filter(same).find(|&j| direct[j]),
                None => None,
            }
        } else {
            None
        };
        if let Some(j) = joins {
            out[j].content.push(s.span);
        } else {
            out.push(Predicted {
                content: vec![s.span],
                source: s.source.span,
                cue: s.cue.as_ref().map(|c| c.span),
            });
            direct.push(s.kind == StatementKind::Direct);
        }
    }
    out
}

/// One annotator's attributions as predictions, to score one annotator against another with
/// the same [`Scorer`] (the agreement of two people is the ceiling an extractor is measured
/// under). A discontinuous source becomes the span from its first to its last part.
pub fn from_gold(gold: &[GoldAttribution]) -> Vec<Predicted> {
    gold.iter()
        .map(|g| Predicted {
            content: g.content.clone(),
            source: match (g.source.first(), g.source.last()) {
                (Some(a), Some(b)) => Some(Span::new(a.start, b.end)),
                _ => None,
            },
            cue: g.cue.first().copied(),
        })
        .collect()
}

/// Word tokens of one text (code-point ranges) and its quotation mask.
#[derive(Debug, Clone)]
pub struct TextIndex {
    /// Word tokens `(start, end)` in code points, in order.
    words: Vec<(usize, usize)>,
    /// For each word token, whether it is inside quotation marks.
    quoted: Vec<bool>,
}

impl TextIndex {
    /// Indexes `text`: word tokens and which of them are inside quotation marks.
    pub fn new(text: &str) -> Self {
        let mut words = Vec::new();
        let mut quoted = Vec::new();
        let mut in_quote = false;
        let mut word_start: Option<(usize, bool)> = None;
        let chars: Vec<char> = text.chars().collect();
        let mut skip = false;
        for (i, &c) in chars.iter().enumerate() {
            if skip {
                skip = false;
                continue;
            }
            if c.is_alphanumeric() {
                if word_start.is_none() {
                    word_start = Some((i, in_quote));
                }
                continue;
            }
            if let Some((s, q)) = word_start.take() {
                words.push((s, i));
                quoted.push(q);
            }
            match c {
                '\n' => in_quote = false,
                '“' | '«' | '„' => in_quote = true,
                '”' | '»' => in_quote = false,
                '"' => in_quote = !in_quote,
                // `''…''`: two apostrophes are one double mark in some wires' copy.
                '\'' if chars.get(i + 1) == Some(&'\'') => {
                    in_quote = !in_quote;
                    skip = true;
                }
                _ => {}
            }
        }
        if let Some((s, q)) = word_start {
            words.push((s, chars.len()));
            quoted.push(q);
        }
        TextIndex { words, quoted }
    }

    /// Indices of the word tokens covered by `spans` (a token counts when at least half of it
    /// is inside a span), sorted.
    pub fn tokens(&self, spans: &[Span]) -> Vec<u32> {
        let mut out = Vec::new();
        for sp in spans {
            let first = self.words.partition_point(|&(_, e)| e <= sp.start);
            for (k, &(s, e)) in self.words.iter().enumerate().skip(first) {
                if s >= sp.end {
                    break;
                }
                let inside = e.min(sp.end).saturating_sub(s.max(sp.start));
                if inside * 2 >= e - s {
                    out.push(k as u32);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The kind of a content given its word tokens (`None` for no tokens).
    pub fn kind(&self, tokens: &[u32]) -> Option<Kind> {
        let n = tokens.len();
        if n == 0 {
            return None;
        }
        let q = tokens.iter().filter(|&&k| self.quoted[k as usize]).count();
        Some(if q == n {
            Kind::Direct
        } else if q == 0 {
            Kind::Indirect
        } else {
            Kind::Mixed
        })
    }
}

/// Token Dice of two sorted token lists.
pub fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut n) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * n as f64 / (a.len() + b.len()) as f64
}

/// One-to-one greedy matching by decreasing Dice among pairs with Dice ≥ `min`.
/// Returns `(gold index, predicted index, dice)`.
fn match_pairs(gold: &[Vec<u32>], pred: &[Vec<u32>], min: f64) -> Vec<(usize, usize, f64)> {
    let mut cands = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        if g.is_empty() {
            continue;
        }
        for (j, p) in pred.iter().enumerate() {
            if p.is_empty() || p[0] > *g.last().unwrap() || g[0] > *p.last().unwrap() {
                continue;
            }
            let d = dice(g, p);
            if d >= min {
                cands.push((i, j, d));
            }
        }
    }
    cands.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut gu = vec![false; gold.len()];
    let mut pu = vec![false; pred.len()];
    let mut out = Vec::new();
    for (i, j, d) in cands {
        if !gu[i] && !pu[j] {
            gu[i] = true;
            pu[j] = true;
            out.push((i, j, d));
        }
    }
    out
}

/// Precision / recall / F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// Predictions counted.
    pub predicted: usize,
    /// Gold items counted.
    pub gold: usize,
    /// tp / predicted.
    pub precision: f64,
    /// tp / gold.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

impl Prf {
    /// Computes the ratios from counts. For per-kind scores the matched predictions and matched
    /// gold items can differ in number, so they are given separately.
    pub fn new(tp_pred: usize, predicted: usize, tp_gold: usize, gold: usize) -> Self {
        let p = if predicted == 0 {
            0.0
        } else {
            tp_pred as f64 / predicted as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            tp_gold as f64 / gold as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            tp: tp_gold,
            predicted,
            gold,
            precision: p,
            recall: r,
            f1,
        }
    }
}

/// Raw counts, summed over articles.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    gold: usize,
    pred: usize,
    exact: usize,
    overlap: usize,
    source_right: usize,
    source_exact: usize,
    /// per kind: gold, pred, matched gold, matched pred
    kind: [[usize; 4]; 3],
}

/// One error line for a person to read.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorItem {
    /// `missed`, `spurious`, `source` (content matched, source wrong) or `boundary` (content
    /// matched by overlap, not exactly).
    pub what: &'static str,
    /// The content's kind.
    pub kind: Option<Kind>,
    /// The content text (pieces joined by ` … `).
    pub content: String,
    /// The source text, if any.
    pub source: String,
    /// The gold cue text, if any (empty for predictions).
    pub cue: String,
    /// For `source` errors: the other side's source (the prediction's).
    pub other: String,
    /// First code point of the content.
    pub at: usize,
}

/// The errors of one article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleErrors {
    /// Article id.
    pub article: String,
    /// Errors in text order.
    pub items: Vec<ErrorItem>,
}

/// Accumulates scores over articles.
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    counts: Counts,
    articles: usize,
}

fn kind_ix(k: Kind) -> usize {
    match k {
        Kind::Direct => 0,
        Kind::Indirect => 1,
        Kind::Mixed => 2,
    }
}

fn slice(text: &str, chars: &[usize], spans: &[Span]) -> String {
    let b = |c: usize| chars.get(c).copied().unwrap_or(text.len());
    spans
        .iter()
        .map(|s| text[b(s.start)..b(s.end.max(s.start))].replace('\n', " ¶ "))
        .collect::<Vec<_>>()
        .join(" … ")
}

impl Scorer {
    /// A scorer with no articles.
    pub fn new() -> Self {
        Self::default()
    }

    /// Scores one article and returns its errors.
    pub fn add(
        &mut self,
        id: &str,
        text: &str,
        gold: &[GoldAttribution],
        pred: &[Predicted],
    ) -> ArticleErrors {
        self.articles += 1;
        let idx = TextIndex::new(text);
        let gt: Vec<Vec<u32>> = gold.iter().map(|g| idx.tokens(&g.content)).collect();
        let pt: Vec<Vec<u32>> = pred.iter().map(|p| idx.tokens(&p.content)).collect();
        let gk: Vec<Option<Kind>> = gt.iter().map(|t| idx.kind(t)).collect();
        let pk: Vec<Option<Kind>> = pt.iter().map(|t| idx.kind(t)).collect();
        let c = &mut self.counts;
        c.gold += gold.len();
        c.pred += pred.len();
        for k in gk.iter().flatten() {
            c.kind[kind_ix(*k)][0] += 1;
        }
        for k in pk.iter().flatten() {
            c.kind[kind_ix(*k)][1] += 1;
        }
        c.exact += match_pairs(&gt, &pt, 1.0).len();
        let pairs = match_pairs(&gt, &pt, 0.5);
        c.overlap += pairs.len();
        let mut gm = vec![false; gold.len()];
        let mut pm = vec![false; pred.len()];
        let char_bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let mut items = Vec::new();
        for &(i, j, _) in &pairs {
            gm[i] = true;
            pm[j] = true;
            if let Some(k) = gk[i] {
                c.kind[kind_ix(k)][2] += 1;
            }
            if let Some(k) = pk[j] {
                c.kind[kind_ix(k)][3] += 1;
            }
            let gs = idx.tokens(&gold[i].source);
            let ps: Vec<u32> = pred[j].source.map_or_else(Vec::new, |s| idx.tokens(&[s]));
            let d = dice(&gs, &ps);
            if d >= 0.5 {
                c.source_right += 1;
            } else {
                items.push(ErrorItem {
                    what: "source",
                    kind: gk[i],
                    content: slice(text, &char_bytes, &gold[i].content),
                    source: slice(text, &char_bytes, &gold[i].source),
                    cue: slice(text, &char_bytes, &gold[i].cue),
                    other: pred[j]
                        .source
                        .map_or_else(String::new, |s| slice(text, &char_bytes, &[s])),
                    at: gold[i].content.first().map_or(0, |s| s.start),
                });
            }
            if gs == ps {
                c.source_exact += 1;
            }
            if gt[i] != pt[j] {
                items.push(ErrorItem {
                    what: "boundary",
                    kind: gk[i],
                    content: slice(text, &char_bytes, &gold[i].content),
                    source: String::new(),
                    cue: slice(text, &char_bytes, &gold[i].cue),
                    other: slice(text, &char_bytes, &pred[j].content),
                    at: gold[i].content.first().map_or(0, |s| s.start),
                });
            }
        }
        for (i, g) in gold.iter().enumerate() {
            if !gm[i] {
                items.push(ErrorItem {
                    what: "missed",
                    kind: gk[i],
                    content: slice(text, &char_bytes, &g.content),
                    source: slice(text, &char_bytes, &g.source),
                    cue: slice(text, &char_bytes, &g.cue),
                    other: String::new(),
                    at: g.content.first().map_or(0, |s| s.start),
                });
            }
        }
        for (j, p) in pred.iter().enumerate() {
            if !pm[j] {
                items.push(ErrorItem {
                    what: "spurious",
                    kind: pk[j],
                    content: slice(text, &char_bytes, &p.content),
                    source: p
                        .source
                        .map_or_else(String::new, |s| slice(text, &char_bytes, &[s])),
                    cue: p
                        .cue
                        .map_or_else(String::new, |c| slice(text, &char_bytes, &[c])),
                    other: String::new(),
                    at: p.content.first().map_or(0, |s| s.start),
                });
            }
        }
        items.sort_by_key(|e| e.at);
        ArticleErrors {
            article: id.to_string(),
            items,
        }
    }

    /// The scores so far.
    pub fn report(&self) -> Report {
        let c = &self.counts;
        let by_kind = Kind::ALL
            .iter()
            .map(|&k| {
                let [g, p, mg, mp] = c.kind[kind_ix(k)];
                (k, Prf::new(mp, p, mg, g))
            })
            .collect();
        Report {
            articles: self.articles,
            gold: c.gold,
            predicted: c.pred,
            content_exact: Prf::new(c.exact, c.pred, c.exact, c.gold),
            content_overlap: Prf::new(c.overlap, c.pred, c.overlap, c.gold),
            source_accuracy: if c.overlap == 0 {
                0.0
            } else {
                c.source_right as f64 / c.overlap as f64
            },
            source_exact_accuracy: if c.overlap == 0 {
                0.0
            } else {
                c.source_exact as f64 / c.overlap as f64
            },
            content_source: Prf::new(c.source_right, c.pred, c.source_right, c.gold),
            by_kind,
        }
    }
}

/// Scores over a gold set.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Articles scored.
    pub articles: usize,
    /// Gold attributions.
    pub gold: usize,
    /// Predicted attributions.
    pub predicted: usize,
    /// Content, exact (after trimming quote marks and punctuation).
    pub content_exact: Prf,
    /// Content, token Dice ≥ 0.5.
    pub content_overlap: Prf,
    /// Share of overlap-matched pairs whose source is right (Dice ≥ 0.5 or both absent).
    pub source_accuracy: f64,
    /// Share of overlap-matched pairs whose source tokens are identical.
    pub source_exact_accuracy: f64,
    /// Content overlap and source right.
    pub content_source: Prf,
    /// Content overlap by kind (precision over predictions of that kind, recall over gold of
    /// that kind).
    pub by_kind: Vec<(Kind, Prf)>,
}

impl Report {
    /// A plain-text table.
    pub fn table(&self) -> String {
        let mut s = format!(
            "articles {}   gold attributions {}   predicted {}\n\n{:<22} {:>9} {:>9} {:>9} {:>7} {:>7}\n",
            self.articles, self.gold, self.predicted, "measure", "precision", "recall", "F1", "gold", "pred"
        );
        let row = |s: &mut String, name: &str, p: &Prf| {
            s.push_str(&format!(
                "{:<22} {:>9.3} {:>9.3} {:>9.3} {:>7} {:>7}\n",
                name, p.precision, p.recall, p.f1, p.gold, p.predicted
            ));
        };
        row(&mut s, "content exact", &self.content_exact);
        row(&mut s, "content overlap", &self.content_overlap);
        row(&mut s, "content+source", &self.content_source);
        for (k, p) in &self.by_kind {
            row(&mut s, &format!("  {} (overlap)", k.as_str()), p);
        }
        s.push_str(&format!(
            "\nsource on matched pairs: {:.3} (Dice ≥ 0.5), {:.3} (exact)\n",
            self.source_accuracy, self.source_exact_accuracy
        ));
        s
    }
}

impl ArticleErrors {
    /// Human-readable lines: `## article`, then one line per error.
    pub fn render(&self) -> String {
        let mut s = format!("## {}\n", self.article);
        for e in &self.items {
            let k = e.kind.map_or("-", |k| k.as_str());
            match e.what {
                "source" => s.push_str(&format!(
                    "SOURCE   [{k}] @{} «{}»\n         gold source «{}» / predicted «{}»\n",
                    e.at, e.content, e.source, e.other
                )),
                "boundary" => s.push_str(&format!(
                    "BOUNDARY [{k}] @{} «{}»\n         predicted «{}» (gold cue «{}»)\n",
                    e.at, e.content, e.other, e.cue
                )),
                w => s.push_str(&format!(
                    "{:<8} [{k}] @{} «{}»\n         source «{}» cue «{}»\n",
                    w.to_uppercase(),
                    e.at,
                    e.content,
                    e.source,
                    e.cue
                )),
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(text: &str, needle: &str) -> Span {
        let b = text.find(needle).unwrap();
        let a = text[..b].chars().count();
        Span::new(a, a + needle.chars().count())
    }

    const TEXT: &str = "Morris says the campaign will pursue funds.\n“We will win,” Morris said. “We are strong.”\nO’Malley’s move was first reported by MSNBC, which said the campaign “lost its way today.”";

    #[test]
    fn kinds_follow_quote_marks() {
        let idx = TextIndex::new(TEXT);
        let k = |n: &str| idx.kind(&idx.tokens(&[sp(TEXT, n)]));
        assert_eq!(k("We will win,"), Some(Kind::Direct));
        assert_eq!(k("the campaign will pursue funds"), Some(Kind::Indirect));
        assert_eq!(k("the campaign “lost its way today.”"), Some(Kind::Mixed));
        let t = "''It is over,'' he said, and it isn't.";
        let idx = TextIndex::new(t);
        let k = |n: &str| idx.kind(&idx.tokens(&[sp(t, n)]));
        assert_eq!(k("It is over,"), Some(Kind::Direct));
        assert_eq!(k("he said, and it isn't"), Some(Kind::Indirect));
    }

    #[test]
    fn dice_and_tokens_ignore_punctuation() {
        let idx = TextIndex::new(TEXT);
        let a = idx.tokens(&[sp(TEXT, "“We will win,”")]);
        let b = idx.tokens(&[sp(TEXT, "We will win")]);
        assert_eq!(a, b);
        assert_eq!(dice(&a, &b), 1.0);
        let c = idx.tokens(&[sp(TEXT, "will win")]);
        assert!((dice(&a, &c) - 0.8).abs() < 1e-9);
        assert_eq!(dice(&a, &[]), 0.0);
    }

    #[test]
    fn an_annotator_scored_against_itself_agrees_fully_and_a_second_one_does_not() {
        let mut a = three_gold();
        a.truncate(2);
        // a discontinuous source becomes one span from its first part to its last
        a[1].source = vec![sp(TEXT, "O’Malley"), sp(TEXT, "move")];
        let p = from_gold(&a);
        assert_eq!(p[1].source, Some(sp(TEXT, "O’Malley’s move")));
        assert_eq!(p[0].cue, Some(sp(TEXT, "says")));
        let mut same = Scorer::new();
        same.add("a", TEXT, &a, &p);
        let r = same.report();
        assert_eq!((r.content_exact.tp, r.content_source.tp), (2, 2));
        // the second annotator draws the first content shorter and names no source
        let b = vec![GoldAttribution {
            content: vec![sp(TEXT, "will pursue funds")],
            cue: vec![],
            source: vec![],
        }];
        let mut other = Scorer::new();
        other.add("a", TEXT, &a, &from_gold(&b));
        let r = other.report();
        assert_eq!(r.content_exact.tp, 0);
        assert_eq!(r.content_overlap.tp, 1);
        assert_eq!(r.content_source.tp, 0);
    }

    /// Three gold attributions of [`TEXT`]: reported speech, a quote in two parts, a noun phrase.
    fn three_gold() -> Vec<GoldAttribution> {
        vec![
            GoldAttribution {
                content: vec![sp(TEXT, "the campaign will pursue funds.")],
                cue: vec![sp(TEXT, "says")],
                source: vec![sp(TEXT, "Morris")],
            },
            GoldAttribution {
                content: vec![sp(TEXT, "“We will win,”"), sp(TEXT, "“We are strong.”")],
                cue: vec![],
                source: vec![{
                    let a = sp(TEXT, "Morris said").start;
                    Span::new(a, a + 6)
                }],
            },
            GoldAttribution {
                content: vec![sp(TEXT, "O’Malley’s move")],
                cue: vec![],
                source: vec![sp(TEXT, "MSNBC")],
            },
        ]
    }

    #[test]
    fn scores_exact_overlap_source_and_errors() {
        let gold = three_gold();
        let pred = vec![
            // exact after trimming
            Predicted {
                content: vec![sp(TEXT, "the campaign will pursue funds")],
                source: Some(sp(TEXT, "Morris")),
                cue: None,
            },
            // overlap only (first piece, 3 of 6 tokens → Dice 0.667), wrong source
            Predicted {
                content: vec![sp(TEXT, "We will win")],
                source: Some(sp(TEXT, "MSNBC")),
                cue: None,
            },
            // spurious
            Predicted {
                content: vec![sp(TEXT, "lost its way today")],
                source: None,
                cue: Some(sp(TEXT, "today")),
            },
        ];
        let mut sc = Scorer::new();
        let errs = sc.add("a", TEXT, &gold, &pred);
        let r = sc.report();
        assert_eq!(r.content_exact.tp, 1);
        assert_eq!(r.content_overlap.tp, 2);
        assert!((r.content_overlap.precision - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.content_source.tp, 1);
        assert!((r.source_accuracy - 0.5).abs() < 1e-9);
        let whats: Vec<&str> = errs.items.iter().map(|e| e.what).collect();
        assert_eq!(whats, ["source", "boundary", "missed", "spurious"]);
        let direct = r
            .by_kind
            .iter()
            .find(|(k, _)| *k == Kind::Direct)
            .unwrap()
            .1;
        assert_eq!((direct.gold, direct.predicted, direct.tp), (1, 2, 1));
        assert!(errs.render().contains("MISSED"));
        assert_eq!(errs.items[3].cue, "today", "a spurious item shows its cue");
    }

    #[test]
    fn continuations_join_the_statement_before() {
        use rift_core::{Cue, Source, StatementKind};
        let st = |span: Span, cue: bool, src: Span| Statement {
            article: "a".into(),
            kind: StatementKind::Direct,
            text: String::new(),
            span,
            cue: cue.then(|| Cue {
                text: "said".into(),
                span: Span::new(0, 1),
            }),
            source: Source {
                span: Some(src),
                ..Source::default()
            },
            outlet: None,
            date: None,
            stance: vec![],
        };
        let s1 = Span::new(0, 5);
        let s2 = Span::new(9, 12);
        let p = predictions(&[
            st(Span::new(20, 30), true, s1),
            st(Span::new(40, 50), false, s1),
            st(Span::new(60, 70), false, s2),
        ]);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].content, vec![Span::new(20, 30), Span::new(40, 50)]);
        assert_eq!(p[1].source, Some(s2));
        // `“A,” she said, emphasizing B. “C.”`: C continues the quote A, past B
        let mut b = st(Span::new(32, 38), true, s1);
        b.kind = StatementKind::Indirect;
        let p = predictions(&[
            st(Span::new(20, 30), true, s1),
            b,
            st(Span::new(40, 50), false, s1),
        ]);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].content, vec![Span::new(20, 30), Span::new(40, 50)]);
        assert_eq!(p[1].content, vec![Span::new(32, 38)]);
        // `“A,” said X, who will address the convention. “C.”`: a statement of another source
        // (the relative clause) in between
        let mut b = st(Span::new(32, 38), true, s2);
        b.kind = StatementKind::Indirect;
        let p = predictions(&[
            st(Span::new(20, 30), true, s1),
            b,
            st(Span::new(40, 50), false, s1),
        ]);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].content, vec![Span::new(20, 30), Span::new(40, 50)]);
        // … but a continuation never joins a statement of another source
        let p = predictions(&[
            st(Span::new(20, 30), true, s2),
            st(Span::new(40, 50), false, s1),
        ]);
        assert_eq!(p.len(), 2);
    }
}
