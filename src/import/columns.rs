//! Column mapping: each profile names its columns with the aliases of the usual Dutch exports;
//! the file's header is matched once, forbidden personal-data columns are refused, unknown
//! columns are named and never stored.

use super::problem::{Problem, Problems};
use super::reader::{Row, delimiter_hint};

/// One column a profile reads.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    /// The canonical name (as `schouw gen` writes it and README documents it).
    pub name: &'static str,
    /// Other names it goes by in exports (matched after [`normalise`]).
    pub aliases: &'static [&'static str],
    /// Whether the file must have it.
    pub required: bool,
    /// Whether it holds a raw identifier of a natural person that is turned into a keyed
    /// pseudonym at once (only in profiles read with `--pseudo-key`); such a column may carry
    /// a name from the forbidden list.
    pub personal: bool,
}

impl ColumnSpec {
    /// A column the file must have.
    pub const fn required(name: &'static str, aliases: &'static [&'static str]) -> Self {
        ColumnSpec {
            name,
            aliases,
            required: true,
            personal: false,
        }
    }

    /// A column the file may have.
    pub const fn optional(name: &'static str, aliases: &'static [&'static str]) -> Self {
        ColumnSpec {
            name,
            aliases,
            required: false,
            personal: false,
        }
    }

    /// A column the file may have that holds a raw identifier to pseudonymise (see
    /// [`ColumnSpec::personal`]).
    pub const fn personal(name: &'static str, aliases: &'static [&'static str]) -> Self {
        ColumnSpec {
            name,
            aliases,
            required: false,
            personal: true,
        }
    }

    fn matches(&self, normalised: &str) -> bool {
        self.name == normalised || self.aliases.contains(&normalised)
    }
}

/// Column names that mean personal data schouw must never store (AVG data minimisation):
/// citizen service numbers, names and birth dates of natural persons. Only a profile read with
/// a pseudonymisation key accepts some of them, through [`ColumnSpec::personal`] columns.
const FORBIDDEN: &[&str] = &[
    "bsn",
    "burgerservicenummer",
    "sofinummer",
    "voornaam",
    "voornamen",
    "voorletters",
    "achternaam",
    "geslachtsnaam",
    "tussenvoegsel",
    "naam_persoon",
    "persoonsnaam",
    "geboortedatum",
    "geboortedag",
    "geboorteplaats",
    "birth_date",
    "date_of_birth",
    "first_name",
    "last_name",
    "surname",
];

/// Words that make any column personal data wherever they stand in its name
/// (`bsn_nummer`, `eigenaar_bsn`, `voornamen_partner`).
const FORBIDDEN_WORDS: &[&str] = &[
    "bsn",
    "burgerservicenummer",
    "sofinummer",
    "voornaam",
    "voornamen",
    "voorletters",
    "achternaam",
    "geslachtsnaam",
    "geboortedatum",
    "geboorteplaats",
];

/// Whether a normalised column name means personal data that must never be stored.
fn forbidden(n: &str) -> bool {
    FORBIDDEN.contains(&n) || n.split('_').any(|w| FORBIDDEN_WORDS.contains(&w))
}

/// Lower-case, trimmed, with spaces, dashes and dots as `_`: `KvK-nummer` → `kvk_nummer`.
pub fn normalise(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| {
            if matches!(c, ' ' | '-' | '.' | '/') {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// The header matched against a profile's columns.
#[derive(Debug, Clone)]
pub struct Columns {
    /// Canonical column name → field index. A short list: a linear scan beats hashing here,
    /// and it is looked up for every field of every row.
    index: Vec<(&'static str, usize)>,
    headers: Vec<String>,
    /// Columns of the file that the profile does not read (never stored).
    pub ignored: Vec<String>,
}

impl Columns {
    /// Matches `headers` against `specs`. Problems: forbidden columns, duplicate columns,
    /// missing required columns (with a delimiter hint when the header is one column).
    pub fn map(headers: &[String], specs: &[ColumnSpec], delimiter: u8) -> Result<Self, Problems> {
        let mut problems = Problems::default();
        let mut index: Vec<(&'static str, usize)> = Vec::new();
        let mut ignored = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            let n = normalise(h);
            let pseudonymised = specs.iter().any(|s| s.personal && s.matches(&n));
            if forbidden(&n) && !pseudonymised {
                problems.push(Problem {
                    line: 1,
                    column: Some(h.clone()),
                    message: "this column holds personal data that schouw must never store (BSN, names or birth dates of persons); remove the column, and give parties as pseudonyms".into(),
                    found: None,
                });
                continue;
            }
            match specs.iter().find(|s| s.matches(&n)) {
                Some(spec) => {
                    let prev = index.iter().find(|(n, _)| *n == spec.name).map(|&(_, p)| p);
                    if prev.is_none() {
                        index.push((spec.name, i));
                    }
                    if let Some(prev) = prev {
                        problems.push(Problem {
                            line: 1,
                            column: Some(h.clone()),
                            message: format!(
                                "column `{}` appears twice (also as column {}: `{}`)",
                                spec.name,
                                prev + 1,
                                headers[prev]
                            ),
                            found: None,
                        });
                    }
                }
                None => ignored.push(h.clone()),
            }
        }
        let missing: Vec<&str> = specs
            .iter()
            .filter(|s| s.required && !index.iter().any(|(n, _)| *n == s.name))
            .map(|s| s.name)
            .collect();
        if !missing.is_empty() {
            let mut message = format!(
                "missing column{} {}",
                if missing.len() == 1 { "" } else { "s" },
                missing
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            match delimiter_hint(headers, delimiter) {
                Some(hint) => message = format!("{message}; {hint}"),
                None => message.push_str(&format!(
                    "; the file has {}",
                    headers
                        .iter()
                        .map(|h| format!("`{h}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
            problems.push(Problem {
                line: 1,
                column: None,
                message,
                found: None,
            });
        }
        if problems.is_empty() {
            Ok(Columns {
                index,
                headers: headers.to_vec(),
                ignored,
            })
        } else {
            Err(problems)
        }
    }

    /// Whether the file has this column.
    pub fn has(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// The value of a column in a row, trimmed; `None` when the column is absent or the value
    /// is empty.
    pub fn get<'r>(&self, row: &'r Row, name: &str) -> Option<&'r str> {
        let v = row.fields.get(self.position(name)?)?.trim();
        if v.is_empty() { None } else { Some(v) }
    }

    /// The column's name as the file writes it (for messages).
    pub fn header(&self, name: &str) -> String {
        self.position(name)
            .map(|i| self.headers[i].clone())
            .unwrap_or_else(|| name.to_owned())
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.index.iter().find(|(n, _)| *n == name).map(|&(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPECS: &[ColumnSpec] = &[
        ColumnSpec::required("kvk", &["kvk_nummer", "kvknummer"]),
        ColumnSpec::optional("postcode", &[]),
    ];

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn aliases_forbidden_and_missing() {
        let c = Columns::map(&h(&["KvK-nummer", "Postcode", "extra"]), SPECS, b',').unwrap();
        assert!(c.has("kvk") && c.has("postcode"));
        assert_eq!(c.ignored, ["extra"]);
        let p = Columns::map(&h(&["kvk", "BSN"]), SPECS, b',').unwrap_err();
        assert!(p.listed()[0].message.contains("never store"));
        for personal in [
            "BSN-nummer",
            "bsn eigenaar",
            "Voornamen partner",
            "geboortedatum_kind",
        ] {
            assert!(
                Columns::map(&h(&["kvk", personal]), SPECS, b',').is_err(),
                "{personal}"
            );
        }
        assert!(Columns::map(&h(&["kvk", "naam_bedrijf"]), SPECS, b',').is_ok());
        let p = Columns::map(&h(&["naam;score"]), SPECS, b',').unwrap_err();
        assert!(
            p.listed()[0]
                .message
                .contains("the delimiter is probably `;`"),
            "{}",
            p.listed()[0]
        );
        let p = Columns::map(&h(&["kvk", "kvknummer"]), SPECS, b',').unwrap_err();
        assert!(p.listed()[0].message.contains("appears twice"));
    }

    #[test]
    fn personal_columns_are_accepted_only_where_a_profile_pseudonymises_them() {
        const KEYED: &[ColumnSpec] = &[
            ColumnSpec::required("kvk", &[]),
            ColumnSpec::personal("bsn", &["burgerservicenummer"]),
        ];
        let c = Columns::map(&h(&["kvk", "Burgerservicenummer"]), KEYED, b',').unwrap();
        assert!(c.has("bsn"));
        let p = Columns::map(&h(&["kvk", "bsn", "geboorteplaats"]), KEYED, b',').unwrap_err();
        assert_eq!(p.total(), 1);
        assert_eq!(p.listed()[0].column.as_deref(), Some("geboorteplaats"));
        const PLAIN: &[ColumnSpec] = &[ColumnSpec::optional("bsn", &[])];
        assert!(Columns::map(&h(&["bsn"]), PLAIN, b',').is_err());
    }
}
