//! careguide's own interface text (headings, buttons, help, messages), in
//! every language it ships, from the `i18n/*.toml` files embedded at build.
//!
//! Each file must hold exactly the keys of [`UiText`], and every `{name}`
//! placeholder of the English line; `careguide check` reports a missing,
//! unknown or mismatched key like any guide error.

use std::collections::BTreeSet;
use std::fmt::Display;
use std::path::PathBuf;
use std::sync::OnceLock;

use jiff::civil::Date;

use crate::guide::diagnostic::{Diagnostics, FileReport};
use crate::toml_reader::{Table, parse_document};

include!(concat!(env!("OUT_DIR"), "/embedded_ui_text.rs"));

macro_rules! ui_text {
    ($($key:ident),* $(,)?) => {
        /// One language's interface text.
        #[derive(Clone, Debug)]
        pub struct UiText {
            pub language: String,
            pub language_name: String,
            /// Monday first.
            pub weekdays: Vec<String>,
            /// Monday first, in full (for reading aloud).
            pub weekdays_long: Vec<String>,
            /// January first.
            pub months: Vec<String>,
            /// January first, in full.
            pub months_long: Vec<String>,
            $(pub $key: String,)*
        }

        impl UiText {
            fn read(t: &mut Table, d: &mut Diagnostics) -> Option<Self> {
                let language = t.text(d, "language");
                let language_name = t.text(d, "language_name");
                let weekdays = t.text_list(d, "weekdays", true);
                let weekdays_long = t.text_list(d, "weekdays_long", true);
                let months = t.text_list(d, "months", true);
                let months_long = t.text_list(d, "months_long", true);
                $(let $key = t.text(d, stringify!($key));)*
                if weekdays_long.len() != 7 {
                    d.error(t.span(), format!("`weekdays_long` must list 7 days, Monday first; found {}", weekdays_long.len()));
                    return None;
                }
                if weekdays.len() != 7 {
                    d.error(t.span(), format!("`weekdays` must list 7 days, Monday first; found {}", weekdays.len()));
                    return None;
                }
                if months_long.len() != 12 {
                    d.error(t.span(), format!("`months_long` must list 12 months, January first; found {}", months_long.len()));
                    return None;
                }
                if months.len() != 12 {
                    d.error(t.span(), format!("`months` must list 12 months, January first; found {}", months.len()));
                    return None;
                }
                Some(Self {
                    language: language?.value,
                    language_name: language_name?.value,
                    weekdays: weekdays.into_iter().map(|t| t.value).collect(),
                    weekdays_long: weekdays_long.into_iter().map(|t| t.value).collect(),
                    months: months.into_iter().map(|t| t.value).collect(),
                    months_long: months_long.into_iter().map(|t| t.value).collect(),
                    $($key: $key?.value,)*
                })
            }

            /// (key, text) for every templated line, for placeholder checks.
            fn lines(&self) -> Vec<(&'static str, &str)> {
                vec![$((stringify!($key), self.$key.as_str()),)*]
            }
        }
    };
}

