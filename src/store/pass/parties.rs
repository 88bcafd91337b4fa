//! The party stage: one scan of `roles` for the current roles, then the per-party counts of
//! `party_links` (distinct KvK numbers with a current role, distinct addresses currently
//! owned) from the current roles and ownerships gathered in one pass each, and finally the
//! places of every party a rule found: the buurten where it owns an address now or has a
//! current role in a business registered there.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::lens::{Rule, Subject};
use crate::store::open::StoreError;

use super::key::{Key, NO_AREA, text};
use super::{Hit, Hits, Run, stream};

/// Current ownerships and roles by party number.
#[derive(Debug, Default)]
pub(crate) struct PartyPlaces {
    index: HashMap<Key, u32>,
    /// (party, address number, buurt) per current ownership.
    owned: Vec<(u32, u32, u32)>,
    /// (party, KvK number) per current role.
    roles: Vec<(u32, Key)>,
}

impl PartyPlaces {
    fn number(&mut self, party: &str) -> u32 {
        let next = self.index.len() as u32;
        *self.index.entry(Key::new(party)).or_insert(next)
    }

    /// Records a current ownership.
    pub(crate) fn own(&mut self, party: &str, address: u32, buurt: u32) {
        let p = self.number(party);
        self.owned.push((p, address, buurt));
    }

    /// The ids of the given party numbers.
    fn ids(&self, wanted: &HashSet<u32>) -> HashMap<u32, String> {
        self.index
            .iter()
            .filter(|(_, p)| wanted.contains(p))
            .map(|(k, &p)| (p, k.text()))
            .collect()
    }
}

/// Per party number: how many distinct values it has in `pairs`, for the parties with at
/// least `floor` pairs (pairs are counted first, so only those parties are sorted).
fn distinct_counts<T: Ord + Clone>(pairs: &[(u32, T)], floor: u32) -> HashMap<u32, i64> {
    let mut rows: HashMap<u32, u32> = HashMap::new();
    for (p, _) in pairs {
        *rows.entry(*p).or_default() += 1;
    }
    let mut candidates: Vec<(u32, T)> = pairs
        .iter()
        .filter(|(p, _)| rows[p] >= floor)
        .cloned()
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut out = HashMap::new();
    for (p, _) in candidates {
        *out.entry(p).or_default() += 1;
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
                let p = run.parties.number(party);
                run.parties.roles.push((p, Key::new(kvk)));
            }
            Ok(())
        },
    )?;
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
    .map(|f| {
        let pairs: Vec<(u32, u32)> = run.parties.owned.iter().map(|&(p, a, _)| (p, a)).collect();
        distinct_counts(&pairs, f)
    });
    let mut found: Vec<(usize, Vec<(u32, Vec<String>)>)> = Vec::new();
    for (i, rule) in &links {
        let Rule::PartyLinks {
            min_businesses,
            min_addresses,
        } = rule
        else {
            continue;
        };
        let mut parts: Vec<(u32, &HashMap<u32, i64>, &str)> = Vec::new();
        if let (Some(m), Some(c)) = (min_businesses, &businesses) {
            parts.push((*m, c, "rol in {} bedrijven (KvK-nummers)"));
        }
        if let (Some(m), Some(c)) = (min_addresses, &addresses) {
            parts.push((*m, c, "eigenaar van {} adressen"));
        }
        let Some(&(m0, c0, _)) = parts.first() else {
            continue;
        };
        let mut hits: Vec<(u32, Vec<String>)> = Vec::new();
        for (&p, _) in c0.iter().filter(|(_, n)| **n >= i64::from(m0)) {
            let mut evidence = Vec::new();
            let all = parts.iter().all(|(m, c, text)| match c.get(&p) {
                Some(&n) if n >= i64::from(*m) => {
                    evidence.push(text.replace("{}", &n.to_string()));
                    true
                }
                _ => false,
            });
            if all {
                hits.push((p, evidence));
            }
        }
        found.push((*i, hits));
    }
    let wanted: HashSet<u32> = found
        .iter()
        .flat_map(|(_, h)| h.iter().map(|(p, _)| *p))
        .collect();
    let ids = run.parties.ids(&wanted);
    for (i, hits) in found {
        for (p, evidence) in hits {
            if let Some(id) = ids.get(&p) {
                run.hits[i].insert(
                    id.clone(),
                    Hit {
                        buurten: BTreeSet::new(),
                        evidence,
                    },
                );
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
    let mut wanted: HashMap<u32, BTreeSet<String>> = HashMap::new();
    for &i in &about {
        for id in run.hits[i].keys() {
            if let Some(&p) = run.parties.index.get(&Key::new(id)) {
                wanted.insert(p, BTreeSet::new());
            }
        }
    }
    for &(p, _, buurt) in &run.parties.owned {
        if let Some(set) = wanted.get_mut(&p)
            && let Some(code) = run.areas.code(buurt)
        {
            set.insert(code.to_owned());
        }
    }
    if !wanted.is_empty() {
        run.kvk_buurt.sort_unstable();
        for (p, kvk) in &run.parties.roles {
            let Some(set) = wanted.get_mut(p) else {
                continue;
            };
            let from = run.kvk_buurt.partition_point(|(k, _)| k < kvk);
            for (_, buurt) in run.kvk_buurt[from..].iter().take_while(|(k, _)| k == kvk) {
                if *buurt != NO_AREA
                    && let Some(code) = run.areas.code(*buurt)
                {
                    set.insert(code.to_owned());
                }
            }
        }
    }
    for &i in &about {
        let hits: &mut Hits = &mut run.hits[i];
        for (id, hit) in hits.iter_mut() {
            hit.buurten = run
                .parties
                .index
                .get(&Key::new(id))
                .and_then(|p| wanted.get(p))
                .cloned()
                .unwrap_or_default();
        }
    }
}
