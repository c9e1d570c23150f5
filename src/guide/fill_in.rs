//! Filling in references (see [`super::references`]): the values a plan
//! or a guide holds, and what each reference says in the reader's language.

use std::collections::HashMap;

use jiff::civil::Date;

use super::model::*;
use super::references::{Ref, Which, parse_ref};
use super::walk::{self, Scope};
use crate::i18n::{UiText, fill};

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
                .map(|r| (r.id.value.to_string(), (r.days.from, r.days.to)))
                .collect(),
            numbing_minutes: g.numbing.minutes,
            procedure_minutes: g.procedure.duration_minutes,
            clinic_name: g.contact.name.value.to_string(),
            phone: g.contact.phone.as_ref().map(|p| p.value.to_string()),
            after_hours_phone: g
                .contact
                .after_hours_phone
                .as_ref()
                .map(|p| p.value.to_string()),
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
                v.visits.insert(a.id.value.to_string(), v_.day);
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
            let base = self.limits.get(&*r.id.value).copied();
            self.limits
                .insert(r.id.value.to_string(), r.plan_days(base, shift));
        }
        if let Some(v) = &a.visit {
            self.visits.insert(a.id.value.to_string(), v.earliest_day);
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
    render_ref_with(r, values, ui, &mut |d| {
        day_phrase(ui, d, date.and_then(|t| crate::dates::date_of_day(t, d)))
    })
}

/// [`render_ref`], with `day` saying a plan day.
fn render_ref_with(
    r: &Ref,
    values: &Values,
    ui: &UiText,
    day: &mut dyn FnMut(i64) -> String,
) -> Option<String> {
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
/// hold (which `check` reports) is left as written; so is a template that
/// does not parse.
pub fn render(template: &str, values: &Values, ui: &UiText, date: Option<Date>) -> String {
    Filler::new(values, ui, date).fill(template)
}

/// Fills templates with one set of values. A plan names the same few days
/// in many lines, so what each reference says is worked out once.
struct Filler<'a> {
    values: &'a Values,
    ui: &'a UiText,
    date: Option<Date>,
    /// Reference as written (braces included) → what it says.
    said: HashMap<String, Option<String>>,
    /// Plan day → how it reads (several references name the same day).
    days: HashMap<i64, String>,
}

impl<'a> Filler<'a> {
    fn new(values: &'a Values, ui: &'a UiText, date: Option<Date>) -> Self {
        Self {
            values,
            ui,
            date,
            said: HashMap::new(),
            days: HashMap::new(),
        }
    }

    /// The template filled in, read in one pass (the same reading as
    /// [`parse`]: `{{` and `}}` are braces, `{path}` a reference).
    fn fill(&mut self, template: &str) -> String {
        let bytes = template.as_bytes();
        let mut out = String::with_capacity(template.len() + 16);
        let mut at = 0;
        while let Some(found) = template[at..].find(['{', '}']) {
            let i = at + found;
            out.push_str(&template[at..i]);
            if bytes.get(i + 1) == Some(&bytes[i]) {
                out.push(bytes[i] as char);
                at = i + 2;
                continue;
            }
            let close = match (bytes[i], template[i..].find('}')) {
                (b'{', Some(len)) => i + len + 1,
                _ => return template.to_string(),
            };
            let written = &template[i..close];
            if !self.said.contains_key(written) {
                let Ok(r) = parse_ref(&template[i + 1..close - 1]) else {
                    return template.to_string();
                };
                let (ui, date, days) = (self.ui, self.date, &mut self.days);
                let text = render_ref_with(&r, self.values, ui, &mut |d| {
                    days.entry(d)
                        .or_insert_with(|| {
                            day_phrase(ui, d, date.and_then(|t| crate::dates::date_of_day(t, d)))
                        })
                        .clone()
                });
                self.said.insert(written.to_string(), text);
            }
            match &self.said[written] {
                Some(text) => out.push_str(text),
                None => out.push_str(written),
            }
            at = close;
        }
        out.push_str(&template[at..]);
        out
    }
}

/// Fills every reference in a merged plan's text.
pub fn fill_guide(g: &mut Guide, values: &Values, ui: &UiText, date: Option<Date>) {
    let mut filler = Filler::new(values, ui, date);
    walk::texts_mut(g, |text, _| {
        if let Some(template) = &text.template {
            text.value = filler.fill(template).into();
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
            text.value = render(template, values, ui, None).into();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::references::{Piece, parse};

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

    /// The one-pass filling reads templates as [`parse`] does: the same
    /// text for braces, references, unknown values and mistakes.
    #[test]
    fn filling_in_one_pass_reads_templates_as_parse_does() {
        fn by_pieces(template: &str, values: &Values, ui: &UiText) -> String {
            let Ok(pieces) = parse(template) else {
                return template.to_string();
            };
            pieces
                .iter()
                .map(|p| match p {
                    Piece::Literal(s) => s.clone(),
                    Piece::Ref(r, range) => render_ref(r, values, ui, None)
                        .unwrap_or_else(|| template[range.clone()].to_string()),
                })
                .collect()
        }
        let ui = UiText::english();
        let mut v = Values::default();
        v.limits.insert("no-sun".into(), (0, 3));
        let templates = [
            "",
            "plain text, no braces",
            "{{literal}} and }} and {{",
            "Until {limit.no-sun.last}, then {limit.no-sun.after}; again {limit.no-sun.last}.",
            "{limit.missing.after} stays as written",
            "{numbing.minutes}{procedure.minutes}",
            "é {clinic.name} ñ {{ {visit.prp}",
            "unclosed {limit.no-sun.after",
            "a } alone",
            "unknown {numbing.minute} reference",
            "{ limit.no-sun.first }",
        ];
        let mut filler = Filler::new(&v, ui, None);
        for t in templates {
            let expected = by_pieces(t, &v, ui);
            assert_eq!(render(t, &v, ui, None), expected, "{t:?}");
            // A filler used for many texts gives the same.
            assert_eq!(filler.fill(t), expected, "{t:?}");
        }
    }
}
