//! The kiosk without a terminal: an injected clock drives the idle warning
//! and reset, and every lock-down key goes through the real key table.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use careguide::app::{
    Action, App, Effect, Idle, KioskPath, KioskSession, Mode, Options, Overlay, Screen,
};
use careguide::guide::{GuideSource, Library};
use careguide::input::keymap;
use careguide::ui::hit_map::Target;
use careguide::ui::{self, Theme, ThemeName, View};

fn kiosk_with(hash: Option<String>, timeout: u64) -> App {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app");
    let library = Library::load(&GuideSource::Dir(dir)).unwrap();
    let options = Options {
        mode: Mode::Kiosk,
        idle_timeout: Duration::from_secs(timeout),
        staff_pin_hash: hash,
        ..Options::new(date(2026, 11, 23))
    };
    App::new(library, options, Instant::now()).unwrap()
}

fn kiosk() -> App {
    kiosk_with(None, 180)
}

fn draw(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut view = View::default();
    terminal
        .draw(|f| view = ui::draw(app, &Theme::new(ThemeName::HighContrast, false), f))
        .unwrap();
    app.sync_view(&view);
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

/// Ctrl+Alt+S, the staff exit.
fn staff_chord() -> KeyEvent {
    key(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    )
}

/// Presses a key through the real key table; true when the app asked to quit.
fn press(app: &mut App, k: KeyEvent) -> bool {
    keymap::action_for(app, &k).is_some_and(|action| quits(app.update(action)))
}

fn quits(effects: Vec<Effect>) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Quit(_)))
}

/// The patient of the issue: Spanish, treated 3 days ago, reads today's
/// aftercare. Returns the app where they left it.
fn patient_walk(app: &mut App) {
    app.update(Action::SetLanguage("es".into()));
    assert!(draw(app).contains("Presione una tecla"));
    app.update(Action::Next); // welcome → guide picker
    assert_eq!(app.nav.screen, Screen::Picker);
    app.update(Action::CursorDown);
    app.update(Action::Toggle); // tick "con PRP"
    assert_eq!(app.content.addons, ["prp"]);
    app.update(Action::Next); // → path
    assert_eq!(app.nav.screen, Screen::Path);
    app.update(Action::ChoosePath(KioskPath::Treated));
    assert_eq!(app.nav.screen, Screen::Date);
    app.update(Action::DaysAgo(3));
    assert_eq!(app.content.treatment_date, Some(date(2026, 11, 20)));
    assert_eq!(app.nav.screen, Screen::Aftercare);
    let text = draw(app);
    assert!(text.contains("Día 3, lun 23 nov 2026"), "{text}");
    assert!(text.contains("HOY"));
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
}

