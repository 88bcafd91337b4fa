//! Entity flags: rules over one address, business or party, from a fixed catalogue with typed
//! parameters. A flag is a fact with evidence, never a score on a person.

use super::window::Months;

/// A named flag rule of one lens.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    /// Id, unique within the lens; `flagged = "<id>"` indicators count it.
    pub id: String,
    /// Dutch label (`5 of meer bedrijven op één adres`).
    pub label: String,
    /// The rule.
    pub rule: Rule,
}

impl Flag {
    /// The kind of entity the flag is about.
    pub fn subject(&self) -> Subject {
        self.rule.subject()
    }
}

/// The kind of entity a rule is evaluated on. `flagged` indicators count flagged entities in
/// an area: addresses by their buurt, businesses by their address's buurt, parties in every
/// area where they own an address or have a role in a business registered there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    /// A BAG address.
    Address,
    /// A KvK establishment.
    Business,
    /// A pseudonymous party.
    Party,
}

impl Subject {
    /// `address`, `business` or `party`.
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Address => "address",
            Subject::Business => "business",
            Subject::Party => "party",
        }
    }
}

/// The rule catalogue. Windows count back from the reference date.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// Address: at least `min` distinct KvK numbers with an active establishment there.
    BusinessesAtAddress {
        /// Minimum number of distinct KvK numbers.
        min: u32,
    },
    /// Address: at least `min_registrations` establishments registered there within the window
    /// (ended or not): businesses that come and go.
    BusinessChurnAtAddress {
        /// Minimum number of registrations.
        min_registrations: u32,
        /// Window.
        within: Months,
    },
    /// Business: main SBI code starts with one of the prefixes and it registered within the
    /// window.
    SbiRecentlyRegistered {
        /// SBI prefixes (1–5 digits).
        sbi_prefixes: Vec<String>,
        /// Window.
        within: Months,
    },
    /// Address: registered residents divided by surface (m²) above `above`
    /// (1 person per 12 m² is 0.083). Addresses without surface or residents do not match.
    ResidentsPerM2 {
        /// Threshold in residents per m².
        above: f64,
    },
    /// Address: has `woonfunctie`, 0 registered residents (known, not missing) and no active
    /// establishment: administratively empty.
    DwellingWithoutResidentsOrBusiness,
    /// Address: at least `min` ownership transfers within the window.
    Transfers {
        /// Minimum number of transfers.
        min: u32,
        /// Window.
        within: Months,
    },
    /// Address: acquired (within `within`, if given) by a legal person registered less than
    /// `max_age_months` months before the transfer.
    YoungLegalOwner {
        /// Maximum age of the legal person at the transfer, in months.
        max_age_months: u32,
        /// Only transfers within this window, if given.
        within: Option<Months>,
    },
    /// Party: has a role in at least `min_businesses` distinct KvK numbers and/or currently owns
    /// at least `min_addresses` addresses (when both are given, both must hold).
    PartyLinks {
        /// Minimum number of businesses (distinct KvK numbers) with a current role.
        min_businesses: Option<u32>,
        /// Minimum number of addresses currently owned.
        min_addresses: Option<u32>,
    },
    /// Address, business or party: at least `min` signals about it, of these kinds and sources
    /// (empty: any), within the window if given.
    Signals {
        /// The kind of entity the signals are about.
        subject: Subject,
        /// Minimum number of signals.
        min: u32,
        /// Kinds that count (empty: any).
        kinds: Vec<String>,
        /// Sources that count (empty: any).
        sources: Vec<String>,
        /// Window, if given.
        within: Option<Months>,
    },
    /// All of the rules hold (all about the same kind of entity).
    All(Vec<Rule>),
    /// At least one of the rules holds (all about the same kind of entity).
    Any(Vec<Rule>),
}

impl Rule {
    /// The rule's name as written in lens files.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::BusinessesAtAddress { .. } => "businesses_at_address",
            Rule::BusinessChurnAtAddress { .. } => "business_churn_at_address",
            Rule::SbiRecentlyRegistered { .. } => "sbi_recently_registered",
            Rule::ResidentsPerM2 { .. } => "residents_per_m2",
            Rule::DwellingWithoutResidentsOrBusiness => "dwelling_without_residents_or_business",
            Rule::Transfers { .. } => "transfers",
            Rule::YoungLegalOwner { .. } => "young_legal_owner",
            Rule::PartyLinks { .. } => "party_links",
            Rule::Signals { .. } => "signals",
            Rule::All(_) => "all",
            Rule::Any(_) => "any",
        }
    }

    /// The kind of entity the rule is evaluated on. For `all`/`any`, the subject of the first
    /// rule (validation ensures they agree); an empty list is about addresses.
    pub fn subject(&self) -> Subject {
        match self {
            Rule::BusinessesAtAddress { .. }
            | Rule::BusinessChurnAtAddress { .. }
            | Rule::ResidentsPerM2 { .. }
            | Rule::DwellingWithoutResidentsOrBusiness
            | Rule::Transfers { .. }
            | Rule::YoungLegalOwner { .. } => Subject::Address,
            Rule::SbiRecentlyRegistered { .. } => Subject::Business,
            Rule::PartyLinks { .. } => Subject::Party,
            Rule::Signals { subject, .. } => *subject,
            Rule::All(rules) | Rule::Any(rules) => {
                rules.first().map_or(Subject::Address, Rule::subject)
            }
        }
    }
}

/// Every rule name of the catalogue, for suggestions and documentation.
pub const RULE_NAMES: &[&str] = &[
    "businesses_at_address",
    "business_churn_at_address",
    "sbi_recently_registered",
    "residents_per_m2",
    "dwelling_without_residents_or_business",
    "transfers",
    "young_legal_owner",
    "party_links",
    "signals",
    "all",
    "any",
];
