//! Tests of the `businesses` profile.

use crate::cli::ImportKind::{Addresses, Businesses};
use crate::import::test_support::{import, refused, seed_sbi, store, stored, value};
use crate::store::Store;

fn with_address() -> Store {
    let mut s = store();
    import(
        &mut s,
        Addresses,
        "addresses.csv",
        "id,street,number\n0363200000081086,Damrak,1\n",
    )
    .unwrap();
    s
}

#[test]
fn dutch_export_imports_and_kvk_leading_zeros_round_trip() {
    let mut s = with_address();
    let text = "Vestigingsnummer;KvK-nummer;Handelsnaam;SBI;Rechtsvorm;Nummeraanduiding ID;Datum inschrijving;Datum uitschrijving;Werkzame personen;Telefoon\n\
                000012345678;01234567;Kapsalon =cmd|' /c calc'!A1;96.02.1;Eenmanszaak;0363200000081086;01-02-2020;;3;0612345678\n\
                000012345679;01234567;Nagelstudio Damrak;9602;;;2021-05-31;31-12-2023;;\n";
    let summary = import(&mut s, Businesses, "kvk.csv", text).unwrap();
    assert_eq!(summary.rows, 2);
    assert!(
        summary.notes.iter().any(|n| n.contains("`Telefoon`")),
        "{:?}",
        summary.notes
    );
    let rows = stored(&s, "businesses");
    let b = &rows[0];
    assert_eq!(value(b, "vestigingsnummer"), Some("000012345678"));
    assert_eq!(value(b, "kvk_nummer"), Some("01234567"));
    assert_eq!(value(b, "name"), Some("Kapsalon =cmd|' /c calc'!A1"));
    assert_eq!(value(b, "sbi_code"), Some("96021"));
    assert_eq!(value(b, "address_id"), Some("0363200000081086"));
    assert_eq!(value(b, "registered_on"), Some("2020-02-01"));
    assert_eq!(value(b, "employees"), Some("3"));
    assert_eq!(value(&rows[1], "ended_on"), Some("2023-12-31"));
    assert_eq!(value(&rows[1], "address_id"), None);
}

#[test]
fn field_problems_and_references() {
    let mut s = with_address();
    seed_sbi(&mut s, &["9602", "96021"]);
    let text = "vestigingsnummer,kvk,name,sbi,address_id,registered,ended,employees\n\
                000012345678,1234567,Kapper,9602,,,,\n\
                12345678,01234567,,4711,0363200000099999,2024-01-01,31-12-2023,-2\n";
    let e = refused(&mut s, Businesses, "kvk.csv", text);
    for expected in [
        "line 2, column `kvk`: expected a KvK number of 8 digits; found `1234567`",
        "line 3, column `vestigingsnummer`: expected a vestigingsnummer of 12 digits; found `12345678`",
        "line 3, column `name`: a value is required",
        "line 3, column `sbi`: SBI code 4711 is not in the imported SBI list; check the code; found `4711`",
        "line 3, column `address_id`: address 0363200000099999 is not in the database; import the addresses first",
        "line 3, column `ended`: this date lies before `registered` (2024-01-01); expected a date on or after it; found `31-12-2023`",
        "line 3, column `employees`: expected a whole number of 0 or more",
    ] {
        assert!(e.contains(expected), "missing {expected:?} in\n{e}");
    }
}

#[test]
fn sbi_codes_are_not_checked_without_an_sbi_list() {
    let mut s = store();
    import(
        &mut s,
        Businesses,
        "kvk.csv",
        "vestigingsnummer,kvk,name,sbi\n000012345678,01234567,Winkel,4711\n",
    )
    .unwrap();
    assert_eq!(
        value(&stored(&s, "businesses")[0], "sbi_code"),
        Some("4711")
    );
}

