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

use std::collections::BTreeMap;
use std::fmt;
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

/// A key with modifiers, e.g. `ctrl-x`, `f12`, `alt-shift-left`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KeySpec {
    /// Control held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
    /// Shift held.
    pub shift: bool,
    /// The key: one character, `f1`..`f12`, or a name from [`KEY_NAMES`].
    pub key: String,
}

/// Named keys.
pub const KEY_NAMES: &[&str] = &[
    "enter",
    "esc",
    "tab",
    "backtab",
    "backspace",
    "delete",
    "insert",
    "home",
    "end",
    "pageup",
    "pagedown",
    "up",
    "down",
    "left",
    "right",
    "space",
];

impl KeySpec {
    /// Parses `ctrl-x`, `F12`, `alt-shift-left`, `q`, `-` (case-insensitive names).
    pub fn parse(s: &str) -> Result<KeySpec, String> {
        let expected = "expected a key like \"ctrl-x\", \"f12\", \"q\" or \"alt-left\"";
        let mut spec = KeySpec {
            ctrl: false,
            alt: false,
            shift: false,
            key: String::new(),
        };
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let flag = if lower.starts_with("ctrl-") && rest.len() > 5 {
                &mut spec.ctrl
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                &mut spec.alt
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                &mut spec.shift
            } else {
                break;
            };
            if *flag {
                return Err(format!("a modifier appears twice; {expected}"));
            }
            *flag = true;
            rest = &rest[rest.find('-').map_or(0, |i| i + 1)..];
        }
        let mut chars = rest.chars();
        let key = match (chars.next(), chars.next()) {
            // With a modifier a letter's case means nothing to the terminal: `ctrl-X` is
            // `ctrl-x`. Alone, `Q` and `q` are different keys.
            (Some(c), None) if !c.is_control() && !crate::sanitize::is_unsafe(c) => {
                if spec.ctrl || spec.alt {
                    c.to_ascii_lowercase().to_string()
                } else {
                    c.to_string()
                }
            }
            _ => {
                let name = rest.to_ascii_lowercase();
                let function = name
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .is_some_and(|n| (1..=12).contains(&n));
                if !function && !KEY_NAMES.contains(&name.as_str()) {
                    return Err(expected.to_owned());
                }
                name
            }
        };
        spec.key = key;
        Ok(spec)
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (on, name) in [
            (self.ctrl, "ctrl-"),
            (self.alt, "alt-"),
            (self.shift, "shift-"),
        ] {
            if on {
                f.write_str(name)?;
            }
        }
        f.write_str(&self.key)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_file_parses() {
        let c = Config::from_toml(
            "banner = \"DEPARTEMENTAAL VERTROUWELIJK\"\nidle_lock_minutes = 5\ntheme = \"dark\"\n\n[keys]\nprivacy = \"Ctrl-X\"\nlock = \"f12\"\n",
        )
        .unwrap();
        assert_eq!(c.banner.as_deref(), Some("DEPARTEMENTAAL VERTROUWELIJK"));
        assert_eq!(c.idle_lock_minutes, 5);
        assert_eq!(c.theme.as_deref(), Some("dark"));
        assert_eq!(c.key_for("privacy").unwrap().to_string(), "ctrl-x");
        assert_eq!(c.key_for("lock").unwrap().to_string(), "f12");
    }

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(Config::from_toml("").unwrap(), Config::default());
        assert_eq!(Config::default().idle_lock_minutes, 10);
    }

    #[test]
    fn unknown_key_suggests_and_points() {
        let e = Config::from_toml("banner = \"X\"\nidle_lock = 5\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.message.contains("unknown key `idle_lock`"), "{e}");
        assert!(
            e.hint
                .as_deref()
                .unwrap()
                .contains("did you mean `idle_lock_minutes`?"),
            "{e}"
        );
        let shown = e.to_string();
        assert!(shown.starts_with("<config>:2:1: unknown key"), "{shown}");
        let e = Config::from_toml("thme = \"dark\"\n").unwrap_err();
        assert!(e.hint.unwrap().contains("`theme`"));
    }

    #[test]
    fn bad_values_point_at_the_value() {
        let e = Config::from_toml("idle_lock_minutes = 90\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 21), "{e}");
        assert!(e.hint.unwrap().contains("from 1 to 30"));
        let e = Config::from_toml("idle_lock_minutes = \"ten\"\n").unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        let e = Config::from_toml("[keys]\nprivacy = \"ctrl-hyper\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 11), "{e}");
        let e = Config::from_toml("[keys]\nprivacy = \"ctrl-x\"\nlock = \"Ctrl-x\"\n").unwrap_err();
        assert!(e.message.contains("already bound"), "{e}");
        let e = Config::from_toml("banner = \"a\\u202Eb\"\n").unwrap_err();
        assert!(e.message.contains("banner"), "{e}");
    }

    #[test]
    fn errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "\n\n  banner = \"X\"\n  idle_lock_minuten = 5\n").unwrap();
        let e = Config::from_file(&path).unwrap_err();
        assert_eq!(e.file, path);
        assert_eq!((e.line, e.column), (4, 3), "{e}");
        assert!(
            e.to_string().contains("did you mean `idle_lock_minutes`?"),
            "{e}"
        );
        let missing = Config::from_file(&dir.path().join("none.toml")).unwrap_err();
        assert!(missing.message.contains("cannot read"));
    }

    #[test]
    fn key_specs() {
        for (s, shown) in [
            ("q", "q"),
            ("-", "-"),
            ("ctrl--", "ctrl--"),
            ("Alt-Shift-Left", "alt-shift-left"),
            ("F1", "f1"),
        ] {
            assert_eq!(KeySpec::parse(s).unwrap().to_string(), shown, "{s}");
        }
        for bad in ["", "f13", "ctrl-ctrl-x", "hyper-x", "\u{1b}", "ab"] {
            assert!(KeySpec::parse(bad).is_err(), "{bad:?}");
        }
    }
}
