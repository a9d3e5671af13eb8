//! Vertical spacing: text extraction keeps a wider gap (more blank lines) between two
//! boxes of a page than between the paragraphs of one story. A gap clearly wider than
//! the page's usual one is evidence for a story boundary.

use crate::{Detector, Document, EvidenceSink};

/// Blank lines beyond the page's usual gap that make a gap wide.
const EXTRA_BLANKS: usize = 2;
/// Boundary evidence for a wide gap.
const BOUNDARY: f32 = 3.0;

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
    fn even_spacing_says_nothing() {
        let page = "第一段。\n\n\n第二段。\n\n\n第三段。\n";
        let doc = Document::parse(page);
        let mut ev = Evidence::new(doc.blocks().len(), false);
        Spacing.detect(&doc, &mut ev.sink("spacing", 1.0));
        assert!((0..doc.gap_count()).all(|g| ev.boundary(g) == 0.0));
    }
}
