//! Page furniture: edition and page headers and footers, dates with `星期`, editor lines,
//! `《…》（…第 N 版）` source lines (`第` may be left out), e-paper navigation and the list
//! of the page's titles under `标题导航`; a separator line (`——————`, `* * *`) between two
//! stories.

use super::shape::is_head_shaped;
use crate::text::{is_digit, is_han, is_only_html_tags};
use crate::{Detector, Document, EvidenceSink, Role};
use memchr::memmem::Finder;
use regex::{RegexSet, RegexSetBuilder};
use std::sync::OnceLock;

/// The furniture patterns, compiled in two sets: those anchored at the line's start, which a
/// search gives up on as soon as none of them can match, and the few that may match
/// anywhere, which a search finds by their literal words. One set of all of them makes
/// every search scan the whole line in one large automaton.
struct Patterns {
    anchored: RegexSet,
    floating: RegexSet,
}

impl Patterns {
    fn is_match(&self, line: &str) -> bool {
        self.anchored.is_match(line) || self.floating.is_match(line)
    }
}

fn patterns() -> &'static Patterns {
    static SETS: OnceLock<Patterns> = OnceLock::new();
    SETS.get_or_init(|| {
        let (anchored, floating): (Vec<&str>, Vec<&str>) =
            PATTERNS.iter().partition(|p| p.starts_with('^'));
        let build = |patterns: Vec<&str>| {
            RegexSetBuilder::new(patterns)
                .dfa_size_limit(16 << 20)
                .build()
                .expect("furniture patterns compile")
        };
        Patterns {
            anchored: build(anchored),
            floating: build(floating),
        }
    })
}

