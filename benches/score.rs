//! Scoring benchmark: computing every shipped lens on one database (one shared pass over the
//! entity tables for all counts and flags of all lenses of a level, reading ownership and
//! the party counts on a second connection beside the rest, then prepare and score),
//! side by side with plain `sqlite3 <db> "SELECT buurt_code, count(*) … GROUP BY 1"` over the
//! same tables in the same run, and re-weighting one lens without touching data: over the
//! database's buurten, and over 14,574 synthetic buurten (the national count) whatever the
//! database.
//!
//! Run with `cargo bench --bench score` (add `--profile dev` to skip the long release build;
//! SQLite itself is optimised in both). Database: `$SCHOUW_BENCH_DB` if set; otherwise
//! `target/bench-score-<scale>.db`, imported from `schouw gen --scale <scale>` files in
//! `$SCHOUW_BENCH_DATA` (default `target/bench-<scale>`), generated when absent. The scale is
//! `$SCHOUW_BENCH_SCALE` (`national` by default; `demo` and `region` for a quick run).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use schouw::lens::{self, Lens, RefDate, ValidateOptions};
use schouw::model::AreaLevel;
use schouw::score::{ScoreOptions, prepare};
use schouw::store::{IndicatorOptions, Store};

#[path = "score/reweight.rs"]
mod reweight;

const FILES: &[(&str, &str)] = &[
    ("areas.csv", "areas"),
    ("sbi.csv", "sbi"),
    ("cbs.csv", "cbs"),
    ("addresses.csv", "addresses"),
    ("businesses.csv", "businesses"),
    ("parties.csv", "parties"),
    ("roles.csv", "roles"),
    ("ownership.csv", "ownership"),
    ("signals.csv", "signals"),
];

/// The plain per-buurt counts `sqlite3` is timed on, one per entity table.
const BASELINE: &[(&str, &str)] = &[
    (
        "addresses",
        "SELECT buurt_code, count(*) FROM addresses GROUP BY 1",
    ),
    (
        "businesses",
        "SELECT a.buurt_code, count(*) FROM businesses b JOIN addresses a ON a.id = b.address_id GROUP BY 1",
    ),
    (
        "signals",
        "SELECT entity_kind, entity_id, count(*) FROM signals GROUP BY 1, 2",
    ),
    (
        "ownership",
        "SELECT a.buurt_code, count(*) FROM ownership o JOIN addresses a ON a.id = o.address_id GROUP BY 1",
    ),
    (
        "roles",
        "SELECT a.buurt_code, count(*) FROM roles r JOIN businesses b ON b.kvk_nummer = r.kvk_nummer JOIN addresses a ON a.id = b.address_id GROUP BY 1",
    ),
];

fn run(program: &str, args: &[&str]) -> f64 {
    let start = Instant::now();
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    let s = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    s
}

/// CPU seconds (user + system) of this process and of its waited-for children, from
/// `/proc/self/stat` (zero where there is no `/proc`): the machine is shared, so wall time
/// alone says little.
fn cpu_seconds() -> (f64, f64) {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return (0.0, 0.0);
    };
    // Fields after the command name (which ends with the last ')'): utime is field 14.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    let tick = 100.0; // USER_HZ on Linux
    let at = |i: usize| f.get(i - 3).copied().unwrap_or(0.0) / tick;
    (at(14) + at(15), at(16) + at(17))
}

