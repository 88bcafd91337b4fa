//! The connection settings of `security.md` §5.2, read back from SQLite.

use rusqlite::config::DbConfig;

use super::*;

fn settings(store: &Store) -> (bool, bool, i64, i64) {
    let c = &store.conn;
    let pragma = |name: &str| -> i64 {
        c.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .unwrap()
    };
    (
        c.db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE).unwrap(),
        c.db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA)
            .unwrap(),
        pragma("trusted_schema"),
        pragma("query_only"),
    )
}

#[test]
fn viewing_is_read_only_defensive_and_distrusts_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let writer = Store::open_or_create(&path).unwrap();
    assert_eq!(settings(&writer), (true, false, 0, 0));
    drop(writer);
    let before = std::fs::read(&path).unwrap();

    let viewer = Store::open_read_only(&path).unwrap();
    assert_eq!(settings(&viewer), (true, false, 0, 1));
    let e = viewer
        .conn
        .execute(
            "INSERT INTO sources (kind, file_name, sha256, imported_at, imported_by)
             VALUES ('areas', 'a.csv', 'x', 'now', 'me')",
            [],
        )
        .unwrap_err();
    assert_eq!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::ReadOnly),
        "{e}"
    );
    drop(viewer);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "viewing wrote to the file"
    );
}

#[test]
fn defensive_mode_stops_schema_edits() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_or_create(&dir.path().join("s.db")).unwrap();
    // The classic way to plant a trigger or corrupt a file from SQL: writable_schema.
    let r = store.conn.execute_batch(
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = 'CREATE TABLE sources (x)' WHERE name = 'sources';",
    );
    assert!(r.is_err(), "defensive mode let the schema be edited");
    let sql: String = store
        .conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'sources'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(sql.contains("imported_by"), "{sql}");
}

/// The second connection of a pass is read-only and hardened like the first, and is
/// refused when the file at the path is no longer the one the store opened: another
/// database put in its place, or the same file with a view added by another program.
#[test]
fn a_second_connection_is_the_same_database_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    drop(Store::open_or_create(&path).unwrap());
    let store = Store::open_read_only(&path).unwrap().on_two_connections();
    let side = store.side_connection(-1024).expect("a second connection");
    let pragma = |name: &str| -> i64 {
        side.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        (
            pragma("query_only"),
            pragma("cache_size"),
            pragma("trusted_schema")
        ),
        (1, -1024, 0)
    );
    assert!(side.db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE).unwrap());
    drop(side);

    // Another schouw database, one import larger, moved over the path.
    let other = dir.path().join("other.db");
    let writer = Store::open_or_create(&other).unwrap();
    writer
        .conn
        .execute_batch(&format!(
            "INSERT INTO sources (kind, file_name, sha256, imported_at, imported_by)
             VALUES ('areas', '{}', 'x', 'now', 'me')",
            "a".repeat(20_000)
        ))
        .unwrap();
    drop(writer);
    std::fs::rename(&other, &path).unwrap();
    assert!(store.side_connection(-1024).is_none());
    assert!(store.on_one_connection().side_connection(-1024).is_none());

    // The same file as far as the counts go, but with a view schouw never creates.
    let path = dir.path().join("v.db");
    drop(Store::open_or_create(&path).unwrap());
    let store = Store::open_read_only(&path).unwrap().on_two_connections();
    let raw = rusqlite::Connection::open(&path).unwrap();
    let pages: i64 = raw
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    raw.execute_batch("CREATE VIEW v AS SELECT 1").unwrap();
    let now: i64 = raw
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    drop(raw);
    assert_eq!(pages, now, "the view fits on a page the file had");
    assert!(store.side_connection(-1024).is_none());
}
