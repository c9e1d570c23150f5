//! Builds a [`Guide`] from a guide file's text, reporting every schema
//! problem (syntax, unknown keys, missing keys, wrong types) with its span.

use super::diagnostic::Diagnostics;
use super::model::*;
use crate::toml_reader::{Table, parse_document};

/// The guide format this build reads.
pub const FORMAT_VERSION: i64 = 1;

/// Days further than this (ten years) from the treatment day are refused:
/// a sanity bound that catches typos such as `day = 100000`.
pub const MAX_DAY: i64 = 3650;

/// Parses a guide file. Returns `None` when the schema has errors (all of
/// them are in `d`); semantic checks are [`super::validate`]'s job.
pub fn parse_guide(source: &str, d: &mut Diagnostics) -> Option<Guide> {
    let doc = parse_document(source, d)?;
    let mut root = Table::root(&doc);

    match root.opt_int(d, "format_version", i64::MIN..=i64::MAX) {
        Some(v) if *v.get_ref() != FORMAT_VERSION => {
            d.error(
                v.span(),
                format!(
                    "unsupported format_version {}: this careguide reads format_version {FORMAT_VERSION}; \
                     update careguide or rewrite the guide for version {FORMAT_VERSION}",
                    v.get_ref()
                ),
            );
            return None;
        }
        Some(_) => {}
        None if !root.has("format_version") => {
            d.error(
                0..0,
                format!(
                    "missing key `format_version` in the top level: expected `format_version = {FORMAT_VERSION}` \
                     as the first line of a guide"
                ),
            );
        }
        None => return None,
    }

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
        .and_then(|t| contact(d, t));
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
        .map(|t| preparation(d, t, "preparation"));
    let numbing = root
        .table(d, "numbing", "[numbing]")
        .and_then(|t| numbing(d, t));
    let procedure = root
        .table(d, "procedure", "[procedure]")
        .and_then(|t| procedure(d, t));
    let aftercare = root
        .tables(d, "aftercare", "[[aftercare]]", true)
        .into_iter()
        .filter_map(|t| aftercare_entry(d, t, "aftercare", true))
        .collect();
    let restrictions = root
        .tables(d, "restrictions", "[[restrictions]]", false)
        .into_iter()
        .filter_map(|t| restriction(d, t))
        .collect();
    let warning_signs = root
        .table(d, "warning_signs", "[warning_signs]")
        .map(|t| warning_signs(d, t, true));
    let glossary = root
        .tables(d, "glossary", "[[glossary]]", false)
        .into_iter()
        .filter_map(|t| glossary_entry(d, t))
        .collect();
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
        format_version: FORMAT_VERSION,
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
        addons,
    })
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

