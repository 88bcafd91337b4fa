//! Lenses: the file format (TOML, one lens per file, file stem = id), its strict validation
//! with file:line:column messages and suggestions, the fixed catalogues of indicator sources and
//! flag rules, and loading the embedded and user lenses. No SQL, no terminal: the store turns
//! the typed [`Quantity`], [`CountSpec`] and [`Rule`] values into its own queries with bound
//! parameters, and [`crate::score`] turns indicator values into scores.
//!
//! The format is documented with examples in `lenses/README.md`.

mod catalogue;
mod count;
mod definition;
mod embedded;
mod parse;
mod problem;
mod raw;
mod rule;
mod suggest;
mod validate;
mod vocabulary;
mod window;

pub use catalogue::{
    Catalogue, LoadOptions, check_embedded, check_file, check_path, load, user_lens_dir,
    user_lens_dir_from,
};
pub use count::{AddressFilter, BusinessFilter, CountSpec, SignalFilter, TransferFilter};
pub use definition::{CompareWithin, Direction, Indicator, Lens, Normalization, Origin, Quantity};
pub use embedded::EMBEDDED;
pub use problem::{Problem, Severity};
pub use rule::{Flag, RULE_NAMES, Rule, Subject};
pub use suggest::{did_you_mean, nearest};
pub use validate::{Checked, LensSource, ValidateOptions, check};
pub use vocabulary::{
    BAG_USES, KWB_STAT_KEYS, LEGAL_FORMS, SIGNAL_KINDS, SIGNAL_SOURCES, is_kwb_key,
};
pub use window::{Months, RefDate};
