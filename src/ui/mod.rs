//! Drawing the app. Every screen is a pure function of `&App`; drawing also
//! returns a [`View`]: where the clickable things landed and the scroll
//! the body settled on, so mouse input and scrolling agree with the screen.

pub mod bigtext;
pub mod body;
pub(crate) mod kiosk;
mod overlays;
mod screens;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget, Wrap,
};
use unicode_width::UnicodeWidthStr;

use crate::app::{Action, App, Screen};
use crate::i18n::{UiText, fill};
use crate::keymap;
use body::Body;
pub use theme::{Theme, ThemeName};

/// Below this size the app asks for a bigger window.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// What a draw produced that input handling needs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// Clickable areas, topmost last.
    pub hits: Vec<(Rect, Action)>,
    /// The body's scroll after clamping and revealing the cursor or a match.
    pub scroll: u16,
    pub overlay_scroll: u16,
}

impl View {
    /// The action under a cell, if any (the topmost wins).
    pub fn hit(&self, x: u16, y: u16) -> Option<Action> {
        self.hits
            .iter()
            .rev()
            .find(|(r, _)| r.contains(ratatui::layout::Position { x, y }))
            .map(|(_, a)| a.clone())
    }
}

/// Draws the whole app into a frame.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame) -> View {
    let area = frame.area();
    render(app, theme, area, frame.buffer_mut())
}

/// Draws the whole app into a buffer area.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> View {
    let mut view = View {
        scroll: app.scroll,
        overlay_scroll: app.overlay_scroll,
        ..View::default()
    };
    // (The default style changes nothing: no need to visit every cell.)
    if theme.base != Style::default() {
        buf.set_style(area, theme.base);
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app.ui(), theme, area, buf);
        return view;
    }
    if app.mode == crate::app::Mode::Kiosk {
        kiosk::render(app, theme, area, buf, &mut view);
        return view;
    }
    let ui = app.ui();
    let [header, tabs, title, body, nav, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(app, ui, theme, header, buf);
    draw_tabs(app, ui, theme, tabs, buf, &mut view.hits);
    draw_title(app, ui, theme, title, buf);
    view.scroll = screens::draw(app, theme, body, buf, &mut view.hits);
    if !app.reload_errors.is_empty() {
        draw_reload_errors(app, ui, theme, body, buf);
    }
    draw_nav(app, ui, theme, nav, buf, &mut view.hits);
    draw_hints(app, ui, theme, hints, buf, &mut view.hits);
    if let Some(overlay) = app.overlay {
        view.overlay_scroll = overlays::draw(app, overlay, theme, area, buf, &mut view.hits);
    }
    view
}

fn too_small(ui: &UiText, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let text = fill(
        &ui.too_small,
        &[("width", &MIN_WIDTH), ("height", &MIN_HEIGHT)],
    );
    let lines =
        u16::try_from(text.width().div_ceil(usize::from(area.width.max(1)))).unwrap_or(u16::MAX);
    let y = area.y + area.height.saturating_sub(lines) / 2;
    let rect = Rect {
        y,
        height: area.bottom().saturating_sub(y),
        ..area
    };
    Paragraph::new(text)
        .style(theme.text)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}

