//! Generation profiles: layout weights and the rates of every artifact, loadable from TOML.

use crate::error::GenError;
use serde::{Deserialize, Serialize};

/// How a dump is laid out and which artifacts it gets. Every rate is a probability in `[0, 1]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// Weight of layout (a): paragraphs separated by blank lines.
    pub layout_paragraphs: f64,
    /// Weight of layout (b): one paragraph per line, no blank lines.
    pub layout_lines: f64,
    /// Weight of layout (c): hard-wrapped lines, PDF-like.
    pub layout_wrapped: f64,
    /// Shortest wrap width (chars) of layout (c); the width is drawn per dump.
    pub wrap_min: usize,
    /// Longest wrap width (chars) of layout (c).
    pub wrap_max: usize,
    /// Most articles in one dump; larger pages contribute a window of consecutive articles.
    pub max_articles: usize,
    /// Probability of drawing a page that has a single article.
    pub single_article_pages: f64,
    /// Probability of page header lines on top and footer lines at the bottom.
    pub header_rate: f64,
    /// Layout (c): probability, per line, of a furniture line dropped after it.
    pub furniture_rate: f64,
    /// Layout (c): probability, per line, of justified spacing (spaces between characters).
    pub justify_rate: f64,
    /// Probability, per dump, of half-width punctuation (`，` → `,`) in the body text.
    pub halfwidth_rate: f64,
    /// Probability, per article, of being cut into column fragments.
    pub fragment_rate: f64,
    /// Most fragments per cut article (at least 2).
    pub max_fragments: usize,
    /// Probability that a cut falls inside a paragraph (mid-sentence) rather than between two.
    pub midsentence_rate: f64,
    /// Probability that a cut article's fragments are printed in reverse order.
    pub reverse_rate: f64,
    /// Probability that a cut article's fragments are shuffled (when not reversed).
    pub shuffle_rate: f64,
    /// Probability, per article, that its head block is printed after its body.
    pub trailing_head_rate: f64,
    /// Probability, per article, that its head block is separated from its body by other stories.
    pub detached_head_rate: f64,
    /// Probability, per joint between two fragments, of a duplicated line at the joint.
    pub dup_rate: f64,
    /// Probability, per pair of neighbouring stories each printed head first, that their
    /// head lines come out interleaved (A's first, B's first, A's second …) above both
    /// bodies, as extraction reading across two boxes side by side gives them.
    pub interleave_head_rate: f64,
    /// Layout (c): probability, per pair of neighbouring pieces, that their lines come out
    /// interleaved, one of each in turn, from a line of the first on (a box set beside a
    /// column, or two columns side by side, read across by extraction).
    pub interleave_lines_rate: f64,
    /// Probability, per dump, that every paragraph's first line is indented (two ideographic
    /// spaces, or four spaces in layout (c) as `pdftotext -layout` keeps them), as web
    /// editions and many extractions print paragraphs.
    pub indent_rate: f64,
    /// Probability, per dump, that every curly quote is printed straight (`“”` → `"`,
    /// `‘’` → `'`), titles included, as web pages and many extractions print them.
    pub straight_quote_rate: f64,
}

impl Default for Profile {
    /// A mixed profile: every layout, moderate artifacts.
    fn default() -> Self {
        Profile {
            layout_paragraphs: 1.0,
            layout_lines: 1.0,
            layout_wrapped: 1.0,
            wrap_min: 25,
            wrap_max: 40,
            max_articles: 8,
            single_article_pages: 0.1,
            header_rate: 0.5,
            furniture_rate: 0.02,
            justify_rate: 0.02,
            halfwidth_rate: 0.2,
            fragment_rate: 0.3,
            max_fragments: 4,
            midsentence_rate: 0.7,
            reverse_rate: 0.3,
            shuffle_rate: 0.3,
            trailing_head_rate: 0.1,
            detached_head_rate: 0.1,
            dup_rate: 0.1,
            interleave_head_rate: 0.0,
            interleave_lines_rate: 0.0,
            indent_rate: 0.0,
            straight_quote_rate: 0.0,
        }
    }
}

