//! The synthetic demo region: determinism, formats and referential integrity, checked on the
//! files as an importer would read them; planted patterns in `gen/planted.rs`. Demo scale only;
//! region and national scale are measured by hand (see `by_hand`).
#![allow(clippy::unwrap_used)]

#[path = "gen/areas.rs"]
mod areas;
#[path = "gen/entities.rs"]
mod entities;
#[path = "gen/planted.rs"]
mod planted;
#[path = "gen/support.rs"]
mod support;

use std::collections::HashMap;

use schouw::cli::Scale;
use schouw::generate::{GenOptions, generate};
use support::{demo, gen_into, seed};

const FILES: [&str; 10] = [
    "areas.csv",
    "sbi.csv",
    "cbs.csv",
    "addresses.csv",
    "businesses.csv",
    "parties.csv",
    "roles.csv",
    "ownership.csv",
    "signals.csv",
    "planted.json",
];

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let d = demo();
    let (again, summary) = gen_into("gen-demo-1-again", seed());
    assert_eq!(summary, d.summary);
    for f in FILES {
        let a = std::fs::read(d.dir.join(f)).unwrap();
        let b = std::fs::read(again.join(f)).unwrap();
        assert!(a == b, "{f} differs between two runs with the same seed");
    }
    let (other, _) = gen_into("gen-demo-2", seed() + 1);
    for f in [
        "addresses.csv",
        "businesses.csv",
        "ownership.csv",
        "signals.csv",
        "cbs.csv",
    ] {
        let a = std::fs::read(d.dir.join(f)).unwrap();
        let b = std::fs::read(other.join(f)).unwrap();
        assert!(a != b, "{f} is the same for seeds 1 and 2");
    }
    let _ = std::fs::remove_dir_all(again);
    let _ = std::fs::remove_dir_all(other);
}

#[test]
fn summary_lists_files_in_import_order_with_row_counts() {
    let d = demo();
    let names: Vec<&str> = d.summary.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, FILES);
    let rows: HashMap<&str, u64> = d
        .summary
        .files
        .iter()
        .map(|(n, r)| (n.as_str(), *r))
        .collect();
    assert_eq!(rows["addresses.csv"], d.addresses.rows.len() as u64);
    assert_eq!(rows["signals.csv"], d.signals.rows.len() as u64);
    assert_eq!(d.summary.planted, d.manifest.patterns.len());
    for f in FILES {
        let bytes = std::fs::read(d.dir.join(f)).unwrap();
        assert!(std::str::from_utf8(&bytes).is_ok(), "{f} is not UTF-8");
        assert!(!bytes.contains(&b'\r'), "{f} has CR line ends");
    }
}

#[test]
fn demo_counts_are_in_range() {
    let d = demo();
    let buurten = d
        .areas
        .column("Key")
        .iter()
        .filter(|k| k.starts_with("BU"))
        .count();
    let gemeenten = d
        .areas
        .column("Key")
        .iter()
        .filter(|k| k.starts_with("GM"))
        .count();
    assert_eq!(gemeenten, 2);
    assert!((35..=45).contains(&buurten), "{buurten} buurten");
    let n = d.addresses.rows.len();
    assert!((16_000..=24_000).contains(&n), "{n} addresses");
    let n = d.businesses.rows.len();
    assert!((2_200..=4_000).contains(&n), "{n} businesses");
    let n = d.signals.rows.len();
    assert!((500..=5_000).contains(&n), "{n} signals");
    assert!(d.manifest.patterns.len() >= 8);
    assert_eq!(d.manifest.scale, "demo");
    assert_eq!(d.manifest.seed, seed());
}

/// Larger scales, run by hand to measure time and memory, e.g.
/// `SCHOUW_GEN_DIR=/tmp/nat /usr/bin/time -v cargo test --release --test gen by_hand -- --ignored`
/// (`SCHOUW_GEN_SCALE=region` for the region scale; national is the default).
#[test]
#[ignore = "national scale takes a minute and writes 2.5 GB; run by hand"]
fn by_hand() {
    let Some(dir) = std::env::var_os("SCHOUW_GEN_DIR") else {
        return;
    };
    let scale = match std::env::var("SCHOUW_GEN_SCALE").as_deref() {
        Ok("region") => Scale::Region,
        Ok("demo") => Scale::Demo,
        _ => Scale::National,
    };
    let t = std::time::Instant::now();
    let s = generate(&GenOptions {
        dir: dir.into(),
        scale,
        seed: 1,
    })
    .unwrap();
    eprintln!("{s:?} in {:?}", t.elapsed());
}
