//! Subheads: short lines inside a body, often in pairs (a line of a narrow column may wrap
//! inside a word), with running text above and below;
//! the subheads of one article are set alike (same punctuation, about the same length);
//! a section label (`核心阅读`, `编者按`) is one wherever it stands.

use super::author::names_a_reporter;
use super::byline::opens_with_byline;
use super::closing::is_attribution;
use super::cohesion::{cosine, merge, Profile};
use super::continuation::{cut_at_column_foot, word_spans_joint};
use super::photo::is_credit;
use super::shape::{has_column_tag, is_head_shaped, is_prose, JOINING_CHARS};
use crate::text::is_digit;
use crate::{Block, Detector, Document, EvidenceSink, Role};
use std::cell::OnceCell;
use std::ops::Range;

/// Longest subhead, in characters.
const MAX_SUBHEAD_CHARS: usize = 24;

/// Longest second line of a subhead pair, in characters.
const MAX_PAIR_SECOND_CHARS: usize = 32;

/// Emits `subhead` evidence for short head-shaped blocks (or pairs of them) that sit
/// between paragraphs of running text, and evidence that no story boundary cuts a pair.
pub struct Subhead;

impl Detector for Subhead {
    fn name(&self) -> &str {
        "subhead"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        let short = |i: usize| may_be_subhead(&blocks[i]) && blocks[i].chars <= MAX_SUBHEAD_CHARS;
        // A full column line cut at the column's foot is running text too.
        let prose = |i: usize| {
            let cut = blocks
                .get(i + 1)
                .is_some_and(|below| cut_at_column_foot(doc, &blocks[i], below));
            (is_prose(&blocks[i]) || cut) && !opens_with_byline(&blocks[i].text)
        };
        // A subhead set in a narrow column wraps onto a second line inside a word
        // (`城乡居民肉、蛋、奶类消` / `费量成倍增长`): the two lines are one subhead.
        let wrapped = |j: usize| {
            j + 1 < blocks.len()
                && short(j)
                && short(j + 1)
                && adjacent_lines(doc, j)
                && word_spans_joint(&blocks[j].text, &blocks[j + 1].text)
        };
        let last_of = |j: usize| if wrapped(j) { j + 1 } else { j };
        let mut i = 1;
        while i + 1 < blocks.len() {
            if !short(i) || !prose(i - 1) {
                i += 1;
                continue;
            }
            let first_end = last_of(i);
            // The second line of a pair may run longer: a title and its gloss.
            let second =
                |j: usize| may_be_subhead(&blocks[j]) && blocks[j].chars <= MAX_PAIR_SECOND_CHARS;
            // Where the second line of a pair ends, if there is a pair.
            let pair_end = (first_end + 1 < blocks.len())
                .then(|| last_of(first_end + 1))
                .filter(|&e| {
                    e + 1 < blocks.len()
                        && second(first_end + 1)
                        && prose(e + 1)
                        && (adjacent_lines(doc, first_end)
                            || !doc.layout().wrapped && is_gloss(&blocks[first_end + 1]))
                });
            let end = pair_end.unwrap_or(first_end);
            if end + 1 < blocks.len() && prose(end + 1) {
                // A reporter's line under a subhead is the section's author, not the
                // pair's second line.
                for j in (i..=end).filter(|&j| !names_a_reporter(&blocks[j].text)) {
                    out.role(j, Role::Subhead, 1.5);
                }
                for j in i..end {
                    out.boundary(j, -0.5);
                }
            }
            i = end + 1;
        }
        mark_parallel_runs(doc, out);
        for (i, block) in blocks.iter().enumerate() {
            // At the top of a page too: the story's head is printed elsewhere.
            if is_section_label(&block.text) {
                out.role(i, Role::Subhead, SECTION_LABEL_SUBHEAD);
                if i > 0 {
                    out.boundary(i - 1, -SECTION_LABEL_SUBHEAD);
                }
            }
            // A summary box stands right under its story's head: the title-shaped line
            // above it is a head line, not text.
            if i > 0
                && SUMMARY_LABELS.contains(&without_bullet(&block.text))
                && is_head_shaped(&blocks[i - 1])
            {
                out.role(i - 1, Role::Body, -SUMMARY_TITLE_NOT_TEXT);
            }
        }
    }
}

