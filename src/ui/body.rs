//! A screen's scrollable body: wrapped, styled lines, each of which may be
//! clickable, with search matches highlighted; drawn with a scrollbar whose
//! ▲ ▼ ends page the text and whose track a click or a drag scrolls.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};
use unicode_width::UnicodeWidthStr;

use super::hit_map::HitMap;
use super::{Theme, View};
use crate::app::{Action, App, Mode};
use crate::text::{find_folded, sanitize};
use crate::wrap::wrap;

/// The lines of a body, built for one width.
#[derive(Debug, Default)]
pub struct Body {
    pub lines: Vec<Line<'static>>,
    /// What a click on each line does.
    pub hits: Vec<Option<Action>>,
    /// The lines that must be visible (the cursor's item).
    pub cursor: Option<(usize, usize)>,
    /// The first line that holds a search match.
    pub first_match: Option<usize>,
    width: usize,
    query: String,
    highlight: Style,
}

impl Body {
    pub fn new(width: u16, query: &str, highlight: Style) -> Self {
        Self {
            width: usize::from(width).max(1),
            query: query.to_string(),
            highlight,
            ..Self::default()
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn blank(&mut self) {
        self.push(Line::default(), None);
    }

    /// A line as it is (cut at the edge if too wide).
    pub fn push(&mut self, line: Line<'static>, hit: Option<Action>) {
        self.lines.push(line);
        self.hits.push(hit);
    }

    /// A wrapped paragraph.
    pub fn text(&mut self, text: &str, style: Style) -> (usize, usize) {
        self.item(0, "", style, text, style, None)
    }

    /// A wrapped paragraph with a left indent.
    pub fn indented(&mut self, indent: usize, text: &str, style: Style) -> (usize, usize) {
        self.item(indent, "", style, text, style, None)
    }

    /// A wrapped item: `indent` spaces, a prefix (a bullet, a checkbox), then
    /// the text; continuation lines line up under the text. Returns the
    /// first and last line.
    pub fn item(
        &mut self,
        indent: usize,
        prefix: &str,
        prefix_style: Style,
        text: &str,
        style: Style,
        hit: Option<Action>,
    ) -> (usize, usize) {
        let text = sanitize(text);
        // Leading spaces in the text count as indent (wrapping drops them).
        let indent = indent + (text.len() - text.trim_start_matches(' ').len());
        let lead = indent + prefix.width();
        let inner = self.width.saturating_sub(lead).max(1);
        let first = self.lines.len();
        for (i, part) in wrap(&text, inner).into_iter().enumerate() {
            let mut spans = vec![Span::raw(" ".repeat(indent))];
            if i == 0 {
                spans.push(Span::styled(prefix.to_string(), prefix_style));
            } else {
                spans.push(Span::raw(" ".repeat(prefix.width())));
            }
            let had_match = self.highlighted(&part, style, &mut spans);
            if had_match && self.first_match.is_none() {
                self.first_match = Some(self.lines.len());
            }
            self.push(Line::from(spans), hit.clone());
        }
        (first, self.lines.len().saturating_sub(1))
    }

    /// Splits `text` into spans with the search matches highlighted
    /// (matched as search matches: case and accents do not count).
    fn highlighted(&self, text: &str, style: Style, spans: &mut Vec<Span<'static>>) -> bool {
        if self.query.is_empty() {
            spans.push(Span::styled(text.to_string(), style));
            return false;
        }
        let mut at = 0;
        let found = find_folded(text, &self.query);
        for range in &found {
            if range.start > at {
                spans.push(Span::styled(text[at..range.start].to_string(), style));
            }
            spans.push(Span::styled(
                text[range.clone()].to_string(),
                self.highlight,
            ));
            at = range.end;
        }
        if at < text.len() || text.is_empty() {
            spans.push(Span::styled(text[at..].to_string(), style));
        }
        !found.is_empty()
    }
}

/// Kiosk: the fewest columns kept at the right of a body for its big ▲ ▼
/// page buttons, which a finger can hit (the scrollbar is one column wide).
pub const PAGER_WIDTH: u16 = 10;

/// The columns a body keeps for page buttons: the kiosk's (wide enough for
/// both labels whole in the language shown: a gap, two borders and a space
/// each side), else none.
pub fn pager_width(app: &App) -> u16 {
    if app.mode() != Mode::Kiosk {
        return 0;
    }
    let ui = app.ui();
    let label = ui
        .kiosk_page_up
        .as_str()
        .width()
        .max(ui.kiosk_page_down.as_str().width());
    PAGER_WIDTH.max(u16::try_from(label + 5).unwrap_or(u16::MAX))
}

/// How a scrollable area is shared out: the text, the "more below" cue
/// under it, the kiosk's page buttons beside it.
pub(crate) struct Pane {
    pub text: Rect,
    cue: Option<Rect>,
    pager: Option<Rect>,
}

impl Pane {
    /// Splits `area` for `lines` lines of text; a kiosk keeps room for its
    /// page buttons and cue only when the text does not fit.
    pub(crate) fn new(app: &App, area: Rect, lines: usize) -> Self {
        let pager = pager_width(app);
        if pager == 0 || lines <= usize::from(area.height) || area.width <= pager + 10 {
            return Self {
                text: area,
                cue: None,
                pager: None,
            };
        }
        let [text, buttons] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(pager)]).areas(area);
        let (text, cue) = if area.height >= 4 {
            let [text, cue] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(text);
            (text, Some(cue))
        } else {
            (text, None)
        };
        Self {
            text,
            cue,
            pager: Some(buttons),
        }
    }
}

