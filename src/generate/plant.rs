//! The planted patterns: one per named buurt of the first gemeente (Haverwoude), the same at
//! every scale. Each pattern adds entities or signals on top of the ordinary data of its buurt
//! and records itself in the manifest, so tests can check that the lenses find it.

use super::addresses::{BuurtAddresses, Here, Tenure};
use super::businesses::{self, Spec};
use super::dates::Day;
use super::layout::Layout;
use super::manifest::{EntityRef, Pattern};
use super::rng::Rng;
use super::sbi;
use super::signals;
use super::state::State;

mod property;

/// The planted patterns by buurt name (all in the first gemeente).
const PLANTS: &[(&str, Plant)] = &[
    ("Merelveld", Plant::ManyRegistrations),
    ("Kievitsbuurt", Plant::HennepCluster),
    ("Zwaluwakker", Plant::QuickResale),
    ("Havenkwartier", Plant::PropertyNetwork),
    ("Reigerhof", Plant::Overcrowding),
    ("Stationsbuurt", Plant::RiskBranches),
    ("Buitengebied Haverwoude Zuid", Plant::SyntheticRural),
    ("Kooipoort", Plant::SyntheticIndustrial),
    ("Beukenrijk", Plant::YoungBuyer),
];

/// A kind of planted pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plant {
    /// A dwelling with nine business registrations under distinct KvK numbers.
    ManyRegistrations,
    /// Dismantled hennep plantations and electricity theft in one woonwijk.
    HennepCluster,
    /// A house resold five times within 24 months at rising prices, two more three times.
    QuickResale,
    /// A legal person with roles in twelve businesses that owns eight addresses.
    PropertyNetwork,
    /// Fourteen residents registered on 60 m².
    Overcrowding,
    /// 40 recently registered risk-branch businesses in one shopping area.
    RiskBranches,
    /// Drugs labs and dumpings in the buitengebied.
    SyntheticRural,
    /// A drugs lab on the bedrijventerrein.
    SyntheticIndustrial,
    /// A legal person that bought three houses within six months of its registration.
    YoungBuyer,
}

/// The plant for buurt `bi`, if any.
pub fn for_buurt(layout: &Layout, bi: usize) -> Option<Plant> {
    let b = &layout.buurten[bi];
    if b.gemeente != 0 {
        return None;
    }
    PLANTS.iter().find(|(n, _)| *n == b.name).map(|(_, p)| *p)
}

fn single_dwellings(ba: &BuurtAddresses, tenure: Option<Tenure>) -> Vec<usize> {
    (0..ba.addrs.len())
        .filter(|i| {
            let a = &ba.addrs[*i];
            a.uses == "woonfunctie"
                && a.letter.is_none()
                && a.addition.is_none()
                && tenure.is_none_or(|t| a.tenure == t)
        })
        .collect()
}

fn others(ba: &BuurtAddresses, uses: &[&str]) -> Vec<usize> {
    (0..ba.addrs.len())
        .filter(|i| uses.contains(&ba.addrs[*i].uses))
        .collect()
}

/// Distinct random picks from a pool (fewer if the pool is small).
fn distinct(pool: &[usize], n: usize, rng: &mut Rng) -> Vec<usize> {
    let mut p = pool.to_vec();
    let mut out = Vec::new();
    while out.len() < n && !p.is_empty() {
        out.push(p.swap_remove(rng.below(p.len())));
    }
    out
}

fn day_between(rng: &mut Rng, a: Day, b: Day) -> Day {
    Day(rng.range(a.0, b.0))
}

/// Changes addresses before they are written (overcrowding).
pub fn adjust_addresses(plant: Option<Plant>, ba: &mut BuurtAddresses, rng: &mut Rng) {
    if plant != Some(Plant::Overcrowding) {
        return;
    }
    let pool = single_dwellings(ba, None);
    for (k, i) in distinct(&pool, 3, rng).into_iter().enumerate() {
        let a = &mut ba.addrs[i];
        a.tenure = Tenure::PrivateRent;
        (a.surface, a.residents) = match k {
            0 => (60, Some(14)),
            1 => (52, Some(10)),
            _ => (48, Some(9)),
        };
    }
}

/// What a planting function works on, and what it collects.
pub(super) struct Ctx<'a> {
    state: &'a mut State,
    layout: &'a Layout,
    bi: usize,
    ba: &'a BuurtAddresses,
    rng: &'a mut Rng,
    entities: Vec<EntityRef>,
    skip: Vec<usize>,
    area: String,
}

