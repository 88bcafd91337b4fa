//! The audit log: appending and verifying, the tamper cases of `security.md` R-11 (each
//! detected at the first bad entry), fail-closed writing, file permissions, and the
//! `schouw audit` commands through the real binary.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rusqlite::Connection;
use rusqlite::types::Value;
use schouw::audit::{self, Action, Anchor, Audit, Entry, Object, Outcome, SessionInfo};
use schouw::store::{AUDIT_COLUMNS, AuditRow, AuditValue};

const FP: &str = "1111111111111111111111111111111111111111111111111111111111111111";

fn session(user: &str) -> SessionInfo {
    SessionInfo {
        session: "0123456789abcdef0123456789abcdef".into(),
        user: user.into(),
        origin: "host=ws1 tty=/dev/pts/1 ssh=192.0.2.7".into(),
    }
}

/// A log with five varied entries; returns its path.
fn five_entries(dir: &Path) -> PathBuf {
    let path = audit::log_path(&dir.join("demo.db"));
    let mut log = Audit::open_at(&path, session("ana"), FP.into()).unwrap();
    let entries = [
        Entry::new(Action::SessionStart, Object::Database, Outcome::Ok),
        Entry::new(
            Action::OpenEntity,
            Object::Address("0363010000000001".into()),
            Outcome::Ok,
        )
        .with_purpose("zaak 2026-017")
        .with_lens("buurt-basis", "3"),
        Entry::new(
            Action::Export,
            Object::Lens("buurt-basis".into()),
            Outcome::Ok,
        )
        .with_lens("buurt-basis", "3")
        .with_purpose("zaak 2026-017")
        .with_recipient("RIEC Oost-Nederland")
        .with_file(Some(42), &"ab".repeat(32)),
        Entry::new(Action::Lock, Object::None, Outcome::Ok),
        Entry::new(Action::SessionEnd, Object::Database, Outcome::Ok),
    ];
    for e in entries {
        log.record(e).unwrap();
    }
    path
}

/// A raw connection without the append-only triggers, as a tamperer would use.
fn raw(path: &Path) -> Connection {
    let c = Connection::open(path).unwrap();
    c.execute_batch("DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;")
        .unwrap();
    c
}

fn first_bad(path: &Path, anchor: Option<&Anchor>) -> Option<(i64, String)> {
    let v = audit::verify(path, anchor).unwrap();
    v.tamper.map(|t| (t.seq, t.problem))
}

fn get(c: &Connection, seq: i64, col: &str) -> Value {
    c.query_row(
        &format!("SELECT {col} FROM audit_entry WHERE seq = ?1"),
        [seq],
        |r| r.get(0),
    )
    .unwrap()
}

fn set(c: &Connection, seq: i64, col: &str, v: Value) {
    c.execute(
        &format!("UPDATE audit_entry SET {col} = ?1 WHERE seq = ?2"),
        rusqlite::params![v, seq],
    )
    .unwrap();
}

/// The value with one bit of one byte flipped.
fn flipped(v: Value, at: usize) -> Value {
    match v {
        Value::Null => Value::Text("x".into()),
        Value::Integer(n) => Value::Integer(n ^ 1),
        Value::Real(f) => Value::Real(-f),
        Value::Text(s) => {
            let mut b = s.into_bytes();
            let i = at % b.len().max(1);
            if b.is_empty() {
                b.push(b'x');
            } else {
                b[i] ^= 1;
            }
            match String::from_utf8(b) {
                Ok(s) => Value::Text(s),
                Err(e) => Value::Blob(e.into_bytes()),
            }
        }
        Value::Blob(mut b) => {
            b.push(0);
            Value::Blob(b)
        }
    }
}

