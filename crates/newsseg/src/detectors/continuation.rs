//! Continuation: a block that ends inside a sentence (no terminal punctuation, or on a comma
//! or an open quote) is continued by the next block, unless that one is a head line; so is a
//! short one cut inside a word that the next block ends (`…达索系统股` + `份有限公司…`),
//! which is no head line either; a block that starts in mid-sentence (clause punctuation, a
//! closing quote) does not open a story, and one that opens on a bound particle (`的…`) is
//! no head.

use super::byline::opens_with_byline;
use super::cohesion::{jieba_cut, jieba_has_word};
use super::shape::{is_head_shaped, MAX_HEAD_CHARS};
use crate::text::{
    ends_mid_sentence, first_chars, is_digit, is_han, last_chars, starts_with_clause_punct,
};
use crate::{Block, Detector, Document, EvidenceSink, Role};

/// True when a block of running text stops inside a sentence. Head lines never end a
/// sentence, so a short block counts only when it reads as prose (clause marks inside) or
/// stops on a comma or an open quote.
pub fn looks_cut(block: &Block<'_>) -> bool {
    let text = block.text.trim_end();
    if !ends_mid_sentence(text) {
        return false;
    }
    let clause_marks = text
        .chars()
        .filter(|c| matches!(c, '，' | ',' | '、' | '；'))
        .count();
    block.chars > MAX_HEAD_CHARS
        || clause_marks >= 2
        || text.ends_with(['，', ',', '、', '“', '‘', '（', '(', '：', ':', '；'])
}

/// True when `above` stops inside a word or a number of running text that `below` (no head
/// line nor dateline) ends: a line cut by the extraction, however short.
fn cut_inside_a_word(above: &Block<'_>, below: &Block<'_>) -> bool {
    let (tail, head) = (above.text.trim_end(), below.text.trim_start());
    ends_mid_sentence(tail)
        && !is_head_shaped(below)
        && !opens_with_byline(head)
        && (word_spans_joint(tail, head) || number_goes_on(tail, head))
}

/// True when `above` is one full line of a wrapped page's column that stops mid-sentence
/// and running text (no head line nor dateline) follows: a paragraph cut where a column
/// ends, not a head line, which is narrower than the column it heads or wider.
pub(crate) fn cut_at_column_foot(doc: &Document<'_>, above: &Block<'_>, below: &Block<'_>) -> bool {
    let layout = doc.layout();
    layout.wrapped
        && above.lines.len() == 1
        && above.chars == layout.wrap_width
        && ends_mid_sentence(&above.text)
        && !is_head_shaped(below)
        && !opens_with_byline(below.text.trim_start())
}

/// Evidence against a boundary (or a head role) where the text shows that a sentence runs
/// on.
const RUNS_ON: f32 = 2.55;

/// Emits evidence against a boundary after text that stops mid-sentence (unless a head line
/// follows) and before text that starts mid-sentence, and against head roles for text cut
/// inside a word.
pub struct Continuation;

impl Detector for Continuation {
    fn name(&self) -> &str {
        "continuation"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        for g in 0..doc.gap_count() {
            let (above, below) = (&blocks[g], &blocks[g + 1]);
            // A head line below does not go on with the sentence: the text that does is
            // elsewhere (a column fragment printed out of order).
            if looks_cut(above) && !is_head_shaped(below) {
                out.boundary(g, -RUNS_ON);
            } else if cut_inside_a_word(above, below) || cut_at_column_foot(doc, above, below) {
                out.boundary(g, -RUNS_ON);
                for role in [Role::Headline, Role::Kicker, Role::Subhead, Role::Subtitle] {
                    out.role(g, role, -RUNS_ON);
                }
            }
            // Text that starts mid-sentence opens no head; on clause punctuation it opens no
            // story either (a bound particle, `的人们纷纷…`, as boundary evidence too lost on
            // `pdf wide`: a column's first line read as a story's opening).
            if starts_with_clause_punct(&below.text) {
                out.boundary(g, -RUNS_ON);
            }
            if starts_mid_sentence(&below.text) {
                for role in [Role::Headline, Role::Kicker, Role::Byline] {
                    out.role(g + 1, role, -RUNS_ON);
                }
            }
        }
    }
}

/// True when a text starts inside a sentence: on clause punctuation, or on a particle that
/// never opens one (`的记忆中…`, `了。`).
pub(crate) fn starts_mid_sentence(text: &str) -> bool {
    let head = text.trim_start();
    starts_with_clause_punct(head) || opens_with_particle(head)
}

