//! `newsseg batch`: segment many dumps on all cores, streaming, output in input order.
//!
//! A reader thread turns the inputs into chunks of raw documents of bounded size; each
//! chunk is segmented in parallel on a rayon pool and its records written in input order
//! before the next one is taken, so memory stays flat whatever the input size.

mod input;
mod output;
mod process;
mod report;

use crate::segment::load_segmenter;
use anyhow::Result;
use clap::Args;
use input::{InputFormat, Item, Source};
use newsseg::Segmenter;
use output::Sink;
use process::{Options, Rendered};
use rayon::prelude::*;
use report::{Progress, Stats};
use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;

const EXIT_STATUS: &str = "\
Exit status:
  0  every input was processed (records skipped with --skip-bad are counted in the summary)
  1  bad input: invalid UTF-8, malformed JSONL, a missing field, a corrupt .gz/.zst stream
     (the message names the file and the line or byte offset)
  2  usage or I/O error: bad arguments, unreadable input, unwritable output";

/// Arguments of `newsseg batch`.
#[derive(Args)]
#[command(after_help = EXIT_STATUS)]
pub struct BatchArgs {
    /// Inputs: dump files, directories (searched recursively), JSONL files (`.jsonl`,
    /// `.ndjson`); `.gz` and `.zst` files are decompressed; `-` is standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Which files of a directory to read, by path below it (repeatable).
    #[arg(long = "glob", value_name = "PATTERN", default_values = [
        "*.txt", "*.txt.gz", "*.txt.zst", "*.jsonl", "*.jsonl.gz", "*.jsonl.zst",
    ])]
    globs: Vec<String>,
    /// How inputs are laid out (auto: by extension; standard input is text).
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormat,
    /// JSONL field holding the dump.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// JSONL field holding the document id (text inputs use the file name).
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Write to this file instead of standard output.
    #[arg(long, conflicts_with = "output_dir")]
    output: Option<PathBuf>,
    /// Write shards part-00000.jsonl, part-00001.jsonl, … into this directory.
    #[arg(long)]
    output_dir: Option<PathBuf>,
    /// Records per shard with --output-dir.
    #[arg(long, default_value_t = 100_000, value_parser = at_least_one())]
    shard_size: usize,
    /// One record per article (id, article, title, text, roles, spans, char_spans).
    #[arg(long)]
    split: bool,
    /// A TOML configuration (default: the built-in one).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Bytes of input read ahead and segmented together.
    #[arg(long, default_value_t = 8 << 20, value_parser = at_least_one())]
    chunk_bytes: usize,
    /// Replace invalid UTF-8 with U+FFFD (and count it) instead of failing.
    #[arg(long)]
    lossy: bool,
    /// Report and count bad documents, and go on, instead of failing.
    #[arg(long)]
    skip_bad: bool,
    /// No progress bar and no summary.
    #[arg(long)]
    quiet: bool,
}

/// Parses a count of at least 1.
fn at_least_one() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::new().range(1..)
}

/// A bad document or input, named by file and line or byte offset (exit status 1).
#[derive(Debug)]
pub struct BadInput {
    place: String,
    reason: String,
}

impl BadInput {
    /// What is wrong (`reason`) where (`place`: `FILE:LINE`, or a file and offset).
    pub fn new(place: String, reason: String) -> BadInput {
        BadInput { place, reason }
    }
}

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.reason)
    }
}

impl std::error::Error for BadInput {}

/// Runs `newsseg batch` and returns its exit status.
pub fn run_batch(args: &BatchArgs) -> ExitCode {
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsseg: error: {err:#}");
            let bad_input = err.downcast_ref::<BadInput>().is_some();
            ExitCode::from(if bad_input { 1 } else { 2 })
        }
    }
}

fn run(args: &BatchArgs) -> Result<()> {
    let segmenter = load_segmenter(args.config.as_deref())?;
    let sources = input::discover(&args.inputs, &args.globs, args.input_format)?;
    let sink = Sink::open(
        args.output.as_deref(),
        args.output_dir.as_deref(),
        args.shard_size,
    )?;
    let total = sources.iter().map(|s| s.size).sum::<Option<u64>>();
    let progress = Progress::new(total, args.quiet);
    let mut writer = Writer {
        sink,
        stats: Stats::default(),
        progress: &progress,
        skip_bad: args.skip_bad,
    };
    let result = segment_all(&sources, args, &segmenter, &mut writer);
    let result = result.and_then(|()| writer.sink.finish());
    writer.stats.errors = u64::from(result.is_err());
    progress.finish(&writer.stats);
    result
}

/// Segments the documents of `sources` chunk by chunk on a pool of `args.threads` threads
/// while a reader thread reads ahead; hands the outcomes to `writer` in input order.
fn segment_all(
    sources: &[Source],
    args: &BatchArgs,
    segmenter: &Segmenter,
    writer: &mut Writer<'_>,
) -> Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()?;
    let options = Options {
        text_field: args.text_field.clone(),
        id_field: args.id_field.clone(),
        lossy: args.lossy,
        split: args.split,
    };
    let bytes_read = writer.progress.bytes_read();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Item>>(1);
    std::thread::scope(|scope| {
        scope.spawn(|| input::read_sources(sources, args.chunk_bytes, bytes_read, tx));
        for chunk in rx {
            let outcomes: Vec<Result<Rendered>> = pool.install(|| {
                chunk
                    .into_par_iter()
                    .map(|item| item.and_then(|raw| process::process(&raw, segmenter, &options)))
                    .collect()
            });
            writer.write_chunk(outcomes)?;
        }
        Ok(())
    })
}

/// Writes outcomes in order, counting them; bad input is skipped or stops the run.
struct Writer<'p> {
    sink: Sink,
    stats: Stats,
    progress: &'p Progress,
    skip_bad: bool,
}

impl Writer<'_> {
    fn write_chunk(&mut self, outcomes: Vec<Result<Rendered>>) -> Result<()> {
        for outcome in outcomes {
            match outcome {
                Ok(rendered) => self.write(&rendered)?,
                Err(err) if self.skip_bad && err.downcast_ref::<BadInput>().is_some() => {
                    self.stats.skipped += 1;
                    self.progress.warn(&format!("skipped {err:#}"));
                }
                Err(err) => return Err(err),
            }
        }
        self.progress.update(&self.stats);
        Ok(())
    }

    fn write(&mut self, rendered: &Rendered) -> Result<()> {
        for record in rendered.records() {
            self.sink.write_record(record)?;
            self.stats.records += 1;
        }
        self.stats.docs += 1;
        self.stats.articles += rendered.articles as u64;
        self.stats.empty += u64::from(rendered.empty);
        self.stats.lossy += u64::from(rendered.lossy);
        Ok(())
    }
}
