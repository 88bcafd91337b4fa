//! Reading back what imports stored, one fact at a time: a statistic, its coverage and label,
//! an area, an SBI entry. Used to check imports (tests, `lens check --db`).

use rusqlite::{OptionalExtension, params};

use super::open::{Context, Store, StoreError};
use crate::model::{Area, AreaCode, AreaLevel, SbiEntry};

impl Store {
    /// The stored value of one statistic: `None` when the area has no such statistic that
    /// year, `Some(None)` when it is stored as missing.
    pub fn stat_value(
        &self,
        area: &AreaCode,
        year: i32,
        key: &str,
    ) -> Result<Option<Option<f64>>, StoreError> {
        self.conn
            .query_row(
                "SELECT value FROM area_stats WHERE area_code = ?1 AND year = ?2 AND key = ?3",
                params![area.as_str(), year, key],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading a statistic")
    }

    /// How many areas of one level have a statistic in a year: (stored, with a value).
    pub fn stat_coverage(
        &self,
        key: &str,
        year: i32,
        level: AreaLevel,
    ) -> Result<(u64, u64), StoreError> {
        self.conn
            .query_row(
                "SELECT count(*), count(s.value) FROM area_stats s
                 JOIN areas a ON a.code = s.area_code AND a.year = s.year
                 WHERE s.key = ?1 AND s.year = ?2 AND a.level = ?3",
                params![key, year, level.as_str()],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)),
            )
            .ctx("counting a statistic")
    }

    /// The label of a statistic key.
    pub fn stat_label(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT label FROM stat_keys WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .ctx("reading a statistic label")
    }

    /// One area in one year's indeling.
    pub fn area(&self, code: &AreaCode, year: i32) -> Result<Option<Area>, StoreError> {
        let row: Option<(String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT name, parent_code FROM areas WHERE code = ?1 AND year = ?2",
                params![code.as_str(), year],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("reading an area")?;
        Ok(row.map(|(name, parent)| Area {
            code: code.clone(),
            level: code.level(),
            name,
            parent: parent.and_then(|p| AreaCode::parse(&p).ok()),
            year,
        }))
    }

    /// One SBI code (KvK style: `A`, `01`, `4711`, `56101`).
    pub fn sbi_entry(&self, code: &str) -> Result<Option<SbiEntry>, StoreError> {
        self.conn
            .query_row(
                "SELECT code, dotted, level, section, label FROM sbi_codes WHERE code = ?1",
                [code],
                |r| {
                    Ok(SbiEntry {
                        code: r.get(0)?,
                        dotted: r.get(1)?,
                        level: r.get(2)?,
                        section: r.get(3)?,
                        label: r.get(4)?,
                    })
                },
            )
            .optional()
            .ctx("reading an SBI code")
    }
}
