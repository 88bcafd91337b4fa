//! `schouw open`: the terminal interface on a database, read-only, with the lens catalogue,
//! the store-backed data source, the audit log beside the database and the options of
//! `config.toml`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::audit::{self, Audit};
use crate::cli::ViewArgs;
use crate::lens::{self, LoadOptions};
use crate::sanitize;
use crate::store::Store;
use crate::tui;

use super::browse::StoreSource;

/// Runs `schouw open`.
pub fn run(
    db: &Path,
    lens_dirs: Vec<PathBuf>,
    as_of: Option<&str>,
    view: &ViewArgs,
) -> anyhow::Result<ExitCode> {
    // The configuration first: a bad file is reported wherever schouw runs.
    let opts = super::settings::tui_options(&super::settings::load()?, view)?;
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        anyhow::bail!(
            "the interface needs a terminal; for output to a file or pipe use `schouw score` or `schouw flags`"
        );
    }
    let store = Store::open_read_only(db)?;
    let log = Audit::open(&store).with_context(|| {
        format!(
            "the audit log {} cannot be written, and schouw does not show data whose use cannot be recorded",
            audit::log_path(db).display()
        )
    })?;
    let catalogue = lens::load(&LoadOptions::standard(lens_dirs));
    for p in &catalogue.problems {
        eprintln!("{}", sanitize::field(&p.to_string(), 500));
    }
    // Without --as-of the worker finds the newest date in the data (a scan of large tables),
    // so the first frame does not wait for it.
    let reference = match as_of {
        Some(_) => Some(super::score::reference_date(&store, as_of)?.0),
        None => None,
    };
    let source = StoreSource::new(store, catalogue.lenses, reference)?;
    tui::run(Box::new(source), Box::new(log), opts)?;
    Ok(ExitCode::SUCCESS)
}
