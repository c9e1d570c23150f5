//! The guide model: what a guide file says, in memory. It knows nothing of
//! terminals or of any particular treatment.

use std::ops::{Deref, Range};
use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Where a line of the plan comes from: the guide itself, or one of its
/// add-ons (an index into [`Guide::addons`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    #[default]
    Guide,
    Addon(usize),
}

/// A piece of plain text from a guide file, with its byte span in the file.
///
/// A text may refer to values the guide holds (`{limit.no-makeup.after}`);
/// then `template` keeps what the author wrote and `value` is what it says
/// once the references are filled in (see [`super::references`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Shared, not copied, when a plan copies its guide (a plan is the
    /// guide with its add-ons merged and references filled: most lines stay
    /// as they are).
    #[serde(serialize_with = "shared_text::serialize")]
    #[serde(deserialize_with = "shared_text::deserialize")]
    pub value: Arc<str>,
    pub span: Range<usize>,
    pub origin: Origin,
    /// The author's id for this line, when other parts of the guide (an
    /// add-on's placement) need to name it.
    pub id: Option<LineId>,
    /// The text as written, when it holds references.
    pub template: Option<String>,
}

/// The id an author gave a line (`{ id = "wash-today", text = "..." }`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineId {
    pub value: String,
    pub span: Range<usize>,
}

/// [`Text::value`] in a guide snapshot: a string, read in place from the
/// snapshot's bytes and copied once.
mod shared_text {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
        <&'de str>::deserialize(d).map(Arc::from)
    }
}

impl Text {
    pub fn new(value: impl Into<Arc<str>>, span: Range<usize>) -> Self {
        Self {
            value: value.into(),
            span,
            origin: Origin::Guide,
            id: None,
            template: None,
        }
    }

    /// A text that is not from a file (tests, overrides from the command line).
    pub fn plain(value: impl Into<Arc<str>>) -> Self {
        Self::new(value, 0..0)
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// What the author wrote: the template when the text has references.
    pub fn source_text(&self) -> &str {
        self.template.as_deref().unwrap_or(&self.value)
    }

    pub fn id_str(&self) -> Option<&str> {
        self.id.as_ref().map(|i| i.value.as_str())
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

    /// The same range moved by `days`.
    pub fn shifted(&self, days: i64) -> DayRange {
        DayRange {
            from: self.from + days,
            to: self.to + days,
            span: self.span.clone(),
        }
    }
}

/// A whole guide, as loaded from one file.
#[derive(Clone, Debug, Serialize, Deserialize)]
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
    /// Reminders on days no restriction marks.
    pub milestones: Vec<Milestone>,
    pub addons: Vec<Addon>,
    /// Visits on other days that chosen add-ons bring (empty in a guide as
    /// loaded; filled in by [`crate::plan::Plan`]).
    pub visits: Vec<PlannedVisit>,
}

impl Guide {
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id.as_str() == id)
    }

    pub fn addon(&self, id: &str) -> Option<&Addon> {
        self.addons.iter().find(|a| a.id.as_str() == id)
    }

    pub fn restriction(&self, id: &str) -> Option<&Restriction> {
        self.restrictions.iter().find(|r| r.id.as_str() == id)
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
            .chain(self.visits.iter().map(|v| v.day))
            .max()
            .unwrap_or(0)
            .max(self.last_day());
        (first, last)
    }
}

/// The clinic's contact block. The phone numbers are data: the same in
/// every language version of a guide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: Text,
    /// The clinic's number; `None` says "the number on your appointment
    /// card" in the reader's language.
    pub phone: Option<Text>,
    /// A number for out of hours, when there is one.
    pub after_hours_phone: Option<Text>,
    /// What to do out of hours, in words.
    pub after_hours: Option<Text>,
}

/// A care category (sun, activity, ...), declared by the guide.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Category {
    pub id: Text,
    pub name: Text,
}

/// The summary and teach-back lines any section may carry.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SectionNotes {
    pub key_points: Vec<Text>,
    pub teach_back: Vec<Text>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Overview {
    pub about: Vec<Text>,
    pub notes: SectionNotes,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Preparation {
    pub steps: Vec<PrepStep>,
    pub screening: Vec<ScreeningQuestion>,
    pub notes: SectionNotes,
}

/// Something to do before the treatment, from `day` (≤ 0) on.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PrepStep {
    pub day: i64,
    pub text: Text,
}

