//! Counts per address number in one byte each (a window rule counts millions of
//! addresses, almost all a few times), with the rare count past 254 kept aside exactly; and
//! marks per address number in one bit each.

use std::collections::HashMap;

/// The byte of a count kept in [`Tally::over`].
const OVER: u8 = u8::MAX;

/// A count per address number, growing as numbers come.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    counts: Vec<u8>,
    /// The counts past 254, exactly.
    over: HashMap<u32, u32>,
}

impl Tally {
    /// Adds one to the count of `n`; `len` is how many numbers there are (room is made for
    /// all of them at once).
    pub(crate) fn add(&mut self, n: u32, len: usize) {
        let at = n as usize;
        if self.counts.len() <= at {
            self.counts.resize(len.max(at + 1), 0);
        }
        match self.counts[at] {
            OVER => *self.over.entry(n).or_default() += 1,
            c if c == OVER - 1 => {
                self.counts[at] = OVER;
                self.over.insert(n, u32::from(OVER));
            }
            _ => self.counts[at] += 1,
        }
    }

    /// The count of `n`.
    pub(crate) fn get(&self, n: u32) -> u32 {
        match self.counts.get(n as usize) {
            Some(&OVER) => self.over.get(&n).copied().unwrap_or(0),
            Some(&c) => u32::from(c),
            None => 0,
        }
    }

    /// The numbers whose count is at least `min` (and above zero), with their counts, in
    /// number order.
    pub(crate) fn reaching(&self, min: u32) -> Vec<(u32, i64)> {
        let min = min.max(1);
        (0..self.counts.len() as u32)
            .filter(|&n| self.counts[n as usize] != 0)
            .map(|n| (n, self.get(n)))
            .filter(|&(_, c)| c >= min)
            .map(|(n, c)| (n, i64::from(c)))
            .collect()
    }
}

/// A mark per address number, one bit each.
#[derive(Debug, Default)]
pub(crate) struct Marks(Vec<u64>);

impl Marks {
    /// Marks `n`; `len` is how many numbers there are (room is made for all of them at once).
    pub(crate) fn mark(&mut self, n: u32, len: usize) {
        let word = n as usize / 64;
        if self.0.len() <= word {
            self.0.resize(len.div_ceil(64).max(word + 1), 0);
        }
        self.0[word] |= 1 << (n % 64);
    }

    /// Whether `n` is marked.
    pub(crate) fn has(&self, n: u32) -> bool {
        self.0
            .get(n as usize / 64)
            .is_some_and(|w| w & (1 << (n % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_past_a_byte_stay_exact() {
        let mut t = Tally::default();
        for _ in 0..300 {
            t.add(2, 5);
        }
        for _ in 0..254 {
            t.add(0, 5);
        }
        t.add(4, 5);
        assert_eq!(
            (t.get(0), t.get(1), t.get(2), t.get(4), t.get(9)),
            (254, 0, 300, 1, 0)
        );
        assert_eq!(t.reaching(255), [(2, 300)]);
        assert_eq!(t.reaching(0), [(0, 254), (2, 300), (4, 1)]);
        t.add(0, 5);
        assert_eq!(t.get(0), 255);
    }

    #[test]
    fn marks_are_kept_per_number_past_the_first_word() {
        let mut m = Marks::default();
        for n in [0, 63, 64, 200] {
            m.mark(n, 10);
        }
        let marked: Vec<u32> = (0..300).filter(|&n| m.has(n)).collect();
        assert_eq!(marked, [0, 63, 64, 200]);
    }
}