/// Particles that follow a word and never open a sentence.
const BOUND_PARTICLES: [&str; 8] = ["的", "了", "着", "们", "吗", "呢", "吧", "么"];

/// True when the first word of `text` (jieba-rs's cut of its first characters) is a bound
/// particle: `的记忆中` opens with one, `的确` and `了解` do not.
fn opens_with_particle(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !BOUND_PARTICLES.iter().any(|p| p.starts_with(first)) {
        return false;
    }
    jieba_cut(first_chars(text, 4))
        .first()
        .is_some_and(|word| BOUND_PARTICLES.contains(word))
}

/// True when a dictionary word of two or more characters runs across the joint.
pub(crate) fn word_spans_joint(tail: &str, head: &str) -> bool {
    let t = last_chars(tail, 4);
    let h = first_chars(head, 4);
    if !t.chars().last().is_some_and(is_han) || !h.chars().next().is_some_and(is_han) {
        return false;
    }
    let mut joined = String::with_capacity(t.len() + h.len());
    joined.push_str(t);
    joined.push_str(h);
    dictionary_word_spans(&joined, t.len()) && cut_word_spans(&joined, t.len())
}

/// Characters that go on a number cut at a line's end: `1963` / `年`.
const NUMBER_UNITS: &str = "年月日时万亿千百元%％";

/// True when a number runs across the joint of `tail` and `head`: `tail` ends on a digit
/// and `head` opens on a digit, a decimal point or a unit (`满意度为8` / `8.6分`, `建于1963`
/// / `年`).
pub(crate) fn number_spans_joint(tail: &str, head: &str) -> bool {
    let (Some(last), Some(first)) = (tail.chars().next_back(), head.chars().next()) else {
        return false;
    };
    is_digit(last) && (is_digit(first) || first == '.' || NUMBER_UNITS.contains(first))
}

/// [`number_spans_joint`] for two blocks that may come from anywhere on a page: not when
/// `head` opens on a date, as a paragraph does (`2019年…`, `10月…`, `3日…`).
pub(crate) fn number_goes_on(tail: &str, head: &str) -> bool {
    number_spans_joint(tail, head) && !opens_with_date_number(head)
}

/// True when `text` opens on the number of a date: a year of four digits, or a month, day or
/// hour of one or two (`2019年`, `10月`, `3日`). (The photo detector's `opens_with_date`
/// asks for a day, justified spacing allowed: a dated caption.)
fn opens_with_date_number(text: &str) -> bool {
    let digits = text.chars().take_while(|&c| is_digit(c)).count();
    let after = text.chars().nth(digits);
    match after {
        Some('年') => digits == 4,
        Some('月' | '日' | '时') => (1..=2).contains(&digits),
        _ => false,
    }
}

/// True when a word of two or more characters of jieba-rs's cut of `text` runs across
/// byte offset `cut_at`.
fn cut_word_spans(text: &str, cut_at: usize) -> bool {
    let mut pos = 0;
    for word in jieba_cut(text) {
        let end = pos + word.len();
        if pos < cut_at && end > cut_at && word.chars().count() >= 2 {
            return true;
        }
        pos = end;
    }
    false
}

/// True when some piece of `text` running across byte offset `cut_at` is a jieba-rs
/// dictionary word. When Han characters meet at the joint, a word of jieba-rs's cut that
/// spans it must be one (the cut's other pieces of several characters are runs of ASCII
/// letters and digits), so this is an exact prefilter for [`cut_word_spans`].
fn dictionary_word_spans(text: &str, cut_at: usize) -> bool {
    let (tail, head) = text.split_at(cut_at);
    let ends = || {
        let inside = head.char_indices().skip(1).map(|(i, _)| cut_at + i);
        inside.chain([text.len()])
    };
    tail.char_indices()
        .any(|(start, _)| ends().any(|end| jieba_has_word(&text[start..end])))
}

#[cfg(test)]
mod tests {
    use super::super::{evidence_of, COLUMN_OF_13};
    use super::*;
    use crate::Evidence;

    fn evidence(text: &str) -> Evidence {
        evidence_of(&Continuation, text)
    }

    #[test]
    fn cut_paragraph_is_continued() {
        let ev = evidence("甲县今年以来深入推进改革，各项工作取得积极进展，群众的获得感更\n\n加充实。乙镇先行先试，探索出一条新路子。\n\n，受到群众欢迎。\n");
        assert!(ev.boundary(0) < 0.0);
        assert!(ev.boundary(1) < 0.0);
        assert!(ev.roles(2)[Role::Headline.index()] < 0.0);
    }

