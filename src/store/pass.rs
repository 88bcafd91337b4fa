//! The shared pass: every count spec and every flag rule of a run (all lenses at once),
//! evaluated while streaming each entity table once. Rows come out of SQLite by plain scans
//! (`SELECT columns FROM table`, no lens value in the SQL text at all; the per-party counts
//! take the reference date and a minimum as bound parameters), and everything else
//! happens in Rust: the filters of [`filter`], the joins to an address's buurt through the
//! in-memory [`address_index::AddressIndex`], per-buurt sums for counts and per-entity sums
//! for flags.
//!
//! The stages run in an order where each finds what it joins to. When the database is a
//! file, the machine has a second core and the store is not kept to one connection
//! ([`Store::on_one_connection`]), they read on two connections: the addresses, with the
//! per-party counts (counted by SQLite from covering indexes) beside them; then businesses,
//! signals and the places of the parties found, with legal parties and ownership (the
//! largest table) beside them. The stages beside only read the sealed address index and
//! give back what they found, which is added to the run afterwards, so the outcome is the
//! same whether they run beside or after. A stage runs only when a spec or rule of the run
//! reads its table.

mod address_index;
mod addresses;
mod area_column;
mod businesses;
mod buurten;
mod evidence;
pub(crate) mod filter;
mod id_table;
pub(crate) mod key;
mod narrow;
mod ownership;
#[cfg(test)]
pub(crate) use ownership::LEGAL_PARTIES;
mod parties;
#[cfg(test)]
pub(crate) use parties::{OWNER_COUNTS, ROLE_COUNTS};
mod signals;
mod stages;
mod tally;

use std::collections::{BTreeMap, HashSet};

use rusqlite::Connection;

use super::open::{Context, Store, StoreError};
use crate::lens::{CountSpec, RefDate, Rule};
use address_index::{AddressIndex, Reader};
use area_column::AreaColumn;
pub(crate) use buurten::Buurten;
use id_table::{Hint, IdTable};
use key::{AreaKeys, NO_AREA};
use tally::Marks;

/// What one rule found for one entity.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Hit {
    /// The buurten the entity lies in (area numbers of the pass, named by
    /// [`Outcome::areas`]).
    pub(crate) buurten: Buurten,
    /// Why it fired, in Dutch (empty when the request asks for no evidence).
    pub(crate) evidence: Vec<String>,
}

impl Hit {
    /// Adds the evidence `says` writes, when `keep`.
    fn says(&mut self, keep: bool, says: impl FnOnce() -> String) {
        if keep {
            self.evidence.push(says());
        }
    }
}

/// Entities by id.
pub(crate) type Hits = BTreeMap<String, Hit>;

/// Notes that a rule holds for entity `id` in `buurt`, with the evidence `says` writes
/// when `keep`.
fn record(hits: &mut Hits, id: &str, buurt: u32, keep: bool, says: impl FnOnce() -> String) {
    let hit = hits.entry(id.to_owned()).or_default();
    hit.buurten.add(buurt);
    hit.says(keep, says);
}

/// What a pass computes.
#[derive(Debug)]
pub(crate) struct Request<'a> {
    /// The reference date windows count back from.
    pub(crate) reference: RefDate,
    /// Distinct count specs.
    pub(crate) specs: Vec<&'a CountSpec>,
    /// Distinct rules without `all`/`any` (their parts are listed instead).
    pub(crate) rules: Vec<&'a Rule>,
    /// Which hits of each rule the flags can use.
    narrowing: narrow::Narrowing,
    /// Whether hits carry their evidence. Scoring only counts flagged entities per area, so
    /// it leaves this off and the pass writes no text for the hundreds of thousands of hits
    /// a broad rule has at national scale.
    pub(crate) evidence: bool,
}

/// What a pass found.
#[derive(Debug)]
pub(crate) struct Outcome {
    /// The area codes counts are kept by: buurt codes, and the codes of areas signals are
    /// about.
    pub(crate) areas: Vec<String>,
    /// Per spec (request order): the count per area code (same order as `areas`).
    pub(crate) counts: Vec<Vec<i64>>,
    /// Per rule (request order): the entities it holds for (parties with their places).
    pub(crate) hits: Vec<Hits>,
}

/// Writes a rule's count for one entity as its evidence, in Dutch.
type Evidence = Box<dyn Fn(i64) -> String>;

