//! Windows over the screen: help, words to know, the section index, the
//! staff PIN prompt, "go to a date", "new patient?", what to print, the
//! take-home QR code, and (on the kiosk's first screens) when to call.

use super::{Action, App, Effect, Mode, Screen};

/// A window drawn over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Glossary,
    /// The section index; the cursor is a row of [`App::index_entries`].
    Index {
        cursor: usize,
    },
    /// The kiosk's staff PIN prompt (the digits are in `KioskSession::pin_entry`).
    Pin,
    /// Practitioner: a date to jump to (typed into [`Overlays::field`]).
    GoToDate,
    /// Practitioner: "Clear everything about this patient?"
    ConfirmNewPatient,
    /// What to print: the whole plan, or the days still to come.
    Print,
    /// The take-home QR code.
    Qr,
    /// The warning signs and contact, over a kiosk screen that has no
    /// "when to call" step.
    WhenToCall,
}

/// The open window and what is typed or scrolled in it.
#[derive(Clone, Debug, Default)]
pub struct Overlays {
    pub open: Option<Overlay>,
    /// Scroll offset inside the window.
    pub scroll: u16,
    /// What is typed in a window's field ("go to a date").
    pub field: String,
    pub error: Option<String>,
    /// The highlighted choice in a window that offers some (print).
    pub choice: usize,
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

impl App {
    pub(crate) fn open(&mut self, overlay: Overlay) {
        self.overlays = super::Overlays {
            open: Some(overlay),
            ..Default::default()
        };
    }

