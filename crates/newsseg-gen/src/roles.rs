//! Role derivation: turns a source article into role-tagged units in reading order.
//!
//! The rules are documented in `docs/GENERATOR.md`; each is a small predicate below.

use crate::source::SourceArticle;
use newsseg::text::{char_count, ends_on_comma_or_colon};
use newsseg::Role;
use regex::Regex;
use std::sync::LazyLock;

/// One printed unit of an article (a head field or a paragraph) with its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The role of every line of this unit.
    pub role: Role,
    /// The text, on one line (no `\n`), trimmed.
    pub text: String,
}

/// Longest paragraph (in chars) that can be a subhead.
pub const SUBHEAD_MAX_CHARS: usize = 25;
/// Longest paragraph (in chars) that can be a credit line.
const CREDIT_MAX_CHARS: usize = 40;

static CREDIT_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"新华社发|供图|制图|资料图片|影像中国|图片来源|视觉中国|摄影报道|^(本期|本版)?(统筹|版式设计|版式|设计)\s*[、：:]|^图片均?由\S{1,20}提供$")
        .expect("valid regex")
});
static TEXT_AND_PICTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}·\s]{1,16}[图摄]\s+[\p{Han}·\s]{1,16}文$|^[\p{Han}·\s]{1,16}文\s+[\p{Han}·\s]{1,16}[图摄]$")
        .expect("valid regex")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[（(]?据?(本报|新华社|人民网|中新社|央视网?|光明日报|经济日报)[^，。；！？]{0,24}?[电讯]|^[（(](本报)?(记者|通讯员|特约记者)",
    )
    .expect("valid regex")
});
static PAREN_NAMES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(][\p{Han}·\s]{2,24}[）)]$").expect("valid regex"));
static AUTHOR_PREFIXED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(本报|新华社|人民网)?(特约)?(记者|通讯员|评论员)(\s+[\p{Han}·]{1,6})*$")
        .expect("valid regex")
});
static AUTHOR_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(]作者(为|单位|系|是)").expect("valid regex"));
static NAME_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}·]{2,3}(\s+[\p{Han}·]{2,3}){1,3}$").expect("valid regex")
});
static SIGNATURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^——\s*[\p{Han}·@\s]{1,10}$").expect("valid regex"));
/// Characters that do not occur in personal names but do in short spaced phrases.
const NON_NAME_CHARS: [char; 8] = ['了', '的', '是', '在', '和', '与', '不', '要'];
static CAPTION_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(图为|图[①-⑳\d]|[上下左右中]图|图片说明)|[。！？]图为").expect("valid regex")
});
static DATA_CALLOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\d.,%％:：~—\-\s万亿千百个件人次年月日时分起倍米吨亩户家座所台辆元美]+$")
        .expect("valid regex")
});

/// Normalises source text to one trimmed line (`\n`, `\r`, tabs become spaces).
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// True for punctuation that ends a sentence or a clause-final stop.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '：' | '…' | '!' | '?' | ';' | ':' | '.'
    )
}

/// True for closing quotes and brackets, which may follow terminal punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》' | '"' | '\'')
}

/// True when the text ends with terminal punctuation (closing quotes skipped).
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .rev()
        .find(|&c| !is_closer(c))
        .is_some_and(is_terminal)
}

/// `…摄`, `新华社发`, `供图`, `制图：…`, `（影像中国）`, `某某图  某某文`: a short credit line.
pub fn is_credit(text: &str) -> bool {
    if char_count(text) > CREDIT_MAX_CHARS {
        return false;
    }
    let bare = text
        .trim_end_matches(['）', ')'])
        .trim_end_matches(|c: char| c != '（' && c != '(')
        .trim_end_matches(['（', '(']);
    let core = if text.ends_with(['）', ')']) && !bare.is_empty() {
        bare
    } else {
        text
    };
    core.ends_with('摄') || CREDIT_MARK.is_match(text) || TEXT_AND_PICTURE.is_match(text)
}

/// A credit of a photograph (not a graphics or page credit such as `本版制图`).
fn is_photo_credit(text: &str) -> bool {
    is_credit(text) && !text.contains("制图") && !text.contains("本版") && !text.contains("来源")
}

