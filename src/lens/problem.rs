//! Problems found in a lens file: severity, place (file, line, column) and a message that says
//! what was expected and, for near misses, what was probably meant.

use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The lens cannot be used.
    Error,
    /// The lens works, but something is probably not what the author meant.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in one lens file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file as shown to the user (`lenses/hennep.toml`, `embedded:hennep.toml`).
    pub file: String,
    /// 1-based line, when the problem has a place in the file.
    pub line: Option<usize>,
    /// 1-based column (in characters), when the problem has a place in the file.
    pub column: Option<usize>,
    /// What is wrong and what was expected.
    pub message: String,
    /// A suggestion (`did you mean `a_inw`?`), if a near miss was found.
    pub hint: Option<String>,
}

impl Problem {
    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}: {}", self.severity.as_str(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// Turns byte offsets into 1-based line and column numbers for one file's text.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        LineIndex { text }
    }

    /// Line and column (both 1-based, column counted in characters) of a byte offset.
    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
}

/// Collects the problems of one file, placing each by byte span.
#[derive(Debug)]
pub(crate) struct Report<'a> {
    file: String,
    index: LineIndex<'a>,
    pub(crate) problems: Vec<Problem>,
}

impl<'a> Report<'a> {
    pub(crate) fn new(file: &str, text: &'a str) -> Self {
        Report {
            file: file.to_string(),
            index: LineIndex::new(text),
            problems: Vec::new(),
        }
    }

    /// Adds a problem at a byte span (or at no place).
    pub(crate) fn add(
        &mut self,
        severity: Severity,
        span: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        let (line, column) = match span {
            Some(s) => {
                let (l, c) = self.index.line_col(s.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        self.problems.push(Problem {
            severity,
            file: self.file.clone(),
            line,
            column,
            message: message.into(),
            hint,
        });
    }

    /// Adds an error at a byte span.
    pub(crate) fn error(
        &mut self,
        span: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        self.add(Severity::Error, span, message, hint);
    }

    /// The file's text.
    pub(crate) fn text(&self) -> &'a str {
        self.index.text
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let idx = LineIndex::new("ab\ncé d\n");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        // `d` is the 4th character on line 2, although it is byte 7.
        assert_eq!(idx.line_col(7), (2, 4));
    }

    #[test]
    fn display_names_file_line_column_and_hint() {
        let p = Problem {
            severity: Severity::Error,
            file: "x.toml".into(),
            line: Some(3),
            column: Some(7),
            message: "unknown statistic `a_inww`".into(),
            hint: Some("did you mean `a_inw`?".into()),
        };
        assert_eq!(
            p.to_string(),
            "x.toml:3:7: error: unknown statistic `a_inww` (did you mean `a_inw`?)"
        );
    }
}
