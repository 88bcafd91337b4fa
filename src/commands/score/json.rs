//! The JSON form of `schouw score`: one object per area with its indicators.

use serde::Serialize;

use crate::lens::RefDate;
use crate::score::Value;

/// One indicator of one area in JSON.
#[derive(Serialize)]
pub(super) struct JsonIndicator {
    id: String,
    value: Option<f64>,
    suppressed: bool,
    numerator: Option<f64>,
    denominator: Option<f64>,
    normalized: Option<f64>,
    weight: f64,
    contribution: Option<f64>,
}

/// One area in JSON.
#[derive(Serialize)]
pub(super) struct JsonArea {
    area: String,
    name: String,
    level: String,
    gemeente: String,
    population: Option<f64>,
    score: Option<f64>,
    rank: Option<usize>,
    tier: &'static str,
    coverage: f64,
    reference_date: String,
    top: Vec<String>,
    indicators: Vec<JsonIndicator>,
}

pub(super) fn json_area(
    p: &crate::score::Prepared,
    s: &crate::score::Scores,
    a: usize,
    reference: RefDate,
) -> JsonArea {
    let input = &p.areas[a].input;
    let sc = &s.areas[a];
    JsonArea {
        area: input.code.to_string(),
        name: input.name.to_string(),
        level: p.level.to_string(),
        gemeente: input.gemeente.to_string(),
        population: input.population,
        score: sc.composite,
        rank: sc.rank,
        tier: sc.tier.label(),
        coverage: sc.coverage,
        reference_date: reference.iso(),
        top: sc
            .top
            .as_slice()
            .iter()
            .map(|&i| p.indicators[i].id.clone())
            .collect(),
        indicators: p
            .indicators
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let inp = p.input(a, i);
                let v = p.value(a, i);
                JsonIndicator {
                    id: m.id.clone(),
                    value: v.known(),
                    suppressed: matches!(v, Value::Suppressed { .. }),
                    numerator: inp.numerator,
                    denominator: if m.has_denominator {
                        inp.denominator
                    } else {
                        None
                    },
                    normalized: p.normalized(a, i),
                    weight: s.weights[i],
                    contribution: s.contribution(a, i),
                }
            })
            .collect(),
    }
}
