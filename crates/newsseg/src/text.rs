//! Character-level helpers for Chinese newspaper text (full- and half-width punctuation,
//! traditional and simplified script, the radicals and compatibility ideographs of PDF fonts).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// True for characters that end a sentence: `。！？!?；;…` and the ASCII full stop.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '.' | '．'
    )
}

/// True for closing quotes and brackets that may follow a sentence end (`。”`).
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '】' | '"' | '\''
    )
}

/// True for characters that cannot open a sentence: clause punctuation and closers.
pub fn is_clause_punct(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '：' | ':' | '；' | ';') || is_terminal(c) || is_closer(c)
}

/// True for CJK ideographs (the unified block and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Traditional characters and their simplified forms, one pair per line after `#` comment
/// lines: OpenCC's character table (Apache License 2.0; the file's header says which
/// entries are kept).
const TRADITIONAL_TO_SIMPLIFIED: &str = include_str!("t2s.txt");

/// First code point of CJK extension A, which the unified block follows: every character of
/// [`TRADITIONAL_TO_SIMPLIFIED`] lies between it and U+9FFF.
const CJK_FIRST: u32 = 0x3400;

/// Kangxi radicals and CJK compatibility ideographs with their unified forms, one pair per
/// line after `#` comment lines (Unicode's NFKC mappings): what PDF fonts often give for
/// common characters (`⽇` for `日`).
const COMPATIBILITY_TO_UNIFIED: &str = include_str!("compat.txt");

/// The simplified form of each traditional character of the unified CJK block, and a bit
/// set of those characters (small enough to stay in cache while a text is scanned); the
/// unified form of each compatibility character ([`COMPATIBILITY_TO_UNIFIED`]).
struct SimplifiedForms {
    forms: Vec<char>,
    traditional: Vec<u64>,
    unified: HashMap<char, char>,
}

/// The pairs of characters in a table of `#` comment lines and lines of two characters.
fn char_pairs(table: &str) -> impl Iterator<Item = (char, char)> + '_ {
    table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|pair| {
            let mut chars = pair.chars().filter(|c| !c.is_whitespace());
            Some((chars.next()?, chars.next()?))
        })
}

fn simplified_forms() -> &'static SimplifiedForms {
    static FORMS: OnceLock<SimplifiedForms> = OnceLock::new();
    FORMS.get_or_init(|| {
        let size = 0xA000 - CJK_FIRST as usize;
        let mut forms = SimplifiedForms {
            forms: vec!['\0'; size],
            traditional: vec![0; size.div_ceil(64)],
            unified: char_pairs(COMPATIBILITY_TO_UNIFIED).collect(),
        };
        for (from, to) in char_pairs(TRADITIONAL_TO_SIMPLIFIED) {
            let at = (from as u32 - CJK_FIRST) as usize;
            forms.forms[at] = to;
            forms.traditional[at / 64] |= 1 << (at % 64);
        }
        forms
    })
}

/// True for a character that [`simplified_char`] replaces.
fn has_simplified_form(c: char, forms: &SimplifiedForms) -> bool {
    match c {
        '\u{3400}'..='\u{9FFF}' => {
            let at = (c as u32 - CJK_FIRST) as usize;
            forms.traditional[at / 64] & (1 << (at % 64)) != 0
        }
        _ if may_be_compatibility(c) => forms.unified.contains_key(&c),
        _ => usual_punctuation(c).is_some(),
    }
}

/// True for the blocks of [`COMPATIBILITY_TO_UNIFIED`]: CJK radicals and compatibility
/// ideographs.
fn may_be_compatibility(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}')
}

/// The midline horizontal ellipsis (U+22EF), which some fonts and encodings give for the
/// ellipsis of `……`.
const MIDLINE_ELLIPSIS: char = '\u{22EF}';

/// The horizontal bar (U+2015), which some GBK decoders give for the em dash of `——`.
const HORIZONTAL_BAR: char = '\u{2015}';

