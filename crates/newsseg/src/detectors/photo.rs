//! Photo items: captions (`图为…`, `上图：…`) and credit lines (`张三 摄`, `…摄（影像中国）`,
//! `供图`, `制图`, `新华社发`, `资料图片`), a credit alone on its line closing a caption, and
//! the label over a photo item (`图片报道`) as its head; a dated caption (`4月16日，…`), a
//! news caption (`…迎来丰收季。图为…` closed by a credit line), or a title over a caption
//! (`图为…`, or up to two paragraphs closed by a credit line), after running text opens a
//! photo item of its own.

use super::shape::{is_head_shaped, is_prose};
use crate::text::{ends_mid_sentence, ends_sentence};
use crate::{Block, Detector, Document, EvidenceSink, Role};
use memchr::memmem::Finder;
use regex::Regex;
use std::sync::OnceLock;

/// A credit at the end of a text: `张三 摄`, `…摄（影像中国）`, `新华社发`.
const CREDIT_AT_END: &str = concat!(
    r"(?:摄|摄影|摄影报道|供图|制图|绘图|绘|新华社发|新华社传真|资料图片|图片来源[^，。]*|视觉中国)",
    r"\s*(?:[（(][^）)]{1,12}[）)]|[）)])?\s*$",
);

/// Credit lines by their start or their whole shape (the credit at the end is a pattern of
/// its own, [`credit_at_end_pattern`]: kept apart, each is searched anchored, from the end
/// or from the start, not across the whole line).
fn credit_line_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            &[
                r"^(?:本版|本期)?(?:制图|图片|图|摄影|设计|版式设计|版式|漫画|统筹)\s*[：:/／]",
                r"^(?:本版|本期)?图片[^，。]{0,20}提供$",
                // `某某图  某某文`: who drew the picture and who wrote the text.
                r"^[\p{Han}·\s]{1,16}[图摄]\s+[\p{Han}·\s]{1,16}文$",
                r"^[\p{Han}·\s]{1,16}文\s+[\p{Han}·\s]{1,16}[图摄]$",
            ]
            .join("|"),
        )
        .expect("credit pattern compiles")
    })
}

fn credit_at_end_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(CREDIT_AT_END).expect("credit pattern compiles"))
}

/// Longest credit, in characters, looked for at the end of a long text.
const CREDIT_TAIL_CHARS: usize = 40;

/// True for text that ends with a credit (`…图为村民在劳作。（张三摄）`); only its last
/// [`CREDIT_TAIL_CHARS`] characters are searched.
fn ends_with_credit(text: &str) -> bool {
    let start = text
        .char_indices()
        .rev()
        .nth(CREDIT_TAIL_CHARS - 1)
        .map_or(0, |(i, _)| i);
    credit_at_end_pattern().is_match(&text[start..])
}

fn caption_opening() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:(?:上|下|左|右|本版|题)?图\s*[①-⑩0-9一二三四]?\s*[：:为]|图\s*[①-⑩]|▲|△)")
            .expect("caption pattern compiles")
    })
}

/// True for a short line that is only a photo or graphic credit: no sentence or clause
/// before it (`图为…。张三摄` is a caption that carries its credit).
pub fn is_credit(text: &str, chars: usize) -> bool {
    let text = text.trim();
    chars <= 30
        && !text.contains(SENTENCE_MARKS)
        && (credit_at_end_pattern().is_match(text) || credit_line_pattern().is_match(text))
}

/// True for a line that is a photo credit for sure: with a reporter's role
/// (`新华社记者 某某摄`), white space inside or before the name (`王 正摄`), or in brackets
/// (`某某摄（影像中国）`, `（某某摄）`). No column of running text stops on such a line, which
/// [`is_credit`] alone cannot tell from one cut after `…测绘` or `…摄影`.
pub fn is_signed_credit(text: &str) -> bool {
    let text = text.trim();
    is_credit(text, text.chars().count())
        && (text.contains("记者")
            || text.contains("通讯员")
            || text.contains(char::is_whitespace)
            || text.starts_with(['（', '('])
            || text.ends_with(['）', ')']))
}

