//! Evaluation: accuracy, per-class precision / recall / F1, macro-F1, SemEval's F_avg (mean of
//! the favor and against F1), confusion matrix, stratified k-fold splits and a majority-class
//! baseline.

use std::collections::BTreeMap;
use std::fmt;

use rift_core::StanceLabel;
use serde::Serialize;

use super::svm::Rng;

/// Precision, recall and F1 of one class.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClassMetrics {
    /// The class.
    pub label: StanceLabel,
    /// Precision (0 when nothing was predicted as the class).
    pub precision: f64,
    /// Recall (0 when the class has no gold example).
    pub recall: f64,
    /// F1 (0 when precision + recall = 0).
    pub f1: f64,
    /// Gold examples of the class.
    pub support: usize,
}

/// Scores of a set of predictions against gold labels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    /// Number of examples.
    pub n: usize,
    /// Fraction right.
    pub accuracy: f64,
    /// One entry per label that occurs in gold or predictions, in [`StanceLabel::ALL`] order.
    pub per_class: Vec<ClassMetrics>,
    /// Mean F1 over the labels that occur in the gold data.
    pub macro_f1: f64,
    /// Mean of favor and against F1 (SemEval-2016 Task 6).
    pub f_avg: f64,
    /// `confusion[i][j]`: gold `labels[i]` predicted as `labels[j]`.
    pub confusion: Vec<Vec<usize>>,
    /// Row/column labels of `confusion` (same as `per_class`).
    pub labels: Vec<StanceLabel>,
}

impl Metrics {
    /// Scores `pred` against `gold` (same length).
    pub fn compute(gold: &[StanceLabel], pred: &[StanceLabel]) -> Metrics {
        assert_eq!(
            gold.len(),
            pred.len(),
            "gold and predictions differ in length"
        );
        let labels: Vec<StanceLabel> = StanceLabel::ALL
            .into_iter()
            .filter(|l| gold.contains(l) || pred.contains(l))
            .collect();
        let pos = |l: StanceLabel| labels.iter().position(|x| *x == l).unwrap_or(0);
        let mut confusion = vec![vec![0usize; labels.len()]; labels.len()];
        for (g, p) in gold.iter().zip(pred) {
            confusion[pos(*g)][pos(*p)] += 1;
        }
        let per_class: Vec<ClassMetrics> = labels
            .iter()
            .enumerate()
            .map(|(i, &label)| {
                let tp = confusion[i][i] as f64;
                let predicted: usize = confusion.iter().map(|r| r[i]).sum();
                let support: usize = confusion[i].iter().sum();
                let precision = ratio(tp, predicted as f64);
                let recall = ratio(tp, support as f64);
                ClassMetrics {
                    label,
                    precision,
                    recall,
                    f1: ratio(2.0 * precision * recall, precision + recall),
                    support,
                }
            })
            .collect();
        let in_gold: Vec<&ClassMetrics> = per_class.iter().filter(|c| c.support > 0).collect();
        let macro_f1 = ratio(
            in_gold.iter().map(|c| c.f1).sum::<f64>(),
            in_gold.len() as f64,
        );
        let f1_of = |l: StanceLabel| {
            per_class
                .iter()
                .find(|c| c.label == l)
                .map_or(0.0, |c| c.f1)
        };
        let right = gold.iter().zip(pred).filter(|(g, p)| g == p).count();
        let f_avg = (f1_of(StanceLabel::Favor) + f1_of(StanceLabel::Against)) / 2.0;
        Metrics {
            n: gold.len(),
            accuracy: ratio(right as f64, gold.len() as f64),
            per_class,
            macro_f1,
            f_avg,
            confusion,
            labels,
        }
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

impl fmt::Display for Metrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "n={}  accuracy={:.4}  macro-F1={:.4}  F_avg={:.4}",
            self.n, self.accuracy, self.macro_f1, self.f_avg
        )?;
        writeln!(
            f,
            "  {:<12} {:>9} {:>9} {:>9} {:>8}",
            "class", "precision", "recall", "F1", "support"
        )?;
        for c in &self.per_class {
            writeln!(
                f,
                "  {:<12} {:>9.4} {:>9.4} {:>9.4} {:>8}",
                c.label.as_str(),
                c.precision,
                c.recall,
                c.f1,
                c.support
            )?;
        }
        write!(f, "  confusion (rows gold, columns predicted):")?;
        write!(f, "\n  {:<12}", "")?;
        for l in &self.labels {
            write!(f, " {:>11}", l.as_str())?;
        }
        for (l, row) in self.labels.iter().zip(&self.confusion) {
            write!(f, "\n  {:<12}", l.as_str())?;
            for c in row {
                write!(f, " {c:>11}")?;
            }
        }
        Ok(())
    }
}

/// Stratified `k`-fold assignment: `fold[i]` in `0..k` for every example, each label spread
/// evenly over the folds after a seeded shuffle.
pub fn stratified_folds(labels: &[StanceLabel], k: usize, seed: u64) -> Vec<usize> {
    let k = k.max(1);
    let mut by_label: BTreeMap<StanceLabel, Vec<usize>> = BTreeMap::new();
    for (i, l) in labels.iter().enumerate() {
        by_label.entry(*l).or_default().push(i);
    }
    let mut fold = vec![0; labels.len()];
    let mut rng = Rng::new(seed);
    let mut next = 0;
    for idx in by_label.values_mut() {
        rng.shuffle(idx);
        for &i in idx.iter() {
            fold[i] = next % k;
            next += 1;
        }
    }
    fold
}

/// The most frequent label (ties: the first in [`StanceLabel::ALL`] order).
pub fn majority_label(labels: &[StanceLabel]) -> Option<StanceLabel> {
    StanceLabel::ALL
        .into_iter()
        .map(|l| (labels.iter().filter(|x| **x == l).count(), l))
        .filter(|(n, _)| *n > 0)
        .fold(None, |best: Option<(usize, StanceLabel)>, cur| match best {
            Some(b) if b.0 >= cur.0 => Some(b),
            _ => Some(cur),
        })
        .map(|(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use StanceLabel::*;

    #[test]
    fn metrics_by_hand() {
        let gold = [Favor, Favor, Against, Against, Neutral];
        let pred = [Favor, Against, Against, Against, Favor];
        let m = Metrics::compute(&gold, &pred);
        assert!((m.accuracy - 0.6).abs() < 1e-12);
        let fav = m.per_class.iter().find(|c| c.label == Favor).unwrap();
        assert!((fav.precision - 0.5).abs() < 1e-12 && (fav.recall - 0.5).abs() < 1e-12);
        let ag = m.per_class.iter().find(|c| c.label == Against).unwrap();
        assert!((ag.f1 - 0.8).abs() < 1e-12);
        assert!((m.f_avg - 0.65).abs() < 1e-12);
        assert!((m.macro_f1 - (0.5 + 0.8 + 0.0) / 3.0).abs() < 1e-12);
        assert_eq!(m.confusion[0], [1, 1, 0]);
    }

    #[test]
    fn folds_are_stratified() {
        let labels: Vec<StanceLabel> = (0..50)
            .map(|i| if i < 40 { Favor } else { Against })
            .collect();
        let f = stratified_folds(&labels, 5, 7);
        for k in 0..5 {
            let fav = (0..50).filter(|&i| f[i] == k && labels[i] == Favor).count();
            let ag = (0..50)
                .filter(|&i| f[i] == k && labels[i] == Against)
                .count();
            assert_eq!((fav, ag), (8, 2));
        }
        assert_eq!(majority_label(&labels), Some(Favor));
    }
}
