//! The real binary in a pseudo-terminal on the demo database: `schouw open` draws the lenses
//! and scores, drills down to an area and back, finds an area by name, quits on request and
//! leaves the terminal as it found it.

#[path = "support/pty.rs"]
mod pty;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use pty::Pty;

#[test]
fn open_on_the_demo_database_navigates_finds_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_schouw"));
    let db = dir.path().join("demo.db");
    let built = Command::new(&bin)
        .args(["demo", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
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
