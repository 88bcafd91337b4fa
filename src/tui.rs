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
//! - `terminal`: setup, restore, signals and the event loop behind [`run`].
//!
//! The interface never imports the store, SQL or import code; every data string is sanitised
//! once when it enters the app.

pub mod app;
pub mod fake;
pub mod i18n;
pub mod keys;
pub mod source;
mod terminal;
pub mod theme;
pub mod view;

pub use i18n::Lang;
pub use source::*;
pub use theme::ThemeName;

/// How to open the interface.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TuiOptions {
    /// `None`: chosen from the environment (NO_COLOR, TERM, locale).
    pub theme: Option<ThemeName>,
    pub lang: Lang,
}

/// Opens the interface on the terminal and runs until the user quits, a signal arrives or the
/// terminal goes away. The terminal is restored in every case.
pub fn run(source: Box<dyn DataSource>, opts: TuiOptions) -> anyhow::Result<()> {
    terminal::run(source, opts)
}
