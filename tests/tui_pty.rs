//! The real terminal loop in a pseudo-terminal: the `tui_fake` example (the interface over the
//! fictional in-memory region) is started under a PTY, driven with keys, and its screen read
//! back through a vt100 parser. Checks that it draws, navigates, searches and quits; that the
//! terminal is restored after quit, panic and SIGTERM; that a hang-up ends it within 2 s, also
//! while an audit write hangs; that the privacy blank does not wait for the log; and that a
//! panic leaves a `session_end` entry with the reason `abort`.
//!
#![allow(clippy::unwrap_used)]

#[path = "support/pty.rs"]
mod pty;

use std::path::PathBuf;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use pty::Pty;

/// The example binary next to this test's binary (`target/<profile>/examples/tui_fake`).
fn example() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let path = dir.join("examples").join("tui_fake");
    assert!(
        path.exists(),
        "{} is missing: `cargo test` builds it (`cargo build --examples` by hand)",
        path.display()
    );
    path
}

const ENV: &[(&str, &str)] = &[("TERM", "xterm-256color"), ("LANG", "C.UTF-8")];

#[test]
fn navigates_searches_quits_and_restores() {
    let mut p = Pty::spawn(&example(), &[], ENV);
    p.wait_for("Hennepteelt");
    p.wait_for("? hulp");
    p.keys(&["j", "\r"]);
    p.wait_for("Patroon, geen bewijs");
    p.keys(&["\x1b"]);
    p.wait_for("Rang");
    p.keys(&["f", "k", "e", "r", "k", "w"]);
    p.wait_for("Kerkweg 3");
    p.keys(&["\r"]);
    // The first entity of the session asks why.
    p.wait_for("Waarvoor bekijk je deze gegevens?");
    p.keys(&["z", "a", "a", "k", " ", "1", "\r"]);
    p.wait_for("Snelle doorverkoop");
    p.keys(&["\x1b", "q"]);
    p.wait_for("Afsluiten?");
    p.keys(&["j"]);
    let status = p.wait_exit(Duration::from_secs(5)).expect("quits");
    assert!(status.success(), "{status:?}");
    assert!(p.restored());
    // Nothing asks the terminal anything: no device status or colour queries.
    let bytes = String::from_utf8_lossy(&p.bytes.lock().unwrap()).to_string();
    for query in [
        "\x1b[6n",
        "\x1b]10;?",
        "\x1b]11;?",
        "\x1b]0;",
        "\x1b]52;",
        "\x1b]8;",
    ] {
        assert!(!bytes.contains(query), "{query:?}");
    }
}

#[test]
fn resizes_redraw_and_too_small_says_so() {
    let mut p = Pty::spawn(&example(), &[], ENV);
    p.wait_for("Hennepteelt");
    p.resize(40, 120);
    // Only the wide layout has the coverage column.
    p.wait_for("Dekking");
    p.resize(20, 70);
    p.wait_for("venster te klein");
    p.resize(24, 80);
    p.wait_for("Hennepteelt");
    p.keys(&["\x03"]);
    assert!(p.wait_exit(Duration::from_secs(5)).unwrap().success());
}

#[test]
fn mono_sends_no_colour_and_color_does() {
    for (no_color, expect_colour) in [("1", false), ("", true)] {
        let env = [
            ("TERM", "xterm"),
            ("LANG", "C.UTF-8"),
            ("NO_COLOR", no_color),
        ];
        let mut p = Pty::spawn(&example(), &[], &env);
        p.wait_for("Hennepteelt");
        p.keys(&["\r"]);
        p.wait_for("Patroon, geen bewijs");
        p.keys(&["\x03"]);
        assert!(p.wait_exit(Duration::from_secs(5)).unwrap().success());
        let bytes = String::from_utf8_lossy(&p.bytes.lock().unwrap()).to_string();
        let colour = bytes.contains("\x1b[38;") || bytes.contains("\x1b[48;");
        assert_eq!(colour, expect_colour, "NO_COLOR={no_color:?}");
        // Bold and reverse stay in mono.
        assert!(bytes.contains("\x1b[1m") && bytes.contains("\x1b[7m"));
    }
}

#[test]
fn ascii_terminal_gets_only_ascii() {
    let mut p = Pty::spawn(&example(), &[], &[("TERM", "vt100"), ("LANG", "C.UTF-8")]);
    p.wait_for("Hennepteelt");
    p.keys(&[
        ":", "o", "p", "e", "n", " ", "B", "U", "9", "9", "0", "1", "0", "2", "0", "3", "\r",
    ]);
    p.wait_for("Cafe-kwartier");
    p.keys(&["\x03"]);
    assert!(p.wait_exit(Duration::from_secs(5)).unwrap().success());
    let bytes = p.bytes.lock().unwrap();
    assert!(bytes.is_ascii(), "non-ASCII output");
}

