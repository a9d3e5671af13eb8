//! Builds the output [`Segmentation`] from decoded blocks.

use crate::linker::Linked;
use crate::segmentation::{Article, BlockSpan, Segmentation};
use crate::{Document, Role};

/// Turns linked stories into articles (blocks in reading order) and dropped blocks.
pub fn build_segmentation(doc: &Document<'_>, linked: &Linked) -> Segmentation {
    let blocks = doc.blocks();
    let articles = linked
        .stories
        .iter()
        .filter(|story| !story.is_empty())
        .map(|story| {
            let title = story
                .iter()
                .filter(|&&i| linked.roles[i] == Role::Headline)
                .map(|&i| doc.source_text(&blocks[i]))
                .collect::<Vec<_>>()
                .join(" ");
            let blocks = story
                .iter()
                .flat_map(|&i| doc.block_spans(&blocks[i], linked.roles[i]))
                .collect();
            Article { title, blocks }
        })
        .collect();
    let mut dropped: Vec<BlockSpan> = blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| linked.roles[*i].is_dropped())
        .flat_map(|(i, block)| doc.block_spans(block, linked.roles[i]))
        .chain(
            doc.furniture()
                .iter()
                .flat_map(|block| doc.block_spans(block, Role::Noise)),
        )
        .collect();
    dropped.sort_by_key(|b| b.start);
    Segmentation { articles, dropped }
}