#[test]
fn a_patient_walks_away_and_the_kiosk_forgets_them() {
    let mut app = kiosk();
    let t0 = app.now();
    assert_eq!(
        app.idle(),
        Idle::Off,
        "a fresh welcome screen has nothing to forget"
    );
    assert_eq!(app.next_wakeup(), None, "so the loop sleeps until input");
    patient_walk(&mut app);
    let walked_away = app.now();
    assert_eq!(app.idle(), Idle::Counting);
    // It wakes only when the warning is due: 180 s - 30 s.
    assert_eq!(app.next_wakeup(), Some(Duration::from_secs(150)));

    app.set_time(walked_away + Duration::from_secs(149), app.today());
    app.update(Action::Tick);
    assert_eq!(app.idle(), Idle::Counting);
    assert!(!draw(&mut app).contains("¿Sigue ahí?"));

    app.set_time(walked_away + Duration::from_secs(151), app.today());
    app.update(Action::Tick);
    assert_eq!(app.idle(), Idle::Warning(29));
    let text = draw(&mut app);
    assert!(text.contains("¿Sigue ahí?"), "{text}");
    assert!(text.contains("Se empieza de nuevo en 29 segundos"));
    assert!(
        app.next_wakeup().unwrap() <= Duration::from_secs(1),
        "the countdown redraws each second"
    );

    // The last second in the singular (Spanish plural rules, through Fluent).
    app.set_time(walked_away + Duration::from_secs(179), app.today());
    app.update(Action::Tick);
    assert_eq!(app.idle(), Idle::Warning(1));
    let text = draw(&mut app);
    assert!(text.contains("Se empieza de nuevo en 1 segundo"), "{text}");
    assert!(!text.contains("1 segundos"), "{text}");

    app.set_time(walked_away + Duration::from_secs(180), app.today());
    app.update(Action::Tick);
    // Back at the welcome screen, in the default language, with nothing of
    // the patient left.
    let fresh = kiosk();
    assert_eq!(app.nav.screen, Screen::Welcome);
    assert_eq!(app.content.language, "en");
    assert!(app.content.addons.is_empty());
    assert_eq!(app.content.treatment_date, None);
    assert_eq!(app.plan().treatment_date, None);
    assert!(app.date.text.is_empty());
    assert!(app.checklist.ticked.is_empty());
    assert_eq!(app.kiosk.path, None);
    assert_eq!((app.nav.scroll, app.nav.cursor, app.nav.day), (0, 0, 0));
    assert_eq!(app.overlays.open, None);
    assert!(app.search.query.is_empty());
    assert_eq!(app.plan().addons, fresh.plan().addons);
    assert_eq!(app.idle(), Idle::Off);
    assert_eq!(app.next_wakeup(), None);
    assert!(draw(&mut app).contains("Press any key or touch the screen to start"));
    assert!(t0 <= app.now());
}

#[test]
fn any_input_during_the_warning_keeps_reading_and_does_nothing_else() {
    let mut app = kiosk();
    patient_walk(&mut app);
    let day = app.nav.day;
    let base = app.now();
    app.set_time(base + Duration::from_secs(170), app.today());
    app.update(Action::Tick);
    assert!(matches!(app.idle(), Idle::Warning(_)));
    app.update(Action::Next); // the patient touches the screen
    assert_eq!(app.idle(), Idle::Counting, "the warning is gone");
    assert_eq!(
        (app.nav.screen, app.nav.day),
        (Screen::Aftercare, day),
        "the touch did not also turn the page"
    );
    // A full timeout later it would reset; just before, it has not.
    app.set_time(base + Duration::from_secs(170 + 179), app.today());
    app.update(Action::Tick);
    assert_eq!(app.nav.screen, Screen::Aftercare);
}

#[test]
fn ticks_and_choices_on_the_getting_ready_path_are_cleared_too() {
    let mut app = kiosk();
    to_the_path(&mut app, KioskPath::GettingReady);
    assert_eq!(
        app.nav.screen,
        Screen::Date,
        "getting ready asks the date too"
    );
    let text = draw(&mut app);
    assert!(text.contains("When is your treatment?"), "{text}");
    assert!(text.contains("In 5 days"), "{text}");
    app.update(Action::DaysAgo(-5));
    assert_eq!(app.content.treatment_date, Some(date(2026, 11, 28)));
    assert_eq!(app.nav.screen, Screen::Overview);
    app.update(Action::Next);
    assert_eq!(app.nav.screen, Screen::Preparation);
    app.update(Action::Toggle);
    app.update(Action::ToggleItem(app.prep_items().len() - 1)); // a screening "yes"
    assert_eq!(app.checklist.ticked.len(), 2);
    assert!(draw(&mut app).contains("STOP"));
    app.set_time(app.now() + Duration::from_secs(181), app.today());
    app.update(Action::Tick);
    assert_eq!(app.nav.screen, Screen::Welcome);
    assert!(app.checklist.ticked.is_empty());
    assert!(app.screening_yes().is_empty());
}

