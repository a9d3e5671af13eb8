//! Interleaved head runs: when the extraction reads across neighbouring columns or boxes,
//! the head lines of two stories come out mixed in one run (one story's kicker, another's
//! headline, then the first's headline), and the decoder, which reads in dump order, gives
//! them to the wrong stories. Each line of such a run goes to the body below that shares
//! its words clearly best; the run's first lines may go to the story right above it
//! instead, when that story has no head (a head printed after its body, right above the
//! next story's head lines). When the bodies below carry no dateline, the decoder may read
//! the two as one story under the second head: that body is cut in two where the scorer
//! saw a boundary and the run's words part, one of the first head's lines going with the
//! first part.

use crate::decoder::Decoded;
use crate::detectors::cohesion::{bigram_profile, coverage, merge, Profile};
use crate::detectors::shape::{is_head_shaped, title_without_tag};
use crate::text::{ends_mid_sentence, opens_with_dash};
use crate::{Document, Evidence, Role};
use std::borrow::Cow;
use std::collections::HashMap;

/// Share of a head line's bigrams a body must hold for the line to go to it.
const MIN_COVERAGE: f64 = 0.4;

/// Least boundary evidence at the paragraph where a body read as one story is cut in two.
const MIN_CUT_BOUNDARY: f64 = 0.4;

/// How much better the chosen body must cover a head line than any other below the run.
const MARGIN: f64 = 0.25;

/// Gives each line of a head run above the bodies of several stories to the body that
/// covers its words clearly best (see the module docs), and returns the decoding with the
/// new story of each moved line; a moved body line becomes a headline, and in each story
/// the head lines above its last headline become kickers. Each move is described in
/// `decisions`.
pub fn regroup_head_runs(
    doc: &Document<'_>,
    evidence: &Evidence,
    decoded: &Decoded,
    decisions: &mut Vec<String>,
) -> Decoded {
    let mut result = decoded.clone();
    let kept: Vec<usize> = (0..decoded.roles.len())
        .filter(|&i| decoded.roles[i] != Role::Noise)
        .collect();
    let mut head_lines: HashMap<usize, usize> = HashMap::new();
    for &i in &kept {
        if is_head_line(decoded, i) {
            *head_lines.entry(decoded.story[i]).or_default() += 1;
        }
    }
    let mut k = 0;
    while k < kept.len() {
        let run_end = k + kept[k..]
            .iter()
            .take_while(|&&i| in_head_run(doc, decoded, i))
            .count();
        // The run proper starts on a head line.
        let run = &kept[k..run_end];
        if let Some(first) = run.iter().position(|&i| is_head_line(decoded, i)) {
            let last = run.len() - 1;
            // A subtitle after a dash (`——记…`) goes with the line above it: a run of one
            // head line and its subtitles heads one story.
            let heads = run[first..]
                .iter()
                .filter(|&&i| !opens_with_dash(doc.blocks()[i].text.trim_start()))
                .count();
            if last > first && heads > 1 {
                let sides = (&kept[..k + first], &kept[k + last + 1..]);
                regroup_run(
                    doc,
                    (evidence, decoded),
                    &head_lines,
                    (&run[first..=last], sides),
                    &mut result,
                    decisions,
                );
            }
        }
        k = run_end.max(k + 1);
    }
    result
}

/// Regroups one head `run` over the stories whose bodies follow it (`below`, the kept
/// blocks after it), first with the story right above it too when that one has no head
/// (`above`, the kept blocks before it); a run over a single body may cut that body in two
/// ([`split_merged_body`]).
fn regroup_run(
    doc: &Document<'_>,
    (evidence, decoded): (&Evidence, &Decoded),
    head_lines: &HashMap<usize, usize>,
    (run, (above, below)): (&[usize], (&[usize], &[usize])),
    result: &mut Decoded,
    decisions: &mut Vec<String>,
) {
    let profiles = doc.bigrams();
    let stories = stories_below(decoded, head_lines, run, below);
    if let Some(headless) = headless_story_above(decoded, head_lines, above, &stories) {
        // A story with no head right above the run: its head may be the run's first line,
        // printed after its body.
        let bodies = body_words(profiles, std::iter::once(&headless).chain(&stories));
        let above = Some(headless.0);
        if bodies.len() > 1 && regroup(doc, decoded, (run, above), &bodies, result, decisions) {
            return;
        }
    }
    match &stories[..] {
        [] => {}
        [single] => split_merged_body(doc, evidence, decoded, run, single, result, decisions),
        stories => {
            let bodies = body_words(profiles, stories);
            regroup(doc, decoded, (run, None), &bodies, result, decisions);
        }
    }
}

