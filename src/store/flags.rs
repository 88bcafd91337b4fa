//! Entity flags: each lens [`Rule`] evaluated to the addresses, businesses or parties it
//! holds for, with the evidence that made it fire ("9 KvK-nummers op dit adres") and the
//! buurten the entity lies in (a party: every buurt where it owns an address or has a role in
//! a business registered there). `all`/`any` intersect or unite the entities of their rules
//! (all about the same kind of entity) and keep the evidence of every rule that held. Every
//! lens value is a bound parameter.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use super::indicators::BUSINESS_ACTIVE;
use super::open::{Context, Store, StoreError};
use super::sql::Sql;
use crate::lens::{Flag, Lens, Months, RefDate, Rule, Subject};

/// One entity a flag holds for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlaggedEntity {
    /// The flag id.
    pub flag: String,
    /// The flag's label.
    pub label: String,
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

/// Results shared by the flags of one run: per-party counts (computed once with the lowest
/// threshold any `party_links` rule of the run asks for, then filtered per rule) and party
/// buurten.
#[derive(Debug, Default)]
pub(crate) struct FlagMemo {
    floor_businesses: Option<u32>,
    floor_addresses: Option<u32>,
    businesses: Option<BTreeMap<String, i64>>,
    addresses: Option<BTreeMap<String, i64>>,
    buurten: BTreeMap<String, BTreeSet<String>>,
}

impl FlagMemo {
    /// A memo for these rules (the thresholds of their `party_links` parts).
    pub(crate) fn for_rules<'a>(rules: impl IntoIterator<Item = &'a Rule>) -> Self {
        fn walk(rule: &Rule, memo: &mut FlagMemo) {
            match rule {
                Rule::PartyLinks {
                    min_businesses,
                    min_addresses,
                } => {
                    let low = |a: Option<u32>, b: Option<u32>| match (a, b) {
                        (Some(x), Some(y)) => Some(x.min(y)),
                        (x, y) => x.or(y),
                    };
                    memo.floor_businesses = low(memo.floor_businesses, *min_businesses);
                    memo.floor_addresses = low(memo.floor_addresses, *min_addresses);
                }
                Rule::All(rules) | Rule::Any(rules) => rules.iter().for_each(|r| walk(r, memo)),
                _ => {}
            }
        }
        let mut memo = FlagMemo::default();
        for r in rules {
            walk(r, &mut memo);
        }
        memo
    }
}

/// What one rule found for one entity.
#[derive(Debug, Clone, Default)]
struct Hit {
    buurten: BTreeSet<String>,
    evidence: Vec<String>,
}

type Hits = BTreeMap<String, Hit>;

fn months(m: Months) -> String {
    if m.0 == 1 {
        "1 maand".to_owned()
    } else {
        format!("{} maanden", m.0)
    }
}

impl Store {
    /// Every flag of the lens, evaluated at the reference date, in flag order; entities
    /// sorted by id within a flag.
    pub fn lens_flags(
        &self,
        lens: &Lens,
        reference: RefDate,
    ) -> Result<Vec<FlaggedEntity>, StoreError> {
        let mut memo = FlagMemo::for_rules(lens.flags.iter().map(|f| &f.rule));
        let mut out = Vec::new();
        for flag in &lens.flags {
            out.extend(self.flag_entities_with(flag, reference, &mut memo)?);
        }
        Ok(out)
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
        self.flag_entities_with(flag, reference, &mut FlagMemo::for_rules([&flag.rule]))
    }

