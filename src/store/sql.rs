//! A query under construction: SQL text assembled only from fixed fragments written in the
//! store, and a list of bound parameters that carries every value from a lens (SBI prefixes,
//! kinds, sources, dates, thresholds). Lens values never become SQL text: [`Sql::bind`] adds
//! the value to the parameter list and returns its placeholder `?N`.

use rusqlite::types::Value;

use crate::lens::RefDate;

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
    pub(crate) fn has_use(&mut self, column: &'static str, uses: &[String]) -> String {
        let parts: Vec<String> = uses
            .iter()
            .map(|u| {
                let p = self.text(u);
                format!("instr(',' || coalesce({column}, '') || ',', ',' || {p} || ',') > 0")
            })
            .collect();
        format!("({})", parts.join(" OR "))
    }

    /// The text column starts with one of the prefixes (compared with `substr`, so no
    /// wildcard in a value has any meaning).
    pub(crate) fn starts_with(&mut self, column: &'static str, prefixes: &[String]) -> String {
        let parts: Vec<String> = prefixes
            .iter()
            .map(|s| {
                let p = self.text(s);
                format!("substr({column}, 1, length({p})) = {p}")
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
