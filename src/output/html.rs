//! The plan as one self-contained HTML page to take home: inline CSS, no
//! scripts, nothing fetched; large type on screen, and a print stylesheet
//! that fits A4 and Letter with each phase on a new page.

use super::document::{Block, Document, Part, Timeline};
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
figure.limits-chart { margin: .8em 0; }
svg.limits-chart { display: block; width: 100%; height: auto; background: #fff; }
svg.limits-chart text { fill: #111; font-family: inherit; }
svg.limits-chart text.marker { font-weight: bold; }
svg.limits-chart text.tick { font-size: 13px; fill: #333; }
svg.limits-chart .paper { fill: #fff; }
svg.limits-chart .track { fill: #eee; }
svg.limits-chart .bar { stroke: #111; stroke-width: 1.2; }
svg.limits-chart .grid { stroke: #999; stroke-width: 1; fill: none; }
svg.limits-chart .treatment-day { stroke: #111; stroke-width: 3; fill: none; }
svg.limits-chart .today-line { stroke: #111; stroke-width: 2.5; stroke-dasharray: 5 3; fill: none; }
svg.limits-chart .diamond { fill: #111; }
section.contact { display: flow-root; }
figure.qr-code { float: right; width: 9em; margin: .8em 0 .5em 1em; text-align: center; }
figure.qr-code svg { display: block; width: 100%; height: auto; }
figure.qr-code figcaption { font-size: .75em; line-height: 1.3; }
@media print {
  @page { size: auto; margin: 14mm 14mm 16mm; }
  body { font-size: 13pt; max-width: none; padding: 0; }
  section.phase { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  li, .care, .important, tr { break-inside: avoid; page-break-inside: avoid; }
  table.timeline { font-size: 7pt; }
  section.glossary ul { columns: 2; column-gap: 2em; font-size: 11pt; }
  table.timeline td.avoid, table.timeline td.keep { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  figure.limits-chart, figure.qr-code { break-inside: avoid; page-break-inside: avoid; }
  svg.limits-chart { max-height: 180mm; }
  figure.qr-code { width: 40mm; }
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
                if *part == Part::Contact
                    && let Some(payload) = &doc.qr
                {
                    qr_code(&mut out, payload, ui);
                }
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

/// The take-home QR code, floated beside the clinic's contact, with a
/// caption that says what scanning it gives. Nothing when the payload is
/// too long for a code.
fn qr_code(out: &mut String, payload: &str, ui: &UiText) {
    let Some(svg) = crate::qr::svg(payload) else {
        return;
    };
    // The config's `qr_url` is an http or https address; a summary of the
    // plan starts with the treatment's name.
    let web = payload.starts_with("https://") || payload.starts_with("http://");
    let caption = if web {
        &ui.qr_caption_url
    } else {
        &ui.qr_caption
    };
    out.push_str(&format!(
        "<figure class=\"qr-code\">\n{}\n<figcaption id=\"qr-caption\">{}</figcaption>\n</figure>\n",
        svg.replacen(
            "role=\"img\"",
            "role=\"img\" aria-labelledby=\"qr-caption\"",
            1
        ),
        escape(caption)
    ));
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
    chart(out, t, ui);
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

/// The limits chart's geometry, in SVG user units (the chart scales to the
/// page's width through its viewBox).
mod geo {
    /// The viewBox's width.
    pub const WIDTH: f64 = 800.0;
    /// Left margin before Day `first`.
    pub const LEFT: f64 = 8.0;
    /// Room right of the days for "until Mon 23 Nov".
    pub const END_LABELS: f64 = 172.0;
    /// Text size, and the height of a line of it.
    pub const FONT: f64 = 15.0;
    pub const LINE: f64 = 19.0;
    /// A bar's height, and the gap below a row.
    pub const BAR: f64 = 18.0;
    pub const GAP: f64 = 9.0;
    /// A rough width of one character, to place and wrap text.
    pub const CHAR: f64 = FONT * 0.56;
}

/// Splits `text` at spaces into lines of at most `max` characters (a word
/// longer than that stands alone).
fn wrap_words(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// `<text>` at `x`, `y` (the baseline), centred on `x` but kept inside the
/// chart.
fn label_at(out: &mut String, x: f64, y: f64, text: &str, class: &str) {
    let half = text.chars().count() as f64 * geo::CHAR / 2.0;
    let (x, anchor) = if x - half < geo::LEFT {
        (geo::LEFT, "start")
    } else if x + half > geo::WIDTH - 2.0 {
        (geo::WIDTH - 2.0, "end")
    } else {
        (x, "middle")
    };
    out.push_str(&format!(
        "<text class=\"{class}\" x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\">{}</text>\n",
        escape(text)
    ));
}

/// When a row ends, right of its bar (from `x`, the bar's top at `y`), on
/// white so the day lines do not cross it; closes the row's group.
fn end_label(out: &mut String, x: f64, y: f64, text: &str) {
    out.push_str(&format!(
        "<rect class=\"paper\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/>\n\
         <text class=\"end\" x=\"{:.1}\" y=\"{:.1}\">{}</text>\n</g>\n",
        x + 2.0,
        y - 4.0,
        text.chars().count() as f64 * geo::CHAR + 8.0,
        geo::BAR + 8.0,
        x + 6.0,
        y + geo::BAR - 4.0,
        escape(text)
    ));
}

/// The limits as an inline SVG chart for screen and paper: days across,
/// one row per limit (then per visit) in the guide's order, each limit's
/// days as a bar (hatched to avoid, dotted to keep doing: readable in
/// black and white) ending in when it ends, the treatment day (and today)
/// marked with a labelled line. Nothing is fetched: the patterns are
/// referenced within the chart (`url(#...)`).
/// A chart row's label, wrapped: one line of text each, moving `y` down.
fn label_lines(group: &mut String, label: &str, wrap_at: usize, y: &mut f64) {
    for line in wrap_words(label, wrap_at) {
        *y += geo::LINE;
        group.push_str(&format!(
            "<text class=\"label\" x=\"{}\" y=\"{:.1}\">{}</text>\n",
            geo::LEFT,
            *y - 5.0,
            escape(&line)
        ));
    }
}

fn chart(out: &mut String, t: &Timeline, ui: &UiText) {
    use geo::*;
    if t.rows.is_empty() && t.visits.is_empty() {
        return;
    }
    // Day 0 to the last day of any limit (from the first, when one starts
    // before the treatment).
    let days = t.rows.iter().flat_map(|r| [r.from, r.to]);
    let days = days.chain(t.visits.iter().map(|v| v.day)).chain([0]);
    let first = days.clone().min().unwrap_or(0);
    let last = days.max().unwrap_or(0);
    let cell = (WIDTH - LEFT - END_LABELS) / (last - first + 1) as f64;
    let x = |day: i64| LEFT + (day - first) as f64 * cell;
    let mid = |day: i64| x(day) + cell / 2.0;
    let wrap_at = ((WIDTH - LEFT) / CHAR) as usize;
    let today = t.today.filter(|d| (first..=last).contains(d) && *d != 0);
    let has_avoid = t.rows.iter().any(|r| r.kind == RestrictionKind::Avoid);
    let has_do = t.rows.iter().any(|r| r.kind == RestrictionKind::Do);

    // Header: the treatment day's label, today's, then the day numbers.
    let mut body = String::new();
    let mut y = LINE;
    label_at(&mut body, mid(0), y, &ui.chart_treatment, "marker");
    if let Some(d) = today {
        y += LINE;
        label_at(
            &mut body,
            mid(d),
            y,
            &format!("{} ({})", ui.today_marker, ui.day(d)),
            "marker",
        );
    }
    let markers_end = y + 5.0;
    y += LINE + 4.0;
    let scale_top = y - FONT + 1.0;
    let mut ticks = Vec::new();
    let mut placed = f64::NEG_INFINITY;
    for day in first..=last {
        if day == 0 || day % 5 == 0 || day == first || day == last {
            let w = day.to_string().len() as f64 * CHAR;
            if mid(day) - w / 2.0 > placed + 4.0 {
                body.push_str(&format!(
                    "<text class=\"tick\" x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{day}</text>\n",
                    mid(day)
                ));
                placed = mid(day) + w / 2.0;
                ticks.push(day);
            }
        }
    }
    body.push_str(&format!(
        "<text class=\"tick\" x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"end\">{}</text>\n",
        WIDTH - 2.0,
        escape(&ui.day_axis)
    ));
    y += 8.0;

    // The rows: the label's lines, then the bar over the plan's days.
    let mut tracks = String::new();
    let mut bars = String::new();
    let mut texts = String::new();
    // The top of each row's bar, where the day lines are drawn.
    let mut bands = Vec::new();
    let mut track = |out: &mut String, y: f64| {
        bands.push(y);
        out.push_str(&format!(
            "<rect class=\"track\" x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{BAR}\"/>\n",
            x(first),
            x(last + 1) - x(first)
        ));
    };
    for row in &t.rows {
        let (kind, pattern, word) = match row.kind {
            RestrictionKind::Avoid => ("avoid", "cg-hatch", &ui.restriction_avoid),
            RestrictionKind::Do => ("keep", "cg-dots", &ui.restriction_do),
        };
        let mut group = format!(
            "<g class=\"limit {kind}\"><title>{} ({}): {}</title>\n",
            escape(&row.label),
            escape(word),
            escape(&row.when)
        );
        label_lines(&mut group, &row.label, wrap_at, &mut y);
        track(&mut tracks, y);
        bars.push_str(&format!(
            "<rect class=\"bar {kind}\" x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{BAR}\" fill=\"url(#{pattern})\"/>\n",
            x(row.from),
            x(row.to + 1) - x(row.from)
        ));
        end_label(&mut group, x(row.to + 1), y, &row.until);
        texts.push_str(&group);
        y += BAR + GAP;
    }
    for v in &t.visits {
        let mut group = format!(
            "<g class=\"visit\"><title>{}: {}</title>\n",
            escape(&v.label),
            escape(&v.when)
        );
        label_lines(&mut group, &v.label, wrap_at, &mut y);
        track(&mut tracks, y);
        let (cx, cy, r) = (mid(v.day), y + BAR / 2.0, BAR / 2.0 + 1.0);
        bars.push_str(&format!(
            "<path class=\"diamond\" d=\"M{cx:.1} {:.1}L{:.1} {cy:.1}L{cx:.1} {:.1}L{:.1} {cy:.1}Z\"/>\n",
            cy - r,
            cx + r,
            cy + r,
            cx - r
        ));
        end_label(&mut group, x(last + 1), y, &v.short);
        texts.push_str(&group);
        y += BAR + GAP;
    }
    let bottom = y - GAP + 4.0;

    // Light lines at the numbered days; the treatment day solid, today
    // dashed: across each row's bar (not through the text), and from the
    // label above down to the day numbers.
    let across = |x: f64, header: bool| {
        let mut d = String::new();
        if header {
            d.push_str(&format!("M{x:.1} {markers_end:.1}V{scale_top:.1}"));
        }
        for b in &bands {
            d.push_str(&format!("M{x:.1} {:.1}V{:.1}", b - 4.0, b + BAR + 4.0));
        }
        d
    };
    let grid: String = ticks.iter().map(|&day| across(mid(day), false)).collect();
    body.push_str(&format!("<path class=\"grid\" d=\"{grid}\"/>\n"));
    body.push_str(&tracks);
    body.push_str(&bars);
    body.push_str(&format!(
        "<path class=\"treatment-day\" d=\"{}\"/>\n",
        across(mid(0), true)
    ));
    if let Some(d) = today {
        body.push_str(&format!(
            "<path class=\"today-line\" d=\"{}\"/>\n",
            across(mid(d), true)
        ));
    }
    body.push_str(&texts);

    // The legend: each kind of mark the chart uses.
    let mut keys = Vec::new();
    if has_avoid {
        keys.push((Swatch::Avoid, &ui.restriction_avoid));
    }
    if has_do {
        keys.push((Swatch::Keep, &ui.restriction_do));
    }
    keys.push((Swatch::Treatment, &ui.chart_treatment));
    if today.is_some() {
        keys.push((Swatch::Today, &ui.today_marker));
    }
    if !t.visits.is_empty() {
        keys.push((Swatch::Visit, &ui.visit_legend));
    }
    let (mut lx, mut y) = (LEFT, bottom + 10.0);
    for (swatch, text) in keys {
        let w = 34.0 + text.chars().count() as f64 * CHAR + 18.0;
        if lx + w > WIDTH && lx > LEFT {
            lx = LEFT;
            y += LINE + 6.0;
        }
        body.push_str(&swatch.draw(lx, y));
        body.push_str(&format!(
            "<text class=\"legend\" x=\"{:.1}\" y=\"{:.1}\">{}</text>\n",
            lx + 34.0,
            y + BAR - 4.0,
            escape(text)
        ));
        lx += w;
    }
    let height = y + BAR + 6.0;

    // The patterns: dark on a light tint, so that print in black and white
    // still tells them apart (stripes against dots).
    let mut defs = String::new();
    if has_avoid {
        defs.push_str(
            "<pattern id=\"cg-hatch\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" patternTransform=\"rotate(45)\">\
             <rect width=\"8\" height=\"8\" fill=\"#f4b6a6\"/><rect width=\"3\" height=\"8\" fill=\"#111\"/></pattern>\n",
        );
    }
    if has_do {
        defs.push_str(
            "<pattern id=\"cg-dots\" patternUnits=\"userSpaceOnUse\" width=\"7\" height=\"7\">\
             <rect width=\"7\" height=\"7\" fill=\"#bfe2c6\"/><circle cx=\"3.5\" cy=\"3.5\" r=\"1.7\" fill=\"#111\"/></pattern>\n",
        );
    }
    out.push_str(&format!(
        "<figure class=\"limits-chart\">\n<svg class=\"limits-chart\" role=\"img\" aria-labelledby=\"cg-chart-title cg-chart-desc\" \
         viewBox=\"0 0 {WIDTH} {height:.0}\" width=\"100%\" font-size=\"{FONT}\">\n\
         <title id=\"cg-chart-title\">{}</title>\n<desc id=\"cg-chart-desc\">{}</desc>\n<defs>\n{defs}</defs>\n\
         <rect class=\"paper\" x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{height:.0}\"/>\n{body}</svg>\n</figure>\n",
        escape(&ui.chart_title),
        escape(&ui.chart_desc)
    ));
}

/// A mark in the chart's legend.
#[derive(Clone, Copy)]
enum Swatch {
    Avoid,
    Keep,
    Treatment,
    Today,
    Visit,
}

impl Swatch {
    /// The mark, 28 units wide, at `x`, `y` (its top left).
    fn draw(self, x: f64, y: f64) -> String {
        let (bar, ym) = (geo::BAR, y + geo::BAR / 2.0);
        match self {
            Swatch::Avoid | Swatch::Keep => {
                let (kind, pattern) = match self {
                    Swatch::Avoid => ("avoid", "cg-hatch"),
                    _ => ("keep", "cg-dots"),
                };
                format!(
                    "<rect class=\"bar {kind}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"28\" height=\"{bar}\" fill=\"url(#{pattern})\"/>\n"
                )
            }
            Swatch::Treatment | Swatch::Today => {
                let class = match self {
                    Swatch::Treatment => "treatment-day",
                    _ => "today-line",
                };
                format!(
                    "<line class=\"{class}\" x1=\"{x:.1}\" y1=\"{ym:.1}\" x2=\"{:.1}\" y2=\"{ym:.1}\"/>\n",
                    x + 28.0
                )
            }
            Swatch::Visit => {
                let (cx, r) = (x + 14.0, bar / 2.0);
                format!(
                    "<path class=\"diamond\" d=\"M{cx:.1} {y:.1}L{:.1} {ym:.1}L{cx:.1} {:.1}L{:.1} {ym:.1}Z\"/>\n",
                    cx + r,
                    y + bar,
                    cx - r
                )
            }
        }
    }
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
