//! `schouw flags`: the entities a lens's flags hold for, with the rule and the evidence.
//!
//! The list names addresses, businesses and parties, so, like opening an entity in the
//! interface and like `schouw export --flags`, it needs a `--purpose` and is audited: a
//! `list_flags` entry (lens, purpose, row count) is committed to the database's audit log
//! before anything is printed, and without it nothing is.

use std::process::ExitCode;

use anyhow::Context as _;

use crate::audit::{self, Action, Audit, Entry, Object, Outcome};
use crate::cli::{FlagsArgs, TableFormat};
use crate::sanitize;
use crate::store::{FlaggedEntity, Store, area_within, rule_tables};

use super::score::{fit, load_lens, parse_area, reference_date};

/// Runs `schouw flags`.
pub fn run(args: &FlagsArgs) -> anyhow::Result<ExitCode> {
    let purpose = super::export::required_purpose(
        args.purpose.as_deref(),
        "schouw flags lists addresses, businesses and parties",
    )?;
    let lens = load_lens(&args.lens, args.lenses.clone())?;
    let store = Store::open_read_only(&args.db)?;
    let (reference, how) = reference_date(&store, args.as_of.as_deref())?;
    let area = parse_area("--area", args.area.as_deref())?;
    let presence = store.presence()?;
    for flag in &lens.flags {
        let absent: Vec<&str> = rule_tables(&flag.rule)
            .into_iter()
            .filter(|t| !presence.has(t))
            .collect();
        if !absent.is_empty() {
            eprintln!(
                "let op: vlag {} kan niet worden bepaald, niet geïmporteerd: {}",
                sanitize::line(&flag.id),
                absent.join(", ")
            );
        }
    }
    let mut flagged: Vec<FlaggedEntity> = store.lens_flags(&lens, reference)?;
    if let Some(a) = &area {
        flagged.retain(|e| e.buurten.iter().any(|b| area_within(b, a)));
    }
    // Fail-closed: without the entry nothing is printed.
    let unwritable = || {
        format!(
            "the audit log {} cannot be written, so nothing is shown",
            audit::log_path(&args.db).display()
        )
    };
    let mut log = Audit::open(&store).with_context(unwritable)?;
    let mut entry = Entry::new(
        Action::ListFlags,
        Object::Lens(lens.id.clone()),
        Outcome::Ok,
    )
    .with_lens(&lens.id, &lens.version)
    .with_purpose(purpose);
    entry.rows = Some(flagged.len() as u64);
    log.record(entry).with_context(unwritable)?;
    match args.format {
        TableFormat::Json => outln!("{}", serde_json::to_string_pretty(&flagged)?),
        TableFormat::Csv => {
            let rows = super::export::flag_rows(&flagged);
            super::export::to_stdout(&super::export::FLAG_COLUMNS.map(String::from), &rows)?;
        }
        TableFormat::Table => {
            outln!(
                "{} ({}), {} gemarkeerde entiteiten",
                sanitize::field(&lens.name, 60),
                sanitize::field(&lens.id, 20),
                flagged.len()
            );
            outln!("{how}");
            outln!(
                "{:<20} {:<8} {:<18} {:<10} bewijs",
                "vlag",
                "soort",
                "id",
                "buurt"
            );
            for e in &flagged {
                let buurt = match e.buurten.as_slice() {
                    [] => "?".to_owned(),
                    [one] => one.clone(),
                    [first, rest @ ..] => format!("{first} +{}", rest.len()),
                };
                outln!(
                    "{} {:<8} {} {} {}",
                    fit(&e.flag, 20),
                    e.subject,
                    fit(&e.id, 18),
                    fit(&buurt, 10),
                    sanitize::field(&e.evidence.join("; "), 300)
                );
            }
            outln!("Een vlag is een feit om na te gaan, geen oordeel over een persoon of bedrijf.");
        }
    }
    Ok(ExitCode::SUCCESS)
}
