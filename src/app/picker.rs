//! Choosing the guide and its add-ons.

use super::App;

/// One row of the guide picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickerRow {
    Guide(String),
    Addon(String),
}

impl App {
    /// Whether the picker has anything to choose: several guides, or add-ons.
    pub fn has_choices(&self) -> bool {
        let library = &self.content.library;
        library.ids().len() > 1 || library.guides.iter().any(|g| !g.addons.is_empty())
    }

    /// The picker's rows: each guide, and under the chosen one its add-ons.
    pub fn picker_rows(&self) -> Vec<PickerRow> {
        let mut rows = Vec::new();
        for id in self.content.library.ids() {
            rows.push(PickerRow::Guide(id.to_string()));
            if id == self.content.guide_id {
                rows.extend(
                    self.version(id)
                        .addons
                        .iter()
                        .map(|a| PickerRow::Addon(a.id.value.to_string())),
                );
            }
        }
        rows
    }

    pub(crate) fn choose_guide(&mut self, id: &str) {
        if id != self.content.guide_id {
            self.content.guide_id = id.to_string();
            self.content.addons.clear();
            self.rebuild_plan();
            if let Some(row) = self
                .picker_rows()
                .iter()
                .position(|r| *r == PickerRow::Guide(id.into()))
            {
                self.nav.cursor = row;
            }
        }
    }
}
