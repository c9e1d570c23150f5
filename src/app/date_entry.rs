//! The treatment date: typed (as `2026-11-20`, or the way the reader's
//! language writes dates: 11/20/2026 in English, 20/11/2026 in Spanish),
//! moved a day at a time, set to today, or picked by the kiosk's "3 days
//! ago" / "in 5 days" buttons.

use jiff::civil::Date;

use super::{Action, App, Mode, Screen};
use crate::dates::{self, DateProblem};

/// The date field.
#[derive(Clone, Debug, Default)]
pub struct DateEntry {
    pub text: String,
    pub error: Option<String>,
}

impl DateEntry {
    pub fn new(date: Option<Date>) -> Self {
        Self {
            text: date.map(|d| d.to_string()).unwrap_or_default(),
            error: None,
        }
    }
}

/// The characters of a pasted date that a date can have.
pub fn date_chars(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
        .take(10)
        .collect()
}

/// A typed date: `YYYY-MM-DD` always; `M/D/YYYY` in English and `D/M/YYYY`
/// in Spanish (and with dots), the order each writes dates in.
pub fn parse_typed(text: &str, language: &str) -> Result<Date, DateProblem> {
    let t = text.trim();
    if let Some(sep) = ['/', '.'].into_iter().find(|c| t.contains(*c)) {
        let parts: Vec<&str> = t.split(sep).collect();
        let [a, b, year] = parts.as_slice() else {
            return Err(DateProblem::Shape);
        };
        let (month, day) = if language.starts_with("en") {
            (a, b)
        } else {
            (b, a)
        };
        let pad = |s: &str| format!("{s:0>2}");
        if year.len() != 4 || month.is_empty() || day.is_empty() {
            return Err(DateProblem::Shape);
        }
        return dates::parse_date_checked(&format!("{year}-{}-{}", pad(month), pad(day)));
    }
    dates::parse_date_checked(t)
}

impl App {
    /// Input on the date screen. Returns true when the field took it.
    pub(crate) fn date_input(&mut self, action: &Action) -> bool {
        match action {
            Action::Input('-') if self.date_is_empty_or_whole() => self.adjust_date(-1),
            Action::Input(c) if c.is_ascii_digit() || matches!(c, '-' | '/' | '.') => {
                if self.date.text.chars().count() < 10 {
                    self.date.text.push(*c);
                }
                self.date.error = None;
            }
            // Other letters mean nothing in a date (and open nothing).
            Action::Input(_) => {}
            Action::Paste(text) => {
                self.date.text = date_chars(text);
                self.date.error = None;
            }
            Action::Backspace => {
                self.date.text.pop();
                self.date.error = None;
            }
            Action::DateToday => {
                self.date.text = self.clock.today.to_string();
                self.date.error = None;
            }
            Action::DateAdjust(days) => self.adjust_date(*days),
            Action::DaysAgo(n) => self.days_ago(*n),
            Action::DateSkip => {
                self.date.text.clear();
                self.set_treatment_date(None);
                self.next();
            }
            Action::Submit | Action::Next => self.submit_date(),
            _ => return false,
        }
        true
    }

    /// Whether the field is empty or holds a whole date (then `-` moves the
    /// date a day earlier instead of being typed).
    fn date_is_empty_or_whole(&self) -> bool {
        let t = self.date.text.trim();
        t.is_empty() || parse_typed(t, &self.content.language).is_ok()
    }

    fn adjust_date(&mut self, days: i64) {
        let base = parse_typed(&self.date.text, &self.content.language)
            .ok()
            .or(self.content.treatment_date)
            .unwrap_or(self.clock.today);
        if let Some(d) = dates::date_of_day(base, days) {
            self.date.text = d.to_string();
        }
        self.date.error = None;
    }

    fn submit_date(&mut self) {
        if self.date.text.trim().is_empty() {
            if self.mode() == Mode::Kiosk {
                // The kiosk needs a date: it is what today's care is about.
                self.date.error = Some(self.ui().kiosk_date_needed.to_string());
                return;
            }
            self.set_treatment_date(None);
            self.next();
            return;
        }
        match parse_typed(&self.date.text, &self.content.language) {
            Ok(date) => self.accept_date(date),
            Err(e) => self.date.error = Some(e.in_language(self.ui())),
        }
    }

    /// Kiosk: "3 days ago" (`n` = 3) or "in 5 days" (`n` = -5).
    pub(crate) fn days_ago(&mut self, n: i64) {
        if let Some(d) = dates::date_of_day(self.clock.today, -n) {
            self.date.text = d.to_string();
            self.accept_date(d);
        }
    }

    /// A date the reader chose: checked against the kiosk path, then set;
    /// a treatment in the past opens today's aftercare.
    fn accept_date(&mut self, date: Date) {
        let day = dates::day_of_date(date, self.clock.today);
        if let Some(why) = self.kiosk.path.and_then(|p| p.refuses(day, self.ui())) {
            self.date.error = Some(why);
            return;
        }
        self.set_treatment_date(Some(date));
        self.next();
        if self.mode() == Mode::Practitioner && self.nav.screen == Screen::Overview {
            self.open_today_if_treated();
        }
    }

    pub fn set_treatment_date(&mut self, date: Option<Date>) {
        self.content.treatment_date = date;
        self.date.error = None;
        self.rebuild_plan();
        if let Some(day) = self.today_day().filter(|d| *d >= 0) {
            self.nav.day = self.entry_for_day(day);
        }
    }
}

/// Date problems in the reader's language.
impl DateProblem {
    pub fn in_language(&self, ui: &crate::i18n::UiText) -> String {
        use crate::i18n::fill;
        match self {
            DateProblem::Shape => ui.date_error_shape.to_string(),
            DateProblem::Month => ui.date_error_month.to_string(),
            DateProblem::Year => ui.date_error_year.to_string(),
            DateProblem::Day { days, month, year } => fill(
                &ui.date_error_day,
                &[
                    ("days", days),
                    ("month", &ui.month_name(*month)),
                    ("year", year),
                ],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_are_typed_the_way_each_language_writes_them() {
        assert_eq!(parse_typed("2026-11-20", "en"), Ok(date(2026, 11, 20)));
        assert_eq!(parse_typed("11/20/2026", "en"), Ok(date(2026, 11, 20)));
        assert_eq!(parse_typed("20/11/2026", "es"), Ok(date(2026, 11, 20)));
        assert_eq!(parse_typed("20.11.2026", "es"), Ok(date(2026, 11, 20)));
        assert_eq!(parse_typed("1/5/2026", "en"), Ok(date(2026, 1, 5)));
        assert_eq!(parse_typed("20/11/2026", "en"), Err(DateProblem::Month));
        assert!(matches!(
            parse_typed("2/30/2026", "en"),
            Err(DateProblem::Day { days: 28, .. })
        ));
        assert_eq!(parse_typed("11/20", "en"), Err(DateProblem::Shape));
    }
}
