//! The `roles` import profile: a party's role in a business (bestuurder, eigenaar,
//! gevolmachtigde, …), one row per party, KvK number and role.
//!
//! | column | required | aliases | value |
//! |---|---|---|---|
//! | `party` | yes | `partij`, `partij_id`, `pseudoniem` | pseudonym of a party already imported (see `parties`); with `--pseudo-key` also a BSN, or leave it empty and give the person's raw identifiers (`bsn`, or `naam` or `voornamen`/`tussenvoegsel`/`achternaam` with `geboortedatum`, see `person`), which become the same pseudonym as in `parties` |
//! | `kvk` | yes | `kvk_nummer`, `kvknummer` | KvK number (8 digits) of a business already imported |
//! | `role` | yes | `rol`, `functie` | the role as the source writes it, at most 200 characters |
//! | `started` | no | `datum_aanvang`, `begindatum`, `startdatum` | date, `2024-03-31` or `31-03-2024` |
//! | `ended` | no | `datum_einde`, `einddatum` | date, not before `started` |
//!
//! The same party, KvK number and role may appear once per file. Other columns are named in
//! the summary and not stored.

use super::columns::ColumnSpec;
use super::fields::{self, Fields, MAX_NAME};
use super::person::{self, Pseudonymiser};
use super::reader::CsvFile;
use super::{ImportError, Job};
use crate::model::{EntityKind, KvkNummer, Role, parse_date};
use crate::store::{ImportTx, StoreError};

const SPECS: &[ColumnSpec] = &[
    ColumnSpec::required("party", &["partij", "partij_id", "pseudoniem"]),
    ColumnSpec::required("kvk", &["kvk_nummer", "kvknummer"]),
    ColumnSpec::required("role", &["rol", "functie"]),
    ColumnSpec::optional("started", &["datum_aanvang", "begindatum", "startdatum"]),
    ColumnSpec::optional("ended", &["datum_einde", "einddatum"]),
];

/// Reads a `roles` file into the import transaction; returns the number of records read.
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
        |f, tx| role(f, tx, &mut pseudo),
        ImportTx::put_role,
    )?;
    pseudo.note(job);
    Ok(rows)
}

/// Reads one row into a role, or `None` when it has problems.
fn role(
    f: &mut Fields<'_>,
    tx: &mut ImportTx<'_>,
    pseudo: &mut Pseudonymiser<'_>,
) -> Result<Option<Role>, StoreError> {
    let party = pseudo.party(f, "party", Some("name"));
    if let Some(p) = &party {
        f.require_known(tx, EntityKind::Party, "party", p)?;
    }
    let kvk = f.required("kvk", KvkNummer::parse);
    if let Some(k) = &kvk {
        if !tx.kvk_known(k.as_str())? {
            f.refuse(
                "kvk",
                format!(
                    "KvK number {k} belongs to no imported business; import the businesses first"
                ),
            );
        }
    }
    let role = f.required_text("role", MAX_NAME);
    let started = f.optional("started", parse_date);
    let ended = f.optional("ended", parse_date);
    f.dates_in_order("started", started.as_deref(), "ended", ended.as_deref());
    let (Some(party), Some(kvk), Some(role), true) = (party, kvk, role, f.ok()) else {
        return Ok(None);
    };
    Ok(Some(Role {
        party,
        kvk,
        role,
        started,
        ended,
    }))
}

#[cfg(test)]
mod tests;
