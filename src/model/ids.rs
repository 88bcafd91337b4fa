//! Identifiers as validated newtypes. Every constructor checks the official form and keeps the
//! text as text, so leading zeros survive. Error messages describe the expected form in the
//! words an analyst uses.

use std::fmt;

/// Why a value is not a valid identifier: what was expected, in the user's terms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{expected}")]
pub struct IdError {
    /// The expected form, e.g. "a postcode like 1234AB".
    pub expected: &'static str,
}

fn err<T>(expected: &'static str) -> Result<T, IdError> {
    Err(IdError { expected })
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

macro_rules! text_newtype {
    ($name:ident) => {
        impl $name {
            /// The identifier as stored: normalised text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

/// The level of a CBS area.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum AreaLevel {
    /// The whole country (`NL00`).
    Land,
    /// A municipality, `GM` + 4 digits.
    Gemeente,
    /// A district, `WK` + 6.
    Wijk,
    /// A neighbourhood, `BU` + 8.
    Buurt,
}

impl AreaLevel {
    /// The level's name as stored and shown (`gemeente`, `wijk`, `buurt`, `land`).
    pub fn as_str(self) -> &'static str {
        match self {
            AreaLevel::Land => "land",
            AreaLevel::Gemeente => "gemeente",
            AreaLevel::Wijk => "wijk",
            AreaLevel::Buurt => "buurt",
        }
    }

    /// Parses a level name as CBS files write it (`Gemeente`, `Wijk`, `Buurt`, `Land`, any case).
    pub fn parse(s: &str) -> Result<Self, IdError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "land" => Ok(AreaLevel::Land),
            "gemeente" => Ok(AreaLevel::Gemeente),
            "wijk" => Ok(AreaLevel::Wijk),
            "buurt" => Ok(AreaLevel::Buurt),
            _ => err("one of gemeente, wijk, buurt"),
        }
    }
}

impl fmt::Display for AreaLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A CBS area code: `GM0363`, `WK036300`, `BU03630000` (wijk and buurt parts may hold letters,
/// `BU0363AD03`), or `NL00` for the country. Padding spaces from StatLine are trimmed.
///
/// Held inline (at most ten ASCII bytes, zero-padded), so the copies that the scores of
/// every lens keep for 14,574 buurten cost no allocation. Comparison follows the text, as no
/// code holds a zero byte.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AreaCode {
    bytes: [u8; 10],
    len: u8,
}

impl AreaCode {
    /// A code from text already checked: ASCII, at most ten bytes.
    fn inline(s: &str) -> Self {
        let mut bytes = [0; 10];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        AreaCode {
            bytes,
            len: s.len() as u8,
        }
    }

    /// The identifier as stored: normalised text.
    pub fn as_str(&self) -> &str {
        // Only checked ASCII is ever stored, so this never falls back.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Display for AreaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for AreaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AreaCode").field(&self.as_str()).finish()
    }
}

const AREA_EXPECTED: &str = "a CBS area code like GM0363, WK036300 or BU03630000";

impl AreaCode {
    /// Parses and normalises an area code (trims spaces, upper-cases).
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let s = s.trim().to_ascii_uppercase();
        if !s.is_ascii() {
            return err(AREA_EXPECTED);
        }
        let ok = match s.get(..2) {
            Some("NL") => s == "NL00" || s == "NL01",
            Some("GM") => s.len() == 6 && all_digits(&s[2..]),
            Some("WK") => s.len() == 8 && all_digits(&s[2..6]) && alnum(&s[6..]),
            Some("BU") => s.len() == 10 && all_digits(&s[2..6]) && alnum(&s[6..]),
            _ => false,
        };
        if ok {
            Ok(AreaCode::inline(&s))
        } else {
            err(AREA_EXPECTED)
        }
    }

    /// The level this code names.
    pub fn level(&self) -> AreaLevel {
        match &self.as_str()[..2] {
            "GM" => AreaLevel::Gemeente,
            "WK" => AreaLevel::Wijk,
            "BU" => AreaLevel::Buurt,
            _ => AreaLevel::Land,
        }
    }

    /// The code of the enclosing area by the nested-prefix rule (buurt → wijk → gemeente);
    /// `None` for a gemeente or the country.
    pub fn parent(&self) -> Option<AreaCode> {
        match self.level() {
            AreaLevel::Buurt => Some(AreaCode::inline(&format!("WK{}", &self.as_str()[2..8]))),
            AreaLevel::Wijk => Some(AreaCode::inline(&format!("GM{}", &self.as_str()[2..6]))),
            _ => None,
        }
    }

    /// The gemeente this area lies in (itself for a gemeente).
    pub fn gemeente(&self) -> Option<AreaCode> {
        match self.level() {
            AreaLevel::Land => None,
            _ => Some(AreaCode::inline(&format!("GM{}", &self.as_str()[2..6]))),
        }
    }
}

