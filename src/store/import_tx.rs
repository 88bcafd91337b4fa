//! The import transaction: one source file becomes one `sources` row and its data rows, all in
//! one SQLite transaction, so a file applies completely or not at all. A new version of a source
//! (same kind and name, other content) replaces the old version's rows inside the same
//! transaction and the counts say what was inserted, updated, unchanged and removed.
//!
//! A bulk load (an empty table, no earlier version) drops the table's secondary indexes and
//! rebuilds them once at the end; [`references`] checks the references of some kinds once
//! after the load; [`insert`] runs the prepared inserts.

mod earlier;
mod indexes;
mod insert;
mod known;
mod put;
mod references;

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::open::{Context, Store, StoreError};
use super::schema::DATA_TABLES;
use crate::model::{Business, EntityKind};
pub use earlier::PriorImport;
use earlier::prior_import;
use indexes::{defer_indexes, is_empty};
use insert::Insert;
use references::ForeignKeysOff;
pub use references::MissingReference;

/// Describes the file being imported.
#[derive(Debug, Clone)]
pub struct SourceMeta {
    /// The import kind (`cbs`, `addresses`, …).
    pub kind: String,
    /// The source's name: the file name unless the user chose one. A later import with the
    /// same kind and name replaces this one.
    pub name: String,
    /// SHA-256 of the file's bytes, hex; empty when it is known only once the file has been
    /// read (then given with [`ImportTx::set_sha256`] before the commit).
    pub sha256: String,
    /// The reading choices that change what the bytes become (encoding, year, key
    /// fingerprint, …) as canonical text, empty for the plain reading. Part of the source's
    /// identity: the same bytes read another way are another import.
    pub options: String,
    /// The OS user who imports.
    pub imported_by: String,
    /// When, as ISO 8601 UTC text.
    pub imported_at: String,
}

#[cfg(test)]
impl SourceMeta {
    /// A source for unit tests: plain reading, imported by `test` on 2026-01-01.
    pub(crate) fn for_test(kind: &str, name: &str, sha256: &str) -> Self {
        SourceMeta {
            kind: kind.into(),
            name: name.into(),
            sha256: sha256.into(),
            options: String::new(),
            imported_by: "test".into(),
            imported_at: "2026-01-01T00:00:00Z".into(),
        }
    }
}

/// What an import changed, in table rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportCounts {
    /// Rows added that no earlier version had.
    pub inserted: u64,
    /// Rows of the earlier version replaced by a different row with the same key.
    pub updated: u64,
    /// Rows of the earlier version that came back exactly as they were (only their source
    /// and line now name the new version).
    pub unchanged: u64,
    /// Rows of the earlier version that the new file no longer has.
    pub removed: u64,
    /// The earlier version this import replaced, by its import time.
    pub replaced: Option<PriorImport>,
}

