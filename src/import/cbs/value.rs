//! Cells of CBS tables: numbers as CBS writes them (decimal point, padded with spaces in
//! StatLine exports), the missing-value markers, and period values (`2019`, `2019JJ00`).

/// What one statistic cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell {
    /// A number.
    Number(f64),
    /// A missing value: empty, `.` (missing), `x` (secret), `?`, or the shapefile
    /// markers `-99999999`/`-99999998`/`-99999997`. Stored as NULL, never as 0.
    Missing,
    /// Anything else.
    Text,
}

/// What a problem with a text cell says was expected.
pub(crate) const NUMBER_EXPECTED: &str =
    "expected a number like 12 or 3.5, or `.` for a missing value";

/// Reads one statistic cell.
pub(crate) fn parse_cell(raw: &str) -> Cell {
    let t = raw.trim();
    if matches!(t, "" | "." | "x" | "X" | "?") {
        return Cell::Missing;
    }
    if t == "-" {
        return Cell::Number(0.0); // CBS: "nihil"
    }
    match parse_number(t) {
        Some(v) if is_marker(v) => Cell::Missing,
        Some(v) => Cell::Number(v),
        None => Cell::Text,
    }
}

/// The shapefile convention for missing (-99999999) and secret (-99999997) values.
fn is_marker(v: f64) -> bool {
    (-99_999_999.0..=-99_999_997.0).contains(&v) && v.fract() == 0.0
}

/// A plain decimal: optional sign, digits, optional fraction after a point (or after a single
/// comma when there is no point), optional exponent (`1e-05`, as pandas writes). No thousands
/// separators, no NaN or infinity.
fn parse_number(t: &str) -> Option<f64> {
    let comma = t.contains(',');
    if comma && (t.contains('.') || t.matches(',').count() > 1) {
        return None;
    }
    let t = if comma {
        t.replace(',', ".")
    } else {
        t.to_owned()
    };
    let body = t.strip_prefix(['-', '+']).unwrap_or(&t);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) || mantissa.ends_with('.')
    {
        return None;
    }
    if let Some(e) = exponent {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        if e.is_empty() || !digits(e) {
            return None;
        }
    }
    let v: f64 = t.parse().ok()?;
    // `-0` is 0; NaN and infinities (`1e999`) are not numbers.
    v.is_finite().then_some(if v == 0.0 { 0.0 } else { v })
}

/// A year from a year or period cell: `2023`, `2019JJ00` (StatLine period code), `2023.0`,
/// `2023*` (provisional figures).
pub(crate) fn parse_year(raw: &str) -> Option<i32> {
    let t = raw.trim();
    let (digits, rest) = (t.get(..4)?, &t[4..]);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !(rest.is_empty() || rest.starts_with("JJ") || rest == ".0" || rest == "*") {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        assert_eq!(parse_cell("  457400"), Cell::Number(457400.0));
        assert_eq!(parse_cell("  -0.100"), Cell::Number(-0.1));
        assert_eq!(parse_cell("   1.010"), Cell::Number(1.01));
        assert_eq!(parse_cell("1e-05"), Cell::Number(0.00001));
        assert_eq!(parse_cell("3,5"), Cell::Number(3.5));
        assert_eq!(parse_cell(".5"), Cell::Number(0.5));
        assert_eq!(parse_cell(" - "), Cell::Number(0.0), "CBS nihil");
        assert!(matches!(parse_cell("-0"), Cell::Number(v) if v.is_sign_positive()));
        for missing in [
            "       .",
            "",
            ".",
            "x",
            "-99999999",
            "-99999999.0",
            "-99999997",
        ] {
            assert_eq!(parse_cell(missing), Cell::Missing, "{missing}");
        }
        for text in [
            "NEE", "1.234,5", "1,2,3", "NaN", "inf", "12a", "1.", "--1", "1e", "e5",
        ] {
            assert_eq!(parse_cell(text), Cell::Text, "{text}");
        }
    }

    #[test]
    fn years() {
        assert_eq!(parse_year("2019"), Some(2019));
        assert_eq!(parse_year(" 2019JJ00 "), Some(2019));
        assert_eq!(parse_year("2023.0"), Some(2023));
        assert_eq!(parse_year("2023*"), Some(2023));
        assert_eq!(parse_year("19"), None);
        assert_eq!(parse_year("20190"), None);
        assert_eq!(parse_year("1066"), None);
        assert_eq!(parse_year("twee"), None);
    }
}
