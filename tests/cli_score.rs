//! `schouw score` and `schouw flags` as a user runs them, on a database built by importing
//! small CSV files: JSON shape and order, the table within 100 columns, the explanation with
//! peildatum and sources, CSV cells neutralised, flags with evidence, `lens check --db`.

#[path = "support/proef.rs"]
mod proef;

use proef::{database, schouw};

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
    // The list names addresses: without a purpose nothing is shown.
    let (ok, out, err) = schouw(&["flags", &db, "--lens", "hennep"], dir.path());
    assert!(!ok && out.is_empty(), "{out}");
    assert!(err.contains("--purpose"), "{err}");
    let (ok, out, err) = schouw(
        &[
            "flags",
            &db,
            "--lens",
            "hennep",
            "--format",
            "json",
            "--purpose",
            "zaak 2026-3",
        ],
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
        &[
            "flags",
            &db,
            "--lens",
            "hennep",
            "--area",
            "BU99010003",
            "--purpose",
            "zaak 2026-3",
        ],
        dir.path(),
    );
    assert!(ok);
    assert!(out.contains("9901200000000003"), "{out}");
    assert!(!out.contains("9901200000000001"), "{out}");

    // Each listing is in the audit log with lens, purpose and row count; the refused one
    // is not.
    let log = schouw::audit::log_path(std::path::Path::new(&db));
    let listed: Vec<schouw::audit::Record> = schouw::audit::read_rows(&log)
        .unwrap()
        .iter()
        .map(schouw::audit::Record::from_row)
        .filter(|r| r.action == "list_flags")
        .collect();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[0].object, "lens:hennep");
    assert_eq!(listed[0].purpose.as_deref(), Some("zaak 2026-3"));
    assert_eq!(listed[0].rows, Some(flags.len() as i64));
    assert!(listed[1].rows < listed[0].rows, "{listed:?}");

    let (ok, out, _) = schouw(&["lens", "check", "--db", &db], dir.path());
    assert!(ok, "{out}");
    assert!(out.contains("0 error(s)"), "{out}");
}
