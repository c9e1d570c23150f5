//! The terminal side: setting the terminal up and restoring it (on quit,
//! panic and signals), and the event loop. The loop blocks until something
//! happens: a key, a click, a signal, a guide file change, or the next
//! second of a running countdown. Nothing else wakes it.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Instant;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, Effect};
use crate::guide::{GuideSource, Library};
use crate::i18n::fill;
use crate::input;
use crate::output::{self, document};
use crate::term_input::{Decoder, ESCAPE_TIMEOUT};
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
    /// Where practitioner mode saves take-home copies.
    pub export_folder: PathBuf,
    /// The command that prints a plan (given the plan as text on stdin).
    pub print_command: Option<Vec<String>>,
    /// Tests only: F9 panics, to prove the terminal is restored (or, in the
    /// kiosk, that the app starts over). Set by `CAREGUIDE_TEST_PANIC=1`.
    pub test_panic_key: bool,
}

/// Something the event loop wakes up for.
enum Wake {
    /// Bytes from the terminal: keys, mouse reports, pastes.
    Input(Vec<u8>),
    /// The window changed size.
    Resized,
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

    // The terminal's bytes, as they arrive; the event loop decodes them.
    let input_tx = tx.clone();
    thread::spawn(move || {
        let mut stdin = io::stdin().lock();
        let mut buf = [0u8; 4096];
        loop {
            match stdin.read(&mut buf) {
                Ok(0) => {
                    let _ = input_tx.send(Wake::InputClosed);
                    break;
                }
                Ok(n) => {
                    if input_tx.send(Wake::Input(buf[..n].to_vec())).is_err() {
                        break;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
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
        signal_hook::consts::SIGWINCH,
    ])?;
    thread::spawn(move || {
        for sig in signals.forever() {
            let wake = if sig == signal_hook::consts::SIGWINCH {
                Wake::Resized
            } else {
                Wake::Signal(sig)
            };
            if signal_tx.send(wake).is_err() {
                break;
            }
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
    let mut decoder = Decoder::new();
    let result = event_loop(&mut terminal, &mut app, &options, &rx, &mut decoder);
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
    decoder: &mut Decoder,
) -> io::Result<u8> {
    let mut view = View::default();
    loop {
        let turn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            turn(terminal, app, options, rx, &mut view, decoder)
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
    decoder: &mut Decoder,
) -> io::Result<Turn> {
    terminal.draw(|frame| *view = ui::draw(app, &options.theme, frame))?;
    app.sync_view(view.scroll, view.overlay_scroll);

    // Sleep until something happens. Passing time that changes the screen
    // (the countdown, the kiosk's idle warning) arrives as a tick; a
    // half-read escape sequence waits a moment for the rest of it.
    let timeout = match (app.next_wakeup(), decoder.pending()) {
        (Some(t), true) => Some(t.min(ESCAPE_TIMEOUT)),
        (None, true) => Some(ESCAPE_TIMEOUT),
        (t, false) => t,
    };
    let wake = match timeout {
        Some(timeout) => match rx.recv_timeout(timeout) {
            Ok(w) => Some(w),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Wake::InputClosed),
        },
        None => Some(rx.recv().unwrap_or(Wake::InputClosed)),
    };
    app.now = Instant::now();
    let mut events = Vec::new();
    let mut pending = Vec::new();
    match wake {
        None => {
            events = decoder.flush();
            app.update(Action::Tick);
        }
        // Handle everything already waiting before drawing again, so a
        // resize storm or a burst of keys costs one frame.
        Some(wake) => {
            pending.push(wake);
            while let Ok(more) = rx.try_recv() {
                pending.push(more);
            }
        }
    }
    for wake in pending {
        match wake {
            Wake::Input(bytes) => events.extend(decoder.feed(&bytes)),
            Wake::Resized => {} // the next draw takes the new size
            Wake::Signal(sig) => return Ok(Turn::Exit(128u8.saturating_add(sig as u8))),
            Wake::InputClosed => return Ok(Turn::Exit(1)),
            Wake::GuidesChanged => reload(app, options),
        }
    }
    for event in events {
        if options.test_panic_key
            && matches!(&event, event::Event::Key(k) if k.code == event::KeyCode::F(9))
        {
            panic!("test panic (CAREGUIDE_TEST_PANIC)");
        }
        if let Some(action) = input::action_for(app, view, &event) {
            app.update(action);
        }
        if let Some(effect) = app.effect.take() {
            app.message = Some(carry_out(app, effect, options));
        }
        if app.quit {
            return Ok(Turn::Exit(0));
        }
    }
    Ok(Turn::Continue)
}

/// Saves or prints the plan; returns the message for the footer.
fn carry_out(app: &App, effect: Effect, options: &RunOptions) -> String {
    let ui = app.ui();
    let doc = document::build(&app.plan, ui, &app.plan.guide.contact, Some(app.today));
    match effect {
        Effect::Export => match export(app, &doc, &options.export_folder) {
            Ok(path) => fill(&ui.exported, &[("path", &path.display())]),
            Err(e) => fill(&ui.export_failed, &[("error", &e)]),
        },
        Effect::Print => match print(
            &output::text::render(&doc, ui, 78),
            options.print_command.as_deref(),
        ) {
            Ok(()) => ui.printed.clone(),
            Err(e) => fill(&ui.print_failed, &[("error", &e)]),
        },
    }
}

/// Writes the take-home page into `folder`, never over an older copy.
/// The name holds the guide, add-ons, date and language: no patient data.
pub fn export(app: &App, doc: &output::Document, folder: &Path) -> io::Result<PathBuf> {
    std::fs::create_dir_all(folder)?;
    let mut stem = format!("careguide-{}", app.guide_id);
    for addon in &app.addons {
        stem.push('-');
        stem.push_str(addon);
    }
    stem.push('-');
    stem.push_str(
        &app.treatment_date
            .map_or("undated".to_string(), |d| d.to_string()),
    );
    stem.push('.');
    stem.push_str(&app.language);
    let page = output::html::render(doc, app.ui());
    for n in 1.. {
        let name = if n == 1 {
            format!("{stem}.html")
        } else {
            format!("{stem}-{n}.html")
        };
        let path = folder.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(page.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    unreachable!("some numbered name is free")
}

/// Pipes the plan's text to the print command (nothing is written to disk).
pub fn print(text: &str, command: Option<&[String]>) -> Result<(), String> {
    let Some([program, args @ ..]) = command else {
        return Err("no print command is set in the config file".into());
    };
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("`{program}`: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        // A command that exits without reading all of it is judged by its
        // exit status below, not by the closed pipe.
        match stdin.write_all(text.as_bytes()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e.to_string()),
            _ => {}
        }
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(crate::text::sanitize(err.lines().next().unwrap_or("failed")).into_owned())
    }
}

/// Reloads the guides after a file changed; a broken file keeps the last
/// good guide on screen, with its errors.
fn reload(app: &mut App, options: &RunOptions) {
    let Some(source) = &options.watch else { return };
    match Library::load_with(source, crate::guide::library::Checks::ErrorsOnly) {
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
