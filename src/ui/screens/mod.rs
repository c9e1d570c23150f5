//! One drawing function per screen. Each reads `&App` only and writes what
//! it drew (clickable places, the body's scroll) into the [`View`].

mod aftercare;
pub(crate) mod common;
pub(crate) mod date;
mod numbing;
mod overview;
mod picker;
mod preparation;
mod procedure;
mod restrictions_chart;
mod when_to_call;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, View};
use crate::app::{App, Mode, Screen};

pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    match app.nav.screen {
        // The kiosk draws these two itself.
        Screen::Welcome | Screen::Path => {}
        Screen::Picker => picker::picker(app, theme, area, buf, view),
        Screen::Date if app.mode() == Mode::Kiosk => {
            crate::ui::kiosk::date(app, theme, area, buf, view)
        }
        Screen::Date => date::date(app, theme, area, buf, view),
        Screen::Overview => overview::overview(app, theme, area, buf, view),
        Screen::Preparation => preparation::preparation(app, theme, area, buf, view),
        Screen::Numbing => numbing::numbing(app, theme, area, buf, view),
        Screen::Procedure => procedure::procedure(app, theme, area, buf, view),
        Screen::Aftercare => aftercare::draw(app, theme, area, buf, view),
        Screen::Restrictions => restrictions_chart::draw(app, theme, area, buf, view),
        Screen::WhenToCall => when_to_call::when_to_call(app, theme, area, buf, view),
    }
}

/// The when-to-call text, for the window the kiosk opens over its first
/// screens.
pub fn when_to_call_body(app: &App, theme: &Theme, width: u16) -> crate::ui::body::Body {
    when_to_call::body(app, theme, width)
}
