//! Bytes as a file of any kind: the first byte picks the kind (and, with its high bit, the
//! Windows-1252 decoder), the rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use schouw::cli::{Encoding, ImportKind};

const KINDS: [ImportKind; 9] = [
    ImportKind::Cbs,
    ImportKind::Areas,
    ImportKind::Sbi,
    ImportKind::Addresses,
    ImportKind::Businesses,
    ImportKind::Parties,
    ImportKind::Roles,
    ImportKind::Ownership,
    ImportKind::Signals,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let kind = KINDS[usize::from(pick & 0x7f) % KINDS.len()];
    let encoding = if pick & 0x80 != 0 {
        Encoding::Windows1252
    } else {
        Encoding::Utf8
    };
    schouw_fuzz::import(kind, file, encoding);
});
