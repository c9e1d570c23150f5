//! The interactive guide without a terminal: `App::update` driven by actions,
//! every screen rendered into ratatui's `TestBackend` and checked.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use careguide::app::{Action, App, Options, Overlay, Screen};
use careguide::guide::{GuideSource, Library};
use careguide::ui::{self, Theme, ThemeName};

fn library() -> Library {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app");
    Library::load(&GuideSource::Dir(dir)).expect("the test guides load")
}

fn options() -> Options {
    Options {
        guide: Some("needling".into()),
        addons: vec!["prp".into()],
        treatment_date: Some(date(2026, 11, 20)),
        ..Options::new(date(2026, 11, 23))
    }
}

fn app_with(options: Options) -> App {
    App::new(library(), options, Instant::now()).expect("app starts")
}

fn app() -> App {
    app_with(options())
}

use common::screen::{apply, draw as render, text as screen_text, type_text};

#[test]
fn opens_on_todays_aftercare_when_the_treatment_was_in_the_past() {
    let mut app = app();
    assert_eq!(app.nav.screen, Screen::Aftercare);
    assert_eq!(app.guide().aftercare[app.nav.day].days.from, 3);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Day 3, Mon 23 Nov 2026"), "{text}");
    assert!(text.contains("TODAY"), "today is marked in words");
    assert!(text.contains("Step 7 of 9: Aftercare, day by day"));
}

#[test]
fn a_future_or_missing_date_opens_on_the_overview() {
    let mut app = app_with(Options {
        treatment_date: Some(date(2026, 12, 1)),
        ..options()
    });
    assert_eq!(app.nav.screen, Screen::Overview);
    assert!(screen_text(&mut app, 80, 24).contains("Today: Day -8"));
    let app = app_with(Options {
        treatment_date: None,
        ..options()
    });
    assert_eq!(app.nav.screen, Screen::Overview);
}

#[test]
fn walking_the_whole_guide_forward_and_back() {
    let mut app = app_with(Options {
        guide: None,
        addons: vec![],
        treatment_date: None,
        ..options()
    });
    assert_eq!(app.nav.screen, Screen::Picker);
    // Tick PRP on the picker, go on, enter a date.
    apply(&mut app, &[Action::CursorDown, Action::Toggle]);
    assert_eq!(app.content.addons, ["prp"]);
    apply(&mut app, &[Action::Next]);
    assert_eq!(app.nav.screen, Screen::Date);
    for c in "2026-11-20".chars() {
        app.update(Action::Input(c));
    }
    apply(&mut app, &[Action::Submit]);
    // A treatment in the past opens today's aftercare, as `--date` does.
    assert_eq!(app.nav.screen, Screen::Aftercare);
    assert_eq!(app.guide().aftercare[app.nav.day].days.from, 3);
    assert_eq!(app.content.treatment_date, Some(date(2026, 11, 20)));
    apply(&mut app, &[Action::GoTo(Screen::Overview)]);

    let mut seen = vec![app.nav.screen];
    let days = app.guide().aftercare.len();
    let mut aftercare_days = Vec::new();
    while app.nav.screen != Screen::WhenToCall {
        apply(&mut app, &[Action::Next]);
        if app.nav.screen == Screen::Aftercare {
            aftercare_days.push(app.nav.day);
        }
        if seen.last() != Some(&app.nav.screen) {
            seen.push(app.nav.screen);
        }
    }
    assert_eq!(
        seen,
        [
            Screen::Overview,
            Screen::Preparation,
            Screen::Numbing,
            Screen::Procedure,
            Screen::Aftercare,
            Screen::Restrictions,
            Screen::WhenToCall
        ]
    );
    // Next walks the aftercare one day (or range) at a time, from Day 0.
    assert_eq!(aftercare_days, (0..days).collect::<Vec<_>>());
    // Next on the last step stays there.
    apply(&mut app, &[Action::Next]);
    assert_eq!(app.nav.screen, Screen::WhenToCall);
    // Back from the limits lands on the last aftercare day.
    apply(&mut app, &[Action::Prev, Action::Prev]);
    assert_eq!((app.nav.screen, app.nav.day), (Screen::Aftercare, days - 1));
    apply(&mut app, &[Action::First]);
    assert_eq!(app.nav.screen, Screen::Picker);
    apply(&mut app, &[Action::Last]);
    assert_eq!(app.nav.screen, Screen::WhenToCall);
}

