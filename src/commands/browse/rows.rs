//! From the scoring engine's types to the interface's view model: lens summaries, score rows
//! and indicator lines.

use std::collections::HashMap;

use crate::lens::{CompareWithin, Direction as LensDirection, Lens, Normalization};
use crate::model::AreaLevel;
use crate::score::{Prepared, Scores, Tier as ScoreTier};
use crate::tui::{
    AreaRow, Compare, Direction, IndicatorDef, IndicatorLine, LensSummary, Level, Tier,
};

/// The interface's level for a model level (`land` shows as gemeente).
pub fn level_of(level: AreaLevel) -> Level {
    match level {
        AreaLevel::Buurt => Level::Buurt,
        AreaLevel::Wijk => Level::Wijk,
        AreaLevel::Gemeente | AreaLevel::Land => Level::Gemeente,
    }
}

/// The model level for an interface level.
pub fn area_level(level: Level) -> AreaLevel {
    match level {
        Level::Buurt => AreaLevel::Buurt,
        Level::Wijk => AreaLevel::Wijk,
        Level::Gemeente => AreaLevel::Gemeente,
    }
}

/// The interface's comparison set for a lens's.
pub fn compare_of(c: CompareWithin) -> Compare {
    match c {
        CompareWithin::All => Compare::All,
        CompareWithin::Gemeente => Compare::Gemeente,
        CompareWithin::Stedelijkheid => Compare::Stedelijkheid,
    }
}

/// Whether buurt `buurt` lies in `area` (itself, its wijk or its gemeente).
pub fn buurt_in(buurt: &str, area: &str) -> bool {
    match area.get(..2) {
        Some("BU") => buurt == area,
        Some("WK") => buurt.get(2..8) == area.get(2..8),
        Some("GM") => buurt.get(2..6) == area.get(2..6),
        _ => false,
    }
}

/// A lens as the lens panel lists it.
pub fn summary(lens: &Lens, top_tier: Option<usize>) -> LensSummary {
    LensSummary {
        id: lens.id.clone(),
        name: lens.name.clone(),
        level: level_of(lens.level),
        compare: compare_of(lens.compare_within),
        version: lens.version.clone(),
        top_tier,
        description: lens.description.clone(),
        indicators: lens
            .indicators
            .iter()
            .map(|i| IndicatorDef {
                id: i.id.clone(),
                label: i.label.clone(),
                weight: i.weight,
                direction: match i.direction {
                    LensDirection::HigherIsRiskier => Direction::HigherIsRiskier,
                    LensDirection::LowerIsRiskier => Direction::LowerIsRiskier,
                },
                normalization: match i.normalization {
                    Normalization::Percentile => "percentile".into(),
                    Normalization::RobustZ => "robust_z".into(),
                },
                distribution: None,
            })
            .collect(),
    }
}

/// One row of the score table for area `a`.
pub fn area_row(
    p: &Prepared,
    s: &Scores,
    a: usize,
    gemeenten: &HashMap<String, String>,
) -> AreaRow {
    let input = &p.areas[a].input;
    let score = &s.areas[a];
    let gemeente_code = input.gemeente.as_str().to_owned();
    AreaRow {
        code: input.code.as_str().to_owned(),
        name: input.name.to_string(),
        gemeente: gemeenten
            .get(&gemeente_code)
            .cloned()
            .unwrap_or_else(|| gemeente_code.clone()),
        gemeente_code,
        inhabitants: input
            .population
            .filter(|p| *p >= 0.0)
            .map(|p| p.round() as u64),
        score: score.composite,
        rank: score.rank,
        tier: match score.tier {
            ScoreTier::Hoog => Tier::High,
            ScoreTier::Verhoogd => Tier::Elevated,
            ScoreTier::Normaal => Tier::Normal,
            ScoreTier::OnvoldoendeData => Tier::NotScored,
        },
        coverage: score.coverage,
        top: score
            .top
            .as_slice()
            .iter()
            .map(|&i| p.indicators[i].label.clone())
            .collect(),
    }
}

/// Every indicator of area `a`: value, comparison-set median, normalised score, contribution.
pub fn indicator_lines(p: &Prepared, s: &Scores, a: usize) -> Vec<IndicatorLine> {
    let group = &p.groups[p.areas[a].group];
    p.indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| IndicatorLine {
            id: ind.id.clone(),
            label: ind.label.clone(),
            value: p.value(a, i).known(),
            median: group.indicator_stats.get(i).and_then(|g| g.median),
            normalised: p.normalized(a, i),
            contribution: s.contribution(a, i),
            weight: s.weights[i],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buurten_lie_in_their_wijk_and_gemeente() {
        assert!(buurt_in("BU99010203", "BU99010203"));
        assert!(buurt_in("BU99010203", "WK990102"));
        assert!(buurt_in("BU99010203", "GM9901"));
        assert!(!buurt_in("BU99010203", "WK990103"));
        assert!(!buurt_in("BU99010203", "GM9902"));
    }
}
