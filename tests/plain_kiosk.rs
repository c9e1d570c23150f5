//! The plain kiosk (`careguide --kiosk --plain`, or `--kiosk` with
//! TERM=dumb): the real binary, fed lines through a pipe or typed into a
//! pseudo-terminal. The walk reaches today's care and the clinic's phone in
//! English and Spanish with no escape codes; `q`, Ctrl+C and Ctrl+D do not
//! leave it; the end of its input exits 1 (for its supervisor to restart
//! it); the idle timeout starts over; staff leave with the PIN (status 0);
//! nothing is written to disk.

mod common;
mod pty_support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use pty_support::{Pty, SpawnOptions, TIMEOUT};
use tempfile::TempDir;

const TODAY: &str = "2026-11-23";
const PIN: &str = "730194";
const ESC: u8 = 0x1b;

/// A home and a config of their own, so the test can see that nothing
/// was written.
struct Setup {
    home: TempDir,
    _config_dir: TempDir,
    config: PathBuf,
}

fn setup(config: &str) -> Setup {
    let home = tempfile::tempdir().expect("temp home");
    let config_dir = tempfile::tempdir().expect("temp config dir");
    let config_path = config_dir.path().join("careguide.toml");
    std::fs::write(&config_path, config).expect("write the config");
    Setup {
        home,
        _config_dir: config_dir,
        config: config_path,
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_in(&path));
        } else {
            found.push(path);
        }
    }
    found
}

fn command(setup: &Setup, extra: &[&str]) -> Command {
    let mut cmd = Command::new(common::bin());
    cmd.arg("--guides")
        .arg(common::app_guides())
        .args(["--kiosk", "--today", TODAY, "--config"])
        .arg(&setup.config)
        .args(extra)
        .current_dir(setup.home.path())
        .env("HOME", setup.home.path())
        .env("XDG_CONFIG_HOME", setup.home.path().join(".config"))
        .env("XDG_DATA_HOME", setup.home.path().join(".local/share"))
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("CAREGUIDE_TEST_PANIC");
    cmd
}

/// Runs the plain kiosk with `input` on a pipe that then closes.
fn piped(setup: &Setup, extra: &[&str], input: &str) -> Output {
    piped_command(command(setup, extra), input)
}

/// Runs `cmd` with `input` on a pipe that then closes.
fn piped_command(mut cmd: Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run careguide");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write the input");
    wait_output(child)
}