#[test]
fn number_keys_and_the_index_jump_to_sections_and_days() {
    let mut app = app();
    apply(&mut app, &[Action::GoToSection(2)]);
    assert_eq!(app.nav.screen, Screen::Preparation);
    apply(&mut app, &[Action::GoToSection(9)]);
    assert_eq!(app.nav.screen, Screen::Preparation, "no section 9");
    apply(&mut app, &[Action::OpenIndex]);
    let Some(Overlay::Index { cursor }) = app.overlays.open else {
        panic!("index open")
    };
    // Move to the first aftercare day row and choose it.
    let rows = app.index_entries();
    let day0 = rows
        .iter()
        .position(|r| *r == careguide::app::IndexEntry::Day(0))
        .unwrap();
    for _ in cursor..day0 {
        app.update(Action::CursorDown);
    }
    apply(&mut app, &[Action::Submit]);
    assert_eq!(app.overlays.open, None);
    assert_eq!((app.nav.screen, app.nav.day), (Screen::Aftercare, 0));
    // NextDay/PrevDay move within the aftercare only.
    apply(
        &mut app,
        &[Action::NextDay, Action::NextDay, Action::PrevDay],
    );
    assert_eq!(app.nav.day, 1);
}

#[test]
fn when_to_call_is_one_key_away_and_back_returns() {
    let mut app = app();
    let from = (app.nav.screen, app.nav.day);
    apply(&mut app, &[Action::WhenToCall]);
    assert_eq!(app.nav.screen, Screen::WhenToCall);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Get emergency care"));
    apply(&mut app, &[Action::Close]);
    assert_eq!((app.nav.screen, app.nav.day), from);
    // From inside an overlay too.
    apply(&mut app, &[Action::OpenHelp, Action::WhenToCall]);
    assert_eq!(
        (app.overlays.open, app.nav.screen),
        (None, Screen::WhenToCall)
    );
    apply(&mut app, &[Action::Prev]);
    assert_eq!((app.nav.screen, app.nav.day), from);
}

#[test]
fn checklist_ticks_and_the_screening_stop_banner() {
    let mut app = app();
    apply(
        &mut app,
        &[Action::GoTo(Screen::Preparation), Action::Toggle],
    );
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("[✓]"), "{text}");
    assert!(text.contains("1 of"));
    assert!(!text.contains("STOP"));
    // Answer the first screening question "yes".
    let first_question = app
        .prep_items()
        .iter()
        .position(|i| matches!(i, careguide::app::PrepItem::Screening(_)))
        .unwrap();
    apply(&mut app, &[Action::ToggleItem(first_question)]);
    assert_eq!(app.screening_yes(), [0]);
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains("!! STOP: ask staff before treatment"),
        "{text}"
    );
    // Move to the question: its answer is in words, not colour alone.
    assert_eq!(
        app.nav.cursor, first_question,
        "a click moves the cursor there"
    );
    apply(&mut app, &[Action::CursorUp, Action::CursorDown]);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("YES"), "{text}");
    // The banner stays at the top wherever the list is scrolled.
    for _ in 0..40 {
        app.update(Action::CursorDown);
    }
    assert!(screen_text(&mut app, 80, 24).contains("STOP"));
    // Untick: the banner goes.
    apply(&mut app, &[Action::ToggleItem(first_question)]);
    assert!(!screen_text(&mut app, 80, 24).contains("STOP"));
}

