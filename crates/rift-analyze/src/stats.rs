//! Small, deterministic statistics used by [`mod@crate::series`] and [`crate::shift`]: a seeded
//! PRNG, percentile bootstrap intervals, weighted standard deviation, permutation tests.
//!
//! Everything here is seeded: the same input and seed give the same interval and p-value on
//! every machine, so reports and tests are reproducible.

use serde::Serialize;

/// Default number of bootstrap resamples.
pub const DEFAULT_BOOTSTRAP: usize = 1000;
/// Default number of permutations of a permutation test.
pub const DEFAULT_PERMUTATIONS: usize = 2000;
/// Default seed of every resampling.
pub const DEFAULT_SEED: u64 = 0x5EED_2019;
/// Coverage of the intervals: 90 % (the 5th and 95th percentiles).
pub const LEVEL: f64 = 0.90;

/// A closed interval `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

impl Interval {
    /// A point interval.
    pub fn point(x: f64) -> Self {
        Interval { low: x, high: x }
    }
    /// True when `x` lies inside (bounds included).
    pub fn contains(&self, x: f64) -> bool {
        self.low <= x && x <= self.high
    }
    /// Rounded to 6 decimals.
    pub(crate) fn rounded(self) -> Self {
        Interval {
            low: crate::round(self.low),
            high: crate::round(self.high),
        }
    }
}

/// SplitMix64: a tiny, well-mixed, seedable generator (Steele, Lea & Flood 2014).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// A generator seeded from `seed` and a text (e.g. a group id), so that one group's
    /// resampling does not depend on which other groups exist.
    pub fn for_key(seed: u64, key: &str) -> Self {
        // FNV-1a over the key, mixed with the seed.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in key.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(seed ^ h)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A uniform index in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        // Lemire's multiply-shift; the tiny bias for huge n is irrelevant here.
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
    /// Shuffles `xs` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

/// Arithmetic mean; `None` for an empty slice.
pub fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Mean of one bootstrap resample of `xs` (with replacement).
pub fn resample_mean(xs: &[f64], rng: &mut Rng) -> f64 {
    let n = xs.len();
    let mut s = 0.0;
    for _ in 0..n {
        s += xs[rng.below(n)];
    }
    s / n as f64
}

/// The `q` quantile (0..1) of `xs` by linear interpolation; sorts `xs`.
pub fn quantile(xs: &mut [f64], q: f64) -> f64 {
    xs.sort_by(f64::total_cmp);
    if xs.is_empty() {
        return f64::NAN;
    }
    let pos = q.clamp(0.0, 1.0) * (xs.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    xs[lo] + (xs[hi] - xs[lo]) * (pos - lo as f64)
}

/// The central [`LEVEL`] percentile interval of bootstrap replicates.
pub fn percentile_interval(mut replicates: Vec<f64>) -> Interval {
    let a = (1.0 - LEVEL) / 2.0;
    let low = quantile(&mut replicates, a);
    let high = quantile(&mut replicates, 1.0 - a);
    Interval { low, high }
}

/// Percentile bootstrap interval of the mean of `xs` with `b` resamples; `None` when empty.
/// One observation gives a point interval: there is nothing to resample.
pub fn bootstrap_mean(xs: &[f64], b: usize, rng: &mut Rng) -> Option<Interval> {
    if xs.is_empty() {
        return None;
    }
    if xs.len() == 1 || b == 0 {
        return Some(Interval::point(mean(xs)?));
    }
    let reps: Vec<f64> = (0..b).map(|_| resample_mean(xs, rng)).collect();
    Some(percentile_interval(reps))
}

/// Standard deviation of `values` weighted by `weights` (population form:
/// `sqrt(Σ w (x − x̄_w)² / Σ w)`); `None` when the weights sum to 0.
pub fn weighted_sd(values: &[f64], weights: &[f64]) -> Option<f64> {
    let wsum: f64 = weights.iter().sum();
    if wsum <= 0.0 {
        return None;
    }
    let m = values.iter().zip(weights).map(|(x, w)| x * w).sum::<f64>() / wsum;
    let var = values
        .iter()
        .zip(weights)
        .map(|(x, w)| w * (x - m) * (x - m))
        .sum::<f64>()
        / wsum;
    Some(var.max(0.0).sqrt())
}

/// Two-sided permutation p-value for a difference of means between `a` and `b`:
/// `(1 + #{perm : |Δ*| ≥ |Δ|}) / (1 + permutations)`. `None` when a side is empty.
pub fn permutation_p(a: &[f64], b: &[f64], permutations: usize, rng: &mut Rng) -> Option<f64> {
    let observed = (mean(b)? - mean(a)?).abs();
    let mut pooled: Vec<f64> = a.iter().chain(b).copied().collect();
    let total: f64 = pooled.iter().sum();
    let na = a.len();
    let nb = b.len() as f64;
    let mut hits = 0usize;
    for _ in 0..permutations {
        rng.shuffle(&mut pooled);
        let sa: f64 = pooled[..na].iter().sum();
        let d = ((total - sa) / nb - sa / na as f64).abs();
        if d >= observed - 1e-12 {
            hits += 1;
        }
    }
    Some((1 + hits) as f64 / (1 + permutations) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_uniform_enough() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        let mut counts = [0usize; 4];
        for _ in 0..4000 {
            counts[a.below(4)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (800..1200).contains(&c)),
            "{counts:?}"
        );
    }

    #[test]
    fn bootstrap_interval_covers_the_mean_and_shrinks_with_n() {
        let small: Vec<f64> = (0..10)
            .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        let big: Vec<f64> = (0..400)
            .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        let s = bootstrap_mean(&small, 1000, &mut Rng::new(1)).unwrap();
        let b = bootstrap_mean(&big, 1000, &mut Rng::new(1)).unwrap();
        assert!(s.contains(0.0) && b.contains(0.0));
        assert!(b.high - b.low < (s.high - s.low) / 3.0, "{s:?} {b:?}");
        assert_eq!(
            bootstrap_mean(&[0.5], 1000, &mut Rng::new(1)),
            Some(Interval::point(0.5))
        );
        assert_eq!(bootstrap_mean(&[], 1000, &mut Rng::new(1)), None);
    }

    #[test]
    fn weighted_sd_extremes() {
        assert_eq!(weighted_sd(&[1.0, -1.0], &[5.0, 5.0]), Some(1.0));
        assert!(weighted_sd(&[0.3, 0.3], &[1.0, 9.0]).unwrap() < 1e-9);
        let sd = weighted_sd(&[1.0, -1.0], &[9.0, 1.0]).unwrap();
        assert!((sd - 0.6).abs() < 1e-12, "{sd}");
        assert_eq!(weighted_sd(&[1.0], &[0.0]), None);
    }

    #[test]
    fn permutation_test_separates_real_from_null_differences() {
        let a = vec![-1.0; 20];
        let b = vec![1.0; 20];
        let p = permutation_p(&a, &b, 999, &mut Rng::new(3)).unwrap();
        assert!(p < 0.01, "{p}");
        let c: Vec<f64> = (0..20).map(|i| (i % 3) as f64 - 1.0).collect();
        let d: Vec<f64> = (0..20).map(|i| ((i + 1) % 3) as f64 - 1.0).collect();
        let p = permutation_p(&c, &d, 999, &mut Rng::new(3)).unwrap();
        assert!(p > 0.2, "{p}");
    }
}
