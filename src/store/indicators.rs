//! Indicator inputs for a set of lenses: every statistic, count and flagged count per area at
//! one level. All counts and all flags of all lenses come from one shared pass over the entity
//! tables ([`super::pass`]): addresses count in their buurt, businesses and transfers in their
//! address's buurt, signals in the buurt of the address or business they are about (signals
//! about an area count for that area), flagged entities in every buurt they lie in. Wijk and
//! gemeente counts add up buurt counts by the nested CBS codes; statistics are read from
//! `area_stats` at the level itself.
//!
//! Absent data is `None`, never zero: a statistic without a row, or a count over an entity
//! table that has no rows at all. A buurt without matching entities in a table that has data
//! counts `Some(0)`.

mod areas;
#[cfg(test)]
pub(crate) use areas::NEWEST_DATE;
mod missing;

use std::collections::{BTreeMap, HashMap, HashSet};

use super::flags::{rule_hits, rule_tables};
use super::open::{Store, StoreError};
use super::pass::{Outcome, Request};
use crate::lens::{CountSpec, Flag, Lens, Quantity, RefDate, Rule, Subject};
use crate::model::{AreaCode, AreaLevel};
use crate::score::{AreaInput, IndicatorInput};
use areas::target;
use missing::spec_tables;

pub use areas::{Presence, area_within};

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
    /// The name (from data: sanitise before printing), shared by the inputs of every lens.
    pub name: std::sync::Arc<str>,
    /// The gemeente it lies in.
    pub gemeente: AreaCode,
    /// Inhabitants (`a_inw`).
    pub population: Option<f64>,
    /// CBS stedelijkheid (`ste_mvs`).
    pub ste_mvs: Option<u8>,
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
}

/// What one set of lenses reads: its count specs and the flags its indicators count, split
/// into those whose tables have rows and those that are absent.
struct Plan<'a> {
    specs: Vec<&'a CountSpec>,
    used: Vec<(&'a Lens, &'a Flag)>,
    absent: Vec<(String, String)>,
}

fn plan<'a>(lenses: &[&'a Lens], presence: &Presence) -> Plan<'a> {
    let mut specs: Vec<&CountSpec> = Vec::new();
    let mut used = Vec::new();
    let mut absent = Vec::new();
    for lens in lenses {
        let quantities = lens
            .indicators
            .iter()
            .flat_map(|i| std::iter::once(&i.numerator).chain(i.denominator.as_ref()));
        let mut counted: HashSet<&str> = HashSet::new();
        for q in quantities {
            match q {
                Quantity::Count(spec) if !specs.contains(&spec) => specs.push(spec),
                Quantity::Flagged(f) => {
                    counted.insert(f.as_str());
                }
                _ => {}
            }
        }
        for flag in lens
            .flags
            .iter()
            .filter(|f| counted.contains(f.id.as_str()))
        {
            if rule_tables(&flag.rule).iter().all(|t| presence.has(t)) {
                used.push((*lens, flag));
            } else {
                absent.push((lens.id.clone(), flag.id.clone()));
            }
        }
    }
    Plan {
        specs,
        used,
        absent,
    }
}

impl Store {
    /// Computes every quantity of `lenses` for the areas at `options.level`: the statistics,
    /// and every count and flag from one shared pass over the entity tables.
    pub fn indicator_data(
        &self,
        lenses: &[&Lens],
        options: &IndicatorOptions,
    ) -> Result<IndicatorData, StoreError> {
        let mut all = self.indicator_data_sets(&[(lenses, options.clone())])?;
        Ok(all.remove(0))
    }

