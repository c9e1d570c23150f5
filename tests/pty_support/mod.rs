//! A small harness that runs the real careguide binary in a pseudo-terminal
//! and reads its screen through a `vt100` terminal emulator.
//!
//! A reader thread feeds every byte the app writes into a shared
//! [`vt100::Parser`] and also keeps the raw bytes, so tests can check both
//! what is on screen and which escape sequences were sent. Assertions wait
//! for the screen to change ([`Pty::wait_for`], [`Pty::wait_until`]); they
//! never rely on fixed sleeps. Dropping a [`Pty`] kills the child.
#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// Keys as a terminal sends them.
pub mod keys {
    pub const RIGHT: &str = "\x1b[C";
    pub const LEFT: &str = "\x1b[D";
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const ESC: &str = "\x1b";
    pub const TAB: &str = "\t";
    pub const ENTER: &str = "\r";
    pub const BACKSPACE: &str = "\x7f";
}

/// How long a wait may take before the test fails. Generous, because a
/// loaded CI machine can be slow; a passing wait returns as soon as it can.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How often the screen is polled while waiting.
const POLL: Duration = Duration::from_millis(20);

/// Lets a lone Esc reach the app on its own read, so it is not merged with
/// the next key into an Alt- combination.
const ESC_SETTLE: Duration = Duration::from_millis(100);

/// What [`Pty::spawn_with`] changes in the child's surroundings; the
/// default changes nothing but the home folder (every child gets an empty
/// one of its own unless `HOME` is set here: no test reads the user's
/// config or leaves take-home copies in the user's folders).
#[derive(Clone, Debug, Default)]
pub struct SpawnOptions {
    /// Variables to set (after the harness's own, so they win).
    pub env: Vec<(String, OsString)>,
    /// Variables to unset.
    pub env_remove: Vec<String>,
    /// The working directory, instead of the repository root.
    pub cwd: Option<PathBuf>,
    /// Read the guides built into careguide instead of the test guides.
    pub built_in_guides: bool,
}

impl SpawnOptions {
    /// Sets an environment variable for the child.
    pub fn env(mut self, name: &str, value: impl AsRef<OsStr>) -> Self {
        self.env
            .push((name.to_string(), value.as_ref().to_os_string()));
        self
    }

    /// Unsets an environment variable for the child.
    pub fn env_remove(mut self, name: &str) -> Self {
        self.env_remove.push(name.to_string());
        self
    }

    /// Runs the child in `dir`.
    pub fn cwd(mut self, dir: impl AsRef<Path>) -> Self {
        self.cwd = Some(dir.as_ref().to_path_buf());
        self
    }
}

/// A running careguide in a pseudo-terminal.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set when the reader thread saw the end of the output.
    output_closed: Arc<AtomicBool>,
    cols: u16,
    rows: u16,
    /// The child's own home folder, removed when the test ends.
    _home: Option<tempfile::TempDir>,
}

