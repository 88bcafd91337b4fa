//! Tests of the pass as a whole: what it gives back to the connection, what leaving the
//! evidence out changes, and that reading on a second connection changes nothing.

use super::*;
use crate::lens::Months;

#[test]
fn a_pass_gives_the_page_cache_back() {
    let store = Store::open_in_memory().unwrap();
    let size = |s: &Store| -> i64 {
        s.conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap()
    };
    let before = size(&store);
    assert_ne!(before, PASS_CACHE_KIB);
    let rule = Rule::Transfers {
        min: 1,
        within: Months(24),
    };
    let req = Request::new(RefDate::today(), Vec::new(), &[&rule]);
    store.shared_pass(&req).unwrap();
    assert_eq!(size(&store), before);
}

/// The demo region imported into a database file in `dir`, with every count spec and flag
/// rule of every shipped lens.
fn demo(dir: &std::path::Path) -> (Store, Vec<crate::lens::Lens>) {
    use crate::generate::{FILES, GenOptions, generate};
    use crate::import::{ImportOptions, import_file};
    use crate::lens::{ValidateOptions, check_embedded};

    generate(&GenOptions {
        dir: dir.to_owned(),
        scale: crate::cli::Scale::Demo,
        seed: 1,
    })
    .unwrap();
    let mut store = Store::open_or_create(&dir.join("demo.db")).unwrap();
    let opts = ImportOptions::new("test", "2026-01-01T00:00:00Z");
    for (file, kind) in FILES {
        import_file(&mut store, *kind, &dir.join(file), &opts, &mut |_, _| {}).unwrap();
    }
    let lenses = check_embedded(&ValidateOptions::default())
        .into_iter()
        .filter_map(|c| c.lens)
        .collect();
    (store, lenses)
}

/// Every flag rule and every count spec of `lenses`.
fn rules_and_specs(lenses: &[crate::lens::Lens]) -> (Vec<&Rule>, Vec<&CountSpec>) {
    let rules = lenses
        .iter()
        .flat_map(|l| l.flags.iter().map(|f| &f.rule))
        .collect();
    let specs = lenses
        .iter()
        .flat_map(|l| &l.indicators)
        .flat_map(|i| [Some(&i.numerator), i.denominator.as_ref()])
        .filter_map(|q| match q {
            Some(crate::lens::Quantity::Count(c)) => Some(c),
            _ => None,
        })
        .collect();
    (rules, specs)
}

/// A pass without evidence finds the same entities in the same buurten and counts the
/// same, and writes no evidence; with evidence every rule of the catalogue that fires
/// says why. Run over the demo region with every flag rule of every shipped lens.
#[test]
fn leaving_the_evidence_out_changes_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let (store, lenses) = demo(dir.path());
    let (rules, specs) = rules_and_specs(&lenses);
    let reference = store.default_reference_date(RefDate::today()).unwrap();
    let with = store
        .shared_pass(&Request::new(reference, specs.clone(), &rules))
        .unwrap();
    let without = store
        .shared_pass(&Request::new(reference, specs, &rules).without_evidence())
        .unwrap();
    assert_eq!(
        (&with.areas, &with.counts),
        (&without.areas, &without.counts)
    );
    assert!(with.hits.iter().map(Hits::len).sum::<usize>() > 100);
    for (w, wo) in with.hits.iter().zip(&without.hits) {
        assert!(w.keys().eq(wo.keys()));
        for (a, b) in w.values().zip(wo.values()) {
            assert_eq!(a.buurten, b.buurten);
            assert!(!a.evidence.is_empty() && b.evidence.is_empty());
        }
    }
}

/// Reading ownership and the party counts on a second connection, beside the other stages,
/// finds exactly what reading everything on one connection finds: every count, hit, buurt
/// and evidence line of every shipped lens over the demo region. Rows that name addresses
/// missing from `addresses` (a file written without foreign keys) are numbered by the
/// ownership stage on its own: it numbers `GEEN-2` first, the business stage `GEEN-1`
/// first, and a transfer rule narrowed by a business rule still finds `GEEN-1`, which both
/// hold for.
#[test]
fn reading_beside_finds_what_one_connection_finds() {
    let dir = tempfile::tempdir().unwrap();
    let (store, lenses) = demo(dir.path());
    let reference = store.default_reference_date(RefDate::today()).unwrap();
    let recent = reference.months_back(2).iso();
    store
        .conn
        .execute_batch(&format!(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO ownership (address_id, party_id, acquired_on, source_id, line)
             SELECT a, (SELECT id FROM parties LIMIT 1), d, 1, 0 FROM
             (SELECT 'GEEN-2' AS a, '{recent}' AS d
              UNION ALL SELECT 'GEEN-1', '{recent}' UNION ALL SELECT 'GEEN-1', '2001-01-01');
             INSERT INTO businesses (vestigingsnummer, kvk_nummer, name, address_id,
                                     registered_on, source_id, line)
             VALUES ('V-GEEN-1', '99999991', 'Een', 'GEEN-1', '2000-01-01', 1, 0),
                    ('V-GEEN-2', '99999992', 'Twee', 'GEEN-1', '2000-01-01', 1, 0);
             PRAGMA foreign_keys = ON;"
        ))
        .unwrap();
    let one = Store::open_read_only(&dir.path().join("demo.db"))
        .unwrap()
        .on_one_connection();
    let beside = Store::open_read_only(&dir.path().join("demo.db"))
        .unwrap()
        .on_two_connections();
    assert!(one.side_connection(PASS_CACHE_KIB).is_none());
    assert!(beside.side_connection(PASS_CACHE_KIB).is_some());
    let (mut rules, specs) = rules_and_specs(&lenses);
    let both = Rule::All(vec![
        Rule::BusinessesAtAddress { min: 2 },
        Rule::Transfers {
            min: 2,
            within: Months(1200),
        },
    ]);
    rules.push(&both);
    let req = Request::new(reference, specs, &rules);
    let (a, b) = (
        one.shared_pass(&req).unwrap(),
        beside.shared_pass(&req).unwrap(),
    );
    assert_eq!((&a.areas, &a.counts), (&b.areas, &b.counts));
    assert_eq!(a.hits, b.hits);
    assert!(a.hits.iter().map(Hits::len).sum::<usize>() > 100);
    let transfers = req
        .rules
        .iter()
        .position(|r| matches!(r, Rule::Transfers { min: 2, within } if within.0 == 1200))
        .unwrap();
    assert_eq!(
        b.hits[transfers].get("GEEN-1").map(|h| h.evidence.clone()),
        Some(vec!["2 overdrachten in 1200 maanden".to_owned()])
    );
    assert!(!b.hits[transfers].contains_key("GEEN-2"));
}
