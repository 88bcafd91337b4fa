//! What an import looks up while it reads: whether the areas, SBI codes, entities and KvK
//! numbers its rows refer to exist (the code lists loaded once per import), and whether the
//! store checks a table's references itself.

use std::collections::HashSet;

use rusqlite::Connection;

use super::ImportTx;
use crate::model::{AreaCode, EntityKind, SbiCode};
use crate::store::open::{Context, StoreError};

impl ImportTx<'_> {
    /// Whether an area with this code exists in any year (including rows of this import).
    pub fn area_known(&mut self, code: &AreaCode) -> Result<bool, StoreError> {
        if self.areas.is_none() {
            self.areas = Some(code_set(
                &self.tx,
                "SELECT DISTINCT code FROM areas",
                "reading area codes",
            )?);
        }
        Ok(self
            .areas
            .as_ref()
            .is_some_and(|s| s.contains(code.as_str())))
    }

    /// Whether the SBI code is in the SBI table; `None` when no SBI list has been imported.
    pub fn sbi_known(&mut self, code: &SbiCode) -> Result<Option<bool>, StoreError> {
        if self.sbi.is_none() {
            self.sbi = Some(code_set(
                &self.tx,
                "SELECT code FROM sbi_codes",
                "reading SBI codes",
            )?);
        }
        let set = self.sbi.as_ref().expect("loaded above");
        Ok(if set.is_empty() {
            None
        } else {
            Some(set.contains(code.as_str()))
        })
    }

    /// Whether an entity of this kind with this key exists (for signals).
    pub fn entity_known(&mut self, kind: EntityKind, id: &str) -> Result<bool, StoreError> {
        let sql = match kind {
            EntityKind::Address => "SELECT 1 FROM addresses WHERE id = ?1",
            EntityKind::Business => "SELECT 1 FROM businesses WHERE vestigingsnummer = ?1",
            EntityKind::Party => "SELECT 1 FROM parties WHERE id = ?1",
            EntityKind::Area => "SELECT 1 FROM areas WHERE code = ?1 LIMIT 1",
        };
        self.exists(sql, id)
    }

    /// Whether the store checks the references of rows stored into `table`: the insert's
    /// foreign keys in a bulk load (a missing one comes back as
    /// [`super::PutError::UnknownReferenceIn`]), or the check after the load
    /// ([`Self::finish_load`]). An importer may then leave a reference of a row it stores to the
    /// store instead of looking it up first.
    pub fn checks_references(&self, table: &str) -> bool {
        self.bulk.contains(&table) || self.foreign_keys.off
    }

    /// Whether any establishment has this KvK number (for roles).
    pub fn kvk_known(&mut self, kvk: &str) -> Result<bool, StoreError> {
        self.exists(
            "SELECT 1 FROM businesses WHERE kvk_nummer = ?1 LIMIT 1",
            kvk,
        )
    }

    pub(super) fn exists(&self, sql: &str, key: &str) -> Result<bool, StoreError> {
        let mut stmt = self.tx.prepare_cached(sql).ctx("checking a reference")?;
        stmt.exists([key]).ctx("checking a reference")
    }
}

/// Every value of the one text column `sql` selects.
fn code_set(conn: &Connection, sql: &str, what: &str) -> Result<HashSet<String>, StoreError> {
    let mut stmt = conn.prepare(sql).ctx(what)?;
    let codes: Result<HashSet<String>, _> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .ctx(what)?
        .collect();
    codes.ctx(what)
}
