//! The `schouw` binary: parse the command line, run the command, report errors in plain words.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = schouw::cli::Cli::parse();
    match schouw::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("schouw: {}", schouw::sanitize::line(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}
