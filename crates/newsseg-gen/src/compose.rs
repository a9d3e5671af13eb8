//! Composing one page dump: layout, scrambling, duplicates, furniture, labels.

use crate::fragments::{cut_into_pieces, is_cuttable};
use crate::furniture::Issue;
use crate::labels::Label;
use crate::profile::Profile;
use crate::rng::Rng;
use crate::roles::{article_units, ends_sentence, Unit};
use crate::source::SourceArticle;
use newsseg::Role;

/// How the text of a dump is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// (a) Paragraphs separated by blank lines.
    Paragraphs,
    /// (b) One paragraph per line, no blank lines.
    Lines,
    /// (c) Hard-wrapped lines of `width` chars, blank lines between text boxes only.
    Wrapped {
        /// Characters per line.
        width: usize,
    },
}

/// One line of a dump with its gold label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DumpLine {
    /// The text (no `\n`).
    pub text: String,
    /// The gold label.
    pub label: Label,
}

/// A generated page dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dump {
    /// File stem (`NAME` of `NAME.txt` / `NAME.labels`).
    pub name: String,
    /// Layout used.
    pub layout: Layout,
    /// Number of articles (ids `a1..=aN`).
    pub articles: usize,
    /// The lines in dump order.
    pub lines: Vec<DumpLine>,
}

impl Dump {
    /// The dump text: the lines joined by `\n`, with a final newline.
    pub fn text(&self) -> String {
        self.join(|l| l.text.clone())
    }

    /// The label file: one label line per dump line, with a final newline.
    pub fn labels(&self) -> String {
        self.join(|l| l.label.to_string())
    }

    fn join(&self, f: impl Fn(&DumpLine) -> String) -> String {
        self.lines.iter().map(|l| f(l) + "\n").collect()
    }
}

/// A line of an article before placement: its article, text, role, reading rank, and
/// whether it opens a unit (not the rest of a unit cut mid-sentence into another piece).
#[derive(Debug, Clone)]
struct ArticleLine {
    article: usize,
    text: String,
    role: Role,
    rank: usize,
    opens_unit: bool,
}

/// A contiguous run of an article's lines printed together (a text box / column fragment);
/// interleaved heads make one piece of two articles' lines, `article` being the first's.
#[derive(Debug, Clone)]
struct Piece {
    article: usize,
    lines: Vec<ArticleLine>,
}

/// Everything one dump needs besides the articles.
pub struct DumpSpec<'a> {
    /// File stem.
    pub name: String,
    /// Issue date and page (for furniture).
    pub issue: Issue,
    /// Artifact rates.
    pub profile: &'a Profile,
}

/// Builds a dump from the articles of one page (in page order).
pub fn compose(spec: &DumpSpec<'_>, articles: &[SourceArticle], rng: &mut Rng) -> Dump {
    let profile = spec.profile;
    let layout = choose_layout(profile, rng);
    let halfwidth = rng.chance(profile.halfwidth_rate);
    let mut sequence = Vec::new();
    let mut detached = Vec::new();
    let mut article_id = 0;
    for source in articles {
        let units = article_units(source);
        if units.is_empty() {
            continue;
        }
        article_id += 1;
        let placed = place_article(article_id, units, layout, profile, rng);
        sequence.extend(placed.pieces);
        detached.extend(placed.detached_head);
    }
    for head in detached {
        insert_detached(&mut sequence, head, rng);
    }
    if profile.interleave_head_rate > 0.0 {
        interleave_heads(&mut sequence, profile.interleave_head_rate, rng);
    }
    if matches!(layout, Layout::Wrapped { .. }) && profile.interleave_lines_rate > 0.0 {
        interleave_lines(&mut sequence, profile.interleave_lines_rate, rng);
    }
    let indent =
        (profile.indent_rate > 0.0 && rng.chance(profile.indent_rate)).then(|| match layout {
            Layout::Wrapped { .. } if rng.chance(0.5) => "    ",
            _ => "\u{3000}\u{3000}",
        });
    let straight_quotes =
        profile.straight_quote_rate > 0.0 && rng.chance(profile.straight_quote_rate);
    let style = Style {
        layout,
        halfwidth,
        indent,
        straight_quotes,
    };
    let lines = emit(&sequence, spec, &style, rng);
    Dump {
        name: spec.name.clone(),
        layout,
        articles: article_id,
        lines,
    }
}