/// Errors in guide files reloaded by `--watch`, over the bottom of the
/// body: the last good guide stays on screen above them.
fn draw_reload_errors(app: &App, ui: &UiText, theme: &Theme, body: Rect, buf: &mut Buffer) {
    let mut b = Body::new(body.width.saturating_sub(2), "", theme.highlight);
    for line in &app.reload_errors {
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
fn draw_header(app: &App, ui: &UiText, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.header);
    let mut name = app.guide().treatment.value.clone();
    for addon in app.plan.chosen_addons() {
        name.push_str(", ");
        name.push_str(&addon.label);
    }
    let right = match (app.plan.treatment_date, app.today_day()) {
        (Some(date), Some(day)) => format!(
            "{} · {} ",
            fill(&ui.header_treatment, &[("date", &ui.date(date))]),
            fill(&ui.header_today, &[("day", &ui.day(day))])
        ),
        _ => format!("{} ", ui.header_no_date),
    };
    header_bar(area, buf, &name, &right);
}

/// A one-line bar with text at the left and at the right (the right side
/// wins when they do not both fit).
pub fn header_bar(area: Rect, buf: &mut Buffer, left: &str, right: &str) {
    let right_w = u16::try_from(right.width())
        .unwrap_or(u16::MAX)
        .min(area.width);
    let left_area = Rect {
        width: area.width.saturating_sub(right_w + 1),
        ..area
    };
    Line::from(format!(" {}", crate::text::sanitize(left))).render(left_area, buf);
    let right_area = Rect {
        x: area.right().saturating_sub(right_w),
        width: right_w,
        ..area
    };
    Line::from(right.to_string()).render(right_area, buf);
}

/// The short name of a section, for the tabs.
pub fn tab_name(ui: &UiText, screen: Screen) -> &str {
    match screen {
        Screen::Welcome => &ui.welcome_start,
        Screen::Path => &ui.path_question,
        Screen::Picker => &ui.tab_picker,
        Screen::Date => &ui.tab_date,
        Screen::Overview => &ui.tab_overview,
        Screen::Preparation => &ui.tab_preparation,
        Screen::Numbing => &ui.tab_numbing,
        Screen::Procedure => &ui.tab_procedure,
        Screen::Aftercare => &ui.tab_aftercare,
        Screen::Timeline => &ui.tab_timeline,
        Screen::WhenToCall => &ui.tab_call,
    }
}

/// The full title of a screen.
pub fn screen_title(ui: &UiText, screen: Screen) -> &str {
    match screen {
        Screen::Welcome => &ui.welcome_start,
        Screen::Path => &ui.path_question,
        Screen::Picker => &ui.title_picker,
        Screen::Date => &ui.title_date,
        Screen::Overview => &ui.overview,
        Screen::Preparation => &ui.preparation,
        Screen::Numbing => &ui.numbing,
        Screen::Procedure => &ui.procedure,
        Screen::Aftercare => &ui.aftercare,
        Screen::Timeline => &ui.restrictions,
        Screen::WhenToCall => &ui.warning_signs,
    }
}

/// The section tabs, clickable. When they do not fit, the names shrink to
/// their numbers, except the current one.
fn draw_tabs(
    app: &App,
    ui: &UiText,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) {
    buf.set_style(area, theme.tab);
    // Three ways to draw the tabs, widest first: padded names, names, and
    // numbers with only the current section named.
    let named = |pad: bool| -> Vec<String> {
        Screen::SECTIONS
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let name = format!("{} {}", i + 1, tab_name(ui, *s));
                match (*s == app.screen, pad) {
                    (true, _) => format!("[{name}]"),
                    (false, true) => format!(" {name} "),
                    (false, false) => name,
                }
            })
            .collect()
    };
    let fits = |labels: &[String], gap: usize| {
        labels.iter().map(|l| l.width() + gap).sum::<usize>() - gap <= usize::from(area.width)
    };
    let (labels, gap) = if fits(&named(true), 0) {
        (named(true), 0)
    } else if fits(&named(false), 1) {
        (named(false), 1)
    } else {
        let numbers = Screen::SECTIONS
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if *s == app.screen {
                    format!("[{} {}]", i + 1, tab_name(ui, *s))
                } else {
                    format!(" {} ", i + 1)
                }
            })
            .collect();
        (numbers, 0)
    };
    let mut x = area.x;
    for (i, (text, screen)) in labels.into_iter().zip(Screen::SECTIONS).enumerate() {
        let active = screen == app.screen;
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

/// The screen's title, with the days when on the aftercare.
pub fn title_text(app: &App, ui: &UiText) -> String {
    let mut title = format!(" {}", screen_title(ui, app.screen));
    if app.screen == Screen::Aftercare
        && let Some(entry) = app.guide().aftercare.get(app.day)
    {
        title.push_str(" · ");
        title.push_str(&ui.day_range(entry.days.from, entry.days.to));
    }
    title
}

fn draw_title(app: &App, ui: &UiText, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Line::styled(title_text(app, ui), theme.title).render(area, buf);
}

/// Back and Next buttons, and where you are (or a message).
fn draw_nav(
    app: &App,
    ui: &UiText,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
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
    let last = step == steps
        && !(app.screen == Screen::Aftercare && app.day + 1 < app.guide().aftercare.len());
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
                    ("name", &screen_title(ui, app.screen)),
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
fn draw_hints(
    app: &App,
    ui: &UiText,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
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
    // A message (a search that found nothing, a saved copy) takes the
    // whole row until the next key.
    if let Some(message) = &app.message {
        buf.set_style(area, theme.message);
        Line::styled(
            format!(" {}", crate::text::sanitize(message)),
            theme.message,
        )
        .render(area, buf);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (keys, text, action) in keymap::hints(app) {
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

/// Draws a scrollable body with a scrollbar; returns the scroll it settled
/// on (clamped, moved to show the cursor, or to reveal a search match).
pub fn draw_body(
    app: &App,
    theme: &Theme,
    body: &Body,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) -> u16 {
    if area.height == 0 || area.width == 0 {
        return 0;
    }
    let height = usize::from(area.height);
    let max = body.len().saturating_sub(height);
    let mut scroll = usize::from(app.scroll).min(max);
    if app.reveal
        && let Some(line) = body.first_match
    {
        scroll = line.saturating_sub(1).min(max);
    } else if let Some((first, last)) = body.cursor {
        if first < scroll {
            scroll = first;
        } else if last >= scroll + height {
            scroll = (last + 1 - height).min(first);
        }
    }
    for (row, (line, hit)) in body
        .lines
        .iter()
        .zip(&body.hits)
        .skip(scroll)
        .take(height)
        .enumerate()
    {
        let rect = Rect {
            y: area.y + row as u16,
            height: 1,
            width: area.width.saturating_sub(1),
            ..area
        };
        line.render(rect, buf);
        if let Some(action) = hit {
            hits.push((rect, action.clone()));
        }
    }
    if body.len() > height {
        let mut state = ScrollbarState::new(max + 1)
            .position(scroll)
            .viewport_content_length(height);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .track_symbol(Some("│"))
            .style(theme.muted)
            .render(area, buf, &mut state);
    }
    u16::try_from(scroll).unwrap_or(u16::MAX)
}

/// A centered window with a border and a title, cleared underneath.
pub fn popup(
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    theme: &Theme,
    buf: &mut Buffer,
) -> Rect {
    let w = width
        .min(area.width.saturating_sub(2))
        .max(10.min(area.width));
    let h = height
        .min(area.height.saturating_sub(2))
        .max(3.min(area.height));
    let rect = Rect {
        x: area.x + (area.width.saturating_sub(w)) / 2,
        y: area.y + (area.height.saturating_sub(h)) / 2,
        width: w,
        height: h,
    };
    Clear.render(rect, buf);
    let block = ratatui::widgets::Block::bordered()
        .title(format!(" {title} "))
        .style(theme.base)
        .border_style(theme.heading);
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// A style for text that came from an add-on.
pub fn origin_style(app: &App, theme: &Theme, origin: crate::guide::Origin, base: Style) -> Style {
    match app.plan.origin_addon(origin) {
        Some(_) => base.patch(theme.addon),
        None => base,
    }
}