/// Punctuation that a caption holds and a credit line does not.
const SENTENCE_MARKS: [char; 5] = ['。', '，', '；', '！', '？'];

/// True for text that reads as a photo caption: `图为` anywhere, or an opening such as
/// `上图：` or `图①`.
pub fn is_caption(text: &str) -> bool {
    static PHOTO_SHOWS: OnceLock<Finder<'static>> = OnceLock::new();
    let shows = PHOTO_SHOWS.get_or_init(|| Finder::new("图为"));
    shows.find(text.as_bytes()).is_some() || caption_opening().is_match(text.trim_start())
}

/// Emits `credit` and `caption` role evidence, and boundary evidence after a credit line
/// (a photo item is closed by its credit).
pub struct Photo;

/// Head and boundary evidence for a photo item's label.
const PHOTO_LABEL_HEAD: f32 = 2.0;

/// Boundary evidence between running text and a dated caption below it.
const DATED_CAPTION: f32 = 2.5;

/// Boundary evidence between running text and a news caption below it.
const NEWS_CAPTION: f32 = 2.5;

/// Boundary evidence between running text and the title of a photo item below it.
const PHOTO_TITLE: f32 = 2.0;

/// A page's blocks and which of them are credit lines (each tested once).
struct PhotoPage<'p, 't> {
    blocks: &'p [Block<'t>],
    credits: Vec<bool>,
}

impl<'p, 't> PhotoPage<'p, 't> {
    fn new(blocks: &'p [Block<'t>]) -> PhotoPage<'p, 't> {
        let credits = blocks.iter().map(|b| is_credit(&b.text, b.chars)).collect();
        PhotoPage { blocks, credits }
    }

    /// True when block `i` is a head line right above a caption (`图为…`, or prose closed
    /// by a credit line).
    fn titles_photo_item(&self, i: usize) -> bool {
        is_head_shaped(&self.blocks[i]) && !self.credit_at(i) && self.reads_as_caption(i + 1)
    }

    /// True when block `k` exists and is a credit line.
    fn credit_at(&self, k: usize) -> bool {
        self.credits.get(k) == Some(&true)
    }

    /// True when block `k` exists and reads as a caption: `图为…`, or prose closed by a
    /// credit line.
    fn reads_as_caption(&self, k: usize) -> bool {
        self.blocks
            .get(k)
            .is_some_and(|b| is_caption(&b.text) || self.closed_by_credit(k))
    }

    /// True when block `k` opens a run of at most [`CAPTION_PARAGRAPHS`] prose blocks that
    /// a credit line closes.
    fn closed_by_credit(&self, k: usize) -> bool {
        (k..k + CAPTION_PARAGRAPHS)
            .take_while(|&j| self.blocks.get(j).is_some_and(is_prose))
            .any(|j| self.credit_at(j + 1))
    }

    /// True when block `i` is a dated caption: it opens with a day and reads as a caption
    /// (`图为…`) or is closed by a credit line.
    fn is_dated_caption(&self, i: usize) -> bool {
        let text = &self.blocks[i].text;
        opens_with_date(text) && (self.closed_by_credit(i) || is_caption(text))
    }

    /// True when block `i` is a news caption: it tells the news in a sentence of its own
    /// before showing the photo (`…迎来丰收季。图为…`) and a credit line closes it.
    fn is_news_caption(&self, i: usize) -> bool {
        let text = &self.blocks[i].text;
        self.credit_at(i + 1)
            && text
                .find("图为")
                .is_some_and(|at| ends_sentence(&text[..at]))
    }

    /// True when block `i` opens a photo item of its own: a caption, or prose closed by its
    /// own credit line.
    fn opens_photo_item(&self, i: usize) -> bool {
        !self.credit_at(i) && self.reads_as_caption(i)
    }
}

/// True for a credit line of a photo, not of a chart or of a whole page (`制图：…`,
/// `本版制图：…`, `本版图片均由…提供`): only a photo's credit closes a caption above it.
fn credits_a_photo(credit: &str) -> bool {
    !["制图", "本版"].iter().any(|word| credit.contains(word))
}

