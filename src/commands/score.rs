//! `schouw score`: the areas of a database through one lens, as a ranked table, CSV or JSON,
//! or one area explained in words.

use std::process::ExitCode;

use anyhow::{Context as _, bail};

use crate::cli::{LevelArg, ScoreArgs, TableFormat};
use crate::lens::{self, Lens, LoadOptions, RefDate};
use crate::model::{AreaCode, AreaLevel};
use crate::sanitize;
use crate::score::{ScoreOptions, score_lens};
use crate::store::{IndicatorOptions, Store};

mod json;
use json::{JsonArea, json_area};

/// Loads the lens with this id from the standard places and `--lenses` directories.
pub(super) fn load_lens(id: &str, dirs: Vec<std::path::PathBuf>) -> anyhow::Result<Lens> {
    let catalogue = lens::load(&LoadOptions::standard(dirs));
    for p in catalogue.problems.iter().filter(|p| p.is_error()) {
        eprintln!("{}", sanitize::field(&p.to_string(), 500));
    }
    match catalogue.get(id) {
        Some(l) => Ok(l.clone()),
        None => {
            let ids: Vec<&str> = catalogue.lenses.iter().map(|l| l.id.as_str()).collect();
            bail!(
                "no lens `{}`; available: {}",
                sanitize::field(id, 40),
                ids.join(", ")
            )
        }
    }
}

/// The reference date: `--as-of`, or the newest date in the data capped at today. Returns the
/// date and how it was chosen (Dutch, for output).
pub(super) fn reference_date(
    store: &Store,
    as_of: Option<&str>,
) -> anyhow::Result<(RefDate, String)> {
    match as_of {
        Some(s) => {
            let d = RefDate::parse(s).with_context(|| {
                format!(
                    "--as-of {}: expected a date YYYY-MM-DD",
                    sanitize::field(s, 20)
                )
            })?;
            Ok((d, format!("peildatum {d} (gekozen met --as-of)")))
        }
        None => {
            let today = RefDate::today();
            let d = store.default_reference_date(today)?;
            let how = match store.newest_data_date()? {
                Some(n) if n <= today => "nieuwste datum in de gegevens",
                Some(_) => "vandaag; de gegevens bevatten latere datums",
                None => "vandaag; de gegevens hebben geen datums",
            };
            Ok((
                d,
                format!("peildatum {d} ({how}; kies een andere met --as-of)"),
            ))
        }
    }
}

/// An area code from an option (`--within`, `--area`), with the option named in the error.
pub(super) fn parse_area(option: &str, code: Option<&str>) -> anyhow::Result<Option<AreaCode>> {
    code.map(|c| {
        AreaCode::parse(c).map_err(|e| anyhow::anyhow!("{option} {}: {e}", sanitize::field(c, 20)))
    })
    .transpose()
}

/// A lens scored over the areas of a database.
pub(super) struct Scoring {
    pub prepared: crate::score::Prepared,
    pub scores: crate::score::Scores,
    /// The year of areas and statistics.
    pub year: i32,
    /// Inputs the database lacks (said on stderr already).
    pub missing: Vec<crate::store::MissingInput>,
}

/// Scores `lens` at its level over the areas of `store` (only those in `within`, compared with
/// each other), saying on stderr which inputs are missing.
pub(super) fn score_areas(
    store: &Store,
    db: &std::path::Path,
    lens: &Lens,
    year: Option<i32>,
    reference: RefDate,
    within: Option<AreaCode>,
) -> anyhow::Result<Scoring> {
    let data = store.indicator_data(
        &[lens],
        &IndicatorOptions {
            level: lens.level,
            year,
            reference,
            within,
        },
    )?;
    if data.areas.is_empty() {
        bail!(
            "{} has no {} areas{}; import a CBS KWB table or area list first",
            db.display(),
            lens.level,
            if year.is_some() { " in that year" } else { "" }
        );
    }
    let missing = data.missing(lens);
    for m in &missing {
        eprintln!(
            "let op: geen gegevens voor indicator {}: {}; de lens scoort met lagere dekking",
            sanitize::line(&m.indicator),
            sanitize::line(&m.what)
        );
    }
    let (prepared, scores) = score_lens(lens, data.inputs(lens), &ScoreOptions::at(reference))?;
    Ok(Scoring {
        prepared,
        scores,
        year: data.year,
        missing,
    })
}

