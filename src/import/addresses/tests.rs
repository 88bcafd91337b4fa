//! Tests of the `addresses` profile.

use std::path::Path;

use crate::cli::ImportKind::Addresses;
use crate::import::test_support::{
    import, import_path, refused, rows, seed_areas, store, stored, value,
};

const HEADER: &str =
    "id,object_id,street,number,letter,addition,postcode,city,buurt,uses,surface_m2,residents\n";

fn csv(rows: &[&str]) -> String {
    let mut s = HEADER.to_owned();
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

const A: &str = "0363200000081086,0363010000964973,De Ruijterkade,105,,1,1011 ab,Amsterdam,BU03630000,woonfunctie;winkelfunctie,\"85,5\",2";
const B: &str = "0363200000081087,,De Ruijterkade,107,A,,1011AB,Amsterdam,,,,";
const C: &str =
    "0363200000081088,,Prins Hendrikkade,1,,,1012AB,Amsterdam,BU03630000,kantoorfunctie,120,0";

#[test]
fn canonical_file_imports_with_values_normalised() {
    let mut s = store();
    seed_areas(&mut s, &["BU03630000"]);
    let summary = import(&mut s, Addresses, "addresses.csv", &csv(&[A, B, C])).unwrap();
    assert_eq!(summary.rows, 3);
    assert_eq!(summary.counts.inserted, 3);
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n == "1 of 3 addresses have no buurt; they count in no buurt's score"),
        "{:?}",
        summary.notes
    );
    let rows = stored(&s, "addresses");
    let a = &rows[0];
    assert_eq!(value(a, "id"), Some("0363200000081086"));
    assert_eq!(value(a, "postcode"), Some("1011AB"));
    assert_eq!(value(a, "uses"), Some("woonfunctie,winkelfunctie"));
    assert_eq!(value(a, "surface_m2"), Some("85.5"));
    assert_eq!(value(a, "residents"), Some("2"));
    assert_eq!(value(a, "addition"), Some("1"));
    assert_eq!(value(a, "buurt_code"), Some("BU03630000"));
    assert_eq!(value(a, "line"), Some("2"));
    assert_eq!(value(&rows[1], "letter"), Some("A"));
    assert_eq!(value(&rows[1], "buurt_code"), None);
}

#[test]
fn dutch_aliases_and_flag_columns() {
    let mut s = store();
    let text = "Nummeraanduiding ID;Openbareruimtenaam;Huisnummer;Huisletter;Postcode;Woonplaats;woonfunctie;winkelfunctie;Oppervlakte\n\
                0363200000081086;Damrak;1;b;1012 LG;Amsterdam;1;1;40\n\
                0363200000081087;Damrak;2;;1012LG;Amsterdam;0;0;\n";
    let summary = import(&mut s, Addresses, "bag.csv", text).unwrap();
    assert_eq!(summary.rows, 2);
    assert!(
        summary.notes.iter().any(|n| n.contains("no buurt column")),
        "{:?}",
        summary.notes
    );
    let rows = stored(&s, "addresses");
    let uses: Vec<Option<&str>> = rows.iter().map(|r| value(r, "uses")).collect();
    assert_eq!(uses, [Some("woonfunctie,winkelfunctie"), None]);
}

#[test]
fn every_field_problem_is_listed_with_line_column_and_value() {
    let mut s = store();
    seed_areas(&mut s, &["BU03630000"]);
    let text = csv(&[
        A,
        "363200000081089,,Damrak,0,AB,12345,0123AB,Amsterdam,GM0363,garage,-1,1.5",
        "0363200000081090,,Damrak,5,,,,Amsterdam,BU99990000,,,",
    ]);
    let e = refused(&mut s, Addresses, "addresses.csv", &text);
    for expected in [
        "line 3, column `id`: expected a BAG id of 16 digits; found `363200000081089`",
        "line 3, column `number`: expected a house number from 1 to 99999; found `0`",
        "line 3, column `letter`: expected one house letter like A; found `AB`",
        "line 3, column `addition`: expected a house number addition of 1 to 4 letters or digits",
        "line 3, column `postcode`: expected a postcode like 1234AB",
        "line 3, column `buurt`: expected a CBS buurt code like BU03630000",
        "line 3, column `uses`: expected BAG gebruiksdoelen",
        "line 3, column `surface_m2`: expected a surface in m² of 0 or more",
        "line 3, column `residents`: expected a whole number of 0 or more",
        "line 4, column `buurt`: buurt BU99990000 is not in the database; import the CBS area list or KWB table first; found `BU99990000`",
    ] {
        assert!(e.contains(expected), "missing {expected:?} in\n{e}");
    }
    assert!(e.contains("10 problems found, nothing was imported"), "{e}");
}

