//! The schema as an append-only list of migrations, applied in order and recorded in
//! `PRAGMA user_version`. Never edit a step that has shipped; add a new one.
//!
//! Every data row carries `source_id` and `line`: the imported file and the line it came from.

use rusqlite::Connection;

use super::open::{Context, StoreError};

/// The migrations, oldest first. Step `i` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: the foundation.
    "
    CREATE TABLE sources (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        rows        INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        replaced_by INTEGER REFERENCES sources(id)
    );
    CREATE INDEX sources_by_hash ON sources(kind, sha256);

    CREATE TABLE areas (
        code        TEXT NOT NULL,
        year        INTEGER NOT NULL,
        level       TEXT NOT NULL CHECK (level IN ('land', 'gemeente', 'wijk', 'buurt')),
        name        TEXT NOT NULL,
        parent_code TEXT,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        line        INTEGER NOT NULL,
        PRIMARY KEY (code, year)
    ) WITHOUT ROWID;
    CREATE INDEX areas_by_parent ON areas(parent_code, year);

    CREATE TABLE stat_keys (
        key         TEXT PRIMARY KEY,
        label       TEXT NOT NULL,
        source_id   INTEGER NOT NULL REFERENCES sources(id)
    ) WITHOUT ROWID;

    CREATE TABLE area_stats (
        area_code   TEXT NOT NULL,
        year        INTEGER NOT NULL,
        key         TEXT NOT NULL,
        value       REAL,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        line        INTEGER NOT NULL,
        PRIMARY KEY (area_code, year, key),
        FOREIGN KEY (area_code, year) REFERENCES areas(code, year)
    ) WITHOUT ROWID;
    CREATE INDEX area_stats_by_key ON area_stats(key, year);

    CREATE TABLE sbi_codes (
        code        TEXT PRIMARY KEY,
        dotted      TEXT NOT NULL,
        level       TEXT NOT NULL,
        section     TEXT NOT NULL,
        label       TEXT NOT NULL,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        line        INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE addresses (
        id          TEXT PRIMARY KEY,
        object_id   TEXT,
        street      TEXT NOT NULL,
        number      INTEGER NOT NULL,
        letter      TEXT,
        addition    TEXT,
        postcode    TEXT,
        city        TEXT,
        buurt_code  TEXT,
        uses        TEXT,
        surface_m2  REAL,
        residents   INTEGER,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        line        INTEGER NOT NULL
    );
    CREATE INDEX addresses_by_buurt ON addresses(buurt_code);
    CREATE INDEX addresses_by_postcode ON addresses(postcode, number);

    CREATE TABLE businesses (
        vestigingsnummer TEXT PRIMARY KEY,
        kvk_nummer  TEXT NOT NULL,
        name        TEXT NOT NULL,
        sbi_code    TEXT,
        legal_form  TEXT,
        address_id  TEXT REFERENCES addresses(id),
        registered_on TEXT,
        ended_on    TEXT,
        employees   INTEGER,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        line        INTEGER NOT NULL
    );
    CREATE INDEX businesses_by_kvk ON businesses(kvk_nummer);
    CREATE INDEX businesses_by_address ON businesses(address_id);

    CREATE TABLE parties (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('natural', 'legal')),
        kvk_nummer  TEXT,
        name        TEXT CHECK (name IS NULL OR kind = 'legal'),
        registered_on TEXT,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        line        INTEGER NOT NULL
    );

    CREATE TABLE roles (
        party_id    TEXT NOT NULL REFERENCES parties(id),
        kvk_nummer  TEXT NOT NULL,
        role        TEXT NOT NULL,
        started_on  TEXT,
        ended_on    TEXT,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        line        INTEGER NOT NULL,
        PRIMARY KEY (party_id, kvk_nummer, role)
    );
    CREATE INDEX roles_by_kvk ON roles(kvk_nummer);

    CREATE TABLE ownership (
        address_id  TEXT NOT NULL REFERENCES addresses(id),
        party_id    TEXT NOT NULL REFERENCES parties(id),
        acquired_on TEXT NOT NULL,
        ended_on    TEXT,
        price       REAL,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        line        INTEGER NOT NULL,
        PRIMARY KEY (address_id, party_id, acquired_on)
    );
    CREATE INDEX ownership_by_party ON ownership(party_id);

    CREATE TABLE signals (
        id          TEXT PRIMARY KEY,
        source      TEXT NOT NULL,
        kind        TEXT NOT NULL,
        date        TEXT NOT NULL,
        entity_kind TEXT NOT NULL CHECK (entity_kind IN ('address', 'business', 'party', 'area')),
        entity_id   TEXT NOT NULL,
        weight      REAL,
        phase       TEXT,
        text        TEXT,
        source_id   INTEGER NOT NULL REFERENCES sources(id),
        line        INTEGER NOT NULL
    );
    CREATE INDEX signals_by_entity ON signals(entity_kind, entity_id);
    ",
    // 2: the reading choices (encoding, delimiter, year, key fingerprint) are part of a
    // source's identity, beside its bytes.
    "
    ALTER TABLE sources ADD COLUMN options TEXT NOT NULL DEFAULT '';
    ",
    // 3: ownership by party covers every column the per-party counts and places of scoring
    // read, so SQLite answers them from the index alone, in party order.
    "
    DROP INDEX ownership_by_party;
    CREATE INDEX ownership_by_party ON ownership(party_id, address_id, acquired_on, ended_on);
    ",
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The data tables, in an order where every table comes after the tables it refers to.
pub(crate) const DATA_TABLES: &[&str] = &[
    "areas",
    "stat_keys",
    "area_stats",
    "sbi_codes",
    "addresses",
    "businesses",
    "parties",
    "roles",
    "ownership",
    "signals",
];

/// Brings the schema from `from` to [`SCHEMA_VERSION`], one transaction per step.
pub(crate) fn migrate(conn: &mut Connection, from: i64) -> Result<(), StoreError> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        let tx = conn.transaction().ctx("starting a migration")?;
        tx.execute_batch(sql)
            .ctx(&format!("migrating the schema to version {}", i + 1))?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)
            .ctx("recording the schema version")?;
        tx.commit().ctx("committing a migration")?;
    }
    Ok(())
}
