//! `schouw score` and `schouw flags` as a user runs them, on a database built by importing
//! small CSV files: JSON shape and order, the table within 100 columns, the explanation with
//! peildatum and sources, CSV cells neutralised, flags with evidence, `lens check --db`.

use std::path::Path;
use std::process::Command;

fn schouw(args: &[&str], home: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_schouw"))
        .args(args)
        .env("XDG_CONFIG_HOME", home)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const KWB: &str = "gwb_code_10,gwb_code_8,regio,gm_naam,recs,gwb_code,ind_wbi,a_inw,a_woning,ste_mvs,p_ov_hw,g_wozbag,p_hh_li\n\
GM9901,9901,Proefstad,Proefstad,Gemeente,GM9901,1,8000,4000,2,10,300,10\n\
WK990100,990100,Wijk 00,Proefstad,Wijk,WK990100,1,8000,4000,2,10,300,10\n\
BU99010001,99010001,\"Oost, Noord\",Proefstad,Buurt,BU99010001,1,2000,1000,2,30,200,20\n\
BU99010002,99010002,West,Proefstad,Buurt,BU99010002,1,2000,1000,2,10,300,10\n\
BU99010003,99010003,Zuid,Proefstad,Buurt,BU99010003,1,2000,1000,2,5,400,5\n\
BU99010004,99010004,=HYPERLINK(1),Proefstad,Buurt,BU99010004,1,2000,1000,2,8,350,8\n";

const ADDRESSES: &str = "id,object_id,street,number,letter,addition,postcode,city,buurt,uses,surface_m2,residents\n\
9901200000000001,,Proefstraat,1,,,,Proefstad,BU99010001,woonfunctie,80,2\n\
9901200000000002,,Proefstraat,2,,,,Proefstad,BU99010002,woonfunctie,80,2\n\
9901200000000003,,Proefstraat,3,,,,Proefstad,BU99010003,woonfunctie,80,2\n";

const SIGNALS: &str = "id,source,kind,date,entity_kind,entity_id\n\
S1,politie,hennep_ontmanteld,2024-03-01,address,9901200000000001\n\
S2,politie,hennep_ontmanteld,2024-05-01,address,9901200000000001\n\
S3,netbeheerder,stroomdiefstal,2024-04-01,address,9901200000000001\n\
S4,politie,hennep_vermoeden,2020-01-01,address,9901200000000003\n";

fn database(dir: &Path) -> String {
    let db = dir.join("proef.db");
    let db_s = db.to_str().unwrap().to_owned();
    for (kind, name, text) in [
        ("cbs", "kwb2024.csv", KWB),
        ("addresses", "adressen.csv", ADDRESSES),
        ("signals", "signalen.csv", SIGNALS),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let (ok, out, err) = schouw(&["import", &db_s, kind, file.to_str().unwrap()], dir);
        assert!(ok, "{kind}: {out}{err}");
    }
    db_s
}

#[test]
fn score_json_table_explain_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());

    let (ok, out, err) = schouw(
        &["score", &db, "--lens", "hennep", "--format", "json"],
        dir.path(),
    );
    assert!(ok, "{err}");
    let areas: serde_json::Value = serde_json::from_str(&out).unwrap();
    let areas = areas.as_array().unwrap();
    assert_eq!(areas.len(), 4);
    let first = &areas[0];
    // Buurt 0001: most kwekerijen, stroomdiefstal, rent, lowest WOZ, most low incomes.
    assert_eq!(first["area"], "BU99010001");
    assert_eq!(first["rank"], 1);
    assert_eq!(first["level"], "buurt");
    assert_eq!(first["reference_date"], "2024-05-01");
    for key in ["name", "score", "tier", "coverage", "indicators"] {
        assert!(first.get(key).is_some(), "{key} missing");
    }
    let ontmanteld = &first["indicators"][0];
    assert_eq!(ontmanteld["id"], "ontmanteld");
    assert_eq!(ontmanteld["numerator"], 2.0);
    assert_eq!(ontmanteld["denominator"], 1000.0);
    assert_eq!(ontmanteld["value"], 2.0);
    for key in ["normalized", "weight", "contribution"] {
        assert!(ontmanteld.get(key).is_some(), "{key} missing");
    }

    let (ok, out, _) = schouw(&["score", &db, "--lens", "hennep"], dir.path());
    assert!(ok);
    assert!(out.contains("peildatum 2024-05-01"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
    assert!(out.contains("BU99010001"), "{out}");

    let (ok, out, _) = schouw(
        &[
            "score",
            &db,
            "--lens",
            "hennep",
            "--explain",
            "BU99010001",
            "--as-of",
            "2024-06-30",
        ],
        dir.path(),
    );
    assert!(ok);
    assert!(out.contains("peildatum 2024-06-30"), "{out}");
    assert!(out.contains("--as-of"), "{out}");
    assert!(out.contains("Gegevensbronnen"), "{out}");
    assert!(out.contains("kwb2024.csv"), "{out}");

    let (ok, out, _) = schouw(
        &["score", &db, "--lens", "hennep", "--format", "csv"],
        dir.path(),
    );
    assert!(ok);
    assert!(out.contains("'=HYPERLINK(1)"), "{out}");
    assert!(out.contains("\"Oost, Noord\""), "{out}");

    // The wijk: counts of its buurten, statistics of the wijk row.
    let (ok, out, err) = schouw(
        &[
            "score", &db, "--lens", "hennep", "--level", "wijk", "--format", "json",
        ],
        dir.path(),
    );
    assert!(ok, "{err}");
    let wijken: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(wijken[0]["area"], "WK990100");
    assert_eq!(wijken[0]["indicators"][0]["numerator"], 2.0);

    // A database without businesses or ownership: the dekmantel lens says what is missing.
    let (ok, _, err) = schouw(&["score", &db, "--lens", "dekmantel"], dir.path());
    assert!(ok);
    assert!(err.contains("niet geïmporteerd: vestigingen"), "{err}");

    let (ok, _, err) = schouw(&["score", &db, "--lens", "geen_lens"], dir.path());
    assert!(!ok);
    assert!(err.contains("available: "), "{err}");
}

#[test]
fn flags_with_evidence_and_area_filter() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let (ok, out, err) = schouw(
        &["flags", &db, "--lens", "hennep", "--format", "json"],
        dir.path(),
    );
    assert!(ok, "{err}");
    let flags: serde_json::Value = serde_json::from_str(&out).unwrap();
    let flags = flags.as_array().unwrap();
    let historie: Vec<_> = flags
        .iter()
        .filter(|f| f["flag"] == "hennep_historie")
        .collect();
    // Address 1 (two kwekerijen) and address 3 (one vermoeden in 2020, within 60 months).
    assert_eq!(historie.len(), 2, "{out}");
    assert_eq!(historie[0]["id"], "9901200000000001");
    assert_eq!(historie[0]["buurten"][0], "BU99010001");
    assert_eq!(
        historie[0]["evidence"][0],
        "2 signalen (hennep_ontmanteld) in 60 maanden"
    );

    let (ok, out, _) = schouw(
        &["flags", &db, "--lens", "hennep", "--area", "BU99010003"],
        dir.path(),
    );
    assert!(ok);
    assert!(out.contains("9901200000000003"), "{out}");
    assert!(!out.contains("9901200000000001"), "{out}");

    let (ok, out, _) = schouw(&["lens", "check", "--db", &db], dir.path());
    assert!(ok, "{out}");
    assert!(out.contains("0 error(s)"), "{out}");
}
