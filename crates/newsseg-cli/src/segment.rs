//! `newsseg segment` and `newsseg explain`.

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use newsseg::{Config, Cue, Layout, Segmentation, Segmenter, Target};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Output format of `newsseg segment`.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// The JSON contract of docs/FORMATS.md.
    Json,
    /// Articles separated, the role shown per block, for people.
    Text,
}

/// Arguments of `newsseg segment`.
#[derive(Args)]
pub struct SegmentArgs {
    /// The dump to read (`-` or nothing: standard input).
    file: Option<PathBuf>,
    /// A TOML configuration (default: the built-in one).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
}

/// Arguments of `newsseg explain`.
#[derive(Args)]
pub struct ExplainArgs {
    /// The dump to read (`-` or nothing: standard input).
    file: Option<PathBuf>,
    /// A TOML configuration (default: the built-in one).
    #[arg(long)]
    config: Option<PathBuf>,
}

/// Builds a segmenter from an optional TOML file.
pub fn load_segmenter(path: Option<&Path>) -> Result<Segmenter> {
    let config = match path {
        None => Config::default(),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read config {}", p.display()))?;
            Config::from_toml(&text).with_context(|| format!("in config {}", p.display()))?
        }
    };
    Segmenter::new(config).map_err(Into::into)
}

/// Reads a whole dump from a file or standard input; invalid UTF-8 is an error naming
/// the file and byte offset.
pub fn read_dump(path: Option<&Path>) -> Result<(String, String)> {
    let (name, bytes) = match path {
        None => ("<stdin>".to_string(), read_stdin()?),
        Some(p) if p.as_os_str() == "-" => ("<stdin>".to_string(), read_stdin()?),
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?,
        ),
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            anyhow::bail!("{name}: invalid UTF-8 at byte {offset} (line {line})")
        }
    }
}

fn read_stdin() -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .context("cannot read standard input")?;
    Ok(buf)
}

/// Runs `newsseg segment`.
pub fn run_segment(args: &SegmentArgs) -> Result<()> {
    let segmenter = load_segmenter(args.config.as_deref())?;
    let (_, text) = read_dump(args.file.as_deref())?;
    let seg = segmenter.segment(&text);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string(&seg)?)?,
        Format::Text => write_text(&mut out, &text, &seg)?,
    }
    Ok(())
}

fn write_text(out: &mut impl Write, text: &str, seg: &Segmentation) -> Result<()> {
    for (n, article) in seg.articles.iter().enumerate() {
        writeln!(
            out,
            "=== article {} — {}",
            n + 1,
            if article.title.is_empty() {
                "(no headline)"
            } else {
                &article.title
            }
        )?;
        for b in &article.blocks {
            writeln!(
                out,
                "[{:>8}] {:>4}-{:<4} {}",
                b.role,
                b.line_start,
                b.line_end,
                excerpt(&text[b.start..b.end])
            )?;
        }
        writeln!(out)?;
    }
    if !seg.dropped.is_empty() {
        writeln!(out, "=== dropped")?;
        for b in &seg.dropped {
            writeln!(
                out,
                "[{:>8}] {:>4}-{:<4} {}",
                b.role,
                b.line_start,
                b.line_end,
                excerpt(&text[b.start..b.end])
            )?;
        }
    }
    Ok(())
}

fn excerpt(s: &str) -> String {
    let flat: String = s.chars().map(|c| if c == '\n' { '⏎' } else { c }).collect();
    let count = flat.chars().count();
    if count <= 60 {
        flat
    } else {
        let head: String = flat.chars().take(40).collect();
        let tail: String = flat.chars().skip(count - 15).collect();
        format!("{head} … {tail}")
    }
}

/// Runs `newsseg explain`.
pub fn run_explain(args: &ExplainArgs) -> Result<()> {
    let segmenter = load_segmenter(args.config.as_deref())?;
    let (_, text) = read_dump(args.file.as_deref())?;
    let ex = segmenter.explain(&text);
    let mut out = std::io::stdout().lock();
    let doc = &ex.document;
    writeln!(out, "layout: {}", describe_layout(doc.layout()))?;
    for (i, block) in doc.blocks().iter().enumerate() {
        let first = block.lines[0] + 1;
        let role = ex.decoded.roles[i];
        let column = match block.column {
            0 => String::new(),
            n => format!(", column {} read across", n + 1),
        };
        writeln!(
            out,
            "block {i} (line {first}{column}) story {} role {role}: {}",
            ex.decoded.story[i],
            excerpt(&doc.source_text(block))
        )?;
        for f in ex
            .evidence
            .trace()
            .iter()
            .filter(|f| f.target == Target::Block(i))
        {
            let cue = match f.cue {
                Cue::Role(r) => format!("role {r}"),
                Cue::AttachUp => "attach-up".to_string(),
                Cue::Boundary => "boundary".to_string(),
            };
            writeln!(out, "    {:<14} {cue:<16} {:+.2}", f.detector, f.score)?;
        }
        if i + 1 < doc.blocks().len() {
            writeln!(
                out,
                "  gap {i}: boundary score {:+.2}",
                ex.evidence.boundary(i)
            )?;
            for f in ex
                .evidence
                .trace()
                .iter()
                .filter(|f| f.target == Target::Gap(i))
            {
                writeln!(
                    out,
                    "    {:<14} boundary         {:+.2}",
                    f.detector, f.score
                )?;
            }
        }
    }
    for decision in &ex.linked.decisions {
        writeln!(out, "linker {decision}")?;
    }
    Ok(())
}

/// The layout the parser detected, in words: how the blocks of the dump were built.
fn describe_layout(layout: Layout) -> String {
    match layout {
        Layout { wrapped: false, .. } => {
            "paragraphs on a line each or between blank lines (not wrapped)".to_string()
        }
        Layout {
            wrap_width,
            double_spaced,
            ..
        } => format!(
            "hard-wrapped, page column {wrap_width} characters{}",
            if double_spaced {
                ", double-spaced (a single blank line ends no paragraph)"
            } else {
                ""
            }
        ),
    }
}
