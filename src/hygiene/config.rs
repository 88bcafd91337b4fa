//! The user's configuration, `~/.config/schouw/config.toml` (XDG config directory):
//!
//! ```toml
//! banner = "DEPARTEMENTAAL VERTROUWELIJK"   # shown on every screen and in exports
//! idle_lock_minutes = 10                    # 1 to 30; the BIR allows at most 30
//! theme = "mono"                           # color, mono or ascii; --theme wins
//!
//! [keys]                                    # action = key
//! privacy = "ctrl-x"
//! lock = "f12"
//! ```
//!
//! Parsed once into a serde mirror with `deny_unknown_fields`, then validated into [`Config`].
//! Every error names the file, line and column and what was expected; an unknown key comes
//! with the nearest known one. Key actions are checked for form here and against the
//! interface's action table there.

mod key_spec;
#[cfg(test)]
mod tests;

pub use key_spec::{KEY_NAMES, KeySpec};

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

/// The top-level keys.
const FIELDS: &[&str] = &["banner", "idle_lock_minutes", "theme", "keys"];

/// The idle lock when the file does not say.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 10;

/// The longest idle time allowed (BIR / NORA: a screen lock after at most 30 minutes).
pub const MAX_IDLE_LOCK_MINUTES: u32 = 30;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    banner: Option<Spanned<String>>,
    idle_lock_minutes: Option<Spanned<i64>>,
    theme: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// Where a setting was written: the line and column of its name and of its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    pub name: (usize, usize),
    pub value: (usize, usize),
}

/// The validated configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The file it was read from (`<config>` for text), for messages about its values.
    pub file: PathBuf,
    /// Where each setting was written: `theme`, `banner`, `keys.privacy`, ….
    pub places: BTreeMap<String, Place>,
    /// The classification banner.
    pub banner: Option<String>,
    /// Minutes without input before the screen locks.
    pub idle_lock_minutes: u32,
    /// The colour theme's name.
    pub theme: Option<String>,
    /// Remapped keys: action name → key.
    pub keys: BTreeMap<String, KeySpec>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            file: PathBuf::from("<config>"),
            places: BTreeMap::new(),
            banner: None,
            idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
            theme: None,
            keys: BTreeMap::new(),
        }
    }
}

/// A configuration problem and where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}{}", file.display(), hint.as_ref().map(|h| format!("\n  {h}")).unwrap_or_default())]
pub struct ConfigError {
    /// The file (or `<config>` for text).
    pub file: PathBuf,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What was expected, or the nearest known key.
    pub hint: Option<String>,
}

impl Config {
    /// The configuration file's place: `$XDG_CONFIG_HOME/schouw/config.toml`, by default
    /// `~/.config/schouw/config.toml`.
    pub fn default_path() -> Option<PathBuf> {
        directories::BaseDirs::new().map(|d| d.config_dir().join("schouw").join("config.toml"))
    }

    /// Loads the default file; no file means the defaults.
    pub fn load() -> Result<Config, ConfigError> {
        match Config::default_path() {
            Some(p) if p.exists() => Config::from_file(&p),
            _ => Ok(Config::default()),
        }
    }

    /// Reads and validates one file.
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: path.to_owned(),
            line: 1,
            column: 1,
            message: format!("cannot read the configuration: {e}"),
            hint: None,
        })?;
        parse(&text, path)
    }

    /// Validates configuration text (`file` is used in messages only).
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        parse(text, Path::new("<config>"))
    }

    /// The key remapped to `action`, if any.
    pub fn key_for(&self, action: &str) -> Option<&KeySpec> {
        self.keys.get(action)
    }

    /// An error about a setting that parsed but does not fit where it is used (a theme or a
    /// key the interface does not know), pointing at the setting's name or value.
    pub fn error_at(
        &self,
        setting: &str,
        at_value: bool,
        message: String,
        hint: Option<String>,
    ) -> ConfigError {
        let place = self.places.get(setting).copied().unwrap_or_default();
        let (line, column) = if at_value { place.value } else { place.name };
        ConfigError {
            file: self.file.clone(),
            line: line.max(1),
            column: column.max(1),
            message,
            hint,
        }
    }
}

