//! The SQL of the audit log: its own SQLite file beside the database (`demo.db` →
//! `demo.db.audit`), created with mode 0600, opened with the same hardening as the database
//! plus `synchronous = FULL`, and marked with its own `application_id` so that the two files
//! cannot be confused. Rows are appended in one `BEGIN IMMEDIATE` transaction that reads the
//! previous hash under the write lock, so two sessions cannot fork the chain.
//!
//! This file knows columns and values, nothing about hashing or meaning: `crate::audit` builds
//! the rows and checks them. Values come back exactly as SQLite holds them ([`AuditValue`]), so
//! the verifier sees a tampered type as well as a tampered value.
//!
//! It also computes the database fingerprint recorded with every entry
//! ([`Store::fingerprint`]).

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OpenFlags, TransactionBehavior, params_from_iter};
use sha2::{Digest, Sha256};

use super::Store;
use super::open::{Context, StoreError, harden, sniff_foreign};

/// Marks a schouw audit log in the SQLite header (offset 68): "SCHA", distinct from the
/// database's "SCHW".
pub const AUDIT_APPLICATION_ID: i32 = 0x5343_4841;

/// How long an append waits for another session's write lock on the log before it fails.
pub const AUDIT_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(500);

/// The columns of `audit_entry`, in table order. The hash covers every column but `hash`;
/// `recipient` (added in version 2, after `hash`) only when it is set, so entries written by
/// version 1 keep their hashes (see `crate::audit::chain`).
pub const AUDIT_COLUMNS: &[&str] = &[
    "seq",
    "ts_utc",
    "session",
    "os_user",
    "origin",
    "action",
    "object",
    "result",
    "lens_id",
    "lens_version",
    "purpose",
    "rows",
    "file_sha256",
    "db_fingerprint",
    "prev_hash",
    "hash",
    "recipient",
];

/// The layout version in `user_version`: 2 added `recipient`. A version-1 log is brought up to
/// date when it is opened for appending (`ALTER TABLE … ADD COLUMN`, which changes no row) and
/// read as it is otherwise.
const VERSION: i64 = 2;

const SCHEMA: &str = "
    CREATE TABLE audit_entry (
        seq            INTEGER PRIMARY KEY,
        ts_utc         TEXT NOT NULL,
        session        TEXT NOT NULL,
        os_user        TEXT NOT NULL,
        origin         TEXT NOT NULL,
        action         TEXT NOT NULL,
        object         TEXT NOT NULL,
        result         TEXT NOT NULL,
        lens_id        TEXT,
        lens_version   TEXT,
        purpose        TEXT,
        rows           INTEGER,
        file_sha256    TEXT,
        db_fingerprint TEXT NOT NULL,
        prev_hash      TEXT NOT NULL,
        hash           TEXT NOT NULL,
        recipient      TEXT
    );
    CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
";

/// One stored value, exactly as SQLite returned it.
#[derive(Debug, Clone, PartialEq)]
pub enum AuditValue {
    /// SQL NULL.
    Null,
    /// An integer.
    Int(i64),
    /// A floating-point number (never written by schouw).
    Real(f64),
    /// Text.
    Text(String),
    /// A blob (never written by schouw).
    Blob(Vec<u8>),
}

/// One row of `audit_entry`: `values` follows [`AUDIT_COLUMNS`].
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    /// The values, one per column.
    pub values: Vec<AuditValue>,
}

/// The last row's sequence number and hash, read under the write lock before an append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainHead {
    /// Its `seq`.
    pub seq: i64,
    /// Its `hash` (as stored; the verifier judges it).
    pub hash: String,
}

/// An open audit log file.
pub struct AuditLog {
    conn: Connection,
    path: PathBuf,
    /// The layout version of the file (1 has no `recipient` column).
    version: i64,
}

