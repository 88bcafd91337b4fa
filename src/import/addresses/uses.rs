//! BAG gebruiksdoelen of an address: read from a `uses` list (`woonfunctie;winkelfunctie`)
//! and/or from the adres-plus 0/1 flag columns, validated against the BAG list and stored as
//! lower-case names joined by `,` in the BAG list's order.

use crate::import::fields::Fields;
use crate::model::BAG_USES;

/// The BAG gebruiksdoelen as column names (`overige_gebruiksfunctie`), in the order of
/// [`BAG_USES`], the names they are stored under; each is also a 0/1 flag column.
pub(super) const USES: &[&str] = &[
    "woonfunctie",
    "bijeenkomstfunctie",
    "celfunctie",
    "gezondheidszorgfunctie",
    "industriefunctie",
    "kantoorfunctie",
    "logiesfunctie",
    "onderwijsfunctie",
    "sportfunctie",
    "winkelfunctie",
    "overige_gebruiksfunctie",
];

/// Reads the uses of one row from the `uses` column and the flag columns; `None` when the row
/// names none. Problems are recorded in `f`.
pub(super) fn read(f: &mut Fields<'_>) -> Option<String> {
    let mut set = f.optional("uses", parse_list).unwrap_or(0);
    for (i, name) in USES.iter().enumerate() {
        if f.optional(name, flag) == Some(true) {
            set |= 1 << i;
        }
    }
    let names: Vec<&str> = BAG_USES
        .iter()
        .enumerate()
        .filter(|(i, _)| set & (1 << i) != 0)
        .map(|(_, n)| *n)
        .collect();
    (!names.is_empty()).then(|| names.join(","))
}

/// A list of gebruiksdoelen separated by `;` or `,`, as a set of bits in [`USES`] order.
fn parse_list(s: &str) -> Result<u16, &'static str> {
    const EXPECTED: &str = "BAG gebruiksdoelen separated by ; or , from woon-, bijeenkomst-, cel-, gezondheidszorg-, industrie-, kantoor-, logies-, onderwijs-, sport-, winkelfunctie, overige gebruiksfunctie";
    let mut set = 0u16;
    for part in s.split([';', ',']) {
        let name = part.trim().to_lowercase().replace([' ', '-'], "_");
        if name.is_empty() {
            continue;
        }
        let i = USES.iter().position(|u| *u == name).ok_or(EXPECTED)?;
        set |= 1 << i;
    }
    Ok(set)
}

/// A BAG adres-plus flag: `1` or `0`.
fn flag(s: &str) -> Result<bool, &'static str> {
    match s.trim() {
        "1" => Ok(true),
        "0" => Ok(false),
        _ => Err("0 or 1"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_flags() {
        assert_eq!(
            parse_list("Winkelfunctie; woonfunctie").unwrap(),
            0b10_0000_0001
        );
        assert_eq!(parse_list("overige gebruiksfunctie").unwrap(), 1 << 10);
        assert_eq!(parse_list("").unwrap(), 0);
        assert!(parse_list("woonfunctie;garage").is_err());
        assert_eq!(flag("1"), Ok(true));
        assert_eq!(flag("0"), Ok(false));
        assert!(flag("ja").is_err());
        assert_eq!(USES.len(), BAG_USES.len());
        for (column, stored) in USES.iter().zip(BAG_USES) {
            assert_eq!(column.replace('_', " "), *stored, "same order, same names");
        }
    }
}
