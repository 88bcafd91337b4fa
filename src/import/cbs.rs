//! The `cbs` import profile: CBS tables per area as CBS publishes them — KWB tables with the
//! official column codes (also the 2017 shapefile attributes), StatLine CSV exports, and
//! simple area tables with a code column. The format is recognised from the header
//! ([`layout`]); every numeric column becomes statistics in long form, one value per area and
//! column, keyed by the column code or a stable key derived from the header ([`key`]).
//!
//! Decisions:
//! - **Areas.** The area list (`schouw import … areas`) owns areas. A CBS table adds the areas
//!   it has that are not yet known for that year (name, level, parent by the nested-prefix
//!   rule; a file without names uses the code as name) and leaves known areas as they are, so
//!   replacing a CBS table never removes or renames an area another file defined.
//! - **Missing values** (`.`, `x`, `?`, empty, `-99999999`) are stored as NULL, never as 0.
//!   `-` is CBS's sign for *nihil* and is stored as 0.
//! - **Text columns.** A column that holds text and never a number (`WATER = NEE`, a province
//!   name) is not a statistic: it is not stored and the import notes it. A text value in a
//!   column that does hold numbers is a problem with its line and column.
//! - **Year.** A `jaar`/`Perioden` column, else `--year`, else a year in the file name; without
//!   any of these the file is refused with a request to pass `--year`.
//! - **Keys.** KWB keys are the KWB column codes (`a_inw`). The 2017 shapefile attributes have
//!   older, different codes (`AANT_INW` → `aant_inw`, `BEV_DICHTH` → `bev_dichth`); they are
//!   kept as they are and not mapped to the current codes (`a_inw`, `bev_dich`). Keys of simple
//!   tables are their lower-cased headers (`AantalInwoners_5` → `aantalinwoners_5`).

mod key;
mod labels;
mod layout;
mod stats;
mod value;

pub(crate) use value::parse_year;

use layout::{Format, Layout};
use stats::{StatColumn, Verdict};

use super::columns::Columns;
use super::reader::{CsvFile, Row};
use super::{ImportError, Job};
use crate::model::{Area, AreaCode, AreaLevel};
use crate::store::ImportTx;

/// Reads a `cbs` file into the import transaction; returns the number of records read.
pub(crate) fn read(
    file: &mut CsvFile,
    tx: &mut ImportTx<'_>,
    job: &mut Job<'_>,
) -> Result<u64, ImportError> {
    let headers = file.headers().to_vec();
    // Refuses personal-data columns; every column is read by position below.
    Columns::map(&headers, &[], file.delimiter()).map_err(|problems| ImportError::Rows {
        path: file.path().to_owned(),
        problems,
    })?;
    let layout = layout::detect(&headers, file.delimiter())
        .map_err(|message| ImportError::file(file.path(), message))?;
    if layout.year.is_none() && !year_known(job, "`jaar` or `Perioden` column") {
        return Ok(0);
    }
    job.notes
        .push(format!("read as {}", layout.format.describe()));
    job.note_ignored(&layout.skipped);
    let mut columns: Vec<StatColumn> = layout
        .stats
        .iter()
        .map(|(i, header, key)| StatColumn::new(*i, header.clone(), key.clone()))
        .collect();
    let mut rows = 0;
    while let Some(row) = job.next_row(file)? {
        rows += 1;
        let Some((code, year)) = area_of(&row, &layout, &headers, job) else {
            continue;
        };
        let before = job.problems.total();
        put_area(&row, &layout, &code, year, file, tx, job)?;
        if job.problems.total() > before {
            continue;
        }
        for column in &mut columns {
            column.read(
                &row.fields[column.index],
                (&code, year, row.line),
                file,
                tx,
                job,
            )?;
        }
    }
    let mut text = Vec::new();
    let mut stored = 0;
    for column in &mut columns {
        match column.finish(file, tx, job)? {
            Verdict::Text => text.push(column.header.clone()),
            Verdict::Statistic => {
                stored += 1;
                let label = match layout.format {
                    Format::StatLine => column.header.as_str(),
                    _ => labels::kwb_label(&column.key).unwrap_or(&column.header),
                };
                let result = tx.put_stat_key(&column.key, label);
                job.put(file, 1, result)?;
            }
        }
    }
    if !text.is_empty() {
        let list: Vec<String> = text
            .iter()
            .map(|c| format!("`{}`", crate::sanitize::field(c, 40)))
            .collect();
        job.notes.push(format!(
            "columns holding text, not numbers (not stored as statistics): {}",
            list.join(", ")
        ));
    }
    if stored == 0 && rows > 0 {
        job.notes
            .push("the file holds no statistics, only areas".to_string());
    }
    Ok(rows)
}

