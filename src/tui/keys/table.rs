//! [`TABLE`]: the default key table, every binding of every context in help order, and the
//! shorthands it is written with.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Action, Binding, Ctx, Key};
use crate::tui::i18n::L;

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
