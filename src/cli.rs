//! The command line, parsed with clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::config::ThemeName;

/// Walks a patient through a skin treatment, screen by screen: preparation,
/// numbing, the procedure, and day-by-day aftercare.
///
/// Without a command, opens the interactive guide. Guides are read from
/// --guides DIR, else ./guides when it exists, else the guides built into
/// careguide.
#[derive(Debug, Parser)]
#[command(
    name = "careguide",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(flatten)]
    pub open: OpenArgs,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Read guides from this folder (default: ./guides if present, else the built-in guides)
    #[arg(long, global = true, value_name = "DIR")]
    pub guides: Option<PathBuf>,

    /// Use this date as today (for demos and tests)
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub today: Option<Date>,

    /// The clinic's config file (default: careguide.toml in the platform's config folder, if present)
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// What the interactive guide opens on.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// Open straight into this guide (see `careguide list`)
    #[arg(long, value_name = "ID")]
    pub guide: Option<String>,

    /// Add an add-on to the plan (repeatable), e.g. --addon prp
    #[arg(long = "addon", value_name = "ID")]
    pub addons: Vec<String>,

    /// The treatment date (Day 0)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<Date>,

    /// The language of the guide and the interface, e.g. en or es
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,

    /// Colour theme (default: dark; high-contrast in the kiosk). NO_COLOR turns colour off in any theme
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,

    /// A linear, screen-reader-friendly walk through the plan (also when TERM=dumb or not on a terminal)
    #[arg(long)]
    pub plain: bool,

    /// Run as a waiting-room kiosk: patients alone, locked down, forgets each patient when idle
    #[arg(long)]
    pub kiosk: bool,

    /// Kiosk: seconds without input before starting over (10 to 3600; default 180)
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(10..=3600))]
    pub idle_timeout: Option<u64>,

    /// Do not capture the mouse (keeps the terminal's own text selection)
    #[arg(long)]
    pub no_mouse: bool,

    /// Reload the guides when a file changes, staying on the same screen (for guide authors)
    #[arg(long)]
    pub watch: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the guides: one line per guide with its id, language and title
    List,

    /// Check guide files for errors, printing path:line:column: error|warning: message
    ///
    /// Exits 0 when there are no errors (and, with --strict, no warnings), 1 otherwise.
    Check(CheckArgs),

    /// Print a whole plan, non-interactively: main message, preparation,
    /// numbing, procedure, aftercare day by day, restrictions, warning signs,
    /// contact, disclaimer
    Print(PrintArgs),

    /// Print shell completions
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff), e.g. `careguide man > careguide.1`
    Man,

    /// Make the salted hash of a kiosk staff PIN for the config file (asks for the PIN twice on a terminal; reads one line from stdin otherwise). Refuses PINs anyone would try (all one digit, runs like 123456) and PINs under 6 digits unless --allow-short
    PinHash {
        /// Accept a 4- or 5-digit PIN (the kiosk still locks after wrong tries)
        #[arg(long)]
        allow_short: bool,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Guide files or folders to check (default: the guides in use)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,

    /// Also print each section's reading level (Flesch-Kincaid grade for English,
    /// Fernández-Huerta for Spanish) and warn about sections above grade 8
    #[arg(long)]
    pub readability: bool,
}

#[derive(Debug, Args)]
pub struct PrintArgs {
    /// The guide's id (see `careguide list`)
    #[arg(value_name = "GUIDE")]
    pub guide: String,

    /// The treatment date (Day 0): days are shown with their dates
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<Date>,

    /// Merge an add-on into the plan (repeatable), e.g. --addon prp
    #[arg(long = "addon", value_name = "ID")]
    pub addons: Vec<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// The language, e.g. en or es (default: English, else the guide's first language)
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,

    /// Wrap text output at this many columns
    #[arg(long, default_value_t = 78, value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    /// One self-contained page to take home (inline CSS, no scripts, prints on A4 or Letter)
    Html,
    /// A calendar file (iCalendar): one all-day event with a 9:00 reminder per milestone; needs --date
    Ics,
}

fn parse_date_arg(s: &str) -> Result<Date, String> {
    crate::dates::parse_date(s)
}
