//! The terminal side: setting the terminal up and restoring it (on quit,
//! panic and signals), and the event loop. The loop blocks until something
//! happens: a key, a click, a signal, a guide file change, or the next
//! second of a running countdown. Nothing else wakes it.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Instant;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App};
use crate::guide::{GuideSource, Library};
use crate::input;
use crate::ui::{self, Theme, View};

/// How the terminal is run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    pub theme: Theme,
    pub mouse: bool,
    /// Reload guides from this source when its files change.
    pub watch: Option<GuideSource>,
    /// Kiosk: an internal error starts over instead of exiting, and Ctrl-Z
    /// sent from outside (SIGTSTP) is ignored.
    pub kiosk: bool,
    /// Tests only: F9 panics, to prove the terminal is restored (or, in the
    /// kiosk, that the app starts over). Set by `CAREGUIDE_TEST_PANIC=1`.
    pub test_panic_key: bool,
}

/// Something the event loop wakes up for.
enum Wake {
    Terminal(event::Event),
    InputClosed,
    Signal(i32),
    GuidesChanged,
}

/// Runs the app until it quits; returns the process exit code.
pub fn run(mut app: App, options: RunOptions) -> io::Result<u8> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(io::Error::other(
            "the interactive guide needs a terminal; use `careguide print` for text output",
        ));
    }
    let (tx, rx) = mpsc::channel::<Wake>();

    let input_tx = tx.clone();
    thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if input_tx.send(Wake::Terminal(ev)).is_err() {
                        break;
                    }
                }
                Err(_) => {
                    let _ = input_tx.send(Wake::InputClosed);
                    break;
                }
            }
        }
    });

    let signal_tx = tx.clone();
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ])?;
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = signal_tx.send(Wake::Signal(sig));
        }
    });
    if options.kiosk {
        // Nobody suspends a kiosk: Ctrl-Z is a plain key in raw mode, and a
        // SIGTSTP sent from outside is swallowed.
        let ignored = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, ignored)?;
    }

    // Keep the watcher alive for the whole run.
    let _watcher = match &options.watch {
        Some(GuideSource::Dir(dir)) => watch(dir.clone(), tx.clone()),
        _ => None,
    };
    drop(tx);

    let mut terminal = init(options.mouse, options.kiosk)?;
    let result = event_loop(&mut terminal, &mut app, &options, &rx);
    restore(options.mouse);
    result
}

/// What one turn of the loop decided.
enum Turn {
    Continue,
    Exit(u8),
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    options: &RunOptions,
    rx: &mpsc::Receiver<Wake>,
) -> io::Result<u8> {
    let mut view = View::default();
    loop {
        let turn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            turn(terminal, app, options, rx, &mut view)
        }));
        match turn {
            Ok(Ok(Turn::Continue)) => {}
            Ok(Ok(Turn::Exit(code))) => return Ok(code),
            Ok(Err(e)) => return Err(e),
            // Never to a shell: the kiosk forgets the patient and starts over.
            Err(_) if options.kiosk => {
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

/// Draws, waits for something to happen, and applies it.
fn turn(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    options: &RunOptions,
    rx: &mpsc::Receiver<Wake>,
    view: &mut View,
) -> io::Result<Turn> {
    terminal.draw(|frame| *view = ui::draw(app, &options.theme, frame))?;
    app.sync_view(view.scroll, view.overlay_scroll);
    // Passing time that changes the screen (the countdown, the kiosk's
    // idle warning) arrives as a tick when nothing else does.

    let wake = match app.next_wakeup() {
        Some(timeout) => match rx.recv_timeout(timeout) {
            Ok(w) => Some(w),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Wake::InputClosed),
        },
        None => Some(rx.recv().unwrap_or(Wake::InputClosed)),
    };
    app.now = Instant::now();
    let Some(wake) = wake else {
        app.update(Action::Tick);
        return Ok(Turn::Continue);
    };
    // Handle everything already waiting before drawing again, so a
    // resize storm or a burst of keys costs one frame.
    let mut pending = vec![wake];
    while let Ok(more) = rx.try_recv() {
        pending.push(more);
    }
    for wake in pending {
        match wake {
            Wake::Terminal(ev) => {
                if options.test_panic_key
                    && matches!(&ev, event::Event::Key(k) if k.code == event::KeyCode::F(9))
                {
                    panic!("test panic (CAREGUIDE_TEST_PANIC)");
                }
                if let Some(action) = input::action_for(app, view, &ev) {
                    app.update(action);
                }
            }
            Wake::Signal(sig) => return Ok(Turn::Exit(128u8.saturating_add(sig as u8))),
            Wake::InputClosed => return Ok(Turn::Exit(1)),
            Wake::GuidesChanged => reload(app, options),
        }
        if app.quit {
            return Ok(Turn::Exit(0));
        }
    }
    Ok(Turn::Continue)
}

/// Reloads the guides after a file changed; a broken file keeps the last
/// good guide on screen, with its errors.
fn reload(app: &mut App, options: &RunOptions) {
    let Some(source) = &options.watch else { return };
    match Library::load(source) {
        Ok(library) => {
            let errors: Vec<String> = library
                .reports
                .iter()
                .filter(|r| r.has_errors())
                .flat_map(|r| r.lines().collect::<Vec<_>>())
                .collect();
            app.reload(library, errors);
        }
        Err(e) => app.reload_errors = vec![e.to_string()],
    }
}

/// Watches a guides folder; each change sends one wake-up.
fn watch(dir: PathBuf, tx: mpsc::Sender<Wake>) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher;
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res
            && (event.kind.is_modify() || event.kind.is_create() || event.kind.is_remove())
            && event
                .paths
                .iter()
                .any(|p| p.extension().is_some_and(|e| e == "toml"))
        {
            let _ = tx.send(Wake::GuidesChanged);
        }
    })
    .ok()?;
    watcher
        .watch(&dir, notify::RecursiveMode::NonRecursive)
        .ok()?;
    Some(watcher)
}

/// Raw mode, the alternate screen, bracketed paste and (optionally) the
/// mouse. A panic restores all of it before the message prints; in the
/// kiosk a panic is caught and the app starts over, so the hook stays
/// silent and leaves the screen alone.
fn init(mouse: bool, kiosk: bool) -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let mut out = io::stdout();
    execute!(out, EnableBracketedPaste)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    let ratatui_hook = std::panic::take_hook();
    if kiosk {
        std::panic::set_hook(Box::new(|_| {}));
    } else {
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
            ratatui_hook(info);
        }));
    }
    Ok(terminal)
}

/// Undoes [`init`]. Errors are ignored: the terminal may already be gone.
pub fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, DisableBracketedPaste);
    let _ = ratatui::try_restore();
    let _ = out.flush();
}
