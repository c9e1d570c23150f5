//! careguide's own interface text (headings, buttons, help, messages), in
//! every language it ships, from the `i18n/*.ftl` files embedded at build.
//!
//! The files are in Fluent's format (<https://projectfluent.org>), the one
//! Firefox's translators use: a file's name is its language code (`es.ftl`),
//! `{ $n }` marks a value the app fills in, and a number can choose its words
//! by the language's own plural rules (`{ $n -> [one] … *[other] … }`).
//! Each file must hold exactly the messages of [`UiText`], with the
//! variables of the English message; `careguide check` reports a syntax
//! error, a missing, unknown or mismatched message like any guide error, at
//! its line and column. A file with errors is not used (English is).
//!
//! The app reads each file as the build compiled it ([`compiled`]) and
//! fills its messages in itself, exactly as Fluent would (choosing by the
//! language's plural rules, negotiated as Fluent does): it parses no Fluent
//! file. Only a message beyond text, variables and choices (a function, a
//! reference to another message; none ships) is left to Fluent, which
//! parses it the first time it is needed.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Display, Write as _};
use std::ops::{Deref, Range};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use fluent_bundle::types::{FluentNumber, FluentNumberType};
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use jiff::civil::Date;
use unic_langid::LanguageIdentifier;

use crate::guide::diagnostic::{Diagnostics, FileReport};

include!(concat!(env!("OUT_DIR"), "/embedded_ui_text.rs"));

mod compiled;

use compiled::{CompiledFile, CompiledMessage, Piece, Variant, VariantKey};

// `COMPILED_UI_TEXT`: each embedded file compiled at build time, in the
// order of `EMBEDDED_UI_TEXT` (see `compiled`).
include!(concat!(env!("OUT_DIR"), "/compiled_ui_text.rs"));

/// One language's messages, shareable across threads.
type Bundle = fluent_bundle::concurrent::FluentBundle<FluentResource>;

/// The messages of one language that Fluent's resolver formats, shared by
/// them: a language file compiled at build time keeps only those messages
/// (none of the shipped files has one), parsed the first time one of them
/// is needed.
struct Fluent {
    language: String,
    source: Cow<'static, str>,
    bundle: OnceLock<Option<Bundle>>,
}

impl Fluent {
    /// Messages read when needed.
    fn later(language: &str, source: Cow<'static, str>) -> Self {
        Self {
            language: language.to_string(),
            source,
            bundle: OnceLock::new(),
        }
    }

    /// A bundle already read (by the full check of a file).
    fn read(language: &str, bundle: Bundle) -> Self {
        Self {
            language: language.to_string(),
            source: Cow::Borrowed(""),
            bundle: OnceLock::from(Some(bundle)),
        }
    }

    fn bundle(&self) -> Option<&Bundle> {
        self.bundle
            .get_or_init(|| {
                let language = self.language.parse::<LanguageIdentifier>().ok()?;
                let resource = FluentResource::try_new(self.source.to_string()).ok()?;
                let mut bundle = Bundle::new_concurrent(vec![language]);
                bundle.set_use_isolating(false);
                bundle.add_resource(resource).ok()?;
                Some(bundle)
            })
            .as_ref()
    }

    /// A message formatted by Fluent, or `None` when there is no such
    /// message (or it has no text). Formatting problems go to `errors`.
    fn format(
        &self,
        id: &str,
        args: Option<&FluentArgs>,
        errors: &mut Vec<FluentError>,
    ) -> Option<String> {
        format_message(self.bundle()?, id, args, errors)
    }
}

/// One message of the interface text. It reads as its text with no values
/// filled in (`&ui.back`, `ui.back.as_str()`, `format!("{}", ui.back)`);
/// [`fill`] formats it with values, by the language's plural rules.
///
/// The text is formatted the first time it is read: the app's first frame
/// reads a few dozen of the several hundred messages. A language's
/// messages live together ([`Messages`]); a `Msg` names one of them (two
/// words, so that the several hundred fields of a [`UiText`] stay small:
/// as 88-byte values, building one touched 40 fresh pages of memory).
#[derive(Clone)]
pub struct Msg {
    messages: Arc<Messages>,
    index: usize,
}

/// All the messages of one language, and the Fluent messages they share.
struct Messages {
    fluent: Fluent,
    all: Vec<MsgData>,
    /// The language's plural rules (cardinal, ordinal), made the first
    /// time a number chooses a variant.
    plural_rules: [OnceLock<Option<PluralRules>>; 2],
}

impl Messages {
    fn new(fluent: Fluent, all: Vec<MsgData>) -> Self {
        Self {
            fluent,
            all,
            plural_rules: [OnceLock::new(), OnceLock::new()],
        }
    }

