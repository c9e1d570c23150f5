//! Windows over the screen: help (from the key table), words to know, the
//! section index, "go to a date", "new patient?", what to print, and the
//! warning signs over the kiosk's first screens.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::body::{Body, Pane, pager, pager_width, scrollbar};
use super::hit_map::HitMap;
use super::{Theme, popup, tab_name};
use crate::app::{Action, App, IndexEntry, Mode, Overlay, Screen};
use crate::input::keymap::{self, BINDINGS, On};

/// Draws the open window; returns its scroll.
pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, hits: &mut HitMap) -> u16 {
    let ui = app.ui();
    let Some(overlay) = app.overlays.open else {
        return 0;
    };
    // The QR code takes what room there is; the other windows read best
    // at most 76 columns wide.
    let width = if overlay == Overlay::Qr {
        area.width.saturating_sub(2)
    } else {
        area.width.saturating_sub(8).min(76)
    };
    let inner_width = width.saturating_sub(2);
    // Text the kiosk may page keeps room for the page buttons.
    let text_width = inner_width.saturating_sub(pager_width(app));
    let (title, body, cursor) = match overlay {
        Overlay::Help => (
            ui.help_title.to_string(),
            help(app, theme, text_width),
            None,
        ),
        Overlay::Glossary => (
            ui.glossary.to_string(),
            glossary(app, theme, text_width),
            None,
        ),
        Overlay::Index { cursor } => (
            ui.index_title.to_string(),
            index(app, theme, text_width, cursor),
            Some(cursor),
        ),
        Overlay::GoToDate => (
            ui.go_to_date_title.to_string(),
            go_to_date(app, theme, text_width),
            None,
        ),
        Overlay::ConfirmNewPatient => (
            ui.new_patient_title.to_string(),
            confirm_new_patient(app, theme, text_width),
            None,
        ),
        Overlay::Print => (
            ui.print_title.to_string(),
            print(app, theme, text_width),
            None,
        ),
        Overlay::WhenToCall => (
            ui.warning_signs.to_string(),
            super::screens::when_to_call_body(app, theme, text_width),
            None,
        ),
        Overlay::Qr => {
            let rows = area.height.saturating_sub(2);
            (
                ui.key_qr.to_string(),
                qr(app, theme, inner_width, rows),
                None,
            )
        }
        // The kiosk draws its PIN prompt itself.
        Overlay::Pin => return 0,
    };
    let height = u16::try_from(body.len() + 2).unwrap_or(u16::MAX);
    let window = popup(area, width, height, &title, theme, buf);
    // Clicks outside the window close it; inside, nothing under it reacts.
    hits.push((area, Action::Close));
    hits.push((window, Action::StillHere));
    // The kiosk pages a long window with big buttons inside it.
    let pane = Pane::new(app, window, body.len());
    let inner = pane.text;
    let max = body.len().saturating_sub(usize::from(inner.height));
    let mut scroll = usize::from(app.overlays.scroll).min(max);
    if let Some(c) = cursor {
        let h = usize::from(inner.height);
        if c < scroll {
            scroll = c;
        } else if c >= scroll + h {
            scroll = c + 1 - h;
        }
    }
    for (row, (line, hit)) in body
        .lines
        .iter()
        .zip(&body.hits)
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let rect = Rect {
            y: inner.y + row as u16,
            height: 1,
            ..inner
        };
        line.clone().render(rect, buf);
        if let Some(action) = hit {
            hits.push((rect, action.clone()));
        }
    }
    if body.len() > usize::from(inner.height) {
        let bar = Rect {
            x: window.right(),
            width: 1,
            ..inner
        };
        scrollbar(
            theme,
            bar,
            buf,
            hits,
            max,
            scroll,
            usize::from(inner.height),
        );
    }
    pager(app, theme, &pane, buf, hits, scroll, max);
    u16::try_from(scroll).unwrap_or(u16::MAX)
}

