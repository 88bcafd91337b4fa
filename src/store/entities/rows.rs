//! The rows the drill-down shows (address, establishment, party, signal, ownership, role),
//! the columns each is read from, and how a result row becomes one.

use rusqlite::Row;

/// An address as the drill-down shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AddressRow {
    /// Nummeraanduiding id.
    pub id: String,
    /// Street, number, letter and addition as one line (`Kerkstraat 12A-2`).
    pub label: String,
    /// Postcode.
    pub postcode: Option<String>,
    /// Woonplaats.
    pub city: Option<String>,
    /// Buurt code.
    pub buurt: Option<String>,
    /// BAG gebruiksdoelen.
    pub uses: Option<String>,
    /// Surface in m².
    pub surface_m2: Option<f64>,
    /// Registered residents (a count).
    pub residents: Option<i64>,
}

/// An establishment as the drill-down shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BusinessRow {
    /// Vestigingsnummer.
    pub vestigingsnummer: String,
    /// KvK number.
    pub kvk: String,
    /// Trade name.
    pub name: String,
    /// SBI code.
    pub sbi: Option<String>,
    /// SBI description, when the SBI list is loaded.
    pub sbi_label: Option<String>,
    /// Legal form.
    pub legal_form: Option<String>,
    /// Address id.
    pub address_id: Option<String>,
    /// Registration date.
    pub registered: Option<String>,
    /// End date.
    pub ended: Option<String>,
    /// People working there.
    pub employees: Option<i64>,
}

/// A pseudonymous party.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PartyRow {
    /// Pseudonym.
    pub id: String,
    /// `natural` or `legal`.
    pub kind: String,
    /// KvK number (legal persons).
    pub kvk: Option<String>,
    /// Name (legal persons only).
    pub name: Option<String>,
    /// Registration date (legal persons).
    pub registered: Option<String>,
}

/// One ownership period of an address.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OwnershipRow {
    /// Address id.
    pub address_id: String,
    /// Owner pseudonym.
    pub party_id: String,
    /// Owner kind.
    pub party_kind: String,
    /// Owner name (legal persons only).
    pub party_name: Option<String>,
    /// Acquired on.
    pub acquired: String,
    /// Ended on.
    pub ended: Option<String>,
    /// Price in euro.
    pub price: Option<f64>,
}

/// A party's role in a business.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RoleRow {
    /// Party pseudonym.
    pub party_id: String,
    /// KvK number.
    pub kvk: String,
    /// Role.
    pub role: String,
    /// Start.
    pub started: Option<String>,
    /// End.
    pub ended: Option<String>,
}

/// A signal.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SignalRow {
    /// Signal id.
    pub id: String,
    /// Who registered it.
    pub source: String,
    /// Its kind.
    pub kind: String,
    /// Its date.
    pub date: String,
    /// What it concerns.
    pub entity_kind: String,
    /// The concerned entity's key.
    pub entity_id: String,
    /// Weight.
    pub weight: Option<f64>,
    /// Phase.
    pub phase: Option<String>,
    /// Short text.
    pub text: Option<String>,
}

pub(super) const ADDRESS_COLS: &str =
    "id, street, number, letter, addition, postcode, city, buurt_code, uses, surface_m2, residents";
pub(super) const BUSINESS_COLS: &str = "b.vestigingsnummer, b.kvk_nummer, b.name, b.sbi_code, s.label, b.legal_form, b.address_id, \
     b.registered_on, b.ended_on, b.employees";
pub(super) const SIGNAL_COLS: &str =
    "id, source, kind, date, entity_kind, entity_id, weight, phase, text";

pub(super) fn address_row(r: &Row<'_>) -> rusqlite::Result<AddressRow> {
    let street: String = r.get(1)?;
    let number: i64 = r.get(2)?;
    let letter: Option<String> = r.get(3)?;
    let addition: Option<String> = r.get(4)?;
    let mut label = format!("{street} {number}{}", letter.unwrap_or_default());
    if let Some(a) = addition {
        label.push('-');
        label.push_str(&a);
    }
    Ok(AddressRow {
        id: r.get(0)?,
        label,
        postcode: r.get(5)?,
        city: r.get(6)?,
        buurt: r.get(7)?,
        uses: r.get(8)?,
        surface_m2: r.get(9)?,
        residents: r.get(10)?,
    })
}

pub(super) fn business_row(r: &Row<'_>) -> rusqlite::Result<BusinessRow> {
    Ok(BusinessRow {
        vestigingsnummer: r.get(0)?,
        kvk: r.get(1)?,
        name: r.get(2)?,
        sbi: r.get(3)?,
        sbi_label: r.get(4)?,
        legal_form: r.get(5)?,
        address_id: r.get(6)?,
        registered: r.get(7)?,
        ended: r.get(8)?,
        employees: r.get(9)?,
    })
}

pub(super) fn party_row(r: &Row<'_>) -> rusqlite::Result<PartyRow> {
    Ok(PartyRow {
        id: r.get(0)?,
        kind: r.get(1)?,
        kvk: r.get(2)?,
        name: r.get(3)?,
        registered: r.get(4)?,
    })
}

pub(super) fn signal_row(r: &Row<'_>) -> rusqlite::Result<SignalRow> {
    Ok(SignalRow {
        id: r.get(0)?,
        source: r.get(1)?,
        kind: r.get(2)?,
        date: r.get(3)?,
        entity_kind: r.get(4)?,
        entity_id: r.get(5)?,
        weight: r.get(6)?,
        phase: r.get(7)?,
        text: r.get(8)?,
    })
}

pub(super) fn ownership_row(r: &Row<'_>) -> rusqlite::Result<OwnershipRow> {
    Ok(OwnershipRow {
        address_id: r.get(0)?,
        party_id: r.get(1)?,
        party_kind: r.get(2)?,
        party_name: r.get(3)?,
        acquired: r.get(4)?,
        ended: r.get(5)?,
        price: r.get(6)?,
    })
}

pub(super) fn role_row(r: &Row<'_>) -> rusqlite::Result<RoleRow> {
    Ok(RoleRow {
        party_id: r.get(0)?,
        kvk: r.get(1)?,
        role: r.get(2)?,
        started: r.get(3)?,
        ended: r.get(4)?,
    })
}
