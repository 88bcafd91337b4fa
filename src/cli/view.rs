//! Appearance arguments of the terminal interface: theme and language.

use super::*;

/// Appearance of the terminal interface.
#[derive(Debug, Clone, clap::Args)]
pub struct ViewArgs {
    /// Colours: `color`, `mono` (no colour; also when NO_COLOR is set) or `ascii` (no Unicode;
    /// also for TERM=vt100, linux or dumb). Default: chosen from the terminal.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// Language of the interface.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
}

/// Themes of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// 16 colours.
    Color,
    /// Bold, reverse and underline only.
    Mono,
    /// ASCII only, no colour.
    Ascii,
}

/// Languages of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Nederlands.
    Nl,
    /// English.
    En,
}
