//! Setting the terminal up for the app and giving it back: raw mode, the
//! alternate screen, bracketed paste and (optionally) the mouse, undone on
//! quit, on a panic and on signals.

use std::io::{self, Write};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

/// Raw mode, the alternate screen, bracketed paste and (optionally) the
/// mouse. A panic restores all of it before the message prints; in the
/// kiosk a panic is caught and the app starts over, so the hook stays
/// silent and leaves the screen alone.
pub fn init(mouse: bool, kiosk: bool) -> io::Result<DefaultTerminal> {
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

/// Rings the terminal's bell.
pub fn bell() {
    let mut out = io::stdout();
    let _ = out.write_all(b"\x07");
    let _ = out.flush();
}
