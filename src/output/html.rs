//! The plan as one self-contained HTML page to take home: inline CSS, no
//! scripts, nothing fetched; large type on screen, and a print stylesheet
//! that fits A4 and Letter with each phase on a new page.

use super::document::{Block, Document, Timeline};
use crate::guide::model::RestrictionKind;
use crate::i18n::UiText;
use crate::text::sanitize;

/// Escapes text for HTML (and strips anything that could drive a terminal,
/// though the page never reaches one).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Atkinson Hyperlegible", Verdana, "DejaVu Sans", Arial, sans-serif;
  font-size: 20px; line-height: 1.55; color: #111; background: #fff;
  max-width: 42em; margin: 0 auto; padding: 1.5em 1em 3em; }
h1 { font-size: 1.8em; line-height: 1.2; margin: 0 0 .3em; }
h2 { font-size: 1.35em; margin: 1.6em 0 .4em; padding-bottom: .15em; border-bottom: 3px solid #111; }
h3 { font-size: 1.08em; margin: 1.1em 0 .3em; }
p { margin: .3em 0; }
ul { margin: .3em 0 .6em; padding-left: 1.3em; }
li { margin: .2em 0; }
.plan-for { font-size: 1.05em; margin: 0; }
.call-line { font-size: 1.05em; border-left: 6px solid #111; padding-left: .5em; margin: .2em 0 .6em; }
.important { border: 3px solid #111; border-radius: 6px; padding: .6em .9em; margin: .6em 0;
  font-weight: bold; font-size: 1.08em; }
.important p { margin: .15em 0; }
ul.checkboxes { list-style: none; padding-left: 0; }
ul.checkboxes li::before { content: "\2610\00a0"; font-size: 1.2em; }
.care { margin: .4em 0 .6em; }
.care h4 { margin: .5em 0 .1em; font-size: 1em; }
.care dl { display: grid; grid-template-columns: max-content 1fr; gap: .1em .6em; margin: 0; }
.care dt { font-weight: bold; }
.care dd { margin: 0; }
.today { font-weight: bold; border: 2px solid #111; padding: 0 .3em; }
section.warning-signs, section.contact { border: 4px solid #111; border-radius: 8px; padding: 0 1em .8em;
  margin: 1.5em 0; }
section.warning-signs h2, section.contact h2 { border-bottom: none; }
table.timeline { border-collapse: collapse; font-size: .62em; margin: .8em 0; width: 100%; }
table.timeline th, table.timeline td { border: 1px solid #999; padding: 0; text-align: center;
  min-width: 1.1em; height: 1.6em; }
table.timeline th.label, table.timeline td.label { text-align: left; padding: 0 .4em; min-width: 12em; font-size: 1.2em; }
table.timeline td.avoid { background: #333; color: #fff; }
table.timeline td.keep { background: repeating-linear-gradient(45deg, #bbb 0 3px, #fff 3px 6px); }
table.timeline .now { outline: 3px solid #000; outline-offset: -2px; }
table.compare { border-collapse: collapse; width: 100%; margin: .6em 0; }
table.compare th, table.compare td { border: 2px solid #111; padding: .3em .5em; text-align: left; vertical-align: top; width: 50%; }
table.compare th:last-child { border-width: 4px; }
table.limits { border-collapse: collapse; margin: .6em 0; }
table.limits th, table.limits td { border: 1px solid #999; padding: .25em .5em; text-align: left; vertical-align: top; }
.legend { font-size: .85em; }
.version { color: #444; font-size: .85em; }
@media print {
  @page { size: auto; margin: 14mm 14mm 16mm; }
  body { font-size: 13pt; max-width: none; padding: 0; }
  section.phase { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  li, .care, .important, tr { break-inside: avoid; page-break-inside: avoid; }
  table.timeline { font-size: 7pt; }
  section.glossary ul { columns: 2; column-gap: 2em; font-size: 11pt; }
  table.timeline td.avoid, table.timeline td.keep { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Renders the document as a complete HTML page.
pub fn render(doc: &Document, ui: &UiText) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n",
        escape(&doc.language)
    ));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&doc.title)));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str(&format!("<header>\n<h1>{}</h1>\n", escape(&doc.title)));
    // The clinic's phone up front, where a worried patient looks first.
    out.push_str(&format!(
        "<p class=\"call-line\"><strong>{}</strong> · {}: <strong>{}</strong></p>\n",
        escape(&doc.contact.name),
        escape(&ui.contact_phone),
        escape(&super::document::phone(&doc.contact, ui))
    ));
    let mut open_section = false;
    let mut in_header = true;
    for block in &doc.blocks {
        match block {
            Block::Heading(part, text) => {
                if in_header {
                    out.push_str("</header>\n");
                    in_header = false;
                }
                if open_section {
                    out.push_str("</section>\n");
                }
                let phase = if part.is_phase() { " phase" } else { "" };
                out.push_str(&format!(
                    "<section class=\"{}{phase}\">\n<h2>{}</h2>\n",
                    part.class(),
                    escape(text)
                ));
                open_section = true;
            }
            Block::Subheading(text) => {
                // "[TODAY]" markers are drawn as a badge.
                let marker = format!(" [{}]", ui.today_marker);
                match text.strip_suffix(&marker) {
                    Some(rest) => out.push_str(&format!(
                        "<h3>{} <span class=\"today\">{}</span></h3>\n",
                        escape(rest),
                        escape(&ui.today_marker)
                    )),
                    None => out.push_str(&format!("<h3>{}</h3>\n", escape(text))),
                }
            }
            Block::Paragraph(text) if in_header => {
                out.push_str(&format!("<p class=\"plan-for\">{}</p>\n", escape(text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::Bullets(items) => list(&mut out, "", items),
            Block::Checkboxes(items) => list(&mut out, " class=\"checkboxes\"", items),
            Block::Important(items) => {
                out.push_str("<div class=\"important\">\n");
                for item in items {
                    out.push_str(&format!("<p>{}</p>\n", escape(item)));
                }
                out.push_str("</div>\n");
            }
            Block::Care { category, lines } => {
                out.push_str(&format!(
                    "<div class=\"care\">\n<h4>{}</h4>\n<dl>\n",
                    escape(category)
                ));
                for (label, text) in lines {
                    out.push_str(&format!(
                        "<dt>{}</dt><dd>{}</dd>\n",
                        escape(label),
                        escape(text)
                    ));
                }
                out.push_str("</dl>\n</div>\n");
            }
            Block::Timeline(t) => timeline(&mut out, t, ui),
            Block::Compare {
                normal,
                call,
                pairs,
            } => {
                out.push_str(&format!(
                    "<table class=\"compare\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
                    escape(normal),
                    escape(call)
                ));
                for (n, c) in pairs {
                    out.push_str(&format!(
                        "<tr><td>{}</td><td>{}</td></tr>\n",
                        escape(n),
                        escape(c)
                    ));
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    if in_header {
        out.push_str("</header>\n");
    }
    if open_section {
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn list(out: &mut String, attrs: &str, items: &[String]) {
    out.push_str(&format!("<ul{attrs}>\n"));
    for item in items {
        out.push_str(&format!("<li>{}</li>\n", escape(item)));
    }
    out.push_str("</ul>\n");
}

/// The restrictions as a table of days (a mark in each day a limit
/// applies), then as a table of dates in words.
fn timeline(out: &mut String, t: &Timeline, ui: &UiText) {
    out.push_str(&format!("<p>{}</p>\n", escape(&ui.restrictions_intro)));
    out.push_str("<table class=\"timeline\">\n<thead>\n<tr><th class=\"label\" scope=\"col\">");
    out.push_str(&escape(&ui.day_axis));
    out.push_str("</th>");
    for day in t.first_day..=t.last_day {
        let now = if Some(day) == t.today {
            " class=\"now\""
        } else {
            ""
        };
        let label = if day == 0 || day % 5 == 0 || day == t.first_day || day == t.last_day {
            day.to_string()
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<th scope=\"col\"{now} title=\"{}\">{label}</th>",
            escape(&ui.day(day))
        ));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &t.rows {
        let (class, mark, kind) = match row.kind {
            RestrictionKind::Avoid => ("avoid", "✕", &ui.restriction_avoid),
            RestrictionKind::Do => ("keep", "✓", &ui.restriction_do),
        };
        out.push_str(&format!(
            "<tr><th class=\"label\" scope=\"row\">{}</th>",
            escape(&row.label)
        ));
        for day in t.first_day..=t.last_day {
            let now = if Some(day) == t.today { " now" } else { "" };
            if day >= row.from && day <= row.to {
                out.push_str(&format!(
                    "<td class=\"{class}{now}\" title=\"{}: {}\">{mark}</td>",
                    escape(&ui.day(day)),
                    escape(kind)
                ));
            } else {
                out.push_str(&format!("<td class=\"off{now}\"></td>"));
            }
        }
        out.push_str("</tr>\n");
    }
    for v in &t.visits {
        out.push_str(&format!(
            "<tr><th class=\"label\" scope=\"row\">◆ {}</th>",
            escape(&v.label)
        ));
        for day in t.first_day..=t.last_day {
            let now = if Some(day) == t.today { " now" } else { "" };
            if day == v.day {
                out.push_str(&format!(
                    "<td class=\"visit{now}\" title=\"{}\">◆</td>",
                    escape(&v.when)
                ));
            } else {
                out.push_str(&format!("<td class=\"off{now}\"></td>"));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str(&format!(
        "<p class=\"legend\">✕ {} &nbsp; ✓ {}{}</p>\n",
        escape(&ui.restriction_avoid),
        escape(&ui.restriction_do),
        match t.today {
            Some(d) if (t.first_day..=t.last_day).contains(&d) => {
                format!(
                    " &nbsp; <span class=\"today\">{}</span> = {}",
                    escape(&ui.today_marker),
                    escape(&ui.day(d))
                )
            }
            _ => String::new(),
        }
    ));
    out.push_str(&format!(
        "<table class=\"limits\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        escape(&ui.column_limit),
        escape(&ui.column_days),
        escape(&ui.column_note)
    ));
    for row in &t.rows {
        out.push_str(&format!(
            "<tr><td><strong>{}</strong></td><td>{}</td><td>{}</td></tr>\n",
            escape(&row.label),
            escape(&row.when),
            row.notes
                .iter()
                .map(|n| escape(n))
                .collect::<Vec<_>>()
                .join("<br>")
        ));
    }
    for v in &t.visits {
        out.push_str(&format!(
            "<tr><td><strong>◆ {}</strong></td><td>{}</td><td></td></tr>\n",
            escape(&v.label),
            escape(&v.when)
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            escape("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
        assert_eq!(escape("a\u{1b}b"), "a\u{FFFD}b");
    }
}
