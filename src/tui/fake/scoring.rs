//! How [`FakeSource`] scores: deterministic indicator values, per-group statistics, indicator
//! lines and the ranking with tiers.

use std::collections::HashMap;

use super::region::{Area, group};
use super::{FakeSource, noise};
use crate::tui::source::*;

type Stats = HashMap<(String, String), (f64, f64, f64)>;

impl FakeSource {
    pub(super) fn value(&self, area: &Area, indicator: &str) -> Option<f64> {
        let n = noise(&area.code, indicator);
        if n < 0.06 {
            return None;
        }
        Some((n * 1000.0).round() / 10.0)
    }

    pub(super) fn rank(&self, req: &ScoreRequest) -> Result<Vec<AreaRow>, String> {
        let lens = self
            .lenses
            .iter()
            .find(|l| l.id == req.lens)
            .ok_or_else(|| format!("onbekende lens: {}", req.lens))?;
        let areas: Vec<&Area> = self
            .areas
            .iter()
            .filter(|a| a.level == req.level)
            .filter(|a| req.gemeente.as_ref().is_none_or(|g| &a.gemeente_code == g))
            .collect();
        let weight = |d: &IndicatorDef| {
            req.weights
                .iter()
                .find(|(id, _)| *id == d.id)
                .map_or(d.weight, |w| w.1)
        };
        let stats = self.stats(lens, &areas, req.compare);
        let mut rows: Vec<AreaRow> = areas
            .iter()
            .map(|a| {
                let lines = self.lines(lens, &stats, a, req);
                let total: f64 = lens.indicators.iter().map(weight).sum();
                let have: f64 = lines
                    .iter()
                    .filter(|l| l.value.is_some())
                    .map(|l| l.weight)
                    .sum();
                let coverage = if total > 0.0 { have / total } else { 0.0 };
                let scored = a.inhabitants >= 50 && have > 0.0;
                let score =
                    scored.then(|| lines.iter().filter_map(|l| l.contribution).sum::<f64>());
                let mut contrib: Vec<&IndicatorLine> =
                    lines.iter().filter(|l| l.contribution.is_some()).collect();
                contrib.sort_by(|x, y| y.contribution.partial_cmp(&x.contribution).unwrap());
                AreaRow {
                    code: a.code.clone(),
                    name: a.name.clone(),
                    gemeente_code: a.gemeente_code.clone(),
                    gemeente: a.gemeente.clone(),
                    inhabitants: Some(a.inhabitants),
                    score,
                    rank: None,
                    tier: Tier::NotScored,
                    coverage,
                    top: contrib.iter().take(2).map(|l| l.id.clone()).collect(),
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            b.score
                .unwrap_or(-1.0)
                .partial_cmp(&a.score.unwrap_or(-1.0))
                .unwrap()
                .then_with(|| a.name.cmp(&b.name))
        });
        let scored = rows.iter().filter(|r| r.score.is_some()).count();
        for (i, r) in rows.iter_mut().enumerate() {
            if r.score.is_some() {
                r.rank = Some(i + 1);
                r.tier = if (i + 1) * 5 <= scored.max(5) {
                    Tier::High
                } else if (i + 1) * 2 <= scored {
                    Tier::Elevated
                } else {
                    Tier::Normal
                };
            }
        }
        Ok(rows)
    }

    /// Min, max and median per indicator per comparison group, computed once per request.
    pub(super) fn stats(&self, lens: &LensSummary, set: &[&Area], compare: Compare) -> Stats {
        let mut groups: HashMap<(String, String), Vec<f64>> = HashMap::new();
        for a in set {
            for d in &lens.indicators {
                if let Some(v) = self.value(a, &d.id) {
                    groups
                        .entry((d.id.clone(), group(a, compare)))
                        .or_default()
                        .push(v);
                }
            }
        }
        groups
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_by(|a, b| a.partial_cmp(b).unwrap());
                (k, (v[0], v[v.len() - 1], v[v.len() / 2]))
            })
            .collect()
    }

    pub(super) fn lines(
        &self,
        lens: &LensSummary,
        stats: &Stats,
        area: &Area,
        req: &ScoreRequest,
    ) -> Vec<IndicatorLine> {
        let mut out: Vec<IndicatorLine> = lens
            .indicators
            .iter()
            .map(|d| {
                let w = req
                    .weights
                    .iter()
                    .find(|(id, _)| *id == d.id)
                    .map_or(d.weight, |w| w.1);
                let (lo, hi, median) = match stats.get(&(d.id.clone(), group(area, req.compare))) {
                    Some(&(lo, hi, m)) => (lo, hi, Some(m)),
                    None => (0.0, 0.0, None),
                };
                let value = self.value(area, &d.id);
                let normalised = value.map(|v| {
                    let n = if hi > lo {
                        (v - lo) / (hi - lo) * 100.0
                    } else {
                        50.0
                    };
                    if d.direction == Direction::LowerIsRiskier {
                        100.0 - n
                    } else {
                        n
                    }
                });
                IndicatorLine {
                    id: d.id.clone(),
                    label: d.label.clone(),
                    value,
                    median,
                    normalised,
                    contribution: normalised.map(|n| n * w),
                    weight: w,
                }
            })
            .collect();
        // Contributions add up to the score: weighted mean over indicators with data.
        let have: f64 = out
            .iter()
            .filter(|l| l.value.is_some())
            .map(|l| l.weight)
            .sum();
        for l in &mut out {
            l.contribution = l
                .contribution
                .map(|c| if have > 0.0 { c / have } else { 0.0 });
        }
        out
    }
}