#[test]
fn the_numbing_countdown_starts_pauses_and_ends() {
    let mut app = app();
    let t0 = app.now();
    apply(&mut app, &[Action::GoTo(Screen::Numbing)]);
    assert!(screen_text(&mut app, 80, 24).contains("Not started"));
    assert_eq!(app.next_wakeup(), None, "no timer, no wake-ups");
    apply(&mut app, &[Action::TimerToggle]);
    assert!(app.next_wakeup().is_some(), "a running countdown redraws");
    app.set_time(t0 + Duration::from_secs(90), app.today());
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Counting down"));
    // 30:00 - 1:30 = 28:30, drawn large: the first rows of "28:30".
    let big = ui::bigtext::rows("28:30");
    assert!(text.contains(&big[0]), "{text}");
    apply(&mut app, &[Action::TimerToggle]);
    app.set_time(t0 + Duration::from_secs(3600), app.today());
    assert!(screen_text(&mut app, 80, 24).contains("Paused"));
    assert_eq!(app.next_wakeup(), None);
    apply(&mut app, &[Action::TimerToggle]);
    app.set_time(t0 + Duration::from_secs(3600 + 29 * 60), app.today());
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("TIME IS UP"), "{text}");
    // The loop wakes once more to ring the bell and raise the banner.
    assert_eq!(app.next_wakeup(), Some(Duration::ZERO));
    assert_eq!(app.update(Action::Tick), [careguide::app::Effect::Bell]);
    assert_eq!(app.update(Action::Tick), [], "the bell rings once");
    assert_eq!(app.next_wakeup(), None, "time is up: nothing moves");
    apply(&mut app, &[Action::TimerReset]);
    assert!(screen_text(&mut app, 80, 24).contains("Not started"));
}

#[test]
fn search_finds_text_and_steps_through_matches() {
    let mut app = app();
    apply(
        &mut app,
        &[Action::GoTo(Screen::Overview), Action::OpenSearch],
    );
    type_text(&mut app, "sunscreen");
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.contains("Search: sunscreen"),
        "the prompt shows what is typed"
    );
    apply(&mut app, &[Action::Submit]);
    let hits = app.search.hits.clone();
    assert!(hits.len() > 2);
    let first = (app.nav.screen, app.nav.day);
    assert_eq!(
        Some(first.0),
        hits.get(app.search.current).map(|h| h.screen)
    );
    let text = screen_text(&mut app, 80, 24);
    assert!(
        text.to_lowercase().contains("sunscreen"),
        "the match is in view:\n{text}"
    );
    assert!(text.contains(&format!("Match 1 of {}", hits.len())));
    apply(&mut app, &[Action::SearchNext]);
    assert_ne!((app.nav.screen, app.nav.day), first);
    apply(&mut app, &[Action::SearchPrev]);
    assert_eq!((app.nav.screen, app.nav.day), first);
    // Nothing found: a message, and nowhere moved.
    apply(
        &mut app,
        &[
            Action::OpenSearch,
            Action::Input('z'),
            Action::Input('q'),
            Action::Submit,
        ],
    );
    assert!(screen_text(&mut app, 80, 24).contains("No match"));
    assert_eq!((app.nav.screen, app.nav.day), first);
}

#[test]
fn teach_back_prompts_toggle_in_practitioner_mode_only() {
    let mut app = app();
    apply(&mut app, &[Action::GoTo(Screen::Overview)]);
    let prompt = app.guide().overview.notes.teach_back[0].value.clone();
    let find = |app: &mut App| {
        // The prompt may be below the fold: search the whole body by scrolling.
        let mut all = String::new();
        for _ in 0..30 {
            all.push_str(&screen_text(app, 120, 40));
            app.update(Action::ScrollBy(20));
        }
        app.update(Action::ScrollBy(-1000));
        all.contains(&prompt[..30])
    };
    assert!(find(&mut app), "shown by default to practitioners");
    apply(&mut app, &[Action::ToggleTeachBack]);
    assert!(!find(&mut app), "hidden after the toggle");
}

