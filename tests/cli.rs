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
    assert_eq!(json["schema_version"], schouw::store::SCHEMA_VERSION);
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

#[test]
fn demo_builds_imports_and_reuses_the_fictional_region() {
    let dir = tempfile::tempdir().unwrap();
    let out = schouw(&["demo", "--db", "demo.db"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("demo database built"));
    let info = schouw(&["info", "demo.db", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    for t in json["tables"].as_array().unwrap() {
        assert!(
            t["rows"].as_u64().unwrap() > 0,
            "table {} is filled",
            t["table"]
        );
    }
    let buurten = json["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["level"] == "buurt")
        .unwrap();
    assert!(
        (30..=60).contains(&buurten["areas"].as_u64().unwrap()),
        "{buurten}"
    );
    let sources = json["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 9, "one source per generated file");
    assert!(
        sources
            .iter()
            .all(|s| s["sha256"].as_str().unwrap().len() == 64)
    );

    // The demo comes with the finder's search indexes.
    let index = schouw(&["index", "demo.db"], dir.path());
    assert!(index.status.success(), "{}", text(&index.stderr));
    assert!(
        text(&index.stderr).contains("already there"),
        "{}",
        text(&index.stderr)
    );

    // Reused unless --fresh; a reused demo gets the search indexes it lacks.
    rusqlite::Connection::open(dir.path().join("demo.db"))
        .unwrap()
        .execute_batch("DROP INDEX addresses_by_street")
        .unwrap();
    let again = schouw(&["demo", "--db", "demo.db"], dir.path());
    assert!(
        text(&again.stderr).contains("using the demo database"),
        "{}",
        text(&again.stderr)
    );
    let index = schouw(&["index", "demo.db"], dir.path());
    assert!(
        text(&index.stderr).contains("already there"),
        "{}",
        text(&index.stderr)
    );
    let fresh = schouw(&["demo", "--db", "demo.db", "--fresh"], dir.path());
    assert!(fresh.status.success() && text(&fresh.stderr).contains("demo database built"));

    // Importing a generated file again changes nothing and says so.
    let same = schouw(
        &["import", "demo.db", "signals", "demo.data/signals.csv"],
        dir.path(),
    );
    assert!(same.status.success());
    assert!(
        text(&same.stdout).contains("already imported on"),
        "{}",
        text(&same.stdout)
    );
}

#[test]
fn a_new_version_of_a_file_replaces_the_old_one_and_reports_counts() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("adressen.csv");
    std::fs::write(&file, "id,street,number,postcode\n9900200000000001,Kade,1,9901AB\n9900200000000002,Kade,2,9901AB\n").unwrap();
    let first = schouw(&["import", "a.db", "addresses", "adressen.csv"], dir.path());
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout)
            .contains("2 records; 2 rows inserted, 0 updated, 0 unchanged, 0 removed"),
        "{}",
        text(&first.stdout)
    );
    std::fs::write(&file, "id,street,number,postcode\n9900200000000002,Kade,2,9901AB\n9900200000000003,Kade,3,9901AB\n").unwrap();
    let second = schouw(&["import", "a.db", "addresses", "adressen.csv"], dir.path());
    let out = text(&second.stdout);
    assert!(
        out.contains("2 records; 1 rows inserted, 0 updated, 1 unchanged, 1 removed"),
        "{out}"
    );
    assert!(out.contains("replaces the version imported on"), "{out}");
}

#[test]
fn a_bad_row_lists_file_line_column_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.csv"), "id,street,number,postcode\n9900200000000001,Kade,1,0123AB\n9900200000000002,Kade,x,9901AB\n").unwrap();
    let out = schouw(&["import", "a.db", "addresses", "a.csv"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("a.csv: 2 problems found, nothing was imported"),
        "{err}"
    );
    assert!(
        err.contains("line 2, column `postcode`") && err.contains("found `0123AB`"),
        "{err}"
    );
    assert!(err.contains("line 3, column `number`"), "{err}");
    let info = schouw(&["info", "a.db", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    assert!(json["sources"].as_array().unwrap().is_empty());
}

#[test]
fn one_source_name_for_several_files_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["a.csv", "b.csv"] {
        std::fs::write(
            dir.path().join(f),
            "id,street,number\n9900200000000001,Kade,1\n",
        )
        .unwrap();
    }
    let out = schouw(
        &[
            "import",
            "x.db",
            "addresses",
            "a.csv",
            "b.csv",
            "--as",
            "bag",
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--as names one source"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.path().join("x.db").exists(), "nothing was created");
}

#[test]
fn an_import_suggests_the_indexes_until_they_are_built() {
    let dir = tempfile::tempdir().unwrap();
    let generated = schouw(&["gen", "data", "--scale", "demo"], dir.path());
    assert!(generated.status.success(), "{}", text(&generated.stderr));
    for kind in ["areas", "addresses"] {
        let out = schouw(
            &["import", "a.db", kind, &format!("data/{kind}.csv")],
            dir.path(),
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let tip = text(&out.stderr).contains("tip: run `schouw index a.db`");
        assert_eq!(tip, kind == "addresses", "{kind}: {}", text(&out.stderr));
    }
    let index = schouw(&["index", "a.db"], dir.path());
    assert!(index.status.success(), "{}", text(&index.stderr));
    assert!(
        text(&index.stderr).contains(
            "built the indexes: addresses_by_street, businesses_by_name, signals_by_date"
        ),
        "{}",
        text(&index.stderr)
    );
    let out = schouw(
        &["import", "a.db", "businesses", "data/businesses.csv"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stderr).contains("tip:"), "{}", text(&out.stderr));
    let again = schouw(&["index", "a.db"], dir.path());
    assert!(text(&again.stderr).contains("already there"));
}
