//! Story endings: a line that closes a story (a bracketed attribution such as
//! `（本报记者…）`, `（作者为…）`, `（本报…电）`, `（执笔：…）`, `（综合…报道）`, `（某某 某某）`, a photo or
//! graphic credit, a source note `数据来源：…`, a date alone under a letter and the
//! signature above it)
//! is a byline or author note of the story above (no story opens at it), and makes the head
//! line right below it open the next story rather than a section of the same one. An end
//! mark alone on its line (`（完）`) closes the story above as its last body line, and so
//! does one after the last sentence (`…。（完）`).

use super::photo::is_credit;
use super::shape::is_head_shaped;
use crate::text::ends_sentence;
use crate::{Detector, Document, EvidenceSink, Role};
use regex::Regex;
use std::sync::OnceLock;

/// Longest closing attribution, in characters.
const MAX_CLOSING_CHARS: usize = 60;
/// Boundary evidence for the gap below a closing attribution, and between a credit and a
/// head line below it (2026-11-29: 3 after an attribution followed by running text took
/// scrambled exact match 0.221 → 0.231 and wrapped 0.488 → 0.505; 1.5 gave half that).
const BOUNDARY: f32 = 3.0;
/// Boundary evidence against a story opening at a closing attribution: it ends the story
/// above, as surely as its role evidence says it is one (2026-11-29, dev sets: clean exact
/// match 0.524 → 0.547 / 0.574 / 0.603 at 1.5 / 3 / 6, wrapped 0.381 → 0.446 at 6).
const ATTACH_UP: f32 = ROLE;
/// Role evidence for a closing attribution (it must outweigh the cost of a byline or
/// author line below running text).
const ROLE: f32 = 6.0;

/// Evidence against a head role for the line right above a note on the author.
const NOTE_ABOVE_NOT_HEAD: f32 = 3.0;

/// What a bracketed closing line attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attribution {
    /// Reporters, a dateline or a source: `（本报记者…）`, `（新华社…电）`, `（某某 某某）`.
    Byline,
    /// A note on the author: `（作者为…）`, `（作者单位：…）`.
    Author,
}

/// The text of a bracketed note after its opening words: anything but brackets, or a
/// bracketed part of a name (`（作者为中央党校（国家行政学院）教授）`).
const NOTE_TEXT: &str = r"(?:[^（()）]|[（(][^（()）]*[）)])*";

fn attribution_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = [
            r"^[（(](?:",
            r"(?P<author>作者",
            NOTE_TEXT,
            ")",
            r"|[^（()）]*(?:记者|通讯员|编译|整理|供稿|执笔|采写|摘编|摘自|原载|选自|转自|来源|报道|详见|电)",
            NOTE_TEXT,
            r"|\p{Han}{2,4}(?:[\s、，,]+\p{Han}{1,4}){0,8}",
            // A two- or three-character pen name set out with spaces: `（西 亚）`.
            r"|\p{Han}(?:\s+\p{Han}){1,2}",
            r")[）)]$",
        ]
        .concat();
        Regex::new(&pattern).expect("attribution pattern compiles")
    })
}

/// What the bracketed closing attribution `text` attributes, if it is one.
fn attribution(text: &str, chars: usize) -> Option<Attribution> {
    let text = text.trim();
    // The pattern is anchored in brackets at both ends: test those before running it.
    let bracketed = text.starts_with(['（', '(']) && text.ends_with(['）', ')']);
    if chars > MAX_CLOSING_CHARS || !bracketed {
        return None;
    }
    let pattern = attribution_pattern();
    // A justified line spaces out every character (`（ 作 者 为 … ）`): read it squeezed
    // first, then as printed (where spaces part the names of a list: `（张三  李四  王五）`).
    let unspaced: Option<String> = text
        .contains(char::is_whitespace)
        .then(|| text.split_whitespace().collect());
    let caps = unspaced
        .as_deref()
        .and_then(|squeezed| pattern.captures(squeezed))
        .or_else(|| pattern.captures(text))?;
    Some(if caps.name("author").is_some() {
        Attribution::Author
    } else {
        Attribution::Byline
    })
}

/// True for a note on where a story's figures come from: `数据来源：某某统计局`.
fn is_source_note(text: &str) -> bool {
    let text = text.trim();
    ["数据来源", "资料来源", "信息来源"].iter().any(|label| {
        text.strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(['：', ':']))
    }) && text.chars().count() <= MAX_CLOSING_CHARS
}

/// Longest signature, in characters, above the date that closes a letter.
const MAX_SIGNATURE_CHARS: usize = 20;

