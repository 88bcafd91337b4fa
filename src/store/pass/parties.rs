//! The party stage: one scan of `roles` for the current roles, then the per-party counts of
//! `party_links` (distinct KvK numbers with a current role, distinct addresses currently
//! owned) from the current roles and ownerships gathered in one pass each, and finally the
//! places of every party a rule found: the buurten where it owns an address now or has a
//! current role in a business registered there.

use std::collections::{BTreeSet, HashMap};

use crate::lens::{Rule, Subject};
use crate::store::open::StoreError;

use super::key::{Key, NO_AREA, text};
use super::{Hit, Run, stream};

/// Current ownerships and roles by party, gathered unsorted and sorted once by party: sorting
/// millions of rows is cheaper than a hash map with millions of parties.
#[derive(Debug, Default)]
pub(crate) struct PartyPlaces {
    /// (party, (address number, buurt)) per current ownership.
    owned: Vec<(Key, (u32, u32))>,
    /// (party, KvK number) per current role.
    roles: Vec<(Key, Key)>,
}

impl PartyPlaces {
    /// Records a current ownership.
    pub(crate) fn own(&mut self, party: &str, address: u32, buurt: u32) {
        self.owned.push((Key::new(party), (address, buurt)));
    }
}

/// The rows of `sorted` (by party, then value) for one party.
fn rows_of<'s, T>(sorted: &'s [(Key, T)], party: &Key) -> &'s [(Key, T)] {
    let from = sorted.partition_point(|(p, _)| p < party);
    let to = from + sorted[from..].partition_point(|(p, _)| p == party);
    &sorted[from..to]
}

/// Per party, how many distinct values it has in `sorted` (by party, then value), for the
/// parties with at least `floor`.
fn distinct_counts<T: PartialEq>(sorted: &[(Key, T)], floor: u32) -> HashMap<&Key, i64> {
    let mut out = HashMap::new();
    let mut i = 0;
    while i < sorted.len() {
        let party = &sorted[i].0;
        let mut n = 0i64;
        let mut j = i;
        while j < sorted.len() && sorted[j].0 == *party {
            if j == i || sorted[j].1 != sorted[j - 1].1 {
                n += 1;
            }
            j += 1;
        }
        if n >= i64::from(floor) {
            out.insert(party, n);
        }
        i = j;
    }
    out
}

pub(super) fn run(conn: &rusqlite::Connection, run: &mut Run<'_>) -> Result<(), StoreError> {
    let req = run.req;
    if !req.about_parties() {
        return Ok(());
    }
    let r = run.reference.clone();
    stream(
        conn,
        "SELECT party_id, kvk_nummer, started_on, ended_on FROM roles",
        "reading roles",
        |row| {
            let (Some(party), Some(kvk)) = (text(row.get_ref(0)?), text(row.get_ref(1)?)) else {
                return Ok(());
            };
            let started = text(row.get_ref(2)?);
            let ended = text(row.get_ref(3)?);
            if started.is_none_or(|s| s <= r.as_str()) && ended.is_none_or(|e| e > r.as_str()) {
                run.parties.roles.push((Key::new(party), Key::new(kvk)));
            }
            Ok(())
        },
    )?;
    run.parties.roles.sort_unstable();
    // By party, then address (the buurt follows the address).
    run.parties.owned.sort_unstable();
    let owned = &run.parties.owned;
    let links = req.rules(|r| matches!(r, Rule::PartyLinks { .. }));
    let floor = |pick: fn(&Rule) -> Option<u32>| links.iter().filter_map(|(_, r)| pick(r)).min();
    let businesses = floor(|r| match r {
        Rule::PartyLinks { min_businesses, .. } => *min_businesses,
        _ => None,
    })
    .map(|f| distinct_counts(&run.parties.roles, f));
    let addresses = floor(|r| match r {
        Rule::PartyLinks { min_addresses, .. } => *min_addresses,
        _ => None,
    })
    .map(|f| distinct_counts(owned, f));
    for (i, rule) in &links {
        let Rule::PartyLinks {
            min_businesses,
            min_addresses,
        } = rule
        else {
            continue;
        };
        type Says = fn(i64) -> String;
        let mut parts: Vec<(u32, &HashMap<&Key, i64>, Says)> = Vec::new();
        if let (Some(m), Some(c)) = (min_businesses, &businesses) {
            parts.push((*m, c, |n| format!("rol in {n} bedrijven (KvK-nummers)")));
        }
        if let (Some(m), Some(c)) = (min_addresses, &addresses) {
            parts.push((*m, c, |n| format!("eigenaar van {n} adressen")));
        }
        let Some(&(m0, c0, _)) = parts.first() else {
            continue;
        };
        for (&p, _) in c0.iter().filter(|(_, n)| **n >= i64::from(m0)) {
            let mut evidence = Vec::new();
            let all = parts.iter().all(|(m, c, says)| match c.get(p) {
                Some(&n) if n >= i64::from(*m) => {
                    evidence.push(says(n));
                    true
                }
                _ => false,
            });
            if all {
                let hit = Hit {
                    buurten: BTreeSet::new(),
                    evidence,
                };
                run.hits[*i].insert(p.text(), hit);
            }
        }
    }
    Ok(())
}

/// Gives every party a rule found its places (after the signals stage).
pub(super) fn place(run: &mut Run<'_>) {
    let about: Vec<usize> = run
        .req
        .rules(|r| r.subject() == Subject::Party)
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    if about.is_empty() {
        return;
    }
    if !run.kvk_buurt.is_sorted() {
        run.kvk_buurt.sort_unstable();
    }
    for &i in &about {
        let ids: Vec<String> = run.hits[i].keys().cloned().collect();
        for id in ids {
            let party = Key::new(&id);
            let mut places = BTreeSet::new();
            for (_, (_, buurt)) in rows_of(&run.parties.owned, &party) {
                places.extend(run.areas.code(*buurt).map(str::to_owned));
            }
            for (_, kvk) in rows_of(&run.parties.roles, &party) {
                let from = run.kvk_buurt.partition_point(|(k, _)| k < kvk);
                for (_, buurt) in run.kvk_buurt[from..].iter().take_while(|(k, _)| k == kvk) {
                    if *buurt != NO_AREA {
                        places.extend(run.areas.code(*buurt).map(str::to_owned));
                    }
                }
            }
            if let Some(hit) = run.hits[i].get_mut(&id) {
                hit.buurten = places;
            }
        }
    }
}
