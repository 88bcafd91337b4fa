//! Reading CSV files safely: regular files only, a sniff for files that are not CSV at all
//! (workbooks, UTF-16, binary), strict UTF-8 or explicit Windows-1252, the delimiter, and
//! records of bounded size (an unclosed quote never pulls the rest of the file into memory).
//! Rows come out as text fields with the line they start on. The SHA-256 of the bytes is taken
//! while they are parsed ([`CsvFile::sha256`]), so a file is read once.

mod checks;
mod decode;
mod delimiter;
mod hashing;
mod limited;

pub use checks::inspect;
use checks::open_message;
pub use delimiter::delimiter_hint;
use delimiter::guess_delimiter;
pub use hashing::sha256_file;
use hashing::{HashState, Hashing};
use limited::{LIMIT_MESSAGE, Limited, LineIndex};

use std::cell::{Cell, RefCell};
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::problem::{ImportError, Problems};
use crate::cli::Encoding;

/// The longest record accepted, in bytes. A longer one means an unclosed quote or a damaged file.
pub const MAX_RECORD_BYTES: u64 = 1 << 20;
/// A record spanning more lines than this is taken to be an unclosed quote.
pub const MAX_RECORD_LINES: u64 = 50;

/// How to read a file.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// The character encoding.
    pub encoding: Encoding,
    /// The delimiter, or `None` to take the header's own (`,`, `;` or tab).
    pub delimiter: Option<u8>,
}

/// Facts about the file taken before parsing.
#[derive(Debug, Clone)]
pub struct FileFacts {
    /// Size in bytes.
    pub size: u64,
    /// The file name without directories.
    pub file_name: String,
    modified: Option<std::time::SystemTime>,
}

/// An open CSV file, positioned after its header.
pub struct CsvFile {
    path: PathBuf,
    reader: csv::Reader<Limited<Box<dyn Read>>>,
    headers: Vec<String>,
    delimiter: u8,
    allowed: Rc<Cell<u64>>,
    consumed: Rc<Cell<u64>>,
    lines: Rc<RefCell<LineIndex>>,
    next_line: u64,
    record: csv::ByteRecord,
    facts: FileFacts,
    encoding: Encoding,
    hash: Rc<RefCell<HashState>>,
}

/// One data row: its fields as text and the line it starts on.
#[derive(Debug, Clone)]
pub struct Row {
    /// The line the record starts on (the header is line 1).
    pub line: u64,
    /// The fields, in header order. Never fewer than the header has (ragged rows are problems).
    pub fields: Vec<String>,
}

