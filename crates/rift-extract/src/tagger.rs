//! The learned attribution tagger: an averaged structured perceptron (first-order, Viterbi
//! decoding) that labels each token of a sentence as part of a source, a cue or a content (BIO
//! tags), for the sentences the rules of [`crate::Extractor`] leave without any statement.
//!
//! The rules are precise but cannot list every way news attributes (PolNeAR counts `police
//! allowed [the violence]` and `his strong opposition to [the Vietnam War]`). The tagger learns
//! those from annotated articles; the extractor runs it after its rule passes, only on sentences
//! where no rule found anything, and turns each tagged cue with a content into a statement
//! (`Draft`), whose source phrase is typed and named like a rule's.
//!
//! Features are hashed into a fixed table (`2^bits` rows × [`TAGS`] `i8` weights, padded to 8):
//! words two either side, stems, suffix and shape, the cue lexicon's class of the token and its
//! neighbours ([`crate::cues`]), the distance to the nearest lexicon cue, quote state, the
//! position in the sentence, and the previous tag with the word, the word before and the
//! nearest cue. The built-in model
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
/// Weights per row of a feature read with the previous tag: one [`ROW`] per previous tag,
/// padded to 64 bytes (one cache line gives the feature's weights after every tag).
const PAIR: usize = 64;
const MAGIC: &[u8; 8] = b"RIFTTAG6";
/// Magic, the two table sizes (bits) and the scale.
const HEADER: usize = 20;
/// What a source tag (`B-SRC`, `I-SRC`) gets on top of its score at tagging time, in averaged
/// perceptron weight (about 21 quantised units of the built-in model). The perceptron tags fewer
/// sources than pay: in 5-fold cross-validation on PolNeAR train this bonus moves content+source
/// F1 0.6199 → 0.6229 and overlap 0.7484 → 0.7496 (as fixed quantised bonuses, 14 units gave
/// 0.6217, 20-28 0.6223-0.6224, 40 0.6216, 70 0.6154).
const SOURCE_BONUS: f32 = 55.0;
/// The [`TaggerModel::cue_prior`] bucket from which a word is often a cue (a fifth of the
/// times it was seen in training, or more).
pub const OFTEN_A_CUE: u8 = 4;
/// Slots of the cue-prior table ([`cue_priors`]): one byte per hashed word.
const PRIOR_SLOTS: usize = 1 << 16;

/// Why a tagger model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    /// The bytes do not start with the model header or are cut short.
    #[error("not a rift tagger model (bad header or length)")]
    Format,
}

/// A trained tagger: hashed feature weights, quantised to `i8` (one byte a weight keeps the
/// tables small, in cache; on PolNeAR dev it scored as an `i16` table did). Two tables: the
/// features of a token alone (`2^bits` rows of 8 weights) and the features read with the previous
/// tag (`2^pair_bits` rows of 64: 8 weights after each previous tag).
#[derive(Debug, Clone)]
pub struct TaggerModel {
    bits: u32,
    pair_bits: u32,
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
            let (bits, pair_bits, scale) = header(BUILTIN).expect("built-in tagger model");
            TaggerModel {
                bits,
                pair_bits,
                scale,
                weights: std::borrow::Cow::Borrowed(&BUILTIN[HEADER..]),
            }
        })
    }

    /// Reads a model written by [`TaggerModel::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Self, TaggerError> {
        let (bits, pair_bits, scale) = header(b)?;
        Ok(TaggerModel {
            bits,
            pair_bits,
            scale,
            weights: std::borrow::Cow::Owned(b[HEADER..].to_vec()),
        })
    }

    /// The model as bytes: header, the two table sizes (bits), scale, then one byte per weight.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.pair_bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.weights);
        out
    }

    /// Tags one sentence: `out[i]` is the tag of `toks[i]` (an index into [`TAGS`]).
    pub fn tag(&self, s: &Sentence<'_>, out: &mut Vec<u8>) {
        let mask = (1u64 << self.bits) - 1;
        let pmask = (1u64 << self.pair_bits) - 1;
        let ctx = Context::new(s, self.priors());
        out.clear();
        let off = (1usize << self.bits) * ROW;
        let (rows, _) = self.weights[..off].as_chunks::<ROW>();
        let (pair_rows, _) =
            self.weights[off..off + (1usize << self.pair_bits) * PAIR].as_chunks::<PAIR>();
        // Every token's scores first: their table look-ups are independent, so the CPU
        // overlaps their cache misses. `pair[i][p]` is what tag `p` before token `i` adds.
        let n = s.toks.len();
        // the source bonus in this model's quantised units
        let bonus = (SOURCE_BONUS / self.scale.max(1e-6)).round() as i16;
        // the bias rows, which every token has: added once here, not once a token
        let mut bias = RowSum {
            rows,
            acc: Lanes::zero(),
        };
        bias.push(static_bias(mask));
        let mut pair_bias = PairSum {
            rows: pair_rows,
            acc: [Lanes::zero(); NT],
        };
        pair_bias.push(pair_bias_feature(pmask));
        // the thread's buffers, taken out for this sentence (the loop stays in this function,
        // not in a closure the compiler may or may not inline)
        let (mut scores, mut pair, mut paths) = SCORES.with(|cell| cell.take());
        scores.clear();
        pair.clear();
        for i in 0..n {
            let mut sum = RowSum {
                rows,
                acc: bias.acc,
            };
            static_features(s, &ctx, i, mask, &mut sum);
            let mut sc = sum.acc.to_array();
            sc[usize::from(B_SRC)] += bonus;
            sc[usize::from(B_SRC) + 1] += bonus;
            scores.push(sc);
            let mut sum = PairSum {
                rows: pair_rows,
                acc: pair_bias.acc,
            };
            pair_features(&ctx, i, pmask, &mut sum);
            pair.push(std::array::from_fn(|p| sum.acc[p].to_array()));
        }
        viterbi_i16(&scores, &pair, &mut paths, out);
        SCORES.with(|cell| cell.replace((scores, pair, paths)));
    }

    /// The cue-prior bucket of `word` (see [`cue_priors`]): 0 for a word seen fewer than 3
    /// times in training, 1 for one never a cue, up to 5 for one a cue half the time or more.
    pub fn cue_prior(&self, word: &str) -> u8 {
        self.priors()[prior_slot(word_hash(word))]
    }

    /// The cue-prior table: the last [`PRIOR_SLOTS`] bytes.
    fn priors(&self) -> &[u8] {
        &self.weights[self.weights.len() - PRIOR_SLOTS..]
    }
}

