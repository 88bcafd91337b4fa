//! Subcommands of `schouw audit` and their output formats.

use super::*;

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