#[test]
fn appended_entries_verify_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = five_entries(dir.path());
    let v = audit::verify(&path, None).unwrap();
    assert!(v.is_intact(), "{v:?}");
    assert_eq!(v.entries, 5);
    assert_eq!(v.last_seq, Some(5));
    let rows = audit::read_rows(&path).unwrap();
    let r = audit::Record::from_row(&rows[2]);
    assert_eq!(r.action, "export");
    assert_eq!(r.object, "lens:buurt-basis");
    assert_eq!(r.rows, Some(42));
    assert_eq!(r.purpose.as_deref(), Some("zaak 2026-017"));
    assert_eq!(r.recipient.as_deref(), Some("RIEC Oost-Nederland"));
    assert_eq!(r.origin, "host=ws1 tty=/dev/pts/1 ssh=192.0.2.7");
    assert_eq!(r.db_fingerprint, FP);
    assert_eq!(
        rows[0].values[14],
        AuditValue::Text(audit::chain::GENESIS.into())
    );
    // Reopening continues the chain.
    let mut log = Audit::open_at(&path, session("bo"), FP.into()).unwrap();
    log.record(Entry::new(Action::Unlock, Object::None, Outcome::Refused))
        .unwrap();
    let v = log.verify(None).unwrap();
    assert!(v.is_intact());
    assert_eq!(v.last_seq, Some(6));
    assert_eq!(v, audit::verify(&path, None).unwrap());
}

#[test]
fn a_flipped_byte_in_any_field_of_any_row_is_found_at_that_row() {
    let dir = tempfile::tempdir().unwrap();
    let clean = five_entries(dir.path());
    for seq in 1..=5i64 {
        for (ci, col) in AUDIT_COLUMNS.iter().enumerate() {
            for at in [0usize, 7, 63] {
                let path = dir.path().join(format!("t-{seq}-{col}-{at}.audit"));
                std::fs::copy(&clean, &path).unwrap();
                let c = raw(&path);
                if *col == "seq" {
                    // Flipping a bit of the key may collide with a neighbour; move far away.
                    set(&c, seq, col, Value::Integer(seq ^ 0x100));
                } else {
                    let before = get(&c, seq, col);
                    set(&c, seq, col, flipped(before, at + ci));
                }
                drop(c);
                let found = first_bad(&path, None);
                let (bad, problem) =
                    found.unwrap_or_else(|| panic!("not detected: seq {seq}, {col}, byte {at}"));
                assert_eq!(bad, seq, "seq {seq}, {col}, byte {at}: {problem}");
            }
        }
    }
}

#[test]
fn deleting_a_row_is_found_at_the_gap() {
    let dir = tempfile::tempdir().unwrap();
    let path = five_entries(dir.path());
    raw(&path)
        .execute("DELETE FROM audit_entry WHERE seq = 3", [])
        .unwrap();
    let (seq, problem) = first_bad(&path, None).unwrap();
    assert_eq!(seq, 3);
    assert!(problem.contains("entry 3 is missing"), "{problem}");

    // Deleting the first entry, and deleting and renumbering so there is no gap.
    let path = five_entries(&dir.path().join("b").tap_mkdir());
    let c = raw(&path);
    c.execute("DELETE FROM audit_entry WHERE seq = 2", [])
        .unwrap();
    c.execute("UPDATE audit_entry SET seq = seq + 100 WHERE seq > 2", [])
        .unwrap();
    c.execute("UPDATE audit_entry SET seq = seq - 101 WHERE seq > 100", [])
        .unwrap();
    drop(c);
    assert_eq!(first_bad(&path, None).unwrap().0, 2);
    let path = five_entries(&dir.path().join("c").tap_mkdir());
    raw(&path)
        .execute("DELETE FROM audit_entry WHERE seq = 1", [])
        .unwrap();
    assert_eq!(first_bad(&path, None).unwrap().0, 1);
}

/// Test helper: create a directory and return it.
trait TapMkdir {
    fn tap_mkdir(self) -> PathBuf;
}

