//! Turns terminal events (keys, mouse, paste) into actions, using the key
//! table and the last drawn view.

use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};

use crate::app::{Action, App, Screen};
use crate::keymap;
use crate::ui::View;

/// Lines the mouse wheel scrolls per notch.
pub const WHEEL_LINES: i32 = 3;

/// The action for a terminal event, if it has one.
pub fn action_for(app: &App, view: &View, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::action_for(app, key),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => view.hit(mouse.column, mouse.row),
            MouseEventKind::ScrollDown => Some(Action::ScrollBy(WHEEL_LINES)),
            MouseEventKind::ScrollUp => Some(Action::ScrollBy(-WHEEL_LINES)),
            _ => None,
        },
        Event::Paste(text)
            if app.search.prompt.is_some()
                || (app.screen == Screen::Date && app.overlay.is_none()) =>
        {
            Some(Action::Paste(text.clone()))
        }
        _ => None,
    }
}
