//! Author lines under a headline: 2–4-character names separated by spaces
//! (`张三 李四`), each group of names optionally after a role (`本报记者`, `新华社记者`,
//! `晨报记者`, `人民网记者`, `通讯员`, `实习生`, `本报评论员`), the whole optionally after a bullet
//! (`□`), a credit for text or pictures before any group (`文/图`, `文/本报记者 某某
//! 图/本报记者 某某`, `作者 | 某某`, `撰文：某某  摄影：某某`), and before `报道` or a
//! place (`／台北报导`), the whole optionally in `【】`. A section label (`记者手记`) is no
//! author line.

use super::subhead::{is_section_label, without_bullet};
use crate::{Detector, Document, EvidenceSink, Role};
use regex::Regex;
use std::sync::OnceLock;

/// A reporter's role before names: `本报记者`, `某某报记者`, `新华社记者`, `通讯员`.
const ROLE: &str = concat!(
    r"(?:(?:本报|新华社|人民日报|\p{Han}{1,4}报|\p{Han}{1,4}社|\p{Han}{1,4}台|\p{Han}{1,4}网)?",
    r"(?:特约|首席|全媒体|融媒体|新媒体|见习)?",
    r"(?:记者|评论员|通讯员|实习生|特约评论员|驻[^\s]{1,6}记者))",
);

/// A name, with the part after a middle dot for transcribed names.
const NAME: &str = r"\p{Han}{1,4}(?:·\p{Han}{1,6})?";

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Names after a role, or a role alone (`本报评论员`), or names alone.
        let names = format!(r"(?:{ROLE}[\s：:]*(?:{NAME})?|{NAME})");
        Regex::new(&format!(
            r"^【?{CREDIT}?{names}(?:[\s、，,]+{CREDIT}?{names}){{0,5}}\s*(?:{PLACE_AFTER}|{CREDIT_AFTER})?】?$"
        ))
        .expect("author pattern compiles")
    })
}

/// Who wrote the text and took the pictures: `文/`, `文/图`, `图文：`, `作者 | `, `摄影：`.
const CREDIT: &str = r"(?:(?:文|图|文图|图文|文·图|撰文|作者|摄影)\s*[/／｜|:：]\s*)";

/// Where the names reported from, after them: `报道`, `／台北报导` (`記者某某／台北報導`,
/// the form of Taiwan's papers).
const PLACE_AFTER: &str = r"(?:[/／]\s*\p{Han}{1,6}?)?(?:报道|报导)|[/／]\s*\p{Han}{1,6}";

/// A credit after the names: `文/图`, `文`, `摄`.
const CREDIT_AFTER: &str = r"文\s*[/／]\s*图|图\s*[/／]\s*文|文|摄";

/// Words that make a line of names an author line for sure.
const ROLE_WORDS: [&str; 11] = [
    "记者",
    "评论员",
    "通讯员",
    "实习生",
    "文/",
    "文／",
    "文|",
    "文 |",
    "文｜",
    "作者",
    "撰文",
];

fn has_role(line: &str) -> bool {
    ROLE_WORDS.iter().any(|w| line.contains(w))
}

/// True for the metadata line a web page of an e-paper sets under a title, when it names
/// the author: `来源：某某日报  作者：张三  发布时间：…`.
fn is_page_metadata_with_author(line: &str) -> bool {
    line.chars().count() <= 2 * MAX_AUTHOR_CHARS
        && line.contains("作者：")
        && (line.starts_with("作者：") || PAGE_METADATA.iter().any(|field| line.contains(field)))
}

/// Other fields of a web page's metadata line beside the author (a book list's `书名：… 作者：…`
/// is no such line).
const PAGE_METADATA: [&str; 5] = ["来源：", "发布", "时间：", "日期：", "编辑："];

/// Longest author line, in characters.
const MAX_AUTHOR_CHARS: usize = 30;

