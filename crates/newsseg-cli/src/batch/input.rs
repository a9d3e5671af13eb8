//! Finding the input files and reading them, decompressed, as a stream of raw documents
//! grouped into chunks of bounded size.

use super::BadInput;
use anyhow::{Context, Result};
use clap::ValueEnum;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::Arc;

/// How the documents of an input are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By file extension: `.jsonl` and `.ndjson` are JSONL, anything else (and standard
    /// input) is text.
    Auto,
    /// The whole input is one dump.
    Text,
    /// One JSON object per line, one dump per object.
    Jsonl,
}

/// A compression recognised by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Compression {
    None,
    Gzip,
    Zstd,
}

/// One input: a file or standard input.
pub struct Source {
    /// The file, `None` for standard input.
    path: Option<PathBuf>,
    /// The name used in ids and messages.
    name: Arc<str>,
    format: InputFormat,
    compression: Compression,
    /// Size on disk, when known.
    pub size: Option<u64>,
}

/// Where a raw document came from, for ids and error messages.
pub struct Origin {
    /// The input's name.
    pub file: Arc<str>,
    /// 1-based line of a JSONL record; `None` for a whole-file dump.
    pub line: Option<u64>,
    /// Byte offset of the document in the (decompressed) input.
    pub offset: u64,
}

/// The undecoded bytes of one document.
pub struct RawDoc {
    /// Where it came from.
    pub origin: Origin,
    /// Its bytes: a whole dump, or one JSONL line.
    pub bytes: Vec<u8>,
    /// Whether `bytes` is a dump or a JSONL record.
    pub format: InputFormat,
}

/// One unit of the input stream: a document, or a failure to read an input.
pub type Item = Result<RawDoc>;

/// Expands `inputs` into sources, in order: directories are walked recursively in name
/// order, keeping the files whose path below the directory matches one of `globs`.
pub fn discover(inputs: &[PathBuf], globs: &[String], format: InputFormat) -> Result<Vec<Source>> {
    let matcher = glob_set(globs)?;
    let mut sources = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source::stdin(format));
        } else if input.is_dir() {
            let before = sources.len();
            for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
                let entry = entry.with_context(|| format!("cannot walk {}", input.display()))?;
                let relative = entry.path().strip_prefix(input).unwrap_or(entry.path());
                if entry.file_type().is_file() && matcher.is_match(relative) {
                    sources.push(Source::file(entry.path(), format)?);
                }
            }
            if sources.len() == before {
                eprintln!(
                    "newsseg: warning: no file below {} matches {}",
                    input.display(),
                    globs.join(" ")
                );
            }
        } else {
            sources.push(Source::file(input, format)?);
        }
    }
    Ok(sources)
}

fn glob_set(globs: &[String]) -> Result<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    for g in globs {
        builder.add(Glob::new(g).with_context(|| format!("bad --glob {g:?}"))?);
    }
    Ok(builder.build()?)
}

impl Source {
    fn stdin(format: InputFormat) -> Source {
        Source {
            path: None,
            name: Arc::from("<stdin>"),
            format: if format == InputFormat::Jsonl {
                InputFormat::Jsonl
            } else {
                InputFormat::Text
            },
            compression: Compression::None,
            size: None,
        }
    }

    fn file(path: &Path, format: InputFormat) -> Result<Source> {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        let name = path.to_string_lossy();
        let (compression, stem) = if let Some(stem) = name.strip_suffix(".gz") {
            (Compression::Gzip, stem)
        } else if let Some(stem) = name.strip_suffix(".zst") {
            (Compression::Zstd, stem)
        } else {
            (Compression::None, &*name)
        };
        let format = match format {
            InputFormat::Auto if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") => {
                InputFormat::Jsonl
            }
            InputFormat::Auto => InputFormat::Text,
            f => f,
        };
        Ok(Source {
            path: Some(path.to_path_buf()),
            name: Arc::from(&*name),
            format,
            compression,
            size: Some(meta.len()),
        })
    }

    /// Opens the input, decompressed; bytes read from the disk are added to `counter`.
    fn open(&self, counter: &Arc<AtomicU64>) -> Result<Box<dyn BufRead + Send>> {
        let raw: Box<dyn Read + Send> = match &self.path {
            None => Box::new(std::io::stdin()),
            Some(p) => {
                Box::new(File::open(p).with_context(|| format!("cannot open {}", p.display()))?)
            }
        };
        let counted = BufReader::with_capacity(
            1 << 20,
            Counting {
                inner: raw,
                counter: Arc::clone(counter),
            },
        );
        Ok(match self.compression {
            Compression::None => Box::new(counted),
            Compression::Gzip => Box::new(BufReader::with_capacity(
                1 << 20,
                flate2::bufread::MultiGzDecoder::new(counted),
            )),
            Compression::Zstd => Box::new(BufReader::with_capacity(
                1 << 20,
                zstd::Decoder::with_buffer(counted)
                    .with_context(|| format!("cannot start zstd on {}", self.name))?,
            )),
        })
    }
}

