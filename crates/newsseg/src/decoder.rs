//! The global decoder: picks a role for every block and the story boundaries over the whole
//! page at once, by dynamic programming (Viterbi) over a small grammar of story structure:
//!
//! ```text
//! story := [kicker] headline [subtitle…] [author…] body-part…  |  body-part… [trailing-head]
//!          (a head below a body only closes a story without a head above it)
//! trailing-head := [kicker] headline [subtitle…]
//! body-part := byline | body | subhead | caption | credit | author (a closing author note)
//! ```
//!
//! The score of a path is the sum of each block's role evidence plus the state's prior, and
//! for every story opened, the boundary evidence of its gap minus the cost of a story.

use crate::config::DecoderConfig;
use crate::detectors::byline::text_follows_dateline;
use crate::text::{ends_on_comma_or_colon, ends_sentence, is_clause_punct};
use crate::{Block, Document, Evidence, Role};

/// The decoder's result: a role and a story number per content block.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// Role of each content block.
    pub roles: Vec<Role>,
    /// Story index of each content block (0-based, increasing in dump order); noise blocks
    /// carry the story of the block before them.
    pub story: Vec<usize>,
    /// True for blocks decoded as part of a head printed after its body.
    pub trailing: Vec<bool>,
}

/// Decoder states: the roles, with the headline split by which story it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Kicker,
    Headline,
    Subtitle,
    Author,
    Byline,
    Body,
    Subhead,
    Caption,
    Credit,
    TrailingKicker,
    TrailingHeadline,
    TrailingSubtitle,
}

const STATES: [State; STATE_COUNT] = [
    State::Kicker,
    State::Headline,
    State::Subtitle,
    State::Author,
    State::Byline,
    State::Body,
    State::Subhead,
    State::Caption,
    State::Credit,
    State::TrailingKicker,
    State::TrailingHeadline,
    State::TrailingSubtitle,
];
const STATE_COUNT: usize = 12;

impl State {
    fn role(self) -> Role {
        match self {
            State::Kicker | State::TrailingKicker => Role::Kicker,
            State::Headline | State::TrailingHeadline => Role::Headline,
            State::Subtitle | State::TrailingSubtitle => Role::Subtitle,
            State::Author => Role::Author,
            State::Byline => Role::Byline,
            State::Body => Role::Body,
            State::Subhead => Role::Subhead,
            State::Caption => Role::Caption,
            State::Credit => Role::Credit,
        }
    }

    fn prior(self, c: &DecoderConfig) -> f32 {
        match self {
            State::Kicker => c.kicker_prior,
            // A head printed below its body pays the trailing penalty once, on its top line.
            State::TrailingKicker => c.kicker_prior + c.trailing_headline_prior - c.headline_prior,
            State::Headline => c.headline_prior,
            State::TrailingHeadline => c.trailing_headline_prior,
            State::Subtitle | State::TrailingSubtitle => c.subtitle_prior,
            State::Author => c.author_prior,
            State::Byline => c.byline_prior,
            State::Body => 0.0,
            State::Subhead => c.subhead_prior,
            State::Caption => c.caption_prior,
            State::Credit => c.credit_prior,
        }
    }
}

/// Score of moving from `prev` to `next` within one story (`None`: not allowed).
fn same_story(prev: State, next: State, c: &DecoderConfig) -> Option<f32> {
    use State::*;
    match (prev, next) {
        (TrailingKicker, TrailingHeadline) => Some(c.headline_prior - c.trailing_headline_prior),
        (TrailingHeadline | TrailingSubtitle, TrailingSubtitle) => Some(0.0),
        (TrailingKicker | TrailingHeadline | TrailingSubtitle, _) => None,
        (Caption | Credit | Byline | Body | Subhead, TrailingKicker) => Some(0.0),
        (_, TrailingKicker | TrailingSubtitle) => None,
        (Kicker, Headline) => Some(0.0),
        (Kicker, _) | (_, Kicker) => None,
        (Headline, Subtitle) | (Subtitle, Subtitle) => Some(0.0),
        (_, Subtitle) | (_, Headline) => None,
        (Headline | Subtitle | Author, Author) => Some(0.0),
        // A section may name its reporter under its subhead (`本报记者 某某`), at half the
        // cost of a byline inside a story (free, a headline and its author line below a
        // story read as a subhead of it); an author note may close the body: `（作者为…）`.
        (Subhead, Author) => Some(-c.inner_byline_cost * 0.5),
        (Caption | Credit | Byline | Body, Author) => Some(-c.inner_byline_cost),
        (Headline | Subtitle | Author, Byline | Body | Caption | Credit) => Some(0.0),
        (Headline | Subtitle | Author, Subhead) => Some(-1.0),
        (_, Byline) => Some(-c.inner_byline_cost),
        (Headline | Subtitle | Author, TrailingHeadline) => None,
        // A subhead opens a section of running text, not a photo item.
        (Subhead, Caption | Credit) => None,
        (Caption | Credit | Byline | Body | Subhead, _) => Some(0.0),
    }
}