/// Labels of a summary box, which newspapers set right under a story's head.
const SUMMARY_LABELS: [&str; 2] = ["核心阅读", "内容提要"];

/// Evidence against text for a title-shaped line right above a summary box (in the dev and
/// held-out gold, the line above `核心阅读` or `内容提要` is a headline or subtitle 315
/// times in 346).
const SUMMARY_TITLE_NOT_TEXT: f32 = 1.5;

/// Labels newspapers set over another part of an article (an editor's note, a reporter's
/// notes); these and [`SUMMARY_LABELS`] mark a section of the story, never its head.
const SECTION_LABELS: [&str; 4] = ["编者按", "开栏的话", "记者手记", "编后"];

/// True for a section label (`核心阅读`, `编者按`, `记者手记` …), also after a bullet
/// (`■记者手记`), a section's number alone (`（四）`, `(2)`, `三`), or a numbered part's
/// heading (`第一章  总  则`).
pub fn is_section_label(text: &str) -> bool {
    let label = without_bullet(text);
    SUMMARY_LABELS.contains(&label)
        || SECTION_LABELS.contains(&label)
        || is_section_number(label)
        || is_part_heading(label)
        || is_numbered_heading(label)
}

/// True for a numbered section's heading: a section number in Chinese numerals before `、`
/// or in brackets (`三、`, `（二）`), then a short title that ends no sentence and holds no
/// clause (`三、加强组织保障`); not a numbered paragraph (`三、加强组织保障，…`).
fn is_numbered_heading(label: &str) -> bool {
    let numerals = |s: &str| s.find(|c: char| !"一二三四五六七八九十".contains(c));
    let title = match label.strip_prefix(['（', '(']) {
        Some(rest) => numerals(rest)
            .filter(|&end| end > 0)
            .and_then(|end| rest[end..].strip_prefix(['）', ')'])),
        None => numerals(label)
            .filter(|&end| end > 0)
            .and_then(|end| label[end..].strip_prefix('、')),
    };
    title.is_some_and(|title| {
        let title = title.trim();
        let chars = title.chars().count();
        (2..=MAX_NUMBERED_TITLE_CHARS).contains(&chars) && !title.contains(CLAUSE_MARKS)
    })
}

/// Longest title of a numbered section heading, in characters.
const MAX_NUMBERED_TITLE_CHARS: usize = 20;

/// Marks that end a sentence or a clause: a heading's title holds none.
const CLAUSE_MARKS: [char; 12] = [
    '。', '！', '？', '，', '；', '：', '!', '?', ',', ';', ':', '…',
];

/// True for the heading of a numbered part of a long text (a law, a plan, a report): a
/// part, chapter or section number (`第一章`, `第二节`, `第3编`, `第四部分`) alone or
/// followed, after white space, by a short title that ends no sentence (`第二节 工作目标`);
/// not text that reads on from the number (`第一节课上，…`).
fn is_part_heading(label: &str) -> bool {
    let Some(rest) = label.strip_prefix('第') else {
        return false;
    };
    let number_end = rest
        .find(|c: char| !("一二三四五六七八九十百零〇".contains(c) || c.is_ascii_digit()))
        .unwrap_or(rest.len());
    let Some(title) = ["章", "节", "编", "部分"]
        .iter()
        .find_map(|part| rest[number_end..].strip_prefix(part))
    else {
        return false;
    };
    number_end > 0
        && (title.is_empty() || title.starts_with(char::is_whitespace))
        && label.chars().count() <= MAX_PART_HEADING_CHARS
        && !title.contains(['。', '！', '？', '，', '；', '：'])
}

/// Longest numbered part heading, in characters (white space included).
const MAX_PART_HEADING_CHARS: usize = 30;

/// True for a section's number alone on its line: up to three Chinese numerals, bare or in
/// brackets, or up to two digits in brackets (white space aside: `( 一 )` justified).
fn is_section_number(label: &str) -> bool {
    if label.len() > 24 {
        return false;
    }
    let label: String = label.split_whitespace().collect();
    let (inner, bracketed) = match label
        .strip_prefix(['（', '('])
        .and_then(|rest| rest.strip_suffix(['）', ')']))
    {
        Some(inner) => (inner, true),
        None => (label.as_str(), false),
    };
    let numerals = inner.chars().count();
    (1..=3).contains(&numerals) && inner.chars().all(|c| "一二三四五六七八九十".contains(c))
        || bracketed && (1..=2).contains(&numerals) && inner.chars().all(is_digit)
}

