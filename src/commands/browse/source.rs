//! What the interface asks of a database ([`DataSource`]), answered from the prepared scores,
//! the flags and the store's bounded queries that [`StoreSource`] keeps.

use super::worker::Job;
use super::{LIST_LIMIT, StoreSource, entity, rows, save};
use crate::model::{AreaCode, AreaLevel};
use crate::tui::{
    AreaDetail, AreaRow, DataSource, EntityDetail, EntityLine, EntityRef, ExportTable, LensSummary,
    Need, SaveError, ScoreRequest, SearchHit, TunedLens, Waker,
};

impl DataSource for StoreSource {
    fn ready(&mut self, need: Need<'_>) -> bool {
        let key = |req: &ScoreRequest, level| (req.lens.clone(), level, req.compare);
        match need {
            Need::Scores(req) => self.need(Job::Score(vec![key(req, req.level)])),
            Need::Area(req, code) => match AreaCode::parse(code) {
                Ok(c) => self.need(Job::Score(vec![key(req, rows::level_of(c.level()))])),
                // `area_detail` says what is wrong with it.
                Err(_) => true,
            },
            Need::Flags(lens) => self.need(Job::Flags(lens.to_owned())),
        }
    }

    fn set_waker(&mut self, waker: Waker) {
        if let Some(w) = &self.worker {
            w.set_waker(waker);
        }
    }

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
        // The flagged list only when the lens's flags are at hand; the interface asks for it
        // again once they are (see `Need::Flags`).
        let flagged = if self.ready(Need::Flags(&req.lens)) {
            self.flagged_page(&req.lens, area, None, crate::tui::app::PAGE)?
        } else {
            Vec::new()
        };
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

    /// With the flags of every lens whose flags are at hand (the interface asks again while
    /// `Need::Flags` of the lens in use is not ready).
    fn entity(&mut self, id: &EntityRef) -> Result<EntityDetail, String> {
        self.absorb();
        let mut flags = Vec::new();
        for lens in &self.lenses {
            let Some(Ok(all)) = self.flags.get(&lens.id) else {
                continue;
            };
            for f in all {
                if f.id == id.id && entity::subject_matches(f.subject, id.kind) {
                    flags.push(crate::tui::FlagLine {
                        label: f.label.to_string(),
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
