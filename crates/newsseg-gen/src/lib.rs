//! Page-dump generator for newsseg: builds synthetic page dumps with gold labels from real
//! articles (grouped by printed page), with the artifacts of real text extraction: layouts,
//! hard wrapping, page furniture, column fragments out of order, detached headlines,
//! duplicated lines. Deterministic per seed. See `docs/GENERATOR.md`.

pub mod compose;
pub mod error;
pub mod fragments;
pub mod furniture;
pub mod generator;
pub mod labels;
pub mod profile;
pub mod rng;
pub mod roles;
pub mod source;

pub use compose::{Dump, DumpLine, Layout};
pub use error::GenError;
pub use generator::{write_devsets, Generator, SetStats, DEVSETS};
pub use labels::Label;
pub use profile::Profile;
pub use rng::Rng;
pub use source::{group_pages, load_articles, Page, SourceArticle};
