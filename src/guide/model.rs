//! The guide model: what a guide file says, in memory. It knows nothing of
//! terminals or of any particular treatment.

use std::ops::{Deref, Range};

use jiff::civil::Date;

/// Where a line of the plan comes from: the guide itself, or one of its
/// add-ons (an index into [`Guide::addons`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Origin {
    #[default]
    Guide,
    Addon(usize),
}

/// A piece of plain text from a guide file, with its byte span in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub value: String,
    pub span: Range<usize>,
    pub origin: Origin,
}

impl Text {
    pub fn new(value: impl Into<String>, span: Range<usize>) -> Self {
        Self {
            value: value.into(),
            span,
            origin: Origin::Guide,
        }
    }

    /// A text that is not from a file (tests, overrides from the command line).
    pub fn plain(value: impl Into<String>) -> Self {
        Self::new(value, 0..0)
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }

    pub(crate) fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.value
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.value)
    }
}

/// An inclusive range of plan days; Day 0 is the treatment day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayRange {
    pub from: i64,
    pub to: i64,
    pub span: Range<usize>,
}

impl DayRange {
    pub fn contains(&self, day: i64) -> bool {
        self.from <= day && day <= self.to
    }

    pub fn overlaps(&self, other: &DayRange) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    pub fn is_single(&self) -> bool {
        self.from == self.to
    }
}

/// A whole guide, as loaded from one file.
#[derive(Clone, Debug)]
pub struct Guide {
    /// The file it was read from (for messages).
    pub path: std::path::PathBuf,
    pub format_version: i64,
    pub id: Text,
    pub language: Text,
    pub title: Text,
    pub treatment: Text,
    pub content_version: Text,
    pub reviewed: Date,
    pub main_message: Text,
    pub disclaimer: Text,
    pub contact: Contact,
    pub categories: Vec<Category>,
    pub overview: Overview,
    pub preparation: Preparation,
    pub numbing: Numbing,
    pub procedure: Procedure,
    pub aftercare: Vec<AftercareEntry>,
    pub restrictions: Vec<Restriction>,
    pub warning_signs: WarningSigns,
    pub glossary: Vec<GlossaryEntry>,
    pub addons: Vec<Addon>,
}

impl Guide {
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id.as_str() == id)
    }

    pub fn addon(&self, id: &str) -> Option<&Addon> {
        self.addons.iter().find(|a| a.id.as_str() == id)
    }

    /// The last aftercare day.
    pub fn last_day(&self) -> i64 {
        self.aftercare.iter().map(|e| e.days.to).max().unwrap_or(0)
    }

    /// The aftercare entry that covers `day`, if any.
    pub fn aftercare_for_day(&self, day: i64) -> Option<usize> {
        self.aftercare.iter().position(|e| e.days.contains(day))
    }

    /// The restrictions in force on `day`.
    pub fn restrictions_on(&self, day: i64) -> impl Iterator<Item = &Restriction> {
        self.restrictions
            .iter()
            .filter(move |r| r.days.contains(day))
    }

    /// The first and last day any part of the plan mentions.
    pub fn day_span(&self) -> (i64, i64) {
        let first = self
            .preparation
            .steps
            .iter()
            .map(|s| s.day)
            .chain(self.restrictions.iter().map(|r| r.days.from))
            .min()
            .unwrap_or(0)
            .min(0);
        let last = self
            .restrictions
            .iter()
            .map(|r| r.days.to)
            .max()
            .unwrap_or(0)
            .max(self.last_day());
        (first, last)
    }
}

/// The clinic's contact block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub name: Text,
    pub phone: Text,
    pub after_hours: Text,
}

/// A care category (sun, activity, ...), declared by the guide.
#[derive(Clone, Debug)]
pub struct Category {
    pub id: Text,
    pub name: Text,
}

/// The summary and teach-back lines any section may carry.
#[derive(Clone, Debug, Default)]
pub struct SectionNotes {
    pub key_points: Vec<Text>,
    pub teach_back: Vec<Text>,
}

#[derive(Clone, Debug, Default)]
pub struct Overview {
    pub about: Vec<Text>,
    pub notes: SectionNotes,
}

#[derive(Clone, Debug, Default)]
pub struct Preparation {
    pub steps: Vec<PrepStep>,
    pub screening: Vec<ScreeningQuestion>,
    pub notes: SectionNotes,
}

/// Something to do before the treatment, from `day` (≤ 0) on.
#[derive(Clone, Debug)]
pub struct PrepStep {
    pub day: i64,
    pub text: Text,
}

/// A question whose "yes" means: stop, ask staff before treatment.
#[derive(Clone, Debug)]
pub struct ScreeningQuestion {
    pub id: Text,
    pub question: Text,
    pub why: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Numbing {
    pub what: Text,
    pub minutes: u32,
    pub lines: NumbingLines,
    pub notes: SectionNotes,
}

#[derive(Clone, Debug, Default)]
pub struct NumbingLines {
    pub steps: Vec<Text>,
    pub feel: Vec<Text>,
    pub safety: Vec<Text>,
}

#[derive(Clone, Debug)]
pub struct Procedure {
    /// Minimum and maximum minutes (equal for a single figure).
    pub duration_minutes: (u32, u32),
    pub lines: ProcedureLines,
    pub notes: SectionNotes,
}

#[derive(Clone, Debug, Default)]
pub struct ProcedureLines {
    pub steps: Vec<Text>,
    pub feel: Vec<Text>,
    pub right_after: Vec<Text>,
}

/// Aftercare for one day or a range of days.
#[derive(Clone, Debug)]
pub struct AftercareEntry {
    pub days: DayRange,
    pub title: Option<Text>,
    pub care: Vec<CareNote>,
    pub notes: SectionNotes,
}

/// What to expect and what to do in one category.
#[derive(Clone, Debug)]
pub struct CareNote {
    pub category: Text,
    pub expect: Vec<Text>,
    pub actions: Vec<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestrictionKind {
    /// Something to avoid for the days given.
    Avoid,
    /// Something to keep doing for the days given.
    Do,
}

/// A named limit with a day range.
#[derive(Clone, Debug)]
pub struct Restriction {
    pub id: Text,
    pub category: Text,
    pub kind: RestrictionKind,
    pub label: Text,
    pub days: DayRange,
    /// One line of detail from the guide, then any from add-ons.
    pub notes: Vec<Text>,
    /// Add-ons (indexes into [`Guide::addons`]) that widened this restriction.
    pub widened_by: Vec<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct WarningSigns {
    pub call_clinic: Vec<Text>,
    pub emergency: Vec<Text>,
}

#[derive(Clone, Debug)]
pub struct GlossaryEntry {
    pub term: Text,
    pub forms: Vec<Text>,
    pub definition: Text,
}

impl GlossaryEntry {
    /// The term and its other forms.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.forms.iter().map(|f| f.as_str()))
    }
}

/// An add-on service: an overlay of the same shape as the guide.
#[derive(Clone, Debug)]
pub struct Addon {
    pub id: Text,
    pub name: Text,
    pub label: Text,
    pub about: Vec<Text>,
    pub preparation: Preparation,
    pub numbing: NumbingLines,
    pub procedure: ProcedureLines,
    pub aftercare: Vec<AftercareEntry>,
    pub restrictions: Vec<Restriction>,
    pub warning_signs: WarningSigns,
    pub glossary: Vec<GlossaryEntry>,
}
