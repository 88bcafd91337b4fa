//! Indicator inputs for a set of lenses: every statistic, count and flagged count per area at
//! one level, computed in one aggregate pass per entity table. Each distinct count spec (over
//! all lenses) becomes one `sum(CASE WHEN … THEN 1 ELSE 0 END)` column of its table's query,
//! grouped by buurt: addresses by `buurt_code`, businesses and transfers by their address's
//! buurt, signals by the buurt of the address or business they are about (signals about an
//! area count for that area). Wijk and gemeente counts add up buurt counts by the nested CBS
//! codes; statistics are read from `area_stats` at the level itself.
//!
//! Absent data is `None`, never zero: a statistic without a row, or a count over an entity
//! table that has no rows at all. A buurt without matching entities in a table that has data
//! counts `Some(0)`.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{OptionalExtension, params_from_iter};

use super::flags::{FlagMemo, FlaggedEntity, rule_tables};
use super::open::{Context, Store, StoreError};
use super::sql::{Sql, all};
use crate::lens::{
    AddressFilter, BusinessFilter, CountSpec, Lens, Quantity, RefDate, SignalFilter, TransferFilter,
};
use crate::model::{AreaCode, AreaLevel};
use crate::score::{AreaInput, IndicatorInput};

/// Which areas and which moment to compute for.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorOptions {
    /// The level of the areas (lenses are scored at this level).
    pub level: AreaLevel,
    /// The year of the area indeling and statistics; `None`: the latest year that has areas
    /// at this level.
    pub year: Option<i32>,
    /// The reference date (peildatum) the month windows count back from.
    pub reference: RefDate,
    /// Only areas inside this gemeente or wijk (`None`: all).
    pub within: Option<AreaCode>,
}

/// One area's identity and fixed facts.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaFacts {
    /// The code.
    pub code: AreaCode,
    /// The name (from data: sanitise before printing).
    pub name: String,
    /// The gemeente it lies in.
    pub gemeente: AreaCode,
    /// Inhabitants (`a_inw`).
    pub population: Option<f64>,
    /// CBS stedelijkheid (`ste_mvs`).
    pub ste_mvs: Option<u8>,
}

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

/// An input of a lens that has no data in this database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingInput {
    /// The indicator id.
    pub indicator: String,
    /// What is missing, in Dutch (`statistiek p_ov_hw`, `signalen (tabel leeg)`).
    pub what: String,
}

/// One quantity's values per area, if the quantity is known at all.
type Column<'a> = Option<&'a [Option<f64>]>;

/// Everything the lenses read, per area at one level.
#[derive(Debug, Clone)]
pub struct IndicatorData {
    /// The level.
    pub level: AreaLevel,
    /// The year of areas and statistics.
    pub year: i32,
    /// The reference date used.
    pub reference: RefDate,
    /// The areas, sorted by code.
    pub areas: Vec<AreaFacts>,
    /// Which entity tables have rows.
    pub presence: Presence,
    stats: BTreeMap<String, Vec<Option<f64>>>,
    counts: Vec<(CountSpec, Vec<Option<f64>>)>,
    flagged: BTreeMap<(String, String), Vec<Option<f64>>>,
    /// Flagged entities per (lens id, flag id).
    pub flags: BTreeMap<(String, String), Vec<FlaggedEntity>>,
}

impl IndicatorData {
    /// The per-area values of one quantity of `lens` (`None` per area = absent).
    pub fn quantity(&self, lens: &Lens, q: &Quantity) -> Option<&[Option<f64>]> {
        match q {
            Quantity::Stat(k) => self.stats.get(k).map(Vec::as_slice),
            Quantity::Count(spec) => self
                .counts
                .iter()
                .find(|(s, _)| s == spec)
                .map(|(_, v)| v.as_slice()),
            Quantity::Flagged(f) => self
                .flagged
                .get(&(lens.id.clone(), f.clone()))
                .map(Vec::as_slice),
        }
    }

