//! Where the reader is: the screen, the aftercare day, the scroll and the
//! cursor; moving between steps, days and pages.

use super::{App, KioskPath, Mode, PickerRow};

/// The screens, in walking order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Screen {
    /// The kiosk's first screen: what this is, the language, "touch to start".
    Welcome,
    Picker,
    /// The kiosk's "I am getting ready" / "I had my treatment" choice.
    Path,
    Date,
    #[default]
    Overview,
    Preparation,
    Numbing,
    Procedure,
    Aftercare,
    /// The restrictions chart: every limit, day by day.
    Restrictions,
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
        Screen::Restrictions,
        Screen::WhenToCall,
    ];

    /// Whether the screen has a list with a cursor (↑/↓ move the cursor).
    pub fn has_cursor(self) -> bool {
        matches!(self, Screen::Picker | Screen::Preparation | Screen::Path)
    }
}

/// The reader's place.
#[derive(Clone, Debug, Default)]
pub struct Nav {
    pub screen: Screen,
    /// The aftercare entry shown.
    pub day: usize,
    /// Scroll offset of the current screen's body, in lines.
    pub scroll: u16,
    /// The cursor on a list screen (picker row, checklist row).
    pub cursor: usize,
    /// Where `!` came from, so Back returns there.
    pub return_to: Option<(Screen, usize)>,
    /// Bring the current search hit into view on the next draw.
    pub reveal: bool,
    /// The body's height at the last draw (a page, for PgDn).
    pub page: u16,
    /// The largest scroll the last draw allowed.
    pub scroll_max: u16,
    /// The cursor moved: the next draw scrolls to show it. (Otherwise the
    /// text stays where the reader scrolled it, whatever redraws.)
    pub follow_cursor: bool,
}

impl App {
    /// The steps of the walk, in order.
    pub fn steps(&self) -> Vec<Screen> {
        let mut steps = Vec::new();
        if self.mode() == Mode::Kiosk {
            steps.push(Screen::Welcome);
        }
        if self.has_choices() {
            steps.push(Screen::Picker);
        }
        match (self.mode(), self.kiosk.path) {
            (Mode::Practitioner, _) => {
                steps.push(Screen::Date);
                steps.extend(Screen::SECTIONS);
            }
            (Mode::Kiosk, None) => steps.push(Screen::Path),
            (Mode::Kiosk, Some(KioskPath::GettingReady)) => steps.extend([
                Screen::Path,
                Screen::Date,
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
                Screen::Restrictions,
                Screen::WhenToCall,
            ]),
        }
        steps
    }

    /// The current step's number (1-based) and the number of steps.
    pub fn step_position(&self) -> (usize, usize) {
        let steps = self.steps();
        let i = steps
            .iter()
            .position(|s| *s == self.nav.screen)
            .unwrap_or(0);
        (i + 1, steps.len())
    }

    /// Whether Next leads anywhere from here.
    pub fn has_next(&self) -> bool {
        let (step, steps) = self.step_position();
        step < steps
            || (self.nav.screen == Screen::Aftercare
                && self.nav.day + 1 < self.guide().aftercare.len())
    }

    /// Moves to a screen (resetting the scroll and cursor). A kiosk stays
    /// on its patient's path.
    pub fn go(&mut self, screen: Screen) {
        if self.mode() == Mode::Kiosk && !self.steps().contains(&screen) {
            return;
        }
        if screen != self.nav.screen {
            if self.nav.screen == Screen::WhenToCall {
                self.nav.return_to = None;
            }
            self.nav.screen = screen;
            self.nav.scroll = 0;
            self.nav.cursor = 0;
            self.nav.follow_cursor = true;
            if screen == Screen::Aftercare
                && let Some(today) = self.today_entry()
            {
                self.nav.day = today;
            }
        }
    }

    pub(crate) fn set_day(&mut self, day: usize) {
        if day != self.nav.day {
            self.nav.day = day;
            self.nav.scroll = 0;
        }
    }

    /// Opened on a treatment in the past: today's aftercare (or, past the
    /// aftercare, its last day, which says it has ended).
    pub(crate) fn open_today_if_treated(&mut self) {
        if let Some(day) = self.today_day().filter(|&d| d >= 1) {
            self.nav.screen = Screen::Aftercare;
            self.nav.scroll = 0;
            self.nav.day = self.entry_for_day(day);
        }
    }

    /// Jumps to today: its aftercare day, or the preparation before the
    /// treatment; says so when no treatment date is set.
    pub(crate) fn go_to_today(&mut self) {
        let Some(day) = self.today_day() else {
            self.notices.message = Some(self.ui().no_date_for_today.to_string());
            return;
        };
        self.go_to_plan_day(day);
    }

    /// Jumps to a plan day: the preparation before Day 0, else its
    /// aftercare entry (the last one past the end).
    pub(crate) fn go_to_plan_day(&mut self, day: i64) {
        if day < 0 {
            self.go(Screen::Preparation);
            // The checklist's first step on or after that day.
            let items = self.prep_items();
            let steps = &self.guide().preparation.steps;
            if let Some(row) = items.iter().position(|i| match i {
                super::PrepItem::Step(s) => steps[*s].day >= day,
                super::PrepItem::Screening(_) => true,
            }) {
                self.nav.cursor = row;
            }
        } else {
            self.go(Screen::Aftercare);
            let entry = self.entry_for_day(day);
            self.set_day(entry);
        }
    }

