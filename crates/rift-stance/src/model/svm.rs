//! Binary L2-regularised linear classifiers trained by dual coordinate descent, with
//! per-example costs (class weights, label probabilities) and a bias feature of value 1:
//!
//! * [`Loss::SquaredHinge`]: L2-loss linear SVM (Hsieh et al., ICML 2008 — LIBLINEAR's `-s 1`);
//! * [`Loss::Logistic`]: logistic regression (Yu, Huang & Lin, MLJ 2011 — LIBLINEAR's `-s 7`),
//!   whose decision values are log-odds, so `sigmoid` gives a probability.
//!
//! Deterministic: the visiting order is shuffled by a seeded xorshift generator and every sum
//! runs in one order. [`super::StanceModel`] trains one problem per class (one-vs-rest).

use serde::{Deserialize, Serialize};

use super::features::Sparse;

/// The loss a binary problem minimises (plus ½‖w‖²).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Loss {
    /// C · max(0, 1 − y·wx)²: a linear SVM.
    SquaredHinge,
    /// C · log(1 + e^(−y·wx)): logistic regression (calibrated probabilities).
    #[default]
    Logistic,
}

impl Loss {
    /// Parses `svm` / `squared_hinge` or `lr` / `logistic`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "svm" | "squared_hinge" => Some(Loss::SquaredHinge),
            "lr" | "logistic" => Some(Loss::Logistic),
            _ => None,
        }
    }
}

/// Solver settings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SolverParams {
    /// The loss.
    pub loss: Loss,
    /// Stopping tolerance (projected-gradient range for the SVM, largest gradient for LR).
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

/// One training instance of a binary problem: the row `x` of the design matrix, its label ±1
/// and its cost C (> 0). A row may appear twice with both labels (soft labels).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Instance {
    /// Row index into the feature vectors.
    pub x: usize,
    /// +1 or −1.
    pub y: f64,
    /// Cost C of this instance.
    pub cost: f64,
}

/// Trains one binary problem. Returns `(w, bias)`.
pub(crate) fn train_binary(
    xs: &[Sparse],
    inst: &[Instance],
    dim: usize,
    p: SolverParams,
) -> (Vec<f64>, f64) {
    match p.loss {
        Loss::SquaredHinge => squared_hinge(xs, inst, dim, p),
        Loss::Logistic => logistic(xs, inst, dim, p),
    }
}

fn sq_norm(x: &Sparse) -> f64 {
    x.iter().map(|&(_, v)| v * v).sum::<f64>() + 1.0
}

fn dot(w: &[f64], bias: f64, x: &Sparse) -> f64 {
    x.iter().map(|&(j, v)| w[j as usize] * v).sum::<f64>() + bias
}

fn axpy(w: &mut [f64], bias: &mut f64, d: f64, x: &Sparse) {
    for &(j, v) in x {
        w[j as usize] += d * v;
    }
    *bias += d;
}

fn squared_hinge(xs: &[Sparse], inst: &[Instance], dim: usize, p: SolverParams) -> (Vec<f64>, f64) {
    let n = inst.len();
    let mut w = vec![0.0; dim];
    let mut bias = 0.0;
    let mut alpha = vec![0.0; n];
    let diag: Vec<f64> = inst.iter().map(|i| 0.5 / i.cost).collect();
    let qd: Vec<f64> = inst
        .iter()
        .zip(&diag)
        .map(|(i, d)| sq_norm(&xs[i.x]) + d)
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = Rng::new(p.seed);
    for _ in 0..p.max_iter {
        rng.shuffle(&mut order);
        let (mut pg_max, mut pg_min) = (f64::NEG_INFINITY, f64::INFINITY);
        for &i in &order {
            let x = &xs[inst[i].x];
            let y = inst[i].y;
            let g = y * dot(&w, bias, x) - 1.0 + diag[i] * alpha[i];
            let pg = if alpha[i] == 0.0 { g.min(0.0) } else { g };
            pg_max = pg_max.max(pg);
            pg_min = pg_min.min(pg);
            if pg.abs() > 1e-12 {
                let old = alpha[i];
                alpha[i] = (old - g / qd[i]).max(0.0);
                axpy(&mut w, &mut bias, (alpha[i] - old) * y, x);
            }
        }
        if pg_max - pg_min <= p.eps {
            break;
        }
    }
    (w, bias)
}

