//! Monkey tests: a seeded stream of random terminal events (keys with
//! modifiers, clicks and drags on random cells, wheel, resizes from 1×1 to
//! 300×100, pastes, passing time) through the real input path, on every
//! screen, in both modes, in every shipped guide's languages. Nothing may
//! panic, and the invariants below must hold after every event.
//!
//! `cargo test --test monkey` runs 100,000 events; `CAREGUIDE_MONKEY_EVENTS=1000000`
//! (and optionally `CAREGUIDE_MONKEY_SEED=n`) runs a longer one.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::civil::date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use careguide::app::{Action, App, Effect, Mode, Options, Overlay, Screen};
use careguide::guide::{GuideSource, Library};
use careguide::input::decoder::{Decoder, ESCAPE_TIMEOUT};
use careguide::ui::{self, Theme, ThemeName, View};

/// xorshift64*: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const CHARS: &[char] = &[
    'a', 'e', 'g', 'G', 'h', 'j', 'k', 'l', 'n', 'N', 'q', 'Q', 'r', 's', 't', 'w', 'a', 'p', 'e',
    'L', '?', '!', '/', '[', ']', '+', '-', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', ' ',
    'é', 'ñ', '中', '😀', '\u{1b}', '\u{7f}', '\u{202e}',
];

/// Keys a terminal can send, as bytes (xterm encodings, with modifiers).
fn random_key_bytes(rng: &mut Rng) -> Vec<u8> {
    let ctrl = rng.chance(10);
    let alt = rng.chance(6);
    let shift = rng.chance(10);
    let param = 1 + u8::from(shift) + 2 * u8::from(alt) + 4 * u8::from(ctrl);
    let csi = |final_byte: char| {
        if param > 1 {
            format!("\x1b[1;{param}{final_byte}").into_bytes()
        } else {
            format!("\x1b[{final_byte}").into_bytes()
        }
    };
    let tilde = |n: u8| {
        if param > 1 {
            format!("\x1b[{n};{param}~").into_bytes()
        } else {
            format!("\x1b[{n}~").into_bytes()
        }
    };
    let mut bytes = match rng.below(10) {
        0..=4 => {
            let c = *rng.pick(CHARS);
            if ctrl && c.is_ascii_alphabetic() {
                vec![(c.to_ascii_lowercase() as u8) & 0x1f]
            } else {
                c.to_string().into_bytes()
            }
        }
        5 => rng
            .pick(&[
                &b"\r"[..],
                b"\x1b",
                b"\t",
                b"\x1b[Z",
                b"\x7f",
                b"\x08",
                b"\n",
            ])
            .to_vec(),
        6 | 7 => csi(*rng.pick(&['A', 'B', 'C', 'D'])),
        8 => match rng.below(8) {
            0 => csi('H'),
            1 => csi('F'),
            2 => tilde(5),
            3 => tilde(6),
            4 => tilde(3),
            5 => tilde(2),
            6 => b"\x1bOH".to_vec(),
            _ => b"\x1b[1~".to_vec(),
        },
        _ => {
            let n = rng.below(12) as u8;
            match n {
                0..=3 => vec![0x1b, b'O', b'P' + n],
                _ => tilde([15, 17, 18, 19, 20, 21, 23, 24][usize::from(n - 4)]),
            }
        }
    };
    if alt && bytes.len() == 1 {
        bytes.insert(0, 0x1b);
    }
    bytes
}

/// A mouse report (SGR, sometimes the old X10 form).
fn random_mouse_bytes(rng: &mut Rng, size: (u16, u16)) -> Vec<u8> {
    let button = *rng.pick(&[0u16, 0, 0, 2, 32, 35, 64, 65, 66]);
    let x = 1 + rng.below(u64::from(size.0) + 4);
    let y = 1 + rng.below(u64::from(size.1) + 4);
    if rng.chance(10) {
        let enc = |v: u64| u8::try_from(v + 32).unwrap_or(255);
        return vec![
            0x1b,
            b'[',
            b'M',
            (button as u8).wrapping_add(32),
            enc(x),
            enc(y),
        ];
    }
    let end = if rng.chance(30) { 'm' } else { 'M' };
    format!("\x1b[<{button};{x};{y}{end}").into_bytes()
}

