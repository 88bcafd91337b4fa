//! Keys become [`Action`]s here, through ONE table ([`TABLE`]) that also renders the help screen
//! and the footer, so the three cannot drift apart. Every action has a printable key or a plain
//! navigation key; nothing needs a mouse, F-keys or Alt, and Esc only ever goes back or cancels.
//!
//! The table can be remapped from `config.toml`'s `[keys]` (see [`remap`]): a [`KeyTable`] is
//! the default table with the user's keys in it, and dispatch, help and footer all read that,
//! so a remapped key shows where the default one did.
//!
//! This file, its children (`keys/table.rs`, `keys/remap.rs`) and `terminal.rs` are the only ones
//! that know crossterm types.

mod remap;
mod table;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use remap::{REMAPPABLE, RemapError, key_from_spec};
pub use table::TABLE;

use super::i18n::{L, Lang};
use super::source::SaveError;
use Ctx::*;

/// Everything that can change the app's state. Keys map to the variants without data; the
/// event loop sends the rest.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfUp,
    HalfDown,
    Open,
    Back,
    Quit,
    QuitNow,
    Help,
    Filter,
    Finder,
    Command,
    NextPanel,
    PrevPanel,
    SortAsc,
    SortDesc,
    Level,
    Compare,
    Gemeente,
    LensDetail,
    WeightUp,
    WeightDown,
    WeightReset,
    Save,
    Redraw,
    /// Blank the screen at once (the privacy key).
    Privacy,
    /// Lock the screen (`:lock`, or a key from `config.toml`).
    Lock,
    /// Any key on the blanked screen.
    Unblank,
    /// No input for the idle time (sent by the event loop's clock).
    IdleTimeout,
    /// In a prompt or question.
    Accept,
    Cancel,
    Complete,
    Erase,
    Yes,
    No,
    Input(char),
    /// The terminal has this many columns and rows.
    Resize(u16, u16),
    /// The outcome of [`super::app::Effect::SaveLens`].
    Saved(Result<String, SaveError>),
    /// The outcome of [`super::app::Effect::Audit`] or [`super::app::Effect::Lock`]: the entry
    /// is committed, or why it is not.
    Audited(Result<(), String>),
    /// The data source finished background work (see [`super::source::Need`]).
    Loaded,
    /// The outcome of [`super::app::Effect::Export`]: what was written, or why not.
    Exported(Result<crate::export::ExportSummary, super::app::ExportFailure>),
}

/// Where a binding applies. The app says which contexts are active (see `App::contexts`),
/// most specific first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    /// Active in every mode but the lock and blank screens: the privacy and lock keys.
    Always,
    Global,
    Lenses,
    LensDetail,
    Area,
    Entity,
    Help,
    /// The `/` filter and `:` command line.
    Prompt,
    Finder,
    Confirm,
    /// The purpose prompt.
    Purpose,
    /// The lock screen: the unlock code is typed.
    Locked,
    /// The blanked screen: any key comes back.
    Blank,
}

/// One key: a code and the modifiers that must be held (Shift is ignored for characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

/// One row of the key table.
pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: L,
    /// Shown in the footer line.
    pub footer: bool,
}

fn matches(key: Key, ev: &KeyEvent) -> bool {
    let mods = if matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab) {
        ev.modifiers - KeyModifiers::SHIFT
    } else {
        ev.modifiers
    };
    key.0 == ev.code && key.1 == mods
}

/// One row of a [`KeyTable`]: a [`Binding`] whose keys may have been remapped.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub ctx: Ctx,
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: L,
    pub footer: bool,
}

/// The key table in force: [`TABLE`], with the keys of `config.toml` in it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyTable {
    rows: Vec<Row>,
}

impl Default for KeyTable {
    fn default() -> Self {
        KeyTable {
            rows: TABLE
                .iter()
                .map(|b| Row {
                    ctx: b.ctx,
                    keys: b.keys.to_vec(),
                    action: b.action.clone(),
                    help: b.help,
                    footer: b.footer,
                })
                .collect(),
        }
    }
}

/// One footer hint.
#[derive(Clone, Debug, PartialEq)]
pub struct Hint {
    pub action: Action,
    pub key: String,
    pub label: &'static str,
}

