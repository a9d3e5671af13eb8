//! Verse: a run of short unpunctuated lines, one block each, longer than any head group
//! (a poem on a literary page, a list of slogans). Past its first two lines (the poem's
//! title and its poet may open the run) the lines are text of one story, never heads; a
//! name alone under the title is the poet, and a poet's bracketed name under a poem or a
//! couplet (`（某某）`) goes on with the run.

use super::author::author_score;
use super::byline::opens_with_byline;
use super::closing::is_attribution;
use super::photo::is_credit;
use super::shape::{has_column_tag, is_head_shaped};
use super::subhead::is_section_label;
use crate::text::ends_with_dash;
use crate::{Block, Detector, Document, EvidenceSink, Role};

/// Emits body evidence, and evidence against head roles and boundaries, for the lines of a
/// verse run past its first two.
pub struct Verse;

/// Fewest lines in a verse run: more than a kicker, a headline, a subtitle and an author.
const MIN_VERSE_LINES: usize = 5;

/// Longest verse line, in characters.
const MAX_VERSE_CHARS: usize = 24;

/// Lines at the top of a run that may be the poem's title and its poet.
const HEAD_LINES: usize = 2;

/// Evidence for a verse line being text, and against it being a head.
const VERSE_TEXT: f32 = 3.0;

/// Evidence against a story boundary between two verse lines.
const VERSE_TOGETHER: f32 = 2.0;

/// True for a block that may be a line of verse: one short head-shaped line that is no
/// credit, attribution, author line, byline, section label or line marked as a title (a
/// column tag, a dash, a colon).
fn is_verse_line(block: &Block<'_>) -> bool {
    block.lines.len() == 1
        && block.chars <= MAX_VERSE_CHARS
        && is_head_shaped(block)
        && !is_credit(&block.text, block.chars)
        && !is_attribution(&block.text, block.chars)
        && author_score(&block.text) == 0.0
        && !opens_with_byline(&block.text)
        && !has_column_tag(block.text.trim())
        && !is_section_label(&block.text)
        && !has_title_mark(block.text.trim())
}

/// True for a line marked as a title: a subtitle's or kicker's dash, or a `某地：…` colon.
fn has_title_mark(text: &str) -> bool {
    text.starts_with(['—', '─', '-']) || ends_with_dash(text) || text.contains(['：', ':'])
}

/// Author evidence for a name alone under the title of a verse run: its poet.
const POET: f32 = 3.0;

/// True for a name alone on its line: two to four Han characters, perhaps spaced out.
fn is_name_alone(text: &str) -> bool {
    let mut chars = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if !crate::text::is_han(c) {
            return false;
        }
        chars += 1;
    }
    (2..=4).contains(&chars)
}

/// True for a poet's name alone in brackets, signing a poem or couplet: `（某某）`.
fn is_signature(text: &str) -> bool {
    let text = text.trim();
    text.strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']))
        .is_some_and(is_name_alone)
}

/// True when no two blocks of the run hold the same text: a line printed twice is a
/// duplicated head at a column joint, which a stack of heads shows and a poem does not.
fn all_different(blocks: &[Block<'_>]) -> bool {
    let mut texts: Vec<&str> = blocks.iter().map(|b| b.text.trim()).collect();
    texts.sort_unstable();
    texts.windows(2).all(|w| w[0] != w[1])
}

impl Detector for Verse {
    fn name(&self) -> &str {
        "verse"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        let verse: Vec<bool> = blocks.iter().map(is_verse_line).collect();
        let mut start = 0;
        while start < blocks.len() {
            // A poet's bracketed name under a poem or couplet goes on with the run.
            let end = (start..blocks.len())
                .find(|&i| !(verse[i] || i > start && is_signature(&blocks[i].text)))
                .unwrap_or(blocks.len());
            let verse_lines = verse[start..end].iter().filter(|&&v| v).count();
            if verse_lines >= MIN_VERSE_LINES && all_different(&blocks[start..end]) {
                if is_name_alone(&blocks[start + 1].text) {
                    out.role(start + 1, Role::Author, POET);
                }
                for (i, &is_verse) in verse.iter().enumerate().take(end).skip(start + HEAD_LINES) {
                    if is_verse {
                        out.role(i, Role::Body, VERSE_TEXT);
                        for role in [Role::Kicker, Role::Headline, Role::Subtitle, Role::Subhead] {
                            out.role(i, role, -VERSE_TEXT);
                        }
                    }
                    if i + 1 < end {
                        out.boundary(i, -VERSE_TOGETHER);
                    }
                }
            }
            start = end + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::evidence_of;
    use super::*;

    #[test]
    fn a_poem_past_its_title_and_poet_is_text() {
        let page = "秋 夜\n李青禾\n月亮挂在屋檐上\n虫声落满了院子\n母亲坐在灯下\n缝补一件旧衣裳\n针脚细细密密\n";
        let ev = evidence_of(&Verse, page);
        for i in [0, 1] {
            assert_eq!(ev.roles(i)[Role::Body.index()], 0.0);
        }
        assert!(ev.roles(1)[Role::Author.index()] > 0.0);
        for i in 2..7 {
            assert!(ev.roles(i)[Role::Headline.index()] < 0.0, "line {i}");
        }
        assert!(ev.boundary(4) < 0.0);
    }

    #[test]
    fn couplets_signed_by_their_poets_are_one_run() {
        let page = "春回大地\n福满人间\n（张三）\n山河添锦绣\n日月照新春\n（李四）\n\
                    雪映千山白\n梅开万户红\n（王五）\n";
        let ev = evidence_of(&Verse, page);
        for i in [3, 4, 6, 7] {
            assert!(ev.roles(i)[Role::Headline.index()] < 0.0, "line {i}");
        }
        for gap in 2..8 {
            assert!(ev.boundary(gap) < 0.0, "gap {gap}");
        }
        // A name in brackets does not open a run.
        let signed_first = "（张三）\n山河添锦绣\n日月照新春\n雪映千山白\n梅开万户红\n";
        assert_eq!(evidence_of(&Verse, signed_first).boundary(0), 0.0);
    }

    #[test]
    fn a_head_group_is_no_verse() {
        let page = "聚焦数字乡村建设\n岚川：手机成了新农具\n——记一个山区县的数字化转型\n本报记者 张三\n本报岚川11月20日电（记者张三）清晨，果农打开了手机。\n";
        let ev = evidence_of(&Verse, page);
        for i in 0..5 {
            assert_eq!(ev.roles(i)[Role::Body.index()], 0.0);
        }
    }
}
