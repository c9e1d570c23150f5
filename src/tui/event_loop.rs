//! The event loop: draw, sleep until something happens (a key, a click, a
//! signal, a guide file change, the next second of something that moves,
//! midnight), advance the clock, apply what happened, carry out what the
//! app asks for. Nothing else wakes it.

use std::io;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::crossterm::event;

use super::{RunOptions, Wake, terminal, watch};
use crate::app::{Action, App, Clock, Effect};
use crate::guide::library::Deferred;
use crate::i18n::fill;
use crate::input;
use crate::input::decoder::{Decoder, ESCAPE_TIMEOUT};
use crate::speech::{Speaker, SpeechError};
use crate::take_home;
use crate::ui::{self, View};

/// What one turn of the loop decided.
enum Turn {
    Continue,
    Exit(u8),
}

/// The loop's own state besides the app.
/// How often a reading aloud is checked for its end.
const SPEECH_POLL: Duration = Duration::from_millis(500);

struct Loop<'a> {
    options: &'a RunOptions,
    rx: &'a mpsc::Receiver<Wake>,
    decoder: Decoder,
    view: View,
    speaker: Speaker,
}

/// Runs the loop until the app quits; a panic in the kiosk starts over
/// instead of leaving the patient at a shell.
pub(super) fn run(
    terminal: &mut terminal::Screen,
    mut app: App,
    options: &RunOptions,
    rx: &mpsc::Receiver<Wake>,
    later: Option<Deferred>,
    start_input: impl FnOnce(),
) -> io::Result<u8> {
    // The first frame, then reading keys and signals; then what was set
    // aside: the other languages, and the check that each translation
    // matches its original, before any key is handled.
    let mut view = View::default();
    terminal.draw(|frame| view = ui::draw(&app, &options.theme, frame))?;
    app.sync_view(&view);
    start_input();
    if let Some(later) = later {
        let library = std::mem::take(&mut app.content.library).complete(later);
        let errors = if options.kiosk {
            Vec::new() // never on the patient's screen
        } else {
            library.error_lines()
        };
        app.reload(library, errors);
    }
    let mut l = Loop {
        options,
        rx,
        decoder: Decoder::new(),
        view: View::default(),
        speaker: Speaker::new(options.speech.clone()),
    };
    loop {
        let turn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            turn(terminal, &mut app, &mut l)
        }));
        match turn {
            Ok(Ok(Turn::Continue)) => {}
            Ok(Ok(Turn::Exit(code))) => return Ok(code),
            Ok(Err(e)) => return Err(e),
            // Never to a shell: the kiosk forgets the patient and starts over.
            Err(_) if options.kiosk => {
                l.speaker.stop();
                app.start_over();
                // Redraw everything. (`Terminal::clear` would first ask the
                // terminal where its cursor is, and the answer would be read
                // by the input thread instead: a two-second stall.)
                if let Ok(size) = terminal.size() {
                    let _ = terminal.resize(ratatui::layout::Rect::from((
                        ratatui::layout::Position::ORIGIN,
                        size,
                    )));
                }
            }
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

/// Where take-home copies go (see [`RunOptions::export_folder`]).
fn export_folder(options: &RunOptions) -> std::path::PathBuf {
    options
        .export_folder
        .clone()
        .unwrap_or_else(crate::config::default_export_folder)
}

/// The clock as the loop sees it: the system's, or `--today` held fixed.
fn clock(options: &RunOptions) -> Clock {
    match options.today {
        Some(today) => Clock::fixed(Instant::now(), today),
        None => Clock::system(),
    }
}

/// Draws, waits for something to happen, and applies it.
fn turn(terminal: &mut terminal::Screen, app: &mut App, l: &mut Loop) -> io::Result<Turn> {
    // A reading that came to its end is no longer shown as going on.
    if app.notices.reading_aloud && !l.speaker.is_speaking() {
        app.notices.reading_aloud = false;
    }
    let theme = &l.options.theme;
    terminal.draw(|frame| l.view = ui::draw(app, theme, frame))?;
    app.sync_view(&l.view);

    // Sleep until something happens. Passing time that changes the screen
    // (the countdown, the kiosk's idle warning, midnight) arrives as a
    // tick; a half-read escape sequence waits a moment for the rest of it.
    let timeout = match (app.next_wakeup(), l.decoder.pending()) {
        (Some(t), true) => Some(t.min(ESCAPE_TIMEOUT)),
        (None, true) => Some(ESCAPE_TIMEOUT),
        (t, false) => t,
    };
    // While the screen is read aloud, a look twice a second for its end
    // (the "reading aloud" line goes away then).
    let timeout = match (timeout, app.notices.reading_aloud) {
        (Some(t), true) => Some(t.min(SPEECH_POLL)),
        (None, true) => Some(SPEECH_POLL),
        (t, false) => t,
    };
    let wake = match timeout {
        Some(timeout) => match l.rx.recv_timeout(timeout) {
            Ok(w) => Some(w),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Wake::InputClosed),
        },
        None => Some(l.rx.recv().unwrap_or(Wake::InputClosed)),
    };
    app.set_clock(clock(l.options));
    let mut events = Vec::new();
    let mut pending = Vec::new();
    match wake {
        None => {
            events = l.decoder.flush();
            let fx = app.update(Action::Tick);
            if let Some(code) = carry_out(app, l, fx) {
                return Ok(Turn::Exit(code));
            }
        }
        // Handle everything already waiting before drawing again, so a
        // resize storm or a burst of keys costs one frame.
        Some(wake) => {
            pending.push(wake);
            while let Ok(more) = l.rx.try_recv() {
                pending.push(more);
            }
        }
    }
    for wake in pending {
        match wake {
            Wake::Input(bytes) => events.extend(l.decoder.feed(&bytes)),
            Wake::Resized => {} // the next draw takes the new size
            Wake::Signal(sig) => return Ok(Turn::Exit(128u8.saturating_add(sig as u8))),
            Wake::InputClosed => return Ok(Turn::Exit(1)),
            Wake::GuidesChanged => {
                if let Some(source) = &l.options.watch {
                    watch::reload(app, source);
                }
            }
        }
    }
    for event in events {
        if l.options.test_panic_key
            && matches!(&event, event::Event::Key(k) if k.code == event::KeyCode::F(9))
        {
            panic!("test panic (CAREGUIDE_TEST_PANIC)");
        }
        if let Some(action) = input::action_for(app, &l.view, &event) {
            let fx = app.update(action);
            if let Some(code) = carry_out(app, l, fx) {
                return Ok(Turn::Exit(code));
            }
        }
    }
    Ok(Turn::Continue)
}

