//! Keys become [`Action`]s here, through ONE table ([`TABLE`]) that also renders the help screen
//! and the footer, so the three cannot drift apart. Every action has a printable key or a plain
//! navigation key; nothing needs a mouse, F-keys or Alt, and Esc only ever goes back or cancels.
//!
//! The table can be remapped from `config.toml`'s `[keys]` (see [`remap`]): a [`KeyTable`] is
//! the default table with the user's keys in it, and dispatch, help and footer all read that,
//! so a remapped key shows where the default one did.
//!
//! This file, `keys/remap.rs` and `terminal.rs` are the only ones that know crossterm types.

mod remap;

use std::sync::LazyLock;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use remap::{REMAPPABLE, RemapError, key_from_spec};

use super::i18n::{L, Lang};
use super::source::SaveError;

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

const fn k(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}
const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}

const UP: Key = code(KeyCode::Up);
const DOWN: Key = code(KeyCode::Down);
const LEFT: Key = code(KeyCode::Left);
const RIGHT: Key = code(KeyCode::Right);
const ENTER: Key = code(KeyCode::Enter);
const ESC: Key = code(KeyCode::Esc);
const BKSP: Key = code(KeyCode::Backspace);
const TAB: Key = code(KeyCode::Tab);

/// One row of the key table.
pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: L,
    /// Shown in the footer line.
    pub footer: bool,
}

const fn b(ctx: Ctx, keys: &'static [Key], action: Action, help: L, footer: bool) -> Binding {
    Binding {
        ctx,
        keys,
        action,
        help,
        footer,
    }
}

use Action as A;
use Ctx::*;

