//! What the store fills for one lens: per area its identity, population, stedelijkheid and,
//! per indicator, the numerator and denominator it computed (`None` = data absent). Plus the
//! scoring options and errors.

use crate::lens::RefDate;
use crate::model::{AreaCode, AreaLevel};

/// One area's inputs for one lens.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaInput {
    /// The area code (`BU03440111`).
    pub code: AreaCode,
    /// The area's name (shared: the inputs of every lens hold the same one).
    pub name: std::sync::Arc<str>,
    /// Its level; must equal the lens's level.
    pub level: AreaLevel,
    /// The gemeente it lies in (a gemeente's own code for gemeente-level areas).
    pub gemeente: AreaCode,
    /// Inhabitants (`a_inw`), if known. Unknown counts as below any `min_population` > 0.
    pub population: Option<f64>,
    /// CBS stedelijkheid class `ste_mvs` (1 = zeer sterk stedelijk … 5 = niet stedelijk).
    pub ste_mvs: Option<u8>,
    /// One entry per lens indicator, in the lens's indicator order.
    pub indicators: Vec<IndicatorInput>,
}

/// The raw numbers of one indicator for one area, as the store computed them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct IndicatorInput {
    /// The statistic's value or the count; `None` when the data is absent (never zero for
    /// "unknown").
    pub numerator: Option<f64>,
    /// The denominator, for indicators with `per` or `share`; ignored for indicators without.
    pub denominator: Option<f64>,
}

impl IndicatorInput {
    /// A numerator without denominator.
    pub fn value(numerator: f64) -> Self {
        IndicatorInput {
            numerator: Some(numerator),
            denominator: None,
        }
    }

    /// A numerator and a denominator.
    pub fn rate(numerator: f64, denominator: f64) -> Self {
        IndicatorInput {
            numerator: Some(numerator),
            denominator: Some(denominator),
        }
    }

    /// No data.
    pub fn absent() -> Self {
        IndicatorInput::default()
    }
}

/// Denominators below this are too small for a stable rate: the value is suppressed (shown
/// as such, not scored), as CBS does for small numbers.
pub const DEFAULT_MIN_DENOMINATOR: f64 = 10.0;

/// Options of a scoring run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreOptions {
    /// "Now" for the month windows of the lens: the store counted relative to this date, and
    /// explanations name it.
    pub reference_date: RefDate,
    /// Denominators below this suppress the value; default [`DEFAULT_MIN_DENOMINATOR`].
    pub min_denominator: f64,
}

impl ScoreOptions {
    /// Options with the given reference date and the default suppression threshold.
    pub fn at(reference_date: RefDate) -> Self {
        ScoreOptions {
            reference_date,
            min_denominator: DEFAULT_MIN_DENOMINATOR,
        }
    }
}

impl Default for ScoreOptions {
    /// Today, default threshold.
    fn default() -> Self {
        ScoreOptions::at(RefDate::today())
    }
}

/// Why inputs or weights cannot be scored: mistakes of the caller, worded for the developer
/// who wires the store to the scoring.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScoreError {
    /// An area's indicator list does not match the lens.
    #[error(
        "area {area} has {got} indicator inputs, but lens `{lens}` has {expected} indicators; fill one per indicator, in lens order"
    )]
    IndicatorCount {
        /// The area.
        area: String,
        /// The lens id.
        lens: String,
        /// Indicators in the lens.
        expected: usize,
        /// Inputs given.
        got: usize,
    },
    /// The same area appears twice.
    #[error("area {0} appears twice in the inputs; give each area once")]
    DuplicateArea(String),
    /// An area of another level than the lens scores.
    #[error(
        "area {area} is a {got}, but lens `{lens}` scores {expected} areas; pass only areas of the lens's level"
    )]
    WrongLevel {
        /// The area.
        area: String,
        /// The lens id.
        lens: String,
        /// The lens's level.
        expected: String,
        /// The area's level.
        got: String,
    },
    /// Weights that cannot be used.
    #[error("weights: {0}")]
    Weights(String),
}
