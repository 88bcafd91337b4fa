//! A `kill -9` during an import leaves the database exactly as it was before the import (or,
//! when the import won the race, exactly as a finished one): `PRAGMA integrity_check` is `ok`,
//! no foreign key dangles, schouw's own checks on open pass, and the audit chain verifies.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// A digest of everything in the database: the imported sources and every data table's rows
/// in key order.
fn content(db: &Path) -> (String, String) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "foreign keys dangle");
    let mut all = String::new();
    // Sources without the time of import (a finished import and the probe differ in it).
    let sources = "SELECT id, kind, file_name, sha256, rows, imported_by, replaced_by FROM sources ORDER BY id";
    let tables = [
        "areas",
        "area_stats",
        "sbi_codes",
        "addresses",
        "businesses",
        "parties",
        "roles",
        "ownership",
        "signals",
    ]
    .map(|t| format!("SELECT * FROM {t} ORDER BY 1, 2, 3"));
    for query in std::iter::once(sources.to_owned()).chain(tables) {
        let mut stmt = conn.prepare(&query).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..n {
                let v: rusqlite::types::Value = row.get(i).unwrap();
                let _ = write!(all, "{v:?}|");
            }
            all.push('\n');
        }
    }
    (check, all)
}

fn addresses_csv(rows: usize, street: &str) -> String {
    let mut s = String::from("id,street,number,postcode,city\n");
    for i in 0..rows {
        let _ = writeln!(
            s,
            "99002000{:08},{street},{},{}AB,Testdorp",
            i,
            i % 300 + 1,
            9000 + i % 900
        );
    }
    s
}

#[test]
fn kill_during_import_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let bin = env!("CARGO_BIN_EXE_schouw");
    // A committed baseline the killed imports must not disturb.
    std::fs::write(
        dir.path().join("base.csv"),
        addresses_csv(1000, "Basisstraat"),
    )
    .unwrap();
    let ok = Command::new(bin)
        .args(["import"])
        .arg(&db)
        .args(["addresses"])
        .arg(dir.path().join("base.csv"))
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    // A new version of the same source (replace-by-source) that is large enough to be killed.
    std::fs::write(
        dir.path().join("base.csv"),
        addresses_csv(150_000, "Nieuwstraat"),
    )
    .unwrap();
    let before = content(&db);
    assert_eq!(before.0, "ok");

    // How long a full import takes here, to spread the kills over it.
    let probe = dir.path().join("probe.db");
    std::fs::copy(&db, &probe).unwrap();
    let t = Instant::now();
    let full = Command::new(bin)
        .arg("import")
        .arg(&probe)
        .arg("addresses")
        .arg(dir.path().join("base.csv"))
        .output()
        .unwrap();
    assert!(
        full.status.success(),
        "{}",
        String::from_utf8_lossy(&full.stderr)
    );
    let total = t.elapsed();
    let after_full = content(&probe);
    assert_ne!(
        after_full.1, before.1,
        "the full import changes the database"
    );

    let mut killed_midway = 0;
    for k in 1..=5u32 {
        let mut child = Command::new(bin)
            .arg("import")
            .arg(&db)
            .arg("addresses")
            .arg(dir.path().join("base.csv"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(total * k / 6);
        let finished = child.try_wait().unwrap();
        child.kill().ok(); // SIGKILL on Unix
        let output = child.wait_with_output().unwrap();
        let now = content(&db);
        assert_eq!(now.0, "ok", "integrity after kill {k}");
        schouw_accepts(bin, &db, k);
        if let Some(status) = finished {
            // The import won the race: it must have succeeded completely.
            assert!(
                status.success(),
                "import failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            if now.1 != after_full.1 {
                let first = now
                    .1
                    .lines()
                    .zip(after_full.1.lines())
                    .find(|(a, b)| a != b);
                panic!(
                    "a finished import left other data than a full one ({} vs {} lines); first difference: {first:?}",
                    now.1.lines().count(),
                    after_full.1.lines().count()
                );
            }
            break;
        }
        killed_midway += 1;
        assert!(
            now.1 == before.1 || now.1 == after_full.1,
            "kill {k} left a partial import"
        );
        if now.1 == after_full.1 {
            break;
        }
    }
    assert!(
        killed_midway > 0,
        "at least one import was killed before it finished (full import took {total:?})"
    );
}

/// schouw itself opens the database after a kill (its checks on open pass) and the audit
/// chain verifies.
fn schouw_accepts(bin: &str, db: &Path, k: u32) {
    for args in [&["info"][..], &["audit", "verify"][..]] {
        let out = Command::new(bin).args(args).arg(db).output().unwrap();
        assert!(
            out.status.success(),
            "`schouw {}` after kill {k}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
