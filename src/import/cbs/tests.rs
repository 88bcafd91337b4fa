//! Tests of the `cbs` profile on small inline fixtures.

use crate::import::testing::{import, import_err};
use crate::model::{AreaCode, AreaLevel};
use crate::store::Store;

fn code(s: &str) -> AreaCode {
    AreaCode::parse(s).unwrap()
}

const KWB: &str = "gwb_code_10,gwb_code_8,regio,gm_naam,recs,gwb_code,ind_wbi,a_inw,g_ink_pi,p_huurw\n\
    GM0344,0344,Utrecht,Utrecht,Gemeente,GM0344,1,367947,.,56\n\
    WK034401,034401,Wijk 01 West,Utrecht,Wijk,WK034401,1,29710,.,61.5\n\
    BU03440111,03440111,Lombok,Utrecht,Buurt,BU03440111,1,4485,.,.\n";

#[test]
fn kwb_table_in_long_form() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = import(&mut store, "cbs", "kwb2023_utrecht.csv", KWB, None);
    assert_eq!(summary.rows, 3);
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("year 2023 taken from the file name")),
        "{:?}",
        summary.notes
    );
    assert_eq!(
        store.stat_value(&code("GM0344"), 2023, "a_inw").unwrap(),
        Some(Some(367947.0))
    );
    assert_eq!(
        store
            .stat_value(&code("WK034401"), 2023, "p_huurw")
            .unwrap(),
        Some(Some(61.5))
    );
    // `.` is stored as missing, never as 0; an all-missing column is still a statistic.
    assert_eq!(
        store
            .stat_value(&code("BU03440111"), 2023, "p_huurw")
            .unwrap(),
        Some(None)
    );
    assert_eq!(
        store
            .stat_coverage("g_ink_pi", 2023, AreaLevel::Buurt)
            .unwrap(),
        (1, 0)
    );
    let bu = store.area(&code("BU03440111"), 2023).unwrap().unwrap();
    assert_eq!(
        (bu.name.as_str(), bu.parent),
        ("Lombok", Some(code("WK034401")))
    );
    assert_eq!(
        store.stat_label("a_inw").unwrap().as_deref(),
        Some("Aantal inwoners")
    );
    assert_eq!(
        store.stat_label("g_ink_pi").unwrap().as_deref(),
        Some("Gemiddeld inkomen per inwoner (x 1 000 euro)")
    );
}

#[test]
fn text_in_a_numeric_column_is_a_problem_with_line_and_column() {
    let text = KWB.replace("4485,.,.", "4485,.,hoog");
    let e = import_err("cbs", "kwb2023_utrecht.csv", &text, None);
    assert!(
        e.contains("line 4, column `p_huurw`: expected a number") && e.contains("found `hoog`"),
        "{e}"
    );
    // Also when the text comes before the first number of the column.
    let text = KWB.replace("367947,.,56", "367947,.,veel");
    let e = import_err("cbs", "kwb2023_utrecht.csv", &text, None);
    assert!(e.contains("line 2, column `p_huurw`"), "{e}");
}

#[test]
fn a_text_only_column_is_not_a_statistic() {
    let mut store = Store::open_in_memory().unwrap();
    let text = ",BU_CODE,BU_NAAM,WK_CODE,GM_CODE,GM_NAAM,WATER,AANT_INW,BEV_DICHTH,geometry,x,y\n\
        0,BU00140000,Binnenstad-Noord,WK001400,GM0014,Groningen,NEE,4440,-99999999,\"POLYGON ((6.5 53.2, 6.6 53.2, 6.5 53.2))\",6.5,53.2\n\
        1,BU00140001,Binnenstad-Zuid,WK001400,GM0014,Groningen,NEE,-99999999.0,11974,\"POLYGON ((6.5 53.2))\",6.5,53.2\n";
    let summary = import(&mut store, "cbs", "kwb2017_groningen_buurt.csv", text, None);
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("not stored as statistics): `WATER`")),
        "{:?}",
        summary.notes
    );
    assert!(
        summary.notes.iter().any(|n| n.contains("`geometry`")),
        "{:?}",
        summary.notes
    );
    let bu = code("BU00140000");
    assert_eq!(store.stat_value(&bu, 2017, "water").unwrap(), None);
    assert_eq!(store.stat_value(&bu, 2017, "geometry").unwrap(), None);
    assert_eq!(
        store.stat_value(&bu, 2017, "aant_inw").unwrap(),
        Some(Some(4440.0))
    );
    assert_eq!(
        store.stat_value(&bu, 2017, "bev_dichth").unwrap(),
        Some(None)
    );
    assert_eq!(
        store
            .stat_value(&code("BU00140001"), 2017, "aant_inw")
            .unwrap(),
        Some(None)
    );
}

#[test]
fn statline_export() {
    let text = "\u{feff}\"Perioden\";\"Wijken en buurten\";\"Regiocode (gemeente, wijk, buurt) (code)\";\"Particuliere huishoudens (Aantal)\";\"SES-WOA/Totaalscore/Gemiddelde score (Getal)\"\n\
        \"2019\";\"Amsterdam\";\"GM0363    \";\"  457400\";\"  -0.100\"\n\
        \"2019\";\"Kop Zeedijk\";\"BU03630000\";\"     700\";\"       .\"\n\
        \"2019\";\"Nederland\";\"NL00      \";\" 7936000\";\"       .\"\n";
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, "cbs", "export.csv", text, None);
    let key = "particuliere_huishoudens_aantal";
    assert_eq!(
        store.stat_value(&code("GM0363"), 2019, key).unwrap(),
        Some(Some(457400.0))
    );
    assert_eq!(
        store
            .stat_value(
                &code("BU03630000"),
                2019,
                "ses_woa_totaalscore_gemiddelde_score_getal"
            )
            .unwrap(),
        Some(None)
    );
    assert_eq!(
        store.stat_label(key).unwrap().as_deref(),
        Some("Particuliere huishoudens (Aantal)")
    );
    let nl = store.area(&code("NL00"), 2019).unwrap().unwrap();
    assert_eq!((nl.name.as_str(), nl.level), ("Nederland", AreaLevel::Land));
}

