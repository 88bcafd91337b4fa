//! The import transaction: one source file becomes one `sources` row and its data rows, all in
//! one SQLite transaction, so a file applies completely or not at all. A new version of a source
//! (same kind and name, other content) replaces the old version's rows inside the same
//! transaction and the counts say what was inserted, updated and removed.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, Statement, Transaction, params};

use super::open::{Context, Store, StoreError};
use super::schema::DATA_TABLES;
use crate::model::{
    Address, Area, AreaCode, AreaLevel, Business, EntityKind, Ownership, Party, Role, SbiCode,
    SbiEntry, Signal, StatValue,
};

/// Describes the file being imported.
#[derive(Debug, Clone)]
pub struct SourceMeta {
    /// The import kind (`cbs`, `addresses`, …).
    pub kind: String,
    /// The source's name: the file name unless the user chose one. A later import with the
    /// same kind and name replaces this one.
    pub name: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// The OS user who imports.
    pub imported_by: String,
    /// When, as ISO 8601 UTC text.
    pub imported_at: String,
}

/// An earlier import of the same bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorImport {
    /// The name it was imported under.
    pub name: String,
    /// When.
    pub imported_at: String,
    /// By whom.
    pub imported_by: String,
}

/// What an import changed, in table rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportCounts {
    /// Rows added that no earlier version had.
    pub inserted: u64,
    /// Rows of the earlier version replaced by a row with the same key.
    pub updated: u64,
    /// Rows of the earlier version that the new file no longer has.
    pub removed: u64,
    /// The earlier version this import replaced, by its import time.
    pub replaced: Option<PriorImport>,
}

/// Why one row could not be stored. The importer attaches file and line.
#[derive(Debug, thiserror::Error)]
pub enum PutError {
    /// The same key appeared earlier in this file.
    #[error("{key} appears twice in this file (first on line {first_line})")]
    Duplicate {
        /// The key, as the user knows it.
        key: String,
        /// The line of the first occurrence.
        first_line: u64,
    },
    /// The row refers to something the database does not have.
    #[error("{0}")]
    UnknownReference(String),
    /// The row refers to something the database does not have, given in one column (the
    /// canonical column name; the importer shows it as the file writes it, with the value).
    #[error("{message}")]
    UnknownReferenceIn {
        /// The column holding the reference.
        column: &'static str,
        /// What is missing and what to do.
        message: String,
    },
    /// A database failure.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// The active import of the same kind with exactly these bytes, if any.
    pub fn find_import(&self, kind: &str, sha256: &str) -> Result<Option<PriorImport>, StoreError> {
        self.conn
            .query_row(
                "SELECT file_name, imported_at, imported_by FROM sources
                 WHERE kind = ?1 AND sha256 = ?2 AND replaced_by IS NULL",
                params![kind, sha256],
                |r| {
                    Ok(PriorImport {
                        name: r.get(0)?,
                        imported_at: r.get(1)?,
                        imported_by: r.get(2)?,
                    })
                },
            )
            .optional()
            .ctx("looking for an earlier import of this file")
    }

