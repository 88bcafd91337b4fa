//! Tests of reading fields: problems, optional values, date order, ids and text length.

use super::*;
use crate::model::{Postcode, parse_date};

const SPECS: &[ColumnSpec] = &[
    ColumnSpec::required("postcode", &[]),
    ColumnSpec::optional("from", &["van"]),
    ColumnSpec::optional("to", &["tot"]),
];

fn check(fields: &[&str], body: impl FnOnce(&mut Fields<'_>)) -> Problems {
    let headers: Vec<String> = ["Postcode", "van", "tot"].map(String::from).to_vec();
    let columns = Columns::map(&headers, SPECS, b',').unwrap();
    let row = Row {
        line: 7,
        fields: fields.iter().map(|s| s.to_string()).collect(),
    };
    let mut problems = Problems::default();
    let mut f = Fields::new(&columns, &row, &mut problems);
    body(&mut f);
    problems
}

#[test]
fn problems_name_line_column_expected_and_found() {
    let p = check(&["1234 A", "", ""], |f| {
        assert!(f.required("postcode", Postcode::parse).is_none());
        assert!(!f.ok());
    });
    let shown = p.listed()[0].to_string();
    assert_eq!(
        shown,
        "line 7, column `Postcode`: expected a postcode like 1234AB (4 digits, first not 0, 2 letters, not SA/SD/SS); found `1234 A`"
    );
    let p = check(&[" ", "", ""], |f| {
        f.required("postcode", Postcode::parse);
    });
    assert!(
        p.listed()[0]
            .message
            .starts_with("a value is required; expected a postcode"),
        "{}",
        p.listed()[0]
    );
}

#[test]
fn optional_values_and_date_order() {
    let p = check(&["1234AB", "31-12-2024", "2024-01-01"], |f| {
        let from = f.optional("from", parse_date);
        let to = f.optional("to", parse_date);
        assert!(f.ok());
        f.dates_in_order("from", from.as_deref(), "to", to.as_deref());
        assert!(!f.ok());
    });
    let shown = p.listed()[0].to_string();
    assert!(
        shown.contains("column `tot`") && shown.contains("before `van` (2024-12-31)"),
        "{shown}"
    );
    let p = check(&["1234AB", "", ""], |f| {
        assert_eq!(f.optional("from", parse_date), None);
        assert!(f.ok());
    });
    assert!(p.is_empty());
}

#[test]
fn nummeraanduiding_ids() {
    assert!(nummeraanduiding_id("0363200000081086").is_ok());
    assert!(
        nummeraanduiding_id("0363010000964973")
            .unwrap_err()
            .contains("verblijfsobject")
    );
    assert_eq!(
        nummeraanduiding_id("036320000008108").unwrap_err(),
        "a BAG id of 16 digits"
    );
}

#[test]
fn text_length() {
    assert_eq!(text(" abc ", 3).unwrap(), "abc");
    assert_eq!(
        text("abcd", 3).unwrap_err().to_string(),
        "at most 3 characters (found 4); shorten the text"
    );
}
