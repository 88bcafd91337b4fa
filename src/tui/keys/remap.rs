//! `[keys]` from `config.toml` into the key table. Each remappable action has a name
//! ([`REMAPPABLE`]); `name = "key"` makes that key the action's main key (the first one, which
//! help and footer show) in the screens where the action is bound, and frees the old main key.
//! Other keys of the action (the arrows beside `j`/`k`) stay. Prompts, help and questions keep
//! their own keys, except the privacy and lock keys, which work everywhere and therefore may
//! not be keys that are typed.
//!
//! A remap is refused with the action named when the name is unknown, when the key already
//! does something else where the action works (two actions on one key), or when the key is
//! not fit for the action ([`rules`]: a key the terminal cannot send, which would leave the
//! action unreachable; Esc or Enter for anything but back and open; a typed or navigation
//! key for the privacy, lock and quit-now keys); the commands layer turns that into a
//! `file:line:column` message with what to do.

mod rules;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Action, Ctx, Key, KeyTable};
use crate::hygiene::config::KeySpec;

/// The actions `[keys]` can remap, by the name config.toml uses.
pub const REMAPPABLE: &[(&str, Action)] = &[
    ("up", Action::Up),
    ("down", Action::Down),
    ("left", Action::Left),
    ("right", Action::Right),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("page_up", Action::PageUp),
    ("page_down", Action::PageDown),
    ("half_up", Action::HalfUp),
    ("half_down", Action::HalfDown),
    ("open", Action::Open),
    ("back", Action::Back),
    ("quit", Action::Quit),
    ("quit_now", Action::QuitNow),
    ("help", Action::Help),
    ("filter", Action::Filter),
    ("finder", Action::Finder),
    ("command", Action::Command),
    ("next_panel", Action::NextPanel),
    ("prev_panel", Action::PrevPanel),
    ("sort_asc", Action::SortAsc),
    ("sort_desc", Action::SortDesc),
    ("level", Action::Level),
    ("compare", Action::Compare),
    ("gemeente", Action::Gemeente),
    ("lens_detail", Action::LensDetail),
    ("weight_up", Action::WeightUp),
    ("weight_down", Action::WeightDown),
    ("weight_reset", Action::WeightReset),
    ("save", Action::Save),
    ("redraw", Action::Redraw),
    ("privacy", Action::Privacy),
    ("lock", Action::Lock),
];

/// The contexts a remap changes: the screens, everywhere, and always.
const SCREENS: [Ctx; 4] = [Ctx::Lenses, Ctx::LensDetail, Ctx::Area, Ctx::Entity];

fn remapped_ctx(ctx: Ctx) -> bool {
    SCREENS.contains(&ctx) || matches!(ctx, Ctx::Global | Ctx::Always)
}

/// Why a remap was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemapError {
    /// The action name as written in the file.
    pub action: String,
    /// The problem is the key (`true`) or the name (`false`): where the message points.
    pub at_key: bool,
    pub message: String,
    pub hint: String,
}

/// The crossterm key for a key from the configuration. Shift with a letter is the capital
/// letter (the table ignores Shift for characters); with other keys it is a modifier.
pub fn key_from_spec(spec: &KeySpec) -> Key {
    let mut mods = KeyModifiers::NONE;
    if spec.ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    if spec.alt {
        mods |= KeyModifiers::ALT;
    }
    let mut chars = spec.key.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            let c = if spec.shift {
                c.to_ascii_uppercase()
            } else {
                c
            };
            KeyCode::Char(c)
        }
        _ => {
            let named = match spec.key.as_str() {
                "enter" => KeyCode::Enter,
                "esc" => KeyCode::Esc,
                "tab" if spec.shift => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "space" => KeyCode::Char(' '),
                f => KeyCode::F(f.trim_start_matches('f').parse().unwrap_or(12)),
            };
            if spec.shift && !matches!(named, KeyCode::BackTab | KeyCode::Char(_)) {
                mods |= KeyModifiers::SHIFT;
            }
            named
        }
    };
    Key(code, mods)
}

fn name_of(action: &Action) -> &'static str {
    REMAPPABLE
        .iter()
        .find(|(_, a)| a == action)
        .map_or("?", |(n, _)| n)
}