/// Why one row could not be stored. The importer attaches file and line.
#[derive(Debug, thiserror::Error)]
pub enum PutError {
    /// The same key appeared earlier in this file.
    #[error("{key} appears twice in this file (first on line {first_line})")]
    Duplicate {
        /// The key, as the user knows it.
        key: String,
        /// The line of the first occurrence.
        first_line: u64,
    },
    /// The row refers to something the database does not have.
    #[error("{0}")]
    UnknownReference(String),
    /// The row refers to something the database does not have, given in one column (the
    /// canonical column name; the importer shows it as the file writes it, with the value).
    #[error("{message}")]
    UnknownReferenceIn {
        /// The column holding the reference.
        column: &'static str,
        /// What is missing and what to do.
        message: String,
    },
    /// A database failure.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Starts the import of one source. Nothing is visible to others until [`ImportTx::commit`];
    /// dropping the transaction rolls everything back.
    pub fn begin_import(&mut self, meta: &SourceMeta) -> Result<ImportTx<'_>, StoreError> {
        let sort_dir = self
            .path()
            .and_then(|p| p.parent())
            .map(|d| d.to_path_buf());
        // The transaction borrows the connection for the whole import (not through `self`), so
        // the prepared inserts kept in `ImportTx::inserts` can live as long as it does.
        let conn: &Connection = &self.conn;
        let foreign_keys = ForeignKeysOff::for_import(conn, &meta.kind, &meta.name)?;
        let tx = Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)
            .ctx("starting the import (is another program writing this database?)")?;
        let prior: Option<(i64, PriorImport)> = tx
            .query_row(
                "SELECT file_name, sha256, imported_at, imported_by, id FROM sources
                 WHERE kind = ?1 AND file_name = ?2 AND replaced_by IS NULL",
                params![meta.kind, meta.name],
                |r| Ok((r.get(4)?, prior_import(r)?)),
            )
            .optional()
            .ctx("looking for an earlier version of this source")?;
        tx.execute(
            "INSERT INTO sources(kind, file_name, sha256, options, imported_at, imported_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                meta.kind,
                meta.name,
                meta.sha256,
                meta.options,
                meta.imported_at,
                meta.imported_by
            ],
        )
        .ctx("recording the source")?;
        let source_id = tx.last_insert_rowid();
        let mut prior_rows = 0;
        if let Some((id, _)) = &prior {
            for table in tables_of(&meta.kind) {
                let n: i64 = tx
                    .query_row(
                        &format!("SELECT count(*) FROM {table} WHERE source_id = ?1"),
                        [id],
                        |r| r.get(0),
                    )
                    .ctx("counting the earlier version's rows")?;
                prior_rows += n as u64;
            }
        }
        let mut deferred = Vec::new();
        let mut bulk = Vec::new();
        if prior.is_none() {
            for table in tables_of(&meta.kind) {
                if is_empty(&tx, table)? {
                    bulk.push(*table);
                    deferred.extend(defer_indexes(&tx, table)?);
                }
            }
        }
        Ok(ImportTx {
            inserts: std::cell::RefCell::new(Vec::new()),
            conn,
            bulk,
            deferred,
            sort_dir,
            kind: meta.kind.clone(),
            tx,
            foreign_keys,
            loaded: false,
            source_id,
            prior,
            prior_rows,
            written: std::cell::Cell::new(0),
            unchanged: std::cell::Cell::new(0),
            areas: None,
            sbi: None,
        })
    }
}

/// An import in progress. See the module documentation.
pub struct ImportTx<'a> {
    /// The inserts prepared so far, keyed by the address of their SQL text (always a string
    /// literal, so the address names the statement), with whether the upsert clause was cut
    /// for a bulk load. A handful of entries: a linear scan is cheaper than hashing the long
    /// SQL text for every row, as `prepare_cached` would. Declared before `tx`, so the
    /// statements are finalised before the transaction ends.
    inserts: std::cell::RefCell<Vec<Insert<'a>>>,
    /// The connection `tx` runs on, for statements that outlive a single call.
    conn: &'a Connection,
    tx: Transaction<'a>,
    /// Foreign keys switched off for a bulk load, and on again after `tx` ends (so declared
    /// after it).
    foreign_keys: ForeignKeysOff<'a>,
    /// Whether [`Self::finish_load`] has run.
    loaded: bool,
    /// Tables loaded in bulk: empty at the start, with no earlier version of this source.
    bulk: Vec<&'static str>,
    /// Secondary indexes dropped for a bulk load into an empty table: (name, CREATE sql).
    deferred: Vec<(String, String)>,
    /// Where the index sorter may spill while rebuilding them (the database's directory).
    sort_dir: Option<std::path::PathBuf>,
    kind: String,
    source_id: i64,
    prior: Option<(i64, PriorImport)>,
    prior_rows: u64,
    /// Rows written by inserts and upserts.
    written: std::cell::Cell<u64>,
    /// Rows of the earlier version taken over unchanged (see [`insert`]).
    unchanged: std::cell::Cell<u64>,
    areas: Option<HashSet<String>>,
    sbi: Option<HashSet<String>>,
}

