//! End-to-end tests of `newsseg batch`: inputs, outputs, bad input, exit statuses.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A made-up page dump of `articles` articles (headline, byline paragraph, body), seeded
/// by `seed` so that dumps differ.
fn dump(seed: usize, articles: usize) -> String {
    const WORDS: [&str; 8] = [
        "乡村振兴",
        "产业发展",
        "生态保护",
        "科技创新",
        "文化建设",
        "基层治理",
        "民生改善",
        "对外开放",
    ];
    let mut text = String::from("第5版 要闻\n\n");
    for a in 0..articles {
        let w = WORDS[(seed + a) % WORDS.len()];
        let v = WORDS[(seed * 3 + a + 1) % WORDS.len()];
        text.push_str(&format!("甲县扎实推进{w}\n\n"));
        text.push_str(&format!(
            "本报讯（记者张{a}）甲县近日召开会议，部署{w}和{v}工作。\n\n"
        ));
        text.push_str(&format!(
            "会议要求，各乡镇要把{v}\n落到实处，确保取得实效。\n\n"
        ));
    }
    text
}

fn newsseg() -> Command {
    Command::cargo_bin("newsseg").expect("the newsseg binary is built")
}

/// Runs `newsseg batch ARGS` and returns (exit status, stdout, stderr).
fn batch(args: &[&str]) -> (i32, String, String) {
    let out = newsseg().arg("batch").args(args).output().unwrap();
    (
        out.status.code().expect("exited normally"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn jsonl(records: &[Value]) -> Vec<u8> {
    records
        .iter()
        .map(|r| format!("{r}\n"))
        .collect::<String>()
        .into_bytes()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::encode_all(bytes, 3).unwrap()
}

/// `newsseg segment` of `text`, as JSON.
fn segment(text: &str) -> Value {
    let out = newsseg().arg("segment").write_stdin(text).output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A batch record without its id: the segmentation contract.
fn without_id(record: &Value) -> Value {
    let mut r = record.clone();
    r.as_object_mut().unwrap().remove("id");
    r
}

/// Pseudo-random bytes, the same on every run.
fn garbage(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn batch_equals_segment_per_document() {
    let dir = TempDir::new().unwrap();
    let texts: Vec<String> = (0..6).map(|i| dump(i, 1 + i % 3)).collect();
    for (i, t) in texts.iter().enumerate() {
        write(dir.path(), &format!("pages/p{i}.txt"), t.as_bytes());
    }
    write(dir.path(), "pages/skip.md", b"not selected by --glob");
    let (code, out, err) = batch(&["--glob", "*.txt", s(&dir.path().join("pages"))]);
    assert_eq!(code, 0, "{err}");
    let records = json_lines(&out);
    assert_eq!(records.len(), texts.len());
    for (i, (record, text)) in records.iter().zip(&texts).enumerate() {
        let id = record["id"].as_str().unwrap();
        assert!(id.ends_with(&format!("p{i}.txt")), "{id}");
        assert_eq!(without_id(record), segment(text));
    }
    assert!(err.contains("6 docs"), "{err}");
    let (code, out, err) = batch(&["--glob", "*.none", s(&dir.path().join("pages"))]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(
        err.contains("no file below") && err.contains("0 docs"),
        "{err}"
    );
}

#[test]
fn jsonl_records_equal_segment_and_keep_ids() {
    let dir = TempDir::new().unwrap();
    let texts: Vec<String> = (0..4).map(|i| dump(i, 2)).collect();
    let records: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"doc": i, "body": t, "other": [1, 2]}))
        .collect();
    let input = write(dir.path(), "in.jsonl", &jsonl(&records));
    let (code, out, err) = batch(&["--text-field", "body", "--id-field", "doc", s(&input)]);
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    for (i, (line, text)) in lines.iter().zip(&texts).enumerate() {
        assert_eq!(line["id"], json!(i));
        assert_eq!(without_id(line), segment(text));
    }
    assert_eq!(lines.len(), texts.len());
}

#[test]
fn gzip_and_zstd_inputs_match_plain() {
    let dir = TempDir::new().unwrap();
    let text = dump(1, 3);
    let records = jsonl(&[
        json!({"id": "a", "text": dump(2, 2)}),
        json!({"id": "b", "text": text}),
    ]);
    let plain = batch(&[s(&write(dir.path(), "d.jsonl", &records))]);
    let gz = batch(&[s(&write(dir.path(), "d.jsonl.gz", &gzip(&records)))]);
    let zst = batch(&[s(&write(dir.path(), "d.jsonl.zst", &zstd(&records)))]);
    assert_eq!(plain.0, 0, "{}", plain.2);
    assert_eq!((gz.0, &gz.1), (0, &plain.1));
    assert_eq!((zst.0, &zst.1), (0, &plain.1));
    for name in ["t.txt.gz", "t.txt.zst"] {
        let bytes = if name.ends_with("gz") {
            gzip(text.as_bytes())
        } else {
            zstd(text.as_bytes())
        };
        let (code, out, err) = batch(&[s(&write(dir.path(), name, &bytes))]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(without_id(&json_lines(&out)[0]), segment(&text));
    }
}

#[test]
fn stdin_text_and_jsonl() {
    let text = dump(3, 2);
    let out = newsseg()
        .args(["batch", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["id"], "<stdin>");
    assert_eq!(without_id(&line), segment(&text));
    let out = newsseg()
        .args(["batch", "--input-format", "jsonl", "-"])
        .write_stdin(jsonl(&[json!({"id": 7, "text": text})]))
        .output()
        .unwrap();
    assert!(out.status.success());
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["id"], 7);
}

#[test]
fn output_is_deterministic_across_threads_and_chunks() {
    let dir = TempDir::new().unwrap();
    let records: Vec<Value> = (0..40)
        .map(|i| json!({"id": i, "text": dump(i, 1 + i % 4)}))
        .collect();
    let input = write(dir.path(), "in.jsonl", &jsonl(&records));
    let one = batch(&["--threads", "1", s(&input)]);
    let many = batch(&["--threads", "2", "--chunk-bytes", "1", s(&input)]);
    assert_eq!(one.0, 0);
    assert_eq!(one.1, many.1);
    let ids: Vec<Value> = json_lines(&one.1).iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, (0..40).map(|i| json!(i)).collect::<Vec<_>>());
}

#[test]
fn split_records_match_input_slices() {
    let dir = TempDir::new().unwrap();
    let texts: Vec<String> = (0..3).map(|i| dump(i, 3)).collect();
    let records: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": format!("d{i}"), "text": t}))
        .collect();
    let input = write(dir.path(), "in.jsonl", &jsonl(&records));
    let (code, out, err) = batch(&["--split", s(&input)]);
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    let expected: usize = texts
        .iter()
        .map(|t| segment(t)["articles"].as_array().unwrap().len())
        .sum();
    assert_eq!(lines.len(), expected);
    for line in &lines {
        let doc: usize = line["id"].as_str().unwrap()[1..].parse().unwrap();
        assert_split_record_matches(line, &texts[doc]);
    }
}

/// A `--split` record's text, roles, byte spans and char spans agree with the input.
fn assert_split_record_matches(line: &Value, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let spans = line["spans"].as_array().unwrap();
    let char_spans = line["char_spans"].as_array().unwrap();
    assert_eq!(line["roles"].as_array().unwrap().len(), spans.len());
    let mut slices = Vec::new();
    for (span, cspan) in spans.iter().zip(char_spans) {
        let (start, end) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
        let slice = &text[start as usize..end as usize];
        let (cs, ce) = (cspan[0].as_u64().unwrap(), cspan[1].as_u64().unwrap());
        assert_eq!(
            chars[cs as usize..ce as usize].iter().collect::<String>(),
            slice
        );
        slices.push(slice);
    }
    assert_eq!(line["text"], slices.join("\n"));
}

#[test]
fn real_page_batch_equals_segment() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/page-2021-08.txt");
    if !page.exists() {
        eprintln!("skipping: {} is absent", page.display());
        return;
    }
    let text = std::fs::read_to_string(&page).unwrap();
    let (code, out, err) = batch(&["--quiet", s(&page)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(without_id(&json_lines(&out)[0]), segment(&text));
    let (code, out, err) = batch(&["--quiet", "--split", s(&page)]);
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert!(!lines.is_empty());
    for line in &lines {
        assert_split_record_matches(line, &text);
    }
}

#[test]
fn invalid_utf8_names_file_and_offset_or_is_replaced() {
    let dir = TempDir::new().unwrap();
    let mut bytes = "标题\n\n正文".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xff\xfe tail\n");
    let input = write(dir.path(), "bad.txt", &bytes);
    let (code, _, err) = batch(&[s(&input)]);
    assert_eq!(code, 1);
    assert!(err.contains("bad.txt:3"), "{err}");
    assert!(
        err.contains(&format!("invalid UTF-8 at byte {offset}")),
        "{err}"
    );
    let (code, out, err) = batch(&["--lossy", s(&input)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(json_lines(&out).len(), 1);
    assert!(err.contains("1 lossy"), "{err}");

    let first = b"{\"id\":1,\"text\":\"ok\"}\n";
    let mut lines = first.to_vec();
    lines.extend_from_slice(b"{\"id\":2,\"text\":\"\xc3\"}\n");
    let input = write(dir.path(), "bad.jsonl", &lines);
    let (code, _, err) = batch(&[s(&input)]);
    assert_eq!(code, 1);
    let at = first.len() + 16;
    assert!(
        err.contains(&format!("bad.jsonl:2: invalid UTF-8 at byte {at}")),
        "{err}"
    );
}

#[test]
fn empty_documents_are_counted_and_output() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "in/a.txt", b"");
    write(dir.path(), "in/b.txt", b"  \n\n");
    write(
        dir.path(),
        "in/c.jsonl",
        &jsonl(&[json!({"id": "e", "text": ""})]),
    );
    let (code, out, err) = batch(&[s(&dir.path().join("in"))]);
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    for line in &lines {
        assert_eq!(line["articles"], json!([]));
    }
    assert!(err.contains("3 docs (3 empty"), "{err}");
}

#[test]
fn long_line_without_newline_works() {
    const LEN: usize = 32 << 20;
    let dir = TempDir::new().unwrap();
    let line = "新闻正文内容，".repeat(LEN / 21);
    let input = write(dir.path(), "long.txt", line.as_bytes());
    let (code, out, err) = batch(&["--quiet", s(&input)]);
    assert_eq!(code, 0, "{err}");
    let record = &json_lines(&out)[0];
    let blocks = record["articles"][0]["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0]["end"], json!(line.len()));
    let input = write(
        dir.path(),
        "long.jsonl",
        format!("{}", json!({"id": 0, "text": line})).as_bytes(),
    );
    let (code, out, err) = batch(&["--quiet", s(&input)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(json_lines(&out).len(), 1);
}

#[test]
fn malformed_jsonl_and_missing_fields_name_the_line() {
    let dir = TempDir::new().unwrap();
    let good = json!({"id": "g", "text": dump(0, 1)}).to_string();
    let cases = [
        ("{\"id\": \"x\", \"text\": ", "malformed JSON"),
        ("{\"id\": \"x\"}", "missing field \"text\""),
        ("{\"text\": \"x\"}", "missing field \"id\""),
        (
            "{\"id\": \"x\", \"text\": 3}",
            "field \"text\" is not a string",
        ),
        ("[1, 2]", "not a JSON object"),
    ];
    for (bad, reason) in cases {
        let input = write(
            dir.path(),
            "in.jsonl",
            format!("{good}\n\n{bad}\n{good}\n").as_bytes(),
        );
        let (code, _, err) = batch(&[s(&input)]);
        assert_eq!(code, 1, "{bad}");
        assert!(err.contains("in.jsonl:3: "), "{err}");
        assert!(err.contains(reason), "{err}");
        let (code, out, err) = batch(&["--skip-bad", s(&input)]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(json_lines(&out).len(), 2);
        assert!(
            err.contains("skipped") && err.contains("in.jsonl:3"),
            "{err}"
        );
        assert!(err.contains("1 skipped"), "{err}");
    }
}

#[test]
fn binary_garbage_is_an_error_never_a_panic() {
    let dir = TempDir::new().unwrap();
    let junk = garbage(100_000);
    for name in ["junk.txt", "junk.jsonl", "junk.txt.gz", "junk.jsonl.zst"] {
        let input = write(dir.path(), name, &junk);
        let (code, _, err) = batch(&[s(&input)]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains(name), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        let (code, _, err) = batch(&["--skip-bad", "--lossy", s(&input)]);
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(code, 0, "{name}: {err}");
        assert!(err.contains("skipped") || err.contains("1 lossy"), "{err}");
    }
}

#[test]
fn output_file_appears_only_when_complete() {
    let dir = TempDir::new().unwrap();
    let out_file = dir.path().join("out/result.jsonl");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let bad = write(
        dir.path(),
        "bad.jsonl",
        b"{\"id\":1,\"text\":\"a\"}\nnot json\n",
    );
    let (code, _, _) = batch(&["--output", s(&out_file), s(&bad)]);
    assert_eq!(code, 1);
    let left: Vec<_> = std::fs::read_dir(dir.path().join("out")).unwrap().collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    let good = write(dir.path(), "good.txt", dump(0, 2).as_bytes());
    let (code, stdout, err) = batch(&["--output", s(&out_file), s(&good)]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty());
    assert_eq!(
        json_lines(&std::fs::read_to_string(&out_file).unwrap()).len(),
        1
    );
}

#[test]
fn output_dir_holds_shards_of_n_records() {
    let dir = TempDir::new().unwrap();
    let records: Vec<Value> = (0..5)
        .map(|i| json!({"id": i, "text": dump(i, 1)}))
        .collect();
    let input = write(dir.path(), "in.jsonl", &jsonl(&records));
    let shards = dir.path().join("shards");
    let (code, _, err) = batch(&["--output-dir", s(&shards), "--shard-size", "2", s(&input)]);
    assert_eq!(code, 0, "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&shards)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    );
    let counts: Vec<usize> = names
        .iter()
        .map(|n| json_lines(&std::fs::read_to_string(shards.join(n)).unwrap()).len())
        .collect();
    assert_eq!(counts, [2, 2, 1]);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let (code, _, err) = batch(&["/nonexistent/newsseg/input.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/newsseg/input.txt"), "{err}");
    let (code, _, _) = batch(&["--shard-size", "0", "-"]);
    assert_eq!(code, 2);
    let help = newsseg().args(["batch", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(
        help.contains("Exit status:") && help.contains("1  bad input"),
        "{help}"
    );
}
