//! The role a line plays on the page.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a line is: part of an article's head, its body, a photo item, or dropped text.
///
/// The names (lower case) are those of the gold label format (`docs/FORMATS.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 引题: a short line printed above a headline.
    Kicker,
    /// 主题: the headline.
    Headline,
    /// 副题: a subtitle, often opening with `——`.
    Subtitle,
    /// An author line under the headline (names only).
    Author,
    /// A body paragraph that opens with a byline or dateline (`本报讯（…）`, `新华社…电`).
    Byline,
    /// A short section heading inside a body.
    Subhead,
    /// An ordinary body paragraph.
    Body,
    /// A photo caption.
    Caption,
    /// A photo or graphic credit (`…摄`, `供图`).
    Credit,
    /// Page furniture: headers, footers, edition lines, source lines.
    Noise,
    /// A duplicated copy of text that appears elsewhere in the dump.
    Dup,
}

impl Role {
    /// Number of roles.
    pub const COUNT: usize = 11;

    /// Every role, in declaration order (the order of [`Role::index`]).
    pub const ALL: [Role; Role::COUNT] = [
        Role::Kicker,
        Role::Headline,
        Role::Subtitle,
        Role::Author,
        Role::Byline,
        Role::Subhead,
        Role::Body,
        Role::Caption,
        Role::Credit,
        Role::Noise,
        Role::Dup,
    ];

    /// Dense index of the role, `0..Role::COUNT`.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The label-format name, e.g. `"headline"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Kicker => "kicker",
            Role::Headline => "headline",
            Role::Subtitle => "subtitle",
            Role::Author => "author",
            Role::Byline => "byline",
            Role::Subhead => "subhead",
            Role::Body => "body",
            Role::Caption => "caption",
            Role::Credit => "credit",
            Role::Noise => "noise",
            Role::Dup => "dup",
        }
    }

    /// True for the roles of an article's head: kicker, headline, subtitle, author.
    pub fn is_head(self) -> bool {
        matches!(
            self,
            Role::Kicker | Role::Headline | Role::Subtitle | Role::Author
        )
    }

    /// True for text set aside from every article: noise and dup.
    pub fn is_dropped(self) -> bool {
        matches!(self, Role::Noise | Role::Dup)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The error for a role name that is not one of [`Role::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role `{0}` (expected one of kicker headline subtitle author byline subhead body caption credit noise dup)")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Role, UnknownRole> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>().unwrap(), role);
            assert_eq!(Role::ALL[role.index()], role);
        }
        assert!("title".parse::<Role>().is_err());
    }
}
