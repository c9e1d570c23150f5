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
//! The other calls (cursor, clearing, sizes) are the crossterm backend's,
//! written out here because that backend does not lend its writer.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui::crossterm::style::{
    Attribute, Color as CrosstermColor, Colors, Print, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::crossterm::terminal::{self, Clear};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// Crossterm's backend, with cells written as bytes.
pub struct FrameBackend<W: Write> {
    writer: W,
}

impl<W: Write> FrameBackend<W> {
    pub fn new(writer: W) -> Self {
        Self { writer }
    }
}

impl<W: Write> Backend for FrameBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let w = &mut self.writer;
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
        for _ in 0..n {
            queue!(self.writer, Print("\n"))?;
        }
        self.writer.flush()
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = ratatui::crossterm::cursor::position()?;
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        execute!(self.writer, MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use ratatui::crossterm::terminal::ClearType as Region;
        execute!(
            self.writer,
            Clear(match clear_type {
                ClearType::All => Region::All,
                ClearType::AfterCursor => Region::FromCursorDown,
                ClearType::BeforeCursor => Region::FromCursorUp,
                ClearType::CurrentLine => Region::CurrentLine,
                ClearType::UntilNewLine => Region::UntilNewLine,
            })
        )
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// The attributes that change from `from` to `to`, in the crossterm
/// backend's order: what is removed first, then what is added. Bold and dim
/// are both ended by "normal intensity", so whichever of them stays is set
/// again after it.
fn write_modifier_change(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let added = to - from;
    let mut set = |attribute: Attribute| queue!(w, SetAttribute(attribute));
    if removed.contains(Modifier::REVERSED) {
        set(Attribute::NoReverse)?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        set(Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(Attribute::Bold)?;
        }
    }
    for (modifier, attribute) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(modifier) {
            set(attribute)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(Attribute::NoBlink)?;
    }
    if added.contains(Modifier::REVERSED) {
        set(Attribute::Reverse)?;
    }
    if added.contains(Modifier::BOLD) && !reset_intensity {
        set(Attribute::Bold)?;
    }
    if added.contains(Modifier::ITALIC) {
        set(Attribute::Italic)?;
    }
    if added.contains(Modifier::UNDERLINED) {
        set(Attribute::Underlined)?;
    }
    if added.contains(Modifier::DIM) && !reset_intensity {
        set(Attribute::Dim)?;
    }
    for (modifier, attribute) in [
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        if added.contains(modifier) {
            set(attribute)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ratatui::backend::CrosstermBackend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    /// The bytes each backend writes for the cells that differ between two
    /// buffers (as `Terminal` asks them to draw).
    fn both(previous: &Buffer, next: &Buffer) -> (Vec<u8>, Vec<u8>) {
        let updates = previous.diff(next);
        let mut theirs = Vec::new();
        Backend::draw(
            &mut CrosstermBackend::new(&mut theirs),
            updates.iter().map(|(x, y, c)| (*x, *y, *c)),
        )
        .unwrap();
        let mut ours = Vec::new();
        FrameBackend::new(&mut ours)
            .draw(updates.iter().map(|(x, y, c)| (*x, *y, *c)))
            .unwrap();
        (theirs, ours)
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
