//! Earlier imports: whether a kind has any, and the import of the same bytes read the same
//! way, so a file imported twice is recognised before anything is written.

use rusqlite::{OptionalExtension, params};

use crate::store::open::{Context, Store, StoreError};

/// An earlier import: of the same bytes, or the version of a source that a new one replaces.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorImport {
    /// The name it was imported under.
    pub name: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
    /// When.
    pub imported_at: String,
    /// By whom.
    pub imported_by: String,
}

impl Store {
    /// The active import of the same kind with exactly these bytes, read with the same
    /// choices ([`SourceMeta::options`]), if any.
    pub fn find_import(
        &self,
        kind: &str,
        sha256: &str,
        options: &str,
    ) -> Result<Option<PriorImport>, StoreError> {
        self.conn
            .query_row(
                "SELECT file_name, sha256, imported_at, imported_by FROM sources
                 WHERE kind = ?1 AND sha256 = ?2 AND options = ?3 AND replaced_by IS NULL",
                params![kind, sha256, options],
                prior_import,
            )
            .optional()
            .ctx("looking for an earlier import of this file")
    }

    /// Whether any source of this kind is imported (and not replaced).
    pub fn has_sources(&self, kind: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare("SELECT 1 FROM sources WHERE kind = ?1 AND replaced_by IS NULL LIMIT 1")
            .and_then(|mut s| s.exists([kind]))
            .ctx("looking for earlier imports")
    }
}

/// Reads a [`PriorImport`] from `file_name, sha256, imported_at, imported_by`.
pub(super) fn prior_import(r: &rusqlite::Row<'_>) -> rusqlite::Result<PriorImport> {
    Ok(PriorImport {
        name: r.get(0)?,
        sha256: r.get(1)?,
        imported_at: r.get(2)?,
        imported_by: r.get(3)?,
    })
}