impl TapMkdir for PathBuf {
    fn tap_mkdir(self) -> PathBuf {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}

fn row_values(c: &Connection, seq: i64) -> Vec<Value> {
    c.query_row("SELECT * FROM audit_entry WHERE seq = ?1", [seq], |r| {
        (0..AUDIT_COLUMNS.len()).map(|i| r.get(i)).collect()
    })
    .unwrap()
}

fn to_audit(v: &Value) -> AuditValue {
    match v {
        Value::Null => AuditValue::Null,
        Value::Integer(n) => AuditValue::Int(*n),
        Value::Real(f) => AuditValue::Real(*f),
        Value::Text(s) => AuditValue::Text(s.clone()),
        Value::Blob(b) => AuditValue::Blob(b.clone()),
    }
}

/// Recomputes the hash of a row's values (the tamperer knows the algorithm).
fn reseal(values: &mut [Value]) {
    let row: Vec<AuditValue> = values.iter().map(to_audit).collect();
    values[15] = Value::Text(audit::chain::hash_values(&row));
}

fn insert(c: &Connection, values: Vec<Value>) {
    c.execute(
        "INSERT INTO audit_entry VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        rusqlite::params_from_iter(values),
    )
    .unwrap();
}

#[test]
fn inserting_a_row_is_found() {
    let dir = tempfile::tempdir().unwrap();
    // A well-forged entry slipped in as 3, the rest renumbered: the old 3 (now 4) no longer
    // chains to it.
    let path = five_entries(dir.path());
    let c = raw(&path);
    c.execute("UPDATE audit_entry SET seq = seq + 100 WHERE seq >= 3", [])
        .unwrap();
    c.execute("UPDATE audit_entry SET seq = seq - 99 WHERE seq > 100", [])
        .unwrap();
    let mut forged = row_values(&c, 2);
    forged[0] = Value::Integer(3);
    forged[14] = get(&c, 2, "hash");
    reseal(&mut forged);
    insert(&c, forged);
    drop(c);
    let (seq, problem) = first_bad(&path, None).unwrap();
    assert_eq!(seq, 4, "{problem}");

    // A copy of an entry appended with a number of its own.
    let path = five_entries(&dir.path().join("b").tap_mkdir());
    let c = raw(&path);
    let mut copy = row_values(&c, 2);
    copy[0] = Value::Integer(9);
    insert(&c, copy);
    drop(c);
    assert_eq!(first_bad(&path, None).unwrap().0, 6);

    // A forged entry with a correct hash but a made-up action.
    let path = five_entries(&dir.path().join("c").tap_mkdir());
    let c = raw(&path);
    let mut forged = row_values(&c, 5);
    forged[0] = Value::Integer(6);
    forged[5] = Value::Text("peek".into());
    forged[14] = get(&c, 5, "hash");
    reseal(&mut forged);
    insert(&c, forged);
    drop(c);
    let (seq, problem) = first_bad(&path, None).unwrap();
    assert_eq!((seq, problem.as_str()), (6, "field action is malformed"));
}

#[test]
fn swapping_two_rows_is_found_at_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = five_entries(dir.path());
    let c = raw(&path);
    let two = row_values(&c, 2);
    let three = row_values(&c, 3);
    c.execute("DELETE FROM audit_entry WHERE seq IN (2, 3)", [])
        .unwrap();
    let mut a = three.clone();
    a[0] = Value::Integer(2);
    let mut b = two.clone();
    b[0] = Value::Integer(3);
    insert(&c, a);
    insert(&c, b);
    drop(c);
    let (seq, problem) = first_bad(&path, None).unwrap();
    assert_eq!(seq, 2);
    assert!(problem.contains("prev_hash"), "{problem}");
}

#[test]
fn a_changed_prev_hash_is_found_even_when_resealed() {
    let dir = tempfile::tempdir().unwrap();
    let path = five_entries(dir.path());
    let c = raw(&path);
    let mut v = row_values(&c, 4);
    v[14] = Value::Text("f".repeat(64));
    reseal(&mut v);
    c.execute("DELETE FROM audit_entry WHERE seq = 4", [])
        .unwrap();
    insert(&c, v);
    drop(c);
    let (seq, problem) = first_bad(&path, None).unwrap();
    assert_eq!(seq, 4);
    assert!(problem.contains("prev_hash does not match the hash of entry 3"));
}