/// The shapes of page furniture lines (see [`is_furniture_line`]).
const PATTERNS: [&str; 41] = [
    r"^第\s*\d+\s*[页版]$",
    r"^[-－—]?\s*\d{1,3}\s*[-－—]?$",
    r"^第\s*[A-Z]?\d+\s*版\s*[：:]?\s*\S{0,8}$",
    r"^(?:\S{1,12}\s+){0,3}\S{0,12}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周)[一二三四五六日天]",
    r"星期[一二三四五六日天]\s*$",
    r"^[（(【\[]?(?:(?:责任|本版|美术|版面|值班|图片|文字|视觉|网络|新媒体)?编辑|本版责编|责编|美编|校对|审校|终审|排版)\s*[：:/／]",
    // The same fields without a colon, each a name: `本版责编 张三 美编 李四`.
    r"^(?:本版)?(?:责编|美编|编辑|校对|审校)\s+[\p{Han}·]{2,4}(?:\s+(?:责编|美编|编辑|校对|审校|美术编辑)\s+[\p{Han}·]{2,4})*$",
    // Prompts of a web or app page: scan a code, read the original.
    r"^(?:扫码|扫一扫|扫描二维码|长按识别|长按二维码|点击阅读原文|阅读原文|点击查看|点击观看)[^。，；]{0,14}$",
    // A news site's read-aloud button: `点击播报本文，约`.
    r"^点击播报本文[，,]?\s*(?:约\s*\S{0,8})?$",
    // A paper's name alone on its line: the masthead.
    r"^\p{Han}{1,6}(?:日报|晚报|晨报|早报|时报|商报|周报)(?:数字报|电子报|电子版|数字版)?$",
    // The paper's name, then the page code and perhaps the section: `某某晚报 A05 城事`.
    r"^\p{Han}{1,6}(?:日报|晚报|晨报|早报|时报|商报|周报)\s+[A-Z]?\d{1,2}\s*版?(?:\s+\S{1,8})?$",
    // A section of the paper named alone on its line: `大地副刊`, `文化周刊`.
    r"^\p{Han}{0,6}(?:副刊|周刊|专刊|特刊)$",
    // A source line, `第` left out on a web page: `《 人民日报 》（ 2019年10月14日 03 版）`.
    r"^《[^》]{1,20}》\s*[（(][^）)]*?(?:第\s*)?\d+\s*版\s*[）)]$",
    r"^\S{0,10}第\s*\d+\s*版\s*\S{0,6}\s*\d{4}\s*年",
    // A page header: a few fields, among them the date and then the page number
    // (`某某日报 2024年9月12日 第05版 城市`).
    r"^(?:\S{1,12}\s+){0,3}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s+(?:\S{1,12}\s+){0,2}第\s*[A-Z]?\d+\s*版(?:\s*[：:]?\s*\S{1,10})?$",
    // Masthead: paper, date, section, page code as fields apart by wide spaces.
    r"^\S{1,12}\s{2,}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s{2,}\S{1,10}){1,3}$",
    // Page number and section name apart by a wide space: `2  数字乡村`, `要闻  A3`;
    // a page code with a letter also by an ideographic one (`A4　地方新闻`: a
    // number alone so set is rather a numbered step, `5　悬挂流苏`).
    r"^(?:[A-Z]?\d{1,3}\s{2,}|[A-Z]\d{1,3}\x{3000}\s*)[\p{Han}·]{2,8}$",
    r"^[\p{Han}·]{2,8}(?:\s{2,}[A-Z]?|\x{3000}\s*[A-Z])\d{1,3}$",
    // A front page's masthead: serial number, postal code, page count, publisher,
    // issue number, lunar date, hotlines, e-mail addresses (web addresses: see
    // `is_url_line`).
    r"^(?:国内统一连续出版物号|国内统一刊号|CN\s*\d{2}\s*[-－]\s*\d{4}|邮发代号)",
    r"^今日\s*[\d一二三四五六七八九十]{1,3}\s*版$",
    r"^\p{Han}{1,8}报社出版$",
    // `第723号` alone is rather the number of a decree printed under its title.
    r"^(?:总第\s*\d{3,6}\s*[号期]|第\s*\d{3,6}\s*期)$",
    r"^农历\p{Han}{2,12}$",
    r"^(?:新闻|读者|广告|发行|订报|服务|投诉|举报)?热线(?:电话)?\s*(?:[：:]|[\d\-－ ]{5,}$)",
    r"^(?:E-?mail|EMAIL|E-MAIL|电子邮箱|邮箱)\s*[：:]\s*\S+@\S+$",
    // The paper's name in capitals under the masthead: `LUZHOU DAILY`.
    // (No `\b`: a Unicode word boundary would send the whole set to the slow engine.)
    r"^(?:[A-Z][A-Z.&'-]*\s+){1,4}(?:DAILY|NEWS|TIMES|POST|HERALD|JOURNAL|EXPRESS)(?:\s+[A-Z][A-Z.&'-]*){0,3}$",
    // Web pages of an e-paper: breadcrumbs, dates, page metadata, share and print
    // links, copyright.
    r"^(?:首页|当前位置|您的位置|您现在的位置)[^，。]*[>＞»]",
    // A breadcrumb of a news site: `鹭洲网 > 新闻 > 本地新闻`.
    r"^[^，。>＞»\s]{1,12}(?:\s*[>＞»]{1,2}\s*[^，。>＞»\s]{1,12}){1,5}$",
    // A date and time, then perhaps the source: `2025年05月06日08:12 | 来源：…`.
    r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}:\d{2}[^。！？]*$",
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}[^。！？]*$",
    // Font size buttons, share prompts, a copyright or reprint notice anywhere in a
    // short line, and the labels over a site's lists of links.
    r"^字号\s*[：:]",
    r"^[【\[]字号[\s：:大中小默认]*[】\]]$",
    r"^分享让更多人看到$",
    r"版权所有|未经[^。，]{0,8}(?:授权|许可)[^。，]{0,4}(?:禁止|不得|严禁)",
    r"^\S{0,12}\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$",
    r"^(?:来源|发布时间|发布日期|浏览次数|点击数|阅读数|阅读量|浏览量|点击量|访问量)\s*[：:][^作]*$",
    // A database export's metadata fields: the page and the date of a story.
    r"^(?:版次|版面|版名|期号)\s*[：:]\s*\S.{0,20}$",
    r"^日期\s*[：:]\s*[\d年月日\-/.\s]+$",
    r"^(?:分享到|分享至|打印本页|关闭窗口|【打印】|【关闭】|【纠错】|【收藏】|【我要打印】|返回顶部|版权所有|Copyright|©)",
    // A link to the story before or after, with its title: `上一篇：某地的路修好了`.
    r"^(?:上一篇|下一篇)\s*[：:][^。，；！？]{0,40}$",
    r"^(?:上一版|下一版|上一篇|下一篇|上一期|下一期|往期回顾|返回目录|版面导航|放大|缩小|默认)(?:\s+(?:上一版|下一版|上一篇|下一篇|上一期|下一期|往期回顾|返回目录|版面导航|放大|缩小|默认))*$",
];

