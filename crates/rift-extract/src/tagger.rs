//! The learned attribution tagger: a greedy averaged perceptron that labels each token of a
//! sentence as part of a source, a cue or a content (BIO tags), for the sentences the rules of
//! [`crate::Extractor`] leave without any statement.
//!
//! The rules are precise but cannot list every way news attributes (PolNeAR counts `police
//! allowed [the violence]` and `his strong opposition to [the Vietnam War]`). The tagger learns
//! those from annotated articles; the extractor runs it after its rule passes, only on sentences
//! where no rule found anything, and turns each tagged cue with a content into a statement
//! (`Draft`), whose source phrase is typed and named like a rule's.
//!
//! Features are hashed into a fixed table (`2^bits` rows × [`TAGS`] `i8` weights, padded to 8): words and their
//! neighbours, suffix and shape, the cue lexicon's class of nearby words ([`crate::cues`]), the
//! distance to the nearest lexicon cue, quote state, and the previous tag. The built-in model
//! (`model/tagger.bin`, trained on PolNeAR train by `examples/train_tagger.rs`) is compiled into
//! the binary; [`TaggerModel::from_bytes`] reads another.

use rift_text::{Token, TokenKind};

use crate::cues::Lexicon;

/// The tag set, in weight order.
pub const TAGS: [&str; 7] = ["O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"];
/// Outside any span.
pub const O: u8 = 0;
/// First token of a source span.
pub const B_SRC: u8 = 1;
/// First token of a cue span.
pub const B_CUE: u8 = 3;
/// First token of a content span.
pub const B_CON: u8 = 5;
const NT: usize = TAGS.len();
/// Weights per feature row: the tags padded to 8, so a row is one aligned 16-byte load.
const ROW: usize = 8;
const MAGIC: &[u8; 8] = b"RIFTTAG3";

/// Why a tagger model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    /// The bytes do not start with the model header or are cut short.
    #[error("not a rift tagger model (bad header or length)")]
    Format,
}

/// A trained tagger: hashed feature weights, quantised to `i8` (one byte a weight keeps the
/// table at 1 MiB, in cache; on PolNeAR dev it scores as the `i16` table did).
#[derive(Debug, Clone)]
pub struct TaggerModel {
    bits: u32,
    scale: f32,
    /// The `i8` weights as bytes: the built-in model borrows them from the binary (no 4 MiB
    /// copy at start-up).
    weights: std::borrow::Cow<'static, [u8]>,
}

static BUILTIN: &[u8] = include_bytes!("../model/tagger.bin");

impl TaggerModel {
    /// The model compiled into the binary (PolNeAR train).
    pub fn builtin() -> &'static TaggerModel {
        static M: std::sync::OnceLock<TaggerModel> = std::sync::OnceLock::new();
        M.get_or_init(|| {
            let (bits, scale) = header(BUILTIN).expect("built-in tagger model");
            TaggerModel {
                bits,
                scale,
                weights: std::borrow::Cow::Borrowed(&BUILTIN[16..]),
            }
        })
    }

    /// Reads a model written by [`TaggerModel::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Self, TaggerError> {
        let (bits, scale) = header(b)?;
        Ok(TaggerModel {
            bits,
            scale,
            weights: std::borrow::Cow::Owned(b[16..].to_vec()),
        })
    }

    /// The model as bytes: header, table size (bits), scale, then one byte per weight.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.weights);
        out
    }

    /// Tags one sentence: `out[i]` is the tag of `toks[i]` (an index into [`TAGS`]).
    pub fn tag(&self, s: &Sentence<'_>, out: &mut Vec<u8>) {
        let mask = (1u64 << self.bits) - 1;
        let ctx = Context::new(s);
        out.clear();
        let mut feats = Feats::new();
        // The features that do not depend on the previous tag first, for every token: their
        // table look-ups are independent, so the CPU overlaps their cache misses.
        let mut scores: Vec<[i16; ROW]> = Vec::with_capacity(s.toks.len());
        for i in 0..s.toks.len() {
            static_features(s, &ctx, i, mask, &mut feats);
            scores.push(self.sum(feats.as_slice()));
        }
        let mut prev = O;
        for (i, score) in scores.into_iter().enumerate() {
            feats.clear();
            dynamic_features(&ctx, i, prev, mask, &mut feats);
            let d = self.sum(feats.as_slice());
            let mut total = [0i32; ROW];
            for t in 0..ROW {
                total[t] = i32::from(score[t]) + i32::from(d[t]);
            }
            let t = best(&total, prev);
            out.push(t);
            prev = t;
        }
    }

    /// The summed weight rows of `feats`. At most [`MAX_FEATS`] rows of `i8` weights: the sum
    /// fits an `i16` (the same value as an `i32` sum), 8 lanes in one vector register.
    #[inline]
    fn sum(&self, feats: &[u32]) -> [i16; ROW] {
        debug_assert!(feats.len() <= MAX_FEATS);
        let mut score = [0i16; ROW];
        for &f in feats {
            let k = f as usize * ROW;
            let Some(row) = self.weights.get(k..k + ROW) else {
                continue;
            };
            for t in 0..ROW {
                score[t] += i16::from(row[t] as i8);
            }
        }
        score
    }
}

