//! Continuation: a block that ends inside a sentence (no terminal punctuation, or on a comma
//! or an open quote) is continued by the next block, unless that one is a head line; a
//! block that starts in mid-sentence (clause punctuation, a closing quote) does not open a
//! story.

use super::shape::{is_head_shaped, MAX_HEAD_CHARS};
use crate::text::{ends_mid_sentence, starts_with_clause_punct};
use crate::{Block, Detector, Document, EvidenceSink, Role};

/// True when a block of running text stops inside a sentence. Head lines never end a
/// sentence, so a short block counts only when it reads as prose (clause marks inside) or
/// stops on a comma or an open quote.
pub fn looks_cut(block: &Block<'_>) -> bool {
    let text = block.text.trim_end();
    if !ends_mid_sentence(text) {
        return false;
    }
    let clause_marks = text
        .chars()
        .filter(|c| matches!(c, '，' | ',' | '、' | '；'))
        .count();
    block.chars > MAX_HEAD_CHARS
        || clause_marks >= 2
        || text.ends_with(['，', ',', '、', '“', '‘', '（', '(', '：', ':', '；'])
}

/// Emits evidence against a boundary after text that stops mid-sentence (unless a head line
/// follows) and before text that starts mid-sentence.
pub struct Continuation;

impl Detector for Continuation {
    fn name(&self) -> &str {
        "continuation"
    }

    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
        let blocks = doc.blocks();
        for g in 0..doc.gap_count() {
            let (above, below) = (&blocks[g], &blocks[g + 1]);
            // A head line below does not go on with the sentence: the text that does is
            // elsewhere (a column fragment printed out of order).
            if looks_cut(above) && !is_head_shaped(below) {
                out.boundary(g, -3.0);
            }
            if starts_with_clause_punct(&below.text) {
                out.boundary(g, -3.0);
                for role in [Role::Headline, Role::Kicker, Role::Byline] {
                    out.role(g + 1, role, -3.0);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::evidence_of;
    use super::*;
    use crate::Evidence;

    fn evidence(text: &str) -> Evidence {
        evidence_of(&Continuation, text)
    }

    #[test]
    fn cut_paragraph_is_continued() {
        let ev = evidence("甲县今年以来深入推进改革，各项工作取得积极进展，群众的获得感更\n\n加充实。乙镇先行先试，探索出一条新路子。\n\n，受到群众欢迎。\n");
        assert!(ev.boundary(0) < 0.0);
        assert!(ev.boundary(1) < 0.0);
        assert!(ev.roles(2)[Role::Headline.index()] < 0.0);
    }

    #[test]
    fn a_head_line_does_not_continue_a_cut_sentence() {
        let ev = evidence("甲县今年以来深入推进改革，各项工作取得积极进展，群众的获得感更\n\n乙县举办农民丰收节\n");
        assert_eq!(ev.boundary(0), 0.0);
    }

    #[test]
    fn complete_paragraphs_say_nothing() {
        assert_eq!(
            evidence("第一段结束了。\n\n第二段开始。\n").boundary(0),
            0.0
        );
    }
}
