//! Duplicates: blocks with (nearly) the same text, the same bigrams by a Dice coefficient
//! of at least `duplicate_similarity`; at a column joint the copy that continues the block
//! before it best stays and the other becomes `dup`.

use super::Context;
use crate::detectors::cohesion::shares_at_least;
use crate::text::same_but_spacing;
use crate::Role;
use std::collections::HashMap;

/// Marks every block that duplicates another one and is the worse-placed copy.
pub(super) fn find_duplicates(ctx: &Context<'_, '_>, decisions: &mut Vec<String>) -> Vec<bool> {
    let blocks = ctx.doc.blocks();
    let n = blocks.len();
    let mut dup = vec![false; n];
    for (b, is_dup) in dup.iter_mut().enumerate().skip(1) {
        if repeats_last_line(ctx, b - 1, b) && !in_interleaved_heads(ctx, b) {
            *is_dup = true;
            decisions.push(format!(
                "dup: block {b} repeats the last line of block {}",
                b - 1
            ));
        }
    }
    let candidates: Vec<usize> = (0..n)
        .filter(|&i| blocks[i].chars >= 10 && ctx.roles[i] != Role::Noise)
        .collect();
    // A long dump is not compared pair by pair.
    let partners = (candidates.len() > INDEXED_BLOCKS).then(|| possible_partners(ctx, &candidates));
    for (pos, &a) in candidates.iter().enumerate() {
        let later: Box<dyn Iterator<Item = usize>> = match &partners {
            Some(partners) => Box::new(partners[pos].iter().copied()),
            None => Box::new(pos + 1..candidates.len()),
        };
        for b in later.map(|other| candidates[other]) {
            if dup[a] || dup[b] || b == a + 1 && in_interleaved_heads(ctx, b) || !similar(ctx, a, b)
            {
                continue;
            }
            let fit = |i: usize| if i > 0 { ctx.joint(i - 1, i) } else { 0.0 };
            // A paragraph an article repeats on purpose (a pull quote, a summary) sits
            // between complete sentences; a duplicated fragment sits at a column joint: one
            // copy continues a cut sentence, as the text shows (shared words alone do not),
            // or both copies stop mid-sentence.
            let continues = |i: usize| {
                i > 0 && fit(i) >= ctx.config.continuation_threshold && ctx.joint_is_shown(i - 1, i)
            };
            let at_joint = continues(a) || continues(b) || ctx.surely_cut[a] && ctx.surely_cut[b];
            // Next to each other, only a copy (spacing aside) needs no joint: a summary
            // paraphrasing the first paragraph (`■…`) is near it and no copy.
            let copy = || {
                same_but_spacing(
                    ctx.doc.blocks()[a].text.trim(),
                    ctx.doc.blocks()[b].text.trim(),
                )
            };
            if !at_joint && (b != a + 1 || !copy()) {
                continue;
            }
            let (keep, drop) = if fit(b) > fit(a) { (b, a) } else { (a, b) };
            dup[drop] = true;
            decisions.push(format!(
                "dup: block {drop} duplicates block {keep} (fit {:.2} vs {:.2})",
                fit(drop),
                fit(keep)
            ));
        }
    }
    dup
}

/// Candidate blocks above which [`find_duplicates`] compares only [`possible_partners`].
const INDEXED_BLOCKS: usize = 256;

