//! Story openings: a run of head lines between two paragraphs either opens a new story (a
//! headline group) or a section of the same one (subheads). A headline's words come back
//! in the lead below it and seldom in the text above; a title is longer than a subhead and
//! seldom holds a comma; a story whose body opened with a dateline seldom has sections.
//! The weights are half the log-odds of a logistic regression over
//! these features (the other detectors already carry part of the same evidence), centred
//! a little above the features' typical values; halving was measured best on the dev sets.

use super::byline::opens_with_byline;
use super::closing::is_attribution;
use super::cohesion::{bigram_profile, coverage_by_any, Profile};
use super::shape::{is_head_shaped, is_prose};
use super::table::is_row_block;
use crate::{Block, Detector, Document, EvidenceSink};

/// How much running text, in characters, forms the lead below and the tail above.
const CONTEXT_CHARS: usize = 150;
/// Log-odds per unit of (coverage by the lead below − coverage by the tail above).
const LEAD_WEIGHT: f32 = 0.95;
/// Log-odds for a clause mark (`，、`) inside the head lines.
const CLAUSE_WEIGHT: f32 = -0.7;
/// Log-odds per 20 characters of head text.
const LENGTH_WEIGHT: f32 = 0.45;
/// Centre: a little above the features' typical values (lead difference 0.23, a clause
/// mark in 23 % of head runs, 13 characters), so that an average run gets slightly
/// negative evidence.
const CENTRE: f32 = LEAD_WEIGHT * 0.23 + CLAUSE_WEIGHT * 0.23 + LENGTH_WEIGHT * 0.67 + 0.25;

/// Boundary evidence above a head run when the text right above it opened with a dateline: in the dev sets' gold, 4 of 149 stories whose
/// body opens with a dateline have subheads, against 140 of 337 other stories.
const DATED_TEXT_ABOVE: f32 = 1.5;

/// True when the run of running text that ends right above block `i` opened with a
/// dateline (`本报某地某日电`, `新华社…电`, `本报讯`) right below a head line: a story with
/// its head. (A story with no head above may take the run below as its head, printed
/// after its body.) A table row is no head line.
fn text_above_opened_with_dateline(doc: &Document<'_>, i: usize) -> bool {
    let blocks = doc.blocks();
    if is_row_block(doc, &blocks[i]) {
        return false;
    }
    let first = (0..i)
        .rev()
        .take_while(|&j| !is_head_shaped(&blocks[j]))
        .last();
    first.is_some_and(|j| j > 0 && opens_with_byline(&blocks[j].text))
}

/// Emits boundary evidence above each run of head lines that sits between paragraphs.
pub struct Opening;

impl Detector for Opening {
    fn name(&self) -> &str {
        "opening"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        let mut i = 1;
        while i < blocks.len() {
            let end = head_run_end(blocks, i);
            // A closing attribution below running text ends a story; it opens none.
            let closing = || is_attribution(&blocks[i].text, blocks[i].chars);
            if end == i || !is_prose(&blocks[i - 1]) || end >= blocks.len() || closing() {
                i = end.max(i + 1);
                continue;
            }
            let below = prose_context(doc, end..blocks.len());
            let above = prose_context(doc, (0..i).rev());
            if !below.is_empty() && !above.is_empty() {
                let head: String = blocks[i..end].iter().map(|b| b.text.as_ref()).collect();
                out.boundary(i - 1, score(&head, &below, &above));
            }
            if text_above_opened_with_dateline(doc, i) {
                // A dated news story seldom has sections: a head run in it opens another.
                out.boundary(i - 1, DATED_TEXT_ABOVE);
            }
            i = end;
        }
    }
}

/// The end (exclusive) of the run of head-shaped blocks starting at `start`.
fn head_run_end(blocks: &[Block<'_>], start: usize) -> usize {
    (start..blocks.len())
        .find(|&j| !is_head_shaped(&blocks[j]))
        .unwrap_or(blocks.len())
}

/// Log-odds that the head text opens a story, from the lead below and the tail above.
fn score(head: &str, below: &[&Profile], above: &[&Profile]) -> f32 {
    let profile = bigram_profile(head);
    let lead = (coverage_by_any(&profile, below) - coverage_by_any(&profile, above)) as f32;
    let clause = f32::from(u8::from(head.contains(['，', '、', ','])));
    let length = head.chars().count() as f32 / 20.0;
    LEAD_WEIGHT * lead + CLAUSE_WEIGHT * clause + LENGTH_WEIGHT * length - CENTRE
}

/// The bigram profiles of the running-text blocks met in `order` (head-shaped blocks
/// skipped) until they hold [`CONTEXT_CHARS`] characters, a line break counted after each.
fn prose_context<'d>(
    doc: &'d Document<'_>,
    order: impl Iterator<Item = usize>,
) -> Vec<&'d Profile> {
    let (blocks, bigrams) = (doc.blocks(), doc.bigrams());
    let mut chars = 0;
    let mut context = Vec::new();
    for j in order.filter(|&j| is_prose(&blocks[j])) {
        context.push(&bigrams[j]);
        chars += blocks[j].chars + 1;
        if chars >= CONTEXT_CHARS {
            break;
        }
    }
    context
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Evidence;

    fn boundary_above(page: &str) -> f32 {
        let doc = Document::parse(page);
        let mut ev = Evidence::new(doc.blocks().len(), false);
        Opening.detect(&doc, &mut ev.sink("opening", 1.0));
        ev.boundary(0)
    }

    #[test]
    fn a_title_echoed_by_the_lead_opens_a_story() {
        let page = "上一篇报道讲的是冬季供暖，各小区已经恢复正常供热。\n\n\
                    甲县新建十座水库保障春耕用水\n\n\
                    甲县今年新建十座水库，水库蓄水后可灌溉农田三万亩。\n";
        assert!(boundary_above(page) > 0.0);
    }

    #[test]
    fn a_head_run_in_a_dated_story_opens_another() {
        let dated =
            "甲县推进乡村振兴\n\n本报甲县3月5日电（记者张三）甲县今年新建公路八十公里。\n\n\
                     乙市开展春风行动\n\n乙市人社局近日在各乡镇集市开展现场招聘活动。\n";
        let plain = "甲县推进乡村振兴\n\n甲县今年新建公路八十公里，乡村振兴的路越走越宽。\n\n\
                     乙市开展春风行动\n\n乙市人社局近日在各乡镇集市开展现场招聘活动。\n";
        let boundary = |page: &str| {
            let doc = Document::parse(page);
            let mut ev = Evidence::new(doc.blocks().len(), false);
            Opening.detect(&doc, &mut ev.sink("opening", 1.0));
            ev.boundary(1)
        };
        assert!((boundary(dated) - boundary(plain) - DATED_TEXT_ABOVE).abs() < 1e-6);
        // With no head above it, the dated text may take the run below as its head.
        let headless = "本报甲县3月5日电（记者张三）甲县今年新建公路八十公里。\n\n\
                        甲县推进乡村振兴\n\n乙市人社局近日在各乡镇集市开展现场招聘活动。\n";
        let doc = Document::parse(headless);
        assert!(!text_above_opened_with_dateline(&doc, 1));
    }

    #[test]
    fn a_short_line_with_a_comma_echoing_both_sides_is_a_section() {
        let page = "村里的果园今年丰收，果园的苹果销往全国各地。\n\n\
                    果园丰收，之后\n\n\
                    丰收之后，果园主人又开始忙着修剪果树，准备明年。\n";
        assert!(boundary_above(page) < 0.0);
    }
}