/// Every key the reader has, from the same table that handles input.
fn help(app: &App, theme: &Theme, width: u16) -> Body {
    let ui = app.ui();
    let mut b = Body::new(width, "", theme.highlight);
    let groups = [
        (ui.help_here.as_str(), On::Screen(app.nav.screen)),
        (ui.help_everywhere.as_str(), On::Everywhere),
        (ui.help_windows.as_str(), On::Window),
    ];
    let keys_w = BINDINGS
        .iter()
        .map(|b| keymap::keys_label(b, ui).width())
        .max()
        .unwrap_or(0)
        .min(24);
    for (heading, on) in groups {
        let rows: Vec<_> = BINDINGS
            .iter()
            .filter(|bd| bd.on == on || (on == On::Window && bd.on == On::Choices))
            .filter(|bd| app.mode().allows(&bd.action))
            .collect();
        if rows.is_empty() {
            continue;
        }
        b.text(heading, theme.heading);
        for bd in rows {
            let keys = keymap::keys_label(bd, ui);
            let pad = " ".repeat(keys_w.saturating_sub(keys.width()));
            // The kiosk's Home starts over: it says so.
            let says = if app.mode() == Mode::Kiosk && bd.action == Action::First {
                ui.start_over.as_str()
            } else {
                (bd.says)(ui)
            };
            b.item(
                1,
                &format!("{keys}{pad}  "),
                theme.key,
                says,
                theme.text,
                None,
            );
        }
        b.blank();
    }
    let mouse = if app.mode() == Mode::Kiosk {
        &ui.help_touch
    } else {
        &ui.help_mouse
    };
    b.indented(0, mouse, theme.muted);
    b
}

fn glossary(app: &App, theme: &Theme, width: u16) -> Body {
    let mut b = Body::new(width, "", theme.highlight);
    for e in app.plan().glossary_in_order() {
        b.push(
            Line::styled(crate::text::sanitize(&e.term).into_owned(), theme.heading),
            None,
        );
        b.indented(2, &e.definition, theme.text);
    }
    if b.is_empty() {
        b.text(&app.ui().glossary_empty, theme.muted);
    }
    b
}

fn index(app: &App, theme: &Theme, width: u16, cursor: usize) -> Body {
    let ui = app.ui();
    let mut b = Body::new(width, "", theme.highlight);
    let today = app.today_entry();
    let mut section = 0;
    for (row, entry) in app.index_entries().into_iter().enumerate() {
        let selected = row == cursor;
        let style = if selected { theme.selected } else { theme.text };
        let mark = if selected { "› " } else { "  " };
        match entry {
            IndexEntry::Screen(s) => {
                let number = if Screen::SECTIONS.contains(&s) {
                    section += 1;
                    format!("{section} ")
                } else {
                    "  ".into()
                };
                // The same name as the tab, so a section is called one thing.
                b.push(
                    Line::from(vec![
                        Span::styled(mark, theme.key),
                        Span::styled(number, theme.key),
                        Span::styled(tab_name(ui, s).to_string(), style.patch(theme.title)),
                    ]),
                    Some(Action::GoTo(s)),
                );
            }
            IndexEntry::Glossary | IndexEntry::Help => {
                let (label, action) = if entry == IndexEntry::Glossary {
                    (ui.glossary.to_string(), Action::OpenGlossary)
                } else {
                    (ui.help_title.to_string(), Action::OpenHelp)
                };
                b.push(
                    Line::from(vec![
                        Span::styled(mark, theme.key),
                        Span::raw("  "),
                        Span::styled(label, style),
                    ]),
                    Some(action),
                );
            }
            IndexEntry::Day(i) => {
                let e = &app.guide().aftercare[i];
                let mut label = ui.day_range(e.days.from, e.days.to);
                if let Some(t) = &e.title {
                    label = format!("{label}: {t}");
                }
                let mut spans = vec![
                    Span::styled(mark, theme.key),
                    Span::raw("    "),
                    Span::styled(crate::text::sanitize(&label).into_owned(), style),
                ];
                if Some(i) == today {
                    spans.push(Span::raw(" "));
                    spans.push(Span::styled(format!(" {} ", ui.today_marker), theme.today));
                }
                b.push(Line::from(spans), Some(Action::GoToDay(i)));
            }
        }
    }
    b
}

