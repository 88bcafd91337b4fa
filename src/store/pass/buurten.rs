//! The buurten a flagged entity lies in, as area numbers of the pass: almost always one,
//! held without an allocation (at national scale a pass holds hundreds of thousands of hits).

use super::key::NO_AREA;

/// Distinct area numbers, sorted; named as codes only when the flags are listed.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum Buurten {
    #[default]
    None,
    One(u32),
    /// Two or more.
    Many(Vec<u32>),
}

impl Buurten {
    /// The buurt `area`, or none for [`NO_AREA`].
    pub(crate) fn of(area: u32) -> Self {
        let mut out = Buurten::None;
        out.add(area);
        out
    }

    /// Adds `area` (nothing for [`NO_AREA`] or one already there).
    pub(crate) fn add(&mut self, area: u32) {
        if area == NO_AREA {
            return;
        }
        match self {
            Buurten::None => *self = Buurten::One(area),
            Buurten::One(a) if *a == area => {}
            Buurten::One(a) => {
                let (lo, hi) = if *a < area { (*a, area) } else { (area, *a) };
                *self = Buurten::Many(vec![lo, hi]);
            }
            Buurten::Many(v) => {
                if let Err(at) = v.binary_search(&area) {
                    v.insert(at, area);
                }
            }
        }
    }

    /// Adds every buurt of `other`.
    pub(crate) fn add_all(&mut self, other: &Buurten) {
        for &a in other.numbers() {
            self.add(a);
        }
    }

    /// The area numbers, sorted.
    pub(crate) fn numbers(&self) -> &[u32] {
        match self {
            Buurten::None => &[],
            Buurten::One(a) => std::slice::from_ref(a),
            Buurten::Many(v) => v,
        }
    }

    /// The codes, sorted, given the codes of the pass's area numbers.
    pub(crate) fn codes(&self, areas: &[String]) -> Vec<String> {
        let mut out: Vec<String> = self
            .numbers()
            .iter()
            .filter_map(|&a| areas.get(a as usize).cloned())
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buurten_stay_distinct_and_come_out_as_sorted_codes() {
        let areas: Vec<String> = ["BU3", "BU1", "BU2"].map(String::from).to_vec();
        let mut b = Buurten::of(NO_AREA);
        assert_eq!(b, Buurten::None);
        b.add(2);
        b.add(2);
        assert_eq!(b, Buurten::One(2));
        b.add(0);
        b.add_all(&Buurten::Many(vec![0, 1]));
        assert_eq!(b.numbers(), [0, 1, 2]);
        assert_eq!(b.codes(&areas), ["BU1", "BU2", "BU3"]);
    }
}