ui_text! {
    date, day, day_range, day_with_date, days_before_one, days_before_many, day_of_treatment,
    today, today_marker, minutes_one, minutes_range, minutes_exact_one, minutes_exact_many,
    date_short, ref_day, ref_days_before_one, ref_days_before_many, ref_with_date, phone_unknown, avoid_short, main_message, overview, what_it_is,
    preparation, screening, screening_stop, numbing, numbing_minutes, expect_short, do_short,
    numbing_what, what_happens, what_you_feel, safety, procedure, procedure_duration,
    right_after, aftercare, expect, to_do, restrictions, restrictions_intro, restriction_avoid,
    restriction_do, restriction_days, restriction_until, day_axis, column_limit, column_days,
    column_note, widened, in_force_today, warning_signs, call_clinic, emergency,
    normal_or_call, normal_heading, call_heading, visit_when, visit_legend, contact, contact_phone,
    contact_after_hours, disclaimer, key_points, teach_back, glossary, addons, from_addon,
    plan_for, treatment_date, no_treatment_date, content_version, tab_picker, tab_date,
    tab_overview, tab_preparation, tab_numbing, tab_procedure, tab_aftercare, tab_timeline,
    tab_call, title_picker, title_date, header_treatment, header_today, header_no_date,
    too_small, back, next, step_of, search_prompt, search_hint, search_none, search_status,
    reload_errors_title, overview_plan_holds, holds_preparation, holds_numbing, holds_procedure,
    holds_aftercare, holds_limits, holds_call, checklist_done, yes, timer_ready, timer_running,
    timer_paused, timer_done, days_short, aftercare_ended, limits_today, limits_on_days,
    no_limits, limit_until, picker_intro, language_label, date_intro, date_none, relative_today,
    relative_yesterday, relative_tomorrow, relative_past, relative_future, button_today,
    button_day, button_no_date, help_title, help_here, help_everywhere, help_windows,
    help_mouse, glossary_empty, index_title, key_close, key_move, key_choose, key_language,
    key_today, key_date_later, key_date_earlier, key_date_change, key_skip, key_next, key_delete, key_tick,
    key_timer, key_timer_reset, key_next_day, key_prev_day, key_back, key_scroll, key_first,
    key_last, key_section_number, key_index, key_search, key_search_next, key_search_prev,
    key_call, key_glossary, key_teach_back, key_help, key_quit,
    welcome_purpose, welcome_start, welcome_language, path_question, path_ready, path_ready_detail, path_treated, path_treated_detail, kiosk_date_question, kiosk_date_question_ahead, days_ago_button, in_days_button, date_not_sure, start_over, still_there, still_there_detail, starting_over_in, kiosk_hint, staff_pin_title, staff_pin_prompt, pin_wrong, pin_locked, staff_exit_off, kiosk_today_day,
    key_export, key_print, exported, export_failed, printed, print_failed, print_button, print_off,
    plain_choose_language, plain_choose_guide, plain_choose_addons, plain_date, plain_invalid, plain_continue, plain_end,
    yes_clear, no_keep, key_page_down, key_page_up, key_top, key_bottom, key_go_today, key_go_date, key_read_aloud, key_qr, key_new_patient, keyname_page_up, keyname_page_down, keyname_home, keyname_end, keyname_enter, keyname_esc, keyname_tab, keyname_backspace, keyname_space, keyname_ctrl, timer_alert, reload_gone, no_date_for_today, new_patient_done, new_patient_title, new_patient_question, kiosk_date_needed, kiosk_date_future, kiosk_date_past, date_error_shape, date_error_month, date_error_year, date_error_day, go_to_date_title, go_to_date_prompt, print_title, print_whole, print_from_today, stop_more, day_passed, day_passed_done, badge_numbing, help_touch, qr_intro, qr_too_small, speech_missing, speech_failed,
    milestone_limit_ends, milestone_do_starts, calendar_contact, calendar_guide,
    qr_treatment, qr_limit_until, qr_emergency,
    kiosk_read_aloud, kiosk_take_home, kiosk_reading, kiosk_more_below, kiosk_page_up, kiosk_page_down, key_calendar, calendar_saved, calendar_needs_date,
    chart_title, chart_desc, chart_treatment, limit_until_date, qr_caption, qr_caption_url,
}

/// Sorts items by a text in the alphabetical order of a language (Spanish:
/// "ácido" next to "agua", "ñ" after "n"), with ICU's collation rules.
pub fn sort_for_language<T>(items: &mut [T], language: &str, key: impl Fn(&T) -> &str) {
    use icu_collator::options::CollatorOptions;
    use icu_collator::{Collator, CollatorBorrowed};
    use std::sync::{Mutex, OnceLock};
    // One collator per language, made the first time it is needed.
    type Cache = Mutex<Vec<(String, &'static CollatorBorrowed<'static>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let collator = {
        let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
        match cache.iter().find(|(l, _)| l == language) {
            Some((_, c)) => Some(*c),
            None => {
                let made = language
                    .parse::<icu_locale_core::Locale>()
                    .ok()
                    .and_then(|l| Collator::try_new((&l).into(), CollatorOptions::default()).ok())
                    .map(|c| &*Box::leak(Box::new(c)));
                if let Some(c) = made {
                    cache.push((language.to_string(), c));
                }
                made
            }
        }
    };
    match collator {
        Some(c) => items.sort_by(|a, b| c.compare(key(a), key(b))),
        None => items.sort_by_key(|a| key(a).to_lowercase()),
    }
}

/// Fills `{name}` placeholders in a template.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// The `{name}` placeholders in a template.
fn placeholders(template: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.insert(&rest[start + 1..start + len]);
        rest = &rest[start + len + 1..];
    }
    out
}

impl UiText {
    /// A date in this language, e.g. "Sun 22 Nov 2026".
    pub fn date(&self, date: Date) -> String {
        let weekday = date.weekday().to_monday_zero_offset() as usize;
        fill(
            &self.date,
            &[
                ("weekday", &self.weekdays[weekday]),
                ("day", &date.day()),
                ("month", &self.months[date.month() as usize - 1]),
                ("year", &date.year()),
            ],
        )
    }

