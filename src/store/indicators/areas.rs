//! The areas and statistics indicators are computed for, and what the database holds: areas
//! at a level and year with their facts, statistic columns, which entity tables have rows,
//! the statistic keys and SBI codes known, the gemeenten with addresses, and the reference
//! date the data suggests.

use std::collections::{HashMap, HashSet};

use rusqlite::OptionalExtension;

use super::AreaFacts;
use crate::lens::RefDate;
use crate::model::{AreaCode, AreaLevel};
use crate::store::open::{Context, Store, StoreError};

/// Which entity tables hold rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Presence {
    /// `addresses` has rows.
    pub addresses: bool,
    /// `businesses` has rows.
    pub businesses: bool,
    /// `parties` has rows.
    pub parties: bool,
    /// `roles` has rows.
    pub roles: bool,
    /// `ownership` has rows.
    pub ownership: bool,
    /// `signals` has rows.
    pub signals: bool,
}

impl Presence {
    /// Whether the named table has rows.
    pub fn has(&self, table: &str) -> bool {
        match table {
            "addresses" => self.addresses,
            "businesses" => self.businesses,
            "parties" => self.parties,
            "roles" => self.roles,
            "ownership" => self.ownership,
            "signals" => self.signals,
            _ => false,
        }
    }
}

/// The area at `level` that a buurt (or area) code counts toward, if any.
pub(super) fn target(key: &str, level: AreaLevel) -> Option<AreaCode> {
    let code = AreaCode::parse(key).ok()?;
    let own = code.level();
    if own == level {
        return Some(code);
    }
    match (own, level) {
        (AreaLevel::Buurt, AreaLevel::Wijk) => code.parent(),
        (AreaLevel::Buurt | AreaLevel::Wijk, AreaLevel::Gemeente) => code.gemeente(),
        _ => None,
    }
}

/// Whether `code` lies inside `within` (a gemeente, wijk or the area itself).
pub fn area_within(code: &str, within: &AreaCode) -> bool {
    let w = within.as_str();
    match within.level() {
        AreaLevel::Land => true,
        AreaLevel::Gemeente => code.len() >= 6 && code[2..6] == w[2..6],
        AreaLevel::Wijk => code.len() >= 8 && code[2..8] == w[2..8],
        AreaLevel::Buurt => code == w,
    }
}

/// The newest date in the data: signals, transfers and registrations.
pub(crate) const NEWEST_DATE: &str = "SELECT max(d) FROM (SELECT max(date) AS d FROM signals
     UNION ALL SELECT max(acquired_on) FROM ownership
     UNION ALL SELECT max(registered_on) FROM businesses)";