impl AuditLog {
    /// Opens the log for appending, creating it with mode 0600 if it does not exist. A file
    /// that is not a schouw audit log is refused and left alone.
    pub fn open_append(path: &Path) -> Result<Self, StoreError> {
        if path.symlink_metadata().is_err() {
            // Create the empty file ourselves, so it never exists with wider permissions;
            // SQLite gives its journal the same mode as the main file.
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
                .map_err(|e| io_error(path, "creating", e))?;
        }
        sniff_foreign(path)?;
        tighten(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_NOFOLLOW
            | OpenFlags::SQLITE_OPEN_EXRESCODE;
        let conn = Connection::open_with_flags(path, flags)
            .ctx(&format!("opening the audit log {}", path.display()))?;
        let mut log = AuditLog {
            conn,
            path: path.to_owned(),
            version: VERSION,
        };
        log.settings()?;
        // Under the write lock, so two sessions creating the log at once cannot collide;
        // a log that cannot be locked for writing fails here, before anything is shown.
        let tx = log
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx("locking the audit log")?;
        let tables: i64 = tx
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .ctx("reading the audit log")?;
        let app: i32 = tx
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .ctx("reading the audit log")?;
        if tables == 0 && app == 0 {
            tx.pragma_update(None, "application_id", AUDIT_APPLICATION_ID)
                .ctx("marking the audit log")?;
            tx.execute_batch(SCHEMA).ctx("creating the audit log")?;
            tx.pragma_update(None, "user_version", VERSION)
                .ctx("marking the audit log")?;
        } else if app == AUDIT_APPLICATION_ID {
            let version: i64 = tx
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .ctx("reading the audit log")?;
            if version == 1 {
                tx.execute_batch("ALTER TABLE audit_entry ADD COLUMN recipient TEXT")
                    .ctx("bringing the audit log up to date")?;
                tx.pragma_update(None, "user_version", VERSION)
                    .ctx("bringing the audit log up to date")?;
            }
        }
        tx.commit().ctx("creating the audit log")?;
        log.version = log.check_identity()?;
        Ok(log)
    }

    /// Opens an existing log read-only (for `audit verify` and `audit show`), after rolling
    /// back a write that was cut off (see [`finish_cut_write`]).
    pub fn open_read(path: &Path) -> Result<Self, StoreError> {
        if path.symlink_metadata().is_err() {
            return Err(StoreError::Missing(path.to_owned()));
        }
        sniff_foreign(path)?;
        finish_cut_write(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_NOFOLLOW
            | OpenFlags::SQLITE_OPEN_EXRESCODE;
        let conn = Connection::open_with_flags(path, flags)
            .ctx(&format!("opening the audit log {}", path.display()))?;
        let mut log = AuditLog {
            conn,
            path: path.to_owned(),
            version: VERSION,
        };
        harden(&log.conn)?;
        log.version = log.check_identity()?;
        Ok(log)
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn settings(&self) -> Result<(), StoreError> {
        harden(&self.conn)?;
        // Far shorter than the database's: an append by another session holds the lock for
        // milliseconds, and a log that stays locked must fail (fail-closed: nothing is shown)
        // well within the end-of-session wait of the interface, never hang it.
        self.conn
            .busy_timeout(AUDIT_BUSY_TIMEOUT)
            .ctx("setting the audit log's busy timeout")?;
        self.conn
            .execute_batch("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;")
            .ctx("applying the audit log settings")
    }

    /// Checks that this is a schouw audit log and returns its layout version.
    fn check_identity(&self) -> Result<i64, StoreError> {
        let app: i32 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .ctx("reading the audit log")?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ctx("reading the audit log")?;
        if app != AUDIT_APPLICATION_ID || !(1..=VERSION).contains(&version) {
            return Err(StoreError::NotSchouw {
                path: self.path.clone(),
                what: format!("not a schouw audit log (application_id {app}, version {version})"),
            });
        }
        Ok(version)
    }

    /// Appends one row and commits it durably before returning. `build` gets the current
    /// head (or `None` for an empty log) under the write lock and returns the full row.
    pub fn append(
        &mut self,
        build: impl FnOnce(Option<&ChainHead>) -> AuditRow,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx("locking the audit log")?;
        let head = tx
            .query_row(
                "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1",
                [],
                |r| {
                    Ok(ChainHead {
                        seq: r.get(0)?,
                        hash: r.get(1)?,
                    })
                },
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })
            .ctx("reading the end of the audit log")?;
        let row = build(head.as_ref());
        let values: Vec<Value> = row.values.into_iter().map(to_sql).collect();
        tx.execute(
            "INSERT INTO audit_entry VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params_from_iter(values),
        )
        .ctx("writing to the audit log")?;
        tx.commit().ctx("committing to the audit log")
    }

    /// Every row in `seq` order.
    pub fn rows(&self) -> Result<Vec<AuditRow>, StoreError> {
        let recipient = if self.version >= 2 {
            "recipient"
        } else {
            "NULL"
        };
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT seq, ts_utc, session, os_user, origin, action, object, result, lens_id,
                        lens_version, purpose, rows, file_sha256, db_fingerprint, prev_hash, hash,
                        {recipient}
                   FROM audit_entry ORDER BY seq"
            ))
            .ctx("reading the audit log")?;
        let rows = stmt
            .query_map([], |r| {
                let values = (0..AUDIT_COLUMNS.len())
                    .map(|i| r.get_ref(i).map(from_sql))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(AuditRow { values })
            })
            .ctx("reading the audit log")?;
        rows.collect::<Result<Vec<_>, _>>()
            .ctx("reading the audit log")
    }
}

