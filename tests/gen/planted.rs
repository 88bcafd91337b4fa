//! The planted patterns of `planted.json`: every entity exists, and each pattern stands out
//! from the same kind of buurt the way its lens should see it.

use std::collections::{HashMap, HashSet};

use crate::support::{buurt_of_address, demo, pattern, signals_per_buurt, unique};

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
