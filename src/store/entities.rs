//! Read queries for drill-down: one address, business or party with what is linked to it, and
//! keyset-paged lists. Every list is bounded by a limit; nothing loads a whole entity table.

use rusqlite::{OptionalExtension, Row, params};

use super::open::{Context, Store, StoreError};

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

const ADDRESS_COLS: &str =
    "id, street, number, letter, addition, postcode, city, buurt_code, uses, surface_m2, residents";
const BUSINESS_COLS: &str = "b.vestigingsnummer, b.kvk_nummer, b.name, b.sbi_code, s.label, b.legal_form, b.address_id, \
     b.registered_on, b.ended_on, b.employees";
const SIGNAL_COLS: &str = "id, source, kind, date, entity_kind, entity_id, weight, phase, text";

fn address_row(r: &Row<'_>) -> rusqlite::Result<AddressRow> {
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

fn business_row(r: &Row<'_>) -> rusqlite::Result<BusinessRow> {
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

fn party_row(r: &Row<'_>) -> rusqlite::Result<PartyRow> {
    Ok(PartyRow {
        id: r.get(0)?,
        kind: r.get(1)?,
        kvk: r.get(2)?,
        name: r.get(3)?,
        registered: r.get(4)?,
    })
}

fn signal_row(r: &Row<'_>) -> rusqlite::Result<SignalRow> {
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

fn ownership_row(r: &Row<'_>) -> rusqlite::Result<OwnershipRow> {
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

fn role_row(r: &Row<'_>) -> rusqlite::Result<RoleRow> {
    Ok(RoleRow {
        party_id: r.get(0)?,
        kvk: r.get(1)?,
        role: r.get(2)?,
        started: r.get(3)?,
        ended: r.get(4)?,
    })
}

impl Store {
    fn rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: fn(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).ctx("preparing a query")?;
        let rows = stmt.query_map(params, map).ctx("running a query")?;
        rows.collect::<Result<Vec<_>, _>>()
            .ctx("reading query results")
    }

    fn one<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: fn(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Option<T>, StoreError> {
        self.conn
            .query_row(sql, params, map)
            .optional()
            .ctx("running a query")
    }

    /// One address.
    pub fn address(&self, id: &str) -> Result<Option<AddressRow>, StoreError> {
        self.one(
            &format!("SELECT {ADDRESS_COLS} FROM addresses WHERE id = ?1"),
            [id],
            address_row,
        )
    }

    /// Addresses in a buurt, ordered by id, after `after` (keyset paging).
    pub fn addresses_in(
        &self,
        buurt: &str,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<AddressRow>, StoreError> {
        self.rows(
            &format!("SELECT {ADDRESS_COLS} FROM addresses WHERE buurt_code = ?1 AND id > ?2 ORDER BY id LIMIT ?3"),
            params![buurt, after.unwrap_or(""), limit as i64],
            address_row,
        )
    }

    /// One establishment, with its SBI label.
    pub fn business(&self, vestigingsnummer: &str) -> Result<Option<BusinessRow>, StoreError> {
        self.one(
            &format!("SELECT {BUSINESS_COLS} FROM businesses b LEFT JOIN sbi_codes s ON s.code = b.sbi_code WHERE b.vestigingsnummer = ?1"),
            [vestigingsnummer],
            business_row,
        )
    }

    /// Establishments registered at an address, current first, then by registration date.
    pub fn businesses_at(
        &self,
        address_id: &str,
        limit: usize,
    ) -> Result<Vec<BusinessRow>, StoreError> {
        self.rows(
            &format!(
                "SELECT {BUSINESS_COLS} FROM businesses b LEFT JOIN sbi_codes s ON s.code = b.sbi_code
                 WHERE b.address_id = ?1 ORDER BY b.ended_on IS NOT NULL, b.registered_on DESC, b.vestigingsnummer LIMIT ?2"
            ),
            params![address_id, limit as i64],
            business_row,
        )
    }

    /// All establishments of one KvK number.
    pub fn establishments_of(
        &self,
        kvk: &str,
        limit: usize,
    ) -> Result<Vec<BusinessRow>, StoreError> {
        self.rows(
            &format!(
                "SELECT {BUSINESS_COLS} FROM businesses b LEFT JOIN sbi_codes s ON s.code = b.sbi_code
                 WHERE b.kvk_nummer = ?1 ORDER BY b.vestigingsnummer LIMIT ?2"
            ),
            params![kvk, limit as i64],
            business_row,
        )
    }

    /// One party.
    pub fn party(&self, id: &str) -> Result<Option<PartyRow>, StoreError> {
        self.one(
            "SELECT id, kind, kvk_nummer, name, registered_on FROM parties WHERE id = ?1",
            [id],
            party_row,
        )
    }

    /// Owners of an address over time, newest first.
    pub fn owners_of(
        &self,
        address_id: &str,
        limit: usize,
    ) -> Result<Vec<OwnershipRow>, StoreError> {
        self.rows(
            "SELECT o.address_id, o.party_id, p.kind, p.name, o.acquired_on, o.ended_on, o.price
             FROM ownership o JOIN parties p ON p.id = o.party_id
             WHERE o.address_id = ?1 ORDER BY o.acquired_on DESC, o.party_id LIMIT ?2",
            params![address_id, limit as i64],
            ownership_row,
        )
    }

    /// Addresses a party owns or owned, newest first.
    pub fn ownerships_of(
        &self,
        party_id: &str,
        limit: usize,
    ) -> Result<Vec<OwnershipRow>, StoreError> {
        self.rows(
            "SELECT o.address_id, o.party_id, p.kind, p.name, o.acquired_on, o.ended_on, o.price
             FROM ownership o JOIN parties p ON p.id = o.party_id
             WHERE o.party_id = ?1 ORDER BY o.acquired_on DESC, o.address_id LIMIT ?2",
            params![party_id, limit as i64],
            ownership_row,
        )
    }

    /// Roles held in a business (by KvK number).
    pub fn roles_in(&self, kvk: &str, limit: usize) -> Result<Vec<RoleRow>, StoreError> {
        self.rows(
            "SELECT party_id, kvk_nummer, role, started_on, ended_on FROM roles WHERE kvk_nummer = ?1
             ORDER BY role, party_id LIMIT ?2",
            params![kvk, limit as i64],
            role_row,
        )
    }

    /// Roles a party holds.
    pub fn roles_of(&self, party_id: &str, limit: usize) -> Result<Vec<RoleRow>, StoreError> {
        self.rows(
            "SELECT party_id, kvk_nummer, role, started_on, ended_on FROM roles WHERE party_id = ?1
             ORDER BY kvk_nummer, role LIMIT ?2",
            params![party_id, limit as i64],
            role_row,
        )
    }

    /// Signals about one entity, newest first.
    pub fn signals_about(
        &self,
        entity_kind: &str,
        entity_id: &str,
        limit: usize,
    ) -> Result<Vec<SignalRow>, StoreError> {
        self.rows(
            &format!("SELECT {SIGNAL_COLS} FROM signals WHERE entity_kind = ?1 AND entity_id = ?2 ORDER BY date DESC, id LIMIT ?3"),
            params![entity_kind, entity_id, limit as i64],
            signal_row,
        )
    }

    /// Signals in a buurt: about the buurt itself, its addresses, and businesses at its
    /// addresses; newest first.
    /// The buurt's addresses first (CROSS JOIN fixes the order), so a national database
    /// reads one buurt's rows through the indexes instead of every signal of a kind.
    pub fn signals_in_buurt(
        &self,
        buurt: &str,
        limit: usize,
    ) -> Result<Vec<SignalRow>, StoreError> {
        self.rows(
            &format!(
                "SELECT {SIGNAL_COLS} FROM signals WHERE entity_kind = 'area' AND entity_id = ?1
                 UNION ALL
                 SELECT {} FROM addresses a CROSS JOIN signals s
                 WHERE a.buurt_code = ?1 AND s.entity_kind = 'address' AND s.entity_id = a.id
                 UNION ALL
                 SELECT {} FROM addresses a CROSS JOIN businesses b CROSS JOIN signals s
                 WHERE a.buurt_code = ?1 AND b.address_id = a.id
                   AND s.entity_kind = 'business' AND s.entity_id = b.vestigingsnummer
                 ORDER BY 4 DESC, 1 LIMIT ?2",
                prefixed("s", SIGNAL_COLS),
                prefixed("s", SIGNAL_COLS)
            ),
            params![buurt, limit as i64],
            signal_row,
        )
    }
}

fn prefixed(alias: &str, cols: &str) -> String {
    cols.split(", ")
        .map(|c| format!("{alias}.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
