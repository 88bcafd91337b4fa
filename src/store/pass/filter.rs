//! The count filters of a lens evaluated in Rust on the rows a pass streams, with exactly the
//! meaning the filters have in SQL: a missing value never matches a condition on it, dates
//! compare as ISO text, a BAG use matches as a substring of the comma-separated uses (no BAG
//! use contains another) and any other value as a whole item.

use crate::lens::{AddressFilter, BAG_USES, BusinessFilter, RefDate, SignalFilter, TransferFilter};

/// Whether the comma-separated `uses` contain one of `wanted`.
pub(crate) fn has_use(uses: &str, wanted: &[String]) -> bool {
    wanted.iter().any(|w| use_matches(uses, w))
}

/// Whether the comma-separated `uses` contain `wanted` (see the module comment).
pub(crate) fn use_matches(uses: &str, wanted: &str) -> bool {
    if BAG_USES.contains(&wanted) {
        uses.contains(wanted)
    } else {
        format!(",{uses},").contains(&format!(",{wanted},"))
    }
}

/// `value >= min` when a minimum is set (a missing value does not match).
fn at_least(value: Option<f64>, min: Option<f64>) -> bool {
    min.is_none_or(|m| value.is_some_and(|v| v >= m))
}

/// `value <= max` when a maximum is set (a missing value does not match).
fn at_most(value: Option<f64>, max: Option<f64>) -> bool {
    max.is_none_or(|m| value.is_some_and(|v| v <= m))
}

/// A date inside `[since, reference]`.
pub(crate) fn within(date: Option<&str>, since: &str, reference: &str) -> bool {
    date.is_some_and(|d| d >= since && d <= reference)
}

/// Whether an address row matches.
pub(crate) fn address_matches(
    f: &AddressFilter,
    uses: Option<&str>,
    surface: Option<f64>,
    residents: Option<f64>,
) -> bool {
    (f.uses.is_empty() || uses.is_some_and(|u| has_use(u, &f.uses)))
        && at_least(surface, f.min_surface)
        && at_most(surface, f.max_surface)
        && at_least(residents, f.min_residents.map(f64::from))
}

/// The columns of a business row that filters read, and its address's facts.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BusinessRow<'a> {
    /// Main SBI code.
    pub(crate) sbi: Option<&'a str>,
    /// Legal form.
    pub(crate) legal_form: Option<&'a str>,
    /// Registration date.
    pub(crate) registered: Option<&'a str>,
    /// End date.
    pub(crate) ended: Option<&'a str>,
    /// People working there.
    pub(crate) employees: Option<f64>,
    /// The surface of its address.
    pub(crate) surface: Option<f64>,
}

/// Active on the reference date: registered on or before it (or unknown) and not ended by it.
pub(crate) fn active(registered: Option<&str>, ended: Option<&str>, reference: &str) -> bool {
    registered.is_none_or(|d| d <= reference) && ended.is_none_or(|d| d > reference)
}

/// A business filter with its dates worked out.
#[derive(Debug)]
pub(crate) struct BusinessTest<'a> {
    filter: &'a BusinessFilter,
    registered_since: Option<String>,
    ended_since: Option<String>,
    /// The use bits of `address_uses` (see [`super::address_index::AddressIndex::has_use`]).
    pub(crate) use_mask: Vec<u64>,
}

impl<'a> BusinessTest<'a> {
    /// Compiles `filter` at the reference date; `use_bit` numbers a use value.
    pub(crate) fn new(
        filter: &'a BusinessFilter,
        reference: RefDate,
        words: usize,
        use_bit: impl Fn(&str) -> usize,
    ) -> Self {
        let mut use_mask = vec![0u64; words];
        for u in &filter.address_uses {
            let b = use_bit(u);
            use_mask[b / 64] |= 1 << (b % 64);
        }
        BusinessTest {
            filter,
            registered_since: filter.registered_since(reference).map(RefDate::iso),
            ended_since: filter.ended_since(reference).map(RefDate::iso),
            use_mask,
        }
    }

