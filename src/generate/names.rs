//! Word lists and composers for fictional names: gemeenten, villages, buurten, streets and
//! trade names. Compounds are chosen to sound Dutch without naming real places; a test checks
//! the gemeente names against the real CBS list.

use super::rng::Rng;

/// First halves of place names.
const PLACE_HEAD: &[&str] = &[
    "Haver",
    "Linden",
    "Klaver",
    "Riet",
    "Distel",
    "Kievits",
    "Wikke",
    "Lepel",
    "Mossel",
    "Kroos",
    "Vlas",
    "Hennip",
    "Brem",
    "Hazel",
    "Ooievaars",
    "Reigers",
    "Ganzen",
    "Heide",
    "Kraanvogel",
    "Zilver",
    "Wolfs",
    "Valken",
    "Beren",
    "Eekhoorn",
    "Krekel",
    "Mos",
    "Blauw",
    "Varen",
    "Biezen",
    "Lisdodde",
    "Ratel",
    "Otter",
    "Bever",
    "Kwartel",
    "Pluimen",
    "Jeneverbes",
    "Gagel",
    "Wederik",
    "Zegge",
    "Hulst",
];

/// Second halves of place names.
const PLACE_TAIL: &[&str] = &[
    "woude", "meer", "zijl", "veen", "horst", "broek", "loo", "hoven", "drecht", "wolde", "kerk",
    "burg", "rode", "werd", "sloot", "hem", "wijk", "dijk", "donk", "bergen",
];

/// The gemeente name for index `i` of a layout: distinct for every i < 800.
pub fn gemeente(i: usize, rng: &mut Rng) -> String {
    let head = PLACE_HEAD[i % PLACE_HEAD.len()];
    let tail = PLACE_TAIL[(i / PLACE_HEAD.len() + i * 7) % PLACE_TAIL.len()];
    let suffix = if rng.chance(0.2) { " aan de Vliet" } else { "" };
    format!("{head}{tail}{suffix}")
}

const TREES: &[&str] = &[
    "Eiken",
    "Beuken",
    "Linden",
    "Iepen",
    "Wilgen",
    "Berken",
    "Kastanje",
    "Populieren",
    "Vlier",
    "Esdoorn",
    "Elzen",
    "Platanen",
    "Lariks",
    "Taxus",
    "Meidoorn",
    "Acacia",
];
const BIRDS: &[&str] = &[
    "Merel",
    "Lijster",
    "Spreeuwen",
    "Kievit",
    "Reiger",
    "Zwaluw",
    "Vinken",
    "Meeuwen",
    "Mussen",
    "Koolmees",
    "Roodborst",
    "Specht",
    "Wielewaal",
    "Tureluur",
    "Grutto",
    "Scholekster",
];
const FLOWERS: &[&str] = &[
    "Tulpen",
    "Narcissen",
    "Krokus",
    "Hyacinten",
    "Seringen",
    "Anjer",
    "Lelie",
    "Dahlia",
    "Zonnebloem",
    "Margriet",
    "Klaproos",
    "Korenbloem",
];
const TRADES: &[&str] = &[
    "Smids",
    "Kuipers",
    "Bakkers",
    "Molenaars",
    "Wevers",
    "Touwslagers",
    "Brouwers",
    "Pottenbakkers",
    "Zadelmakers",
    "Kaarsenmakers",
    "Schippers",
    "Vissers",
];
const HOOD_TAIL: &[&str] = &[
    "hof", "buurt", "park", "veld", "wijk", "kamp", "rijk", "gaarde", "akker", "erf", "weide",
];
const CENTRE: &[&str] = &[
    "Oude Markt",
    "Havenkwartier",
    "Kerkbuurt",
    "Stationsbuurt",
    "Vismarkt",
    "Korenmarkt",
    "Grachtengordel",
    "Waagplein",
    "Bolwerk",
    "Vestingbuurt",
    "Poortkwartier",
    "Begijnhof",
];
const COMPASS: &[&str] = &["Noord", "Zuid", "Oost", "West", "Midden"];

/// A buurt name for a kind of area; `place` is the gemeente or village name it belongs to.
pub fn buurt(kind: super::layout::Kind, place: &str, rng: &mut Rng) -> String {
    use super::layout::Kind;
    match kind {
        Kind::Binnenstad => rng.pick(CENTRE).to_string(),
        Kind::Woonwijk | Kind::Sociaal | Kind::Villawijk => {
            let head = match rng.below(4) {
                0 => *rng.pick(TREES),
                1 => *rng.pick(BIRDS),
                2 => *rng.pick(FLOWERS),
                _ => *rng.pick(TRADES),
            };
            format!("{head}{}", rng.pick(HOOD_TAIL))
        }
        Kind::Dorp => format!("{place}-{}", rng.pick(&["Centrum", "Dorp", "Kern"])),
        Kind::Bedrijventerrein => match rng.below(3) {
            0 => format!(
                "Bedrijventerrein {}",
                rng.pick(&["De Kooi", "De Vaart", "Het Spijk", "De Zwaaikom", "De Mars"])
            ),
            1 => format!("Industrieterrein {}", rng.pick(COMPASS)),
            _ => format!("{}poort", rng.pick(TREES)),
        },
        Kind::Buitengebied => match rng.below(3) {
            0 => format!("Buitengebied {place} {}", rng.pick(COMPASS)),
            1 => format!("Polder {}", place_word(rng)),
            _ => format!("{} en omgeving", place_word(rng)),
        },
        Kind::Vakantiepark => format!(
            "{} {}",
            rng.pick(&["Vakantiepark", "Recreatiepark", "Bungalowpark"]),
            rng.pick(&[
                "De Heidebloem",
                "Het Reigersbos",
                "De Zandloper",
                "Het Vennenland",
                "De Bosrand",
                "Duinzicht"
            ])
        ),
    }
}