/// Eight `i16` lanes: a sum of weight rows. On x86-64 one SSE2 register, so that a row of
/// eight `i8` weights is one load, a sign extension and one add (`rustc` does not vectorise
/// the plain loop for baseline x86-64, which lacks SSE4.1's `pmovsxbw`); elsewhere
/// [`PortableLanes`]. Both wrap on overflow, which the sums never reach (at most
/// [`MAX_FEATS`] rows of ±127).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[derive(Clone, Copy)]
struct Lanes(std::arch::x86_64::__m128i);

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
type Lanes = PortableLanes;

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
impl Lanes {
    #[inline(always)]
    fn zero() -> Lanes {
        // SAFETY: SSE2 is enabled for this build (the `cfg` above).
        Lanes(unsafe { std::arch::x86_64::_mm_setzero_si128() })
    }

    /// `self` plus the eight `i8` weights in `row`.
    #[inline(always)]
    fn add_i8(self, row: &[u8; ROW]) -> Lanes {
        use std::arch::x86_64::{
            _mm_add_epi16, _mm_loadl_epi64, _mm_srai_epi16, _mm_unpacklo_epi8,
        };
        // SAFETY: SSE2 is enabled for this build; the load reads the 8 bytes of `row`,
        // unaligned. Each byte twice, then an arithmetic shift right by 8:
        // the byte sign-extended to 16 bits.
        unsafe {
            let v = _mm_loadl_epi64(row.as_ptr().cast());
            Lanes(_mm_add_epi16(
                self.0,
                _mm_srai_epi16::<8>(_mm_unpacklo_epi8(v, v)),
            ))
        }
    }

    #[inline(always)]
    fn to_array(self) -> [i16; ROW] {
        let mut out = [0i16; ROW];
        // SAFETY: SSE2 is enabled for this build; `out` is 16 writable bytes.
        unsafe { std::arch::x86_64::_mm_storeu_si128(out.as_mut_ptr().cast(), self.0) };
        out
    }
}

/// [`Lanes`] as a plain array: what targets without SSE2 use, and the reference the SSE2 lanes
/// are tested against.
#[derive(Clone, Copy)]
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
struct PortableLanes([i16; ROW]);

#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
impl PortableLanes {
    #[inline(always)]
    fn zero() -> PortableLanes {
        PortableLanes([0; ROW])
    }

    /// `self` plus the eight `i8` weights in `row`.
    #[inline(always)]
    fn add_i8(self, row: &[u8; ROW]) -> PortableLanes {
        let mut s = self.0;
        for (x, &w) in s.iter_mut().zip(row) {
            *x = x.wrapping_add(i16::from(w as i8));
        }
        PortableLanes(s)
    }

    #[inline(always)]
    fn to_array(self) -> [i16; ROW] {
        self.0
    }
}

/// Where the feature functions put a token's hashed feature ids: collected in [`Feats`] (to
/// train) or added straight into the model's weight rows ([`RowSum`], [`PairSum`], to tag).
/// One set of feature functions for both, so tagging reads exactly the features training wrote.
trait FeatureSink {
    fn push(&mut self, f: u32);
}

/// The sum of a token's weight rows in the token table, built feature by feature.
struct RowSum<'m> {
    rows: &'m [[u8; ROW]],
    acc: Lanes,
}

impl FeatureSink for RowSum<'_> {
    #[inline(always)]
    fn push(&mut self, f: u32) {
        // (an index, not `get`: the ids are masked to the table, and an unconditional add
        // keeps the sum in a register)
        self.acc = self.acc.add_i8(&self.rows[f as usize]);
    }
}

/// The sum of a token's rows in the pair table: one [`Lanes`] per previous tag (the row's
/// eighth, padding block is not read).
struct PairSum<'m> {
    rows: &'m [[u8; PAIR]],
    acc: [Lanes; NT],
}

impl FeatureSink for PairSum<'_> {
    #[inline(always)]
    fn push(&mut self, f: u32) {
        let (chunks, _) = self.rows[f as usize].as_chunks::<ROW>();
        for (a, r) in self.acc.iter_mut().zip(chunks) {
            *a = a.add_i8(r);
        }
    }
}

/// The most features a token has (static and dynamic).
const MAX_FEATS: usize = 36;

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
    fn as_slice(&self) -> &[u32] {
        &self.ids[..self.n.min(MAX_FEATS)]
    }
}

