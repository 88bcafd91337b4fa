//! The `businesses` import profile: KvK establishments (vestigingen), one row per
//! vestigingsnummer.
//!
//! | column | required | aliases | value |
//! |---|---|---|---|
//! | `vestigingsnummer` | yes | | 12 digits (leading zeros kept); unique in the file |
//! | `kvk` | yes | `kvk_nummer`, `kvknummer` (so also `KvK-nummer`) | KvK number, 8 digits (leading zeros kept) |
//! | `name` | yes | `handelsnaam`, `naam`, `bedrijfsnaam` | trade name, at most 200 characters |
//! | `sbi` | no | `sbi_code`, `hoofdactiviteit` (so also `SBI`) | main activity, 4 or 5 digits, dots allowed (`56.10.1`); when an SBI list is imported the code must be in it |
//! | `legal_form` | no | `rechtsvorm` | legal form as KvK writes it, at most 200 characters |
//! | `address_id` | no | `nummeraanduiding_id`, `adres_id` | nummeraanduiding id (16 digits) of an address already imported |
//! | `registered` | no | `datum_inschrijving`, `startdatum`, `datum_vestiging` | date, `2024-03-31` or `31-03-2024` |
//! | `ended` | no | `datum_uitschrijving`, `einddatum`, `datum_opheffing` | date, not before `registered` |
//! | `employees` | no | `werkzame_personen`, `aantal_werkzame_personen` | whole number 0 or more |
//!
//! The trade name is stored: it is public in the Handelsregister. Other columns are named in the
//! summary and not stored.

use super::columns::ColumnSpec;
use super::fields::{self, Fields, MAX_NAME};
use super::reader::CsvFile;
use super::{ImportError, Job};
use crate::model::{
    BagId, Business, EntityKind, KvkNummer, SbiCode, Vestigingsnummer, parse_count, parse_date,
};
use crate::store::{ImportTx, StoreError};

const SPECS: &[ColumnSpec] = &[
    ColumnSpec::required("vestigingsnummer", &[]),
    ColumnSpec::required("kvk", &["kvk_nummer", "kvknummer"]),
    ColumnSpec::required("name", &["handelsnaam", "naam", "bedrijfsnaam"]),
    ColumnSpec::optional("sbi", &["sbi_code", "hoofdactiviteit"]),
    ColumnSpec::optional("legal_form", &["rechtsvorm"]),
    ColumnSpec::optional("address_id", &["nummeraanduiding_id", "adres_id"]),
    ColumnSpec::optional(
        "registered",
        &["datum_inschrijving", "startdatum", "datum_vestiging"],
    ),
    ColumnSpec::optional(
        "ended",
        &["datum_uitschrijving", "einddatum", "datum_opheffing"],
    ),
    ColumnSpec::optional(
        "employees",
        &["werkzame_personen", "aantal_werkzame_personen"],
    ),
];

/// Reads a `businesses` file into the import transaction; returns the number of records read.
pub(crate) fn read(
    file: &mut CsvFile,
    tx: &mut ImportTx<'_>,
    job: &mut Job<'_>,
) -> Result<u64, ImportError> {
    let columns = fields::columns(file, SPECS)?;
    job.note_ignored(&columns.ignored);
    fields::read_records(file, tx, job, &columns, business, ImportTx::put_business)
}

/// Reads one row into a business, or `None` when it has problems.
fn business(f: &mut Fields<'_>, tx: &mut ImportTx<'_>) -> Result<Option<Business>, StoreError> {
    let vestigingsnummer = f.required("vestigingsnummer", Vestigingsnummer::parse);
    let kvk = f.required("kvk", KvkNummer::parse);
    let name = f.required_text("name", MAX_NAME);
    let sbi = f.optional("sbi", SbiCode::parse);
    if let Some(code) = &sbi {
        if tx.sbi_known(code)? == Some(false) {
            f.refuse(
                "sbi",
                format!("SBI code {code} is not in the imported SBI list; check the code"),
            );
        }
    }
    let legal_form = f.text("legal_form", MAX_NAME);
    let address = f.optional("address_id", fields::nummeraanduiding_id);
    // In a bulk load the store checks the address (on insert or after the load), so a row that
    // is fine so far leaves it to the store; it is looked up here only if the row is not
    // stored anyway.
    let mut deferred = None;
    if let Some(a) = &address {
        if f.ok() && tx.checks_references("businesses") {
            deferred = Some(f.mark());
        } else if !tx.entity_known(EntityKind::Address, a.as_str())? {
            f.refuse("address_id", unknown_address(a));
        }
    }
    let registered = f.optional("registered", parse_date);
    let ended = f.optional("ended", parse_date);
    f.dates_in_order(
        "registered",
        registered.as_deref(),
        "ended",
        ended.as_deref(),
    );
    let employees = f.optional("employees", parse_count);
    if let (Some(mark), Some(a), false) = (deferred, &address, f.ok()) {
        if !tx.entity_known(EntityKind::Address, a.as_str())? {
            f.refuse_at(mark, "address_id", unknown_address(a));
        }
    }
    let (Some(vestigingsnummer), Some(kvk), Some(name), true) =
        (vestigingsnummer, kvk, name, f.ok())
    else {
        return Ok(None);
    };
    Ok(Some(Business {
        vestigingsnummer,
        kvk,
        name,
        sbi,
        legal_form,
        address,
        registered,
        ended,
        employees,
    }))
}

/// The problem of an address that is not in the database (the same words as the insert's).
fn unknown_address(a: &BagId) -> String {
    EntityKind::Address.not_in_database(a.as_str())
}

#[cfg(test)]
mod tests;
