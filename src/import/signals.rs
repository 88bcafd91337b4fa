//! The `signals` import profile: registrations by partners (police, gemeente, toezicht, MMA, …)
//! about one address, business, party or area, one row per signal.
//!
//! | column | required | aliases | value |
//! |---|---|---|---|
//! | `id` | yes | `signaal_id` | the signal's own key in the source, at most 200 characters; unique in the file |
//! | `source` | yes | `bron` | who registered it (`politie`, `gemeente`, `mma`, `toezicht`, …), at most 200 characters |
//! | `kind` | yes | `soort`, `type` | what kind of signal (`hennep_ontmanteld`, `drugslab`, `overlast`, …), at most 200 characters |
//! | `date` | yes | `datum` | date, `2024-03-31` or `31-03-2024` |
//! | `entity_kind` | see below | `entiteit_soort` | `address`, `business`, `party` or `area`; also `adres`, `bedrijf`, `vestiging`, `partij`, `gebied` |
//! | `entity_id` | see below | `entiteit_id` | key of the entity: nummeraanduiding id (16 digits), vestigingsnummer (12 digits), party pseudonym (with `--pseudo-key` also a BSN, pseudonymised), or CBS area code |
//! | `address_id` | see below | `nummeraanduiding_id`, `adres_id` | compact form: the signal concerns this address |
//! | `vestigingsnummer` | see below | | compact form: the signal concerns this business |
//! | `party` | see below | `partij`, `partij_id`, `pseudoniem` | compact form: the signal concerns this party (pseudonym; with `--pseudo-key` also a BSN, pseudonymised) |
//! | `weight` | no | `weging` | weight as the source gives it; decimal comma or point |
//! | `phase` | no | `fase` | phase in the handling protocol, at most 200 characters |
//! | `text` | no | `omschrijving`, `toelichting` | short text, at most 500 characters |
//!
//! Each row names exactly one entity: either `entity_kind` with `entity_id`, or one of the
//! compact columns `address_id`, `vestigingsnummer`, `party`. The entity must already be in the
//! database. The free text is stored as written: keeping it free of details about natural
//! persons is the responsibility of whoever exports the signals. Other columns are named in the
//! summary and not stored.

use super::columns::ColumnSpec;
use super::fields::{self, Fields, MAX_NAME};
use super::person::Pseudonymiser;
use super::reader::CsvFile;
use super::{ImportError, Job};
use crate::model::{AreaCode, EntityKind, Signal, Vestigingsnummer, parse_date, parse_decimal};
use crate::store::{ImportTx, StoreError};

/// The longest signal text.
pub const MAX_TEXT: usize = 500;

const SPECS: &[ColumnSpec] = &[
    ColumnSpec::required("id", &["signaal_id"]),
    ColumnSpec::required("source", &["bron"]),
    ColumnSpec::required("kind", &["soort", "type"]),
    ColumnSpec::required("date", &["datum"]),
    ColumnSpec::optional("entity_kind", &["entiteit_soort"]),
    ColumnSpec::optional("entity_id", &["entiteit_id"]),
    ColumnSpec::optional("address_id", &["nummeraanduiding_id", "adres_id"]),
    ColumnSpec::optional("vestigingsnummer", &[]),
    ColumnSpec::optional("party", &["partij", "partij_id", "pseudoniem"]),
    ColumnSpec::optional("weight", &["weging"]),
    ColumnSpec::optional("phase", &["fase"]),
    ColumnSpec::optional("text", &["omschrijving", "toelichting"]),
];

/// The compact columns, each naming an entity of one kind.
const COMPACT: &[(&str, EntityKind)] = &[
    ("address_id", EntityKind::Address),
    ("vestigingsnummer", EntityKind::Business),
    ("party", EntityKind::Party),
];

