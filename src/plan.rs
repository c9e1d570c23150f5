//! A plan: one guide merged with the add-ons a patient chose, and optionally
//! dated from a treatment date. Every view (screens, print, kiosk) shows a plan.
//!
//! Merging is defined once, here:
//! - an add-on line without a placement goes after the guide's own lines
//!   (an aftercare line into every guide entry its days overlap);
//! - a line placed `before`, `after` or `replace` a guide line (named by its
//!   id) goes there; `remove` leaves the guide line out;
//! - a restriction with a new id is added; one with a guide restriction's id
//!   makes it stricter (the union of the two ranges), and its note is kept;
//! - a visit on another day (a peel weeks later) puts its own care and
//!   limits on the timeline, counted from the visit's earliest day.
//!
//! References in the text (`{limit.no-makeup.after}`) are filled in last, in
//! the plan's language and with dates when the treatment date is known.

use std::sync::Arc;

use jiff::civil::Date;

use crate::dates;
use crate::guide::fill_in::{self, Values};
use crate::guide::model::*;
use crate::i18n::UiText;

/// Why a plan could not be made.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("guide `{guide}` has no add-on `{addon}`{}", available_list(.available))]
    UnknownAddon {
        guide: String,
        addon: String,
        available: Vec<String>,
    },
}

fn available_list(available: &[String]) -> String {
    if available.is_empty() {
        "; it has no add-ons".to_string()
    } else {
        format!("; available: {}", available.join(", "))
    }
}

/// A guide merged with chosen add-ons.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The merged guide: the add-ons' lines in place, marked with their origin.
    pub guide: Guide,
    /// The chosen add-ons, as indexes into `guide.addons`, in guide order.
    pub addons: Vec<usize>,
    /// Day 0, when known.
    pub treatment_date: Option<Date>,
}

impl Plan {
    /// Merges `guide` with the add-ons named in `addon_ids` (each once, in the
    /// guide's order, whatever order they were given in), and fills in the
    /// references in its text.
    pub fn new(
        guide: &Guide,
        addon_ids: &[impl AsRef<str>],
        treatment_date: Option<Date>,
    ) -> Result<Self, PlanError> {
        Self::with_contact(guide, addon_ids, treatment_date, Contact::clone)
    }

    /// [`Plan::new`] with the clinic's contact details put in (`contact`
    /// makes them from the guide's) before the references are filled, so
    /// the text is filled once.
    pub fn with_contact(
        guide: &Guide,
        addon_ids: &[impl AsRef<str>],
        treatment_date: Option<Date>,
        contact: impl FnOnce(&Contact) -> Contact,
    ) -> Result<Self, PlanError> {
        let mut chosen = Vec::new();
        for id in addon_ids {
            let id = id.as_ref();
            match guide.addons.iter().position(|a| a.id.as_str() == id) {
                Some(i) => chosen.push(i),
                None => {
                    return Err(PlanError::UnknownAddon {
                        guide: guide.id.value.to_string(),
                        addon: id.to_string(),
                        available: guide
                            .addons
                            .iter()
                            .map(|a| a.id.value.to_string())
                            .collect(),
                    });
                }
            }
        }
        chosen.sort_unstable();
        chosen.dedup();
        let mut merged = guide.clone();
        for &i in &chosen {
            merge_addon(&mut merged, &guide.addons[i], Origin::Addon(i));
        }
        drop_removed(&mut merged);
        in_category_order(&mut merged);
        merged
            .glossary
            .sort_by_cached_key(|e| e.term.value.to_lowercase());
        merged.contact = contact(&merged.contact);
        let mut plan = Self {
            guide: merged,
            addons: chosen,
            treatment_date,
        };
        plan.fill_references();
        Ok(plan)
    }

    /// Fills in every reference in the plan's text from the plan's values.
    fn fill_references(&mut self) {
        let ui = UiText::for_language(&self.guide.language);
        let values = Values::of_plan(&self.guide, &self.addons);
        let date = self.treatment_date;
        fill_in::fill_guide(&mut self.guide, &values, ui, date);
    }

    /// The glossary in the alphabetical order of the plan's language (ICU
    /// collation: "ácido" among the a's). Sorted when asked: the plan keeps
    /// a cheap order, as collating while every plan is made would cost the
    /// first frame; the words window and the printed page ask.
    pub fn glossary_in_order(&self) -> Vec<&GlossaryEntry> {
        let mut entries: Vec<_> = self.guide.glossary.iter().collect();
        crate::i18n::sort_for_language(&mut entries, &self.guide.language, |e| e.term.as_str());
        entries
    }