impl CsvFile {
    /// Opens the file for parsing and reads the header. `facts` come from [`inspect`].
    pub fn open(path: &Path, facts: &FileFacts, opts: ReadOptions) -> Result<Self, ImportError> {
        let file = File::open(path).map_err(|e| ImportError::file(path, open_message(&e)))?;
        let hash = Rc::new(RefCell::new(HashState::default()));
        let hashing = Hashing {
            inner: file,
            state: hash.clone(),
        };
        let buffered = BufReader::with_capacity(1 << 16, hashing);
        let decoded: Box<dyn Read> = match opts.encoding {
            Encoding::Utf8 => Box::new(buffered),
            Encoding::Windows1252 => Box::new(decode::Windows1252::new(buffered)),
        };
        // Peek at the first line for the delimiter, then chain the peeked bytes back in front.
        let mut decoded = decoded;
        let mut first = Vec::new();
        let mut byte = [0u8; 1];
        while first.len() < (1 << 16) {
            match decoded.read(&mut byte) {
                Ok(0) => break,
                Ok(_) => {
                    first.push(byte[0]);
                    if byte[0] == b'\n' {
                        break;
                    }
                }
                Err(e) => {
                    return Err(ImportError::file(
                        path,
                        format!("cannot read the file: {e}"),
                    ));
                }
            }
        }
        let delimiter = opts.delimiter.unwrap_or_else(|| guess_delimiter(&first));
        let allowed = Rc::new(Cell::new(MAX_RECORD_BYTES + (1 << 17)));
        let consumed = Rc::new(Cell::new(0));
        let lines = Rc::new(RefCell::new(LineIndex::default()));
        let chained: Box<dyn Read> = Box::new(io::Cursor::new(first).chain(decoded));
        let limited = Limited {
            inner: chained,
            allowed: allowed.clone(),
            consumed: consumed.clone(),
            lines: lines.clone(),
        };
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(limited);
        let mut record = csv::ByteRecord::new();
        let mut this = CsvFile {
            path: path.to_owned(),
            reader,
            headers: Vec::new(),
            delimiter,
            allowed,
            consumed,
            lines,
            next_line: 2,
            record: csv::ByteRecord::new(),
            facts: facts.clone(),
            encoding: opts.encoding,
            hash,
        };
        let got = this
            .reader
            .read_byte_record(&mut record)
            .map_err(|e| this.csv_error(e, 1))?;
        if !got {
            return Err(ImportError::file(
                path,
                "the file is empty; expected a header line with column names",
            ));
        }
        let mut headers = Vec::with_capacity(record.len());
        for (i, raw) in record.iter().enumerate() {
            let text = std::str::from_utf8(raw).map_err(|_| {
                ImportError::file(
                    path,
                    this.utf8_message(1, &format!("header column {}", i + 1)),
                )
            })?;
            if raw.contains(&0) {
                return Err(ImportError::file(
                    path,
                    "the header contains a NUL byte: this is not a text CSV file",
                ));
            }
            headers.push(text.trim_start_matches('\u{feff}').trim().to_owned());
        }
        this.headers = headers;
        this.allow_next();
        Ok(this)
    }

    /// The column names as the file writes them (trimmed, byte-order mark removed).
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The delimiter in use.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Bytes read so far (for progress), and the file's size.
    pub fn progress(&self) -> (u64, u64) {
        (self.consumed.get(), self.facts.size)
    }

    /// Reads the next row. Row-level problems (ragged rows, bad text) are added to `problems`
    /// and the row is skipped; whole-file problems (an unclosed quote, a NUL byte) are errors.
    pub fn next_row(&mut self, problems: &mut Problems) -> Result<Option<Row>, ImportError> {
        let mut row = Row {
            line: 0,
            fields: Vec::new(),
        };
        Ok(self.read_into(&mut row, problems)?.then_some(row))
    }

