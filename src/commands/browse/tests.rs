//! The store-backed data source on the demo region.
use super::*;
use crate::generate::Manifest;
use crate::tui::{DataSource, EntityKind, EntityRef, Need, Target, Tier};

/// The demo region, built once per test through the same path as `schouw demo`.
fn demo() -> (tempfile::TempDir, StoreSource, Manifest) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    super::super::demo::build(&db).unwrap();
    let manifest: Manifest = serde_json::from_str(
        &std::fs::read_to_string(db.with_extension("data").join("planted.json")).unwrap(),
    )
    .unwrap();
    let store = Store::open_read_only(&db).unwrap();
    let lenses = crate::lens::load(&crate::lens::LoadOptions::default()).lenses;
    let reference = store.default_reference_date(RefDate::today()).unwrap();
    let mut source = StoreSource::new(store, lenses, Some(reference)).unwrap();
    source.wait_idle();
    (dir, source, manifest)
}

fn request(source: &StoreSource, lens: &str) -> ScoreRequest {
    let s = source.lenses().into_iter().find(|l| l.id == lens).unwrap();
    ScoreRequest {
        lens: lens.into(),
        level: s.level,
        compare: s.compare,
        gemeente: None,
        weights: Vec::new(),
    }
}

#[test]
fn the_interface_reads_scores_details_entities_and_search_from_the_database() {
    let (_dir, mut source, manifest) = demo();
    assert_eq!(source.lenses().len(), 11);
    let hennep = manifest
        .patterns
        .iter()
        .find(|p| p.id == "hennep-cluster")
        .unwrap();

    // The planted hennep buurt is in the top tier of the hennep lens, ranked first-ish.
    let req = request(&source, "hennep");
    let rows = source.scores(&req).unwrap();
    let row = rows.iter().find(|r| r.code == hennep.area).unwrap();
    assert_eq!(row.tier, Tier::High, "{row:?}");
    assert!(rows.windows(2).all(|w| match (w[0].rank, w[1].rank) {
        (Some(a), Some(b)) => a < b,
        (None, Some(_)) => false,
        _ => true,
    }));
    assert!(
        source
            .lenses()
            .iter()
            .find(|l| l.id == "hennep")
            .unwrap()
            .top_tier
            >= Some(1)
    );

    // Restricting to a gemeente keeps only its areas.
    let gm = format!("GM{}", &hennep.area[2..6]);
    let within = source
        .scores(&ScoreRequest {
            gemeente: Some(gm.clone()),
            ..req.clone()
        })
        .unwrap();
    assert!(!within.is_empty() && within.iter().all(|r| r.gemeente_code == gm));

    // Live re-weighting: with every weight but one at zero, the order follows that one.
    let lens = source.lens("hennep").unwrap().clone();
    let only = &lens.indicators[0].id;
    let weights = lens
        .indicators
        .iter()
        .map(|i| (i.id.clone(), if &i.id == only { 1.0 } else { 0.0 }))
        .collect();
    let tuned = source
        .scores(&ScoreRequest {
            weights,
            ..req.clone()
        })
        .unwrap();
    assert_ne!(
        tuned.iter().map(|r| r.code.clone()).collect::<Vec<_>>(),
        rows.iter().map(|r| r.code.clone()).collect::<Vec<_>>(),
        "re-weighting changes the order"
    );

    // The area detail explains the score and lists flagged entities and signals.
    let detail = source.area_detail(&req, &hennep.area).unwrap();
    assert_eq!(detail.indicators.len(), lens.indicators.len());
    assert!(detail.of > 0 && !detail.signals.is_empty());
    let contributions: f64 = detail
        .indicators
        .iter()
        .filter_map(|i| i.contribution)
        .sum();
    assert!(
        (contributions - detail.row.score.unwrap()).abs() < 0.01,
        "contributions add up to the score"
    );

    // An entity opens with its links; a linked item opens in turn.
    let planted_address = hennep
        .entities
        .iter()
        .find(|e| e.kind == "address")
        .unwrap();
    let address = source
        .entity(&EntityRef {
            kind: EntityKind::Address,
            id: planted_address.id.clone(),
        })
        .unwrap();
    assert!(
        !address.title.is_empty() && !address.signals.is_empty(),
        "{address:?}"
    );
    let owner = address
        .linked
        .iter()
        .flat_map(|(_, l)| l)
        .find(|l| l.target.kind == EntityKind::Party);
    let owner = owner.expect("the planted address has an owner");
    let party = source.entity(&owner.target).unwrap();
    assert!(!party.title.is_empty());
    assert!(
        party.linked.iter().any(|(_, l)| !l.is_empty()),
        "the owner links to what it owns"
    );

    // The finder finds an area by name and marks the matched characters.
    let hits = source.search(&row.name, 10).unwrap();
    let first = hits.first().unwrap();
    assert_eq!(first.target, Target::Area(hennep.area.clone()));
    assert!(!first.positions.is_empty());
}

