//! End-to-end tests of the command line: the real binary on real files in a temp directory.

use std::path::Path;
use std::process::{Command, Output};

fn schouw(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schouw"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the schouw binary runs")
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

#[test]
fn init_creates_and_info_reports_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = schouw(&["init", "a.db"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("created a.db"));
    let again = schouw(&["init", "a.db"], dir.path());
    assert!(again.status.success());
    assert!(text(&again.stdout).contains("already a schouw database"));

    let info = schouw(&["info", "a.db", "--format", "json"], dir.path());
    assert!(info.status.success(), "{}", text(&info.stderr));
    let json: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    assert_eq!(json["schema_version"], 1);
    let tables = json["tables"].as_array().unwrap();
    assert!(
        tables
            .iter()
            .any(|t| t["table"] == "addresses" && t["rows"] == 0)
    );
    assert!(json["sources"].as_array().unwrap().is_empty());
}

#[test]
fn refuses_to_touch_files_that_are_not_schouw_databases() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("notes.csv");
    std::fs::write(&csv, "naam,score\nJansen,3\n").unwrap();
    let xlsx = dir.path().join("book.db");
    std::fs::write(&xlsx, b"PK\x03\x04 a workbook").unwrap();
    for (file, what) in [
        ("notes.csv", "not an SQLite database"),
        ("book.db", "Excel workbook"),
    ] {
        let before = std::fs::read(dir.path().join(file)).unwrap();
        let out = schouw(&["init", file], dir.path());
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(
            err.contains("is not a schouw database") && err.contains(what),
            "{err}"
        );
        assert_eq!(
            std::fs::read(dir.path().join(file)).unwrap(),
            before,
            "the file is untouched"
        );
    }
    // Another application's SQLite database.
    let other = dir.path().join("other.db");
    let status = Command::new("sqlite3")
        .arg(&other)
        .arg("CREATE TABLE t(x); PRAGMA application_id=42;")
        .status();
    if status.is_ok_and(|s| s.success()) {
        let out = schouw(&["info", "other.db"], dir.path());
        assert!(!out.status.success());
        assert!(
            text(&out.stderr).contains("application_id 42"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn info_on_a_missing_database_says_how_to_create_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = schouw(&["info", "missing.db"], dir.path());
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("schouw init"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.path().join("missing.db").exists());
}

#[test]
fn completions_are_printed_for_bash() {
    let dir = tempfile::tempdir().unwrap();
    let out = schouw(&["completions", "bash"], dir.path());
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("_schouw()"));
}

#[test]
fn bad_import_names_file_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("book.csv"), b"PK\x03\x04rest of a workbook").unwrap();
    let out = schouw(&["import", "a.db", "sbi", "book.csv"], dir.path());
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("book.csv") && err.contains("Excel workbook"),
        "{err}"
    );
}
