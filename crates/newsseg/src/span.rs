//! Byte spans into the caller's text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the text given to the segmenter.
///
/// Both ends always sit on UTF-8 character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered text of `haystack`.
    pub fn slice<'t>(&self, haystack: &'t str) -> &'t str {
        &haystack[self.start..self.end]
    }
}
