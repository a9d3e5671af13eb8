//! Shape features of a block shared by several detectors (not a detector itself).

use crate::text::{closes_first, ends_sentence, is_terminal, quote_balance, DOUBLE_QUOTE};
use crate::Block;

/// Longest block, in characters, that can still be a headline, kicker or subhead.
pub const MAX_HEAD_CHARS: usize = 40;

/// True when the block looks like a head line: short, no sentence inside, no terminal
/// punctuation at its end.
pub fn is_head_shaped(block: &Block<'_>) -> bool {
    is_head_within(block, MAX_HEAD_CHARS)
}

/// Longest block, in characters, that is a title when a byline opens the block below it
/// (`某某将出席某国总统就职仪式并对两国进行友好访问` over `本报北京…电`).
pub const MAX_LONG_TITLE_CHARS: usize = 64;

/// True for a head line too long for [`is_head_shaped`] but within
/// [`MAX_LONG_TITLE_CHARS`], with no clause break (a long title is one clause; a news
/// brief missing its full stop has several): a title only where something else says so.
pub fn is_long_title(block: &Block<'_>) -> bool {
    title_chars(block) > MAX_HEAD_CHARS
        && is_head_within(block, MAX_LONG_TITLE_CHARS)
        && !block.text.contains(['，', ',', '；', ';'])
        && !block.text.trim_end().ends_with(JOINING_CHARS)
}

/// Characters that join to what follows (`和`, `的`, `在` …): text ending on one was cut.
pub const JOINING_CHARS: [char; 15] = [
    '的', '和', '与', '及', '并', '在', '对', '把', '从', '向', '于', '被', '或', '而', '且',
];

/// Head shape with a length limit of `max_chars`. A title may ask or exclaim before its
/// column tag (`开着暖气，为啥还吹冷气？（说道）`); it closes every quote it opens, and
/// no quote before it opens one (a line that opens a quote and stops, or closes one
/// first, `成效”；会上还要求：“…`, was cut from running text).
fn is_head_within(block: &Block<'_>, max_chars: usize) -> bool {
    let text = block.text.trim_end();
    block.chars >= 2
        && !block.running_text
        && title_chars(block) <= max_chars
        && (!ends_sentence(text) && !has_inner_sentence_end(text) || asks_before_tag(text))
        && !text.ends_with(['，', ',', '、', '：', ':'])
        && quote_balance(text) == 0
        && closes_first(text) & DOUBLE_QUOTE == 0
}

/// True for a title that asks or exclaims right before its column tag, with no sentence
/// end before that.
fn asks_before_tag(text: &str) -> bool {
    column_tag_start(text).is_some_and(|open| {
        let core = text[..open].trim_end();
        core.ends_with(['？', '！', '?', '!']) && !has_inner_sentence_end(core)
    })
}

/// True when a terminal mark sits inside the text followed by more text (`…。然后…`).
fn has_inner_sentence_end(text: &str) -> bool {
    let trimmed = text.trim_end();
    trimmed
        .char_indices()
        .any(|(i, c)| matches!(c, '。' | '！' | '？') && i + c.len_utf8() < trimmed.len())
        && trimmed.chars().filter(|&c| is_terminal(c)).count() > 0
}

/// True for a title that ends with a bracketed column tag: `…（人民时评）`, `…（新论）`,
/// `…（深入学习贯彻…思想）`.
pub fn has_column_tag(text: &str) -> bool {
    column_tag_chars(text).is_some()
}

/// True for a line that opens with a column's name in square brackets and goes on:
/// `【光明论坛】让文化遗产活起来`, `〔经济观察〕稳就业政策持续发力`.
pub fn has_leading_column_tag(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(['【', '〔']) else {
        return false;
    };
    rest.find(['】', '〕']).is_some_and(|close| {
        let tag_chars = rest[..close].chars().count();
        let after = rest[close..].chars().skip(1).count();
        (2..=12).contains(&tag_chars) && after >= 2
    })
}