/// The usual form of a punctuation mark some pages print otherwise: corner brackets as
/// curly quotes (`「」『』｢｣` → `“”‘’“”`), the half-width full stop and enumeration comma in
/// their full forms (`｡､` → `。、`), the ellipsis for a [`MIDLINE_ELLIPSIS`] and the em dash
/// for a [`HORIZONTAL_BAR`]; `None` for other characters.
fn usual_punctuation(c: char) -> Option<char> {
    Some(match c {
        '「' | '｢' => '“',
        '」' | '｣' => '”',
        '『' => '‘',
        '』' => '’',
        '｡' => '。',
        '､' => '、',
        MIDLINE_ELLIPSIS => '…',
        HORIZONTAL_BAR => '—',
        _ => return None,
    })
}

/// The simplified form of a character (of its unified form, for a compatibility
/// character), or the [`usual_punctuation`] form of a mark; the character itself when it
/// has none.
fn simplified_char(c: char, forms: &SimplifiedForms) -> char {
    let c = match c {
        _ if may_be_compatibility(c) => forms.unified.get(&c).copied().unwrap_or(c),
        _ => c,
    };
    match c {
        '\u{3400}'..='\u{9FFF}' if has_simplified_form(c, forms) => {
            forms.forms[(c as u32 - CJK_FIRST) as usize]
        }
        _ => usual_punctuation(c).unwrap_or(c),
    }
}

/// The text with traditional characters replaced by their simplified forms, corner
/// brackets by curly quotes, other forms of CJK punctuation by the usual ones (`⋯` → `…`,
/// `｡` → `。`), and horizontal bars, pairs of full-width hyphens or an OCR's
/// pair of `一` where a line opens or ends (`ocr_dashes`) by em dashes (`――记者手记`,
/// `－－记者手记`, `一一记者手记` → `——记者手记`), so that the detectors read
/// traditional-script pages (`本報訊`, `記者`, `攝`) as they read simplified ones. Every
/// replacement has the byte length of the character it replaces, so byte offsets into the
/// result are offsets into `text`. Borrowed when nothing changes.
pub fn to_simplified(text: &str) -> Cow<'_, str> {
    let forms = simplified_forms();
    let first = text.find(|c| has_simplified_form(c, forms));
    let dashes = text.contains(FULL_WIDTH_DASH);
    let ocr = ocr_dashes(text);
    let mut out = match first {
        Some(first) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..first]);
            out.extend(text[first..].chars().map(|c| simplified_char(c, forms)));
            out
        }
        None if dashes || !ocr.is_empty() => text.to_owned(),
        None => return Cow::Borrowed(text),
    };
    if dashes {
        out = out.replace(FULL_WIDTH_DASH, "——");
    }
    for at in ocr {
        out.replace_range(at..at + OCR_DASH.len(), "——");
    }
    Cow::Owned(out)
}

/// Two full-width hyphens, which some pages print for the dash `——` (one alone is a minus
/// or a hyphen: `2019－2020`).
const FULL_WIDTH_DASH: &str = "－－";

/// Two `一` (the numeral one), as OCR reads the dash `——`.
const OCR_DASH: &str = "一一";

/// Byte offsets of the [`OCR_DASH`]es that open or end a line (white space aside), where a
/// dash opens a subtitle or a signature (`一一记者手记`) or ends a kicker (`…见闻一一`),
/// unless the line wraps into the next one there ([`PrintedLine::wraps_into`]): inside a
/// sentence the pair is a word (`一一握手`, `都在一一` / `破解`).
fn ocr_dashes(text: &str) -> Vec<usize> {
    if !text.contains(OCR_DASH) {
        return Vec::new();
    }
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push(PrintedLine::new(line, offset));
        offset += line.len();
    }
    let wraps = |a: usize| {
        a + 1 < lines.len()
            && lines[a].wraps_into(&lines[a + 1], a.checked_sub(1).map(|p| &lines[p]))
    };
    let mut found = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let words = &text[line.start..line.end];
        if words.starts_with(OCR_DASH) && !(k > 0 && wraps(k - 1)) {
            found.push(line.start);
        }
        if words.len() >= 2 * OCR_DASH.len() && words.ends_with(OCR_DASH) && !wraps(k) {
            found.push(line.end - OCR_DASH.len());
        }
    }
    found
}

/// A line of a text, for [`ocr_dashes`]: the byte span of its words, their number of
/// characters and whether they end a sentence.
struct PrintedLine {
    start: usize,
    end: usize,
    chars: usize,
    ends_sentence: bool,
}

