//! Vertical spacing: text extraction keeps a wider gap (more blank lines) between two
//! boxes of a page than between the paragraphs of one story. A gap clearly wider than
//! the page's usual one is evidence for a story boundary.

use super::shape::is_head_shaped;
use crate::{Detector, Document, EvidenceSink};

/// Blank lines beyond the page's usual gap that make a gap wide.
const EXTRA_BLANKS: usize = 2;
/// Boundary evidence for a wide gap.
const BOUNDARY: f32 = 4.8;
/// Boundary evidence for any blank line between two texts (neither a head line) on a page
/// whose paragraphs follow one another without one: extraction sets boxes apart so.
const BOUNDARY_ANY_BLANK: f32 = 2.4;

/// Emits boundary evidence for gaps with clearly more blank lines than usual.
pub struct Spacing;

impl Detector for Spacing {
    fn name(&self) -> &str {
        "spacing"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blanks = blank_lines_per_gap(doc);
        let mut sorted = blanks.clone();
        sorted.sort_unstable();
        let Some(&usual) = sorted.get(sorted.len() / 2) else {
            return;
        };
        for (gap, &count) in blanks.iter().enumerate() {
            if count >= usual + EXTRA_BLANKS {
                out.boundary(gap, BOUNDARY);
            } else if usual == 0
                && count > 0
                && !is_head_shaped(&doc.blocks()[gap])
                && !is_head_shaped(&doc.blocks()[gap + 1])
            {
                // Not next to a head line: extraction sets a head off by blank lines
                // whether it opens a story or a section.
                out.boundary(gap, BOUNDARY_ANY_BLANK);
            }
        }
    }
}

/// For each gap between neighbouring content blocks, the blank lines between them.
fn blank_lines_per_gap(doc: &Document<'_>) -> Vec<usize> {
    let lines = doc.lines();
    doc.blocks()
        .windows(2)
        .map(|pair| {
            let (Some(&end), Some(&start)) = (pair[0].lines.last(), pair[1].lines.first()) else {
                return 0;
            };
            (end + 1..start.max(end + 1))
                .filter(|&l| lines[l].blank)
                .count()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Evidence;

    #[test]
    fn a_wide_gap_is_a_boundary() {
        let page = "第一段文字。\n\n第二段文字。\n\n第三段文字。\n\n\n\n另一篇的第一段。\n\n另一篇的第二段。\n";
        let doc = Document::parse(page);
        let mut ev = Evidence::new(doc.blocks().len(), false);
        Spacing.detect(&doc, &mut ev.sink("spacing", 1.0));
        let boundaries: Vec<f32> = (0..doc.gap_count()).map(|g| ev.boundary(g)).collect();
        assert_eq!(boundaries, [0.0, 0.0, BOUNDARY, 0.0]);
    }

    #[test]
    fn a_blank_line_between_texts_of_a_page_without_them_is_a_boundary() {
        let page = "第一段文字写的是甲县的新闻。\n第二段文字还是甲县的新闻。\n\n\
                    另一篇的第一段写乙市的事。\n另一篇的第二段。\n\n标题一行\n另一篇的正文。\n";
        let doc = Document::parse(page);
        let mut ev = Evidence::new(doc.blocks().len(), false);
        Spacing.detect(&doc, &mut ev.sink("spacing", 1.0));
        let boundaries: Vec<f32> = (0..doc.gap_count()).map(|g| ev.boundary(g)).collect();
        // Between two texts, not above a head line (a head opens a story or a box of its
        // own and says so itself).
        assert_eq!(boundaries, [0.0, BOUNDARY_ANY_BLANK, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn even_spacing_says_nothing() {
        let page = "第一段。\n\n\n第二段。\n\n\n第三段。\n";
        let doc = Document::parse(page);
        let mut ev = Evidence::new(doc.blocks().len(), false);
        Spacing.detect(&doc, &mut ev.sink("spacing", 1.0));
        assert!((0..doc.gap_count()).all(|g| ev.boundary(g) == 0.0));
    }
}
