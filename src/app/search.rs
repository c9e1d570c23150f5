//! Searching all the text of a plan, location by location.

use super::Screen;
use crate::plan::Plan;

/// A place in the plan where the query occurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub screen: Screen,
    /// The aftercare entry, on the aftercare screen.
    pub day: Option<usize>,
}

/// The search state: the prompt being typed, and the last search's hits.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// The text being typed, while the prompt is open.
    pub prompt: Option<String>,
    /// The submitted query.
    pub query: String,
    pub hits: Vec<Hit>,
    pub current: usize,
}

impl Search {
    pub fn current_hit(&self) -> Option<Hit> {
        self.hits.get(self.current).copied()
    }
}

/// Case-insensitive "contains".
pub fn matches(text: &str, query: &str) -> bool {
    !query.is_empty() && text.to_lowercase().contains(&query.to_lowercase())
}

/// The texts shown at each location of the plan, in plan order.
pub fn locations(plan: &Plan, teach_back: bool) -> Vec<(Hit, Vec<&str>)> {
    let g = &plan.guide;
    fn tb(notes: &crate::guide::SectionNotes, teach_back: bool) -> Vec<&str> {
        if teach_back {
            notes.teach_back.iter().map(|t| t.as_str()).collect()
        } else {
            Vec::new()
        }
    }
    let hit = |screen| Hit { screen, day: None };
    let mut out = Vec::new();

    let mut overview: Vec<&str> = vec![&g.title, &g.main_message];
    overview.extend(g.overview.about.iter().map(|t| t.as_str()));
    overview.extend(g.overview.notes.key_points.iter().map(|t| t.as_str()));
    for a in plan.chosen_addons() {
        overview.push(&a.name);
        overview.extend(a.about.iter().map(|t| t.as_str()));
    }
    overview.extend(tb(&g.overview.notes, teach_back));
    out.push((hit(Screen::Overview), overview));

    let p = &g.preparation;
    let mut prep: Vec<&str> = p.steps.iter().map(|s| s.text.as_str()).collect();
    for q in &p.screening {
        prep.push(&q.question);
        prep.extend(q.why.iter().map(|t| t.as_str()));
    }
    prep.extend(p.notes.key_points.iter().map(|t| t.as_str()));
    prep.extend(tb(&p.notes, teach_back));
    out.push((hit(Screen::Preparation), prep));

    let n = &g.numbing;
    let mut numbing: Vec<&str> = vec![&n.what];
    numbing.extend(
        n.lines
            .steps
            .iter()
            .chain(&n.lines.feel)
            .chain(&n.lines.safety)
            .chain(&n.notes.key_points)
            .map(|t| t.as_str()),
    );
    numbing.extend(tb(&n.notes, teach_back));
    out.push((hit(Screen::Numbing), numbing));

    let pr = &g.procedure;
    let mut procedure: Vec<&str> = pr
        .lines
        .steps
        .iter()
        .chain(&pr.lines.feel)
        .chain(&pr.lines.right_after)
        .chain(&pr.notes.key_points)
        .map(|t| t.as_str())
        .collect();
    procedure.extend(tb(&pr.notes, teach_back));
    out.push((hit(Screen::Procedure), procedure));

    for (i, e) in g.aftercare.iter().enumerate() {
        let mut texts: Vec<&str> = e.title.iter().map(|t| t.as_str()).collect();
        for c in &e.care {
            texts.extend(c.lines.iter().map(|l| l.text.as_str()));
        }
        texts.extend(e.notes.key_points.iter().map(|t| t.as_str()));
        texts.extend(tb(&e.notes, teach_back));
        out.push((
            Hit {
                screen: Screen::Aftercare,
                day: Some(i),
            },
            texts,
        ));
    }

    let mut limits = Vec::new();
    for r in &g.restrictions {
        limits.push(r.label.as_str());
        limits.extend(r.notes.iter().map(|t| t.as_str()));
    }
    out.push((hit(Screen::Timeline), limits));

    let w = &g.warning_signs;
    let mut call: Vec<&str> = w
        .call_clinic
        .iter()
        .chain(&w.emergency)
        .map(|t| t.as_str())
        .collect();
    call.extend(w.emergency_call.iter().map(|t| t.as_str()));
    for c in &w.compare {
        call.extend([c.normal.as_str(), c.call.as_str()]);
    }
    call.push(g.contact.name.as_str());
    call.extend(
        [
            &g.contact.phone,
            &g.contact.after_hours_phone,
            &g.contact.after_hours,
        ]
        .into_iter()
        .flatten()
        .map(|t| t.as_str()),
    );
    out.push((hit(Screen::WhenToCall), call));
    out
}

/// Every location whose text contains `query`, in plan order.
pub fn find(plan: &Plan, query: &str, teach_back: bool) -> Vec<Hit> {
    locations(plan, teach_back)
        .into_iter()
        .filter(|(_, texts)| texts.iter().any(|t| matches(t, query)))
        .map(|(hit, _)| hit)
        .collect()
}
