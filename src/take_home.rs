//! Take-home copies: the plan saved as an HTML page, or sent to the
//! clinic's print command. The event loop calls these when the app asks
//! ([`crate::app::Effect`]); the kiosk never saves (it writes no file) and
//! prints only through the command's standard input.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::app::App;
use crate::config::PrintFormat;
use crate::output::{self, document};

/// The plan as a document, as today finds it: the whole plan, or only the
/// days still to come.
pub fn document(app: &App, from_today: bool) -> output::Document {
    let ui = app.ui();
    let today = Some(app.today());
    let from = if from_today { app.today_day() } else { None };
    let mut doc = document::build_from(app.plan(), ui, today, from);
    // The same code as the practitioner's QR window shows.
    doc.qr = Some(crate::qr::payload(
        app.plan(),
        ui,
        app.today(),
        app.options().qr_url.as_deref(),
    ));
    doc
}

/// The file name's stem for a take-home file: the guide, add-ons, date and
/// language; no patient data.
fn stem(app: &App) -> String {
    let mut stem = format!("careguide-{}", app.content.guide_id);
    for addon in &app.content.addons {
        stem.push('-');
        stem.push_str(addon);
    }
    stem.push('-');
    stem.push_str(
        &app.content
            .treatment_date
            .map_or("undated".to_string(), |d: Date| d.to_string()),
    );
    stem.push('.');
    stem.push_str(&app.content.language);
    stem
}

/// Writes `content` to `folder` as `STEM.EXT`, or `STEM-2.EXT` and so on:
/// never over an older file.
fn write_new(folder: &Path, stem: &str, ext: &str, content: &str) -> io::Result<PathBuf> {
    std::fs::create_dir_all(folder)?;
    for n in 1.. {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = folder.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(content.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    unreachable!("some numbered name is free")
}

/// Writes the take-home page into `folder`, never over an older copy.
/// The name holds the guide, add-ons, date and language: no patient data.
pub fn save(app: &App, folder: &Path) -> io::Result<PathBuf> {
    let page = output::html::render(&document(app, false), app.ui());
    write_new(folder, &stem(app), "html", &page)
}

/// Writes the plan's reminders as a calendar file (`.ics`, see
/// [`crate::calendar`]) into `folder`, named like [`save`]'s page and never
/// over an older file. A plan without a treatment date has no dates to
/// remind of: that is an `InvalidInput` error (say "set the treatment date
/// first").
pub fn save_calendar(app: &App, folder: &Path) -> io::Result<PathBuf> {
    let ics = crate::calendar::render(app.plan(), app.today())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    write_new(folder, &stem(app), "ics", &ics)
}

/// What the print command gets on its standard input: the take-home page
/// (HTML, the default) or plain text.
pub fn printable(app: &App, from_today: bool, format: PrintFormat) -> String {
    let doc = document(app, from_today);
    match format {
        PrintFormat::Html => output::html::render(&doc, app.ui()),
        PrintFormat::Text => output::text::render(&doc, app.ui(), 78),
    }
}

/// Pipes `content` to the print command (nothing is written to disk).
pub fn print(content: &str, command: Option<&[String]>) -> Result<(), String> {
    let Some([program, args @ ..]) = command else {
        return Err("no print command is set in the config file".into());
    };
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("`{program}`: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        // A command that exits without reading all of it is judged by its
        // exit status below, not by the closed pipe.
        match stdin.write_all(content.as_bytes()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e.to_string()),
            _ => {}
        }
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(crate::text::sanitize(err.lines().next().unwrap_or("failed")).into_owned())
    }
}
