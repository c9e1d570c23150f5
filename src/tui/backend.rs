//! The terminal backend: ratatui's crossterm backend, except that a frame's
//! cells go straight into the output buffer.
//!
//! `CrosstermBackend::draw` sends every cell's text through crossterm's
//! `Print` command, one `fmt::Write` adapter and format call per cell: on a
//! first frame that was about half of the cost of writing the screen. Here
//! a cell's text is copied as bytes, and the rest (cursor moves, colours,
//! attributes, the reset at the end) is written with the same crossterm
//! commands in the same order, so the bytes sent are exactly the crossterm
//! backend's (tested: `frames_are_byte_for_byte_the_crossterm_backends`).
//! Every other call is the crossterm backend's own. Its writer is reached
//! through ratatui's `unstable-backend-writer` feature (ratatui is pinned to
//! one version in Cargo.toml, so that API cannot change under us).

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CrosstermColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// Crossterm's backend, with cells written as bytes.
pub struct FrameBackend<W: Write> {
    crossterm: CrosstermBackend<W>,
}

impl<W: Write> FrameBackend<W> {
    pub fn new(writer: W) -> Self {
        Self {
            crossterm: CrosstermBackend::new(writer),
        }
    }
}

impl<W: Write> Backend for FrameBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let w = self.crossterm.writer_mut();
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut underline = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut last: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            // The cursor moves only when this cell does not follow the last.
            if !matches!(last, Some((lx, ly)) if x == lx.wrapping_add(1) && y == ly) {
                queue!(w, MoveTo(x, y))?;
            }
            last = Some((x, y));
            if cell.modifier != modifier {
                write_modifier_change(w, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                queue!(
                    w,
                    SetColors(Colors::new(
                        cell.fg.into_crossterm(),
                        cell.bg.into_crossterm()
                    ))
                )?;
                fg = cell.fg;
                bg = cell.bg;
            }
            if cell.underline_color != underline {
                queue!(w, SetUnderlineColor(cell.underline_color.into_crossterm()))?;
                underline = cell.underline_color;
            }
            w.write_all(cell.symbol().as_bytes())?;
        }
        queue!(
            w,
            SetForegroundColor(CrosstermColor::Reset),
            SetBackgroundColor(CrosstermColor::Reset),
            SetUnderlineColor(CrosstermColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.crossterm.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.crossterm.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.crossterm.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.crossterm.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.crossterm.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.crossterm.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.crossterm.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.crossterm.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.crossterm.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.crossterm)
    }
}