impl<'a> ImportTx<'a> {
    /// Records the SHA-256 of the file once it has been read (see [`SourceMeta::sha256`]).
    pub fn set_sha256(&mut self, sha256: &str) -> Result<(), StoreError> {
        self.tx
            .execute(
                "UPDATE sources SET sha256 = ?1 WHERE id = ?2",
                params![sha256, self.source_id],
            )
            .ctx("recording the file's hash")?;
        Ok(())
    }

    /// Finishes the import: ends the load ([`Self::finish_load`], refusing to commit a row whose
    /// reference is missing), removes what the earlier version had and the new one has not,
    /// records the row count, and commits. `rows` is the number of records read from the file.
    pub fn commit(mut self, rows: u64) -> Result<ImportCounts, StoreError> {
        if let Some(m) = self.finish_load()?.first() {
            return Err(StoreError::Sqlite {
                context: format!("line {}: {}", m.line, m.message),
                source: rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                    None,
                ),
            });
        }
        let mut removed = 0;
        if let Some((prior_id, _)) = &self.prior {
            for table in tables_of(&self.kind).iter().rev() {
                removed += self
                    .tx
                    .execute(
                        &format!("DELETE FROM {table} WHERE source_id = ?1"),
                        [prior_id],
                    )
                    .map_err(|e| removal_error(table, e))? as u64;
            }
            self.tx
                .execute(
                    "UPDATE sources SET replaced_by = ?1 WHERE id = ?2",
                    params![self.source_id, prior_id],
                )
                .ctx("marking the earlier version as replaced")?;
        }
        self.tx
            .execute(
                "UPDATE sources SET rows = ?1 WHERE id = ?2",
                params![rows as i64, self.source_id],
            )
            .ctx("recording the row count")?;
        self.tx.commit().ctx("committing the import")?;
        // The earlier version's rows still here came back: unchanged or updated.
        let unchanged = self.unchanged.get();
        let updated = self
            .prior_rows
            .saturating_sub(removed)
            .saturating_sub(unchanged);
        Ok(ImportCounts {
            inserted: self.written.get().saturating_sub(updated),
            updated,
            unchanged,
            removed,
            replaced: self.prior.map(|(_, p)| p),
        })
    }

    fn check_dup(
        &self,
        changed: usize,
        line_sql: &str,
        key: impl rusqlite::Params,
        describe: impl FnOnce() -> String,
    ) -> Result<(), PutError> {
        if changed > 0 {
            return Ok(());
        }
        let first_line: i64 = self
            .tx
            .query_row(line_sql, key, |r| r.get(0))
            .ctx("finding the earlier line")?;
        Err(PutError::Duplicate {
            key: describe(),
            first_line: first_line as u64,
        })
    }

    fn explain_fk(&self, e: PutError, describe: impl FnOnce() -> String) -> PutError {
        match &e {
            PutError::Store(StoreError::Sqlite { source, .. })
                if source.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) =>
            {
                PutError::UnknownReference(describe())
            }
            _ => e,
        }
    }
}

/// The problem of a business whose address is not in the database.
fn unknown_address(b: &Business) -> PutError {
    PutError::UnknownReferenceIn {
        column: "address_id",
        message: EntityKind::Address
            .not_in_database(b.address.as_ref().map(|a| a.as_str()).unwrap_or("")),
    }
}

/// The tables an import kind writes, in reference order; unknown kinds are taken to write all.
fn tables_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "cbs" => &["areas", "stat_keys", "area_stats"],
        "areas" => &["areas"],
        "sbi" => &["sbi_codes"],
        "addresses" => &["addresses"],
        "businesses" => &["businesses"],
        "parties" => &["parties"],
        "roles" => &["roles"],
        "ownership" => &["ownership"],
        "signals" => &["signals"],
        _ => DATA_TABLES,
    }
}

fn removal_error(table: &str, e: rusqlite::Error) -> StoreError {
    let context = if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
        format!(
            "the new version no longer has some {table} that other imported data still refers to; \
             import the new versions of the files that refer to them first, or keep those rows"
        )
    } else {
        format!("removing the earlier version's {table}")
    };
    StoreError::Sqlite { context, source: e }
}
