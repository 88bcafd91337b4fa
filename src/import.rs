//! Import: one source profile per kind of file. [`reader`] opens, hashes, decodes and splits the
//! file; [`columns`] matches its header; each profile validates every value once and hands typed
//! records to the store inside one transaction, so a file applies completely or not at all.

pub mod columns;
mod fields;
pub mod problem;
pub mod reader;
#[cfg(test)]
pub(crate) mod test_support;

mod addresses;
mod areas;
mod businesses;
mod cbs;
mod ownership;
mod parties;
mod person;
mod roles;
mod sbi;
mod signals;
#[cfg(test)]
pub(crate) mod testing;

use std::path::Path;

pub use problem::{ImportError, Problem, Problems};
use reader::{CsvFile, ReadOptions, Row};

use crate::cli::ImportKind;
use crate::pseudo::PseudoKey;
use crate::store::{ImportCounts, ImportTx, PriorImport, PutError, SourceMeta, Store, StoreError};

/// How to import a file.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Encoding and delimiter.
    pub read: ReadOptions,
    /// The year of the indeling or statistics when the file does not say it.
    pub year: Option<i32>,
    /// The name to keep the source under (default: the file name).
    pub source_name: Option<String>,
    /// The OS user who imports.
    pub imported_by: String,
    /// The time of the import (ISO 8601, UTC).
    pub imported_at: String,
    /// The key that turns raw identifiers of natural persons into keyed pseudonyms
    /// (`--pseudo-key`); without it such columns are refused.
    pub pseudo_key: Option<PseudoKey>,
}

impl ImportOptions {
    /// UTF-8, the file's own delimiter, no year, the file name as source name, no key.
    pub fn new(imported_by: impl Into<String>, imported_at: impl Into<String>) -> Self {
        ImportOptions {
            read: ReadOptions {
                encoding: crate::cli::Encoding::Utf8,
                delimiter: None,
            },
            year: None,
            source_name: None,
            imported_by: imported_by.into(),
            imported_at: imported_at.into(),
            pseudo_key: None,
        }
    }
}

/// What importing one file did.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The same bytes were imported before; nothing changed.
    AlreadyImported(PriorImport),
    /// The file was imported.
    Imported(Summary),
}

impl Outcome {
    /// What the closing audit entry of this import records.
    pub fn audited(&self) -> crate::audit::Imported {
        match self {
            Outcome::AlreadyImported(prior) => crate::audit::Imported {
                rows: None,
                sha256: prior.sha256.clone(),
            },
            Outcome::Imported(s) => crate::audit::Imported {
                rows: Some(s.rows),
                sha256: s.sha256.clone(),
            },
        }
    }
}

/// The result of a completed import.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Records read from the file.
    pub rows: u64,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// Table rows inserted, updated and removed.
    pub counts: ImportCounts,
    /// Remarks for the user: ignored columns, the delimiter used, the year assumed.
    pub notes: Vec<String>,
}

/// The state of one import that profiles use: problems found, notes, the year, progress.
pub struct Job<'p> {
    /// Problems found so far.
    pub problems: Problems,
    /// Remarks for the user.
    pub notes: Vec<String>,
    /// The year given on the command line, or found in the file name.
    pub year: Option<i32>,
    /// Whether the year came from the file name (profiles mention it in a note).
    pub year_from_name: bool,
    /// The pseudonymisation key, when raw identifiers may be read.
    pub pseudo_key: Option<&'p PseudoKey>,
    progress: &'p mut dyn FnMut(u64, u64),
    ticks: u64,
}

