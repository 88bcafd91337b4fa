//! The business stage: one scan of `businesses`, each row joined to its address through the
//! index. Counts the business specs per buurt and evaluates the rules about businesses and
//! the businesses at an address (`businesses_at_address`, `business_churn_at_address`,
//! `sbi_recently_registered`, the second half of `dwelling_without_residents_or_business`).
//! Keeps each business's buurt when signals about businesses are read later.

use crate::lens::{CountSpec, Months, Rule, Subject};
use crate::store::open::{Context, StoreError};

use super::address_index::AddressIndex;
use super::addresses::finish_dwellings;
use super::evidence::months;
use super::filter::{BusinessRow, BusinessTest, active, within};
use super::id_table::short_code;
use super::key::{KeyMap, NO_AREA, number, text};
use super::tally::Tally;
use super::{Run, record, stream};

pub(super) fn run(
    conn: &rusqlite::Connection,
    run: &mut Run<'_>,
    index: &AddressIndex,
) -> Result<(), StoreError> {
    // Whether hits carry evidence (scoring leaves it off).
    let keep = run.req.evidence;
    let req = run.req;
    let reference = req.reference;
    let words = run.use_bits.len().div_ceil(64);
    let bits = run.use_bits.clone();
    let tests: Vec<(usize, BusinessTest<'_>)> = req
        .specs(|s| match s {
            CountSpec::Business(f) => Some(f),
            _ => None,
        })
        .into_iter()
        .map(|(i, f)| {
            let t = BusinessTest::new(f, reference, words, |u| {
                bits.iter().position(|b| b == u).unwrap_or(0)
            });
            (i, t)
        })
        .collect();
    let at_address = req.rules(|r| matches!(r, Rule::BusinessesAtAddress { .. }));
    let churn: Vec<(usize, u32, Months, String)> = req.rules_with(|i, r| match r {
        Rule::BusinessChurnAtAddress {
            min_registrations,
            within,
        } => Some((
            i,
            *min_registrations,
            *within,
            within.since(reference).iso(),
        )),
        _ => None,
    });
    let sbi: Vec<(usize, &[String], Months, String)> = req.rules_with(|i, r| match r {
        Rule::SbiRecentlyRegistered {
            sbi_prefixes,
            within,
        } => Some((
            i,
            sbi_prefixes.as_slice(),
            *within,
            within.since(reference).iso(),
        )),
        _ => None,
    });
    let dwelling = req.any_rule(|r| matches!(r, Rule::DwellingWithoutResidentsOrBusiness));
    let keep_buurt = req.any_spec(|s| matches!(s, CountSpec::Signal(_)))
        || req.any_rule(|r| {
            matches!(
                r,
                Rule::Signals {
                    subject: Subject::Business,
                    ..
                }
            )
        });
    if tests.is_empty()
        && at_address.is_empty()
        && churn.is_empty()
        && sbi.is_empty()
        && !dwelling
        && !keep_buurt
    {
        return Ok(());
    }
    let r = run.reference.clone();
    // (address number, KvK number as a code): 8 bytes per active business.
    let mut active_kvk: Vec<(u32, u32)> = Vec::new();
    let mut odd_kvk: KeyMap<u32> = KeyMap::default();
    if !at_address.is_empty() || keep_buurt {
        let rows: Option<i64> = conn
            .query_row("SELECT max(rowid) FROM businesses", [], |r| r.get(0))
            .ctx("counting businesses")?;
        let rows = usize::try_from(rows.unwrap_or(0)).unwrap_or(0);
        if !at_address.is_empty() {
            active_kvk.reserve(rows);
        }
        if keep_buurt {
            run.business_ids.reserve(rows);
            run.business_buurt.reserve(rows);
        }
    }
    // Per churn rule and address number: how many registrations fell in its window.
    let mut churned: Vec<Tally> = churn.iter().map(|_| Tally::default()).collect();
    stream(
        conn,
        "SELECT vestigingsnummer, kvk_nummer, sbi_code, legal_form, address_id,
                registered_on, ended_on, employees
         FROM businesses",
        "reading businesses",
        |row| {
            let vest = text(row.get_ref(0)?);
            let kvk = text(row.get_ref(1)?);
            let address = text(row.get_ref(4)?).map(|a| index.number(a, &mut run.reader));
            let (buurt, present) = match address {
                Some(n) => (index.buurt(n), index.present(n)),
                None => (NO_AREA, false),
            };
            let b = BusinessRow {
                sbi: text(row.get_ref(2)?),
                legal_form: text(row.get_ref(3)?),
                registered: text(row.get_ref(5)?),
                ended: text(row.get_ref(6)?),
                employees: number(row.get_ref(7)?),
                surface: address.and_then(|n| index.surface(n)),
            };
            if present {
                let n = address.unwrap_or(0);
                for (i, t) in &tests {
                    let uses = !t.use_mask.is_empty() && index.has_use(n, &t.use_mask);
                    if t.matches(&b, &r, uses) {
                        run.bump(*i, buurt);
                    }
                }
            }
            if let Some(n) = address {
                if active(b.registered, b.ended, &r) {
                    if !at_address.is_empty()
                        && let Some(k) = kvk
                    {
                        active_kvk.push((n, short_code(k, &mut odd_kvk)));
                    }
                    if dwelling {
                        run.active_at.mark(n, index.len());
                    }
                }
                for (c, (_, _, _, since)) in churned.iter_mut().zip(&churn) {
                    if within(b.registered, since, &r) {
                        c.add(n, index.len());
                    }
                }
            }
            for (i, prefixes, w, since) in &sbi {
                if let (Some(v), Some(s)) = (vest, b.sbi)
                    && prefixes.iter().any(|p| s.starts_with(p.as_str()))
                    && within(b.registered, since, &r)
                {
                    record(&mut run.hits[*i], v, buurt, keep, || {
                        format!(
                            "SBI {s} ingeschreven op {} (binnen {})",
                            b.registered.unwrap_or("onbekend"),
                            months(*w)
                        )
                    });
                }
            }
            if buurt != NO_AREA
                && keep_buurt
                && let Some(v) = vest
            {
                run.business_ids.add(v);
                run.business_buurt.push(buurt);
            }
            Ok(())
        },
    )?;
    run.business_ids.seal();
    if !at_address.is_empty() {
        active_kvk.sort_unstable();
        active_kvk.dedup();
        for (i, rule) in at_address {
            let Rule::BusinessesAtAddress { min } = rule else {
                continue;
            };
            let found = distinct_per_address(&active_kvk)
                .filter(|(_, c)| *c >= i64::from(*min))
                .collect();
            address_hits(run, i, found, |n| {
                format!("{n} KvK-nummers met een actieve vestiging op dit adres")
            });
        }
    }
    for ((i, min, w, _), per) in churn.iter().zip(&churned) {
        let w = months(*w);
        address_hits(run, *i, per.reaching(*min), move |n| {
            format!("{n} inschrijvingen op dit adres in {w}")
        });
    }
    finish_dwellings(run);
    Ok(())
}

/// How many distinct KvK numbers each address number has, from (address, KvK) pairs sorted
/// and without repeats.
fn distinct_per_address(pairs: &[(u32, u32)]) -> impl Iterator<Item = (u32, i64)> + '_ {
    pairs
        .chunk_by(|a, b| a.0 == b.0)
        .map(|same| (same[0].0, same.len() as i64))
}

/// `found` (address number, count) as hits of rule `i`, with one evidence line each when the
/// request asks for evidence; the ids are looked up once for all rules at the end of the
/// pass.
pub(super) fn address_hits(
    run: &mut Run<'_>,
    i: usize,
    found: Vec<(u32, i64)>,
    evidence: impl Fn(i64) -> String + 'static,
) {
    if run.req.evidence {
        run.evidence[i] = Some(Box::new(evidence));
    }
    run.by_number
        .extend(found.into_iter().map(|(n, c)| (i, n, c)));
}
