//! The terminal side: the threads that feed the event loop (the terminal's
//! bytes, signals, guide files changing), the terminal set up and given
//! back ([`terminal`]), and the loop itself ([`event_loop`]), which blocks
//! until something happens and carries out what the app asks for.

mod backend;
mod event_loop;
pub mod terminal;
mod watch;

use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;

use jiff::civil::Date;

use crate::app::App;
use crate::config::PrintFormat;
use crate::guide::GuideSource;
use crate::guide::library::Deferred;
use crate::speech::SpeechSettings;
use crate::ui::Theme;

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
    /// Where practitioner mode saves take-home copies: the config's folder,
    /// else (`None`) the user's documents folder, looked up when a copy is
    /// saved (not at every start).
    pub export_folder: Option<PathBuf>,
    /// The command that prints a plan (given it on stdin), and in what form.
    pub print_command: Option<Vec<String>>,
    pub print_format: PrintFormat,
    /// How the screen is read aloud.
    pub speech: SpeechSettings,
    /// `--today`: the day stays this one (demos and tests); otherwise the
    /// system's calendar day, which changes at midnight.
    pub today: Option<Date>,
    /// Tests only: F9 panics, to prove the terminal is restored (or, in the
    /// kiosk, that the app starts over). Set by `CAREGUIDE_TEST_PANIC=1`.
    pub test_panic_key: bool,
}

/// Something the event loop wakes up for.
pub(crate) enum Wake {
    /// Bytes from the terminal: keys, mouse reports, pastes.
    Input(Vec<u8>),
    /// The window changed size.
    Resized,
    InputClosed,
    Signal(i32),
    GuidesChanged,
}

/// Runs the app until it quits; returns the process exit code.
/// `later`: guide files set aside to load after the first frame.
pub fn run(app: App, options: RunOptions, later: Option<Deferred>) -> io::Result<u8> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(io::Error::other(
            "the interactive guide needs a terminal; use `careguide print` for text output",
        ));
    }
    let (tx, rx) = mpsc::channel::<Wake>();

    // Signals are caught from here on (they wait in signal-hook's pipe);
    // the threads that hand keys and signals to the event loop start right
    // after the first frame, which needs neither (keys typed meanwhile wait
    // in the terminal).
    let signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
        signal_hook::consts::SIGWINCH,
    ])?;
    let (input_tx, signal_tx) = (tx.clone(), tx.clone());
    let start_input = move || {
        start_reading_keys(input_tx);
        start_forwarding_signals(signals, signal_tx);
    };
    if options.kiosk {
        // Nobody suspends a kiosk: Ctrl-Z is a plain key in raw mode, and a
        // SIGTSTP sent from outside is swallowed.
        let ignored = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, ignored)?;
    }

    // Keep the watcher alive for the whole run.
    let _watcher = match &options.watch {
        Some(GuideSource::Dir(dir)) => watch::watch(dir.clone(), tx.clone()),
        _ => None,
    };
    drop(tx);

    let mut terminal = terminal::init(options.mouse, options.kiosk)?;
    let result = event_loop::run(&mut terminal, app, &options, &rx, later, start_input);
    terminal::restore(options.mouse);
    result
}

/// The terminal's bytes, as they arrive, to the event loop (which decodes them).
fn start_reading_keys(input_tx: mpsc::Sender<Wake>) {
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
}

/// Signals caught, to the event loop.
fn start_forwarding_signals(
    mut signals: signal_hook::iterator::Signals,
    signal_tx: mpsc::Sender<Wake>,
) {
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
}
