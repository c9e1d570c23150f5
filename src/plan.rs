//! A plan: one guide merged with the add-ons a patient chose, and optionally
//! dated from a treatment date. Every view (screens, print, kiosk) shows a plan.

use jiff::civil::Date;

use crate::dates;
use crate::guide::model::*;

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
    /// The merged guide: the add-ons' lines appended, marked with their origin.
    pub guide: Guide,
    /// The chosen add-ons, as indexes into `guide.addons`, in guide order.
    pub addons: Vec<usize>,
    /// Day 0, when known.
    pub treatment_date: Option<Date>,
}

impl Plan {
    /// Merges `guide` with the add-ons named in `addon_ids` (each once, in the
    /// guide's order, whatever order they were given in).
    pub fn new(
        guide: &Guide,
        addon_ids: &[impl AsRef<str>],
        treatment_date: Option<Date>,
    ) -> Result<Self, PlanError> {
        let mut chosen = Vec::new();
        for id in addon_ids {
            let id = id.as_ref();
            match guide.addons.iter().position(|a| a.id.as_str() == id) {
                Some(i) => chosen.push(i),
                None => {
                    return Err(PlanError::UnknownAddon {
                        guide: guide.id.value.clone(),
                        addon: id.to_string(),
                        available: guide.addons.iter().map(|a| a.id.value.clone()).collect(),
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
        merged.glossary.sort_by_key(|e| e.term.value.to_lowercase());
        Ok(Self {
            guide: merged,
            addons: chosen,
            treatment_date,
        })
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

    /// Which plan day `today` is, when the treatment date is known.
    pub fn day_of(&self, today: Date) -> Option<i64> {
        self.treatment_date.map(|t| dates::day_of_date(t, today))
    }
}

fn tagged(texts: &[Text], origin: Origin) -> impl Iterator<Item = Text> + '_ {
    texts.iter().map(move |t| t.clone().with_origin(origin))
}

/// Merges one add-on into a guide: lines are appended in order; an
/// aftercare line goes to every entry its days overlap; a restriction with
/// an existing id takes the wider range; nothing is dropped.
fn merge_addon(g: &mut Guide, a: &Addon, origin: Origin) {
    for s in &a.preparation.steps {
        g.preparation.steps.push(PrepStep {
            day: s.day,
            text: s.text.clone().with_origin(origin),
        });
    }
    // Keep preparation in day order (stable: guide lines stay first on a day).
    g.preparation.steps.sort_by_key(|s| s.day);
    for q in &a.preparation.screening {
        g.preparation.screening.push(ScreeningQuestion {
            id: q.id.clone(),
            question: q.question.clone().with_origin(origin),
            why: q.why.clone().map(|w| w.with_origin(origin)),
        });
    }
    let n = &mut g.numbing.lines;
    n.steps.extend(tagged(&a.numbing.steps, origin));
    n.feel.extend(tagged(&a.numbing.feel, origin));
    n.safety.extend(tagged(&a.numbing.safety, origin));
    let p = &mut g.procedure.lines;
    p.steps.extend(tagged(&a.procedure.steps, origin));
    p.feel.extend(tagged(&a.procedure.feel, origin));
    p.right_after
        .extend(tagged(&a.procedure.right_after, origin));

    let category_order: Vec<String> = g.categories.iter().map(|c| c.id.value.clone()).collect();
    for extra in &a.aftercare {
        for entry in g
            .aftercare
            .iter_mut()
            .filter(|e| e.days.overlaps(&extra.days))
        {
            for note in &extra.care {
                let target = match entry
                    .care
                    .iter()
                    .position(|c| c.category.value == note.category.value)
                {
                    Some(i) => i,
                    None => {
                        entry.care.push(CareNote {
                            category: note.category.clone(),
                            expect: Vec::new(),
                            actions: Vec::new(),
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
                let care = &mut entry.care[target];
                care.expect.extend(tagged(&note.expect, origin));
                care.actions.extend(tagged(&note.actions, origin));
            }
        }
    }

    for r in &a.restrictions {
        let Origin::Addon(index) = origin else {
            continue;
        };
        match g.restrictions.iter_mut().find(|x| x.id.value == r.id.value) {
            Some(existing) => {
                if r.days.from < existing.days.from || r.days.to > existing.days.to {
                    existing.days.from = existing.days.from.min(r.days.from);
                    existing.days.to = existing.days.to.max(r.days.to);
                    existing.widened_by.push(index);
                }
                // The add-on's own note explains its change: never dropped.
                existing.notes.extend(tagged(&r.notes, origin));
            }
            None => {
                let mut added = r.clone();
                added.label = added.label.with_origin(origin);
                added.notes = tagged(&r.notes, origin).collect();
                g.restrictions.push(added);
            }
        }
    }

    g.warning_signs
        .call_clinic
        .extend(tagged(&a.warning_signs.call_clinic, origin));
    g.warning_signs
        .emergency
        .extend(tagged(&a.warning_signs.emergency, origin));
    for entry in &a.glossary {
        g.glossary.push(GlossaryEntry {
            term: entry.term.clone().with_origin(origin),
            forms: entry.forms.clone(),
            definition: entry.definition.clone().with_origin(origin),
        });
    }
}
