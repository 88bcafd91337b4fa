//! The audit trail: who looked at what, why, from where, and against which data — written
//! before the data is shown, and chained so that tampering shows (`security.md` §6).
//!
//! The log is its own SQLite file beside the database (`demo.db` → `demo.db.audit`, mode
//! 0600; see [`log_path`]). Every entry carries the fields BIO2 8.15.01 asks for (action,
//! object, result, origin, actor, time) plus the purpose (LED "justification"), the lens and the
//! database fingerprint. Each entry's `hash` is SHA-256 over a canonical, length-prefixed
//! serialisation of all its other columns including `prev_hash`, the previous entry's hash
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
mod origin;
pub mod report;

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::export::{ExportError, ExportOptions, ExportSummary, Table, write_file};
use crate::store::{AuditLog, AuditRow, AuditValue, Store, StoreError};

pub use chain::{Anchor, Tamper, Verification};
pub use origin::SessionInfo;

/// What happened (BIO2 "Action").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The interface opened a database.
    SessionStart,
    /// The interface closed (quit, idle timeout, signal).
    SessionEnd,
    /// An entity detail (address, business, party) was opened.
    OpenEntity,
    /// A search result was opened.
    SearchOpen,
    /// Data left schouw as a file.
    Export,
    /// A file was imported.
    Import,
    /// A lens was saved.
    LensSave,
    /// The screen was locked.
    Lock,
    /// The screen was unlocked.
    Unlock,
}

impl Action {
    /// Every action, for parsing and help.
    pub const ALL: [Action; 9] = [
        Action::SessionStart,
        Action::SessionEnd,
        Action::OpenEntity,
        Action::SearchOpen,
        Action::Export,
        Action::Import,
        Action::LensSave,
        Action::Lock,
        Action::Unlock,
    ];

    /// The stored name (`open_entity`).
    pub fn as_str(self) -> &'static str {
        match self {
            Action::SessionStart => "session_start",
            Action::SessionEnd => "session_end",
            Action::OpenEntity => "open_entity",
            Action::SearchOpen => "search_open",
            Action::Export => "export",
            Action::Import => "import",
            Action::LensSave => "lens_save",
            Action::Lock => "lock",
            Action::Unlock => "unlock",
        }
    }

    /// The action with this stored name.
    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// How it ended (BIO2 "Result").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It happened.
    Ok,
    /// schouw or the user refused it (no purpose given, file exists, wrong unlock).
    Refused,
    /// It was attempted and failed.
    Failed,
}

impl Outcome {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Refused => "refused",
            Outcome::Failed => "failed",
        }
    }

    /// The outcome with this stored name.
    pub fn parse(s: &str) -> Option<Outcome> {
        [Outcome::Ok, Outcome::Refused, Outcome::Failed]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// What it happened to (BIO2 "Object"): an identifier, never a name, address or search text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Object {
    /// Nothing in particular (lock, unlock).
    None,
    /// The database as a whole (session start and end).
    Database,
    /// A CBS area code.
    Area(String),
    /// An address id (BAG).
    Address(String),
    /// A business id (KvK vestigingsnummer).
    Business(String),
    /// A party's pseudonym.
    Party(String),
    /// A lens id.
    Lens(String),
    /// A file, identified by its SHA-256 in [`Entry::file_sha256`] (its name may itself be
    /// personal data, so it is not logged).
    File,
}

impl Object {
    /// The stored form: `area:BU03630000`, `party:P-12`, `database`, `file` or `-`.
    pub fn to_stored(&self) -> String {
        match self {
            Object::None => "-".into(),
            Object::Database => "database".into(),
            Object::File => "file".into(),
            Object::Area(id) => format!("area:{id}"),
            Object::Address(id) => format!("address:{id}"),
            Object::Business(id) => format!("business:{id}"),
            Object::Party(id) => format!("party:{id}"),
            Object::Lens(id) => format!("lens:{id}"),
        }
    }

    /// Reads the stored form back.
    pub fn parse(s: &str) -> Option<Object> {
        let obj = match s {
            "-" => Object::None,
            "database" => Object::Database,
            "file" => Object::File,
            _ => {
                let (kind, id) = s.split_once(':')?;
                let id = id.to_owned();
                match kind {
                    "area" => Object::Area(id),
                    "address" => Object::Address(id),
                    "business" => Object::Business(id),
                    "party" => Object::Party(id),
                    "lens" => Object::Lens(id),
                    _ => return None,
                }
            }
        };
        obj.check().ok()?;
        Some(obj)
    }

    fn id(&self) -> Option<&str> {
        match self {
            Object::None | Object::Database | Object::File => None,
            Object::Area(id)
            | Object::Address(id)
            | Object::Business(id)
            | Object::Party(id)
            | Object::Lens(id) => Some(id),
        }
    }

