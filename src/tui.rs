//! The terminal interface: lens panels, area score tables, entity drill-down and a fuzzy
//! finder, keyboard only, on any terminal.
//!
//! - [`source`]: the [`DataSource`] trait and view-model types the interface reads (the
//!   commands layer implements it over the store and scoring; [`fake::FakeSource`] in memory).
//! - [`keys`]: [`keys::Action`] and the one key table (dispatch, help, footer).
//! - [`app`]: [`app::App`] state and `update(Action) -> Option<Effect>`.
//! - `view`: drawing only, one file per screen.
//! - [`theme`]: `color`, `mono`, `ascii` and their selection.
//! - [`i18n`]: every label in Dutch and English.
//! - [`session`]: the app with its audit log and idle clock; carries out effects that are
//!   not terminal work (audit entries, lens saves, exports).
//! - `terminal`: setup, restore, signals and the event loop behind [`run`].
//!
//! The interface never imports the store, SQL or import code; every data string is sanitised
//! once when it enters the app.

pub mod app;
pub mod fake;
pub mod i18n;
pub mod keys;
pub mod session;
pub mod source;
mod terminal;
pub mod theme;
pub mod view;

pub use i18n::Lang;
pub use source::*;
pub use theme::ThemeName;

/// How to open the interface.
#[derive(Clone, Debug, PartialEq)]
pub struct TuiOptions {
    /// `None`: chosen from the environment (NO_COLOR, TERM, locale).
    pub theme: Option<ThemeName>,
    pub lang: Lang,
    /// The classification banner shown on every screen.
    pub banner: Option<String>,
    /// How long without a key before the screen locks.
    pub idle_lock: std::time::Duration,
    /// The key table in force (with `config.toml`'s `[keys]`).
    pub keys: keys::KeyTable,
}

impl Default for TuiOptions {
    fn default() -> Self {
        TuiOptions {
            theme: None,
            lang: Lang::default(),
            banner: None,
            idle_lock: std::time::Duration::from_secs(
                60 * u64::from(crate::hygiene::config::DEFAULT_IDLE_LOCK_MINUTES),
            ),
            keys: keys::KeyTable::default(),
        }
    }
}

/// Opens the interface on the terminal and runs until the user quits, a signal arrives or the
/// terminal goes away. The terminal is restored in every case. Every entity detail, lock and
/// export is recorded in `audit` before it happens; the session's start is recorded before
/// anything is shown, and without it the interface does not open.
pub fn run(
    source: Box<dyn DataSource>,
    audit: Box<dyn crate::audit::Recorder + Send>,
    opts: TuiOptions,
) -> anyhow::Result<()> {
    terminal::run(source, audit, opts)
}
