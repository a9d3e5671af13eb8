//! Counts, the progress bar and the final summary, all on standard error.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What a run did.
#[derive(Debug, Default)]
pub struct Stats {
    /// Documents segmented (empty ones included).
    pub docs: u64,
    /// Documents with no text.
    pub empty: u64,
    /// Documents whose invalid UTF-8 was replaced (`--lossy`).
    pub lossy: u64,
    /// Articles found.
    pub articles: u64,
    /// Records written.
    pub records: u64,
    /// Bad documents or inputs skipped (`--skip-bad`).
    pub skipped: u64,
    /// Errors that stopped the run (0 or 1).
    pub errors: u64,
}

/// Progress on standard error: a bar when it is a terminal, a summary at the end.
pub struct Progress {
    bar: ProgressBar,
    bytes: Arc<AtomicU64>,
    start: Instant,
    quiet: bool,
}

impl Progress {
    /// Progress over `total` input bytes (unknown for standard input).
    pub fn new(total: Option<u64>, quiet: bool) -> Progress {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            bar(total)
        };
        Progress {
            bar,
            bytes: Arc::new(AtomicU64::new(0)),
            start: Instant::now(),
            quiet,
        }
    }

    /// The count of input bytes read, for the readers to add to.
    pub fn bytes_read(&self) -> &Arc<AtomicU64> {
        &self.bytes
    }

    /// Shows the latest counts.
    pub fn update(&self, stats: &Stats) {
        self.bar.set_position(self.bytes.load(Ordering::Relaxed));
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{} docs, {:.0} docs/s",
            stats.docs,
            stats.docs as f64 / secs
        ));
    }

    /// Prints a message without garbling the bar.
    pub fn warn(&self, message: &str) {
        self.bar.suspend(|| eprintln!("newsseg: {message}"));
    }

    /// Removes the bar and prints the summary (unless quiet).
    pub fn finish(&self, stats: &Stats) {
        self.bar.finish_and_clear();
        if !self.quiet {
            eprintln!(
                "newsseg batch: {}",
                summary(
                    stats,
                    self.bytes.load(Ordering::Relaxed),
                    self.start.elapsed()
                )
            );
        }
    }
}

fn bar(total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {elapsed_precise} {bytes} {binary_bytes_per_sec} {msg}",
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(template)
            .expect("the template is valid")
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

/// One line: documents, articles, bytes, speed, skipped and errors.
fn summary(stats: &Stats, bytes: u64, elapsed: Duration) -> String {
    let mb = bytes as f64 / 1e6;
    let secs = elapsed.as_secs_f64();
    format!(
        "{} docs ({} empty, {} lossy), {} articles, {} records, {mb:.1} MB in {secs:.1} s ({:.1} MB/s), {} skipped, {} errors",
        stats.docs,
        stats.empty,
        stats.lossy,
        stats.articles,
        stats.records,
        mb / secs.max(1e-3),
        stats.skipped,
        stats.errors,
    )
}
