//! `newsseg gen`: synthetic page dumps with gold labels, and the fixed dev sets.

use anyhow::{bail, Context, Result};
use clap::Args;
use newsseg_gen::{group_pages, load_articles, write_devsets, Generator, Profile};
use std::path::{Path, PathBuf};

/// Arguments of `newsseg gen`.
#[derive(Args)]
pub struct GenArgs {
    /// The source articles (JSON lines: id, date, page, seq, kicker, title, subtitle, paragraphs).
    #[arg(long, default_value = "../shared/corpus/rmrb-dev.jsonl")]
    articles: PathBuf,
    /// Output directory for `NAME.txt` + `NAME.labels`.
    #[arg(long, required_unless_present = "devsets")]
    out: Option<PathBuf>,
    /// Seed: the same seed and options give identical files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Number of dumps.
    #[arg(long, default_value_t = 10)]
    count: usize,
    /// Built-in preset to start from: clean, scrambled, wrapped, columns, interleaved, crossed, justified, mixed.
    #[arg(long, default_value = "mixed")]
    preset: String,
    /// A TOML profile overriding the preset (keys as in docs/GENERATOR.md).
    #[arg(long)]
    profile: Option<PathBuf>,
    /// One profile setting, `KEY=VALUE` (repeatable; applied after --profile).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    settings: Vec<String>,
    /// Regenerate the fixed dev sets under DIR/{clean,scrambled,wrapped,columns,interleaved,crossed,justified} instead.
    #[arg(long, value_name = "DIR", conflicts_with = "out")]
    devsets: Option<PathBuf>,
}

/// Runs `newsseg gen`.
pub fn run_gen(args: &GenArgs) -> Result<()> {
    let articles = load_articles(&args.articles)?;
    let pages = group_pages(&articles);
    if let Some(dir) = &args.devsets {
        for (name, stats) in write_devsets(&pages, dir)? {
            println!(
                "{}: {} dumps, {} lines ({} non-blank), {} articles",
                dir.join(name).display(),
                stats.dumps,
                stats.lines,
                stats.text_lines,
                stats.articles
            );
        }
        return Ok(());
    }
    let Some(out) = &args.out else {
        bail!("--out DIR is required (or --devsets DIR)");
    };
    let profile = build_profile(args)?;
    let generator = Generator::new(pages, profile)
        .with_context(|| format!("{}: no usable page", args.articles.display()))?;
    let stats = generator.write_set(args.seed, args.count, out, "dump-")?;
    println!(
        "{}: {} dumps, {} lines ({} non-blank), {} articles",
        out.display(),
        stats.dumps,
        stats.lines,
        stats.text_lines,
        stats.articles
    );
    Ok(())
}

fn build_profile(args: &GenArgs) -> Result<Profile> {
    let mut profile = Profile::preset(&args.preset).with_context(|| {
        format!(
            "unknown preset {:?} (expected one of {})",
            args.preset,
            newsseg_gen::profile::PRESETS.join(", ")
        )
    })?;
    if let Some(path) = &args.profile {
        profile = read_profile(path, &profile)?;
    }
    for setting in &args.settings {
        profile = profile.with_setting(setting)?;
    }
    Ok(profile)
}

fn read_profile(path: &Path, base: &Profile) -> Result<Profile> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read profile {}", path.display()))?;
    Ok(Profile::from_toml(
        &text,
        base,
        &path.display().to_string(),
    )?)
}
