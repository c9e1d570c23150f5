//! The plan's prose screens: overview, preparation, numbing, procedure and
//! when to call.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::timer::Phase;
use crate::app::{Action, App, Mode, PrepItem};
use crate::guide::{SectionNotes, Text};
use crate::i18n::fill;
use crate::ui::body::Body;
use crate::ui::{Theme, bigtext, draw_body, origin_style};

/// Prose is wrapped at most this wide, however wide the window: long lines
/// are hard to read.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// A new body for the area (one column is kept for the scrollbar).
pub fn body_for(app: &App, theme: &Theme, area: Rect) -> Body {
    Body::new(
        area.width.saturating_sub(2).min(MAX_TEXT_WIDTH),
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
    crate::output::document::tagged(&app.plan, app.ui(), t)
}

/// Key points, and teach-back prompts in practitioner mode.
pub fn notes(app: &App, theme: &Theme, b: &mut Body, notes: &SectionNotes) {
    let ui = app.ui();
    lines(app, theme, b, &ui.key_points, &notes.key_points, "✓ ");
    if app.mode == Mode::Practitioner && app.show_teach_back && !notes.teach_back.is_empty() {
        b.blank();
        b.text(&format!(" {}", ui.teach_back), theme.teach_back);
        for t in &notes.teach_back {
            b.item(2, "? ", theme.teach_back, t, theme.teach_back, None);
        }
    }
}

pub fn overview(
    app: &App,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) -> u16 {
    let ui = app.ui();
    let g = app.guide();
    let mut b = body_for(app, theme, area);
    b.text(&format!(" {}", g.title), theme.title);
    b.blank();
    b.item(1, "★ ", theme.heading, &g.main_message, theme.title, None);
    b.blank();
    for p in &g.overview.about {
        b.indented(1, p, theme.text);
    }
    for a in app.plan.chosen_addons() {
        b.blank();
        b.text(&format!(" {}", a.name), theme.heading.patch(theme.addon));
        for p in &a.about {
            b.indented(1, p, theme.text);
        }
    }
    notes(app, theme, &mut b, &g.overview.notes);

    b.blank();
    b.text(&format!(" {}", ui.overview_plan_holds), theme.heading);
    let p = &g.preparation;
    let holds = [
        fill(
            &ui.holds_preparation,
            &[("steps", &p.steps.len()), ("questions", &p.screening.len())],
        ),
        fill(
            &ui.holds_numbing,
            &[("minutes", &ui.minutes(g.numbing.minutes, g.numbing.minutes))],
        ),
        fill(
            &ui.holds_procedure,
            &[(
                "minutes",
                &ui.minutes(
                    g.procedure.duration_minutes.0,
                    g.procedure.duration_minutes.1,
                ),
            )],
        ),
        fill(
            &ui.holds_aftercare,
            &[("last", &g.last_day()), ("parts", &g.aftercare.len())],
        ),
        fill(&ui.holds_limits, &[("n", &g.restrictions.len())]),
        ui.holds_call.clone(),
    ];
    for (i, line) in holds.iter().enumerate() {
        let target = crate::app::Screen::SECTIONS[i + 1];
        b.item(
            2,
            &format!("{} ", i + 2),
            theme.key,
            line,
            theme.text,
            Some(Action::GoTo(target)),
        );
    }
    b.blank();
    b.indented(
        1,
        &fill(
            &ui.content_version,
            &[
                ("version", &g.content_version),
                ("date", &ui.date(g.reviewed)),
            ],
        ),
        theme.muted,
    );
    b.indented(1, &g.disclaimer, theme.muted);
    draw_body(app, theme, &b, area, buf, hits)
}

pub fn preparation(
    app: &App,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) -> u16 {
    let ui = app.ui();
    let g = app.guide();
    let p = &g.preparation;
    // The stop banner stays above the list, in words and a symbol, so it
    // is seen wherever the list is scrolled.
    let yes = app.screening_yes();
    let mut area = area;
    if !yes.is_empty() {
        let mut banner = body_for(app, theme, area);
        banner.item(1, "!! ", theme.stop, &ui.screening_stop, theme.stop, None);
        for &i in &yes {
            let q = &p.screening[i];
            let text = match &q.why {
                Some(why) => format!("{} {}", q.question, why),
                None => q.question.value.clone(),
            };
            banner.item(4, "• ", theme.stop, &text, theme.stop, None);
        }
        let height = u16::try_from(banner.len())
            .unwrap_or(u16::MAX)
            .min(area.height / 3)
            .max(1);
        let top = Rect { height, ..area };
        for (row, line) in banner.lines.iter().take(usize::from(height)).enumerate() {
            buf.set_style(
                Rect {
                    y: top.y + row as u16,
                    height: 1,
                    ..top
                },
                theme.stop,
            );
            ratatui::widgets::Widget::render(
                line.clone(),
                Rect {
                    y: top.y + row as u16,
                    height: 1,
                    ..top
                },
                buf,
            );
        }
        area = Rect {
            y: area.y + height + 1,
            height: area.height.saturating_sub(height + 1),
            ..area
        };
    }
    let mut b = body_for(app, theme, area);
    let items = app.prep_items();
    let done = items
        .iter()
        .filter(|i| matches!(i, PrepItem::Step(_)) && app.is_ticked(**i))
        .count();
    b.indented(
        1,
        &fill(
            &ui.checklist_done,
            &[("done", &done), ("total", &p.steps.len())],
        ),
        theme.muted,
    );
    let mut last_day = None;
    for (row, item) in items.iter().enumerate() {
        let selected = row == app.cursor;
        let ticked = app.is_ticked(*item);
        let (text, mark, style) = match *item {
            PrepItem::Step(i) => {
                let step = &p.steps[i];
                if last_day != Some(step.day) {
                    last_day = Some(step.day);
                    b.blank();
                    let when = ui.days_before(step.day);
                    let heading = match app.plan.date_of(step.day) {
                        Some(date) => format!(" {when} · {}", ui.date(date)),
                        None => format!(" {when}"),
                    };
                    b.text(&heading, theme.heading);
                }
                let mark = if ticked {
                    "[✓] ".to_string()
                } else {
                    "[ ] ".to_string()
                };
                let style = origin_style(app, theme, step.text.origin, theme.text);
                (&step.text, mark, style)
            }
            PrepItem::Screening(i) => {
                if i == 0 {
                    b.blank();
                    b.text(&format!(" {}", ui.screening), theme.heading);
                }
                let q = &p.screening[i];
                // A "yes" is said in words and stands out, not colour alone.
                let style = origin_style(app, theme, q.question.origin, theme.text);
                if ticked {
                    (
                        &q.question,
                        format!("[✓ {}] ", ui.yes),
                        style.patch(theme.stop),
                    )
                } else {
                    (&q.question, "[ ] ".to_string(), style)
                }
            }
        };
        let style = if selected {
            style.patch(theme.selected)
        } else {
            style
        };
        let cursor = if selected { "›" } else { " " };
        let lines = b.item(
            1,
            &format!("{cursor}{mark}"),
            theme.key,
            &tagged(app, text),
            style,
            Some(Action::ToggleItem(row)),
        );
        if selected {
            b.cursor = Some(lines);
        }
    }
    notes(app, theme, &mut b, &p.notes);
    draw_body(app, theme, &b, area, buf, hits)
}

/// "29:59" from seconds.
fn clock(seconds: u64) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

pub fn numbing(
    app: &App,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) -> u16 {
    let ui = app.ui();
    let n = &app.guide().numbing;
    let mut b = body_for(app, theme, area);
    // The practitioner's countdown, large, with its state in words (a
    // kiosk patient has no timer to run).
    if app.mode == Mode::Practitioner {
        countdown(app, theme, &mut b, area);
        b.blank();
    }
    b.indented(1, &n.what, theme.text);
    b.indented(
        1,
        &fill(
            &ui.numbing_minutes,
            &[("minutes", &ui.minutes(n.minutes, n.minutes))],
        ),
        theme.text,
    );
    lines(app, theme, &mut b, &ui.what_happens, &n.lines.steps, "• ");
    lines(app, theme, &mut b, &ui.what_you_feel, &n.lines.feel, "• ");
    lines(app, theme, &mut b, &ui.safety, &n.lines.safety, "! ");
    notes(app, theme, &mut b, &n.notes);
    draw_body(app, theme, &b, area, buf, hits)
}

/// The numbing countdown: large digits and its state in words.
fn countdown(app: &App, theme: &Theme, b: &mut Body, area: Rect) {
    let ui = app.ui();
    let phase = app.countdown.phase(app.now);
    let time = clock(app.countdown.seconds_left(app.now));
    let state = match phase {
        Phase::Ready => &ui.timer_ready,
        Phase::Running => &ui.timer_running,
        Phase::Paused => &ui.timer_paused,
        Phase::Done => &ui.timer_done,
    };
    let style = if phase == Phase::Done {
        theme.stop
    } else {
        theme.title
    };
    if b.width() >= bigtext::width(&time) + 4 && area.height >= 12 {
        for row in bigtext::rows(&time) {
            b.push(Line::styled(format!("  {row}"), style), None);
        }
    } else {
        b.push(Line::styled(format!("  {time}"), style), None);
    }
    let status = vec![
        Span::styled(format!("  {state}"), style),
        Span::styled(format!("   [t] {}", ui.key_timer), theme.muted),
        Span::styled(format!("  [r] {}", ui.key_timer_reset), theme.muted),
    ];
    b.push(Line::from(status), Some(Action::TimerToggle));
}

pub fn procedure(
    app: &App,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) -> u16 {
    let ui = app.ui();
    let p = &app.guide().procedure;
    let mut b = body_for(app, theme, area);
    b.indented(
        1,
        &fill(
            &ui.procedure_duration,
            &[(
                "minutes",
                &ui.minutes(p.duration_minutes.0, p.duration_minutes.1),
            )],
        ),
        theme.text,
    );
    lines(app, theme, &mut b, &ui.what_happens, &p.lines.steps, "• ");
    lines(app, theme, &mut b, &ui.what_you_feel, &p.lines.feel, "• ");
    lines(
        app,
        theme,
        &mut b,
        &ui.right_after,
        &p.lines.right_after,
        "• ",
    );
    notes(app, theme, &mut b, &p.notes);
    draw_body(app, theme, &b, area, buf, hits)
}

pub fn when_to_call(
    app: &App,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Vec<(Rect, Action)>,
) -> u16 {
    let ui = app.ui();
    let g = app.guide();
    let mut b = body_for(app, theme, area);
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
    draw_body(app, theme, &b, area, buf, hits)
}
