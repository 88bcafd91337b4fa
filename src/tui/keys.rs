//! Keys become [`Action`]s here, through ONE table ([`TABLE`]) that also renders the help screen
//! and the footer, so the three cannot drift apart. Every action has a printable key or a plain
//! navigation key; nothing needs a mouse, F-keys or Alt, and Esc only ever goes back or cancels.
//!
//! This file and `terminal.rs` are the only ones that know crossterm types.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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
}

/// Where a binding applies. The app says which contexts are active (see `App::contexts`),
/// most specific first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
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
];

fn matches(key: Key, ev: &KeyEvent) -> bool {
    let mods = if matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab) {
        ev.modifiers - KeyModifiers::SHIFT
    } else {
        ev.modifiers
    };
    key.0 == ev.code && key.1 == mods
}

/// The action for a key press in the active contexts (most specific first), or `None`.
pub fn action(ctxs: &[Ctx], ev: &KeyEvent) -> Option<Action> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    for ctx in ctxs {
        if let Some(b) = TABLE
            .iter()
            .find(|b| b.ctx == *ctx && b.keys.iter().any(|k| matches(*k, ev)))
        {
            return Some(b.action.clone());
        }
    }
    let typing = ctxs.iter().any(|c| matches!(c, Prompt | Finder));
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
        other => format!("{other:?}"),
    };
    if key.1.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_uppercase())
    } else {
        base
    }
}

/// Help for the active contexts: `(keys, what they do)` per binding, in table order.
pub fn help(ctxs: &[Ctx], lang: Lang) -> Vec<(Ctx, String, &'static str)> {
    ctxs.iter()
        .flat_map(|ctx| TABLE.iter().filter(move |b| b.ctx == *ctx))
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| key_name(*k)).collect();
            (b.ctx, keys.join("/"), b.help.t(lang))
        })
        .collect()
}

/// The footer hints for the active contexts: `(first key, label)`, no action twice.
pub fn footer(ctxs: &[Ctx], lang: Lang) -> Vec<(String, &'static str)> {
    let mut seen: Vec<&Action> = Vec::new();
    let mut out = Vec::new();
    for ctx in ctxs {
        for b in TABLE.iter().filter(|b| b.ctx == *ctx && b.footer) {
            if seen.contains(&&b.action) {
                continue;
            }
            seen.push(&b.action);
            out.push((key_name(b.keys[0]), b.help.t(lang)));
        }
    }
    out
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
        assert!(f.iter().any(|(k, t)| k == "?" && *t == "help"));
        for (k, _, _) in help(&[Global], Lang::Nl).iter().map(|(c, k, t)| (k, c, t)) {
            assert!(k.is_ascii());
        }
    }
}