    /// Like [`Self::next_row`], but fills `row` in place, reusing its text buffers, so that a
    /// long file costs no allocation per field. Returns `false` at the end of the file (what
    /// `row` then holds is no row of the file).
    pub fn read_into(
        &mut self,
        row: &mut Row,
        problems: &mut Problems,
    ) -> Result<bool, ImportError> {
        loop {
            let start_line = self.next_line;
            let got = match self.reader.read_byte_record(&mut self.record) {
                Ok(got) => got,
                Err(e) => return Err(self.csv_error(e, start_line)),
            };
            if !got {
                return Ok(false);
            }
            self.allow_next();
            // The fields' bytes lie one after the other in `as_slice`: each check runs once over
            // the record, not once per field.
            let bytes = self.record.as_slice();
            let inner = bytes.iter().filter(|b| **b == b'\n').count() as u64;
            let end = self.reader.position().byte();
            let ends_inside = self
                .record
                .iter()
                .next_back()
                .is_some_and(|f| f.ends_with(b"\n"));
            let line = self.lines.borrow_mut().record_line(end, inner, ends_inside);
            self.next_line = line + inner + 1;
            if inner > MAX_RECORD_LINES {
                return Err(ImportError::file(
                    &self.path,
                    format!(
                        "a quoted field starting on line {line} is not closed (the record runs on for {inner} lines); check the quotes on that line"
                    ),
                ));
            }
            if self.record.len() == 1
                && self
                    .record
                    .get(0)
                    .is_some_and(|f| f.trim_ascii().is_empty())
            {
                continue; // blank line
            }
            if bytes.contains(&0) {
                return Err(ImportError::file(
                    &self.path,
                    format!("line {line} contains a NUL byte: this is not a text CSV file"),
                ));
            }
            if self.record.len() != self.headers.len() {
                problems.row(
                    line,
                    format!(
                        "{} fields, expected {} as in the header{}",
                        self.record.len(),
                        self.headers.len(),
                        if self.record.len() > self.headers.len() {
                            " (an unquoted delimiter in a value?)"
                        } else {
                            ""
                        }
                    ),
                );
                continue;
            }
            row.line = line;
            row.fields.resize_with(self.record.len(), String::new);
            if let Ok(text) = std::str::from_utf8(self.record.as_slice()) {
                let ranges = (0..self.record.len()).filter_map(|i| self.record.range(i));
                // Valid as a whole and cut at character boundaries: every field is valid.
                if ranges
                    .clone()
                    .all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
                {
                    for (field, r) in row.fields.iter_mut().zip(ranges) {
                        field.clear();
                        field.push_str(&text[r]);
                    }
                    return Ok(true);
                }
            }
            let mut bad = None;
            for (i, (field, raw)) in row.fields.iter_mut().zip(self.record.iter()).enumerate() {
                field.clear();
                match std::str::from_utf8(raw) {
                    Ok(text) => field.push_str(text),
                    Err(_) => {
                        bad = Some(i);
                        break;
                    }
                }
            }
            let Some(bad) = bad else {
                return Ok(true);
            };
            let col = self.headers[bad].clone();
            problems.push(super::problem::Problem {
                line,
                column: Some(col.clone()),
                message: self.utf8_message(line, &format!("column `{col}`")),
                found: None,
            });
        }
    }

    /// The SHA-256 (lower-case hex) of the file's bytes, once every row has been read; `None`
    /// before the end of the file was reached (the import stopped early).
    pub fn sha256(&self) -> Option<String> {
        let state = self.hash.borrow();
        state.at_end.then(|| state.hex())
    }

    /// Checks that the file did not change while it was read (size and modification time, and
    /// the bytes read when all were).
    pub fn verify_unchanged(&self) -> Result<(), ImportError> {
        let meta = std::fs::metadata(&self.path)
            .map_err(|e| ImportError::file(&self.path, open_message(&e)))?;
        let state = self.hash.borrow();
        let read_other = state.at_end && state.bytes != self.facts.size;
        if read_other
            || meta.len() != self.facts.size
            || meta.modified().ok() != self.facts.modified
        {
            return Err(ImportError::file(
                &self.path,
                "the file changed while it was being imported; import it again when it is complete",
            ));
        }
        Ok(())
    }

    fn allow_next(&self) {
        self.allowed
            .set(self.reader.position().byte() + MAX_RECORD_BYTES + (1 << 17));
    }

    fn utf8_message(&self, line: u64, what: &str) -> String {
        match self.encoding {
            Encoding::Utf8 => format!(
                "{what} on line {line} is not valid UTF-8; if the file comes from Excel, try --encoding windows-1252, or save it as \"CSV UTF-8\""
            ),
            Encoding::Windows1252 => format!("{what} on line {line} could not be decoded"),
        }
    }

    fn csv_error(&self, e: csv::Error, line: u64) -> ImportError {
        if let csv::ErrorKind::Io(io) = e.kind() {
            if io.kind() == io::ErrorKind::InvalidData && io.to_string().contains(LIMIT_MESSAGE) {
                return ImportError::file(
                    &self.path,
                    format!(
                        "a record starting on line {line} is longer than {} KiB: probably a quoted field that is not closed; check the quotes on that line",
                        MAX_RECORD_BYTES / 1024
                    ),
                );
            }
            return ImportError::file(&self.path, format!("cannot read the file: {io}"));
        }
        ImportError::file(&self.path, format!("line {line}: {e}"))
    }
}

#[cfg(test)]
mod tests;
