//! Which keys a remap may give an action at all, clashes apart (those are `super`'s check):
//!
//! - keys a terminal does not send as themselves (`ctrl-shift-x` arrives as `ctrl-x`,
//!   `ctrl-m` as Enter, `shift-enter` as Enter, `ctrl-1` as nothing at all): the action
//!   would be unreachable;
//! - Esc and Enter for anything but `back` and `open`: everywhere else they cancel and
//!   accept, so a habitual Esc or Enter must never do something else, let alone something
//!   destructive;
//! - for `privacy` and `lock`, which work while typing and in every list: keys that are typed
//!   or navigate (letters, Tab, Backspace, arrows, Home, End, PageUp, PageDown, Insert,
//!   Delete);
//! - for `quit_now`, which ends the session without asking: keys that are typed or navigate,
//!   so that a key pressed by mistake cannot end it.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::super::{Action, Key};
use crate::hygiene::config::KeySpec;

/// Why `spec` (as `key`) cannot be the key of `action` (named `name` in the file): the
/// message and what to do, or `None` when it may be.
pub(super) fn refusal(
    name: &str,
    action: &Action,
    spec: &KeySpec,
    key: Key,
) -> Option<(String, String)> {
    if let Some(sent) = indistinct(spec) {
        return Some((
            format!("the terminal sends {spec} as {sent}, so `{name}` could not be reached"),
            "choose a key the terminal sends as itself: a letter, a function key, or Ctrl or Alt with a letter, e.g. \"ctrl-o\" or \"f12\"".into(),
        ));
    }
    let plain = key.1.is_empty();
    if plain && key.0 == KeyCode::Esc && *action != Action::Back {
        return Some((
            format!("Esc cannot be the key of `{name}`"),
            "Esc goes back and cancels everywhere; give this action another key".into(),
        ));
    }
    if plain && key.0 == KeyCode::Enter && *action != Action::Open {
        return Some((
            format!("Enter cannot be the key of `{name}`"),
            "Enter opens and confirms everywhere; give this action another key".into(),
        ));
    }
    let guarded = matches!(action, Action::Privacy | Action::Lock | Action::QuitNow);
    if guarded && (typed(key) || navigates(key)) {
        let why = match action {
            Action::QuitNow => {
                "ends the session without asking, so a key pressed by mistake must not do it"
            }
            _ => "works while typing and in every list",
        };
        return Some((
            format!("{spec} cannot be the {name} key"),
            format!(
                "`{name}` {why}: it needs a key that is not typed and does not move: Ctrl, Alt or a function key, e.g. \"ctrl-o\" or \"f12\""
            ),
        ));
    }
    None
}

/// What a terminal sends instead of `spec`, when it cannot send `spec` itself.
fn indistinct(spec: &KeySpec) -> Option<String> {
    let mut chars = spec.key.chars();
    let one = match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    };
    let ctrl_only = spec.ctrl && !spec.alt;
    match (one, spec.key.as_str()) {
        (Some(c), _) if spec.ctrl && spec.shift && c.is_ascii_alphabetic() => {
            Some(format!("ctrl-{}", c.to_ascii_lowercase()))
        }
        (Some('m'), _) if ctrl_only => Some("Enter".into()),
        (Some('i'), _) if ctrl_only => Some("Tab".into()),
        (Some('h'), _) if ctrl_only => Some("Backspace (on many terminals)".into()),
        (Some('['), _) if ctrl_only => Some("Esc".into()),
        (Some(c), _) if ctrl_only && !c.is_ascii_alphabetic() && c != ' ' => {
            Some("another key or nothing".into())
        }
        (None, k @ ("enter" | "esc" | "backspace")) if spec.shift || spec.ctrl => {
            Some(k.to_owned())
        }
        (None, "space") if spec.shift => Some("space".into()),
        (None, "tab") if spec.ctrl => Some("tab".into()),
        _ => None,
    }
}

/// Keys a prompt types or uses itself.
pub(super) fn typed(key: Key) -> bool {
    let plain = !key.1.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    (plain && matches!(key.0, KeyCode::Char(_)))
        || matches!(
            key.0,
            KeyCode::Enter | KeyCode::Esc | KeyCode::Backspace | KeyCode::Tab
        ) && key.1.is_empty()
}

/// Keys that move in lists, prompts and the finder (with any modifiers).
fn navigates(key: Key) -> bool {
    matches!(
        key.0,
        KeyCode::Up
            | KeyCode::Down
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::PageUp
            | KeyCode::PageDown
            | KeyCode::Tab
            | KeyCode::BackTab
            | KeyCode::Backspace
            | KeyCode::Delete
            | KeyCode::Insert
            | KeyCode::Enter
            | KeyCode::Esc
    )
}