impl FeatureSink for Feats {
    #[inline]
    fn push(&mut self, f: u32) {
        // tagging (`RowSum`) adds every id: a feature past the buffer would be tagged, never
        // trained, and could overflow the `i16` sums
        debug_assert!(self.n < MAX_FEATS, "more than MAX_FEATS features");
        if let Some(slot) = self.ids.get_mut(self.n) {
            *slot = f;
            self.n += 1;
        }
    }
}

/// The table sizes (bits) and scale of a model's bytes, checked against their length.
fn header(b: &[u8]) -> Result<(u32, u32, f32), TaggerError> {
    if b.len() < HEADER || &b[..8] != MAGIC {
        return Err(TaggerError::Format);
    }
    let word = |k: usize| -> Result<[u8; 4], TaggerError> {
        b[k..k + 4].try_into().map_err(|_| TaggerError::Format)
    };
    let bits = u32::from_le_bytes(word(8)?);
    let pair_bits = u32::from_le_bytes(word(12)?);
    let scale = f32::from_le_bytes(word(16)?);
    if bits > 24 || pair_bits > 24 {
        return Err(TaggerError::Format);
    }
    if b.len() != HEADER + (1usize << bits) * ROW + (1usize << pair_bits) * PAIR + PRIOR_SLOTS {
        return Err(TaggerError::Format);
    }
    Ok((bits, pair_bits, scale))
}

/// Whether tag `t` may follow `prev` (`I-X` only after `B-X` or `I-X`).
#[inline]
const fn allowed(prev: u8, t: u8) -> bool {
    t == O || t % 2 == 1 || prev == t || prev + 1 == t
}

/// The best tag sequence of `n` tokens under first-order scores: `score(i, prev)[t]` is the
/// score of tag `t` at token `i` after tag `prev` (`prev` is [`O`] before the first token).
fn viterbi<S>(n: usize, mut score: impl FnMut(usize, u8) -> [S; ROW]) -> Vec<u8>
where
    S: Copy + PartialOrd + std::ops::Add<Output = S> + Default,
{
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; NT]; n];
    let first = score(0, O);
    let mut best_score = [S::default(); NT];
    let mut alive = [false; NT];
    for t in 0..NT {
        if allowed(O, t as u8) {
            best_score[t] = first[t];
            alive[t] = true;
        }
    }
    for (i, back_i) in back.iter_mut().enumerate().skip(1) {
        let mut next = [S::default(); NT];
        let mut next_alive = [false; NT];
        for p in 0..NT {
            if !alive[p] {
                continue;
            }
            let sc = score(i, p as u8);
            for t in 0..NT {
                if !allowed(p as u8, t as u8) {
                    continue;
                }
                let v = best_score[p] + sc[t];
                if !next_alive[t] || v > next[t] {
                    next[t] = v;
                    next_alive[t] = true;
                    back_i[t] = p as u8;
                }
            }
        }
        best_score = next;
        alive = next_alive;
    }
    let mut t = (0..NT)
        .filter(|&t| alive[t])
        .fold(None, |b: Option<usize>, t| match b {
            Some(b) if best_score[b] >= best_score[t] => Some(b),
            _ => Some(t),
        })
        .unwrap_or(0);
    let mut path = vec![0u8; n];
    for i in (0..n).rev() {
        path[i] = t as u8;
        t = back[i][t] as usize;
    }
    path
}

/// Per-token scores, pair scores and Viterbi path scores of one tagging, kept per thread.
type Scratch = (Vec<[i16; ROW]>, Vec<[[i16; ROW]; NT]>, Vec<[i32; NT]>);

thread_local! {
    static SCORES: std::cell::RefCell<Scratch> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new(), Vec::new())) };
}

/// A score no path reaches: disallowed transitions and dead states.
const NEG: i32 = i32::MIN / 4;

/// `ALLOWED[p][t]`: [`allowed`] as a table.
const ALLOWED: [[bool; NT]; NT] = {
    let mut a = [[false; NT]; NT];
    let mut p = 0;
    while p < NT {
        let mut t = 0;
        while t < NT {
            a[p][t] = allowed(p as u8, t as u8);
            t += 1;
        }
        p += 1;
    }
    a
};

/// The best score of a path into tag `t` after `best` (the previous token's path scores),
/// over the allowed previous tags only, and [`NEG`] when none is above it.
#[inline(always)]
fn best_into(best: &[i32; NT], pr: &[[i16; ROW]; NT], t: usize) -> i32 {
    let mut m = NEG;
    for p in 0..NT {
        if ALLOWED[p][t] {
            m = m.max(best[p] + i32::from(pr[p][t]));
        }
    }
    m
}

