//! The planted patterns: one per named buurt of the first gemeente (Haverwoude), the same at
//! every scale. Each pattern adds entities or signals on top of the ordinary data of its buurt
//! and records itself in the manifest, so tests can check that the lenses find it.

use super::addresses::{BuurtAddresses, Tenure};
use super::businesses::{self, Spec};
use super::dates::Day;
use super::layout::Layout;
use super::manifest::{EntityRef, Pattern};
use super::names;
use super::ownership::{self, Transfer};
use super::rng::Rng;
use super::sbi;
use super::signals;
use super::state::State;

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
    /// A house resold five times within 24 months at rising prices.
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
    /// A legal person that bought a house within six months of its registration.
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

/// Adds the planted entities and signals of buurt `bi`; returns addresses whose ownership it
/// wrote itself.
pub fn apply(
    state: &mut State,
    layout: &Layout,
    bi: usize,
    ba: &BuurtAddresses,
    plant: Plant,
    rng: &mut Rng,
) -> anyhow::Result<Vec<usize>> {
    let area = layout.buurten[bi].code.clone();
    let mut entities = Vec::new();
    let mut skip = Vec::new();
    let (id, lens, description) = match plant {
        Plant::ManyRegistrations => {
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
                let b = businesses::register(state, layout, bi, ba, &spec, rng)?;
                entities.push(EntityRef::business(&b.vestiging));
            }
            let d = signals::signal_day(rng);
            signals::emit(state, "adresfraude", "address", &ba.addrs[addr].id, d, rng)?;
            (
                "veel-inschrijvingen",
                "woonfraude",
                "Woning in een woonwijk met negen bedrijfsinschrijvingen onder verschillende KvK-nummers, alle van de laatste twee jaar.",
            )
        }
        Plant::HennepCluster => {
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
            (
                "hennep-cluster",
                "hennep",
                "Negen ontmantelde hennepkwekerijen, vijf illegale stroomaansluitingen en vier vermoedens in één woonwijk in drie jaar.",
            )
        }
        Plant::QuickResale => {
            let addr = *rng.pick(&single_dwellings(ba, Some(Tenure::OwnerOccupied)));
            let a = &ba.addrs[addr];
            let value = ownership::value_2024(layout, bi, a, rng);
            let mut chain = vec![Transfer {
                party: state.sink.natural()?,
                date: Day::ymd(2009, 5, 14),
                price: Some(ownership::price_at(value, Day::ymd(2009, 5, 14), rng)),
            }];
            let mut date = day_between(rng, Day::ymd(2022, 9, 1), Day::ymd(2022, 12, 1));
            let mut price = (value * 0.82 / 500.0).round() as i64 * 500;
            for k in 0..5 {
                let party = if k % 2 == 1 {
                    let reg = date.plus(-rng.range(400, 3000));
                    state
                        .sink
                        .legal(&format!("{} BV", names::company("Invest", rng)), reg)?
                        .0
                } else {
                    state.sink.natural()?
                };
                entities.push(EntityRef::party(&party));
                chain.push(Transfer {
                    party,
                    date,
                    price: Some(price),
                });
                date = date.plus(rng.range(120, 150));
                price = (price as f64 * rng.uniform(1.12, 1.2) / 500.0).round() as i64 * 500;
            }
            ownership::write_chain(state, &a.id, &chain)?;
            entities.insert(0, EntityRef::address(&a.id));
            skip.push(addr);
            (
                "doorverkoop",
                "vastgoed",
                "Woning vijf keer doorverkocht binnen 24 maanden, telkens 12 tot 20 procent duurder, deels via rechtspersonen.",
            )
        }
        Plant::PropertyNetwork => {
            let name = format!("{} BV", names::company("Holding", rng));
            let (party, _) = state.sink.legal(&name, Day::ymd(2016, 3, 2))?;
            entities.push(EntityRef::party(&party));
            let shops = others(
                ba,
                &["winkelfunctie", "bijeenkomstfunctie", "kantoorfunctie"],
            );
            let words = [
                "Restaurant",
                "Café",
                "Shisha Lounge",
                "Kapsalon",
                "Telecom",
                "Minimarkt",
                "Vastgoed",
                "Verhuur",
                "Mode",
                "Barbershop",
                "Cafetaria",
                "Nagelstudio",
            ];
            let spots = distinct(&shops, words.len(), rng);
            for (word, addr) in words.iter().zip(spots) {
                let spec = Spec {
                    branch: sbi::by_word(word),
                    addr,
                    registered: Some(day_between(
                        rng,
                        Day::ymd(2017, 1, 1),
                        Day::ymd(2024, 6, 30),
                    )),
                    legal_form: Some("BV"),
                    party: Some(party.clone()),
                    independent: true,
                    ..Spec::default()
                };
                let b = businesses::register(state, layout, bi, ba, &spec, rng)?;
                entities.push(EntityRef::business(&b.vestiging));
            }
            let mut pool = single_dwellings(ba, None);
            pool.extend(others(ba, &["winkelfunctie"]));
            for addr in distinct(&pool, 8, rng) {
                let a = &ba.addrs[addr];
                let value = ownership::value_2024(layout, bi, a, rng);
                let first = Day::ymd(rng.range(1990, 2012), rng.range(1, 12), rng.range(1, 28));
                let bought = day_between(rng, Day::ymd(2019, 1, 1), Day::ymd(2024, 10, 1));
                let chain = [
                    Transfer {
                        party: state.sink.natural()?,
                        date: first,
                        price: Some(ownership::price_at(value, first, rng)),
                    },
                    Transfer {
                        party: party.clone(),
                        date: bought,
                        price: Some(ownership::price_at(value * 1.3, bought, rng)),
                    },
                ];
                ownership::write_chain(state, &a.id, &chain)?;
                entities.push(EntityRef::address(&a.id));
                skip.push(addr);
            }
            let d = signals::signal_day(rng);
            signals::emit(state, "witwassen_vermoeden", "party", &party, d, rng)?;
            (
                "vastgoed-netwerk",
                "vastgoed",
                "Rechtspersoon is bestuurder van twaalf horeca-, winkel- en vastgoedbedrijven en kocht sinds 2019 acht panden in dezelfde buurt.",
            )
        }
        Plant::Overcrowding => {
            for a in &ba.addrs {
                if a.residents.unwrap_or(0) >= 9 && a.surface <= 60 {
                    entities.push(EntityRef::address(&a.id));
                    let d = signals::signal_day(rng);
                    signals::emit(state, "huisvesting_fraude", "address", &a.id, d, rng)?;
                }
            }
            (
                "overbewoning",
                "mensenhandel",
                "Veertien ingeschrevenen op een woning van 60 m², en nog twee kleine woningen met negen en tien ingeschrevenen.",
            )
        }
        Plant::RiskBranches => {
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
                    let b = businesses::register(state, layout, bi, ba, &spec, rng)?;
                    entities.push(EntityRef::business(&b.vestiging));
                    k += 1;
                }
            }
            (
                "risicobranches",
                "dekmantel",
                "40 barbershops, nagelstudio's, belwinkels, minimarkten, toko's, zonnestudio's en shishalounges ingeschreven in de laatste 24 maanden, enkele alweer gestopt.",
            )
        }
        Plant::SyntheticRural => {
            let barns = others(ba, &["industriefunctie", "overige gebruiksfunctie"]);
            for addr in distinct(&barns, 2, rng) {
                let d = day_between(rng, Day::ymd(2022, 1, 1), Day::ymd(2024, 11, 30));
                signals::emit(state, "drugslab", "address", &ba.addrs[addr].id, d, rng)?;
                entities.push(EntityRef::address(&ba.addrs[addr].id));
            }
            for k in 0..5 {
                let d = day_between(rng, Day::ymd(2021, 6, 1), Day::ymd(2024, 11, 30));
                if k < 3 {
                    signals::emit(state, "drugsdumping", "area", &area, d, rng)?;
                } else {
                    let addr = *rng.pick(&barns);
                    signals::emit(state, "drugsdumping", "address", &ba.addrs[addr].id, d, rng)?;
                    entities.push(EntityRef::address(&ba.addrs[addr].id));
                }
            }
            (
                "synthetisch-buitengebied",
                "synthetisch",
                "Twee opgerolde drugslabs in schuren en vijf drugsafvaldumpingen in het buitengebied.",
            )
        }
        Plant::SyntheticIndustrial => {
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
            (
                "synthetisch-bedrijventerrein",
                "synthetisch",
                "Drugslab in een bedrijfshal met een illegale stroomaansluiting.",
            )
        }
        Plant::YoungBuyer => {
            let addr = *rng.pick(&single_dwellings(ba, Some(Tenure::OwnerOccupied)));
            let a = &ba.addrs[addr];
            let value = ownership::value_2024(layout, bi, a, rng);
            let registered = day_between(rng, Day::ymd(2023, 2, 1), Day::ymd(2023, 6, 1));
            let bought = registered.plus(rng.range(60, 150));
            let name = format!("{} BV", names::company("Vastgoed", rng));
            let (party, _) = state.sink.legal(&name, registered)?;
            let first = Day::ymd(2011, 8, 19);
            let chain = [
                Transfer {
                    party: state.sink.natural()?,
                    date: first,
                    price: Some(ownership::price_at(value, first, rng)),
                },
                Transfer {
                    party: party.clone(),
                    date: bought,
                    price: Some(ownership::price_at(value * 1.25, bought, rng)),
                },
            ];
            ownership::write_chain(state, &a.id, &chain)?;
            entities.push(EntityRef::address(&a.id));
            entities.push(EntityRef::party(&party));
            skip.push(addr);
            (
                "jonge-koper",
                "vastgoed",
                "Rechtspersoon kocht een woning binnen zes maanden na zijn inschrijving, boven de marktwaarde.",
            )
        }
    };
    state.planted.push(Pattern {
        id: id.to_owned(),
        description: description.to_owned(),
        lens: lens.to_owned(),
        area,
        entities,
    });
    Ok(skip)
}
