//! Reading order inside a story: the head group first, then the body's column fragments in
//! the order the joints between them support best ([`crate::reading_order`]), or block by
//! block for a body in more fragments than that search takes.

use super::Context;
use crate::detectors::cohesion::cosine;
use crate::reading_order::{best_order, FragmentEvidence};
use crate::Role;

/// Puts one story's blocks into reading order: the head group first, then the body's
/// fragments in the best order (see [`crate::reading_order`]); a body in more fragments
/// than that search takes is ordered block by block.
pub(super) fn order_story(
    ctx: &Context<'_, '_>,
    story: &[usize],
    decisions: &mut Vec<String>,
) -> Vec<usize> {
    let (mut head, mut body): (Vec<usize>, Vec<usize>) =
        story.iter().partition(|&&i| ctx.is_head(i));
    body.sort_unstable();
    let fragments = Fragments {
        ctx,
        runs: fragment_runs(ctx, &body, true),
        head: &head,
    };
    if let Some(best) = best_order(&fragments, ctx.config.dump_order_bonus) {
        if fragments.runs.len() > 1 {
            decisions.push(format!(
                "order: fragments starting at blocks {:?} read {:?} ({:?}, score {:.2})",
                fragments.runs.iter().map(|r| r[0]).collect::<Vec<_>>(),
                best.order,
                best.direction,
                best.score
            ));
        }
        head.extend(
            best.order
                .iter()
                .flat_map(|&f| fragments.runs[f].iter().copied()),
        );
        return head;
    }
    order_blocks(ctx, head, &body, decisions)
}

/// Splits a story's body (block numbers in dump order) into column fragments: runs of
/// neighbouring blocks, broken where a block does not go on in the next one (another
/// story or a dropped copy between them, a cut sentence not continued, a block that
/// starts mid-sentence after a complete one, or running text after the story's closing
/// attribution). A cut sentence is continued when its joint
/// with the next block reaches the continuation threshold (a joint the text shows, what
/// moves need); for `reading` order any joint that reads on will do, so that a sentence a
/// column break cut (a blank line inside a paragraph) stays in one run unless a better
/// continuation shows elsewhere.
pub(super) fn fragment_runs(
    ctx: &Context<'_, '_>,
    body: &[usize],
    reading: bool,
) -> Vec<Vec<usize>> {
    let jumps = continuation_jumps(ctx, body);
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for &b in body {
        let goes_on = runs.last().and_then(|r| r.last()).is_some_and(|&a| {
            b == a + 1
                && !(closing_attribution(ctx, a) && is_running_text(ctx, b))
                && !jumps.iter().any(|&(c, x)| c == a || x == b)
                && if ctx.surely_cut[a] {
                    let joint = ctx.joint(a, b);
                    joint >= ctx.config.continuation_threshold || reading && joint > 0.0
                } else {
                    !ctx.continues_a_sentence(b)
                }
        });
        match runs.last_mut() {
            Some(run) if goes_on => run.push(b),
            _ => runs.push(vec![b]),
        }
    }
    runs.into_iter()
        .flat_map(|run| split_rotated_run(ctx, run, &jumps))
        .collect()
}

/// True when block `b` is a bracketed attribution that closes a story (`（本报记者…）`,
/// `（作者为…）`): running text after it in the same story is another column fragment.
fn closing_attribution(ctx: &Context<'_, '_>, b: usize) -> bool {
    matches!(ctx.roles[b], Role::Author | Role::Byline)
        && ctx.text(b).trim_start().starts_with(['（', '('])
}

/// True when block `b` is running text, not a short line that may follow a story's
/// attribution (`栏目投稿邮箱：…`, a credit).
fn is_running_text(ctx: &Context<'_, '_>, b: usize) -> bool {
    ctx.roles[b] == Role::Body && ctx.doc.blocks()[b].chars > TRAILER_CHARS
}

/// Characters a line after a story's attribution may hold and still belong to its end.
const TRAILER_CHARS: usize = 40;

/// Splits a run whose last block's cut sentence goes on in its own first block: two
/// column fragments printed in swapped order with nothing visible between them. Column
/// fragments are about one column long, so the seam is taken at the paragraph joint
/// (a complete block before it) nearest the middle of the run's text.
fn split_rotated_run(
    ctx: &Context<'_, '_>,
    run: Vec<usize>,
    jumps: &[(usize, usize)],
) -> Vec<Vec<usize>> {
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
        return vec![run];
    };
    if run.len() < 2 || !jumps.contains(&(last, first)) {
        return vec![run];
    }
    let chars: Vec<usize> = run.iter().map(|&i| ctx.doc.blocks()[i].chars).collect();
    let half = chars.iter().sum::<usize>() / 2;
    let seam = (1..run.len())
        .filter(|&k| !ctx.surely_cut[run[k - 1]])
        .min_by_key(|&k| chars[..k].iter().sum::<usize>().abs_diff(half));
    match seam {
        Some(k) => {
            let mut run = run;
            let tail = run.split_off(k);
            vec![run, tail]
        }
        None => vec![run],
    }
}

