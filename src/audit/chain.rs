//! The hash chain: how an entry is sealed and how a log is checked.
//!
//! Canonical serialisation: the bytes `schouw-audit-v1\0`, then for each of the 15 columns
//! before `hash` (in table order, `seq` … `prev_hash`) one tag byte (0 null, 1 integer, 2 real,
//! 3 text, 4 blob), an 8-byte big-endian length and the value's bytes (integers and reals as 8
//! big-endian bytes, text as UTF-8), and then `recipient` the same way when it is not null
//! (added later, after `hash`: entries without one serialise as before, so old logs keep their
//! hashes, and setting or removing a recipient changes the bytes). Length prefixes mean no
//! text can shift data between fields; tags mean a changed type counts as a change. `hash` =
//! hex SHA-256 of that.
//!
//! Verification walks the rows in `seq` order and reports the *first* bad entry:
//! - `seq` must be 1, 2, 3, … (a gap is a deletion or a renumbering);
//! - `prev_hash` must equal the previous entry's stored hash (64 zeros for seq 1): catches
//!   insertion, deletion and reordering even when the tamperer recomputed the entry's own hash;
//! - the stored hash must equal the recomputed one: catches any changed field;
//! - fields must be well-formed (known action and result, hex hashes) — only a forger who
//!   recomputed hashes can get past the hash check with a malformed field.
//!
//! An [`Anchor`] (a `seq` and hash written down earlier) catches tail truncation and a
//! recomputed chain, which the chain alone cannot.

use sha2::{Digest, Sha256};

use super::{Action, Entry, Object, Outcome, SessionInfo, is_sha256_hex};
use crate::store::{AUDIT_COLUMNS, AuditRow, AuditValue};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The domain separator at the start of every canonical serialisation.
const DOMAIN: &[u8] = b"schouw-audit-v1\0";

/// An entry with everything but its hash.
pub(crate) struct Unsealed<'a> {
    pub seq: i64,
    pub time: String,
    pub session: &'a SessionInfo,
    pub entry: &'a Entry,
    pub fingerprint: &'a str,
    pub prev_hash: String,
}

/// Builds the stored row of an entry, hash included.
pub(crate) fn seal(u: Unsealed<'_>) -> AuditRow {
    let text = |s: &str| AuditValue::Text(s.to_owned());
    let opt = |s: Option<&str>| s.map_or(AuditValue::Null, text);
    let e = u.entry;
    let mut values = vec![
        AuditValue::Int(u.seq),
        AuditValue::Text(u.time),
        text(&u.session.session),
        text(&u.session.user),
        text(&u.session.origin),
        text(e.action.as_str()),
        AuditValue::Text(e.object.to_stored()),
        text(e.outcome.as_str()),
        opt(e.lens.as_ref().map(|l| l.0.as_str())),
        opt(e.lens.as_ref().map(|l| l.1.as_str())),
        opt(e.purpose.as_deref()),
        e.rows
            .map_or(AuditValue::Null, |n| AuditValue::Int(n as i64)),
        opt(e.file_sha256.as_deref()),
        text(u.fingerprint),
        AuditValue::Text(u.prev_hash),
        // The hash's place, filled in below.
        AuditValue::Null,
        opt(e.recipient.as_deref()),
    ];
    values[HASH] = AuditValue::Text(hash_values(&values));
    AuditRow { values }
}

/// Where `hash` is among [`AUDIT_COLUMNS`]; `recipient` follows it.
const HASH: usize = 15;

/// The canonical serialisation of every column but `hash` (`recipient` only when set).
pub fn canonical(values: &[AuditValue]) -> Vec<u8> {
    let mut out = DOMAIN.to_vec();
    let recipient = values
        .get(HASH + 1)
        .filter(|v| !matches!(v, AuditValue::Null));
    for v in values.iter().take(HASH).chain(recipient) {
        let (tag, bytes): (u8, Vec<u8>) = match v {
            AuditValue::Null => (0, Vec::new()),
            AuditValue::Int(n) => (1, n.to_be_bytes().to_vec()),
            AuditValue::Real(f) => (2, f.to_bits().to_be_bytes().to_vec()),
            AuditValue::Text(s) => (3, s.as_bytes().to_vec()),
            AuditValue::Blob(b) => (4, b.clone()),
        };
        out.push(tag);
        out.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
        out.extend_from_slice(&bytes);
    }
    out
}

