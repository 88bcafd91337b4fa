//! Tests of the `roles` profile.

use crate::cli::ImportKind::{Businesses, Parties, Roles};
use crate::import::test_support::{import, refused, store, stored, value};
use crate::store::Store;

fn with_party_and_business() -> Store {
    let mut s = store();
    import(&mut s, Parties, "parties.csv", "id,kind\nNP-1,natural\n").unwrap();
    import(
        &mut s,
        Businesses,
        "kvk.csv",
        "vestigingsnummer,kvk,name\n000012345678,01234567,Kapper\n",
    )
    .unwrap();
    s
}

#[test]
fn roles_import() {
    let mut s = with_party_and_business();
    let text = "partij,kvk_nummer,functie,datum_aanvang,einddatum\nNP-1,01234567,Bestuurder,01-01-2020,\nNP-1,01234567,Gevolmachtigde,2021-01-01,2022-01-01\n";
    assert_eq!(import(&mut s, Roles, "rollen.csv", text).unwrap().rows, 2);
    let rows = stored(&s, "roles");
    assert_eq!(value(&rows[0], "role"), Some("Bestuurder"));
    assert_eq!(value(&rows[0], "started_on"), Some("2020-01-01"));
    assert_eq!(value(&rows[1], "ended_on"), Some("2022-01-01"));
}

#[test]
fn unknown_party_and_kvk_and_dates() {
    let mut s = with_party_and_business();
    let text = "party,kvk,role,started,ended\n\
                NP-9,01234567,Bestuurder,,\n\
                NP-1,07654321,Bestuurder,,\n\
                NP-1,01234567,Bestuurder,2022-01-01,2021-01-01\n\
                NP-1,01234567,,,\n";
    let e = refused(&mut s, Roles, "roles.csv", text);
    for expected in [
        "line 2, column `party`: party NP-9 is not in the database; import the parties first",
        "line 3, column `kvk`: KvK number 07654321 belongs to no imported business; import the businesses first",
        "line 4, column `ended`: this date lies before `started` (2022-01-01)",
        "line 5, column `role`: a value is required",
    ] {
        assert!(e.contains(expected), "missing {expected:?} in\n{e}");
    }
}
