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
    let mut best: Option<FragmentOrder> = None;
    for direction in [Direction::Forward, Direction::Reversed] {
        let pair = |f: usize, g: usize| {
            let adjacent = match direction {
                Direction::Forward => g == f + 1,
                Direction::Reversed => f == g + 1,
            };
            evidence.follows(f, g) + if adjacent { adjacency_bonus } else { 0.0 }
        };
        let mut search = Search {
            n,
            pair: &pair,
            evidence,
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

/// Depth-first search over all orders, in lexicographic order so that the first best
/// order met is the one closest to dump order.
struct Search<'a, E, P> {
    n: usize,
    pair: &'a P,
    evidence: &'a E,
    path: Vec<usize>,
    best: Option<(f32, Vec<usize>)>,
}

impl<E: FragmentEvidence, P: Fn(usize, usize) -> f32> Search<'_, E, P> {
    fn extend(&mut self, used: u32, score: f32) {
        if self.path.len() == self.n {
            let last = *self.path.last().expect("n >= 1");
            let total = score + self.evidence.closes(last);
            if self.best.as_ref().is_none_or(|(b, _)| total > *b) {
                self.best = Some((total, self.path.clone()));
            }
            return;
        }
        for g in (0..self.n).filter(|&g| used & (1 << g) == 0) {
            let step = match self.path.last() {
                Some(&f) => (self.pair)(f, g),
                None => self.evidence.opens(g),
            };
            self.path.push(g);
            self.extend(used | (1 << g), score + step);
            self.path.pop();
        }
    }
}

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
}
