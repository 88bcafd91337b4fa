//! Which inputs of a lens have no data in a database, described in Dutch for the user:
//! a statistic without values at the level, a count or flag over a table not imported.

use super::{IndicatorData, MissingInput};
use crate::lens::{CountSpec, Lens, Quantity};
use crate::store::flags::rule_tables;

impl IndicatorData {
    /// The inputs of `lens` that have no value in any area, with what is missing.
    pub fn missing(&self, lens: &Lens) -> Vec<MissingInput> {
        let mut out = Vec::new();
        for ind in &lens.indicators {
            let parts = std::iter::once(("", &ind.numerator))
                .chain(ind.denominator.as_ref().map(|d| ("noemer: ", d)));
            for (role, q) in parts {
                let absent = self
                    .quantity(lens, q)
                    .is_none_or(|v| v.iter().all(Option::is_none));
                if absent && !self.areas.is_empty() {
                    out.push(MissingInput {
                        indicator: ind.id.clone(),
                        what: format!("{role}{}", self.describe_missing(lens, q)),
                    });
                }
            }
        }
        out
    }

    fn describe_missing(&self, lens: &Lens, q: &Quantity) -> String {
        let empty = |tables: &[&str]| {
            let names: Vec<&str> = tables
                .iter()
                .filter(|t| !self.presence.has(t))
                .map(|t| table_dutch(t))
                .collect();
            names.join(", ")
        };
        match q {
            Quantity::Stat(k) => format!(
                "statistiek {k} (geen waarden op {}-niveau in {})",
                self.level, self.year
            ),
            Quantity::Count(spec) => {
                let t = empty(spec_tables(spec));
                if t.is_empty() {
                    format!("telling van {}", entity_dutch(spec))
                } else {
                    format!(
                        "telling van {} (niet geïmporteerd: {t})",
                        entity_dutch(spec)
                    )
                }
            }
            Quantity::Flagged(f) => {
                let t = lens
                    .flag(f)
                    .map(|fl| empty(&rule_tables(&fl.rule)))
                    .unwrap_or_default();
                if t.is_empty() {
                    format!("vlag {f}")
                } else {
                    format!("vlag {f} (niet geïmporteerd: {t})")
                }
            }
        }
    }
}

/// The Dutch name of an entity table, for messages.
fn table_dutch(table: &str) -> &'static str {
    match table {
        "addresses" => "adressen",
        "businesses" => "vestigingen",
        "parties" => "partijen",
        "roles" => "rollen",
        "ownership" => "eigendom",
        "signals" => "signalen",
        _ => "onbekende tabel",
    }
}

/// What a count counts, in Dutch.
fn entity_dutch(spec: &CountSpec) -> &'static str {
    match spec {
        CountSpec::Address(_) => "adressen",
        CountSpec::Business(_) => "vestigingen",
        CountSpec::Signal(_) => "signalen",
        CountSpec::Transfer(_) => "overdrachten",
    }
}

/// The tables a count reads.
pub(super) fn spec_tables(spec: &CountSpec) -> &'static [&'static str] {
    match spec {
        CountSpec::Address(_) => &["addresses"],
        CountSpec::Business(_) => &["businesses", "addresses"],
        CountSpec::Signal(_) => &["signals"],
        CountSpec::Transfer(_) => &["ownership", "addresses"],
    }
}