/// Each story with the words of its `blocks` merged.
fn body_words<'s>(
    profiles: &[Profile],
    stories: impl IntoIterator<Item = &'s (usize, Vec<usize>)>,
) -> Vec<(usize, Profile)> {
    stories
        .into_iter()
        .map(|(story, blocks)| (*story, merged(profiles, blocks)))
        .collect()
}

/// True for a block decoded as a kicker, headline or subtitle.
fn is_head_line(decoded: &Decoded, i: usize) -> bool {
    matches!(
        decoded.roles[i],
        Role::Kicker | Role::Headline | Role::Subtitle
    )
}

/// True for a block a head run is made of: a kicker, headline or subtitle (`某部：` too),
/// or a head-shaped line the decoder read as a short body or subhead.
fn in_head_run(doc: &Document<'_>, decoded: &Decoded, i: usize) -> bool {
    let head_shaped_text =
        matches!(decoded.roles[i], Role::Body | Role::Subhead) && is_head_shaped(&doc.blocks()[i]);
    !decoded.trailing[i] && (is_head_line(decoded, i) || head_shaped_text)
}

/// Regroups one head `run` over the `bodies` below it, and the body of the story right
/// above it (`above`, if any), which may take the run's first lines only; false when the
/// run does not read as two stories or more (nothing changes then).
fn regroup(
    doc: &Document<'_>,
    decoded: &Decoded,
    (run, above): (&[usize], Option<usize>),
    bodies: &[(usize, Profile)],
    result: &mut Decoded,
    decisions: &mut Vec<String>,
) -> bool {
    let mut clear = placed_by_words(doc, decoded, run, bodies);
    if let Some(above) = above {
        // A head printed after its body sits right below it: the story above the run takes
        // the run's first lines only.
        let prefix = clear.iter().take_while(|&&o| o == Some(above)).count();
        for owner in &mut clear[prefix..] {
            if *owner == Some(above) {
                *owner = None;
            }
        }
    }
    // Lines read as body text at the run's foot stay body text unless their words place them.
    let kept_len = 1 + run
        .iter()
        .zip(&clear)
        .rposition(|(&line, owner)| is_head_line(decoded, line) || owner.is_some())
        .unwrap_or(0);
    let run = &run[..kept_len];
    clear.truncate(kept_len);
    let owners = owners(decoded, (run, above), &clear, bodies);
    // Only a run whose lines clearly read as two stories or more is mixed; a head line with
    // no owner stands for the story it was decoded in.
    let mut stories: Vec<usize> = run
        .iter()
        .zip(&owners)
        .filter_map(|(&line, &owner)| {
            owner.or_else(|| is_head_line(decoded, line).then_some(decoded.story[line]))
        })
        .collect();
    stories.sort_unstable();
    stories.dedup();
    if stories.len() < 2 || owners.iter().all(Option::is_none) {
        return false;
    }
    for (&line, owner) in run.iter().zip(&owners) {
        let Some(story) = *owner else { continue };
        if story != decoded.story[line] || decoded.roles[line] == Role::Body {
            decisions.push(format!(
                "regroup: head line at block {line} goes to the story below whose body covers its words"
            ));
            result.story[line] = story;
        }
    }
    // A line read as body text that its words do not place stays body text.
    let head_lines: Vec<usize> = run
        .iter()
        .zip(&owners)
        .filter(|&(&line, owner)| is_head_line(decoded, line) || owner.is_some())
        .map(|(&line, _)| line)
        .collect();
    set_head_roles(&head_lines, result);
    true
}

