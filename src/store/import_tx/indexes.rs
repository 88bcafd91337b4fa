//! Secondary indexes in a bulk load: dropped when the load starts on an empty table and built
//! once at the end. Building an index after the load sorts once instead of inserting at random
//! places for every row.

use rusqlite::{Connection, Transaction};

use super::ImportTx;
use crate::store::open::{Context, StoreError};

impl ImportTx<'_> {
    /// Recreates the indexes dropped for a bulk load. Building an index after the load sorts
    /// once instead of inserting at random places for every row. The sort may spill: it goes to
    /// unlinked temporary files in the database's own directory (never to /tmp), so memory
    /// stays flat whatever the file size.
    pub(super) fn rebuild_indexes(&self) -> Result<(), StoreError> {
        if self.deferred.is_empty() {
            return Ok(());
        }
        if let Some(dir) = &self.sort_dir {
            let dir = if dir.as_os_str().is_empty() {
                std::path::Path::new(".")
            } else {
                dir.as_path()
            };
            self.tx
                .pragma_update(None, "temp_store_directory", dir.to_string_lossy().as_ref())
                .ctx("choosing where to sort")?;
            self.tx
                .pragma_update(None, "temp_store", "FILE")
                .ctx("choosing where to sort")?;
        }
        let result = self.deferred.iter().try_for_each(|(name, sql)| {
            self.tx
                .execute_batch(sql)
                .ctx(&format!("rebuilding index {name}"))
        });
        if self.sort_dir.is_some() {
            self.tx
                .pragma_update(None, "temp_store", "MEMORY")
                .ctx("restoring memory-only temporary storage")?;
            self.tx
                .pragma_update(None, "temp_store_directory", "")
                .ctx("restoring memory-only temporary storage")?;
        }
        result
    }
}

/// Whether `table` has no rows.
pub(super) fn is_empty(tx: &Connection, table: &str) -> Result<bool, StoreError> {
    let any = tx
        .prepare(&format!("SELECT 1 FROM {table} LIMIT 1"))
        .and_then(|mut s| s.exists([]))
        .ctx("checking whether the table is empty")?;
    Ok(!any)
}

/// Drops the secondary indexes of `table` when it is empty, returning how to rebuild them.
pub(super) fn defer_indexes(
    tx: &Transaction<'_>,
    table: &str,
) -> Result<Vec<(String, String)>, StoreError> {
    if !is_empty(tx, table)? {
        return Ok(Vec::new());
    }
    let mut stmt = tx
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name")
        .ctx("reading index definitions")?;
    let indexes = stmt
        .query_map([table], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .ctx("reading index definitions")?
        .collect::<Result<Vec<_>, _>>()
        .ctx("reading index definitions")?;
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))
            .ctx("preparing a bulk load")?;
    }
    Ok(indexes)
}
