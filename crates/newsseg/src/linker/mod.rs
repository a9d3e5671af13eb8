//! The linker: after the decoder's linear split, re-joins fragments of one story, restores
//! their reading order and sets duplicated fragments aside.
//!
//! 0. **Head runs**: the lines of a run of head lines read across two boxes go to the
//!    bodies below that share their words ([`crate::head_runs`]).
//! 1. **Duplicates** ([`duplicates`]): blocks with (nearly) the same text; the copy that
//!    continues the block before it best stays, the other becomes `dup`.
//! 2. **Tails**: the end of a story moves to the story below when that one opens with a
//!    head and the tail reads as its text (fragments printed before their head).
//! 3. **Joins**: a story whose last block stops mid-sentence absorbs a headless story whose
//!    first block continues it (so does a story with a cut block inside, when the text
//!    shows that the headless story goes on from it and the block after it does not); a
//!    head-only story (headline group, no body) absorbs the
//!    headless story, or the run from a lead paragraph or a column fragment inside a story
//!    to its end, that shares most of its words. Best-first, each above a threshold.
//!    Then, on a page with visible column joints, a column fragment inside a story moves
//!    to another story with a head whose words it shares clearly more; a headless
//!    story left joins the story with a head whose words it shares clearly most; last,
//!    each head goes to the body that covers its words clearly better than its own (a
//!    headless one, or one whose head moves the other way).
//! 4. **Order** ([`order`]): inside each story, the head group comes first, then the
//!    body's column fragments (the one printed right below the head preferred as the
//!    opening) in the order that the joints between them support best,
//!    with the direction of the columns (in dump order or reversed) as a hidden choice
//!    ([`crate::reading_order`]).
//! 5. **Head pairs**: a story that opens with a headline over a head-shaped line read as
//!    its first text opens with a kicker and its headline ([`kicker_pairs`]); one that
//!    opens with a kicker over a headline that names who attended opens with a headline and
//!    its subtitle ([`subtitle_pairs`]).

mod duplicates;
mod order;

use crate::config::LinkerConfig;
use crate::decoder::Decoded;
use crate::detectors::byline::opens_with_byline;
use crate::detectors::cohesion::{
    bigram_profile, cosine, cosine_from_dots, cosine_with_rest, coverage, dot, merge, self_dot,
    Profile,
};
use crate::detectors::continuation::{
    looks_cut, number_goes_on, starts_mid_sentence, word_spans_joint,
};
use crate::detectors::headline::mentions_attendance;
use crate::detectors::shape::{has_column_tag, is_head_shaped, JOINING_CHARS};
use crate::head_runs::regroup_head_runs;
use crate::text::{
    closes_first, ends_mid_sentence, ends_sentence, first_chars, last_chars, left_open, BOOK_TITLE,
    BRACKET, SQUARE_BRACKET,
};
use crate::{Block, Document, Evidence, Role};
use duplicates::find_duplicates;
use order::{fragment_runs, order_story};
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

/// The linker's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    /// Each story's blocks in reading order.
    pub stories: Vec<Vec<usize>>,
    /// Final role of every content block (`dup` for dropped copies, `noise` for furniture).
    pub roles: Vec<Role>,
    /// One line per decision, with its score, for `newsseg explain`.
    pub decisions: Vec<String>,
}

/// Stories exactly as decoded, in dump order: the result when the linker is disabled.
pub fn unlinked(decoded: &Decoded) -> Linked {
    let stories = group_by_story(decoded, &vec![false; decoded.roles.len()]);
    Linked {
        stories,
        roles: decoded.roles.clone(),
        decisions: Vec::new(),
    }
}

/// Runs the linker stages over a decoded document (`evidence`, the scorer's, tells
/// where a body read as one story under two heads may be cut).
pub fn link(
    doc: &Document<'_>,
    evidence: &Evidence,
    decoded: &Decoded,
    config: &LinkerConfig,
) -> Linked {
    let mut decisions = Vec::new();
    let mut decoded = regroup_head_runs(doc, evidence, decoded, &mut decisions);
    head_with_page_final_title(doc, evidence, &mut decoded, &mut decisions);
    let decoded = &decoded;
    let ctx = Context::new(doc, decoded.roles.clone(), config);
    let dup = find_duplicates(&ctx, &mut decisions);
    let mut stories = group_by_story(decoded, &dup);
    move_heads_to_body_above(&ctx, &mut stories, &mut decisions);
    // A page whose column joints show: its fragments may move where nothing breaks.
    let scrambled = visible_breaks(&ctx) >= SCRAMBLED_PAGE_BREAKS;
    move_tails_to_next_head(&ctx, &mut stories, scrambled, &mut decisions);
    join_continuations(&ctx, &mut stories, &mut decisions);
    join_heads(&ctx, &mut stories, &mut decisions);
    join_openings(&ctx, &mut stories, &mut decisions);
    join_stacked_heads(&ctx, &mut stories, &mut decisions);
    if scrambled {
        move_fragments_by_words(&ctx, &mut stories, &mut decisions);
    }
    join_headless_by_words(&ctx, &mut stories, scrambled, &mut decisions);
    continue_cut_ends(&ctx, &mut stories, &mut decisions);
    reassign_heads_by_words(&ctx, &mut stories, &mut decisions);
    let stories: Vec<Vec<usize>> = stories
        .iter()
        .map(|s| order_story(&ctx, s, &mut decisions))
        .collect();
    let pairs = head_pairs(&ctx, evidence, &stories, &mut decisions);
    let mut roles = ctx.roles;
    for ((upper, lower), (upper_role, lower_role)) in pairs {
        roles[upper] = upper_role;
        roles[lower] = lower_role;
    }
    for (i, d) in dup.iter().enumerate() {
        if *d {
            roles[i] = Role::Dup;
        }
    }
    Linked {
        stories,
        roles,
        decisions,
    }
}

/// The two head lines a story opens with whose roles the final step changes
/// ([`kicker_pairs`], [`subtitle_pairs`]), each with its new pair of roles; each change is
/// described in `decisions`.
fn head_pairs(
    ctx: &Context<'_, '_>,
    evidence: &Evidence,
    stories: &[Vec<usize>],
    decisions: &mut Vec<String>,
) -> Vec<((usize, usize), (Role, Role))> {
    let kickers = kicker_pairs(ctx, evidence, stories)
        .into_iter()
        .map(|pair| {
            (
                pair,
                (Role::Kicker, Role::Headline),
                "a kicker and its headline",
            )
        });
    let subtitles = subtitle_pairs(ctx, stories).into_iter().map(|pair| {
        (
            pair,
            (Role::Headline, Role::Subtitle),
            "a headline and its subtitle",
        )
    });
    kickers
        .chain(subtitles)
        .map(|((upper, lower), roles, what)| {
            decisions.push(format!("head pair: blocks {upper} and {lower} are {what}"));
            ((upper, lower), roles)
        })
        .collect()
}

/// A story whose head is one headline over a line the decoder read as the first of its
/// text, though the detectors hold that line for a headline too (short, no sentence, right
/// below in the dump, with text or a subhead such as `核心阅读` after it that does not go on
/// from it), opens with a kicker and its headline: the decoder weighs a kicker's evidence
/// and prior against a headline's and reads the pair as a headline over a short paragraph.
/// Not when the two lines read as one title wrapped (a word across the line break, or the
/// first ends on `的`, `在` …), nor under a headline with a column tag (`…（人民时评）`, the
/// line below is its lead), nor over a dateline.
fn kicker_pairs(
    ctx: &Context<'_, '_>,
    evidence: &Evidence,
    stories: &[Vec<usize>],
) -> Vec<(usize, usize)> {
    stories
        .iter()
        .filter_map(|story| match story.as_slice() {
            &[head, first, next, ..] => Some((head, first, next)),
            _ => None,
        })
        .filter(|&(head, first, next)| {
            ctx.roles[head] == Role::Headline
                && ctx.roles[first] == Role::Body
                && first == head + 1
                && matches!(ctx.roles[next], Role::Body | Role::Byline | Role::Subhead)
                && !ctx.mid_sentence[next]
                && evidence.roles(first)[Role::Headline.index()] > 0.0
                && is_head_shaped(&ctx.doc.blocks()[head])
                && is_head_shaped(&ctx.doc.blocks()[first])
                && !has_column_tag(ctx.text(head))
                && !ctx.text(head).trim_end().ends_with(JOINING_CHARS)
                && !opens_with_byline(ctx.text(first))
                && !ctx.spans_joint(head, first)
        })
        .map(|(head, first, _)| (head, first))
        .collect()
}

/// A story whose head opens with a kicker over its headline, where the second line says who
/// attended or presided (`某某出席并讲话`, [`mentions_attendance`]), opens with a headline and
/// its subtitle: a meeting report's subtitle names its attendance under the main title.
fn subtitle_pairs(ctx: &Context<'_, '_>, stories: &[Vec<usize>]) -> Vec<(usize, usize)> {
    stories
        .iter()
        .filter_map(|story| match story.as_slice() {
            &[first, second, ..] => Some((first, second)),
            _ => None,
        })
        .filter(|&(first, second)| {
            ctx.roles[first] == Role::Kicker
                && ctx.roles[second] == Role::Headline
                && second == first + 1
                && mentions_attendance(ctx.text(second))
        })
        .collect()
}

/// A title the page ends on (head-shaped, with headline evidence, below text that ends a
/// sentence) that the decoder read as the last text of a story with no head heads that
/// story: it was printed after its body, and nothing below it is left for it to head.
fn head_with_page_final_title(
    doc: &Document<'_>,
    evidence: &Evidence,
    decoded: &mut Decoded,
    decisions: &mut Vec<String>,
) {
    let blocks = doc.blocks();
    let Some(last) = (0..blocks.len())
        .rev()
        .find(|&i| decoded.roles[i] != Role::Noise)
    else {
        return;
    };
    let story = decoded.story[last];
    let headless = (0..last).all(|i| {
        decoded.story[i] != story || !matches!(decoded.roles[i], Role::Kicker | Role::Headline)
    });
    let above_ends_text = last > 0
        && decoded.story[last - 1] == story
        && decoded.roles[last - 1] == Role::Body
        && ends_sentence(&blocks[last - 1].text);
    let titled = evidence.roles(last)[Role::Headline.index()] > 0.0;
    if decoded.roles[last] == Role::Body
        && is_head_shaped(&blocks[last])
        && titled
        && headless
        && above_ends_text
    {
        decoded.roles[last] = Role::Headline;
        decoded.trailing[last] = true;
        decisions.push(format!(
            "page-final title: block {last} heads its story, printed after the body"
        ));
    }
}

struct Context<'d, 't> {
    doc: &'d Document<'t>,
    profiles: &'d [Profile],
    /// How each block opens, worked out on first use (only blocks that might continue a
    /// cut one are asked about).
    starts: Vec<OnceCell<Start>>,
    /// Whether each block starts mid-sentence ([`starts_mid_sentence`]).
    mid_sentence: Vec<bool>,
    /// How each block that stops mid-sentence ends (`None` for the others).
    ends: Vec<Option<End>>,
    /// Whether each block stops mid-sentence.
    cut: Vec<bool>,
    /// Whether each block stops mid-sentence and reads as cut by its shape alone (long,
    /// with clause marks, or on a comma or an open quote), not only by its missing end mark.
    surely_cut: Vec<bool>,
    roles: Vec<Role>,
    config: &'d LinkerConfig,
    /// [`word_spans_joint`] of block pairs `(c, x)` already asked about.
    spans_joint: RefCell<HashMap<(usize, usize), bool>>,
}

/// What [`Context::joint`] needs to know about the start of a block.
struct Start {
    /// Bigrams of the first characters.
    bigrams: Profile,
    head_shaped: bool,
    byline: bool,
    /// Kinds of paired marks ([`crate::text::paired_mark`]) whose closer comes before any opener.
    closes_first: u8,
}

impl Start {
    fn of(block: &Block<'_>) -> Start {
        let head = block.text.trim_start();
        Start {
            bigrams: bigram_profile(first_chars(head, 12)),
            head_shaped: is_head_shaped(block),
            byline: opens_with_byline(head),
            closes_first: closes_first(head),
        }
    }
}

/// What [`Context::joint`] needs to know about the end of a block that stops mid-sentence.
struct End {
    /// Bigrams of the last characters.
    bigrams: Profile,
    /// Kinds of paired marks ([`crate::text::paired_mark`]) opened more often than closed.
    open: u8,
}

impl End {
    fn of(text: &str) -> End {
        let tail = text.trim_end();
        End {
            bigrams: bigram_profile(last_chars(tail, 24)),
            open: left_open(tail),
        }
    }
}

impl<'d, 't> Context<'d, 't> {
    /// The linker's view of a document whose blocks have the decoded `roles`.
    fn new(doc: &'d Document<'t>, roles: Vec<Role>, config: &'d LinkerConfig) -> Context<'d, 't> {
        let blocks = doc.blocks();
        // A subhead or head line stops without an end mark by nature: it is not cut. In a
        // hard-wrapped layout, text that does is, however short: the column was cut there.
        let wrapped = doc.layout().wrapped;
        let shaped_cut: Vec<bool> = blocks.iter().map(looks_cut).collect();
        let cut: Vec<bool> = blocks
            .iter()
            .zip(&roles)
            .zip(&shaped_cut)
            .map(|((b, &role), &shaped)| match role {
                Role::Body if wrapped => b.chars >= 8 && ends_mid_sentence(b.text.trim_end()),
                _ => shaped && !(role.is_head() || role == Role::Subhead),
            })
            .collect();
        let surely_cut = cut.iter().zip(&shaped_cut).map(|(&c, &s)| c && s).collect();
        let ends = blocks
            .iter()
            .zip(&cut)
            .map(|(b, &cut)| cut.then(|| End::of(&b.text)))
            .collect();
        Context {
            doc,
            profiles: doc.bigrams(),
            starts: blocks.iter().map(|_| OnceCell::new()).collect(),
            mid_sentence: blocks
                .iter()
                .map(|b| starts_mid_sentence(&b.text))
                .collect(),
            ends,
            cut,
            surely_cut,
            roles,
            config,
            spans_joint: RefCell::new(HashMap::new()),
        }
    }
}

