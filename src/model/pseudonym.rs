//! Pseudonyms of parties. Parties reach schouw already pseudonymised (a keyed code assigned by a
//! designated role outside schouw, `domain.md` §10.6); schouw only checks that the key is a
//! plain code and refuses values that look like a citizen service number (BSN).

use super::ids::IdError;

/// The longest pseudonym accepted (an HMAC-SHA256 in hex is 64 characters).
pub const MAX_PSEUDONYM: usize = 64;

/// Parses a party's pseudonym: 1–64 characters from `A–Z a–z 0–9 - _ . : + / =`. Nine digits
/// (also written with dots, dashes or spaces) look like a BSN and are refused.
pub fn parse_pseudonym(s: &str) -> Result<String, IdError> {
    let s = s.trim();
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let only_digits_and_separators = s
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b' '));
    if digits == 9 && only_digits_and_separators {
        return Err(IdError {
            expected: "a pseudonym, not a BSN: 9 digits look like a citizen service number, which schouw must never store; replace it by the keyed pseudonym before importing",
        });
    }
    let ok = !s.is_empty()
        && s.chars().count() <= MAX_PSEUDONYM
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:+/=".contains(&b));
    if ok {
        Ok(s.to_owned())
    } else {
        Err(IdError {
            expected: "a pseudonym of 1 to 64 letters, digits or - _ . : + / = (like NP-3F9A2C)",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_and_bsn_lookalikes() {
        assert_eq!(parse_pseudonym(" NP-3F9A2C ").unwrap(), "NP-3F9A2C");
        assert_eq!(parse_pseudonym("01234567").unwrap(), "01234567");
        assert_eq!(parse_pseudonym("1234567890").unwrap(), "1234567890");
        for bsn in ["123456782", "1234.56.782", "123-456-782"] {
            let e = parse_pseudonym(bsn).unwrap_err();
            assert!(e.expected.contains("not a BSN"), "{bsn}");
        }
        for bad in ["", "Jan Jansen", "a;b", &"x".repeat(65)] {
            assert!(parse_pseudonym(bad).is_err(), "{bad}");
        }
    }
}
