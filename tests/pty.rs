//! End-to-end tests of the interactive guide: the real binary runs in a
//! pseudo-terminal and the tests read its screen through a terminal
//! emulator (see `pty_support`). They cover opening on today's aftercare,
//! walking with keys, the help window, resizing, quitting and signals (the
//! terminal is restored), garbage input, mouse clicks, `--no-mouse`, and the
//! treatment-date screen.

mod pty_support;

use std::thread;
use std::time::Duration;

use pty_support::keys::{BACKSPACE, ENTER, ESC, LEFT};
use pty_support::{
    MOUSE_OFF, MOUSE_ON, Pty, TIMEOUT, assert_terminal_restored, escaped, find_bytes, is_raw,
    rfind_bytes,
};

// ----- fixtures -----

/// Opens the microneedling plan, treated on Fri 20 Nov 2026, seen on
/// Mon 23 Nov 2026 (Day 3).
const DAY_3: &[&str] = &[
    "--today",
    "2026-11-23",
    "--guide",
    "needling",
    "--date",
    "2026-11-20",
];

/// The layout's fixed rows (0-based).
const HEADER_ROW: u16 = 0;
const TAB_ROW: u16 = 1;
const TITLE_ROW: u16 = 2;

/// The navigation row (Back / step / Next) is second from the bottom.
fn nav_row(pty: &Pty) -> u16 {
    pty.rows() - 2
}

/// Starts the Day 3 plan with `extra` arguments and waits for it to show.
fn open_day_3(extra: &[&str], cols: u16, rows: u16) -> Pty {
    let args: Vec<&str> = DAY_3.iter().chain(extra).copied().collect();
    let pty = Pty::spawn(&args, cols, rows);
    pty.wait_for("Step 7 of 9", TIMEOUT);
    pty
}

// ----- opening and walking -----

#[test]
fn opens_a_dated_plan_on_todays_aftercare() {
    let pty = open_day_3(&[], 80, 24);
    pty.wait_for("Day 3, Mon 23 Nov 2026", TIMEOUT);
    let screen = pty.snapshot();
    assert!(screen.text.contains("TODAY"), "{}", screen.text);
    assert!(
        screen.row(HEADER_ROW).contains("Today: Day 3"),
        "{}",
        screen.text
    );
    assert!(
        screen
            .row(TITLE_ROW)
            .contains("Aftercare, day by day · Day 3"),
        "{}",
        screen.text
    );
}

#[test]
fn keys_walk_back_through_the_days_jump_to_limits_and_when_to_call() {
    let mut pty = open_day_3(&[], 80, 24);
    for heading in [
        "Day 2, Sun 22 Nov 2026",
        "Day 1, Sat 21 Nov 2026",
        "Day 0, Fri 20 Nov 2026",
    ] {
        pty.send(LEFT);
        pty.wait_for(heading, TIMEOUT);
    }
    // Before the first day comes the procedure.
    pty.send(LEFT);
    pty.wait_for_row(TITLE_ROW, "Your treatment", TIMEOUT);
    pty.wait_for("Step 6 of 9", TIMEOUT);

    pty.send("6");
    pty.wait_for_row(TITLE_ROW, "Limits, day by day", TIMEOUT);
    pty.wait_for("TODAY (Day 3)", TIMEOUT);

    pty.send("!");
    pty.wait_for_row(TITLE_ROW, "When to call", TIMEOUT);
    pty.wait_for("Step 9 of 9", TIMEOUT);

    // Esc goes back to where `!` was pressed.
    pty.send(ESC);
    pty.wait_for_row(TITLE_ROW, "Limits, day by day", TIMEOUT);
    pty.wait_for("TODAY (Day 3)", TIMEOUT);
}

#[test]
fn help_window_opens_with_question_mark_and_closes_with_esc() {
    let mut pty = open_day_3(&[], 80, 24);
    assert!(!pty.screen().contains("Keys"), "{}", pty.screen());
    pty.send("?");
    pty.wait_for("┌ Keys ", TIMEOUT);
    // Its rows come from the key table.
    pty.wait_for("Next", TIMEOUT);
    pty.wait_for("Go to section", TIMEOUT);
    pty.send(ESC);
    pty.wait_until("the Keys window to close", TIMEOUT, |s| {
        !s.text.contains("Keys") && !s.text.contains("Go to section")
    });
    // The screen under it is back.
    pty.wait_for("Day 3, Mon 23 Nov 2026", TIMEOUT);
}

// ----- the terminal's size -----

