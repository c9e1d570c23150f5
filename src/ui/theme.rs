//! Colours and text styles. Meaning never rests on colour alone: every
//! state also has a symbol or a word, so `NO_COLOR` loses nothing.

use ratatui::style::{Color, Modifier, Style};

pub use crate::config::ThemeName;

/// The styles every screen draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub header: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub title: Style,
    pub heading: Style,
    pub text: Style,
    pub muted: Style,
    pub key: Style,
    pub button: Style,
    pub selected: Style,
    pub message: Style,
    pub stop: Style,
    pub today: Style,
    pub highlight: Style,
    pub avoid: Style,
    pub keep: Style,
    pub emergency: Style,
    pub addon: Style,
    pub teach_back: Style,
    pub rule: Style,
    /// The scrollbar (its ▲ ▼ ends are buttons).
    pub scrollbar: Style,
}

impl Theme {
    /// The theme by name; `no_color` keeps only bold, reverse and underline.
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        if no_color {
            return Self::mono();
        }
        match name {
            ThemeName::Dark => Self::dark(),
            ThemeName::Light => Self::light(),
            ThemeName::HighContrast => Self::high_contrast(),
        }
    }

    fn dark() -> Self {
        let fg = Style::new().fg(Color::Gray);
        Self {
            base: Style::new(),
            header: Style::new().fg(Color::Black).bg(Color::Cyan),
            tab: Style::new().fg(Color::Gray),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
            title: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            text: fg,
            muted: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            button: Style::new().fg(Color::Black).bg(Color::Gray),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            message: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            stop: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            today: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            highlight: Style::new().fg(Color::Black).bg(Color::Yellow),
            avoid: Style::new().fg(Color::LightRed),
            keep: Style::new().fg(Color::LightGreen),
            emergency: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            addon: Style::new().fg(Color::Magenta),
            teach_back: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::ITALIC),
            rule: Style::new().fg(Color::DarkGray),
            scrollbar: Style::new().fg(Color::Gray),
        }
    }

    fn light() -> Self {
        Self {
            base: Style::new(),
            header: Style::new().fg(Color::White).bg(Color::Blue),
            tab: Style::new().fg(Color::Black),
            tab_active: Style::new()
                .fg(Color::White)
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD),
            title: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            text: Style::new().fg(Color::Black),
            muted: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            button: Style::new().fg(Color::White).bg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            message: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            stop: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            today: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            highlight: Style::new().fg(Color::Black).bg(Color::LightYellow),
            avoid: Style::new().fg(Color::Red),
            keep: Style::new().fg(Color::Green),
            emergency: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            addon: Style::new().fg(Color::Magenta),
            teach_back: Style::new().fg(Color::Blue).add_modifier(Modifier::ITALIC),
            rule: Style::new().fg(Color::DarkGray),
            scrollbar: Style::new().fg(Color::Black),
        }
    }

    fn high_contrast() -> Self {
        let white = Style::new().fg(Color::White).bg(Color::Black);
        let bold = white.add_modifier(Modifier::BOLD);
        let inverse = Style::new()
            .fg(Color::Black)
            .bg(Color::White)
            .add_modifier(Modifier::BOLD);
        let yellow = Style::new()
            .fg(Color::Yellow)
            .bg(Color::Black)
            .add_modifier(Modifier::BOLD);
        Self {
            base: white,
            header: inverse,
            tab: white,
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            title: bold.add_modifier(Modifier::UNDERLINED),
            heading: yellow,
            text: white,
            muted: white,
            key: yellow,
            button: inverse,
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            message: inverse,
            stop: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            today: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            highlight: Style::new().fg(Color::Black).bg(Color::Yellow),
            avoid: bold,
            keep: white,
            emergency: yellow,
            addon: white.add_modifier(Modifier::ITALIC),
            teach_back: white.add_modifier(Modifier::ITALIC),
            rule: white,
            scrollbar: white,
        }
    }

    /// No colour at all: `NO_COLOR` is set.
    fn mono() -> Self {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        Self {
            base: plain,
            header: reversed,
            tab: plain,
            tab_active: reversed.add_modifier(Modifier::BOLD),
            title: bold.add_modifier(Modifier::UNDERLINED),
            heading: bold,
            text: plain,
            muted: plain,
            key: bold,
            button: reversed,
            selected: reversed,
            message: reversed,
            stop: reversed.add_modifier(Modifier::BOLD),
            today: reversed.add_modifier(Modifier::BOLD),
            highlight: reversed,
            avoid: plain,
            keep: plain,
            emergency: bold,
            addon: plain.add_modifier(Modifier::ITALIC),
            teach_back: plain.add_modifier(Modifier::ITALIC),
            rule: plain,
            scrollbar: plain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_theme_has_no_colours() {
        let t = Theme::new(ThemeName::HighContrast, true);
        for style in [
            t.base,
            t.header,
            t.stop,
            t.today,
            t.highlight,
            t.avoid,
            t.selected,
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
    }
}
