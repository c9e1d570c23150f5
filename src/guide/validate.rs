//! Semantic rules a guide must follow beyond its schema: unique ids, day
//! coverage, real categories, add-ons that fit the guide (their placements
//! name real lines, their limits only get stricter), references that name
//! real values, plain text without markup, and the format version's rules.

use std::collections::{HashMap, HashSet};

use super::diagnostic::{Diagnostics, position, text_offset};
use super::model::*;
use super::references::{self, Piece, Ref};
use super::sections::day_range_name;
use super::walk::{self, Scope};
use crate::toml_reader::{closest, suggestion};

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
    unique_line_ids(g, source, d);

    let category_ids: Vec<&str> = g.categories.iter().map(|c| c.id.as_str()).collect();
    aftercare_coverage(g, d);
    for e in &g.aftercare {
        aftercare_entry(d, e, &category_ids);
    }
    for r in &g.restrictions {
        known_category(d, &r.category, &category_ids, "restriction");
    }

    let lines = LineIndex::of(g);
    let last = g.last_day();
    for (index, a) in g.addons.iter().enumerate() {
        addon(g, a, index, &lines, &category_ids, last, source, d);
    }
    placement_conflicts(g, d);
    references_resolve(g, source, d);
    plain_text(g, source, d);
    if g.format_version < 2 {
        version_one(g, d);
    }
}

