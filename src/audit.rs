//! The audit trail: who looked at what, why, from where, and against which data — written
//! before the data is shown, and chained so that tampering shows (`security.md` §6).
//!
//! The log is its own SQLite file beside the database (`demo.db` → `demo.db.audit`, mode
//! 0600; see [`log_path`]). Every entry carries the fields BIO2 8.15.01 asks for (action,
//! object, result, origin, actor, time) plus the purpose (LED "justification"), the lens, the
//! recipient of an export (LED "recipients", when given) and the database fingerprint. Each
//! entry's `hash` is SHA-256 over a canonical, length-prefixed serialisation of all its other
//! columns (the recipient when set) including `prev_hash`, the previous entry's hash
//! ([`chain`]). Changing, deleting, inserting or reordering entries breaks the chain at the
//! first affected `seq`.
//!
//! What the chain cannot show: that entries were cut off the *end*, or that someone with
//! write access rewrote the whole chain from some point on, since the hash is unkeyed. Both are
//! caught only against an external anchor: `schouw audit verify` prints the last `seq` and hash
//! so they can be written down or sent elsewhere, and `--anchor SEQ:HASH` checks a later run
//! against them. A keyed chain (HMAC with a key the analyst cannot read) would need a key held
//! by a separate service account; that is left to deployment.
//!
//! Fail-closed: [`Audit::record`] returns only after the entry is committed with
//! `synchronous = FULL`; callers show an entity detail or write an export only after `Ok`.
//!
//! Privacy of the log (BIO2 8.15.02): objects are typed identifiers ([`Object`]) checked to
//! look like ids, never free text; there is no field for search text or names. The purpose is
//! the analyst's own short reason or case number.

pub mod chain;
mod entry;
mod memory;
mod origin;
pub mod report;

use std::path::{Path, PathBuf};

use crate::export::{
    ExportError, ExportFile, ExportOptions, ExportSummary, ExportTable, Header, Table, write_file,
};
use crate::store::{AuditLog, AuditRow, AuditValue, Store, StoreError};

pub use chain::{Anchor, Tamper, Verification};
pub(crate) use entry::is_sha256_hex;
pub use entry::{Action, Entry, MAX_PURPOSE_CHARS, Object, Outcome, Reason, check_purpose};
pub use memory::MemoryLog;
pub use origin::SessionInfo;

/// What can go wrong with the audit log.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// The log file could not be opened, read or written.
    #[error("audit log unavailable: {0}")]
    Store(#[from] StoreError),
    /// An entry was refused before writing.
    #[error("audit entry refused: {0}")]
    Invalid(String),
    /// No log exists for this database.
    #[error("there is no audit log at {0}: nothing has been recorded for this database")]
    Missing(PathBuf),
    /// An in-memory database has no place for a log.
    #[error("an in-memory database has no audit log")]
    NoPath,
    /// The log could not take the entry (a log other than the SQLite file, e.g. in tests).
    #[error("audit log unavailable: {0}")]
    Unavailable(String),
}

/// Anything that takes audit entries and commits each before returning: the log file
/// ([`Audit`]) or, in tests and the in-memory demo, a [`MemoryLog`]. The interface writes
/// through this, so it can be tested without a file.
pub trait Recorder {
    /// Appends `entry` durably. Only after `Ok` may the caller show or write what the entry
    /// is about.
    fn record(&mut self, entry: Entry) -> Result<(), AuditError>;
}

/// The audit log file of a database: its path with `.audit` appended (`demo.db.audit`).
pub fn log_path(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".audit");
    PathBuf::from(s)
}

/// One stored entry as read back, values as stored (a tampered log may hold anything).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Record {
    /// Sequence number, from 1 without gaps.
    pub seq: i64,
    /// UTC time, `2026-11-25T10:33:13Z`.
    pub time: String,
    /// The session it belongs to.
    pub session: String,
    /// The operating-system user.
    pub user: String,
    /// Host, tty and SSH client address.
    pub origin: String,
    /// The action's stored name.
    pub action: String,
    /// The object's stored form.
    pub object: String,
    /// `ok`, `refused` or `failed`.
    pub result: String,
    /// Lens id.
    pub lens_id: Option<String>,
    /// Lens version.
    pub lens_version: Option<String>,
    /// Purpose.
    pub purpose: Option<String>,
    /// Row count.
    pub rows: Option<i64>,
    /// File SHA-256.
    pub file_sha256: Option<String>,
    /// Database fingerprint.
    pub db_fingerprint: String,
    /// The previous entry's hash.
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
    /// Who an export was for.
    pub recipient: Option<String>,
}

