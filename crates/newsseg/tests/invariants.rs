//! Properties every segmentation must have, on arbitrary input: spans in bounds and on
//! character boundaries, no overlaps, every non-blank line covered exactly once.

use newsseg::{Segmentation, Segmenter};
use proptest::prelude::*;

fn check(text: &str, seg: &Segmentation) {
    let lines: Vec<&str> = text
        .strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .collect();
    let line_count = if text.is_empty() { 0 } else { lines.len() };
    let mut covered = vec![0u32; line_count];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for b in seg.all_blocks() {
        assert!(
            b.start <= b.end && b.end <= text.len(),
            "span {b:?} out of bounds"
        );
        assert!(
            text.is_char_boundary(b.start) && text.is_char_boundary(b.end),
            "span {b:?} splits a char"
        );
        assert!(
            1 <= b.line_start && b.line_start <= b.line_end && b.line_end <= line_count,
            "{b:?}"
        );
        for l in b.line_start..=b.line_end {
            covered[l - 1] += 1;
        }
        spans.push((b.start, b.end));
    }
    spans.sort_unstable();
    for w in spans.windows(2) {
        assert!(
            w[0].1 <= w[1].0,
            "overlapping spans {:?} and {:?}",
            w[0],
            w[1]
        );
    }
    for (i, line) in lines.iter().take(line_count).enumerate() {
        let blank = line.trim().is_empty();
        let expected = u32::from(!blank);
        assert!(
            covered[i] == expected || blank && covered[i] <= 1,
            "line {} covered {} times: {line:?}",
            i + 1,
            covered[i]
        );
    }
}

fn newsy_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_string()),
        Just("第 3 页".to_string()),
        Just("本报讯（记者张三）甲县近日召开会议，部署工作。".to_string()),
        Just("张三 摄".to_string()),
        Just("——写在甲县撤县设市之际".to_string()),
        Just("甲县推进乡村振兴".to_string()),
        Just("会议要求，各乡镇要抓好落实，确保各项任务".to_string()),
        Just("，按期完成。".to_string()),
        Just("用 机 器 公 司".to_string()),
        "[\\p{Han}，。、“”a-z0-9 ]{0,60}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_is_fully_accounted_for(text in any::<String>()) {
        let seg = Segmenter::default().segment(&text);
        check(&text, &seg);
    }

    #[test]
    fn newspaper_like_lines_are_fully_accounted_for(lines in proptest::collection::vec(newsy_line(), 0..40), crlf in any::<bool>()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        let seg = Segmenter::default().segment(&text);
        check(&text, &seg);
    }
}

#[test]
fn empty_and_blank_inputs() {
    for text in ["", "\n", "\n\n  \n", "\r\n"] {
        let seg = Segmenter::default().segment(text);
        assert!(
            seg.articles.is_empty() && seg.dropped.is_empty(),
            "{text:?}"
        );
    }
}

#[test]
fn a_page_converted_from_html_reads_as_plain_text() {
    let text =
        "# 甲县果园用上智慧灌溉\n\n**本报记者 张三**\n\n![](https://img.example.com/a.jpg)\n\n\
                甲县果园用上了智慧灌溉系统，节水三成。果农们说，今年的收成比往年更好。\n\n\
                [返回首页](https://www.example.com/)\n";
    let seg = Segmenter::default().segment(text);
    check(text, &seg);
    assert_eq!(seg.articles.len(), 1, "{seg:?}");
    assert_eq!(seg.articles[0].title, "甲县果园用上智慧灌溉");
    let author = seg.articles[0]
        .blocks
        .iter()
        .find(|b| b.line_start == 3)
        .expect("the author line is in the article");
    assert_eq!(&text[author.start..author.end], "本报记者 张三");
    let dropped: Vec<usize> = seg.dropped.iter().map(|b| b.line_start).collect();
    assert_eq!(dropped, [5, 9], "the image and the link are page furniture");
}

#[test]
fn a_page_left_in_html_reads_as_plain_text() {
    let text = "<div class=\"article\">\n<h1>甲县果园用上智慧灌溉</h1>\n\
                <p><strong>本报记者 张三</strong></p>\n\
                <p>　　甲县果园用上了智慧灌溉系统，节水三成。果农们说，今年的收成比往年更好。</p>\n\
                </div>\n";
    let seg = Segmenter::default().segment(text);
    check(text, &seg);
    assert_eq!(seg.articles.len(), 1, "{seg:?}");
    assert_eq!(seg.articles[0].title, "甲县果园用上智慧灌溉");
    let span = |line: usize| {
        let block = seg.articles[0]
            .blocks
            .iter()
            .find(|b| b.line_start == line)
            .expect("the line is in the article");
        &text[block.start..block.end]
    };
    assert_eq!(span(3), "本报记者 张三");
    assert!(span(4).starts_with("甲县果园") && span(4).ends_with("更好。"));
    let dropped: Vec<usize> = seg.dropped.iter().map(|b| b.line_start).collect();
    assert_eq!(
        dropped,
        [1, 5],
        "the lines of tags alone are page furniture"
    );
}
