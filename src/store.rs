//! The store owns the SQLite file and every line of SQL in schouw: opening with hardened
//! settings, recognising our own files by `application_id`, the append-only schema migrations,
//! the import transaction, and the typed queries the rest of the program needs.

mod audit_log;
#[cfg(test)]
mod dump;
mod entities;
mod flags;
mod import_tx;
mod indicators;
mod info;
mod on_request;
mod open;
mod pass;
mod schema;
mod search;
mod stats;
mod verify;

pub use audit_log::{
    AUDIT_APPLICATION_ID, AUDIT_BUSY_TIMEOUT, AUDIT_COLUMNS, AuditLog, AuditRow, AuditValue,
    ChainHead,
};
#[cfg(test)]
pub(crate) use dump::DumpRow;
pub use entities::{AddressRow, BusinessRow, OwnershipRow, PartyRow, RoleRow, SignalRow};
pub use flags::{EntityFlags, FlaggedEntity, group_by_entity, rule_tables};
pub use import_tx::{ImportCounts, ImportTx, MissingReference, PriorImport, PutError, SourceMeta};
pub use indicators::{
    AreaFacts, IndicatorData, IndicatorOptions, MissingInput, Presence, area_within,
};
pub use info::{AreaCount, DbInfo, SourceInfo, TableCount};
pub use open::{APPLICATION_ID, Store, StoreError};
pub use schema::SCHEMA_VERSION;
pub use search::{Candidate, CandidateKind};
pub use verify::FULL_CHECK_BYTES;