/// Bytes no terminal should send: cut-off sequences, stray bytes, invalid
/// UTF-8, overlong parameters.
fn random_garbage(rng: &mut Rng) -> Vec<u8> {
    match rng.below(5) {
        0 => b"\x1b[<0;12".to_vec(),
        1 => (0..rng.below(12)).map(|_| rng.below(256) as u8).collect(),
        2 => b"\x1b[999999999999999999;1H".to_vec(),
        3 => vec![0xc3, 0x28, 0xff, 0xfe],
        _ => b"\x1b]0;title\x07".to_vec(),
    }
}

/// What happens next: bytes from the terminal, a resize, or time passing.
enum Step {
    Bytes(Vec<u8>),
    Resize(u16, u16),
    Wait,
}

fn random_step(rng: &mut Rng, size: (u16, u16)) -> Step {
    match rng.below(100) {
        0..=57 => Step::Bytes(random_key_bytes(rng)),
        58..=79 => Step::Bytes(random_mouse_bytes(rng, size)),
        80..=81 => Step::Bytes(random_garbage(rng)),
        82..=89 => {
            // Mostly ordinary sizes, sometimes tiny or huge.
            let (w, h) = match rng.below(4) {
                0 => (1 + rng.below(300) as u16, 1 + rng.below(100) as u16),
                1 => (1 + rng.below(12) as u16, 1 + rng.below(6) as u16),
                _ => (40 + rng.below(100) as u16, 12 + rng.below(40) as u16),
            };
            Step::Resize(w, h)
        }
        90..=93 => {
            let len = rng.below(40) as usize;
            let text: String = (0..len).map(|_| *rng.pick(CHARS)).collect();
            Step::Bytes(format!("\x1b[200~{text}\x1b[201~").into_bytes())
        }
        _ => Step::Wait,
    }
}

fn library() -> Library {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app");
    Library::load(&GuideSource::Dir(dir)).unwrap()
}

fn fresh(library: &Library, mode: Mode, language: &str, now: Instant) -> App {
    // A 12-digit PIN no random stream will type after the staff chord.
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash = HASH.get_or_init(|| careguide::pin::hash_pin("730194826351").unwrap());
    let options = Options {
        mode,
        language: Some(language.into()),
        addons: vec!["prp".into()],
        treatment_date: Some(date(2026, 11, 20)),
        idle_timeout: Duration::from_secs(60),
        staff_pin_hash: Some(hash.clone()),
        can_print: true,
        ..Options::new(date(2026, 11, 23))
    };
    App::new(library.clone(), options, now).unwrap()
}

/// What must hold after every event.
#[allow(clippy::too_many_arguments)]
fn check_invariants(app: &App, view: &View, area: Rect, mode: Mode, event: &str) {
    let g = app.guide();
    assert!(
        app.steps().contains(&app.nav.screen),
        "{:?} is not a step ({event})",
        app.nav.screen
    );
    assert!(
        app.nav.day < g.aftercare.len(),
        "day {} out of range ({event})",
        app.nav.day
    );
    let rows = match app.nav.screen {
        Screen::Picker => app.picker_rows().len(),
        Screen::Preparation => app.prep_items().len(),
        Screen::Path => 2,
        _ => 1,
    };
    assert!(
        app.nav.cursor < rows.max(1),
        "cursor {} of {rows} on {:?} ({event})",
        app.nav.cursor,
        app.nav.screen
    );
    if let Some(Overlay::Index { cursor }) = app.overlays.open {
        assert!(
            cursor < app.index_entries().len(),
            "index cursor out of range ({event})"
        );
    }
    if mode == Mode::Kiosk {
        assert!(!app.notices.show_teach_back);
    }
    for (rect, _) in view.hits.iter() {
        let inside = rect.x >= area.x
            && rect.y >= area.y
            && rect.right() <= area.right()
            && rect.bottom() <= area.bottom();
        assert!(
            inside || rect.area() == 0,
            "a clickable area {rect:?} outside {area:?} ({event})"
        );
    }
}

