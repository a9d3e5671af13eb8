//! Headline, kicker and subtitle shape: length, no terminal punctuation, `地名：标题`
//! two-part titles, spaced double titles, `——` subtitles, kickers ending in `——`; a dash
//! and a name alone (`——编者`) signs a note as its author; a head line naming who attended
//! (`王沪宁出席`) right below a title is its subtitle; a Markdown heading's level says
//! headline (`# …`) or subhead (`## …`); a short line ending on a colon is a kicker over a
//! title (`国家税务总局：`) and text over text (`这正是：`); a repost's `原标题：…` is a
//! subtitle.

use super::photo::is_credit;
use super::shape::{has_column_tag, is_head_shaped, is_prose, MAX_HEAD_CHARS};
use super::subhead::{is_section_label, without_bullet};
use crate::text::{after_dash, ends_sentence, ends_with_dash, is_digit, opens_with_dash};
use crate::{Detector, Document, EvidenceSink, Role};

/// Emits head-role evidence from the shape of each block.
pub struct Headline;

/// Evidence against text or subhead for a title with a column tag (`…（钟声）`).
const COLUMN_TAG_NOT_TEXT: f32 = 2.0;

fn score_block(
    text: &str,
    chars: usize,
    head_shaped: bool,
    prose: bool,
    title_below: Option<bool>,
    out: &mut EvidenceSink<'_>,
    i: usize,
) {
    let t = text.trim();
    if is_dash_signature(t) {
        out.role(i, Role::Author, DASH_SIGNATURE);
        return;
    }
    if is_data_figure(t) {
        // A figure called out beside a story (`25.4%`, `507.1亿件`) is its text.
        out.role(i, Role::Body, FIGURE_NOT_TITLE);
        for role in [Role::Headline, Role::Kicker, Role::Subtitle, Role::Subhead] {
            out.role(i, role, -FIGURE_NOT_TITLE);
        }
        return;
    }
    if is_dash_subtitle(t) {
        out.role(i, Role::Subtitle, if chars <= 80 { 6.0 } else { 4.0 });
        return;
    }
    if t.starts_with("原标题") {
        // A reposted story keeps its first title under the new one: `原标题：…`.
        out.role(i, Role::Subtitle, 6.0);
        return;
    }
    if is_colon_kicker(t, chars) {
        if title_below == Some(false) {
            // `这正是：` over a verse, `数据来源：` over its source: it introduces the text.
            out.role(i, Role::Body, COLON_INTRODUCES_TEXT);
            out.boundary(i, -COLON_INTRODUCES_TEXT);
        } else {
            out.role(i, Role::Kicker, 4.0);
        }
        return;
    }
    if chars <= MAX_HEAD_CHARS * 2 && has_address(t) {
        // An e-mail or web address is contact text, never a title.
        for role in [Role::Headline, Role::Kicker, Role::Subtitle] {
            out.role(i, role, -ADDRESS_NOT_TITLE);
        }
        return;
    }
    if is_section_label(t) {
        // `核心阅读`, `编者按`: a section of a story, never its head (see the subhead detector).
        return;
    }
    if is_box_label(t) {
        out.role(i, Role::Kicker, BOX_LABEL_KICKER);
        if i > 0 {
            out.boundary(i - 1, BOX_LABEL_BOUNDARY);
        }
        return;
    }
    if head_shaped {
        out.role(i, Role::Headline, 2.0);
        out.role(i, Role::Kicker, 1.0);
        out.role(i, Role::Subtitle, 0.5);
        if ends_with_dash(t) {
            out.role(i, Role::Kicker, 4.0);
        } else if introduces_a_quote(t) {
            out.role(i, Role::Kicker, KICKER_INTRODUCES_QUOTE);
        }
        let two_part = t
            .split_once(['：', ':'])
            .is_some_and(|(a, b)| (2..=12).contains(&a.chars().count()) && b.chars().count() >= 4);
        let spaced = t.contains([' ', '\u{3000}']) && chars >= 8;
        if two_part || spaced {
            out.role(i, Role::Headline, 1.0);
        }
        if has_column_tag(t) {
            // A title with a column tag heads a story: it is no text or subhead.
            out.role(i, Role::Headline, 2.0);
            out.role(i, Role::Body, -COLUMN_TAG_NOT_TEXT);
            out.role(i, Role::Subhead, -COLUMN_TAG_NOT_TEXT);
        }
    } else if prose {
        for role in [Role::Headline, Role::Kicker, Role::Subhead] {
            out.role(i, role, -4.0);
        }
        if chars > MAX_HEAD_CHARS * 2 || ends_sentence(t) {
            // A subtitle or an author line is no long text, and does not end a sentence.
            out.role(i, Role::Subtitle, -3.0);
            out.role(i, Role::Author, -3.0);
        }
    }
}

