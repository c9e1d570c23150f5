//! Reading the screen aloud: what the screen says, in reading order, as
//! lines of plain text (no box drawing, no key hints).

use crate::app::{App, Screen};

/// The current screen's text, in reading order: its title, then its lines
/// (no box drawing, no key hints), with dates spelled out.
pub fn screen_lines(app: &App) -> Vec<String> {
    let ui = app.ui();
    let mut lines = vec![crate::ui::screen_title(ui, app.nav.screen).to_string()];
    let here = app.nav.screen;
    // The kiosk's own first screens say what their buttons say.
    match here {
        Screen::Welcome => {
            lines = vec![
                crate::text::sanitize(&app.guide().contact.name).into_owned(),
                ui.welcome_purpose.to_string(),
                ui.welcome_start.to_string(),
            ];
        }
        Screen::Path => lines.extend([
            ui.path_ready.to_string(),
            ui.path_ready_detail.to_string(),
            ui.path_treated.to_string(),
            ui.path_treated_detail.to_string(),
        ]),
        Screen::Date if app.mode() == crate::app::Mode::Kiosk => {
            lines.push(
                if app.kiosk.path == Some(crate::app::KioskPath::GettingReady) {
                    ui.kiosk_date_question_ahead.to_string()
                } else {
                    ui.kiosk_date_question.to_string()
                },
            );
        }
        _ => {}
    }
    let day = (here == Screen::Aftercare).then_some(app.nav.day);
    if here == Screen::Aftercare
        && let Some(entry) = app.guide().aftercare.get(app.nav.day)
    {
        lines.push(crate::output::document::aftercare_heading(
            app.plan(),
            ui,
            entry,
        ));
    }
    for (hit, texts) in crate::app::search::locations(app.plan(), false) {
        if hit.screen == here && hit.day == day {
            lines.extend(texts.iter().map(|t| crate::text::sanitize(t).into_owned()));
        }
    }
    // Dates as words a listener understands ("Monday 23 November").
    lines.iter().map(|l| ui.spoken(l)).collect()
}

/// How speech is made: a command (espeak-ng by default) and its settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeechSettings {
    /// The program and its arguments; `{voice}`, `{rate}` and `{volume}`
    /// are filled in, and the text arrives on standard input.
    pub command: Vec<String>,
    /// Words per minute.
    pub rate: u32,
    /// 0 to 200 (espeak-ng's amplitude; 100 is its default).
    pub volume: u32,
}

impl Default for SpeechSettings {
    fn default() -> Self {
        Self {
            command: [
                "espeak-ng",
                "-v",
                "{voice}",
                "-s",
                "{rate}",
                "-a",
                "{volume}",
                "--stdin",
            ]
            .into_iter()
            .map(String::from)
            .collect(),
            rate: 150,
            volume: 100,
        }
    }
}

/// The voice for a language: US English, Latin-American Spanish, else the
/// language code itself.
pub fn voice(language: &str) -> String {
    match language.split('-').next().unwrap_or(language) {
        "en" => "en-us".into(),
        "es" => "es-419".into(),
        other => other.into(),
    }
}

/// Why the screen could not be read aloud.
#[derive(Debug, PartialEq, Eq)]
pub enum SpeechError {
    /// No speech program: the screen says so once.
    NotInstalled(String),
    Failed(String),
}

/// Reads text aloud through a speech program, one reading at a time. A
/// reading is stopped by the next one, by [`Speaker::stop`], and when the
/// speaker is dropped: no speech process outlives the app.
#[derive(Debug, Default)]
pub struct Speaker {
    settings: SpeechSettings,
    child: Option<std::process::Child>,
}

impl Speaker {
    pub fn new(settings: SpeechSettings) -> Self {
        Self {
            settings,
            child: None,
        }
    }

    /// Reads `lines` aloud in `language`, stopping any reading first.
    pub fn speak(&mut self, language: &str, lines: &[String]) -> Result<(), SpeechError> {
        use std::io::Write;
        self.stop();
        let voice = voice(language);
        let args: Vec<String> = self
            .settings
            .command
            .iter()
            .map(|a| {
                a.replace("{voice}", &voice)
                    .replace("{rate}", &self.settings.rate.to_string())
                    .replace("{volume}", &self.settings.volume.to_string())
            })
            .collect();
        let Some((program, rest)) = args.split_first() else {
            return Err(SpeechError::NotInstalled(String::new()));
        };
        use std::os::unix::process::CommandExt;
        let mut child = std::process::Command::new(program)
            .args(rest)
            // Its own process group: stopping it stops whatever it started
            // (a speech command may be a script or a pipeline).
            .process_group(0)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => SpeechError::NotInstalled(program.clone()),
                _ => SpeechError::Failed(e.to_string()),
            })?;
        // Each line ends in a pause.
        let mut text = String::new();
        for line in lines {
            text.push_str(line.trim_end_matches(['.', ':']));
            text.push_str(".\n");
        }
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(text.as_bytes());
        }
        self.child = Some(child);
        Ok(())
    }

    /// Stops the reading, if one is going on.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if let Ok(group) = i32::try_from(child.id()) {
                // SAFETY: kill(2) with a negative pid signals the process
                // group the child leads; no memory is involved.
                unsafe {
                    libc::kill(-group, libc::SIGKILL);
                }
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Whether a reading is going on (a finished one is collected).
    pub fn is_speaking(&mut self) -> bool {
        match &mut self.child {
            Some(child) => match child.try_wait() {
                Ok(None) => true,
                _ => {
                    self.child = None;
                    false
                }
            },
            None => false,
        }
    }
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.stop();
    }
}
