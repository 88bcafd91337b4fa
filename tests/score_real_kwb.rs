//! The shipped lenses on the real CBS KWB 2023 table of gemeente Utrecht (read from the shared
//! data directory when present; never copied into the repository): stat-only indicators score,
//! entity indicators are absent, and `kwetsbare_wijk` carries enough CBS weight to rank buurten.

use schouw::lens::{self, Quantity, RefDate, ValidateOptions};
use schouw::model::{AreaCode, AreaLevel};
use schouw::score::{AreaInput, IndicatorInput, ScoreOptions, Tier, score_lens};

/// Splits one CSV line with double-quoted fields (the KWB file quotes names with commas).
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            _ => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn kwetsbare_wijk_ranks_real_utrecht_buurten_on_cbs_figures_alone() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/kwb/kwb2023_utrecht.csv"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let mut lines = text.lines();
    let header = fields(lines.next().unwrap());
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let rows: Vec<Vec<String>> = lines
        .map(fields)
        .filter(|r| r[col("recs")] == "Buurt")
        .collect();
    assert_eq!(rows.len(), 111);
    let num = |r: &Vec<String>, k: &str| r[col(k)].trim().parse::<f64>().ok();

    let catalogue = lens::check_embedded(&ValidateOptions::default());
    for checked in &catalogue {
        let lens = checked.lens.as_ref().unwrap();
        if lens.level != AreaLevel::Buurt {
            continue;
        }
        let areas: Vec<AreaInput> = rows
            .iter()
            .map(|r| AreaInput {
                code: AreaCode::parse(&r[col("gwb_code_10")]).unwrap(),
                name: r[col("regio")].as_str().into(),
                level: AreaLevel::Buurt,
                gemeente: AreaCode::parse("GM0344").unwrap(),
                population: num(r, "a_inw"),
                ste_mvs: num(r, "ste_mvs").map(|s| s as u8),
                indicators: lens
                    .indicators
                    .iter()
                    .map(|ind| {
                        let stat = |q: &Quantity| match q {
                            Quantity::Stat(k) => num(r, k),
                            _ => None,
                        };
                        IndicatorInput {
                            numerator: stat(&ind.numerator),
                            denominator: ind.denominator.as_ref().and_then(stat),
                        }
                    })
                    .collect(),
            })
            .collect();
        let options = ScoreOptions::at(RefDate::from_ymd(2023, 12, 31).unwrap());
        let (prepared, scores) = score_lens(lens, areas, &options).unwrap();
        // Ranks are 1..n without gaps, and every scored area has at least half the weight.
        let ranks: Vec<usize> = scores
            .ranking
            .iter()
            .map(|&a| scores.areas[a].rank.unwrap())
            .collect();
        assert_eq!(ranks, (1..=scores.scored()).collect::<Vec<_>>());
        assert!(
            scores
                .areas
                .iter()
                .all(|s| s.composite.is_none() || s.coverage >= 0.5)
        );
        if lens.id == "kwetsbare_wijk" {
            // bijstand (3), arbeidsongeschikt (1), corporatiebezit (1), woz (1) of 11: 55%.
            assert!(scores.scored() > 90, "only {} scored", scores.scored());
            let hoog = scores.areas.iter().filter(|s| s.tier == Tier::Hoog).count();
            assert!((8..=14).contains(&hoog), "{hoog} hoog");
            let first = &prepared.areas[scores.ranking[0]].input;
            let e = prepared.explain(&scores, &first.code).unwrap();
            assert!(e.lines().len() > 8);
            println!("{}", e.lines().join("\n"));
        }
    }
}

/// The same file imported with `schouw::import::import_file` and scored through the store:
/// statistics score, entity data is reported missing (absent, not zero).
#[test]
fn real_utrecht_kwb_through_the_store_reports_missing_entity_data() {
    use schouw::cli::ImportKind;
    use schouw::import::{ImportOptions, Outcome, import_file};
    use schouw::store::{IndicatorOptions, Store};

    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/kwb/kwb2023_utrecht.csv");
    if !path.is_file() {
        println!("skipped: ../shared/data not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_or_create(&dir.path().join("u.db")).unwrap();
    let opts = ImportOptions::new("test", "2026-01-01T00:00:00Z");
    let outcome = import_file(&mut store, ImportKind::Cbs, &path, &opts, &mut |_, _| {}).unwrap();
    assert!(matches!(outcome, Outcome::Imported(_)));

    let lenses: Vec<lens::Lens> = lens::check_embedded(&ValidateOptions::default())
        .into_iter()
        .filter_map(|c| c.lens)
        .filter(|l| l.level == AreaLevel::Buurt)
        .collect();
    let refs: Vec<&lens::Lens> = lenses.iter().collect();
    // No entity data: the peildatum falls back to today.
    let today = RefDate::from_ymd(2026, 1, 1).unwrap();
    let reference = store.default_reference_date(today).unwrap();
    assert_eq!(reference, today);
    let data = store
        .indicator_data(
            &refs,
            &IndicatorOptions {
                level: AreaLevel::Buurt,
                year: None,
                reference,
                within: Some(AreaCode::parse("GM0344").unwrap()),
            },
        )
        .unwrap();
    assert_eq!(data.year, 2023);
    assert_eq!(data.areas.len(), 111);
    for l in &lenses {
        let (_, scores) = score_lens(l, data.inputs(l), &ScoreOptions::at(reference)).unwrap();
        let missing = data.missing(l);
        match l.id.as_str() {
            "kwetsbare_wijk" => {
                assert!(scores.scored() > 90, "only {} scored", scores.scored());
            }
            "hennep" => {
                // Signals absent: reported, and no area scored on zeros.
                assert!(
                    missing
                        .iter()
                        .any(|m| m.indicator == "ontmanteld" && m.what.contains("signalen")),
                    "{missing:?}"
                );
                let inputs = data.inputs(l);
                assert!(inputs.iter().all(|a| a.indicators[0].numerator.is_none()));
                assert!(inputs.iter().all(|a| a.indicators[0].denominator.is_some()));
                assert_eq!(scores.scored(), 0);
                assert!(scores.areas.iter().all(|s| s.tier == Tier::OnvoldoendeData));
            }
            _ => {}
        }
        println!(
            "{}: {} of {} scored; missing: {}",
            l.id,
            scores.scored(),
            scores.areas.len(),
            missing
                .iter()
                .map(|m| format!("{} ({})", m.indicator, m.what))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
}
