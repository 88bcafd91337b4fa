//! Refusing damaged or tampered database files before they are used (`security.md` S-06,
//! a file cut short of the size its header gives, triggers or views (schouw creates
//! none, so they were added by another program and could run SQL during an import), and
//! SQLite's `quick_check`.
//!
//! A full `quick_check` reads the whole file: about 0.1 s for the demo database, but ~25 s for
//! a national one, far beyond the interface's 300 ms first-frame budget. So files up to
//! [`FULL_CHECK_BYTES`] are checked in full on every open; larger ones get the check of the
//! schema table on open, are checked page by page as they are read (`cell_size_check`, with
//! damage reported as [`StoreError::Corrupt`]), and in full with `schouw info --check`
//! ([`Store::check_all`]).

use std::path::Path;

use rusqlite::Connection;

use super::open::{Store, StoreError};

/// Files up to this size get the full `quick_check` on every open.
pub const FULL_CHECK_BYTES: u64 = 64 << 20;

/// How many lines of SQLite's findings a refusal quotes.
const FINDINGS: usize = 3;

/// Checks the file's header against its length: a file shorter than the pages its header
/// counts was cut off (an incomplete copy or download). `head` holds the first 100 bytes.
pub(crate) fn check_length(path: &Path, head: &[u8], len: u64) -> Result<(), StoreError> {
    if head.len() < 100 {
        return Ok(());
    }
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    // The page count in the header is valid only while the change counter matches it.
    if be32(24) != be32(92) || page_size < 512 {
        return Ok(());
    }
    let expected = u64::from(be32(28)) * page_size;
    if len < expected {
        return Err(damaged(
            path,
            format!(
                "the file is shorter than its header says ({len} of {expected} bytes), so it was cut off, e.g. by an incomplete copy"
            ),
        ));
    }
    Ok(())
}

/// The checks run on every open of an existing schouw database.
pub(crate) fn on_open(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    no_foreign_objects(conn, path)?;
    let len = std::fs::metadata(path).map_or(0, |m| m.len());
    quick_check(conn, path, len <= FULL_CHECK_BYTES)
}

/// The checks of [`on_open`] that read only the schema, for a second connection to a file
/// that a first one has checked on open.
pub(crate) fn on_reopen(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    no_foreign_objects(conn, path)?;
    quick_check(conn, path, false)
}

/// Refuses a file with triggers or views: schouw creates none.
fn no_foreign_objects(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let foreign: Vec<String> = {
        let mut stmt = conn
            .prepare("SELECT type || ' ' || name FROM sqlite_schema WHERE type IN ('trigger', 'view') ORDER BY 1")
            .map_err(|e| read_error(path, e))?;
        stmt.query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect::<Result<_, _>>())
            .map_err(|e| read_error(path, e))?
    };
    if !foreign.is_empty() {
        return Err(damaged(
            path,
            format!(
                "it contains {} that schouw never creates, so another program changed it",
                crate::sanitize::field(&foreign.join(", "), 120)
            ),
        ));
    }
    Ok(())
}

/// `quick_check` of the whole file, or of the schema table only.
fn quick_check(conn: &Connection, path: &Path, full: bool) -> Result<(), StoreError> {
    let sql = if full {
        "PRAGMA main.quick_check"
    } else {
        "PRAGMA main.quick_check(sqlite_schema)"
    };
    run_check(conn, path, sql)
}

impl Store {
    /// SQLite's full `integrity_check` over the whole file, however large (`schouw info
    /// --check`). Reads every page: seconds to minutes for a national database.
    pub fn check_all(&self) -> Result<(), StoreError> {
        let path = self.path().unwrap_or(Path::new(":memory:")).to_owned();
        run_check(&self.conn, &path, "PRAGMA main.integrity_check")
    }
}