    /// Writes `pieces` with the values in `args`, as Fluent's resolver
    /// writes the same message (tested on every message:
    /// `every_message_fills_in_as_fluent_does`).
    fn write(&self, out: &mut String, pieces: &[Piece], args: &[(&str, &dyn Display)]) {
        for piece in pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Variable(name) => {
                    let Some((_, value)) = args.iter().find(|(n, _)| n == name) else {
                        // Fluent's way with a missing value.
                        let _ = write!(out, "{{${name}}}");
                        continue;
                    };
                    let start = out.len();
                    let _ = write!(out, "{value}");
                    // A number is written as Fluent writes numbers
                    // (`1.50` keeps its digits, `007` is 7); a whole
                    // number written plainly reads the same either way.
                    if !is_plain_whole_number(&out[start..])
                        && let FluentValue::Number(n) = fluent_value(out[start..].to_string())
                    {
                        out.truncate(start);
                        out.push_str(&n.as_string());
                    }
                }
                Piece::Select { variable, variants } => {
                    // A missing value takes the default, as in Fluent.
                    let chosen = args
                        .iter()
                        .find(|(n, _)| n == variable)
                        .and_then(|(_, value)| {
                            let value = fluent_value(value.to_string());
                            variants.iter().find(|v| self.matches(v, &value))
                        })
                        .or_else(|| variants.iter().find(|v| v.default));
                    if let Some(variant) = chosen {
                        self.write(out, &variant.pieces, args);
                    }
                }
            }
        }
    }

    /// Whether a variant's key matches a value: Fluent's rule
    /// (`FluentValue::matches`). A number matches a plural category by the
    /// language's plural rules, chosen as Fluent chooses them.
    fn matches(&self, variant: &Variant, value: &FluentValue) -> bool {
        let key = match &variant.key {
            VariantKey::Name(name) => FluentValue::String(Cow::Borrowed(name)),
            VariantKey::Number(number) => FluentValue::try_number(number.as_ref()),
        };
        match (&key, value) {
            (FluentValue::String(a), FluentValue::String(b)) => a == b,
            (FluentValue::Number(a), FluentValue::Number(b)) => a == b,
            (FluentValue::String(a), FluentValue::Number(b)) => {
                let category = match a.as_ref() {
                    "zero" => PluralCategory::ZERO,
                    "one" => PluralCategory::ONE,
                    "two" => PluralCategory::TWO,
                    "few" => PluralCategory::FEW,
                    "many" => PluralCategory::MANY,
                    "other" => PluralCategory::OTHER,
                    _ => return false,
                };
                let (kind, index) = match b.options.r#type {
                    FluentNumberType::Cardinal => (PluralRuleType::CARDINAL, 0),
                    FluentNumberType::Ordinal => (PluralRuleType::ORDINAL, 1),
                };
                self.plural_rules[index]
                    .get_or_init(|| plural_rules(&self.fluent.language, kind))
                    .as_ref()
                    .is_some_and(|rules| rules.select(b) == Ok(category))
            }
            _ => false,
        }
    }
}

/// A language's plural rules, negotiated as Fluent negotiates them (the
/// closest language that has rules, else English).
fn plural_rules(language: &str, kind: PluralRuleType) -> Option<PluralRules> {
    let language = language.parse::<LanguageIdentifier>().ok()?;
    let english: LanguageIdentifier = "en".parse().ok()?;
    let available = PluralRules::get_locales(kind);
    let chosen = fluent_langneg::negotiate_languages(
        &[language],
        &available,
        Some(&english),
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    PluralRules::create((*chosen.first()?).clone(), kind).ok()
}

/// One message.
struct MsgData {
    id: Cow<'static, str>,
    text: OnceLock<String>,
    /// The message as text, variables and choices by a variable, when that
    /// is all it holds: every shipped message. Those are filled in here
    /// ([`Messages::write`]), exactly as Fluent fills them (tested:
    /// `every_message_fills_in_as_fluent_does`), without parsing a Fluent
    /// file; any other message goes through Fluent.
    pieces: Option<Cow<'static, [Piece]>>,
}

impl MsgData {
    /// The message `id` of a bundle read in full, when it has one with a value.
    fn of_bundle(bundle: &Bundle, id: String) -> Option<Self> {
        let pieces = compiled::pieces_of(bundle.get_message(&id)?.value()?);
        Some(Self {
            id: Cow::Owned(id),
            text: OnceLock::new(),
            pieces: pieces.map(Cow::Owned),
        })
    }

    /// A compiled message.
    fn compiled(message: &CompiledMessage) -> Self {
        Self {
            id: message.id.clone(),
            text: OnceLock::new(),
            pieces: message.pieces.clone(),
        }
    }
}

impl Msg {
    fn data(&self) -> &MsgData {
        &self.messages.all[self.index]
    }

    fn fluent(&self) -> &Fluent {
        &self.messages.fluent
    }

    /// The message as read with no values filled in.
    fn text(&self) -> &String {
        let data = self.data();
        data.text.get_or_init(|| match &data.pieces {
            Some(_) => self.format(&[]),
            None => self
                .fluent()
                .format(&data.id, None, &mut Vec::new())
                .unwrap_or_default(),
        })
    }

    /// The message id in the `.ftl` file (`starting-over-in`).
    pub fn id(&self) -> &str {
        &self.data().id
    }

    /// The message with values: numbers as Fluent numbers (so plural
    /// rules apply), anything else as text.
    fn format(&self, args: &[(&str, &dyn Display)]) -> String {
        if let Some(pieces) = &self.data().pieces {
            let mut out = String::with_capacity(64);
            self.messages.write(&mut out, pieces, args);
            return out;
        }
        self.format_with_fluent(args)
    }

    /// [`Msg::format`] through Fluent's resolver (a compiled file's
    /// Fluent messages hold only the messages without pieces).
    fn format_with_fluent(&self, args: &[(&str, &dyn Display)]) -> String {
        let mut values = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            values.set(*name, fluent_value(value.to_string()));
        }
        self.fluent()
            .format(self.id(), Some(&values), &mut Vec::new())
            .unwrap_or_else(|| self.text().clone())
    }
}

impl Deref for Msg {
    type Target = String;
    fn deref(&self) -> &String {
        self.text()
    }
}

impl AsRef<str> for Msg {
    fn as_ref(&self) -> &str {
        self.text()
    }
}

impl Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

impl fmt::Debug for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.id(), self.text())
    }
}

impl PartialEq for Msg {
    fn eq(&self, other: &Self) -> bool {
        self.id() == other.id() && self.text() == other.text()
    }
}

/// A text with values to fill in: an interface message (through Fluent),
/// or a plain template with `{name}` placeholders (a guide's own text).
pub trait Template {
    fn fill_in(&self, args: &[(&str, &dyn Display)]) -> String;
}

impl Template for str {
    fn fill_in(&self, args: &[(&str, &dyn Display)]) -> String {
        let mut out = self.to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), &value.to_string());
        }
        out
    }
}

