//! The `ownership` import profile: a party's ownership of an address, with the transfer that
//! began it, one row per address, party and acquisition date.
//!
//! | column | required | aliases | value |
//! |---|---|---|---|
//! | `address_id` | yes | `nummeraanduiding_id`, `adres_id` | nummeraanduiding id (16 digits) of an address already imported |
//! | `party` | yes | `eigenaar`, `partij`, `partij_id` | pseudonym of a party already imported (see `parties`); with `--pseudo-key` also a BSN, or leave it empty and give the person's raw identifiers (`bsn`, or `naam` or `voornamen`/`tussenvoegsel`/`achternaam` with `geboortedatum`, see `person`), which become the same pseudonym as in `parties` |
//! | `acquired` | yes | `datum_verkrijging`, `transactiedatum` | date of the transfer, `2024-03-31` or `31-03-2024` |
//! | `ended` | no | `datum_einde`, `einddatum` | date, not before `acquired` |
//! | `price` | no | `koopsom`, `prijs` | price in euro, 0 or more: `250000`, `1.234,56`, `250000,00`, `1.250.000`, `€ 250000`; `€` and spaces are ignored; a single dot before three digits (`250.000`) is refused as ambiguous: write `250000` or `250.000,00` |
//!
//! Other columns are named in the summary and not stored.

use super::columns::ColumnSpec;
use super::fields::{self, Fields};
use super::person::{self, Pseudonymiser};
use super::reader::CsvFile;
use super::{ImportError, Job};
use crate::model::{EntityKind, Ownership, parse_date, parse_decimal};
use crate::store::{ImportTx, StoreError};

const SPECS: &[ColumnSpec] = &[
    ColumnSpec::required("address_id", &["nummeraanduiding_id", "adres_id"]),
    ColumnSpec::required("party", &["eigenaar", "partij", "partij_id"]),
    ColumnSpec::required("acquired", &["datum_verkrijging", "transactiedatum"]),
    ColumnSpec::optional("ended", &["datum_einde", "einddatum"]),
    ColumnSpec::optional("price", &["koopsom", "prijs"]),
];

/// Reads an `ownership` file into the import transaction; returns the number of records read.
pub(crate) fn read(
    file: &mut CsvFile,
    tx: &mut ImportTx<'_>,
    job: &mut Job<'_>,
) -> Result<u64, ImportError> {
    let mut pseudo = Pseudonymiser::new(job.pseudo_key);
    let columns = fields::columns(file, &pseudo.specs(SPECS, "party", &[person::LINK_NAME]))?;
    job.note_ignored(&columns.ignored);
    let rows = fields::read_records(
        file,
        tx,
        job,
        &columns,
        |f, tx| ownership(f, tx, &mut pseudo),
        ImportTx::put_ownership,
    )?;
    pseudo.note(job);
    Ok(rows)
}

/// Reads one row into an ownership, or `None` when it has problems.
fn ownership(
    f: &mut Fields<'_>,
    tx: &mut ImportTx<'_>,
    pseudo: &mut Pseudonymiser<'_>,
) -> Result<Option<Ownership>, StoreError> {
    let address = f.required("address_id", fields::nummeraanduiding_id);
    if let Some(a) = &address {
        f.require_known(tx, EntityKind::Address, "address_id", a.as_str())?;
    }
    let party = pseudo.party(f, "party", Some("name"));
    if let Some(p) = &party {
        f.require_known(tx, EntityKind::Party, "party", p)?;
    }
    let acquired = f.required("acquired", parse_date);
    let ended = f.optional("ended", parse_date);
    f.dates_in_order("acquired", acquired.as_deref(), "ended", ended.as_deref());
    let price = f.optional("price", price);
    let (Some(address), Some(party), Some(acquired), true) = (address, party, acquired, f.ok())
    else {
        return Ok(None);
    };
    Ok(Some(Ownership {
        address,
        party,
        acquired,
        ended,
        price,
    }))
}

/// A price in euro: `€ 1.234,56`, `250000`; never negative.
fn price(s: &str) -> Result<f64, &'static str> {
    let cleaned: String = s
        .chars()
        .filter(|c| *c != '€' && !c.is_whitespace())
        .collect();
    match parse_decimal(&cleaned).map_err(|e| e.expected)? {
        v if v >= 0.0 => Ok(v),
        _ => Err("a price in euro of 0 or more, like 250000 or 1.234,56"),
    }
}

#[cfg(test)]
mod tests;
