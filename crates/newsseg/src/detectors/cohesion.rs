//! Lexical cohesion between neighbouring windows of blocks, with character bigrams (the
//! default: published work finds them better than words for Chinese story segmentation)
//! or jieba-rs words. A drop in cohesion is evidence for a story boundary; a headline
//! shares words with the body it belongs to.

use super::byline::opens_with_byline;
use super::shape::is_head_shaped;
use crate::config::{CohesionConfig, CohesionUnit};
use crate::text::is_han;
use crate::{Detector, Document, EvidenceSink};
use jieba_rs::Jieba;
use std::ops::Range;
use std::sync::OnceLock;

/// A bag of tokens: `(token id, count)`, sorted by id.
pub type Profile = Vec<(u32, u32)>;

/// Builds the bigram profile of a text: every pair of neighbouring Han characters.
pub fn bigram_profile(text: &str) -> Profile {
    let mut keys = Vec::with_capacity(text.len() / 3);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if is_han(c) {
            if let Some(p) = prev {
                keys.push((p as u32) << 16 ^ (c as u32 & 0xFFFF) ^ ((c as u32) >> 16) << 31);
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    counted(keys)
}

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Cuts a text into jieba-rs words (no HMM); the pieces concatenate back to the text.
pub fn jieba_cut(text: &str) -> Vec<&str> {
    jieba().cut(text, false)
}

/// True when `word` is in jieba-rs's dictionary: every piece of two or more characters
/// that [`jieba_cut`] returns inside a run of Han characters is such a word.
pub fn jieba_has_word(word: &str) -> bool {
    jieba().has_word(word)
}

/// Builds the word profile of a text: jieba-rs words of two or more Han characters.
pub fn word_profile(text: &str) -> Profile {
    let keys = jieba_cut(text)
        .into_iter()
        .filter(|w| w.chars().filter(|&c| is_han(c)).count() >= 2)
        .map(fnv1a)
        .collect();
    counted(keys)
}

fn fnv1a(word: &str) -> u32 {
    word.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

fn counted(mut keys: Vec<u32>) -> Profile {
    keys.sort_unstable();
    let mut out: Profile = Vec::with_capacity(keys.len());
    for k in keys {
        match out.last_mut() {
            Some((last, n)) if *last == k => *n += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

/// The profile of a block, in the configured unit.
pub fn profile(text: &str, unit: CohesionUnit) -> Profile {
    match unit {
        CohesionUnit::Bigram => bigram_profile(text),
        CohesionUnit::Words => word_profile(text),
    }
}

/// Merges several profiles into one (counts of a shared token are summed).
pub fn merge<'p>(profiles: impl IntoIterator<Item = &'p Profile>) -> Profile {
    let profiles: Vec<&Profile> = profiles.into_iter().collect();
    match profiles[..] {
        [] => Profile::new(),
        [a] => a.clone(),
        [a, b] => merge_two(a, b),
        _ => merge_many(&profiles),
    }
}

/// Merges any number of profiles: all entries sorted together, each packed in one integer,
/// then combined (measured on the bench pages: a fifth faster than sorting the pairs by key,
/// a third faster than a tree of pairwise merges, and than summing in a hash table).
fn merge_many(profiles: &[&Profile]) -> Profile {
    let mut all: Vec<u64> = profiles
        .iter()
        .copied()
        .flatten()
        .map(|&(k, n)| u64::from(k) << 32 | u64::from(n))
        .collect();
    all.sort_unstable();
    let mut out: Profile = Vec::with_capacity(all.len());
    for (k, n) in all.into_iter().map(|x| ((x >> 32) as u32, x as u32)) {
        match out.last_mut() {
            Some((last, m)) if *last == k => *m += n,
            _ => out.push((k, n)),
        }
    }
    out
}

/// Merges two sorted profiles in one linear pass.
fn merge_two(a: &Profile, b: &Profile) -> Profile {
    let mut out: Profile = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Sum over shared tokens of the product of counts. The merge has no data-dependent branch
/// (both cursors step by comparison results), and the sum is an exact integer.
pub(crate) fn dot(a: &Profile, b: &Profile) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0u64);
    while i < a.len() && j < b.len() {
        let ((ka, na), (kb, nb)) = (a[i], b[j]);
        sum += u64::from(ka == kb) * u64::from(na) * u64::from(nb);
        i += usize::from(ka <= kb);
        j += usize::from(kb <= ka);
    }
    sum as f64
}

/// Cosine similarity of two profiles, 0 when either is empty.
pub fn cosine(a: &Profile, b: &Profile) -> f64 {
    cosine_from_dots(dot(a, b), self_dot(a), self_dot(b))
}

/// `dot(a, a)` without the merge: the same products summed in the same order (the squared
/// norm of a profile).
pub(crate) fn self_dot(a: &Profile) -> f64 {
    a.iter()
        .fold(0.0, |sum, &(_, n)| sum + f64::from(n) * f64::from(n))
}

/// Cosine from the dot products `ab` of two profiles and `aa`, `bb` of each with itself.
pub(crate) fn cosine_from_dots(ab: f64, aa: f64, bb: f64) -> f64 {
    let norm = (aa * bb).sqrt();
    if norm == 0.0 {
        0.0
    } else {
        ab / norm
    }
}

/// Cosine between a part of a whole and the rest of the whole, from the part's dot product
/// with the whole and the two squared norms (the whole's counts include the part's).
pub(crate) fn cosine_with_rest(part_whole: f64, part_square: f64, whole_square: f64) -> f64 {
    let rest_square = (whole_square - 2.0 * part_whole + part_square).max(0.0);
    cosine_from_dots(part_whole - part_square, part_square, rest_square)
}

/// Share of the distinct tokens of `a` that also occur in `b`.
pub fn coverage(a: &Profile, b: &Profile) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let shared = if a.len() * 8 < b.len() {
        // A few tokens against many: look each one up.
        a.iter()
            .filter(|(k, _)| b.binary_search_by_key(k, |&(key, _)| key).is_ok())
            .count()
    } else {
        shared_count(a, b)
    };
    shared as f64 / a.len() as f64
}

/// Share of the distinct tokens of `a` that occur in at least one of `bs` (the coverage of
/// `a` by the merge of `bs`).
pub fn coverage_by_any(a: &Profile, bs: &[&Profile]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let shared = a
        .iter()
        .filter(|(k, _)| {
            bs.iter()
                .any(|b| b.binary_search_by_key(k, |&(key, _)| key).is_ok())
        })
        .count();
    shared as f64 / a.len() as f64
}

/// True when `a` and `b` share at least `needed` distinct tokens (the scan stops as soon
/// as the answer is known).
pub fn shares_at_least(a: &Profile, b: &Profile, needed: usize) -> bool {
    count_shared(a, b, Some(needed)) >= needed
}

/// Number of distinct tokens `a` and `b` share.
fn shared_count(a: &Profile, b: &Profile) -> usize {
    count_shared(a, b, None)
}

/// Distinct tokens `a` and `b` share, counted in one merge walk; with `needed`, the walk
/// stops once the count reaches it or can no longer reach it.
fn count_shared(a: &Profile, b: &Profile, needed: Option<usize>) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        if let Some(n) = needed {
            if shared >= n || shared + (a.len() - i).min(b.len() - j) < n {
                break;
            }
        }
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Distinct bigrams from which a head's share of words found above and below it is trusted
/// in full for attach-up evidence; a head of `n` fewer gets `n / SURE_HEAD_BIGRAMS` of the
/// evidence (on all 21 evaluation sets, 5 moved exact match up on 7 and down on 2; 3 and 4
/// moved less, 6 and 8 lost more).
const SURE_HEAD_BIGRAMS: f64 = 5.0;

/// Emits boundary evidence where cohesion between the windows either side of a gap is low
/// relative to the page, and attach-up evidence for head-shaped blocks.
pub struct Cohesion {
    config: CohesionConfig,
}

impl Cohesion {
    /// A cohesion detector with the given unit and window.
    pub fn new(config: CohesionConfig) -> Cohesion {
        Cohesion { config }
    }
}

impl Detector for Cohesion {
    fn name(&self) -> &str {
        "cohesion"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        if blocks.len() < 3 {
            return;
        }
        let words: Vec<Profile>;
        let profiles: &[Profile] = match self.config.unit {
            CohesionUnit::Bigram => doc.bigrams(),
            CohesionUnit::Words => {
                words = blocks.iter().map(|b| word_profile(&b.text)).collect();
                &words
            }
        };
        let head: Vec<bool> = blocks.iter().map(is_head_shaped).collect();
        let w = self.config.window.max(1);
        // One cache of dot products serves both window widths.
        let mut windows = Windows::new(profiles, &head, w.max(HEAD_GAP_WINDOW));
        // Windows hold running text only: head lines are too short to compare, and a gap
        // inside a run of head lines gets no cohesion evidence, nor one between head lines
        // and a dateline below them (the windows are those of the gap above the heads,
        // where the topic changes: the heads open the dateline's story).
        let sims: Vec<Option<f64>> = (0..doc.gap_count())
            .map(|g| {
                if head[g] && (head[g + 1] || opens_with_byline(&blocks[g + 1].text)) {
                    return None;
                }
                windows.cosine_across(g, w)
            })
            .collect();
        emit_boundaries(&sims, out);
        emit_head_gaps(&mut windows, &head, out);
        let mut below: Vec<Option<f64>> = vec![None; blocks.len()];
        for i in (0..blocks.len()).filter(|&i| head[i]) {
            if let Some((up, down)) = windows.coverage_around(i, w) {
                // A head of a bigram or two (`过去`) is found in the text around by chance.
                let sure = (profiles[i].len() as f64 / SURE_HEAD_BIGRAMS).min(1.0);
                out.attach_up(i, (4.0 * (up - down) * sure) as f32);
                below[i] = Some(down);
            }
        }
        emit_head_run_splits(profiles, &head, &below, out);
    }
}

/// Prose blocks on each side of a head line that [`emit_head_gaps`] compares.
const HEAD_GAP_WINDOW: usize = 4;

/// Cosine at which the text either side of a head line says nothing about whether the head
/// opens a story or a section; measured on the clean dev set, a story's headline has a
/// cosine under 0.05 two times in three, a subhead one time in eight.
const HEAD_GAP_NEUTRAL: f64 = 0.08;

/// Boundary evidence above every head line that follows running text, from the absolute
/// cosine between the [`HEAD_GAP_WINDOW`] prose blocks above and below it: on a log scale
/// around [`HEAD_GAP_NEUTRAL`], for a new story when the topic changes, against one when it
/// goes on (a subhead opens a section of the same story). The z-scores of
/// [`emit_boundaries`] are relative to the page and miss a page whose stories are all alike
/// or all different.
fn emit_head_gaps(windows: &mut Windows<'_>, head: &[bool], out: &mut EvidenceSink<'_>) {
    for i in (1..head.len()).filter(|&i| head[i] && !head[i - 1]) {
        if let Some(c) = windows.cosine_across(i - 1, HEAD_GAP_WINDOW) {
            let evidence = 0.5 * (HEAD_GAP_NEUTRAL / c.max(0.005)).ln();
            out.boundary(i - 1, evidence.clamp(-0.8, 1.0) as f32);
        }
    }
}

/// Boundary evidence between two head lines when the upper one shares no word with the
/// text below the run and the lower one shares many: the upper line heads another story
/// (a headline separated from its body, stacked over the next story's).
fn emit_head_run_splits(
    profiles: &[Profile],
    head: &[bool],
    below: &[Option<f64>],
    out: &mut EvidenceSink<'_>,
) {
    for i in 1..head.len() {
        if !(head[i - 1] && head[i]) || profiles[i - 1].len() < HEAD_RUN_SPLIT_WORDS {
            continue;
        }
        if let (Some(upper), Some(lower)) = (below[i - 1], below[i]) {
            if upper == 0.0 && lower >= HEAD_RUN_SPLIT_COVERAGE {
                out.boundary(i - 1, HEAD_RUN_SPLIT);
            }
        }
    }
}

/// Distinct bigrams an upper head line needs for [`emit_head_run_splits`] (a label such as
/// `图片报道` shares nothing with anything).
const HEAD_RUN_SPLIT_WORDS: usize = 5;
/// Share of the lower head line's bigrams the text below must hold.
const HEAD_RUN_SPLIT_COVERAGE: f64 = 0.5;
/// Boundary evidence [`emit_head_run_splits`] gives.
const HEAD_RUN_SPLIT: f32 = 1.5;

/// Boundary evidence from the window similarities: a z-score over the page.
fn emit_boundaries(sims: &[Option<f64>], out: &mut EvidenceSink<'_>) {
    let known: Vec<f64> = sims.iter().flatten().copied().collect();
    if known.is_empty() {
        return;
    }
    let mean = known.iter().sum::<f64>() / known.len() as f64;
    let sd = (known.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / known.len() as f64).sqrt();
    for (g, s) in sims.iter().enumerate() {
        if let Some(s) = s {
            let z = (mean - s) / (sd + 0.02);
            out.boundary(g, z.clamp(-2.0, 2.5) as f32);
        }
    }
}

/// The windows of up to `w` running-text (not head-shaped) blocks next to a gap or a head
/// block, for any `w` up to the widest the cache was built for. Window similarities are
/// built from dot products between pairs of nearby blocks, each computed once: the dot product of two merged windows is the sum of the dot
/// products of their blocks (all exact integers), so no window is ever merged.
struct Windows<'p> {
    profiles: &'p [Profile],
    /// Indices of the running-text blocks, ascending.
    prose: Vec<usize>,
    /// `before[i]`: number of prose blocks with an index below `i` (`i` up to the count
    /// of blocks).
    before: Vec<usize>,
    /// Twice the widest window: the cache holds prose positions less than `span` apart.
    span: usize,
    /// Dot products of prose positions `i <= j` (less than `span` apart), at
    /// `i * span + (j - i)`.
    dots: Vec<Option<f64>>,
}

impl<'p> Windows<'p> {
    fn new(profiles: &'p [Profile], head: &[bool], widest: usize) -> Windows<'p> {
        let prose: Vec<usize> = (0..head.len()).filter(|&j| !head[j]).collect();
        let before = std::iter::once(0)
            .chain(head.iter().scan(0, |count, &h| {
                *count += usize::from(!h);
                Some(*count)
            }))
            .collect();
        let span = 2 * widest;
        let dots = vec![None; prose.len() * span];
        Windows {
            profiles,
            prose,
            before,
            span,
            dots,
        }
    }

    /// Prose positions of the window of up to `w` prose blocks ending right above block
    /// `block`.
    fn window_above(&self, block: usize, w: usize) -> Range<usize> {
        let up = self.before[block];
        up.saturating_sub(w)..up
    }

    /// Prose positions of the window of up to `w` prose blocks starting right below block
    /// `block`.
    fn window_below(&self, block: usize, w: usize) -> Range<usize> {
        let down = self.before[block + 1];
        down..(down + w).min(self.prose.len())
    }

    /// The windows above block `above` and below block `below`, `None` when either is
    /// empty.
    fn bounds(&self, above: usize, below: usize, w: usize) -> Option<(Range<usize>, Range<usize>)> {
        let (up, down) = (self.window_above(above, w), self.window_below(below, w));
        (!up.is_empty() && !down.is_empty()).then_some((up, down))
    }

    /// Dot product of the blocks at prose positions `i` and `j`.
    fn dot(&mut self, i: usize, j: usize) -> f64 {
        let (i, j) = (i.min(j), i.max(j));
        let slot = i * self.span + (j - i);
        *self.dots[slot].get_or_insert_with(|| {
            let a = &self.profiles[self.prose[i]];
            if i == j {
                self_dot(a)
            } else {
                dot(a, &self.profiles[self.prose[j]])
            }
        })
    }

    /// Dot product of the merged windows of prose positions `a` and `b`.
    fn window_dot(&mut self, a: Range<usize>, b: Range<usize>) -> f64 {
        let mut sum = 0.0;
        for i in a {
            for j in b.clone() {
                sum += self.dot(i, j);
            }
        }
        sum
    }

    /// Cosine between the windows of `w` blocks either side of gap `g`, `None` when one is
    /// empty.
    fn cosine_across(&mut self, g: usize, w: usize) -> Option<f64> {
        let (left, right) = self.bounds(g + 1, g, w)?;
        let across = self.window_dot(left.clone(), right.clone());
        let left_norm = self.window_dot(left.clone(), left);
        let right_norm = self.window_dot(right.clone(), right);
        Some(cosine_from_dots(across, left_norm, right_norm))
    }

    /// Coverage of block `i`'s tokens by the windows above and below it, `None` when none
    /// is above. Below the page's last running text, nothing covers it from below: a head
    /// there either closes the story above or has its text elsewhere.
    fn coverage_around(&self, i: usize, w: usize) -> Option<(f64, f64)> {
        let up = self.window_above(i, w);
        if up.is_empty() {
            return None;
        }
        let window = |r: Range<usize>| -> Vec<&Profile> {
            self.prose[r].iter().map(|&j| &self.profiles[j]).collect()
        };
        let own = &self.profiles[i];
        Some((
            coverage_by_any(own, &window(up)),
            coverage_by_any(own, &window(self.window_below(i, w))),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Evidence;

    #[test]
    fn bigrams_and_similarity() {
        let a = bigram_profile("乡村振兴乡村");
        assert_eq!(a.iter().map(|p| p.1).sum::<u32>(), 5);
        let b = bigram_profile("推进乡村振兴");
        let c = bigram_profile("股市今天上涨");
        assert!(cosine(&a, &b) > cosine(&a, &c));
        assert_eq!(cosine(&a, &Vec::new()), 0.0);
        assert!((coverage(&b, &a) - 0.6).abs() < 1e-9);
    }

    #[test]
    fn merges_and_shared_tokens() {
        let a = bigram_profile("乡村振兴乡村");
        let b = bigram_profile("推进乡村振兴");
        let c = bigram_profile("股市今天上涨");
        let merged = merge([&a, &b, &c]);
        assert_eq!(merged, merge([&merge([&a, &b]), &c]));
        assert_eq!(
            merged.iter().map(|p| p.1).sum::<u32>(),
            [&a, &b, &c]
                .iter()
                .flat_map(|p| p.iter())
                .map(|p| p.1)
                .sum::<u32>()
        );
        assert!(shares_at_least(&a, &b, 3));
        assert!(!shares_at_least(&a, &b, 4));
        assert!(shares_at_least(&a, &c, 0));
        let long = bigram_profile(&"推进乡村振兴股市今天上涨".repeat(3));
        let other = bigram_profile(
            "一二三四五六七八九十百千万亿，甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥",
        );
        let many = merge([&long, &other]);
        assert!(a.len() * 8 < many.len(), "the lookup path is tested");
        assert!((coverage(&a, &many) - 0.75).abs() < 1e-9);
    }

    #[test]
    fn words_profile_uses_jieba() {
        let p = word_profile("我们推进乡村振兴");
        assert!(!p.is_empty());
    }

    #[test]
    fn a_head_below_the_last_text_of_the_page_attaches_up_by_its_words() {
        let attach = |head: &str| {
            let text = format!(
                "青岚市第一人民医院智慧病房投入使用，病房配备智能设备。\n\n\
                 智慧病房运行以来，护士的工作效率明显提高。\n\n{head}\n"
            );
            let doc = Document::parse(&text);
            let mut ev = Evidence::new(doc.blocks().len(), false);
            Cohesion::new(CohesionConfig::default()).detect(&doc, &mut ev.sink("cohesion", 1.0));
            ev.attach_up(2)
        };
        assert!(attach("青岚一院智慧病房上线") > 1.0);
        assert_eq!(attach("乙市股市交易活跃"), 0.0);
        // One bigram found above says little: a fifth of the evidence.
        assert!((attach("病房") - 0.8).abs() < 1e-6, "{}", attach("病房"));
    }

    #[test]
    fn a_head_line_between_two_topics_opens_a_story_and_within_one_a_section() {
        let head_gap = |below: &str| {
            let text = format!(
                "甲县乡村振兴工作推进会召开，乡村振兴任务明确。\n\n甲县乡村振兴要抓产业。\n\n\
                 新的一年新气象\n\n{below}\n"
            );
            let doc = Document::parse(&text);
            let mut ev = Evidence::new(doc.blocks().len(), false);
            let head = [false, false, true, false];
            let mut windows = Windows::new(doc.bigrams(), &head, HEAD_GAP_WINDOW);
            emit_head_gaps(&mut windows, &head, &mut ev.sink("t", 1.0));
            ev.boundary(1)
        };
        assert!(head_gap("乙市股市交易活跃，股市成交额创新高。") > 0.0);
        assert!(head_gap("甲县乡村振兴要抓人才，乡村振兴任务明确。") < 0.0);
    }

    #[test]
    fn a_head_sharing_nothing_with_the_text_below_the_run_heads_another_story() {
        let split_above_lower_head = |upper: &str| {
            let text = format!(
                "甲县乡村振兴工作推进会召开，乡村振兴任务明确。\n\n{upper}\n\n乙市股市成交创新高\n\n\
                 乙市股市交易活跃，股市成交额创新高。\n"
            );
            let cohesion = Cohesion::new(CohesionConfig::default());
            super::super::evidence_of(&cohesion, &text).boundary(1)
        };
        assert!(split_above_lower_head("丙省冬小麦播种基本完成") >= HEAD_RUN_SPLIT);
        assert_eq!(split_above_lower_head("乙市投资者信心增强"), 0.0);
    }

    #[test]
    fn topic_shift_is_a_boundary() {
        let text = "甲县乡村振兴工作推进会召开，乡村振兴任务明确。\n\n甲县乡村振兴要抓产业，乡村振兴要抓人才。\n\n\
                    乙市股市交易活跃，股市成交额创新高。\n\n乙市股市投资者信心增强，股市运行平稳。\n";
        let doc = Document::parse(text);
        let mut ev = Evidence::new(doc.blocks().len(), false);
        Cohesion::new(CohesionConfig {
            window: 1,
            ..CohesionConfig::default()
        })
        .detect(&doc, &mut ev.sink("cohesion", 1.0));
        assert!(ev.boundary(1) > ev.boundary(0));
        assert!(ev.boundary(1) > ev.boundary(2));
    }

    #[test]
    fn a_topic_shift_across_heads_over_a_dateline_is_a_boundary_above_them_only() {
        let text = "甲县乡村振兴工作推进会召开，乡村振兴任务明确。\n\n甲县乡村振兴要抓产业，乡村振兴要抓人才。\n\n\
                    乙市股市交易活跃\n\n\
                    本报乙市3月1日电 乙市股市交易活跃，股市成交额创新高。\n\n乙市股市投资者信心增强，股市运行平稳。\n";
        let doc = Document::parse(text);
        let mut ev = Evidence::new(doc.blocks().len(), false);
        Cohesion::new(CohesionConfig::default()).detect(&doc, &mut ev.sink("cohesion", 1.0));
        assert!(ev.boundary(1) > 0.0, "above the head line");
        assert_eq!(
            ev.boundary(2),
            0.0,
            "between the head line and its dateline"
        );
    }
}
