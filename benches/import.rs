//! Import benchmark: national-scale addresses and businesses through `schouw import`, side by
//! side with `sqlite3 <db> ".import --csv <file> t"` on the same files.
//!
//! Run with `cargo bench --bench import`. Settings (environment):
//! - `SCHOUW_BENCH_DATA`: the directory with the national CSV files (default
//!   `target/bench-national`, generated with `schouw gen --scale national` when absent);
//! - `SCHOUW_BENCH_REPS`: repetitions per file (default 3);
//! - `SCHOUW_BENCH_ONLY`: `addresses` or `businesses` to measure one file only;
//! - `SCHOUW_BENCH_WORK`: where the scratch databases go (default a temporary directory in
//!   `target/`).
//!
//! Disk and neighbour noise is large on a shared machine, so every repetition runs schouw and
//! sqlite3 back to back (the order swapping each time), and the table gives the median and the
//! minimum of each, the ratio of the medians and the median of the per-repetition ratios (the
//! two runs of a repetition share the machine's state, so this one is the least noisy). Every schouw repetition imports into a fresh
//! copy of the same starting database (areas and SBI list; for businesses also the addresses,
//! which their foreign key needs); every sqlite3 repetition into a new file. Peak memory
//! (resident set) comes from `/usr/bin/time` when it is installed.

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

/// Median and minimum of some timings.
fn median_min(xs: &[f64]) -> (f64, f64) {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    (median, v[0])
}

fn peak(runs: &[Run]) -> String {
    runs.iter()
        .filter_map(|r| r.peak_mb)
        .reduce(f64::max)
        .map(|m| format!("{m:.0}"))
        .unwrap_or_else(|| "?".into())
}

/// Copies a database file (the starting point of one schouw repetition) and flushes the copy
/// to disk, so that the import's own commit does not pay for writing it.
fn fresh_copy(from: &Path, to: &Path) {
    let _ = std::fs::remove_file(to);
    std::fs::copy(from, to).expect("copying the starting database");
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .expect("flushing the copy");
}

fn main() {
    let schouw = env!("CARGO_BIN_EXE_schouw");
    let data = std::env::var_os("SCHOUW_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-national"));
    let reps: usize = std::env::var("SCHOUW_BENCH_REPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(3);
    let only = std::env::var("SCHOUW_BENCH_ONLY").ok();
    if !data.join("businesses.csv").exists() {
        eprintln!("generating national-scale data in {} ...", data.display());
        let r = measure(
            schouw,
            &["gen", data.to_str().unwrap(), "--scale", "national"],
        );
        eprintln!("generated in {:.1} s (peak {:?} MB)", r.seconds, r.peak_mb);
    }
    let work_parent = std::env::var_os("SCHOUW_BENCH_WORK")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    std::fs::create_dir_all(&work_parent).expect("the work directory");
    let work = tempfile::tempdir_in(&work_parent).expect("a temp dir");
    let w = |f: &str| work.path().join(f);
    let path = |f: &str| data.join(f).to_str().unwrap().to_owned();
    let s = |p: &Path| p.to_str().unwrap().to_owned();

    // The starting database: areas and the SBI list.
    let base = w("base.db");
    for f in ["areas.csv", "sbi.csv"] {
        let kind = f.trim_end_matches(".csv");
        measure(schouw, &["import", &s(&base), kind, &path(f)]);
    }
    let with_addresses = w("with-addresses.db");
    println!("{reps} repetitions each, schouw and sqlite3 alternating");
    println!(
        "{:<15} {:>9} {:>9} {:>7} {:>9} {:>9} {:>7} {:>7} {:>8} {:>8}",
        "file", "schouw md", "min", "MB", "sqlite md", "min", "MB", "ratio", "pair md", "file MB"
    );
    for (file, kind) in [
        ("addresses.csv", "addresses"),
        ("businesses.csv", "businesses"),
    ] {
        if kind == "businesses" && !with_addresses.exists() {
            // Their foreign key needs the addresses; imported once, not measured.
            fresh_copy(&base, &with_addresses);
            measure(
                schouw,
                &[
                    "import",
                    &s(&with_addresses),
                    "addresses",
                    &path("addresses.csv"),
                ],
            );
        }
        if only.as_deref().is_some_and(|o| o != kind) {
            continue;
        }
        let start = if kind == "addresses" {
            &base
        } else {
            &with_addresses
        };
        let ours = w("schouw.db");
        let theirs = w("sqlite3.db");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for rep in 0..reps {
            let run_ours = |a: &mut Vec<Run>| {
                fresh_copy(start, &ours);
                a.push(measure(schouw, &["import", &s(&ours), kind, &path(file)]));
            };
            let run_theirs = |b: &mut Vec<Run>| {
                let _ = std::fs::remove_file(&theirs);
                b.push(measure(
                    "sqlite3",
                    &[&s(&theirs), &format!(".import --csv {} {kind}", path(file))],
                ));
            };
            if rep % 2 == 0 {
                run_ours(&mut a);
                run_theirs(&mut b);
            } else {
                run_theirs(&mut b);
                run_ours(&mut a);
            }
            eprintln!(
                "{file} repetition {}: schouw {:.2} s, sqlite3 {:.2} s",
                rep + 1,
                a[rep].seconds,
                b[rep].seconds
            );
        }
        if kind == "addresses" && !with_addresses.exists() {
            std::fs::rename(&ours, &with_addresses).expect("keeping the addresses database");
        }
        let secs = |runs: &[Run]| runs.iter().map(|r| r.seconds).collect::<Vec<_>>();
        let (am, amin) = median_min(&secs(&a));
        let (bm, bmin) = median_min(&secs(&b));
        let pairs: Vec<f64> = a
            .iter()
            .zip(&b)
            .map(|(x, y)| x.seconds / y.seconds)
            .collect();
        let (pair_median, _) = median_min(&pairs);
        let size = std::fs::metadata(data.join(file))
            .map(|m| m.len())
            .unwrap_or(0);
        println!(
            "{:<15} {:>9.2} {:>9.2} {:>7} {:>9.2} {:>9.2} {:>7} {:>7.2} {:>8.2} {:>8}",
            file,
            am,
            amin,
            peak(&a),
            bm,
            bmin,
            peak(&b),
            am / bm,
            pair_median,
            size >> 20
        );
    }
}
