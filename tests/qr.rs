//! The take-home QR code: its summary against the plan, and the terminal
//! drawing decoded back (rasterized, then read with rqrr).

mod common;

use careguide::guide::model::RestrictionKind;
use careguide::i18n::UiText;
use careguide::plan::Plan;
use careguide::qr;
use common::app_library;
use common::qr_image::{decode, rasterize};
use jiff::civil::{Date, date};

const TREATMENT: Date = date(2026, 11, 20);

fn plan(lang: &str) -> Plan {
    let library = app_library();
    let guide = library.find("needling", Some(lang)).expect("needling");
    Plan::new(guide, &["prp"], Some(TREATMENT)).expect("a plan")
}

#[test]
fn the_terminal_code_decodes_to_the_payload() {
    for lang in ["en", "es"] {
        let p = plan(lang);
        let ui = UiText::for_language(lang);
        let payload = qr::payload(&p, ui, TREATMENT, None);
        let rows = qr::half_blocks(&payload).expect("it fits");
        // A light foreground on a dark background: a normal QR code.
        let (w, h, pixels) = rasterize(&rows, 4, 255, 0);
        assert_eq!(decode(w, h, &pixels), vec![payload], "{lang}");
        // The quiet zone: the first and last rows are all light.
        assert!(rows[0].chars().all(|c| c == '█'));
        assert!(rows.last().unwrap().chars().all(|c| c == '█'));
    }
}

#[test]
fn a_url_from_the_config_goes_in_instead() {
    let p = plan("en");
    let ui = UiText::english();
    let url = "https://clinic.example/care";
    assert_eq!(qr::payload(&p, ui, TREATMENT, Some(url)), url);
    assert_eq!(
        qr::payload(&p, ui, TREATMENT, Some("  ")),
        qr::summary(&p, ui, TREATMENT)
    );
    let rows = qr::half_blocks(url).unwrap();
    let (w, h, pixels) = rasterize(&rows, 3, 255, 0);
    assert_eq!(decode(w, h, &pixels), [url]);
}

#[test]
fn the_summary_says_when_each_limit_ends() {
    let p = plan("en");
    let ui = UiText::english();
    let s = qr::summary(&p, ui, TREATMENT);
    assert!(s.len() <= qr::MAX_SUMMARY_BYTES, "{} bytes", s.len());
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[0], "Microneedling, with PRP: Fri 20 Nov 2026");
    // Under the size limit the limits that end last stay, the soonest go.
    assert!(
        lines.contains(&"No tanning or tanning beds: until Fri 4 Dec"),
        "{s}"
    );
    assert!(!lines.iter().any(|l| l.contains("until Sun 22 Nov")), "{s}");
    // Every limit still to keep whose line is there ends on its date.
    for r in &p.guide.restrictions {
        if r.kind != RestrictionKind::Avoid || r.days.to < 0 {
            continue;
        }
        let end = p.date_of(r.days.to).unwrap();
        if let Some(line) = lines.iter().find(|l| l.starts_with(&*r.label.value)) {
            assert!(line.ends_with(&ui.date_short(end)), "{line}");
        }
    }
    assert!(s.contains("555-0100"), "{s}");
    assert_eq!(
        lines.last(),
        Some(&"Emergency: Call 911 or go to the nearest emergency room.")
    );
    // Limits already over are left out.
    let later = qr::summary(&p, ui, date(2026, 11, 24));
    assert!(!later.contains("No direct sun"), "{later}");
    assert!(later.contains("No tanning or tanning beds: until Fri 4 Dec"));
}

#[test]
fn the_summary_speaks_the_plans_language() {
    let p = plan("es");
    let s = qr::summary(&p, UiText::for_language("es"), TREATMENT);
    assert!(s.len() <= qr::MAX_SUMMARY_BYTES, "{} bytes", s.len());
    assert!(s.contains("hasta el"), "{s}");
    assert!(s.contains("Urgencias: "), "{s}");
}

#[test]
fn the_svg_is_an_inline_element_without_the_text() {
    let payload = "Line one\nNo direct sun: until Mon 23 Nov";
    let svg = qr::svg(payload).unwrap();
    assert!(svg.starts_with("<svg class=\"qr\""), "{svg}");
    assert!(svg.ends_with("</svg>"));
    assert!(!svg.contains("direct sun"));
    assert!(qr::svg(&"x".repeat(5000)).is_none());
    assert!(qr::half_blocks(&"x".repeat(5000)).is_none());
}
