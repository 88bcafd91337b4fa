//! File-level care of the log: rolling back a write that was cut off, tightening the
//! permissions of an existing log, and the error for a failed file operation.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::store::open::{Context, StoreError, harden};

/// A write that was cut off (the process killed, or ended by its signal deadline, while an
/// entry was being committed) leaves a hot journal beside the log, and a read-only connection
/// cannot read past it. Rolling it back restores the last committed state: it removes only
/// the entry that was never committed, exactly as the next session's first write would. So
/// when a journal is there, a short-lived read-write connection does that first.
pub(super) fn finish_cut_write(path: &Path) -> Result<(), StoreError> {
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    if !std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0) {
        return Ok(());
    }
    let what = format!(
        "rolling back an unfinished write to the audit log {} (a session was cut off while writing; this needs write access to the log once, or run on a copy of the log and its -journal file)",
        path.display()
    );
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_NOFOLLOW
        | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let conn = Connection::open_with_flags(path, flags).ctx(&what)?;
    harden(&conn)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .ctx(&what)?;
    Ok(())
}

/// Takes group and other permissions away from an existing log (a copy restored with a wide
/// umask, say): the log holds who looked at what.
pub(super) fn tighten(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, "reading", e))?;
    let mode = meta.permissions().mode();
    if mode & 0o077 != 0 {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700))
            .map_err(|e| io_error(path, "restricting the permissions of", e))?;
    }
    Ok(())
}

pub(super) fn io_error(path: &Path, doing: &str, e: std::io::Error) -> StoreError {
    StoreError::Sqlite {
        context: format!("{doing} {}: {e}", path.display()),
        source: rusqlite::Error::InvalidPath(path.to_owned()),
    }
}