/// [`viterbi`] for the tagger's integer scores, in the form it has them: the score of tag `t`
/// at token `i` after tag `p` is `scores[i][t] + pair[i][p][t]`. The forward pass keeps only
/// the path scores (`paths`), over the allowed transitions only, unrolled and branch-free; the
/// way back finds each previous tag again from them: the lowest allowed one whose path reaches
/// the best score, as a forward argmax with ties to the lowest tag would have kept (the same
/// path as [`viterbi`]; a test checks), appended to `out`. Kept apart from the generic
/// [`viterbi`] the trainer uses: one generic function for both made the tagger run 9% more
/// instructions (`valgrind --tool=callgrind` on `tagbench`, PolNeAR dev). Always inlined, as
/// are the feature functions: left to the compiler, whether they were inlined into
/// [`TaggerModel::tag`] changed with unrelated code elsewhere in the crate (when they were not,
/// extraction ran 1.4% more instructions).
#[inline(always)]
fn viterbi_i16(
    scores: &[[i16; ROW]],
    pair: &[[[i16; ROW]; NT]],
    paths: &mut Vec<[i32; NT]>,
    out: &mut Vec<u8>,
) {
    let n = scores.len();
    if n == 0 {
        return;
    }
    paths.clear();
    let mut best = [NEG; NT];
    for t in 0..NT {
        if ALLOWED[usize::from(O)][t] {
            best[t] = i32::from(scores[0][t]) + i32::from(pair[0][usize::from(O)][t]);
        }
    }
    paths.push(best);
    for i in 1..n {
        let (pr, sc) = (&pair[i], &scores[i]);
        // one call per tag with `t` a constant, so that the disallowed previous tags drop out
        // at compile time (34 of the 49 pairs remain)
        let into: [i32; NT] = std::array::from_fn(|t| best_into(&best, pr, t));
        for t in 0..NT {
            best[t] = into[t] + i32::from(sc[t]);
        }
        paths.push(best);
    }
    let mut t = 0;
    for k in 1..NT {
        if best[k] > best[t] {
            t = k;
        }
    }
    let start = out.len();
    out.resize(start + n, 0);
    out[start + n - 1] = t as u8;
    for i in (1..n).rev() {
        let (prev, pr) = (&paths[i - 1], &pair[i]);
        let m = best_into(prev, pr, t);
        t = (0..NT)
            .find(|&p| m > NEG && ALLOWED[p][t] && prev[p] + i32::from(pr[p][t]) == m)
            .unwrap_or(0);
        out[start + i - 1] = t as u8;
    }
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

/// Per-sentence facts shared by the tokens' features: the lexicon classes, borrowed, and the
/// rest in [`Bufs`] (reached through `Deref`), which go back to a per-thread pool when the
/// context is dropped, so tagging a sentence allocates nothing once the buffers have grown.
struct Context<'a> {
    /// Lexicon class of each token (0 none, 1 speech, 2 weak, 3 object, 4 phrasal start).
    class: &'a [u8],
    bufs: Bufs,
}

/// The per-token facts of a [`Context`].
#[derive(Default)]
struct Bufs {
    /// Nearest token with a lexicon class before / after each token.
    left: Vec<Option<usize>>,
    right: Vec<Option<usize>>,
    /// Running counts of `that` and of commas up to (excluding) each token.
    thats: Vec<u32>,
    commas: Vec<u32>,
    /// Each token's cue prior ([`cue_priors`]; 0 for punctuation and unseen words).
    prior: Vec<u8>,
    /// Nearest token with a cue prior of [`LIKELY`] or more before / after each token.
    left_likely: Vec<Option<usize>>,
    right_likely: Vec<Option<usize>>,
    /// The facts of each token (lower-case word hash, stem hash, [`shape`], lexicon class,
    /// quote state), with [`PAD`] sentinels either side: token `i` is `window[i + PAD]`, so the
    /// features read two neighbours each way without a branch.
    window: Vec<Near>,
}

/// Sentinel tokens on each side of [`Bufs::window`]: the widest window reads two away.
const PAD: usize = 2;

/// What the window features read of one token (or of a sentinel past either end).
#[derive(Clone, Copy)]
struct Near {
    hash: u64,
    stem: u64,
    shape: u64,
    class: u64,
    quote: u64,
}

impl Near {
    /// Before the first token: words and stems 1, class 9, shape 3, quote state 2.
    const BEFORE: Near = Near {
        hash: 1,
        stem: 1,
        shape: 3,
        class: 9,
        quote: 2,
    };
    /// After the last token: words and stems 2, the rest as [`Near::BEFORE`].
    const AFTER: Near = Near {
        hash: 2,
        stem: 2,
        ..Near::BEFORE
    };
}

thread_local! {
    /// Buffers of dropped contexts, for the next sentence.
    static POOL: std::cell::RefCell<Vec<Bufs>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl std::ops::Deref for Context<'_> {
    type Target = Bufs;
    fn deref(&self) -> &Bufs {
        &self.bufs
    }
}

impl Drop for Context<'_> {
    fn drop(&mut self) {
        let bufs = std::mem::take(&mut self.bufs);
        POOL.with(|p| p.borrow_mut().push(bufs));
    }
}

/// The cue prior from which a word counts as a likely cue (one in twenty of its uses or more).
const LIKELY: u8 = 3;

/// Uses below which a word has no prior (0).
const MIN_SEEN: u32 = 3;

/// The cue-prior slot of a word hash.
#[inline]
fn prior_slot(h: u64) -> usize {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
}

/// The cue-prior table for a set of training sentences: for each hashed word, how often it is
/// part of a gold cue, in buckets (0 unseen or seen fewer than 3 times, 1 never a cue, 2 under
/// 5%, 3 under 20%, 4 under 50%, 5 half the time or more). The tagger reads it to know which
/// words near a token may be cues beyond the lexicon (`endorsed`, `backed`, `criticism`).
pub fn cue_priors<'a>(
    sentences: impl IntoIterator<Item = (&'a Sentence<'a>, &'a [u8])>,
) -> Vec<u8> {
    let mut seen = vec![0u32; PRIOR_SLOTS];
    let mut cue = vec![0u32; PRIOR_SLOTS];
    for (s, tags) in sentences {
        for (t, &g) in s.toks.iter().zip(tags) {
            if t.kind != TokenKind::Word {
                continue;
            }
            let k = prior_slot(word_hash(t.text(s.text)));
            seen[k] += 1;
            cue[k] += u32::from(g == B_CUE || g == B_CUE + 1);
        }
    }
    seen.iter()
        .zip(&cue)
        .map(|(&n, &c)| {
            if n < MIN_SEEN {
                0
            } else if c == 0 {
                1
            } else {
                let r = f64::from(c) / f64::from(n);
                if r < 0.05 {
                    2
                } else if r < 0.2 {
                    3
                } else if r < 0.5 {
                    4
                } else {
                    5
                }
            }
        })
        .collect()
}

