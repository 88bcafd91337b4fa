//! Entity drill-down for the interface: an address, business or party with what is linked to
//! it, built from the store's bounded queries; and the small conversions for flag lines,
//! signals and search hits.

use crate::store::{
    AddressRow, BusinessRow, Candidate, CandidateKind, FlaggedEntity, SignalRow, Store, StoreError,
};
use crate::tui::{
    EntityDetail, EntityKind, EntityLine, EntityRef, Fact, FlagLine, HitKind, Link, SearchHit,
    SignalLine, Target,
};

/// Whether a flag's subject (`address`, `business`, `party`) is this kind of entity.
pub fn subject_matches(subject: &str, kind: EntityKind) -> bool {
    matches!(
        (subject, kind),
        ("address", EntityKind::Address)
            | ("business", EntityKind::Business)
            | ("party", EntityKind::Party)
    )
}

fn to_ref(kind: &str, id: &str) -> Option<EntityRef> {
    let kind = match kind {
        "address" => EntityKind::Address,
        "business" => EntityKind::Business,
        "party" => EntityKind::Party,
        _ => return None,
    };
    Some(EntityRef {
        kind,
        id: id.to_owned(),
    })
}

/// A flagged entity as a list line (`None` for subjects the interface cannot open).
pub fn flag_line(f: &FlaggedEntity) -> Option<EntityLine> {
    Some(EntityLine {
        target: to_ref(f.subject, &f.id)?,
        key: f.id.clone(),
        label: format!("{} {}", f.subject, f.id),
        detail: format!("{}: {}", f.label, f.evidence.join("; ")),
    })
}

/// A signal as a list line.
pub fn signal_line(s: &SignalRow) -> SignalLine {
    SignalLine {
        date: s.date.clone(),
        kind: s.kind.clone(),
        source: s.source.clone(),
        target: to_ref(&s.entity_kind, &s.entity_id),
    }
}

/// A finder candidate with its matched positions as a hit.
pub fn search_hit(c: &Candidate, positions: Vec<usize>) -> SearchHit {
    let (kind, target) = match c.kind {
        CandidateKind::Area => (HitKind::Area, Target::Area(c.key.clone())),
        CandidateKind::Address => (
            HitKind::Address,
            Target::Entity(EntityRef {
                kind: EntityKind::Address,
                id: c.key.clone(),
            }),
        ),
        CandidateKind::Postcode => (
            HitKind::Postcode,
            Target::Entity(EntityRef {
                kind: EntityKind::Address,
                id: c.key.clone(),
            }),
        ),
        CandidateKind::Kvk => (
            HitKind::Kvk,
            Target::Entity(EntityRef {
                kind: EntityKind::Business,
                id: c.key.clone(),
            }),
        ),
        CandidateKind::Business => (
            HitKind::Business,
            Target::Entity(EntityRef {
                kind: EntityKind::Business,
                id: c.key.clone(),
            }),
        ),
    };
    SearchHit {
        kind,
        text: c.text.clone(),
        positions,
        context: c.context.clone(),
        target,
    }
}

/// How an entity is named in a list: an address by street and number, a business by trade
/// name, a party by name (legal persons) or pseudonym.
pub fn name_of(store: &Store, r: &EntityRef) -> Result<String, StoreError> {
    Ok(match r.kind {
        EntityKind::Address => store.address(&r.id)?.map(|a| a.label),
        EntityKind::Business => store.business(&r.id)?.map(|b| b.name),
        EntityKind::Party => store.party(&r.id)?.map(|p| p.name.unwrap_or(p.id)),
        EntityKind::Signal => None,
    }
    .unwrap_or_else(|| r.id.clone()))
}

