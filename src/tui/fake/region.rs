//! The fictional region of [`super::FakeSource`]: its buurten, wijken and gemeenten, and the
//! comparison group each area belongs to.

use crate::tui::source::*;

pub(super) struct Area {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) level: Level,
    pub(super) gemeente_code: String,
    pub(super) gemeente: String,
    pub(super) inhabitants: u64,
    pub(super) stedelijk: u8,
}

/// The comparison group an area belongs to.
pub(super) fn group(a: &Area, compare: Compare) -> String {
    match compare {
        Compare::All => String::new(),
        Compare::Gemeente => a.gemeente_code.clone(),
        Compare::Stedelijkheid => a.stedelijk.to_string(),
    }
}

pub(super) const BUURTEN: &[(&str, &str, u64, u8)] = &[
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

/// The areas of the fictional region plus `extra` synthetic buurten in gemeente `GM9903`.
pub(super) fn areas(extra: usize) -> Vec<Area> {
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
    areas
}
