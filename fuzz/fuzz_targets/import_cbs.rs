//! Bytes as a CBS statistics file (KWB table or StatLine export), UTF-8.
#![no_main]

use libfuzzer_sys::fuzz_target;
use schouw::cli::{Encoding, ImportKind};

fuzz_target!(|data: &[u8]| {
    schouw_fuzz::import(ImportKind::Cbs, data, Encoding::Utf8);
});
