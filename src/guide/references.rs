//! References: guide text that names a value the guide holds, so the
//! value is written once and every sentence follows it.
//!
//! | reference | says |
//! |---|---|
//! | `{limit.ID.first}` | the first day of restriction `ID` ("Day 0"; "7 days before your treatment" before Day 0) |
//! | `{limit.ID.last}` | its last day |
//! | `{limit.ID.after}` | the day after it ends (when the patient may start again) |
//! | `{numbing.minutes}` | how long the numbing cream stays on ("30 minutes") |
//! | `{procedure.minutes}` | how long the treatment takes ("about 30 to 60 minutes") |
//! | `{clinic.name}`, `{clinic.phone}`, `{clinic.after_hours_phone}` | the clinic's contact details (the config file's, when it sets them) |
//! | `{visit.ADDON}` | the earliest day of an add-on's visit ("Day 14") |
//!
//! A day says its date too when the treatment date is known:
//! "Day 4 (Tue 24 Nov)". `{{` and `}}` write a brace.

use std::collections::HashMap;
use std::ops::Range;

use jiff::civil::Date;

use super::model::*;
use super::walk::{self, Scope};
use crate::i18n::{UiText, fill};
use crate::toml_reader::closest;

/// Which day of a restriction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    First,
    Last,
    After,
}

/// A value a text can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ref {
    Limit { id: String, which: Which },
    NumbingMinutes,
    ProcedureMinutes,
    ClinicName,
    ClinicPhone,
    ClinicAfterHoursPhone,
    Visit { addon: String },
}

/// A template in pieces: text as it is, and references.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    /// A reference and where it is in the template (braces included).
    Ref(Ref, Range<usize>),
}

/// A mistake in a template, at a byte range of the template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub range: Range<usize>,
    pub message: String,
}

/// The forms a reference can take, for messages.
pub const FORMS: &str = "{limit.ID.first}, {limit.ID.last}, {limit.ID.after}, {numbing.minutes}, \
     {procedure.minutes}, {clinic.name}, {clinic.phone}, {clinic.after_hours_phone}, {visit.ADDON}";

/// Splits a template into literal text and references.
pub fn parse(template: &str) -> Result<Vec<Piece>, TemplateError> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = template.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, n)| n == '{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().is_some_and(|&(_, n)| n == '}') => {
                chars.next();
                literal.push('}');
            }
            '}' => {
                return Err(TemplateError {
                    range: i..i + 1,
                    message: "a `}` without a `{` before it; write `}}` for a brace".into(),
                });
            }
            '{' => {
                let Some(len) = template[i..].find('}') else {
                    return Err(TemplateError {
                        range: i..template.len(),
                        message: "a `{` that is never closed with `}`; a reference looks like `{numbing.minutes}` \
                                  (write `{{` for a brace)"
                            .to_string(),
                    });
                };
                let range = i..i + len + 1;
                let path = &template[i + 1..i + len];
                let r = parse_ref(path).map_err(|message| TemplateError {
                    range: range.clone(),
                    message,
                })?;
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Ref(r, range));
                while chars.peek().is_some_and(|&(j, _)| j < i + len + 1) {
                    chars.next();
                }
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    Ok(pieces)
}

fn parse_ref(path: &str) -> Result<Ref, String> {
    let parts: Vec<&str> = path.trim().split('.').collect();
    let unknown = || {
        let suggestion = closest(
            path,
            [
                "numbing.minutes",
                "procedure.minutes",
                "clinic.name",
                "clinic.phone",
                "clinic.after_hours_phone",
            ],
        )
        .map(|s| format!(", did you mean `{{{s}}}`?"))
        .unwrap_or_else(|| format!("; a reference is one of {FORMS}"));
        format!("unknown reference `{{{path}}}`{suggestion}")
    };
    match parts.as_slice() {
        ["limit", id, which] => {
            let which = match *which {
                "first" => Which::First,
                "last" => Which::Last,
                "after" => Which::After,
                other => {
                    let hint = closest(other, ["first", "last", "after"])
                        .map(|s| format!(", did you mean `{{limit.{id}.{s}}}`?"))
                        .unwrap_or_else(|| {
                            "; a limit's day is `first`, `last` or `after`".to_string()
                        });
                    return Err(format!("unknown reference `{{{path}}}`{hint}"));
                }
            };
            Ok(Ref::Limit {
                id: id.to_string(),
                which,
            })
        }
        ["limit", ..] => Err(format!(
            "`{{{path}}}`: a limit reference is `{{limit.ID.first}}`, `{{limit.ID.last}}` or `{{limit.ID.after}}`"
        )),
        ["numbing", "minutes"] => Ok(Ref::NumbingMinutes),
        ["procedure", "minutes"] => Ok(Ref::ProcedureMinutes),
        ["clinic", "name"] => Ok(Ref::ClinicName),
        ["clinic", "phone"] => Ok(Ref::ClinicPhone),
        ["clinic", "after_hours_phone"] => Ok(Ref::ClinicAfterHoursPhone),
        ["visit", addon] => Ok(Ref::Visit {
            addon: addon.to_string(),
        }),
        _ => Err(unknown()),
    }
}

