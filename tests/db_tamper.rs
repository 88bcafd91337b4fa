//! Damaged, cut-off and tampered database files are refused with a clear message, by every
//! command that opens one, and are never written to (`security.md` S-06, R-10).

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output};

use schouw::store::{Store, StoreError};

fn schouw(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schouw"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A real schouw database with a few thousand addresses (a few hundred pages).
fn real_db(dir: &Path) -> Vec<u8> {
    let mut csv = String::from("id,street,number,postcode,city\n");
    for i in 0..4000 {
        let _ = writeln!(
            csv,
            "99002000{i:08},Proefstraat,{},{}AB,Testdorp",
            i % 300 + 1,
            9000 + i % 900
        );
    }
    std::fs::write(dir.join("addresses.csv"), csv).unwrap();
    let out = schouw(&["import", "base.db", "addresses", "addresses.csv"], dir);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::read(dir.join("base.db")).unwrap()
}

/// The page (1-based) where a table's b-tree starts.
fn root_page(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
        [table],
        |r| r.get(0),
    )
    .unwrap()
}

/// Runs the commands that open a database on `name` and checks that each one refuses it with
/// a message containing every one of `expected`, and leaves the file as it was.
#[track_caller]
fn refused_by_every_command(dir: &Path, name: &str, expected: &[&str]) {
    let before = std::fs::read(dir.join(name)).unwrap();
    let commands: [&[&str]; 5] = [
        &["info", name],
        &["info", "--check", name],
        &["score", name, "--lens", "hennep"],
        &["flags", name, "--lens", "hennep", "--purpose", "zaak 1"],
        &["import", name, "addresses", "addresses.csv"],
    ];
    for args in commands {
        let out = schouw(args, dir);
        let err = stderr(&out);
        assert!(!out.status.success(), "{args:?} accepted {name}");
        for text in expected {
            assert!(err.contains(text), "{args:?}: missing {text:?} in\n{err}");
        }
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(
            std::fs::read(dir.join(name)).unwrap(),
            before,
            "{args:?} changed {name}"
        );
    }
}

#[test]
fn a_damaged_page_is_refused_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = real_db(dir.path());
    let page = root_page(&dir.path().join("base.db"), "addresses");
    let size = 4096usize;
    let at = (page as usize - 1) * size;
    bytes[at..at + size].fill(0x55);
    std::fs::write(dir.path().join("damaged.db"), &bytes).unwrap();
    refused_by_every_command(
        dir.path(),
        "damaged.db",
        &[
            "damaged.db is damaged",
            "SQLite's check found",
            "Restore it from a backup",
        ],
    );
}

#[test]
fn a_cut_off_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = real_db(dir.path());
    std::fs::write(dir.path().join("cut.db"), &bytes[..bytes.len() / 2]).unwrap();
    refused_by_every_command(
        dir.path(),
        "cut.db",
        &[
            "cut.db is damaged",
            "shorter than its header says",
            "cut off",
        ],
    );
}

#[test]
fn a_trigger_added_by_another_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    real_db(dir.path());
    let db = dir.path().join("base.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER leak AFTER INSERT ON addresses BEGIN DELETE FROM sources; END;
             CREATE VIEW v AS SELECT * FROM addresses;",
        )
        .unwrap();
    }
    refused_by_every_command(
        dir.path(),
        "base.db",
        &[
            "base.db is damaged",
            "trigger leak",
            "view v",
            "another program",
        ],
    );
}

#[test]
fn a_changed_application_id_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    real_db(dir.path());
    let db = dir.path().join("base.db");
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "application_id", 42)
        .unwrap();
    refused_by_every_command(
        dir.path(),
        "base.db",
        &["is not a schouw database", "application_id 42"],
    );
}

/// Like systemd's journal test, bytes all over the file are flipped one at a time: every open
/// either refuses with one of the clear messages or works (a byte inside a text value is data,
/// and no check can tell), never panics, and never writes to the file.
#[test]
fn flipped_bytes_are_refused_or_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = real_db(dir.path());
    let path = dir.path().join("flipped.db");
    let (mut refused, mut opened) = (0, 0);
    // A prime step so the offsets fall at every position within a page.
    for at in (0..bytes.len()).step_by(4099) {
        let mut copy = bytes.clone();
        copy[at] ^= 0xA5;
        std::fs::write(&path, &copy).unwrap();
        match Store::open_read_only(&path) {
            Err(e) => {
                assert!(
                    matches!(
                        e,
                        StoreError::Damaged { .. }
                            | StoreError::NotSchouw { .. }
                            | StoreError::TooNew { .. }
                            | StoreError::Outdated(_)
                    ),
                    "byte {at}: unclear refusal {e:?}"
                );
                assert!(e.to_string().contains("flipped.db"), "{e}");
                refused += 1;
            }
            Ok(store) => {
                // What passed the check must be readable or fail with a clear message.
                if let Err(e) = store.info() {
                    assert!(matches!(e, StoreError::Corrupt { .. }), "byte {at}: {e:?}");
                }
                opened += 1;
            }
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            copy,
            "byte {at}: file changed"
        );
    }
    assert!(
        refused > 0 && opened > 0,
        "refused {refused}, opened {opened}"
    );
}
