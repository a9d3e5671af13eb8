//! Metrics comparing predicted line labels with gold labels (`docs/METRICS.md`).
//!
//! Every dump gives additive [`Counts`]; [`Scores`] derive from counts, so the scores of a
//! set are micro-averages (sums of counts first). A score whose denominator is zero is
//! undefined (`None`), never a silent 0 or 1.

pub mod cluster;
pub mod linear;
pub mod order;

use crate::labels::LineLabel;
use cluster::BCubed;
use newsseg::Role;
use order::OrderCounts;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::collections::{HashMap, HashSet};

/// A numerator and a denominator.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Ratio {
    /// The numerator.
    pub num: f64,
    /// The denominator.
    pub den: f64,
}

impl Ratio {
    /// `num / den` from counts.
    pub fn new(num: usize, den: usize) -> Ratio {
        Ratio::of(num as f64, den as f64)
    }

    /// `num / den`.
    pub fn of(num: f64, den: f64) -> Ratio {
        Ratio { num, den }
    }

    /// The value, `None` when the denominator is zero.
    pub fn value(&self) -> Option<f64> {
        (self.den > 0.0).then(|| self.num / self.den)
    }

    /// Adds another ratio's numerator and denominator.
    pub fn add(&mut self, other: &Ratio) {
        self.num += other.num;
        self.den += other.den;
    }
}

/// Correct, predicted and gold counts of one kind of item (a role, a boundary).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Matches {
    /// Predicted items that are right.
    pub correct: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Matches {
    /// Adds another set of counts.
    pub fn add(&mut self, other: &Matches) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    /// Precision, `None` when nothing was predicted.
    pub fn precision(&self) -> Option<f64> {
        Ratio::new(self.correct, self.predicted).value()
    }

    /// Recall, `None` when there is no gold item.
    pub fn recall(&self) -> Option<f64> {
        Ratio::new(self.correct, self.gold).value()
    }

    /// F1 = 2·correct / (predicted + gold), `None` when both are zero.
    pub fn f1(&self) -> Option<f64> {
        Ratio::new(2 * self.correct, self.predicted + self.gold).value()
    }
}

/// Additive counts of one dump or a set of dumps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// Dumps counted.
    pub dumps: usize,
    /// Units: labelled lines that are not noise or dup in gold.
    pub units: usize,
    /// Pk window errors over windows.
    pub pk: Ratio,
    /// WindowDiff window errors over windows.
    pub window_diff: Ratio,
    /// Segment boundaries, exact.
    pub boundary: Matches,
    /// Segment boundaries within ±1 unit.
    pub boundary_near: Matches,
    /// B-cubed, every unit weighing 1.
    pub bcubed: BCubed,
    /// B-cubed, units weighing their characters.
    pub bcubed_chars: BCubed,
    /// Gold articles whose unit set some predicted article has, over gold articles.
    pub exact_match: Ratio,
    /// Per role (by [`Role::index`]), over all non-blank lines.
    pub roles: [Matches; Role::COUNT],
    /// Reading order of fragmented articles.
    pub order: OrderCounts,
}

impl Counts {
    /// Adds the counts of other dumps.
    pub fn add(&mut self, other: &Counts) {
        self.dumps += other.dumps;
        self.units += other.units;
        self.pk.add(&other.pk);
        self.window_diff.add(&other.window_diff);
        self.boundary.add(&other.boundary);
        self.boundary_near.add(&other.boundary_near);
        self.bcubed.add(&other.bcubed);
        self.bcubed_chars.add(&other.bcubed_chars);
        self.exact_match.add(&other.exact_match);
        for (mine, theirs) in self.roles.iter_mut().zip(&other.roles) {
            mine.add(theirs);
        }
        self.order.add(&other.order);
    }

    /// The sum of many counts.
    pub fn sum<'a>(all: impl IntoIterator<Item = &'a Counts>) -> Counts {
        let mut total = Counts::default();
        for c in all {
            total.add(c);
        }
        total
    }
}

