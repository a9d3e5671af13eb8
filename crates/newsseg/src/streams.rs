//! Two columns read across, line by line: when extraction takes a box set beside a column
//! (or two columns side by side) by the height of their lines, their lines come out
//! interleaved, one of each in turn. A line then goes on the line two above it, not the
//! one right above: a word cut at the end of one column's line is completed two lines
//! below (`…采取“政` / `相关链接` / `府引导…`). This module finds such runs of lines, so that
//! block building gives each column its own paragraphs.

use crate::detectors::cohesion::jieba_has_word;
use crate::detectors::continuation::{number_spans_joint, word_spans_joint};
use crate::detectors::shape::has_column_tag;
use crate::text::{closes_first, ends_mid_sentence, is_han, left_open, squeezed};
use crate::Line;
use std::borrow::Cow;

/// Where a content line goes on from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stream {
    /// From the content line right above it, as in any page.
    Continues,
    /// From no line: it opens a column read across the one it interrupts.
    Opens,
    /// From this content line, two above it: the line between is the other column's.
    Follows(usize),
}

/// The [`Stream`] of each line (blank and furniture lines: [`Stream::Continues`]), for a
/// hard-wrapped page. Each run of content lines between blank lines is read on its own by
/// a best path over three states (the line goes on the one above, opens a second column,
/// or goes on the one two above while two columns alternate), scored by the evidence that
/// a line goes on another ([`runs_across`]) and a cost for entering and leaving two
/// columns; with no such evidence every line continues.
pub(crate) fn streams(text: &str, lines: &[Line], furniture: &[bool]) -> Streams {
    let mut out = Streams::one_column(lines.len());
    let mut run: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.blank {
            out.read(text, lines, &run);
            run.clear();
        } else if !furniture[i] {
            run.push(i);
        }
    }
    out.read(text, lines, &run);
    out
}

/// The columns of a page's lines.
pub(crate) struct Streams {
    /// The [`Stream`] of each line.
    pub(crate) of_line: Vec<Stream>,
    /// Where each line is read: its own index, or for a line of a second column, the index
    /// of the first column's last line while the two alternate (a reader reads the first
    /// column's paragraph through, then the box beside it).
    pub(crate) read_at: Vec<usize>,
}

impl Streams {
    /// Every line continues the one above and is read where it is printed.
    pub(crate) fn one_column(lines: usize) -> Streams {
        Streams {
            of_line: vec![Stream::Continues; lines],
            read_at: (0..lines).collect(),
        }
    }

    /// True for a line of a second column: the only lines read away from where they are
    /// printed.
    pub(crate) fn is_second(&self, line: usize) -> bool {
        self.read_at[line] != line
    }

    /// Sets the streams of a run of content lines (line numbers), and where they are read.
    fn read(&mut self, text: &str, lines: &[Line], run: &[usize]) {
        if run.len() < MIN_RUN {
            return;
        }
        let edges: Vec<Edges<'_>> = run
            .iter()
            .map(|&l| Edges::of(lines[l].span.slice(text)))
            .collect();
        let Some(path) = read_run(&edges) else {
            return;
        };
        for (pos, stream) in path.into_iter().enumerate() {
            self.of_line[run[pos]] = match stream {
                Stream::Follows(p) => Stream::Follows(run[p]),
                other => other,
            };
        }
        self.read_second_after(run);
    }

    /// Sets where the lines of the second column in `run` (content line numbers, with
    /// their streams set) are read: after the first column's last line while the two
    /// alternate.
    fn read_second_after(&mut self, run: &[usize]) {
        let mut second = vec![false; run.len()];
        for pos in 1..run.len() {
            second[pos] = match self.of_line[run[pos]] {
                Stream::Continues => second[pos - 1],
                Stream::Opens => !second[pos - 1],
                Stream::Follows(_) => second[pos - 2],
            };
        }
        let Some(last_second) = (0..run.len()).rev().find(|&pos| second[pos]) else {
            return;
        };
        // The first column's last line while the two alternate.
        let alternate_end = (last_second + 1).min(run.len() - 1);
        let last_first = (0..=alternate_end)
            .rev()
            .find(|&pos| !second[pos])
            .expect("a second column opens after a line of the first");
        for pos in (0..run.len()).filter(|&pos| second[pos]) {
            self.read_at[run[pos]] = run[last_first];
        }
    }
}

/// Fewest content lines in a run for two columns to be read across in it.
const MIN_RUN: usize = 6;

/// Cost of opening a second column: with [`LEAVE_TWO`], the evidence that reading two
/// columns must gain over reading line by line.
const ENTER_TWO: f32 = 2.5;
/// Cost of going back from two columns to one (the shorter one has ended).
const LEAVE_TWO: f32 = 1.5;