impl Store {
    /// Every statistic key the database has (for `lens check --db`).
    pub fn stat_key_set(&self) -> Result<std::collections::BTreeSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT key FROM stat_keys UNION SELECT DISTINCT key FROM area_stats")
            .ctx("reading statistic keys")?;
        let rows = stmt
            .query_map([], |r| r.get(0))
            .ctx("reading statistic keys")?;
        rows.collect::<Result<_, _>>().ctx("reading statistic keys")
    }

    /// The SBI codes of the imported SBI list, `None` when none was imported.
    pub fn sbi_code_set(&self) -> Result<Option<std::collections::BTreeSet<String>>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT code FROM sbi_codes")
            .ctx("reading SBI codes")?;
        let rows = stmt.query_map([], |r| r.get(0)).ctx("reading SBI codes")?;
        let set: std::collections::BTreeSet<String> =
            rows.collect::<Result<_, _>>().ctx("reading SBI codes")?;
        Ok((!set.is_empty()).then_some(set))
    }

    /// The gemeenten (`GMxxxx`) with at least one address, found by skipping through the
    /// buurt index one gemeente at a time (one index seek per gemeente).
    pub fn gemeenten_with_addresses(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT buurt_code FROM addresses WHERE buurt_code > ?1
                 ORDER BY buurt_code LIMIT 1",
            )
            .ctx("finding gemeenten with addresses")?;
        let mut out = HashSet::new();
        let mut after = String::new();
        loop {
            let next: Option<String> = stmt
                .query_row([&after], |r| r.get(0))
                .optional()
                .ctx("finding gemeenten with addresses")?;
            let Some(code) = next else { break };
            match AreaCode::parse(&code).ok().and_then(|c| c.gemeente()) {
                Some(g) => {
                    // Past every buurt code of this gemeente.
                    after = format!("BU{}\u{10FFFF}", &g.as_str()[2..]);
                    out.insert(g.to_string());
                }
                None => after = format!("{code}\u{10FFFF}"),
            }
        }
        Ok(out)
    }

    /// The latest year with areas at this level.
    pub fn latest_area_year(&self, level: AreaLevel) -> Result<Option<i32>, StoreError> {
        self.conn
            .query_row(
                "SELECT max(year) FROM areas WHERE level = ?1",
                [level.as_str()],
                |r| r.get(0),
            )
            .ctx("finding the latest year of areas")
    }

    /// The newest date in the entity data (signals, transfers, business registrations), if
    /// any: the default reference date (peildatum) before capping at today.
    /// (Three index probes when `schouw index` has built the date indexes.)
    pub fn newest_data_date(&self) -> Result<Option<RefDate>, StoreError> {
        let d: Option<String> = self
            .conn
            .query_row(NEWEST_DATE, [], |r| r.get(0))
            .ctx("finding the newest date in the data")?;
        Ok(d.as_deref().and_then(RefDate::parse))
    }

    /// The default reference date: the newest date in the data, but not after `today`;
    /// `today` when the database has no dated entities.
    pub fn default_reference_date(&self, today: RefDate) -> Result<RefDate, StoreError> {
        Ok(self.newest_data_date()?.map_or(today, |d| d.min(today)))
    }

    /// Which entity tables have rows.
    pub fn presence(&self) -> Result<Presence, StoreError> {
        let has = |t: &str| -> Result<bool, StoreError> {
            let sql = match t {
                "addresses" => "SELECT EXISTS (SELECT 1 FROM addresses)",
                "businesses" => "SELECT EXISTS (SELECT 1 FROM businesses)",
                "parties" => "SELECT EXISTS (SELECT 1 FROM parties)",
                "roles" => "SELECT EXISTS (SELECT 1 FROM roles)",
                "ownership" => "SELECT EXISTS (SELECT 1 FROM ownership)",
                _ => "SELECT EXISTS (SELECT 1 FROM signals)",
            };
            self.conn
                .query_row(sql, [], |r| r.get(0))
                .ctx("checking which tables have data")
        };
        Ok(Presence {
            addresses: has("addresses")?,
            businesses: has("businesses")?,
            parties: has("parties")?,
            roles: has("roles")?,
            ownership: has("ownership")?,
            signals: has("signals")?,
        })
    }

    /// The areas at a level in a year (optionally within a gemeente or wijk), sorted by code,
    /// with names, gemeente, population and stedelijkheid.
    pub fn areas_at(
        &self,
        level: AreaLevel,
        year: i32,
        within: Option<&AreaCode>,
    ) -> Result<Vec<AreaFacts>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.code, a.name,
                    (SELECT value FROM area_stats s WHERE s.area_code = a.code AND s.year = a.year AND s.key = 'a_inw'),
                    (SELECT value FROM area_stats s WHERE s.area_code = a.code AND s.year = a.year AND s.key = 'ste_mvs')
                 FROM areas a WHERE a.level = ?1 AND a.year = ?2 ORDER BY a.code",
            )
            .ctx("reading areas")?;
        let rows = stmt
            .query_map(rusqlite::params![level.as_str(), year], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<f64>>(2)?,
                    r.get::<_, Option<f64>>(3)?,
                ))
            })
            .ctx("reading areas")?;
        let mut out = Vec::new();
        for row in rows {
            let (code, name, pop, ste) = row.ctx("reading areas")?;
            if within.is_some_and(|w| !area_within(&code, w)) {
                continue;
            }
            let Ok(code) = AreaCode::parse(&code) else {
                continue;
            };
            let gemeente = code.gemeente().unwrap_or_else(|| code.clone());
            out.push(AreaFacts {
                code,
                name: name.into(),
                gemeente,
                population: pop,
                ste_mvs: ste.filter(|s| (1.0..=5.0).contains(s)).map(|s| s as u8),
            });
        }
        Ok(out)
    }

    /// One statistic for the given areas (same order); `None` where there is no value.
    pub(super) fn stat_column(
        &self,
        key: &str,
        year: i32,
        level: AreaLevel,
        areas: &HashMap<&str, usize>,
    ) -> Result<Vec<Option<f64>>, StoreError> {
        let mut out = vec![None; areas.len()];
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.area_code, s.value FROM area_stats s
                 JOIN areas a ON a.code = s.area_code AND a.year = s.year
                 WHERE s.key = ?1 AND s.year = ?2 AND a.level = ?3",
            )
            .ctx("reading a statistic")?;
        let rows = stmt
            .query_map(rusqlite::params![key, year, level.as_str()], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<f64>>(1)?))
            })
            .ctx("reading a statistic")?;
        for row in rows {
            let (code, v) = row.ctx("reading a statistic")?;
            if let Some(&i) = areas.get(code.as_str()) {
                out[i] = v.filter(|v| v.is_finite());
            }
        }
        Ok(out)
    }
}
