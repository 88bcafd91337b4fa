//! The domain vocabulary: validated identifiers (area codes, postcodes, BAG ids, KvK numbers,
//! SBI codes), dates and numbers in the forms Dutch files use, and the entity records that the
//! importers produce and the store keeps. No I/O happens here.

mod entities;
mod ids;
mod pseudonym;
mod values;

pub use entities::{
    Address, Area, BAG_USES, Business, EntityKind, Ownership, Party, PartyKind, Role, SbiEntry,
    Signal, StatValue,
};
pub use ids::{
    AreaCode, AreaLevel, BagId, IdError, KvkNummer, Postcode, SbiCode, Vestigingsnummer,
};
pub use pseudonym::{MAX_PSEUDONYM, parse_pseudonym};
pub use values::{ValueError, parse_count, parse_date, parse_decimal};
