//! The interface's data source over a real database: lenses from the catalogue, scores from the
//! store's indicator passes and the pure scoring engine, drill-down from the store's bounded
//! queries. It implements [`crate::tui::DataSource`], so the interface itself never sees SQL.
//! Prepared scores are kept per (lens, level, comparison set); changing weights only re-ranks.

mod entity;
mod export;
mod rows;
mod save;

use std::collections::HashMap;

use crate::lens::{CompareWithin, Lens, RefDate};
use crate::model::{AreaCode, AreaLevel};
use crate::score::{Prepared, ScoreOptions, prepare};
use crate::store::{FlaggedEntity, IndicatorOptions, Store};
use crate::tui::{
    AreaDetail, AreaRow, Compare, DataSource, EntityDetail, EntityLine, EntityRef, ExportTable,
    LensSummary, Level, SaveError, ScoreRequest, SearchHit, TunedLens,
};

/// How many flagged entities or signals a list shows at most per request.
const LIST_LIMIT: usize = 200;

/// Prepared scores of one lens at one level with one comparison set.
struct Computed {
    prepared: Prepared,
    /// Gemeente code → name.
    gemeenten: HashMap<String, String>,
}

/// The interface's view of one database.
pub struct StoreSource {
    store: Store,
    lenses: Vec<Lens>,
    summaries: Vec<LensSummary>,
    reference: RefDate,
    computed: HashMap<(String, Level, Compare), Computed>,
    flags: HashMap<String, Vec<FlaggedEntity>>,
}

impl StoreSource {
    /// Opens the source: scores every lens once with its own settings (for the lens panel).
    pub fn new(store: Store, lenses: Vec<Lens>, reference: RefDate) -> anyhow::Result<Self> {
        let mut source = StoreSource {
            store,
            lenses,
            summaries: Vec::new(),
            reference,
            computed: HashMap::new(),
            flags: HashMap::new(),
        };
        let mut summaries = Vec::new();
        for i in 0..source.lenses.len() {
            let lens = source.lenses[i].clone();
            let (level, compare) = (
                rows::level_of(lens.level),
                rows::compare_of(lens.compare_within),
            );
            let top_tier = match source.computed(&lens.id, level, compare) {
                Ok(c) => {
                    let scores = c.prepared.score_default();
                    scores
                        .areas
                        .iter()
                        .filter(|a| a.tier == crate::score::Tier::Hoog)
                        .count()
                }
                Err(_) => 0,
            };
            summaries.push(rows::summary(&lens, top_tier));
        }
        source.summaries = summaries;
        Ok(source)
    }

    fn lens(&self, id: &str) -> Result<&Lens, String> {
        self.lenses
            .iter()
            .find(|l| l.id == id)
            .ok_or_else(|| format!("onbekende lens {id}"))
    }

    /// The prepared scores of a lens at a level and comparison set, computed once.
    fn computed(
        &mut self,
        lens_id: &str,
        level: Level,
        compare: Compare,
    ) -> Result<&Computed, String> {
        let key = (lens_id.to_owned(), level, compare);
        if !self.computed.contains_key(&key) {
            let mut lens = self.lens(lens_id)?.clone();
            lens.level = rows::area_level(level);
            lens.compare_within = match compare {
                Compare::All => CompareWithin::All,
                Compare::Gemeente => CompareWithin::Gemeente,
                Compare::Stedelijkheid => CompareWithin::Stedelijkheid,
            };
            let options = IndicatorOptions {
                level: lens.level,
                year: None,
                reference: self.reference,
                within: None,
            };
            let data = self
                .store
                .indicator_data(&[&lens], &options)
                .map_err(|e| e.to_string())?;
            let prepared = prepare(&lens, data.inputs(&lens), &ScoreOptions::at(self.reference))
                .map_err(|e| e.to_string())?;
            let gemeenten = self
                .store
                .areas_at(AreaLevel::Gemeente, data.year, None)
                .map_err(|e| e.to_string())?
                .into_iter()
                .map(|a| (a.code.as_str().to_owned(), a.name))
                .collect();
            self.computed.insert(
                key.clone(),
                Computed {
                    prepared,
                    gemeenten,
                },
            );
        }
        Ok(&self.computed[&key])
    }

    /// The flagged entities of a lens, evaluated once.
    fn flags(&mut self, lens_id: &str) -> Result<&[FlaggedEntity], String> {
        if !self.flags.contains_key(lens_id) {
            let lens = self.lens(lens_id)?.clone();
            let flagged = self
                .store
                .lens_flags(&lens, self.reference)
                .map_err(|e| e.to_string())?;
            self.flags.insert(lens_id.to_owned(), flagged);
        }
        Ok(&self.flags[lens_id])
    }

