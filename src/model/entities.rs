//! Entity records as the importers produce them and the store keeps them: one struct per kind
//! of row, holding validated identifiers and plain values. Dates are ISO text (`2024-03-31`).

use super::ids::{
    AreaCode, AreaLevel, BagId, IdError, KvkNummer, Postcode, SbiCode, Vestigingsnummer,
};

/// The BAG gebruiksdoelen as BAG names them and as schouw stores them in `addresses.uses`
/// (joined by `,`, in this order) and lenses filter on them.
pub const BAG_USES: &[&str] = &[
    "woonfunctie",
    "bijeenkomstfunctie",
    "celfunctie",
    "gezondheidszorgfunctie",
    "industriefunctie",
    "kantoorfunctie",
    "logiesfunctie",
    "onderwijsfunctie",
    "sportfunctie",
    "winkelfunctie",
    "overige gebruiksfunctie",
];

/// The kinds of entity a signal can concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A BAG address (nummeraanduiding).
    Address,
    /// A KvK establishment (vestiging).
    Business,
    /// A pseudonymous party.
    Party,
    /// A CBS area.
    Area,
}

impl EntityKind {
    /// The name as stored and written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Address => "address",
            EntityKind::Business => "business",
            EntityKind::Party => "party",
            EntityKind::Area => "area",
        }
    }

    /// "address 9900… is not in the database; import the addresses first": the one message
    /// for a reference to an entity the database does not have.
    pub fn not_in_database(self, id: &str) -> String {
        let first = match self {
            EntityKind::Address => "the addresses",
            EntityKind::Business => "the businesses",
            EntityKind::Party => "the parties",
            EntityKind::Area => "the CBS area list or KWB table",
        };
        format!(
            "{} {id} is not in the database; import {first} first",
            self.as_str()
        )
    }

    /// Parses the name as written in files (English or Dutch: `address`/`adres`,
    /// `business`/`bedrijf`/`vestiging`, `party`/`partij`, `area`/`gebied`).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "address" | "adres" => Some(EntityKind::Address),
            "business" | "bedrijf" | "vestiging" => Some(EntityKind::Business),
            "party" | "partij" => Some(EntityKind::Party),
            "area" | "gebied" => Some(EntityKind::Area),
            _ => None,
        }
    }
}

/// A CBS area in one year's indeling.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// `GM0363`, `WK036300`, `BU03630000`.
    pub code: AreaCode,
    /// Its level (follows from the code).
    pub level: AreaLevel,
    /// Its name, as CBS writes it (trimmed).
    pub name: String,
    /// The enclosing area, if any.
    pub parent: Option<AreaCode>,
    /// The year of the indeling.
    pub year: i32,
}

/// One statistic of one area in one year. `value` is `None` when the source marks it missing
/// (`.`, `-99999999`): missing is never zero.
#[derive(Debug, Clone, PartialEq)]
pub struct StatValue {
    /// The area.
    pub area: AreaCode,
    /// The year the statistic describes.
    pub year: i32,
    /// The statistic's key: the KWB column code (`a_inw`) or a stable key for StatLine headers.
    pub key: String,
    /// The value, or `None` when missing.
    pub value: Option<f64>,
}

/// One line of the SBI classification.
#[derive(Debug, Clone, PartialEq)]
pub struct SbiEntry {
    /// KvK-style code: section letter (`A`) or 2–5 digits (`01`, `4711`, `56101`).
    pub code: String,
    /// The dotted form (`56.10.1`).
    pub dotted: String,
    /// section, division, group, class or subclass.
    pub level: String,
    /// The section letter A–U.
    pub section: String,
    /// The Dutch description.
    pub label: String,
}

/// A BAG address (nummeraanduiding) with its verblijfsobject's use and surface.
#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    /// The nummeraanduiding id (16 digits).
    pub id: BagId,
    /// The adresseerbaar object (verblijfsobject) id, when known.
    pub object_id: Option<BagId>,
    /// Street name (openbare ruimte).
    pub street: String,
    /// House number.
    pub number: i64,
    /// House letter (`A`), if any.
    pub letter: Option<String>,
    /// Addition (huisnummertoevoeging), if any.
    pub addition: Option<String>,
    /// Postcode, if the address has one.
    pub postcode: Option<Postcode>,
    /// Woonplaats.
    pub city: Option<String>,
    /// The buurt it lies in; must be known to the database when given.
    pub buurt: Option<AreaCode>,
    /// BAG gebruiksdoelen, comma-separated lower-case names (`woonfunctie,winkelfunctie`).
    pub uses: Option<String>,
    /// Surface in m².
    pub surface_m2: Option<f64>,
    /// Number of registered residents (a BRP count, never persons).
    pub residents: Option<i64>,
}

