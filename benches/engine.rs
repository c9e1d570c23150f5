//! In-process benchmarks: loading and validating guides, and drawing every
//! screen. Each has a reference measured in the same run (parsing the same
//! bytes as bare TOML; drawing a plain paragraph of the same size), so the
//! figures can be read as ratios on a noisy shared machine.
//!
//! ```text
//! cargo bench --bench engine
//! ```

use std::path::PathBuf;
use std::time::Instant;

use careguide::app::{Action, App, Mode, Options, Screen};
use careguide::guide::library::{Checks, EMBEDDED_GUIDES, FileContent, load_file_with};
use careguide::guide::{Library, synthetic};
use careguide::ui::{self, Theme, ThemeName};
use divan::{Bencher, black_box};
use jiff::civil::date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [250_000, 1_000_000, 4_000_000];

fn load(bencher: Bencher, bytes: usize, checks: Checks) {
    let text = synthetic::guide(bytes);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .with_inputs(|| text.clone().into_bytes())
        .bench_values(|b| {
            load_file_with(
                PathBuf::from("synthetic.toml"),
                FileContent::Bytes(b),
                checks,
            )
        });
}

/// Loading and validating a synthetic guide of this many bytes, as the app
/// and `list` do (every rule that decides whether the guide can be used).
#[divan::bench(args = SIZES, sample_count = 20)]
fn load_synthetic(bencher: Bencher, bytes: usize) {
    load(bencher, bytes, Checks::ErrorsOnly);
}

/// The same with every plain-language lint too, as `careguide check` does.
#[divan::bench(args = SIZES, sample_count = 20)]
fn check_synthetic(bencher: Bencher, bytes: usize) {
    load(bencher, bytes, Checks::All);
}

/// Reference: the same bytes parsed as bare TOML (no schema, no rules).
#[divan::bench(args = SIZES, sample_count = 20)]
fn reference_toml_parse(bencher: Bencher, bytes: usize) {
    let text = synthetic::guide(bytes);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| toml::de::DeTable::parse(black_box(&text)).map(|t| t.into_inner().len()));
}

/// The shipped guides (both languages, with the cross-language checks).
#[divan::bench]
fn load_shipped(bencher: Bencher) {
    bencher
        .with_inputs(|| {
            EMBEDDED_GUIDES
                .iter()
                .map(|(name, text)| {
                    (
                        PathBuf::from(name),
                        FileContent::Bytes(text.as_bytes().to_vec()),
                    )
                })
                .collect::<Vec<_>>()
        })
        .bench_values(Library::from_files);
}

fn app_on(screen: Screen, mode: Mode) -> App {
    let library = Library::load(&careguide::guide::GuideSource::Embedded).unwrap();
    let options = Options {
        mode,
        guide: Some("microneedling".into()),
        addons: vec!["prp".into()],
        treatment_date: Some(date(2026, 11, 20)),
        ..Options::new(date(2026, 11, 23))
    };
    let mut app = App::new(library, options, Instant::now()).unwrap();
    app.update(Action::GoTo(screen));
    app
}

const SCREENS: [Screen; 9] = [
    Screen::Picker,
    Screen::Date,
    Screen::Overview,
    Screen::Preparation,
    Screen::Numbing,
    Screen::Procedure,
    Screen::Aftercare,
    Screen::Restrictions,
    Screen::WhenToCall,
];

fn draw(bencher: Bencher, screen: Screen, w: u16, h: u16) {
    let app = app_on(screen, Mode::Practitioner);
    let theme = Theme::new(ThemeName::Dark, false);
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        buf.reset();
        ui::render(&app, &theme, area, &mut buf)
    });
}

/// One full frame of each screen at 80×24.
#[divan::bench(args = SCREENS)]
fn render_80x24(bencher: Bencher, screen: Screen) {
    draw(bencher, screen, 80, 24);
}

/// One full frame of each screen at 200×60.
#[divan::bench(args = SCREENS)]
fn render_200x60(bencher: Bencher, screen: Screen) {
    draw(bencher, screen, 200, 60);
}

/// The kiosk's aftercare frame (big buttons) at 80×24.
#[divan::bench]
fn render_kiosk_aftercare_80x24(bencher: Bencher) {
    let mut app = app_on(Screen::Welcome, Mode::Kiosk);
    app.update(Action::Next);
    app.update(Action::Next);
    app.update(Action::ChoosePath(careguide::app::KioskPath::Treated));
    app.update(Action::DaysAgo(3));
    let theme = Theme::new(ThemeName::HighContrast, false);
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        buf.reset();
        ui::render(&app, &theme, area, &mut buf)
    });
}

/// Reference: ratatui drawing a wrapped paragraph that fills the window.
#[divan::bench(args = [(80, 24), (200, 60)])]
fn reference_paragraph(bencher: Bencher, (w, h): (u16, u16)) {
    let text = "Keep your skin clean and out of the sun while it heals. "
        .repeat(usize::from(w) * usize::from(h) / 56);
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        buf.reset();
        Paragraph::new(text.as_str())
            .wrap(Wrap { trim: true })
            .render(area, &mut buf);
    });
}