/// Checks the effects an action asked for; true when the app quits.
fn handle(effects: &[Effect], mode: Mode, label: &str) -> bool {
    let mut quit = false;
    for effect in effects {
        match effect {
            Effect::Quit(_) => {
                assert_eq!(
                    mode,
                    Mode::Practitioner,
                    "the kiosk quit without the PIN ({label})"
                );
                quit = true;
            }
            Effect::Export | Effect::ExportCalendar => {
                assert_eq!(mode, Mode::Practitioner, "the kiosk wrote a file ({label})")
            }
            // Printing (when the clinic set a print command) writes nothing.
            Effect::Print(_) | Effect::Bell | Effect::Speak { .. } | Effect::StopSpeech => {}
        }
    }
    quit
}

fn monkey(events: u64, seed: u64) {
    let library = library();
    let theme = Theme::new(ThemeName::Dark, false);
    let mono = Theme::new(ThemeName::HighContrast, true);
    let combos: Vec<(Mode, String)> = [Mode::Practitioner, Mode::Kiosk]
        .into_iter()
        .flat_map(|m| {
            library
                .languages()
                .into_iter()
                .map(move |l| (m, l.to_string()))
        })
        .collect();
    let per_combo = events / combos.len() as u64;
    let mut rng = Rng(seed | 1);
    let (mut quits, mut resets, mut screens) = (0, 0, std::collections::BTreeSet::new());
    let mut decoded = 0u64;
    for (mode, language) in &combos {
        let start = Instant::now();
        let mut now = start;
        let mut app = fresh(&library, *mode, language, now);
        let mut size = (80u16, 24u16);
        let mut buf = Buffer::empty(Rect::new(0, 0, size.0, size.1));
        let mut view = ui::render(&app, &theme, buf.area, &mut buf);
        let mut decoder = Decoder::new();
        for i in 0..per_combo {
            let step = random_step(&mut rng, size);
            let label = format!("step {i} on {:?}", app.nav.screen);
            let mut events = Vec::new();
            match step {
                Step::Wait => {
                    now += Duration::from_millis(rng.below(90_000));
                    app.set_time(now, app.today());
                    // The loop wakes after the escape timeout first.
                    events.extend(decoder.flush());
                    let before = app.nav.screen;
                    let effects = app.update(Action::Tick);
                    handle(&effects, *mode, &label);
                    if *mode == Mode::Kiosk
                        && before != Screen::Welcome
                        && app.nav.screen == Screen::Welcome
                    {
                        resets += 1;
                    }
                }
                Step::Resize(w, h) => size = (w, h),
                Step::Bytes(bytes) => {
                    // Arrive in pieces; sometimes a piece comes later than
                    // the decoder waits for it.
                    let mut rest = &bytes[..];
                    while !rest.is_empty() {
                        let cut = 1 + rng.below(rest.len() as u64) as usize;
                        events.extend(decoder.feed(&rest[..cut]));
                        rest = &rest[cut..];
                        if !rest.is_empty() && rng.chance(5) {
                            events.extend(decoder.flush());
                        }
                    }
                    let pause = Duration::from_millis(rng.below(500));
                    now += pause;
                    app.set_time(now, app.today());
                    if pause > ESCAPE_TIMEOUT {
                        events.extend(decoder.flush());
                    }
                }
            }
            for ev in &events {
                if let Some(action) = careguide::input::action_for(&app, &view, ev) {
                    let effects = app.update(action);
                    if handle(&effects, *mode, &label) {
                        quits += 1;
                        app = fresh(&library, *mode, language, now);
                    }
                }
            }
            decoded += events.len() as u64;
            screens.insert(app.nav.screen);
            let area = Rect::new(0, 0, size.0, size.1);
            if buf.area != area {
                buf = Buffer::empty(area);
            } else {
                buf.reset();
            }
            let theme = if i % 7 == 0 { &mono } else { &theme };
            view = ui::render(&app, theme, area, &mut buf);
            app.sync_view(&view);
            check_invariants(&app, &view, area, *mode, &label);
        }
        eprintln!(
            "monkey: {mode:?}/{language}: {per_combo} events in {:?}",
            start.elapsed()
        );
    }
    // The stream really went everywhere.
    for screen in [
        Screen::Welcome,
        Screen::Picker,
        Screen::Path,
        Screen::Date,
        Screen::Overview,
        Screen::Preparation,
        Screen::Numbing,
        Screen::Procedure,
        Screen::Aftercare,
        Screen::Restrictions,
        Screen::WhenToCall,
    ] {
        assert!(
            screens.contains(&screen),
            "the monkey never reached {screen:?}"
        );
    }
    assert!(quits > 0, "practitioner `q` was never pressed");
    assert!(resets > 0, "the kiosk never forgot a patient by itself");
    assert!(
        decoded > events / 2,
        "the decoder turned too few of the bytes into events: {decoded}"
    );
}