/// For each of `candidates`, the positions of the later candidates that [`similar`] may
/// accept with it, ascending: a prefix filter (Chaudhuri et al. 2006, "A primitive operator
/// for similarity joins"). Two bigram sets with a Dice coefficient of at least `t` share at
/// least `t·|A| / (2 − t)` bigrams, and then share one among the first `|A| − that + 1`
/// bigrams of each in one fixed order: the rarest on the page first, so the lists stay
/// short. The bound is taken one lower, so float rounding in [`similar`] loses no pair.
/// Blocks without bigrams pair with each other (they compare by text).
fn possible_partners(ctx: &Context<'_, '_>, candidates: &[usize]) -> Vec<Vec<usize>> {
    let t = f64::from(ctx.config.duplicate_similarity).clamp(0.0, 1.0);
    let mut blocks_holding: HashMap<u32, usize> = HashMap::new();
    for &i in candidates {
        for &(key, _) in &ctx.profiles[i] {
            *blocks_holding.entry(key).or_default() += 1;
        }
    }
    // Each candidate's prefix: its rarest bigrams (ties by id).
    let prefixes: Vec<Vec<u32>> = candidates
        .iter()
        .map(|&i| {
            let words = &ctx.profiles[i];
            let mut keys: Vec<(usize, u32)> = words
                .iter()
                .map(|&(key, _)| (blocks_holding[&key], key))
                .collect();
            keys.sort_unstable();
            let len = if words.is_empty() {
                0
            } else {
                words.len() + 1 - least_shared(words.len(), t)
            };
            keys[..len].iter().map(|&(_, key)| key).collect()
        })
        .collect();
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (pos, prefix) in prefixes.iter().enumerate() {
        for &key in prefix {
            postings.entry(key).or_default().push(pos);
        }
    }
    let wordless: Vec<usize> = (0..candidates.len())
        .filter(|&pos| prefixes[pos].is_empty())
        .collect();
    let indexed = |list: &[usize]| list.len() <= MAX_POSTINGS;
    prefixes
        .iter()
        .enumerate()
        .map(|(pos, prefix)| {
            let mut later: Vec<usize> = if prefix.is_empty() {
                if indexed(&wordless) {
                    wordless.clone()
                } else {
                    Vec::new()
                }
            } else {
                prefix
                    .iter()
                    .map(|key| &postings[key])
                    .filter(|list| indexed(list))
                    .flatten()
                    .copied()
                    .collect()
            };
            later.retain(|&other| other > pos);
            later.sort_unstable();
            later.dedup();
            later
        })
        .collect()
}

/// Most blocks one index list of [`possible_partners`] may hold: a bigram in the prefixes
/// of more blocks belongs to a line the page repeats over and over (a boilerplate line, a
/// page of one line printed thousands of times), not to a fragment printed twice. Such a
/// list is left out, so that such a page is compared in linear time and memory, not
/// pair by pair; a copy printed right after its original is still found as a repeated line.
const MAX_POSTINGS: usize = 64;

/// A lower bound, between 1 and `len`, on the bigrams a set of `len` bigrams shares with any
/// set whose Dice coefficient with it is at least `t`, taken one lower than the exact bound.
fn least_shared(len: usize, t: f64) -> usize {
    let exact = (t * len as f64 / (2.0 - t)).ceil() as usize;
    exact.saturating_sub(1).max(1).min(len)
}

/// True when block `b` and the three blocks above it were decoded as head lines (kicker,
/// headline, subtitle), the first two different but as long as each other (within
/// [`ROW_SLACK`] characters) and the third different from the second: the head lines of two
/// stories set side by side and read across one another (a headline of each, then a
/// subtitle of each), whose subtitles may read alike (two notices passed at one meeting);
/// neither is a copy. One story's kicker, headline and subtitle are not as long as each
/// other.
fn in_interleaved_heads(ctx: &Context<'_, '_>, b: usize) -> bool {
    let head = |i: usize| matches!(ctx.roles[i], Role::Kicker | Role::Headline | Role::Subtitle);
    let chars = |i: usize| ctx.doc.blocks()[i].chars;
    let same_text = |i: usize, j: usize| same_but_spacing(ctx.text(i).trim(), ctx.text(j).trim());
    b >= 3
        && (b - 3..=b).all(head)
        && chars(b - 3).abs_diff(chars(b - 2)) <= ROW_SLACK
        && !same_text(b - 3, b - 2)
        && !same_text(b - 2, b - 1)
}

/// Largest difference in length, in characters, between the headlines of two stories set
/// side by side whose head lines are read across one another ([`in_interleaved_heads`]).
const ROW_SLACK: usize = 2;

/// True when block `b` is one line that repeats the last line of block `a` before it (a
/// line the extraction printed twice at a column joint), spacing aside.
fn repeats_last_line(ctx: &Context<'_, '_>, a: usize, b: usize) -> bool {
    let blocks = ctx.doc.blocks();
    let [only] = blocks[b].lines[..] else {
        return false;
    };
    // The paragraph may go on past the copy: its last line before the copy.
    let Some(&last) = blocks[a].lines.iter().rev().find(|&&l| l < only) else {
        return false;
    };
    same_but_spacing(ctx.doc.line_text(last), ctx.doc.line_text(only))
}