/// Draws a scrollable body with a scrollbar into `view`: the scroll it
/// settled on (clamped; moved to show the cursor after it moved, or a
/// search match), the page height and the largest scroll. In the kiosk, a
/// body that does not fit gets big ▲ ▼ buttons and a "more below" line.
pub fn draw_body(
    app: &App,
    theme: &Theme,
    body: &Body,
    area: Rect,
    buf: &mut Buffer,
    view: &mut View,
) {
    let pane = Pane::new(app, area, body.len());
    let area = pane.text;
    view.page = area.height;
    if area.height == 0 || area.width == 0 {
        view.scroll = 0;
        view.scroll_max = 0;
        return;
    }
    let height = usize::from(area.height);
    let max = body.len().saturating_sub(height);
    let mut scroll = usize::from(app.nav.scroll).min(max);
    if app.nav.reveal
        && let Some(line) = body.first_match
    {
        scroll = line.saturating_sub(1).min(max);
    } else if app.nav.follow_cursor
        && let Some((first, last)) = body.cursor
    {
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
            view.hits.push((rect, action.clone()));
        }
    }
    if body.len() > height {
        scrollbar(theme, area, buf, &mut view.hits, max, scroll, height);
    }
    pager(app, theme, &pane, buf, &mut view.hits, scroll, max);
    view.scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    view.scroll_max = u16::try_from(max).unwrap_or(u16::MAX);
}

/// The kiosk's page buttons beside the text (▲ in the top half, ▼ in the
/// bottom half: big targets), and under the text a line saying there is
/// more below, which a touch also pages down. A button with nowhere to go
/// is drawn dim and does nothing.
pub(crate) fn pager(
    app: &App,
    theme: &Theme,
    pane: &Pane,
    buf: &mut Buffer,
    hits: &mut HitMap,
    scroll: usize,
    max: usize,
) {
    let ui = app.ui();
    if let Some(cue) = pane.cue
        && scroll < max
    {
        Paragraph::new(format!("▼ {} ▼", ui.kiosk_more_below))
            .style(theme.message)
            .alignment(Alignment::Center)
            .render(cue, buf);
        hits.push((cue, Action::ScrollPage(1)));
    }
    let Some(column) = pane.pager else {
        return;
    };
    let column = Rect {
        x: column.x + 1,
        width: column.width.saturating_sub(1),
        ..column
    };
    let [up, down] = Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(1)
        .areas(column);
    let buttons = [
        (up, ui.kiosk_page_up.as_str(), scroll > 0, -1),
        (down, ui.kiosk_page_down.as_str(), scroll < max, 1),
    ];
    for (rect, label, live, pages) in buttons {
        let style = if live { theme.button } else { theme.muted };
        crate::ui::kiosk::button(buf, rect, label, style, hits, Action::ScrollPage(pages));
    }
}

/// A scrollbar at the right of `area`: ▲ and ▼ page the text up and down;
/// the track between them scrolls to where it is clicked or dragged.
pub fn scrollbar(
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut HitMap,
    max: usize,
    scroll: usize,
    height: usize,
) {
    let mut state = ScrollbarState::new(max + 1)
        .position(scroll)
        .viewport_content_length(height);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .track_symbol(Some("│"))
        .style(theme.scrollbar)
        .render(area, buf, &mut state);
    let x = area.right().saturating_sub(1);
    let cell = |y| Rect {
        x,
        y,
        width: 1,
        height: 1,
    };
    if area.height >= 3 {
        hits.track(Rect {
            x,
            y: area.y + 1,
            width: 1,
            height: area.height - 2,
        });
        hits.push((cell(area.y), Action::ScrollPage(-1)));
        hits.push((cell(area.bottom() - 1), Action::ScrollPage(1)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn items_wrap_under_their_text() {
        let mut b = Body::new(14, "", Style::new());
        let (first, last) = b.item(
            2,
            "- ",
            Style::new(),
            "one two three four",
            Style::new(),
            None,
        );
        assert_eq!((first, last), (0, 1));
        assert_eq!(plain(&b.lines[0]), "  - one two");
        assert_eq!(plain(&b.lines[1]), "    three four");
    }

    #[test]
    fn matches_are_split_out_and_found() {
        let hl = Style::new().add_modifier(ratatui::style::Modifier::REVERSED);
        let mut b = Body::new(40, "SUN", hl);
        b.text("No sun. Sunscreen daily.", Style::new());
        let spans = &b.lines[0].spans;
        let marked: Vec<&str> = spans
            .iter()
            .filter(|s| s.style == hl)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(marked, ["sun", "Sun"]);
        assert_eq!(b.first_match, Some(0));
    }

    #[test]
    fn control_characters_never_reach_the_screen() {
        let mut b = Body::new(40, "", Style::new());
        b.text("a\u{1b}[2Jb", Style::new());
        assert!(!plain(&b.lines[0]).contains('\u{1b}'));
    }
}
