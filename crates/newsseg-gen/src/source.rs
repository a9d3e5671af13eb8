//! Source articles (one JSON object per line) and their grouping into printed pages.

use crate::error::GenError;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One article of the source corpus, as printed on a page.
#[derive(Debug, Clone, Deserialize)]
pub struct SourceArticle {
    /// `YYYYMMDD-PP-NN`.
    pub id: String,
    /// `YYYYMMDD`.
    pub date: String,
    /// Page number in the issue.
    pub page: u32,
    /// Position on the page.
    #[serde(default)]
    pub seq: u32,
    /// 引题 (may be empty).
    #[serde(default)]
    pub kicker: String,
    /// Headline.
    #[serde(default)]
    pub title: String,
    /// 副题 (may be empty).
    #[serde(default)]
    pub subtitle: String,
    /// Body paragraphs in reading order (bylines, captions and credits included).
    #[serde(default)]
    pub paragraphs: Vec<String>,
}

impl SourceArticle {
    /// True for the empty advertisement placeholders (`广告` with no text), which are skipped.
    pub fn is_placeholder(&self) -> bool {
        self.paragraphs.iter().all(|p| p.trim().is_empty()) && self.title.trim() == "广告"
    }
}

/// The articles printed on one page of one issue, in page order.
#[derive(Debug, Clone)]
pub struct Page {
    /// `YYYYMMDD`.
    pub date: String,
    /// Page number.
    pub page: u32,
    /// The articles, sorted by `seq`.
    pub articles: Vec<SourceArticle>,
}

impl Page {
    /// `YYYYMM` of the issue.
    pub fn month(&self) -> &str {
        self.date.get(..6).unwrap_or(&self.date)
    }
}

/// Reads a JSON-lines articles file.
pub fn load_articles(path: &Path) -> Result<Vec<SourceArticle>, GenError> {
    let text = std::fs::read_to_string(path).map_err(|source| GenError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_articles(&text, path)
}

/// Parses JSON-lines article records; `path` only names the source in errors.
pub fn parse_articles(text: &str, path: &Path) -> Result<Vec<SourceArticle>, GenError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| GenError::BadArticle {
                path: path.to_path_buf(),
                line: i + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// Groups articles by date and page (placeholders dropped), pages sorted by date and number.
pub fn group_pages(articles: &[SourceArticle]) -> Vec<Page> {
    let mut map: BTreeMap<(String, u32), Vec<SourceArticle>> = BTreeMap::new();
    for a in articles.iter().filter(|a| !a.is_placeholder()) {
        map.entry((a.date.clone(), a.page))
            .or_default()
            .push(a.clone());
    }
    map.into_iter()
        .map(|((date, page), mut articles)| {
            articles.sort_by_key(|a| a.seq);
            Page {
                date,
                page,
                articles,
            }
        })
        .collect()
}
