//! An in-memory [`DataSource`] with a fictional region (gemeenten `GM9901` Schouwendam and
//! `GM9902` Veenhoeve, buurten `BU9901....`/`BU9902....`), three lenses and a small graph of
//! addresses, businesses, parties and signals. Used by the TUI's tests and benchmarks; nothing
//! in it is real. [`FakeSource::scaled`] adds synthetic buurten for large-table benchmarks.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::source::*;

mod data_source;
mod graph;
mod lenses;
mod region;
mod scoring;
#[cfg(test)]
mod tests;

use graph::graph;
use region::Area;

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
        let areas = region::areas(extra);
        let lenses = lenses::lenses();
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
