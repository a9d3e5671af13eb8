//! Linear segmentation metrics over a sequence of units: Pk, WindowDiff (with segeval's
//! semantics) and boundary precision/recall.
//!
//! A segmentation is given as positions: one segment number per unit, equal numbers for
//! units of one segment (`[0, 0, 1, 1, 1]` is masses `[2, 3]`).

use super::{Matches, Ratio};

/// Positions from segment masses: `[2, 3]` gives `[0, 0, 1, 1, 1]`.
pub fn positions_from_masses(masses: &[usize]) -> Vec<usize> {
    masses
        .iter()
        .enumerate()
        .flat_map(|(segment, &mass)| std::iter::repeat_n(segment, mass))
        .collect()
}

/// Segment numbers of maximal runs of equal labels: `[7, 7, 3, 7]` gives `[0, 0, 1, 2]`.
pub fn runs(labels: &[usize]) -> Vec<usize> {
    let mut segment = 0;
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            if i > 0 && labels[i - 1] != *label {
                segment += 1;
            }
            segment
        })
        .collect()
}

/// segeval's window size: half the mean reference segment mass, rounded half to even like
/// Python's `round`; at least 1 (segeval would use 0 when every segment has one unit, which
/// makes both metrics blind).
pub fn window_size(reference: &[usize]) -> usize {
    let segments = reference.last().map_or(0, |&last| last + 1);
    if segments == 0 {
        return 1;
    }
    let mean = reference.len() as f64 / segments as f64;
    ((mean / 2.0).round_ties_even() as usize).max(1)
}

/// Pk: over windows `i = 0 .. N - k`, the share where reference and hypothesis disagree on
/// whether units `i` and `i + k` are in one segment. Errors over windows.
pub fn pk(reference: &[usize], hypothesis: &[usize]) -> Ratio {
    let k = window_size(reference);
    let windows = reference.len().saturating_sub(k);
    let errors = (0..windows)
        .filter(|&i| (reference[i] == reference[i + k]) != (hypothesis[i] == hypothesis[i + k]))
        .count();
    Ratio::new(errors, windows)
}

/// WindowDiff: over windows `i = 0 .. N - k` of `k + 1` units, the share where reference and
/// hypothesis have different numbers of boundaries. Errors over windows.
pub fn window_diff(reference: &[usize], hypothesis: &[usize]) -> Ratio {
    let k = window_size(reference);
    let windows = reference.len().saturating_sub(k);
    let boundaries = |s: &[usize], i: usize| (i..i + k).filter(|&j| s[j] != s[j + 1]).count();
    let errors = (0..windows)
        .filter(|&i| boundaries(reference, i) != boundaries(hypothesis, i))
        .count();
    Ratio::new(errors, windows)
}

/// Gaps `j` (between units `j` and `j + 1`) where a new segment starts.
pub fn boundaries(segmentation: &[usize]) -> Vec<usize> {
    (1..segmentation.len())
        .filter(|&j| segmentation[j - 1] != segmentation[j])
        .map(|j| j - 1)
        .collect()
}

/// Boundary matches: a hypothesis boundary matches at most one reference boundary at
/// distance `tolerance` or less (exact matches are taken first, then near ones in order).
pub fn boundary_matches(reference: &[usize], hypothesis: &[usize], tolerance: usize) -> Matches {
    let gold = boundaries(reference);
    let predicted = boundaries(hypothesis);
    let mut free = vec![true; gold.len()];
    let mut matched = vec![false; predicted.len()];
    for distance in 0..=tolerance {
        for (p, &gap) in predicted.iter().enumerate() {
            if matched[p] {
                continue;
            }
            let hit = gold
                .iter()
                .enumerate()
                .position(|(g, &b)| free[g] && b.abs_diff(gap) == distance);
            if let Some(g) = hit {
                free[g] = false;
                matched[p] = true;
            }
        }
    }
    Matches {
        correct: matched.iter().filter(|&&m| m).count(),
        predicted: predicted.len(),
        gold: gold.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pk_of(reference: &[usize], hypothesis: &[usize]) -> f64 {
        let r = pk(
            &positions_from_masses(reference),
            &positions_from_masses(hypothesis),
        );
        r.value().unwrap()
    }

    fn wd_of(reference: &[usize], hypothesis: &[usize]) -> f64 {
        let r = window_diff(
            &positions_from_masses(reference),
            &positions_from_masses(hypothesis),
        );
        r.value().unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn pk_matches_segeval() {
        assert!(close(pk_of(&[2, 3, 6], &[2, 2, 7]), 2.0 / 9.0));
        assert!(close(pk_of(&[2, 3, 6], &[2, 3, 6]), 0.0));
    }

    #[test]
    fn window_diff_matches_segeval() {
        assert!(close(wd_of(&[6, 6], &[5, 7]), 2.0 / 9.0));
        assert!(close(wd_of(&[6, 6], &[12]), 3.0 / 9.0));
        assert!(close(wd_of(&[6, 6], &[1, 5, 6]), 1.0 / 9.0));
        assert!(close(wd_of(&[6, 6], &[5, 1, 1, 5]), 5.0 / 9.0));
        assert!(close(wd_of(&[6, 6], &[6, 6]), 0.0));
    }

    #[test]
    fn window_size_rounds_half_to_even() {
        assert_eq!(window_size(&positions_from_masses(&[5, 5])), 2); // 2.5 -> 2
        assert_eq!(window_size(&positions_from_masses(&[7, 7])), 4); // 3.5 -> 4
        assert_eq!(window_size(&positions_from_masses(&[1, 1, 1])), 1);
    }

    #[test]
    fn runs_split_non_contiguous_labels() {
        assert_eq!(runs(&[7, 7, 3, 7]), vec![0, 0, 1, 2]);
        assert_eq!(boundaries(&[0, 0, 1, 2]), vec![1, 2]);
    }

    #[test]
    fn near_boundaries_match_one_to_one() {
        let reference = positions_from_masses(&[3, 3, 3]); // gaps 2, 5
        let hypothesis = positions_from_masses(&[2, 1, 4, 2]); // gaps 1, 2, 6
        let exact = boundary_matches(&reference, &hypothesis, 0);
        assert_eq!((exact.correct, exact.predicted, exact.gold), (1, 3, 2));
        let near = boundary_matches(&reference, &hypothesis, 1);
        assert_eq!(near.correct, 2);
    }
}