/// Names of the built-in presets, in the order of the dev sets.
pub const PRESETS: [&str; 8] = [
    "clean",
    "scrambled",
    "wrapped",
    "columns",
    "interleaved",
    "crossed",
    "justified",
    "mixed",
];

impl Profile {
    /// Layouts (a) and (b), no scrambling, no furniture.
    pub fn clean() -> Self {
        Profile {
            layout_wrapped: 0.0,
            header_rate: 0.0,
            furniture_rate: 0.0,
            justify_rate: 0.0,
            halfwidth_rate: 0.0,
            fragment_rate: 0.0,
            trailing_head_rate: 0.0,
            detached_head_rate: 0.0,
            dup_rate: 0.0,
            ..Profile::default()
        }
    }

    /// Layouts (a) and (b) with fragments out of order, detached and trailing heads, duplicates.
    pub fn scrambled() -> Self {
        Profile {
            layout_wrapped: 0.0,
            header_rate: 0.2,
            halfwidth_rate: 0.1,
            fragment_rate: 0.7,
            reverse_rate: 0.35,
            shuffle_rate: 0.5,
            trailing_head_rate: 0.25,
            detached_head_rate: 0.25,
            dup_rate: 0.3,
            ..Profile::default()
        }
    }

    /// Layout (c): hard-wrapped, page furniture between lines, justified lines, half-width
    /// punctuation, light column scrambling.
    pub fn wrapped() -> Self {
        Profile {
            layout_paragraphs: 0.0,
            layout_lines: 0.0,
            header_rate: 0.9,
            furniture_rate: 0.03,
            justify_rate: 0.03,
            halfwidth_rate: 0.3,
            fragment_rate: 0.3,
            reverse_rate: 0.2,
            shuffle_rate: 0.2,
            trailing_head_rate: 0.05,
            detached_head_rate: 0.05,
            dup_rate: 0.15,
            ..Profile::default()
        }
    }

    /// Layout (c) in narrow newspaper columns, as multi-column PDF extraction gives them:
    /// lines of 10–20 characters (titles, set across columns, are wider), more justified
    /// lines, numbers split over lines; artifacts as in [`Profile::wrapped`].
    pub fn columns() -> Self {
        Profile {
            wrap_min: 10,
            wrap_max: 20,
            justify_rate: 0.08,
            ..Profile::wrapped()
        }
    }

    /// Layouts (a), (b) and (c) with no scrambling or furniture, where half of the pairs of
    /// neighbouring stories have their head lines interleaved.
    pub fn interleaved() -> Self {
        Profile {
            layout_wrapped: 1.0,
            interleave_head_rate: 0.5,
            ..Profile::clean()
        }
    }

    /// Layout (c) in columns of 10–30 characters where three pairs of neighbouring pieces
    /// in ten have their lines interleaved, one of each in turn (a box set beside a column,
    /// or two columns, read across by extraction); artifacts as in [`Profile::wrapped`].
    pub fn crossed() -> Self {
        Profile {
            wrap_min: 10,
            wrap_max: 30,
            interleave_lines_rate: 0.3,
            ..Profile::wrapped()
        }
    }

    /// Layout (c) where half of the lines are justified, spaces set between all their
    /// characters, as the extraction of some PDFs gives every full line; artifacts as in
    /// [`Profile::wrapped`].
    pub fn justified() -> Self {
        Profile {
            justify_rate: 0.5,
            ..Profile::wrapped()
        }
    }

    /// A built-in preset by name (see [`PRESETS`]).
    pub fn preset(name: &str) -> Option<Self> {
        match name {
            "clean" => Some(Profile::clean()),
            "scrambled" => Some(Profile::scrambled()),
            "wrapped" => Some(Profile::wrapped()),
            "columns" => Some(Profile::columns()),
            "interleaved" => Some(Profile::interleaved()),
            "crossed" => Some(Profile::crossed()),
            "justified" => Some(Profile::justified()),
            "mixed" => Some(Profile::default()),
            _ => None,
        }
    }

