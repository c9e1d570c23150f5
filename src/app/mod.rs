//! The interactive guide's state and its update function. Nothing here
//! touches the terminal: input arrives as [`Action`]s, time from the
//! [`Clock`] the event loop advances, and [`App::update`] returns the
//! [`Effect`]s (saving, printing, the bell, speech, quitting) for the loop
//! to carry out. The screens are drawn from `&App` by [`crate::ui`].
//!
//! The state is grouped by concern, one module each: [`navigation`] (where
//! the reader is), [`date_entry`] (the treatment-date field),
//! [`checklist`] (ticks and screening answers), [`picker`] (guide and
//! add-ons), [`overlays`] (windows over the screen), [`kiosk`] (the kiosk's
//! session: path, idle reset, staff PIN), [`search`] and [`countdown`].
//! What a mode may do is decided in one place: [`permissions`].

pub mod action;
pub mod checklist;
pub mod clock;
pub mod countdown;
pub mod date_entry;
pub mod kiosk;
pub mod navigation;
pub mod overlays;
pub mod permissions;
pub mod picker;
pub mod search;

use std::time::{Duration, Instant};

use jiff::civil::Date;

pub use action::{Action, Effect};
pub use checklist::{Checklist, PrepItem};
pub use clock::Clock;
pub use countdown::Countdown;
pub use date_entry::DateEntry;
pub use kiosk::{Idle, KioskPath, KioskSession};
pub use navigation::{Nav, Screen};
pub use overlays::{IndexEntry, Overlay, Overlays};
pub use permissions::Mode;
pub use picker::PickerRow;
use search::Search;

use crate::config::ClinicContact;
use crate::guide::{Guide, Library};
use crate::i18n::UiText;
use crate::plan::Plan;

/// How the app starts.
#[derive(Clone, Debug)]
pub struct Options {
    pub mode: Mode,
    pub language: Option<String>,
    pub guide: Option<String>,
    pub addons: Vec<String>,
    pub treatment_date: Option<Date>,
    /// Today, when the app starts (the event loop's clock moves it on).
    pub today: Date,
    /// The clinic's contact details, replacing the guides' (from the config).
    pub contact: ClinicContact,
    /// Kiosk: how long without input before starting over.
    pub idle_timeout: Duration,
    /// Kiosk: the staff PIN's hash; without it staff exit is off.
    pub staff_pin_hash: Option<String>,
    /// Whether the config names a print command.
    pub can_print: bool,
    /// What the take-home QR code links to instead of holding a summary
    /// (the config's `[export] qr_url`).
    pub qr_url: Option<String>,
}

impl Options {
    /// Practitioner defaults: the first guide, no date, no config.
    pub fn new(today: Date) -> Self {
        Self {
            mode: Mode::Practitioner,
            language: None,
            guide: None,
            addons: Vec::new(),
            treatment_date: None,
            today,
            contact: ClinicContact::default(),
            idle_timeout: Duration::from_secs(crate::config::DEFAULT_IDLE_SECS),
            staff_pin_hash: None,
            can_print: false,
            qr_url: None,
        }
    }
}

/// What is shown: the guides, the language, the patient's plan.
#[derive(Debug)]
pub struct Content {
    pub library: Library,
    pub language: String,
    /// The chosen guide's id.
    pub guide_id: String,
    /// The chosen add-ons' ids.
    pub addons: Vec<String>,
    pub treatment_date: Option<Date>,
    /// The guide in `language`, merged with `addons`, dated.
    pub plan: Plan,
}

/// Lines that tell the user something, and display choices.
#[derive(Debug, Default)]
pub struct Notices {
    /// A one-line message for the footer (cleared by the next action).
    pub message: Option<String>,
    /// Something that must be seen until it is acknowledged (the numbing
    /// time is up).
    pub alert: Option<String>,
    /// Problems with reloaded guide files (`--watch`), shown until fixed.
    pub reload_errors: Vec<String>,
    /// Practitioner: the "ask the patient" prompts are shown.
    pub show_teach_back: bool,
    /// The screen is being read aloud (the next input stops it).
    pub reading_aloud: bool,
}

