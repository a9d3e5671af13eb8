//! What the CLI tests share.

use std::ffi::OsStr;
use std::process::Command;

/// Runs `newsseg` with `args`, asserts that it succeeded and returns its standard output.
pub fn newsseg_stdout<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(args: I) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_newsseg"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
