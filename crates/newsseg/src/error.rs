//! Errors of the library.

/// Everything that can go wrong when building a [`Segmenter`](crate::Segmenter).
/// Segmenting itself never fails: any text gives a segmentation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The TOML configuration could not be read (bad syntax, unknown key, wrong type); the
    /// message names the key and position.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// `[detectors.NAME]` names no built-in or registered detector.
    #[error("invalid configuration: unknown detector `{0}` in [detectors] (known: {1})")]
    UnknownDetector(String, String),
    /// A weight or parameter is out of its range.
    #[error("invalid configuration: `{key}` {problem}")]
    OutOfRange {
        /// The offending key.
        key: String,
        /// What is wrong with it.
        problem: String,
    },
}

impl From<toml::de::Error> for Error {
    fn from(err: toml::de::Error) -> Error {
        Error::Config(err.to_string())
    }
}
