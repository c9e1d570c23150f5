//! A guide's text grouped into the sections a patient reads, for checks that
//! look at prose (glossary use, reading grade) and for search.

use super::model::*;

/// One section of patient text.
#[derive(Debug)]
pub struct Section<'g> {
    /// How `check` names it: "overview", "aftercare Day 2", "add-on prp".
    pub name: String,
    pub texts: Vec<&'g Text>,
}

impl Section<'_> {
    /// The section's text as one string, one line per text.
    pub fn joined(&self) -> String {
        let mut out = String::new();
        for t in &self.texts {
            out.push_str(t);
            out.push('\n');
        }
        out
    }
}

fn notes(n: &SectionNotes) -> impl Iterator<Item = &Text> {
    n.key_points.iter()
}

/// The patient-facing sections of a guide, in reading order. Teach-back
/// prompts are for staff and the glossary defines terms, so neither is here.
pub fn patient_sections(g: &Guide) -> Vec<Section<'_>> {
    let mut out = Vec::new();
    // The most-read lines, on their own so their reading level shows.
    out.push(Section {
        name: "main message".into(),
        texts: vec![&g.main_message],
    });
    let mut intro = vec![&g.title];
    intro.extend(g.overview.about.iter());
    intro.extend(notes(&g.overview.notes));
    out.push(Section {
        name: "overview".into(),
        texts: intro,
    });

    let mut prep: Vec<&Text> = g.preparation.steps.iter().map(|s| &s.text).collect();
    for q in &g.preparation.screening {
        prep.push(&q.question);
        prep.extend(q.why.iter());
    }
    prep.extend(notes(&g.preparation.notes));
    out.push(Section {
        name: "preparation".into(),
        texts: prep,
    });

    let n = &g.numbing;
    let mut numbing = vec![&n.what];
    numbing.extend(
        n.lines
            .steps
            .iter()
            .chain(&n.lines.feel)
            .chain(&n.lines.safety),
    );
    numbing.extend(notes(&n.notes));
    out.push(Section {
        name: "numbing".into(),
        texts: numbing,
    });

    let p = &g.procedure;
    let mut procedure: Vec<&Text> = p
        .lines
        .steps
        .iter()
        .chain(&p.lines.feel)
        .chain(&p.lines.right_after)
        .collect();
    procedure.extend(notes(&p.notes));
    out.push(Section {
        name: "procedure".into(),
        texts: procedure,
    });

    for e in &g.aftercare {
        out.push(Section {
            name: format!("aftercare {}", day_range_name(&e.days)),
            texts: aftercare_texts(e),
        });
    }

    let mut restrictions = Vec::new();
    for r in &g.restrictions {
        restrictions.push(&r.label);
        restrictions.extend(r.notes.iter());
        restrictions.extend(r.reminder.iter());
    }
    restrictions.extend(g.milestones.iter().map(|m| &m.text));
    if !restrictions.is_empty() {
        out.push(Section {
            name: "restrictions".into(),
            texts: restrictions,
        });
    }

    let w = &g.warning_signs;
    let mut warning: Vec<&Text> = w.call_clinic.iter().chain(&w.emergency).collect();
    warning.extend(w.emergency_call.iter());
    for c in &w.compare {
        warning.push(&c.normal);
        warning.push(&c.call);
    }
    out.push(Section {
        name: "warning signs".into(),
        texts: warning,
    });

    let mut contact = vec![&g.contact.name];
    contact.extend(g.contact.after_hours.iter());
    out.push(Section {
        name: "contact".into(),
        texts: contact,
    });

    for a in &g.addons {
        out.push(Section {
            name: format!("add-on {}", a.id),
            texts: addon_texts(a),
        });
    }
    out.push(Section {
        name: "disclaimer".into(),
        texts: vec![&g.disclaimer],
    });
    out
}

fn aftercare_texts(e: &AftercareEntry) -> Vec<&Text> {
    let mut texts: Vec<&Text> = e.title.iter().collect();
    for c in &e.care {
        texts.extend(c.lines.iter().map(|l| &l.text));
    }
    texts.extend(notes(&e.notes));
    texts
}

fn addon_line_texts(lines: &[AddonLine]) -> impl Iterator<Item = &Text> {
    lines.iter().filter_map(|l| l.text.as_ref())
}

fn addon_aftercare_texts(e: &AddonAftercare) -> impl Iterator<Item = &Text> {
    e.care
        .iter()
        .flat_map(|c| c.lines.iter().filter_map(|(_, l)| l.text.as_ref()))
}

fn addon_texts(a: &Addon) -> Vec<&Text> {
    let mut texts = vec![&a.name, &a.label];
    texts.extend(a.about.iter());
    texts.extend(
        a.preparation
            .steps
            .iter()
            .filter_map(|s| s.line.text.as_ref()),
    );
    for q in &a.preparation.screening {
        texts.push(&q.question);
        texts.extend(q.why.iter());
    }
    for list in [
        &a.numbing.steps,
        &a.numbing.feel,
        &a.numbing.safety,
        &a.procedure.steps,
        &a.procedure.feel,
        &a.procedure.right_after,
    ] {
        texts.extend(addon_line_texts(list));
    }
    for e in &a.aftercare {
        texts.extend(addon_aftercare_texts(e));
    }
    for r in &a.restrictions {
        texts.extend(r.label.iter().chain(&r.note).chain(&r.reminder));
    }
    texts.extend(a.milestones.iter().map(|m| &m.text));
    texts.extend(addon_line_texts(&a.warning_signs.call_clinic));
    texts.extend(addon_line_texts(&a.warning_signs.emergency));
    for c in &a.warning_signs.compare {
        texts.push(&c.normal);
        texts.push(&c.call);
    }
    if let Some(v) = &a.visit {
        texts.push(&v.name);
        for e in &v.aftercare {
            texts.extend(addon_aftercare_texts(e));
        }
        for r in &v.restrictions {
            texts.extend(r.label.iter().chain(&r.note));
        }
    }
    texts
}

/// "Day 2" or "Days 4-7", for messages.
pub fn day_range_name(days: &DayRange) -> String {
    if days.is_single() {
        format!("Day {}", days.from)
    } else {
        format!("Days {}-{}", days.from, days.to)
    }
}