/// In a bulk load the insert's foreign key finds a missing address; the problem reads as if
/// the address had been looked up first: its column, its value, in the row's order, and
/// before a repeated key.
#[test]
fn missing_addresses_found_by_the_insert_read_as_column_problems() {
    for bulk in [true, false] {
        let mut s = with_address();
        if !bulk {
            import(
                &mut s,
                Businesses,
                "earlier.csv",
                "vestigingsnummer,kvk,name\n000099999999,01234567,Eerder\n",
            )
            .unwrap();
        }
        let text = "vestigingsnummer,kvk,name,address_id,registered,ended\n\
                    000012345678,01234567,Kapper,0363200000099999,,\n\
                    000012345679,01234567,Bakker,0363200000081086,,\n\
                    000012345679,01234567,Bakker,0363200000099998,,\n\
                    000012345670,01234567,Slager,0363200000099997,2024-01-01,31-12-2023\n";
        let e = refused(&mut s, Businesses, "kvk.csv", text);
        let lines: Vec<&str> = e.lines().filter(|l| l.contains("line ")).collect();
        let expected = [
            "line 2, column `address_id`: address 0363200000099999 is not in the database; import the addresses first; found `0363200000099999`",
            "line 4, column `address_id`: address 0363200000099998 is not in the database; import the addresses first; found `0363200000099998`",
            "line 5, column `address_id`: address 0363200000099997 is not in the database; import the addresses first; found `0363200000099997`",
            "line 5, column `ended`: this date lies before `registered` (2024-01-01)",
        ];
        assert_eq!(lines.len(), expected.len(), "bulk {bulk}:\n{e}");
        for (line, expected) in lines.iter().zip(expected) {
            assert!(line.contains(expected), "bulk {bulk}: {expected:?} in\n{e}");
        }
    }
}

#[test]
fn addresses_checked_after_a_bulk_load_are_listed_by_line() {
    let mut s = with_address();
    let text = "vestigingsnummer,kvk,name,address_id\n\
                000012345678,01234567,Kapper,0363200000099998\n\
                000012345679,01234567,Bakker,0363200000081086\n\
                000012345670,0123456,Slager,\n\
                000012345671,01234567,Visboer,0363200000099999\n";
    let e = refused(&mut s, Businesses, "kvk.csv", text);
    let at = |needle: &str| e.find(needle).unwrap_or_else(|| panic!("{needle} in {e}"));
    let first = at(
        "line 2, column `address_id`: address 0363200000099998 is not in the database; import the addresses first",
    );
    let kvk = at("line 4, column `kvk`");
    let last = at("line 5, column `address_id`: address 0363200000099999 is not in the database");
    assert!(first < kvk && kvk < last, "in line order: {e}");
    // Foreign keys were switched off for the load only.
    let on: i64 = s
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(on, 1);
    // A clean file afterwards imports and leaves them on too.
    let good =
        "vestigingsnummer,kvk,name,address_id\n000012345678,01234567,Kapper,0363200000081086\n";
    assert_eq!(import(&mut s, Businesses, "kvk.csv", good).unwrap().rows, 1);
    let on: i64 = s
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(on, 1);
}

#[test]
fn a_bulk_load_with_a_missing_address_is_never_committed() {
    use crate::model::{BagId, Business, KvkNummer, Vestigingsnummer};
    use crate::store::SourceMeta;
    let mut s = with_address();
    let meta = SourceMeta::for_test("businesses", "kvk.csv", "00");
    let mut tx = s.begin_import(&meta).unwrap();
    assert!(tx.checks_references("businesses"));
    let b = Business {
        vestigingsnummer: Vestigingsnummer::parse("000012345678").unwrap(),
        kvk: KvkNummer::parse("01234567").unwrap(),
        name: "Kapper".into(),
        sbi: None,
        legal_form: None,
        address: Some(BagId::parse("0363200000099999").unwrap()),
        registered: None,
        ended: None,
        employees: None,
    };
    // Stored without a check on insert; the commit checks and refuses.
    tx.put_business(&b, 2).unwrap();
    let e = tx.commit(1).unwrap_err().to_string();
    assert!(
        e.contains("line 2: address 0363200000099999 is not in the database"),
        "{e}"
    );
    assert_eq!(rows_of(&s, "businesses"), 0);
}

fn rows_of(s: &Store, table: &str) -> i64 {
    s.conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}
