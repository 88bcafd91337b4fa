//! The party stage: `party_links` from the per-party counts (distinct KvK numbers with a
//! current role, distinct addresses owned now). SQLite counts them in party order from an
//! index that holds every column the count reads (`ownership_by_party` in the schema,
//! `roles_by_party_current` built on request), so no row is looked up, nothing is sorted and
//! only the parties that reach a rule's minimum come back; the reference date and the
//! minimum are bound parameters. At the end of the pass, the places of every party a rule
//! found: the buurten where it owns an address now or has a current role in a business
//! registered there, from two indexed queries per party.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use crate::lens::{Rule, Subject};
use crate::store::open::{Context, StoreError};

use super::address_index::AddressIndex;
use super::key::text;
use super::{Buurten, Hit, Hits, Request, Run};

/// Parties with at least ?2 distinct KvK numbers in which they have a role on date ?1.
pub(crate) const ROLE_COUNTS: &str = "SELECT party_id, count(DISTINCT kvk_nummer) FROM roles
     WHERE (started_on IS NULL OR started_on <= ?1) AND (ended_on IS NULL OR ended_on > ?1)
     GROUP BY party_id HAVING count(DISTINCT kvk_nummer) >= ?2";

/// Parties that own at least ?2 distinct addresses on date ?1.
pub(crate) const OWNER_COUNTS: &str = "SELECT party_id, count(DISTINCT address_id) FROM ownership
     WHERE acquired_on <= ?1 AND (ended_on IS NULL OR ended_on > ?1)
     GROUP BY party_id HAVING count(DISTINCT address_id) >= ?2";

/// The parties of `sql` (one of the counts above) at `reference` with at least `floor`.
fn counts(
    conn: &Connection,
    sql: &str,
    what: &str,
    reference: &str,
    floor: u32,
) -> Result<HashMap<String, i64>, StoreError> {
    let mut stmt = conn.prepare(sql).ctx(what)?;
    let rows = stmt
        .query_map(params![reference, floor], |r| Ok((r.get(0)?, r.get(1)?)))
        .ctx(what)?;
    rows.collect::<Result<_, _>>().ctx(what)
}

/// The parties each `party_links` rule of `req` holds for, by the rule's position. Reads
/// nothing but the counts, so it runs beside the address stage.
pub(super) fn count(
    conn: &Connection,
    req: &Request<'_>,
) -> Result<Vec<(usize, Hits)>, StoreError> {
    // Whether hits carry evidence (scoring leaves it off).
    let keep = req.evidence;
    let links = req.rules(|r| matches!(r, Rule::PartyLinks { .. }));
    let mut found = Vec::new();
    if links.is_empty() {
        return Ok(found);
    }
    let r = req.reference.iso();
    let floor = |pick: fn(&Rule) -> Option<u32>| links.iter().filter_map(|(_, r)| pick(r)).min();
    let businesses = floor(|r| match r {
        Rule::PartyLinks { min_businesses, .. } => *min_businesses,
        _ => None,
    })
    .map(|f| counts(conn, ROLE_COUNTS, "counting roles per party", &r, f))
    .transpose()?;
    let addresses = floor(|r| match r {
        Rule::PartyLinks { min_addresses, .. } => *min_addresses,
        _ => None,
    })
    .map(|f| counts(conn, OWNER_COUNTS, "counting addresses per owner", &r, f))
    .transpose()?;
    for (i, rule) in &links {
        let Rule::PartyLinks {
            min_businesses,
            min_addresses,
        } = rule
        else {
            continue;
        };
        type Says = fn(i64) -> String;
        let mut parts: Vec<(u32, &HashMap<String, i64>, Says)> = Vec::new();
        if let (Some(m), Some(c)) = (min_businesses, &businesses) {
            parts.push((*m, c, |n| format!("rol in {n} bedrijven (KvK-nummers)")));
        }
        if let (Some(m), Some(c)) = (min_addresses, &addresses) {
            parts.push((*m, c, |n| format!("eigenaar van {n} adressen")));
        }
        let Some(&(m0, c0, _)) = parts.first() else {
            continue;
        };
        let mut hits = Hits::new();
        for (p, _) in c0.iter().filter(|(_, n)| **n >= i64::from(m0)) {
            let mut hit = Hit::default();
            let all = parts.iter().all(|(m, c, says)| match c.get(p) {
                Some(&n) if n >= i64::from(*m) => {
                    hit.says(keep, || says(n));
                    true
                }
                _ => false,
            });
            if all {
                hits.insert(p.clone(), hit);
            }
        }
        found.push((*i, hits));
    }
    Ok(found)
}

/// Gives every party a rule found its places (after the signals stage): the buurten of the
/// addresses it owns now (from `ownership_by_party`, each address's buurt from the address
/// index) and of the businesses of its current roles.
pub(super) fn place(
    conn: &Connection,
    run: &mut Run<'_>,
    index: &AddressIndex,
) -> Result<(), StoreError> {
    let about: Vec<usize> = run
        .req
        .rules(|r| r.subject() == Subject::Party)
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    if about.is_empty() {
        return Ok(());
    }
    let what = "finding where parties own or have roles";
    let mut owned = conn
        .prepare(
            "SELECT address_id FROM ownership WHERE party_id = ?1 AND acquired_on <= ?2
               AND (ended_on IS NULL OR ended_on > ?2)",
        )
        .ctx(what)?;
    let mut roles = conn
        .prepare(
            "SELECT DISTINCT a.buurt_code FROM roles r
             JOIN businesses b ON b.kvk_nummer = r.kvk_nummer
             JOIN addresses a ON a.id = b.address_id
             WHERE r.party_id = ?1 AND (r.started_on IS NULL OR r.started_on <= ?2)
               AND (r.ended_on IS NULL OR r.ended_on > ?2) AND a.buurt_code IS NOT NULL",
        )
        .ctx(what)?;
    let mut known: HashMap<String, Buurten> = HashMap::new();
    let r = run.reference.clone();
    for &i in &about {
        let ids: Vec<String> = run.hits[i].keys().cloned().collect();
        for id in ids {
            if !known.contains_key(&id) {
                let mut places = Buurten::None;
                let mut rows = owned.query(params![id, r]).ctx(what)?;
                while let Some(row) = rows.next().ctx(what)? {
                    if let Some(a) = text(row.get_ref(0).ctx(what)?) {
                        places.add(index.buurt_of(a, &run.reader));
                    }
                }
                let mut rows = roles.query(params![id, r]).ctx(what)?;
                while let Some(row) = rows.next().ctx(what)? {
                    if let Some(code) = text(row.get_ref(0).ctx(what)?) {
                        places.add(run.areas.intern(code));
                    }
                }
                known.insert(id.clone(), places);
            }
            if let Some(hit) = run.hits[i].get_mut(&id) {
                hit.buurten = known[&id].clone();
            }
        }
    }
    Ok(())
}
