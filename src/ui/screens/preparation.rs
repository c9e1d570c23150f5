//! Getting ready: the checklist by day (today marked, days gone by said
//! so), the screening questions, and the STOP banner for any "yes".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::common::{body_for, notes, tagged};
use crate::app::{Action, App, PrepItem};
use crate::i18n::fill;
use crate::ui::body::Body;
use crate::ui::{Theme, View, draw_body, origin_style};

pub fn preparation(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let mut area = area;
    // The stop banner stays above the list, in words and a symbol, so it
    // is seen wherever the list is scrolled.
    let (banner, starts) = stop_banner(app, theme, area);
    if !banner.is_empty() {
        let room = usize::from(area.height / 3).max(2);
        // Whole questions only: those that end within the room (less one
        // row for "… N more" when some do not fit).
        let ends: Vec<usize> = starts
            .iter()
            .skip(1)
            .copied()
            .chain(std::iter::once(banner.len()))
            .collect();
        let (shown, more) = if banner.len() <= room {
            (banner.len(), 0)
        } else {
            let fit = ends.iter().filter(|&&e| e < room).count();
            let lines = if fit == 0 { starts[0] } else { ends[fit - 1] };
            (lines + 1, starts.len() - fit)
        };
        for (row, line) in banner.lines.iter().take(shown).enumerate() {
            let rect = Rect {
                y: area.y + row as u16,
                height: 1,
                ..area
            };
            buf.set_style(rect, theme.stop);
            let last_row = row + 1 == shown;
            if last_row && more > 0 {
                // Never cut off silently: say how much more there is; a
                // click (or ↓) shows it in the list below.
                let text = fill(&app.ui().stop_more, &[("n", &more)]);
                Span::styled(format!("    … {text}"), theme.stop).render(rect, buf);
                view.hits.push((rect, Action::ScrollEnd));
            } else {
                line.clone().render(rect, buf);
            }
        }
        let used = u16::try_from(shown).unwrap_or(u16::MAX) + 1;
        area = Rect {
            y: area.y + used,
            height: area.height.saturating_sub(used),
            ..area
        };
    }
    let b = checklist(app, theme, area);
    draw_body(app, theme, &b, area, buf, view);
}

/// "!! STOP: ask staff before treatment" and each "yes" with its reason;
/// with the line each question starts on.
fn stop_banner(app: &App, theme: &Theme, area: Rect) -> (Body, Vec<usize>) {
    let ui = app.ui();
    let p = &app.guide().preparation;
    let mut banner = body_for(app, theme, area);
    let yes = app.screening_yes();
    let mut starts = Vec::new();
    if yes.is_empty() {
        return (banner, starts);
    }
    banner.item(1, "!! ", theme.stop, &ui.screening_stop, theme.stop, None);
    for &i in &yes {
        starts.push(banner.len());
        let q = &p.screening[i];
        let text = match &q.why {
            Some(why) => format!("{} {}", q.question, why),
            None => q.question.value.to_string(),
        };
        banner.item(4, "• ", theme.stop, &text, theme.stop, None);
    }
    (banner, starts)
}

/// The checklist: steps by day, then the screening questions, then the
/// key points and prompts.
fn checklist(app: &App, theme: &Theme, area: Rect) -> Body {
    let ui = app.ui();
    let p = &app.guide().preparation;
    let mut b = body_for(app, theme, area);
    let items = app.prep_items();
    let done = items
        .iter()
        .filter(|i| matches!(i, PrepItem::Step(_)) && app.is_ticked(**i))
        .count();
    b.indented(
        1,
        &fill(
            &ui.checklist_done,
            &[("done", &done), ("total", &p.steps.len())],
        ),
        theme.muted,
    );
    let today = app.today_day();
    let mut last_day = None;
    for (row, item) in items.iter().enumerate() {
        let selected = row == app.nav.cursor;
        let ticked = app.is_ticked(*item);
        let (text, mark, style) = match *item {
            PrepItem::Step(i) => {
                let step = &p.steps[i];
                if last_day != Some(step.day) {
                    last_day = Some(step.day);
                    b.blank();
                    day_heading(app, theme, &mut b, step.day, today);
                }
                let mark = if ticked { "[✓] " } else { "[ ] " };
                let style = origin_style(app, theme, step.text.origin, theme.text);
                (&step.text, mark.to_string(), style)
            }
            PrepItem::Screening(i) => {
                if i == 0 {
                    b.blank();
                    b.text(&format!(" {}", ui.screening), theme.heading);
                }
                let q = &p.screening[i];
                // A "yes" is said in words and stands out, not colour alone.
                let style = origin_style(app, theme, q.question.origin, theme.text);
                if ticked {
                    (
                        &q.question,
                        format!("[✓ {}] ", ui.yes),
                        style.patch(theme.stop),
                    )
                } else {
                    (&q.question, "[ ] ".to_string(), style)
                }
            }
        };
        let style = if selected {
            style.patch(theme.selected)
        } else {
            style
        };
        let cursor = if selected { "›" } else { " " };
        let lines = b.item(
            1,
            &format!("{cursor}{mark}"),
            theme.key,
            &tagged(app, text),
            style,
            Some(Action::ToggleItem(row)),
        );
        if selected {
            b.cursor = Some(lines);
        }
    }
    notes(app, theme, &mut b, &p.notes);
    b
}

/// "5 days before · Mon 23 Nov", with TODAY when it is today and "(past)"
/// when the day has gone by.
fn day_heading(app: &App, theme: &Theme, b: &mut Body, day: i64, today: Option<i64>) {
    let ui = app.ui();
    let when = ui.days_before(day);
    let heading = match app.plan().date_of(day) {
        Some(date) => format!(" {when} · {}", ui.date(date)),
        None => format!(" {when}"),
    };
    let (first, _) = b.text(&heading, theme.heading);
    match today {
        // Steps start on their day and go on until the treatment: the
        // heading whose day is the latest not after today is "now".
        Some(t) if t == day => {
            let line = &mut b.lines[first];
            line.spans.push(Span::raw(" "));
            line.spans
                .push(Span::styled(format!(" {} ", ui.today_marker), theme.today));
        }
        Some(t) if t > day => {
            // Before the treatment there is still time to catch up.
            let note = if t < 0 {
                &ui.day_passed
            } else {
                &ui.day_passed_done
            };
            let line = &mut b.lines[first];
            line.spans
                .push(Span::styled(format!("  ({note})"), theme.muted));
        }
        _ => {}
    }
}
