//! The `addresses` import profile: BAG addresses (nummeraanduidingen) with the use and surface
//! of their verblijfsobject, one row per address. Reads our canonical format and the NLExtract
//! "BAG adres plus" export as it comes (`;`, 50 columns).
//!
//! | column | required | aliases | value |
//! |---|---|---|---|
//! | `id` | yes | `nummeraanduiding_id`, `nummeraanduiding`, `adres_id` | nummeraanduiding id: 16 digits with object type `20` in positions 5–6, like `0363200000081086` (leading zeros kept); unique in the file |
//! | `object_id` | no | `adresseerbaarobject_id`, `verblijfsobject_id`, `vbo_id` | id of the adresseerbaar object: 16 digits with object type `01` (verblijfsobject), `02` (ligplaats) or `03` (standplaats) in positions 5–6 |
//! | `street` | yes | `openbareruimtenaam`, `openbareruimte`, `straat`, `straatnaam` | street name, at most 200 characters |
//! | `number` | yes | `huisnummer` | house number, 1–99999 |
//! | `letter` | no | `huisletter` | one letter A–Z or a–z, kept as written |
//! | `addition` | no | `huisnummertoevoeging`, `toevoeging` | 1–4 letters or digits, kept as written |
//! | `postcode` | no | | `1234AB` or `1234 AB` (any case); stored as `1234AB` |
//! | `city` | no | `woonplaats`, `woonplaatsnaam` | woonplaats name, at most 200 characters |
//! | `buurt` | no | `buurtcode`, `bu_code`, `buurt_code` | CBS buurt code like `BU03630000` or `BU0363AD03`; the buurt must be in the database (import the CBS area list or a KWB table first). Without the column or value the address lies in no buurt; the summary says how many |
//! | `uses` | no | `gebruiksdoel`, `gebruiksdoelen` | BAG gebruiksdoelen separated by `;` or `,`: `woonfunctie`, `bijeenkomstfunctie`, `celfunctie`, `gezondheidszorgfunctie`, `industriefunctie`, `kantoorfunctie`, `logiesfunctie`, `onderwijsfunctie`, `sportfunctie`, `winkelfunctie`, `overige gebruiksfunctie` (any case, `_` or space) |
//! | `woonfunctie` … `overige_gebruiksfunctie` | no | | one 0/1 flag column per gebruiksdoel above (BAG adres-plus style); `1` adds that use, `0` or empty does not. Combined with `uses` when both are given |
//! | `surface_m2` | no | `oppervlakte`, `oppervlakte_m2`, `opp_adresseerbaarobject_m2` | surface in m², 0 or more; decimal comma or point |
//! | `residents` | no | `aantal_bewoners`, `bewoners`, `ingeschrevenen` | number of registered residents (a BRP count, never persons), whole number 0 or more |
//!
//! Uses are stored as lower-case names joined by `,` in the order of the list above. Other
//! columns (coordinates, pand data, gemeente) are named in the summary and not stored.
//!
//! The short NLExtract "BAG adres" export (15 columns) is refused: its `object_id` is the
//! verblijfsobject id and it has no nummeraanduiding id, which is the key of an address.

mod uses;

use super::columns::{ColumnSpec, Columns, normalise};
use super::fields::{self, Fields, MAX_NAME};
use super::reader::CsvFile;
use super::{ImportError, Job};
use crate::model::{Address, AreaCode, AreaLevel, BagId, Postcode, parse_count, parse_decimal};
use crate::store::{ImportTx, StoreError};

const ID_ALIASES: &[&str] = &["nummeraanduiding_id", "nummeraanduiding", "adres_id"];

const SPECS: &[ColumnSpec] = &[
    ColumnSpec::required("id", ID_ALIASES),
    ColumnSpec::optional(
        "object_id",
        &["adresseerbaarobject_id", "verblijfsobject_id", "vbo_id"],
    ),
    ColumnSpec::required(
        "street",
        &[
            "openbareruimtenaam",
            "openbareruimte",
            "straat",
            "straatnaam",
        ],
    ),
    ColumnSpec::required("number", &["huisnummer"]),
    ColumnSpec::optional("letter", &["huisletter"]),
    ColumnSpec::optional("addition", &["huisnummertoevoeging", "toevoeging"]),
    ColumnSpec::optional("postcode", &[]),
    ColumnSpec::optional("city", &["woonplaats", "woonplaatsnaam"]),
    ColumnSpec::optional("buurt", &["buurtcode", "bu_code", "buurt_code"]),
    ColumnSpec::optional("uses", &["gebruiksdoel", "gebruiksdoelen"]),
    ColumnSpec::optional("woonfunctie", &[]),
    ColumnSpec::optional("bijeenkomstfunctie", &[]),
    ColumnSpec::optional("celfunctie", &[]),
    ColumnSpec::optional("gezondheidszorgfunctie", &[]),
    ColumnSpec::optional("industriefunctie", &[]),
    ColumnSpec::optional("kantoorfunctie", &[]),
    ColumnSpec::optional("logiesfunctie", &[]),
    ColumnSpec::optional("onderwijsfunctie", &[]),
    ColumnSpec::optional("sportfunctie", &[]),
    ColumnSpec::optional("winkelfunctie", &[]),
    ColumnSpec::optional("overige_gebruiksfunctie", &[]),
    ColumnSpec::optional(
        "surface_m2",
        &[
            "oppervlakte",
            "oppervlakte_m2",
            "opp_adresseerbaarobject_m2",
        ],
    ),
    ColumnSpec::optional(
        "residents",
        &["aantal_bewoners", "bewoners", "ingeschrevenen"],
    ),
];

