//! A `kill -9` during an import leaves the database exactly as it was before the import (or,
//! when the import won the race, exactly as a finished one): `PRAGMA integrity_check` is `ok`,
//! no foreign key dangles, schouw's own checks on open pass, and the audit chain verifies.
//! The kills sweep [`KILLS`] points spread evenly over the time one import takes.

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

/// Kill points swept over one import (from spawn to a little past the time a full import
/// takes, so that the last ones fall around the commit).
const KILLS: u32 = 50;

/// Puts the baseline back (after an import that won the race), with no journal beside it.
fn reset(baseline: &Path, db: &Path) {
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
    std::fs::copy(baseline, db).unwrap();
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
    // A new version of the same source (replace-by-source), large enough to be killed at
    // many points and small enough that fifty kills stay well under 30 s.
    std::fs::write(
        dir.path().join("base.csv"),
        addresses_csv(5_000, "Nieuwstraat"),
    )
    .unwrap();
    let before = content(&db);
    assert_eq!(before.0, "ok");
    let baseline = dir.path().join("baseline.db");
    std::fs::copy(&db, &baseline).unwrap();

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

    let (mut unchanged, mut complete, mut finished) = (0, 0, 0);
    for k in 1..=KILLS {
        let mut child = Command::new(bin)
            .arg("import")
            .arg(&db)
            .arg("addresses")
            .arg(dir.path().join("base.csv"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Evenly from the start to 30 % past a full import's time.
        std::thread::sleep(total * 13 * k / (10 * KILLS));
        let done = child.try_wait().unwrap();
        child.kill().ok(); // SIGKILL on Unix
        let output = child.wait_with_output().unwrap();
        let now = content(&db);
        assert_eq!(now.0, "ok", "integrity after kill {k}");
        // schouw's own checks and the audit chain, at every fifth point and the last.
        if k % 5 == 0 || k == KILLS {
            schouw_accepts(bin, &db, k);
        }
        if let Some(status) = done {
            // The import won the race: it must have succeeded completely.
            assert!(
                status.success(),
                "import failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            finished += 1;
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
        } else if now.1 == before.1 {
            unchanged += 1;
        } else {
            assert!(now.1 == after_full.1, "kill {k} left a partial import");
            complete += 1;
        }
        if now.1 != before.1 {
            // The next point starts from the baseline again.
            reset(&baseline, &db);
        }
    }
    eprintln!(
        "{KILLS} kill points over {total:?}: {unchanged} left the database as it was, {complete} after the commit, {finished} finished first"
    );
    assert!(
        unchanged > 0,
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
