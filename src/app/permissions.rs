//! Who is using the app, and what each may do: the one place that decides
//! it. [`super::App::update`] refuses any action the mode does not allow
//! before it reaches the code that carries it out, so a kiosk cannot reach
//! a practitioner feature by a check someone forgot.

use super::Action;

/// Who is using the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A practitioner walking a patient through the plan.
    Practitioner,
    /// A patient alone at a waiting-room kiosk.
    Kiosk,
}

impl Mode {
    /// Whether this mode may do `action`.
    pub fn allows(self, action: &Action) -> bool {
        use Action::*;
        match self {
            Mode::Practitioner => !matches!(
                action,
                // The kiosk's patient path and its staff exit.
                ChoosePath(_) | DaysAgo(_) | StartOver | StaffExit
            ),
            Mode::Kiosk => match action {
                // Reading, moving and choosing on the patient's path.
                Next | Prev | First | GoTo(_) | GoToDay(_) | NextDay | PrevDay | ScrollUp
                | ScrollDown | ScrollBy(_) | ScrollPage(_) | ScrollTo(_) | ScrollEnd
                | ScrollHome | CursorUp | CursorDown | Toggle | ToggleItem(_) | PickGuide(_)
                | ToggleAddon(_) | CycleLanguage | SetLanguage(_) => true,
                // Typing a date or the staff PIN.
                Input(_) | Backspace | Paste(_) | Submit | DateToday | DateAdjust(_) | DateSkip => {
                    true
                }
                // Help, words, when to call, windows.
                OpenHelp | OpenGlossary | WhenToCall | Close | Confirm => true,
                // The kiosk's own.
                ChoosePath(_) | DaysAgo(_) | StartOver | StaffExit | StillHere | Tick => true,
                // Printing appears only when the clinic set a print command
                // (the app checks that); read-aloud is for everyone.
                Print(_) | OpenPrint | ReadAloud | StopReading | ShowQr => true,
                // Practitioner tools: never in the kiosk.
                Last | GoToSection(_) | GoToToday | OpenGoToDate | OpenIndex | OpenSearch
                | SearchNext | SearchPrev | TimerToggle | TimerReset | ToggleTeachBack | Export
                | ExportCalendar | NewPatient | Quit => false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kiosk_has_no_practitioner_tools() {
        for action in [
            Action::Quit,
            Action::Export,
            Action::OpenSearch,
            Action::TimerToggle,
            Action::ToggleTeachBack,
            Action::OpenIndex,
            Action::GoToSection(3),
            Action::NewPatient,
        ] {
            assert!(!Mode::Kiosk.allows(&action), "{action:?}");
            assert!(Mode::Practitioner.allows(&action), "{action:?}");
        }
        for action in [Action::StartOver, Action::StaffExit, Action::DaysAgo(3)] {
            assert!(Mode::Kiosk.allows(&action), "{action:?}");
            assert!(!Mode::Practitioner.allows(&action), "{action:?}");
        }
    }
}