    /// The chosen add-ons.
    pub fn chosen_addons(&self) -> impl Iterator<Item = &Addon> {
        self.addons.iter().map(|&i| &self.guide.addons[i])
    }

    /// The add-on a line came from, if any.
    pub fn origin_addon(&self, origin: Origin) -> Option<&Addon> {
        match origin {
            Origin::Guide => None,
            Origin::Addon(i) => self.guide.addons.get(i),
        }
    }

    /// The calendar date of a plan day, when the treatment date is known.
    pub fn date_of(&self, day: i64) -> Option<Date> {
        self.treatment_date.and_then(|t| dates::date_of_day(t, day))
    }

    /// The plan's calendar reminders, in day order (a day's in the order
    /// below), in the plan's language:
    /// - the first day after each limit (`avoid`) that lasts into the
    ///   treatment or after it: its `reminder`, else "From today, this limit
    ///   is over: LABEL";
    /// - the first day of each thing to keep doing (`do`): its `reminder`,
    ///   else "Start today: LABEL";
    /// - each visit an add-on brings, on its earliest day;
    /// - the guide's `[[milestones]]`, then the chosen add-ons'.
    ///
    /// A restriction with `remind = false` has none; the same text twice on
    /// one day is said once.
    pub fn milestones(&self) -> Vec<PlanMilestone> {
        let ui = UiText::for_language(&self.guide.language);
        let g = &self.guide;
        let mut out: Vec<PlanMilestone> = Vec::new();
        for r in g.restrictions.iter().filter(|r| r.remind) {
            let (day, template) = match r.kind {
                RestrictionKind::Avoid if r.days.to >= 0 => {
                    (r.days.to + 1, &ui.milestone_limit_ends)
                }
                RestrictionKind::Avoid => continue,
                RestrictionKind::Do => (r.days.from, &ui.milestone_do_starts),
            };
            let text = match &r.reminder {
                Some(t) => t.value.to_string(),
                None => crate::i18n::fill(template, &[("label", &r.label.value)]),
            };
            out.push(PlanMilestone { day, text });
        }
        for v in &g.visits {
            out.push(PlanMilestone {
                day: v.day,
                text: v.name.value.to_string(),
            });
        }
        for m in &g.milestones {
            out.push(PlanMilestone {
                day: m.day,
                text: m.text.value.to_string(),
            });
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|m| seen.insert((m.day, m.text.clone())));
        out.sort_by_key(|m| m.day);
        out
    }

    /// Which plan day `today` is, when the treatment date is known.
    pub fn day_of(&self, today: Date) -> Option<i64> {
        self.treatment_date.map(|t| dates::day_of_date(t, today))
    }
}

/// One calendar reminder: a plan day and what to tell the patient on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanMilestone {
    pub day: i64,
    pub text: String,
}

fn tagged(text: &Text, origin: Origin) -> Text {
    text.clone().with_origin(origin)
}

/// A removed line stays as an empty placeholder (keeping its id, so another
/// add-on can still place a line next to where it was) until the merge ends.
fn tombstone(id: &LineId, origin: Origin) -> Text {
    let mut t = Text::new("", id.span.clone()).with_origin(origin);
    t.id = Some(id.clone());
    t
}

/// Applies one placed line to a list that holds its target. Returns false
/// when the target is not in the list.
fn place_in<T>(
    list: &mut Vec<T>,
    text_of: impl Fn(&T) -> &Text,
    make: impl FnOnce(Text) -> T,
    line: &AddonLine,
    origin: Origin,
) -> bool {
    let Some(target) = line.place.target() else {
        return false;
    };
    let Some(i) = list
        .iter()
        .position(|t| text_of(t).id_str() == Some(target.value.as_str()))
    else {
        return false;
    };
    let new_text = line.text.as_ref().map(|t| tagged(t, origin));
    match (&line.place, new_text) {
        (Place::Before(_), Some(t)) => list.insert(i, make(t)),
        (Place::After(_), Some(t)) => {
            // After the target and after add-on lines already placed after
            // it, so add-ons keep the guide's order.
            let mut at = i + 1;
            while at < list.len() && text_of(&list[at]).origin != Origin::Guide {
                at += 1;
            }
            list.insert(at, make(t));
        }
        (Place::Replace(_), Some(mut t)) => {
            if t.id.is_none() {
                t.id = Some(target.clone());
            }
            list[i] = make(t);
        }
        (Place::Remove(_), _) => list[i] = make(tombstone(target, origin)),
        _ => return false,
    }
    true
}

