//! Reading order of one story's column fragments: the best sequence of fragments under
//! the joint evidence (a fragment that stops mid-sentence goes on in the fragment that
//! continues it), with the direction in which the extraction emitted the columns as a
//! hidden choice. Columns come out in order or reversed; the direction that the
//! mid-sentence joints support also orders the joints that have no evidence.

/// Most fragments ordered by exhaustive search (7! orders per direction).
pub const MAX_FRAGMENTS: usize = 7;

/// Evidence about the fragments of one story, numbered in dump order.
pub trait FragmentEvidence {
    /// Number of fragments.
    fn count(&self) -> usize;
    /// Score of fragment `f` opening the story's body.
    fn opens(&self, f: usize) -> f32;
    /// Score of fragment `g` coming right after fragment `f`.
    fn follows(&self, f: usize, g: usize) -> f32;
    /// Score of fragment `f` closing the story.
    fn closes(&self, f: usize) -> f32;
}

/// The direction in which the fragments were emitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Reading order is dump order.
    Forward,
    /// Reading order runs against dump order.
    Reversed,
}

/// The best reading order found.
#[derive(Debug, Clone, PartialEq)]
pub struct FragmentOrder {
    /// Fragment numbers in reading order.
    pub order: Vec<usize>,
    /// The direction that scored best.
    pub direction: Direction,
    /// The order's score.
    pub score: f32,
}

/// The best order of the fragments, each pair of dump neighbours placed next to each
/// other in `direction` earning `adjacency_bonus`; `None` when there are more than
/// [`MAX_FRAGMENTS`]. Ties keep dump order.
pub fn best_order(evidence: &impl FragmentEvidence, adjacency_bonus: f32) -> Option<FragmentOrder> {
    let n = evidence.count();
    if n > MAX_FRAGMENTS {
        return None;
    }
    if n == 0 {
        return Some(FragmentOrder {
            order: Vec::new(),
            direction: Direction::Forward,
            score: 0.0,
        });
    }
    let table = Table::of(evidence);
    let mut best: Option<FragmentOrder> = None;
    for direction in [Direction::Forward, Direction::Reversed] {
        let pair = table.pairs(direction, adjacency_bonus);
        let mut search = Search {
            table: &table,
            rest: table.completions(&pair),
            pair,
            path: Vec::with_capacity(n),
            best: None,
        };
        search.extend(0, 0.0);
        if let Some((score, order)) = search.best {
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(FragmentOrder {
                    order,
                    direction,
                    score,
                });
            }
        }
    }
    best
}

/// The evidence of one story, asked once per fragment and pair of fragments (the search
/// visits each pair thousands of times).
struct Table {
    n: usize,
    opens: Vec<f32>,
    /// `follows[f * n + g]`: score of `g` right after `f` (0 on the diagonal).
    follows: Vec<f32>,
    closes: Vec<f32>,
}

impl Table {
    fn of(evidence: &impl FragmentEvidence) -> Table {
        let n = evidence.count();
        let follows = (0..n * n)
            .map(|i| {
                let (f, g) = (i / n, i % n);
                if f == g {
                    0.0
                } else {
                    evidence.follows(f, g)
                }
            })
            .collect();
        Table {
            n,
            opens: (0..n).map(|f| evidence.opens(f)).collect(),
            follows,
            closes: (0..n).map(|f| evidence.closes(f)).collect(),
        }
    }

    /// Pair scores with the dump-neighbour bonus of `direction`, indexed like `follows`.
    fn pairs(&self, direction: Direction, adjacency_bonus: f32) -> Vec<f32> {
        let n = self.n;
        let adjacent = |f: usize, g: usize| match direction {
            Direction::Forward => g == f + 1,
            Direction::Reversed => f == g + 1,
        };
        self.follows
            .iter()
            .enumerate()
            .map(|(i, &s)| {
                s + if adjacent(i / n, i % n) {
                    adjacency_bonus
                } else {
                    0.0
                }
            })
            .collect()
    }

