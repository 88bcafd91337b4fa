//! Helpers for the profile tests: an in-memory store with areas and SBI codes in it, and a way
//! to import a CSV text under a chosen file name.

use std::path::Path;

use super::{ImportError, ImportOptions, Outcome, Summary, import_file};
use crate::cli::ImportKind;
use crate::model::{Area, AreaCode, SbiEntry};
use crate::store::{DbInfo, DumpRow, SourceMeta, Store};

/// An empty in-memory store.
pub(crate) fn store() -> Store {
    Store::open_in_memory().unwrap()
}

/// Adds areas (for `buurt` and signal checks) as if an area list had been imported.
pub(crate) fn seed_areas(store: &mut Store, codes: &[&str]) {
    let mut tx = store
        .begin_import(&meta("areas", "seed-areas.csv"))
        .unwrap();
    for (i, code) in codes.iter().enumerate() {
        let code = AreaCode::parse(code).unwrap();
        let area = Area {
            level: code.level(),
            parent: code.parent(),
            name: format!("Gebied {code}"),
            code,
            year: 2024,
        };
        tx.put_area(&area, i as u64 + 2).unwrap();
    }
    tx.commit(codes.len() as u64).unwrap();
}

/// Adds SBI codes as if the SBI list had been imported.
pub(crate) fn seed_sbi(store: &mut Store, codes: &[&str]) {
    let mut tx = store.begin_import(&meta("sbi", "seed-sbi.csv")).unwrap();
    for (i, code) in codes.iter().enumerate() {
        let entry = SbiEntry {
            code: (*code).to_owned(),
            dotted: (*code).to_owned(),
            level: "class".into(),
            section: "G".into(),
            label: format!("Activiteit {code}"),
        };
        tx.put_sbi(&entry, i as u64 + 2).unwrap();
    }
    tx.commit(codes.len() as u64).unwrap();
}

fn meta(kind: &str, name: &str) -> SourceMeta {
    SourceMeta::for_test(kind, name, &format!("seed-{name}"))
}

/// Import options as the tests use them: UTF-8, delimiter from the header.
pub(crate) fn options() -> ImportOptions {
    ImportOptions::new("test", "2026-01-01T00:00:00Z")
}

/// Imports `text` as a file called `name` (names carry years) with `opts`.
pub(crate) fn import_text(
    store: &mut Store,
    kind: ImportKind,
    name: &str,
    text: &str,
    opts: &ImportOptions,
) -> Result<Outcome, ImportError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    import_file(store, kind, &path, opts, &mut |_, _| {})
}

/// Imports `text` as a file called `name`.
pub(crate) fn import(
    store: &mut Store,
    kind: ImportKind,
    name: &str,
    text: &str,
) -> Result<Summary, ImportError> {
    match import_text(store, kind, name, text, &options())? {
        Outcome::Imported(summary) => Ok(summary),
        Outcome::AlreadyImported(p) => panic!("already imported: {p:?}"),
    }
}

/// Imports the file at `path`.
pub(crate) fn import_path(
    store: &mut Store,
    kind: ImportKind,
    path: &Path,
) -> Result<Summary, ImportError> {
    match import_file(store, kind, path, &options(), &mut |_, _| {})? {
        Outcome::Imported(summary) => Ok(summary),
        Outcome::AlreadyImported(p) => panic!("already imported: {p:?}"),
    }
}

/// Imports `text` expecting a refusal; checks that the database did not change and returns
/// the error message.
pub(crate) fn refused(store: &mut Store, kind: ImportKind, name: &str, text: &str) -> String {
    let before: DbInfo = store.info().unwrap();
    let e = import(store, kind, name, text).expect_err("the import should be refused");
    assert_eq!(store.info().unwrap(), before, "the database changed");
    if let ImportError::Rows { problems, .. } = &e {
        for p in problems.listed() {
            assert!(
                p.message.chars().count() <= crate::sanitize::MAX_CHARS,
                "message too long to show whole: {}",
                p.message
            );
        }
    }
    e.to_string()
}

/// Rows in one table.
pub(crate) fn rows(store: &Store, table: &str) -> u64 {
    store
        .info()
        .unwrap()
        .tables
        .iter()
        .find(|t| t.table == table)
        .unwrap()
        .rows
}

/// The stored rows of one table, oldest source and first line first.
pub(crate) fn stored(store: &Store, table: &str) -> Vec<DumpRow> {
    store.dump(table)
}

/// One value of a stored row (`None` for NULL).
pub(crate) fn value<'r>(row: &'r DumpRow, column: &str) -> Option<&'r str> {
    row.get(column)
        .unwrap_or_else(|| panic!("no column {column}"))
        .as_deref()
}