fn unique(d: &mut Diagnostics, source: &str, what: &str, ids: &mut dyn Iterator<Item = &Text>) {
    let mut seen: HashMap<&str, &Text> = HashMap::new();
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

/// Line ids name one line in the whole guide (its add-ons included).
fn unique_line_ids(g: &Guide, source: &str, d: &mut Diagnostics) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    walk::texts(g, |t, _| {
        if let Some(id) = &t.id {
            match seen.get(&id.value) {
                Some(&first) => d.error(
                    id.span.clone(),
                    format!(
                        "duplicate line id `{}`: it is already used on line {}; line ids must be unique in a guide",
                        id.value,
                        position(source, first).line
                    ),
                ),
                None => {
                    seen.insert(id.value.clone(), id.span.start);
                }
            }
        }
    });
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

fn aftercare_entry(d: &mut Diagnostics, e: &AftercareEntry, categories: &[&str]) {
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
        if note.lines.is_empty() {
            d.error(
                note.category.span.clone(),
                format!(
                    "`care.{}` for {name} is empty: give it `expect`, `do` or `avoid` lines",
                    note.category.value
                ),
            );
        }
    }
    if !e.care.iter().any(CareNote::has_action) {
        d.error(
            e.days.span.clone(),
            format!(
                "aftercare for {name} has no `do` or `avoid` line: every day needs at least one thing to do"
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

/// Where a guide line with an id is, so an add-on's placement can be
/// checked against it.
#[derive(Clone, Debug)]
enum LineAt {
    /// A list such as `procedure.steps`.
    List(&'static str),
    /// A preparation step on a day.
    Step(i64),
    /// A care line of an aftercare entry: the entry's days and category.
    Care(DayRange, String),
}

impl LineAt {
    fn describe(&self) -> String {
        match self {
            LineAt::List(name) => format!("a line of `{name}`"),
            LineAt::Step(day) => format!("a preparation step (Day {day})"),
            LineAt::Care(days, cat) => {
                format!(
                    "a `{cat}` line of the aftercare for {}",
                    day_range_name(days)
                )
            }
        }
    }
}

/// Every guide line that has an id, and where it is.
struct LineIndex {
    lines: HashMap<String, LineAt>,
}

impl LineIndex {
    fn of(g: &Guide) -> Self {
        let mut lines = HashMap::new();
        let mut list = |name: &'static str, texts: &[Text]| {
            for t in texts {
                if let Some(id) = t.id_str() {
                    lines.insert(id.to_string(), LineAt::List(name));
                }
            }
        };
        list("overview.about", &g.overview.about);
        list("numbing.steps", &g.numbing.lines.steps);
        list("numbing.feel", &g.numbing.lines.feel);
        list("numbing.safety", &g.numbing.lines.safety);
        list("procedure.steps", &g.procedure.lines.steps);
        list("procedure.feel", &g.procedure.lines.feel);
        list("procedure.right_after", &g.procedure.lines.right_after);
        list("warning_signs.call_clinic", &g.warning_signs.call_clinic);
        list("warning_signs.emergency", &g.warning_signs.emergency);
        for s in &g.preparation.steps {
            if let Some(id) = s.text.id_str() {
                lines.insert(id.to_string(), LineAt::Step(s.day));
            }
        }
        for e in &g.aftercare {
            for c in &e.care {
                for l in &c.lines {
                    if let Some(id) = l.text.id_str() {
                        lines.insert(
                            id.to_string(),
                            LineAt::Care(e.days.clone(), c.category.value.to_string()),
                        );
                    }
                }
            }
        }
        LineIndex { lines }
    }

    /// Checks one placement: its target exists and is where the line can go.
    fn check(
        &self,
        d: &mut Diagnostics,
        line: &AddonLine,
        wanted: &str,
        fits: impl Fn(&LineAt) -> bool,
    ) -> Option<&LineAt> {
        let target = line.place.target()?;
        let Some(at) = self.lines.get(&target.value) else {
            let hint = closest(&target.value, self.lines.keys().map(String::as_str))
                .map(|s| format!(", did you mean `{s}`?"))
                .unwrap_or_else(|| {
                    "; give the guide's line an id (`{ id = \"...\", text = \"...\" }`) to place a line next to it"
                        .to_string()
                });
            d.error(
                target.span.clone(),
                format!(
                    "`{} = \"{}\"`: the guide has no line with id `{}`{hint}",
                    line.place.key(),
                    target.value,
                    target.value
                ),
            );
            return None;
        };
        if !fits(at) {
            d.error(
                target.span.clone(),
                format!(
                    "`{}` is {}; this line can only be placed next to {wanted}",
                    target.value,
                    at.describe()
                ),
            );
            return None;
        }
        Some(at)
    }
}

#[allow(clippy::too_many_arguments)]
fn addon(
    g: &Guide,
    a: &Addon,
    index: usize,
    lines: &LineIndex,
    categories: &[&str],
    last: i64,
    source: &str,
    d: &mut Diagnostics,
) {
    let _ = index;
    // Lines placed in lists.
    let lists: [(&'static str, &[AddonLine]); 8] = [
        ("numbing.steps", &a.numbing.steps),
        ("numbing.feel", &a.numbing.feel),
        ("numbing.safety", &a.numbing.safety),
        ("procedure.steps", &a.procedure.steps),
        ("procedure.feel", &a.procedure.feel),
        ("procedure.right_after", &a.procedure.right_after),
        ("warning_signs.call_clinic", &a.warning_signs.call_clinic),
        ("warning_signs.emergency", &a.warning_signs.emergency),
    ];
    for (name, list) in lists {
        for line in list {
            lines.check(
                d,
                line,
                &format!("a line of `{name}`"),
                |at| matches!(at, LineAt::List(n) if *n == name),
            );
        }
    }
    for step in &a.preparation.steps {
        if let Some(LineAt::Step(target_day)) =
            lines.check(d, &step.line, "a preparation step", |at| {
                matches!(at, LineAt::Step(_))
            })
            && let Some(day) = step.day
            && day != *target_day
        {
            d.error(
                step.day_span.clone(),
                format!(
                    "this step says `day = {day}` but the step it is placed next to is on Day {target_day}; \
                     leave `day` out to take that step's day"
                ),
            );
        }
    }

    // Aftercare.
    for e in &a.aftercare {
        addon_aftercare(d, a, e, 0, lines, categories, last);
    }

    // Restrictions: new ones need a label and a category; the guide's may
    // only get stricter.
    let own: Vec<&Text> = a
        .restrictions
        .iter()
        .chain(a.visit.iter().flat_map(|v| &v.restrictions))
        .map(|r| &r.id)
        .collect();
    unique(
        d,
        source,
        "restriction id in this add-on",
        &mut own.into_iter(),
    );
    for r in &a.restrictions {
        addon_restriction(d, g, a, r, 0, categories);
    }

    if let Some(v) = &a.visit {
        if v.earliest_day > last {
            d.error(
                v.earliest_span.clone(),
                format!(
                    "the visit of add-on `{}` is on Day {} at the earliest, after the guide's aftercare ends (Day {last})",
                    a.id, v.earliest_day
                ),
            );
        }
        for e in &v.aftercare {
            addon_aftercare(d, a, e, v.earliest_day, lines, categories, last);
        }
        for r in &v.restrictions {
            addon_restriction(d, g, a, r, v.earliest_day, categories);
        }
    }
}

fn addon_aftercare(
    d: &mut Diagnostics,
    a: &Addon,
    e: &AddonAftercare,
    shift: i64,
    lines: &LineIndex,
    categories: &[&str],
    last: i64,
) {
    let days = e.days.shifted(shift);
    let name = day_range_name(&days);
    let visit = if shift != 0 {
        format!(
            " (its visit's Day {} moved to plan Day {})",
            e.days.from, days.from
        )
    } else {
        String::new()
    };
    if days.from < 0 || days.to > last {
        d.error(
            e.days.span.clone(),
            format!(
                "add-on `{}` has aftercare for {name}{visit}, outside the guide's aftercare (Day 0 to Day {last})",
                a.id
            ),
        );
    }
    if e.care.is_empty() {
        d.error(
            e.days.span.clone(),
            format!("add-on aftercare for {name} has no `care.<category>` table"),
        );
    }
    for note in &e.care {
        if !categories.contains(&note.category.as_str()) {
            d.error(
                note.category.span.clone(),
                format!(
                    "unknown category `{}` in the add-on's aftercare for {name}{}",
                    note.category.value,
                    suggestion(&note.category, categories)
                ),
            );
        }
        if note.lines.is_empty() {
            d.error(
                note.category.span.clone(),
                format!(
                    "`care.{}` for {name} is empty: give it `expect`, `do` or `avoid` lines",
                    note.category.value
                ),
            );
        }
        for (_, line) in &note.lines {
            let wanted = format!(
                "a `{}` line of the aftercare on {name}",
                note.category.value
            );
            lines.check(d, line, &wanted, |at| {
                matches!(at, LineAt::Care(target_days, cat)
                    if **cat == *note.category.value && target_days.overlaps(&days))
            });
        }
    }
}

fn addon_restriction(
    d: &mut Diagnostics,
    g: &Guide,
    a: &Addon,
    r: &AddonRestriction,
    shift: i64,
    categories: &[&str],
) {
    let days = r.days.shifted(shift);
    match g.restriction(&r.id) {
        Some(base) if r.open_from || r.open_to => {
            let (from, to) = r.plan_days(Some((base.days.from, base.days.to)), shift);
            if (from, to) == (base.days.from, base.days.to) {
                d.warning(
                    r.days.span.clone(),
                    format!(
                        "add-on `{}` does not change restriction `{}` (Day {} to Day {}): an add-on can only start it earlier or end it later",
                        a.id, r.id, base.days.from, base.days.to
                    ),
                );
            }
        }
        None if r.open_from || r.open_to => d.error(
            r.days.span.clone(),
            format!(
                "add-on restriction `{}` is new, so it needs both `from` and `to` (or `day`)",
                r.id
            ),
        ),
        Some(base) => {
            if let Some(c) = &r.category
                && c.value != base.category.value
            {
                d.error(
                    c.span.clone(),
                    format!(
                        "restriction `{}` is in category `{}` in the guide; an add-on cannot move it (leave `category` out)",
                        r.id, base.category
                    ),
                );
            }
            if let Some(kind) = r.kind
                && kind != base.kind
            {
                d.error(
                    r.id.span.clone(),
                    format!(
                        "restriction `{}` is a `{}` limit in the guide; an add-on cannot change its kind (leave `kind` out)",
                        r.id,
                        if base.kind == RestrictionKind::Avoid { "avoid" } else { "do" }
                    ),
                );
            }
            // The union of two ranges that do not touch would be a limit
            // the patient never agreed to in between.
            if days.from > base.days.to + 1 || base.days.from > days.to + 1 {
                d.error(
                    r.days.span.clone(),
                    format!(
                        "add-on `{}` makes restriction `{}` (Day {} to Day {}) stricter with {}, which does not \
                         touch it: an add-on can start a limit earlier or end it later; give a separate limit its own id",
                        a.id,
                        r.id,
                        base.days.from,
                        base.days.to,
                        day_range_name(&days)
                    ),
                );
            }
        }
        None => {
            if r.label.is_none() {
                d.error(
                    r.id.span.clone(),
                    format!(
                        "add-on restriction `{}` is new (the guide has no restriction with that id{}), so it needs a `label`",
                        r.id,
                        closest(&r.id, g.restrictions.iter().map(|x| x.id.as_str()))
                            .map(|s| format!("; did you mean `{s}`?"))
                            .unwrap_or_default()
                    ),
                );
            }
            match &r.category {
                Some(c) => known_category(d, c, categories, "restriction"),
                None => d.error(
                    r.id.span.clone(),
                    format!(
                        "add-on restriction `{}` is new, so it needs a `category`",
                        r.id
                    ),
                ),
            }
        }
    }
}

/// Two add-ons that replace or remove the same guide line cannot both
/// have their way when a patient chooses both.
fn placement_conflicts(g: &Guide, d: &mut Diagnostics) {
    let mut claimed: HashMap<&str, &str> = HashMap::new();
    for a in &g.addons {
        let mut places: Vec<&AddonLine> = Vec::new();
        places.extend(a.preparation.steps.iter().map(|s| &s.line));
        for list in [
            &a.numbing.steps,
            &a.numbing.feel,
            &a.numbing.safety,
            &a.procedure.steps,
            &a.procedure.feel,
            &a.procedure.right_after,
            &a.warning_signs.call_clinic,
            &a.warning_signs.emergency,
        ] {
            places.extend(list.iter());
        }
        for e in a
            .aftercare
            .iter()
            .chain(a.visit.iter().flat_map(|v| &v.aftercare))
        {
            for c in &e.care {
                places.extend(c.lines.iter().map(|(_, l)| l));
            }
        }
        for line in places {
            if let Place::Replace(t) | Place::Remove(t) = &line.place {
                match claimed.get(t.value.as_str()) {
                    Some(other) if *other != a.id.as_str() => d.warning(
                        t.span.clone(),
                        format!(
                            "add-ons `{other}` and `{}` both replace or remove line `{}`: with both chosen, \
                             `{other}`'s change comes first and this one applies to what it left",
                            a.id, t.value
                        ),
                    ),
                    _ => {
                        claimed.insert(&t.value, a.id.as_str());
                    }
                }
            }
        }
    }
}

/// Every reference names a value the text can see: the guide's own limits
/// in the guide's text; an add-on's text may also name its own limits and
/// its visit.
fn references_resolve(g: &Guide, source: &str, d: &mut Diagnostics) {
    let base_limits: HashSet<&str> = g.restrictions.iter().map(|r| r.id.as_str()).collect();
    // Each add-on's text also sees the add-on's own limits.
    let addon_limits: Vec<HashSet<&str>> = g
        .addons
        .iter()
        .map(|a| {
            let mut set = base_limits.clone();
            set.extend(
                a.restrictions
                    .iter()
                    .chain(a.visit.iter().flat_map(|v| &v.restrictions))
                    .map(|r| r.id.as_str()),
            );
            set
        })
        .collect();
    walk::texts(g, |text, scope| {
        let Some(template) = &text.template else {
            return;
        };
        let pieces = match references::parse(template) {
            Ok(p) => p,
            Err(e) => {
                d.error(
                    text_offset(source, text, e.range.start),
                    format!(
                        "{} (a reference looks like `{{limit.no-sun.after}}`)",
                        e.message
                    ),
                );
                return;
            }
        };
        let addon = match scope {
            Scope::Guide => None,
            Scope::Addon(i) => g.addons.get(i),
        };
        let limits = match scope {
            Scope::Addon(i) if i < addon_limits.len() => &addon_limits[i],
            _ => &base_limits,
        };
        for p in &pieces {
            let Piece::Ref(r, range) = p else { continue };
            let at = || text_offset(source, text, range.start);
            match r {
                Ref::Limit { id, .. } if !limits.contains(&id.as_str()) => {
                    let mut known: Vec<&str> = limits.iter().copied().collect();
                    known.sort_unstable();
                    let hint = closest(id, known)
                        .map(|s| format!(", did you mean `{s}`?"))
                        .unwrap_or_default();
                    let whose = if addon.is_some() {
                        "the guide or this add-on"
                    } else {
                        "the guide (an add-on's limits can be named only in that add-on's text)"
                    };
                    d.error(
                        at(),
                        format!(
                            "`{}`: {whose} has no restriction `{id}`{hint}",
                            &template[range.clone()]
                        ),
                    );
                }
                Ref::Visit { addon: name } => {
                    let ok = addon.is_some_and(|a| a.id.as_str() == name && a.visit.is_some());
                    if !ok {
                        d.error(
                            at(),
                            format!(
                                "`{}`: only add-on `{name}`'s own text can name its visit, and it needs an [addons.visit]",
                                &template[range.clone()]
                            ),
                        );
                    }
                }
                _ => {}
            }
        }
    });
}

/// What markup looks like in text: (what, where in the text).
pub fn markup(text: &str) -> Option<(&'static str, usize)> {
    let b = text.as_bytes();
    // Most text has none of the characters markup is made of.
    if !b
        .iter()
        .any(|c| matches!(c, b'<' | b'*' | b'_' | b'`' | b']' | b'#'))
    {
        return None;
    }
    for (i, &c) in b.iter().enumerate() {
        let next = b.get(i + 1).copied();
        match c {
            b'<' if next.is_some_and(|n| n.is_ascii_alphabetic() || n == b'/' || n == b'!') => {
                if let Some(end) = text[i..].find('>')
                    && !text[i + 1..i + end].contains('<')
                {
                    return Some(("an HTML tag", i));
                }
            }
            b'*' if next == Some(b'*') => return Some(("Markdown bold (`**`)", i)),
            b'_' if next == Some(b'_') => return Some(("Markdown bold (`__`)", i)),
            b'`' => return Some(("Markdown code (`)", i)),
            b']' if next == Some(b'(') => return Some(("a Markdown link (`](`)", i)),
            b'#' if text[..i].trim().is_empty() && next == Some(b' ') => {
                return Some(("a Markdown heading (`# `)", i));
            }
            b'*' | b'_' => {
                // Emphasis: `*word*` or `_word_` at word edges.
                let opens = next.is_some_and(|n| n.is_ascii_alphanumeric())
                    && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
                if opens && let Some(len) = text[i + 1..].find(c as char) {
                    let close = i + 1 + len;
                    let closes = b[close - 1].is_ascii_alphanumeric()
                        && b.get(close + 1).is_none_or(|n| !n.is_ascii_alphanumeric());
                    if closes && !text[i + 1..close].contains(['\n']) {
                        return Some(("Markdown emphasis", i));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// Guide text is plain: no HTML tags, no Markdown.
fn plain_text(g: &Guide, source: &str, d: &mut Diagnostics) {
    walk::texts(g, |text, _| {
        if let Some((what, at)) = markup(text.source_text()) {
            d.error(
                text_offset(source, text, at),
                format!(
                    "{what} in guide text: text is plain (careguide lays it out itself); write the words without markup"
                ),
            );
        }
    });
}

/// A version 1 file may not use what version 2 added.
fn version_one(g: &Guide, d: &mut Diagnostics) {
    let needs = "needs `format_version = 2`";
    walk::texts(g, |text, _| {
        if let Some(id) = &text.id {
            d.error(id.span.clone(), format!("a line id {needs}"));
        }
        if text.template.is_some() {
            d.error(
                text.span.clone(),
                format!("a reference (`{{...}}`) {needs}"),
            );
        }
    });
    for e in &g.aftercare {
        for c in &e.care {
            if let Some(l) = c.lines.iter().find(|l| l.kind == CareKind::Avoid) {
                d.error(l.text.span.clone(), format!("`avoid` lines {needs}"));
            }
        }
    }
    if let Some(t) = &g.warning_signs.emergency_call {
        d.error(t.span.clone(), format!("`emergency_call` {needs}"));
    }
    if let Some(c) = g.warning_signs.compare.first() {
        d.error(
            c.normal.span.clone(),
            format!("`[[warning_signs.compare]]` {needs}"),
        );
    }
    if let Some(p) = &g.contact.after_hours_phone {
        d.error(p.span.clone(), format!("`after_hours_phone` {needs}"));
    }
    for a in &g.addons {
        if let Some(v) = &a.visit {
            d.error(v.earliest_span.clone(), format!("`[addons.visit]` {needs}"));
        }
        if let Some(c) = a.warning_signs.compare.first() {
            d.error(c.normal.span.clone(), format!("`compare` {needs}"));
        }
        let mut placed = a.preparation.steps.iter().map(|s| &s.line).chain(
            [
                &a.numbing.steps,
                &a.numbing.feel,
                &a.numbing.safety,
                &a.procedure.steps,
                &a.procedure.feel,
                &a.procedure.right_after,
                &a.warning_signs.call_clinic,
                &a.warning_signs.emergency,
            ]
            .into_iter()
            .flatten(),
        );
        if let Some(t) = placed.find_map(|l| l.place.target()) {
            d.error(
                t.span.clone(),
                format!("placing a line (`before`, `after`, `replace`, `remove`) {needs}"),
            );
        }
        for r in &a.restrictions {
            if r.label.is_none() || r.category.is_none() {
                d.error(
                    r.id.span.clone(),
                    format!("an add-on restriction without `label` and `category` {needs}"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::markup;

    #[test]
    fn markup_is_found_and_plain_text_is_not() {
        assert_eq!(markup("Use <b>only</b> water").map(|m| m.1), Some(4));
        assert!(markup("Wash **gently** now").is_some());
        assert!(markup("Wash *gently* now").is_some());
        assert!(markup("Wash _gently_ now").is_some());
        assert!(markup("See [the site](http://x)").is_some());
        assert!(markup("Run `this`").is_some());
        assert!(markup("# Heading").is_some());
        for plain in [
            "SPF 30 or higher, 2 < 3 > 1",
            "Use a gentle cleanser (fragrance-free).",
            "Rate it 1-10; 5 * 2 is math",
            "Call 555-0100 #2",
            "Sunscreen: re-apply every 2 hours.",
        ] {
            assert_eq!(markup(plain), None, "{plain}");
        }
    }
}
