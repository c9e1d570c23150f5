//! The frame around every practitioner screen: the header (the plan, the
//! dates, the countdown), the section tabs, the title, the Back/Next row,
//! and the key hints (or a message, an alert, the search prompt).

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::body::Body;
use super::hit_map::HitMap;
use super::{Theme, screen_title, tab_name, title_text};
use crate::app::{Action, App, Screen};
use crate::i18n::{UiText, fill};

/// Errors in guide files reloaded by `--watch`, over the bottom of the
/// body: the last good guide stays on screen above them.
pub(super) fn reload_errors(app: &App, ui: &UiText, theme: &Theme, body: Rect, buf: &mut Buffer) {
    let mut b = Body::new(body.width.saturating_sub(2), "", theme.highlight);
    for line in &app.notices.reload_errors {
        b.item(0, "! ", theme.stop, line, theme.text, None);
    }
    let height = u16::try_from(b.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height / 2)
        .max(3.min(body.height));
    let rect = Rect {
        y: body.bottom().saturating_sub(height),
        height,
        ..body
    };
    Clear.render(rect, buf);
    let block = ratatui::widgets::Block::bordered()
        .title(format!(" {} ", ui.reload_errors_title))
        .style(theme.base)
        .border_style(theme.stop);
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (row, line) in b.lines.iter().take(usize::from(inner.height)).enumerate() {
        line.clone().render(
            Rect {
                y: inner.y + row as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}

/// The plan's name and dates.
pub(super) fn header(app: &App, ui: &UiText, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.header);
    let mut name = app.guide().treatment.value.to_string();
    for addon in app.plan().chosen_addons() {
        name.push_str(", ");
        name.push_str(&addon.label);
    }
    let mut right = match (app.plan().treatment_date, app.today_day()) {
        (Some(date), Some(day)) => format!(
            "{} · {} ",
            fill(&ui.header_treatment, &[("date", &ui.date(date))]),
            fill(&ui.header_today, &[("day", &ui.day(day))])
        ),
        _ => format!("{} ", ui.header_no_date),
    };
    // The numbing countdown, on every screen once it is started.
    if let Some(badge) = countdown_badge(app, ui) {
        right = format!("{badge} · {right}");
    }
    header_bar(area, buf, &name, &right);
}

/// "⏱ 12:34 numbing", "⏸ 12:34", "⏰ TIME IS UP": the countdown as a
/// badge, once it is started.
fn countdown_badge(app: &App, ui: &UiText) -> Option<String> {
    use crate::app::countdown::Phase;
    let c = &app.countdown;
    if !c.is_started() {
        return None;
    }
    let now = app.now();
    let time = super::clock_face(c.seconds_left(now));
    Some(match c.phase(now) {
        Phase::Running => format!("⏱ {time} {}", ui.badge_numbing),
        Phase::Paused => format!("⏸ {time} {}", ui.badge_numbing),
        Phase::Done => format!("⏰ {}", ui.timer_done),
        Phase::Ready => return None,
    })
}

/// A one-line bar with text at the left and at the right (the right side
/// wins when they do not both fit; the left is then shortened with "…").
pub fn header_bar(area: Rect, buf: &mut Buffer, left: &str, right: &str) {
    let right_w = u16::try_from(right.width())
        .unwrap_or(u16::MAX)
        .min(area.width);
    let left_area = Rect {
        width: area.width.saturating_sub(right_w + 1),
        ..area
    };
    // A left text that does not fit ends in "…", a column before the right.
    let left = format!(" {}", crate::text::sanitize(left));
    Line::from(crate::wrap::truncate(&left, usize::from(left_area.width))).render(left_area, buf);
    let right_area = Rect {
        x: area.right().saturating_sub(right_w),
        width: right_w,
        ..area
    };
    Line::from(right.to_string()).render(right_area, buf);
}

/// The section tabs, clickable. When the names do not all fit they are
/// shortened (the current one stays whole), and only as a last resort
/// become numbers.
pub(super) fn tabs(
    app: &App,
    ui: &UiText,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut HitMap,
) {
    buf.set_style(area, theme.tab);
    let width = usize::from(area.width);
    let label = |i: usize, s: Screen, max: Option<usize>| -> String {
        let name = tab_name(ui, s);
        let name = match max {
            Some(max) if s != app.nav.screen && name.chars().count() > max => {
                let cut: String = name.chars().take(max.saturating_sub(1)).collect();
                format!("{cut}.")
            }
            _ => name.to_string(),
        };
        format!("{} {name}", i + 1)
    };
    let framed = |labels: Vec<String>, pad: bool| -> Vec<String> {
        labels
            .into_iter()
            .zip(Screen::SECTIONS)
            .map(|(l, s)| match (s == app.nav.screen, pad) {
                (true, _) => format!("[{l}]"),
                (false, true) => format!(" {l} "),
                (false, false) => l,
            })
            .collect()
    };
    let fits = |labels: &[String], gap: usize| {
        labels.iter().map(|l| l.width() + gap).sum::<usize>() - gap <= width
    };
    let names = |max: Option<usize>| -> Vec<String> {
        Screen::SECTIONS
            .iter()
            .enumerate()
            .map(|(i, s)| label(i, *s, max))
            .collect()
    };
    let mut choice = None;
    for (labels, gap) in [
        (framed(names(None), true), 0),
        (framed(names(None), false), 1),
    ] {
        if fits(&labels, gap) {
            choice = Some((labels, gap));
            break;
        }
    }
    if choice.is_none() {
        // Shorter names, down to four letters each.
        for max in (4..=12).rev() {
            let labels = framed(names(Some(max)), false);
            if fits(&labels, 1) {
                choice = Some((labels, 1));
                break;
            }
        }
    }
    let (labels, gap) = choice.unwrap_or_else(|| {
        let numbers = Screen::SECTIONS
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if *s == app.nav.screen {
                    format!("[{} {}]", i + 1, tab_name(ui, *s))
                } else {
                    format!(" {} ", i + 1)
                }
            })
            .collect();
        (numbers, 0)
    });
    let mut x = area.x;
    for (i, (text, screen)) in labels.into_iter().zip(Screen::SECTIONS).enumerate() {
        let active = screen == app.nav.screen;
        let w = u16::try_from(text.width()).unwrap_or(u16::MAX);
        if x + w > area.right() {
            break;
        }
        let rect = Rect {
            x,
            width: w,
            ..area
        };
        let style = if active { theme.tab_active } else { theme.tab };
        Span::styled(text, style).render(rect, buf);
        hits.push((rect, Action::GoToSection(i + 1)));
        x += w + gap as u16;
    }
}

