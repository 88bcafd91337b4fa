//! No core dumps of a session (security.md P-07). The real binary is started with core dumps
//! allowed (`ulimit -c unlimited`) and the interface left waiting for keys. While it waits:
//! - `/proc/<pid>/limits` shows a core size limit of 0, soft and hard;
//! - the process is not dumpable: the kernel then gives its `/proc/<pid>` files to root, which
//!   is visible when it runs as another user (as root the test runs it as `nobody` through
//!   `setpriv`);
//! - SIGABRT ends it without a core (the core bit of the wait status, read from the zombie's
//!   `/proc/<pid>/stat`) and no core file appears.
//!
//! A control (`sleep` under the same wrapper) shows that each observation would see a process
//! that can dump.
#![cfg(target_os = "linux")]

#[path = "support/pty.rs"]
mod pty;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use pty::Pty;

/// The user the processes run as when the test is root.
const NOBODY: u32 = 65534;

fn my_uid() -> u32 {
    std::fs::metadata("/proc/self").unwrap().uid()
}

/// `sh` arguments that allow core dumps, enter `dir` and run `program args` (as `nobody`
/// when the test is root).
fn wrapped(dir: &Path, program: &Path, args: &[&str]) -> Vec<String> {
    let mut v = vec![
        "-c".to_owned(),
        r#"cd "$0" && ulimit -c unlimited && exec "$@""#.to_owned(),
        dir.to_str().unwrap().to_owned(),
    ];
    if my_uid() == 0 {
        v.extend(
            [
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
            ]
            .map(String::from),
        );
    }
    v.push(program.to_str().unwrap().to_owned());
    v.extend(args.iter().map(|s| (*s).to_owned()));
    v
}

/// The user the wrapped process runs as.
fn runs_as() -> u32 {
    if my_uid() == 0 { NOBODY } else { my_uid() }
}

/// Soft and hard core size limit of a process, as `/proc/<pid>/limits` shows them.
fn core_limits(pid: u32) -> (String, String) {
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
    let line = limits
        .lines()
        .find_map(|l| l.strip_prefix("Max core file size"))
        .expect("a core line");
    let mut words = line.split_whitespace();
    (
        words.next().unwrap().to_owned(),
        words.next().unwrap().to_owned(),
    )
}

/// The owner the kernel gives the process's `/proc` files (root when it is not dumpable).
fn proc_owner(pid: u32) -> u32 {
    std::fs::metadata(format!("/proc/{pid}/status"))
        .unwrap()
        .uid()
}

/// Waits until `pid` runs `program` (after the wrapper's `exec`).
fn wait_for_exec(pid: u32, program: &Path) {
    let start = Instant::now();
    let target = std::fs::canonicalize(program).unwrap();
    while std::fs::read_link(format!("/proc/{pid}/exe")).ok() != Some(target.clone()) {
        assert!(start.elapsed() < Duration::from_secs(10), "never exec'd");
        thread::sleep(Duration::from_millis(20));
    }
}

/// Sends SIGABRT and reads the wait status from the zombie before anyone reaps it: whether a
/// core was dumped (`WCOREDUMP`) and the signal.
fn abort_and_core_bit(pid: u32) -> (bool, i32) {
    let ok = Command::new("kill")
        .args(["-ABRT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let start = Instant::now();
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
        // Fields after the command name in parentheses start at field 3 (state); the wait
        // status is field 52.
        let rest: Vec<&str> = stat[stat.rfind(')').unwrap() + 1..]
            .split_whitespace()
            .collect();
        if rest[0] == "Z" {
            let status: i32 = rest[52 - 3].parse().unwrap();
            return (status & 0x80 != 0, status & 0x7f);
        }
        assert!(start.elapsed() < Duration::from_secs(10), "never ended");
        thread::sleep(Duration::from_millis(20));
    }
}

fn core_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("core"))
        })
        .collect()
}

fn open_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    // The wrapped process may run as `nobody`: it must reach the database and write its
    // core (the control's) or audit files there.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    dir
}

#[test]
fn the_control_process_can_dump() {
    let dir = open_dir();
    let sleep = PathBuf::from("/bin/sleep");
    let mut child = Command::new("/bin/sh")
        .args(wrapped(dir.path(), &sleep, &["30"]))
        .spawn()
        .unwrap();
    let pid = child.id();
    wait_for_exec(pid, &sleep);
    assert_eq!(core_limits(pid), ("unlimited".into(), "unlimited".into()));
    assert_eq!(
        proc_owner(pid),
        runs_as(),
        "a dumpable process owns its /proc"
    );
    let (cored, signal) = abort_and_core_bit(pid);
    let status = child.wait().unwrap();
    assert_eq!(signal, 6);
    // Where the system stores no cores at all (an empty core_pattern, a helper that refuses),
    // the core bit stays clear; the binary's test below still checks limit and dumpability.
    let pattern = std::fs::read_to_string("/proc/sys/kernel/core_pattern").unwrap_or_default();
    if pattern.trim() == "core" {
        use std::os::unix::process::ExitStatusExt;
        assert!(cored && status.core_dumped(), "the control dumps a core");
        assert!(!core_files(dir.path()).is_empty(), "the core file is there");
    }
}

#[test]
fn the_interface_runs_without_core_dumps() {
    let dir = open_dir();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_schouw"));
    let db = dir.path().join("s.db");
    let init = Command::new(&bin).arg("init").arg(&db).output().unwrap();
    assert!(init.status.success());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o666)).unwrap();

    let home = dir.path().to_str().unwrap();
    let env = [("TERM", "xterm"), ("LANG", "C.UTF-8"), ("HOME", home)];
    let args = wrapped(dir.path(), &bin, &["open", db.to_str().unwrap()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let p = Pty::spawn(&PathBuf::from("/bin/sh"), &args, &env);
    let pid = p.child.process_id().unwrap();
    wait_for_exec(pid, &bin);
    p.wait_for("? ");

    assert_eq!(core_limits(pid), ("0".into(), "0".into()));
    assert_eq!(
        proc_owner(pid),
        0,
        "not dumpable: the kernel gives /proc to root"
    );
    let (cored, signal) = abort_and_core_bit(pid);
    assert_eq!(signal, 6);
    assert!(!cored, "no core dumped");
    assert!(core_files(dir.path()).is_empty(), "no core file");
}
