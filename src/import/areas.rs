//! The `areas` import profile: the CBS area dimension (`WijkenEnBuurten` of table 85984NED and
//! its yearly successors): `Key` (the code, padded to 10 characters), `Title` (the name),
//! `Municipality` (the gemeente code, checked against the code) and optionally `Year`.
//! `Description` and `DetailRegionCode` are not read. Every row upserts its area for the year,
//! with its parent by the nested-prefix rule (buurt → wijk → gemeente); `NL00` is the country.
//! The year comes from the `Year` column, else `--year`, else a year in the file name.

use super::columns::{ColumnSpec, Columns};
use super::reader::CsvFile;
use super::{ImportError, Job};
use crate::model::{Area, AreaCode};
use crate::store::ImportTx;

const SPECS: &[ColumnSpec] = &[
    ColumnSpec::required("key", &["code", "regiocode", "gwb_code", "area_code"]),
    ColumnSpec::required("title", &["naam", "name", "titel"]),
    ColumnSpec::optional("municipality", &["gm_code", "gemeente_code"]),
    ColumnSpec::optional("year", &["jaar"]),
];

/// Reads an `areas` file into the import transaction; returns the number of records read.
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
    if !columns.has("year") && !super::cbs::year_known(job, "`Year` column") {
        return Ok(0);
    }
    job.note_ignored(&columns.ignored);
    let mut rows = 0;
    while let Some(row) = job.next_row(file)? {
        rows += 1;
        let line = row.line;
        let raw = columns.get(&row, "key").unwrap_or("");
        let code = match AreaCode::parse(raw) {
            Ok(code) => code,
            Err(e) => {
                job.problems.field(
                    line,
                    &columns.header("key"),
                    format!("expected {}", e.expected),
                    raw,
                );
                continue;
            }
        };
        let Some(name) = columns.get(&row, "title") else {
            job.problems.field(
                line,
                &columns.header("title"),
                "expected the name of the area",
                "",
            );
            continue;
        };
        if let Some(gm) = columns.get(&row, "municipality") {
            let expected = code.gemeente();
            if AreaCode::parse(gm).ok() != expected {
                let message = match &expected {
                    Some(e) => format!("expected {e}, the gemeente of {code}"),
                    None => format!("expected no gemeente for {code}"),
                };
                job.problems
                    .field(line, &columns.header("municipality"), message, gm);
                continue;
            }
        }
        let year = match columns.get(&row, "year") {
            Some(raw) => match super::cbs::parse_year(raw) {
                Some(year) => year,
                None => {
                    job.problems.field(
                        line,
                        &columns.header("year"),
                        "expected a year like 2024",
                        raw,
                    );
                    continue;
                }
            },
            None => match job.year {
                Some(year) => year,
                None => {
                    job.problems.field(
                        line,
                        &columns.header("year"),
                        "expected a year like 2024 (or pass --year for rows without one)",
                        "",
                    );
                    continue;
                }
            },
        };
        let area = Area {
            code: code.clone(),
            level: code.level(),
            name: name.to_owned(),
            parent: code.parent(),
            year,
        };
        let result = tx.put_area(&area, line);
        job.put(file, line, result)?;
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use crate::import::testing::{import, import_err};
    use crate::model::AreaCode;
    use crate::store::Store;

    const LIST: &str = "\"Key\",\"Title\",\"Description\",\"Municipality\",\"DetailRegionCode\"\n\
        \"NL00      \",\"Nederland\",,\"\",\"\"\n\
        \"GM0363    \",\"Amsterdam\",\"Gemeente 'Amsterdam' (GM0363)\",\"GM0363\",\"GM0363\"\n\
        \"WK036300  \",\"Burgwallen-Oude Zijde\",\"Wijk\",\"GM0363\",\"WK036300\"\n\
        \"BU0363AD03\",\"Letterbuurt\",\"Buurt\",\"GM0363\",\"BU0363AD03\"\n";

    #[test]
    fn reads_the_area_dimension() {
        let mut store = Store::open_in_memory().unwrap();
        import(
            &mut store,
            "areas",
            "wijken_en_buurten_2024.csv",
            LIST,
            None,
        );
        let bu = store
            .area(&AreaCode::parse("BU0363AD03").unwrap(), 2024)
            .unwrap()
            .unwrap();
        assert_eq!(bu.name, "Letterbuurt");
        assert_eq!(bu.parent.unwrap().as_str(), "WK0363AD");
        let nl = store.area(&AreaCode::parse("NL00").unwrap(), 2024).unwrap();
        assert_eq!(nl.unwrap().name, "Nederland");
    }

    #[test]
    fn year_column_wins() {
        let mut store = Store::open_in_memory().unwrap();
        let text = "Key,Title,Municipality,Year\nGM0363,Amsterdam,GM0363,2021\n";
        import(&mut store, "areas", "gebieden.csv", text, None);
        let code = AreaCode::parse("GM0363").unwrap();
        assert!(store.area(&code, 2021).unwrap().is_some());
    }

    #[test]
    fn problems() {
        let e = import_err("areas", "gebieden.csv", LIST, None);
        assert!(e.contains("pass --year"), "{e}");
        let bad = "Key,Title,Municipality\nGM0363,Amsterdam,GM0363\nBU036,Kapot,GM0363\nWK036300,Wijk,GM0344\n";
        let e = import_err("areas", "gebieden_2024.csv", bad, None);
        assert!(
            e.contains("line 3, column `Key`: expected a CBS area code"),
            "{e}"
        );
        assert!(
            e.contains("line 4, column `Municipality`: expected GM0363"),
            "{e}"
        );
    }
}
