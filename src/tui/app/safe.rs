//! [`Safe`]: the data source wrapped so every answer is sanitised once on the way in.

use super::*;

/// The data source, with every answer sanitised on the way in.
pub struct Safe(pub(super) Box<dyn DataSource>);

fn err(e: String) -> String {
    sanitize::line(&e)
}

impl Safe {
    /// See [`DataSource::ready`].
    pub fn ready(&mut self, need: Need<'_>) -> bool {
        self.0.ready(need)
    }
    pub fn lenses(&self) -> Vec<LensSummary> {
        self.0.lenses().clean()
    }
    pub(super) fn scores(&mut self, req: &ScoreRequest) -> Result<Vec<AreaRow>, String> {
        self.0.scores(req).map(Clean::clean).map_err(err)
    }
    pub(super) fn area_detail(
        &mut self,
        req: &ScoreRequest,
        area: &str,
    ) -> Result<AreaDetail, String> {
        self.0.area_detail(req, area).map(Clean::clean).map_err(err)
    }
    pub(super) fn entity(&mut self, id: &EntityRef) -> Result<EntityDetail, String> {
        self.0.entity(id).map(Clean::clean).map_err(err)
    }
    pub(super) fn flagged_page(
        &mut self,
        lens: &str,
        area: &str,
        after: &str,
    ) -> Result<Vec<EntityLine>, String> {
        self.0
            .flagged_page(lens, area, Some(after), PAGE)
            .map(Clean::clean)
            .map_err(err)
    }
    pub(super) fn first_flagged_page(
        &mut self,
        lens: &str,
        area: &str,
    ) -> Result<Vec<EntityLine>, String> {
        self.0
            .flagged_page(lens, area, None, PAGE)
            .map(Clean::clean)
            .map_err(err)
    }
    pub(super) fn search(&mut self, query: &str) -> Result<Vec<SearchHit>, String> {
        self.0
            .search(query, FINDER_LIMIT)
            .map(Clean::clean)
            .map_err(err)
    }
    /// For the event loop's [`Effect::Export`]: raw values (an export keeps the data as it
    /// is); only an error message is sanitised, since it is shown.
    pub fn export_scores(
        &mut self,
        req: &ScoreRequest,
        areas: &[String],
    ) -> Result<ExportTable, String> {
        self.0.export_scores(req, areas).map_err(err)
    }
    /// For the event loop's [`Effect::SaveLens`].
    pub fn save_lens(&mut self, lens: &TunedLens) -> Result<String, SaveError> {
        self.0
            .save_lens(lens)
            .map(|p| sanitize::line(&p))
            .map_err(|e| match e {
                SaveError::Failed(m) => SaveError::Failed(err(m)),
                other => other,
            })
    }
}