impl Record {
    /// Reads a stored row leniently (for showing); [`chain::verify`] judges it.
    pub fn from_row(row: &AuditRow) -> Record {
        let v = &row.values;
        let text = |i: usize| v.get(i).map(shown).unwrap_or_default();
        let opt = |i: usize| match v.get(i) {
            None | Some(AuditValue::Null) => None,
            Some(x) => Some(shown(x)),
        };
        let int = |i: usize| match v.get(i) {
            Some(AuditValue::Int(n)) => Some(*n),
            _ => None,
        };
        Record {
            seq: int(0).unwrap_or(-1),
            time: text(1),
            session: text(2),
            user: text(3),
            origin: text(4),
            action: text(5),
            object: text(6),
            result: text(7),
            lens_id: opt(8),
            lens_version: opt(9),
            purpose: opt(10),
            rows: int(11),
            file_sha256: opt(12),
            db_fingerprint: text(13),
            prev_hash: text(14),
            hash: text(15),
            recipient: opt(16),
        }
    }
}

fn shown(v: &AuditValue) -> String {
    match v {
        AuditValue::Null => String::new(),
        AuditValue::Int(n) => n.to_string(),
        AuditValue::Real(f) => f.to_string(),
        AuditValue::Text(s) => s.clone(),
        AuditValue::Blob(b) => format!("<{} bytes>", b.len()),
    }
}

/// An open audit log for one session: appends entries stamped with the session's user, origin
/// and the database fingerprint.
pub struct Audit {
    log: AuditLog,
    session: SessionInfo,
    fingerprint: String,
}

impl Audit {
    /// Opens (or creates) the log beside `store`'s file for the current session.
    pub fn open(store: &Store) -> Result<Audit, AuditError> {
        let db = store.path().ok_or(AuditError::NoPath)?;
        let fingerprint = store.fingerprint()?;
        Audit::open_at(&log_path(db), SessionInfo::current(), fingerprint)
    }

    /// Opens (or creates) the log file `path` with explicit session details.
    pub fn open_at(
        path: &Path,
        session: SessionInfo,
        fingerprint: String,
    ) -> Result<Audit, AuditError> {
        let log = AuditLog::open_append(path)?;
        Ok(Audit {
            log,
            session,
            fingerprint,
        })
    }

    /// Takes the database fingerprint anew (after an import changed what it holds).
    pub fn refresh_fingerprint(&mut self, store: &Store) -> Result<(), AuditError> {
        self.fingerprint = store.fingerprint()?;
        Ok(())
    }

    /// The session details stamped on each entry.
    pub fn session(&self) -> &SessionInfo {
        &self.session
    }

    /// Checks this log's chain as it stands (e.g. at session start, to warn early).
    pub fn verify(&self, anchor: Option<&Anchor>) -> Result<Verification, AuditError> {
        Ok(chain::verify(&self.log.rows()?, anchor))
    }

    /// Appends `entry` and commits it durably. Only after `Ok` may the caller show or write
    /// what the entry is about.
    pub fn record(&mut self, entry: Entry) -> Result<(), AuditError> {
        entry.check()?;
        let time = crate::clock::now_iso();
        let session = &self.session;
        let fingerprint = &self.fingerprint;
        self.log.append(|head| {
            let (seq, prev) = match head {
                Some(h) => (h.seq + 1, h.hash.clone()),
                None => (1, chain::GENESIS.to_owned()),
            };
            chain::seal(chain::Unsealed {
                seq,
                time,
                session,
                entry: &entry,
                fingerprint,
                prev_hash: prev,
            })
        })?;
        Ok(())
    }
}

