//! The commands: the only place that wires files, store, domain and interface together. One
//! file per subcommand.

mod lens;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Runs one command and returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Lens(cmd) => lens::run(cmd),
        other => anyhow::bail!("{other:?} is not yet available"),
    }
}
