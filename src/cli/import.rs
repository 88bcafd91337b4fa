//! Arguments of `schouw import`: the kinds of file, encodings and delimiters.

use super::*;

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