/// Score of opening a story at `next` after `prev`, boundary evidence aside (`None`: a story
/// cannot open with `next`).
fn new_story(prev: Option<State>, next: State, c: &DecoderConfig) -> Option<f32> {
    use State::*;
    match prev {
        Some(Subhead) => return None, // a subhead is followed by its section
        Some(Kicker | TrailingKicker) => return None, // a kicker, by its headline
        _ => {}
    }
    match next {
        Kicker | Headline => Some(0.0),
        Byline | Caption => Some(-c.headless_story_cost * 0.5 - TIE_BREAK),
        Body | Subhead | Credit => Some(-c.headless_story_cost - TIE_BREAK),
        Subtitle | Author if prev.is_none() => Some(-c.headless_story_cost),
        Subtitle | Author | TrailingKicker | TrailingHeadline | TrailingSubtitle => None,
    }
}

/// Added to the cost of a story that opens without a head, so that of two paths with equal
/// scores the one that goes on with the story wins there, whatever order the slots are tried
/// in (at a head line, a tie opens the story the head heads).
const TIE_BREAK: f32 = 1e-4;

/// Decodes roles and story boundaries for every content block.
pub fn decode(doc: &Document<'_>, evidence: &Evidence, config: &DecoderConfig) -> Decoded {
    let n = doc.blocks().len();
    let noise: Vec<bool> = (0..n)
        .map(|i| evidence.roles(i)[Role::Noise.index()] >= config.noise_threshold)
        .collect();
    let kept: Vec<usize> = (0..n).filter(|&i| !noise[i]).collect();
    let path = viterbi(&kept, evidence, config);
    let mut roles = vec![Role::Noise; n];
    let mut story = vec![0; n];
    let mut trailing = vec![false; n];
    let mut current = 0;
    let mut next_story = 0;
    let mut k = 0;
    for i in 0..n {
        if noise[i] {
            story[i] = current;
            continue;
        }
        let (state, opens) = path[k];
        k += 1;
        if opens {
            current = next_story;
            next_story += 1;
        }
        roles[i] = output_role(state, &doc.blocks()[i]);
        trailing[i] = state.is_trailing();
        story[i] = current;
    }
    Decoded {
        roles,
        story,
        trailing,
    }
}

/// The role a state gives a block: a byline paragraph that goes on with body text (long,
/// ending a sentence, or on a comma or colon, or with text past its brackets or past a
/// dateline without brackets) is `body`;
/// only a line that is just the byline or dateline keeps `byline`.
fn output_role(state: State, block: &Block<'_>) -> Role {
    let goes_on = || {
        block.chars > BYLINE_ONLY_CHARS
            || ends_sentence(&block.text)
            || ends_on_comma_or_colon(&block.text)
            || goes_on_past_brackets(&block.text)
            || text_follows_dateline(&block.text)
    };
    match state {
        State::Byline if goes_on() => Role::Body,
        _ => state.role(),
    }
}

/// True when a byline's text goes on past its brackets: a bracket left open (a narrow
/// column cut the paragraph there), clause punctuation outside the brackets, or text after
/// a closed bracket (`本报讯（记者 张三）3月1日，…`).
fn goes_on_past_brackets(text: &str) -> bool {
    let mut depth = 0usize;
    let mut closed = false;
    for c in text.chars() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => {
                depth = depth.saturating_sub(1);
                closed |= depth == 0;
            }
            _ if depth > 0 || c.is_whitespace() => {}
            _ if closed || is_clause_punct(c) => return true,
            _ => {}
        }
    }
    depth > 0
}

/// Longest block that can be a byline or dateline alone.
const BYLINE_ONLY_CHARS: usize = 40;

