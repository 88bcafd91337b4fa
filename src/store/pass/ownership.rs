//! The ownership stage: the legal parties (read from the partial index `parties_legal` when
//! built, when a transfer filter or rule asks about them), then one scan of `ownership` in
//! row order, each row joined to its address through the index. Counts the transfer specs
//! per buurt and evaluates `transfers` and `young_legal_owner`. It reads only the request
//! and the sealed address index, so it runs beside the stages of the main connection, and
//! gives back what it found for [`add`] to put into the run.

use crate::lens::{CountSpec, Months, RefDate, Rule};
use crate::store::open::StoreError;

use super::address_index::{AddressIndex, Reader};
use super::businesses::address_hits;
use super::evidence::months;
use super::filter::{TransferTest, within};
use super::key::{Key, KeyMap, text};
use super::tally::Tally;
use super::{Hits, Request, Run, bump, record, stream};

/// The legal parties with their registration date.
pub(crate) const LEGAL_PARTIES: &str = "SELECT id, registered_on FROM parties WHERE kind = 'legal'";

/// Address numbers with their counts.
type Found = Vec<(u32, i64)>;

/// What the ownership stage found.
#[derive(Debug, Default)]
pub(super) struct Owned {
    /// Per transfer spec (by position): the count per area number.
    counts: Vec<(usize, Vec<i64>)>,
    /// Per `young_legal_owner` rule (by position): the addresses it holds for.
    hits: Vec<(usize, Hits)>,
    /// Per `transfers` rule (by position) and its window: the address numbers that reach
    /// its minimum, with their counts.
    windows: Vec<(usize, Months, Found)>,
    /// The stage's lookups, with the numbers it gave ids that are not addresses.
    reader: Reader,
}

/// Scans `ownership` for `req`; `areas` is how many area numbers the address stage gave.
pub(super) fn scan(
    conn: &rusqlite::Connection,
    req: &Request<'_>,
    index: &AddressIndex,
    areas: usize,
) -> Result<Owned, StoreError> {
    // Whether hits carry evidence (scoring leaves it off).
    let keep = req.evidence;
    let reference = req.reference;
    let specs = req.specs(|s| match s {
        CountSpec::Transfer(f) => Some(f),
        _ => None,
    });
    let tests: Vec<(usize, TransferTest)> = specs
        .iter()
        .map(|(i, f)| (*i, TransferTest::new(f, reference)))
        .collect();
    let windows: Vec<(usize, u32, Months, String)> = req.rules_with(|i, r| match r {
        Rule::Transfers { min, within } => Some((i, *min, *within, within.since(reference).iso())),
        _ => None,
    });
    let young: Vec<(usize, u32, Option<String>)> = req.rules_with(|i, r| match r {
        Rule::YoungLegalOwner {
            max_age_months,
            within,
        } => Some((i, *max_age_months, within.map(|w| w.since(reference).iso()))),
        _ => None,
    });
    let mut owned = Owned::default();
    if tests.is_empty() && windows.is_empty() && young.is_empty() {
        return Ok(owned);
    }
    // Legal parties with their registration date, when a transfer filter or rule needs them.
    let mut legal: KeyMap<Option<String>> = KeyMap::default();
    if !young.is_empty() || specs.iter().any(|(_, f)| f.to_legal_person) {
        stream(conn, LEGAL_PARTIES, "reading legal parties", |row| {
            if let Some(id) = text(row.get_ref(0)?) {
                let reg = text(row.get_ref(1)?).map(str::to_owned);
                legal.insert(Key::new(id), reg);
            }
            Ok(())
        })?;
    }
    let r = reference.iso();
    let mut counts: Vec<Vec<i64>> = tests.iter().map(|_| Vec::new()).collect();
    let mut hits: Vec<Hits> = young.iter().map(|_| Hits::new()).collect();
    let mut per_window: Vec<Tally> = windows.iter().map(|_| Tally::default()).collect();
    let reader = &mut owned.reader;
    stream(
        conn,
        "SELECT address_id, party_id, acquired_on FROM ownership ORDER BY rowid",
        "reading ownership",
        |row| {
            let (Some(address), Some(acquired)) = (text(row.get_ref(0)?), text(row.get_ref(2)?))
            else {
                return Ok(());
            };
            let party = text(row.get_ref(1)?);
            let n = index.number(address, reader);
            let buurt = index.buurt(n);
            // Legal parties are few: their registration date is copied out.
            let legal: Option<Option<String>> = match party {
                Some(p) if !legal.is_empty() => legal.get(&Key::new(p)).cloned(),
                _ => None,
            };
            if index.present(n) {
                for (col, (_, t)) in counts.iter_mut().zip(&tests) {
                    if t.matches(acquired, legal.is_some(), &r) {
                        bump(col, buurt, areas);
                    }
                }
            }
            for (counts, (_, _, _, since)) in per_window.iter_mut().zip(&windows) {
                if within(Some(acquired), since, &r) {
                    counts.add(n, index.len());
                }
            }
            if let Some(Some(registered)) = &legal
                && acquired <= r.as_str()
            {
                for (found, (_, max_age, since)) in hits.iter_mut().zip(&young) {
                    if since.as_deref().is_some_and(|s| acquired < s) {
                        continue;
                    }
                    if let (Some(a), Some(g)) =
                        (RefDate::parse(acquired), RefDate::parse(registered))
                        && g > a.months_back(*max_age)
                    {
                        record(found, address, buurt, keep, || {
                            format!(
                                "gekocht op {acquired} door een rechtspersoon ingeschreven op \
                                 {registered} (jonger dan {max_age} maanden)"
                            )
                        });
                    }
                }
            }
            Ok(())
        },
    )?;
    owned.counts = tests.iter().map(|(i, _)| *i).zip(counts).collect();
    owned.hits = young.iter().map(|(i, _, _)| *i).zip(hits).collect();
    owned.windows = windows
        .iter()
        .zip(&per_window)
        .map(|((i, min, w, _), counts)| (*i, *w, counts.reaching(*min)))
        .collect();
    Ok(owned)
}

/// Puts what the stage found into the run, its numbers of ids that are not addresses
/// renumbered as the run's.
pub(super) fn add(run: &mut Run<'_>, index: &AddressIndex, owned: Owned) {
    for (i, col) in owned.counts {
        run.counts[i] = col;
    }
    for (i, hits) in owned.hits {
        run.hits[i] = hits;
    }
    let numbers = owned
        .windows
        .iter()
        .flat_map(|(_, _, f)| f.iter().map(|(n, _)| *n));
    let renumbered = run.reader.adopt(index, &owned.reader, numbers);
    for (i, w, found) in owned.windows {
        let found = found
            .into_iter()
            .map(|(n, c)| (renumbered.get(&n).copied().unwrap_or(n), c))
            .collect();
        let w = months(w);
        address_hits(run, i, found, move |n| format!("{n} overdrachten in {w}"));
    }
}