/// Carries out what the app asked for; returns an exit code to quit with.
fn carry_out(app: &mut App, l: &mut Loop, effects: Vec<Effect>) -> Option<u8> {
    for effect in effects {
        let ui = app.ui();
        match effect {
            Effect::Quit(code) => {
                l.speaker.stop();
                return Some(code);
            }
            Effect::Export => {
                app.notices.message = Some(match take_home::save(app, &export_folder(l.options)) {
                    Ok(path) => fill(&ui.exported, &[("path", &path.display())]),
                    Err(e) => fill(&ui.export_failed, &[("error", &e)]),
                });
            }
            Effect::ExportCalendar => {
                app.notices.message = Some(
                    match take_home::save_calendar(app, &export_folder(l.options)) {
                        Ok(path) => fill(&ui.calendar_saved, &[("path", &path.display())]),
                        Err(e) if e.kind() == io::ErrorKind::InvalidInput => {
                            ui.calendar_needs_date.to_string()
                        }
                        Err(e) => fill(&ui.export_failed, &[("error", &e)]),
                    },
                );
            }
            Effect::Print(from_today) => {
                let content = take_home::printable(app, from_today, l.options.print_format);
                app.notices.message = Some(
                    match take_home::print(&content, l.options.print_command.as_deref()) {
                        Ok(()) => ui.printed.to_string(),
                        Err(e) => fill(&ui.print_failed, &[("error", &e)]),
                    },
                );
            }
            Effect::Bell => terminal::bell(),
            Effect::Speak { language, lines } => match l.speaker.speak(&language, &lines) {
                Ok(()) => {}
                Err(SpeechError::NotInstalled(_)) => {
                    app.notices.message = Some(ui.speech_missing.to_string());
                }
                Err(SpeechError::Failed(e)) => {
                    app.notices.message = Some(fill(&ui.speech_failed, &[("error", &e)]));
                }
            },
            Effect::StopSpeech => l.speaker.stop(),
        }
    }
    None
}