/// The template with each reference replaced by `…`: the literal text an
/// author wrote, for checks that look for numbers in prose.
pub fn literal_view(text: &Text) -> std::borrow::Cow<'_, str> {
    let Some(template) = &text.template else {
        return std::borrow::Cow::Borrowed(&text.value);
    };
    match parse(template) {
        Ok(pieces) => std::borrow::Cow::Owned(
            pieces
                .iter()
                .map(|p| match p {
                    Piece::Literal(s) => s.as_str(),
                    Piece::Ref(..) => "…",
                })
                .collect(),
        ),
        Err(_) => std::borrow::Cow::Borrowed(template),
    }
}

/// The text as written, with each reference blanked out by spaces (the
/// same length, so positions still match the template): the literal text
/// an author wrote, for checks that look for numbers in prose.
pub fn blanked(text: &Text) -> String {
    let Some(template) = &text.template else {
        return text.value.clone();
    };
    let Ok(pieces) = parse(template) else {
        return template.clone();
    };
    let mut out = template.clone().into_bytes();
    for p in &pieces {
        if let Piece::Ref(_, range) = p {
            for b in &mut out[range.clone()] {
                *b = b' ';
            }
        }
    }
    // Only ASCII braces and path characters were replaced.
    String::from_utf8(out).unwrap_or_else(|_| template.clone())
}

/// The values references can name, for one plan (or one scope of a guide).
#[derive(Clone, Debug, Default)]
pub struct Values {
    /// Restriction id → (first day, last day).
    pub limits: HashMap<String, (i64, i64)>,
    pub numbing_minutes: u32,
    pub procedure_minutes: (u32, u32),
    pub clinic_name: String,
    pub phone: Option<String>,
    pub after_hours_phone: Option<String>,
    /// Add-on id → the earliest day of its visit.
    pub visits: HashMap<String, i64>,
}

impl Values {
    fn base(g: &Guide) -> Self {
        Values {
            limits: g
                .restrictions
                .iter()
                .map(|r| (r.id.value.clone(), (r.days.from, r.days.to)))
                .collect(),
            numbing_minutes: g.numbing.minutes,
            procedure_minutes: g.procedure.duration_minutes,
            clinic_name: g.contact.name.value.clone(),
            phone: g.contact.phone.as_ref().map(|p| p.value.clone()),
            after_hours_phone: g
                .contact
                .after_hours_phone
                .as_ref()
                .map(|p| p.value.clone()),
            visits: HashMap::new(),
        }
    }

    /// A merged plan's values (its restrictions already hold the add-ons').
    pub fn of_plan(g: &Guide, chosen: &[usize]) -> Self {
        let mut v = Self::base(g);
        for v_ in &g.visits {
            if let Origin::Addon(i) = v_.origin
                && let Some(a) = g.addons.get(i)
            {
                v.visits.insert(a.id.value.clone(), v_.day);
            }
        }
        // Add-ons not chosen still have text (their names, what they are);
        // their own limits are filled in as they would be if chosen.
        for (i, a) in g.addons.iter().enumerate() {
            if !chosen.contains(&i) {
                v.add_missing(a);
            }
        }
        v
    }

    /// A guide's values as they are with no add-on, or with one add-on
    /// merged in: the values an add-on's own text is read with.
    pub fn of_scope(g: &Guide, scope: Scope) -> Self {
        let mut v = Self::base(g);
        if let Scope::Addon(i) = scope
            && let Some(a) = g.addons.get(i)
        {
            v.merge(a);
        }
        v
    }

    /// An add-on's limits and visit, merged as a plan merges them.
    pub fn merge(&mut self, a: &Addon) {
        let shifted = a.restrictions.iter().map(|r| (r, 0)).chain(
            a.visit
                .iter()
                .flat_map(|v| v.restrictions.iter().map(move |r| (r, v.earliest_day))),
        );
        for (r, shift) in shifted {
            let base = self.limits.get(&r.id.value).copied();
            self.limits
                .insert(r.id.value.clone(), r.plan_days(base, shift));
        }
        if let Some(v) = &a.visit {
            self.visits.insert(a.id.value.clone(), v.earliest_day);
        }
    }

    fn add_missing(&mut self, a: &Addon) {
        let mut own = Values::default();
        own.merge(a);
        for (id, days) in own.limits {
            self.limits.entry(id).or_insert(days);
        }
        for (id, day) in own.visits {
            self.visits.entry(id).or_insert(day);
        }
    }
}

/// A plan day in running text: "Day 4", or "7 days before your treatment";
/// with its date when known.
pub fn day_phrase(ui: &UiText, day: i64, date: Option<Date>) -> String {
    let phrase = if day >= 0 {
        fill(&ui.ref_day, &[("n", &day)])
    } else {
        fill(&ui.ref_days_before, &[("n", &-day)])
    };
    match date {
        Some(date) => fill(
            &ui.ref_with_date,
            &[("day", &phrase), ("date", &ui.date_short(date))],
        ),
        None => phrase,
    }
}

