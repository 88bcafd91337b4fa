//! Tests of the parent module.
use super::*;
use crate::model::*;
use crate::store::SourceMeta;

fn store_with_data() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let meta = SourceMeta::for_test("test", "t.csv", "00");
    let mut tx = store.begin_import(&meta).unwrap();
    let bu = AreaCode::parse("BU99000101").unwrap();
    tx.put_area(
        &Area {
            code: bu.clone(),
            level: AreaLevel::Buurt,
            name: "Haven".into(),
            parent: bu.parent(),
            year: 2024,
        },
        2,
    )
    .unwrap();
    for (i, letter) in [(1, None), (2, Some("A"))] {
        let a = Address {
            id: BagId::parse(&format!("990020000000000{i}")).unwrap(),
            object_id: None,
            street: "Kade".into(),
            number: 12,
            letter: letter.map(str::to_owned),
            addition: None,
            postcode: Some(Postcode::parse("9901AB").unwrap()),
            city: Some("Havenstad".into()),
            buurt: Some(bu.clone()),
            uses: Some("woonfunctie".into()),
            surface_m2: Some(60.0),
            residents: Some(14),
        };
        tx.put_address(&a, i + 1).unwrap();
    }
    for (v, ended) in [
        ("000000000001", None),
        ("000000000002", Some("2023-01-01".to_owned())),
    ] {
        let b = Business {
            vestigingsnummer: Vestigingsnummer::parse(v).unwrap(),
            kvk: KvkNummer::parse("01234567").unwrap(),
            name: format!("Zaak {v}"),
            sbi: Some(SbiCode::parse("9602").unwrap()),
            legal_form: None,
            address: Some(BagId::parse("9900200000000001").unwrap()),
            registered: Some("2022-01-01".into()),
            ended,
            employees: None,
        };
        tx.put_business(&b, 2).unwrap();
    }
    tx.put_party(
        &Party {
            id: "P-1".into(),
            kind: PartyKind::Legal,
            kvk: None,
            name: Some("Vastgoed BV".into()),
            registered: None,
        },
        2,
    )
    .unwrap();
    tx.put_role(
        &Role {
            party: "P-1".into(),
            kvk: KvkNummer::parse("01234567").unwrap(),
            role: "bestuurder".into(),
            started: None,
            ended: None,
        },
        2,
    )
    .unwrap();
    for (i, date) in ["2021-01-01", "2022-06-01"].iter().enumerate() {
        let o = Ownership {
            address: BagId::parse("9900200000000001").unwrap(),
            party: "P-1".into(),
            acquired: (*date).into(),
            ended: None,
            price: Some(250_000.0 + i as f64),
        };
        tx.put_ownership(&o, 2).unwrap();
    }
    let s = Signal {
        id: "S-1".into(),
        source: "politie".into(),
        kind: "hennep_ontmanteld".into(),
        date: "2024-02-01".into(),
        entity_kind: EntityKind::Business,
        entity_id: "000000000001".into(),
        weight: None,
        phase: None,
        text: None,
    };
    tx.put_signal(&s, 2).unwrap();
    tx.commit(1).unwrap();
    store
}

#[test]
fn drill_down_queries() {
    let s = store_with_data();
    let a = s.address("9900200000000002").unwrap().unwrap();
    assert_eq!(a.label, "Kade 12A");
    assert_eq!(s.address("9900200000000009").unwrap(), None);
    let page1 = s.addresses_in("BU99000101", None, 1).unwrap();
    let page2 = s.addresses_in("BU99000101", Some(&page1[0].id), 1).unwrap();
    assert_eq!(
        (page1[0].id.as_str(), page2[0].id.as_str()),
        ("9900200000000001", "9900200000000002")
    );
    let at = s.businesses_at("9900200000000001", 10).unwrap();
    assert_eq!(at.len(), 2);
    assert_eq!(at[0].ended, None, "current establishments first");
    assert_eq!(s.establishments_of("01234567", 10).unwrap().len(), 2);
    let owners = s.owners_of("9900200000000001", 10).unwrap();
    assert_eq!(owners[0].acquired, "2022-06-01");
    assert_eq!(owners[0].party_name.as_deref(), Some("Vastgoed BV"));
    assert_eq!(s.ownerships_of("P-1", 10).unwrap().len(), 2);
    assert_eq!(s.roles_in("01234567", 10).unwrap()[0].party_id, "P-1");
    assert_eq!(s.roles_of("P-1", 10).unwrap()[0].kvk, "01234567");
    assert_eq!(
        s.signals_about("business", "000000000001", 10)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(s.signals_in_buurt("BU99000101", 10).unwrap()[0].id, "S-1");
    assert_eq!(s.party("P-1").unwrap().unwrap().kind, "legal");
}
