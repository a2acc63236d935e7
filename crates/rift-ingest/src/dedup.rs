//! Near-duplicate detection: 64-bit SimHash over word 3-shingles, a banded index, and a
//! shingle-Jaccard check.
//!
//! Exact copies are caught by the store (`content_hash`). Syndicated copies differ a little
//! (another headline, a credit line, one more paragraph): their SimHashes differ in a few bits.
//! [`NearDupIndex`] splits the 64 bits into four 16-bit bands; two hashes within Hamming distance
//! 7 agree on some band but for at most one bit, so a lookup touches only a few candidates. A candidate is a
//! duplicate when its distance is at most [`MAX_DISTANCE`] and the word-shingle Jaccard similarity
//! of the two texts is at least [`MIN_JACCARD`] (the caller fetches the earlier text). `rift
//! ingest` links such a copy to the first one (`articles.duplicate_of`) and stores no statements
//! for it, so it is counted once in positions.

/// Largest Hamming distance between SimHashes of near-duplicates.
pub const MAX_DISTANCE: u32 = 7;
/// Smallest Jaccard similarity of word 3-shingles between near-duplicates.
pub const MIN_JACCARD: f64 = 0.8;
/// Texts with fewer words are never near-duplicates (too little evidence).
pub const MIN_WORDS: usize = 30;

/// The lower-cased words of a text (maximal runs of alphanumeric characters), concatenated in
/// one buffer, each followed by the byte `0xff` (which UTF-8 never uses): one allocation per
/// text instead of one `String` per word, and a shingle of words `k .. k + n` is the one
/// contiguous slice `buf[starts[k] .. starts[k + n]]` — exactly the bytes the hash reads.
struct Words {
    buf: Vec<u8>,
    /// Start of word `k` in `buf`, then `buf.len()`.
    starts: Vec<usize>,
}

impl Words {
    fn of(text: &str) -> Words {
        let mut w = Words {
            buf: Vec::with_capacity(text.len() + text.len() / 4),
            starts: Vec::with_capacity(text.len() / 5),
        };
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // Skip separators.
            match WORD_BYTE[b[i] as usize] {
                0 => {
                    i += 1;
                    continue;
                }
                NON_ASCII => {
                    let (c, n) = char_at(text, i);
                    if !in_word(c) {
                        i += n;
                        continue;
                    }
                }
                _ => {}
            }
            // One word: ASCII bytes are lower-cased through the table as they are copied; a
            // word with any other character is lower-cased again, whole, by `str::to_lowercase`
            // (final-sigma rule and multi-char mappings).
            let start = i;
            let at = w.buf.len();
            let mut ascii = true;
            while i < b.len() {
                match WORD_BYTE[b[i] as usize] {
                    0 => break,
                    NON_ASCII => {
                        let (c, n) = char_at(text, i);
                        if !in_word(c) {
                            break;
                        }
                        ascii = false;
                        i += n;
                    }
                    l => {
                        w.buf.push(l);
                        i += 1;
                    }
                }
            }
            w.starts.push(at);
            if !ascii {
                w.buf.truncate(at);
                w.buf
                    .extend_from_slice(text[start..i].to_lowercase().as_bytes());
            }
            w.buf.push(0xff);
        }
        w.starts.push(w.buf.len());
        w
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// FNV hash of words `k .. k + n`: their bytes, each word followed by `0xff`.
    fn hash(&self, k: usize, n: usize) -> u64 {
        let mut h: u64 = 0xcbf29ce484222325;
        for &b in &self.buf[self.starts[k]..self.starts[k + n]] {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        // Final mix (splitmix64) so nearby inputs spread over all bits.
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d049bb133111eb);
        h ^ (h >> 31)
    }

    /// Hashes of every word 3-shingle in text order (repeats included); of every word when
    /// there are fewer than three.
    fn shingle_hashes(&self) -> Vec<u64> {
        if self.len() < 3 {
            return (0..self.len()).map(|k| self.hash(k, 1)).collect();
        }
        (0..self.len() - 2).map(|k| self.hash(k, 3)).collect()
    }
}

/// The character at byte `i` of `text` and its length in bytes (ASCII without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().expect("i is a char boundary");
    (c, c.len_utf8())
}

/// Whether non-ASCII char `c` belongs to a word: `char::is_alphanumeric`, answered without its
/// Unicode table look-ups for the General Punctuation block (U+2000–U+206F: curly quotes,
/// dashes, ellipsis, special spaces — most of the non-ASCII chars of English news), which holds
/// no letter or digit.
#[inline]
fn in_word(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric()
}

/// [`WORD_BYTE`] for bytes of non-ASCII chars (decoded and tested as chars).
const NON_ASCII: u8 = 0xff;

/// Per byte: its lower case when it is an ASCII letter or digit, 0 for any other ASCII byte
/// (a separator), [`NON_ASCII`] for bytes from 0x80.
const WORD_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The set of word 3-shingle hashes of a text, sorted, for [`Shingles::jaccard`].
///
/// `rift ingest` builds one only for an article that has near-duplicate candidates, once per
/// article however many candidates it has.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shingles(Vec<u64>);

