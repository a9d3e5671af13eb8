//! The gold label format (`docs/FORMATS.md`): one label line per dump line.
//!
//! A blank dump line has an empty label line; any other line is labelled
//! `ARTICLE ROLE [RANK]`, ARTICLE being an id or `-` for text that belongs to no article.

use newsseg::text::trim_blank;
use newsseg::Role;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The label of one non-blank dump line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineLabel {
    /// The article id (`a1` …), `None` for `-` (text of no article).
    pub article: Option<String>,
    /// What the line is.
    pub role: Role,
    /// 0-based position of the line in its article's reading order; `None`: dump order.
    pub rank: Option<u32>,
}

impl fmt::Display for LineLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}",
            self.article.as_deref().unwrap_or("-"),
            self.role
        )?;
        match self.rank {
            Some(rank) => write!(f, " {rank}"),
            None => Ok(()),
        }
    }
}

/// One labelled dump: `NAME.txt` and its `NAME.labels`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDump {
    /// The file name without `.txt`.
    pub name: String,
    /// The dump text.
    pub text: String,
    /// One entry per dump line: `None` for a blank line.
    pub labels: Vec<Option<LineLabel>>,
}

/// Everything that can be wrong with a gold directory or a label file. Errors on a line
/// name the file and the 1-based line.
#[derive(Debug, thiserror::Error)]
pub enum LabelError {
    /// A file or directory could not be read (or is not UTF-8).
    #[error("{}: {error}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        error: io::Error,
    },
    /// A `NAME.txt` has no `NAME.labels` beside it.
    #[error("{}: no labels file (expected {})", txt.display(), labels.display())]
    MissingLabelsFile {
        /// The dump.
        txt: PathBuf,
        /// The labels file that is missing.
        labels: PathBuf,
    },
    /// The labels file does not have one line per dump line.
    #[error("{}:{line}: {labels} label lines for {lines} dump lines", file.display())]
    LineCount {
        /// The labels file.
        file: PathBuf,
        /// The first line present in one file but not in the other.
        line: usize,
        /// Label lines found.
        labels: usize,
        /// Dump lines found.
        lines: usize,
    },
    /// A blank dump line carries a label.
    #[error("{}:{line}: the dump line is blank but has label `{label}`", file.display())]
    LabelOnBlank {
        /// The labels file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The unexpected label.
        label: String,
    },
    /// A non-blank dump line has an empty label line.
    #[error("{}:{line}: the dump line is not blank but has no label", file.display())]
    MissingLabel {
        /// The labels file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
    },
    /// A label line does not have two or three fields.
    #[error("{}:{line}: expected `ARTICLE ROLE [RANK]`, found `{label}`", file.display())]
    Malformed {
        /// The labels file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The label line.
        label: String,
    },
    /// The role is not one of the eleven role names.
    #[error("{}:{line}: {error}", file.display())]
    UnknownRole {
        /// The labels file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The parse error naming the role.
        error: newsseg::UnknownRole,
    },
    /// The rank is not a non-negative integer, or is given on a noise/dup line.
    #[error("{}:{line}: bad rank `{rank}` ({reason})", file.display())]
    BadRank {
        /// The labels file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The rank as written.
        rank: String,
        /// What is wrong with it.
        reason: &'static str,
    },
}

/// Splits text into lines on `\n` (a final newline does not start another line; a trailing
/// `\r` is kept, callers trim). The same split as [`newsseg::Document::parse`].
pub fn split_lines(text: &str) -> Vec<&str> {
    if text.is_empty() {
        return Vec::new();
    }
    text.strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .collect()
}

/// Parses the labels of dump `text`; `file` names the labels file in errors.
pub fn parse_labels(
    file: &Path,
    text: &str,
    labels: &str,
) -> Result<Vec<Option<LineLabel>>, LabelError> {
    let dump_lines = split_lines(text);
    let label_lines = split_lines(labels);
    if dump_lines.len() != label_lines.len() {
        return Err(LabelError::LineCount {
            file: file.to_path_buf(),
            line: dump_lines.len().min(label_lines.len()) + 1,
            labels: label_lines.len(),
            lines: dump_lines.len(),
        });
    }
    dump_lines
        .iter()
        .zip(&label_lines)
        .enumerate()
        .map(|(i, (dump, label))| parse_line(file, i + 1, dump, label.trim()))
        .collect()
}

fn parse_line(
    file: &Path,
    line: usize,
    dump: &str,
    label: &str,
) -> Result<Option<LineLabel>, LabelError> {
    match (trim_blank(dump).is_empty(), label.is_empty()) {
        (true, true) => Ok(None),
        (true, false) => Err(LabelError::LabelOnBlank {
            file: file.to_path_buf(),
            line,
            label: label.to_string(),
        }),
        (false, true) => Err(LabelError::MissingLabel {
            file: file.to_path_buf(),
            line,
        }),
        (false, false) => parse_label(file, line, label).map(Some),
    }
}