/// Scores a raw line as an author line: 0 when it cannot be one.
pub fn author_score(line: &str) -> f32 {
    // A cheap bound in bytes (four per character, twice over for surrounding white space).
    if line.len() > 2 * MAX_AUTHOR_CHARS * 4 {
        return 0.0;
    }
    let trimmed = line.trim();
    if is_page_metadata_with_author(trimmed) {
        return SURE_AUTHOR;
    }
    let line = without_bullet(trimmed);
    if is_section_label(line) {
        return 0.0;
    }
    let bulleted = line.len() < trimmed.len();
    let chars = line.chars().count();
    if chars > MAX_AUTHOR_CHARS || !pattern().is_match(line) {
        return 0.0;
    }
    let names: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '、' || c == '，' || c == ',')
        .filter(|s| !s.is_empty())
        .collect();
    // Names alone (no reporter's role) read as names when each has a name's length and
    // opens with a surname: `晒麦种 备秋播` or `有路标、好查找` is a title set in parallel.
    let name_like = names
        .iter()
        .all(|name| (2..=3).contains(&name.chars().count()) && opens_with_surname(name));
    match (has_role(line) || bulleted, names.len(), name_like) {
        (true, _, _) => SURE_AUTHOR,
        (false, 2.., true) => 3.5,
        (false, 2.., false) => 1.0,
        _ => 0.0,
    }
}

/// The score of a line that is an author line for sure: a reporter's role or a credit
/// before the names, a bullet, or a web page's `作者：` field.
const SURE_AUTHOR: f32 = 5.0;

/// True for a line that is an author line for sure (the highest score of [`author_score`]),
/// such as a reporter named by role (`本报记者 某某`).
pub fn names_a_reporter(line: &str) -> bool {
    author_score(line) >= SURE_AUTHOR
}

/// Common Chinese surnames of one character.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱丘江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";

/// Common Chinese surnames of two characters whose first is no surname of its own.
const COMPOUND_SURNAMES: [&str; 11] = [
    "上官", "东方", "皇甫", "令狐", "端木", "长孙", "宇文", "西门", "南宫", "独孤", "完颜",
];

/// True when `name` opens with a common surname.
fn opens_with_surname(name: &str) -> bool {
    name.chars().next().is_some_and(|c| SURNAMES.contains(c))
        || COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s))
}

/// Emits `author` role evidence from the raw text of each single-line block.
pub struct Author;

impl Detector for Author {
    fn name(&self) -> &str {
        "author"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        for (i, block) in doc.blocks().iter().enumerate() {
            if block.lines.len() == 1 {
                let line = doc.first_line_text(block);
                let mut score = author_score(line);
                if score == 0.0 && block.text.len() < line.len() {
                    // A justified line (`本 报 记 者 张 三`) spaces out its names too: its
                    // squeezed text still shows the reporter's role.
                    score = author_score(&block.text);
                }
                if score > 0.0 {
                    out.role(i, Role::Author, score);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_lines() {
        assert!(author_score("张三 李四") > 0.0);
        assert!(author_score("本报记者 张三 李四") > author_score("张三 李四"));
        assert!(author_score("本报记者　王五") > 0.0);
        assert!(author_score("甲县推进乡村振兴") == 0.0);
        assert!(author_score("守正创新 技术突破") < author_score("张三 李四"));
        // Names alone open with surnames; titles set in parallel do not.
        assert_eq!(author_score("晁一川 戚念安"), 3.5);
        assert_eq!(author_score("上官云、欧阳文"), 3.5);
        assert_eq!(author_score("晒麦种 备秋播"), 1.0);
        assert_eq!(author_score("有路标、好查找"), 1.0);
        assert!(author_score("会议要求，各乡镇要抓好落实。") == 0.0);
        for line in [
            "□ 晨报记者 周小川 通讯员 吴明",
            "文/图 记者 林一凡",
            "本报记者 张三 实习生 李四",
            "■记者 王五 报道",
            "□ 方 言",
            "本报评论员",
            "晚报记者 戚小雨 文/图",
            "来源：鹭洲日报  作者：卓一鸣  发布时间：2025-05-06 08:30",
            "记者林一凡／台北报导",
            "【记者林一凡／综合报导】",
            "文/本报记者 孙丽 图/本报记者 周军",
            "融媒体记者 张三",
            "人民网记者 张三",
            "作者 | 张三",
            "文 | 张三",
            "撰文：张三  摄影：李四",
        ] {
            assert_eq!(author_score(line), 5.0, "{line}");
        }
        assert_eq!(author_score("■记者手记"), 0.0);
        assert_eq!(author_score("书名：长河落日  作者：张小明"), 0.0);
    }

    #[test]
    fn a_justified_author_line_is_read_squeezed() {
        let line = "本 报 记 者 张 小 明";
        assert_eq!(author_score(line), 0.0);
        let ev = super::super::evidence_of(&Author, &format!("甲县新建图书馆\n\n{line}\n"));
        assert_eq!(ev.roles(1)[Role::Author.index()], 5.0);
    }
}
