//! The real terminal loop in a pseudo-terminal: the `tui_fake` example (the interface over the
//! fictional in-memory region) is started under a PTY, driven with keys, and its screen read
//! back through a vt100 parser. Checks that it draws, navigates, searches and quits; that the
//! terminal is restored after quit, panic and SIGTERM; and that a hang-up ends it within 2 s.
//!
//! `Pty` is the helper the lead can reuse for the real binary (`schouw open`/`schouw demo`).
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

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

/// A program under a pseudo-terminal with its screen parsed as it arrives.
pub struct Pty {
    pub child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub bytes: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    pub fn spawn(program: &PathBuf, args: &[&str], env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env_clear();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::default()));
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let (s, b) = (Arc::clone(&screen), Arc::clone(&bytes));
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                b.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            child,
            _master: pair.master,
            writer,
            screen,
            bytes,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen after 10 s.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never saw {text:?}:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends keys, one write each with a pause, so a lone Esc is not read as Alt.
    pub fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            let w = &mut self.writer;
            w.write_all(k.as_bytes()).unwrap();
            w.flush().unwrap();
            thread::sleep(Duration::from_millis(60));
        }
    }

    /// Waits for the program to end; `None` if it is still running after `limit`.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<portable_pty::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader take the last bytes.
                thread::sleep(Duration::from_millis(100));
                return Some(status);
            }
            thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the parsed screen with it.
    pub fn resize(&self, rows: u16, cols: u16) {
        self.screen.lock().unwrap().set_size(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
        );
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Sends a signal (`-TERM`, `-HUP`, ...) to the program.
    pub fn signal(&self, sig: &str) {
        let pid = self.child.process_id().unwrap();
        let ok = std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
    }

    /// Whether the output ends with the terminal restored: alternate screen left, cursor shown.
    pub fn restored(&self) -> bool {
        let bytes = self.bytes.lock().unwrap();
        let tail = String::from_utf8_lossy(&bytes);
        let leave = tail.rfind("\x1b[?1049l");
        let enter = tail.rfind("\x1b[?1049h");
        let parser = self.screen.lock().unwrap();
        leave > enter && !parser.screen().alternate_screen() && !parser.screen().hide_cursor()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
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