/// The body each line of `run` clearly reads as (see [`clear_best`]). A line read as body
/// text is placed by its words only in a story with no head line in the run (a head
/// group's own line above its kicker is a subtitle misread).
fn placed_by_words(
    doc: &Document<'_>,
    decoded: &Decoded,
    run: &[usize],
    bodies: &[(usize, Profile)],
) -> Vec<Option<usize>> {
    let heads_of = |story: usize| {
        run.iter()
            .any(|&j| is_head_line(decoded, j) && decoded.story[j] == story)
    };
    run.iter()
        .map(|&line| {
            let owner = clear_best(&title_words(doc, line), bodies)?;
            (is_head_line(decoded, line) || !heads_of(owner)).then_some(owner)
        })
        .collect()
}

/// The story each line of `run` goes to, given the bodies its words `clear`ly place it in.
fn owners(
    decoded: &Decoded,
    (run, above): (&[usize], Option<usize>),
    clear: &[Option<usize>],
    bodies: &[(usize, Profile)],
) -> Vec<Option<usize>> {
    // When words move a headline out of the story it was decoded in to a body below and
    // leave exactly one body below with no line, that body's head is among the lines no
    // body reads as its own.
    let moved = run.iter().zip(clear).any(|(&line, owner)| {
        decoded.roles[line] == Role::Headline
            && owner.is_some_and(|o| o != decoded.story[line] && Some(o) != above)
    });
    let unheaded: Vec<usize> = bodies
        .iter()
        .map(|(story, _)| *story)
        .filter(|&story| !clear.contains(&Some(story)) && Some(story) != above)
        .collect();
    let left_over = match unheaded[..] {
        [story] if moved => Some(story),
        _ => None,
    };
    // Otherwise a head line that reads as no body in particular goes with the head lines
    // decoded in its story; a line read as body text moves only when its own words say where.
    run.iter()
        .zip(clear)
        .map(|(&line, &owner)| {
            owner.or_else(|| {
                if !is_head_line(decoded, line) {
                    return None;
                }
                if left_over.is_some() {
                    return left_over;
                }
                // A headline goes up to the story above only by its own words: its mates
                // there (a kicker misread over it) are that story's head.
                let headline = decoded.roles[line] == Role::Headline;
                // A headline decoded over a body below the run stays with it: the line
                // decoded as its kicker may be another story's head, read across.
                let own = decoded.story[line];
                if headline && bodies.iter().any(|(story, _)| *story == own) {
                    return Some(own);
                }
                let mates = run.iter().zip(clear).filter_map(|(&other, &o)| {
                    let mate =
                        decoded.story[other] == decoded.story[line] && is_head_line(decoded, other);
                    mate.then_some(o.filter(|&o| !(headline && Some(o) == above))?)
                });
                agreed(mates)
            })
        })
        .collect()
}

