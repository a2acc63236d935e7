//! Near-duplicate detection: 64-bit SimHash over word 3-shingles, a banded index, and a
//! shingle-Jaccard check.
//!
//! Exact copies are caught by the store (`content_hash`). Syndicated copies differ a little
//! (another headline, a credit line, one more paragraph): their SimHashes differ in a few bits.
//! [`NearDupIndex`] splits the 64 bits into eight 8-bit bands; two hashes within Hamming distance
//! 7 share at least one band exactly, so a lookup touches only a few candidates. A candidate is a
//! duplicate when its distance is at most [`MAX_DISTANCE`] and the word-shingle Jaccard similarity
//! of the two texts is at least [`MIN_JACCARD`] (the caller fetches the earlier text). `rift
//! ingest` links such a copy to the first one (`articles.duplicate_of`) and stores no statements
//! for it, so it is counted once in positions.

use std::collections::{HashMap, HashSet};

/// Largest Hamming distance between SimHashes of near-duplicates.
pub const MAX_DISTANCE: u32 = 7;
/// Smallest Jaccard similarity of word 3-shingles between near-duplicates.
pub const MIN_JACCARD: f64 = 0.8;
/// Texts with fewer words are never near-duplicates (too little evidence).
pub const MIN_WORDS: usize = 30;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn fnv(s: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for w in s {
        for b in w.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x100000001b3);
    }
    // Final mix (splitmix64) so nearby inputs spread over all bits.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d049bb133111eb);
    h ^ (h >> 31)
}

fn shingles(text: &str) -> HashSet<u64> {
    let w = words(text);
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    if w.len() < 3 {
        return w.iter().map(|x| fnv(&[x])).collect();
    }
    w.windows(3).map(fnv).collect()
}

/// SimHash of a text, or `None` when it has fewer than [`MIN_WORDS`] words.
pub fn simhash(text: &str) -> Option<u64> {
    let w = words(text);
    if w.len() < MIN_WORDS {
        return None;
    }
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    let mut acc = [0i32; 64];
    for sh in w.windows(3) {
        let h = fnv(sh);
        for (i, a) in acc.iter_mut().enumerate() {
            if h >> i & 1 == 1 {
                *a += 1;
            } else {
                *a -= 1;
            }
        }
    }
    Some(
        acc.iter()
            .enumerate()
            .filter(|(_, &a)| a > 0)
            .fold(0u64, |h, (i, _)| h | 1 << i),
    )
}

/// Jaccard similarity of the word 3-shingle sets of two texts.
pub fn jaccard(a: &str, b: &str) -> f64 {
    let (a, b) = (shingles(a), shingles(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(&b).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// SimHashes of earlier articles, by band.
#[derive(Debug, Default)]
pub struct NearDupIndex {
    bands: HashMap<(u8, u8), Vec<(i64, u64)>>,
}

impl NearDupIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds article `id` with SimHash `h`.
    pub fn insert(&mut self, id: i64, h: u64) {
        for band in 0..8u8 {
            let v = (h >> (band * 8)) as u8;
            self.bands.entry((band, v)).or_default().push((id, h));
        }
    }

    /// Articles whose SimHash is within [`MAX_DISTANCE`] of `h`, nearest first (then oldest).
    pub fn candidates(&self, h: u64) -> Vec<i64> {
        let mut found: Vec<(u32, i64)> = Vec::new();
        for band in 0..8u8 {
            let v = (h >> (band * 8)) as u8;
            if let Some(list) = self.bands.get(&(band, v)) {
                for &(id, other) in list {
                    let d = (h ^ other).count_ones();
                    if d <= MAX_DISTANCE && !found.iter().any(|&(_, i)| i == id) {
                        found.push((d, id));
                    }
                }
            }
        }
        found.sort();
        found.into_iter().map(|(_, id)| id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "The foreign minister said on Tuesday that talks with the European partners would resume next month in Vienna, after a pause of several weeks caused by disagreements over the sequencing of sanctions relief and the verification of nuclear commitments by international inspectors who visited the sites.";

    #[test]
    fn copies_are_near_and_others_are_not() {
        let copy = format!("{A} Reporting by the agency desk.");
        let other = "Farmers in the northern provinces reported a record wheat harvest this year, as rainfall returned to normal levels and the government raised the guaranteed purchase price for grain delivered to state silos before the end of the summer season.";
        let (ha, hc, ho) = (
            simhash(A).unwrap(),
            simhash(&copy).unwrap(),
            simhash(other).unwrap(),
        );
        assert!(
            (ha ^ hc).count_ones() <= MAX_DISTANCE,
            "{}",
            (ha ^ hc).count_ones()
        );
        assert!((ha ^ ho).count_ones() > 10);
        assert!(jaccard(A, &copy) >= MIN_JACCARD);
        assert!(jaccard(A, other) < 0.1);
        let mut idx = NearDupIndex::new();
        idx.insert(1, ha);
        idx.insert(2, ho);
        assert_eq!(idx.candidates(hc), vec![1]);
        assert_eq!(simhash("too short"), None);
    }
}