#[test]
fn rekeying_and_truncation_are_found_against_an_anchor_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = five_entries(dir.path());
    let v = audit::verify(&path, None).unwrap();
    let anchor = Anchor {
        seq: 5,
        hash: v.last_hash.clone().unwrap(),
    };
    assert!(audit::verify(&path, Some(&anchor)).unwrap().is_intact());
    let parsed: Anchor = format!("5:{}", anchor.hash.to_uppercase()).parse().unwrap();
    assert_eq!(parsed, anchor);
    assert!("5".parse::<Anchor>().is_err());
    assert!("x:abc".parse::<Anchor>().is_err());

    // Re-keyed: entry 3 changed and the whole chain recomputed from there on.
    let rekeyed = dir.path().join("rekeyed.audit");
    std::fs::copy(&path, &rekeyed).unwrap();
    let c = raw(&rekeyed);
    let mut prev = get(&c, 2, "hash");
    for seq in 3..=5 {
        let mut v = row_values(&c, seq);
        if seq == 3 {
            v[10] = Value::Text("zaak 9999".into());
        }
        v[14] = prev.clone();
        reseal(&mut v);
        prev = v[15].clone();
        c.execute("DELETE FROM audit_entry WHERE seq = ?1", [seq])
            .unwrap();
        insert(&c, v);
    }
    drop(c);
    assert_eq!(
        first_bad(&rekeyed, None),
        None,
        "a recomputed chain is consistent"
    );
    let (seq, problem) = first_bad(&rekeyed, Some(&anchor)).unwrap();
    assert_eq!(seq, 5);
    assert!(problem.contains("differs from the anchor"), "{problem}");

    // The tail cut off.
    let cut = dir.path().join("cut.audit");
    std::fs::copy(&path, &cut).unwrap();
    raw(&cut)
        .execute("DELETE FROM audit_entry WHERE seq >= 4", [])
        .unwrap();
    assert_eq!(first_bad(&cut, None), None, "truncation needs an anchor");
    let (seq, problem) = first_bad(&cut, Some(&anchor)).unwrap();
    assert_eq!(seq, 5);
    assert!(problem.contains("tail was cut off"), "{problem}");
}

#[test]
fn the_log_refuses_updates_and_deletes_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = five_entries(dir.path());
    let c = Connection::open(&path).unwrap();
    assert!(
        c.execute("UPDATE audit_entry SET purpose = 'x' WHERE seq = 2", [])
            .is_err()
    );
    assert!(c.execute("DELETE FROM audit_entry", []).is_err());
}

#[test]
fn the_log_file_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = five_entries(dir.path());
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // A copy restored with wide permissions is tightened on open.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    Audit::open_at(&path, session("ana"), FP.into()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn recording_fails_closed() {
    let dir = tempfile::tempdir().unwrap();
    let path = five_entries(dir.path());

    // Entries that could carry free text are refused and nothing is written.
    let mut log = Audit::open_at(&path, session("ana"), FP.into()).unwrap();
    let search_text = Entry::new(
        Action::SearchOpen,
        Object::Party("Jansen Keizersgracht 1".into()),
        Outcome::Ok,
    );
    assert!(log.record(search_text).is_err());
    let bad_purpose = Entry::new(Action::OpenEntity, Object::Party("P-1".into()), Outcome::Ok)
        .with_purpose("x\u{202E}y");
    assert!(log.record(bad_purpose).is_err());
    assert_eq!(audit::verify(&path, None).unwrap().entries, 5);

    // Another process holds the file locked: the write times out with an error.
    let blocker = Connection::open(&path).unwrap();
    blocker.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let r = log.record(Entry::new(Action::Lock, Object::None, Outcome::Ok));
    assert!(r.is_err());
    blocker.execute_batch("ROLLBACK").unwrap();
    drop(blocker);

    // A read-only file (where the OS enforces it: not for root).
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    let enforced = std::fs::OpenOptions::new().write(true).open(&path).is_err();
    if enforced {
        let opened = Audit::open_at(&path, session("ana"), FP.into());
        if let Ok(mut ro) = opened {
            assert!(
                ro.record(Entry::new(Action::Lock, Object::None, Outcome::Ok))
                    .is_err()
            );
        }
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();

    // No directory to create the log in, and a file that is not a log.
    let nowhere = dir.path().join("missing-dir").join("x.db.audit");
    assert!(Audit::open_at(&nowhere, session("ana"), FP.into()).is_err());
    let foreign = dir.path().join("notes.db.audit");
    std::fs::write(&foreign, "naam,score\n").unwrap();
    assert!(Audit::open_at(&foreign, session("ana"), FP.into()).is_err());
    assert_eq!(std::fs::read(&foreign).unwrap(), b"naam,score\n");
    let main_db = dir.path().join("main.db");
    schouw::store::Store::open_or_create(&main_db).unwrap();
    assert!(Audit::open_at(&main_db, session("ana"), FP.into()).is_err());
}