#[test]
fn duplicate_ids_name_both_lines() {
    let mut s = store();
    let e = refused(&mut s, Addresses, "addresses.csv", &csv(&[B, C, B]));
    assert!(
        e.contains("line 4: address 0363200000081087 appears twice in this file (first on line 2)"),
        "{e}"
    );
}

#[test]
fn short_bag_export_is_refused_by_name() {
    let mut s = store();
    let text = "openbareruimte;huisnummer;huisletter;huisnummertoevoeging;postcode;woonplaats;object_id;object_type\n\
                De Ruijterkade;105;;1;1011AB;Amsterdam;0363010000964973;VBO\n";
    let e = refused(&mut s, Addresses, "bagadres.csv", text);
    assert!(
        e.contains("missing column `id` (`nummeraanduiding_id`): this looks like the short BAG address export"),
        "{e}"
    );
}

#[test]
fn a_verblijfsobject_id_is_not_an_address_id() {
    let mut s = store();
    let text = "id,object_id,street,number\n0363010000964973,0363200000081086,Damrak,1\n";
    let e = refused(&mut s, Addresses, "addresses.csv", text);
    assert!(
        e.contains("line 2, column `id`: expected a nummeraanduiding id")
            && e.contains("(01 there means a verblijfsobject id); found `0363010000964973`")
            && e.contains("line 2, column `object_id`: expected a verblijfsobject, ligplaats or standplaats id"),
        "{e}"
    );
}

#[test]
fn replace_by_source_counts_inserted_updated_unchanged_removed() {
    let mut s = store();
    seed_areas(&mut s, &["BU03630000"]);
    import(&mut s, Addresses, "addresses.csv", &csv(&[A, B, C])).unwrap();
    let d = "0363200000081099,,Damrak,9,,,1012LG,Amsterdam,,,,";
    let b_changed = B.replace(",107,", ",109,");
    let summary = import(
        &mut s,
        Addresses,
        "addresses.csv",
        &csv(&[&b_changed, C, d]),
    )
    .unwrap();
    // A removed, B changed, C the same, D added.
    assert_eq!(
        (
            summary.counts.inserted,
            summary.counts.updated,
            summary.counts.unchanged,
            summary.counts.removed
        ),
        (1, 1, 1, 1)
    );
    // The unchanged row now belongs to the new version, at its new line.
    let c = stored(&s, "addresses")
        .into_iter()
        .find(|r| value(r, "line") == Some("3"))
        .unwrap();
    assert_eq!(value(&c, "street"), C.split(',').nth(2));
    assert!(summary.counts.replaced.is_some());
    assert_eq!(rows(&s, "addresses"), 3);
    let b = stored(&s, "addresses")
        .into_iter()
        .find(|r| value(r, "id") == Some("0363200000081087"))
        .unwrap();
    assert_eq!(value(&b, "number"), Some("109"));
}

#[test]
fn real_bag_adres_plus_sample_imports() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if !data.is_dir() {
        println!("skipped: ../shared/data not found");
        return;
    }
    let mut s = store();
    let summary = import_path(
        &mut s,
        Addresses,
        &data.join("bag/bag_adres_plus_sample_amsterdam.csv"),
    )
    .unwrap();
    assert_eq!(summary.rows, 99);
    assert_eq!(rows(&s, "addresses"), 99);
    assert!(summary.notes.iter().any(|n| n.contains("delimiter `;`")));
    assert!(summary.notes.iter().any(|n| n.contains("`pand_id`")));
    let first = &stored(&s, "addresses")[0];
    assert_eq!(value(first, "id"), Some("0363200000081086"));
    assert_eq!(value(first, "object_id"), Some("0363010000964973"));
    assert_eq!(value(first, "uses"), Some("kantoorfunctie"));
    assert_eq!(value(first, "surface_m2"), Some("1"));
    let e = import_path(
        &mut s,
        Addresses,
        &data.join("bag/bag_adres_sample_amsterdam.csv"),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("short BAG address export"), "{e}");
}
