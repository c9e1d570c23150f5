//! Windows over the screen: help (from the key table), glossary, index.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};
use unicode_width::UnicodeWidthStr;

use super::body::Body;
use super::{Theme, popup, screen_title};
use crate::app::{Action, App, IndexEntry, Overlay};
use crate::keymap::{self, BINDINGS, Context};

pub fn draw(
    app: &App,
    overlay: Overlay,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) -> u16 {
    let ui = app.ui();
    let (title, body, cursor) = match overlay {
        Overlay::Help => (ui.help_title.clone(), help(app, theme, area), None),
        Overlay::Glossary => (ui.glossary.clone(), glossary(app, theme, area), None),
        Overlay::Index { cursor } => (
            ui.index_title.clone(),
            index(app, theme, area, cursor),
            Some(cursor),
        ),
        // The kiosk draws its PIN prompt itself.
        Overlay::Pin => return 0,
    };
    let height = u16::try_from(body.len() + 2).unwrap_or(u16::MAX);
    let inner = popup(
        area,
        area.width.saturating_sub(8).min(76),
        height,
        &title,
        theme,
        buf,
    );
    // Clicks outside the window close it; inside, nothing under it reacts.
    hits.push((area, Action::Close));
    hits.push((inner, Action::Tick));
    let max = body.len().saturating_sub(usize::from(inner.height));
    let mut scroll = usize::from(app.overlay_scroll).min(max);
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
        let mut state = ScrollbarState::new(max + 1)
            .position(scroll)
            .viewport_content_length(usize::from(inner.height));
        let bar = Rect {
            x: inner.right(),
            width: 1,
            ..inner
        };
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .track_symbol(Some("│"))
            .style(theme.heading)
            .render(bar, buf, &mut state);
    }
    u16::try_from(scroll).unwrap_or(u16::MAX)
}

fn width_for(area: Rect) -> u16 {
    area.width.saturating_sub(8).min(76).saturating_sub(2)
}

/// Every key, from the same table that handles input.
fn help(app: &App, theme: &Theme, area: Rect) -> Body {
    let ui = app.ui();
    let mut b = Body::new(width_for(area), "", theme.highlight);
    let groups = [
        (ui.help_here.as_str(), Context::On(app.screen)),
        (ui.help_everywhere.as_str(), Context::Global),
        (ui.help_windows.as_str(), Context::Overlay),
    ];
    let keys_w = BINDINGS
        .iter()
        .map(|b| keymap::keys_label(b).width())
        .max()
        .unwrap_or(0)
        .min(24);
    for (heading, context) in groups {
        let rows: Vec<_> = BINDINGS
            .iter()
            .filter(|bd| {
                bd.context == context
                    || (context == Context::Overlay && bd.context == Context::Index)
            })
            .filter(|bd| {
                bd.who == keymap::Who::Everyone || app.mode == crate::app::Mode::Practitioner
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        b.text(heading, theme.heading);
        for bd in rows {
            let keys = keymap::keys_label(bd);
            let pad = " ".repeat(keys_w.saturating_sub(keys.width()));
            b.item(
                1,
                &format!("{keys}{pad}  "),
                theme.key,
                (bd.describe)(ui),
                theme.text,
                None,
            );
        }
        b.blank();
    }
    b.indented(0, &ui.help_mouse, theme.muted);
    b
}

fn glossary(app: &App, theme: &Theme, area: Rect) -> Body {
    let mut b = Body::new(width_for(area), "", theme.highlight);
    for e in &app.guide().glossary {
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

fn index(app: &App, theme: &Theme, area: Rect, cursor: usize) -> Body {
    let ui = app.ui();
    let mut b = Body::new(width_for(area), "", theme.highlight);
    let today = app.today_entry();
    let mut section = 0;
    for (row, entry) in app.index_entries().into_iter().enumerate() {
        let selected = row == cursor;
        let style = if selected { theme.selected } else { theme.text };
        let mark = if selected { "› " } else { "  " };
        match entry {
            IndexEntry::Screen(s) => {
                let number = if crate::app::Screen::SECTIONS.contains(&s) {
                    section += 1;
                    format!("{section} ")
                } else {
                    "  ".into()
                };
                let action = Action::GoTo(s);
                b.push(
                    Line::from(vec![
                        Span::styled(mark, theme.key),
                        Span::styled(number, theme.key),
                        Span::styled(screen_title(ui, s).to_string(), style.patch(theme.title)),
                    ]),
                    Some(action),
                );
            }
            IndexEntry::Glossary | IndexEntry::Help => {
                let (label, action) = if entry == IndexEntry::Glossary {
                    (ui.glossary.clone(), Action::OpenGlossary)
                } else {
                    (ui.help_title.clone(), Action::OpenHelp)
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
