//! Loading lenses: the embedded catalogue first, then the user's configuration directory
//! (`$XDG_CONFIG_HOME/schouw/lenses/`, default `~/.config/schouw/lenses/`), then each
//! `--lenses DIR`. A later source replaces an earlier lens with the same id; a file with errors
//! replaces nothing and its problems are reported.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::definition::{Lens, Origin};
use super::embedded::EMBEDDED;
use super::problem::{Problem, Severity};
use super::validate::{Checked, LensSource, ValidateOptions, check};

/// Where to look for lenses besides the embedded ones.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The user's lens directory; skipped silently when it does not exist. See
    /// [`user_lens_dir`].
    pub user_dir: Option<PathBuf>,
    /// Directories given with `--lenses`, in order; each must exist.
    pub extra_dirs: Vec<PathBuf>,
    /// What names are checked against.
    pub validate: ValidateOptions,
}

impl LoadOptions {
    /// The standard places: the user's directory from the environment and `extra_dirs`.
    pub fn standard(extra_dirs: Vec<PathBuf>) -> Self {
        LoadOptions {
            user_dir: user_lens_dir(),
            extra_dirs,
            validate: ValidateOptions::default(),
        }
    }
}

/// The loaded lenses and the problems met on the way.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// The usable lenses, sorted by id; each records its origin.
    pub lenses: Vec<Lens>,
    /// Every problem of every file read (errors and warnings).
    pub problems: Vec<Problem>,
}

impl Catalogue {
    /// The lens with this id.
    pub fn get(&self, id: &str) -> Option<&Lens> {
        self.lenses.iter().find(|l| l.id == id)
    }

    /// True when a file had errors (that file's lens was not loaded).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Loads the embedded lenses, then the user directory, then the extra directories.
pub fn load(options: &LoadOptions) -> Catalogue {
    let mut by_id: BTreeMap<String, Lens> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut take = |checked: Checked, problems: &mut Vec<Problem>| {
        problems.extend(checked.problems);
        if let Some(lens) = checked.lens {
            by_id.insert(lens.id.clone(), lens);
        }
    };
    for checked in check_embedded(&options.validate) {
        take(checked, &mut problems);
    }
    if let Some(dir) = &options.user_dir
        && dir.is_dir()
    {
        for checked in check_path(dir, &options.validate) {
            take(checked, &mut problems);
        }
    }
    for dir in &options.extra_dirs {
        for checked in check_path(dir, &options.validate) {
            take(checked, &mut problems);
        }
    }
    Catalogue {
        lenses: by_id.into_values().collect(),
        problems,
    }
}

/// Checks every embedded lens.
pub fn check_embedded(options: &ValidateOptions) -> Vec<Checked> {
    EMBEDDED
        .iter()
        .map(|(file, text)| {
            let shown = format!("embedded:{file}");
            let stem = file.strip_suffix(".toml").unwrap_or(file);
            check(
                &LensSource {
                    text,
                    file: &shown,
                    stem,
                    origin: Origin::Embedded,
                },
                options,
            )
        })
        .collect()
}

/// Checks a lens file, or every `*.toml` file of a directory (sorted by name).
pub fn check_path(path: &Path, options: &ValidateOptions) -> Vec<Checked> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
                .collect(),
            Err(e) => return vec![unreadable(path, &e.to_string())],
        };
        files.sort();
        files.iter().map(|f| check_file(f, options)).collect()
    } else {
        vec![check_file(path, options)]
    }
}

/// Checks one lens file on disk.
pub fn check_file(path: &Path, options: &ValidateOptions) -> Checked {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return unreadable(path, &e.to_string()),
    };
    let shown = path.display().to_string();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    check(
        &LensSource {
            text: &text,
            file: &shown,
            stem: &stem,
            origin: Origin::File(path.to_path_buf()),
        },
        options,
    )
}

fn unreadable(path: &Path, why: &str) -> Checked {
    Checked {
        lens: None,
        problems: vec![Problem {
            severity: Severity::Error,
            file: path.display().to_string(),
            line: None,
            column: None,
            message: format!(
                "cannot read the lens file or directory ({why}); check the path and its permissions"
            ),
            hint: None,
        }],
    }
}

/// The user's lens directory: `$XDG_CONFIG_HOME/schouw/lenses`, or `~/.config/schouw/lenses`
/// when `XDG_CONFIG_HOME` is unset or empty.
pub fn user_lens_dir() -> Option<PathBuf> {
    user_lens_dir_from(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

/// [`user_lens_dir`] from given environment values (for tests).
pub fn user_lens_dir_from(
    xdg_config_home: Option<OsString>,
    home: Option<OsString>,
) -> Option<PathBuf> {
    let base = match xdg_config_home.filter(|x| !x.is_empty() && Path::new(x).is_absolute()) {
        Some(x) => PathBuf::from(x),
        None => PathBuf::from(home.filter(|h| !h.is_empty())?).join(".config"),
    };
    Some(base.join("schouw").join("lenses"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_dir_follows_xdg_then_home() {
        let d = user_lens_dir_from(Some("/x/cfg".into()), Some("/home/a".into()));
        assert_eq!(d, Some(PathBuf::from("/x/cfg/schouw/lenses")));
        let d = user_lens_dir_from(None, Some("/home/a".into()));
        assert_eq!(d, Some(PathBuf::from("/home/a/.config/schouw/lenses")));
        let d = user_lens_dir_from(Some("".into()), Some("/home/a".into()));
        assert_eq!(d, Some(PathBuf::from("/home/a/.config/schouw/lenses")));
        assert_eq!(user_lens_dir_from(None, None), None);
    }
}
