//! The checks before parsing: [`inspect`] wants a regular file whose first bytes look like
//! text, with a message per kind of file that is not a CSV.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::FileFacts;
use crate::import::problem::ImportError;

/// Checks that `path` is a regular file that looks like text (without reading all of it).
pub fn inspect(path: &Path) -> Result<FileFacts, ImportError> {
    let meta =
        std::fs::symlink_metadata(path).map_err(|e| ImportError::file(path, open_message(&e)))?;
    let meta = if meta.file_type().is_symlink() {
        std::fs::metadata(path).map_err(|e| ImportError::file(path, open_message(&e)))?
    } else {
        meta
    };
    if !meta.is_file() {
        return Err(ImportError::file(
            path,
            "this is not a regular file (a directory, device or pipe); give the path of a CSV file",
        ));
    }
    let mut f = File::open(path).map_err(|e| ImportError::file(path, open_message(&e)))?;
    let mut head = [0u8; 8];
    let n = read_up_to(&mut f, &mut head)
        .map_err(|e| ImportError::file(path, format!("cannot read the file: {e}")))?;
    sniff(&head[..n]).map_err(|m| ImportError::file(path, m))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(FileFacts {
        size: meta.len(),
        file_name,
        modified: meta.modified().ok(),
    })
}

pub(super) fn open_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file; check the path".into(),
        io::ErrorKind::PermissionDenied => "no permission to read this file".into(),
        _ => format!("cannot open the file: {e}"),
    }
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Refuses files that are clearly not a text CSV, with a message per kind.
fn sniff(head: &[u8]) -> Result<(), String> {
    if head.starts_with(b"PK\x03\x04") {
        return Err("this is not a CSV file but an Excel workbook or zip archive; open it in Excel and save it as \"CSV UTF-8 (door komma's gescheiden)\"".into());
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(
            "this is not a CSV file but an old Excel (.xls) workbook; save it as \"CSV UTF-8\""
                .into(),
        );
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(
            "this file is UTF-16 text, which schouw does not read; save it as \"CSV UTF-8\"".into(),
        );
    }
    if head.is_empty() {
        return Err("the file is empty; expected a header line with column names".into());
    }
    Ok(())
}