impl Context<'_, '_> {
    /// The merged bigram profile of `blocks`.
    fn words(&self, blocks: impl IntoIterator<Item = usize>) -> Profile {
        merge(blocks.into_iter().map(|i| &self.profiles[i]))
    }

    /// The bigrams of the head lines among `blocks`, author lines left out: a reporter's
    /// name says nothing of what the story is about.
    fn head_words(&self, blocks: impl IntoIterator<Item = usize>) -> Profile {
        let told = blocks
            .into_iter()
            .filter(|&i| self.is_head(i) && self.roles[i] != Role::Author);
        self.words(told)
    }

    fn text(&self, i: usize) -> &str {
        &self.doc.blocks()[i].text
    }

    /// The block printed right above block `b`, page furniture skipped.
    fn printed_above(&self, b: usize) -> Option<usize> {
        (0..b).rev().find(|&i| self.roles[i] != Role::Noise)
    }

    /// The block printed right below block `b`, page furniture skipped.
    fn printed_below(&self, b: usize) -> Option<usize> {
        (b + 1..self.roles.len()).find(|&i| self.roles[i] != Role::Noise)
    }

    /// True when block `b` starts inside a sentence that a cut text left open: it starts
    /// mid-sentence and is not ellipsis marks alone (`……`, a midline `⋯⋯` read as one), which
    /// a feature sets between its sections: that starts on a mark no sentence opens with, so
    /// no story opens with it, but it goes on no cut sentence, and in reading order it may
    /// follow a complete one.
    fn continues_a_sentence(&self, b: usize) -> bool {
        let section_break = || self.text(b).chars().all(|c| c == '…' || c.is_whitespace());
        self.mid_sentence[b] && !section_break()
    }

    /// How block `i` opens.
    fn start(&self, i: usize) -> &Start {
        self.starts[i].get_or_init(|| Start::of(&self.doc.blocks()[i]))
    }

    /// True for a block of the story's head group; a bracketed author note (`（作者为…）`),
    /// or a signature after a dash (`——编者`) below running text, closes the body instead,
    /// and an author line under a subhead names the reporter of that section.
    fn is_head(&self, i: usize) -> bool {
        let text = self.text(i);
        let closing = text.starts_with(['（', '('])
            || text.starts_with('—') && i > 0 && !self.roles[i - 1].is_head();
        let under_subhead = i > 0 && self.roles[i - 1] == Role::Subhead;
        self.roles[i].is_head() && !(self.roles[i] == Role::Author && (closing || under_subhead))
    }

    /// How well block `x` continues block `c` across a cut (0 when `c` is complete).
    /// True when the text itself shows that block `x` goes on from cut block `c` (a
    /// mid-sentence start, a quote, title or bracket closed, a word across the cut), beyond
    /// shared words.
    fn joint_is_shown(&self, c: usize, x: usize) -> bool {
        let Some(end) = &self.ends[c] else {
            return false;
        };
        let start = self.start(x);
        self.mid_sentence[x] || end.open & start.closes_first != 0 || self.spans_joint(c, x)
    }

    fn joint(&self, c: usize, x: usize) -> f32 {
        if !self.cut[c] {
            return 0.0;
        }
        let Some(end) = &self.ends[c] else {
            return 0.0;
        };
        let start = self.start(x);
        let mut score = 1.0 + 2.0 * coverage(&start.bigrams, &end.bigrams) as f32;
        if start.head_shaped || self.is_head(x) || self.roles[x] == Role::Subhead {
            return score - 4.0;
        }
        if start.byline {
            return score - 3.0;
        }
        if self.continues_a_sentence(x) {
            score += 3.0;
        }
        if end.open & start.closes_first != 0 {
            score += 2.0;
        }
        if start.closes_first & SHORT_PAIRS & !end.open != 0 {
            // `x` starts mid-sentence, but in a title or bracket `c` never opened.
            score -= 3.0;
        }
        if self.spans_joint(c, x) {
            score += 2.0;
        }
        score
    }

    /// True when a word ([`word_spans_joint`]) or a number ([`number_goes_on`]) runs
    /// across the end of block `c` and the start of block `x`, remembered (the joint of a
    /// pair is asked about many times).
    fn spans_joint(&self, c: usize, x: usize) -> bool {
        *self
            .spans_joint
            .borrow_mut()
            .entry((c, x))
            .or_insert_with(|| {
                let (tail, head) = (self.text(c).trim_end(), self.text(x).trim_start());
                word_spans_joint(tail, head) || number_goes_on(tail, head)
            })
    }
}

fn group_by_story(decoded: &Decoded, dup: &[bool]) -> Vec<Vec<usize>> {
    let mut stories: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for (i, role) in decoded.roles.iter().enumerate() {
        if *role == Role::Noise || dup[i] {
            continue;
        }
        let slot = *index.entry(decoded.story[i]).or_insert_with(|| {
            stories.push(Vec::new());
            stories.len() - 1
        });
        stories[slot].push(i);
    }
    stories
}

/// The story each block is in (`None` for furniture and dropped copies).
fn story_of_each_block(ctx: &Context<'_, '_>, stories: &[Vec<usize>]) -> Vec<Option<usize>> {
    let mut owner = vec![None; ctx.roles.len()];
    for (s, story) in stories.iter().enumerate() {
        for &i in story {
            owner[i] = Some(s);
        }
    }
    owner
}

fn has_head(ctx: &Context<'_, '_>, story: &[usize]) -> bool {
    story.iter().any(|&i| ctx.is_head(i))
}

fn has_body(ctx: &Context<'_, '_>, story: &[usize]) -> bool {
    story.iter().any(|&i| !ctx.is_head(i))
}

/// Moves a story's head group to the story printed right above it, headless or with a head
/// printed below its body only, when the head reads as that text and not as its own body:
/// a headline printed after its body, decoded as the head of the next story. The head group
/// is the run of head blocks the story opens with; it moves when the text above covers at
/// least `head_join_threshold` of its words (distinct bigrams) and more than its own body
/// does by `tail_move_margin`. The body it leaves behind may then join its own head
/// elsewhere.
fn move_heads_to_body_above(
    ctx: &Context<'_, '_>,
    stories: &mut [Vec<usize>],
    decisions: &mut Vec<String>,
) {
    let mut owner = story_of_each_block(ctx, stories);
    for t in 0..stories.len() {
        let Some(&top) = stories[t].first() else {
            continue;
        };
        let head: Vec<usize> = stories[t]
            .iter()
            .copied()
            .take_while(|&i| ctx.is_head(i))
            .collect();
        // The body left below must hold running text, not a head line read as body.
        let body = &stories[t][head.len()..];
        if head.is_empty() || body.iter().all(|&i| ctx.start(i).head_shaped) {
            continue;
        }
        let Some(p) = (0..top).rev().find_map(|i| owner[i]) else {
            continue;
        };
        // The text above has no head, or only one printed below its body, which this
        // head goes on (a title and its subtitle read as two stories' heads).
        let trails =
            |i: &usize| !ctx.is_head(*i) || stories[p].iter().any(|&j| j < *i && !ctx.is_head(j));
        if p == t || !has_body(ctx, &stories[p]) || !stories[p].iter().all(trails) {
            continue;
        }
        let words = ctx.words(head.iter().copied());
        let text_above = ctx.words(stories[p].iter().copied());
        let text_below = ctx.words(body.iter().copied());
        let above = coverage(&words, &text_above);
        let below = coverage(&words, &text_below);
        // A head right above a dateline is that story's, unless the story shares almost none
        // of its words.
        let most_below = if ctx.start(body[0]).byline {
            HEAD_WORDS_BELOW_DATELINE
        } else {
            HEAD_WORDS_BELOW
        };
        if above < f64::from(ctx.config.head_join_threshold)
            || above - below < f64::from(ctx.config.tail_move_margin)
            || below >= most_below
            || cosine(&text_above, &text_below) >= PARTS_ALIKE
        {
            continue;
        }
        decisions.push(format!(
            "join: head at block {top} goes to the text above it, at block {} (shared words {above:.2} against {below:.2} below)",
            stories[p][0]
        ));
        stories[t].drain(..head.len());
        for &i in &head {
            owner[i] = Some(p);
        }
        stories[p].extend(head);
    }
}

/// Share of a head's words its own body may hold and the head still move to the text
/// above it ([`move_heads_to_body_above`]); a body that opens with a dateline may hold
/// fewer.
const HEAD_WORDS_BELOW: f64 = 0.3;
const HEAD_WORDS_BELOW_DATELINE: f64 = 0.1;

/// Moves the tail of a story to the story after it when that story opens with a head, or is
/// a head printed after a short body ([`closes_short_body_with_head`]), and the tail reads
/// as its text: the column fragments of a story printed before its head are decoded as the
/// end of the story above. A tail is a run of body blocks at the end of the
/// story, after at least one body block of its own; it moves when its words are closer to
/// the next story's than to the rest of its own by `tail_move_margin` (bigram cosine), and
/// never away from a block whose cut sentence it continues, nor when it holds clearly more
/// of its own story's head words than of the next one's ([`HEAD_COVERAGE_SLACK`]).
fn move_tails_to_next_head(
    ctx: &Context<'_, '_>,
    stories: &mut Vec<Vec<usize>>,
    scrambled: bool,
    decisions: &mut Vec<String>,
) {
    for s in 1..stories.len() {
        if !opens_with_head(ctx, &stories[s]) && !closes_short_body_with_head(ctx, &stories[s]) {
            continue;
        }
        let (before, after) = stories.split_at_mut(s);
        let (prev, next) = (&mut before[s - 1], &mut after[0]);
        let Some(k) = best_tail(ctx, prev, next, scrambled) else {
            continue;
        };
        decisions.push(format!(
            "move: blocks from {} on read as the story whose head is block {}",
            prev[k], next[0]
        ));
        let tail = prev.split_off(k);
        next.splice(0..0, tail);
    }
    stories.retain(|s| !s.is_empty());
}

/// True when `story` opens with a head block.
fn opens_with_head(ctx: &Context<'_, '_>, story: &[usize]) -> bool {
    story.first().is_some_and(|&i| ctx.is_head(i))
}

/// Most body blocks above a head printed after its body for the story to read as that head
/// with only the end of its text: the decoder gives such a head (below a story with a head
/// of its own) the least text it can, and the rest of its text stays with the story above.
/// Measured on the dev and held-out sets (docs/METRICS.md): 1 or 4 gain less.
const SHORT_BODY_BLOCKS: usize = 2;

/// True when `story` ends with a head block below at most [`SHORT_BODY_BLOCKS`] body blocks.
fn closes_short_body_with_head(ctx: &Context<'_, '_>, story: &[usize]) -> bool {
    story.last().is_some_and(|&i| ctx.is_head(i))
        && story.iter().filter(|&&i| !ctx.is_head(i)).count() <= SHORT_BODY_BLOCKS
}

/// Moves a column fragment inside a story (not its first; run on pages whose column joints
/// show) to another story with a head whose words it shares clearly more than the rest
/// of its own (by `tail_move_margin`, bigram cosine).
fn move_fragments_by_words(
    ctx: &Context<'_, '_>,
    stories: &mut Vec<Vec<usize>>,
    decisions: &mut Vec<String>,
) {
    // The stories in several column fragments, with their fragments; a story with no
    // visible joint between its own blocks is left out before it is cut.
    let fragmented: Vec<(usize, Vec<Vec<usize>>)> = stories
        .iter()
        .enumerate()
        .filter_map(|(a, story)| {
            let mut body: Vec<usize> = story.iter().copied().filter(|&i| !ctx.is_head(i)).collect();
            body.sort_unstable();
            let joint_shows = body
                .windows(2)
                .any(|w| w[1] != w[0] + 1 || visible_break(ctx, w[0], w[1]));
            let runs = joint_shows.then(|| fragment_runs(ctx, &body, false))?;
            (runs.len() > 1).then_some((a, runs))
        })
        .collect();
    if fragmented.is_empty() {
        return;
    }
    let margin = f64::from(ctx.config.tail_move_margin);
    let StoryWords {
        words,
        whole,
        squares,
    } = StoryWords::of(ctx, stories);
    // A story that shares no bigram with a fragment scores 0: it may take the fragment
    // only under a negative margin.
    let mut with_stories = StoryDots::new(&words, &whole, margin < 0.0);
    let mut moves: Vec<(usize, Vec<usize>, usize)> = Vec::new();
    for (a, runs) in fragmented {
        for run in runs.into_iter().skip(1) {
            // The cosine with the rest of the story, from dot products with the whole.
            let run_words = ctx.words(run.iter().copied());
            let (run_story, run_square) = (dot(&run_words, &words[a]), self_dot(&run_words));
            let own = cosine_with_rest(run_story, run_square, squares[a]);
            let best = with_stories
                .of(&run_words)
                .into_iter()
                .filter(|&(b, _)| b != a)
                .map(|(b, with_story)| {
                    let score = cosine_from_dots(with_story, run_square, squares[b]);
                    (score, b)
                })
                .max_by(|x, y| x.0.total_cmp(&y.0));
            if let Some((score, b)) = best {
                if score - own > margin {
                    moves.push((a, run, b));
                }
            }
        }
    }
    for (a, run, b) in moves {
        decisions.push(format!(
            "move: fragment from block {} reads as the story with block {}",
            run[0], stories[b][0]
        ));
        move_blocks(stories, a, b, &run);
    }
    stories.retain(|s| !s.is_empty());
}