fn similar(ctx: &Context<'_, '_>, a: usize, b: usize) -> bool {
    let (ca, cb) = (ctx.doc.blocks()[a].chars, ctx.doc.blocks()[b].chars);
    if ca.min(cb) * 10 < ca.max(cb) * 9 {
        return false;
    }
    let (pa, pb) = (&ctx.profiles[a], &ctx.profiles[b]);
    if pa.is_empty() || pb.is_empty() {
        return ctx.text(a) == ctx.text(b);
    }
    // Bigram Jaccard similarity as a function of the shared count; it never decreases as
    // the count grows, so the threshold is a least shared count.
    let jaccard = |shared: usize| {
        let shared = shared as f64 / pa.len() as f64 * pa.len() as f64;
        shared / (pa.len() + pb.len()) as f64 * 2.0
    };
    let threshold = f64::from(ctx.config.duplicate_similarity);
    let (mut low, mut high) = (0, pa.len().min(pb.len()) + 1);
    while low < high {
        let mid = (low + high) / 2;
        if jaccard(mid) >= threshold {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    // `low` is the least count that reaches the threshold (past the largest possible
    // count when none does).
    low <= pa.len().min(pb.len()) && shares_at_least(pa, pb, low)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LinkerConfig;
    use crate::Document;

    #[test]
    fn a_line_printed_twice_inside_a_wrapped_paragraph_is_a_duplicate() {
        let doc = Document::parse(crate::document::WRAPPED_PAGE_WITH_A_REPEATED_LINE);
        let roles = vec![Role::Body; doc.blocks().len()];
        let config = LinkerConfig::default();
        let ctx = Context::new(&doc, roles, &config);
        assert_eq!(find_duplicates(&ctx, &mut Vec::new()), vec![false, true]);
    }

    #[test]
    fn a_summary_next_to_the_paragraph_it_paraphrases_is_no_duplicate() {
        let find = |page: &str| {
            let doc = Document::parse(page);
            let roles = vec![Role::Body; doc.blocks().len()];
            let config = LinkerConfig::default();
            find_duplicates(&Context::new(&doc, roles, &config), &mut Vec::new())
        };
        let summary = "■在甲县，全体留校学生和老师共进年夜饭是一项传统\n\n\
                       在甲县中学，全体留校学生和老师共进年夜饭是一项传统。\n";
        assert_eq!(find(summary), [false, false]);
        // Wrapped, where a paragraph with no end mark reads as cut: shared words alone do
        // not make the paragraph below go on from the summary.
        let wrap = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let lines: Vec<String> = chars.chunks(13).map(|c| c.iter().collect()).collect();
            lines.join("\n")
        };
        let wrapped = [
            "甲县各校今年组织留校学生过春节，准备了年夜饭和游园会，让学生们在学校也能感受到家的温暖。",
            "■在甲县中学，全体师生共进年夜饭",
            "在甲县中学，全体师生共进年夜饭。",
            "乙县各校也为留校学生准备了新春礼包，校长们和学生一起包饺子、猜灯谜，共度佳节。",
        ]
        .map(wrap)
        .join("\n");
        let doc = Document::parse(&wrapped);
        let config = LinkerConfig::default();
        let ctx = Context::new(&doc, vec![Role::Body; 4], &config);
        assert!(ctx.joint(1, 2) >= config.continuation_threshold);
        assert_eq!(find(&wrapped), [false; 4]);
        let copy = "在甲县中学，全体留校学生和老师共进年夜饭是一项传统。\n\n\
                    在甲县中学，全体留校学生和老师共进年夜饭是一项传统。\n";
        assert_eq!(find(copy), [false, true]);
    }

    #[test]
    fn two_stories_read_across_may_share_a_subtitle_but_one_story_repeats_none() {
        let find = |page: &str, roles: Vec<Role>| {
            let doc = Document::parse(page);
            let config = LinkerConfig::default();
            find_duplicates(&Context::new(&doc, roles, &config), &mut Vec::new())
        };
        let (k, h, s, b) = (Role::Kicker, Role::Headline, Role::Subtitle, Role::Body);
        let note = "（2020年3月2日甲县人民代表大会常务委员会第五次会议通过）";
        // Two notices set side by side: a headline of each, then a subtitle of each.
        let side_by_side = format!(
            "甲县人民代表大会常务委员会任命名单\n甲县人民代表大会常务委员会免职名单\n\
             {note}\n{note}\n\n任命张三为甲县教育局局长。\n"
        );
        let roles = vec![k, h, s, s, b];
        assert_eq!(find(&side_by_side, roles.clone()), [false; 5]);
        // One story's kicker, headline and a subtitle printed twice.
        let one_story = format!(
            "甲县人民代表大会常务委员会\n任命名单\n{note}\n{note}\n\n任命张三为甲县教育局局长。\n"
        );
        assert_eq!(find(&one_story, roles), [false, false, false, true, false]);
    }

    #[test]
    fn a_justified_copy_of_the_last_line_is_a_duplicate() {
        assert!(same_but_spacing(
            "书 记 陈 全 国 表 示 。",
            "书记陈全国表示。"
        ));
        assert!(!same_but_spacing("书记陈全国表示。", "书记陈全国说。"));
        let page = "甲县今年新建公路八十公里，县委书记张三表示。\n\n甲 县 今 年 新 建 公 路 八 十 公 里 ， 县 委 书 记 张 三 表 示 。\n";
        let doc = Document::parse(page);
        let roles = vec![Role::Body; doc.blocks().len()];
        let config = LinkerConfig::default();
        let ctx = Context::new(&doc, roles, &config);
        let dup = find_duplicates(&ctx, &mut Vec::new());
        assert_eq!(dup, vec![false, true]);
    }

    #[test]
    fn the_prefix_filter_keeps_every_similar_pair() {
        // Lines of pseudo-random characters, some repeated with one character changed.
        let chars: Vec<char> = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬东南西北"
            .chars()
            .collect();
        let mut state = 7u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize % n
        };
        let mut lines: Vec<String> = Vec::new();
        for i in 0..320 {
            let line: String = if i % 7 == 6 {
                let mut copy: Vec<char> = lines[next(i)].chars().collect();
                let at = next(copy.len());
                copy[at] = chars[next(chars.len())];
                copy.into_iter().collect()
            } else {
                (0..12 + next(20))
                    .map(|_| chars[next(chars.len())])
                    .collect()
            };
            lines.push(line);
        }
        let page = lines.join("\n\n");
        let doc = Document::parse(&page);
        let n = doc.blocks().len();
        let config = LinkerConfig::default();
        let ctx = Context::new(&doc, vec![Role::Body; n], &config);
        let candidates: Vec<usize> = (0..n).collect();
        let partners = possible_partners(&ctx, &candidates);
        let mut similar_pairs = 0;
        for (a, later) in partners.iter().enumerate() {
            for b in a + 1..n {
                if similar(&ctx, a, b) {
                    similar_pairs += 1;
                    assert!(later.contains(&b), "{a} {b}");
                }
            }
        }
        assert!(similar_pairs > 10, "the page has near-duplicates");
        let listed: usize = partners.iter().map(Vec::len).sum();
        assert!(listed < n * (n - 1) / 20, "{listed} pairs listed");
    }

    #[test]
    fn a_line_printed_thousands_of_times_is_not_compared_pair_by_pair() {
        let line = "甲县今年以来深入推进改革各项工作取得积极进展";
        let page = format!("{line}\n").repeat(2000);
        let doc = Document::parse(&page);
        let n = doc.blocks().len();
        assert_eq!(n, 2000, "each repeat is a block of its own");
        let config = LinkerConfig::default();
        let ctx = Context::new(&doc, vec![Role::Body; n], &config);
        let candidates: Vec<usize> = (0..n).collect();
        let listed: usize = possible_partners(&ctx, &candidates)
            .iter()
            .map(Vec::len)
            .sum();
        assert!(listed <= n * MAX_POSTINGS, "{listed} pairs listed");
        // Every copy still repeats the line right above it.
        let dup = find_duplicates(&ctx, &mut Vec::new());
        assert_eq!(dup.iter().filter(|&&d| d).count(), n - 1);
    }
}
