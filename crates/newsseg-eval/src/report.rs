//! Evaluation reports: results per system and dump, as text tables or JSON.

use crate::metrics::{Counts, Metric, Scores};
use newsseg::Role;
use serde_json::{json, Value};

/// The counts of one system on one dump.
#[derive(Debug, Clone, PartialEq)]
pub struct DumpResult {
    /// The dump name (file name without `.txt`).
    pub name: String,
    /// Its counts.
    pub counts: Counts,
}

/// The results of one system (newsseg, a baseline, a prediction file) on a set of dumps.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemResult {
    /// The row name.
    pub name: String,
    /// One result per dump.
    pub dumps: Vec<DumpResult>,
}

impl SystemResult {
    /// Micro-averaged scores over every dump.
    pub fn total(&self) -> Scores {
        Scores::new(Counts::sum(self.dumps.iter().map(|d| &d.counts)))
    }

    /// The `n` dumps with the lowest B-cubed F1 (undefined last), worst first.
    pub fn worst(&self, n: usize) -> Vec<&DumpResult> {
        let key = |d: &DumpResult| {
            Scores::new(d.counts.clone())
                .get("bcubed_f1")
                .flatten()
                .unwrap_or(f64::INFINITY)
        };
        let mut dumps: Vec<&DumpResult> = self.dumps.iter().collect();
        dumps.sort_by(|a, b| key(a).total_cmp(&key(b)).then_with(|| a.name.cmp(&b.name)));
        dumps.truncate(n);
        dumps
    }
}

/// Metric groups in table order.
fn groups(metrics: &[Metric]) -> Vec<&'static str> {
    let mut groups: Vec<&'static str> = Vec::new();
    for m in metrics {
        if !groups.contains(&m.group) {
            groups.push(m.group);
        }
    }
    groups
}

/// One table per metric group; rows are systems, columns metrics; `-` marks an undefined
/// value.
pub fn render_table(systems: &[SystemResult]) -> String {
    let rows: Vec<(String, Vec<Metric>)> = systems
        .iter()
        .map(|s| (s.name.clone(), s.total().metrics()))
        .collect();
    render_grouped(&rows, |v| v.map_or("-".to_string(), |v| format!("{v:.3}")))
}

/// Ablation deltas: one row per disabled detector, the change of each metric against the
/// full configuration (`-` where either value is undefined).
pub fn render_ablation(full: &Scores, ablated: &[(String, Scores)]) -> String {
    let rows: Vec<(String, Vec<Metric>)> = ablated
        .iter()
        .map(|(name, scores)| (format!("-{name}"), deltas(full, scores)))
        .collect();
    render_grouped(&rows, |v| v.map_or("-".to_string(), |v| format!("{v:+.3}")))
}

/// Each metric of `ablated` minus the same metric of `full`.
pub fn deltas(full: &Scores, ablated: &Scores) -> Vec<Metric> {
    full.metrics()
        .into_iter()
        .zip(ablated.metrics())
        .map(|(f, a)| Metric {
            value: f.value.zip(a.value).map(|(f, a)| a - f),
            ..f
        })
        .collect()
}

fn render_grouped(rows: &[(String, Vec<Metric>)], cell: impl Fn(Option<f64>) -> String) -> String {
    let Some((_, first)) = rows.first() else {
        return String::new();
    };
    let mut out = String::new();
    for group in groups(first) {
        let columns: Vec<usize> = (0..first.len())
            .filter(|&i| first[i].group == group)
            .collect();
        let mut header = vec![group.to_string()];
        header.extend(columns.iter().map(|&i| first[i].name.to_string()));
        let body: Vec<Vec<String>> = rows
            .iter()
            .map(|(name, metrics)| {
                let mut row = vec![name.clone()];
                row.extend(columns.iter().map(|&i| cell(metrics[i].value)));
                row
            })
            .collect();
        out.push_str(&render_rows(&header, &body));
        out.push('\n');
    }
    out
}

/// Per-role precision, recall, F1 and counts of one system, for roles present in gold or
/// prediction.
pub fn render_roles(system: &SystemResult) -> String {
    let counts = system.total().counts;
    let header: Vec<String> = ["role", "p", "r", "f1", "gold", "predicted"]
        .map(String::from)
        .to_vec();
    let cell = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
    let body: Vec<Vec<String>> = Role::ALL
        .iter()
        .map(|r| (r, counts.roles[r.index()]))
        .filter(|(_, m)| m.gold + m.predicted > 0)
        .map(|(r, m)| {
            vec![
                r.to_string(),
                cell(m.precision()),
                cell(m.recall()),
                cell(m.f1()),
                m.gold.to_string(),
                m.predicted.to_string(),
            ]
        })
        .collect();
    render_rows(&header, &body)
}