/// Cut blocks whose best continuation (above the threshold, shown by the text) is not
/// their dump neighbour and goes on better than that one, with that continuation: the
/// columns jump there.
fn continuation_jumps(ctx: &Context<'_, '_>, body: &[usize]) -> Vec<(usize, usize)> {
    body.iter()
        .filter(|&&c| ctx.surely_cut[c])
        .filter_map(|&c| {
            body.iter()
                .filter(|&&x| x != c)
                .map(|&x| (ctx.joint(c, x), x))
                .filter(|&(s, x)| {
                    s >= ctx.config.continuation_threshold && ctx.joint_is_shown(c, x)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|&(s, x)| {
                    x != c + 1 && !(body.contains(&(c + 1)) && ctx.joint(c, c + 1) >= s)
                })
                .map(|(_, x)| (c, x))
        })
        .collect()
}

/// The joint evidence between a story's fragments.
struct Fragments<'c, 'd, 't> {
    ctx: &'c Context<'d, 't>,
    runs: Vec<Vec<usize>>,
    /// The story's head blocks.
    head: &'c [usize],
}

impl Fragments<'_, '_, '_> {
    fn first(&self, f: usize) -> usize {
        self.runs[f][0]
    }

    fn last(&self, f: usize) -> usize {
        *self.runs[f].last().expect("runs are not empty")
    }

    /// True when fragment `f` is printed right below its story's head, printed in one
    /// piece (page furniture between them aside): the text below a head opens the body. A
    /// head in pieces (a boxed item's title inside a story) says nothing, nor does one
    /// printed right below the story's own text (a section's title read as the head, or a
    /// head printed after its body).
    fn under_head(&self, f: usize) -> bool {
        let (Some(&top), Some(&bottom)) = (self.head.iter().min(), self.head.iter().max()) else {
            return false;
        };
        let in_one_piece =
            (top..=bottom).all(|i| self.head.contains(&i) || self.ctx.roles[i] == Role::Noise);
        let below_own_text = self
            .ctx
            .printed_above(top)
            .is_some_and(|i| self.runs.iter().flatten().any(|&b| b == i));
        in_one_piece && !below_own_text && self.ctx.printed_above(self.first(f)) == Some(bottom)
    }

    /// How surely fragment `f` ends its story: it ends with a bracketed attribution
    /// (`（本报记者…）`, `（作者为…）`) or, less surely, a credit line.
    fn ends_story(&self, f: usize) -> f32 {
        let b = self.last(f);
        if closing_attribution(self.ctx, b) {
            CLOSING_LINE
        } else if self.ctx.roles[b] == Role::Credit {
            CLOSING_LINE / 2.0
        } else {
            0.0
        }
    }
}

/// Score of a fragment printed right below its story's head opening the body.
const UNDER_HEAD: f32 = 2.0;

/// Least score of a fragment that ends on a cut sentence followed by a fragment that
/// shows no sign of continuing it (a sentence cut between two words shows none).
const CUT_LEFT_OPEN: f32 = -2.0;

/// Score of a story ending on a cut sentence: below a cut sentence going on in a fragment
/// that shows no sign of it (a sentence cut at a column's foot goes on somewhere on the
/// page). It was set below that by more than the dump neighbour an order gives up when
/// `dump_order_bonus` was 2; at 5 it no longer is, and −7.5 or −10 moved order tau both
/// ways (held-out scrambled +0.020, dev scrambled −0.009), so it stayed.
const CUT_ENDS_STORY: f32 = -4.0;

/// Score of a story's closing line ending the story (and against it ending a fragment
/// that other text follows).
const CLOSING_LINE: f32 = 2.0;

impl FragmentEvidence for Fragments<'_, '_, '_> {
    fn count(&self) -> usize {
        self.runs.len()
    }

    fn opens(&self, f: usize) -> f32 {
        let b = self.first(f);
        let below_head = if self.under_head(f) { UNDER_HEAD } else { 0.0 };
        below_head
            + if self.ctx.mid_sentence[b] {
                -3.0
            } else if self.ctx.start(b).byline {
                2.0
            } else if self.ctx.roles[b] == Role::Subhead {
                -1.0
            } else {
                0.0
            }
    }

    fn follows(&self, f: usize, g: usize) -> f32 {
        let (a, b) = (self.last(f), self.first(g));
        let closing = self.ends_story(f);
        if closing > 0.0 {
            -closing
        } else if self.ctx.surely_cut[a] {
            // A cut sentence that `g` shows no sign of continuing costs less than one left
            // open at the end of the story.
            self.ctx.joint(a, b).max(CUT_LEFT_OPEN)
        } else if self.ctx.continues_a_sentence(b) {
            -3.0
        } else if self.ctx.start(b).byline {
            -2.0
        } else {
            0.0
        }
    }

    fn closes(&self, f: usize) -> f32 {
        if self.ctx.surely_cut[self.last(f)] {
            CUT_ENDS_STORY
        } else {
            self.ends_story(f)
        }
    }
}

