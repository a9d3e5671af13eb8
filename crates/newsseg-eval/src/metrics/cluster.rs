//! Story clustering metrics: B-cubed precision/recall (optionally weighted) and article
//! exact match. Stories may be non-contiguous.
//!
//! A clustering is one cluster number per unit.

use super::Ratio;
use std::collections::{HashMap, HashSet};

/// Sums of per-unit B-cubed precision and recall, each weighted by the unit's weight, and
/// the total weight: precision = `precision / weight`, recall = `recall / weight`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BCubed {
    /// Σ weight(u) · precision(u).
    pub precision: f64,
    /// Σ weight(u) · recall(u).
    pub recall: f64,
    /// Σ weight(u).
    pub weight: f64,
}

impl BCubed {
    /// Adds another set of units.
    pub fn add(&mut self, other: &BCubed) {
        self.precision += other.precision;
        self.recall += other.recall;
        self.weight += other.weight;
    }

    /// Precision as a ratio.
    pub fn precision(&self) -> Ratio {
        Ratio::of(self.precision, self.weight)
    }

    /// Recall as a ratio.
    pub fn recall(&self) -> Ratio {
        Ratio::of(self.recall, self.weight)
    }
}

/// B-cubed of `predicted` against `gold`, unit `u` weighing `weights[u]`. For unit `u`,
/// precision is the weight of units sharing both its clusters over the weight of its
/// predicted cluster; recall the same over the weight of its gold cluster.
pub fn bcubed(gold: &[usize], predicted: &[usize], weights: &[f64]) -> BCubed {
    let mut both: HashMap<(usize, usize), f64> = HashMap::new();
    let mut gold_weight: HashMap<usize, f64> = HashMap::new();
    let mut predicted_weight: HashMap<usize, f64> = HashMap::new();
    for ((&g, &p), &w) in gold.iter().zip(predicted).zip(weights) {
        *both.entry((g, p)).or_default() += w;
        *gold_weight.entry(g).or_default() += w;
        *predicted_weight.entry(p).or_default() += w;
    }
    let mut sums = BCubed::default();
    for ((&g, &p), &w) in gold.iter().zip(predicted).zip(weights) {
        let shared = both[&(g, p)];
        sums.precision += w * shared / predicted_weight[&p];
        sums.recall += w * shared / gold_weight[&g];
        sums.weight += w;
    }
    sums
}

/// Article exact match: of the gold clusters in `articles`, how many have exactly the unit
/// set of some predicted cluster in `predicted_articles` (cluster numbers that are articles,
/// not singletons of dropped units).
pub fn exact_match(
    gold: &[usize],
    predicted: &[usize],
    gold_articles: &HashSet<usize>,
    predicted_articles: &HashSet<usize>,
) -> Ratio {
    let gold_sets = unit_sets(gold, gold_articles);
    let predicted_sets: HashSet<Vec<usize>> = unit_sets(predicted, predicted_articles)
        .into_values()
        .collect();
    let matched = gold_sets
        .values()
        .filter(|set| predicted_sets.contains(*set))
        .count();
    Ratio::new(matched, gold_sets.len())
}

/// The units (ascending) of each cluster in `keep`.
fn unit_sets(clusters: &[usize], keep: &HashSet<usize>) -> HashMap<usize, Vec<usize>> {
    let mut sets: HashMap<usize, Vec<usize>> = HashMap::new();
    for (unit, c) in clusters.iter().enumerate() {
        if keep.contains(c) {
            sets.entry(*c).or_default().push(unit);
        }
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn bcubed_hand_case() {
        // gold {0,1,2} {3,4}; predicted {0,1} {2,3,4}
        let gold = [0, 0, 0, 1, 1];
        let predicted = [5, 5, 6, 6, 6];
        let b = bcubed(&gold, &predicted, &[1.0; 5]);
        // precision: 1, 1, 1/3, 2/3, 2/3 -> 11/3 over 5
        assert!(close(b.precision().value().unwrap(), 11.0 / 15.0));
        // recall: 2/3, 2/3, 1/3, 1, 1 -> 11/3 over 5
        assert!(close(b.recall().value().unwrap(), 11.0 / 15.0));
    }

    #[test]
    fn bcubed_extremes() {
        let gold = [0, 0, 1, 1];
        let one = bcubed(&gold, &[0, 0, 0, 0], &[1.0; 4]);
        assert!(close(one.precision().value().unwrap(), 0.5));
        assert!(close(one.recall().value().unwrap(), 1.0));
        let singles = bcubed(&gold, &[0, 1, 2, 3], &[1.0; 4]);
        assert!(close(singles.precision().value().unwrap(), 1.0));
        assert!(close(singles.recall().value().unwrap(), 0.5));
    }

    #[test]
    fn weights_shift_bcubed() {
        // gold {0,1}; predicted {0} {1}; unit 1 weighs 3
        let b = bcubed(&[0, 0], &[0, 1], &[1.0, 3.0]);
        // recall: unit 0: 1/4, unit 1: 3/4 -> (1·1/4 + 3·3/4) / 4
        assert!(close(b.recall().value().unwrap(), 10.0 / 16.0));
        assert!(close(b.precision().value().unwrap(), 1.0));
    }

    #[test]
    fn exact_match_needs_equal_sets() {
        let gold = [0, 0, 1, 1, 2];
        let predicted = [7, 7, 8, 8, 8];
        let all = |c: &[usize]| c.iter().copied().collect::<HashSet<_>>();
        let r = exact_match(&gold, &predicted, &all(&gold), &all(&predicted));
        assert_eq!((r.num, r.den), (1.0, 3.0));
        let none = exact_match(&gold, &predicted, &all(&gold), &HashSet::new());
        assert_eq!(none.num, 0.0);
    }
}
