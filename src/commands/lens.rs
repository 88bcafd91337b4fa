//! `schouw lens check` and `schouw lens list`: validate lens files and show the catalogue.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::LensCommand;
use crate::lens::{self, Checked, LoadOptions, ValidateOptions};
use crate::sanitize;

/// Problems are shown whole up to this many characters (serde lists every expected name).
const PROBLEM_CHARS: usize = 2000;

/// Runs a `lens` subcommand.
pub fn run(cmd: LensCommand) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match cmd {
        LensCommand::Check { paths, db } => {
            let options = match db {
                Some(db) => {
                    let store = crate::store::Store::open_read_only(&db)?;
                    ValidateOptions {
                        extra_stat_keys: store.stat_key_set()?,
                        sbi_codes: store.sbi_code_set()?,
                    }
                }
                None => ValidateOptions::default(),
            };
            check(&mut out, &paths, &options)
        }
        LensCommand::List { lenses } => list(&mut out, lenses),
    }
}

/// Checks the given files and directories (the embedded lenses without paths).
fn check(
    out: &mut impl Write,
    paths: &[std::path::PathBuf],
    options: &ValidateOptions,
) -> anyhow::Result<ExitCode> {
    let checked: Vec<Checked> = if paths.is_empty() {
        lens::check_embedded(options)
    } else {
        paths
            .iter()
            .flat_map(|p| lens::check_path(p, options))
            .collect()
    };
    let (mut errors, mut warnings, mut good) = (0, 0, 0);
    for c in &checked {
        for p in &c.problems {
            writeln!(out, "{}", sanitize::field(&p.to_string(), PROBLEM_CHARS))?;
        }
        errors += c.errors().count();
        warnings += c.warnings().count();
        good += usize::from(c.lens.is_some());
    }
    writeln!(
        out,
        "{} lens file(s) checked: {good} usable, {errors} error(s), {warnings} warning(s)",
        checked.len()
    )?;
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Lists the loaded catalogue, then any problems met while loading it.
fn list(out: &mut impl Write, dirs: Vec<std::path::PathBuf>) -> anyhow::Result<ExitCode> {
    let catalogue = lens::load(&LoadOptions::standard(dirs));
    let rows: Vec<[String; 5]> = catalogue
        .lenses
        .iter()
        .map(|l| {
            [
                sanitize::field(&l.id, 40),
                sanitize::field(&l.name, 60),
                l.level.to_string(),
                sanitize::field(&l.version, 20),
                sanitize::line(&l.origin.to_string()),
            ]
        })
        .collect();
    let header = ["id", "naam", "niveau", "versie", "herkomst"].map(String::from);
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{line}")?;
    }
    for p in &catalogue.problems {
        writeln!(out, "{}", sanitize::field(&p.to_string(), PROBLEM_CHARS))?;
    }
    Ok(if catalogue.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