/// The most features a token has (static and dynamic).
const MAX_FEATS: usize = 24;

/// A token's hashed feature ids, in a fixed buffer.
struct Feats {
    ids: [u32; MAX_FEATS],
    n: usize,
}

impl Feats {
    fn new() -> Self {
        Feats {
            ids: [0; MAX_FEATS],
            n: 0,
        }
    }

    #[inline]
    fn clear(&mut self) {
        self.n = 0;
    }

    #[inline]
    fn push(&mut self, f: u32) {
        if let Some(slot) = self.ids.get_mut(self.n) {
            *slot = f;
            self.n += 1;
        }
    }

    #[inline]
    fn as_slice(&self) -> &[u32] {
        &self.ids[..self.n.min(MAX_FEATS)]
    }
}

/// The table size (bits) and scale of a model's bytes, checked against their length.
fn header(b: &[u8]) -> Result<(u32, f32), TaggerError> {
    if b.len() < 16 || &b[..8] != MAGIC {
        return Err(TaggerError::Format);
    }
    let bits = u32::from_le_bytes(b[8..12].try_into().map_err(|_| TaggerError::Format)?);
    let scale = f32::from_le_bytes(b[12..16].try_into().map_err(|_| TaggerError::Format)?);
    if bits > 24 || b.len() != 16 + (1usize << bits) * ROW {
        return Err(TaggerError::Format);
    }
    Ok((bits, scale))
}

/// The highest-scoring tag that may follow `prev` (`I-X` only after `B-X` or `I-X`).
fn best<T: PartialOrd + Copy>(score: &[T; ROW], prev: u8) -> u8 {
    let mut bt = 0u8;
    for t in 1..NT as u8 {
        if t % 2 == 0 && prev != t && prev != t - 1 {
            continue;
        }
        if score[t as usize] > score[bt as usize] {
            bt = t;
        }
    }
    bt
}

/// One sentence as the tagger sees it.
pub struct Sentence<'a> {
    /// The article text.
    pub text: &'a str,
    /// The sentence's tokens.
    pub toks: &'a [Token],
    /// For each token, whether it is inside quotation marks.
    pub in_quote: &'a [bool],
    /// For each token, its [`Lexicon::class`] (0 for punctuation).
    pub class: &'a [u8],
}

/// The [`Lexicon::class`] of every token (0 for punctuation): computed once per article and
/// sliced per [`Sentence`].
pub fn classes(text: &str, toks: &[Token], lexicon: &Lexicon) -> Vec<u8> {
    toks.iter()
        .map(|t| {
            if t.kind == TokenKind::Word {
                lexicon.class(t.text(text))
            } else {
                0
            }
        })
        .collect()
}