/// The whole state of the interactive guide.
#[derive(Debug)]
pub struct App {
    mode: Mode,
    /// How the app started: a kiosk reset starts from here again.
    initial: Options,
    pub clock: Clock,
    pub content: Content,
    pub nav: Nav,
    pub checklist: Checklist,
    pub date: DateEntry,
    pub overlays: Overlays,
    pub search: Search,
    pub countdown: Countdown,
    pub kiosk: KioskSession,
    pub notices: Notices,
}

/// Why the app cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("no guides could be loaded")]
    NoGuides,
    #[error("no guide `{0}`; the guides are: {1}")]
    UnknownGuide(String, String),
    #[error(transparent)]
    Plan(#[from] crate::plan::PlanError),
}

impl App {
    /// A new app at `now`, on `options.today` (the clock then follows the
    /// event loop's; see [`App::set_time`]).
    pub fn new(library: Library, options: Options, now: Instant) -> Result<Self, StartError> {
        Self::with_clock(library, options, Clock::fixed(now, Date::ZERO))
    }

    /// A new app with its clock.
    pub fn with_clock(
        library: Library,
        options: Options,
        clock: Clock,
    ) -> Result<Self, StartError> {
        let clock = if clock.today == Date::ZERO {
            Clock {
                today: options.today,
                ..clock
            }
        } else {
            clock
        };
        let first = library.guides.first().ok_or(StartError::NoGuides)?;
        let guide_id = match &options.guide {
            Some(id) if library.find(id, None).is_some() => id.clone(),
            Some(id) => {
                return Err(StartError::UnknownGuide(
                    id.clone(),
                    library.ids().join(", "),
                ));
            }
            None => first.id.value.to_string(),
        };
        let language = start_language(&library, &options, &guide_id);
        let kiosk = options.mode == Mode::Kiosk;
        // A kiosk always starts fresh: the patient chooses everything.
        let (addons, date) = if kiosk {
            (Vec::new(), None)
        } else {
            (options.addons.clone(), options.treatment_date)
        };
        let guide = version(&library, &guide_id, &language);
        let plan = make_plan(guide, &addons, date, &options.contact)?;
        let countdown = Countdown::new(Duration::from_secs(
            u64::from(plan.guide.numbing.minutes) * 60,
        ));
        let mut app = Self {
            mode: options.mode,
            clock,
            content: Content {
                addons: plan
                    .chosen_addons()
                    .map(|a| a.id.value.to_string())
                    .collect(),
                treatment_date: date,
                plan,
                language,
                guide_id,
                library,
            },
            nav: Nav::default(),
            checklist: Checklist::default(),
            date: DateEntry::new(date),
            overlays: Overlays::default(),
            search: Search::default(),
            countdown,
            kiosk: KioskSession::new(clock.now),
            notices: Notices {
                show_teach_back: options.mode == Mode::Practitioner,
                ..Notices::default()
            },
            initial: options,
        };
        app.nav.screen = app.steps()[0];
        if app.initial.guide.is_some() && !kiosk {
            // Opened straight into a plan: skip the setup screens, and a
            // treatment in the past opens on today's aftercare.
            app.nav.screen = Screen::Overview;
            app.open_today_if_treated();
        }
        Ok(app)
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// How the app started.
    pub fn options(&self) -> &Options {
        &self.initial
    }

    pub fn ui(&self) -> &'static UiText {
        UiText::for_language(&self.content.language)
    }

    pub fn plan(&self) -> &Plan {
        &self.content.plan
    }

    pub fn guide(&self) -> &Guide {
        &self.content.plan.guide
    }

    pub fn today(&self) -> Date {
        self.clock.today
    }

    pub fn now(&self) -> Instant {
        self.clock.now
    }

    /// Moves the clock on (the event loop does this before every action).
    pub fn set_time(&mut self, now: Instant, today: Date) {
        self.clock.now = now;
        self.clock.today = today;
    }

    /// Moves the clock on to the system's time.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Today's plan day, when the treatment date is known.
    pub fn today_day(&self) -> Option<i64> {
        self.content.plan.day_of(self.clock.today)
    }

    /// The aftercare entry that holds today, if today is in the aftercare.
    pub fn today_entry(&self) -> Option<usize> {
        self.today_day()
            .and_then(|d| self.guide().aftercare_for_day(d))
    }

