//! `schouw info`: what a database holds, as text for people or JSON for programs.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Format;
use crate::sanitize;
use crate::store::{DbInfo, Store};

/// Runs `schouw info`.
pub fn run(db: &Path, format: Format, check: bool) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    if check {
        store.check_all()?;
        eprintln!("integrity check: ok (every page of the file was read)");
    }
    let info = store.info()?;
    match format {
        Format::Json => super::out(&format!("{}\n", serde_json::to_string_pretty(&info)?)),
        Format::Text => super::out(&render_text(db, &info)),
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `schouw index`: builds the indexes on request that are missing.
pub fn index(db: &Path) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db)?;
    let built = store.build_indexes()?;
    if built.is_empty() {
        eprintln!("the indexes were already there; nothing to do");
    } else {
        eprintln!("built the indexes: {}", built.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}

/// The text form of `info`.
pub fn render_text(db: &Path, info: &DbInfo) -> String {
    let mut s = format!(
        "database       {}\nschema version {}\n\nrows per table\n",
        sanitize::line(&db.display().to_string()),
        info.schema_version
    );
    for t in &info.tables {
        s.push_str(&format!("  {:<12} {:>10}\n", t.table, t.rows));
    }
    s.push_str("\nareas per level and year\n");
    if info.areas.is_empty() {
        s.push_str("  (none)\n");
    }
    for a in &info.areas {
        s.push_str(&format!("  {:<8} {:<4} {:>7}\n", a.level, a.year, a.areas));
    }
    s.push_str("\nimported files\n");
    if info.sources.is_empty() {
        s.push_str("  (none)\n");
    }
    for src in &info.sources {
        s.push_str(&format!(
            "  {:<10} {:<32} {:>9} rows  {}  by {:<10} sha256 {}{}\n",
            sanitize::field(&src.kind, 10),
            sanitize::field(&src.file_name, 32),
            src.rows,
            sanitize::field(&src.imported_at, 20),
            sanitize::field(&src.imported_by, 16),
            sanitize::field(&src.sha256, 12).trim_end_matches("..."),
            if src.replaced_by.is_some() {
                "  (replaced)"
            } else {
                ""
            }
        ));
    }
    s
}
