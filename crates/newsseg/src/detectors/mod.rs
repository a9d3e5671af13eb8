//! Built-in detectors, one module each, and the registry that builds them by name.

pub mod author;
pub mod byline;
pub mod closing;
pub mod cohesion;
pub mod continuation;
pub mod furniture;
pub mod headline;
pub mod opening;
pub mod photo;
pub mod shape;
pub mod spacing;
pub mod subhead;
pub mod table;
pub mod verse;
pub mod width;

use crate::config::Config;
use crate::Detector;

/// Names of the built-in detectors, in the order they run.
pub const BUILTIN: &[&str] = &[
    "furniture",
    "byline",
    "photo",
    "closing",
    "spacing",
    "width",
    "headline",
    "table",
    "verse",
    "author",
    "subhead",
    "continuation",
    "cohesion",
    "opening",
];

/// Builds built-in detector `name` from the configuration, `None` for an unknown name.
pub fn builtin(name: &str, config: &Config) -> Option<Box<dyn Detector>> {
    Some(match name {
        "furniture" => Box::new(furniture::Furniture),
        "byline" => Box::new(byline::Byline),
        "photo" => Box::new(photo::Photo),
        "closing" => Box::new(closing::Closing),
        "spacing" => Box::new(spacing::Spacing),
        "width" => Box::new(width::ColumnWidth),
        "headline" => Box::new(headline::Headline),
        "table" => Box::new(table::Table),
        "verse" => Box::new(verse::Verse),
        "author" => Box::new(author::Author),
        "subhead" => Box::new(subhead::Subhead),
        "continuation" => Box::new(continuation::Continuation),
        "cohesion" => Box::new(cohesion::Cohesion::new(config.cohesion.clone())),
        "opening" => Box::new(opening::Opening),
        _ => return None,
    })
}

/// The evidence one detector alone writes for a page (for the detectors' tests).
#[cfg(test)]
pub(crate) fn evidence_of(detector: &dyn Detector, page: &str) -> crate::Evidence {
    let doc = crate::Document::parse(page);
    let mut ev = crate::Evidence::new(doc.blocks().len(), false);
    detector.detect(&doc, &mut ev.sink(detector.name(), 1.0));
    ev
}

/// A paragraph wrapped in a column 13 characters wide (for the detectors' tests).
#[cfg(test)]
pub(crate) const COLUMN_OF_13: &str = "了全县的发展情况，并表示将\n继续推进各项改革措施落地见\n\
                                        效，让改革成果更多惠及群众\n。乙镇先行先试，探索出一条\n\
                                        新路子，受到群众普遍欢迎。\n";