impl<'a> Context<'a> {
    fn new(s: &Sentence<'a>, priors: &[u8]) -> Self {
        let class = s.class;
        let n = s.toks.len();
        let mut b = POOL.with(|p| p.borrow_mut().pop()).unwrap_or_default();
        b.prior.clear();
        b.window.clear();
        b.window.extend([Near::BEFORE; PAD]);
        b.left_likely.clear();
        b.left.clear();
        b.thats.clear();
        b.commas.clear();
        b.thats.push(0);
        b.commas.push(0);
        // each token's facts, the nearest likely cue and lexicon word to the left and the
        // running counts, in one pass (the token's text sliced once)
        let (mut last_likely, mut last) = (None, None);
        let (mut thats, mut commas) = (0, 0);
        for (i, ((t, &c), &q)) in s.toks.iter().zip(class).zip(s.in_quote).enumerate() {
            let w = t.text(s.text);
            let (h, st) = word_and_stem_hash(w);
            b.window.push(Near {
                hash: h,
                stem: st,
                shape: shape(w, t.kind),
                class: u64::from(c),
                quote: u64::from(q),
            });
            // (`priors` always has PRIOR_SLOTS bytes; the test lets the compiler drop the index's
            // bounds check)
            let prior = if priors.len() == PRIOR_SLOTS && t.kind == TokenKind::Word {
                priors[prior_slot(h)]
            } else {
                0
            };
            b.prior.push(prior);
            b.left_likely.push(last_likely);
            if prior >= LIKELY {
                last_likely = Some(i);
            }
            b.left.push(last);
            if c != 0 {
                last = Some(i);
            }
            thats += u32::from(w == "that");
            commas += u32::from(w == ",");
            b.thats.push(thats);
            b.commas.push(commas);
        }
        b.window.extend([Near::AFTER; PAD]);
        // and to the right
        b.right_likely.clear();
        b.right_likely.resize(n, None);
        b.right.clear();
        b.right.resize(n, None);
        let (mut last_likely, mut last) = (None, None);
        for i in (0..n).rev() {
            b.right_likely[i] = last_likely;
            if b.prior[i] >= LIKELY {
                last_likely = Some(i);
            }
            b.right[i] = last;
            if class[i] != 0 {
                last = Some(i);
            }
        }
        Context { class, bufs: b }
    }
}

/// [`word_hash`] of `w` and of its [`stem`] in one pass (the stem is a prefix).
#[inline]
fn word_and_stem_hash(w: &str) -> (u64, u64) {
    let (stem, rest) = w.as_bytes().split_at(stem(w).len());
    let at_cut = fnv_lower(FNV_OFFSET, stem);
    (fnv_lower(at_cut, rest), at_cut)
}

/// The FNV-1a hash of `w` lower-cased (ASCII).
fn word_hash(w: &str) -> u64 {
    fnv_lower(FNV_OFFSET, w.as_bytes())
}

