//! Normalisation within one comparison set: percentile rank (ties share their mean rank) or a
//! robust z-score mapped to 0–100. Input order does not matter: values are sorted first.

/// A robust z-score is clamped to ±this before mapping to 0–100.
pub const Z_CLAMP: f64 = 3.0;

/// Consistency factor that makes the MAD estimate the standard deviation of normal data.
const MAD_TO_SD: f64 = 1.4826;

/// Consistency factor for the mean absolute deviation (√(π/2)), used when the MAD is 0.
const MEAN_AD_TO_SD: f64 = 1.2533;

/// Percentile ranks, 0–100, of `values` (same order as given). The lowest value gets 0, the
/// highest 100; equal values share the mean of their ranks; a single value gets 50.
/// Formula: `100 × (mean rank − 1) / (n − 1)` with ranks 1…n.
pub fn percentile(values: &[f64]) -> Vec<f64> {
    let n = values.len();
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![50.0];
    }
    let order = sorted_order(values);
    let mut out = vec![0.0; n];
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let mean_rank0 = (i + j) as f64 / 2.0;
        let p = 100.0 * mean_rank0 / (n - 1) as f64;
        for &k in &order[i..=j] {
            out[k] = p;
        }
        i = j + 1;
    }
    out
}

/// Robust z-scores mapped to 0–100 (same order as given):
/// `z = (x − median) / (1.4826 × MAD)`, clamped to ±3, mapped as `50 + z × 50 / 3`, so the
/// median maps to 50 and 3 robust standard deviations or more map to 0 or 100. When the MAD is
/// 0 (more than half the values equal), `1.2533 × mean absolute deviation from the median` is
/// used instead; when that is 0 too (all values equal), every value maps to 50.
pub fn robust_z(values: &[f64]) -> Vec<f64> {
    let n = values.len();
    if n == 0 {
        return Vec::new();
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let med = median_sorted(&sorted);
    let mut dev: Vec<f64> = sorted.iter().map(|x| (x - med).abs()).collect();
    dev.sort_by(f64::total_cmp);
    let mut spread = MAD_TO_SD * median_sorted(&dev);
    if spread == 0.0 {
        spread = MEAN_AD_TO_SD * dev.iter().sum::<f64>() / n as f64;
    }
    values
        .iter()
        .map(|x| {
            if spread == 0.0 {
                50.0
            } else {
                let z = ((x - med) / spread).clamp(-Z_CLAMP, Z_CLAMP);
                50.0 + z * 50.0 / Z_CLAMP
            }
        })
        .collect()
}

/// The median of sorted values (mean of the middle two for an even count); `NaN` when empty.
pub fn median_sorted(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The `q`-quantile (0–1) of sorted values by linear interpolation between closest ranks
/// (`h = (n − 1) q`, the common "type 7" definition); `None` when empty.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * q.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// Indices of `values` in ascending order of value (stable: equal values keep input order).
fn sorted_order(values: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_shares_mean_ranks_between_ties() {
        assert_eq!(percentile(&[10.0, 30.0, 20.0]), vec![0.0, 100.0, 50.0]);
        // ranks 1, 2.5, 2.5, 4 → (r − 1)/3 × 100
        assert_eq!(
            percentile(&[1.0, 5.0, 5.0, 9.0]),
            vec![0.0, 50.0, 50.0, 100.0]
        );
        assert_eq!(percentile(&[7.0]), vec![50.0]);
        assert_eq!(percentile(&[2.0, 2.0]), vec![50.0, 50.0]);
    }

    #[test]
    fn robust_z_maps_the_median_to_50_and_clamps() {
        // median 3, |dev| = 2 1 0 1 97 → MAD 1 → spread 1.4826
        let out = robust_z(&[1.0, 2.0, 3.0, 4.0, 100.0]);
        assert_eq!(out[2], 50.0);
        assert_eq!(out[4], 100.0);
        let z = 1.0 / 1.4826;
        assert!((out[3] - (50.0 + z * 50.0 / 3.0)).abs() < 1e-12);
        assert_eq!(robust_z(&[4.0, 4.0, 4.0]), vec![50.0; 3]);
        // MAD 0 (three equal of four): the mean absolute deviation is used.
        let out = robust_z(&[0.0, 0.0, 0.0, 8.0]);
        assert_eq!(out[0], 50.0);
        assert!(out[3] > 50.0);
    }

    #[test]
    fn quantiles_interpolate() {
        let s = [0.0, 10.0, 20.0, 30.0, 40.0];
        assert_eq!(quantile_sorted(&s, 0.75), Some(30.0));
        assert_eq!(quantile_sorted(&s, 0.9), Some(36.0));
        assert_eq!(quantile_sorted(&[], 0.5), None);
        assert_eq!(median_sorted(&[1.0, 2.0, 3.0, 4.0]), 2.5);
    }
}
