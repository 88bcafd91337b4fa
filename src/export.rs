//! Safe CSV export (`security.md` §1.4, E-01 to E-06): a pure writer, no SQL. Whoever opens an
//! export in a spreadsheet must not run a formula that came from the data, and the file must
//! not land somewhere the analyst did not mean.
//!
//! **Cells.** Every field is quoted and `"` is doubled (RFC 4180, OWASP). A [`Cell::Text`] is
//! *neutralised*: a single `'` is put in front of it, and nothing else changes, when
//! - its first character is `=`, `+`, `-`, `@`, TAB, CR, LF or NUL, or one of the full-width
//!   forms `＝` `＋` `－` `＠` (U+FF1D, U+FF0B, U+FF0D, U+FF20); or
//! - its first character that is neither whitespace (`char::is_whitespace`, which includes
//!   NBSP, U+2028 and U+3000) nor invisible (zero-width, BOM, soft hyphen, bidi marks,
//!   embeddings, overrides and isolates, word joiners, tag characters: `sanitize::is_unsafe`)
//!   is one of those eight signs; or
//! - it starts with `'` itself, so that the prefix can always be told apart from data.
//!
//! Reading the file back therefore gives each value exactly, except that a neutralised value
//! starts with one extra `'` ([`needs_prefix`] says which; [`restore`] takes it off again). Numbers the app formatted itself
//! ([`Cell::Number`], [`Cell::Integer`]) are not neutralised, so `-3,5` stays a number (E-04);
//! identifiers are always [`Cell::Text`], so leading zeros stay.
//!
//! **Layout.** Optional header block, one single-field record per line: the classification
//! banner (if any), `lens ID, versie V, DATE`, and `patroon, geen bewijs`. Then the column
//! names, then the rows. Lines end in CRLF. [`CsvFormat::Excel`] uses `;`, a decimal comma
//! and starts with a UTF-8 BOM, as Dutch Excel expects (E-06); [`CsvFormat::Plain`] uses `,`
//! and a decimal point.
//!
//! **The file** ([`write_file`], E-05). It is first written to a new temporary file in the same
//! directory (created with `create_new`, i.e. `O_CREAT|O_EXCL`, mode 0600), flushed to disk,
//! then put in place: without `force` by a hard link, which fails if *anything* exists at the
//! name (a file or a symlink, dangling or not), so nothing is ever overwritten; with `force` by
//! `rename`, which replaces a symlink itself and never writes through it. A name that is a
//! symlink is refused up front either way. Residual race, documented: without libc there is
//! no `O_NOFOLLOW`/`openat`, so a *directory* component of the path that is swapped for a
//! symlink between the check and the write is followed; only the last component is
//! protected. On filesystems without hard links the no-force path falls back to `rename` after
//! a fresh existence check, which leaves a short window in which a file created by someone
//! else could be replaced.
mod file;

pub use file::{ExportError, ExportFile, ExportOptions, ExportSummary, write_file};

use std::borrow::Cow;
use std::io::{self, Write};

/// The line every export carries: a score is a pattern, not evidence.
pub const NOT_EVIDENCE: &str = "patroon, geen bewijs";

/// Which dialect of CSV to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvFormat {
    /// `,` between fields, `.` in numbers, no BOM.
    #[default]
    Plain,
    /// `;` between fields, `,` in numbers, a UTF-8 BOM first (Dutch Excel).
    Excel,
}

impl CsvFormat {
    /// [`CsvFormat::Excel`] when `excel` (the `--excel` flag, `:export FILE excel`).
    pub fn of(excel: bool) -> CsvFormat {
        if excel {
            CsvFormat::Excel
        } else {
            CsvFormat::Plain
        }
    }

    /// The field delimiter.
    pub fn delimiter(self) -> char {
        match self {
            CsvFormat::Plain => ',',
            CsvFormat::Excel => ';',
        }
    }
}

/// The header block above the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The classification banner, e.g. `DEPARTEMENTAAL VERTROUWELIJK`.
    pub banner: Option<String>,
    /// The lens id.
    pub lens_id: String,
    /// The lens version.
    pub lens_version: String,
    /// The date of the export (`2026-11-25`).
    pub date: String,
}

