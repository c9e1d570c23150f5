//! The non-interactive commands: list, check, print, completions, man.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{CheckArgs, Cli, Format, GlobalArgs, OpenArgs, PrintArgs};
use crate::guide::{FileReport, GuideSource, Library, Severity};
use crate::i18n::{self, UiText};
use crate::output::{document, markdown, text};
use crate::plan::Plan;
use crate::text::escape_unsafe;

/// Exit code for an invalid guide or a runtime error.
pub const EXIT_FAILURE: u8 = 1;

/// Prints an error to stderr and returns exit code 1.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("careguide: {}", escape_unsafe(&message.to_string()));
    ExitCode::from(EXIT_FAILURE)
}

/// Loads the guides in use, printing problems with bad files to stderr
/// (the good files still load).
pub fn load_library(global: &GlobalArgs) -> Result<Library, ExitCode> {
    let source = GuideSource::resolve(global.guides.as_deref());
    let library = Library::load(&source).map_err(fail)?;
    let broken: Vec<&FileReport> = library.reports.iter().filter(|r| r.has_errors()).collect();
    if !broken.is_empty() {
        eprintln!(
            "careguide: {} guide file(s) in {} have errors and were skipped; run `careguide check` for details:",
            broken.len(),
            source.describe()
        );
        for r in broken {
            eprintln!("  {}", escape_unsafe(&r.path.display().to_string()));
        }
    }
    Ok(library)
}

pub fn list(global: &GlobalArgs) -> ExitCode {
    let library = match load_library(global) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let id_width = library.guides.iter().map(|g| g.id.len()).max().unwrap_or(0);
    let mut out = io::stdout().lock();
    for g in &library.guides {
        let _ = writeln!(
            out,
            "{:<id_width$}  {:<5}  {}",
            g.id,
            g.language.as_str(),
            crate::text::sanitize(&g.title)
        );
    }
    if library.error_count() > 0 {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn check(global: &GlobalArgs, args: &CheckArgs) -> ExitCode {
    let library = if args.paths.is_empty() {
        let source = GuideSource::resolve(global.guides.as_deref());
        Library::load(&source)
    } else {
        Library::load_paths(&args.paths)
    };
    let library = match library {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let files = library.reports.len();
    let (_, ui_reports) = i18n::load_all();
    let mut reports: Vec<FileReport> = library.reports;
    reports.extend(ui_reports.into_iter().filter(|r| !r.diagnostics.is_empty()));
    let mut out = io::stdout().lock();
    let (mut errors, mut warnings) = (0, 0);
    for r in &reports {
        for line in r.lines() {
            let _ = writeln!(out, "{line}");
        }
        errors += r.count(Severity::Error);
        warnings += r.count(Severity::Warning);
    }
    let _ = out.flush();
    eprintln!(
        "checked {} file(s): {errors} error(s), {warnings} warning(s){}",
        files,
        if args.strict && warnings > 0 {
            " (--strict: warnings count as errors)"
        } else {
            ""
        }
    );
    if files == 0 {
        eprintln!("careguide: no guide files (*.toml) found");
        return ExitCode::from(EXIT_FAILURE);
    }
    if errors > 0 || (args.strict && warnings > 0) {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn print(global: &GlobalArgs, args: &PrintArgs) -> ExitCode {
    let library = match load_library(global) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let Some(guide) = library.find(&args.guide, args.lang.as_deref()) else {
        return fail(match library.languages_of(&args.guide).as_slice() {
            [] => format!(
                "no guide `{}`; the guides are: {}",
                args.guide,
                library.ids().join(", ")
            ),
            langs => format!(
                "guide `{}` has no version in `{}`; it has: {}",
                args.guide,
                args.lang.as_deref().unwrap_or(""),
                langs.join(", ")
            ),
        });
    };
    let plan = match Plan::new(guide, &args.addons, args.date) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let ui = UiText::for_language(&guide.language);
    let today = global
        .today
        .or_else(|| args.date.map(|_| crate::dates::today()));
    let doc = document::build(&plan, ui, &guide.contact, today);
    let rendered = match args.format {
        Format::Text => text::render(&doc, ui, usize::from(args.width)),
        Format::Markdown => markdown::render(&doc, ui),
    };
    let mut out = io::stdout().lock();
    match out.write_all(rendered.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`careguide print ... | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    clap_complete::generate(shell, &mut Cli::command(), "careguide", &mut io::stdout());
    ExitCode::SUCCESS
}

pub fn man() -> ExitCode {
    match clap_mangen::Man::new(Cli::command()).render(&mut io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// Opens the interactive guide.
pub fn interactive(global: &GlobalArgs, open: &OpenArgs) -> ExitCode {
    use crate::app::{App, Mode, Options};
    let library = match load_library(global) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let source = GuideSource::resolve(global.guides.as_deref());
    let options = Options {
        mode: Mode::Practitioner,
        language: open.lang.clone(),
        guide: open.guide.clone(),
        addons: open.addons.clone(),
        treatment_date: open.date,
        today: global.today.unwrap_or_else(crate::dates::today),
        contact: None,
    };
    let app = match App::new(library, options, std::time::Instant::now()) {
        Ok(app) => app,
        Err(e) => return fail(e),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let run = crate::tui::RunOptions {
        theme: crate::ui::Theme::new(open.theme, no_color),
        mouse: !open.no_mouse,
        watch: open.watch.then_some(source),
    };
    match crate::tui::run(app, run) {
        Ok(code) => ExitCode::from(code),
        Err(e) => fail(e),
    }
}
