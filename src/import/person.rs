//! Raw identifiers of natural persons at import: read only with a pseudonymisation key
//! (`--pseudo-key`) and turned at once into keyed pseudonyms ([`crate::pseudo`]), so the raw
//! values never reach a record, the store or a message (problems show them as `(hidden)`).
//!
//! | column | aliases | value |
//! |---|---|---|
//! | `bsn` | `burgerservicenummer` | 9 digits (`.`, `-`, spaces allowed between them) that pass the 11-proef |
//! | `first_names` | `voornamen`, `voornaam`, `first_name` | given names |
//! | `name_prefix` | `tussenvoegsel` | `van der`, `de`, … |
//! | `surname` | `achternaam`, `geslachtsnaam`, `last_name` | family name |
//! | `birth_date` | `geboortedatum`, `date_of_birth` | `1970-01-31` or `31-01-1970` |
//!
//! A row's pseudonym comes from its BSN when it has one, otherwise from its full name with its
//! birth date (a name without a birth date is a problem). The full name is one column
//! (`name`/`naam`: in `parties` on a natural person's row, in `roles` and `ownership` always),
//! or the parts `voornamen`, `tussenvoegsel`, `achternaam` joined by spaces in that order, so
//! `Jan van der Berg` and `Jan` + `van der` + `Berg` give the same pseudonym. A party column
//! (`id` of a natural person in `parties`, `party` in roles, ownership and signals, a party's
//! `entity_id` in signals) may hold a BSN instead; a value there that looks like a BSN is never
//! shown, with or without a key. Other personal columns (voorletters, geboorteplaats, …) stay
//! refused by the column check.

use super::Job;
use super::columns::ColumnSpec;
use super::fields::{Fields, MAX_NAME};
use crate::model::{parse_date, parse_pseudonym};
use crate::pseudo::{self, PseudoKey, canonical};

/// The raw-identifier columns a profile adds when it is read with a key.
pub(crate) const COLUMNS: [ColumnSpec; 5] = [
    ColumnSpec::personal("bsn", &["burgerservicenummer"]),
    ColumnSpec::personal("first_names", &["voornamen", "voornaam", "first_name"]),
    ColumnSpec::personal("name_prefix", &["tussenvoegsel"]),
    ColumnSpec::personal("surname", &["achternaam", "geslachtsnaam", "last_name"]),
    ColumnSpec::personal("birth_date", &["geboortedatum", "date_of_birth"]),
];

/// The whole-name column of a link profile (roles, ownership) read with a key.
pub(crate) const LINK_NAME: ColumnSpec = ColumnSpec::personal("name", &["naam"]);

/// The name parts, in the order they are joined.
const NAME_PARTS: [&str; 3] = ["first_names", "name_prefix", "surname"];

/// What a row says about who a natural person is, through raw identifiers.
enum Raw {
    /// The row has no raw identifiers.
    Absent,
    /// The keyed pseudonym of the row's raw identifiers.
    Pseudonym(String),
    /// The row has raw identifiers with problems (already recorded).
    Invalid,
}

/// Turns the raw identifiers of one file into pseudonyms, counting them for the summary.
pub(crate) struct Pseudonymiser<'k> {
    key: Option<&'k PseudoKey>,
    made: u64,
}

impl<'k> Pseudonymiser<'k> {
    /// Pseudonymises with the import's key; without one, raw identifiers are refused.
    pub fn new(key: Option<&'k PseudoKey>) -> Self {
        Pseudonymiser { key, made: 0 }
    }

    /// The profile's column specs: `own`, plus the raw-identifier columns (and `extra`) when
    /// there is a key. With a key, `optional` columns (the party's pseudonym) become optional,
    /// since the raw identifiers may name the party instead.
    pub fn specs(
        &self,
        own: &[ColumnSpec],
        optional: &str,
        extra: &[ColumnSpec],
    ) -> Vec<ColumnSpec> {
        if self.key.is_none() {
            return own.to_vec();
        }
        own.iter()
            .map(|s| {
                if s.name == optional {
                    ColumnSpec::optional(s.name, s.aliases)
                } else {
                    *s
                }
            })
            .chain(COLUMNS.iter().copied())
            .chain(extra.iter().copied())
            .collect()
    }

    /// The party a row names: the pseudonym (or, with a key, a BSN) in `column`, or else the
    /// row's raw identifiers, whose whole name is in `full_name`. Both at once is a problem.
    pub fn party(
        &mut self,
        f: &mut Fields<'_>,
        column: &'static str,
        full_name: Option<&'static str>,
    ) -> Option<String> {
        let raw = self.identify(f, full_name);
        match (f.raw(column).is_some(), raw) {
            (true, Raw::Absent) => self.reference(f, column),
            (true, _) => {
                f.refuse_hidden(
                    column,
                    "give either a pseudonym or raw identifiers with --pseudo-key, not both",
                );
                None
            }
            (false, Raw::Pseudonym(p)) => Some(p),
            (false, Raw::Invalid) => None,
            (false, Raw::Absent) => f.required(column, parse_pseudonym),
        }
    }

