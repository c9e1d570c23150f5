//! The kiosk's look: no tabs, big buttons a finger can hit, the welcome and
//! path screens, and the "Still there?" countdown before it starts over.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::hit_map::HitMap;
use super::rows::{Row, rows};
use super::{Theme, View, screens};
use crate::app::{Action, App, Idle, KioskPath, Overlay, Screen};
use crate::i18n::{UiText, fill};

/// Draws a button: a bordered box with its label centred.
pub fn button(
    buf: &mut Buffer,
    rect: Rect,
    label: &str,
    style: Style,
    hits: &mut HitMap,
    action: Action,
) {
    if rect.width < 3 || rect.height == 0 {
        return;
    }
    if rect.height >= 3 {
        let block = Block::bordered().style(style);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let y = inner.y + inner.height.saturating_sub(1) / 2;
        Paragraph::new(crate::wrap::truncate(label, usize::from(inner.width)))
            .alignment(Alignment::Center)
            .style(style)
            .render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
    } else {
        buf.set_style(rect, style);
        Paragraph::new(format!(
            "[{}]",
            crate::wrap::truncate(label, usize::from(rect.width.saturating_sub(2)))
        ))
        .alignment(Alignment::Center)
        .style(style)
        .render(rect, buf);
    }
    hits.push((rect, action));
}

/// Lays `n` buttons side by side across `area`, with one column between.
pub fn row(area: Rect, n: u16) -> Vec<Rect> {
    if n == 0 {
        return Vec::new();
    }
    let gap = 1;
    let width = area.width.saturating_sub(gap * (n - 1)) / n;
    (0..n)
        .map(|i| Rect {
            x: area.x + i * (width + gap),
            width,
            ..area
        })
        .collect()
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let ui = app.ui();
    if app.nav.screen == Screen::Welcome {
        welcome(app, ui, theme, area, buf, &mut view.hits);
        if let Some(message) = &app.notices.message {
            let line = Rect {
                y: area.bottom() - 1,
                height: 1,
                ..area
            };
            Paragraph::new(message.clone())
                .style(theme.message)
                .alignment(Alignment::Center)
                .render(line, buf);
        }
    } else {
        // Buttons are three rows tall where the window allows.
        let nav_h: u16 = if area.height >= 20 { 3 } else { 1 };
        let one = Row::Fixed(1);
        let [header, title, body, nav, hint] =
            rows(area, [one, one, Row::Rest, Row::Fixed(nav_h), one]);
        buf.set_style(header, theme.header);
        // Today's date (it changes at midnight in a kiosk that runs on),
        // and which day after the treatment it is, or how soon it comes.
        let date = ui.date_short(app.clock.today);
        let today = app
            .today_day()
            .zip(app.kiosk.path)
            .and_then(|(day, path)| path.today_line(day, ui));
        let right = match today {
            Some(line) => format!("{date} · {line} "),
            None => format!("{date} "),
        };
        super::header_bar(header, buf, &app.guide().contact.name, &right);
        Line::styled(super::title_text(app, ui), theme.title).render(title, buf);
        if app.nav.screen == Screen::Path {
            path(app, ui, theme, body, buf, &mut view.hits);
        } else {
            screens::draw(app, theme, body, buf, view);
        }
        nav_buttons(app, ui, theme, nav, buf, &mut view.hits);
        let text = match (&app.notices.message, app.notices.reading_aloud) {
            (Some(message), _) => message.clone(),
            (None, true) => ui.kiosk_reading.to_string(),
            (None, false) => ui.kiosk_hint.to_string(),
        };
        let style = if app.notices.message.is_some() || app.notices.reading_aloud {
            theme.message
        } else {
            theme.muted
        };
        Paragraph::new(text)
            .style(style)
            .alignment(Alignment::Center)
            .render(hint, buf);
    }
    if let Some(overlay) = app.overlays.open {
        view.overlay_scroll = if overlay == Overlay::Pin {
            pin(app, ui, theme, area, buf, &mut view.hits);
            0
        } else {
            super::overlays::draw(app, theme, area, buf, &mut view.hits)
        };
    }
    if let Idle::Warning(seconds) = app.idle() {
        still_there(ui, theme, area, buf, seconds, &mut view.hits);
    }
}