/// Hex SHA-256 of [`canonical`].
pub fn hash_values(values: &[AuditValue]) -> String {
    hex(&Sha256::digest(canonical(values)))
}

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// A point of the chain written down elsewhere: entry `seq` had hash `hash`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The entry.
    pub seq: i64,
    /// Its hash then.
    pub hash: String,
}

impl std::str::FromStr for Anchor {
    type Err = String;

    /// Parses `SEQ:HASH`, as `audit verify` prints it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (seq, hash) = s
            .split_once(':')
            .ok_or("expected SEQ:HASH, e.g. 42:3f2a…")?;
        let seq: i64 = seq
            .trim()
            .parse()
            .map_err(|_| "the part before ':' must be an entry number")?;
        let hash = hash.trim().to_ascii_lowercase();
        if seq < 1 || !is_sha256_hex(&hash) {
            return Err("expected SEQ:HASH with SEQ ≥ 1 and a 64-digit hex hash".into());
        }
        Ok(Anchor { seq, hash })
    }
}

/// The first bad entry and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Tamper {
    /// The first entry that does not check out.
    pub seq: i64,
    /// What is wrong, in words.
    pub problem: String,
}

/// The result of checking a log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Verification {
    /// Entries read.
    pub entries: usize,
    /// The last entry's seq and hash (write them down: they are the anchor for next time).
    pub last_seq: Option<i64>,
    /// The last entry's hash.
    pub last_hash: Option<String>,
    /// The first problem, if any: the log has been tampered with or damaged from here on.
    pub tamper: Option<Tamper>,
    /// Oddities that are not proof of tampering (the clock going backwards).
    pub warnings: Vec<String>,
}

impl Verification {
    /// Whether the chain checked out.
    pub fn is_intact(&self) -> bool {
        self.tamper.is_none()
    }
}

/// Checks `rows` (in `seq` order) and an optional anchor.
pub fn verify(rows: &[AuditRow], anchor: Option<&Anchor>) -> Verification {
    let mut v = Verification {
        entries: rows.len(),
        last_seq: None,
        last_hash: None,
        tamper: None,
        warnings: Vec::new(),
    };
    let mut prev_hash = GENESIS.to_owned();
    let mut prev_time = String::new();
    let mut anchor_seen = false;
    for (i, row) in rows.iter().enumerate() {
        let expected = i as i64 + 1;
        let seq = match row.values.first() {
            Some(AuditValue::Int(n)) => *n,
            _ => expected,
        };
        if let Err(problem) = check_row(row, seq, expected, &prev_hash) {
            // The first position where the log diverges: for a gap, the missing entry.
            v.tamper = Some(Tamper {
                seq: expected,
                problem,
            });
            return v;
        }
        if let Some(a) = anchor
            && a.seq == seq
        {
            anchor_seen = true;
            if text_at(row, 15) != Some(a.hash.as_str()) {
                v.tamper = Some(Tamper {
                    seq,
                    problem: "its hash differs from the anchor: the log was rewritten at or before this entry".into(),
                });
                return v;
            }
        }
        let time = text_at(row, 1).unwrap_or_default();
        if time < prev_time.as_str() {
            v.warnings.push(format!(
                "entry {seq}: the clock went backwards ({prev_time} before it, {time} here)"
            ));
        }
        prev_time = time.to_owned();
        prev_hash = text_at(row, 15).unwrap_or_default().to_owned();
        v.last_seq = Some(seq);
        v.last_hash = Some(prev_hash.clone());
    }
    if let Some(a) = anchor
        && !anchor_seen
    {
        v.tamper = Some(Tamper {
            seq: a.seq,
            problem: format!(
                "the anchored entry is missing: the log ends at {} entries, so its tail was cut off",
                rows.len()
            ),
        });
    }
    v
}