    /// Reads a profile from TOML; missing keys keep the values of `base`.
    pub fn from_toml(text: &str, base: &Profile, origin: &str) -> Result<Self, GenError> {
        let bad = |message: String| GenError::BadProfile {
            origin: origin.to_string(),
            message,
        };
        let overrides: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| bad(e.to_string()))?;
        let mut merged = toml::Table::try_from(base).map_err(|e| bad(e.to_string()))?;
        merged.extend(overrides);
        let profile: Profile = merged
            .try_into()
            .map_err(|e: toml::de::Error| bad(e.to_string()))?;
        profile.validate().map_err(bad)?;
        Ok(profile)
    }

    /// Applies one `key=value` override (the value in TOML syntax, e.g. `dup_rate=0.5`).
    pub fn with_setting(&self, setting: &str) -> Result<Self, GenError> {
        let origin = format!("--set {setting}");
        let Some((key, value)) = setting.split_once('=') else {
            return Err(GenError::BadProfile {
                origin,
                message: "expected KEY=VALUE".to_string(),
            });
        };
        Profile::from_toml(&format!("{} = {}", key.trim(), value.trim()), self, &origin)
    }

    /// Checks ranges: rates in `[0, 1]`, weights non-negative with a positive sum, widths sane.
    pub fn validate(&self) -> Result<(), String> {
        let rates = [
            ("single_article_pages", self.single_article_pages),
            ("header_rate", self.header_rate),
            ("furniture_rate", self.furniture_rate),
            ("justify_rate", self.justify_rate),
            ("halfwidth_rate", self.halfwidth_rate),
            ("fragment_rate", self.fragment_rate),
            ("midsentence_rate", self.midsentence_rate),
            ("reverse_rate", self.reverse_rate),
            ("shuffle_rate", self.shuffle_rate),
            ("trailing_head_rate", self.trailing_head_rate),
            ("detached_head_rate", self.detached_head_rate),
            ("dup_rate", self.dup_rate),
            ("interleave_head_rate", self.interleave_head_rate),
            ("interleave_lines_rate", self.interleave_lines_rate),
            ("indent_rate", self.indent_rate),
            ("straight_quote_rate", self.straight_quote_rate),
        ];
        if let Some((name, v)) = rates.iter().find(|(_, v)| !(0.0..=1.0).contains(v)) {
            return Err(format!("{name} = {v} is not in [0, 1]"));
        }
        let weights = self.layout_weights();
        if weights.iter().any(|w| *w < 0.0) || weights.iter().sum::<f64>() <= 0.0 {
            return Err("layout weights must be >= 0 with a positive sum".to_string());
        }
        if self.wrap_min < 4 || self.wrap_max < self.wrap_min {
            return Err("need 4 <= wrap_min <= wrap_max".to_string());
        }
        if self.max_articles == 0 || self.max_fragments < 2 {
            return Err("need max_articles >= 1 and max_fragments >= 2".to_string());
        }
        Ok(())
    }

    /// Weights of layouts (a), (b), (c).
    pub fn layout_weights(&self) -> [f64; 3] {
        [
            self.layout_paragraphs,
            self.layout_lines,
            self.layout_wrapped,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_overrides_keep_the_base() {
        let p =
            Profile::from_toml("dup_rate = 0.5\nwrap_min = 30", &Profile::clean(), "t").unwrap();
        assert_eq!(p.dup_rate, 0.5);
        assert_eq!(p.wrap_min, 30);
        assert_eq!(p.fragment_rate, 0.0);
    }

    #[test]
    fn bad_profiles_are_rejected() {
        let base = Profile::default();
        assert!(Profile::from_toml("no_such_key = 1", &base, "t").is_err());
        assert!(Profile::from_toml("dup_rate = 2.0", &base, "t").is_err());
        assert!(base.with_setting("dup_rate").is_err());
        assert_eq!(base.with_setting("dup_rate=0.25").unwrap().dup_rate, 0.25);
    }

    #[test]
    fn presets_are_valid() {
        for name in PRESETS {
            Profile::preset(name).unwrap().validate().unwrap();
        }
    }
}
