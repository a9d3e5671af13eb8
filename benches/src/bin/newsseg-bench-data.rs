//! Writes a JSONL file of page dumps (`{"id", "text"}` per line) of at least a given size,
//! repeating the benchmark pages: `newsseg-bench-data OUT.jsonl SIZE_MB`.

use newsseg_benches::load_pages;
use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(out), Some(Ok(size_mb))) = (args.get(1), args.get(2).map(|s| s.parse::<u64>()))
    else {
        eprintln!("usage: newsseg-bench-data OUT.jsonl SIZE_MB");
        std::process::exit(2);
    };
    let pages = load_pages();
    eprintln!("pages from {}", pages.source);
    let target = size_mb * 1_000_000;
    let mut writer = BufWriter::new(std::fs::File::create(out)?);
    let mut written = 0u64;
    'outer: for round in 0.. {
        for (i, text) in pages.dumps.iter().enumerate() {
            let line = serde_json::json!({"id": format!("r{round}-p{i}"), "text": text});
            let line = format!("{line}\n");
            writer.write_all(line.as_bytes())?;
            written += line.len() as u64;
            if written >= target {
                break 'outer;
            }
        }
    }
    writer.flush()?;
    eprintln!("wrote {written} bytes to {out}");
    Ok(())
}
