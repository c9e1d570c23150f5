//! One drawing function per screen. Each reads `&App` only and returns the
//! body's scroll.

mod aftercare;
mod plan;
pub(crate) mod setup;
mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Theme;
use crate::app::{Action, App, Screen};

pub fn draw(
    app: &App,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) -> u16 {
    match app.screen {
        // The kiosk draws these two itself.
        Screen::Welcome | Screen::Path => 0,
        Screen::Picker => setup::picker(app, theme, area, buf, hits),
        Screen::Date if app.mode == crate::app::Mode::Kiosk => {
            crate::ui::kiosk::date(app, theme, area, buf, hits)
        }
        Screen::Date => setup::date(app, theme, area, buf, hits),
        Screen::Overview => plan::overview(app, theme, area, buf, hits),
        Screen::Preparation => plan::preparation(app, theme, area, buf, hits),
        Screen::Numbing => plan::numbing(app, theme, area, buf, hits),
        Screen::Procedure => plan::procedure(app, theme, area, buf, hits),
        Screen::Aftercare => aftercare::draw(app, theme, area, buf, hits),
        Screen::Timeline => timeline::draw(app, theme, area, buf, hits),
        Screen::WhenToCall => plan::when_to_call(app, theme, area, buf, hits),
    }
}
