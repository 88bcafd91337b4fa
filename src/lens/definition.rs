//! The validated lens: what the rest of schouw uses once a file has passed validation. Every
//! field here has been checked; nothing in it is SQL, and every value reaches SQLite as a bound
//! parameter.

use std::fmt;
use std::path::PathBuf;

use crate::model::AreaLevel;

use super::count::CountSpec;
use super::rule::Flag;

/// A validated lens: indicators, weights, comparison set and flag rules for one
/// *verschijningsvorm* in one kind of area.
#[derive(Debug, Clone, PartialEq)]
pub struct Lens {
    /// Short id, equal to the file stem (`hennep`).
    pub id: String,
    /// Dutch name (`Hennepteelt in woonwijken`).
    pub name: String,
    /// What pattern it looks for, what it does not prove, which data it needs.
    pub description: String,
    /// The level of the areas it scores (buurt, wijk or gemeente).
    pub level: AreaLevel,
    /// Which areas an area is compared with.
    pub compare_within: CompareWithin,
    /// Areas with fewer inhabitants are listed but not scored.
    pub min_population: u64,
    /// The lens author's version (`3`, `2025-06`).
    pub version: String,
    /// The indicators, in file order (at least one).
    pub indicators: Vec<Indicator>,
    /// The entity flags, in file order.
    pub flags: Vec<Flag>,
    /// Where the lens was loaded from.
    pub origin: Origin,
}

impl Lens {
    /// The indicator weights in indicator order.
    pub fn weights(&self) -> Vec<f64> {
        self.indicators.iter().map(|i| i.weight).collect()
    }

    /// The flag with this id.
    pub fn flag(&self, id: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.id == id)
    }

    /// Every statistic key the lens reads, sorted and without duplicates.
    pub fn stat_keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self
            .indicators
            .iter()
            .flat_map(|i| [Some(&i.numerator), i.denominator.as_ref()])
            .flatten()
            .filter_map(|q| match q {
                Quantity::Stat(k) => Some(k.as_str()),
                _ => None,
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

/// Where a lens came from; later origins override earlier ones with the same id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// Shipped inside the binary (from `lenses/` in the source tree).
    Embedded,
    /// A file on disk (user configuration directory or `--lenses DIR`).
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Embedded => f.write_str("embedded"),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Which areas form an area's comparison set for normalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CompareWithin {
    /// All scored areas of the lens's level.
    All,
    /// Areas in the same gemeente.
    Gemeente,
    /// Areas with the same CBS stedelijkheid class (`ste_mvs`, 1–5).
    Stedelijkheid,
}

impl CompareWithin {
    /// The name as written in lens files.
    pub fn as_str(self) -> &'static str {
        match self {
            CompareWithin::All => "all",
            CompareWithin::Gemeente => "gemeente",
            CompareWithin::Stedelijkheid => "stedelijkheid",
        }
    }
}

/// One indicator: a number per area, its direction and its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Id, unique within the lens.
    pub id: String,
    /// Dutch label with unit (`Ontmantelde kwekerijen, 3 jaar, per 1.000 woningen`).
    pub label: String,
    /// What is counted or read.
    pub numerator: Quantity,
    /// What it is divided by, if anything.
    pub denominator: Option<Quantity>,
    /// Multiplier applied to numerator / denominator (1000 for "per 1.000"). 1 when absent,
    /// 100 for `share`.
    pub scale: f64,
    /// Whether high or low values point to risk.
    pub direction: Direction,
    /// Relative weight, > 0.
    pub weight: f64,
    /// How values are made comparable.
    pub normalization: Normalization,
}

/// A number per area that the store computes.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    /// An area statistic by key (`a_woning`).
    Stat(String),
    /// A count of entities with filters.
    Count(CountSpec),
    /// The number of entities in the area that carry this lens's flag (by flag id).
    Flagged(String),
}

/// Whether high or low values point to risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Higher values are riskier.
    HigherIsRiskier,
    /// Lower values are riskier; the normalised score is mirrored (100 − x).
    LowerIsRiskier,
}

impl Direction {
    /// The name as written in lens files.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::HigherIsRiskier => "higher_is_riskier",
            Direction::LowerIsRiskier => "lower_is_riskier",
        }
    }
}

/// How an indicator's values are mapped to 0–100 within the comparison set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Normalization {
    /// Percentile rank: 0 = lowest, 100 = highest, ties share their mean rank.
    #[default]
    Percentile,
    /// Robust z-score `(x − median) / (1.4826·MAD)`, clamped to ±3 and mapped to 0–100.
    RobustZ,
}

impl Normalization {
    /// The name as written in lens files.
    pub fn as_str(self) -> &'static str {
        match self {
            Normalization::Percentile => "percentile",
            Normalization::RobustZ => "robust_z",
        }
    }
}