impl Template for String {
    fn fill_in(&self, args: &[(&str, &dyn Display)]) -> String {
        self.as_str().fill_in(args)
    }
}

impl Template for Msg {
    fn fill_in(&self, args: &[(&str, &dyn Display)]) -> String {
        self.format(args)
    }
}

/// Fills a template's values: `fill(&ui.starting_over_in, &[("n", &3)])`.
pub fn fill<T: Template + ?Sized>(template: &T, args: &[(&str, &dyn Display)]) -> String {
    template.fill_in(args)
}

/// A value for Fluent: a number when it reads as one ("3", "-1", "2.5"),
/// so the plural rules choose the words, else text.
fn fluent_value(text: String) -> FluentValue<'static> {
    let digits = text.strip_prefix('-').unwrap_or(&text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if numeric(whole)
        && numeric(fraction)
        && let Ok(n) = text.parse::<FluentNumber>()
    {
        return n.into();
    }
    text.into()
}

/// A whole number as Fluent writes it back: digits with no leading zero
/// (or just `0`), a minus sign before any but zero, and few enough digits
/// to be exact as a floating-point number.
fn is_plain_whole_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && text != "-0"
}

/// A message formatted, or `None` when the bundle has no such message (or
/// it has no text). Formatting problems go to `errors`.
fn format_message(
    bundle: &Bundle,
    id: &str,
    args: Option<&FluentArgs>,
    errors: &mut Vec<FluentError>,
) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    Some(bundle.format_pattern(pattern, args, errors).into_owned())
}

/// The lists, written as one comma-separated message each: (message id,
/// how many items, what they are).
const LISTS: [(&str, usize, &str); 4] = [
    ("weekdays", 7, "days, Monday first"),
    ("weekdays-long", 7, "days, Monday first"),
    ("months", 12, "months, January first"),
    ("months-long", 12, "months, January first"),
];

fn list(bundle: &Bundle, id: &str) -> Option<Vec<String>> {
    Some(split_list(&format_message(
        bundle,
        id,
        None,
        &mut Vec::new(),
    )?))
}

fn split_list(text: &str) -> Vec<String> {
    text.split(',').map(|s| s.trim().to_string()).collect()
}

macro_rules! ui_text {
    ($($key:ident),* $(,)?) => {
        /// One language's interface text.
        #[derive(Clone, Debug)]
        pub struct UiText {
            /// The language code, from the file name.
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
            $(pub $key: Msg,)*
        }

        impl UiText {
            /// The key of every message field (`starting_over_in`), in order.
            const KEYS: &[&str] = &[$(stringify!($key),)*];

            /// Every message a language file must have, in the order the
            /// files hold them: the language's name, the lists, then one
            /// per field, each by its key (`starting_over_in`, whose
            /// message id is `starting-over-in`; an id is its own key).
            fn keys() -> impl Iterator<Item = &'static str> {
                std::iter::once("language-name")
                    .chain(LISTS.iter().map(|(id, _, _)| *id))
                    .chain(Self::KEYS.iter().copied())
            }

            /// The text of a language, each message made by `data` from
            /// its id; `None` when one is missing.
            ///
            /// The fields are filled in at once from one list: a struct
            /// literal with one `?` per field compiled to 1.4 MB of code
            /// (each early return drops the fields before it), run at
            /// every start.
            fn from_messages(
                language: &str,
                fluent: Fluent,
                data: &dyn Fn(&Fluent, &str) -> Option<MsgData>,
            ) -> Option<Self> {
                // The fields' messages come after the name and the lists.
                const FIRST_FIELD: usize = 1 + LISTS.len();
                let mut all = Vec::with_capacity(FIRST_FIELD + Self::KEYS.len());
                for key in Self::keys() {
                    all.push(with_id(key, |id| data(&fluent, id))?);
                }
                let messages = Arc::new(Messages::new(fluent, all));
                let msg = |index| Msg { messages: Arc::clone(&messages), index };
                let [$($key,)*] =
                    std::array::from_fn::<Msg, { Self::KEYS.len() }, _>(|i| msg(FIRST_FIELD + i));
                Some(Self {
                    language: language.to_string(),
                    language_name: msg(0).text().clone(),
                    weekdays: split_list(msg(1).text()),
                    weekdays_long: split_list(msg(2).text()),
                    months: split_list(msg(3).text()),
                    months_long: split_list(msg(4).text()),
                    $($key,)*
                })
            }

            /// Every message id a language file must have.
            fn message_ids() -> &'static [String] {
                static IDS: OnceLock<Vec<String>> = OnceLock::new();
                IDS.get_or_init(|| Self::keys().map(|key| with_id(key, str::to_string)).collect())
            }

            /// Every message.
            #[cfg(test)]
            fn messages(&self) -> Vec<&Msg> {
                vec![$(&self.$key,)*]
            }

            /// (key, text) for every message, as read with no values.
            fn lines(&self) -> Vec<(&'static str, &str)> {
                vec![$((stringify!($key), self.$key.as_str()),)*]
            }
        }
    };
}

