//! Colours and text styles. Meaning never rests on colour alone: every
//! state also has a symbol or a word, so `NO_COLOR` loses nothing.

use ratatui::style::{Color, Modifier, Style};

pub use crate::config::ThemeName;

/// xterm-256 grey 242 (#6c6c6c): 5.4:1 on white.
const GREY_42: Color = Color::Indexed(242);
/// xterm-256 grey 240 (#585858): white on it is 7.3:1.
const GREY_35: Color = Color::Indexed(240);
/// xterm-256 colour 28 (#008700): 4.7:1 on white.
const GREEN_DARK: Color = Color::Indexed(28);
/// The QR code: white modules on black.
const QR: Style = Style::new().fg(Color::White).bg(Color::Black);

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
    /// The button that leads on (the kiosk's Next).
    pub primary: Style,
    /// The QR code's modules: light on dark in every theme (even without
    /// colour), so a phone can read it.
    pub qr: Style,
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

    /// Every style by name. (Listed by taking the theme apart, so a new
    /// field cannot be left out: the contrast test checks them all.)
    pub fn styles(&self) -> Vec<(&'static str, Style)> {
        let Theme {
            base,
            header,
            tab,
            tab_active,
            title,
            heading,
            text,
            muted,
            key,
            button,
            selected,
            message,
            stop,
            today,
            highlight,
            avoid,
            keep,
            emergency,
            addon,
            teach_back,
            rule,
            scrollbar,
            primary,
            qr,
        } = *self;
        vec![
            ("base", base),
            ("header", header),
            ("tab", tab),
            ("tab_active", tab_active),
            ("title", title),
            ("heading", heading),
            ("text", text),
            ("muted", muted),
            ("key", key),
            ("button", button),
            ("selected", selected),
            ("message", message),
            ("stop", stop),
            ("today", today),
            ("highlight", highlight),
            ("avoid", avoid),
            ("keep", keep),
            ("emergency", emergency),
            ("addon", addon),
            ("teach_back", teach_back),
            ("rule", rule),
            ("scrollbar", scrollbar),
            ("primary", primary),
            ("qr", qr),
        ]
    }

    /// The styles that are not text (WCAG 1.4.11 asks 3:1 of them, not
    /// the 4.5:1 of text): lines, the scrollbar's track, the QR code.
    pub const NON_TEXT: [&'static str; 3] = ["rule", "scrollbar", "qr"];

    /// The styles the screens make by laying one style over another, as
    /// they are drawn (each over the theme's base).
    pub fn layered(&self) -> Vec<(&'static str, Style)> {
        let t = self;
        vec![
            ("text+addon", t.text.patch(t.addon)),
            ("title+addon", t.title.patch(t.addon)),
            ("heading+addon", t.heading.patch(t.addon)),
            ("text+selected", t.text.patch(t.selected)),
            ("title+selected", t.title.patch(t.selected)),
            ("button+selected", t.button.patch(t.selected)),
            ("selected+title", t.selected.patch(t.title)),
            (
                "text+addon+selected",
                t.text.patch(t.addon).patch(t.selected),
            ),
            ("text+stop", t.text.patch(t.stop)),
            ("text+stop+selected", t.text.patch(t.stop).patch(t.selected)),
            ("text+highlight", t.text.patch(t.highlight)),
            ("muted+highlight", t.muted.patch(t.highlight)),
        ]
        .into_iter()
        .map(|(name, style)| (name, t.base.patch(style)))
        .collect()
    }

    /// The terminal colours a theme is made for: what `Reset` and unset
    /// colours are taken to be when checking its contrast. Dark and high
    /// contrast assume light text on black, light black on white; without
    /// colour the terminal's own pair is used (either).
    pub fn assumed_terminal(name: ThemeName) -> crate::ui::contrast::Terminal {
        use crate::ui::contrast::Terminal;
        match name {
            ThemeName::Dark | ThemeName::HighContrast => Terminal::DARK,
            ThemeName::Light => Terminal::LIGHT,
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
            // (Magenta and LightBlue are 4.48:1 and 4.43:1 on black.)
            addon: Style::new().fg(Color::LightMagenta),
            teach_back: Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::ITALIC),
            rule: Style::new().fg(Color::DarkGray),
            scrollbar: Style::new().fg(Color::Gray),
            primary: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            qr: QR,
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
            // DarkGray is 4.0:1 on white: a darker grey of the 256 colours.
            muted: Style::new().fg(GREY_42),
            key: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            button: Style::new().fg(Color::White).bg(GREY_35),
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
            // Green is 2.2:1 on white: the 256 colours' darker green.
            keep: Style::new().fg(GREEN_DARK),
            emergency: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            addon: Style::new().fg(Color::Magenta),
            teach_back: Style::new().fg(Color::Blue).add_modifier(Modifier::ITALIC),
            rule: Style::new().fg(Color::DarkGray),
            scrollbar: Style::new().fg(Color::Black),
            primary: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            qr: QR,
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
            primary: yellow,
            qr: QR,
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
            primary: reversed.add_modifier(Modifier::BOLD),
            qr: QR,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::contrast::{Terminal, drawn, style_ratio};

    /// Every style of every theme, as drawn (over the base), and the ones
    /// the screens layer, meet WCAG 1.4.3 (4.5:1 for text) or, for lines
    /// and the scrollbar, 1.4.11 (3:1). Reverse video counts as drawn.
    #[test]
    fn every_theme_meets_wcag_contrast() {
        let mut failures = Vec::new();
        let themes = [
            (
                "dark",
                Theme::new(ThemeName::Dark, false),
                vec![Terminal::DARK],
            ),
            (
                "light",
                Theme::new(ThemeName::Light, false),
                vec![Terminal::LIGHT],
            ),
            (
                "high-contrast",
                Theme::new(ThemeName::HighContrast, false),
                vec![Terminal::DARK],
            ),
            (
                "NO_COLOR",
                Theme::new(ThemeName::Dark, true),
                vec![Terminal::DARK, Terminal::LIGHT],
            ),
        ];
        let mut checked = 0;
        for (theme_name, theme, terminals) in &themes {
            let own: Vec<_> = theme
                .styles()
                .into_iter()
                .map(|(n, s)| (n, theme.base.patch(s)))
                .collect();
            for terminal in terminals {
                for (name, style) in own.iter().chain(theme.layered().iter()) {
                    let need = if Theme::NON_TEXT.contains(name) {
                        3.0
                    } else {
                        4.5
                    };
                    let ratio = style_ratio(*style, *terminal);
                    checked += 1;
                    if ratio < need {
                        failures.push(format!(
                            "{theme_name} {name}: {ratio:.2}:1 < {need}:1 ({:?})",
                            drawn(*style, *terminal)
                        ));
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn the_styles_list_names_every_field_once() {
        let t = Theme::new(ThemeName::Dark, false);
        let names: Vec<&str> = t.styles().iter().map(|(n, _)| *n).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        assert!(names.contains(&"muted") && names.contains(&"scrollbar"));
        for n in Theme::NON_TEXT {
            assert!(names.contains(&n), "{n}");
        }
    }

    /// The theme's assumption, and a style that fails, do fail: the
    /// check is not vacuous.
    #[test]
    fn a_low_contrast_style_is_caught() {
        let grey_on_black = Style::new().fg(Color::Indexed(238));
        assert!(style_ratio(grey_on_black, Theme::assumed_terminal(ThemeName::Dark)) < 3.0);
        let yellow_on_grey = Style::new().fg(Color::Yellow).bg(Color::Gray);
        assert!(style_ratio(yellow_on_grey, Terminal::DARK) < 4.5);
        let light_green = Style::new().fg(Color::Green);
        assert!(style_ratio(light_green, Theme::assumed_terminal(ThemeName::Light)) < 4.5);
    }

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