/// The attributes that change from `from` to `to`, in the crossterm
/// backend's order: what is removed first, then what is added. Bold and dim
/// are both ended by "normal intensity", so whichever of them stays is set
/// again right after it (and not again among the added ones).
fn write_modifier_change(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = |m: Modifier| (from - to).intersects(m);
    let added = |m: Modifier| (to - from).contains(m);
    let reset_intensity = removed(Modifier::BOLD | Modifier::DIM);
    let changes = [
        (removed(Modifier::REVERSED), Attribute::NoReverse),
        (reset_intensity, Attribute::NormalIntensity),
        (
            reset_intensity && to.contains(Modifier::DIM),
            Attribute::Dim,
        ),
        (
            reset_intensity && to.contains(Modifier::BOLD),
            Attribute::Bold,
        ),
        (removed(Modifier::ITALIC), Attribute::NoItalic),
        (removed(Modifier::UNDERLINED), Attribute::NoUnderline),
        (removed(Modifier::CROSSED_OUT), Attribute::NotCrossedOut),
        (removed(Modifier::HIDDEN), Attribute::NoHidden),
        (
            removed(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK),
            Attribute::NoBlink,
        ),
        (added(Modifier::REVERSED), Attribute::Reverse),
        (added(Modifier::BOLD) && !reset_intensity, Attribute::Bold),
        (added(Modifier::ITALIC), Attribute::Italic),
        (added(Modifier::UNDERLINED), Attribute::Underlined),
        (added(Modifier::DIM) && !reset_intensity, Attribute::Dim),
        (added(Modifier::CROSSED_OUT), Attribute::CrossedOut),
        (added(Modifier::HIDDEN), Attribute::Hidden),
        (added(Modifier::SLOW_BLINK), Attribute::SlowBlink),
        (added(Modifier::RAPID_BLINK), Attribute::RapidBlink),
    ];
    for (needed, attribute) in changes {
        if needed {
            queue!(w, SetAttribute(attribute))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    /// The bytes each backend writes for the cells that differ between two
    /// buffers (as `Terminal` asks them to draw).
    fn both(previous: &Buffer, next: &Buffer) -> (Vec<u8>, Vec<u8>) {
        let updates = previous.diff(next);
        let mut theirs = CrosstermBackend::new(Vec::new());
        Backend::draw(&mut theirs, updates.iter().map(|(x, y, c)| (*x, *y, *c))).unwrap();
        let mut ours = FrameBackend::new(Vec::new());
        ours.draw(updates.iter().map(|(x, y, c)| (*x, *y, *c)))
            .unwrap();
        (theirs.writer().clone(), ours.crossterm.writer().clone())
    }

    /// A buffer of varied cells: every colour kind, every attribute added
    /// and removed in many combinations, wide characters, and gaps.
    fn varied(area: Rect, seed: u64) -> Buffer {
        let colors = [
            Color::Reset,
            Color::Black,
            Color::Red,
            Color::LightGreen,
            Color::Gray,
            Color::DarkGray,
            Color::White,
            Color::Indexed(208),
            Color::Rgb(12, 200, 7),
        ];
        let symbols = ["a", "é", "語", " ", "│", "█", "x"];
        let mut state = seed;
        let mut next = move |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) % n as u64) as usize
        };
        let mut buffer = Buffer::empty(area);
        for y in area.top()..area.bottom() {
            let mut x = area.left();
            while x < area.right() {
                if next(5) == 0 {
                    x += 1 + next(3) as u16; // left blank: a gap in the diff
                    continue;
                }
                let style = Style::default()
                    .fg(colors[next(colors.len())])
                    .bg(colors[next(colors.len())])
                    .underline_color(colors[next(colors.len())])
                    .add_modifier(Modifier::from_bits_truncate(next(1 << 9) as u16));
                let symbol = symbols[next(symbols.len())];
                buffer.set_string(x, y, symbol, style);
                x += 1;
            }
        }
        buffer
    }

    #[test]
    fn frames_are_byte_for_byte_the_crossterm_backends() {
        let area = Rect::new(0, 0, 37, 9);
        let blank = Buffer::empty(area);
        for seed in 0..200 {
            let first = varied(area, seed);
            let second = varied(area, seed + 1000);
            for (previous, next) in [(&blank, &first), (&first, &second), (&second, &blank)] {
                let (crossterm, ours) = both(previous, next);
                assert!(!crossterm.is_empty());
                assert_eq!(
                    String::from_utf8_lossy(&ours),
                    String::from_utf8_lossy(&crossterm),
                    "seed {seed}"
                );
            }
        }
    }

    #[test]
    fn every_attribute_change_is_written_as_crossterm_writes_it() {
        let area = Rect::new(0, 0, 2, 1);
        for from in 0..(1u16 << 9) {
            for to in (0..(1u16 << 9)).step_by(7) {
                let mut next = Buffer::empty(area);
                let style =
                    |bits| Style::default().add_modifier(Modifier::from_bits_truncate(bits));
                next.set_string(0, 0, "a", style(from));
                next.set_string(1, 0, "b", style(to));
                let (crossterm, ours) = both(&Buffer::empty(area), &next);
                assert_eq!(ours, crossterm, "{from:#b} -> {to:#b}");
            }
        }
    }
}