/// A planted pattern's id, lens and description.
type Found = (&'static str, &'static str, &'static str);

/// Adds the planted entities and signals of buurt `bi`; returns addresses whose ownership it
/// wrote itself.
pub fn apply(
    state: &mut State,
    here: Here<'_>,
    plant: Plant,
    rng: &mut Rng,
) -> anyhow::Result<Vec<usize>> {
    let Here { layout, bi, ba } = here;
    let mut c = Ctx {
        state,
        layout,
        bi,
        ba,
        rng,
        entities: Vec::new(),
        skip: Vec::new(),
        area: layout.buurten[bi].code.clone(),
    };
    let (id, lens, description) = match plant {
        Plant::ManyRegistrations => many_registrations(&mut c)?,
        Plant::HennepCluster => hennep_cluster(&mut c)?,
        Plant::QuickResale => property::quick_resale(&mut c)?,
        Plant::PropertyNetwork => property::property_network(&mut c)?,
        Plant::Overcrowding => overcrowding(&mut c)?,
        Plant::RiskBranches => risk_branches(&mut c)?,
        Plant::SyntheticRural => synthetic_rural(&mut c)?,
        Plant::SyntheticIndustrial => synthetic_industrial(&mut c)?,
        Plant::YoungBuyer => property::young_buyer(&mut c)?,
    };
    c.state.planted.push(Pattern {
        id: id.to_owned(),
        description: description.to_owned(),
        lens: lens.to_owned(),
        area: c.area,
        entities: c.entities,
    });
    Ok(c.skip)
}

pub(super) fn many_registrations(c: &mut Ctx<'_>) -> anyhow::Result<Found> {
    let Ctx {
        state,
        layout,
        bi,
        ba,
        rng,
        entities,
        ..
    } = c;
    let (layout, bi, ba) = (*layout, *bi, *ba);
    let addr = *rng.pick(&single_dwellings(ba, None));
    entities.push(EntityRef::address(&ba.addrs[addr].id));
    for word in [
        "Advies",
        "Holding",
        "Uitzendbureau",
        "Handelsonderneming",
        "Projectbureau",
        "Verhuur",
        "Schoonmaak",
        "Klussenbedrijf",
        "Koeriersdienst",
    ] {
        let spec = Spec {
            branch: sbi::by_word(word),
            addr,
            registered: Some(day_between(
                rng,
                Day::ymd(2022, 6, 1),
                Day::ymd(2024, 11, 30),
            )),
            ended: Some(None),
            independent: true,
            ..Spec::default()
        };
        let b = businesses::register(state, Here { layout, bi, ba }, &spec, rng)?;
        entities.push(EntityRef::business(&b.vestiging));
    }
    let d = signals::signal_day(rng);
    signals::emit(state, "adresfraude", "address", &ba.addrs[addr].id, d, rng)?;
    Ok((
        "veel-inschrijvingen",
        "woonfraude",
        "Woning in een woonwijk met negen bedrijfsinschrijvingen onder verschillende KvK-nummers, alle van de laatste twee jaar.",
    ))
}

pub(super) fn hennep_cluster(c: &mut Ctx<'_>) -> anyhow::Result<Found> {
    let Ctx {
        state,
        ba,
        rng,
        entities,
        ..
    } = c;
    let ba = *ba;
    let pool = single_dwellings(ba, None);
    let picked = distinct(&pool, 13, rng);
    for (k, i) in picked.iter().enumerate() {
        let id = ba.addrs[*i].id.clone();
        let d = day_between(rng, Day::ymd(2022, 1, 1), Day::ymd(2024, 11, 30));
        if k < 9 {
            signals::emit(state, "hennep_ontmanteld", "address", &id, d, rng)?;
            if k < 5 {
                signals::emit(
                    state,
                    "stroomdiefstal",
                    "address",
                    &id,
                    d.plus(-rng.range(5, 60)),
                    rng,
                )?;
            }
        } else {
            signals::emit(state, "hennep_vermoeden", "address", &id, d, rng)?;
        }
        entities.push(EntityRef::address(&id));
    }
    Ok((
        "hennep-cluster",
        "hennep",
        "Negen ontmantelde hennepkwekerijen, vijf illegale stroomaansluitingen en vier vermoedens in één woonwijk in drie jaar.",
    ))
}

pub(super) fn overcrowding(c: &mut Ctx<'_>) -> anyhow::Result<Found> {
    let Ctx {
        state,
        ba,
        rng,
        entities,
        ..
    } = c;
    let ba = *ba;
    for a in &ba.addrs {
        if a.residents.unwrap_or(0) >= 9 && a.surface <= 60 {
            entities.push(EntityRef::address(&a.id));
            let d = signals::signal_day(rng);
            signals::emit(state, "huisvesting_fraude", "address", &a.id, d, rng)?;
        }
    }
    Ok((
        "overbewoning",
        "mensenhandel",
        "Veertien ingeschrevenen op een woning van 60 m², en nog twee kleine woningen met negen en tien ingeschrevenen.",
    ))
}

pub(super) fn risk_branches(c: &mut Ctx<'_>) -> anyhow::Result<Found> {
    let Ctx {
        state,
        layout,
        bi,
        ba,
        rng,
        entities,
        ..
    } = c;
    let (layout, bi, ba) = (*layout, *bi, *ba);
    let shops = others(ba, &["winkelfunctie", "bijeenkomstfunctie"]);
    let plan: [(&str, usize); 7] = [
        ("Barbershop", 8),
        ("Nagelstudio", 8),
        ("Telecom", 6),
        ("Minimarkt", 6),
        ("Shisha Lounge", 5),
        ("Zonnestudio", 3),
        ("Toko", 4),
    ];
    let mut k = 0;
    for (word, n) in plan {
        for _ in 0..n {
            let reg = day_between(rng, Day::ymd(2023, 1, 15), Day::ymd(2024, 12, 15));
            let ended = if k % 6 == 5 {
                Some(Some(
                    reg.plus(rng.range(60, 200)).min(Day::ymd(2024, 12, 30)),
                ))
            } else {
                Some(None)
            };
            let spec = Spec {
                branch: sbi::by_word(word),
                addr: *rng.pick(&shops),
                registered: Some(reg),
                ended,
                independent: true,
                ..Spec::default()
            };
            let b = businesses::register(state, Here { layout, bi, ba }, &spec, rng)?;
            entities.push(EntityRef::business(&b.vestiging));
            k += 1;
        }
    }
    Ok((
        "risicobranches",
        "dekmantel",
        "40 barbershops, nagelstudio's, belwinkels, minimarkten, toko's, zonnestudio's en shishalounges ingeschreven in de laatste 24 maanden, enkele alweer gestopt.",
    ))
}

pub(super) fn synthetic_rural(c: &mut Ctx<'_>) -> anyhow::Result<Found> {
    let Ctx {
        state,
        ba,
        rng,
        entities,
        area,
        ..
    } = c;
    let ba = *ba;
    let barns = others(ba, &["industriefunctie", "overige gebruiksfunctie"]);
    for addr in distinct(&barns, 2, rng) {
        let d = day_between(rng, Day::ymd(2022, 1, 1), Day::ymd(2024, 11, 30));
        signals::emit(state, "drugslab", "address", &ba.addrs[addr].id, d, rng)?;
        entities.push(EntityRef::address(&ba.addrs[addr].id));
    }
    for k in 0..5 {
        let d = day_between(rng, Day::ymd(2021, 6, 1), Day::ymd(2024, 11, 30));
        if k < 3 {
            signals::emit(state, "drugsdumping", "area", area, d, rng)?;
        } else {
            let addr = *rng.pick(&barns);
            signals::emit(state, "drugsdumping", "address", &ba.addrs[addr].id, d, rng)?;
            entities.push(EntityRef::address(&ba.addrs[addr].id));
        }
    }
    Ok((
        "synthetisch-buitengebied",
        "synthetisch",
        "Twee opgerolde drugslabs in schuren en vijf drugsafvaldumpingen in het buitengebied.",
    ))
}

pub(super) fn synthetic_industrial(c: &mut Ctx<'_>) -> anyhow::Result<Found> {
    let Ctx {
        state,
        ba,
        rng,
        entities,
        ..
    } = c;
    let ba = *ba;
    let halls = others(ba, &["industriefunctie", "industriefunctie;kantoorfunctie"]);
    let addr = *rng.pick(&halls);
    let d = day_between(rng, Day::ymd(2023, 1, 1), Day::ymd(2024, 11, 30));
    signals::emit(state, "drugslab", "address", &ba.addrs[addr].id, d, rng)?;
    signals::emit(
        state,
        "stroomdiefstal",
        "address",
        &ba.addrs[addr].id,
        d.plus(-40),
        rng,
    )?;
    entities.push(EntityRef::address(&ba.addrs[addr].id));
    Ok((
        "synthetisch-bedrijventerrein",
        "synthetisch",
        "Drugslab in een bedrijfshal met een illegale stroomaansluiting.",
    ))
}
