//! Plain mode: a linear, screen-reader-friendly walk, driven by scripted input.

mod common;

use std::io::Cursor;
use std::path::PathBuf;

use careguide::config::ClinicContact;
use careguide::guide::{GuideSource, Library};
use careguide::plain::{PlainOptions, run};
use jiff::civil::date;

use common::*;

fn library() -> Library {
    Library::load(&GuideSource::Dir(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app"),
    ))
    .unwrap()
}

fn options() -> PlainOptions {
    PlainOptions {
        language: None,
        guide: None,
        addons: None,
        treatment_date: None,
        today: date(2026, 11, 23),
        contact: ClinicContact::default(),
        width: 60,
        interactive: true,
    }
}

fn walk(input: &str, options: &PlainOptions) -> String {
    let mut out = Vec::new();
    run(
        &library(),
        options,
        &mut Cursor::new(input.as_bytes().to_vec()),
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

const BOX_DRAWING: [char; 8] = ['─', '│', '┌', '┐', '█', '▒', '▲', '▼'];

#[test]
fn asks_language_add_ons_and_date_then_walks_section_by_section() {
    // Español, PRP and the serum, a bad date then a good one, then Enter
    // through the sections until the user stops with q.
    let out = walk("2\n1 3\n2026-02-30\n2026-11-20\n\n\nq\n", &options());
    assert!(out.contains("Choose a language: type its number and press Enter. / Elija un idioma"));
    assert!(out.contains("  2. Español"));
    assert!(
        out.contains("Añadidos: escriba los números"),
        "the questions switch to Spanish"
    );
    assert!(out.contains("`2026-02-30` is not a date: February 2026 has 28 days"));
    assert!(out.contains("MICROAGUJAS: SU PLAN DE CUIDADO"));
    assert!(out.contains("Fecha del tratamiento: vie 20 nov 2026"));
    assert!(out.contains("Sección 1 de"));
    assert!(out.contains("Sección 3 de"));
    assert!(!out.contains("Sección 4 de"), "q stopped the walk");
    assert!(!out.contains("Ese es el plan completo."));
    for c in BOX_DRAWING {
        assert!(!out.contains(c), "plain mode drew `{c}`");
    }
}

#[test]
fn to_the_end_the_same_content_as_print() {
    let mut options = options();
    options.language = Some("en".into());
    options.addons = Some(vec!["prp".into()]);
    options.treatment_date = Some(date(2026, 11, 20));
    // Enter through every section.
    let out = walk(&"\n".repeat(40), &options);
    assert!(out.contains("That is the whole plan."));
    for heading in [
        "BEFORE YOUR TREATMENT",
        "NUMBING",
        "AFTERCARE, DAY BY DAY",
        "LIMITS, DAY BY DAY",
        "WHEN TO CALL",
        "CONTACT",
    ] {
        assert!(out.contains(&format!("\n{heading}\n")), "{heading}");
    }
    assert!(out.contains("Day 3, Mon 23 Nov 2026: The third day after [TODAY]"));
    assert!(out.contains("(with PRP)"));
    for c in BOX_DRAWING {
        assert!(!out.contains(c), "plain mode drew `{c}`");
    }
    // The limits are in words instead of the chart.
    assert!(out.contains("No direct sun (avoid): Day 0 to Day 3"));
}

#[test]
fn not_on_a_terminal_it_prints_straight_through() {
    // The binary with piped input and output: no questions, no pauses.
    let o = std::process::Command::new(bin())
        .args([
            "--guides",
            app_guides().to_str().unwrap(),
            "--today",
            "2026-11-23",
            "--guide",
            "needling",
            "--date",
            "2026-11-20",
        ])
        .current_dir(root())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains("Press Enter"));
    assert!(out.contains("That is the whole plan."));
    assert!(out.contains("Day 3, Mon 23 Nov 2026"));
    // TERM=dumb is plain too, and a kiosk refuses to run without a terminal.
    let o = std::process::Command::new(bin())
        .args(["--kiosk"])
        .current_dir(root())
        // (With TERM=dumb the kiosk is the plain kiosk, which reads a pipe.)
        .env("TERM", "xterm-256color")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("the kiosk needs a terminal"));
}

#[test]
fn the_text_and_the_contact_block_say_the_clinics_own_phone() {
    // A guide line that names the phone, and a clinic whose config sets
    // another one: the line and the contact block both say the clinic's.
    let path = app_guides().join("needling.toml");
    let source = std::fs::read_to_string(&path).unwrap().replace(
        "main_message = \"Keep your skin clean,",
        "main_message = \"Call {clinic.phone} with questions. Keep your skin clean,",
    );
    assert!(source.contains("{clinic.phone}"), "the fixture changed");
    let library = Library::from_files(vec![(
        path,
        careguide::guide::library::FileContent::Bytes(source.into_bytes()),
    )]);
    assert_eq!(library.error_lines(), Vec::<String>::new());
    let mut options = options();
    options.contact.phone = Some(careguide::guide::Text::plain("555-7777"));
    options.interactive = false;
    let mut out = Vec::new();
    run(&library, &options, &mut Cursor::new(Vec::new()), &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("Call 555-7777 with questions."), "{out}");
    assert!(!out.contains("555-0100"), "the guide's own phone: {out}");
}
