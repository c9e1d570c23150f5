//! The `careguide` program: parses the command line and hands it to the matching command in [`careguide::commands`].

use std::process::ExitCode;

use clap::Parser;

use careguide::cli::{Cli, Command};
use careguide::commands;

fn main() -> ExitCode {
    // Reading the interface text is the longest wait before the first
    // frame: it starts on the other core before the command line is even
    // parsed, in the language the command line names, else English (a
    // config that names another language starts that one once read).
    careguide::i18n::UiText::start_loading(language_asked().as_deref().unwrap_or("en"));
    let cli = Cli::parse();
    match &cli.command {
        None => commands::interactive(&cli.global, &cli.open),
        Some(Command::List) => commands::list(&cli.global),
        Some(Command::Check(args)) => commands::check(&cli.global, args),
        Some(Command::Print(args)) => commands::print(&cli.global, args),
        Some(Command::Completions { shell }) => commands::completions(*shell),
        Some(Command::Man) => commands::man(),
        Some(Command::PinHash { allow_short }) => commands::pin_hash(*allow_short),
    }
}

/// The value of `--lang` on the command line, read without clap (which
/// reads it properly right after).
fn language_asked() -> Option<String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(code) = arg.strip_prefix("--lang=") {
            return Some(code.to_string());
        }
        if arg == "--lang" {
            return args.next();
        }
    }
    None
}