/// Gives a story whose last block stops mid-sentence, with no block of its own going on
/// from there, the text printed elsewhere that reads as what follows: a column fragment
/// printed above the story's head (reversed columns) that the decoder left with the story
/// above it. The fragment is the tail of a run of consecutive
/// body blocks of another story (never a story's first block under its head), not shown to
/// go on from the block above it, opened by no head or byline; it shares the cut story's
/// words more than the rest of its own story's by `tail_move_margin` (bigram cosine; twice
/// that where the text shows no break above it); and the two stories are not on one subject
/// ([`SAME_SUBJECT`]). Best first; a story takes or gives at most one tail.
fn continue_cut_ends(
    ctx: &Context<'_, '_>,
    stories: &mut Vec<Vec<usize>>,
    decisions: &mut Vec<String>,
) {
    let threshold = ctx.config.continuation_threshold;
    let cut_ends: Vec<(usize, usize)> = stories
        .iter()
        .enumerate()
        .filter_map(|(s, story)| {
            let &last = story.iter().max()?;
            let goes_on = story
                .iter()
                .any(|&x| x != last && ctx.joint(last, x) >= threshold);
            (ctx.cut[last] && ctx.roles[last] == Role::Body && !goes_on).then_some((s, last))
        })
        .collect();
    if cut_ends.is_empty() {
        return;
    }
    let margin = f64::from(ctx.config.tail_move_margin);
    // The cut stories' words, and for each bigram the cut stories that hold it.
    let taker_words: Vec<Profile> = cut_ends
        .iter()
        .map(|&(s, _)| ctx.words(stories[s].iter().copied()))
        .collect();
    let taker_squares: Vec<f64> = taker_words.iter().map(self_dot).collect();
    let mut holders: Vec<(u32, usize, f64)> = taker_words
        .iter()
        .enumerate()
        .flat_map(|(c, words)| words.iter().map(move |&(key, n)| (key, c, f64::from(n))))
        .collect();
    holders.sort_unstable_by_key(|&(key, c, _)| (key, c));
    let mut moves: Vec<(f64, usize, usize, Vec<usize>)> = Vec::new(); // (gain, taker, giver, run)
    for (t, story) in stories.iter().enumerate() {
        let giver = ctx.words(story.iter().copied());
        let giver_square = self_dot(&giver);
        // Two stories on one subject share words anywhere: words cannot tell their text
        // apart (asked only of a cut story that a tail would go to).
        let mut alike: Vec<Option<bool>> = vec![None; cut_ends.len()];
        let mut on_one_subject = |c: usize| {
            *alike[c].get_or_insert_with(|| {
                let shared = dot(&taker_words[c], &giver);
                cosine_from_dots(shared, taker_squares[c], giver_square) > SAME_SUBJECT
            })
        };
        for (first, run) in loose_runs(ctx, story) {
            // The tail from block `k` on, grown from the run's end, and its dot products
            // with each cut story.
            let mut tail = PartOfWhole::new(&giver);
            let mut with_takers = vec![0.0; cut_ends.len()];
            for k in (first..run.len()).rev() {
                for &(key, n) in &ctx.profiles[run[k]] {
                    let n = f64::from(n);
                    tail.add(key, n);
                    let from = holders.partition_point(|&(k, _, _)| k < key);
                    for &(_, c, m) in holders[from..].iter().take_while(|&&(k, _, _)| k == key) {
                        with_takers[c] += n * m;
                    }
                }
                let above = ctx.printed_above(run[k]);
                if above.is_some_and(|a| ctx.joint(a, run[k]) >= threshold) {
                    continue; // the text shows it goes on from the block above
                }
                // A tail that opens where the text shows no break needs twice the margin.
                let breaks = above.is_none_or(|a| visible_break(ctx, a, run[k]));
                let needed = if breaks { margin } else { 2.0 * margin };
                let with_rest = tail.cosine_with_rest(giver_square);
                for (c, &(s, last)) in cut_ends.iter().enumerate() {
                    let gain =
                        cosine_from_dots(with_takers[c], tail.square, taker_squares[c]) - with_rest;
                    // A tail the text shows goes on from the cut (a word or a quote across
                    // the joint, a mid-sentence start) needs only to read more like it.
                    let goes_on = || {
                        let joint = ctx.joint(last, run[k]);
                        joint > 0.0 && (gain > needed || joint >= threshold)
                    };
                    if s != t && gain > 0.0 && goes_on() && !on_one_subject(c) {
                        moves.push((gain, s, t, run[k..].to_vec()));
                    }
                }
            }
        }
    }
    for (_, s, t, run) in best_first_disjoint(moves, stories.len()) {
        decisions.push(format!(
            "move: fragment from block {} goes on the cut end of the story with block {}",
            run[0], stories[s][0]
        ));
        move_blocks(stories, t, s, &run);
    }
    stories.retain(|s| !s.is_empty());
}

/// The pairs of stories `(score, a, b, what)` taken best first, each story in one pair at
/// most (of `stories` stories).
fn best_first_disjoint<T>(
    mut pairs: Vec<(f64, usize, usize, T)>,
    stories: usize,
) -> Vec<(f64, usize, usize, T)> {
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut used = vec![false; stories];
    pairs
        .into_iter()
        .filter(|&(_, a, b, _)| {
            let free = !used[a] && !used[b];
            if free {
                used[a] = true;
                used[b] = true;
            }
            free
        })
        .collect()
}

/// Moves `blocks` from story `from` to the end of story `to`.
fn move_blocks(stories: &mut [Vec<usize>], from: usize, to: usize, blocks: &[usize]) {
    stories[from].retain(|i| !blocks.contains(i));
    stories[to].extend_from_slice(blocks);
}

/// Bigram cosine between two stories above which they are on one subject.
const SAME_SUBJECT: f64 = 0.3;

/// A text grown bigram by bigram out of a whole whose profile holds all of it: its count of
/// each of the whole's bigrams (in the whole's order), its squared norm and its dot product
/// with the whole, each kept up to date in one step per bigram.
struct PartOfWhole<'w> {
    whole: &'w Profile,
    counts: Vec<f64>,
    square: f64,
    with_whole: f64,
}

impl<'w> PartOfWhole<'w> {
    fn new(whole: &'w Profile) -> PartOfWhole<'w> {
        PartOfWhole {
            whole,
            counts: vec![0.0; whole.len()],
            square: 0.0,
            with_whole: 0.0,
        }
    }

    /// Counts `n` more of bigram `key`, which the whole holds.
    fn add(&mut self, key: u32, n: f64) {
        let at = self
            .whole
            .binary_search_by_key(&key, |&(k, _)| k)
            .expect("a part's bigrams are its whole's");
        self.square += 2.0 * self.counts[at] * n + n * n;
        self.counts[at] += n;
        self.with_whole += n * f64::from(self.whole[at].1);
    }

    /// The cosine between the part and the rest of the whole (`whole_square`: the whole's
    /// squared norm).
    fn cosine_with_rest(&self, whole_square: f64) -> f64 {
        cosine_with_rest(self.with_whole, self.square, whole_square)
    }
}

/// The count of bigram `key` in `profile` (0 when absent).
fn count_of(profile: &Profile, key: u32) -> f64 {
    profile
        .binary_search_by_key(&key, |&(k, _)| k)
        .map_or(0.0, |at| f64::from(profile[at].1))
}

/// The runs of consecutive body blocks of a story, each with the position from which its
/// tails may go on another story's cut end: the whole run, but for the first under a head,
/// which keeps its first block.
fn loose_runs(ctx: &Context<'_, '_>, story: &[usize]) -> Vec<(usize, Vec<usize>)> {
    let mut body: Vec<usize> = story.iter().copied().filter(|&i| !ctx.is_head(i)).collect();
    body.sort_unstable();
    let headed = story.iter().any(|&i| ctx.is_head(i));
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for b in body {
        match runs.last_mut() {
            Some(run) if run.last() == Some(&(b - 1)) => run.push(b),
            _ => runs.push(vec![b]),
        }
    }
    runs.into_iter()
        .enumerate()
        .map(|(n, run)| (usize::from(headed && n == 0), run))
        .collect()
}

/// Gives head groups to the bodies that cover their words: a head whose words another
/// story's body covers better than its own by `tail_move_margin` (and at least
/// `head_join_threshold`) goes there, when that story has no head (its own body is left
/// headless) or when that story's head reads better on this body as well (the two heads
/// swap). Best-first, one move at a time, each raising the page's total coverage: a head
/// printed above another story's body, which the decoder can only read as that body's.
fn reassign_heads_by_words(
    ctx: &Context<'_, '_>,
    stories: &mut [Vec<usize>],
    decisions: &mut Vec<String>,
) {
    let margin = f64::from(ctx.config.tail_move_margin);
    let minimum = f64::from(ctx.config.head_join_threshold);
    loop {
        let covers = head_coverages(ctx, stories);
        let cover = |a: usize, b: usize| {
            covers[a]
                .binary_search_by_key(&b, |&(story, _)| story)
                .map_or(0.0, |at| covers[a][at].1)
        };
        let headed: Vec<bool> = stories.iter().map(|s| has_head(ctx, s)).collect();
        let bodied: Vec<bool> = stories.iter().map(|s| has_body(ctx, s)).collect();
        let mut best: Option<(f64, usize, usize)> = None;
        for a in (0..stories.len()).filter(|&a| headed[a] && bodied[a]) {
            let own = cover(a, a);
            for &(b, there) in &covers[a] {
                if b == a || !bodied[b] || there < minimum || there - own <= margin {
                    continue;
                }
                let gain_of_b = cover(b, a) - cover(b, b);
                let gain = match headed[b] {
                    false => there - own,
                    true if gain_of_b > margin => there - own + gain_of_b,
                    true => continue,
                };
                if best.is_none_or(|(g, ..)| gain > g) {
                    best = Some((gain, a, b));
                }
            }
        }
        let Some((gain, a, b)) = best else { return };
        let (head_a, body_a): (Vec<usize>, Vec<usize>) =
            stories[a].iter().partition(|&&i| ctx.is_head(i));
        let (head_b, body_b): (Vec<usize>, Vec<usize>) =
            stories[b].iter().partition(|&&i| ctx.is_head(i));
        decisions.push(format!(
            "move: head at block {} reads as the body at block {} (coverage gain {gain:.2})",
            head_a[0],
            body_b.iter().min().copied().unwrap_or_default()
        ));
        stories[a] = head_b.into_iter().chain(body_a).collect();
        stories[b] = head_a.into_iter().chain(body_b).collect();
    }
}

/// For each story `a`, the stories `b` whose body holds some of `a`'s head words (its head
/// lines' distinct bigrams, see [`Context::head_words`]), ascending, with the share held;
/// empty where `a` has no head. The bodies are scanned once, for the page's head words
/// only, so a page of many stories costs what its text and its shared words cost.
fn head_coverages(ctx: &Context<'_, '_>, stories: &[Vec<usize>]) -> Vec<Vec<(usize, f64)>> {
    let heads: Vec<Profile> = stories
        .iter()
        .map(|s| ctx.head_words(s.iter().copied()))
        .collect();
    let mut keys: Vec<u32> = heads.iter().flatten().map(|&(key, _)| key).collect();
    keys.sort_unstable();
    keys.dedup();
    // holders[k]: the stories whose body holds `keys[k]`, ascending.
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for (b, story) in stories.iter().enumerate() {
        for &i in story.iter().filter(|&&i| !ctx.is_head(i)) {
            for k in shared_keys(&keys, &ctx.profiles[i]) {
                if holders[k].last() != Some(&b) {
                    holders[k].push(b);
                }
            }
        }
    }
    let mut counts = vec![0usize; stories.len()];
    heads
        .iter()
        .map(|head| {
            let mut touched: Vec<usize> = Vec::new();
            for (key, _) in head {
                let k = keys
                    .binary_search(key)
                    .expect("a head's words are the page's");
                for &b in &holders[k] {
                    if counts[b] == 0 {
                        touched.push(b);
                    }
                    counts[b] += 1;
                }
            }
            touched.sort_unstable();
            touched
                .into_iter()
                .map(|b| (b, std::mem::take(&mut counts[b]) as f64 / head.len() as f64))
                .collect()
        })
        .collect()
}

/// The positions in the sorted `keys` of the keys `profile` holds (each of the profile's
/// keys looked up: a block holds far fewer bigrams than a page's heads).
fn shared_keys<'k>(keys: &'k [u32], profile: &'k Profile) -> impl Iterator<Item = usize> + 'k {
    profile
        .iter()
        .filter_map(|(key, _)| keys.binary_search(key).ok())
}

/// The words of each story of a page, for moves and joins by shared words.
struct StoryWords {
    /// Each story's bigram profile.
    words: Vec<Profile>,
    /// The stories that may take text: with a head and a body.
    whole: Vec<bool>,
    /// Each profile's dot product with itself.
    squares: Vec<f64>,
}

impl StoryWords {
    fn of(ctx: &Context<'_, '_>, stories: &[Vec<usize>]) -> StoryWords {
        let words: Vec<Profile> = stories
            .iter()
            .map(|s| ctx.words(s.iter().copied()))
            .collect();
        StoryWords {
            whole: stories
                .iter()
                .map(|s| has_head(ctx, s) && has_body(ctx, s))
                .collect(),
            squares: words.iter().map(self_dot).collect(),
            words,
        }
    }
}

/// Joins each headless story to the story with a head and a body whose words it shares
/// most, when that bigram cosine reaches `tail_move_margin` and beats every other such
/// story's by [`HEADLESS_JOIN_LEAD`]: a column fragment that no joint placed, or a section
/// of a story split at its own dateline, still belongs to some story on the page. On a page
/// whose column joints do not show (`scrambled` false), the story at the top of the page
/// is left alone.
fn join_headless_by_words(
    ctx: &Context<'_, '_>,
    stories: &mut Vec<Vec<usize>>,
    scrambled: bool,
    decisions: &mut Vec<String>,
) {
    // On a page whose column joints do not show, the story at its top may go on from
    // another page: it stays as it is.
    let top = stories.iter().filter_map(|s| s.iter().min()).min().copied();
    let headless: Vec<usize> = (0..stories.len())
        .filter(|&a| {
            let story = &stories[a];
            let at_top = story.iter().min().copied() == top;
            !has_head(ctx, story) && has_body(ctx, story) && (scrambled || !at_top)
        })
        .collect();
    if headless.is_empty() {
        return;
    }
    let StoryWords {
        words,
        whole,
        squares,
    } = StoryWords::of(ctx, stories);
    let mut with_stories = StoryDots::new(&words, &whole, false);
    let minimum = f64::from(ctx.config.tail_move_margin);
    let mut joins: Vec<(usize, usize, f64)> = Vec::new();
    for a in headless {
        let mut scores: Vec<(f64, usize)> = with_stories
            .of(&words[a])
            .into_iter()
            .map(|(b, with_story)| (cosine_from_dots(with_story, squares[a], squares[b]), b))
            .collect();
        scores.sort_by(|x, y| y.0.total_cmp(&x.0));
        let second = scores.get(1).map_or(0.0, |x| x.0);
        if let Some(&(best, b)) = scores.first() {
            if best >= minimum && best - second >= HEADLESS_JOIN_LEAD {
                joins.push((a, b, best));
            }
        }
    }
    for (a, b, cosine) in joins {
        decisions.push(format!(
            "join: headless story at block {} reads as the story with block {} (shared words {cosine:.2})",
            stories[a][0], stories[b][0]
        ));
        let moved = std::mem::take(&mut stories[a]);
        stories[b].extend(moved);
    }
    stories.retain(|s| !s.is_empty());
}

/// How much more a headless story's words must share with the story it joins than with
/// any other ([`join_headless_by_words`]), in bigram cosine.
const HEADLESS_JOIN_LEAD: f64 = 0.1;

/// Dot products of a text's bigrams with the words of each story of a page that may take
/// it.
enum StoryDots<'w> {
    /// Story by story, one merge each: the cheaper way for a page's few stories.
    Merged {
        words: &'w [Profile],
        whole: &'w [bool],
    },
    /// Which stories hold each bigram and how often: one pass over the text's bigrams
    /// whatever the number of stories, giving only the stories that share a bigram with it
    /// (a dump of hundreds of stories is not compared story by story).
    Indexed {
        holders: HashMap<u32, Vec<(usize, u32)>>,
        /// Running sums by story, all 0 between calls.
        sums: Vec<u64>,
    },
}