impl Shingles {
    /// The shingle set of `text`.
    pub fn of(text: &str) -> Shingles {
        Shingles::from_hashes(Words::of(text).shingle_hashes())
    }

    /// The set of the given shingle hashes (in any order, repeats allowed).
    fn from_hashes(mut hashes: Vec<u64>) -> Shingles {
        hashes.sort_unstable();
        hashes.dedup();
        Shingles(hashes)
    }

    /// Number of distinct shingles.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No shingle (a text without words).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Jaccard similarity of two shingle sets (1 when both are empty).
    pub fn jaccard(&self, other: &Shingles) -> f64 {
        let (a, b) = (&self.0, &other.0);
        if a.is_empty() && b.is_empty() {
            return 1.0;
        }
        // Both sorted: count the intersection by merging.
        let (mut i, mut j, mut inter) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    inter += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        inter as f64 / (a.len() + b.len() - inter) as f64
    }
}

/// SimHash of a text, or `None` when it has fewer than [`MIN_WORDS`] words.
pub fn simhash(text: &str) -> Option<u64> {
    let w = Words::of(text);
    if w.len() < MIN_WORDS {
        return None;
    }
    // Bit i of the SimHash is set when more shingle hashes have it set than not. The bits are
    // counted eight at a time: `lanes[j]` holds, in byte `k`, how many hashes had bit `8k + j`
    // set since the last flush (8 shifts and adds per hash instead of 64), flushed into `ones`
    // before a byte can overflow.
    let hashes = w.shingle_hashes();
    const LOW: u64 = 0x0101_0101_0101_0101;
    let mut ones = [0u32; 64];
    for chunk in hashes.chunks(255) {
        let mut lanes = [0u64; 8];
        for &h in chunk {
            for (j, l) in lanes.iter_mut().enumerate() {
                *l += (h >> j) & LOW;
            }
        }
        for (j, l) in lanes.iter().enumerate() {
            for k in 0..8 {
                ones[8 * k + j] += (l >> (8 * k) & 0xff) as u32;
            }
        }
    }
    let n = hashes.len() as u64;
    Some(
        ones.iter()
            .enumerate()
            .filter(|(_, &o)| 2 * o as u64 > n)
            .fold(0u64, |h, (i, _)| h | 1 << i),
    )
}

/// Jaccard similarity of the word 3-shingle sets of two texts.
pub fn jaccard(a: &str, b: &str) -> f64 {
    Shingles::of(a).jaccard(&Shingles::of(b))
}

/// SimHashes of earlier articles, by band (multi-index hashing).
///
/// The 64 bits are split into four 16-bit bands. Two hashes within [`MAX_DISTANCE`] (7) differ
/// in at most one bit of some band (seven differing bits over four bands leave one band with at
/// most one), so a lookup probes, in each band, the bucket of the query's 16 bits and the 16
/// buckets one bit away: 68 buckets of about n / 65 536 entries each, instead of scanning
/// n / 32 entries as eight 8-bit bands need. Buckets are linked lists threaded through `next`,
/// so each stored article costs 32 bytes (its `(id, hash)` and one link per band) plus a fixed
/// 1 MiB of bucket heads, allocated at the first insert. The index of a run spans every stored
/// article (192 871 after a 1 GB ingest), so this is what grows with the database.
#[derive(Debug, Default)]
pub struct NearDupIndex {
    entries: Vec<(i64, u64)>,
    /// `heads[band * 65 536 + key]`: 1 + the newest entry whose band `band` is `key` (0: none).
    heads: Vec<u32>,
    /// `next[4 * e + band]`: 1 + the entry before `e` in its bucket of band `band` (0: none).
    next: Vec<u32>,
}

const BANDS: usize = 4;
const BAND_KEYS: usize = 1 << 16;

