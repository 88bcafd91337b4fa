//! The expensive half of scoring, done once per lens and data set: values, suppression,
//! eligibility, comparison sets and normalised scores per indicator. What stays is a table of
//! normalised values, so a change of weights only recomputes composites, ranks and tiers.

use std::collections::BTreeMap;

use crate::lens::{CompareWithin, Direction, Lens, Normalization};
use crate::model::{AreaCode, AreaLevel};

use super::input::{AreaInput, IndicatorInput, ScoreError, ScoreOptions};
use super::normalize::{median_sorted, percentile, robust_z};
use super::value::{Value, compute};

/// What scoring needs to know about one indicator of the lens.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorMeta {
    /// Indicator id.
    pub id: String,
    /// Dutch label.
    pub label: String,
    /// Direction.
    pub direction: Direction,
    /// Normalisation.
    pub normalization: Normalization,
    /// Scale factor.
    pub scale: f64,
    /// Whether it divides by a denominator.
    pub has_denominator: bool,
    /// The weight in the lens file.
    pub lens_weight: f64,
}

/// One comparison set.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// How it is named in explanations (`alle buurten`, `gemeente GM0344`, `stedelijkheid 1`).
    pub label: String,
    /// Scored (eligible) areas in it.
    pub size: usize,
    /// Per indicator: how many of them have a value, and the median value.
    pub indicator_stats: Vec<GroupStat>,
}

/// Per comparison set and indicator: the values it was normalised against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupStat {
    /// Areas with a value.
    pub n: usize,
    /// Their median value, if any.
    pub median: Option<f64>,
}

/// One area's fixed facts.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaRow {
    /// The input as given, but for its `indicators`: they are moved into the prepared
    /// table (read them with [`Prepared::input`]), held in half the space.
    pub input: AreaInput,
    /// Whether the population reaches the lens's `min_population`.
    pub eligible: bool,
    /// Index into [`Prepared::groups`].
    pub group: usize,
}

/// Normalised indicator scores for every area, ready for (re)weighting.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Lens id, name and version (for explanations and exports).
    pub lens_id: String,
    /// Lens name.
    pub lens_name: String,
    /// Lens version.
    pub lens_version: String,
    /// The lens's level.
    pub level: AreaLevel,
    /// The lens's comparison rule.
    pub compare_within: CompareWithin,
    /// The lens's minimum population.
    pub min_population: u64,
    /// The options used.
    pub options: ScoreOptions,
    /// The indicators, in lens order.
    pub indicators: Vec<IndicatorMeta>,
    /// The areas, sorted by code.
    pub areas: Vec<AreaRow>,
    /// The comparison sets, sorted by their key.
    pub groups: Vec<Group>,
    /// Values, area-major: `values[a * k + i]`.
    pub(crate) values: Vec<Value>,
    /// Normalised 0–100 scores with direction applied, area-major; `NaN` = no score.
    pub(crate) normalized: Vec<f64>,
    /// The raw inputs, area-major: numerator and denominator, [`NONE`] when absent.
    raw: Vec<[f64; 2]>,
}

/// An absent input in [`Prepared`]'s raw table: a NaN with a payload that no arithmetic
/// makes (SQLite stores no NaN at all), so every other number, NaN included, is kept as
/// given.
const NONE: u64 = 0x7ff8_5c48_0000_0001;

fn pack(v: Option<f64>) -> f64 {
    v.unwrap_or(f64::from_bits(NONE))
}

fn unpack(v: f64) -> Option<f64> {
    (v.to_bits() != NONE).then_some(v)
}

impl PartialEq for Prepared {
    /// Equal when every field is equal, with `NaN` (no score) equal to itself.
    fn eq(&self, o: &Self) -> bool {
        self.lens_id == o.lens_id
            && self.lens_name == o.lens_name
            && self.lens_version == o.lens_version
            && self.level == o.level
            && self.compare_within == o.compare_within
            && self.min_population == o.min_population
            && self.options == o.options
            && self.indicators == o.indicators
            && self.areas == o.areas
            && self.groups == o.groups
            && self.values == o.values
            && super::composite::same_bits(&self.normalized, &o.normalized)
            && super::composite::same_bits(self.raw.as_flattened(), o.raw.as_flattened())
    }
}

impl Prepared {
    /// Number of indicators.
    pub fn indicator_count(&self) -> usize {
        self.indicators.len()
    }

    /// The value of indicator `i` for area `a` (area index in [`Prepared::areas`]).
    pub fn value(&self, a: usize, i: usize) -> Value {
        self.values[a * self.indicators.len() + i]
    }

    /// The raw input of indicator `i` for area `a`.
    pub fn input(&self, a: usize, i: usize) -> IndicatorInput {
        let [n, d] = self.raw[a * self.indicators.len() + i];
        IndicatorInput {
            numerator: unpack(n),
            denominator: unpack(d),
        }
    }

    /// The normalised score (0–100, direction applied) of indicator `i` for area `a`, if any.
    pub fn normalized(&self, a: usize, i: usize) -> Option<f64> {
        let v = self.normalized[a * self.indicators.len() + i];
        (!v.is_nan()).then_some(v)
    }

    /// The index of an area by code.
    pub fn area_index(&self, code: &AreaCode) -> Option<usize> {
        self.areas.binary_search_by(|r| r.input.code.cmp(code)).ok()
    }
}

/// Comparison-set key; ordered so groups come out the same on every run.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum GroupKey {
    All,
    Gemeente(AreaCode),
    Stedelijkheid(Option<u8>),
}

