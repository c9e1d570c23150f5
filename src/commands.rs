//! Every command: the interactive guide (practitioner mode, the kiosk, plain mode), list, check, print, pin-hash, completions and man.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{CheckArgs, Cli, Format, GlobalArgs, OpenArgs, PrintArgs};
use crate::config::ThemeName;
use crate::config::{self, Config, ConfigError};
use crate::guide::library::{Checks, Deferred};
use crate::guide::{FileReport, GuideSource, Library, Severity};
use crate::i18n::{self, UiText};
use crate::output::{document, html, markdown, text};
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
    // The app, `list` and `print` need no plain-language lints: `check` runs them.
    let library = Library::load_with(&source, Checks::ErrorsOnly).map_err(fail)?;
    report_broken(&library, &source);
    Ok(library)
}

/// For the app: the guides in `language` now, the rest set aside to load
/// after the first frame (see [`Library::load_first`]).
fn load_library_first(
    global: &GlobalArgs,
    language: &str,
) -> Result<(Library, Deferred), ExitCode> {
    let source = GuideSource::resolve(global.guides.as_deref());
    let (library, later) =
        Library::load_first(&source, Checks::ErrorsOnly, language).map_err(fail)?;
    report_broken(&library, &source);
    Ok((library, later))
}

/// Names the files that have errors (their guides were skipped) on stderr.
fn report_broken(library: &Library, source: &GuideSource) {
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
    let mut files = library.reports.len();
    let (_, ui_reports) = i18n::load_all();
    let mut reports: Vec<FileReport> = library.reports;
    // The clinic's config in use (`--config`, else the default file) is
    // checked too: a broken one would stop the kiosk.
    let mut config_problem = None;
    match config::load(global.config.as_deref()) {
        Ok(c) => files += usize::from(c.path.is_some()),
        Err(ConfigError::Invalid(report)) => {
            files += 1;
            reports.push(report);
        }
        Err(e) => config_problem = Some(e.to_string()),
    }
    // Reading levels, per guide, printed after the diagnostics.
    let mut levels = Vec::new();
    if args.readability {
        for g in &library.guides {
            let Some(report) = reports.iter_mut().find(|r| r.path == g.path) else {
                continue;
            };
            let mut d = crate::guide::diagnostic::Diagnostics::new();
            let mut filled = g.clone();
            crate::guide::fill_in::fill_for_checks(&mut filled);
            match crate::guide::lint::readability(&filled, &report.source, &mut d) {
                Some(l) => {
                    report.diagnostics.extend(d.into_sorted());
                    levels.push((g.path.clone(), l));
                }
                None => report.diagnostics.push(crate::guide::Diagnostic::warning(
                    g.language.span.clone(),
                    format!(
                        "careguide has no reading-level measure for language `{}`",
                        g.language
                    ),
                )),
            }
        }
    }
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
    if let Some(problem) = &config_problem {
        let _ = writeln!(out, "careguide: {}", escape_unsafe(problem));
        errors += 1;
    }
    for (path, l) in &levels {
        let _ = writeln!(
            out,
            "{}: reading level by section ({}, the limit is {}; beside it {})",
            escape_unsafe(&path.display().to_string()),
            l.measure.name(),
            l.measure.limit(),
            match l.measure {
                crate::guide::readability::Measure::FleschKincaid => "SMOG grade",
                crate::guide::readability::Measure::FernandezHuerta => "the INFLESZ band",
            }
        );
        let width = l
            .sections
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(0);
        for s in &l.sections {
            let flag = if l.measure.too_hard(s.score) {
                "  too hard"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  {:<width$}  {:>5.1}  {}{flag}",
                s.name, s.score, s.companion
            );
        }
        let _ = writeln!(
            out,
            "  {:<width$}  {:>5.1}  {}",
            "average", l.average, l.companion
        );
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
    if args.format == Format::Ics && args.date.is_none() {
        // A usage error, like a bad date: exit 2.
        eprintln!("careguide: {}", crate::calendar::CalendarError::NoDate);
        return ExitCode::from(2);
    }
    let config = match load_config(global) {
        Ok(c) => c,
        Err(code) => return code,
    };
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
    // The clinic's contact (from the config) is in the plan before its text
    // is filled, so the text, the contact block, the QR code and the
    // calendar all say the same phone.
    let plan = match Plan::with_contact(guide, &args.addons, args.date, |c| config.clinic.apply(c))
    {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let ui = UiText::for_language(&guide.language);
    let today = global
        .today
        .or_else(|| args.date.map(|_| crate::app::Clock::today()));
    let rendered = if args.format == Format::Ics {
        let stamp = today.unwrap_or_else(crate::app::Clock::today);
        match crate::calendar::render(&plan, stamp) {
            Ok(s) => s,
            Err(e) => return fail(e),
        }
    } else {
        let mut doc = document::build(&plan, ui, today);
        if args.format == Format::Html {
            // The take-home code says the clinic's own phone (from the
            // config), or holds its page (`[export] qr_url`).
            let day = today.unwrap_or_else(crate::app::Clock::today);
            doc.qr = Some(crate::qr::payload(&plan, ui, day, config.qr_url.as_deref()));
        }
        match args.format {
            Format::Text => text::render(&doc, ui, usize::from(args.width)),
            Format::Markdown => markdown::render(&doc, ui),
            Format::Html | Format::Ics => html::render(&doc, ui),
        }
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
    match io::stdout().write_all(man_page().as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// The manual page: clap's name, synopsis, description and options, then
/// the commands, the keys (from the key table), exit status, files and
/// environment. (No `careguide-list(1)` style pages are referred to: the
/// commands are all described here.)
pub fn man_page() -> String {
    fn esc(s: &str) -> String {
        s.replace('\\', "\\e").replace('-', "\\-")
    }
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    let _ = man.render_options_section(&mut out);
    let mut page = String::from_utf8_lossy(&out).into_owned();
    page.push_str(".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut usage = sub
            .clone()
            .bin_name(format!("careguide {}", sub.get_name()));
        let usage = usage.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ");
        page.push_str(&format!(".TP\n\\fB{}\\fR\n", esc(usage)));
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            page.push_str(&format!("{}\n", esc(&about.to_string())));
        }
    }
    page.push_str(".SH KEYS\nIn practitioner mode every key below works; the kiosk allows only the patient\x27s keys (the Mode column). The footer shows the main keys of each screen and \\fB?\\fR lists them all.\n");
    for [keys, says, on, who] in crate::input::keymap::table(crate::i18n::UiText::english()) {
        page.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{} ({}; {})\n",
            esc(&keys),
            esc(&says),
            esc(&on),
            esc(&who)
        ));
    }
    page.push_str(concat!(
        ".SH EXIT STATUS\n",
        ".TP\n\\fB0\\fR\nSuccess: the guide was closed (practitioner \\fBq\\fR, or the kiosk\x27s staff exit with the right PIN), or the command did its work.\n",
        ".TP\n\\fB1\\fR\nA problem: \\fBcheck\\fR found errors (or warnings with \\fB\\-\\-strict\\fR), a guide or config file could not be read, no terminal for the kiosk (or the plain kiosk\x27s input ended), a bad date or add\\-on.\n",
        ".TP\n\\fB2\\fR\nThe command line was wrong (an unknown option or command).\n",
        ".TP\n\\fB129\\fR, \\fB143\\fR\nThe terminal hung up (SIGHUP) or the program was asked to stop (SIGTERM); the terminal is restored first.\n",
        ".TP\n\\fB101\\fR\nAn internal error (a bug): the terminal is restored first. A kiosk service should restart on it (systemd \\fBRestart=on\\-failure\\fR).\n",
        ".SH FILES\n",
        ".TP\n\\fB~/.config/careguide/careguide.toml\\fR\nThe clinic config (clinic name and phone, theme, kiosk idle time and staff PIN hash, print command, speech). \\fB\\-\\-config\\fR names another file.\n",
        ".TP\n\\fBguides/\\fR\nThe guide files (TOML), one per language: \\fIid\\fR.toml and \\fIid\\fR.\\fIlang\\fR.toml. Without \\fB\\-\\-guides\\fR, ./guides is used when it exists, else the guides built into the program.\n",
        ".TP\n\\fB~/careguide\\-exports/\\fR\nWhere practitioner mode saves take\\-home pages (\\fBe\\fR); set in the config. The kiosk writes nothing.\n",
        ".SH ENVIRONMENT\n",
        ".TP\n\\fBNO_COLOR\\fR\nWhen set, no colours: emphasis by bold, reverse video and words.\n",
        ".TP\n\\fBTERM=dumb\\fR\nPlain mode: numbered text, no full\\-screen codes.\n",
        ".SH SEE ALSO\n",
        "The README and FORMAT.md that come with careguide (the guide format).\n",
    ));
    let mut out = Vec::new();
    let _ = man.render_version_section(&mut out);
    page.push_str(&String::from_utf8_lossy(&out));
    page
}

/// Reads the config file: the one given, else the default one if present.
/// A broken config is reported with its positions and stops the command.
pub fn load_config(global: &GlobalArgs) -> Result<Config, ExitCode> {
    match config::load(global.config.as_deref()) {
        Ok(c) => Ok(c),
        Err(ConfigError::Invalid(report)) => {
            for line in report.lines() {
                eprintln!("{line}");
            }
            Err(fail(format!(
                "the config file {} has errors; fix them and start again",
                report.path.display()
            )))
        }
        Err(e) => Err(fail(e)),
    }
}

/// Opens the interactive guide (practitioner mode, or the kiosk).
pub fn interactive(global: &GlobalArgs, open: &OpenArgs) -> ExitCode {
    use crate::app::{App, Mode, Options};
    let config = match load_config(global) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let language = open.lang.clone().or_else(|| config.language.clone());
    // The first frame needs only the guides in the language it shows: the
    // others load right after it (see `Library::load_first`).
    let (library, later) = match load_library_first(global, language.as_deref().unwrap_or("en")) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let source = GuideSource::resolve(global.guides.as_deref());
    let mode = if open.kiosk {
        Mode::Kiosk
    } else {
        Mode::Practitioner
    };
    let terminal = io::stdin().is_terminal() && io::stdout().is_terminal();
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if mode == Mode::Practitioner && (open.plain || dumb || !terminal) {
        return plain_mode(global, open, &config, &library.complete(later), terminal);
    }
    // The plain kiosk reads lines: a terminal, a serial line or a pipe.
    let plain_kiosk = mode == Mode::Kiosk && (open.plain || dumb);
    if mode == Mode::Kiosk && !terminal && !plain_kiosk {
        return fail("the kiosk needs a terminal");
    }
    if mode == Mode::Kiosk {
        // Said here, before the screen starts: never on the patient's screen.
        match (&config.path, &config.staff_pin_hash) {
            (None, _) => eprintln!(
                "careguide: kiosk started without a config file ({}): default settings, staff exit off; \
                 stop it from outside (its supervisor, or `kill -TERM {}`)",
                config::default_path().map_or("no config folder".into(), |p| format!(
                    "looked for {}",
                    p.display()
                )),
                std::process::id()
            ),
            (Some(path), None) => eprintln!(
                "careguide: {} has no [kiosk] staff_pin_hash: staff exit is off; stop it from outside (`kill -TERM {}`)",
                path.display(),
                std::process::id()
            ),
            _ => {}
        }
    }
    if plain_kiosk {
        return plain_kiosk_mode(global, open, &config, &library.complete(later));
    }
    // When the files named for the language lack what the first frame
    // shows (the guide or language asked for), everything loads now.
    let first_frame_ready = library.can_show_first(open.guide.as_deref(), language.as_deref());
    let (library, later) = if first_frame_ready || later.is_empty() {
        (library, Some(later).filter(|l| !l.is_empty()))
    } else {
        (library.complete(later), None)
    };
    let options = Options {
        mode,
        language,
        guide: open.guide.clone(),
        addons: open.addons.clone(),
        treatment_date: open.date,
        contact: config.clinic.clone(),
        idle_timeout: idle_timeout(open, &config),
        staff_pin_hash: config.staff_pin_hash.clone(),
        can_print: config.print_command.is_some(),
        qr_url: config.qr_url.clone(),
        ..Options::new(global.today.unwrap_or_else(crate::app::Clock::today))
    };
    let app = match App::new(library, options, std::time::Instant::now()) {
        Ok(app) => app,
        Err(e) => return fail(e),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = match (open.theme, mode) {
        (Some(t), _) => t,
        (None, Mode::Kiosk) => config.theme.unwrap_or(ThemeName::HighContrast),
        (None, Mode::Practitioner) => ThemeName::Dark,
    };
    let run = crate::tui::RunOptions {
        theme: crate::ui::Theme::new(theme, no_color),
        mouse: !open.no_mouse,
        watch: (open.watch && mode == Mode::Practitioner).then_some(source),
        kiosk: mode == Mode::Kiosk,
        export_folder: config.export_folder.clone(),
        print_command: config.print_command.clone(),
        print_format: config.print_format,
        speech: config.speech.clone(),
        today: global.today,
        test_panic_key: std::env::var_os("CAREGUIDE_TEST_PANIC").is_some_and(|v| v == "1"),
    };
    match crate::tui::run(app, run, later) {
        Ok(code) => ExitCode::from(code),
        Err(e) => fail(e),
    }
}

/// How long a kiosk waits before it starts over: `--idle-timeout`, else
/// the config's, else the default.
fn idle_timeout(open: &OpenArgs, config: &Config) -> std::time::Duration {
    open.idle_timeout
        .map(std::time::Duration::from_secs)
        .or(config.idle_timeout)
        .unwrap_or(std::time::Duration::from_secs(config::DEFAULT_IDLE_SECS))
}

/// The plain walks' line width: the terminal's, kept readable, or 78.
fn plain_width() -> usize {
    ratatui::crossterm::terminal::size()
        .ok()
        .filter(|_| io::stdout().is_terminal())
        .map_or(78, |(w, _)| usize::from(w).clamp(20, 100).saturating_sub(2))
}

/// `--guide ID` names a guide the library has (else the error to exit with).
fn guide_exists(library: &Library, open: &OpenArgs) -> Result<(), ExitCode> {
    match &open.guide {
        Some(id) if library.find(id, None).is_none() => Err(fail(format!(
            "no guide `{id}`; the guides are: {}",
            library.ids().join(", ")
        ))),
        _ => Ok(()),
    }
}

/// Plain mode: the linear walk for screen readers, `TERM=dumb`, or no
/// terminal (then it prints straight through).
fn plain_mode(
    global: &GlobalArgs,
    open: &OpenArgs,
    config: &Config,
    library: &Library,
    terminal: bool,
) -> ExitCode {
    let width = plain_width();
    let options = crate::plain::PlainOptions {
        language: open.lang.clone().or_else(|| config.language.clone()),
        guide: open.guide.clone(),
        addons: (!open.addons.is_empty() || open.guide.is_some()).then(|| open.addons.clone()),
        treatment_date: open.date,
        today: global.today.unwrap_or_else(crate::app::Clock::today),
        contact: config.clinic.clone(),
        width,
        interactive: terminal,
    };
    if let Err(code) = guide_exists(library, open) {
        return code;
    }
    let mut out = io::stdout().lock();
    match crate::plain::run(library, &options, &mut io::stdin().lock(), &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// The plain kiosk (`--kiosk --plain`, or `--kiosk` with `TERM=dumb`):
/// the kiosk's walk as numbered lines. Exits 0 on the staff exit (like the
/// TUI kiosk); 1 when its input ends for good, so a service restarts it.
fn plain_kiosk_mode(
    global: &GlobalArgs,
    open: &OpenArgs,
    config: &Config,
    library: &Library,
) -> ExitCode {
    use crate::plain_kiosk::{self, Exit, FdInput, PlainKioskOptions};
    let width = plain_width();
    if let Err(code) = guide_exists(library, open) {
        return code;
    }
    let options = PlainKioskOptions {
        language: open.lang.clone().or_else(|| config.language.clone()),
        guide: open.guide.clone(),
        addons: (!open.addons.is_empty() || open.guide.is_some()).then(|| open.addons.clone()),
        today: global.today.unwrap_or_else(crate::app::Clock::today),
        contact: config.clinic.clone(),
        width,
        idle_timeout: idle_timeout(open, config),
        staff_pin_hash: config.staff_pin_hash.clone(),
    };
    plain_kiosk::ignore_terminal_signals();
    let mut input = FdInput::stdin();
    let mut out = io::stdout().lock();
    match plain_kiosk::run(library, &options, &mut input, &mut out) {
        Ok(Exit::Staff) => ExitCode::SUCCESS,
        Ok(Exit::InputGone) => fail(
            "the kiosk's input ended (stdin closed), so it can take no more; \
             exiting with status 1 for its supervisor to restart it",
        ),
        Err(e) => fail(e),
    }
}

/// Reads a PIN (without echo on a terminal) and prints its salted hash.
pub fn pin_hash(allow_short: bool) -> ExitCode {
    let pin = if io::stdin().is_terminal() {
        let first = match read_secret("Staff PIN (6 to 12 digits): ") {
            Ok(p) => p,
            Err(e) => return fail(e),
        };
        match read_secret("The same PIN again: ") {
            Ok(again) if again == first => first,
            Ok(_) => return fail("the two PINs differ; nothing was made"),
            Err(e) => return fail(e),
        }
    } else {
        let mut line = String::new();
        if let Err(e) = io::stdin().read_line(&mut line) {
            return fail(e);
        }
        line.trim().to_string()
    };
    if crate::pin::is_valid_pin(&pin)
        && let Some(why) = crate::pin::weakness(&pin, allow_short)
    {
        return fail(format!("that PIN is too easy to guess: {why}"));
    }
    match crate::pin::hash_pin(&pin) {
        Ok(hash) => {
            println!("{hash}");
            eprintln!("Put it in the config file under [kiosk]: staff_pin_hash = \"{hash}\"");
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// Reads a line from the terminal without echoing it.
fn read_secret(prompt: &str) -> io::Result<String> {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
    use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode};
    eprint!("{prompt}");
    enable_raw_mode()?;
    let mut secret = String::new();
    let result = loop {
        match read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(io::Error::other("cancelled"));
                }
                KeyCode::Char(c) => secret.push(c),
                KeyCode::Backspace => {
                    secret.pop();
                }
                KeyCode::Esc => break Err(io::Error::other("cancelled")),
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e),
        }
    };
    let _ = disable_raw_mode();
    eprintln!();
    result.map(|()| secret)
}
