//! The indexes built on request (`schouw index`, and always by `schouw demo`) rather than by
//! the schema: at national scale they take a minute or more to build and would slow every
//! bulk import. Without them every query still answers, only slower:
//! - the finder's street and trade-name indexes (see [`super::search`]), without which a
//!   search scans the tables until its limit is reached;
//! - the date indexes that give the default reference date of scoring (the newest date in
//!   the data) with three index probes instead of three table scans;
//! - the covering index of roles in party order, from which SQLite counts each party's
//!   businesses without looking up rows or sorting (ownership has one in the schema);
//! - the partial index of legal parties, from which the shared pass reads the few legal
//!   parties instead of scanning every party.

use super::open::{Context, Store, StoreError};

/// The indexes, by name, with the statement that builds each.
const ON_REQUEST: &[(&str, &str)] = &[
    (
        "addresses_by_street",
        "CREATE INDEX IF NOT EXISTS addresses_by_street ON addresses(street COLLATE NOCASE, number)",
    ),
    (
        "businesses_by_name",
        "CREATE INDEX IF NOT EXISTS businesses_by_name ON businesses(name COLLATE NOCASE)",
    ),
    (
        "signals_by_date",
        "CREATE INDEX IF NOT EXISTS signals_by_date ON signals(date)",
    ),
    (
        "ownership_by_acquired",
        "CREATE INDEX IF NOT EXISTS ownership_by_acquired ON ownership(acquired_on)",
    ),
    (
        "businesses_by_registered",
        "CREATE INDEX IF NOT EXISTS businesses_by_registered ON businesses(registered_on)",
    ),
    (
        "roles_by_party_current",
        "CREATE INDEX IF NOT EXISTS roles_by_party_current
         ON roles(party_id, kvk_nummer, started_on, ended_on)",
    ),
    (
        "parties_legal",
        "CREATE INDEX IF NOT EXISTS parties_legal ON parties(id, registered_on) WHERE kind = 'legal'",
    ),
];

impl Store {
    /// The indexes built on request that this database does not have yet.
    pub fn missing_indexes(&self) -> Result<Vec<&'static str>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1")
            .ctx("reading the indexes")?;
        let mut missing = Vec::new();
        for (name, _) in ON_REQUEST {
            if !stmt.exists([name]).ctx("reading the indexes")? {
                missing.push(*name);
            }
        }
        Ok(missing)
    }

    /// Builds the indexes that are missing, in one transaction; returns their names. The
    /// index sorts stay in memory (`temp_store` is memory-only, so nothing is written outside
    /// the database): about 600 MB for a national data set.
    pub fn build_indexes(&mut self) -> Result<Vec<&'static str>, StoreError> {
        let missing = self.missing_indexes()?;
        let tx = self.conn.transaction().ctx("building the indexes")?;
        for (name, sql) in ON_REQUEST {
            if missing.contains(name) {
                tx.execute_batch(sql)
                    .ctx(&format!("building the index {name}"))?;
            }
        }
        tx.commit().ctx("building the indexes")?;
        Ok(missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_are_built_once_and_answer_their_queries() {
        let mut store = Store::open_in_memory().unwrap();
        let all: Vec<&str> = ON_REQUEST.iter().map(|(n, _)| *n).collect();
        assert_eq!(store.missing_indexes().unwrap(), all);
        assert_eq!(store.build_indexes().unwrap(), all);
        assert!(store.missing_indexes().unwrap().is_empty());
        assert!(store.build_indexes().unwrap().is_empty(), "built once");
        let plan = |sql: &str| -> String {
            let mut stmt = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            // Parameters, where the query has them, are a date and a minimum.
            let n = stmt.parameter_count();
            let args: Vec<rusqlite::types::Value> = ["2024-12-31".to_owned().into(), 5i64.into()]
                .into_iter()
                .take(n)
                .collect();
            let rows = stmt
                .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
                .unwrap();
            rows.map(Result::unwrap).collect::<Vec<_>>().join("; ")
        };
        let legal = plan(crate::store::pass::LEGAL_PARTIES);
        assert!(legal.contains("parties_legal"), "{legal}");
        for (sql, index) in [
            (crate::store::pass::OWNER_COUNTS, "ownership_by_party"),
            (crate::store::pass::ROLE_COUNTS, "roles_by_party_current"),
        ] {
            let p = plan(sql);
            let covered = p.contains(&format!("COVERING INDEX {index}"));
            assert!(covered && !p.contains("FOR GROUP BY"), "{p}");
        }
        let newest = plan(crate::store::indicators::NEWEST_DATE);
        for index in [
            "signals_by_date",
            "ownership_by_acquired",
            "businesses_by_registered",
        ] {
            assert!(newest.contains(index), "{newest}");
        }
    }
}
