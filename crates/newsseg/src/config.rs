//! Configuration: detector weights and decoder parameters, read from TOML with serde.
//!
//! Every key has a built-in default, so an empty file is a valid configuration; unknown
//! keys are rejected with an error naming them.

use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The whole configuration of a [`Segmenter`](crate::Segmenter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Per-detector settings, by detector name; detectors not named keep their defaults.
    pub detectors: BTreeMap<String, DetectorConfig>,
    /// Lexical cohesion settings.
    pub cohesion: CohesionConfig,
    /// Decoder parameters.
    pub decoder: DecoderConfig,
    /// Linker parameters.
    pub linker: LinkerConfig,
}

impl Config {
    /// Reads a configuration from TOML text.
    pub fn from_toml(text: &str) -> Result<Config, Error> {
        Ok(toml::from_str(text)?)
    }

    /// The settings of detector `name` (defaults when not configured).
    pub fn detector(&self, name: &str) -> DetectorConfig {
        self.detectors.get(name).cloned().unwrap_or_default()
    }
}

/// Settings shared by every detector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DetectorConfig {
    /// Whether the detector runs.
    pub enabled: bool,
    /// Factor applied to every score the detector emits.
    pub weight: f32,
}

impl Default for DetectorConfig {
    fn default() -> Self {
        DetectorConfig {
            enabled: true,
            weight: 1.0,
        }
    }
}

/// How lexical cohesion compares neighbouring windows of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CohesionUnit {
    /// Character bigrams of Han text (fast; the default).
    #[default]
    Bigram,
    /// Words from the jieba-rs segmenter.
    Words,
}

/// Settings of the lexical cohesion detector and of cohesion in the linker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CohesionConfig {
    /// Unit of comparison.
    pub unit: CohesionUnit,
    /// Number of blocks on each side of a gap that form a window.
    pub window: usize,
}

impl Default for CohesionConfig {
    fn default() -> Self {
        CohesionConfig {
            unit: CohesionUnit::Bigram,
            window: 2,
        }
    }
}

/// Parameters of the global decoder: the cost of opening a story, and a prior per state
/// (added to the evidence; negative: the state needs evidence to be chosen).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DecoderConfig {
    /// Cost of opening a story (higher: fewer stories).
    pub new_story_cost: f32,
    /// Extra cost of opening a story without a head (kicker or headline).
    pub headless_story_cost: f32,
    /// Cost of a byline inside a story body.
    pub inner_byline_cost: f32,
    /// Blocks whose noise evidence reaches this score are set aside as page furniture.
    pub noise_threshold: f32,
    /// Prior of a kicker.
    pub kicker_prior: f32,
    /// Prior of a headline that opens the story below it.
    pub headline_prior: f32,
    /// Prior of a headline printed after its body.
    pub trailing_headline_prior: f32,
    /// Prior of a subtitle.
    pub subtitle_prior: f32,
    /// Prior of an author line.
    pub author_prior: f32,
    /// Prior of a byline paragraph.
    pub byline_prior: f32,
    /// Prior of a subhead.
    pub subhead_prior: f32,
    /// Cost of a story with a single subhead (paid by its first subhead and paid back by
    /// its second): subheads come in series, and a lone head-shaped line between two
    /// bodies is more often a story's headline.
    pub single_subhead_cost: f32,
    /// Prior of a caption.
    pub caption_prior: f32,
    /// Prior of a credit line.
    pub credit_prior: f32,
}

impl Default for DecoderConfig {
    fn default() -> Self {
        DecoderConfig {
            new_story_cost: 2.0,
            headless_story_cost: 1.0,
            inner_byline_cost: 3.0,
            noise_threshold: 3.0,
            kicker_prior: -1.8,
            headline_prior: -1.0,
            trailing_headline_prior: -2.5,
            subtitle_prior: -1.75,
            author_prior: -2.25,
            byline_prior: -2.25,
            subhead_prior: -1.2,
            single_subhead_cost: 0.6,
            caption_prior: -1.5,
            credit_prior: -2.5,
        }
    }
}

/// Parameters of the linker that re-joins fragments of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LinkerConfig {
    /// Whether fragments are re-joined, reordered and de-duplicated.
    pub enabled: bool,
    /// Minimum score for joining a head-only story to a headless one.
    pub head_join_threshold: f32,
    /// Minimum score for a mid-sentence join between two blocks.
    pub continuation_threshold: f32,
    /// Bonus of keeping a block's neighbour in the dump as its successor.
    pub dump_order_bonus: f32,
    /// Minimum similarity (bigram Jaccard) for two blocks to be duplicates.
    pub duplicate_similarity: f32,
    /// How much closer (bigram cosine) the tail of a story must read to the next story,
    /// which opens with a head, than to the rest of its own for the tail to move there.
    pub tail_move_margin: f32,
}

impl Default for LinkerConfig {
    fn default() -> Self {
        LinkerConfig {
            enabled: true,
            head_join_threshold: 0.2,
            continuation_threshold: 2.0,
            dump_order_bonus: 5.0,
            duplicate_similarity: 0.9,
            tail_move_margin: 0.15,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_is_default() {
        assert_eq!(Config::from_toml("").unwrap(), Config::default());
    }

    #[test]
    fn unknown_key_is_named() {
        let err = Config::from_toml("[decoder]\nnew_story = 1.0\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("new_story"), "{err}");
        let err = Config::from_toml("[detectors.byline]\nwieght = 2.0\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("wieght"), "{err}");
    }

    #[test]
    fn detector_settings_parse() {
        let c =
            Config::from_toml("[detectors.byline]\nweight = 2.5\n[cohesion]\nunit = \"words\"\n")
                .unwrap();
        assert_eq!(c.detector("byline").weight, 2.5);
        assert!(c.detector("byline").enabled);
        assert_eq!(c.cohesion.unit, CohesionUnit::Words);
    }
}
