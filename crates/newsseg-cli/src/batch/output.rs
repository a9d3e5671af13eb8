//! Where records go: standard output, one file, or a directory of shards. Files are
//! written under a temporary name and renamed when complete, so a failed run never leaves
//! a truncated output under its final name.

use anyhow::{Context, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// The destination of the output records.
pub enum Sink {
    /// Standard output.
    Stdout(BufWriter<std::io::Stdout>),
    /// One file.
    File(PendingFile),
    /// Files `part-00000.jsonl`, `part-00001.jsonl`, … of `size` records each.
    Shards {
        /// The directory of the shards.
        dir: PathBuf,
        /// Records per shard.
        size: usize,
        /// Shards completed so far.
        done: usize,
        /// The shard being written and its record count.
        current: Option<(PendingFile, usize)>,
    },
}

impl Sink {
    /// Standard output, `file`, or shards of `shard_size` records in `dir`.
    pub fn open(file: Option<&Path>, dir: Option<&Path>, shard_size: usize) -> Result<Sink> {
        Ok(match (file, dir) {
            (Some(file), _) => Sink::File(PendingFile::create(file)?),
            (None, Some(dir)) => {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
                Sink::Shards {
                    dir: dir.to_path_buf(),
                    size: shard_size,
                    done: 0,
                    current: None,
                }
            }
            (None, None) => Sink::Stdout(BufWriter::with_capacity(1 << 20, std::io::stdout())),
        })
    }

    /// Writes one record (a JSON line with its newline).
    pub fn write_record(&mut self, record: &[u8]) -> Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(record).context("cannot write standard output"),
            Sink::File(f) => f.write(record),
            Sink::Shards {
                dir,
                size,
                done,
                current,
            } => {
                let (file, count) = match current {
                    Some(c) => c,
                    None => current.insert((PendingFile::create(&shard_path(dir, *done))?, 0)),
                };
                file.write(record)?;
                *count += 1;
                if *count == *size {
                    current.take().expect("a shard is open").0.finish()?;
                    *done += 1;
                }
                Ok(())
            }
        }
    }

    /// Flushes and renames what is pending. Without this call, pending files are deleted.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush().context("cannot write standard output"),
            Sink::File(f) => f.finish(),
            Sink::Shards { current, .. } => current.map_or(Ok(()), |(f, _)| f.finish()),
        }
    }
}

fn shard_path(dir: &Path, index: usize) -> PathBuf {
    dir.join(format!("part-{index:05}.jsonl"))
}

/// A file written under a temporary name in its final directory.
pub struct PendingFile {
    writer: BufWriter<NamedTempFile>,
    dest: PathBuf,
}

impl PendingFile {
    fn create(dest: &Path) -> Result<PendingFile> {
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".newsseg-").suffix(".tmp");
        // Readable like any file we create, not private like a temporary file.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        let temp = builder
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a file in {}", dir.display()))?;
        Ok(PendingFile {
            writer: BufWriter::with_capacity(1 << 20, temp),
            dest: dest.to_path_buf(),
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.writer
            .write_all(bytes)
            .with_context(|| format!("cannot write {}", self.dest.display()))
    }

    fn finish(self) -> Result<()> {
        let dest = self.dest;
        let temp = self
            .writer
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write {}", dest.display()))?;
        let file: File = temp
            .persist(&dest)
            .with_context(|| format!("cannot rename the output to {}", dest.display()))?;
        drop(file);
        Ok(())
    }
}