fn emission(i: usize, s: State, evidence: &Evidence, c: &DecoderConfig) -> f32 {
    let base = evidence.roles(i)[s.role().index()] + s.prior(c);
    match s {
        State::TrailingKicker | State::TrailingHeadline => base + evidence.attach_up(i),
        State::Headline | State::Kicker => base - evidence.attach_up(i).max(0.0),
        _ => base,
    }
}

/// A decoder state, and for the parts of a body whether its story has no head above them
/// ("loose"): only a loose body may be closed by a head printed below it, so a story never
/// has a head both above and below its body. Body parts also count the subheads of their
/// story so far (none, one, or more): a story with a single subhead pays
/// [`DecoderConfig::single_subhead_cost`], since subheads come in series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    state: State,
    loose: bool,
    subheads: usize,
}

/// The subhead counts a slot tells apart: none, one, two or more.
const SUBHEAD_COUNTS: usize = 3;

/// Slots: every state, loose or not, with each subhead count (only body parts use the
/// loose ones and the counts above none).
const SLOT_COUNT: usize = 2 * SUBHEAD_COUNTS * STATE_COUNT;

impl Slot {
    fn of(index: usize) -> Slot {
        let variant = index / STATE_COUNT;
        Slot {
            state: STATES[index % STATE_COUNT],
            loose: variant % 2 == 1,
            subheads: variant / 2,
        }
    }

    fn is_valid(self) -> bool {
        self.state.is_body_part() || (!self.loose && self.subheads == 0)
    }

    /// The subhead count of this slot's story once `next` follows it in the story, and
    /// the score of the change (see [`count_subheads`]).
    fn subheads_after(self, next: State, c: &DecoderConfig) -> (usize, f32) {
        let subheads = if self.state.is_body_part() {
            self.subheads
        } else {
            0
        };
        count_subheads(subheads, next, self.state == State::Subhead, c)
    }
}

/// The subhead count of a story that has `subheads` once `next` follows, and the score of
/// the change: a first subhead costs, a second pays it back. A subhead that goes on a
/// subhead (`in_run`: a two-line subhead) is the same one.
fn count_subheads(subheads: usize, next: State, in_run: bool, c: &DecoderConfig) -> (usize, f32) {
    if next != State::Subhead || in_run {
        return (subheads, 0.0);
    }
    match subheads {
        0 => (1, -c.single_subhead_cost),
        1 => (2, c.single_subhead_cost),
        _ => (2, 0.0),
    }
}

impl State {
    /// True for the states a body is made of (an author note may close a body).
    fn is_body_part(self) -> bool {
        use State::*;
        matches!(self, Author | Byline | Body | Subhead | Caption | Credit)
    }

    fn is_trailing(self) -> bool {
        use State::*;
        matches!(self, TrailingKicker | TrailingHeadline | TrailingSubtitle)
    }
}

/// [`same_story`] between slots: a body part is loose when the one before it is; a head
/// below a body only closes a loose one; a body part carries its story's subhead count.
fn same_story_slot(prev: Slot, next: Slot, c: &DecoderConfig) -> Option<f32> {
    let score = same_story(prev.state, next.state, c)?;
    let (subheads, change) = prev.subheads_after(next.state, c);
    let fits = if next.state.is_trailing() {
        prev.loose || prev.state.is_trailing()
    } else if next.state.is_body_part() {
        next.loose == (prev.loose && prev.state.is_body_part()) && next.subheads == subheads
    } else {
        true
    };
    fits.then_some(score + change)
}

/// [`new_story`] between slots: a story that opens with a body part is loose, and one that
/// opens with a subhead has one.
fn new_story_slot(prev: Option<Slot>, next: Slot, c: &DecoderConfig) -> Option<f32> {
    let score = new_story(prev.map(|p| p.state), next.state, c)?;
    let (subheads, change) = count_subheads(0, next.state, false, c);
    let fits = next.loose == next.state.is_body_part() && next.subheads == subheads;
    fits.then_some(score + change)
}

/// The moves into one slot: from which slots, and at what score, within a story and by
/// opening a new one.
#[derive(Default)]
struct Moves {
    same: Vec<(usize, f32)>,
    new: Vec<(usize, f32)>,
}

