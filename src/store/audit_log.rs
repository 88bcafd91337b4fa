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
//! ([`Store::fingerprint`](super::Store::fingerprint)).

mod files;
mod fingerprint;
#[cfg(test)]
mod tests;
mod values;

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, TransactionBehavior, params_from_iter};

use super::open::{Context, StoreError, harden, sniff_foreign};
use files::{finish_cut_write, io_error, tighten};

pub use values::AuditValue;
use values::{from_sql, to_sql};

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
