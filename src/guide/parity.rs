//! Language versions of one guide must agree line for line, so a
//! translation can never drop an instruction or change a medical number
//! unnoticed.
//!
//! Every list of patient lines is compared item by item: by id where lines
//! have ids, else by position. A line missing from one version is reported
//! in the file where it is missing, at the place it belongs, naming the line
//! by its id or first words. Restrictions are matched by id; their days,
//! kinds and categories must agree. The contact's phone numbers and the
//! content version are data and must be equal. Each section must hold the
//! same numbers.

use std::ops::Range;
use std::path::Path;

use super::diagnostic::{Diagnostic, position};
use super::model::*;
use super::sections::{day_range_name, patient_sections};

/// What the comparison found: problems for the reference file and for the
/// translation. Any problem means the translation is not used.
#[derive(Debug, Default)]
pub struct ParityReport {
    pub reference: Vec<Diagnostic>,
    pub translation: Vec<Diagnostic>,
}

impl ParityReport {
    pub fn is_empty(&self) -> bool {
        self.reference.is_empty() && self.translation.is_empty()
    }
}

/// One file of the pair being compared.
struct Side<'a> {
    guide: &'a Guide,
    path: &'a Path,
    source: &'a str,
}

impl Side<'_> {
    fn lang(&self) -> &str {
        self.guide.language.as_str()
    }

    /// "the `en` version (guides/x.toml:12)".
    fn at(&self, span: &Range<usize>) -> String {
        format!(
            "the `{}` version ({}:{})",
            self.lang(),
            self.path.display(),
            position(self.source, span.start).line
        )
    }
}

/// One item of a list being compared.
struct Item<'g> {
    id: Option<String>,
    span: Range<usize>,
    /// How a message names it (made only when a message is written).
    preview: Preview<'g>,
    /// The text's length in characters and its numbers, for aligning lists
    /// whose lengths differ.
    chars: usize,
    numbers: Vec<u64>,
    /// Data that must be equal at the same place (a step's day, a care
    /// line's kind, a placement).
    detail: String,
}

/// A list of items with a stable name, and where to point when it is empty.
struct List<'g> {
    path: String,
    anchor: Range<usize>,
    items: Vec<Item<'g>>,
}

/// How a message names an item: kept as references into the guide, and
/// only written out for a message (most comparisons find nothing to say).
enum Preview<'g> {
    /// A line of text: its first words.
    Text(&'g str),
    /// Data named by its id: "category `sun`".
    Keyed(&'static str, &'g str),
    /// A screening question: its id and first words.
    Question(&'g str, &'g str),
    Restriction(&'g str),
    Fixed(String),
}

impl std::fmt::Display for Preview<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Preview::Text(t) => f.write_str(&preview(t)),
            Preview::Keyed(what, id) => write!(f, "{what} `{id}`"),
            Preview::Question(id, q) => write!(f, "screening question `{id}` {}", preview(q)),
            Preview::Restriction(id) => write!(f, "restriction `{id}`"),
            Preview::Fixed(s) => f.write_str(s),
        }
    }
}

/// The first words of a text, to name it in a message.
fn preview(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 7 {
        format!("\"{}\"", words.join(" "))
    } else {
        format!("\"{} …\"", words[..7].join(" "))
    }
}

fn item<'g>(t: &'g Text, detail: impl Into<String>) -> Item<'g> {
    Item {
        id: t.id.as_ref().map(|i| i.value.clone()),
        span: t.span.clone(),
        preview: Preview::Text(t.source_text()),
        chars: t.source_text().chars().count(),
        numbers: numbers(t.source_text()),
        detail: detail.into(),
    }
}

/// An item named by a data id (a category, an add-on).
fn keyed<'g>(id: &'g Text, what: &'static str) -> Item<'g> {
    Item {
        id: Some(id.value.to_string()),
        span: id.span.clone(),
        preview: Preview::Keyed(what, &id.value),
        chars: 0,
        numbers: Vec::new(),
        detail: String::new(),
    }
}

/// A list item with no text of its own (a day range, a removal).
fn bare(span: Range<usize>, preview: String, detail: String) -> Item<'static> {
    Item {
        id: None,
        span,
        preview: Preview::Fixed(preview),
        chars: 0,
        numbers: Vec::new(),
        detail,
    }
}

