//! Tests of [`super::FakeSource`]: ranking and paging.

use super::region::BUURTEN;
use super::*;

#[test]
fn ranks_and_pages() {
    let mut f = FakeSource::new();
    let req = ScoreRequest {
        lens: "hennep".into(),
        level: Level::Buurt,
        compare: Compare::Stedelijkheid,
        gemeente: None,
        weights: vec![],
    };
    let rows = f.scores(&req).unwrap();
    assert_eq!(rows.len(), BUURTEN.len());
    assert_eq!(rows[0].rank, Some(1));
    let lindenhof = rows.iter().find(|r| r.code == "BU99010202").unwrap();
    assert_eq!(lindenhof.tier, Tier::NotScored);
    let all = f.flagged_in("BU99010101");
    let p1 = f.flagged_page("hennep", "BU99010101", None, 5).unwrap();
    let p2 = f
        .flagged_page("hennep", "BU99010101", Some(&p1[4].key), 5)
        .unwrap();
    assert_eq!(p2[0].key, all[5].key);
    let hits = f.search("molen", 5).unwrap();
    assert!(!hits.is_empty());
}
