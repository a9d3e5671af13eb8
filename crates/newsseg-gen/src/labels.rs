//! A minimal writer of the gold label format (`ARTICLE ROLE [RANK]`, empty for blank lines).

use newsseg::Role;
use std::fmt;

/// The gold label of one dump line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// A blank line (written as an empty label line).
    Blank,
    /// Page furniture belonging to no article (`- noise`).
    Furniture,
    /// A duplicated copy of a line of article `article` (1-based), not in reading position.
    Dup {
        /// 1-based article number.
        article: usize,
    },
    /// A line of article `article` (1-based) with its role and 0-based reading rank.
    Line {
        /// 1-based article number.
        article: usize,
        /// Role of the line.
        role: Role,
        /// 0-based reading position of the line within its article.
        rank: usize,
    },
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Label::Blank => Ok(()),
            Label::Furniture => write!(f, "- {}", Role::Noise),
            Label::Dup { article } => write!(f, "a{article} {}", Role::Dup),
            Label::Line {
                article,
                role,
                rank,
            } => write!(f, "a{article} {role} {rank}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_lines() {
        assert_eq!(Label::Blank.to_string(), "");
        assert_eq!(Label::Furniture.to_string(), "- noise");
        assert_eq!(Label::Dup { article: 2 }.to_string(), "a2 dup");
        let l = Label::Line {
            article: 1,
            role: Role::Headline,
            rank: 0,
        };
        assert_eq!(l.to_string(), "a1 headline 0");
    }
}
