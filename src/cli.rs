//! Command-line types (clap derive) and nothing else: every command, argument and its help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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

/// Arguments of `schouw score`.
#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// The database file.
    pub db: PathBuf,
    /// The lens id (see `schouw lens list`).
    #[arg(long)]
    pub lens: String,
    /// Score at another level than the lens's own (counts are added up; statistics are read
    /// at that level).
    #[arg(long, value_enum)]
    pub level: Option<LevelArg>,
    /// Only the areas in this gemeente (GMxxxx) or wijk (WKxxxxxx); they are compared with
    /// each other.
    #[arg(long, value_name = "CODE")]
    pub within: Option<String>,
    /// Show only the first N areas by rank.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// Explain one area's score in words instead of listing all areas.
    #[arg(long, value_name = "AREA")]
    pub explain: Option<String>,
    /// Reference date (peildatum) YYYY-MM-DD for month windows (default: newest date in the
    /// data, at most today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// The year of areas and statistics (default: the latest with areas at the level).
    #[arg(long)]
    pub year: Option<i32>,
    /// Another directory with lens files (may be given more than once).
    #[arg(long = "lenses", value_name = "DIR")]
    pub lenses: Vec<PathBuf>,
}

/// Arguments of `schouw flags`.
#[derive(Debug, clap::Args)]
pub struct FlagsArgs {
    /// The database file.
    pub db: PathBuf,
    /// The lens id (see `schouw lens list`).
    #[arg(long)]
    pub lens: String,
    /// Only entities in this buurt, wijk or gemeente.
    #[arg(long, value_name = "CODE")]
    pub area: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// Reference date (peildatum) YYYY-MM-DD (default: newest date in the data, at most
    /// today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Another directory with lens files (may be given more than once).
    #[arg(long = "lenses", value_name = "DIR")]
    pub lenses: Vec<PathBuf>,
    /// Why: a case number or a short reason (required: the list names addresses,
    /// businesses and parties), recorded in the audit log with the lens and the row count.
    #[arg(long, value_name = "TEXT")]
    pub purpose: Option<String>,
}

/// Arguments of `schouw export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The database file.
    pub db: PathBuf,
    /// The lens id (see `schouw lens list`).
    #[arg(long)]
    pub lens: String,
    /// Score at another level than the lens's own.
    #[arg(long, value_enum, conflicts_with = "flags")]
    pub level: Option<LevelArg>,
    /// Only the areas (or with --flags the entities) in this gemeente (GMxxxx) or wijk.
    #[arg(long, value_name = "CODE")]
    pub within: Option<String>,
    /// Export the flagged entities with rule and evidence instead of the score table (needs
    /// --purpose).
    #[arg(long)]
    pub flags: bool,
    /// The file to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// `;` between fields, decimal comma and a byte-order mark, for Dutch Excel.
    #[arg(long)]
    pub excel: bool,
    /// Replace an existing file (never a symbolic link).
    #[arg(long)]
    pub force: bool,
    /// Why: a case number or a short reason, recorded in the audit log.
    #[arg(long, value_name = "TEXT")]
    pub purpose: Option<String>,
    /// Who the file is for (a team, organisation or role, not a person's name), recorded in
    /// the audit log.
    #[arg(long, value_name = "TEXT")]
    pub recipient: Option<String>,
    /// Reference date (peildatum) YYYY-MM-DD (default: newest date in the data, at most
    /// today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// The year of areas and statistics (default: the latest with areas at the level).
    #[arg(long)]
    pub year: Option<i32>,
    /// Another directory with lens files (may be given more than once).
    #[arg(long = "lenses", value_name = "DIR")]
    pub lenses: Vec<PathBuf>,
}

/// Appearance of the terminal interface.
#[derive(Debug, Clone, clap::Args)]
pub struct ViewArgs {
    /// Colours: `color`, `mono` (no colour; also when NO_COLOR is set) or `ascii` (no Unicode;
    /// also for TERM=vt100, linux or dumb). Default: chosen from the terminal.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// Language of the interface.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
}

/// Themes of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// 16 colours.
    Color,
    /// Bold, reverse and underline only.
    Mono,
    /// ASCII only, no colour.
    Ascii,
}

/// Languages of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Nederlands.
    Nl,
    /// English.
    En,
}

