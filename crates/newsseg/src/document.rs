//! The document model: lines, and blocks of lines, with spans into the caller's text.
//!
//! A [`Block`] is the unit every later stage works on: one paragraph, headline, caption or
//! furniture line. In hard-wrapped layouts (PDF extraction) a paragraph spans several
//! lines; a footer or source line that sits inside such a paragraph becomes a block of its
//! own and the paragraph goes on around it.

use crate::detectors::author::names_a_reporter;
use crate::detectors::byline::{opens_with_byline, opens_with_dateline};
use crate::detectors::cohesion::{bigram_profile, Profile};
use crate::detectors::continuation::word_spans_joint;
use crate::detectors::furniture::is_furniture_above;
use crate::detectors::photo::{is_credit, is_signed_credit};
use crate::detectors::shape::{has_column_tag, has_leading_column_tag, title_without_tag};
use crate::streams::{streams, Stream, Streams};
use crate::text::{
    bracket_balance, char_count, closes_first, ends_sentence, ends_with_dash, half_width_columns,
    heading, is_han, left_open, opens_with_dash, quote_balance, same_but_spacing,
    squeeze_cjk_spaces, squeezed, starts_with_clause_punct, to_simplified, trim_blank,
    without_markup,
};
use crate::{BlockSpan, Role, Span};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// One line of the input (split on `\n`, a trailing `\r` ignored).
#[derive(Debug, Clone)]
pub struct Line {
    /// The line's text without surrounding white space (empty span for a blank line).
    pub span: Span,
    /// Characters of the line once justified spacing is squeezed out.
    pub chars: usize,
    /// True when the line holds only white space.
    pub blank: bool,
    /// The level of the heading the line is, Markdown's or HTML's (`# 标题`, `<h1>标题</h1>`
    /// → 1), its markup left out of `span`; `None` for other lines.
    pub heading: Option<usize>,
}

/// A run of lines that forms one unit: a paragraph, a headline, a footer …
#[derive(Debug, Clone)]
pub struct Block<'t> {
    /// Indices (0-based) of the lines in the block, ascending; not always contiguous (a
    /// footer inside a wrapped paragraph is a block of its own).
    pub lines: Vec<usize>,
    /// The block's text: its lines joined, justified spacing squeezed out.
    pub text: Cow<'t, str>,
    /// Characters of `text`.
    pub chars: usize,
    /// True when the block is a page-furniture line set aside while building blocks.
    pub furniture: bool,
    /// The column the block is in among columns that extraction read across one another, a
    /// line of each in turn (a box beside a column, a row of columns), numbered in the
    /// order they open: 0 for the first column and on a page read in one column. The
    /// blocks of column `n > 0` come after those of column `n - 1` that they share lines
    /// with.
    pub column: usize,
    /// True when the block is a wrapped paragraph of several lines cut at a column's foot
    /// (its last line fills the column and runs on, a blank line below it), whose first
    /// line lost its indent (pdftotext prints none) right below a sentence's end: running
    /// text, whatever its shape. (A head set in the column stops above its text.)
    pub running_text: bool,
}

/// How the dump lays out its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// True when paragraphs are hard-wrapped over several lines of similar length.
    pub wrapped: bool,
    /// The typical length in characters of a full wrapped line (0 when not wrapped).
    pub wrap_width: usize,
    /// True for a wrapped layout with a blank line after every line (some extractors
    /// double-space their output): a single blank line does not end a paragraph there.
    pub double_spaced: bool,
}

/// A parsed dump: its lines, its layout and its blocks.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    /// The caller's text.
    source: &'t str,
    /// The text the detectors read: the caller's, with traditional characters in their
    /// simplified forms ([`to_simplified`]); byte offsets are the same in both.
    text: Cow<'t, str>,
    lines: Vec<Line>,
    layout: Layout,
    blocks: Vec<Block<'t>>,
    furniture: Vec<Block<'t>>,
    /// Bigram profile of each content block, built on first use.
    bigrams: OnceLock<Vec<Profile>>,
}

impl<'t> Document<'t> {
    /// Splits `source` into lines and blocks.
    pub fn parse(source: &'t str) -> Document<'t> {
        // A page read in simplified script owns that text: its blocks own theirs too.
        let (text, parts) = match to_simplified(source) {
            Cow::Borrowed(text) => (Cow::Borrowed(text), Parts::of(text)),
            Cow::Owned(text) => {
                let parts = Parts::of(&text).into_owned();
                (Cow::Owned(text), parts)
            }
        };
        Document {
            source,
            text,
            lines: parts.lines,
            layout: parts.layout,
            blocks: parts.blocks,
            furniture: parts.furniture,
            bigrams: OnceLock::new(),
        }
    }

    /// The caller's text.
    pub fn source(&self) -> &'t str {
        self.source
    }

    /// The text the detectors read: the caller's text with traditional characters in
    /// their simplified forms (the same byte offsets).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// A block's text as the caller's text prints it (its lines joined, justified spacing
    /// squeezed out); [`Block::text`] is the form the detectors read.
    pub fn source_text(&self, block: &Block<'_>) -> Cow<'t, str> {
        joined_lines(self.source, &self.lines, &block.lines)
    }

    /// Every line of the input, blank ones included.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The detected layout.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The content blocks in dump order (by first line), but for columns read across one
    /// another ([`Block::column`]), whose blocks follow those of the column before that
    /// they share lines with: everything but furniture lines. Gap `g` is the gap between
    /// blocks `g` and `g + 1`.
    pub fn blocks(&self) -> &[Block<'t>] {
        &self.blocks
    }

    /// Page-furniture lines set aside while building blocks, in dump order.
    pub fn furniture(&self) -> &[Block<'t>] {
        &self.furniture
    }

    /// The character-bigram profile of each content block (shared by the cohesion detector
    /// and the linker; built once, on first use).
    pub fn bigrams(&self) -> &[Profile] {
        self.bigrams.get_or_init(|| {
            self.blocks
                .iter()
                .map(|b| bigram_profile(&b.text))
                .collect()
        })
    }

    /// Number of gaps between neighbouring content blocks.
    pub fn gap_count(&self) -> usize {
        self.blocks.len().saturating_sub(1)
    }

    /// The text of one line, trimmed.
    pub fn line_text(&self, line: usize) -> &str {
        self.lines[line].span.slice(&self.text)
    }

    /// The raw text of a block's first line (trimmed, spacing kept).
    pub fn first_line_text(&self, block: &Block<'_>) -> &str {
        self.line_text(block.lines[0])
    }

    /// Contiguous runs of a block's lines as `(first, last)` 0-based line indices.
    pub fn line_runs(block: &Block<'_>) -> Vec<(usize, usize)> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for &l in &block.lines {
            match runs.last_mut() {
                Some(run) if run.1 + 1 == l => run.1 = l,
                _ => runs.push((l, l)),
            }
        }
        runs
    }

    /// The output spans of a block with `role`: one [`BlockSpan`] per contiguous run of its
    /// lines (a footer inside a wrapped paragraph splits the paragraph's span, not the block).
    pub fn block_spans(&self, block: &Block<'_>, role: Role) -> Vec<BlockSpan> {
        Document::line_runs(block)
            .into_iter()
            .map(|(first, last)| {
                let span = self.span_of_lines(first, last);
                BlockSpan {
                    start: span.start,
                    end: span.end,
                    line_start: first + 1,
                    line_end: last + 1,
                    role,
                }
            })
            .collect()
    }

    /// Byte span from the start of line `first` to the end of line `last`.
    pub fn span_of_lines(&self, first: usize, last: usize) -> Span {
        Span::new(self.lines[first].span.start, self.lines[last].span.end)
    }
}

/// For each line, true when it is page furniture over the next content line
/// ([`is_furniture_above`]).
fn furniture_lines(text: &str, lines: &[Line]) -> Vec<bool> {
    (0..lines.len())
        .map(|i| {
            let below = lines[i + 1..].iter().find(|l| !l.blank);
            !lines[i].blank
                && is_furniture_above(lines[i].span.slice(text), below.map(|b| b.span.slice(text)))
        })
        .collect()
}

/// The lines, layout, furniture blocks and content blocks of a text.
struct Parts<'t> {
    lines: Vec<Line>,
    layout: Layout,
    furniture: Vec<Block<'t>>,
    blocks: Vec<Block<'t>>,
}

impl<'t> Parts<'t> {
    fn of(text: &'t str) -> Parts<'t> {
        let lines = split_lines(text);
        let furniture = furniture_lines(text, &lines);
        let content = ContentLines::of(text, &lines, &furniture);
        let layout = detect_layout(text, &lines, &content);
        let streams = if layout.wrapped {
            streams(text, &lines, &furniture)
        } else {
            Streams::one_column(lines.len())
        };
        let fits = fit_lines(text, &lines, &content, &streams, layout);
        let (furniture, blocks) = build_blocks(text, &lines, &furniture, &fits, &streams, layout)
            .into_iter()
            .partition(|b| b.furniture);
        Parts {
            lines,
            layout,
            furniture,
            blocks,
        }
    }

    /// The parts with every block's text owned.
    fn into_owned(self) -> Parts<'static> {
        Parts {
            lines: self.lines,
            layout: self.layout,
            furniture: self.furniture.into_iter().map(Block::into_owned).collect(),
            blocks: self.blocks.into_iter().map(Block::into_owned).collect(),
        }
    }
}

impl Block<'_> {
    /// The block with its text owned.
    fn into_owned(self) -> Block<'static> {
        Block {
            lines: self.lines,
            text: Cow::Owned(self.text.into_owned()),
            chars: self.chars,
            furniture: self.furniture,
            column: self.column,
            running_text: self.running_text,
        }
    }
}

/// The byte span of each line of `text` as a segmentation's blocks cover it: white space
/// and the markup of a page converted from HTML around it left out (an empty span for a
/// blank line).
pub fn line_spans(text: &str) -> Vec<Span> {
    split_lines(text)
        .into_iter()
        .map(|line| line.span)
        .collect()
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let body = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return lines;
    }
    for raw in body.split('\n') {
        let raw_end = start + raw.len();
        let content = without_markup(trim_blank(raw));
        let heading = heading(content);
        let content = heading.map_or(content, |(_, title)| title);
        // Where the content starts inside the raw line (it is a slice of it).
        let trimmed_start = content.as_ptr() as usize - raw.as_ptr() as usize;
        let span = if content.is_empty() {
            Span::new(start, start)
        } else {
            Span::new(start + trimmed_start, start + trimmed_start + content.len())
        };
        let chars = match squeeze_cjk_spaces(content) {
            Some(s) => char_count(&s),
            None => char_count(content),
        };
        lines.push(Line {
            span,
            chars,
            blank: content.is_empty(),
            heading: heading.map(|(level, _)| level),
        });
        start = raw_end + 1;
    }
    lines
}

