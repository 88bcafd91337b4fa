//! The index of every address a pass reads: its buurt, uses and surface by dense number
//! (from an [`IdTable`]), so the other tables join to addresses with one lookup in memory
//! instead of a B-tree search per row. Once sealed it is only read, by as many threads as
//! the pass has, each through a [`Reader`] of its own.

use std::collections::{HashMap, HashSet};

use super::area_column::AreaColumn;
use super::id_table::{Hint, IdTable};
use super::key::{Key, KeyMap, NO_AREA, named};

/// Every address by dense number, with what the other tables need: buurt, surface (when a
/// filter asks for it) and which of the pass's use values it has (one bit per value, kept
/// in as few bytes per address as the values need).
///
/// It is aligned to (and fills) whole pairs of cache lines: threads that look up in it
/// millions of times read its fields on every lookup, and a field of another value written
/// by one thread on the same line would make every read of the other miss its cache.
#[derive(Debug)]
#[repr(align(128))]
pub(crate) struct AddressIndex {
    /// The addresses' ids; [`AddressIndex::seal`] builds its lookup table.
    ids: IdTable,
    buurt: AreaColumn,
    /// Kept only when `keep_surface`, in two bytes: BAG surfaces are whole square metres,
    /// nearly all below [`EXACT`]; [`NO_SURFACE`] when unknown.
    surface: Vec<u16>,
    /// The surfaces two bytes do not hold, exactly, by address number (marked [`EXACT`]).
    exact_surface: HashMap<u32, f64>,
    keep_surface: bool,
    /// `bytes` bytes of use bits per address.
    uses: Vec<u8>,
    bytes: usize,
}

/// A surface that is not known.
const NO_SURFACE: u16 = u16::MAX;

/// A surface kept exactly beside the column.
const EXACT: u16 = u16::MAX - 1;

/// Byte `k` (little-endian) of a bit set held in 64-bit words.
fn byte(words: &[u64], k: usize) -> u8 {
    words.get(k / 8).map_or(0, |w| (w >> (8 * (k % 8))) as u8)
}

impl AddressIndex {
    /// An empty index keeping `bits` use bits per address, and surfaces when
    /// `keep_surface`.
    pub(crate) fn new(bits: usize, keep_surface: bool) -> Self {
        AddressIndex {
            ids: IdTable::default(),
            buurt: AreaColumn::default(),
            surface: Vec::new(),
            exact_surface: HashMap::new(),
            keep_surface,
            uses: Vec::new(),
            bytes: bits.div_ceil(8),
        }
    }

    /// Makes room for `n` more addresses.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.ids.reserve(n);
        self.buurt.reserve(n);
        if self.keep_surface {
            self.surface.reserve(n);
        }
        self.uses.reserve(n * self.bytes);
    }

    /// Adds a row of `addresses` (ids are unique there) with its buurt number (or
    /// [`NO_AREA`]), surface and use bits. Every address is added before the first lookup.
    pub(crate) fn add(&mut self, id: &str, buurt: u32, surface: Option<f64>, uses: &[u64]) -> u32 {
        let n = self.ids.add(id);
        self.buurt.push(buurt);
        if self.keep_surface {
            let short = match surface.filter(|s| !s.is_nan()) {
                None => NO_SURFACE,
                Some(s) => match s as u16 {
                    v if v < EXACT && f64::from(v).to_bits() == s.to_bits() => v,
                    _ => {
                        self.exact_surface.insert(n, s);
                        EXACT
                    }
                },
            };
            self.surface.push(short);
        }
        self.uses.extend((0..self.bytes).map(|k| byte(uses, k)));
        n
    }

    /// Ends the adding: builds the lookup table.
    pub(crate) fn seal(&mut self) {
        self.ids.seal();
    }

    /// The number of an address id, giving it one of `reader`'s numbers when it is not an
    /// address.
    pub(crate) fn number(&self, id: &str, reader: &mut Reader) -> u32 {
        if let Some(n) = self.find(id, reader) {
            return n;
        }
        let n = (self.len() + reader.absent.len()) as u32;
        reader.absent.insert(Key::new(id), n);
        n
    }

    /// The number of an address id, if it has one (of `reader`'s, when it is not an
    /// address).
    pub(crate) fn find(&self, id: &str, reader: &Reader) -> Option<u32> {
        self.ids
            .find(id, &reader.hint)
            .or_else(|| reader.absent.get(&Key::new(id)).copied())
    }

    /// The buurt of an address id ([`NO_AREA`] when none, or when it is not an address).
    pub(crate) fn buurt_of(&self, id: &str, reader: &Reader) -> u32 {
        self.find(id, reader).map_or(NO_AREA, |n| self.buurt(n))
    }

    /// The buurt of an address number ([`NO_AREA`] when none or absent).
    pub(crate) fn buurt(&self, n: u32) -> u32 {
        if self.present(n) {
            self.buurt.get(n as usize)
        } else {
            NO_AREA
        }
    }

    /// The surface of an address number, if known.
    pub(crate) fn surface(&self, n: u32) -> Option<f64> {
        match *self.surface.get(n as usize)? {
            NO_SURFACE => None,
            EXACT => self.exact_surface.get(&n).copied(),
            s => Some(f64::from(s)),
        }
    }

    /// Whether the address has one of the use values in `mask`.
    pub(crate) fn has_use(&self, n: u32, mask: &[u64]) -> bool {
        let at = n as usize * self.bytes;
        self.uses
            .get(at..at + self.bytes)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .any(|(k, a)| a & byte(mask, k) != 0)
    }

    /// Whether the number is a row of `addresses` (an inner join finds it).
    pub(crate) fn present(&self, n: u32) -> bool {
        (n as usize) < self.len()
    }

    /// How many addresses there are (the numbers of absent ids come after them).
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The ids of the given numbers (of `reader`'s, when they are not addresses).
    pub(crate) fn ids(&self, wanted: &HashSet<u32>, reader: &Reader) -> HashMap<u32, String> {
        let mut out = self.ids.ids(wanted);
        if out.len() < wanted.len() {
            out.extend(named(&reader.absent, wanted));
        }
        out
    }
}