/// Stories on a page above which [`StoryDots`] indexes their bigrams.
const INDEXED_STORIES: usize = 32;

impl<'w> StoryDots<'w> {
    /// The dot products for stories with `words`, of which the `whole` ones may take a
    /// text; `zeros_count` when a story that shares no bigram with the text may still take
    /// it (every story is then scored).
    fn new(words: &'w [Profile], whole: &'w [bool], zeros_count: bool) -> StoryDots<'w> {
        if words.len() <= INDEXED_STORIES || zeros_count {
            return StoryDots::Merged { words, whole };
        }
        let mut holders: HashMap<u32, Vec<(usize, u32)>> = HashMap::new();
        for (b, story_words) in words.iter().enumerate().filter(|&(b, _)| whole[b]) {
            for &(key, n) in story_words {
                holders.entry(key).or_default().push((b, n));
            }
        }
        StoryDots::Indexed {
            holders,
            sums: vec![0; words.len()],
        }
    }

    /// `(story, dot product)` for the stories that may take `text`, ascending; an indexed
    /// page leaves out the stories whose dot product is 0 (exact integers).
    fn of(&mut self, text: &Profile) -> Vec<(usize, f64)> {
        match self {
            StoryDots::Merged { words, whole } => words
                .iter()
                .enumerate()
                .filter(|&(b, _)| whole[b])
                .map(|(b, w)| (b, dot(text, w)))
                .collect(),
            StoryDots::Indexed { holders, sums } => {
                let mut touched = Vec::new();
                for (key, n) in text {
                    for &(b, m) in holders.get(key).into_iter().flatten() {
                        if sums[b] == 0 {
                            touched.push(b);
                        }
                        sums[b] += u64::from(*n) * u64::from(m);
                    }
                }
                touched.sort_unstable();
                touched
                    .into_iter()
                    .map(|b| (b, std::mem::take(&mut sums[b]) as f64))
                    .collect()
            }
        }
    }
}

/// Visible column joints a page needs before a tail may move where nothing breaks.
const SCRAMBLED_PAGE_BREAKS: usize = 2;

/// Column joints visible in the dump (see [`visible_break`]).
fn visible_breaks(ctx: &Context<'_, '_>) -> usize {
    let kept: Vec<usize> = (0..ctx.roles.len())
        .filter(|&i| ctx.roles[i] != Role::Noise)
        .collect();
    kept.windows(2)
        .filter(|w| visible_break(ctx, w[0], w[1]))
        .count()
}

/// True when block `b` visibly does not go on from block `a`: `a` stops mid-sentence and
/// `b` does not continue it, or `a` is complete and `b` starts mid-sentence.
fn visible_break(ctx: &Context<'_, '_>, a: usize, b: usize) -> bool {
    if ctx.cut[a] {
        ctx.joint(a, b) <= 0.0
    } else {
        ctx.mid_sentence[b]
    }
}

/// Where the tail of `prev` that belongs to `next` starts, if any. The tail grows block by
/// block from the end, its dot products with `next` and with the whole body of `prev`
/// kept up to date, so each candidate costs one pass over its new block.
fn best_tail(
    ctx: &Context<'_, '_>,
    prev: &[usize],
    next: &[usize],
    scrambled: bool,
) -> Option<usize> {
    let first_body = prev.iter().position(|&i| !ctx.is_head(i))?;
    if prev[first_body..].iter().any(|&i| ctx.is_head(i)) {
        return None; // the story ends with a head of its own
    }
    // A headless story may move whole (unless it goes on from the block above); a story
    // with a head keeps a body block.
    let lowest = if first_body == 0 { 0 } else { first_body + 1 };
    // A tail starts at a visible break, or on a scrambled page anywhere a cut sentence does
    // not run on.
    let may_start = |k: usize| {
        if k == 0 {
            // A headless story that goes on from the cut block printed right above it
            // stays there to be joined.
            let above = ctx.printed_above(prev[0]);
            let continues = above.is_some_and(|a| {
                ctx.joint(a, prev[0]) >= ctx.config.continuation_threshold
                    && ctx.joint_is_shown(a, prev[0])
            });
            return scrambled && !continues;
        }
        let (a, b) = (prev[k - 1], prev[k]);
        let runs_on = ctx.cut[a] && ctx.joint(a, b) > 0.0;
        visible_break(ctx, a, b) || scrambled && !runs_on
    };
    let starts: Vec<usize> = (lowest..prev.len()).filter(|&k| may_start(k)).collect();
    let &earliest = starts.first()?;
    let target = ctx.words(next.iter().copied());
    let body = ctx.words(prev[first_body..].iter().copied());
    let (target_square, body_square) = (self_dot(&target), self_dot(&body));
    let mut tail = PartOfWhole::new(&body);
    let mut tail_target = 0.0;
    let heads = |story: &[usize]| {
        let head = story.iter().take_while(|&&i| ctx.is_head(i));
        HeadCoverage::new(ctx.head_words(head.copied()))
    };
    let (mut own_head, mut next_head) = (heads(prev), heads(next));
    let mut best: Option<(f64, usize)> = None;
    for k in (earliest..prev.len()).rev() {
        for &(key, n) in &ctx.profiles[prev[k]] {
            own_head.see(key);
            next_head.see(key);
            let n = f64::from(n);
            tail.add(key, n);
            tail_target += n * count_of(&target, key);
        }
        // A tail that covers more of its own story's head words than of the next one's
        // (by `HEAD_COVERAGE_SLACK`) reads as its own story and stays.
        if starts.binary_search(&k).is_err()
            || own_head.share() > next_head.share() + HEAD_COVERAGE_SLACK
        {
            continue;
        }
        let gain = cosine_from_dots(tail_target, tail.square, target_square)
            - tail.cosine_with_rest(body_square);
        // Going from the end, `>=` prefers the longest tail among equals.
        if gain > f64::from(ctx.config.tail_move_margin) && best.is_none_or(|(g, _)| gain >= g) {
            best = Some((gain, k));
        }
    }
    best.map(|(_, k)| k)
}

/// How much more of its own story's head words than of the next story's a tail may cover
/// and still move (shares of distinct bigrams).
const HEAD_COVERAGE_SLACK: f64 = 0.1;

/// The share of a head's words that a growing text holds.
struct HeadCoverage {
    words: Profile,
    seen: Vec<bool>,
    count: usize,
}

impl HeadCoverage {
    fn new(words: Profile) -> HeadCoverage {
        let seen = vec![false; words.len()];
        HeadCoverage {
            words,
            seen,
            count: 0,
        }
    }

    /// Counts `key` as held by the text.
    fn see(&mut self, key: u32) {
        if let Ok(at) = self.words.binary_search_by_key(&key, |&(k, _)| k) {
            if !self.seen[at] {
                self.seen[at] = true;
                self.count += 1;
            }
        }
    }

    /// The share of the head's words held so far (0 for no head).
    fn share(&self) -> f64 {
        if self.words.is_empty() {
            0.0
        } else {
            self.count as f64 / self.words.len() as f64
        }
    }
}

/// How much more than the continuation threshold a joint to a block inside a story needs:
/// a dictionary word across the cut alone is not enough (one in two such words is
/// chance: `…见义勇` / `为基层…`).
const INSIDE_JOINT_MARGIN: f32 = 1.2;

/// Appends headless stories to stories whose last block they continue mid-sentence, or
/// whose block inside they continue where the text shows it (a word or a quote across the
/// cut, a mid-sentence start) and the block after it in the story does not: a column
/// fragment the decoder ran on into another story's text.
fn join_continuations(
    ctx: &Context<'_, '_>,
    stories: &mut Vec<Vec<usize>>,
    decisions: &mut Vec<String>,
) {
    // The cut blocks inside a story that the block after them does not go on from (a
    // story taken in below its last block goes on from that one).
    let mut unfinished = vec![false; ctx.roles.len()];
    for story in stories.iter() {
        for pair in story.windows(2) {
            unfinished[pair[0]] = ctx.cut[pair[0]] && !ctx.joint_is_shown(pair[0], pair[1]);
        }
    }
    loop {
        let headless: Vec<usize> = (0..stories.len())
            .filter(|&b| !stories[b].is_empty() && !has_head(ctx, &stories[b]))
            .collect();
        let mut best: Option<(f32, usize, usize, usize)> = None;
        for (a, sa) in stories.iter().enumerate() {
            let Some((&last, inner)) = sa.split_last() else {
                continue;
            };
            let ends = inner.iter().filter(|&&c| unfinished[c]).map(|&c| (c, true));
            for (c, inside) in ends.chain([(last, false)]) {
                for &b in headless.iter().filter(|&&b| b != a) {
                    let x = stories[b][0];
                    let margin = if inside { INSIDE_JOINT_MARGIN } else { 0.0 };
                    let s = ctx.joint(c, x);
                    if s >= ctx.config.continuation_threshold + margin
                        && best.is_none_or(|(bs, ..)| s > bs)
                        && (!inside || ctx.joint_is_shown(c, x))
                    {
                        best = Some((s, a, b, c));
                    }
                }
            }
        }
        let Some((s, a, b, c)) = best else { return };
        decisions.push(format!(
            "join: block {} continues block {c} across stories (score {s:.2})",
            stories[b][0],
        ));
        let moved = std::mem::take(&mut stories[b]);
        stories[a].extend(moved);
        stories.retain(|s| !s.is_empty());
    }
}

/// How much less of a head's words a later start in the same story may cover and still be
/// preferred (it leaves the story's own text where it is).
const FRAGMENT_SLACK: f64 = 0.02;

/// Bigram cosine above which the two parts of a story read alike: such a story is not split
/// at a plain paragraph.
const PARTS_ALIKE: f64 = 0.2;

/// Paragraphs a story keeps at least when a head printed above takes the rest as its body.
const PARAGRAPHS_KEPT: usize = 2;

/// The body of a story, as the parts a head-only story may take (see [`split_bodies`]):
/// each part runs from a split to the end of the body. The words of every part come from
/// the merge of the whole body and the first and last body block holding each word, so no
/// part is merged on its own.
struct SplitBody {
    /// The story it is taken from.
    story: usize,
    /// The merged words of the whole body.
    words: Profile,
    /// For each word of `words`, the first and the last body position holding it.
    first: Vec<usize>,
    last: Vec<usize>,
    /// Where a part may start.
    splits: Vec<Split>,
}

/// A body position a head-only story may take the rest of a body from.
struct Split {
    /// The body position.
    at: usize,
    /// The block it starts at.
    lead: usize,
    /// For a part of a story that does not start at a lead paragraph, the part that would
    /// stay.
    kept: Option<KeptPart>,
}

/// The part of a story that stays when a head takes the rest.
struct KeptPart {
    /// Whether the split is at a column joint (not a plain paragraph).
    at_joint: bool,
    /// Bigram cosine between the part that stays and the part taken.
    cosine: f64,
}