#[test]
fn a_file_without_names_references_areas() {
    let mut store = Store::open_in_memory().unwrap();
    let named =
        "code,level,naam,gm_code,AantalInwoners_5\nWK168000,Wijk,Wijk 00 Annen,GM1680,3590\n";
    import(&mut store, "cbs", "basic_2024.csv", named, None);
    let plain =
        "\"\",\"nhood_id\",\"population\"\n\"1\",\"BU16800000\",3455\n\"2\",\"WK168000\",3590\n";
    import(&mut store, "cbs", "population_2024.csv", plain, None);
    // Known areas keep their names; unknown ones get their code as name.
    let wk = store.area(&code("WK168000"), 2024).unwrap().unwrap();
    assert_eq!(wk.name, "Wijk 00 Annen");
    let bu = store.area(&code("BU16800000"), 2024).unwrap().unwrap();
    assert_eq!(
        (bu.name.as_str(), bu.parent),
        ("BU16800000", Some(code("WK168000")))
    );
    assert_eq!(
        store
            .stat_value(&code("BU16800000"), 2024, "population")
            .unwrap(),
        Some(Some(3455.0))
    );
    assert_eq!(
        store
            .stat_value(&code("WK168000"), 2024, "aantalinwoners_5")
            .unwrap(),
        Some(Some(3590.0))
    );
}

#[test]
fn jaar_column_and_year_option() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "gwb_code_10,regio,recs,jaar,a_inw\nGM0344,Utrecht,Gemeente,2022,361924\n";
    import(&mut store, "cbs", "kwb2023.csv", text, None);
    assert!(
        store
            .stat_value(&code("GM0344"), 2022, "a_inw")
            .unwrap()
            .is_some()
    );
    let text = "gwb_code_10,regio,recs,a_inw\nGM0344,Utrecht,Gemeente,361924\n";
    import(&mut store, "cbs", "kwb.csv", text, Some(2021));
    assert!(
        store
            .stat_value(&code("GM0344"), 2021, "a_inw")
            .unwrap()
            .is_some()
    );
}

#[test]
fn refusals() {
    // No year anywhere.
    let e = import_err("cbs", "kwb_utrecht.csv", KWB, None);
    assert!(e.contains("pass --year"), "{e}");
    // A bad area code.
    let text = KWB.replace("BU03440111,03440111", "BU0344011,03440111");
    let e = import_err("cbs", "kwb2023.csv", &text, None);
    assert!(
        e.contains("line 4, column `gwb_code_10`: expected a CBS area code")
            && e.contains("BU0344011"),
        "{e}"
    );
    // A level that contradicts the code.
    let text = KWB.replace("Wijk 01 West,Utrecht,Wijk", "Wijk 01 West,Utrecht,Buurt");
    let e = import_err("cbs", "kwb2023.csv", &text, None);
    assert!(
        e.contains("line 3, column `recs`: the level is buurt"),
        "{e}"
    );
    // Not a CBS table.
    let e = import_err(
        "cbs",
        "crime2023.csv",
        "naam,nummer,misdaad\nGroningen,0014,9000\n",
        None,
    );
    assert!(
        e.contains("this is not a CBS table") && e.contains("`nummer`"),
        "{e}"
    );
    // Personal data.
    let e = import_err("cbs", "x2023.csv", "code,bsn\nGM0344,123456782\n", None);
    assert!(e.contains("personal data"), "{e}");
    // The same area twice.
    let text = format!("{KWB}GM0344,0344,Utrecht,Utrecht,Gemeente,GM0344,1,1,.,1\n");
    let e = import_err("cbs", "kwb2023.csv", &text, None);
    assert!(e.contains("line 5") && e.contains("appears twice"), "{e}");
}

#[test]
fn parent_columns_follow_the_nested_codes() {
    let text = "BU_CODE,BU_NAAM,WK_CODE,GM_CODE,AANT_INW\n\
        BU00140000,Binnenstad-Noord,WK001400,GM0014,4440\n\
        BU00140001,Binnenstad-Zuid,WK001401,GM0014,3000\n\
        BU00140002,Binnenstad-Oost,WK001400,GM0015,3000\n";
    let e = import_err("cbs", "buurt2017.csv", text, None);
    assert!(
        e.contains("line 3, column `WK_CODE`: expected WK001400, which encloses BU00140001"),
        "{e}"
    );
    assert!(
        e.contains("line 4, column `GM_CODE`: expected GM0014"),
        "{e}"
    );
    assert!(e.contains("2 problems"), "{e}");
}

#[test]
fn a_new_version_replaces_the_old_one() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, "cbs", "kwb2023_utrecht.csv", KWB, None);
    let fewer: String = KWB.lines().take(3).map(|l| format!("{l}\n")).collect();
    let fewer = fewer.replace("367947", "368000");
    let summary = import(&mut store, "cbs", "kwb2023_utrecht.csv", &fewer, None);
    assert!(summary.counts.replaced.is_some());
    assert!(summary.counts.removed > 0);
    assert_eq!(
        store.stat_value(&code("GM0344"), 2023, "a_inw").unwrap(),
        Some(Some(368000.0))
    );
    assert_eq!(store.area(&code("BU03440111"), 2023).unwrap(), None);
    assert_eq!(
        store
            .stat_value(&code("BU03440111"), 2023, "a_inw")
            .unwrap(),
        None
    );
}
