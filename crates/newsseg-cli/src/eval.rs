//! `newsseg eval`: scores newsseg (or a prediction file) and the baselines on a gold
//! directory (`docs/METRICS.md`).

use crate::segment::load_segmenter;
use anyhow::{bail, Context, Result};
use clap::Args;
use newsseg::config::DetectorConfig;
use newsseg::{Segmentation, Segmenter};
use newsseg_eval::baselines::BASELINES;
use newsseg_eval::gate::Gate;
use newsseg_eval::labels::{load_gold_dir, GoldDump};
use newsseg_eval::metrics::{evaluate, Scores};
use newsseg_eval::predict::{predicted_labels, read_predictions};
use newsseg_eval::report::{self, DumpResult, SystemResult};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Arguments of `newsseg eval`.
#[derive(Args)]
pub struct EvalArgs {
    /// Directory of gold dumps: `NAME.txt` with `NAME.labels` beside it.
    #[arg(long)]
    gold: PathBuf,
    /// A TOML configuration for newsseg (default: the built-in one).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Rerun newsseg with each detector disabled and show the metric deltas.
    #[arg(long, conflicts_with = "pred")]
    ablate: bool,
    /// Score this prediction file (JSONL, one segmentation with `id` per dump) instead of
    /// running newsseg.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// A TOML file of `[min]` / `[max]` metric thresholds; exit non-zero when one fails.
    #[arg(long)]
    gate: Option<PathBuf>,
    /// Number of worst dumps (by B-cubed F1) to list.
    #[arg(long, default_value_t = 5)]
    worst: usize,
}

/// Runs `newsseg eval`.
pub fn run_eval(args: &EvalArgs) -> Result<()> {
    let gold = load_gold_dir(&args.gold)?;
    if gold.is_empty() {
        bail!("{}: no NAME.txt dumps found", args.gold.display());
    }
    let gate = args.gate.as_deref().map(load_gate).transpose()?;
    let segmenter = load_segmenter(args.config.as_deref())?;
    let main = match &args.pred {
        Some(path) => prediction_system(&gold, path)?,
        None => system("newsseg", &gold, |text| segmenter.segment(text)),
    };
    let mut systems = vec![main];
    systems.extend(BASELINES.map(|(name, baseline)| system(name, &gold, baseline)));
    let ablated = if args.ablate {
        ablations(&segmenter, &gold)?
    } else {
        Vec::new()
    };
    print_report(args, &systems, &ablated)?;
    if let Some(gate) = gate {
        check_gate(&gate, &systems[0])?;
    }
    Ok(())
}

fn load_gate(path: &Path) -> Result<Gate> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read gate {}", path.display()))?;
    Gate::from_toml(&text).with_context(|| format!("in gate {}", path.display()))
}

/// Scores one segmenter on every dump, in parallel.
fn system(
    name: &str,
    gold: &[GoldDump],
    segment: impl Fn(&str) -> Segmentation + Sync,
) -> SystemResult {
    let dumps = gold
        .par_iter()
        .map(|dump| score(dump, &segment(&dump.text)))
        .collect();
    SystemResult {
        name: name.to_string(),
        dumps,
    }
}

fn score(dump: &GoldDump, segmentation: &Segmentation) -> DumpResult {
    let predicted = predicted_labels(&dump.text, segmentation);
    DumpResult {
        name: dump.name.clone(),
        counts: evaluate(&dump.text, &dump.labels, &predicted),
    }
}

/// Scores a prediction file; every gold dump must have a prediction.
fn prediction_system(gold: &[GoldDump], path: &Path) -> Result<SystemResult> {
    let predictions = read_predictions(path)?;
    let dumps = gold
        .iter()
        .map(|dump| match predictions.get(&dump.name) {
            Some(segmentation) => Ok(score(dump, segmentation)),
            None => bail!("{}: no prediction with id `{}`", path.display(), dump.name),
        })
        .collect::<Result<_>>()?;
    let name = path
        .file_name()
        .map_or("pred".to_string(), |n| n.to_string_lossy().into_owned());
    Ok(SystemResult { name, dumps })
}

/// Total scores of newsseg with each of its detectors disabled in turn.
fn ablations(segmenter: &Segmenter, gold: &[GoldDump]) -> Result<Vec<(String, Scores)>> {
    segmenter
        .detector_names()
        .into_iter()
        .map(|name| {
            let mut config = segmenter.config().clone();
            let settings = DetectorConfig {
                enabled: false,
                ..config.detector(name)
            };
            config.detectors.insert(name.to_string(), settings);
            let without = Segmenter::new(config)?;
            let result = system(name, gold, |text| without.segment(text));
            Ok((name.to_string(), result.total()))
        })
        .collect()
}

fn print_report(
    args: &EvalArgs,
    systems: &[SystemResult],
    ablated: &[(String, Scores)],
) -> Result<()> {
    let main = &systems[0];
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut json = report::to_json(systems, args.worst);
        if args.ablate {
            json["ablation"] = report::ablation_json(&main.total(), ablated);
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        return Ok(());
    }
    let total = main.total().counts;
    writeln!(
        out,
        "{} dumps, {} units, {} gold articles ({} in several fragments)\n",
        total.dumps, total.units, total.exact_match.den, total.order.articles
    )?;
    write!(out, "{}", report::render_table(systems))?;
    writeln!(
        out,
        "roles of {}:\n{}",
        main.name,
        report::render_roles(main)
    )?;
    if args.worst > 0 {
        writeln!(out, "worst dumps of {} (by bcubed_f1):", main.name)?;
        writeln!(out, "{}", report::render_worst(main, args.worst))?;
    }
    if args.ablate {
        writeln!(
            out,
            "ablation (each detector disabled) minus full configuration:"
        )?;
        write!(out, "{}", report::render_ablation(&main.total(), ablated))?;
    }
    Ok(())
}

fn check_gate(gate: &Gate, main: &SystemResult) -> Result<()> {
    let failures = gate.failures(&main.total());
    if failures.is_empty() {
        eprintln!("gate passed for {}", main.name);
        return Ok(());
    }
    bail!(
        "gate failed for {} ({} thresholds):\n  {}",
        main.name,
        failures.len(),
        failures.join("\n  ")
    )
}
