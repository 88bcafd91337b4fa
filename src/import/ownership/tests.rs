//! Tests of the `ownership` profile.

use crate::cli::ImportKind::{Addresses, Ownership, Parties};
use crate::import::test_support::{import, refused, store, stored, value};
use crate::store::Store;

fn with_address_and_party() -> Store {
    let mut s = store();
    import(
        &mut s,
        Addresses,
        "addresses.csv",
        "id,street,number\n0363200000081086,Damrak,1\n",
    )
    .unwrap();
    import(
        &mut s,
        Parties,
        "parties.csv",
        "id,kind\nNP-1,natural\nRP-1,legal\n",
    )
    .unwrap();
    s
}

#[test]
fn prices_in_dutch_notation() {
    let mut s = with_address_and_party();
    let text = "nummeraanduiding_id;eigenaar;datum_verkrijging;einddatum;koopsom\n\
                0363200000081086;NP-1;01-02-2015;2020-06-30;€ 1.234.567,89\n\
                0363200000081086;RP-1;2020-06-30;;250000\n\
                0363200000081086;NP-1;2010-01-01;2015-02-01;\"350000,5\"\n";
    assert_eq!(
        import(&mut s, Ownership, "kadaster.csv", text)
            .unwrap()
            .rows,
        3
    );
    let rows = stored(&s, "ownership");
    assert_eq!(value(&rows[0], "price"), Some("1234567.89"));
    assert_eq!(value(&rows[0], "acquired_on"), Some("2015-02-01"));
    assert_eq!(value(&rows[1], "price"), Some("250000"));
    assert_eq!(value(&rows[2], "price"), Some("350000.5"));
}

#[test]
fn bad_prices_dates_and_references() {
    let mut s = with_address_and_party();
    let text = "address_id,party,acquired,ended,price\n\
                0363200000081086,NP-1,2020-01-01,,250.000\n\
                0363200000081086,NP-1,2021-01-01,,NaN\n\
                0363200000081086,NP-1,2022-01-01,,-5\n\
                0363200000099999,NP-2,31-02-2022,,\n\
                0363200000081086,NP-1,2023-01-01,2022-12-31,\n";
    let e = refused(&mut s, Ownership, "ownership.csv", text);
    for expected in [
        "line 2, column `price`: expected an unambiguous number: 1.234 could mean 1234 or 1,234; write 1234 or 1,234; found `250.000`",
        "line 3, column `price`: expected a number like 3,5 or 1.234,56 (decimal comma) or 3.5; found `NaN`",
        "line 4, column `price`: expected a price in euro of 0 or more",
        "line 5, column `address_id`: address 0363200000099999 is not in the database; import the addresses first",
        "line 5, column `party`: party NP-2 is not in the database; import the parties first",
        "line 5, column `acquired`: expected a date like 2024-03-31 or 31-03-2024; found `31-02-2022`",
        "line 6, column `ended`: this date lies before `acquired` (2023-01-01)",
    ] {
        assert!(e.contains(expected), "missing {expected:?} in\n{e}");
    }
}