/// The content lines of a dump (neither blank nor furniture), which the layout test and the
/// column fits both read, and their [`ColumnLength`]s, measured once, when first asked for.
struct ContentLines<'l> {
    /// The content lines, in dump order.
    lines: Vec<&'l Line>,
    /// Their indices among all lines.
    index: Vec<usize>,
    /// Their lengths in a column.
    lengths: OnceCell<Vec<Option<ColumnLength>>>,
    text: &'l str,
}

impl<'l> ContentLines<'l> {
    fn of(text: &'l str, lines: &'l [Line], furniture: &[bool]) -> ContentLines<'l> {
        let index: Vec<usize> = (0..lines.len())
            .filter(|&i| !lines[i].blank && !furniture[i])
            .collect();
        ContentLines {
            lines: index.iter().map(|&i| &lines[i]).collect(),
            index,
            lengths: OnceCell::new(),
            text,
        }
    }

    /// The [`ColumnLength`] of each content line.
    fn lengths(&self) -> &[Option<ColumnLength>] {
        self.lengths.get_or_init(|| {
            self.lines
                .iter()
                .map(|l| column_length(self.text, l))
                .collect()
        })
    }
}

/// Wrapped layouts show many lines of nearly the same length, most of them followed by
/// another non-blank line. The width is the 80th percentile of content line lengths.
fn detect_layout(text: &str, lines: &[Line], content_lines: &ContentLines<'_>) -> Layout {
    let content: Vec<usize> = content_lines.lines.iter().map(|l| l.chars).collect();
    let not_wrapped = Layout {
        wrapped: false,
        wrap_width: 0,
        double_spaced: false,
    };
    if content.len() < 6 {
        return not_wrapped;
    }
    let mut sorted = content.clone();
    sorted.sort_unstable();
    let width = sorted[sorted.len() * 4 / 5];
    if !(8..=80).contains(&width) {
        return not_wrapped;
    }
    let followed = lines
        .windows(2)
        .filter(|w| !w[0].blank && !w[1].blank)
        .count();
    let double_spaced = is_double_spaced(lines) && has_one_length(&content);
    if followed * 2 < content.len() && !double_spaced {
        return not_wrapped;
    }
    let fills = |chars: usize, width: usize| chars * 10 >= width * 8 && chars * 10 <= width * 11;
    // Many lines fill the page's column, most of them inside a sentence (a paragraph on one
    // line ends one).
    let wraps_lines = |full: &[&Line]| {
        let run_on = full
            .iter()
            .filter(|l| !ends_sentence(l.span.slice(text)))
            .count();
        full.len() * 10 >= content.len() * 4 && run_on * 2 >= full.len()
    };
    let page_full: Vec<&Line> = content_lines
        .lines
        .iter()
        .copied()
        .filter(|l| fills(l.chars, width))
        .collect();
    // Or lines fill the column around them: columns of different widths share a page.
    let wrapped = wraps_lines(&page_full)
        || {
            let full: Vec<&Line> = content_lines
                .lines
                .iter()
                .zip(local_widths(content_lines.lengths()))
                .filter(|(l, (around, column))| {
                    fills(l.chars, width) || *column && fills(l.chars, *around)
                })
                .map(|(l, _)| *l)
                .collect();
            wraps_lines(&full)
        }
        || runs_on_in_pairs(content_lines);
    if wrapped {
        Layout {
            wrapped: true,
            wrap_width: width,
            double_spaced,
        }
    } else {
        not_wrapped
    }
}

/// True when a quarter of the content lines or more, [`PAIRED_LINES`] at least, are
/// paired (see [`paired_lines`]) and run on unpunctuated: lines wrapped in columns, even
/// when each story on the page is set at a width of its own.
fn runs_on_in_pairs(content_lines: &ContentLines<'_>) -> bool {
    let lengths = content_lines.lengths();
    let paired = paired_lines(lengths)
        .iter()
        .zip(lengths)
        .filter(|(&paired, length)| paired && length.is_some_and(|l| l.runs_on))
        .count();
    paired >= PAIRED_LINES && paired * 4 >= lengths.len()
}

/// Fewest paired lines (see [`paired_lines`]) that show a page wrapped in columns of their
/// own widths (a few links or titles of one length on a web page do not).
const PAIRED_LINES: usize = 6;

/// True when a quarter of the lengths or more, three at least, are one length (of
/// [`MIN_COLUMN`] or more): the full lines of a justified column, not a list's items or a
/// page of titles.
fn has_one_length(lengths: &[usize]) -> bool {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for &l in lengths.iter().filter(|&&l| l >= MIN_COLUMN) {
        *counts.entry(l).or_default() += 1;
    }
    counts
        .values()
        .max()
        .is_some_and(|&n| n >= 3 && n * 4 >= lengths.len())
}

/// True when nearly every content line (nine in ten) is followed by a single blank line and
/// then by another content line: the blank lines say nothing about paragraphs.
fn is_double_spaced(lines: &[Line]) -> bool {
    let content = lines.iter().filter(|l| !l.blank).count();
    let spaced = (0..lines.len())
        .filter(|&i| is_single_blank(lines, i))
        .count();
    content >= 6 && spaced * 10 >= (content - 1) * 9
}

/// True when line `i` is a blank line alone between two content lines.
fn is_single_blank(lines: &[Line], i: usize) -> bool {
    lines[i].blank && i > 0 && !lines[i - 1].blank && lines.get(i + 1).is_some_and(|l| !l.blank)
}

/// True when a wrapped paragraph goes on after `line` into `next`: `line` is nearly full
/// width and does not end a sentence (nor is it a display line), or `next` opens on
/// punctuation that no paragraph starts with (the wrap fell just before a closing quote),
/// or is running text at the page's least indent on a page that indents its paragraphs
/// (see [`Fit`]), or `line` is a dateline alone and `next` opens its reporter's bracket. A
/// short line (see [`Fit`]) runs into a short line only: two lines of a head set in the
/// column make one block, and the text below it another.
/// A line wider than the column is set across columns (a title), and a line opening with
/// a dateline starts a story: neither is part of a wrapped paragraph.
fn wraps(
    text: &str,
    (line, fit): (&Line, Fit),
    (next, next_fit): (&Line, Fit),
    after_next: Option<&Line>,
    layout: Layout,
) -> bool {
    let (line_text, next_text) = (line.span.slice(text), next.span.slice(text));
    // A short line (a head set in the column) does not run into a full one.
    let full = layout.wrapped
        && (fit.full || fit.lost_indent || line.chars * 10 >= layout.wrap_width * 8)
        && (!fit.short || next_fit.short);
    let runs_on = !ends_sentence(line_text) && !is_display_line(&squeezed(line_text));
    // A dateline set alone on its line goes on with its reporter's bracket below.
    let dateline_goes_on = layout.wrapped
        && next_text.starts_with(['（', '('])
        && line_text.trim_end().ends_with('电')
        && opens_with_dateline(line_text, None);
    // On a page that indents its paragraphs, a line of running text that is not indented
    // goes on with the paragraph.
    let flush_prose = next_fit.flush && next_fit.full && next_text.contains(['，', ',']);
    let goes_on = runs_on || starts_with_clause_punct(next_text) || flush_prose;
    // A head set in the column does not run into the line below, unless a dateline runs
    // across the joint (`新华社某地10月18` / `日电`).
    let narrow_head = fit.narrow_title && !opens_with_dateline(line_text, Some(next_text));
    // A head set across columns wraps in its box: its line leaves a bracket or a quote
    // open that the next line closes (`…不停步（` / `进一步做好“六稳”工作）`), or a word
    // runs across the wrap (`…女子铅球金` / `牌`).
    let head_goes_on = fit.overlong
        && (left_open(line_text) & closes_first(next_text) != 0
            || word_spans_joint(line_text, next_text));
    // A head set in a narrow column wraps inside a word onto a much shorter line, or onto
    // a remnant too short to be a head of its own.
    let narrow_head_wraps = layout.wrapped
        && next.chars * 2 <= line.chars
        && title_shaped(line_text)
        && title_shaped(next_text)
        && !is_credit(line_text, line.chars)
        && !is_credit(next_text, next.chars)
        && (word_spans_joint(line_text, next_text) || next.chars <= HEAD_REMNANT);
    if head_goes_on || narrow_head_wraps {
        return !opens_with_dateline(next_text, after_next.map(|l| l.span.slice(text)));
    }
    (full && goes_on && !narrow_head || dateline_goes_on)
        && !next_fit.lost_indent
        && !fit.title
        && !next_fit.title
        && !fit.overlong
        // A line no wider than the line above it is not set across that one's column.
        && !(next_fit.overlong && next.chars > line.chars)
        && !opens_with_dateline(next_text, after_next.map(|l| l.span.slice(text)))
        // A credit or an author line ends where the line below does not complete it.
        && !credit_ends(line_text, next_text)
        && !author_ends(line_text, next_text)
}

/// How a line of a wrapped layout fills the column around it, whose width is the median
/// [`column_length`] of the content lines within [`LOCAL_WIDTH_REACH`] lines either side
/// (lines wider than the page's column left out). A line with no such length is neither.
/// Columns of different widths share a page.
#[derive(Debug, Clone, Copy, Default)]
struct Fit {
    /// At least [`FULL_TENTHS`] of the width, in a column (see [`local_widths`]).
    full: bool,
    /// Under [`FULL_TENTHS`] of the width and [`SHORT_BY`] characters or more under it (in
    /// a narrow column one character is a tenth): a head set in the column.
    short: bool,
    /// Clearly wider than the page's column (see [`is_overlong`]), and not a line of a wide
    /// column of its own (see [`in_wide_column`]): set across columns.
    overlong: bool,
    /// Wider than its column, and than every plain line near it (see [`reads_as_title`]):
    /// a title set across columns, whose length is close to the column's.
    title: bool,
    /// Narrower than its column, in a column, at the page's least indent (not a paragraph's
    /// indented first line), and shaped like a title (see [`title_shaped`]): a head set in
    /// the column, not a line of running text, which fills it unless it ends a paragraph.
    narrow_title: bool,
    /// Indented deeper than the content line above it (by two spaces, or an ideographic
    /// space, or more) on a page that indents its paragraphs ([`INDENTED_LINES`] such lines
    /// or more): it opens a paragraph. (A column set off from the page's edge indents all
    /// its lines alike.)
    indented: bool,
    /// Set at the page's least indent, on a page that indents its paragraphs of running
    /// text ([`INDENTED_LINES`] indented lines with a comma or more): running text at that
    /// indent goes on with the paragraph above when the line above fills the column,
    /// whatever punctuation that one ends on.
    flush: bool,
    /// A paragraph's first line whose indent the extraction dropped (pdftotext prints no
    /// leading white space), on a page that drops them (see [`mark_lost_indents`]): up to
    /// [`LOST_INDENT`] characters short of its column, running on, below a blank line, a
    /// sentence's end, a line short of its column or a head set in the column (a
    /// title-shaped line below one of those, or such a head wrapped onto a second line
    /// that closes its bracket or quote), above a full or justified line. It goes on
    /// into that line, as a full line does, even when shaped like a title, and no line
    /// above goes on into it.
    lost_indent: bool,
}