fn to_sql(v: AuditValue) -> Value {
    match v {
        AuditValue::Null => Value::Null,
        AuditValue::Int(i) => Value::Integer(i),
        AuditValue::Real(f) => Value::Real(f),
        AuditValue::Text(s) => Value::Text(s),
        AuditValue::Blob(b) => Value::Blob(b),
    }
}

fn from_sql(v: ValueRef<'_>) -> AuditValue {
    match v {
        ValueRef::Null => AuditValue::Null,
        ValueRef::Integer(i) => AuditValue::Int(i),
        ValueRef::Real(f) => AuditValue::Real(f),
        // Invalid UTF-8 is kept as bytes: the verifier reports it instead of failing to read.
        ValueRef::Text(t) => match std::str::from_utf8(t) {
            Ok(s) => AuditValue::Text(s.to_owned()),
            Err(_) => AuditValue::Blob(t.to_vec()),
        },
        ValueRef::Blob(b) => AuditValue::Blob(b.to_vec()),
    }
}

/// A write that was cut off (the process killed, or ended by its signal deadline, while an
/// entry was being committed) leaves a hot journal beside the log, and a read-only connection
/// cannot read past it. Rolling it back restores the last committed state: it removes only
/// the entry that was never committed, exactly as the next session's first write would. So
/// when a journal is there, a short-lived read-write connection does that first.
fn finish_cut_write(path: &Path) -> Result<(), StoreError> {
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
fn tighten(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, "reading", e))?;
    let mode = meta.permissions().mode();
    if mode & 0o077 != 0 {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700))
            .map_err(|e| io_error(path, "restricting the permissions of", e))?;
    }
    Ok(())
}

fn io_error(path: &Path, doing: &str, e: std::io::Error) -> StoreError {
    StoreError::Sqlite {
        context: format!("{doing} {}: {e}", path.display()),
        source: rusqlite::Error::InvalidPath(path.to_owned()),
    }
}

impl Store {
    /// A fingerprint of what this database holds, for the audit log: SHA-256 (hex) over the
    /// `application_id`, the schema version, the schema's SQL text (`sqlite_schema`, by name)
    /// and the `sources` table (id, kind, sha256, rows, replaced_by; by id). Imports and
    /// replacements change it; browsing does not. It is cheap (no data tables are read) and
    /// stable across VACUUM and across copies of the file, so an entry names *which content*
    /// was looked at rather than which file.
    pub fn fingerprint(&self) -> Result<String, StoreError> {
        let mut h = Sha256::new();
        let app: i32 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .ctx("fingerprinting the database")?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ctx("fingerprinting the database")?;
        h.update(format!("app {app}\nversion {version}\n").as_bytes());
        let mut stmt = self
            .conn
            .prepare("SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY name")
            .ctx("fingerprinting the database")?;
        let mut rows = stmt.query([]).ctx("fingerprinting the database")?;
        while let Some(r) = rows.next().ctx("fingerprinting the database")? {
            for i in 0..2 {
                let s: String = r.get(i).ctx("fingerprinting the database")?;
                h.update((s.len() as u64).to_be_bytes());
                h.update(s.as_bytes());
            }
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, kind, sha256, rows, coalesce(replaced_by, 0) FROM sources ORDER BY id",
            )
            .ctx("fingerprinting the database")?;
        let mut rows = stmt.query([]).ctx("fingerprinting the database")?;
        while let Some(r) = rows.next().ctx("fingerprinting the database")? {
            let id: i64 = r.get(0).ctx("fingerprinting the database")?;
            let kind: String = r.get(1).ctx("fingerprinting the database")?;
            let sha: String = r.get(2).ctx("fingerprinting the database")?;
            let n: i64 = r.get(3).ctx("fingerprinting the database")?;
            let by: i64 = r.get(4).ctx("fingerprinting the database")?;
            h.update(format!("{id}\t{kind}\t{sha}\t{n}\t{by}\n").as_bytes());
        }
        Ok(hex(&h.finalize()))
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_log_fails_quickly_instead_of_waiting_as_long_as_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::open_append(&dir.path().join("x.db.audit")).unwrap();
        let ms: i64 = log
            .conn
            .query_row("PRAGMA busy_timeout", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ms, AUDIT_BUSY_TIMEOUT.as_millis() as i64);
        // Well inside the interface's end-of-session wait (1 s), so a locked log makes the
        // last entry fail rather than hang.
        assert!(ms < 1000, "{ms} ms");
    }
}
