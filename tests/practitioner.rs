//! Practitioner mode, one test per bug a practitioner found walking a
//! patient with PRP through the guide (issue 11), on the test guides.

mod common;

use common::screen::{apply, rows, text, type_text};

use std::time::{Duration, Instant};

use jiff::civil::date;

use careguide::app::{Action, App, Effect, Options, Overlay, PrepItem, Screen};
use careguide::ui;

fn options() -> Options {
    Options {
        guide: Some("needling".into()),
        addons: vec!["prp".into()],
        treatment_date: Some(date(2026, 11, 20)),
        can_print: true,
        ..Options::new(date(2026, 11, 23))
    }
}

fn app_with(options: Options) -> App {
    App::new(common::app_library(), options, Instant::now()).expect("app starts")
}

fn app() -> App {
    app_with(options())
}

/// The cell of `row` at character column `col`.
fn cell(row: &str, col: usize) -> char {
    row.chars().nth(col).unwrap_or(' ')
}

#[test]
fn the_chart_draws_todays_cell_as_part_of_a_limit_in_force() {
    let mut app = app();
    apply(&mut app, &[Action::GoTo(Screen::Restrictions)]);
    for (w, h) in [(80u16, 40u16), (200, 50)] {
        let rows = rows(&mut app, w, h);
        let marker = rows
            .iter()
            .find(|r| r.contains("▼ TODAY"))
            .expect("today marked");
        let col = marker.chars().position(|c| c == '▼').unwrap();
        // "No direct sun" runs Days 0-3 and today is Day 3: its cell today
        // is a bar, not a gap.
        let sun = rows.iter().find(|r| r.contains("No direct sun")).unwrap();
        assert_eq!(cell(sun, col), '█', "{w} wide:\n{}", rows.join("\n"));
        // A limit that ended (no makeup, Day 0) shows today's line instead.
        let makeup = rows.iter().find(|r| r.contains("No makeup")).unwrap();
        assert_eq!(cell(makeup, col), '│', "{w} wide:\n{}", rows.join("\n"));
    }
    // At 200 columns the chart uses the room: whole labels and wide days.
    let rows = rows(&mut app, 200, 50);
    assert!(
        rows.iter()
            .any(|r| r.contains("No tanning or tanning beds "))
    );
    let sun = rows.iter().find(|r| r.contains("No direct sun")).unwrap();
    assert!(sun.trim_end().chars().count() > 120, "{sun}");
}

#[test]
fn arrow_keys_on_prepare_reach_the_end_and_come_back_to_the_top() {
    let mut app = app();
    apply(&mut app, &[Action::GoTo(Screen::Preparation)]);
    let items = app.prep_items().len();
    let mut seen = String::new();
    for _ in 0..items + 40 {
        app.update(Action::CursorDown);
        seen.push_str(&text(&mut app, 80, 24));
    }
    assert!(seen.contains("Key points"), "↓ reaches the key points");
    assert!(seen.contains("Ask the patient"), "↓ reaches the prompts");
    for _ in 0..items + 40 {
        app.update(Action::CursorUp);
        rows(&mut app, 80, 24);
    }
    let top = text(&mut app, 80, 24);
    assert!(
        top.contains(&format!(
            "0 of {} done",
            app.guide().preparation.steps.len()
        )),
        "{top}"
    );
    assert!(top.contains("14 days before"), "{top}");
}

#[test]
fn prepare_marks_today_and_the_steps_already_past() {
    let mut app = app_with(Options {
        treatment_date: Some(date(2026, 11, 28)),
        ..options()
    });
    apply(&mut app, &[Action::GoTo(Screen::Preparation)]);
    let rows = rows(&mut app, 100, 60);
    let today = rows.iter().find(|r| r.contains("5 days before")).unwrap();
    assert!(
        today.contains("Mon 23 Nov") && today.contains("TODAY"),
        "{today}"
    );
    let past = rows.iter().find(|r| r.contains("7 days before")).unwrap();
    assert!(past.contains("already passed"), "{past}");
    let ahead = rows.iter().find(|r| r.contains("3 days before")).unwrap();
    assert!(
        !ahead.contains("passed") && !ahead.contains("TODAY"),
        "{ahead}"
    );
}

