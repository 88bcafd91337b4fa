//! The synthetic, fictional demo region: deterministic for a seed, written as CSV files in the
//! canonical import formats plus a `planted.json` manifest of the patterns it planted.
//!
//! All areas use gemeente codes GM9900–GM9999, which no real gemeente has; names are invented.
//! Generation walks the buurten one at a time and streams every entity row to disk, keeping
//! only per-buurt aggregates in memory, so even the national scale (≈9M addresses) runs in
//! bounded memory (about 14 MB at national scale). Random draws come from separate streams per
//! buurt and purpose (addresses, businesses, ownership, signals, planted patterns); keys
//! (vestigingsnummers, KvK numbers, pseudonyms, signal ids) are handed out in generation order.
//! No system maths library is used for random draws, so files are identical on every machine.
//!
//! The first gemeente (Haverwoude, laid out by hand) carries the planted patterns at every
//! scale; `planted.json` lists them with their lens, buurt and entities ([`Manifest`]).

mod addresses;
mod areas;
mod businesses;
mod cbs;
mod csv_out;
mod dates;
mod layout;
mod manifest;
mod names;
mod ownership;
mod plant;
mod profile;
mod rng;
mod sbi;
mod signals;
mod sink;
mod state;

use std::path::PathBuf;

use anyhow::Context;

use crate::cli::Scale;

pub use manifest::{EntityRef, Manifest, Pattern};

/// The files `schouw gen` writes, in import order, with the kind each is imported as.
pub const FILES: &[(&str, crate::cli::ImportKind)] = {
    use crate::cli::ImportKind;
    &[
        ("areas.csv", ImportKind::Areas),
        ("sbi.csv", ImportKind::Sbi),
        ("cbs.csv", ImportKind::Cbs),
        ("addresses.csv", ImportKind::Addresses),
        ("businesses.csv", ImportKind::Businesses),
        ("parties.csv", ImportKind::Parties),
        ("roles.csv", ImportKind::Roles),
        ("ownership.csv", ImportKind::Ownership),
        ("signals.csv", ImportKind::Signals),
    ]
};

/// What to generate and where.
#[derive(Debug, Clone)]
pub struct GenOptions {
    /// Directory to write into (created if needed).
    pub dir: PathBuf,
    /// How large a data set.
    pub scale: Scale,
    /// Seed: the same seed gives byte-identical files.
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenSummary {
    /// (file name, data rows) in import order, `planted.json` last (rows = patterns).
    pub files: Vec<(String, u64)>,
    /// Number of planted patterns.
    pub planted: usize,
}

/// The scale's name as written in `planted.json`.
pub fn scale_name(scale: Scale) -> &'static str {
    match scale {
        Scale::Demo => "demo",
        Scale::Region => "region",
        Scale::National => "national",
    }
}

/// Random-stream labels: one per purpose, so adding draws to one never shifts another.
const STREAM_ADDRESSES: u64 = 0xADD;
const STREAM_BUSINESSES: u64 = 0xB15;
const STREAM_OWNERSHIP: u64 = 0x0E7;
const STREAM_SIGNALS: u64 = 0x516;
const STREAM_PLANT: u64 = 0x91A;

