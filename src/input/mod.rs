//! Input: the terminal's bytes decoded into events ([`decoder`]), keys
//! looked up in the key table ([`keymap`]), clicks, taps and the wheel
//! resolved against what was drawn ([`mouse`]). Everything becomes an
//! [`Action`].

pub mod decoder;
pub mod keymap;
pub mod mouse;

use ratatui::crossterm::event::Event;

use crate::app::{Action, App, Overlay, Screen};
use crate::ui::View;

/// The action for a terminal event, if it has one.
pub fn action_for(app: &App, view: &View, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::action_for(app, key),
        Event::Mouse(mouse) => mouse::action_for(&view.hits, mouse),
        Event::Paste(text) => {
            let field = app.search.prompt.is_some()
                || app.overlays.open == Some(Overlay::GoToDate)
                || (app.nav.screen == Screen::Date && app.overlays.open.is_none());
            field.then(|| Action::Paste(text.clone()))
        }
        _ => None,
    }
}