    fn weights(&self, lens_id: &str, req: &ScoreRequest) -> Result<Vec<f64>, String> {
        let lens = self.lens(lens_id)?;
        Ok(lens
            .indicators
            .iter()
            .map(|i| {
                req.weights
                    .iter()
                    .find(|(id, _)| *id == i.id)
                    .map_or(i.weight, |(_, w)| *w)
            })
            .collect())
    }
}

impl DataSource for StoreSource {
    fn lenses(&self) -> Vec<LensSummary> {
        self.summaries.clone()
    }

    fn scores(&mut self, req: &ScoreRequest) -> Result<Vec<AreaRow>, String> {
        let weights = self.weights(&req.lens, req)?;
        let c = self.computed(&req.lens, req.level, req.compare)?;
        let scores = c.prepared.score(&weights).map_err(|e| e.to_string())?;
        let mut out: Vec<AreaRow> = (0..c.prepared.areas.len())
            .map(|a| rows::area_row(&c.prepared, &scores, a, &c.gemeenten))
            .filter(|r| req.gemeente.as_deref().is_none_or(|g| r.gemeente_code == g))
            .collect();
        out.sort_by(|x, y| match (x.rank, y.rank) {
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => x.code.cmp(&y.code),
        });
        Ok(out)
    }

    fn area_detail(&mut self, req: &ScoreRequest, area: &str) -> Result<AreaDetail, String> {
        let code = AreaCode::parse(area).map_err(|e| format!("{area}: {e}"))?;
        let level = rows::level_of(code.level());
        let weights = self.weights(&req.lens, req)?;
        let c = self.computed(&req.lens, level, req.compare)?;
        let a = c
            .prepared
            .area_index(&code)
            .ok_or_else(|| format!("{area} is niet gescoord"))?;
        let scores = c.prepared.score(&weights).map_err(|e| e.to_string())?;
        let row = rows::area_row(&c.prepared, &scores, a, &c.gemeenten);
        let indicators = rows::indicator_lines(&c.prepared, &scores, a);
        let of = scores.scored();
        let flagged = self.flagged_page(&req.lens, area, None, crate::tui::app::PAGE)?;
        let signals = if code.level() == AreaLevel::Buurt {
            self.store
                .signals_in_buurt(code.as_str(), 20)
                .map_err(|e| e.to_string())?
                .iter()
                .map(entity::signal_line)
                .collect()
        } else {
            Vec::new()
        };
        Ok(AreaDetail {
            row,
            of,
            indicators,
            flagged,
            signals,
        })
    }

    fn entity(&mut self, id: &EntityRef) -> Result<EntityDetail, String> {
        let lens_ids: Vec<String> = self.lenses.iter().map(|l| l.id.clone()).collect();
        let mut flags = Vec::new();
        for lens in &lens_ids {
            for f in self.flags(lens)? {
                if f.id == id.id && entity::subject_matches(f.subject, id.kind) {
                    flags.push(crate::tui::FlagLine {
                        label: f.label.clone(),
                        evidence: f.evidence.join("; "),
                    });
                }
            }
        }
        entity::detail(&self.store, id, flags, LIST_LIMIT).map_err(|e| e.to_string())
    }

    fn flagged_page(
        &mut self,
        lens: &str,
        area: &str,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EntityLine>, String> {
        let flagged = self.flags(lens)?;
        let mut lines: Vec<EntityLine> = flagged
            .iter()
            .filter(|f| f.buurten.iter().any(|b| rows::buurt_in(b, area)))
            .filter_map(entity::flag_line)
            .collect();
        lines.sort_by(|a, b| a.key.cmp(&b.key));
        lines.dedup_by(|a, b| a.key == b.key);
        let mut page: Vec<EntityLine> = lines
            .into_iter()
            .filter(|l| after.is_none_or(|k| l.key.as_str() > k))
            .take(limit)
            .collect();
        for line in &mut page {
            line.label = entity::name_of(&self.store, &line.target).map_err(|e| e.to_string())?;
        }
        Ok(page)
    }

    fn export_scores(
        &mut self,
        req: &ScoreRequest,
        areas: &[String],
    ) -> Result<ExportTable, String> {
        self.export_table(req, areas)
    }

    fn save_lens(&mut self, tuned: &TunedLens) -> Result<String, SaveError> {
        let base = self.lens(&tuned.base).map_err(SaveError::Failed)?;
        let dir = crate::lens::user_lens_dir().ok_or_else(|| {
            SaveError::Failed("no configuration directory (HOME is not set)".into())
        })?;
        save::save(&dir, base, tuned).map(|p| p.display().to_string())
    }

    fn search(&mut self, query: &str, limit: usize) -> Result<Vec<SearchHit>, String> {
        let candidates = self
            .store
            .search_candidates(query, 300)
            .map_err(|e| e.to_string())?;
        Ok(
            crate::search::rank(query, candidates.iter().map(|c| c.text.as_str()), limit)
                .into_iter()
                .map(|r| entity::search_hit(&candidates[r.index], r.positions))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests;