    /// The scoring inputs of `lens`, one per area (the lens's level must be this level).
    pub fn inputs(&self, lens: &Lens) -> Vec<AreaInput> {
        let cols: Vec<(Column<'_>, Column<'_>)> = lens
            .indicators
            .iter()
            .map(|i| {
                (
                    self.quantity(lens, &i.numerator),
                    i.denominator.as_ref().and_then(|d| self.quantity(lens, d)),
                )
            })
            .collect();
        self.areas
            .iter()
            .enumerate()
            .map(|(a, f)| AreaInput {
                code: f.code.clone(),
                name: f.name.clone(),
                level: self.level,
                gemeente: f.gemeente.clone(),
                population: f.population,
                ste_mvs: f.ste_mvs,
                indicators: cols
                    .iter()
                    .map(|(n, d)| IndicatorInput {
                        numerator: n.and_then(|v| v[a]),
                        denominator: d.and_then(|v| v[a]),
                    })
                    .collect(),
            })
            .collect()
    }

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
pub(crate) fn table_dutch(table: &str) -> &'static str {
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
fn spec_tables(spec: &CountSpec) -> &'static [&'static str] {
    match spec {
        CountSpec::Address(_) => &["addresses"],
        CountSpec::Business(_) => &["businesses", "addresses"],
        CountSpec::Signal(_) => &["signals"],
        CountSpec::Transfer(_) => &["ownership", "addresses"],
    }
}

