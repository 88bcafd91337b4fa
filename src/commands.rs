//! The commands: the only place that wires files, store, domain and interface together. One
//! file per subcommand.

use std::process::ExitCode;

use crate::cli::Cli;

/// Runs one command and returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    anyhow::bail!("{:?} is not yet available", cli.command)
}