/// Compares the predicted labels of one dump with its gold labels (`text` is the dump,
/// for character weights). Both slices have one entry per dump line.
pub fn evaluate(text: &str, gold: &[Option<LineLabel>], predicted: &[Option<LineLabel>]) -> Counts {
    let lines = crate::labels::split_lines(text);
    let units: Vec<usize> = (0..gold.len())
        .filter(|&l| gold[l].as_ref().is_some_and(|x| !x.role.is_dropped()))
        .collect();
    let gold_clusters = Clusters::of(units.iter().map(|&u| label(gold, u)));
    let predicted_clusters = Clusters::of(units.iter().map(|&u| label(predicted, u)));
    let weights: Vec<f64> = units
        .iter()
        .map(|&u| lines.get(u).map_or(1, |s| visible_chars(s)) as f64)
        .collect();
    let reference = linear::runs(&gold_clusters.ids);
    let hypothesis = linear::runs(&predicted_clusters.ids);
    Counts {
        dumps: 1,
        units: units.len(),
        pk: linear::pk(&reference, &hypothesis),
        window_diff: linear::window_diff(&reference, &hypothesis),
        boundary: linear::boundary_matches(&reference, &hypothesis, 0),
        boundary_near: linear::boundary_matches(&reference, &hypothesis, 1),
        bcubed: cluster::bcubed(
            &gold_clusters.ids,
            &predicted_clusters.ids,
            &vec![1.0; units.len()],
        ),
        bcubed_chars: cluster::bcubed(&gold_clusters.ids, &predicted_clusters.ids, &weights),
        exact_match: cluster::exact_match(
            &gold_clusters.ids,
            &predicted_clusters.ids,
            &gold_clusters.articles,
            &predicted_clusters.articles,
        ),
        roles: role_matches(gold, predicted),
        order: order::reading_order(gold, predicted),
    }
}

fn label(labels: &[Option<LineLabel>], line: usize) -> Option<&LineLabel> {
    labels.get(line).and_then(Option::as_ref)
}

fn visible_chars(line: &str) -> usize {
    line.chars().filter(|c| !c.is_whitespace()).count().max(1)
}

/// Cluster numbers of units: one per article id, a fresh one for every unit without an
/// article or with role noise/dup (a singleton).
struct Clusters {
    ids: Vec<usize>,
    articles: HashSet<usize>,
}

impl Clusters {
    fn of<'a>(labels: impl Iterator<Item = Option<&'a LineLabel>>) -> Clusters {
        let mut by_id: HashMap<&str, usize> = HashMap::new();
        let mut ids = Vec::new();
        let mut next = 0;
        for label in labels {
            let article = label
                .filter(|l| !l.role.is_dropped())
                .and_then(|l| l.article.as_deref());
            let id = match article {
                Some(a) => *by_id.entry(a).or_insert(next),
                None => next,
            };
            if id == next {
                next += 1;
            }
            ids.push(id);
        }
        Clusters {
            ids,
            articles: by_id.into_values().collect(),
        }
    }
}

fn role_matches(
    gold: &[Option<LineLabel>],
    predicted: &[Option<LineLabel>],
) -> [Matches; Role::COUNT] {
    let mut roles = [Matches::default(); Role::COUNT];
    for (l, g) in gold.iter().enumerate() {
        let Some(g) = g else { continue };
        roles[g.role.index()].gold += 1;
        if let Some(p) = label(predicted, l) {
            roles[p.role.index()].predicted += 1;
            if p.role == g.role {
                roles[g.role.index()].correct += 1;
            }
        }
    }
    roles
}

/// Whether a larger value of a metric is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    /// Larger is better (F1, precision, tau …).
    Higher,
    /// Smaller is better (Pk, WindowDiff).
    Lower,
}

/// One named metric value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metric {
    /// The group it is shown in: `segmentation`, `clustering`, `roles` or `order`.
    pub group: &'static str,
    /// The name, as in `--json` and gate files.
    pub name: &'static str,
    /// The value, `None` when undefined (nothing to measure).
    pub value: Option<f64>,
    /// Which direction is better.
    pub better: Better,
}

/// Scores derived from [`Counts`].
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// The counts they derive from.
    pub counts: Counts,
}

impl Scores {
    /// Scores of the given counts.
    pub fn new(counts: Counts) -> Scores {
        Scores { counts }
    }

