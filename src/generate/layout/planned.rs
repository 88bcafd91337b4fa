//! The hand-made demo gemeenten Haverwoude (a town with every kind of area, where the patterns
//! are planted) and Lindenmeer (a rural gemeente with villages, a holiday park and farms).

use super::{Buurt, Gemeente, Kind, Layout, Wijk, part_code, postcode_area, sized};
use crate::generate::rng::Rng;

/// One wijk in a hand-made plan: name and buurten (name, kind, tiny).
type WijkPlan = (&'static str, &'static [(&'static str, Kind)]);

pub const HAVERWOUDE: &[WijkPlan] = &[
    (
        "Centrum",
        &[
            ("Oude Markt", Kind::Binnenstad),
            ("Havenkwartier", Kind::Binnenstad),
            ("Kerkbuurt", Kind::Binnenstad),
            ("Stationsbuurt", Kind::Binnenstad),
        ],
    ),
    (
        "Noord",
        &[
            ("Eikenhof", Kind::Woonwijk),
            ("Beukenrijk", Kind::Woonwijk),
            ("Merelveld", Kind::Sociaal),
            ("Spreeuwenpark", Kind::Sociaal),
            ("Lindenkamp", Kind::Woonwijk),
            ("Vlierhof", Kind::Sociaal),
        ],
    ),
    (
        "Zuid",
        &[
            ("Kievitsbuurt", Kind::Sociaal),
            ("Reigerhof", Kind::Sociaal),
            ("Zwaluwakker", Kind::Woonwijk),
            ("Vinkenveld", Kind::Sociaal),
            ("Meeuwenrijk", Kind::Woonwijk),
            ("Lijsterbuurt", Kind::Woonwijk),
        ],
    ),
    (
        "Oost",
        &[
            ("Kastanjegaarde", Kind::Villawijk),
            ("Platanenweide", Kind::Villawijk),
            ("Berkenveld", Kind::Woonwijk),
            ("Wilgenpark", Kind::Woonwijk),
        ],
    ),
    (
        "De Kooi",
        &[
            ("Bedrijventerrein De Kooi", Kind::Bedrijventerrein),
            ("Kooipoort", Kind::Bedrijventerrein),
            ("Industrieterrein Zuidhaven", Kind::Bedrijventerrein),
        ],
    ),
    (
        "Buitengebied",
        &[
            ("Buitengebied Haverwoude Noord", Kind::Buitengebied),
            ("Het Gagelbroek", Kind::Buitengebied),
            ("Recreatiepark De Heidebloem", Kind::Vakantiepark),
            ("Buitengebied Haverwoude Zuid", Kind::Buitengebied),
        ],
    ),
];

pub const LINDENMEER: &[WijkPlan] = &[
    (
        "Lindenmeer",
        &[
            ("Lindenmeer-Centrum", Kind::Dorp),
            ("Lindenmeer-West", Kind::Woonwijk),
            ("Lindenmeer-Oost", Kind::Sociaal),
            ("Lindenmeer-Zuid", Kind::Woonwijk),
        ],
    ),
    (
        "Klaverzijl",
        &[
            ("Klaverzijl-Dorp", Kind::Dorp),
            ("Klaverzijl-Noord", Kind::Woonwijk),
        ],
    ),
    (
        "Molenkamp",
        &[("Bedrijventerrein Molenkamp", Kind::Bedrijventerrein)],
    ),
    (
        "Buitengebied",
        &[
            ("Buitengebied Lindenmeer Noord", Kind::Buitengebied),
            ("Polder Distelwolde", Kind::Buitengebied),
            ("Buitengebied Lindenmeer Zuid", Kind::Buitengebied),
        ],
    ),
    (
        "Recreatie",
        &[("Vakantiepark Het Reigersbos", Kind::Vakantiepark)],
    ),
    (
        "Rietvinkhem",
        &[
            ("Rietvinkhem-Dorp", Kind::Dorp),
            ("Rietvinkhem-Akker", Kind::Woonwijk),
        ],
    ),
];

/// The name of the tiny buurt of the demo (population below 50).
pub const TINY_BUURT: &str = "Het Gagelbroek";

/// Adds a hand-made gemeente to the layout.
pub fn add(layout: &mut Layout, digits: u32, name: &str, plan: &[WijkPlan], rng: &mut Rng) {
    let g = layout.gemeenten.len();
    layout.gemeenten.push(Gemeente {
        code: format!("GM{digits}"),
        digits: digits.to_string(),
        name: name.to_owned(),
    });
    for (wi, (wname, buurten)) in plan.iter().enumerate() {
        let wcode = part_code(wi);
        let city = if wi >= 5
            && *wname != "Buitengebied"
            && *wname != "Recreatie"
            && *wname != "Molenkamp"
        {
            (*wname).to_owned()
        } else if name == "Lindenmeer" && *wname == "Klaverzijl" {
            "Klaverzijl".to_owned()
        } else {
            name.to_owned()
        };
        let wijk_index = layout.wijken.len();
        layout.wijken.push(Wijk {
            code: format!("WK{digits}{wcode}"),
            name: format!("Wijk {wcode} {wname}"),
            gemeente: g,
            pc4: postcode_area(layout),
            city,
        });
        for (bi, (bname, kind)) in buurten.iter().enumerate() {
            let mut b = sized(*kind, layout.size_factor, rng);
            if *bname == TINY_BUURT {
                b.0 = 14;
                b.1 = 3;
            }
            layout.buurten.push(Buurt {
                code: format!("BU{digits}{wcode}{}", part_code(bi + 1)),
                name: (*bname).to_owned(),
                wijk: wijk_index,
                gemeente: g,
                kind: *kind,
                dwellings: b.0,
                others: b.1,
                land_ha: b.2,
                water_ha: b.3,
            });
        }
    }
}
