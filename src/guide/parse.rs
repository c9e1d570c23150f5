//! Builds a [`Guide`] from a guide file's text, reporting every schema
//! problem (syntax, unknown keys, missing keys, wrong types) with its span.

use super::diagnostic::Diagnostics;
use super::model::*;
use crate::toml_reader::{ListItem, Table, parse_document};

/// The guide format this build writes about and reads best.
pub const FORMAT_VERSION: i64 = 2;
/// The oldest format this build still reads (see [`upgrade_notes`]).
pub const OLDEST_FORMAT_VERSION: i64 = 1;

/// Days further than this (ten years) from the treatment day are refused:
/// a sanity bound that catches typos such as `day = 100000`.
pub const MAX_DAY: i64 = 3650;

/// How a version 1 file moves to version 2, for `check`'s message.
pub fn upgrade_notes() -> &'static str {
    "to move it to format_version 2: set `format_version = 2`; in [contact] keep `phone` \
     only for a real number (digits, spaces, + - ( ) .) and leave it out to say \"the number \
     on your appointment card\"; move aftercare `do` lines that say what not to do to `avoid`. \
     Nothing else changes (see guides/FORMAT.md, \"Moving from version 1\")"
}

/// What the reader needs to know while it reads.
#[derive(Clone, Copy)]
struct Ctx {
    version: i64,
}

/// Parses a guide file. Returns `None` when the schema has errors (all of
/// them are in `d`); semantic checks are [`super::validate`]'s job.
pub fn parse_guide(source: &str, d: &mut Diagnostics) -> Option<Guide> {
    let doc = parse_document(source, d)?;
    let mut root = Table::root(&doc);

    let version = match root.opt_int(d, "format_version", i64::MIN..=i64::MAX) {
        Some(v) if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(v.get_ref()) => {
            d.error(
                v.span(),
                format!(
                    "unsupported format_version {}: this careguide reads format_version {OLDEST_FORMAT_VERSION} \
                     to {FORMAT_VERSION}; update careguide or rewrite the guide for version {FORMAT_VERSION}",
                    v.get_ref()
                ),
            );
            return None;
        }
        Some(v) => *v.get_ref(),
        None if !root.has("format_version") => {
            d.error(
                0..0,
                format!(
                    "missing key `format_version` in the top level: expected `format_version = {FORMAT_VERSION}` \
                     as the first line of a guide"
                ),
            );
            FORMAT_VERSION
        }
        None => return None,
    };
    let cx = Ctx { version };

    let errors_before = d.error_count();
    let id = root.id(d, "id");
    let language = root.text(d, "language");
    if let Some(lang) = &language
        && !is_language_code(lang)
    {
        d.error(
            lang.span.clone(),
            format!(
                "`language` must be a language code like `en` or `es`, found `{}`",
                lang.value
            ),
        );
    }
    let title = root.text(d, "title");
    let treatment = root.text(d, "treatment");
    let content_version = root.text(d, "content_version");
    let reviewed = root.date(d, "reviewed");
    let main_message = root.text(d, "main_message");
    let disclaimer = root.text(d, "disclaimer");
    let contact = root
        .table(d, "contact", "[contact]")
        .and_then(|t| contact(d, t, cx));
    let categories = root
        .tables(d, "categories", "[[categories]]", true)
        .into_iter()
        .filter_map(|t| category(d, t))
        .collect();
    let overview = root
        .table(d, "overview", "[overview]")
        .map(|t| overview(d, t));
    let preparation = root
        .table(d, "preparation", "[preparation]")
        .map(|t| preparation(d, t));
    let numbing = root
        .table(d, "numbing", "[numbing]")
        .and_then(|t| numbing(d, t));
    let procedure = root
        .table(d, "procedure", "[procedure]")
        .and_then(|t| procedure(d, t));
    let aftercare = root
        .tables(d, "aftercare", "[[aftercare]]", true)
        .into_iter()
        .filter_map(|t| aftercare_entry(d, t))
        .collect();
    let restrictions = root
        .tables(d, "restrictions", "[[restrictions]]", false)
        .into_iter()
        .filter_map(|t| restriction(d, t))
        .collect();
    let warning_signs = root
        .table(d, "warning_signs", "[warning_signs]")
        .map(|t| warning_signs(d, t));
    let glossary = root
        .tables(d, "glossary", "[[glossary]]", false)
        .into_iter()
        .filter_map(|t| glossary_entry(d, t))
        .collect();
    let milestones = milestones(d, &mut root, "[[milestones]]");
    let addons = root
        .tables(d, "addons", "[[addons]]", false)
        .into_iter()
        .filter_map(|t| addon(d, t))
        .collect();
    root.finish(d);

    if d.error_count() > errors_before {
        return None;
    }
    Some(Guide {
        path: std::path::PathBuf::new(),
        format_version: version,
        id: id?,
        language: language?,
        title: title?,
        treatment: treatment?,
        content_version: content_version?,
        reviewed: reviewed?,
        main_message: main_message?,
        disclaimer: disclaimer?,
        contact: contact?,
        categories,
        overview: overview?,
        preparation: preparation?,
        numbing: numbing?,
        procedure: procedure?,
        aftercare,
        restrictions,
        warning_signs: warning_signs?,
        glossary,
        milestones,
        addons,
        visits: Vec::new(),
    })
}

