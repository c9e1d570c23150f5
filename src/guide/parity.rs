//! Language versions of one guide must agree on structure and numbers, so a
//! translation can never change a medical number unnoticed.

use std::path::Path;

use super::diagnostic::Diagnostics;
use super::model::*;
use super::sections::{day_range_name, patient_sections};

/// Compares `translation` with `reference` (read from `reference_path`),
/// reporting each difference at the translation's position.
pub fn compare_languages(
    reference: &Guide,
    reference_path: &Path,
    translation: &Guide,
    d: &mut Diagnostics,
) {
    let r_lang = reference.language.as_str();
    let original = format!("the `{r_lang}` version ({})", reference_path.display());

    let ids = |v: &[Category]| v.iter().map(|c| c.id.value.clone()).collect::<Vec<_>>();
    if ids(&reference.categories) != ids(&translation.categories) {
        d.error(
            translation.categories.first().map(|c| c.id.span.clone()),
            format!(
                "the category ids differ from {original}: {:?} here, {:?} there; keep the same ids in the same order",
                ids(&translation.categories),
                ids(&reference.categories)
            ),
        );
    }

    if reference.numbing.minutes != translation.numbing.minutes {
        d.error(
            translation.numbing.what.span.clone(),
            format!(
                "numbing `minutes` is {} here but {} in {original}",
                translation.numbing.minutes, reference.numbing.minutes
            ),
        );
    }
    if reference.procedure.duration_minutes != translation.procedure.duration_minutes {
        d.error(
            translation
                .procedure
                .lines
                .steps
                .first()
                .map(|t| t.span.clone()),
            format!(
                "procedure `duration_minutes` is {:?} here but {:?} in {original}",
                translation.procedure.duration_minutes, reference.procedure.duration_minutes
            ),
        );
    }

    let prep_days = |g: &Guide| {
        g.preparation
            .steps
            .iter()
            .map(|s| s.day)
            .collect::<Vec<_>>()
    };
    if prep_days(reference) != prep_days(translation) {
        d.error(
            translation
                .preparation
                .steps
                .first()
                .map(|s| s.text.span.clone()),
            format!(
                "the preparation step days differ from {original}: {:?} here, {:?} there",
                prep_days(translation),
                prep_days(reference)
            ),
        );
    }
    let screening = |g: &Guide| {
        g.preparation
            .screening
            .iter()
            .map(|q| q.id.value.clone())
            .collect::<Vec<_>>()
    };
    if screening(reference) != screening(translation) {
        d.error(
            translation
                .preparation
                .screening
                .first()
                .map(|q| q.id.span.clone()),
            format!(
                "the screening question ids differ from {original}: {:?} here, {:?} there",
                screening(translation),
                screening(reference)
            ),
        );
    }

    compare_aftercare(&reference.aftercare, &translation.aftercare, &original, d);
    compare_restrictions(
        &reference.restrictions,
        &translation.restrictions,
        &original,
        d,
    );

    let addon_ids = |g: &Guide| {
        g.addons
            .iter()
            .map(|a| a.id.value.clone())
            .collect::<Vec<_>>()
    };
    if addon_ids(reference) != addon_ids(translation) {
        d.error(
            translation.addons.first().map(|a| a.id.span.clone()),
            format!(
                "the add-on ids differ from {original}: {:?} here, {:?} there",
                addon_ids(translation),
                addon_ids(reference)
            ),
        );
    } else {
        for (r, t) in reference.addons.iter().zip(&translation.addons) {
            compare_aftercare(&r.aftercare, &t.aftercare, &original, d);
            compare_restrictions(&r.restrictions, &t.restrictions, &original, d);
        }
    }

    compare_numbers(reference, translation, &original, d);
}

fn compare_aftercare(
    reference: &[AftercareEntry],
    translation: &[AftercareEntry],
    original: &str,
    d: &mut Diagnostics,
) {
    let days = |v: &[AftercareEntry]| {
        v.iter()
            .map(|e| day_range_name(&e.days))
            .collect::<Vec<_>>()
    };
    if days(reference) != days(translation) {
        d.error(
            translation.first().map(|e| e.days.span.clone()),
            format!(
                "the aftercare days differ from {original}: {} here, {} there",
                days(translation).join(", "),
                days(reference).join(", ")
            ),
        );
        return;
    }
    for (r, t) in reference.iter().zip(translation) {
        let cats = |e: &AftercareEntry| {
            e.care
                .iter()
                .map(|c| c.category.value.clone())
                .collect::<Vec<_>>()
        };
        if cats(r) != cats(t) {
            d.error(
                t.days.span.clone(),
                format!(
                    "the aftercare for {} has categories {:?} here but {:?} in {original}",
                    day_range_name(&t.days),
                    cats(t),
                    cats(r)
                ),
            );
        }
    }
}

fn compare_restrictions(
    reference: &[Restriction],
    translation: &[Restriction],
    original: &str,
    d: &mut Diagnostics,
) {
    for t in translation {
        match reference.iter().find(|r| r.id.value == t.id.value) {
            None => d.error(
                t.id.span.clone(),
                format!("restriction `{}` is not in {original}", t.id),
            ),
            Some(r) => {
                if (r.days.from, r.days.to, r.kind) != (t.days.from, t.days.to, t.kind)
                    || r.category.value != t.category.value
                {
                    d.error(
                        t.days.span.clone(),
                        format!(
                            "restriction `{}` is {:?} Day {} to {} ({}) here but {:?} Day {} to {} ({}) in {original}",
                            t.id, t.kind, t.days.from, t.days.to, t.category, r.kind, r.days.from, r.days.to, r.category
                        ),
                    );
                }
            }
        }
    }
    for r in reference {
        if !translation.iter().any(|t| t.id.value == r.id.value) {
            d.error(
                translation.first().map(|t| t.id.span.clone()),
                format!("restriction `{}` from {original} is missing here", r.id),
            );
        }
    }
}

/// The numbers (runs of digits) in a text, in order.
pub fn numbers(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// Each section must hold the same numbers (in any order) in every language.
fn compare_numbers(reference: &Guide, translation: &Guide, original: &str, d: &mut Diagnostics) {
    let r_sections = patient_sections(reference);
    for t in patient_sections(translation) {
        let Some(r) = r_sections.iter().find(|r| r.name == t.name) else {
            continue;
        };
        let collect = |texts: &[&Text]| {
            let mut n: Vec<u64> = texts.iter().flat_map(|t| numbers(t)).collect();
            n.sort_unstable();
            n
        };
        let (rn, tn) = (collect(&r.texts), collect(&t.texts));
        if rn != tn {
            d.error(
                t.texts.first().map(|x| x.span.clone()),
                format!(
                    "the {} section has the numbers {tn:?} here but {rn:?} in {original}; a translation must keep every number",
                    t.name
                ),
            );
        }
    }
}
