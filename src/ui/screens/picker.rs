//! Choosing the guide and its add-ons (and, for the practitioner, the
//! language and a new patient).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::common::body_for;
use crate::app::{Action, App, PickerRow};
use crate::ui::{Theme, View, draw_body};

pub fn picker(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let ui = app.ui();
    let mut b = body_for(app, theme, area);
    b.indented(1, &ui.picker_intro, theme.text);
    let languages = app.languages();
    // The kiosk chose its language on the welcome screen.
    if languages.len() > 1 && app.mode() == crate::app::Mode::Practitioner {
        let names: Vec<String> = languages
            .iter()
            .map(|code| {
                let name = &crate::i18n::UiText::for_language(code).language_name;
                if *code == app.content.language {
                    format!("[{name}]")
                } else {
                    name.clone()
                }
            })
            .collect();
        b.item(
            1,
            &format!("{}: ", ui.language_label),
            theme.key,
            &names.join("  "),
            theme.text,
            Some(Action::CycleLanguage),
        );
    }
    b.blank();
    for (row, entry) in app.picker_rows().into_iter().enumerate() {
        let selected = row == app.nav.cursor;
        let cursor = if selected { "›" } else { " " };
        let lines = match &entry {
            PickerRow::Guide(id) => {
                let guide = app
                    .content
                    .library
                    .find(id, Some(&app.content.language))
                    .or_else(|| app.content.library.find(id, None));
                let title = guide.map_or(id.clone(), |g| g.title.value.to_string());
                let mark = if *id == app.content.guide_id {
                    "(•) "
                } else {
                    "( ) "
                };
                let style = if selected {
                    theme.title.patch(theme.selected)
                } else {
                    theme.title
                };
                b.item(
                    1,
                    &format!("{cursor}{mark}"),
                    theme.key,
                    &title,
                    style,
                    Some(Action::PickGuide(row)),
                )
            }
            PickerRow::Addon(id) => {
                let label = app
                    .guide()
                    .addon(id)
                    .map_or(id.clone(), |a| a.label.value.to_string());
                let mark = if app.content.addons.contains(id) {
                    "[✓] "
                } else {
                    "[ ] "
                };
                let style = if selected {
                    theme.text.patch(theme.selected)
                } else {
                    theme.text
                };
                b.item(
                    5,
                    &format!("{cursor}{mark}"),
                    theme.key,
                    &label,
                    style,
                    Some(Action::ToggleAddon(row)),
                )
            }
        };
        if selected {
            b.cursor = Some(lines);
        }
    }
    draw_body(app, theme, &b, area, buf, view);
}