#[test]
fn a_search_match_on_prepare_moves_the_checklist_cursor_there() {
    let mut app = app();
    apply(
        &mut app,
        &[Action::GoTo(Screen::Preparation), Action::OpenSearch],
    );
    type_text(&mut app, "shave");
    apply(&mut app, &[Action::Submit]);
    let item = app.prep_items()[app.nav.cursor];
    let PrepItem::Step(i) = item else {
        panic!("the cursor is on a step: {item:?}")
    };
    assert!(
        app.guide().preparation.steps[i]
            .text
            .value
            .contains("shave")
    );
    // Time passing (the countdown's redraw) and another key keep it there.
    app.update(Action::Tick);
    assert!(text(&mut app, 80, 24).contains("shave"));
    app.update(Action::Toggle);
    assert!(app.is_ticked(item), "Space ticks the matched step");
    assert!(text(&mut app, 80, 24).contains("shave"), "still in view");
}

#[test]
fn dashes_and_slashes_type_into_the_date_and_minus_moves_a_day() {
    let mut app = app_with(Options {
        guide: None,
        treatment_date: None,
        ..options()
    });
    apply(&mut app, &[Action::Next]);
    assert_eq!(app.nav.screen, Screen::Date);
    // `-` on an empty field: a day before today.
    let key = |c| {
        careguide::input::keymap::action_for(
            &app,
            &ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c)),
        )
    };
    assert_eq!(key('-'), Some(Action::DateAdjust(-1)));
    assert_eq!(
        key('/'),
        Some(Action::Input('/')),
        "`/` types, it does not search"
    );
    app.update(Action::Input('-'));
    assert_eq!(app.date.text, "2026-11-22");
    app.date.text.clear();
    type_text(&mut app, "11/20/2026");
    assert_eq!(app.date.text, "11/20/2026");
    apply(&mut app, &[Action::Submit]);
    assert_eq!(app.content.treatment_date, Some(date(2026, 11, 20)));
    assert_eq!(
        app.nav.screen,
        Screen::Aftercare,
        "a past date opens today's aftercare"
    );
}

#[test]
fn new_patient_clears_everything_a_patient_chose_or_ticked() {
    let mut app = app();
    apply(
        &mut app,
        &[Action::GoTo(Screen::Preparation), Action::Toggle],
    );
    let question = app
        .prep_items()
        .iter()
        .position(|i| matches!(i, PrepItem::Screening(_)))
        .unwrap();
    apply(&mut app, &[Action::ToggleItem(question)]);
    assert!(text(&mut app, 80, 24).contains("STOP"));
    apply(&mut app, &[Action::NewPatient]);
    assert_eq!(app.overlays.open, Some(Overlay::ConfirmNewPatient));
    assert!(text(&mut app, 80, 24).contains("New patient"));
    // "No" keeps everything.
    apply(&mut app, &[Action::Close]);
    assert_eq!(app.content.addons, ["prp"]);
    apply(&mut app, &[Action::NewPatient, Action::Confirm]);
    assert!(app.content.addons.is_empty());
    assert_eq!(app.content.treatment_date, None);
    assert!(app.checklist.ticked.is_empty());
    assert!(app.screening_yes().is_empty());
    assert_eq!(app.nav.screen, Screen::Picker);
    assert!(!text(&mut app, 80, 24).contains("STOP"));
}

#[test]
fn the_running_countdown_shows_on_every_screen_and_rings_when_done() {
    let mut app = app();
    let t0 = app.now();
    apply(
        &mut app,
        &[Action::GoTo(Screen::Numbing), Action::TimerToggle],
    );
    apply(&mut app, &[Action::GoTo(Screen::WhenToCall)]);
    app.set_time(t0 + Duration::from_secs(60), app.today());
    let header = rows(&mut app, 80, 24).remove(0);
    assert!(header.contains("⏱ 29:00"), "{header}");
    app.set_time(t0 + Duration::from_secs(30 * 60), app.today());
    assert_eq!(app.update(Action::Tick), [Effect::Bell]);
    let screen = text(&mut app, 80, 24);
    assert!(screen.contains("NUMBING TIME IS UP"), "{screen}");
    assert_eq!(
        app.nav.screen,
        Screen::WhenToCall,
        "the alert does not move the page"
    );
    // Any key acknowledges it.
    apply(&mut app, &[Action::ScrollDown]);
    assert!(!text(&mut app, 80, 24).contains("NUMBING TIME IS UP"));
}