#[test]
fn a_hundred_thousand_random_events_break_nothing() {
    let events = std::env::var("CAREGUIDE_MONKEY_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let seed = std::env::var("CAREGUIDE_MONKEY_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_CA4E_6A1D);
    monkey(events, seed);
}

/// Every sequence a terminal sends decodes the same however the bytes are
/// cut into reads; cut by a pause longer than the decoder waits, it may be
/// lost, but the key typed after it always arrives.
#[test]
fn every_sequence_split_at_every_offset() {
    let mut sequences: Vec<Vec<u8>> = vec![
        b"\x1b[A".to_vec(),
        b"\x1b[1;5C".to_vec(),
        b"\x1bOP".to_vec(),
        b"\x1b[15~".to_vec(),
        b"\x1b[6;2~".to_vec(),
        b"\x1b[Z".to_vec(),
        b"\x1b[<0;12;7M".to_vec(),
        b"\x1b[<64;1;1M".to_vec(),
        b"\x1b[<0;300;100m".to_vec(),
        vec![0x1b, b'[', b'M', 32, 33 + 10, 33 + 5],
        b"\x1b[200~pasted \xc3\xa9 text\x1b[201~".to_vec(),
        "ñ".as_bytes().to_vec(),
        "😀".as_bytes().to_vec(),
        b"\x1bx".to_vec(),
    ];
    let mut rng = Rng(42);
    for _ in 0..200 {
        sequences.push(random_key_bytes(&mut rng));
        sequences.push(random_mouse_bytes(&mut rng, (80, 24)));
    }
    // Alt+[ and Alt+O are the start of a sequence as well: no terminal
    // protocol can tell them apart, so they are not part of this check.
    sequences.retain(|s| s[..] != b"\x1b["[..] && s[..] != b"\x1bO"[..]);
    for seq in &sequences {
        let mut whole = Decoder::new();
        let mut expected = whole.feed(seq);
        expected.extend(whole.flush());
        assert!(!expected.is_empty(), "{seq:?} means something");
        for cut in 1..seq.len() {
            // Two reads in quick succession: the same events.
            let mut d = Decoder::new();
            let mut got = d.feed(&seq[..cut]);
            got.extend(d.feed(&seq[cut..]));
            got.extend(d.flush());
            assert_eq!(got, expected, "{seq:?} cut at {cut}");
            // The rest arrives after the timeout: whatever the head meant,
            // a key typed next is not swallowed.
            let mut d = Decoder::new();
            d.feed(&seq[..cut]);
            d.flush();
            let mut after = d.feed(&seq[cut..]);
            after.extend(d.feed(b"q"));
            after.extend(d.flush());
            assert!(
                after.last().is_some_and(|e| matches!(
                    e,
                    ratatui::crossterm::event::Event::Key(k)
                        if k.code == ratatui::crossterm::event::KeyCode::Char('q')
                )),
                "{seq:?} cut at {cut} by a pause swallowed the next key: {after:?}"
            );
        }
    }
}
