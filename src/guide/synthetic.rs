//! Synthetic guides of a chosen size, for benchmarks and tests: valid
//! guides with many aftercare days, restrictions and glossary terms, so
//! loading time can be measured against size.

use std::fmt::Write;

/// A valid guide of about `bytes` bytes (never less than a small one).
pub fn guide(bytes: usize) -> String {
    // An aftercare day, a restriction and a glossary entry below come to
    // about 800 bytes together (with the add-on's share); they grow together.
    let unit = 758;
    let n = (bytes.saturating_sub(3000) / unit).max(15);
    let mut s = String::with_capacity(bytes + 4096);
    s.push_str(
        r#"format_version = 2
id = "synthetic"
language = "en"
title = "Synthetic care plan"
treatment = "Synthetic treatment"
content_version = "1.0"
reviewed = 2026-11-01
main_message = "Keep your skin clean and calm."
disclaimer = "This guide is general information. Your clinic's own instructions come first."

[contact]
name = "Your clinic"
phone = "555-0100"
after_hours = "Call the same number."

[[categories]]
id = "skin"
name = "Skin"

[[categories]]
id = "sun"
name = "Sun"

[[categories]]
id = "activity"
name = "Activity"

[overview]
about = ["This is a plan made for testing. It is long on purpose."]
key_points = ["Keep your skin clean."]
teach_back = ["Ask the patient: what is the main thing to remember?"]

[preparation]
key_points = ["Come with clean skin."]

[[preparation.steps]]
day = -7
text = "Stop using scrubs."

[[preparation.steps]]
day = 0
text = "Come with a clean face."

[[preparation.screening]]
id = "pregnant"
question = "Are you pregnant or breastfeeding?"

[numbing]
what = "A cool gel."
minutes = 20
steps = ["We put the gel on your skin."]
feel = ["It feels cool."]
safety = ["Tell us if it burns."]

[procedure]
duration_minutes = [20, 40]
steps = ["We treat the skin."]
feel = ["It may sting a little."]
right_after = ["Your skin looks pink."]
"#,
    );
    for day in 0..n {
        // Every fifth day has a line with an id and a reference (what an
        // add-on places lines next to); the others are plain text.
        let shade = if day % 5 == 0 {
            format!(
                "{{ id = \"shade-{day}\", text = \"Stay in the shade until {{limit.limit-{day}.last}}.\" }}"
            )
        } else {
            "\"Stay in the shade when you can.\"".to_string()
        };
        let _ = write!(
            s,
            r#"
[[aftercare]]
day = {day}
title = "Day number {day} of the plan"
[aftercare.care.skin]
expect = ["Your skin may look a little pink today.", "It may feel dry or tight in some places."]
do = ["Wash with cool water and a gentle cleanser.", "Pat your skin dry with a clean towel."]
[aftercare.care.sun]
do = [{shade}, "Wear a wide hat outside."]
avoid = ["Do not sit in the sun at midday."]
[aftercare.care.activity]
do = ["Take a short walk if you feel well."]
"#
        );
    }
    for i in 0..n {
        let from = (i % n) as i64 - 5;
        let to = from + 3 + (i % 7) as i64;
        let _ = write!(
            s,
            r#"
[[restrictions]]
id = "limit-{i}"
category = "{}"
label = "Limit number {i} for this plan"
from = {from}
to = {to}
note = "This limit is here to test a long plan."
"#,
            ["skin", "sun", "activity"][i % 3]
        );
    }
    for i in 0..n {
        let _ = write!(
            s,
            r#"
[[glossary]]
term = "word{i}"
definition = "A word made up to test a long glossary."
"#
        );
    }
    s.push_str(
        r#"
[warning_signs]
call_clinic = ["Redness that gets worse after Day 3."]
emergency = ["Trouble breathing."]

[[addons]]
id = "extra"
name = "Extra care"
label = "with extra care"
about = ["An add-on that places lines next to the guide's."]
"#,
    );
    // The add-on replaces every tenth day's shade line and makes every
    // tenth limit longer: merging work that grows with the guide.
    for day in (0..n).step_by(10) {
        let _ = write!(
            s,
            r#"
[[addons.aftercare]]
day = {day}
[addons.aftercare.care.sun]
do = [{{ replace = "shade-{day}", text = "Stay inside until {{limit.limit-{day}.after}}." }}]
"#
        );
    }
    for i in (0..n).step_by(10) {
        let _ = write!(
            s,
            r#"
[[addons.restrictions]]
id = "limit-{i}"
to = {}
"#,
            (i % n) as i64 + 20
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::guide;
    use crate::guide::library::{FileContent, load_file};

    #[test]
    fn synthetic_guides_are_valid_and_about_the_size_asked() {
        for size in [20_000, 250_000] {
            let text = guide(size);
            assert!(
                text.len() > size * 8 / 10 && text.len() < size * 12 / 10,
                "{size}: {}",
                text.len()
            );
            let (report, g) = load_file(
                "synthetic.toml".into(),
                FileContent::Bytes(text.into_bytes()),
            );
            assert!(report.diagnostics.is_empty(), "{report}");
            assert!(g.is_some());
        }
    }
}