/// A question whose "yes" means: stop, ask staff before treatment.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ScreeningQuestion {
    pub id: Text,
    pub question: Text,
    pub why: Option<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Numbing {
    pub what: Text,
    pub minutes: u32,
    pub lines: NumbingLines,
    pub notes: SectionNotes,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NumbingLines {
    pub steps: Vec<Text>,
    pub feel: Vec<Text>,
    pub safety: Vec<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Procedure {
    /// Minimum and maximum minutes (equal for a single figure).
    pub duration_minutes: (u32, u32),
    pub lines: ProcedureLines,
    pub notes: SectionNotes,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ProcedureLines {
    pub steps: Vec<Text>,
    pub feel: Vec<Text>,
    pub right_after: Vec<Text>,
}

/// Aftercare for one day or a range of days.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AftercareEntry {
    pub days: DayRange,
    pub title: Option<Text>,
    pub care: Vec<CareNote>,
    pub notes: SectionNotes,
}

/// What a care line tells the patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CareKind {
    /// What they will notice ("Expect").
    Expect,
    /// Something to do ("Do").
    Do,
    /// Something not to do ("Avoid").
    Avoid,
}

impl CareKind {
    /// The key it is written under in a guide file.
    pub fn key(self) -> &'static str {
        match self {
            CareKind::Expect => "expect",
            CareKind::Do => "do",
            CareKind::Avoid => "avoid",
        }
    }

    pub const ALL: [CareKind; 3] = [CareKind::Expect, CareKind::Do, CareKind::Avoid];
}

/// One line of care: what kind it is, and what it says.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CareLine {
    pub kind: CareKind,
    pub text: Text,
}

/// What to expect, do and avoid in one category, in reading order.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CareNote {
    pub category: Text,
    pub lines: Vec<CareLine>,
}

impl CareNote {
    pub fn of_kind(&self, kind: CareKind) -> impl Iterator<Item = &Text> {
        self.lines
            .iter()
            .filter(move |l| l.kind == kind)
            .map(|l| &l.text)
    }

    /// Whether the patient is told to do (or not do) anything here.
    pub fn has_action(&self) -> bool {
        self.lines.iter().any(|l| l.kind != CareKind::Expect)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RestrictionKind {
    /// Something to avoid for the days given.
    Avoid,
    /// Something to keep doing for the days given.
    Do,
}

/// A named limit with a day range.
#[derive(Clone, Debug, Serialize, Deserialize)]
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
    /// How a reminder on the day it starts or ends says it ("Back to full
    /// workouts"); without it careguide words one from the label.
    pub reminder: Option<Text>,
    /// Whether the plan's calendar reminds the patient of it.
    pub remind: bool,
}

/// A day worth a reminder that no restriction marks ("your next session is
/// usually about now").
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Milestone {
    pub day: i64,
    pub day_span: Range<usize>,
    pub text: Text,
}

/// "This is normal" beside "this means call us", for one kind of change.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NormalOrCall {
    pub normal: Text,
    pub call: Text,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct WarningSigns {
    pub call_clinic: Vec<Text>,
    pub emergency: Vec<Text>,
    /// How to get emergency care, in words ("Call 911 ...").
    pub emergency_call: Option<Text>,
    /// What is normal next to what means "call us".
    pub compare: Vec<NormalOrCall>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
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

/// A visit on another day that an add-on brings, placed on the plan's
/// timeline.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PlannedVisit {
    pub name: Text,
    /// The earliest plan day it can be on.
    pub day: i64,
    pub origin: Origin,
}

// ------------------------------------------------------------------ add-ons

/// Where an add-on's line goes in the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    /// After the guide's own lines.
    Append,
    /// Just before the guide's line with this id.
    Before(LineId),
    /// Just after it.
    After(LineId),
    /// Instead of it.
    Replace(LineId),
    /// Nothing: the guide's line is left out.
    Remove(LineId),
}

