//! Column width: on a hard-wrapped page, the paragraphs of one story are set in one column,
//! and boxes of different widths hold different stories. Two neighbouring wrapped
//! paragraphs set in clearly different widths are evidence for a story boundary.

use crate::{Block, Detector, Document, EvidenceSink};

/// Share, in tenths, by which the wider column exceeds the narrower one at least.
const WIDER_TENTHS: usize = 12;
/// Half-width columns by which the wider column exceeds the narrower one at least.
const WIDER_BY: usize = 6;
/// Boundary evidence between paragraphs of clearly different widths.
const BOUNDARY: f32 = 2.0;

/// Emits boundary evidence between wrapped paragraphs set in clearly different widths.
pub struct ColumnWidth;

impl Detector for ColumnWidth {
    fn name(&self) -> &str {
        "width"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        if !doc.layout().wrapped {
            return;
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
        .map(halves)
        .max()
}

/// The width of a text in half-width columns: a half-width character takes one, any other
/// two.
fn halves(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

#[cfg(test)]
mod tests {
    use super::super::evidence_of;
    use super::*;

    #[test]
    fn paragraphs_set_in_different_widths_are_a_boundary() {
        let page = "市里今年新建改建公园十二座，市民休闲有了更多的去处，周末到公\n\
                    园游玩的人越来越多，公园管理部门也相应增加了服务人员，方便市\n\
                    民游览参观，还在园内增设了不少座椅、饮水点和公共卫生间等设\n\
                    施，受到了市民的普遍欢迎和好评。\n\
                    县里举办农民丰收节，各\n\
                    乡镇展示今年粮食生产的\n\
                    新成果和新变化，吸引了\n\
                    众多村民前来观看。\n\
                    活动现场还设置了农产品\n\
                    展销区，村民们带来的新\n\
                    米、菜籽油和土特产很受\n\
                    欢迎。\n";
        let ev = evidence_of(&ColumnWidth, page);
        assert_eq!(ev.boundary(0), BOUNDARY);
        assert_eq!(ev.boundary(1), 0.0, "one column");
    }
}
