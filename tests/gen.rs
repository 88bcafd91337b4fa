//! The synthetic demo region: determinism, formats, referential integrity and the planted
//! patterns, checked on the files as an importer would read them. Demo scale only; national
//! scale is measured by hand (see `national_by_hand`).
#![allow(clippy::unwrap_used)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use schouw::cli::Scale;
use schouw::generate::{GenOptions, GenSummary, Manifest, generate};
use schouw::model::{
    AreaCode, AreaLevel, BagId, KvkNummer, Postcode, SbiCode, Vestigingsnummer, parse_date,
};

/// A parsed CSV file: header and rows of fields.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }
    fn column(&self, name: &str) -> Vec<&str> {
        let i = self.col(name);
        self.rows.iter().map(|r| r[i].as_str()).collect()
    }
}

/// A small RFC 4180 reader (the csv crate belongs to the import room).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
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

fn read(dir: &Path, name: &str) -> Table {
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

struct Demo {
    dir: PathBuf,
    summary: GenSummary,
    areas: Table,
    sbi: Table,
    cbs: Table,
    addresses: Table,
    businesses: Table,
    parties: Table,
    roles: Table,
    ownership: Table,
    signals: Table,
    manifest: Manifest,
}

fn gen_into(name: &str, seed: u64) -> (PathBuf, GenSummary) {
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
fn seed() -> u64 {
    std::env::var("SCHOUW_GEN_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

fn demo() -> &'static Demo {
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

fn unique<'a>(values: impl IntoIterator<Item = &'a str>, what: &str) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for v in values {
        assert!(seen.insert(v), "duplicate {what}: {v}");
    }
    seen
}

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

#[test]
fn areas_are_fictional_and_nested() {
    let d = demo();
    assert_eq!(
        d.areas.header,
        [
            "Key",
            "Title",
            "Description",
            "Municipality",
            "DetailRegionCode",
            "Year"
        ]
    );
    let keys = unique(d.areas.column("Key"), "area key");
    let (k, t, desc, m, drc, y) = (0, 1, 2, 3, 4, 5);
    for r in &d.areas.rows {
        let code = AreaCode::parse(&r[k]).unwrap();
        assert_eq!(code.as_str(), r[k], "area codes are written normalised");
        assert!(r[k][2..].starts_with("99"), "{} is not in GM99xx", r[k]);
        assert_eq!(r[drc], r[k]);
        assert_eq!(r[y], "2024");
        assert!(!r[t].is_empty());
        assert_eq!(code.gemeente().unwrap().as_str(), r[m]);
        assert!(r[desc].contains(&format!("({})", r[k])), "{}", r[desc]);
        let mut parent = code.parent();
        while let Some(p) = parent {
            assert!(keys.contains(p.as_str()), "parent {p} of {} missing", r[k]);
            parent = p.parent();
        }
        if code.level() == AreaLevel::Buurt {
            assert!(r[desc].starts_with(&format!("Buurt '{}' ({})", r[t], r[k])));
        }
    }
}

#[test]
fn sbi_has_sections_and_every_business_code() {
    let d = demo();
    assert_eq!(
        d.sbi.header,
        [
            "code_dotted",
            "code_digits",
            "level",
            "section",
            "omschrijving"
        ]
    );
    let codes = unique(d.sbi.column("code_digits"), "sbi code");
    let sections: Vec<&str> = d
        .sbi
        .rows
        .iter()
        .filter(|r| r[2] == "section")
        .map(|r| r[1].as_str())
        .collect();
    assert_eq!(sections.len(), 21);
    assert!(sections.contains(&"A") && sections.contains(&"U"));
    for r in &d.sbi.rows {
        assert_eq!(r[0].replace('.', ""), r[1], "dotted and digit forms agree");
        assert!(["section", "division", "group", "class", "subclass"].contains(&r[2].as_str()));
    }
    let map: HashMap<&str, &str> = d
        .sbi
        .rows
        .iter()
        .map(|r| (r[1].as_str(), r[4].as_str()))
        .collect();
    assert_eq!(map["96021"], "Haarverzorging");
    assert_eq!(map["4742"], "Winkels in telecommunicatieapparatuur");
    for sbi in d.businesses.column("sbi") {
        SbiCode::parse(sbi).unwrap();
        assert!(codes.contains(sbi), "business SBI {sbi} not in sbi.csv");
    }
}

fn num(s: &str) -> Option<f64> {
    if s == "." {
        None
    } else {
        assert!(!s.contains(','), "decimal comma in cbs.csv: {s}");
        Some(
            s.parse::<f64>()
                .unwrap_or_else(|_| panic!("not a number: {s}")),
        )
    }
}

#[test]
fn cbs_rows_are_consistent_with_areas_and_addresses() {
    let d = demo();
    let c = &d.cbs;
    assert_eq!(c.header.len(), 41);
    assert_eq!(c.header[0], "gwb_code_10");
    assert_eq!(c.header[40], "jaar");
    let areas: HashSet<&str> = d.areas.column("Key").into_iter().collect();
    let codes = unique(c.column("gwb_code_10"), "cbs area");
    assert_eq!(codes, areas, "one cbs row per area");
    let mut residents: HashMap<&str, f64> = HashMap::new();
    let (ab, ar) = (d.addresses.col("buurt"), d.addresses.col("residents"));
    for r in &d.addresses.rows {
        *residents.entry(r[ab].as_str()).or_default() += r[ar].parse::<f64>().unwrap_or(0.0);
    }
    let inw_i = c.col("a_inw");
    let mut by_code: HashMap<&str, &Vec<String>> = HashMap::new();
    let mut small = 0;
    let mut missing_income = 0;
    for r in &c.rows {
        by_code.insert(&r[0], r);
        assert_eq!(r[c.col("gwb_code")], r[0]);
        assert_eq!(r[c.col("gwb_code_8")], &r[0][2..]);
        assert_eq!(r[c.col("jaar")], "2024");
        for (i, h) in c.header.iter().enumerate().skip(7) {
            let v = num(&r[i]);
            if h.starts_with("p_") {
                if let Some(v) = v {
                    assert!((0.0..=100.0).contains(&v), "{h} = {v}");
                }
            }
        }
        let mvs = num(&r[c.col("ste_mvs")]).unwrap();
        assert!((1.0..=5.0).contains(&mvs));
        let inw = num(&r[inw_i]).unwrap();
        let parts = num(&r[c.col("a_man")]).unwrap() + num(&r[c.col("a_vrouw")]).unwrap();
        assert_eq!(parts, inw);
        let ages: f64 = ["a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo"]
            .iter()
            .map(|h| num(&r[c.col(h)]).unwrap())
            .sum();
        assert_eq!(ages, inw);
        if r[c.col("recs")] == "Buurt" {
            let counted = residents.get(r[0].as_str()).copied().unwrap_or(0.0);
            assert!(
                (inw - counted).abs() <= (counted * 0.02).max(5.0),
                "{}: a_inw {inw} vs {counted}",
                r[0]
            );
            if inw < 50.0 {
                small += 1;
            }
            if r[c.col("g_ink_pi")] == "." {
                missing_income += 1;
            }
        }
    }
    assert!(
        small >= 2,
        "the vakantiepark and a tiny buurt have fewer than 50 inhabitants"
    );
    assert!(missing_income >= 1);
    // Wijk and gemeente rows add up their buurten.
    for code in &codes {
        let area = AreaCode::parse(code).unwrap();
        if area.level() == AreaLevel::Buurt {
            continue;
        }
        let sum: f64 = codes
            .iter()
            .filter(|b| {
                let buurt = AreaCode::parse(b).unwrap();
                buurt.level() == AreaLevel::Buurt
                    && (buurt.parent().as_ref() == Some(&area)
                        || buurt.gemeente().as_ref() == Some(&area))
            })
            .map(|b| num(&by_code[b][inw_i]).unwrap())
            .sum();
        assert_eq!(
            num(&by_code[code][inw_i]).unwrap(),
            sum,
            "{code} a_inw is the sum of its buurten"
        );
    }
}

const USES: [&str; 11] = [
    "woonfunctie",
    "bijeenkomstfunctie",
    "celfunctie",
    "gezondheidszorgfunctie",
    "industriefunctie",
    "kantoorfunctie",
    "logiesfunctie",
    "onderwijsfunctie",
    "sportfunctie",
    "winkelfunctie",
    "overige gebruiksfunctie",
];

#[test]
fn addresses_are_valid_and_in_known_buurten() {
    let d = demo();
    let a = &d.addresses;
    assert_eq!(
        a.header,
        [
            "id",
            "object_id",
            "street",
            "number",
            "letter",
            "addition",
            "postcode",
            "city",
            "buurt",
            "uses",
            "surface_m2",
            "residents"
        ]
    );
    unique(a.column("id"), "address id");
    unique(a.column("object_id"), "object id");
    let areas: HashSet<&str> = d.areas.column("Key").into_iter().collect();
    let mut full = HashSet::new();
    for r in &a.rows {
        BagId::parse(&r[0]).unwrap();
        BagId::parse(&r[1]).unwrap();
        assert_eq!(&r[0][4..6], "20", "nummeraanduiding type");
        assert_eq!(&r[1][4..6], "01", "verblijfsobject type");
        assert_eq!(&r[0][..4], &r[8][2..6], "id starts with the gemeente code");
        assert!(!r[2].is_empty() && !r[7].is_empty());
        assert!(r[3].parse::<u32>().unwrap() >= 1);
        let pc = Postcode::parse(&r[6]).unwrap();
        assert_eq!(pc.as_str(), r[6]);
        assert!(areas.contains(r[8].as_str()), "unknown buurt {}", r[8]);
        assert_eq!(AreaCode::parse(&r[8]).unwrap().level(), AreaLevel::Buurt);
        for u in r[9].split(';') {
            assert!(USES.contains(&u), "unknown use {u}");
        }
        assert!(r[10].parse::<u32>().unwrap() > 0);
        if !r[11].is_empty() {
            let n: u32 = r[11].parse().unwrap();
            if !r[9].contains("woonfunctie") && !r[9].contains("logiesfunctie") {
                assert_eq!(n, 0, "non-dwelling with residents");
            }
        }
        assert!(
            full.insert((&r[6], &r[3], &r[4], &r[5])),
            "duplicate address {} {}{}{}",
            r[6],
            r[3],
            r[4],
            r[5]
        );
    }
}

#[test]
fn businesses_reference_addresses_and_have_valid_keys() {
    let d = demo();
    let b = &d.businesses;
    assert_eq!(
        b.header,
        [
            "vestigingsnummer",
            "kvk",
            "name",
            "sbi",
            "legal_form",
            "address_id",
            "registered",
            "ended",
            "employees"
        ]
    );
    unique(b.column("vestigingsnummer"), "vestigingsnummer");
    let addresses: HashSet<&str> = d.addresses.column("id").into_iter().collect();
    let mut per_kvk: HashMap<&str, usize> = HashMap::new();
    for r in &b.rows {
        Vestigingsnummer::parse(&r[0]).unwrap();
        KvkNummer::parse(&r[1]).unwrap();
        *per_kvk.entry(&r[1]).or_default() += 1;
        assert!(!r[2].is_empty());
        assert!(["Eenmanszaak", "VOF", "BV", "Stichting"].contains(&r[4].as_str()));
        assert!(
            addresses.contains(r[5].as_str()),
            "business at unknown address {}",
            r[5]
        );
        assert_eq!(parse_date(&r[6]).unwrap(), r[6]);
        if !r[7].is_empty() {
            assert_eq!(parse_date(&r[7]).unwrap(), r[7]);
            assert!(r[7] > r[6], "ended before registered");
        }
        r[8].parse::<u32>().unwrap();
    }
    assert!(
        per_kvk.values().filter(|n| **n >= 3).count() >= 3,
        "some KvK numbers have several vestigingen"
    );
    assert!(
        b.column("kvk").iter().any(|k| k.starts_with('0')),
        "leading zeros occur"
    );
    let ended = b.column("ended").iter().filter(|e| !e.is_empty()).count();
    assert!(ended > b.rows.len() / 20 && ended < b.rows.len() / 3);
}

#[test]
fn parties_are_pseudonymous() {
    let d = demo();
    let p = &d.parties;
    assert_eq!(p.header, ["id", "kind", "kvk", "name", "registered"]);
    unique(p.column("id"), "party id");
    let mut legal = 0;
    for r in &p.rows {
        assert!(
            r[0].len() == 10
                && r[0].starts_with("P-")
                && r[0][2..].bytes().all(|c| c.is_ascii_hexdigit()),
            "{}",
            r[0]
        );
        match r[1].as_str() {
            "natural" => assert!(
                r[2].is_empty() && r[3].is_empty() && r[4].is_empty(),
                "natural person with data: {r:?}"
            ),
            "legal" => {
                legal += 1;
                KvkNummer::parse(&r[2]).unwrap();
                assert!(!r[3].is_empty());
                assert_eq!(parse_date(&r[4]).unwrap(), r[4]);
            }
            k => panic!("unknown party kind {k}"),
        }
    }
    assert!(legal >= 20);
    unique(
        p.rows
            .iter()
            .filter(|r| r[1] == "legal")
            .map(|r| r[2].as_str()),
        "legal kvk",
    );
}

#[test]
fn roles_and_ownership_reference_existing_entities() {
    let d = demo();
    let parties: HashSet<&str> = d.parties.column("id").into_iter().collect();
    let kvks: HashSet<&str> = d.businesses.column("kvk").into_iter().collect();
    let addresses: HashSet<&str> = d.addresses.column("id").into_iter().collect();
    assert_eq!(d.roles.header, ["party", "kvk", "role", "started", "ended"]);
    for r in &d.roles.rows {
        assert!(
            parties.contains(r[0].as_str()),
            "role of unknown party {}",
            r[0]
        );
        assert!(kvks.contains(r[1].as_str()), "role in unknown kvk {}", r[1]);
        assert!(["eigenaar", "bestuurder", "gevolmachtigde", "vennoot"].contains(&r[2].as_str()));
        parse_date(&r[3]).unwrap();
        if !r[4].is_empty() {
            assert!(r[4] >= r[3]);
        }
    }
    let with_role: HashSet<&str> = d.roles.column("kvk").into_iter().collect();
    assert_eq!(with_role, kvks, "every business has someone in a role");

    let o = &d.ownership;
    assert_eq!(
        o.header,
        ["address_id", "party", "acquired", "ended", "price"]
    );
    let mut keys = HashSet::new();
    for r in &o.rows {
        assert!(
            keys.insert((&r[0], &r[1], &r[2])),
            "duplicate ownership {r:?}"
        );
    }
    let mut chains: HashMap<&str, Vec<&Vec<String>>> = HashMap::new();
    for r in &o.rows {
        assert!(
            addresses.contains(r[0].as_str()),
            "ownership of unknown address {}",
            r[0]
        );
        assert!(parties.contains(r[1].as_str()), "unknown owner {}", r[1]);
        assert_eq!(parse_date(&r[2]).unwrap(), r[2]);
        assert!(r[2].as_str() <= "2024-12-31");
        if !r[4].is_empty() {
            assert!(r[4].parse::<u64>().unwrap() > 0, "price in whole euro");
        }
        chains.entry(&r[0]).or_default().push(r);
    }
    for (addr, mut chain) in chains {
        chain.sort_by(|a, b| a[2].cmp(&b[2]));
        for w in chain.windows(2) {
            assert_eq!(
                w[0][3], w[1][2],
                "{addr}: previous owner ends when the next acquires"
            );
        }
        assert!(
            chain.last().unwrap()[3].is_empty(),
            "{addr}: the current owner has no end"
        );
    }
}

const SOURCES: [&str; 6] = [
    "politie",
    "gemeente",
    "mma",
    "toezicht",
    "belastingdienst",
    "netbeheerder",
];
const KINDS: [&str; 12] = [
    "hennep_ontmanteld",
    "hennep_vermoeden",
    "drugslab",
    "drugsdumping",
    "stroomdiefstal",
    "overlast",
    "witwassen_vermoeden",
    "mensenhandel_vermoeden",
    "bibob",
    "huisvesting_fraude",
    "adresfraude",
    "sluiting",
];

#[test]
fn signals_are_valid_and_reference_existing_entities() {
    let d = demo();
    let s = &d.signals;
    assert_eq!(
        s.header,
        [
            "id",
            "source",
            "kind",
            "date",
            "entity_kind",
            "entity_id",
            "weight",
            "phase",
            "text"
        ]
    );
    unique(s.column("id"), "signal id");
    let addresses: HashSet<&str> = d.addresses.column("id").into_iter().collect();
    let businesses: HashSet<&str> = d
        .businesses
        .column("vestigingsnummer")
        .into_iter()
        .collect();
    let parties: HashSet<&str> = d.parties.column("id").into_iter().collect();
    let areas: HashSet<&str> = d.areas.column("Key").into_iter().collect();
    let mut kinds = HashSet::new();
    for r in &s.rows {
        assert!(SOURCES.contains(&r[1].as_str()), "source {}", r[1]);
        assert!(KINDS.contains(&r[2].as_str()), "kind {}", r[2]);
        kinds.insert(r[2].as_str());
        assert_eq!(parse_date(&r[3]).unwrap(), r[3]);
        assert!(("2021-01-01"..="2024-12-31").contains(&r[3].as_str()));
        let known = match r[4].as_str() {
            "address" => addresses.contains(r[5].as_str()),
            "business" => businesses.contains(r[5].as_str()),
            "party" => parties.contains(r[5].as_str()),
            "area" => areas.contains(r[5].as_str()),
            k => panic!("entity kind {k}"),
        };
        assert!(known, "signal {} refers to unknown {} {}", r[0], r[4], r[5]);
        if !r[6].is_empty() {
            assert!(!r[6].contains(','));
            let w: f64 = r[6].parse().unwrap();
            assert!((1.0..=5.0).contains(&w));
        }
        assert!(["melding", "onderzoek", "afgerond"].contains(&r[7].as_str()));
        assert!(!r[8].is_empty());
    }
    assert!(kinds.len() >= 10, "most signal kinds occur: {kinds:?}");
}

fn pattern<'a>(d: &'a Demo, id: &str) -> &'a schouw::generate::Pattern {
    d.manifest
        .patterns
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("pattern {id} missing"))
}

