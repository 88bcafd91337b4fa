//! Opening a database: refusing files that are not ours, applying the pragmas and connection
//! flags from the security design (`security.md` §5), and running migrations.

use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::{schema, verify};

/// Marks a schouw database in the SQLite header (offset 68): "SCHW".
pub const APPLICATION_ID: i32 = 0x5343_4857;

/// What can go wrong opening or using a database, phrased so that the user knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is some other kind of file or database.
    #[error(
        "{path} is not a schouw database (it is {what}); choose another file name, schouw will not overwrite it"
    )]
    NotSchouw {
        /// The file.
        path: PathBuf,
        /// What it looks like instead.
        what: String,
    },
    /// The database was made by a newer schouw.
    #[error(
        "{path} has schema version {found}, newer than this schouw understands ({supported}); use a newer schouw"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version found.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The database has an older schema and is opened read-only, so it cannot be migrated.
    #[error("{0} was made by an older schouw; run `schouw info {0}` once to bring it up to date")]
    Outdated(PathBuf),
    /// The database does not exist where a command needs one.
    #[error("{0} does not exist; create it with `schouw init {0}` or `schouw import`")]
    Missing(PathBuf),
    /// The file is damaged, cut off, or was changed by another program (see `verify`).
    #[error(
        "{path} is damaged: {what}; schouw will not use it. Restore it from a backup, or import the source files into a new database"
    )]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        what: String,
    },
    /// SQLite found damage in a page while reading (files too large for the full check on
    /// open are checked as they are read).
    #[error(
        "{context}: the database file is damaged ({source}); restore it from a backup, or import the source files into a new database (`schouw info --check` checks the whole file)"
    )]
    Corrupt {
        /// What schouw was doing.
        context: String,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
    /// The system would not start the thread a pass reads its second connection on.
    #[error(
        "cannot start a second thread to read the database ({0}); close other programs and try again"
    )]
    Thread(#[source] std::io::Error),
    /// Any other SQLite failure, with what we were doing.
    #[error("{context}: {source}")]
    Sqlite {
        /// What schouw was doing.
        context: String,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
}

/// Adds context to SQLite errors.
pub(crate) trait Context<T> {
    fn ctx(self, context: &str) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, rusqlite::Error> {
    fn ctx(self, context: &str) -> Result<T, StoreError> {
        self.map_err(|source| {
            let context = context.to_owned();
            match source.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
                    StoreError::Corrupt { context, source }
                }
                _ => StoreError::Sqlite { context, source },
            }
        })
    }
}

/// How a database is opened for reading only: one thread at a time per connection, no
/// symbolic link followed, extended result codes.
const READ_ONLY: OpenFlags = OpenFlags::SQLITE_OPEN_READ_ONLY
    .union(OpenFlags::SQLITE_OPEN_NO_MUTEX)
    .union(OpenFlags::SQLITE_OPEN_NOFOLLOW)
    .union(OpenFlags::SQLITE_OPEN_EXRESCODE);

/// An open schouw database.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    /// Whether a pass reads every table on `conn`: on a machine with one core, and after
    /// [`Store::on_one_connection`].
    one_connection: bool,
}

