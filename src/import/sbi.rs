//! The `sbi` import profile: the Standaard Bedrijfsindeling (SBI 2008, CBS) as a list of codes:
//! `code_dotted` (`56.10.1`), `code_digits` (KvK style, `56101`; derived from the dotted form
//! when absent), `level` (section, division, group, class, subclass; derived from the code
//! when absent), `section` (A–U) and `omschrijving`. Non-breaking and trailing spaces are
//! removed. Each code is checked: its digits, its level and its dotted form must agree.

use super::columns::{ColumnSpec, Columns};
use super::reader::CsvFile;
use super::{ImportError, Job};
use crate::model::SbiEntry;
use crate::store::ImportTx;

const SPECS: &[ColumnSpec] = &[
    ColumnSpec::required("code_dotted", &["sbi", "sbi_code", "code", "dotted"]),
    ColumnSpec::optional("code_digits", &["kvk_code", "digits"]),
    ColumnSpec::optional("level", &["niveau"]),
    ColumnSpec::required("section", &["sectie"]),
    ColumnSpec::required(
        "omschrijving",
        &["label", "description", "titel", "title", "naam"],
    ),
];

const LEVELS: [&str; 5] = ["section", "division", "group", "class", "subclass"];

/// Reads an `sbi` file into the import transaction; returns the number of records read.
pub(crate) fn read(
    file: &mut CsvFile,
    tx: &mut ImportTx<'_>,
    job: &mut Job<'_>,
) -> Result<u64, ImportError> {
    let columns = Columns::map(file.headers(), SPECS, file.delimiter()).map_err(|problems| {
        ImportError::Rows {
            path: file.path().to_owned(),
            problems,
        }
    })?;
    job.note_ignored(&columns.ignored);
    let mut rows = 0;
    while let Some(row) = job.next_row(file)? {
        rows += 1;
        let get = |name| columns.get(&row, name).map(clean);
        let dotted = get("code_dotted").unwrap_or_default();
        let section = get("section").unwrap_or_default();
        let Some(digits) = code_digits(&dotted) else {
            job.problems.field(
                row.line,
                &columns.header("code_dotted"),
                "expected an SBI code like A, 01, 47.11 or 56.10.1",
                &dotted,
            );
            continue;
        };
        let level = LEVELS[digits.len().saturating_sub(1).min(4)];
        if let Some(given) = get("code_digits").filter(|g| *g != digits) {
            job.problems.field(
                row.line,
                &columns.header("code_digits"),
                format!("expected {digits}, the code {dotted} without dots"),
                &given,
            );
            continue;
        }
        if let Some(given) = get("level").filter(|g| g.to_lowercase() != level) {
            job.problems.field(
                row.line,
                &columns.header("level"),
                format!("expected {level} for code {dotted}"),
                &given,
            );
            continue;
        }
        let section_ok = section.len() == 1
            && section.as_bytes()[0].is_ascii_uppercase()
            && section.as_str() <= "U"
            && (digits.len() > 1 || digits == section);
        if !section_ok {
            job.problems.field(
                row.line,
                &columns.header("section"),
                "expected the section letter A to U (for a section row: its own letter)",
                &section,
            );
            continue;
        }
        let Some(label) = get("omschrijving").filter(|l| !l.is_empty()) else {
            job.problems.field(
                row.line,
                &columns.header("omschrijving"),
                "expected the description of the code",
                "",
            );
            continue;
        };
        let entry = SbiEntry {
            code: digits,
            dotted,
            level: level.to_owned(),
            section,
            label,
        };
        let result = tx.put_sbi(&entry, row.line);
        job.put(file, row.line, result)?;
    }
    Ok(rows)
}

/// Text with non-breaking spaces as plain spaces, runs of spaces collapsed, trimmed.
fn clean(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The KvK-style code of a dotted SBI code: a section letter (`A`), or 2–5 digits from
/// `01`, `01.1`, `01.11`, `01.11.1` (a division written as `1` is refused: ambiguous after
/// Excel dropped its zero).
fn code_digits(dotted: &str) -> Option<String> {
    if dotted.len() == 1 && dotted.as_bytes()[0].is_ascii_uppercase() {
        return Some(dotted.to_owned());
    }
    let parts: Vec<&str> = dotted.split('.').collect();
    let shape_ok = match parts.as_slice() {
        [d] => d.len() == 2,
        [d, g] => d.len() == 2 && (1..=2).contains(&g.len()),
        [d, g, s] => d.len() == 2 && g.len() == 2 && s.len() == 1,
        _ => false,
    };
    let digits: String = parts.concat();
    (shape_ok && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::testing::{import, import_err};
    use crate::store::Store;

    #[test]
    fn dotted_codes() {
        assert_eq!(code_digits("A").as_deref(), Some("A"));
        assert_eq!(code_digits("01").as_deref(), Some("01"));
        assert_eq!(code_digits("01.1").as_deref(), Some("011"));
        assert_eq!(code_digits("47.11").as_deref(), Some("4711"));
        assert_eq!(code_digits("56.10.1").as_deref(), Some("56101"));
        for bad in ["1", "a", "471", "56.1.1", "56.10.12", "5x.10", ""] {
            assert_eq!(code_digits(bad), None, "{bad}");
        }
        assert_eq!(clean("\u{a0}01.19.2 \u{a0}"), "01.19.2");
        assert_eq!(clean("Teelt\u{a0}van  gewassen "), "Teelt van gewassen");
    }

    #[test]
    fn reads_codes_and_trims_nbsp() {
        let text = "code_dotted,code_digits,level,section,omschrijving\n\
            A,A,section,A,\"Landbouw, bosbouw en visserij\"\n\
            01\u{a0},01,division,A,Landbouw\n\
            96.02.1 ,96021,subclass,S,Haarverzorging\u{a0}\n";
        let mut store = Store::open_in_memory().unwrap();
        import(&mut store, "sbi", "sbi.csv", text, None);
        let e = store.sbi_entry("96021").unwrap().unwrap();
        assert_eq!(
            (
                e.dotted.as_str(),
                e.level.as_str(),
                e.section.as_str(),
                e.label.as_str()
            ),
            ("96.02.1", "subclass", "S", "Haarverzorging")
        );
        assert_eq!(store.sbi_entry("01").unwrap().unwrap().level, "division");
    }

    #[test]
    fn inconsistent_codes_are_problems() {
        let text = "code_dotted,code_digits,level,section,omschrijving\n\
            47.11,4711,group,G,Supermarkten\n\
            2,2,division,A,Bosbouw\n\
            56.10.1,56102,subclass,I,Restaurants\n";
        let e = import_err("sbi", "sbi.csv", text, None);
        assert!(e.contains("line 2, column `level`: expected class"), "{e}");
        assert!(e.contains("line 3, column `code_dotted`"), "{e}");
        assert!(
            e.contains("line 4, column `code_digits`: expected 56101"),
            "{e}"
        );
    }
}