fn buurt_of_address(d: &Demo) -> HashMap<&str, &str> {
    let (i, b) = (d.addresses.col("id"), d.addresses.col("buurt"));
    d.addresses
        .rows
        .iter()
        .map(|r| (r[i].as_str(), r[b].as_str()))
        .collect()
}

#[test]
fn planted_entities_exist() {
    let d = demo();
    let addresses: HashSet<&str> = d.addresses.column("id").into_iter().collect();
    let businesses: HashSet<&str> = d
        .businesses
        .column("vestigingsnummer")
        .into_iter()
        .collect();
    let parties: HashSet<&str> = d.parties.column("id").into_iter().collect();
    let buurten: HashSet<&str> = d
        .areas
        .column("Key")
        .into_iter()
        .filter(|k| k.starts_with("BU"))
        .collect();
    let ids = unique(
        d.manifest.patterns.iter().map(|p| p.id.as_str()),
        "pattern id",
    );
    for id in [
        "veel-inschrijvingen",
        "hennep-cluster",
        "doorverkoop",
        "vastgoed-netwerk",
        "overbewoning",
        "risicobranches",
        "synthetisch-buitengebied",
        "jonge-koper",
    ] {
        assert!(ids.contains(id), "{id} not planted");
    }
    let of_address = buurt_of_address(d);
    for p in &d.manifest.patterns {
        assert!(
            buurten.contains(p.area.as_str()),
            "{}: unknown area {}",
            p.id,
            p.area
        );
        assert!(!p.entities.is_empty() && !p.lens.is_empty() && !p.description.is_empty());
        for e in &p.entities {
            let ok = match e.kind.as_str() {
                "address" => {
                    addresses.contains(e.id.as_str()) && of_address[e.id.as_str()] == p.area
                }
                "business" => businesses.contains(e.id.as_str()),
                "party" => parties.contains(e.id.as_str()),
                _ => false,
            };
            assert!(
                ok,
                "{}: {} {} missing or outside {}",
                p.id, e.kind, e.id, p.area
            );
        }
    }
}