#[test]
fn the_fingerprint_follows_imports_not_browsing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let store = schouw::store::Store::open_or_create(&db).unwrap();
    let a = store.fingerprint().unwrap();
    assert_eq!(a, store.fingerprint().unwrap());
    assert!(audit::chain::hash_values(&[]).len() == 64 && a.len() == 64);
    let mut log = Audit::open(&store).unwrap();
    log.record(Entry::new(
        Action::SessionStart,
        Object::Database,
        Outcome::Ok,
    ))
    .unwrap();
    assert!(audit::log_path(&db).exists());
    let rows: Vec<AuditRow> = audit::read_rows(&audit::log_path(&db)).unwrap();
    assert_eq!(audit::Record::from_row(&rows[0]).db_fingerprint, a);
}

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
fn audit_verify_and_show_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let log = five_entries(dir.path());

    let out = schouw(&["audit", "verify", "demo.db"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("5 entries, chain intact"), "{stdout}");
    let anchor = stdout
        .lines()
        .find_map(|l| l.strip_prefix("last entry: "))
        .unwrap()
        .to_owned();
    assert!(anchor.starts_with("5:"));
    let out = schouw(
        &["audit", "verify", "demo.db", "--anchor", &anchor],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    let out = schouw(
        &["audit", "show", "demo.db", "--format", "json"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), 5);
    assert_eq!(entries[1]["action"], "open_entity");
    assert_eq!(entries[1]["object"], "address:0363010000000001");
    assert_eq!(entries[1]["purpose"], "zaak 2026-017");
    assert_eq!(entries[2]["rows"], 42);

    let out = schouw(
        &[
            "audit", "show", "demo.db", "--format", "json", "--user", "bo",
        ],
        dir.path(),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json.as_array().unwrap().is_empty());
    let out = schouw(
        &[
            "audit",
            "show",
            "demo.db.audit",
            "--since",
            "2000-01-01",
            "--user",
            "ana",
        ],
        dir.path(),
    );
    assert!(out.status.success());
    let table = text(&out.stdout);
    assert!(table.starts_with("seq"), "{table}");
    assert_eq!(table.lines().count(), 6);
    let out = schouw(
        &[
            "audit",
            "show",
            "demo.db",
            "--since",
            "9999-01-01",
            "--format",
            "csv",
        ],
        dir.path(),
    );
    assert_eq!(
        text(&out.stdout).lines().count(),
        1,
        "only the column names"
    );
    let out = schouw(
        &["audit", "show", "demo.db", "--since", "yesterday"],
        dir.path(),
    );
    assert!(!out.status.success());

    // Tampered: exit 1, naming the entry.
    raw(&log)
        .execute(
            "UPDATE audit_entry SET purpose = 'zaak 2026-018' WHERE seq = 2",
            [],
        )
        .unwrap();
    let out = schouw(&["audit", "verify", "demo.db"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("TAMPERED: entry 2:"), "{err}");
    let out = schouw(&["audit", "show", "demo.db"], dir.path());
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("does not verify from entry 2"));

    // No log at all.
    let out = schouw(&["audit", "verify", "other.db"], dir.path());
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("there is no audit log"));
}