/// Per-sentence facts shared by the tokens' features.
struct Context<'a> {
    /// Lower-case word hash of each token.
    hash: Vec<u64>,
    /// Lexicon class of each token (0 none, 1 speech, 2 weak, 3 object, 4 phrasal start).
    class: &'a [u8],
    /// Nearest token with a lexicon class before / after each token.
    left: Vec<Option<usize>>,
    right: Vec<Option<usize>>,
    /// Running counts of `that` and of commas up to (excluding) each token.
    thats: Vec<u32>,
    commas: Vec<u32>,
    /// [`shape`] of each token.
    shape: Vec<u64>,
}

impl<'a> Context<'a> {
    fn new(s: &Sentence<'a>) -> Self {
        let class = s.class;
        let hash: Vec<u64> = s.toks.iter().map(|t| word_hash(t.text(s.text))).collect();
        let shape: Vec<u64> = s.toks.iter().map(|t| shape(s.text, t)).collect();
        let n = s.toks.len();
        let mut left = vec![None; n];
        let mut right = vec![None; n];
        let mut thats = vec![0; n + 1];
        let mut commas = vec![0; n + 1];
        let mut last = None;
        for i in 0..n {
            left[i] = last;
            if class[i] != 0 {
                last = Some(i);
            }
            let w = s.toks[i].text(s.text);
            thats[i + 1] = thats[i] + u32::from(w == "that");
            commas[i + 1] = commas[i] + u32::from(w == ",");
        }
        last = None;
        for i in (0..n).rev() {
            right[i] = last;
            if class[i] != 0 {
                last = Some(i);
            }
        }
        Context {
            hash,
            class,
            left,
            right,
            thats,
            commas,
            shape,
        }
    }
}

fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[inline]
fn mix(template: u64, v: u64, mask: u64) -> u32 {
    let mut h = v ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 31;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 29;
    (h & mask) as u32
}

fn shape(text: &str, t: &Token) -> u64 {
    if t.kind == TokenKind::Punct {
        return 1 + u64::from(text.as_bytes()[t.start]);
    }
    let w = t.text(text);
    if w.bytes().all(|b| b.is_ascii_digit()) {
        2000
    } else if t.is_capitalized(text) {
        if w.chars().all(|c| !c.is_lowercase()) {
            2001
        } else {
            2002
        }
    } else {
        2003
    }
}

/// The last three characters of `word` (all of it when shorter).
#[inline]
fn suffix3(word: &str) -> &str {
    let b = word.as_bytes();
    // three ASCII bytes at the end are three characters
    if b.len() >= 3 && b[b.len() - 3..].iter().all(u8::is_ascii) {
        return &word[b.len() - 3..];
    }
    word.char_indices()
        .rev()
        .nth(2)
        .map_or(word, |(k, _)| &word[k..])
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=6 => 4,
        7..=12 => 5,
        _ => 6,
    }
}

/// Hashed feature ids of token `i` given the previous tag.
fn features(s: &Sentence<'_>, c: &Context<'_>, i: usize, prev: u8, mask: u64, out: &mut Feats) {
    static_features(s, c, i, mask, out);
    dynamic_features(c, i, prev, mask, out);
}

/// The features that depend on the previous tag, appended to `out`.
fn dynamic_features(c: &Context<'_>, i: usize, prev: u8, mask: u64, out: &mut Feats) {
    let p = u64::from(prev);
    let sh = c.shape[i];
    out.push(mix(21, p, mask));
    out.push(mix(22, p ^ (c.hash[i] << 3), mask));
    out.push(mix(23, p ^ (u64::from(c.class[i]) << 3) ^ (sh << 8), mask));
}

