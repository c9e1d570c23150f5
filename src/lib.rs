//! careguide: a terminal guide that walks a patient through a skin
//! treatment, screen by screen.
//!
//! - [`guide`]: the TOML guide format, loading and validation (no terminal).
//! - [`plan`]: a guide merged with add-ons and dated.
//! - [`output`]: the plan as text and Markdown.
//! - [`calendar`]: the plan's reminders as an iCalendar file.
//! - [`i18n`]: the interface's own text, per language.

pub mod app;
pub mod calendar;
pub mod cli;
pub mod commands;
pub mod config;
pub mod dates;
pub mod guide;
pub mod i18n;
pub mod input;
pub mod output;
pub mod pin;
pub mod plain;
pub mod plain_kiosk;
pub mod plan;
pub mod qr;
pub mod speech;
pub mod take_home;
pub mod text;
pub mod toml_reader;
pub mod tui;
pub mod ui;
pub mod wrap;
