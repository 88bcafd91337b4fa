//! The address stage: one scan of `addresses` that counts the address specs per buurt,
//! evaluates the rules about an address's own columns (`residents_per_m2`, the first half of
//! `dwelling_without_residents_or_business`) and fills the address index the later stages
//! join through.

use crate::lens::{CountSpec, Rule};
use crate::store::open::{Context, StoreError};

use super::address_index::AddressIndex;
use super::businesses::address_hits;
use super::evidence::{int, real};
use super::filter::{address_matches, use_matches};
use super::key::{NO_AREA, number, text};
use super::{Run, record, stream};

pub(super) fn run(
    conn: &rusqlite::Connection,
    run: &mut Run<'_>,
    index: &mut AddressIndex,
) -> Result<(), StoreError> {
    // Whether hits carry evidence (scoring leaves it off).
    let keep = run.req.evidence;
    let req = run.req;
    let specs = req.specs(|s| match s {
        CountSpec::Address(f) => Some(f),
        _ => None,
    });
    let dense: Vec<(usize, f64)> = req.rules_with(|i, r| match r {
        Rule::ResidentsPerM2 { above } => Some((i, *above)),
        _ => None,
    });
    let dwelling = req.any_rule(|r| matches!(r, Rule::DwellingWithoutResidentsOrBusiness));
    let joins = req.joins_addresses();
    if specs.is_empty() && dense.is_empty() && !joins {
        return Ok(());
    }
    let words = run.use_bits.len().div_ceil(64);
    let mut bits = vec![0u64; words];
    if joins {
        let rows: Option<i64> = conn
            .query_row("SELECT max(rowid) FROM addresses", [], |r| r.get(0))
            .ctx("counting addresses")?;
        index.reserve(usize::try_from(rows.unwrap_or(0)).unwrap_or(0));
    }
    stream(
        conn,
        "SELECT id, buurt_code, uses, surface_m2, residents FROM addresses",
        "reading addresses",
        |row| {
            let Some(id) = text(row.get_ref(0)?) else {
                return Ok(());
            };
            let buurt = text(row.get_ref(1)?).map_or(NO_AREA, |b| run.areas.intern(b));
            let uses = text(row.get_ref(2)?);
            let surface_v = row.get_ref(3)?;
            let residents_v = row.get_ref(4)?;
            let surface = number(surface_v);
            let residents = number(residents_v);
            for &(i, f) in &specs {
                if address_matches(f, uses, surface, residents) {
                    run.bump(i, buurt);
                }
            }
            for &(i, above) in &dense {
                if let (Some(s), Some(r)) = (surface, residents)
                    && s > 0.0
                    && r * 1.0 / s > above
                {
                    record(&mut run.hits[i], id, buurt, keep, || {
                        format!(
                            "{} ingeschrevenen op {} m²",
                            int(residents_v),
                            real(surface_v)
                        )
                    });
                }
            }
            if joins {
                bits.iter_mut().for_each(|w| *w = 0);
                if let Some(u) = uses {
                    for (b, value) in run.use_bits.iter().enumerate() {
                        if use_matches(u, value) {
                            bits[b / 64] |= 1 << (b % 64);
                        }
                    }
                }
                let n = index.add(id, buurt, surface, &bits);
                if dwelling
                    && residents == Some(0.0)
                    && uses.is_some_and(|u| u.split(',').any(|x| x == "woonfunctie"))
                {
                    run.empty_dwellings.push(n);
                }
            }
            Ok(())
        },
    )?;
    index.seal();
    Ok(())
}

/// The dwellings without residents that have no active business either.
pub(super) fn finish_dwellings(run: &mut Run<'_>) {
    let Some((i, _)) = run
        .req
        .rules(|r| matches!(r, Rule::DwellingWithoutResidentsOrBusiness))
        .first()
        .copied()
    else {
        return;
    };
    let empty = std::mem::take(&mut run.empty_dwellings);
    let found = empty
        .into_iter()
        .filter(|&n| !run.active_at.has(n))
        .map(|n| (n, 0))
        .collect();
    address_hits(run, i, found, |_| {
        "woonadres met 0 ingeschrevenen en geen actieve vestiging".to_owned()
    });
}
