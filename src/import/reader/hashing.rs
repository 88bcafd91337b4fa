//! The one file hash of schouw, SHA-256: taken while a file is parsed ([`Hashing`]), or over a
//! file read for it alone ([`sha256_file`]).

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::rc::Rc;

use sha2::{Digest, Sha256};

/// The SHA-256 (lower-case hex) and size of a file, read once in blocks: the same hash as
/// [`CsvFile::sha256`] (imports identify sources by it and the audit log records it), for a
/// file that is not parsed.
pub fn sha256_file(path: &Path) -> io::Result<(String, u64)> {
    // Never open a pipe or a device: opening a FIFO blocks, and `/dev/zero` never ends.
    if !std::fs::metadata(path)?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let mut f = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((hex(hasher), size))
}

fn hex(hasher: Sha256) -> String {
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Hashes the bytes read through it, and notes when the end of the file was reached.
pub(super) struct Hashing<R> {
    pub(super) inner: R,
    pub(super) state: Rc<RefCell<HashState>>,
}

/// The hash of the bytes read so far, their count, and whether the end was reached.
#[derive(Default)]
pub(super) struct HashState {
    hasher: Sha256,
    pub(super) bytes: u64,
    pub(super) at_end: bool,
}

impl HashState {
    /// The hash so far, lower-case hex.
    pub(super) fn hex(&self) -> String {
        hex(self.hasher.clone())
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut state = self.state.borrow_mut();
        state.hasher.update(&buf[..n]);
        state.bytes += n as u64;
        state.at_end |= n == 0 && !buf.is_empty();
        Ok(n)
    }
}