    /// The aftercare entry for a plan day (the first or last when outside).
    pub fn entry_for_day(&self, day: i64) -> usize {
        let g = self.guide();
        g.aftercare_for_day(day).unwrap_or(if day < 0 {
            0
        } else {
            g.aftercare.len().saturating_sub(1)
        })
    }

    /// The languages the app can switch between.
    pub fn languages(&self) -> Vec<String> {
        self.content
            .library
            .languages()
            .into_iter()
            .map(String::from)
            .collect()
    }

    /// How long the event loop may sleep before something on screen
    /// changes: the countdown's next second, the kiosk's idle warning, or
    /// midnight when the screen shows what day it is. `None`: nothing moves,
    /// so sleep until input.
    pub fn next_wakeup(&self) -> Option<Duration> {
        let idle = self.idle_wakeup();
        let countdown = self.countdown.next_change(self.clock.now);
        let midnight = self.clock.until_midnight.filter(|_| self.shows_the_day());
        [idle, countdown, midnight].into_iter().flatten().min()
    }

    /// Whether the screen says what day it is (then midnight changes it).
    fn shows_the_day(&self) -> bool {
        match self.mode {
            Mode::Practitioner => {
                self.content.treatment_date.is_some() || self.nav.screen == Screen::Date
            }
            // A fresh kiosk sleeps: its welcome screen shows no date.
            Mode::Kiosk => !self.is_fresh(),
        }
    }