fn address_line(a: &AddressRow) -> EntityLine {
    EntityLine {
        target: EntityRef {
            kind: EntityKind::Address,
            id: a.id.clone(),
        },
        key: a.id.clone(),
        label: a.label.clone(),
        detail: [a.postcode.clone(), a.city.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn business_line(b: &BusinessRow) -> EntityLine {
    let dates = match (&b.registered, &b.ended) {
        (Some(r), Some(e)) => format!("{r} – {e}"),
        (Some(r), None) => format!("sinds {r}"),
        (None, Some(e)) => format!("tot {e}"),
        (None, None) => String::new(),
    };
    EntityLine {
        target: EntityRef {
            kind: EntityKind::Business,
            id: b.vestigingsnummer.clone(),
        },
        key: b.vestigingsnummer.clone(),
        label: b.name.clone(),
        detail: format!(
            "KvK {} · {} {}",
            b.kvk,
            b.sbi_label.as_deref().or(b.sbi.as_deref()).unwrap_or(""),
            dates
        )
        .trim()
        .to_owned(),
    }
}

fn party_line(id: &str, name: Option<&str>, detail: String) -> EntityLine {
    EntityLine {
        target: EntityRef {
            kind: EntityKind::Party,
            id: id.to_owned(),
        },
        key: id.to_owned(),
        label: name.map_or_else(|| id.to_owned(), |n| format!("{n} ({id})")),
        detail,
    }
}

fn price(p: Option<f64>) -> String {
    p.map(|p| format!(" · € {:.0}", p)).unwrap_or_default()
}

/// The detail of one entity. `limit` bounds every linked list.
pub fn detail(
    store: &Store,
    id: &EntityRef,
    flags: Vec<FlagLine>,
    limit: usize,
) -> Result<EntityDetail, StoreError> {
    let not_found = || EntityDetail {
        target: id.clone(),
        title: format!("{} (niet gevonden)", id.id),
        facts: Vec::new(),
        flags: Vec::new(),
        linked: Vec::new(),
        signals: Vec::new(),
    };
    let signals_of = |kind: &str| -> Result<Vec<SignalLine>, StoreError> {
        Ok(store
            .signals_about(kind, &id.id, limit)?
            .iter()
            .map(signal_line)
            .collect())
    };
    match id.kind {
        EntityKind::Address => {
            let Some(a) = store.address(&id.id)? else {
                return Ok(not_found());
            };
            let mut facts = vec![(Fact::Address, a.label.clone())];
            facts.extend(a.postcode.clone().map(|p| {
                (
                    Fact::Postcode,
                    format!("{p} {}", a.city.clone().unwrap_or_default()),
                )
            }));
            facts.extend(a.buurt.clone().map(|b| (Fact::Area, b)));
            if let Some(r) = a.residents {
                let surface = a
                    .surface_m2
                    .map(|s| format!(" op {s:.0} m²"))
                    .unwrap_or_default();
                facts.push((Fact::Residents, format!("{r}{surface}")));
            }
            facts.extend(a.uses.clone().map(|u| (Fact::Kind, u)));
            let businesses = store.businesses_at(&a.id, limit)?;
            let (current, former): (Vec<_>, Vec<_>) =
                businesses.iter().partition(|b| b.ended.is_none());
            let owners = store.owners_of(&a.id, limit)?;
            let owner_lines = owners
                .iter()
                .map(|o| {
                    let period = match &o.ended {
                        Some(e) => format!("{} – {e}", o.acquired),
                        None => format!("sinds {}", o.acquired),
                    };
                    party_line(
                        &o.party_id,
                        o.party_name.as_deref(),
                        format!("{period}{}", price(o.price)),
                    )
                })
                .collect();
            Ok(EntityDetail {
                target: id.clone(),
                title: format!("{} {}", a.label, a.city.clone().unwrap_or_default())
                    .trim()
                    .to_owned(),
                facts,
                flags,
                linked: vec![
                    (
                        Link::Businesses,
                        current.into_iter().map(business_line).collect(),
                    ),
                    (
                        Link::FormerBusinesses,
                        former.into_iter().map(business_line).collect(),
                    ),
                    (Link::Owners, owner_lines),
                ],
                signals: signals_of("address")?,
            })
        }
        EntityKind::Business => {
            let Some(b) = store.business(&id.id)? else {
                return Ok(not_found());
            };
            let mut facts = vec![
                (Fact::Kvk, b.kvk.clone()),
                (Fact::Vestiging, b.vestigingsnummer.clone()),
            ];
            if let Some(sbi) = &b.sbi {
                facts.push((
                    Fact::Sbi,
                    format!("{sbi} {}", b.sbi_label.clone().unwrap_or_default())
                        .trim()
                        .to_owned(),
                ));
            }
            facts.extend(b.legal_form.clone().map(|l| (Fact::LegalForm, l)));
            facts.extend(b.registered.clone().map(|r| (Fact::Started, r)));
            facts.extend(b.ended.clone().map(|e| (Fact::Ended, e)));
            let mut linked = Vec::new();
            if let Some(addr) = b
                .address_id
                .as_deref()
                .map(|a| store.address(a))
                .transpose()?
                .flatten()
            {
                linked.push((Link::Addresses, vec![address_line(&addr)]));
            }
            let others: Vec<EntityLine> = store
                .establishments_of(&b.kvk, limit)?
                .iter()
                .filter(|o| o.vestigingsnummer != b.vestigingsnummer)
                .map(business_line)
                .collect();
            linked.push((Link::Establishments, others));
            let roles = store.roles_in(&b.kvk, limit)?;
            let mut parties = Vec::new();
            for r in &roles {
                let name = store.party(&r.party_id)?.and_then(|p| p.name);
                parties.push(party_line(&r.party_id, name.as_deref(), r.role.clone()));
            }
            linked.push((Link::Parties, parties));
            Ok(EntityDetail {
                target: id.clone(),
                title: b.name.clone(),
                facts,
                flags,
                linked,
                signals: signals_of("business")?,
            })
        }
        EntityKind::Party => {
            let Some(p) = store.party(&id.id)? else {
                return Ok(not_found());
            };
            let mut facts = vec![
                (Fact::Pseudonym, p.id.clone()),
                (Fact::Kind, p.kind.clone()),
            ];
            facts.extend(p.kvk.clone().map(|k| (Fact::Kvk, k)));
            facts.extend(p.registered.clone().map(|r| (Fact::Started, r)));
            let mut businesses = Vec::new();
            for r in store.roles_of(&p.id, limit)? {
                for b in store.establishments_of(&r.kvk, limit)? {
                    let mut line = business_line(&b);
                    line.detail = format!("{} · {}", r.role, line.detail);
                    businesses.push(line);
                }
            }
            businesses.truncate(limit);
            let mut addresses = Vec::new();
            for o in store.ownerships_of(&p.id, limit)? {
                if let Some(a) = store.address(&o.address_id)? {
                    let mut line = address_line(&a);
                    line.detail = format!(
                        "{} {}{}",
                        if o.ended.is_some() {
                            "eigenaar tot"
                        } else {
                            "eigenaar sinds"
                        },
                        o.ended.clone().unwrap_or(o.acquired.clone()),
                        price(o.price)
                    );
                    addresses.push(line);
                }
            }
            Ok(EntityDetail {
                target: id.clone(),
                title: p.name.clone().unwrap_or_else(|| p.id.clone()),
                facts,
                flags,
                linked: vec![(Link::Businesses, businesses), (Link::Addresses, addresses)],
                signals: signals_of("party")?,
            })
        }
        EntityKind::Signal => Ok(not_found()),
    }
}
