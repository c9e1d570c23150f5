//! The treatment itself: how long, what happens, how it feels, right after.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::common::{body_for, lines, notes};
use crate::app::App;
use crate::i18n::fill;
use crate::ui::{Theme, View, draw_body};

pub fn procedure(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let ui = app.ui();
    let p = &app.guide().procedure;
    let mut b = body_for(app, theme, area);
    b.indented(
        1,
        &fill(
            &ui.procedure_duration,
            &[(
                "minutes",
                &ui.minutes(p.duration_minutes.0, p.duration_minutes.1),
            )],
        ),
        theme.text,
    );
    lines(app, theme, &mut b, &ui.what_happens, &p.lines.steps, "• ");
    lines(app, theme, &mut b, &ui.what_you_feel, &p.lines.feel, "• ");
    lines(
        app,
        theme,
        &mut b,
        &ui.right_after,
        &p.lines.right_after,
        "• ",
    );
    notes(app, theme, &mut b, &p.notes);
    draw_body(app, theme, &b, area, buf, view);
}
