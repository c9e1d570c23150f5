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
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::layout::Rect;

use careguide::app::{Action, App, Mode, Options, Overlay, Screen};
use careguide::guide::{GuideSource, Library};
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

fn random_key(rng: &mut Rng) -> KeyEvent {
    let code = match rng.below(10) {
        0..=4 => KeyCode::Char(*rng.pick(CHARS)),
        5 => *rng.pick(&[
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
        ]),
        6 | 7 => *rng.pick(&[KeyCode::Left, KeyCode::Right, KeyCode::Up, KeyCode::Down]),
        8 => *rng.pick(&[
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Delete,
            KeyCode::Insert,
            KeyCode::Null,
            KeyCode::CapsLock,
        ]),
        _ => KeyCode::F(1 + rng.below(12) as u8),
    };
    let mut modifiers = KeyModifiers::NONE;
    if rng.chance(10) {
        modifiers |= KeyModifiers::CONTROL;
    }
    if rng.chance(6) {
        modifiers |= KeyModifiers::ALT;
    }
    if rng.chance(10) {
        modifiers |= KeyModifiers::SHIFT;
    }
    let kind = match rng.below(20) {
        0 => KeyEventKind::Release,
        1 => KeyEventKind::Repeat,
        _ => KeyEventKind::Press,
    };
    KeyEvent {
        code,
        modifiers,
        kind,
        state: KeyEventState::NONE,
    }
}

fn random_event(rng: &mut Rng, size: (u16, u16)) -> Option<Event> {
    Some(match rng.below(100) {
        0..=59 => Event::Key(random_key(rng)),
        60..=81 => {
            let kind = *rng.pick(&[
                MouseEventKind::Down(MouseButton::Left),
                MouseEventKind::Down(MouseButton::Left),
                MouseEventKind::Down(MouseButton::Left),
                MouseEventKind::Down(MouseButton::Right),
                MouseEventKind::Up(MouseButton::Left),
                MouseEventKind::Drag(MouseButton::Left),
                MouseEventKind::Moved,
                MouseEventKind::ScrollDown,
                MouseEventKind::ScrollUp,
                MouseEventKind::ScrollLeft,
            ]);
            Event::Mouse(MouseEvent {
                kind,
                column: rng.below(u64::from(size.0) + 4) as u16,
                row: rng.below(u64::from(size.1) + 4) as u16,
                modifiers: KeyModifiers::NONE,
            })
        }
        82..=89 => {
            // Mostly ordinary sizes, sometimes tiny or huge.
            let (w, h) = match rng.below(4) {
                0 => (1 + rng.below(300) as u16, 1 + rng.below(100) as u16),
                1 => (1 + rng.below(12) as u16, 1 + rng.below(6) as u16),
                _ => (40 + rng.below(100) as u16, 12 + rng.below(40) as u16),
            };
            Event::Resize(w, h)
        }
        90..=93 => {
            let len = rng.below(40) as usize;
            let text: String = (0..len).map(|_| *rng.pick(CHARS)).collect();
            Event::Paste(text)
        }
        _ => return None, // time passes
    })
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
fn check_invariants(app: &App, view: &View, area: Rect, mode: Mode, event: &str) {
    let g = app.guide();
    assert!(
        app.steps().contains(&app.screen),
        "{:?} is not a step ({event})",
        app.screen
    );
    assert!(
        app.day < g.aftercare.len(),
        "day {} out of range ({event})",
        app.day
    );
    let rows = match app.screen {
        Screen::Picker => app.picker_rows().len(),
        Screen::Preparation => app.prep_items().len(),
        Screen::Path => 2,
        _ => 1,
    };
    assert!(
        app.cursor < rows.max(1),
        "cursor {} of {rows} on {:?} ({event})",
        app.cursor,
        app.screen
    );
    if let Some(Overlay::Index { cursor }) = app.overlay {
        assert!(
            cursor < app.index_entries().len(),
            "index cursor out of range ({event})"
        );
    }
    if mode == Mode::Kiosk {
        assert!(!app.quit, "the kiosk quit without the PIN ({event})");
        assert!(
            app.effect != Some(careguide::app::Effect::Export),
            "the kiosk exported ({event})"
        );
        assert!(!app.show_teach_back);
    }
    for (rect, _) in &view.hits {
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
    for (mode, language) in &combos {
        let start = Instant::now();
        let mut now = start;
        let mut app = fresh(&library, *mode, language, now);
        let mut size = (80u16, 24u16);
        let mut buf = Buffer::empty(Rect::new(0, 0, size.0, size.1));
        let mut view = ui::render(&app, &theme, buf.area, &mut buf);
        for i in 0..per_combo {
            let event = random_event(&mut rng, size);
            let label = format!("event {i} {event:?} on {:?}", app.screen);
            match &event {
                None => {
                    now += Duration::from_millis(rng.below(90_000));
                    app.now = now;
                    app.update(Action::Tick);
                }
                Some(Event::Resize(w, h)) => size = (*w, *h),
                Some(ev) => {
                    now += Duration::from_millis(rng.below(500));
                    app.now = now;
                    if let Some(action) = careguide::input::action_for(&app, &view, ev) {
                        app.update(action);
                    }
                }
            }
            // Carry out what the event loop would (without touching disk).
            if app.effect.take().is_some() {
                app.message = Some("done".into());
            }
            if app.quit {
                assert_eq!(*mode, Mode::Practitioner, "{label}");
                quits += 1;
                app = fresh(&library, *mode, language, now);
            }
            if *mode == Mode::Kiosk && app.screen == Screen::Welcome {
                resets += 1;
            }
            screens.insert(app.screen);
            let area = Rect::new(0, 0, size.0, size.1);
            if buf.area != area {
                buf = Buffer::empty(area);
            } else {
                buf.reset();
            }
            let theme = if i % 7 == 0 { &mono } else { &theme };
            view = ui::render(&app, theme, area, &mut buf);
            app.sync_view(view.scroll, view.overlay_scroll);
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
        Screen::Timeline,
        Screen::WhenToCall,
    ] {
        assert!(
            screens.contains(&screen),
            "the monkey never reached {screen:?}"
        );
    }
    assert!(quits > 0, "practitioner `q` was never pressed");
    assert!(resets > 0, "the kiosk never started over");
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
