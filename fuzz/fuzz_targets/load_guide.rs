//! Loads, validates and lints arbitrary bytes as a guide file, then merges
//! every add-on and renders the plan as text, Markdown and HTML when it loads.
#![no_main]

use std::path::PathBuf;

use careguide::guide::library::{FileContent, load_file};
use careguide::i18n::UiText;
use careguide::output::{document, html, markdown, text};
use careguide::plan::Plan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (report, guide) = load_file(PathBuf::from("fuzz.toml"), FileContent::Bytes(data.to_vec()));
    for line in report.lines() {
        assert!(!line.contains('\u{1b}'), "a diagnostic carries an escape: {line:?}");
    }
    if let Some(g) = guide {
        let ids: Vec<String> = g.addons.iter().map(|a| a.id.value.clone()).collect();
        let plan = Plan::new(&g, &ids, jiff::civil::Date::new(2026, 11, 20).ok()).expect("its own add-ons");
        let ui = UiText::for_language(&g.language);
        let doc = document::build(&plan, ui, &g.contact, jiff::civil::Date::new(2026, 11, 23).ok());
        for out in [text::render(&doc, ui, 60), markdown::render(&doc, ui), html::render(&doc, ui)] {
            assert!(!out.contains('\u{1b}'), "an escape reached the output");
        }
    }
});
