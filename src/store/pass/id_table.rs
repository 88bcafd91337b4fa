//! Dense numbers for millions of entity ids (BAG ids, vestigingsnummers), held compactly: an
//! id of at most 16 ASCII digits is packed into one `u64`. While the ids come in ascending
//! order (as BAG and KvK exports list them) they are kept as [`ascending::Ascending`], about
//! two bytes an id and no lookup table. Otherwise the lookup table is open addressing over
//! numbers only (4 bytes a slot), the key compared against the packed id of the number a
//! slot holds. Other ids (municipal files may use their own) go to an ordinary map. The
//! table is seeded per run, so crafted ids cannot be made to collide in advance.

mod ascending;

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};

use super::key::{Key, KeyMap, Seeded, named};
use ascending::Ascending;

/// The packed form of an id of 1 to 16 ASCII digits: the length in the top byte, the value
/// below it (so `"0363…"` and `"363…"` stay apart). `None` for any other id.
fn pack(id: &str) -> Option<u64> {
    let b = id.as_bytes();
    if b.is_empty() || b.len() > 16 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = b.iter().fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
    Some((b.len() as u64) << 56 | value)
}

/// Equal ids as equal numbers, 4 bytes each: an id of 1 to 8 ASCII digits (a KvK number) as
/// its length and value, any other id as a number handed out by `others` with the top bit
/// set (which no id of digits gets).
pub(super) fn short_code(id: &str, others: &mut KeyMap<u32>) -> u32 {
    match pack(id) {
        Some(p) if p >> 56 <= 8 => ((p >> 56) as u32) << 27 | (p & ((1 << 27) - 1)) as u32,
        _ => {
            let next = 1 << 31 | others.len() as u32;
            *others.entry(Key::new(id)).or_insert(next)
        }
    }
}

/// The id of a packed form.
fn unpack(packed: u64) -> String {
    let len = (packed >> 56) as usize;
    format!("{:0len$}", packed & ((1 << 56) - 1))
}

/// No packed id (an id that does not pack, kept in `others`).
const UNPACKED: u64 = 0;

/// An empty slot of the lookup table.
const EMPTY: u32 = u32::MAX;

/// How many numbers after the last one found are tried before the table: rows of another
/// table that follow this one's order then find theirs in the same cache line.
const NEAR: usize = 4;

/// Ids numbered in the order they are added (each once); [`IdTable::seal`] then builds the
/// lookup table.
#[derive(Debug)]
pub(crate) struct IdTable {
    /// The ids while every one packs and each is above the one before; `None` from the
    /// first that does not (they are in `packed` from then on).
    ascending: Option<Ascending>,
    /// The packed id of each number ([`UNPACKED`] when it is in `others`), when the ids do
    /// not ascend.
    packed: Vec<u64>,
    /// Numbers by the hash of their packed id, linear probing, a quarter more slots than
    /// ids (empty until sealed).
    slots: Vec<u32>,
    hasher: Seeded,
    /// Ids that do not pack.
    others: KeyMap<u32>,
}

/// Where one reader's last lookup landed (the number and packed id it found): the rows of
/// one table mostly follow another's order, so the next id is usually there or just after
/// it. Each thread keeps its own, so a sealed table is shared without locks.
#[derive(Debug, Default)]
pub(crate) struct Hint(Cell<(usize, u64)>);

impl Default for IdTable {
    fn default() -> Self {
        IdTable {
            ascending: Some(Ascending::default()),
            packed: Vec::new(),
            slots: Vec::new(),
            hasher: Seeded::default(),
            others: KeyMap::default(),
        }
    }
}

impl IdTable {
    /// Makes room for `n` more ids.
    pub(crate) fn reserve(&mut self, n: usize) {
        match &mut self.ascending {
            Some(a) => a.reserve(n),
            None => self.packed.reserve(n),
        }
    }

    /// Gives `id` (not added before) the next number.
    pub(crate) fn add(&mut self, id: &str) -> u32 {
        let n = self.len() as u32;
        if let Some(a) = &mut self.ascending {
            if pack(id).is_some_and(|p| a.push(p)) {
                return n;
            }
            self.packed = a.to_vec();
            self.ascending = None;
        }
        match pack(id) {
            Some(p) => self.packed.push(p),
            None => {
                self.packed.push(UNPACKED);
                self.others.insert(Key::new(id), n);
            }
        }
        n
    }

    /// How many ids there are.
    pub(crate) fn len(&self) -> usize {
        self.ascending
            .as_ref()
            .map_or(self.packed.len(), Ascending::len)
    }

    /// Ends the adding: builds the lookup table (ascending ids need none).
    pub(crate) fn seal(&mut self) {
        if self.ascending.is_some() || !self.slots.is_empty() {
            return;
        }
        // Four fifths full: a found id takes three probes on average, in one or two cache
        // lines, and the table is 40% smaller than at the next power of two.
        let size = self.packed.len() + self.packed.len() / 4 + 1;
        self.slots = vec![EMPTY; size];
        for (n, &p) in self.packed.iter().enumerate() {
            if p != UNPACKED {
                let at = self.probe(p);
                self.slots[at] = n as u32;
            }
        }
    }

    /// The home slot of a packed id: its hash scaled to the table's length.
    fn home(&self, packed: u64) -> usize {
        let mut h = self.hasher.build_hasher();
        h.write_u64(packed);
        ((u128::from(h.finish()) * self.slots.len() as u128) >> 64) as usize
    }