/// The text without surrounding white space and a leading bullet (`■记者手记` →
/// `记者手记`).
pub fn without_bullet(text: &str) -> &str {
    text.trim().trim_start_matches(BULLETS).trim_start()
}

/// Bullets set before a label or an author line: `□`, `■`, `●`.
const BULLETS: [char; 7] = ['□', '■', '●', '◎', '○', '◆', '◇'];

/// Subhead evidence for a section label, and evidence against a story opening at it.
const SECTION_LABEL_SUBHEAD: f32 = 3.0;

/// True for a head-shaped block that is neither a closing attribution (`（本报记者…）`) nor
/// a title with a column tag (`…（人民时评）`), which a subhead never carries.
fn may_be_subhead(block: &Block<'_>) -> bool {
    is_head_shaped(block)
        && !is_attribution(&block.text, block.chars)
        && !has_column_tag(block.text.trim())
}

/// Bigram cosine between the texts of two head runs set alike from which they are sections
/// of one article; below it, the items of a page of briefs, each a story of its own.
const SECTIONS_RELATED: f64 = 0.02;

/// Subhead evidence for a head run set like its neighbour run.
const PARALLEL_SUBHEAD: f32 = 2.0;
/// Boundary evidence against a story opening at a head run set like its neighbour.
const PARALLEL_BOUNDARY: f32 = -1.0;
/// Largest difference in length, in characters, between lines set alike.
const PARALLEL_SLACK: usize = 3;

/// Finds neighbouring head runs between paragraphs that are set alike, line for line (the
/// same clause marks, dashes and question marks; quotes and title marks go with the words),
/// over texts that share some words (the sections of one article; unrelated texts under
/// heads set alike are a page of briefs), and marks them as subheads that open no story.
fn mark_parallel_runs(doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
    let blocks = doc.blocks();
    let runs = head_runs(blocks);
    let mut parallel = vec![false; runs.len()];
    // The words of the running text each run heads, up to the next run (the last: to the
    // page's end), merged only for runs set alike.
    let sections: Vec<OnceCell<Profile>> = vec![OnceCell::new(); runs.len()];
    let section = |r: usize| {
        sections[r].get_or_init(|| {
            let end = runs.get(r + 1).map_or(blocks.len(), |next| next.start);
            merge(doc.bigrams()[runs[r].end..end].iter())
        })
    };
    // Sections may alternate two kinds of head (a subhead pair, then a one-line label), so
    // a run is compared with the two runs before it.
    for r in 1..runs.len() {
        for q in r.saturating_sub(2)..r {
            if set_alike(&blocks[runs[q].clone()], &blocks[runs[r].clone()])
                && cosine(section(q), section(r)) >= SECTIONS_RELATED
            {
                parallel[q] = true;
                parallel[r] = true;
            }
        }
    }
    for run in runs
        .iter()
        .zip(&parallel)
        .filter(|(_, &p)| p)
        .map(|(r, _)| r)
    {
        for i in run.clone() {
            out.role(i, Role::Subhead, PARALLEL_SUBHEAD);
        }
        out.boundary(run.start - 1, PARALLEL_BOUNDARY);
    }
}

