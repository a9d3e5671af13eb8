//! Bylines and datelines that open a story's body: `本报讯（…）`, `本报（…）`,
//! `本报记者 …`, `本报X月X日电`, `本报北京…电 （记者…）`, `新华社…电`, `记者 … 通讯员 …`.

use super::closing::is_attribution;
use super::headline::is_colon_kicker;
use super::photo::is_credit;
use super::shape::{is_head_shaped, is_long_title};
use super::subhead::adjacent_lines;
use crate::text::is_han;
use crate::{Block, Detector, Document, EvidenceSink, Role};
use memchr::memmem::Finder;
use regex::Regex;
use std::sync::OnceLock;

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:",
            r"本报讯|本报\s*[（(]|本报记者|本报特约记者|本报电\s*[（(]",
            r"|本报[^\s，,。]{0,12}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电讯]",
            r"|(?:据)?新华社[^\s，,。]{0,16}?(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*电",
            r"|(?:据)?(?:中新社|人民网|新华网|央视网|中新网)[^\s，,。]{0,12}?电",
            r"|[^\s，,。]{2,10}\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电\s*[（(]|讯)",
            r"|[（(]\s*(?:本报)?记者[^）)]{1,30}[）)]",
            // `【本报记者 某某】`, `【某某时报驻某地特约记者 某某】`; not a label like
            // `【记者感言】`.
            r"|【\p{Han}{0,10}?报\p{Han}{0,6}?记者\p{Han}{2,4}[^】]{0,40}】",
            r"|记者\s*[^\s，,。]{2,4}\s*(?:通讯员|报道)",
            // Other papers and sites: `新京报讯（记者…）`, `晨报讯`, `央视网消息`.
            // In square brackets too: `【大公报讯】`.
            r"|【?\p{Han}{1,6}报讯|【?\p{Han}{1,4}(?:网|社|台)讯|\p{Han}{1,4}网消息",
            r")"
        ))
        .expect("byline pattern compiles")
    })
}

/// True when `text` opens with a byline or dateline.
pub fn opens_with_byline(text: &str) -> bool {
    let text = text.trim_start();
    if !may_open_with_byline(text) {
        return false;
    }
    if text.contains(char::is_whitespace) {
        return pattern().is_match(&unspaced(&[text]));
    }
    pattern().is_match(text)
}

/// True when a dateline that ends on `电` or `讯` (`新华社北京1月9日电`, `本报讯`) opens
/// `text` and running text follows it outside brackets (`新华社北京1月9日电 国家主席…`): the
/// paragraph goes on past its dateline.
pub fn text_follows_dateline(text: &str) -> bool {
    let text = unspaced(&[text]);
    let Some(m) = pattern().find(&text) else {
        return false;
    };
    let dateline = m.as_str();
    let rest = &text[m.end()..];
    dateline.ends_with(['电', '讯'])
        && !rest.starts_with("记者")
        && rest.chars().next().is_some_and(is_han)
}

/// True when a line opens with a dateline (`本报讯`, `新华社某地某日电`, `本报某地某日电`,
/// `【本报记者 某某】`, `【大公报讯】`),
/// which a narrow column may wrap onto the line `after` it: the narrow form of
/// [`opens_with_byline`] that the document model uses to start a paragraph.
pub fn opens_with_dateline(line: &str, after: Option<&str>) -> bool {
    static DATELINE: OnceLock<Regex> = OnceLock::new();
    if !line.starts_with(['本', '新', '【']) {
        return false;
    }
    let squeezed = unspaced(&[line, after.unwrap_or("")]);
    if !(squeezed.starts_with("本报")
        || squeezed.starts_with("新华社")
        || squeezed.starts_with('【'))
    {
        return false;
    }
    DATELINE
        .get_or_init(|| {
            Regex::new(concat!(
                r"^(?:本报讯|本报[^\s，,。]{0,16}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电讯]",
                r"|新华社[^\s，,。]{0,16}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*电",
                r"|【\p{Han}{0,10}?报\p{Han}{0,6}?记者|【\p{Han}{1,6}报讯】)",
            ))
            .expect("dateline pattern compiles")
        })
        .is_match(&squeezed)
}

/// The parts joined with their white space taken out: spacing says nothing in a dateline,
/// and justified lines space out digits too (`1 0 月 1 8 日 电`).
fn unspaced(parts: &[&str]) -> String {
    parts
        .iter()
        .flat_map(|part| part.split_whitespace())
        .collect()
}

/// Openings of the pattern's alternatives that start with a fixed word or bracket.
const OPENINGS: [&str; 12] = [
    "本报",
    "新华社",
    "据",
    "中新社",
    "人民网",
    "新华网",
    "央视网",
    "中新网",
    "（",
    "(",
    "【",
    "记者",
];