/// The area at `level` that a buurt (or area) code counts toward, if any.
fn target(key: &str, level: AreaLevel) -> Option<AreaCode> {
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
    pub fn newest_data_date(&self) -> Result<Option<RefDate>, StoreError> {
        let d: Option<String> = self
            .conn
            .query_row(
                "SELECT max(d) FROM (SELECT max(date) AS d FROM signals
                 UNION ALL SELECT max(acquired_on) FROM ownership
                 UNION ALL SELECT max(registered_on) FROM businesses)",
                [],
                |r| r.get(0),
            )
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
                name,
                gemeente,
                population: pop,
                ste_mvs: ste.filter(|s| (1.0..=5.0).contains(s)).map(|s| s as u8),
            });
        }
        Ok(out)
    }

    /// One statistic for the given areas (same order); `None` where there is no value.
    fn stat_column(
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

    /// Computes every quantity of `lenses` for the areas at `options.level`. Each entity table
    /// is read once (one aggregate query with a column per distinct count); flags are
    /// evaluated once per lens flag.
    pub fn indicator_data(
        &self,
        lenses: &[&Lens],
        options: &IndicatorOptions,
    ) -> Result<IndicatorData, StoreError> {
        let level = options.level;
        let year = match options.year {
            Some(y) => y,
            None => self.latest_area_year(level)?.unwrap_or(0),
        };
        let areas = self.areas_at(level, year, options.within.as_ref())?;
        let index: HashMap<&str, usize> = areas
            .iter()
            .enumerate()
            .map(|(i, a)| (a.code.as_str(), i))
            .collect();
        let presence = self.presence()?;
        // Counts tied to addresses are absent in a gemeente without any imported address
        // (regional BAG extract, national CBS table), not 0.
        let gemeenten = self.gemeenten_with_addresses()?;
        let with_addresses: Vec<bool> = areas
            .iter()
            .map(|a| gemeenten.contains(a.gemeente.as_str()))
            .collect();

        let mut stats = BTreeMap::new();
        let mut specs: Vec<CountSpec> = Vec::new();
        for lens in lenses {
            for ind in &lens.indicators {
                for q in std::iter::once(&ind.numerator).chain(ind.denominator.as_ref()) {
                    match q {
                        Quantity::Stat(k) => {
                            if !stats.contains_key(k) {
                                let col = self.stat_column(k, year, level, &index)?;
                                stats.insert(k.clone(), col);
                            }
                        }
                        Quantity::Count(spec) => {
                            if !specs.contains(spec) {
                                specs.push(spec.clone());
                            }
                        }
                        Quantity::Flagged(_) => {}
                    }
                }
            }
        }

        let mut counts: Vec<(CountSpec, Vec<Option<f64>>)> = specs
            .iter()
            .map(|s| (s.clone(), vec![None; areas.len()]))
            .collect();
        let reference = options.reference;
        for table in [
            EntityTable::Addresses,
            EntityTable::Businesses,
            EntityTable::Signals,
            EntityTable::Transfers,
        ] {
            let mine: Vec<usize> = (0..specs.len())
                .filter(|&i| table.owns(&specs[i]))
                .collect();
            if mine.is_empty() || !spec_tables(&specs[mine[0]]).iter().all(|t| presence.has(t)) {
                continue;
            }
            let per_key = self.count_pass(
                table,
                &mine.iter().map(|&i| &specs[i]).collect::<Vec<_>>(),
                reference,
            )?;
            let mut per_area: Vec<Vec<i64>> = vec![vec![0; mine.len()]; areas.len()];
            for (key, sums) in per_key {
                let Some(t) = target(&key, level) else {
                    continue;
                };
                if let Some(&a) = index.get(t.as_str()) {
                    for (acc, s) in per_area[a].iter_mut().zip(&sums) {
                        *acc += s;
                    }
                }
            }
            let anchored = table != EntityTable::Signals;
            for (j, &si) in mine.iter().enumerate() {
                for (a, sums) in per_area.iter().enumerate() {
                    if !anchored || with_addresses[a] {
                        counts[si].1[a] = Some(sums[j] as f64);
                    }
                }
            }
        }

        let mut flagged = BTreeMap::new();
        let mut flags = BTreeMap::new();
        let mut cache: Vec<(&crate::lens::Rule, Vec<FlaggedEntity>)> = Vec::new();
        let mut memo =
            FlagMemo::for_rules(lenses.iter().flat_map(|l| l.flags.iter().map(|f| &f.rule)));
        for lens in lenses {
            let used: HashSet<&str> = lens
                .indicators
                .iter()
                .flat_map(|i| std::iter::once(&i.numerator).chain(i.denominator.as_ref()))
                .filter_map(|q| match q {
                    Quantity::Flagged(f) => Some(f.as_str()),
                    _ => None,
                })
                .collect();
            for flag in &lens.flags {
                if !used.contains(flag.id.as_str()) {
                    continue;
                }
                let key = (lens.id.clone(), flag.id.clone());
                if !rule_tables(&flag.rule).iter().all(|t| presence.has(t)) {
                    flagged.insert(key, vec![None; areas.len()]);
                    continue;
                }
                // The same rule in several lenses is evaluated once.
                let entities = match cache.iter().find(|(r, _)| *r == &flag.rule) {
                    Some((_, found)) => found
                        .iter()
                        .map(|e: &FlaggedEntity| FlaggedEntity {
                            flag: flag.id.clone(),
                            label: flag.label.clone(),
                            ..e.clone()
                        })
                        .collect(),
                    None => {
                        let found = self.flag_entities_with(flag, reference, &mut memo)?;
                        cache.push((&flag.rule, found.clone()));
                        found
                    }
                };
                let mut col = vec![0i64; areas.len()];
                let mut seen: HashSet<(usize, &str)> = HashSet::new();
                for e in &entities {
                    for b in &e.buurten {
                        if let Some(t) = target(b, level)
                            && let Some(&a) = index.get(t.as_str())
                            && seen.insert((a, e.id.as_str()))
                        {
                            col[a] += 1;
                        }
                    }
                }
                let anchored = !matches!(
                    flag.rule,
                    crate::lens::Rule::Signals {
                        subject: crate::lens::Subject::Party,
                        ..
                    }
                );
                flagged.insert(
                    key.clone(),
                    col.into_iter()
                        .zip(&with_addresses)
                        .map(|(c, &w)| (w || !anchored).then_some(c as f64))
                        .collect(),
                );
                flags.insert(key, entities);
            }
        }

        Ok(IndicatorData {
            level,
            year,
            reference,
            areas,
            presence,
            stats,
            counts,
            flagged,
            flags,
        })
    }

    /// One aggregate pass over an entity table: per buurt (or area) key, one sum per spec.
    fn count_pass(
        &self,
        table: EntityTable,
        specs: &[&CountSpec],
        reference: RefDate,
    ) -> Result<Vec<(String, Vec<i64>)>, StoreError> {
        let mut sql = Sql::new(reference);
        let conds: Vec<String> = specs.iter().map(|s| spec_condition(&mut sql, s)).collect();
        let sums: Vec<String> = conds
            .iter()
            .map(|c| format!("sum(CASE WHEN {c} THEN 1 ELSE 0 END)"))
            .collect();
        let any = conds
            .iter()
            .map(|c| format!("({c})"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let pre = prefilter(&mut sql, table, specs);
        let text = format!(
            "SELECT {key} AS k, {sums} FROM {from} WHERE {pre} AND ({any}) GROUP BY k",
            key = table.key(),
            sums = sums.join(", "),
            from = table.from(),
        );
        let mut stmt = self
            .conn
            .prepare(&text)
            .ctx("preparing an indicator query")?;
        let n = specs.len();
        let rows = stmt
            .query_map(params_from_iter(sql.params()), |r| {
                let key: Option<String> = r.get(0)?;
                let mut v = Vec::with_capacity(n);
                for i in 0..n {
                    v.push(r.get::<_, Option<i64>>(i + 1)?.unwrap_or(0));
                }
                Ok((key, v))
            })
            .ctx("computing indicator counts")?;
        let mut out = Vec::new();
        for row in rows {
            let (key, v) = row.ctx("computing indicator counts")?;
            if let Some(key) = key {
                out.push((key, v));
            }
        }
        Ok(out)
    }
}

/// The four entity tables that counts are taken over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntityTable {
    Addresses,
    Businesses,
    Signals,
    Transfers,
}

impl EntityTable {
    fn owns(self, spec: &CountSpec) -> bool {
        matches!(
            (self, spec),
            (EntityTable::Addresses, CountSpec::Address(_))
                | (EntityTable::Businesses, CountSpec::Business(_))
                | (EntityTable::Signals, CountSpec::Signal(_))
                | (EntityTable::Transfers, CountSpec::Transfer(_))
        )
    }

    /// The grouping key: the buurt (or, for signals about an area, the area code).
    fn key(self) -> &'static str {
        match self {
            EntityTable::Addresses | EntityTable::Businesses | EntityTable::Transfers => {
                "a.buurt_code"
            }
            EntityTable::Signals => {
                "CASE s.entity_kind \
                 WHEN 'address' THEN (SELECT x.buurt_code FROM addresses x WHERE x.id = s.entity_id) \
                 WHEN 'business' THEN (SELECT x.buurt_code FROM businesses y JOIN addresses x ON x.id = y.address_id WHERE y.vestigingsnummer = s.entity_id) \
                 WHEN 'area' THEN s.entity_id END"
            }
        }
    }

    fn from(self) -> &'static str {
        match self {
            EntityTable::Addresses => "addresses a",
            // CROSS JOIN keeps the entity table as the outer loop: one address lookup per
            // row instead of probing every address.
            EntityTable::Businesses => "businesses b CROSS JOIN addresses a ON a.id = b.address_id",
            EntityTable::Signals => "signals s",
            EntityTable::Transfers => {
                "ownership o CROSS JOIN addresses a ON a.id = o.address_id \
                 LEFT JOIN parties p ON p.id = o.party_id"
            }
        }
    }
}

