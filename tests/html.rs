//! The take-home page: one self-contained HTML file, checked for structure
//! (a real browser check is `scripts/check-html-pdf`).

mod common;

use common::*;

fn html(args: &[&str]) -> String {
    let mut all = vec!["print"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "html"]);
    let o = run_app(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

/// Checks that every element opened is closed, in order (void elements
/// excepted), and returns the tags seen.
fn balanced(page: &str) -> Vec<String> {
    const VOID: [&str; 4] = ["meta", "br", "hr", "img"];
    let mut stack: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("an unclosed tag") + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name == "style" && !tag.starts_with('/') {
            // Skip the stylesheet's text.
            let close = rest.find("</style>").expect("style closed");
            rest = &rest[close + "</style>".len()..];
            seen.push(name);
            continue;
        }
        seen.push(name.clone());
        // Void elements, and inline SVG's self-closing ones (`<rect .../>`).
        if VOID.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        if tag.starts_with('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "mismatched </{name}>"
            );
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    seen
}

#[test]
fn the_take_home_page_is_self_contained_and_well_formed() {
    let page = html(&[
        "needling",
        "--addon",
        "prp",
        "--lang",
        "es",
        "--date",
        "2026-11-20",
        "--today",
        "2026-11-23",
    ]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"));
    let tags = balanced(&page);
    // Nothing runs, nothing is fetched.
    for banned in [
        "<script", "<link", "<iframe", "<img", "http://", "https://", "src=", "@import",
    ] {
        assert!(!page.contains(banned), "the page contains `{banned}`");
    }
    // `url(` would fetch a resource, except a fragment reference within
    // the page: the limits chart fills its bars with its own SVG patterns,
    // `fill="url(#cg-hatch)"`. Anything else (`url(x.png)`, `url('...')`,
    // `url(data:...)`) is banned.
    for (at, _) in page.match_indices("url(") {
        let target = &page[at + 4..];
        assert!(
            target.starts_with('#')
                && target.find(')').is_some_and(|end| target[1..end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-')),
            "the page has an external url(): {}",
            &page[at..(at + 40).min(page.len())]
        );
    }
    assert!(!tags.contains(&"script".to_string()));
    // Large type, and a print stylesheet with a page per phase.
    assert!(page.contains("font-size: 20px"));
    assert!(page.contains("@media print"));
    assert!(page.contains("@page"));
    assert!(page.contains("section.phase { break-before: page"));
    assert_eq!(
        page.matches("<section class=\"").filter(|_| true).count(),
        11
    );
    for phase in [
        "preparation phase",
        "numbing phase",
        "procedure phase",
        "aftercare phase",
        "restrictions phase",
    ] {
        assert!(
            page.contains(&format!("<section class=\"{phase}\">")),
            "{phase}"
        );
    }
    // The dated plan, today marked, in Spanish.
    assert!(page.contains("Día 2, dom 22 nov 2026"));
    assert!(page.contains("<span class=\"today\">HOY</span>"));
    // The timeline is a table with one row per limit.
    let rows = page
        .matches("<tr><th class=\"label\" scope=\"row\">")
        .count();
    assert!(rows >= 10, "{rows} timeline rows");
    assert!(page.contains("(con PRP)"), "add-on lines are marked");
    // Warning signs and contact stand out, and the phone is up front too.
    assert!(page.contains("<section class=\"warning-signs\">"));
    assert!(page.contains("<section class=\"contact\">"));
    let call_line = page.find("class=\"call-line\"").unwrap();
    assert!(
        call_line < page.find("<section").unwrap(),
        "the phone comes first"
    );
}

#[test]
fn text_cannot_inject_markup() {
    // Guide text with markup does not load (`check` reports it); text from
    // the clinic's config is escaped on the way out.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("careguide.toml");
    std::fs::write(
        &config,
        "[clinic]\nname = \"Bright <b>Skin</b> & <script>alert(1)</script>\"\n",
    )
    .unwrap();
    let page = html(&["--config", config.to_str().unwrap(), "needling"]);
    assert!(!page.contains("<script>"));
    assert!(
        page.contains("Bright &lt;b&gt;Skin&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;")
    );
    balanced(&page);
}

#[test]
fn english_page_without_a_date() {
    let page = html(&["needling"]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    balanced(&page);
    assert!(page.contains("No treatment date set"));
    assert!(!page.contains("class=\"today\""), "no today without a date");
}

// ---- The limits chart (inline SVG) and the take-home QR code. ----

use careguide::guide::model::RestrictionKind;
use careguide::i18n::UiText;
use careguide::plan::Plan;
use jiff::civil::{Date, date};

const TREATMENT: Date = date(2026, 11, 20);
const TODAY: Date = date(2026, 11, 23);

/// The fixture plan the pages below are printed from.
fn fixture_plan(lang: &str, date: Option<Date>) -> Plan {
    let library = app_library();
    let guide = library.find("needling", Some(lang)).expect("needling");
    Plan::new(guide, &["prp"], date).expect("a plan")
}

/// The one `<svg class="{class}" ...>...</svg>` element of the page.
/// The fixture plan's page with PRP, treated 2026-11-20, seen 2026-11-23.
fn dated_page(lang: &str) -> String {
    html(&[
        "needling",
        "--addon",
        "prp",
        "--lang",
        lang,
        "--date",
        "2026-11-20",
        "--today",
        "2026-11-23",
    ])
}

fn svg_element<'p>(page: &'p str, class: &str) -> &'p str {
    let open = format!("<svg class=\"{class}\"");
    assert_eq!(page.matches(&open).count(), 1, "one {class} svg");
    let start = page.find(&open).unwrap();
    let end = page[start..].find("</svg>").expect("closed") + start + "</svg>".len();
    &page[start..end]
}

fn class_of<'a>(node: roxmltree::Node<'a, '_>) -> Vec<&'a str> {
    node.attribute("class")
        .map(|c| c.split_whitespace().collect())
        .unwrap_or_default()
}

fn has_class(node: roxmltree::Node<'_, '_>, class: &str) -> bool {
    class_of(node).contains(&class)
}

/// The text of the `<text>` children of `node` with `class`.
fn texts<'a>(node: roxmltree::Node<'a, '_>, class: &str) -> Vec<&'a str> {
    node.descendants()
        .filter(|n| n.has_tag_name("text") && has_class(*n, class))
        .map(|n| n.text().unwrap_or(""))
        .collect()
}

fn num(node: roxmltree::Node<'_, '_>, attr: &str) -> f64 {
    node.attribute(attr)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{attr} on {node:?}"))
}

#[test]
fn the_limits_chart_is_an_inline_svg_with_a_row_per_limit() {
    for (lang, until) in [("en", "until"), ("es", "hasta el")] {
        let page = dated_page(lang);
        let ui = UiText::for_language(lang);
        let plan = fixture_plan(lang, Some(TREATMENT));
        let svg = svg_element(&page, "limits-chart");
        // In the limits section, before the table it draws.
        let section = page.find("<section class=\"restrictions phase\">").unwrap();
        let at = page.find(svg).unwrap();
        assert!(section < at && at < page.find("<table class=\"timeline\">").unwrap());
        let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
        let root = doc.root_element();
        // Scales to the page's width; named for screen readers.
        assert_eq!(root.attribute("width"), Some("100%"));
        assert!(root.attribute("viewBox").unwrap().starts_with("0 0 800 "));
        assert_eq!(root.attribute("role"), Some("img"));
        let named = root.attribute("aria-labelledby").unwrap();
        for id in named.split_whitespace() {
            let n = doc
                .descendants()
                .find(|n| n.attribute("id") == Some(id))
                .expect(id);
            assert!(n.has_tag_name("title") || n.has_tag_name("desc"));
            assert!(!n.text().unwrap_or("").trim().is_empty());
        }
        assert_eq!(
            root.children()
                .find(|n| n.has_tag_name("title"))
                .unwrap()
                .text(),
            Some(ui.chart_title.as_str())
        );

        // One row per limit, in the guide's order, with its label and when
        // it ends (the date, from the plan).
        let rows: Vec<_> = root
            .children()
            .filter(|n| n.has_tag_name("g") && has_class(*n, "limit"))
            .collect();
        assert_eq!(rows.len(), plan.guide.restrictions.len(), "{lang}");
        let addon = plan.chosen_addons().next().unwrap();
        for (row, r) in rows.iter().zip(&plan.guide.restrictions) {
            let label = texts(*row, "label").join(" ");
            assert!(label.starts_with(&*r.label.value), "{label}");
            if plan.origin_addon(r.label.origin).is_some() {
                assert!(label.contains(&*addon.label.value), "{label} is marked");
            }
            let end = plan.date_of(r.days.to).unwrap();
            assert_eq!(
                texts(*row, "end"),
                [format!("{until} {}", ui.date_short(end))],
                "{}",
                r.label.value
            );
            let kind = match r.kind {
                RestrictionKind::Avoid => "avoid",
                RestrictionKind::Do => "keep",
            };
            assert!(has_class(*row, kind), "{}", r.label.value);
            let title = row.children().find(|n| n.has_tag_name("title")).unwrap();
            assert!(title.text().unwrap().starts_with(&*r.label.value));
        }

        // Bars: avoid hatched, keep doing dotted, from the patterns defined
        // in the chart (both kinds are in the fixture).
        let patterns: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("pattern"))
            .map(|n| n.attribute("id").unwrap())
            .collect();
        assert_eq!(patterns, ["cg-hatch", "cg-dots"]);
        let bars: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && has_class(*n, "bar"))
            .collect();
        for kind in ["avoid", "keep"] {
            let fill = if kind == "avoid" {
                "url(#cg-hatch)"
            } else {
                "url(#cg-dots)"
            };
            let of_kind: Vec<_> = bars.iter().filter(|b| has_class(**b, kind)).collect();
            assert!(of_kind.len() >= 2, "{kind}: bars and a legend swatch");
            assert!(of_kind.iter().all(|b| b.attribute("fill") == Some(fill)));
        }
        // Each limit's bar spans its days: a day is a fixed width, so the
        // widths go as the number of days.
        let row_bars: Vec<_> = bars.iter().filter(|b| num(**b, "width") != 28.0).collect();
        assert_eq!(row_bars.len(), plan.guide.restrictions.len());
        let per_day = num(*row_bars[0], "width")
            / (plan.guide.restrictions[0].days.to - plan.guide.restrictions[0].days.from + 1)
                as f64;
        for (b, r) in row_bars.iter().zip(&plan.guide.restrictions) {
            let days = (r.days.to - r.days.from + 1) as f64;
            assert!(
                (num(**b, "width") - per_day * days).abs() < 0.2,
                "{}",
                r.label.value
            );
        }

        // The treatment day: a line through Day 0, labelled; today too.
        let zero = doc
            .descendants()
            .find(|n| has_class(*n, "tick") && n.text() == Some("0"))
            .expect("Day 0 is numbered");
        let line = doc
            .descendants()
            .find(|n| n.has_tag_name("path") && has_class(*n, "treatment-day"))
            .expect("the treatment day's line");
        let d = line.attribute("d").unwrap();
        let x: f64 = d[1..d.find(' ').unwrap()].parse().unwrap();
        assert_eq!(x, num(zero, "x"));
        // It crosses every row's bar (a segment each, and one up to its
        // label).
        assert_eq!(d.matches('M').count(), rows.len() + 1);
        assert!(texts(root, "marker").contains(&ui.chart_treatment.as_str()));
        let today = texts(root, "marker")
            .into_iter()
            .find(|t| t.starts_with(ui.today_marker.as_str()))
            .expect("today is marked");
        assert!(today.contains(&ui.day(3)), "{today}");
        assert!(doc.descendants().any(|n| has_class(n, "today-line")));
    }
}

#[test]
fn an_undated_chart_says_the_day_each_limit_ends() {
    let page = html(&["needling"]);
    balanced(&page);
    let plan = fixture_plan("en", None);
    let doc = roxmltree::Document::parse(svg_element(&page, "limits-chart")).unwrap();
    let ends: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && has_class(*n, "limit"))
        .map(|g| texts(g, "end")[0])
        .collect();
    let guide = app_library();
    let guide = guide.find("needling", Some("en")).unwrap();
    let want: Vec<String> = guide
        .restrictions
        .iter()
        .map(|r| format!("until Day {}", r.days.to))
        .collect();
    assert_eq!(ends, want);
    assert!(plan.treatment_date.is_none());
    // No today without a date; the treatment day is still marked.
    assert!(!doc.descendants().any(|n| has_class(n, "today-line")));
    assert!(doc.descendants().any(|n| has_class(n, "treatment-day")));
}

