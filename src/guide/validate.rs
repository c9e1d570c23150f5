//! Semantic rules a guide must follow beyond its schema: unique ids, day
//! coverage, real categories, add-ons that fit the guide.

use std::collections::HashSet;

use super::diagnostic::{Diagnostics, position};
use super::model::*;
use super::sections::day_range_name;
use crate::toml_reader::suggestion;

/// The aftercare must reach at least this day.
pub const MIN_LAST_AFTERCARE_DAY: i64 = 14;

/// Runs every semantic rule on a parsed guide.
pub fn validate_guide(g: &Guide, source: &str, d: &mut Diagnostics) {
    let unique = |d: &mut Diagnostics, what: &str, ids: &mut dyn Iterator<Item = &Text>| {
        unique(d, source, what, ids)
    };
    unique(d, "category id", &mut g.categories.iter().map(|c| &c.id));
    unique(
        d,
        "screening question id",
        &mut g
            .preparation
            .screening
            .iter()
            .chain(g.addons.iter().flat_map(|a| &a.preparation.screening))
            .map(|q| &q.id),
    );
    unique(
        d,
        "restriction id",
        &mut g.restrictions.iter().map(|r| &r.id),
    );
    unique(d, "add-on id", &mut g.addons.iter().map(|a| &a.id));
    unique_terms(
        d,
        g.glossary
            .iter()
            .chain(g.addons.iter().flat_map(|a| &a.glossary)),
    );

    let category_ids: Vec<&str> = g.categories.iter().map(|c| c.id.as_str()).collect();
    aftercare_coverage(g, d);
    for e in &g.aftercare {
        aftercare_entry(d, e, &category_ids, true);
    }
    for r in &g.restrictions {
        known_category(d, &r.category, &category_ids, "restriction");
    }

    let (first, last) = (0, g.last_day());
    for a in &g.addons {
        unique(
            d,
            "restriction id in this add-on",
            &mut a.restrictions.iter().map(|r| &r.id),
        );
        for r in &a.restrictions {
            known_category(d, &r.category, &category_ids, "restriction");
        }
        for e in &a.aftercare {
            aftercare_entry(d, e, &category_ids, false);
            if e.days.from < first || e.days.to > last {
                d.error(
                    e.days.span.clone(),
                    format!(
                        "add-on `{}` has aftercare for {}, outside the guide's aftercare (Day {first} to Day {last})",
                        a.id,
                        day_range_name(&e.days)
                    ),
                );
            }
        }
    }
}

fn unique(d: &mut Diagnostics, source: &str, what: &str, ids: &mut dyn Iterator<Item = &Text>) {
    let mut seen: std::collections::HashMap<&str, &Text> = std::collections::HashMap::new();
    for id in ids {
        if let Some(first) = seen.get(id.as_str()) {
            let first = position(source, first.span.start);
            d.error(
                id.span.clone(),
                format!(
                    "duplicate {what} `{}`: it is already used on line {}; ids must be unique",
                    id.value, first.line
                ),
            );
        } else {
            seen.insert(id.as_str(), id);
        }
    }
}

fn unique_terms<'g>(d: &mut Diagnostics, entries: impl Iterator<Item = &'g GlossaryEntry>) {
    let mut seen = HashSet::new();
    for e in entries {
        for spelling in std::iter::once(&e.term).chain(&e.forms) {
            if !seen.insert(spelling.value.to_lowercase()) {
                d.error(
                    spelling.span.clone(),
                    format!("glossary term `{}` is defined twice", spelling.value),
                );
            }
        }
    }
}

fn known_category(d: &mut Diagnostics, category: &Text, known: &[&str], what: &str) {
    if !known.contains(&category.as_str()) {
        d.error(
            category.span.clone(),
            format!(
                "{what} category `{}` is not one of the guide's [[categories]]{}",
                category.value,
                suggestion(category, known)
            ),
        );
    }
}

fn aftercare_entry(
    d: &mut Diagnostics,
    e: &AftercareEntry,
    categories: &[&str],
    needs_action: bool,
) {
    let name = day_range_name(&e.days);
    if e.care.is_empty() {
        d.error(
            e.days.span.clone(),
            format!("aftercare for {name} has no `care.<category>` table: say what to expect and what to do"),
        );
        return;
    }
    for note in &e.care {
        if !categories.contains(&note.category.as_str()) {
            d.error(
                note.category.span.clone(),
                format!(
                    "unknown category `{}` in the aftercare for {name}{}",
                    note.category.value,
                    suggestion(&note.category, categories)
                ),
            );
        }
        if note.expect.is_empty() && note.actions.is_empty() {
            d.error(
                note.category.span.clone(),
                format!(
                    "`care.{}` for {name} is empty: give it `expect` or `do` lines",
                    note.category.value
                ),
            );
        }
    }
    if needs_action && e.care.iter().all(|c| c.actions.is_empty()) {
        d.error(
            e.days.span.clone(),
            format!(
                "aftercare for {name} has no `do` line: every day needs at least one thing to do"
            ),
        );
    }
}

/// The aftercare entries must run Day 0, 1, 2, ... with no gap or overlap,
/// in order, to at least [`MIN_LAST_AFTERCARE_DAY`].
fn aftercare_coverage(g: &Guide, d: &mut Diagnostics) {
    let mut expected_next = 0;
    for e in &g.aftercare {
        let name = day_range_name(&e.days);
        if e.days.from > expected_next {
            let gap = if e.days.from - 1 == expected_next {
                format!("Day {expected_next}")
            } else {
                format!("Days {expected_next}-{}", e.days.from - 1)
            };
            d.error(
                e.days.span.clone(),
                format!(
                    "aftercare has a gap: nothing covers {gap} (this entry starts at Day {})",
                    e.days.from
                ),
            );
        } else if e.days.from < expected_next {
            d.error(
                e.days.span.clone(),
                format!(
                    "aftercare for {name} overlaps or comes before the entry above it, which covers up to Day {}; \
                     entries must be in day order with no overlap",
                    expected_next - 1
                ),
            );
        }
        expected_next = expected_next.max(e.days.to + 1);
    }
    let last = expected_next - 1;
    if !g.aftercare.is_empty() && last < MIN_LAST_AFTERCARE_DAY {
        let span = g.aftercare.last().map(|e| e.days.span.clone());
        d.error(
            span,
            format!("aftercare stops at Day {last}: it must reach at least Day {MIN_LAST_AFTERCARE_DAY} (two weeks)"),
        );
    }
}
