//! `newsseg config`: the built-in configuration as TOML, read back unchanged.

mod common;

use common::newsseg_stdout;
use newsseg::detectors::BUILTIN;
use newsseg::Config;

/// The standard output of `newsseg config`.
fn printed_config() -> String {
    newsseg_stdout(["config"])
}

#[test]
fn the_printed_configuration_reads_back_as_the_built_in_one() {
    let text = printed_config();
    let read = Config::from_toml(&text).unwrap();
    let builtin = Config::default();
    assert_eq!(read.cohesion, builtin.cohesion, "{text}");
    assert_eq!(read.decoder, builtin.decoder, "{text}");
    assert_eq!(read.linker, builtin.linker, "{text}");
    // Every built-in detector is listed, and nothing else, each on at weight 1.
    let mut listed: Vec<&str> = read.detectors.keys().map(String::as_str).collect();
    let mut expected = BUILTIN.to_vec();
    listed.sort_unstable();
    expected.sort_unstable();
    assert_eq!(listed, expected, "{text}");
    for (name, detector) in &read.detectors {
        assert!(detector.enabled && detector.weight == 1.0, "{name}: {text}");
    }
}

#[test]
fn numbers_print_as_the_configuration_holds_them() {
    // An `f32` widened to `f64` prints as `-1.600000023841858`; the file says `-1.6`.
    let text = printed_config();
    for line in text.lines() {
        let Some((key, value)) = line.split_once(" = ") else {
            continue;
        };
        if let Some((_, decimals)) = value.split_once('.') {
            assert!(decimals.len() <= 6, "{key} = {value}");
        }
    }
}
