//! Predictions: a [`Segmentation`] as per-line labels, gold labels as a [`Segmentation`],
//! and prediction files (JSONL, one segmentation per dump).

use crate::labels::{split_lines, LineLabel};
use newsseg::text::trim_blank;
use newsseg::{Article, BlockSpan, Role, Segmentation};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::{Path, PathBuf};

/// The per-line labels a segmentation gives to `text`: article `p1`, `p2` … (1-based article
/// index), the block's role, and as rank the line's position in its article's reading order.
/// Lines of dropped blocks get no article and no rank. Blank lines, lines no block covers
/// and line numbers out of range give `None`; a line covered twice keeps its first block
/// (articles before dropped blocks).
pub fn predicted_labels(text: &str, segmentation: &Segmentation) -> Vec<Option<LineLabel>> {
    let lines = split_lines(text);
    let mut labels: Vec<Option<LineLabel>> = vec![None; lines.len()];
    for (index, article) in segmentation.articles.iter().enumerate() {
        let id = format!("p{}", index + 1);
        let mut rank = 0;
        for block in &article.blocks {
            for line in covered_lines(&lines, block) {
                if labels[line].is_none() {
                    let ranked = !block.role.is_dropped();
                    labels[line] = Some(LineLabel {
                        article: Some(id.clone()),
                        role: block.role,
                        rank: ranked.then_some(rank),
                    });
                    rank += u32::from(ranked);
                }
            }
        }
    }
    for block in &segmentation.dropped {
        for line in covered_lines(&lines, block) {
            labels[line].get_or_insert(LineLabel {
                article: None,
                role: block.role,
                rank: None,
            });
        }
    }
    labels
}

/// 0-based indices of the non-blank lines a block covers, within the text.
fn covered_lines<'a>(lines: &'a [&str], block: &BlockSpan) -> impl Iterator<Item = usize> + 'a {
    let first = block.line_start.max(1) - 1;
    let end = block.line_end.min(lines.len());
    (first..end).filter(move |&l| !trim_blank(lines[l]).is_empty())
}

/// The segmentation that the labels describe: one article per article id (in dump order of
/// its first line), lines sorted by rank (unranked lines keep their place in dump order),
/// one article per line labelled `-` with a role other than noise/dup, and noise/dup lines
/// as dropped blocks. Neighbouring lines (only blank lines between) with one role form
/// one block. Labels past the end of the text are ignored.
pub fn labels_to_segmentation(text: &str, labels: &[Option<LineLabel>]) -> Segmentation {
    let spans = line_spans(text);
    let mut order: Vec<Vec<usize>> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut dropped_lines = Vec::new();
    for (line, label) in labels.iter().enumerate().take(spans.len()) {
        let Some(label) = label else { continue };
        if label.role.is_dropped() {
            dropped_lines.push(line);
            continue;
        }
        let slot = match &label.article {
            Some(id) => *by_id.entry(id.as_str()).or_insert(order.len()),
            None => order.len(),
        };
        if slot == order.len() {
            order.push(Vec::new());
        }
        order[slot].push(line);
    }
    let articles = order
        .into_iter()
        .map(|lines| {
            let sorted = sort_by_rank(labels, lines);
            let blocks = block_spans(&spans, labels, &sorted);
            Article {
                title: title(text, &blocks),
                blocks,
            }
        })
        .collect();
    Segmentation {
        articles,
        dropped: block_spans(&spans, labels, &dropped_lines),
    }
}

/// Lines (in dump order) sorted by rank; an unranked line sorts as if its rank were its
/// position among the article's lines.
fn sort_by_rank(labels: &[Option<LineLabel>], lines: Vec<usize>) -> Vec<usize> {
    let mut keyed: Vec<(u32, usize)> = lines
        .into_iter()
        .enumerate()
        .map(|(pos, line)| {
            let rank = labels[line].as_ref().and_then(|l| l.rank);
            (rank.unwrap_or(pos as u32), line)
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, line)| line).collect()
}

/// Joins runs of lines (in the given order) into blocks: a run goes on while the next line
/// follows the previous one with only blank lines between and has the same role.
fn block_spans(
    spans: &[(usize, usize)],
    labels: &[Option<LineLabel>],
    lines: &[usize],
) -> Vec<BlockSpan> {
    let role = |l: usize| labels[l].as_ref().map_or(Role::Body, |x| x.role);
    let mut blocks: Vec<BlockSpan> = Vec::new();
    for &line in lines {
        match blocks.last_mut() {
            Some(b)
                if b.role == role(line)
                    && line >= b.line_end
                    && (b.line_end..line).all(|l| labels[l].is_none()) =>
            {
                b.line_end = line + 1;
                b.end = spans[line].1;
            }
            _ => blocks.push(BlockSpan {
                start: spans[line].0,
                end: spans[line].1,
                line_start: line + 1,
                line_end: line + 1,
                role: role(line),
            }),
        }
    }
    blocks
}

/// Byte span of each line's text as the engine's blocks cover it ([`newsseg::line_spans`]).
fn line_spans(text: &str) -> Vec<(usize, usize)> {
    newsseg::line_spans(text)
        .into_iter()
        .map(|span| (span.start, span.end))
        .collect()
}