/// The [`Fit`] of each line (all neither when the layout is not wrapped).
fn fit_lines(
    text: &str,
    lines: &[Line],
    content_lines: &ContentLines<'_>,
    streams: &Streams,
    layout: Layout,
) -> Vec<Fit> {
    let mut fits = vec![Fit::default(); lines.len()];
    if !layout.wrapped {
        return fits;
    }
    let content = &content_lines.index;
    let all_lengths = content_lines.lengths();
    let paired_in_page = paired_lines(all_lengths);
    // Lines wider than the page's column are left out of the local columns' widths,
    // unless they are the lines of a wide column (or a box) of their own.
    let overlong: Vec<bool> = content
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            is_overlong(text, &lines[i], layout.wrap_width)
                && !in_wide_column(all_lengths, k)
                && !paired_in_page[k]
        })
        .collect();
    let measured: Vec<Option<ColumnLength>> = all_lengths
        .iter()
        .zip(&overlong)
        .map(|(&length, &wide)| length.filter(|_| !wide))
        .collect();
    let paired = paired_lines(&measured);
    let indents: Vec<usize> = content.iter().map(|&i| indent(text, &lines[i])).collect();
    let indented: Vec<bool> = (0..content.len())
        .map(|k| indents[k] >= k.checked_sub(1).map_or(0, |above| indents[above]) + 2)
        .collect();
    let page_indents = indented.iter().filter(|&&x| x).count() >= INDENTED_LINES;
    // Paragraphs of running text open indented (not only centred heads): text at the
    // page's least indent goes on with them.
    let prose_indents = (0..content.len())
        .filter(|&k| indented[k] && lines[content[k]].span.slice(text).contains(['，', ',']))
        .count();
    let least_indent = indents.iter().copied().min();
    let flush_indent = (prose_indents >= INDENTED_LINES).then_some(least_indent);
    let widths = local_widths(&measured);
    for (k, (&i, &(width, column))) in content.iter().zip(&widths).enumerate() {
        fits[i].indented = page_indents && indented[k];
        fits[i].flush = flush_indent == Some(Some(indents[k]));
        fits[i].overlong = overlong[k];
        let Some(ColumnLength { chars: length, .. }) = measured[k] else {
            if all_lengths[k].is_none() {
                // A justified line: its spacing hides its length, but a title set across
                // columns and spaced out is still wider, once squeezed, than every line
                // near it, justified lines squeezed too (those wider than the page's
                // column left out, as they are from the local widths).
                let justified_around = reach(k, content.len())
                    .filter(|&j| j != k && all_lengths[j].is_none() && !overlong[j])
                    .map(|j| lines[content[j]].chars)
                    .max()
                    .unwrap_or(0);
                let widest = widest_around(&measured, k).max(justified_around);
                let line = squeezed(lines[i].span.slice(text));
                fits[i].title = column && reads_as_title(&line, widest);
            }
            continue;
        };
        // A small box set narrower than its neighbours: its lines fill its own column.
        let paired = paired[k];
        let fills = length * 10 >= width * FULL_TENTHS;
        fits[i].full = fills && column || paired;
        fits[i].short = !fills && length + SHORT_BY <= width && !paired;
        fits[i].narrow_title = column
            && !paired
            && length < width
            && Some(indents[k]) == least_indent
            && reads_as_narrow_title(lines[i].span.slice(text));
        fits[i].title = column
            && length > width
            && reads_as_title(lines[i].span.slice(text), widest_around(&measured, k));
    }
    let columns = ColumnNeighbours::of(&content_lines.index, streams);
    mark_lost_indents(
        text,
        lines,
        content_lines,
        &columns,
        &measured,
        &widths,
        &mut fits,
    );
    fits
}

/// The content line each content line goes on from in its column, and the one that goes
/// on from it (indices into the content lines): the line above and below in dump order,
/// but for columns read across one another ([`Streams`]), where a line goes on from the
/// line a row above it.
struct ColumnNeighbours {
    above: Vec<Option<usize>>,
    below: Vec<Option<usize>>,
}

impl ColumnNeighbours {
    fn of(content: &[usize], streams: &Streams) -> ColumnNeighbours {
        let above: Vec<Option<usize>> = (0..content.len())
            .map(|k| match streams.of_line[content[k]] {
                Stream::Continues => k.checked_sub(1),
                Stream::Opens => None,
                Stream::Follows(line) => content.binary_search(&line).ok(),
            })
            .collect();
        let mut below = vec![None; content.len()];
        for (k, a) in above.iter().enumerate() {
            if let Some(a) = *a {
                below[a].get_or_insert(k);
            }
        }
        ColumnNeighbours { above, below }
    }
}

/// Characters a paragraph's first line lacks at most when its indent was dropped: two
/// for the indent, one more for a line that a half-width mark or a wrap rule left shorter.
const LOST_INDENT: usize = 3;

/// Sets [`Fit::lost_indent`] of the lines that open a paragraph whose indent was dropped,
/// on a page that drops them: of the lines below a paragraph's last line (short, ending a
/// sentence) and above a full one, more are short by an indent than fill the column, and
/// [`INDENTED_LINES`] or more. (On a page that does not indent, a line short by as much
/// above a full one is a head set in the column.) Above and below mean in the line's own
/// column ([`ColumnNeighbours`]): where two columns are read across one another, a
/// paragraph's first line stands between two lines of the other column.
fn mark_lost_indents(
    text: &str,
    lines: &[Line],
    content_lines: &ContentLines<'_>,
    columns: &ColumnNeighbours,
    measured: &[Option<ColumnLength>],
    widths: &[(usize, bool)],
    fits: &mut [Fit],
) {
    let content = &content_lines.index;
    let lengths = content_lines.lengths();
    // A justified line (its length unknown) fills its column.
    let justified = |k: usize| lengths[k].is_none();
    let fills: Vec<bool> = (0..content.len())
        .map(|k| fits[content[k]].full || justified(k))
        .collect();
    let ends_sentence_at = |k: usize| ends_sentence(lines[content[k]].span.slice(text));
    // The first content line, or one below a blank line.
    let opens_block = |k: usize| k == 0 || lines[content[k] - 1].blank;
    // A title-shaped line opening a block, or right below a sentence's end or a short line:
    // a head set in the column, above the paragraph it heads; or the second line of such a
    // head wrapped in its box, closing the bracket or quote its first line left open.
    let line_at = |k: usize| lines[content[k]].span.slice(text);
    let alone = |k: usize| {
        opens_block(k) || columns.above[k].is_none_or(|a| ends_sentence_at(a) || !fills[a])
    };
    let stands_as_head = |k: usize| {
        stands_above_text(line_at(k)) && alone(k)
            || columns.above[k].is_some_and(|a| {
                alone(a)
                    && left_open(line_at(a)) & closes_first(line_at(k)) != 0
                    && stands_above_text(&[line_at(a), line_at(k)].concat())
            })
    };
    // For each line running on into a full one: below what, and short by an indent or not.
    let starts: Vec<Option<(bool, bool)>> = (0..content.len())
        .map(|k| {
            let length = measured[k].filter(|l| l.runs_on)?;
            let (width, column) = match columns.below[k] {
                Some(next) if justified(next) => (lines[content[next]].chars, true),
                Some(next) if fills[next] => widths[k],
                _ => return None,
            };
            let short_by_indent =
                column && length.chars < width && length.chars + LOST_INDENT >= width;
            let below_paragraph_end =
                opens_block(k) || columns.above[k].is_none_or(|a| ends_sentence_at(a) && !fills[a]);
            Some((short_by_indent, below_paragraph_end))
        })
        .collect();
    let count = |short: bool| starts.iter().filter(|s| **s == Some((short, true))).count();
    let (dropped, flush) = (count(true), count(false));
    if dropped < INDENTED_LINES || dropped <= flush {
        return;
    }
    for (k, start) in starts.iter().enumerate() {
        let i = content[k];
        // Below a blank line, a sentence's end, a line short of its column (a head, a
        // paragraph's last line) or a head as wide as its column.
        let opens_paragraph = opens_block(k)
            || columns.above[k]
                .is_none_or(|a| ends_sentence_at(a) || !fills[a] || stands_as_head(a));
        if matches!(start, Some((true, _))) && opens_paragraph {
            fits[i].lost_indent = true;
            fits[i].short = false;
            fits[i].narrow_title = false;
        }
    }
}

/// For each place, true when its plain line runs on into a plain line exactly as long, or
/// one does into it, of [`MIN_COLUMN`] characters or more, and the first line after them is
/// not longer (a paragraph's last line): a line that fills a column of that width, whatever
/// the lines around. (Two head lines as long as each other stand above longer running
/// text.) One pass from the end finds where each run of one length ends.
fn paired_lines(lengths: &[Option<ColumnLength>]) -> Vec<bool> {
    let n = lengths.len();
    let key = |k: usize| {
        lengths[k]
            .filter(|l| l.plain && l.chars >= MIN_COLUMN)
            .map(|l| l.chars)
    };
    let runs_on = |k: usize| lengths[k].is_some_and(|l| l.runs_on);
    // The first place after `k` whose line is not as long as `k`'s.
    let mut run_end = vec![n; n];
    for k in (0..n.saturating_sub(1)).rev() {
        run_end[k] = if key(k).is_some() && key(k + 1) == key(k) {
            run_end[k + 1]
        } else {
            k + 1
        };
    }
    (0..n)
        .map(|k| {
            let Some(own) = key(k) else {
                return false;
            };
            let alike = |j: usize| j < n && key(j) == Some(own);
            let next = runs_on(k) && alike(k + 1);
            let previous = k > 0 && alike(k - 1) && runs_on(k - 1);
            let after = run_end[k];
            (next || previous) && (after >= n || lengths[after].is_none_or(|l| l.chars <= own))
        })
        .collect()
}

