//! `newsseg config`: the built-in configuration as TOML, read back unchanged.

mod common;

use common::newsseg_stdout;
use newsseg::config::DetectorConfig;
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
    let mut builtin = Config::default();
    for name in BUILTIN {
        builtin
            .detectors
            .insert(name.to_string(), DetectorConfig::default());
    }
    assert_eq!(read, builtin, "{text}");
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
