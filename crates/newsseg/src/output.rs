//! Builds the output [`Segmentation`] from decoded blocks.

use crate::decoder::Decoded;
use crate::segmentation::{Article, BlockSpan, Segmentation};
use crate::{Block, Document, Role};

/// Turns decoded stories into articles (blocks in the decoded order) and dropped blocks.
pub fn build_segmentation(doc: &Document<'_>, decoded: &Decoded) -> Segmentation {
    let stories = decoded.story.iter().copied().max().map_or(0, |m| m + 1);
    let mut articles: Vec<Article> = (0..stories)
        .map(|_| Article {
            title: String::new(),
            blocks: Vec::new(),
        })
        .collect();
    let mut dropped = Vec::new();
    for (i, block) in doc.blocks().iter().enumerate() {
        let role = decoded.roles[i];
        if role.is_dropped() {
            dropped.extend(spans(doc, block, role));
            continue;
        }
        let article = &mut articles[decoded.story[i]];
        if role == Role::Headline {
            article.title.push_str(&block.text);
        }
        article.blocks.extend(spans(doc, block, role));
    }
    for block in doc.furniture() {
        dropped.extend(spans(doc, block, Role::Noise));
    }
    dropped.sort_by_key(|b| b.start);
    articles.retain(|a| !a.blocks.is_empty());
    Segmentation { articles, dropped }
}

/// One [`BlockSpan`] per contiguous run of the block's lines.
pub fn spans(doc: &Document<'_>, block: &Block<'_>, role: Role) -> Vec<BlockSpan> {
    Document::line_runs(block)
        .into_iter()
        .map(|(first, last)| {
            let span = doc.span_of_lines(first, last);
            BlockSpan {
                start: span.start,
                end: span.end,
                line_start: first + 1,
                line_end: last + 1,
                role,
            }
        })
        .collect()
}