fn wait_output(mut child: Child) -> Output {
    let start = Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if start.elapsed() > TIMEOUT * 3 {
            let _ = child.kill();
            panic!("the plain kiosk did not exit");
        }
        thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn assert_no_escape_codes(bytes: &[u8]) {
    assert!(
        !bytes.contains(&ESC),
        "an escape code in:\n{}",
        String::from_utf8_lossy(bytes)
    );
}

/// English (1), no add-ons (Enter), treated (2), three days ago (4).
const TREATED_3_DAYS_AGO: &str = "1\n\n2\n4\n";

#[test]
fn the_walk_reaches_today_and_the_clinic_phone_in_english() {
    let s = setup("");
    // Then the menu's 2: when to call.
    let o = piped(&s, &["--plain"], &format!("{TREATED_3_DAYS_AGO}2\n"));
    let out = common::stdout(&o);
    assert!(
        out.contains("This screen explains your skin treatment"),
        "{out}"
    );
    assert!(out.contains("Where are you with your treatment?"), "{out}");
    assert!(out.contains("  4. 3 days ago"), "numbered days:\n{out}");
    assert!(out.contains("Today is Day 3 after your treatment"), "{out}");
    assert!(out.contains("Section 1 of "), "{out}");
    assert!(out.contains("  1. Next"), "the menu:\n{out}");
    assert!(out.contains("555-0100"), "the fixture's phone:\n{out}");
    assert_no_escape_codes(&o.stdout);
    assert_no_escape_codes(&o.stderr);
    assert!(
        files_in(s.home.path()).is_empty(),
        "nothing written: {:?}",
        files_in(s.home.path())
    );
}

#[test]
fn the_walk_in_spanish_with_a_typed_date() {
    let s = setup("");
    // Español (2), no add-ons, treated, a date typed the Spanish way, then
    // the menu's "when to call" (3: next, when to call... from section 1
    // the menu is Next, When to call, Start over).
    let o = piped(&s, &["--plain"], "2\n\n2\n20/11/2026\n2\n");
    let out = common::stdout(&o);
    assert!(out.contains("¿Cuándo se hizo el tratamiento?"), "{out}");
    assert!(out.contains("O escriba la fecha"), "{out}");
    assert!(
        out.contains("Hoy es el día 3 después de su tratamiento"),
        "{out}"
    );
    assert!(out.contains("555-0100"), "{out}");
    assert!(out.contains("Escriba un número y presione Enter."), "{out}");
    assert_no_escape_codes(&o.stdout);
}

#[test]
fn term_dumb_makes_the_kiosk_plain() {
    let s = setup("");
    let mut cmd = command(&s, &[]);
    cmd.env("TERM", "dumb");
    let o = piped_command(cmd, TREATED_3_DAYS_AGO);
    let out = common::stdout(&o);
    assert!(out.contains("Today is Day 3 after your treatment"), "{out}");
    assert_no_escape_codes(&o.stdout);
}

#[test]
fn q_does_not_leave_and_the_end_of_input_is_a_failure_to_restart_on() {
    let s = setup("");
    let o = piped(&s, &["--plain"], "q\nquit\n1\n\nq\n");
    let out = common::stdout(&o);
    assert_eq!(
        out.matches("Please type one of the numbers shown.").count(),
        3,
        "q and quit are answers like any other:\n{out}"
    );
    // After the last q, the path question was asked again.
    assert!(
        out.rfind("Where are you with your treatment?")
            > out.rfind("Please type one of the numbers shown."),
        "{out}"
    );
    assert_eq!(o.status.code(), Some(1), "not a normal exit");
    assert!(
        common::stderr(&o).contains("input ended"),
        "{}",
        common::stderr(&o)
    );
}

#[test]
fn a_typed_date_on_the_wrong_side_of_today_is_refused() {
    let s = setup("");
    // Getting ready (1), a date in the past.
    let o = piped(&s, &["--plain"], "1\n\n1\n11/20/2026\n");
    let out = common::stdout(&o);
    assert!(out.contains("That date has passed."), "{out}");
}

/// Output collected from a child whose stdin stays open.
struct Live {
    child: Child,
    stdin: Option<ChildStdin>,
    out: Arc<Mutex<Vec<u8>>>,
}

impl Live {
    fn spawn(mut cmd: Command) -> Live {
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("run careguide");
        let mut stdout = child.stdout.take().unwrap();
        let out = Arc::new(Mutex::new(Vec::new()));
        let sink = out.clone();
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let stdin = child.stdin.take();
        Live { child, stdin, out }
    }

    fn send(&mut self, s: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(s.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.out.lock().unwrap()).into_owned()
    }

    fn wait_for_count(&self, needle: &str, count: usize, timeout: Duration) {
        let start = Instant::now();
        while self.text().matches(needle).count() < count {
            assert!(
                start.elapsed() < timeout,
                "{needle:?} not seen {count} times:\n{}",
                self.text()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn idle_warns_then_starts_over_from_the_welcome() {
    let s = setup("[kiosk]\nidle_timeout = 10\n");
    let mut live = Live::spawn(command(&s, &["--plain"]));
    live.wait_for_count("Choose a language", 1, TIMEOUT);
    let start = Instant::now();
    live.send(TREATED_3_DAYS_AGO);
    live.wait_for_count("Today is Day 3", 1, TIMEOUT);
    // The welcome waits for ever; from the first answer the 10 s run: the
    // warning at 10 - 10/3 s, then the start over.
    live.wait_for_count("Still there?", 1, Duration::from_secs(15));
    assert!(
        start.elapsed() >= Duration::from_secs(6),
        "warned too early: {:?}",
        start.elapsed()
    );
    live.wait_for_count("No one has typed for a while", 1, Duration::from_secs(10));
    assert!(start.elapsed() >= Duration::from_secs(10));
    live.wait_for_count("Choose a language", 2, TIMEOUT);
    let text = live.text();
    let over = text.find("No one has typed").unwrap();
    assert!(
        text[over..].contains("This screen explains your skin treatment"),
        "back at the welcome:\n{text}"
    );
    // The welcome itself never times out.
    thread::sleep(Duration::from_secs(2));
    assert_eq!(live.text().matches("Still there?").count(), 1);
    assert!(live.child.try_wait().unwrap().is_none(), "still running");
}

fn wait_raw(pty: &Pty, needle: &str, count: usize) {
    let start = Instant::now();
    loop {
        let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
        if raw.matches(needle).count() >= count {
            return;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "{needle:?} not seen {count} times:\n{raw}"
        );
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn on_a_dumb_terminal_ctrl_c_and_ctrl_d_are_ignored_and_staff_leave_with_the_pin() {
    let hash = pty_support::pin_hash(PIN);
    let s = setup(&format!("[kiosk]\nstaff_pin_hash = \"{hash}\"\n"));
    let config = s.config.to_str().unwrap().to_string();
    let mut pty = Pty::spawn_with(
        &["--kiosk", "--today", TODAY, "--config", &config],
        80,
        24,
        &SpawnOptions::default()
            .env("TERM", "dumb")
            .env("HOME", s.home.path())
            .env_remove("CAREGUIDE_TEST_PANIC"),
    );
    wait_raw(&pty, "Choose a language", 1);
    // Ctrl+C (SIGINT from the terminal) and Ctrl+D (an end of input that
    // is not one) change nothing.
    pty.send("\x03");
    pty.send("\x04");
    thread::sleep(Duration::from_millis(300));
    assert!(pty.is_running(), "Ctrl+C or Ctrl+D ended the kiosk");
    pty.send("1\r");
    wait_raw(&pty, "Add-ons:", 1);
    pty.send("\x04");
    pty.send("\r2\r");
    wait_raw(&pty, "When did you have your treatment?", 1);
    assert!(pty.is_running());

    // A wrong PIN, then the right one (not echoed).
    pty.send("staff\r");
    wait_raw(&pty, "Staff PIN:", 1);
    pty.send("111111\r");
    wait_raw(&pty, "Wrong PIN.", 1);
    assert!(pty.is_running());
    pty.send("staff\r");
    wait_raw(&pty, "Staff PIN:", 2);
    pty.send(&format!("{PIN}\r"));
    let status = pty.wait_exit(TIMEOUT);
    assert_eq!(status.exit_code(), 0, "the staff exit's status");
    let raw = pty.raw();
    assert!(
        !String::from_utf8_lossy(&raw).contains(PIN),
        "the PIN was echoed"
    );
    assert!(!raw.contains(&ESC), "{}", String::from_utf8_lossy(&raw));
    assert!(files_in(s.home.path()).is_empty());
}

#[test]
fn without_a_pin_staff_exit_is_off() {
    let s = setup("");
    let o = piped(&s, &["--plain"], "staff\n");
    assert!(
        common::stdout(&o).contains("Staff exit is off on this kiosk."),
        "{}",
        common::stdout(&o)
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn the_getting_ready_walk_says_how_soon_the_treatment_is() {
    let s = setup("");
    // English, no add-ons, getting ready, "In 2 days".
    let o = piped(&s, &["--plain"], "1\n\n1\n3\n");
    let out = common::stdout(&o);
    assert!(out.contains("When is your treatment?"), "{out}");
    assert!(out.contains("Your treatment is in 2 days"), "{out}");
    assert_no_escape_codes(&o.stdout);
}
