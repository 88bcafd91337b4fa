//! `schouw flags`: the entities a lens's flags hold for, with the rule and the evidence.

use std::process::ExitCode;

use crate::cli::{FlagsArgs, TableFormat};
use crate::model::AreaCode;
use crate::sanitize;
use crate::store::{FlaggedEntity, Store, area_within, rule_tables};

use super::score::{csv_cell, fit, load_lens, reference_date};

/// Runs `schouw flags`.
pub fn run(args: &FlagsArgs) -> anyhow::Result<ExitCode> {
    let lens = load_lens(&args.lens, args.lenses.clone())?;
    let store = Store::open_read_only(&args.db)?;
    let (reference, how) = reference_date(&store, args.as_of.as_deref())?;
    let area = match &args.area {
        Some(a) => Some(
            AreaCode::parse(a)
                .map_err(|e| anyhow::anyhow!("--area {}: {e}", sanitize::field(a, 20)))?,
        ),
        None => None,
    };
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
    match args.format {
        TableFormat::Json => outln!("{}", serde_json::to_string_pretty(&flagged)?),
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                "flag", "label", "rule", "subject", "id", "buurten", "evidence",
            ])?;
            for e in &flagged {
                w.write_record([
                    csv_cell(&e.flag),
                    csv_cell(&e.label),
                    e.rule.to_owned(),
                    e.subject.to_owned(),
                    csv_cell(&e.id),
                    e.buurten.join(" "),
                    csv_cell(&e.evidence.join("; ")),
                ])?;
            }
            let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
            super::out(&String::from_utf8_lossy(&bytes));
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
