//! The real binary in a pseudo-terminal on the demo database: `schouw open` draws the lenses
//! and scores, drills down to an area and back, finds an area by name, quits on request and
//! leaves the terminal as it found it; opening an entity asks for a purpose and lands in the
//! audit log beside the database, which `schouw audit verify` and `show` then read.

#[path = "support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use pty::Pty;

/// A demo database in `dir`.
fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let built = Command::new(bin())
        .args(["demo", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    db
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_schouw"))
}

#[test]
fn open_on_the_demo_database_navigates_finds_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let bin = bin();
    let db = demo(dir.path());
    let home = dir.path().to_str().unwrap();
    let env = [
        ("TERM", "xterm-256color"),
        ("LANG", "C.UTF-8"),
        ("HOME", home),
    ];
    let mut p = Pty::spawn(&bin, &["open", db.to_str().unwrap()], &env);
    p.wait_for("Hennepteelt");
    p.wait_for("? hulp");
    let command: Vec<String> = ":lens hennep\r".chars().map(String::from).collect();
    p.keys(&command.iter().map(String::as_str).collect::<Vec<_>>());
    p.wait_for("Lenzen: hennep");
    p.keys(&["\r"]);
    p.wait_for("Patroon, geen bewijs");
    p.keys(&["\x1b"]);
    p.wait_for("Rang");
    p.keys(&["f", "K", "e", "r", "k", "b", "u", "u", "r", "t"]);
    p.wait_for("Kerkbuurt (BU");
    p.keys(&["\r"]);
    p.wait_for("Patroon, geen bewijs");
    p.keys(&["\x1b", "q"]);
    p.wait_for("Afsluiten?");
    p.keys(&["j"]);
    let status = p.wait_exit(Duration::from_secs(5)).expect("quits");
    assert!(status.success(), "{status:?}");
    assert!(p.restored(), "the terminal is restored");
}

#[test]
fn open_without_a_terminal_says_what_to_use_instead() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_schouw"))
        .args(["open", "x.db"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
}

#[test]
fn a_purpose_an_entity_and_the_session_are_in_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let home = dir.path().to_str().unwrap();
    let config = dir.path().join(".config/schouw");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "banner = \"DEPARTEMENTAAL VERTROUWELIJK\"\n[keys]\nprivacy = \"ctrl-o\"\n",
    )
    .unwrap();
    let env = [
        ("TERM", "xterm-256color"),
        ("LANG", "C.UTF-8"),
        ("HOME", home),
    ];
    let mut p = Pty::spawn(&bin(), &["open", db.to_str().unwrap()], &env);
    p.wait_for("Hennepteelt");
    p.wait_for("DEPARTEMENTAAL VERTROUWELIJK");
    p.wait_for("Ctrl-O scherm leeg");
    p.type_text(":lens hennep\r");
    p.wait_for("Lenzen: hennep");
    // The top area, then its first flagged entity: the purpose first.
    p.keys(&["\r"]);
    // The flags come from the background worker: "(0+)" while it computes, then the count.
    p.wait_for("Gemarkeerde entiteiten (1)");
    p.keys(&["\r"]);
    p.wait_for("Waarvoor bekijk je deze gegevens?");
    p.type_text("RIEC 2026-017\r");
    p.wait_for("Gegevens");
    p.keys(&["\x1b", "\x1b", "q"]);
    p.wait_for("Afsluiten?");
    p.keys(&["j"]);
    let status = p.wait_exit(Duration::from_secs(5)).expect("quits");
    assert!(status.success(), "{status:?}");
    assert!(p.restored());

    let verify = Command::new(bin())
        .args(["audit", "verify"])
        .arg(&db)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&verify.stdout);
    assert!(
        verify.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    assert!(said.contains("chain intact"), "{said}");
    let show = Command::new(bin())
        .args(["audit", "show", "--format", "json"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(show.status.success());
    let entries: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    let entries = entries.as_array().unwrap();
    let of = |action: &str| -> Vec<&serde_json::Value> {
        entries.iter().filter(|e| e["action"] == action).collect()
    };
    let start = of("session_start");
    let open = of("open_entity");
    let end = of("session_end");
    assert_eq!(
        (start.len(), open.len(), end.len()),
        (1, 1, 1),
        "{entries:?}"
    );
    assert_eq!(start[0]["object"], "database");
    assert!(
        open[0]["object"].as_str().unwrap().starts_with("address:"),
        "{open:?}"
    );
    assert_eq!(open[0]["purpose"], "RIEC 2026-017");
    assert_eq!(open[0]["lens_id"], "hennep");
    assert_eq!(end[0]["object"], "reason:quit");
    assert_eq!(end[0]["purpose"], "RIEC 2026-017");
    // In order, one session.
    let seq = |e: &serde_json::Value| e["seq"].as_i64().unwrap();
    assert!(seq(start[0]) < seq(open[0]) && seq(open[0]) < seq(end[0]));
    assert_eq!(start[0]["session"], end[0]["session"]);
}

#[test]
fn a_bad_config_file_stops_open_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("xdg/schouw");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "banner = \"X\"\ntheme = \"dark\"\n",
    )
    .unwrap();
    let out = Command::new(bin())
        .args(["open", "x.db"])
        .env("XDG_CONFIG_HOME", dir.path().join("xdg"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("config.toml:2:9: there is no theme `dark`"),
        "{err}"
    );
    assert!(err.contains("\"color\", \"mono\" or \"ascii\""), "{err}");
}

#[test]
fn a_signal_ends_the_session_in_the_log_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let home = dir.path().to_str().unwrap();
    let env = [("TERM", "xterm"), ("LANG", "C.UTF-8"), ("HOME", home)];
    for sig in ["-TERM", "-HUP", "-INT"] {
        let mut p = Pty::spawn(&bin(), &["open", db.to_str().unwrap()], &env);
        p.wait_for("? hulp");
        p.signal(sig);
        assert!(p.wait_exit(Duration::from_secs(2)).is_some(), "{sig}");
        let show = Command::new(bin())
            .args(["audit", "show", "--format", "json"])
            .arg(&db)
            .output()
            .unwrap();
        let entries: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
        let last = entries.as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["action"], "session_end", "{sig}");
        assert_eq!(last["object"], "reason:signal", "{sig}");
    }
}
