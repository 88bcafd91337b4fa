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