impl Job<'_> {
    /// Reads the next row, reporting progress now and then.
    pub fn next_row(&mut self, file: &mut CsvFile) -> Result<Option<Row>, ImportError> {
        if self.problems.should_stop() {
            return Ok(None);
        }
        self.ticks += 1;
        if self.ticks % 4096 == 0 {
            let (done, total) = file.progress();
            (self.progress)(done, total);
        }
        file.next_row(&mut self.problems)
    }

    /// Like [`Self::next_row`], but fills `row` in place (see [`CsvFile::read_into`]); returns
    /// `false` at the end of the file or when too many problems were found.
    pub fn read_into(&mut self, file: &mut CsvFile, row: &mut Row) -> Result<bool, ImportError> {
        if self.problems.should_stop() {
            return Ok(false);
        }
        self.ticks += 1;
        if self.ticks % 4096 == 0 {
            let (done, total) = file.progress();
            (self.progress)(done, total);
        }
        file.read_into(row, &mut self.problems)
    }

    /// Turns a store result for the row on `line` into a problem (duplicates, unknown
    /// references) or a fatal error (the database failed).
    pub fn put(
        &mut self,
        file: &CsvFile,
        line: u64,
        result: Result<(), PutError>,
    ) -> Result<(), ImportError> {
        match result {
            Ok(()) => Ok(()),
            Err(PutError::Store(source)) => Err(ImportError::Store {
                path: file.path().to_owned(),
                source,
            }),
            Err(e) => {
                self.problems.row(line, e.to_string());
                Ok(())
            }
        }
    }

    /// Notes the columns that were not read.
    pub fn note_ignored(&mut self, ignored: &[String]) {
        if !ignored.is_empty() {
            let list: Vec<String> = ignored
                .iter()
                .map(|c| format!("`{}`", crate::sanitize::field(c, 40)))
                .collect();
            self.notes.push(format!(
                "columns not read (not stored): {}",
                list.join(", ")
            ));
        }
    }
}

