//! Story endings: a line that closes a story (a bracketed attribution such as
//! `（本报记者…）`, `（作者为…）`, `（本报…电）`, a photo or graphic credit) makes the
//! head line right below it open the next story rather than a section of the same one.

use super::photo::is_credit;
use super::shape::is_head_shaped;
use crate::{Detector, Document, EvidenceSink};
use regex::Regex;
use std::sync::OnceLock;

/// Longest closing attribution, in characters.
const MAX_CLOSING_CHARS: usize = 60;
/// Boundary evidence for the gap between a closing line and a head line below it.
const BOUNDARY: f32 = 1.5;

fn attribution_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[（(](?:[^（()）]*(?:记者|通讯员|作者|日电|编译|整理|供稿)[^（()）]*)[）)]$")
            .expect("attribution pattern compiles")
    })
}

/// True for a short line that closes a story: a bracketed attribution or a credit.
pub fn is_closing(text: &str, chars: usize) -> bool {
    let t = text.trim();
    chars <= MAX_CLOSING_CHARS && attribution_pattern().is_match(t) || is_credit(t, chars)
}

/// Emits boundary evidence between a closing line and a head line right below it.
pub struct Closing;

impl Detector for Closing {
    fn name(&self) -> &str {
        "closing"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        for (i, pair) in blocks.windows(2).enumerate() {
            if is_closing(&pair[0].text, pair[0].chars) && is_head_shaped(&pair[1]) {
                out.boundary(i, BOUNDARY);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Evidence;

    #[test]
    fn closing_lines() {
        for text in [
            "（本报记者张三、李四）",
            "（作者为某大学教授）",
            "（本报甲市2月3日电）",
            "（记者王五采访整理）",
            "赵六 摄",
        ] {
            assert!(is_closing(text, text.chars().count()), "{text}");
        }
        for text in ["（一）", "（上接第二版）", "会议要求，各乡镇要抓好落实。"]
        {
            assert!(!is_closing(text, text.chars().count()), "{text}");
        }
    }

    #[test]
    fn head_line_after_a_closing_line_opens_a_story() {
        let page = "会议要求，各乡镇要抓好落实，确保各项任务按期完成。\n\n（本报记者张三）\n\n\
                    乙市新建三座公园\n\n乙市今年新建三座公园，市民休闲有了新去处。\n";
        let doc = Document::parse(page);
        let mut ev = Evidence::new(doc.blocks().len(), false);
        Closing.detect(&doc, &mut ev.sink("closing", 1.0));
        assert_eq!(ev.boundary(1), BOUNDARY);
        assert_eq!(ev.boundary(0), 0.0);
        assert_eq!(ev.boundary(2), 0.0);
    }
}