impl PrintedLine {
    fn new(line: &str, offset: usize) -> PrintedLine {
        let words = line.trim();
        let start = offset + (line.len() - line.trim_start().len());
        PrintedLine {
            start,
            end: start + words.len(),
            chars: words.chars().count(),
            ends_sentence: ends_sentence(words),
        }
    }

    /// True when this line runs on into `next` as hard-wrapped text does: it stops inside a
    /// sentence and is as long, give or take a character, as `next` or as the line
    /// `above` it (the full lines of a paragraph).
    fn wraps_into(&self, next: &PrintedLine, above: Option<&PrintedLine>) -> bool {
        let alike = |other: &PrintedLine| other.chars > 0 && self.chars.abs_diff(other.chars) <= 1;
        self.chars > 0
            && next.chars > 0
            && !self.ends_sentence
            && (alike(next) || above.is_some_and(alike))
    }
}

/// True for a decimal digit, ASCII or full-width (`2`, `２`): some pages print figures in
/// full-width forms.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// True for any punctuation, ASCII or CJK.
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{2010}'..='\u{2027}' | '·')
}

/// True when the text ends a sentence, possibly followed by closing quotes (`…。”`).
pub fn ends_sentence(text: &str) -> bool {
    let mut chars = text.trim_end().chars().rev();
    loop {
        match chars.next() {
            Some(c) if is_terminal(c) => return true,
            Some(c) if is_closer(c) => continue,
            _ => return false,
        }
    }
}

/// True when the text ends on a comma or a colon: text follows it (`…主要包括：`).
pub fn ends_on_comma_or_colon(text: &str) -> bool {
    text.trim_end().ends_with(['，', ',', '：', ':'])
}

/// True when the text ends inside a sentence: no terminal punctuation, or an open quote.
pub fn ends_mid_sentence(text: &str) -> bool {
    match text.trim_end().chars().last() {
        None => false,
        Some(c) => {
            !ends_sentence(text) && !is_closer(c)
                || matches!(c, '“' | '‘' | '「' | '（' | '(' | '，' | ',' | '、')
        }
    }
}

/// True when the text opens with clause punctuation or a closer, i.e. in mid-sentence. A
/// straight quote (`"`, `'`) both opens and closes quotes; at the start of a text it opens
/// one (`"一带一路"建设…`).
pub fn starts_with_clause_punct(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| is_clause_punct(c) && !is_straight_quote(c))
}

/// True for the ASCII quotes, which open and close alike.
fn is_straight_quote(c: char) -> bool {
    matches!(c, '"' | '\'')
}

/// True for a character a blank line may hold: white space, a byte order mark (U+FEFF,
/// left at the start of files saved by some editors) or a zero-width space (U+200B, left by
/// web pages).
pub fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// `text` without leading and trailing [`is_blank_char`] characters.
pub fn trim_blank(text: &str) -> &str {
    text.trim_matches(is_blank_char)
}

/// `text` without the markup of a page converted from HTML, or of one left in HTML, around
/// it: a Markdown blockquote's `> `, non-breaking spaces left as entities (`&nbsp;`), HTML
/// tags other than a heading's (`<p>…</p>`, `<span class="x">`, `<br/>`),
/// and the emphasis that wraps all of it (`**本报记者 张三**`, `*新华社记者 李四摄*`,
/// `__…__`, `_…_`); a bullet (`* 第一条`) wraps nothing. A slice of `text`; the text itself
/// when nothing but markup is left (a line of tags alone is page furniture).
pub fn without_markup(text: &str) -> &str {
    let mut inner = text;
    loop {
        let unquoted = inner
            .strip_prefix("> ")
            .or_else(|| inner.strip_prefix("&nbsp;"))
            .or_else(|| inner.strip_suffix("&nbsp;"))
            .or_else(|| without_edge_tag(inner));
        match unquoted {
            Some(rest) => inner = trim_blank(rest),
            None => break,
        }
    }
    for _ in 0..2 {
        let Some(unwrapped) = ["***", "**", "__", "*", "_"].iter().find_map(|mark| {
            let rest = inner.strip_prefix(mark)?.strip_suffix(mark)?;
            let clean_edges = !rest.starts_with(char::is_whitespace)
                && !rest.ends_with(char::is_whitespace)
                && !rest.starts_with(['*', '_'])
                && !rest.ends_with(['*', '_']);
            (clean_edges && !rest.is_empty() && !rest.contains(mark)).then_some(rest)
        }) else {
            break;
        };
        inner = unwrapped;
    }
    inner
}

