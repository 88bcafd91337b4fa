//! The canonical inputs of the pseudonym HMAC, so that the same person gives the same input
//! however a file writes them:
//!
//! * BSN: the 9 digits, with `.`, `-` and spaces between them removed; the number must pass
//!   the 11-proef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, not all zeros). Missing
//!   leading zeros are not guessed.
//! * Name with birth date: the name Unicode-lowercased, every run of whitespace made one space,
//!   trimmed; then `\x1f`; then the birth date as ISO `YYYY-MM-DD`. No other normalisation is
//!   done (accents, diacritics and Unicode composition stay as written).

/// Why a value is not a BSN. Deliberately carries no part of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BsnError {
    /// Not 9 digits (with optional separators).
    Form,
    /// 9 digits that fail the 11-proef.
    ElevenTest,
}

impl std::fmt::Display for BsnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BsnError::Form => "a BSN of 9 digits (leading zeros written out)",
            BsnError::ElevenTest => {
                "a BSN that passes the 11-proef; this number does not, so it was mistyped or is not a BSN"
            }
        })
    }
}

/// The canonical form of a BSN: its 9 digits, checked with the 11-proef.
pub fn bsn(s: &str) -> Result<String, BsnError> {
    let s = s.trim();
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | ' '))
    {
        return Err(BsnError::Form);
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 9 {
        return Err(BsnError::Form);
    }
    let sum: i64 = digits
        .bytes()
        .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
        .map(|(d, w)| i64::from(d - b'0') * w)
        .sum();
    if sum % 11 != 0 || digits.bytes().all(|d| d == b'0') {
        return Err(BsnError::ElevenTest);
    }
    Ok(digits)
}

/// Whether a value looks like a BSN (9 digits, maybe with separators): such a value is
/// treated as a raw identifier and never shown.
pub fn looks_like_bsn(s: &str) -> bool {
    !matches!(bsn(s), Err(BsnError::Form))
}

/// The canonical form of a name: Unicode-lowercased, whitespace collapsed, trimmed.
pub fn name(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The canonical input for a name with an ISO birth date (`YYYY-MM-DD`, already validated).
pub fn name_and_birth_date(full_name: &str, birth_date_iso: &str) -> String {
    format!("{}\x1f{birth_date_iso}", name(full_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsn_eleven_test_and_separators() {
        assert_eq!(bsn("123456782").unwrap(), "123456782");
        assert_eq!(bsn(" 1234.56.782 ").unwrap(), "123456782");
        assert_eq!(bsn("123-456-782").unwrap(), "123456782");
        assert_eq!(bsn("111222333").unwrap(), "111222333");
        assert_eq!(bsn("123456789"), Err(BsnError::ElevenTest));
        assert_eq!(bsn("000000000"), Err(BsnError::ElevenTest));
        for bad in ["12345678", "1234567820", "12345678a", "", "NP-1"] {
            assert_eq!(bsn(bad), Err(BsnError::Form), "{bad}");
        }
        assert!(looks_like_bsn("123456789") && !looks_like_bsn("NP-123456789"));
        assert!(!BsnError::ElevenTest.to_string().contains("123"));
    }

    #[test]
    fn names_ignore_case_and_spacing() {
        let a = name_and_birth_date("  Jan  van der\tBERG ", "1970-01-31");
        assert_eq!(a, "jan van der berg\x1f1970-01-31");
        assert_eq!(a, name_and_birth_date("jan van der berg", "1970-01-31"));
        assert_eq!(name("ÉLODIE\u{a0}Ñúñez"), "élodie ñúñez");
        assert_ne!(a, name_and_birth_date("jan van der berg", "1970-01-30"));
        assert_ne!(a, name_and_birth_date("jan vander berg", "1970-01-31"));
    }
}