/// Why an audited export did not complete.
#[derive(Debug, thiserror::Error)]
pub enum AuditedExportError {
    /// The audit log could not be written; no file was left behind.
    #[error(transparent)]
    Audit(#[from] AuditError),
    /// The file could not be written (recorded as refused or failed).
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl Audit {
    /// Writes an export under audit; see [`export`].
    pub fn export(
        &mut self,
        entry: Entry,
        path: &Path,
        opts: ExportOptions,
        table: Table<'_>,
    ) -> Result<ExportSummary, AuditedExportError> {
        export(self, entry, path, opts, table)
    }
}

impl Recorder for Audit {
    fn record(&mut self, entry: Entry) -> Result<(), AuditError> {
        Audit::record(self, entry)
    }
}

/// Writes an export under audit, in the order of `security.md` §6.5: an `export` entry
/// without a hash is committed first (nothing is written if that fails), then the file is
/// written, then a second `export` entry carries the row count and the file's SHA-256. If
/// the second entry cannot be written the file is removed again. A first entry without a
/// second therefore means the export did not complete. `entry` gives the object, lens and
/// purpose; its outcome, rows and hash are set here.
pub fn export(
    log: &mut dyn Recorder,
    entry: Entry,
    path: &Path,
    opts: ExportOptions,
    table: Table<'_>,
) -> Result<ExportSummary, AuditedExportError> {
    let entry = Entry {
        action: Action::Export,
        outcome: Outcome::Ok,
        rows: None,
        file_sha256: None,
        ..entry
    };
    log.record(entry.clone())?;
    match write_file(path, opts, table) {
        Ok(summary) => {
            let done = entry.with_file(Some(summary.rows), &summary.sha256);
            if let Err(e) = log.record(done) {
                let _ = std::fs::remove_file(path);
                return Err(e.into());
            }
            Ok(summary)
        }
        Err(e) => {
            let outcome = match e {
                ExportError::Io { .. } => Outcome::Failed,
                _ => Outcome::Refused,
            };
            // The export error is what the user must see; a failing log adds nothing.
            let _ = log.record(Entry { outcome, ..entry });
            Err(e.into())
        }
    }
}

/// Writes `table` under audit (see [`export`]) with its header block: the banner, the lens
/// and its version, today's date and "patroon, geen bewijs". The one way `schouw export` and
/// the interface's `:export` write a file.
pub fn export_table(
    log: &mut dyn Recorder,
    entry: Entry,
    table: &ExportTable,
    file: ExportFile<'_>,
) -> Result<ExportSummary, AuditedExportError> {
    let header = Header::today(
        file.banner.map(str::to_owned),
        &table.lens_id,
        &table.lens_version,
    );
    let columns: Vec<&str> = table.columns.iter().map(String::as_str).collect();
    let table = Table {
        header: Some(&header),
        columns: &columns,
        rows: &table.rows,
    };
    export(log, entry, file.path, file.opts, table)
}

/// Checks the log of database `db` (or of the log file itself, when given the `.audit` path).
pub fn verify(log: &Path, anchor: Option<&Anchor>) -> Result<Verification, AuditError> {
    let rows = read_rows(log)?;
    Ok(chain::verify(&rows, anchor))
}

/// Every stored row of the log file, for verification and reports.
pub fn read_rows(log: &Path) -> Result<Vec<AuditRow>, AuditError> {
    if log.symlink_metadata().is_err() {
        return Err(AuditError::Missing(log.to_owned()));
    }
    Ok(AuditLog::open_read(log)?.rows()?)
}

/// The entry for one imported file: its SHA-256 (when it could be read), the records read,
/// and whether the import succeeded. The file name is not logged (it may name a person).
pub fn import_entry(sha256: Option<&str>, rows: Option<u64>, ok: bool) -> Entry {
    let outcome = if ok { Outcome::Ok } else { Outcome::Failed };
    let mut entry = Entry::new(Action::Import, Object::File, outcome);
    entry.rows = rows;
    entry.file_sha256 = sha256.map(str::to_owned);
    entry
}

/// What a completed import tells its closing audit entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Records read (`None` when the same bytes were imported before and nothing changed).
    pub rows: Option<u64>,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
}

impl Audit {
    /// Imports `file` under audit, in the order of exports (`security.md` §6.5): an `import`
    /// entry without a hash is committed first (nothing is imported if that fails), then `run`
    /// imports, then a second `import` entry carries the outcome, the records read and the
    /// file's SHA-256 (for a failed import hashed here, when the file can be read). A first
    /// entry without a second therefore means the import did not complete, e.g. the process
    /// was killed: its transaction then left the database as it was.
    pub fn import<E>(
        &mut self,
        store: &mut Store,
        file: &Path,
        run: impl FnOnce(&mut Store) -> Result<Imported, E>,
    ) -> Result<Result<Imported, E>, AuditError> {
        self.record(import_entry(None, None, true))?;
        let result = run(store);
        self.refresh_fingerprint(store)?;
        let entry = match &result {
            Ok(done) => import_entry(Some(&done.sha256), done.rows, true),
            Err(_) => import_entry(file_sha256(file).ok().as_deref(), None, false),
        };
        self.record(entry)?;
        Ok(result)
    }
}

/// SHA-256 (hex) of a file's bytes, for import and export entries.
pub fn file_sha256(path: &Path) -> std::io::Result<String> {
    crate::import::reader::sha256_file(path).map(|(hex, _)| hex)
}