impl Store {
    /// Opens an existing schouw database for reading and writing, migrating it if it is older.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_owned()));
        }
        Self::open_file(path, false)
    }

    /// Opens a schouw database, creating it if the file does not exist. An existing file that
    /// is not a schouw database is refused, never overwritten.
    pub fn open_or_create(path: &Path) -> Result<Self, StoreError> {
        Self::open_file(path, true)
    }

    /// Opens an existing schouw database read-only (for browsing).
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_owned()));
        }
        sniff_foreign(path)?;
        let conn = Connection::open_with_flags(path, READ_ONLY).ctx("opening the database")?;
        let store = Store {
            conn,
            path: Some(path.to_owned()),
            one_connection: side::one_core(),
        };
        store.harden()?;
        let version = store.check_identity(path)?;
        verify::on_open(&store.conn, path)?;
        if version < schema::SCHEMA_VERSION {
            return Err(StoreError::Outdated(path.to_owned()));
        }
        store
            .conn
            .pragma_update(None, "query_only", true)
            .ctx("setting read-only mode")?;
        Ok(store)
    }

    /// An empty database in memory (tests, benchmarks).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory().ctx("opening an in-memory database")?;
        let mut store = Store {
            conn,
            path: None,
            one_connection: true,
        };
        store.harden()?;
        store.init_new()?;
        Ok(store)
    }

    /// The same store, its passes reading every table on its one connection, one after the
    /// other. Reading two tables at once on a second connection is faster but holds what
    /// both find at the same time: the interface's worker, which has a tighter memory budget
    /// than time budget and shares the machine with the interface, reads this way.
    pub fn on_one_connection(self) -> Self {
        Store {
            one_connection: true,
            ..self
        }
    }

    /// The same store, its passes reading on two connections even on a machine with one
    /// core (tests of the second connection).
    #[cfg(test)]
    pub(crate) fn on_two_connections(self) -> Self {
        Store {
            one_connection: false,
            ..self
        }
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn open_file(path: &Path, create: bool) -> Result<Self, StoreError> {
        let existed = path.exists();
        if existed {
            sniff_foreign(path)?;
        } else if !create {
            return Err(StoreError::Missing(path.to_owned()));
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_NOFOLLOW
            | OpenFlags::SQLITE_OPEN_EXRESCODE;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn =
            Connection::open_with_flags(path, flags).ctx(&format!("opening {}", path.display()))?;
        let mut store = Store {
            conn,
            path: Some(path.to_owned()),
            one_connection: side::one_core(),
        };
        store.harden()?;
        let empty = store.is_empty_file()?;
        if empty {
            store.init_new()?;
        } else {
            let version = store.check_identity(path)?;
            verify::on_open(&store.conn, path)?;
            schema::migrate(&mut store.conn, version)?;
        }
        Ok(store)
    }

    /// Connection settings from `security.md` §5.2.
    fn harden(&self) -> Result<(), StoreError> {
        harden(&self.conn)
    }

    fn is_empty_file(&self) -> Result<bool, StoreError> {
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(|e| foreign_or(e, self.path.as_deref()))?;
        let app: i32 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .ctx("reading the application id")?;
        Ok(tables == 0 && app == 0)
    }

    /// Refuses a database that is not ours; returns its schema version.
    fn check_identity(&self, path: &Path) -> Result<i64, StoreError> {
        let app: i32 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| foreign_or(e, Some(path)))?;
        if app != APPLICATION_ID {
            return Err(StoreError::NotSchouw {
                path: path.to_owned(),
                what: format!("an SQLite database of another application (application_id {app})"),
            });
        }
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ctx("reading the schema version")?;
        if version > schema::SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_owned(),
                found: version,
                supported: schema::SCHEMA_VERSION,
            });
        }
        Ok(version)
    }

    fn init_new(&mut self) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "application_id", APPLICATION_ID)
            .ctx("marking the file as a schouw database")?;
        schema::migrate(&mut self.conn, 0)
    }
}

/// Connection settings from `security.md` §5.2, shared by every SQLite file schouw opens.
pub(crate) fn harden(c: &Connection) -> Result<(), StoreError> {
    c.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)
        .ctx("enabling defensive mode")?;
    c.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)
        .ctx("distrusting the schema")?;
    c.set_db_config(DbConfig::SQLITE_DBCONFIG_DQS_DML, false)
        .ctx("disabling double-quoted strings")?;
    c.set_db_config(DbConfig::SQLITE_DBCONFIG_DQS_DDL, false)
        .ctx("disabling double-quoted strings")?;
    c.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA trusted_schema = OFF;
         PRAGMA cell_size_check = ON;
         PRAGMA mmap_size = 0;
         PRAGMA journal_size_limit = 67108864;
         PRAGMA cache_size = -32768;",
    )
    .ctx("applying the connection settings")?;
    c.busy_timeout(std::time::Duration::from_millis(5000))
        .ctx("setting the busy timeout")?;
    c.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED, 0)
        .ctx("limiting attachments")?;
    Ok(())
}

/// Turns "file is not a database" and "malformed" into a clear refusal.
fn foreign_or(e: rusqlite::Error, path: Option<&Path>) -> StoreError {
    match (path, e.sqlite_error_code()) {
        (Some(path), Some(rusqlite::ErrorCode::NotADatabase)) => StoreError::NotSchouw {
            path: path.to_owned(),
            what: "not an SQLite database".into(),
        },
        (Some(path), Some(rusqlite::ErrorCode::DatabaseCorrupt)) => StoreError::Damaged {
            path: path.to_owned(),
            what: format!("SQLite cannot read it ({e})"),
        },
        _ => StoreError::Sqlite {
            context: "reading the database".into(),
            source: e,
        },
    }
}

/// Looks at the first bytes of an existing file before SQLite touches it, so that a CSV, a
/// workbook or a text file given by mistake is refused without being changed.
pub(crate) fn sniff_foreign(path: &Path) -> Result<(), StoreError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| StoreError::Sqlite {
        context: format!("reading {}: {e}", path.display()),
        source: rusqlite::Error::InvalidPath(path.to_owned()),
    })?;
    if !meta.is_file() {
        return Err(StoreError::NotSchouw {
            path: path.to_owned(),
            what: "not a regular file".into(),
        });
    }
    if meta.len() == 0 {
        return Ok(());
    }
    let mut head = Vec::with_capacity(100);
    let _ = std::fs::File::open(path).and_then(|f| f.take(100).read_to_end(&mut head));
    if head.len() < 16 || &head[..16] != b"SQLite format 3\0" {
        let what = if head.starts_with(b"PK\x03\x04") {
            "a zip file or Excel workbook"
        } else {
            "not an SQLite database"
        };
        return Err(StoreError::NotSchouw {
            path: path.to_owned(),
            what: what.into(),
        });
    }
    verify::check_length(path, &head, meta.len())
}

mod side;
#[cfg(test)]
mod tests;
