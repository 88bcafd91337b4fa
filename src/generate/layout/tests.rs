//! Tests of the generated area tree: the shape of each scale, valid codes, fictional names.

use super::*;
use std::collections::HashSet;

fn codes_ok(layout: &Layout) {
    let mut seen = HashSet::new();
    for b in &layout.buurten {
        let code = crate::model::AreaCode::parse(&b.code).unwrap();
        assert_eq!(code.as_str(), b.code);
        assert!(seen.insert(b.code.clone()), "duplicate {}", b.code);
        assert_eq!(code.parent().unwrap().as_str(), layout.wijken[b.wijk].code);
        let wijk = crate::model::AreaCode::parse(&layout.wijken[b.wijk].code).unwrap();
        assert_eq!(
            wijk.parent().unwrap().as_str(),
            layout.gemeenten[b.gemeente].code
        );
    }
}

#[test]
fn scales_have_the_promised_shape() {
    let demo = build(Scale::Demo, 1);
    assert_eq!(demo.gemeenten.len(), 2);
    assert!((35..=45).contains(&demo.buurten.len()));
    for kind in [
        Kind::Binnenstad,
        Kind::Woonwijk,
        Kind::Sociaal,
        Kind::Bedrijventerrein,
        Kind::Buitengebied,
        Kind::Vakantiepark,
    ] {
        assert!(demo.buurten.iter().any(|b| b.kind == kind), "{kind:?}");
    }
    codes_ok(&demo);
    let region = build(Scale::Region, 1);
    assert_eq!(region.gemeenten.len(), 10);
    assert!(
        (250..=350).contains(&region.buurten.len()),
        "{}",
        region.buurten.len()
    );
    codes_ok(&region);
    let national = build(Scale::National, 1);
    assert_eq!(national.gemeenten.len(), 100);
    assert_eq!(national.buurten.len(), 14_500);
    assert!(
        national
            .buurten
            .iter()
            .any(|b| !b.code[6..].bytes().all(|c| c.is_ascii_digit()))
    );
    codes_ok(&national);
    let planned: u64 = national
        .buurten
        .iter()
        .map(|b| u64::from(b.dwellings + b.others))
        .sum();
    assert!(
        (7_500_000..=10_500_000).contains(&planned),
        "{planned} addresses"
    );
    let pc4: HashSet<u32> = national.wijken.iter().map(|w| w.pc4).collect();
    assert_eq!(pc4.len(), national.wijken.len());
    assert!(
        national
            .wijken
            .iter()
            .all(|w| (1000..=9998).contains(&w.pc4))
    );
}

/// Generated gemeente and woonplaats names must not be real gemeente names.
#[test]
fn names_are_not_real_gemeenten() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/geo/wijken_en_buurten_2024.csv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let real: HashSet<String> = text
        .lines()
        .filter(|l| l.starts_with("\"GM") || l.starts_with("GM"))
        .filter_map(|l| l.split(',').nth(1))
        .map(|t| t.trim_matches('"').trim().to_lowercase())
        .collect();
    assert!(real.len() > 300, "read {} real gemeente names", real.len());
    for scale in [Scale::Demo, Scale::Region, Scale::National] {
        let l = build(scale, 1);
        for name in l
            .gemeenten
            .iter()
            .map(|g| &g.name)
            .chain(l.wijken.iter().map(|w| &w.city))
        {
            assert!(
                !real.contains(&name.to_lowercase()),
                "{name} is a real gemeente"
            );
        }
    }
}
