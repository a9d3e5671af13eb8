//! The facade: configuration in, [`Segmentation`] out.

use crate::config::Config;
use crate::decoder::{decode, Decoded};
use crate::detectors;
use crate::linker::{link, unlinked, Linked};
use crate::output::build_segmentation;
use crate::{Detector, Document, Error, Evidence, Segmentation};

/// Splits page dumps into articles. Build once, then call [`Segmenter::segment`] from any
/// number of threads.
pub struct Segmenter {
    config: Config,
    detectors: Vec<(Box<dyn Detector>, f32)>,
}

/// Everything the segmenter computed for one dump, for `newsseg explain` and tests.
pub struct Explanation<'t> {
    /// The parsed document.
    pub document: Document<'t>,
    /// The weighted evidence, with every fired cue traced.
    pub evidence: Evidence,
    /// The decoder's result.
    pub decoded: Decoded,
    /// The linker's result (stories in reading order, decisions with scores).
    pub linked: Linked,
    /// The final segmentation.
    pub segmentation: Segmentation,
}

impl Segmenter {
    /// A segmenter with configuration `config` and every enabled built-in detector.
    pub fn new(config: Config) -> Result<Segmenter, Error> {
        SegmenterBuilder {
            config,
            extra: Vec::new(),
        }
        .build()
    }

    /// A builder, to add third-party detectors.
    pub fn builder() -> SegmenterBuilder {
        SegmenterBuilder {
            config: Config::default(),
            extra: Vec::new(),
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Names of the detectors that run, in order.
    pub fn detector_names(&self) -> Vec<&str> {
        self.detectors.iter().map(|(d, _)| d.name()).collect()
    }

    /// Segments one dump into articles.
    pub fn segment(&self, text: &str) -> Segmentation {
        self.run(text, false).segmentation
    }

    /// Segments one dump and keeps everything computed on the way.
    pub fn explain<'t>(&self, text: &'t str) -> Explanation<'t> {
        self.run(text, true)
    }

    fn run<'t>(&self, text: &'t str, trace: bool) -> Explanation<'t> {
        let document = Document::parse(text);
        let mut evidence = Evidence::new(document.blocks().len(), trace);
        for (detector, weight) in &self.detectors {
            let mut sink = evidence.sink(detector.name(), *weight);
            detector.detect(&document, &mut sink);
        }
        let decoded = decode(&document, &evidence, &self.config.decoder);
        let linked = if self.config.linker.enabled {
            link(&document, &evidence, &decoded, &self.config.linker)
        } else {
            unlinked(&decoded)
        };
        let segmentation = build_segmentation(&document, &linked);
        Explanation {
            document,
            evidence,
            decoded,
            linked,
            segmentation,
        }
    }
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter::new(Config::default()).expect("the default configuration is valid")
    }
}

/// Builds a [`Segmenter`] from a configuration plus third-party detectors.
pub struct SegmenterBuilder {
    config: Config,
    extra: Vec<(Box<dyn Detector>, f32)>,
}

impl SegmenterBuilder {
    /// Uses `config` (default: [`Config::default`]).
    pub fn config(mut self, config: Config) -> SegmenterBuilder {
        self.config = config;
        self
    }

    /// Adds a third-party detector whose scores are scaled by `weight`. A `[detectors.NAME]`
    /// section of the configuration overrides the weight or disables it.
    pub fn detector(mut self, detector: Box<dyn Detector>, weight: f32) -> SegmenterBuilder {
        self.extra.push((detector, weight));
        self
    }

    /// Checks the configuration and builds the segmenter.
    pub fn build(self) -> Result<Segmenter, Error> {
        let extra_names: Vec<String> = self
            .extra
            .iter()
            .map(|(d, _)| d.name().to_string())
            .collect();
        for name in self.config.detectors.keys() {
            if !detectors::BUILTIN.contains(&name.as_str()) && !extra_names.contains(name) {
                let known = detectors::BUILTIN
                    .iter()
                    .map(|s| s.to_string())
                    .chain(extra_names.clone());
                return Err(Error::UnknownDetector(
                    name.clone(),
                    known.collect::<Vec<_>>().join(", "),
                ));
            }
        }
        let mut list = Vec::new();
        for name in detectors::BUILTIN {
            let settings = self.config.detector(name);
            if settings.enabled {
                let detector =
                    detectors::builtin(name, &self.config).expect("built-in names resolve");
                list.push((detector, settings.weight));
            }
        }
        for (detector, weight) in self.extra {
            let settings = self.config.detectors.get(detector.name()).cloned();
            match settings {
                Some(s) if !s.enabled => {}
                Some(s) => list.push((detector, s.weight)),
                None => list.push((detector, weight)),
            }
        }
        Ok(Segmenter {
            config: self.config,
            detectors: list,
        })
    }
}
