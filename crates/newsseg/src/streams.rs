//! Columns read across, line by line: when extraction takes a box set beside a column (or
//! a row of columns side by side) by the height of their lines, their lines come out
//! interleaved, one of each in turn. A line then goes on the line a row above it, not the
//! one right above: with two columns, a word cut at the end of one column's line is
//! completed two lines below (`…采取“政` / `相关链接` / `府引导…`); with three, three lines
//! below. This module finds such runs of lines, so that block building gives each column
//! its own paragraphs, read one column after another.

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
    /// From this content line, a row above it: the lines between are the other columns'.
    Follows(usize),
}

/// The [`Stream`] of each line (blank and furniture lines: [`Stream::Continues`]), for a
/// hard-wrapped page. Each run of content lines between blank lines is read on its own by
/// a best path ([`best_path`]: the line goes on the one above, opens another column, or
/// goes on the one a row above while columns alternate), scored by the evidence that a
/// line goes on another ([`runs_across`]) and a cost for opening and ending columns; with
/// no such evidence every line continues.
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
    /// Where each line is read: its own index, or for a line of a column read across the
    /// first, the index of the first column's last line while they alternate (a reader
    /// reads the first column's paragraph through, then the boxes beside it).
    read_at: Vec<usize>,
    /// The column of each line among those read across one another, in the order they
    /// open: 0 for the first (and for every line of a page read in one column).
    column: Vec<usize>,
}

impl Streams {
    /// Every line continues the one above and is read where it is printed.
    pub(crate) fn one_column(lines: usize) -> Streams {
        Streams {
            of_line: vec![Stream::Continues; lines],
            read_at: (0..lines).collect(),
            column: vec![0; lines],
        }
    }

    /// The column of a line among those read across one another ([`Streams::column`]).
    pub(crate) fn column(&self, line: usize) -> usize {
        self.column[line]
    }

    /// The key that sorts lines into reading order: where a line is read, then its column
    /// (the columns read across one another are read one after the other, after a
    /// paragraph of the first column that opens on the line they are read at).
    pub(crate) fn read_key(&self, line: usize) -> (usize, usize) {
        (self.read_at[line], self.column[line])
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
        self.read_columns(run, &path);
        for (pos, stream) in path.into_iter().enumerate() {
            self.of_line[run[pos]] = match stream {
                Stream::Follows(p) => Stream::Follows(run[p]),
                other => other,
            };
        }
    }

    /// Sets the column of each line of `run` (content line numbers) from its stream
    /// (`path`, by position), and where the lines of the columns read across the first
    /// are read: after the first column's last line while they alternate.
    fn read_columns(&mut self, run: &[usize], path: &[Stream]) {
        let mut column = vec![0; run.len()];
        let mut opened = 0;
        for pos in 1..run.len() {
            column[pos] = match path[pos] {
                Stream::Continues => column[pos - 1],
                Stream::Opens => {
                    opened += 1;
                    opened
                }
                Stream::Follows(above) => column[above],
            };
        }
        let Some(last_other) = (0..run.len()).rev().find(|&pos| column[pos] != 0) else {
            return;
        };
        // The first column's last line while the columns alternate.
        let alternate_end = (last_other + 1).min(run.len() - 1);
        let last_first = (0..=alternate_end)
            .rev()
            .find(|&pos| column[pos] == 0)
            .expect("a column opens after a line of the first");
        for pos in (0..run.len()).filter(|&pos| column[pos] != 0) {
            self.read_at[run[pos]] = run[last_first];
            self.column[run[pos]] = column[pos];
        }
    }
}

/// Fewest content lines in a run for columns to be read across in it.
const MIN_RUN: usize = 6;

/// Cost of opening a column beside those read: with [`END_COLUMNS`], the evidence that
/// reading columns across must gain over reading line by line.
const OPEN_COLUMN: f32 = 2.5;
/// Cost of going from a row of columns to a narrower one (the shorter ones have ended), or
/// back to one column.
const END_COLUMNS: f32 = 1.5;
/// Cost of each column that ends on a line stopping inside a sentence.
const CUT_COLUMN_ENDS: f32 = 1.0;

