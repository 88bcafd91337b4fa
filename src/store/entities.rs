//! Read queries for drill-down: one address, business or party with what is linked to it, and
//! keyset-paged lists. Every list is bounded by a limit; nothing loads a whole entity table.

use rusqlite::{OptionalExtension, Row, params};

use super::open::{Context, Store, StoreError};

mod rows;
use rows::{
    ADDRESS_COLS, BUSINESS_COLS, SIGNAL_COLS, address_row, business_row, ownership_row, party_row,
    role_row, signal_row,
};
pub use rows::{AddressRow, BusinessRow, OwnershipRow, PartyRow, RoleRow, SignalRow};

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