    /// Whether the row matches; `has_use` says whether its address has a use of the mask.
    pub(crate) fn matches(&self, b: &BusinessRow<'_>, reference: &str, has_use: bool) -> bool {
        let f = self.filter;
        (f.sbi_prefixes.is_empty()
            || b.sbi
                .is_some_and(|s| f.sbi_prefixes.iter().any(|p| s.starts_with(p.as_str()))))
            && match f.active {
                Some(true) => active(b.registered, b.ended, reference),
                Some(false) => b.ended.is_some_and(|d| d <= reference),
                None => true,
            }
            && self
                .registered_since
                .as_deref()
                .is_none_or(|s| within(b.registered, s, reference))
            && self
                .ended_since
                .as_deref()
                .is_none_or(|s| within(b.ended, s, reference))
            && (f.legal_forms.is_empty()
                || b.legal_form
                    .is_some_and(|l| f.legal_forms.iter().any(|x| x == l)))
            && at_least(b.employees, f.min_employees.map(f64::from))
            && at_most(b.employees, f.max_employees.map(f64::from))
            && at_least(b.surface, f.min_surface)
            && at_most(b.surface, f.max_surface)
            && (f.address_uses.is_empty() || has_use)
    }
}

/// A signal filter with its window worked out.
#[derive(Debug)]
pub(crate) struct SignalTest<'a> {
    filter: &'a SignalFilter,
    since: Option<String>,
}

impl<'a> SignalTest<'a> {
    /// Compiles `filter` at the reference date.
    pub(crate) fn new(filter: &'a SignalFilter, reference: RefDate) -> Self {
        SignalTest {
            filter,
            since: filter.since_date(reference).map(RefDate::iso),
        }
    }

    /// Whether a signal of this kind, source and date matches.
    pub(crate) fn matches(&self, kind: &str, source: &str, date: &str, reference: &str) -> bool {
        let f = self.filter;
        date <= reference
            && (f.kinds.is_empty() || f.kinds.iter().any(|k| k == kind))
            && (f.sources.is_empty() || f.sources.iter().any(|s| s == source))
            && self.since.as_deref().is_none_or(|s| date >= s)
    }
}

/// A transfer filter with its window worked out.
#[derive(Debug)]
pub(crate) struct TransferTest {
    since: Option<String>,
    to_legal_person: bool,
}

impl TransferTest {
    /// Compiles `filter` at the reference date.
    pub(crate) fn new(filter: &TransferFilter, reference: RefDate) -> Self {
        TransferTest {
            since: filter.since_date(reference).map(RefDate::iso),
            to_legal_person: filter.to_legal_person,
        }
    }

    /// Whether a transfer acquired on `date` by a party (legal or not) matches.
    pub(crate) fn matches(&self, date: &str, legal: bool, reference: &str) -> bool {
        date <= reference
            && self.since.as_deref().is_none_or(|s| date >= s)
            && (!self.to_legal_person || legal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_bag_use_contains_another() {
        for a in BAG_USES {
            for b in BAG_USES {
                assert!(a == b || !a.contains(b), "{a} contains {b}");
            }
        }
    }

    #[test]
    fn uses_match_bag_values_as_substrings_and_others_as_items() {
        assert!(use_matches("winkelfunctie,woonfunctie", "woonfunctie"));
        assert!(!use_matches("winkelfunctie", "woonfunctie"));
        assert!(use_matches("a,b c", "b c"));
        assert!(!use_matches("ab c", "b c"));
        assert!(!has_use("woonfunctie", &[]));
    }

    #[test]
    fn missing_values_never_match_a_condition_on_them() {
        let f = AddressFilter {
            min_surface: Some(10.0),
            ..AddressFilter::default()
        };
        assert!(!address_matches(&f, None, None, None));
        assert!(address_matches(&f, None, Some(10.0), None));
        assert!(address_matches(&AddressFilter::default(), None, None, None));
        let uses = AddressFilter {
            uses: vec!["woonfunctie".into()],
            ..AddressFilter::default()
        };
        assert!(!address_matches(&uses, None, None, None));
    }

    #[test]
    fn business_activity_and_windows_follow_the_reference_date() {
        let r = RefDate::parse("2024-06-30").unwrap();
        let f = BusinessFilter {
            active: Some(true),
            sbi_prefixes: vec!["56".into()],
            registered_within: Some(crate::lens::Months(12)),
            ..BusinessFilter::default()
        };
        let t = BusinessTest::new(&f, r, 0, |_| 0);
        let row = BusinessRow {
            sbi: Some("5610"),
            registered: Some("2024-01-01"),
            ..BusinessRow::default()
        };
        assert!(t.matches(&row, &r.iso(), false));
        let ended = BusinessRow {
            ended: Some("2024-06-30"),
            ..row
        };
        assert!(!t.matches(&ended, &r.iso(), false));
        let old = BusinessRow {
            registered: Some("2023-06-29"),
            ..row
        };
        assert!(!t.matches(&old, &r.iso(), false));
        assert!(active(None, Some("2024-07-01"), "2024-06-30"));
    }
}