/// The [`Stream`] of each line of a run, `None` when it reads as one column: first with
/// the cheap word test ([`word_across`]) and half the costs of two columns, which leaves
/// most runs in one column; where that finds two, again with the full one
/// ([`word_spans_joint`]).
fn read_run(edges: &[Edges<'_>]) -> Option<Vec<Stream>> {
    let cheap = best_path(edges.len(), 0.5, |p, q| {
        runs_across(&edges[p], &edges[q], word_across)
    });
    if !reads_two_columns(&cheap) {
        return None;
    }
    // The full test reads words across justified spacing.
    let texts: Vec<Cow<'_, str>> = edges.iter().map(|e| squeezed(e.text)).collect();
    let edges: Vec<Edges<'_>> = texts.iter().map(|t| Edges::of(t)).collect();
    let full = best_path(edges.len(), 1.0, |p, q| {
        runs_across(&edges[p], &edges[q], word_spans_joint)
    });
    reads_two_columns(&full).then_some(full)
}

/// True when a path reads two columns somewhere.
fn reads_two_columns(path: &[Stream]) -> bool {
    path.iter().any(|&s| s != Stream::Continues)
}

/// The end and start of a line that the evidence of [`runs_across`] reads.
struct Edges<'t> {
    /// The line (justified spacing left in: it never stands at either end).
    text: &'t str,
    /// It stops inside a sentence.
    cut: bool,
    /// Kinds of paired marks it leaves open, when it stops inside a sentence
    /// ([`left_open`]).
    open: u8,
}