ui_text! {
    date, day, day_range, day_with_date, days_before, day_of_treatment,
    today, today_marker, minutes_about, minutes_range, minutes_exact,
    date_short, ref_day, ref_days_before, ref_with_date, phone_unknown, avoid_short, main_message, overview, what_it_is,
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
    welcome_purpose, welcome_start, welcome_language, path_question, path_ready, path_ready_detail, path_treated, path_treated_detail, kiosk_date_question, kiosk_date_question_ahead, days_ago_button, in_days_button, date_not_sure, start_over, still_there, still_there_detail, starting_over_in, kiosk_hint, staff_pin_title, staff_pin_prompt, pin_wrong, pin_locked, staff_exit_off, kiosk_today_day, kiosk_treatment_in,
    key_export, key_print, exported, export_failed, printed, print_failed, print_button, print_off,
    plain_choose_language, plain_choose_guide, plain_choose_addons, plain_date, plain_invalid, plain_continue, plain_end,
    yes_clear, no_keep, key_page_down, key_page_up, key_top, key_bottom, key_go_today, key_go_date, key_read_aloud, key_qr, key_new_patient, keyname_page_up, keyname_page_down, keyname_home, keyname_end, keyname_enter, keyname_esc, keyname_tab, keyname_backspace, keyname_space, keyname_ctrl, timer_alert, reload_gone, no_date_for_today, new_patient_done, new_patient_title, new_patient_question, kiosk_date_needed, kiosk_date_future, kiosk_date_past, date_error_shape, date_error_month, date_error_year, date_error_day, go_to_date_title, go_to_date_prompt, print_title, print_whole, print_from_today, stop_more, day_passed, day_passed_done, badge_numbing, help_touch, qr_intro, qr_too_small, speech_missing, speech_failed,
    milestone_limit_ends, milestone_do_starts, calendar_contact, calendar_guide,
    qr_treatment, qr_limit_until, qr_emergency,
    kiosk_read_aloud, kiosk_take_home, kiosk_reading, kiosk_more_below, kiosk_page_up, kiosk_page_down, key_calendar, calendar_saved, calendar_needs_date,
    chart_title, chart_desc, chart_treatment, limit_until_date, qr_caption, qr_caption_url,
    plain_kiosk_menu, plain_kiosk_section, plain_kiosk_date_typed, plain_kiosk_keep_reading, plain_kiosk_starting_over, plain_kiosk_pin_locked,
    chart_continues,
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

    /// "30 minutes" (no "about"), "1 minute".
    pub fn minutes_exact(&self, n: u32) -> String {
        fill(&self.minutes_exact, &[("n", &n)])
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
            0 => self.day_of_treatment.to_string(),
            n => fill(&self.days_before, &[("n", &n)]),
        }
    }

    /// "about 30 minutes" or "about 30 to 60 minutes".
    pub fn minutes(&self, min: u32, max: u32) -> String {
        if min == max {
            fill(&self.minutes_about, &[("n", &min)])
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

/// The embedded file for a language code (`en.ftl` for `en`), if any.
fn file_index(code: &str) -> Option<usize> {
    EMBEDDED_UI_TEXT
        .iter()
        .position(|(name, _)| name.strip_suffix(".ftl") == Some(code))
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
    let (name, _) = EMBEDDED_UI_TEXT[index];
    cache
        .get(index)?
        .get_or_init(|| from_compiled(name, COMPILED_UI_TEXT.get(index)?.as_ref()?))
        .as_ref()
}

/// The app's way to read an embedded language file: compiled at build
/// time, not checked. Every embedded file passes [`parse_file`]'s checks in
/// the tests (`every_embedded_language_loads_cleanly`) and in `careguide
/// check`. A file that lacks a message, or that Fluent would not read
/// whole (it is then not compiled), gives `None` (then English is used).
fn from_compiled(name: &str, file: &CompiledFile) -> Option<UiText> {
    let code = name.strip_suffix(".ftl")?;
    code.parse::<LanguageIdentifier>().ok()?;
    let fluent = Fluent::later(code, file.fluent.clone());
    // The messages are asked for mostly in the file's order: each lookup
    // tries the message after the last one found, then searches.
    let next = std::cell::Cell::new(0);
    UiText::from_messages(code, fluent, &|_, id| {
        let messages = &file.messages;
        let i = match messages.get(next.get()) {
            Some(m) if m.id == id => next.get(),
            _ => {
                let found = file
                    .by_id
                    .binary_search_by(|&i| messages[usize::from(i)].id.as_ref().cmp(id))
                    .ok()?;
                usize::from(file.by_id[found])
            }
        };
        next.set(i + 1);
        Some(MsgData::compiled(&messages[i]))
    })
}

/// Calls `f` with the message id of a field's key (`starting_over_in` →
/// `starting-over-in`), without allocating for a key of up to 64 bytes
/// (the app looks up every message at start).
fn with_id<R>(key: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if let Some(id) = buf.get_mut(..key.len()) {
        for (to, from) in id.iter_mut().zip(key.bytes()) {
            *to = if from == b'_' { b'-' } else { from };
        }
        if let Ok(id) = std::str::from_utf8(id) {
            return f(id);
        }
    }
    f(&key.replace('_', "-"))
}

/// The text of a file read in full by [`parse_file`], which passed it.
fn from_bundle(code: &str, bundle: Bundle) -> Option<UiText> {
    UiText::from_messages(code, Fluent::read(code, bundle), &|fluent, id| {
        MsgData::of_bundle(fluent.bundle()?, id.to_string())
    })
}

/// One language file read.
struct Parsed {
    /// Its text, if it has no errors.
    text: Option<UiText>,
    diagnostics: Diagnostics,
    /// Each message's id: where it is, and the variables it uses.
    variables: BTreeMap<String, (Range<usize>, BTreeSet<String>)>,
}

/// Reads and checks one language file (`name` is `xx.ftl`): Fluent syntax,
/// missing, unknown or repeated messages, messages that do not format, and
/// the lists' lengths.
fn parse_file(name: &str, source: &str) -> Parsed {
    let mut d = Diagnostics::new();
    let code = name.strip_suffix(".ftl").unwrap_or(name);
    let language = code.parse::<LanguageIdentifier>().ok();
    if language.is_none() {
        d.error(
            0..0,
            format!(
                "`{name}`: the file name must be a language code, like `es.ftl` or `pt-BR.ftl`"
            ),
        );
    }
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                d.error(e.pos.clone(), format!("Fluent syntax: {}", e.kind));
            }
            r
        }
    };
    let syntax_ok = !d.has_errors();
    let known = UiText::message_ids();
    let known_ids: Vec<&str> = known.iter().map(String::as_str).collect();
    let base = resource.source().as_ptr() as usize;
    let mut variables = BTreeMap::new();
    for entry in resource.entries() {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let id = m.id.name;
        let start = id.as_ptr() as usize - base;
        let span = start..start + id.len();
        if variables.contains_key(id) {
            d.error(span, format!("message `{id}` is already defined above"));
            continue;
        }
        if !known_ids.contains(&id) {
            d.error(
                span.clone(),
                format!(
                    "unknown message `{id}`{}",
                    crate::toml_reader::suggestion(id, &known_ids)
                ),
            );
        }
        let mut vars = BTreeSet::new();
        match &m.value {
            Some(pattern) => pattern_variables(pattern, &mut vars),
            None => d.error(span.clone(), format!("message `{id}` has no text")),
        }
        variables.insert(id.to_string(), (span, vars));
    }
    // A message lost in a syntax error is reported there, not as missing.
    if syntax_ok {
        for id in known
            .iter()
            .filter(|id| !variables.contains_key(id.as_str()))
        {
            d.error(0..0, format!("missing message `{id}`"));
        }
    }
    let Some(language) = language else {
        return Parsed {
            text: None,
            diagnostics: d,
            variables,
        };
    };
    let mut bundle = Bundle::new_concurrent(vec![language]);
    bundle.set_use_isolating(false);
    // A repeated message is reported above.
    let _ = bundle.add_resource(resource);
    for (id, (span, vars)) in &variables {
        // Each message formats, whichever plural form its numbers choose.
        for n in [0, 1, 2, 5, 21] {
            let mut args = FluentArgs::new();
            for v in vars {
                args.set(v.as_str(), n);
            }
            let mut errors = Vec::new();
            let _ = format_message(&bundle, id, Some(&args), &mut errors);
            if let Some(e) = errors.first() {
                d.error(span.clone(), format!("message `{id}` does not format: {e}"));
                break;
            }
        }
    }
    for (id, count, what) in LISTS {
        let (Some(items), Some((span, _))) = (list(&bundle, id), variables.get(id)) else {
            continue;
        };
        if items.len() != count {
            d.error(
                span.clone(),
                format!(
                    "`{id}` must list {count} {what}, separated by commas; found {}",
                    items.len()
                ),
            );
        }
    }
    let text = if d.has_errors() {
        None
    } else {
        from_bundle(code, bundle)
    };
    Parsed {
        text,
        diagnostics: d,
        variables,
    }
}

