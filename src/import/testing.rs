//! Test helpers for the cbs, areas and sbi profiles: import a small fixture by kind name,
//! with a year (the file writing is [`super::test_support::import_text`]).

use super::{ImportOptions, Outcome, Summary};
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
    let opts = ImportOptions {
        year,
        ..super::test_support::options()
    };
    super::test_support::import_text(store, kind(kind_name), file_name, text, &opts)
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
