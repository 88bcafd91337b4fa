//! Test helpers for the import profiles: write a small fixture to a temporary file with a
//! chosen name (names carry years) and import it into a store.

use std::io::Write;

use super::{ImportOptions, Outcome, Summary, import_file};
use crate::cli::ImportKind;
use crate::store::Store;

fn kind(name: &str) -> ImportKind {
    match name {
        "cbs" => ImportKind::Cbs,
        "areas" => ImportKind::Areas,
        "sbi" => ImportKind::Sbi,
        other => panic!("no test kind {other}"),
    }
}

fn run(
    store: &mut Store,
    kind_name: &str,
    file_name: &str,
    text: &str,
    year: Option<i32>,
) -> Result<Outcome, super::ImportError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file_name);
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(text.as_bytes()).unwrap();
    drop(f);
    let opts = ImportOptions {
        year,
        ..ImportOptions::new("test", "2026-01-01T00:00:00Z")
    };
    import_file(store, kind(kind_name), &path, &opts, &mut |_, _| {})
}

/// Imports `text` as a file called `file_name`; panics with the message if it fails.
pub(crate) fn import(
    store: &mut Store,
    kind_name: &str,
    file_name: &str,
    text: &str,
    year: Option<i32>,
) -> Summary {
    match run(store, kind_name, file_name, text, year) {
        Ok(Outcome::Imported(summary)) => summary,
        Ok(other) => panic!("not imported: {other:?}"),
        Err(e) => panic!("{e}"),
    }
}

/// Imports `text` into a fresh store, expecting it to be refused; returns the message.
pub(crate) fn import_err(
    kind_name: &str,
    file_name: &str,
    text: &str,
    year: Option<i32>,
) -> String {
    let mut store = Store::open_in_memory().unwrap();
    match run(&mut store, kind_name, file_name, text, year) {
        Ok(outcome) => panic!("imported: {outcome:?}"),
        Err(e) => e.to_string(),
    }
}
