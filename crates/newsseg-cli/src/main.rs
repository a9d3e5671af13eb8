//! The `newsseg` command-line tool: segment page dumps, explain decisions, evaluate,
//! generate gold dumps, clean corpora in batch.

mod batch;
mod eval;
mod gen;
mod segment;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Split Chinese newspaper page dumps back into articles.
#[derive(Parser)]
#[command(name = "newsseg", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Segment one page dump into articles.
    Segment(segment::SegmentArgs),
    /// Show, for every gap, the boundary score and the detectors that fired.
    Explain(segment::ExplainArgs),
    /// Generate synthetic page dumps with gold labels (or the dev sets).
    Gen(gen::GenArgs),
    /// Score newsseg and baselines against a directory of gold-labelled dumps.
    Eval(eval::EvalArgs),
    /// Segment many dumps (files, directories, JSONL, .gz/.zst, stdin) on all cores.
    Batch(batch::BatchArgs),
    /// Print the built-in configuration as TOML (every key, every built-in detector): a
    /// starting point for a `--config` file.
    Config,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: Result<()> = match cli.command {
        Command::Segment(args) => segment::run_segment(&args),
        Command::Explain(args) => segment::run_explain(&args),
        Command::Gen(args) => gen::run_gen(&args),
        Command::Eval(args) => eval::run_eval(&args),
        Command::Batch(args) => return batch::run_batch(&args),
        Command::Config => print_builtin_config(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader took what it wanted (`newsseg explain page.txt | head`).
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsseg: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Prints the built-in configuration, each built-in detector listed with its defaults.
fn print_builtin_config() -> Result<()> {
    let mut config = newsseg::Config::default();
    for name in newsseg::detectors::BUILTIN {
        config
            .detectors
            .insert(name.to_string(), Default::default());
    }
    let mut value = toml::Value::try_from(&config)?;
    shorten_floats(&mut value);
    print!("{}", toml::to_string(&value)?);
    Ok(())
}

/// Writes each number as the `f32` the configuration holds reads (`-1.6`, not the
/// `-1.600000023841858` of its widening to `f64`).
fn shorten_floats(value: &mut toml::Value) {
    match value {
        toml::Value::Float(x) => *x = (*x as f32).to_string().parse().unwrap_or(*x),
        toml::Value::Table(table) => table.iter_mut().for_each(|(_, v)| shorten_floats(v)),
        toml::Value::Array(items) => items.iter_mut().for_each(shorten_floats),
        _ => {}
    }
}

/// True when writing the output failed because its reader closed the pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
