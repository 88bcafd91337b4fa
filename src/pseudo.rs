//! Pseudonymisation at import (`domain.md` §10.6, `security.md` C-11): this room owns the
//! keyed HMAC-SHA256 ([`hmac`]), reading the key file ([`key`]) and the canonical form of raw
//! identifiers ([`canonical`]). A raw identifier of a natural person becomes
//! `P-` + the first 20 hex characters (80 bits) of HMAC-SHA256(key, canonical input):
//!
//! * a BSN: its 9 digits (separators `.`, `-` and spaces removed), after the 11-proef;
//! * a name with a birth date: the name Unicode-lowercased, runs of whitespace collapsed to one
//!   space and trimmed, then the byte `0x1F`, then the birth date as `YYYY-MM-DD`.
//!
//! The same key gives the same pseudonym in every file and every import, so links between
//! parties, roles, ownership and signals survive; a different key gives unlinkable pseudonyms.
//! Nothing here prints, logs or keeps a raw value or the key.

pub mod canonical;
pub mod hmac;
pub mod key;

pub use canonical::{BsnError, bsn, looks_like_bsn, name_and_birth_date};
pub use key::{KeyError, MIN_KEY_BYTES, PseudoKey};

/// The prefix of keyed pseudonyms made by schouw.
pub const PREFIX: &str = "P-";

/// How many hex characters of the HMAC a pseudonym keeps (80 bits).
pub const HEX_CHARS: usize = 20;

/// The pseudonym of a canonical input (see [`canonical`]) under `key`.
pub fn pseudonym(key: &PseudoKey, canonical: &str) -> String {
    let mac = hmac::hmac_sha256(key.bytes(), canonical.as_bytes());
    let mut s = String::with_capacity(PREFIX.len() + HEX_CHARS);
    s.push_str(PREFIX);
    s.push_str(&hmac::hex(&mac)[..HEX_CHARS]);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_are_keyed_and_stable() {
        let a = PseudoKey::from_bytes(vec![1; 32]).unwrap();
        let b = PseudoKey::from_bytes(vec![2; 32]).unwrap();
        let p = pseudonym(&a, "123456782");
        assert_eq!(p.len(), 22);
        assert!(p.starts_with("P-"));
        assert!(p[2..].bytes().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(p, pseudonym(&a, "123456782"));
        assert_ne!(p, pseudonym(&b, "123456782"));
        assert_ne!(p, pseudonym(&a, "111222333"));
        let expected = &hmac::hex(&hmac::hmac_sha256(&[1; 32], b"123456782"))[..20];
        assert_eq!(&p[2..], expected);
        assert!(crate::model::parse_pseudonym(&p).is_ok());
    }
}
