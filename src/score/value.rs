//! From raw numbers to an indicator value: numerator / denominator × scale, or the numerator
//! alone; absent data and small denominators give no value.

/// An indicator's value for one area, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// numerator / denominator × scale (or numerator × scale without denominator).
    Known(f64),
    /// Numerator or denominator is missing (or not a finite number).
    Absent,
    /// The denominator is below the threshold: a rate on so few would be an artefact.
    Suppressed {
        /// The denominator that was too small.
        denominator: f64,
    },
}

impl Value {
    /// The number, when known.
    pub fn known(self) -> Option<f64> {
        match self {
            Value::Known(v) => Some(v),
            _ => None,
        }
    }
}

/// Computes a value. `has_denominator` says whether the indicator divides (then a missing
/// denominator means absent data).
pub fn compute(
    numerator: Option<f64>,
    denominator: Option<f64>,
    has_denominator: bool,
    scale: f64,
    min_denominator: f64,
) -> Value {
    let Some(num) = numerator.filter(|n| n.is_finite()) else {
        return Value::Absent;
    };
    if !has_denominator {
        return Value::Known(num * scale);
    }
    match denominator.filter(|d| d.is_finite()) {
        None => Value::Absent,
        Some(d) if d < min_denominator || d <= 0.0 => Value::Suppressed { denominator: d },
        Some(d) => Value::Known(num / d * scale),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_rates_absence_and_suppression() {
        assert_eq!(
            compute(Some(3.0), Some(1500.0), true, 1000.0, 10.0),
            Value::Known(2.0)
        );
        assert_eq!(
            compute(Some(44.0), None, false, 1.0, 10.0),
            Value::Known(44.0)
        );
        assert_eq!(compute(None, Some(100.0), true, 1.0, 10.0), Value::Absent);
        assert_eq!(compute(Some(1.0), None, true, 1.0, 10.0), Value::Absent);
        assert_eq!(
            compute(Some(f64::NAN), None, false, 1.0, 10.0),
            Value::Absent
        );
        assert_eq!(
            compute(Some(1.0), Some(9.0), true, 1.0, 10.0),
            Value::Suppressed { denominator: 9.0 }
        );
        assert_eq!(
            compute(Some(0.0), Some(10.0), true, 100.0, 10.0),
            Value::Known(0.0)
        );
        assert_eq!(
            compute(Some(0.0), Some(0.0), true, 1.0, 0.0),
            Value::Suppressed { denominator: 0.0 }
        );
    }
}