/// Generates the data set described by `opts`.
pub fn generate(opts: &GenOptions) -> anyhow::Result<GenSummary> {
    std::fs::create_dir_all(&opts.dir).with_context(|| {
        format!(
            "cannot create the directory {}; choose a writable location",
            opts.dir.display()
        )
    })?;
    let seed = opts.seed;
    let layout = layout::build(opts.scale, seed);

    let mut areas_out = csv_out::CsvOut::create(&opts.dir.join("areas.csv"), areas::HEADER)?;
    areas::write(&mut areas_out, &layout)?;
    let areas_rows = areas_out.finish()?;
    let mut sbi_out = csv_out::CsvOut::create(
        &opts.dir.join("sbi.csv"),
        &[
            "code_dotted",
            "code_digits",
            "level",
            "section",
            "omschrijving",
        ],
    )?;
    sbi::write(&mut sbi_out)?;
    let sbi_rows = sbi_out.finish()?;

    let sink = sink::Sink::create(&opts.dir, seed)?;
    let mut state = state::State::new(seed, sink, &layout);
    // National KvK and partner files are denser per address than a quiet demo region.
    (state.business_factor, state.signal_factor) = match opts.scale {
        Scale::Demo => (0.7, 1.0),
        Scale::Region => (0.9, 1.2),
        Scale::National => (1.45, 1.55),
    };
    for bi in 0..layout.buurten.len() {
        generate_buurt(&mut state, &layout, bi)?;
    }

    let mut cbs_out = csv_out::CsvOut::create(&opts.dir.join("cbs.csv"), cbs::HEADER)?;
    cbs::write(&mut cbs_out, &layout, &state.stats, seed)?;
    let cbs_rows = cbs_out.finish()?;

    let planted = state.planted.len();
    let manifest = Manifest {
        seed,
        scale: scale_name(opts.scale).to_owned(),
        patterns: std::mem::take(&mut state.planted),
    };
    let json = serde_json::to_string_pretty(&manifest).context("cannot encode planted.json")?;
    let manifest_path = opts.dir.join("planted.json");
    std::fs::write(&manifest_path, json + "\n").with_context(|| {
        format!(
            "cannot write {}; is the disk full?",
            manifest_path.display()
        )
    })?;

    let mut files = vec![
        ("areas.csv".to_owned(), areas_rows),
        ("sbi.csv".to_owned(), sbi_rows),
        ("cbs.csv".to_owned(), cbs_rows),
    ];
    files.extend(state.sink.finish()?);
    files.push(("planted.json".to_owned(), planted as u64));
    Ok(GenSummary { files, planted })
}

fn generate_buurt(
    state: &mut state::State,
    layout: &layout::Layout,
    bi: usize,
) -> anyhow::Result<()> {
    let seed = state.seed;
    let buurt = &layout.buurten[bi];
    if state.gemeente.index != buurt.gemeente {
        let in_gemeente = layout.buurten[bi..]
            .iter()
            .take_while(|b| b.gemeente == buurt.gemeente)
            .count();
        state.enter_gemeente(buurt.gemeente, layout, in_gemeente)?;
        // Now and then a partner reports unusual transactions by a property investor.
        let mut rng = rng::Rng::for_stream(seed, STREAM_SIGNALS, u64::MAX - buurt.gemeente as u64);
        for investor in state.gemeente.investors.clone() {
            for _ in 0..rng.poisson(0.08 * state.signal_factor) {
                let d = signals::signal_day(&mut rng);
                signals::emit(
                    state,
                    "witwassen_vermoeden",
                    "party",
                    &investor,
                    d,
                    &mut rng,
                )?;
            }
        }
    }
    let plant = plant::for_buurt(layout, bi);
    let idx = bi as u64;

    let mut rng = rng::Rng::for_stream(seed, STREAM_ADDRESSES, idx);
    let mut ba = addresses::build(state, layout, bi, &mut rng);
    let mut plant_rng = rng::Rng::for_stream(seed, STREAM_PLANT, idx);
    plant::adjust_addresses(plant, &mut ba, &mut plant_rng);
    let here = addresses::Here {
        layout,
        bi,
        ba: &ba,
    };
    addresses::write(state, here)?;

    let mut rng = rng::Rng::for_stream(seed, STREAM_BUSINESSES, idx);
    let bizs = businesses::generate(state, here, &mut rng)?;

    let skip = match plant {
        Some(p) => plant::apply(state, here, p, &mut plant_rng)?,
        None => Vec::new(),
    };
    let mut rng = rng::Rng::for_stream(seed, STREAM_OWNERSHIP, idx);
    ownership::generate(state, here, &skip, &mut rng)?;

    let mut rng = rng::Rng::for_stream(seed, STREAM_SIGNALS, idx);
    signals::generate(state, here, &bizs, &mut rng)?;
    Ok(())
}
