//! The kiosk's session: the patient's path, the idle reset ("Still there?",
//! then starting over and forgetting them), and the staff exit with its
//! PIN, which locks for longer after each run of wrong tries.

use std::time::{Duration, Instant};

use super::{Action, App, Effect, Overlay, Screen, countdown};
use crate::i18n::{UiText, fill};

/// Where a kiosk patient is in their treatment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskPath {
    /// Before the treatment: preparation, numbing, the procedure.
    GettingReady,
    /// After it: today's aftercare first, then the other days and the limits.
    Treated,
}

impl KioskPath {
    /// The date question for this path.
    pub fn date_question(self, ui: &UiText) -> &str {
        match self {
            KioskPath::GettingReady => ui.kiosk_date_question_ahead.as_str(),
            KioskPath::Treated => ui.kiosk_date_question.as_str(),
        }
    }

    /// The days offered as answers to the date question, labelled, each as
    /// days ago (negative: ahead). Getting ready: today, tomorrow, in 2..5,
    /// 7 and 14 days; treated: today, yesterday, 2..7 days ago. The screen
    /// kiosk's buttons and the plain kiosk's numbered answers alike.
    pub fn date_choices(self, ui: &UiText) -> Vec<(String, i64)> {
        let ahead = self == KioskPath::GettingReady;
        let days: [i64; 8] = if ahead {
            [0, 1, 2, 3, 4, 5, 7, 14]
        } else {
            [0, 1, 2, 3, 4, 5, 6, 7]
        };
        let capitalized = |s: &str| {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        };
        days.into_iter()
            .map(|n| {
                let label = match (n, ahead) {
                    (0, _) => ui.button_today.to_string(),
                    (1, false) => capitalized(&ui.relative_yesterday),
                    (1, true) => capitalized(&ui.relative_tomorrow),
                    (n, false) => fill(&ui.days_ago_button, &[("n", &n)]),
                    (n, true) => fill(&ui.in_days_button, &[("n", &n)]),
                };
                (label, if ahead { -n } else { n })
            })
            .collect()
    }

    /// Where today stands on this path, when today is Day `day`: "Today is
    /// Day 3 after your treatment", "Your treatment is in 5 days" (the
    /// screen kiosk's header, the plain kiosk's first line); `None` when
    /// the day does not fit the path.
    pub fn today_line(self, day: i64, ui: &UiText) -> Option<String> {
        match self {
            KioskPath::Treated if day >= 0 => Some(fill(&ui.kiosk_today_day, &[("n", &day)])),
            KioskPath::GettingReady if day <= 0 => {
                Some(fill(&ui.kiosk_treatment_in, &[("n", &-day)]))
            }
            _ => None,
        }
    }

    /// Why a treatment on a date that makes today Day `day` does not fit
    /// this path (a future date for "I had my treatment", a past one for
    /// "I am getting ready"), if it does not.
    pub fn refuses(self, day: i64, ui: &UiText) -> Option<String> {
        match self {
            KioskPath::Treated if day < 0 => Some(ui.kiosk_date_future.to_string()),
            KioskPath::GettingReady if day > 0 => Some(ui.kiosk_date_past.to_string()),
            _ => None,
        }
    }
}

/// How close a kiosk is to forgetting its patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    /// Nothing to forget (the fresh welcome screen), or not a kiosk.
    Off,
    /// Counting quietly.
    Counting,
    /// "Still there?": this many seconds left.
    Warning(u64),
    /// Time is up: start over.
    Expired,
}

/// Wrong staff PINs allowed before the prompt locks.
pub const PIN_TRIES: u32 = 3;
/// The first lock; each further wrong PIN doubles it, up to [`PIN_LOCK_MAX`].
pub const PIN_LOCK_FIRST: Duration = Duration::from_secs(30);
pub const PIN_LOCK_MAX: Duration = Duration::from_secs(60 * 60);

/// Wrong PINs and the lock they earned. It outlives patients: starting over
/// does not unlock the prompt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PinGuard {
    pub failures: u32,
    pub locked_until: Option<Instant>,
}

impl PinGuard {
    /// How long the prompt stays locked, from `now`.
    pub fn locked_for(&self, now: Instant) -> Option<Duration> {
        self.locked_until
            .and_then(|t| t.checked_duration_since(now))
            .filter(|d| !d.is_zero())
    }

    /// A wrong PIN: after [`PIN_TRIES`], each one locks the prompt for
    /// twice as long as the last.
    pub fn failed(&mut self, now: Instant) {
        self.failures += 1;
        if self.failures >= PIN_TRIES {
            let doublings = (self.failures - PIN_TRIES).min(16);
            let lock = PIN_LOCK_FIRST
                .saturating_mul(1 << doublings)
                .min(PIN_LOCK_MAX);
            self.locked_until = Some(now + lock);
        }
    }
}

/// The kiosk's patient session.
#[derive(Clone, Debug)]
pub struct KioskSession {
    /// The patient's path, once chosen.
    pub path: Option<KioskPath>,
    /// When the patient last did anything.
    pub last_input: Instant,
    /// The digits typed into the staff PIN prompt.
    pub pin_entry: String,
    pub pin_guard: PinGuard,
}

impl KioskSession {
    /// The two paths, as rows of the path screen.
    pub const PATHS: [KioskPath; 2] = [KioskPath::GettingReady, KioskPath::Treated];

    pub fn new(now: Instant) -> Self {
        Self {
            path: None,
            last_input: now,
            pin_entry: String::new(),
            pin_guard: PinGuard::default(),
        }
    }
}