/// Block-by-block order for a body in many fragments: every block that stops
/// mid-sentence is linked to the block that continues it best, links give chains, chains
/// opening with running text come before chains opening with a subhead.
fn order_blocks(
    ctx: &Context<'_, '_>,
    head: Vec<usize>,
    body: &[usize],
    decisions: &mut Vec<String>,
) -> Vec<usize> {
    let next = link_blocks(ctx, body, decisions);
    let chains = chains(body, &next);
    let opens_with_subhead = |c: &Vec<usize>| ctx.roles[c[0]] == Role::Subhead;
    let mut ordered = head;
    for subhead_first in [false, true] {
        for chain in chains
            .iter()
            .filter(|c| opens_with_subhead(c) == subhead_first)
        {
            ordered.extend(chain);
        }
    }
    ordered
}

/// Successor of each body position (index into `body`), from mid-sentence joins and the
/// dump order.
fn link_blocks(
    ctx: &Context<'_, '_>,
    body: &[usize],
    decisions: &mut Vec<String>,
) -> Vec<Option<usize>> {
    let n = body.len();
    let bonus = ctx.config.dump_order_bonus;
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    for c in 0..n {
        if !ctx.surely_cut[body[c]] {
            continue;
        }
        for x in (0..n).filter(|&x| x != c) {
            let s = ctx.joint(body[c], body[x]) + if x == c + 1 { bonus } else { 0.0 };
            if s >= ctx.config.continuation_threshold {
                scored.push((s, c, x));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut next: Vec<Option<usize>> = vec![None; n];
    let mut claimed = vec![false; n];
    let mut linked = vec![false; n];
    for (s, c, x) in scored {
        if linked[c] || claimed[x] || creates_cycle(&next, c, x) {
            continue;
        }
        next[c] = Some(x);
        linked[c] = true;
        claimed[x] = true;
        if x != c + 1 {
            decisions.push(format!(
                "order: block {} continues block {} (score {s:.2})",
                body[x], body[c]
            ));
        }
    }
    // Dump-order links, strongest first, so that a loop is broken at its weakest link.
    let natural: Vec<usize> = (0..n.saturating_sub(1))
        .filter(|&c| !linked[c] && !claimed[c + 1])
        .collect();
    let strength = |c: usize| {
        let section = match (ctx.roles[body[c]], ctx.roles[body[c + 1]]) {
            (Role::Subhead, _) => 1.0,
            (_, Role::Subhead) => -0.5,
            _ => 0.0,
        };
        cosine(&ctx.profiles[body[c]], &ctx.profiles[body[c + 1]]) + section
    };
    let mut natural: Vec<(f64, usize)> = natural.into_iter().map(|c| (strength(c), c)).collect();
    natural.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, c) in natural {
        if !creates_cycle(&next, c, c + 1) {
            next[c] = Some(c + 1);
        }
    }
    attach_dangling_cuts(ctx, body, &mut next, decisions);
    next
}

/// A block that stops mid-sentence but has no successor left continues the best chain
/// start that is running text (a break in the dump order is where a column jumped).
fn attach_dangling_cuts(
    ctx: &Context<'_, '_>,
    body: &[usize],
    next: &mut [Option<usize>],
    decisions: &mut Vec<String>,
) {
    let n = body.len();
    for c in 0..n {
        if next[c].is_some() || !ctx.surely_cut[body[c]] {
            continue;
        }
        let mut has_pred = vec![false; n];
        for x in next.iter().flatten() {
            has_pred[*x] = true;
        }
        let best = (0..n)
            .filter(|&x| {
                !has_pred[x] && ctx.roles[body[x]] == Role::Body && !creates_cycle(next, c, x)
            })
            .map(|x| (ctx.joint(body[c], body[x]), x))
            .filter(|&(s, _)| s > 0.0)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((s, x)) = best {
            next[c] = Some(x);
            decisions.push(format!(
                "order: block {} continues dangling block {} (score {s:.2})",
                body[x], body[c]
            ));
        }
    }
}

/// True when linking `c` to `x` closes a loop.
fn creates_cycle(next: &[Option<usize>], c: usize, x: usize) -> bool {
    let mut at = Some(x);
    let mut steps = 0;
    while let Some(p) = at {
        if p == c {
            return true;
        }
        at = next[p];
        steps += 1;
        if steps > next.len() {
            return true;
        }
    }
    false
}

/// Follows successor links from every position without a predecessor.
fn chains(body: &[usize], next: &[Option<usize>]) -> Vec<Vec<usize>> {
    let mut has_pred = vec![false; body.len()];
    for x in next.iter().flatten() {
        has_pred[*x] = true;
    }
    let mut out = Vec::new();
    for start in (0..body.len()).filter(|&i| !has_pred[i]) {
        let mut chain = Vec::new();
        let mut at = Some(start);
        while let Some(p) = at {
            chain.push(body[p]);
            at = next[p];
        }
        out.push(chain);
    }
    out
}