/// Longest paragraph labelled `byline`: as in the real seed page, a paragraph that opens with
/// a byline and goes on with body text (longer, ending a sentence, or on a comma or colon)
/// is `body`; only a line that is just the byline or dateline is `byline`.
const BYLINE_ONLY_MAX_CHARS: usize = 40;

/// A paragraph opening with a dateline or byline (`本报北京1月31日电`, `新华社…电`, `（记者…）`),
/// or a parenthesised attribution made of names only.
pub fn is_byline(text: &str) -> bool {
    BYLINE.is_match(text) || PAREN_NAMES.is_match(text)
}

/// A paragraph made only of names: `本报记者 张三 李四`, `本报特约评论员`, `（作者为…）`, a
/// signature `——某某`; without a reporter prefix only when `leading` (two to four names of 2–3
/// chars separated by spaces).
pub fn is_author(text: &str, leading: bool) -> bool {
    AUTHOR_PREFIXED.is_match(text)
        || AUTHOR_NOTE.is_match(text)
        || SIGNATURE.is_match(text)
        || (leading && NAME_LIST.is_match(text) && !text.contains(NON_NAME_CHARS))
}

/// A data call-out such as `53%` or `5万亿 289亿`: digits and units only.
pub fn is_data_callout(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit()) && DATA_CALLOUT.is_match(text)
}

/// A short paragraph without terminal punctuation that is not a call-out.
pub fn is_subhead(text: &str) -> bool {
    char_count(text) <= SUBHEAD_MAX_CHARS && !ends_sentence(text) && !is_data_callout(text)
}

/// A paragraph that opens like a photo caption (`图为…`, `图①：…`, `…。图为…`).
pub fn opens_caption(text: &str) -> bool {
    CAPTION_OPENING.is_match(text)
}

/// Roles of an article's paragraphs (already one-lined and non-empty), in order.
pub fn paragraph_roles(paragraphs: &[String]) -> Vec<Role> {
    let mut roles: Vec<Role> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let next = paragraphs.get(i + 1).map(String::as_str);
            local_role(p, i == 0, next)
        })
        .collect();
    extend_captions_backwards(paragraphs, &mut roles);
    roles
}

fn local_role(text: &str, leading: bool, next: Option<&str>) -> Role {
    if is_credit(text) {
        Role::Credit
    } else if is_author(text, leading) {
        Role::Author
    } else if is_byline(text)
        && char_count(text) <= BYLINE_ONLY_MAX_CHARS
        && !ends_sentence(text)
        && !ends_on_comma_or_colon(text)
    {
        Role::Byline
    } else if opens_caption(text) || next.is_some_and(is_photo_credit) {
        Role::Caption
    } else if is_subhead(text) {
        Role::Subhead
    } else {
        Role::Body
    }
}

/// A photo item is often `description` + `图为…` + credit: the description paragraph before a
/// caption is part of the caption when it opens the article or follows a credit.
fn extend_captions_backwards(paragraphs: &[String], roles: &mut [Role]) {
    for i in (1..roles.len()).rev() {
        let prev = i - 1;
        let opens_item = prev == 0 || roles[prev - 1] == Role::Credit;
        if roles[i] == Role::Caption
            && roles[prev] == Role::Body
            && opens_item
            && char_count(&paragraphs[prev]) <= 200
            && opens_caption(&paragraphs[i])
        {
            roles[prev] = Role::Caption;
        }
    }
}