/// "Date: [11/20/2026█]" and what it is in words, or what is wrong.
fn go_to_date(app: &App, theme: &Theme, width: u16) -> Body {
    let ui = app.ui();
    let mut b = Body::new(width, "", theme.highlight);
    b.blank();
    b.push(
        Line::from(vec![
            Span::styled(format!(" {}: ", ui.go_to_date_prompt), theme.key),
            Span::styled(
                format!("[{}█]", crate::text::sanitize(&app.overlays.field)),
                theme.title,
            ),
        ]),
        None,
    );
    if let Ok(d) = crate::app::date_entry::parse_typed(&app.overlays.field, &app.content.language) {
        let day = app
            .plan()
            .day_of(d)
            .map(|n| format!(" · {}", ui.day(n)))
            .unwrap_or_default();
        b.indented(3, &format!("{}{day}", ui.date(d)), theme.heading);
    }
    if let Some(e) = &app.overlays.error {
        b.item(3, "! ", theme.stop, e, theme.stop, None);
    }
    b.blank();
    b
}

/// "Clear everything about this patient?" with Yes and No buttons.
fn confirm_new_patient(app: &App, theme: &Theme, width: u16) -> Body {
    let ui = app.ui();
    let mut b = Body::new(width, "", theme.highlight);
    b.blank();
    b.indented(1, &ui.new_patient_question, theme.text);
    b.blank();
    b.push(
        Line::from(vec![
            Span::raw(" "),
            Span::styled(format!("[y {}]", ui.yes_clear), theme.button),
        ]),
        Some(Action::Confirm),
    );
    b.push(
        Line::from(vec![
            Span::raw(" "),
            Span::styled(format!("[n {}]", ui.no_keep), theme.button),
        ]),
        Some(Action::Close),
    );
    b
}

/// The whole plan, or only the days still to come.
fn print(app: &App, theme: &Theme, width: u16) -> Body {
    let ui = app.ui();
    let mut b = Body::new(width, "", theme.highlight);
    b.blank();
    for (i, (label, from_today)) in [(&ui.print_whole, false), (&ui.print_from_today, true)]
        .into_iter()
        .enumerate()
    {
        let selected = app.overlays.choice == i;
        let mark = if selected { "› " } else { "  " };
        let style = if selected {
            theme.button.patch(theme.selected)
        } else {
            theme.button
        };
        b.push(
            Line::from(vec![
                Span::styled(format!(" {mark}"), theme.key),
                Span::styled(format!("[{label}]"), style),
            ]),
            Some(Action::Print(from_today)),
        );
    }
    b.blank();
    b
}

/// The take-home QR code: the plan's summary for a phone camera, drawn
/// light-on-dark in half blocks with its quiet zone (in every theme, so a
/// reader decodes it), or a message when the window is too small for it.
fn qr(app: &App, theme: &Theme, width: u16, height: u16) -> Body {
    let ui = app.ui();
    let payload = crate::qr::payload(app.plan(), ui, app.today(), app.options().qr_url.as_deref());
    let mut b = Body::new(width, "", theme.highlight);
    b.text(&ui.qr_intro, theme.text);
    let intro = b.len();
    let Some(rows) = crate::qr::half_blocks(&payload) else {
        b.text(&ui.qr_too_small, theme.muted);
        close_line(app, theme, &mut b);
        return b;
    };
    // A code is useful only whole: it must fit across and down.
    let across = rows.first().map_or(0, |r| r.chars().count());
    let close = usize::from(app.mode() == Mode::Kiosk);
    if across > usize::from(width) || intro + rows.len() + close > usize::from(height) {
        let text = crate::i18n::fill(
            &ui.qr_too_small,
            &[
                ("w", &(across + 2)),
                ("h", &(intro + rows.len() + close + 2)),
            ],
        );
        let mut b = Body::new(width, "", theme.highlight);
        b.text(&text, theme.muted);
        close_line(app, theme, &mut b);
        return b;
    }
    let style = theme.qr;
    for row in rows {
        b.push(Line::styled(row, style), None);
    }
    close_line(app, theme, &mut b);
    b
}

/// The kiosk's windows end in a line a finger can close them with.
fn close_line(app: &App, theme: &Theme, b: &mut Body) {
    if app.mode() == Mode::Kiosk {
        let label = format!("[ ✕ {} ]", app.ui().key_close);
        b.push(
            Line::styled(label, theme.button).alignment(ratatui::layout::Alignment::Center),
            Some(Action::Close),
        );
    }
}
