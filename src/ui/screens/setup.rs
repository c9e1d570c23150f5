//! The setup screens: choosing the guide and add-ons, and the treatment date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::plan::body_for;
use crate::app::{Action, App, PickerRow};
use crate::dates;
use crate::i18n::fill;
use crate::ui::{Theme, draw_body};

pub fn picker(
    app: &App,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) -> u16 {
    let ui = app.ui();
    let mut b = body_for(app, theme, area);
    b.indented(1, &ui.picker_intro, theme.text);
    let languages = app.languages();
    // The kiosk chose its language on the welcome screen.
    if languages.len() > 1 && app.mode == crate::app::Mode::Practitioner {
        let names: Vec<String> = languages
            .iter()
            .map(|code| {
                let name = &crate::i18n::UiText::for_language(code).language_name;
                if *code == app.language {
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
        let selected = row == app.cursor;
        let cursor = if selected { "›" } else { " " };
        let lines = match &entry {
            PickerRow::Guide(id) => {
                let guide = app
                    .library
                    .find(id, Some(&app.language))
                    .or_else(|| app.library.find(id, None));
                let title = guide.map_or(id.clone(), |g| g.title.value.clone());
                let mark = if *id == app.guide_id {
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
                    .map_or(id.clone(), |a| a.label.value.clone());
                let mark = if app.addons.contains(id) {
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
    draw_body(app, theme, &b, area, buf, hits)
}

/// The typed treatment date as a field: "Treatment date: [2026-11-20█]".
pub fn date_field(app: &App, theme: &Theme, indent: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("{}{}: ", " ".repeat(indent), app.ui().treatment_date),
            theme.key,
        ),
        Span::styled(format!("[{}█]", app.date_text), theme.title),
    ])
}

/// "3 days ago", "today", "in 2 days".
fn relative(app: &App, date: jiff::civil::Date) -> String {
    let ui = app.ui();
    match dates::day_of_date(date, app.today) {
        0 => ui.relative_today.clone(),
        1 => ui.relative_yesterday.clone(),
        -1 => ui.relative_tomorrow.clone(),
        n if n > 1 => fill(&ui.relative_past, &[("n", &n)]),
        n => fill(&ui.relative_future, &[("n", &-n)]),
    }
}

pub fn date(
    app: &App,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) -> u16 {
    let ui = app.ui();
    let mut b = body_for(app, theme, area);
    b.indented(1, &ui.date_intro, theme.text);
    b.blank();
    b.push(date_field(app, theme, 2), None);
    match dates::parse_date(&app.date_text) {
        Ok(d) => {
            b.indented(
                4,
                &format!("{} · {}", ui.date(d), relative(app, d)),
                theme.heading,
            );
        }
        Err(_) if app.date_text.is_empty() => {
            b.indented(4, &ui.date_none, theme.muted);
        }
        Err(_) => b.blank(),
    }
    if let Some(error) = &app.date_error {
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
    let scroll = draw_body(app, theme, &b, area, buf, hits);
    // The buttons share a line, so their hit areas are added here.
    if let Some(row) = button_row.checked_sub(usize::from(scroll))
        && row < usize::from(area.height)
    {
        for (x, w, action) in placed {
            hits.push((
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
    scroll
}