/// Dual coordinate descent for L2-regularised logistic regression: each dual variable
/// `α_i ∈ (0, C_i)` is set by a few Newton steps on its one-variable sub-problem
/// (LIBLINEAR's `solve_l2r_lr_dual`).
fn logistic(xs: &[Sparse], inst: &[Instance], dim: usize, p: SolverParams) -> (Vec<f64>, f64) {
    const MAX_INNER: usize = 100;
    let n = inst.len();
    let mut w = vec![0.0; dim];
    let mut bias = 0.0;
    // alpha[2i] = α_i, alpha[2i + 1] = C_i − α_i.
    let mut alpha = vec![0.0; 2 * n];
    for (i, it) in inst.iter().enumerate() {
        alpha[2 * i] = (1e-3 * it.cost).min(1e-8);
        alpha[2 * i + 1] = it.cost - alpha[2 * i];
        axpy(&mut w, &mut bias, it.y * alpha[2 * i], &xs[it.x]);
    }
    let qd: Vec<f64> = inst.iter().map(|i| sq_norm(&xs[i.x])).collect();
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = Rng::new(p.seed);
    let inner_min = p.eps.min(1e-8);
    let mut inner_eps = 1e-2;
    for _ in 0..p.max_iter {
        rng.shuffle(&mut order);
        let mut g_max: f64 = 0.0;
        let mut newton_steps = 0;
        for &i in &order {
            let it = inst[i];
            let x = &xs[it.x];
            let c = it.cost;
            let a = qd[i];
            let b = it.y * dot(&w, bias, x);
            // Work on α_i or on its complement, whichever the gradient points into.
            let (i1, i2, sign) = if 0.5 * a * (alpha[2 * i + 1] - alpha[2 * i]) + b < 0.0 {
                (2 * i + 1, 2 * i, -1.0)
            } else {
                (2 * i, 2 * i + 1, 1.0)
            };
            let old = alpha[i1];
            let mut z = old;
            if c - z < 0.5 * c {
                z *= 0.1;
            }
            let mut gp = a * (z - old) + sign * b + (z / (c - z)).ln();
            g_max = g_max.max(gp.abs());
            let mut steps = 0;
            while steps < MAX_INNER && gp.abs() >= inner_eps {
                let gpp = a + c / (c - z) / z;
                let next = z - gp / gpp;
                z = if next <= 0.0 { z * 0.1 } else { next };
                gp = a * (z - old) + sign * b + (z / (c - z)).ln();
                steps += 1;
            }
            newton_steps += steps;
            if steps > 0 {
                alpha[i1] = z;
                alpha[i2] = c - z;
                axpy(&mut w, &mut bias, sign * (z - old) * it.y, x);
            }
        }
        if g_max < p.eps {
            break;
        }
        if newton_steps <= n / 10 {
            inner_eps = (0.1 * inner_eps).max(inner_min);
        }
    }
    (w, bias)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> (Vec<Sparse>, Vec<Instance>) {
        // Feature 0 marks positives, feature 1 negatives.
        let xs: Vec<Sparse> = (0..20)
            .map(|i| vec![((i % 2) as u32, 1.0), (2, 0.3)])
            .collect();
        let inst = (0..20)
            .map(|i| Instance {
                x: i,
                y: if i % 2 == 0 { 1.0 } else { -1.0 },
                cost: 1.0,
            })
            .collect();
        (xs, inst)
    }

    #[test]
    fn both_losses_separate_a_toy_problem() {
        let (xs, inst) = toy();
        for loss in [Loss::SquaredHinge, Loss::Logistic] {
            let p = SolverParams {
                loss,
                eps: 0.01,
                max_iter: 100,
                seed: 1,
            };
            let (w, b) = train_binary(&xs, &inst, 3, p);
            for it in &inst {
                assert!(dot(&w, b, &xs[it.x]) * it.y > 0.0, "{loss:?}");
            }
            let again = train_binary(&xs, &inst, 3, p);
            assert_eq!(again.0, w, "deterministic");
        }
    }

    #[test]
    fn logistic_matches_soft_labels() {
        // One row, labelled +1 with cost 0.75 and −1 with cost 0.25, weak regularisation:
        // the probability sigmoid(wx) must come near 0.75.
        let xs: Vec<Sparse> = vec![vec![(0, 1.0)]];
        let inst = [
            Instance {
                x: 0,
                y: 1.0,
                cost: 75.0,
            },
            Instance {
                x: 0,
                y: -1.0,
                cost: 25.0,
            },
        ];
        let p = SolverParams {
            loss: Loss::Logistic,
            eps: 1e-6,
            max_iter: 10_000,
            seed: 3,
        };
        let (w, b) = train_binary(&xs, &inst, 1, p);
        let prob = 1.0 / (1.0 + (-(w[0] + b)).exp());
        assert!((prob - 0.75).abs() < 0.02, "p = {prob}");
    }
}