    /// Every metric, in table order. This list defines the metric names.
    pub fn metrics(&self) -> Vec<Metric> {
        let c = &self.counts;
        let role = |r: Role| c.roles[r.index()];
        let order = Ratio::new(c.order.exact, c.order.articles);
        let tau = Ratio::of(c.order.tau, c.order.articles as f64);
        use Better::{Higher, Lower};
        let rows: [(&str, &str, Option<f64>, Better); 22] = [
            ("segmentation", "pk", c.pk.value(), Lower),
            ("segmentation", "windowdiff", c.window_diff.value(), Lower),
            ("segmentation", "boundary_p", c.boundary.precision(), Higher),
            ("segmentation", "boundary_r", c.boundary.recall(), Higher),
            ("segmentation", "boundary_f1", c.boundary.f1(), Higher),
            (
                "segmentation",
                "boundary_near_p",
                c.boundary_near.precision(),
                Higher,
            ),
            (
                "segmentation",
                "boundary_near_r",
                c.boundary_near.recall(),
                Higher,
            ),
            (
                "segmentation",
                "boundary_near_f1",
                c.boundary_near.f1(),
                Higher,
            ),
            (
                "clustering",
                "bcubed_p",
                c.bcubed.precision().value(),
                Higher,
            ),
            ("clustering", "bcubed_r", c.bcubed.recall().value(), Higher),
            ("clustering", "bcubed_f1", f1(&c.bcubed), Higher),
            (
                "clustering",
                "bcubed_chars_p",
                c.bcubed_chars.precision().value(),
                Higher,
            ),
            (
                "clustering",
                "bcubed_chars_r",
                c.bcubed_chars.recall().value(),
                Higher,
            ),
            ("clustering", "bcubed_chars_f1", f1(&c.bcubed_chars), Higher),
            ("clustering", "exact_match", c.exact_match.value(), Higher),
            ("roles", "role_macro_f1", self.role_macro_f1(), Higher),
            ("roles", "noise_p", role(Role::Noise).precision(), Higher),
            ("roles", "noise_r", role(Role::Noise).recall(), Higher),
            ("roles", "dup_p", role(Role::Dup).precision(), Higher),
            ("roles", "dup_r", role(Role::Dup).recall(), Higher),
            ("order", "order_exact", order.value(), Higher),
            ("order", "order_tau", tau.value(), Higher),
        ];
        rows.into_iter()
            .map(|(group, name, value, better)| Metric {
                group,
                name,
                value,
                better,
            })
            .collect()
    }

    /// The value of metric `name`: `None` for an unknown name, `Some(None)` when undefined.
    pub fn get(&self, name: &str) -> Option<Option<f64>> {
        self.metrics()
            .into_iter()
            .find(|m| m.name == name)
            .map(|m| m.value)
    }

    /// Mean F1 over the roles present in gold or prediction (a role predicted but absent
    /// from gold has F1 0 and counts); `None` when no line is labelled.
    pub fn role_macro_f1(&self) -> Option<f64> {
        let present: Vec<f64> = self.counts.roles.iter().filter_map(Matches::f1).collect();
        Ratio::of(present.iter().sum(), present.len() as f64).value()
    }
}

fn f1(b: &BCubed) -> Option<f64> {
    let (p, r) = (b.precision().value()?, b.recall().value()?);
    Some(if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    })
}

impl Serialize for Scores {
    /// The metrics by name, then `units`, `dumps`, `gold_articles`, `order_articles` and
    /// `roles` (`{role: {p, r, f1, gold, predicted}}`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for m in self.metrics() {
            map.serialize_entry(m.name, &m.value)?;
        }
        let c = &self.counts;
        map.serialize_entry("dumps", &c.dumps)?;
        map.serialize_entry("units", &c.units)?;
        map.serialize_entry("gold_articles", &(c.exact_match.den as usize))?;
        map.serialize_entry("order_articles", &c.order.articles)?;
        let roles: serde_json::Map<String, serde_json::Value> = Role::ALL
            .iter()
            .map(|r| {
                let m = c.roles[r.index()];
                let value = serde_json::json!({
                    "p": m.precision(), "r": m.recall(), "f1": m.f1(),
                    "gold": m.gold, "predicted": m.predicted,
                });
                (r.as_str().to_string(), value)
            })
            .collect();
        map.serialize_entry("roles", &roles)?;
        map.end()
    }
}