/// The blocks right above block `last`, a caption's last block, that are lines of the same
/// caption set apart by blank lines (extraction prints a blank line where type is set
/// with a leading wider than its size, as captions often are): on a wrapped page, when
/// `last` is one line, the lines above it that are each one line, one blank line above the
/// next, as long as the caption's longest line (within [`SPACED_LINE_SLACK`] characters; the
/// last may be shorter) and stopping inside a sentence that runs on below, or shorter and
/// ending a sentence: the last line of a paragraph of the caption.
fn spaced_caption_lines(doc: &Document<'_>, last: usize) -> std::ops::Range<usize> {
    let blocks = doc.blocks();
    let mut first = last;
    let spaced_out = doc.layout().wrapped && blocks[last].lines.len() == 1;
    // The longest line of the caption so far: its column's width.
    let mut width = blocks[last].chars;
    while spaced_out && first > 0 && last - first < MAX_SPACED_CAPTION_LINES {
        let (above, below) = (&blocks[first - 1], &blocks[first]);
        let spaced = above.lines.len() == 1 && above.lines[0] + 2 == below.lines[0];
        let as_long =
            first == last || above.chars.abs_diff(below.chars.max(width)) <= SPACED_LINE_SLACK;
        // A paragraph of the caption ends on a shorter line, below a full one.
        let paragraph_end = above.chars < width && ends_sentence(&above.text);
        if !(spaced && (as_long && ends_mid_sentence(&above.text) || paragraph_end))
            || is_credit(&above.text, above.chars)
        {
            break;
        }
        width = width.max(below.chars);
        first -= 1;
    }
    first..last
}

/// True for one line of a wrapped page's column that stops inside a clause (`…，构成了一幅丰`):
/// as long as the column within [`SPACED_LINE_SLACK`] characters, a clause mark inside, cut
/// at its end. A head line, however short its column, never runs on like that.
fn is_column_line(doc: &Document<'_>, block: &Block<'_>) -> bool {
    let width = doc.layout().wrap_width;
    doc.layout().wrapped
        && block.lines.len() == 1
        && block.chars + SPACED_LINE_SLACK >= width
        && block.text.contains(['，', '、', '；'])
        && ends_mid_sentence(&block.text)
}

/// Most lines set apart above a caption's last block that read as its lines (a caption in two
/// narrow columns, its lines read across, may have a dozen).
const MAX_SPACED_CAPTION_LINES: usize = 16;

/// Largest difference in length, in characters, between two lines of a caption set apart.
const SPACED_LINE_SLACK: usize = 2;

/// Paragraphs a caption closed by a credit line may have.
const CAPTION_PARAGRAPHS: usize = 2;

/// True for text that opens with a day (`4月16日，…`, `16日，…`; justified: `1 0 月 2 2 日`).
fn opens_with_date(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(?:\d\s*\d?\s*月\s*)?\d\s*\d?\s*日").expect("date pattern compiles")
    })
    .is_match(text)
}

/// Boundary evidence between a credit and a photo item that follows it.
const NEXT_PHOTO_ITEM: f32 = 3.0;

/// True for a line that is only the label newspapers set over a photo item (`图片报道`,
/// `图片新闻`, `摄影报道`, `新闻图片`).
fn is_photo_item_label(text: &str) -> bool {
    ["图片报道", "图片新闻", "摄影报道", "新闻图片"].contains(&text.trim())
}