impl<'t> Edges<'t> {
    fn of(text: &'t str) -> Edges<'t> {
        let cut = ends_mid_sentence(text);
        Edges {
            text,
            cut,
            open: if cut { left_open(text) } else { 0 },
        }
    }
}

/// The best path's [`Stream`] for each of `n` positions of a run of lines (positions, not
/// line numbers, in [`Stream::Follows`]). `scale` multiplies the costs of two columns;
/// `link(p, q)` is the evidence that position `q` goes on position `p`.
fn best_path(n: usize, scale: f32, link: impl Fn(usize, usize) -> f32) -> Vec<Stream> {
    let (enter_two, leave_two) = (ENTER_TWO * scale, LEAVE_TWO * scale);
    // Best score of a path ending at each position in each state, and the state before.
    const ONE: usize = 0;
    const OPENS: usize = 1;
    const TWO: usize = 2;
    let mut score = vec![[f32::NEG_INFINITY; 3]; n];
    let mut from = vec![[ONE; 3]; n];
    score[0][ONE] = 0.0;
    for pos in 1..n {
        let (stay, back) = (score[pos - 1][ONE], score[pos - 1][TWO] - leave_two);
        let prior = if stay >= back {
            (stay, ONE)
        } else {
            (back, TWO)
        };
        score[pos][ONE] = prior.0 + link(pos - 1, pos);
        from[pos][ONE] = prior.1;
        if pos + 1 < n {
            score[pos][OPENS] = score[pos - 1][ONE] - enter_two;
            from[pos][OPENS] = ONE;
        }
        if pos >= 2 {
            let (opened, going) = (score[pos - 1][OPENS], score[pos - 1][TWO]);
            // On a tie, the second column opens as late as it can.
            let prior = if going > opened {
                (going, TWO)
            } else {
                (opened, OPENS)
            };
            score[pos][TWO] = prior.0 + link(pos - 2, pos);
            from[pos][TWO] = prior.1;
        }
    }
    let mut state = if score[n - 1][TWO] > score[n - 1][ONE] {
        TWO
    } else {
        ONE
    };
    let mut path = vec![Stream::Continues; n];
    for pos in (0..n).rev() {
        path[pos] = match state {
            OPENS => Stream::Opens,
            TWO => Stream::Follows(pos - 2),
            _ => Stream::Continues,
        };
        state = from[pos][state];
    }
    path
}

/// Evidence against a title with a column tag going on a cut line that nothing shows it
/// continues.
const TITLE_GOES_ON_NOTHING: f32 = 1.0;

/// Evidence that line `below` goes on line `above` in one column: `above` stops inside a
/// sentence, and a dictionary word runs across the joint (`采取“政` / `府引导`, by
/// `word_spans`), or a number does (`建于1963` / `年`), or `below` closes a quote or
/// bracket `above` left open; against it, with none of that, a title with its column tag
/// below (see [`TITLE_GOES_ON_NOTHING`]).
fn runs_across(above: &Edges<'_>, below: &Edges<'_>, word_spans: fn(&str, &str) -> bool) -> f32 {
    if !above.cut {
        return 0.0;
    }
    let (last, first) = match (above.text.chars().next_back(), below.text.chars().next()) {
        (Some(last), Some(first)) => (last, first),
        _ => return 0.0,
    };
    let word = is_han(last) && is_han(first) && word_spans(above.text, below.text);
    let number = number_spans_joint(above.text, below.text);
    let mark = above.open != 0 && above.open & closes_first(below.text) != 0;
    let evidence = f32::from(u8::from(word || number) + u8::from(mark));
    if evidence == 0.0 && has_column_tag(below.text) {
        // A title with its column tag (`…（青春日记）`) goes on no cut sentence unless the
        // title itself was cut (`人才培` / `养新机制（人民时评）`): it opens the other column.
        return -TITLE_GOES_ON_NOTHING;
    }
    evidence
}

/// True when the two characters that meet at the joint of two lines make a dictionary word
/// (`政` / `府`, `原` / `则`): a cheaper test than the continuation detector's (words up to
/// eight characters, checked against jieba-rs's cut), as it runs for every line of a
/// wrapped page, twice.
fn word_across(above: &str, below: &str) -> bool {
    let (Some(last), Some(first)) = (above.chars().next_back(), below.chars().next()) else {
        return false;
    };
    let mut buf = [0u8; 8];
    let at = last.encode_utf8(&mut buf).len();
    let end = at + first.encode_utf8(&mut buf[at..]).len();
    std::str::from_utf8(&buf[..end]).is_ok_and(jieba_has_word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    #[test]
    fn a_box_read_across_a_column_is_a_second_stream() {
        // A column 11 characters wide; a box (`相关链接` and its text) read across it, a
        // line of each in turn, from the column's second line on.
        let page = "引入社会资本，采取“政\n\
                    相关链接\n\
                    府引导、企业运营、村集\n\
                    桐湾丝织厂建于1963\n\
                    体入股”的方式对老厂区\n\
                    年，鼎盛时期有职工两千\n\
                    进行改造，累计完成投资\n\
                    余人，产品远销海外。\n\
                    十二亿元，建成文创园。\n";
        let doc = Document::parse(page);
        let streams = streams(doc.text(), doc.lines(), &vec![false; doc.lines().len()]);
        assert_eq!(streams.read_at, [0, 8, 2, 8, 4, 8, 6, 8, 8]);
        let second: Vec<bool> = (0..9).map(|l| streams.is_second(l)).collect();
        assert_eq!(
            second,
            [false, true, false, true, false, true, false, true, false]
        );
        let streams = streams.of_line;
        use Stream::*;
        assert_eq!(
            streams,
            [
                Continues,
                Opens,
                Follows(0),
                Follows(1),
                Follows(2),
                Follows(3),
                Follows(4),
                Follows(5),
                Follows(6)
            ]
        );
        // Each column makes its own paragraphs, the box's after the column's.
        let blocks: Vec<(Vec<usize>, bool)> = doc
            .blocks()
            .iter()
            .map(|b| (b.lines.clone(), b.second_column))
            .collect();
        assert_eq!(
            blocks,
            [
                (vec![0, 2, 4, 6, 8], false),
                (vec![1], true),
                (vec![3, 5, 7], true)
            ]
        );
    }

    #[test]
    fn a_title_with_its_column_tag_opens_the_box_read_across() {
        // The column's third line stops mid-sentence, and nothing shows that the box's
        // title below it goes on from it: the title opens the box, read across the column.
        let page = "引入社会资本，采取“政\n\
                    府引导、企业运营、村集\n\
                    体入股”的方式对老厂区\n\
                    丝厂旧貌换新颜（城乡新貌）\n\
                    进行改造，累计完成投\n\
                    桐湾丝织厂建于1963\n\
                    资十二亿元，建成产业\n\
                    年，鼎盛时期有职工两\n\
                    园区。\n\
                    千余人，产品远销海外。\n";
        let doc = Document::parse(page);
        let streams = streams(doc.text(), doc.lines(), &vec![false; doc.lines().len()]).of_line;
        use Stream::*;
        assert_eq!(
            streams[3..6],
            [Opens, Follows(2), Follows(3)],
            "{streams:?}"
        );
    }

    #[test]
    fn one_column_is_one_stream() {
        let page = "引入社会资本，采取“政\n\
                    府引导、企业运营、村集\n\
                    体入股”的方式对老厂区\n\
                    进行改造，累计完成投资\n\
                    十二亿元，建成文创园。\n\
                    桐湾丝织厂建于1963\n\
                    年，鼎盛时期有职工两千\n\
                    余人，产品远销海外。\n";
        let doc = Document::parse(page);
        let streams = streams(doc.text(), doc.lines(), &vec![false; doc.lines().len()]).of_line;
        assert!(
            streams.iter().all(|&s| s == Stream::Continues),
            "{streams:?}"
        );
    }
}
