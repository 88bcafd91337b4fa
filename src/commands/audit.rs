//! `schouw audit verify` and `schouw audit show`: the privacy officer's view of the audit log.
//! Both open the log read-only and never touch the database itself, so they work on a copy of
//! the `.audit` file alone.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::audit::{self, Record, report};
use crate::cli::{AuditCommand, AuditFormat};
use crate::sanitize;

/// Runs `schouw audit …`.
pub fn run(command: AuditCommand) -> anyhow::Result<ExitCode> {
    match command {
        AuditCommand::Verify { db, anchor } => verify(&db, anchor.as_ref()),
        AuditCommand::Show {
            db,
            since,
            user,
            format,
        } => show(&db, report::Filter { since, user }, format),
    }
}

/// The log of `db`, or `db` itself when it is already a `.audit` file.
fn log_of(db: &Path) -> PathBuf {
    if db.extension().is_some_and(|e| e == "audit") {
        db.to_owned()
    } else {
        audit::log_path(db)
    }
}

fn verify(db: &Path, anchor: Option<&audit::Anchor>) -> anyhow::Result<ExitCode> {
    let log = log_of(db);
    let shown = sanitize::line(&log.display().to_string());
    let v = audit::verify(&log, anchor)?;
    for w in &v.warnings {
        eprintln!("schouw: warning: {}", sanitize::line(w));
    }
    if let Some(t) = &v.tamper {
        eprintln!(
            "schouw: {shown}: TAMPERED: entry {}: {}",
            t.seq,
            sanitize::line(&t.problem)
        );
        eprintln!(
            "schouw: report this to the privacy officer as a security incident (BIO2 8.15.05)"
        );
        return Ok(ExitCode::FAILURE);
    }
    outln!("{shown}: {} entries, chain intact", v.entries);
    match (v.last_seq, &v.last_hash) {
        (Some(seq), Some(hash)) => {
            outln!("last entry: {seq}:{hash}");
            outln!(
                "write this down or send it elsewhere; `schouw audit verify --anchor {seq}:{hash}` later shows whether entries were cut off or rewritten"
            );
        }
        _ => outln!("the log is empty"),
    }
    if anchor.is_some() {
        outln!("anchor matches");
    }
    Ok(ExitCode::SUCCESS)
}

fn show(db: &Path, filter: report::Filter, format: AuditFormat) -> anyhow::Result<ExitCode> {
    let log = log_of(db);
    let rows = audit::read_rows(&log)?;
    let check = audit::chain::verify(&rows, None);
    if let Some(t) = &check.tamper {
        eprintln!(
            "schouw: warning: the log does not verify from entry {} on ({}); run `schouw audit verify`",
            t.seq,
            sanitize::line(&t.problem)
        );
    }
    let records: Vec<Record> = rows
        .iter()
        .map(Record::from_row)
        .filter(|r| filter.keeps(r))
        .collect();
    let text = match format {
        AuditFormat::Table => report::table(&records),
        AuditFormat::Csv => report::csv(&records),
        AuditFormat::Json => report::json(&records),
    };
    super::out(&text);
    Ok(ExitCode::SUCCESS)
}