    /// The stored value of one statistic: `None` when the area has no such statistic that
    /// year, `Some(None)` when it is stored as missing.
    pub fn stat_value(
        &self,
        area: &AreaCode,
        year: i32,
        key: &str,
    ) -> Result<Option<Option<f64>>, StoreError> {
        self.conn
            .query_row(
                "SELECT value FROM area_stats WHERE area_code = ?1 AND year = ?2 AND key = ?3",
                params![area.as_str(), year, key],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading a statistic")
    }

    /// How many areas of one level have a statistic in a year: (stored, with a value).
    pub fn stat_coverage(
        &self,
        key: &str,
        year: i32,
        level: AreaLevel,
    ) -> Result<(u64, u64), StoreError> {
        self.conn
            .query_row(
                "SELECT count(*), count(s.value) FROM area_stats s
                 JOIN areas a ON a.code = s.area_code AND a.year = s.year
                 WHERE s.key = ?1 AND s.year = ?2 AND a.level = ?3",
                params![key, year, level.as_str()],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)),
            )
            .ctx("counting a statistic")
    }

    /// The label of a statistic key.
    pub fn stat_label(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT label FROM stat_keys WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .ctx("reading a statistic label")
    }

    /// One area in one year's indeling.
    pub fn area(&self, code: &AreaCode, year: i32) -> Result<Option<Area>, StoreError> {
        let row: Option<(String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT name, parent_code FROM areas WHERE code = ?1 AND year = ?2",
                params![code.as_str(), year],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("reading an area")?;
        Ok(row.map(|(name, parent)| Area {
            code: code.clone(),
            level: code.level(),
            name,
            parent: parent.and_then(|p| AreaCode::parse(&p).ok()),
            year,
        }))
    }

    /// One SBI code (KvK style: `A`, `01`, `4711`, `56101`).
    pub fn sbi_entry(&self, code: &str) -> Result<Option<SbiEntry>, StoreError> {
        self.conn
            .query_row(
                "SELECT code, dotted, level, section, label FROM sbi_codes WHERE code = ?1",
                [code],
                |r| {
                    Ok(SbiEntry {
                        code: r.get(0)?,
                        dotted: r.get(1)?,
                        level: r.get(2)?,
                        section: r.get(3)?,
                        label: r.get(4)?,
                    })
                },
            )
            .optional()
            .ctx("reading an SBI code")
    }

    /// Starts the import of one source. Nothing is visible to others until [`ImportTx::commit`];
    /// dropping the transaction rolls everything back.
    pub fn begin_import(&mut self, meta: &SourceMeta) -> Result<ImportTx<'_>, StoreError> {
        let sort_dir = self
            .path()
            .and_then(|p| p.parent())
            .map(|d| d.to_path_buf());
        // The transaction borrows the connection for the whole import (not through `self`), so
        // the prepared inserts kept in `ImportTx::inserts` can live as long as it does.
        let conn: &Connection = &self.conn;
        let tx = Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)
            .ctx("starting the import (is another program writing this database?)")?;
        let prior: Option<(i64, PriorImport)> = tx
            .query_row(
                "SELECT id, file_name, imported_at, imported_by FROM sources
                 WHERE kind = ?1 AND file_name = ?2 AND replaced_by IS NULL",
                params![meta.kind, meta.name],
                |r| {
                    Ok((
                        r.get(0)?,
                        PriorImport {
                            name: r.get(1)?,
                            imported_at: r.get(2)?,
                            imported_by: r.get(3)?,
                        },
                    ))
                },
            )
            .optional()
            .ctx("looking for an earlier version of this source")?;
        tx.execute(
            "INSERT INTO sources(kind, file_name, sha256, imported_at, imported_by) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![meta.kind, meta.name, meta.sha256, meta.imported_at, meta.imported_by],
        )
        .ctx("recording the source")?;
        let source_id = tx.last_insert_rowid();
        let mut prior_rows = 0;
        if let Some((id, _)) = &prior {
            for table in tables_of(&meta.kind) {
                let n: i64 = tx
                    .query_row(
                        &format!("SELECT count(*) FROM {table} WHERE source_id = ?1"),
                        [id],
                        |r| r.get(0),
                    )
                    .ctx("counting the earlier version's rows")?;
                prior_rows += n as u64;
            }
        }
        let mut deferred = Vec::new();
        let mut bulk = Vec::new();
        if prior.is_none() {
            for table in tables_of(&meta.kind) {
                if is_empty(&tx, table)? {
                    bulk.push(*table);
                    deferred.extend(defer_indexes(&tx, table)?);
                }
            }
        }
        Ok(ImportTx {
            inserts: std::cell::RefCell::new(Vec::new()),
            conn,
            bulk,
            deferred,
            sort_dir,
            kind: meta.kind.clone(),
            tx,
            source_id,
            prior,
            prior_rows,
            written: std::cell::Cell::new(0),
            areas: None,
            sbi: None,
        })
    }
}

