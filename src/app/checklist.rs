//! The preparation checklist: steps ticked, and screening questions
//! answered "yes" (each of which raises the STOP banner). Ticks live in
//! memory only and go with the patient.

use std::collections::BTreeSet;

use super::{App, KioskSession, PickerRow, Screen};

/// One row of the preparation checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrepItem {
    Step(usize),
    Screening(usize),
}

/// Ticked steps and "yes" answers, by key.
#[derive(Clone, Debug, Default)]
pub struct Checklist {
    pub ticked: BTreeSet<String>,
}

impl Checklist {
    /// Ticks or unticks.
    pub fn toggle(&mut self, key: String) {
        if !self.ticked.remove(&key) {
            self.ticked.insert(key);
        }
    }
}

impl App {
    /// The checklist rows of the preparation screen.
    pub fn prep_items(&self) -> Vec<PrepItem> {
        let p = &self.guide().preparation;
        (0..p.steps.len())
            .map(PrepItem::Step)
            .chain((0..p.screening.len()).map(PrepItem::Screening))
            .collect()
    }

    /// The key a checklist item is ticked under: stable across add-on and
    /// language changes for screening questions (their ids), and across
    /// add-on changes for steps (their text).
    pub fn tick_key(&self, item: PrepItem) -> String {
        let p = &self.guide().preparation;
        match item {
            PrepItem::Step(i) => format!("step:{}", p.steps[i].text.value),
            PrepItem::Screening(i) => format!("screening:{}", p.screening[i].id.value),
        }
    }

    pub fn is_ticked(&self, item: PrepItem) -> bool {
        self.checklist.ticked.contains(&self.tick_key(item))
    }

    /// The screening questions answered "yes".
    pub fn screening_yes(&self) -> Vec<usize> {
        (0..self.guide().preparation.screening.len())
            .filter(|&i| self.is_ticked(PrepItem::Screening(i)))
            .collect()
    }

    /// Space: choose, tick or toggle what the cursor is on.
    pub(crate) fn toggle_at_cursor(&mut self) {
        match self.nav.screen {
            Screen::Path => self.choose_path(KioskSession::PATHS[self.nav.cursor.min(1)]),
            Screen::Preparation => {
                if let Some(item) = self.prep_items().get(self.nav.cursor).copied() {
                    let key = self.tick_key(item);
                    self.checklist.toggle(key);
                }
            }
            Screen::Picker => match self.picker_rows().get(self.nav.cursor).cloned() {
                Some(PickerRow::Guide(id)) => self.choose_guide(&id),
                Some(PickerRow::Addon(id)) => {
                    if let Some(i) = self.content.addons.iter().position(|a| *a == id) {
                        self.content.addons.remove(i);
                    } else {
                        self.content.addons.push(id);
                    }
                    self.rebuild_plan();
                }
                None => {}
            },
            _ => {}
        }
    }
}
