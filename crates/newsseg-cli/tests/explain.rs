//! `newsseg explain` end to end: the detected layout heads its report, and blocks of a
//! column read across another say which column they are in.

mod common;

use common::newsseg_stdout;

/// Runs `newsseg explain` on `page` and returns its report.
fn explain(name: &str, page: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, page).unwrap();
    newsseg_stdout([std::ffi::OsStr::new("explain"), path.as_os_str()])
}

/// The first line of `newsseg explain`'s report on `page`.
fn layout_line(name: &str, page: &str) -> String {
    explain(name, page)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn explain_marks_the_column_read_across() {
    // A column of 11 characters, a box read across it, a line of each in turn.
    let page = "引入社会资本，采取“政\n相关链接\n府引导、企业运营、村集\n桐湾丝织厂建于1963\n\
                体入股”的方式对老厂区\n年，鼎盛时期有职工两千\n进行改造，累计完成投资\n\
                余人，产品远销海外。\n十二亿元，建成文创园。\n";
    let report = explain("explain-crossed.txt", page);
    let blocks: Vec<&str> = report.lines().filter(|l| l.starts_with("block")).collect();
    assert_eq!(blocks.len(), 3, "{report}");
    assert!(blocks[0].starts_with("block 0 (line 1) "), "{report}");
    assert!(
        blocks[1].starts_with("block 1 (line 2, column 2 read across) "),
        "{report}"
    );
    assert!(
        blocks[2].starts_with("block 2 (line 4, column 2 read across) "),
        "{report}"
    );
}

#[test]
fn explain_reports_the_layout_it_read() {
    let lines = [
        "市里今年新建改建公园十二座，市民休闲有了",
        "更多去处，周末到公园游玩的人越来越多，公",
        "园管理部门也增加了服务人员。",
        "新建的公园里还设置了健身步道和儿童乐园，",
        "受到附近居民的普遍欢迎，不少老人每天都来",
        "散步锻炼，孩子们放学后也常来玩耍。",
    ];
    let wrapped = lines.map(|l| format!("{l}\n")).concat();
    let double_spaced = lines.map(|l| format!("{l}\n\n")).concat();
    let paragraphs = "甲县新建公园十二座。\n\n乙市举办丰收节。\n";
    assert_eq!(
        layout_line("explain-wrapped.txt", &wrapped),
        "layout: hard-wrapped, page column 20 characters"
    );
    assert!(layout_line("explain-double.txt", &double_spaced).contains("double-spaced"));
    assert!(layout_line("explain-paragraphs.txt", paragraphs).contains("not wrapped"));
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("explain-long.txt");
    let page = "河边新桥通车\n\n本报讯 新桥昨日正式通车，两岸居民往来更方便。\n\n".repeat(400);
    std::fs::write(&path, page).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsseg"))
        .arg("explain")
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
