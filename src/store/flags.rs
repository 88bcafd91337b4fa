//! Entity flags: each lens [`Rule`] evaluated to the addresses, businesses or parties it
//! holds for, with the evidence that made it fire ("9 KvK-nummers op dit adres") and the
//! buurten the entity lies in (a party: every buurt where it owns an address or has a role in
//! a business registered there). The rules without `all`/`any` are evaluated by the shared
//! pass ([`super::pass`]), all flags of a run at once; `all`/`any` then intersect or unite the
//! entities of their rules (all about the same kind of entity) and keep the evidence of every
//! rule that held.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use super::open::{Context, Store, StoreError};
use super::pass::{Hit, Hits, Outcome, Request};
use crate::lens::{Flag, Lens, RefDate, Rule};

/// One entity a flag holds for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlaggedEntity {
    /// The flag id (shared by every entity the flag holds for).
    pub flag: Arc<str>,
    /// The flag's label (shared likewise).
    pub label: Arc<str>,
    /// The rule's name (`businesses_at_address`, `all`, …).
    pub rule: &'static str,
    /// `address`, `business` or `party`.
    pub subject: &'static str,
    /// The entity id (BAG id, vestigingsnummer or party pseudonym).
    pub id: String,
    /// The buurten it lies in (sorted; empty when unknown).
    pub buurten: Vec<String>,
    /// Why it fired, in Dutch, one item per rule that held.
    pub evidence: Vec<String>,
}

/// One entity with every flag of a lens that holds for it (for lists per area).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityFlags {
    /// `address`, `business` or `party`.
    pub subject: &'static str,
    /// The entity id; also the paging key.
    pub id: String,
    /// The buurten it lies in.
    pub buurten: Vec<String>,
    /// The flags, in lens order, each with its evidence.
    pub flags: Vec<FlaggedEntity>,
}

/// The entity tables a rule needs; without rows in one of them the rule cannot be evaluated
/// and its counts are absent.
pub fn rule_tables(rule: &Rule) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = match rule {
        Rule::BusinessesAtAddress { .. }
        | Rule::BusinessChurnAtAddress { .. }
        | Rule::SbiRecentlyRegistered { .. } => vec!["businesses"],
        Rule::ResidentsPerM2 { .. } => vec!["addresses"],
        Rule::DwellingWithoutResidentsOrBusiness => vec!["addresses", "businesses"],
        Rule::Transfers { .. } => vec!["ownership"],
        Rule::YoungLegalOwner { .. } => vec!["ownership", "parties"],
        Rule::PartyLinks {
            min_businesses,
            min_addresses,
        } => {
            let mut t = Vec::new();
            if min_businesses.is_some() {
                t.push("roles");
            }
            if min_addresses.is_some() {
                t.push("ownership");
            }
            t
        }
        Rule::Signals { .. } => vec!["signals"],
        Rule::All(rules) | Rule::Any(rules) => rules.iter().flat_map(rule_tables).collect(),
    };
    out.sort_unstable();
    out.dedup();
    out
}

impl Store {
    /// Every flag of the lens, evaluated at the reference date, in flag order; entities
    /// sorted by id within a flag.
    pub fn lens_flags(
        &self,
        lens: &Lens,
        reference: RefDate,
    ) -> Result<Vec<FlaggedEntity>, StoreError> {
        let flags: Vec<&Flag> = lens.flags.iter().collect();
        Ok(self.evaluate_flags(&flags, reference)?.concat())
    }

    /// The entities in `area` (a buurt, wijk or gemeente) that carry at least one flag of the
    /// lens, one entry per entity with all its flags, sorted by id; the page after id `after`,
    /// at most `limit` long. Evaluates the lens's flags over the whole database: callers that
    /// page often should keep [`Store::lens_flags`] and group it with [`group_by_entity`].
    pub fn flagged_in_area(
        &self,
        lens: &Lens,
        reference: RefDate,
        area: &crate::model::AreaCode,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EntityFlags>, StoreError> {
        let all = self.lens_flags(lens, reference)?;
        Ok(group_by_entity(all, Some(area))
            .into_iter()
            .filter(|e| after.is_none_or(|a| e.id.as_str() > a))
            .take(limit)
            .collect())
    }

    /// The entities one flag holds for at the reference date, sorted by id.
    pub fn flag_entities(
        &self,
        flag: &Flag,
        reference: RefDate,
    ) -> Result<Vec<FlaggedEntity>, StoreError> {
        Ok(self
            .evaluate_flags(&[flag], reference)?
            .pop()
            .unwrap_or_default())
    }

    /// The entities of each flag (same order), from one shared pass.
    pub(crate) fn evaluate_flags(
        &self,
        flags: &[&Flag],
        reference: RefDate,
    ) -> Result<Vec<Vec<FlaggedEntity>>, StoreError> {
        let rules: Vec<&Rule> = flags.iter().map(|f| &f.rule).collect();
        let req = Request::new(reference, Vec::new(), &rules);
        let outcome = self.shared_pass(&req)?;
        Ok(flags
            .iter()
            .map(|f| flag_entities_from(f, &req, &outcome))
            .collect())
    }

    /// The buurten of a party: where it owns an address now, or has a current role in a
    /// business registered there.
    pub fn party_buurten(
        &self,
        party: &str,
        reference: RefDate,
    ) -> Result<BTreeSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.buurt_code FROM ownership o JOIN addresses a ON a.id = o.address_id
                 WHERE o.party_id = ?1 AND o.acquired_on <= ?2
                   AND (o.ended_on IS NULL OR o.ended_on > ?2) AND a.buurt_code IS NOT NULL
                 UNION
                 SELECT a.buurt_code FROM roles r
                 JOIN businesses b ON b.kvk_nummer = r.kvk_nummer
                 JOIN addresses a ON a.id = b.address_id
                 WHERE r.party_id = ?1 AND (r.started_on IS NULL OR r.started_on <= ?2)
                   AND (r.ended_on IS NULL OR r.ended_on > ?2) AND a.buurt_code IS NOT NULL",
            )
            .ctx("finding where a party is active")?;
        let rows = stmt
            .query_map(rusqlite::params![party, reference.iso()], |r| r.get(0))
            .ctx("finding where a party is active")?;
        rows.collect::<Result<BTreeSet<String>, _>>()
            .ctx("finding where a party is active")
    }
}

