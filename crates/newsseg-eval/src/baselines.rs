//! Baselines: simple segmenters to compare newsseg against (`docs/METRICS.md`).
//!
//! Each works on the content blocks of [`Document::parse`]; the page-furniture lines the
//! parser sets aside are dropped as noise by all of them alike, so the baselines differ
//! only in how they split and label stories.

use newsseg::text::{ends_sentence, is_punct};
use newsseg::{Article, Document, Role, Segmentation};
use std::collections::HashMap;

/// A baseline segmenter.
pub type Baseline = fn(&str) -> Segmentation;

/// The baselines by name, in table order.
pub const BASELINES: [(&str, Baseline); 3] = [
    ("headline_rule", headline_rule),
    ("texttiling", texttiling),
    ("one_article", one_article),
];

/// Longest block (in characters) the headline rule takes for a headline.
pub const HEADLINE_MAX_CHARS: usize = 30;

/// Every headline-shaped block (at most [`HEADLINE_MAX_CHARS`] characters, no terminal
/// punctuation) opens a new story and is a headline; every other block is body of the
/// current story.
pub fn headline_rule(text: &str) -> Segmentation {
    let doc = Document::parse(text);
    let mut story = 0;
    let plan: Vec<(usize, Role)> = doc
        .blocks()
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let headline = block.chars <= HEADLINE_MAX_CHARS && !ends_sentence(&block.text);
            if headline && i > 0 {
                story += 1;
            }
            (story, if headline { Role::Headline } else { Role::Body })
        })
        .collect();
    assemble(&doc, &plan)
}

/// Everything one article of body text.
pub fn one_article(text: &str) -> Segmentation {
    let doc = Document::parse(text);
    let plan = vec![(0, Role::Body); doc.blocks().len()];
    assemble(&doc, &plan)
}

/// Blocks on each side of a gap compared by TextTiling.
pub const TILING_WINDOW: usize = 2;

/// Cohesion-only TextTiling (Hearst 1997) over blocks: the similarity of a gap is the cosine
/// of the character-bigram counts of the [`TILING_WINDOW`] blocks on each side; its depth is
/// the rise to the highest similarity reached climbing left plus the rise climbing right; a
/// gap with a positive depth above mean − σ/2 of all depths starts a story, deepest first,
/// unless a closer boundary was already placed (see `pick_boundaries`). All body.
pub fn texttiling(text: &str) -> Segmentation {
    let doc = Document::parse(text);
    let bigrams: Vec<HashMap<(char, char), f64>> = doc
        .blocks()
        .iter()
        .map(|b| bigram_counts(&b.text))
        .collect();
    let similarity: Vec<f64> = (0..doc.gap_count())
        .map(|gap| {
            let left = sum_counts(&bigrams[gap.saturating_sub(TILING_WINDOW - 1)..=gap]);
            let right_end = (gap + 1 + TILING_WINDOW).min(bigrams.len());
            let right = sum_counts(&bigrams[gap + 1..right_end]);
            cosine(&left, &right)
        })
        .collect();
    let boundaries = pick_boundaries(&depth_scores(&similarity));
    let mut story = 0;
    let mut plan = vec![(0, Role::Body); doc.blocks().len()];
    for (gap, &boundary) in boundaries.iter().enumerate() {
        story += usize::from(boundary);
        plan[gap + 1].0 = story;
    }
    assemble(&doc, &plan)
}

/// Gaps whose depth is positive and above the cutoff, deepest first, each kept only when no
/// kept gap lies closer than [`TILING_WINDOW`] gaps (as NLTK's TextTiling does).
fn pick_boundaries(depth: &[f64]) -> Vec<bool> {
    let cutoff = cutoff(depth);
    let mut candidates: Vec<usize> = (0..depth.len())
        .filter(|&g| depth[g] > 0.0 && depth[g] > cutoff)
        .collect();
    candidates.sort_by(|&a, &b| depth[b].total_cmp(&depth[a]).then(a.cmp(&b)));
    let mut chosen = vec![false; depth.len()];
    for g in candidates {
        let near = g.saturating_sub(TILING_WINDOW - 1)..(g + TILING_WINDOW).min(depth.len());
        if !near.into_iter().any(|h| chosen[h]) {
            chosen[g] = true;
        }
    }
    chosen
}

fn bigram_counts(text: &str) -> HashMap<(char, char), f64> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !is_punct(*c))
        .collect();
    let mut counts = HashMap::new();
    for pair in chars.windows(2) {
        *counts.entry((pair[0], pair[1])).or_default() += 1.0;
    }
    counts
}

fn sum_counts(blocks: &[HashMap<(char, char), f64>]) -> HashMap<(char, char), f64> {
    let mut total = HashMap::new();
    for counts in blocks {
        for (k, v) in counts {
            *total.entry(*k).or_default() += v;
        }
    }
    total
}