/// Cuts a sanitised text to `w` characters (with `…`) and pads it to `w`.
pub(super) fn fit(s: &str, w: usize) -> String {
    let safe = sanitize::line(s);
    let n = safe.chars().count();
    if n > w {
        let cut: String = safe.chars().take(w.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        format!("{safe}{}", " ".repeat(w - n))
    }
}

pub(super) fn level_of(l: LevelArg) -> AreaLevel {
    match l {
        LevelArg::Buurt => AreaLevel::Buurt,
        LevelArg::Wijk => AreaLevel::Wijk,
        LevelArg::Gemeente => AreaLevel::Gemeente,
    }
}

/// Runs `schouw score`.
pub fn run(args: &ScoreArgs) -> anyhow::Result<ExitCode> {
    let mut lens = load_lens(&args.lens, args.lenses.clone())?;
    let store = Store::open_read_only(&args.db)?;
    let (reference, how) = reference_date(&store, args.as_of.as_deref())?;
    if let Some(l) = args.level {
        lens.level = level_of(l);
    }
    let within = parse_area("--within", args.within.as_deref())?;
    let Scoring {
        prepared,
        scores,
        year,
        missing,
    } = score_areas(&store, &args.db, &lens, args.year, reference, within)?;

    if let Some(code) = &args.explain {
        let code = AreaCode::parse(code)
            .map_err(|e| anyhow::anyhow!("--explain {}: {e}", sanitize::field(code, 20)))?;
        let Some(e) = prepared.explain(&scores, &code) else {
            bail!(
                "{code} is not among the {} areas scored (year {year}); check the code and --level",
                lens.level,
            );
        };
        for l in e.lines() {
            outln!("{}", sanitize::field(&l, 1000));
        }
        outln!(
            "{}; vensters van n maanden tellen terug vanaf deze datum.",
            capitalised(&how)
        );
        outln!("Gebieden en statistieken: jaar {year}.");
        if missing.is_empty() {
            outln!("Ontbrekende invoer: geen.");
        } else {
            outln!("Ontbrekende invoer (telt niet mee, verlaagt de dekking):");
            for m in &missing {
                outln!(
                    "- {}: {}",
                    sanitize::line(&m.indicator),
                    sanitize::line(&m.what)
                );
            }
        }
        let info = store.info()?;
        outln!("Gegevensbronnen:");
        for s in info.sources.iter().filter(|s| s.replaced_by.is_none()) {
            outln!(
                "- {} {} ({} regels), geïmporteerd {} door {}",
                sanitize::field(&s.kind, 20),
                sanitize::field(&s.file_name, 80),
                s.rows,
                sanitize::field(&s.imported_at, 30),
                sanitize::field(&s.imported_by, 40)
            );
        }
        return Ok(ExitCode::SUCCESS);
    }

    // Rank order first, then the areas without a score by code.
    let mut order: Vec<usize> = scores.ranking.clone();
    order.extend((0..prepared.areas.len()).filter(|&a| scores.areas[a].rank.is_none()));
    if let Some(n) = args.top {
        order.truncate(n);
    }
    match args.format {
        TableFormat::Json => {
            let rows: Vec<JsonArea> = order
                .iter()
                .map(|&a| json_area(&prepared, &scores, a, reference))
                .collect();
            outln!("{}", serde_json::to_string_pretty(&rows)?);
        }
        TableFormat::Csv => {
            let columns = super::export::score_columns(&prepared);
            let rows = super::export::score_rows(&prepared, &scores, &order, reference);
            super::export::to_stdout(&columns, &rows)?;
        }
        TableFormat::Table => {
            outln!(
                "{} ({}), {} {}, jaar {}",
                sanitize::field(&lens.name, 60),
                sanitize::field(&lens.id, 20),
                prepared.areas.len(),
                plural(lens.level),
                year
            );
            outln!("{how}");
            outln!(
                "{:>4} {:<10} {:<22} {:<6} {:>7} {:>5} {:<9} {:>4} grootste bijdragen",
                "rang",
                "code",
                "naam",
                "gem.",
                "inw.",
                "score",
                "niveau",
                "dekk"
            );
            for &a in &order {
                outln!("{}", table_row(&prepared, &scores, a));
            }
            let unscored = prepared.areas.len() - scores.scored();
            if unscored > 0 {
                outln!(
                    "{unscored} gebied(en) niet gescoord (onvoldoende data of te weinig inwoners)."
                );
            }
            outln!("Een score toont een patroon, geen bewijs. Uitleg: --explain CODE.");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(level: AreaLevel) -> &'static str {
    match level {
        AreaLevel::Buurt => "buurten",
        AreaLevel::Wijk => "wijken",
        AreaLevel::Gemeente => "gemeenten",
        AreaLevel::Land => "gebieden",
    }
}

fn tier_short(t: crate::score::Tier) -> &'static str {
    match t {
        crate::score::Tier::OnvoldoendeData => "onv. data",
        other => other.label(),
    }
}

fn table_row(p: &crate::score::Prepared, s: &crate::score::Scores, a: usize) -> String {
    let input = &p.areas[a].input;
    let sc = &s.areas[a];
    let top: Vec<&str> = sc
        .top
        .as_slice()
        .iter()
        .map(|&i| p.indicators[i].id.as_str())
        .collect();
    let line = format!(
        "{:>4} {:<10} {} {:<6} {:>7} {:>5} {:<9} {:>3}% {}",
        sc.rank.map_or("–".to_owned(), |r| r.to_string()),
        input.code.as_str(),
        fit(&input.name, 22),
        &input.gemeente.as_str()[..6.min(input.gemeente.as_str().len())],
        input
            .population
            .map_or("?".to_owned(), |p| format!("{p:.0}")),
        sc.composite.map_or("–".to_owned(), |c| format!("{c:.1}")),
        tier_short(sc.tier),
        (sc.coverage * 100.0).round() as i64,
        top.join(", ")
    );
    // Keep within 100 columns.
    if line.chars().count() > 100 {
        let mut cut: String = line.chars().take(99).collect();
        cut.push('…');
        sanitize::line(&cut)
    } else {
        line
    }
}

/// The text with its first letter in upper case.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
