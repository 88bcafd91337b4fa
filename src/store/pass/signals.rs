//! The signal stage: one scan of `signals` in row order. Counts the signal specs per area
//! (signals about an address or business count in its buurt, signals about an area in that
//! area, signals about parties nowhere) and evaluates the `signals` rules per entity, with the
//! kinds found in the order they first appear.

use std::collections::HashMap;

use crate::lens::{CountSpec, Months, Rule, Subject};
use crate::store::open::StoreError;

use super::address_index::AddressIndex;
use super::evidence::months;
use super::filter::SignalTest;
use super::key::{NO_AREA, text};
use super::parties::place;
use super::{Buurten, Hit, Run, stream};

/// One `signals` rule, compiled.
struct SignalRule<'a> {
    at: usize,
    subject: &'static str,
    min: u32,
    kinds: &'a [String],
    sources: &'a [String],
    since: Option<String>,
    within: Option<Months>,
}

/// Per entity id: how many signals, and their distinct kinds in order of appearance.
type Tally = HashMap<String, (i64, Vec<String>)>;

pub(super) fn run(
    conn: &rusqlite::Connection,
    run: &mut Run<'_>,
    index: &AddressIndex,
) -> Result<(), StoreError> {
    let req = run.req;
    let reference = req.reference;
    let tests: Vec<(usize, SignalTest<'_>)> = req
        .specs(|s| match s {
            CountSpec::Signal(f) => Some(f),
            _ => None,
        })
        .into_iter()
        .map(|(i, f)| (i, SignalTest::new(f, reference)))
        .collect();
    let rules: Vec<SignalRule<'_>> = req.rules_with(|at, r| match r {
        Rule::Signals {
            subject,
            min,
            kinds,
            sources,
            within,
        } => Some(SignalRule {
            at,
            subject: subject.as_str(),
            min: *min,
            kinds,
            sources,
            since: within.map(|w| w.since(reference).iso()),
            within: *within,
        }),
        _ => None,
    });
    if !tests.is_empty() || !rules.is_empty() {
        scan(conn, run, index, &tests, &rules)?;
    }
    place(conn, run, index)
}

fn scan(
    conn: &rusqlite::Connection,
    run: &mut Run<'_>,
    index: &AddressIndex,
    tests: &[(usize, SignalTest<'_>)],
    rules: &[SignalRule<'_>],
) -> Result<(), StoreError> {
    let r = run.reference.clone();
    let mut tallies: Vec<Tally> = rules.iter().map(|_| Tally::new()).collect();
    stream(
        conn,
        "SELECT entity_kind, entity_id, kind, source, date FROM signals ORDER BY rowid",
        "reading signals",
        |row| {
            let (Some(entity), Some(id), Some(kind), Some(source), Some(date)) = (
                text(row.get_ref(0)?),
                text(row.get_ref(1)?),
                text(row.get_ref(2)?),
                text(row.get_ref(3)?),
                text(row.get_ref(4)?),
            ) else {
                return Ok(());
            };
            if !tests.is_empty() && entity != "party" {
                let area = match entity {
                    "address" => index.buurt_of(id, &run.reader),
                    "business" => business_buurt(run, id),
                    "area" => run.areas.intern(id),
                    _ => NO_AREA,
                };
                for (i, t) in tests {
                    if t.matches(kind, source, date, &r) {
                        run.bump(*i, area);
                    }
                }
            }
            for (rule, tally) in rules.iter().zip(tallies.iter_mut()) {
                if entity == rule.subject
                    && date <= r.as_str()
                    && (rule.kinds.is_empty() || rule.kinds.iter().any(|k| k == kind))
                    && (rule.sources.is_empty() || rule.sources.iter().any(|s| s == source))
                    && rule.since.as_deref().is_none_or(|s| date >= s)
                {
                    let (n, kinds) = tally.entry(id.to_owned()).or_default();
                    *n += 1;
                    if !kinds.iter().any(|k| k == kind) {
                        kinds.push(kind.to_owned());
                    }
                }
            }
            Ok(())
        },
    )?;
    for (rule, tally) in rules.iter().zip(tallies) {
        let w = rule
            .within
            .map_or("in totaal".to_owned(), |w| format!("in {}", months(w)));
        for (id, (n, kinds)) in tally {
            if n < i64::from(rule.min) {
                continue;
            }
            let buurt = match rule.subject {
                s if s == Subject::Address.as_str() => index.buurt_of(&id, &run.reader),
                s if s == Subject::Business.as_str() => business_buurt(run, &id),
                _ => NO_AREA,
            };
            let mut hit = Hit {
                buurten: Buurten::of(buurt),
                evidence: Vec::new(),
            };
            hit.says(run.req.evidence, || {
                format!("{n} signalen ({}) {w}", kinds.join(",").replace(',', ", "))
            });
            run.hits[rule.at].insert(id, hit);
        }
    }
    Ok(())
}

/// The buurt of a business by vestigingsnummer ([`NO_AREA`] when it has none).
fn business_buurt(run: &Run<'_>, id: &str) -> u32 {
    run.business_ids
        .find(id, &run.business_hint)
        .map_or(NO_AREA, |n| run.business_buurt.get(n as usize))
}
