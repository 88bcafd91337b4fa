//! [`AuditValue`]: a value of the log exactly as SQLite holds it, and its conversions to and
//! from rusqlite's values.

use rusqlite::types::{Value, ValueRef};

/// One stored value, exactly as SQLite returned it.
#[derive(Debug, Clone, PartialEq)]
pub enum AuditValue {
    /// SQL NULL.
    Null,
    /// An integer.
    Int(i64),
    /// A floating-point number (never written by schouw).
    Real(f64),
    /// Text.
    Text(String),
    /// A blob (never written by schouw).
    Blob(Vec<u8>),
}

pub(super) fn to_sql(v: AuditValue) -> Value {
    match v {
        AuditValue::Null => Value::Null,
        AuditValue::Int(i) => Value::Integer(i),
        AuditValue::Real(f) => Value::Real(f),
        AuditValue::Text(s) => Value::Text(s),
        AuditValue::Blob(b) => Value::Blob(b),
    }
}

pub(super) fn from_sql(v: ValueRef<'_>) -> AuditValue {
    match v {
        ValueRef::Null => AuditValue::Null,
        ValueRef::Integer(i) => AuditValue::Int(i),
        ValueRef::Real(f) => AuditValue::Real(f),
        // Invalid UTF-8 is kept as bytes: the verifier reports it instead of failing to read.
        ValueRef::Text(t) => match std::str::from_utf8(t) {
            Ok(s) => AuditValue::Text(s.to_owned()),
            Err(_) => AuditValue::Blob(t.to_vec()),
        },
        ValueRef::Blob(b) => AuditValue::Blob(b.to_vec()),
    }
}
