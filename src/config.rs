//! The clinic's config file (TOML): the clinic's contact details (which
//! override every guide's), the default language, kiosk settings and the
//! take-home export. Checked like a guide: every problem with its
//! `path:line:column`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::guide::diagnostic::{Diagnostics, FileReport};
use crate::guide::{Contact, Text};
use crate::toml_reader::{Table, parse_document, suggestion};

/// The colour themes (`--theme`, `[kiosk] theme`); the styles themselves
/// are the interface's business (`ui::theme`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    Dark,
    Light,
    HighContrast,
}

/// The idle timeout when none is configured.
pub const DEFAULT_IDLE_SECS: u64 = 180;
/// The idle timeouts allowed, in seconds.
pub const IDLE_RANGE: std::ops::RangeInclusive<i64> = 10..=3600;

/// The clinic's contact details; each one set replaces the guides' own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClinicContact {
    pub name: Option<Text>,
    pub phone: Option<Text>,
    pub after_hours_phone: Option<Text>,
    pub after_hours: Option<Text>,
}

impl ClinicContact {
    /// The guide's contact block with the clinic's details put in.
    pub fn apply(&self, contact: &Contact) -> Contact {
        Contact {
            name: self.name.clone().unwrap_or_else(|| contact.name.clone()),
            phone: self.phone.clone().or_else(|| contact.phone.clone()),
            after_hours_phone: self
                .after_hours_phone
                .clone()
                .or_else(|| contact.after_hours_phone.clone()),
            after_hours: self
                .after_hours
                .clone()
                .or_else(|| contact.after_hours.clone()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.phone.is_none()
            && self.after_hours_phone.is_none()
            && self.after_hours.is_none()
    }
}

/// Everything a config file can set.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Where it was read from (None: no config file).
    pub path: Option<PathBuf>,
    pub clinic: ClinicContact,
    pub language: Option<String>,
    pub idle_timeout: Option<Duration>,
    pub theme: Option<ThemeName>,
    pub staff_pin_hash: Option<String>,
    /// Where practitioner mode writes take-home copies.
    pub export_folder: Option<PathBuf>,
    /// A command that prints a take-home copy, given it on its standard input.
    pub print_command: Option<Vec<String>>,
    /// What the print command is given.
    pub print_format: PrintFormat,
    /// What the take-home QR code holds instead of the plan's summary: the
    /// clinic's page (`[export] qr_url`, an http or https address).
    pub qr_url: Option<String>,
    /// How the screen is read aloud.
    pub speech: crate::speech::SpeechSettings,
}

/// What the print command gets on its standard input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrintFormat {
    /// The take-home page (for a browser, or a converter to PDF).
    #[default]
    Html,
    /// Plain text (for a plain printer queue).
    Text,
}

/// Why a config could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file `{}`: {}", .0.display(), .1)]
    Unreadable(PathBuf, std::io::Error),
    #[error("the config file has errors:\n{0}")]
    Invalid(FileReport),
}

/// The config file used when no `--config` is given: `careguide.toml` in
/// the platform's config folder (e.g. `~/.config/careguide/` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "careguide")
        .map(|d| d.config_dir().join("careguide.toml"))
}

/// Where take-home copies go when the config names no folder: `careguide`
/// in the user's documents folder (else their home, else here).
pub fn default_export_folder() -> PathBuf {
    let user = directories::UserDirs::new();
    user.as_ref()
        .and_then(|u| u.document_dir().map(Path::to_path_buf))
        .or_else(|| user.as_ref().map(|u| u.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("careguide")
}

/// Finds and reads the config: `explicit` must exist; the default path is
/// used only when it exists. `Ok(Config::default())` means no file.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path().filter(|p| p.is_file()) {
            Some(p) => p,
            None => return Ok(Config::default()),
        },
    };
    let source =
        std::fs::read_to_string(&path).map_err(|e| ConfigError::Unreadable(path.clone(), e))?;
    let mut d = Diagnostics::new();
    let config = parse(&source, &mut d);
    if d.has_errors() {
        return Err(ConfigError::Invalid(FileReport::new(
            path,
            source,
            d.into_sorted(),
        )));
    }
    Ok(Config {
        path: Some(path),
        ..config
    })
}

const THEMES: [(&str, ThemeName); 3] = [
    ("dark", ThemeName::Dark),
    ("light", ThemeName::Light),
    ("high-contrast", ThemeName::HighContrast),
];

