//! Arguments of the commands that score and list: `schouw score`, `flags` and `export`, with
//! their area levels and table formats.

use super::*;

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