/// True when [`WIDE_COLUMN_LINES`] other lines or more within [`LOCAL_WIDTH_REACH`]
/// places of place `k` are about as long as it (within a tenth): the line is one of a
/// column wider than the page's (a wide box beside narrow columns), not a title.
fn in_wide_column(lengths: &[Option<ColumnLength>], k: usize) -> bool {
    let Some(own) = lengths[k] else {
        return false;
    };
    let alike = reach(k, lengths.len())
        .filter(|&j| j != k)
        .filter_map(|j| lengths[j])
        .filter(|l| l.chars * 10 >= own.chars * 9 && l.chars * 10 <= own.chars * 11)
        .count();
    alike >= WIDE_COLUMN_LINES
}

/// Lines as long as each other that make a column of their own.
const WIDE_COLUMN_LINES: usize = 2;

/// The longest plain line within [`LOCAL_WIDTH_REACH`] places either side of place `k`,
/// itself left out (0 when there is none).
fn widest_around(lengths: &[Option<ColumnLength>], k: usize) -> usize {
    reach(k, lengths.len())
        .filter(|&j| j != k)
        .filter_map(|j| lengths[j].filter(|l| l.plain).map(|l| l.chars))
        .max()
        .unwrap_or(0)
}

/// True for a line a whole character wider than a column `width` characters wide
/// (counting a half-width character as half a column and white space as nothing) that no
/// sentence ends in, with at most one clause mark, and that ends on a word: punctuation may
/// hang past a column's edge, a word does not, so the line is set across columns (a title).
fn reads_as_title(line: &str, width: usize) -> bool {
    // A half-width character past the edge is a wrap's slack (a number split over lines).
    title_shaped(line) && half_width_columns(line) > 2 * width + 1
}

/// True for a line that no sentence ends in, with at most one clause mark, ending on a word
/// (before a column tag: `只争朝夕，不负韶华（人民论坛）`): a title's punctuation.
fn title_shaped(line: &str) -> bool {
    let ends_on_word = title_without_tag(line)
        .unwrap_or(line)
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| is_han(c) || c.is_alphanumeric());
    let clauses = line
        .chars()
        .filter(|c| matches!(c, '，' | ',' | '；' | ';'))
        .count();
    ends_on_word && clauses <= 1 && !line.contains(['。', '！', '？'])
}

/// True for a line narrower than its column that may be a head set in it: shaped like a
/// title (see [`title_shaped`]) and [`whole_as_a_head`].
fn reads_as_narrow_title(line: &str) -> bool {
    title_shaped(line) && whole_as_a_head(line)
}

/// True for a line closing every quote and bracket it opens (a line cut from running text
/// may not) and opening with no byline (the first line of a paragraph, `据新华社某地某日电`).
fn whole_as_a_head(line: &str) -> bool {
    quote_balance(line) == 0 && bracket_balance(line) == 0 && !opens_with_byline(line)
}

/// True for a line that may be a head standing above its text: one that
/// [`reads_as_narrow_title`], or would but for the closing quote it ends on (`…“个性方案”`).
fn stands_above_text(line: &str) -> bool {
    let ends_quoted = line.trim_end().strip_suffix('”').is_some_and(title_shaped);
    (title_shaped(line) || ends_quoted) && whole_as_a_head(line)
}

/// The white space before a line's text, in half-width columns (an ideographic space is
/// two, a tab four).
fn indent(text: &str, line: &Line) -> usize {
    let before = &text[..line.span.start];
    before[before.rfind('\n').map_or(0, |n| n + 1)..]
        .chars()
        .map(|c| match c {
            '\u{3000}' => 2,
            '\t' => 4,
            _ => 1,
        })
        .sum()
}

/// Indented lines a page needs before indentation opens paragraphs.
const INDENTED_LINES: usize = 3;

/// The length of a line in a column, spaces counted (they fill the column too).
#[derive(Debug, Clone, Copy)]
struct ColumnLength {
    /// Characters, spaces included.
    chars: usize,
    /// No white space inside: running text, not a list's or a table's row.
    plain: bool,
    /// No sentence ends at the line's end: its text may go on in the next line.
    runs_on: bool,
}

/// The [`ColumnLength`] of a line; `None` for a justified line, whose spacing stretches it
/// to the column's width whatever its length.
fn column_length(text: &str, line: &Line) -> Option<ColumnLength> {
    let slice = line.span.slice(text);
    // Most lines hold no space at all (rarer Unicode spaces aside): their length is known.
    let spaced =
        slice.bytes().any(|b| b == b' ' || b == b'\t') || slice.contains(['\u{3000}', '\u{a0}']);
    let runs_on = !ends_sentence(slice);
    if !spaced {
        return Some(ColumnLength {
            chars: line.chars,
            plain: true,
            runs_on,
        });
    }
    let chars = char_count(slice);
    let spaces = chars - line.chars;
    (spaces * 3 < line.chars).then_some(ColumnLength {
        chars,
        plain: false,
        runs_on,
    })
}

/// The column around each place: the median length of the known lengths within
/// [`LOCAL_WIDTH_REACH`] places either side (0 when none is known), and whether it looks
/// like a column: a third of those lines or more are plain and exactly that long (the lines
/// of a justified column are as long as each other; a list's items are not, and a table's
/// rows have white space inside).
fn local_widths(lengths: &[Option<ColumnLength>]) -> Vec<(usize, bool)> {
    let mut around: Vec<usize> = Vec::with_capacity(2 * LOCAL_WIDTH_REACH + 1);
    (0..lengths.len())
        .map(|k| {
            let known = lengths[reach(k, lengths.len())].iter().flatten();
            around.clear();
            around.extend(known.clone().map(|l| l.chars));
            if around.is_empty() {
                return (0, false);
            }
            let middle = around.len() / 2;
            let width = *around.select_nth_unstable(middle).1;
            let alike = known.filter(|l| l.plain && l.chars == width).count();
            (width, width >= MIN_COLUMN && alike * 3 >= around.len())
        })
        .collect()
}

/// The places within [`LOCAL_WIDTH_REACH`] of place `k` (itself included) among `len`.
fn reach(k: usize, len: usize) -> Range<usize> {
    k.saturating_sub(LOCAL_WIDTH_REACH)..(k + LOCAL_WIDTH_REACH + 1).min(len)
}

/// Characters at most of a head's last line that is too short to be a head of its own: a
/// head set in a narrow column wraps onto it (`…女子铅球` / `金牌`) even when no word runs
/// across the wrap.
const HEAD_REMNANT: usize = 3;

/// Content lines either side of a line that give the width of its column.
const LOCAL_WIDTH_REACH: usize = 8;
/// Share of its column's width, in tenths, from which a line fills it.
const FULL_TENTHS: usize = 9;
/// Characters a short line lacks at least.
const SHORT_BY: usize = 3;
/// Narrowest column, in characters, whose lines fill it as a wrapped paragraph's do.
const MIN_COLUMN: usize = 8;

/// True for a line clearly wider than a column `width` characters wide, counting a
/// half-width character as half a column and justified spacing as nothing.
fn is_overlong(text: &str, line: &Line, width: usize) -> bool {
    // Each character is at most two halves: most lines are ruled out by their length.
    if line.chars * 10 <= width * OVERLONG_TENTHS {
        return false;
    }
    half_width_columns(line.span.slice(text)) * 10 > width * 2 * OVERLONG_TENTHS
}

/// Width, in tenths of the column, from which a line is wider than the column.
const OVERLONG_TENTHS: usize = 12;

/// True when `line` is a photo credit ([`is_signed_credit`]) that ends there: the line
/// below does not complete it (`本报记者 某某摄影` / `报道`, `摄影：某某（` / `影像中国）`).
fn credit_ends(line: &str, next: &str) -> bool {
    is_signed_credit(line)
        && !is_signed_credit(&format!("{}{}", line.trim_end(), next.trim_start()))
}

/// True when `line` is a reporter's author line, the role first and set apart from the names
/// by white space (`本报记者  某某`), that ends there: the line below does not complete it
/// (`本报记者 某某文  本报` / `记者 某某摄`).
/// (Running text names a reporter with no space, `记者跟随…`, and a dateline wrapped in a
/// column, `日电 记者某某、`, goes on.)
fn author_ends(line: &str, next: &str) -> bool {
    let line = line.trim();
    let mut words = line.split_whitespace();
    let opens_with_role = words
        .next()
        .is_some_and(|w| w.ends_with("记者") || w.ends_with("通讯员"));
    opens_with_role
        && words.next().is_some()
        && !line.contains(['，', ','])
        && names_a_reporter(line)
        && !names_a_reporter(&format!("{line}{}", next.trim_start()))
}

/// True for a line that no paragraph runs through, whatever its length: a kicker ending
/// in a dash; a title opening or ending with a column tag or a subtitle after a dash, with
/// no clause inside; a line ending on a bracketed note (see [`ends_with_note`]).
fn is_display_line(line: &str) -> bool {
    let no_clause = !line.contains(['，', ',', '。', '；']);
    // A dateline's reporter bracket (`本报北京1月14日电 （记者某某）`) is no column tag.
    let tagged = has_column_tag(line) && !opens_with_dateline(line, None)
        || has_leading_column_tag(line) && !opens_with_byline(line);
    ends_with_dash(line) || no_clause && (tagged || opens_with_dash(line)) || ends_with_note(line)
}

/// True for a line that ends on a bracketed note after a sentence end, or is one
/// (`（本报某地某日电）`, `…0亿元。（下转第二版）`, `（作者为…）`): a story's closing
/// attribution or jump line, after which no paragraph runs on.
fn ends_with_note(line: &str) -> bool {
    let line = line.trim();
    if !line.ends_with(['）', ')']) {
        return false;
    }
    let mut depth = 0usize;
    for (at, c) in line.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' => {
                depth -= 1;
                if depth == 0 {
                    let before = &line[..at];
                    return before.trim().is_empty() || ends_sentence(before);
                }
            }
            _ => {}
        }
    }
    false
}

/// True when the paragraph of `line_ids` is a bracketed note closed at the end of its last
/// line (`（“某某”演讲比赛` / `演讲稿摘登，作者为某某）`): a story's closing attribution over
/// several lines of a column, after which no paragraph runs on.
fn is_closed_note(text: &str, lines: &[Line], line_ids: &[usize]) -> bool {
    let line_text = |l: usize| lines[l].span.slice(text).trim();
    let (Some(&first), Some(&last)) = (line_ids.first(), line_ids.last()) else {
        return false;
    };
    line_text(first).starts_with(['（', '('])
        && line_text(last).ends_with(['）', ')'])
        && line_ids
            .iter()
            .map(|&l| bracket_balance(line_text(l)))
            .sum::<i32>()
            == 0
}

