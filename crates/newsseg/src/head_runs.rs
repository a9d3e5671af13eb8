//! Interleaved head runs: when the extraction reads across neighbouring columns or boxes,
//! the head lines of two stories come out mixed in one run (one story's kicker, another's
//! headline, then the first's headline), and the decoder, which reads in dump order, gives
//! them to the wrong stories. Each line of such a run goes to the body below that shares
//! its words clearly best.

use crate::decoder::Decoded;
use crate::detectors::cohesion::{coverage, merge, Profile};
use crate::detectors::shape::is_head_shaped;
use crate::{Document, Role};
use std::collections::HashMap;

/// Share of a head line's bigrams a body must hold for the line to go to it.
const MIN_COVERAGE: f64 = 0.4;

/// How much better the chosen body must cover a head line than any other below the run.
const MARGIN: f64 = 0.25;

/// Gives each line of a head run above the bodies of several stories to the body that
/// covers its words clearly best (see the module docs), and returns the decoding with the
/// new story of each moved line; a moved body line becomes a headline, and in each story
/// the head lines above its last headline become kickers. Each move is described in
/// `decisions`.
pub fn regroup_head_runs(
    doc: &Document<'_>,
    decoded: &Decoded,
    decisions: &mut Vec<String>,
) -> Decoded {
    let profiles = doc.bigrams();
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
            if last > first {
                let below = &kept[k + last + 1..];
                let run = &run[first..=last];
                let bodies = bodies_below(profiles, decoded, &head_lines, run, below);
                regroup(profiles, decoded, run, &bodies, &mut result, decisions);
            }
        }
        k = run_end.max(k + 1);
    }
    result
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

/// Regroups one head `run` over the `bodies` below it.
fn regroup(
    profiles: &[Profile],
    decoded: &Decoded,
    run: &[usize],
    bodies: &[(usize, Profile)],
    result: &mut Decoded,
    decisions: &mut Vec<String>,
) {
    if bodies.len() < 2 {
        return;
    }
    // A line read as body text is placed by its words only in a story with no head line in
    // the run (a head group's own line above its kicker is a subtitle misread).
    let heads_of = |story: usize| {
        run.iter()
            .any(|&j| is_head_line(decoded, j) && decoded.story[j] == story)
    };
    let mut clear: Vec<Option<usize>> = run
        .iter()
        .map(|&line| {
            let owner = clear_best(&profiles[line], bodies)?;
            (is_head_line(decoded, line) || !heads_of(owner)).then_some(owner)
        })
        .collect();
    // Lines read as body text at the run's foot stay body text unless their words place them.
    let kept_len = 1 + run
        .iter()
        .zip(&clear)
        .rposition(|(&line, owner)| is_head_line(decoded, line) || owner.is_some())
        .unwrap_or(0);
    let run = &run[..kept_len];
    clear.truncate(kept_len);
    // A head line that reads as no body in particular goes with the head lines decoded in
    // its story; a line read as body text moves only when its own words say where.
    let owners: Vec<Option<usize>> = run
        .iter()
        .zip(&clear)
        .map(|(&line, &owner)| {
            owner.or_else(|| {
                if !is_head_line(decoded, line) {
                    return None;
                }
                let mates = run.iter().zip(&clear).filter_map(|(&other, &o)| {
                    let mate =
                        decoded.story[other] == decoded.story[line] && is_head_line(decoded, other);
                    mate.then_some(o?)
                });
                agreed(mates)
            })
        })
        .collect();
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
        return;
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
}

/// The one value all of `values` agree on, if there is one.
fn agreed(mut values: impl Iterator<Item = usize>) -> Option<usize> {
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

/// The stories with body text right below a head run (up to the next kicker or headline)
/// and no head line outside it, each with its body's words merged; none when there are
/// fewer than two. `head_lines` counts each story's head lines.
fn bodies_below(
    profiles: &[Profile],
    decoded: &Decoded,
    head_lines: &HashMap<usize, usize>,
    run: &[usize],
    below: &[usize],
) -> Vec<(usize, Profile)> {
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
    if stories.len() < 2 {
        return Vec::new();
    }
    stories
        .into_iter()
        .map(|(story, blocks)| (story, merge(blocks.iter().map(|&i| &profiles[i]))))
        .collect()
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
        let decoded = Decoded {
            roles: vec![h, b, h, b, b, b, b],
            story: vec![0, 0, 1, 1, 1, 2, 2],
            trailing: vec![false; 7],
        };
        let mut decisions = Vec::new();
        let regrouped = regroup_head_runs(&doc, &decoded, &mut decisions);
        assert_eq!(regrouped.story[..3], [1, 2, 1], "{decisions:?}");
        assert_eq!(regrouped.roles[..3], [Role::Kicker, h, h]);
    }

    #[test]
    fn a_head_group_over_one_body_stays() {
        let page = "秋粮收购全面启动\n甲县多措并举保障农民售粮\n\
                    本报讯 甲县秋粮收购工作全面启动，农民售粮更方便了。\n\
                    乙县小学迎来新学期\n本报讯 乙县实验小学迎来新学期，学校新建了图书室。\n";
        let doc = Document::parse(page);
        let (k, h, b) = (Role::Kicker, Role::Headline, Role::Body);
        let decoded = Decoded {
            roles: vec![k, h, b, h, b],
            story: vec![0, 0, 0, 1, 1],
            trailing: vec![false; 5],
        };
        let regrouped = regroup_head_runs(&doc, &decoded, &mut Vec::new());
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
        let decoded = Decoded {
            roles: vec![h, b, b, b],
            story: vec![0, 0, 0, 1],
            trailing: vec![false; 4],
        };
        let regrouped = regroup_head_runs(&doc, &decoded, &mut Vec::new());
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
        let decoded = Decoded {
            roles: vec![h, b, k, h, b, b],
            story: vec![0, 0, 1, 1, 1, 2],
            trailing: vec![false; 6],
        };
        let regrouped = regroup_head_runs(&doc, &decoded, &mut Vec::new());
        assert_eq!(regrouped.story[..2], [0, 0]);
        assert_eq!(regrouped.roles[1], b);
    }
}
