//! [`KeySpec`]: a key with modifiers as written in `[keys]`, parsed and shown back.

use std::fmt;

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
