//! The command-line contract: list, check, print, completions, man, exit codes.

mod common;

use common::*;

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

#[test]
fn list_prints_one_line_per_guide_with_id_language_and_title() {
    let o = run_app(&["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "needling  en     Needling test guide: your care plan\n\
         needling  es     Guía de prueba de microagujas: su plan de cuidado\n"
    );
}

#[test]
fn list_works_from_any_folder_with_the_built_in_guides() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).is_empty(), "{}", stderr(&o));
    // And it printed the same guides as the repository's folder.
    assert_eq!(stdout(&o), stdout(&run(&["list"])));
}

#[test]
fn list_reads_the_guides_folder_given() {
    let o = run(&["--guides", fixture("good").to_str().unwrap(), "list"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "example-peel  en     Light peel: your care plan\n"
    );
}

#[test]
fn list_skips_a_bad_file_but_lists_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("good/example-peel.toml"),
        dir.path().join("example-peel.toml"),
    )
    .unwrap();
    std::fs::copy(
        fixture("bad/syntax-error.toml"),
        dir.path().join("broken.toml"),
    )
    .unwrap();
    let o = run(&["--guides", dir.path().to_str().unwrap(), "list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("example-peel"));
    assert!(stderr(&o).contains("broken.toml"), "{}", stderr(&o));
}

#[test]
fn missing_guides_folder_is_a_clear_error() {
    let o = run(&["--guides", "/nonexistent/guides", "list"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "careguide: guides folder `/nonexistent/guides` does not exist\n"
    );
}

/// Checks one bad fixture and returns its diagnostic lines, with the
/// fixture folder shortened to `bad/`.
fn check_fixture(name: &str) -> Vec<String> {
    let path = format!("tests/fixtures/bad/{name}.toml");
    let o = run(&["check", &path]);
    assert_eq!(o.status.code(), Some(1), "{name} should fail the check");
    stdout(&o)
        .lines()
        .map(|l| l.replace("tests/fixtures/bad/", "bad/"))
        .collect()
}

#[test]
fn check_points_at_a_syntax_error() {
    assert_eq!(
        check_fixture("syntax-error"),
        ["bad/syntax-error.toml:4:36: error: TOML syntax: invalid basic string, expected `\"`"]
    );
}

#[test]
fn check_suggests_the_closest_key_and_reports_every_error() {
    assert_eq!(
        check_fixture("unknown-key"),
        [
            "bad/unknown-key.toml:45:1: error: missing key `minutes` in [numbing]: expected a whole number",
            "bad/unknown-key.toml:47:1: error: unknown key `minuts` in [numbing], did you mean `minutes`?",
            "bad/unknown-key.toml:77:1: error: unknown key `sun_avodance` in [[restrictions]]; \
             expected one of: id, category, kind, label, day, from, to, note, reminder, remind",
        ]
    );
}

#[test]
fn check_reports_a_missing_field() {
    assert_eq!(
        check_fixture("missing-field"),
        [
            "bad/missing-field.toml:1:1: error: missing key `disclaimer` in the top level: expected a text"
        ]
    );
}

#[test]
fn check_reports_a_day_gap() {
    let out = check_fixture("day-gap");
    assert!(
        out.contains(&"bad/day-gap.toml:68:8: error: aftercare has a gap: nothing covers Days 1-2 (this entry starts at Day 3)".to_string()),
        "{out:#?}"
    );
}

#[test]
fn check_rejects_a_control_character_in_text() {
    assert_eq!(
        check_fixture("control-char"),
        [
            "bad/control-char.toml:62:11: error: `expect` in [aftercare.care.skin] contains U+001B ESCAPE at character 14: \
          guide text must be plain text, with no control or invisible characters"
        ]
    );
}

#[test]
fn check_rejects_an_unknown_format_version() {
    assert_eq!(
        check_fixture("unknown-version"),
        [
            "bad/unknown-version.toml:1:18: error: unsupported format_version 3: this careguide reads format_version 1 \
          to 2; update careguide or rewrite the guide for version 2"
        ]
    );
}

#[test]
fn check_reports_every_semantic_error() {
    let out = check_fixture("semantic");
    let errors: Vec<&String> = out.iter().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 5, "{out:#?}");
    assert!(out[0].contains("duplicate category id `skin`: it is already used on line 17"));
    assert!(
        out[1]
            .ends_with("unknown category `sunn` in the aftercare for Day 0; expected one of: skin"),
        "{}",
        out[1]
    );
    assert!(out[2].contains("has no `do` or `avoid` line"));
    assert!(out[3].contains("restriction category `sunn`"));
    assert!(out[4].contains("add-on `mask` has aftercare for Day 20"));
}

#[test]
fn warnings_fail_check_only_with_strict() {
    // The file name does not match the guide id: a warning.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("misnamed.toml");
    std::fs::copy(fixture("good/example-peel.toml"), &path).unwrap();
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains(": warning: the file name `misnamed.toml`"));
    let o = run(&["check", "--strict", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn check_of_good_fixture_passes() {
    let o = run(&["check", "--strict", "tests/fixtures/good"]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(stderr(&o).contains("checked 1 file(s): 0 error(s), 0 warning(s)"));
}

#[test]
fn damaged_files_get_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty.toml", b"", "1:1: error: the file is empty"),
        (
            "latin1.toml",
            b"id = \"caf\xe9\"\n",
            "1:10: error: the file is not valid UTF-8",
        ),
        ("binary.toml", b"\x00\x01\x02", "error: TOML syntax"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = run(&["check", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert!(stdout(&o).contains(expected), "{name}: {}", stdout(&o));
    }
}

#[test]
fn bom_and_crlf_files_load() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("good/example-peel.toml")).unwrap();
    let path = dir.path().join("example-peel.toml");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(text.replace('\n', "\r\n").bytes());
    std::fs::write(&path, bytes).unwrap();
    let o = run(&["check", "--strict", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stdout(&o));
}

#[test]
fn print_shows_the_whole_dated_plan_in_order() {
    let o = run_app(&[
        "print",
        "needling",
        "--date",
        "2026-11-20",
        "--today",
        "2026-11-23",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let order = [
        "THE MAIN THING TO REMEMBER",
        "WHAT IT IS",
        "BEFORE YOUR TREATMENT",
        "NUMBING",
        "YOUR TREATMENT",
        "AFTERCARE, DAY BY DAY",
        "LIMITS, DAY BY DAY",
        "WHEN TO CALL",
        "CONTACT",
        "PLEASE NOTE",
    ];
    let mut at = 0;
    for heading in order {
        let found = out[at..]
            .find(&format!("\n{heading}\n"))
            .unwrap_or_else(|| panic!("`{heading}` missing or out of order"));
        at += found + 1;
    }
    assert!(out.contains("Treatment date: Fri 20 Nov 2026"));
    assert!(out.contains("Day 2, Sun 22 Nov 2026"), "dated days");
    assert!(out.contains("Day 3, Mon 23 Nov 2026"));
    // --today marks the day it falls on.
    let today_line = out
        .lines()
        .find(|l| l.contains("[TODAY]"))
        .expect("today marked");
    assert!(
        today_line.starts_with("Day 3, Mon 23 Nov 2026"),
        "{today_line}"
    );
    assert_eq!(out.matches("[TODAY]").count(), 1);
}

#[test]
fn print_merges_add_ons() {
    let plain = stdout(&run_app(&["print", "needling"]));
    let with_prp = stdout(&run_app(&["print", "needling", "--addon", "prp"]));
    assert!(with_prp.len() > plain.len());
    assert!(with_prp.contains("(with PRP)"), "add-on lines are marked");
    assert!(!plain.contains("(with PRP)"));
}

#[test]
fn print_snapshot_of_the_fixture_guide() {
    let o = run(&[
        "--guides",
        "tests/fixtures/good",
        "print",
        "example-peel",
        "--addon",
        "mask",
        "--date",
        "2026-11-20",
        "--today",
        "2026-11-21",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    insta::assert_snapshot!("print_text", stdout(&o));
    let o = run(&[
        "--guides",
        "tests/fixtures/good",
        "print",
        "example-peel",
        "--format",
        "markdown",
        "--date",
        "2026-11-20",
        "--today",
        "2026-11-21",
    ]);
    insta::assert_snapshot!("print_markdown", stdout(&o));
}

#[test]
fn print_errors_are_clear() {
    let o = run_app(&["print", "nosuchguide"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no guide `nosuchguide`; the guides are: needling"));

    let o = run_app(&["print", "needling", "--addon", "nosuch"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("guide `needling` has no add-on `nosuch`; available: prp, peel, serum"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_bad_date_is_a_usage_error_with_a_clear_message() {
    let o = run_app(&["print", "needling", "--date", "2026-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("`2026-02-30` is not a date: February 2026 has 28 days"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--today", "yesterday", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("write it as YYYY-MM-DD"));
}

#[test]
fn help_is_complete_on_every_command() {
    for args in [
        vec!["--help"],
        vec!["list", "--help"],
        vec!["check", "--help"],
        vec!["print", "--help"],
        vec!["completions", "--help"],
        vec!["man", "--help"],
    ] {
        let o = run(&args);
        assert!(o.status.success(), "{args:?}");
        assert!(stdout(&o).contains("Usage: careguide"), "{args:?}");
    }
    let help = stdout(&run(&["print", "--help"]));
    for option in [
        "--date", "--addon", "--format", "--lang", "--guides", "--today",
    ] {
        assert!(help.contains(option), "print --help lacks {option}");
    }
}

#[test]
fn completions_and_man_page() {
    let o = run(&["completions", "bash"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("_careguide()"));
    let o = run(&["man"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with(".ie") || stdout(&o).contains(".TH careguide"));
}

#[test]
fn unknown_command_is_a_usage_error() {
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    let _ = lines(&stderr(&o));
}

/// The shipped guides' one test: they pass every check, warnings and
/// reading level included (in the folder and as built into the binary), with
/// English at grade 6 or below on average and Spanish at Fernández-Huerta 70
/// or above. Nothing here depends on their wording.
#[test]
fn shipped_guides_pass_check_strict_readability() {
    for args in [
        vec!["check", "--strict", "--readability"],
        vec!["check", "--strict", "--readability", "guides"],
    ] {
        let o = run(&args);
        assert!(o.status.success(), "{args:?}\n{}{}", stdout(&o), stderr(&o));
        assert!(!stdout(&o).contains(": warning: "), "{}", stdout(&o));
    }
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["check", "--strict", "--readability"]);
    assert!(o.status.success(), "built-in guides\n{}", stdout(&o));
    let out = stdout(&o);
    let average = |measure: &str| -> f64 {
        let table = out
            .split("reading level by section (")
            .find(|t| t.starts_with(measure))
            .unwrap_or_else(|| panic!("no {measure} table in\n{out}"));
        let line = table
            .lines()
            .find(|l| l.trim_start().starts_with("average"))
            .expect("an average");
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    };
    assert!(average("Flesch-Kincaid") <= 6.0, "{out}");
    assert!(average("Fernández-Huerta") >= 70.0, "{out}");
}

#[test]
fn readability_check_fails_a_hard_guide_naming_the_section() {
    let o = run(&["check", "--readability", "--strict", "tests/fixtures/hard"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.lines().any(|l| l.starts_with("tests/fixtures/hard/example-peel.toml:4:9: warning: section `overview` is hard to read: Flesch-Kincaid grade 23.3")),
        "{out}"
    );
    // Each hard sentence is flagged where it starts in the file.
    assert!(
        out.contains("example-peel.toml:25:11: warning: a hard sentence in overview (17 words, Flesch-Kincaid grade 34.8"),
        "{out}"
    );
    assert!(
        out.contains("example-peel.toml:25:196: warning: a hard sentence in overview (10 words"),
        "{out}"
    );
    assert!(out.contains("overview") && out.contains("too hard"));
    // Without --readability the grade is not checked.
    let o = run(&["check", "--strict", "tests/fixtures/hard"]);
    assert!(o.status.success(), "{}", stdout(&o));
}

#[test]
fn plain_language_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("good/example-peel.toml"))
        .unwrap()
        .replace(
            "Rinse with cool water only.",
            "Rinse with cool water only, and most people, about 80% of them, find that the skin is calm again after one or two days of this simple and gentle routine at home.",
        )
        .replace(
            "Do not go out in the sun.",
            "Do not go out in the sun for 1/2 a day.",
        );
    let path = dir.path().join("example-peel.toml");
    std::fs::write(&path, text).unwrap();
    let o = run(&["check", path.to_str().unwrap()]);
    assert!(o.status.success(), "warnings only");
    let out = stdout(&o);
    assert!(
        out.contains("warning: a sentence of 31 words in aftercare Day 0"),
        "{out}"
    );
    assert!(
        out.contains("warning: a percentage (`%`) in aftercare Day 0"),
        "{out}"
    );
    assert!(
        out.contains("warning: a fraction (`1/2`) in aftercare Day 0"),
        "{out}"
    );
    assert_eq!(
        run(&["check", "--strict", path.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
}

/// `pin-hash` refuses PINs anyone would try, and short ones unless asked.
#[test]
fn pin_hash_refuses_trivial_and_short_pins() {
    use std::io::Write;
    let hash = |pin: &str, extra: &[&str]| {
        let mut child = std::process::Command::new(bin())
            .arg("pin-hash")
            .args(extra)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{pin}").unwrap();
        child.wait_with_output().unwrap()
    };
    for pin in ["000000", "123456", "987654"] {
        let o = hash(pin, &[]);
        assert!(!o.status.success(), "{pin} accepted");
        assert!(stderr(&o).contains("too easy to guess"), "{}", stderr(&o));
    }
    let o = hash("2580", &[]);
    assert!(!o.status.success() && stderr(&o).contains("--allow-short"));
    let o = hash("2580", &["--allow-short"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(careguide::pin::verify_pin("2580", stdout(&o).trim()));
    let o = hash("730194", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn the_printed_spanish_word_list_follows_spanish_order() {
    let out = common::run_app(&["print", "needling", "--lang", "es", "--format", "text"]);
    let text = common::stdout(&out);
    let at = |w: &str| text.find(w).unwrap_or_else(|| panic!("{w} in\n{text}"));
    // "ácido" among the a's, not after "z" as a byte or lowercase sort has it.
    assert!(at("ácido hialurónico:") < at("amplio espectro:"), "{text}");
    assert!(at("amplio espectro:") < at("anestésico:"), "{text}");
}