impl NearDupIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    fn key(h: u64, band: usize) -> usize {
        (h >> (band * 16) & 0xffff) as usize
    }

    /// Adds article `id` with SimHash `h`.
    pub fn insert(&mut self, id: i64, h: u64) {
        if self.heads.is_empty() {
            self.heads = vec![0; BANDS * BAND_KEYS];
        }
        let e = u32::try_from(self.entries.len() + 1).expect("fewer than 2^32 articles");
        self.entries.push((id, h));
        for band in 0..BANDS {
            let head = &mut self.heads[band * BAND_KEYS + Self::key(h, band)];
            self.next.push(*head);
            *head = e;
        }
    }

    /// Articles whose SimHash is within [`MAX_DISTANCE`] of `h`, nearest first (then oldest).
    pub fn candidates(&self, h: u64) -> Vec<i64> {
        let mut found: Vec<(u32, i64)> = Vec::new();
        if self.heads.is_empty() {
            return Vec::new();
        }
        for band in 0..BANDS {
            let key = Self::key(h, band);
            for probe in std::iter::once(key).chain((0..16).map(|b| key ^ (1 << b))) {
                let mut e = self.heads[band * BAND_KEYS + probe];
                while e != 0 {
                    let (id, other) = self.entries[e as usize - 1];
                    let d = (h ^ other).count_ones();
                    if d <= MAX_DISTANCE {
                        found.push((d, id));
                    }
                    e = self.next[BANDS * (e as usize - 1) + band];
                }
            }
        }
        // An entry close in several bands is found once per band.
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|(_, id)| id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first implementation (one `String` per word, `HashSet` shingles, a signed counter per
    /// bit): the faster one above must give the same hashes and similarities.
    mod reference {
        use std::collections::HashSet;

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
            h = (h ^ (h >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
            h = (h ^ (h >> 27)).wrapping_mul(0x94d049bb133111eb);
            h ^ (h >> 31)
        }

        pub fn shingles(text: &str) -> HashSet<u64> {
            let w = words(text);
            let w: Vec<&str> = w.iter().map(String::as_str).collect();
            if w.len() < 3 {
                return w.iter().map(|x| fnv(&[x])).collect();
            }
            w.windows(3).map(fnv).collect()
        }

        pub fn simhash(text: &str) -> Option<u64> {
            let w = words(text);
            if w.len() < super::MIN_WORDS {
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
    }

    /// Texts that exercise the word splitter: ASCII, accents, Persian, Greek final sigma,
    /// digits, punctuation runs, multi-char lower-case mappings (İ), a tie (exactly half the
    /// shingles having a bit).
    fn samples() -> Vec<String> {
        let mut v = vec![
            A.to_string(),
            "ΟΔΥΣΣΕΥΣ said ΣΊΣΥΦΟΣ twice; İstanbul's MAYOR, Ekrem İmamoğlu — \"no\" — said 42 times...".repeat(4),
            "وزیر امور خارجه روز سه‌شنبه گفت که مذاکرات ماه آینده در وین از سر گرفته می‌شود.".repeat(5),
            "a b".to_string(),
            "one".to_string(),
            String::new(),
            "  ,,, !! ".to_string(),
            "Straße ÉCOLE naïve café 3rd 2016-07-05 U.S. O'Neill x\u{0301}y".repeat(6),
            // Over 255 shingles (the bit counter flushes its byte lanes every 255 hashes).
            (0..3000).map(|i| format!("w{} ", i % 97)).collect(),
        ];
        let train = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/polnear/train/text"
        );
        if let Ok(dir) = std::fs::read_dir(train) {
            let mut paths: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            paths.sort();
            for p in paths.iter().take(60) {
                if let Ok(t) = std::fs::read_to_string(p) {
                    v.push(t);
                }
            }
        }
        v
    }

    #[test]
    fn candidates_are_every_hash_within_the_distance() {
        // Pseudo-random hashes, and queries a few bits away from some of them.
        let mut x: u64 = 0x9e3779b97f4a7c15;
        let mut next = || {
            x = x.wrapping_add(0x9e3779b97f4a7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
            z ^ (z >> 31)
        };
        let hashes: Vec<u64> = (0..3000).map(|_| next()).collect();
        let mut idx = NearDupIndex::new();
        for (i, &h) in hashes.iter().enumerate() {
            idx.insert(i as i64, h);
        }
        for (q, &h) in hashes.iter().enumerate().step_by(7) {
            let flips = (next() % 10) as u32; // 0..9 bits: some within the distance, some not
            let mut query = h;
            for k in 0..flips {
                query ^= 1 << ((q as u32 * 13 + k * 7) % 64);
            }
            let mut want: Vec<(u32, i64)> = hashes
                .iter()
                .enumerate()
                .map(|(i, &o)| ((query ^ o).count_ones(), i as i64))
                .filter(|&(d, _)| d <= MAX_DISTANCE)
                .collect();
            want.sort();
            let want: Vec<i64> = want.into_iter().map(|(_, i)| i).collect();
            assert_eq!(idx.candidates(query), want);
        }
    }

    /// `in_word` is `is_alphanumeric` on every non-ASCII char.
    #[test]
    fn in_word_is_is_alphanumeric() {
        for c in '\u{80}'..=char::MAX {
            assert_eq!(in_word(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn same_hashes_and_similarities_as_the_reference() {
        let s = samples();
        for t in &s {
            assert_eq!(simhash(t), reference::simhash(t), "{t:?}");
            let mut set: Vec<u64> = reference::shingles(t).into_iter().collect();
            set.sort_unstable();
            assert_eq!(Shingles::of(t).0, set, "{t:?}");
        }
        for (a, b) in s.iter().zip(s.iter().skip(1).chain(s.iter().take(1))) {
            let (x, y) = (reference::shingles(a), reference::shingles(b));
            let want = if x.is_empty() && y.is_empty() {
                1.0
            } else {
                let inter = x.intersection(&y).count();
                inter as f64 / (x.len() + y.len() - inter) as f64
            };
            assert_eq!(jaccard(a, b), want);
        }
    }

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