impl Place {
    /// The guide line this placement names, if any.
    pub fn target(&self) -> Option<&LineId> {
        match self {
            Place::Append => None,
            Place::Before(t) | Place::After(t) | Place::Replace(t) | Place::Remove(t) => Some(t),
        }
    }

    /// The key it is written with.
    pub fn key(&self) -> &'static str {
        match self {
            Place::Append => "",
            Place::Before(_) => "before",
            Place::After(_) => "after",
            Place::Replace(_) => "replace",
            Place::Remove(_) => "remove",
        }
    }
}

/// A line an add-on brings, and where it goes. A removal has no text.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AddonLine {
    pub place: Place,
    pub text: Option<Text>,
}

impl AddonLine {
    pub fn append(text: Text) -> Self {
        Self {
            place: Place::Append,
            text: Some(text),
        }
    }
}

/// An add-on's preparation step: a day (taken from the line it is placed
/// next to, when it has a placement) and a line.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AddonStep {
    pub day: Option<i64>,
    pub day_span: Range<usize>,
    pub line: AddonLine,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AddonPreparation {
    pub steps: Vec<AddonStep>,
    pub screening: Vec<ScreeningQuestion>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AddonNumbing {
    pub steps: Vec<AddonLine>,
    pub feel: Vec<AddonLine>,
    pub safety: Vec<AddonLine>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AddonProcedure {
    pub steps: Vec<AddonLine>,
    pub feel: Vec<AddonLine>,
    pub right_after: Vec<AddonLine>,
}

/// An add-on's care lines in one category.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AddonCare {
    pub category: Text,
    pub lines: Vec<(CareKind, AddonLine)>,
}

/// An add-on's aftercare for some days: its lines go into every guide
/// entry those days overlap (or next to the line they name).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AddonAftercare {
    pub days: DayRange,
    pub care: Vec<AddonCare>,
}

/// A restriction an add-on brings. With the id of one of the guide's
/// restrictions it makes that one stricter (an earlier start, a later end)
/// and may leave out the label, category and kind.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AddonRestriction {
    pub id: Text,
    pub category: Option<Text>,
    pub kind: Option<RestrictionKind>,
    pub label: Option<Text>,
    /// The days given; a side left out (`open_from`, `open_to`) keeps the
    /// guide restriction's.
    pub days: DayRange,
    pub open_from: bool,
    pub open_to: bool,
    pub note: Option<Text>,
    pub reminder: Option<Text>,
    pub remind: Option<bool>,
}

impl AddonRestriction {
    /// Its plan days (moved by `shift` for a visit's), given the guide
    /// restriction it makes stricter, if any: the union of the two.
    pub fn plan_days(&self, base: Option<(i64, i64)>, shift: i64) -> (i64, i64) {
        let (from, to) = (self.days.from + shift, self.days.to + shift);
        match base {
            Some((b_from, b_to)) => (
                if self.open_from {
                    b_from
                } else {
                    from.min(b_from)
                },
                if self.open_to { b_to } else { to.max(b_to) },
            ),
            None => (from, to),
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AddonWarningSigns {
    pub call_clinic: Vec<AddonLine>,
    pub emergency: Vec<AddonLine>,
    pub compare: Vec<NormalOrCall>,
}

/// A visit on another day (a peel done weeks after the needling), with
/// its own care. Its days count from the visit: Day -5 is five days before
/// it, Day 0 the visit itself.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Visit {
    pub name: Text,
    /// The earliest plan day the visit can be on (counted from the
    /// treatment); its care is placed on the plan from this day.
    pub earliest_day: i64,
    pub earliest_span: Range<usize>,
    pub aftercare: Vec<AddonAftercare>,
    pub restrictions: Vec<AddonRestriction>,
}

/// An add-on service: an overlay of the same shape as the guide.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Addon {
    pub id: Text,
    pub name: Text,
    pub label: Text,
    pub about: Vec<Text>,
    pub preparation: AddonPreparation,
    pub numbing: AddonNumbing,
    pub procedure: AddonProcedure,
    pub aftercare: Vec<AddonAftercare>,
    pub restrictions: Vec<AddonRestriction>,
    pub warning_signs: AddonWarningSigns,
    pub glossary: Vec<GlossaryEntry>,
    pub milestones: Vec<Milestone>,
    pub visit: Option<Visit>,
}
