//! A tiny CSV writer for the generated files: comma-delimited, `\n` line ends, a field is quoted
//! only when it holds `,`, `"`, CR or LF (quotes doubled). The import room owns the `csv` crate;
//! writing our own well-formed files needs no more than this.

use std::fmt::{Display, Write as _};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Appends one field to a line, quoting it when needed.
pub fn push_field(line: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        line.push('"');
        for c in field.chars() {
            if c == '"' {
                line.push('"');
            }
            line.push(c);
        }
        line.push('"');
    } else {
        line.push_str(field);
    }
}

/// One output file being written row by row.
pub struct CsvOut {
    path: PathBuf,
    out: BufWriter<File>,
    line: String,
    fields_in_line: usize,
    rows: u64,
}

impl CsvOut {
    /// Creates (or truncates) the file and writes the header row.
    pub fn create(path: &Path, header: &[&str]) -> anyhow::Result<Self> {
        let file = File::create(path).with_context(|| {
            format!(
                "cannot create {}; check that the directory is writable",
                path.display()
            )
        })?;
        let mut me = CsvOut {
            path: path.to_owned(),
            out: BufWriter::with_capacity(1 << 16, file),
            line: String::with_capacity(256),
            fields_in_line: 0,
            rows: 0,
        };
        for h in header {
            me.text(h);
        }
        me.write_line()?;
        Ok(me)
    }

    fn sep(&mut self) {
        if self.fields_in_line > 0 {
            self.line.push(',');
        }
        self.fields_in_line += 1;
    }

    /// Adds a text field.
    pub fn text(&mut self, s: &str) -> &mut Self {
        self.sep();
        push_field(&mut self.line, s);
        self
    }

    /// Adds a number or other value whose text never needs quoting (integers, dates, codes).
    pub fn val(&mut self, v: impl Display) -> &mut Self {
        self.sep();
        // Writing into a String cannot fail.
        let _ = write!(self.line, "{v}");
        self
    }

    /// Adds a field that may be empty.
    pub fn opt(&mut self, v: Option<impl Display>) -> &mut Self {
        self.sep();
        if let Some(v) = v {
            let _ = write!(self.line, "{v}");
        }
        self
    }

    /// Ends the current data row.
    pub fn end(&mut self) -> anyhow::Result<()> {
        self.rows += 1;
        self.write_line()
    }

    fn write_line(&mut self) -> anyhow::Result<()> {
        self.line.push('\n');
        let r = self.out.write_all(self.line.as_bytes());
        self.line.clear();
        self.fields_in_line = 0;
        r.with_context(|| format!("cannot write {}; is the disk full?", self.path.display()))
    }

    /// Flushes the file and returns its data-row count.
    pub fn finish(mut self) -> anyhow::Result<u64> {
        self.out
            .flush()
            .with_context(|| format!("cannot write {}; is the disk full?", self.path.display()))?;
        Ok(self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        let mut s = String::new();
        push_field(&mut s, "plain");
        assert_eq!(s, "plain");
        s.clear();
        push_field(&mut s, "a,b");
        assert_eq!(s, "\"a,b\"");
        s.clear();
        push_field(&mut s, "zeg \"hoi\"");
        assert_eq!(s, "\"zeg \"\"hoi\"\"\"");
        s.clear();
        push_field(&mut s, "regel\nregel");
        assert_eq!(s, "\"regel\nregel\"");
    }

    #[test]
    fn writes_header_rows_and_counts() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.csv");
        let mut w = CsvOut::create(&p, &["a", "b", "c"]).unwrap();
        w.text("x,y").val(3).opt(None::<i64>);
        w.end().unwrap();
        assert_eq!(w.finish().unwrap(), 1);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "a,b,c\n\"x,y\",3,\n");
    }
}