/// A condition on the entity table alone that every counted row meets, so SQLite skips the
/// other rows before any join: the window of dated entities (when every count has one) and,
/// for signals, not about a party.
fn prefilter(sql: &mut Sql, table: EntityTable, specs: &[&CountSpec]) -> String {
    let r = Sql::REF;
    let reference = sql.reference();
    let earliest = |since: Vec<Option<RefDate>>| -> Option<RefDate> {
        since
            .iter()
            .copied()
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .min()
    };
    match table {
        EntityTable::Transfers => {
            let since = specs
                .iter()
                .map(|s| match s {
                    CountSpec::Transfer(f) => f.since_date(reference),
                    _ => None,
                })
                .collect();
            match earliest(since) {
                Some(d) => format!(
                    "o.acquired_on <= {r} AND o.acquired_on >= {}",
                    sql.text(&d.iso())
                ),
                None => format!("o.acquired_on <= {r}"),
            }
        }
        EntityTable::Signals => {
            let since = specs
                .iter()
                .map(|s| match s {
                    CountSpec::Signal(f) => f.since_date(reference),
                    _ => None,
                })
                .collect();
            let window = match earliest(since) {
                Some(d) => format!(" AND s.date >= {}", sql.text(&d.iso())),
                None => String::new(),
            };
            format!("s.entity_kind <> 'party' AND s.date <= {r}{window}")
        }
        EntityTable::Addresses | EntityTable::Businesses => "1".to_owned(),
    }
}

