//! The score table the interface's `:export` writes: the same table as `schouw export`
//! (`commands::export`), for the lens, level, comparison set and tuned weights of the screen,
//! with the areas shown in the order shown. Raw values: the export writer neutralises them.

use super::StoreSource;
use crate::model::AreaCode;
use crate::tui::{ExportTable, ScoreRequest};

impl StoreSource {
    pub(super) fn export_table(
        &mut self,
        req: &ScoreRequest,
        areas: &[String],
    ) -> Result<ExportTable, String> {
        let weights = self.weights(&req.lens, req)?;
        let (lens_id, lens_version) = {
            let lens = self.lens(&req.lens)?;
            (lens.id.clone(), lens.version.clone())
        };
        let reference = self.reference();
        let c = self.computed(&req.lens, req.level, req.compare)?;
        let scores = c.prepared.score(&weights).map_err(|e| e.to_string())?;
        let order: Vec<usize> = areas
            .iter()
            .filter_map(|code| {
                let code = AreaCode::parse(code).ok()?;
                c.prepared.area_index(&code)
            })
            .collect();
        Ok(ExportTable {
            lens_id,
            lens_version,
            columns: crate::commands::export::score_columns(&c.prepared),
            rows: crate::commands::export::score_rows(&c.prepared, &scores, &order, reference),
        })
    }
}