/// An import in progress. See the module documentation.
pub struct ImportTx<'a> {
    /// The inserts prepared so far, keyed by the address of their SQL text (always a string
    /// literal, so the address names the statement), with whether the upsert clause was cut
    /// for a bulk load. A handful of entries: a linear scan is cheaper than hashing the long
    /// SQL text for every row, as `prepare_cached` would. Declared before `tx`, so the
    /// statements are finalised before the transaction ends.
    inserts: std::cell::RefCell<Vec<Insert<'a>>>,
    /// The connection `tx` runs on, for statements that outlive a single call.
    conn: &'a Connection,
    tx: Transaction<'a>,
    /// Tables loaded in bulk: empty at the start, with no earlier version of this source.
    bulk: Vec<&'static str>,
    /// Secondary indexes dropped for a bulk load into an empty table: (name, CREATE sql).
    deferred: Vec<(String, String)>,
    /// Where the index sorter may spill while rebuilding them (the database's directory).
    sort_dir: Option<std::path::PathBuf>,
    kind: String,
    source_id: i64,
    prior: Option<(i64, PriorImport)>,
    prior_rows: u64,
    written: std::cell::Cell<u64>,
    areas: Option<HashSet<String>>,
    sbi: Option<HashSet<String>>,
}

/// A prepared insert kept for the whole import (see [`ImportTx::run`]).
struct Insert<'a> {
    /// Address and length of the SQL text it was prepared from.
    key: (usize, usize),
    stmt: Statement<'a>,
    /// Whether the upsert clause was cut for a bulk load.
    bulk: bool,
}

impl<'a> ImportTx<'a> {
    /// Whether an area with this code exists in any year (including rows of this import).
    pub fn area_known(&mut self, code: &AreaCode) -> Result<bool, StoreError> {
        if self.areas.is_none() {
            let mut stmt = self
                .tx
                .prepare("SELECT DISTINCT code FROM areas")
                .ctx("reading area codes")?;
            let codes = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .ctx("reading area codes")?
                .collect::<Result<HashSet<_>, _>>()
                .ctx("reading area codes")?;
            self.areas = Some(codes);
        }
        Ok(self
            .areas
            .as_ref()
            .is_some_and(|s| s.contains(code.as_str())))
    }

    /// Whether the SBI code is in the SBI table; `None` when no SBI list has been imported.
    pub fn sbi_known(&mut self, code: &SbiCode) -> Result<Option<bool>, StoreError> {
        if self.sbi.is_none() {
            let mut stmt = self
                .tx
                .prepare("SELECT code FROM sbi_codes")
                .ctx("reading SBI codes")?;
            let codes = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .ctx("reading SBI codes")?
                .collect::<Result<HashSet<_>, _>>()
                .ctx("reading SBI codes")?;
            self.sbi = Some(codes);
        }
        let set = self.sbi.as_ref().expect("loaded above");
        Ok(if set.is_empty() {
            None
        } else {
            Some(set.contains(code.as_str()))
        })
    }

    /// Whether an entity of this kind with this key exists (for signals).
    pub fn entity_known(&mut self, kind: EntityKind, id: &str) -> Result<bool, StoreError> {
        let sql = match kind {
            EntityKind::Address => "SELECT 1 FROM addresses WHERE id = ?1",
            EntityKind::Business => "SELECT 1 FROM businesses WHERE vestigingsnummer = ?1",
            EntityKind::Party => "SELECT 1 FROM parties WHERE id = ?1",
            EntityKind::Area => "SELECT 1 FROM areas WHERE code = ?1 LIMIT 1",
        };
        self.exists(sql, id)
    }

    /// Whether inserts into `table` are a bulk load, whose references the insert's foreign
    /// keys check: an importer may then leave a reference to the insert instead of looking it
    /// up first (the put reports a missing one as [`PutError::UnknownReferenceIn`]).
    pub fn checks_references_on_insert(&self, table: &str) -> bool {
        self.bulk.contains(&table)
    }

    /// Whether any establishment has this KvK number (for roles).
    pub fn kvk_known(&mut self, kvk: &str) -> Result<bool, StoreError> {
        self.exists(
            "SELECT 1 FROM businesses WHERE kvk_nummer = ?1 LIMIT 1",
            kvk,
        )
    }

