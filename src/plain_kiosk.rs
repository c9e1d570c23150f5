//! The plain kiosk: `careguide --kiosk --plain`, or `--kiosk` when
//! `TERM=dumb`. The kiosk's walk as numbered lines a screen reader (or a
//! dumb terminal) can follow: welcome and language, "getting ready" or "I
//! had my treatment", the date, then that path's sections one at a time
//! with a numbered menu (next, back, when to call, start over).
//!
//! It keeps the kiosk's rules:
//! - no way out for a patient: `q`, Ctrl+C (SIGINT, ignored like Ctrl+\
//!   and Ctrl+Z) and Ctrl+D on a terminal do nothing; only staff leave, by
//!   typing `staff` and the PIN (the TUI kiosk's PIN check and lock; exit
//!   status 0 like its staff exit);
//! - the idle reset: no line for the idle timeout (a warning first, like
//!   "Still there?") and it starts over from the welcome, forgetting all;
//! - nothing is written to disk (no export, print or calendar here);
//! - no escape codes: plain text and line breaks only.
//!
//! When its input is gone for good (stdin closed: a pipe or file ended, or
//! the terminal hung up) a kiosk can take no more input and starting over
//! would only wait forever, so [`run`] returns [`Exit::InputGone`]: the
//! command says so on stderr and exits with status 1, which a service
//! restarts on (systemd `Restart=on-failure`).

use std::io::{self, Write};
use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::app::kiosk::{KioskPath, PinGuard};
use crate::config::ClinicContact;
use crate::guide::Library;
use crate::i18n::{UiText, fill};
use crate::output::document::{self, Block, Part};
use crate::output::text::{self, TextOptions};
use crate::plan::Plan;

/// What the plain kiosk starts from (the kiosk's settings).
#[derive(Clone, Debug)]
pub struct PlainKioskOptions {
    /// The language each patient starts in.
    pub language: Option<String>,
    pub guide: Option<String>,
    pub addons: Option<Vec<String>>,
    pub today: Date,
    pub contact: ClinicContact,
    /// Lines are wrapped this wide.
    pub width: usize,
    pub idle_timeout: Duration,
    pub staff_pin_hash: Option<String>,
}

/// Why the plain kiosk stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Staff typed `staff` and the right PIN.
    Staff,
    /// Its input ended for good: it can take no more.
    InputGone,
}

/// What waiting for a line brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Got {
    Line(String),
    /// The time given passed without a whole line.
    Timeout,
    /// The input ended for good.
    Gone,
}

/// Where the kiosk's lines come from.
pub trait LineInput {
    /// The next line (trimmed), waiting at most `timeout` (`None`: for
    /// as long as it takes).
    fn read_line(&mut self, timeout: Option<Duration>) -> io::Result<Got>;
    /// Whether typed text shows as it is typed (a terminal's echo); the
    /// PIN is read with it off.
    fn set_echo(&mut self, _on: bool) {}
}

/// Lines from a file descriptor (stdin), read with `poll(2)` so waiting for
/// the idle timeout costs nothing. Its own buffer, so nothing read is held
/// where `poll` cannot see it.
pub struct FdInput {
    fd: i32,
    buffer: Vec<u8>,
    terminal: bool,
    ended: bool,
    saved_termios: Option<libc::termios>,
}

/// A line longer than this is cut (nobody types one; a stuck key might).
const MAX_LINE: usize = 4096;

impl FdInput {
    pub fn stdin() -> Self {
        // SAFETY: isatty only looks at the descriptor.
        let terminal = unsafe { libc::isatty(0) } == 1;
        Self {
            fd: 0,
            buffer: Vec::new(),
            terminal,
            ended: false,
            saved_termios: None,
        }
    }

    fn take_line(&mut self) -> Option<String> {
        let end = self.buffer.iter().position(|&b| b == b'\n')?;
        let line: Vec<u8> = self.buffer.drain(..=end).collect();
        Some(clean(&line))
    }
}

