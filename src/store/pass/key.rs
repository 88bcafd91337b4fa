//! Compact keys for the entities a pass joins in memory (BAG ids, KvK numbers, party
//! pseudonyms), and the index of every address read: its buurt, uses and surface by dense
//! position, so the other tables join to addresses with one hash lookup instead of a B-tree
//! search per row.

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

    /// The code of a number.
    pub(crate) fn code(&self, i: u32) -> Option<&str> {
        self.codes.get(i as usize).map(String::as_str)
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

/// Every address by dense number (ids of other tables that are not addresses get a number
/// too, marked absent), with what the other tables need: buurt, surface and which of the
/// pass's use values it has (one bit per value, `words` 64-bit words per address).
#[derive(Debug, Default)]
pub(crate) struct AddressIndex {
    index: KeyMap<u32>,
    buurt: Vec<u32>,
    surface: Vec<f64>,
    present: Vec<bool>,
    uses: Vec<u64>,
    words: usize,
    last: Option<(Key, u32)>,
}

impl AddressIndex {
    /// An empty index keeping `words` 64-bit words of use bits per address.
    pub(crate) fn new(words: usize) -> Self {
        AddressIndex {
            words,
            ..AddressIndex::default()
        }
    }

    /// Makes room for `n` more addresses.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.index.reserve(n);
        self.buurt.reserve(n);
        self.surface.reserve(n);
        self.present.reserve(n);
        self.uses.reserve(n * self.words);
    }

    /// Adds a row of `addresses` (ids are unique there) with its buurt number (or
    /// [`NO_AREA`]), surface and use bits.
    pub(crate) fn add(&mut self, id: &str, buurt: u32, surface: Option<f64>, uses: &[u64]) -> u32 {
        let n = self.buurt.len() as u32;
        self.index.insert(Key::new(id), n);
        self.push(buurt, surface, true);
        let at = self.uses.len() - self.words;
        self.uses[at..].copy_from_slice(&uses[..self.words]);
        n
    }

    fn push(&mut self, buurt: u32, surface: Option<f64>, present: bool) {
        self.buurt.push(buurt);
        self.surface.push(surface.unwrap_or(f64::NAN));
        self.present.push(present);
        self.uses.extend(std::iter::repeat_n(0, self.words));
    }

    /// The number of an address id, adding an absent entry when it is not an address.
    pub(crate) fn number(&mut self, id: &str) -> u32 {
        let key = Key::new(id);
        if let Some((k, n)) = &self.last
            && *k == key
        {
            return *n;
        }
        let n = match self.index.get(&key) {
            Some(&n) => n,
            None => {
                let n = self.buurt.len() as u32;
                self.index.insert(key.clone(), n);
                self.push(NO_AREA, None, false);
                n
            }
        };
        self.last = Some((key, n));
        n
    }

    /// The number of an address id, if it has one.
    pub(crate) fn find(&self, id: &str) -> Option<u32> {
        self.index.get(&Key::new(id)).copied()
    }

    /// The buurt of an address number ([`NO_AREA`] when none or absent).
    pub(crate) fn buurt(&self, n: u32) -> u32 {
        self.buurt[n as usize]
    }

    /// The surface of an address number, if known.
    pub(crate) fn surface(&self, n: u32) -> Option<f64> {
        let s = self.surface[n as usize];
        (!s.is_nan()).then_some(s)
    }

    /// Whether the address has one of the use values in `mask`.
    pub(crate) fn has_use(&self, n: u32, mask: &[u64]) -> bool {
        let at = n as usize * self.words;
        self.uses[at..at + self.words]
            .iter()
            .zip(mask)
            .any(|(a, m)| a & m != 0)
    }

    /// Whether the number is a row of `addresses` (an inner join finds it).
    pub(crate) fn present(&self, n: u32) -> bool {
        self.present[n as usize]
    }

    /// How many numbers are given out.
    pub(crate) fn len(&self) -> usize {
        self.buurt.len()
    }

    /// The ids of the given numbers.
    pub(crate) fn ids(&self, wanted: &HashSet<u32>) -> HashMap<u32, String> {
        if wanted.is_empty() {
            return HashMap::new();
        }
        self.index
            .iter()
            .filter(|(_, n)| wanted.contains(n))
            .map(|(k, &n)| (n, k.text()))
            .collect()
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

    #[test]
    fn absent_addresses_get_numbers_but_are_not_present() {
        let mut idx = AddressIndex::new(1);
        idx.add("A1", 0, Some(10.0), &[0b10]);
        assert_eq!(idx.number("A1"), 0);
        assert_eq!(idx.number("X9"), 1);
        assert_eq!(idx.number("X9"), 1);
        assert!(idx.present(0) && !idx.present(1));
        assert_eq!(idx.buurt(1), NO_AREA);
        assert_eq!(idx.surface(0), Some(10.0));
        assert!(idx.has_use(0, &[0b11]) && !idx.has_use(0, &[0b01]) && !idx.has_use(1, &[!0]));
        let ids = idx.ids(&[1].into_iter().collect());
        assert_eq!(ids[&1], "X9");
    }
}
