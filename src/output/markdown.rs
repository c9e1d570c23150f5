//! The plan as Markdown.

use super::document::{Block, Document};
use crate::guide::model::RestrictionKind;
use crate::i18n::UiText;
use crate::text::sanitize;

/// Escapes characters Markdown would read as formatting.
pub fn escape(text: &str) -> String {
    let text = sanitize(text);
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) || (i == 0 && matches!(c, '-' | '+' | '='))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render(doc: &Document, ui: &UiText) -> String {
    let mut out = format!("# {}\n", escape(&doc.title));
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Heading(_, h) => out.push_str(&format!("## {}\n", escape(h))),
            Block::Subheading(h) => out.push_str(&format!("### {}\n", escape(h))),
            Block::Paragraph(p) => out.push_str(&format!("{}\n", escape(p))),
            Block::Bullets(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", escape(item)));
                }
            }
            Block::Checkboxes(items) => {
                for item in items {
                    out.push_str(&format!("- [ ] {}\n", escape(item)));
                }
            }
            Block::Important(items) => {
                for item in items {
                    out.push_str(&format!("> **{}**\n>\n", escape(item)));
                }
                out.truncate(out.len() - 2);
            }
            Block::Care { category, lines } => {
                out.push_str(&format!("**{}**\n\n", escape(category)));
                for (label, text) in lines {
                    out.push_str(&format!("- *{}:* {}\n", escape(label), escape(text)));
                }
            }
            Block::Compare {
                normal,
                call,
                pairs,
            } => {
                out.push_str(&format!(
                    "| {} | {} |\n|---|---|\n",
                    escape(normal),
                    escape(call)
                ));
                for (n, c) in pairs {
                    out.push_str(&format!("| {} | {} |\n", escape(n), escape(c)));
                }
            }
            Block::Timeline(t) => {
                out.push_str(&format!("{}\n\n", escape(&ui.restrictions_intro)));
                out.push_str(&format!(
                    "| {} | {} | {} |\n|---|---|---|\n",
                    escape(&ui.column_limit),
                    escape(&ui.column_days),
                    escape(&ui.column_note)
                ));
                for row in &t.rows {
                    let kind = match row.kind {
                        RestrictionKind::Avoid => &ui.restriction_avoid,
                        RestrictionKind::Do => &ui.restriction_do,
                    };
                    let note = row
                        .notes
                        .iter()
                        .map(|n| escape(n))
                        .collect::<Vec<_>>()
                        .join(" ");
                    out.push_str(&format!(
                        "| **{}** ({}) | {} | {} |\n",
                        escape(&row.label),
                        escape(kind),
                        escape(&row.when),
                        note
                    ));
                }
                for v in &t.visits {
                    out.push_str(&format!(
                        "| **◆ {}** | {} | |\n",
                        escape(&v.label),
                        escape(&v.when)
                    ));
                }
            }
        }
    }
    out
}
