//! Imports the real public CBS files in `../shared/data` (never copied into this repository)
//! with the `cbs`, `areas` and `sbi` profiles, and checks counts and known values. Skipped
//! when the data directory is absent.

use std::path::{Path, PathBuf};

use schouw::cli::ImportKind;
use schouw::import::{ImportOptions, Outcome, Summary, import_file};
use schouw::model::{AreaCode, AreaLevel};
use schouw::store::Store;

fn data_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: ../shared/data not found");
        None
    }
}

fn opts() -> ImportOptions {
    ImportOptions::new("test", "2026-01-01T00:00:00Z")
}

fn run(store: &mut Store, kind: ImportKind, path: &Path) -> Outcome {
    import_file(store, kind, path, &opts(), &mut |_, _| {})
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import(store: &mut Store, kind: ImportKind, path: &Path) -> Summary {
    match run(store, kind, path) {
        Outcome::Imported(s) => {
            println!(
                "{}: {} rows, {:?}; {:?}",
                path.display(),
                s.rows,
                s.counts,
                s.notes
            );
            s
        }
        other => panic!("{}: not imported: {other:?}", path.display()),
    }
}

fn code(s: &str) -> AreaCode {
    AreaCode::parse(s).unwrap()
}

fn areas(store: &Store, year: i32, level: &str) -> u64 {
    store
        .info()
        .unwrap()
        .areas
        .iter()
        .find(|a| a.year == year && a.level == level)
        .map(|a| a.areas)
        .unwrap_or(0)
}

fn stat(store: &Store, area: &str, year: i32, key: &str) -> Option<Option<f64>> {
    store.stat_value(&code(area), year, key).unwrap()
}

#[test]
fn real_cbs_area_and_sbi_files() {
    let Some(data) = data_dir() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_or_create(&dir.path().join("schouw.db")).unwrap();

    // The 2024 area list: 1 NL + 342 GM + 3,393 WK + 14,574 BU.
    let list = data.join("geo/wijken_en_buurten_2024.csv");
    let s = import(&mut store, ImportKind::Areas, &list);
    assert_eq!(s.rows, 1 + 342 + 3393 + 14574);
    assert_eq!(areas(&store, 2024, "land"), 1);
    assert_eq!(areas(&store, 2024, "gemeente"), 342);
    assert_eq!(areas(&store, 2024, "wijk"), 3393);
    assert_eq!(areas(&store, 2024, "buurt"), 14574);
    let bu = store.area(&code("BU16800000"), 2024).unwrap().unwrap();
    assert_eq!(bu.name, "Annen");
    assert_eq!(bu.parent, Some(code("WK168000")));

    // Population of all buurten, without names: references the list, adds no areas.
    let pop = data.join("kwb/kwb2024_buurt_population.csv");
    import(&mut store, ImportKind::Cbs, &pop);
    assert_eq!(areas(&store, 2024, "buurt"), 14574);
    assert_eq!(
        store
            .stat_coverage("population", 2024, AreaLevel::Buurt)
            .unwrap(),
        (14574, 14574)
    );
    assert_eq!(
        store.area(&code("BU16800000"), 2024).unwrap().unwrap().name,
        "Annen"
    );
    assert_eq!(
        stat(&store, "BU16800000", 2024, "population"),
        Some(Some(3455.0))
    );

    // Gemeenten and wijken 2024 with 8 statistics; empty cells are missing.
    let basic = data.join("kwb/kwb2024_gemeente_wijk_basic.csv");
    import(&mut store, ImportKind::Cbs, &basic);
    assert_eq!(areas(&store, 2024, "gemeente"), 342);
    assert_eq!(areas(&store, 2024, "wijk"), 3393);
    let (n, _) = store
        .stat_coverage("aantalinwoners_5", 2024, AreaLevel::Gemeente)
        .unwrap();
    assert_eq!(n, 342);

    // KWB 2023 Utrecht: 1 gemeente + 10 wijken + 111 buurten.
    let kwb23 = data.join("kwb/kwb2023_utrecht.csv");
    let s = import(&mut store, ImportKind::Cbs, &kwb23);
    assert_eq!(s.rows, 122);
    assert_eq!(areas(&store, 2023, "gemeente"), 1);
    assert_eq!(areas(&store, 2023, "wijk"), 10);
    assert_eq!(areas(&store, 2023, "buurt"), 111);
    assert_eq!(stat(&store, "GM0344", 2023, "a_inw"), Some(Some(367947.0)));
    assert_eq!(
        stat(&store, "GM0344", 2023, "a_woning"),
        Some(Some(165400.0))
    );
    // A `.` cell is stored as NULL, not as 0.
    assert_eq!(stat(&store, "GM0344", 2023, "g_ink_pi"), Some(None));
    assert_eq!(
        store
            .stat_coverage("a_inw", 2023, AreaLevel::Buurt)
            .unwrap()
            .0,
        111
    );
    // Importing the same bytes again changes nothing.
    assert!(matches!(
        run(&mut store, ImportKind::Cbs, &kwb23),
        Outcome::AlreadyImported(_)
    ));

    let kwb24 = data.join("kwb/kwb2024_utrecht.csv");
    import(&mut store, ImportKind::Cbs, &kwb24);
    assert_eq!(stat(&store, "GM0344", 2024, "a_inw"), Some(Some(374238.0)));
    assert_eq!(areas(&store, 2024, "buurt"), 14574);

    // The 2017 shapefile attributes: older upper-case codes, -99999999 missing, geometry
    // skipped.
    let gro_bu = data.join("kwb/kwb2017_groningen_buurt.csv");
    let s = import(&mut store, ImportKind::Cbs, &gro_bu);
    assert!(
        s.notes.iter().any(|n| n.contains("`geometry`")),
        "{:?}",
        s.notes
    );
    assert_eq!(areas(&store, 2017, "buurt"), 108);
    assert_eq!(
        stat(&store, "BU00140000", 2017, "aant_inw"),
        Some(Some(4440.0))
    );
    assert_eq!(stat(&store, "BU00140000", 2017, "geometry"), None);
    let gro_wk = data.join("kwb/kwb2017_groningen_wijk.csv");
    import(&mut store, ImportKind::Cbs, &gro_wk);
    assert_eq!(areas(&store, 2017, "wijk"), 15);
    assert_eq!(
        stat(&store, "WK001400", 2017, "aant_inw"),
        Some(Some(22635.0))
    );

    // StatLine exports: padded codes and numbers, padded `.` as NULL, a real 0 kept.
    let ses = data.join("kwb/ses_woa_2019_amsterdam_statline.csv");
    import(&mut store, ImportKind::Cbs, &ses);
    let hh = "particuliere_huishoudens_aantal";
    assert_eq!(stat(&store, "GM0363", 2019, hh), Some(Some(457400.0)));
    assert_eq!(
        stat(
            &store,
            "GM0363",
            2019,
            "ses_woa_totaalscore_gemiddelde_score_getal"
        ),
        Some(Some(-0.1))
    );
    assert_eq!(stat(&store, "BU03630100", 2019, hh), Some(Some(0.0)));
    assert_eq!(
        stat(&store, "BU03630100", 2019, "opleidingsniveau_laag_waarde"),
        Some(None)
    );
    assert_eq!(
        store.stat_label(hh).unwrap().as_deref(),
        Some("Particuliere huishoudens (Aantal)")
    );
    let nab = data.join("kwb/nabijheid_2023_utrecht_statline.csv");
    let s = import(&mut store, ImportKind::Cbs, &nab);
    assert_eq!(s.rows, 123);
    assert_eq!(areas(&store, 2023, "land"), 1);
    assert_eq!(areas(&store, 2023, "buurt"), 111);
    assert_eq!(
        stat(&store, "GM0344", 2023, "afstand_tot_brandweerkazerne_km"),
        Some(None)
    );

    // The nlstat flat file: processed by a third party, but a CBS table by its form.
    let nlstat = data.join("kwb/kwb2021_gemeente_nlstat_flat.csv");
    let s = import(&mut store, ImportKind::Cbs, &nlstat);
    assert!(
        s.notes.iter().any(|n| n.contains("`provincie`")),
        "{:?}",
        s.notes
    );
    assert_eq!(areas(&store, 2021, "gemeente"), 352);

    // SBI 2008 (version 2018): 1,455 codes.
    let sbi = data.join("sbi/sbi2008_versie2018.csv");
    let s = import(&mut store, ImportKind::Sbi, &sbi);
    assert_eq!(s.rows, 1455);
    let tables = store.info().unwrap().tables;
    let sbi_rows = tables.iter().find(|t| t.table == "sbi_codes").unwrap().rows;
    assert_eq!(sbi_rows, 1455);
    let hair = store.sbi_entry("96021").unwrap().unwrap();
    assert_eq!(
        (hair.dotted.as_str(), hair.section.as_str()),
        ("96.02.1", "S")
    );
    assert_eq!(store.sbi_entry("A").unwrap().unwrap().level, "section");
    assert!(matches!(
        run(&mut store, ImportKind::Sbi, &sbi),
        Outcome::AlreadyImported(_)
    ));

    // A file that is not a CBS table is refused with one clear message.
    let crime = data.join("crime/crime2023_gemeente_brengdelicten_bernasco.csv");
    let e = import_file(&mut store, ImportKind::Cbs, &crime, &opts(), &mut |_, _| {})
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("this is not a CBS table"), "{e}");
}
