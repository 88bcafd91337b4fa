//! Test support: every row of a data table as column → text, so that tests elsewhere can check
//! what was stored without writing SQL outside the store.

use std::collections::BTreeMap;

use rusqlite::types::ValueRef;

use super::Store;
use super::schema::DATA_TABLES;

/// One stored row: column name → value as text (`None` for NULL).
pub(crate) type DumpRow = BTreeMap<String, Option<String>>;

impl Store {
    /// All rows of one data table, ordered by source and line.
    pub(crate) fn dump(&self, table: &str) -> Vec<DumpRow> {
        assert!(DATA_TABLES.contains(&table), "not a data table: {table}");
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT * FROM {table}"))
            .unwrap();
        let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
        let mut rows: Vec<DumpRow> = stmt
            .query_map([], |r| {
                let mut row = DumpRow::new();
                for (i, name) in names.iter().enumerate() {
                    let v = match r.get_ref(i)? {
                        ValueRef::Null => None,
                        ValueRef::Integer(n) => Some(n.to_string()),
                        ValueRef::Real(x) => Some(x.to_string()),
                        ValueRef::Text(t) | ValueRef::Blob(t) => {
                            Some(String::from_utf8_lossy(t).into_owned())
                        }
                    };
                    row.insert(name.clone(), v);
                }
                Ok(row)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let key = |r: &DumpRow, c: &str| {
            r.get(c)
                .cloned()
                .flatten()
                .and_then(|v| v.parse::<i64>().ok())
        };
        rows.sort_by_key(|r| (key(r, "source_id"), key(r, "line")));
        rows
    }
}