    fn close(&mut self) {
        self.overlays = super::Overlays::default();
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

    pub(crate) fn current_index_row(&self) -> usize {
        let rows = self.index_entries();
        let want = if self.nav.screen == Screen::Aftercare {
            IndexEntry::Day(self.nav.day)
        } else {
            IndexEntry::Screen(self.nav.screen)
        };
        rows.iter().position(|r| *r == want).unwrap_or(0)
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

    /// Input while a window is open. Returns true when the window took it.
    pub(crate) fn overlay_input(
        &mut self,
        overlay: Overlay,
        action: &Action,
        fx: &mut Vec<Effect>,
    ) -> bool {
        // Whatever window is open, these go on to the screen: the staff
        // chord, quitting, reading aloud.
        if matches!(
            action,
            Action::StaffExit | Action::Quit | Action::ReadAloud | Action::StillHere
        ) {
            if *action == Action::StaffExit && overlay != Overlay::Pin {
                self.close();
            }
            return overlay == Overlay::Pin && *action == Action::StaffExit;
        }
        match overlay {
            Overlay::Pin => self.pin_input(action, fx),
            Overlay::Index { cursor } => return self.index_input(cursor, action),
            Overlay::GoToDate => self.go_to_date_input(action),
            Overlay::ConfirmNewPatient => match action {
                Action::Confirm | Action::Submit | Action::Input('y' | 'Y') => {
                    self.close();
                    self.new_patient();
                    self.notices.message = Some(self.ui().new_patient_done.to_string());
                }
                Action::Close | Action::Input('n' | 'N') => self.close(),
                _ => {}
            },
            Overlay::Print => match action {
                Action::CursorUp | Action::CursorDown => {
                    self.overlays.choice = 1 - self.overlays.choice.min(1);
                }
                Action::Submit | Action::Toggle | Action::Confirm => {
                    let from_today = self.overlays.choice == 1;
                    self.close();
                    fx.push(Effect::Print(from_today));
                }
                Action::Print(from_today) => {
                    let from_today = *from_today;
                    self.close();
                    fx.push(Effect::Print(from_today));
                }
                Action::Close => self.close(),
                _ => {}
            },
            Overlay::Help | Overlay::Glossary | Overlay::Qr | Overlay::WhenToCall => {
                match action {
                    Action::Close => self.close(),
                    Action::OpenHelp if overlay == Overlay::Help => self.close(),
                    Action::OpenGlossary if overlay == Overlay::Glossary => self.close(),
                    Action::OpenHelp | Action::OpenGlossary => {
                        // From one window to the other.
                        self.close();
                        return false;
                    }
                    Action::WhenToCall if overlay != Overlay::WhenToCall => {
                        self.close();
                        return false;
                    }
                    Action::ScrollUp | Action::CursorUp => self.scroll_overlay(-1),
                    Action::ScrollDown | Action::CursorDown => self.scroll_overlay(1),
                    Action::ScrollBy(n) => self.scroll_overlay(*n),
                    Action::ScrollPage(n) => self.scroll_overlay(n * 10),
                    Action::ScrollHome => self.overlays.scroll = 0,
                    Action::ScrollEnd => self.overlays.scroll = u16::MAX,
                    Action::ScrollTo(at) => {
                        self.overlays.scroll = if *at == 0 { 0 } else { u16::MAX };
                    }
                    // Next or Back closes the window and moves on.
                    Action::Next | Action::Prev if overlay == Overlay::WhenToCall => {
                        self.close();
                    }
                    // Other keys do nothing while a window is open.
                    _ => {}
                }
            }
        }
        true
    }

    fn scroll_overlay(&mut self, lines: i32) {
        self.overlays.scroll =
            (i32::from(self.overlays.scroll) + lines).clamp(0, i32::from(u16::MAX)) as u16;
    }

    fn index_input(&mut self, cursor: usize, action: &Action) -> bool {
        match action {
            Action::Close | Action::OpenIndex => self.close(),
            Action::CursorUp | Action::ScrollUp => {
                self.overlays.open = Some(Overlay::Index {
                    cursor: cursor.saturating_sub(1),
                });
            }
            Action::CursorDown | Action::ScrollDown => {
                let last = self.index_entries().len().saturating_sub(1);
                self.overlays.open = Some(Overlay::Index {
                    cursor: (cursor + 1).min(last),
                });
            }
            Action::ScrollHome => self.overlays.open = Some(Overlay::Index { cursor: 0 }),
            Action::ScrollEnd => {
                let last = self.index_entries().len().saturating_sub(1);
                self.overlays.open = Some(Overlay::Index { cursor: last });
            }
            Action::Toggle | Action::Submit | Action::Next => {
                self.close();
                self.jump_to_index(cursor);
            }
            Action::GoToDay(_) | Action::GoTo(_) | Action::OpenGlossary | Action::OpenHelp => {
                // A click on an index row.
                self.close();
                return false;
            }
            _ => {}
        }
        true
    }

    fn go_to_date_input(&mut self, action: &Action) {
        let field = &mut self.overlays.field;
        match action {
            Action::Input(c) if c.is_ascii_digit() || matches!(c, '-' | '/' | '.') => {
                if field.chars().count() < 10 {
                    field.push(*c);
                }
                self.overlays.error = None;
            }
            Action::Paste(text) => {
                *field = super::date_entry::date_chars(text);
                self.overlays.error = None;
            }
            Action::Backspace => {
                field.pop();
                self.overlays.error = None;
            }
            Action::Submit => {
                let language = self.content.language.clone();
                match super::date_entry::parse_typed(&self.overlays.field, &language) {
                    Ok(date) => match self.content.plan.day_of(date) {
                        Some(day) => {
                            self.close();
                            self.go_to_plan_day(day);
                        }
                        None => self.overlays.error = Some(self.ui().no_date_for_today.to_string()),
                    },
                    Err(e) => self.overlays.error = Some(e.in_language(self.ui())),
                }
            }
            Action::Close => self.close(),
            _ => {}
        }
    }

    /// Whether the kiosk draws this window itself (the staff PIN).
    pub fn window_is_kiosk_own(&self) -> bool {
        self.mode() == Mode::Kiosk && self.overlays.open == Some(Overlay::Pin)
    }
}