fn size(cols: u16, rows: u16) -> (NonZeroU16, NonZeroU16) {
    (
        NonZeroU16::new(rows).expect("rows > 0"),
        NonZeroU16::new(cols).expect("cols > 0"),
    )
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking test thread must not hide the screen from the next one.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Pty {
    /// Starts careguide with `args` in a `cols`×`rows` terminal, in the
    /// repository root (so it reads ./guides), with TERM=xterm-256color and
    /// without NO_COLOR.
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn_with(args, cols, rows, &SpawnOptions::default())
    }

    /// Like [`Pty::spawn`], with extra environment settings and, optionally,
    /// another working directory (see [`SpawnOptions`]).
    pub fn spawn_with(args: &[&str], cols: u16, rows: u16, options: &SpawnOptions) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_careguide"));
        // The app's tests run on the test guides, never the shipped ones.
        if !options.built_in_guides && !args.contains(&"--guides") {
            cmd.arg("--guides");
            cmd.arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/app"));
        }
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let home = if options.env.iter().any(|(name, _)| name == "HOME") {
            None
        } else {
            let home = tempfile::tempdir().expect("a home folder for the child");
            cmd.env("HOME", home.path());
            for name in [
                "XDG_CONFIG_HOME",
                "XDG_DATA_HOME",
                "XDG_CACHE_HOME",
                "XDG_STATE_HOME",
                "XDG_DOCUMENTS_DIR",
            ] {
                cmd.env_remove(name);
            }
            Some(home)
        };
        for name in &options.env_remove {
            cmd.env_remove(name);
        }
        for (name, value) in &options.env {
            cmd.env(name, value);
        }
        if let Some(dir) = &options.cwd {
            cmd.cwd(dir);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn careguide");
        // Only the child may hold the slave side, so the reader sees the end
        // of the output once the child is gone.
        drop(pair.slave);

        let (r, c) = size(cols, rows);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(r, c, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let output_closed = Arc::new(AtomicBool::new(false));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        {
            let (parser, raw, closed) = (parser.clone(), raw.clone(), output_closed.clone());
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            lock(&raw).extend_from_slice(&buf[..n]);
                            lock(&parser).process(&buf[..n]);
                        }
                    }
                }
                closed.store(true, Ordering::SeqCst);
            });
        }
        let writer = pair.master.take_writer().expect("pty writer");
        Pty {
            master: pair.master,
            writer,
            child,
            parser,
            raw,
            output_closed,
            cols,
            rows,
            _home: home,
        }
    }

    /// The home folder the child was given, unless the test set its own.
    pub fn home(&self) -> Option<&Path> {
        self._home.as_ref().map(tempfile::TempDir::path)
    }

    // ----- input -----

    pub fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Sends text or key sequences. A lone Esc is followed by a short pause
    /// so the app reads it as the Esc key.
    pub fn send(&mut self, s: &str) {
        self.send_bytes(s.as_bytes());
        if s == keys::ESC {
            thread::sleep(ESC_SETTLE);
        }
    }

    /// Sends an SGR mouse click (press and release) at a 0-based cell.
    pub fn click(&mut self, col: u16, row: u16) {
        let (x, y) = (col + 1, row + 1);
        self.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    }

    /// Touches the first thing on screen labelled `label` (top row first),
    /// one cell into it, where a finger on that word would land.
    pub fn touch(&mut self, label: &str) {
        let (col, row) = self
            .find(label)
            .unwrap_or_else(|| panic!("no {label:?} on screen:\n{}", self.screen()));
        self.click(col + 1, row);
    }

    /// Where `text` first shows on screen: its 0-based column and row.
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        (0..self.rows()).find_map(|row| self.find_in_row(row, text).map(|c| (c, row)))
    }

    /// Resizes the terminal: the pty (the app gets SIGWINCH) and the
    /// emulator reading it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let (r, c) = size(cols, rows);
        // Hold the parser while both change, so no output is parsed at a
        // size the app has not been told about yet.
        let mut parser = lock(&self.parser);
        parser.set_size(r, c);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.cols = cols;
        self.rows = rows;
    }

    // ----- the screen -----

    pub fn cols(&self) -> u16 {
        self.cols
    }

    pub fn rows(&self) -> u16 {
        self.rows
    }

    /// The whole screen as text, rows separated by newlines.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// One row of the screen (0-based), as text.
    pub fn row(&self, row: u16) -> String {
        self.snapshot().row(row).to_string()
    }

    /// The 0-based column where `text` starts on `row`, counting cells (so
    /// wide characters before it are counted right).
    pub fn find_in_row(&self, row: u16, text: &str) -> Option<u16> {
        let parser = lock(&self.parser);
        let screen = parser.screen();
        let (_, cols) = screen.size();
        let mut line = String::new();
        let mut col_at_byte = Vec::new();
        for col in 0..cols.get() {
            let Some(cell) = screen.cell(row, col) else {
                break;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let contents = if cell.has_contents() {
                cell.contents().to_string()
            } else {
                " ".to_string()
            };
            col_at_byte.extend(std::iter::repeat_n(col, contents.len()));
            line.push_str(&contents);
        }
        line.find(text).map(|byte| col_at_byte[byte])
    }

    /// The terminal's local mode flags (ICANON, ECHO, ...), as text: the
    /// `Debug` form of termios' `c_lflag`, read through the master side.
    pub fn local_flags(&self) -> String {
        let termios = self.master.get_termios().expect("read the pty's termios");
        format!("{:?}", termios.local_flags)
    }

    /// Every byte the app has written so far.
    pub fn raw(&self) -> Vec<u8> {
        lock(&self.raw).clone()
    }

    /// The screen now: its text and its rows.
    pub fn snapshot(&self) -> Snapshot {
        let parser = lock(&self.parser);
        let screen = parser.screen();
        let (_, cols) = screen.size();
        Snapshot {
            text: screen.contents(),
            rows: screen.rows(0, cols.get()).collect(),
        }
    }

    /// Waits until the screen contains `text`; panics with the screen if it
    /// does not within `timeout`.
    pub fn wait_for(&self, text: &str, timeout: Duration) {
        self.wait_until(&format!("{text:?} on screen"), timeout, |s| {
            s.text.contains(text)
        });
    }

    /// Waits until `row` (0-based) contains `text`.
    pub fn wait_for_row(&self, row: u16, text: &str, timeout: Duration) {
        self.wait_until(&format!("{text:?} on row {row}"), timeout, |s| {
            s.row(row).contains(text)
        });
    }

    /// Waits until the screen satisfies `ok`; panics with `what` and the
    /// screen if it does not within `timeout`.
    pub fn wait_until(&self, what: &str, timeout: Duration, ok: impl Fn(&Snapshot) -> bool) {
        let start = Instant::now();
        loop {
            let snapshot = self.snapshot();
            if ok(&snapshot) {
                return;
            }
            if start.elapsed() >= timeout {
                let rule = "-".repeat(usize::from(self.cols));
                panic!(
                    "timed out after {timeout:?} waiting for {what}; the screen ({}x{}) is:\n{rule}\n{}\n{rule}",
                    self.cols,
                    self.rows,
                    snapshot.rows.join("\n"),
                );
            }
            thread::sleep(POLL);
        }
    }

    // ----- the process -----

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Whether the child is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Sends a signal by name (TERM, HUP, ...) with the `kill` command.
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} failed: {status}");
    }

    /// Waits for the child to exit and for its last output to be read;
    /// panics with the screen if it does not within `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            if start.elapsed() >= timeout {
                panic!(
                    "careguide did not exit within {timeout:?}; the screen is:\n{}",
                    self.snapshot().rows.join("\n")
                );
            }
            thread::sleep(POLL);
        };
        // The output ends when the child's side of the pty closes.
        while !self.output_closed.load(Ordering::SeqCst) && start.elapsed() < timeout {
            thread::sleep(POLL);
        }
        status
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The screen at one moment.
pub struct Snapshot {
    /// All of the screen's text, as `vt100` gives it.
    pub text: String,
    /// One string per screen row.
    pub rows: Vec<String>,
}