/// A cheap necessary condition for the byline pattern: every alternative starts with one
/// of [`OPENINGS`], except the `…月…日电（` dateline, which needs `电`, and the other
/// papers' `…讯` and `…消息`, which hold `讯` or `息` in their first characters (a
/// `某某日报北京12月4日讯` dateline, in its first 16).
fn may_open_with_byline(text: &str) -> bool {
    static DIAN: OnceLock<Finder<'static>> = OnceLock::new();
    OPENINGS.iter().any(|o| text.starts_with(o))
        || text.chars().take(16).any(|c| c == '讯' || c == '息')
        || DIAN
            .get_or_init(|| Finder::new("电"))
            .find(text.as_bytes())
            .is_some()
}

/// True when block `i` is a long title on its own: no bullet or dash opens it (a deck's
/// point, a subtitle) and no head line sits above it (then it is that title's subtitle).
fn opens_long_title(blocks: &[Block<'_>], i: usize) -> bool {
    let text = blocks[i].text.trim_start();
    is_long_title(&blocks[i])
        && !text.starts_with(['■', '●', '◆', '▲', '★', '—', '─', '-'])
        && !opens_with_byline(text)
        && (i == 0 || !is_head_shaped(&blocks[i - 1]))
}

/// Evidence against body text for a head line set right above a byline, or above such a
/// line (no blank line between): on the clean sets' gold, the head-shaped line right above
/// a dateline is a headline or subtitle 306 times in 312 (docs/METRICS.md).
const HEAD_OVER_BYLINE: f32 = 1.0;

/// Headline evidence for a long unpunctuated line right above a byline (outweighs the
/// headline detector's evidence against running text).
const LONG_TITLE_HEADLINE: f32 = 6.0;

/// Emits `byline` role evidence for paragraphs opening with a byline, and evidence that a
/// new story body starts there when the block above is running text.
pub struct Byline;

impl Detector for Byline {
    fn name(&self) -> &str {
        "byline"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        for (i, block) in blocks.iter().enumerate() {
            if block.chars < 12 || !opens_with_byline(&block.text) {
                continue;
            }
            out.role(i, Role::Byline, 5.0);
            // The story opens at the top of the run of head lines right above the byline.
            let mut top = i;
            // A credit is as short as a head line, but it closes the photo item above.
            let head_line = |b: &Block<'_>| {
                (is_head_shaped(b) || is_colon_kicker(b.text.trim(), b.chars))
                    && !is_credit(&b.text, b.chars)
            };
            // Head lines set right on one another and on the byline are its story's head,
            // not text (a blank line may stand between stories' stacked heads).
            let mut set_on_byline = true;
            while top > 0 && head_line(&blocks[top - 1]) && i - top < 4 {
                top -= 1;
                if top + 1 == i {
                    out.attach_up(top, -2.0);
                }
                set_on_byline = set_on_byline && adjacent_lines(doc, top);
                if set_on_byline {
                    out.role(top, Role::Body, -HEAD_OVER_BYLINE);
                }
            }
            if top == i && i > 0 && opens_long_title(blocks, i - 1) {
                // Prose never ends unpunctuated right above a byline: a long title does.
                top -= 1;
                out.role(top, Role::Headline, LONG_TITLE_HEADLINE);
                out.attach_up(top, -2.0);
            }
            // A bracketed attribution right below running text closes that story.
            let closes_text_above = top == i && is_attribution(&block.text, block.chars);
            if top > 0 && !closes_text_above {
                out.boundary(top - 1, 2.5);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_after_a_dateline_goes_on_outside_brackets() {
        for text in [
            "新华社北京3月5日电  国家主席某某3月5日",
            "本报讯 甲县近日召开",
            "本报甲县3月5日电 甲县",
        ] {
            assert!(text_follows_dateline(text), "{text}");
        }
        for text in [
            "新华社北京3月5日电",
            "本报北京3月5日电 （记者王五）",
            "本报讯（记者张三）",
            "本报讯 记者张三",
            "本报记者 张三",
        ] {
            assert!(!text_follows_dateline(text), "{text}");
        }
    }

    #[test]
    fn recognises_bylines() {
        for text in [
            "本报讯（记者张三）甲县近日召开会议。",
            "本报(李四)为了做好工作,近日开展活动。",
            "本报北京3月5日电 （记者王五）会议今天开幕。",
            "本报3月5日电 会议今天开幕。",
            "新华社北京3月5日电 （记者赵六）会议今天开幕。",
            "据新华社电 会议今天开幕。",
            "本报记者 张三 李四",
            "乙市3月5日电 （记者钱七）乙市今天发布通知。",
            "本 报 上 海 1 0 月 1 8 日 电  (记者孙八)",
            "新京报讯（记者赵雪 实习生钱多）社区食堂开到了家门口。",
            "晨报讯 今年，我市将加快老旧小区加装电梯工作。",
            "央视网消息：国家统计局今天发布数据。",
            "本报北京12月4日讯 记者张明报道：全国冬小麦播种已基本完成。",
            "经济日报北京12月4日讯（记者张明）全国冬小麦播种已基本完成。",
            "【本报记者 刘洋】在日前举行的论坛上，专家展开讨论。",
            "【环球时报驻美国特约记者 王伟】美国国会日前通过一项法案。",
            "【大公报讯】记者李明报道：城南片区老旧小区改造工程近日全面启动。",
        ] {
            assert!(opens_with_byline(text), "{text}");
        }
    }

    #[test]
    fn ordinary_paragraphs_are_not_bylines() {
        for text in [
            "本报今年推出新栏目。",
            "记者在现场看到，工人们正在施工。",
            "新华社的报道称，会议顺利。",
            "通讯员小张带来了好消息。",
            "【记者感言】整治形式主义，必须真正落实中央规定。",
        ] {
            assert!(!opens_with_byline(text), "{text}");
        }
    }

    #[test]
    fn a_story_opens_above_a_colon_kicker_over_its_headline() {
        let ev = super::super::evidence_of(
            &Byline,
            "上一篇的正文到这里就结束了，内容完整。\n\n岚川：\n\n一条路带富一方人\n\n\
             本报岚川9月8日电（记者谈一禾）沿着新修的产业路，蜜橘运往全国各地。\n",
        );
        assert!(ev.boundary(0) > 0.0);
        assert_eq!(ev.boundary(1), 0.0);
    }

    #[test]
    fn a_credit_above_a_headline_is_no_head_line_of_its_story() {
        let ev = super::super::evidence_of(
            &Byline,
            "工作人员为返程旅客发放春运“暖心包”。\n\n张三摄\n\n岚川县开展春风行动\n\n\
             本报讯（通讯员车知夏）春节后，岚川县开展春风行动。\n",
        );
        assert_eq!(ev.boundary(0), 0.0);
        assert!(ev.boundary(1) > 0.0);
    }

    #[test]
    fn a_long_unpunctuated_line_over_a_byline_is_its_title() {
        let page = "上一篇的正文到这里就结束了，内容完整。\n\n\
             甲省人民政府副省长乙某将应邀出席丙国新任总统就职仪式、丁国国王即位庆典并对两国进行友好访问\n\n\
             本报北京10月14日电（记者张三）外交部发言人今天宣布了这一消息。\n";
        let ev = super::super::evidence_of(&Byline, page);
        assert!(ev.roles(1)[Role::Headline.index()] > 0.0);
        assert!(ev.boundary(0) > 0.0);
        assert_eq!(ev.boundary(1), 0.0);
    }

    #[test]
    fn a_news_brief_or_a_cut_line_over_a_byline_is_no_title() {
        for above in [
            "春节期间全国形势总体平稳，各级消防救援力量参与灭火和应急救援一万九千起",
            "意见规定了农村家庭收入评估认定方法、家庭财产评估认定方法、刚性支出认定方法和",
            "——写在甲县撤县设市之际的一些感想与回顾以及对未来若干年发展方向的展望与思考",
        ] {
            let page =
                format!("甲县推进乡村振兴\n\n{above}\n\n本报讯（记者张三）甲县近日召开会议。\n");
            let ev = super::super::evidence_of(&Byline, &page);
            assert_eq!(ev.roles(1)[Role::Headline.index()], 0.0, "{above}");
        }
    }

    #[test]
    fn a_closing_attribution_below_running_text_opens_no_story() {
        let page = "上一篇的正文到这里就结束了，内容完整。\n\n（本报记者张三、李四、王五）\n";
        let ev = super::super::evidence_of(&Byline, page);
        assert!(ev.roles(1)[Role::Byline.index()] > 0.0);
        assert_eq!(ev.boundary(0), 0.0);
    }

    #[test]
    fn head_lines_set_on_a_dateline_are_no_text() {
        // A kicker and a headline right on the dateline, below another story's headline
        // set apart by a blank line: only the two lines on the dateline count as its head.
        let page = "乙县小学迎来新学期

秋粮收购全面启动
甲县多措并举保障农民售粮
                    本报讯（记者张三）甲县秋粮收购工作全面启动，县里开通售粮预约服务。
";
        let ev = super::super::evidence_of(&Byline, page);
        let body = |i: usize| ev.roles(i)[Role::Body.index()];
        assert_eq!(
            [body(0), body(1), body(2)],
            [0.0, -HEAD_OVER_BYLINE, -HEAD_OVER_BYLINE]
        );
    }

    #[test]
    fn evidence_on_block_and_gap() {
        let doc = Document::parse("上一篇的正文到这里就结束了，内容完整，没有断句。\n\n本报讯（记者张三）甲县近日召开会议。\n");
        let mut ev = crate::Evidence::new(doc.blocks().len(), false);
        Byline.detect(&doc, &mut ev.sink("byline", 1.0));
        assert!(ev.roles(1)[Role::Byline.index()] > 0.0);
        assert!(ev.boundary(0) > 0.0);
    }
}