/// A heading's level and its text, its markup left out: Markdown's (`# 标题` → 1 and `标题`,
/// `## 小标题` → 2) or HTML's (`<h1>标题</h1>`, `<h2 class="x"><b>小标题</b></h2>`); `None`
/// for other text.
pub fn heading(text: &str) -> Option<(usize, &str)> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    let rest = &text[hashes..];
    if (1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.trim().is_empty() {
        return Some((hashes, rest.trim()));
    }
    let open = HtmlTag::opening(text).filter(|tag| !tag.closing)?;
    let level = open.heading?;
    let last = text.rfind("</")?;
    let close = HtmlTag::opening(&text[last..])?;
    let closes_heading =
        close.closing && close.heading == Some(level) && last + close.len == text.len();
    let title = without_markup(trim_blank(&text[open.len..last]));
    (closes_heading && !title.is_empty()).then_some((level, title))
}

/// `text` without the HTML tag it opens or ends with (not a heading's), `None` when there is
/// none or nothing but white space and tags would be left.
fn without_edge_tag(text: &str) -> Option<&str> {
    let plain = |tag: &HtmlTag| tag.heading.is_none();
    let rest = match HtmlTag::opening(text).filter(plain) {
        Some(tag) => &text[tag.len..],
        None => {
            let last = text.rfind('<')?;
            let tag = HtmlTag::opening(&text[last..]).filter(plain)?;
            (last + tag.len == text.len()).then(|| &text[..last])?
        }
    };
    (!trim_blank(rest).is_empty() && !is_only_html_tags(rest)).then_some(rest)
}

/// The HTML tag a text opens with (`<p>`, `</span>`, `<br/>`, `<font color="red">`).
struct HtmlTag {
    /// Its length in bytes.
    len: usize,
    /// The level of a heading's tag (`<h2>`, `</h2>` → 2).
    heading: Option<usize>,
    /// True for a closing tag (`</p>`).
    closing: bool,
}

impl HtmlTag {
    /// The tag `text` opens with, if any.
    fn opening(text: &str) -> Option<HtmlTag> {
        let tag = text.strip_prefix('<')?.split('>').next()?;
        if tag.len() + 1 == text.len() || tag.contains('<') {
            return None; // no closing `>`
        }
        let (closing, inside) = match tag.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let name = inside
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()?;
        let is_name = (1..=MAX_TAG_NAME).contains(&name.len())
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric());
        let heading = match name.as_bytes() {
            [b'h' | b'H', level @ b'1'..=b'6'] => Some(usize::from(level - b'0')),
            _ => None,
        };
        is_name.then_some(HtmlTag {
            len: tag.len() + 2,
            heading,
            closing,
        })
    }
}

/// True for a line of HTML tags alone (`<div class="content">`, `</p>`): page furniture.
pub fn is_only_html_tags(text: &str) -> bool {
    let mut rest = trim_blank(text);
    while let Some(tag) = HtmlTag::opening(rest) {
        rest = trim_blank(&rest[tag.len..]);
    }
    rest.is_empty() && !trim_blank(text).is_empty()
}

/// Longest HTML tag name [`HtmlTag::opening`] reads (`blockquote`).
const MAX_TAG_NAME: usize = 10;

/// The dashes a subtitle opens with and a kicker ends on: two em dashes, the box-drawing
/// lines some extractors give for them, two ASCII hyphens.
const DASHES: [&str; 3] = ["——", "──", "--"];

/// True for text opening with a dash, as a subtitle does (`——记…`).
pub fn opens_with_dash(text: &str) -> bool {
    after_dash(text).is_some()
}

/// The text after the dash it opens with, if it opens with one.
pub fn after_dash(text: &str) -> Option<&str> {
    DASHES.iter().find_map(|dash| text.strip_prefix(dash))
}

