//! What the fuzz targets share: importing bytes as a CSV file of one kind into a fresh
//! in-memory database, the way `schouw import` does, and checking what may never happen.

use std::path::PathBuf;

use schouw::cli::{Encoding, ImportKind};
use schouw::import::reader::ReadOptions;
use schouw::import::{ImportError, ImportOptions, Outcome, import_file};
use schouw::store::Store;

/// The file the bytes are written to: one per fuzzing process, in memory where the system has
/// a tmpfs (`/dev/shm`).
fn input_path() -> PathBuf {
    let base = if std::path::Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("schouw-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a directory for the fuzz input");
    dir.join("input.csv")
}

thread_local! {
    static INPUT: PathBuf = input_path();
}

/// Imports `data` as a file of `kind` into a new in-memory database. Whatever the bytes, the
/// import either succeeds or is refused with a message; a refused import leaves the database
/// as it was; messages never carry a character that could steer the terminal.
pub fn import(kind: ImportKind, data: &[u8], encoding: Encoding) {
    let path = INPUT.with(Clone::clone);
    std::fs::write(&path, data).expect("writing the fuzz input");
    let mut store = Store::open_in_memory().expect("an in-memory database");
    let before = store.info().expect("info of an empty database");
    let mut opts = ImportOptions::new("fuzz", "2026-01-01T00:00:00Z");
    // The fuzz file has no year in its name; CBS and area files would all stop at that.
    opts.year = Some(2024);
    opts.read = ReadOptions {
        encoding,
        delimiter: None,
    };
    match import_file(&mut store, kind, &path, &opts, &mut |_, _| {}) {
        Ok(Outcome::Imported(_)) | Ok(Outcome::AlreadyImported(_)) => {
            // What was stored can be read back.
            store.info().expect("info after an import");
        }
        Err(e) => {
            check_message(&e);
            assert_eq!(
                store.info().expect("info after a refusal"),
                before,
                "a refused import changed the database"
            );
        }
    }
}

/// A refusal's message: every line shows only safe characters (data in it went through the
/// sanitiser), and it names the file.
fn check_message(e: &ImportError) {
    let text = e.to_string();
    assert!(
        text.contains("input.csv"),
        "the message names no file: {text}"
    );
    for line in text.lines() {
        assert!(
            !line.chars().any(schouw::sanitize::is_unsafe),
            "unsafe character in a message: {line:?}"
        );
    }
}