/// `[[milestones]]`: a day and what to remind the patient of.
fn milestones(d: &mut Diagnostics, t: &mut Table, name: &str) -> Vec<Milestone> {
    t.tables(d, "milestones", name, false)
        .into_iter()
        .filter_map(|mut m| {
            let day = m.int(d, "day", -MAX_DAY..=MAX_DAY);
            let text = m.text(d, "text");
            m.finish(d);
            let day = day?;
            Some(Milestone {
                day: *day.get_ref(),
                day_span: day.span(),
                text: text?,
            })
        })
        .collect()
}

/// `en`, `es`, `pt-BR`: a two- or three-letter lowercase code, optionally
/// followed by a region.
pub fn is_language_code(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A phone number as data: digits, with spaces, `+ - ( ) .` and an
/// extension ("ext. 2", "x2").
pub fn is_phone_number(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let rest = s
        .to_lowercase()
        .replace("ext.", "")
        .replace("ext", "")
        .replace('x', "");
    digits >= 3
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'))
}

fn phone_number(d: &mut Diagnostics, t: &mut Table, key: &'static str, cx: Ctx) -> Option<Text> {
    let text = t.opt_text(d, key)?;
    if cx.version >= 2 && !is_phone_number(&text) {
        d.error(
            text.span.clone(),
            format!(
                "`{key}` in [contact] must be a phone number (digits, spaces, + - ( ) .), found `{}`; \
                 leave it out and careguide says \"the phone number on your appointment card\" in the reader's language",
                text.value
            ),
        );
        return None;
    }
    Some(text)
}

fn contact(d: &mut Diagnostics, mut t: Table, cx: Ctx) -> Option<Contact> {
    let name = t.text(d, "name");
    // Version 1 required both as text; version 2 keeps the numbers as data.
    let phone = if cx.version == 1 {
        t.text(d, "phone")
    } else {
        phone_number(d, &mut t, "phone", cx)
    };
    let after_hours_phone = phone_number(d, &mut t, "after_hours_phone", cx);
    let after_hours = if cx.version == 1 {
        t.text(d, "after_hours")
    } else {
        t.opt_text(d, "after_hours")
    };
    t.finish(d);
    Some(Contact {
        name: name?,
        phone,
        after_hours_phone,
        after_hours,
    })
}

fn category(d: &mut Diagnostics, mut t: Table) -> Option<Category> {
    let id = t.id(d, "id");
    let name = t.text(d, "name");
    t.finish(d);
    Some(Category {
        id: id?,
        name: name?,
    })
}

/// A line id as data.
fn line_id(text: Text) -> LineId {
    LineId {
        value: text.value.to_string(),
        span: text.span,
    }
}

/// A list of lines in a guide: each a text, or `{ id = "...", text = "..." }`
/// when an add-on needs to name it.
fn lines(d: &mut Diagnostics, t: &mut Table, key: &'static str, required: bool) -> Vec<Text> {
    t.items(d, key, required)
        .into_iter()
        .filter_map(|item| match item {
            ListItem::Text(text) => Some(text),
            ListItem::Table(mut line) => {
                let id = line.opt_id(d, "id");
                let text = line.text(d, "text");
                line.finish(d);
                let mut text = text?;
                text.id = id.map(line_id);
                Some(text)
            }
        })
        .collect()
}

/// Reads the placement keys of an add-on line: at most one of `before`,
/// `after`, `replace` and `remove`.
fn place(d: &mut Diagnostics, t: &mut Table) -> Place {
    let keys = ["before", "after", "replace", "remove"];
    let mut found: Vec<(&str, Text)> = Vec::new();
    for key in keys {
        if let Some(id) = t.opt_id(d, key) {
            found.push((key, id));
        }
    }
    if found.len() > 1 {
        d.error(
            found[1].1.span.clone(),
            format!(
                "{} has both `{}` and `{}`: a line goes in one place",
                t.name(),
                found[0].0,
                found[1].0
            ),
        );
    }
    match found.into_iter().next() {
        None => Place::Append,
        Some(("before", id)) => Place::Before(line_id(id)),
        Some(("after", id)) => Place::After(line_id(id)),
        Some(("replace", id)) => Place::Replace(line_id(id)),
        Some((_, id)) => Place::Remove(line_id(id)),
    }
}

/// The text of an add-on line: required, except for a removal (which must
/// have none).
fn placed_text(d: &mut Diagnostics, t: &mut Table, place: &Place) -> Result<Option<Text>, ()> {
    let text = t.opt_text(d, "text");
    match (place, text) {
        (Place::Remove(_), Some(text)) => {
            d.error(
                text.span,
                format!(
                    "{} removes a line, so it has no `text`; to put a new line in its place use `replace`",
                    t.name()
                ),
            );
            Err(())
        }
        (Place::Remove(_), None) => Ok(None),
        (_, Some(text)) => Ok(Some(text)),
        (_, None) => {
            if !t.has("text") {
                d.error(
                    t.span(),
                    format!("missing key `text` in {}: expected a text", t.name()),
                );
            }
            Err(())
        }
    }
}

/// A list of an add-on's lines: each a text (added after the guide's own),
/// or a table that places it: `{ before = "id", text = "..." }`, `after`,
/// `replace`, or `{ remove = "id" }`.
fn addon_lines(d: &mut Diagnostics, t: &mut Table, key: &'static str) -> Vec<AddonLine> {
    t.items(d, key, false)
        .into_iter()
        .filter_map(|item| match item {
            ListItem::Text(text) => Some(AddonLine::append(text)),
            ListItem::Table(mut line) => {
                let id = line.opt_id(d, "id");
                let place = place(d, &mut line);
                let text = placed_text(d, &mut line, &place);
                line.finish(d);
                let mut text = text.ok()?;
                if let Some(text) = &mut text {
                    text.id = id.map(line_id);
                }
                Some(AddonLine { place, text })
            }
        })
        .collect()
}

fn notes(d: &mut Diagnostics, t: &mut Table) -> SectionNotes {
    SectionNotes {
        key_points: lines(d, t, "key_points", false),
        teach_back: lines(d, t, "teach_back", false),
    }
}

fn overview(d: &mut Diagnostics, mut t: Table) -> Overview {
    let about = lines(d, &mut t, "about", true);
    let notes = notes(d, &mut t);
    t.finish(d);
    Overview { about, notes }
}

fn screening(d: &mut Diagnostics, t: &mut Table, prefix: &str) -> Vec<ScreeningQuestion> {
    t.tables(d, "screening", &format!("[[{prefix}.screening]]"), false)
        .into_iter()
        .filter_map(|mut s| {
            let id = s.id(d, "id");
            let question = s.text(d, "question");
            let why = s.opt_text(d, "why");
            s.finish(d);
            Some(ScreeningQuestion {
                id: id?,
                question: question?,
                why,
            })
        })
        .collect()
}

fn preparation(d: &mut Diagnostics, mut t: Table) -> Preparation {
    let steps = t
        .tables(d, "steps", "[[preparation.steps]]", false)
        .into_iter()
        .filter_map(|mut s| {
            let day = s.int(d, "day", -MAX_DAY..=0);
            let id = s.opt_id(d, "id");
            let text = s.text(d, "text");
            s.finish(d);
            let mut text = text?;
            text.id = id.map(line_id);
            Some(PrepStep {
                day: *day?.get_ref(),
                text,
            })
        })
        .collect();
    let screening = screening(d, &mut t, "preparation");
    let notes = notes(d, &mut t);
    t.finish(d);
    Preparation {
        steps,
        screening,
        notes,
    }
}

fn addon_preparation(d: &mut Diagnostics, mut t: Table) -> AddonPreparation {
    let steps = t
        .tables(d, "steps", "[[addons.preparation.steps]]", false)
        .into_iter()
        .filter_map(|mut s| {
            let day = s.opt_int(d, "day", -MAX_DAY..=0);
            let id = s.opt_id(d, "id");
            let place = place(d, &mut s);
            if day.is_none() && place == Place::Append && !s.has("day") {
                d.error(
                    s.span(),
                    "missing key `day` in [[addons.preparation.steps]]: expected a whole number \
                     (a step placed `before`, `after` or `replace` another takes that step's day)",
                );
            }
            let text = placed_text(d, &mut s, &place);
            s.finish(d);
            let mut text = text.ok()?;
            if let Some(text) = &mut text {
                text.id = id.map(line_id);
            }
            Some(AddonStep {
                day: day.as_ref().map(|d| *d.get_ref()),
                day_span: day.map_or(0..0, |d| d.span()),
                line: AddonLine { place, text },
            })
        })
        .collect();
    let screening = screening(d, &mut t, "addons.preparation");
    t.finish(d);
    AddonPreparation { steps, screening }
}

fn numbing(d: &mut Diagnostics, mut t: Table) -> Option<Numbing> {
    let what = t.text(d, "what");
    let minutes = t.int(d, "minutes", 1..=240);
    let lines = NumbingLines {
        steps: lines(d, &mut t, "steps", true),
        feel: lines(d, &mut t, "feel", true),
        safety: lines(d, &mut t, "safety", true),
    };
    let notes = notes(d, &mut t);
    t.finish(d);
    Some(Numbing {
        what: what?,
        minutes: u32::try_from(*minutes?.get_ref()).ok()?,
        lines,
        notes,
    })
}

fn procedure(d: &mut Diagnostics, mut t: Table) -> Option<Procedure> {
    let duration = t.int_list(d, "duration_minutes", 1..=1440, 1..=2);
    let lines = ProcedureLines {
        steps: lines(d, &mut t, "steps", true),
        feel: lines(d, &mut t, "feel", true),
        right_after: lines(d, &mut t, "right_after", true),
    };
    let notes = notes(d, &mut t);
    t.finish(d);
    let duration = duration?;
    let (min, max) = match duration.get_ref().as_slice() {
        [one] => (*one, *one),
        [a, b] => (*a, *b),
        _ => return None,
    };
    if min > max {
        d.error(
            duration.span(),
            format!("`duration_minutes` must go from the shorter to the longer time, found [{min}, {max}]"),
        );
        return None;
    }
    Some(Procedure {
        duration_minutes: (u32::try_from(min).ok()?, u32::try_from(max).ok()?),
        lines,
        notes,
    })
}

/// Reads `day = N` or `from = A` + `to = B`.
fn day_range(d: &mut Diagnostics, t: &mut Table, min: i64) -> Option<DayRange> {
    let day = t.opt_int(d, "day", min..=MAX_DAY);
    let from = t.opt_int(d, "from", min..=MAX_DAY);
    let to = t.opt_int(d, "to", min..=MAX_DAY);
    let (has_day, has_from, has_to) = (t.has("day"), t.has("from"), t.has("to"));
    match (has_day, has_from, has_to) {
        (true, false, false) => {
            let day = day?;
            Some(DayRange {
                from: *day.get_ref(),
                to: *day.get_ref(),
                span: day.span(),
            })
        }
        (false, true, true) => {
            let (from, to) = (from?, to?);
            if to.get_ref() < from.get_ref() {
                d.error(
                    from.span().start..to.span().end,
                    format!(
                        "day range in {} goes backwards: `from = {}` is after `to = {}`",
                        t.name(),
                        from.get_ref(),
                        to.get_ref()
                    ),
                );
                return None;
            }
            Some(DayRange {
                from: *from.get_ref(),
                to: *to.get_ref(),
                span: from.span().start..to.span().end,
            })
        }
        (true, _, _) => {
            d.error(
                t.span(),
                format!(
                    "{} has both `day` and `from`/`to`: give one day, or a range",
                    t.name()
                ),
            );
            None
        }
        (false, true, false) => {
            d.error(
                t.span(),
                format!(
                    "missing key `to` in {}: a range needs `from` and `to`",
                    t.name()
                ),
            );
            None
        }
        (false, false, true) => {
            d.error(
                t.span(),
                format!(
                    "missing key `from` in {}: a range needs `from` and `to`",
                    t.name()
                ),
            );
            None
        }
        (false, false, false) => {
            d.error(
                t.span(),
                format!(
                    "missing key `day` in {}: expected `day = N`, or `from = A` and `to = B`",
                    t.name()
                ),
            );
            None
        }
    }
}

/// `[[aftercare]]` in a guide.
fn aftercare_entry(d: &mut Diagnostics, mut t: Table) -> Option<AftercareEntry> {
    let days = day_range(d, &mut t, 0);
    let title = t.text(d, "title");
    let care = match t.table(d, "care", "[aftercare.care]") {
        Some(mut care_table) => {
            let entries = care_table.entries(d, |cat| format!("[aftercare.care.{cat}]"));
            care_table.finish(d);
            entries
                .into_iter()
                .map(|(category, mut note)| {
                    let mut lines_of = Vec::new();
                    for kind in CareKind::ALL {
                        for text in lines(d, &mut note, kind.key(), false) {
                            lines_of.push(CareLine { kind, text });
                        }
                    }
                    note.finish(d);
                    CareNote {
                        category,
                        lines: lines_of,
                    }
                })
                .collect()
        }
        None => Vec::new(),
    };
    let notes = notes(d, &mut t);
    t.finish(d);
    Some(AftercareEntry {
        days: days?,
        title: Some(title?),
        care,
        notes,
    })
}

/// `[[addons.aftercare]]`, or a visit's aftercare (whose days count from
/// the visit, so they may be negative).
fn addon_aftercare(d: &mut Diagnostics, mut t: Table, prefix: &str) -> Option<AddonAftercare> {
    let min = if prefix.contains("visit") {
        -MAX_DAY
    } else {
        0
    };
    let days = day_range(d, &mut t, min);
    let care = match t.table(d, "care", &format!("[{prefix}.care]")) {
        Some(mut care_table) => {
            let entries = care_table.entries(d, |cat| format!("[{prefix}.care.{cat}]"));
            care_table.finish(d);
            entries
                .into_iter()
                .map(|(category, mut note)| {
                    let mut lines_of = Vec::new();
                    for kind in CareKind::ALL {
                        for line in addon_lines(d, &mut note, kind.key()) {
                            lines_of.push((kind, line));
                        }
                    }
                    note.finish(d);
                    AddonCare {
                        category,
                        lines: lines_of,
                    }
                })
                .collect()
        }
        None => Vec::new(),
    };
    t.finish(d);
    Some(AddonAftercare { days: days?, care })
}

fn kind(d: &mut Diagnostics, t: &mut Table) -> Result<Option<RestrictionKind>, ()> {
    match t.opt_text(d, "kind") {
        None => Ok(None),
        Some(k) => match k.as_str() {
            "avoid" => Ok(Some(RestrictionKind::Avoid)),
            "do" => Ok(Some(RestrictionKind::Do)),
            other => {
                d.error(
                    k.span.clone(),
                    format!(
                        "`kind` in {} must be \"avoid\" or \"do\", found \"{other}\"{}",
                        t.name(),
                        crate::toml_reader::closest(other, ["avoid", "do"])
                            .map(|s| format!(", did you mean \"{s}\"?"))
                            .unwrap_or_default()
                    ),
                );
                Err(())
            }
        },
    }
}

fn restriction(d: &mut Diagnostics, mut t: Table) -> Option<Restriction> {
    let id = t.id(d, "id");
    let category = t.id(d, "category");
    let kind = kind(d, &mut t);
    let label = t.text(d, "label");
    let days = day_range(d, &mut t, -MAX_DAY);
    let note = t.opt_text(d, "note");
    let reminder = t.opt_text(d, "reminder");
    let remind = t.opt_bool(d, "remind").unwrap_or(true);
    t.finish(d);
    Some(Restriction {
        id: id?,
        category: category?,
        kind: kind.ok()?.unwrap_or(RestrictionKind::Avoid),
        label: label?,
        days: days?,
        notes: note.into_iter().collect(),
        widened_by: Vec::new(),
        reminder,
        remind,
    })
}

/// An add-on's restriction: a new one (label and category required, which
/// validation checks against the guide), or a guide restriction made stricter.
fn addon_restriction(d: &mut Diagnostics, mut t: Table) -> Option<AddonRestriction> {
    let id = t.id(d, "id");
    let category = t.opt_id(d, "category");
    let kind = kind(d, &mut t);
    let label = t.opt_text(d, "label");
    // Making a guide restriction stricter may move one end only.
    let (open_from, open_to) = match (t.has("day"), t.has("from"), t.has("to")) {
        (false, false, true) => (true, false),
        (false, true, false) => (false, true),
        _ => (false, false),
    };
    let days = if open_from || open_to {
        let key = if open_from { "to" } else { "from" };
        t.int(d, key, -MAX_DAY..=MAX_DAY).map(|n| DayRange {
            from: *n.get_ref(),
            to: *n.get_ref(),
            span: n.span(),
        })
    } else {
        day_range(d, &mut t, -MAX_DAY)
    };
    let note = t.opt_text(d, "note");
    let reminder = t.opt_text(d, "reminder");
    let remind = t.opt_bool(d, "remind");
    t.finish(d);
    Some(AddonRestriction {
        id: id?,
        category,
        kind: kind.ok()?,
        label,
        days: days?,
        open_from,
        open_to,
        note,
        reminder,
        remind,
    })
}

fn compare(d: &mut Diagnostics, t: &mut Table, prefix: &str) -> Vec<NormalOrCall> {
    t.tables(d, "compare", &format!("[[{prefix}.compare]]"), false)
        .into_iter()
        .filter_map(|mut c| {
            let normal = c.text(d, "normal");
            let call = c.text(d, "call");
            c.finish(d);
            Some(NormalOrCall {
                normal: normal?,
                call: call?,
            })
        })
        .collect()
}

fn warning_signs(d: &mut Diagnostics, mut t: Table) -> WarningSigns {
    let w = WarningSigns {
        call_clinic: lines(d, &mut t, "call_clinic", true),
        emergency: lines(d, &mut t, "emergency", true),
        emergency_call: t.opt_text(d, "emergency_call"),
        compare: compare(d, &mut t, "warning_signs"),
    };
    t.finish(d);
    w
}

fn glossary_entry(d: &mut Diagnostics, mut t: Table) -> Option<GlossaryEntry> {
    let term = t.text(d, "term");
    let forms = t.text_list(d, "forms", false);
    let definition = t.text(d, "definition");
    t.finish(d);
    Some(GlossaryEntry {
        term: term?,
        forms,
        definition: definition?,
    })
}

fn visit(d: &mut Diagnostics, mut t: Table) -> Option<Visit> {
    let name = t.text(d, "name");
    let earliest = t.int(d, "earliest_day", 1..=MAX_DAY);
    let aftercare = t
        .tables(d, "aftercare", "[[addons.visit.aftercare]]", false)
        .into_iter()
        .filter_map(|e| addon_aftercare(d, e, "addons.visit.aftercare"))
        .collect();
    let restrictions = t
        .tables(d, "restrictions", "[[addons.visit.restrictions]]", false)
        .into_iter()
        .filter_map(|r| addon_restriction(d, r))
        .collect();
    t.finish(d);
    let earliest = earliest?;
    Some(Visit {
        name: name?,
        earliest_day: *earliest.get_ref(),
        earliest_span: earliest.span(),
        aftercare,
        restrictions,
    })
}

fn addon(d: &mut Diagnostics, mut t: Table) -> Option<Addon> {
    let errors_before = d.error_count();
    let id = t.id(d, "id");
    let name = t.text(d, "name");
    let label = t.text(d, "label");
    let about = lines(d, &mut t, "about", true);
    let preparation = t
        .opt_table(d, "preparation", "[addons.preparation]")
        .map(|p| addon_preparation(d, p))
        .unwrap_or_default();
    let numbing = t
        .opt_table(d, "numbing", "[addons.numbing]")
        .map(|mut n| {
            let lines = AddonNumbing {
                steps: addon_lines(d, &mut n, "steps"),
                feel: addon_lines(d, &mut n, "feel"),
                safety: addon_lines(d, &mut n, "safety"),
            };
            n.finish(d);
            lines
        })
        .unwrap_or_default();
    let procedure = t
        .opt_table(d, "procedure", "[addons.procedure]")
        .map(|mut p| {
            let lines = AddonProcedure {
                steps: addon_lines(d, &mut p, "steps"),
                feel: addon_lines(d, &mut p, "feel"),
                right_after: addon_lines(d, &mut p, "right_after"),
            };
            p.finish(d);
            lines
        })
        .unwrap_or_default();
    let aftercare = t
        .tables(d, "aftercare", "[[addons.aftercare]]", false)
        .into_iter()
        .filter_map(|e| addon_aftercare(d, e, "addons.aftercare"))
        .collect();
    let restrictions = t
        .tables(d, "restrictions", "[[addons.restrictions]]", false)
        .into_iter()
        .filter_map(|r| addon_restriction(d, r))
        .collect();
    let warning_signs = t
        .opt_table(d, "warning_signs", "[addons.warning_signs]")
        .map(|mut w| {
            let signs = AddonWarningSigns {
                call_clinic: addon_lines(d, &mut w, "call_clinic"),
                emergency: addon_lines(d, &mut w, "emergency"),
                compare: compare(d, &mut w, "addons.warning_signs"),
            };
            w.finish(d);
            signs
        })
        .unwrap_or_default();
    let glossary = t
        .tables(d, "glossary", "[[addons.glossary]]", false)
        .into_iter()
        .filter_map(|g| glossary_entry(d, g))
        .collect();
    let milestones = milestones(d, &mut t, "[[addons.milestones]]");
    let visit = t
        .opt_table(d, "visit", "[addons.visit]")
        .and_then(|v| visit(d, v));
    t.finish(d);
    if d.error_count() > errors_before {
        return None;
    }
    Some(Addon {
        id: id?,
        name: name?,
        label: label?,
        about,
        preparation,
        numbing,
        procedure,
        aftercare,
        restrictions,
        warning_signs,
        glossary,
        milestones,
        visit,
    })
}