#[test]
fn imports_are_audited_even_when_they_fail() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("book.csv"), b"PK\x03\x04rest of a workbook").unwrap();
    let out = schouw(&["import", "a.db", "sbi", "book.csv"], dir.path());
    assert!(!out.status.success());
    let e = import_entries(dir.path(), "a.db");
    assert_eq!(e.len(), 2, "{e:?}");
    // The attempt, before the transaction: no hash, no rows.
    assert_eq!(e[0]["action"], "import");
    assert_eq!(e[0]["object"], "file");
    assert_eq!(e[0]["result"], "ok");
    assert_eq!(e[0]["file_sha256"], serde_json::Value::Null);
    assert_eq!(e[0]["rows"], serde_json::Value::Null);
    // The outcome.
    assert_eq!(e[1]["result"], "failed");
    let sha = audit::file_sha256(&dir.path().join("book.csv")).unwrap();
    assert_eq!(e[1]["file_sha256"], sha.as_str());
    assert!(
        schouw(&["audit", "verify", "a.db"], dir.path())
            .status
            .success()
    );
}

/// The import entries of the log of `db`, oldest first.
fn import_entries(dir: &Path, db: &str) -> Vec<serde_json::Value> {
    let out = schouw(&["audit", "show", db, "--format", "json"], dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "import")
        .cloned()
        .collect()
}

#[test]
fn an_import_is_recorded_before_and_after_its_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sbi.csv");
    std::fs::write(&file, "code_dotted,section,omschrijving\nA,A,Landbouw\n").unwrap();
    for _ in 0..2 {
        let out = schouw(&["import", "a.db", "sbi", "sbi.csv"], dir.path());
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let sha = audit::file_sha256(&file).unwrap();
    let e = import_entries(dir.path(), "a.db");
    assert_eq!(e.len(), 4, "{e:?}");
    assert_eq!(e[0]["file_sha256"], serde_json::Value::Null);
    assert_eq!(e[1]["result"], "ok");
    assert_eq!(e[1]["rows"], 1);
    assert_eq!(e[1]["file_sha256"], sha.as_str());
    // The second time nothing changed: recorded with the hash and no rows.
    assert_eq!(e[2]["file_sha256"], serde_json::Value::Null);
    assert_eq!(e[3]["rows"], serde_json::Value::Null);
    assert_eq!(e[3]["file_sha256"], sha.as_str());
    // The outcome carries the fingerprint of the database after the import.
    assert_ne!(e[0]["db_fingerprint"], e[1]["db_fingerprint"]);
}

