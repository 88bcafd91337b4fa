//! Command-line types (clap derive) and nothing else: every command, argument and its help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

mod audit;
mod import;
mod score;
mod view;

pub use audit::{AuditCommand, AuditFormat};
pub use import::{Delimiter, Encoding, ImportArgs, ImportKind};
pub use score::{ExportArgs, FlagsArgs, LevelArg, ScoreArgs, TableFormat};
pub use view::{LangArg, ThemeArg, ViewArgs};

/// schouw: map ondermijning per buurt through explainable lenses.
///
/// Import CBS statistics, addresses, businesses, owners and signals into one local SQLite file,
/// then look at them through lenses in the terminal. Start with `schouw demo`.
#[derive(Debug, Parser)]
#[command(name = "schouw", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty schouw database.
    ///
    /// Refuses to touch an existing file that is not a schouw database.
    Init {
        /// The database file to create.
        db: PathBuf,
    },
    /// Import one or more files of one kind into a database (created if it does not exist).
    ///
    /// Each file is imported completely or not at all. Importing the same file again changes
    /// nothing; a new version of a file with the same name replaces the earlier version.
    Import(ImportArgs),
    /// Show what a database holds: schema version, rows per table, imported files, areas.
    Info {
        /// The database file.
        db: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// First read every page with SQLite's integrity check (files larger than 64 MiB
        /// are otherwise checked as they are read); a damaged file exits non-zero.
        #[arg(long)]
        check: bool,
    },
    /// Build the indexes that make the finder and scoring fast at national scale.
    ///
    /// Without them the finder scans the tables to find a street or trade name, and scoring
    /// scans them for the newest date and the legal parties, which is slow for millions of
    /// rows. Building takes about a minute at national scale; run it once after importing.
    /// Later imports keep the indexes up to date.
    Index {
        /// The database file.
        db: PathBuf,
    },
    /// Write a synthetic, fictional data set as CSV files (plus planted.json).
    ///
    /// All areas use gemeente codes GM9900-GM9999, which no real gemeente has.
    Gen {
        /// The directory to write into (created if needed).
        dir: PathBuf,
        /// How large a data set to make.
        #[arg(long, value_enum, default_value_t = Scale::Demo)]
        scale: Scale,
        /// Seed for the random generator: the same seed gives the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Build the fictional demo region and open it.
    Demo {
        /// Where to keep the demo database (default: in your data directory).
        #[arg(long)]
        db: Option<PathBuf>,
        /// Rebuild the demo database even if it exists.
        #[arg(long)]
        fresh: bool,
        /// How the interface looks.
        #[command(flatten)]
        view: ViewArgs,
    },
    /// Open a database in the terminal interface (read-only).
    ///
    /// Keys: arrows or hjkl to move, Enter to open, Esc to go back, f to find, : for
    /// commands, ? for help, q to quit.
    Open {
        /// The database file.
        db: PathBuf,
        /// Extra directories with lens files (they override lenses with the same id).
        #[arg(long)]
        lenses: Vec<PathBuf>,
        /// The reference date (peildatum) for month windows, YYYY-MM-DD (default: the newest
        /// date in the data, at most today).
        #[arg(long)]
        as_of: Option<String>,
        /// How the interface looks.
        #[command(flatten)]
        view: ViewArgs,
    },
    /// Score the areas of a database through a lens: ranked, with tiers and the indicators
    /// behind each score.
    ///
    /// Month windows count back from the reference date (peildatum): by default the newest
    /// date in the data (signals, transfers, business registrations), never later than today.
    Score(ScoreArgs),
    /// List the addresses, businesses and parties that a lens's flags hold for, with the rule
    /// and the values that made it fire. A flag is a fact to look at, not a verdict.
    Flags(FlagsArgs),
    /// Write a score table, or with --flags the flagged entities, to a CSV file, under audit.
    ///
    /// Cells that a spreadsheet would run as a formula get a leading '; the file is created
    /// with mode 0600, never replaces an existing file without --force and never follows a
    /// symbolic link. It starts with the banner of config.toml, the lens, its version, the
    /// date and "patroon, geen bewijs". The export is recorded in the audit log with its row
    /// count and SHA-256.
    Export(ExportArgs),
    /// Check lens files or list the available lenses.
    #[command(subcommand)]
    Lens(LensCommand),
    /// Check or read the audit log of a database (for the privacy officer).
    Audit {
        /// What to do with the log.
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Print shell completions for bash, zsh, fish, elvish or powershell.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Subcommands of `schouw lens`.
#[derive(Debug, Subcommand)]
pub enum LensCommand {
    /// Validate lens files and print every problem (error or warning) with file, line and
    /// column. Without paths, checks the lenses built into schouw. Exits non-zero if any file
    /// has an error.
    Check {
        /// Lens files, or directories whose *.toml files are checked.
        paths: Vec<PathBuf>,
        /// Also check statistic keys and SBI codes against this database.
        #[arg(long, value_name = "DB")]
        db: Option<PathBuf>,
    },
    /// List the available lenses: id, name, level, version and where each comes from.
    ///
    /// Built-in lenses come first; lenses in ~/.config/schouw/lenses/ (or
    /// $XDG_CONFIG_HOME/schouw/lenses/) and then in each --lenses directory replace those with
    /// the same id.
    List {
        /// Another directory with lens files (may be given more than once).
        #[arg(long = "lenses", value_name = "DIR")]
        lenses: Vec<PathBuf>,
    },
}

/// Output formats of `info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for people.
    Text,
    /// JSON for programs.
    Json,
}

/// Sizes of generated data sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scale {
    /// One or two gemeenten, about 40 buurten, 20k addresses.
    Demo,
    /// About 10 gemeenten.
    Region,
    /// The national shape: about 14.5k buurten, 9M addresses (streams to disk).
    National,
}
