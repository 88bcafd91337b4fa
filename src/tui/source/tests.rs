//! Tests of the cleaning of source answers.

use super::*;

#[test]
fn marked_positions_follow_escapes() {
    let (t, p) = clean_marked("a\x1bb", &[0, 2]);
    assert_eq!(t, "a^[b");
    assert_eq!(p, vec![0, 3]);
    // Like every other string: a homoglyph in a Latin word is marked here too.
    let (t, p) = clean_marked("B\u{430}k", &[1]);
    assert_eq!(t, "B<U+0430>k");
    assert_eq!(p, (1..9).collect::<Vec<_>>());
}

#[test]
fn rows_are_cleaned() {
    let row = AreaRow {
        code: "BU1".into(),
        name: "x\x1b[2Jy\u{202E}".into(),
        gemeente_code: "GM1".into(),
        gemeente: "g".into(),
        inhabitants: None,
        score: None,
        rank: None,
        tier: Tier::NotScored,
        coverage: 0.0,
        top: vec!["\x07".into()],
    }
    .clean();
    assert_eq!(row.name, "x^[[2Jy<U+202E>");
    assert_eq!(row.top, vec!["^G".to_string()]);
}