fn database() -> Option<PathBuf> {
    if let Some(db) = std::env::var_os("SCHOUW_BENCH_DB") {
        return Some(PathBuf::from(db));
    }
    let scale = std::env::var("SCHOUW_BENCH_SCALE").unwrap_or_else(|_| "national".into());
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let db = target.join(format!("bench-score-{scale}.db"));
    if db.exists() {
        return Some(db);
    }
    let schouw = env!("CARGO_BIN_EXE_schouw");
    let data = std::env::var_os("SCHOUW_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| target.join(format!("bench-{scale}")));
    if !data.join("signals.csv").exists() {
        eprintln!("generating {scale}-scale data in {} ...", data.display());
        let out = Command::new(schouw)
            .args(["gen", data.to_str()?, "--scale", &scale])
            .output()
            .ok()?;
        if !out.status.success() {
            eprintln!(
                "skipped: cannot generate data ({}); set SCHOUW_BENCH_DB to a database",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return None;
        }
    }
    let partial = db.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    for (file, kind) in FILES {
        let s = run(
            schouw,
            &["import", partial.to_str()?, kind, data.join(file).to_str()?],
        );
        eprintln!("imported {file} in {s:.1} s");
    }
    std::fs::rename(&partial, &db).ok()?;
    Some(db)
}

fn main() {
    let lenses: Vec<Lens> = lens::check_embedded(&ValidateOptions::default())
        .into_iter()
        .filter_map(|c| c.lens)
        .collect();
    if let Some(widest) = lenses
        .iter()
        .filter(|l| l.level == AreaLevel::Buurt)
        .max_by_key(|l| l.indicators.len())
    {
        reweight::national(widest, RefDate::today());
    }
    let Some(db) = database() else { return };
    let store = Store::open_read_only(&db).expect("a schouw database");
    let reference = store
        .default_reference_date(RefDate::today())
        .expect("a reference date");
    let info = store.info().expect("info");
    for t in &info.tables {
        println!("{:<12} {:>10} rows", t.table, t.rows);
    }

    // All shipped lenses, each at its own level: one shared pass over the entity tables for
    // every count and flag, then prepare + score per lens.
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let levels: Vec<AreaLevel> = [AreaLevel::Buurt, AreaLevel::Wijk, AreaLevel::Gemeente]
        .into_iter()
        .filter(|lv| lenses.iter().any(|l| l.level == *lv))
        .collect();
    let groups: Vec<Vec<&Lens>> = levels
        .iter()
        .map(|lv| lenses.iter().filter(|l| l.level == *lv).collect())
        .collect();
    let sets: Vec<(&[&Lens], IndicatorOptions)> = levels
        .iter()
        .zip(&groups)
        .map(|(&level, g)| {
            let options = IndicatorOptions {
                level,
                year: None,
                reference,
                within: None,
            };
            (g.as_slice(), options)
        })
        .collect();
    let data = store.indicator_data_sets(&sets).expect("indicator data");
    let computed = start.elapsed().as_secs_f64();
    println!("store (one pass for all levels): {computed:.3} s");
    let mut areas = 0;
    let mut prepared_one = None;
    for ((level, at), data) in levels.iter().zip(&groups).zip(&data) {
        let t = Instant::now();
        for l in at {
            let p = prepare(l, data.inputs(l), &ScoreOptions::at(reference)).expect("prepare");
            let _ = p.score_default();
            if *level == AreaLevel::Buurt && prepared_one.is_none() {
                prepared_one = Some(p);
            }
        }
        areas += data.areas.len();
        println!(
            "{level:<9} {} lenses, {} areas: scoring {:.3} s",
            at.len(),
            data.areas.len(),
            t.elapsed().as_secs_f64()
        );
    }
    let ours = start.elapsed().as_secs_f64();
    let ours_cpu = cpu_seconds().0 - cpu_start.0;
    println!(
        "all {} shipped lenses ({areas} area rows): {ours:.3} s wall, {ours_cpu:.3} s CPU \
         (budget 10 s)",
        lenses.len()
    );

    // sqlite3 side by side.
    let mut baseline = 0.0;
    let children = cpu_seconds().1;
    for (table, sql) in BASELINE {
        let s = run("sqlite3", &[db.to_str().unwrap(), sql]);
        println!("sqlite3 per-buurt count over {table:<10} {s:.3} s");
        baseline += s;
    }
    let baseline_cpu = cpu_seconds().1 - children;
    println!(
        "sqlite3 total {baseline:.3} s wall, {baseline_cpu:.3} s CPU; schouw / sqlite3 = {:.2} \
         wall, {:.2} CPU (budget 3.00)",
        ours / baseline,
        ours_cpu / baseline_cpu
    );

    // Re-weighting one lens without touching data.
    if let Some(p) = prepared_one {
        let mut w: Vec<f64> = p.indicators.iter().map(|i| i.lens_weight).collect();
        let n = 50;
        let t = Instant::now();
        for i in 0..n {
            let k = w.len();
            w[i % k] += 0.5;
            let s = p.score(&w).expect("weights");
            std::hint::black_box(s);
        }
        println!(
            "re-weighting lens {} over {} buurten: {:.2} ms per run (mean of {n})",
            p.lens_id,
            p.areas.len(),
            t.elapsed().as_secs_f64() * 1000.0 / n as f64
        );
    }
}
