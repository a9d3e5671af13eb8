//! The output model: articles and dropped blocks, as byte and line spans.
//!
//! This is a stable contract read by outside tools; `docs/FORMATS.md` documents it.

use crate::Role;
use serde::{Deserialize, Serialize};

/// One contiguous run of input lines with one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockSpan {
    /// Byte offset of the first byte of the run in the input.
    pub start: usize,
    /// Byte offset one past the last byte of the run.
    pub end: usize,
    /// First line of the run, 1-based.
    pub line_start: usize,
    /// Last line of the run, 1-based, inclusive.
    pub line_end: usize,
    /// What the lines are.
    pub role: Role,
}

/// One story: its blocks in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The headline text (headline blocks joined), empty when the story has none.
    pub title: String,
    /// The article's blocks in reading order.
    pub blocks: Vec<BlockSpan>,
}

/// The result of segmenting one dump.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmentation {
    /// The stories found, in the dump order of their first block.
    pub articles: Vec<Article>,
    /// Blocks set aside (role `noise` or `dup`), in dump order.
    pub dropped: Vec<BlockSpan>,
}

impl Segmentation {
    /// Every block of the segmentation, articles first, then dropped ones.
    pub fn all_blocks(&self) -> impl Iterator<Item = &BlockSpan> {
        self.articles
            .iter()
            .flat_map(|a| a.blocks.iter())
            .chain(self.dropped.iter())
    }
}