/// What one reference says; `None` when the values do not hold it.
pub fn render_ref(r: &Ref, values: &Values, ui: &UiText, date: Option<Date>) -> Option<String> {
    let day = |d: i64| day_phrase(ui, d, date.and_then(|t| crate::dates::date_of_day(t, d)));
    Some(match r {
        Ref::Limit { id, which } => {
            let (first, last) = *values.limits.get(id)?;
            day(match which {
                Which::First => first,
                Which::Last => last,
                Which::After => last + 1,
            })
        }
        Ref::NumbingMinutes => ui.minutes_exact(values.numbing_minutes),
        Ref::ProcedureMinutes => ui.minutes(values.procedure_minutes.0, values.procedure_minutes.1),
        Ref::ClinicName => values.clinic_name.clone(),
        Ref::ClinicPhone => values
            .phone
            .clone()
            .unwrap_or_else(|| ui.phone_unknown.to_string()),
        Ref::ClinicAfterHoursPhone => values
            .after_hours_phone
            .clone()
            .or_else(|| values.phone.clone())
            .unwrap_or_else(|| ui.phone_unknown.to_string()),
        Ref::Visit { addon } => day(*values.visits.get(addon)?),
    })
}

/// A template with its references filled in. A reference the values do not
/// hold (which `check` reports) is left as written.
pub fn render(template: &str, values: &Values, ui: &UiText, date: Option<Date>) -> String {
    let Ok(pieces) = parse(template) else {
        return template.to_string();
    };
    let mut out = String::with_capacity(template.len() + 16);
    for p in &pieces {
        match p {
            Piece::Literal(s) => out.push_str(s),
            Piece::Ref(r, range) => match render_ref(r, values, ui, date) {
                Some(s) => out.push_str(&s),
                None => out.push_str(&template[range.clone()]),
            },
        }
    }
    out
}

/// Fills every reference in a merged plan's text.
pub fn fill_guide(g: &mut Guide, values: &Values, ui: &UiText, date: Option<Date>) {
    walk::texts_mut(g, |text, _| {
        if let Some(template) = &text.template {
            text.value = render(template, values, ui, date);
        }
    });
}

/// Fills a loaded guide's references as a reader with no treatment date
/// would see them: the guide's own text with the guide's values, each
/// add-on's text with that add-on merged in. The checks of prose (reading
/// level, glossary use) read this.
pub fn fill_for_checks(g: &mut Guide) {
    let ui = UiText::for_language(&g.language);
    let base = Values::of_scope(g, Scope::Guide);
    let per_addon: Vec<Values> = (0..g.addons.len())
        .map(|i| Values::of_scope(g, Scope::Addon(i)))
        .collect();
    walk::texts_mut(g, |text, scope| {
        if let Some(template) = &text.template {
            let values = match scope {
                Scope::Guide => &base,
                Scope::Addon(i) => &per_addon[i],
            };
            text.value = render(template, values, ui, None);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_into_text_and_references() {
        let p = parse("From {limit.no-pools.after} you may swim. {{x}}").unwrap();
        assert_eq!(
            p,
            [
                Piece::Literal("From ".into()),
                Piece::Ref(
                    Ref::Limit {
                        id: "no-pools".into(),
                        which: Which::After
                    },
                    5..27
                ),
                Piece::Literal(" you may swim. {x}".into()),
            ]
        );
    }

    #[test]
    fn mistakes_say_what_was_expected() {
        let e = parse("Wait {numbing.minute}.").unwrap_err();
        assert_eq!(e.range, 5..21);
        assert!(
            e.message.contains("did you mean `{numbing.minutes}`?"),
            "{}",
            e.message
        );
        let e = parse("Until {limit.no-sun.end}.").unwrap_err();
        assert!(
            e.message.contains("`first`, `last` or `after`"),
            "{}",
            e.message
        );
        let e = parse("Until {limit.no-sun.after").unwrap_err();
        assert!(e.message.contains("never closed"), "{}", e.message);
        let e = parse("a } b").unwrap_err();
        assert_eq!(e.range, 2..3);
    }

    #[test]
    fn days_render_in_the_readers_language_with_dates() {
        let en = UiText::english();
        let es = UiText::for_language("es");
        let mut v = Values::default();
        v.limits.insert("no-pools".into(), (0, 3));
        v.limits.insert("no-tan".into(), (-7, 14));
        v.numbing_minutes = 30;
        let t = "From {limit.no-pools.after}; stop {limit.no-tan.first}; {numbing.minutes}";
        assert_eq!(
            render(t, &v, en, None),
            "From Day 4; stop 7 days before your treatment; 30 minutes"
        );
        let date = Some(jiff::civil::date(2026, 11, 20));
        assert_eq!(
            render("desde el {limit.no-pools.after}", &v, es, date),
            "desde el día 4 (mar 24 nov)"
        );
        assert_eq!(
            render("{clinic.phone}", &v, en, None),
            "the phone number on your appointment card"
        );
    }
}
