//! Compact keys for the entities a pass joins in memory (KvK numbers, party pseudonyms,
//! vestigingsnummers), the seeded hash the pass's maps use, the interned area codes, and
//! reading a column of a streamed row.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher, RandomState};

use rusqlite::types::ValueRef;

/// A text key; short keys (at most 16 bytes, no NUL byte) are held without allocating.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Key {
    /// The bytes, padded with NUL (which the text itself does not contain).
    Short([u8; 16]),
    /// Anything longer, or with a NUL byte.
    Long(Box<str>),
}

impl Key {
    /// The key of a text.
    pub(crate) fn new(s: &str) -> Key {
        let b = s.as_bytes();
        if b.len() <= 16 && !b.contains(&0) {
            let mut a = [0u8; 16];
            a[..b.len()].copy_from_slice(b);
            Key::Short(a)
        } else {
            Key::Long(s.into())
        }
    }

    /// The text again.
    pub(crate) fn text(&self) -> String {
        match self {
            Key::Short(a) => {
                let n = a.iter().position(|&c| c == 0).unwrap_or(16);
                String::from_utf8_lossy(&a[..n]).into_owned()
            }
            Key::Long(s) => s.to_string(),
        }
    }
}

/// A map keyed by entity ids, hashed with [`Seeded`].
pub(crate) type KeyMap<V> = HashMap<Key, V, Seeded>;

/// The ids of `map` (ids by number) whose number is wanted, as (number, id).
pub(crate) fn named<'a>(
    map: &'a KeyMap<u32>,
    wanted: &'a HashSet<u32>,
) -> impl Iterator<Item = (u32, String)> + 'a {
    map.iter()
        .filter(|(_, n)| wanted.contains(n))
        .map(|(k, &n)| (n, k.text()))
}

/// A fast hash for the millions of ids of a pass (folded multiplication, as in foldhash),
/// seeded per map from the standard library's random keys so that crafted ids cannot be
/// made to collide in advance.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seeded(u64);

impl Default for Seeded {
    fn default() -> Self {
        Seeded(RandomState::new().hash_one(0x5343_4857_u64) | 1)
    }
}

impl BuildHasher for Seeded {
    type Hasher = Folded;
    fn build_hasher(&self) -> Folded {
        Folded(self.0)
    }
}

/// The state of [`Seeded`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Folded(u64);

impl Folded {
    fn mix(&mut self, word: u64) {
        let p = u128::from(self.0 ^ word) * u128::from(0x9E37_79B9_7F4A_7C15_u64);
        self.0 = (p as u64) ^ ((p >> 64) as u64);
    }
}

impl Hasher for Folded {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.mix(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.mix(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.mix(i as u64);
    }
    fn write_isize(&mut self, i: isize) {
        self.mix(i as u64);
    }
    fn finish(&self) -> u64 {
        let p = u128::from(self.0) * u128::from(0xA076_1D64_78BD_642F_u64);
        (p as u64) ^ ((p >> 64) as u64)
    }
}

/// A text column of a row, `None` for NULL (and for a non-text value).
pub(crate) fn text<'a>(v: ValueRef<'a>) -> Option<&'a str> {
    match v {
        ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    }
}

/// A numeric column of a row, `None` for NULL (and for a non-numeric value).
pub(crate) fn number(v: ValueRef<'_>) -> Option<f64> {
    match v {
        ValueRef::Integer(i) => Some(i as f64),
        ValueRef::Real(r) => Some(r),
        _ => None,
    }
}

/// "No buurt": an address without a buurt code, or one that is not in `addresses`.
pub(crate) const NO_AREA: u32 = u32::MAX;

/// Area codes (buurt codes, and the codes of areas that signals are about), interned.
#[derive(Debug, Default)]
pub(crate) struct AreaKeys {
    codes: Vec<String>,
    index: HashMap<String, u32>,
    last: Option<(String, u32)>,
}

impl AreaKeys {
    /// The number of a code, adding it when new.
    pub(crate) fn intern(&mut self, code: &str) -> u32 {
        if let Some((c, i)) = &self.last
            && c == code
        {
            return *i;
        }
        let i = match self.index.get(code) {
            Some(&i) => i,
            None => {
                let i = self.codes.len() as u32;
                self.codes.push(code.to_owned());
                self.index.insert(code.to_owned(), i);
                i
            }
        };
        self.last = Some((code.to_owned(), i));
        i
    }

    /// How many codes there are.
    pub(crate) fn len(&self) -> usize {
        self.codes.len()
    }

    /// Every code, by number.
    pub(crate) fn codes(&self) -> &[String] {
        &self.codes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_short_long_and_nul() {
        for s in [
            "",
            "0363200000123456",
            "P-c82ff939",
            "a much longer key than sixteen",
            "a\0b",
        ] {
            assert_eq!(Key::new(s).text(), s);
        }
        assert_ne!(Key::new("a"), Key::new("a\0"));
        assert!(matches!(Key::new("0363200000123456"), Key::Short(_)));
    }
}