/// Characters of a title's bracketed column tag, brackets included.
fn column_tag_chars(text: &str) -> Option<usize> {
    column_tag_start(text).map(|open| text[open..].chars().count())
}

/// A title with its column tag left out (`天蓝水碧靠奋斗（锐评）` → `天蓝水碧靠奋斗`), when it
/// has one.
pub fn title_without_tag(text: &str) -> Option<&str> {
    let text = text.trim_end();
    column_tag_start(text).map(|open| &text[..open])
}

/// Byte offset of the opening bracket of a title's column tag.
fn column_tag_start(text: &str) -> Option<usize> {
    let inner = text.strip_suffix('）').or_else(|| text.strip_suffix(')'))?;
    let open = inner.rfind(['（', '('])?;
    let tag_chars = inner[open..].chars().count() - 1;
    // A dateline's reporter bracket (`…电（记者某某）`) is no column tag.
    let after_dateline = inner[..open].trim_end().ends_with('电');
    let is_tag = (2..=MAX_HEAD_CHARS).contains(&tag_chars)
        && open > 0
        && !after_dateline
        && !inner[open..].contains(['。', '！', '？']);
    is_tag.then_some(open)
}

/// Length of a block in characters, leaving out a column tag (a long tag does not make a
/// title running text).
fn title_chars(block: &Block<'_>) -> usize {
    let tag = column_tag_chars(block.text.trim_end()).unwrap_or(0);
    block.chars.saturating_sub(tag)
}

/// True when the block reads as running text: long, or ending a sentence.
pub fn is_prose(block: &Block<'_>) -> bool {
    title_chars(block) > MAX_HEAD_CHARS
        || ends_sentence(&block.text) && !asks_before_tag(block.text.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    fn first_block(text: &str) -> bool {
        let doc = Document::parse(text);
        is_head_shaped(&doc.blocks()[0])
    }

    #[test]
    fn column_tags() {
        assert!(has_column_tag("开放的大门只会越开越大（时评）"));
        assert!(!has_column_tag("（作者为某大学教授）"));
        assert!(!has_column_tag("甲县推进乡村振兴"));
        assert!(!has_column_tag("会议要求（见附件。）"));
        assert!(!has_column_tag("本报北京10月22日电  (记者丁怡婷)"));
        assert!(!has_column_tag("电  (记者丁怡婷)"));
        assert!(has_leading_column_tag("【光明论坛】让文化遗产活起来"));
        assert!(has_leading_column_tag("〔经济观察〕稳就业政策持续发力"));
        assert!(!has_leading_column_tag("【记者感言】"));
        assert!(!has_leading_column_tag("让文化遗产活起来【光明论坛】"));
        assert_eq!(
            title_without_tag("天蓝水碧靠奋斗（锐评） "),
            Some("天蓝水碧靠奋斗")
        );
        assert_eq!(title_without_tag("甲县推进乡村振兴"), None);
    }

    #[test]
    fn heads_and_prose() {
        assert!(first_block("甲县推进乡村振兴"));
        assert!(first_block(
            "甲县推进乡村振兴（深入学习贯彻新时代中国特色社会主义思想·基层一线的实践与探索·记者观察）"
        ));
        assert!(first_block("乙市：让老街焕发新活力"));
        assert!(first_block("开着暖气，为啥还吹冷气？（说道）"));
        assert!(!first_block("开着暖气，为啥还吹冷气？"));
        assert!(!first_block("为啥？还吹冷气？（说道）"));
        assert!(!first_block("会议要求，各乡镇要抓好落实。"));
        assert!(!first_block("他说，"));
        assert!(!first_block("好。再见"));
        // A title closes the quotes it opens; a line cut from running text may not.
        assert!(first_block("泊溪湿地重现“万鸟翔集”"));
        assert!(!first_block("“具体来说，‘红立方’就是构建"));
        assert!(!first_block("管用”示范点"));
        // It closes no quote first, balanced or not: two clauses around a column's cut.
        assert!(!first_block("成效”；会上还要求：“各地要抓好落实"));
        assert!(first_block("“菜篮子”丰富起来"));
    }
}
