//! The planted patterns of the demo generator (`planted.json`) seen through their lenses: the
//! generated files are imported as a user would, every lens is computed in one pass, and each
//! pattern's area is checked for its tier and its entities for flags. Every pattern must land
//! in `hoog` of its lens, with at least one of its entities flagged.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use schouw::cli::Scale;
use schouw::generate::{GenOptions, Manifest, generate};
use schouw::import::{ImportOptions, Outcome, import_file};
use schouw::lens::{self, Lens, ValidateOptions};
use schouw::model::{AreaCode, AreaLevel};
use schouw::score::{ScoreOptions, Tier, score_lens};
use schouw::store::{IndicatorOptions, Store};

use schouw::generate::FILES;

fn import_all(store: &mut Store, dir: &Path) {
    let opts = ImportOptions::new("test", "2026-01-01T00:00:00Z");
    for (file, kind) in FILES {
        let path = dir.join(file);
        match import_file(store, *kind, &path, &opts, &mut |_, _| {}) {
            Ok(Outcome::Imported(_)) => {}
            other => panic!("{file}: {other:?}"),
        }
    }
}

#[test]
fn planted_patterns_land_high_and_their_entities_are_flagged() {
    // 1, or `SCHOUW_GEN_TEST_SEED` to check that the patterns hold for other seeds too.
    let seed: u64 = std::env::var("SCHOUW_GEN_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let dir = tempfile::tempdir().unwrap();
    generate(&GenOptions {
        dir: dir.path().to_owned(),
        scale: Scale::Demo,
        seed,
    })
    .unwrap();
    let manifest: Manifest =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("planted.json")).unwrap())
            .unwrap();
    let mut store = Store::open_or_create(&dir.path().join("demo.db")).unwrap();
    import_all(&mut store, dir.path());

    let lenses: Vec<Lens> = lens::check_embedded(&ValidateOptions::default())
        .into_iter()
        .filter_map(|c| c.lens)
        .collect();
    let reference = store
        .default_reference_date(schouw::lens::RefDate::today())
        .unwrap();
    let mut tiers: BTreeMap<(String, String), (Tier, Option<usize>)> = BTreeMap::new();
    for level in [AreaLevel::Buurt, AreaLevel::Wijk, AreaLevel::Gemeente] {
        let at: Vec<&Lens> = lenses.iter().filter(|l| l.level == level).collect();
        if at.is_empty() {
            continue;
        }
        let data = store
            .indicator_data(
                &at,
                &IndicatorOptions {
                    level,
                    year: None,
                    reference,
                    within: None,
                },
            )
            .unwrap();
        for l in at {
            let (prepared, scores) =
                score_lens(l, data.inputs(l), &ScoreOptions::at(reference)).unwrap();
            for (a, row) in prepared.areas.iter().enumerate() {
                tiers.insert(
                    (l.id.clone(), row.input.code.to_string()),
                    (scores.areas[a].tier, scores.areas[a].rank),
                );
            }
        }
    }

    let mut report = Vec::new();
    let mut failures = Vec::new();
    for p in &manifest.patterns {
        let l = lenses
            .iter()
            .find(|l| l.id == p.lens)
            .unwrap_or_else(|| panic!("{}: no lens {}", p.id, p.lens));
        let buurt = AreaCode::parse(&p.area).unwrap();
        let area = match l.level {
            AreaLevel::Wijk => buurt.parent().unwrap(),
            AreaLevel::Gemeente => buurt.gemeente().unwrap(),
            _ => buurt,
        };
        let (tier, rank) = tiers[&(l.id.clone(), area.to_string())];
        let flagged: HashSet<String> = store
            .lens_flags(l, reference)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        let hits = p
            .entities
            .iter()
            .filter(|e| flagged.contains(&e.id))
            .count();
        report.push(format!(
            "{:<28} {:<12} {area} {:<9} rank {:?}, {hits}/{} entities flagged",
            p.id,
            p.lens,
            tier.label(),
            rank,
            p.entities.len()
        ));
        if hits == 0 {
            failures.push(format!("{}: no entity flagged by lens {}", p.id, p.lens));
        }
        if tier != Tier::Hoog {
            failures.push(format!(
                "{}: {area} is {} in {}",
                p.id,
                tier.label(),
                p.lens
            ));
        }
    }
    println!("seed {seed}, peildatum {reference}\n{}", report.join("\n"));
    assert!(failures.is_empty(), "{failures:#?}\n{}", report.join("\n"));
}
