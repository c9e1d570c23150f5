//! The `careguide` program: parses the command line and hands it to the matching command in [`careguide::commands`].

use std::process::ExitCode;

use clap::Parser;

use careguide::cli::{Cli, Command};
use careguide::commands;

fn main() -> ExitCode {
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