fn parse(text: &str, file: &Path) -> Result<Config, ConfigError> {
    let err = |span: Option<Range<usize>>, message: String, hint: Option<String>| {
        let (line, column) = line_col(text, span.map_or(0, |s| s.start));
        ConfigError {
            file: file.to_owned(),
            line,
            column,
            message,
            hint,
        }
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_owned();
        let hint = unknown_field(&message).map(|f| match nearest(f) {
            Some(n) => format!("did you mean `{n}`? known keys: {}", FIELDS.join(", ")),
            None => format!("known keys: {}", FIELDS.join(", ")),
        });
        let message = match unknown_field(&message) {
            Some(f) => format!("unknown key `{f}`"),
            None => message,
        };
        err(e.span(), message, hint)
    })?;
    let mut config = Config {
        file: file.to_owned(),
        ..Config::default()
    };
    let place = |name: Option<Range<usize>>, value: Range<usize>| Place {
        name: line_col(text, name.map_or(value.start, |n| n.start)),
        value: line_col(text, value.start),
    };
    if let Some(b) = &raw.banner {
        config.places.insert("banner".into(), place(None, b.span()));
    }
    if let Some(t) = &raw.theme {
        config.places.insert("theme".into(), place(None, t.span()));
    }
    for (action, key) in &raw.keys {
        config.places.insert(
            format!("keys.{}", action.get_ref()),
            place(Some(action.span()), key.span()),
        );
    }
    if let Some(b) = raw.banner {
        let n = b.get_ref().chars().count();
        if n == 0 || n > 80 || b.get_ref().chars().any(crate::sanitize::is_unsafe) {
            return Err(err(
                Some(b.span()),
                "the banner is not usable".into(),
                Some("expected 1 to 80 printable characters on one line".into()),
            ));
        }
        config.banner = Some(b.into_inner());
    }
    if let Some(m) = raw.idle_lock_minutes {
        let v = *m.get_ref();
        if !(1..=i64::from(MAX_IDLE_LOCK_MINUTES)).contains(&v) {
            return Err(err(
                Some(m.span()),
                format!("idle_lock_minutes = {v} is out of range"),
                Some(format!(
                    "expected a whole number of minutes from 1 to {MAX_IDLE_LOCK_MINUTES}"
                )),
            ));
        }
        config.idle_lock_minutes = v as u32;
    }
    if let Some(t) = raw.theme {
        if !is_name(t.get_ref()) {
            return Err(err(
                Some(t.span()),
                "the theme name is not usable".into(),
                Some("expected a name of letters, digits, '-' or '_' (up to 32)".into()),
            ));
        }
        config.theme = Some(t.into_inner());
    }
    let mut taken: BTreeMap<KeySpec, String> = BTreeMap::new();
    for (action, key) in raw.keys {
        if !is_name(action.get_ref()) {
            return Err(err(
                Some(action.span()),
                format!(
                    "`{}` is not an action name",
                    crate::sanitize::line(action.get_ref())
                ),
                Some("expected a name of letters, digits, '-' or '_' (up to 32)".into()),
            ));
        }
        let spec = KeySpec::parse(key.get_ref())
            .map_err(|hint| err(Some(key.span()), "not a key".into(), Some(hint)))?;
        if let Some(other) = taken.insert(spec.clone(), action.get_ref().clone()) {
            return Err(err(
                Some(key.span()),
                format!("{spec} is already bound to `{other}`"),
                Some("expected a different key for each action".into()),
            ));
        }
        config.keys.insert(action.into_inner(), spec);
    }
    Ok(config)
}

fn is_name(s: &str) -> bool {
    (1..=32).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The field name in serde's "unknown field `x`, expected …".
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split_once('`').map(|(f, _)| f)
}

/// The known key closest to `s`, if it is close enough to be a likely typo.
fn nearest(s: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .map(|f| (edit_distance(s, f), *f))
        .filter(|(d, f)| *d <= (f.len() / 3).max(2) || f.starts_with(s) || s.starts_with(f))
        .min()
        .map(|(_, f)| f)
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut row = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            row.push((prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1));
        }
        prev = row;
    }
    prev[b.len()]
}

/// 1-based line and character column of byte `offset`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}
