//! Built-in detectors, one module each, and the registry that builds them by name.

pub mod furniture;

use crate::config::Config;
use crate::Detector;

/// Names of the built-in detectors, in the order they run.
pub const BUILTIN: &[&str] = &["furniture"];

/// Builds built-in detector `name` from the configuration, `None` for an unknown name.
pub fn builtin(name: &str, config: &Config) -> Option<Box<dyn Detector>> {
    let _ = config;
    match name {
        "furniture" => Some(Box::new(furniture::Furniture)),
        _ => None,
    }
}
