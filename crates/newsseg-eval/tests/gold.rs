//! Scoring gold labels against themselves, on a team-written fixture and on the seed page.

use newsseg_eval::labels::{load_gold, parse_labels, LineLabel};
use newsseg_eval::metrics::{evaluate, Better, Scores};
use newsseg_eval::predict::{labels_to_segmentation, predicted_labels};
use std::path::{Path, PathBuf};

/// A made-up page: story a1 printed in two fragments (its end before its head), story a2
/// between them, a duplicated line and a footer.
const PAGE: &str = "\
接上文：新馆还将开设少儿阅览区。
开馆首周预约已满。

老街改造完工

老街改造历时一年，
沿街店铺陆续开业。

市图书馆新馆开放
——藏书超百万册

本报讯 市图书馆新馆今天开放，
读者可凭身份证入馆。
新馆共五层，设自习座位八百个。

开馆首周预约已满。
第 4 版
";

const LABELS: &str = "\
a1 body 5
a1 body 6

a2 headline 0

a2 body 1
a2 body 2

a1 headline 0
a1 subtitle 1

a1 byline 2
a1 body 3
a1 body 4

a1 dup
- noise
";

fn fixture() -> Vec<Option<LineLabel>> {
    parse_labels(Path::new("fixture.labels"), PAGE, LABELS).expect("fixture parses")
}

/// Every defined metric has its best value.
fn assert_perfect(scores: &Scores) {
    for m in scores.metrics() {
        let Some(value) = m.value else { continue };
        let best = if m.better == Better::Higher { 1.0 } else { 0.0 };
        assert!((value - best).abs() < 1e-12, "{} = {value}", m.name);
    }
}

fn self_scores(text: &str, gold: &[Option<LineLabel>]) -> Scores {
    let segmentation = labels_to_segmentation(text, gold);
    let predicted = predicted_labels(text, &segmentation);
    Scores::new(evaluate(text, gold, &predicted))
}

#[test]
fn fixture_against_itself_is_perfect() {
    let gold = fixture();
    let scores = self_scores(PAGE, &gold);
    assert_perfect(&scores);
    let undefined: Vec<&str> = scores
        .metrics()
        .iter()
        .filter(|m| m.value.is_none())
        .map(|m| m.name)
        .collect();
    assert!(undefined.is_empty(), "undefined: {undefined:?}");
    assert_eq!(scores.counts.order.articles, 1, "a1 is fragmented");
    assert_eq!(scores.counts.units, 10);
}

#[test]
fn one_article_prediction_is_penalised() {
    let gold = fixture();
    let predicted = predicted_labels(PAGE, &newsseg_eval::baselines::one_article(PAGE));
    let scores = Scores::new(evaluate(PAGE, &gold, &predicted));
    let value = |name| scores.get(name).flatten().unwrap();
    // B-cubed: a1 has 7 units, a2 3; everything in one cluster.
    assert!((value("bcubed_r") - 1.0).abs() < 1e-12);
    assert!((value("bcubed_p") - (7.0 * 0.7 + 3.0 * 0.3) / 10.0).abs() < 1e-12);
    assert_eq!(value("exact_match"), 0.0);
    assert_eq!(value("boundary_r"), 0.0);
    assert!(value("pk") > 0.0);
}

fn seed_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

#[test]
fn seed_page_loads_and_scores_perfectly_against_itself() {
    let Some(dir) = seed_dir() else { return };
    let dump = load_gold(&dir.join("page-2021-08.txt")).expect("seed loads");
    assert_eq!(dump.name, "page-2021-08");
    assert_eq!(dump.labels.len(), dump.text.split('\n').count());
    let scores = self_scores(&dump.text, &dump.labels);
    assert_perfect(&scores);
    assert!(
        scores.counts.order.articles >= 1,
        "the seed has a fragmented story"
    );
}
