//! The `schouw` binary: parse the command line, run the command, report errors in plain words.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = schouw::cli::Cli::parse();
    match schouw::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // Messages may echo data: every line passes the sanitiser; line breaks between
            // lines of the message itself are kept.
            let message = format!("{e:#}");
            for (i, line) in message.lines().enumerate() {
                let prefix = if i == 0 { "schouw: " } else { "" };
                eprintln!("{prefix}{}", schouw::sanitize::field(line, 2000));
            }
            ExitCode::FAILURE
        }
    }
}