    /// `rest[used * n + last]`: the best score still to come once the fragments in the set
    /// `used` are placed, `last` of them at the end (the steps to the unplaced fragments
    /// and the close), by dynamic programming over the sets, largest first.
    fn completions(&self, pair: &[f32]) -> Vec<f64> {
        let n = self.n;
        let full = (1usize << n) - 1;
        let mut rest = vec![f64::NEG_INFINITY; (full + 1) * n];
        for used in (1..=full).rev() {
            for last in (0..n).filter(|&f| used & (1 << f) != 0) {
                rest[used * n + last] = if used == full {
                    f64::from(self.closes[last])
                } else {
                    (0..n)
                        .filter(|&g| used & (1 << g) == 0)
                        .map(|g| f64::from(pair[last * n + g]) + rest[(used | 1 << g) * n + g])
                        .fold(f64::NEG_INFINITY, f64::max)
                };
            }
        }
        rest
    }
}

/// Depth-first search over all orders, in lexicographic order so that the first best
/// order met is the one closest to dump order. A partial order whose best completion
/// stays clearly below the best total found is not extended: `rest` bounds what any
/// completion adds, and the margin covers the rounding of the `f32` sums, so the order
/// found is the one the full search finds.
struct Search<'a> {
    table: &'a Table,
    /// Pair scores of the direction searched, indexed like [`Table::follows`].
    pair: Vec<f32>,
    /// Best completions, see [`Table::completions`].
    rest: Vec<f64>,
    path: Vec<usize>,
    best: Option<(f32, Vec<usize>)>,
}

impl Search<'_> {
    fn extend(&mut self, used: u32, score: f32) {
        let n = self.table.n;
        if self.path.len() == n {
            let last = *self.path.last().expect("n >= 1");
            let total = score + self.table.closes[last];
            if self.best.as_ref().is_none_or(|(b, _)| total > *b) {
                self.best = Some((total, self.path.clone()));
            }
            return;
        }
        for g in (0..n).filter(|&g| used & (1 << g) == 0) {
            let step = match self.path.last() {
                Some(&f) => self.pair[f * n + g],
                None => self.table.opens[g],
            };
            let used = used | (1 << g);
            if self.hopeless(score + step, self.rest[used as usize * n + g]) {
                continue;
            }
            self.path.push(g);
            self.extend(used, score + step);
            self.path.pop();
        }
    }

    /// True when a partial order scoring `score`, whose completion adds at most `rest`,
    /// cannot beat the best total found.
    fn hopeless(&self, score: f32, rest: f64) -> bool {
        self.best.as_ref().is_some_and(|&(best, _)| {
            let best = f64::from(best);
            f64::from(score) + rest + ROUNDING_MARGIN * (1.0 + best.abs()) < best
        })
    }
}

/// Relative margin for the rounding of `f32` score sums (a few units in the last place
/// per step: far below this).
const ROUNDING_MARGIN: f64 = 1e-4;

#[cfg(test)]
mod tests {
    use super::*;

    /// Fragments with a known continuation table: `joins[f] = Some(g)` when `f` stops
    /// mid-sentence and `g` continues it; `None` when `f` ends a sentence.
    struct Table {
        joins: Vec<Option<usize>>,
        cut: Vec<bool>,
    }

    impl FragmentEvidence for Table {
        fn count(&self) -> usize {
            self.joins.len()
        }
        fn opens(&self, f: usize) -> f32 {
            if self.joins.contains(&Some(f)) {
                -3.0
            } else {
                0.0
            }
        }
        fn follows(&self, f: usize, g: usize) -> f32 {
            match self.joins[f] {
                Some(x) if x == g => 3.0,
                Some(_) => 1.0,
                None if self.joins.contains(&Some(g)) => -3.0,
                None => 0.0,
            }
        }
        fn closes(&self, f: usize) -> f32 {
            if self.cut[f] {
                -2.0
            } else {
                0.0
            }
        }
    }

    #[test]
    fn no_evidence_keeps_dump_order() {
        let t = Table {
            joins: vec![None; 4],
            cut: vec![false; 4],
        };
        let best = best_order(&t, 1.5).unwrap();
        assert_eq!(best.order, [0, 1, 2, 3]);
        assert_eq!(best.direction, Direction::Forward);
    }