/// The state the stages of the main connection share (the address index is beside it, so
/// that the stages beside can read it meanwhile).
struct Run<'a> {
    req: &'a Request<'a>,
    /// The reference date as ISO text (dates compare as text).
    reference: String,
    areas: AreaKeys,
    /// This thread's lookups in the address index.
    reader: Reader,
    /// Every use value a business filter asks of its address, by bit.
    use_bits: Vec<String>,
    counts: Vec<Vec<i64>>,
    hits: Vec<Hits>,
    /// Addresses with an active business, by number (for
    /// `dwelling_without_residents_or_business`; a bit per address is far smaller than a
    /// set of the 1.7 million such addresses at national scale).
    active_at: Marks,
    /// Dwellings without residents by address number, waiting for the businesses.
    empty_dwellings: Vec<u32>,
    /// The buurt of each business, when signals about businesses are counted or flagged.
    business_ids: IdTable,
    business_hint: Hint,
    /// The buurt by number of `business_ids`.
    business_buurt: AreaColumn,
    /// Hits found by address number: (rule, number, count), named at the end.
    by_number: Vec<(usize, u32, i64)>,
    /// Per rule with hits by number, when the request asks for evidence: how its count
    /// reads as evidence.
    evidence: Vec<Option<Evidence>>,
}

impl Run<'_> {
    /// Adds one to a spec's count in an area.
    fn bump(&mut self, spec: usize, area: u32) {
        bump(&mut self.counts[spec], area, self.areas.len());
    }
}

/// Adds one to a count in an area; `areas` is how many there are (room is made for all of
/// them at once).
fn bump(col: &mut Vec<i64>, area: u32, areas: usize) {
    if area == NO_AREA {
        return;
    }
    let a = area as usize;
    if col.len() <= a {
        col.resize(areas.max(a + 1), 0);
    }
    col[a] += 1;
}

impl<'a> Request<'a> {
    /// A request for `specs` and the flag rules `flags` (their parts are evaluated).
    pub(crate) fn new(reference: RefDate, specs: Vec<&'a CountSpec>, flags: &[&'a Rule]) -> Self {
        let mut rules = Vec::new();
        for f in flags {
            leaves(f, &mut rules);
        }
        let narrowing = narrow::narrowing(flags, &rules);
        Request {
            reference,
            specs,
            rules,
            narrowing,
            evidence: true,
        }
    }

    /// The same request, its hits without evidence.
    pub(crate) fn without_evidence(self) -> Self {
        Request {
            evidence: false,
            ..self
        }
    }

    /// The specs `pick` selects, with their positions.
    fn specs<T>(&self, pick: impl Fn(&'a CountSpec) -> Option<&'a T>) -> Vec<(usize, &'a T)> {
        self.specs
            .iter()
            .enumerate()
            .filter_map(|(i, s)| pick(s).map(|f| (i, f)))
            .collect()
    }

    /// The rules `pick` selects, with their positions.
    fn rules(&self, pick: impl Fn(&Rule) -> bool) -> Vec<(usize, &'a Rule)> {
        self.rules
            .iter()
            .enumerate()
            .filter(|(_, r)| pick(r))
            .map(|(i, r)| (i, *r))
            .collect()
    }

    /// What `pick` makes of each rule it selects, given the rule's position.
    fn rules_with<T>(&self, pick: impl Fn(usize, &'a Rule) -> Option<T>) -> Vec<T> {
        self.rules
            .iter()
            .enumerate()
            .filter_map(|(i, r)| pick(i, r))
            .collect()
    }

    fn any_spec(&self, pick: impl Fn(&CountSpec) -> bool) -> bool {
        self.specs.iter().any(|s| pick(s))
    }

    fn any_rule(&self, pick: impl Fn(&Rule) -> bool) -> bool {
        self.rules.iter().any(|r| pick(r))
    }

    /// Whether a stage that can read beside the others (ownership, the per-party counts)
    /// has anything to read.
    fn reads_beside(&self) -> bool {
        self.any_spec(|s| matches!(s, CountSpec::Transfer(_)))
            || self.any_rule(|r| {
                matches!(
                    r,
                    Rule::Transfers { .. } | Rule::YoungLegalOwner { .. } | Rule::PartyLinks { .. }
                )
            })
    }

    /// Whether a stage after the addresses joins to them.
    fn joins_addresses(&self) -> bool {
        self.any_spec(|s| !matches!(s, CountSpec::Address(_)))
            || self.any_rule(|r| !matches!(r, Rule::ResidentsPerM2 { .. }))
    }
}

/// Every rule without `all`/`any` in `rule`, depth first.
fn leaves<'a>(rule: &'a Rule, out: &mut Vec<&'a Rule>) {
    match rule {
        Rule::All(rules) | Rule::Any(rules) => rules.iter().for_each(|r| leaves(r, out)),
        leaf => {
            if !out.contains(&leaf) {
                out.push(leaf);
            }
        }
    }
}

