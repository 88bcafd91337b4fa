//! The second connection a pass reads on beside the store's own: opened only as the same
//! database the store has open, hardened and read-only like the first.

use rusqlite::Connection;

use super::{READ_ONLY, Store, harden};
use crate::store::verify;

/// Whether the machine has a single core, where reading on a second connection beside the
/// first gains nothing.
pub(super) fn one_core() -> bool {
    std::thread::available_parallelism().map_or(1, |n| n.get()) < 2
}

impl Store {
    /// A second connection to the same file, read-only and hardened like the first, with a
    /// page cache of `cache_kib` KiB: for a pass that reads two tables at once. It gets the
    /// checks of an open that read only the schema, and must agree with the first on the
    /// application id, the schema and the file's page counts. `None` in memory, when the
    /// store keeps to one connection (on a machine with one core, or
    /// [`Store::on_one_connection`]), and when the file cannot be opened again as this same
    /// database; the pass then reads everything on the first connection.
    pub(crate) fn side_connection(&self, cache_kib: i64) -> Option<Connection> {
        let path = self.path.as_deref().filter(|_| !self.one_connection)?;
        let conn = Connection::open_with_flags(path, READ_ONLY).ok()?;
        harden(&conn).ok()?;
        verify::on_reopen(&conn, path).ok()?;
        let same = |pragma: &str| -> Option<bool> {
            let q = format!("PRAGMA {pragma}");
            let ours: i64 = self.conn.query_row(&q, [], |r| r.get(0)).ok()?;
            let theirs: i64 = conn.query_row(&q, [], |r| r.get(0)).ok()?;
            Some(ours == theirs)
        };
        let pragmas = [
            "application_id",
            "user_version",
            "schema_version",
            "page_count",
            "freelist_count",
        ];
        for pragma in pragmas {
            if !same(pragma)? {
                return None;
            }
        }
        conn.pragma_update(None, "query_only", true).ok()?;
        conn.pragma_update(None, "cache_size", cache_kib).ok()?;
        Some(conn)
    }
}