#[test]
fn a_too_small_window_asks_for_more_room_and_resizing_back_restores_the_screen() {
    let mut pty = open_day_3(&[], 80, 24);
    pty.wait_for("Day 3, Mon 23 Nov 2026", TIMEOUT);

    pty.resize(30, 8);
    pty.wait_for("Make the window at least 40×12", TIMEOUT);
    assert!(!pty.screen().contains("Step 7 of 9"), "{}", pty.screen());

    pty.resize(100, 30);
    pty.wait_until("the Day 3 aftercare at 100x30", TIMEOUT, |s| {
        s.row(TITLE_ROW).contains("Aftercare, day by day · Day 3")
            && s.text.contains("Day 3, Mon 23 Nov 2026")
            && s.row(28).contains("Step 7 of 9")
            && !s.text.contains("Make the window")
    });
}

// ----- leaving: quit and signals -----

#[test]
fn q_quits_with_status_0_and_restores_the_terminal() {
    let mut pty = open_day_3(&[], 80, 24);
    // The raw-mode check below means something: the app is in raw mode now.
    assert!(is_raw(&pty), "not in raw mode: {}", pty.local_flags());
    pty.send("q");
    let status = pty.wait_exit(TIMEOUT);
    assert!(status.success(), "exit status {status}");

    assert_terminal_restored(&pty);
    let raw = pty.raw();
    let tail = escaped(&raw[raw.len().saturating_sub(300)..]);
    let on = find_bytes(&raw, MOUSE_ON, 0).expect("mouse capture was never enabled");
    let off = rfind_bytes(&raw, MOUSE_OFF)
        .unwrap_or_else(|| panic!("mouse capture never disabled; output ends: {tail}"));
    assert!(
        off > on,
        "mouse capture disabled before enabled; output ends: {tail}"
    );
}

/// Sends `signal` to a running app; it exits with 128 + the signal number,
/// with the terminal restored.
fn assert_signal_exits_cleanly(signal: &str, code: u32) {
    let mut pty = open_day_3(&[], 80, 24);
    pty.signal(signal);
    let status = pty.wait_exit(TIMEOUT);
    assert_eq!(status.signal(), None, "killed by {status}, not handled");
    assert_eq!(status.exit_code(), code, "exit status after SIG{signal}");
    assert_terminal_restored(&pty);
}

#[test]
fn sigterm_exits_143_and_restores_the_terminal() {
    assert_signal_exits_cleanly("TERM", 128 + 15);
}

#[test]
fn sighup_exits_129_and_restores_the_terminal() {
    assert_signal_exits_cleanly("HUP", 128 + 1);
}

// ----- hostile input -----

/// A few KB of deterministic noise: printable keys, control bytes, high
/// bytes and escape-sequence fragments, without `q` and Ctrl-C (which quit).
fn garbage(len: usize) -> Vec<u8> {
    const FRAGMENTS: &[&[u8]] = &[
        b"\x1b",
        b"\x1b[",
        b"\x1b[1;",
        b"\x1b[1;5",
        b"\x1b[<",
        b"\x1b[<0;",
        b"\x1b[<64;3;",
        b"\x1b[M",
        b"\x1bO",
        b"\x1b]",
        b"\x1b[?",
        b"\x1b[99999999999999999999;",
        b"\x1b[27;",
        b"\xe2\x96",
        b"\xf0\x9f",
        b"\xff\xfe",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        // Knuth's MMIX linear congruential generator.
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as u32
    };
    let mut out = Vec::with_capacity(len + 32);
    while out.len() < len {
        let r = next();
        if r % 8 == 0 {
            out.extend_from_slice(FRAGMENTS[(next() as usize) % FRAGMENTS.len()]);
        } else {
            out.push((next() & 0xff) as u8);
        }
    }
    out.retain(|&b| b != b'q' && b != 0x03);
    out
}

#[test]
fn garbage_input_does_not_crash_or_quit() {
    let mut pty = open_day_3(&[], 80, 24);
    let noise = garbage(4096);
    assert!(!noise.contains(&b'q') && !noise.contains(&0x03));
    for chunk in noise.chunks(256) {
        pty.send_bytes(chunk);
    }
    // This noise ends inside an unfinished `ESC [ < 0 ;` mouse report: the
    // app drops it after a pause (see
    // `an_unfinished_mouse_report_does_not_swallow_later_keys`).
    thread::sleep(Duration::from_millis(100));
    // Close whatever the noise opened (search prompt, windows).
    for _ in 0..4 {
        pty.send(ESC);
    }
    // The header is still drawn (in whichever language the noise chose; it
    // may also have cleared the treatment date).
    pty.wait_until("the header line", TIMEOUT, |s| {
        let header = s.row(HEADER_ROW).to_lowercase();
        header.contains("microneedling") || header.contains("microagujas")
    });
    assert!(pty.is_running(), "careguide exited on garbage input");

    pty.send("q");
    let status = pty.wait_exit(TIMEOUT);
    assert!(status.success(), "exit status {status}");
    assert_terminal_restored(&pty);
}

