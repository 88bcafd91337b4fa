//! Packed ids that ascend, in about two bytes each: ids are kept in blocks, the first id of
//! each block in full and every other as its step from the id before it. BAG and KvK
//! exports list their ids in order, and neighbouring ids lie close together, so the steps
//! are small; a step too large for two bytes is kept in full beside the others. A lookup
//! tries the id found last and the one after it (rows of other tables mostly follow this
//! order), else finds the block by binary search over the first ids (a megabyte at
//! national scale) and walks at most one block.

/// Ids per block: the walk of one lookup at most.
const BLOCK: usize = 64;

/// The step that says "kept in full in `wide`".
const WIDE: u16 = u16::MAX;

/// Strictly ascending packed ids, numbered from 0 in the order they were added.
#[derive(Debug, Default)]
pub(super) struct Ascending {
    /// The first id of each block.
    firsts: Vec<u64>,
    /// Per block: where its first id kept in full lies in `wide`.
    wide_from: Vec<u32>,
    /// Per id: its step from the id before it (0 for the first of a block, [`WIDE`] when
    /// kept in `wide`).
    steps: Vec<u16>,
    /// The ids whose step does not fit, in order.
    wide: Vec<u64>,
    /// The last id added.
    top: Option<u64>,
}

impl Ascending {
    /// Makes room for `n` more ids.
    pub(super) fn reserve(&mut self, n: usize) {
        self.steps.reserve(n);
        self.firsts.reserve(n.div_ceil(BLOCK));
        self.wide_from.reserve(n.div_ceil(BLOCK));
    }

    /// How many ids there are.
    pub(super) fn len(&self) -> usize {
        self.steps.len()
    }

    /// Adds `packed` as the next id when it is above every id so far; `false` (nothing
    /// added) otherwise.
    pub(super) fn push(&mut self, packed: u64) -> bool {
        if self.top.is_some_and(|l| packed <= l) {
            return false;
        }
        if self.len() % BLOCK == 0 {
            self.firsts.push(packed);
            self.wide_from.push(self.wide.len() as u32);
            self.steps.push(0);
        } else {
            match u16::try_from(packed - self.top.unwrap_or(0)) {
                Ok(step) if step != WIDE => self.steps.push(step),
                _ => {
                    self.steps.push(WIDE);
                    self.wide.push(packed);
                }
            }
        }
        self.top = Some(packed);
        true
    }

    /// The ids of block `b` with their numbers, in order.
    fn block(&self, b: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
        let start = b * BLOCK;
        let end = (start + BLOCK).min(self.len());
        let mut value = self.firsts.get(b).copied().unwrap_or(0);
        let mut wide = self.wide_from.get(b).map_or(0, |&w| w as usize);
        (start..end).map(move |n| {
            if n > start {
                match self.steps[n] {
                    WIDE => {
                        value = self.wide[wide];
                        wide += 1;
                    }
                    step => value += u64::from(step),
                }
            }
            (n, value)
        })
    }

    /// The number of `packed`, if it is here. `last` is the number and id of an earlier
    /// find (or `(0, 0)`): the rows of other tables mostly follow this order, so that id
    /// and the one after it are tried first, then the block of `last`, then binary search.
    pub(super) fn find(&self, packed: u64, last: (usize, u64)) -> Option<usize> {
        let (n, p) = last;
        if p != 0 && n < self.len() {
            if p == packed {
                debug_assert_eq!(self.get(n), Some(p), "a hint of another table");
                return Some(n);
            }
            let next = n + 1;
            if p < packed && next < self.len() {
                let value = match (next % BLOCK, self.steps[next]) {
                    (0, _) => Some(self.firsts[next / BLOCK]),
                    (_, WIDE) => None,
                    (_, step) => Some(p + u64::from(step)),
                };
                if value == Some(packed) {
                    return Some(next);
                }
            }
        }
        let b = self.block_of(packed, n / BLOCK)?;
        self.find_in(packed, b)
    }

    /// The block `packed` would lie in, if any: `hint` when it does, else found by binary
    /// search.
    fn block_of(&self, packed: u64, hint: usize) -> Option<usize> {
        let holds = |b: usize| {
            self.firsts.get(b).is_some_and(|&f| f <= packed)
                && self.firsts.get(b + 1).is_none_or(|&f| packed < f)
        };
        if holds(hint) {
            return Some(hint);
        }
        self.firsts.partition_point(|&f| f <= packed).checked_sub(1)
    }

    /// The number of `packed` in block `b`.
    fn find_in(&self, packed: u64, b: usize) -> Option<usize> {
        self.block(b)
            .take_while(|&(_, v)| v <= packed)
            .find(|&(_, v)| v == packed)
            .map(|(n, _)| n)
    }

    /// The id with number `n`.
    pub(super) fn get(&self, n: usize) -> Option<u64> {
        if n >= self.len() {
            return None;
        }
        self.block(n / BLOCK).nth(n % BLOCK).map(|(_, v)| v)
    }

    /// Every id in order, in full.
    pub(super) fn to_vec(&self) -> Vec<u64> {
        (0..self.firsts.len())
            .flat_map(|b| self.block(b).map(|(_, v)| v))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn build(ids: &[u64]) -> Ascending {
        let mut a = Ascending::default();
        for &id in ids {
            assert!(a.push(id));
        }
        a
    }

    proptest! {
        /// Any ascending ids, with steps of every size (small, at the two-byte edge, huge),
        /// come back by number and are found by value; values between them are not found.
        #[test]
        fn ascending_ids_are_kept_exactly(steps in prop::collection::vec(
            prop_oneof![1u64..4, 65_530u64..65_540, 1u64..1 << 40], 1..400)) {
            let ids: Vec<u64> = steps.iter().scan(0u64, |v, s| { *v += s; Some(*v) }).collect();
            let a = build(&ids);
            prop_assert_eq!(a.to_vec(), ids.clone());
            // Looked up in order (each lookup after the one before), out of order (the
            // last find far away), and with no earlier find.
            let mut last = (0, 0);
            for (n, &id) in ids.iter().enumerate() {
                prop_assert_eq!(a.get(n), Some(id));
                prop_assert_eq!(a.find(id, last), Some(n));
                prop_assert_eq!(a.find(id, (n, id)), Some(n));
                prop_assert_eq!(a.find(id, (0, 0)), Some(n));
                let far = ids.len() - 1 - n;
                prop_assert_eq!(a.find(id, (far, ids[far])), Some(n));
                if id > 1 && (n == 0 || ids[n - 1] != id - 1) {
                    prop_assert_eq!(a.find(id - 1, last), None);
                    prop_assert_eq!(a.find(id - 1, (n, id)), None);
                }
                last = (n, id);
            }
            prop_assert_eq!(a.find(0, (0, 0)), None);
            prop_assert_eq!(a.find(ids[ids.len() - 1] + 1, last), None);
            prop_assert_eq!(a.get(ids.len()), None);
        }
    }

    #[test]
    fn an_id_not_above_the_last_is_refused() {
        let mut a = build(&[5, 9]);
        assert!(!a.push(9));
        assert!(!a.push(3));
        assert!(a.push(10));
        assert_eq!(a.to_vec(), [5, 9, 10]);
    }
}
