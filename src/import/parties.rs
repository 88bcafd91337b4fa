//! The `parties` import profile: owners, bestuurders and other role holders, one row per
//! pseudonym. Parties arrive already pseudonymised (`domain.md` §10.6), or, with
//! `--pseudo-key`, with raw identifiers that become keyed pseudonyms at once ([`super::person`]):
//! schouw never stores a BSN, nor the name, birth date or any other identifying detail of a
//! natural person.
//!
//! | column | required | aliases | value |
//! |---|---|---|---|
//! | `id` | yes | `pseudoniem`, `pseudonym`, `partij_id` | the pseudonym: 1–64 letters, digits or `- _ . : + / =` (like `NP-3F9A2C`); 9 digits are refused as a probable BSN (never shown), or with `--pseudo-key` pseudonymised; unique in the file |
//! | `kind` | yes | `soort` | `natural` or `legal`; also `natuurlijk persoon`, `np`, `rechtspersoon`, `rp` (any case) |
//! | `kvk` | no | `kvk_nummer`, `kvknummer` | KvK number of a legal person, 8 digits; refused for a natural person (link a person to a business through `roles`) |
//! | `name` | no | `naam`, `statutaire_naam` | name of a legal person, at most 200 characters; refused for a natural person |
//! | `registered` | no | `datum_oprichting`, `datum_inschrijving` | date a legal person was founded or registered (`2024-03-31` or `31-03-2024`); refused for a natural person, where it could be a birth date |
//!
//! Without a key, columns for persons' names, BSN and birth dates are refused by the column
//! check. With a key, `id` is optional and a natural person may instead be given by `bsn`, or by
//! `name` (or `voornamen`, `tussenvoegsel`, `achternaam`) with `geboortedatum`; the pseudonym
//! becomes the id, and the name is not kept. A row with both an `id` and raw identifiers is a
//! problem, and so are raw identifiers on a legal person. Other columns are named in the summary
//! and not stored.

use super::columns::ColumnSpec;
use super::fields::{self, Fields, MAX_NAME};
use super::person::Pseudonymiser;
use super::reader::CsvFile;
use super::{ImportError, Job};
use crate::model::{KvkNummer, Party, PartyKind, parse_date, parse_pseudonym};
use crate::store::ImportTx;

const SPECS: &[ColumnSpec] = &[
    ColumnSpec::required("id", &["pseudoniem", "pseudonym", "partij_id"]),
    ColumnSpec::required("kind", &["soort"]),
    ColumnSpec::optional("kvk", &["kvk_nummer", "kvknummer"]),
    ColumnSpec::optional("name", &["naam", "statutaire_naam"]),
    ColumnSpec::optional("registered", &["datum_oprichting", "datum_inschrijving"]),
];

/// Reads a `parties` file into the import transaction; returns the number of records read.
pub(crate) fn read(
    file: &mut CsvFile,
    tx: &mut ImportTx<'_>,
    job: &mut Job<'_>,
) -> Result<u64, ImportError> {
    let mut pseudo = Pseudonymiser::new(job.pseudo_key);
    let columns = fields::columns(file, &pseudo.specs(SPECS, "id", &[]))?;
    job.note_ignored(&columns.ignored);
    let rows = fields::read_records(
        file,
        tx,
        job,
        &columns,
        |f, _| Ok(party(f, &mut pseudo)),
        ImportTx::put_party,
    )?;
    pseudo.note(job);
    Ok(rows)
}

/// Reads one row into a party, or `None` when it has problems.
fn party(f: &mut Fields<'_>, pseudo: &mut Pseudonymiser<'_>) -> Option<Party> {
    let kind = f.required("kind", PartyKind::parse);
    let natural = kind == Some(PartyKind::Natural);
    if kind == Some(PartyKind::Legal) && pseudo.has_raw(f) {
        f.refuse_row(
            "raw identifiers (BSN, name with birth date) are only for natural persons; give a legal person by its id and KvK number",
        );
    }
    let id = match (natural, f.raw("id").is_some()) {
        (true, _) => pseudo.party(f, "id", Some("name")),
        // A legal person's id is never pseudonymised (a BSN there is refused, unshown).
        (false, true) => Pseudonymiser::new(None).reference(f, "id"),
        (false, false) => f.required("id", parse_pseudonym),
    };
    let kvk = f.optional("kvk", KvkNummer::parse);
    let name = if natural {
        None
    } else {
        f.text("name", MAX_NAME)
    };
    let registered = f.optional("registered", parse_date);
    if natural {
        if !pseudo.keyed() && f.raw("name").is_some() {
            f.refuse_hidden(
                "name",
                "names of natural persons must never be stored; give the party as a pseudonym only (or use --pseudo-key with the birth date)",
            );
        }
        if kvk.is_some() {
            f.refuse(
                "kvk",
                "a natural person is given by pseudonym only; link the person to a business through a roles file",
            );
        }
        if registered.is_some() {
            f.refuse_hidden(
                "registered",
                "a date is only kept for legal persons (for a natural person it could be a birth date); leave it empty",
            );
        }
    }
    let (Some(id), Some(kind), true) = (id, kind, f.ok()) else {
        return None;
    };
    Some(Party {
        id,
        kind,
        kvk,
        name,
        registered,
    })
}

#[cfg(test)]
mod tests;