/// The allowed moves into every slot, computed once per page (most pairs are not allowed).
fn moves(c: &DecoderConfig) -> Vec<Moves> {
    let slots: Vec<usize> = (0..SLOT_COUNT)
        .filter(|&i| Slot::of(i).is_valid())
        .collect();
    (0..SLOT_COUNT)
        .map(|n| {
            let mut into = Moves::default();
            if !Slot::of(n).is_valid() {
                return into;
            }
            for &p in &slots {
                let (prev, next) = (Slot::of(p), Slot::of(n));
                if let Some(t) = same_story_slot(prev, next, c) {
                    into.same.push((p, t));
                }
                if let Some(t) = new_story_slot(Some(prev), next, c) {
                    into.new.push((p, t));
                }
            }
            into
        })
        .collect()
}

/// Best path over the kept blocks: for each, its state and whether it opens a story.
fn viterbi(kept: &[usize], evidence: &Evidence, c: &DecoderConfig) -> Vec<(State, bool)> {
    const NONE: f32 = f32::NEG_INFINITY;
    let moves = moves(c);
    let mut score = vec![[NONE; SLOT_COUNT]; kept.len()];
    let mut back = vec![[(0u8, false); SLOT_COUNT]; kept.len()];
    for (k, &i) in kept.iter().enumerate() {
        // Boundary evidence of the gap just above block i (across any skipped noise block).
        let gap = if i > 0 { evidence.boundary(i - 1) } else { 0.0 };
        let emissions = STATES.map(|state| emission(i, state, evidence, c));
        for (s, into) in moves.iter().enumerate() {
            let slot = Slot::of(s);
            if !slot.is_valid() {
                continue;
            }
            let e = emissions[s % STATE_COUNT];
            if k == 0 {
                if let Some(t) = new_story_slot(None, slot, c) {
                    score[0][s] = e + t;
                    back[0][s] = (0, true);
                }
                continue;
            }
            let prev = &score[k - 1];
            let mut best = (NONE, (0u8, false));
            for &(p, t) in &into.same {
                let v = prev[p] + e + t;
                if v > best.0 {
                    best = (v, (p as u8, false));
                }
            }
            for &(p, t) in &into.new {
                let v = prev[p] + e + t + gap - c.new_story_cost;
                if v > best.0 {
                    best = (v, (p as u8, true));
                }
            }
            score[k][s] = best.0;
            back[k][s] = best.1;
        }
    }
    let Some(last) = score.last() else {
        return Vec::new();
    };
    let mut s = (0..SLOT_COUNT)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]))
        .expect("slots exist");
    let mut path = vec![(State::Body, false); kept.len()];
    for k in (0..kept.len()).rev() {
        let (p, opens) = back[k][s];
        path[k] = (Slot::of(s).state, opens);
        s = p as usize;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Evidence for `n` blocks with the given role scores and attach-up scores.
    fn evidence(roles: &[&[(Role, f32)]], attach_up: &[(usize, f32)]) -> Evidence {
        let mut ev = Evidence::new(roles.len(), false);
        let mut sink = ev.sink("test", 1.0);
        for (i, scores) in roles.iter().enumerate() {
            for &(role, score) in scores.iter() {
                sink.role(i, role, score);
            }
        }
        for &(i, score) in attach_up {
            sink.attach_up(i, score);
        }
        ev
    }

    #[test]
    fn only_a_line_that_is_just_a_byline_keeps_the_role() {
        let page = "（本报记者张三）\n\n本报讯（记者 张三）甲市发布十项措施，主要包括：\n\n\
                    本报讯（记者 张三）甲市发布十项措施。\n\n本报北京3月5日电（记者 李\n\n\
                    本报讯（记者 张三）3月1日\n\n本报甲市3月4日电  开春以后，甲\n\n\
                    本报记者 张三 李四\n\n新华社北京3月5日电（记者 李四）\n\n\
                    新华社北京3月5日电  国家主席某某\n";
        let doc = Document::parse(page);
        let role = |i: usize| output_role(State::Byline, &doc.blocks()[i]);
        assert_eq!(role(0), Role::Byline);
        assert_eq!(role(1), Role::Body, "text goes on after the colon");
        assert_eq!(role(2), Role::Body, "a sentence ends");
        assert_eq!(role(3), Role::Body, "a column cut the open bracket");
        assert_eq!(role(4), Role::Body, "text after the bracket");
        assert_eq!(role(5), Role::Body, "a comma after the dateline");
        assert_eq!(role(6), Role::Byline, "names only");
        assert_eq!(role(7), Role::Byline, "a dateline and its bracket");
        assert_eq!(role(8), Role::Body, "text after the dateline");
    }

    #[test]
    fn a_kicker_and_headline_below_their_body_close_its_story() {
        let page = "甲村修路\n\n村里的路修好了，村民出行方便多了。\n\n大家都很高兴。\n\n\
                    路通了——\n\n甲村修路记\n\n乙县办展\n\n乙县的展览开幕了，观众很多。\n";
        let doc = Document::parse(page);
        let head = [(Role::Headline, 2.0), (Role::Kicker, 1.0)];
        let ev = evidence(
            &[
                &head,
                &[],
                &[],
                &[(Role::Kicker, 5.0), (Role::Headline, 2.0)],
                &head,
                &head,
                &[],
            ],
            &[(3, 3.0), (4, 3.0)],
        );
        let d = decode(&doc, &ev, &DecoderConfig::default());
        assert_eq!(d.roles[3..5], [Role::Kicker, Role::Headline]);
        assert_eq!(d.story[3], d.story[1]);
        assert!(d.trailing[3] && d.trailing[4]);
        assert_ne!(d.story[5], d.story[4]);
    }

    #[test]
    fn no_story_ends_on_a_kicker() {
        let page =
            "甲村的路修好了，村民出行方便多了。\n\n国家税务总局：\n\n零申报不影响纳税记录\n\n\
                    记者从国家税务总局获悉，零申报不影响纳税记录。\n";
        let doc = Document::parse(page);
        let mut ev = evidence(
            &[
                &[],
                &[(Role::Kicker, 4.0)],
                &[(Role::Headline, 2.0), (Role::Kicker, 1.0)],
                &[],
            ],
            &[],
        );
        // Evidence for a boundary between the kicker and its headline (a byline below a
        // head puts one above the head).
        ev.sink("test", 1.0).boundary(1, 2.5);
        let d = decode(&doc, &ev, &DecoderConfig::default());
        for i in (0..3).filter(|&i| d.roles[i] == Role::Kicker) {
            assert_eq!(d.roles[i + 1], Role::Headline, "{d:?}");
            assert_eq!(
                d.story[i],
                d.story[i + 1],
                "a story ends on a kicker: {d:?}"
            );
        }
    }

    #[test]
    fn a_story_with_a_head_above_is_not_closed_by_a_head_below() {
        let page = "甲村修路\n\n村里的路修好了，村民出行方便多了。\n\n大家都很高兴。\n\n乙县办展\n";
        let doc = Document::parse(page);
        let head = [(Role::Headline, 2.0), (Role::Kicker, 1.0)];
        let ev = evidence(&[&[(Role::Headline, 6.0)], &[], &[], &head], &[(3, 6.0)]);
        let d = decode(&doc, &ev, &DecoderConfig::default());
        assert_eq!(d.roles[0], Role::Headline);
        assert!(
            !(d.trailing[3] && d.story[3] == d.story[0]),
            "one story with two heads: {d:?}"
        );
    }

    #[test]
    fn a_section_under_its_subhead_may_name_its_reporter() {
        let page = "甲县新貌\n\n甲县这些年变化很大。\n\n稻田新景\n\n本报记者 张三\n\n\
                    稻田里种上了新品种。\n\n果园新景\n\n本报记者 李四\n\n果园里装上了滴灌。\n";
        let doc = Document::parse(page);
        let subhead: &[(Role, f32)] = &[(Role::Subhead, 2.0)];
        let author: &[(Role, f32)] = &[(Role::Author, 5.0)];
        let head: &[(Role, f32)] = &[(Role::Headline, 6.0)];
        let roles = [head, &[], subhead, author, &[], subhead, author, &[]];
        let d = decode(&doc, &evidence(&roles, &[]), &DecoderConfig::default());
        assert_eq!(d.roles[3], Role::Author, "{d:?}");
        assert_eq!(d.roles[6], Role::Author, "{d:?}");
        assert!(d.story.iter().all(|&s| s == 0), "{d:?}");
    }

    /// Evidence for a page of head, body, body, then `lone_lines` times a head-shaped line
    /// (a little better a subhead than a headline, and no text) with two bodies below it.
    fn page_with_lone_head_lines(lone_lines: usize) -> (String, Evidence) {
        let mut page = String::from("甲村修路\n\n村里的路修好了。\n\n大家都很高兴。\n");
        let mut roles: Vec<&[(Role, f32)]> = vec![&[(Role::Headline, 3.0)], &[], &[]];
        let lone: &[(Role, f32)] = &[
            (Role::Headline, 2.0),
            (Role::Subhead, 1.5),
            (Role::Body, -0.5),
        ];
        for _ in 0..lone_lines {
            page.push_str("\n乙县办展\n\n乙县的展览开幕了。\n\n观众很多。\n");
            roles.extend([lone, &[], &[]]);
        }
        let mut ev = evidence(&roles, &[]);
        for k in 0..lone_lines {
            ev.sink("test", 1.0).boundary(3 * k + 2, 0.95);
        }
        (page, ev)
    }

    #[test]
    fn a_lone_head_line_between_bodies_opens_a_story() {
        let (page, ev) = page_with_lone_head_lines(1);
        let doc = Document::parse(&page);
        let d = decode(&doc, &ev, &DecoderConfig::default());
        assert_eq!(d.roles[3], Role::Headline, "{d:?}");
        assert_ne!(d.story[3], d.story[2]);
        let free = DecoderConfig {
            single_subhead_cost: 0.0,
            ..DecoderConfig::default()
        };
        let d = decode(&doc, &ev, &free);
        assert_eq!(d.roles[3], Role::Subhead, "without the cost: {d:?}");
    }

    #[test]
    fn a_story_pays_for_its_first_subhead_wherever_it_sits() {
        let c = DecoderConfig::default();
        let slot = |state| Slot {
            state,
            loose: false,
            subheads: 0,
        };
        for above in [State::Headline, State::Subtitle, State::Author, State::Body] {
            let first = slot(above).subheads_after(State::Subhead, &c);
            assert_eq!(first, (1, -c.single_subhead_cost), "below {above:?}");
        }
        let second = Slot {
            subheads: 1,
            ..slot(State::Body)
        };
        assert_eq!(
            second.subheads_after(State::Subhead, &c),
            (2, c.single_subhead_cost)
        );
    }

    #[test]
    fn head_lines_in_series_are_subheads() {
        let (page, ev) = page_with_lone_head_lines(2);
        let doc = Document::parse(&page);
        let d = decode(&doc, &ev, &DecoderConfig::default());
        assert_eq!([d.roles[3], d.roles[6]], [Role::Subhead; 2], "{d:?}");
        assert!(d.story.iter().all(|&s| s == 0), "{d:?}");
    }

    #[test]
    fn a_tie_at_a_head_line_opens_its_story() {
        let page = "甲村修路\n\n——村民出行方便了\n\n张三\n\n乙县：展览开幕\n\n乙县的展览开幕了。\n";
        let doc = Document::parse(page);
        let ev = evidence(
            &[
                &[(Role::Headline, 3.0)],
                &[(Role::Subtitle, 6.0)],
                &[(Role::Author, 3.5)],
                // Opening a story here scores exactly what reading the line as text does.
                &[(Role::Headline, 3.0)],
                &[],
            ],
            &[],
        );
        let d = decode(&doc, &ev, &DecoderConfig::default());
        assert_eq!(d.roles[3], Role::Headline, "{d:?}");
        assert_eq!(d.story, [0, 0, 0, 1, 1], "{d:?}");
    }

    #[test]
    fn a_tie_without_a_head_goes_on_with_the_story() {
        let page = "甲村修路\n\n村里的路修好了。\n\n新路\n\n大家都很高兴。\n\n制图：张三\n\n\
                    乙县办展\n\n乙县的展览开幕了。\n";
        let doc = Document::parse(page);
        let mut ev = evidence(
            &[
                &[(Role::Headline, 3.0)],
                &[],
                &[(Role::Subhead, 3.0)],
                &[],
                &[(Role::Credit, 6.0)],
                &[(Role::Headline, 3.0)],
                &[],
            ],
            &[],
        );
        // Opening a story at the credit line scores exactly what keeping it does.
        let c = DecoderConfig::default();
        ev.sink("test", 1.0)
            .boundary(3, c.new_story_cost + c.headless_story_cost);
        ev.sink("test", 1.0).boundary(4, 3.0);
        let d = decode(&doc, &ev, &c);
        assert_eq!(d.story[..6], [0, 0, 0, 0, 0, 1], "{d:?}");
    }
}