fn choose_layout(profile: &Profile, rng: &mut Rng) -> Layout {
    match rng.weighted(&profile.layout_weights()) {
        0 => Layout::Paragraphs,
        1 => Layout::Lines,
        _ => Layout::Wrapped {
            width: rng.range(profile.wrap_min, profile.wrap_max),
        },
    }
}

/// An article's pieces in print order, and its head when printed away from its body.
struct Placed {
    pieces: Vec<Piece>,
    detached_head: Option<Piece>,
}

fn place_article(
    article: usize,
    units: Vec<Unit>,
    layout: Layout,
    profile: &Profile,
    rng: &mut Rng,
) -> Placed {
    let head_len = units.iter().take_while(|u| u.role.is_head()).count();
    let has_body = head_len < units.len();
    let parts = if has_body && rng.chance(profile.fragment_rate) {
        rng.range(2, profile.max_fragments)
    } else {
        1
    };
    let mut unit_pieces = cut_into_pieces(units, head_len, parts, profile.midsentence_rate, rng);
    let trailing = has_body && head_len > 0 && rng.chance(profile.trailing_head_rate);
    let detach = has_body && head_len > 0 && !trailing && rng.chance(profile.detached_head_rate);
    if trailing || detach {
        let body = unit_pieces[0].split_off(head_len);
        unit_pieces.insert(1, body);
    }
    let mut pieces = render_pieces(article, unit_pieces, layout);
    let head = (trailing || detach).then(|| pieces.remove(0));
    order_pieces(&mut pieces, profile, rng);
    match head {
        Some(head) if detach => Placed {
            pieces,
            detached_head: Some(head),
        },
        Some(head) => {
            pieces.push(head);
            Placed {
                pieces,
                detached_head: None,
            }
        }
        None => Placed {
            pieces,
            detached_head: None,
        },
    }
}

fn order_pieces(pieces: &mut [Piece], profile: &Profile, rng: &mut Rng) {
    if pieces.len() < 2 {
        return;
    }
    if rng.chance(profile.reverse_rate) {
        pieces.reverse();
    } else if rng.chance(profile.shuffle_rate) {
        rng.shuffle(pieces);
    }
}

/// Renders unit pieces to lines, ranking the lines in reading order across pieces.
fn render_pieces(article: usize, unit_pieces: Vec<Vec<Unit>>, layout: Layout) -> Vec<Piece> {
    let mut rank = 0;
    let mut sentence_ended = true;
    unit_pieces
        .into_iter()
        .map(|units| {
            let mut lines = Vec::new();
            for (u, unit) in units.into_iter().enumerate() {
                // A piece's first unit goes on with the unit before it if that one was
                // cut mid-sentence.
                let opens = u > 0 || sentence_ended;
                sentence_ended = !is_cuttable(unit.role) || ends_sentence(&unit.text);
                for (i, text) in unit_lines(&unit, layout).into_iter().enumerate() {
                    lines.push(ArticleLine {
                        article,
                        text,
                        role: unit.role,
                        rank,
                        opens_unit: i == 0 && opens,
                    });
                    rank += 1;
                }
            }
            Piece { article, lines }
        })
        .collect()
}

/// The lines of one unit: one line, or hard-wrapped body text in layout (c). Kickers,
/// headlines and subtitles are never wrapped (large type).
fn unit_lines(unit: &Unit, layout: Layout) -> Vec<String> {
    match layout {
        Layout::Wrapped { width }
            if !matches!(unit.role, Role::Kicker | Role::Headline | Role::Subtitle) =>
        {
            wrap(&unit.text, width)
        }
        _ => vec![unit.text.clone()],
    }
}

/// Cuts `text` into lines of `width` chars (the last one shorter); a whitespace-only chunk is
/// kept with the previous line so that no line is blank.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<String> = Vec::new();
    for chunk in chars.chunks(width.max(1)) {
        let chunk: String = chunk.iter().collect();
        match lines.last_mut() {
            Some(last) if chunk.trim().is_empty() => last.push_str(&chunk),
            _ => lines.push(chunk),
        }
    }
    lines
}