    /// Reads a column that names a party: a pseudonym, or with a key a BSN that becomes one.
    /// A value that looks like a BSN is never shown in a problem.
    pub fn reference(&mut self, f: &mut Fields<'_>, column: &'static str) -> Option<String> {
        let raw = f.raw(column)?;
        if !canonical::looks_like_bsn(raw) {
            return f.optional(column, parse_pseudonym);
        }
        f.hide(column);
        match (self.key, canonical::bsn(raw)) {
            (Some(key), Ok(digits)) => {
                self.made += 1;
                Some(pseudo::pseudonym(key, &digits))
            }
            (Some(_), Err(e)) => {
                f.refuse_hidden(column, format!("expected {e}"));
                None
            }
            (None, _) => {
                f.refuse_hidden(
                    column,
                    "expected a pseudonym, not a BSN: 9 digits look like a citizen service number, which schouw never stores; import with --pseudo-key KEYFILE to pseudonymise it",
                );
                None
            }
        }
    }

    /// Whether raw identifiers are read (a key was given).
    pub fn keyed(&self) -> bool {
        self.key.is_some()
    }

    /// Whether the row has any value in the raw-identifier columns.
    pub fn has_raw(&self, f: &Fields<'_>) -> bool {
        self.key.is_some() && COLUMNS.iter().any(|c| f.raw(c.name).is_some())
    }

    /// Notes in the summary which key made the pseudonyms, by fingerprint only.
    pub fn note(&self, job: &mut Job<'_>) {
        if let Some(key) = self.key {
            job.notes.push(format!(
                "{} pseudonym(s) made from raw identifiers with key {} (fingerprint); the raw values were not stored",
                self.made,
                key.fingerprint()
            ));
        }
    }

    /// Reads a row's raw identifiers and returns their pseudonym.
    fn identify(&mut self, f: &mut Fields<'_>, full_name: Option<&'static str>) -> Raw {
        let Some(key) = self.key else {
            return Raw::Absent;
        };
        let raw = identify(f, key, full_name);
        if matches!(raw, Raw::Pseudonym(_)) {
            self.made += 1;
        }
        raw
    }
}

fn identify(f: &mut Fields<'_>, key: &PseudoKey, full_name: Option<&'static str>) -> Raw {
    for c in COLUMNS.iter().map(|c| c.name).chain(full_name) {
        f.hide(c);
    }
    if let Some(raw) = f.raw("bsn") {
        return match canonical::bsn(raw) {
            Ok(digits) => Raw::Pseudonym(pseudo::pseudonym(key, &digits)),
            Err(e) => {
                f.refuse_hidden("bsn", format!("expected {e}"));
                Raw::Invalid
            }
        };
    }
    let whole = full_name.and_then(|c| f.raw(c).map(|v| (c, v)));
    let parts: Vec<&str> = NAME_PARTS.iter().filter_map(|c| f.raw(c)).collect();
    let birth = f.raw("birth_date");
    if whole.is_none() && parts.is_empty() && birth.is_none() {
        return Raw::Absent;
    }
    let (column, name) = match (whole, parts.is_empty()) {
        (Some((column, _)), false) => {
            f.refuse_hidden(
                column,
                "give a person's name either whole or in parts (voornamen, tussenvoegsel, achternaam), not both",
            );
            return Raw::Invalid;
        }
        (Some((column, name)), true) => (column, name.to_owned()),
        (None, false) => {
            let first = NAME_PARTS.iter().find(|c| f.raw(c).is_some());
            (*first.unwrap_or(&"surname"), parts.join(" "))
        }
        (None, true) => {
            f.refuse_hidden(
                "birth_date",
                "a birth date is pseudonymised together with the person's name; give the name as well, or a BSN",
            );
            return Raw::Invalid;
        }
    };
    let name = canonical::name(&name);
    if name.chars().count() > MAX_NAME {
        f.refuse_hidden(
            column,
            format!("expected a name of at most {MAX_NAME} characters"),
        );
        return Raw::Invalid;
    }
    let Some(birth) = birth else {
        f.refuse_hidden(
            column,
            "a name is pseudonymised together with the birth date; give `geboortedatum` as well, or a BSN",
        );
        return Raw::Invalid;
    };
    match parse_date(birth) {
        Ok(iso) => Raw::Pseudonym(pseudo::pseudonym(
            key,
            &canonical::name_and_birth_date(&name, &iso),
        )),
        Err(_) => {
            f.refuse_hidden(
                "birth_date",
                "expected a birth date like 1970-01-31 or 31-01-1970",
            );
            Raw::Invalid
        }
    }
}

#[cfg(test)]
mod tests;