    #[test]
    fn a_number_cut_across_blocks_goes_on_below_unless_a_date_opens_the_block() {
        // Short blocks (not cut by their shape): only the number shows the joint.
        let page = |below: &str| evidence(&format!("国庆档观众满意度为8\n\n{below}\n"));
        for below in ["8.6分，创造了新纪录。", ".6分，创造了新纪录。", "0%以上。"]
        {
            assert!(page(below).boundary(0) < 0.0, "{below}");
        }
        for below in ["2019年，创造了新纪录。", "10月，创造了新纪录。"] {
            assert_eq!(page(below).boundary(0), 0.0, "{below}");
        }
    }

    #[test]
    fn a_bound_particle_starts_mid_sentence() {
        for (text, opens) in [
            ("的记忆中，父亲除了上课就在书房。", true),
            ("了。他说。", true),
            ("的确，这是一条新路。", false),
            ("了解情况后，他们出发了。", false),
            ("记忆中，父亲除了上课就在书房。", false),
        ] {
            assert_eq!(opens_with_particle(text), opens, "{text}");
        }
    }

    #[test]
    fn a_block_opening_on_a_bound_particle_is_no_head() {
        let ev = evidence("甲县今年以来深入推进改革。\n\n的人们纷纷赶来帮忙\n");
        for role in [Role::Headline, Role::Kicker, Role::Byline] {
            assert!(ev.roles(1)[role.index()] < 0.0, "{role:?}");
        }
        assert_eq!(ev.boundary(0), 0.0);
    }

    #[test]
    fn a_head_line_does_not_continue_a_cut_sentence() {
        let ev = evidence("甲县今年以来深入推进改革，各项工作取得积极进展，群众的获得感更\n\n乙县举办农民丰收节\n");
        assert_eq!(ev.boundary(0), 0.0);
    }

    #[test]
    fn a_full_column_line_cut_mid_sentence_goes_on_below() {
        let column = COLUMN_OF_13;
        let page =
            format!("县委书记张三在座谈会上介绍\n\n{column}\n乙县举办农民丰收节\n\n{column}");
        let doc = Document::parse(&page);
        assert_eq!(doc.layout().wrap_width, 13);
        let blocks = doc.blocks();
        assert!(cut_at_column_foot(&doc, &blocks[0], &blocks[1]));
        assert!(
            !cut_at_column_foot(&doc, &blocks[2], &blocks[3]),
            "a head line is narrower"
        );
        let ev = evidence(&page);
        assert!(ev.boundary(0) < 0.0);
        assert!(ev.roles(0)[Role::Subhead.index()] < 0.0);
    }

    #[test]
    fn complete_paragraphs_say_nothing() {
        assert_eq!(
            evidence("第一段结束了。\n\n第二段开始。\n").boundary(0),
            0.0
        );
    }

    #[test]
    fn a_short_line_cut_inside_a_word_is_continued_and_no_head() {
        let ev = evidence("作为原告的达索系统股\n\n份有限公司为何如此幸运？\n");
        assert_eq!(ev.boundary(0), -RUNS_ON);
        assert_eq!(ev.roles(0)[Role::Headline.index()], -RUNS_ON);
        // A head line below, or a dateline, goes on with nothing.
        for below in [
            "青屿体育中心完成改造",
            "本报讯（记者 柯一舟）为迎接省运会，体育中心启动改造。",
        ] {
            let ev = evidence(&format!("岚城市 8金 10银 13铜\n\n{below}\n"));
            assert_eq!(ev.boundary(0), 0.0, "{below}");
        }
    }

    #[test]
    fn a_cut_word_across_the_joint_is_a_dictionary_word() {
        let text =
            "推动各项工作更扎实、充分地落实到位，形成了一套办法。中华人民共和国成立七十周年，\
                    北京市人民政府新闻办公室举行发布会，ABC公司2019年第3季度营业收入增长";
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for window in chars.windows(8) {
            let (start, cut_at) = (window[0].0, window[4].0 - window[0].0);
            let end = window[7].0 + window[7].1.len_utf8();
            let piece = &text[start..end];
            let han_joint = is_han(window[3].1) && is_han(window[4].1);
            if han_joint && cut_word_spans(piece, cut_at) {
                assert!(dictionary_word_spans(piece, cut_at), "{piece}");
            }
        }
    }

    #[test]
    fn words_across_a_cut() {
        assert!(word_spans_joint("推动各项工作更扎实、充", "分地落实到位"));
        assert!(!word_spans_joint("形成了", "一套办法"));
    }
}
