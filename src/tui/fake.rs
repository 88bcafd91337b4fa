//! An in-memory [`DataSource`] with a fictional region (gemeenten `GM9901` Schouwendam and
//! `GM9902` Veenhoeve, buurten `BU9901....`/`BU9902....`), three lenses and a small graph of
//! addresses, businesses, parties and signals. Used by the TUI's tests and benchmarks; nothing
//! in it is real. [`FakeSource::scaled`] adds synthetic buurten for large-table benchmarks.

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::source::*;

mod graph;
use graph::graph;

struct Area {
    code: String,
    name: String,
    level: Level,
    gemeente_code: String,
    gemeente: String,
    inhabitants: u64,
    stedelijk: u8,
}

type Stats = HashMap<(String, String), (f64, f64, f64)>;

/// The comparison group an area belongs to.
fn group(a: &Area, compare: Compare) -> String {
    match compare {
        Compare::All => String::new(),
        Compare::Gemeente => a.gemeente_code.clone(),
        Compare::Stedelijkheid => a.stedelijk.to_string(),
    }
}

struct Entity {
    detail: EntityDetail,
    area: String,
    flagged: bool,
}

/// The fake source. Deterministic: the same calls give the same answers.
pub struct FakeSource {
    areas: Vec<Area>,
    lenses: Vec<LensSummary>,
    entities: Vec<Entity>,
    matcher: SkimMatcherV2,
    /// Lens ids that exist as files (for the overwrite question).
    pub saved: Vec<TunedLens>,
}

const BUURTEN: &[(&str, &str, u64, u8)] = &[
    ("BU99010101", "Molenkwartier", 1840, 1),
    ("BU99010102", "Oude Haven", 960, 1),
    ("BU99010103", "Stationsbuurt", 2210, 1),
    ("BU99010201", "Kerkakker", 1530, 2),
    ("BU99010202", "Lindenhof", 40, 2),
    ("BU99010203", "Café-kwartier", 1275, 2),
    ("BU99010301", "Bedrijventerrein De Vaart", 120, 3),
    ("BU99010302", "Vaartsche Rijn", 2890, 2),
    ("BU99020101", "Veenhoeve-Centrum", 1410, 3),
    ("BU99020102", "Turfstek", 650, 4),
    ("BU99020201", "Hoogeveld", 880, 4),
    ("BU99020202", "Buitengebied Veenhoeve", 310, 5),
];

const WIJKEN: &[(&str, &str)] = &[
    ("WK990101", "Centrum"),
    ("WK990102", "Kerkwijk"),
    ("WK990103", "De Vaart"),
    ("WK990201", "Veenhoeve"),
    ("WK990202", "Hoogeveld"),
];

fn gemeente_name(code: &str) -> &'static str {
    if code == "GM9901" {
        "Schouwendam"
    } else {
        "Veenhoeve"
    }
}

fn ind(id: &str, label: &str, weight: f64, dir: Direction) -> IndicatorDef {
    IndicatorDef {
        id: id.into(),
        label: label.into(),
        weight,
        direction: dir,
        normalization: "minmax".into(),
        distribution: None,
    }
}

fn line(kind: EntityKind, id: &str, label: &str, detail: &str) -> EntityLine {
    EntityLine {
        target: EntityRef {
            kind,
            id: id.into(),
        },
        key: id.into(),
        label: label.into(),
        detail: detail.into(),
    }
}

fn signal(date: &str, kind: &str, source: &str, about: Option<(EntityKind, &str)>) -> SignalLine {
    SignalLine {
        date: date.into(),
        kind: kind.into(),
        source: source.into(),
        target: about.map(|(kind, id)| EntityRef {
            kind,
            id: id.into(),
        }),
    }
}

/// A deterministic pseudo-random number in 0..1 from two strings.
fn noise(a: &str, b: &str) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a.bytes().chain([0]).chain(b.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h >> 11) as f64 / (1u64 << 53) as f64
}

impl Default for FakeSource {
    fn default() -> Self {
        Self::new()
    }
}

impl FakeSource {
    pub fn new() -> Self {
        Self::scaled(0)
    }

