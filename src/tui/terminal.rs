//! Setting the terminal up for the app and giving it back: raw mode, the
//! alternate screen, bracketed paste and (optionally) the mouse, undone on
//! quit, on a panic and on signals.

use std::io::{self, BufWriter, Stdout, Write};

use ratatui::Terminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::crossterm::{execute, queue};

use super::backend::FrameBackend;

/// The app's terminal. Frames go out through a buffer that holds a whole
/// frame, so each frame is one write (standard output alone would send it
/// in 1 KB pieces): the terminal shows it at once, and sooner.
pub type Screen = Terminal<FrameBackend<BufWriter<Stdout>>>;

/// Bytes buffered before a write: a full 200×60 frame with colours fits.
const FRAME_BYTES: usize = 1 << 17;

/// Raw mode, the alternate screen, bracketed paste and (optionally) the
/// mouse. A panic restores all of it before the message prints; in the
/// kiosk a panic is caught and the app starts over, so the hook stays
/// silent and leaves the screen alone.
pub fn init(mouse: bool, kiosk: bool) -> io::Result<Screen> {
    let default_hook = std::panic::take_hook();
    if kiosk {
        std::panic::set_hook(Box::new(|_| {}));
    } else {
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
            let _ = ratatui::try_restore();
            default_hook(info);
        }));
    }
    enable_raw_mode()?;
    let mut out = io::stdout();
    queue!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        queue!(out, EnableMouseCapture)?;
    }
    out.flush()?;
    Terminal::new(FrameBackend::new(BufWriter::with_capacity(
        FRAME_BYTES,
        io::stdout(),
    )))
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

/// Rings the terminal's bell.
pub fn bell() {
    let mut out = io::stdout();
    let _ = out.write_all(b"\x07");
    let _ = out.flush();
}
