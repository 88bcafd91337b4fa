//! Tests of the pass as a whole: what it gives back to the connection, and what leaving
//! the evidence out changes.

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

/// A pass without evidence finds the same entities in the same buurten and counts the
/// same, and writes no evidence; with evidence every rule of the catalogue that fires
/// says why. Run over the demo region with every flag rule of every shipped lens.
#[test]
fn leaving_the_evidence_out_changes_nothing_else() {
    use crate::generate::{FILES, GenOptions, generate};
    use crate::import::{ImportOptions, import_file};
    use crate::lens::{ValidateOptions, check_embedded};

    let dir = tempfile::tempdir().unwrap();
    generate(&GenOptions {
        dir: dir.path().to_owned(),
        scale: crate::cli::Scale::Demo,
        seed: 1,
    })
    .unwrap();
    let mut store = Store::open_or_create(&dir.path().join("demo.db")).unwrap();
    let opts = ImportOptions::new("test", "2026-01-01T00:00:00Z");
    for (file, kind) in FILES {
        import_file(
            &mut store,
            *kind,
            &dir.path().join(file),
            &opts,
            &mut |_, _| {},
        )
        .unwrap();
    }
    let lenses: Vec<_> = check_embedded(&ValidateOptions::default())
        .into_iter()
        .filter_map(|c| c.lens)
        .collect();
    let rules: Vec<&Rule> = lenses
        .iter()
        .flat_map(|l| l.flags.iter().map(|f| &f.rule))
        .collect();
    let specs: Vec<&CountSpec> = lenses
        .iter()
        .flat_map(|l| &l.indicators)
        .flat_map(|i| [Some(&i.numerator), i.denominator.as_ref()])
        .filter_map(|q| match q {
            Some(crate::lens::Quantity::Count(c)) => Some(c),
            _ => None,
        })
        .collect();
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
