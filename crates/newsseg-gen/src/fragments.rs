//! Column fragments: cutting an article's units into pieces, mid-sentence or between paragraphs.

use crate::rng::Rng;
use crate::roles::{ends_sentence, Unit};
use newsseg::Role;

/// Shortest part (in chars) a mid-sentence cut may leave on either side.
const MIN_PART_CHARS: usize = 4;
/// Attempts at finding a cut before giving up on one.
const CUT_ATTEMPTS: usize = 8;

/// Splits `text` at char position `at`; `None` unless both parts have at least four chars
/// (`MIN_PART_CHARS`), neither is blank, and the first does not end a sentence.
pub fn cut_mid_sentence(text: &str, at: usize) -> Option<(String, String)> {
    let count = text.chars().count();
    if at < MIN_PART_CHARS || at + MIN_PART_CHARS > count {
        return None;
    }
    let byte = text.char_indices().nth(at)?.0;
    let (first, second) = text.split_at(byte);
    let cuttable = !first.trim().is_empty()
        && !second.trim().is_empty()
        && !first.ends_with(char::is_whitespace)
        && !ends_sentence(first);
    cuttable.then(|| (first.to_string(), second.to_string()))
}

/// True for the roles whose text may be cut between two pieces, mid-sentence or not.
pub(crate) fn is_cuttable(role: Role) -> bool {
    matches!(role, Role::Body | Role::Byline)
}

/// Where a cut goes: piece index and unit index within the piece.
struct Cut {
    piece: usize,
    unit: usize,
}

/// Cuts `units` (the article in reading order, head first) into up to `parts` pieces, never
/// inside the first `head_len` units nor right after them. A cut is mid-sentence with
/// probability `midsentence_rate`, else between two paragraphs. Concatenating the pieces gives
/// back the article (a mid-sentence cut turns one unit into two whose texts concatenate to it).
pub fn cut_into_pieces(
    units: Vec<Unit>,
    head_len: usize,
    parts: usize,
    midsentence_rate: f64,
    rng: &mut Rng,
) -> Vec<Vec<Unit>> {
    let mut pieces = vec![units];
    for _ in 1..parts {
        let mid = rng.chance(midsentence_rate);
        let done = (0..CUT_ATTEMPTS).any(|_| {
            if mid {
                try_mid_sentence_cut(&mut pieces, head_len, rng)
            } else {
                try_paragraph_cut(&mut pieces, head_len, rng)
            }
        });
        if !done {
            break;
        }
    }
    pieces
}

/// A random unit that may be cut: not in the head, not the first body unit of the article
/// when the head is empty (so that every piece keeps text).
fn random_unit(pieces: &[Vec<Unit>], head_len: usize, rng: &mut Rng) -> Option<Cut> {
    let piece = rng.below(pieces.len());
    let first = if piece == 0 { head_len } else { 0 };
    if first >= pieces[piece].len() {
        return None;
    }
    Some(Cut {
        piece,
        unit: rng.range(first, pieces[piece].len() - 1),
    })
}

fn try_mid_sentence_cut(pieces: &mut Vec<Vec<Unit>>, head_len: usize, rng: &mut Rng) -> bool {
    let Some(cut) = random_unit(pieces, head_len, rng) else {
        return false;
    };
    let unit = &pieces[cut.piece][cut.unit];
    if !is_cuttable(unit.role) {
        return false;
    }
    let at = rng.range(1, unit.text.chars().count().saturating_sub(1));
    let Some((first, second)) = cut_mid_sentence(&unit.text, at) else {
        return false;
    };
    let role = unit.role;
    let piece = &mut pieces[cut.piece];
    let mut tail = piece.split_off(cut.unit);
    tail[0].text = second;
    piece.push(Unit { role, text: first });
    pieces.insert(cut.piece + 1, tail);
    true
}

fn try_paragraph_cut(pieces: &mut Vec<Vec<Unit>>, head_len: usize, rng: &mut Rng) -> bool {
    let Some(cut) = random_unit(pieces, head_len, rng) else {
        return false;
    };
    let min = if cut.piece == 0 { head_len + 1 } else { 1 };
    if cut.unit < min {
        return false;
    }
    let tail = pieces[cut.piece].split_off(cut.unit);
    pieces.insert(cut.piece + 1, tail);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(role: Role, text: &str) -> Unit {
        Unit {
            role,
            text: text.to_string(),
        }
    }

    #[test]
    fn mid_sentence_cut_leaves_an_open_fragment() {
        let text = "清晨的集市上人来人往，摊主们忙着摆放新鲜的蔬菜。";
        let (first, second) = cut_mid_sentence(text, 6).unwrap();
        assert_eq!(format!("{first}{second}"), text);
        assert!(!ends_sentence(&first));
        assert_eq!(first, "清晨的集市上");
        // Right after a full stop there is no mid-sentence cut.
        let stop = text.chars().position(|c| c == '，').unwrap() + 1;
        assert!(cut_mid_sentence("他笑了。然后走开了，没有回头。", 4).is_none());
        assert!(cut_mid_sentence(text, stop).is_some());
        assert!(cut_mid_sentence(text, 1).is_none());
    }

    #[test]
    fn pieces_concatenate_back_to_the_article() {
        let units = vec![
            unit(Role::Headline, "一个标题"),
            unit(
                Role::Body,
                "第一段文字比较长，讲了一件发生在小镇上的事情，大家都很关心。",
            ),
            unit(
                Role::Body,
                "第二段文字继续讲述，镇上的人们聚在一起商量对策，最后有了办法。",
            ),
            unit(Role::Subhead, "新的开始"),
            unit(
                Role::Body,
                "第三段说明了结果，问题得到了解决，居民们都很满意。",
            ),
        ];
        let whole: String = units.iter().map(|u| u.text.as_str()).collect();
        for seed in 0..50 {
            let mut rng = Rng::new(seed);
            let pieces = cut_into_pieces(units.clone(), 1, 4, 0.7, &mut rng);
            assert!(pieces.len() >= 2, "seed {seed}");
            assert!(pieces.iter().all(|p| !p.is_empty()));
            assert_eq!(pieces[0][0].role, Role::Headline);
            assert!(pieces[0].len() >= 2, "head stays with some body");
            let joined: String = pieces.iter().flatten().map(|u| u.text.as_str()).collect();
            assert_eq!(joined, whole);
        }
    }

    #[test]
    fn some_cut_is_mid_sentence() {
        let units = vec![unit(
            Role::Body,
            "这是一段没有标题的长文字，它会被切成几块，每一块都可能在句子中间断开，读者需要把它们拼回去。",
        )];
        let mut rng = Rng::new(9);
        let pieces = cut_into_pieces(units, 0, 3, 1.0, &mut rng);
        assert!(pieces.len() >= 2);
        assert!(pieces[..pieces.len() - 1]
            .iter()
            .all(|p| !ends_sentence(&p.last().unwrap().text)));
    }
}