/// Groups the lines into blocks, in reading order: a blank line ends a paragraph (not on a
/// double-spaced page), a furniture line or a line printed twice in a row is a block of its
/// own (the paragraph may go on past it), each column read across another goes on its
/// own paragraph, and a line goes on with the paragraph above it only when [`wraps`] says
/// so (never an indented line, a heading, a bracketed note's end, a head over a dateline, or
/// a line opening with a dash: a subtitle or list item).
fn build_blocks<'t>(
    text: &'t str,
    lines: &[Line],
    furniture: &[bool],
    fits: &[Fit],
    streams: &Streams,
    layout: Layout,
) -> Vec<Block<'t>> {
    let mut groups: Vec<(Vec<usize>, bool)> = Vec::new();
    let mut open: Option<usize> = None; // index into groups of a paragraph that may go on
                                        // The paragraph each content line went into (a line printed twice: none).
    let mut group_of: Vec<Option<usize>> = vec![None; lines.len()];
    let mut previous: Option<&str> = None; // the last content line
    for (i, line) in lines.iter().enumerate() {
        if line.blank {
            if !(layout.double_spaced && is_single_blank(lines, i)) {
                open = None;
            }
            continue;
        }
        let line_text = line.span.slice(text).trim();
        if furniture[i] {
            groups.push((vec![i], true));
            continue; // a paragraph may go on past a footer
        }
        if previous
            .replace(line_text)
            .is_some_and(|p| same_but_spacing(p, line_text))
        {
            // A line printed twice in a row (a column joint repeated by the extraction) is
            // a block of its own, so that the linker can set the copy aside; the paragraph
            // may go on past it, as past a footer.
            groups.push((vec![i], false));
            continue;
        }
        // A column read across another goes on its own paragraph, two lines up.
        let open_here = match streams.of_line[i] {
            Stream::Continues => open,
            Stream::Opens => None,
            Stream::Follows(above) => group_of[above],
        };
        let continues = open_here.filter(|&g| {
            let last = *groups[g].0.last().expect("non-empty");
            // A narrow line inside a paragraph is one of its ragged lines, not a head.
            let last_fit = Fit {
                narrow_title: fits[last].narrow_title && groups[g].0.len() == 1,
                ..fits[last]
            };
            // A head set in the column right above a dateline does not end the paragraph
            // above it: that one stops where its column is cut.
            let heads_dated_text = groups[g].0.len() > 1
                && fits[i].narrow_title
                && line.chars * 2 >= layout.wrap_width
                && lines[i + 1..]
                    .iter()
                    .find(|l| !l.blank)
                    .is_some_and(|l| opens_with_dateline(l.span.slice(text), None));
            !fits[i].indented
                && line.heading.is_none()
                && lines[last].heading.is_none()
                && !heads_dated_text
                && !is_closed_note(text, lines, &groups[g].0)
                && !opens_with_dash(&squeezed(line_text))
                && wraps(
                    text,
                    (&lines[last], last_fit),
                    (line, fits[i]),
                    lines.get(i + 1),
                    layout,
                )
        });
        let g = continues.unwrap_or_else(|| {
            groups.push((Vec::new(), false));
            groups.len() - 1
        });
        groups[g].0.push(i);
        group_of[i] = Some(g);
        open = Some(g);
    }
    // Columns read across the first are read after it, one after another (a stable sort: on
    // a page read in one column, every line is read where it is printed).
    groups.sort_by_key(|(line_ids, _)| streams.read_key(line_ids[0]));
    groups
        .into_iter()
        .map(|(line_ids, furniture)| {
            let column = streams.column(line_ids[0]);
            let running_text = fits[line_ids[0]].lost_indent
                && follows_sentence_end(text, lines, line_ids[0])
                && cut_at_foot(text, lines, fits, &line_ids, layout);
            make_block(text, lines, line_ids, furniture, (column, running_text))
        })
        .collect()
}

/// True when the line right above line `i` (no blank line between) ends a sentence: a
/// paragraph's last line, with line `i` going on with the text.
fn follows_sentence_end(text: &str, lines: &[Line], i: usize) -> bool {
    i.checked_sub(1)
        .map(|above| &lines[above])
        .is_some_and(|above| !above.blank && ends_sentence(above.span.slice(text)))
}

/// True when the paragraph of lines `line_ids` (several) stops at a column's foot: its
/// last line fills the column and runs on, and a blank line that ends paragraphs (or the
/// page's end) follows it. (A head set in the column stops above its text.)
fn cut_at_foot(
    text: &str,
    lines: &[Line],
    fits: &[Fit],
    line_ids: &[usize],
    layout: Layout,
) -> bool {
    let &[_, .., last] = line_ids else {
        return false;
    };
    fits[last].full
        && !ends_sentence(lines[last].span.slice(text))
        && lines.get(last + 1).is_none_or(|l| l.blank)
        && !(layout.double_spaced && is_single_blank(lines, last + 1))
}

fn make_block<'t>(
    text: &'t str,
    lines: &[Line],
    line_ids: Vec<usize>,
    furniture: bool,
    (column, running_text): (usize, bool),
) -> Block<'t> {
    let text = joined_lines(text, lines, &line_ids);
    Block {
        // A one-line block has the line's character count.
        chars: match line_ids[..] {
            [only] => lines[only].chars,
            _ => char_count(&text),
        },
        text,
        lines: line_ids,
        furniture,
        column,
        running_text,
    }
}

/// The lines `line_ids` of `text` joined, justified spacing squeezed out.
fn joined_lines<'t>(text: &'t str, lines: &[Line], line_ids: &[usize]) -> Cow<'t, str> {
    if let [only] = line_ids {
        let line = lines[*only].span.slice(text);
        return squeezed(line);
    }
    let joined: String = line_ids
        .iter()
        .map(|&l| lines[l].span.slice(text))
        .collect();
    Cow::Owned(squeeze_cjk_spaces(&joined).unwrap_or(joined))
}

/// A wrapped page whose third line repeats its second (a column joint printed twice); the
/// tests of the document model and of the duplicates share it.
#[cfg(test)]
pub(crate) const WRAPPED_PAGE_WITH_A_REPEATED_LINE: &str =
    "这一段文字被硬换行成很多行，每一行大约有三十个字左右，没有句号\n\
     结尾的行会和下一行连在一起，组成同一个段落，直到遇到句号为止\n\
     结尾的行会和下一行连在一起，组成同一个段落，直到遇到句号为止\n\
     后面的文字接着上面的内容往下讲，讲完了这件事情就用句号结束\n\
     了。下一段又是新的内容，同样被硬换行成好几行，每行三十个字\n\
     左右，中间没有空行，直到这一段的最后一行才用句号结束了全文\n\
     最后一行。\n";

/// A wrapped paragraph in a column 30 characters wide; the tests of the document model and
/// of the `width` detector set it beside [`NARROW_COLUMN_PARAGRAPHS`].
#[cfg(test)]
pub(crate) const WIDE_COLUMN_PARAGRAPH: &str =
    "市里今年新建改建公园十二座，市民休闲有了更多的去处，周末到公\n\
     园游玩的人越来越多，公园管理部门也相应增加了服务人员，方便市\n\
     民游览参观，还在园内增设了不少座椅、饮水点和公共卫生间等设\n\
     施，受到了市民的普遍欢迎和好评。\n";

