//! What `schouw info` reports: schema version, rows per table, the imported sources and the
//! areas per level and year.

use serde::Serialize;

use super::open::{Context, Store, StoreError};
use super::schema::{DATA_TABLES, SCHEMA_VERSION};

/// Rows in one table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TableCount {
    /// Table name.
    pub table: String,
    /// Number of rows.
    pub rows: u64,
}

/// One imported source file.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceInfo {
    /// Its id in the `sources` table.
    pub id: i64,
    /// Import kind.
    pub kind: String,
    /// The source name (the file name unless chosen).
    pub file_name: String,
    /// SHA-256 of the bytes.
    pub sha256: String,
    /// Records read.
    pub rows: u64,
    /// When (UTC, ISO 8601).
    pub imported_at: String,
    /// By which OS user.
    pub imported_by: String,
    /// The id of the import that replaced this one, if any.
    pub replaced_by: Option<i64>,
}

/// Areas of one level in one year.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AreaCount {
    /// `gemeente`, `wijk`, `buurt` or `land`.
    pub level: String,
    /// Year of the indeling.
    pub year: i32,
    /// Number of areas.
    pub areas: u64,
}

/// Everything `schouw info` shows.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DbInfo {
    /// The schema version (`PRAGMA user_version`).
    pub schema_version: i64,
    /// Rows per data table.
    pub tables: Vec<TableCount>,
    /// All imports, oldest first (replaced ones included).
    pub sources: Vec<SourceInfo>,
    /// Areas per level and year.
    pub areas: Vec<AreaCount>,
}

impl Store {
    /// Collects the facts `schouw info` reports.
    pub fn info(&self) -> Result<DbInfo, StoreError> {
        let schema_version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ctx("reading the schema version")?;
        debug_assert!(schema_version <= SCHEMA_VERSION);
        let mut tables = Vec::new();
        for table in DATA_TABLES {
            let rows: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .ctx("counting rows")?;
            let rows = rows as u64;
            tables.push(TableCount {
                table: (*table).to_owned(),
                rows,
            });
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, kind, file_name, sha256, rows, imported_at, imported_by, replaced_by FROM sources ORDER BY id")
            .ctx("reading sources")?;
        let sources = stmt
            .query_map([], |r| {
                Ok(SourceInfo {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    file_name: r.get(2)?,
                    sha256: r.get(3)?,
                    rows: r.get::<_, i64>(4)? as u64,
                    imported_at: r.get(5)?,
                    imported_by: r.get(6)?,
                    replaced_by: r.get(7)?,
                })
            })
            .ctx("reading sources")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading sources")?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT level, year, count(*) FROM areas GROUP BY level, year
                 ORDER BY year, CASE level WHEN 'land' THEN 0 WHEN 'gemeente' THEN 1 WHEN 'wijk' THEN 2 ELSE 3 END",
            )
            .ctx("counting areas")?;
        let areas = stmt
            .query_map([], |r| {
                Ok(AreaCount {
                    level: r.get(0)?,
                    year: r.get(1)?,
                    areas: r.get::<_, i64>(2)? as u64,
                })
            })
            .ctx("counting areas")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("counting areas")?;
        Ok(DbInfo {
            schema_version,
            tables,
            sources,
            areas,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, AreaCode, AreaLevel, StatValue};
    use crate::store::{PutError, SourceMeta};

    fn meta(name: &str, sha: &str) -> SourceMeta {
        SourceMeta {
            kind: "cbs".into(),
            name: name.into(),
            sha256: sha.into(),
            options: String::new(),
            imported_by: "tester".into(),
            imported_at: "2026-01-01T00:00:00Z".into(),
        }
    }

    fn area(code: &str) -> Area {
        let code = AreaCode::parse(code).unwrap();
        Area {
            level: code.level(),
            parent: code.parent(),
            code,
            name: "X".into(),
            year: 2024,
        }
    }

    fn stat(code: &str, v: Option<f64>) -> StatValue {
        StatValue {
            area: AreaCode::parse(code).unwrap(),
            year: 2024,
            key: "a_inw".into(),
            value: v,
        }
    }

    #[test]
    fn replace_by_source_counts_and_rolls_back() {
        let mut store = Store::open_in_memory().unwrap();
        let indexes = |store: &Store| -> i64 {
            store
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'index'",
                    [],
                    |r| r.get(0),
                )
                .unwrap()
        };
        let all = indexes(&store);
        assert!(all > 5);
        // A bulk load into an empty table that fails restores the indexes it dropped.
        let tx = store.begin_import(&meta("kwb.csv", "aa")).unwrap();
        drop(tx);
        assert_eq!(indexes(&store), all);
        let mut tx = store.begin_import(&meta("kwb.csv", "aa")).unwrap();
        tx.put_area(&area("GM9901"), 2).unwrap();
        tx.put_area(&area("WK990101"), 3).unwrap();
        tx.put_stat(&stat("GM9901", Some(10.0)), 2).unwrap();
        let dup = tx.put_area(&area("GM9901"), 9).unwrap_err();
        assert!(
            matches!(dup, PutError::Duplicate { first_line: 2, .. }),
            "{dup}"
        );
        let c = tx.commit(3).unwrap();
        assert_eq!(
            (c.inserted, c.updated, c.unchanged, c.removed),
            (3, 0, 0, 0)
        );
        assert_eq!(indexes(&store), all);

        // A failed import changes nothing.
        let mut tx = store.begin_import(&meta("other.csv", "bb")).unwrap();
        tx.put_area(&area("GM9902"), 2).unwrap();
        let e = tx.put_stat(&stat("GM9903", None), 3).unwrap_err();
        assert!(matches!(e, PutError::UnknownReference(_)), "{e}");
        drop(tx);
        let info = store.info().unwrap();
        assert_eq!(
            info.tables
                .iter()
                .find(|t| t.table == "areas")
                .unwrap()
                .rows,
            2
        );
        assert_eq!(info.sources.len(), 1);
        let index_exists = |store: &Store| -> bool {
            store
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE name = 'areas_by_parent'",
                    [],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
                == 1
        };
        assert!(
            index_exists(&store),
            "the bulk load rebuilt the index it dropped"
        );

        // A new version of kwb.csv: GM9901 kept, WK990101 gone, GM9902 new.
        let mut tx = store.begin_import(&meta("kwb.csv", "cc")).unwrap();
        tx.put_area(&area("GM9901"), 2).unwrap();
        tx.put_area(&area("GM9902"), 3).unwrap();
        tx.put_stat(&stat("GM9901", None), 2).unwrap();
        let c = tx.commit(2).unwrap();
        // GM9901 came back as it was, its statistic changed.
        assert_eq!(
            (c.inserted, c.updated, c.unchanged, c.removed),
            (1, 1, 1, 1)
        );
        assert_eq!(c.replaced.unwrap().name, "kwb.csv");
        assert!(store.find_import("cbs", "cc", "").unwrap().is_some());
        assert!(store.find_import("cbs", "aa", "").unwrap().is_none());
        let value: Option<f64> = store
            .conn
            .query_row("SELECT value FROM area_stats", [], |r| r.get(0))
            .unwrap();
        assert_eq!(value, None, "missing stays NULL, never 0");
        assert_eq!(
            store.info().unwrap().areas,
            vec![AreaCount {
                level: AreaLevel::Gemeente.to_string(),
                year: 2024,
                areas: 2
            }]
        );
    }
}
