//! Evaluation for newsseg: the gold label format, prediction files, metrics, baselines,
//! reports and quality gates (`docs/FORMATS.md`, `docs/METRICS.md`).

pub mod baselines;
pub mod gate;
pub mod labels;
pub mod metrics;
pub mod predict;
pub mod report;