    /// A short date in this language, e.g. "Sun 22 Nov".
    /// Text as a listener should hear it: a date written short ("Mon 23
    /// Nov") with its weekday and month in full ("Monday 23 November").
    pub fn spoken(&self, text: &str) -> String {
        let words: Vec<&str> = text.split(' ').collect();
        let mut out: Vec<String> = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            let weekday = self.weekdays.iter().position(|d| d == words[i]);
            let number = words
                .get(i + 1)
                .is_some_and(|n| n.trim_end_matches(',').parse::<u8>().is_ok());
            let month = words.get(i + 2).and_then(|m| {
                let core = m.trim_end_matches([',', '.', ':', ';', ')']);
                let at = self.months.iter().position(|x| x == core)?;
                Some((at, &m[core.len()..]))
            });
            if let (Some(w), true, Some((m, rest))) = (weekday, number, month) {
                out.push(self.weekdays_long[w].clone());
                out.push(words[i + 1].to_string());
                out.push(format!("{}{rest}", self.months_long[m]));
                i += 3;
            } else {
                out.push(words[i].to_string());
                i += 1;
            }
        }
        out.join(" ")
    }

    pub fn date_short(&self, date: Date) -> String {
        let weekday = date.weekday().to_monday_zero_offset() as usize;
        fill(
            &self.date_short,
            &[
                ("weekday", &self.weekdays[weekday]),
                ("day", &date.day()),
                ("month", &self.months[date.month() as usize - 1]),
            ],
        )
    }

    /// "30 minutes" (no "about").
    pub fn minutes_exact(&self, n: u32) -> String {
        if n == 1 {
            fill(&self.minutes_exact_one, &[("n", &n)])
        } else {
            fill(&self.minutes_exact_many, &[("n", &n)])
        }
    }

    /// A month's full name (1 is January).
    pub fn month_name(&self, month: i8) -> String {
        usize::try_from(month - 1)
            .ok()
            .and_then(|i| self.months_long.get(i))
            .cloned()
            .unwrap_or_default()
    }

    /// "Day 2".
    pub fn day(&self, n: i64) -> String {
        fill(&self.day, &[("n", &n)])
    }

    /// "Day 2" or "Days 4 to 7".
    pub fn day_range(&self, from: i64, to: i64) -> String {
        if from == to {
            self.day(from)
        } else {
            fill(&self.day_range, &[("from", &from), ("to", &to)])
        }
    }

    /// "Day 2, Sun 22 Nov 2026" when the date is known, else "Day 2".
    pub fn day_with_date(&self, n: i64, date: Option<Date>) -> String {
        match date {
            Some(date) => fill(
                &self.day_with_date,
                &[("day", &self.day(n)), ("date", &self.date(date))],
            ),
            None => self.day(n),
        }
    }

    /// A preparation timing: "7 days before", "1 day before", "The day of your treatment".
    pub fn days_before(&self, day: i64) -> String {
        match -day {
            0 => self.day_of_treatment.clone(),
            1 => self.days_before_one.clone(),
            n => fill(&self.days_before_many, &[("n", &n)]),
        }
    }

    /// "about 30 minutes" or "about 30 to 60 minutes".
    pub fn minutes(&self, min: u32, max: u32) -> String {
        if min == max {
            fill(&self.minutes_one, &[("n", &min)])
        } else {
            fill(&self.minutes_range, &[("min", &min), ("max", &max)])
        }
    }

    /// Every line of this language's text, the names of days and months
    /// included (for checks that look at all of it).
    pub fn all_lines(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self.lines().into_iter().map(|(_, text)| text).collect();
        for list in [
            &self.weekdays,
            &self.weekdays_long,
            &self.months,
            &self.months_long,
        ] {
            all.extend(list.iter().map(String::as_str));
        }
        all
    }

    /// The English text, which every build has.
    pub fn english() -> &'static UiText {
        Self::for_language("en")
    }

    /// The text for a language code (`es`, `es-MX` → `es`), falling back to English.
    pub fn for_language(code: &str) -> &'static UiText {
        let primary = code.split('-').next().unwrap_or(code);
        [code, primary, "en"]
            .into_iter()
            .find_map(parsed)
            .or_else(|| (0..EMBEDDED_UI_TEXT.len()).find_map(parsed_at))
            .expect("the build embeds at least one interface language")
    }

    /// Whether careguide ships interface text for a language code (whether
    /// that file is valid is `careguide check`'s business).
    pub fn has_language(code: &str) -> bool {
        let primary = code.split('-').next().unwrap_or(code);
        [code, primary].into_iter().any(|c| file_index(c).is_some())
    }
}

/// The embedded file for a language code (`en.toml` for `en`), if any.
fn file_index(code: &str) -> Option<usize> {
    EMBEDDED_UI_TEXT
        .iter()
        .position(|(name, _)| name.strip_suffix(".toml") == Some(code))
}

