//! Problems found while importing, phrased for analysts: file, line, column, what was expected
//! and a sanitised excerpt of what was found. Up to [`MAX_LISTED`] are listed; all are counted.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::sanitize;
use crate::store::StoreError;

/// How many problems one error lists before it only counts the rest.
pub const MAX_LISTED: usize = 20;

/// One problem in one row.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The line the record starts on (1 = the header).
    pub line: u64,
    /// The column's name as the file writes it, when the problem is in one field.
    pub column: Option<String>,
    /// What is wrong or what was expected.
    pub message: String,
    /// The value found (raw; sanitised when shown).
    pub found: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(c) = &self.column {
            write!(f, ", column `{}`", sanitize::field(c, 60))?;
        }
        write!(f, ": {}", sanitize::line(&self.message))?;
        if let Some(v) = &self.found {
            write!(f, "; found `{}`", sanitize::field(v, 60))?;
        }
        Ok(())
    }
}

/// The problems of one file: the first [`MAX_LISTED`] kept, all counted.
#[derive(Debug, Default)]
pub struct Problems {
    listed: Vec<Problem>,
    total: usize,
}

impl Problems {
    /// Records a problem.
    pub fn push(&mut self, p: Problem) {
        self.total += 1;
        if self.listed.len() < MAX_LISTED {
            self.listed.push(p);
        }
    }

    /// Records a problem as if it had been recorded when `at` problems were listed (see
    /// [`Self::listed`]): a check done late still lists its problem in the order of the row.
    pub fn insert(&mut self, at: usize, p: Problem) {
        self.total += 1;
        if at < MAX_LISTED {
            self.listed.insert(at.min(self.listed.len()), p);
            self.listed.truncate(MAX_LISTED);
        }
    }

    /// Records a problem found after the rows were read (a reference checked after the load),
    /// listed after the problems of earlier lines and of its own line.
    pub fn insert_in_order(&mut self, p: Problem) {
        let at = self.listed.partition_point(|q| q.line <= p.line);
        self.insert(at, p);
    }

    /// Records a problem in one field.
    pub fn field(&mut self, line: u64, column: &str, message: impl Into<String>, found: &str) {
        self.push(Problem {
            line,
            column: Some(column.to_owned()),
            message: message.into(),
            found: Some(found.to_owned()),
        });
    }

    /// Records a problem with a whole row.
    pub fn row(&mut self, line: u64, message: impl Into<String>) {
        self.push(Problem {
            line,
            column: None,
            message: message.into(),
            found: None,
        });
    }

    /// Whether any problem was found.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// How many problems were found.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The listed problems.
    pub fn listed(&self) -> &[Problem] {
        &self.listed
    }

    /// Whether enough problems were seen that reading on is pointless (the file is clearly of
    /// the wrong kind or badly damaged). Reading stops; the count says "at least".
    pub fn should_stop(&self) -> bool {
        self.total >= 10_000
    }
}

/// Why an import did not happen. Nothing was changed in the database in every case.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file as a whole cannot be read as the expected CSV.
    #[error("{}: {}", .path.display(), sanitize::line(.message))]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// Rows of the file have problems.
    #[error("{}", rows_message(.path, .problems))]
    Rows {
        /// The file.
        path: PathBuf,
        /// The problems.
        problems: Problems,
    },
    /// The database failed.
    #[error("{}: {source}", .path.display())]
    Store {
        /// The file being imported.
        path: PathBuf,
        /// The failure.
        #[source]
        source: StoreError,
    },
}

impl ImportError {
    /// A whole-file error.
    pub fn file(path: &Path, message: impl Into<String>) -> Self {
        ImportError::File {
            path: path.to_owned(),
            message: message.into(),
        }
    }
}

fn rows_message(path: &Path, problems: &Problems) -> String {
    let total = problems.total();
    let mut s = format!(
        "{}: {} problem{} found{}, nothing was imported:",
        path.display(),
        total,
        if total == 1 { "" } else { "s" },
        if problems.should_stop() {
            " (reading stopped there)"
        } else {
            ""
        }
    );
    for p in problems.listed() {
        s.push_str("\n  ");
        s.push_str(&p.to_string());
    }
    if total > problems.listed().len() {
        s.push_str(&format!(
            "\n  ... and {} more",
            total - problems.listed().len()
        ));
    }
    s
}