fn alnum(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

/// A Dutch postcode, normalised to `1234AB`: four digits, the first not 0, two capital letters,
/// never SA, SD or SS.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode(String);
text_newtype!(Postcode);

impl Postcode {
    /// Parses `1234AB`, `1234 AB` or `1234ab`.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        const EXPECTED: &str =
            "a postcode like 1234AB (4 digits, first not 0, 2 letters, not SA/SD/SS)";
        let compact: String = s.trim().split(' ').collect::<String>().to_ascii_uppercase();
        let b = compact.as_bytes();
        let ok = b.len() == 6
            && (b'1'..=b'9').contains(&b[0])
            && b[1..4].iter().all(u8::is_ascii_digit)
            && b[4..].iter().all(u8::is_ascii_uppercase)
            && !matches!(&compact[4..], "SA" | "SD" | "SS");
        if ok {
            Ok(Postcode(compact))
        } else {
            err(EXPECTED)
        }
    }

    /// The four-digit PC4 area.
    pub fn pc4(&self) -> &str {
        &self.0[..4]
    }
}

/// A BAG identifier: 16 digits (gemeentecode, object type, sequence number), kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BagId(String);
text_newtype!(BagId);

impl BagId {
    /// Parses a 16-digit BAG id.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let s = s.trim();
        if s.len() == 16 && all_digits(s) {
            Ok(BagId(s.to_owned()))
        } else {
            err("a BAG id of 16 digits")
        }
    }
}

/// A KvK number: 8 digits, kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KvkNummer(String);
text_newtype!(KvkNummer);

impl KvkNummer {
    /// Parses an 8-digit KvK number.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let s = s.trim();
        if s.len() == 8 && all_digits(s) {
            Ok(KvkNummer(s.to_owned()))
        } else {
            err("a KvK number of 8 digits")
        }
    }
}

/// A KvK vestigingsnummer (establishment number): 12 digits, kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Vestigingsnummer(String);
text_newtype!(Vestigingsnummer);

impl Vestigingsnummer {
    /// Parses a 12-digit vestigingsnummer.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let s = s.trim();
        if s.len() == 12 && all_digits(s) {
            Ok(Vestigingsnummer(s.to_owned()))
        } else {
            err("a vestigingsnummer of 12 digits")
        }
    }
}

/// An SBI activity code in KvK style: 4 or 5 digits (`4711`, `56101`); dotted forms
/// (`56.10.1`) are accepted and normalised. Whether the code exists is checked against the
/// SBI table when it is loaded, not here.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SbiCode(String);
text_newtype!(SbiCode);

impl SbiCode {
    /// Parses a 4- or 5-digit SBI code, with or without dots.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let s = s.trim();
        let digits: String = if s.contains('.') {
            s.chars().filter(|c| *c != '.').collect()
        } else {
            s.to_owned()
        };
        if (4..=5).contains(&digits.len()) && all_digits(&digits) {
            Ok(SbiCode(digits))
        } else {
            err("an SBI code of 4 or 5 digits like 4711 or 56101")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_codes_and_hierarchy() {
        let b = AreaCode::parse(" bu0363ad03  ").unwrap();
        assert_eq!(b.as_str(), "BU0363AD03");
        assert_eq!(b.level(), AreaLevel::Buurt);
        assert_eq!(b.parent().unwrap().as_str(), "WK0363AD");
        assert_eq!(b.gemeente().unwrap().as_str(), "GM0363");
        assert_eq!(
            AreaCode::parse("WK036300")
                .unwrap()
                .parent()
                .unwrap()
                .as_str(),
            "GM0363"
        );
        assert!(AreaCode::parse("GM363").is_err());
        assert!(AreaCode::parse("BU03630").is_err());
        assert!(AreaCode::parse("XX036300").is_err());
        assert!(AreaCode::parse("BUAB630000").is_err());
        assert!(
            AreaCode::parse("BU012é000").is_err(),
            "multi-byte text is refused, not sliced"
        );
        assert!(AreaCode::parse("WK012é0").is_err());
    }

    #[test]
    fn postcodes() {
        assert_eq!(Postcode::parse("1012 ab").unwrap().as_str(), "1012AB");
        assert_eq!(Postcode::parse("1012AB").unwrap().pc4(), "1012");
        for bad in [
            "0123AB", "1012SA", "1012SD", "1012SS", "101AB", "1012A", "1012ABC", "",
        ] {
            assert!(Postcode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_keep_leading_zeros() {
        assert_eq!(KvkNummer::parse("01234567").unwrap().as_str(), "01234567");
        assert!(KvkNummer::parse("1234567").is_err());
        assert_eq!(
            BagId::parse("0363010000964973").unwrap().as_str(),
            "0363010000964973"
        );
        assert!(BagId::parse("363010000964973").is_err());
        assert!(Vestigingsnummer::parse("000012345678").is_ok());
        assert!(Vestigingsnummer::parse("00001234567a").is_err());
    }

    #[test]
    fn sbi_codes() {
        assert_eq!(SbiCode::parse("56.10.1").unwrap().as_str(), "56101");
        assert_eq!(SbiCode::parse("4711").unwrap().as_str(), "4711");
        assert!(SbiCode::parse("471").is_err());
        assert!(SbiCode::parse("471123").is_err());
    }
}
