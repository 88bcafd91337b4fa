//! `schouw export`: a score table (or with `--flags` the flagged entities, with rule and
//! evidence) to a CSV file through the safe writer (`crate::export`) and under audit
//! (`audit::export`: an entry before, the file, an entry with row count and SHA-256 after).
//! The header block carries the banner of `config.toml`, the lens and its version, the date
//! and "patroon, geen bewijs".
//!
//! The tables are built here once, for this command, for `:export` in the interface (through
//! the store source) and for `schouw score/flags --format csv` on standard output (without the
//! header block, which would get in the way of programs reading it).
//!
//! Flagged entities are data about addresses, businesses and parties, so `--flags` needs a
//! `--purpose`, as opening an entity in the interface does; a score table is area-level and the
//! purpose is optional.

use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::audit::{self, Action, Audit, Entry, Object, Outcome, check_purpose};
use crate::cli::ExportArgs;
use crate::export::{Cell, CsvFormat, ExportFile, ExportOptions, ExportTable, Table, write_csv};
use crate::lens::RefDate;
use crate::sanitize;
use crate::score::{Prepared, Scores};
use crate::store::{FlaggedEntity, Store, area_within};

use super::score::{Scoring, level_of, load_lens, parse_area, reference_date, score_areas};

/// The columns of a score table: fixed ones, then value and normalised score per indicator.
pub fn score_columns(p: &Prepared) -> Vec<String> {
    let mut columns: Vec<String> = [
        "rank",
        "area",
        "name",
        "gemeente",
        "population",
        "score",
        "tier",
        "coverage",
        "reference_date",
    ]
    .map(String::from)
    .to_vec();
    for m in &p.indicators {
        columns.push(format!("{}_value", m.id));
        columns.push(format!("{}_normalized", m.id));
    }
    columns
}

fn number(v: Option<f64>) -> Cell {
    v.map_or(Cell::Text(String::new()), Cell::Number)
}

/// The rows of a score table for the areas `order` (indices into `p.areas`), in that order.
pub fn score_rows(p: &Prepared, s: &Scores, order: &[usize], reference: RefDate) -> Vec<Vec<Cell>> {
    order
        .iter()
        .map(|&a| {
            let input = &p.areas[a].input;
            let sc = &s.areas[a];
            let mut row = vec![
                sc.rank
                    .map_or(Cell::Text(String::new()), |r| Cell::Integer(r as i64)),
                Cell::Text(input.code.to_string()),
                Cell::Text(input.name.to_string()),
                Cell::Text(input.gemeente.to_string()),
                number(input.population),
                number(sc.composite),
                Cell::Text(sc.tier.label().to_owned()),
                Cell::Number((sc.coverage * 10_000.0).round() / 10_000.0),
                Cell::Text(reference.iso()),
            ];
            for i in 0..p.indicators.len() {
                row.push(number(p.value(a, i).known()));
                row.push(number(p.normalized(a, i)));
            }
            row
        })
        .collect()
}

/// The columns of a table of flagged entities.
pub const FLAG_COLUMNS: [&str; 7] = [
    "flag", "label", "rule", "subject", "id", "buurten", "evidence",
];

/// One row per flagged entity, with the rule and its evidence.
pub fn flag_rows(flagged: &[FlaggedEntity]) -> Vec<Vec<Cell>> {
    flagged
        .iter()
        .map(|e| {
            vec![
                Cell::Text(e.flag.to_string()),
                Cell::Text(e.label.to_string()),
                Cell::Text(e.rule.to_owned()),
                Cell::Text(e.subject.to_owned()),
                Cell::Text(e.id.clone()),
                Cell::Text(e.buurten.join(" ")),
                Cell::Text(e.evidence.join("; ")),
            ]
        })
        .collect()
}

/// Writes a table as CSV to standard output (no header block).
pub fn to_stdout(columns: &[String], rows: &[Vec<Cell>]) -> anyhow::Result<()> {
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut bytes = Vec::new();
    write_csv(
        &mut bytes,
        CsvFormat::Plain,
        Table {
            header: None,
            columns: &columns,
            rows,
        },
    )?;
    super::out(&String::from_utf8_lossy(&bytes));
    Ok(())
}

/// The `--purpose` of a command that shows or writes entity data: checked, and required.
/// `what` says what the command does, for the message when it is missing.
pub fn required_purpose<'a>(purpose: Option<&'a str>, what: &str) -> anyhow::Result<&'a str> {
    match purpose {
        Some(p) => {
            check_purpose(p).map_err(|e| anyhow::anyhow!("--purpose: {e}"))?;
            Ok(p)
        }
        None => bail!(
            "{what}: give the reason with --purpose (a case number or a short reason; it is recorded in the audit log)"
        ),
    }
}

/// Runs `schouw export`.
pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let config = super::settings::load()?;
    if args.flags {
        required_purpose(
            args.purpose.as_deref(),
            "--flags exports data about addresses, businesses and parties",
        )?;
    } else if let Some(p) = &args.purpose {
        check_purpose(p).map_err(|e| anyhow::anyhow!("--purpose: {e}"))?;
    }
    if let Some(r) = &args.recipient {
        check_purpose(r).map_err(|_| {
            anyhow::anyhow!(
                "--recipient: expected 1 to {} characters without surrounding spaces, control or invisible characters",
                audit::MAX_PURPOSE_CHARS
            )
        })?;
    }
    let mut lens = load_lens(&args.lens, args.lenses.clone())?;
    if let Some(l) = args.level {
        lens.level = level_of(l);
    }
    let store = Store::open_read_only(&args.db)?;
    let (reference, _) = reference_date(&store, args.as_of.as_deref())?;
    let within = parse_area("--within", args.within.as_deref())?;
    let (columns, rows) = if args.flags {
        let mut flagged = store.lens_flags(&lens, reference)?;
        if let Some(a) = &within {
            flagged.retain(|e| e.buurten.iter().any(|b| area_within(b, a)));
        }
        (FLAG_COLUMNS.map(String::from).to_vec(), flag_rows(&flagged))
    } else {
        let Scoring {
            prepared, scores, ..
        } = score_areas(&store, &args.db, &lens, args.year, reference, within)?;
        let mut order = scores.ranking.clone();
        order.extend((0..prepared.areas.len()).filter(|&a| scores.areas[a].rank.is_none()));
        (
            score_columns(&prepared),
            score_rows(&prepared, &scores, &order, reference),
        )
    };
    let table = ExportTable {
        lens_id: lens.id.clone(),
        lens_version: lens.version.clone(),
        columns,
        rows,
    };
    let mut log = Audit::open(&store).with_context(|| {
        format!(
            "the audit log {} cannot be written, so nothing was exported",
            audit::log_path(&args.db).display()
        )
    })?;
    let mut entry = Entry::new(Action::Export, Object::Lens(lens.id.clone()), Outcome::Ok)
        .with_lens(&lens.id, &lens.version);
    if let Some(p) = &args.purpose {
        entry = entry.with_purpose(p);
    }
    if let Some(r) = &args.recipient {
        entry = entry.with_recipient(r);
    }
    let file = ExportFile {
        path: &args.out,
        opts: ExportOptions {
            format: CsvFormat::of(args.excel),
            force: args.force,
        },
        banner: config.banner.as_deref(),
    };
    let summary = audit::export_table(&mut log, entry, &table, file)?;
    outln!(
        "{} rows written to {} (sha256 {}); recorded in {}",
        summary.rows,
        sanitize::line(&args.out.display().to_string()),
        summary.sha256,
        sanitize::line(&audit::log_path(&args.db).display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}
