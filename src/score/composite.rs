//! The cheap half of scoring, run again on every change of weights: composite per area
//! (weighted mean of normalised scores over indicators with a value), coverage, contributions,
//! the three largest contributors, rank and tier.

use super::input::ScoreError;
use super::normalize::quantile_sorted;
use super::prepare::Prepared;

/// Areas with less than this share of the weight covered by data are not scored.
pub const MIN_COVERAGE: f64 = 0.5;

/// Composites are rounded to this many decimals before ranking and tiering, so that results
/// do not depend on the last bits of floating-point sums.
pub const COMPOSITE_DECIMALS: i32 = 6;

/// A composite at or above this quantile of all scored composites is `hoog`.
pub const HOOG_QUANTILE: f64 = 0.90;

/// A composite at or above this quantile (and below `hoog`) is `verhoogd`.
pub const VERHOOGD_QUANTILE: f64 = 0.75;

/// The tier of an area within a lens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    /// At or above the 90th percentile of composites.
    Hoog,
    /// At or above the 75th percentile.
    Verhoogd,
    /// Below the 75th percentile.
    Normaal,
    /// Not scored: coverage below 50% or population below the lens minimum.
    OnvoldoendeData,
}

impl Tier {
    /// The Dutch label (`hoog`, `verhoogd`, `normaal`, `onvoldoende data`).
    pub fn label(self) -> &'static str {
        match self {
            Tier::Hoog => "hoog",
            Tier::Verhoogd => "verhoogd",
            Tier::Normaal => "normaal",
            Tier::OnvoldoendeData => "onvoldoende data",
        }
    }
}

/// Why an area has no composite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NotScored {
    /// Population below the lens's `min_population` (or unknown).
    SmallPopulation {
        /// The population, if known.
        population: Option<f64>,
        /// The lens minimum.
        min: u64,
    },
    /// Less than half of the weight has data.
    LowCoverage {
        /// The share of weight with data, 0–1.
        coverage: f64,
    },
}

/// The (at most) three largest positive contributions of one area, largest first (ties by
/// indicator order). Fixed size, so re-weighting allocates nothing per area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Top {
    idx: [usize; 3],
    len: usize,
}

impl Top {
    /// The indicator indices, largest contribution first.
    pub fn as_slice(&self) -> &[usize] {
        &self.idx[..self.len]
    }

    /// From contributions (`NaN` = none): the three largest positive ones.
    fn of(contributions: &[f64]) -> Top {
        let mut top = Top::default();
        for (i, &c) in contributions.iter().enumerate() {
            if c.is_nan() || c <= 0.0 {
                continue;
            }
            // Insert i, keeping the order: larger first, earlier indicator first among equals.
            let mut pos = top.len;
            while pos > 0 && contributions[top.idx[pos - 1]] < c {
                pos -= 1;
            }
            if pos >= 3 {
                continue;
            }
            let end = top.len.min(2);
            for j in (pos..end).rev() {
                top.idx[j + 1] = top.idx[j];
            }
            top.idx[pos] = i;
            top.len = (top.len + 1).min(3);
        }
        top
    }
}

/// One area's result under one set of weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaScore {
    /// Composite 0–100 (rounded to 6 decimals), when scored.
    pub composite: Option<f64>,
    /// Share of the total weight over indicators with a normalised score, 0–1.
    pub coverage: f64,
    /// 1 = highest composite; ties broken by area code. `None` when not scored.
    pub rank: Option<usize>,
    /// The tier.
    pub tier: Tier,
    /// Why it is not scored, if it is not.
    pub not_scored: Option<NotScored>,
    /// The (at most) three largest contributors.
    pub top: Top,
}

/// The result of scoring all areas with one set of weights. `areas[a]` belongs to
/// `prepared.areas[a]` (sorted by code).
#[derive(Debug, Clone)]
pub struct Scores {
    /// The weights used, in indicator order.
    pub weights: Vec<f64>,
    /// Per area, in the order of [`Prepared::areas`].
    pub areas: Vec<AreaScore>,
    /// Area indices in rank order (scored areas only).
    pub ranking: Vec<usize>,
    /// The composite at the 75th percentile (the `verhoogd` threshold), if any area is scored.
    pub p75: Option<f64>,
    /// The composite at the 90th percentile (the `hoog` threshold).
    pub p90: Option<f64>,
    /// Contributions, area-major (`NaN` = none).
    contributions: Vec<f64>,
}

impl PartialEq for Scores {
    /// Equal when every field is equal, with `NaN` (no contribution) equal to itself.
    fn eq(&self, other: &Self) -> bool {
        self.weights == other.weights
            && self.areas == other.areas
            && self.ranking == other.ranking
            && self.p75 == other.p75
            && self.p90 == other.p90
            && same_bits(&self.contributions, &other.contributions)
    }
}

/// Equality of float slices bit by bit (so `NaN` equals `NaN`).
pub(crate) fn same_bits(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
}

