//! Reading order of gold articles printed in several fragments.

use crate::labels::LineLabel;
use std::collections::HashMap;

/// Kendall's tau-a between two rankings of the same items: (concordant − discordant) pairs
/// over all pairs; ties count as neither. 0 for fewer than two items.
pub fn kendall_tau(a: &[u32], b: &[u32]) -> f64 {
    let n = a.len().min(b.len());
    if n < 2 {
        return 0.0;
    }
    let mut balance: i64 = 0;
    for i in 0..n {
        for j in i + 1..n {
            let product = (i64::from(a[i]) - i64::from(a[j])).signum()
                * (i64::from(b[i]) - i64::from(b[j])).signum();
            balance += product;
        }
    }
    balance as f64 / (n * (n - 1) / 2) as f64
}

/// Reading-order results over a set of fragmented gold articles.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct OrderCounts {
    /// Gold articles in several fragments whose lines all carry a rank.
    pub articles: usize,
    /// Of those, articles whose lines the prediction holds in one article, in gold order.
    pub exact: usize,
    /// Sum of Kendall tau over those articles.
    pub tau: f64,
}

impl OrderCounts {
    /// Adds another set of articles.
    pub fn add(&mut self, other: &OrderCounts) {
        self.articles += other.articles;
        self.exact += other.exact;
        self.tau += other.tau;
    }
}

/// Scores the reading order of every gold article that forms several fragments and whose
/// lines (those not noise/dup) all carry a rank. The predicted article holding most of the
/// article's lines is compared (ties: the one reached first in dump order); the order is
/// exact when it holds all of them in gold order; tau compares gold and predicted ranks of
/// the lines it holds.
pub fn reading_order(gold: &[Option<LineLabel>], predicted: &[Option<LineLabel>]) -> OrderCounts {
    let mut counts = OrderCounts::default();
    for lines in article_lines(gold).values() {
        let ranked: Option<Vec<u32>> = lines.iter().map(|&l| rank(gold, l)).collect();
        let Some(gold_ranks) = ranked else { continue };
        if fragments(gold, lines) < 2 {
            continue;
        }
        counts.articles += 1;
        let held: Vec<usize> = held_lines(predicted, lines);
        let mut pairs: Vec<(u32, u32)> = held
            .iter()
            .filter_map(|&i| Some((gold_ranks[i], rank(predicted, lines[i])?)))
            .collect();
        pairs.sort_unstable();
        let (g, p): (Vec<u32>, Vec<u32>) = pairs.iter().copied().unzip();
        let in_order = p.windows(2).all(|w| w[0] < w[1]);
        if pairs.len() == lines.len() && in_order {
            counts.exact += 1;
        }
        counts.tau += kendall_tau(&g, &p);
    }
    counts
}

/// Dump-order lines of each gold article (lines not noise/dup).
fn article_lines(gold: &[Option<LineLabel>]) -> HashMap<&str, Vec<usize>> {
    let mut articles: HashMap<&str, Vec<usize>> = HashMap::new();
    for (line, label) in gold.iter().enumerate() {
        if let Some(LineLabel {
            article: Some(id),
            role,
            ..
        }) = label
        {
            if !role.is_dropped() {
                articles.entry(id.as_str()).or_default().push(line);
            }
        }
    }
    articles
}

fn rank(labels: &[Option<LineLabel>], line: usize) -> Option<u32> {
    labels.get(line)?.as_ref()?.rank
}

/// Maximal runs of `lines` (ascending) with nothing but blank lines between neighbours.
fn fragments(gold: &[Option<LineLabel>], lines: &[usize]) -> usize {
    1 + lines
        .windows(2)
        .filter(|w| gold[w[0] + 1..w[1]].iter().any(Option::is_some))
        .count()
}

/// Indices into `lines` of the lines held by the predicted article that holds most of them.
fn held_lines(predicted: &[Option<LineLabel>], lines: &[usize]) -> Vec<usize> {
    let article = |l: usize| {
        predicted
            .get(l)?
            .as_ref()
            .filter(|x| !x.role.is_dropped())?
            .article
            .as_deref()
    };
    let mut votes: Vec<(&str, usize)> = Vec::new();
    for &l in lines {
        if let Some(id) = article(l) {
            match votes.iter_mut().find(|(v, _)| *v == id) {
                Some((_, n)) => *n += 1,
                None => votes.push((id, 1)),
            }
        }
    }
    let best = votes
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(id, _)| *id);
    (0..lines.len())
        .filter(|&i| best.is_some() && article(lines[i]) == best)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsseg::Role;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tau_values() {
        assert!(close(kendall_tau(&[0, 1, 2, 3], &[0, 1, 2, 3]), 1.0));
        assert!(close(kendall_tau(&[0, 1, 2, 3], &[3, 2, 1, 0]), -1.0));
        // one discordant pair of six
        assert!(close(kendall_tau(&[0, 1, 2, 3], &[0, 2, 1, 3]), 4.0 / 6.0));
        assert!(close(kendall_tau(&[5], &[1]), 0.0));
    }

    fn label(article: &str, rank: u32) -> Option<LineLabel> {
        Some(LineLabel {
            article: Some(article.to_string()),
            role: Role::Body,
            rank: Some(rank),
        })
    }

    #[test]
    fn fragmented_article_order() {
        // a1 printed as lines 0-1, then a2, then a1's first part at line 3.
        let gold = vec![
            label("a1", 1),
            label("a1", 2),
            label("a2", 0),
            label("a1", 0),
        ];
        let right = vec![
            label("p1", 1),
            label("p1", 2),
            label("p2", 0),
            label("p1", 0),
        ];
        let counts = reading_order(&gold, &right);
        assert_eq!((counts.articles, counts.exact), (1, 1));
        assert!(close(counts.tau, 1.0));
        let dump_order = vec![
            label("p1", 0),
            label("p1", 1),
            label("p2", 0),
            label("p1", 2),
        ];
        let counts = reading_order(&gold, &dump_order);
        assert_eq!((counts.articles, counts.exact), (1, 0));
        assert!(close(counts.tau, -1.0 / 3.0));
        let split = vec![
            label("p1", 0),
            label("p1", 1),
            label("p2", 0),
            label("p3", 0),
        ];
        let counts = reading_order(&gold, &split);
        assert_eq!(counts.exact, 0);
        assert!(close(counts.tau, 1.0), "held lines are in order");
    }
}
