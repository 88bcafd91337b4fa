//! Shared helpers of the generator tests: a small CSV reader and the demo data set, generated
//! once per test run into Cargo's temporary directory and parsed as an importer would.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use schouw::cli::Scale;
use schouw::generate::{GenOptions, GenSummary, Manifest, Pattern, generate};

/// A parsed CSV file: header and rows of fields.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }
    pub fn column(&self, name: &str) -> Vec<&str> {
        let i = self.col(name);
        self.rows.iter().map(|r| r[i].as_str()).collect()
    }
}

/// A small RFC 4180 reader (the csv crate belongs to the import room).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\r' => panic!("CR outside quotes"),
                _ => field.push(c),
            }
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "file must end with a newline"
    );
    rows
}

pub fn read(dir: &Path, name: &str) -> Table {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let mut rows = parse_csv(&text);
    let header = rows.remove(0);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(
            r.len(),
            header.len(),
            "{name} row {} has {} fields",
            i + 2,
            r.len()
        );
    }
    Table { header, rows }
}

pub struct Demo {
    pub dir: PathBuf,
    pub summary: GenSummary,
    pub areas: Table,
    pub sbi: Table,
    pub cbs: Table,
    pub addresses: Table,
    pub businesses: Table,
    pub parties: Table,
    pub roles: Table,
    pub ownership: Table,
    pub signals: Table,
    pub manifest: Manifest,
}

pub fn gen_into(name: &str, seed: u64) -> (PathBuf, GenSummary) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let summary = generate(&GenOptions {
        dir: dir.clone(),
        scale: Scale::Demo,
        seed,
    })
    .unwrap();
    (dir, summary)
}

/// The seed under test: 1, or `SCHOUW_GEN_TEST_SEED` to check that patterns hold for others.
pub fn seed() -> u64 {
    std::env::var("SCHOUW_GEN_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

pub fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let (dir, summary) = gen_into("gen-demo-1", seed());
        let manifest: Manifest =
            serde_json::from_str(&std::fs::read_to_string(dir.join("planted.json")).unwrap())
                .unwrap();
        Demo {
            areas: read(&dir, "areas.csv"),
            sbi: read(&dir, "sbi.csv"),
            cbs: read(&dir, "cbs.csv"),
            addresses: read(&dir, "addresses.csv"),
            businesses: read(&dir, "businesses.csv"),
            parties: read(&dir, "parties.csv"),
            roles: read(&dir, "roles.csv"),
            ownership: read(&dir, "ownership.csv"),
            signals: read(&dir, "signals.csv"),
            manifest,
            dir,
            summary,
        }
    })
}

pub fn unique<'a>(values: impl IntoIterator<Item = &'a str>, what: &str) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for v in values {
        assert!(seen.insert(v), "duplicate {what}: {v}");
    }
    seen
}

pub fn pattern<'a>(d: &'a Demo, id: &str) -> &'a Pattern {
    d.manifest
        .patterns
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("pattern {id} missing"))
}

pub fn buurt_of_address(d: &Demo) -> HashMap<&str, &str> {
    let (i, b) = (d.addresses.col("id"), d.addresses.col("buurt"));
    d.addresses
        .rows
        .iter()
        .map(|r| (r[i].as_str(), r[b].as_str()))
        .collect()
}

pub fn signals_per_buurt(d: &Demo, kinds: &[&str]) -> HashMap<String, usize> {
    let of_address = buurt_of_address(d);
    let mut out: HashMap<String, usize> = HashMap::new();
    for r in &d.signals.rows {
        if !kinds.contains(&r[2].as_str()) {
            continue;
        }
        let area = match r[4].as_str() {
            "address" => of_address[r[5].as_str()].to_owned(),
            "area" => r[5].clone(),
            _ => continue,
        };
        *out.entry(area).or_default() += 1;
    }
    out
}