#[test]
fn the_warning_is_the_last_third_of_a_short_timeout() {
    let mut app = kiosk_with(None, 12);
    app.update(Action::Next);
    let t = app.now();
    app.set_time(t + Duration::from_secs(7), app.today());
    assert_eq!(app.idle(), Idle::Counting);
    app.set_time(t + Duration::from_secs(8), app.today());
    assert_eq!(app.idle(), Idle::Warning(4));
}

#[test]
fn lock_down_keys_never_quit_or_suspend() {
    let mut app = kiosk();
    app.update(Action::Next); // past the welcome screen, where any key starts
    let before = app.nav.screen;
    let ctrl = KeyModifiers::CONTROL;
    let mut keys = vec![
        key(KeyCode::Char('q'), KeyModifiers::NONE),
        key(KeyCode::Esc, KeyModifiers::NONE),
        key(KeyCode::Char('c'), ctrl),
        key(KeyCode::Char('z'), ctrl),
        key(KeyCode::Char('\\'), ctrl),
        key(KeyCode::Char('4'), ctrl),
        key(KeyCode::Char('d'), ctrl),
        key(KeyCode::Char('Q'), KeyModifiers::SHIFT),
    ];
    keys.extend((1..=12).map(|n| key(KeyCode::F(n), KeyModifiers::NONE)));
    for k in keys {
        assert!(!press(&mut app, k), "{k:?} must not quit the kiosk");
        assert_eq!(app.nav.screen, before, "{k:?} must not leave the screen");
    }
    // Esc still closes a window.
    app.update(Action::OpenHelp);
    assert!(!press(&mut app, key(KeyCode::Esc, KeyModifiers::NONE)));
    assert_eq!(app.overlays.open, None);
}