fn parse_label(file: &Path, line: usize, label: &str) -> Result<LineLabel, LabelError> {
    let fields: Vec<&str> = label.split_whitespace().collect();
    let (article, role, rank) = match fields[..] {
        [article, role] => (article, role, None),
        [article, role, rank] => (article, role, Some(rank)),
        _ => {
            return Err(LabelError::Malformed {
                file: file.to_path_buf(),
                line,
                label: label.to_string(),
            })
        }
    };
    let role: Role = role.parse().map_err(|error| LabelError::UnknownRole {
        file: file.to_path_buf(),
        line,
        error,
    })?;
    let bad_rank = |rank: &str, reason| LabelError::BadRank {
        file: file.to_path_buf(),
        line,
        rank: rank.to_string(),
        reason,
    };
    let rank = match rank {
        None => None,
        Some(r) if role.is_dropped() => {
            return Err(bad_rank(r, "noise and dup lines carry no rank"))
        }
        Some(r) => Some(
            r.parse::<u32>()
                .map_err(|_| bad_rank(r, "expected a non-negative integer"))?,
        ),
    };
    Ok(LineLabel {
        article: (article != "-").then(|| article.to_string()),
        role,
        rank,
    })
}

/// Reads `NAME.txt` and `NAME.labels`; `txt` is the path of the dump.
pub fn load_gold(txt: &Path) -> Result<GoldDump, LabelError> {
    let labels_path = txt.with_extension("labels");
    if !labels_path.is_file() {
        return Err(LabelError::MissingLabelsFile {
            txt: txt.to_path_buf(),
            labels: labels_path,
        });
    }
    let text = read(txt)?;
    let labels_text = read(&labels_path)?;
    let labels = parse_labels(&labels_path, &text, &labels_text)?;
    let name = txt
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(GoldDump { name, text, labels })
}

/// Loads every `NAME.txt` + `NAME.labels` pair of `dir`, sorted by name. A `.txt` without
/// its `.labels` is an error naming it.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<GoldDump>, LabelError> {
    let io_err = |error| LabelError::Io {
        path: dir.to_path_buf(),
        error,
    };
    let mut dumps = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err)? {
        let path = entry.map_err(io_err)?.path();
        if path.extension().is_some_and(|e| e == "txt") && path.is_file() {
            dumps.push(path);
        }
    }
    dumps.sort();
    dumps.iter().map(|p| load_gold(p)).collect()
}

fn read(path: &Path) -> Result<String, LabelError> {
    std::fs::read_to_string(path).map_err(|error| LabelError::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// Writes labels in the gold format: one line per entry, empty for `None`.
pub fn write_labels(mut out: impl Write, labels: &[Option<LineLabel>]) -> io::Result<()> {
    for label in labels {
        match label {
            Some(label) => writeln!(out, "{label}")?,
            None => writeln!(out)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "河边新桥通车\n\n本报讯 新桥昨日通车。\n第 3 版\n";

    fn parse(labels: &str) -> Result<Vec<Option<LineLabel>>, LabelError> {
        parse_labels(Path::new("x.labels"), DUMP, labels)
    }

    #[test]
    fn parses_and_writes_back() {
        let text = "a1 headline 0\n\na1 byline 1\n- noise\n";
        let labels = parse(text).unwrap();
        assert_eq!(labels[1], None);
        assert_eq!(
            labels[0],
            Some(LineLabel {
                article: Some("a1".into()),
                role: Role::Headline,
                rank: Some(0)
            })
        );
        assert_eq!(labels[3].as_ref().unwrap().article, None);
        let mut out = Vec::new();
        write_labels(&mut out, &labels).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), text);
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            (
                "a1 headline\n\na1 body\n",
                "x.labels:4: 3 label lines for 4",
            ),
            (
                "a1 headline\nx\na1 body\n- noise\n",
                "x.labels:2: the dump line is blank",
            ),
            (
                "a1 headline\n\n\n- noise\n",
                "x.labels:3: the dump line is not blank",
            ),
            (
                "a1 title\n\na1 body\n- noise\n",
                "x.labels:1: unknown role `title`",
            ),
            (
                "a1 body x\n\na1 body\n- noise\n",
                "x.labels:1: bad rank `x`",
            ),
            (
                "a1 body -1\n\na1 body\n- noise\n",
                "x.labels:1: bad rank `-1`",
            ),
            (
                "a1 body\n\na1 body\n- noise 3\n",
                "x.labels:4: bad rank `3`",
            ),
            (
                "a1\n\na1 body\n- noise\n",
                "x.labels:1: expected `ARTICLE ROLE [RANK]`",
            ),
        ];
        for (labels, expected) in cases {
            let err = parse(labels).unwrap_err().to_string();
            assert!(err.starts_with(expected), "{err} !~ {expected}");
        }
    }

    #[test]
    fn split_matches_the_format() {
        assert_eq!(split_lines(""), Vec::<&str>::new());
        assert_eq!(split_lines("a\n"), vec!["a"]);
        assert_eq!(split_lines("a\n\n"), vec!["a", ""]);
        assert_eq!(split_lines("a\nb"), vec!["a", "b"]);
    }

    #[test]
    fn missing_labels_file_is_named() {
        let dir = std::env::temp_dir().join(format!("newsseg-labels-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("p1.txt"), DUMP).unwrap();
        let err = load_gold_dir(&dir).unwrap_err().to_string();
        std::fs::write(dir.join("p1.labels"), "a1 headline\n\na1 body\n- noise\n").unwrap();
        let loaded = load_gold_dir(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(err.contains("p1.txt: no labels file"), "{err}");
        let dumps = loaded.unwrap();
        assert_eq!(dumps.len(), 1);
        assert_eq!(dumps[0].name, "p1");
        assert_eq!(dumps[0].labels.len(), 4);
    }
}
