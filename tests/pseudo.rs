//! End-to-end tests of `--pseudo-key`: the real binary pseudonymises raw identifiers, links
//! them across files, and never writes a raw BSN or the key to the database or its output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BSN: &str = "123456782";
const KEY: &[u8] = b"an example key of 32+ bytes, only for tests";

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

fn key_file(dir: &Path, name: &str, bytes: &[u8], mode: u32) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let _ = mode;
    path
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// Every output of a run must be free of the raw BSN and the key.
fn assert_clean(out: &Output) {
    for stream in [&out.stdout, &out.stderr] {
        let s = text(stream);
        assert!(!s.contains(BSN), "raw BSN in output:\n{s}");
        assert!(!s.contains("an example key"), "key in output:\n{s}");
    }
}

#[test]
fn a_bsn_is_pseudonymised_linked_and_never_stored() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    key_file(d, "schouw.key", KEY, 0o600);
    write(
        d,
        "addresses.csv",
        "id,street,number\n0363200000081086,Damrak,1\n",
    );
    write(d, "parties.csv", &format!("bsn,kind\n{BSN},natural\n"));
    write(
        d,
        "ownership.csv",
        &format!("address_id,party,acquired\n0363200000081086,{BSN},2020-01-01\n"),
    );
    let out = schouw(&["import", "a.db", "addresses", "addresses.csv"], d);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut fingerprints = Vec::new();
    for kind in ["parties", "ownership"] {
        let file = format!("{kind}.csv");
        let out = schouw(
            &["import", "a.db", kind, &file, "--pseudo-key", "schouw.key"],
            d,
        );
        assert!(out.status.success(), "{kind}: {}", text(&out.stderr));
        assert_clean(&out);
        let stdout = text(&out.stdout);
        let fp = stdout
            .split("with key ")
            .nth(1)
            .map(|r| r[..8].to_owned())
            .unwrap_or_else(|| panic!("no key fingerprint in\n{stdout}"));
        fingerprints.push(fp);
    }
    assert_eq!(fingerprints[0], fingerprints[1]);
    let info = schouw(&["info", "a.db", "--format", "json"], d);
    let json: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    let rows = |table: &str| {
        json["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["table"] == table)
            .unwrap()["rows"]
            .clone()
    };
    assert_eq!(rows("parties"), 1);
    assert_eq!(rows("ownership"), 1);
    // Neither the database nor anything beside it (journal, audit log) holds the raw BSN.
    for entry in std::fs::read_dir(d).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("a.db") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(BSN.len()).any(|w| w == BSN.as_bytes()),
            "raw BSN in {name}"
        );
        assert!(
            !bytes.windows(14).any(|w| w == b"an example key"),
            "key in {name}"
        );
    }
}

#[test]
fn a_bsn_failing_the_eleven_test_is_a_hidden_problem() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    key_file(d, "schouw.key", KEY, 0o600);
    write(d, "parties.csv", "kind;BSN\nnatural;123456789\n");
    let out = schouw(
        &[
            "import",
            "a.db",
            "parties",
            "parties.csv",
            "--pseudo-key",
            "schouw.key",
        ],
        d,
    );
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("line 2, column `BSN`: expected a BSN that passes the 11-proef")
            && stderr.contains("found (hidden)"),
        "{stderr}"
    );
    assert!(!stderr.contains("123456789"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn unsafe_or_short_key_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "parties.csv", &format!("bsn,kind\n{BSN},natural\n"));
    key_file(d, "group.key", KEY, 0o640);
    key_file(d, "short.key", b"0123456789abcdef0123456789abcde", 0o600);
    for (key, expected) in [
        ("group.key", "chmod 600"),
        ("short.key", "31 bytes, fewer than the 32 required"),
    ] {
        let out = schouw(
            &[
                "import",
                "a.db",
                "parties",
                "parties.csv",
                "--pseudo-key",
                key,
            ],
            d,
        );
        assert!(!out.status.success(), "{key} accepted");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(expected), "{key}: {stderr}");
        assert!(!stderr.contains("0123456789abcde"), "{stderr}");
        assert_clean(&out);
    }
    assert!(
        !d.join("a.db").exists(),
        "a refused key must not create the database"
    );
}

#[test]
fn without_a_key_a_bsn_column_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "parties.csv",
        &format!("id,kind,bsn\nNP-1,natural,{BSN}\n"),
    );
    let out = schouw(&["import", "a.db", "parties", "parties.csv"], d);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("column `bsn`: this column holds personal data"),
        "{stderr}"
    );
    assert_clean(&out);
}