/// Parses a config file's text, reporting every problem.
pub fn parse(source: &str, d: &mut Diagnostics) -> Config {
    let mut config = Config::default();
    let Some(doc) = parse_document(source, d) else {
        return config;
    };
    let mut root = Table::root(&doc);
    config.language = root.opt_text(d, "language").map(|t| t.value.to_string());
    if let Some(mut clinic) = root.opt_table(d, "clinic", "[clinic]") {
        let mut phone = |d: &mut Diagnostics, key: &'static str| {
            let p = clinic.opt_text(d, key)?;
            if crate::guide::parse::is_phone_number(&p) {
                Some(p)
            } else {
                d.error(
                    p.span.clone(),
                    format!(
                        "`{key}` in [clinic] must be a phone number (digits, spaces, + - ( ) .), found `{}`",
                        p.value
                    ),
                );
                None
            }
        };
        let (phone_, after_hours_phone) = (phone(d, "phone"), phone(d, "after_hours_phone"));
        config.clinic = ClinicContact {
            name: clinic.opt_text(d, "name"),
            phone: phone_,
            after_hours_phone,
            after_hours: clinic.opt_text(d, "after_hours"),
        };
        clinic.finish(d);
    }
    if let Some(mut kiosk) = root.opt_table(d, "kiosk", "[kiosk]") {
        config.idle_timeout = kiosk
            .opt_int(d, "idle_timeout", IDLE_RANGE)
            .map(|n| Duration::from_secs(*n.get_ref() as u64));
        if let Some(theme) = kiosk.opt_text(d, "theme") {
            match THEMES.iter().find(|(name, _)| *name == theme.as_str()) {
                Some((_, t)) => config.theme = Some(*t),
                None => d.error(
                    theme.span.clone(),
                    format!(
                        "unknown theme `{}`{}",
                        theme.value,
                        suggestion(&theme, &THEMES.map(|(n, _)| n))
                    ),
                ),
            }
        }
        if let Some(hash) = kiosk.opt_text(d, "staff_pin_hash") {
            match crate::pin::check_hash(&hash) {
                Ok(()) => config.staff_pin_hash = Some(hash.value.to_string()),
                Err(e) => d.error(
                    hash.span.clone(),
                    format!("`staff_pin_hash` in [kiosk] is {e}"),
                ),
            }
        }
        kiosk.finish(d);
    }
    if let Some(mut export) = root.opt_table(d, "export", "[export]") {
        config.export_folder = export
            .opt_text(d, "folder")
            .map(|t| PathBuf::from(&*t.value));
        let command = export.text_list(d, "print_command", false);
        if !command.is_empty() {
            config.print_command = Some(command.into_iter().map(|t| t.value.to_string()).collect());
        }
        if let Some(format) = export.opt_text(d, "print_format") {
            match format.as_str() {
                "html" => config.print_format = PrintFormat::Html,
                "text" => config.print_format = PrintFormat::Text,
                other => d.error(
                    format.span.clone(),
                    format!(
                        "`print_format` in [export] must be \"html\" or \"text\", found \"{other}\""
                    ),
                ),
            }
        }
        if let Some(url) = export.opt_text(d, "qr_url") {
            let u = url.as_str();
            let ok = (u.starts_with("https://") || u.starts_with("http://"))
                && u.len() <= 300
                && !u.chars().any(|c| c.is_whitespace() || c.is_control());
            if ok {
                config.qr_url = Some(url.value.to_string());
            } else {
                d.error(
                    url.span.clone(),
                    "`qr_url` in [export] must be an http:// or https:// address of at most 300 characters, without spaces",
                );
            }
        }
        export.finish(d);
    }
    if let Some(mut speech) = root.opt_table(d, "speech", "[speech]") {
        let command = speech.text_list(d, "command", false);
        if !command.is_empty() {
            config.speech.command = command.into_iter().map(|t| t.value.to_string()).collect();
        }
        if let Some(rate) = speech.opt_int(d, "rate", 80..=450) {
            config.speech.rate = *rate.get_ref() as u32;
        }
        if let Some(volume) = speech.opt_int(d, "volume", 0..=200) {
            config.speech.volume = *volume.get_ref() as u32;
        }
        speech.finish(d);
    }
    root.finish(d);
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(source: &str) -> (Config, Vec<String>) {
        let mut d = Diagnostics::new();
        let config = parse(source, &mut d);
        let report = FileReport::new("c.toml", source.to_string(), d.into_sorted());
        (config, report.lines().collect())
    }

    #[test]
    fn a_full_config_reads() {
        let hash = crate::pin::hash_pin("1234").unwrap();
        let (c, errors) = check(&format!(
            "language = \"es\"\n[clinic]\nname = \"Bright Skin\"\nphone = \"555-0100\"\n\
             [kiosk]\nidle_timeout = 60\ntheme = \"light\"\nstaff_pin_hash = \"{hash}\"\n\
             [export]\nfolder = \"/tmp/x\"\nprint_command = [\"lp\", \"-d\", \"front\"]\n\
             qr_url = \"https://clinic.example/care\"\n"
        ));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(c.language.as_deref(), Some("es"));
        assert_eq!(
            c.clinic.name.as_ref().map(|t| t.as_str()),
            Some("Bright Skin")
        );
        assert_eq!(c.clinic.after_hours, None);
        assert_eq!(c.idle_timeout, Some(Duration::from_secs(60)));
        assert_eq!(c.theme, Some(ThemeName::Light));
        assert_eq!(c.staff_pin_hash, Some(hash));
        assert_eq!(c.print_command.unwrap(), ["lp", "-d", "front"]);
        assert_eq!(c.qr_url.as_deref(), Some("https://clinic.example/care"));
    }

    #[test]
    fn a_qr_url_must_be_a_web_address() {
        let (c, errors) = check("[export]\nqr_url = \"call us\"\n");
        assert_eq!(c.qr_url, None);
        assert_eq!(
            errors,
            [
                "c.toml:2:10: error: `qr_url` in [export] must be an http:// or https:// address of at most 300 characters, without spaces"
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_position() {
        let (_, errors) = check(
            "[clinic]\nnmae = \"x\"\n[kiosk]\nidle_timeout = 5\ntheme = \"hi-contrast\"\nstaff_pin_hash = \"1234\"\n",
        );
        assert_eq!(
            errors,
            [
                "c.toml:2:1: error: unknown key `nmae` in [clinic], did you mean `name`?",
                "c.toml:4:16: error: `idle_timeout` in [kiosk] must be a whole number from 10 to 3600, found 5",
                "c.toml:5:9: error: unknown theme `hi-contrast`, did you mean `high-contrast`?",
                "c.toml:6:18: error: `staff_pin_hash` in [kiosk] is not a password hash (password hash string missing field); \
                 make one with `careguide pin-hash`",
            ]
        );
    }
}
