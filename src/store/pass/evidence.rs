//! How evidence writes numbers and windows, in Dutch: `36 maanden`, `14`, `60`, `62,5`.

use rusqlite::types::ValueRef;

use crate::lens::Months;

/// A window: `1 maand`, `36 maanden`.
pub(crate) fn months(m: Months) -> String {
    if m.0 == 1 {
        "1 maand".to_owned()
    } else {
        format!("{} maanden", m.0)
    }
}

/// A whole number as stored.
pub(crate) fn int(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(r) => format!("{r:.0}"),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        _ => "?".to_owned(),
    }
}

/// A decimal as stored, with a decimal comma when it has a fraction.
pub(crate) fn real(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(r) if r.fract() == 0.0 => format!("{r:.0}"),
        ValueRef::Real(r) => format!("{r:.1}").replace('.', ","),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        _ => "?".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_windows_read_as_dutch() {
        assert_eq!(months(Months(1)), "1 maand");
        assert_eq!(months(Months(36)), "36 maanden");
        assert_eq!(int(ValueRef::Integer(14)), "14");
        assert_eq!(real(ValueRef::Real(60.0)), "60");
        assert_eq!(real(ValueRef::Real(62.5)), "62,5");
    }
}
