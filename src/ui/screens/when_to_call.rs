//! When to call: emergency signs and how to get emergency care, what is
//! normal beside what means "call us", the signs to call the clinic
//! about, and the clinic's contact.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::common::{body_for, tagged};
use crate::app::App;
use crate::ui::body::Body;
use crate::ui::{Theme, View, draw_body, origin_style};

pub fn when_to_call(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, view: &mut View) {
    let b = body(app, theme, area.width);
    draw_body(app, theme, &b, area, buf, view);
}

/// The when-to-call text for a width.
pub fn body(app: &App, theme: &Theme, width: u16) -> Body {
    let ui = app.ui();
    let g = app.guide();
    let mut b = body_for(app, theme, Rect::new(0, 0, width, 1));
    let w = &g.warning_signs;
    b.text(&format!(" {}", ui.emergency), theme.emergency);
    for t in &w.emergency {
        let style = origin_style(app, theme, t.origin, theme.emergency);
        b.item(2, "! ", theme.emergency, &tagged(app, t), style, None);
    }
    if let Some(how) = &w.emergency_call {
        b.item(2, "➜ ", theme.emergency, how, theme.emergency, None);
    }
    if !w.compare.is_empty() && b.width() >= 60 {
        // Side by side: what is normal, and what means "call us".
        b.blank();
        b.text(&format!(" {}", ui.normal_or_call), theme.heading);
        // Two columns of `col` cells, each a bullet then the text.
        let col = (b.width() - 4) / 2;
        let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
        b.push(
            Line::from(vec![
                Span::raw("  "),
                Span::styled(pad(&format!("✓ {}", ui.normal_heading), col), theme.keep),
                Span::raw("  "),
                Span::styled(format!("! {}", ui.call_heading), theme.avoid),
            ]),
            None,
        );
        for c in &w.compare {
            let left = crate::wrap::wrap(&crate::text::sanitize(&tagged(app, &c.normal)), col - 2);
            let right = crate::wrap::wrap(&crate::text::sanitize(&tagged(app, &c.call)), col - 2);
            for i in 0..left.len().max(right.len()) {
                let l = left.get(i).map_or("", |s| s.as_str());
                let r = right.get(i).map_or("", |s| s.as_str());
                let (lm, rm) = if i == 0 {
                    ("• ", "• ")
                } else {
                    ("  ", "  ")
                };
                b.push(
                    Line::from(vec![
                        Span::raw("  "),
                        Span::styled(lm, theme.keep),
                        Span::styled(pad(l, col - 2), theme.text),
                        Span::raw("  "),
                        Span::styled(rm, theme.avoid),
                        Span::styled(r.to_string(), theme.text),
                    ]),
                    None,
                );
            }
        }
    } else if !w.compare.is_empty() {
        b.blank();
        b.text(&format!(" {}", ui.normal_or_call), theme.heading);
        for c in &w.compare {
            b.item(
                2,
                &format!("✓ {}: ", ui.normal_heading),
                theme.keep,
                &tagged(app, &c.normal),
                origin_style(app, theme, c.normal.origin, theme.text),
                None,
            );
            b.item(
                4,
                &format!("! {}: ", ui.call_heading),
                theme.avoid,
                &tagged(app, &c.call),
                origin_style(app, theme, c.call.origin, theme.text),
                None,
            );
        }
    }
    b.blank();
    b.text(&format!(" {}", ui.call_clinic), theme.heading);
    for t in &w.call_clinic {
        let style = origin_style(app, theme, t.origin, theme.text);
        b.item(2, "• ", theme.muted, &tagged(app, t), style, None);
    }
    b.blank();
    let c = &g.contact;
    b.text(&format!(" {}", ui.contact), theme.heading);
    b.item(2, "", Style::new(), &c.name, theme.title, None);
    for (label, value) in crate::output::document::contact_lines(c, ui) {
        b.item(
            2,
            &format!("{label}: "),
            theme.key,
            &value,
            theme.title,
            None,
        );
    }
    b
}
