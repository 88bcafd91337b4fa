//! Reading the fields of one row: the one place that says "take column X, parse it with P, or
//! record a problem naming the line, the column as the file writes it, the expected form and the
//! value found". Profiles ask for required and optional values and check [`Fields::ok`] before
//! building a record, so every value is validated exactly once and a row with any problem is
//! never stored (the orchestrator then refuses the whole file).

#[cfg(test)]
mod tests;

use std::fmt::Display;

use super::columns::{ColumnSpec, Columns};
use super::problem::{Problem, Problems};
use super::reader::{CsvFile, Row};
use super::{ImportError, Job};
use crate::model::{BagId, EntityKind};
use crate::store::{ImportTx, PutError, StoreError};

/// Matches the file's header against a profile's columns; header problems refuse the file.
pub(crate) fn columns(file: &CsvFile, specs: &[ColumnSpec]) -> Result<Columns, ImportError> {
    Columns::map(file.headers(), specs, file.delimiter()).map_err(|problems| ImportError::Rows {
        path: file.path().to_owned(),
        problems,
    })
}

/// Refuses the file for a problem with its header (line 1) that the column check cannot see.
pub(crate) fn header_problem(file: &CsvFile, message: &str) -> ImportError {
    let mut problems = Problems::default();
    problems.push(Problem {
        line: 1,
        column: None,
        message: message.to_owned(),
        found: None,
    });
    ImportError::Rows {
        path: file.path().to_owned(),
        problems,
    }
}

/// Turns a database failure while checking a row into the import's fatal error.
pub(crate) fn store_error(file: &CsvFile) -> impl Fn(StoreError) -> ImportError + '_ {
    |source| ImportError::Store {
        path: file.path().to_owned(),
        source,
    }
}

/// The loop every entity profile runs: each row becomes a record through `parse` (which
/// records the row's problems and returns `None` for a row that has any), and each record is
/// stored with `put`. Returns the number of records read.
pub(crate) fn read_records<'t, T>(
    file: &mut CsvFile,
    tx: &mut ImportTx<'t>,
    job: &mut Job<'_>,
    columns: &Columns,
    mut parse: impl FnMut(&mut Fields<'_>, &mut ImportTx<'t>) -> Result<Option<T>, StoreError>,
    put: impl Fn(&mut ImportTx<'t>, &T, u64) -> Result<(), PutError>,
) -> Result<u64, ImportError> {
    let mut rows = 0;
    // One row buffer for the whole file: its field texts are reused, not reallocated.
    let mut row = Row {
        line: 0,
        fields: Vec::new(),
    };
    while job.read_into(file, &mut row)? {
        rows += 1;
        let mut f = Fields::new(columns, &row, &mut job.problems);
        let Some(record) = parse(&mut f, tx).map_err(store_error(file))? else {
            continue;
        };
        match put(tx, &record, row.line) {
            // A reference the insert itself found missing: a problem of that column, as if
            // `parse` had looked it up.
            Err(PutError::UnknownReferenceIn { column, message }) => job.problems.field(
                row.line,
                &columns.header(column),
                message,
                columns.get(&row, column).unwrap_or(""),
            ),
            result => job.put(file, row.line, result)?,
        }
    }
    // References the store checks after the load: problems of their column, in line order.
    for m in tx.finish_load().map_err(store_error(file))? {
        job.problems.insert_in_order(Problem {
            line: m.line,
            column: Some(columns.header(&m.column)),
            message: m.message,
            found: Some(m.value),
        });
    }
    Ok(rows)
}