/// A single fictional place word, e.g. for a polder or hamlet.
pub fn place_word(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(PLACE_HEAD), rng.pick(PLACE_TAIL))
}

const STREET_TAIL: &[&str] = &[
    "straat", "laan", "weg", "hof", "plein", "kade", "singel", "dreef", "pad", "steeg",
];
const WORK_STREETS: &[&str] = &[
    "Industrieweg",
    "Ambachtsweg",
    "Transportweg",
    "Edisonstraat",
    "Nijverheidsweg",
    "Handelsweg",
    "Energieweg",
    "Techniekstraat",
    "Logistiekweg",
    "Havenweg",
    "Expeditieweg",
    "Magazijnweg",
    "Vrachtweg",
    "Smederijstraat",
    "Bouwstraat",
];
const RURAL_STREETS: &[&str] = &[
    "Polderweg",
    "Dijkweg",
    "Zandweg",
    "Kanaalweg",
    "Veenweg",
    "Broekweg",
    "Molenweg",
    "Hoeveweg",
    "Akkerweg",
    "Weteringweg",
    "Slagenweg",
    "Boerderijweg",
];

/// A street name fitting a kind of area. `n` is the street's index within the buurt, used to
/// keep names within one buurt distinct.
pub fn street(kind: super::layout::Kind, n: usize, rng: &mut Rng) -> String {
    use super::layout::Kind;
    let base = match kind {
        Kind::Bedrijventerrein => WORK_STREETS[(n + rng.below(3)) % WORK_STREETS.len()].to_string(),
        Kind::Buitengebied => RURAL_STREETS[(n + rng.below(3)) % RURAL_STREETS.len()].to_string(),
        Kind::Vakantiepark => format!("{}pad", rng.pick(FLOWERS)),
        Kind::Binnenstad => format!(
            "{}{}",
            rng.pick(&[
                "Kerk", "Markt", "Haven", "Vis", "Koren", "Brouwers", "Gast", "Poort", "Wal",
                "Burcht"
            ]),
            rng.pick(&[
                "straat", "steeg", "plein", "kade", "gracht", "markt", "dijk"
            ])
        ),
        _ => {
            let head = match rng.below(4) {
                0 => *rng.pick(TREES),
                1 => *rng.pick(BIRDS),
                2 => *rng.pick(FLOWERS),
                _ => *rng.pick(TRADES),
            };
            format!("{head}{}", rng.pick(STREET_TAIL))
        }
    };
    if n >= 8 {
        format!("{base} {}", ["Noord", "Zuid", "Oost", "West"][n % 4])
    } else {
        base
    }
}

const FIRM_WORDS: &[&str] = &[
    "Zon",
    "Maan",
    "Ster",
    "Linde",
    "Eik",
    "Parel",
    "Kroon",
    "Anker",
    "Hoek",
    "Vonk",
    "Golf",
    "Vuurtoren",
    "Molen",
    "Tulp",
    "Roos",
    "Smaragd",
    "Noorderlicht",
    "Zuiderzon",
    "Kompas",
    "Horizon",
    "Delta",
    "Polder",
    "Duin",
    "Haven",
    "Brug",
    "Toren",
    "Zwaan",
    "Valk",
    "Lente",
    "Zomer",
    "Oase",
    "Mozaïek",
    "Fontein",
    "Lantaarn",
    "Regenboog",
    "Pijl",
];

/// A fictional trade name: a branch word followed by a neutral noun (never a person's name).
pub fn firm(prefix: &str, rng: &mut Rng) -> String {
    let w = rng.pick(FIRM_WORDS);
    match rng.below(4) {
        0 => format!("{prefix} De {w}"),
        1 => format!("{prefix} {w}"),
        2 => format!("{w} {prefix}"),
        _ => format!("{prefix} {w} & Co"),
    }
}

/// A fictional company name for a legal person (holding, vastgoed, stichting).
pub fn company(kind: &str, rng: &mut Rng) -> String {
    format!(
        "{} {} {kind}",
        rng.pick(FIRM_WORDS),
        rng.pick(&[
            "Beheer",
            "Vastgoed",
            "Holding",
            "Invest",
            "Groep",
            "Participaties",
            "Capital",
            "Onroerend Goed"
        ])
    )
}