#[test]
fn hang_up_ends_the_program_within_two_seconds() {
    // No reader thread here: every handle on the master side must close for the kernel to
    // hang up the terminal, so the first frame is read on this thread.
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(example());
    cmd.env_clear();
    for (k, v) in ENV {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut parser = vt100::Parser::default();
    let mut buf = [0u8; 4096];
    while !parser.screen().contents().contains("? hulp") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "output ended before the first frame");
        parser.process(&buf[..n]);
    }
    drop(reader);
    drop(pair.master);
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        if start.elapsed() > Duration::from_secs(2) {
            let _ = child.kill();
            panic!("still running 2 s after hang-up");
        }
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn sighup_restores_the_terminal() {
    let mut p = Pty::spawn(&example(), &[], ENV);
    p.wait_for("Hennepteelt");
    p.signal("-HUP");
    assert!(p.wait_exit(Duration::from_secs(2)).is_some());
    assert!(p.restored());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut p = Pty::spawn(&example(), &[], ENV);
    p.wait_for("Hennepteelt");
    p.signal("-TERM");
    assert!(p.wait_exit(Duration::from_secs(2)).is_some());
    assert!(p.restored());
}

#[test]
fn panic_restores_the_terminal_and_shows_no_data() {
    let mut p = Pty::spawn(&example(), &[], ENV);
    p.wait_for("Hennepteelt");
    p.keys(&["f", "p", "a", "n", "i", "c", "!"]);
    let status = p
        .wait_exit(Duration::from_secs(5))
        .expect("ends after the panic");
    assert!(!status.success());
    assert!(p.restored());
    let contents = p.contents();
    assert!(contents.contains("internal error"), "{contents}");
    assert!(!contents.contains("secret data"), "{contents}");
}

#[test]
fn lock_clears_scrollback_shows_no_data_and_the_code_unlocks() {
    let mut p = Pty::spawn(&example(), &["banner"], ENV);
    p.wait_for("Hennepteelt");
    p.wait_for("DEPARTEMENTAAL VERTROUWELIJK");
    p.type_text(":lock\r");
    p.wait_for("Scherm vergrendeld");
    let screen = p.contents();
    assert!(screen.contains("DEPARTEMENTAAL VERTROUWELIJK"), "{screen}");
    for data in ["Hennep", "BU99", "Rang"] {
        assert!(!screen.contains(data), "{data}:\n{screen}");
    }
    // Screen and scrollback were cleared (CSI 2J, CSI 3J) when it locked.
    let bytes = String::from_utf8_lossy(&p.bytes.lock().unwrap()).to_string();
    assert!(bytes.contains("\x1b[3J"), "no scrollback purge");
    // The code is the line of four spaced capitals before the typed blanks.
    let line = screen
        .lines()
        .find(|l| l.contains("_ _ _ _"))
        .unwrap()
        .to_string();
    let code: String = line
        .split("   ")
        .map(str::trim)
        .find(|w| !w.is_empty() && !w.contains('_'))
        .unwrap()
        .split(' ')
        .collect();
    assert_eq!(code.len(), 4, "{line}");
    p.type_text(&format!("{code}\r"));
    p.wait_for("Hennepteelt");
    p.keys(&["\x03"]);
    assert!(p.wait_exit(Duration::from_secs(5)).unwrap().success());
}

#[test]
fn the_privacy_key_blanks_the_screen_until_the_next_key() {
    let mut p = Pty::spawn(&example(), &[], ENV);
    p.wait_for("Hennepteelt");
    p.keys(&["\x18"]);
    p.wait_for("Druk op een toets");
    let screen = p.contents();
    assert!(
        !screen.contains("Hennep") && !screen.contains("BU99"),
        "{screen}"
    );
    p.keys(&["j"]);
    p.wait_for("Hennepteelt");
    p.keys(&["\x03"]);
    assert!(p.wait_exit(Duration::from_secs(5)).unwrap().success());
}

#[test]
fn a_hanging_audit_log_neither_holds_the_blank_back_nor_the_end_after_a_signal() {
    let mut p = Pty::spawn(&example(), &["stall"], ENV);
    p.wait_for("Hennepteelt");
    // The blank's entry takes a minute to write: the screen is blank long before.
    p.keys(&["\x18"]);
    p.wait_for("Druk op een toets");
    // The main thread is stuck in that write; the signal still ends the process in time.
    let start = Instant::now();
    p.signal("-HUP");
    let status = p.wait_exit(Duration::from_secs(2));
    assert!(
        status.is_some(),
        "still running {:?} after SIGHUP",
        start.elapsed()
    );
    assert!(p.restored());
}

#[test]
fn a_panic_ends_the_audited_session_with_the_reason_abort() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("fake.audit");
    let arg = format!("audit={}", log.display());
    let mut p = Pty::spawn(&example(), &[arg.as_str()], ENV);
    p.wait_for("Hennepteelt");
    p.keys(&["f", "p", "a", "n", "i", "c", "!"]);
    let status = p.wait_exit(Duration::from_secs(5)).expect("ends");
    assert!(!status.success());
    assert!(p.restored());
    let rows = schouw::audit::read_rows(&log).unwrap();
    let records: Vec<schouw::audit::Record> =
        rows.iter().map(schouw::audit::Record::from_row).collect();
    let actions: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r.action.as_str(), r.object.as_str()))
        .collect();
    assert_eq!(
        actions,
        vec![
            ("session_start", "database"),
            ("session_end", "reason:abort")
        ]
    );
    assert!(schouw::audit::verify(&log, None).unwrap().tamper.is_none());
}
