//! What the prose screens share: a body as wide as reads well, lists of
//! plan lines marked with their add-on, key points and teach-back prompts.

use crate::app::{App, Mode};
use crate::guide::{PlannedVisit, SectionNotes, Text};
use crate::i18n::fill;
use crate::ui::body::Body;
use crate::ui::{Theme, origin_style};
use ratatui::layout::Rect;

/// Prose is wrapped at most this wide, however wide the window: long lines
/// are hard to read.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// A new body for the area (one column is kept for the scrollbar, and in
/// the kiosk room for the page buttons).
pub fn body_for(app: &App, theme: &Theme, area: Rect) -> Body {
    Body::new(
        area.width
            .saturating_sub(2 + crate::ui::body::pager_width(app))
            .min(MAX_TEXT_WIDTH),
        &app.search.query,
        theme.highlight,
    )
}

/// A list of plan lines, each marked with its add-on when it has one.
pub fn lines(app: &App, theme: &Theme, b: &mut Body, heading: &str, texts: &[Text], bullet: &str) {
    if texts.is_empty() {
        return;
    }
    b.blank();
    b.text(&format!(" {heading}"), theme.heading);
    for t in texts {
        let style = origin_style(app, theme, t.origin, theme.text);
        b.item(2, bullet, theme.muted, &tagged(app, t), style, None);
    }
}

/// A text with "(with PRP)" after it when it came from an add-on.
pub fn tagged(app: &App, t: &Text) -> String {
    crate::output::document::tagged(app.plan(), app.ui(), t)
}

/// Key points, and teach-back prompts in practitioner mode.
pub fn notes(app: &App, theme: &Theme, b: &mut Body, notes: &SectionNotes) {
    let ui = app.ui();
    lines(app, theme, b, &ui.key_points, &notes.key_points, "✓ ");
    if app.mode() == Mode::Practitioner
        && app.notices.show_teach_back
        && !notes.teach_back.is_empty()
    {
        b.blank();
        b.text(&format!(" {}", ui.teach_back), theme.teach_back);
        for t in &notes.teach_back {
            b.item(2, "? ", theme.teach_back, t, theme.teach_back, None);
        }
    }
}

/// "◆ Chemical peel: Day 14 or later (Fri 4 Dec)": a visit of an add-on done
/// on another day, as the aftercare day and the limits list show it.
pub fn visit(app: &App, theme: &Theme, b: &mut Body, indent: usize, v: &PlannedVisit) {
    let when = crate::output::document::visit_when(app.plan(), app.ui(), v);
    b.item(
        indent,
        "◆ ",
        theme.title,
        &format!("{}: {when}", tagged(app, &v.name)),
        origin_style(app, theme, v.name.origin, theme.title),
        None,
    );
}

/// "until Day 7", with its date when the plan is dated ("until Day 3, Mon
/// 23 Nov"): the limits chart and the day's limits on the aftercare screen.
pub fn until(app: &App, day: i64) -> String {
    let ui = app.ui();
    let text = fill(&ui.limit_until, &[("n", &day)]);
    match app.plan().date_of(day) {
        Some(date) => format!("{text}, {}", ui.date_short(date)),
        None => text,
    }
}