/// The QR code's SVG as a luma image, one pixel a user unit: the white
/// square, then the `<path>`'s `M x y h w v h H x V y` squares in black.
fn rasterize_qr(svg: &str) -> (usize, usize, Vec<u8>) {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let root = doc.root_element();
    let w = num(root, "width") as usize;
    let h = num(root, "height") as usize;
    let mut pixels = vec![0u8; w * h];
    let paper = root.children().find(|n| n.has_tag_name("rect")).unwrap();
    assert_eq!(paper.attribute("fill"), Some("#fff"));
    assert_eq!(
        (num(paper, "width"), num(paper, "height")),
        (w as f64, h as f64)
    );
    pixels.fill(255);
    let path = root.children().find(|n| n.has_tag_name("path")).unwrap();
    assert_eq!(path.attribute("fill"), Some("#000"));
    let d = path.attribute("d").unwrap();
    // Commands and numbers.
    let mut tokens = Vec::new();
    let mut number = String::new();
    for c in d.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        if !number.is_empty() {
            tokens.push(std::mem::take(&mut number));
        }
        if c.is_ascii_alphabetic() {
            tokens.push(c.to_string());
        }
    }
    if !number.is_empty() {
        tokens.push(number);
    }
    let mut squares = 0;
    for square in tokens.chunks(11) {
        let n = |i: usize| square[i].parse::<usize>().unwrap();
        assert_eq!(
            [&square[0], &square[3], &square[5], &square[7], &square[9]].map(String::as_str),
            ["M", "h", "v", "H", "V"],
            "{square:?}"
        );
        let (x, y, sw, sh) = (n(1), n(2), n(4), n(6));
        for py in y..y + sh {
            for px in x..x + sw {
                pixels[py * w + px] = 0;
            }
        }
        squares += 1;
    }
    assert!(squares > 100, "{squares} dark squares");
    (w, h, pixels)
}