/// FNV-1a's starting value.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a from `h` on over `bytes` lower-cased (ASCII).
#[inline]
fn fnv_lower(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
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

/// The shape of a token with text `w`: a punctuation mark's first byte, or whether a word is
/// all digits, all capitals, capitalised or neither.
fn shape(w: &str, kind: TokenKind) -> u64 {
    if kind == TokenKind::Punct {
        return 1 + u64::from(w.as_bytes().first().copied().unwrap_or(0));
    }
    if w.bytes().all(|b| b.is_ascii_digit()) {
        2000
    } else if w.chars().next().is_some_and(char::is_uppercase) {
        let upper = if w.is_ascii() {
            !w.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            w.chars().all(|c| !c.is_lowercase())
        };
        if upper {
            2001
        } else {
            2002
        }
    } else {
        2003
    }
}

/// `word` without a common inflection (the first of `-ing`, `-ed`, `-es`, `-s`, `-e` it ends
/// with, in any case, that leaves more than two bytes): `likes`, `liked` and `liking` share
/// `lik`; case is left to [`word_hash`]. One look at the last byte picks the candidates.
#[inline]
fn stem(word: &str) -> &str {
    let b = word.as_bytes();
    let n = b.len();
    // the `k`-th byte from the end, lower-cased (`k` ≤ `n`, as the guards below check)
    let back = |k: usize| b[n - k].to_ascii_lowercase();
    let cut = match b.last().map(u8::to_ascii_lowercase) {
        Some(b'g') if n > 5 && back(2) == b'n' && back(3) == b'i' => 3,
        Some(b'd' | b's') if n > 4 && back(2) == b'e' => 2,
        Some(b's' | b'e') if n > 3 => 1,
        _ => 0,
    };
    &word[..n - cut]
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

/// The transition alone: the feature of the pair table that every token has (tagging adds
/// its row once a sentence; [`pair_features`] leave it out).
#[inline]
fn pair_bias_feature(mask: u64) -> u32 {
    mix(21, 0, mask)
}

/// The other features read with the previous tag (ids into the pair table), appended to
/// `out`: the transition with the word, the word before, the lexicon class and shape, and the
/// nearest cue to the left.
#[inline(always)]
fn pair_features(c: &Context<'_>, i: usize, mask: u64, out: &mut impl FeatureSink) {
    let sh = c.window[i + PAD].shape;
    out.push(mix(22, c.window[i + PAD].hash, mask));
    out.push(mix(23, u64::from(c.class[i]) ^ (sh << 8), mask));
    // (before the first token: the sentinel's word hash, 1)
    let prevw = c.window[i + PAD - 1].hash;
    out.push(mix(24, prevw, mask));
    let lf = c.left[i].map_or(99, |j| bucket(i - j) * 8 + u64::from(c.class[j]));
    out.push(mix(25, lf ^ (u64::from(c.thats[i] > 0) << 12), mask));
}

/// The bias: the feature of the token table that every token has (tagging adds its row once
/// a sentence; [`static_features`] leave it out).
#[inline]
fn static_bias(mask: u64) -> u32 {
    mix(0, 0, mask)
}

/// The other features of token `i` that do not depend on the tags, given to `out`.
#[inline(always)]
fn static_features(
    s: &Sentence<'_>,
    c: &Context<'_>,
    i: usize,
    mask: u64,
    out: &mut impl FeatureSink,
) {
    let n = s.toks.len();
    // `near[PAD + d]` is token `i + d`
    let near: &[Near; 2 * PAD + 1] = c.window[i..=i + 2 * PAD]
        .try_into()
        .expect("the window has PAD sentinels either side");
    let w = |d: usize| near[d].hash;
    let (prev2, prev, this, next, next2) = (0, 1, PAD, 3, 4);
    out.push(mix(1, w(this), mask));
    out.push(mix(2, w(prev), mask));
    out.push(mix(3, w(next), mask));
    out.push(mix(6, w(prev) ^ w(this).rotate_left(17), mask));
    out.push(mix(7, w(this) ^ w(next).rotate_left(17), mask));
    let word = s.toks[i].text(s.text);
    out.push(mix(8, word_hash(suffix3(word)), mask));
    out.push(mix(9, near[this].shape, mask));
    out.push(mix(11, near[this].class, mask));
    // nearest lexicon cue to the left and right, with its class and distance
    let (left, right) = (c.left[i], c.right[i]);
    let lf = left.map_or(99, |j| bucket(i - j) * 8 + u64::from(c.class[j]));
    let rf = right.map_or(99, |j| bucket(j - i) * 8 + u64::from(c.class[j]));
    out.push(mix(12, lf, mask));
    out.push(mix(13, rf, mask));
    out.push(mix(14, lf ^ (rf << 8) ^ (near[this].class << 16), mask));
    // a `that` or comma between the left cue and this token
    if let Some(j) = left {
        let that = c.thats[i] > c.thats[j + 1];
        let comma = (c.commas[i] - c.commas[j + 1]).min(3);
        out.push(mix(15, u64::from(that) + 2 * u64::from(comma), mask));
        out.push(mix(16, c.window[j + PAD].hash ^ (bucket(i - j) << 3), mask));
    }
    if let Some(j) = right {
        let comma = (c.commas[j] - c.commas[i + 1]).min(3);
        out.push(mix(17, u64::from(comma), mask));
        out.push(mix(18, c.window[j + PAD].hash ^ (bucket(j - i) << 3), mask));
    }
    out.push(mix(19, near[this].quote, mask));
    // the wider window: words two away, the lexicon class, shape and quote state of the
    // neighbours, the position in the sentence, and stems (`likes` / `liked` / `liking`)
    out.push(mix(30, w(prev2), mask));
    out.push(mix(31, w(next2), mask));
    let cl = |d: usize| near[d].class;
    let sh = |d: usize| near[d].shape;
    let q = |d: usize| near[d].quote;
    let st = |d: usize| near[d].stem;
    out.push(mix(32, cl(prev) ^ (cl(next) << 4) ^ (cl(this) << 8), mask));
    out.push(mix(
        33,
        sh(prev) ^ (sh(this) << 12) ^ (sh(next) << 24),
        mask,
    ));
    out.push(mix(34, q(prev) ^ (q(this) << 2) ^ (q(next) << 4), mask));
    out.push(mix(35, bucket(i) ^ (bucket(n - 1 - i) << 3), mask));
    out.push(mix(36, st(this), mask));
    out.push(mix(37, st(prev) ^ st(this).rotate_left(17), mask));
    out.push(mix(38, st(this) ^ st(next).rotate_left(17), mask));
    out.push(mix(39, sh(prev) ^ st(this).rotate_left(9), mask));
    // the cue priors: this token's, and the nearest likely cue either side
    out.push(mix(42, u64::from(c.prior[i]), mask));
    let ll = c.left_likely[i].map_or(99, |j| bucket(i - j) * 8 + u64::from(c.prior[j]));
    let rl = c.right_likely[i].map_or(99, |j| bucket(j - i) * 8 + u64::from(c.prior[j]));
    out.push(mix(43, ll ^ (u64::from(c.prior[i]) << 8), mask));
    out.push(mix(44, rl ^ (u64::from(c.prior[i]) << 8), mask));
    if let Some(j) = c.left_likely[i] {
        let that = c.thats[i] > c.thats[j + 1];
        out.push(mix(
            45,
            c.window[j + PAD].hash ^ (bucket(i - j) << 3) ^ (u64::from(that) << 7),
            mask,
        ));
    }
}

/// Trains a [`TaggerModel`] with the averaged structured perceptron, one sentence at a time.
pub struct Trainer {
    bits: u32,
    pair_bits: u32,
    priors: Vec<u8>,
    w: Vec<f32>,
    total: Vec<f32>,
    stamp: Vec<u32>,
    step: u32,
}

impl Trainer {
    /// A trainer with tables of `2^bits` token rows and `2^pair_bits` pair rows.
    pub fn new(bits: u32, pair_bits: u32) -> Self {
        let n = (1usize << bits) * ROW + (1usize << pair_bits) * PAIR;
        Trainer {
            bits,
            pair_bits,
            priors: vec![0; PRIOR_SLOTS],
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            step: 0,
        }
    }

    /// Sets the cue-prior table (from [`cue_priors`] over the training sentences) that the
    /// features read and the model keeps.
    pub fn set_priors(&mut self, priors: Vec<u8>) {
        assert_eq!(priors.len(), PRIOR_SLOTS, "a table from cue_priors");
        self.priors = priors;
    }

    /// One structured-perceptron step on a sentence with its gold tags: decode the whole
    /// sentence (Viterbi, as [`TaggerModel::tag`] does), then move the weights from the predicted
    /// path's features to the gold path's. Returns the number of tokens tagged wrongly.
    pub fn learn(&mut self, s: &Sentence<'_>, gold: &[u8]) -> usize {
        let mask = (1u64 << self.bits) - 1;
        let pmask = (1u64 << self.pair_bits) - 1;
        let off = (1usize << self.bits) * ROW;
        let ctx = &Context::new(s, &self.priors);
        let n = gold.len();
        self.step += 1;
        let mut feats = Feats::new();
        let mut stat: Vec<([u32; MAX_FEATS], usize)> = Vec::with_capacity(n);
        let mut pairs: Vec<([u32; MAX_FEATS], usize)> = Vec::with_capacity(n);
        let mut st_score: Vec<[f32; ROW]> = Vec::with_capacity(n);
        let mut pair_score: Vec<[[f32; ROW]; NT]> = Vec::with_capacity(n);
        for i in 0..n {
            feats.clear();
            feats.push(static_bias(mask));
            static_features(s, ctx, i, mask, &mut feats);
            let mut sc = [0f32; ROW];
            for &k in feats.as_slice() {
                let row = &self.w[k as usize * ROW..k as usize * ROW + ROW];
                for t in 0..ROW {
                    sc[t] += row[t];
                }
            }
            st_score.push(sc);
            stat.push((feats.ids, feats.n));
            feats.clear();
            feats.push(pair_bias_feature(pmask));
            pair_features(ctx, i, pmask, &mut feats);
            let mut ps = [[0f32; ROW]; NT];
            for &k in feats.as_slice() {
                let row = &self.w[off + k as usize * PAIR..off + k as usize * PAIR + PAIR];
                for (p, sc) in ps.iter_mut().enumerate() {
                    for t in 0..ROW {
                        sc[t] += row[p * ROW + t];
                    }
                }
            }
            pair_score.push(ps);
            pairs.push((feats.ids, feats.n));
        }
        let path = viterbi(n, |i, prev| {
            let mut sc = st_score[i];
            for t in 0..ROW {
                sc[t] += pair_score[i][usize::from(prev)][t];
            }
            sc
        });
        let mut errors = 0;
        for i in 0..n {
            let (g, p) = (usize::from(gold[i]), usize::from(path[i]));
            let gp = if i == 0 { 0 } else { usize::from(gold[i - 1]) };
            let pp = if i == 0 { 0 } else { usize::from(path[i - 1]) };
            if g != p {
                errors += 1;
                let (ids, m) = stat[i];
                for &k in &ids[..m] {
                    self.update(k as usize * ROW + g, 1.0);
                    self.update(k as usize * ROW + p, -1.0);
                }
            }
            if g != p || gp != pp {
                let (ids, m) = pairs[i];
                for &k in &ids[..m] {
                    self.update(off + k as usize * PAIR + gp * ROW + g, 1.0);
                    self.update(off + k as usize * PAIR + pp * ROW + p, -1.0);
                }
            }
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
        let mut weights: Vec<u8> = avg
            .iter()
            .map(|v| (v / scale).round().clamp(-127.0, 127.0) as i8 as u8)
            .collect();
        weights.extend_from_slice(&self.priors);
        TaggerModel {
            bits: self.bits,
            pair_bits: self.pair_bits,
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

/// Groups tags into attributions: each cue takes the nearest untaken content (after it on a
/// tie) and the nearest source (before it first).
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
        // the nearer of the two, the one after on a tie or when the one before is a single
        // token (more likely a mistagged subject: `Sanders was asked … whether …`)
        let pick = match (after, before) {
            (Some(a), Some(b))
                if cue.start - cons[b].end < cons[a].start - cue.end && cons[b].len() >= 2 =>
            {
                Some(b)
            }
            (a, b) => a.or(b),
        };
        let Some(j) = pick else {
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
        // the nearer content: `[A B] , said ... far [C D]` takes A B
        let a = attributions(&[5, 6, 0, 3, 0, 0, 0, 5, 6]);
        assert_eq!(a[0].content, 0..2);
        // on a tie, the one after
        let a = attributions(&[5, 0, 3, 0, 5]);
        assert_eq!(a[0].content, 4..5);
    }

    #[test]
    fn an_inside_tag_never_follows_another_kind() {
        // I-CON scores highest everywhere, but may not open a sentence or follow O
        let path = viterbi(3, |_, _| [0, 0, 0, 0, 0, 1, 5, 0]);
        assert_eq!(path, vec![B_CON, 6, 6]);
        // the best path is found as a whole: a B-CUE worth more than the greedy O at token 0
        let path = viterbi(2, |i, prev| match (i, prev) {
            (0, _) => [2, 0, 0, 1, 0, 0, 0, 0],
            (1, B_CUE) => [0, 0, 0, 0, 9, 0, 0, 0],
            _ => [1, 0, 0, 0, 0, 0, 0, 0],
        });
        assert_eq!(path, vec![B_CUE, 4]);
    }

    #[test]
    fn stems_drop_the_first_inflection_that_fits() {
        for (w, want) in [
            ("likes", "lik"),
            ("liked", "lik"),
            ("liking", "lik"),
            ("LIKING", "LIK"),
            ("Says", "Say"),
            ("goes", "goe"),
            ("uses", "use"),
            ("made", "mad"),
            ("seed", "seed"),
            ("sing", "sing"),
            ("bring", "bring"),
            ("string", "str"),
            ("needed", "need"),
            ("is", "is"),
            ("has", "has"),
            ("yes", "yes"),
            ("said", "said"),
            ("ced", "ced"),
            ("eed", "eed"),
            ("café", "café"),
            ("cafés", "café"),
            ("", ""),
        ] {
            assert_eq!(stem(w), want, "{w}");
        }
        let (h, st) = word_and_stem_hash("Liking");
        assert_eq!((h, st), (word_hash("liking"), word_hash("lik")));
    }

    #[test]
    fn lanes_add_signed_bytes_as_plain_integers() {
        // pseudo-random bytes and the extremes -128 and 127, in rows of eight; up to MAX_FEATS
        // rows; the lanes of this target and the portable ones
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for rows in [1, 2, 7, MAX_FEATS] {
            let mut lanes = Lanes::zero();
            let mut portable = PortableLanes::zero();
            let mut want = [0i32; ROW];
            for r in 0..rows {
                let mut row = [0u8; ROW];
                for (t, b) in row.iter_mut().enumerate() {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    *b = match (r + t) % 4 {
                        0 => 0x80, // -128
                        1 => 0x7f, // 127
                        _ => seed as u8,
                    };
                    want[t] += i32::from(*b as i8);
                }
                lanes = lanes.add_i8(&row);
                portable = portable.add_i8(&row);
            }
            assert_eq!(lanes.to_array().map(i32::from), want, "{rows} rows");
            assert_eq!(
                portable.to_array().map(i32::from),
                want,
                "{rows} rows, portable"
            );
        }
    }

    #[test]
    fn the_integer_viterbi_finds_the_generic_one_s_path() {
        // pseudo-random scores, small so that ties happen
        let mut x: u64 = 0x1234_5678_9abc_def1;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 9) as i16 - 4
        };
        // and 200 more lengths, so that the way back meets many ties
        let lengths: Vec<usize> = [1, 2, 5, 17, 40]
            .into_iter()
            .chain((0..200).map(|k| 1 + (k * 37) % 61))
            .collect();
        for n in lengths {
            let scores: Vec<[i16; ROW]> = (0..n).map(|_| [(); ROW].map(|_| next())).collect();
            let pair: Vec<[[i16; ROW]; NT]> = (0..n)
                .map(|_| [(); NT].map(|_| [(); ROW].map(|_| next())))
                .collect();
            let (mut paths, mut fast) = (Vec::new(), Vec::new());
            viterbi_i16(&scores, &pair, &mut paths, &mut fast);
            let slow = viterbi(n, |i, p| {
                let mut t = [0i32; ROW];
                for k in 0..ROW {
                    t[k] = i32::from(scores[i][k]) + i32::from(pair[i][usize::from(p)][k]);
                }
                t
            });
            assert_eq!(fast, slow, "n = {n}");
            // and the path is a legal tag sequence
            assert!(fast.windows(2).all(|w| allowed(w[0], w[1])) && allowed(O, fast[0]));
        }
    }

    #[test]
    fn cue_priors_bucket_how_often_a_word_is_a_cue() {
        let text = "Ann said no . Bob said yes . Cy said so . Di saw it .";
        let mut toks = Vec::new();
        rift_text::tokenize(text, 0..text.len(), &mut toks);
        let n = toks.len();
        let (in_quote, class) = (vec![false; n], vec![0u8; n]);
        let s = Sentence {
            text,
            toks: &toks,
            in_quote: &in_quote,
            class: &class,
        };
        // `said` is a cue each time; the other words never are
        let tags: Vec<u8> = toks
            .iter()
            .map(|t| if t.text(text) == "said" { B_CUE } else { O })
            .collect();
        let p = cue_priors([(&s, tags.as_slice())]);
        let of = |w: &str| p[prior_slot(word_hash(w))];
        assert_eq!(of("said"), 5);
        assert_eq!(of("SAID"), 5, "case-insensitive");
        assert_eq!(of("."), 0, "punctuation is not counted");
        // seen once: too rare for a prior
        assert_eq!(of("saw"), 0);
        let tags: Vec<u8> = tags.iter().map(|_| O).collect();
        let p = cue_priors([(&s, tags.as_slice())]);
        assert_eq!(p[prior_slot(word_hash("said"))], 1, "seen, never a cue");
    }

    #[test]
    fn a_model_round_trips_through_bytes() {
        let m = Trainer::new(4, 3).finish();
        let b = m.to_bytes();
        let m2 = TaggerModel::from_bytes(&b).unwrap();
        assert_eq!(m2.to_bytes(), b);
        assert!(TaggerModel::from_bytes(&b[..b.len() - 1]).is_err());
        assert!(TaggerModel::from_bytes(b"not a model at all").is_err());
    }
}
