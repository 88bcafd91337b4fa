//! Storing one row of each kind inside an import: an upsert keyed on the row's natural key
//! (a plain insert in a bulk load), with duplicates within the file and references to
//! missing entities turned into problems for the user.

use rusqlite::params;

use super::{ImportTx, PutError, unknown_address};
use crate::model::{Address, Area, Business, Ownership, Party, Role, SbiEntry, Signal, StatValue};

impl ImportTx<'_> {
    /// Stores an area (upsert on code and year).
    pub fn put_area(&mut self, a: &Area, line: u64) -> Result<(), PutError> {
        let n = self.run(
            "INSERT INTO areas(code, year, level, name, parent_code, source_id, line)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(code, year) DO UPDATE SET level = excluded.level, name = excluded.name,
               parent_code = excluded.parent_code, source_id = excluded.source_id, line = excluded.line
             WHERE areas.source_id <> excluded.source_id",
            params![a.code.as_str(), a.year, a.level.as_str(), a.name, a.parent.as_ref().map(|p| p.as_str()), self.source_id, line as i64],
        )?;
        if let Some(set) = &mut self.areas {
            set.insert(a.code.as_str().to_owned());
        }
        self.check_dup(
            n,
            "SELECT line FROM areas WHERE code = ?1 AND year = ?2",
            params![a.code.as_str(), a.year],
            || format!("area {} ({})", a.code, a.year),
        )
    }

    /// Stores an area only if no other source has it for that year (the earlier version of
    /// this source hands its areas over); returns whether it was added or taken over.
    pub fn ensure_area(&mut self, a: &Area, line: u64) -> Result<bool, PutError> {
        let n = self.run(
            "INSERT INTO areas(code, year, level, name, parent_code, source_id, line)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(code, year) DO UPDATE SET level = excluded.level, name = excluded.name,
               parent_code = excluded.parent_code, source_id = excluded.source_id, line = excluded.line
             WHERE areas.source_id = ?8",
            params![
                a.code.as_str(),
                a.year,
                a.level.as_str(),
                a.name,
                a.parent.as_ref().map(|p| p.as_str()),
                self.source_id,
                line as i64,
                self.prior.as_ref().map_or(-1, |(id, _)| *id)
            ],
        )?;
        if let Some(set) = &mut self.areas {
            set.insert(a.code.as_str().to_owned());
        }
        Ok(n == 1)
    }

    /// Stores the human label of a statistic key (upsert).
    pub fn put_stat_key(&mut self, key: &str, label: &str) -> Result<(), PutError> {
        self.run(
            "INSERT INTO stat_keys(key, label, source_id) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET label = excluded.label, source_id = excluded.source_id",
            params![key, label, self.source_id],
        )?;
        Ok(())
    }

    /// Stores one statistic of one area. The area must exist for that year.
    pub fn put_stat(&mut self, s: &StatValue, line: u64) -> Result<(), PutError> {
        let n = self.run(
            "INSERT INTO area_stats(area_code, year, key, value, source_id, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(area_code, year, key) DO UPDATE SET value = excluded.value,
               source_id = excluded.source_id, line = excluded.line
             WHERE area_stats.source_id <> excluded.source_id",
            params![s.area.as_str(), s.year, s.key, s.value, self.source_id, line as i64],
        )
        .map_err(|e| self.explain_fk(e, || format!("area {} is not known for {}; import the area list or a CBS file with names first", s.area, s.year)))?;
        self.check_dup(
            n,
            "SELECT line FROM area_stats WHERE area_code = ?1 AND year = ?2 AND key = ?3",
            params![s.area.as_str(), s.year, s.key],
            || format!("statistic {} of {} ({})", s.key, s.area, s.year),
        )
    }

    /// Stores one SBI code.
    pub fn put_sbi(&mut self, e: &SbiEntry, line: u64) -> Result<(), PutError> {
        let n = self.run(
            "INSERT INTO sbi_codes(code, dotted, level, section, label, source_id, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(code) DO UPDATE SET dotted = excluded.dotted, level = excluded.level,
               section = excluded.section, label = excluded.label, source_id = excluded.source_id, line = excluded.line
             WHERE sbi_codes.source_id <> excluded.source_id",
            params![e.code, e.dotted, e.level, e.section, e.label, self.source_id, line as i64],
        )?;
        if let Some(set) = &mut self.sbi {
            set.insert(e.code.clone());
        }
        self.check_dup(
            n,
            "SELECT line FROM sbi_codes WHERE code = ?1",
            params![e.code],
            || format!("SBI code {}", e.code),
        )
    }

    /// Stores one address.
    pub fn put_address(&mut self, a: &Address, line: u64) -> Result<(), PutError> {
        let n = self.run(
            "INSERT INTO addresses(id, object_id, street, number, letter, addition, postcode, city, buurt_code,
               uses, surface_m2, residents, source_id, line)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             ON CONFLICT(id) DO UPDATE SET object_id = excluded.object_id, street = excluded.street,
               number = excluded.number, letter = excluded.letter, addition = excluded.addition,
               postcode = excluded.postcode, city = excluded.city, buurt_code = excluded.buurt_code,
               uses = excluded.uses, surface_m2 = excluded.surface_m2, residents = excluded.residents,
               source_id = excluded.source_id, line = excluded.line
             WHERE addresses.source_id <> excluded.source_id",
            params![
                a.id.as_str(),
                a.object_id.as_ref().map(|o| o.as_str()),
                a.street,
                a.number,
                a.letter,
                a.addition,
                a.postcode.as_ref().map(|p| p.as_str()),
                a.city,
                a.buurt.as_ref().map(|b| b.as_str()),
                a.uses,
                a.surface_m2,
                a.residents,
                self.source_id,
                line as i64
            ],
        )?;
        self.check_dup(
            n,
            "SELECT line FROM addresses WHERE id = ?1",
            params![a.id.as_str()],
            || format!("address {}", a.id),
        )
    }

    /// Stores one establishment. Its address, when given, must be in the database.
    pub fn put_business(&mut self, b: &Business, line: u64) -> Result<(), PutError> {
        let n = self
            .run(
                "INSERT INTO businesses(vestigingsnummer, kvk_nummer, name, sbi_code, legal_form, address_id,
                   registered_on, ended_on, employees, source_id, line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT(vestigingsnummer) DO UPDATE SET kvk_nummer = excluded.kvk_nummer, name = excluded.name,
                   sbi_code = excluded.sbi_code, legal_form = excluded.legal_form, address_id = excluded.address_id,
                   registered_on = excluded.registered_on, ended_on = excluded.ended_on,
                   employees = excluded.employees, source_id = excluded.source_id, line = excluded.line
                 WHERE businesses.source_id <> excluded.source_id",
                params![
                    b.vestigingsnummer.as_str(),
                    b.kvk.as_str(),
                    b.name,
                    b.sbi.as_ref().map(|s| s.as_str()),
                    b.legal_form,
                    b.address.as_ref().map(|a| a.as_str()),
                    b.registered,
                    b.ended,
                    b.employees,
                    self.source_id,
                    line as i64
                ],
            )
            .map_err(|e| match self.explain_fk(e, String::new) {
                PutError::UnknownReference(_) => unknown_address(b),
                e => e,
            })?;
        let result = self.check_dup(
            n,
            "SELECT line FROM businesses WHERE vestigingsnummer = ?1",
            params![b.vestigingsnummer.as_str()],
            || format!("vestigingsnummer {}", b.vestigingsnummer),
        );
        // A repeated key fails before the foreign key is checked; a missing address is still
        // the problem to report, as when the importer looks it up first.
        if let (Err(PutError::Duplicate { .. }), Some(a)) = (&result, &b.address) {
            if !self.exists("SELECT 1 FROM addresses WHERE id = ?1", a.as_str())? {
                return Err(unknown_address(b));
            }
        }
        result
    }

    /// Stores one party.
    pub fn put_party(&mut self, p: &Party, line: u64) -> Result<(), PutError> {
        let n = self.run(
            "INSERT INTO parties(id, kind, kvk_nummer, name, registered_on, source_id, line)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, kvk_nummer = excluded.kvk_nummer,
               name = excluded.name, registered_on = excluded.registered_on,
               source_id = excluded.source_id, line = excluded.line
             WHERE parties.source_id <> excluded.source_id",
            params![
                p.id,
                p.kind.as_str(),
                p.kvk.as_ref().map(|k| k.as_str()),
                p.name,
                p.registered,
                self.source_id,
                line as i64
            ],
        )?;
        self.check_dup(
            n,
            "SELECT line FROM parties WHERE id = ?1",
            params![p.id],
            || format!("party {}", p.id),
        )
    }

    /// Stores one role of a party in a business. The party must be in the database.
    pub fn put_role(&mut self, r: &Role, line: u64) -> Result<(), PutError> {
        let n = self
            .run(
                "INSERT INTO roles(party_id, kvk_nummer, role, started_on, ended_on, source_id, line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT(party_id, kvk_nummer, role) DO UPDATE SET started_on = excluded.started_on,
                   ended_on = excluded.ended_on, source_id = excluded.source_id, line = excluded.line
                 WHERE roles.source_id <> excluded.source_id",
                params![r.party, r.kvk.as_str(), r.role, r.started, r.ended, self.source_id, line as i64],
            )
            .map_err(|e| self.explain_fk(e, || format!("party {} is not in the database; import the parties first", r.party)))?;
        self.check_dup(
            n,
            "SELECT line FROM roles WHERE party_id = ?1 AND kvk_nummer = ?2 AND role = ?3",
            params![r.party, r.kvk.as_str(), r.role],
            || format!("role {} of party {} in KvK {}", r.role, r.party, r.kvk),
        )
    }

    /// Stores one ownership. Address and party must be in the database.
    pub fn put_ownership(&mut self, o: &Ownership, line: u64) -> Result<(), PutError> {
        let n = self
            .run(
                "INSERT INTO ownership(address_id, party_id, acquired_on, ended_on, price, source_id, line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT(address_id, party_id, acquired_on) DO UPDATE SET ended_on = excluded.ended_on,
                   price = excluded.price, source_id = excluded.source_id, line = excluded.line
                 WHERE ownership.source_id <> excluded.source_id",
                params![o.address.as_str(), o.party, o.acquired, o.ended, o.price, self.source_id, line as i64],
            )
            .map_err(|e| {
                let address_known = self.exists("SELECT 1 FROM addresses WHERE id = ?1", o.address.as_str()).unwrap_or(true);
                self.explain_fk(e, || {
                    if address_known {
                        format!("party {} is not in the database; import the parties first", o.party)
                    } else {
                        format!("address {} is not in the database; import the addresses first", o.address)
                    }
                })
            })?;
        self.check_dup(
            n,
            "SELECT line FROM ownership WHERE address_id = ?1 AND party_id = ?2 AND acquired_on = ?3",
            params![o.address.as_str(), o.party, o.acquired],
            || format!("ownership of {} by {} from {}", o.address, o.party, o.acquired),
        )
    }

    /// Stores one signal. The importer checks beforehand that its entity exists.
    pub fn put_signal(&mut self, s: &Signal, line: u64) -> Result<(), PutError> {
        let n = self.run(
            "INSERT INTO signals(id, source, kind, date, entity_kind, entity_id, weight, phase, text, source_id, line)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT(id) DO UPDATE SET source = excluded.source, kind = excluded.kind, date = excluded.date,
               entity_kind = excluded.entity_kind, entity_id = excluded.entity_id, weight = excluded.weight,
               phase = excluded.phase, text = excluded.text, source_id = excluded.source_id, line = excluded.line
             WHERE signals.source_id <> excluded.source_id",
            params![s.id, s.source, s.kind, s.date, s.entity_kind.as_str(), s.entity_id, s.weight, s.phase, s.text, self.source_id, line as i64],
        )?;
        self.check_dup(
            n,
            "SELECT line FROM signals WHERE id = ?1",
            params![s.id],
            || format!("signal {}", s.id),
        )
    }
}