/// Evidence for text, and against a boundary below, for a short line ending on a colon
/// that no title follows: it introduces the text below (in the dev sets' gold, 97 of 106
/// such lines are text; the kickers among them stand over a title).
const COLON_INTRODUCES_TEXT: f32 = 2.0;

/// Evidence for the role a heading's level gives (a dump converted from a web page, or with
/// its HTML left in): `# …` or `<h1>…</h1>` a headline, `## …`, `<h2>…</h2>` and deeper a
/// subhead.
const MARKUP_HEADING: f32 = 3.0;

/// Evidence for a data figure being text, and against it being a head.
const FIGURE_NOT_TITLE: f32 = 3.0;

/// Longest data figure, in characters.
const MAX_FIGURE_CHARS: usize = 16;

/// Units a data figure may carry after its digits.
const FIGURE_UNITS: &str =
    "万亿千百个件人次年月日时分秒起倍米吨亩户家座所台辆元美平方公里克斤天周岁项条只头";

/// True for a short line that is a number with its unit only: `25.4%`, `507.1亿件`,
/// `5万亿 289亿`.
fn is_data_figure(text: &str) -> bool {
    text.starts_with(is_digit)
        && text.chars().count() <= MAX_FIGURE_CHARS
        && text.chars().all(|c| {
            is_digit(c)
                || c.is_whitespace()
                || ".,．%％:~—-".contains(c)
                || FIGURE_UNITS.contains(c)
        })
}

/// Subtitle evidence for a head line right below a title that names who attended or chaired
/// (`王沪宁出席`, `李克强主持`): the deck under a meeting's title.
const ATTENDANCE_SUBTITLE: f32 = 3.0;

/// Subtitle evidence for a bracketed date right below a title: the date of a speech or a
/// document (`（2020年3月5日）`, `（二〇二〇年三月五日）`), or when a law was adopted
/// (`（2020年3月5日市人大常委会会议通过）`).
const DATED_NOTE_SUBTITLE: f32 = 4.0;

/// Subtitle evidence for block `i`, right below a title: who attended, or a dated note.
fn score_deck(text: &str, title: bool, out: &mut EvidenceSink<'_>, i: usize) {
    if title && reports_attendance(text) {
        out.role(i, Role::Subtitle, ATTENDANCE_SUBTITLE);
    }
    if is_dated_note(text) {
        out.role(i, Role::Subtitle, DATED_NOTE_SUBTITLE);
    }
}

/// True for a line that is a bracketed note opening on a date of year, month and day, in
/// digits or Chinese numerals, with no sentence inside: `（2020年3月5日）`,
/// `（二〇二〇年三月五日）`, `（2020年3月5日…会议通过）`.
fn is_dated_note(text: &str) -> bool {
    let Some(inner) = text
        .strip_prefix(['（', '('])
        .and_then(|rest| rest.strip_suffix(['）', ')']))
    else {
        return false;
    };
    let numeral = |c: char| is_digit(c) || "〇零一二三四五六七八九十".contains(c);
    let mut rest = inner.trim_start();
    for unit in ['年', '月', '日'] {
        let number_end = rest.find(|c: char| !numeral(c)).unwrap_or(rest.len());
        match rest[number_end..].strip_prefix(unit) {
            Some(after) if number_end > 0 => rest = after,
            _ => return false,
        }
    }
    inner.chars().count() <= MAX_DATED_NOTE_CHARS && !inner.contains(['。', '，', '（', '('])
}

/// Longest dated note under a title, in characters, brackets left out.
const MAX_DATED_NOTE_CHARS: usize = 60;

/// True for a head line ending on who attended or chaired: `王沪宁出席`, `韩正出席并讲话`,
/// `李克强主持`.
fn reports_attendance(text: &str) -> bool {
    ["出席", "主持", "出席并讲话", "出席并致辞", "出席会议"]
        .iter()
        .any(|end| text.ends_with(end))
}

