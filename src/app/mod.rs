//! The interactive guide's state and its update function. Nothing here
//! touches the terminal: input arrives as [`Action`]s, time as [`App::now`],
//! and the screens are drawn from `&App` by [`crate::ui`].

pub mod action;
pub mod search;
pub mod timer;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use jiff::civil::Date;

pub use action::Action;
use search::Search;
use timer::Countdown;

use crate::config::ClinicContact;
use crate::guide::{Guide, Library};
use crate::i18n::UiText;
use crate::plan::Plan;

/// Who is using the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A practitioner walking a patient through the plan.
    Practitioner,
    /// A patient alone at a waiting-room kiosk.
    Kiosk,
}

/// The screens, in walking order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Screen {
    /// The kiosk's first screen: what this is, the language, "touch to start".
    Welcome,
    Picker,
    /// The kiosk's "I am getting ready" / "I had my treatment" choice.
    Path,
    Date,
    Overview,
    Preparation,
    Numbing,
    Procedure,
    Aftercare,
    Timeline,
    WhenToCall,
}

impl Screen {
    /// The plan's sections, shown as tabs and reachable by number keys.
    pub const SECTIONS: [Screen; 7] = [
        Screen::Overview,
        Screen::Preparation,
        Screen::Numbing,
        Screen::Procedure,
        Screen::Aftercare,
        Screen::Timeline,
        Screen::WhenToCall,
    ];

    /// Whether the screen has a list with a cursor (↑/↓ move the cursor).
    pub fn has_cursor(self) -> bool {
        matches!(self, Screen::Picker | Screen::Preparation | Screen::Path)
    }
}

/// Where a kiosk patient is in their treatment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskPath {
    /// Before the treatment: preparation, numbing, the procedure.
    GettingReady,
    /// After it: today's aftercare first, then the other days and the limits.
    Treated,
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

/// A window drawn over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Glossary,
    /// The section index; the cursor is a row of [`App::index_entries`].
    Index {
        cursor: usize,
    },
    /// The kiosk's staff PIN prompt (the digits are in [`App::pin_entry`]).
    Pin,
}

/// One row of the section index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexEntry {
    Screen(Screen),
    Day(usize),
    /// Opens the glossary window.
    Glossary,
    /// Opens the help window.
    Help,
}

/// One row of the preparation checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrepItem {
    Step(usize),
    Screening(usize),
}

/// One row of the guide picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickerRow {
    Guide(String),
    Addon(String),
}

/// Something `update` asks the event loop to do outside the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save the plan as a take-home HTML page (practitioner only).
    Export,
    /// Send the plan to the print command.
    Print,
}

/// How the app starts.
#[derive(Clone, Debug)]
pub struct Options {
    pub mode: Mode,
    pub language: Option<String>,
    pub guide: Option<String>,
    pub addons: Vec<String>,
    pub treatment_date: Option<Date>,
    pub today: Date,
    /// The clinic's contact details, replacing the guides' (from the config).
    pub contact: ClinicContact,
    /// Kiosk: how long without input before starting over.
    pub idle_timeout: Duration,
    /// Kiosk: the staff PIN's hash; without it staff exit is off.
    pub staff_pin_hash: Option<String>,
    /// Whether the config names a print command.
    pub can_print: bool,
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
        }
    }
}

/// The whole state of the interactive guide.
#[derive(Debug)]
pub struct App {
    pub mode: Mode,
    pub library: Library,
    pub language: String,
    /// The chosen guide's id.
    pub guide_id: String,
    /// The chosen add-ons' ids.
    pub addons: Vec<String>,
    pub treatment_date: Option<Date>,
    pub today: Date,
    /// The current plan: the guide in `language`, merged with `addons`.
    pub plan: Plan,
    /// How the app started: a kiosk reset starts from here again.
    pub initial: Options,
    /// Kiosk: the patient's path, once chosen.
    pub kiosk_path: Option<KioskPath>,
    /// Kiosk: when the patient last did anything.
    pub last_input: Instant,
    /// Kiosk: the digits typed into the staff PIN prompt.
    pub pin_entry: String,