#[test]
fn export_takes_the_areas_shown_in_their_order_with_the_screens_weights() {
    let (_dir, mut source, _) = demo();
    let mut req = request(&source, "hennep");
    let lens = source
        .lenses()
        .into_iter()
        .find(|l| l.id == "hennep")
        .unwrap();
    req.weights = vec![(lens.indicators[0].id.clone(), 0.0)];
    let rows = source.scores(&req).unwrap();
    let shown: Vec<String> = rows.iter().take(3).rev().map(|r| r.code.clone()).collect();
    let t = source.export_scores(&req, &shown).unwrap();
    assert_eq!(
        (t.lens_id.as_str(), t.lens_version.as_str()),
        ("hennep", lens.version.as_str())
    );
    assert_eq!(&t.columns[..3], ["rank", "area", "name"]);
    assert_eq!(t.rows.len(), 3);
    for (row, code) in t.rows.iter().zip(&shown) {
        assert_eq!(row[1], crate::export::Cell::Text(code.clone()));
        let rank = rows.iter().find(|r| &r.code == code).unwrap().rank.unwrap();
        assert_eq!(
            row[0],
            crate::export::Cell::Integer(rank as i64),
            "tuned ranks"
        );
    }
}

#[test]
fn the_worker_scores_and_flags_off_the_input_path_and_wakes_the_interface() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    super::super::demo::build(&db).unwrap();
    let store = Store::open_read_only(&db).unwrap();
    let lenses = crate::lens::load(&crate::lens::LoadOptions::default()).lenses;
    // No reference date: the worker finds it, as `schouw open` without --as-of.
    let mut source = StoreSource::new(store, lenses, None).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    source.set_waker(Box::new(move || {
        let _ = tx.send(());
    }));
    let wait = |source: &mut StoreSource, need: &dyn Fn(&mut StoreSource) -> bool| {
        // Every result after the waker was set wakes; `ready` takes in all that came.
        while !need(source) {
            rx.recv_timeout(std::time::Duration::from_secs(300))
                .expect("the worker wakes the interface");
        }
    };
    let req = request(&source, "hennep");
    wait(&mut source, &|s| s.ready(Need::Scores(&req)));
    assert!(!source.scores(&req).unwrap().is_empty());
    // Another level is computed on request, the lens's flags too.
    let wijk = ScoreRequest {
        level: crate::tui::Level::Wijk,
        ..req.clone()
    };
    wait(&mut source, &|s| s.ready(Need::Scores(&wijk)));
    assert!(
        source
            .scores(&wijk)
            .unwrap()
            .iter()
            .all(|r| r.code.starts_with("WK"))
    );
    wait(&mut source, &|s| s.ready(Need::Flags("hennep")));
    // The gemeente of the top-ranked buurt holds flagged entities of the lens.
    let gemeente = source.scores(&req).unwrap()[0].gemeente_code.clone();
    let page = source.flagged_page("hennep", &gemeente, None, 5).unwrap();
    assert!(!page.is_empty() && page.len() <= 5);
    wait(&mut source, &|s| {
        // `ready` takes in what the worker finished; `lenses` only reads.
        s.ready(Need::Scores(&req));
        s.lenses().iter().all(|l| l.top_tier.is_some())
    });
    let today = RefDate::today();
    assert!(source.reference() <= today);
}
