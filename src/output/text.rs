//! The plan as plain text, wrapped for a terminal or a text file.

use unicode_width::UnicodeWidthStr;

use super::document::{Block, Document, Timeline};
use crate::guide::model::RestrictionKind;
use crate::i18n::UiText;
use crate::text::sanitize;
use crate::wrap::{truncate, wrap_hanging};

/// How text output is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextOptions {
    pub width: usize,
    /// Underline headings with `=` and `-` (off for screen readers).
    pub underline: bool,
    /// Draw the restrictions chart with block characters (off for screen
    /// readers: the list of limits says the same in words).
    pub chart: bool,
}

/// Renders the document as text, `width` columns wide.
pub fn render(doc: &Document, ui: &UiText, width: usize) -> String {
    let options = TextOptions {
        width,
        underline: true,
        chart: true,
    };
    let mut out = title(doc, &options);
    out.extend(blocks(&doc.blocks, ui, &options));
    join(&out)
}

/// The document's title lines.
pub fn title(doc: &Document, options: &TextOptions) -> Vec<String> {
    let title = sanitize(&doc.title).to_uppercase();
    let mut out = vec![title.clone()];
    if options.underline {
        out.push("=".repeat(title.width()));
    }
    out
}

/// Lines ending in a newline each, without trailing spaces.
pub fn join(lines: &[String]) -> String {
    let mut text = lines
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}

/// Renders some blocks as text lines.
pub fn blocks(blocks: &[Block], ui: &UiText, options: &TextOptions) -> Vec<String> {
    let width = options.width;
    let mut out: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Heading(_, h) => {
                let h = sanitize(h).to_uppercase();
                out.push(String::new());
                out.push(h.clone());
                if options.underline {
                    out.push("-".repeat(h.width()));
                }
            }
            Block::Subheading(h) => {
                out.push(String::new());
                out.extend(wrap_hanging(&sanitize(h), width, "", "  "));
            }
            Block::Paragraph(p) => out.extend(wrap_hanging(&sanitize(p), width, "  ", "  ")),
            Block::Bullets(items) => {
                for item in items {
                    out.extend(wrap_hanging(&sanitize(item), width, "  - ", "    "));
                }
            }
            Block::Checkboxes(items) => {
                for item in items {
                    out.extend(wrap_hanging(&sanitize(item), width, "  [ ] ", "      "));
                }
            }
            Block::Important(items) => {
                for item in items {
                    out.extend(wrap_hanging(&sanitize(item), width, "  ! ", "    "));
                }
            }
            Block::Care { category, lines } => {
                out.extend(wrap_hanging(&sanitize(category), width, "  ", "  "));
                for (label, text) in lines {
                    let first = format!("    {}: ", sanitize(label));
                    let rest = " ".repeat(first.width());
                    out.extend(wrap_hanging(&sanitize(text), width, &first, &rest));
                }
            }
            Block::Timeline(t) => timeline(&mut out, t, ui, width, options.chart),
            Block::Compare {
                normal,
                call,
                pairs,
            } => {
                // One pair after another: columns do not survive a narrow
                // terminal or a screen reader.
                for (n, c) in pairs {
                    out.extend(wrap_hanging(
                        &format!("{}: {}", sanitize(normal), sanitize(n)),
                        width,
                        "  + ",
                        "    ",
                    ));
                    out.extend(wrap_hanging(
                        &format!("{}: {}", sanitize(call), sanitize(c)),
                        width,
                        "    ! ",
                        "      ",
                    ));
                }
            }
        }
    }
    out
}

/// The restrictions as a list, then as a chart with one column per day
/// when it fits the width.
fn timeline(out: &mut Vec<String>, t: &Timeline, ui: &UiText, width: usize, chart: bool) {
    out.extend(wrap_hanging(&ui.restrictions_intro, width, "  ", "  "));
    for row in &t.rows {
        let kind = match row.kind {
            RestrictionKind::Avoid => &ui.restriction_avoid,
            RestrictionKind::Do => &ui.restriction_do,
        };
        out.extend(wrap_hanging(
            &format!("{} ({kind}): {}", sanitize(&row.label), row.when),
            width,
            "  - ",
            "    ",
        ));
        for note in &row.notes {
            out.extend(wrap_hanging(&sanitize(note), width, "    ", "    "));
        }
    }
    for v in &t.visits {
        out.extend(wrap_hanging(
            &format!("◆ {}: {}", sanitize(&v.label), v.when),
            width,
            "  ",
            "    ",
        ));
    }
    if !chart {
        return;
    }
    let days = (t.last_day - t.first_day + 1) as usize;
    // Labels as wide as the longest, within what the chart leaves free.
    let longest = t.rows.iter().map(|r| r.label.width()).max().unwrap_or(0);
    let label_width = longest
        .min(width.saturating_sub(2 + 1 + days + 4))
        .max(ui.day_axis.width());
    if label_width < 12 || t.rows.is_empty() {
        return;
    }
    let col = |day: i64| (day - t.first_day) as usize;
    // Day numbers may run a few columns past the last day.
    let mut scale = vec![' '; days + 4];
    let mut ticks = vec![' '; days];
    for day in t.first_day..=t.last_day {
        if day == 0 || day % 5 == 0 || day == t.first_day || day == t.last_day {
            let label = day.to_string();
            let start = col(day);
            // Write the number where it fits without overwriting another.
            let near = start.saturating_sub(1)..(start + label.len() + 1).min(scale.len());
            if scale[near].iter().all(|c| *c == ' ') {
                for (i, ch) in label.chars().enumerate() {
                    scale[start + i] = ch;
                }
                ticks[start] = '|';
            }
        }
    }
    out.push(String::new());
    let pad = |s: &str| format!("  {:<label_width$} ", truncate(s, label_width));
    out.push(format!(
        "{}{}",
        pad(&ui.day_axis),
        scale.iter().collect::<String>()
    ));
    out.push(format!("{}{}", pad(""), ticks.iter().collect::<String>()));
    for row in &t.rows {
        let fill = match row.kind {
            RestrictionKind::Avoid => '█',
            RestrictionKind::Do => '▒',
        };
        let bar: String = (t.first_day..=t.last_day)
            .map(|d| {
                if d >= row.from && d <= row.to {
                    fill
                } else {
                    '·'
                }
            })
            .collect();
        out.push(format!("{}{bar}", pad(&sanitize(&row.label))));
    }
    for v in t
        .visits
        .iter()
        .filter(|v| (t.first_day..=t.last_day).contains(&v.day))
    {
        let mut bar = vec!['·'; days];
        bar[col(v.day)] = '◆';
        out.push(format!(
            "{}{}",
            pad(&sanitize(&v.label)),
            bar.iter().collect::<String>()
        ));
    }
    if let Some(today) = t.today.filter(|d| (t.first_day..=t.last_day).contains(d)) {
        out.push(format!(
            "{}{}^ {}",
            pad(""),
            " ".repeat(col(today)),
            ui.today_marker
        ));
    }
    let visit = if t.visits.is_empty() {
        String::new()
    } else {
        format!("   ◆ {}", ui.visit_legend)
    };
    out.push(format!(
        "  █ {}   ▒ {}{visit}",
        ui.restriction_avoid, ui.restriction_do
    ));
}
