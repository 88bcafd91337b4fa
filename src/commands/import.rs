//! `schouw import`: imports files one by one, each completely or not at all, with a progress
//! line on stderr when it is a terminal.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::audit::{Audit, Imported};
use crate::cli::{ImportArgs, ImportKind};
use crate::import::reader::ReadOptions;
use crate::import::{ImportOptions, Outcome, import_file};
use crate::pseudo::PseudoKey;
use crate::sanitize;
use crate::store::Store;

/// Runs `schouw import`.
pub fn run(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    if args.source_name.is_some() && args.files.len() > 1 {
        anyhow::bail!(
            "--as names one source, but {} files were given: each would replace the one before it; import them one by one, each with its own --as",
            args.files.len()
        );
    }
    let pseudo_key = args
        .pseudo_key
        .as_deref()
        .map(PseudoKey::load)
        .transpose()
        .context("nothing was imported")?;
    let mut store = Store::open_or_create(&args.db)?;
    // Fail-closed: no import without its audit entries.
    let mut log = Audit::open(&store).context("nothing was imported")?;
    let opts = ImportOptions {
        read: ReadOptions {
            encoding: args.encoding,
            delimiter: args.delimiter.map(|d| d.byte()),
        },
        year: args.year,
        source_name: args.source_name.clone(),
        imported_by: crate::clock::os_user(),
        imported_at: crate::clock::now_iso(),
        pseudo_key,
    };
    for (i, file) in args.files.iter().enumerate() {
        let result = log
            .import(&mut store, file, |store| {
                import_one(store, args, file, &opts)
            })
            .with_context(|| {
                format!(
                    "recording the import of {}",
                    sanitize::line(&file.display().to_string())
                )
            })?;
        if let Err(e) = result {
            if i > 0 {
                eprintln!("schouw: the {i} file(s) before it were imported; the rest were not");
            }
            return Err(e);
        }
    }
    let indexed = !matches!(
        args.kind,
        ImportKind::Areas | ImportKind::Sbi | ImportKind::Cbs | ImportKind::Roles
    );
    if indexed && !store.missing_indexes()?.is_empty() {
        eprintln!(
            "tip: run `schouw index {}` once, after the last import, to make searching by street and trade name in the interface and scoring fast",
            sanitize::line(&args.db.display().to_string())
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn import_one(
    store: &mut Store,
    args: &ImportArgs,
    file: &Path,
    opts: &ImportOptions,
) -> anyhow::Result<Imported> {
    let shown = sanitize::line(&file.display().to_string());
    let mut progress = Progress::new(&shown);
    let outcome = import_file(store, args.kind, file, opts, &mut |done, total| {
        progress.show(done, total)
    });
    progress.clear();
    let outcome = outcome?;
    match &outcome {
        Outcome::AlreadyImported(prior) => {
            outln!(
                "{shown}: already imported on {} by {} (as {}); nothing changed",
                sanitize::line(&prior.imported_at),
                sanitize::line(&prior.imported_by),
                sanitize::line(&prior.name)
            );
        }
        Outcome::Imported(s) => {
            let c = &s.counts;
            outln!(
                "{shown}: {} records; {} rows inserted, {} updated, {} unchanged, {} removed",
                s.rows,
                c.inserted,
                c.updated,
                c.unchanged,
                c.removed
            );
            if let Some(prior) = &c.replaced {
                outln!(
                    "  replaces the version imported on {} by {}",
                    sanitize::line(&prior.imported_at),
                    sanitize::line(&prior.imported_by)
                );
            }
            for note in &s.notes {
                super::out(&format!("  {}\n", sanitize::line(note)))
            }
        }
    }
    Ok(outcome.audited())
}

/// A one-line progress indicator on stderr, drawn only when stderr is a terminal.
struct Progress<'a> {
    label: &'a str,
    enabled: bool,
    drawn: bool,
}

impl<'a> Progress<'a> {
    fn new(label: &'a str) -> Self {
        Progress {
            label,
            enabled: std::io::stderr().is_terminal(),
            drawn: false,
        }
    }

    fn show(&mut self, done: u64, total: u64) {
        if !self.enabled || total == 0 {
            return;
        }
        let pct = (done.min(total) * 100 / total) as usize;
        let bar = "#".repeat(pct / 5) + &"-".repeat(20 - pct / 5);
        eprint!(
            "\r{} [{bar}] {pct:3}% ({} of {} MB)",
            self.label,
            done >> 20,
            total >> 20
        );
        let _ = std::io::stderr().flush();
        self.drawn = true;
    }

    fn clear(&mut self) {
        if self.drawn {
            eprint!("\r\x1b[2K");
            let _ = std::io::stderr().flush();
        }
    }
}