/// A line as text: invalid UTF-8 replaced, control characters dropped,
/// spaces trimmed.
fn clean(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

impl LineInput for FdInput {
    fn read_line(&mut self, timeout: Option<Duration>) -> io::Result<Got> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            if let Some(line) = self.take_line() {
                return Ok(Got::Line(line));
            }
            if self.ended {
                if self.buffer.is_empty() {
                    return Ok(Got::Gone);
                }
                let rest = std::mem::take(&mut self.buffer);
                return Ok(Got::Line(clean(&rest)));
            }
            let wait_ms: libc::c_int = match deadline {
                None => -1,
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Ok(Got::Timeout);
                    }
                    // Rounded up, so it never wakes just before the time.
                    i32::try_from(left.as_nanos().div_ceil(1_000_000)).unwrap_or(i32::MAX)
                }
            };
            let mut pfd = libc::pollfd {
                fd: self.fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd, its count, and a timeout.
            let n = unsafe { libc::poll(&mut pfd, 1, wait_ms) };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            if n == 0 {
                continue;
            }
            let mut chunk = [0u8; 1024];
            // SAFETY: reads at most chunk.len() bytes into chunk.
            let r = unsafe { libc::read(self.fd, chunk.as_mut_ptr().cast(), chunk.len()) };
            if r < 0 {
                let e = io::Error::last_os_error();
                match e.kind() {
                    io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock => continue,
                    // A terminal that hung up reads as EIO.
                    _ if self.terminal => self.ended = true,
                    _ => return Err(e),
                }
                continue;
            }
            if r == 0 {
                // On a terminal, Ctrl+D reads as an end that is not one: it
                // is ignored. A hang-up, or the end of a pipe or file, is.
                if self.terminal && pfd.revents & libc::POLLHUP == 0 {
                    continue;
                }
                self.ended = true;
                continue;
            }
            self.buffer
                .extend_from_slice(&chunk[..usize::try_from(r).unwrap_or(0)]);
            if self.buffer.len() > MAX_LINE && !self.buffer.contains(&b'\n') {
                self.buffer.truncate(MAX_LINE);
                self.buffer.push(b'\n');
            }
        }
    }

    fn set_echo(&mut self, on: bool) {
        if !self.terminal {
            return;
        }
        // SAFETY: termios is plain data; tcgetattr fills it, tcsetattr
        // reads it, both on our own descriptor.
        unsafe {
            if on {
                if let Some(saved) = self.saved_termios.take() {
                    libc::tcsetattr(self.fd, libc::TCSANOW, &saved);
                }
            } else {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(self.fd, &mut t) == 0 {
                    self.saved_termios = Some(t);
                    t.c_lflag &= !libc::ECHO;
                    libc::tcsetattr(self.fd, libc::TCSANOW, &t);
                }
            }
        }
    }
}

impl Drop for FdInput {
    fn drop(&mut self) {
        self.set_echo(true);
    }
}

/// Ctrl+C, Ctrl+\ and Ctrl+Z do nothing: a patient cannot stop the kiosk
/// (the TUI kiosk reads them as keys in raw mode; here the terminal would
/// send signals).
pub fn ignore_terminal_signals() {
    // SAFETY: setting a signal to SIG_IGN is always sound.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
        libc::signal(libc::SIGQUIT, libc::SIG_IGN);
        libc::signal(libc::SIGTSTP, libc::SIG_IGN);
    }
}

/// The staff command, typed at any question.
pub const STAFF_COMMAND: &str = "staff";

/// What a question got.
enum Answer {
    Text(String),
    /// Ask again (after the "still there?" warning, or the staff prompt).
    Again,
    /// Idle too long, or "start over": back to the welcome.
    StartOver,
    Exit(Exit),
}

struct Kiosk<'a> {
    library: &'a Library,
    options: &'a PlainKioskOptions,
    input: &'a mut dyn LineInput,
    out: &'a mut dyn Write,
    last_input: Instant,
    pin_guard: PinGuard,
}