/// Inserts a detached head at a story boundary where at least one other story separates it
/// from its own body; printed first when the page offers no such place.
fn insert_detached(sequence: &mut Vec<Piece>, head: Piece, rng: &mut Rng) {
    let owner = head.article;
    let article_at = |i: usize, seq: &[Piece]| seq.get(i).map(|p| p.article);
    let candidates: Vec<usize> = (0..=sequence.len())
        .filter(|&j| {
            let left = j.checked_sub(1).and_then(|i| article_at(i, sequence));
            let right = article_at(j, sequence);
            left != Some(owner) && right != Some(owner) && (left != right || left.is_none())
        })
        .collect();
    let at = if candidates.is_empty() {
        sequence
            .iter()
            .position(|p| p.article == owner)
            .unwrap_or(sequence.len())
    } else {
        *rng.pick(&candidates)
    };
    sequence.insert(at, head);
}

/// Interleaves the head lines of two neighbouring pieces that each open with a head and go
/// on with body text, with probability `rate` per such pair: one piece of the head lines
/// (A's first, B's first, A's second …), then A's body, then B's. Reading ranks stay.
fn interleave_heads(sequence: &mut Vec<Piece>, rate: f64, rng: &mut Rng) {
    let head_len = |piece: &Piece| piece.lines.iter().take_while(|l| l.role.is_head()).count();
    let opens_with_head = |piece: &Piece| (1..piece.lines.len()).contains(&head_len(piece));
    let mut i = 0;
    while i + 1 < sequence.len() {
        let pair = &sequence[i..i + 2];
        let eligible = pair[0].article != pair[1].article && pair.iter().all(opens_with_head);
        if !eligible || !rng.chance(rate) {
            i += 1;
            continue;
        }
        let mut a = sequence.remove(i);
        let mut b = sequence.remove(i);
        let a_body = a.lines.split_off(head_len(&a));
        let b_body = b.lines.split_off(head_len(&b));
        let mut a_heads = a.lines.into_iter();
        let mut b_heads = b.lines.into_iter();
        let mut heads = Vec::new();
        loop {
            let (x, y) = (a_heads.next(), b_heads.next());
            if x.is_none() && y.is_none() {
                break;
            }
            heads.extend(x.into_iter().chain(y));
        }
        let pieces = [
            Piece {
                article: a.article,
                lines: heads,
            },
            Piece {
                article: a.article,
                lines: a_body,
            },
            Piece {
                article: b.article,
                lines: b_body,
            },
        ];
        sequence.splice(i..i, pieces);
        i += 3;
    }
}

/// Interleaves the lines of two neighbouring pieces, with probability `rate` per pair: the
/// first piece's lines up to a random one, then a line of each in turn (the second's
/// first), then the rest of the longer. The two make one piece; reading ranks stay.
fn interleave_lines(sequence: &mut Vec<Piece>, rate: f64, rng: &mut Rng) {
    let mut i = 0;
    while i + 1 < sequence.len() {
        let eligible = sequence[i].lines.len() >= 4 && sequence[i + 1].lines.len() >= 2;
        if !eligible || !rng.chance(rate) {
            i += 1;
            continue;
        }
        let second = sequence.remove(i + 1);
        let first = &mut sequence[i];
        let start = rng.range(1, first.lines.len() - 2);
        let rest = first.lines.split_off(start);
        let (mut a, mut b) = (rest.into_iter(), second.lines.into_iter());
        loop {
            let (y, x) = (b.next(), a.next());
            if x.is_none() && y.is_none() {
                break;
            }
            first.lines.extend(y.into_iter().chain(x));
        }
        i += 1;
    }
}

/// Per-dump text style.
struct Style {
    layout: Layout,
    halfwidth: bool,
    /// The white space opening each paragraph's first line, if paragraphs are indented.
    indent: Option<&'static str>,
    /// Whether curly quotes are printed straight.
    straight_quotes: bool,
}

