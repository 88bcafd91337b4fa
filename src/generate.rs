//! The synthetic, fictional demo region: deterministic for a seed, written as CSV files in the
//! canonical import formats plus a `planted.json` manifest of the patterns it planted.
