//! Training-corpus records: one record per article of a segmented dump, with the article's
//! text and, per block, its role and its byte and character spans in the dump.
//!
//! This is the form `newsseg batch --split` writes and the Python binding's `split` returns.

use crate::{Role, Segmentation};
use serde::Serialize;

/// One article of a dump, ready for a training corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRecord {
    /// Index of the article in the segmentation, 0-based.
    pub article: usize,
    /// The article's title (empty when it has no headline).
    pub title: String,
    /// The text of the article's blocks, in reading order, joined with `"\n"`.
    pub text: String,
    /// The role of each block, in reading order.
    pub roles: Vec<Role>,
    /// Byte span `[start, end)` of each block in the dump.
    pub spans: Vec<[usize; 2]>,
    /// Character (Unicode scalar value) span `[start, end)` of each block in the dump.
    pub char_spans: Vec<[usize; 2]>,
}

/// One [`ArticleRecord`] per article of `seg`, a segmentation of `text`.
pub fn split(text: &str, seg: &Segmentation) -> Vec<ArticleRecord> {
    let offsets = CharOffsets::new(
        text,
        seg.articles
            .iter()
            .flat_map(|a| &a.blocks)
            .flat_map(|b| [b.start, b.end]),
    );
    seg.articles
        .iter()
        .enumerate()
        .map(|(article, a)| ArticleRecord {
            article,
            title: a.title.clone(),
            text: a
                .blocks
                .iter()
                .map(|b| &text[b.start..b.end])
                .collect::<Vec<_>>()
                .join("\n"),
            roles: a.blocks.iter().map(|b| b.role).collect(),
            spans: a.blocks.iter().map(|b| [b.start, b.end]).collect(),
            char_spans: a
                .blocks
                .iter()
                .map(|b| [offsets.chars_at(b.start), offsets.chars_at(b.end)])
                .collect(),
        })
        .collect()
}

/// Character offsets of a set of byte offsets, computed in one pass over the text.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharOffsets {
    /// Indexes `offsets`, byte offsets on char boundaries of `text`, in any order.
    pub fn new(text: &str, offsets: impl Iterator<Item = usize>) -> CharOffsets {
        let mut bytes: Vec<usize> = offsets.collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut chars = Vec::with_capacity(bytes.len());
        let (mut prev_byte, mut prev_char) = (0, 0);
        for &b in &bytes {
            prev_char += text[prev_byte..b].chars().count();
            prev_byte = b;
            chars.push(prev_char);
        }
        CharOffsets { bytes, chars }
    }

    /// The character offset of byte offset `byte`, one of those given to `new`.
    ///
    /// # Panics
    /// When `byte` was not given to `new`.
    pub fn chars_at(&self, byte: usize) -> usize {
        let i = self
            .bytes
            .binary_search(&byte)
            .expect("every block offset was indexed");
        self.chars[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, BlockSpan};

    fn block(text: &str, needle: &str, role: Role) -> BlockSpan {
        let start = text.find(needle).unwrap();
        let line = text[..start].matches('\n').count() + 1;
        BlockSpan {
            start,
            end: start + needle.len(),
            line_start: line,
            line_end: line,
            role,
        }
    }

    #[test]
    fn records_follow_reading_order_and_spans() {
        let text = "页眉\n\n标题甲\n\n正文甲一。\n\n标题乙\n\n正文乙。\n\n正文甲二。\n";
        let seg = Segmentation {
            articles: vec![
                Article {
                    title: "标题甲".into(),
                    blocks: vec![
                        block(text, "标题甲", Role::Headline),
                        block(text, "正文甲一。", Role::Body),
                        block(text, "正文甲二。", Role::Body),
                    ],
                },
                Article {
                    title: "标题乙".into(),
                    blocks: vec![
                        block(text, "标题乙", Role::Headline),
                        block(text, "正文乙。", Role::Body),
                    ],
                },
            ],
            dropped: vec![block(text, "页眉", Role::Noise)],
        };
        let records = split(text, &seg);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].text, "标题甲\n正文甲一。\n正文甲二。");
        assert_eq!(records[0].roles, [Role::Headline, Role::Body, Role::Body]);
        assert_eq!(records[1].article, 1);
        assert_eq!(records[1].title, "标题乙");
        let chars: Vec<char> = text.chars().collect();
        for r in &records {
            for (span, cspan) in r.spans.iter().zip(&r.char_spans) {
                let by_chars: String = chars[cspan[0]..cspan[1]].iter().collect();
                assert_eq!(by_chars, &text[span[0]..span[1]]);
            }
        }
        assert_eq!(records[0].char_spans[0], [4, 7]);
    }

    #[test]
    fn no_articles_no_records() {
        assert!(split("", &Segmentation::default()).is_empty());
    }
}