    /// Applies one action; returns what the event loop must do outside.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut fx = Vec::new();
        if action == Action::Tick {
            self.on_tick(&mut fx);
            return fx;
        }
        // Reading aloud stops at any other input (the button reads again).
        if self.notices.reading_aloud && action != Action::ReadAloud {
            self.notices.reading_aloud = false;
            fx.push(Effect::StopSpeech);
        }
        // What this mode may not do stops here, whatever key or click
        // asked for it.
        if !self.mode.allows(&action) {
            return fx;
        }
        if self.mode == Mode::Kiosk && self.kiosk_input_consumed(&action) {
            return fx;
        }
        self.notices.message = None;
        // Any input acknowledges an alert; it stays until then.
        if self.notices.alert.is_some() && action != Action::StillHere {
            self.notices.alert = None;
            if matches!(action, Action::Close) {
                return fx;
            }
        }
        if self.search.prompt.is_some() && self.search_prompt_input(&action) {
            return fx;
        }
        if let Some(overlay) = self.overlays.open
            && self.overlay_input(overlay, &action, &mut fx)
        {
            return fx;
        }
        if self.nav.screen == Screen::Date && self.date_input(&action) {
            return fx;
        }
        self.screen_action(action, &mut fx);
        fx
    }

    /// Time passed: the kiosk may start over, the countdown may be done.
    fn on_tick(&mut self, fx: &mut Vec<Effect>) {
        if self.mode == Mode::Kiosk && self.idle() == Idle::Expired {
            self.start_over();
            self.notices.reading_aloud = false;
            fx.push(Effect::StopSpeech);
            return;
        }
        if self.countdown.take_finished(self.clock.now) {
            let ui = self.ui();
            self.notices.alert = Some(crate::i18n::fill(
                &ui.timer_alert,
                &[("minutes", &ui.minutes_exact(self.guide().numbing.minutes))],
            ));
            fx.push(Effect::Bell);
        }
    }

    /// An action on the screen (no window or field took it).
    fn screen_action(&mut self, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Next => self.next(),
            Action::Prev => self.prev(),
            Action::First if self.mode == Mode::Kiosk => self.start_over(),
            Action::First => self.go(self.steps()[0]),
            Action::Last => self.go(*self.steps().last().unwrap_or(&Screen::WhenToCall)),
            Action::GoTo(screen) => self.go(screen),
            Action::GoToSection(n) => {
                if let Some(s) = n.checked_sub(1).and_then(|i| Screen::SECTIONS.get(i)) {
                    self.go(*s);
                }
            }
            Action::GoToDay(i) => {
                if i < self.guide().aftercare.len() {
                    self.go(Screen::Aftercare);
                    self.set_day(i);
                }
            }
            Action::GoToToday => self.go_to_today(),
            Action::OpenGoToDate => self.open(Overlay::GoToDate),
            Action::NextDay => {
                if self.nav.screen == Screen::Aftercare
                    && self.nav.day + 1 < self.guide().aftercare.len()
                {
                    self.set_day(self.nav.day + 1);
                }
            }
            Action::PrevDay => {
                if self.nav.screen == Screen::Aftercare && self.nav.day > 0 {
                    self.set_day(self.nav.day - 1);
                }
            }
            Action::ScrollUp => self.scroll_by(-1),
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollBy(n) => self.scroll_by(n),
            Action::ScrollPage(n) => self.scroll_pages(n),
            Action::ScrollTo(at) => self.scroll_to(at),
            Action::ScrollHome => self.nav.scroll = 0,
            Action::ScrollEnd => self.nav.scroll = self.nav.scroll_max,
            Action::CursorUp => self.cursor_up(),
            Action::CursorDown => self.cursor_down(),
            Action::Toggle => self.toggle_at_cursor(),
            Action::ToggleItem(i) => {
                if let Some(item) = self.prep_items().get(i).copied() {
                    self.nav.cursor = i;
                    self.checklist.toggle(self.tick_key(item));
                }
            }
            Action::PickGuide(row) | Action::ToggleAddon(row) => {
                if row < self.picker_rows().len() {
                    self.nav.cursor = row;
                    self.toggle_at_cursor();
                }
            }
            Action::CycleLanguage => {
                let langs = self.languages();
                if let Some(i) = langs.iter().position(|l| *l == self.content.language) {
                    let next = langs[(i + 1) % langs.len()].clone();
                    self.set_language(&next);
                }
            }
            Action::SetLanguage(code) => self.set_language(&code),
            Action::TimerToggle => self.countdown.toggle(self.clock.now),
            Action::TimerReset => self.countdown.reset(),
            Action::ToggleTeachBack => {
                self.notices.show_teach_back = !self.notices.show_teach_back;
            }
            Action::OpenHelp => self.open(Overlay::Help),
            Action::OpenGlossary => self.open(Overlay::Glossary),
            Action::OpenIndex => {
                let cursor = self.current_index_row();
                self.open(Overlay::Index { cursor });
            }
            Action::WhenToCall => self.when_to_call(),
            Action::OpenSearch => self.search.prompt = Some(String::new()),
            Action::SearchNext => self.step_search(1),
            Action::SearchPrev => self.step_search(-1),
            Action::Close => {
                if self.nav.screen == Screen::WhenToCall && self.nav.return_to.is_some() {
                    self.return_from_call();
                } else if !self.search.query.is_empty() {
                    self.search = Search::default();
                }
            }
            Action::Confirm => {}
            Action::Quit => fx.push(Effect::Quit(0)),
            Action::NewPatient => self.open(Overlay::ConfirmNewPatient),
            Action::ChoosePath(path) => self.choose_path(path),
            Action::DaysAgo(n) => self.days_ago(n),
            Action::StartOver => self.start_over(),
            Action::StaffExit => self.staff_exit(),
            Action::StillHere => {}
            Action::Export => fx.push(Effect::Export),
            Action::ExportCalendar => fx.push(Effect::ExportCalendar),
            Action::OpenPrint | Action::Print(_) if !self.initial.can_print => {
                self.notices.message = Some(self.ui().print_off.to_string());
            }
            Action::OpenPrint => {
                if self.mode == Mode::Kiosk || self.content.treatment_date.is_none() {
                    // Nothing to choose: the whole plan.
                    fx.push(Effect::Print(false));
                } else {
                    self.open(Overlay::Print);
                }
            }
            Action::Print(from_today) => fx.push(Effect::Print(from_today)),
            Action::ShowQr => self.open(Overlay::Qr),
            Action::ReadAloud => {
                self.notices.reading_aloud = true;
                fx.push(self.read_aloud());
            }
            Action::StopReading => {}
            Action::Input(_)
            | Action::Backspace
            | Action::Paste(_)
            | Action::Submit
            | Action::DateToday
            | Action::DateAdjust(_)
            | Action::DateSkip
            | Action::Tick => {}
        }
    }

    /// What reading the screen aloud says: its text in reading order.
    fn read_aloud(&self) -> Effect {
        Effect::Speak {
            language: self.content.language.clone(),
            lines: crate::speech::screen_lines(self),
        }
    }

    /// The guide `id` in `language`, else in its first language.
    pub fn version(&self, id: &str) -> &Guide {
        version(&self.content.library, id, &self.content.language)
    }

    pub fn set_language(&mut self, code: &str) {
        if self.languages().iter().any(|l| l == code) && code != self.content.language {
            self.content.language = code.to_string();
            self.rebuild_plan();
            self.search = Search::default();
        }
    }

    /// Rebuilds the plan after the guide, add-ons, language or date changed,
    /// keeping the position where it still exists.
    pub fn rebuild_plan(&mut self) {
        let guide = version(
            &self.content.library,
            &self.content.guide_id,
            &self.content.language,
        );
        // Add-ons the guide (in this language) no longer has are dropped.
        self.content.addons.retain(|a| guide.addon(a).is_some());
        if let Ok(plan) = make_plan(
            guide,
            &self.content.addons,
            self.content.treatment_date,
            &self.initial.contact,
        ) {
            let minutes_changed =
                plan.guide.numbing.minutes != self.content.plan.guide.numbing.minutes;
            self.content.plan = plan;
            if minutes_changed {
                self.countdown = Countdown::new(Duration::from_secs(
                    u64::from(self.content.plan.guide.numbing.minutes) * 60,
                ));
            }
        }
        self.nav.day = self
            .nav
            .day
            .min(self.guide().aftercare.len().saturating_sub(1));
        self.nav.cursor = self.nav.cursor.min(self.cursor_rows().saturating_sub(1));
    }

    /// Replaces the library after guide files changed (`--watch`), keeping
    /// the screen, day and ticks.
    pub fn reload(&mut self, library: Library, errors: Vec<String>) {
        self.notices.reload_errors = errors;
        if library
            .find(&self.content.guide_id, Some(&self.content.language))
            .is_none()
        {
            // The file of the guide on screen is broken or gone: keep the
            // last good copy (its errors are in `reload_errors`).
            if self.notices.reload_errors.is_empty() {
                self.notices.reload_errors.push(crate::i18n::fill(
                    &self.ui().reload_gone,
                    &[
                        ("guide", &self.content.guide_id),
                        ("language", &self.content.language),
                    ],
                ));
            }
            return;
        }
        self.content.library = library;
        self.rebuild_plan();
    }

    /// Practitioner: a new patient. Everything a patient chose, typed,
    /// ticked or answered goes (add-ons, date, ticks, STOP answers, search,
    /// the countdown, the language); the clinic's guide stays.
    pub fn new_patient(&mut self) {
        let options = Options {
            guide: None,
            addons: Vec::new(),
            treatment_date: None,
            today: self.clock.today,
            ..self.initial.clone()
        };
        if let Ok(mut fresh) = App::with_clock(self.content.library.clone(), options, self.clock) {
            let guide_id = self.content.guide_id.clone();
            let reload_errors = std::mem::take(&mut self.notices.reload_errors);
            fresh.content.guide_id = guide_id;
            fresh.rebuild_plan();
            fresh.notices.reload_errors = reload_errors;
            // The app keeps how it started (a kiosk reset goes there).
            fresh.initial = self.initial.clone();
            *self = fresh;
        }
    }
}

/// The guide `id` in `language`, else in its first language.
fn version<'l>(library: &'l Library, id: &str, language: &str) -> &'l Guide {
    library
        .find(id, Some(language))
        .or_else(|| library.find(id, None))
        .expect("the guide id was checked against the library")
}

pub(crate) fn start_language(library: &Library, options: &Options, guide_id: &str) -> String {
    options
        .language
        .clone()
        .filter(|l| library.languages().contains(&l.as_str()))
        .or_else(|| {
            library
                .find(guide_id, None)
                .map(|g| g.language.value.to_string())
        })
        .unwrap_or_else(|| "en".into())
}

fn make_plan(
    guide: &Guide,
    addons: &[String],
    date: Option<Date>,
    contact: &ClinicContact,
) -> Result<Plan, crate::plan::PlanError> {
    Plan::with_contact(guide, addons, date, |c| contact.apply(c))
}