    /// Identifiers are 1 to 64 characters of `A-Z a-z 0-9 . _ : -`: enough for every id schouw
    /// has, and too narrow for free text to slip in.
    fn check(&self) -> Result<(), AuditError> {
        match self.id() {
            Some(id) if !is_identifier(id) => Err(AuditError::Invalid(format!(
                "the object id must be 1 to 64 letters, digits, '.', '_', ':' or '-' (got {} characters)",
                id.chars().count()
            ))),
            _ => Ok(()),
        }
    }
}

fn is_identifier(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

/// The longest purpose, in characters.
pub const MAX_PURPOSE_CHARS: usize = 120;

/// One thing to record. The session fields (time, user, origin, database fingerprint) are
/// added by [`Audit::record`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What happened.
    pub action: Action,
    /// To what.
    pub object: Object,
    /// How it ended.
    pub outcome: Outcome,
    /// The lens in use: id and version.
    pub lens: Option<(String, String)>,
    /// Why: a case number or short reason (required before entity details are shown).
    pub purpose: Option<String>,
    /// Rows exported.
    pub rows: Option<u64>,
    /// SHA-256 (hex) of the file imported or exported.
    pub file_sha256: Option<String>,
}

impl Entry {
    /// An entry with only the required fields.
    pub fn new(action: Action, object: Object, outcome: Outcome) -> Self {
        Entry {
            action,
            object,
            outcome,
            lens: None,
            purpose: None,
            rows: None,
            file_sha256: None,
        }
    }

    /// With the lens in use.
    pub fn with_lens(mut self, id: &str, version: &str) -> Self {
        self.lens = Some((id.to_owned(), version.to_owned()));
        self
    }

    /// With the purpose.
    pub fn with_purpose(mut self, purpose: &str) -> Self {
        self.purpose = Some(purpose.to_owned());
        self
    }

    /// With a row count and the file's SHA-256.
    pub fn with_file(mut self, rows: Option<u64>, sha256: &str) -> Self {
        self.rows = rows;
        self.file_sha256 = Some(sha256.to_owned());
        self
    }

    /// Refuses entries that could carry free text or malformed values into the log.
    pub fn check(&self) -> Result<(), AuditError> {
        self.object.check()?;
        if let Some((id, version)) = &self.lens
            && (!is_identifier(id) || !is_identifier(version))
        {
            return Err(AuditError::Invalid(
                "the lens id and version must be identifiers".into(),
            ));
        }
        if let Some(p) = &self.purpose {
            check_purpose(p)?;
        }
        if let Some(h) = &self.file_sha256
            && !is_sha256_hex(h)
        {
            return Err(AuditError::Invalid(
                "the file hash must be 64 lowercase hex digits".into(),
            ));
        }
        if self.rows.is_some_and(|n| i64::try_from(n).is_err()) {
            return Err(AuditError::Invalid("the row count is too large".into()));
        }
        Ok(())
    }
}

/// Checks a purpose the analyst typed: 1 to [`MAX_PURPOSE_CHARS`] characters after trimming,
/// no control, bidi or invisible characters.
pub fn check_purpose(p: &str) -> Result<(), AuditError> {
    let n = p.chars().count();
    if p.trim() != p || n == 0 || n > MAX_PURPOSE_CHARS {
        return Err(AuditError::Invalid(format!(
            "the purpose must be 1 to {MAX_PURPOSE_CHARS} characters without surrounding spaces"
        )));
    }
    if p.chars().any(crate::sanitize::is_unsafe) {
        return Err(AuditError::Invalid(
            "the purpose may not contain control or invisible characters".into(),
        ));
    }
    Ok(())
}

pub(crate) fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

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
    /// Writes an export under audit, in the order of `security.md` §6.5: an `export` entry
    /// without a hash is committed first (nothing is written if that fails), then the file is
    /// written, then a second `export` entry carries the row count and the file's SHA-256. If
    /// the second entry cannot be written the file is removed again. A first entry without a
    /// second therefore means the export did not complete. `entry` gives the object, lens and
    /// purpose; its outcome, rows and hash are set here.
    pub fn export(
        &mut self,
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
        self.record(entry.clone())?;
        match write_file(path, opts, table) {
            Ok(summary) => {
                let done = entry.with_file(Some(summary.rows), &summary.sha256);
                if let Err(e) = self.record(done) {
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
                let _ = self.record(Entry { outcome, ..entry });
                Err(e.into())
            }
        }
    }
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

/// SHA-256 (hex) of a file's bytes, for import and export entries.
pub fn file_sha256(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(chain::hex(&h.finalize()))
}
