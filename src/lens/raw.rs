//! The serde mirror of a lens file: exactly what TOML may say, with `deny_unknown_fields`
//! everywhere and spans kept where validation needs to point at a value. Nothing here is
//! checked beyond its TOML type; `validate` turns it into a [`super::Lens`].

use serde::Deserialize;
use toml::Spanned;

/// The top-level keys of a lens file.
pub(crate) const TOP_LEVEL_KEYS: &[&str] = &[
    "id",
    "name",
    "description",
    "level",
    "compare_within",
    "min_population",
    "version",
    "indicator",
    "flag",
];

/// The lens's version: an integer or a string.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawVersion {
    Int(i64),
    Text(String),
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawLevel {
    Buurt,
    Wijk,
    Gemeente,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawCompare {
    All,
    Gemeente,
    Stedelijkheid,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawDirection {
    HigherIsRiskier,
    LowerIsRiskier,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawNormalization {
    Percentile,
    RobustZ,
}

/// One `[[indicator]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndicator {
    pub id: Spanned<String>,
    pub label: String,
    pub stat: Option<Spanned<String>>,
    pub count: Option<Spanned<RawQuantity>>,
    pub flagged: Option<Spanned<String>>,
    pub share: Option<Spanned<RawShare>>,
    pub per: Option<Spanned<RawQuantity>>,
    pub scale: Option<Spanned<f64>>,
    pub direction: RawDirection,
    pub weight: Spanned<f64>,
    pub normalization: Option<RawNormalization>,
}

/// `share = { of = …, in = … }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawShare {
    pub of: Spanned<RawQuantity>,
    #[serde(rename = "in")]
    pub within: Spanned<RawQuantity>,
}

/// A quantity table: `{ stat = … }`, `{ flagged = … }` or `{ entity = …, <filters> }`. Used
/// for `count`, `per` and both sides of `share`; validation checks which fields fit.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawQuantity {
    pub stat: Option<Spanned<String>>,
    pub flagged: Option<Spanned<String>>,
    pub entity: Option<Spanned<String>>,
    #[serde(rename = "use")]
    pub uses: Option<Vec<Spanned<String>>>,
    pub min_surface: Option<Spanned<f64>>,
    pub max_surface: Option<Spanned<f64>>,
    pub min_residents: Option<Spanned<u32>>,
    pub sbi_prefix: Option<Vec<Spanned<String>>>,
    pub active: Option<Spanned<bool>>,
    pub registered_within_months: Option<Spanned<u32>>,
    pub ended_within_months: Option<Spanned<u32>>,
    pub legal_form: Option<Vec<Spanned<String>>>,
    pub min_employees: Option<Spanned<u32>>,
    pub max_employees: Option<Spanned<u32>>,
    pub address_use: Option<Vec<Spanned<String>>>,
    pub kind: Option<Vec<Spanned<String>>>,
    pub source: Option<Vec<Spanned<String>>>,
    pub since_months: Option<Spanned<u32>>,
    pub within_months: Option<Spanned<u32>>,
    pub to_legal_person: Option<Spanned<bool>>,
}

/// One `[[flag]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFlag {
    pub id: Spanned<String>,
    pub label: String,
    pub rule: Spanned<RawRule>,
}

/// A rule: a table with exactly one key, the rule's name, holding its parameters.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawRule {
    BusinessesAtAddress(RawMin),
    BusinessChurnAtAddress(RawChurn),
    SbiRecentlyRegistered(RawSbiRecent),
    #[serde(rename = "residents_per_m2")]
    ResidentsPerM2(RawAbove),
    DwellingWithoutResidentsOrBusiness(RawNothing),
    Transfers(RawTransfers),
    YoungLegalOwner(RawYoungOwner),
    PartyLinks(RawPartyLinks),
    Signals(RawSignals),
    All(Vec<Spanned<RawRule>>),
    Any(Vec<Spanned<RawRule>>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMin {
    pub min: Spanned<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChurn {
    pub min_registrations: Spanned<u32>,
    pub within_months: Spanned<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSbiRecent {
    pub sbi_prefix: Vec<Spanned<String>>,
    pub within_months: Spanned<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAbove {
    pub above: Spanned<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNothing {}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTransfers {
    pub min: Spanned<u32>,
    pub within_months: Spanned<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawYoungOwner {
    pub max_age_months: Spanned<u32>,
    pub within_months: Option<Spanned<u32>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPartyLinks {
    pub min_businesses: Option<Spanned<u32>>,
    pub min_addresses: Option<Spanned<u32>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSignals {
    pub entity: Option<Spanned<String>>,
    pub min: Option<Spanned<u32>>,
    pub kind: Option<Vec<Spanned<String>>>,
    pub source: Option<Vec<Spanned<String>>>,
    pub within_months: Option<Spanned<u32>>,
}
