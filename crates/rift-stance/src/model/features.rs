//! TF-IDF features: word 1–3-grams and character 2–5-grams (inside word boundaries, padded with
//! a space, like scikit-learn's `char_wb`), sublinear term frequency, smoothed IDF, each block
//! L2-normalised and scaled by 1/√2 so a document vector has unit length.
//!
//! N-grams are slices of one normalised string and are looked up by a 64-bit FNV-1a hash, so
//! prediction allocates nothing per n-gram; the model file keeps the n-gram strings.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Which n-grams to extract.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FeatureConfig {
    /// Smallest and largest word n-gram (`[1, 3]`); `[0, 0]` turns words off.
    pub word_ngrams: [usize; 2],
    /// Smallest and largest character n-gram (`[2, 5]`); `[0, 0]` turns characters off.
    pub char_ngrams: [usize; 2],
    /// Minimum number of training documents an n-gram must occur in.
    pub min_df: usize,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            word_ngrams: [1, 3],
            char_ngrams: [2, 5],
            min_df: 2,
        }
    }
}

/// Feature block of an n-gram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Block {
    Word,
    Char,
}

impl Block {
    pub(crate) fn tag(self) -> u8 {
        match self {
            Block::Word => b'w',
            Block::Char => b'c',
        }
    }
}

/// FNV-1a over a block tag and the n-gram's bytes.
pub(crate) fn key(block: Block, s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in std::iter::once(block.tag()).chain(s.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Lower-cased tokens joined by single spaces, with a space at each end, and each token's byte
/// range. Tokens: runs of letters/digits (with `#`/`@` in front and internal `'`), `!` and `?`.
fn normalize(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut s = String::with_capacity(text.len() + 2);
    let mut toks = Vec::new();
    s.push(' ');
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts_word = c.is_alphanumeric()
            || (matches!(c, '#' | '@') && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()));
        if starts_word {
            let start = s.len();
            s.extend(c.to_lowercase());
            i += 1;
            while i < chars.len() {
                let d = chars[i];
                if d.is_alphanumeric() {
                    s.extend(d.to_lowercase());
                    i += 1;
                } else if matches!(d, '\'' | '’')
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
                {
                    s.push('\'');
                    i += 1;
                } else {
                    break;
                }
            }
            toks.push((start, s.len()));
            s.push(' ');
        } else if matches!(c, '!' | '?') {
            let start = s.len();
            s.push(c);
            toks.push((start, s.len()));
            s.push(' ');
            i += 1;
        } else {
            i += 1;
        }
    }
    (s, toks)
}

/// Calls `f` with every n-gram of `text`.
pub(crate) fn ngrams(cfg: &FeatureConfig, text: &str, mut f: impl FnMut(Block, &str)) {
    let (s, toks) = normalize(text);
    let [w_lo, w_hi] = cfg.word_ngrams;
    if w_lo > 0 {
        for i in 0..toks.len() {
            for n in w_lo..=w_hi {
                if i + n > toks.len() {
                    break;
                }
                f(Block::Word, &s[toks[i].0..toks[i + n - 1].1]);
            }
        }
    }
    let [c_lo, c_hi] = cfg.char_ngrams;
    if c_lo > 0 {
        let mut bounds: Vec<usize> = Vec::new();
        for &(start, end) in &toks {
            // The padded word ` tok ` (the spaces are single bytes).
            let padded = &s[start - 1..end + 1];
            bounds.clear();
            bounds.extend(padded.char_indices().map(|(b, _)| b));
            bounds.push(padded.len());
            let nchars = bounds.len() - 1;
            for n in c_lo..=c_hi {
                if n > nchars {
                    break;
                }
                for j in 0..=nchars - n {
                    f(Block::Char, &padded[bounds[j]..bounds[j + n]]);
                }
            }
        }
    }
}

/// Counts of hashed n-grams in one document, per block.
pub(crate) fn counts(cfg: &FeatureConfig, text: &str) -> HashMap<u64, (Block, f64)> {
    let mut m: HashMap<u64, (Block, f64)> = HashMap::new();
    ngrams(cfg, text, |b, g| {
        m.entry(key(b, g)).or_insert((b, 0.0)).1 += 1.0
    });
    m
}

/// A sparse vector, sorted by feature index.
pub(crate) type Sparse = Vec<(u32, f64)>;

/// The TF-IDF vector of a document's counts: `index` maps keys to (feature, block).
pub(crate) fn tfidf(
    counts: &HashMap<u64, (Block, f64)>,
    index: &HashMap<u64, u32>,
    idf: &[f64],
) -> Sparse {
    let mut v: Vec<(u32, f64, Block)> = counts
        .iter()
        .filter_map(|(k, &(b, c))| {
            let &j = index.get(k)?;
            Some((j, (1.0 + c.ln()) * idf[j as usize], b))
        })
        .collect();
    // Sorted first so sums run in one order: bit-identical results whatever the hash order.
    v.sort_unstable_by_key(|x| x.0);
    for block in [Block::Word, Block::Char] {
        let norm: f64 = v
            .iter()
            .filter(|x| x.2 == block)
            .map(|x| x.1 * x.1)
            .sum::<f64>()
            .sqrt();
        if norm > 0.0 {
            for x in v.iter_mut().filter(|x| x.2 == block) {
                x.1 /= norm * std::f64::consts::SQRT_2;
            }
        }
    }
    v.into_iter().map(|(j, x, _)| (j, x)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_and_char_ngrams() {
        let cfg = FeatureConfig {
            word_ngrams: [1, 2],
            char_ngrams: [2, 3],
            min_df: 1,
        };
        let mut words = Vec::new();
        let mut chars = Vec::new();
        ngrams(&cfg, "Don’t go!", |b, g| match b {
            Block::Word => words.push(g.to_string()),
            Block::Char => chars.push(g.to_string()),
        });
        assert_eq!(words, ["don't", "don't go", "go", "go !", "!"]);
        assert!(chars.contains(&" d".to_string()) && chars.contains(&"go ".to_string()));
        assert!(
            !chars.iter().any(|c| c.contains("t g")),
            "chars stay inside words"
        );
    }
}
