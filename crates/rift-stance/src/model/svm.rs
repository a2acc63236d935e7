//! L2-regularised L2-loss (squared hinge) linear SVM, trained by dual coordinate descent
//! (Hsieh et al., ICML 2008 — LIBLINEAR's `-s 1` solver), with per-example costs for class
//! weights and a bias feature of value 1. Deterministic: the visiting order is shuffled by a
//! seeded xorshift generator.

use super::features::Sparse;

/// Solver settings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SvmParams {
    /// Stopping tolerance on the projected-gradient range.
    pub eps: f64,
    /// Passes over the data at most.
    pub max_iter: usize,
    /// Shuffle seed.
    pub seed: u64,
}

/// A small deterministic generator (xorshift64*).
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Fisher–Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains one binary problem: `y[i]` is ±1, `cost[i]` the example's C. Returns `(w, bias)`.
pub(crate) fn train_binary(
    xs: &[Sparse],
    y: &[f64],
    cost: &[f64],
    dim: usize,
    p: SvmParams,
) -> (Vec<f64>, f64) {
    let n = xs.len();
    let mut w = vec![0.0; dim];
    let mut bias = 0.0;
    let mut alpha = vec![0.0; n];
    let diag: Vec<f64> = cost.iter().map(|c| 0.5 / c).collect();
    let qd: Vec<f64> = xs
        .iter()
        .zip(&diag)
        .map(|(x, d)| x.iter().map(|&(_, v)| v * v).sum::<f64>() + 1.0 + d)
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = Rng::new(p.seed);
    for _ in 0..p.max_iter {
        rng.shuffle(&mut order);
        let (mut pg_max, mut pg_min) = (f64::NEG_INFINITY, f64::INFINITY);
        for &i in &order {
            let x = &xs[i];
            let wx: f64 = x.iter().map(|&(j, v)| w[j as usize] * v).sum::<f64>() + bias;
            let g = y[i] * wx - 1.0 + diag[i] * alpha[i];
            let pg = if alpha[i] == 0.0 { g.min(0.0) } else { g };
            pg_max = pg_max.max(pg);
            pg_min = pg_min.min(pg);
            if pg.abs() > 1e-12 {
                let old = alpha[i];
                alpha[i] = (old - g / qd[i]).max(0.0);
                let d = (alpha[i] - old) * y[i];
                for &(j, v) in x {
                    w[j as usize] += d * v;
                }
                bias += d;
            }
        }
        if pg_max - pg_min <= p.eps {
            break;
        }
    }
    (w, bias)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_a_toy_problem() {
        // Feature 0 marks positives, feature 1 negatives.
        let xs: Vec<Sparse> = (0..20)
            .map(|i| vec![((i % 2) as u32, 1.0), (2, 0.3)])
            .collect();
        let y: Vec<f64> = (0..20)
            .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        let p = SvmParams {
            eps: 0.01,
            max_iter: 100,
            seed: 1,
        };
        let (w, b) = train_binary(&xs, &y, &[1.0; 20], 3, p);
        for (x, &yy) in xs.iter().zip(&y) {
            let s: f64 = x.iter().map(|&(j, v)| w[j as usize] * v).sum::<f64>() + b;
            assert!(s * yy > 0.0);
        }
        let again = train_binary(&xs, &y, &[1.0; 20], 3, p);
        assert_eq!(again.0, w, "deterministic");
    }
}
