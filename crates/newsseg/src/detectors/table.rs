//! Table rows: a line of three fields or more apart by spaces, two of them holding digits
//! (`鹭洲市 14金 9银 11铜`, `明天白天 晴 19℃—27℃ 东风2级`). A row is text of the story or
//! box it is printed in, never a title, and the rows of one table belong together.

use crate::text::is_digit;
use crate::{Block, Detector, Document, EvidenceSink, Role};

/// Emits body evidence for table rows, evidence against any head role, and evidence
/// against a boundary between two rows.
pub struct Table;

/// Evidence against a head role for a table row, and for it being text.
const ROW_NOT_HEAD: f32 = 3.0;

/// Longest table row, in characters (spacing left out).
const MAX_ROW_CHARS: usize = 40;

/// Longest table cell, in characters.
const MAX_CELL_CHARS: usize = 10;

/// Evidence against a boundary between two table rows.
const ROWS_TOGETHER: f32 = 2.0;

/// True for a line that reads as a table row: short, with no clause or label punctuation,
/// three fields or more apart by spaces, at least two with a digit, and not justified
/// spacing (most fields longer than one character).
pub fn is_table_row(line: &str) -> bool {
    if is_markdown_row(line) {
        return true;
    }
    // A cheap bound first: four bytes a character, and room for the spacing.
    if line.len() > 8 * MAX_ROW_CHARS || line.chars().filter(|&c| is_digit(c)).count() < 2 {
        return false;
    }
    let short = line.chars().filter(|c| !c.is_whitespace()).count() <= MAX_ROW_CHARS;
    if !short || line.contains(['，', '。', '：', ':', '；']) {
        return false;
    }
    let fields: Vec<&str> = line.split_whitespace().collect();
    let with_digit = fields.iter().filter(|f| f.chars().any(is_digit)).count();
    let lengths: Vec<usize> = fields.iter().map(|f| f.chars().count()).collect();
    let single = lengths.iter().filter(|&&n| n == 1).count();
    // A table's cells are short; a title in parts apart by wide spaces has long ones.
    let short_cells = lengths.iter().all(|&n| n <= MAX_CELL_CHARS);
    fields.len() >= 3 && with_digit >= 2 && single * 2 < fields.len() && short_cells
}

/// True for a row of a Markdown table, cells between pipes (`| 公园 | 10 |`), or the rule
/// under its header (`|---|:---:|`), as pages converted from HTML print tables.
fn is_markdown_row(line: &str) -> bool {
    let line = line.trim();
    line.len() <= 8 * MAX_ROW_CHARS
        && line.starts_with('|')
        && line.ends_with('|')
        && line.matches('|').count() >= 3
}

/// True for a block of one line that reads as a table row ([`is_table_row`]).
pub fn is_row_block(doc: &Document<'_>, block: &Block<'_>) -> bool {
    block.lines.len() == 1 && is_table_row(doc.first_line_text(block))
}

impl Detector for Table {
    fn name(&self) -> &str {
        "table"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let rows: Vec<bool> = doc.blocks().iter().map(|b| is_row_block(doc, b)).collect();
        for (i, &row) in rows.iter().enumerate() {
            if !row {
                continue;
            }
            out.role(i, Role::Body, ROW_NOT_HEAD);
            for role in [
                Role::Kicker,
                Role::Headline,
                Role::Subtitle,
                Role::Author,
                Role::Subhead,
            ] {
                out.role(i, role, -ROW_NOT_HEAD);
            }
            if i > 0 && rows[i - 1] {
                out.boundary(i - 1, -ROWS_TOGETHER);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::evidence_of;
    use super::*;

    #[test]
    fn rows_and_not_rows() {
        for row in [
            "鹭洲市 14金 9银 11铜",
            "青屿市 １１金 １２银 ８铜",
            "今天白天 多云转晴 18℃—26℃ 东北风3级",
            "1  张三  10秒23",
            "| 项目 | 数量 |",
            "|---|:---:|",
        ] {
            assert!(is_table_row(row), "{row}");
        }
        for line in [
            "守正创新 技术突破",
            "5G网络覆盖率达95% 数字乡村建设提速",
            "全 年 增 长 1 2 % 以 上",
            "鹭洲市获得14枚金牌",
            "来源：鹭洲日报  作者：卓一鸣  发布时间：2025-05-06 08:30",
            "1月外贸进出口同比增  8.7%实际使用外资同比增  4.8%",
            "|甲|",
        ] {
            assert!(!is_table_row(line), "{line}");
        }
    }

    #[test]
    fn rows_are_text_and_stay_together() {
        let ev = evidence_of(
            &Table,
            "奖牌榜\n鹭洲市 14金 9银 11铜\n青屿市 11金 12银 8铜\n",
        );
        assert!(ev.roles(1)[Role::Headline.index()] < 0.0);
        assert!(ev.roles(1)[Role::Body.index()] > 0.0);
        assert!(ev.boundary(1) < 0.0);
        assert_eq!(ev.boundary(0), 0.0);
    }
}