fn run_check(conn: &Connection, path: &Path, sql: &str) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(sql).map_err(|e| read_error(path, e))?;
    let mut rows = stmt.query([]).map_err(|e| read_error(path, e))?;
    let mut findings: Vec<String> = Vec::new();
    loop {
        match rows.next() {
            Ok(Some(row)) => findings.push(row.get(0).map_err(|e| read_error(path, e))?),
            Ok(None) => break,
            // The check can stop at damage it cannot step over, after reporting some.
            Err(e) if !findings.is_empty() => {
                findings.push(e.to_string());
                break;
            }
            Err(e) => return Err(read_error(path, e)),
        }
    }
    if findings.len() == 1 && findings[0] == "ok" {
        return Ok(());
    }
    let quoted: Vec<&str> = findings
        .iter()
        .map(String::as_str)
        .filter(|l| !l.starts_with("*** in database"))
        .take(FINDINGS)
        .collect();
    Err(damaged(
        path,
        format!("SQLite's check found: {}", quoted.join("; ")),
    ))
}

fn damaged(path: &Path, what: String) -> StoreError {
    StoreError::Damaged {
        path: path.to_owned(),
        what,
    }
}

/// A check that could not even read the file found damage too.
fn read_error(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match e.sqlite_error_code() {
        Some(DatabaseCorrupt | NotADatabase) => {
            damaged(path, format!("SQLite cannot read it ({e})"))
        }
        _ => StoreError::Sqlite {
            context: "checking the database".into(),
            source: e,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database file with a few hundred areas, and the page where their table starts.
    fn file_with_areas(dir: &Path) -> (std::path::PathBuf, usize) {
        let path = dir.join("v.db");
        let store = Store::open_or_create(&path).unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO sources (id, kind, file_name, sha256, imported_at, imported_by)
                 VALUES (1, 'areas', 'a.csv', 'x', '2026-01-01', 'test');
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
                 INSERT INTO areas (code, year, level, name, source_id, line)
                 SELECT printf('BU%08d', i), 2024, 'buurt', printf('Buurt nummer %d', i), 1, i FROM n;",
            )
            .unwrap();
        let root: i64 = store
            .conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'areas'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (path, root as usize)
    }

    #[test]
    fn large_files_are_checked_as_they_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let (path, root) = file_with_areas(dir.path());
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[(root - 1) * 4096..root * 4096].fill(0x55);
        std::fs::write(&path, &bytes).unwrap();

        let conn = Connection::open(&path).unwrap();
        // The check a large file gets on open passes: the schema is intact...
        quick_check(&conn, &path, false).unwrap();
        // ...the full one does not...
        let e = quick_check(&conn, &path, true).unwrap_err();
        assert!(matches!(e, StoreError::Damaged { .. }), "{e:?}");
        // ...and reading the damaged table says the file is damaged and what to do.
        let store = Store::open(&path);
        assert!(matches!(store, Err(StoreError::Damaged { .. })));
        let e = crate::store::open::Context::ctx(
            conn.query_row("SELECT sum(length(name)) FROM areas", [], |r| {
                r.get::<_, i64>(0)
            }),
            "counting the areas",
        )
        .unwrap_err();
        assert!(matches!(e, StoreError::Corrupt { .. }), "{e:?}");
        let text = e.to_string();
        assert!(
            text.starts_with("counting the areas: the database file is damaged")
                && text.contains("schouw info --check"),
            "{text}"
        );
    }

    #[test]
    fn length_is_checked_against_the_header() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = file_with_areas(dir.path());
        let bytes = std::fs::read(&path).unwrap();
        let len = bytes.len() as u64;
        check_length(&path, &bytes[..100], len).unwrap();
        let e = check_length(&path, &bytes[..100], len - 4096).unwrap_err();
        assert!(
            e.to_string().contains("shorter than its header says"),
            "{e}"
        );
        // A header whose page count is stale (change counter differs) says nothing.
        let mut stale = bytes[..100].to_vec();
        stale[95] ^= 1;
        check_length(&path, &stale, len - 4096).unwrap();
    }
}
