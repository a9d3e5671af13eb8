//! newsseg splits Chinese newspaper page dumps (PDF or OCR extraction, e-paper crawls) back
//! into articles: each article's lines in reading order, each line with a [`Role`], page
//! furniture and duplicates set aside, every input byte accounted for.
//!
//! ```
//! use newsseg::{Role, Segmenter};
//!
//! let page = "甲县推进乡村振兴\n\n本报讯（记者张三）甲县近日召开会议，部署乡村振兴工作。\n\n\
//!             会议要求，各乡镇要抓好落实。\n";
//! let segmentation = Segmenter::default().segment(page);
//! let article = &segmentation.articles[0];
//! assert_eq!(article.title, "甲县推进乡村振兴");
//! assert_eq!(article.blocks[0].role, Role::Headline);
//! // Spans are byte offsets into the caller's text.
//! let first = &article.blocks[0];
//! assert_eq!(&page[first.start..first.end], "甲县推进乡村振兴");
//! ```
//!
//! The pipeline (see `docs/ARCHITECTURE.md`): [`Document::parse`] builds lines and blocks;
//! every [`Detector`] adds weighted [`Evidence`]; the decoder picks roles and story
//! boundaries globally; the linker re-joins fragments of one story, orders them and drops
//! duplicates; the result is a [`Segmentation`].

pub mod config;
mod decoder;
mod detector;
pub mod detectors;
mod document;
mod error;
mod evidence;
mod head_runs;
mod linker;
mod output;
pub mod reading_order;
pub mod records;
mod role;
mod segmentation;
mod segmenter;
mod span;
mod streams;
pub mod text;

pub use config::Config;
pub use decoder::Decoded;
pub use detector::Detector;
pub use document::{line_spans, Block, Document, Layout, Line};
pub use error::Error;
pub use evidence::{Cue, Evidence, EvidenceSink, Fired, Target};
pub use linker::Linked;
pub use role::{Role, UnknownRole};
pub use segmentation::{Article, BlockSpan, Segmentation};
pub use segmenter::{Explanation, Segmenter, SegmenterBuilder};
pub use span::Span;
