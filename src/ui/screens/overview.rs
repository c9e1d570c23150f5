//! The overview: what the treatment is, the main message, what the plan
//! holds (each line a link to its section), the disclaimer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::common::{body_for, notes};
use crate::app::{Action, App, Mode};
use crate::i18n::fill;
use crate::ui::{Theme, View, draw_body};

pub fn overview(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let ui = app.ui();
    let g = app.guide();
    let mut b = body_for(app, theme, area);
    b.text(&format!(" {}", g.title), theme.title);
    b.blank();
    b.item(1, "★ ", theme.heading, &g.main_message, theme.title, None);
    b.blank();
    for p in &g.overview.about {
        b.indented(1, p, theme.text);
    }
    for a in app.plan().chosen_addons() {
        b.blank();
        b.text(&format!(" {}", a.name), theme.heading.patch(theme.addon));
        for p in &a.about {
            b.indented(1, p, theme.text);
        }
    }
    notes(app, theme, &mut b, &g.overview.notes);

    b.blank();
    b.text(&format!(" {}", ui.overview_plan_holds), theme.heading);
    let p = &g.preparation;
    let holds = [
        fill(
            &ui.holds_preparation,
            &[("steps", &p.steps.len()), ("questions", &p.screening.len())],
        ),
        fill(
            &ui.holds_numbing,
            &[("minutes", &ui.minutes(g.numbing.minutes, g.numbing.minutes))],
        ),
        fill(
            &ui.holds_procedure,
            &[(
                "minutes",
                &ui.minutes(
                    g.procedure.duration_minutes.0,
                    g.procedure.duration_minutes.1,
                ),
            )],
        ),
        fill(
            &ui.holds_aftercare,
            &[("last", &g.last_day()), ("parts", &g.aftercare.len())],
        ),
        fill(&ui.holds_limits, &[("n", &g.restrictions.len())]),
        ui.holds_call.to_string(),
    ];
    // The practitioner's number keys jump to each section; the kiosk has
    // no such keys, and lists only the sections on the patient's path.
    let kiosk = app.mode() == Mode::Kiosk;
    let steps = app.steps();
    for (i, line) in holds.iter().enumerate() {
        let target = crate::app::Screen::SECTIONS[i + 1];
        if kiosk && !steps.contains(&target) {
            continue;
        }
        let mark = if kiosk {
            "• ".to_string()
        } else {
            format!("{} ", i + 2)
        };
        b.item(
            2,
            &mark,
            theme.key,
            line,
            theme.text,
            Some(Action::GoTo(target)),
        );
    }
    b.blank();
    b.indented(
        1,
        &fill(
            &ui.content_version,
            &[
                ("version", &g.content_version),
                ("date", &ui.date(g.reviewed)),
            ],
        ),
        theme.muted,
    );
    b.indented(1, &g.disclaimer, theme.muted);
    draw_body(app, theme, &b, area, buf, view);
}