impl Snapshot {
    /// One row (0-based), or "" past the bottom.
    pub fn row(&self, row: u16) -> &str {
        self.rows.get(usize::from(row)).map_or("", String::as_str)
    }
}

/// Where `needle` first occurs in `haystack` at or after `from`.
pub fn find_bytes(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Where `needle` last occurs in `haystack`.
pub fn rfind_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Bytes as readable text, for failure messages.
pub fn escaped(bytes: &[u8]) -> String {
    bytes.escape_ascii().to_string()
}

/// Terminal mode sequences the app writes.
pub const ALT_SCREEN_ON: &[u8] = b"\x1b[?1049h";
pub const ALT_SCREEN_OFF: &[u8] = b"\x1b[?1049l";
pub const CURSOR_SHOW: &[u8] = b"\x1b[?25h";
pub const MOUSE_ON: &[u8] = b"\x1b[?1000h";
pub const MOUSE_OFF: &[u8] = b"\x1b[?1000l";

/// The names in a flags `Debug` string, e.g. `LocalFlags(ECHO | ICANON)`.
pub fn flag_names(flags: &str) -> Vec<&str> {
    flags
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether the terminal is in raw mode (no line editing, no echo).
pub fn is_raw(pty: &Pty) -> bool {
    let flags = pty.local_flags();
    let names = flag_names(&flags);
    !names.contains(&"ICANON") && !names.contains(&"ECHO")
}

/// After the app exited: it left the alternate screen after entering it
/// (and did not enter it again), turned the mouse off if it turned it on,
/// showed the cursor after leaving the alternate screen, and took the
/// terminal out of raw mode.
pub fn assert_terminal_restored(pty: &Pty) {
    let raw = pty.raw();
    let tail = escaped(&raw[raw.len().saturating_sub(300)..]);
    let on = find_bytes(&raw, ALT_SCREEN_ON, 0)
        .unwrap_or_else(|| panic!("never entered the alternate screen; output ends: {tail}"));
    let off = rfind_bytes(&raw, ALT_SCREEN_OFF)
        .unwrap_or_else(|| panic!("never left the alternate screen; output ends: {tail}"));
    assert!(
        off > on,
        "left the alternate screen before entering it; output ends: {tail}"
    );
    assert_eq!(
        find_bytes(&raw, ALT_SCREEN_ON, off),
        None,
        "re-entered the alternate screen after leaving it; output ends: {tail}"
    );
    if let Some(mouse_on) = find_bytes(&raw, MOUSE_ON, 0) {
        let mouse_off = rfind_bytes(&raw, MOUSE_OFF)
            .unwrap_or_else(|| panic!("mouse capture never disabled; output ends: {tail}"));
        assert!(
            mouse_off > mouse_on,
            "mouse capture disabled before enabled; output ends: {tail}"
        );
    }
    let show = rfind_bytes(&raw, CURSOR_SHOW)
        .unwrap_or_else(|| panic!("never showed the cursor; output ends: {tail}"));
    assert!(
        show > off,
        "the cursor was not shown after leaving the alternate screen; output ends: {tail}"
    );
    let flags = pty.local_flags();
    let names = flag_names(&flags);
    assert!(
        names.contains(&"ICANON") && names.contains(&"ECHO"),
        "the terminal was left in raw mode: {flags}"
    );
}

/// The hash of `pin`, made by the binary's own `pin-hash` (the PIN on
/// stdin, as a clinic would pipe it).
pub fn pin_hash(pin: &str) -> String {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_careguide"))
        .arg("pin-hash")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run careguide pin-hash");
    child
        .stdin
        .take()
        .expect("pin-hash stdin")
        .write_all(format!("{pin}\n").as_bytes())
        .expect("write the PIN");
    let out = child.wait_with_output().expect("wait for pin-hash");
    assert!(
        out.status.success(),
        "pin-hash failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let hash = String::from_utf8(out.stdout)
        .expect("pin-hash prints text")
        .trim()
        .to_string();
    assert!(hash.starts_with("$argon2"), "not an argon2 hash: {hash:?}");
    hash
}

/// The kiosk's screens, as the tests find them (English and Spanish).
pub mod kiosk {
    use super::keys::{DOWN, ENTER, RIGHT};
    use super::{Pty, TIMEOUT};

    pub const HEADER_ROW: u16 = 0;
    pub const TITLE_ROW: u16 = 1;
    pub const WELCOME: &str = "Press any key or touch the screen to start";
    pub const WELCOME_ES: &str = "Presione una tecla o toque la pantalla para empezar";

    /// From the English welcome screen, by keys, in Spanish: the guide,
    /// "I had my treatment", treated 3 days before 2026-11-23, to today's
    /// aftercare (Day 3).
    pub fn walk_to_day_3_in_spanish(pty: &mut Pty) {
        pty.send(RIGHT);
        pty.wait_for(WELCOME_ES, TIMEOUT);
        pty.send(ENTER);
        pty.wait_for_row(TITLE_ROW, "Elija una guía", TIMEOUT);
        pty.send(ENTER);
        pty.wait_for("Ya me hice el tratamiento", TIMEOUT);
        pty.send(DOWN);
        pty.wait_for("› Ya me hice el tratamiento", TIMEOUT);
        pty.send(ENTER);
        pty.wait_for("¿Cuándo se hizo el tratamiento?", TIMEOUT);
        // ↓ goes back a day at a time from today.
        for date in ["[2026-11-22", "[2026-11-21", "[2026-11-20"] {
            pty.send(DOWN);
            pty.wait_for(date, TIMEOUT);
        }
        pty.send(ENTER);
        pty.wait_for_row(TITLE_ROW, "Día 3", TIMEOUT);
    }
}
