//! Page dumps for the benchmarks: real pages rebuilt from `../shared/corpus/rmrb-dev.jsonl`
//! when it is there, else the repository's `corpus/*.txt`, else made-up pages.
//!
//! The page builder is deliberately small: the `newsseg-gen` generator is the real one and
//! can replace it.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Where the pages came from, and the pages.
pub struct Pages {
    /// A short description of the source, for reports.
    pub source: String,
    /// One page dump per entry.
    pub dumps: Vec<String>,
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("benches/ is inside the workspace")
        .to_path_buf()
}

/// The best pages available: real, then the repository corpus, then made-up.
pub fn load_pages() -> Pages {
    let rmrb = workspace_root().join("../shared/corpus/rmrb-dev.jsonl");
    if let Ok(dumps) = rmrb_pages(&rmrb) {
        return Pages {
            source: format!("{} ({} pages)", rmrb.display(), dumps.len()),
            dumps,
        };
    }
    let corpus = corpus_pages(&workspace_root().join("corpus"));
    if !corpus.is_empty() {
        return Pages {
            source: format!("corpus/*.txt ({} pages)", corpus.len()),
            dumps: corpus,
        };
    }
    Pages {
        source: "built-in synthetic pages".to_string(),
        dumps: (0..200).map(synthetic_page).collect(),
    }
}

/// One article of the corpus (the fields the page builder needs).
#[derive(Deserialize)]
struct CorpusArticle {
    date: String,
    page: u32,
    seq: u32,
    #[serde(default)]
    kicker: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    subtitle: String,
    #[serde(default)]
    paragraphs: Vec<String>,
}

/// Pages rebuilt from a corpus of articles: the articles of one date and page, in `seq`
/// order, each as kicker, title, subtitle and paragraphs separated by blank lines.
pub fn rmrb_pages(path: &Path) -> std::io::Result<Vec<String>> {
    let reader = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut pages: BTreeMap<(String, u32), Vec<CorpusArticle>> = BTreeMap::new();
    for line in reader.lines() {
        let article: CorpusArticle = serde_json::from_str(&line?)?;
        pages
            .entry((article.date.clone(), article.page))
            .or_default()
            .push(article);
    }
    Ok(pages
        .into_values()
        .map(|mut articles| {
            articles.sort_by_key(|a| a.seq);
            page_text(&articles)
        })
        .collect())
}

fn page_text(articles: &[CorpusArticle]) -> String {
    let blocks = articles.iter().flat_map(|a| {
        [&a.kicker, &a.title, &a.subtitle]
            .into_iter()
            .chain(&a.paragraphs)
            .filter(|s| !s.trim().is_empty())
    });
    let mut text = blocks.map(String::as_str).collect::<Vec<_>>().join("\n\n");
    text.push('\n');
    text
}

/// The `*.txt` dumps of a directory, in name order.
pub fn corpus_pages(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// A made-up page of five articles, varied by `seed`.
pub fn synthetic_page(seed: usize) -> String {
    const TOPICS: [&str; 6] = [
        "乡村振兴",
        "科技创新",
        "生态保护",
        "文化建设",
        "民生改善",
        "对外开放",
    ];
    let mut text = String::from("第4版 要闻\n\n");
    for a in 0..5 {
        let topic = TOPICS[(seed + a) % TOPICS.len()];
        text.push_str(&format!("扎实推进{topic}工作\n\n"));
        text.push_str(&format!(
            "本报讯（记者李{a}）近日，有关部门召开会议，研究部署{topic}重点任务。\n\n"
        ));
        for p in 0..4 {
            text.push_str(&format!(
                "会议指出，做好{topic}工作意义重大。要坚持问题导向，第{p}项任务要抓紧落实，\
                 确保各项措施落地见效，不断增强人民群众的获得感、幸福感、安全感。\n\n"
            ));
        }
    }
    text
}

/// Pages from the front of `dumps` adding up to at least `bytes` bytes (all if fewer).
pub fn sample(dumps: &[String], bytes: usize) -> Vec<&str> {
    let mut total = 0;
    dumps
        .iter()
        .take_while(|d| {
            let more = total < bytes;
            total += d.len();
            more
        })
        .map(String::as_str)
        .collect()
}
