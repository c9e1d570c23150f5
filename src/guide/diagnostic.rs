//! Problems found in a guide (or config) file, with their positions.
//!
//! A [`Diagnostic`] holds a byte span into the file's text; [`FileReport`]
//! turns spans into `path:line:column` when it prints them.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::text::escape_unsafe;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Does not stop the guide from loading; fails `check --strict`.
    Warning,
    /// The guide cannot be used.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem, located by a byte span in the file (or the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(span: impl Into<Option<Range<usize>>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            span: span.into(),
            message: message.into(),
        }
    }

    pub fn warning(span: impl Into<Option<Range<usize>>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            span: span.into(),
            message: message.into(),
        }
    }
}

/// At most this many problems are listed for one file.
pub const MAX_PER_FILE: usize = 200;

/// A collector that parsing and validation passes push into.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn error(&mut self, span: impl Into<Option<Range<usize>>>, message: impl Into<String>) {
        self.items.push(Diagnostic::error(span, message));
    }

    pub fn warning(&mut self, span: impl Into<Option<Range<usize>>>, message: impl Into<String>) {
        self.items.push(Diagnostic::warning(span, message));
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The diagnostics in file order (by position, errors before warnings at
    /// the same place), which is the order an author fixes them in. A badly
    /// broken file stops at [`MAX_PER_FILE`], with a last line saying how
    /// many more there were.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by_key(|d| {
            (
                d.span.as_ref().map_or(0, |s| s.start),
                std::cmp::Reverse(d.severity),
            )
        });
        if self.items.len() > MAX_PER_FILE {
            let more = self.items.len() - MAX_PER_FILE;
            let last = self.items[MAX_PER_FILE - 1].span.clone();
            self.items.truncate(MAX_PER_FILE);
            self.items.push(Diagnostic::error(
                last,
                format!("... and {more} more problems in this file; fix these first"),
            ));
        }
        self.items
    }
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Maps a byte offset in `text` to a 1-based line and column.
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// The file offset of byte `index` of a text as the author wrote it (its
/// template, when it has one), so a message can point inside a string. A
/// string with escapes, or over several lines, points at its start.
pub fn text_offset(source: &str, text: &crate::guide::model::Text, index: usize) -> Range<usize> {
    let at = text_offset_at(source, text, index);
    at..at
}

fn text_offset_at(source: &str, text: &crate::guide::model::Text, index: usize) -> usize {
    let span = text.span.clone();
    let Some(raw) = source.get(span.clone()) else {
        return span.start;
    };
    let written = text.source_text();
    let quote = match raw.as_bytes().first() {
        Some(b'"') if !raw.starts_with("\"\"\"") && !raw.contains('\\') => 1,
        Some(b'\'') if !raw.starts_with("'''") => 1,
        _ => return span.start,
    };
    match raw[quote..].find(written) {
        Some(at) => span.start + quote + at + index.min(written.len()),
        None => span.start,
    }
}

/// The diagnostics of one file together with the file's text, so they can be
/// printed as `path:line:column: severity: message`.
#[derive(Clone, Debug)]
pub struct FileReport {
    pub path: PathBuf,
    /// The file's text: borrowed when it is a shipped file's exact bytes
    /// (the copy built into the program), so the bytes read need not stay.
    pub source: Cow<'static, str>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn new(
        path: impl Into<PathBuf>,
        source: impl Into<Cow<'static, str>>,
        diagnostics: Vec<Diagnostic>,
    ) -> Self {
        Self {
            path: path.into(),
            source: source.into(),
            diagnostics,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The printed lines, one per diagnostic.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.diagnostics.iter().map(|d| self.line(d))
    }

    /// One diagnostic as `path:line:column: severity: message`. Anything that
    /// came from the file (a key name, a text) is escaped so it cannot drive
    /// the terminal the report is printed on.
    pub fn line(&self, d: &Diagnostic) -> String {
        let pos = position(&self.source, d.span.as_ref().map_or(0, |s| s.start));
        format!(
            "{}:{}:{}: {}: {}",
            escape_unsafe(&self.path.display().to_string()),
            pos.line,
            pos.column,
            d.severity,
            escape_unsafe(&d.message)
        )
    }
}

impl fmt::Display for FileReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.lines() {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position(text, 6), Position { line: 2, column: 1 });
        // "bé = " is 6 bytes but 5 characters
        assert_eq!(position(text, 12), Position { line: 2, column: 6 });
        assert_eq!(position(text, 999).line, 3);
    }

    #[test]
    fn report_lines_escape_terminal_controls() {
        let report = FileReport::new(
            "g.toml",
            "x",
            vec![Diagnostic::error(0..1, "unknown key `\u{1b}[31m`")],
        );
        let line = report.lines().next().unwrap();
        assert_eq!(line, "g.toml:1:1: error: unknown key `\\u{1b}[31m`");
    }
}
