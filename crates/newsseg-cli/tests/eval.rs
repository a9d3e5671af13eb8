//! `newsseg eval` end to end on a made-up gold directory.

use std::path::PathBuf;
use std::process::{Command, Output};

const DUMP: &str = "河边新桥通车\n\n本报讯 新桥昨日正式通车，两岸居民往来更方便。\n\n\
                    小学新添图书室\n\n孩子们有了读书的好去处。\n";
const LABELS: &str = "a1 headline 0\n\na1 byline 1\n\na2 headline 0\n\na2 body 1\n";

fn gold_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("p1.txt"), DUMP).unwrap();
    std::fs::write(dir.join("p1.labels"), LABELS).unwrap();
    dir
}

fn eval(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsseg"))
        .arg("eval")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn json_report_has_every_system() {
    let dir = gold_dir("eval-json");
    let out = eval(&["--gold", dir.to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for system in ["newsseg", "headline_rule", "texttiling", "one_article"] {
        assert!(json["systems"][system]["bcubed_f1"].is_number(), "{system}");
    }
    // The headline rule finds both stories of this page.
    assert_eq!(json["systems"]["headline_rule"]["exact_match"], 1.0);
}

#[test]
fn gate_lists_every_failure() {
    let dir = gold_dir("eval-gate");
    let gate = dir.join("gate.toml");
    std::fs::write(
        &gate,
        "[min]\nbcubed_f1 = 1.01\nexact_match = 1.01\n[max]\npk = 1.0\n",
    )
    .unwrap();
    let out = eval(&[
        "--gold",
        dir.to_str().unwrap(),
        "--gate",
        gate.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bcubed_f1 = "), "{stderr}");
    assert!(stderr.contains("exact_match = "), "{stderr}");
    assert!(!stderr.contains("pk = "), "{stderr}");
    std::fs::write(&gate, "[max]\npk = 1.0\n").unwrap();
    let out = eval(&[
        "--gold",
        dir.to_str().unwrap(),
        "--gate",
        gate.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