    /// [`Store::indicator_data`] for several sets of lenses at once (such as every lens at its
    /// own level), one result per set: the sets with the same reference date share one pass
    /// over the entity tables.
    pub fn indicator_data_sets(
        &self,
        sets: &[(&[&Lens], IndicatorOptions)],
    ) -> Result<Vec<IndicatorData>, StoreError> {
        let presence = self.presence()?;
        // Counts tied to addresses are absent in a gemeente without any imported address
        // (regional BAG extract, national CBS table), not 0.
        let gemeenten = self.gemeenten_with_addresses()?;
        let plans: Vec<Plan<'_>> = sets.iter().map(|(l, _)| plan(l, &presence)).collect();
        let mut out: Vec<Option<IndicatorData>> = sets.iter().map(|_| None).collect();
        for (i, (_, options)) in sets.iter().enumerate() {
            if out[i].is_some() {
                continue;
            }
            let reference = options.reference;
            let together: Vec<usize> = (i..sets.len())
                .filter(|&j| sets[j].1.reference == reference)
                .collect();
            let mut specs: Vec<&CountSpec> = Vec::new();
            let mut rules = Vec::new();
            for &j in &together {
                // A count over a table without rows is absent, not computed.
                for s in &plans[j].specs {
                    if !specs.contains(s) && spec_tables(s).iter().all(|t| presence.has(t)) {
                        specs.push(s);
                    }
                }
                for (_, f) in &plans[j].used {
                    rules.push(&f.rule);
                }
            }
            let req = Request::new(reference, specs, &rules).without_evidence();
            let outcome = self.shared_pass(&req)?;
            for j in together {
                let at = At {
                    options: &sets[j].1,
                    presence,
                    gemeenten: &gemeenten,
                };
                out[j] = Some(self.assemble(sets[j].0, &plans[j], &at, &req, &outcome)?);
            }
        }
        Ok(out.into_iter().flatten().collect())
    }

    /// One set's data from the outcome of the pass.
    fn assemble(
        &self,
        lenses: &[&Lens],
        plan: &Plan<'_>,
        at: &At<'_>,
        req: &Request<'_>,
        outcome: &Outcome,
    ) -> Result<IndicatorData, StoreError> {
        let options = at.options;
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
        let with_addresses: Vec<bool> = areas
            .iter()
            .map(|a| at.gemeenten.contains(a.gemeente.as_str()))
            .collect();
        // Present where the area's gemeente has addresses, or everywhere when not anchored.
        let column = |col: Vec<i64>, anchored: bool| -> Vec<Option<f64>> {
            col.into_iter()
                .zip(&with_addresses)
                .map(|(c, &w)| (w || !anchored).then_some(c as f64))
                .collect()
        };

        let mut stats = BTreeMap::new();
        for lens in lenses {
            for ind in &lens.indicators {
                for q in std::iter::once(&ind.numerator).chain(ind.denominator.as_ref()) {
                    if let Quantity::Stat(k) = q
                        && !stats.contains_key(k)
                    {
                        stats.insert(k.clone(), self.stat_column(k, year, level, &index)?);
                    }
                }
            }
        }

        // Area codes of the pass → areas at this level.
        let targets: Vec<Option<usize>> = outcome
            .areas
            .iter()
            .map(|k| target(k, level).and_then(|t| index.get(t.as_str()).copied()))
            .collect();
        let mut counts = Vec::new();
        for spec in &plan.specs {
            let Some(s) = req.specs.iter().position(|r| r == spec) else {
                counts.push(((*spec).clone(), vec![None; areas.len()]));
                continue;
            };
            let mut col = vec![0i64; areas.len()];
            for (k, c) in outcome.counts[s].iter().enumerate() {
                if let Some(a) = targets[k] {
                    col[a] += c;
                }
            }
            let anchored = !matches!(spec, CountSpec::Signal(_));
            counts.push(((*spec).clone(), column(col, anchored)));
        }

        let mut flagged = BTreeMap::new();
        for key in &plan.absent {
            flagged.insert(key.clone(), vec![None; areas.len()]);
        }
        for (lens, flag) in &plan.used {
            // Each entity once per area, however many of its buurten lie in it.
            let mut col = vec![0i64; areas.len()];
            let mut within: Vec<usize> = Vec::new();
            for hit in rule_hits(&flag.rule, req, outcome).values() {
                within.clear();
                within.extend(
                    hit.buurten
                        .numbers()
                        .iter()
                        .filter_map(|&b| targets.get(b as usize).copied().flatten()),
                );
                within.sort_unstable();
                within.dedup();
                within.iter().for_each(|&a| col[a] += 1);
            }
            let anchored = !matches!(
                flag.rule,
                Rule::Signals {
                    subject: Subject::Party,
                    ..
                }
            );
            let key = (lens.id.clone(), flag.id.clone());
            flagged.insert(key, column(col, anchored));
        }

        Ok(IndicatorData {
            level,
            year,
            reference: options.reference,
            areas,
            presence: at.presence,
            stats,
            counts,
            flagged,
        })
    }
}

/// What one set is assembled at: its options and the facts of the database.
struct At<'a> {
    options: &'a IndicatorOptions,
    presence: Presence,
    gemeenten: &'a HashSet<String>,
}