/// True for a line that is page furniture by its shape alone (used while building blocks,
/// so a footer inside a wrapped paragraph does not cut it in two).
pub fn is_furniture_line(line: &str) -> bool {
    let line = line.trim();
    if is_list_label(line) || is_url_line(line) || is_only_html_tags(line) {
        return true;
    }
    if let Some((text, only_links)) = markdown_link_text(line) {
        // A page converted from HTML: links alone on a line are its navigation, and a line
        // with links reads as their text.
        return only_links || is_furniture_line(&text);
    }
    // Wide spacing between a header's fields does not count: more than 240 bytes besides
    // spaces is more than 60 characters.
    let spaces = || line.bytes().filter(|&b| b == b' ').count();
    (line.len() <= 240 || line.len() <= 480 && line.len() - spaces() <= 240)
        && may_be_furniture(line)
        && line.chars().filter(|c| !c.is_whitespace()).count() <= 60
        && patterns().is_match(line)
}

/// Line starts that patterns anchored at the start require (besides a digit).
const LINE_STARTS: [&str; 111] = [
    "首页",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "来源",
    "发布时间",
    "发布日期",
    "版次",
    "版面",
    "版名",
    "期号",
    "日期",
    "浏览次数",
    "点击数",
    "阅读数",
    "阅读量",
    "浏览量",
    "点击量",
    "访问量",
    "【纠错】",
    "【收藏】",
    "分享到",
    "字号",
    "【字号",
    "[字号",
    "分享让",
    "分享至",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【我要打印】",
    "【关闭】",
    "返回顶部",
    "版权所有",
    "Copyright",
    "©",
    "第",
    "（本版",
    "（责",
    "（美术",
    "(本版",
    "(责",
    "(美术",
    "-",
    "－",
    "—",
    "《",
    "责任编辑",
    "本版编辑",
    "美术编辑",
    "值班编辑",
    "图片编辑",
    "文字编辑",
    "视觉编辑",
    "网络编辑",
    "新媒体编辑",
    "本版责编",
    "责编",
    "编辑",
    "校对",
    "美编",
    "审校",
    "终审",
    "排版",
    "扫码",
    "扫一扫",
    "扫描二维码",
    "长按",
    "点击",
    "阅读原文",
    "（编",
    "【编",
    "【责",
    "[编",
    "[责",
    "（校",
    "(编",
    "(校",
    "上一版",
    "下一版",
    "上一篇",
    "下一篇",
    "上一期",
    "下一期",
    "往期回顾",
    "国内统一",
    "CN",
    "邮发代号",
    "今日",
    "总第",
    "农历",
    "新闻热线",
    "读者热线",
    "广告热线",
    "发行热线",
    "订报热线",
    "服务热线",
    "投诉热线",
    "举报热线",
    "热线",
    "E-mail",
    "Email",
    "EMAIL",
    "E-MAIL",
    "电子邮箱",
    "邮箱",
    "返回目录",
    "版面导航",
    "放大",
    "缩小",
    "默认",
];