/// Runs the plain kiosk until staff leave or its input is gone.
pub fn run(
    library: &Library,
    options: &PlainKioskOptions,
    input: &mut dyn LineInput,
    out: &mut dyn Write,
) -> io::Result<Exit> {
    let mut kiosk = Kiosk {
        library,
        options,
        input,
        out,
        last_input: Instant::now(),
        pin_guard: PinGuard::default(),
    };
    loop {
        match kiosk.patient()? {
            Some(exit) => return Ok(exit),
            None => continue,
        }
    }
}

impl Kiosk<'_> {
    fn start_language(&self) -> String {
        let languages = self.library.languages();
        match &self.options.language {
            Some(l) if languages.contains(&l.as_str()) => l.clone(),
            _ if languages.contains(&"en") => "en".into(),
            _ => languages.first().map_or("en".into(), |l| l.to_string()),
        }
    }

    /// One patient, from the welcome; `None` to start over.
    fn patient(&mut self) -> io::Result<Option<Exit>> {
        let library = self.library;
        let start = self.start_language();
        let ui = UiText::for_language(&start);
        writeln!(self.out)?;
        writeln!(self.out, "{}", ui.welcome_purpose)?;
        writeln!(self.out)?;
        // Nothing chosen yet: the welcome waits without an idle timer.
        let languages = library.languages();
        let language = if languages.len() > 1 {
            let (question, names) = crate::plain::language_question(&languages);
            match self.choose(&question, ui, &names, true)? {
                Ok(i) => languages[i].to_string(),
                Err(next) => return Ok(next),
            }
        } else {
            start
        };
        let ui = UiText::for_language(&language);

        let ids = library.ids();
        let id = match &self.options.guide {
            Some(id) => id.clone(),
            None if ids.len() > 1 => {
                let titles = crate::plain::guide_titles(library, &ids, &language);
                match self.choose(&ui.plain_choose_guide, ui, &titles, false)? {
                    Ok(i) => ids[i].to_string(),
                    Err(next) => return Ok(next),
                }
            }
            None => ids.first().map(|s| s.to_string()).unwrap_or_default(),
        };
        let Some(guide) = library.find(&id, Some(&language)) else {
            return Err(io::Error::other(format!("no guide `{id}`")));
        };

        let addons = match &self.options.addons {
            Some(a) => a.clone(),
            None if !guide.addons.is_empty() => loop {
                writeln!(self.out)?;
                writeln!(self.out, "{}", ui.plain_choose_addons)?;
                for (i, a) in guide.addons.iter().enumerate() {
                    writeln!(self.out, "  {}. {}", i + 1, crate::text::sanitize(&a.label))?;
                }
                let answer = match self.ask(ui, false)? {
                    Answer::Text(t) => t,
                    Answer::Again => continue,
                    Answer::StartOver => return Ok(None),
                    Answer::Exit(e) => return Ok(Some(e)),
                };
                match crate::plain::parse_addons(&answer, guide) {
                    Some(p) => break p,
                    None => writeln!(self.out, "{}", ui.plain_invalid)?,
                }
            },
            None => Vec::new(),
        };

        let paths = [
            format!("{}: {}", ui.path_ready, ui.path_ready_detail),
            format!("{}: {}", ui.path_treated, ui.path_treated_detail),
        ];
        let path = match self.choose(&ui.path_question, ui, &paths, false)? {
            Ok(0) => KioskPath::GettingReady,
            Ok(_) => KioskPath::Treated,
            Err(next) => return Ok(next),
        };

        let date = match self.date(ui, &language, path)? {
            Ok(d) => d,
            Err(next) => return Ok(next),
        };

        let plan = Plan::with_contact(guide, &addons, date, |c| self.options.contact.apply(c))
            .map_err(io::Error::other)?;
        self.sections(&plan, ui, path)
    }

    /// Waits for the patient's answer, with the idle reset (none while
    /// `fresh`: nothing chosen yet) and the staff command.
    fn ask(&mut self, ui: &UiText, fresh: bool) -> io::Result<Answer> {
        self.out.flush()?;
        if fresh {
            self.last_input = Instant::now();
        }
        let timeout = self.options.idle_timeout;
        let window = (timeout / 3).min(Duration::from_secs(30));
        let mut warned = false;
        loop {
            let wait = if fresh {
                None
            } else {
                let idle = self.last_input.elapsed();
                let until = if warned { timeout } else { timeout - window };
                Some(until.saturating_sub(idle))
            };
            match self.input.read_line(wait)? {
                Got::Gone => return Ok(Answer::Exit(Exit::InputGone)),
                Got::Timeout if warned => {
                    writeln!(self.out)?;
                    writeln!(self.out, "{}", ui.plain_kiosk_starting_over)?;
                    self.out.flush()?;
                    return Ok(Answer::StartOver);
                }
                Got::Timeout => {
                    warned = true;
                    let left = timeout.saturating_sub(self.last_input.elapsed());
                    writeln!(self.out)?;
                    writeln!(
                        self.out,
                        "{} {} {}.",
                        ui.still_there,
                        ui.plain_kiosk_keep_reading,
                        fill(
                            &ui.starting_over_in,
                            &[("n", &crate::app::countdown::whole_seconds(left))]
                        )
                    )?;
                    self.out.flush()?;
                }
                Got::Line(line) => {
                    self.last_input = Instant::now();
                    if line.eq_ignore_ascii_case(STAFF_COMMAND) {
                        return self.staff(ui);
                    }
                    // The first Enter after the warning only keeps reading.
                    if warned && line.is_empty() {
                        return Ok(Answer::Again);
                    }
                    return Ok(Answer::Text(line));
                }
            }
        }
    }

    /// The staff exit: the PIN, checked and locked like the TUI kiosk's.
    fn staff(&mut self, ui: &UiText) -> io::Result<Answer> {
        let Some(hash) = self.options.staff_pin_hash.clone() else {
            writeln!(self.out, "{}", ui.staff_exit_off)?;
            return Ok(Answer::Again);
        };
        if let Some(left) = self.pin_guard.locked_for(Instant::now()) {
            let seconds = crate::app::countdown::whole_seconds(left);
            writeln!(
                self.out,
                "{}",
                fill(&ui.plain_kiosk_pin_locked, &[("seconds", &seconds)])
            )?;
            return Ok(Answer::Again);
        }
        // Echo off before the prompt shows, so no digit typed after it shows.
        self.input.set_echo(false);
        write!(self.out, "{} ", ui.staff_pin_prompt)?;
        self.out.flush()?;
        let got = self.input.read_line(Some(self.options.idle_timeout));
        self.input.set_echo(true);
        writeln!(self.out)?;
        let entry = match got? {
            Got::Line(l) => l,
            Got::Timeout => return Ok(Answer::Again),
            Got::Gone => return Ok(Answer::Exit(Exit::InputGone)),
        };
        self.last_input = Instant::now();
        if crate::pin::is_valid_pin(&entry) && crate::pin::verify_pin(&entry, &hash) {
            self.pin_guard = PinGuard::default();
            return Ok(Answer::Exit(Exit::Staff));
        }
        let now = Instant::now();
        self.pin_guard.failed(now);
        match self.pin_guard.locked_for(now) {
            Some(left) => writeln!(
                self.out,
                "{}",
                fill(
                    &ui.plain_kiosk_pin_locked,
                    &[("seconds", &crate::app::countdown::whole_seconds(left))]
                )
            )?,
            None => writeln!(self.out, "{}", ui.pin_wrong)?,
        }
        Ok(Answer::Again)
    }

    /// A numbered question: the index chosen, or where to go instead.
    fn choose(
        &mut self,
        question: &str,
        ui: &UiText,
        items: &[String],
        fresh: bool,
    ) -> io::Result<Result<usize, Option<Exit>>> {
        loop {
            writeln!(self.out)?;
            writeln!(self.out, "{question}")?;
            for (i, item) in items.iter().enumerate() {
                writeln!(self.out, "  {}. {}", i + 1, crate::text::sanitize(item))?;
            }
            match self.ask(ui, fresh)? {
                Answer::Text(t) => match t.parse::<usize>() {
                    Ok(n) if (1..=items.len()).contains(&n) => return Ok(Ok(n - 1)),
                    _ => writeln!(self.out, "{}", ui.plain_invalid)?,
                },
                Answer::Again => {}
                Answer::StartOver => return Ok(Err(None)),
                Answer::Exit(e) => return Ok(Err(Some(e))),
            }
        }
    }

    /// The date question: numbered days, "not sure", or a typed date,
    /// checked against the path like the TUI kiosk's date screen.
    fn date(
        &mut self,
        ui: &UiText,
        language: &str,
        path: KioskPath,
    ) -> io::Result<Result<Option<Date>, Option<Exit>>> {
        let choices = path.date_choices(ui);
        let mut items: Vec<String> = choices.iter().map(|(label, _)| label.clone()).collect();
        items.push(ui.date_not_sure.to_string());
        items.push(ui.start_over.to_string());
        let question = path.date_question(ui);
        let today = self.options.today;
        loop {
            writeln!(self.out)?;
            writeln!(self.out, "{question}")?;
            for (i, item) in items.iter().enumerate() {
                writeln!(self.out, "  {}. {item}", i + 1)?;
            }
            writeln!(self.out, "{}", ui.plain_kiosk_date_typed)?;
            let answer = match self.ask(ui, false)? {
                Answer::Text(t) => t,
                Answer::Again => continue,
                Answer::StartOver => return Ok(Err(None)),
                Answer::Exit(e) => return Ok(Err(Some(e))),
            };
            let date = if answer.is_empty() {
                writeln!(self.out, "{}", ui.kiosk_date_needed)?;
                continue;
            } else if let Ok(n) = answer.parse::<usize>() {
                match n {
                    n if (1..=choices.len()).contains(&n) => {
                        crate::dates::date_of_day(today, -choices[n - 1].1)
                    }
                    n if n == choices.len() + 1 => return Ok(Ok(None)),
                    n if n == choices.len() + 2 => return Ok(Err(None)),
                    _ => {
                        writeln!(self.out, "{}", ui.plain_invalid)?;
                        continue;
                    }
                }
            } else {
                match crate::app::date_entry::parse_typed(&answer, language) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        writeln!(self.out, "{}", e.in_language(ui))?;
                        continue;
                    }
                }
            };
            let Some(date) = date else {
                writeln!(self.out, "{}", ui.plain_invalid)?;
                continue;
            };
            let day = crate::dates::day_of_date(date, today);
            match path.refuses(day, ui) {
                Some(why) => writeln!(self.out, "{why}")?,
                None => return Ok(Ok(Some(date))),
            }
        }
    }

    /// The path's sections, one at a time, with the menu.
    fn sections(&mut self, plan: &Plan, ui: &UiText, path: KioskPath) -> io::Result<Option<Exit>> {
        let today = self.options.today;
        let today_day = plan.day_of(today);
        let from_day = match path {
            KioskPath::Treated => today_day.map(|d| d.max(0)),
            KioskPath::GettingReady => None,
        };
        let doc = document::build_from(plan, ui, Some(today), from_day);
        let pages = pages(&doc.blocks, path, plan, ui, today_day);
        let text_options = TextOptions {
            width: self.options.width,
            underline: false,
            chart: false,
        };
        writeln!(self.out)?;
        write!(
            self.out,
            "{}",
            text::join(&text::title(&doc, &text_options))
        )?;
        if let Some(line) = today_day.and_then(|day| path.today_line(day, ui)) {
            writeln!(self.out, "{line}")?;
        }
        let total = pages.len();
        let call = total - 1;
        let mut n = 0;
        let mut show = true;
        loop {
            if show {
                writeln!(self.out)?;
                writeln!(
                    self.out,
                    "{}",
                    fill(
                        &ui.plain_kiosk_section,
                        &[("n", &(n + 1)), ("total", &total)]
                    )
                )?;
                write!(
                    self.out,
                    "{}",
                    text::join(&text::blocks(&pages[n], ui, &text_options))
                )?;
                if n + 1 == total {
                    writeln!(self.out)?;
                    writeln!(self.out, "{}", ui.plain_end)?;
                }
            }
            show = true;
            // The menu: what there is from here.
            let mut menu = Vec::new();
            if n + 1 < total {
                menu.push((Go::Next, ui.next.as_str()));
            }
            if n > 0 {
                menu.push((Go::Back, ui.back.as_str()));
            }
            if n != call {
                menu.push((Go::Call, ui.tab_call.as_str()));
            }
            menu.push((Go::StartOver, ui.start_over.as_str()));
            writeln!(self.out)?;
            writeln!(self.out, "{}", ui.plain_kiosk_menu)?;
            for (i, (_, label)) in menu.iter().enumerate() {
                writeln!(self.out, "  {}. {label}", i + 1)?;
            }
            let go = match self.ask(ui, false)? {
                Answer::Text(t) if t.is_empty() => {
                    if n + 1 < total {
                        Go::Next
                    } else {
                        show = false;
                        continue;
                    }
                }
                Answer::Text(t) => match t.parse::<usize>() {
                    Ok(i) if (1..=menu.len()).contains(&i) => menu[i - 1].0,
                    _ => {
                        writeln!(self.out, "{}", ui.plain_invalid)?;
                        show = false;
                        continue;
                    }
                },
                Answer::Again => {
                    show = false;
                    continue;
                }
                Answer::StartOver => return Ok(None),
                Answer::Exit(e) => return Ok(Some(e)),
            };
            match go {
                Go::Next => n += 1,
                Go::Back => n -= 1,
                Go::Call => n = call,
                Go::StartOver => return Ok(None),
            }
        }
    }
}