/// True for text ending on a dash, as a kicker may (`某某——`).
pub fn ends_with_dash(text: &str) -> bool {
    DASHES.iter().any(|dash| text.ends_with(dash))
}

/// Number of characters (not bytes).
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// Removes white space that sits between two CJK characters or punctuation marks, as
/// justified PDF extraction leaves it (`用 机 器 公 司` becomes `用机器公司`).
/// Returns `None` when there is nothing to remove (never wrong to treat as unchanged).
pub fn squeeze_cjk_spaces(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    if memchr::memchr2(b' ', b'\t', bytes).is_none()
        && memchr::memmem::find(bytes, "\u{3000}".as_bytes()).is_none()
    {
        return None;
    }
    let wide = |c: char| is_han(c) || (!c.is_ascii() && is_punct(c));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0; // bytes of `text` already copied to `out` or dropped
    let mut pos = 0;
    // Each maximal run of white space goes when the characters either side are wide.
    while let Some(offset) = text[pos..].find(char::is_whitespace) {
        let start = pos + offset;
        let end = text[start..]
            .find(|c: char| !c.is_whitespace())
            .map_or(text.len(), |e| start + e);
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(wide) && after.is_some_and(wide) {
            out.push_str(&text[copied..start]);
            copied = end;
        }
        pos = end;
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// `text` with justified spacing squeezed out (see [`squeeze_cjk_spaces`]), borrowed when
/// there is none.
pub fn squeezed(text: &str) -> Cow<'_, str> {
    squeeze_cjk_spaces(text).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// The last `n` characters of `text` (all of it when shorter).
pub(crate) fn last_chars(text: &str, n: usize) -> &str {
    match n.checked_sub(1) {
        Some(skip) => text
            .char_indices()
            .rev()
            .nth(skip)
            .map_or(text, |(i, _)| &text[i..]),
        None => "",
    }
}

/// The first `n` characters of `text` (all of it when shorter).
pub(crate) fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// Kinds of paired marks: quotes, book titles, brackets (full- and half-width brackets are
/// one kind). Each kind is a bit.
pub(crate) const DOUBLE_QUOTE: u8 = 1;
const SINGLE_QUOTE: u8 = 1 << 1;
pub(crate) const BOOK_TITLE: u8 = 1 << 2;
pub(crate) const BRACKET: u8 = 1 << 3;
pub(crate) const SQUARE_BRACKET: u8 = 1 << 4;
const CORNER_BRACKET: u8 = 1 << 5;

/// The kind of paired mark `c` is, and whether it closes one.
pub(crate) fn paired_mark(c: char) -> Option<(u8, bool)> {
    Some(match c {
        '“' => (DOUBLE_QUOTE, false),
        '”' => (DOUBLE_QUOTE, true),
        '‘' => (SINGLE_QUOTE, false),
        '’' => (SINGLE_QUOTE, true),
        '《' => (BOOK_TITLE, false),
        '》' => (BOOK_TITLE, true),
        '（' | '(' => (BRACKET, false),
        '）' | ')' => (BRACKET, true),
        '【' => (SQUARE_BRACKET, false),
        '】' => (SQUARE_BRACKET, true),
        '「' => (CORNER_BRACKET, false),
        '」' => (CORNER_BRACKET, true),
        _ => return None,
    })
}

/// The paired marks of `text` in order, as [`paired_mark`] reads them, with the straight
/// double quote (`"`), which opens and closes alike, read by its neighbours (white space
/// aside: justified text spaces out every character): it opens at the start of the text
/// and after an opener or clause punctuation (`，"…`); it closes at the end of the text,
/// after an end mark (`。"`) and before punctuation (`…",`); between two characters of text
/// it opens when no straight quote is open and closes one that is (`以"城乡一体"的`).
fn paired_marks(text: &str) -> impl Iterator<Item = (u8, bool)> + '_ {
    let visible = |c: &char| !c.is_whitespace();
    let mut straight_open = false;
    text.char_indices().filter_map(move |(at, c)| {
        if c != '"' {
            return paired_mark(c);
        }
        let before = text[..at].chars().rev().find(visible);
        let after = text[at + 1..].chars().find(visible);
        let closes = straight_quote_closes(before, after, straight_open);
        straight_open = !closes;
        Some((DOUBLE_QUOTE, closes))
    })
}

/// Whether a straight double quote between `before` and `after` closes a quote, `open`
/// telling whether one is open (see [`paired_marks`]).
fn straight_quote_closes(before: Option<char>, after: Option<char>, open: bool) -> bool {
    let opens_after = |b: char| {
        paired_mark(b).is_some_and(|(_, closes)| !closes)
            || is_clause_punct(b) && !is_terminal(b) && !is_closer(b)
    };
    match (before, after) {
        (None, _) => false,
        (_, None) => true,
        (Some(b), _) if is_terminal(b) => true,
        (_, Some(a)) if is_clause_punct(a) => true,
        (Some(b), _) if opens_after(b) => false,
        _ => open,
    }
}

/// Open minus closed marks of each kind of [`paired_mark`] in `text`, at the index of the
/// kind's bit.
fn mark_balances(text: &str) -> [i32; 8] {
    let mut balance = [0i32; 8];
    for (kind, closes) in paired_marks(text) {
        balance[kind.trailing_zeros() as usize] += if closes { -1 } else { 1 };
    }
    balance
}

/// The kinds of paired marks opened more often than closed in `text`.
pub(crate) fn left_open(text: &str) -> u8 {
    let balance = mark_balances(text);
    (0..8)
        .filter(|&k| balance[k] > 0)
        .fold(0, |bits, k| bits | 1 << k)
}

/// The kinds of paired marks whose first mark in `text` is a closer.
pub(crate) fn closes_first(text: &str) -> u8 {
    let mut seen = 0u8;
    let mut bits = 0u8;
    for (kind, closes) in paired_marks(text) {
        if seen & kind == 0 {
            seen |= kind;
            if closes {
                bits |= kind;
            }
        }
    }
    bits
}

/// Open minus closed marks of `kind` (one of the kinds of [`paired_mark`]) in `text`.
pub(crate) fn balance(text: &str, kind: u8) -> i32 {
    mark_balances(text)[kind.trailing_zeros() as usize]
}

/// Open minus closed double quotes.
pub(crate) fn quote_balance(text: &str) -> i32 {
    balance(text, DOUBLE_QUOTE)
}

/// Open minus closed round brackets, full- and half-width.
pub(crate) fn bracket_balance(text: &str) -> i32 {
    balance(text, BRACKET)
}

/// The width of a text in half-width columns: a half-width (ASCII) character takes one,
/// any other two, white space (justified spacing) none.
pub(crate) fn half_width_columns(text: &str) -> usize {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum()
}

/// True when two texts are equal once white space is left out (justified copies of a line
/// differ in spacing only).
pub(crate) fn same_but_spacing(a: &str, b: &str) -> bool {
    fn visible(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| !c.is_whitespace())
    }
    visible(a).eq(visible(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_marks_left_open_and_closed_first() {
        assert_eq!(left_open("他说：“我们"), DOUBLE_QUOTE);
        assert_eq!(closes_first("好。”他说。“再见”"), DOUBLE_QUOTE);
        assert_eq!(closes_first("“好”"), 0);
        assert_eq!(closes_first("》，在（美洲）"), BOOK_TITLE);
        assert_eq!(left_open("纪录片《跨越"), BOOK_TITLE);
        assert_eq!(left_open("他说：“我们（一"), DOUBLE_QUOTE | BRACKET);
    }

    #[test]
    fn a_straight_quote_opens_or_closes_by_its_neighbours() {
        assert_eq!(left_open("他说:\"我们"), DOUBLE_QUOTE, "after a colon");
        assert_eq!(
            closes_first("好。\"他说。\"再见\""),
            DOUBLE_QUOTE,
            "after an end mark"
        );
        assert_eq!(closes_first("工作\",他说"), DOUBLE_QUOTE, "before a comma");
        assert_eq!(closes_first("\"好\""), 0, "at the start");
        assert_eq!(
            quote_balance("打造以\"城乡一体\"的新格局"),
            0,
            "between words: in turn"
        );
        assert_eq!(left_open("构建\"1+1+N\"党建联盟,以\"红"), DOUBLE_QUOTE);
        assert_eq!(
            quote_balance("看 \" 六 稳 \" ）"),
            0,
            "justified spacing aside"
        );
    }

    #[test]
    fn bracket_balance_counts_both_widths() {
        assert_eq!(bracket_balance("（新华社北京3月5日电"), 1);
        assert_eq!(bracket_balance("(记者张三）会议开幕"), 0);
        assert_eq!(bracket_balance("张三）"), -1);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("他说。"));
        assert!(ends_sentence("“好。”"));
        assert!(ends_sentence("Done."));
        assert!(!ends_sentence("更深入、充"));
        assert!(!ends_sentence("以“"));
        assert!(ends_mid_sentence("更深入、充"));
        assert!(ends_mid_sentence("他说，"));
        assert!(ends_mid_sentence("他说：“"));
        assert!(!ends_mid_sentence("他说。”"));
    }

    #[test]
    fn traditional_script_reads_as_simplified_at_the_same_offsets() {
        let text = "【本報訊】記者李家明報道：「我們等了十多年。」";
        let simplified = to_simplified(text);
        assert_eq!(simplified, "【本报讯】记者李家明报道：“我们等了十多年。”");
        assert_eq!(simplified.len(), text.len());
        assert!(matches!(to_simplified("本报讯 记者"), Cow::Borrowed(_)));
        // Characters of the simplified script that the table's traditional side shares
        // stay (`捍卫`, `乾隆`).
        assert_eq!(to_simplified("捍卫乾隆"), "捍卫乾隆");

        assert_eq!(
            to_simplified("――记者手记"),
            "——记者手记",
            "a GBK decoder's dash"
        );
        assert_eq!(
            to_simplified("－－记者手记 2019－2020"),
            "——记者手记 2019－2020"
        );
        assert_eq!(
            to_simplified(
                "一一记者手记\n　　探访小镇见闻一一\r\n“今年的新茶卖得特别好”\n大家一一握手。"
            ),
            "——记者手记\n　　探访小镇见闻——\r\n“今年的新茶卖得特别好”\n大家一一握手。",
            "an OCR's dashes, where a line opens or ends"
        );
        let wrapped =
            "以前看似解决不了的难题，现在也都在一一\n破解。只要方向对、功夫深，没有什么难\n";
        assert_eq!(to_simplified(wrapped), wrapped, "a word cut by the wrap");
        assert!(matches!(to_simplified("大家一一握手。"), Cow::Borrowed(_)));
        assert_eq!(to_simplified("他说⋯⋯｡ ｢好､好｣"), "他说……。 “好、好”");
        let pdf = "本报北京1⽉31⽇电（记者王⼩明）⾸都";
        assert_eq!(to_simplified(pdf), "本报北京1月31日电（记者王小明）首都");
        assert_eq!(to_simplified(pdf).len(), pdf.len(), "a PDF font's radicals");
    }

    #[test]
    fn markup_around_a_whole_line_is_left_out() {
        assert_eq!(without_markup("**本报记者 张三**"), "本报记者 张三");
        assert_eq!(without_markup("*新华社记者 李四摄*"), "新华社记者 李四摄");
        assert_eq!(without_markup("***重要***"), "重要");
        assert_eq!(
            without_markup("__（作者为某大学教授）__"),
            "（作者为某大学教授）"
        );
        assert_eq!(without_markup("* 第一条"), "* 第一条", "a bullet");
        assert_eq!(without_markup("**"), "**");
        assert_eq!(without_markup("2*3*4"), "2*3*4");
        assert_eq!(
            without_markup("> 本报讯（记者 张三）"),
            "本报讯（记者 张三）"
        );
        assert_eq!(without_markup("&nbsp;&nbsp; 本报讯"), "本报讯");
        assert_eq!(without_markup("首页 > 新闻"), "首页 > 新闻");
        assert_eq!(
            without_markup("<p>　　本报讯（记者 张三）<br/></p>"),
            "本报讯（记者 张三）",
            "HTML tags around a line"
        );
        assert_eq!(
            without_markup("<p><strong>本报记者 张三</strong></p>"),
            "本报记者 张三"
        );
        assert_eq!(
            without_markup("<div class=\"a\"></div>"),
            "<div class=\"a\"></div>"
        );
        assert_eq!(without_markup("2<3 且 5>4"), "2<3 且 5>4");
        assert_eq!(
            without_markup("<h1>标题</h1>"),
            "<h1>标题</h1>",
            "read by `heading`"
        );
        assert!(is_only_html_tags("<div class=\"a\">  </div>"));
        assert!(is_only_html_tags("</h2>"));
        assert!(!is_only_html_tags("<p>正文</p>"));
        assert!(!is_only_html_tags("<<>>"));
        assert_eq!(heading("# 甲县推进乡村振兴"), Some((1, "甲县推进乡村振兴")));
        assert_eq!(heading("## 农机先行"), Some((2, "农机先行")));
        assert_eq!(heading("#话题# 甲县"), None);
        assert_eq!(heading("#"), None);
        assert_eq!(
            heading("<h1>甲县推进乡村振兴</h1>"),
            Some((1, "甲县推进乡村振兴"))
        );
        assert_eq!(
            heading("<H2 class=\"sub\"><strong>农机先行</strong></H2>"),
            Some((2, "农机先行"))
        );
        assert_eq!(heading("<h1>标题</h2>"), None, "closed by another tag");
        assert_eq!(heading("<p>正文</p>"), None);
        assert_eq!(
            without_markup("**甲**和**乙**"),
            "**甲**和**乙**",
            "no wrapper"
        );
    }

    #[test]
    fn every_replacement_keeps_the_byte_length() {
        let forms = simplified_forms();
        for c in ('\u{3400}'..='\u{9FFF}').chain(['「', '」', '『', '』', HORIZONTAL_BAR]) {
            assert_eq!(simplified_char(c, forms).len_utf8(), c.len_utf8(), "{c}");
        }
        assert!(
            forms
                .traditional
                .iter()
                .map(|w| w.count_ones())
                .sum::<u32>()
                > 2500
        );
    }

    #[test]
    fn clause_start() {
        assert!(starts_with_clause_punct("，然后"));
        assert!(starts_with_clause_punct("”他说"));
        assert!(!starts_with_clause_punct("然后"));
        assert!(
            !starts_with_clause_punct("\"先问需、再问计\""),
            "a straight quote opens a quote at the start"
        );
        assert!(
            ends_sentence("他说：\"好。\""),
            "and may close one after a sentence end"
        );
    }

    #[test]
    fn squeezes_justified_text() {
        assert_eq!(
            squeeze_cjk_spaces("用 机 器 公 司").as_deref(),
            Some("用机器公司")
        );
        assert_eq!(squeeze_cjk_spaces("张三 李四").as_deref(), Some("张三李四"));
        assert_eq!(squeeze_cjk_spaces("GDP 增长"), None);
        assert_eq!(squeeze_cjk_spaces("无空格"), None);
    }

    /// The former character-by-character implementation, as the reference.
    fn squeeze_by_chars(text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let wide = |c: char| is_han(c) || (!c.is_ascii() && is_punct(c));
        let mut out = String::with_capacity(text.len());
        let mut changed = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_whitespace() {
                let run_end = chars[i..]
                    .iter()
                    .position(|c| !c.is_whitespace())
                    .map_or(chars.len(), |p| i + p);
                let before = i.checked_sub(1).map(|p| chars[p]);
                let after = chars.get(run_end).copied();
                if before.is_some_and(wide) && after.is_some_and(wide) {
                    changed = true;
                    i = run_end;
                    continue;
                }
            }
            out.push(c);
            i += 1;
        }
        changed.then_some(out)
    }

    #[test]
    fn squeezes_runs_like_the_character_definition() {
        for text in [
            "用 机 器 公 司",
            "  用  机\t\u{3000}器 a 公 ，司 ",
            "张三\u{3000}\u{3000}李四 。 ABC  的",
            " 首 ",
            "末 \u{a0} 尾\u{a0}",
            "“ 引 ” （ 括 ）",
        ] {
            assert_eq!(squeeze_cjk_spaces(text), squeeze_by_chars(text), "{text:?}");
        }
    }
}