/// One thread's lookups in a sealed [`AddressIndex`]: where its last lookup landed, and the
/// numbers it gave ids of other tables that are not addresses (after the addresses', so a
/// number is an address's when it is below [`AddressIndex::len`]). Two readers number such
/// ids independently; [`Reader::adopt`] renumbers another's as this one's.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    hint: Hint,
    absent: KeyMap<u32>,
}

impl Reader {
    /// `other`'s numbers as this reader's: an address's stays, an absent id gets the number
    /// this reader gives it.
    pub(crate) fn adopt(
        &mut self,
        index: &AddressIndex,
        other: &Reader,
        numbers: impl IntoIterator<Item = u32>,
    ) -> HashMap<u32, u32> {
        let wanted: HashSet<u32> = numbers.into_iter().filter(|&n| !index.present(n)).collect();
        named(&other.absent, &wanted)
            .map(|(n, id)| (n, index.number(&id, self)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_addresses_get_numbers_but_are_not_present() {
        let mut idx = AddressIndex::new(2, true);
        idx.add("A1", 0, Some(10.0), &[0b10]);
        idx.add("0363200000000001", 1, None, &[0]);
        idx.seal();
        let mut r = Reader::default();
        assert_eq!(idx.number("A1", &mut r), 0);
        assert_eq!(idx.number("X9", &mut r), 2);
        assert_eq!(idx.number("X9", &mut r), 2);
        assert_eq!(idx.number("0363200000000001", &mut r), 1);
        assert_eq!(idx.number("0363200000000002", &mut r), 3);
        assert_eq!(idx.number("0363200000000002", &mut r), 3);
        assert!(idx.present(0) && idx.present(1) && !idx.present(2) && !idx.present(3));
        assert_eq!(idx.buurt(2), NO_AREA);
        assert_eq!(idx.surface(0), Some(10.0));
        assert_eq!(idx.surface(1), None);
        assert!(idx.has_use(0, &[0b11]) && !idx.has_use(0, &[0b01]) && !idx.has_use(2, &[!0]));
        let ids = idx.ids(&[0, 1, 2, 3].into_iter().collect(), &r);
        assert_eq!(ids[&0], "A1");
        assert_eq!(ids[&1], "0363200000000001");
        assert_eq!(ids[&2], "X9");
        assert_eq!(ids[&3], "0363200000000002");
        assert_eq!(idx.find("0363200000000003", &r), None);
    }

    /// Two readers of one index number absent ids on their own; adopting the other's
    /// numbers keeps an address's and gives each absent id this reader's number for it.
    #[test]
    fn a_reader_adopts_another_readers_numbers() {
        let mut idx = AddressIndex::new(0, false);
        idx.add("1", 0, None, &[]);
        idx.add("2", 1, None, &[]);
        idx.seal();
        let (mut main, mut side) = (Reader::default(), Reader::default());
        assert_eq!(idx.number("X", &mut main), 2);
        assert_eq!(idx.number("Y", &mut side), 2);
        assert_eq!(idx.number("X", &mut side), 3);
        let map = main.adopt(&idx, &side, [0, 1, 2, 3]);
        assert_eq!(map, [(2, 3), (3, 2)].into_iter().collect());
        assert_eq!(idx.find("Y", &main), Some(3));
        assert_eq!(idx.ids(&[3].into(), &main)[&3], "Y");
    }

    #[test]
    fn use_bits_past_the_first_word_are_kept() {
        let mut idx = AddressIndex::new(70, false);
        idx.add("1", 0, None, &[0, 1 << 5]);
        idx.add("2", 0, None, &[1 << 9, 0]);
        idx.seal();
        assert!(idx.has_use(0, &[0, 1 << 5]) && !idx.has_use(0, &[!0, 1 << 4]));
        assert!(idx.has_use(1, &[1 << 9]) && !idx.has_use(1, &[1 << 8, !0]));
    }

    #[test]
    fn surfaces_come_back_exactly_whether_or_not_two_bytes_hold_them() {
        let surfaces = [
            Some(120.0),
            Some(0.0),
            Some(65_533.0),
            Some(65_534.0),
            Some(65_535.0),
            Some(100.3),
            Some(-0.0),
            Some(-4.0),
            Some(1e300),
            Some(f64::INFINITY),
            None,
        ];
        let mut idx = AddressIndex::new(0, true);
        for (n, s) in surfaces.iter().enumerate() {
            idx.add(&(n + 1).to_string(), 0, *s, &[]);
        }
        idx.add("99", 0, Some(f64::NAN), &[]);
        idx.seal();
        for (n, s) in surfaces.iter().enumerate() {
            let got = idx.surface(n as u32);
            assert_eq!(got.map(f64::to_bits), s.map(f64::to_bits), "{s:?}");
        }
        assert_eq!(idx.surface(surfaces.len() as u32), None);
        // Whole square metres below the markers need no exact copy.
        assert_eq!(idx.exact_surface.len(), 7);
    }

    #[test]
    fn surfaces_are_kept_only_when_asked() {
        let mut idx = AddressIndex::new(0, false);
        idx.add("1", 0, Some(10.0), &[]);
        idx.seal();
        assert_eq!(idx.surface(0), None);
        assert_eq!(idx.find("1", &Reader::default()), Some(0));
    }
}
