//! The ownership stage: the legal parties (read from the partial index `parties_legal` when
//! built, when a transfer filter or rule asks about them), then one scan of `ownership` in
//! row order, each row joined to its address through the index. Counts the transfer specs
//! per buurt and evaluates `transfers` and `young_legal_owner`.

use crate::lens::{CountSpec, Months, RefDate, Rule};
use crate::store::open::StoreError;

use super::businesses::address_hits;
use super::evidence::months;
use super::filter::{TransferTest, within};
use super::key::{Key, text};
use super::tally::Tally;
use super::{Run, stream};

/// The legal parties with their registration date.
pub(crate) const LEGAL_PARTIES: &str = "SELECT id, registered_on FROM parties WHERE kind = 'legal'";

pub(super) fn run(conn: &rusqlite::Connection, run: &mut Run<'_>) -> Result<(), StoreError> {
    // Whether hits carry evidence (scoring leaves it off).
    let keep = run.req.evidence;
    let req = run.req;
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
    if tests.is_empty() && windows.is_empty() && young.is_empty() {
        return Ok(());
    }
    if !young.is_empty() || specs.iter().any(|(_, f)| f.to_legal_person) {
        stream(conn, LEGAL_PARTIES, "reading legal parties", |row| {
            if let Some(id) = text(row.get_ref(0)?) {
                let reg = text(row.get_ref(1)?).map(str::to_owned);
                run.legal.insert(Key::new(id), reg);
            }
            Ok(())
        })?;
    }
    let r = run.reference.clone();
    let mut per_window: Vec<Tally> = windows.iter().map(|_| Tally::default()).collect();
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
            let n = run.addresses.number(address);
            let buurt = run.addresses.buurt(n);
            // Legal parties are few: their registration date is copied out.
            let legal: Option<Option<String>> = match party {
                Some(p) if !run.legal.is_empty() => run.legal.get(&Key::new(p)).cloned(),
                _ => None,
            };
            if run.addresses.present(n) {
                for (i, t) in &tests {
                    if t.matches(acquired, legal.is_some(), &r) {
                        run.bump(*i, buurt);
                    }
                }
            }
            for (counts, (_, _, _, since)) in per_window.iter_mut().zip(&windows) {
                if within(Some(acquired), since, &r) {
                    counts.add(n, run.addresses.len());
                }
            }
            if let Some(Some(registered)) = &legal
                && acquired <= r.as_str()
            {
                for (i, max_age, since) in &young {
                    if since.as_deref().is_some_and(|s| acquired < s) {
                        continue;
                    }
                    if let (Some(a), Some(g)) =
                        (RefDate::parse(acquired), RefDate::parse(registered))
                        && g > a.months_back(*max_age)
                    {
                        // An address lies in one buurt, so the hit is made only when it
                        // has evidence.
                        let hit = run.hits[*i].entry(address.to_owned()).or_default();
                        hit.buurten.add(buurt);
                        hit.says(keep, || {
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
    for ((i, min, w, _), counts) in windows.iter().zip(&per_window) {
        let found = counts.reaching(*min);
        let w = months(*w);
        address_hits(run, *i, found, move |n| format!("{n} overdrachten in {w}"));
    }
    Ok(())
}