/// Two wrapped paragraphs in a column 11 characters wide.
#[cfg(test)]
pub(crate) const NARROW_COLUMN_PARAGRAPHS: &str = "县里举办农民丰收节，各\n\
     乡镇展示今年粮食生产的\n\
     新成果和新变化，吸引了\n\
     众多村民前来观看。\n\
     活动现场还设置了农产品\n\
     展销区，村民们带来的新\n\
     米、菜籽油和土特产很受\n\
     欢迎。\n";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::shape::is_head_shaped;

    /// `line` justified: a space between every two characters.
    fn spaced_out(line: &str) -> String {
        line.chars().map(String::from).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn lines_and_spans() {
        let doc = Document::parse("标题\r\n\n  正文第一段。\n");
        assert_eq!(doc.lines().len(), 3);
        assert!(doc.lines()[1].blank);
        assert_eq!(doc.line_text(0), "标题");
        assert_eq!(doc.line_text(2), "正文第一段。");
        assert_eq!(doc.blocks().len(), 2);
    }

    #[test]
    fn a_byte_order_mark_or_zero_width_space_is_blank() {
        let doc = Document::parse("\u{feff}\n\u{feff}标题\n\u{200b}\n正文第一段。\n");
        assert!(doc.lines()[0].blank);
        assert!(doc.lines()[2].blank);
        assert_eq!(doc.line_text(1), "标题");
        assert_eq!(doc.lines()[1].span.start, 1 + 3 + 3);
        assert_eq!(doc.blocks().len(), 2);
    }

    #[test]
    fn a_traditional_page_is_read_simplified_and_spans_point_into_it() {
        let page = "海濱長廊明年開放\n【本報訊】記者李家明報道：工程進展順利。\n";
        let doc = Document::parse(page);
        assert_eq!(doc.source(), page);
        assert_eq!(doc.blocks()[0].text, "海滨长廊明年开放");
        assert_eq!(doc.source_text(&doc.blocks()[0]), "海濱長廊明年開放");
        let span = doc.lines()[1].span;
        assert_eq!(span.slice(page), "【本報訊】記者李家明報道：工程進展順利。");
        assert_eq!(doc.line_text(1), "【本报讯】记者李家明报道：工程进展顺利。");
    }

    #[test]
    fn wrapped_paragraph_is_one_block_around_a_footer() {
        let row = |n: usize| format!("这是一段很长的正文文字用来模拟排版中被硬换行的段落第{n}行");
        let text = format!(
            "{}\n{}\n第 10 页\n{}\n最后一行结束了。\n{}\n{}\n{}\n收尾。\n",
            row(1),
            row(2),
            row(3),
            row(5),
            row(6),
            row(7)
        );
        let doc = Document::parse(&text);
        assert!(doc.layout().wrapped, "{:?}", doc.layout());
        let blocks = doc.blocks();
        assert_eq!(blocks.len(), 2, "{blocks:#?}");
        assert_eq!(blocks[0].lines, vec![0, 1, 3, 4]);
        assert_eq!(doc.furniture()[0].lines, vec![2]);
        assert_eq!(blocks[1].lines, vec![5, 6, 7, 8]);
        assert_eq!(Document::line_runs(&blocks[0]), vec![(0, 1), (3, 4)]);
    }

    #[test]
    fn a_repeated_line_is_a_block_of_its_own_and_the_paragraph_goes_on_past_it() {
        let doc = Document::parse(WRAPPED_PAGE_WITH_A_REPEATED_LINE);
        assert!(doc.layout().wrapped, "{:?}", doc.layout());
        let lines: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(lines, [&[0, 1, 3, 4, 5, 6][..], &[2]]);
    }

    #[test]
    fn a_justified_copy_of_a_line_is_a_block_of_its_own_too() {
        let mut page: Vec<String> = WRAPPED_PAGE_WITH_A_REPEATED_LINE
            .lines()
            .map(str::to_owned)
            .collect();
        page[2] = spaced_out(&page[2]);
        let page = page.join("\n");
        let doc = Document::parse(&page);
        let lines: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(lines, [&[0, 1, 3, 4, 5, 6][..], &[2]]);
    }

    #[test]
    fn a_justified_title_wider_than_its_column_is_a_block_of_its_own() {
        let body = [
            "甲县今年以来深入推进乡村振兴",
            "各项工作取得积极进展群众收入",
            "持续增加村里的道路修到了家门",
            "口孩子们上学也比过去方便多了",
            "村民们说日子一年比一年更红火",
            "大家对来年的生活充满了信心。",
        ];
        let check = |kicker: &str| {
            let page = [
                kicker.to_owned(),
                spaced_out("乡村振兴的新路子在甲县越走越宽广"),
            ]
            .into_iter()
            .chain(body.map(str::to_owned))
            .map(|line| line + "\n")
            .collect::<String>();
            let doc = Document::parse(&page);
            assert!(doc.layout().wrapped, "{:?}", doc.layout());
            let lines: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
            assert_eq!(lines, [&[0][..], &[1], &[2, 3, 4, 5, 6, 7]], "{kicker:?}");
        };
        // The spaced-out title (16 characters) is wider than the column (14): it does not
        // run into the text below, whether the kicker above it (23, wider than the page's
        // column) is plain or spaced out too.
        check("甲县干部群众齐心协力推进乡村振兴工作取得新成效");
        check(&spaced_out(
            "甲县干部群众齐心协力推进乡村振兴工作取得新成效",
        ));
    }

    #[test]
    fn display_lines_do_not_run_into_a_paragraph() {
        let text = "本市今年新建公园十二座，市民休闲有了更多去处，周末游园的人\n\
                    越来越多，公园管理部门也增加了服务人员，方便市民游览参观。\n\
                    乙县举办农民丰收节，展示今年粮食生产的新成果新变化——\n\
                    丰收节上晒丰收 田间地头话振兴（乡村振兴一线）\n\
                    ——写在第三个中国农民丰收节到来之际的乡村调查与思考\n\
                    本报乙县9月20日电 连日来，乙县各乡镇陆续开展丰收节活动，\n\
                    村民们载歌载舞，庆祝丰收，现场还展示了各类优质农产品。\n";
        let blocks = |text: &str| -> Vec<Vec<usize>> {
            let doc = Document::parse(text);
            assert!(doc.layout().wrapped, "{:?}", doc.layout());
            doc.blocks().iter().map(|b| b.lines.clone()).collect()
        };
        let expected = [vec![0, 1], vec![2], vec![3], vec![4], vec![5, 6]];
        assert_eq!(blocks(text), expected);
        // Justified, the kicker's and the subtitle's dashes are spaced out too (`— —`).
        let justified: String = text
            .lines()
            .enumerate()
            .map(|(i, line)| match i {
                2 | 4 => spaced_out(line) + "\n",
                _ => line.to_owned() + "\n",
            })
            .collect();
        assert_eq!(blocks(&justified), expected);
    }

    #[test]
    fn a_head_set_in_a_column_does_not_run_into_the_text_below() {
        let text = "这座村庄过去交通不便，村民出行只能走山\n\
                    路，如今公路修到了家门口，孩子们上学也\n\
                    方便多了，村里的特产也能及时运出去。\n\
                    修好一条致富路，打开一个新的市场\n\
                    让山里的好特产走出大山卖上好价钱\n\
                    去年以来，村里组织青年成立电商服务站，\n\
                    开通网络直播销售山货，线上销售额不断增\n\
                    长，越来越多的外出青年返乡创业就业了。\n";
        let doc = Document::parse(text);
        assert!(doc.layout().wrapped, "{:?}", doc.layout());
        let lines: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        // Each line of the head narrower than the column is a block of its own.
        assert_eq!(lines, [&[0, 1, 2][..], &[3], &[4], &[5, 6, 7]]);
    }

    #[test]
    fn an_indented_line_opens_a_paragraph_unless_every_line_is_indented() {
        let page = [
            "\u{3000}\u{3000}这座村庄过去交通不便，村民出行只能走山路，",
            "如今公路修到了家门口，孩子们上学也方便多了",
            "\u{3000}\u{3000}去年以来，村里组织青年成立电商服务站，开",
            "通网络直播销售山货，线上销售额不断增长，越",
            "来越多的外出青年返乡创业就业，村里的特产也",
            "\u{3000}\u{3000}村党支部书记说，下一步还要把乡村旅游业和电",
            "商结合起来，让更多村民在家门口增收致富。",
        ]
        .map(|line| format!("{line}\n"))
        .concat();
        let blocks = |text: &str| -> Vec<Vec<usize>> {
            let doc = Document::parse(text);
            assert!(doc.layout().wrapped, "{:?}", doc.layout());
            doc.blocks().iter().map(|b| b.lines.clone()).collect()
        };
        assert_eq!(blocks(&page), [vec![0, 1], vec![2, 3, 4], vec![5, 6]]);
        // A line of running text that is not indented goes on with its paragraph, even
        // after a sentence ends at the column's edge.
        let sentence_ends = page.replace("只能走山路，", "只能走山路。");
        assert_eq!(
            blocks(&sentence_ends),
            [vec![0, 1], vec![2, 3, 4], vec![5, 6]]
        );
        let margin: String = page
            .lines()
            .map(|l| format!("  {}\n", l.trim_start()))
            .collect();
        assert_eq!(blocks(&margin), [vec![0, 1, 2, 3, 4, 5, 6]]);
    }

    #[test]
    fn a_blank_line_after_every_line_of_a_wrapped_page_ends_no_paragraph() {
        let lines = [
            "这座村庄过去交通不便，村民出行只能走山",
            "路，如今公路修到了家门口，孩子们上学也",
            "方便多了，村里的特产也能及时运出去。",
            "去年以来，村里组织青年成立电商服务站，",
            "开通网络直播销售山货，线上销售额不断增",
            "长，越来越多的外出青年返乡创业就业了。",
        ];
        let page = lines.map(|l| format!("{l}\n\n")).concat();
        let doc = Document::parse(&page);
        assert!(doc.layout().double_spaced, "{:?}", doc.layout());
        let blocks: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(blocks, [&[0, 2, 4][..], &[6, 8, 10]]);
        // Paragraphs on a line each, or titles of many lengths, a blank line between them,
        // are no wrapped text.
        let paragraphs = "甲县新建公园十二座，市民休闲有了去处。\n\n".repeat(6);
        let titles = [
            "甲县新建公园十二座",
            "乙市举办农民丰收节活动",
            "丙省推进城市更新行动",
            "丁县乡村学校迎来新图书室",
            "戊市首条地铁线路开通运营",
            "己县秋粮收购工作有序推进中",
        ]
        .map(|l| format!("{l}\n\n"))
        .concat();
        for page in [paragraphs, titles] {
            let doc = Document::parse(&page);
            assert!(!doc.layout().wrapped, "{:?}", doc.layout());
            assert_eq!(doc.blocks().len(), 6);
        }
    }

    #[test]
    fn a_narrow_column_beside_a_wide_one_is_wrapped_too() {
        let page = format!("{WIDE_COLUMN_PARAGRAPH}{NARROW_COLUMN_PARAGRAPHS}");
        let doc = Document::parse(&page);
        assert!(doc.layout().wrapped, "{:?}", doc.layout());
        let lines: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(lines, [&[0, 1, 2, 3][..], &[4, 5, 6, 7], &[8, 9, 10, 11]]);
    }

    #[test]
    fn a_wide_box_on_a_page_of_narrow_columns_is_wrapped_too() {
        let narrow = NARROW_COLUMN_PARAGRAPHS;
        let page = format!("{narrow}{narrow}{narrow}{WIDE_COLUMN_PARAGRAPH}");
        let doc = Document::parse(&page);
        assert_eq!(
            doc.layout().wrap_width,
            11,
            "the narrow columns set the page's"
        );
        let lines: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(lines[6], [24, 25, 26, 27]);
    }

    #[test]
    fn a_title_wider_than_the_column_and_a_dateline_open_blocks() {
        let text = "甲县举办首届农民丰收节\n\
                    展示粮食生产的新成果和\n\
                    新变化，村民们载歌载舞\n\
                    庆祝丰收。现场还展示了\n\
                    各类优质的农产品和手工\n\
                    艺品。丰收节将持续三天\n\
                    乙县新建十二座城市公园方便市民休闲游览\n\
                    新华社乙县10月18\n\
                    日电  本市今年新建公园\n\
                    十二座，市民休闲有了更\n\
                    多去处。\n";
        let blocks = |text: &str| -> Vec<Vec<usize>> {
            let doc = Document::parse(text);
            assert!(doc.layout().wrapped, "{:?}", doc.layout());
            doc.blocks().iter().map(|b| b.lines.clone()).collect()
        };
        assert_eq!(
            blocks(text),
            [vec![0, 1, 2, 3, 4, 5], vec![6], vec![7, 8, 9, 10]]
        );
        let without_title = text.replace("乙县新建十二座城市公园方便市民休闲游览\n", "");
        assert_eq!(
            blocks(&without_title),
            [vec![0, 1, 2, 3, 4, 5], vec![6, 7, 8, 9]]
        );
        // Justified spacing, digits included, does not hide the dateline.
        let spaced = without_title.replace("新华社乙县10月18", "新 华 社 乙 县 1 0 月 1 8");
        assert_eq!(blocks(&spaced), [vec![0, 1, 2, 3, 4, 5], vec![6, 7, 8, 9]]);
    }

    #[test]
    fn a_title_a_character_wider_than_every_line_near_it_opens_a_block() {
        let text = "村里的新变化让人欣喜，道路\n\
                    硬化了，路灯亮了，家家户户\n\
                    用上了自来水。村民们都说，\n\
                    日子越过越红火。\n\
                    乙县新建十座公园方便市民休闲\n\
                    今年新建公园十座，市民休闲\n\
                    有了更多去处。公园里种满了\n\
                    花草树木。\n";
        let blocks = |text: &str| -> Vec<Vec<usize>> {
            let doc = Document::parse(text);
            assert!(doc.layout().wrapped, "{:?}", doc.layout());
            doc.blocks().iter().map(|b| b.lines.clone()).collect()
        };
        assert_eq!(blocks(text), [vec![0, 1, 2, 3], vec![4], vec![5, 6, 7]]);
        // A line as long as the title, but a sentence ends in it: running text.
        let prose = text.replace(
            "乙县新建十座公园方便市民休闲",
            "乙县新建公园。十座公园方便市民",
        );
        assert_eq!(blocks(&prose), [vec![0, 1, 2, 3], vec![4, 5, 6, 7]]);
        // A title may end on its column tag, half-width brackets too.
        let tagged = text.replace(
            "乙县新建十座公园方便市民休闲",
            "只争朝夕，不负韶华(人民论坛)",
        );
        assert_eq!(blocks(&tagged), [vec![0, 1, 2, 3], vec![4], vec![5, 6, 7]]);
    }

    /// Two paragraphs as pdftotext prints them in a 12-character column: each opens two
    /// characters short of it, its indent dropped.
    const INDENTS_DROPPED: [&str; 10] = [
        "村里的道路修好以后，",
        "孩子们上学方便了，村民出",
        "行比从前方便多了，赶集也",
        "不用再起早，不再只能走山",
        "路。",
        "在村东头的广场边上新",
        "建的电商服务站里，青年们",
        "每天都在忙着直播，销售山",
        "里的特产，订单一天比一天",
        "多。",
    ];

    /// `lines`, one per line.
    fn page_of<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
        lines.into_iter().map(|line| format!("{line}\n")).collect()
    }

    #[test]
    fn a_paragraph_opening_whose_indent_was_dropped_goes_on_into_its_paragraph() {
        // pdftotext prints no indent: each paragraph opens two characters short of the
        // 12-character column, and the opening of the second is shaped like a title.
        let page = page_of(INDENTS_DROPPED.into_iter().chain([
            "去年以来，村里组织青",
            "年成立合作社，线上销售额",
            "不断增长，收入明显增加。",
        ]));
        assert_eq!(
            blocks_at_width(&page, 12),
            [vec![0, 1, 2, 3, 4], vec![5, 6, 7, 8, 9], vec![10, 11, 12]]
        );
        // On a page whose paragraphs open at the column's edge, a line as short above a
        // full one is a head set in the column.
        let flush = page
            .replace("村里的道路修好以后，", "村里的道路修好以后，村民")
            .replace("去年以来，村里组织青", "去年以来，村里组织一批青");
        assert_eq!(blocks_at_width(&flush, 12)[1], [5]);
    }

    #[test]
    fn a_paragraph_opening_in_a_column_read_across_another_goes_on_into_its_paragraph() {
        // Below the page's paragraphs, two columns read across one another, a line of each
        // in turn (words run across their joints two lines down: `村` / `民`). The second
        // column's paragraph opens two characters short, shaped like a title: it goes on
        // into the line that follows it in its column, not into the line printed below it.
        let page = page_of(INDENTS_DROPPED.into_iter().chain([
            "合作社还请来农技专家为村",
            "山脚下新建的文化站里，老",
            "民讲授种植技术，帮助大家",
            "人们常来唱戏聊天。",
            "提高产量，改良品种，让村",
            "如今村里的年轻人也都",
            "民的腰包一天天鼓起来，村",
            "愿意回来创业，发展特色产",
            "民的日子越过越红火了。",
            "业，带动乡亲们共同致富。",
        ]));
        assert_eq!(
            blocks_at_width(&page, 12)[2..],
            [vec![10, 12, 14, 16, 18], vec![11, 13], vec![15, 17, 19]]
        );
    }

    #[test]
    fn a_head_set_in_the_column_stands_above_a_paragraph_opening_whose_indent_was_dropped() {
        // The paragraphs open two characters short of the 12-character column; the head
        // between them, as wide as the column or nearly, runs into no paragraph.
        let page = |head: &str| {
            page_of(INDENTS_DROPPED.into_iter().chain([
                "村里的老人也学会了网上",
                "购物，足不出户就能买到日",
                "用品，生活越来越方便了。",
                head,
                "去年以来，村里组织青",
                "年成立合作社，线上销售额",
                "不断增长，收入明显增加。",
            ]))
        };
        for head in [
            "青年合作社带动全村人致富",
            "合作社带领全村人致富",
            "青年合作社带来“新希望”",
        ] {
            assert_eq!(
                blocks_at_width(&page(head), 12)[2..],
                [vec![10, 11, 12], vec![13], vec![14, 15, 16]],
                "{head}"
            );
        }
        // A head wrapped in its box: its second line closes the bracket the first left open.
        let wrapped = page("合作社带动全村人致富（\n乡村振兴观察·基层一线）");
        assert_eq!(
            blocks_at_width(&wrapped, 12).last(),
            Some(&vec![15, 16, 17])
        );
    }

    #[test]
    fn a_number_alone_is_a_page_number_unless_the_line_below_quotes_it() {
        let furniture = |page: &str| {
            let doc = Document::parse(page);
            let lines = |blocks: &[Block<'_>]| blocks.iter().map(|b| b.lines[0]).collect();
            (lines(doc.furniture()), lines(doc.blocks()))
        };
        let text = "上海宣布对229名领导干部亲属经商办企业行为进行了规范。";
        assert_eq!(furniture(&format!("229\n{text}\n")), (vec![], vec![0, 1]));
        // Below it, a date or a page that holds the number, or no such number at all.
        for below in [
            "今年12月，村里新修了道路。",
            "详见第12版。",
            "村里新修了道路。",
        ] {
            assert_eq!(furniture(&format!("12\n{below}\n")), (vec![0], vec![1]));
        }
    }

    #[test]
    fn a_paragraph_opening_cut_at_the_column_foot_is_running_text_whatever_its_shape() {
        // Paragraphs open two characters short of the 12-character column; the third is
        // cut after two lines at the column's foot, and reads like a title.
        let cut = ["去年以来，村里组织青", "年成立合作社，线上销售额"];
        let page = |after_cut: &[&str]| {
            page_of(
                INDENTS_DROPPED
                    .into_iter()
                    .chain(cut)
                    .chain(after_cut.iter().copied())
                    .chain(["本报讯新建公园十座，市民", "休闲有了更多去处。"]),
            )
        };
        let cut_block = |text: &str| {
            let doc = Document::parse(text);
            assert_eq!(doc.layout().wrap_width, 12, "{:?}", doc.layout());
            let block = doc.blocks()[2].clone();
            assert_eq!(block.lines, [10, 11]);
            (block.running_text, is_head_shaped(&block))
        };
        assert_eq!(cut_block(&page(&["", "乙县新建十座公园"])), (true, false));
        // Two head lines right above their story's text stop there, not at a column's foot.
        assert_eq!(cut_block(&page(&[])), (false, true));
    }

    #[test]
    fn a_head_set_across_columns_goes_on_into_the_line_that_ends_its_bracket_or_word() {
        // A headline wider than the 13-character column wraps in its box, its column tag
        // cut after the opening bracket.
        let page = [
            "山区小村的电商服务站开到了农民的家门口（",
            "乡村振兴看今朝）",
            "村里的道路修好以后，孩子们",
            "上学方便了，村民出行比从前",
            "方便多了，赶集也不用再起早",
            "了，不再只能走山路。",
        ]
        .map(|line| format!("{line}\n"))
        .concat();
        assert_eq!(column_of_13_blocks(&page), [vec![0, 1], vec![2, 3, 4, 5]]);
        // Or inside a word (`金` / `牌`).
        let page = page.replace(
            "山区小村的电商服务站开到了农民的家门口（\n乡村振兴看今朝）",
            "甲省选手在世界锦标赛上夺得女子铅球金\n牌",
        );
        assert_eq!(column_of_13_blocks(&page), [vec![0, 1], vec![2, 3, 4, 5]]);
    }

    #[test]
    fn a_head_set_in_the_column_goes_on_into_a_much_shorter_line_that_ends_it() {
        let body = "村里的道路修好以后，孩子们\n上学方便了，村民出行比从前\n方便多了，赶集也不用再起早\n了，不再只能走山路。\n";
        let blocks = |head: &str| column_of_13_blocks(&format!("{head}{body}"));
        // A line that ends the word the head cuts (`电` / `梯`).
        let wrapped = [vec![0, 1], vec![2, 3, 4, 5]];
        assert_eq!(blocks("青岚市启动老旧小区加装电\n梯工作\n"), wrapped);
        // A remnant too short to be a head of its own, no word across (`园` / `十座`).
        assert_eq!(blocks("乙市今年新建改建口袋公园\n十座\n"), wrapped);
        // Four characters make a head: a short headline under its kicker stays apart.
        assert_eq!(
            blocks("乙市今年新建改建口袋公园\n市民点赞\n"),
            [vec![0], vec![1], vec![2, 3, 4, 5]]
        );
        // A credit is no head, whatever word runs across (`摄制`).
        let page = format!("{body}新华社记者李颖摄\n制图王婷\n{body}");
        assert_eq!(column_of_13_blocks(&page)[1], [4]);
    }

    /// The blocks (line numbers) of a page wrapped in a column of 13 characters.
    fn column_of_13_blocks(text: &str) -> Vec<Vec<usize>> {
        blocks_at_width(text, 13)
    }

    /// The blocks (line numbers) of a page wrapped in a column of `width` characters.
    fn blocks_at_width(text: &str, width: usize) -> Vec<Vec<usize>> {
        let doc = Document::parse(text);
        assert_eq!(doc.layout().wrap_width, width, "{:?}", doc.layout());
        doc.blocks().iter().map(|b| b.lines.clone()).collect()
    }

    #[test]
    fn a_title_above_a_dateline_does_not_go_on_a_paragraph_cut_above_it() {
        let page = |dateline: &str| {
            format!(
                "村里的新变化让人欣喜，道路\n硬化了，路灯亮了，家家户户\n\
                 用上了自来水，村民们都说\n乙县新建公园方便市民\n\
                 {dateline}今年新建\n公园十座，市民休闲有了更多\n去处。\n"
            )
        };
        let blocks = |dateline: &str| column_of_13_blocks(&page(dateline));
        assert_eq!(
            blocks("本报讯（记者张三）"),
            [vec![0, 1, 2], vec![3], vec![4, 5, 6]]
        );
        // Above running text, the narrow line ends the paragraph.
        assert_eq!(
            blocks("乙县今年冬天以来，"),
            [vec![0, 1, 2, 3], vec![4, 5, 6]]
        );
        // Double-spaced, the dateline is two lines down.
        let spaced = page("本报讯（记者张三）").replace('\n', "\n\n");
        let doc = Document::parse(&spaced);
        assert!(doc.layout().double_spaced, "{:?}", doc.layout());
        let lines: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(lines, [&[0, 2, 4][..], &[6], &[8, 10, 12]]);
    }

    #[test]
    fn a_title_narrower_than_its_column_does_not_run_into_the_text_below() {
        let page = |title: &str| {
            format!(
                "村里的新变化让人欣喜，道路\n硬化了，路灯亮了，家家户户\n\
                 用上了自来水。村民们都说，\n日子越过越红火。\n{title}\n\
                 今年新建公园十座，市民休闲\n有了更多去处。公园里种满了\n花草树木。\n"
            )
        };
        let blocks = |title: &str| column_of_13_blocks(&page(title));
        assert_eq!(
            blocks("乙县新建公园方便市民休闲"),
            [vec![0, 1, 2, 3], vec![4], vec![5, 6, 7]]
        );
        // A paragraph's ragged line is no title, however narrow.
        let ragged = page("乙县新建公园方便市民休闲")
            .replace("硬化了，路灯亮了，家家户户", "硬化了路灯也亮了家家户");
        let doc = Document::parse(&ragged);
        assert_eq!(doc.blocks()[0].lines, [0, 1, 2, 3]);
        // Not a title: a dateline, a bracket left open, a clause mark too many.
        for line in [
            "据新华社北京3月5日电",
            "（新华社北京3月5日电",
            "市民们说，公园多了，休闲",
        ] {
            assert_eq!(blocks(line), [vec![0, 1, 2, 3], vec![4, 5, 6, 7]], "{line}");
        }
    }

    #[test]
    fn stories_each_set_at_a_width_of_their_own_are_wrapped() {
        let page = "甲县新建公园\n甲县今年新建公园十座，市民出\n门五百米见园的比例提高到八成\n\
                    。公园里种满了花草树木，成了\n市民休闲的好去处。\n乙市开通跨海公交\n\
                    乙市开通首条跨海公交线路，市民从城区到海\n岛只需四十分钟，沿线设站十二个，方便了岛\n\
                    上居民出行。\n丙镇举办丰收节\n丙镇举办农民丰收节，村民\n\
                    们载歌载舞庆祝丰收，现场\n展示了各类优质农产品。\n";
        let doc = Document::parse(page);
        assert!(doc.layout().wrapped, "{:?}", doc.layout());
        let blocks: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(
            blocks,
            [
                &[0][..],
                &[1, 2, 3, 4],
                &[5],
                &[6, 7, 8],
                &[9],
                &[10, 11, 12]
            ]
        );
    }

    #[test]
    fn a_line_ending_on_a_bracketed_note_closes_its_paragraph() {
        let page = |note: &str| {
            format!(
                "村里的新变化让人欣喜，道路\n硬化了，路灯亮了，家家户户\n\
                 用上了自来水。村民们都说，\n日子越过越红火，家家都满意\n{note}\n\
                 今年新建公园十座，市民休闲\n有了更多去处。公园里种满了\n花草树木。\n"
            )
        };
        let blocks = |note: &str| -> Vec<Vec<usize>> {
            let text = page(note);
            let doc = Document::parse(&text);
            assert!(doc.layout().wrapped, "{:?}", doc.layout());
            doc.blocks().iter().map(|b| b.lines.clone()).collect()
        };
        for note in ["（本报甲县3月4日电张三）", "越过越好。（下转第二版）"]
        {
            assert_eq!(blocks(note), [vec![0, 1, 2, 3, 4], vec![5, 6, 7]], "{note}");
        }
        // A bracket closed inside the line, with text after it: running text.
        assert_eq!(
            blocks("（甲县）日前新建十座公园，"),
            [vec![0, 1, 2, 3, 4, 5, 6, 7]]
        );
    }

    #[test]
    fn a_bracketed_note_over_two_lines_closes_its_paragraph() {
        let text = "村里的新变化让人欣喜，道路\n硬化了，路灯亮了，家家户户\n用上了自来水。\n\
                    （作者为甲县第一中学语文教\n师，本报记者张三采访整理）\n\
                    今年新建公园十座，市民休闲\n有了更多去处。公园里种满了\n花草树木。\n";
        let doc = Document::parse(text);
        assert!(doc.layout().wrapped, "{:?}", doc.layout());
        let blocks: Vec<Vec<usize>> = doc.blocks().iter().map(|b| b.lines.clone()).collect();
        assert_eq!(blocks, [vec![0, 1, 2], vec![3, 4], vec![5, 6, 7]]);
    }

    #[test]
    fn a_dateline_ending_on_the_reporter_bracket_goes_on_into_its_paragraph() {
        let text = "甲县举办农民丰收节，展示粮\n\
                    食生产新成果。村民们载歌\n\
                    载舞，庆祝丰收。\n\
                    本报北京1月4日电（记者张三）\n\
                    中央广播电视总台今天在京\n\
                    举办新闻发布会，介绍春节\n\
                    联欢晚会的筹备情况。\n";
        let doc = Document::parse(text);
        assert!(doc.layout().wrapped, "{:?}", doc.layout());
        let lines: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(lines, [&[0, 1, 2][..], &[3, 4, 5, 6]]);
    }

    #[test]
    fn a_photo_credit_set_in_the_column_ends_its_block_unless_the_line_below_completes_it() {
        // Extraction keeps a credit's no-break spaces: the line is about as long as the column.
        let caption = "图①：甲县新建的图书馆\n今天正式开馆，市民们排\n队入馆借阅图书。\n";
        let below = "图②：乙村的村民们在广\n场上排练节目，准备参加\n全县的文艺汇演。\n";
        for credit in [
            "本报记者\u{a0}张小三摄\n",
            "新华社记者\u{a0}李\u{a0}四摄\n",
            "本报记者\u{a0}张三\u{a0}李四摄影\n报道\n",
            "摄影：张三\u{a0}李四\u{a0}王五（\n影像中国）\n",
        ] {
            let text = format!("{caption}{credit}{below}");
            assert_lines_make_a_block(&text, 3..3 + credit.lines().count());
        }
    }

    /// Asserts that `text` is read as wrapped and that exactly the lines `lines` are one block.
    fn assert_lines_make_a_block(text: &str, lines: Range<usize>) {
        let doc = Document::parse(text);
        assert!(doc.layout().wrapped, "{:?}", doc.layout());
        let lines: Vec<usize> = lines.collect();
        let blocks: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        assert!(blocks.contains(&lines.as_slice()), "{text}: {blocks:?}");
    }

    #[test]
    fn an_author_line_set_in_the_column_ends_its_block_unless_the_line_below_completes_it() {
        let above = "甲县新建图书馆今天正\n式开馆，市民们排队入馆\n借阅图书。\n";
        let below =
            "一户一策，扶起信心拔\n穷根\n清早，村庄尚未醒来，乙\n县丙村的村民已将牛羊喂\n完。\n";
        for (author, lines) in [
            ("本报记者\u{a0}\u{a0}王小涛\n", 1),
            (
                "本报记者\u{a0}张小文\u{a0}\u{a0}本报\n记者\u{a0}李\u{a0}四摄\n",
                2,
            ),
        ] {
            assert_lines_make_a_block(&format!("{above}{author}{below}"), 3..3 + lines);
        }
    }

    #[test]
    fn a_dateline_alone_goes_on_into_its_reporters_bracket() {
        for (dateline, bracket) in [
            ("本报北京1月25日电\u{a0}\u{a0}", "（记者张三）25日是春节长"),
            ("本报北京10月22日", "电\u{a0}\u{a0}\u{a0}\u{a0}(记者张三)"),
        ] {
            let text = format!(
                "甲县举办农民丰收节，展示粮\n食生产新成果。村民们载歌\n载舞，庆祝丰收。\n\
                 {dateline}\n{bracket}\n假第二天，全国各主要高速\n公路交通流量平稳有序。\n"
            );
            let doc = Document::parse(&text);
            assert!(doc.layout().wrapped, "{:?}", doc.layout());
            let lines: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
            assert_eq!(lines, [&[0, 1, 2][..], &[3, 4, 5, 6]], "{dateline}");
        }
    }

    #[test]
    fn a_wrapped_line_opening_on_a_closing_quote_goes_on_from_the_line_above() {
        let text = "本市今年新建公园十二座，市民休闲有了更多去处，周末游园的人\n\
                    越来越多。“公园多了，我们周末带孩子出来玩方便多了。\n\
                    ”市民张三说。公园管理部门也增加了服务人员，方便游览。\n\
                    乙县举办农民丰收节，展示今年粮食生产的新成果和新变化，\n\
                    村民们载歌载舞，庆祝丰收，现场还展示了各类优质的农产品，\n\
                    丰收节将持续三天，吸引了周边县市的大批游客前来参观游览。\n";
        let doc = Document::parse(text);
        assert!(doc.layout().wrapped, "{:?}", doc.layout());
        let lines: Vec<&[usize]> = doc.blocks().iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(lines, [&[0, 1, 2][..], &[3, 4, 5]]);
    }

    #[test]
    fn paragraphs_of_one_width_on_a_line_each_are_not_wrapped() {
        // Lines of about one width, but each ends its paragraph: no wrapped layout.
        let text = "甲市新建大桥通车\n\
                    甲市跨江大桥今天正式通车，大桥全长三公里，连接两岸。\n\
                    大桥通车后，两岸车辆往来只需五分钟，十分方便快捷。\n\
                    乙县小学迎来新学期\n\
                    来源：乙县日报  作者：张三  发布时间：2025-05-06\n\
                    乙县小学今天迎来新学期，学校新建了图书室和操场。\n\
                    孩子们在新图书室里读书，老师们为大家准备了新书。\n";
        let doc = Document::parse(text);
        assert!(!doc.layout().wrapped, "{:?}", doc.layout());
        assert_eq!(doc.blocks().len(), 7);
    }

    #[test]
    fn one_paragraph_per_line_is_not_merged() {
        let text = "标题一行\n第一段正文，内容不短也不长。\n第二段正文，同样如此。\n";
        let doc = Document::parse(text);
        assert!(!doc.layout().wrapped);
        assert_eq!(doc.blocks().len(), 3);
    }
}
