//! Aftercare, one day (or range of days) at a time, with a strip of days to
//! click and today marked in words.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::common::{body_for, notes, tagged, until};
use crate::app::{Action, App};
use crate::guide::{CareKind, RestrictionKind};
use crate::i18n::fill;
use crate::output::document::care_label;
use crate::ui::{Theme, View, draw_body, origin_style};

/// A short label for an entry's days: "Day 3 · 23 Nov", "Days 4–7".
fn short(app: &App, from: i64, to: i64) -> String {
    let ui = app.ui();
    if from == to {
        match app.plan().date_of(from) {
            Some(d) => format!(
                "{} · {} {}",
                ui.day(from),
                d.day(),
                ui.months[d.month() as usize - 1]
            ),
            None => ui.day(from),
        }
    } else {
        fill(&ui.days_short, &[("from", &from), ("to", &to)])
    }
}

pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let ui = app.ui();
    let g = app.guide();
    let Some(entry) = g.aftercare.get(app.nav.day) else {
        return;
    };
    let today_entry = app.today_entry();

    // The strip of days: as many as fit around the current one.
    let strip = Rect { height: 1, ..area };
    let labels: Vec<String> = g
        .aftercare
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut l = short(app, e.days.from, e.days.to);
            if Some(i) == today_entry {
                l = format!("{l} {}", ui.today_marker);
            }
            if i == app.nav.day {
                format!("[{l}]")
            } else {
                format!(" {l} ")
            }
        })
        .collect();
    let width = usize::from(strip.width);
    let (mut first, mut last) = (app.nav.day, app.nav.day);
    let total = |a: usize, b: usize| labels[a..=b].iter().map(|l| l.width() + 1).sum::<usize>() + 4;
    loop {
        let mut grew = false;
        if last + 1 < labels.len() && total(first, last + 1) <= width {
            last += 1;
            grew = true;
        }
        if first > 0 && total(first - 1, last) <= width {
            first -= 1;
            grew = true;
        }
        if !grew {
            break;
        }
    }
    let mut x = strip.x;
    let more = |x: u16, buf: &mut Buffer, s: &str| {
        Span::styled(s.to_string(), theme.muted).render(
            Rect {
                x,
                width: 2,
                ..strip
            },
            buf,
        );
    };
    if first > 0 {
        more(x, buf, "‹ ");
    }
    x += 2;
    for (i, label) in labels.iter().enumerate().take(last + 1).skip(first) {
        let w = u16::try_from(label.width()).unwrap_or(u16::MAX);
        if x + w > strip.right() {
            break;
        }
        let rect = Rect {
            x,
            width: w,
            ..strip
        };
        let style = if i == app.nav.day {
            theme.tab_active
        } else if Some(i) == today_entry {
            theme.today
        } else {
            theme.tab
        };
        Span::styled(label.clone(), style).render(rect, buf);
        view.hits.push((rect, Action::GoToDay(i)));
        x += w + 1;
    }
    if last + 1 < labels.len() && x + 2 <= strip.right() {
        more(x, buf, " ›");
    }

    let rest = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let mut b = body_for(app, theme, rest);
    b.blank();

    // The day's heading, dated, with today marked in words.
    let (from, to) = (entry.days.from, entry.days.to);
    let heading = crate::output::document::aftercare_heading(app.plan(), ui, entry);
    let is_today = Some(app.nav.day) == today_entry;
    let badge = if is_today {
        match app.today_day() {
            Some(d) if from != to => format!(" {} ({}) ", ui.today_marker, ui.day(d)),
            _ => format!(" {} ", ui.today_marker),
        }
    } else {
        String::new()
    };
    let (first_line, _) = b.text(&format!(" {heading}"), theme.title);
    if is_today {
        let line = &mut b.lines[first_line];
        line.spans.push(Span::raw(" "));
        line.spans.push(Span::styled(badge, theme.today));
    }
    if let Some(day) = app.today_day()
        && day > g.last_day()
        && app.nav.day + 1 == g.aftercare.len()
    {
        b.indented(
            1,
            &fill(&ui.aftercare_ended, &[("n", &day), ("last", &g.last_day())]),
            theme.muted,
        );
    }

    // A visit on one of these days (a peel weeks later).
    for v in g.visits.iter().filter(|v| entry.days.contains(v.day)) {
        b.blank();
        super::common::visit(app, theme, &mut b, 1, v);
    }

    // "Expect:", "Do:" and "Avoid:" padded to one width, so the lines start together.
    let label_w = CareKind::ALL
        .iter()
        .map(|k| care_label(ui, *k).width())
        .max()
        .unwrap_or(0)
        + 2;
    let label = |l: &str| format!("{l}:{}", " ".repeat(label_w - l.width() - 1));
    for care in &entry.care {
        let name = g
            .category(&care.category)
            .map_or(care.category.value.clone(), |c| c.name.value.clone());
        b.blank();
        b.text(&format!(" {name}"), theme.heading);
        for line in &care.lines {
            let style = origin_style(app, theme, line.text.origin, theme.text);
            let label_style = match line.kind {
                CareKind::Expect => theme.muted,
                CareKind::Do => theme.key,
                CareKind::Avoid => theme.avoid.add_modifier(ratatui::style::Modifier::BOLD),
            };
            b.item(
                2,
                &label(care_label(ui, line.kind)),
                label_style,
                &tagged(app, &line.text),
                style,
                None,
            );
        }
    }

    // The limits in force on these days, from the restrictions data.
    let limits: Vec<_> = g
        .restrictions
        .iter()
        .filter(|r| r.days.from <= to && from <= r.days.to)
        .collect();
    b.blank();
    let title = if from == to {
        &ui.limits_today
    } else {
        &ui.limits_on_days
    };
    b.text(&format!(" {title}"), theme.heading);
    if limits.is_empty() {
        b.indented(2, &ui.no_limits, theme.muted);
    }
    for r in limits {
        let (mark, style) = match r.kind {
            RestrictionKind::Avoid => ("█ ", theme.avoid),
            RestrictionKind::Do => ("▒ ", theme.keep),
        };
        // "until Day 3, Mon 23 Nov", as on the chart (no brackets in brackets).
        let text = format!("{} ({})", tagged(app, &r.label), until(app, r.days.to));
        b.item(
            2,
            mark,
            style,
            &text,
            origin_style(app, theme, r.label.origin, theme.text),
            Some(Action::GoTo(crate::app::Screen::Restrictions)),
        );
    }
    notes(app, theme, &mut b, &entry.notes);
    draw_body(app, theme, &b, rest, buf, view);
}
