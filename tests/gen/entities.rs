//! The entity files: valid keys in the official forms, no duplicates, and every reference
//! (buurt, address, KvK number, party, signal target) pointing at a row that exists.

use std::collections::{HashMap, HashSet};

use schouw::model::{
    AreaCode, AreaLevel, BagId, KvkNummer, Postcode, Vestigingsnummer, parse_date,
};

use crate::support::{demo, unique};

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