/// A KvK establishment (vestiging).
#[derive(Debug, Clone, PartialEq)]
pub struct Business {
    /// Vestigingsnummer (12 digits): the key.
    pub vestigingsnummer: Vestigingsnummer,
    /// KvK number of the enterprise or legal person (8 digits).
    pub kvk: KvkNummer,
    /// Trade name.
    pub name: String,
    /// Main SBI activity.
    pub sbi: Option<SbiCode>,
    /// Legal form as KvK writes it (`Eenmanszaak`, `BV`, …).
    pub legal_form: Option<String>,
    /// The address (nummeraanduiding id) it is registered at, when known.
    pub address: Option<BagId>,
    /// Date of registration.
    pub registered: Option<String>,
    /// Date it ended, if it has.
    pub ended: Option<String>,
    /// Number of people working there.
    pub employees: Option<i64>,
}

/// Whether a party is a natural or a legal person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyKind {
    /// A natural person, known only by an opaque pseudonym.
    Natural,
    /// A legal person, known by KvK number.
    Legal,
}

impl PartyKind {
    /// The name as stored (`natural`, `legal`).
    pub fn as_str(self) -> &'static str {
        match self {
            PartyKind::Natural => "natural",
            PartyKind::Legal => "legal",
        }
    }

    /// Parses the kind as files write it: `natural`/`legal`, or Dutch `natuurlijk persoon`,
    /// `np`, `rechtspersoon`, `rp` (any case).
    pub fn parse(s: &str) -> Result<Self, IdError> {
        match s.trim().to_lowercase().replace(['_', '-'], " ").as_str() {
            "natural" | "natural person" | "natuurlijk persoon" | "natuurlijk" | "np" => {
                Ok(PartyKind::Natural)
            }
            "legal"
            | "legal person"
            | "rechtspersoon"
            | "niet natuurlijk persoon"
            | "rp"
            | "nnp" => Ok(PartyKind::Legal),
            _ => Err(IdError {
                expected: "natural or legal (also: natuurlijk persoon, np, rechtspersoon, rp)",
            }),
        }
    }
}

/// A pseudonymous party: an owner, bestuurder or other role holder.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    /// The pseudonym: an opaque key assigned before the data reached schouw.
    pub id: String,
    /// Natural or legal person.
    pub kind: PartyKind,
    /// KvK number, for legal persons.
    pub kvk: Option<KvkNummer>,
    /// Name, for legal persons only (never stored for natural persons).
    pub name: Option<String>,
    /// Date the legal person was registered.
    pub registered: Option<String>,
}

/// A party's role in a business (bestuurder, eigenaar, gevolmachtigde, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// The party's pseudonym.
    pub party: String,
    /// The KvK number of the business.
    pub kvk: KvkNummer,
    /// The role as written in the source.
    pub role: String,
    /// Start date.
    pub started: Option<String>,
    /// End date.
    pub ended: Option<String>,
}

/// A party's ownership of an address, with the transfer that began it.
#[derive(Debug, Clone, PartialEq)]
pub struct Ownership {
    /// The address (nummeraanduiding id).
    pub address: BagId,
    /// The owner's pseudonym.
    pub party: String,
    /// Date acquired (the transfer date).
    pub acquired: String,
    /// Date it ended, if it has.
    pub ended: Option<String>,
    /// Price paid in euro, if known.
    pub price: Option<f64>,
}

/// A registration by a partner (police, municipality, toezicht, MMA, …) about one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    /// The signal's own id in the source.
    pub id: String,
    /// Who registered it (`politie`, `gemeente`, `mma`, `toezicht`, …).
    pub source: String,
    /// What kind of signal (`hennep_ontmanteld`, `drugslab`, `overlast`, …).
    pub kind: String,
    /// Date of the signal.
    pub date: String,
    /// What it concerns.
    pub entity_kind: EntityKind,
    /// The concerned entity's key (BAG id, vestigingsnummer, pseudonym or area code).
    pub entity_id: String,
    /// Weight (weging) as the source gives it.
    pub weight: Option<f64>,
    /// Phase in the handling protocol.
    pub phase: Option<String>,
    /// Short text.
    pub text: Option<String>,
}