    pub(crate) fn next(&mut self) {
        if self.nav.screen == Screen::Aftercare && self.nav.day + 1 < self.guide().aftercare.len() {
            self.set_day(self.nav.day + 1);
            return;
        }
        if self.nav.screen == Screen::Path {
            // Next on the path screen chooses the highlighted path.
            let path = KioskSession::PATHS[self.nav.cursor.min(1)];
            self.choose_path(path);
            return;
        }
        if self.nav.screen == Screen::Picker {
            // Leaving the picker commits the highlighted guide.
            if let Some(PickerRow::Guide(id)) = self.picker_rows().get(self.nav.cursor).cloned()
                && id != self.content.guide_id
            {
                self.choose_guide(&id);
            }
        }
        let steps = self.steps();
        if let Some(i) = steps.iter().position(|s| *s == self.nav.screen)
            && let Some(&next) = steps.get(i + 1)
        {
            self.go(next);
            // A practitioner walks the aftercare from Day 0; a kiosk patient
            // who had their treatment sees today first, or past the last
            // day the last one, which says the aftercare has ended.
            if next == Screen::Aftercare {
                let day = match self.today_day() {
                    Some(d) if self.mode() == Mode::Kiosk && d >= 0 => self.entry_for_day(d),
                    _ => 0,
                };
                self.set_day(day);
            }
        }
    }

    pub(crate) fn prev(&mut self) {
        if self.nav.screen == Screen::WhenToCall && self.nav.return_to.is_some() {
            self.return_from_call();
            return;
        }
        if self.nav.screen == Screen::Aftercare && self.nav.day > 0 {
            self.set_day(self.nav.day - 1);
            return;
        }
        let steps = self.steps();
        if let Some(i) = steps.iter().position(|s| *s == self.nav.screen)
            && i > 0
        {
            let prev = steps[i - 1];
            self.go(prev);
            if prev == Screen::Aftercare {
                self.set_day(self.guide().aftercare.len().saturating_sub(1));
            }
        }
    }

    /// Jumps to the warning signs and contact, remembering where from.
    pub(crate) fn when_to_call(&mut self) {
        if self.nav.screen != Screen::WhenToCall {
            let from = (self.nav.screen, self.nav.day);
            let reachable =
                self.mode() == Mode::Practitioner || self.steps().contains(&Screen::WhenToCall);
            if reachable {
                self.go(Screen::WhenToCall);
            } else {
                // The kiosk's first screens have no "when to call" step yet:
                // it opens as a window over them.
                self.open(super::Overlay::WhenToCall);
                return;
            }
            self.nav.return_to = Some(from);
        }
    }

    pub(crate) fn return_from_call(&mut self) {
        if let Some((screen, day)) = self.nav.return_to.take() {
            self.go(screen);
            self.set_day(day);
        }
    }

    pub(crate) fn cursor_rows(&self) -> usize {
        match self.nav.screen {
            Screen::Path => KioskSession::PATHS.len(),
            Screen::Picker => self.picker_rows().len(),
            Screen::Preparation => self.prep_items().len(),
            _ => 0,
        }
    }

    /// ↑: the cursor moves up a row; above the first row, the text scrolls
    /// to its top (so the list's heading shows again).
    pub(crate) fn cursor_up(&mut self) {
        if !self.nav.screen.has_cursor() {
            self.scroll_by(-1);
        } else if self.nav.cursor == 0 {
            self.nav.scroll = 0;
        } else {
            self.nav.cursor -= 1;
            self.nav.follow_cursor = true;
            if self.nav.cursor == 0 {
                // Back at the first row: show what is above it too.
                self.nav.scroll = 0;
            }
        }
    }

    /// ↓: the cursor moves down a row; past the last row, the text below
    /// the list (key points, prompts) scrolls into view.
    pub(crate) fn cursor_down(&mut self) {
        let rows = self.cursor_rows();
        if !self.nav.screen.has_cursor() {
            self.scroll_by(1);
        } else if self.nav.cursor + 1 < rows {
            self.nav.cursor += 1;
            self.nav.follow_cursor = true;
        } else {
            // Past the last row: what follows the list scrolls into view.
            self.scroll_by(1);
        }
    }

    pub(crate) fn scroll_by(&mut self, lines: i32) {
        self.nav.scroll = (i32::from(self.nav.scroll) + lines).clamp(0, i32::from(u16::MAX)) as u16;
    }

    /// Scrolls by pages (a page keeps one line of the last for context).
    pub(crate) fn scroll_pages(&mut self, pages: i32) {
        let page = i32::from(self.nav.page.saturating_sub(1).max(1));
        self.scroll_by(pages * page);
    }

    /// Scrolls to a point of the text: 0 the top, 1000 the end.
    pub(crate) fn scroll_to(&mut self, at: u16) {
        let max = u32::from(self.nav.scroll_max);
        self.nav.scroll = u16::try_from(max * u32::from(at.min(1000)) / 1000).unwrap_or(u16::MAX);
    }

    /// Takes the scroll the last draw settled on: clamped to the content,
    /// moved to show the cursor or a search hit. (How tall the content is
    /// depends on the terminal's width, which only the view knows.)
    pub fn sync_view(&mut self, view: &crate::ui::View) {
        self.nav.scroll = view.scroll;
        self.nav.page = view.page;
        self.nav.scroll_max = view.scroll_max;
        self.overlays.scroll = view.overlay_scroll;
        self.nav.reveal = false;
        self.nav.follow_cursor = false;
    }
}

use super::KioskSession;