/// The condition of one count, with its values bound.
fn spec_condition(sql: &mut Sql, spec: &CountSpec) -> String {
    match spec {
        CountSpec::Address(f) => address_condition(sql, f),
        CountSpec::Business(f) => business_condition(sql, f),
        CountSpec::Signal(f) => signal_condition(sql, f),
        CountSpec::Transfer(f) => transfer_condition(sql, f),
    }
}

fn address_condition(sql: &mut Sql, f: &AddressFilter) -> String {
    let mut c = Vec::new();
    if !f.uses.is_empty() {
        c.push(sql.has_use("a.uses", &f.uses));
    }
    if let Some(v) = f.min_surface {
        c.push(format!("a.surface_m2 >= {}", sql.bind(v)));
    }
    if let Some(v) = f.max_surface {
        c.push(format!("a.surface_m2 <= {}", sql.bind(v)));
    }
    if let Some(v) = f.min_residents {
        c.push(format!("a.residents >= {}", sql.bind(i64::from(v))));
    }
    all(c)
}

/// Active on the reference date: registered on or before it (or unknown) and not ended by it.
pub(crate) const BUSINESS_ACTIVE: &str = "(b.registered_on IS NULL OR b.registered_on <= ?1) AND (b.ended_on IS NULL OR b.ended_on > ?1)";

fn business_condition(sql: &mut Sql, f: &BusinessFilter) -> String {
    let r = Sql::REF;
    let mut c = Vec::new();
    if !f.sbi_prefixes.is_empty() {
        c.push(sql.starts_with("b.sbi_code", &f.sbi_prefixes));
    }
    match f.active {
        Some(true) => c.push(BUSINESS_ACTIVE.to_owned()),
        Some(false) => c.push(format!("b.ended_on IS NOT NULL AND b.ended_on <= {r}")),
        None => {}
    }
    if let Some(since) = f.registered_since(sql.reference()) {
        let p = sql.text(&since.iso());
        c.push(format!("b.registered_on >= {p} AND b.registered_on <= {r}"));
    }
    if let Some(since) = f.ended_since(sql.reference()) {
        let p = sql.text(&since.iso());
        c.push(format!("b.ended_on >= {p} AND b.ended_on <= {r}"));
    }
    if !f.legal_forms.is_empty() {
        c.push(sql.in_list("b.legal_form", &f.legal_forms));
    }
    if let Some(v) = f.min_employees {
        c.push(format!("b.employees >= {}", sql.bind(i64::from(v))));
    }
    if let Some(v) = f.max_employees {
        c.push(format!("b.employees <= {}", sql.bind(i64::from(v))));
    }
    if let Some(v) = f.min_surface {
        c.push(format!("a.surface_m2 >= {}", sql.bind(v)));
    }
    if let Some(v) = f.max_surface {
        c.push(format!("a.surface_m2 <= {}", sql.bind(v)));
    }
    if !f.address_uses.is_empty() {
        c.push(sql.has_use("a.uses", &f.address_uses));
    }
    all(c)
}

fn signal_condition(sql: &mut Sql, f: &SignalFilter) -> String {
    let r = Sql::REF;
    let mut c = vec![format!("s.date <= {r}")];
    if !f.kinds.is_empty() {
        c.push(sql.in_list("s.kind", &f.kinds));
    }
    if !f.sources.is_empty() {
        c.push(sql.in_list("s.source", &f.sources));
    }
    if let Some(since) = f.since_date(sql.reference()) {
        c.push(format!("s.date >= {}", sql.text(&since.iso())));
    }
    all(c)
}

fn transfer_condition(sql: &mut Sql, f: &TransferFilter) -> String {
    let r = Sql::REF;
    let mut c = vec![format!("o.acquired_on <= {r}")];
    if let Some(since) = f.since_date(sql.reference()) {
        c.push(format!("o.acquired_on >= {}", sql.text(&since.iso())));
    }
    if f.to_legal_person {
        c.push("p.kind = 'legal'".to_owned());
    }
    all(c)
}