/// Merges one add-on's lines into a list of texts.
fn merge_lines(list: &mut Vec<Text>, lines: &[AddonLine], origin: Origin) {
    for line in lines {
        let placed = place_in(list, |t| t, |t| t, line, origin);
        if !placed && let Some(text) = &line.text {
            list.push(tagged(text, origin));
        }
    }
}

/// Merges one add-on into a guide.
fn merge_addon(g: &mut Guide, a: &Addon, origin: Origin) {
    for step in &a.preparation.steps {
        let line = &step.line;
        let target_day = line.place.target().and_then(|t| {
            g.preparation
                .steps
                .iter()
                .find(|s| s.text.id_str() == Some(t.value.as_str()))
                .map(|s| s.day)
        });
        let day = step.day.or(target_day).unwrap_or(0);
        let placed = place_in(
            &mut g.preparation.steps,
            |s| &s.text,
            |text| PrepStep { day, text },
            line,
            origin,
        );
        if !placed && let Some(text) = &line.text {
            g.preparation.steps.push(PrepStep {
                day,
                text: tagged(text, origin),
            });
        }
    }
    // Keep preparation in day order (stable: guide lines stay first on a day).
    g.preparation.steps.sort_by_key(|s| s.day);
    for q in &a.preparation.screening {
        g.preparation.screening.push(ScreeningQuestion {
            id: q.id.clone(),
            question: tagged(&q.question, origin),
            why: q.why.as_ref().map(|w| tagged(w, origin)),
        });
    }
    let n = &mut g.numbing.lines;
    merge_lines(&mut n.steps, &a.numbing.steps, origin);
    merge_lines(&mut n.feel, &a.numbing.feel, origin);
    merge_lines(&mut n.safety, &a.numbing.safety, origin);
    let p = &mut g.procedure.lines;
    merge_lines(&mut p.steps, &a.procedure.steps, origin);
    merge_lines(&mut p.feel, &a.procedure.feel, origin);
    merge_lines(&mut p.right_after, &a.procedure.right_after, origin);

    for extra in &a.aftercare {
        merge_aftercare(g, extra, 0, origin);
    }
    for r in &a.restrictions {
        merge_restriction(g, r, 0, origin);
    }

    let w = &mut g.warning_signs;
    merge_lines(&mut w.call_clinic, &a.warning_signs.call_clinic, origin);
    merge_lines(&mut w.emergency, &a.warning_signs.emergency, origin);
    w.compare
        .extend(a.warning_signs.compare.iter().map(|c| NormalOrCall {
            normal: tagged(&c.normal, origin),
            call: tagged(&c.call, origin),
        }));
    for m in &a.milestones {
        g.milestones.push(Milestone {
            day: m.day,
            day_span: m.day_span.clone(),
            text: tagged(&m.text, origin),
        });
    }
    for entry in &a.glossary {
        g.glossary.push(GlossaryEntry {
            term: tagged(&entry.term, origin),
            forms: entry.forms.clone(),
            definition: tagged(&entry.definition, origin),
        });
    }

    if let Some(visit) = &a.visit {
        let day = visit.earliest_day;
        g.visits.push(PlannedVisit {
            name: tagged(&visit.name, origin),
            day,
            origin,
        });
        for extra in &visit.aftercare {
            merge_aftercare(g, extra, day, origin);
        }
        for r in &visit.restrictions {
            merge_restriction(g, r, day, origin);
        }
    }
}