/// A reader that counts the bytes it reads.
struct Counting {
    inner: Box<dyn Read + Send>,
    counter: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads every source in order and sends its documents in chunks of at least
/// `chunk_bytes` bytes (the last one may be smaller). Stops early when the receiver is gone.
pub fn read_sources(
    sources: &[Source],
    chunk_bytes: usize,
    counter: &Arc<AtomicU64>,
    tx: SyncSender<Vec<Item>>,
) {
    let mut chunker = Chunker {
        items: Vec::new(),
        bytes: 0,
        limit: chunk_bytes,
        tx,
    };
    for source in sources {
        if read_source(source, counter, &mut chunker).is_err() {
            return;
        }
    }
    // The receiver being gone is not an error here: it stopped on purpose.
    let _ = chunker.flush();
}

/// Collects items into chunks and sends full ones; `Err` when the receiver is gone.
struct Chunker {
    items: Vec<Item>,
    bytes: usize,
    limit: usize,
    tx: SyncSender<Vec<Item>>,
}

/// The receiver hung up.
struct Disconnected;

impl Chunker {
    fn push(&mut self, item: Item) -> Result<(), Disconnected> {
        self.bytes += item.as_ref().map_or(0, |d| d.bytes.len());
        self.items.push(item);
        if self.bytes >= self.limit {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Disconnected> {
        self.bytes = 0;
        if self.items.is_empty() {
            return Ok(());
        }
        self.tx
            .send(std::mem::take(&mut self.items))
            .map_err(|_| Disconnected)
    }
}

fn read_source(
    source: &Source,
    counter: &Arc<AtomicU64>,
    out: &mut Chunker,
) -> Result<(), Disconnected> {
    let reader = match source.open(counter) {
        Ok(r) => r,
        Err(e) => return out.push(Err(e)),
    };
    match source.format {
        InputFormat::Jsonl => read_jsonl(source, reader, out),
        _ => read_whole(source, reader, out),
    }
}

fn read_whole(
    source: &Source,
    mut reader: Box<dyn BufRead + Send>,
    out: &mut Chunker,
) -> Result<(), Disconnected> {
    let mut bytes = Vec::new();
    let item = match reader.read_to_end(&mut bytes) {
        Ok(_) => Ok(RawDoc {
            origin: Origin {
                file: Arc::clone(&source.name),
                line: None,
                offset: 0,
            },
            bytes,
            format: InputFormat::Text,
        }),
        Err(e) => Err(read_error(source, bytes.len() as u64, e)),
    };
    out.push(item)
}

fn read_jsonl(
    source: &Source,
    mut reader: Box<dyn BufRead + Send>,
    out: &mut Chunker,
) -> Result<(), Disconnected> {
    let (mut line, mut offset) = (0u64, 0u64);
    loop {
        let mut bytes = Vec::new();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => return Ok(()),
            Ok(n) => {
                line += 1;
                let origin = Origin {
                    file: Arc::clone(&source.name),
                    line: Some(line),
                    offset,
                };
                offset += n as u64;
                if !bytes.iter().all(u8::is_ascii_whitespace) {
                    out.push(Ok(RawDoc {
                        origin,
                        bytes,
                        format: InputFormat::Jsonl,
                    }))?;
                }
            }
            Err(e) => {
                let at = offset + bytes.len() as u64;
                return out.push(Err(read_error(source, at, e)));
            }
        }
    }
}

/// A read error: bad input when decompressing (a corrupt stream), an I/O error otherwise.
fn read_error(source: &Source, offset: u64, e: std::io::Error) -> anyhow::Error {
    if source.compression == Compression::None {
        anyhow::Error::new(e).context(format!("cannot read {}", source.name))
    } else {
        BadInput::new(
            format!(
                "{}: near byte {offset} of the decompressed stream",
                source.name
            ),
            format!("corrupt compressed data ({e})"),
        )
        .into()
    }
}
