//! Scoring: pure functions from indicator values to explainable area scores. The store fills
//! [`AreaInput`]s (per area and indicator a numerator and optional denominator); [`prepare`]
//! computes values (suppressing small denominators), comparison sets and normalised scores
//! once; [`Prepared::score`] turns weights into composites, coverage, contributions, ranks and
//! tiers, cheaply enough to run on every weight change; [`Prepared::explain`] says how one
//! area's score came about. No SQL, no terminal; results are the same on every run and
//! machine (areas are sorted by code, groups by key, ties broken by code).
//!
//! In short, per indicator: `value = numerator / denominator × scale` (no value when data is
//! absent or the denominator is below [`DEFAULT_MIN_DENOMINATOR`]); normalised within the
//! comparison set to 0–100 by percentile rank or clamped robust z, mirrored for
//! `lower_is_riskier`. Per area: `composite = Σ wᵢ·sᵢ / Σ wᵢ` over indicators with a score,
//! `coverage = Σ wᵢ (with score) / Σ wᵢ`; not scored below 50% coverage or the lens's
//! `min_population`; tier `hoog` ≥ p90, `verhoogd` ≥ p75 of all scored composites.

mod composite;
mod explain;
mod input;
mod normalize;
mod prepare;
mod value;

pub use composite::{
    AreaScore, COMPOSITE_DECIMALS, HOOG_QUANTILE, MIN_COVERAGE, NotScored, Scores, Tier, Top,
    VERHOOGD_QUANTILE,
};
pub use explain::{Comparison, Explanation, FORMULA, IndicatorExplanation};
pub use input::{AreaInput, DEFAULT_MIN_DENOMINATOR, IndicatorInput, ScoreError, ScoreOptions};
pub use normalize::{Z_CLAMP, median_sorted, percentile, quantile_sorted, robust_z};
pub use prepare::{
    AreaRow, Group, GroupStat, IndicatorMeta, Prepared, prepare, stedelijkheid_name,
};
pub use value::{Value, compute};

use crate::lens::Lens;

/// Prepares and scores with the lens's own weights in one call.
pub fn score_lens(
    lens: &Lens,
    areas: Vec<AreaInput>,
    options: &ScoreOptions,
) -> Result<(Prepared, Scores), ScoreError> {
    let prepared = prepare(lens, areas, options)?;
    let scores = prepared.score_default();
    Ok((prepared, scores))
}
