//! [`Store::fingerprint`]: the database fingerprint recorded with every audit entry.

use sha2::{Digest, Sha256};

use crate::store::Store;
use crate::store::open::{Context, StoreError};

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