impl Style {
    fn render(&self, line: &ArticleLine, profile: &Profile, rng: &mut Rng) -> String {
        let mut text = if self.halfwidth && !is_display_type(line.role) {
            to_halfwidth(&line.text)
        } else {
            line.text.clone()
        };
        if self.straight_quotes {
            text = to_straight_quotes(&text);
        }
        if matches!(self.layout, Layout::Wrapped { .. }) && rng.chance(profile.justify_rate) {
            text = justify(&text);
        }
        match self.indent {
            Some(indent) if line.opens_unit && opens_paragraph(line.role) => {
                indent.to_owned() + &text
            }
            _ => text,
        }
    }
}

/// True for the roles whose units are paragraphs of running text, indented when a page
/// indents paragraphs (heads, authors and credits are centred or set apart instead).
fn opens_paragraph(role: Role) -> bool {
    matches!(role, Role::Body | Role::Byline | Role::Caption)
}

fn is_display_type(role: Role) -> bool {
    matches!(role, Role::Kicker | Role::Headline | Role::Subtitle)
}

/// Curly quotes printed straight: `“”` → `"`, `‘’` → `'`.
pub fn to_straight_quotes(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            _ => c,
        })
        .collect()
}

/// Full-width Chinese punctuation replaced by its half-width form, as some extractors do.
pub fn to_halfwidth(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '！' => '!',
            '？' => '?',
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect()
}

/// Justified spacing: a space between every two adjacent non-space characters.
pub fn justify(text: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if prev.is_some_and(|p| !p.is_whitespace()) && !c.is_whitespace() {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Writes the pieces in order with blank lines, duplicates at joints, and furniture.
fn emit(sequence: &[Piece], spec: &DumpSpec<'_>, style: &Style, rng: &mut Rng) -> Vec<DumpLine> {
    let profile = spec.profile;
    let blank_between_pieces = style.layout != Layout::Lines;
    let mut out = Writer::default();
    let frame = rng.chance(profile.header_rate);
    if frame {
        out.furniture(spec.issue.header(rng));
    }
    for (index, piece) in sequence.iter().enumerate() {
        if (index > 0 || frame) && blank_between_pieces {
            out.blank();
        }
        if let Some(prev) = index.checked_sub(1).map(|i| &sequence[i]) {
            if rng.chance(profile.dup_rate) {
                if let Some(last) = prev.lines.last() {
                    let text = style.render(last, profile, rng);
                    out.push(
                        text,
                        Label::Dup {
                            article: last.article,
                        },
                    );
                }
            }
        }
        for (i, line) in piece.lines.iter().enumerate() {
            if i > 0 && line.opens_unit && style.layout == Layout::Paragraphs {
                out.blank();
            }
            let label = Label::Line {
                article: line.article,
                role: line.role,
                rank: line.rank,
            };
            out.push(style.render(line, profile, rng), label);
            let stray = matches!(style.layout, Layout::Wrapped { .. })
                && rng.chance(profile.furniture_rate);
            if stray {
                out.furniture(vec![spec.issue.stray_line(rng)]);
            }
        }
    }
    if frame {
        if blank_between_pieces {
            out.blank();
        }
        out.furniture(spec.issue.footer(rng));
    }
    out.lines
}

/// Accumulates dump lines, never two blank lines in a row nor a leading blank.
#[derive(Default)]
struct Writer {
    lines: Vec<DumpLine>,
}

impl Writer {
    fn push(&mut self, text: String, label: Label) {
        self.lines.push(DumpLine { text, label });
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| l.label != Label::Blank) {
            self.push(String::new(), Label::Blank);
        }
    }

    fn furniture(&mut self, lines: Vec<String>) {
        for text in lines {
            self.push(text, Label::Furniture);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_text_and_width() {
        let text = "一二三四五六七八九十甲乙丙";
        let lines = wrap(text, 5);
        assert_eq!(lines, vec!["一二三四五", "六七八九十", "甲乙丙"]);
        assert_eq!(wrap("一二三四五 ", 5), vec!["一二三四五 "]);
    }

    #[test]
    fn halfwidth_and_justify() {
        assert_eq!(to_halfwidth("好，走吧！（笑）"), "好,走吧!(笑)");
        assert_eq!(to_straight_quotes("“好”，‘走’"), "\"好\"，'走'");
        assert_eq!(justify("春 风来"), "春 风 来");
    }
}