/// The [`Stream`] of each line of a run, `None` when it reads as one column: first with
/// the cheap word test ([`word_across`]) and half the costs of columns, which leaves
/// most runs in one column; where that finds columns, again with the full one
/// ([`word_spans_joint`]).
fn read_run(edges: &[Edges<'_>]) -> Option<Vec<Stream>> {
    let cut: Vec<bool> = edges.iter().map(|e| e.cut).collect();
    let cheap = best_path(&cut, 0.5, |p, q| {
        runs_across(&edges[p], &edges[q], word_across)
    });
    if !reads_columns(&cheap) {
        return None;
    }
    // The full test reads words across justified spacing.
    let texts: Vec<Cow<'_, str>> = edges.iter().map(|e| squeezed(e.text)).collect();
    let edges: Vec<Edges<'_>> = texts.iter().map(|t| Edges::of(t)).collect();
    let full = best_path(&cut, 1.0, |p, q| {
        runs_across(&edges[p], &edges[q], word_spans_joint)
    });
    reads_columns(&full).then_some(full)
}

/// True when a path reads columns across one another somewhere.
fn reads_columns(path: &[Stream]) -> bool {
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

/// Most columns that extraction reads across one another, a line of each in turn (a
/// row of boxes and columns read at the height of their lines). Measured on the `pdf` set
/// (docs/METRICS.md): 4 reads it worse (Pk 0.233 → 0.246, order tau 0.722 → 0.676), 8 as 6.
const MAX_COLUMNS: usize = 6;

/// The states of the best path at a position: `Row(w)` (index `w - 1`), the line goes on
/// the line `w` above it, in a row of `w` columns read across (`Row(1)`: one column); and
/// `Opens(w)` (index `MAX_COLUMNS + w - 2`), the line opens a column of its own, the `w`th
/// of its row.
const STATES: usize = 2 * MAX_COLUMNS - 1;

/// The state index of `Row(width)`.
const fn row(width: usize) -> usize {
    width - 1
}

/// The state index of `Opens(width)`.
const fn opens(width: usize) -> usize {
    MAX_COLUMNS + width - 2
}

/// The best path's [`Stream`] for each position of a run of lines (positions, not line
/// numbers, in [`Stream::Follows`]), `cut[p]` true when the line at `p` stops inside a
/// sentence: one column, or up to [`MAX_COLUMNS`] read across one another, each column
/// opening at a cost and a row going on with the evidence that each line goes on the line
/// a row above it. Columns end at a cost, and at a higher one where they stop inside a
/// sentence ([`CUT_COLUMN_ENDS`]). `scale` multiplies the costs; `link(p, q)` is the
/// evidence that position `q` goes on position `p`.
fn best_path(cut: &[bool], scale: f32, link: impl Fn(usize, usize) -> f32) -> Vec<Stream> {
    let n = cut.len();
    let (open, end, cut_end) = (
        OPEN_COLUMN * scale,
        END_COLUMNS * scale,
        CUT_COLUMN_ENDS * scale,
    );
    // The cost of a row of `wider` columns going on with `width` at `pos`: the lines from
    // `pos - wider` up to `pos - width` (not included) end their columns.
    let narrows = |pos: usize, wider: usize, width: usize| {
        end + cut_end * cut[pos - wider..pos - width].iter().filter(|&&c| c).count() as f32
    };
    // Best score of a path ending at each position in each state, and the state before.
    let mut score = vec![[f32::NEG_INFINITY; STATES]; n];
    let mut from = vec![[row(1) as u8; STATES]; n];
    score[0][row(1)] = 0.0;
    for pos in 1..n {
        let before = score[pos - 1];
        // The best of the states before, (state, cost), the first on a tie.
        let best = |candidates: &[(usize, f32)]| {
            candidates
                .iter()
                .fold((f32::NEG_INFINITY, row(1)), |best, &(state, cost)| {
                    let through = before[state] - cost;
                    if through > best.0 {
                        (through, state)
                    } else {
                        best
                    }
                })
        };
        let mut candidates = Vec::with_capacity(MAX_COLUMNS + 1);
        for width in 1..=MAX_COLUMNS.min(pos) {
            // The row's last column opened right above (on a tie: it opens as late as it
            // can), the row goes on, or some of a wider row's columns ended.
            candidates.clear();
            if width > 1 {
                candidates.push((opens(width), 0.0));
            }
            candidates.push((row(width), 0.0));
            for wider in width + 1..=MAX_COLUMNS.min(pos - 1) {
                candidates.push((row(wider), narrows(pos, wider, width)));
            }
            let (through, state) = best(&candidates);
            if through > f32::NEG_INFINITY {
                score[pos][row(width)] = through + link(pos - width, pos);
                from[pos][row(width)] = state as u8;
            }
        }
        if pos + 1 < n {
            for width in 2..=MAX_COLUMNS {
                // A column opens beside a row, or beside a column that just opened.
                let (through, state) = if width > 2 {
                    best(&[(row(width - 1), open), (opens(width - 1), open)])
                } else {
                    best(&[(row(width - 1), open)])
                };
                score[pos][opens(width)] = through;
                from[pos][opens(width)] = state as u8;
            }
        }
    }
    // The path ends in a row, in one column on a tie.
    let mut state = (1..=MAX_COLUMNS).fold(row(1), |best, width| {
        if score[n - 1][row(width)] > score[n - 1][best] {
            row(width)
        } else {
            best
        }
    });
    let mut path = vec![Stream::Continues; n];
    for pos in (0..n).rev() {
        path[pos] = match state {
            0 => Stream::Continues,
            s if s < MAX_COLUMNS => Stream::Follows(pos - (s + 1)),
            _ => Stream::Opens,
        };
        state = usize::from(from[pos][state]);
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
        let columns: Vec<usize> = (0..9).map(|l| streams.column(l)).collect();
        assert_eq!(columns, [0, 1, 0, 1, 0, 1, 0, 1, 0]);
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
        let blocks: Vec<(Vec<usize>, usize)> = doc
            .blocks()
            .iter()
            .map(|b| (b.lines.clone(), b.column))
            .collect();
        assert_eq!(
            blocks,
            [(vec![0, 2, 4, 6, 8], 0), (vec![1], 1), (vec![3, 5, 7], 1)]
        );
    }

    #[test]
    fn three_columns_read_across_are_read_one_after_another() {
        // Three columns of three stories, read by rows: a line of each in turn. Each line
        // goes on the line three above it (`政` / `府`, `职` / `工`, `公` / `园`).
        let columns = [
            [
                "引入社会资本，采取“政",
                "府引导、企业运营、村集",
                "体入股”的方式对老厂区",
                "进行改造，累计完成投资",
                "十二亿元，建成文创园。",
            ],
            [
                "桐湾丝织厂鼎盛时期有职",
                "工两千余人，产品远销海",
                "内外，如今老厂房成了展",
                "馆，游人络绎不绝，已成",
                "为当地的一张新名片。",
            ],
            [
                "市里今年新建改建城市公",
                "园十二座，市民休闲就有",
                "了更多去处，周末到公园",
                "游玩的人越来越多，管理",
                "部门增加了服务人员。",
            ],
        ];
        let page: String = (0..5)
            .flat_map(|row| columns.iter().map(move |c| format!("{}\n", c[row])))
            .collect();
        let doc = Document::parse(&page);
        let streams = streams(doc.text(), doc.lines(), &vec![false; doc.lines().len()]);
        let of_line: Vec<usize> = (0..15).map(|l| streams.column(l)).collect();
        assert_eq!(of_line, [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
        // Each column makes its own paragraph, in the order the columns open.
        let blocks: Vec<Vec<usize>> = doc.blocks().iter().map(|b| b.lines.clone()).collect();
        assert_eq!(
            blocks,
            [
                vec![0, 3, 6, 9, 12],
                vec![1, 4, 7, 10, 13],
                vec![2, 5, 8, 11, 14]
            ]
        );
    }

    #[test]
    fn a_column_read_across_others_ends_on_a_sentence_end() {
        // Three columns by rows; the third ends after three lines (`…更方便。`), and the
        // second's fourth line has nothing to show which line it goes on. It goes on its
        // own column's line, which stops inside a sentence, not on the third column's end.
        let rows: [&[&str]; 5] = [
            &[
                "引入社会资本，采取“政",
                "桐湾丝织厂鼎盛时期有职",
                "市里今年新建改建城市公",
            ],
            &[
                "府引导、企业运营、村集",
                "工两千余人，产品远销海",
                "园十二座，市民休闲就有",
            ],
            &[
                "体入股”的方式，对老厂",
                "内外，如今老厂房曾经",
                "了更多去处，更方便。",
            ],
            &["区进行改造，累计完成投", "改作展馆，游人络绎不"],
            &["资十二亿元，建成文创园。", "绝，成为当地的新名片。"],
        ];
        let page: String = rows.concat().iter().map(|l| format!("{l}\n")).collect();
        let doc = Document::parse(&page);
        let streams = streams(doc.text(), doc.lines(), &vec![false; doc.lines().len()]);
        let columns: Vec<usize> = (0..13).map(|l| streams.column(l)).collect();
        assert_eq!(columns, [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 0, 1]);
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
