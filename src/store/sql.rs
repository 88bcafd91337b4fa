//! A query under construction: SQL text assembled only from fixed fragments written in the
//! store, and a list of bound parameters that carries every value from a lens (SBI prefixes,
//! kinds, sources, dates, thresholds). Lens values never become SQL text: [`Sql::bind`] adds
//! the value to the parameter list and returns its placeholder `?N`.

use rusqlite::types::Value;

use crate::lens::{BAG_USES, RefDate};

/// Fixed SQL text plus bound parameters. `?1` is always the reference date (ISO text).
#[derive(Debug, Clone)]
pub(crate) struct Sql {
    params: Vec<Value>,
    reference: RefDate,
}

impl Sql {
    /// A new parameter list whose `?1` is the reference date.
    pub(crate) fn new(reference: RefDate) -> Self {
        Sql {
            params: vec![Value::Text(reference.iso())],
            reference,
        }
    }

    /// The reference date bound as `?1`.
    pub(crate) fn reference(&self) -> RefDate {
        self.reference
    }

    /// The placeholder of the reference date.
    pub(crate) const REF: &'static str = "?1";

    /// Binds a value and returns its placeholder.
    pub(crate) fn bind(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }

    /// Binds text.
    pub(crate) fn text(&mut self, s: &str) -> String {
        self.bind(Value::Text(s.to_owned()))
    }

    /// `column IN (?a, ?b, …)` with every value bound.
    pub(crate) fn in_list(&mut self, column: &'static str, values: &[String]) -> String {
        let ph: Vec<String> = values.iter().map(|v| self.text(v)).collect();
        format!("{column} IN ({})", ph.join(", "))
    }

    /// The text column (comma-separated BAG uses) contains one of `uses` as a whole item.
    /// For the BAG vocabulary a plain `instr` is exact (no use name contains another, which a
    /// test checks) and twice as fast; other values are matched between delimiters.
    pub(crate) fn has_use(&mut self, column: &'static str, uses: &[String]) -> String {
        let parts: Vec<String> = uses
            .iter()
            .map(|u| {
                if BAG_USES.contains(&u.as_str()) {
                    let p = self.text(u);
                    format!("instr({column}, {p}) > 0")
                } else {
                    let p = self.text(&format!(",{u},"));
                    format!("instr(',' || {column} || ',', {p}) > 0")
                }
            })
            .collect();
        format!("({})", parts.join(" OR "))
    }

    /// The text column starts with one of the prefixes: `col >= prefix AND col < successor`
    /// (the prefix with its last character incremented), which SQLite compares without a
    /// function call; no character of a value has a special meaning.
    pub(crate) fn starts_with(&mut self, column: &'static str, prefixes: &[String]) -> String {
        let parts: Vec<String> = prefixes
            .iter()
            .map(|s| match successor(s) {
                Some(hi) => {
                    let lo = self.text(s);
                    let hi = self.text(&hi);
                    format!("({column} >= {lo} AND {column} < {hi})")
                }
                None => {
                    let p = self.text(s);
                    format!("substr({column}, 1, length({p})) = {p}")
                }
            })
            .collect();
        format!("({})", parts.join(" OR "))
    }

    /// The parameters, for `params_from_iter`.
    pub(crate) fn params(&self) -> &[Value] {
        &self.params
    }
}

/// Joins conditions with `AND`; no condition is `1` (true).
pub(crate) fn all(conds: Vec<String>) -> String {
    if conds.is_empty() {
        "1".to_owned()
    } else {
        conds
            .into_iter()
            .map(|c| format!("({c})"))
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

/// The smallest text greater than every text that starts with `prefix`, when the last
/// character has a successor.
fn successor(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    let last = chars.pop()?;
    let next = char::from_u32(u32::from(last) + 1)?;
    chars.push(next);
    Some(chars.into_iter().collect())
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
    fn successor_bounds_the_prefix() {
        assert_eq!(successor("56").as_deref(), Some("57"));
        assert_eq!(successor("9").as_deref(), Some(":"));
        assert!("5699" < "57" && "56" <= "5610");
        assert_eq!(successor(""), None);
    }
}