/// Imports one file of one kind into the store: all of it or nothing.
///
/// A source is identified by its bytes (SHA-256) together with the reading choices that change
/// what is stored ([`reading_choices`]): the same bytes read the same way again change nothing.
/// The file is read once: its hash is taken while it is parsed. Only when this kind already has
/// imported sources (so the file may be one of them) is it hashed beforehand, so that an
/// identical file is recognised without importing it.
pub fn import_file(
    store: &mut Store,
    kind: ImportKind,
    path: &Path,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Outcome, ImportError> {
    let facts = reader::inspect(path)?;
    let store_err = |source: StoreError| ImportError::Store {
        path: path.to_owned(),
        source,
    };
    if opts.pseudo_key.is_some() && !takes_pseudo_key(kind) {
        return Err(ImportError::file(
            path,
            "--pseudo-key is only for parties, roles, ownership and signals files; import this file without it",
        ));
    }
    let mut file = CsvFile::open(path, &facts, opts.read)?;
    let name_year = year_in_name(&facts.file_name);
    let year = opts.year.or(name_year);
    let choices = reading_choices(opts, file.delimiter(), year);
    let kind_name = kind_name(kind);
    let hashed_before = if store.has_sources(kind_name).map_err(store_err)? {
        let (sha256, _) = reader::sha256_file(path)
            .map_err(|e| ImportError::file(path, format!("cannot read the file: {e}")))?;
        if let Some(prior) = store
            .find_import(kind_name, &sha256, &choices)
            .map_err(store_err)?
        {
            return Ok(Outcome::AlreadyImported(prior));
        }
        Some(sha256)
    } else {
        None
    };
    let mut job = Job {
        problems: Problems::default(),
        notes: Vec::new(),
        year,
        year_from_name: opts.year.is_none() && name_year.is_some(),
        pseudo_key: opts.pseudo_key.as_ref(),
        progress,
        ticks: 0,
    };
    if file.delimiter() != b',' && opts.read.delimiter.is_none() {
        let d = if file.delimiter() == b'\t' {
            "tab".to_string()
        } else {
            format!("`{}`", file.delimiter() as char)
        };
        job.notes
            .push(format!("delimiter {d} (taken from the header)"));
    }
    let meta = SourceMeta {
        kind: kind_name.to_owned(),
        name: opts
            .source_name
            .clone()
            .unwrap_or_else(|| facts.file_name.clone()),
        sha256: hashed_before.clone().unwrap_or_default(),
        options: choices,
        imported_by: opts.imported_by.clone(),
        imported_at: opts.imported_at.clone(),
    };
    let mut tx = store.begin_import(&meta).map_err(store_err)?;
    let rows = read_profile(kind, &mut file, &mut tx, &mut job)?;
    file.verify_unchanged()?;
    if !job.problems.is_empty() {
        drop(tx);
        return Err(ImportError::Rows {
            path: path.to_owned(),
            problems: job.problems,
        });
    }
    let sha256 = file
        .sha256()
        .filter(|h| hashed_before.as_ref().is_none_or(|before| before == h))
        .ok_or_else(|| {
            ImportError::file(
                path,
                "the file changed while it was being imported; import it again when it is complete",
            )
        })?;
    tx.set_sha256(&sha256).map_err(store_err)?;
    let (done, total) = file.progress();
    (job.progress)(done, total);
    let counts = tx.commit(rows).map_err(store_err)?;
    Ok(Outcome::Imported(Summary {
        rows,
        sha256,
        counts,
        notes: job.notes,
    }))
}

/// The reading choices that change what the same bytes become, as a canonical text stored
/// with the source (`sources.options`): the encoding when it is not UTF-8, the delimiter when
/// `--delimiter` chose it, the year (given with `--year` or found in the file name) and the
/// fingerprint of the pseudonymisation key. Empty for a plain reading of a file without a year
/// in its name.
pub fn reading_choices(opts: &ImportOptions, delimiter: u8, year: Option<i32>) -> String {
    let mut parts = Vec::new();
    if opts.read.encoding != crate::cli::Encoding::Utf8 {
        parts.push("encoding=windows-1252".to_owned());
    }
    if opts.read.delimiter.is_some() {
        let d = match delimiter {
            b'\t' => "tab".to_owned(),
            d => (d as char).to_string(),
        };
        parts.push(format!("delimiter={d}"));
    }
    if let Some(y) = year {
        parts.push(format!("year={y}"));
    }
    if let Some(key) = &opts.pseudo_key {
        parts.push(format!("pseudo-key={}", key.fingerprint()));
    }
    parts.join(" ")
}

fn read_profile(
    kind: ImportKind,
    file: &mut CsvFile,
    tx: &mut ImportTx<'_>,
    job: &mut Job<'_>,
) -> Result<u64, ImportError> {
    match kind {
        ImportKind::Cbs => cbs::read(file, tx, job),
        ImportKind::Areas => areas::read(file, tx, job),
        ImportKind::Sbi => sbi::read(file, tx, job),
        ImportKind::Addresses => addresses::read(file, tx, job),
        ImportKind::Businesses => businesses::read(file, tx, job),
        ImportKind::Parties => parties::read(file, tx, job),
        ImportKind::Roles => roles::read(file, tx, job),
        ImportKind::Ownership => ownership::read(file, tx, job),
        ImportKind::Signals => signals::read(file, tx, job),
    }
}

/// Whether files of this kind may hold raw identifiers of natural persons to pseudonymise.
fn takes_pseudo_key(kind: ImportKind) -> bool {
    matches!(
        kind,
        ImportKind::Parties | ImportKind::Roles | ImportKind::Ownership | ImportKind::Signals
    )
}

/// The name a kind is recorded under in `sources.kind`.
pub fn kind_name(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Cbs => "cbs",
        ImportKind::Areas => "areas",
        ImportKind::Sbi => "sbi",
        ImportKind::Addresses => "addresses",
        ImportKind::Businesses => "businesses",
        ImportKind::Parties => "parties",
        ImportKind::Roles => "roles",
        ImportKind::Ownership => "ownership",
        ImportKind::Signals => "signals",
    }
}

/// A plausible year (1990–2099) standing alone in a file name: `kwb-2023.csv`, `kwb2024_utrecht`.
pub fn year_in_name(name: &str) -> Option<i32> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = &b[i..i + 4];
        let before = i
            .checked_sub(1)
            .map(|j| b[j].is_ascii_digit())
            .unwrap_or(false);
        let after = b.get(i + 4).is_some_and(|c| c.is_ascii_digit());
        if before || after || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let y: i32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
        (1990..=2099).contains(&y).then_some(y)
    })
}

#[cfg(test)]
mod tests;
