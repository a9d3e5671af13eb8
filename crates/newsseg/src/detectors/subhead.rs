//! Subheads: short lines inside a body, often in pairs, with running text above and below.

use super::byline::opens_with_byline;
use super::shape::{is_head_shaped, is_prose};
use crate::{Detector, Document, EvidenceSink, Role};

/// Longest subhead, in characters.
const MAX_SUBHEAD_CHARS: usize = 24;

/// Emits `subhead` evidence for short head-shaped blocks (or pairs of them) that sit
/// between paragraphs of running text, and evidence that no story boundary cuts a pair.
pub struct Subhead;

impl Detector for Subhead {
    fn name(&self) -> &str {
        "subhead"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        let short = |i: usize| is_head_shaped(&blocks[i]) && blocks[i].chars <= MAX_SUBHEAD_CHARS;
        let prose = |i: usize| is_prose(&blocks[i]) && !opens_with_byline(&blocks[i].text);
        let mut i = 1;
        while i + 1 < blocks.len() {
            if !short(i) || !prose(i - 1) {
                i += 1;
                continue;
            }
            let pair =
                i + 2 < blocks.len() && short(i + 1) && prose(i + 2) && adjacent_lines(doc, i);
            let end = if pair { i + 1 } else { i };
            if prose(end + 1) {
                for j in i..=end {
                    out.role(j, Role::Subhead, 1.5);
                }
                if pair {
                    out.boundary(i, -0.5);
                }
            }
            i = end + 1;
        }
    }
}

/// True when block `i` ends on the line just above block `i + 1` (no blank line between).
fn adjacent_lines(doc: &Document<'_>, i: usize) -> bool {
    let blocks = doc.blocks();
    blocks[i]
        .lines
        .last()
        .is_some_and(|&l| blocks[i + 1].lines[0] == l + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Evidence;

    #[test]
    fn pair_between_paragraphs() {
        let text = "甲县今年以来深入推进改革，各项工作取得积极进展。\n\n坚持改革创新\n激发发展活力\n\n乙镇先行先试，探索出一条新路子，受到群众欢迎。\n";
        let doc = Document::parse(text);
        let mut ev = Evidence::new(doc.blocks().len(), false);
        Subhead.detect(&doc, &mut ev.sink("subhead", 1.0));
        assert!(ev.roles(1)[Role::Subhead.index()] > 1.0);
        assert!(ev.roles(2)[Role::Subhead.index()] > 1.0);
        assert!(ev.boundary(1) < 0.0);
        assert_eq!(ev.roles(0)[Role::Subhead.index()], 0.0);
    }
}