    pub screen: Screen,
    /// The aftercare entry shown.
    pub day: usize,
    /// Scroll offset of the current screen's body, in lines.
    pub scroll: u16,
    /// The cursor on a list screen (picker row, checklist row).
    pub cursor: usize,
    /// Ticked checklist items and "yes" screening answers, by key.
    pub ticked: BTreeSet<String>,
    pub date_text: String,
    pub date_error: Option<String>,
    pub countdown: Countdown,
    pub overlay: Option<Overlay>,
    /// Scroll offset inside an overlay.
    pub overlay_scroll: u16,
    pub search: Search,
    /// Bring the current search hit into view on the next draw.
    pub reveal: bool,
    pub show_teach_back: bool,
    /// Where `!` came from, so Back returns there.
    pub return_to: Option<(Screen, usize)>,
    /// A one-line message for the footer (cleared by the next action).
    pub message: Option<String>,
    /// Problems with reloaded guide files (`--watch`), shown until fixed.
    pub reload_errors: Vec<String>,
    pub now: Instant,
    pub quit: bool,
    /// Work with the outside world that `update` asked for and the event
    /// loop carries out (saving or printing the plan).
    pub effect: Option<Effect>,
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
    pub fn new(library: Library, options: Options, now: Instant) -> Result<Self, StartError> {
        let first = library.guides.first().ok_or(StartError::NoGuides)?;
        let guide_id = match &options.guide {
            Some(id) if library.find(id, None).is_some() => id.clone(),
            Some(id) => {
                return Err(StartError::UnknownGuide(
                    id.clone(),
                    library.ids().join(", "),
                ));
            }
            None => first.id.value.clone(),
        };
        let language = Self::start_language(&library, &options, &guide_id);
        let guide = Self::version(&library, &guide_id, &language);
        let kiosk = options.mode == Mode::Kiosk;
        // A kiosk always starts fresh: the patient chooses everything.
        let (addons, date) = if kiosk {
            (Vec::new(), None)
        } else {
            (options.addons.clone(), options.treatment_date)
        };
        let plan = make_plan(guide, &addons, date, &options.contact)?;
        let countdown = Countdown::new(Duration::from_secs(
            u64::from(plan.guide.numbing.minutes) * 60,
        ));
        let mut app = Self {
            mode: options.mode,
            language,
            guide_id,
            addons: plan.chosen_addons().map(|a| a.id.value.clone()).collect(),
            treatment_date: date,
            today: options.today,
            plan,
            kiosk_path: None,
            last_input: now,
            pin_entry: String::new(),
            library,
            screen: Screen::Overview,
            day: 0,
            scroll: 0,
            cursor: 0,
            ticked: BTreeSet::new(),
            date_text: date.map(|d| d.to_string()).unwrap_or_default(),
            date_error: None,
            countdown,
            overlay: None,
            overlay_scroll: 0,
            search: Search::default(),
            reveal: false,
            show_teach_back: options.mode == Mode::Practitioner,
            return_to: None,
            message: None,
            reload_errors: Vec::new(),
            now,
            quit: false,
            effect: None,
            initial: options.clone(),
        };
        app.screen = app.steps()[0];
        if options.guide.is_some() && !kiosk {
            // Opened straight into a plan: skip the setup screens.
            app.screen = Screen::Overview;
            if let Some(day) = app.today_day().filter(|&d| d >= 1) {
                // The treatment was in the past: open today's aftercare.
                app.screen = Screen::Aftercare;
                app.day = app.entry_for_day(day);
            }
        }
        Ok(app)
    }