/// The key table. Order matters twice: the first match wins, and help lists rows in this order.
pub static TABLE: &[Binding] = &[
    // Lenses and scores.
    b(Lenses, &[ENTER], A::Open, L::KOpen, true),
    b(Lenses, &[k('i')], A::LensDetail, L::KLensDetail, true),
    b(Lenses, &[k('/')], A::Filter, L::KFilter, true),
    b(Lenses, &[k('['), k('<')], A::SortAsc, L::KSortAsc, false),
    b(Lenses, &[k(']'), k('>')], A::SortDesc, L::KSortDesc, false),
    b(Lenses, &[k('h'), LEFT], A::Left, L::KLeft, false),
    b(Lenses, &[k('l'), RIGHT], A::Right, L::KRight, false),
    b(Lenses, &[k('n')], A::Level, L::KLevel, true),
    b(Lenses, &[k('c')], A::Compare, L::KCompare, false),
    b(Lenses, &[k('m')], A::Gemeente, L::KGemeente, false),
    // Lens detail.
    b(
        LensDetail,
        &[k('+'), k('=')],
        A::WeightUp,
        L::KWeightUp,
        true,
    ),
    b(LensDetail, &[k('-')], A::WeightDown, L::KWeightDown, true),
    b(
        LensDetail,
        &[k('0')],
        A::WeightReset,
        L::KWeightReset,
        false,
    ),
    b(LensDetail, &[k('S')], A::Save, L::KSave, true),
    b(LensDetail, &[ENTER], A::Open, L::KOpen, false),
    b(
        LensDetail,
        &[k('h'), LEFT],
        A::PrevPanel,
        L::KPanelBack,
        false,
    ),
    b(LensDetail, &[k('l'), RIGHT], A::NextPanel, L::KPanel, false),
    // Area and entity detail.
    b(Area, &[ENTER], A::Open, L::KOpen, true),
    b(Area, &[k('h'), LEFT], A::PrevPanel, L::KPanelBack, false),
    b(Area, &[k('l'), RIGHT], A::NextPanel, L::KPanel, false),
    b(Entity, &[ENTER], A::Open, L::KOpen, true),
    // Everywhere (in normal mode).
    b(Global, &[k('k'), UP], A::Up, L::KUp, false),
    b(Global, &[k('j'), DOWN], A::Down, L::KDown, false),
    b(
        Global,
        &[k('g'), code(KeyCode::Home)],
        A::Top,
        L::KTop,
        false,
    ),
    b(
        Global,
        &[k('G'), code(KeyCode::End)],
        A::Bottom,
        L::KBottom,
        false,
    ),
    b(
        Global,
        &[code(KeyCode::PageUp), ctrl('b')],
        A::PageUp,
        L::KPageUp,
        false,
    ),
    b(
        Global,
        &[code(KeyCode::PageDown), ctrl('f')],
        A::PageDown,
        L::KPageDown,
        false,
    ),
    b(Global, &[ctrl('u')], A::HalfUp, L::KHalfUp, false),
    b(Global, &[ctrl('d')], A::HalfDown, L::KHalfDown, false),
    b(Global, &[TAB], A::NextPanel, L::KPanel, true),
    b(
        Global,
        &[code(KeyCode::BackTab)],
        A::PrevPanel,
        L::KPanelBack,
        false,
    ),
    b(Global, &[ESC, BKSP], A::Back, L::KBack, true),
    b(Global, &[k('f'), ctrl('p')], A::Finder, L::KFinder, true),
    b(Global, &[k(':')], A::Command, L::KCommand, true),
    b(Global, &[k('?')], A::Help, L::KHelp, true),
    b(Global, &[k('q')], A::Quit, L::KQuit, true),
    b(Global, &[ctrl('c')], A::QuitNow, L::KQuitNow, false),
    b(Global, &[ctrl('l')], A::Redraw, L::KRedraw, false),
    // Help screen.
    b(Help, &[k('k'), UP], A::Up, L::KUp, false),
    b(Help, &[k('j'), DOWN], A::Down, L::KDown, false),
    b(Help, &[ESC, BKSP, k('q'), k('?')], A::Back, L::Close, true),
    b(Help, &[ctrl('c')], A::QuitNow, L::KQuitNow, false),
    // Prompts: `/` filter and `:` command line (other characters are typed).
    b(Prompt, &[ENTER], A::Accept, L::KAccept, true),
    b(Prompt, &[ESC], A::Cancel, L::KCancel, true),
    b(Prompt, &[TAB], A::Complete, L::KComplete, true),
    b(Prompt, &[BKSP], A::Erase, L::KErase, false),
    b(Prompt, &[ctrl('c')], A::QuitNow, L::KQuitNow, false),
    // Fuzzy finder.
    b(Finder, &[ENTER], A::Accept, L::KOpen, true),
    b(Finder, &[ESC], A::Cancel, L::KCancel, true),
    b(Finder, &[UP, ctrl('k'), ctrl('p')], A::Up, L::KUp, true),
    b(
        Finder,
        &[DOWN, ctrl('j'), ctrl('n')],
        A::Down,
        L::KDown,
        true,
    ),
    b(Finder, &[BKSP], A::Erase, L::KErase, false),
    b(Finder, &[ctrl('c')], A::QuitNow, L::KQuitNow, false),
    // Yes/no questions: anything but yes is no.
    b(Confirm, &[k('j'), k('y')], A::Yes, L::KYes, true),
    b(Confirm, &[k('n'), ESC, BKSP], A::No, L::KNo, true),
    b(Confirm, &[ctrl('c')], A::QuitNow, L::KQuitNow, false),
    // In every mode but lock and blank. `lock` has no key unless config.toml gives one.
    b(Always, &[ctrl('x')], A::Privacy, L::KPrivacy, true),
    b(Always, &[], A::Lock, L::KLock, false),
    // The purpose prompt (other characters are typed).
    b(Purpose, &[ENTER], A::Accept, L::KAccept, true),
    b(Purpose, &[ESC], A::Cancel, L::KCancel, true),
    b(Purpose, &[BKSP], A::Erase, L::KErase, false),
    b(Purpose, &[ctrl('c')], A::QuitNow, L::KQuitNow, false),
    // The lock screen (other characters are typed).
    b(Locked, &[ENTER], A::Accept, L::KUnlock, true),
    b(Locked, &[ESC], A::Cancel, L::KErase, false),
    b(Locked, &[BKSP], A::Erase, L::KErase, false),
    b(Locked, &[ctrl('c')], A::QuitNow, L::KQuitNow, true),
];

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

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn vim_keys_and_arrows_both_work() {
        let n = [Lenses, Global];
        let none = KeyModifiers::NONE;
        assert_eq!(action(&n, &press(KeyCode::Char('j'), none)), Some(A::Down));
        assert_eq!(action(&n, &press(KeyCode::Down, none)), Some(A::Down));
        assert_eq!(
            action(&n, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(A::Bottom)
        );
        assert_eq!(
            action(&n, &press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(A::HalfDown)
        );
        assert_eq!(
            action(&n, &press(KeyCode::Char('p'), KeyModifiers::CONTROL)),
            Some(A::Finder)
        );
        assert_eq!(action(&n, &press(KeyCode::Esc, none)), Some(A::Back));
        assert_eq!(action(&n, &press(KeyCode::F(1), none)), None);
    }

    #[test]
    fn prompts_type_characters() {
        let p = [Prompt];
        let none = KeyModifiers::NONE;
        assert_eq!(
            action(&p, &press(KeyCode::Char('q'), none)),
            Some(A::Input('q'))
        );
        assert_eq!(action(&p, &press(KeyCode::Esc, none)), Some(A::Cancel));
        assert_eq!(
            action(&[Confirm], &press(KeyCode::Char('x'), none)),
            Some(A::No)
        );
        assert_eq!(
            action(&[Confirm], &press(KeyCode::Char('j'), none)),
            Some(A::Yes)
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut ev = press(KeyCode::Char('j'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(action(&[Global], &ev), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in TABLE.iter().enumerate() {
            for b in &TABLE[i + 1..] {
                if a.ctx == b.ctx {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.ctx);
                    }
                }
            }
        }
    }

    #[test]
    fn help_and_footer_come_from_the_table() {
        let h = help(&[LensDetail, Global], Lang::Nl);
        assert!(
            h.iter()
                .any(|(_, k, t)| k == "+/=" && *t == "gewicht omhoog")
        );
        assert!(h.iter().any(|(_, k, _)| k == "Esc/Bksp"));
        let f = footer(&[Lenses, Global], Lang::En);
        assert!(f.iter().any(|h| h.key == "?" && h.label == "help"));
        for (k, _, _) in help(&[Global], Lang::Nl).iter().map(|(c, k, t)| (k, c, t)) {
            assert!(k.is_ascii());
        }
    }
}
