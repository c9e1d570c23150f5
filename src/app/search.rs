//! Searching all the text of a plan, location by location: typed as people
//! type (case and accents do not count, so "infeccion" finds "infección").

use super::{App, Screen};
use crate::plan::Plan;
use crate::text::find_folded;

/// A place in the plan where the query occurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub screen: Screen,
    /// The aftercare entry, on the aftercare screen.
    pub day: Option<usize>,
    /// The checklist row, on the preparation screen (the cursor goes there,
    /// so Space ticks what was found).
    pub item: Option<usize>,
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

/// Whether `text` holds `query`, ignoring case and accents.
pub fn matches(text: &str, query: &str) -> bool {
    !find_folded(text, query).is_empty()
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
    let hit = |screen| Hit {
        screen,
        day: None,
        item: None,
    };
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

    // Each checklist row is its own place, so the cursor can go to it.
    let p = &g.preparation;
    for (row, s) in p.steps.iter().enumerate() {
        out.push((
            Hit {
                item: Some(row),
                ..hit(Screen::Preparation)
            },
            vec![s.text.as_str()],
        ));
    }
    for (i, q) in p.screening.iter().enumerate() {
        let mut texts = vec![q.question.as_str()];
        texts.extend(q.why.iter().map(|t| t.as_str()));
        out.push((
            Hit {
                item: Some(p.steps.len() + i),
                ..hit(Screen::Preparation)
            },
            texts,
        ));
    }
    let mut prep_notes: Vec<&str> = p.notes.key_points.iter().map(|t| t.as_str()).collect();
    prep_notes.extend(tb(&p.notes, teach_back));
    out.push((hit(Screen::Preparation), prep_notes));

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
                day: Some(i),
                ..hit(Screen::Aftercare)
            },
            texts,
        ));
    }

    let mut limits = Vec::new();
    for r in &g.restrictions {
        limits.push(r.label.as_str());
        limits.extend(r.notes.iter().map(|t| t.as_str()));
    }
    limits.extend(g.visits.iter().map(|v| v.name.as_str()));
    out.push((hit(Screen::Restrictions), limits));

    let w = &g.warning_signs;
    let mut call: Vec<&str> = w
        .emergency
        .iter()
        .chain(&w.emergency_call)
        .map(|t| t.as_str())
        .collect();
    for c in &w.compare {
        call.extend([c.normal.as_str(), c.call.as_str()]);
    }
    call.extend(w.call_clinic.iter().map(|t| t.as_str()));
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

impl App {
    /// Keys while the search prompt is open. Returns true when used.
    pub(crate) fn search_prompt_input(&mut self, action: &super::Action) -> bool {
        use super::Action;
        let Some(prompt) = self.search.prompt.as_mut() else {
            return false;
        };
        match action {
            Action::Input(c) => prompt.push(*c),
            Action::Paste(text) => {
                prompt.extend(text.chars().filter(|c| !crate::text::is_unsafe_char(*c)))
            }
            Action::Backspace => {
                prompt.pop();
            }
            Action::Close => self.search.prompt = None,
            Action::Submit => {
                let query = self.search.prompt.take().unwrap_or_default();
                self.run_search(query);
            }
            Action::Quit | Action::StaffExit => return false,
            _ => {}
        }
        true
    }

    fn run_search(&mut self, query: String) {
        let hits = find(&self.content.plan, &query, self.notices.show_teach_back);
        self.search = Search {
            prompt: None,
            query,
            hits,
            current: 0,
        };
        if self.search.hits.is_empty() {
            self.notices.message = Some(crate::i18n::fill(
                &self.ui().search_none,
                &[("query", &self.search.query)],
            ));
            return;
        }
        // Start at the first hit at or after where we are.
        let here = (
            self.nav.screen,
            (self.nav.screen == Screen::Aftercare).then_some(self.nav.day),
            (self.nav.screen == Screen::Preparation).then_some(self.nav.cursor),
        );
        self.search.current = self
            .search
            .hits
            .iter()
            .position(|h| (h.screen, h.day, h.item) >= here)
            .unwrap_or(0);
        self.show_hit();
    }

    pub(crate) fn step_search(&mut self, delta: isize) {
        let n = self.search.hits.len();
        if n == 0 {
            return;
        }
        self.search.current =
            (self.search.current as isize + delta).rem_euclid(n as isize) as usize;
        self.show_hit();
    }

    fn show_hit(&mut self) {
        if let Some(hit) = self.search.current_hit() {
            self.go(hit.screen);
            if let Some(day) = hit.day {
                self.set_day(day);
            }
            match hit.item {
                // The cursor goes to the row found: what is shown is what
                // Space ticks.
                Some(row) if row < self.prep_items().len() => {
                    self.nav.cursor = row;
                    self.nav.follow_cursor = true;
                }
                _ => self.nav.reveal = true,
            }
        }
    }
}