/// Maximal runs of head lines with running text (not a byline) right above and below.
fn head_runs(blocks: &[Block<'_>]) -> Vec<Range<usize>> {
    let head = |b: &Block<'_>| may_be_subhead(b) && !is_credit(&b.text, b.chars);
    // Running text: not a head line (`…：` or `…，` included), not a story's byline.
    let text = |b: &Block<'_>| !is_head_shaped(b) && !opens_with_byline(&b.text);
    let mut runs = Vec::new();
    let mut i = 1;
    while i < blocks.len() {
        if !head(&blocks[i]) || !text(&blocks[i - 1]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < blocks.len() && head(&blocks[i]) {
            i += 1;
        }
        if blocks.get(i).is_some_and(text) {
            runs.push(start..i);
        }
    }
    runs
}

/// True when two head runs have as many lines, and each line the same punctuation and
/// about the same length as its counterpart, or a line the same text as its counterpart (a
/// section label that recurs, such as `记者手记`).
fn set_alike(a: &[Block<'_>], b: &[Block<'_>]) -> bool {
    let marks =
        |t: &str| -> String { t.chars().filter(|c| "，、：—？！·".contains(*c)).collect() };
    let same_text = |x: &Block<'_>, y: &Block<'_>| x.text.trim() == y.text.trim();
    let same_shape = |x: &Block<'_>, y: &Block<'_>| {
        x.chars.abs_diff(y.chars) <= PARALLEL_SLACK && marks(&x.text) == marks(&y.text)
    };
    let recurring_label = a.iter().zip(b).any(|(x, y)| same_text(x, y));
    // A title over a line of a marked shape (`（某国）某某`, a piece's author): the titles'
    // lengths may differ.
    let bracketed = |x: &Block<'_>| x.text.trim_start().starts_with(['（', '(']);
    let titled = a.len() > 1
        && marks(&a[0].text) == marks(&b[0].text)
        && a[1..]
            .iter()
            .zip(&b[1..])
            .all(|(x, y)| same_shape(x, y) && bracketed(x) && bracketed(y));
    a.len() == b.len()
        && (recurring_label
            || titled
            || (a.len() > 1 || !marks(&a[0].text).is_empty())
                && a.iter().zip(b).all(|(x, y)| same_shape(x, y)))
}

/// True for the second line of a subhead pair set apart from the first by a blank line: a
/// gloss of several clauses (`深化改革开放，正向推动是机遇，倒逼推动也是机遇`), not a piece of
/// text cut off on a joining word (`…跨年晚会与元旦的`), nor a short clause (`去年8月起`)
/// or an author line.
fn is_gloss(block: &Block<'_>) -> bool {
    let text = block.text.trim_end();
    text.contains(['，', ',', '、', '；']) && !text.ends_with(JOINING_CHARS)
}

/// True when block `i` ends on the line just above block `i + 1` (no blank line between).
pub(super) fn adjacent_lines(doc: &Document<'_>, i: usize) -> bool {
    let blocks = doc.blocks();
    blocks[i]
        .lines
        .last()
        .is_some_and(|&l| blocks[i + 1].lines[0] == l + 1)
}

#[cfg(test)]
mod tests {
    use super::super::{evidence_of, COLUMN_OF_13};
    use super::*;
    use crate::Evidence;

    fn evidence(page: &str) -> Evidence {
        evidence_of(&Subhead, page)
    }

    #[test]
    fn a_section_label_is_a_subhead_of_the_story() {
        let ev = evidence("甲县修路\n\n核心阅读\n\n村里的路修好了，村民出行方便多了。\n");
        assert!(ev.roles(1)[Role::Subhead.index()] > 0.0);
        assert!(ev.boundary(0) < 0.0);
        // At the top of the page too: the story's head is printed elsewhere.
        let ev = evidence("核心阅读\n\n村里的路修好了，村民出行方便多了。\n");
        assert!(ev.roles(0)[Role::Subhead.index()] > 0.0);
    }

    #[test]
    fn the_title_above_a_summary_box_is_no_text() {
        let ev = evidence("甲县推进老旧小区改造\n\n加装电梯 居民点赞\n\n核心阅读\n\n甲县今年改造老旧小区三十个，加装电梯一百部。\n");
        assert!(ev.roles(1)[Role::Body.index()] < 0.0);
        // Text above a summary box is left alone.
        let ev = evidence("甲县今年改造老旧小区三十个，加装电梯一百部。\n\n核心阅读\n");
        assert_eq!(ev.roles(0)[Role::Body.index()], 0.0);
    }

    #[test]
    fn a_section_number_alone_is_a_section_label() {
        for number in ["（四）", "(2)", "三", "十二", "( 一 )", "■（五）"] {
            assert!(is_section_label(number), "{number}");
        }
        for text in ["2", "四川", "（上）", "(123)", "一二三四"] {
            assert!(!is_section_label(text), "{text}");
        }
    }

    #[test]
    fn a_numbered_part_heading_is_a_section_label() {
        for heading in [
            "第一章",
            "第一章\u{a0}\u{a0}总\u{a0}\u{a0}则",
            "第二节 工作目标",
            "第3编 附则",
            "第四部分 保障措施",
        ] {
            assert!(is_section_label(heading), "{heading}");
        }
        for text in [
            "第一节课上，老师讲了一个故事。",
            "第二节 课后，同学们围着老师提问。",
            "第一名",
            "第章",
            "第三条 为了规范和管理密码应用，保障网络与信息安全，制定本法。",
        ] {
            assert!(!is_section_label(text), "{text}");
        }
    }

    #[test]
    fn a_numbered_section_heading_is_a_section_label() {
        for heading in [
            "一、总体要求",
            "十二、加强组织保障",
            "（三）完善工作机制",
            "(二) 主要目标",
        ] {
            assert!(is_section_label(heading), "{heading}");
        }
        for text in [
            "一、坚持问题导向，突出工作重点。",
            "三、",
            "一、二、三等奖名单将于下月公布并颁发证书给获奖的各位代表",
            "一是加强组织领导",
        ] {
            assert!(!is_section_label(text), "{text}");
        }
    }

    #[test]
    fn a_reporter_under_a_subhead_is_no_second_line_of_it() {
        let text = "甲县今年以来深入推进改革，各项工作取得积极进展。\n坚持改革创新\n本报记者 张三\n乙镇先行先试，探索出一条新路子，受到群众欢迎。\n丙村发展特色产业\n本报记者 李四\n丙村种植蔬菜，带动农民增收，日子越过越红火。\n";
        let ev = evidence(text);
        for head in [1, 4] {
            assert!(ev.roles(head)[Role::Subhead.index()] > 1.0, "{head}");
        }
        for reporter in [2, 5] {
            assert_eq!(ev.roles(reporter)[Role::Subhead.index()], 0.0, "{reporter}");
        }
    }

    #[test]
    fn pair_between_paragraphs() {
        let text = "甲县今年以来深入推进改革，各项工作取得积极进展。\n\n坚持改革创新\n激发发展活力\n\n乙镇先行先试，探索出一条新路子，受到群众欢迎。\n";
        let ev = evidence(text);
        assert!(ev.roles(1)[Role::Subhead.index()] > 1.0);
        assert!(ev.roles(2)[Role::Subhead.index()] > 1.0);
        assert!(ev.boundary(1) < 0.0);
        assert_eq!(ev.roles(0)[Role::Subhead.index()], 0.0);
    }

    #[test]
    fn a_pair_set_apart_by_a_blank_line_is_a_subhead_when_its_second_line_is_a_gloss() {
        let body = "甲县今年以来深入推进改革，各项工作取得积极进展。";
        let page = |second: &str| format!("{body}\n\n挑战也能变机遇\n\n{second}\n\n{body}\n");
        let ev = evidence(&page("深化改革开放，正向推动是机遇，倒逼推动也是机遇"));
        assert!(ev.roles(1)[Role::Subhead.index()] > 1.0);
        assert!(ev.roles(2)[Role::Subhead.index()] > 1.0);
        // A piece of text cut off on a joining word, or a short clause, is no gloss.
        for second in ["跨年晚会与元旦的", "去年8月起"] {
            assert_eq!(evidence(&page(second)).roles(2)[Role::Subhead.index()], 0.0);
        }
    }

    #[test]
    fn a_subhead_wrapped_inside_a_word_is_one_subhead_of_a_pair() {
        let column = COLUMN_OF_13;
        // `消费` runs across the wrap of the second subhead.
        let page =
            format!("{column}\n结构均衡 体验丰富\n城乡居民肉、蛋、奶类消\n费量成倍增长\n{column}");
        let ev = evidence(&page);
        for subhead in [1, 2, 3] {
            assert!(ev.roles(subhead)[Role::Subhead.index()] > 0.0, "{subhead}");
        }
        assert!(ev.boundary(2) < 0.0);
        // Three short lines with no word across a joint are no subhead.
        let page =
            format!("{column}\n结构均衡 体验丰富\n城乡居民肉蛋奶类\n消费量成倍增长\n{column}");
        assert_eq!(evidence(&page).roles(2)[Role::Subhead.index()], 0.0);
    }

    #[test]
    fn a_pair_above_a_column_line_cut_at_the_foot_is_a_subhead() {
        let column = COLUMN_OF_13;
        let page =
            format!("{column}\n坚持改革创新\n激发发展活力\n县委书记张三在座谈会上介绍\n\n{column}");
        let ev = evidence(&page);
        assert!(ev.roles(1)[Role::Subhead.index()] > 0.0);
        assert!(ev.roles(2)[Role::Subhead.index()] > 0.0);
    }

    #[test]
    fn a_recurring_label_between_other_heads_is_a_subhead() {
        let body = "甲县今年以来深入推进改革，各项工作取得积极进展，群众满意度不断提升。";
        let page = format!(
            "{body}\n\n修好一条路\n致富一方人\n\n{body}\n\n记者手记\n\n{body}\n\n\
             种好一片茶\n富裕一村人家\n\n{body}\n\n记者手记\n\n{body}\n"
        );
        let ev = evidence(&page);
        for label in [4, 9] {
            assert!(ev.roles(label)[Role::Subhead.index()] >= PARALLEL_SUBHEAD);
        }
    }

    #[test]
    fn closing_attributions_and_tagged_titles_are_not_subheads() {
        let body = "甲县今年以来深入推进改革，各项工作取得积极进展，群众满意度不断提升。";
        let page = format!(
            "{body}\n\n（本报记者 张三）\n\n{body}\n\n乙市的新变化（人民时评）\n\n{body}\n"
        );
        let ev = evidence(&page);
        assert_eq!(ev.roles(1)[Role::Subhead.index()], 0.0);
        assert_eq!(ev.roles(3)[Role::Subhead.index()], 0.0);
    }

    #[test]
    fn head_runs_set_alike_are_sections_of_one_article() {
        let body = "甲县今年以来深入推进改革，各项工作取得积极进展，群众满意度不断提升。";
        // Quotes and title marks belong to the words, not to how the heads are set.
        for title in ["麦田用上了新机", "麦田用上“新机”"] {
            let page = format!(
                "{body}\n\n东部山区——\n\n茶园变成了景区\n\n{body}\n\n西部平原——\n\n\
                 {title}\n\n{body}\n\n乙市召开全市经济工作会议\n\n{body}\n"
            );
            let ev = evidence(&page);
            for alike in [1, 2, 4, 5] {
                assert!(ev.roles(alike)[Role::Subhead.index()] >= PARALLEL_SUBHEAD);
            }
            assert!(ev.boundary(0) < 0.0 && ev.boundary(3) < 0.0);
            let subhead = |i: usize| ev.roles(i)[Role::Subhead.index()];
            assert!(subhead(7) < PARALLEL_SUBHEAD, "not set like its neighbour");
            assert_eq!(ev.boundary(6), 0.0);
        }
    }

    #[test]
    fn titles_of_any_length_over_bracketed_authors_are_set_alike() {
        // A symposium: each piece's title over its author (`（某国）某某`), on one topic.
        let body = "各国共建合作平台，贸易往来日益密切，合作成果惠及各国人民。";
        let page = format!(
            "{body}\n\n合作带来新机遇\n\n（甲国）张伟\n\n{body}\n\n\
             共建合作平台让各国人民受益更多\n\n（乙国）刘洋明\n\n{body}\n"
        );
        let ev = evidence(&page);
        for head in [1, 2, 4, 5] {
            assert!(
                ev.roles(head)[Role::Subhead.index()] >= PARALLEL_SUBHEAD,
                "{head}"
            );
        }
        // Without the bracketed author lines the titles' lengths differ too much.
        let plain = format!(
            "{body}\n\n合作带来新机遇\n\n{body}\n\n共建合作平台让各国人民受益更多\n\n{body}\n"
        );
        let ev = evidence(&plain);
        assert!(ev.roles(1)[Role::Subhead.index()] < PARALLEL_SUBHEAD);
    }

    #[test]
    fn briefs_under_heads_set_alike_are_no_sections() {
        // Each title with its author line, over a text of its own topic.
        let page = "甲县新建公园十座，市民休闲有了更多去处。\n\n\
                    乙县学校迎来新图书室\n\n记者 张伟 通讯员 刘洋\n\n\
                    乙县三十所乡村学校的图书室陆续建成，每间配备图书三千册。\n\n\
                    丙市秋粮收购有序推进\n\n本报记者 陈静\n\n\
                    眼下正是秋粮收购时节，各收购点秩序井然，农民售粮排队时间缩短。\n";
        let ev = evidence(page);
        for head in [1, 2, 4, 5] {
            assert!(
                ev.roles(head)[Role::Subhead.index()] < PARALLEL_SUBHEAD,
                "{head}"
            );
        }
        assert!(ev.boundary(3) >= 0.0);
    }
}
