//! Reading aloud, end to end: the real binary in a pseudo-terminal, with a
//! stand-in speech program (`tests/fixtures/speech/fake-speech`) that
//! records the voice and text it was given and then "speaks" until it is
//! stopped. The tests check what is said and in which voice, and that no
//! speech process outlives its screen: a touch or key, the idle reset, the
//! staff exit and quitting each stop it.

mod pty_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use pty_support::keys::{DOWN, ENTER};
use pty_support::{Pty, SpawnOptions, TIMEOUT, kiosk};
use tempfile::TempDir;

const PIN: &str = "730194";
const TODAY: &str = "2026-11-23";
const TITLE_ROW: u16 = 1;
const STAFF_CHORD: &str = "\x1b\x13";

/// One reading the fake speech program was asked for.
#[derive(Debug)]
struct Reading {
    pid: u32,
    voice: String,
    text: String,
}

/// The fake speech program's output folder and a config that uses it.
struct Setup {
    out: TempDir,
    config: PathBuf,
    _config_dir: TempDir,
}

impl Setup {
    /// A config whose speech command is the fake, with `extra` appended.
    fn new(extra: &str) -> Self {
        let out = tempfile::tempdir().expect("temp dir for readings");
        let config_dir = tempfile::tempdir().expect("temp dir for the config");
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/speech/fake-speech"
        );
        let config = config_dir.path().join("careguide.toml");
        std::fs::write(
            &config,
            format!(
                "[clinic]\nname = \"Bright Skin Clinic\"\nphone = \"555-0100\"\n\
                 [speech]\ncommand = [\"sh\", \"{script}\", \"{}\", \"{{voice}}\"]\n{extra}",
                out.path().display()
            ),
        )
        .expect("write the config");
        Setup {
            out,
            config,
            _config_dir: config_dir,
        }
    }

    fn config(&self) -> &str {
        self.config.to_str().expect("temp paths are UTF-8")
    }

    /// Every reading started so far, oldest first.
    fn readings(&self) -> Vec<Reading> {
        let mut found: Vec<(std::time::SystemTime, Reading)> = Vec::new();
        for entry in std::fs::read_dir(self.out.path()).expect("list readings") {
            let path = entry.expect("an entry").path();
            if path.extension().is_none_or(|e| e != "voice") {
                continue;
            }
            let pid: u32 = path
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.parse().ok())
                .expect("named by a pid");
            let voice = std::fs::read_to_string(&path).unwrap_or_default();
            let text = std::fs::read_to_string(path.with_extension("text"))
                .expect("the text it was given");
            let when = path.metadata().and_then(|m| m.modified()).expect("mtime");
            found.push((
                when,
                Reading {
                    pid,
                    voice: voice.trim().to_string(),
                    text,
                },
            ));
        }
        found.sort_by_key(|(when, r)| (*when, r.pid));
        found.into_iter().map(|(_, r)| r).collect()
    }

    /// Waits for the `n`th reading (1-based) and returns it.
    fn wait_for_reading(&self, n: usize, pty: &Pty) -> Reading {
        let start = Instant::now();
        loop {
            let mut all = self.readings();
            if all.len() >= n {
                return all.swap_remove(n - 1);
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "no reading number {n} (found {}); the screen is:\n{}",
                all.len(),
                pty.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Whether a process is alive (a zombie is not).
fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| !rest.starts_with('Z')),
        Err(_) => false,
    }
}

