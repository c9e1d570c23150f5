//! Guide format 2, as a clinic author meets it: add-ons that merge where
//! things happen, values written once, languages that agree line for line,
//! plain text, reading level per sentence, and the config checked too.
//! Each test changes a copy of the test guide the way an author would and
//! reads what `check` (or `print`) says.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// A copy of the test guides (English and Spanish) with edits applied.
struct Guides {
    dir: tempfile::TempDir,
}

impl Guides {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        for name in ["needling.toml", "needling.es.toml"] {
            std::fs::copy(app_guides().join(name), dir.path().join(name)).unwrap();
        }
        Guides { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Replaces `from` (which must be there) with `to` in one file.
    fn edit(self, name: &str, from: &str, to: &str) -> Self {
        let path = self.path(name);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "`{from}` is not in {name}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        self
    }

    fn en(self, from: &str, to: &str) -> Self {
        self.edit("needling.toml", from, to)
    }

    fn es(self, from: &str, to: &str) -> Self {
        self.edit("needling.es.toml", from, to)
    }

    /// `careguide check` on the folder: (exit code, lines with the folder
    /// shortened to `dir/`).
    fn check(&self, extra: &[&str]) -> (Option<i32>, Vec<String>) {
        let dir = self.dir.path().to_str().unwrap();
        let mut args = vec!["check"];
        args.extend_from_slice(extra);
        args.push(dir);
        let o = run(&args);
        let lines = stdout(&o)
            .lines()
            .map(|l| l.replace(&format!("{dir}/"), "dir/"))
            .collect();
        (o.status.code(), lines)
    }

    /// `careguide print needling ...` on the folder, wide enough that
    /// no line wraps.
    fn print(&self, args: &[&str]) -> String {
        let dir = self.dir.path().to_str().unwrap();
        let mut all = vec!["--guides", dir, "print", "needling", "--width", "1000"];
        all.extend_from_slice(args);
        let o = run(&all);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    }
}

/// The line:col where `needle` starts in a file (1-based, columns in characters).
fn at(path: &Path, needle: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    format!("{line}:{col}")
}

fn has(lines: &[String], wanted: &str) -> bool {
    lines.iter().any(|l| l.contains(wanted))
}

#[test]
fn the_test_guides_pass_every_check() {
    let (code, lines) = Guides::new().check(&["--strict", "--readability"]);
    assert_eq!(code, Some(0), "{lines:#?}");
    assert!(
        !lines.iter().any(|l| l.contains(": warning: ")),
        "{lines:#?}"
    );
}

// ---------------------------------------------------------------- add-ons

#[test]
fn add_on_lines_sit_where_they_happen() {
    let g = Guides::new();
    let with = g.print(&["--addon", "prp"]);
    let draw = with.find("staff draw a small amount of blood").unwrap();
    let gel = with.find("Staff spread a smooth, clear gel").unwrap();
    assert!(draw < gel, "the blood draw comes before needling starts");
    // PRP's "do not wash today" replaces the guide's "if you wash today".
    assert!(!with.contains("If you wash today"), "replaced with PRP");
    assert!(with.contains("Avoid: With PRP, do not wash your face today."));
    let without = g.print(&[]);
    assert!(without.contains("If you wash today"));
    assert!(!without.contains("With PRP"));
}

#[test]
fn a_placement_that_names_no_line_is_an_error_with_a_suggestion() {
    let g = Guides::new().en(
        "{ before = \"gel\", text = \"Before needling",
        "{ before = \"gell\", text = \"Before needling",
    );
    let (code, lines) = g.check(&[]);
    assert_eq!(code, Some(1));
    let pos = at(&g.path("needling.toml"), "\"gell\"");
    assert!(
        has(
            &lines,
            &format!(
                "dir/needling.toml:{pos}: error: `before = \"gell\"`: the guide has no line with id `gell`, did you mean `gel`?"
            )
        ),
        "{lines:#?}"
    );
}

#[test]
fn a_placement_in_another_list_is_an_error() {
    let g = Guides::new().en(
        "{ before = \"gel\", text = \"Before needling",
        "{ before = \"wash-today\", text = \"Before needling",
    );
    let (code, lines) = g.check(&[]);
    assert_eq!(code, Some(1));
    assert!(
        has(
            &lines,
            "`wash-today` is a `skincare` line of the aftercare for Day 0; this line can only be placed next to a line of `procedure.steps`"
        ),
        "{lines:#?}"
    );
}

#[test]
fn a_visit_on_another_day_brings_its_own_dated_care() {
    let out = Guides::new().print(&["--addon", "peel", "--date", "2026-11-20"]);
    // Its limits are on the timeline, counted from the visit (Day 14).
    assert!(
        out.contains(
            "No direct sun after the peel (with a chemical peel) (avoid): Day 14 to Day 21"
        ),
        "{out}"
    );
    assert!(out.contains("No retinoids or acids before the peel (with a chemical peel) (avoid):"));
    // Its care lands on the aftercare days before the visit, with the date.
    assert!(
        out.contains("Do not use retinoids or acids before your peel on Day 14 (Fri 4 Dec)."),
        "{out}"
    );
}

#[test]
fn an_add_on_makes_a_limit_stricter_and_the_text_follows() {
    // The guide's "call us" line names the end of the direct-sun limit.
    let g = Guides::new();
    let base = g.print(&[]);
    assert!(
        base.contains("Redness that spreads, or gets worse after Day 3."),
        "{base}"
    );
    // The peel add-on makes that limit longer: the guide's sentence follows.
    let g = g
        .en(
            "to = 3\nnote = \"Around your peel, stay",
            "to = 6\nnote = \"Around your peel, stay",
        )
        .es(
            "to = 3\nnote = \"Alrededor de su peeling, no tome",
            "to = 6\nnote = \"Alrededor de su peeling, no tome",
        );
    let with = g.print(&["--addon", "peel"]);
    assert!(
        with.contains("Redness that spreads, or gets worse after Day 6."),
        "{with}"
    );
    assert!(
        with.contains("No direct sun (avoid): Day 0 to Day 6 (longer with a chemical peel)"),
        "{with}"
    );
}

// ---------------------------------------------------------------- values written once

#[test]
fn references_say_the_value_in_the_readers_language_everywhere() {
    let g = Guides::new()
        .en("minutes = 30", "minutes = 45")
        .es("minutes = 30", "minutes = 45");
    let out = g.print(&[]);
    assert!(out.contains("You wait about 45 minutes while the cream works."));
    let es = g.print(&["--lang", "es"]);
    assert!(es.contains("Usted espera unos 45 minutos mientras la crema hace efecto."));
    let md = g.print(&["--format", "markdown"]);
    assert!(md.contains("You wait about 45 minutes"));
    let html = g.print(&["--format", "html", "--lang", "es", "--date", "2026-11-20"]);
    assert!(
        html.contains("después del día 3 (lun 23 nov)"),
        "dated in Spanish"
    );
}

#[test]
fn an_unknown_reference_is_an_error_inside_the_string() {
    let g = Guides::new().en("{numbing.minutes} while", "{numbing.minute} while");
    let (code, lines) = g.check(&[]);
    assert_eq!(code, Some(1));
    let pos = at(&g.path("needling.toml"), "{numbing.minute}");
    assert!(
        has(
            &lines,
            &format!(
                "dir/needling.toml:{pos}: error: unknown reference `{{numbing.minute}}`, did you mean `{{numbing.minutes}}`?"
            )
        ),
        "{lines:#?}"
    );
}

/// Each of the drifts the issue found in the shipped guide: a number in
/// prose the data contradicts is a warning where it is written.
#[test]
fn prose_that_contradicts_the_data_is_a_warning_with_the_reference_to_use() {
    // "no peel until Day 4" beside a limit that ends Day 3.
    let g = Guides::new().en(
        "on the area before {limit.no-skin-treatments.after}.",
        "on the area until Day 4.",
    );
    let (_, lines) = g.check(&[]);
    let pos = at(&g.path("needling.toml"), "until Day 4");
    assert!(
        has(
            &lines,
            &format!(
                "dir/needling.toml:{pos}: warning: `until Day 4` disagrees with restriction `no-skin-treatments`, which runs Day 0 to Day 3: write {{limit.no-skin-treatments.last}}"
            )
        ),
        "{lines:#?}"
    );

    // No makeup moved to Days 0-1: "light makeup is fine from Day 1".
    let g = Guides::new()
        .en("id = \"no-makeup\"\ncategory = \"makeup\"\nkind = \"avoid\"\nlabel = \"No makeup\"\nfrom = 0\nto = 0",
            "id = \"no-makeup\"\ncategory = \"makeup\"\nkind = \"avoid\"\nlabel = \"No makeup\"\nfrom = 0\nto = 1");
    let (_, lines) = g.check(&[]);
    let pos = at(
        &g.path("needling.toml"),
        "from Day 1 if your skin is calm. Use clean brushes.",
    );
    assert!(
        has(
            &lines,
            &format!(
                "dir/needling.toml:{pos}: warning: `from Day 1` disagrees with restriction `no-makeup`, which runs Day 0 to Day 1: write {{limit.no-makeup.after}}"
            )
        ),
        "{lines:#?}"
    );

    // Pools moved to Day 5: "From Day 4 you may use pools".
    let g = Guides::new().en(
        "label = \"No pools, hot tubs or saunas\"\nfrom = 0\nto = 3",
        "label = \"No pools, hot tubs or saunas\"\nfrom = 0\nto = 5",
    );
    let (_, lines) = g.check(&[]);
    let pos = at(&g.path("needling.toml"), "From Day 4 you may use pools");
    assert!(
        has(
            &lines,
            &format!(
                "dir/needling.toml:{pos}: warning: `From Day 4` disagrees with restriction `no-pools-saunas`, which runs Day 0 to Day 5"
            )
        ),
        "{lines:#?}"
    );

    // Numbing changed to 45 minutes under a sentence that says 30.
    let g = Guides::new()
        .en("{numbing.minutes} while", "30 minutes while")
        .en("minutes = 30", "minutes = 45");
    let (_, lines) = g.check(&[]);
    let pos = at(&g.path("needling.toml"), "30 minutes while");
    assert!(
        has(
            &lines,
            &format!(
                "dir/needling.toml:{pos}: warning: `30 minutes` disagrees with the numbing time in the data (45 minutes): write {{numbing.minutes}}"
            )
        ),
        "{lines:#?}"
    );
}

#[test]
fn expected_ranges_are_not_contradictions() {
    // "fades in 1 to 3 days", "Days 4 to 7", hours: what to expect, not limits.
    let g = Guides::new().en(
        "This most often fades in 1 to 3 days.",
        "Redness from sun exposure fades in 1 to 3 days. Days 4 to 7 are calmer. Numbness lasts 2 hours.",
    );
    let g = g.es(
        "Casi siempre desaparece en 1 a 3 días.",
        "El enrojecimiento por el sol se va en 1 a 3 días. Los días 4 a 7 son más tranquilos. El adormecimiento dura 2 horas.",
    );
    let (code, lines) = g.check(&["--strict"]);
    assert_eq!(code, Some(0), "{lines:#?}");
}

// ---------------------------------------------------------------- languages agree

#[test]
fn phone_numbers_are_data_equal_in_every_language() {
    let g = Guides::new().es("phone = \"555-0100\"", "phone = \"555-0101\"");
    let (code, lines) = g.check(&[]);
    assert_eq!(code, Some(1));
    let pos = at(&g.path("needling.es.toml"), "\"555-0101\"");
    assert!(
        has(
            &lines,
            &format!(
                "dir/needling.es.toml:{pos}: error: [contact] `phone` is `555-0101` here but `555-0100` in the `en` version"
            )
        ),
        "{lines:#?}"
    );
    // And a phone must be a number.
    let (_, lines) = Guides::new()
        .en("phone = \"555-0100\"", "phone = \"Ask at the desk\"")
        .check(&[]);
    assert!(
        has(&lines, "`phone` in [contact] must be a phone number"),
        "{lines:#?}"
    );
}

#[test]
fn a_line_added_in_one_language_is_reported_where_it_is_missing() {
    // A line only in English (no digits to give it away).
    let g = Guides::new().en(
        "  \"Sleep on a clean pillowcase tonight.\",\n",
        "  \"Sleep on a clean pillowcase tonight.\",\n  \"Keep pets off your pillow tonight.\",\n",
    );
    let (code, lines) = g.check(&[]);
    assert_eq!(code, Some(1));
    let line = lines
        .iter()
        .find(|l| l.contains("\"Keep pets off your pillow tonight.\""))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    let pos = at(
        &g.path("needling.es.toml"),
        "\"Trate de no tocarse la cara.\"",
    );
    assert!(
        line.starts_with(&format!(
            "dir/needling.es.toml:{pos}: error: missing after this: "
        )) && line.contains("from the `en` version (")
            && line.contains(
                "(aftercare Day 0 care.skin) has no counterpart in this file; add its translation"
            ),
        "{line}"
    );
    // And one only in Spanish is missing in the English file.
    let g = Guides::new().es(
        "  \"Duerma con una funda de almohada limpia esta noche.\",\n",
        "  \"Duerma con una funda de almohada limpia esta noche.\",\n  \"Cambie la funda de su almohada cada día.\",\n",
    );
    let (_, lines) = g.check(&[]);
    assert!(
        lines.iter().any(|l| l.starts_with("dir/needling.toml:")
            && l.contains("missing after this: ")
            && l.contains("\"Cambie la funda de su almohada cada")
            && l.contains("from the `es` version")),
        "{lines:#?}"
    );
}

#[test]
fn a_missing_screening_question_is_named() {
    let g = Guides::new().es(
        "[[preparation.screening]]\nid = \"pregnant\"",
        "[[preparation.screening]]\nid = \"embarazada\"",
    );
    let (_, lines) = g.check(&[]);
    assert!(
        has(
            &lines,
            "missing here: screening question `pregnant` \"Are you pregnant or breastfeeding?\" from the `en` version"
        ),
        "{lines:#?}"
    );
}

#[test]
fn content_versions_must_match() {
    let g = Guides::new().es("content_version = \"1.1\"", "content_version = \"1.2\"");
    let (code, lines) = g.check(&[]);
    assert_eq!(code, Some(1));
    assert!(
        has(
            &lines,
            "content_version is \"1.2\" here but \"1.1\" in the `en` version"
        ),
        "{lines:#?}"
    );
}

// ---------------------------------------------------------------- plain text and reading level

#[test]
fn markup_is_an_error_where_it_is() {
    for (markup, what) in [
        ("<b>clean</b>", "an HTML tag"),
        ("**clean**", "Markdown bold (`**`)"),
        ("_clean_", "Markdown emphasis"),
    ] {
        let g = Guides::new().en(
            "Sleep on a clean pillowcase",
            &format!("Sleep on a {markup} pillowcase"),
        );
        let (code, lines) = g.check(&[]);
        assert_eq!(code, Some(1));
        let pos = at(&g.path("needling.toml"), markup);
        assert!(
            has(
                &lines,
                &format!("dir/needling.toml:{pos}: error: {what} in guide text")
            ),
            "{lines:#?}"
        );
    }
}

#[test]
fn one_hard_sentence_is_flagged_though_its_section_passes() {
    let hard = "Intradermal collagen remodeling subsequently necessitates extraordinarily meticulous photoprotective \
                considerations, particularly regarding ultraviolet-associated postinflammatory hyperpigmentation \
                complications.";
    let g = Guides::new().en(
        "It is a minor skin treatment. It is not surgery.",
        &format!("It is a minor skin treatment. It is not surgery. {hard}"),
    );
    let (code, lines) = g.check(&["--strict", "--readability"]);
    assert_eq!(code, Some(1));
    let pos = at(&g.path("needling.toml"), "Intradermal collagen");
    assert!(
        has(
            &lines,
            &format!("dir/needling.toml:{pos}: warning: a hard sentence in overview")
        ),
        "{lines:#?}"
    );
    assert!(
        !has(&lines, "section `overview` is hard to read"),
        "the section average hides it"
    );
    // The main message and the disclaimer are read as closely.
    let g = Guides::new().en("main_message = \"", &format!("main_message = \"{hard} "));
    let (_, lines) = g.check(&["--readability"]);
    assert!(has(&lines, "a hard sentence in main message"), "{lines:#?}");
}

#[test]
fn readability_names_smog_and_the_inflesz_band() {
    let (_, lines) = Guides::new().check(&["--readability"]);
    let text = lines.join("\n");
    assert!(
        text.contains("beside it SMOG grade") && text.contains("SMOG "),
        "{text}"
    );
    assert!(
        text.contains("beside it the INFLESZ band") && text.contains("INFLESZ bastante fácil"),
        "{text}"
    );
}

// ---------------------------------------------------------------- config and versions

#[test]
fn check_checks_the_clinic_config_too() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("broken.toml");
    std::fs::write(&config, "[clinic]\nnmae = \"Bright Skin\"\n").unwrap();
    let o = run(&[
        "--config",
        config.to_str().unwrap(),
        "check",
        app_guides().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(&format!(
            "{}:2:1: error: unknown key `nmae` in [clinic], did you mean `name`?",
            config.display()
        )),
        "{}",
        stdout(&o)
    );
    // A config given as a guide: one message, not a guide's missing keys.
    let o = run(&["check", config.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("this is a careguide config file"), "{out}");
}

#[test]
fn version_one_files_still_load_with_a_way_forward() {
    let g = Guides::new()
        .en("format_version = 2", "format_version = 1")
        .es("format_version = 2", "format_version = 1");
    let (code, lines) = g.check(&[]);
    assert_eq!(code, Some(1), "the test guide uses version 2 features");
    assert!(
        has(&lines, "a line id needs `format_version = 2`"),
        "{lines:#?}"
    );
    assert!(
        has(&lines, "a reference (`{...}`) needs `format_version = 2`"),
        "{lines:#?}"
    );
    // A plain version 1 file loads, with a warning saying how to move on.
    let dir = tempfile::tempdir().unwrap();
    let v1 = std::fs::read_to_string(fixture("bad/day-gap.toml"))
        .unwrap()
        .replace("format_version = 2", "format_version = 1")
        .replace(
            "phone = \"555-0100\"",
            "phone = \"The number on your card\"",
        )
        .replace("[[aftercare]]\nfrom = 3", "[[aftercare]]\nfrom = 1");
    std::fs::write(dir.path().join("example-peel.toml"), v1).unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("warning: this guide is written in format_version 1, which careguide still reads; to move it to format_version 2: set `format_version = 2`"));
}

#[test]
fn a_visits_text_counts_its_days_from_the_visit() {
    let note = "label = \"No retinoids or acids before the peel\"\nfrom = -5\nto = -1";
    let g = Guides::new().en(
        note,
        &format!("{note}\nnote = \"Stop them 5 days before your peel.\""),
    );
    let (_, lines) = g.check(&[]);
    assert!(
        !has(&lines, "5 days before"),
        "counted from the visit: {lines:#?}"
    );
    let g = Guides::new().en(
        note,
        &format!("{note}\nnote = \"Stop them 3 days before your peel.\""),
    );
    let (_, lines) = g.check(&[]);
    assert!(
        has(
            &lines,
            "`3 days before` disagrees with restriction `peel-no-actives`"
        ),
        "{lines:#?}"
    );
}

/// The app loads the language it shows first and the rest after its first
/// frame (`Library::load_first`, then `complete`); the result must be what
/// loading everything at once gives, the translation checks included.
#[test]
fn loading_the_shown_language_first_then_the_rest_is_loading_everything() {
    use careguide::guide::GuideSource;
    use careguide::guide::library::{Checks, Library};
    let describe = |l: &Library| {
        let guides: Vec<String> = l
            .guides
            .iter()
            .map(|g| format!("{} {}", g.id.as_str(), g.language.as_str()))
            .collect();
        let reports: Vec<String> = l
            .reports
            .iter()
            .flat_map(|r| r.lines().collect::<Vec<_>>())
            .collect();
        (guides, reports)
    };
    for guides in [
        Guides::new(),
        // A wrong number in the translation: refused either way.
        Guides::new().es("cada 2 horas", "cada 3 horas"),
    ] {
        let source = GuideSource::Dir(guides.dir.path().to_path_buf());
        let all = Library::load_with(&source, Checks::ErrorsOnly).unwrap();
        let (first, later) = Library::load_first(&source, Checks::ErrorsOnly, "en").unwrap();
        assert_eq!(describe(&first).0, ["needling en"]);
        assert!(!later.is_empty(), "the Spanish file was not set aside");
        assert_eq!(describe(&first.complete(later)), describe(&all));
    }
    // The wrong number is caught after completing, as at once.
    let guides = Guides::new().es("cada 2 horas", "cada 3 horas");
    let source = GuideSource::Dir(guides.dir.path().to_path_buf());
    let (first, later) = Library::load_first(&source, Checks::ErrorsOnly, "en").unwrap();
    let done = first.complete(later);
    assert_eq!(describe(&done).0, ["needling en"]);
    assert!(done.error_count() > 0);
}

/// The files set aside for after the first frame are read then, not before:
/// one changed in between loads as it is then, and one gone by then is
/// reported as unreadable while the rest still loads.
#[test]
fn the_other_languages_are_read_after_the_first_frame() {
    use careguide::guide::GuideSource;
    use careguide::guide::library::{Checks, Library};
    let guides = Guides::new();
    let source = GuideSource::Dir(guides.dir.path().to_path_buf());

    let (first, later) = Library::load_first(&source, Checks::ErrorsOnly, "en").unwrap();
    let guides = guides.es("cada 2 horas", "cada 3 horas");
    let done = first.complete(later);
    assert!(
        done.error_lines()
            .iter()
            .any(|l| l.contains("needling.es.toml")),
        "the Spanish file was read before the change: {:#?}",
        done.error_lines()
    );

    let (first, later) = Library::load_first(&source, Checks::ErrorsOnly, "en").unwrap();
    std::fs::remove_file(guides.path("needling.es.toml")).unwrap();
    let done = first.complete(later);
    let ids: Vec<(&str, &str)> = done
        .guides
        .iter()
        .map(|g| (g.id.as_str(), g.language.as_str()))
        .collect();
    assert_eq!(ids, [("needling", "en")]);
    let lines = done.error_lines();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("needling.es.toml") && l.contains("cannot read")),
        "{lines:#?}"
    );
}
