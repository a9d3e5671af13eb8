//! Column width: on a hard-wrapped page, the paragraphs of one story are set in one column,
//! and boxes of different widths hold different stories. Two neighbouring wrapped
//! paragraphs set in clearly different widths are evidence for a story boundary, and so is
//! the joint between a column and those that extraction read across it, line by line (a box
//! beside a column, a row of columns). Between two of the columns read across the first
//! there is no such evidence: on a page read by rows, neighbouring columns are often one
//! story's.

use crate::text::half_width_columns;
use crate::{Block, Detector, Document, EvidenceSink};

/// Share, in tenths, by which the wider column exceeds the narrower one at least.
const WIDER_TENTHS: usize = 12;
/// Half-width columns by which the wider column exceeds the narrower one at least.
const WIDER_BY: usize = 6;
/// Boundary evidence between paragraphs of clearly different widths.
const BOUNDARY: f32 = 2.0;

/// Emits boundary evidence between wrapped paragraphs set in clearly different widths, and
/// between the first column and the columns extraction read across it ([`Block::column`]).
pub struct ColumnWidth;

impl Detector for ColumnWidth {
    fn name(&self) -> &str {
        "width"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        if !doc.layout().wrapped {
            return;
        }
        for (gap, pair) in doc.blocks().windows(2).enumerate() {
            if (pair[0].column == 0) != (pair[1].column == 0) {
                out.boundary(gap, BOUNDARY);
            }
        }
        let widths: Vec<Option<usize>> = doc.blocks().iter().map(|b| set_width(doc, b)).collect();
        for (gap, pair) in widths.windows(2).enumerate() {
            if let [Some(a), Some(b)] = *pair {
                let (narrow, wide) = (a.min(b), a.max(b));
                if wide * 10 > narrow * WIDER_TENTHS && wide >= narrow + WIDER_BY {
                    out.boundary(gap, BOUNDARY);
                }
            }
        }
    }
}

/// The width of the column a wrapped paragraph is set in, in half-width columns: its
/// widest line but the first (which may be indented) and the last (which may end short),
/// among those with no white space inside (justified spacing stretches a line whatever its
/// text); `None` when there is none.
fn set_width(doc: &Document<'_>, block: &Block<'_>) -> Option<usize> {
    let (_, wrapped) = block.lines.split_last()?;
    wrapped
        .iter()
        .skip(1)
        .map(|&l| doc.line_text(l))
        .filter(|text| !text.contains(char::is_whitespace))
        .map(half_width_columns)
        .max()
}

#[cfg(test)]
mod tests {
    use super::super::evidence_of;
    use super::*;
    use crate::document::{NARROW_COLUMN_PARAGRAPHS, WIDE_COLUMN_PARAGRAPH};

    #[test]
    fn paragraphs_set_in_different_widths_are_a_boundary() {
        let page = format!("{WIDE_COLUMN_PARAGRAPH}{NARROW_COLUMN_PARAGRAPHS}");
        let ev = evidence_of(&ColumnWidth, &page);
        assert_eq!(ev.boundary(0), BOUNDARY);
        assert_eq!(ev.boundary(1), 0.0, "one column");
    }

    #[test]
    fn a_column_read_across_another_is_a_boundary_on_each_side() {
        // A column of 11 characters, a box read across it from its second line on.
        let page = "引入社会资本，采取“政\n相关链接\n府引导、企业运营、村集\n桐湾丝织厂建于1963\n\
                    体入股”的方式对老厂区\n年，鼎盛时期有职工两千\n进行改造，累计完成投资\n\
                    余人，产品远销海外。\n十二亿元，建成文创园。\n\n乡里新修了一条路，方便群\n\
                    众出行，大家都很满意。\n";
        let ev = evidence_of(&ColumnWidth, page);
        assert_eq!(ev.boundary(0), BOUNDARY, "column, then the box");
        assert_eq!(ev.boundary(1), 0.0, "within the box");
        assert_eq!(ev.boundary(2), BOUNDARY, "the box, then the next story");
    }
}
