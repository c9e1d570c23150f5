//! Non-interactive outputs of a plan: text, Markdown (and the document they
//! share).

pub mod document;
pub mod html;
pub mod markdown;
pub mod text;

pub use document::{Block, Document};