/// Whether the year is known without a year column; if not, records the problem. Notes a year
/// taken from the file name.
pub(crate) fn year_known(job: &mut Job<'_>, column: &str) -> bool {
    match job.year {
        Some(year) => {
            if job.year_from_name {
                job.notes.push(format!(
                    "year {year} taken from the file name; pass --year to choose another"
                ));
            }
            true
        }
        None => {
            job.problems.row(
                1,
                format!(
                    "the file does not say which year it describes: it has no {column} and its name holds no year; pass --year, e.g. --year 2024"
                ),
            );
            false
        }
    }
}

/// The area and year of a row, or `None` after recording the problem.
fn area_of(
    row: &Row,
    layout: &Layout,
    headers: &[String],
    job: &mut Job<'_>,
) -> Option<(AreaCode, i32)> {
    let raw = &row.fields[layout.code];
    let code = match AreaCode::parse(raw) {
        Ok(code) => code,
        Err(e) => {
            job.problems.field(
                row.line,
                &headers[layout.code],
                format!("expected {}", e.expected),
                raw,
            );
            return None;
        }
    };
    if let Some(i) = layout.level {
        let raw = row.fields[i].trim();
        if !raw.is_empty() {
            match AreaLevel::parse(raw) {
                Ok(level) if level == code.level() => {}
                Ok(level) => {
                    job.problems.field(
                        row.line,
                        &headers[i],
                        format!("the level is {level} but {code} is a {} code", code.level()),
                        raw,
                    );
                    return None;
                }
                Err(_) => {
                    job.problems.field(
                        row.line,
                        &headers[i],
                        "expected one of land, gemeente, wijk, buurt",
                        raw,
                    );
                    return None;
                }
            }
        }
    }
    for &i in &layout.parents {
        let raw = row.fields[i].trim();
        if raw.is_empty() {
            continue;
        }
        let expected = match AreaCode::parse(raw).map(|p| p.level()) {
            Ok(AreaLevel::Wijk) if code.level() == AreaLevel::Buurt => code.parent(),
            Ok(AreaLevel::Gemeente) => code.gemeente(),
            _ => None,
        };
        if expected.as_ref().map(AreaCode::as_str) != Some(raw.to_ascii_uppercase().as_str()) {
            let message = match expected {
                Some(e) => format!("expected {e}, which encloses {code} by the nested codes"),
                None => format!("expected the code of an area enclosing {code}"),
            };
            job.problems.field(row.line, &headers[i], message, raw);
            return None;
        }
    }
    let year = match layout.year.map(|i| row.fields[i].trim()) {
        Some(raw) if !raw.is_empty() => match parse_year(raw) {
            Some(year) => year,
            None => {
                let column = &headers[layout.year.unwrap_or_default()];
                job.problems
                    .field(row.line, column, "expected a year like 2023", raw);
                return None;
            }
        },
        _ => match job.year {
            Some(year) => year,
            None => {
                let column = &headers[layout.year.unwrap_or_default()];
                job.problems.field(
                    row.line,
                    column,
                    "expected a year like 2023 (or pass --year for rows without one)",
                    "",
                );
                return None;
            }
        },
    };
    Some((code, year))
}

/// Makes sure the area exists for the year (see the module documentation).
fn put_area(
    row: &Row,
    layout: &Layout,
    code: &AreaCode,
    year: i32,
    file: &CsvFile,
    tx: &mut ImportTx<'_>,
    job: &mut Job<'_>,
) -> Result<(), ImportError> {
    let name = layout
        .name
        .filter(|_| !layout.name_gemeente_only || code.level() == AreaLevel::Gemeente)
        .map(|i| row.fields[i].trim())
        .filter(|n| !n.is_empty());
    let area = Area {
        code: code.clone(),
        level: code.level(),
        name: name.unwrap_or(code.as_str()).to_owned(),
        parent: code.parent(),
        year,
    };
    let result = tx.ensure_area(&area, row.line).map(|_| ());
    job.put(file, row.line, result)
}

#[cfg(test)]
mod tests;
