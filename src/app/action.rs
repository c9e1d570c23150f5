//! Everything a user can do, as data. Keys, mouse clicks and timers become
//! [`Action`]s; [`super::App::update`] applies them without any I/O.

use super::{KioskPath, Screen};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The next step (or the next aftercare day).
    Next,
    /// The previous step (or the previous aftercare day).
    Prev,
    /// The first step.
    First,
    /// The last step.
    Last,
    /// Jump to a section.
    GoTo(Screen),
    /// Jump to a step by its number on the tabs (1-based).
    GoToSection(usize),
    /// Jump to an aftercare entry.
    GoToDay(usize),
    NextDay,
    PrevDay,
    ScrollUp,
    ScrollDown,
    /// Scroll by several lines (mouse wheel).
    ScrollBy(i32),
    /// Move the cursor on a list screen (picker, checklist, overlays).
    CursorUp,
    CursorDown,
    /// Tick the checklist item, toggle the add-on, or pick the guide under the cursor.
    Toggle,
    /// Tick or untick a preparation item by its index (mouse).
    ToggleItem(usize),
    /// Choose a guide on the picker by its row (mouse).
    PickGuide(usize),
    /// Tick or untick an add-on on the picker by its index (mouse).
    ToggleAddon(usize),
    /// Switch to the next language that has guides.
    CycleLanguage,
    /// Choose a language by its code.
    SetLanguage(String),
    /// Type a character into the field that has focus (date, search).
    Input(char),
    /// Delete the character before the cursor in the field with focus.
    Backspace,
    /// Paste text into the field with focus.
    Paste(String),
    /// Submit the field with focus.
    Submit,
    /// Set the treatment date to today.
    DateToday,
    /// Move the treatment date by some days.
    DateAdjust(i64),
    /// Go on without a treatment date.
    DateSkip,
    /// Start or pause the numbing countdown.
    TimerToggle,
    TimerReset,
    ToggleTeachBack,
    OpenHelp,
    OpenGlossary,
    OpenIndex,
    /// Jump to the warning signs and contact from anywhere.
    WhenToCall,
    OpenSearch,
    SearchNext,
    SearchPrev,
    /// Close the overlay or cancel the prompt.
    Close,
    Quit,
    /// Kiosk: choose "getting ready" or "had my treatment".
    ChoosePath(KioskPath),
    /// Kiosk: the treatment was this many days ago.
    DaysAgo(i64),
    /// Kiosk: forget everything and go back to the welcome screen.
    StartOver,
    /// Kiosk: the staff chord; asks for the PIN.
    StaffExit,
    /// Practitioner: save the plan as a take-home page.
    Export,
    /// Send the plan to the configured print command.
    Print,
    /// Time passed (the countdown or the idle timer may need a redraw).
    Tick,
}