    fn exists(&self, sql: &str, key: &str) -> Result<bool, StoreError> {
        let mut stmt = self.tx.prepare_cached(sql).ctx("checking a reference")?;
        stmt.exists([key]).ctx("checking a reference")
    }

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

    /// Finishes the import: removes what the earlier version had and the new one has not,
    /// records the row count, and commits. `rows` is the number of records read from the file.
    pub fn commit(self, rows: u64) -> Result<ImportCounts, StoreError> {
        self.inserts.borrow_mut().clear();
        self.rebuild_indexes()?;
        let mut removed = 0;
        if let Some((prior_id, _)) = &self.prior {
            for table in tables_of(&self.kind).iter().rev() {
                removed += self
                    .tx
                    .execute(
                        &format!("DELETE FROM {table} WHERE source_id = ?1"),
                        [prior_id],
                    )
                    .map_err(|e| removal_error(table, e))? as u64;
            }
            self.tx
                .execute(
                    "UPDATE sources SET replaced_by = ?1 WHERE id = ?2",
                    params![self.source_id, prior_id],
                )
                .ctx("marking the earlier version as replaced")?;
        }
        self.tx
            .execute(
                "UPDATE sources SET rows = ?1 WHERE id = ?2",
                params![rows as i64, self.source_id],
            )
            .ctx("recording the row count")?;
        self.tx.commit().ctx("committing the import")?;
        let updated = self.prior_rows.saturating_sub(removed);
        Ok(ImportCounts {
            inserted: self.written.get().saturating_sub(updated),
            updated,
            removed,
            replaced: self.prior.map(|(_, p)| p),
        })
    }

    /// Recreates the indexes dropped for a bulk load. Building an index after the load sorts
    /// once instead of inserting at random places for every row. The sort may spill: it goes to
    /// unlinked temporary files in the database's own directory (never to /tmp), so memory
    /// stays flat whatever the file size.
    fn rebuild_indexes(&self) -> Result<(), StoreError> {
        if self.deferred.is_empty() {
            return Ok(());
        }
        if let Some(dir) = &self.sort_dir {
            let dir = if dir.as_os_str().is_empty() {
                std::path::Path::new(".")
            } else {
                dir.as_path()
            };
            self.tx
                .pragma_update(None, "temp_store_directory", dir.to_string_lossy().as_ref())
                .ctx("choosing where to sort")?;
            self.tx
                .pragma_update(None, "temp_store", "FILE")
                .ctx("choosing where to sort")?;
        }
        let result = self.deferred.iter().try_for_each(|(name, sql)| {
            self.tx
                .execute_batch(sql)
                .ctx(&format!("rebuilding index {name}"))
        });
        if self.sort_dir.is_some() {
            self.tx
                .pragma_update(None, "temp_store", "MEMORY")
                .ctx("restoring memory-only temporary storage")?;
            self.tx
                .pragma_update(None, "temp_store_directory", "")
                .ctx("restoring memory-only temporary storage")?;
        }
        result
    }

    /// Runs one insert. In a bulk load (the table was empty and no earlier version exists) a
    /// key can only clash with an earlier row of this same file, so the upsert clause is
    /// dropped: a plain insert is cheaper, and its unique-key failure reads as "0 rows
    /// changed", which [`Self::check_dup`] turns into a duplicate with its first line.
    fn run(&self, sql: &'static str, params: impl rusqlite::Params) -> Result<usize, PutError> {
        let mut inserts = self.inserts.borrow_mut();
        let key = (sql.as_ptr() as usize, sql.len());
        let at = match inserts.iter().position(|i| i.key == key) {
            Some(at) => at,
            None => {
                let (stmt, bulk) = self.prepare_insert(sql)?;
                inserts.push(Insert { key, stmt, bulk });
                inserts.len() - 1
            }
        };
        let Insert { stmt, bulk, .. } = &mut inserts[at];
        let bulk = *bulk;
        let n = match stmt.execute(params) {
            Ok(n) => n,
            Err(e) if bulk && is_unique_violation(&e) => 0,
            Err(e) => {
                return Err(PutError::Store(StoreError::Sqlite {
                    context: "storing a row".into(),
                    source: e,
                }));
            }
        };
        self.written.set(self.written.get() + n as u64);
        Ok(n)
    }