impl Detector for Photo {
    fn name(&self) -> &str {
        "photo"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        let page = PhotoPage::new(blocks);
        for (i, block) in blocks.iter().enumerate() {
            let credit = page.credits[i];
            if i > 0 && is_prose(&blocks[i - 1]) && page.titles_photo_item(i) {
                // A title right above a caption, after running text, heads a photo item.
                out.boundary(i - 1, PHOTO_TITLE);
            }
            if !credit && i > 0 && is_prose(&blocks[i - 1]) {
                // A dated caption after running text is a photo item of its own; so, more
                // weakly (the text above may be its first paragraph), is a news caption,
                // unless the text above is a dated caption (then surely its first paragraph).
                if page.is_dated_caption(i) {
                    out.boundary(i - 1, DATED_CAPTION);
                } else if page.is_news_caption(i) && !page.is_dated_caption(i - 1) {
                    out.boundary(i - 1, NEWS_CAPTION);
                }
            }
            if credit {
                out.role(i, Role::Credit, 6.0);
                if page.opens_photo_item(i + 1) {
                    out.boundary(i, NEXT_PHOTO_ITEM);
                }
                if i > 0
                    && (!is_head_shaped(&blocks[i - 1]) || is_column_line(doc, &blocks[i - 1]))
                    && credits_a_photo(&block.text)
                {
                    out.role(i - 1, Role::Caption, 2.0);
                    out.boundary(i - 1, -2.0);
                    for k in spaced_caption_lines(doc, i - 1) {
                        out.role(k, Role::Caption, 2.0);
                        out.boundary(k, -2.0);
                    }
                }
            } else if is_caption(&block.text) {
                out.role(i, Role::Caption, 3.0);
                // `标题` / description / `图为…`: the description under a photo item's
                // head is part of its caption.
                if i >= 2 && is_prose(&blocks[i - 1]) && is_head_shaped(&blocks[i - 2]) {
                    out.role(i - 1, Role::Caption, 2.0);
                }
            } else if ends_with_credit(block.text.trim_end()) {
                // A caption that carries its own credit at the end (`…（张三 摄）`).
                out.role(i, Role::Caption, 2.0);
            } else if is_photo_item_label(&block.text) {
                // `图片报道` heads a photo item of its own: its kicker when a title follows.
                let titled = blocks.get(i + 1).is_some_and(|next| {
                    is_head_shaped(next)
                        && !is_caption(&next.text)
                        && !next.text.contains(['，', ','])
                });
                let (head, kicker) = if titled { (0.0, 1.0) } else { (1.0, 0.0) };
                out.role(i, Role::Headline, PHOTO_LABEL_HEAD * head);
                out.role(i, Role::Kicker, PHOTO_LABEL_HEAD * (kicker + 0.5));
                if i > 0 {
                    out.boundary(i - 1, PHOTO_LABEL_HEAD);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{evidence_of, COLUMN_OF_13};
    use super::*;
    use crate::Document;

    #[test]
    fn only_a_photo_credit_makes_the_text_above_a_caption() {
        let page = |credit: &str| {
            format!("甲县今年新建公园12座，市民出门500米见园的比例提高到八成。\n\n{credit}\n")
        };
        let caption =
            |credit: &str| evidence_of(&Photo, &page(credit)).roles(0)[Role::Caption.index()];
        assert!(caption("本报记者 张三摄") > 0.0);
        assert!(caption("图片来源：新华社") > 0.0);
        for chart in ["制图：张三", "本版制图：李四", "本版图片均由甲县宣传部提供"]
        {
            assert_eq!(caption(chart), 0.0, "{chart}");
        }
    }

    #[test]
    fn the_lines_of_a_caption_set_apart_by_blank_lines_are_its_caption() {
        // A wrapped page, 13 characters to the column; the caption below the text is set
        // with a wider leading, a blank line between its lines.
        let caption = "乙县的农民在新修的水渠边劳\n\n作，今年的水稻长势格外喜\n\n人。\n\n张三摄\n";
        let page = |caption: &str| format!("{COLUMN_OF_13}\n{COLUMN_OF_13}\n{caption}");
        let spaced = page(caption);
        let doc = Document::parse(&spaced);
        assert_eq!(doc.layout().wrap_width, 13);
        let first = doc.blocks().len() - 4;
        let ev = evidence_of(&Photo, &spaced);
        for block in first..first + 3 {
            assert!(
                ev.roles(block)[Role::Caption.index()] > 0.0,
                "block {block}"
            );
        }
        assert_eq!(ev.roles(first - 1)[Role::Caption.index()], 0.0);
        // A line that ends a sentence is no line of the caption below it.
        let apart = caption.replace("作，今年的水稻长势格外喜", "作，今年水稻长势喜人。");
        let ev = evidence_of(&Photo, &page(&apart));
        assert_eq!(ev.roles(first)[Role::Caption.index()], 0.0);
    }

    #[test]
    fn a_caption_in_paragraphs_of_column_lines_set_apart_is_one_caption() {
        // Column lines of 13 characters, as head-shaped as any title, each set apart by a
        // blank line; the caption's first paragraph ends on a short line.
        let caption = "乙县的农民在新修的水渠边劳\n\n作，水稻长势喜人，丰收在望\n\n了。\n\n\
                       村里的合作社，今年新添了收\n\n割机，农民们干劲十足，乐在\n\n张三摄\n";
        let page = format!("{COLUMN_OF_13}\n{COLUMN_OF_13}\n{caption}");
        let doc = Document::parse(&page);
        assert_eq!(doc.layout().wrap_width, 13);
        let credit = doc.blocks().len() - 1;
        assert!(is_head_shaped(&doc.blocks()[credit - 1]));
        let ev = evidence_of(&Photo, &page);
        for block in credit - 5..credit {
            assert!(
                ev.roles(block)[Role::Caption.index()] > 0.0,
                "block {block}"
            );
        }
        assert_eq!(ev.roles(credit - 6)[Role::Caption.index()], 0.0);
    }

    #[test]
    fn a_caption_that_carries_its_credit_is_no_credit_line() {
        assert!(is_credit("本报记者 张三摄", 7));
        assert!(!is_credit("■小学生在做实验。 本报记者黄志强摄", 18));
        let ev = evidence_of(
            &Photo,
            "科学馆的活动反应热烈。\n\n■小学生在做实验。 本报记者黄志强摄\n",
        );
        assert!(ev.roles(1)[Role::Caption.index()] > 0.0);
        assert_eq!(ev.roles(0)[Role::Caption.index()], 0.0);
    }

    #[test]
    fn a_photo_item_label_heads_a_story() {
        let ev = evidence_of(
            &Photo,
            "甲县的路修好了。\n\n图片报道\n\n1月2日，乙县的农民在田间劳作。\n\n张三摄\n",
        );
        assert!(ev.roles(1)[Role::Headline.index()] > 0.0);
        assert!(ev.boundary(0) > 0.0);
        assert!(!is_photo_item_label("图片报道说明了一切"));
    }

    #[test]
    fn a_credit_closes_its_photo_item_before_the_next_one() {
        let page = "1月2日，甲县的农民在田间劳作。\n\n张三摄\n\n\
                    图为乙县新建的大桥。\n\n李四摄\n\n\
                    丙市的市民在广场上跳舞。\n\n王五摄\n\n\
                    丁县的路修好了，村民出行更方便了。\n";
        let ev = evidence_of(&Photo, page);
        assert!(ev.boundary(1) > 0.0, "a caption follows");
        assert!(
            ev.boundary(3) > 0.0,
            "prose closed by its own credit follows"
        );
        assert_eq!(ev.boundary(5), 0.0, "plain prose follows");
    }

    #[test]
    fn a_dated_caption_after_running_text_opens_a_photo_item() {
        let page = "甲县的路修好了，村民出行更方便了。\n\n\
                    4月16日，乙县的茶农在采摘新茶。图为茶园一景。\n\n张三摄\n\n\
                    丙县的桥修好了，村民出行更方便了。\n\n图为新桥。\n\n李四摄\n";
        let ev = evidence_of(&Photo, page);
        assert!(ev.boundary(0) > 0.0);
        assert!(
            ev.boundary(3) <= 0.0,
            "an undated caption stays with the text above"
        );
    }

    #[test]
    fn a_news_caption_after_running_text_opens_a_photo_item() {
        let page = "甲县的路修好了，村民出行更方便了。\n\
                    连日来，乙县的苹果迎来丰收季。图为8月3日，果农在采摘苹果。\n\
                    张三 摄\n";
        let ev = evidence_of(&Photo, page);
        assert_eq!(ev.boundary(0), NEWS_CAPTION);
        // After its own first paragraph, a dated caption, it stays in the photo item.
        let dated = page.replace(
            "甲县的路修好了，村民出行更方便了。",
            "8月3日，乙县的果园一片繁忙。",
        );
        assert_eq!(evidence_of(&Photo, &dated).boundary(0), 0.0);
        // Only a caption that tells the news before `图为` opens the item.
        let plain = page.replace("连日来，乙县的苹果迎来丰收季。", "");
        assert_eq!(evidence_of(&Photo, &plain).boundary(0), 0.0);
    }

    #[test]
    fn a_justified_date_opens_a_dated_caption() {
        assert!(opens_with_date("1 0 月 2 2 日，来自多国的师生相聚"));
        assert!(opens_with_date("16日，"));
        assert!(!opens_with_date("100多名师生相聚"));
    }

    #[test]
    fn a_title_over_a_caption_after_running_text_opens_a_photo_item() {
        let page = "甲县的路修好了，村民出行更方便了。\n\n传统体育进校园\n\n\
                    乙县中心学校举行秋季运动会，学生们在比赛跳绳。\n\n张三摄\n\n\
                    丙县的桥修好了，村民出行更方便了。\n\n丁县新闻\n\n\
                    丁县的学校举行运动会。\n";
        let ev = evidence_of(&Photo, page);
        assert!(ev.boundary(0) > 0.0);
        assert!(ev.boundary(3) <= 0.0, "no caption below the head line");
    }

    #[test]
    fn a_caption_in_two_paragraphs_closed_by_a_credit_is_a_photo_item() {
        let page = "甲县的路修好了，村民出行更方便了。\n\n绽放\n\n\
                    10月11日，跳伞表演队在飞行大会上表演。\n\n\
                    飞行大会在乙市开幕，吸引了众多观众。\n\n新华社记者 张三摄\n\n\
                    丙县的桥修好了，村民出行更方便了。\n\n丁县新闻\n\n\
                    丁县的学校举行运动会。\n\n学生们在比赛跳绳。\n\n\
                    戊县的学校也举行运动会。\n\n李四摄\n";
        let ev = evidence_of(&Photo, page);
        assert!(ev.boundary(0) > 0.0, "a title over two caption paragraphs");
        assert!(ev.boundary(5) <= 0.0, "three paragraphs before the credit");
    }

    #[test]
    fn a_photo_item_label_over_a_title_is_its_kicker() {
        let titled = evidence_of(&Photo, "图片报道\n\n春到田间\n\n1月2日，农民在田间劳作。\n");
        assert!(titled.roles(0)[Role::Kicker.index()] > titled.roles(0)[Role::Headline.index()]);
        let untitled = evidence_of(&Photo, "图片报道\n\n1月2日，甲县农民\n\n张三摄\n");
        assert!(
            untitled.roles(0)[Role::Headline.index()] > untitled.roles(0)[Role::Kicker.index()]
        );
    }

    #[test]
    fn credits() {
        for text in [
            "张三 摄",
            "本报记者 李四摄",
            "王五摄（影像中国）",
            "新华社发",
            "制图：赵六",
            "版式设计：钱七",
            "孙  九图  周  十文",
            "甲县宣传部供图",
            "资料图片",
            "本版制图：张三",
            "版式：李四",
            "本期统筹：王五",
            "赵六  钱七摄影报道（人民视觉）",
            "（图表为新华社发）",
            "图片均由甲县博物馆提供",
            "本版图片均由甲县宣传部提供",
            "图/戚小雨",
        ] {
            assert!(is_credit(text, text.chars().count()), "{text}");
        }
        assert!(!is_credit("摄影展在甲市开幕，吸引了大量市民前来参观。", 21));
    }

    #[test]
    fn the_description_under_a_photo_head_is_caption() {
        let page =
            "岗位上的新年\n\n新年第一天，甲市地铁工地上建设正在加紧进行，工人们放弃休息。\n\n\
                    图为建设者在工地上拼装网架。\n\n张三 摄\n";
        let ev = evidence_of(&Photo, page);
        assert!(ev.roles(1)[Role::Caption.index()] > 0.0);
        assert!(ev.roles(2)[Role::Caption.index()] > 0.0);
        assert_eq!(ev.roles(0)[Role::Caption.index()], 0.0);
    }

    #[test]
    fn captions() {
        assert!(is_caption("连日来，甲县迎来丰收。图为村民在田间劳作。"));
        assert!(is_caption("上图：乙市新建的大桥。"));
        // Justified, a circled number keeps its space (it is no CJK character).
        assert!(is_caption("图 ⑥ ：乙市新建的大桥。"));
        assert!(!is_caption("企业试图扩大生产规模。"));
    }
}