    /// The fictional region plus `extra` synthetic buurten in gemeente `GM9903`.
    pub fn scaled(extra: usize) -> Self {
        let mut areas = Vec::new();
        for &(code, name, inw, sted) in BUURTEN {
            let gm = format!("GM{}", &code[2..6]);
            areas.push(Area {
                code: code.into(),
                name: name.into(),
                level: Level::Buurt,
                gemeente: gemeente_name(&gm).into(),
                gemeente_code: gm,
                inhabitants: inw,
                stedelijk: sted,
            });
        }
        for n in 0..extra {
            areas.push(Area {
                code: format!("BU9903{n:04}"),
                name: format!("Proefbuurt {n}"),
                level: Level::Buurt,
                gemeente_code: "GM9903".into(),
                gemeente: "Proefstad".into(),
                inhabitants: 100 + (n as u64 * 37) % 3000,
                stedelijk: (n % 5) as u8 + 1,
            });
        }
        for &(code, name) in WIJKEN {
            let gm = format!("GM{}", &code[2..6]);
            let inw = BUURTEN
                .iter()
                .filter(|b| b.0[2..8] == code[2..8])
                .map(|b| b.2)
                .sum();
            areas.push(Area {
                code: code.into(),
                name: name.into(),
                level: Level::Wijk,
                gemeente: gemeente_name(&gm).into(),
                gemeente_code: gm,
                inhabitants: inw,
                stedelijk: 2,
            });
        }
        for gm in ["GM9901", "GM9902"] {
            let inw = BUURTEN
                .iter()
                .filter(|b| b.0[2..6] == gm[2..])
                .map(|b| b.2)
                .sum();
            areas.push(Area {
                code: gm.into(),
                name: gemeente_name(gm).into(),
                level: Level::Gemeente,
                gemeente_code: gm.into(),
                gemeente: gemeente_name(gm).into(),
                inhabitants: inw,
                stedelijk: 2,
            });
        }
        let up = Direction::HigherIsRiskier;
        let lenses = vec![
            LensSummary {
                id: "hennep".into(),
                name: "Hennepteelt in woonwijken".into(),
                level: Level::Buurt,
                compare: Compare::Stedelijkheid,
                version: "1".into(),
                top_tier: Some(0),
                description: "Ontmantelde kwekerijen, energiefraude en verhuurpatronen per \
                              buurt, vergeleken met buurten van dezelfde stedelijkheid."
                    .into(),
                indicators: vec![
                    ind(
                        "ontmanteld",
                        "Ontmantelde kwekerijen per 1.000 woningen",
                        3.0,
                        up,
                    ),
                    ind(
                        "energie",
                        "Meldingen energiefraude per 1.000 woningen",
                        2.0,
                        up,
                    ),
                    ind("huur", "Aandeel particuliere huur", 1.0, up),
                    ind(
                        "woz",
                        "Gemiddelde WOZ-waarde",
                        1.0,
                        Direction::LowerIsRiskier,
                    ),
                ],
            },
            LensSummary {
                id: "witwassen".into(),
                name: "Witwassen via vastgoed en horeca".into(),
                level: Level::Buurt,
                compare: Compare::All,
                version: "1".into(),
                top_tier: Some(0),
                description: "Contante aankopen, snelle doorverkoop en risicobranches.".into(),
                indicators: vec![
                    ind(
                        "doorverkoop",
                        "Doorverkoop binnen 1 jaar per 100 transacties",
                        2.0,
                        up,
                    ),
                    ind("branche", "Risicobranches per 1.000 inwoners", 2.0, up),
                    ind("inschrijvingen", "Adressen met 5+ bedrijven", 1.0, up),
                ],
            },
            LensSummary {
                id: "dekmantel".into(),
                name: "Dekmantelbedrijven".into(),
                level: Level::Wijk,
                compare: Compare::All,
                version: "1".into(),
                top_tier: Some(0),
                description: "Bedrijven met korte levensduur en veel wisselingen.".into(),
                indicators: vec![
                    ind("kort", "Opgeheven binnen 2 jaar per 100 bedrijven", 2.0, up),
                    ind(
                        "wissel",
                        "Bestuurderswisselingen per 100 bedrijven",
                        1.0,
                        up,
                    ),
                ],
            },
        ];
        let mut me = FakeSource {
            areas,
            lenses,
            entities: graph(),
            matcher: SkimMatcherV2::default(),
            saved: Vec::new(),
        };
        let tops: Vec<usize> = me
            .lenses
            .iter()
            .map(|l| {
                let req = ScoreRequest {
                    lens: l.id.clone(),
                    level: l.level,
                    compare: l.compare,
                    gemeente: None,
                    weights: Vec::new(),
                };
                me.rank(&req)
                    .map(|rows| rows.iter().filter(|r| r.tier == Tier::High).count())
                    .unwrap_or(0)
            })
            .collect();
        for (l, t) in me.lenses.iter_mut().zip(tops) {
            l.top_tier = Some(t);
        }
        let dists: Vec<Vec<Option<[f64; 5]>>> = me
            .lenses
            .iter()
            .map(|l| {
                l.indicators
                    .iter()
                    .map(|d| {
                        let mut v: Vec<f64> = me
                            .areas
                            .iter()
                            .filter(|a| a.level == l.level)
                            .filter_map(|a| me.value(a, &d.id))
                            .collect();
                        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
                        let q = |f: f64| v[((v.len() - 1) as f64 * f).round() as usize];
                        (!v.is_empty()).then(|| [q(0.0), q(0.25), q(0.5), q(0.75), q(1.0)])
                    })
                    .collect()
            })
            .collect();
        for (l, ds) in me.lenses.iter_mut().zip(dists) {
            for (d, dist) in l.indicators.iter_mut().zip(ds) {
                d.distribution = dist;
            }
        }
        me
    }

