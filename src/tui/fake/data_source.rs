//! The [`DataSource`] implementation of [`FakeSource`]: lenses, scores, export, area and entity
//! details, flagged pages, search and saving lenses.

use fuzzy_matcher::FuzzyMatcher;

use super::region::Area;
use super::{FakeSource, line};
use crate::tui::source::*;

impl DataSource for FakeSource {
    fn lenses(&self) -> Vec<LensSummary> {
        self.lenses.clone()
    }

    fn scores(&mut self, req: &ScoreRequest) -> Result<Vec<AreaRow>, String> {
        self.rank(req)
    }

    fn export_scores(
        &mut self,
        req: &ScoreRequest,
        areas: &[String],
    ) -> Result<ExportTable, String> {
        use crate::export::Cell;
        let lens = self.lenses.iter().find(|l| l.id == req.lens).cloned();
        let lens = lens.ok_or_else(|| format!("onbekende lens {}", req.lens))?;
        let rows = self.rank(req)?;
        let columns = ["rank", "area", "name", "gemeente", "population", "score"];
        Ok(ExportTable {
            lens_id: lens.id,
            lens_version: lens.version,
            columns: columns.map(String::from).to_vec(),
            rows: areas
                .iter()
                .filter_map(|code| rows.iter().find(|r| &r.code == code))
                .map(|r| {
                    let num = |v: Option<f64>| v.map_or(Cell::Text(String::new()), Cell::Number);
                    vec![
                        r.rank
                            .map_or(Cell::Text(String::new()), |n| Cell::Integer(n as i64)),
                        Cell::Text(r.code.clone()),
                        Cell::Text(r.name.clone()),
                        Cell::Text(r.gemeente_code.clone()),
                        num(r.inhabitants.map(|n| n as f64)),
                        num(r.score),
                    ]
                })
                .collect(),
        })
    }

    fn area_detail(&mut self, req: &ScoreRequest, area: &str) -> Result<AreaDetail, String> {
        let mut any_level = req.clone();
        any_level.level = self
            .areas
            .iter()
            .find(|a| a.code == area)
            .ok_or_else(|| format!("onbekend gebied: {area}"))?
            .level;
        let rows = self.rank(&any_level)?;
        let row = rows
            .iter()
            .find(|r| r.code == area)
            .cloned()
            .ok_or_else(|| format!("gebied {area} valt buiten de selectie"))?;
        let lens = self.lenses.iter().find(|l| l.id == req.lens).unwrap();
        let set: Vec<&Area> = self
            .areas
            .iter()
            .filter(|a| a.level == any_level.level)
            .filter(|a| req.gemeente.as_ref().is_none_or(|g| &a.gemeente_code == g))
            .collect();
        let a = self.areas.iter().find(|a| a.code == area).unwrap();
        let stats = self.stats(lens, &set, req.compare);
        let indicators = self.lines(lens, &stats, a, &any_level);
        let flagged = self
            .flagged_in(area)
            .into_iter()
            .take(crate::tui::app::PAGE)
            .collect();
        let signals = self
            .entities
            .iter()
            .filter(|e| e.area == area)
            .flat_map(|e| e.detail.signals.clone())
            .collect();
        Ok(AreaDetail {
            of: rows.iter().filter(|r| r.rank.is_some()).count(),
            row,
            indicators,
            flagged,
            signals,
        })
    }

    fn entity(&mut self, id: &EntityRef) -> Result<EntityDetail, String> {
        if let Some(e) = self.entities.iter().find(|e| e.detail.target == *id) {
            return Ok(e.detail.clone());
        }
        if let Some(rest) = id.id.strip_prefix("X-") {
            let (area, n) = rest.split_once('-').unwrap_or((rest, "0"));
            let n: usize = n.parse().unwrap_or(0);
            return Ok(EntityDetail {
                target: id.clone(),
                title: format!("Dijkstraat {}", n + 1),
                facts: vec![
                    (Fact::Postcode, "9901 ZZ".into()),
                    (Fact::Area, area.into()),
                    (Fact::Residents, "0".into()),
                ],
                flags: vec![FlagLine {
                    label: "3 of meer bedrijven op één adres".into(),
                    evidence: "3 vestigingen ingeschreven".into(),
                }],
                linked: vec![(
                    Link::Businesses,
                    vec![line(
                        EntityKind::Business,
                        "B1",
                        "Groeihal Noord B.V.",
                        "sinds 2023",
                    )],
                )],
                signals: Vec::new(),
            });
        }
        Err(format!("onbekende entiteit: {}", id.id))
    }

    fn flagged_page(
        &mut self,
        _lens: &str,
        area: &str,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EntityLine>, String> {
        Ok(self
            .flagged_in(area)
            .into_iter()
            .filter(|l| after.is_none_or(|a| l.key.as_str() > a))
            .take(limit)
            .collect())
    }

    fn search(&mut self, query: &str, limit: usize) -> Result<Vec<SearchHit>, String> {
        let mut cands: Vec<(HitKind, String, String, Target)> = Vec::new();
        for a in &self.areas {
            cands.push((
                HitKind::Area,
                format!("{} {}", a.name, a.code),
                a.gemeente.clone(),
                Target::Area(a.code.clone()),
            ));
        }
        for e in &self.entities {
            let t = &e.detail.target;
            let kind = match t.kind {
                EntityKind::Address => HitKind::Address,
                EntityKind::Business => HitKind::Business,
                _ => continue,
            };
            cands.push((
                kind,
                e.detail.title.clone(),
                e.area.clone(),
                Target::Entity(t.clone()),
            ));
            for (f, v) in &e.detail.facts {
                let k = match f {
                    Fact::Postcode => HitKind::Postcode,
                    Fact::Kvk => HitKind::Kvk,
                    _ => continue,
                };
                cands.push((
                    k,
                    v.clone(),
                    e.detail.title.clone(),
                    Target::Entity(t.clone()),
                ));
            }
        }
        let mut hits: Vec<(i64, SearchHit)> = cands
            .into_iter()
            .filter_map(|(kind, text, context, target)| {
                let (score, positions) = self.matcher.fuzzy_indices(&text, query)?;
                Some((
                    score,
                    SearchHit {
                        kind,
                        text,
                        positions,
                        context,
                        target,
                    },
                ))
            })
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.text.cmp(&b.1.text)));
        Ok(hits.into_iter().take(limit).map(|h| h.1).collect())
    }

    fn save_lens(&mut self, lens: &TunedLens) -> Result<String, SaveError> {
        let exists = self.lenses.iter().any(|l| l.id == lens.id)
            || self.saved.iter().any(|s| s.id == lens.id);
        if exists && !lens.overwrite {
            return Err(SaveError::Exists);
        }
        self.saved.push(lens.clone());
        Ok(format!("lenzen/{}.toml", lens.id))
    }
}