fn title(text: &str, blocks: &[BlockSpan]) -> String {
    blocks
        .iter()
        .filter(|b| b.role == Role::Headline)
        .map(|b| &text[b.start..b.end])
        .collect()
}

/// Errors reading a prediction file; they name the file and the 1-based line.
#[derive(Debug, thiserror::Error)]
pub enum PredictionError {
    /// The file could not be read.
    #[error("{}: {error}", file.display())]
    Io {
        /// The prediction file.
        file: PathBuf,
        /// The underlying error.
        error: io::Error,
    },
    /// A line is not a segmentation object with an `id`.
    #[error("{}:{line}: {error}", file.display())]
    Json {
        /// The prediction file.
        file: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The JSON error.
        error: serde_json::Error,
    },
    /// Two lines give the same `id`.
    #[error("{}:{line}: id `{id}` appears twice", file.display())]
    DuplicateId {
        /// The prediction file.
        file: PathBuf,
        /// The 1-based line of the second one.
        line: usize,
        /// The repeated id.
        id: String,
    },
}

#[derive(Deserialize)]
struct PredictionLine {
    id: String,
    #[serde(flatten)]
    segmentation: Segmentation,
}

/// Reads a prediction file: JSONL, one object per dump, the segmentation JSON contract plus
/// `"id"` (the dump file name without `.txt`). Blank lines are skipped.
pub fn read_predictions(file: &Path) -> Result<BTreeMap<String, Segmentation>, PredictionError> {
    let text = std::fs::read_to_string(file).map_err(|error| PredictionError::Io {
        file: file.to_path_buf(),
        error,
    })?;
    parse_predictions(file, &text)
}

/// Parses the text of a prediction file; `file` names it in errors.
pub fn parse_predictions(
    file: &Path,
    text: &str,
) -> Result<BTreeMap<String, Segmentation>, PredictionError> {
    let mut predictions = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed: PredictionLine =
            serde_json::from_str(line).map_err(|error| PredictionError::Json {
                file: file.to_path_buf(),
                line: i + 1,
                error,
            })?;
        if predictions.contains_key(&parsed.id) {
            return Err(PredictionError::DuplicateId {
                file: file.to_path_buf(),
                line: i + 1,
                id: parsed.id,
            });
        }
        predictions.insert(parsed.id, parsed.segmentation);
    }
    Ok(predictions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::parse_labels;

    const DUMP: &str =
        "甲文标题\n\n甲文第一段。\n乙文标题\n乙文正文。\n甲文第二段。\n  第 2 版  \n";
    const LABELS: &str = "a1 headline 0\n\na1 body 1\na2 headline\na2 body\na1 body 2\n- noise\n";

    fn gold() -> Vec<Option<LineLabel>> {
        parse_labels(Path::new("t.labels"), DUMP, LABELS).unwrap()
    }

    #[test]
    fn gold_round_trips_through_a_segmentation() {
        let labels = gold();
        let seg = labels_to_segmentation(DUMP, &labels);
        assert_eq!(seg.articles.len(), 2);
        assert_eq!(seg.articles[0].title, "甲文标题");
        let a1: Vec<(usize, usize)> = seg.articles[0]
            .blocks
            .iter()
            .map(|b| (b.line_start, b.line_end))
            .collect();
        assert_eq!(a1, vec![(1, 1), (3, 3), (6, 6)]);
        assert_eq!(&DUMP[seg.dropped[0].start..seg.dropped[0].end], "第 2 版");
        let predicted = predicted_labels(DUMP, &seg);
        let roles = |l: &[Option<LineLabel>]| -> Vec<Option<Role>> {
            l.iter().map(|x| x.as_ref().map(|x| x.role)).collect()
        };
        assert_eq!(roles(&predicted), roles(&labels));
        assert_eq!(predicted[5].as_ref().unwrap().rank, Some(2));
        assert_eq!(
            predicted[5].as_ref().unwrap().article.as_deref(),
            Some("p1")
        );
        assert_eq!(predicted[6].as_ref().unwrap().article, None);
    }

    #[test]
    fn bogus_spans_are_ignored() {
        let seg = Segmentation {
            articles: vec![Article {
                title: String::new(),
                blocks: vec![BlockSpan {
                    start: 0,
                    end: 0,
                    line_start: 0,
                    line_end: 999,
                    role: Role::Body,
                }],
            }],
            dropped: vec![],
        };
        let labels = predicted_labels(DUMP, &seg);
        assert_eq!(labels.len(), 7);
        assert_eq!(labels[1], None);
        assert_eq!(labels[6].as_ref().unwrap().rank, Some(5));
    }

    #[test]
    fn prediction_file_errors_name_the_line() {
        let file = Path::new("p.jsonl");
        let ok = "{\"id\":\"d1\",\"articles\":[],\"dropped\":[]}\n\n";
        assert_eq!(parse_predictions(file, ok).unwrap().len(), 1);
        let dup = format!("{ok}{ok}");
        let err = parse_predictions(file, &dup).unwrap_err().to_string();
        assert!(err.starts_with("p.jsonl:3: id `d1` appears twice"), "{err}");
        let err = parse_predictions(file, "{\"articles\":[]}")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("p.jsonl:1:"), "{err}");
    }
}