fn texts<'g>(path: impl Into<String>, anchor: &Range<usize>, list: &'g [Text]) -> List<'g> {
    List {
        path: path.into(),
        anchor: anchor.clone(),
        items: list.iter().map(|t| item(t, "")).collect(),
    }
}

fn addon_lines<'g>(
    path: impl Into<String>,
    anchor: &Range<usize>,
    list: impl IntoIterator<Item = &'g AddonLine>,
) -> List<'g> {
    List {
        path: path.into(),
        anchor: anchor.clone(),
        items: list
            .into_iter()
            .map(|l| {
                let detail = match l.place.target() {
                    Some(t) => format!("{} `{}`", l.place.key(), t.value),
                    None => String::new(),
                };
                match &l.text {
                    Some(t) => item(t, detail),
                    None => {
                        let target = l.place.target().cloned().unwrap_or(LineId {
                            value: String::new(),
                            span: anchor.clone(),
                        });
                        bare(
                            target.span.clone(),
                            format!("(remove `{}`)", target.value),
                            detail,
                        )
                    }
                }
            })
            .collect(),
    }
}

fn notes<'g>(out: &mut Vec<List<'g>>, path: &str, anchor: &Range<usize>, n: &'g SectionNotes) {
    out.push(texts(format!("{path} key_points"), anchor, &n.key_points));
    out.push(texts(format!("{path} teach_back"), anchor, &n.teach_back));
}

fn addon_aftercare<'g>(
    out: &mut Vec<List<'g>>,
    path: &str,
    anchor: &Range<usize>,
    list: &'g [AddonAftercare],
) {
    out.push(List {
        path: format!("{path} entries"),
        anchor: anchor.clone(),
        items: list
            .iter()
            .map(|e| {
                bare(
                    e.days.span.clone(),
                    day_range_name(&e.days),
                    day_range_name(&e.days),
                )
            })
            .collect(),
    });
    for e in list {
        let p = format!("{path} {}", day_range_name(&e.days));
        out.push(List {
            path: format!("{p} categories"),
            anchor: e.days.span.clone(),
            items: e
                .care
                .iter()
                .map(|c| keyed(&c.category, "category"))
                .collect(),
        });
        for c in &e.care {
            let mut l = addon_lines(
                format!("{p} care.{}", c.category),
                &c.category.span,
                c.lines.iter().map(|(_, l)| l),
            );
            for (it, (kind, _)) in l.items.iter_mut().zip(&c.lines) {
                it.detail = format!("{} {}", kind.key(), it.detail);
            }
            out.push(l);
        }
    }
}

fn addon_restrictions<'g>(
    path: &str,
    anchor: &Range<usize>,
    list: &'g [AddonRestriction],
) -> List<'g> {
    List {
        path: format!("{path} restrictions"),
        anchor: anchor.clone(),
        items: list
            .iter()
            .map(|r| Item {
                id: Some(r.id.value.to_string()),
                span: r.id.span.clone(),
                preview: Preview::Restriction(&r.id.value),
                chars: 0,
                numbers: Vec::new(),
                detail: format!(
                    "{}{}{} {:?} {:?}",
                    if r.open_from { "..." } else { "" },
                    day_range_name(&r.days),
                    if r.open_to { "..." } else { "" },
                    r.kind,
                    r.category.as_ref().map(|c| c.value.clone())
                ),
            })
            .collect(),
    }
}

