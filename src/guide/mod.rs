//! Guides: the data format, loading and validation. Nothing here knows about
//! terminals, and nothing knows about any particular treatment.

pub mod diagnostic;
pub mod fill_in;
pub mod library;
pub mod lint;
pub mod model;
pub mod parity;
pub mod parse;
pub mod readability;
pub mod references;
pub mod sections;
pub mod snapshot;
pub mod stated;
#[doc(hidden)]
pub mod synthetic;
pub mod validate;
pub mod walk;

pub use diagnostic::{Diagnostic, FileReport, Severity};
pub use library::{GuideSource, Library, LoadError};
pub use model::*;