fn text_at(row: &AuditRow, i: usize) -> Option<&str> {
    match row.values.get(i) {
        Some(AuditValue::Text(s)) => Some(s),
        _ => None,
    }
}

fn check_row(row: &AuditRow, seq: i64, expected: i64, prev_hash: &str) -> Result<(), String> {
    if row.values.len() != AUDIT_COLUMNS.len() {
        return Err("the entry has the wrong number of fields".into());
    }
    if seq != expected {
        return Err(if seq > expected {
            format!(
                "entry {expected} is missing (the next one is {seq}): entries were deleted or renumbered"
            )
        } else {
            format!(
                "found entry number {seq} where entry {expected} belongs: entries were inserted or renumbered"
            )
        });
    }
    let stored = text_at(row, HASH)
        .filter(|h| is_sha256_hex(h))
        .ok_or("its hash field is damaged (not 64 hex digits)".to_owned())?;
    if text_at(row, 14) != Some(prev_hash) {
        return Err(if expected == 1 {
            "prev_hash of the first entry is not the genesis value (entries before it were removed, or prev_hash was changed)".into()
        } else {
            format!(
                "prev_hash does not match the hash of entry {}: an entry was inserted, removed or moved here, or prev_hash was changed",
                expected - 1
            )
        });
    }
    if hash_values(&row.values) != stored {
        return Err(
            "its contents do not match its hash: a field was changed after it was written".into(),
        );
    }
    check_fields(row)
}

/// Checks the meaning of each field of an entry whose hash is right.
fn check_fields(row: &AuditRow) -> Result<(), String> {
    for (i, name) in AUDIT_COLUMNS.iter().enumerate().skip(1) {
        if i == HASH {
            continue;
        }
        let v = &row.values[i];
        let ok = match (*name, v) {
            (
                "lens_id" | "lens_version" | "purpose" | "file_sha256" | "recipient",
                AuditValue::Null,
            ) => true,
            ("rows", AuditValue::Null) => true,
            ("rows", AuditValue::Int(n)) => *n >= 0,
            ("action", AuditValue::Text(s)) => Action::parse(s).is_some(),
            ("result", AuditValue::Text(s)) => Outcome::parse(s).is_some(),
            ("object", AuditValue::Text(s)) => Object::parse(s).is_some(),
            ("file_sha256" | "db_fingerprint" | "prev_hash", AuditValue::Text(s)) => {
                is_sha256_hex(s)
            }
            ("ts_utc", AuditValue::Text(s)) => looks_like_time(s),
            (_, AuditValue::Text(_)) => *name != "rows",
            _ => false,
        };
        if !ok {
            return Err(format!("field {name} is malformed"));
        }
    }
    Ok(())
}

fn looks_like_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> AuditValue {
        AuditValue::Text(s.to_owned())
    }

    #[test]
    fn fields_cannot_trade_bytes_or_types() {
        let base = vec![AuditValue::Int(1), t("ab"), t("c")];
        let shifted = vec![AuditValue::Int(1), t("a"), t("bc")];
        assert_ne!(hash_values(&base), hash_values(&shifted));
        let retyped = vec![AuditValue::Text("1".into()), t("ab"), t("c")];
        assert_ne!(hash_values(&base), hash_values(&retyped));
        let nulled = vec![AuditValue::Int(1), t("ab"), AuditValue::Null];
        let empty = vec![AuditValue::Int(1), t("ab"), t("")];
        assert_ne!(hash_values(&nulled), hash_values(&empty));
        // The hash column itself is not covered.
        let mut with_hash: Vec<AuditValue> = (0..16).map(AuditValue::Int).collect();
        let h = hash_values(&with_hash);
        with_hash[15] = t("anything");
        assert_eq!(hash_values(&with_hash), h);
    }

    #[test]
    fn hex_and_anchor_forms() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
        assert_eq!(GENESIS.len(), 64);
        assert!("0:".parse::<Anchor>().is_err());
        assert!(format!("3:{GENESIS}").parse::<Anchor>().is_ok());
    }
}