/// Every list of a guide, in file order.
fn lists(g: &Guide) -> Vec<List<'_>> {
    let mut out = Vec::new();
    let top = g.id.span.clone();
    out.push(List {
        path: "categories".into(),
        anchor: top.clone(),
        items: g
            .categories
            .iter()
            .map(|c| keyed(&c.id, "category"))
            .collect(),
    });
    let about = g
        .overview
        .about
        .first()
        .map_or(top.clone(), |t| t.span.clone());
    out.push(texts("overview about", &about, &g.overview.about));
    notes(&mut out, "overview", &about, &g.overview.notes);

    let prep = g
        .preparation
        .steps
        .first()
        .map_or(top.clone(), |s| s.text.span.clone());
    out.push(List {
        path: "preparation steps".into(),
        anchor: prep.clone(),
        items: g
            .preparation
            .steps
            .iter()
            .map(|s| item(&s.text, format!("Day {}", s.day)))
            .collect(),
    });
    out.push(List {
        path: "preparation screening".into(),
        anchor: prep.clone(),
        items: g
            .preparation
            .screening
            .iter()
            .map(|q| Item {
                id: Some(q.id.value.to_string()),
                span: q.id.span.clone(),
                preview: Preview::Question(&q.id.value, &q.question),
                chars: 0,
                numbers: Vec::new(),
                detail: if q.why.is_some() { "why" } else { "" }.into(),
            })
            .collect(),
    });
    notes(&mut out, "preparation", &prep, &g.preparation.notes);

    let n = &g.numbing;
    out.push(texts("numbing steps", &n.what.span, &n.lines.steps));
    out.push(texts("numbing feel", &n.what.span, &n.lines.feel));
    out.push(texts("numbing safety", &n.what.span, &n.lines.safety));
    notes(&mut out, "numbing", &n.what.span, &n.notes);
    let p = &g.procedure;
    let pa = p
        .lines
        .steps
        .first()
        .map_or(top.clone(), |t| t.span.clone());
    out.push(texts("procedure steps", &pa, &p.lines.steps));
    out.push(texts("procedure feel", &pa, &p.lines.feel));
    out.push(texts("procedure right_after", &pa, &p.lines.right_after));
    notes(&mut out, "procedure", &pa, &p.notes);

    out.push(List {
        path: "aftercare entries".into(),
        anchor: top.clone(),
        items: g
            .aftercare
            .iter()
            .map(|e| {
                bare(
                    e.days.span.clone(),
                    day_range_name(&e.days),
                    day_range_name(&e.days),
                )
            })
            .collect(),
    });
    for e in &g.aftercare {
        let path = format!("aftercare {}", day_range_name(&e.days));
        out.push(List {
            path: format!("{path} categories"),
            anchor: e.days.span.clone(),
            items: e
                .care
                .iter()
                .map(|c| keyed(&c.category, "category"))
                .collect(),
        });
        for c in &e.care {
            out.push(List {
                path: format!("{path} care.{}", c.category),
                anchor: c.category.span.clone(),
                items: c
                    .lines
                    .iter()
                    .map(|l| item(&l.text, l.kind.key()))
                    .collect(),
            });
        }
        notes(&mut out, &path, &e.days.span, &e.notes);
    }

    out.push(List {
        path: "restrictions".into(),
        anchor: top.clone(),
        items: g
            .restrictions
            .iter()
            .map(|r| Item {
                id: Some(r.id.value.to_string()),
                span: r.id.span.clone(),
                preview: Preview::Restriction(&r.id.value),
                chars: 0,
                numbers: Vec::new(),
                detail: format!(
                    "{:?} {} ({}){}",
                    r.kind,
                    day_range_name(&r.days),
                    r.category,
                    if r.notes.is_empty() {
                        ""
                    } else {
                        ", with a note"
                    }
                ),
            })
            .collect(),
    });

    let w = &g.warning_signs;
    let wa = w
        .call_clinic
        .first()
        .map_or(top.clone(), |t| t.span.clone());
    out.push(texts("warning_signs call_clinic", &wa, &w.call_clinic));
    out.push(texts("warning_signs emergency", &wa, &w.emergency));
    out.push(List {
        path: "warning_signs emergency_call".into(),
        anchor: wa.clone(),
        items: w.emergency_call.iter().map(|t| item(t, "")).collect(),
    });
    out.push(List {
        path: "warning_signs compare".into(),
        anchor: wa.clone(),
        items: w.compare.iter().map(|c| item(&c.normal, "")).collect(),
    });
    out.push(List {
        path: "milestones".into(),
        anchor: top.clone(),
        items: g
            .milestones
            .iter()
            .map(|m| item(&m.text, format!("Day {}", m.day)))
            .collect(),
    });
    out.push(List {
        path: "glossary".into(),
        anchor: top.clone(),
        items: g.glossary.iter().map(|e| item(&e.term, "")).collect(),
    });

    out.push(List {
        path: "addons".into(),
        anchor: top.clone(),
        items: g.addons.iter().map(|a| keyed(&a.id, "add-on")).collect(),
    });
    for a in &g.addons {
        let path = format!("add-on {}", a.id);
        let anchor = a.id.span.clone();
        out.push(texts(format!("{path} about"), &anchor, &a.about));
        out.push(List {
            path: format!("{path} preparation steps"),
            anchor: anchor.clone(),
            items: a
                .preparation
                .steps
                .iter()
                .map(|s| {
                    let mut l = addon_lines("", &anchor, std::slice::from_ref(&s.line));
                    let mut it = l.items.remove(0);
                    it.detail = format!("{:?} {}", s.day, it.detail);
                    it
                })
                .collect(),
        });
        out.push(List {
            path: format!("{path} preparation screening"),
            anchor: anchor.clone(),
            items: a
                .preparation
                .screening
                .iter()
                .map(|q| Item {
                    id: Some(q.id.value.to_string()),
                    span: q.id.span.clone(),
                    preview: Preview::Question(&q.id.value, &q.question),
                    chars: 0,
                    numbers: Vec::new(),
                    detail: String::new(),
                })
                .collect(),
        });
        for (name, list) in [
            ("numbing steps", &a.numbing.steps),
            ("numbing feel", &a.numbing.feel),
            ("numbing safety", &a.numbing.safety),
            ("procedure steps", &a.procedure.steps),
            ("procedure feel", &a.procedure.feel),
            ("procedure right_after", &a.procedure.right_after),
            ("warning_signs call_clinic", &a.warning_signs.call_clinic),
            ("warning_signs emergency", &a.warning_signs.emergency),
        ] {
            out.push(addon_lines(format!("{path} {name}"), &anchor, list));
        }
        out.push(List {
            path: format!("{path} warning_signs compare"),
            anchor: anchor.clone(),
            items: a
                .warning_signs
                .compare
                .iter()
                .map(|c| item(&c.normal, ""))
                .collect(),
        });
        addon_aftercare(
            &mut out,
            &format!("{path} aftercare"),
            &anchor,
            &a.aftercare,
        );
        out.push(addon_restrictions(&path, &anchor, &a.restrictions));
        out.push(List {
            path: format!("{path} milestones"),
            anchor: anchor.clone(),
            items: a
                .milestones
                .iter()
                .map(|m| item(&m.text, format!("Day {}", m.day)))
                .collect(),
        });
        out.push(List {
            path: format!("{path} glossary"),
            anchor: anchor.clone(),
            items: a.glossary.iter().map(|e| item(&e.term, "")).collect(),
        });
        out.push(List {
            path: format!("{path} visit"),
            anchor: anchor.clone(),
            items: a
                .visit
                .iter()
                .map(|v| item(&v.name, format!("Day {}", v.earliest_day)))
                .collect(),
        });
        if let Some(v) = &a.visit {
            let vp = format!("{path} visit");
            addon_aftercare(
                &mut out,
                &format!("{vp} aftercare"),
                &v.name.span,
                &v.aftercare,
            );
            out.push(addon_restrictions(&vp, &v.name.span, &v.restrictions));
        }
    }
    out
}