/// An add-on's aftercare (its days moved by `shift`, for a visit's care):
/// placed lines go next to the line they name; the others into every entry
/// the days overlap, in the category's place.
fn merge_aftercare(g: &mut Guide, extra: &AddonAftercare, shift: i64, origin: Origin) {
    let days = extra.days.shifted(shift);
    let category_order: Vec<Arc<str>> = g.categories.iter().map(|c| c.id.value.clone()).collect();
    for note in &extra.care {
        for (kind, line) in &note.lines {
            let mut placed = false;
            if line.place.target().is_some() {
                for entry in g.aftercare.iter_mut().filter(|e| e.days.overlaps(&days)) {
                    for care in &mut entry.care {
                        if place_in(
                            &mut care.lines,
                            |l| &l.text,
                            |text| CareLine { kind: *kind, text },
                            line,
                            origin,
                        ) {
                            placed = true;
                            break;
                        }
                    }
                    if placed {
                        break;
                    }
                }
            }
            let Some(text) = line.text.as_ref().filter(|_| !placed) else {
                continue;
            };
            for entry in g.aftercare.iter_mut().filter(|e| e.days.overlaps(&days)) {
                let at = match entry
                    .care
                    .iter()
                    .position(|c| c.category.value == note.category.value)
                {
                    Some(i) => i,
                    None => {
                        entry.care.push(CareNote {
                            category: note.category.clone(),
                            lines: Vec::new(),
                        });
                        let rank = |c: &CareNote| {
                            category_order.iter().position(|id| *id == c.category.value)
                        };
                        entry.care.sort_by_key(|c| rank(c));
                        entry
                            .care
                            .iter()
                            .position(|c| c.category.value == note.category.value)
                            .unwrap_or(0)
                    }
                };
                entry.care[at].lines.push(CareLine {
                    kind: *kind,
                    text: tagged(text, origin),
                });
            }
        }
    }
}

/// An add-on's restriction (its days moved by `shift`): a new one, or a
/// guide restriction made stricter.
fn merge_restriction(g: &mut Guide, r: &AddonRestriction, shift: i64, origin: Origin) {
    let Origin::Addon(index) = origin else {
        return;
    };
    match g.restrictions.iter_mut().find(|x| x.id.value == r.id.value) {
        Some(existing) => {
            let (from, to) = r.plan_days(Some((existing.days.from, existing.days.to)), shift);
            if (from, to) != (existing.days.from, existing.days.to) {
                existing.days.from = from;
                existing.days.to = to;
                if !existing.widened_by.contains(&index) {
                    existing.widened_by.push(index);
                }
            }
            // The add-on's own note explains its change: never dropped.
            existing
                .notes
                .extend(r.note.iter().map(|n| tagged(n, origin)));
        }
        None => {
            let (Some(category), Some(label)) = (&r.category, &r.label) else {
                // Validation reports a new restriction without them.
                return;
            };
            let (from, to) = r.plan_days(None, shift);
            g.restrictions.push(Restriction {
                id: r.id.clone(),
                category: category.clone(),
                kind: r.kind.unwrap_or(RestrictionKind::Avoid),
                label: tagged(label, origin),
                days: DayRange {
                    from,
                    to,
                    span: r.days.span.clone(),
                },
                notes: r.note.iter().map(|n| tagged(n, origin)).collect(),
                widened_by: Vec::new(),
                reminder: r.reminder.as_ref().map(|t| tagged(t, origin)),
                remind: r.remind.unwrap_or(true),
            });
        }
    }
}

/// Every day shows its categories in the guide's `[[categories]]` order,
/// whatever order the file wrote them in.
fn in_category_order(g: &mut Guide) {
    let order: Vec<&str> = g.categories.iter().map(|c| c.id.as_str()).collect();
    let rank = |c: &CareNote| order.iter().position(|id| *id == c.category.as_str());
    for entry in &mut g.aftercare {
        entry.care.sort_by_key(|c| rank(c));
    }
}

/// Takes out the lines add-ons removed.
fn drop_removed(g: &mut Guide) {
    let keep = |t: &Text| !t.value.is_empty();
    g.preparation.steps.retain(|s| keep(&s.text));
    for list in [
        &mut g.numbing.lines.steps,
        &mut g.numbing.lines.feel,
        &mut g.numbing.lines.safety,
        &mut g.procedure.lines.steps,
        &mut g.procedure.lines.feel,
        &mut g.procedure.lines.right_after,
        &mut g.warning_signs.call_clinic,
        &mut g.warning_signs.emergency,
    ] {
        list.retain(keep);
    }
    for entry in &mut g.aftercare {
        for care in &mut entry.care {
            care.lines.retain(|l| keep(&l.text));
        }
        entry.care.retain(|c| !c.lines.is_empty());
    }
}
