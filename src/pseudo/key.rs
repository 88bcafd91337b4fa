//! The pseudonymisation key: read from a regular file that only its owner can read, at least
//! [`MIN_KEY_BYTES`] long. Every byte of the file is key (a trailing newline too); make one with
//! `head -c 32 /dev/urandom > schouw.key && chmod 600 schouw.key`. The key is never shown:
//! `Debug` and messages give only its [fingerprint](PseudoKey::fingerprint).

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The shortest key accepted, in bytes (256 bits).
pub const MIN_KEY_BYTES: usize = 32;

/// The longest key file read, in bytes (a longer one is not a key file).
const MAX_KEY_BYTES: u64 = 4096;

/// A pseudonymisation key, overwritten with zeros when dropped.
#[derive(Clone)]
pub struct PseudoKey {
    bytes: Vec<u8>,
    fingerprint: String,
}

/// Why a key file is refused. Messages name the file and what to do, never the key.
#[derive(Debug, thiserror::Error)]
#[error("pseudonymisation key {}: {message}", crate::sanitize::line(&.path.display().to_string()))]
pub struct KeyError {
    /// The key file.
    pub path: PathBuf,
    /// What is wrong and what to do.
    pub message: String,
}

impl PseudoKey {
    /// Reads the key from `path`: a regular file (not a symlink), readable by its owner only
    /// (mode 0600 or stricter on Unix), of at least [`MIN_KEY_BYTES`] bytes.
    pub fn load(path: &Path) -> Result<Self, KeyError> {
        let err = |message: String| KeyError {
            path: path.to_owned(),
            message,
        };
        let link = std::fs::symlink_metadata(path).map_err(|e| err(open_message(&e)))?;
        if link.file_type().is_symlink() {
            return Err(err(
                "this is a symbolic link; give the path of the key file itself".into(),
            ));
        }
        if !link.is_file() {
            return Err(err(
                "this is not a regular file (a directory, device or pipe); give the path of the key file".into(),
            ));
        }
        let file = std::fs::File::open(path).map_err(|e| err(open_message(&e)))?;
        let meta = file.metadata().map_err(|e| err(open_message(&e)))?;
        if !same_file(&link, &meta) || !meta.is_file() {
            return Err(err(
                "the file was replaced while it was opened; check who else writes to it".into(),
            ));
        }
        check_mode(&meta).map_err(err)?;
        if meta.len() > MAX_KEY_BYTES {
            return Err(err(format!(
                "the file is {} bytes, more than a key file holds (at most {MAX_KEY_BYTES}); give the right file",
                meta.len()
            )));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.take(MAX_KEY_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| err(format!("cannot read the file: {e}")))?;
        if bytes.len() as u64 > MAX_KEY_BYTES {
            wipe(&mut bytes);
            return Err(err(
                "the file grew while it was read; check who else writes to it".into(),
            ));
        }
        Self::from_bytes(bytes).map_err(err)
    }

    /// A key from bytes; refused when shorter than [`MIN_KEY_BYTES`].
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, String> {
        if bytes.len() < MIN_KEY_BYTES {
            let mut bytes = bytes;
            wipe(&mut bytes);
            return Err(format!(
                "the key is {} bytes, fewer than the {MIN_KEY_BYTES} required; make a new key with `head -c 32 /dev/urandom > KEYFILE` and chmod 600 it",
                bytes.len()
            ));
        }
        let fingerprint = fingerprint(&bytes);
        Ok(PseudoKey { bytes, fingerprint })
    }

    /// The key's bytes (for the HMAC only).
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Which key this is, safe to show and record: the first 8 hex characters of
    /// SHA-256(`"schouw-key-id"` + key).
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

impl fmt::Debug for PseudoKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PseudoKey({})", self.fingerprint)
    }
}

impl Drop for PseudoKey {
    fn drop(&mut self) {
        wipe(&mut self.bytes);
    }
}

fn wipe(bytes: &mut Vec<u8>) {
    bytes.fill(0);
    std::hint::black_box(&bytes);
}

fn fingerprint(key: &[u8]) -> String {
    let digest = Sha256::new()
        .chain_update(b"schouw-key-id")
        .chain_update(key)
        .finalize();
    super::hmac::hex(&digest[..4])
}

fn open_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file; check the path given to --pseudo-key".into(),
        std::io::ErrorKind::PermissionDenied => "no permission to read this file".into(),
        _ => format!("cannot open the file: {e}"),
    }
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn check_mode(meta: &std::fs::Metadata) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(format!(
            "the file can be read or changed by others (mode {mode:04o}); run `chmod 600` on it so that only you can read it"
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_mode(_: &std::fs::Metadata) -> Result<(), String> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_file(dir: &Path, bytes: &[u8], mode: u32) -> PathBuf {
        let path = dir.join("schouw.key");
        std::fs::write(&path, bytes).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        let _ = mode;
        path
    }

    #[test]
    fn a_private_key_file_loads_and_shows_only_its_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let key = PseudoKey::load(&key_file(dir.path(), &[7; 32], 0o600)).unwrap();
        assert_eq!(key.fingerprint().len(), 8);
        let mut input = b"schouw-key-id".to_vec();
        input.extend_from_slice(&[7; 32]);
        assert_eq!(
            key.fingerprint(),
            &super::super::hmac::hex(&Sha256::digest(&input))[..8]
        );
        assert_eq!(
            format!("{key:?}"),
            format!("PseudoKey({})", key.fingerprint())
        );
        assert!(PseudoKey::load(&key_file(dir.path(), &[7; 40], 0o400)).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn group_or_other_readable_key_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for mode in [0o640, 0o604, 0o660, 0o644] {
            let e = PseudoKey::load(&key_file(dir.path(), &[7; 32], mode))
                .unwrap_err()
                .to_string();
            assert!(e.contains("chmod 600"), "{mode:o}: {e}");
        }
    }

    #[test]
    fn short_keys_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = PseudoKey::load(&key_file(dir.path(), &[7; 31], 0o600))
            .unwrap_err()
            .to_string();
        assert!(e.contains("31 bytes, fewer than the 32 required"), "{e}");
        let e = PseudoKey::load(&key_file(dir.path(), b"", 0o600))
            .unwrap_err()
            .to_string();
        assert!(e.contains("0 bytes"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_directories_and_missing_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = key_file(dir.path(), &[7; 32], 0o600);
        let link = dir.path().join("link.key");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let e = PseudoKey::load(&link).unwrap_err().to_string();
        assert!(e.contains("symbolic link"), "{e}");
        let e = PseudoKey::load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("not a regular file"), "{e}");
        let e = PseudoKey::load(&dir.path().join("nope"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("no such file"), "{e}");
    }
}