/// Computes values and normalised scores. Input order does not matter: areas are sorted by
/// code first.
pub fn prepare(
    lens: &Lens,
    mut areas: Vec<AreaInput>,
    options: &ScoreOptions,
) -> Result<Prepared, ScoreError> {
    let k = lens.indicators.len();
    areas.sort_by(|a, b| a.code.cmp(&b.code));
    for (i, a) in areas.iter().enumerate() {
        if a.indicators.len() != k {
            return Err(ScoreError::IndicatorCount {
                area: a.code.to_string(),
                lens: lens.id.clone(),
                expected: k,
                got: a.indicators.len(),
            });
        }
        if a.level != lens.level {
            return Err(ScoreError::WrongLevel {
                area: a.code.to_string(),
                lens: lens.id.clone(),
                expected: lens.level.to_string(),
                got: a.level.to_string(),
            });
        }
        if i > 0 && areas[i - 1].code == a.code {
            return Err(ScoreError::DuplicateArea(a.code.to_string()));
        }
    }
    let indicators: Vec<IndicatorMeta> = lens
        .indicators
        .iter()
        .map(|i| IndicatorMeta {
            id: i.id.clone(),
            label: i.label.clone(),
            direction: i.direction,
            normalization: i.normalization,
            scale: i.scale,
            has_denominator: i.denominator.is_some(),
            lens_weight: i.weight,
        })
        .collect();

    let mut values = Vec::with_capacity(areas.len() * k);
    for a in &areas {
        for (meta, inp) in indicators.iter().zip(&a.indicators) {
            values.push(compute(
                inp.numerator,
                inp.denominator,
                meta.has_denominator,
                meta.scale,
                options.min_denominator,
            ));
        }
    }

    let eligible: Vec<bool> = areas
        .iter()
        .map(|a| {
            lens.min_population == 0
                || a.population
                    .is_some_and(|p| p >= lens.min_population as f64)
        })
        .collect();
    let mut members: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
    let mut key_of = Vec::with_capacity(areas.len());
    for (ai, a) in areas.iter().enumerate() {
        let key = match lens.compare_within {
            CompareWithin::All => GroupKey::All,
            CompareWithin::Gemeente => GroupKey::Gemeente(a.gemeente.clone()),
            CompareWithin::Stedelijkheid => GroupKey::Stedelijkheid(a.ste_mvs),
        };
        if eligible[ai] {
            members.entry(key.clone()).or_default().push(ai);
        } else {
            members.entry(key.clone()).or_default();
        }
        key_of.push(key);
    }

    let mut normalized = vec![f64::NAN; areas.len() * k];
    let mut groups = Vec::with_capacity(members.len());
    let mut group_index = BTreeMap::new();
    for (gi, (key, idx)) in members.iter().enumerate() {
        group_index.insert(key.clone(), gi);
        let mut stats = Vec::with_capacity(k);
        for (i, meta) in indicators.iter().enumerate() {
            let with_value: Vec<(usize, f64)> = idx
                .iter()
                .filter_map(|&a| values[a * k + i].known().map(|v| (a, v)))
                .collect();
            let xs: Vec<f64> = with_value.iter().map(|(_, v)| *v).collect();
            let scores = match meta.normalization {
                Normalization::Percentile => percentile(&xs),
                Normalization::RobustZ => robust_z(&xs),
            };
            for ((a, _), s) in with_value.iter().zip(scores) {
                normalized[a * k + i] = match meta.direction {
                    Direction::HigherIsRiskier => s,
                    Direction::LowerIsRiskier => 100.0 - s,
                };
            }
            let mut sorted = xs;
            sorted.sort_by(f64::total_cmp);
            stats.push(GroupStat {
                n: sorted.len(),
                median: (!sorted.is_empty()).then(|| median_sorted(&sorted)),
            });
        }
        groups.push(Group {
            label: group_label(key, lens.level),
            size: idx.len(),
            indicator_stats: stats,
        });
    }

    let mut raw = Vec::with_capacity(areas.len() * k);
    for a in &mut areas {
        let inputs = std::mem::take(&mut a.indicators);
        raw.extend(
            inputs
                .iter()
                .map(|i| [pack(i.numerator), pack(i.denominator)]),
        );
    }
    let rows = areas
        .into_iter()
        .zip(eligible)
        .zip(&key_of)
        .map(|((input, eligible), key)| AreaRow {
            input,
            eligible,
            group: group_index[key],
        })
        .collect();
    Ok(Prepared {
        lens_id: lens.id.clone(),
        lens_name: lens.name.clone(),
        lens_version: lens.version.clone(),
        level: lens.level,
        compare_within: lens.compare_within,
        min_population: lens.min_population,
        options: *options,
        indicators,
        areas: rows,
        groups,
        values,
        normalized,
        raw,
    })
}

fn group_label(key: &GroupKey, level: AreaLevel) -> String {
    let plural = match level {
        AreaLevel::Buurt => "buurten",
        AreaLevel::Wijk => "wijken",
        AreaLevel::Gemeente => "gemeenten",
        AreaLevel::Land => "gebieden",
    };
    match key {
        GroupKey::All => format!("alle {plural}"),
        GroupKey::Gemeente(g) => format!("{plural} in gemeente {g}"),
        GroupKey::Stedelijkheid(Some(s)) => {
            format!(
                "{plural} met stedelijkheid {s} ({})",
                stedelijkheid_name(*s)
            )
        }
        GroupKey::Stedelijkheid(None) => format!("{plural} met onbekende stedelijkheid"),
    }
}

/// CBS's names of the `ste_mvs` classes.
pub fn stedelijkheid_name(class: u8) -> &'static str {
    match class {
        1 => "zeer sterk stedelijk",
        2 => "sterk stedelijk",
        3 => "matig stedelijk",
        4 => "weinig stedelijk",
        5 => "niet stedelijk",
        _ => "onbekende klasse",
    }
}
