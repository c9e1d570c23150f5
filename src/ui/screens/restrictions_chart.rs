//! The restrictions timeline: days across, limits down, today's column
//! marked, and when each limit ends in words.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::common::{tagged, until};
use crate::app::App;
use crate::guide::RestrictionKind;
use crate::ui::{Theme, View, draw_body, origin_style};
use crate::wrap::truncate;

/// The days the chart shows: all of the plan's days when they fit, else a
/// window around today (or Day 0).
fn window(first: i64, last: i64, columns: usize, focus: i64) -> (i64, i64) {
    let days = (last - first + 1) as usize;
    if days <= columns {
        return (first, last);
    }
    let columns = columns.max(1) as i64;
    let start = (focus - columns / 3).clamp(first, last - columns + 1);
    (start, start + columns - 1)
}

pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let ui = app.ui();
    let g = app.guide();
    // The chart uses the whole width: more days, whole labels.
    let mut b = crate::ui::body::Body::new(
        area.width
            .saturating_sub(2 + crate::ui::body::pager_width(app)),
        &app.search.query,
        theme.highlight,
    );
    let width = b.width();
    let (first, last) = g.day_span();
    let today = app.today_day();

    // "until Day 7 (Fri 27 Nov)" for each restriction, made once.
    let untils: Vec<String> = g
        .restrictions
        .iter()
        .map(|r| until(app, r.days.to))
        .collect();
    let until_w = untils.iter().map(|u| u.width()).max().unwrap_or(0);
    let longest = g
        .restrictions
        .iter()
        .map(|r| r.label.width())
        .max()
        .unwrap_or(0);
    let days = (last - first + 1) as usize;
    // Labels give way (down to 16 columns) so every day fits if it can;
    // with room to spare, days get wider.
    let fixed = 1 + 1 + 1 + until_w;
    let label_w = longest
        .min(width.saturating_sub(fixed + days).max(16))
        .max(8);
    let room = width.saturating_sub(fixed + label_w);
    let cell = (room / days.max(1)).clamp(1, 4);
    let (from, to) = window(first, last, room / cell, today.unwrap_or(0));
    let span = ((to - from + 1) as usize) * cell;
    let col = |day: i64| ((day - from) as usize) * cell;
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));

    // The day numbers, then today's marker.
    let mut scale = vec![' '; span + 3];
    for day in from..=to {
        if day == 0 || day % 5 == 0 || day == from || day == to {
            let label = day.to_string();
            let at = col(day);
            let end = (at + label.len() + 1).min(scale.len());
            if scale[at.saturating_sub(1)..end].iter().all(|c| *c == ' ') {
                for (i, ch) in label.chars().enumerate() {
                    scale[at + i] = ch;
                }
            }
        }
    }
    b.push(
        Line::from(vec![
            Span::styled(format!(" {}", pad(&ui.day_axis, label_w + 1)), theme.muted),
            Span::styled(scale.iter().collect::<String>(), theme.muted),
        ]),
        None,
    );
    let today_col = today.filter(|d| (from..=to).contains(d)).map(col);
    if let (Some(at), Some(day)) = (today_col, today) {
        b.push(
            Line::from(vec![
                Span::raw(" ".repeat(label_w + 2 + at)),
                Span::styled(
                    format!("▼ {} ({})", ui.today_marker, ui.day(day)),
                    theme.today,
                ),
            ]),
            None,
        );
    }

    let mut cut_off = false;
    for (i, r) in g.restrictions.iter().enumerate() {
        let (fill_ch, style) = match r.kind {
            RestrictionKind::Avoid => ('█', theme.avoid),
            RestrictionKind::Do => ('▒', theme.keep),
        };
        let label_style = origin_style(app, theme, r.label.origin, theme.text);
        let mut spans = vec![Span::styled(
            format!(" {} ", pad(&truncate(&r.label, label_w), label_w)),
            label_style,
        )];
        // Runs of days that look the same become one span.
        let mut run: Option<(char, Style, usize)> = None;
        for day in from..=to {
            let on = r.days.contains(day);
            let is_today = Some(day) == today;
            // Today's column: a limit in force is drawn as on any other
            // day (the ▼ above marks the column); a day off shows │.
            // A limit that goes on past the window's edge says so there.
            let beyond = (day == from && from > first && r.days.contains(from - 1))
                || (day == to && to < last && r.days.contains(to + 1));
            let (ch, st) = match (on, is_today) {
                (true, _) if beyond => {
                    cut_off = true;
                    (if day == from { '◀' } else { '▶' }, style)
                }
                (true, _) => (fill_ch, style),
                (false, true) => ('│', theme.today),
                (false, false) => ('·', theme.muted),
            };
            match &mut run {
                Some((c, s, n)) if *c == ch && *s == st => *n += cell,
                _ => {
                    if let Some((c, s, n)) = run.take() {
                        spans.push(Span::styled(c.to_string().repeat(n), s));
                    }
                    run = Some((ch, st, cell));
                }
            }
        }
        if let Some((c, s, n)) = run {
            spans.push(Span::styled(c.to_string().repeat(n), s));
        }
        spans.push(Span::styled(format!(" {}", untils[i]), theme.muted));
        b.push(Line::from(spans), None);
    }
    // Visits on other days (a peel weeks later), marked on their day.
    for v in &g.visits {
        let mut spans = vec![Span::styled(
            format!(
                " {} ",
                pad(&truncate(&tagged(app, &v.name), label_w), label_w)
            ),
            origin_style(app, theme, v.name.origin, theme.title),
        )];
        for day in from..=to {
            let (ch, st) = if day == v.day {
                ('◆', theme.title)
            } else if Some(day) == today {
                ('│', theme.today)
            } else {
                ('·', theme.muted)
            };
            spans.push(Span::styled(ch.to_string().repeat(cell), st));
        }
        spans.push(Span::styled(format!(" {}", ui.day(v.day)), theme.muted));
        b.push(Line::from(spans), None);
    }
    let mut legend = vec![
        Span::raw(" "),
        Span::styled("█", theme.avoid),
        Span::styled(format!(" {}   ", ui.restriction_avoid), theme.muted),
        Span::styled("▒", theme.keep),
        Span::styled(format!(" {}", ui.restriction_do), theme.muted),
    ];
    if !g.visits.is_empty() {
        legend.push(Span::styled(
            format!("   ◆ {}", ui.visit_legend),
            theme.muted,
        ));
    }
    if cut_off {
        legend.push(Span::styled(
            format!("   ◀ ▶ {}", ui.chart_continues),
            theme.muted,
        ));
    }
    b.push(Line::from(legend), None);

    // What applies today, in words.
    if let Some(day) = today {
        b.blank();
        b.text(
            &format!(" {} ({})", ui.in_force_today, ui.day(day)),
            theme.heading,
        );
        let now: Vec<_> = g
            .restrictions
            .iter()
            .enumerate()
            .filter(|(_, r)| r.days.contains(day))
            .collect();
        if now.is_empty() {
            b.indented(2, &ui.no_limits, theme.muted);
        }
        for (i, r) in now {
            b.item(
                2,
                "• ",
                theme.muted,
                &format!("{}: {}", tagged(app, &r.label), untils[i]),
                theme.text,
                None,
            );
        }
    }

    // Every limit with its days and note.
    b.blank();
    b.text(&format!(" {}", ui.restrictions_intro), theme.heading);
    for r in &g.restrictions {
        let when = crate::output::document::widened(
            app.plan(),
            ui,
            r,
            crate::output::document::restriction_when(app.plan(), ui, r.days.from, r.days.to),
        );
        let style = origin_style(app, theme, r.label.origin, theme.title);
        b.item(
            2,
            "• ",
            theme.muted,
            &format!("{}: {when}", tagged(app, &r.label)),
            style,
            None,
        );
        for note in &r.notes {
            let style = origin_style(app, theme, note.origin, theme.text);
            b.item(4, "", Style::new(), &tagged(app, note), style, None);
        }
    }
    for v in &g.visits {
        super::common::visit(app, theme, &mut b, 2, v);
    }
    draw_body(app, theme, &b, area, buf, view);
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn window_keeps_everything_that_fits_and_centres_otherwise() {
        assert_eq!(window(-5, 14, 40, 3), (-5, 14));
        assert_eq!(window(-14, 28, 20, 3), (-3, 16));
        assert_eq!(window(-14, 28, 20, 27), (9, 28));
        assert_eq!(window(-14, 28, 20, -20), (-14, 5));
    }
}
