//! The synthetic, fictional demo region: deterministic for a seed, written as CSV files in the
//! canonical import formats plus a `planted.json` manifest of the patterns it planted.

use std::path::PathBuf;

use crate::cli::Scale;

/// What to generate.
pub struct GenOptions {
    /// The directory to write into.
    pub dir: PathBuf,
    /// The size.
    pub scale: Scale,
    /// The seed.
    pub seed: u64,
}

/// What was written.
pub struct GenSummary {
    /// File names and their data rows.
    pub files: Vec<(String, u64)>,
    /// Number of planted patterns.
    pub planted: usize,
}

/// Writes the data set.
pub fn generate(_opts: &GenOptions) -> anyhow::Result<GenSummary> {
    anyhow::bail!("the generator is not available yet")
}