fn contact(d: &mut Diagnostics, mut t: Table) -> Option<Contact> {
    let name = t.text(d, "name");
    let phone = t.text(d, "phone");
    let after_hours = t.text(d, "after_hours");
    t.finish(d);
    Some(Contact {
        name: name?,
        phone: phone?,
        after_hours: after_hours?,
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

fn notes(d: &mut Diagnostics, t: &mut Table) -> SectionNotes {
    SectionNotes {
        key_points: t.text_list(d, "key_points", false),
        teach_back: t.text_list(d, "teach_back", false),
    }
}

fn overview(d: &mut Diagnostics, mut t: Table) -> Overview {
    let about = t.text_list(d, "about", true);
    let notes = notes(d, &mut t);
    t.finish(d);
    Overview { about, notes }
}

/// `[preparation]` in a guide, or `[addons.preparation]` in an add-on
/// (which has no summary or teach-back of its own).
fn preparation(d: &mut Diagnostics, mut t: Table, prefix: &str) -> Preparation {
    let steps = t
        .tables(d, "steps", &format!("[[{prefix}.steps]]"), false)
        .into_iter()
        .filter_map(|mut s| {
            let day = s.int(d, "day", -MAX_DAY..=0);
            let text = s.text(d, "text");
            s.finish(d);
            Some(PrepStep {
                day: *day?.get_ref(),
                text: text?,
            })
        })
        .collect();
    let screening = t
        .tables(d, "screening", &format!("[[{prefix}.screening]]"), false)
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
        .collect();
    let notes = if prefix == "preparation" {
        notes(d, &mut t)
    } else {
        SectionNotes::default()
    };
    t.finish(d);
    Preparation {
        steps,
        screening,
        notes,
    }
}

fn numbing_lines(d: &mut Diagnostics, t: &mut Table, required: bool) -> NumbingLines {
    NumbingLines {
        steps: t.text_list(d, "steps", required),
        feel: t.text_list(d, "feel", required),
        safety: t.text_list(d, "safety", required),
    }
}

fn numbing(d: &mut Diagnostics, mut t: Table) -> Option<Numbing> {
    let what = t.text(d, "what");
    let minutes = t.int(d, "minutes", 1..=240);
    let lines = numbing_lines(d, &mut t, true);
    let notes = notes(d, &mut t);
    t.finish(d);
    Some(Numbing {
        what: what?,
        minutes: u32::try_from(*minutes?.get_ref()).ok()?,
        lines,
        notes,
    })
}

fn procedure_lines(d: &mut Diagnostics, t: &mut Table, required: bool) -> ProcedureLines {
    ProcedureLines {
        steps: t.text_list(d, "steps", required),
        feel: t.text_list(d, "feel", required),
        right_after: t.text_list(d, "right_after", required),
    }
}

fn procedure(d: &mut Diagnostics, mut t: Table) -> Option<Procedure> {
    let duration = t.int_list(d, "duration_minutes", 1..=1440, 1..=2);
    let lines = procedure_lines(d, &mut t, true);
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

/// `[[aftercare]]` in a guide (`titled`) or `[[addons.aftercare]]`.
fn aftercare_entry(
    d: &mut Diagnostics,
    mut t: Table,
    prefix: &str,
    titled: bool,
) -> Option<AftercareEntry> {
    let days = day_range(d, &mut t, 0);
    let title = if titled { t.text(d, "title") } else { None };
    let care_name = format!("[{prefix}.care]");
    let care = match t.table(d, "care", &care_name) {
        Some(mut care_table) => {
            let entries = care_table.entries(d, |cat| format!("[{prefix}.care.{cat}]"));
            care_table.finish(d);
            let notes: Vec<CareNote> = entries
                .into_iter()
                .map(|(category, mut note)| {
                    let expect = note.text_list(d, "expect", false);
                    let actions = note.text_list(d, "do", false);
                    note.finish(d);
                    CareNote {
                        category,
                        expect,
                        actions,
                    }
                })
                .collect();
            notes
        }
        None => Vec::new(),
    };
    let notes = if titled {
        notes(d, &mut t)
    } else {
        SectionNotes::default()
    };
    t.finish(d);
    if titled && title.is_none() {
        return None;
    }
    Some(AftercareEntry {
        days: days?,
        title,
        care,
        notes,
    })
}

fn restriction(d: &mut Diagnostics, mut t: Table) -> Option<Restriction> {
    let id = t.id(d, "id");
    let category = t.id(d, "category");
    let kind = match t.opt_text(d, "kind") {
        None => Some(RestrictionKind::Avoid),
        Some(k) => match k.as_str() {
            "avoid" => Some(RestrictionKind::Avoid),
            "do" => Some(RestrictionKind::Do),
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
                None
            }
        },
    };
    let label = t.text(d, "label");
    let days = day_range(d, &mut t, -MAX_DAY);
    let note = t.opt_text(d, "note");
    t.finish(d);
    Some(Restriction {
        id: id?,
        category: category?,
        kind: kind?,
        label: label?,
        days: days?,
        notes: note.into_iter().collect(),
        widened_by: Vec::new(),
    })
}

fn warning_signs(d: &mut Diagnostics, mut t: Table, required: bool) -> WarningSigns {
    let w = WarningSigns {
        call_clinic: t.text_list(d, "call_clinic", required),
        emergency: t.text_list(d, "emergency", required),
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

fn addon(d: &mut Diagnostics, mut t: Table) -> Option<Addon> {
    let errors_before = d.error_count();
    let id = t.id(d, "id");
    let name = t.text(d, "name");
    let label = t.text(d, "label");
    let about = t.text_list(d, "about", true);
    let preparation = t
        .opt_table(d, "preparation", "[addons.preparation]")
        .map(|p| preparation(d, p, "addons.preparation"))
        .unwrap_or_default();
    let numbing = t
        .opt_table(d, "numbing", "[addons.numbing]")
        .map(|mut n| {
            let lines = numbing_lines(d, &mut n, false);
            n.finish(d);
            lines
        })
        .unwrap_or_default();
    let procedure = t
        .opt_table(d, "procedure", "[addons.procedure]")
        .map(|mut p| {
            let lines = procedure_lines(d, &mut p, false);
            p.finish(d);
            lines
        })
        .unwrap_or_default();
    let aftercare = t
        .tables(d, "aftercare", "[[addons.aftercare]]", false)
        .into_iter()
        .filter_map(|e| aftercare_entry(d, e, "addons.aftercare", false))
        .collect();
    let restrictions = t
        .tables(d, "restrictions", "[[addons.restrictions]]", false)
        .into_iter()
        .filter_map(|r| restriction(d, r))
        .collect();
    let warning_signs = t
        .opt_table(d, "warning_signs", "[addons.warning_signs]")
        .map(|w| warning_signs(d, w, false))
        .unwrap_or_default();
    let glossary = t
        .tables(d, "glossary", "[[addons.glossary]]", false)
        .into_iter()
        .filter_map(|g| glossary_entry(d, g))
        .collect();
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
    })
}