/// With no export folder set, `e` and `c` save the take-home page and the
/// calendar in the home folder's `careguide/` (the child's own home: see
/// `SpawnOptions`), and say so.
#[test]
fn take_home_copies_go_to_the_home_folder_by_default() {
    let mut pty = open_day_3(&[], 120, 24);
    let folder = pty
        .home()
        .expect("the harness's home folder")
        .join("careguide");
    pty.send("e");
    pty.wait_for("Saved the take-home copy", TIMEOUT);
    pty.send("c");
    pty.wait_for("Saved the reminders", TIMEOUT);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the careguide folder in the home folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "careguide-needling-2026-11-20.en.html",
            "careguide-needling-2026-11-20.en.ics"
        ]
    );
    pty.send("q");
    assert!(pty.wait_exit(TIMEOUT).success());
}

/// Regression test: after an unfinished SGR mouse report (`ESC [ < 0 ;`
/// with no final `M`/`m`), crossterm's own input parser waited for the final
/// byte and swallowed every key, so Esc, `q` and Ctrl-C did nothing. The
/// app's decoder drops an unfinished sequence after a short pause.
#[test]
fn an_unfinished_mouse_report_does_not_swallow_later_keys() {
    let mut pty = open_day_3(&[], 80, 24);
    pty.send_bytes(b"\x1b[<0;");
    thread::sleep(Duration::from_millis(100));
    pty.send(ESC);
    pty.send("q");
    let status = pty.wait_exit(Duration::from_secs(2));
    assert!(status.success(), "exit status {status}");
}

// ----- the mouse -----

#[test]
fn clicking_a_tab_and_the_next_button_moves() {
    let mut pty = open_day_3(&[], 80, 24);
    let col = pty
        .find_in_row(TAB_ROW, "6 Limits")
        .unwrap_or_else(|| panic!("no `6 Limits` tab on row {TAB_ROW}:\n{}", pty.screen()));
    pty.click(col + 1, TAB_ROW);
    pty.wait_for_row(TITLE_ROW, "Limits, day by day", TIMEOUT);
    pty.wait_for("Step 8 of 9", TIMEOUT);

    let row = nav_row(&pty);
    let col = pty
        .find_in_row(row, "[Next ▶]")
        .unwrap_or_else(|| panic!("no [Next ▶] button on row {row}:\n{}", pty.screen()));
    pty.click(col + 1, row);
    pty.wait_for_row(TITLE_ROW, "When to call", TIMEOUT);
    pty.wait_for("Step 9 of 9", TIMEOUT);
}

#[test]
fn no_mouse_never_enables_mouse_capture() {
    let mut pty = open_day_3(&["--no-mouse"], 80, 24);
    pty.send("q");
    let status = pty.wait_exit(TIMEOUT);
    assert!(status.success(), "exit status {status}");
    let raw = pty.raw();
    assert_eq!(
        find_bytes(&raw, MOUSE_ON, 0),
        None,
        "--no-mouse enabled mouse capture"
    );
    assert_terminal_restored(&pty);
}

// ----- choosing a guide and a date -----

#[test]
fn picker_then_date_screen_rejects_a_bad_date_and_takes_a_good_one() {
    let mut pty = Pty::spawn(&["--today", "2026-11-23"], 80, 24);
    pty.wait_for_row(TITLE_ROW, "Choose a guide", TIMEOUT);
    pty.send(ENTER);
    pty.wait_for_row(TITLE_ROW, "Treatment date", TIMEOUT);

    pty.send("2026-02-30");
    pty.wait_for("[2026-02-30", TIMEOUT);
    pty.send(ENTER);
    pty.wait_for("February 2026 has 28 days", TIMEOUT);
    assert!(pty.row(TITLE_ROW).contains("Treatment date"));

    pty.send(&BACKSPACE.repeat(10));
    pty.wait_until("the date field to be empty", TIMEOUT, |s| {
        !s.text.contains("[2026") && !s.text.contains("28 days")
    });
    // US style, with slashes: typed into the field, not a search.
    pty.send("11/20/2026");
    pty.wait_for("[11/20/2026", TIMEOUT);
    pty.send(ENTER);
    // A treatment in the past opens today's aftercare.
    pty.wait_for_row(TITLE_ROW, "Aftercare", TIMEOUT);
    pty.wait_for_row(HEADER_ROW, "Today: Day 3", TIMEOUT);
}
