//! Errors of the generator.

use std::path::PathBuf;

/// What can go wrong while loading sources or writing dumps.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    /// A file could not be read or written.
    #[error("I/O error on {path}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line of the articles file is not a valid article record.
    #[error("{path}:{line}: invalid article record: {message}")]
    BadArticle {
        /// The articles file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A profile is not valid TOML or has unknown or ill-typed keys.
    #[error("{origin}: invalid profile: {message}")]
    BadProfile {
        /// Where the profile came from (a file name or `--set`).
        origin: String,
        /// What is wrong.
        message: String,
    },
    /// No page of the articles file can be used.
    #[error("{0}: no usable page (no article with text)")]
    NoPages(PathBuf),
}
