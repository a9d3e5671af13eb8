//! Author lines under a headline: 2–4-character names separated by spaces
//! (`张三 李四`), optionally after `本报记者`/`新华社记者`/`本报评论员`.

use crate::{Detector, Document, EvidenceSink, Role};
use regex::Regex;
use std::sync::OnceLock;

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:(?:本报|新华社|人民日报)?(?:特约)?(?:记者|评论员|通讯员|特约评论员|驻[^\s]{1,6}记者)[\s：:]*)?",
            r"\p{Han}{1,4}(?:·\p{Han}{1,6})?(?:[\s、，,]+\p{Han}{1,4}(?:·\p{Han}{1,6})?){0,5}$",
        ))
        .expect("author pattern compiles")
    })
}

fn has_prefix(line: &str) -> bool {
    [
        "本报",
        "新华社",
        "人民日报",
        "记者",
        "评论员",
        "特约",
        "通讯员",
    ]
    .iter()
    .any(|p| line.starts_with(p))
}

/// Scores a raw line as an author line: 0 when it cannot be one.
pub fn author_score(line: &str) -> f32 {
    let line = line.trim();
    let chars = line.chars().count();
    if chars > 30 || !pattern().is_match(line) {
        return 0.0;
    }
    let names: Vec<usize> = line
        .split(|c: char| c.is_whitespace() || c == '、' || c == '，' || c == ',')
        .filter(|s| !s.is_empty())
        .map(|s| s.chars().count())
        .collect();
    let name_like = names.iter().all(|&n| (2..=3).contains(&n));
    match (has_prefix(line), names.len(), name_like) {
        (true, _, _) => 5.0,
        (false, 2.., true) => 3.5,
        (false, 2.., false) => 1.0,
        _ => 0.0,
    }
}

/// Emits `author` role evidence from the raw text of each single-line block.
pub struct Author;

impl Detector for Author {
    fn name(&self) -> &str {
        "author"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        for (i, block) in doc.blocks().iter().enumerate() {
            if block.lines.len() == 1 {
                let score = author_score(doc.first_line_text(block));
                if score > 0.0 {
                    out.role(i, Role::Author, score);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_lines() {
        assert!(author_score("张三 李四") > 0.0);
        assert!(author_score("本报记者 张三 李四") > author_score("张三 李四"));
        assert!(author_score("本报记者　王五") > 0.0);
        assert!(author_score("甲县推进乡村振兴") == 0.0);
        assert!(author_score("守正创新 技术突破") < author_score("张三 李四"));
        assert!(author_score("会议要求，各乡镇要抓好落实。") == 0.0);
    }
}