    /// Prepares an insert, without its upsert clause in a bulk load (see [`Self::run`]);
    /// returns the statement and whether the clause was cut.
    fn prepare_insert(&self, sql: &str) -> Result<(Statement<'a>, bool), PutError> {
        let bulk = sql
            .strip_prefix("INSERT INTO ")
            .and_then(|rest| rest.split('(').next())
            .is_some_and(|table| self.bulk.contains(&table));
        // (An upsert clause with parameters of its own is kept: its parameters must still bind.)
        let cut = sql
            .find(" ON CONFLICT")
            .filter(|&at| bulk && !sql[at..].contains('?'));
        let stmt = self
            .conn
            .prepare(cut.map_or(sql, |at| &sql[..at]))
            .ctx("preparing an insert")?;
        Ok((stmt, cut.is_some()))
    }

    fn check_dup(
        &self,
        changed: usize,
        line_sql: &str,
        key: impl rusqlite::Params,
        describe: impl FnOnce() -> String,
    ) -> Result<(), PutError> {
        if changed > 0 {
            return Ok(());
        }
        let first_line: i64 = self
            .tx
            .query_row(line_sql, key, |r| r.get(0))
            .ctx("finding the earlier line")?;
        Err(PutError::Duplicate {
            key: describe(),
            first_line: first_line as u64,
        })
    }

    fn explain_fk(&self, e: PutError, describe: impl FnOnce() -> String) -> PutError {
        match &e {
            PutError::Store(StoreError::Sqlite { source, .. })
                if source.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) =>
            {
                PutError::UnknownReference(describe())
            }
            _ => e,
        }
    }
}

/// The problem of a business whose address is not in the database.
fn unknown_address(b: &Business) -> PutError {
    PutError::UnknownReferenceIn {
        column: "address_id",
        message: format!(
            "address {} is not in the database; import the addresses first",
            b.address.as_ref().map(|a| a.as_str()).unwrap_or("")
        ),
    }
}

/// Whether an error is a primary-key or unique-constraint failure.
fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
    )
}

/// Whether `table` has no rows.
fn is_empty(tx: &Transaction<'_>, table: &str) -> Result<bool, StoreError> {
    let any = tx
        .prepare(&format!("SELECT 1 FROM {table} LIMIT 1"))
        .and_then(|mut s| s.exists([]))
        .ctx("checking whether the table is empty")?;
    Ok(!any)
}

/// Drops the secondary indexes of `table` when it is empty, returning how to rebuild them.
fn defer_indexes(tx: &Transaction<'_>, table: &str) -> Result<Vec<(String, String)>, StoreError> {
    if !is_empty(tx, table)? {
        return Ok(Vec::new());
    }
    let mut stmt = tx
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name")
        .ctx("reading index definitions")?;
    let indexes = stmt
        .query_map([table], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .ctx("reading index definitions")?
        .collect::<Result<Vec<_>, _>>()
        .ctx("reading index definitions")?;
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))
            .ctx("preparing a bulk load")?;
    }
    Ok(indexes)
}

/// The tables an import kind writes, in reference order; unknown kinds are taken to write all.
fn tables_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "cbs" => &["areas", "stat_keys", "area_stats"],
        "areas" => &["areas"],
        "sbi" => &["sbi_codes"],
        "addresses" => &["addresses"],
        "businesses" => &["businesses"],
        "parties" => &["parties"],
        "roles" => &["roles"],
        "ownership" => &["ownership"],
        "signals" => &["signals"],
        _ => DATA_TABLES,
    }
}

fn removal_error(table: &str, e: rusqlite::Error) -> StoreError {
    let context = if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
        format!(
            "the new version no longer has some {table} that other imported data still refers to; \
             import the new versions of the files that refer to them first, or keep those rows"
        )
    } else {
        format!("removing the earlier version's {table}")
    };
    StoreError::Sqlite { context, source: e }
}
