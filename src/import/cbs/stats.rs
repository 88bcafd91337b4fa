//! One statistic column of a CBS table, read cell by cell in long form.
//!
//! A column is a statistic once it holds a number. Until then its missing cells wait (they are
//! stored as NULL when the first number arrives or when the file ends) and its text cells are
//! remembered. At the end of the file a column that held text and never a number is not a
//! statistic at all (a name or a flag such as `WATER = NEE`): nothing of it is stored and the
//! import notes it. A text cell in a column that does hold numbers is a problem with its line
//! and column. A column with only missing values is a statistic without data (all NULL).

use super::super::reader::CsvFile;
use super::super::{ImportError, Job};
use super::value::{Cell, NUMBER_EXPECTED, parse_cell};
use crate::model::{AreaCode, StatValue};
use crate::store::ImportTx;

/// One statistic column and what has been read of it.
pub(crate) struct StatColumn {
    /// The column's position in the row.
    pub index: usize,
    /// The header as the file writes it (the label of the key).
    pub header: String,
    /// The statistic key.
    pub key: String,
    state: State,
}

enum State {
    /// No number seen yet.
    Open {
        missing: Vec<(AreaCode, i32, u64)>,
        text: Vec<(u64, String)>,
    },
    /// A statistic: every cell is stored as it comes.
    Numeric,
}

/// What a column turned out to be at the end of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Stored as a statistic.
    Statistic,
    /// Text only: not a statistic, nothing stored.
    Text,
}

impl StatColumn {
    /// A column not read yet.
    pub fn new(index: usize, header: String, key: String) -> Self {
        StatColumn {
            index,
            header,
            key,
            state: State::Open {
                missing: Vec::new(),
                text: Vec::new(),
            },
        }
    }

    /// Reads this column's cell of one row of `area` in `year`.
    pub fn read(
        &mut self,
        raw: &str,
        at: (&AreaCode, i32, u64),
        file: &CsvFile,
        tx: &mut ImportTx<'_>,
        job: &mut Job<'_>,
    ) -> Result<(), ImportError> {
        let (area, year, line) = at;
        match (parse_cell(raw), &mut self.state) {
            (Cell::Number(v), State::Numeric) => {
                self.store(area, year, line, Some(v), file, tx, job)
            }
            (Cell::Number(v), State::Open { .. }) => {
                self.confirm(file, tx, job)?;
                self.store(area, year, line, Some(v), file, tx, job)
            }
            (Cell::Missing, State::Numeric) => self.store(area, year, line, None, file, tx, job),
            (Cell::Missing, State::Open { missing, .. }) => {
                missing.push((area.clone(), year, line));
                Ok(())
            }
            (Cell::Text, State::Numeric) => {
                job.problems.field(line, &self.header, NUMBER_EXPECTED, raw);
                Ok(())
            }
            (Cell::Text, State::Open { text, .. }) => {
                text.push((line, raw.chars().take(80).collect()));
                Ok(())
            }
        }
    }

    /// Decides what the column is once the file has been read, storing its waiting cells if
    /// it is a statistic.
    pub fn finish(
        &mut self,
        file: &CsvFile,
        tx: &mut ImportTx<'_>,
        job: &mut Job<'_>,
    ) -> Result<Verdict, ImportError> {
        if let State::Open { text, .. } = &self.state {
            if !text.is_empty() {
                return Ok(Verdict::Text);
            }
            self.confirm(file, tx, job)?;
        }
        Ok(Verdict::Statistic)
    }

    /// The column holds numbers: store the missing cells seen so far and report its text cells.
    fn confirm(
        &mut self,
        file: &CsvFile,
        tx: &mut ImportTx<'_>,
        job: &mut Job<'_>,
    ) -> Result<(), ImportError> {
        let State::Open { missing, text } = std::mem::replace(&mut self.state, State::Numeric)
        else {
            return Ok(());
        };
        for (line, raw) in text {
            job.problems
                .field(line, &self.header, NUMBER_EXPECTED, &raw);
        }
        for (area, year, line) in missing {
            self.store(&area, year, line, None, file, tx, job)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn store(
        &self,
        area: &AreaCode,
        year: i32,
        line: u64,
        value: Option<f64>,
        file: &CsvFile,
        tx: &mut ImportTx<'_>,
        job: &mut Job<'_>,
    ) -> Result<(), ImportError> {
        let stat = StatValue {
            area: area.clone(),
            year,
            key: self.key.clone(),
            value,
        };
        let result = tx.put_stat(&stat, line);
        job.put(file, line, result)
    }
}
