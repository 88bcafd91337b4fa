//! `schouw gen` and `schouw demo`: write the fictional region, import it, and open it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::audit::Audit;
use crate::cli::Scale;
use crate::generate::{GenOptions, generate};
use crate::import::{ImportOptions, import_file};
use crate::store::Store;

/// Runs `schouw gen`.
pub fn generate_files(dir: &Path, scale: Scale, seed: u64) -> anyhow::Result<ExitCode> {
    let summary = generate(&GenOptions {
        dir: dir.to_owned(),
        scale,
        seed,
    })?;
    for (file, rows) in &summary.files {
        super::out(&format!("{:<16} {rows:>10} rows\n", file))
    }
    outln!(
        "planted.json     {:>10} patterns\nwritten to {}",
        summary.planted,
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Runs `schouw demo`: builds the demo database if needed and opens it in the interface (or,
/// without a terminal, prints what it holds).
pub fn run(
    db: Option<PathBuf>,
    fresh: bool,
    view: &crate::cli::ViewArgs,
) -> anyhow::Result<ExitCode> {
    let db = match db {
        Some(db) => db,
        None => default_demo_path()?,
    };
    if fresh && db.exists() {
        // Only ever remove a file that is a schouw database.
        Store::open(&db)?;
        std::fs::remove_file(&db)
            .with_context(|| format!("removing the old demo database {}", db.display()))?;
    }
    if !db.exists() {
        build(&db)?;
        eprintln!("demo database built at {}", db.display());
    } else {
        // A demo database made by an older schouw is brought up to date (schema, search
        // indexes) here, since the interface opens it read-only.
        Store::open(&db)?.build_indexes()?;
        eprintln!(
            "using the demo database at {} (rebuild with --fresh)",
            db.display()
        );
    }
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return super::open::run(&db, Vec::new(), None, view);
    }
    let store = Store::open(&db)?;
    super::out(&super::info::render_text(&db, &store.info()?));
    eprintln!(
        "(no terminal: showing what the database holds; run `schouw open {}` in a terminal)",
        db.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn default_demo_path() -> anyhow::Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("nl", "", "schouw")
        .context("cannot find your data directory (is HOME set?); pass --db PATH")?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir.join("demo.db"))
}

/// Generates the demo region next to `db` and imports it into a new database at `db`. A
/// failure leaves no half-built database behind.
pub fn build(db: &Path) -> anyhow::Result<()> {
    let data = db.with_extension("data");
    generate(&GenOptions {
        dir: data.clone(),
        scale: Scale::Demo,
        seed: 1,
    })?;
    let result = import_all(db, &data);
    if result.is_err() {
        let _ = std::fs::remove_file(db);
    }
    result
}

/// Imports every generated file, each under audit like `schouw import`.
fn import_all(db: &Path, data: &Path) -> anyhow::Result<()> {
    let mut store = Store::open_or_create(db)?;
    let mut log = Audit::open(&store).context("the demo was not built")?;
    let opts = ImportOptions::new(crate::clock::os_user(), crate::clock::now_iso());
    for (file, kind) in crate::generate::FILES {
        let path = data.join(file);
        log.import(&mut store, &path, |store| {
            import_file(store, *kind, &path, &opts, &mut |_, _| {}).map(|o| o.audited())
        })
        .context("recording the demo import")??;
    }
    store.build_indexes()?;
    Ok(())
}
