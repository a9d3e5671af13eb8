//! Evidence: what detectors say about blocks and the gaps between them.

use crate::Role;

/// What a piece of evidence is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Content block `i` of the [`Document`](crate::Document).
    Block(usize),
    /// The gap between content blocks `i` and `i + 1`.
    Gap(usize),
}

/// What a piece of evidence claims; the score's sign says for (+) or against (−).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// The block plays this role.
    Role(Role),
    /// A story boundary lies in the gap (negative: the same story goes on).
    Boundary,
    /// The block (a headline group) belongs to the story above it, not the one below.
    AttachUp,
}

/// One fired cue, kept for `newsseg explain`.
#[derive(Debug, Clone, PartialEq)]
pub struct Fired {
    /// Name of the detector that fired.
    pub detector: String,
    /// Where it fired.
    pub target: Target,
    /// What it claims.
    pub cue: Cue,
    /// Its score after the detector's weight is applied.
    pub score: f32,
}

/// Accumulated, weighted evidence for one document.
#[derive(Debug, Clone)]
pub struct Evidence {
    roles: Vec<[f32; Role::COUNT]>,
    gaps: Vec<f32>,
    attach_up: Vec<f32>,
    trace: Option<Vec<Fired>>,
}

impl Evidence {
    /// Empty evidence for `blocks` content blocks; `trace` keeps every fired cue.
    pub fn new(blocks: usize, trace: bool) -> Evidence {
        Evidence {
            roles: vec![[0.0; Role::COUNT]; blocks],
            gaps: vec![0.0; blocks.saturating_sub(1)],
            attach_up: vec![0.0; blocks],
            trace: trace.then(Vec::new),
        }
    }

    /// Summed role scores of block `i`, indexed by [`Role::index`].
    pub fn roles(&self, block: usize) -> &[f32; Role::COUNT] {
        &self.roles[block]
    }

    /// Summed boundary score of gap `g` (positive: a boundary).
    pub fn boundary(&self, gap: usize) -> f32 {
        self.gaps[gap]
    }

    /// Summed attach-up score of block `i`.
    pub fn attach_up(&self, block: usize) -> f32 {
        self.attach_up[block]
    }

    /// Every fired cue, when tracing was asked for.
    pub fn trace(&self) -> &[Fired] {
        self.trace.as_deref().unwrap_or(&[])
    }

    /// A sink through which one detector adds evidence, scaled by `weight`.
    pub fn sink<'e>(&'e mut self, detector: &'e str, weight: f32) -> EvidenceSink<'e> {
        EvidenceSink {
            evidence: self,
            detector,
            weight,
        }
    }
}

/// The handle a [`Detector`](crate::Detector) writes its evidence to.
///
/// Scores are in log-odds-like units: about 1 is a hint, 3 is strong, 6 is near certain.
/// The segmenter scales them by the detector's configured weight.
pub struct EvidenceSink<'e> {
    evidence: &'e mut Evidence,
    detector: &'e str,
    weight: f32,
}

impl EvidenceSink<'_> {
    /// Says block `block` plays `role` (negative `score`: it does not).
    pub fn role(&mut self, block: usize, role: Role, score: f32) {
        let s = score * self.weight;
        self.evidence.roles[block][role.index()] += s;
        self.record(Target::Block(block), Cue::Role(role), s);
    }

    /// Says a story boundary lies in gap `gap` (negative `score`: the story goes on).
    pub fn boundary(&mut self, gap: usize, score: f32) {
        let s = score * self.weight;
        self.evidence.gaps[gap] += s;
        self.record(Target::Gap(gap), Cue::Boundary, s);
    }

    /// Says headline-like block `block` belongs to the story above (negative: below).
    pub fn attach_up(&mut self, block: usize, score: f32) {
        let s = score * self.weight;
        self.evidence.attach_up[block] += s;
        self.record(Target::Block(block), Cue::AttachUp, s);
    }

    fn record(&mut self, target: Target, cue: Cue, score: f32) {
        if let Some(trace) = self.evidence.trace.as_mut() {
            if score != 0.0 {
                trace.push(Fired {
                    detector: self.detector.to_string(),
                    target,
                    cue,
                    score,
                });
            }
        }
    }
}