/// The entities `flag` holds for, from the hits of a pass whose rules include its parts.
pub(crate) fn flag_entities_from(
    flag: &Flag,
    req: &Request<'_>,
    outcome: &Outcome,
) -> Vec<FlaggedEntity> {
    let subject = flag.subject();
    let (id_of_flag, label): (Arc<str>, Arc<str>) =
        (flag.id.as_str().into(), flag.label.as_str().into());
    let entity = |id: String, h: Hit| FlaggedEntity {
        flag: Arc::clone(&id_of_flag),
        label: Arc::clone(&label),
        rule: flag.rule.name(),
        subject: subject.as_str(),
        id,
        buurten: h.buurten.codes(&outcome.areas),
        evidence: h.evidence,
    };
    match rule_hits(&flag.rule, req, outcome) {
        Cow::Borrowed(hits) => hits
            .iter()
            .map(|(id, h)| entity(id.clone(), h.clone()))
            .collect(),
        Cow::Owned(hits) => hits.into_iter().map(|(id, h)| entity(id, h)).collect(),
    }
}

/// The entities a rule holds for: a part's hits (borrowed from the pass, which can hold
/// hundreds of thousands), or `all`/`any` of its parts.
pub(crate) fn rule_hits<'o>(rule: &Rule, req: &Request<'_>, outcome: &'o Outcome) -> Cow<'o, Hits> {
    match rule {
        Rule::All(rules) => Cow::Owned(intersect(
            rules.iter().map(|r| rule_hits(r, req, outcome)).collect(),
        )),
        Rule::Any(rules) => {
            let mut out = Hits::new();
            for r in rules {
                for (id, hit) in rule_hits(r, req, outcome).iter() {
                    let e = out.entry(id.clone()).or_default();
                    e.buurten.add_all(&hit.buurten);
                    e.evidence.extend(hit.evidence.iter().cloned());
                }
            }
            Cow::Owned(out)
        }
        leaf => match req.rules.iter().position(|r| *r == leaf) {
            Some(i) => Cow::Borrowed(&outcome.hits[i]),
            None => Cow::Owned(Hits::new()),
        },
    }
}

/// Groups flagged entities by entity (sorted by id), keeping those in `area` if given.
pub fn group_by_entity(
    flagged: Vec<FlaggedEntity>,
    area: Option<&crate::model::AreaCode>,
) -> Vec<EntityFlags> {
    let mut by: BTreeMap<String, EntityFlags> = BTreeMap::new();
    for e in flagged {
        if let Some(a) = area
            && !e
                .buurten
                .iter()
                .any(|b| super::indicators::area_within(b, a))
        {
            continue;
        }
        let entry = by.entry(e.id.clone()).or_insert_with(|| EntityFlags {
            subject: e.subject,
            id: e.id.clone(),
            buurten: e.buurten.clone(),
            flags: Vec::new(),
        });
        entry.flags.push(e);
    }
    by.into_values().collect()
}

/// Entities found by every part, with the evidence of all parts (only they are copied).
fn intersect(parts: Vec<Cow<'_, Hits>>) -> Hits {
    let Some((first, rest)) = parts.split_first() else {
        return Hits::new();
    };
    first
        .iter()
        .filter(|(id, _)| rest.iter().all(|p| p.contains_key(*id)))
        .map(|(id, hit)| {
            let mut hit = hit.clone();
            for other in rest.iter().map(|p| &p[id]) {
                hit.buurten.add_all(&other.buurten);
                hit.evidence.extend(other.evidence.iter().cloned());
            }
            (id.clone(), hit)
        })
        .collect()
}