/// A cheap necessary condition for [`is_furniture_line`]: each pattern either starts with
/// one of [`LINE_STARTS`] or a digit (`\d`: any Unicode decimal digit), starts and ends with
/// a capital letter, holds a breadcrumb's `>`, `版权所有`, `未经` or a paper's name before a
/// space (`报 `), ends like a header ([`ends_like_a_header`]), holds `星期`, or holds `年`
/// near its start.
fn may_be_furniture(line: &str) -> bool {
    static YEAR: OnceLock<Finder<'static>> = OnceLock::new();
    static ANYWHERE: OnceLock<[Finder<'static>; WORDS_ANYWHERE.len()]> = OnceLock::new();
    let year_head = &line.as_bytes()[..line.len().min(YEAR_WITHIN_BYTES)];
    let anywhere = ANYWHERE.get_or_init(|| WORDS_ANYWHERE.map(Finder::new));
    starts_like_furniture(line)
        || opens_with_page_number(line)
        || line.starts_with(|c: char| c.is_ascii_uppercase())
            && line.ends_with(|c: char| c.is_ascii_uppercase())
        || ends_like_a_header(line)
        // The patterns with a year hold it after at most a paper's name and a page.
        || YEAR
            .get_or_init(|| Finder::new("年"))
            .find(year_head)
            .is_some()
        || memchr::memchr(b'>', line.as_bytes()).is_some()
        || anywhere.iter().any(|f| f.find(line.as_bytes()).is_some())
}

/// Words the patterns without an anchored start hold anywhere in the line (besides `年`
/// and `>`).
const WORDS_ANYWHERE: [&str; 7] = ["星期", "＞", "»", "版权所有", "未经", "报 ", "报\u{3000}"];

/// True for a line starting with one of [`LINE_STARTS`]; most lines are ruled out by their
/// first character alone.
fn starts_like_furniture(line: &str) -> bool {
    static FIRST_CHARS: OnceLock<Vec<char>> = OnceLock::new();
    let first_chars = FIRST_CHARS.get_or_init(|| {
        let mut chars: Vec<char> = LINE_STARTS
            .iter()
            .filter_map(|w| w.chars().next())
            .collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    });
    line.chars()
        .next()
        .is_some_and(|c| first_chars.binary_search(&c).is_ok())
        && LINE_STARTS.iter().any(|w| line.starts_with(w))
}

/// Bytes from the start of a line within which a header's year (`…年`) must begin.
const YEAR_WITHIN_BYTES: usize = 150;

/// True for a line that may be a page header by its end: a page number after a wide space
/// (`要闻  A3`), a date in digits (`鹭洲日报 2025-05-06`), or a paper's or section's name
/// (`东岭日报`, `大地副刊`).
fn ends_like_a_header(line: &str) -> bool {
    match line.chars().next_back() {
        Some('报' | '版' | '刊') => line.len() <= 10 * 3,
        Some(c) => {
            may_be_digit(c) && (line.contains("  ") || line.contains(['-', '/', '\u{3000}']))
        }
        None => false,
    }
}

/// True for a line opening with a digit, or with a capital and a digit (`A4`, a page).
fn opens_with_page_number(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('A'..='Z') => chars.next().is_some_and(is_digit),
        Some(c) => may_be_digit(c),
        None => false,
    }
}

/// False only for characters that are not Unicode decimal digits; cheap for Han characters
/// and CJK punctuation, which have none.
fn may_be_digit(c: char) -> bool {
    match c {
        '0'..='9' => true,
        _ if c.is_ascii() || is_han(c) => false,
        '\u{3000}'..='\u{303F}' => false,
        '\u{FF00}'..='\u{FFEF}' => matches!(c, '０'..='９'),
        _ => c.is_numeric(),
    }
}

/// Emits noise evidence for content blocks shaped like furniture (a backstop for blocks
/// that were merged with neighbours).
pub struct Furniture;

impl Detector for Furniture {
    fn name(&self) -> &str {
        "furniture"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        for (i, block) in blocks.iter().enumerate() {
            let below = blocks.get(i + 1).map(|b| doc.first_line_text(b));
            if is_furniture_above(&block.text, below) {
                out.role(i, Role::Noise, 6.0);
            } else if is_separator_line(&block.text) {
                out.role(i, Role::Noise, 6.0);
                if i + 1 < blocks.len() {
                    out.boundary(i, SEPARATOR_BOUNDARY);
                }
            }
        }
        for i in listed_entries(doc) {
            out.role(i, Role::Noise, 6.0);
        }
    }
}

/// True when `line` is page furniture ([`is_furniture_line`]) with the line `below` it
/// (if any) under it: a figure called out over the text that quotes it is no page number
/// (`229` over `…对229名领导干部…`).
pub fn is_furniture_above(line: &str, below: Option<&str>) -> bool {
    is_furniture_line(line) && !below.is_some_and(|below| is_quoted_callout(line, below))
}