#[test]
fn help_is_generated_from_the_key_table() {
    let mut app = app();
    apply(&mut app, &[Action::OpenHelp]);
    let text = screen_text(&mut app, 120, 40);
    for binding in careguide::input::keymap::BINDINGS
        .iter()
        .filter(|b| b.on == careguide::input::keymap::On::Everywhere)
        .take(8)
    {
        let label = careguide::input::keymap::keys_label(binding, app.ui());
        assert!(text.contains(&label), "help lists `{label}`:\n{text}");
    }
    apply(&mut app, &[Action::Close]);
    assert_eq!(app.overlays.open, None);
}

#[test]
fn footer_hints_match_what_the_keys_do() {
    let mut app = app();
    apply(&mut app, &[Action::GoTo(Screen::Numbing)]);
    let hints = careguide::input::keymap::hints(&app);
    let timer = hints
        .iter()
        .find(|(_, t, _)| t == "Start or pause")
        .expect("timer hint");
    let key = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(
        timer.0.chars().next().unwrap(),
    ));
    assert_eq!(
        careguide::input::keymap::action_for(&app, &key),
        Some(Action::TimerToggle)
    );
    assert_eq!(
        timer.2,
        Action::TimerToggle,
        "clicking the hint does the same"
    );
}

#[test]
fn windows_are_reachable_by_mouse_too() {
    let mut app = app();
    let (terminal, view) = render(&mut app, 80, 24);
    // The footer's hints are buttons: find "Sections" on the last row and click it.
    let buf = terminal.backend().buffer();
    let row: String = (0..80).map(|x| buf[(x, 23)].symbol().to_string()).collect();
    let at = row.find("Sections").expect("a Sections hint");
    let col = row[..at].chars().count() as u16;
    let action = view.hit(col, 23).expect("the hint is clickable");
    assert_eq!(action, Action::OpenIndex);
    app.update(action);
    // The index lists the glossary and help last, clickable like the sections.
    for _ in 0..30 {
        app.update(Action::CursorDown);
    }
    let (_, view) = render(&mut app, 80, 24);
    for wanted in [Action::OpenGlossary, Action::OpenHelp] {
        assert!(
            view.hits
                .iter()
                .any(|(_, t)| *t == careguide::ui::hit_map::Target::Do(wanted.clone())),
            "no row for {wanted:?}"
        );
    }
    app.update(Action::OpenGlossary);
    assert_eq!(app.overlays.open, Some(Overlay::Glossary));
}

#[test]
fn clicks_hit_tabs_buttons_and_list_items() {
    let mut app = app();
    let (_, view) = render(&mut app, 80, 24);
    // The tabs are on row 1; find "6 Limits".
    let (rect, _) = view
        .hits
        .iter()
        .find(|(_, a)| *a == careguide::ui::hit_map::Target::Do(Action::GoToSection(6)))
        .expect("a tab for section 6");
    assert_eq!(rect.y, 1);
    assert_eq!(view.hit(rect.x, 1), Some(Action::GoToSection(6)));
    // Next and Back on the second-to-last row.
    assert_eq!(view.hit(79, 22), Some(Action::Next));
    assert_eq!(view.hit(0, 22), Some(Action::Prev));
    // Checklist items are clickable.
    apply(&mut app, &[Action::GoTo(Screen::Preparation)]);
    let (_, view) = render(&mut app, 80, 24);
    let clicked = view
        .hits
        .iter()
        .find_map(|(r, a)| match a {
            careguide::ui::hit_map::Target::Do(a @ Action::ToggleItem(_)) => {
                Some((r.x, r.y, a.clone()))
            }
            _ => None,
        })
        .expect("clickable checklist");
    assert_eq!(view.hit(clicked.0 + 3, clicked.1), Some(clicked.2.clone()));
    app.update(clicked.2);
    assert!(screen_text(&mut app, 80, 24).contains("[✓]"));
}