impl Scores {
    /// Number of scored areas.
    pub fn scored(&self) -> usize {
        self.ranking.len()
    }

    /// Contribution of indicator `i` to area `a`'s composite: `weight × normalised / total
    /// weight with data`; they add up to the composite. `None` without a normalised score or
    /// when the area is not scored.
    pub fn contribution(&self, a: usize, i: usize) -> Option<f64> {
        let k = self.weights.len();
        let c = *self.contributions.get(a * k + i)?;
        (!c.is_nan()).then_some(c)
    }
}

impl Prepared {
    /// Scores with the lens's own weights.
    pub fn score_default(&self) -> Scores {
        let w: Vec<f64> = self.indicators.iter().map(|i| i.lens_weight).collect();
        self.score(&w)
            .unwrap_or_else(|_| unreachable!("lens weights are validated"))
    }

    /// Scores with other weights (one per indicator, each ≥ 0, at least one > 0; a weight of 0
    /// leaves the indicator out). Cheap: normalised values are reused.
    pub fn score(&self, weights: &[f64]) -> Result<Scores, ScoreError> {
        let k = self.indicators.len();
        if weights.len() != k {
            return Err(ScoreError::Weights(format!(
                "{} weights given for {k} indicators",
                weights.len()
            )));
        }
        if weights.iter().any(|w| !w.is_finite() || *w < 0.0) {
            return Err(ScoreError::Weights("each weight must be 0 or more".into()));
        }
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return Err(ScoreError::Weights(
                "at least one weight must be more than 0".into(),
            ));
        }
        let factor = 10f64.powi(COMPOSITE_DECIMALS);
        let n = self.areas.len();
        let mut contributions = vec![f64::NAN; n * k];
        let mut areas = Vec::with_capacity(n);
        for a in 0..n {
            let norm = &self.normalized[a * k..(a + 1) * k];
            let mut covered = 0.0;
            let mut sum = 0.0;
            for i in 0..k {
                let (s, w) = (norm[i], weights[i]);
                if !s.is_nan() && w > 0.0 {
                    covered += w;
                    sum += w * s;
                }
            }
            let coverage = covered / total;
            let not_scored = if !self.areas[a].eligible {
                Some(NotScored::SmallPopulation {
                    population: self.areas[a].input.population,
                    min: self.min_population,
                })
            } else if coverage < MIN_COVERAGE {
                Some(NotScored::LowCoverage { coverage })
            } else {
                None
            };
            let mut composite = None;
            let mut top = Top::default();
            if not_scored.is_none() {
                let out = &mut contributions[a * k..(a + 1) * k];
                for i in 0..k {
                    let (s, w) = (norm[i], weights[i]);
                    if !s.is_nan() && w > 0.0 {
                        out[i] = w * s / covered;
                    }
                }
                top = Top::of(out);
                composite = Some(((sum / covered) * factor).round() / factor);
            }
            areas.push(AreaScore {
                composite,
                coverage,
                rank: None,
                tier: Tier::OnvoldoendeData,
                not_scored,
                top,
            });
        }

        let mut ranking: Vec<usize> = (0..n).filter(|&a| areas[a].composite.is_some()).collect();
        let key = |a: usize| areas[a].composite.unwrap_or(0.0);
        // Areas are sorted by code, so the index breaks ties by code.
        ranking.sort_unstable_by(|&x, &y| key(y).total_cmp(&key(x)).then(x.cmp(&y)));
        let sorted: Vec<f64> = ranking.iter().rev().map(|&a| key(a)).collect();
        let p75 = quantile_sorted(&sorted, VERHOOGD_QUANTILE);
        let p90 = quantile_sorted(&sorted, HOOG_QUANTILE);
        for (r, &a) in ranking.iter().enumerate() {
            let area = &mut areas[a];
            let c = area.composite.unwrap_or(0.0);
            area.rank = Some(r + 1);
            area.tier = if p90.is_some_and(|t| c >= t) {
                Tier::Hoog
            } else if p75.is_some_and(|t| c >= t) {
                Tier::Verhoogd
            } else {
                Tier::Normaal
            };
        }
        Ok(Scores {
            weights: weights.to_vec(),
            areas,
            ranking,
            p75,
            p90,
            contributions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Top;

    #[test]
    fn top_keeps_the_three_largest_positive_contributions_in_order() {
        let nan = f64::NAN;
        assert_eq!(
            Top::of(&[1.0, 5.0, nan, 3.0, 5.0, 0.0]).as_slice(),
            &[1, 4, 3]
        );
        assert_eq!(Top::of(&[0.0, nan]).as_slice(), &[] as &[usize]);
        assert_eq!(Top::of(&[2.0, 1.0]).as_slice(), &[0, 1]);
        assert_eq!(Top::of(&[1.0, 2.0, 3.0, 4.0]).as_slice(), &[3, 2, 1]);
    }
}