/// The one value all of `values` agree on, if there is one.
fn agreed(mut values: impl Iterator<Item = usize>) -> Option<usize> {
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

/// The stories with body text right below a head run (up to the next kicker or headline)
/// and no head line outside it, each with its blocks there. `head_lines` counts each
/// story's head lines.
fn stories_below(
    decoded: &Decoded,
    head_lines: &HashMap<usize, usize>,
    run: &[usize],
    below: &[usize],
) -> Vec<(usize, Vec<usize>)> {
    let headed_elsewhere = |story: usize| {
        let in_run = run
            .iter()
            .filter(|&&i| decoded.story[i] == story && is_head_line(decoded, i))
            .count();
        head_lines.get(&story).copied().unwrap_or(0) > in_run
    };
    let mut stories: Vec<(usize, Vec<usize>)> = Vec::new();
    for &i in below {
        if matches!(decoded.roles[i], Role::Kicker | Role::Headline) {
            break;
        }
        let story = decoded.story[i];
        match stories.iter_mut().find(|(s, _)| *s == story) {
            Some((_, blocks)) => blocks.push(i),
            None => stories.push((story, vec![i])),
        }
    }
    stories.retain(|(story, _)| !headed_elsewhere(*story));
    stories
}

/// The story of the blocks right above a head run (`above`, kept blocks in dump order), with
/// those of its blocks, when it holds body text and no head line, and is none of the
/// `stories` below the run.
fn headless_story_above(
    decoded: &Decoded,
    head_lines: &HashMap<usize, usize>,
    above: &[usize],
    stories: &[(usize, Vec<usize>)],
) -> Option<(usize, Vec<usize>)> {
    let story = decoded.story[*above.last()?];
    if head_lines.get(&story).is_some_and(|&n| n > 0) || stories.iter().any(|(s, _)| *s == story) {
        return None;
    }
    let blocks: Vec<usize> = above
        .iter()
        .copied()
        .filter(|&i| decoded.story[i] == story && decoded.roles[i] == Role::Body)
        .collect();
    (!blocks.is_empty()).then_some((story, blocks))
}

/// The words of head line `line`, its column tag (`（国际时评）`) left out: a series' name
/// says nothing of the story.
fn title_words<'d>(doc: &'d Document<'_>, line: usize) -> Cow<'d, Profile> {
    match title_without_tag(&doc.blocks()[line].text) {
        Some(title) => Cow::Owned(bigram_profile(title)),
        None => Cow::Borrowed(&doc.bigrams()[line]),
    }
}

/// The words of `blocks` merged into one profile.
fn merged(profiles: &[Profile], blocks: &[usize]) -> Profile {
    merge(blocks.iter().map(|&i| &profiles[i]))
}

/// The one story below a run that holds the head lines of two decoded stories may be two
/// stories' bodies the decoder read as one, when nothing opens the second (no dateline):
/// the body is cut at the paragraph where the run's words say one part goes with some of
/// its lines and the rest with others, and the run is regrouped over the two parts.
fn split_merged_body(
    doc: &Document<'_>,
    evidence: &Evidence,
    decoded: &Decoded,
    run: &[usize],
    (story, blocks): &(usize, Vec<usize>),
    result: &mut Decoded,
    decisions: &mut Vec<String>,
) {
    let two_heads = run
        .iter()
        .any(|&i| is_head_line(decoded, i) && decoded.story[i] != decoded.story[run[0]]);
    if !two_heads {
        return;
    }
    let profiles = doc.bigrams();
    let Some(cut) = best_body_cut(doc, evidence, decoded, run, *story, blocks) else {
        return;
    };
    let fresh = result.story.iter().max().map_or(0, |m| m + 1);
    let mut trial = result.clone();
    for &b in &blocks[cut..] {
        trial.story[b] = fresh;
    }
    let parts = [
        (*story, merged(profiles, &blocks[..cut])),
        (fresh, merged(profiles, &blocks[cut..])),
    ];
    let mut trial_decisions = Vec::new();
    if regroup(
        doc,
        decoded,
        (run, None),
        &parts,
        &mut trial,
        &mut trial_decisions,
    ) {
        decisions.push(format!(
            "regroup: body below the head run at block {} is two stories' from block {} (gap {:+.2})",
            run[0], blocks[cut], evidence.boundary(blocks[cut] - 1)
        ));
        decisions.append(&mut trial_decisions);
        *result = trial;
    }
}

/// Where to cut `blocks`, the body of `story` below `run`, so that the run's lines clearly
/// read as the first part's and the rest's: the paragraph start (after a sentence end) with
/// lines clearly placed in both parts and the largest sum of their coverage margins.
fn best_body_cut(
    doc: &Document<'_>,
    evidence: &Evidence,
    decoded: &Decoded,
    run: &[usize],
    story: usize,
    blocks: &[usize],
) -> Option<usize> {
    let profiles = doc.bigrams();
    // For each line, each of its words' first and last block of the body.
    let spans: Vec<(usize, Vec<(usize, usize)>)> = run
        .iter()
        .map(|&line| {
            let keys = title_words(doc, line);
            let found = keys
                .iter()
                .filter_map(|(key, _)| {
                    let holds =
                        |&b: &usize| profiles[b].binary_search_by_key(key, |&(k, _)| k).is_ok();
                    let first = blocks.iter().position(holds)?;
                    let last = blocks.iter().rposition(holds)?;
                    Some((first, last))
                })
                .collect();
            (keys.len(), found)
        })
        .collect();
    let story_headed = run
        .iter()
        .any(|&j| is_head_line(decoded, j) && decoded.story[j] == story);
    let mut best: Option<(f64, usize)> = None;
    for cut in 1..blocks.len() {
        let boundary = f64::from(evidence.boundary(blocks[cut] - 1));
        if boundary < MIN_CUT_BOUNDARY || ends_mid_sentence(&doc.blocks()[blocks[cut - 1]].text) {
            continue;
        }
        let (mut above, mut below, mut score) = (false, false, boundary);
        for (&line, (keys, found)) in run.iter().zip(&spans) {
            if *keys == 0 {
                continue;
            }
            let share = |n: usize| n as f64 / *keys as f64;
            let first = share(found.iter().filter(|(f, _)| *f < cut).count());
            let rest = share(found.iter().filter(|(_, l)| *l >= cut).count());
            let margin = (first - rest).abs();
            if first.max(rest) < MIN_COVERAGE || margin < MARGIN {
                continue;
            }
            if first > rest && (is_head_line(decoded, line) || !story_headed) {
                above |= decoded.story[line] != story;
            } else if rest > first {
                below = true;
            } else {
                continue;
            }
            score += margin;
        }
        if above && below && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, cut));
        }
    }
    best.map(|(_, cut)| cut)
}