/// Area levels a lens can be scored at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// Buurten.
    Buurt,
    /// Wijken.
    Wijk,
    /// Gemeenten.
    Gemeente,
}

/// Output formats of `score` and `flags`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Aligned text for people.
    Table,
    /// CSV (cells starting with = + - @ are prefixed with ').
    Csv,
    /// JSON for programs.
    Json,
}

/// Arguments of `schouw import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The database file.
    pub db: PathBuf,
    /// What the files contain.
    #[arg(value_enum)]
    pub kind: ImportKind,
    /// The files to import, in order.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Character encoding of the files. Excel's "CSV (gescheiden door lijstscheidingsteken)"
    /// is usually windows-1252.
    #[arg(long, value_enum, default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,
    /// Field delimiter; by default the file's own is used when it is clearly `,`, `;` or tab.
    #[arg(long, value_enum)]
    pub delimiter: Option<Delimiter>,
    /// The year of the area indeling or statistics, when the file does not say it
    /// (by default taken from a year in the file name, e.g. kwb-2023.csv).
    #[arg(long)]
    pub year: Option<i32>,
    /// Name the source under which the file is kept (default: its file name). A later import
    /// with the same kind and name replaces this one.
    #[arg(long = "as", value_name = "NAME")]
    pub source_name: Option<String>,
    /// Turn raw identifiers of natural persons (a BSN, or a name with a birth date) into keyed
    /// pseudonyms with the key in KEYFILE; the raw values are never stored. Only for parties,
    /// roles, ownership and signals. KEYFILE: a regular file (no symlink) of at least 32 bytes
    /// that only you can read (chmod 600).
    #[arg(long, value_name = "KEYFILE")]
    pub pseudo_key: Option<PathBuf>,
}

/// Kinds of file `schouw import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    /// CBS statistics: KWB tables (kwb-2023.csv) or StatLine exports.
    Cbs,
    /// The CBS list of gemeenten, wijken and buurten.
    Areas,
    /// The SBI activity codes with their descriptions.
    Sbi,
    /// BAG addresses with buurt, use, surface and number of residents.
    Addresses,
    /// KvK establishments (vestigingen).
    Businesses,
    /// Pseudonymous parties (owners, bestuurders).
    Parties,
    /// Roles of parties in businesses.
    Roles,
    /// Ownership of addresses by parties, with transfers.
    Ownership,
    /// Signals from partners about addresses, businesses, parties or areas.
    Signals,
}

/// Character encodings of input files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark is allowed).
    #[value(name = "utf-8")]
    Utf8,
    /// Windows-1252 (older Excel exports).
    #[value(name = "windows-1252")]
    Windows1252,
}

/// Field delimiters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Delimiter {
    /// Comma.
    #[value(name = ",")]
    Comma,
    /// Semicolon (Dutch Excel).
    #[value(name = ";")]
    Semicolon,
    /// Tab.
    #[value(name = "tab")]
    Tab,
}

impl Delimiter {
    /// The delimiter byte.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
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

/// Subcommands of `schouw audit`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check that no entry was changed, removed, inserted or reordered.
    ///
    /// Exits with 1 and names the first bad entry when the log was tampered with. Prints the
    /// last entry's number and hash: write them down, because only a later `--anchor` check
    /// shows whether entries were cut off the end.
    Verify {
        /// The database (its log is DB.audit), or the .audit file itself.
        db: PathBuf,
        /// An entry number and hash written down earlier, as printed by verify (SEQ:HASH).
        #[arg(long, value_name = "SEQ:HASH")]
        anchor: Option<crate::audit::Anchor>,
    },
    /// Show who did what, when, from where and why.
    Show {
        /// The database (its log is DB.audit), or the .audit file itself.
        db: PathBuf,
        /// Only entries from this UTC date or time on (2026-11-25 or 2026-11-25T10:00:00Z).
        #[arg(long, value_name = "DATE", value_parser = crate::audit::report::parse_since)]
        since: Option<String>,
        /// Only entries of this operating-system user.
        #[arg(long, value_name = "U")]
        user: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AuditFormat::Table)]
        format: AuditFormat,
    },
}

/// Output formats of `audit show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    /// Aligned text for people.
    Table,
    /// CSV (formula signs neutralised).
    Csv,
    /// JSON with every stored field.
    Json,
}
