//! `hirelint`: the command line and language server faces of the hirelint engine.
//!
//! `main` only parses the command line and dispatches; each command lives in `cli/`, the
//! language server in `lsp/`.

mod cli;
mod config;
mod fs;
mod line_index;
mod lsp;
mod output;
mod workspace;

use clap::Parser;
use cli::args::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match &cli.command {
        Command::Lint(args) => cli::lint::run(args),
        Command::Rules(args) => cli::rules::run(args),
        Command::Explain(args) => cli::explain::run(args),
        Command::Server(_) => return lsp::run(),
        Command::Match(args) => cli::matching::run(args),
    };
    status.into()
}
