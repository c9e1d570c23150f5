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
        if VOID.contains(&name.as_str()) {
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
        "<script", "<link", "<iframe", "<img", "http://", "https://", "src=", "@import", "url(",
    ] {
        assert!(!page.contains(banned), "the page contains `{banned}`");
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
