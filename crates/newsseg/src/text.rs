//! Character-level helpers for Chinese newspaper text (full- and half-width punctuation).

/// True for characters that end a sentence: `。！？!?；;…` and the ASCII full stop.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '.' | '．'
    )
}

/// True for closing quotes and brackets that may follow a sentence end (`。”`).
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '】' | '"' | '\''
    )
}

/// True for characters that cannot open a sentence: clause punctuation and closers.
pub fn is_clause_punct(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '：' | ':' | '；' | ';') || is_terminal(c) || is_closer(c)
}

/// True for CJK ideographs (the unified block and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// True for any punctuation, ASCII or CJK.
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{2010}'..='\u{2027}' | '·')
}

/// True when the text ends a sentence, possibly followed by closing quotes (`…。”`).
pub fn ends_sentence(text: &str) -> bool {
    let mut chars = text.trim_end().chars().rev();
    loop {
        match chars.next() {
            Some(c) if is_terminal(c) => return true,
            Some(c) if is_closer(c) => continue,
            _ => return false,
        }
    }
}

/// True when the text ends inside a sentence: no terminal punctuation, or an open quote.
pub fn ends_mid_sentence(text: &str) -> bool {
    match text.trim_end().chars().last() {
        None => false,
        Some(c) => {
            !ends_sentence(text) && !is_closer(c)
                || matches!(c, '“' | '‘' | '「' | '（' | '(' | '，' | ',' | '、')
        }
    }
}

/// True when the text opens with clause punctuation or a closer, i.e. in mid-sentence.
pub fn starts_with_clause_punct(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(is_clause_punct)
}

/// Number of characters (not bytes).
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// Removes white space that sits between two CJK characters or punctuation marks, as
/// justified PDF extraction leaves it (`用 机 器 公 司` becomes `用机器公司`).
/// Returns `None` when there is nothing to remove (never wrong to treat as unchanged).
pub fn squeeze_cjk_spaces(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    if memchr::memchr2(b' ', b'\t', bytes).is_none()
        && memchr::memmem::find(bytes, "\u{3000}".as_bytes()).is_none()
    {
        return None;
    }
    let wide = |c: char| is_han(c) || (!c.is_ascii() && is_punct(c));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0; // bytes of `text` already copied to `out` or dropped
    let mut pos = 0;
    // Each maximal run of white space goes when the characters either side are wide.
    while let Some(offset) = text[pos..].find(char::is_whitespace) {
        let start = pos + offset;
        let end = text[start..]
            .find(|c: char| !c.is_whitespace())
            .map_or(text.len(), |e| start + e);
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(wide) && after.is_some_and(wide) {
            out.push_str(&text[copied..start]);
            copied = end;
        }
        pos = end;
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("他说。"));
        assert!(ends_sentence("“好。”"));
        assert!(ends_sentence("Done."));
        assert!(!ends_sentence("更深入、充"));
        assert!(!ends_sentence("以“"));
        assert!(ends_mid_sentence("更深入、充"));
        assert!(ends_mid_sentence("他说，"));
        assert!(ends_mid_sentence("他说：“"));
        assert!(!ends_mid_sentence("他说。”"));
    }

    #[test]
    fn clause_start() {
        assert!(starts_with_clause_punct("，然后"));
        assert!(starts_with_clause_punct("”他说"));
        assert!(!starts_with_clause_punct("然后"));
    }

    #[test]
    fn squeezes_justified_text() {
        assert_eq!(
            squeeze_cjk_spaces("用 机 器 公 司").as_deref(),
            Some("用机器公司")
        );
        assert_eq!(squeeze_cjk_spaces("张三 李四").as_deref(), Some("张三李四"));
        assert_eq!(squeeze_cjk_spaces("GDP 增长"), None);
        assert_eq!(squeeze_cjk_spaces("无空格"), None);
    }

    /// The former character-by-character implementation, as the reference.
    fn squeeze_by_chars(text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let wide = |c: char| is_han(c) || (!c.is_ascii() && is_punct(c));
        let mut out = String::with_capacity(text.len());
        let mut changed = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_whitespace() {
                let run_end = chars[i..]
                    .iter()
                    .position(|c| !c.is_whitespace())
                    .map_or(chars.len(), |p| i + p);
                let before = i.checked_sub(1).map(|p| chars[p]);
                let after = chars.get(run_end).copied();
                if before.is_some_and(wide) && after.is_some_and(wide) {
                    changed = true;
                    i = run_end;
                    continue;
                }
            }
            out.push(c);
            i += 1;
        }
        changed.then_some(out)
    }

    #[test]
    fn squeezes_runs_like_the_character_definition() {
        for text in [
            "用 机 器 公 司",
            "  用  机\t\u{3000}器 a 公 ，司 ",
            "张三\u{3000}\u{3000}李四 。 ABC  的",
            " 首 ",
            "末 \u{a0} 尾\u{a0}",
            "“ 引 ” （ 括 ）",
        ] {
            assert_eq!(squeeze_cjk_spaces(text), squeeze_by_chars(text), "{text:?}");
        }
    }
}
