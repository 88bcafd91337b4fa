//! Bytes as an address file (`schouw import DB addresses FILE`), UTF-8.
#![no_main]

use libfuzzer_sys::fuzz_target;
use schouw::cli::{Encoding, ImportKind};

fuzz_target!(|data: &[u8]| {
    schouw_fuzz::import(ImportKind::Addresses, data, Encoding::Utf8);
});