impl KeyTable {
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The action for a key press in the active contexts (most specific first), or `None`.
    pub fn action(&self, ctxs: &[Ctx], ev: &KeyEvent) -> Option<Action> {
        if ev.kind != KeyEventKind::Press {
            return None;
        }
        if ctxs.contains(&Blank) {
            return Some(Action::Unblank);
        }
        for ctx in ctxs {
            if let Some(b) = self
                .rows
                .iter()
                .find(|b| b.ctx == *ctx && b.keys.iter().any(|k| matches(*k, ev)))
            {
                return Some(b.action.clone());
            }
        }
        let typing = ctxs
            .iter()
            .any(|c| matches!(c, Prompt | Finder | Purpose | Locked));
        match ev.code {
            KeyCode::Char(c)
                if typing
                    && !ev
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Input(c))
            }
            _ if ctxs.contains(&Confirm) => Some(Action::No),
            _ => None,
        }
    }

    /// Help for the active contexts: `(context, keys, what they do)` per binding, in table
    /// order. A binding without a key (`lock` by default) shows its command.
    pub fn help(&self, ctxs: &[Ctx], lang: Lang) -> Vec<(Ctx, String, &'static str)> {
        ctxs.iter()
            .flat_map(|ctx| self.rows.iter().filter(move |b| b.ctx == *ctx))
            .map(|b| {
                let keys: Vec<String> = b.keys.iter().map(|k| key_name(*k)).collect();
                let keys = match (keys.is_empty(), &b.action) {
                    (true, Action::Lock) => ":lock".to_owned(),
                    (true, _) => "-".to_owned(),
                    _ => keys.join("/"),
                };
                (b.ctx, keys, b.help.t(lang))
            })
            .collect()
    }

    /// The footer hints for the active contexts: first key and label, no action twice,
    /// bindings without a key left out.
    pub fn footer(&self, ctxs: &[Ctx], lang: Lang) -> Vec<Hint> {
        let mut out: Vec<Hint> = Vec::new();
        for ctx in ctxs {
            for b in self.rows.iter().filter(|b| b.ctx == *ctx && b.footer) {
                let Some(first) = b.keys.first() else {
                    continue;
                };
                if out.iter().any(|h| h.action == b.action) {
                    continue;
                }
                out.push(Hint {
                    action: b.action.clone(),
                    key: key_name(*first),
                    label: b.help.t(lang),
                });
            }
        }
        out
    }

    /// The name of the first key of `action` in `ctx`, if it has one.
    pub fn key_of(&self, ctx: Ctx, action: &Action) -> Option<String> {
        self.rows
            .iter()
            .find(|b| b.ctx == ctx && b.action == *action)
            .and_then(|b| b.keys.first())
            .map(|k| key_name(*k))
    }
}

static DEFAULT: LazyLock<KeyTable> = LazyLock::new(KeyTable::default);

/// [`KeyTable::action`] of the default table.
pub fn action(ctxs: &[Ctx], ev: &KeyEvent) -> Option<Action> {
    DEFAULT.action(ctxs, ev)
}

/// [`KeyTable::help`] of the default table.
pub fn help(ctxs: &[Ctx], lang: Lang) -> Vec<(Ctx, String, &'static str)> {
    DEFAULT.help(ctxs, lang)
}

/// [`KeyTable::footer`] of the default table.
pub fn footer(ctxs: &[Ctx], lang: Lang) -> Vec<Hint> {
    DEFAULT.footer(ctxs, lang)
}

/// A key's name as shown in help and footer; ASCII only.
pub fn key_name(key: Key) -> String {
    let base = match key.0 {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Bksp".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    let mut name = String::new();
    if key.1.contains(KeyModifiers::CONTROL) {
        name.push_str("Ctrl-");
    }
    if key.1.contains(KeyModifiers::ALT) {
        name.push_str("Alt-");
    }
    if key.1.contains(KeyModifiers::SHIFT) {
        name.push_str("Shift-");
    }
    if key.1.contains(KeyModifiers::CONTROL) {
        name.push_str(&base.to_uppercase());
    } else {
        name.push_str(&base);
    }
    name
}
