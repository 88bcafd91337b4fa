//! A column of area numbers, one per entity: two bytes each while every number fits (the
//! 14.5k buurten of the Netherlands do), widened to four bytes the first time one does not.

use super::key::NO_AREA;

/// `NO_AREA` in the narrow form.
const NONE16: u16 = u16::MAX;

/// Area numbers by entity number ([`NO_AREA`] for none).
#[derive(Debug)]
pub(crate) enum AreaColumn {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Default for AreaColumn {
    fn default() -> Self {
        AreaColumn::Narrow(Vec::new())
    }
}

impl AreaColumn {
    /// Makes room for `n` more numbers.
    pub(crate) fn reserve(&mut self, n: usize) {
        match self {
            AreaColumn::Narrow(v) => v.reserve(n),
            AreaColumn::Wide(v) => v.reserve(n),
        }
    }

    /// Appends an area number.
    pub(crate) fn push(&mut self, area: u32) {
        if let AreaColumn::Narrow(v) = self {
            match u16::try_from(area) {
                Ok(a) if a != NONE16 => return v.push(a),
                _ if area == NO_AREA => return v.push(NONE16),
                _ => {
                    let wide = v.iter().map(|&a| widen(a)).collect();
                    *self = AreaColumn::Wide(wide);
                }
            }
        }
        if let AreaColumn::Wide(v) = self {
            v.push(area);
        }
    }

    /// The area number of entity `n`.
    pub(crate) fn get(&self, n: usize) -> u32 {
        match self {
            AreaColumn::Narrow(v) => widen(v[n]),
            AreaColumn::Wide(v) => v[n],
        }
    }
}

fn widen(a: u16) -> u32 {
    if a == NONE16 { NO_AREA } else { u32::from(a) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_past_two_bytes_widen_the_column_and_keep_the_earlier_ones() {
        let mut c = AreaColumn::default();
        c.push(7);
        c.push(NO_AREA);
        c.push(65_534);
        assert!(matches!(c, AreaColumn::Narrow(_)));
        c.push(65_535);
        assert!(matches!(c, AreaColumn::Wide(_)));
        c.push(NO_AREA);
        c.push(1_000_000);
        let got: Vec<u32> = (0..6).map(|n| c.get(n)).collect();
        assert_eq!(got, [7, NO_AREA, 65_534, 65_535, NO_AREA, 1_000_000]);
    }
}
