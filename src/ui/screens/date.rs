//! The treatment date: typed, moved a day at a time, today, or none.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::common::body_for;
use crate::app::{Action, App};
use crate::dates;
use crate::i18n::fill;
use crate::ui::{Theme, View, draw_body};

/// The typed treatment date as a field: "Treatment date: [2026-11-20█]".
pub fn date_field(app: &App, theme: &Theme, indent: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("{}{}: ", " ".repeat(indent), app.ui().treatment_date),
            theme.key,
        ),
        Span::styled(format!("[{}█]", app.date.text), theme.title),
    ])
}

/// "3 days ago", "today", "in 2 days".
fn relative(app: &App, date: jiff::civil::Date) -> String {
    let ui = app.ui();
    match dates::day_of_date(date, app.today()) {
        0 => ui.relative_today.to_string(),
        1 => ui.relative_yesterday.to_string(),
        -1 => ui.relative_tomorrow.to_string(),
        n if n > 1 => fill(&ui.relative_past, &[("n", &n)]),
        n => fill(&ui.relative_future, &[("n", &-n)]),
    }
}

pub fn date(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let ui = app.ui();
    let mut b = body_for(app, theme, area);
    b.indented(1, &ui.date_intro, theme.text);
    b.blank();
    b.push(date_field(app, theme, 2), None);
    match dates::parse_date(&app.date.text) {
        Ok(d) => {
            b.indented(
                4,
                &format!("{} · {}", ui.date(d), relative(app, d)),
                theme.heading,
            );
        }
        Err(_) if app.date.text.is_empty() => {
            b.indented(4, &ui.date_none, theme.muted);
        }
        Err(_) => b.blank(),
    }
    if let Some(error) = &app.date.error {
        b.item(4, "! ", theme.stop, error, theme.stop, None);
    }
    b.blank();
    // The buttons, on one line where they fit, each clickable.
    let buttons = [
        (format!("[{}]", ui.button_today), Action::DateToday),
        (format!("[− {}]", ui.button_day), Action::DateAdjust(-1)),
        (format!("[+ {}]", ui.button_day), Action::DateAdjust(1)),
        (format!("[{}]", ui.button_no_date), Action::DateSkip),
        (format!("[{} ▶]", ui.next), Action::Submit),
    ];
    let button_row = b.len();
    let mut spans = vec![Span::raw("  ")];
    let mut x = 2u16;
    let mut placed = Vec::new();
    for (label, action) in &buttons {
        let w = u16::try_from(label.width()).unwrap_or(u16::MAX);
        if usize::from(x + w) > b.width() {
            break;
        }
        spans.push(Span::styled(label.clone(), theme.button));
        spans.push(Span::raw("  "));
        placed.push((x, w, action.clone()));
        x += w + 2;
    }
    b.push(Line::from(spans), None);
    draw_body(app, theme, &b, area, buf, view);
    let scroll = view.scroll;
    // The buttons share a line, so their hit areas are added here.
    if let Some(row) = button_row.checked_sub(usize::from(scroll))
        && row < usize::from(area.height)
    {
        for (x, w, action) in placed {
            view.hits.push((
                Rect {
                    x: area.x + x,
                    y: area.y + row as u16,
                    width: w,
                    height: 1,
                },
                action,
            ));
        }
    }
}