    /// The slot holding `packed`, or the empty slot where it would go.
    fn probe(&self, packed: u64) -> usize {
        let mut at = self.home(packed);
        loop {
            let n = self.slots[at];
            if n == EMPTY || self.packed[n as usize] == packed {
                return at;
            }
            at += 1;
            if at == self.slots.len() {
                at = 0;
            }
        }
    }

    /// The number of an id, if it has one, starting from (and updating) the reader's hint.
    pub(crate) fn find(&self, id: &str, hint: &Hint) -> Option<u32> {
        match pack(id) {
            Some(p) => self.find_packed(p, &hint.0),
            None => self.others.get(&Key::new(id)).copied(),
        }
    }

    fn find_packed(&self, p: u64, last: &Cell<(usize, u64)>) -> Option<u32> {
        if let Some(a) = &self.ascending {
            let n = a.find(p, last.get())?;
            last.set((n, p));
            return Some(n as u32);
        }
        let (at, _) = last.get();
        let near = self.packed.get(at..(at + NEAR).min(self.packed.len()));
        if let Some(i) = near.and_then(|s| s.iter().position(|&q| q == p)) {
            last.set((at + i, p));
            return Some((at + i) as u32);
        }
        if self.slots.is_empty() {
            debug_assert!(
                self.packed.is_empty(),
                "an id table is sealed before lookups"
            );
            return None;
        }
        let n = self.slots[self.probe(p)];
        if n == EMPTY {
            return None;
        }
        last.set((n as usize, p));
        Some(n)
    }

    /// The ids of those of the `wanted` numbers that are this table's (one walk over the
    /// ids that do not pack, only when one of them is wanted).
    pub(crate) fn ids(&self, wanted: &HashSet<u32>) -> HashMap<u32, String> {
        let mut unpacked = false;
        let mut out = HashMap::new();
        for &n in wanted {
            let packed = match &self.ascending {
                Some(a) => a.get(n as usize),
                None => self.packed.get(n as usize).copied(),
            };
            match packed {
                Some(UNPACKED) => unpacked = true,
                Some(p) => {
                    out.insert(n, unpack(p));
                }
                None => {}
            }
        }
        if unpacked {
            out.extend(named(&self.others, wanted));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_keeps_leading_zeros_and_refuses_other_ids() {
        for id in [
            "0363200000123456",
            "363200000123456",
            "0",
            "0000000000000000",
        ] {
            assert_eq!(unpack(pack(id).unwrap()), id);
        }
        assert_ne!(pack("0363200000123456"), pack("363200000123456"));
        for id in ["", "A1", "03632000001234567", "12 3", "１２"] {
            assert_eq!(pack(id), None, "{id}");
        }
    }

    /// Every id is found whether the ids ascend or not, looked up in order (the numbers after
    /// the last) and out of order, packed or not.
    #[test]
    fn ids_are_found_in_any_order_and_named_again() {
        for ascending in [true, false] {
            let mut t = IdTable::default();
            let ids: Vec<String> = (0..5000u32)
                .map(|i| if ascending { i } else { (i * 7919) % 5000 })
                .map(|i| match i % 100 {
                    7 => format!("X{i}"),
                    _ => format!("{:016}", i * 3),
                })
                .collect();
            for (n, id) in ids.iter().enumerate() {
                assert_eq!(t.add(id), n as u32);
            }
            t.seal();
            let h = Hint::default();
            // Four fifths full at most, so a probe always ends at an empty slot.
            assert!(t.ascending.is_none());
            assert!(t.slots.len() * 4 >= t.len() * 5 && t.slots.len() > t.len());
            let forward = 0..ids.len();
            let scattered = (0..ids.len()).map(|i| (i * 4001) % ids.len());
            for n in forward.chain(scattered) {
                assert_eq!(t.find(&ids[n], &h), Some(n as u32));
            }
            let named = t.ids(&(0..5001).collect());
            assert_eq!(named.len(), ids.len());
            for (n, id) in ids.iter().enumerate() {
                assert_eq!(named[&(n as u32)], *id);
            }
            assert_eq!(t.find(&format!("{:016}", 1), &h), None);
            assert_eq!(t.find("X8", &h), None);
        }
    }

    /// BAG-like ids in order stay in the compact form (no lookup table); the first id out of
    /// order moves them all to the table, and every id is still found by its number.
    #[test]
    fn ascending_ids_need_no_table_until_one_is_out_of_order() {
        let ids: Vec<String> = (0..3000u64)
            .map(|i| format!("{:016}", 363_200_000_000_000 + i * i))
            .collect();
        let mut t = IdTable::default();
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(t.add(id), n as u32);
        }
        t.seal();
        let h = Hint::default();
        assert!(t.ascending.is_some() && t.slots.is_empty());
        for n in (0..ids.len()).rev().chain(0..ids.len()) {
            assert_eq!(t.find(&ids[n], &h), Some(n as u32));
        }
        assert_eq!(t.find(&format!("{:016}", 363_200_000_000_002u64), &h), None);
        assert_eq!(t.find(&format!("{:015}", 363_200_000_000_001u64), &h), None);
        assert_eq!(t.ids(&[0, 2999, 3000].into())[&2999], ids[2999]);

        let mut t = IdTable::default();
        for id in &ids[1..] {
            t.add(id);
        }
        assert_eq!(t.add(&ids[0]), 2999);
        t.seal();
        let h = Hint::default();
        assert!(t.ascending.is_none());
        for (n, id) in ids[1..].iter().chain(&ids[..1]).enumerate() {
            assert_eq!(t.find(id, &h), Some(n as u32));
        }
    }
}
