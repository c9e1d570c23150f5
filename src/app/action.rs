//! Everything a user can do, as data. Keys, mouse clicks and timers become
//! [`Action`]s; [`super::App::update`] applies them without any I/O and
//! returns the [`Effect`]s the event loop carries out.

use super::{KioskPath, Screen};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The next step (or the next aftercare day).
    Next,
    /// The previous step (or the previous aftercare day).
    Prev,
    /// The first step (the kiosk: start over).
    First,
    /// The last step.
    Last,
    /// Jump to a section.
    GoTo(Screen),
    /// Jump to a step by its number on the tabs (1-based).
    GoToSection(usize),
    /// Jump to an aftercare entry.
    GoToDay(usize),
    /// Jump to today: today's aftercare, or today's preparation.
    GoToToday,
    /// Ask for a date to jump to.
    OpenGoToDate,
    NextDay,
    PrevDay,
    ScrollUp,
    ScrollDown,
    /// Scroll by several lines (mouse wheel).
    ScrollBy(i32),
    /// Scroll by pages (PgDn, PgUp, the ▲ ▼ buttons and the scrollbar's ends).
    ScrollPage(i32),
    /// Scroll to a point of the text, from 0 (top) to 1000 (end): a drag or
    /// a click on the scrollbar.
    ScrollTo(u16),
    ScrollHome,
    ScrollEnd,
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
    /// Type a character into the field that has focus (date, search, PIN).
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
    /// Close the window or cancel the prompt.
    Close,
    /// Say yes in a window that asks (a new patient, a print).
    Confirm,
    Quit,
    /// Practitioner: clear everything about this patient (asks first).
    NewPatient,
    /// Kiosk: choose "getting ready" or "had my treatment".
    ChoosePath(KioskPath),
    /// Kiosk: the treatment was this many days ago (negative: in so many days).
    DaysAgo(i64),
    /// Kiosk: forget everything and go back to the welcome screen.
    StartOver,
    /// Kiosk: the staff chord; asks for the PIN.
    StaffExit,
    /// Kiosk: someone touched the screen or pressed a key that means
    /// nothing else ("Still there?" is answered).
    StillHere,
    /// Practitioner: save the plan as a take-home page.
    Export,
    /// Practitioner: save the plan's reminders as a calendar file (.ics).
    ExportCalendar,
    /// Ask what to print (the whole plan, or the days still to come).
    OpenPrint,
    /// Print the plan: `true` for only the days still to come.
    Print(bool),
    /// Show the take-home QR code.
    ShowQr,
    /// Read the screen aloud (again).
    ReadAloud,
    /// Stop reading aloud.
    StopReading,
    /// Time passed (the countdown or the idle timer may need a redraw).
    Tick,
}

/// Something [`super::App::update`] asks the event loop to do outside the
/// app: the app itself never writes a file, runs a program or rings a bell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save the plan as a take-home HTML page (practitioner only).
    Export,
    /// Save the plan's reminders as a calendar file (practitioner only).
    ExportCalendar,
    /// Send the plan to the print command; `true`: only the days to come.
    Print(bool),
    /// Ring the terminal's bell (the numbing time is up).
    Bell,
    /// Read these lines aloud in this language (stopping any reading first).
    Speak {
        language: String,
        lines: Vec<String>,
    },
    /// Stop any reading aloud.
    StopSpeech,
    /// Leave the app with this exit status.
    Quit(u8),
}
