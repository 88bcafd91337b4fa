//! Import benchmark: national-scale addresses and businesses through `schouw import`, side by
//! side with `sqlite3 <db> ".import --csv <file> t"` on the same files.
//!
//! Run with `cargo bench --bench import`. Data: `$SCHOUW_BENCH_DATA` or
//! `target/bench-national`, generated with `schouw gen --scale national` when absent. Peak
//! memory comes from `/usr/bin/time` when it is installed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

struct Run {
    seconds: f64,
    peak_mb: Option<f64>,
}

/// Runs a command, timing it and (with /usr/bin/time) reading its peak resident memory.
fn measure(program: &str, args: &[&str]) -> Run {
    let timed = Path::new("/usr/bin/time").exists();
    let mut cmd = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "PEAK_KB=%M", program]);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args);
    let start = Instant::now();
    let out = cmd.output().expect("the command runs");
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{program} {args:?} failed: {stderr}");
    let peak_mb = stderr
        .lines()
        .find_map(|l| l.strip_prefix("PEAK_KB="))
        .and_then(|kb| kb.trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0);
    Run { seconds, peak_mb }
}

fn main() {
    let schouw = env!("CARGO_BIN_EXE_schouw");
    let data = std::env::var_os("SCHOUW_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-national"));
    if !data.join("businesses.csv").exists() {
        eprintln!("generating national-scale data in {} ...", data.display());
        let r = measure(
            schouw,
            &["gen", data.to_str().unwrap(), "--scale", "national"],
        );
        eprintln!("generated in {:.1} s (peak {:?} MB)", r.seconds, r.peak_mb);
    }
    let work = tempfile::tempdir().expect("a temp dir");
    let ours = work.path().join("schouw.db");
    let theirs = work.path().join("sqlite3.db");
    let path = |f: &str| data.join(f).to_str().unwrap().to_owned();
    let db = ours.to_str().unwrap();
    for f in ["areas.csv", "sbi.csv"] {
        let kind = f.trim_end_matches(".csv");
        measure(schouw, &["import", db, kind, &path(f)]);
    }
    println!(
        "{:<14} {:>10} {:>12} {:>10} {:>12} {:>8}",
        "file", "schouw s", "schouw MB", "sqlite3 s", "sqlite3 MB", "ratio"
    );
    for (file, kind) in [
        ("addresses.csv", "addresses"),
        ("businesses.csv", "businesses"),
    ] {
        let size = std::fs::metadata(data.join(file))
            .map(|m| m.len())
            .unwrap_or(0);
        let a = measure(schouw, &["import", db, kind, &path(file)]);
        let b = measure(
            "sqlite3",
            &[
                theirs.to_str().unwrap(),
                &format!(".import --csv {} {kind}", path(file)),
            ],
        );
        println!(
            "{:<14} {:>10.2} {:>12} {:>10.2} {:>12} {:>8.2}   ({} MB file)",
            file,
            a.seconds,
            a.peak_mb
                .map(|m| format!("{m:.0}"))
                .unwrap_or_else(|| "?".into()),
            b.seconds,
            b.peak_mb
                .map(|m| format!("{m:.0}"))
                .unwrap_or_else(|| "?".into()),
            a.seconds / b.seconds,
            size >> 20
        );
    }
}