    /// The guide `id` in `language`, else in its first language.
    fn version<'l>(library: &'l Library, id: &str, language: &str) -> &'l Guide {
        library
            .find(id, Some(language))
            .or_else(|| library.find(id, None))
            .expect("the guide id was checked against the library")
    }

    pub fn ui(&self) -> &'static UiText {
        UiText::for_language(&self.language)
    }

    pub fn guide(&self) -> &Guide {
        &self.plan.guide
    }

    /// The steps of the walk, in order.
    pub fn steps(&self) -> Vec<Screen> {
        let mut steps = Vec::new();
        if self.mode == Mode::Kiosk {
            steps.push(Screen::Welcome);
        }
        if self.has_choices() {
            steps.push(Screen::Picker);
        }
        match (self.mode, self.kiosk_path) {
            (Mode::Practitioner, _) => {
                steps.push(Screen::Date);
                steps.extend(Screen::SECTIONS);
            }
            (Mode::Kiosk, None) => steps.push(Screen::Path),
            (Mode::Kiosk, Some(KioskPath::GettingReady)) => steps.extend([
                Screen::Path,
                Screen::Overview,
                Screen::Preparation,
                Screen::Numbing,
                Screen::Procedure,
                Screen::WhenToCall,
            ]),
            (Mode::Kiosk, Some(KioskPath::Treated)) => steps.extend([
                Screen::Path,
                Screen::Date,
                Screen::Aftercare,
                Screen::Timeline,
                Screen::WhenToCall,
            ]),
        }
        steps
    }

    /// Kiosk: the two paths, as rows of the path screen.
    pub const PATHS: [KioskPath; 2] = [KioskPath::GettingReady, KioskPath::Treated];

    /// The language the app started in (a kiosk reset returns to it).
    fn initial_language(&self) -> String {
        Self::start_language(&self.library, &self.initial, &self.guide_id)
    }

    fn start_language(library: &Library, options: &Options, guide_id: &str) -> String {
        options
            .language
            .clone()
            .filter(|l| library.languages().contains(&l.as_str()))
            .or_else(|| {
                library
                    .find(guide_id, None)
                    .map(|g| g.language.value.clone())
            })
            .unwrap_or_else(|| "en".into())
    }

    /// How close the kiosk is to starting over.
    pub fn idle(&self) -> Idle {
        if self.mode != Mode::Kiosk || self.is_fresh() {
            return Idle::Off;
        }
        let timeout = self.initial.idle_timeout;
        let idle = self.now.saturating_duration_since(self.last_input);
        if idle >= timeout {
            return Idle::Expired;
        }
        let left = timeout - idle;
        if left <= self.warning_window() {
            Idle::Warning(timer::whole_seconds(left))
        } else {
            Idle::Counting
        }
    }

    /// The "Still there?" countdown: the last 30 seconds, or the last third
    /// of a shorter timeout.
    pub fn warning_window(&self) -> Duration {
        (self.initial.idle_timeout / 3).min(Duration::from_secs(30))
    }

    /// Whether a kiosk holds nothing of a patient: the welcome screen in
    /// the starting language.
    pub fn is_fresh(&self) -> bool {
        self.screen == Screen::Welcome
            && self.overlay.is_none()
            && self.language == self.initial_language()
    }

    /// Kiosk: forgets the patient. Everything is rebuilt from the starting
    /// options, so nothing they chose, typed, ticked or scrolled survives.
    pub fn start_over(&mut self) {
        if let Ok(fresh) = App::new(self.library.clone(), self.initial.clone(), self.now) {
            *self = fresh;
        } else {
            self.screen = Screen::Welcome;
        }
    }

    /// Whether the picker has anything to choose: several guides, or add-ons.
    pub fn has_choices(&self) -> bool {
        self.library.ids().len() > 1 || self.library.guides.iter().any(|g| !g.addons.is_empty())
    }

    /// The current step's number (1-based) and the number of steps.
    pub fn step_position(&self) -> (usize, usize) {
        let steps = self.steps();
        let i = steps.iter().position(|s| *s == self.screen).unwrap_or(0);
        (i + 1, steps.len())
    }

    /// Today's plan day, when the treatment date is known.
    pub fn today_day(&self) -> Option<i64> {
        self.plan.day_of(self.today)
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

    /// The aftercare entry that holds today, if today is in the aftercare.
    pub fn today_entry(&self) -> Option<usize> {
        self.today_day()
            .and_then(|d| self.guide().aftercare_for_day(d))
    }

    /// The picker's rows: each guide, and under the chosen one its add-ons.
    pub fn picker_rows(&self) -> Vec<PickerRow> {
        let mut rows = Vec::new();
        for id in self.library.ids() {
            rows.push(PickerRow::Guide(id.to_string()));
            if id == self.guide_id {
                let g = Self::version(&self.library, id, &self.language);
                rows.extend(
                    g.addons
                        .iter()
                        .map(|a| PickerRow::Addon(a.id.value.clone())),
                );
            }
        }
        rows
    }

    /// The checklist rows of the preparation screen.
    pub fn prep_items(&self) -> Vec<PrepItem> {
        let p = &self.guide().preparation;
        (0..p.steps.len())
            .map(PrepItem::Step)
            .chain((0..p.screening.len()).map(PrepItem::Screening))
            .collect()
    }

    /// The key a checklist item is ticked under: stable across add-on and
    /// language changes for screening questions (their ids), and across
    /// add-on changes for steps (their text).
    pub fn tick_key(&self, item: PrepItem) -> String {
        let p = &self.guide().preparation;
        match item {
            PrepItem::Step(i) => format!("step:{}", p.steps[i].text.value),
            PrepItem::Screening(i) => format!("screening:{}", p.screening[i].id.value),
        }
    }

    pub fn is_ticked(&self, item: PrepItem) -> bool {
        self.ticked.contains(&self.tick_key(item))
    }

    /// The screening questions answered "yes".
    pub fn screening_yes(&self) -> Vec<usize> {
        (0..self.guide().preparation.screening.len())
            .filter(|&i| self.is_ticked(PrepItem::Screening(i)))
            .collect()
    }

    /// The rows of the section index.
    pub fn index_entries(&self) -> Vec<IndexEntry> {
        let mut rows = Vec::new();
        for s in self.steps() {
            rows.push(IndexEntry::Screen(s));
            if s == Screen::Aftercare {
                rows.extend((0..self.guide().aftercare.len()).map(IndexEntry::Day));
            }
        }
        rows.extend([IndexEntry::Glossary, IndexEntry::Help]);
        rows
    }

    /// The languages the app can switch between.
    pub fn languages(&self) -> Vec<String> {
        self.library
            .languages()
            .into_iter()
            .map(String::from)
            .collect()
    }

    /// How long the event loop may sleep before something on screen
    /// changes: the countdown's next second, or the kiosk's idle warning.
    /// `None`: nothing moves, so sleep until input.
    pub fn next_wakeup(&self) -> Option<Duration> {
        let idle = match self.idle() {
            Idle::Off => None,
            Idle::Expired => Some(Duration::ZERO),
            Idle::Counting => {
                let warn_at = self.last_input + self.initial.idle_timeout - self.warning_window();
                Some(warn_at.saturating_duration_since(self.now))
            }
            Idle::Warning(_) => {
                let end = self.last_input + self.initial.idle_timeout;
                Some(timer::until_next_second(
                    end.saturating_duration_since(self.now),
                ))
            }
        };
        match (self.countdown.next_change(self.now), idle) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if self.mode == Mode::Kiosk {
            if action == Action::Tick {
                if self.idle() == Idle::Expired {
                    self.start_over();
                }
                return;
            }
            let warned = matches!(self.idle(), Idle::Warning(_));
            self.last_input = self.now;
            if warned {
                // The first touch after "Still there?" only keeps reading.
                return;
            }
        }
        if !matches!(action, Action::Tick) {
            self.message = None;
        }
        if self.search.prompt.is_some() && self.update_search_prompt(&action) {
            return;
        }
        if let Some(overlay) = self.overlay
            && self.update_overlay(overlay, &action)
        {
            return;
        }
        if self.screen == Screen::Date && self.update_date(&action) {
            return;
        }
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
            Action::NextDay => {
                if self.screen == Screen::Aftercare && self.day + 1 < self.guide().aftercare.len() {
                    self.set_day(self.day + 1);
                }
            }
            Action::PrevDay => {
                if self.screen == Screen::Aftercare && self.day > 0 {
                    self.set_day(self.day - 1);
                }
            }
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::ScrollBy(n) => {
                self.scroll = (i32::from(self.scroll) + n).clamp(0, i32::from(u16::MAX)) as u16;
            }
            Action::CursorUp => {
                if self.screen.has_cursor() {
                    self.cursor = self.cursor.saturating_sub(1);
                } else {
                    self.scroll = self.scroll.saturating_sub(1);
                }
            }
            Action::CursorDown => {
                let rows = self.cursor_rows();
                if self.screen.has_cursor() {
                    if self.cursor + 1 < rows {
                        self.cursor += 1;
                    }
                } else {
                    self.scroll = self.scroll.saturating_add(1);
                }
            }
            Action::Toggle => self.toggle_at_cursor(),
            Action::ToggleItem(i) => {
                if let Some(item) = self.prep_items().get(i).copied() {
                    self.cursor = i;
                    self.toggle_item(item);
                }
            }
            Action::PickGuide(row) | Action::ToggleAddon(row) => {
                if row < self.picker_rows().len() {
                    self.cursor = row;
                    self.toggle_at_cursor();
                }
            }
            Action::CycleLanguage => {
                let langs = self.languages();
                if let Some(i) = langs.iter().position(|l| *l == self.language) {
                    let next = langs[(i + 1) % langs.len()].clone();
                    self.set_language(&next);
                }
            }
            Action::SetLanguage(code) => self.set_language(&code),
            // The countdown is the practitioner's; the kiosk has none.
            Action::TimerToggle if self.mode == Mode::Practitioner => {
                self.countdown.toggle(self.now)
            }
            Action::TimerReset if self.mode == Mode::Practitioner => self.countdown.reset(),
            Action::TimerToggle | Action::TimerReset => {}
            Action::ToggleTeachBack => {
                if self.mode == Mode::Practitioner {
                    self.show_teach_back = !self.show_teach_back;
                }
            }
            Action::OpenHelp => self.open(Overlay::Help),
            Action::OpenGlossary => self.open(Overlay::Glossary),
            Action::OpenIndex => {
                let cursor = self.current_index_row();
                self.open(Overlay::Index { cursor });
            }
            Action::WhenToCall => {
                if self.screen != Screen::WhenToCall {
                    let from = (self.screen, self.day);
                    self.go(Screen::WhenToCall);
                    self.return_to = Some(from);
                }
            }
            Action::OpenSearch => self.search.prompt = Some(String::new()),
            Action::SearchNext => self.step_search(1),
            Action::SearchPrev => self.step_search(-1),
            Action::Close => {
                if self.screen == Screen::WhenToCall {
                    self.return_from_call();
                } else if !self.search.query.is_empty() {
                    self.search = Search::default();
                }
            }
            Action::Quit => {
                if self.mode == Mode::Practitioner {
                    self.quit = true;
                }
            }
            Action::ChoosePath(path) => self.choose_path(path),
            // Export is off in the kiosk: it writes nothing.
            Action::Export if self.mode == Mode::Practitioner => self.effect = Some(Effect::Export),
            Action::Print if self.initial.can_print => self.effect = Some(Effect::Print),
            Action::Print => self.message = Some(self.ui().print_off.clone()),
            Action::Export => {}
            Action::StartOver => {
                if self.mode == Mode::Kiosk {
                    self.start_over();
                }
            }
            Action::StaffExit => {
                if self.mode == Mode::Kiosk {
                    if self.initial.staff_pin_hash.is_some() {
                        self.pin_entry.clear();
                        self.open(Overlay::Pin);
                    } else {
                        self.message = Some(self.ui().staff_exit_off.clone());
                    }
                }
            }
            Action::Input(_)
            | Action::Backspace
            | Action::Paste(_)
            | Action::Submit
            | Action::DateToday
            | Action::DateAdjust(_)
            | Action::DateSkip
            | Action::DaysAgo(_)
            | Action::Tick => {}
        }
    }

    fn open(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
    }

    /// Moves to a screen (resetting the scroll and cursor). A kiosk stays
    /// on its patient's path.
    pub fn go(&mut self, screen: Screen) {
        if self.mode == Mode::Kiosk && !self.steps().contains(&screen) {
            return;
        }
        if screen != self.screen {
            if self.screen == Screen::WhenToCall {
                self.return_to = None;
            }
            self.screen = screen;
            self.scroll = 0;
            self.cursor = 0;
            if screen == Screen::Aftercare
                && let Some(today) = self.today_entry()
            {
                self.day = today;
            }
        }
    }

    fn set_day(&mut self, day: usize) {
        if day != self.day {
            self.day = day;
            self.scroll = 0;
        }
    }

    fn next(&mut self) {
        if self.screen == Screen::Aftercare && self.day + 1 < self.guide().aftercare.len() {
            self.set_day(self.day + 1);
            return;
        }
        if self.screen == Screen::Path {
            // Next on the path screen chooses the highlighted path.
            let path = Self::PATHS[self.cursor.min(1)];
            self.choose_path(path);
            return;
        }
        if self.screen == Screen::Picker {
            // Leaving the picker commits the highlighted guide.
            if let Some(PickerRow::Guide(id)) = self.picker_rows().get(self.cursor).cloned()
                && id != self.guide_id
            {
                self.choose_guide(&id);
            }
        }
        let steps = self.steps();
        if let Some(i) = steps.iter().position(|s| *s == self.screen)
            && let Some(&next) = steps.get(i + 1)
        {
            self.go(next);
            // A practitioner walks the aftercare from Day 0; a kiosk patient
            // who had their treatment sees today first (`go` chose it).
            if next == Screen::Aftercare
                && (self.mode == Mode::Practitioner || self.today_entry().is_none())
            {
                self.set_day(0);
            }
        }
    }

    fn prev(&mut self) {
        if self.screen == Screen::WhenToCall && self.return_to.is_some() {
            self.return_from_call();
            return;
        }
        if self.screen == Screen::Aftercare && self.day > 0 {
            self.set_day(self.day - 1);
            return;
        }
        let steps = self.steps();
        if let Some(i) = steps.iter().position(|s| *s == self.screen)
            && i > 0
        {
            let prev = steps[i - 1];
            self.go(prev);
            if prev == Screen::Aftercare {
                self.set_day(self.guide().aftercare.len().saturating_sub(1));
            }
        }
    }

    fn return_from_call(&mut self) {
        if let Some((screen, day)) = self.return_to.take() {
            self.go(screen);
            self.set_day(day);
        }
    }

    /// Kiosk: sets the patient's path and moves on to its first screen.
    fn choose_path(&mut self, path: KioskPath) {
        if self.mode != Mode::Kiosk {
            return;
        }
        self.kiosk_path = Some(path);
        self.cursor = Self::PATHS.iter().position(|p| *p == path).unwrap_or(0);
        let steps = self.steps();
        if let Some(i) = steps.iter().position(|s| *s == Screen::Path)
            && let Some(&next) = steps.get(i + 1)
        {
            self.go(next);
        }
    }

    fn cursor_rows(&self) -> usize {
        match self.screen {
            Screen::Path => Self::PATHS.len(),
            Screen::Picker => self.picker_rows().len(),
            Screen::Preparation => self.prep_items().len(),
            _ => 0,
        }
    }

    fn toggle_at_cursor(&mut self) {
        match self.screen {
            Screen::Path => self.choose_path(Self::PATHS[self.cursor.min(1)]),
            Screen::Preparation => {
                if let Some(item) = self.prep_items().get(self.cursor).copied() {
                    self.toggle_item(item);
                }
            }
            Screen::Picker => match self.picker_rows().get(self.cursor).cloned() {
                Some(PickerRow::Guide(id)) => self.choose_guide(&id),
                Some(PickerRow::Addon(id)) => {
                    if let Some(i) = self.addons.iter().position(|a| *a == id) {
                        self.addons.remove(i);
                    } else {
                        self.addons.push(id);
                    }
                    self.rebuild_plan();
                }
                None => {}
            },
            _ => {}
        }
    }

    fn toggle_item(&mut self, item: PrepItem) {
        let key = self.tick_key(item);
        if !self.ticked.remove(&key) {
            self.ticked.insert(key);
        }
    }

    fn choose_guide(&mut self, id: &str) {
        if id != self.guide_id {
            self.guide_id = id.to_string();
            self.addons.clear();
            self.rebuild_plan();
            if let Some(row) = self
                .picker_rows()
                .iter()
                .position(|r| *r == PickerRow::Guide(id.into()))
            {
                self.cursor = row;
            }
        }
    }

    pub fn set_language(&mut self, code: &str) {
        if self.languages().iter().any(|l| l == code) && code != self.language {
            self.language = code.to_string();
            self.rebuild_plan();
            self.search = Search::default();
        }
    }

    /// Rebuilds the plan after the guide, add-ons, language or date changed,
    /// keeping the position where it still exists.
    pub fn rebuild_plan(&mut self) {
        let guide = Self::version(&self.library, &self.guide_id, &self.language).clone();
        // Add-ons the guide (in this language) no longer has are dropped.
        self.addons.retain(|a| guide.addon(a).is_some());
        if let Ok(plan) = make_plan(
            &guide,
            &self.addons,
            self.treatment_date,
            &self.initial.contact,
        ) {
            let minutes_changed = plan.guide.numbing.minutes != self.plan.guide.numbing.minutes;
            self.plan = plan;
            if minutes_changed {
                self.countdown = Countdown::new(Duration::from_secs(
                    u64::from(self.plan.guide.numbing.minutes) * 60,
                ));
            }
        }
        self.day = self.day.min(self.guide().aftercare.len().saturating_sub(1));
        self.cursor = self.cursor.min(self.cursor_rows().saturating_sub(1));
    }

    /// Replaces the library after guide files changed (`--watch`), keeping
    /// the screen, day and ticks.
    pub fn reload(&mut self, library: Library, errors: Vec<String>) {
        self.reload_errors = errors;
        if library.find(&self.guide_id, Some(&self.language)).is_none() {
            // The file of the guide on screen is broken or gone: keep the
            // last good copy (its errors are in `reload_errors`).
            if self.reload_errors.is_empty() {
                self.reload_errors.push(format!(
                    "guide `{}` ({}) is no longer in the guides folder",
                    self.guide_id, self.language
                ));
            }
            return;
        }
        self.library = library;
        self.rebuild_plan();
    }

    fn current_index_row(&self) -> usize {
        let rows = self.index_entries();
        let want = if self.screen == Screen::Aftercare {
            IndexEntry::Day(self.day)
        } else {
            IndexEntry::Screen(self.screen)
        };
        rows.iter().position(|r| *r == want).unwrap_or(0)
    }

    /// Keys while an overlay is open. Returns true when the action was used.
    fn update_overlay(&mut self, overlay: Overlay, action: &Action) -> bool {
        if overlay == Overlay::Pin {
            self.update_pin(action);
            return true;
        }
        match (overlay, action) {
            (_, Action::Close)
            | (Overlay::Help, Action::OpenHelp)
            | (Overlay::Glossary, Action::OpenGlossary) => {
                self.overlay = None;
            }
            (Overlay::Index { .. }, Action::OpenIndex) => self.overlay = None,
            (Overlay::Index { cursor }, Action::CursorUp | Action::ScrollUp) => {
                self.overlay = Some(Overlay::Index {
                    cursor: cursor.saturating_sub(1),
                });
            }
            (Overlay::Index { cursor }, Action::CursorDown | Action::ScrollDown) => {
                let last = self.index_entries().len().saturating_sub(1);
                self.overlay = Some(Overlay::Index {
                    cursor: (cursor + 1).min(last),
                });
            }
            (Overlay::Index { cursor }, Action::Toggle | Action::Submit | Action::Next) => {
                self.overlay = None;
                self.jump_to_index(cursor);
            }
            (
                Overlay::Index { .. },
                Action::GoToDay(_) | Action::GoTo(_) | Action::OpenGlossary | Action::OpenHelp,
            ) => {
                // A click on an index row.
                self.overlay = None;
                return false;
            }
            (_, Action::ScrollUp | Action::CursorUp) => {
                self.overlay_scroll = self.overlay_scroll.saturating_sub(1)
            }
            (_, Action::ScrollDown | Action::CursorDown) => {
                self.overlay_scroll = self.overlay_scroll.saturating_add(1);
            }
            (_, Action::ScrollBy(n)) => {
                self.overlay_scroll =
                    (i32::from(self.overlay_scroll) + n).clamp(0, i32::from(u16::MAX)) as u16;
            }
            (_, Action::Quit | Action::Tick) => return false,
            (_, Action::WhenToCall) => {
                self.overlay = None;
                return false;
            }
            // Other keys do nothing while an overlay is open.
            _ => {}
        }
        true
    }

    /// Keys in the staff PIN prompt: digits, Backspace, Enter, Esc.
    fn update_pin(&mut self, action: &Action) {
        match action {
            Action::Input(c)
                if c.is_ascii_digit() && self.pin_entry.len() < *crate::pin::PIN_LENGTH.end() =>
            {
                self.pin_entry.push(*c);
            }
            Action::Backspace => {
                self.pin_entry.pop();
            }
            Action::Submit => {
                let entry = std::mem::take(&mut self.pin_entry);
                let ok = self
                    .initial
                    .staff_pin_hash
                    .as_deref()
                    .is_some_and(|hash| crate::pin::verify_pin(&entry, hash));
                self.overlay = None;
                if ok {
                    self.quit = true;
                } else {
                    self.message = Some(self.ui().pin_wrong.clone());
                }
            }
            Action::Close => {
                self.pin_entry.clear();
                self.overlay = None;
            }
            _ => {}
        }
    }

    fn jump_to_index(&mut self, row: usize) {
        match self.index_entries().get(row) {
            Some(IndexEntry::Screen(s)) => self.go(*s),
            Some(IndexEntry::Glossary) => self.open(Overlay::Glossary),
            Some(IndexEntry::Help) => self.open(Overlay::Help),
            Some(IndexEntry::Day(d)) => {
                self.go(Screen::Aftercare);
                self.set_day(*d);
            }
            None => {}
        }
    }

    /// Keys on the date screen. Returns true when the action was used.
    fn update_date(&mut self, action: &Action) -> bool {
        match action {
            Action::Input(c) if c.is_ascii_digit() || *c == '-' => {
                if self.date_text.len() < 10 {
                    self.date_text.push(*c);
                }
                self.date_error = None;
            }
            Action::Input(_) => {}
            Action::Paste(text) => {
                self.date_text = text
                    .trim()
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '-')
                    .take(10)
                    .collect();
                self.date_error = None;
            }
            Action::Backspace => {
                self.date_text.pop();
                self.date_error = None;
            }
            Action::DateToday => {
                self.date_text = self.today.to_string();
                self.date_error = None;
            }
            Action::DateAdjust(days) => {
                let base = crate::dates::parse_date(&self.date_text)
                    .ok()
                    .or(self.treatment_date)
                    .unwrap_or(self.today);
                if let Some(d) = crate::dates::date_of_day(base, *days) {
                    self.date_text = d.to_string();
                }
                self.date_error = None;
            }
            Action::DaysAgo(n) => {
                if let Some(d) = crate::dates::date_of_day(self.today, -*n) {
                    self.date_text = d.to_string();
                    self.set_treatment_date(Some(d));
                    self.next();
                }
            }
            Action::DateSkip => {
                self.date_text.clear();
                self.set_treatment_date(None);
                self.next();
            }
            Action::Submit | Action::Next => {
                if self.date_text.trim().is_empty() {
                    self.set_treatment_date(None);
                    self.next();
                } else {
                    match crate::dates::parse_date(&self.date_text) {
                        Ok(date) => {
                            self.set_treatment_date(Some(date));
                            self.next();
                        }
                        Err(e) => self.date_error = Some(e),
                    }
                }
            }
            _ => return false,
        }
        true
    }

    pub fn set_treatment_date(&mut self, date: Option<Date>) {
        self.treatment_date = date;
        self.date_error = None;
        self.rebuild_plan();
        if let Some(entry) = self.today_entry() {
            self.day = entry;
        }
    }

    /// Keys while the search prompt is open. Returns true when used.
    fn update_search_prompt(&mut self, action: &Action) -> bool {
        let Some(prompt) = self.search.prompt.as_mut() else {
            return false;
        };
        match action {
            Action::Input(c) => prompt.push(*c),
            Action::Paste(text) => {
                prompt.extend(text.chars().filter(|c| !crate::text::is_unsafe_char(*c)))
            }
            Action::Backspace => {
                prompt.pop();
            }
            Action::Close => self.search.prompt = None,
            Action::Submit => {
                let query = self.search.prompt.take().unwrap_or_default();
                self.run_search(query);
            }
            Action::Tick | Action::Quit => return false,
            _ => {}
        }
        true
    }

    fn run_search(&mut self, query: String) {
        let hits = search::find(&self.plan, &query, self.show_teach_back);
        self.search = Search {
            prompt: None,
            query,
            hits,
            current: 0,
        };
        if self.search.hits.is_empty() {
            self.message = Some(crate::i18n::fill(
                &self.ui().search_none,
                &[("query", &self.search.query)],
            ));
            return;
        }
        // Start at the first hit at or after where we are.
        let here = (
            self.screen,
            if self.screen == Screen::Aftercare {
                Some(self.day)
            } else {
                None
            },
        );
        self.search.current = self
            .search
            .hits
            .iter()
            .position(|h| (h.screen, h.day) >= here)
            .unwrap_or(0);
        self.show_hit();
    }

    fn step_search(&mut self, delta: isize) {
        let n = self.search.hits.len();
        if n == 0 {
            return;
        }
        self.search.current =
            (self.search.current as isize + delta).rem_euclid(n as isize) as usize;
        self.show_hit();
    }

    fn show_hit(&mut self) {
        if let Some(hit) = self.search.current_hit() {
            self.go(hit.screen);
            if let Some(day) = hit.day {
                self.set_day(day);
            }
            self.reveal = true;
        }
    }

    /// Takes the scroll the last draw settled on: clamped to the content,
    /// moved to show the cursor or a search hit. (How tall the content is
    /// depends on the terminal's width, which only the view knows.)
    pub fn sync_view(&mut self, scroll: u16, overlay_scroll: u16) {
        self.scroll = scroll;
        self.overlay_scroll = overlay_scroll;
        self.reveal = false;
    }
}

fn make_plan(
    guide: &Guide,
    addons: &[String],
    date: Option<Date>,
    contact: &ClinicContact,
) -> Result<Plan, crate::plan::PlanError> {
    let mut plan = Plan::new(guide, addons, date)?;
    plan.guide.contact = contact.apply(&plan.guide.contact);
    Ok(plan)
}