/// True when `number` is a number of two or three digits alone on its line (which reads
/// like a page number) that the line below it, `text`, quotes, not as a date or a page: a
/// figure called out over the text that explains it (`229` over `…对229名领导干部…`).
fn is_quoted_callout(number: &str, text: &str) -> bool {
    let number = number.trim();
    if !(2..=3).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        !before.is_some_and(is_digit)
            && !after.is_some_and(|c| is_digit(c) || "月日版年页".contains(c))
    })
}

/// Boundary evidence below a separator line (read by the block after it, the separator
/// being set aside as noise). A literary piece may break its own sections with one too, so
/// it is not the last word.
const SEPARATOR_BOUNDARY: f32 = 2.0;

/// Characters a separator line is drawn with.
const SEPARATOR_CHARS: [char; 31] = [
    '—', '─', '━', '-', '－', '=', '＝', '*', '＊', '~', '～', '_', '＿', '#', '＃', '+', '●', '○',
    '◆', '◇', '■', '□', '★', '☆', '※', '◎', '·', '•', '▲', '△', '♦',
];

/// True for a line drawn only with separator characters, three or more (`——————`,
/// `* * *`, `==========`), at most two different ones: a rule between two stories.
pub fn is_separator_line(text: &str) -> bool {
    let mut drawn = 0;
    let mut kinds: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if !SEPARATOR_CHARS.contains(&c) {
            return false;
        }
        if !kinds.contains(&c) {
            kinds.push(c);
        }
        drawn += 1;
    }
    drawn >= 3 && kinds.len() <= 2
}

/// Labels an e-paper web page sets over the list of the page's titles.
const TITLE_LIST_LABELS: [&str; 3] = ["标题导航", "本版导航", "本版标题导航"];

/// Labels a news site sets over lists of links to other articles.
/// (Not `相关链接` or `相关阅读`: in print they head a sidebar of text.)
const LINK_LIST_LABELS: [&str; 12] = [
    "相关新闻",
    "相关文章",
    "热门推荐",
    "推荐阅读",
    "猜你喜欢",
    "热点新闻",
    "热门新闻",
    "更多新闻",
    "最新新闻",
    "精彩推荐",
    "阅读排行",
    "点击排行",
];

/// True for a web address alone on its line (an e-paper page's link), however long.
fn is_url_line(line: &str) -> bool {
    let address = line
        .strip_prefix("http://")
        .or_else(|| line.strip_prefix("https://"))
        .or_else(|| line.strip_prefix("www."));
    address.is_some_and(|rest| {
        !rest.is_empty() && line.len() <= 2048 && !rest.contains(char::is_whitespace)
    })
}

/// `line` with each Markdown link read as its text and each image left out
/// (`[首页](…) > [数字报](…)` → `首页 > 数字报`), and whether nothing but links, images and
/// separators (`>`, `|`, `/`, `·`) is on it, when it holds one; `None` otherwise.
fn markdown_link_text(line: &str) -> Option<(String, bool)> {
    if !line.contains("](") || line.len() > 2048 {
        return None;
    }
    let separators = |part: &str| {
        part.chars()
            .all(|c| c.is_whitespace() || matches!(c, '>' | '»' | '|' | '/' | '·'))
    };
    let mut text = String::new();
    let mut only_links = true;
    let mut rest = line;
    let mut found = false;
    while let Some(open) = rest.find('[') {
        let link = &rest[open + 1..];
        let parsed = link.split_once("](").and_then(|(label, after)| {
            let (address, after) = after.split_once(')')?;
            let plain = !label.contains(['[', ']']) && !address.is_empty();
            (plain && !address.contains(char::is_whitespace)).then_some((label, after))
        });
        let Some((label, after)) = parsed else {
            text.push_str(&rest[..=open]);
            only_links &= separators(&rest[..=open]);
            rest = link;
            continue;
        };
        let image = rest[..open].ends_with('!');
        let before = if image {
            &rest[..open - 1]
        } else {
            &rest[..open]
        };
        text.push_str(before);
        only_links &= separators(before);
        if !image {
            text.push_str(label);
        }
        rest = after;
        found = true;
    }
    text.push_str(rest);
    only_links &= separators(rest);
    found.then_some((text, only_links))
}