fn welcome(app: &App, ui: &UiText, theme: &Theme, area: Rect, buf: &mut Buffer, hits: &mut HitMap) {
    // A touch anywhere starts; the language buttons sit on top of that.
    hits.push((area, Action::Next));
    let name = crate::text::sanitize(&app.guide().contact.name).into_owned();
    let mut y = area.y + 1;
    // The clinic's name large: letter-spaced capitals in bold, which every
    // terminal and the Linux console can draw (block-letter fonts are hard
    // to read and missing from most console fonts).
    let spaced: String = name
        .to_uppercase()
        .chars()
        .map(|c| {
            if c == ' ' {
                "   ".to_string()
            } else {
                format!("{c} ")
            }
        })
        .collect::<String>()
        .trim_end()
        .to_string();
    let shown = if spaced.chars().count() + 2 <= usize::from(area.width) {
        spaced
    } else {
        name
    };
    {
        Paragraph::new(shown)
            .style(theme.title.add_modifier(ratatui::style::Modifier::BOLD))
            .alignment(Alignment::Center)
            .render(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
        y += 2;
    }
    let text = Rect {
        x: area.x + 2,
        y,
        width: area.width.saturating_sub(4),
        height: 3.min(area.bottom().saturating_sub(y)),
    };
    Paragraph::new(ui.welcome_purpose.to_string())
        .style(theme.text)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(text, buf);
    y += 4;
    let start = Rect {
        x: area.x + area.width / 8,
        y,
        width: area.width - area.width / 4,
        height: 3.min(area.bottom().saturating_sub(y)),
    };
    button(
        buf,
        start,
        &ui.welcome_start,
        theme.button,
        hits,
        Action::Next,
    );
    y += 4;
    let languages = app.languages();
    if languages.len() > 1 && y + 1 < area.bottom() {
        Paragraph::new(format!("{}:", ui.welcome_language))
            .style(theme.text)
            .alignment(Alignment::Center)
            .render(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
        y += 1;
        let h = 3.min(area.bottom().saturating_sub(y));
        let total = u16::try_from(languages.len()).unwrap_or(1);
        let width = (area.width / 2).max(20).min(area.width);
        let strip = Rect {
            x: area.x + (area.width - width) / 2,
            y,
            width,
            height: h,
        };
        for (rect, code) in row(strip, total).into_iter().zip(&languages) {
            let name = &crate::i18n::UiText::for_language(code).language_name;
            let (label, style) = if *code == app.content.language {
                (format!("✓ {name}"), theme.selected)
            } else {
                (name.clone(), theme.button)
            };
            button(
                buf,
                rect,
                &label,
                style,
                hits,
                Action::SetLanguage(code.clone()),
            );
        }
        y += h + 1;
    }
    // Read aloud, for a patient who cannot read the screen.
    let label = &ui.kiosk_read_aloud;
    let width = (unicode_width::UnicodeWidthStr::width(label.as_str()) as u16 + 8).min(area.width);
    let h = 3.min(area.bottom().saturating_sub(y));
    if h > 0 {
        button(
            buf,
            Rect {
                x: area.x + (area.width - width) / 2,
                y,
                width,
                height: h,
            },
            label,
            theme.button,
            hits,
            Action::ReadAloud,
        );
    }
}

/// "Where are you with your treatment?": two big buttons.
fn path(
    app: &App,
    ui: &UiText,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut HitMap,
) -> u16 {
    let choices = [
        (
            KioskPath::GettingReady,
            &ui.path_ready,
            &ui.path_ready_detail,
        ),
        (
            KioskPath::Treated,
            &ui.path_treated,
            &ui.path_treated_detail,
        ),
    ];
    let h = (area.height.saturating_sub(2) / 2).clamp(1, 5);
    for (i, (path, title, detail)) in choices.into_iter().enumerate() {
        let rect = Rect {
            x: area.x + 2,
            y: area.y + 2 + i as u16 * (h + 1),
            width: area.width.saturating_sub(4),
            height: h.min(
                area.bottom()
                    .saturating_sub(area.y + 2 + i as u16 * (h + 1)),
            ),
        };
        if rect.height == 0 {
            continue;
        }
        let selected = app.nav.cursor == i;
        let style = if selected {
            theme.selected
        } else {
            theme.button
        };
        let mark = if selected { "› " } else { "  " };
        if rect.height >= 4 {
            let block = Block::bordered().style(style);
            let inner = block.inner(rect);
            block.render(rect, buf);
            Paragraph::new(vec![
                Line::from(format!("{mark}{}", title)),
                Line::from(format!("  {detail}")),
            ])
            .style(style)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
            hits.push((rect, Action::ChoosePath(path)));
        } else {
            button(
                buf,
                rect,
                &format!("{mark}{title}"),
                style,
                hits,
                Action::ChoosePath(path),
            );
        }
    }
    0
}

fn nav_buttons(
    app: &App,
    ui: &UiText,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut HitMap,
) {
    let back = format!("◀ {}", ui.back);
    let call = format!("! {}", ui.tab_call);
    let next = format!("{} ▶", ui.next);
    // The last step offers the plan to take home (a QR code) instead.
    let (last_label, last_action, last_style) = if app.has_next() {
        (next.as_str(), Action::Next, theme.primary)
    } else {
        (ui.kiosk_take_home.as_str(), Action::ShowQr, theme.button)
    };
    let mut buttons = vec![
        (back.as_str(), Action::Prev, theme.button),
        (ui.start_over.as_str(), Action::StartOver, theme.button),
        (call.as_str(), Action::WhenToCall, theme.button),
        (
            ui.kiosk_read_aloud.as_str(),
            Action::ReadAloud,
            theme.button,
        ),
    ];
    // Until a path is chosen there is no plan to take home (and the path
    // buttons above are the way on).
    if app.has_next() || app.kiosk.path.is_some() {
        buttons.push((last_label, last_action, last_style));
    }
    let widths: Vec<u16> = buttons
        .iter()
        .map(|(label, ..)| unicode_width::UnicodeWidthStr::width(*label) as u16 + 2)
        .collect();
    for ((label, action, style), rect) in buttons.into_iter().zip(row_fitted(area, &widths)) {
        button(buf, rect, label, style, hits, action);
    }
}

/// Lays buttons side by side across `area`, one column apart, each at
/// least as wide as `widths` asks when the row has room; else all the same
/// width. The spare columns are shared out two at a time (the shortest
/// labels first), so every label stays centred with as much room on its
/// left as on its right (an odd column left over stays at the row's end).
pub fn row_fitted(area: Rect, widths: &[u16]) -> Vec<Rect> {
    let n = widths.len();
    if n == 0 {
        return Vec::new();
    }
    let gaps = n as u16 - 1;
    let needed: u16 = widths.iter().sum::<u16>() + gaps;
    if needed > area.width {
        return row(area, n as u16);
    }
    let mut spare = area.width - needed;
    // Two columns each, every button in turn, while two are left.
    let rounds = spare / (2 * n as u16);
    let mut extra = vec![2 * rounds; n];
    spare -= 2 * rounds * n as u16;
    // The rest to the shortest labels first, which look the most cramped.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| widths[i]);
    for i in order {
        if spare < 2 {
            break;
        }
        extra[i] += 2;
        spare -= 2;
    }
    let mut x = area.x;
    widths
        .iter()
        .zip(extra)
        .map(|(w, extra)| {
            let rect = Rect {
                x,
                width: w + extra,
                ..area
            };
            x += rect.width + 1;
            rect
        })
        .collect()
}

/// The staff PIN prompt: digits shown as dots.
fn pin(app: &App, ui: &UiText, theme: &Theme, area: Rect, buf: &mut Buffer, hits: &mut HitMap) {
    let inner = super::popup(area, 48, 6, &ui.staff_pin_title, theme, buf);
    hits.push((area, Action::StillHere));
    let line = match app.kiosk.pin_guard.locked_for(app.now()) {
        Some(left) => {
            let seconds = crate::app::countdown::whole_seconds(left);
            Line::styled(
                format!(" {}", fill(&ui.pin_locked, &[("seconds", &seconds)])),
                theme.stop,
            )
        }
        None => {
            let dots = "•".repeat(app.kiosk.pin_entry.chars().count());
            Line::from(format!(" {} {dots}█", ui.staff_pin_prompt))
        }
    };
    Paragraph::new(vec![Line::from(""), line])
        .wrap(ratatui::widgets::Wrap { trim: true })
        .style(theme.text)
        .render(inner, buf);
}

/// "Still there?" with the seconds left; any touch or key keeps reading.
fn still_there(
    ui: &UiText,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    seconds: u64,
    hits: &mut HitMap,
) {
    let w = area.width.saturating_sub(4).min(60);
    let h = 7.min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(rect, buf);
    let block = Block::bordered().style(theme.message);
    let inner = block.inner(rect);
    block.render(rect, buf);
    Paragraph::new(vec![
        Line::from(ui.still_there.to_string()),
        Line::from(""),
        Line::from(ui.still_there_detail.to_string()),
        Line::from(fill(&ui.starting_over_in, &[("n", &seconds)])),
    ])
    .style(theme.message)
    .alignment(Alignment::Center)
    .wrap(Wrap { trim: true })
    .render(inner, buf);
    // Any touch just keeps reading: the patient is still here.
    hits.push((area, Action::StillHere));
}

/// The kiosk's date screen: "When did you have your treatment?" with one
/// button per recent day, and the typed date for anything older.
pub fn date(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let hits = &mut view.hits;
    let ui = app.ui();
    let path = app.kiosk.path.unwrap_or(KioskPath::Treated);
    let question = path.date_question(ui);
    Paragraph::new(format!(" {question}"))
        .style(theme.heading)
        .render(Rect { height: 1, ..area }, buf);
    let labels: Vec<(String, Action)> = path
        .date_choices(ui)
        .into_iter()
        .map(|(label, days_ago)| (label, Action::DaysAgo(days_ago)))
        .collect();
    let h: u16 = if area.height >= 14 { 3 } else { 1 };
    let per_row: u16 = if area.width >= 72 { 4 } else { 2 };
    let mut y = area.y + 2;
    for chunk in labels.chunks(usize::from(per_row)) {
        if y + h > area.bottom() {
            break;
        }
        let strip = Rect {
            x: area.x + 1,
            y,
            width: area.width.saturating_sub(2),
            height: h,
        };
        for (rect, (label, action)) in row(strip, per_row).into_iter().zip(chunk) {
            button(buf, rect, label, theme.button, hits, action.clone());
        }
        y += h;
    }
    // Or a date typed in, for a treatment longer ago.
    y += 1;
    if y < area.bottom() {
        let shown = match crate::app::date_entry::parse_typed(&app.date.text, &app.content.language)
        {
            Ok(d) => format!("  {}", ui.date(d)),
            Err(_) => String::new(),
        };
        let mut field = screens::date::date_field(app, theme, 1);
        field
            .spans
            .push(ratatui::text::Span::styled(shown, theme.text));
        field.render(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
        y += 1;
    }
    if let Some(error) = &app.date.error
        && y < area.bottom()
    {
        Paragraph::new(format!(" ! {error}"))
            .style(theme.stop)
            .render(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
        y += 1;
    }
    y += 1;
    if y + h <= area.bottom() {
        let strip = Rect {
            x: area.x + 1,
            y,
            width: area.width.saturating_sub(2),
            height: h,
        };
        let more = [
            (format!("− {}", ui.button_day), Action::DateAdjust(-1)),
            (format!("+ {}", ui.button_day), Action::DateAdjust(1)),
            (ui.date_not_sure.to_string(), Action::DateSkip),
        ];
        // (Next is the big button below, like on every screen.)
        for (rect, (label, action)) in row(strip, 3).into_iter().zip(more) {
            button(buf, rect, &label, theme.button, hits, action);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spare_columns_keep_every_label_centred() {
        // Labels of 6, 8 and 13 columns (+2 for the borders) in 40 columns.
        let widths = [8, 10, 15];
        let area = Rect::new(0, 0, 40, 3);
        let rects = row_fitted(area, &widths);
        assert_eq!(rects.len(), 3);
        for (rect, w) in rects.iter().zip(widths) {
            assert!(rect.width >= w);
            assert_eq!((rect.width - w) % 2, 0, "uneven padding: {rects:?}");
        }
        // One column apart, inside the area, the odd one left at the end.
        for pair in rects.windows(2) {
            assert_eq!(pair[1].x, pair[0].right() + 1);
        }
        let end = rects.last().unwrap().right();
        assert!(end <= area.right() && area.right() - end <= 1, "{rects:?}");
        // Too narrow for the labels: equal widths across the row.
        let tight = row_fitted(Rect::new(0, 0, 20, 3), &widths);
        assert!(tight.iter().all(|r| r.width.abs_diff(tight[0].width) <= 1));
    }
}