fn wait_gone(pid: u32, what: &str, pty: &Pty) {
    let start = Instant::now();
    while alive(pid) {
        assert!(
            start.elapsed() < TIMEOUT,
            "the speech process {pid} still runs after {what}; the screen is:\n{}",
            pty.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn options() -> SpawnOptions {
    SpawnOptions::default().env_remove("CAREGUIDE_TEST_PANIC")
}

/// A kiosk (80×24) with the fake speech, in Spanish, on today's aftercare
/// (Day 3 of a treatment on 2026-11-20).
fn kiosk_on_day_3_in_spanish(setup: &Setup, extra: &[&str]) -> Pty {
    let mut args = vec!["--kiosk", "--config", setup.config(), "--today", TODAY];
    args.extend(extra);
    let mut pty = Pty::spawn_with(&args, 80, 24, &options());
    pty.wait_for(kiosk::WELCOME, TIMEOUT);
    kiosk::walk_to_day_3_in_spanish(&mut pty);
    pty
}

#[test]
fn a_spanish_patient_hears_todays_aftercare_in_the_spanish_voice_and_a_touch_stops_it() {
    let setup = Setup::new("");
    let mut pty = kiosk_on_day_3_in_spanish(&setup, &[]);
    assert!(setup.readings().is_empty(), "spoke before asked");

    pty.touch("Escuchar");
    let first = setup.wait_for_reading(1, &pty);
    assert_eq!(first.voice, "es-419");
    // Reading order: the screen's heading, with the date in words, then
    // its lines; no box drawing, no key hints, no English.
    assert!(
        first.text.contains("Día 3, lunes 23 noviembre 2026"),
        "{}",
        first.text
    );
    assert!(first.text.lines().count() > 3, "{}", first.text);
    for not_said in ["│", "─", "▶", "◀", "Enter", "Day", "Touch"] {
        assert!(
            !first.text.contains(not_said),
            "{not_said:?} in:\n{}",
            first.text
        );
    }
    pty.wait_for("Leyendo en voz alta", TIMEOUT);
    assert!(alive(first.pid));

    // A touch on the text (not a button) stops it at once.
    pty.click(40, 8);
    wait_gone(first.pid, "a touch", &pty);
    pty.wait_until("the reading line gone", TIMEOUT, |s| {
        !s.text.contains("Leyendo en voz alta")
    });

    // The button reads again; a key stops that reading too.
    pty.touch("Escuchar");
    let second = setup.wait_for_reading(2, &pty);
    assert_eq!(second.text, first.text, "the repeat says the same");
    pty.send(DOWN);
    wait_gone(second.pid, "a key", &pty);

    // Leaving the screen stops it: "When to call" is read, then Back.
    pty.touch("Cuándo llamar");
    pty.wait_for_row(TITLE_ROW, "Cuándo llamar", TIMEOUT);
    pty.touch("Escuchar");
    let third = setup.wait_for_reading(3, &pty);
    assert!(third.text.contains("555-0100"), "{}", third.text);
    pty.touch("Atrás");
    wait_gone(third.pid, "leaving the screen", &pty);
    assert_eq!(setup.readings().len(), 3, "a touch started a reading");
}

#[test]
fn walking_away_stops_the_reading_and_the_reset_starts_none() {
    let setup = Setup::new("");
    let mut pty = kiosk_on_day_3_in_spanish(&setup, &["--idle-timeout", "10"]);
    pty.touch("Escuchar");
    let reading = setup.wait_for_reading(1, &pty);
    // The patient walks away: the warning, then the welcome screen.
    pty.wait_for(
        "Press any key or touch the screen to start",
        Duration::from_secs(20),
    );
    wait_gone(reading.pid, "the idle reset", &pty);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(setup.readings().len(), 1, "the reset started a reading");
    assert!(pty.is_running());
}

#[test]
fn the_staff_exit_stops_the_reading() {
    let hash = pty_support::pin_hash(PIN);
    let setup = Setup::new(&format!("[kiosk]\nstaff_pin_hash = \"{hash}\"\n"));
    let mut pty = kiosk_on_day_3_in_spanish(&setup, &[]);
    pty.touch("Escuchar");
    let reading = setup.wait_for_reading(1, &pty);
    pty.send(STAFF_CHORD);
    pty.wait_for("PIN", TIMEOUT);
    pty.send(&format!("{PIN}{ENTER}"));
    let status = pty.wait_exit(TIMEOUT);
    assert!(status.success(), "exit status {status}");
    wait_gone(reading.pid, "the staff exit", &pty);
}

/// Practitioner mode on Day 3 of the English plan.
fn practitioner(setup: &Setup) -> Pty {
    let pty = Pty::spawn_with(
        &[
            "--config",
            setup.config(),
            "--guide",
            "needling",
            "--date",
            "2026-11-20",
            "--today",
            TODAY,
        ],
        80,
        24,
        &options(),
    );
    pty.wait_for("Day 3", TIMEOUT);
    pty
}

#[test]
fn quitting_stops_the_reading_and_english_is_read_in_the_english_voice() {
    let setup = Setup::new("");
    let mut pty = practitioner(&setup);
    pty.send("R");
    let reading = setup.wait_for_reading(1, &pty);
    assert_eq!(reading.voice, "en-us");
    assert!(
        reading.text.contains("Day 3, Monday 23 November 2026"),
        "{}",
        reading.text
    );
    pty.send("q");
    let status = pty.wait_exit(TIMEOUT);
    assert!(status.success(), "exit status {status}");
    wait_gone(reading.pid, "quitting", &pty);
}

#[test]
fn a_signal_stops_the_reading_with_the_app() {
    let setup = Setup::new("");
    let mut pty = practitioner(&setup);
    pty.send("R");
    let reading = setup.wait_for_reading(1, &pty);
    pty.signal("TERM");
    pty.wait_exit(TIMEOUT);
    wait_gone(reading.pid, "SIGTERM", &pty);
}

#[test]
fn without_a_speech_program_the_patient_is_told_in_their_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("careguide.toml");
    std::fs::write(
        &config,
        "[speech]\ncommand = [\"/nonexistent/careguide-test-speech\", \"{voice}\"]\n",
    )
    .expect("write the config");
    let setup = Setup {
        out: tempfile::tempdir().expect("temp dir"),
        config,
        _config_dir: dir,
    };
    let mut pty = kiosk_on_day_3_in_spanish(&setup, &[]);
    pty.touch("Escuchar");
    pty.wait_for("no está instalada", TIMEOUT);
    assert!(pty.is_running());
}