impl Store {
    /// Runs the pass for `req`.
    pub(crate) fn shared_pass(&self, req: &Request<'_>) -> Result<Outcome, StoreError> {
        let mut use_bits: Vec<String> = Vec::new();
        for s in &req.specs {
            if let CountSpec::Business(f) = s {
                for u in &f.address_uses {
                    if !use_bits.contains(u) {
                        use_bits.push(u.clone());
                    }
                }
            }
        }
        // Businesses filtered on the surface of their address.
        let keep_surface = req.specs.iter().any(|s| {
            matches!(s, CountSpec::Business(f) if f.min_surface.is_some() || f.max_surface.is_some())
        });
        let mut index = AddressIndex::new(use_bits.len(), keep_surface);
        let mut run = Run {
            req,
            reference: req.reference.iso(),
            areas: AreaKeys::default(),
            reader: Reader::default(),
            use_bits,
            counts: vec![Vec::new(); req.specs.len()],
            hits: vec![Hits::new(); req.rules.len()],
            active_at: Marks::default(),
            empty_dwellings: Vec::new(),
            business_ids: IdTable::default(),
            business_hint: Hint::default(),
            business_buurt: AreaColumn::default(),
            by_number: Vec::new(),
            evidence: (0..req.rules.len()).map(|_| None).collect(),
        };
        if !req.specs.is_empty() || !req.rules.is_empty() {
            // Every stage reads its table once from start to end, so a page is not read
            // again: a small page cache for the pass leaves the memory to its own index.
            let cache: i64 = self
                .conn
                .query_row("PRAGMA cache_size", [], |r| r.get(0))
                .ctx("reading the page cache size")?;
            self.conn
                .pragma_update(None, "cache_size", PASS_CACHE_KIB)
                .ctx("shrinking the page cache for the pass")?;
            let mut side = if req.reads_beside() {
                self.side_connection(PASS_CACHE_KIB)
            } else {
                None
            };
            let stages = stages::run(&self.conn, side.as_mut(), &mut run, &mut index);
            self.conn
                .pragma_update(None, "cache_size", cache)
                .ctx("restoring the page cache")?;
            stages?;
        }
        narrow::apply(&mut run, &index);
        name_hits(&mut run, &index);
        let n = run.areas.len();
        for col in &mut run.counts {
            col.resize(n, 0);
        }
        Ok(Outcome {
            areas: run.areas.codes().to_vec(),
            counts: run.counts,
            hits: run.hits,
        })
    }
}

/// The page cache during a pass, in KiB (negative, as `PRAGMA cache_size` takes it).
const PASS_CACHE_KIB: i64 = -4096;

/// Gives the hits found by address number their ids, with one walk over the index.
fn name_hits(run: &mut Run<'_>, index: &AddressIndex) {
    let wanted: HashSet<u32> = run.by_number.iter().map(|(_, n, _)| *n).collect();
    let ids = index.ids(&wanted, &run.reader);
    for (i, n, count) in std::mem::take(&mut run.by_number) {
        let Some(id) = ids.get(&n) else { continue };
        let buurten = Buurten::of(index.buurt(n));
        let evidence = run.evidence[i].as_ref().map(|e| e(count));
        run.hits[i].insert(
            id.clone(),
            Hit {
                buurten,
                evidence: evidence.into_iter().collect(),
            },
        );
    }
}

/// Streams the rows of `sql` (no parameters) into `each`.
fn stream(
    conn: &Connection,
    sql: &str,
    what: &str,
    mut each: impl FnMut(&rusqlite::Row<'_>) -> Result<(), rusqlite::Error>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(sql).ctx(what)?;
    let mut rows = stmt.query([]).ctx(what)?;
    while let Some(row) = rows.next().ctx(what)? {
        each(row).ctx(what)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