#[test]
fn categories_keep_the_guides_order_on_every_day() {
    let mut app = app();
    let order: Vec<String> = app
        .guide()
        .categories
        .iter()
        .map(|c| c.name.value.to_string())
        .collect();
    for day in 0..app.guide().aftercare.len() {
        apply(&mut app, &[Action::GoToDay(day)]);
        let screen = text(&mut app, 120, 200);
        let positions: Vec<usize> = order
            .iter()
            .filter_map(|name| {
                screen.lines().position(|l| {
                    l.trim_start().starts_with(name.as_str())
                        && l.trim_end().ends_with(name.as_str())
                })
            })
            .collect();
        assert!(positions.len() >= 2, "day {day}: categories shown");
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "day {day}: {positions:?}\n{screen}"
        );
    }
}

#[test]
fn the_stop_banner_says_how_many_more_questions_are_below() {
    let mut app = app();
    apply(&mut app, &[Action::GoTo(Screen::Preparation)]);
    let questions: Vec<usize> = app
        .prep_items()
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i, PrepItem::Screening(_)))
        .map(|(n, _)| n)
        .collect();
    for &q in &questions[..11] {
        app.update(Action::ToggleItem(q));
    }
    let screen = text(&mut app, 80, 24);
    let more = screen
        .lines()
        .find(|l| l.contains("more: see the list below"))
        .unwrap_or_else(|| panic!("no count of the rest:\n{screen}"));
    let n: usize = more
        .split_whitespace()
        .find_map(|w| w.parse().ok())
        .expect("a number");
    let shown = screen
        .lines()
        .filter(|l| l.trim_start().starts_with("• "))
        .count();
    assert_eq!(n + shown, 11, "{screen}");
}

#[test]
fn spanish_tabs_keep_their_names_at_80_columns() {
    let mut app = app_with(Options {
        language: Some("es".into()),
        ..options()
    });
    let tabs = rows(&mut app, 80, 24).remove(1);
    let named = tabs
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    assert!(named >= 5, "{tabs}");
}

#[test]
fn end_goes_to_the_end_of_help_and_the_glossary_offers_no_choose() {
    let mut app = app();
    apply(&mut app, &[Action::OpenHelp]);
    let key = |app: &App, code| {
        careguide::input::keymap::action_for(app, &ratatui::crossterm::event::KeyEvent::from(code))
    };
    let end = key(&app, ratatui::crossterm::event::KeyCode::End).unwrap();
    apply(&mut app, &[end]);
    assert!(app.overlays.scroll > 0, "End scrolled the help");
    apply(&mut app, &[Action::Close, Action::OpenGlossary]);
    let footer = rows(&mut app, 80, 24).pop().unwrap();
    assert!(!footer.contains("Choose"), "{footer}");
}

#[test]
fn page_down_pages_the_text_instead_of_turning_the_page() {
    let mut app = app();
    apply(&mut app, &[Action::GoTo(Screen::Overview)]);
    let pgdn = careguide::input::keymap::action_for(
        &app,
        &ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::PageDown),
    )
    .unwrap();
    apply(&mut app, &[pgdn]);
    assert_eq!(app.nav.screen, Screen::Overview);
    assert!(app.nav.scroll > 10, "a page: {}", app.nav.scroll);
}

#[test]
fn tabs_and_the_section_index_use_the_same_names() {
    let mut app = app();
    let tabs = rows(&mut app, 120, 40).remove(1);
    apply(&mut app, &[Action::OpenIndex]);
    let index = text(&mut app, 120, 40);
    for screen in Screen::SECTIONS {
        let name = ui::tab_name(app.ui(), screen);
        assert!(tabs.contains(name), "tab {name}: {tabs}");
        assert!(index.contains(name), "index {name}");
    }
}