fn cosine(a: &HashMap<(char, char), f64>, b: &HashMap<(char, char), f64>) -> f64 {
    let dot: f64 = a.iter().filter_map(|(k, v)| Some(v * b.get(k)?)).sum();
    let norm = |m: &HashMap<(char, char), f64>| m.values().map(|v| v * v).sum::<f64>().sqrt();
    let denominator = norm(a) * norm(b);
    if denominator > 0.0 {
        dot / denominator
    } else {
        0.0
    }
}

/// Depth of each gap: (left peak − s) + (right peak − s), the peaks found by climbing while
/// the similarity keeps rising.
fn depth_scores(similarity: &[f64]) -> Vec<f64> {
    let peak = |range: &mut dyn Iterator<Item = usize>, s: f64| {
        let mut top = s;
        for j in range {
            if similarity[j] < top {
                break;
            }
            top = similarity[j];
        }
        top
    };
    (0..similarity.len())
        .map(|i| {
            let s = similarity[i];
            let left = peak(&mut (0..i).rev(), s);
            let right = peak(&mut (i + 1..similarity.len()), s);
            (left - s) + (right - s)
        })
        .collect()
}

/// mean − σ/2 of the depth scores (population σ).
fn cutoff(depth: &[f64]) -> f64 {
    if depth.is_empty() {
        return 0.0;
    }
    let n = depth.len() as f64;
    let mean = depth.iter().sum::<f64>() / n;
    let variance = depth.iter().map(|d| (d - mean) * (d - mean)).sum::<f64>() / n;
    mean - variance.sqrt() / 2.0
}

/// Builds the segmentation of a plan (story, role) per content block; stories in dump
/// order, furniture dropped as noise.
fn assemble(doc: &Document<'_>, plan: &[(usize, Role)]) -> Segmentation {
    let mut articles: Vec<Article> = Vec::new();
    for (block, &(story, role)) in doc.blocks().iter().zip(plan) {
        if articles.len() <= story {
            articles.resize_with(story + 1, || Article {
                title: String::new(),
                blocks: Vec::new(),
            });
        }
        let article = &mut articles[story];
        if role == Role::Headline {
            article.title.push_str(&block.text);
        }
        article.blocks.extend(doc.block_spans(block, role));
    }
    articles.retain(|a| !a.blocks.is_empty());
    let dropped = doc
        .furniture()
        .iter()
        .flat_map(|b| doc.block_spans(b, Role::Noise))
        .collect();
    Segmentation { articles, dropped }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "山区公路修通\n\n村民出行更方便了，山货也能运出去。\n\n公路连着家家户户。\n\n\
                        小学新添图书室\n\n孩子们有了读书的好去处。\n";

    fn shape(seg: &Segmentation) -> Vec<Vec<(usize, Role)>> {
        seg.articles
            .iter()
            .map(|a| a.blocks.iter().map(|b| (b.line_start, b.role)).collect())
            .collect()
    }

    #[test]
    fn headline_rule_opens_stories_at_headlines() {
        let seg = headline_rule(PAGE);
        assert_eq!(
            shape(&seg),
            vec![
                vec![(1, Role::Headline), (3, Role::Body), (5, Role::Body)],
                vec![(7, Role::Headline), (9, Role::Body)],
            ]
        );
        assert_eq!(seg.articles[1].title, "小学新添图书室");
    }

    #[test]
    fn one_article_holds_everything() {
        let seg = one_article(PAGE);
        assert_eq!(seg.articles.len(), 1);
        assert_eq!(seg.articles[0].blocks.len(), 5);
        assert!(seg.articles[0].blocks.iter().all(|b| b.role == Role::Body));
    }

    #[test]
    fn texttiling_cuts_at_the_deepest_valley() {
        // Two topics with their own vocabulary; the gap between them is the only valley.
        let a = [
            "黄河大桥合龙通车。",
            "黄河大桥连接两岸。",
            "黄河大桥全长千米。",
        ];
        let b = ["春茶开采上市。", "春茶品质提升。", "春茶销路畅通。"];
        let page: String = a.iter().chain(&b).map(|p| format!("{p}\n\n")).collect();
        let seg = texttiling(&page);
        let starts: Vec<usize> = seg
            .articles
            .iter()
            .map(|a| a.blocks[0].line_start)
            .collect();
        assert_eq!(starts, vec![1, 7]);
    }

    #[test]
    fn depth_and_cutoff() {
        let depth = depth_scores(&[0.8, 0.2, 0.6, 0.5, 0.9]);
        let expected = [0.0, 1.0, 0.0, 0.5, 0.0];
        for (d, e) in depth.iter().zip(expected) {
            assert!((d - e).abs() < 1e-12, "{depth:?}");
        }
        assert!((cutoff(&[1.0, 1.0]) - 1.0).abs() < 1e-12);
        // 1.0 and 0.9 are neighbours: only the deeper one is kept
        let picked = pick_boundaries(&[0.0, 0.9, 1.0, 0.0, 0.0, 0.8]);
        assert_eq!(picked, vec![false, false, true, false, false, true]);
    }

    #[test]
    fn empty_text_gives_empty_segmentations() {
        for (_, baseline) in BASELINES {
            assert_eq!(baseline(""), Segmentation::default());
        }
    }
}