/// Names of the columns of the per-dump rows.
const DUMP_COLUMNS: [&str; 6] = [
    "pk",
    "bcubed_f1",
    "exact_match",
    "role_macro_f1",
    "order_exact",
    "order_tau",
];

/// The `n` worst dumps of one system (by B-cubed F1).
pub fn render_worst(system: &SystemResult, n: usize) -> String {
    let mut header = vec!["dump".to_string(), "units".to_string()];
    header.extend(DUMP_COLUMNS.map(String::from));
    let body: Vec<Vec<String>> = system
        .worst(n)
        .into_iter()
        .map(|d| {
            let scores = Scores::new(d.counts.clone());
            let mut row = vec![d.name.clone(), d.counts.units.to_string()];
            row.extend(DUMP_COLUMNS.iter().map(|c| {
                scores
                    .get(c)
                    .flatten()
                    .map_or("-".to_string(), |v| format!("{v:.3}"))
            }));
            row
        })
        .collect();
    render_rows(&header, &body)
}

/// Aligns a header and rows: first column left-aligned, the others right-aligned.
fn render_rows(header: &[String], body: &[Vec<String>]) -> String {
    let width = |i: usize| {
        body.iter()
            .map(|r| r[i].chars().count())
            .chain([header[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |row: &[String]| {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, &w))| {
                if i == 0 {
                    format!("{c:<w$}")
                } else {
                    format!("{c:>w$}")
                }
            })
            .collect();
        cells.join("  ").trim_end().to_string() + "\n"
    };
    let mut out = line(header);
    for row in body {
        out.push_str(&line(row));
    }
    out
}

/// The JSON report: `{"systems": {name: scores}, "worst": {name: [{dump, units, scores}]}}`.
pub fn to_json(systems: &[SystemResult], worst: usize) -> Value {
    let scores: serde_json::Map<String, Value> = systems
        .iter()
        .map(|s| (s.name.clone(), json!(s.total())))
        .collect();
    let worst: serde_json::Map<String, Value> = systems
        .iter()
        .map(|s| {
            let rows: Vec<Value> = s
                .worst(worst)
                .into_iter()
                .map(|d| json!({"dump": d.name, "scores": Scores::new(d.counts.clone())}))
                .collect();
            (s.name.clone(), Value::Array(rows))
        })
        .collect();
    json!({"systems": scores, "worst": worst})
}

/// The JSON of ablation deltas: `{detector: {metric: delta}}`.
pub fn ablation_json(full: &Scores, ablated: &[(String, Scores)]) -> Value {
    let map: serde_json::Map<String, Value> = ablated
        .iter()
        .map(|(name, scores)| {
            let deltas: serde_json::Map<String, Value> = deltas(full, scores)
                .into_iter()
                .map(|m| (m.name.to_string(), json!(m.value)))
                .collect();
            (name.clone(), Value::Object(deltas))
        })
        .collect();
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::Ratio;

    fn system(values: &[(&str, usize, usize)]) -> SystemResult {
        SystemResult {
            name: "s".into(),
            dumps: values
                .iter()
                .map(|&(name, errors, windows)| DumpResult {
                    name: name.into(),
                    counts: Counts {
                        dumps: 1,
                        pk: Ratio::new(errors, windows),
                        ..Counts::default()
                    },
                })
                .collect(),
        }
    }

    #[test]
    fn totals_are_micro_averages() {
        let s = system(&[("a", 1, 2), ("b", 0, 8)]);
        assert_eq!(s.total().get("pk"), Some(Some(0.1)));
        assert_eq!(s.total().counts.dumps, 2);
    }

    #[test]
    fn table_marks_undefined_values() {
        let table = render_table(&[system(&[("a", 1, 4)])]);
        let pk_row = table.lines().nth(1).unwrap();
        assert!(pk_row.starts_with("s "), "{table}");
        assert!(pk_row.contains("0.250"), "{table}");
        assert!(pk_row.trim_end().ends_with('-'), "{table}");
    }

    #[test]
    fn deltas_subtract_the_full_run() {
        let full = system(&[("a", 1, 4)]).total();
        let ablated = system(&[("a", 2, 4)]).total();
        let pk = deltas(&full, &ablated)[0];
        assert_eq!((pk.name, pk.value), ("pk", Some(0.25)));
    }
}