    fn value(&self, area: &Area, indicator: &str) -> Option<f64> {
        let n = noise(&area.code, indicator);
        if n < 0.06 {
            return None;
        }
        Some((n * 1000.0).round() / 10.0)
    }

    fn rank(&self, req: &ScoreRequest) -> Result<Vec<AreaRow>, String> {
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
    fn stats(&self, lens: &LensSummary, set: &[&Area], compare: Compare) -> Stats {
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

    fn lines(
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

    fn flagged_in(&self, area: &str) -> Vec<EntityLine> {
        let mut out: Vec<EntityLine> = self
            .entities
            .iter()
            .filter(|e| e.flagged && e.area == area)
            .map(|e| {
                line(
                    e.detail.target.kind,
                    &e.detail.target.id,
                    &e.detail.title,
                    &e.detail
                        .flags
                        .iter()
                        .map(|f| f.label.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })
            .collect();
        // Synthetic flagged addresses so paging has something to page.
        let extra = if area == "BU99010101" {
            45
        } else {
            (noise(area, "flagged") * 12.0) as usize
        };
        for n in 0..extra {
            let id = format!("X-{area}-{n:03}");
            out.push(line(
                EntityKind::Address,
                &id,
                &format!("Dijkstraat {}", n + 1),
                "3 of meer bedrijven op één adres",
            ));
        }
        out.sort_by(|a, b| a.key.cmp(&b.key));
        out
    }
}

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
            .take(super::app::PAGE)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_and_pages() {
        let mut f = FakeSource::new();
        let req = ScoreRequest {
            lens: "hennep".into(),
            level: Level::Buurt,
            compare: Compare::Stedelijkheid,
            gemeente: None,
            weights: vec![],
        };
        let rows = f.scores(&req).unwrap();
        assert_eq!(rows.len(), BUURTEN.len());
        assert_eq!(rows[0].rank, Some(1));
        let lindenhof = rows.iter().find(|r| r.code == "BU99010202").unwrap();
        assert_eq!(lindenhof.tier, Tier::NotScored);
        let all = f.flagged_in("BU99010101");
        let p1 = f.flagged_page("hennep", "BU99010101", None, 5).unwrap();
        let p2 = f
            .flagged_page("hennep", "BU99010101", Some(&p1[4].key), 5)
            .unwrap();
        assert_eq!(p2[0].key, all[5].key);
        let hits = f.search("molen", 5).unwrap();
        assert!(!hits.is_empty());
    }
}