#[test]
fn scrolling_is_clamped_to_the_content() {
    let mut app = app();
    apply(&mut app, &[Action::GoTo(Screen::Overview)]);
    for _ in 0..500 {
        app.update(Action::ScrollDown);
    }
    render(&mut app, 80, 24);
    let bottom = app.nav.scroll;
    assert!(bottom > 0 && bottom < 500);
    app.update(Action::ScrollUp);
    render(&mut app, 80, 24);
    assert_eq!(
        app.nav.scroll,
        bottom - 1,
        "one key scrolls back up at once"
    );
}

#[test]
fn every_screen_and_window_survives_tiny_and_odd_sizes() {
    let mut app = app();
    let screens = app.steps();
    let overlays = [
        None,
        Some(Action::OpenHelp),
        Some(Action::OpenGlossary),
        Some(Action::OpenIndex),
    ];
    for screen in screens {
        for overlay in &overlays {
            let mut app = self::app();
            app.update(Action::GoTo(screen));
            if let Some(o) = overlay {
                app.update(o.clone());
            }
            for (w, h) in [
                (1, 1),
                (2, 1),
                (20, 5),
                (39, 11),
                (40, 12),
                (41, 13),
                (300, 100),
                (80, 3),
            ] {
                let text = screen_text(&mut app, w, h);
                if (w, h) == (20, 5) {
                    assert!(text.contains("Make"), "too small message at 20x5: {text}");
                }
            }
        }
    }
    // And the position is kept: growing the window shows the same screen.
    app.update(Action::GoTo(Screen::Restrictions));
    screen_text(&mut app, 20, 5);
    assert!(screen_text(&mut app, 80, 24).contains("Limits, day by day"));
}

#[test]
fn no_color_output_keeps_meaning_in_symbols() {
    let mut app = app();
    apply(&mut app, &[Action::GoTo(Screen::Restrictions)]);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mono = Theme::new(ThemeName::Dark, true);
    terminal
        .draw(|f| {
            ui::draw(&app, &mono, f);
        })
        .unwrap();
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
    let text: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains("▼ TODAY"));
    assert!(text.contains("█ avoid"));
}

#[test]
fn language_switch_changes_guide_and_interface_text() {
    let mut app = app();
    apply(&mut app, &[Action::CycleLanguage]);
    assert_eq!(app.content.language, "es");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("Día 3"), "{text}");
    assert!(text.contains("HOY"));
    assert_eq!(app.content.addons, ["prp"], "the add-on carries over");
}

/// Snapshots of every screen at the two sizes people use most.
#[test]
fn snapshots_of_every_screen() {
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut base = app_with(Options {
            guide: None,
            ..options()
        });
        for screen in base.steps() {
            base.update(Action::GoTo(screen));
            let (terminal, _) = render(&mut base, w, h);
            insta::assert_snapshot!(format!("{screen:?}_{w}x{h}"), terminal.backend());
        }
        for (name, action) in [
            ("help", Action::OpenHelp),
            ("glossary", Action::OpenGlossary),
            ("index", Action::OpenIndex),
        ] {
            let mut app = app();
            app.update(action);
            let (terminal, _) = render(&mut app, w, h);
            insta::assert_snapshot!(format!("overlay_{name}_{w}x{h}"), terminal.backend());
        }
    }
}

/// The README's key table is the key table (the manual page is generated
/// from it too).
#[test]
fn readme_key_table_matches_the_key_table() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let table = careguide::input::keymap::markdown_table(careguide::i18n::UiText::english());
    assert!(
        readme.contains(&table),
        "README.md's key table differs; it should read:\n{table}"
    );
    assert!(table.lines().count() > 40, "every binding has a row");
}