/// The units of an article in reading order: kicker, headline, subtitle, then the paragraphs.
pub fn article_units(article: &SourceArticle) -> Vec<Unit> {
    let head = [
        (Role::Kicker, &article.kicker),
        (Role::Headline, &article.title),
        (Role::Subtitle, &article.subtitle),
    ];
    let paragraphs: Vec<String> = article
        .paragraphs
        .iter()
        .map(|p| one_line(p))
        .filter(|p| !p.is_empty())
        .collect();
    let roles = paragraph_roles(&paragraphs);
    head.into_iter()
        .map(|(role, text)| (role, one_line(text)))
        .filter(|(_, text)| !text.is_empty())
        .chain(roles.into_iter().zip(paragraphs))
        .map(|(role, text)| Unit { role, text })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(ps: &[&str]) -> Vec<Role> {
        let ps: Vec<String> = ps.iter().map(|s| s.to_string()).collect();
        paragraph_roles(&ps)
    }

    #[test]
    fn names_only_leading_paragraph_is_author() {
        assert!(is_author("本报记者\u{a0}赵小明\u{a0}钱\u{a0}亮", false));
        assert!(is_author("本报特约评论员", false));
        assert!(is_author("孙大伟 周小红", true));
        assert!(!is_author("孙大伟 周小红", false));
        assert!(!is_author("春风拂面 万物复苏", true));
        assert!(!is_author("序 言", true));
        assert!(!is_author("李大嫂 笑开了", true));
        assert!(is_author("——编  者", false));
        assert!(!is_author("——稳住基本盘。", false));
        assert!(!is_author("记者观察", false));
        assert!(!is_author(
            "本报记者日前走访了一家工厂，看到机器轰鸣。",
            false
        ));
    }

    #[test]
    fn datelines_and_bylines() {
        assert!(is_byline(
            "本报杭州3月5日电  （记者吴小川）当天上午，一场展会开幕。"
        ));
        assert!(is_byline(
            "新华社北京3月5日电 记者从有关部门获悉，新规将施行。"
        ));
        assert!(is_byline("本报讯 近日，某市举办了一场读书会。"));
        assert!(is_byline("（记者郑一帆）"));
        assert!(is_byline("（吴小川 郑一帆）"));
        assert!(!is_byline("本报记者走进一座村庄，看到新修的道路。"));
    }

    #[test]
    fn credits() {
        for c in [
            "本报记者\u{a0}刘一鸣摄",
            "郑小青摄（影像中国）",
            "新华社发",
            "受访者供图",
            "制图：赵 勇",
            "资料图片",
            "王一图  李二文",
        ] {
            assert!(is_credit(c), "{c}");
        }
        assert!(!is_credit("他们拍摄了许多照片，并制作成册。"));
        assert!(!is_credit(
            "摄影爱好者聚集在湖边，等待日出，一直等到了天亮才离开这里。"
        ));
    }

    #[test]
    fn subheads_and_callouts() {
        assert!(is_subhead("让乡村更有活力"));
        assert!(is_subhead("“把小事办好”"));
        assert!(!is_subhead("他点了点头。"));
        assert!(!is_subhead("“我们一定能做到！”"));
        assert!(is_data_callout("37%"));
        assert!(is_data_callout("1260亿元"));
        assert!(is_data_callout("4万亿 95亿"));
        assert!(!is_subhead("37%"));
        assert!(!is_data_callout("3个方面值得关注"));
    }

    #[test]
    fn paragraph_roles_of_a_small_article() {
        let got = roles(&[
            "本报记者 赵小明",
            "本报南京3月2日电 （记者赵小明）春天到了，田里一片忙碌，农民们在地里抢抓农时，播种育苗。",
            "新技术进田间",
            "农技员正在示范新的播种方法，村民们围在一旁仔细观看。",
            "图为农技员在田间讲解。",
            "钱 亮摄",
            "本版制图：孙 敏",
        ]);
        use Role::*;
        assert_eq!(
            got,
            vec![Author, Body, Subhead, Body, Caption, Credit, Credit]
        );
    }

    #[test]
    fn photo_item_description_joins_its_caption() {
        let got = roles(&[
            "三月一日，某县举行春耕仪式，各地农民赶来参加。",
            "图为农民驾驶新式农机。",
            "本报记者 钱 亮摄",
        ]);
        assert_eq!(got, vec![Role::Caption, Role::Caption, Role::Credit]);
    }

    #[test]
    fn paragraph_before_a_photo_credit_is_a_caption() {
        let got = roles(&["三月一日，游客在花海中拍照留念。", "孙小梅摄（影像中国）"]);
        assert_eq!(got, vec![Role::Caption, Role::Credit]);
    }

    #[test]
    fn article_units_follow_fields_then_paragraphs() {
        let a = SourceArticle {
            id: "x".into(),
            date: "20200101".into(),
            page: 1,
            seq: 1,
            kicker: "引子".into(),
            title: "标题".into(),
            subtitle: String::new(),
            paragraphs: vec!["正文第一段，\n内容。".into(), "  ".into()],
        };
        let units = article_units(&a);
        assert_eq!(units.len(), 3);
        assert_eq!(units[0].role, Role::Kicker);
        assert_eq!(units[1].role, Role::Headline);
        assert_eq!(units[2].text, "正文第一段， 内容。");
    }
}
