//! Writing an export file ([`write_file`], E-05): a new temporary file beside the destination,
//! flushed and hashed, then put in place by a hard link or, with `force`, by `rename`.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{CsvFormat, Table, write_csv};

/// Where and how to write an [`ExportTable`](super::ExportTable).
#[derive(Debug, Clone, Copy)]
pub struct ExportFile<'a> {
    /// The file.
    pub path: &'a Path,
    /// How to treat the destination and which dialect to write.
    pub opts: ExportOptions,
    /// The classification banner for the header block.
    pub banner: Option<&'a str>,
}

/// How [`write_file`] may treat the destination.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The CSV dialect.
    pub format: CsvFormat,
    /// Replace an existing regular file.
    pub force: bool,
}

/// What was written, for the audit entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    /// Data rows written.
    pub rows: u64,
    /// SHA-256 (hex) of the file's bytes.
    pub sha256: String,
}

/// Why an export file was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The destination exists and `force` was not given.
    #[error("{0} already exists; choose another name or use --force to replace it")]
    Exists(PathBuf),
    /// The destination is a symbolic link.
    #[error("{0} is a symbolic link; schouw does not write through links")]
    Symlink(PathBuf),
    /// The destination exists and is not a regular file.
    #[error("{0} exists and is not a regular file")]
    NotAFile(PathBuf),
    /// The destination has no file name.
    #[error("{0} is not a file name")]
    BadName(PathBuf),
    /// Writing failed; nothing was left at the destination.
    #[error("writing {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        #[source]
        source: io::Error,
    },
}

/// Writes `table` to the file `path` as described in the module documentation.
pub fn write_file(
    path: &Path,
    opts: ExportOptions,
    table: Table<'_>,
) -> Result<ExportSummary, ExportError> {
    check_destination(path, opts.force)?;
    let io_err = |source| ExportError::Io {
        path: path.to_owned(),
        source,
    };
    let name = path
        .file_name()
        .ok_or_else(|| ExportError::BadName(path.to_owned()))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".schouw-tmp-{}", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = write_tmp(&tmp, opts.format, table)
        .map_err(io_err)
        .and_then(|summary| {
            place(&tmp, path, opts.force)?;
            // Make the new directory entry durable too.
            File::open(&dir)
                .and_then(|d| d.sync_all())
                .map_err(io_err)?;
            Ok(summary)
        });
    // Gone after a hard link or on error; a no-op after rename.
    let _ = std::fs::remove_file(&tmp);
    result
}

fn check_destination(path: &Path, force: bool) -> Result<(), ExportError> {
    match path.symlink_metadata() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(ExportError::Io {
            path: path.to_owned(),
            source,
        }),
        Ok(m) if m.file_type().is_symlink() => Err(ExportError::Symlink(path.to_owned())),
        Ok(m) if !m.is_file() => Err(ExportError::NotAFile(path.to_owned())),
        Ok(_) if force => Ok(()),
        Ok(_) => Err(ExportError::Exists(path.to_owned())),
    }
}

fn write_tmp(tmp: &Path, format: CsvFormat, table: Table<'_>) -> io::Result<ExportSummary> {
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(tmp)?;
    let mut w = HashingWriter {
        inner: BufWriter::new(file),
        hash: Sha256::new(),
    };
    let rows = write_csv(&mut w, format, table)?;
    let file = w.inner.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok(ExportSummary {
        rows,
        sha256: crate::audit::chain::hex(&w.hash.finalize()),
    })
}

fn place(tmp: &Path, path: &Path, force: bool) -> Result<(), ExportError> {
    let io_err = |source| ExportError::Io {
        path: path.to_owned(),
        source,
    };
    if force {
        check_destination(path, true)?;
        return std::fs::rename(tmp, path).map_err(io_err);
    }
    match std::fs::hard_link(tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(match path.symlink_metadata() {
            Ok(m) if m.file_type().is_symlink() => ExportError::Symlink(path.to_owned()),
            _ => ExportError::Exists(path.to_owned()),
        }),
        Err(_) => {
            // No hard links here (FAT, some network shares): check again, then rename.
            check_destination(path, false)?;
            std::fs::rename(tmp, path).map_err(io_err)
        }
    }
}

/// Hashes exactly the bytes that reach the file.
struct HashingWriter<W> {
    inner: W,
    hash: Sha256,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
