//! Numbers and dates as Dutch files write them: decimal comma, dot thousands, `dd-mm-yyyy`.
//! Each parser either returns a value or says what form it expected; nothing is guessed.

/// Why a value could not be read, in the user's terms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{expected}")]
pub struct ValueError {
    /// The expected form, e.g. "a date like 2024-03-31 or 31-03-2024".
    pub expected: &'static str,
}

const DATE_EXPECTED: &str = "a date like 2024-03-31 or 31-03-2024";

/// Parses an ISO date (`2024-03-31`) or a Dutch one (`31-03-2024`, `31/03/2024`) and returns
/// it in ISO form. The calendar is checked (no 31 April, 29 February only in leap years).
pub fn parse_date(s: &str) -> Result<String, ValueError> {
    let s = s.trim();
    let bad = ValueError {
        expected: DATE_EXPECTED,
    };
    let mut parts = s.split(['-', '/']);
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad);
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad);
    }
    let (y, m, d) = match (a.len(), c.len()) {
        (4, 1..=2) if s.as_bytes()[4] == b'-' => (a, b, c),
        (1..=2, 4) => (c, b, a),
        _ => return Err(bad),
    };
    if m.len() > 2 {
        return Err(bad);
    }
    // At most 4, 2 and 2 ASCII digits: no overflow, no parse error.
    let num = |t: &str| t.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    let (y, m, d) = (num(y), num(m), num(d));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad),
    };
    if !(1800..=2200).contains(&y) || d == 0 || d > days {
        return Err(bad);
    }
    // `YYYY-MM-DD`, written without the formatting machinery (this runs for every date of a
    // national import).
    let digit = |n: u32| char::from(b'0' + n as u8);
    let mut out = String::with_capacity(10);
    for (i, ch) in [
        y / 1000,
        y / 100 % 10,
        y / 10 % 10,
        y % 10,
        m / 10,
        m % 10,
        d / 10,
        d % 10,
    ]
    .into_iter()
    .enumerate()
    {
        if i == 4 || i == 6 {
            out.push('-');
        }
        out.push(digit(ch));
    }
    Ok(out)
}

const DECIMAL_EXPECTED: &str = "a number like 3,5 or 1.234,56 (decimal comma) or 3.5";

/// Parses a decimal number as Dutch exports write it: `3,5`, `1.234,56`, `-0,25`, `1234`, and
/// also `3.5`. A lone dot followed by exactly three digits (`1.234`) is ambiguous and refused, as
/// are NaN, infinities and exponents.
pub fn parse_decimal(s: &str) -> Result<f64, ValueError> {
    let bad = ValueError {
        expected: DECIMAL_EXPECTED,
    };
    let t = s.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return Err(bad);
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let normal: String = match (dots, commas) {
        (0, 0) => body.to_owned(),
        (0, 1) => body.replace(',', "."),
        (1, 0) => {
            let after = body.split('.').nth(1).unwrap_or("");
            if after.len() == 3 {
                return Err(ValueError {
                    expected: "an unambiguous number: 1.234 could mean 1234 or 1,234; write 1234 or 1,234",
                });
            }
            body.to_owned()
        }
        (_, 0 | 1) => {
            // Dots as thousands separators: groups of three digits before the comma.
            let (int, frac) = body.split_once(',').unwrap_or((body, ""));
            let groups: Vec<&str> = int.split('.').collect();
            let grouped = !groups[0].is_empty()
                && groups[0].len() <= 3
                && groups[1..].iter().all(|g| g.len() == 3);
            if !grouped {
                return Err(bad);
            }
            let digits = groups.concat();
            if frac.is_empty() {
                digits
            } else {
                format!("{digits}.{frac}")
            }
        }
        _ => return Err(bad),
    };
    if normal.starts_with('.') || normal.ends_with('.') {
        return Err(bad);
    }
    let v: f64 = normal.parse().map_err(|_| bad.clone())?;
    if !v.is_finite() {
        return Err(bad);
    }
    Ok(if neg { -v } else { v })
}

/// Parses a whole non-negative count (`0`, `12`, `1.234` with dot thousands is refused as
/// ambiguous; write `1234`).
pub fn parse_count(s: &str) -> Result<i64, ValueError> {
    let t = s.trim();
    if t.is_empty() || t.len() > 12 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueError {
            expected: "a whole number of 0 or more, like 12",
        });
    }
    t.parse().map_err(|_| ValueError {
        expected: "a whole number of 0 or more, like 12",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-03-31").unwrap(), "2024-03-31");
        assert_eq!(parse_date("31-03-2024").unwrap(), "2024-03-31");
        assert_eq!(parse_date("1-2-2024").unwrap(), "2024-02-01");
        assert_eq!(parse_date("29-02-2024").unwrap(), "2024-02-29");
        for bad in [
            "29-02-2023",
            "31-04-2024",
            "2024-13-01",
            "2024/03/31x",
            "03-31",
            "",
            "2024-3",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn decimals() {
        assert_eq!(parse_decimal("3,5").unwrap(), 3.5);
        assert_eq!(parse_decimal("1.234,56").unwrap(), 1234.56);
        assert_eq!(parse_decimal("1.234.567").unwrap(), 1_234_567.0);
        assert_eq!(parse_decimal("-0,25").unwrap(), -0.25);
        assert_eq!(parse_decimal("3.5").unwrap(), 3.5);
        assert_eq!(parse_decimal("250000").unwrap(), 250000.0);
        for bad in [
            "1.234", "NaN", "inf", "1e308", "1,2,3", "12.34.5", "", ",5", "5,", "1.23,4.5",
        ] {
            assert!(parse_decimal(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count(" 12 ").unwrap(), 12);
        assert!(parse_count("-1").is_err());
        assert!(parse_count("1,5").is_err());
    }
}