#[test]
fn staff_exit_needs_the_right_pin() {
    let hash = careguide::pin::hash_pin("2468").unwrap();
    let mut app = kiosk_with(Some(hash), 180);
    let chord = staff_chord();
    press(&mut app, chord);
    assert_eq!(app.overlays.open, Some(Overlay::Pin));
    let text = draw(&mut app);
    assert!(text.contains("Staff PIN:"));
    for c in "1111".chars() {
        press(&mut app, key(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert!(draw(&mut app).contains("••••"), "digits show as dots");
    assert!(
        !press(&mut app, key(KeyCode::Enter, KeyModifiers::NONE)),
        "a wrong PIN returns to the app"
    );
    assert_eq!(app.overlays.open, None);
    assert!(draw(&mut app).contains("Wrong PIN."));
    press(&mut app, chord);
    for c in "2468".chars() {
        press(&mut app, key(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert!(
        press(&mut app, key(KeyCode::Enter, KeyModifiers::NONE)),
        "the right PIN exits"
    );
}

#[test]
fn without_a_pin_hash_staff_exit_is_off() {
    let mut app = kiosk();
    press(&mut app, staff_chord());
    assert_eq!(app.overlays.open, None);
    assert!(draw(&mut app).contains("Staff exit is off"));
    assert!(!quits(app.update(Action::Quit)));
}

#[test]
fn the_kiosk_shows_no_practitioner_features() {
    let mut app = kiosk();
    to_the_path(&mut app, KioskPath::GettingReady);
    app.update(Action::DaysAgo(-5));
    // No teach-back prompts on any screen of the path.
    let prompts: Vec<String> = app
        .guide()
        .overview
        .notes
        .teach_back
        .iter()
        .map(|t| t.value.to_string())
        .collect();
    app.update(Action::ToggleTeachBack);
    assert!(!app.notices.show_teach_back);
    for _ in 0..6 {
        let mut all = String::new();
        for _ in 0..20 {
            all.push_str(&draw(&mut app));
            app.update(Action::ScrollBy(15));
        }
        for p in &prompts {
            assert!(
                !all.contains(&p[..20.min(p.len())]),
                "teach-back shown in the kiosk"
            );
        }
        if app.nav.screen == Screen::Numbing {
            assert!(!all.contains("Start or pause"), "no timer controls");
            assert!(!all.contains("Not started"), "no countdown at all");
            let t = app.now();
            app.update(Action::TimerToggle);
            assert_eq!(
                app.countdown.phase(t),
                careguide::app::countdown::Phase::Ready
            );
        }
        app.update(Action::Next);
    }
    // Jumps outside the patient's path go nowhere.
    let here = app.nav.screen;
    app.update(Action::GoTo(Screen::Restrictions));
    assert_eq!(app.nav.screen, here);
}

#[test]
fn big_buttons_are_clickable() {
    let mut app = kiosk();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut view = View::default();
    terminal
        .draw(|f| view = ui::draw(&app, &Theme::new(ThemeName::HighContrast, false), f))
        .unwrap();
    // The Spanish button on the welcome screen.
    let (rect, _) = view
        .hits
        .iter()
        .find(|(_, a)| *a == Target::Do(Action::SetLanguage("es".into())))
        .expect("a language button");
    assert!(rect.height >= 3, "touch targets are three rows tall");
    app.update(view.hit(rect.x + 2, rect.y + 1).unwrap());
    assert_eq!(app.content.language, "es");
    // Anywhere else starts.
    app.update(view.hit(0, 0).unwrap());
    assert_eq!(app.nav.screen, Screen::Picker);
    terminal
        .draw(|f| view = ui::draw(&app, &Theme::new(ThemeName::HighContrast, false), f))
        .unwrap();
    let start_over = view
        .hits
        .iter()
        .find(|(_, a)| *a == Target::Do(Action::StartOver))
        .map(|(r, _)| *r)
        .expect("a start-over button");
    assert!(start_over.height >= 3 && start_over.width >= 10);
    app.update(Action::StartOver);
    assert_eq!(
        (app.nav.screen, app.content.language.as_str()),
        (Screen::Welcome, "en")
    );
}

#[test]
fn kiosk_screens_render_at_every_size_without_panicking() {
    let mut app = kiosk();
    for step in [0, 1, 2] {
        for _ in 0..step {
            app.update(Action::Next);
        }
        for (w, h) in [(1, 1), (20, 5), (40, 12), (80, 24), (200, 60)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal
                .draw(|f| {
                    ui::draw(&app, &Theme::new(ThemeName::HighContrast, false), f);
                })
                .unwrap();
        }
    }
    app.update(Action::ChoosePath(KioskPath::Treated));
    app.update(Action::OpenHelp);
    for (w, h) in [(1, 1), (20, 5), (41, 13)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| {
                ui::draw(&app, &Theme::new(ThemeName::HighContrast, false), f);
            })
            .unwrap();
    }
}

#[test]
fn kiosk_snapshots() {
    let mut app = kiosk();
    insta::assert_snapshot!("kiosk_welcome", draw(&mut app));
    app.update(Action::Next);
    app.update(Action::Next);
    insta::assert_snapshot!("kiosk_path", draw(&mut app));
    app.update(Action::ChoosePath(KioskPath::Treated));
    insta::assert_snapshot!("kiosk_date", draw(&mut app));
    app.update(Action::DaysAgo(3));
    insta::assert_snapshot!("kiosk_aftercare", draw(&mut app));
}

/// Three wrong PINs lock the staff prompt for 30 s, then for twice as long
/// after each further wrong one; the lock is shown, survives a start-over,
/// and the patient's screen is not touched.
#[test]
fn wrong_pins_lock_the_staff_prompt_for_a_growing_time() {
    let hash = careguide::pin::hash_pin("730194").unwrap();
    let mut app = kiosk_with(Some(hash), 180);
    patient_walk(&mut app);
    let (screen, day) = (app.nav.screen, app.nav.day);
    let chord = staff_chord();
    let try_pin = |app: &mut App, pin: &str| {
        press(app, chord);
        for c in pin.chars() {
            press(app, key(KeyCode::Char(c), KeyModifiers::NONE));
        }
        press(app, key(KeyCode::Enter, KeyModifiers::NONE))
    };
    for _ in 0..3 {
        assert!(!try_pin(&mut app, "111111"));
    }
    let text = draw(&mut app);
    assert!(text.contains("Demasiados PIN incorrectos"), "{text}");
    assert!(text.contains("30 segundos"), "{text}");
    // Locked: even the right PIN does nothing.
    assert!(!try_pin(&mut app, "730194"));
    press(&mut app, key(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(
        (app.nav.screen, app.nav.day),
        (screen, day),
        "the patient's place is kept"
    );
    // After the lock, one more wrong PIN locks for 60 s.
    let t = app.now();
    app.set_time(t + Duration::from_secs(31), app.today());
    assert!(!try_pin(&mut app, "222222"));
    assert!(draw(&mut app).contains("60 segundos"));
    app.set_time(t + Duration::from_secs(31 + 61), app.today());
    press(&mut app, key(KeyCode::Esc, KeyModifiers::NONE));
    assert!(
        try_pin(&mut app, "730194"),
        "the right PIN after the lock exits"
    );
}

/// The words (four letters or more, lower case) of some text.
fn words(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Draws every page of the screen (paging down to its end).
fn every_page(app: &mut App, out: &mut String) {
    out.push_str(&draw(app));
    for _ in 0..40 {
        if app.nav.scroll >= app.nav.scroll_max {
            break;
        }
        app.update(Action::ScrollPage(1));
        out.push_str(&draw(app));
    }
}

#[test]
fn the_spanish_kiosk_shows_no_english_word() {
    use careguide::i18n::UiText;
    let spanish: std::collections::BTreeSet<String> = UiText::for_language("es")
        .all_lines()
        .into_iter()
        .flat_map(words)
        .collect();
    // Words of the English interface that Spanish never uses.
    let english: Vec<String> = UiText::english()
        .all_lines()
        .into_iter()
        .flat_map(words)
        .filter(|w| !spanish.contains(w))
        .collect();
    assert!(english.contains(&"touch".to_string()), "{english:?}");

    for path in KioskSession::PATHS {
        let mut app = kiosk();
        app.update(Action::SetLanguage("es".into()));
        let mut shown = String::new();
        every_page(&mut app, &mut shown);
        // The warning signs over the first screens, and "Still there?".
        app.update(Action::WhenToCall);
        every_page(&mut app, &mut shown);
        app.update(Action::Close);
        app.update(Action::Next);
        app.update(Action::ChoosePath(path));
        every_page(&mut app, &mut shown);
        app.update(Action::DaysAgo(if path == KioskPath::Treated {
            3
        } else {
            -5
        }));
        let mut steps = 0;
        loop {
            every_page(&mut app, &mut shown);
            if !app.has_next() || steps > 40 {
                break;
            }
            app.update(Action::Next);
            steps += 1;
        }
        app.update(Action::ShowQr);
        shown.push_str(&draw(&mut app));
        app.update(Action::Close);
        app.update(Action::StaffExit);
        shown.push_str(&draw(&mut app));
        let later = app.clock.now + Duration::from_secs(170);
        app.set_clock(careguide::app::Clock::fixed(later, app.clock.today));
        app.update(Action::Tick);
        shown.push_str(&draw(&mut app));
        assert!(shown.contains("Cuándo llamar"), "{shown}");

        let found: Vec<&String> = english
            .iter()
            .filter(|w| words(&shown).contains(*w))
            .collect();
        assert!(
            found.is_empty(),
            "English on the Spanish kiosk ({path:?}): {found:?}\n{shown}"
        );
    }
}

/// Welcome → picker → "had my treatment" → the date screen.
fn to_the_treated_date(app: &mut App) {
    to_the_path(app, KioskPath::Treated);
    assert_eq!(app.nav.screen, Screen::Date);
}

/// Welcome → picker → the path chosen (its date question is next).
fn to_the_path(app: &mut App, path: KioskPath) {
    app.update(Action::Next);
    app.update(Action::Next);
    app.update(Action::ChoosePath(path));
}

#[test]
fn when_to_call_works_on_the_first_two_screens() {
    for nexts in 0..2 {
        let mut app = kiosk();
        for _ in 0..nexts {
            app.update(Action::Next);
        }
        let screen = app.nav.screen;
        app.update(Action::WhenToCall);
        assert_eq!(
            app.overlays.open,
            Some(Overlay::WhenToCall),
            "on {screen:?}"
        );
        let mut text = draw(&mut app);
        // Paged by touch until the phone shows.
        for _ in 0..20 {
            if text.contains("555-0100") {
                break;
            }
            app.update(Action::ScrollPage(1));
            text = draw(&mut app);
        }
        assert!(text.contains("555-0100"), "on {screen:?}:\n{text}");
        app.update(Action::Close);
        assert_eq!(app.nav.screen, screen, "closing returns to the same screen");
    }
}

#[test]
fn a_treatment_long_ago_says_aftercare_has_ended_instead_of_day_0() {
    let mut app = kiosk();
    to_the_treated_date(&mut app);
    app.update(Action::DaysAgo(35));
    assert_eq!(app.nav.screen, Screen::Aftercare);
    let last = app.guide().aftercare.len() - 1;
    assert_eq!(app.nav.day, last, "the last day shows, not Day 0");
    let text = draw(&mut app);
    assert!(
        text.contains("Today is Day 35. The day-by-day aftercare ended"),
        "{text}"
    );
}

#[test]
fn a_future_date_on_the_had_my_treatment_path_asks_the_patient_to_check() {
    let mut app = kiosk();
    to_the_treated_date(&mut app);
    app.update(Action::DaysAgo(-2));
    assert_eq!(app.nav.screen, Screen::Date, "the date is not taken");
    assert_eq!(app.content.treatment_date, None);
    let text = draw(&mut app);
    assert!(text.contains("That date is after today"), "{text}");
}

#[test]
fn the_getting_ready_path_asks_when_the_treatment_is() {
    let mut app = kiosk();
    to_the_path(&mut app, KioskPath::GettingReady);
    assert_eq!(app.nav.screen, Screen::Date);
    let text = draw(&mut app);
    assert!(text.contains("When is your treatment?"), "{text}");
    assert!(text.contains("In 5 days"), "{text}");
    // A past date is refused on this path.
    app.update(Action::DaysAgo(3));
    assert_eq!(app.nav.screen, Screen::Date);
    assert!(draw(&mut app).contains("That date has passed"));
    // In 5 days: the preparation steps get real dates and today is marked.
    app.update(Action::DaysAgo(-5));
    assert_eq!(app.content.treatment_date, Some(date(2026, 11, 28)));
    assert_ne!(app.nav.screen, Screen::Date);
}

#[test]
fn the_staff_chord_works_over_help_and_the_word_list() {
    let hash = careguide::pin::hash_pin("2468").unwrap();
    let chord = staff_chord();
    for open in [Action::OpenHelp, Action::OpenGlossary] {
        let mut app = kiosk_with(Some(hash.clone()), 180);
        app.update(Action::Next);
        app.update(open.clone());
        assert!(app.overlays.open.is_some(), "{open:?} opens");
        press(&mut app, chord);
        assert_eq!(app.overlays.open, Some(Overlay::Pin), "over {open:?}");
        assert!(draw(&mut app).contains("Staff PIN:"));
    }
}

#[test]
fn kiosk_help_speaks_of_what_the_kiosk_has() {
    for language in ["en", "es"] {
        let mut app = kiosk();
        app.update(Action::SetLanguage(language.into()));
        app.update(Action::Next);
        app.update(Action::OpenHelp);
        let mut text = String::new();
        every_page(&mut app, &mut text);
        let lower = text.to_lowercase();
        // No printing (the kiosk writes nothing), no tabs (it has none),
        // and Home is not sold as "first step" (it wipes the session).
        for word in [
            "print",
            "imprim",
            "tab ",
            "pestaña",
            "first step",
            "primer paso",
        ] {
            assert!(!lower.contains(word), "{language}: {word:?} in\n{text}");
        }
    }
}

#[test]
fn spanish_words_sort_the_spanish_way() {
    let mut words = vec!["vitamina", "ñame", "ácido", "nube", "Oso", "agua", "éter"];
    careguide::i18n::sort_for_language(&mut words, "es", |w| w);
    assert_eq!(
        words,
        ["ácido", "agua", "éter", "nube", "ñame", "Oso", "vitamina"]
    );
    // The kiosk's word list follows it: "ácido" among the a's, not last.
    let mut app = kiosk();
    app.update(Action::SetLanguage("es".into()));
    app.update(Action::Next);
    app.update(Action::OpenGlossary);
    let text = draw(&mut app);
    let at = |w: &str| text.find(w).unwrap_or_else(|| panic!("{w} in\n{text}"));
    assert!(at("ácido hialurónico") < at("amplio espectro"), "{text}");
    assert!(at("amplio espectro") < at("anestésico"), "{text}");
}

#[test]
fn the_wheel_scrolls_a_long_kiosk_screen_three_lines_a_turn() {
    use careguide::input::mouse::WHEEL_LINES;
    let mut app = kiosk();
    to_the_path(&mut app, KioskPath::GettingReady);
    app.update(Action::DaysAgo(-5));
    draw(&mut app);
    assert!(
        app.nav.scroll_max > 6,
        "the fixture's first step does not fit"
    );
    for turn in 1..=2u16 {
        app.update(Action::ScrollBy(WHEEL_LINES));
        draw(&mut app);
        assert_eq!(app.nav.scroll, turn * WHEEL_LINES as u16);
    }
}

#[test]
fn a_mistyped_date_is_explained_in_spanish() {
    let mut app = kiosk();
    app.update(Action::SetLanguage("es".into()));
    to_the_treated_date(&mut app);
    for c in "2026-13-40".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    assert_eq!(app.nav.screen, Screen::Date);
    let text = draw(&mut app);
    let english: Vec<&str> = ["month", "date", "expected", "invalid", "year"]
        .into_iter()
        .filter(|w| text.to_lowercase().contains(w))
        .collect();
    assert!(english.is_empty(), "{english:?}\n{text}");
    assert!(text.contains("mes"), "{text}");
}

#[test]
fn the_page_buttons_show_their_labels_whole_in_every_language() {
    for (language, up, down) in [("en", "▲ Up", "▼ More"), ("es", "▲ Arriba", "▼ Más")] {
        let mut app = kiosk();
        app.update(Action::SetLanguage(language.into()));
        to_the_treated_date(&mut app);
        app.update(Action::DaysAgo(3));
        let text = draw(&mut app);
        assert!(
            text.contains(up) && text.contains(down),
            "{language}: {up} / {down} cut in\n{text}"
        );
    }
}

#[test]
fn the_header_says_how_soon_the_treatment_is_on_the_getting_ready_path() {
    for (language, days, says) in [
        ("en", -5, "Your treatment is in 5 days"),
        ("en", -1, "Your treatment is tomorrow"),
        ("en", 0, "Your treatment is today"),
        ("es", -5, "Su tratamiento es en 5 días"),
        ("es", -1, "Su tratamiento es mañana"),
    ] {
        let mut app = kiosk();
        app.update(Action::SetLanguage(language.into()));
        to_the_path(&mut app, KioskPath::GettingReady);
        app.update(Action::DaysAgo(days));
        let text = draw(&mut app);
        let header = text.lines().next().unwrap();
        assert!(header.contains(says), "{language} {days}: {header:?}");
    }
}
