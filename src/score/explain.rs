//! Explanations: for one area, everything behind its score (formula, inputs per indicator,
//! normalised scores, weights, contributions, comparison set) as a struct, plus Dutch
//! sentences a command or screen can print.

use crate::lens::{CompareWithin, Direction, Normalization, RefDate};
use crate::model::AreaCode;

use super::composite::{AreaScore, NotScored, Scores, Tier};
use super::prepare::Prepared;
use super::value::Value;

/// How the composite is computed, in words.
pub const FORMULA: &str = "score = Σ (gewicht × genormaliseerde score) / Σ gewicht, over de \
     indicatoren met gegevens; dekking = Σ gewicht met gegevens / Σ alle gewichten";

/// Everything behind one area's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// Area code.
    pub code: AreaCode,
    /// Area name.
    pub name: String,
    /// Lens id.
    pub lens_id: String,
    /// Lens name.
    pub lens_name: String,
    /// Lens version.
    pub lens_version: String,
    /// The reference date of the month windows.
    pub reference_date: RefDate,
    /// The composite, when scored.
    pub composite: Option<f64>,
    /// Rank, when scored.
    pub rank: Option<usize>,
    /// Number of scored areas.
    pub ranked_of: usize,
    /// Tier.
    pub tier: Tier,
    /// Coverage 0–1.
    pub coverage: f64,
    /// Why not scored, if so.
    pub not_scored: Option<NotScored>,
    /// The comparison set.
    pub comparison: Comparison,
    /// The tier thresholds used (p75, p90).
    pub thresholds: (Option<f64>, Option<f64>),
    /// The formula in words.
    pub formula: &'static str,
    /// Per indicator, in lens order.
    pub indicators: Vec<IndicatorExplanation>,
    /// Ids of the (at most three) largest contributors.
    pub top: Vec<String>,
}

/// The set an area was compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The lens's rule.
    pub within: CompareWithin,
    /// Its name (`buurten met stedelijkheid 1 (zeer sterk stedelijk)`).
    pub label: String,
    /// Scored areas in it.
    pub size: usize,
}

/// One indicator for one area.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorExplanation {
    /// Indicator id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Numerator as the store gave it.
    pub numerator: Option<f64>,
    /// Denominator as the store gave it (only for indicators that divide).
    pub denominator: Option<f64>,
    /// Scale.
    pub scale: f64,
    /// The value, or why there is none.
    pub value: Value,
    /// Normalisation method.
    pub normalization: Normalization,
    /// Direction.
    pub direction: Direction,
    /// Normalised score 0–100 with direction applied.
    pub normalized: Option<f64>,
    /// Weight used.
    pub weight: f64,
    /// Contribution to the composite.
    pub contribution: Option<f64>,
    /// Areas in the comparison set with a value for this indicator.
    pub compared_with: usize,
    /// Their median value.
    pub median: Option<f64>,
}

impl Prepared {
    /// The explanation of one area's score, or `None` for an unknown area.
    pub fn explain(&self, scores: &Scores, code: &AreaCode) -> Option<Explanation> {
        let a = self.area_index(code)?;
        let row = &self.areas[a];
        let s: &AreaScore = scores.areas.get(a)?;
        let group = &self.groups[row.group];
        let indicators = self
            .indicators
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let inp = self.input(a, i);
                IndicatorExplanation {
                    id: m.id.clone(),
                    label: m.label.clone(),
                    numerator: inp.numerator,
                    denominator: if m.has_denominator {
                        inp.denominator
                    } else {
                        None
                    },
                    scale: m.scale,
                    value: self.value(a, i),
                    normalization: m.normalization,
                    direction: m.direction,
                    normalized: self.normalized(a, i),
                    weight: scores.weights[i],
                    contribution: scores.contribution(a, i),
                    compared_with: group.indicator_stats[i].n,
                    median: group.indicator_stats[i].median,
                }
            })
            .collect();
        Some(Explanation {
            code: row.input.code.clone(),
            name: row.input.name.to_string(),
            lens_id: self.lens_id.clone(),
            lens_name: self.lens_name.clone(),
            lens_version: self.lens_version.clone(),
            reference_date: self.options.reference_date,
            composite: s.composite,
            rank: s.rank,
            ranked_of: scores.scored(),
            tier: s.tier,
            coverage: s.coverage,
            not_scored: s.not_scored,
            comparison: Comparison {
                within: self.compare_within,
                label: group.label.clone(),
                size: group.size,
            },
            thresholds: (scores.p75, scores.p90),
            formula: FORMULA,
            indicators,
            top: s
                .top
                .as_slice()
                .iter()
                .map(|&i| self.indicators[i].id.clone())
                .collect(),
        })
    }
}