/// True for a date alone on its line: `2019年1月21日`.
fn is_date_alone(text: &str) -> bool {
    static DATE: OnceLock<Regex> = OnceLock::new();
    let text = text.trim();
    text.ends_with('日')
        && DATE
            .get_or_init(|| {
                Regex::new(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
                    .expect("date pattern compiles")
            })
            .is_match(text)
}

/// Marks a wire story ends with, on a line of their own.
const END_MARKS: [&str; 6] = ["（完）", "(完)", "（全文完）", "(全文完)", "【完】", "[完]"];

/// True for a line that is only an end mark (`（完）`).
fn is_end_mark(text: &str) -> bool {
    END_MARKS.contains(&text.trim())
}

/// True for text that ends with an end mark after its last sentence (`…大会。（完）`).
fn ends_with_end_mark(text: &str) -> bool {
    let text = text.trim_end();
    END_MARKS
        .iter()
        .any(|mark| text.strip_suffix(mark).is_some_and(ends_sentence))
}

/// True for a bracketed closing attribution (`（本报记者…）`, `（作者为…）`, `（综合…报道）`,
/// `（某某 某某）`).
pub fn is_attribution(text: &str, chars: usize) -> bool {
    attribution(text, chars).is_some()
}

/// True for a short line that closes a story: a bracketed attribution (`attributed`, what
/// [`attribution`] found in it) or a credit.
fn is_closing(text: &str, chars: usize, attributed: Option<Attribution>) -> bool {
    attributed.is_some() || is_credit(text.trim(), chars)
}

/// Emits byline or author evidence for closing attributions, boundary evidence against a
/// story opening at one and for one opening below it, and for a head line below a credit.
pub struct Closing;

impl Detector for Closing {
    fn name(&self) -> &str {
        "closing"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        for (i, block) in blocks.iter().enumerate() {
            if is_end_mark(&block.text) {
                // The end of a wire story, as sure as an attribution.
                out.role(i, Role::Body, ROLE);
                if i > 0 {
                    out.boundary(i - 1, -ATTACH_UP);
                }
                if i + 1 < blocks.len() {
                    out.boundary(i, BOUNDARY);
                }
                continue;
            }
            if ends_with_end_mark(&block.text) && i + 1 < blocks.len() {
                // An end mark after the last sentence (`…。（完）`) ends the story too.
                out.boundary(i, BOUNDARY);
            }
            let attributed = attribution(&block.text, block.chars);
            match attributed {
                Some(Attribution::Byline) => out.role(i, Role::Byline, ROLE),
                Some(Attribution::Author) => out.role(i, Role::Author, ROLE),
                None => {}
            }
            if attributed.is_some() {
                // An attribution is no head, above its story or printed below its body
                // (words it shares with the story above must not make it a trailing title).
                for role in [Role::Headline, Role::Kicker, Role::Subtitle] {
                    out.role(i, role, -ROLE);
                }
                if i > 0 {
                    out.boundary(i - 1, -ATTACH_UP);
                }
            }
            if i > 0 && is_date_alone(&block.text) {
                // The date under a letter or a decree closes its text, and so does the
                // signature right above the date.
                out.boundary(i - 1, -ATTACH_UP);
                let signed = i > 1 && blocks[i - 1].chars <= MAX_SIGNATURE_CHARS;
                if signed && is_head_shaped(&blocks[i - 1]) {
                    out.boundary(i - 2, -ATTACH_UP);
                    for role in [Role::Headline, Role::Kicker] {
                        out.role(i - 1, role, -ATTACH_UP);
                    }
                }
            }
            if i > 0 && is_source_note(&block.text) {
                // The source of a story's figures closes it: no story opens there.
                out.boundary(i - 1, -ATTACH_UP);
                for role in [Role::Headline, Role::Kicker] {
                    out.role(i, role, -ATTACH_UP);
                }
            }
            if attributed == Some(Attribution::Author) && i > 0 {
                // A note on the author closes a text: the line above it (a poem's last
                // line, as short as a title) is that text, not a head.
                for role in [Role::Headline, Role::Kicker, Role::Subtitle] {
                    out.role(i - 1, role, -NOTE_ABOVE_NOT_HEAD);
                }
            }
            // An attribution ends its story whatever follows (running text below it is
            // another story's, or this one's columns out of order); a credit may close a
            // photo inside a story, so only a head line below it opens another.
            let head_below = blocks.get(i + 1).is_some_and(is_head_shaped);
            let ends_story = attributed.is_some()
                || head_below && is_closing(&block.text, block.chars, attributed);
            if ends_story && i + 1 < blocks.len() {
                out.boundary(i, BOUNDARY);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::evidence_of;
    use super::*;

    #[test]
    fn closing_lines() {
        for text in [
            "（本报记者张三、李四）",
            "（作者为某大学教授）",
            "（本报甲市2月3日电）",
            "（记者王五采访整理）",
            "（本报甲市电）",
            "（钱七  孙八）",
            "赵六 摄",
        ] {
            let chars = text.chars().count();
            assert!(is_closing(text, chars, attribution(text, chars)), "{text}");
        }
        for text in ["（一）", "（上接第二版）", "会议要求，各乡镇要抓好落实。"]
        {
            let chars = text.chars().count();
            assert!(!is_closing(text, chars, attribution(text, chars)), "{text}");
        }
    }

    #[test]
    fn an_end_mark_closes_the_story_above() {
        let page = "会议要求，各乡镇要抓好落实。\n\n（完）\n\n乙县的路修好了\n";
        let ev = evidence_of(&Closing, page);
        assert!(ev.roles(1)[Role::Body.index()] > 0.0);
        assert!(ev.boundary(0) < 0.0);
        assert!(ev.boundary(1) > 0.0);
        let inline = evidence_of(
            &Closing,
            "会议要求，各乡镇要抓好落实。（完）\n\n乙县的路修好了\n",
        );
        assert_eq!(inline.boundary(0), BOUNDARY);
    }

    #[test]
    fn attributions_are_bylines_or_author_notes() {
        let kind = |t: &str| attribution(t, t.chars().count());
        assert_eq!(kind("（作者单位：某大学）"), Some(Attribution::Author));
        assert_eq!(
            kind("（作者为某大学（某学院）研究员）"),
            Some(Attribution::Author),
            "a name with brackets of its own"
        );
        assert_eq!(
            kind("（本报记者 张三 通讯员 李四（实习））"),
            Some(Attribution::Byline)
        );
        assert_eq!(kind("（新华社甲市1月2日电）"), Some(Attribution::Byline));
        assert_eq!(kind("（钱七  孙八）"), Some(Attribution::Byline));
        assert_eq!(kind("（西 亚）"), Some(Attribution::Byline));
        // A roundup's sources: `（综合…报道）`, `（本报综合报道）`.
        assert_eq!(
            kind("（综合欧阳明明、李四报道）"),
            Some(Attribution::Byline)
        );
        assert_eq!(
            kind("( 作 者 为 某 大 学 教 授 )"),
            Some(Attribution::Author)
        );
        assert_eq!(kind("（上接第二版）"), None);
    }

    #[test]
    fn the_line_above_a_note_on_the_author_is_no_head() {
        let page = "母亲坐在灯下\n\n像她走过的路\n\n（作者为甲县第一中学教师）\n";
        let ev = super::super::evidence_of(&Closing, page);
        assert!(ev.roles(1)[Role::Headline.index()] < 0.0);
        assert_eq!(ev.roles(0)[Role::Headline.index()], 0.0);
        let byline = super::super::evidence_of(&Closing, "甲县新建图书馆\n\n（本报记者张三）\n");
        assert_eq!(byline.roles(0)[Role::Headline.index()], 0.0);
        // The attribution itself is no head either, not even one printed below its body.
        for role in [Role::Headline, Role::Kicker, Role::Subtitle] {
            assert!(byline.roles(1)[role.index()] < 0.0, "{role:?}");
        }
    }

    #[test]
    fn a_source_note_closes_the_story_above() {
        let page = "全年接待游客一千二百万人次，同比增长百分之十二。\n\n数据来源：甲县文旅局\n";
        let ev = super::super::evidence_of(&Closing, page);
        assert!(ev.boundary(0) < 0.0);
        assert!(ev.roles(1)[Role::Headline.index()] < 0.0);
        assert!(is_source_note("资料来源：国家统计局"));
        assert!(!is_source_note("数据来源多样，统计口径不一。"));
        assert_eq!(attribution("（执笔：阮 青）", 8), Some(Attribution::Byline));
        for note in ["（靖伟参与采写）", "（相关报道见第六版）", "（详见第四版）"]
        {
            assert_eq!(
                attribution(note, note.chars().count()),
                Some(Attribution::Byline),
                "{note}"
            );
        }
        assert_eq!(
            attribution("（摘编自1月13日《学习时报》）", 16),
            Some(Attribution::Byline)
        );
    }

    #[test]
    fn a_signature_and_a_date_close_a_letter() {
        let page = "祝你们新春愉快，阖家幸福！\n\n张三\n\n2019年1月21日\n";
        let ev = super::super::evidence_of(&Closing, page);
        assert!(ev.boundary(0) < 0.0 && ev.boundary(1) < 0.0);
        assert!(ev.roles(1)[Role::Headline.index()] < 0.0);
        assert!(!is_date_alone("2019年1月21日，甲县召开会议。"));
    }

    #[test]
    fn head_line_after_a_closing_line_opens_a_story() {
        let page = "会议要求，各乡镇要抓好落实，确保各项任务按期完成。\n\n（本报记者张三）\n\n\
                    乙市新建三座公园\n\n乙市今年新建三座公园，市民休闲有了新去处。\n";
        let ev = evidence_of(&Closing, page);
        assert_eq!(ev.boundary(1), BOUNDARY);
        assert_eq!(
            ev.boundary(0),
            -ATTACH_UP,
            "the attribution closes the story above"
        );
        assert_eq!(ev.boundary(2), 0.0);
    }

    #[test]
    fn running_text_below_an_attribution_is_another_story() {
        let page = "会议要求，各乡镇要抓好落实，确保各项任务按期完成。\n\n（本报记者张三）\n\n\
                    乙市今年新建三座公园，市民休闲有了新去处。\n\n丙县的展览开幕了。\n\n\
                    李四 摄\n\n观众很多，展览将持续一个月。\n";
        let ev = evidence_of(&Closing, page);
        assert_eq!(ev.boundary(1), BOUNDARY);
        assert_eq!(
            ev.boundary(4),
            0.0,
            "a credit may close a photo inside a story"
        );
    }
}