/// Compares `translation` with `reference`, line for line.
pub fn compare_languages(
    reference: &Guide,
    reference_path: &Path,
    reference_source: &str,
    translation: &Guide,
    translation_source: &str,
) -> ParityReport {
    let r = Side {
        guide: reference,
        path: reference_path,
        source: reference_source,
    };
    let t = Side {
        guide: translation,
        path: &translation.path,
        source: translation_source,
    };
    let mut report = ParityReport::default();
    let tr = &mut report.translation;
    let original = format!("the `{}` version ({})", r.lang(), r.path.display());

    if reference.content_version.value != translation.content_version.value {
        tr.push(Diagnostic::error(
            translation.content_version.span.clone(),
            format!(
                "content_version is \"{}\" here but \"{}\" in {original}: every language of a guide says the same reviewed content",
                translation.content_version, reference.content_version
            ),
        ));
    }
    let phones = [
        (
            "phone",
            &reference.contact.phone,
            &translation.contact.phone,
        ),
        (
            "after_hours_phone",
            &reference.contact.after_hours_phone,
            &translation.contact.after_hours_phone,
        ),
    ];
    for (key, a, b) in phones {
        let same = match (a, b) {
            (Some(a), Some(b)) => a.value == b.value || reference.format_version < 2,
            (None, None) => true,
            _ => false,
        };
        if !same {
            let say = |p: &Option<Text>| {
                p.as_ref()
                    .map_or("none".to_string(), |p| format!("`{}`", p.value))
            };
            tr.push(Diagnostic::error(
                b.as_ref()
                    .map_or(translation.contact.name.span.clone(), |p| p.span.clone()),
                format!(
                    "[contact] `{key}` is {} here but {} in {original}: a phone number is the same in every language",
                    say(b),
                    say(a)
                ),
            ));
        }
    }
    if reference.numbing.minutes != translation.numbing.minutes {
        tr.push(Diagnostic::error(
            translation.numbing.what.span.clone(),
            format!(
                "numbing `minutes` is {} here but {} in {original}",
                translation.numbing.minutes, reference.numbing.minutes
            ),
        ));
    }
    if reference.procedure.duration_minutes != translation.procedure.duration_minutes {
        tr.push(Diagnostic::error(
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
        ));
    }

    let ref_lists = lists(reference);
    let tr_lists = lists(translation);
    // How much longer the translation's lines are, on the whole.
    let total = |l: &[List]| -> usize { l.iter().flat_map(|x| &x.items).map(|i| i.chars).sum() };
    let ratio = match (total(&ref_lists), total(&tr_lists)) {
        (0, _) | (_, 0) => 1.0,
        (a, b) => b as f64 / a as f64,
    };
    for rl in &ref_lists {
        let Some(tl) = tr_lists.iter().find(|l| l.path == rl.path) else {
            continue;
        };
        compare_list(rl, tl, &r, &t, ratio, &mut report);
    }

    compare_numbers(reference, translation, &original, &mut report.translation);
    report
}