impl KeyTable {
    /// The default table with `remaps` (action name as written, key) in it.
    pub fn remapped(remaps: &[(String, KeySpec)]) -> Result<KeyTable, RemapError> {
        let mut table = KeyTable::default();
        let mut keyed: Vec<(&str, Action, Key)> = Vec::new();
        for (name, spec) in remaps {
            let Some((_, action)) = REMAPPABLE.iter().find(|(n, _)| n == name) else {
                return Err(RemapError {
                    action: name.clone(),
                    at_key: false,
                    message: format!("`{}` is not an action of the interface", name),
                    hint: match nearest(name) {
                        Some(n) => format!("did you mean `{n}`? actions: {}", all_names()),
                        None => format!("actions: {}", all_names()),
                    },
                });
            };
            let key = key_from_spec(spec);
            if let Some((message, hint)) = rules::refusal(name, action, spec, key) {
                return Err(RemapError {
                    action: name.clone(),
                    at_key: true,
                    message,
                    hint,
                });
            }
            for row in table
                .rows
                .iter_mut()
                .filter(|r| r.action == *action && remapped_ctx(r.ctx))
            {
                match row.keys.first_mut() {
                    Some(first) => *first = key,
                    None => row.keys.push(key),
                }
            }
            keyed.push((name, action.clone(), key));
        }
        for (name, action, key) in &keyed {
            if let Some(other) = table.clash(action, *key) {
                return Err(RemapError {
                    action: (*name).to_owned(),
                    at_key: true,
                    message: format!(
                        "{} is already the key of `{}`",
                        super::key_name(*key),
                        name_of(&other)
                    ),
                    hint: format!(
                        "choose another key, or give `{}` another key too",
                        name_of(&other)
                    ),
                });
            }
        }
        Ok(table)
    }

    /// Another action that `key` triggers where `action` works with it, if any.
    fn clash(&self, action: &Action, key: Key) -> Option<Action> {
        let mine: Vec<Ctx> = self
            .rows
            .iter()
            .filter(|r| r.action == *action && r.keys.contains(&key))
            .map(|r| r.ctx)
            .collect();
        // The contexts active together with each of mine.
        let together = |c: Ctx| -> Vec<Ctx> {
            match c {
                Ctx::Always => vec![
                    Ctx::Always,
                    Ctx::Global,
                    Ctx::Lenses,
                    Ctx::LensDetail,
                    Ctx::Area,
                    Ctx::Entity,
                    Ctx::Help,
                    Ctx::Prompt,
                    Ctx::Purpose,
                    Ctx::Finder,
                    Ctx::Confirm,
                ],
                Ctx::Global => [&SCREENS[..], &[Ctx::Global, Ctx::Always]].concat(),
                screen => vec![screen, Ctx::Global, Ctx::Always],
            }
        };
        mine.into_iter().flat_map(together).find_map(|ctx| {
            self.rows
                .iter()
                .find(|r| r.ctx == ctx && r.action != *action && r.keys.contains(&key))
                .map(|r| r.action.clone())
        })
    }
}