    /// [`Store::flag_entities`] sharing work with the other flags of a run.
    pub(crate) fn flag_entities_with(
        &self,
        flag: &Flag,
        reference: RefDate,
        memo: &mut FlagMemo,
    ) -> Result<Vec<FlaggedEntity>, StoreError> {
        let subject = flag.subject();
        let mut hits = self.rule_hits(&flag.rule, reference, memo)?;
        if subject == Subject::Party {
            for (id, hit) in hits.iter_mut() {
                if let Some(b) = memo.buurten.get(id) {
                    hit.buurten = b.clone();
                } else {
                    hit.buurten = self.party_buurten(id, reference)?;
                    memo.buurten.insert(id.clone(), hit.buurten.clone());
                }
            }
        }
        Ok(hits
            .into_iter()
            .map(|(id, h)| FlaggedEntity {
                flag: flag.id.clone(),
                label: flag.label.clone(),
                rule: flag.rule.name(),
                subject: subject.as_str(),
                id,
                buurten: h.buurten.into_iter().collect(),
                evidence: h.evidence,
            })
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

    /// Runs a per-party count query: rows of (party, count).
    fn party_counts(&self, text: &str, sql: &Sql) -> Result<BTreeMap<String, i64>, StoreError> {
        let mut stmt = self.conn.prepare(text).ctx("preparing a flag query")?;
        let rows = stmt
            .query_map(params_from_iter(sql.params()), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .ctx("evaluating a flag")?;
        rows.collect::<Result<_, _>>().ctx("evaluating a flag")
    }

    /// Runs a flag query: rows of (id, buurt, evidence numbers/text) → hits.
    fn hits(
        &self,
        text: &str,
        sql: &Sql,
        evidence: &dyn Fn(&[Value]) -> String,
    ) -> Result<Hits, StoreError> {
        let mut stmt = self.conn.prepare(text).ctx("preparing a flag query")?;
        let n = stmt.column_count();
        let rows = stmt
            .query_map(params_from_iter(sql.params()), |r| {
                let mut v = Vec::with_capacity(n);
                for i in 0..n {
                    v.push(r.get::<_, Value>(i)?);
                }
                Ok(v)
            })
            .ctx("evaluating a flag")?;
        let mut out = Hits::new();
        for row in rows {
            let row = row.ctx("evaluating a flag")?;
            let Value::Text(id) = &row[0] else { continue };
            let hit = out.entry(id.clone()).or_default();
            if let Value::Text(b) = &row[1] {
                hit.buurten.insert(b.clone());
            }
            hit.evidence.push(evidence(&row[2..]));
        }
        Ok(out)
    }

    fn rule_hits(
        &self,
        rule: &Rule,
        reference: RefDate,
        memo: &mut FlagMemo,
    ) -> Result<Hits, StoreError> {
        let mut sql = Sql::new(reference);
        let r = Sql::REF;
        match rule {
            Rule::BusinessesAtAddress { min } => {
                let m = sql.bind(i64::from(*min));
                let text = format!(
                    "SELECT b.address_id, a.buurt_code, count(DISTINCT b.kvk_nummer)
                     FROM businesses b LEFT JOIN addresses a ON a.id = b.address_id
                     WHERE b.address_id IS NOT NULL AND {BUSINESS_ACTIVE}
                     GROUP BY b.address_id HAVING count(DISTINCT b.kvk_nummer) >= {m}"
                );
                self.hits(&text, &sql, &|v| {
                    format!(
                        "{} KvK-nummers met een actieve vestiging op dit adres",
                        int(&v[0])
                    )
                })
            }
            Rule::BusinessChurnAtAddress {
                min_registrations,
                within,
            } => {
                let since = sql.text(&within.since(reference).iso());
                let m = sql.bind(i64::from(*min_registrations));
                let text = format!(
                    "SELECT b.address_id, a.buurt_code, count(*)
                     FROM businesses b LEFT JOIN addresses a ON a.id = b.address_id
                     WHERE b.address_id IS NOT NULL
                       AND b.registered_on >= {since} AND b.registered_on <= {r}
                     GROUP BY b.address_id HAVING count(*) >= {m}"
                );
                let w = months(*within);
                self.hits(&text, &sql, &|v| {
                    format!("{} inschrijvingen op dit adres in {w}", int(&v[0]))
                })
            }
            Rule::SbiRecentlyRegistered {
                sbi_prefixes,
                within,
            } => {
                let since = sql.text(&within.since(reference).iso());
                let sbi = sql.starts_with("b.sbi_code", sbi_prefixes);
                let text = format!(
                    "SELECT b.vestigingsnummer, a.buurt_code, b.sbi_code, b.registered_on
                     FROM businesses b LEFT JOIN addresses a ON a.id = b.address_id
                     WHERE {sbi} AND b.registered_on >= {since} AND b.registered_on <= {r}"
                );
                let w = months(*within);
                self.hits(&text, &sql, &|v| {
                    format!(
                        "SBI {} ingeschreven op {} (binnen {w})",
                        txt(&v[0]),
                        txt(&v[1])
                    )
                })
            }
            Rule::ResidentsPerM2 { above } => {
                let x = sql.bind(*above);
                let text = format!(
                    "SELECT a.id, a.buurt_code, a.residents, a.surface_m2 FROM addresses a
                     WHERE a.surface_m2 > 0 AND a.residents IS NOT NULL
                       AND a.residents * 1.0 / a.surface_m2 > {x}"
                );
                self.hits(&text, &sql, &|v| {
                    format!("{} ingeschrevenen op {} m²", int(&v[0]), real(&v[1]))
                })
            }
            Rule::DwellingWithoutResidentsOrBusiness => {
                let text = format!(
                    "SELECT a.id, a.buurt_code FROM addresses a
                     WHERE instr(',' || coalesce(a.uses, '') || ',', ',woonfunctie,') > 0
                       AND a.residents = 0
                       AND NOT EXISTS (SELECT 1 FROM businesses b
                                       WHERE b.address_id = a.id AND {BUSINESS_ACTIVE})"
                );
                self.hits(&text, &sql, &|_| {
                    "woonadres met 0 ingeschrevenen en geen actieve vestiging".to_owned()
                })
            }
            Rule::Transfers { min, within } => {
                let since = sql.text(&within.since(reference).iso());
                let m = sql.bind(i64::from(*min));
                let text = format!(
                    "SELECT o.address_id, a.buurt_code, count(*)
                     FROM ownership o LEFT JOIN addresses a ON a.id = o.address_id
                     WHERE o.acquired_on >= {since} AND o.acquired_on <= {r}
                     GROUP BY o.address_id HAVING count(*) >= {m}"
                );
                let w = months(*within);
                self.hits(&text, &sql, &|v| {
                    format!("{} overdrachten in {w}", int(&v[0]))
                })
            }
            Rule::YoungLegalOwner {
                max_age_months,
                within,
            } => {
                let window = match within {
                    Some(w) => format!(
                        "AND o.acquired_on >= {}",
                        sql.text(&w.since(reference).iso())
                    ),
                    None => String::new(),
                };
                let text = format!(
                    "SELECT o.address_id, a.buurt_code, o.acquired_on, p.registered_on
                     FROM ownership o JOIN parties p ON p.id = o.party_id
                     LEFT JOIN addresses a ON a.id = o.address_id
                     WHERE p.kind = 'legal' AND p.registered_on IS NOT NULL
                       AND o.acquired_on <= {r} {window}"
                );
                let all = self.hits(&text, &sql, &|v| format!("{}|{}", txt(&v[0]), txt(&v[1])))?;
                let mut out = Hits::new();
                for (id, hit) in all {
                    let mut ev = Vec::new();
                    for e in &hit.evidence {
                        let (acq, reg) = e.split_once('|').unwrap_or((e, ""));
                        let (Some(a), Some(g)) = (RefDate::parse(acq), RefDate::parse(reg)) else {
                            continue;
                        };
                        if g > a.months_back(*max_age_months) {
                            ev.push(format!(
                                "gekocht op {acq} door een rechtspersoon ingeschreven op {reg} \
                                 (jonger dan {max_age_months} maanden)"
                            ));
                        }
                    }
                    if !ev.is_empty() {
                        out.insert(
                            id,
                            Hit {
                                buurten: hit.buurten,
                                evidence: ev,
                            },
                        );
                    }
                }
                Ok(out)
            }
            Rule::PartyLinks {
                min_businesses,
                min_addresses,
            } => {
                let mut parts: Vec<Hits> = Vec::new();
                if let Some(m) = min_businesses {
                    if memo.businesses.is_none() {
                        let floor = memo.floor_businesses.unwrap_or(*m).min(*m);
                        let mut sql = Sql::new(reference);
                        let f = sql.bind(i64::from(floor));
                        let text = format!(
                            "SELECT r.party_id, count(DISTINCT r.kvk_nummer) FROM roles r
                             WHERE (r.started_on IS NULL OR r.started_on <= {r})
                               AND (r.ended_on IS NULL OR r.ended_on > {r})
                             GROUP BY r.party_id HAVING count(DISTINCT r.kvk_nummer) >= {f}"
                        );
                        memo.businesses = Some(self.party_counts(&text, &sql)?);
                    }
                    parts.push(at_least(memo.businesses.as_ref(), *m, |n| {
                        format!("rol in {n} bedrijven (KvK-nummers)")
                    }));
                }
                if let Some(m) = min_addresses {
                    if memo.addresses.is_none() {
                        let floor = memo.floor_addresses.unwrap_or(*m).min(*m);
                        let mut sql = Sql::new(reference);
                        let f = sql.bind(i64::from(floor));
                        // NOT INDEXED: a table scan and sort beats visiting rows in party order.
                        let text = format!(
                            "SELECT o.party_id, count(DISTINCT o.address_id)
                             FROM ownership o NOT INDEXED
                             WHERE o.acquired_on <= {r} AND (o.ended_on IS NULL OR o.ended_on > {r})
                             GROUP BY o.party_id HAVING count(DISTINCT o.address_id) >= {f}"
                        );
                        memo.addresses = Some(self.party_counts(&text, &sql)?);
                    }
                    parts.push(at_least(memo.addresses.as_ref(), *m, |n| {
                        format!("eigenaar van {n} adressen")
                    }));
                }
                Ok(intersect(parts))
            }
            Rule::Signals {
                subject,
                min,
                kinds,
                sources,
                within,
            } => {
                let kind = sql.text(subject.as_str());
                let mut conds = vec![format!("s.entity_kind = {kind}"), format!("s.date <= {r}")];
                if !kinds.is_empty() {
                    conds.push(sql.in_list("s.kind", kinds));
                }
                if !sources.is_empty() {
                    conds.push(sql.in_list("s.source", sources));
                }
                if let Some(w) = within {
                    conds.push(format!("s.date >= {}", sql.text(&w.since(reference).iso())));
                }
                let m = sql.bind(i64::from(*min));
                let (buurt, join) = match subject {
                    Subject::Address => (
                        "a.buurt_code",
                        "LEFT JOIN addresses a ON a.id = s.entity_id",
                    ),
                    Subject::Business => (
                        "a.buurt_code",
                        "LEFT JOIN businesses b ON b.vestigingsnummer = s.entity_id \
                         LEFT JOIN addresses a ON a.id = b.address_id",
                    ),
                    Subject::Party => ("NULL", ""),
                };
                let text = format!(
                    "SELECT s.entity_id, {buurt}, count(*), group_concat(DISTINCT s.kind)
                     FROM signals s {join} WHERE {} GROUP BY s.entity_id HAVING count(*) >= {m}",
                    super::sql::all(conds)
                );
                let w = within.map_or("in totaal".to_owned(), |w| format!("in {}", months(w)));
                self.hits(&text, &sql, &|v| {
                    let kinds = txt(&v[1]).replace(',', ", ");
                    format!("{} signalen ({kinds}) {w}", int(&v[0]))
                })
            }
            Rule::All(rules) => {
                let parts = rules
                    .iter()
                    .map(|r| self.rule_hits(r, reference, memo))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(intersect(parts))
            }
            Rule::Any(rules) => {
                let mut out = Hits::new();
                for r in rules {
                    for (id, hit) in self.rule_hits(r, reference, memo)? {
                        let e = out.entry(id).or_default();
                        e.buurten.extend(hit.buurten);
                        e.evidence.extend(hit.evidence);
                    }
                }
                Ok(out)
            }
        }
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

/// The parties with a count of at least `min`, with evidence.
fn at_least(
    counts: Option<&BTreeMap<String, i64>>,
    min: u32,
    evidence: impl Fn(i64) -> String,
) -> Hits {
    counts
        .into_iter()
        .flatten()
        .filter(|(_, n)| **n >= i64::from(min))
        .map(|(id, n)| {
            (
                id.clone(),
                Hit {
                    buurten: BTreeSet::new(),
                    evidence: vec![evidence(*n)],
                },
            )
        })
        .collect()
}

/// Entities found by every part, with the evidence of all parts.
fn intersect(parts: Vec<Hits>) -> Hits {
    let mut iter = parts.into_iter();
    let Some(mut acc) = iter.next() else {
        return Hits::new();
    };
    for part in iter {
        acc = acc
            .into_iter()
            .filter_map(|(id, mut hit)| {
                let other = part.get(&id)?;
                hit.buurten.extend(other.buurten.iter().cloned());
                hit.evidence.extend(other.evidence.iter().cloned());
                Some((id, hit))
            })
            .collect();
    }
    acc
}

fn int(v: &Value) -> String {
    match v {
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => format!("{r:.0}"),
        Value::Text(t) => t.clone(),
        _ => "?".to_owned(),
    }
}

fn real(v: &Value) -> String {
    match v {
        Value::Integer(i) => i.to_string(),
        Value::Real(r) if r.fract() == 0.0 => format!("{r:.0}"),
        Value::Real(r) => format!("{r:.1}").replace('.', ","),
        Value::Text(t) => t.clone(),
        _ => "?".to_owned(),
    }
}

fn txt(v: &Value) -> String {
    match v {
        Value::Text(t) => t.clone(),
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => r.to_string(),
        _ => "onbekend".to_owned(),
    }
}