/// The features of token `i` that do not depend on the tags (`out` is cleared first).
fn static_features(s: &Sentence<'_>, c: &Context<'_>, i: usize, mask: u64, out: &mut Feats) {
    out.clear();
    let n = s.toks.len();
    let w = |j: isize| -> u64 {
        if j < 0 {
            1
        } else if j as usize >= n {
            2
        } else {
            c.hash[j as usize]
        }
    };
    let ii = i as isize;
    out.push(mix(0, 0, mask));
    out.push(mix(1, w(ii), mask));
    out.push(mix(2, w(ii - 1), mask));
    out.push(mix(3, w(ii + 1), mask));
    out.push(mix(6, w(ii - 1) ^ w(ii).rotate_left(17), mask));
    out.push(mix(7, w(ii) ^ w(ii + 1).rotate_left(17), mask));
    let word = s.toks[i].text(s.text);
    out.push(mix(8, word_hash(suffix3(word)), mask));
    out.push(mix(9, c.shape[i], mask));
    out.push(mix(11, u64::from(c.class[i]), mask));
    // nearest lexicon cue to the left and right, with its class and distance
    let (left, right) = (c.left[i], c.right[i]);
    let lf = left.map_or(99, |j| bucket(i - j) * 8 + u64::from(c.class[j]));
    let rf = right.map_or(99, |j| bucket(j - i) * 8 + u64::from(c.class[j]));
    out.push(mix(12, lf, mask));
    out.push(mix(13, rf, mask));
    out.push(mix(
        14,
        lf ^ (rf << 8) ^ (u64::from(c.class[i]) << 16),
        mask,
    ));
    // a `that` or comma between the left cue and this token
    if let Some(j) = left {
        let that = c.thats[i] > c.thats[j + 1];
        let comma = (c.commas[i] - c.commas[j + 1]).min(3);
        out.push(mix(15, u64::from(that) + 2 * u64::from(comma), mask));
        out.push(mix(16, c.hash[j] ^ (bucket(i - j) << 3), mask));
    }
    if let Some(j) = right {
        let comma = (c.commas[j] - c.commas[i + 1]).min(3);
        out.push(mix(17, u64::from(comma), mask));
        out.push(mix(18, c.hash[j] ^ (bucket(j - i) << 3), mask));
    }
    out.push(mix(19, u64::from(s.in_quote[i]), mask));
}

/// Trains a [`TaggerModel`] with the averaged perceptron (greedy decoding, predicted previous
/// tags), one sentence at a time.
pub struct Trainer {
    bits: u32,
    w: Vec<f32>,
    total: Vec<f32>,
    stamp: Vec<u32>,
    step: u32,
}

impl Trainer {
    /// A trainer with a table of `2^bits` feature rows.
    pub fn new(bits: u32) -> Self {
        let n = (1usize << bits) * ROW;
        Trainer {
            bits,
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            step: 0,
        }
    }

    /// One perceptron pass over a sentence with its gold tags; returns the number of tokens
    /// tagged wrongly.
    pub fn learn(&mut self, s: &Sentence<'_>, gold: &[u8]) -> usize {
        let mask = (1u64 << self.bits) - 1;
        let ctx = Context::new(s);
        let mut prev = O;
        let mut errors = 0;
        for (i, &g) in gold.iter().enumerate() {
            self.step += 1;
            // After a wrong guess an inside tag may be impossible: learn its begin tag instead.
            let g = if g != O && g % 2 == 0 && prev != g && prev != g - 1 {
                g - 1
            } else {
                g
            };
            let mut feats = Feats::new();
            features(s, &ctx, i, prev, mask, &mut feats);
            let feats = feats.as_slice();
            let mut score = [0f32; ROW];
            for &f in feats {
                let row = &self.w[f as usize * ROW..f as usize * ROW + ROW];
                for t in 0..ROW {
                    score[t] += row[t];
                }
            }
            let guess = best(&score, prev);
            if guess != g {
                errors += 1;
                for &f in feats {
                    self.update(f as usize * ROW + g as usize, 1.0);
                    self.update(f as usize * ROW + guess as usize, -1.0);
                }
            }
            prev = guess;
        }
        errors
    }

