//! Colour contrast, the WCAG 2 way: relative luminance and the contrast
//! ratio between two colours (success criterion 1.4.3: 4.5:1 for text;
//! 1.4.11: 3:1 for parts of the interface that are not text).
//!
//! A terminal chooses the real colours of ratatui's sixteen named colours
//! itself. The reference used here is xterm's default palette (its
//! `XTerm*color0..15` resources); other terminals differ a little, so the
//! themes keep a margin where they can:
//!
//! | name         | sRGB          | name          | sRGB          |
//! |--------------|---------------|---------------|---------------|
//! | Black        | 0, 0, 0       | DarkGray      | 127, 127, 127 |
//! | Red          | 205, 0, 0     | LightRed      | 255, 0, 0     |
//! | Green        | 0, 205, 0     | LightGreen    | 0, 255, 0     |
//! | Yellow       | 205, 205, 0   | LightYellow   | 255, 255, 0   |
//! | Blue         | 0, 0, 238     | LightBlue     | 92, 92, 255   |
//! | Magenta      | 205, 0, 205   | LightMagenta  | 255, 0, 255   |
//! | Cyan         | 0, 205, 205   | LightCyan     | 0, 255, 255   |
//! | Gray         | 229, 229, 229 | White         | 255, 255, 255 |
//!
//! `Indexed` colours 0-15 are those sixteen; 16-231 are the 6×6×6 colour
//! cube (levels 0, 95, 135, 175, 215, 255) and 232-255 the grey ramp
//! (8, 18, ..., 238), as xterm's 256-colour palette has them. `Rgb` is
//! taken as given. `Reset` (or no colour at all) is the terminal's own
//! foreground or background: see [`Terminal`].

use ratatui::style::{Color, Modifier, Style};

/// An sRGB colour, 8 bits a channel.
pub type Rgb = (u8, u8, u8);

/// The terminal's own colours, which `Reset` and unset colours mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Terminal {
    pub foreground: Rgb,
    pub background: Rgb,
}

impl Terminal {
    /// The dark and high-contrast themes assume light text on black.
    pub const DARK: Terminal = Terminal {
        foreground: (229, 229, 229),
        background: (0, 0, 0),
    };
    /// The light theme assumes black text on white.
    pub const LIGHT: Terminal = Terminal {
        foreground: (0, 0, 0),
        background: (255, 255, 255),
    };
}

/// The sixteen named colours in xterm's default palette, in ANSI order.
const XTERM_16: [Rgb; 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

/// A colour of the 256-colour palette.
fn indexed(i: u8) -> Rgb {
    match i {
        0..=15 => XTERM_16[usize::from(i)],
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = i - 16;
            (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let g = 8 + 10 * (i - 232);
            (g, g, g)
        }
    }
}

/// The colour a terminal shows for `color`; `default` for `Reset`.
pub fn rgb(color: Color, default: Rgb) -> Rgb {
    match color {
        Color::Reset => default,
        Color::Black => XTERM_16[0],
        Color::Red => XTERM_16[1],
        Color::Green => XTERM_16[2],
        Color::Yellow => XTERM_16[3],
        Color::Blue => XTERM_16[4],
        Color::Magenta => XTERM_16[5],
        Color::Cyan => XTERM_16[6],
        Color::Gray => XTERM_16[7],
        Color::DarkGray => XTERM_16[8],
        Color::LightRed => XTERM_16[9],
        Color::LightGreen => XTERM_16[10],
        Color::LightYellow => XTERM_16[11],
        Color::LightBlue => XTERM_16[12],
        Color::LightMagenta => XTERM_16[13],
        Color::LightCyan => XTERM_16[14],
        Color::White => XTERM_16[15],
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => indexed(i),
    }
}

/// WCAG 2 relative luminance: 0 for black, 1 for white.
pub fn relative_luminance((r, g, b): Rgb) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2 contrast ratio, from 1 (the same) to 21 (black and white).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The colours a style is drawn in on `terminal`: (text, background).
/// Unset colours are the terminal's own; reverse video swaps the two.
pub fn drawn(style: Style, terminal: Terminal) -> (Rgb, Rgb) {
    let fg = rgb(style.fg.unwrap_or(Color::Reset), terminal.foreground);
    let bg = rgb(style.bg.unwrap_or(Color::Reset), terminal.background);
    if style.add_modifier.contains(Modifier::REVERSED)
        && !style.sub_modifier.contains(Modifier::REVERSED)
    {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

/// The contrast ratio of a style's text against its background.
pub fn style_ratio(style: Style, terminal: Terminal) -> f64 {
    let (fg, bg) = drawn(style, terminal);
    contrast_ratio(fg, bg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formula_gives_the_known_ratios() {
        let white = (255, 255, 255);
        let black = (0, 0, 0);
        assert!((contrast_ratio(white, black) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #777 on white: just under the 4.5 text threshold.
        let r = contrast_ratio((0x77, 0x77, 0x77), white);
        assert!((r - 4.48).abs() < 0.01, "{r}");
        // #767676 is the lightest grey that passes on white.
        assert!(contrast_ratio((0x76, 0x76, 0x76), white) >= 4.5);
        assert!((relative_luminance(white) - 1.0).abs() < 1e-9);
        assert_eq!(relative_luminance(black), 0.0);
    }

    #[test]
    fn named_and_indexed_colours_are_the_xterm_palette() {
        let t = Terminal::DARK;
        assert_eq!(rgb(Color::DarkGray, t.foreground), (127, 127, 127));
        assert_eq!(rgb(Color::Indexed(8), t.foreground), (127, 127, 127));
        assert_eq!(rgb(Color::Indexed(16), t.foreground), (0, 0, 0));
        assert_eq!(rgb(Color::Indexed(28), t.foreground), (0, 135, 0));
        assert_eq!(rgb(Color::Indexed(231), t.foreground), (255, 255, 255));
        assert_eq!(rgb(Color::Indexed(232), t.foreground), (8, 8, 8));
        assert_eq!(rgb(Color::Indexed(255), t.foreground), (238, 238, 238));
        assert_eq!(rgb(Color::Rgb(1, 2, 3), t.foreground), (1, 2, 3));
        assert_eq!(rgb(Color::Reset, (9, 9, 9)), (9, 9, 9));
    }

    #[test]
    fn unset_colours_are_the_terminals_and_reverse_swaps() {
        let plain = Style::new();
        assert_eq!(drawn(plain, Terminal::LIGHT), ((0, 0, 0), (255, 255, 255)));
        let reversed = plain.add_modifier(Modifier::REVERSED);
        assert_eq!(
            drawn(reversed, Terminal::DARK),
            ((0, 0, 0), (229, 229, 229))
        );
        let yellow = Style::new()
            .fg(Color::Yellow)
            .add_modifier(Modifier::REVERSED);
        assert_eq!(drawn(yellow, Terminal::DARK), ((0, 0, 0), (205, 205, 0)));
    }
}
