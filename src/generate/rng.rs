//! The deterministic random generator: xoshiro256** seeded through SplitMix64, plus the few
//! sampling helpers the generator needs. Written out here so the same seed gives the same files
//! on every machine and with every version of every dependency.

/// SplitMix64 step: used to expand a seed into generator state and to derive sub-seeds.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Mixes a seed with a stream label and an index into an independent sub-seed, so that every
/// buurt and every purpose draws from its own stream and the order of generation never matters.
pub fn derive(seed: u64, stream: u64, index: u64) -> u64 {
    let mut s = seed ^ stream.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let a = splitmix64(&mut s);
    let mut t = a ^ index.wrapping_mul(0xA076_1D64_78BD_642F);
    splitmix64(&mut t)
}

/// xoshiro256**: small, fast, well tested; not for cryptography.
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator whose whole output is determined by `seed`.
    pub fn new(seed: u64) -> Self {
        let mut sm = seed;
        let s = [
            splitmix64(&mut sm),
            splitmix64(&mut sm),
            splitmix64(&mut sm),
            splitmix64(&mut sm),
        ];
        Rng { s }
    }

    /// A generator for one stream and index under a seed (see [`derive`]).
    pub fn for_stream(seed: u64, stream: u64, index: u64) -> Self {
        Rng::new(derive(seed, stream, index))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A uniform float in [0, 1).
    pub fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in `lo..=hi` (returns `lo` when `hi <= lo`).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        lo + (self.next_u64() % span) as i64
    }

    /// A uniform index below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }

    /// A uniform float in `lo..hi`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f64()
    }

    /// An approximately normal value (sum of four uniforms), cheap and bounded to ±3.5 sd.
    pub fn normal(&mut self, mean: f64, sd: f64) -> f64 {
        let z = (self.f64() + self.f64() + self.f64() + self.f64() - 2.0) * 1.732;
        mean + sd * z
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index chosen with the given non-negative weights (0 when all are zero).
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return 0;
        }
        let mut x = self.f64() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// An exponentially distributed value with the given mean.
    pub fn exponential(&mut self, mean: f64) -> f64 {
        -ln(1.0 - self.f64()) * mean
    }

    /// A Poisson-distributed count with mean `lambda`: the number of exponential gaps that fit
    /// in `lambda` (normal approximation above 30).
    pub fn poisson(&mut self, lambda: f64) -> u32 {
        if lambda <= 0.0 {
            return 0;
        }
        if lambda > 30.0 {
            return self.normal(lambda, lambda.sqrt()).round().max(0.0) as u32;
        }
        let mut k = 0;
        let mut t = self.exponential(1.0);
        while t < lambda {
            k += 1;
            t += self.exponential(1.0);
        }
        k
    }
}

/// Natural logarithm from basic arithmetic only, so results are bit-identical on every
/// platform (the system `ln` may differ in the last bit between C libraries). Accurate to about
/// 1e-15 relative; `x` must be positive (returns a large negative number for 0).
pub fn ln(x: f64) -> f64 {
    if x <= 0.0 || x.is_nan() {
        return -745.0;
    }
    // x = m · 2^e with m in [1, 2), via the exponent bits.
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7FF) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
    if e == -1023 {
        // Subnormal: scale up first.
        return ln(x * 2f64.powi(60)) - 60.0 * std::f64::consts::LN_2;
    }
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    // ln m = 2 atanh(t), t = (m − 1)/(m + 1), |t| < 0.172.
    let t = (m - 1.0) / (m + 1.0);
    let t2 = t * t;
    let mut term = t;
    let mut sum = 0.0;
    let mut k = 1.0;
    while k < 40.0 {
        sum += term / k;
        term *= t2;
        k += 2.0;
    }
    2.0 * sum + e as f64 * std::f64::consts::LN_2
}

/// A bijective scramble of 32-bit numbers (lowbias32): turns a counter into an opaque-looking
/// but collision-free pseudonym.
pub fn scramble32(x: u32, key: u32) -> u32 {
    let mut x = x ^ key;
    x ^= x >> 16;
    x = x.wrapping_mul(0x7FEB_352D);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846C_A68B);
    x ^= x >> 16;
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_streams_differ() {
        let a: Vec<u64> = (0..8)
            .map({
                let mut r = Rng::new(7);
                move |_| r.next_u64()
            })
            .collect();
        let mut r = Rng::new(7);
        let b: Vec<u64> = (0..8).map(|_| r.next_u64()).collect();
        assert_eq!(a, b);
        assert_ne!(derive(7, 1, 0), derive(7, 2, 0));
        assert_ne!(derive(7, 1, 0), derive(7, 1, 1));
    }

    #[test]
    fn ranges_stay_in_bounds() {
        let mut r = Rng::new(1);
        for _ in 0..10_000 {
            let v = r.range(-3, 5);
            assert!((-3..=5).contains(&v));
            let f = r.f64();
            assert!((0.0..1.0).contains(&f));
            assert!(r.below(7) < 7);
        }
        assert_eq!(r.weighted(&[0.0, 1.0, 0.0]), 1);
    }

    #[test]
    fn portable_ln_matches_std() {
        for x in [
            1e-300, 1e-9, 0.001, 0.3, 0.5, 0.9999, 1.0, 1.5, 2.0, 10.0, 12345.678,
        ] {
            let (a, b) = (ln(x), x.ln());
            assert!((a - b).abs() <= 1e-13 * b.abs().max(1.0), "{x}: {a} vs {b}");
        }
        let mut r = Rng::new(3);
        let n = 20_000;
        let mean: f64 = (0..n).map(|_| f64::from(r.poisson(2.5))).sum::<f64>() / f64::from(n);
        assert!((mean - 2.5).abs() < 0.1, "{mean}");
    }

    #[test]
    fn scramble_is_injective_on_a_sample() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..100_000u32 {
            assert!(seen.insert(scramble32(i, 12345)));
        }
    }
}