/// Reads an `addresses` file into the import transaction; returns the number of records read.
pub(crate) fn read(
    file: &mut CsvFile,
    tx: &mut ImportTx<'_>,
    job: &mut Job<'_>,
) -> Result<u64, ImportError> {
    let columns = map_columns(file)?;
    job.note_ignored(&columns.ignored);
    let mut without_buurt = 0u64;
    let count_buurtless = |f: &mut Fields<'_>, tx: &mut ImportTx<'_>| {
        let a = address(f, tx)?;
        without_buurt += a.as_ref().map_or(0, |a| u64::from(a.buurt.is_none()));
        Ok(a)
    };
    let rows = fields::read_records(
        file,
        tx,
        job,
        &columns,
        count_buurtless,
        ImportTx::put_address,
    )?;
    if !columns.has("buurt") {
        job.notes.push(format!(
            "the file has no buurt column, so none of its {rows} addresses lies in a buurt yet"
        ));
    } else if without_buurt > 0 {
        job.notes.push(format!(
            "{without_buurt} of {rows} addresses have no buurt; they count in no buurt's score"
        ));
    }
    Ok(rows)
}

/// Matches the header, explaining the short BAG export (no nummeraanduiding id) by name.
fn map_columns(file: &CsvFile) -> Result<Columns, ImportError> {
    fields::columns(file, SPECS).map_err(|e| {
        let names: Vec<String> = file.headers().iter().map(|h| normalise(h)).collect();
        let has_id = names
            .iter()
            .any(|n| n == "id" || ID_ALIASES.contains(&n.as_str()));
        if has_id || !names.iter().any(|n| n == "object_id") {
            return e;
        }
        fields::header_problem(
            file,
            "missing column `id` (`nummeraanduiding_id`): this looks like the short BAG address export, whose `object_id` is the verblijfsobject id; use the BAG adres-plus export",
        )
    })
}

/// Reads one row into an address, or `None` when it has problems.
fn address(f: &mut Fields<'_>, tx: &mut ImportTx<'_>) -> Result<Option<Address>, StoreError> {
    let id = f.required("id", fields::nummeraanduiding_id);
    let object_id = f.optional("object_id", object_id);
    let street = f.required_text("street", MAX_NAME);
    let number = f.required("number", house_number);
    let letter = f.optional("letter", house_letter);
    let addition = f.optional("addition", addition);
    let postcode = f.optional("postcode", Postcode::parse);
    let city = f.text("city", MAX_NAME);
    let buurt = f.optional("buurt", buurt_code);
    if let Some(b) = &buurt {
        if !tx.area_known(b)? {
            f.refuse(
                "buurt",
                format!(
                    "buurt {b} is not in the database; import the CBS area list or KWB table first"
                ),
            );
        }
    }
    let uses = uses::read(f);
    let surface_m2 = f.optional("surface_m2", surface);
    let residents = f.optional("residents", parse_count);
    let (Some(id), Some(street), Some(number), true) = (id, street, number, f.ok()) else {
        return Ok(None);
    };
    Ok(Some(Address {
        id,
        object_id,
        street,
        number,
        letter,
        addition,
        postcode,
        city,
        buurt,
        uses,
        surface_m2,
        residents,
    }))
}

/// The id of an adresseerbaar object: object type 01 (verblijfsobject), 02 (ligplaats) or 03
/// (standplaats) in positions 5–6.
fn object_id(s: &str) -> Result<BagId, &'static str> {
    let id = BagId::parse(s).map_err(|e| e.expected)?;
    if matches!(&id.as_str()[4..6], "01" | "02" | "03") {
        Ok(id)
    } else {
        Err(
            "a verblijfsobject, ligplaats or standplaats id: 16 digits with 01, 02 or 03 in positions 5-6, like 0363010000964973",
        )
    }
}

fn house_number(s: &str) -> Result<i64, &'static str> {
    const EXPECTED: &str = "a house number from 1 to 99999";
    match parse_count(s) {
        Ok(n) if (1..=99_999).contains(&n) => Ok(n),
        _ => Err(EXPECTED),
    }
}

fn house_letter(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    if s.len() == 1 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(s.to_owned())
    } else {
        Err("one house letter like A")
    }
}

fn addition(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    if (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(s.to_owned())
    } else {
        Err("a house number addition of 1 to 4 letters or digits like 2 or H")
    }
}

fn buurt_code(s: &str) -> Result<AreaCode, &'static str> {
    const EXPECTED: &str = "a CBS buurt code like BU03630000 or BU0363AD03";
    match AreaCode::parse(s) {
        Ok(code) if code.level() == AreaLevel::Buurt => Ok(code),
        _ => Err(EXPECTED),
    }
}

fn surface(s: &str) -> Result<f64, &'static str> {
    match parse_decimal(s).map_err(|e| e.expected)? {
        v if v >= 0.0 => Ok(v),
        _ => Err("a surface in m² of 0 or more, like 85 or 85,5"),
    }
}

#[cfg(test)]
mod tests;
