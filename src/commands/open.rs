//! `schouw open`: the terminal interface on a database, read-only, with the lens catalogue and
//! the store-backed data source.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{LangArg, ThemeArg, ViewArgs};
use crate::lens::{self, LoadOptions};
use crate::sanitize;
use crate::store::Store;
use crate::tui::{self, Lang, ThemeName, TuiOptions};

use super::browse::StoreSource;

/// Runs `schouw open`.
pub fn run(
    db: &Path,
    lens_dirs: Vec<PathBuf>,
    as_of: Option<&str>,
    view: &ViewArgs,
) -> anyhow::Result<ExitCode> {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        anyhow::bail!(
            "the interface needs a terminal; for output to a file or pipe use `schouw score` or `schouw flags`"
        );
    }
    let store = Store::open_read_only(db)?;
    let catalogue = lens::load(&LoadOptions::standard(lens_dirs));
    for p in &catalogue.problems {
        eprintln!("{}", sanitize::field(&p.to_string(), 500));
    }
    let (reference, _) = super::score::reference_date(&store, as_of)?;
    let source = StoreSource::new(store, catalogue.lenses, reference)?;
    tui::run(Box::new(source), options(view))?;
    Ok(ExitCode::SUCCESS)
}

/// The interface options from the command line.
pub fn options(view: &ViewArgs) -> TuiOptions {
    TuiOptions {
        theme: view.theme.map(|t| match t {
            ThemeArg::Color => ThemeName::Color,
            ThemeArg::Mono => ThemeName::Mono,
            ThemeArg::Ascii => ThemeName::Ascii,
        }),
        lang: match view.lang {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        },
    }
}
