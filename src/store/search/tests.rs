//! Tests of the parent module: the query's parts, prefix matching, bounds, and that every
//! query over the large tables is answered from an index.
use super::*;
use crate::model::*;
use crate::store::SourceMeta;

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let meta = SourceMeta::for_test("test", "t.csv", "00");
    store.build_indexes().unwrap();
    let mut tx = store.begin_import(&meta).unwrap();
    let mut line = 1;
    let streets = [("Kerkstraat", 30), ("Kerkweg", 3), ("Achter de Kerk", 3)];
    for (s, (street, n)) in streets.iter().enumerate() {
        for number in 1..=*n {
            line += 1;
            let a = Address {
                id: BagId::parse(&format!("99002{s:03}{number:08}")).unwrap(),
                object_id: None,
                street: (*street).into(),
                number,
                letter: None,
                addition: None,
                postcode: Some(Postcode::parse(&format!("990{s}AB")).unwrap()),
                city: Some("Havenstad".into()),
                buurt: None,
                uses: None,
                surface_m2: None,
                residents: None,
            };
            tx.put_address(&a, line).unwrap();
        }
    }
    for (v, kvk, name) in [
        ("000012345678", "12345678", "Bakkerij Jansen"),
        ("000087654321", "87654321", "bakker & zn"),
        ("000011111111", "11111111", "Kapsalon Kerkzicht"),
    ] {
        line += 1;
        let b = Business {
            vestigingsnummer: Vestigingsnummer::parse(v).unwrap(),
            kvk: KvkNummer::parse(kvk).unwrap(),
            name: name.into(),
            sbi: None,
            legal_form: None,
            address: None,
            registered: None,
            ended: None,
            employees: None,
        };
        tx.put_business(&b, line).unwrap();
    }
    tx.commit(line).unwrap();
    store
}

fn texts(c: &[Candidate], kind: CandidateKind) -> Vec<&str> {
    c.iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.text.as_str())
        .collect()
}

#[test]
fn a_query_is_split_into_text_number_postcode_and_digits() {
    let q = Query::parse("  van der  Hoop   12a ");
    assert_eq!((q.text.as_str(), q.first.as_str()), ("van der Hoop", "van"));
    assert_eq!(q.number, Some(12));
    assert_eq!(q.postcode, None);
    assert_eq!(Query::parse("1234 ab").postcode.as_deref(), Some("1234AB"));
    assert_eq!(Query::parse("1234").postcode.as_deref(), Some("1234"));
    assert_eq!(Query::parse("1234").digits.as_deref(), Some("1234"));
    assert_eq!(
        Query::parse("1234").number,
        None,
        "a number alone is no house number"
    );
    assert_eq!(Query::parse("12€4").postcode, None);
    assert_eq!(Query::parse("Kerk").digits, None);
}

#[test]
fn streets_and_names_match_from_their_start_ignoring_case() {
    let store = store();
    let c = store.search_candidates("KERKSTR 12", 5).unwrap();
    assert_eq!(
        texts(&c, CandidateKind::Address),
        [
            "Kerkstraat 12",
            "Kerkstraat 13",
            "Kerkstraat 14",
            "Kerkstraat 15",
            "Kerkstraat 16"
        ],
        "from the number on, at most the limit"
    );
    let c = store.search_candidates("kerk", 50).unwrap();
    let streets = texts(&c, CandidateKind::Address);
    assert_eq!(
        streets.len(),
        33,
        "Kerkstraat and Kerkweg, not Achter de Kerk"
    );
    assert!(
        texts(&c, CandidateKind::Business).is_empty(),
        "names match from their start: not Kapsalon Kerkzicht"
    );
    let c = store.search_candidates("bakker", 50).unwrap();
    assert_eq!(
        texts(&c, CandidateKind::Business),
        ["bakker & zn", "Bakkerij Jansen"]
    );
    let c = store.search_candidates("achter de kerk", 50).unwrap();
    assert_eq!(texts(&c, CandidateKind::Address).len(), 3);
}

#[test]
fn postcodes_kvk_and_vestigingsnummers_match_from_their_start() {
    let store = store();
    let c = store.search_candidates("9901 a", 50).unwrap();
    assert_eq!(
        texts(&c, CandidateKind::Postcode),
        ["9901AB Kerkweg 1", "9901AB Kerkweg 2", "9901AB Kerkweg 3"]
    );
    let c = store.search_candidates("8765", 50).unwrap();
    assert_eq!(texts(&c, CandidateKind::Kvk), ["87654321 bakker & zn"]);
    let c = store.search_candidates("00001111", 50).unwrap();
    assert_eq!(
        texts(&c, CandidateKind::Kvk),
        ["000011111111 Kapsalon Kerkzicht"]
    );
}

#[test]
fn every_query_over_the_large_tables_uses_an_index() {
    let store = store();
    let plan = |sql: &str| -> String {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt
            .query_map(params!["a", "b", 10], |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("; ")
    };
    let streets = format!(
        "SELECT {ADDRESS_COLUMNS} FROM addresses
         WHERE street COLLATE NOCASE >= ?1 AND street COLLATE NOCASE < ?2
           AND (?3 IS NULL OR number >= ?3)
         ORDER BY street COLLATE NOCASE, number LIMIT 10"
    );
    for (sql, index) in [
        (streets.as_str(), "addresses_by_street"),
        (POSTCODES, "addresses_by_postcode"),
        (BUSINESS_BY_NAME, "businesses_by_name"),
        (BUSINESS_BY_KVK, "businesses_by_kvk"),
        (BUSINESS_BY_NUMBER, "sqlite_autoindex_businesses_1"),
    ] {
        let p = plan(sql);
        assert!(p.contains(index), "{index}: {p}");
        assert!(!p.contains("TEMP B-TREE"), "no sort: {p}");
    }
}

#[test]
fn wildcards_in_the_query_match_literally() {
    assert_eq!(like_escape("50%_a\\b"), "50\\%\\_a\\\\b");
    let store = Store::open_in_memory().unwrap();
    assert!(store.search_candidates("%", 10).unwrap().is_empty());
    assert!(store.search_candidates("   ", 10).unwrap().is_empty());
}
