//! The plug-in point: a [`Detector`] reads a document and emits evidence.

use crate::{Document, EvidenceSink};

/// A source of evidence about roles and story boundaries.
///
/// Implement this to add a heuristic without forking newsseg; register it with
/// [`SegmenterBuilder::detector`](crate::SegmenterBuilder::detector). A detector must not
/// panic on any input and should cost at most a few passes over the text.
///
/// ```
/// use newsseg::{Detector, Document, EvidenceSink, Role, Segmenter};
///
/// /// Calls every block that starts with `【` a caption.
/// struct Brackets;
///
/// impl Detector for Brackets {
///     fn name(&self) -> &str { "brackets" }
///     fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>) {
///         for (i, block) in doc.blocks().iter().enumerate() {
///             if block.text.starts_with('【') {
///                 out.role(i, Role::Caption, 3.0);
///             }
///         }
///     }
/// }
///
/// let segmenter = Segmenter::builder().detector(Box::new(Brackets), 1.0).build().unwrap();
/// let seg = segmenter.segment("标题\n\n【图片】一张照片。\n");
/// assert!(!seg.articles.is_empty());
/// ```
pub trait Detector: Send + Sync {
    /// A short unique name, used in configuration (`[detectors.NAME]`) and `explain`.
    fn name(&self) -> &str;

    /// Reads `doc` and adds evidence to `out`.
    fn detect(&self, doc: &Document<'_>, out: &mut EvidenceSink<'_>);
}
