//! Quality gates: minimum and maximum values of metrics, read from TOML.
//!
//! ```toml
//! [min]
//! bcubed_f1 = 0.9
//! exact_match = 0.8
//! [max]
//! pk = 0.1
//! ```

use crate::metrics::Scores;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Thresholds by metric name (the names of `--json`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Gate {
    /// Metrics that must be at least the given value.
    pub min: BTreeMap<String, f64>,
    /// Metrics that must be at most the given value.
    pub max: BTreeMap<String, f64>,
}

/// A gate file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum GateError {
    /// Bad TOML or an unknown section.
    #[error("invalid gate: {0}")]
    Toml(toml::de::Error),
    /// A key that names no metric.
    #[error("invalid gate: unknown metric `{name}` in [{section}] (known: {known})")]
    UnknownMetric {
        /// `min` or `max`.
        section: &'static str,
        /// The key.
        name: String,
        /// Every metric name.
        known: String,
    },
}

impl Gate {
    /// Reads a gate from TOML text; every key must name a metric.
    pub fn from_toml(text: &str) -> Result<Gate, GateError> {
        let gate: Gate = toml::from_str(text).map_err(GateError::Toml)?;
        let known: Vec<&str> = Scores::new(Default::default())
            .metrics()
            .iter()
            .map(|m| m.name)
            .collect();
        for (section, map) in [("min", &gate.min), ("max", &gate.max)] {
            if let Some(name) = map.keys().find(|k| !known.contains(&k.as_str())) {
                return Err(GateError::UnknownMetric {
                    section,
                    name: name.clone(),
                    known: known.join(", "),
                });
            }
        }
        Ok(gate)
    }

    /// Every failed threshold, one message each (`bcubed_f1 = 0.8123 < min 0.9`); an
    /// undefined metric fails every threshold set on it.
    pub fn failures(&self, scores: &Scores) -> Vec<String> {
        let mut failed = Vec::new();
        let checks = [("min", &self.min, true), ("max", &self.max, false)];
        for (section, map, is_min) in checks {
            for (name, &limit) in map {
                match scores.get(name).flatten() {
                    None => {
                        failed.push(format!("{name} is undefined (no data) ({section} {limit})"))
                    }
                    Some(v) if is_min && v < limit => {
                        failed.push(format!("{name} = {v:.4} < min {limit}"))
                    }
                    Some(v) if !is_min && v > limit => {
                        failed.push(format!("{name} = {v:.4} > max {limit}"))
                    }
                    Some(_) => {}
                }
            }
        }
        failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{Counts, Ratio};

    #[test]
    fn unknown_metric_is_named() {
        let err = Gate::from_toml("[min]\nbcubed = 0.9\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown metric `bcubed` in [min]"), "{err}");
        assert!(Gate::from_toml("[mni]\n").is_err());
    }

    #[test]
    fn lists_every_failure() {
        let scores = Scores::new(Counts {
            pk: Ratio::new(1, 4),
            exact_match: Ratio::new(3, 4),
            ..Counts::default()
        });
        let gate = Gate::from_toml("[min]\nexact_match = 0.8\nbcubed_f1 = 0.5\n[max]\npk = 0.3\n")
            .unwrap();
        let failures = gate.failures(&scores);
        assert_eq!(failures.len(), 2, "{failures:?}");
        assert!(failures[0].starts_with("bcubed_f1 is undefined"));
        assert_eq!(failures[1], "exact_match = 0.7500 < min 0.8");
        // windowdiff undefined: no windows
        let gate = Gate::from_toml("[max]\nwindowdiff = 0.1\n").unwrap();
        assert_eq!(gate.failures(&scores).len(), 1);
    }
}