#[test]
fn demo_imports_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let out = schouw(&["demo", "--db", "demo.db"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let e = import_entries(dir.path(), "demo.db");
    let files = schouw::generate::FILES.len();
    assert_eq!(e.len(), 2 * files, "an attempt and an outcome per file");
    for pair in e.chunks(2) {
        assert_eq!(pair[0]["file_sha256"], serde_json::Value::Null);
        assert_eq!(pair[1]["result"], "ok");
        assert!(pair[1]["rows"].as_u64().is_some(), "{pair:?}");
    }
}

#[test]
fn exports_are_recorded_before_and_after_writing() {
    use schouw::export::{Cell, ExportOptions, Table};
    let dir = tempfile::tempdir().unwrap();
    let path = audit::log_path(&dir.path().join("demo.db"));
    let mut log = Audit::open_at(&path, session("ana"), FP.into()).unwrap();
    let rows = vec![vec![Cell::from("BU03630000"), Cell::Number(1.5)]];
    let table = Table {
        header: None,
        columns: &["buurt", "score"],
        rows: &rows,
    };
    let out = dir.path().join("scores.csv");
    let entry = Entry::new(
        Action::Export,
        Object::Lens("buurt-basis".into()),
        Outcome::Ok,
    )
    .with_lens("buurt-basis", "3")
    .with_purpose("zaak 2026-017");
    let s = log
        .export(entry.clone(), &out, ExportOptions::default(), table)
        .unwrap();
    // A second export to the same name is refused, and recorded as refused.
    assert!(
        log.export(entry, &out, ExportOptions::default(), table)
            .is_err()
    );
    let records: Vec<_> = audit::read_rows(&path)
        .unwrap()
        .iter()
        .map(audit::Record::from_row)
        .collect();
    let seen: Vec<_> = records
        .iter()
        .map(|r| {
            (
                r.action.as_str(),
                r.result.as_str(),
                r.rows,
                r.file_sha256.clone(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("export", "ok", None, None),
            ("export", "ok", Some(1), Some(s.sha256.clone())),
            ("export", "ok", None, None),
            ("export", "refused", None, None),
        ]
    );
    assert!(audit::verify(&path, None).unwrap().is_intact());
}

#[test]
fn a_log_of_the_first_layout_verifies_and_is_brought_up_to_date_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = five_entries(dir.path());
    // The first layout had no recipient column: take it away again (the rows without one
    // are exactly what version 1 wrote), after dropping the export entry that has one.
    let c = raw(&path);
    let hashes = |c: &Connection| -> Vec<String> {
        let mut st = c
            .prepare("SELECT hash FROM audit_entry ORDER BY seq")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    c.execute_batch(
        "DELETE FROM audit_entry WHERE seq >= 3;
         ALTER TABLE audit_entry DROP COLUMN recipient;
         PRAGMA user_version = 1;",
    )
    .unwrap();
    let before = hashes(&c);
    drop(c);
    let v = audit::verify(&path, None).unwrap();
    assert!(v.is_intact(), "{v:?}");
    assert_eq!(v.entries, 2);
    // Appending brings it to the new layout; old entries keep their hashes and the chain
    // goes on, now with a recipient.
    let mut log = Audit::open_at(&path, session("ana"), FP.into()).unwrap();
    log.record(
        Entry::new(
            Action::Export,
            Object::Lens("buurt-basis".into()),
            Outcome::Ok,
        )
        .with_recipient("team handhaving"),
    )
    .unwrap();
    let v = audit::verify(&path, None).unwrap();
    assert!(v.is_intact(), "{v:?}");
    assert_eq!(v.entries, 3);
    let c = Connection::open(&path).unwrap();
    assert_eq!(hashes(&c)[..2], before[..]);
    let rows = audit::read_rows(&path).unwrap();
    let r = audit::Record::from_row(&rows[2]);
    assert_eq!(r.recipient.as_deref(), Some("team handhaving"));
    // The table for the privacy officer shows it too, under its own header.
    let table = audit::report::table(std::slice::from_ref(&r));
    let head = table.lines().next().unwrap();
    assert!(head.contains("purpose  recipient"), "{head}");
    assert!(table.contains("team handhaving"), "{table}");
    // A recipient that could carry free text past the checks is refused.
    assert!(
        log.record(
            Entry::new(Action::Export, Object::Lens("x".into()), Outcome::Ok)
                .with_recipient("a\u{202E}b")
        )
        .is_err()
    );
}

/// Set in the child that cuts a write off (see the test below).
const CUT: &str = "SCHOUW_TEST_CUT_WRITE";

#[test]
fn a_write_cut_off_by_a_killed_process_is_rolled_back_before_reading() {
    if let Ok(path) = std::env::var(CUT) {
        // The child: a big uncommitted write to the log, then gone without closing, so its
        // journal stays hot (as when a session is killed while recording an entry).
        let c = Connection::open(&path).unwrap();
        c.execute_batch("PRAGMA cache_size = 1; BEGIN IMMEDIATE; CREATE TABLE junk(x);")
            .unwrap();
        for _ in 0..2000 {
            c.execute("INSERT INTO junk VALUES (?1)", ["x".repeat(200)])
                .unwrap();
        }
        std::process::exit(0);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = five_entries(dir.path());
    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_write_cut_off_by_a_killed_process_is_rolled_back_before_reading",
        ])
        .env(CUT, &path)
        .output()
        .unwrap();
    assert!(status.status.success());
    let mut journal = path.clone().into_os_string();
    journal.push("-journal");
    assert!(
        std::fs::metadata(&journal).unwrap().len() > 0,
        "no hot journal left"
    );
    // Verify and show read the log as last committed: the five entries, intact.
    let v = audit::verify(&path, None).unwrap();
    assert!(v.is_intact(), "{v:?}");
    assert_eq!(v.entries, 5);
    let out = schouw(&["audit", "verify", path.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
}