/// True for a head line that tells of attending, chairing or speaking anywhere in it
/// (`韩正参加会见`, `某某出席开幕式并宣读贺信`, `某某出席 某某讲话`), for a line already
/// read as a title under another. Broader than the subtitle evidence's test (its words at
/// the line's end only), which as broad changes clusters for the worse; for the linker's
/// subtitle pairs, measured on all sets, more lines right than with that test.
pub fn mentions_attendance(text: &str) -> bool {
    ["出席", "主持", "讲话", "致辞", "参加"]
        .iter()
        .any(|verb| text.contains(verb))
}

/// True for a short line that names a speaker or a source and ends on a colon, with no
/// clause inside: `国家税务总局：` above the title that gives what it said. (A head-shaped
/// line never ends on a colon, so this is tested apart.)
pub fn is_colon_kicker(text: &str, chars: usize) -> bool {
    chars <= 20
        && text.ends_with(['：', ':'])
        && !text.contains(['，', ',', '。', '；', ';', '！', '？', '!', '?'])
}

/// True for the label over a box set beside a story (`延伸阅读`, `相关链接`) or over a
/// comment (`短评`, `社论`), also after a bullet: the kicker of the box's own story.
fn is_box_label(text: &str) -> bool {
    [
        "延伸阅读",
        "相关链接",
        "相关新闻",
        "相关报道",
        "相关阅读",
        "链接",
        "短评",
        "时评",
        "快评",
        "社评",
        "社论",
    ]
    .contains(&without_bullet(text))
}

/// True for text holding an e-mail or web address.
fn has_address(text: &str) -> bool {
    ["@", "http", "www."].iter().any(|a| text.contains(a)) && !text.starts_with("——@")
}

/// Evidence against a title role for text with an address.
const ADDRESS_NOT_TITLE: f32 = 4.0;

/// Boundary evidence above a box label: the box is a story of its own.
const BOX_LABEL_BOUNDARY: f32 = 1.5;

/// Kicker evidence for a box label.
const BOX_LABEL_KICKER: f32 = 3.0;

/// Kicker evidence for a head line ending in a verb of saying: `某某在某地考察时强调`
/// introduces the main title, which gives what was said.
const KICKER_INTRODUCES_QUOTE: f32 = 1.5;

/// True for a head line ending in a verb of saying (`强调`, `指出`, `表示` …).
fn introduces_a_quote(text: &str) -> bool {
    [
        "强调", "指出", "表示", "提出", "要求", "寄语", "致信", "致辞",
    ]
    .iter()
    .any(|verb| text.ends_with(verb))
}

/// Author evidence for a dash signature.
const DASH_SIGNATURE: f32 = 7.0;

/// Longest name, in characters, in a dash signature.
const SIGNATURE_CHARS: usize = 5;

/// True for a dash followed by a name alone, signing a note or a quotation: `——编 者`,
/// `——习近平`; or by who said the quotation above, where and when
/// (`——某省省长某某日前在某会议上说`).
fn is_dash_signature(text: &str) -> bool {
    let Some(name) = after_dash(text) else {
        return false;
    };
    let name: String = name.split_whitespace().collect();
    let chars = name.chars().count();
    let punct = |allowed: &[char]| {
        name.contains(|c: char| crate::text::is_punct(c) && !allowed.contains(&c))
    };
    if (1..=SIGNATURE_CHARS).contains(&chars) {
        !punct(&['@', '·'])
    } else {
        // Offices are listed with `、` and may hold brackets: `（扩大）会议`.
        chars <= SPEAKER_CHARS
            && SPEECH_VERBS.iter().any(|v| name.ends_with(v))
            && !punct(&['·', '、', '（', '）', '(', ')'])
    }
}

/// Longest speaker line, in characters, after its dash.
const SPEAKER_CHARS: usize = 50;

/// Verbs a speaker line ends on: `…在某会议上说`.
const SPEECH_VERBS: [&str; 5] = ["说", "表示", "指出", "强调", "谈到"];

/// True for a line opened by a dash with no sentence in it: `——写在…之际`. A dash item of
/// a list inside a body (`——聚焦难点。坚持…`) holds sentences.
fn is_dash_subtitle(text: &str) -> bool {
    opens_with_dash(text) && !text.contains(['。', '！', '？', '；', '!', '?', ';'])
}

