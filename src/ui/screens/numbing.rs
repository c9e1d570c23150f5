//! Numbing: the countdown (practitioner only), what is used, what
//! happens, what it feels like, safety.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::common::{body_for, lines, notes};
use crate::app::countdown::Phase;
use crate::app::{Action, App, Mode};
use crate::i18n::fill;
use crate::ui::body::Body;
use crate::ui::{Theme, View, bigtext, draw_body};

pub fn numbing(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let ui = app.ui();
    let n = &app.guide().numbing;
    let mut b = body_for(app, theme, area);
    // The practitioner's countdown, large, with its state in words (a
    // kiosk patient has no timer to run).
    if app.mode() == Mode::Practitioner {
        countdown(app, theme, &mut b, area);
        b.blank();
    }
    b.indented(1, &n.what, theme.text);
    b.indented(
        1,
        &fill(
            &ui.numbing_minutes,
            &[("minutes", &ui.minutes(n.minutes, n.minutes))],
        ),
        theme.text,
    );
    lines(app, theme, &mut b, &ui.what_happens, &n.lines.steps, "• ");
    lines(app, theme, &mut b, &ui.what_you_feel, &n.lines.feel, "• ");
    lines(app, theme, &mut b, &ui.safety, &n.lines.safety, "! ");
    notes(app, theme, &mut b, &n.notes);
    draw_body(app, theme, &b, area, buf, view);
}

/// The numbing countdown: large digits and its state in words.
fn countdown(app: &App, theme: &Theme, b: &mut Body, area: Rect) {
    let ui = app.ui();
    let phase = app.countdown.phase(app.now());
    let time = crate::ui::clock_face(app.countdown.seconds_left(app.now()));
    let state = match phase {
        Phase::Ready => &ui.timer_ready,
        Phase::Running => &ui.timer_running,
        Phase::Paused => &ui.timer_paused,
        Phase::Done => &ui.timer_done,
    };
    let style = if phase == Phase::Done {
        theme.stop
    } else {
        theme.title
    };
    if b.width() >= bigtext::width(&time) + 4 && area.height >= 12 {
        for row in bigtext::rows(&time) {
            b.push(Line::styled(format!("  {row}"), style), None);
        }
    } else {
        b.push(Line::styled(format!("  {time}"), style), None);
    }
    let status = vec![
        Span::styled(format!("  {state}"), style),
        Span::styled(format!("   [t] {}", ui.key_timer), theme.muted),
        Span::styled(format!("  [r] {}", ui.key_timer_reset), theme.muted),
    ];
    b.push(Line::from(status), Some(Action::TimerToggle));
}
