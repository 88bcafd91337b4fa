//! The commands: the only place that wires files, store, domain and interface together. One
//! file per subcommand.

/// `println!` through [`out`]: ends quietly when standard output is a closed pipe.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::commands::out(&format!("{}\n", format_args!($($arg)*)))
    };
}

mod audit;
pub mod browse;
mod demo;
mod export;
mod flags;
mod import;
mod info;
mod lens;
mod open;
mod score;
mod settings;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::store::Store;

/// Runs one command and returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // Before any data is read: no core dumps of this process (security.md P-07), for every
    // command so that a new one cannot forget it.
    crate::hygiene::disable_core_dumps();
    if let Some(risk) = crate::hygiene::core_dump_risk() {
        eprintln!("schouw: warning: {risk}");
    }
    match cli.command {
        Command::Init { db } => {
            let existed = db.exists();
            Store::open_or_create(&db)?;
            if existed {
                outln!(
                    "{} is already a schouw database; nothing changed",
                    db.display()
                );
            } else {
                outln!("created {}", db.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import(args) => import::run(&args),
        Command::Lens(cmd) => lens::run(cmd),
        Command::Score(args) => score::run(&args),
        Command::Flags(args) => flags::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Info { db, format, check } => info::run(&db, format, check),
        Command::Index { db } => info::index(&db),
        Command::Gen { dir, scale, seed } => demo::generate_files(&dir, scale, seed),
        Command::Demo { db, fresh, view } => demo::run(db, fresh, &view),
        Command::Open {
            db,
            lenses,
            as_of,
            view,
        } => open::run(&db, lenses, as_of.as_deref(), &view),
        Command::Audit { command } => audit::run(command),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut cmd = Cli::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "schouw", &mut script);
            out(&String::from_utf8_lossy(&script));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes to standard output. A closed pipe (`schouw info | head`) ends output quietly instead
/// of aborting.
pub(crate) fn out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}