fn all_names() -> String {
    REMAPPABLE
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The action name closest to a misspelt one.
fn nearest(s: &str) -> Option<&'static str> {
    REMAPPABLE
        .iter()
        .map(|(n, _)| (crate::hygiene::config::edit_distance(s, n), *n))
        .filter(|(d, n)| *d <= (n.len() / 3).max(2))
        .min()
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::i18n::Lang;
    use ratatui::crossterm::event::KeyEvent;

    fn spec(s: &str) -> KeySpec {
        KeySpec::parse(s).unwrap()
    }

    fn remap(pairs: &[(&str, &str)]) -> Result<KeyTable, RemapError> {
        let v: Vec<(String, KeySpec)> = pairs
            .iter()
            .map(|(a, k)| (a.to_string(), spec(k)))
            .collect();
        KeyTable::remapped(&v)
    }

    #[test]
    fn a_remapped_key_dispatches_and_shows_and_the_old_one_is_free() {
        let t = remap(&[("privacy", "ctrl-o"), ("lock", "f12")]).unwrap();
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let ctxs = [Ctx::Always, Ctx::Lenses, Ctx::Global];
        assert_eq!(t.action(&ctxs, &ctrl('o')), Some(Action::Privacy));
        assert_eq!(t.action(&ctxs, &ctrl('x')), None);
        let f12 = KeyEvent::new(KeyCode::F(12), KeyModifiers::NONE);
        assert_eq!(t.action(&ctxs, &f12), Some(Action::Lock));
        // In a prompt too: these keys work while typing.
        assert_eq!(
            t.action(&[Ctx::Always, Ctx::Prompt], &ctrl('o')),
            Some(Action::Privacy)
        );
        let footer = t.footer(&[Ctx::Lenses, Ctx::Global, Ctx::Always], Lang::Nl);
        assert!(
            footer
                .iter()
                .any(|h| h.key == "Ctrl-O" && h.action == Action::Privacy)
        );
        let help = t.help(&[Ctx::Always], Lang::En);
        assert!(help.iter().any(|(_, k, _)| k == "F12"), "{help:?}");
        // Arrows stay beside a remapped letter.
        let t = remap(&[("down", "n"), ("level", "L")]).unwrap();
        let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
        let n = [Ctx::Lenses, Ctx::Global];
        assert_eq!(t.action(&n, &key(KeyCode::Char('n'))), Some(Action::Down));
        assert_eq!(t.action(&n, &key(KeyCode::Down)), Some(Action::Down));
        assert_eq!(t.action(&n, &key(KeyCode::Char('j'))), None);
    }

    #[test]
    fn refusals_name_the_action_and_why() {
        let e = remap(&[("privacey", "ctrl-o")]).unwrap_err();
        assert_eq!((e.action.as_str(), e.at_key), ("privacey", false));
        assert!(e.hint.contains("did you mean `privacy`?"), "{e:?}");
        let e = remap(&[("privacy", "ctrl-d")]).unwrap_err();
        assert!(e.at_key);
        assert!(e.message.contains("`half_down`"), "{e:?}");
        let e = remap(&[("privacy", "x")]).unwrap_err();
        assert!(e.hint.contains("works while typing"), "{e:?}");
        // Ctrl-P is the finder's "up" key: the privacy key works there too.
        let e = remap(&[("privacy", "ctrl-p")]).unwrap_err();
        assert!(
            e.message.contains("`finder`") || e.message.contains("`up`"),
            "{e:?}"
        );
        // j is down's key unless down moves too.
        assert!(remap(&[("up", "j")]).is_err());
        assert!(remap(&[("up", "j"), ("down", "k")]).is_ok());
    }

    #[test]
    fn keys_that_collide_or_leave_an_action_unreachable_are_refused() {
        let refused = |pairs: &[(&str, &str)], want: &str| {
            let e = remap(pairs).unwrap_err();
            assert!(e.at_key, "{pairs:?}: {e:?}");
            let said = format!("{} {}", e.message, e.hint);
            assert!(said.contains(want), "{pairs:?}: {said}");
        };
        // Two actions on one key, also when both are remapped.
        refused(&[("level", "x"), ("compare", "x")], "already the key of");
        // Esc stays back and cancel: not quit_now (destructive), not anything else, even
        // when back itself moved away from it.
        refused(&[("back", "b"), ("quit_now", "esc")], "Esc goes back");
        refused(&[("back", "b"), ("help", "esc")], "Esc goes back");
        refused(&[("open", "o"), ("quit", "enter")], "Enter opens");
        // The privacy, lock and quit-now keys never on a navigation or typed key, even one
        // its action has given up.
        refused(&[("privacy", "down")], "does not move");
        refused(&[("down", "n"), ("privacy", "pagedown")], "does not move");
        refused(&[("lock", "home")], "does not move");
        refused(&[("privacy", "shift-left")], "does not move");
        refused(&[("quit_now", "Q")], "without asking");
        // Keys the terminal cannot send as themselves.
        refused(
            &[("finder", "ctrl-shift-f")],
            "sends ctrl-shift-f as ctrl-f",
        );
        refused(&[("lock", "ctrl-m")], "as Enter");
        refused(&[("lock", "ctrl-i")], "as Tab");
        refused(&[("lock", "ctrl-1")], "could not be reached");
        refused(&[("open", "shift-enter")], "could not be reached");
        // What is fine stays fine.
        assert!(remap(&[("privacy", "f9"), ("lock", "alt-l"), ("quit_now", "ctrl-q")]).is_ok());
        assert!(remap(&[("back", "esc"), ("open", "enter")]).is_ok());
        assert!(remap(&[("lock", "ctrl-space")]).is_ok());
    }

    #[test]
    fn every_remappable_action_is_in_the_table() {
        for (name, action) in REMAPPABLE {
            assert!(
                KeyTable::default()
                    .rows()
                    .iter()
                    .any(|r| r.action == *action && remapped_ctx(r.ctx)),
                "{name}"
            );
        }
    }
}
