//! Re-weighting at national scale without a database: the buurt lens with the most
//! indicators, prepared once over 14,574 synthetic buurten (half the inputs absent, five
//! stedelijkheid classes as comparison sets), then scored with changing weights.

use std::time::Instant;

use schouw::lens::{Lens, RefDate};
use schouw::model::{AreaCode, AreaLevel};
use schouw::score::{AreaInput, IndicatorInput, ScoreOptions, prepare};

/// The number of buurten in the national CBS indeling.
const BUURTEN: usize = 14_574;

/// Prints the time of one re-weighting (mean of 20) of `lens` over [`BUURTEN`] buurten.
pub fn national(lens: &Lens, reference: RefDate) {
    let mut seed: u64 = 42;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 100_000) as f64 / 100.0
    };
    let k = lens.indicators.len();
    let code = |s: &str| AreaCode::parse(s).expect("a valid code");
    let areas: Vec<AreaInput> = (0..BUURTEN)
        .map(|i| AreaInput {
            code: code(&format!("BU{:04}{:04}", i / 1000, i % 1000)),
            name: format!("Buurt {i}").into(),
            level: AreaLevel::Buurt,
            gemeente: code(&format!("GM{:04}", i / 1000)),
            population: Some(rnd() * 10.0),
            ste_mvs: Some((i % 5) as u8 + 1),
            indicators: (0..k)
                .map(|_| {
                    let n = rnd();
                    if n < 50.0 {
                        IndicatorInput {
                            numerator: None,
                            denominator: None,
                        }
                    } else {
                        IndicatorInput::rate(n, rnd() * 2.0 + 1.0)
                    }
                })
                .collect(),
        })
        .collect();
    let t = Instant::now();
    let p = prepare(lens, areas, &ScoreOptions::at(reference)).expect("prepare");
    let prep = t.elapsed().as_secs_f64() * 1000.0;
    let runs = 20;
    let t = Instant::now();
    for run in 0..runs {
        let w: Vec<f64> = (0..k).map(|i| 1.0 + ((i + run) % 4) as f64).collect();
        std::hint::black_box(p.score(&w).expect("weights"));
    }
    println!(
        "re-weighting lens {} ({k} indicators) over {BUURTEN} synthetic buurten: {:.2} ms per \
         run (mean of {runs}; prepared once in {prep:.1} ms; budget 20 ms)",
        lens.id,
        t.elapsed().as_secs_f64() * 1000.0 / runs as f64
    );
}