impl Header {
    /// The header of an export made now (UTC date), with the banner when one is configured.
    pub fn today(banner: Option<String>, lens_id: &str, lens_version: &str) -> Header {
        let now = crate::clock::now_iso();
        Header {
            banner,
            lens_id: lens_id.to_owned(),
            lens_version: lens_version.to_owned(),
            date: now.get(..10).unwrap_or(&now).to_owned(),
        }
    }

    /// The lines of the header block, in order.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.banner.iter().cloned().collect();
        lines.push(format!(
            "lens {}, versie {}, {}",
            self.lens_id, self.lens_version, self.date
        ));
        lines.push(NOT_EVIDENCE.to_owned());
        lines
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text from data or identifiers: always neutralised.
    Text(String),
    /// A number the app computed; written with the format's decimal separator. NaN and
    /// infinities are written as an empty cell.
    Number(f64),
    /// An integer the app computed.
    Integer(i64),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

/// Characters that start a formula in some spreadsheet.
fn is_trigger(c: char) -> bool {
    matches!(
        c,
        '=' | '+' | '-' | '@' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'
    )
}

/// Characters a spreadsheet may skip before it looks for a formula sign.
fn is_ignorable(c: char) -> bool {
    c.is_whitespace() || crate::sanitize::is_unsafe(c)
}

/// Whether a text value gets the `'` prefix (see the module documentation for the rule).
pub fn needs_prefix(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if is_trigger(first) || matches!(first, '\t' | '\r' | '\n' | '\0' | '\'') {
        return true;
    }
    s.chars()
        .find(|c| !is_ignorable(*c))
        .is_some_and(is_trigger)
}

/// The inverse of [`neutralise`]: the original value of a cell read back from an export.
pub fn restore(written: &str) -> &str {
    match written.strip_prefix('\'') {
        Some(rest) if needs_prefix(rest) => rest,
        _ => written,
    }
}

/// The value as written (before quoting): with `'` in front when [`needs_prefix`].
pub fn neutralise(s: &str) -> Cow<'_, str> {
    if needs_prefix(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

fn cell_text(cell: &Cell, format: CsvFormat) -> Cow<'_, str> {
    let number = |s: String| match format {
        CsvFormat::Plain => s,
        CsvFormat::Excel => s.replace('.', ","),
    };
    match cell {
        Cell::Text(s) => neutralise(s),
        Cell::Number(f) if f.is_finite() => Cow::Owned(number(f.to_string())),
        Cell::Number(_) => Cow::Borrowed(""),
        Cell::Integer(n) => Cow::Owned(n.to_string()),
    }
}

/// Formats one record, CRLF included.
pub fn record<'a>(cells: impl IntoIterator<Item = &'a Cell>, format: CsvFormat) -> String {
    let mut out = String::new();
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(format.delimiter());
        }
        quoted(&mut out, &cell_text(cell, format));
    }
    out.push_str("\r\n");
    out
}

/// What to write: the header block, the column names and the rows.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    /// The header block, if any.
    pub header: Option<&'a Header>,
    /// The column names.
    pub columns: &'a [&'a str],
    /// The rows.
    pub rows: &'a [Vec<Cell>],
}

/// Writes `table` as CSV to `w`; returns the number of data rows.
pub fn write_csv(w: &mut impl Write, format: CsvFormat, table: Table<'_>) -> io::Result<u64> {
    if format == CsvFormat::Excel {
        w.write_all("\u{FEFF}".as_bytes())?;
    }
    if let Some(h) = table.header {
        for line in h.lines() {
            w.write_all(record(&[Cell::Text(line)], format).as_bytes())?;
        }
    }
    let names: Vec<Cell> = table.columns.iter().map(|c| Cell::from(*c)).collect();
    w.write_all(record(&names, format).as_bytes())?;
    for row in table.rows {
        w.write_all(record(row, format).as_bytes())?;
    }
    Ok(table.rows.len() as u64)
}

/// A table to export with the lens its header block names: raw values, exactly as the data
/// holds them (the writer neutralises formula signs; nothing is sanitised for a screen).
/// `schouw export` and the interface's `:export` both build one and write it through
/// [`crate::audit::export_table`].
#[derive(Clone, Debug, PartialEq)]
pub struct ExportTable {
    /// The lens id.
    pub lens_id: String,
    /// The lens version.
    pub lens_version: String,
    /// The column names.
    pub columns: Vec<String>,
    /// The rows, one cell per column.
    pub rows: Vec<Vec<Cell>>,
}