#[test]
fn printing_sends_the_html_page_and_can_start_today() {
    let mut app = app();
    apply(&mut app, &[Action::OpenPrint]);
    assert_eq!(app.overlays.open, Some(Overlay::Print));
    assert_eq!(app.update(Action::Print(true)), [Effect::Print(true)]);
    let whole = careguide::take_home::printable(&app, false, Default::default());
    let ahead = careguide::take_home::printable(&app, true, Default::default());
    assert!(whole.starts_with("<!DOCTYPE html>"), "HTML by default");
    assert!(whole.contains("Day 0, Fri 20 Nov 2026"));
    assert!(
        !ahead.contains("Day 0, Fri 20 Nov 2026"),
        "only the days to come"
    );
    assert!(ahead.contains("Day 3, Mon 23 Nov 2026"));
}

#[test]
fn the_manual_page_has_keys_exit_status_and_files() {
    let out = common::run(&["man"]);
    let page = String::from_utf8(out.stdout).unwrap();
    for section in [".SH COMMANDS", ".SH KEYS", ".SH EXIT STATUS", ".SH FILES"] {
        assert!(page.contains(section), "{section}");
    }
    assert!(!page.contains("careguide-list(1)") && !page.contains("careguide\\-list(1)"));
    assert!(page.contains("Go to today"), "keys come from the key table");
}

#[test]
fn when_to_call_lists_signs_in_the_same_order_as_the_printed_plan() {
    let mut app = app();
    apply(&mut app, &[Action::GoTo(Screen::WhenToCall)]);
    let screen = text(&mut app, 120, 200);
    let printed =
        String::from_utf8(common::run_app(&["print", "needling", "--format", "text"]).stdout)
            .unwrap();
    let order = |s: &str| {
        let e = s.find("Get emergency care right away").unwrap();
        let c = s.find("Call the clinic if you have").unwrap();
        e < c
    };
    assert_eq!(order(&screen), order(&printed));
}

#[test]
fn a_long_saved_path_keeps_its_file_name_at_80_columns() {
    let mut app = app();
    let folder = "/home/front-desk/Documents/Clinic exports/Patients/2026/November";
    let file = "careguide-needling-2026-11-20.html";
    app.notices.message = Some(format!("Saved {folder}/{file}"));
    let screen = text(&mut app, 80, 24);
    let row = screen
        .lines()
        .find(|l| l.contains("Saved"))
        .unwrap_or_else(|| panic!("no Saved row in\n{screen}"));
    assert!(row.contains(file), "the file name is cut: {row:?}");
    assert!(row.contains('…'), "the middle is shortened: {row:?}");
}

#[test]
fn a_limit_that_runs_past_the_charts_edge_says_so() {
    let mut app = app();
    apply(&mut app, &[Action::GoTo(Screen::Restrictions)]);
    // At 80 columns the window starts after Day -14, when "No tanning"
    // begins: its first cell is ◀, not a bar that seems to start there.
    let narrow = rows(&mut app, 80, 40);
    let tanning = narrow.iter().find(|r| r.contains("No tanning")).unwrap();
    assert!(tanning.contains('◀'), "{}", narrow.join("\n"));
    let sun = narrow.iter().find(|r| r.contains("No direct sun")).unwrap();
    assert!(!sun.contains('◀') && !sun.contains('▶'), "{sun}");
    assert!(
        narrow
            .iter()
            .any(|r| r.contains("◀ ▶ more days off the chart"))
    );
    // With room for every day, nothing is cut off and no arrow is drawn.
    let wide = rows(&mut app, 200, 50);
    let chart_rows = wide
        .iter()
        .filter(|r| r.contains("until Day") && r.contains('·'));
    assert!(
        !chart_rows
            .clone()
            .any(|r| r.contains('◀') || r.contains('▶')),
        "{}",
        wide.join("\n")
    );
    assert_eq!(chart_rows.count(), 12);
}

#[test]
fn a_long_plan_name_in_the_header_is_shortened_with_an_ellipsis() {
    let mut app = app();
    apply(&mut app, &[Action::SetLanguage("es".into())]);
    let screen = text(&mut app, 60, 24);
    let header = screen.lines().next().unwrap();
    assert!(
        header.contains("Hoy: Día 3"),
        "the dates stay whole: {header:?}"
    );
    assert!(
        header.contains('…'),
        "the name is cut without a mark: {header:?}"
    );
    assert!(
        header.contains("… "),
        "a column between name and dates: {header:?}"
    );
}