impl Detector for Headline {
    fn name(&self) -> &str {
        "headline"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        // A credit line is as short as a title, but it is not one.
        let titles: Vec<bool> = blocks
            .iter()
            .map(|b| is_head_shaped(b) && !is_credit(&b.text, b.chars))
            .collect();
        for (i, block) in blocks.iter().enumerate() {
            // Whether a title is below: head-shaped and not a clause (a verse line ends on a
            // comma); `None` for the last block.
            let title_below = blocks.get(i + 1).map(|below| {
                titles[i + 1]
                    && !below
                        .text
                        .trim_end()
                        .ends_with(['，', ',', '、', '；', ';', '：', ':'])
            });
            match block.lines.first().and_then(|&l| doc.lines()[l].heading) {
                Some(1) => out.role(i, Role::Headline, MARKUP_HEADING),
                Some(_) => out.role(i, Role::Subhead, MARKUP_HEADING),
                None => {}
            }
            let (title, prose) = (titles[i], is_prose(block));
            score_block(&block.text, block.chars, title, prose, title_below, out, i);
            if i > 0 && titles[i - 1] {
                score_deck(block.text.trim(), titles[i], out, i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::evidence_of;
    use super::*;
    use crate::Evidence;

    fn evidence(text: &str) -> Evidence {
        evidence_of(&Headline, text)
    }

    #[test]
    fn a_line_ending_in_a_verb_of_saying_is_a_kicker() {
        let ev = evidence("甲市市长在乙县调研时强调\n\n让群众过上更好的日子\n\n会议要求，各乡镇要抓好落实，确保各项任务按期完成。\n");
        assert!(ev.roles(0)[Role::Kicker.index()] > ev.roles(0)[Role::Headline.index()]);
        assert!(ev.roles(1)[Role::Kicker.index()] < ev.roles(1)[Role::Headline.index()]);
    }

    #[test]
    fn a_section_label_is_no_head() {
        let ev = evidence("核心阅读\n\n近年来，定制游越来越受到游客欢迎。\n");
        assert_eq!(ev.roles(0)[Role::Headline.index()], 0.0);
        assert_eq!(ev.roles(0)[Role::Kicker.index()], 0.0);
    }

    #[test]
    fn a_reposts_original_title_is_a_subtitle() {
        let ev = evidence("国务院部署稳就业工作\n原标题：国务院常务会议部署进一步稳就业举措\n");
        assert!(ev.roles(1)[Role::Subtitle.index()] > ev.roles(1)[Role::Headline.index()]);
    }

    #[test]
    fn a_colon_line_over_text_introduces_it() {
        let ev = evidence("这正是：\n\n来去风雨无阻，\n\n保障物流通途。\n");
        assert!(ev.roles(0)[Role::Body.index()] > 0.0);
        assert!(ev.roles(0)[Role::Kicker.index()] <= 0.0);
        assert!(ev.boundary(0) < 0.0);
    }

    #[test]
    fn a_title_with_a_column_tag_is_no_text_or_subhead() {
        let ev = evidence("感受跨越时空的思想魅力（大使随笔）\n\n深入基层调研\n");
        assert!(ev.roles(0)[Role::Body.index()] < 0.0);
        assert!(ev.roles(0)[Role::Subhead.index()] < 0.0);
        assert_eq!(ev.roles(1)[Role::Body.index()], 0.0);
    }

    #[test]
    fn markdown_headings() {
        let ev = evidence("# 甲县推进乡村振兴\n\n## 农机先行\n");
        assert!(ev.roles(0)[Role::Headline.index()] > ev.roles(0)[Role::Kicker.index()]);
        assert!(ev.roles(1)[Role::Subhead.index()] > 0.0);
    }

    #[test]
    fn a_data_figure_is_text() {
        for figure in ["25.4%", "507.1亿件", "5万亿 289亿", "1999年", "２５．４％"] {
            assert!(is_data_figure(figure), "{figure}");
        }
        for title in ["5G点亮智慧生活", "2019春运一线", "90后的新年"] {
            assert!(!is_data_figure(title), "{title}");
        }
        let ev = evidence("25.4%\n");
        assert!(ev.roles(0)[Role::Headline.index()] < 0.0);
    }

    #[test]
    fn an_address_is_no_title() {
        let ev = evidence("栏目投稿邮箱：tougao@example.cn\n\n网址：www.example.cn\n");
        for i in [0, 1] {
            assert!(ev.roles(i)[Role::Headline.index()] < 0.0);
        }
    }

    #[test]
    fn a_box_label_is_a_kicker() {
        let ev = evidence("■相关链接\n\n桐湾丝织厂建于1963年\n\n延伸阅读\n\n短评\n");
        for i in [0, 2, 3] {
            assert!(ev.roles(i)[Role::Kicker.index()] > ev.roles(i)[Role::Headline.index()]);
        }
        assert!(ev.boundary(2) > 0.0, "a box is a story of its own");
    }

    #[test]
    fn who_attended_under_a_title_is_its_subtitle() {
        let ev =
            evidence("国家主席在京会见外国客人\n\n王沪宁出席\n\n会议要求，各乡镇要抓好落实。\n");
        assert!(ev.roles(1)[Role::Subtitle.index()] > ev.roles(1)[Role::Headline.index()]);
        let alone = evidence("会议要求，各乡镇要抓好落实。\n\n王沪宁出席\n");
        assert!(alone.roles(1)[Role::Subtitle.index()] < alone.roles(1)[Role::Headline.index()]);
    }

    #[test]
    fn a_dated_note_under_a_title_is_its_subtitle() {
        let ev = evidence(
            "在全市科技工作会议上的讲话\n\n（二〇二〇年三月五日）\n\n同志们：今天我们召开会议。\n",
        );
        assert!(ev.roles(1)[Role::Subtitle.index()] > ev.roles(1)[Role::Headline.index()]);
        let alone = evidence("同志们：今天我们召开会议。\n\n（2020年3月5日）\n");
        assert!(alone.roles(1)[Role::Subtitle.index()] < alone.roles(1)[Role::Headline.index()]);
        for note in [
            "（2020年3月5日）",
            "(2020年3月5日市人大常委会会议通过)",
            "（二〇二〇年三月五日 青岚）",
        ] {
            assert!(is_dated_note(note), "{note}");
        }
        for text in [
            "（2020年）",
            "（本报记者 张三）",
            "（2020年3月5日，会议通过）",
            "2020年3月5日",
        ] {
            assert!(!is_dated_note(text), "{text}");
        }
    }

    #[test]
    fn a_short_line_ending_on_a_colon_is_a_kicker() {
        let ev = evidence("国家税务总局：\n\n零申报不影响纳税记录\n\n他说：\n");
        assert!(ev.roles(0)[Role::Kicker.index()] > ev.roles(0)[Role::Headline.index()]);
        assert!(!is_colon_kicker("记者了解到，该县已经：", 11));
    }

    #[test]
    fn a_dash_and_a_name_sign_a_note() {
        assert!(is_dash_signature("——编 者"));
        assert!(is_dash_signature("——张三"));
        assert!(!is_dash_signature("——写在甲县撤县设市之际"));
        assert!(!is_dash_signature("——好。"));
        assert!(is_dash_signature(
            "——甲省省长张三日前在省政府第三次全体（扩大）会议上说"
        ));
        assert!(!is_dash_signature("——写在甲县说唱艺术节开幕之际"));
        let ev = evidence("编者按：本版今起推出系列报道。\n\n——编  者\n");
        assert!(ev.roles(1)[Role::Author.index()] > ev.roles(1)[Role::Subtitle.index()]);
    }

    #[test]
    fn dash_list_items_are_not_subtitles() {
        assert!(is_dash_subtitle("——写在甲县撤县设市之际"));
        assert!(!is_dash_subtitle(
            "——抓好落实。各乡镇要明确责任，按期完成任务。"
        ));
    }

    #[test]
    fn subtitle_kicker_headline() {
        let ev = evidence("——写在甲县撤县设市之际\n\n丙村村民代表——\n\n甲县：让老街焕发新活力\n\n会议要求，各乡镇要抓好落实，确保各项任务按期完成。\n");
        assert!(ev.roles(0)[Role::Subtitle.index()] >= 6.0);
        assert!(ev.roles(1)[Role::Kicker.index()] > ev.roles(1)[Role::Headline.index()]);
        assert!(ev.roles(2)[Role::Headline.index()] > ev.roles(2)[Role::Kicker.index()]);
        assert!(ev.roles(3)[Role::Headline.index()] < 0.0);
    }
}
