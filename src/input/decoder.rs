//! Turns the bytes a terminal sends into key, mouse and paste events.
//!
//! careguide reads the terminal itself instead of through crossterm's event
//! reader for one reason: robustness. crossterm keeps collecting a sequence
//! that starts like a mouse report (`ESC [ <`) until it sees its final byte,
//! so a cut-off or garbled sequence swallows every key after it; a kiosk
//! would seem frozen. Here a sequence that is still incomplete after a short
//! pause ([`ESCAPE_TIMEOUT`]) is dropped, a byte that cannot belong to a
//! sequence ends it, and nothing is ever buffered without bound.
//!
//! The crossterm behaviour this works around: its Unix parser
//! (`src/event/sys/unix/parse.rs`, <https://github.com/crossterm-rs/crossterm/blob/17192310472778bf94566b027ac1be0abdd05a7c/src/event/sys/unix/parse.rs#L37-L42>)
//! decides between "Esc key" and "start of a sequence" by how many bytes one
//! `read()` returned, and waits without a deadline for the end of a CSI
//! sequence once it has started; see crossterm issue #993, "escape sequence
//! parsing should not depend on read() syscall response size"
//! (<https://github.com/crossterm-rs/crossterm/issues/993>). The monkey test
//! (`tests/monkey.rs`) feeds raw bytes through this decoder, with every
//! sequence split at every offset and pauses longer than the timeout.
//!
//! The events are crossterm's own types, so the rest of the app does not
//! know the difference. Understood: UTF-8 text, control keys, xterm/VT220/
//! rxvt/linux-console keys (CSI and SS3, with modifiers), SGR and X10 mouse
//! reports, bracketed paste, and Alt as an ESC prefix.

use std::time::Duration;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

/// How long an incomplete escape sequence may wait for the rest of it.
pub const ESCAPE_TIMEOUT: Duration = Duration::from_millis(50);

/// Longer control sequences than this are garbage and are dropped.
const MAX_SEQUENCE: usize = 64;

/// A paste longer than this is cut (the rest is dropped).
const MAX_PASTE: usize = 64 * 1024;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// The decoder's state: bytes of an unfinished sequence, or a paste.
#[derive(Debug, Default)]
pub struct Decoder {
    buf: Vec<u8>,
    paste: Option<Vec<u8>>,
}

