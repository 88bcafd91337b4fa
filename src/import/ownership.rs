//! The `ownership` import profile.

use super::reader::CsvFile;
use super::{ImportError, Job};
use crate::store::ImportTx;

/// Reads a `ownership` file into the import transaction; returns the number of records read.
pub(crate) fn read(
    file: &mut CsvFile,
    _tx: &mut ImportTx<'_>,
    _job: &mut Job<'_>,
) -> Result<u64, ImportError> {
    Err(super::not_yet(file, "ownership"))
}