/// Reads a `signals` file into the import transaction; returns the number of records read.
pub(crate) fn read(
    file: &mut CsvFile,
    tx: &mut ImportTx<'_>,
    job: &mut Job<'_>,
) -> Result<u64, ImportError> {
    let columns = fields::columns(file, SPECS)?;
    let (has_kind, has_id) = (columns.has("entity_kind"), columns.has("entity_id"));
    let compact = COMPACT.iter().any(|(c, _)| columns.has(c));
    let header_problem = if has_kind != has_id {
        Some("columns `entity_kind` and `entity_id` go together: the file has only one of them")
    } else if !has_kind && !compact {
        Some(
            "missing columns `entity_kind` and `entity_id` (or one of `address_id`, `vestigingsnummer`, `party`): a signal must say what it concerns",
        )
    } else {
        None
    };
    if let Some(message) = header_problem {
        return Err(fields::header_problem(file, message));
    }
    job.note_ignored(&columns.ignored);
    let mut pseudo = Pseudonymiser::new(job.pseudo_key);
    let rows = fields::read_records(
        file,
        tx,
        job,
        &columns,
        |f, tx| signal(f, tx, &mut pseudo),
        ImportTx::put_signal,
    )?;
    pseudo.note(job);
    Ok(rows)
}

/// Reads one row into a signal, or `None` when it has problems.
fn signal(
    f: &mut Fields<'_>,
    tx: &mut ImportTx<'_>,
    pseudo: &mut Pseudonymiser<'_>,
) -> Result<Option<Signal>, StoreError> {
    let id = f.required_text("id", MAX_NAME);
    let source = f.required_text("source", MAX_NAME);
    let kind = f.required_text("kind", MAX_NAME);
    let date = f.required("date", parse_date);
    let entity = entity(f, tx, pseudo)?;
    let weight = f.optional("weight", parse_decimal);
    let phase = f.text("phase", MAX_NAME);
    let text = f.text("text", MAX_TEXT);
    let (Some(id), Some(source), Some(kind), Some(date), Some((entity_kind, entity_id)), true) =
        (id, source, kind, date, entity, f.ok())
    else {
        return Ok(None);
    };
    Ok(Some(Signal {
        id,
        source,
        kind,
        date,
        entity_kind,
        entity_id,
        weight,
        phase,
        text,
    }))
}

/// The one entity a row names, checked against the database.
fn entity(
    f: &mut Fields<'_>,
    tx: &mut ImportTx<'_>,
    pseudo: &mut Pseudonymiser<'_>,
) -> Result<Option<(EntityKind, String)>, StoreError> {
    let mut named: Vec<(EntityKind, &str)> = Vec::new();
    let kind = f.optional("entity_kind", |s| {
        EntityKind::parse(s).ok_or(
            "address, business, party or area (also: adres, bedrijf, vestiging, partij, gebied)",
        )
    });
    match (kind, f.raw("entity_kind"), f.raw("entity_id")) {
        (Some(k), _, Some(_)) => named.push((k, "entity_id")),
        (Some(k), _, None) => f.refuse(
            "entity_id",
            format!("a value is required: the key of the {} the signal concerns", k.as_str()),
        ),
        (None, None, Some(_)) => f.refuse(
            "entity_kind",
            "a value is required when entity_id is given; expected address, business, party or area",
        ),
        _ => {}
    }
    named.extend(
        COMPACT
            .iter()
            .filter(|(column, _)| f.raw(column).is_some())
            .map(|(column, k)| (*k, *column)),
    );
    let (kind, column) = match named.as_slice() {
        [one] => *one,
        [] => {
            if f.ok() {
                f.refuse_row("no entity: give entity_kind and entity_id, or one of address_id, vestigingsnummer, party");
            }
            return Ok(None);
        }
        [_, second, ..] => {
            f.refuse(
                second.1,
                "a signal concerns one entity, and this row names more than one; split it into one row per entity",
            );
            return Ok(None);
        }
    };
    let id = match kind {
        EntityKind::Party => pseudo.reference(f, column),
        _ => f.optional(column, |s| entity_key(kind, s)),
    };
    let Some(id) = id else {
        return Ok(None);
    };
    if !f.require_known(tx, kind, column, &id)? {
        return Ok(None);
    }
    Ok(Some((kind, id)))
}

/// The key of an entity of `kind`, validated and normalised.
fn entity_key(kind: EntityKind, s: &str) -> Result<String, &'static str> {
    let text = |v: &dyn std::fmt::Display| v.to_string();
    match kind {
        EntityKind::Address => fields::nummeraanduiding_id(s).map(|v| text(&v)),
        EntityKind::Business => Vestigingsnummer::parse(s)
            .map(|v| text(&v))
            .map_err(|e| e.expected),
        EntityKind::Party => crate::model::parse_pseudonym(s).map_err(|e| e.expected),
        EntityKind::Area => AreaCode::parse(s).map(|v| text(&v)).map_err(|e| e.expected),
    }
}

#[cfg(test)]
mod tests;
