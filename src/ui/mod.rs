//! Drawing the app. Every screen is a pure function of `&App`; drawing also
//! returns a [`View`]: where the clickable things landed ([`hit_map`]) and
//! the scroll the body settled on, so mouse input and scrolling agree with
//! the screen.
//!
//! - [`chrome`]: the header, tabs, title, Back/Next row and key hints;
//! - [`body`]: a screen's scrollable text, its scrollbar and ▲ ▼ buttons;
//! - `screens`: one module per screen; [`kiosk`]: the kiosk's look;
//! - [`overlays`]: windows over the screen; [`theme`], [`bigtext`].

pub mod bigtext;
pub mod body;
mod chrome;
pub mod contrast;
pub mod hit_map;
pub(crate) mod kiosk;
mod overlays;
pub mod rows;
mod screens;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Mode, Screen};
use crate::i18n::{UiText, fill};
pub use body::draw_body;
use hit_map::HitMap;
use rows::{Row, rows};
pub use theme::{Theme, ThemeName};

/// Below this size the app asks for a bigger window.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// What a draw produced that input handling needs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// Clickable areas, topmost last.
    pub hits: HitMap,
    /// The body's scroll after clamping and revealing the cursor or a match.
    pub scroll: u16,
    /// The body's height (a page, for PgDn).
    pub page: u16,
    /// The largest scroll the body allows.
    pub scroll_max: u16,
    pub overlay_scroll: u16,
}

impl View {
    /// The action under a cell, if any (the topmost wins).
    pub fn hit(&self, x: u16, y: u16) -> Option<crate::app::Action> {
        self.hits.action_at(x, y)
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
        scroll: app.nav.scroll,
        overlay_scroll: app.overlays.scroll,
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
    if app.mode() == Mode::Kiosk {
        kiosk::render(app, theme, area, buf, &mut view);
        return view;
    }
    let ui = app.ui();
    let one = Row::Fixed(1);
    let [header, tabs, title, body, nav, hints] = rows(area, [one, one, one, Row::Rest, one, one]);
    chrome::header(app, ui, theme, header, buf);
    chrome::tabs(app, ui, theme, tabs, buf, &mut view.hits);
    chrome::title(app, ui, theme, title, buf);
    screens::draw(app, theme, body, buf, &mut view);
    if !app.notices.reload_errors.is_empty() {
        chrome::reload_errors(app, ui, theme, body, buf);
    }
    chrome::nav(app, ui, theme, nav, buf, &mut view.hits);
    chrome::hints(app, ui, theme, hints, buf, &mut view.hits);
    if app.overlays.open.is_some() {
        view.overlay_scroll = overlays::draw(app, theme, area, buf, &mut view.hits);
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

/// A one-line bar with text at the left and at the right (the right side
/// wins when they do not both fit).
pub fn header_bar(area: Rect, buf: &mut Buffer, left: &str, right: &str) {
    chrome::header_bar(area, buf, left, right);
}

/// The short name of a section: the tabs, the index and the help all use
/// it, so a section is called the same everywhere.
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
        Screen::Restrictions => &ui.tab_timeline,
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
        Screen::Restrictions => &ui.restrictions,
        Screen::WhenToCall => &ui.warning_signs,
    }
}

/// The screen's title, with the days when on the aftercare.
pub fn title_text(app: &App, ui: &UiText) -> String {
    let mut title = format!(" {}", screen_title(ui, app.nav.screen));
    if app.nav.screen == Screen::Aftercare
        && let Some(entry) = app.guide().aftercare.get(app.nav.day)
    {
        title.push_str(" · ");
        title.push_str(&ui.day_range(entry.days.from, entry.days.to));
    }
    title
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
    match app.plan().origin_addon(origin) {
        Some(_) => base.patch(theme.addon),
        None => base,
    }
}

/// "12:34" from seconds.
pub fn clock_face(seconds: u64) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// A path shortened in the middle to fit `width` (the file name stays).
pub fn shorten_middle(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let keep = width.saturating_sub(1);
    let tail = keep * 2 / 3;
    let head = keep - tail;
    let start: String = chars.iter().take(head).collect();
    let end: String = chars[chars.len().saturating_sub(tail)..].iter().collect();
    format!("{start}…{end}")
}
