//! Driving the app without a terminal: draw into ratatui's `TestBackend`
//! as the event loop does, read the screen back, apply actions.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use careguide::app::{Action, App};
use careguide::ui::{self, Theme, ThemeName, View};

/// Draws like the event loop does (and syncs the settled scroll back).
pub fn draw(app: &mut App, w: u16, h: u16) -> (Terminal<TestBackend>, View) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut view = View::default();
    terminal
        .draw(|f| view = ui::draw(app, &Theme::new(ThemeName::Dark, false), f))
        .unwrap();
    app.sync_view(&view);
    (terminal, view)
}

/// The screen's rows after a draw.
pub fn rows(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let (terminal, _) = draw(app, w, h);
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

/// The whole screen as text, one line per row.
pub fn text(app: &mut App, w: u16, h: u16) -> String {
    let mut out = rows(app, w, h).join("\n");
    out.push('\n');
    out
}

/// Applies actions one by one, drawing at 80×24 after each like the loop.
pub fn apply(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(a.clone());
        draw(app, 80, 24);
    }
}

/// Types text into whatever has the focus (a search prompt, the date).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}