impl Explanation {
    /// The explanation in Dutch sentences, one per line, for a command or a screen. Numbers
    /// use a decimal comma. The text may hold area names from data: sanitise before printing.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!(
            "{} ({}) door lens {} ({} versie {}), peildatum {}",
            self.name,
            self.code,
            self.lens_name,
            self.lens_id,
            self.lens_version,
            self.reference_date
        )];
        match (self.composite, self.not_scored) {
            (Some(c), _) => out.push(format!(
                "Score {} van 100, rang {} van {}, niveau {}; dekking {}% van het gewicht.",
                num(c, 1),
                self.rank.unwrap_or(0),
                self.ranked_of,
                self.tier.label(),
                num(self.coverage * 100.0, 0)
            )),
            (None, Some(NotScored::SmallPopulation { population, min })) => out.push(format!(
                "Niet gescoord: {} inwoners, minder dan de {} die de lens vraagt.",
                population.map_or("onbekend aantal".to_string(), |p| num(p, 0)),
                min
            )),
            (None, _) => out.push(format!(
                "Niet gescoord: onvoldoende data, slechts {}% van het gewicht heeft gegevens \
                 (minimaal 50%).",
                num(self.coverage * 100.0, 0)
            )),
        }
        out.push(format!(
            "Vergeleken met {} ({} gescoorde gebieden).",
            self.comparison.label, self.comparison.size
        ));
        if let (Some(p75), Some(p90)) = self.thresholds {
            out.push(format!(
                "Niveaus: hoog vanaf {} (p90), verhoogd vanaf {} (p75).",
                num(p90, 1),
                num(p75, 1)
            ));
        }
        out.push(format!("Berekening: {}.", self.formula));
        for ind in &self.indicators {
            out.push(ind.line());
        }
        if !self.top.is_empty() {
            out.push(format!("Grootste bijdragen: {}.", self.top.join(", ")));
        }
        out.push("Een score toont een patroon, geen bewijs.".to_string());
        out
    }
}

impl IndicatorExplanation {
    fn line(&self) -> String {
        let value = match self.value {
            Value::Known(v) => match (self.numerator, self.denominator) {
                (Some(n), Some(d)) if self.scale != 1.0 => format!(
                    "{} / {} × {} = {}",
                    num(n, 2),
                    num(d, 2),
                    num(self.scale, 0),
                    num(v, 2)
                ),
                (Some(n), Some(d)) => format!("{} / {} = {}", num(n, 2), num(d, 2), num(v, 2)),
                _ => num(v, 2),
            },
            Value::Absent => "geen gegevens".to_string(),
            Value::Suppressed { denominator } => format!(
                "onderdrukt (noemer {} is te klein voor een betrouwbaar cijfer)",
                num(denominator, 0)
            ),
        };
        let norm = match self.normalized {
            Some(n) => format!(
                "{} {} (genormaliseerd{}, t.o.v. {} gebieden, mediaan {})",
                match self.normalization {
                    Normalization::Percentile => "percentiel",
                    Normalization::RobustZ => "robuuste z",
                },
                num(n, 1),
                match self.direction {
                    Direction::HigherIsRiskier => "",
                    Direction::LowerIsRiskier => ", lager is risicovoller dus 100 − x",
                },
                self.compared_with,
                self.median.map_or("–".to_string(), |m| num(m, 2))
            ),
            None => "niet meegeteld".to_string(),
        };
        let contribution = self
            .contribution
            .map_or(String::new(), |c| format!(", bijdrage {}", num(c, 1)));
        format!(
            "- {} [{}]: {}; {}; gewicht {}{}",
            self.label,
            self.id,
            value,
            norm,
            num(self.weight, 2),
            contribution
        )
    }
}

/// A number with `decimals` decimals (trailing zeros trimmed) and a decimal comma.
fn num(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    let s = if s == "-0" { "0".to_string() } else { s };
    s.replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_use_a_decimal_comma_and_no_trailing_zeros() {
        assert_eq!(num(12.5, 1), "12,5");
        assert_eq!(num(12.0, 2), "12");
        assert_eq!(num(1000.0, 0), "1000");
        assert_eq!(num(-0.0001, 1), "0");
    }
}