impl App {
    /// How close the kiosk is to starting over.
    pub fn idle(&self) -> Idle {
        if self.mode() != super::Mode::Kiosk || self.is_fresh() {
            return Idle::Off;
        }
        let timeout = self.options().idle_timeout;
        let idle = self
            .clock
            .now
            .saturating_duration_since(self.kiosk.last_input);
        if idle >= timeout {
            return Idle::Expired;
        }
        let left = timeout - idle;
        if left <= self.warning_window() {
            Idle::Warning(countdown::whole_seconds(left))
        } else {
            Idle::Counting
        }
    }

    /// The "Still there?" countdown: the last 30 seconds, or the last third
    /// of a shorter timeout.
    pub fn warning_window(&self) -> Duration {
        (self.options().idle_timeout / 3).min(Duration::from_secs(30))
    }

    /// When the idle timer next changes what is shown (or, for a locked PIN
    /// prompt, its countdown).
    pub(crate) fn idle_wakeup(&self) -> Option<Duration> {
        let now = self.clock.now;
        let lock = (self.overlays.open == Some(Overlay::Pin))
            .then(|| self.kiosk.pin_guard.locked_for(now))
            .flatten()
            .map(countdown::until_next_second);
        let idle = match self.idle() {
            Idle::Off => None,
            Idle::Expired => Some(Duration::ZERO),
            Idle::Counting => {
                let warn_at =
                    self.kiosk.last_input + self.options().idle_timeout - self.warning_window();
                Some(warn_at.saturating_duration_since(now))
            }
            Idle::Warning(_) => {
                let end = self.kiosk.last_input + self.options().idle_timeout;
                Some(countdown::until_next_second(
                    end.saturating_duration_since(now),
                ))
            }
        };
        [lock, idle].into_iter().flatten().min()
    }

    /// Whether a kiosk holds nothing of a patient: the welcome screen in
    /// the starting language.
    pub fn is_fresh(&self) -> bool {
        self.nav.screen == Screen::Welcome
            && self.overlays.open.is_none()
            && self.content.language == self.initial_language()
    }

    fn initial_language(&self) -> String {
        super::start_language(
            &self.content.library,
            self.options(),
            &self.content.guide_id,
        )
    }

    /// Kiosk input: it is the patient, so the idle timer starts again; the
    /// first input after "Still there?" only keeps reading. Returns true
    /// when the input is used up.
    pub(crate) fn kiosk_input_consumed(&mut self, action: &Action) -> bool {
        let warned = matches!(self.idle(), Idle::Warning(_));
        self.kiosk.last_input = self.clock.now;
        warned || *action == Action::StillHere
    }

    /// Kiosk: forgets the patient. Everything is rebuilt from the starting
    /// options, so nothing they chose, typed, ticked or scrolled survives;
    /// only the clock and the staff PIN's lock carry over.
    pub fn start_over(&mut self) {
        let guard = self.kiosk.pin_guard;
        match App::with_clock(
            self.content.library.clone(),
            super::Options {
                today: self.clock.today,
                ..self.options().clone()
            },
            self.clock,
        ) {
            Ok(fresh) => *self = fresh,
            Err(_) => self.nav.screen = Screen::Welcome,
        }
        self.kiosk.pin_guard = guard;
    }

    /// Kiosk: sets the patient's path and moves on to its first screen.
    pub(crate) fn choose_path(&mut self, path: KioskPath) {
        if self.mode() != super::Mode::Kiosk {
            return;
        }
        self.kiosk.path = Some(path);
        self.nav.cursor = KioskSession::PATHS
            .iter()
            .position(|p| *p == path)
            .unwrap_or(0);
        let steps = self.steps();
        if let Some(i) = steps.iter().position(|s| *s == Screen::Path)
            && let Some(&next) = steps.get(i + 1)
        {
            self.go(next);
        }
    }

    /// The staff chord: ask for the PIN, or say staff exit is off.
    pub(crate) fn staff_exit(&mut self) {
        if self.options().staff_pin_hash.is_some() {
            self.kiosk.pin_entry.clear();
            self.open(Overlay::Pin);
        } else {
            self.notices.message = Some(self.ui().staff_exit_off.to_string());
        }
    }

    /// Keys in the staff PIN prompt: digits, Backspace, Enter, Esc. While
    /// the prompt is locked, digits do nothing.
    pub(crate) fn pin_input(&mut self, action: &Action, fx: &mut Vec<Effect>) {
        let now = self.clock.now;
        let locked = self.kiosk.pin_guard.locked_for(now).is_some();
        match action {
            Action::Input(c)
                if !locked
                    && c.is_ascii_digit()
                    && self.kiosk.pin_entry.len() < *crate::pin::PIN_LENGTH.end() =>
            {
                self.kiosk.pin_entry.push(*c);
            }
            Action::Backspace => {
                self.kiosk.pin_entry.pop();
            }
            Action::Submit if !locked => {
                let entry = std::mem::take(&mut self.kiosk.pin_entry);
                let ok = self
                    .options()
                    .staff_pin_hash
                    .as_deref()
                    .is_some_and(|hash| crate::pin::verify_pin(&entry, hash));
                if ok {
                    self.kiosk.pin_guard = PinGuard::default();
                    self.overlays = super::Overlays::default();
                    self.notices.message = None;
                    fx.push(Effect::Quit(0));
                } else {
                    self.kiosk.pin_guard.failed(now);
                    if self.kiosk.pin_guard.locked_for(now).is_none() {
                        // Below the lock: the patient's screen comes back.
                        self.overlays = super::Overlays::default();
                        self.notices.message = Some(self.ui().pin_wrong.to_string());
                    }
                }
            }
            Action::Close => {
                self.kiosk.pin_entry.clear();
                self.overlays = super::Overlays::default();
            }
            _ => {}
        }
    }
}