/// The fields of one row, with the problems found in them so far.
pub(crate) struct Fields<'a> {
    columns: &'a Columns,
    row: &'a Row,
    problems: &'a mut Problems,
    ok: bool,
    hidden: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    /// Refuses column `name` when the entity `id` of `kind` is not in the database; returns
    /// whether it is.
    pub fn require_known(
        &mut self,
        tx: &mut ImportTx<'_>,
        kind: EntityKind,
        name: &str,
        id: &str,
    ) -> Result<bool, StoreError> {
        let known = tx.entity_known(kind, id)?;
        if !known {
            self.refuse(name, kind.not_in_database(id));
        }
        Ok(known)
    }

    /// Starts reading `row`; problems go to `problems`.
    pub fn new(columns: &'a Columns, row: &'a Row, problems: &'a mut Problems) -> Self {
        Fields {
            columns,
            row,
            problems,
            ok: true,
            hidden: Vec::new(),
        }
    }

    /// Whether no problem was found in this row.
    pub fn ok(&self) -> bool {
        self.ok
    }

    /// The trimmed value of a column; `None` when the column is absent or the value empty.
    pub fn raw(&self, name: &str) -> Option<&'a str> {
        self.columns.get(self.row, name)
    }

    /// A value that must be present and valid. Parse errors describe the expected form.
    pub fn required<T, E: Display>(
        &mut self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, E>,
    ) -> Option<T> {
        match self.raw(name) {
            Some(_) => self.optional(name, parse),
            None => {
                let expected = parse("")
                    .err()
                    .map(|e| format!("; expected {e}"))
                    .unwrap_or_default();
                self.refuse(name, format!("a value is required{expected}"));
                None
            }
        }
    }

    /// A value that may be empty (or its column absent), but must be valid when given.
    pub fn optional<T, E: Display>(
        &mut self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, E>,
    ) -> Option<T> {
        let raw = self.raw(name)?;
        match parse(raw) {
            Ok(v) => Some(v),
            Err(e) => {
                self.refuse(name, format!("expected {e}"));
                None
            }
        }
    }

    /// Free text that must be present, at most `max_chars` characters.
    pub fn required_text(&mut self, name: &str, max_chars: usize) -> Option<String> {
        self.required(name, |s| text(s, max_chars))
    }

    /// Free text that may be empty, at most `max_chars` characters.
    pub fn text(&mut self, name: &str, max_chars: usize) -> Option<String> {
        self.optional(name, |s| text(s, max_chars))
    }

    /// A mark for [`Self::refuse_at`]: where the row's next problem goes.
    pub fn mark(&self) -> usize {
        self.problems.listed().len()
    }

    /// Like [`Self::refuse`] for a check done late: the problem is listed at `mark`, in the
    /// order it would have had if the check had been done when the mark was taken.
    pub fn refuse_at(&mut self, mark: usize, name: &str, message: impl Into<String>) {
        self.ok = false;
        let found = self.raw(name).unwrap_or("");
        self.problems.insert(
            mark,
            Problem {
                line: self.row.line,
                column: Some(self.columns.header(name)),
                message: message.into(),
                found: Some(found.to_owned()),
            },
        );
    }

    /// Records a problem with the value of `name` (the message says what is wrong and what to
    /// do; the value found is added).
    pub fn refuse(&mut self, name: &str, message: impl Into<String>) {
        // A value that may be a citizen service number is never echoed, whatever the column.
        let bsn_like = self.raw(name).is_some_and(crate::pseudo::looks_like_bsn);
        if self.hidden.contains(&name) || bsn_like {
            return self.refuse_hidden(name, message);
        }
        self.ok = false;
        let found = self.raw(name).unwrap_or("");
        self.problems
            .field(self.row.line, &self.columns.header(name), message, found);
    }

    /// Marks the value of `name` as a raw identifier of a person: later problems with it show
    /// it only as `(hidden)`.
    pub fn hide(&mut self, name: &'static str) {
        self.hidden.push(name);
    }

    /// Records a problem with a value that must never be shown (a raw identifier of a person):
    /// the problem names the line and the column, and the value found only as `(hidden)`.
    pub fn refuse_hidden(&mut self, name: &str, message: impl Into<String>) {
        self.ok = false;
        self.problems.push(Problem {
            line: self.row.line,
            column: Some(self.columns.header(name)),
            message: format!("{}; found (hidden)", message.into()),
            found: None,
        });
    }

    /// Records a problem with the row as a whole.
    pub fn refuse_row(&mut self, message: impl Into<String>) {
        self.ok = false;
        self.problems.row(self.row.line, message);
    }

    /// Records a problem when the date in column `last` lies before the one in `first`.
    pub fn dates_in_order(
        &mut self,
        first: &str,
        first_date: Option<&str>,
        last: &str,
        last_date: Option<&str>,
    ) {
        if let (Some(a), Some(b)) = (first_date, last_date) {
            // ISO dates compare correctly as text.
            if b < a {
                let message = format!(
                    "this date lies before `{}` ({a}); expected a date on or after it",
                    self.columns.header(first)
                );
                self.refuse(last, message);
            }
        }
    }
}

/// Why a text value is refused.
#[derive(Debug)]
pub(crate) struct TooLong {
    max: usize,
    found: usize,
}

impl Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "at most {} characters (found {}); shorten the text",
            self.max, self.found
        )
    }
}

/// Free text of at most `max_chars` characters, kept as written (trimmed).
pub(crate) fn text(s: &str, max_chars: usize) -> Result<String, TooLong> {
    let s = s.trim();
    // A character takes at least one byte: only a long text needs counting.
    let n = if s.len() <= max_chars {
        s.len()
    } else {
        s.chars().count()
    };
    if n > max_chars {
        Err(TooLong {
            max: max_chars,
            found: n,
        })
    } else {
        Ok(s.to_owned())
    }
}

/// A nummeraanduiding id, the key of an address: a BAG id with object type `20` in positions 5–6
/// (`domain.md` §9.2), so that a verblijfsobject or pand id given by mistake is caught.
pub(crate) fn nummeraanduiding_id(s: &str) -> Result<BagId, &'static str> {
    let id = BagId::parse(s).map_err(|e| e.expected)?;
    if &id.as_str()[4..6] == "20" {
        Ok(id)
    } else {
        Err(
            "a nummeraanduiding id: 16 digits with 20 in positions 5-6, like 0363200000081086 (01 there means a verblijfsobject id)",
        )
    }
}

/// The longest name or other short text field (street, trade name, role, source, kind).
pub(crate) const MAX_NAME: usize = 200;
