//! The area files: areas.csv (fictional GM99 codes, nesting), sbi.csv (sections and every code
//! used) and cbs.csv (KWB columns, sums that add up, missing cells written as `.`).

use std::collections::{HashMap, HashSet};

use schouw::model::{AreaCode, AreaLevel, SbiCode};

use crate::support::{demo, unique};

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