/// The section menu's choices.
#[derive(Clone, Copy, PartialEq)]
enum Go {
    Next,
    Back,
    Call,
    StartOver,
}

/// The path's pages: what the TUI kiosk's steps show for it. Getting
/// ready: the overview, preparation, numbing, the procedure. Treated: each
/// aftercare day from today, then the limits. Both end with when to call
/// (the warning signs and the clinic's phone).
fn pages(
    blocks: &[Block],
    path: KioskPath,
    plan: &Plan,
    ui: &UiText,
    today_day: Option<i64>,
) -> Vec<Vec<Block>> {
    // The document's sections, by part.
    let mut sections: Vec<(Part, Vec<Block>)> = Vec::new();
    for b in blocks {
        match b {
            Block::Heading(part, _) => sections.push((*part, vec![b.clone()])),
            _ => {
                if let Some((_, s)) = sections.last_mut() {
                    s.push(b.clone());
                }
            }
        }
    }
    let part = |p: Part| -> Vec<Block> {
        sections
            .iter()
            .filter(|(q, _)| *q == p)
            .flat_map(|(_, s)| s.iter().cloned())
            .collect()
    };
    let mut pages: Vec<Vec<Block>> = Vec::new();
    match path {
        KioskPath::GettingReady => {
            let mut overview = part(Part::MainMessage);
            overview.extend(part(Part::About));
            pages.push(overview);
            for p in [Part::Preparation, Part::Numbing, Part::Procedure] {
                let blocks = part(p);
                if !blocks.is_empty() {
                    pages.push(blocks);
                }
            }
        }
        KioskPath::Treated => {
            // One page a day: the section's heading, then the day.
            let aftercare = part(Part::Aftercare);
            if let Some((heading, days)) = aftercare.split_first() {
                let mut day: Vec<Block> = Vec::new();
                for b in days {
                    if matches!(b, Block::Subheading(_)) && !day.is_empty() {
                        pages.push(std::iter::once(heading.clone()).chain(day).collect());
                        day = Vec::new();
                    }
                    day.push(b.clone());
                }
                if !day.is_empty() {
                    pages.push(std::iter::once(heading.clone()).chain(day).collect());
                } else if pages.is_empty() {
                    // Past the last day of aftercare.
                    let last = plan.guide.aftercare.iter().map(|e| e.days.to).max();
                    let text = match (today_day, last) {
                        (Some(n), Some(last)) => {
                            fill(&ui.aftercare_ended, &[("n", &n), ("last", &last)])
                        }
                        _ => String::new(),
                    };
                    pages.push(vec![heading.clone(), Block::Paragraph(text)]);
                }
            }
            let limits = part(Part::Restrictions);
            if !limits.is_empty() {
                pages.push(limits);
            }
        }
    }
    let mut call = part(Part::WarningSigns);
    call.extend(part(Part::Contact));
    pages.push(call);
    pages.retain(|p| !p.is_empty());
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scripted lines; a `None` stands for the idle timeout passing.
    struct Script(std::collections::VecDeque<Option<&'static str>>);

    impl LineInput for Script {
        fn read_line(&mut self, timeout: Option<Duration>) -> io::Result<Got> {
            match self.0.pop_front() {
                Some(Some(line)) => Ok(Got::Line(line.into())),
                Some(None) if timeout.is_some() => Ok(Got::Timeout),
                Some(None) => panic!("the idle timer runs on the welcome"),
                None => Ok(Got::Gone),
            }
        }
    }

    fn library() -> Library {
        Library::load(&crate::guide::GuideSource::Dir(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app"),
        ))
        .unwrap()
    }

    fn walk(lines: &[Option<&'static str>]) -> (String, Exit) {
        let options = PlainKioskOptions {
            language: None,
            guide: None,
            addons: None,
            today: jiff::civil::date(2026, 11, 23),
            contact: ClinicContact::default(),
            width: 70,
            idle_timeout: Duration::from_secs(60),
            staff_pin_hash: None,
        };
        let mut out = Vec::new();
        let exit = run(
            &library(),
            &options,
            &mut Script(lines.iter().copied().collect()),
            &mut out,
        )
        .unwrap();
        (String::from_utf8(out).unwrap(), exit)
    }

    #[test]
    fn the_treated_path_opens_on_today_and_reaches_when_to_call() {
        // English, no add-ons, treated, 3 days ago; then when to call.
        let (out, exit) = walk(&[Some("1"), Some(""), Some("2"), Some("4"), Some("2")]);
        assert_eq!(exit, Exit::InputGone);
        assert!(out.contains("Today is Day 3 after your treatment"), "{out}");
        assert!(
            !out.contains("Treatment day"),
            "past days are left out:\n{out}"
        );
        assert!(out.contains("555-0100"), "{out}");
        assert!(!out.contains('\x1b'));
    }

    #[test]
    fn the_idle_timeout_warns_then_starts_over() {
        let (out, _) = walk(&[Some("1"), Some(""), None, None, Some("2")]);
        let warned = out.find("Still there?").expect("a warning");
        let over = out.find("No one has typed").expect("starting over");
        assert!(warned < over);
        // Back at the welcome: the language question again.
        assert_eq!(out.matches("Choose a language").count(), 2, "{out}");
    }

    #[test]
    fn q_is_not_a_way_out() {
        let (out, exit) = walk(&[Some("q"), Some("quit")]);
        assert_eq!(
            out.matches("Please type one of the numbers shown.").count(),
            2
        );
        assert_eq!(exit, Exit::InputGone);
    }
}