/// Compares one list: ids where both lines have them, then position.
fn compare_list(rl: &List, tl: &List, r: &Side, t: &Side, ratio: f64, report: &mut ParityReport) {
    let keyed = rl.items.iter().all(|i| i.id.is_some()) && tl.items.iter().all(|i| i.id.is_some());
    if keyed && !rl.items.is_empty() {
        // Matched by id (restrictions, screening questions, add-ons ...).
        for (i, ri) in rl.items.iter().enumerate() {
            match tl.items.iter().find(|x| x.id == ri.id) {
                None => {
                    let at = tl
                        .items
                        .get(i.min(tl.items.len().saturating_sub(1)))
                        .map_or(tl.anchor.clone(), |x| x.span.clone());
                    report.translation.push(Diagnostic::error(
                        at,
                        format!(
                            "missing here: {} from {} ({}) has no counterpart in this file",
                            ri.preview,
                            r.at(&ri.span),
                            rl.path
                        ),
                    ));
                }
                Some(ti) if ti.detail != ri.detail => {
                    report.translation.push(Diagnostic::error(
                        ti.span.clone(),
                        format!(
                            "{} is {} here but {} in {}",
                            ti.preview,
                            ti.detail.trim(),
                            ri.detail.trim(),
                            r.at(&ri.span)
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        let order = |l: &List| l.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        let (mut a, mut b) = (order(rl), order(tl));
        if a != b {
            let at = tl
                .items
                .first()
                .map_or(tl.anchor.clone(), |x| x.span.clone());
            a.sort();
            b.sort();
            if a == b {
                report.translation.push(Diagnostic::error(
                    at,
                    format!(
                        "{} are in a different order here than in {}: keep them in the same order",
                        rl.path,
                        r.at(&rl.items[0].span)
                    ),
                ));
            }
        }
        for (i, ti) in tl.items.iter().enumerate() {
            if !rl.items.iter().any(|x| x.id == ti.id) {
                let at = rl
                    .items
                    .get(i.min(rl.items.len().saturating_sub(1)))
                    .map_or(rl.anchor.clone(), |x| x.span.clone());
                report.reference.push(Diagnostic::error(
                    at,
                    format!(
                        "missing here: {} from {} ({}) has no counterpart in this file",
                        ti.preview,
                        t.at(&ti.span),
                        tl.path
                    ),
                ));
            }
        }
        return;
    }
    // Matched by position where the lengths agree; otherwise aligned as
    // translations are (Gale and Church, 1993): by the lengths of the lines
    // in characters, anchored by ids, kinds and numbers, so a line added in
    // the middle is reported where it is, not at the end.
    if rl.items.len().abs_diff(tl.items.len()) == 1 {
        return one_line_apart(rl, tl, r, t, ratio, report);
    }
    let pairs = if rl.items.len() == tl.items.len() {
        (0..rl.items.len()).map(|i| (Some(i), Some(i))).collect()
    } else {
        align(&rl.items, &tl.items, ratio)
    };
    let mut last_r: Option<usize> = None;
    let mut last_t: Option<usize> = None;
    for (ri, ti) in pairs {
        match (ri.map(|i| &rl.items[i]), ti.map(|i| &tl.items[i])) {
            (Some(ri), Some(ti)) => same_place(ri, ti, rl, r, report),
            (Some(ri), None) => {
                let at = last_t.map_or(tl.anchor.clone(), |i| tl.items[i].span.clone());
                report.translation.push(Diagnostic::error(
                    at,
                    format!(
                        "missing {}: {} from {} ({}) has no counterpart in this file; add its translation",
                        if last_t.is_some() { "after this" } else { "here" },
                        name(ri),
                        r.at(&ri.span),
                        rl.path
                    ),
                ));
            }
            (None, Some(ti)) => {
                let at = last_r.map_or(rl.anchor.clone(), |i| rl.items[i].span.clone());
                report.reference.push(Diagnostic::error(
                    at,
                    format!(
                        "missing {}: {} from {} ({}) has no counterpart in this file; add it here too, or remove it there",
                        if last_r.is_some() { "after this" } else { "here" },
                        name(ti),
                        t.at(&ti.span),
                        tl.path
                    ),
                ));
            }
            (None, None) => {}
        }
        last_r = ri.or(last_r);
        last_t = ti.or(last_t);
    }
}

/// Lists one line apart (the usual case: a line added or dropped in one
/// language): every place the extra line could be is tried, and when
/// lengths cannot tell the candidates apart they are all named.
fn one_line_apart(rl: &List, tl: &List, r: &Side, t: &Side, ratio: f64, report: &mut ParityReport) {
    let (long, short, extra_in_reference) = if rl.items.len() > tl.items.len() {
        (&rl.items, &tl.items, true)
    } else {
        (&tl.items, &rl.items, false)
    };
    let (r_items, t_items): (&[Item], &[Item]) = (&rl.items, &tl.items);
    // The cost of each place k for the extra line of the longer list.
    let costs: Vec<f64> = (0..long.len())
        .map(|k| {
            long.iter()
                .enumerate()
                .filter(|(i, _)| *i != k)
                .zip(short)
                .map(|((_, a), b)| {
                    if extra_in_reference {
                        match_cost(a, b, ratio)
                    } else {
                        match_cost(b, a, ratio)
                    }
                })
                .sum()
        })
        .collect();
    let best = costs.iter().copied().fold(f64::INFINITY, f64::min);
    let candidates: Vec<usize> = (0..long.len())
        .filter(|&k| costs[k] <= best + 0.5)
        .collect();
    let k = candidates[0];
    // The lines in the same place, around the extra one.
    for (i, a) in long.iter().enumerate().filter(|(i, _)| *i != k) {
        let j = if i < k { i } else { i - 1 };
        let (ri, ti) = if extra_in_reference {
            (&r_items[i], &t_items[j])
        } else {
            (&r_items[j], &t_items[i])
        };
        let _ = a;
        same_place(ri, ti, rl, r, report);
    }
    let named: Vec<String> = candidates.iter().map(|&c| name(&long[c])).collect();
    let what = if named.len() == 1 {
        named[0].clone()
    } else {
        // Lines of about the same length: say which could be the one.
        let previews: Vec<String> = candidates
            .iter()
            .map(|&c| long[c].preview.to_string())
            .collect();
        format!(
            "one line ({}; their lengths cannot tell which)",
            previews.join(" or ")
        )
    };
    // Point after the last line before the earliest candidate place.
    let (side_items, anchor) = if extra_in_reference {
        (&tl.items, &tl.anchor)
    } else {
        (&rl.items, &rl.anchor)
    };
    let (at, place) = match k.checked_sub(1).and_then(|i| side_items.get(i)) {
        Some(before) => (before.span.clone(), "after this"),
        None => (anchor.clone(), "here"),
    };
    let other = &long[k];
    if extra_in_reference {
        report.translation.push(Diagnostic::error(
            at,
            format!(
                "missing {place}: {what} from {} ({}) has no counterpart in this file; add its translation",
                r.at(&other.span),
                rl.path
            ),
        ));
    } else {
        report.reference.push(Diagnostic::error(
            at,
            format!(
                "missing {place}: {what} from {} ({}) has no counterpart in this file; add it here too, or remove it there",
                t.at(&other.span),
                tl.path
            ),
        ));
    }
}

/// Two lines in the same place of their lists: the same id, the same data.
fn same_place(ri: &Item, ti: &Item, rl: &List, r: &Side, report: &mut ParityReport) {
    if let (Some(a), Some(b)) = (&ri.id, &ti.id)
        && a != b
    {
        report.translation.push(Diagnostic::error(
            ti.span.clone(),
            format!(
                "this line has id `{b}`, but the line in the same place in {} has id `{a}`: \
                 lines must be in the same order in every language",
                r.at(&ri.span)
            ),
        ));
    } else if ri.id.is_some() != ti.id.is_some() {
        let (which, id) = match (&ri.id, &ti.id) {
            (Some(a), None) => ("this line has no id", a),
            (None, Some(b)) => ("this line has an id", b),
            _ => unreachable!(),
        };
        report.translation.push(Diagnostic::error(
            ti.span.clone(),
            format!(
                "{which}, but the line in the same place in {} {} `{id}`: give both the same id",
                r.at(&ri.span),
                if ri.id.is_some() {
                    "has id"
                } else {
                    "has none, not"
                }
            ),
        ));
    } else if ri.detail != ti.detail {
        report.translation.push(Diagnostic::error(
            ti.span.clone(),
            format!(
                "this line is {} here but {} in {} ({})",
                describe(&ti.detail),
                describe(&ri.detail),
                r.at(&ri.span),
                rl.path
            ),
        ));
    }
}

/// How unlike two lines are as translations of each other: how far their
/// length ratio is from the usual ratio between the two languages, plus a
/// large cost when their ids, kinds or numbers differ.
fn match_cost(a: &Item, b: &Item, ratio: f64) -> f64 {
    let mut c = if a.chars == 0 || b.chars == 0 {
        0.0
    } else {
        ((b.chars as f64 / a.chars as f64).ln() - ratio.ln()).abs() * 2.0
    };
    if a.id.is_some() && a.id != b.id {
        c += 10.0;
    }
    if a.detail != b.detail {
        c += 6.0;
    }
    if a.numbers != b.numbers {
        c += 3.0;
    }
    c
}

/// Aligns two lists of lines by dynamic programming: matching two lines
/// costs how far their length ratio is from the usual ratio between the
/// two languages (plus a large cost when ids, kinds or numbers differ); a
/// line with no counterpart costs a fixed amount.
fn align(r: &[Item], t: &[Item], ratio: f64) -> Vec<(Option<usize>, Option<usize>)> {
    const GAP: f64 = 2.0;
    let cost = |a: &Item, b: &Item| match_cost(a, b, ratio);
    let (n, m) = (r.len(), t.len());
    let mut d = vec![vec![0.0f64; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i as f64 * GAP;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j as f64 * GAP;
    }
    for i in 1..=n {
        for j in 1..=m {
            d[i][j] = (d[i - 1][j - 1] + cost(&r[i - 1], &t[j - 1]))
                .min(d[i - 1][j] + GAP)
                .min(d[i][j - 1] + GAP);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        if i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + cost(&r[i - 1], &t[j - 1]) {
            out.push((Some(i - 1), Some(j - 1)));
            i -= 1;
            j -= 1;
        } else if i > 0 && d[i][j] == d[i - 1][j] + GAP {
            out.push((Some(i - 1), None));
            i -= 1;
        } else {
            out.push((None, Some(j - 1)));
            j -= 1;
        }
    }
    out.reverse();
    out
}

fn name(i: &Item) -> String {
    match &i.id {
        Some(id) => format!("line `{id}` {}", i.preview),
        None => format!("the line {}", i.preview),
    }
}

fn describe(detail: &str) -> String {
    if detail.trim().is_empty() {
        "plain".into()
    } else {
        format!("`{}`", detail.trim())
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
fn compare_numbers(
    reference: &Guide,
    translation: &Guide,
    original: &str,
    out: &mut Vec<Diagnostic>,
) {
    let r_sections = patient_sections(reference);
    for t in patient_sections(translation) {
        let Some(r) = r_sections.iter().find(|r| r.name == t.name) else {
            continue;
        };
        let collect = |texts: &[&Text]| {
            let mut n: Vec<u64> = texts
                .iter()
                .flat_map(|t| numbers(t.source_text()))
                .collect();
            n.sort_unstable();
            n
        };
        let (rn, tn) = (collect(&r.texts), collect(&t.texts));
        if rn != tn {
            out.push(Diagnostic::error(
                t.texts.first().map(|x| x.span.clone()),
                format!(
                    "the {} section has the numbers {tn:?} here but {rn:?} in {original}; a translation must keep every number",
                    t.name
                ),
            ));
        }
    }
}
