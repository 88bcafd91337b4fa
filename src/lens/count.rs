//! Typed counts of entities per area, with the filters a lens may set. The store turns each
//! filter into bound parameters of its own queries; windows count back from the reference date.

use super::window::{Months, RefDate};

/// What to count per area.
#[derive(Debug, Clone, PartialEq)]
pub enum CountSpec {
    /// BAG addresses in the area.
    Address(AddressFilter),
    /// KvK establishments registered at an address in the area.
    Business(BusinessFilter),
    /// Signals about an address or business in the area, or about the area itself.
    Signal(SignalFilter),
    /// Ownership transfers (acquisitions) of addresses in the area.
    Transfer(TransferFilter),
}

impl CountSpec {
    /// The entity name as written in lens files.
    pub fn entity(&self) -> &'static str {
        match self {
            CountSpec::Address(_) => "address",
            CountSpec::Business(_) => "business",
            CountSpec::Signal(_) => "signal",
            CountSpec::Transfer(_) => "transfer",
        }
    }
}

/// Filters on addresses. Every filter left `None`/empty does not filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AddressFilter {
    /// The address has at least one of these BAG uses (`woonfunctie`, …).
    pub uses: Vec<String>,
    /// Surface at least this many m² (addresses without a surface do not match).
    pub min_surface: Option<f64>,
    /// Surface at most this many m² (addresses without a surface do not match).
    pub max_surface: Option<f64>,
    /// At least this many registered residents (addresses without a count do not match).
    pub min_residents: Option<u32>,
}

/// Filters on businesses (KvK vestigingen).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BusinessFilter {
    /// Main SBI code starts with one of these (1–5 digits each).
    pub sbi_prefixes: Vec<String>,
    /// `Some(true)`: registered on or before the reference date and not ended on or before it;
    /// `Some(false)`: ended on or before the reference date.
    pub active: Option<bool>,
    /// Registered within this many months before the reference date.
    pub registered_within: Option<Months>,
    /// Ended within this many months before the reference date.
    pub ended_within: Option<Months>,
    /// Legal form is one of these (as KvK writes them).
    pub legal_forms: Vec<String>,
    /// At least this many people working there (unknown does not match).
    pub min_employees: Option<u32>,
    /// At most this many people working there (unknown does not match).
    pub max_employees: Option<u32>,
    /// The address it is registered at has at least this surface in m².
    pub min_surface: Option<f64>,
    /// The address it is registered at has at most this surface in m².
    pub max_surface: Option<f64>,
    /// The address it is registered at has one of these BAG uses.
    pub address_uses: Vec<String>,
}

/// Filters on signals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SignalFilter {
    /// Kind is one of these (empty: any kind).
    pub kinds: Vec<String>,
    /// Source is one of these (empty: any source).
    pub sources: Vec<String>,
    /// Dated within this many months before the reference date.
    pub since: Option<Months>,
}

/// Filters on ownership transfers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TransferFilter {
    /// Acquired within this many months before the reference date.
    pub within: Option<Months>,
    /// Only transfers to a legal person.
    pub to_legal_person: bool,
}

impl BusinessFilter {
    /// The first registration date that counts, for `registered_within`.
    pub fn registered_since(&self, reference: RefDate) -> Option<RefDate> {
        self.registered_within.map(|m| m.since(reference))
    }

    /// The first end date that counts, for `ended_within`.
    pub fn ended_since(&self, reference: RefDate) -> Option<RefDate> {
        self.ended_within.map(|m| m.since(reference))
    }
}

impl SignalFilter {
    /// The first signal date that counts.
    pub fn since_date(&self, reference: RefDate) -> Option<RefDate> {
        self.since.map(|m| m.since(reference))
    }
}

impl TransferFilter {
    /// The first acquisition date that counts.
    pub fn since_date(&self, reference: RefDate) -> Option<RefDate> {
        self.within.map(|m| m.since(reference))
    }
}
