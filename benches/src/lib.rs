//! Page dumps for the benchmarks: realistic dumps made by the `newsseg-gen` generator (the
//! `mixed` preset: every layout, furniture, fragments out of order, duplicates) from the
//! real articles of `../shared/corpus/rmrb-dev.jsonl` when it is there, else the
//! repository's `corpus/*.txt`, else made-up pages.

use newsseg_gen::{group_pages, load_articles, Generator, Profile};
use std::path::{Path, PathBuf};

/// Number of distinct generated dumps (about 36 MB of text).
pub const GENERATED_DUMPS: usize = 2000;

/// Seed of the generated dumps.
pub const SEED: u64 = 5;

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

/// The best pages available: generated from real articles, then the repository corpus,
/// then made-up.
pub fn load_pages() -> Pages {
    let rmrb = workspace_root().join("../shared/corpus/rmrb-dev.jsonl");
    if let Some(dumps) = generated_dumps(&rmrb, GENERATED_DUMPS) {
        return Pages {
            source: format!(
                "{} dumps generated (preset mixed, seed {SEED}) from {}",
                dumps.len(),
                rmrb.display()
            ),
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

/// `count` dumps generated with the `mixed` preset from the articles in `path`, `None`
/// when the articles cannot be read.
pub fn generated_dumps(path: &Path, count: usize) -> Option<Vec<String>> {
    let articles = load_articles(path).ok()?;
    let generator = Generator::new(group_pages(&articles), Profile::default())?;
    Some(
        (0..count)
            .map(|i| generator.dump(SEED, i, "bench-").text())
            .collect(),
    )
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
