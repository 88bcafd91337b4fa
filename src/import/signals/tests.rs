//! Tests of the `signals` profile.

use crate::cli::ImportKind::{Addresses, Businesses, Parties, Signals};
use crate::import::test_support::{import, refused, seed_areas, store, stored, value};
use crate::store::Store;

fn with_entities() -> Store {
    let mut s = store();
    seed_areas(&mut s, &["GM0363", "BU03630000"]);
    import(
        &mut s,
        Addresses,
        "addresses.csv",
        "id,street,number\n0363200000081086,Damrak,1\n",
    )
    .unwrap();
    import(
        &mut s,
        Businesses,
        "kvk.csv",
        "vestigingsnummer,kvk,name\n000012345678,01234567,Kapper\n",
    )
    .unwrap();
    import(&mut s, Parties, "parties.csv", "id,kind\nNP-1,natural\n").unwrap();
    s
}

#[test]
fn full_form_with_dutch_kinds() {
    let mut s = with_entities();
    let text = "id;bron;soort;datum;entity_kind;entity_id;weging;fase;omschrijving\n\
                S1;politie;hennep_ontmanteld;01-03-2024;adres;0363200000081086;\"0,8\";2;Kwekerij op zolder\n\
                S2;gemeente;overlast;2024-03-02;vestiging;000012345678;;;\n\
                S3;mma;melding;2024-03-03;partij;NP-1;;;\n\
                S4;toezicht;controle;2024-03-04;gebied;bu03630000;;;\n";
    assert_eq!(
        import(&mut s, Signals, "signalen.csv", text).unwrap().rows,
        4
    );
    let rows = stored(&s, "signals");
    assert_eq!(value(&rows[0], "entity_kind"), Some("address"));
    assert_eq!(value(&rows[0], "weight"), Some("0.8"));
    assert_eq!(value(&rows[0], "date"), Some("2024-03-01"));
    assert_eq!(value(&rows[1], "entity_kind"), Some("business"));
    assert_eq!(value(&rows[2], "entity_id"), Some("NP-1"));
    assert_eq!(value(&rows[3], "entity_id"), Some("BU03630000"));
}

#[test]
fn compact_form() {
    let mut s = with_entities();
    let text = "id,source,kind,date,address_id,vestigingsnummer,party\n\
                S1,politie,drugslab,2024-01-01,0363200000081086,,\n\
                S2,politie,drugslab,2024-01-01,,000012345678,\n\
                S3,politie,drugslab,2024-01-01,,,NP-1\n";
    import(&mut s, Signals, "signals.csv", text).unwrap();
    let kinds: Vec<_> = stored(&s, "signals")
        .iter()
        .map(|r| value(r, "entity_kind").map(str::to_owned))
        .collect();
    assert_eq!(
        kinds,
        [
            Some("address".into()),
            Some("business".into()),
            Some("party".into())
        ]
    );
}

#[test]
fn entity_problems_and_long_text() {
    let mut s = with_entities();
    let long = "x".repeat(501);
    let text = format!(
        "id,source,kind,date,entity_kind,entity_id,party,text\n\
         S1,politie,drugslab,2024-01-01,address,0363200000099999,,\n\
         S2,politie,drugslab,2024-01-01,woning,1,,\n\
         S3,politie,drugslab,2024-01-01,,,,\n\
         S4,politie,drugslab,2024-01-01,party,NP-1,NP-1,\n\
         S5,politie,drugslab,2024-01-01,area,BU99990000,,\n\
         S6,politie,drugslab,2024-01-01,party,NP-1,,{long}\n"
    );
    let e = refused(&mut s, Signals, "signals.csv", &text);
    for expected in [
        "line 2, column `entity_id`: address 0363200000099999 is not in the database; import the addresses first",
        "line 3, column `entity_kind`: expected address, business, party or area",
        "line 4: no entity: give entity_kind and entity_id, or one of address_id, vestigingsnummer, party",
        "line 5, column `party`: a signal concerns one entity",
        "line 6, column `entity_id`: area BU99990000 is not in the database; import the CBS area list or KWB table first",
        "line 7, column `text`: expected at most 500 characters (found 501); shorten the text",
    ] {
        assert!(e.contains(expected), "missing {expected:?} in\n{e}");
    }
}

#[test]
fn a_signal_file_must_name_its_entities() {
    let mut s = store();
    let e = refused(
        &mut s,
        Signals,
        "signals.csv",
        "id,source,kind,date\nS1,politie,drugslab,2024-01-01\n",
    );
    assert!(
        e.contains("missing columns `entity_kind` and `entity_id`"),
        "{e}"
    );
}