/// The story whose body covers `line` best, when it does so well and clearly better than
/// every other.
fn clear_best(line: &Profile, bodies: &[(usize, Profile)]) -> Option<usize> {
    let mut scores: Vec<(f64, usize)> = bodies
        .iter()
        .map(|(story, body)| (coverage(line, body), *story))
        .collect();
    scores.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best, story) = scores[0];
    (best >= MIN_COVERAGE && best - scores[1].0 >= MARGIN).then_some(story)
}

/// Roles of a regrouped run: in each story, its last head line that is not a subtitle is
/// the headline and the ones above it are kickers.
fn set_head_roles(run: &[usize], result: &mut Decoded) {
    for (k, &line) in run.iter().enumerate() {
        if result.roles[line] == Role::Subtitle {
            continue;
        }
        let story = result.story[line];
        let headline_below = run[k + 1..]
            .iter()
            .any(|&j| result.story[j] == story && result.roles[j] != Role::Subtitle);
        result.roles[line] = if headline_below {
            Role::Kicker
        } else {
            Role::Headline
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A decoding with these roles and stories and no trailing head.
    fn decoding(roles: &[Role], story: &[usize]) -> Decoded {
        Decoded {
            roles: roles.to_vec(),
            story: story.to_vec(),
            trailing: vec![false; roles.len()],
        }
    }

    /// Regroups `decoded` with no boundary evidence anywhere.
    fn regroup_without_evidence(
        doc: &Document<'_>,
        decoded: &Decoded,
        decisions: &mut Vec<String>,
    ) -> Decoded {
        let evidence = Evidence::new(doc.blocks().len(), false);
        regroup_head_runs(doc, &evidence, decoded, decisions)
    }

    #[test]
    fn interleaved_head_lines_go_to_the_bodies_that_cover_them() {
        // A's kicker, B's headline, A's headline, then A's body and B's body.
        let page = "秋粮收购全面启动\n乙县小学迎来新学期\n甲县多措并举保障农民售粮\n\
                    本报讯 甲县秋粮收购工作全面启动，农民售粮更方便了。\n\
                    甲县今年秋粮播种面积达45万亩，多措并举保障农民售粮。\n\
                    本报讯 乙县实验小学迎来新学期，学校新建了图书室。\n\
                    乙县小学今年新招聘教师86名。\n";
        let doc = Document::parse(page);
        let (h, b) = (Role::Headline, Role::Body);
        let decoded = decoding(&[h, b, h, b, b, b, b], &[0, 0, 1, 1, 1, 2, 2]);
        let mut decisions = Vec::new();
        let regrouped = regroup_without_evidence(&doc, &decoded, &mut decisions);
        assert_eq!(regrouped.story[..3], [1, 2, 1], "{decisions:?}");
        assert_eq!(regrouped.roles[..3], [Role::Kicker, h, h]);
    }

    #[test]
    fn a_headline_its_body_covers_little_stays_over_that_body() {
        // A's headline, B's headline decoded as the kicker of A's second headline, which
        // shares too few words with A's body to be placed by them: it stays with A's body
        // rather than following B's head line to B's.
        let page = "秋粮收购全面启动
乙县小学迎来新学期
甲县多措并举保障农民售粮
                    本报讯 甲县秋粮收购工作全面启动，县里开通售粮预约服务。
                    甲县东岭村的农民说，今年卖粮方便多了。
                    本报讯 乙县实验小学迎来新学期，学校新建了图书室。
                    乙县小学今年新招聘教师86名。
";
        let doc = Document::parse(page);
        let (k, h, b) = (Role::Kicker, Role::Headline, Role::Body);
        let decoded = decoding(&[h, k, h, b, b, b, b], &[0, 1, 1, 1, 1, 2, 2]);
        let mut decisions = Vec::new();
        let regrouped = regroup_without_evidence(&doc, &decoded, &mut decisions);
        assert_eq!(regrouped.story[..3], [1, 2, 1], "{decisions:?}");
        assert_eq!(regrouped.roles[..3], [k, h, h]);
    }

    #[test]
    fn a_head_printed_after_its_body_goes_to_the_body_above() {
        // A's body with no head, then A's headline right above B's kicker and headline,
        // then B's body: A's headline goes up to its body; B's head lines stay together.
        let page = "本报讯 甲县秋粮收购工作全面启动，农民售粮更方便了。\n\
                    甲县今年秋粮播种面积达45万亩，多措并举保障农民售粮。\n\
                    甲县多措并举保障农民售粮\n乙县教育局——\n乙县小学迎来新学期\n\
                    本报讯 乙县实验小学迎来新学期，学校新建了图书室。\n\
                    乙县小学今年新招聘教师86名。\n";
        let doc = Document::parse(page);
        let (k, h, b) = (Role::Kicker, Role::Headline, Role::Body);
        let decoded = decoding(&[b, b, k, k, h, b, b], &[0, 0, 1, 1, 1, 1, 1]);
        let mut decisions = Vec::new();
        let regrouped = regroup_without_evidence(&doc, &decoded, &mut decisions);
        assert_eq!(regrouped.story, [0, 0, 0, 1, 1, 1, 1], "{decisions:?}");
        assert_eq!(regrouped.roles[2..5], [h, k, h]);
    }

    #[test]
    fn a_headline_no_body_reads_as_its_own_stays_below_a_head_that_goes_up() {
        // A's body, then A's headline decoded as the kicker of B's headline, whose words
        // both bodies hold alike: A's goes up, B's stays with its body.
        let page = "本报讯 甲县秋粮收购工作全面启动，农民售粮更方便了。\n\
                    甲县今年秋粮播种面积达45万亩，多措并举保障农民售粮。\n\
                    甲县秋粮收购全面启动\n全面启动乡村教育新举措\n\
                    本报讯 乙县实验小学迎来新学期，学校新建了图书室。\n\
                    乙县今年乡村教育投入增加，小学新招聘教师86名。\n";
        let doc = Document::parse(page);
        let (k, h, b) = (Role::Kicker, Role::Headline, Role::Body);
        let decoded = decoding(&[b, b, k, h, b, b], &[0, 0, 1, 1, 1, 1]);
        let mut decisions = Vec::new();
        let regrouped = regroup_without_evidence(&doc, &decoded, &mut decisions);
        assert_eq!(regrouped.story, [0, 0, 0, 1, 1, 1], "{decisions:?}");
        assert_eq!(regrouped.roles[2..4], [h, h]);
    }

    #[test]
    fn a_head_group_over_one_body_stays() {
        let page = "秋粮收购全面启动\n甲县多措并举保障农民售粮\n\
                    本报讯 甲县秋粮收购工作全面启动，农民售粮更方便了。\n\
                    乙县小学迎来新学期\n本报讯 乙县实验小学迎来新学期，学校新建了图书室。\n";
        let doc = Document::parse(page);
        let (k, h, b) = (Role::Kicker, Role::Headline, Role::Body);
        let decoded = decoding(&[k, h, b, h, b], &[0, 0, 0, 1, 1]);
        let regrouped = regroup_without_evidence(&doc, &decoded, &mut Vec::new());
        assert_eq!(regrouped, decoded);
    }

    #[test]
    fn a_head_line_read_as_body_goes_to_the_body_that_covers_it() {
        // A's headline, then B's headline (decoded as A's first paragraph), A's body, B's.
        let page = "秋粮收购全面启动\n乙县小学迎来新学期\n\
                    本报讯 甲县秋粮收购工作全面启动，农民售粮更方便了。\n\
                    本报讯 乙县实验小学迎来新学期，学校新建了图书室。\n";
        let doc = Document::parse(page);
        let (h, b) = (Role::Headline, Role::Body);
        let decoded = decoding(&[h, b, b, b], &[0, 0, 0, 1]);
        let regrouped = regroup_without_evidence(&doc, &decoded, &mut Vec::new());
        assert_eq!(regrouped.story, [0, 1, 0, 1]);
        assert_eq!(regrouped.roles, [h, h, b, b]);
    }

    #[test]
    fn a_line_read_as_body_above_a_head_group_stays_body() {
        // A's headline and a short line the decoder kept as its body, above B's kicker and
        // headline: the short line shares B's words, but B's head group is complete.
        let page = "春节走基层见闻\n乙县小学迎来新学期\n乙县实验小学\n图书室建成\n\
                    本报讯 乙县实验小学迎来新学期，学校新建了图书室。\n\
                    本报讯 丙县秋粮收购工作全面启动，农民售粮更方便了。\n";
        let doc = Document::parse(page);
        let (k, h, b) = (Role::Kicker, Role::Headline, Role::Body);
        let decoded = decoding(&[h, b, k, h, b, b], &[0, 0, 1, 1, 1, 2]);
        let regrouped = regroup_without_evidence(&doc, &decoded, &mut Vec::new());
        assert_eq!(regrouped.story[..2], [0, 0]);
        assert_eq!(regrouped.roles[1], b);
    }

    /// A's headline over B's, then A's body and B's, which the decoder read as one story
    /// under B's headline; `cue` is the boundary evidence between the two bodies.
    fn two_heads_over_one_body(cue: f32) -> Decoded {
        let page = "甲县秋粮收购全面启动\n乙县小学迎来新学期\n\
                    甲县秋粮收购工作全面启动，农民售粮更方便了。\n\
                    甲县今年秋粮播种面积达45万亩，收购点增加到30个。\n\
                    乙县实验小学迎来新学期，学校新建了图书室。\n\
                    乙县小学今年新招聘教师86名。\n";
        let doc = Document::parse(page);
        let mut evidence = Evidence::new(doc.blocks().len(), false);
        evidence.sink("test", 1.0).boundary(3, cue);
        let (h, b) = (Role::Headline, Role::Body);
        let decoded = decoding(&[h, h, b, b, b, b], &[0, 1, 1, 1, 1, 1]);
        regroup_head_runs(&doc, &evidence, &decoded, &mut Vec::new())
    }

    #[test]
    fn one_body_under_two_heads_is_cut_where_their_words_part() {
        let regrouped = two_heads_over_one_body(1.0);
        let story = &regrouped.story;
        assert_eq!([story[2], story[3]], [story[0]; 2]);
        assert_eq!([story[4], story[5]], [story[1]; 2]);
        assert_ne!(story[0], story[1]);
    }

    #[test]
    fn a_headline_and_its_dash_subtitle_head_one_story() {
        // The headline's words are the next story's, the subtitle's its own body's: a
        // subtitle after a dash is the headline's all the same, so nothing moves.
        let page = "甲县秋粮收购全面启动\n——乙县小学迎来新学期\n\
                    本报讯 乙县实验小学迎来新学期，学校新建了图书室。\n\
                    本报讯 甲县秋粮收购工作全面启动，农民售粮更方便了。\n";
        let doc = Document::parse(page);
        let (h, s, b) = (Role::Headline, Role::Subtitle, Role::Body);
        let decoded = decoding(&[h, s, b, b], &[0, 0, 0, 1]);
        let regrouped = regroup_without_evidence(&doc, &decoded, &mut Vec::new());
        assert_eq!(regrouped, decoded);
    }

    #[test]
    fn one_body_under_two_heads_stays_whole_where_nothing_marks_a_boundary() {
        let regrouped = two_heads_over_one_body(0.0);
        assert_eq!(regrouped.story, [0, 1, 1, 1, 1, 1]);
    }

    #[test]
    fn a_series_tag_does_not_hide_which_body_a_headline_tells() {
        // Two headlines of one series, each over the other's body: the tag (9 bigrams) would
        // outweigh the words (4) each body shares with its headline.
        let page = "张三：扎根乡村（为了民族复兴·英雄烈士谱）\n\
                    李四：奉献边疆（为了民族复兴·英雄烈士谱）\n\
                    据新华社电 张三长期扎根乡村。\n张三去年退休。\n\
                    据新华社电 李四长期奉献边疆。\n李四去年退休。\n";
        let doc = Document::parse(page);
        let (h, b) = (Role::Headline, Role::Body);
        let decoded = decoding(&[h, h, b, b, b, b], &[0, 1, 1, 1, 2, 2]);
        let regrouped = regroup_without_evidence(&doc, &decoded, &mut Vec::new());
        assert_eq!(regrouped.story[..2], [1, 2]);
    }

    /// A kicker and a headline decoded as one story's head over two bodies; the headline
    /// (or, with `kicker_told`, the kicker) shares the second body's words.
    fn head_group_over_two_bodies(kicker_told: bool) -> Decoded {
        let (kicker, headline) = if kicker_told {
            ("乙县小学迎来新学期", "春节走基层见闻")
        } else {
            ("春节走基层见闻", "乙县小学迎来新学期")
        };
        let page = format!(
            "{kicker}\n{headline}\n甲县秋粮收购工作全面启动，农民售粮更方便了。\n\
             本报讯 乙县实验小学迎来新学期，学校新建了图书室。\n"
        );
        let doc = Document::parse(&page);
        let (k, h, b) = (Role::Kicker, Role::Headline, Role::Body);
        let decoded = decoding(&[k, h, b, b], &[0, 0, 1, 2]);
        regroup_without_evidence(&doc, &decoded, &mut Vec::new())
    }

    #[test]
    fn a_headline_told_by_the_second_body_leaves_the_first_its_kicker() {
        let regrouped = head_group_over_two_bodies(false);
        assert_eq!(regrouped.story, [1, 2, 1, 2]);
        assert_eq!(regrouped.roles[..2], [Role::Headline; 2]);
    }

    #[test]
    fn a_kicker_told_by_the_second_body_keeps_its_headline() {
        let regrouped = head_group_over_two_bodies(true);
        assert_eq!(regrouped.story, [0, 0, 1, 2]);
    }
}