    #[test]
    fn reversed_columns_are_read_backwards_even_across_a_joint_without_evidence() {
        // Reading order 3, 2, 1, 0: joints 3→2 and 1→0 are mid-sentence, 2→1 falls between
        // paragraphs and has no evidence of its own.
        let t = Table {
            joins: vec![None, Some(0), None, Some(2)],
            cut: vec![false, true, false, true],
        };
        let best = best_order(&t, 1.5).unwrap();
        assert_eq!(best.order, [3, 2, 1, 0]);
        assert_eq!(best.direction, Direction::Reversed);
    }

    #[test]
    fn no_fragments_no_order() {
        let t = Table {
            joins: Vec::new(),
            cut: Vec::new(),
        };
        assert!(best_order(&t, 1.5).unwrap().order.is_empty());
    }

    #[test]
    fn too_many_fragments_are_left_to_the_caller() {
        let t = Table {
            joins: vec![None; MAX_FRAGMENTS + 1],
            cut: vec![false; MAX_FRAGMENTS + 1],
        };
        assert!(best_order(&t, 1.5).is_none());
    }

    /// Scores drawn from a few values, so that many orders tie.
    struct Random {
        n: usize,
        opens: Vec<f32>,
        follows: Vec<f32>,
        closes: Vec<f32>,
    }

    impl Random {
        fn new(n: usize, seed: u64) -> Random {
            let mut state = seed;
            let mut next = move || {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                [-3.0, -2.0, 0.0, 0.0, 1.0, 1.37, 2.0, 3.5][(state >> 61) as usize]
            };
            Random {
                n,
                opens: (0..n).map(|_| next()).collect(),
                follows: (0..n * n).map(|_| next()).collect(),
                closes: (0..n).map(|_| next()).collect(),
            }
        }
    }

    impl FragmentEvidence for Random {
        fn count(&self) -> usize {
            self.n
        }
        fn opens(&self, f: usize) -> f32 {
            self.opens[f]
        }
        fn follows(&self, f: usize, g: usize) -> f32 {
            self.follows[f * self.n + g]
        }
        fn closes(&self, f: usize) -> f32 {
            self.closes[f]
        }
    }

    /// Every order of `n` fragments, in lexicographic order.
    fn permutations(n: usize) -> Vec<Vec<usize>> {
        if n == 0 {
            return vec![Vec::new()];
        }
        let mut out = Vec::new();
        for first in 0..n {
            for rest in permutations(n - 1) {
                let mut order = vec![first];
                order.extend(rest.into_iter().map(|f| if f >= first { f + 1 } else { f }));
                out.push(order);
            }
        }
        out
    }

    /// The first best order of a plain exhaustive search, scored like [`best_order`].
    fn exhaustive(e: &Random, bonus: f32) -> FragmentOrder {
        let mut best: Option<FragmentOrder> = None;
        for direction in [Direction::Forward, Direction::Reversed] {
            for order in permutations(e.n) {
                let mut score = e.opens(order[0]);
                for w in order.windows(2) {
                    let adjacent = match direction {
                        Direction::Forward => w[1] == w[0] + 1,
                        Direction::Reversed => w[0] == w[1] + 1,
                    };
                    score += e.follows(w[0], w[1]) + if adjacent { bonus } else { 0.0 };
                }
                let score = score + e.closes(*order.last().unwrap());
                if best.as_ref().is_none_or(|b| score > b.score) {
                    best = Some(FragmentOrder {
                        order,
                        direction,
                        score,
                    });
                }
            }
        }
        best.unwrap()
    }

    #[test]
    fn pruned_search_finds_the_exhaustive_search_order() {
        for n in 1..=6 {
            for seed in 0..40 {
                let e = Random::new(n, seed * 31 + n as u64);
                assert_eq!(
                    best_order(&e, 1.5).unwrap(),
                    exhaustive(&e, 1.5),
                    "n {n} seed {seed}"
                );
            }
        }
    }
}