    fn update(&mut self, k: usize, v: f32) {
        let lapsed = (self.step - self.stamp[k]) as f32;
        self.total[k] += lapsed * self.w[k];
        self.stamp[k] = self.step;
        self.w[k] += v;
    }

    /// The averaged, quantised model.
    pub fn finish(mut self) -> TaggerModel {
        let step = self.step.max(1);
        for k in 0..self.w.len() {
            let lapsed = (step - self.stamp[k]) as f32;
            self.total[k] += lapsed * self.w[k];
        }
        let avg: Vec<f32> = self.total.iter().map(|t| t / step as f32).collect();
        let max = avg.iter().fold(0f32, |m, v| m.max(v.abs())).max(1e-9);
        let scale = max / f32::from(i8::MAX);
        let weights = avg
            .iter()
            .map(|v| (v / scale).round().clamp(-127.0, 127.0) as i8 as u8)
            .collect();
        TaggerModel {
            bits: self.bits,
            scale,
            weights: std::borrow::Cow::Owned(weights),
        }
    }
}

/// One attribution read off a tagged sentence: token ranges into the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    /// The cue's tokens.
    pub cue: std::ops::Range<usize>,
    /// The content's tokens.
    pub content: std::ops::Range<usize>,
    /// The source's tokens, if one was tagged.
    pub source: Option<std::ops::Range<usize>>,
}

/// Groups tags into attributions: each cue takes the nearest untaken content (after it first)
/// and the nearest source (before it first).
pub fn attributions(tags: &[u8]) -> Vec<Tagged> {
    let mut chunks: [Vec<std::ops::Range<usize>>; 3] = Default::default();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == O {
            i += 1;
            continue;
        }
        let kind = usize::from((t - 1) / 2);
        let start = i;
        i += 1;
        while i < tags.len() && tags[i] == (kind as u8) * 2 + 2 {
            i += 1;
        }
        chunks[kind].push(start..i);
    }
    let [srcs, cues, cons] = chunks;
    let mut taken = vec![false; cons.len()];
    let mut out = Vec::new();
    for cue in cues {
        let after = (0..cons.len()).find(|&j| !taken[j] && cons[j].start >= cue.end);
        let before = (0..cons.len())
            .rev()
            .find(|&j| !taken[j] && cons[j].end <= cue.start);
        let Some(j) = after.or(before) else {
            continue;
        };
        taken[j] = true;
        let source = srcs
            .iter()
            .rev()
            .find(|r| r.end <= cue.start)
            .or_else(|| srcs.iter().find(|r| r.start >= cue.end))
            .cloned();
        out.push(Tagged {
            cue,
            content: cons[j].clone(),
            source,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_group_into_attributions() {
        // Trump(B-SRC) criticized(B-CUE) the(B-CON) deal(I-CON) .(O)
        let a = attributions(&[1, 3, 5, 6, 0]);
        assert_eq!(
            a,
            vec![Tagged {
                cue: 1..2,
                content: 2..4,
                source: Some(0..1)
            }]
        );
        // a content with no cue is not an attribution
        assert!(attributions(&[5, 6, 0]).is_empty());
    }

    #[test]
    fn an_inside_tag_never_follows_another_kind() {
        let score = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0, 0.0];
        assert_eq!(best(&score, O), O);
        assert_eq!(best(&score, B_CON), 6);
    }

    #[test]
    fn a_model_round_trips_through_bytes() {
        let m = Trainer::new(4).finish();
        let b = m.to_bytes();
        let m2 = TaggerModel::from_bytes(&b).unwrap();
        assert_eq!(m2.to_bytes(), b);
        assert!(TaggerModel::from_bytes(&b[..b.len() - 1]).is_err());
        assert!(TaggerModel::from_bytes(b"not a model at all").is_err());
    }
}