impl SplitBody {
    /// A body in dump order, with the splits at `splits` (body positions, ascending, with
    /// whether the part before stays: `None` for a lead paragraph, which takes the rest
    /// whatever stays, else whether the split is at a column joint).
    fn new(
        ctx: &Context<'_, '_>,
        story: usize,
        body: &[usize],
        splits: &[(usize, Option<bool>)],
    ) -> SplitBody {
        let words = ctx.words(body.iter().copied());
        let (mut first, mut last) = (vec![usize::MAX; words.len()], vec![0; words.len()]);
        // Counts of the part before the next split, by word of the whole body, and its dot
        // products with itself and with the whole body (exact integers).
        let mut before = vec![0u64; words.len()];
        let (mut before_square, mut before_whole) = (0u64, 0u64);
        let whole_square: u64 = words.iter().map(|&(_, n)| u64::from(n).pow(2)).sum();
        let mut next_split = splits.iter().peekable();
        let mut parts = Vec::with_capacity(splits.len());
        for (p, &block) in body.iter().enumerate() {
            if let Some(&&(at, kept)) = next_split.peek().filter(|&&&(at, _)| at == p) {
                next_split.next();
                let taken_square = whole_square + before_square - 2 * before_whole;
                let cosine = cosine_from_dots(
                    (before_whole - before_square) as f64,
                    before_square as f64,
                    taken_square as f64,
                );
                parts.push(Split {
                    at,
                    lead: block,
                    kept: kept.map(|at_joint| KeptPart { at_joint, cosine }),
                });
            }
            for &(key, n) in &ctx.profiles[block] {
                let w = words
                    .binary_search_by_key(&key, |&(k, _)| k)
                    .expect("a block's words are its body's");
                first[w] = first[w].min(p);
                last[w] = p;
                let n = u64::from(n);
                before_square += 2 * before[w] * n + n * n;
                before[w] += n;
                before_whole += n * u64::from(words[w].1);
            }
        }
        SplitBody {
            story,
            words,
            first,
            last,
            splits: parts,
        }
    }

    /// For each split, the share of `head`'s words in the part taken and in the part that
    /// stays.
    fn coverages(&self, head: &Profile) -> Vec<(f64, f64)> {
        let held: Vec<usize> = head
            .iter()
            .filter_map(|(key, _)| self.words.binary_search_by_key(key, |&(k, _)| k).ok())
            .collect();
        let share = |count: usize| {
            if head.is_empty() {
                0.0
            } else {
                count as f64 / head.len() as f64
            }
        };
        self.splits
            .iter()
            .map(|split| {
                let taken = held.iter().filter(|&&w| self.last[w] >= split.at).count();
                let kept = held.iter().filter(|&&w| self.first[w] < split.at).count();
                (share(taken), share(kept))
            })
            .collect()
    }
}

/// The bodies head-only stories may join: each headless story whole, and in each story
/// with a head its part from a lead paragraph, a column fragment or (past its first
/// [`PARAGRAPHS_KEPT`]) a plain paragraph on.
fn split_bodies(
    ctx: &Context<'_, '_>,
    stories: &[Vec<usize>],
    first_head: usize,
    head_below: &[bool],
) -> Vec<SplitBody> {
    let mut bodies = Vec::new();
    for (b, story) in stories.iter().enumerate() {
        if !has_head(ctx, story) {
            bodies.push(SplitBody::new(ctx, b, story, &[(0, None)]));
            continue;
        }
        let mut body: Vec<usize> = story.iter().copied().filter(|&i| !ctx.is_head(i)).collect();
        body.sort_unstable();
        let run_starts: Vec<usize> = fragment_runs(ctx, &body, false)
            .iter()
            .map(|r| r[0])
            .collect();
        let splits: Vec<(usize, Option<bool>)> = (1..body.len())
            .filter_map(|p| {
                let lead = body[p];
                let at_joint = run_starts.contains(&lead);
                if ctx.start(lead).byline {
                    Some((p, None))
                } else if at_joint
                    || plain_split_allowed(p, lead, first_head)
                    || head_below[b] && tail_split_allowed(p, body.len())
                {
                    Some((p, Some(at_joint)))
                } else {
                    None
                }
            })
            .collect();
        if !splits.is_empty() {
            bodies.push(SplitBody::new(ctx, b, &body, &splits));
        }
    }
    bodies
}

/// True when a head-only story may take a story's text from its `p`-th body block, `lead`,
/// on: past the first [`PARAGRAPHS_KEPT`] and within [`PLAIN_SPLIT_BLOCKS`] of them (the
/// story between a head and its body is short), below the first head-only story.
fn plain_split_allowed(p: usize, lead: usize, first_head: usize) -> bool {
    (PARAGRAPHS_KEPT..PARAGRAPHS_KEPT + PLAIN_SPLIT_BLOCKS).contains(&p) && lead > first_head
}

/// True when a head-only story printed right below a story may take its text from its
/// `p`-th of `len` body blocks on: past the first [`PARAGRAPHS_KEPT`], within the last
/// [`PLAIN_SPLIT_BLOCKS`] (a head printed after its body).
fn tail_split_allowed(p: usize, len: usize) -> bool {
    p >= PARAGRAPHS_KEPT && len - p <= PLAIN_SPLIT_BLOCKS
}

/// Body blocks after the first [`PARAGRAPHS_KEPT`] at which a plain split is tried.
const PLAIN_SPLIT_BLOCKS: usize = 16;

/// Joins head-only stories to the body that shares most of their words (the parts of
/// [`split_bodies`]); a part of a story that does not open with a dateline only when
/// the head's words are covered better there than in the part that stays, by
/// `tail_move_margin`, and a part split at a plain paragraph only below the head or at the
/// end of the story right above it (a head printed after its body), and when the two parts
/// read unlike each other ([`PARTS_ALIKE`]).
fn join_heads(ctx: &Context<'_, '_>, stories: &mut Vec<Vec<usize>>, decisions: &mut Vec<String>) {
    let head_only = |story: &Vec<usize>| has_head(ctx, story) && !has_body(ctx, story);
    if !stories.iter().any(head_only) {
        return;
    }
    let first_head = stories
        .iter()
        .filter(|s| head_only(s))
        .filter_map(|s| s.iter().min().copied())
        .min()
        .unwrap_or(0);
    // The story each head-only story is printed right below, if any.
    let above: Vec<Option<usize>> = stories
        .iter()
        .map(|sh| {
            if !head_only(sh) {
                return None;
            }
            let top = sh.iter().min().copied()?;
            let last_above = ctx.printed_above(top)?;
            stories
                .iter()
                .position(|s| s.iter().max() == Some(&last_above))
        })
        .collect();
    let mut head_below = vec![false; stories.len()];
    for b in above.iter().flatten() {
        head_below[*b] = true;
    }
    let bodies = split_bodies(ctx, stories, first_head, &head_below);
    let candidates: Vec<(usize, &Split)> = bodies
        .iter()
        .enumerate()
        .flat_map(|(b, body)| body.splits.iter().map(move |split| (b, split)))
        .collect();
    let margin = f64::from(ctx.config.tail_move_margin);
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (h, sh) in stories.iter().enumerate() {
        if !head_only(sh) {
            continue;
        }
        let head = ctx.head_words(sh.iter().copied());
        let head_end = sh.iter().max().copied().unwrap_or(0);
        let coverages: Vec<(f64, f64)> = bodies
            .iter()
            .flat_map(|body| body.coverages(&head))
            .collect();
        for (c, (&(b, split), (score, kept_score))) in candidates.iter().zip(coverages).enumerate()
        {
            let story = bodies[b].story;
            // A part leaves its story only when the head reads as its own, and at a plain
            // paragraph only for a head printed above it (one separated from its body by
            // another story) and when the two parts read unlike each other.
            if split.kept.as_ref().is_none_or(|kept| {
                let placed = split.lead > head_end || above[h] == Some(story);
                let plain_split = placed && kept.cosine < PARTS_ALIKE;
                (kept.at_joint || plain_split) && score - kept_score >= margin
            }) {
                pairs.push((score, h, c));
            }
        }
    }
    // From one story, take no more than the head needs: the latest start that covers the
    // head's words within `FRAGMENT_SLACK` of the best start there.
    let story_of = |c: usize| bodies[candidates[c].0].story;
    let lead_of = |c: usize| candidates[c].1.lead;
    let mut best_from: HashMap<(usize, usize), f64> = HashMap::new();
    for &(score, h, c) in &pairs {
        let best = best_from.entry((h, story_of(c))).or_insert(f64::MIN);
        *best = best.max(score);
    }
    let needed: Vec<bool> = pairs
        .iter()
        .map(|&(_, h, c)| {
            let (b, lead) = (story_of(c), lead_of(c));
            let enough = best_from[&(h, b)] - FRAGMENT_SLACK;
            !pairs.iter().any(|&(other, ph, pc)| {
                ph == h && story_of(pc) == b && lead_of(pc) > lead && other >= enough
            })
        })
        .collect();
    let mut pairs: Vec<(f64, usize, usize)> = pairs
        .into_iter()
        .zip(needed)
        .filter_map(|(pair, needed)| needed.then_some(pair))
        .collect();
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut used = vec![false; stories.len()];
    for (score, h, c) in pairs {
        let (b, lead) = (story_of(c), lead_of(c));
        if score < f64::from(ctx.config.head_join_threshold) || used[h] || used[b] {
            continue;
        }
        used[h] = true;
        used[b] = true;
        decisions.push(format!(
            "join: head of story at block {} joins body at block {lead} (shared words {score:.2})",
            stories[h][0]
        ));
        let (moved, kept): (Vec<usize>, Vec<usize>) = std::mem::take(&mut stories[b])
            .into_iter()
            .partition(|&i| i >= lead && !ctx.is_head(i));
        stories[b] = kept;
        stories[h].extend(moved);
    }
    stories.retain(|s| !s.is_empty());
    stories.sort_by_key(|s| s.iter().min().copied());
}

/// Joins a headless story that opens like a body (a byline or dateline first) to a story
/// whose body lacks its opening: the text right below its head starts mid-sentence or
/// continues a cut sentence elsewhere (a column fragment from further down). An opening
/// goes only to the head on the page whose words (distinct bigrams) it covers best, and
/// only when it covers at least `head_join_threshold` of them; pairs join best first.
fn join_openings(
    ctx: &Context<'_, '_>,
    stories: &mut Vec<Vec<usize>>,
    decisions: &mut Vec<String>,
) {
    let opens_body =
        |s: &[usize]| !has_head(ctx, s) && s.first().is_some_and(|&i| ctx.start(i).byline);
    let openings: Vec<usize> = (0..stories.len())
        .filter(|&o| opens_body(&stories[o]))
        .collect();
    if openings.is_empty() {
        return;
    }
    let cut: Vec<usize> = (0..ctx.cut.len()).filter(|&c| ctx.cut[c]).collect();
    let continues_a_cut = |b: usize| {
        ctx.mid_sentence[b]
            || cut
                .iter()
                .any(|&c| c != b && ctx.joint(c, b) >= ctx.config.continuation_threshold)
    };
    let lacks_opening = |s: &[usize]| {
        has_head(ctx, s)
            && s.iter()
                .find(|&&i| !ctx.is_head(i))
                .is_some_and(|&i| continues_a_cut(i))
    };
    let heads: Vec<(usize, Profile)> = (0..stories.len())
        .filter(|&t| has_head(ctx, &stories[t]))
        .map(|t| (t, ctx.head_words(stories[t].iter().copied())))
        .collect();
    // Each opening goes only to the head whose words it covers best on the page.
    let mut pairs: Vec<(f64, usize, usize, ())> = Vec::new();
    for &o in &openings {
        let words = ctx.words(stories[o].iter().copied());
        let best = heads
            .iter()
            .map(|(t, head)| (coverage(head, &words), *t))
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((score, t)) = best {
            if score >= f64::from(ctx.config.head_join_threshold) && lacks_opening(&stories[t]) {
                pairs.push((score, t, o, ()));
            }
        }
    }
    for (score, t, o, ()) in best_first_disjoint(pairs, stories.len()) {
        decisions.push(format!(
            "join: opening at block {} joins the head of story at block {} (shared words {score:.2})",
            stories[o][0], stories[t][0]
        ));
        let moved = std::mem::take(&mut stories[o]);
        stories[t].extend(moved);
    }
    stories.retain(|s| !s.is_empty());
}

/// Joins a head-only story that found no body to the story whose head is printed right
/// below it (furniture aside): a kicker or title line the decoder read as a story of its
/// own is part of that head group. A head holding a title with a column tag is a whole
/// headline whose body is elsewhere, and stays. Stories are taken from the bottom up, so a stack of
/// such lines joins the story under it whole.
fn join_stacked_heads(
    ctx: &Context<'_, '_>,
    stories: &mut Vec<Vec<usize>>,
    decisions: &mut Vec<String>,
) {
    let mut owner = story_of_each_block(ctx, stories);
    for s in (0..stories.len()).rev() {
        let Some(&last) = stories[s].iter().max() else {
            continue;
        };
        // A title with a column tag is a whole headline: its story's body is elsewhere.
        let tagged = |i: &usize| has_column_tag(ctx.text(*i).trim());
        if has_body(ctx, &stories[s]) || stories[s].iter().any(tagged) {
            continue;
        }
        let Some(b) = ctx.printed_below(last) else {
            continue;
        };
        let Some(t) = owner[b].filter(|&t| t != s) else {
            continue;
        };
        if !ctx.is_head(b) || stories[t].iter().min() != Some(&b) {
            continue;
        }
        decisions.push(format!(
            "join: head-only story at block {} is part of the head at block {b}",
            stories[s][0]
        ));
        let moved = std::mem::take(&mut stories[s]);
        for &i in &moved {
            owner[i] = Some(t);
        }
        stories[t].splice(0..0, moved);
    }
    stories.retain(|s| !s.is_empty());
}

