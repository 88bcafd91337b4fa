//! Foreign keys checked once after a bulk load instead of on every insert. Checking a
//! business's address on insert is a random lookup in the addresses' key index for every row,
//! the largest single cost of a national businesses import; after the load the same check runs
//! as one query over the rebuilt `businesses_by_address` index, so the lookups come in key
//! order and each index page is read once.
//!
//! SQLite can only switch foreign keys off outside a transaction, so the decision is taken
//! before the import's transaction starts: for the kinds in [`CHECKED_AFTER_LOAD`] (whose
//! tables no other table refers to, so nothing that removes rows needs the checks either),
//! when their tables are empty and no earlier version exists. The check then covers every row
//! the import wrote (all carry its `source_id`), whatever the transaction found, and
//! [`ImportTx::commit`] refuses to commit before it has run clean. Foreign keys are switched
//! back on when the transaction ends, by commit or rollback ([`ForeignKeysOff`]).

use rusqlite::{Connection, OptionalExtension, params};

use super::{ImportTx, is_empty, tables_of};
use crate::model::EntityKind;
use crate::store::open::{Context, StoreError};

/// The import kinds whose references are checked after a bulk load.
const CHECKED_AFTER_LOAD: &[&str] = &["businesses"];

/// A reference of a stored row to an entity the database does not have.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingReference {
    /// The line of the row.
    pub line: u64,
    /// The column holding the reference (the table's, which is the canonical column name).
    pub column: String,
    /// The value found.
    pub value: String,
    /// What is missing and what to do.
    pub message: String,
}

/// Foreign keys switched off for one import; switched on again when dropped, which happens
/// after the import's transaction has ended (it is declared after it in [`ImportTx`]).
pub(super) struct ForeignKeysOff<'a> {
    conn: &'a Connection,
    /// Whether they were switched off (so the check after the load must run).
    pub(super) off: bool,
}

impl<'a> ForeignKeysOff<'a> {
    /// Switches foreign keys off when an import of `kind` under `name` will be a bulk load
    /// whose references are checked after it. Runs before the transaction starts.
    pub(super) fn for_import(
        conn: &'a Connection,
        kind: &str,
        name: &str,
    ) -> Result<Self, StoreError> {
        let mut off = false;
        if CHECKED_AFTER_LOAD.contains(&kind) {
            let prior = conn
                .query_row(
                    "SELECT 1 FROM sources WHERE kind = ?1 AND file_name = ?2 AND replaced_by IS NULL",
                    params![kind, name],
                    |_| Ok(()),
                )
                .optional()
                .ctx("looking for an earlier version of this source")?;
            let mut empty = true;
            for table in tables_of(kind) {
                empty &= is_empty(conn, table)?;
            }
            if prior.is_none() && empty {
                conn.pragma_update(None, "foreign_keys", false)
                    .ctx("preparing a bulk load")?;
                off = true;
            }
        }
        Ok(ForeignKeysOff { conn, off })
    }
}

impl Drop for ForeignKeysOff<'_> {
    fn drop(&mut self) {
        if self.off {
            // Outside any transaction now, so this takes effect; it cannot fail there.
            let _ = self.conn.pragma_update(None, "foreign_keys", true);
        }
    }
}

impl ImportTx<'_> {
    /// Ends the load: rebuilds the indexes dropped for it and checks the references that were
    /// not checked on insert. Returns the rows whose references are missing (the import must
    /// then not be committed). Runs once; [`Self::commit`] runs it when the importer did not.
    pub fn finish_load(&mut self) -> Result<Vec<MissingReference>, StoreError> {
        if self.loaded {
            return Ok(Vec::new());
        }
        self.loaded = true;
        self.inserts.borrow_mut().clear();
        self.rebuild_indexes()?;
        if !self.foreign_keys.off {
            return Ok(Vec::new());
        }
        let mut missing = Vec::new();
        for table in tables_of(&self.kind) {
            for (column, parent, parent_column) in self.references_of(table)? {
                self.check_reference(table, &column, &parent, &parent_column, &mut missing)?;
            }
        }
        missing.sort_by_key(|m| m.line);
        Ok(missing)
    }

    /// The single-column foreign keys of `table` other than its source: (column, parent
    /// table, parent column).
    fn references_of(&self, table: &str) -> Result<Vec<(String, String, String)>, StoreError> {
        let mut stmt = self
            .tx
            .prepare(
                "SELECT f.\"from\", f.\"table\", f.\"to\" FROM pragma_foreign_key_list(?1) AS f
                 WHERE f.\"table\" <> 'sources'
                   AND (SELECT count(*) FROM pragma_foreign_key_list(?1) AS g WHERE g.id = f.id) = 1",
            )
            .ctx("reading the foreign keys")?;
        stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .ctx("reading the foreign keys")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading the foreign keys")
    }

    /// Finds the rows of this import whose `column` names no row of `parent`. Only row ids and
    /// the column are read in the first pass, so an index on the column serves it and the
    /// parent is searched in key order; the few rows found are then read whole.
    fn check_reference(
        &self,
        table: &str,
        column: &str,
        parent: &str,
        parent_column: &str,
        missing: &mut Vec<MissingReference>,
    ) -> Result<(), StoreError> {
        let context = format!("checking {table}.{column}");
        let mut stmt = self
            .tx
            .prepare(&format!(
                "SELECT c.rowid FROM {table} AS c WHERE c.{column} IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM {parent} AS p WHERE p.{parent_column} = c.{column})"
            ))
            .ctx(&context)?;
        let rowids = stmt
            .query_map([], |r| r.get::<_, i64>(0))
            .ctx(&context)?
            .collect::<Result<Vec<_>, _>>()
            .ctx(&context)?;
        let mut row = self
            .tx
            .prepare(&format!(
                "SELECT line, {column} FROM {table} WHERE rowid = ?1 AND source_id = ?2"
            ))
            .ctx(&context)?;
        let kind = entity_of(parent);
        for rowid in rowids {
            let found = row
                .query_row(params![rowid, self.source_id], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })
                .optional()
                .ctx(&context)?;
            if let Some((line, value)) = found {
                let message = match kind {
                    Some(kind) => kind.not_in_database(&value),
                    None => format!("{value} is not in {parent}; import it first"),
                };
                missing.push(MissingReference {
                    line: line as u64,
                    column: column.to_owned(),
                    value,
                    message,
                });
            }
        }
        Ok(())
    }
}

/// The entity kind a parent table holds.
fn entity_of(table: &str) -> Option<EntityKind> {
    match table {
        "addresses" => Some(EntityKind::Address),
        "businesses" => Some(EntityKind::Business),
        "parties" => Some(EntityKind::Party),
        "areas" => Some(EntityKind::Area),
        _ => None,
    }
}