pub(super) fn title(app: &App, ui: &UiText, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Line::styled(title_text(app, ui), theme.title).render(area, buf);
}

/// Back and Next buttons, and where you are (or a message).
pub(super) fn nav(
    app: &App,
    ui: &UiText,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut HitMap,
) {
    let back = format!("[◀ {}]", ui.back);
    let next = format!("[{} ▶]", ui.next);
    let back_w = u16::try_from(back.width()).unwrap_or(0);
    let next_w = u16::try_from(next.width()).unwrap_or(0);
    let back_rect = Rect {
        width: back_w.min(area.width),
        ..area
    };
    let next_rect = Rect {
        x: area.right().saturating_sub(next_w),
        width: next_w.min(area.width),
        ..area
    };
    let (step, steps) = app.step_position();
    let first = step == 1;
    let last = !app.has_next();
    if !first {
        Span::styled(back, theme.button).render(back_rect, buf);
        hits.push((back_rect, Action::Prev));
    }
    if !last {
        Span::styled(next, theme.button).render(next_rect, buf);
        hits.push((next_rect, Action::Next));
    }
    let middle = Rect {
        x: area.x + back_w + 1,
        width: area.width.saturating_sub(back_w + next_w + 2),
        ..area
    };
    let (text, style) = if !app.search.query.is_empty() && !app.search.hits.is_empty() {
        (
            fill(
                &ui.search_status,
                &[
                    ("n", &(app.search.current + 1)),
                    ("total", &app.search.hits.len()),
                    ("query", &app.search.query),
                ],
            ),
            theme.muted,
        )
    } else {
        (
            fill(
                &ui.step_of,
                &[
                    ("n", &step),
                    ("total", &steps),
                    ("name", &screen_title(ui, app.nav.screen)),
                ],
            ),
            theme.muted,
        )
    };
    Paragraph::new(crate::wrap::truncate(
        &crate::text::sanitize(&text),
        usize::from(middle.width),
    ))
    .style(style)
    .alignment(Alignment::Center)
    .render(middle, buf);
}

/// The key hints, or the search prompt while it is open.
pub(super) fn hints(
    app: &App,
    ui: &UiText,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut HitMap,
) {
    if let Some(prompt) = &app.search.prompt {
        let line = Line::from(vec![
            Span::styled(format!(" {}: ", ui.search_prompt), theme.key),
            Span::styled(format!("{}█", crate::text::sanitize(prompt)), theme.text),
            Span::styled(format!("  {}", ui.search_hint), theme.muted),
        ]);
        line.render(area, buf);
        return;
    }
    // An alert (the numbing time is up) stands out until a key; a message
    // (a search that found nothing, a saved copy) takes the whole row until
    // the next key, shortened in the middle when it is too long (a path
    // keeps its file name).
    for (text, style) in [
        (&app.notices.alert, theme.stop),
        (&app.notices.message, theme.message),
    ] {
        if let Some(text) = text {
            buf.set_style(area, style);
            let text = super::shorten_middle(
                &crate::text::sanitize(text),
                usize::from(area.width.saturating_sub(2)),
            );
            Line::styled(format!(" {text}"), style).render(area, buf);
            return;
        }
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (keys, text, action) in crate::input::keymap::hints(app) {
        let w = keys.width() + 1 + text.width() + 2;
        if used + w > usize::from(area.width) {
            break;
        }
        // Each hint is also a button.
        hits.push((
            Rect {
                x: area.x + used as u16,
                width: (w - 2) as u16,
                ..area
            },
            action,
        ));
        used += w;
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {text}  "), theme.muted));
    }
    Line::from(spans).render(area, buf);
}