#[test]
fn export_and_print_are_effects_the_event_loop_carries_out() {
    let mut app = app();
    assert_eq!(app.update(Action::Export), [careguide::app::Effect::Export]);
    assert_eq!(
        app.update(Action::Print(false)),
        [],
        "no print command configured"
    );
    assert!(screen_text(&mut app, 80, 24).contains("Printing is not set up"));
    let mut printing = app_with(Options {
        can_print: true,
        ..options()
    });
    assert_eq!(
        printing.update(Action::Print(true)),
        [careguide::app::Effect::Print(true)]
    );
}

#[test]
fn export_writes_a_take_home_page_and_never_overwrites() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("exports");
    let first = careguide::take_home::save(&app, &folder).unwrap();
    let second = careguide::take_home::save(&app, &folder).unwrap();
    assert_eq!(
        first.file_name().unwrap(),
        "careguide-needling-prp-2026-11-20.en.html"
    );
    assert_eq!(
        second.file_name().unwrap(),
        "careguide-needling-prp-2026-11-20.en-2.html"
    );
    let page = std::fs::read_to_string(first).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Day 3, Mon 23 Nov 2026"));
}

#[test]
fn print_pipes_the_plan_to_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("printed.txt");
    let command = vec![
        "sh".to_string(),
        "-c".to_string(),
        format!("cat > {}", out.display()),
    ];
    careguide::take_home::print("THE PLAN\n", Some(&command)).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "THE PLAN\n");
    let failing = vec![
        "sh".to_string(),
        "-c".to_string(),
        "echo 'no printer' >&2; exit 3".to_string(),
    ];
    assert_eq!(
        careguide::take_home::print("x", Some(&failing)),
        Err("no printer".to_string())
    );
    assert!(careguide::take_home::print("x", Some(&["/nonexistent/lp".to_string()])).is_err());
    assert!(careguide::take_home::print("x", None).is_err());
}

/// Wide characters (CJK, emoji) take two cells and stay aligned: every row
/// is exactly the window's width and the scrollbar stays in the last column.
#[test]
fn wide_characters_are_drawn_aligned() {
    let text = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/example-peel.toml"))
        .unwrap()
        .replace("Rinse with cool water only.", "用冷水冲洗。😀 Rinse with cool water only, 🧴🧴 then pat dry 中文中文中文中文中文中文中文中文中文中文中文中文.")
        .replace("Light peel: your care plan", "Light peel 中文 😀");
    let library = Library::from_files(vec![(
        PathBuf::from("example-peel.toml"),
        careguide::guide::library::FileContent::Bytes(text.into_bytes()),
    )]);
    assert_eq!(library.guides.len(), 1, "{:?}", library.reports);
    let mut app = App::new(
        library,
        Options {
            guide: Some("example-peel".into()),
            treatment_date: Some(date(2026, 11, 20)),
            ..Options::new(date(2026, 11, 20))
        },
        Instant::now(),
    )
    .unwrap();
    app.update(Action::GoToDay(0));
    for (w, h) in [(80u16, 24u16), (41, 13), (57, 20)] {
        let (terminal, _) = render(&mut app, w, h);
        let buf = terminal.backend().buffer();
        let mut saw_wide = false;
        for y in 0..h {
            // Walk the row as a terminal would: a wide symbol covers the
            // next cell too. The row must end exactly at the edge.
            let (mut x, mut row) = (0u16, String::new());
            while x < w {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            saw_wide |= row.contains('中');
            assert_eq!(x, w, "row {y} runs past the edge: {row:?}");
            let width = unicode_width::UnicodeWidthStr::width(row.as_str());
            assert_eq!(width, usize::from(w), "row {y} is {width} wide: {row:?}");
        }
        if w == 80 {
            assert!(saw_wide, "the wide text is on screen at {w}x{h}");
        }
    }
}