/// A language's text, parsed the first time it is asked for (starting the
/// app reads only the language it shows). A file with errors gives `None`;
/// `careguide check` reports why.
fn parsed(code: &str) -> Option<&'static UiText> {
    file_index(code).and_then(parsed_at)
}

fn parsed_at(index: usize) -> Option<&'static UiText> {
    static CACHE: OnceLock<Vec<OnceLock<Option<UiText>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| EMBEDDED_UI_TEXT.iter().map(|_| OnceLock::new()).collect());
    cache
        .get(index)?
        .get_or_init(|| parse_file(EMBEDDED_UI_TEXT[index].1).0)
        .as_ref()
}

/// Parses one language file: its text if it has no errors, and its problems.
fn parse_file(source: &str) -> (Option<UiText>, Diagnostics) {
    let mut d = Diagnostics::new();
    let text = parse_document(source, &mut d).and_then(|doc| {
        let mut root = Table::root(&doc);
        let text = UiText::read(&mut root, &mut d);
        root.finish(&mut d);
        text
    });
    (text.filter(|_| !d.has_errors()), d)
}

/// Loads and checks every embedded interface language: the texts that
/// loaded, and one report per file.
pub fn load_all() -> (Vec<UiText>, Vec<FileReport>) {
    let mut texts = Vec::new();
    let mut reports = Vec::new();
    let mut parsed: Vec<(usize, UiText)> = Vec::new();
    for (name, source) in EMBEDDED_UI_TEXT {
        let (text, d) = parse_file(source);
        if let Some(text) = text {
            parsed.push((reports.len(), text));
        }
        reports.push(FileReport::new(
            PathBuf::from(format!("<built-in>/i18n/{name}")),
            source.to_string(),
            d.into_sorted(),
        ));
    }
    // Every language must keep every placeholder of the English line.
    let english = parsed
        .iter()
        .find(|(_, t)| t.language == "en")
        .map(|(_, t)| t.clone());
    for (report_index, text) in parsed {
        let mut ok = true;
        if let Some(en) = &english {
            let report = &mut reports[report_index];
            for ((key, line), (_, en_line)) in text.lines().into_iter().zip(en.lines()) {
                if placeholders(line) != placeholders(en_line) {
                    let at = report.source.find(&format!("\n{key} ")).map(|i| i + 1);
                    report.diagnostics.push(crate::guide::Diagnostic::error(
                        at.map(|i| i..i),
                        format!(
                            "`{key}` must use the placeholders {:?} like the English text, found {:?}",
                            placeholders(en_line),
                            placeholders(line)
                        ),
                    ));
                    ok = false;
                }
            }
        }
        if ok {
            texts.push(text);
        }
    }
    (texts, reports)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn every_embedded_language_loads_cleanly() {
        let (texts, reports) = load_all();
        for r in &reports {
            assert!(r.diagnostics.is_empty(), "{r}");
        }
        assert_eq!(texts.len(), EMBEDDED_UI_TEXT.len());
        assert!(texts.iter().any(|t| t.language == "en"));
    }

    #[test]
    fn dates_and_days_in_english() {
        let en = UiText::english();
        assert_eq!(en.date(date(2026, 11, 22)), "Sun 22 Nov 2026");
        assert_eq!(
            en.day_with_date(2, Some(date(2026, 11, 22))),
            "Day 2, Sun 22 Nov 2026"
        );
        assert_eq!(en.day_with_date(2, None), "Day 2");
        assert_eq!(en.day_range(4, 7), "Days 4 to 7");
        assert_eq!(en.days_before(-7), "7 days before");
        assert_eq!(en.days_before(-1), "1 day before");
        assert_eq!(en.minutes(30, 60), "about 30 to 60 minutes");
    }

    #[test]
    fn a_missing_or_unknown_translation_is_reported() {
        let english = EMBEDDED_UI_TEXT
            .iter()
            .find(|(n, _)| *n == "en.toml")
            .unwrap()
            .1;
        let broken = english
            .replace("\nkey_quit = \"Quit\"", "")
            .replace("\nback = \"Back\"", "\nbakc = \"Back\"");
        let (text, d) = parse_file(&broken);
        assert!(text.is_none(), "a file with errors is not used");
        let report = FileReport::new("i18n/xx.toml", broken, d.into_sorted());
        let lines: Vec<String> = report.lines().collect();
        assert!(
            lines.iter().any(|l| l.contains("missing key `key_quit`")),
            "{lines:#?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("unknown key `bakc`") && l.contains("did you mean `back`?")),
            "{lines:#?}"
        );
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(
            placeholders("{a} and {b}").into_iter().collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(fill("Day {n}", &[("n", &3)]), "Day 3");
    }
}