#[test]
fn planted_address_has_many_registrations() {
    let d = demo();
    let p = pattern(d, "veel-inschrijvingen");
    let addr = &p.entities.iter().find(|e| e.kind == "address").unwrap().id;
    let (a, k) = (d.businesses.col("address_id"), d.businesses.col("kvk"));
    let kvks: HashSet<&str> = d
        .businesses
        .rows
        .iter()
        .filter(|r| &r[a] == addr)
        .map(|r| r[k].as_str())
        .collect();
    assert!(kvks.len() >= 8, "{} KvK numbers at {addr}", kvks.len());
    let uses = &d.addresses.rows.iter().find(|r| &r[0] == addr).unwrap()[9];
    assert_eq!(uses, "woonfunctie");
}

fn signals_per_buurt(d: &Demo, kinds: &[&str]) -> HashMap<String, usize> {
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

#[test]
fn planted_hennep_cluster_stands_out() {
    let d = demo();
    let p = pattern(d, "hennep-cluster");
    assert_eq!(p.lens, "hennep");
    let counts = signals_per_buurt(d, &["hennep_ontmanteld", "stroomdiefstal"]);
    let here = counts[&p.area];
    assert!(here >= 10, "{here} hennep signals");
    let runner_up = counts
        .iter()
        .filter(|(k, _)| **k != p.area)
        .map(|(_, v)| *v)
        .max()
        .unwrap_or(0);
    assert!(
        here >= 3 * runner_up.max(1),
        "{here} vs {runner_up} elsewhere"
    );
    assert!(runner_up >= 1, "background hennep elsewhere too");
}

#[test]
fn planted_quick_resale_has_five_rising_transfers_within_24_months() {
    let d = demo();
    let p = pattern(d, "doorverkoop");
    let addr = &p.entities[0].id;
    let mut chain: Vec<&Vec<String>> = d.ownership.rows.iter().filter(|r| &r[0] == addr).collect();
    chain.sort_by(|a, b| a[2].cmp(&b[2]));
    let recent: Vec<&&Vec<String>> = chain
        .iter()
        .filter(|r| r[2].as_str() >= "2022-01-01")
        .collect();
    assert_eq!(recent.len(), 5);
    let first = &recent[0][2];
    let last = &recent[4][2];
    let (fy, fm): (i32, i32) = (first[..4].parse().unwrap(), first[5..7].parse().unwrap());
    let (ly, lm): (i32, i32) = (last[..4].parse().unwrap(), last[5..7].parse().unwrap());
    assert!((ly - fy) * 12 + lm - fm <= 24);
    let prices: Vec<u64> = recent.iter().map(|r| r[4].parse().unwrap()).collect();
    assert!(prices.windows(2).all(|w| w[1] > w[0]), "{prices:?}");
}

#[test]
fn planted_property_network_party_has_many_businesses_and_addresses() {
    let d = demo();
    let p = pattern(d, "vastgoed-netwerk");
    let party = &p.entities.iter().find(|e| e.kind == "party").unwrap().id;
    let kvks: HashSet<&str> = d
        .roles
        .rows
        .iter()
        .filter(|r| &r[0] == party)
        .map(|r| r[1].as_str())
        .collect();
    assert!(kvks.len() >= 10, "{} businesses", kvks.len());
    let owned: HashSet<&str> = d
        .ownership
        .rows
        .iter()
        .filter(|r| &r[1] == party)
        .map(|r| r[0].as_str())
        .collect();
    assert!(owned.len() >= 5, "{} addresses", owned.len());
    let row = d.parties.rows.iter().find(|r| &r[0] == party).unwrap();
    assert_eq!(row[1], "legal");
}

#[test]
fn planted_overcrowding_is_fourteen_on_sixty() {
    let d = demo();
    let p = pattern(d, "overbewoning");
    let rows: Vec<&Vec<String>> = d
        .addresses
        .rows
        .iter()
        .filter(|r| p.entities.iter().any(|e| e.id == r[0]))
        .collect();
    assert!(rows.iter().any(|r| r[11] == "14" && r[10] == "60"));
    // Nowhere else is a dwelling this crowded.
    let crowded = d
        .addresses
        .rows
        .iter()
        .filter(|r| r[11].parse::<f64>().unwrap_or(0.0) / r[10].parse::<f64>().unwrap() > 0.15)
        .count();
    assert_eq!(
        crowded, 3,
        "only the planted dwellings have more than one resident per 6.7 m²"
    );
}

#[test]
fn planted_risk_branches_are_recent_and_concentrated() {
    let d = demo();
    let p = pattern(d, "risicobranches");
    let of_address = buurt_of_address(d);
    let risk = ["96021", "96022", "4742", "4711", "47293", "5630", "9604"];
    let mut per_buurt: HashMap<&str, usize> = HashMap::new();
    for r in &d.businesses.rows {
        if risk.contains(&r[3].as_str()) && r[6].as_str() >= "2023-01-01" {
            *per_buurt.entry(of_address[r[5].as_str()]).or_default() += 1;
        }
    }
    let here = per_buurt[p.area.as_str()];
    let others = per_buurt
        .iter()
        .filter(|(k, _)| **k != p.area)
        .map(|(_, v)| *v)
        .max()
        .unwrap_or(0);
    assert!(
        here >= 40 && here >= 2 * others.max(1),
        "{here} vs {others}"
    );
}

#[test]
fn planted_synthetic_signals_lie_outside_town() {
    let d = demo();
    let p = pattern(d, "synthetisch-buitengebied");
    assert_eq!(p.lens, "synthetisch");
    let counts = signals_per_buurt(d, &["drugslab", "drugsdumping"]);
    assert!(counts[&p.area] >= 5);
    let title = d.areas.rows.iter().find(|r| r[0] == p.area).unwrap()[1].clone();
    assert!(title.contains("Buitengebied"), "{title}");
}

#[test]
fn planted_young_buyer_bought_within_six_months() {
    let d = demo();
    let p = pattern(d, "jonge-koper");
    let party = &p.entities.iter().find(|e| e.kind == "party").unwrap().id;
    let registered = &d.parties.rows.iter().find(|r| &r[0] == party).unwrap()[4];
    let acquired = &d.ownership.rows.iter().find(|r| &r[1] == party).unwrap()[2];
    let months = |s: &str| s[..4].parse::<i32>().unwrap() * 12 + s[5..7].parse::<i32>().unwrap();
    let gap = months(acquired) - months(registered);
    assert!((0..6).contains(&gap), "{registered} → {acquired}");
}

/// National scale, run by hand to measure time and memory:
/// `SCHOUW_GEN_NATIONAL=/tmp/nat cargo test --release --test gen national_by_hand -- --ignored`
#[test]
#[ignore = "national scale takes minutes; run by hand"]
fn national_by_hand() {
    let Some(dir) = std::env::var_os("SCHOUW_GEN_NATIONAL") else {
        return;
    };
    let t = std::time::Instant::now();
    let s = generate(&GenOptions {
        dir: dir.into(),
        scale: Scale::National,
        seed: 1,
    })
    .unwrap();
    eprintln!("{s:?} in {:?}", t.elapsed());
}