/// What the bytes at the start of the buffer are.
enum Parsed {
    /// An event (or nothing, for bytes that mean nothing) and its length.
    Event(Option<Event>, usize),
    /// The start of something longer: wait for more bytes.
    Incomplete,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

/// xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4, meta 8).
fn modifiers_of(param: u16) -> KeyModifiers {
    let bits = param.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 || bits & 8 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

impl Decoder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether bytes are waiting for the rest of a sequence (the caller
    /// then calls [`Decoder::flush`] if nothing more arrives soon).
    pub fn pending(&self) -> bool {
        !self.buf.is_empty() || self.paste.is_some()
    }

    /// Adds bytes read from the terminal; returns the events they complete.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        self.buf.extend_from_slice(bytes);
        self.drain(false)
    }

    /// Nothing more arrived: a lone ESC is the Esc key, a paste ends, and
    /// an unfinished sequence is dropped.
    pub fn flush(&mut self) -> Vec<Event> {
        self.drain(true)
    }

    fn drain(&mut self, timed_out: bool) -> Vec<Event> {
        let mut events = Vec::new();
        loop {
            if let Some(paste) = &mut self.paste {
                match find(&self.buf, PASTE_END) {
                    Some(end) => {
                        paste.extend_from_slice(&self.buf[..end]);
                        self.buf.drain(..end + PASTE_END.len());
                        events.push(self.finish_paste());
                        continue;
                    }
                    None if timed_out => {
                        paste.append(&mut self.buf);
                        events.push(self.finish_paste());
                        continue;
                    }
                    None => {
                        // Keep what may be the start of the end marker.
                        let keep = (1..PASTE_END.len())
                            .rev()
                            .find(|&n| self.buf.ends_with(&PASTE_END[..n]))
                            .unwrap_or(0);
                        let take = self.buf.len() - keep;
                        paste.extend(self.buf.drain(..take));
                        if paste.len() > MAX_PASTE {
                            paste.truncate(MAX_PASTE);
                        }
                        return events;
                    }
                }
            }
            if self.buf.is_empty() {
                return events;
            }
            if self.buf.starts_with(PASTE_START) {
                self.buf.drain(..PASTE_START.len());
                self.paste = Some(Vec::new());
                continue;
            }
            match parse(&self.buf) {
                Parsed::Event(event, len) => {
                    self.buf.drain(..len.max(1));
                    events.extend(event);
                }
                Parsed::Incomplete if timed_out => {
                    // A lone ESC is the Esc key; anything longer that never
                    // finished is dropped up to the next ESC.
                    if self.buf == b"\x1b" {
                        events.push(key(KeyCode::Esc, KeyModifiers::NONE));
                        self.buf.clear();
                    } else {
                        let next = self.buf[1..]
                            .iter()
                            .position(|&b| b == 0x1b)
                            .map_or(self.buf.len(), |i| i + 1);
                        self.buf.drain(..next);
                    }
                }
                Parsed::Incomplete => return events,
            }
        }
    }

    fn finish_paste(&mut self) -> Event {
        let bytes = self.paste.take().unwrap_or_default();
        Event::Paste(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Parses the event at the start of `b` (which is not empty).
fn parse(b: &[u8]) -> Parsed {
    match b[0] {
        0x1b => parse_escape(b),
        b'\r' | b'\n' => Parsed::Event(Some(key(KeyCode::Enter, KeyModifiers::NONE)), 1),
        b'\t' => Parsed::Event(Some(key(KeyCode::Tab, KeyModifiers::NONE)), 1),
        0x7f | 0x08 => Parsed::Event(Some(key(KeyCode::Backspace, KeyModifiers::NONE)), 1),
        0x00 => Parsed::Event(Some(key(KeyCode::Char(' '), KeyModifiers::CONTROL)), 1),
        c @ 0x01..=0x1a => Parsed::Event(
            Some(key(
                KeyCode::Char((c - 1 + b'a') as char),
                KeyModifiers::CONTROL,
            )),
            1,
        ),
        c @ 0x1c..=0x1f => Parsed::Event(
            Some(key(
                KeyCode::Char((c - 0x1c + b'4') as char),
                KeyModifiers::CONTROL,
            )),
            1,
        ),
        _ => parse_utf8(b, KeyModifiers::NONE, 0),
    }
}

/// A UTF-8 character at `b[at..]` as a key.
fn parse_utf8(b: &[u8], modifiers: KeyModifiers, at: usize) -> Parsed {
    let rest = &b[at..];
    let len = match rest[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        // Not the start of a character: drop the byte.
        _ => return Parsed::Event(None, at + 1),
    };
    if rest.len() < len {
        // The rest of the character may still come, unless what came is
        // not a continuation byte.
        if rest[1..].iter().all(|&c| c & 0xc0 == 0x80) {
            return Parsed::Incomplete;
        }
        return Parsed::Event(None, at + 1);
    }
    match std::str::from_utf8(&rest[..len]) {
        Ok(s) => {
            let c = s.chars().next().unwrap_or('\u{fffd}');
            let mut m = modifiers;
            if c.is_uppercase() {
                m |= KeyModifiers::SHIFT;
            }
            Parsed::Event(Some(key(KeyCode::Char(c), m)), at + len)
        }
        Err(_) => Parsed::Event(None, at + 1),
    }
}

fn parse_escape(b: &[u8]) -> Parsed {
    if b.len() == 1 {
        return Parsed::Incomplete;
    }
    match b[1] {
        b'[' => parse_csi(b),
        b'O' => {
            // SS3: F1-F4 and application-mode arrows, Home, End.
            let Some(&c) = b.get(2) else {
                return Parsed::Incomplete;
            };
            let code = match c {
                b'A' => KeyCode::Up,
                b'B' => KeyCode::Down,
                b'C' => KeyCode::Right,
                b'D' => KeyCode::Left,
                b'H' => KeyCode::Home,
                b'F' => KeyCode::End,
                b'P' => KeyCode::F(1),
                b'Q' => KeyCode::F(2),
                b'R' => KeyCode::F(3),
                b'S' => KeyCode::F(4),
                b'M' => KeyCode::Enter,
                // Not SS3 after all: Alt+O, then the byte on its own.
                _ => {
                    return Parsed::Event(
                        Some(key(
                            KeyCode::Char('O'),
                            KeyModifiers::ALT | KeyModifiers::SHIFT,
                        )),
                        2,
                    );
                }
            };
            Parsed::Event(Some(key(code, KeyModifiers::NONE)), 3)
        }
        // ESC ESC: the first is the Esc key.
        0x1b => Parsed::Event(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1),
        // Alt with a control key or a character.
        b'\r' => Parsed::Event(Some(key(KeyCode::Enter, KeyModifiers::ALT)), 2),
        0x01..=0x1a => Parsed::Event(
            Some(key(
                KeyCode::Char((b[1] - 1 + b'a') as char),
                KeyModifiers::CONTROL | KeyModifiers::ALT,
            )),
            2,
        ),
        0x7f => Parsed::Event(Some(key(KeyCode::Backspace, KeyModifiers::ALT)), 2),
        _ => match parse_utf8(b, KeyModifiers::ALT, 1) {
            Parsed::Event(Some(e), len) => Parsed::Event(Some(e), len),
            // ESC then a byte that is no key: Esc, and the byte is looked at again.
            Parsed::Event(None, _) => Parsed::Event(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1),
            Parsed::Incomplete => Parsed::Incomplete,
        },
    }
}

/// `ESC [ params intermediates final`.
fn parse_csi(b: &[u8]) -> Parsed {
    // X10 mouse: ESC [ M then three raw bytes.
    if b.get(2) == Some(&b'M') {
        if b.len() < 6 {
            return Parsed::Incomplete;
        }
        let (cb, x, y) = (
            b[3].wrapping_sub(32),
            b[4].saturating_sub(33),
            b[5].saturating_sub(33),
        );
        return Parsed::Event(mouse(u16::from(cb), u16::from(x), u16::from(y), false), 6);
    }
    // Parameter and intermediate bytes, up to the final byte.
    let end = 2 + b[2..]
        .iter()
        .take_while(|c| matches!(c, 0x20..=0x3f))
        .count();
    match b.get(end) {
        // Still coming, unless it is already too long to be real.
        None if end > MAX_SEQUENCE => return Parsed::Event(None, end),
        None => return Parsed::Incomplete,
        // Too long to be real: dropped with its final byte.
        Some(0x40..=0x7e) if end > MAX_SEQUENCE => return Parsed::Event(None, end + 1),
        Some(0x40..=0x7e) => {}
        // A byte that cannot be in a sequence ends it: drop the sequence,
        // and read the byte as what it is.
        Some(_) => return Parsed::Event(None, end),
    }
    let body = &b[2..end];
    let final_byte = b[end];
    let len = end + 1;
    let text = std::str::from_utf8(body).unwrap_or("");
    // SGR mouse: ESC [ < b ; x ; y M|m
    if let Some(params) = text.strip_prefix('<') {
        let n: Vec<u16> = params.split(';').filter_map(|p| p.parse().ok()).collect();
        let event = match (n.as_slice(), final_byte) {
            ([cb, x, y], b'M' | b'm') => mouse(
                *cb,
                x.saturating_sub(1),
                y.saturating_sub(1),
                final_byte == b'm',
            ),
            _ => None,
        };
        return Parsed::Event(event, len);
    }
    let params: Vec<u16> = text.split(';').map(|p| p.parse().unwrap_or(0)).collect();
    let first = params.first().copied().unwrap_or(0);
    let modifiers = modifiers_of(params.get(1).copied().unwrap_or(1));
    let code = match final_byte {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Parsed::Event(Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)), len),
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        b'~' => match first {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            11..=15 => KeyCode::F((first - 10) as u8),
            17..=21 => KeyCode::F((first - 11) as u8),
            23 | 24 => KeyCode::F((first - 12) as u8),
            _ => return Parsed::Event(None, len),
        },
        // Kitty / "CSI u": ESC [ codepoint ; modifiers u
        b'u' => match char::from_u32(u32::from(first)) {
            Some('\r') => KeyCode::Enter,
            Some('\t') => KeyCode::Tab,
            Some('\x1b') => KeyCode::Esc,
            Some('\x7f') => KeyCode::Backspace,
            Some(c) if !c.is_control() => KeyCode::Char(c),
            _ => return Parsed::Event(None, len),
        },
        // The linux console's F1-F5: ESC [ [ A..E
        b'[' => {
            return match b.get(len) {
                None => Parsed::Incomplete,
                Some(c @ b'A'..=b'E') => Parsed::Event(
                    Some(key(KeyCode::F(c - b'A' + 1), KeyModifiers::NONE)),
                    len + 1,
                ),
                Some(_) => Parsed::Event(None, len),
            };
        }
        // Focus reports and anything else: understood, and ignored.
        _ => return Parsed::Event(None, len),
    };
    Parsed::Event(Some(key(code, modifiers)), len)
}

/// A mouse report's button code and 0-based position as an event.
fn mouse(cb: u16, x: u16, y: u16, release: bool) -> Option<Event> {
    let mut modifiers = KeyModifiers::NONE;
    if cb & 4 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if cb & 8 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if cb & 16 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    let button = match cb & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if cb & 64 != 0 {
        match cb & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        if cb & 3 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(button)
        }
    } else if release || cb & 3 == 3 {
        MouseEventKind::Up(button)
    } else {
        MouseEventKind::Down(button)
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x,
        row: y,
        modifiers,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(events: &[Event]) -> Vec<(KeyCode, KeyModifiers)> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some((k.code, k.modifiers)),
                _ => None,
            })
            .collect()
    }

    fn one(bytes: &[u8]) -> Event {
        let mut d = Decoder::new();
        let mut events = d.feed(bytes);
        events.extend(d.flush());
        assert_eq!(events.len(), 1, "{bytes:?} gave {events:?}");
        events.remove(0)
    }

    const NONE: KeyModifiers = KeyModifiers::NONE;

    #[test]
    fn plain_keys_and_text() {
        let mut d = Decoder::new();
        let events = d.feed("aZ é中\r\t\x7f".as_bytes());
        assert_eq!(
            keys(&events),
            [
                (KeyCode::Char('a'), NONE),
                (KeyCode::Char('Z'), KeyModifiers::SHIFT),
                (KeyCode::Char(' '), NONE),
                (KeyCode::Char('é'), NONE),
                (KeyCode::Char('中'), NONE),
                (KeyCode::Enter, NONE),
                (KeyCode::Tab, NONE),
                (KeyCode::Backspace, NONE),
            ]
        );
        assert!(!d.pending());
    }

    #[test]
    fn control_keys() {
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(keys(&[one(b"\x03")]), [(KeyCode::Char('c'), ctrl)]);
        assert_eq!(keys(&[one(b"\x1a")]), [(KeyCode::Char('z'), ctrl)]);
        assert_eq!(keys(&[one(b"\x04")]), [(KeyCode::Char('d'), ctrl)]);
        assert_eq!(keys(&[one(b"\x1c")]), [(KeyCode::Char('4'), ctrl)]);
        // Ctrl+Alt+S, the kiosk's staff chord.
        assert_eq!(
            keys(&[one(b"\x1b\x13")]),
            [(KeyCode::Char('s'), ctrl | KeyModifiers::ALT)]
        );
    }

    #[test]
    fn cursor_and_function_keys_in_every_dialect() {
        let cases: [(&[u8], KeyCode, KeyModifiers); 17] = [
            (b"\x1b[[B", KeyCode::F(2), NONE),
            (b"\x1b[A", KeyCode::Up, NONE),
            (b"\x1bOB", KeyCode::Down, NONE),
            (b"\x1b[1;5C", KeyCode::Right, KeyModifiers::CONTROL),
            (b"\x1b[1;2D", KeyCode::Left, KeyModifiers::SHIFT),
            (b"\x1b[H", KeyCode::Home, NONE),
            (b"\x1b[1~", KeyCode::Home, NONE),
            (b"\x1b[7~", KeyCode::Home, NONE),
            (b"\x1b[4~", KeyCode::End, NONE),
            (b"\x1b[5~", KeyCode::PageUp, NONE),
            (b"\x1b[6;3~", KeyCode::PageDown, KeyModifiers::ALT),
            (b"\x1bOP", KeyCode::F(1), NONE),
            (b"\x1b[15~", KeyCode::F(5), NONE),
            (b"\x1b[24~", KeyCode::F(12), NONE),
            (b"\x1b[1;5P", KeyCode::F(1), KeyModifiers::CONTROL),
            (b"\x1b[3~", KeyCode::Delete, NONE),
            (b"\x1b[113;5u", KeyCode::Char('q'), KeyModifiers::CONTROL),
        ];
        for (bytes, code, m) in cases {
            assert_eq!(keys(&[one(bytes)]), [(code, m)], "{bytes:?}");
        }
        assert_eq!(
            keys(&[one(b"\x1b[Z")]),
            [(KeyCode::BackTab, KeyModifiers::SHIFT)]
        );
    }

    #[test]
    fn esc_alone_waits_then_is_the_esc_key() {
        let mut d = Decoder::new();
        assert!(d.feed(b"\x1b").is_empty());
        assert!(d.pending());
        assert_eq!(keys(&d.flush()), [(KeyCode::Esc, NONE)]);
        assert!(!d.pending());
        // Esc then a letter arriving together is Alt+letter.
        assert_eq!(
            keys(&d.feed(b"\x1bx")),
            [(KeyCode::Char('x'), KeyModifiers::ALT)]
        );
        // Esc Esc is an Esc then a waiting ESC.
        assert_eq!(keys(&d.feed(b"\x1b\x1b")), [(KeyCode::Esc, NONE)]);
        assert_eq!(keys(&d.flush()), [(KeyCode::Esc, NONE)]);
    }

    #[test]
    fn sequences_split_across_reads() {
        let mut d = Decoder::new();
        assert!(d.feed(b"\x1b[").is_empty());
        assert!(d.feed(b"1;5").is_empty());
        assert_eq!(
            keys(&d.feed(b"Cq")),
            [
                (KeyCode::Right, KeyModifiers::CONTROL),
                (KeyCode::Char('q'), NONE)
            ]
        );
        assert!(d.feed(&"é".as_bytes()[..1]).is_empty());
        assert_eq!(
            keys(&d.feed(&"é".as_bytes()[1..])),
            [(KeyCode::Char('é'), NONE)]
        );
    }

    #[test]
    fn mouse_reports() {
        let Event::Mouse(m) = one(b"\x1b[<0;10;5M") else {
            panic!()
        };
        assert_eq!(
            (m.kind, m.column, m.row),
            (MouseEventKind::Down(MouseButton::Left), 9, 4)
        );
        let Event::Mouse(m) = one(b"\x1b[<0;10;5m") else {
            panic!()
        };
        assert_eq!(m.kind, MouseEventKind::Up(MouseButton::Left));
        let Event::Mouse(m) = one(b"\x1b[<65;1;1M") else {
            panic!()
        };
        assert_eq!(m.kind, MouseEventKind::ScrollDown);
        let Event::Mouse(m) = one(b"\x1b[<32;3;4M") else {
            panic!()
        };
        assert_eq!(
            (m.kind, m.column, m.row),
            (MouseEventKind::Drag(MouseButton::Left), 2, 3)
        );
        // X10: ESC [ M b x y, each plus 32.
        let Event::Mouse(m) = one(&[0x1b, b'[', b'M', 32, 33 + 7, 33 + 2]) else {
            panic!()
        };
        assert_eq!(
            (m.kind, m.column, m.row),
            (MouseEventKind::Down(MouseButton::Left), 7, 2)
        );
    }

    #[test]
    fn bracketed_paste() {
        let mut d = Decoder::new();
        let events = d.feed(b"\x1b[200~2026-11-20\x1b[201~x");
        assert_eq!(events.len(), 2);
        assert_eq!(events[0], Event::Paste("2026-11-20".into()));
        // Split anywhere, even inside the end marker.
        let mut d = Decoder::new();
        assert!(d.feed(b"\x1b[200~ab\x1b[20").is_empty());
        assert_eq!(d.feed(b"1~"), [Event::Paste("ab".into())]);
        // Escape sequences inside a paste are text, not keys.
        let mut d = Decoder::new();
        assert_eq!(
            d.feed(b"\x1b[200~\x1b[A\x03\x1b[201~"),
            [Event::Paste("\x1b[A\x03".into())]
        );
    }

    #[test]
    fn broken_sequences_never_swallow_later_keys() {
        // An unfinished mouse report: dropped after the pause, and the keys
        // typed after it work.
        let mut d = Decoder::new();
        assert!(d.feed(b"\x1b[<0;").is_empty());
        assert!(d.flush().is_empty());
        assert_eq!(keys(&d.feed(b"q")), [(KeyCode::Char('q'), NONE)]);
        // A control byte inside a sequence ends it and is read as itself.
        let mut d = Decoder::new();
        assert_eq!(
            keys(&d.feed(b"\x1b[<0;\x03")),
            [(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
        // Esc inside a sequence starts a new one.
        assert_eq!(keys(&d.feed(b"\x1b[12\x1b[A")), [(KeyCode::Up, NONE)]);
        // An endless sequence is dropped whole (its final byte with it),
        // and what follows is read normally.
        let mut d = Decoder::new();
        let mut garbage = b"\x1b[".to_vec();
        garbage.extend(std::iter::repeat_n(b'1', 1000));
        garbage.extend(b"qx");
        assert_eq!(keys(&d.feed(&garbage)), [(KeyCode::Char('x'), NONE)]);
        assert!(!d.pending());
        // Invalid UTF-8 is dropped.
        assert_eq!(keys(&d.feed(b"\xff\xfea")), [(KeyCode::Char('a'), NONE)]);
    }

    #[test]
    fn random_bytes_never_panic_and_never_hold_more_than_a_sequence() {
        let mut seed = 0x1234_5678_u64;
        let mut d = Decoder::new();
        for round in 0..20_000 {
            let n = (seed % 16) as usize + 1;
            let bytes: Vec<u8> = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed >> 24) as u8
                })
                .collect();
            d.feed(&bytes);
            if round % 7 == 0 {
                d.flush();
            }
            assert!(d.buf.len() <= MAX_SEQUENCE + 16 || d.paste.is_some());
            assert!(d.paste.as_ref().is_none_or(|p| p.len() <= MAX_PASTE));
        }
    }
}