/// True for a label over a list of titles or links ([`TITLE_LIST_LABELS`],
/// [`LINK_LIST_LABELS`]).
fn is_list_label(line: &str) -> bool {
    let label = without_colon(line);
    TITLE_LIST_LABELS.contains(&label) || LINK_LIST_LABELS.contains(&label)
}

/// A label with the colon after it left out: `相关阅读：` → `相关阅读`.
fn without_colon(label: &str) -> &str {
    label.trim_end_matches(['：', ':']).trim_end()
}

/// The content blocks listed under a list label: the run of blocks right below it (blank
/// lines aside) that each repeat the text of a block above them, under a
/// [`TITLE_LIST_LABELS`] line (the page's titles, printed again as links), or that are one
/// head-shaped line each, under a [`LINK_LIST_LABELS`] line (titles of other articles).
fn listed_entries(doc: &Document<'_>) -> Vec<usize> {
    let (blocks, lines) = (doc.blocks(), doc.lines());
    let mut entries = Vec::new();
    for label in doc.furniture() {
        let text = without_colon(label.text.trim());
        let listed: &dyn Fn(usize) -> bool = if TITLE_LIST_LABELS.contains(&text) {
            &|k| blocks[..k].iter().any(|above| above.text == blocks[k].text)
        } else if LINK_LIST_LABELS.contains(&text) {
            &|k| blocks[k].lines.len() == 1 && is_head_shaped(&blocks[k])
        } else {
            continue;
        };
        let mut next_line = label.lines[label.lines.len() - 1] + 1;
        let mut k = blocks.partition_point(|b| b.lines[0] < next_line);
        while let Some(block) = blocks.get(k) {
            while lines.get(next_line).is_some_and(|l| l.blank) {
                next_line += 1;
            }
            if block.lines[0] != next_line || !listed(k) {
                break;
            }
            entries.push(k);
            next_line = block.lines[block.lines.len() - 1] + 1;
            k += 1;
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::super::evidence_of;
    use super::*;

    #[test]
    fn the_titles_listed_under_a_title_list_label_are_furniture() {
        let page = "甲县的路修好了\n\n甲县的路修好了，村民出行更方便了。\n\n乙县新闻\n\n\
                    标题导航\n甲县的路修好了\n乙县新闻\n丙县新闻\n";
        let doc = Document::parse(page);
        assert_eq!(
            listed_entries(&doc),
            [3, 4],
            "丙县新闻 repeats no block above"
        );
        let ev = evidence_of(&Furniture, page);
        assert!(ev.roles(3)[Role::Noise.index()] > 0.0);
        assert_eq!(ev.roles(0)[Role::Noise.index()], 0.0);
    }

    #[test]
    fn the_links_under_a_link_list_label_are_furniture() {
        let page = "甲县的路修好了\n甲县的路修好了，村民出行更方便了。\n\
                    相关新闻\n乙县的桥修好了\n丙县新建学校\n丁县的路修好了，村民很高兴。\n";
        let doc = Document::parse(page);
        assert_eq!(listed_entries(&doc), [2, 3], "a sentence ends the list");
        let with_colon = page.replace("相关新闻", "相关文章：");
        let doc = Document::parse(&with_colon);
        assert_eq!(listed_entries(&doc), [2, 3], "a label may end on a colon");
    }

    #[test]
    fn footers_and_headers() {
        for line in [
            "第 10 页",
            "- 3 -",
            "2021年8月5日 星期四",
            "人民日报 2021年8月5日 星期四",
            "责任编辑：张三",
            "本版编辑：李四 王五",
            "《人民日报》（2019年02月01日 第 01 版）",
            "《 人民日报 》（ 2019年10月14日 03 版）",
            "第05版：要闻",
            "上一版 下一版",
            "甲城晚报  2024年6月3日  文化·城事  A07",
            "2  数字乡村",
            "东岭日报",
            "（本版责编：韩 冬）",
            "首页 > 数字报 > 第05版：经济",
            "鹭洲日报 2025-05-06",
            "2025/05/06 08:30",
            "来源：鹭洲日报  发布时间：2025-05-06 08:30",
            "分享到：微信 微博",
            "版权所有 鹭洲日报社 未经授权不得转载",
            // Patterns that may match anywhere in the line (the second set).
            "本网站所载内容未经书面授权不得转载",
            "岚城晚报 2025年8月20日 星期三",
            "要闻  A3",
            "岚城晚报                    2025年8月20日  星期三                    A07",
            "A4　地方新闻",
            "（编辑：王小华）",
            "鹭洲日报数字报",
            "上一期    下一期    往期回顾",
            "第A03版：要闻·城市",
            "标题导航",
            "本版标题导航",
            "点击播报本文，约",
            "扫一扫在手机打开当前页",
            "【我要打印】【关闭】",
            "校对：李四",
            "A2 要闻 2025年3月12日 星期三 责编 陈一鸣 美编 林小雨",
            "编辑/张三 校对/李四",
            "美编：林小雨",
            "扫码看视频",
            "点击阅读原文",
            "大地副刊",
            "版次：A2",
            "日期：2025-03-12",
            "人民网 >> 人民日报 >> 第04版：要闻",
            "【字号 大 中 小】",
            "上一篇：春运首日发送旅客近七千万人次",
            "http://paper.people.com.cn/rmrb/html/2020-01/06/nw.D110000renmrb_20200106_1-04.htm",
            "阅读数：1234",
            "【纠错】 【责任编辑：李四】",
            "相关文章：",
            "![](https://img.example.com/2024/a.jpg)",
            "[返回首页](https://www.example.com/)  [下一篇](/news/2.html)",
            "[首页](https://www.example.com/) > [数字报](https://www.example.com/paper/) > 第06版",
            "青岚日报 2024年9月12日 第05版 城市",
            "2024年9月12日 第A05版：地方新闻",
            "鹭洲晚报 A05 城事",
            "版面编辑：张三",
            "图片编辑：王五",
            "本版责编 张三 美编 李四",
            "热线电话：0592-1234567",
            "新闻热线 96123",
        ] {
            assert!(is_furniture_line(line), "{line}");
        }
    }

    #[test]
    fn separator_lines() {
        for line in ["——————————", "* * *", "==========", "－－－－－", "◆ ◇ ◆ ◇"]
        {
            assert!(is_separator_line(line), "{line}");
        }
        for line in ["……", "——", "”。", "*注：数据截至年底", "● ○ ◆"] {
            assert!(!is_separator_line(line), "{line}");
        }
        let ev = super::super::evidence_of(
            &Furniture,
            "会议要求抓好落实。\n\n* * *\n\n乙县的路修好了\n",
        );
        assert!(ev.roles(1)[Role::Noise.index()] > 0.0);
        assert!(ev.boundary(1) > 0.0);
    }

    #[test]
    fn content_is_not_furniture() {
        for line in [
            "本报北京1月31日电 （记者杜一菲）国家主席在人民大会堂举行会谈。",
            "乡村振兴，电力先行。",
            "2018年重庆市化解信访积案1125件。",
            "20.7%",
            "守护好一江碧水",
            // The date under a signed decree or letter belongs to its text.
            "2019年10月26日",
            "17个",
            "增长 12",
            "春天的喜报",
            "来源：鹭洲日报  作者：卓一鸣",
            "首页经济增长3%",
            "5　悬挂流苏",
            "今日立夏",
            "农历新年将至，各地年味渐浓。",
            "热线电话打不通怎么办？",
            "新闻热线 接听群众来电",
            "总编辑张三说，报纸要办得更好。",
            "鹭洲晚报 创刊40年",
            "邮箱里的一封信",
            "NEWS",
            "GDP",
            "第723号",
            "他未经授权擅自使用了别人的商标。",
            "有关报道被多家媒体转载。",
            "相关新闻报道",
            "点击量破亿的背后",
            "日期：待定，请关注通知。",
            "扫码支付成为新习惯，老年人却犯了难。",
            "上一篇：我们讲到，村里的路修好了。",
            "www.",
            "字号大中小的区别",
            "[注] 本文数据来自统计局。",
            "他说（见图）[1]",
            "据[新华社](https://www.example.com/)报道，甲县今年新建公园十座。",
            "2024年9月12日 该书第3版正式发行",
        ] {
            assert!(!is_furniture_line(line), "{line}");
        }
    }
}
