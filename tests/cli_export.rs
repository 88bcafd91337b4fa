//! `schouw export` as a user runs it on a small imported database: the header block with the
//! banner from config.toml, neutralised cells, mode 0600, no overwrite without `--force`, no
//! symbolic links followed, the Excel dialect, `--flags` with its purpose, the audit entries
//! with the file's SHA-256 and the recipient, and no temporary files.

#[path = "support/proef.rs"]
mod proef;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use proef::{database, schouw};
use sha2::{Digest, Sha256};

const BANNER: &str = "DEPARTEMENTAAL VERTROUWELIJK";

fn config(home: &Path, text: &str) {
    std::fs::create_dir_all(home.join("schouw")).unwrap();
    std::fs::write(home.join("schouw/config.toml"), text).unwrap();
}

fn exports(db: &str, home: &Path) -> Vec<serde_json::Value> {
    let (ok, out, err) = schouw(&["audit", "show", db, "--format", "json"], home);
    assert!(ok, "{err}");
    let all: serde_json::Value = serde_json::from_str(&out).unwrap();
    all.as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "export")
        .cloned()
        .collect()
}

fn sha256(path: &Path) -> String {
    Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_score_table_with_header_neutralised_cells_and_an_audit_entry() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = database(home);
    config(home, &format!("banner = \"{BANNER}\"\n"));
    let out = home.join("scores.csv");
    let o = out.to_str().unwrap();
    let (ok, said, err) = schouw(&["export", &db, "--lens", "hennep", "--out", o], home);
    assert!(ok, "{err}");
    assert!(said.contains("4 rows written"), "{said}");
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], format!("\"{BANNER}\""));
    assert!(
        lines[1].starts_with("\"lens hennep, versie "),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "\"patroon, geen bewijs\"");
    assert!(
        lines[3].starts_with("\"rank\",\"area\",\"name\""),
        "{}",
        lines[3]
    );
    assert!(text.contains("\"'=HYPERLINK(1)\""), "{text}");
    assert!(text.contains("\"Oost, Noord\""), "{text}");
    assert_eq!(lines.len(), 4 + 4 + 1, "{text}");
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let e = exports(&db, home);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[0]["file_sha256"], serde_json::Value::Null);
    assert_eq!(e[1]["rows"], 4);
    assert_eq!(e[1]["file_sha256"], sha256(&out));
    assert_eq!(e[1]["object"], "lens:hennep");
    assert_eq!(e[1]["lens_id"], "hennep");
    let (ok, _, err) = schouw(&["audit", "verify", &db], home);
    assert!(ok, "{err}");
}

#[test]
fn never_overwrites_without_force_and_never_follows_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = database(home);
    let out = home.join("scores.csv");
    let o = out.to_str().unwrap();
    std::fs::write(&out, "mine").unwrap();
    let (ok, _, err) = schouw(&["export", &db, "--lens", "hennep", "--out", o], home);
    assert!(!ok);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    let (ok, _, err) = schouw(
        &["export", &db, "--lens", "hennep", "--out", o, "--force"],
        home,
    );
    assert!(ok, "{err}");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("patroon, geen bewijs")
    );
    // A symbolic link is refused, with or without --force, and its target is untouched.
    let target = home.join("elsewhere.txt");
    std::fs::write(&target, "keep").unwrap();
    let link = home.join("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for force in [false, true] {
        let mut args = vec![
            "export",
            &db,
            "--lens",
            "hennep",
            "--out",
            link.to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        let (ok, _, err) = schouw(&args, home);
        assert!(!ok);
        assert!(err.contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    // Each refusal is in the log, as refused.
    let results: Vec<String> = exports(&db, home)
        .iter()
        .map(|e| e["result"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        results.iter().filter(|r| *r == "refused").count(),
        3,
        "{results:?}"
    );
}

#[test]
fn excel_dialect_and_the_flags_with_their_purpose() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = database(home);
    let out = home.join("excel.csv");
    let (ok, _, err) = schouw(
        &[
            "export",
            &db,
            "--lens",
            "hennep",
            "--excel",
            "--out",
            out.to_str().unwrap(),
        ],
        home,
    );
    assert!(ok, "{err}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\"rank\";\"area\""), "{text}");
    // Flagged entities are entity-level: a purpose is required.
    let flags = home.join("flags.csv");
    let f = flags.to_str().unwrap();
    let (ok, _, err) = schouw(
        &["export", &db, "--lens", "hennep", "--flags", "--out", f],
        home,
    );
    assert!(!ok);
    assert!(err.contains("--purpose"), "{err}");
    assert!(!flags.exists());
    let (ok, _, err) = schouw(
        &[
            "export",
            &db,
            "--lens",
            "hennep",
            "--flags",
            "--out",
            f,
            "--purpose",
            "zaak 2026-3",
            "--recipient",
            "RIEC Midden-Nederland",
            "--within",
            "BU99010001",
        ],
        home,
    );
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&flags).unwrap();
    assert!(text.contains("\"flag\",\"label\",\"rule\""), "{text}");
    assert!(text.contains("9901200000000001"), "{text}");
    assert!(!text.contains("9901200000000003"), "--within: {text}");
    let last = exports(&db, home).pop().unwrap();
    assert_eq!(last["purpose"], "zaak 2026-3");
    assert_eq!(last["recipient"], "RIEC Midden-Nederland");
    assert_eq!(last["file_sha256"], sha256(&flags));
}

#[test]
fn a_bad_config_file_stops_the_export_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = database(home);
    config(home, "banner = \"X\"\nbaner = \"Y\"\n");
    let out = home.join("scores.csv");
    let (ok, _, err) = schouw(
        &[
            "export",
            &db,
            "--lens",
            "hennep",
            "--out",
            out.to_str().unwrap(),
        ],
        home,
    );
    assert!(!ok);
    assert!(
        err.contains("config.toml:2:1: unknown key `baner`"),
        "{err}"
    );
    assert!(err.contains("did you mean `banner`?"), "{err}");
    assert!(!out.exists());
}

/// Files directly in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn no_temporary_files_anywhere_not_even_after_a_refused_export() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let db = database(&home);
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_schouw"))
            .args(args)
            .env("XDG_CONFIG_HOME", &home)
            .env("TMPDIR", &tmp)
            .env("SQLITE_TMPDIR", &tmp)
            .output()
            .unwrap();
        out.status.success()
    };
    let before = listing(&home);
    let out = out_dir.join("flags.csv");
    let o = out.to_str().unwrap();
    let args = [
        "export",
        &db,
        "--lens",
        "hennep",
        "--flags",
        "--purpose",
        "zaak 9",
        "--out",
        o,
    ];
    assert!(run(&args));
    // Written in place: only the file itself in the target directory, nothing in the
    // temporary directory, nothing new beside the database but its audit log.
    assert_eq!(listing(&out_dir), vec!["flags.csv"]);
    assert!(listing(&tmp).is_empty(), "{:?}", listing(&tmp));
    let mut expected = before.clone();
    expected.push("proef.db.audit".into());
    expected.sort();
    expected.dedup();
    assert_eq!(listing(&home), expected);
    // A refused export (the file exists) leaves nothing behind either.
    assert!(!run(&args));
    assert_eq!(listing(&out_dir), vec!["flags.csv"]);
    assert!(listing(&tmp).is_empty(), "{:?}", listing(&tmp));
}