fn decode(w: usize, h: usize, pixels: &[u8]) -> Vec<String> {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    img.detect_grids()
        .iter()
        .filter_map(|g| g.decode().ok().map(|(_, s)| s))
        .collect()
}

/// The contact section of the page.
fn contact_section(page: &str) -> &str {
    let start = page.find("<section class=\"contact\">").expect("a contact");
    let end = page[start..].find("</section>").unwrap() + start;
    &page[start..end]
}

#[test]
fn the_qr_code_sits_beside_the_contact_and_holds_the_plan() {
    for lang in ["en", "es"] {
        let page = dated_page(lang);
        let ui = UiText::for_language(lang);
        let contact = contact_section(&page);
        let svg = svg_element(contact, "qr");
        // A figure before the contact's lines (floated beside them), with
        // the caption that names it.
        let figure = contact.find("<figure class=\"qr-code\">").unwrap();
        assert!(figure < contact.find(svg).unwrap());
        assert!(contact.find("</figure>").unwrap() < contact.find("<p>").unwrap());
        assert!(svg.contains("aria-labelledby=\"qr-caption\""));
        assert!(contact.contains(&format!(
            "<figcaption id=\"qr-caption\">{}</figcaption>",
            careguide::output::html::escape(&ui.qr_caption)
        )));
        let plan = fixture_plan(lang, Some(TREATMENT));
        let payload = careguide::qr::payload(&plan, ui, TODAY, None);
        let (w, h, pixels) = rasterize_qr(svg);
        assert_eq!(decode(w, h, &pixels), [payload], "{lang}");
    }
}

#[test]
fn the_qr_code_holds_the_clinics_page_when_the_config_sets_one() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("careguide.toml");
    let url = "https://clinic.example/care";
    std::fs::write(&config, format!("[export]\nqr_url = \"{url}\"\n")).unwrap();
    let page = html(&[
        "--config",
        config.to_str().unwrap(),
        "needling",
        "--date",
        "2026-11-20",
    ]);
    balanced(&page);
    // The address is in the code only: the page names no web address.
    assert!(!page.contains("https://"));
    let contact = contact_section(&page);
    assert!(contact.contains(&careguide::output::html::escape(
        &UiText::english().qr_caption_url
    )));
    let (w, h, pixels) = rasterize_qr(svg_element(contact, "qr"));
    assert_eq!(decode(w, h, &pixels), [url]);
}