/// The variables (`$n`) a pattern uses, in its selectors and variants too.
fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                pattern_variables(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            arguments_variables(arguments, out);
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => arguments_variables(arguments, out),
        _ => {}
    }
}

fn arguments_variables(arguments: &ast::CallArguments<&str>, out: &mut BTreeSet<String>) {
    for a in &arguments.positional {
        inline_variables(a, out);
    }
    for a in &arguments.named {
        inline_variables(&a.value, out);
    }
}

/// Loads and checks every embedded interface language: the texts that
/// loaded, and one report per file.
pub fn load_all() -> (Vec<UiText>, Vec<FileReport>) {
    load_files(EMBEDDED_UI_TEXT)
}

/// Loads and checks language files, (file name, contents): each message
/// must use the variables of the English one, besides [`parse_file`]'s checks.
fn load_files(files: &[(&str, &str)]) -> (Vec<UiText>, Vec<FileReport>) {
    let mut parsed: Vec<Parsed> = files.iter().map(|(n, s)| parse_file(n, s)).collect();
    let english = files
        .iter()
        .position(|(n, _)| *n == "en.ftl")
        .map(|i| parsed[i].variables.clone());
    let names = |vars: &BTreeSet<String>| match vars.len() {
        0 => "none".to_string(),
        _ => vars
            .iter()
            .map(|v| format!("${v}"))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut texts = Vec::new();
    let mut reports = Vec::new();
    for ((name, source), p) in files.iter().zip(&mut parsed) {
        if let Some(english) = english.as_ref().filter(|_| *name != "en.ftl") {
            for (id, (span, vars)) in &p.variables {
                if let Some((_, en_vars)) = english.get(id)
                    && vars != en_vars
                {
                    p.diagnostics.error(
                        span.clone(),
                        format!(
                            "message `{id}` must use the variables of the English message ({}); found {}",
                            names(en_vars),
                            names(vars)
                        ),
                    );
                }
            }
        }
        let d = std::mem::take(&mut p.diagnostics);
        if !d.has_errors() {
            texts.extend(p.text.take());
        }
        reports.push(FileReport::new(
            PathBuf::from(format!("<built-in>/i18n/{name}")),
            source.to_string(),
            d.into_sorted(),
        ));
    }
    (texts, reports)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::diagnostic::position;
    use jiff::civil::date;

    fn embedded(name: &str) -> &'static str {
        EMBEDDED_UI_TEXT
            .iter()
            .find(|(n, _)| *n == name)
            .expect("the file is embedded")
            .1
    }

    /// The printed report lines of a set of language files.
    fn report_lines(files: &[(&str, &str)]) -> Vec<String> {
        let (_, reports) = load_files(files);
        reports.iter().flat_map(|r| r.lines()).collect()
    }

    #[test]
    fn the_app_reads_each_embedded_file_as_the_full_check_does() {
        for (i, (name, source)) in EMBEDDED_UI_TEXT.iter().enumerate() {
            // What the build compiled is what compiling the file gives now.
            assert_eq!(COMPILED_UI_TEXT[i], compiled::compile(source), "{name}");
            let checked = parse_file(name, source).text.expect("checks pass");
            let read = parsed_at(i).expect("reads");
            assert_eq!(read.language, checked.language);
            assert_eq!(read.all_lines(), checked.all_lines(), "{name}");
            let day = date(2026, 11, 23);
            assert_eq!(read.date(day), checked.date(day));
        }
        // A file that lacks a message is not used (English is, instead).
        let en = embedded("en.ftl");
        let cut: String = en
            .lines()
            .filter(|l| !l.starts_with("back ="))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(
            cut.len() + "back = Back".len() <= en.len() + 1,
            "`back` removed"
        );
        let whole = compiled::compile(en).expect("compiles");
        let read = from_compiled("en.ftl", &whole).expect("reads");
        // Messages in another order than the fields' are found all the same.
        let mut reordered = whole.clone();
        let mut messages = whole.messages.to_vec();
        messages.reverse();
        let last = u16::try_from(messages.len() - 1).unwrap();
        reordered.messages = messages.into();
        reordered.by_id = whole.by_id.iter().map(|&i| last - i).collect();
        let read_reordered = from_compiled("en.ftl", &reordered).expect("reads");
        assert_eq!(read_reordered.all_lines(), read.all_lines());
        assert_eq!(read_reordered.lines(), read.lines());
        let cut = compiled::compile(&cut).expect("compiles");
        assert!(from_compiled("en.ftl", &cut).is_none());
        // Nor is a file Fluent would not read whole.
        assert!(compiled::compile("back = {").is_none());
        assert!(compiled::compile("back = Back\nback = Again\n").is_none());
    }

    /// The Fluent part of a compiled file holds exactly the messages that
    /// are more than text, variables and choices by a variable, each as
    /// written; a file with terms keeps it all, so that references resolve.
    #[test]
    fn only_messages_beyond_text_variables_and_choices_are_left_to_fluent() {
        let file = compiled::compile(
            "# head\nhello = Hello { $name }\n## group\nn-days =\n    { $n ->\n        [0] today\n        [one] { $n } day\n       *[other] { $n } days\n    }\nprice = { NUMBER($n) } euros\nbye = Bye\n",
        )
        .unwrap();
        assert_eq!(file.fluent, "price = { NUMBER($n) } euros\n");
        let ids: Vec<&str> = file.messages.iter().map(|m| m.id.as_ref()).collect();
        assert_eq!(ids, ["hello", "n-days", "price", "bye"]);
        assert_eq!(*file.by_id, [3, 0, 1, 2]);
        assert!(file.messages[2].pieces.is_none());
        assert_eq!(
            file.messages[0].pieces.as_deref(),
            Some(&[Piece::Text("Hello ".into()), Piece::Variable("name".into())][..])
        );
        let n = || Piece::Variable("n".into());
        assert_eq!(
            file.messages[1].pieces.as_deref(),
            Some(
                &[Piece::Select {
                    variable: "n".into(),
                    variants: vec![
                        Variant {
                            key: VariantKey::Number("0".into()),
                            default: false,
                            pieces: vec![Piece::Text("today".into())].into(),
                        },
                        Variant {
                            key: VariantKey::Name("one".into()),
                            default: false,
                            pieces: vec![n(), Piece::Text(" day".into())].into(),
                        },
                        Variant {
                            key: VariantKey::Name("other".into()),
                            default: true,
                            pieces: vec![n(), Piece::Text(" days".into())].into(),
                        },
                    ]
                    .into(),
                }][..]
            )
        );
        let with_term = "-brand = Care\nhello = { -brand } says hi\nbye = Bye\n";
        assert_eq!(compiled::compile(with_term).unwrap().fluent, with_term);
    }

    /// A choice is made as Fluent makes it: a number equal to a number key
    /// first, then its plural category in the language, a text equal to a
    /// key, the default for anything else or a missing value.
    #[test]
    fn a_choice_is_made_as_fluent_makes_it() {
        const SOURCE: &str = "n-days =\n    { $n ->\n        [0] today\n        [1.0] one point zero\n        [one] { $n } day\n        [few] { $n } days (few)\n       *[other] { $n } days\n    }\nkind =\n    { $kind ->\n        [gel] Use the gel on { $n }\n        [other] Something else\n       *[cream] Use the cream\n    }\n";
        let file = compiled::compile(SOURCE).unwrap();
        assert!(file.fluent.is_empty(), "{}", file.fluent);
        let values: [&dyn Display; 12] = [
            &0, &1, &"1.0", &2, &3, &5, &22, &"0.0", &-1, &"gel", &"other", &"one",
        ];
        for language in ["en", "es", "fr", "pl"] {
            let ours = Arc::new(Messages::new(
                Fluent::later(language, file.fluent.clone()),
                file.messages.iter().map(MsgData::compiled).collect(),
            ));
            let fluent = Arc::new(Messages::new(
                Fluent::later(language, Cow::Borrowed(SOURCE)),
                file.messages
                    .iter()
                    .map(|m| MsgData {
                        id: m.id.clone(),
                        text: OnceLock::new(),
                        pieces: None,
                    })
                    .collect(),
            ));
            for index in 0..file.messages.len() {
                let ours = Msg {
                    messages: Arc::clone(&ours),
                    index,
                };
                let fluent = Msg {
                    messages: Arc::clone(&fluent),
                    index,
                };
                assert!(ours.data().pieces.is_some());
                assert_eq!(ours.text(), fluent.text(), "{language} {}", ours.id());
                for value in values {
                    for name in ["n", "kind"] {
                        let args: [(&str, &dyn Display); 1] = [(name, value)];
                        assert_eq!(
                            ours.format(&args),
                            fluent.format(&args),
                            "{language} {} with {name} = {value}",
                            ours.id()
                        );
                    }
                    let both: [(&str, &dyn Display); 2] = [("kind", &"gel"), ("n", value)];
                    assert_eq!(ours.format(&both), fluent.format(&both));
                }
            }
        }
        // The cases above reach every kind of key.
        let en = Msg {
            messages: Arc::new(Messages::new(
                Fluent::later("en", file.fluent.clone()),
                file.messages.iter().map(MsgData::compiled).collect(),
            )),
            index: 0,
        };
        let n = |v: &dyn Display| en.format(&[("n", v)]);
        assert_eq!(
            [n(&0), n(&"1.0"), n(&1), n(&3), n(&"x")],
            ["today", "one point zero", "1 day", "3 days", "x days"]
        );
    }

    #[test]
    fn every_embedded_language_loads_cleanly() {
        let (texts, reports) = load_all();
        for r in &reports {
            assert!(r.diagnostics.is_empty(), "{r}");
        }
        assert_eq!(texts.len(), EMBEDDED_UI_TEXT.len());
        assert!(texts.iter().any(|t| t.language == "en"));
        let es = texts.iter().find(|t| t.language == "es").unwrap();
        assert_eq!(es.weekdays.len(), 7);
        assert_eq!(es.months_long[11], "diciembre");
    }

    /// Every message of every language, as the app fills it in (from the
    /// compiled file: text and variables by hand, the rest by Fluent from
    /// the compiled file's own Fluent messages), equals Fluent's result
    /// from the whole file.
    #[test]
    fn every_message_fills_in_as_fluent_does() {
        let (checked, _) = load_all();
        let values: [&dyn Display; 13] = [
            &0,
            &1,
            &21,
            &-1,
            &"2.5",
            &"007",
            &"1.50",
            &"Mon 23 Nov",
            &"{ $n }",
            &"-0",
            &"0",
            &"123456789012345678901",
            &-40,
        ];
        let mut simple = 0;
        for checked in &checked {
            let text = parsed(&checked.language).expect("compiled");
            assert_eq!(text.language, checked.language);
            for (msg, fluent) in text.messages().into_iter().zip(checked.messages()) {
                assert_eq!(msg.id(), fluent.id());
                let fluent_text = fluent.fluent().format(fluent.id(), None, &mut Vec::new());
                assert_eq!(Some(msg.text()), fluent_text.as_ref(), "{}", msg.id());
                let mut names = BTreeSet::new();
                let pattern = fluent
                    .fluent()
                    .bundle()
                    .unwrap()
                    .get_message(msg.id())
                    .unwrap();
                pattern_variables(pattern.value().unwrap(), &mut names);
                if msg.data().pieces.is_some() {
                    simple += 1;
                }
                assert_eq!(
                    msg.format(&[]),
                    fluent.format_with_fluent(&[]),
                    "{}",
                    msg.id()
                );
                for value in values {
                    let args: Vec<(&str, &dyn Display)> =
                        names.iter().map(|n| (n.as_str(), value)).collect();
                    assert_eq!(
                        msg.format(&args),
                        fluent.format_with_fluent(&args),
                        "{} with {value}",
                        msg.id()
                    );
                    // One value missing: Fluent's own way.
                    if let Some(rest) = args.get(1..) {
                        assert_eq!(
                            msg.format(rest),
                            fluent.format_with_fluent(rest),
                            "{}",
                            msg.id()
                        );
                    }
                }
            }
        }
        // Every message the app ships is compiled: none waits for Fluent.
        let total: usize = checked.iter().map(|c| c.messages().len()).sum();
        assert_eq!(simple, total);
        let en = UiText::english();
        assert!(matches!(
            en.days_before.data().pieces.as_deref(),
            Some([Piece::Select { .. }])
        ));
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
        assert_eq!(en.days_before(0), "The day of your treatment");
        assert_eq!(en.minutes(30, 60), "about 30 to 60 minutes");
        assert_eq!(en.minutes_exact(1), "1 minute");
        assert_eq!(en.minutes_exact(45), "45 minutes");
    }

    #[test]
    fn a_message_reads_as_its_text() {
        let en = UiText::english();
        assert_eq!(en.back.as_str(), "Back");
        assert_eq!(format!("[{}]", en.back), "[Back]");
        assert_eq!(en.back.id(), "back");
        let s: &str = &en.back;
        assert_eq!(s, "Back");
    }

    #[test]
    fn numbers_follow_each_languages_plural_rules() {
        let en = UiText::english();
        let es = UiText::for_language("es");
        let over = |ui: &UiText, n: u64| fill(&ui.starting_over_in, &[("n", &n)]);
        assert_eq!(over(en, 1), "Starting over in 1 second");
        assert_eq!(over(en, 2), "Starting over in 2 seconds");
        assert_eq!(over(en, 0), "Starting over in 0 seconds");
        assert_eq!(over(es, 1), "Se empieza de nuevo en 1 segundo");
        assert_eq!(over(es, 2), "Se empieza de nuevo en 2 segundos");
        assert_eq!(es.days_before(-1), "1 día antes");
        assert_eq!(es.days_before(-3), "3 días antes");
        assert_eq!(
            fill(&en.holds_limits, &[("n", &1usize)]),
            "1 limit, on a day-by-day chart"
        );
        assert_eq!(fill(&en.relative_past, &[("n", &1)]), "1 day ago");
        // No bidi isolation marks around values in terminal text.
        assert!(!over(en, 3).contains('\u{2068}'));
    }

    #[test]
    fn text_values_stay_text_and_plain_templates_are_filled() {
        let en = UiText::english();
        assert_eq!(
            fill(&en.export_failed, &[("error", &"disk 1 full")]),
            "Could not save the take-home copy: disk 1 full"
        );
        assert_eq!(fill("Day {n}", &[("n", &3)]), "Day 3");
        assert_eq!(
            fill(&"{label} (more)".to_string(), &[("label", &"x")]),
            "x (more)"
        );
        assert!(matches!(
            fluent_value("2026".into()),
            FluentValue::Number(_)
        ));
        assert!(matches!(fluent_value("-1".into()), FluentValue::Number(_)));
        assert!(matches!(fluent_value("inf".into()), FluentValue::String(_)));
        assert!(matches!(fluent_value("1e5".into()), FluentValue::String(_)));
    }

    #[test]
    fn a_missing_or_unknown_message_is_reported() {
        let broken = embedded("en.ftl")
            .replace("\nkey-quit = Quit\n", "\n")
            .replace("\nback = Back\n", "\nbakc = Back\n");
        let parsed = parse_file("en.ftl", &broken);
        assert!(parsed.text.is_none(), "a file with errors is not used");
        let lines = report_lines(&[("en.ftl", &broken)]);
        assert!(
            lines
                .iter()
                .any(|l| l.contains("missing message `key-quit`")),
            "{lines:#?}"
        );
        let at = position(&broken, broken.find("\nbakc").unwrap() + 1);
        assert!(
            lines.iter().any(|l| l.starts_with(&format!(
                "<built-in>/i18n/en.ftl:{}:1: error: unknown message `bakc`, did you mean `back`?",
                at.line
            ))),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_syntax_error_is_reported_at_its_line_and_column() {
        let english = embedded("en.ftl");
        // `next` without its `=`.
        let broken = english.replace("\nnext = Next\n", "\nnext Next\n");
        let line = broken[..broken.find("\nnext Next").unwrap()]
            .matches('\n')
            .count()
            + 2;
        let lines = report_lines(&[("en.ftl", &broken)]);
        assert_eq!(
            lines,
            [format!(
                "<built-in>/i18n/en.ftl:{line}:6: error: Fluent syntax: Expected a token starting with \"=\""
            )],
            "only the syntax error, not the message it swallowed"
        );
        assert!(parse_file("en.ftl", &broken).text.is_none());
        // An unclosed placeable: a placeable may go on over lines, so the
        // parser stops at the start of the next message.
        let broken = english.replace("\nday = Day { $n }\n", "\nday = Day { $n\n");
        let line = broken[..broken.find("\nday = Day").unwrap()]
            .matches('\n')
            .count()
            + 2;
        assert_eq!(
            report_lines(&[("en.ftl", &broken)]),
            [format!(
                "<built-in>/i18n/en.ftl:{}:1: error: Fluent syntax: Expected a token starting with \"}}\"",
                line + 1
            )]
        );
    }

    #[test]
    fn a_translation_must_keep_the_english_variables() {
        let english = embedded("en.ftl");
        let spanish = embedded("es.ftl").replace("\nday = Día { $n }\n", "\nday = Día { $m }\n");
        let lines = report_lines(&[("en.ftl", english), ("es.ftl", &spanish)]);
        let at = position(&spanish, spanish.find("\nday = Día").unwrap() + 1);
        assert_eq!(
            lines,
            [format!(
                "<built-in>/i18n/es.ftl:{}:1: error: message `day` must use the variables of the English message ($n); found $m",
                at.line
            )]
        );
        let (texts, _) = load_files(&[("en.ftl", english), ("es.ftl", &spanish)]);
        assert_eq!(texts.len(), 1, "the broken Spanish is not used");
    }

    #[test]
    fn a_message_that_does_not_format_or_a_short_list_is_reported() {
        let broken = embedded("en.ftl")
            .replace("\nback = Back\n", "\nback = { no-such-message }\n")
            .replace(
                "\nweekdays = Mon, Tue, Wed, Thu, Fri, Sat, Sun\n",
                "\nweekdays = Mon, Tue, Wed\n",
            );
        let lines = report_lines(&[("en.ftl", &broken)]);
        assert!(
            lines
                .iter()
                .any(|l| l.contains("message `back` does not format")
                    && l.contains("no-such-message")),
            "{lines:#?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("`weekdays` must list 7 days, Monday first")
                    && l.contains("found 3")),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_file_name_that_is_no_language_code_is_reported() {
        let lines = report_lines(&[("not a code!.ftl", embedded("en.ftl"))]);
        assert!(
            lines.iter().any(|l| l.contains("must be a language code")),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_third_language_brings_its_own_plural_rules() {
        let english = embedded("en.ftl");
        // French counts 0 as "one"; English does not.
        let (texts, reports) = load_files(&[("en.ftl", english), ("fr.ftl", english)]);
        assert!(reports.iter().all(|r| r.diagnostics.is_empty()));
        let fr = texts.iter().find(|t| t.language == "fr").unwrap();
        assert_eq!(
            fill(&fr.starting_over_in, &[("n", &0)]),
            "Starting over in 0 second"
        );
        assert_eq!(
            fill(&UiText::english().starting_over_in, &[("n", &0)]),
            "Starting over in 0 seconds"
        );
        // Polish has "few" and "many".
        let start = english.find("\nstarting-over-in =").unwrap() + 1;
        let end = start + english[start..].find("\n    }\n").unwrap() + 7;
        let polish = format!(
            "{}{}{}",
            &english[..start],
            "starting-over-in =\n    { $n ->\n        [one] { $n } sekunda\n        [few] { $n } sekundy\n        [many] { $n } sekund\n       *[other] { $n } sekundy\n    }\n",
            &english[end..]
        );
        let (texts, reports) = load_files(&[("en.ftl", english), ("pl.ftl", &polish)]);
        assert!(
            reports.iter().all(|r| r.diagnostics.is_empty()),
            "{reports:?}"
        );
        let pl = texts.iter().find(|t| t.language == "pl").unwrap();
        let over = |n: u32| fill(&pl.starting_over_in, &[("n", &n)]);
        assert_eq!(over(1), "1 sekunda");
        assert_eq!(over(2), "2 sekundy");
        assert_eq!(over(5), "5 sekund");
        assert_eq!(over(22), "22 sekundy");
        assert_eq!(over(25), "25 sekund");
    }
}