/// The kinds of paired marks that never run on across a paragraph: book titles and
/// brackets.
const SHORT_PAIRS: u8 = BOOK_TITLE | BRACKET | SQUARE_BRACKET;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::headline::Headline;
    use crate::Detector;

    /// Runs `check` on the linker's view of `page` decoded as `roles`, with the default
    /// configuration.
    fn with_context(page: &str, roles: Vec<Role>, check: impl FnOnce(&Context<'_, '_>)) {
        let doc = Document::parse(page);
        let config = LinkerConfig::default();
        check(&Context::new(&doc, roles, &config));
    }

    /// Links `page` decoded as `roles`, block by block, in the stories `story`.
    fn link_page(page: &str, roles: Vec<Role>, story: Vec<usize>) -> Linked {
        let doc = Document::parse(page);
        let trailing = vec![false; roles.len()];
        let decoded = Decoded {
            roles,
            story,
            trailing,
        };
        link(
            &doc,
            &Evidence::new(doc.blocks().len(), false),
            &decoded,
            &LinkerConfig::default(),
        )
    }

    #[test]
    fn a_title_the_page_ends_on_heads_its_headless_story() {
        let page = "甲县果园用上了智慧灌溉系统，节水三成。\n\n果农们说，今年的收成比往年更好。\n\n\
                    甲县果园用上智慧灌溉\n";
        let doc = Document::parse(page);
        let mut evidence = Evidence::new(doc.blocks().len(), false);
        Headline.detect(&doc, &mut evidence.sink("headline", 1.0));
        let decode = |roles: Vec<Role>| {
            let mut decoded = Decoded {
                roles,
                story: vec![0; 3],
                trailing: vec![false; 3],
            };
            head_with_page_final_title(&doc, &evidence, &mut decoded, &mut Vec::new());
            decoded
        };
        let decoded = decode(vec![Role::Body; 3]);
        assert_eq!(decoded.roles[2], Role::Headline);
        assert!(decoded.trailing[2]);
        // A story with a head of its own keeps its last line as text.
        let decoded = decode(vec![Role::Headline, Role::Body, Role::Body]);
        assert_eq!(decoded.roles[2], Role::Body);
    }

    /// The story of `linked` that holds `block`.
    fn story_holding(linked: &Linked, block: usize) -> Option<usize> {
        linked.stories.iter().position(|s| s.contains(&block))
    }

    /// Asserts that blocks `a` and `b` are in one story of `linked`.
    fn assert_same_story(linked: &Linked, a: usize, b: usize) {
        assert_eq!(
            story_holding(linked, a),
            story_holding(linked, b),
            "{:?}",
            linked.decisions
        );
    }

    /// Story A's head over `a_text`, story B, then a headless dateline paragraph
    /// `opening`, decoded as three stories; returns the story of each block after linking.
    fn link_opening(a_text: &str, opening: &str) -> (Linked, Vec<Option<usize>>) {
        let page = format!(
            "甲县果园用上智慧灌溉\n\n{a_text}\n\n乙市新建图书馆开放\n\n\
             乙市图书馆今天开放，馆内设有少儿阅览室和自习室，读者络绎不绝。\n\n{opening}\n"
        );
        let roles = vec![
            Role::Headline,
            Role::Body,
            Role::Headline,
            Role::Body,
            Role::Body,
        ];
        let linked = link_page(&page, roles, vec![0, 0, 1, 1, 2]);
        let story_of = (0..5).map(|b| story_holding(&linked, b)).collect();
        (linked, story_of)
    }

    /// The final roles of `page` (one story) decoded as a headline over body blocks, with
    /// the headline detector's evidence.
    fn roles_under_one_headline(page: &str) -> Vec<Role> {
        let doc = Document::parse(page);
        let n = doc.blocks().len();
        let mut evidence = Evidence::new(n, false);
        Headline.detect(&doc, &mut evidence.sink("headline", 1.0));
        let mut roles = vec![Role::Body; n];
        roles[0] = Role::Headline;
        if doc.blocks()[2].text == "核心阅读" {
            roles[2] = Role::Subhead;
        }
        let decoded = Decoded {
            roles,
            story: vec![0; n],
            trailing: vec![false; n],
        };
        link(&doc, &evidence, &decoded, &LinkerConfig::default()).roles
    }

    #[test]
    fn a_headline_over_a_head_shaped_first_line_is_a_kicker_and_its_headline() {
        let text = "\n\n甲县今年在全县推行垃圾分类积分制，居民分类投放可以换取生活用品。\n\n\
                    居民们说，积分制让垃圾分类成了习惯。\n";
        let pair = format!("甲县推行垃圾分类积分制\n\n垃圾分一分 积分换一换{text}");
        assert_eq!(
            roles_under_one_headline(&pair)[..3],
            [Role::Kicker, Role::Headline, Role::Body]
        );
        let over_subhead =
            format!("甲县推行垃圾分类积分制\n\n垃圾分一分 积分换一换\n\n核心阅读{text}");
        assert_eq!(
            roles_under_one_headline(&over_subhead)[..3],
            [Role::Kicker, Role::Headline, Role::Subhead]
        );
        // A headline with a column tag is no kicker: the line under it is its lead.
        let tagged = format!("垃圾分类贵在坚持（民生观）\n\n垃圾分一分 积分换一换{text}");
        assert_eq!(
            roles_under_one_headline(&tagged)[..3],
            [Role::Headline, Role::Body, Role::Body]
        );
        // Nor is a title wrapped over two lines (the first ends on a word that joins).
        let wrapped = format!("甲县推行垃圾分类积分制的\n\n经验做法{text}");
        assert_eq!(roles_under_one_headline(&wrapped)[0], Role::Headline);
    }

    #[test]
    fn a_reporter_named_under_a_subhead_stays_in_the_section() {
        let page = "甲县新貌\n\n甲县这些年变化很大。\n\n稻田新景\n\n本报记者 张三\n\n\
                    稻田里种上了新品种。\n";
        let roles = vec![
            Role::Headline,
            Role::Body,
            Role::Subhead,
            Role::Author,
            Role::Body,
        ];
        let linked = link_page(page, roles, vec![0; 5]);
        assert_eq!(linked.stories, vec![vec![0, 1, 2, 3, 4]]);
    }

    #[test]
    fn a_title_under_a_title_that_names_who_attended_is_a_subtitle() {
        let text = "\n\n本报甲市3月5日电 甲市今天召开生态环境保护大会，部署今年的工作。\n";
        let story = |page: &str| {
            let roles = vec![Role::Kicker, Role::Headline, Role::Body];
            link_page(page, roles, vec![0; 3]).roles
        };
        assert_eq!(
            story(&format!(
                "甲市召开生态环境保护大会\n\n市长张三出席并讲话{text}"
            ))[..2],
            [Role::Headline, Role::Subtitle]
        );
        assert_eq!(
            story(&format!("甲市召开生态环境保护大会\n\n守护绿水青山{text}"))[..2],
            [Role::Kicker, Role::Headline]
        );
    }

    #[test]
    fn a_headless_opening_joins_the_head_whose_body_starts_mid_sentence() {
        // A's head sits over a column fragment from the middle of its body (it opens on a
        // comma); A's opening, a dateline paragraph, comes after story B.
        let (linked, story_of) = link_opening(
            "，果农在手机上就能查看果园的土壤湿度，甲县果园的灌溉用水省了三成。",
            "本报甲县5月6日电（记者张三）甲县果园近日用上智慧灌溉系统，果农告别了大水漫灌。",
        );
        assert_eq!(story_of[4], story_of[0], "{:?}", linked.decisions);
        assert_eq!(linked.stories[story_of[0].unwrap()], vec![0, 4, 1]);
        assert_ne!(story_of[3], story_of[0]);
    }

    #[test]
    fn a_headless_opening_is_no_opening_for_a_head_with_its_own() {
        // The head's body opens the story itself: the dateline paragraph is not its
        // missing opening. (Its words may still join it to the head as a section of the
        // story printed under a dateline of its own, as in `王毅分别会见…` items.)
        let (linked, _) = link_opening(
            "甲县果园近日用上智慧灌溉系统，果农在手机上就能查看果园的土壤湿度。",
            "本报甲县5月6日电（记者张三）甲县果园的灌溉用水省了三成，果农告别了大水漫灌。",
        );
        assert!(
            !linked
                .decisions
                .iter()
                .any(|d| d.starts_with("join: opening")),
            "{:?}",
            linked.decisions
        );
    }

    #[test]
    fn a_head_only_story_joins_the_head_printed_below_it() {
        let page = "守护一江碧水  留住候鸟乡愁\n\n甲县湿地重现万鸟翔集\n\n\
            甲县湿地今年迎来候鸟三万只，湿地保护成效明显，候鸟种类逐年增加。\n\n\
            乙市新建图书馆开放（文化观察）\n\n\
            丙县推进乡村振兴\n\n丙县今年新建公路八十公里，乡村振兴的路越走越宽。\n";
        let roles = vec![
            Role::Headline,
            Role::Headline,
            Role::Body,
            Role::Headline,
            Role::Headline,
            Role::Body,
        ];
        let linked = link_page(page, roles, vec![0, 1, 1, 2, 3, 3]);
        assert_same_story(&linked, 0, 1);
        assert_eq!(
            linked.stories[story_holding(&linked, 0).unwrap()],
            vec![0, 1, 2]
        );
        // A title with a column tag is a whole headline and stays on its own.
        assert_ne!(
            story_holding(&linked, 3),
            story_holding(&linked, 4),
            "{:?}",
            linked.decisions
        );
    }

    #[test]
    fn a_fragment_printed_before_its_head_moves_to_its_story() {
        // Story A about a bridge; then, cut off mid-sentence, a fragment of story B about a
        // school, printed before B's head; the decoder reads it as the end of A.
        let page = "甲市新建大桥通车\n\n\
            甲市跨江大桥今天正式通车，大桥全长三公里，连接江两岸的新老城区。\n\n\
            大桥通车后，两岸车辆往来只需五分钟，大桥还设有步行道和观景台。\n\n\
            ，学校的老师们为孩子们准备了新学期的课外活动，孩子们在学校食堂吃上了午饭。\n\n\
            乙县小学迎来新学期\n\n\
            乙县小学今天迎来新学期，学校的老师们新建了图书室，孩子们在学校里上课。\n";
        let head_a = 0;
        let fragment = 3;
        let head_b = 4;
        let roles = vec![
            Role::Headline,
            Role::Body,
            Role::Body,
            Role::Body,
            Role::Headline,
            Role::Body,
        ];
        let linked = link_page(page, roles, vec![0, 0, 0, 0, 1, 1]);
        assert_same_story(&linked, fragment, head_b);
        assert_ne!(
            story_holding(&linked, fragment),
            story_holding(&linked, head_a)
        );
        assert_eq!(linked.stories[0], [0, 1, 2], "story A keeps its own text");
    }

    #[test]
    fn an_ellipsis_between_sections_may_follow_a_complete_sentence() {
        // A feature's sections in dump order: the ellipsis that opens the second section
        // follows a complete sentence, which no cut text does; it must not pull the
        // section after the third one, whose lead-in ends on a dash.
        let page = "山村新貌\n\n\
            清晨的山村格外安静，村口的老槐树下已经坐满了晒太阳的老人。\n\n\
            ……\n\n\
            村里的合作社今年种下了三百亩茶园，年轻人纷纷回到家乡。\n\n\
            茶园、果园、民宿，一条条致富路在山间铺开，村支书说起这些变化时满怀信心地讲道——\n\n\
            “日子一定会越过越红火，大家的干劲也越来越足。”\n";
        let doc = Document::parse(page);
        let n = doc.blocks().len();
        let mut roles = vec![Role::Body; n];
        roles[0] = Role::Headline;
        let linked = link_page(page, roles, vec![0; n]);
        let dump_order: Vec<usize> = (0..n).collect();
        assert_eq!(linked.stories, [dump_order], "{:?}", linked.decisions);
    }

    #[test]
    fn a_cut_sentence_nothing_continues_does_not_reorder_a_story() {
        // A poem's lines, joined into paragraphs, stop without an end mark; the short line
        // below the first does not continue it, but nothing else does either: the story
        // keeps its dump order rather than putting the open sentence last.
        let page = "大地副刊\n春到岚川（外一首）\n卓一鸣\n\
            春风吹过岚川的山岗\n桃花开满了河的两岸\n老农扶着犁走进田野\n\
            燕子衔来了第一缕阳光\n孩子们在田埂上奔跑\n风筝飞得比云还高\n夜宿青石镇\n\
            青石镇的夜很静\n月光落在石板路上\n远处的狗叫了两声\n又安静下来\n\
            下雨的时候，我喜欢坐在老屋的廊下，听雨点落在瓦片上的声音。\n";
        let doc = Document::parse(page);
        let n = doc.blocks().len();
        let mut roles = vec![Role::Body; n];
        roles[..2].copy_from_slice(&[Role::Kicker, Role::Headline]);
        let linked = link_page(page, roles, vec![0; n]);
        let dump_order: Vec<usize> = (0..n).collect();
        assert_eq!(linked.stories, [dump_order], "{:?}", linked.decisions);
    }

    #[test]
    fn a_tail_the_text_shows_goes_on_from_a_cut_end_joins_it() {
        let page = "甲县推进乡村道路建设\n\n甲县今年新修乡村道路一百公里，群众出行更方便。\n\n\
                    县交通局负责人说，明年还将加大投入，力争让更多村\n\n乙市举办迎春灯会\n\n\
                    乙市迎春灯会昨晚开幕，市民扶老携幼前来观灯。\n\n庄通上硬化路，方便群众出行。\n";
        use Role::{Body, Headline};
        let roles = vec![Headline, Body, Body, Headline, Body, Body];
        let linked = link_page(page, roles, vec![0, 0, 0, 1, 1, 1]);
        assert_same_story(&linked, 2, 5);
        assert_ne!(story_holding(&linked, 4), story_holding(&linked, 5));
    }

    #[test]
    fn a_tail_that_reads_as_its_own_head_stays() {
        // The fragment shares more words with story B's text (school, children) but holds
        // most of story A's head words (the bridge opening) and none of B's.
        let page = "甲市跨江大桥通车\n\n\
            甲市今天举行仪式，市长出席并讲话。\n\n\
            ，跨江大桥通车后，学校的孩子们上学更方便了，学校的老师们也为孩子们高兴。\n\n\
            乙县小学迎来新学期\n\n\
            乙县小学今天迎来新学期，学校的老师们为孩子们准备了课外活动。\n";
        let roles = vec![
            Role::Headline,
            Role::Body,
            Role::Body,
            Role::Headline,
            Role::Body,
        ];
        let linked = link_page(page, roles, vec![0, 0, 0, 1, 1]);
        assert_eq!(linked.stories[0], [0, 1, 2], "{:?}", linked.decisions);
    }

    #[test]
    fn a_lone_head_takes_its_text_out_of_another_story() {
        // Story A about a bridge runs on into story B's text; B's head stands alone below.
        // B's text opens with a dateline (a lead paragraph), or starts mid-sentence after a
        // complete paragraph (a column fragment).
        for b_opening in [
            "本报乙县3月1日电  乙县小学今天迎来新学期，学校新建了图书室。",
            "，乙县小学的老师们为孩子们准备了新学期的课外活动，乙县小学新建了图书室。",
        ] {
            let page = format!(
                "甲市新建大桥通车\n\n\
                 甲市跨江大桥今天正式通车，大桥全长三公里，连接江两岸的新老城区。\n\n\
                 {b_opening}\n\n乙县小学的孩子们在新图书室里读书，乙县小学还新建了操场。\n\n\
                 乙县小学迎来新学期\n"
            );
            let (h, b) = (Role::Headline, Role::Body);
            let linked = link_page(&page, vec![h, b, b, b, h], vec![0, 0, 0, 0, 1]);
            let expected = [vec![0, 1], vec![4, 2, 3]];
            assert_eq!(
                linked.stories, expected,
                "{b_opening}: {:?}",
                linked.decisions
            );
        }
    }

    #[test]
    fn a_headless_story_that_goes_on_from_the_block_above_stays_to_be_joined() {
        // The dateline's bracket is cut at a column's foot and closes in the headless
        // story below it, which shares more words with the next story's text.
        let page = "甲市地铁新线开通\n\n本报甲市3月1日电（记者张三、李四、王五、赵\n\n\
            六）甲市地铁三号线今天开通运营，三号线全长二十公里，设站十五座。\n\n\
            甲市地铁三号线票价公布\n\n\
            甲市地铁三号线票价按里程计算，三号线起步价两元，设站十五座。\n";
        let (h, b) = (Role::Headline, Role::Body);
        with_context(page, vec![h, b, b, h, b], |ctx| {
            assert!(ctx.joint(1, 2) >= ctx.config.continuation_threshold);
            let mut stories = vec![vec![0, 1], vec![2], vec![3, 4]];
            let mut decisions = Vec::new();
            move_tails_to_next_head(ctx, &mut stories, true, &mut decisions);
            assert_eq!(stories, [vec![0, 1], vec![2], vec![3, 4]], "{decisions:?}");
        });
    }

    #[test]
    fn a_head_printed_after_a_short_body_takes_its_text_from_the_story_above() {
        // Story A about a bridge runs on into B's column fragment (it opens mid-sentence);
        // B's head, printed after its text, was decoded with B's last paragraph only.
        let page = "甲市新建大桥通车\n\n\
            甲市跨江大桥今天正式通车，大桥全长三公里，连接江两岸的新老城区。\n\n\
            ，乙县小学的老师们为孩子们准备了新学期的课外活动，乙县小学建成了图书室。\n\n\
            乙县小学的孩子们在图书室里读书，乙县小学还修好了操场。\n\n\
            乙县小学迎来新学期\n";
        let (h, b) = (Role::Headline, Role::Body);
        let linked = link_page(page, vec![h, b, b, b, h], vec![0, 0, 0, 1, 1]);
        assert_same_story(&linked, 2, 4);
        assert_same_story(&linked, 0, 1);
        assert_ne!(story_holding(&linked, 1), story_holding(&linked, 2));
    }

    #[test]
    fn a_head_separated_from_its_body_takes_it_from_the_story_between() {
        // B's head stands above story A; B's text follows A's, paragraph for paragraph,
        // with nothing cut. B's text splits off only while A's part reads unlike it.
        let a_text = "甲市跨江大桥今天正式通车，大桥全长三公里，连接江两岸的新老城区。\n\n\
                      大桥通车后，两岸车辆往来只需五分钟，大桥还设有步行道和观景台。";
        let page = |b_text: &str| {
            format!(
                "乙县小学迎来新学期\n\n甲市新建大桥通车\n\n{a_text}\n\n{b_text}\n\n\
                 乙县小学的孩子们在新图书室里读书，乙县小学还新建了操场。\n"
            )
        };
        let (h, b) = (Role::Headline, Role::Body);
        let roles = || vec![h, h, b, b, b, b];
        let stories = || vec![0, 1, 1, 1, 1, 1];
        let unlike = page("乙县小学今天迎来新学期，学校的老师们新建了图书室。");
        let linked = link_page(&unlike, roles(), stories());
        assert_eq!(
            linked.stories,
            [vec![0, 4, 5], vec![1, 2, 3]],
            "{:?}",
            linked.decisions
        );
        // Where the text after the split also reads like A's, it stays with A.
        let alike = page("乙县小学迎来新学期，甲市跨江大桥通车后，两岸车辆往来只需五分钟。");
        let linked = link_page(&alike, roles(), stories());
        assert_same_story(&linked, 4, 2);
    }

    #[test]
    fn a_head_s_author_line_does_not_dilute_its_words() {
        // B's head, with a long author line whose names its text never repeats, stands
        // above story A; B's text follows A's.
        let page =
            "乙县小学迎来新学期\n\n本报记者 欧阳明远 司马青云 诸葛长风 上官晓月 慕容秋水\n\n\
                    甲市新建大桥通车\n\n\
                    甲市跨江大桥今天正式通车，大桥全长三公里，连接江两岸的新老城区。\n\n\
                    大桥通车后，两岸车辆往来只需五分钟，大桥还设有步行道和观景台。\n\n\
                    乙县小学今天迎来新学期，学校新建了图书室。\n\n\
                    乙县小学的孩子们在新图书室里读书。\n";
        let (h, a, b) = (Role::Headline, Role::Author, Role::Body);
        let linked = link_page(page, vec![h, a, h, b, b, b, b], vec![0, 0, 1, 1, 1, 1, 1]);
        assert_eq!(
            linked.stories,
            [vec![0, 1, 5, 6], vec![2, 3, 4]],
            "{:?}",
            linked.decisions
        );
    }

    #[test]
    fn two_fragments_printed_in_swapped_order_are_split_and_put_back() {
        // A story's second column (B1, B2) printed before its first (A1, A2), nothing
        // visible between them: A2 stops mid-sentence and goes on in B1.
        let page = "甲市新建大桥通车\n\n\
            的记忆中，这座大桥是两岸百姓盼了几十年的民生工程，如今终于变成了现实。\n\n\
            大桥通车后，两岸车辆往来只需五分钟，大桥还设有步行道和观景台。\n\n\
            甲市跨江大桥今天正式通车，大桥全长三公里，连接江两岸的新老城区。\n\n\
            这座大桥建成以前，两岸往来全靠渡船，在不少老人\n";
        assert_one_story_reads(page, &[0, 3, 4, 1, 2]);
    }

    #[test]
    fn shared_words_alone_do_not_make_a_column_jump() {
        // Block 1 stops mid-sentence and goes on in block 2; block 4 opens with the words at
        // its cut (甲县供电所党支部建设创新) but nothing shows that it continues it.
        let page = "甲县供电所党建工作见实效\n\n\
            据介绍，甲县供电公司以甲县供电所为示范点，打造党支部建设创新亮点，按照\n\n\
            “规定动作加特色动作”的思路，全面梳理基层党支部的重点工作。\n\n\
            经过一年多的实践，基层党建工作质效明显提升。\n\n\
            甲县供电所党支部建设创新成果今年6月获评先进集体。\n";
        assert_one_story_reads(page, &[0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_neighbour_that_goes_on_as_well_as_a_block_elsewhere_keeps_its_place() {
        // Blocks 2 and 4 both close the quote block 1 leaves open, and share no words with
        // it: the one right below it goes on, and the column does not jump to the other.
        let page = "甲村通上自来水\n\n\
            村支书张三说，村里这几年变化很大，他说：“我们要让全村每一户人家都用上\n\n\
            干净的自来水，这是大家盼了多年的事。”如今，村里家家户户拧开龙头就有水。\n\n\
            乙县还为村里修通了公路，村民出行方便多了。\n\n\
            乡亲们盼着这天好久了。”村民李四笑着说，现在的日子越过越好。\n";
        let (h, b) = (Role::Headline, Role::Body);
        with_context(page, vec![h, b, b, b, b], |ctx| {
            assert_eq!(ctx.joint(1, 2), ctx.joint(1, 4));
            let runs = order::fragment_runs(ctx, &[1, 2, 3, 4], true);
            assert_eq!(runs, [vec![1, 2, 3, 4]]);
        });
    }

    #[test]
    fn a_headless_fragment_joins_the_story_whose_words_it_shares() {
        // Story A (blocks 0-1), story B (2-3), a headless column fragment about A's subject
        // (4, cut at both ends), story C (5-6).
        let page = "甲县建成智慧农业示范园\n\n\
            甲县智慧农业示范园日前建成投用，示范园引进智能温室和水肥一体化设备，带动周边农户增收。\n\n\
            乙市举办国际马拉松赛\n\n\
            乙市国际马拉松赛昨日鸣枪开跑，来自多个国家和地区的两万名选手参赛，赛道沿江展开。\n\n\
            ，示范园的智能温室里，甲县农户跟着技术员学习水肥一体化设备的使用，智慧农业让农户的\n\n\
            丙区开展文明交通宣传\n\n\
            丙区近日开展文明交通宣传活动，志愿者走上街头劝导行人和车辆遵守交通规则。\n";
        let roles = vec![
            Role::Headline,
            Role::Body,
            Role::Headline,
            Role::Body,
            Role::Body,
            Role::Headline,
            Role::Body,
        ];
        let linked = link_page(page, roles, vec![0, 0, 1, 1, 2, 3, 3]);
        let story_of = |b: usize| linked.stories.iter().position(|s| s.contains(&b));
        assert_eq!(story_of(4), story_of(1));
        assert_ne!(story_of(4), story_of(3));
        assert_eq!(linked.stories.len(), 3);
    }

    #[test]
    fn heads_printed_above_each_other_s_bodies_swap() {
        // Two heads detached from their bodies, each decoded over the other's body.
        let page = "甲县智慧农业示范园建成投用\n\n\
            乙市国际马拉松赛昨日鸣枪开跑，来自多个国家和地区的两万名选手参赛，赛道沿江展开。\n\n\
            乙市国际马拉松赛开跑\n\n\
            甲县智慧农业示范园日前建成投用，示范园引进智能温室和水肥一体化设备，带动周边农户增收。\n";
        let roles = vec![Role::Headline, Role::Body, Role::Headline, Role::Body];
        let linked = link_page(page, roles.clone(), vec![0, 0, 1, 1]);
        assert_same_story(&linked, 0, 3);
        assert_same_story(&linked, 2, 1);
        // A head whose words its own body covers keeps it.
        let page = page.replace("乙市国际马拉松赛开跑", "甲县示范园带动农户增收");
        let linked = link_page(&page, roles, vec![0, 0, 1, 1]);
        assert_same_story(&linked, 0, 1);
    }

    #[test]
    fn a_head_goes_to_the_headless_body_that_covers_its_words() {
        // Story A's head over story B's body, A's body headless below.
        let page = "丙区文明交通宣传进社区\n\n\
            乙市国际马拉松赛昨日鸣枪开跑，来自多个国家和地区的两万名选手参赛，赛道沿江展开。\n\n\
            丙区近日开展文明交通宣传活动，志愿者走进社区和街头，劝导行人和车辆遵守交通规则。\n";
        let roles = vec![Role::Headline, Role::Body, Role::Body];
        with_context(page, roles, |ctx| {
            let mut stories = vec![vec![0, 1], vec![2]];
            reassign_heads_by_words(ctx, &mut stories, &mut Vec::new());
            assert_eq!(stories, [vec![1], vec![0, 2]]);
        });
    }

    #[test]
    fn on_a_page_whose_joints_do_not_show_the_top_story_keeps_its_text() {
        // No visible column joint: the headless text at the top of the page (block 0) may
        // go on from another page and stays; the headless paragraph lower down (block 5)
        // joins story A, whose words it shares.
        let page = "甲县智慧农业示范园带动周边农户增收，示范园的智能温室和水肥一体化设备受到欢迎。\n\n\
            甲县建成智慧农业示范园\n\n\
            甲县智慧农业示范园日前建成投用，示范园引进智能温室和水肥一体化设备，带动周边农户增收。\n\n\
            乙市举办国际马拉松赛\n\n\
            乙市国际马拉松赛昨日鸣枪开跑，来自多个国家和地区的两万名选手参赛，赛道沿江展开。\n\n\
            示范园的智能温室里，甲县农户跟着技术员学习水肥一体化设备的使用，智慧农业让农户增收。\n";
        let (h, b) = (Role::Headline, Role::Body);
        let linked = link_page(page, vec![b, h, b, h, b, b], vec![0, 1, 1, 2, 2, 3]);
        let story_of = |x: usize| linked.stories.iter().position(|s| s.contains(&x));
        assert_eq!(story_of(5), story_of(1), "{:?}", linked.decisions);
        assert_ne!(story_of(0), story_of(1));
    }

    #[test]
    fn running_text_after_a_story_s_attribution_is_another_fragment() {
        // The attribution closes the story: the paragraph printed after it came from an
        // earlier column. A short trailer line after it stays with it.
        let page = "甲县治水见实效\n\n\
            经过三年治理，甲县的河道重新变得清澈，沿岸群众的生活环境明显改善。\n\n\
            （作者为本报记者）\n\n\
            去年春天，甲县启动河道综合治理工程，县里抽调专人组成工作专班，逐段排查污染源头，\
            一条一条制定整改方案。\n";
        with_context(
            page,
            vec![Role::Headline, Role::Body, Role::Author, Role::Body],
            |ctx| {
                let runs = order::fragment_runs(ctx, &[1, 2, 3], true);
                assert_eq!(runs, [vec![1, 2], vec![3]]);
            },
        );
        let trailer = "甲县治水见实效\n\n\
            经过三年治理，甲县的河道重新变得清澈，沿岸群众的生活环境明显改善。\n\n\
            （作者为本报记者）\n\n\
            栏目投稿邮箱：abc@example.com\n";
        with_context(
            trailer,
            vec![Role::Headline, Role::Body, Role::Author, Role::Body],
            |ctx| {
                assert_eq!(order::fragment_runs(ctx, &[1, 2, 3], true), [vec![1, 2, 3]]);
            },
        );
    }

    #[test]
    fn the_fragment_printed_right_below_the_head_opens_the_body() {
        // Story A's later paragraph (block 0), story B (1-2), then A's head and opening (3-4).
        // Nothing joins A's two paragraphs; the one under the headline opens the story.
        let page =
            "乡村学校的图书角已经成为孩子们最喜欢去的地方，课间总能看到他们捧书阅读的身影。\n\n\
            丙市举办春季招聘会\n\n\
            丙市春季招聘会昨日举行，三百余家企业提供就业岗位一万多个，吸引求职者前来应聘。\n\n\
            乙村小学建起图书角\n\n\
            近日，乙村小学在每间教室里建起了图书角，共配送各类图书两千余册，供学生借阅。\n";
        with_context(
            page,
            vec![
                Role::Body,
                Role::Headline,
                Role::Body,
                Role::Headline,
                Role::Body,
            ],
            |ctx| {
                assert_eq!(
                    order::order_story(ctx, &[0, 3, 4], &mut Vec::new()),
                    [3, 4, 0]
                );
            },
        );
        // A headline printed right below its story's own text (a section's title read as
        // a head, or a head printed after its body) says nothing: dump order stays.
        let page =
            "乡村学校的图书角已经成为孩子们最喜欢去的地方，课间总能看到他们捧书阅读的身影。\n\n\
            乙村小学建起图书角\n\n\
            近日，乙村小学在每间教室里建起了图书角，共配送各类图书两千余册，供学生借阅。\n";
        with_context(page, vec![Role::Body, Role::Headline, Role::Body], |ctx| {
            assert_eq!(
                order::order_story(ctx, &[0, 1, 2], &mut Vec::new()),
                [1, 0, 2]
            );
        });
    }

    #[test]
    fn a_headless_story_continues_a_cut_block_inside_a_story_when_the_text_shows_it() {
        // The decoder ran block 1, cut inside `三成`, on into another story's paragraph
        // (block 2); the headless block 3 finishes the word.
        let page = "甲县果园用上智慧灌溉\n\n\
            甲县果园今年用上了智慧灌溉系统，果农们说，灌溉用水比往年节省了三\n\n\
            乙市图书馆今天开放，馆内设有少儿阅览室和自习室，读者络绎不绝。\n\n\
            成，果树长得也比往年更好。\n";
        let (h, b) = (Role::Headline, Role::Body);
        let linked = link_page(page, vec![h, b, b, b], vec![0, 0, 0, 1]);
        let joined = "join: block 3 continues block 1 across stories";
        assert!(
            linked.decisions.iter().any(|d| d.starts_with(joined)),
            "{:?}",
            linked.decisions
        );
        // A block after the cut one that goes on from it keeps the cut to itself.
        let page = page.replace("乙市图书馆今天开放，馆内设有", "成，园里还设有");
        let linked = link_page(&page, vec![h, b, b, b], vec![0, 0, 0, 1]);
        assert!(
            !linked.decisions.iter().any(|d| d.starts_with(joined)),
            "{:?}",
            linked.decisions
        );
    }

    #[test]
    fn a_start_that_closes_a_title_continues_only_the_block_that_opened_it() {
        // Blocks 1 and 3 both stop mid-sentence; block 2 starts mid-sentence by closing a
        // book title, which only block 3 leaves open, and block 4 finishes the word block 1
        // stops inside.
        let page = "甲市纪录片走向世界\n\n\
            近年来，甲市纪录片产业发展迅速，新的制播模式不断涌现，推动了甲\n\n\
            》，在多个国家的电视频道黄金时段播出，反响热烈，观众好评如潮。\n\n\
            甲市还与乙国媒体合作，共同制作了一部反映城市变迁、展现百姓生活的十集纪录片《远方的\n\n\
            市纪录片产业的转型升级，为行业发展注入了新的活力。\n";
        let (h, b) = (Role::Headline, Role::Body);
        with_context(page, vec![h, b, b, b, b], |ctx| {
            assert!(ctx.joint(3, 2) > ctx.joint(1, 2));
            assert!(ctx.joint(1, 4) > ctx.joint(1, 2));
        });
    }

    #[test]
    fn a_paragraph_cut_by_a_column_break_stays_one_run_in_reversed_columns() {
        // The story's second column (blocks 1 and 2, a paragraph cut at a comma by a blank
        // line where the column broke) is printed before its first (blocks 3 and 4), whose
        // cut sentence goes on in block 1.
        let page = "甲县供电所党建工作见实效\n\n\
            务联盟和合作联盟，全面激活基层党组织的神经末梢，在电网建设一线发挥作用，\n\n\
            进一步推动党建与业务深度融合，基层党建工作质效明显提升。\n\n\
            甲县供电公司以甲县供电所为示范点，按照规定动作加特色动作的思路开展工作。\n\n\
            经过一年多的实践，公司组成了不同主题的互动联盟、服\n";
        assert_one_story_reads(page, &[0, 3, 4, 1, 2]);
    }

    #[test]
    fn a_story_does_not_end_on_a_sentence_left_open() {
        // Lines set as heads but read as body text stop without an end mark, as a cut
        // sentence does; the dispatch below them opens with its dateline. Read the other
        // way round, the story would end on an open sentence: it keeps its dump order.
        let page = "把数字经济作为转型发展的重要引擎\n\n\
            ■ 要抓住数字技术融合发展的契机，发挥数字经济在促进产业升级、优化公共服务、\
            提升治理效率等方面的作用\n\n\
            本报乙市10月25日电 乙省数字经济工作会议今天召开，会议部署了明年的重点任务。\n\n\
            会议要求，各地要结合实际制定具体措施，确保各项任务落到实处。\n";
        let linked = link_page(page, vec![Role::Body; 4], vec![0; 4]);
        assert_eq!(linked.stories, [vec![0, 1, 2, 3]], "{:?}", linked.decisions);
    }

    /// Links `page`, a headline over four body blocks decoded as one story, and checks the
    /// story's reading order.
    fn assert_one_story_reads(page: &str, order: &[usize]) {
        let (h, b) = (Role::Headline, Role::Body);
        let linked = link_page(page, vec![h, b, b, b, b], vec![0; 5]);
        assert_eq!(linked.stories, [order.to_vec()], "{:?}", linked.decisions);
    }

    #[test]
    fn a_head_printed_after_its_body_takes_it_from_the_story_above() {
        // B's text follows A's paragraph for paragraph, and B's head is printed below it.
        let page = "甲市新建大桥通车\n\n\
            甲市跨江大桥今天正式通车，大桥全长三公里，连接江两岸的新老城区。\n\n\
            大桥通车后，两岸车辆往来只需五分钟，大桥还设有步行道和观景台。\n\n\
            乙县小学今天迎来新学期，学校的老师们新建了图书室。\n\n\
            乙县小学的孩子们在新图书室里读书，乙县小学还新建了操场。\n\n\
            乙县小学迎来新学期\n";
        let (h, b) = (Role::Headline, Role::Body);
        let linked = link_page(page, vec![h, b, b, b, b, h], vec![0, 0, 0, 0, 0, 1]);
        assert_same_story(&linked, 3, 5);
        assert_eq!(story_holding(&linked, 4), story_holding(&linked, 5));
        assert_eq!(story_holding(&linked, 2), story_holding(&linked, 0));
    }

    #[test]
    fn a_head_printed_after_its_body_leaves_the_story_below_it() {
        // A headless story about a school, then its head, decoded as the head of the
        // bridge story below, which shares none of its words.
        let page = "乙县小学今天迎来新学期，学校的老师们新建了图书室。\n\n\
            乙县小学的孩子们在新图书室里读书，乙县小学还新建了操场。\n\n\
            乙县小学迎来新学期\n\n\
            甲市跨江大桥今天正式通车，大桥全长三公里，连接江两岸的新老城区。\n\n\
            大桥通车后，两岸车辆往来只需五分钟，大桥还设有步行道和观景台。\n";
        let (h, b) = (Role::Headline, Role::Body);
        let linked = link_page(page, vec![b, b, h, b, b], vec![0, 0, 1, 1, 1]);
        assert_same_story(&linked, 2, 0);
        assert_ne!(story_holding(&linked, 2), story_holding(&linked, 3));
        // Its own story's head comes first in reading order.
        assert_eq!(linked.stories[story_holding(&linked, 2).unwrap()][0], 2);
    }

    #[test]
    fn a_subtitle_read_as_the_next_storys_head_goes_on_a_trailing_head() {
        // The school story's title is printed below its text, over two lines; the decoder
        // gave the second line to the bridge story below.
        let page = "乙县小学今天迎来新学期，学校的老师们新建了图书室。\n\n\
            乙县小学的孩子们在新图书室里读书，乙县小学还新建了操场。\n\n\
            乙县迎来新学期\n\n\
            乙县小学新建图书室和操场\n\n\
            甲市跨江大桥今天正式通车，大桥全长三公里，连接江两岸的新老城区。\n\n\
            大桥通车后，两岸车辆往来只需五分钟，大桥还设有步行道和观景台。\n";
        let (h, b) = (Role::Headline, Role::Body);
        let linked = link_page(page, vec![b, b, h, h, b, b], vec![0, 0, 0, 1, 1, 1]);
        assert_same_story(&linked, 3, 0);
        assert_ne!(story_holding(&linked, 3), story_holding(&linked, 4));
    }

    #[test]
    fn a_signature_after_a_dash_closes_the_text() {
        let page =
            "博物馆里过大年\n\n辞旧迎新又一年。这个春节，一起去博物馆里过大年吧！\n\n——编  者\n";
        let (h, b, a) = (Role::Headline, Role::Body, Role::Author);
        let linked = link_page(page, vec![h, b, a], vec![0, 0, 0]);
        assert_eq!(linked.stories, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_head_right_above_a_dateline_sharing_its_words_stays() {
        let page = "乙县小学今天迎来新学期，学校的老师们新建了图书室。\n\n\
            乙县小学迎来新学期\n\n\
            本报乙县3月1日电 乙县小学迎来新学期，老师们为孩子准备了新课本。\n";
        let (h, b) = (Role::Headline, Role::Body);
        let linked = link_page(page, vec![b, h, b], vec![0, 1, 1]);
        assert_same_story(&linked, 1, 2);
    }

    #[test]
    fn a_story_cut_at_its_end_takes_the_fragment_that_goes_on_from_it() {
        // A wrapped page: story A (a bridge) stops mid-sentence at the column's foot; what
        // follows was printed above its head, at the end of story B (a school), which the
        // decoder gave it to.
        let page = "乙县小学迎来新学期\n\n\
            乙县小学今天迎来新学期，乙\n县小学新建了图书室，孩子们\n\
            在新图书室里读书，老师们为\n孩子们准备了课外活动。\n\n\
            设有步行道和观景台，大桥通\n车后，两岸车辆往来大桥只需\n\
            五分钟，大桥成了新的风景。\n\n\
            甲市新建大桥通车\n\n\
            甲市跨江大桥今天正式通车，\n大桥全长三公里，连接江两岸\n的新老城区，大桥上还\n";
        assert!(Document::parse(page).layout().wrapped);
        let (h, b) = (Role::Headline, Role::Body);
        let linked = link_page(page, vec![h, b, b, h, b], vec![0, 0, 0, 1, 1]);
        assert_same_story(&linked, 2, 3);
        assert_same_story(&linked, 1, 0);
    }

    #[test]
    fn a_column_fragment_goes_to_the_story_whose_words_it_shares() {
        // Story B (a school) stops mid-sentence; story A (a bridge) follows, and the decoder
        // read B's next column fragment, printed inside A's text, as A's.
        let page = "乙县小学迎来新学期\n\n\
            乙县小学今天迎来新学期，乙县小学新建了图书室，乙县小学的孩子们在\n\n\
            甲市新建大桥通车\n\n\
            甲市跨江大桥今天正式通车，大桥全长三公里，连接江两岸的新老城区。\n\n\
            ，新图书室里读书，乙县小学的老师们为乙县小学的孩子们准备了新学期的课外活动，乙县小学\n\n\
            大桥通车后，两岸车辆往来只需五分钟，大桥还设有步行道和观景台。\n";
        let (h, b) = (Role::Headline, Role::Body);
        let linked = link_page(page, vec![h, b, h, b, b, b], vec![0, 0, 1, 1, 1, 1]);
        assert_same_story(&linked, 4, 0);
        assert_eq!(story_holding(&linked, 5), story_holding(&linked, 2));
    }
}
