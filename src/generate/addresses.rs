//! The addresses of one buurt: streets, house numbers with letters and additions, postcodes,
//! BAG uses, surfaces, registered residents and tenure. Built in memory for one buurt at a time
//! (at most a few thousand), adjusted by planted patterns, then written.

use super::layout::{Buurt, Kind, Layout};
use super::names;
use super::profile::{self, Profile};
use super::rng::Rng;
use super::state::{BuurtStats, State};

/// Who owns a dwelling or other object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tenure {
    /// Lived in by its owner.
    OwnerOccupied,
    /// Rented out by a housing corporation.
    Corporation,
    /// Rented out by a private landlord or investor.
    PrivateRent,
    /// A non-dwelling (shop, office, barn, chalet).
    Commercial,
}

/// One address of the buurt being generated.
#[derive(Debug, Clone)]
pub struct Addr {
    /// 16-digit nummeraanduiding id.
    pub id: String,
    /// 16-digit verblijfsobject id.
    pub object_id: String,
    /// Index into the buurt's street names.
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter.
    pub letter: Option<char>,
    /// Huisnummertoevoeging.
    pub addition: Option<u8>,
    /// `1234AB`.
    pub postcode: String,
    /// BAG gebruiksdoelen, `;`-joined.
    pub uses: &'static str,
    /// Surface in m².
    pub surface: i64,
    /// Registered residents (`None` when unknown).
    pub residents: Option<u32>,
    /// Tenure.
    pub tenure: Tenure,
}

impl Addr {
    /// Whether the object has a woonfunctie.
    pub fn dwelling(&self) -> bool {
        self.uses.contains("woonfunctie")
    }
}

/// The addresses of one buurt and its street names.
pub struct BuurtAddresses {
    /// Street names, indexed by [`Addr::street`].
    pub streets: Vec<String>,
    /// The addresses in street and number order.
    pub addrs: Vec<Addr>,
}

/// Where a generation step works: the layout, the buurt's index in it and its addresses.
#[derive(Clone, Copy)]
pub struct Here<'a> {
    /// The whole area tree.
    pub layout: &'a Layout,
    /// Index of the buurt in [`Layout::buurten`].
    pub bi: usize,
    /// The buurt's addresses.
    pub ba: &'a BuurtAddresses,
}

impl<'a> Here<'a> {
    /// The buurt.
    pub fn buurt(&self) -> &'a Buurt {
        &self.layout.buurten[self.bi]
    }
}

/// Uses and surface ranges of non-dwellings per kind of area.
fn other_uses(kind: Kind) -> &'static [(&'static str, f64, i64, i64)] {
    match kind {
        Kind::Binnenstad => &[
            ("winkelfunctie", 0.42, 35, 400),
            ("kantoorfunctie", 0.2, 50, 600),
            ("bijeenkomstfunctie", 0.16, 60, 500),
            ("logiesfunctie", 0.03, 300, 2500),
            ("gezondheidszorgfunctie", 0.05, 80, 900),
            ("onderwijsfunctie", 0.03, 600, 3000),
            ("sportfunctie", 0.03, 200, 1500),
            ("celfunctie;kantoorfunctie", 0.005, 800, 3000),
            ("overige gebruiksfunctie", 0.075, 10, 200),
        ],
        Kind::Bedrijventerrein => &[
            ("industriefunctie", 0.52, 250, 5000),
            ("kantoorfunctie", 0.14, 80, 1200),
            ("industriefunctie;kantoorfunctie", 0.22, 300, 4000),
            ("winkelfunctie", 0.05, 200, 2000),
            ("sportfunctie", 0.03, 300, 2500),
            ("overige gebruiksfunctie", 0.04, 20, 600),
        ],
        Kind::Buitengebied => &[
            ("overige gebruiksfunctie", 0.5, 80, 1500),
            ("industriefunctie", 0.35, 200, 3000),
            ("logiesfunctie", 0.05, 60, 400),
            ("bijeenkomstfunctie", 0.05, 100, 600),
            ("kantoorfunctie", 0.05, 40, 300),
        ],
        Kind::Vakantiepark => &[
            ("logiesfunctie", 0.97, 30, 95),
            ("bijeenkomstfunctie", 0.03, 120, 600),
        ],
        _ => &[
            ("winkelfunctie", 0.38, 50, 1500),
            ("gezondheidszorgfunctie", 0.15, 80, 1200),
            ("onderwijsfunctie", 0.15, 800, 4000),
            ("bijeenkomstfunctie", 0.14, 80, 800),
            ("sportfunctie", 0.06, 300, 3000),
            ("kantoorfunctie", 0.12, 50, 500),
        ],
    }
}

struct Unit {
    uses: &'static str,
    surface: i64,
    apartments: u8,
}

/// Builds the addresses of buurt `bi` (not yet written).
pub fn build(state: &mut State, layout: &Layout, bi: usize, rng: &mut Rng) -> BuurtAddresses {
    let buurt = &layout.buurten[bi];
    let p = profile::of(buurt.kind);
    let units = plan_units(buurt, &p, rng);

    let gdigits = &layout.gemeenten[buurt.gemeente].digits;
    let pc4_base = layout.wijken[buurt.wijk].pc4;
    let mut streets: Vec<String> = Vec::new();
    let mut addrs = Vec::with_capacity((buurt.dwellings + buurt.others) as usize);
    let mut street_left = 0u32;
    let mut number = 0u32;
    let mut pc_left = 0u32;
    let mut postcode = String::new();
    for unit in units {
        if street_left == 0 {
            let mut name = names::street(buurt.kind, streets.len(), rng);
            let mut tries = 0;
            while state.gemeente.streets.contains(&name) {
                tries += 1;
                name = if tries < 8 {
                    names::street(buurt.kind, streets.len() + tries, rng)
                } else {
                    format!(
                        "{name} {}",
                        ["Noord", "Zuid", "Oost", "West", "II", "III"][tries % 6]
                    )
                };
            }
            state.gemeente.streets.insert(name.clone());
            streets.push(name);
            street_left = rng.range(25, 140) as u32;
            number = 0;
            pc_left = 0;
        }
        if pc_left == 0 {
            postcode = next_postcode(state, buurt.wijk, pc4_base);
            pc_left = rng.range(10, 24) as u32;
        }
        number += if buurt.kind == Kind::Buitengebied || unit.surface > 1000 {
            rng.range(1, 6) as u32
        } else {
            1
        };
        let with_letters = rng.chance(0.5);
        for k in 0..unit.apartments.max(1) {
            state.gemeente.next_address += 1;
            let seq = state.gemeente.next_address;
            let (letter, addition) = if unit.apartments <= 1 {
                (None, None)
            } else if with_letters {
                (Some(char::from(b'A' + k)), None)
            } else {
                (None, Some(k + 1))
            };
            addrs.push(Addr {
                id: format!("{gdigits}20{seq:010}"),
                object_id: format!("{gdigits}01{seq:010}"),
                street: streets.len() - 1,
                number,
                letter,
                addition,
                postcode: postcode.clone(),
                uses: unit.uses,
                surface: if unit.apartments > 1 {
                    (unit.surface as f64 * rng.uniform(0.85, 1.15)) as i64
                } else {
                    unit.surface
                },
                residents: None,
                tenure: Tenure::Commercial,
            });
        }
        street_left = street_left.saturating_sub(u32::from(unit.apartments.max(1)));
        pc_left = pc_left.saturating_sub(1);
    }
    assign_households(buurt, &p, &mut addrs, rng);
    BuurtAddresses { streets, addrs }
}

fn plan_units(buurt: &Buurt, p: &Profile, rng: &mut Rng) -> Vec<Unit> {
    let uses = other_uses(buurt.kind);
    let weights: Vec<f64> = uses.iter().map(|u| u.1).collect();
    let mut units = Vec::new();
    let mut dwellings_left = buurt.dwellings as i64;
    let mut others_left = buurt.others as i64;
    while dwellings_left > 0 || others_left > 0 {
        let total = (dwellings_left + others_left) as f64;
        let dwelling = rng.f64() * total < dwellings_left as f64;
        if dwelling {
            let apartments = if rng.chance(p.apartments) {
                (rng.range(2, 6).min(dwellings_left)) as u8
            } else {
                1
            };
            let mixed = buurt.kind == Kind::Binnenstad && apartments == 1 && rng.chance(0.1);
            units.push(Unit {
                uses: if mixed {
                    "winkelfunctie;woonfunctie"
                } else {
                    "woonfunctie"
                },
                surface: rng.range(p.dwelling_m2.0, p.dwelling_m2.1),
                apartments,
            });
            dwellings_left -= i64::from(apartments);
        } else {
            let u = uses[rng.weighted(&weights)];
            units.push(Unit {
                uses: u.0,
                surface: rng.range(u.2, u.3),
                apartments: 1,
            });
            others_left -= 1;
        }
    }
    units
}

/// Residents and tenure. Vakantieparken and the tiny buurt stay below 50 registered residents.
fn assign_households(buurt: &Buurt, p: &Profile, addrs: &mut [Addr], rng: &mut Rng) {
    let cap: Option<u32> = match buurt.kind {
        Kind::Vakantiepark => Some(44),
        _ if buurt.dwellings < 20 => Some(45),
        _ => None,
    };
    let mut total = 0u32;
    for a in addrs.iter_mut() {
        let residents = if a.dwelling() {
            a.tenure = {
                let x = rng.f64();
                if x < p.corporation {
                    Tenure::Corporation
                } else if x < p.corporation + p.private_rent {
                    Tenure::PrivateRent
                } else {
                    Tenure::OwnerOccupied
                }
            };
            if rng.chance(0.004) {
                None
            } else {
                // At most one resident per 10 m²: only planted dwellings are overcrowded.
                let most = (a.surface / 10).max(1) as u32;
                Some((rng.weighted(&p.household) as u32).min(most))
            }
        } else if buurt.kind == Kind::Vakantiepark && a.uses == "logiesfunctie" && rng.chance(0.09)
        {
            // Permanent habitation of chalets (lens L9).
            Some(rng.range(1, 3) as u32)
        } else {
            Some(0)
        };
        let residents = match (residents, cap) {
            (Some(r), Some(c)) if total + r > c => Some(0),
            (r, _) => r,
        };
        total += residents.unwrap_or(0);
        a.residents = residents;
    }
}

fn next_postcode(state: &mut State, wijk: usize, pc4_base: u32) -> String {
    // 26×26 letter pairs minus SA, SD, SS per PC4; two PC4s per wijk, wrapping if ever full.
    let k = state.pc_pairs[wijk];
    state.pc_pairs[wijk] = (k + 1) % (2 * 673);
    let pc4 = pc4_base + k / 673;
    let mut idx = k % 673;
    let mut pair = [0u8; 2];
    for a in 0..26u8 {
        for b in 0..26u8 {
            let p = [b'A' + a, b'A' + b];
            if matches!(&p, b"SA" | b"SD" | b"SS") {
                continue;
            }
            if idx == 0 {
                pair = p;
            }
            idx = idx.wrapping_sub(1);
        }
    }
    format!("{pc4}{}{}", char::from(pair[0]), char::from(pair[1]))
}

/// Writes the addresses and records their statistics.
pub fn write(state: &mut State, here: Here<'_>) -> anyhow::Result<()> {
    let Here { layout, bi, ba } = here;
    let buurt = here.buurt();
    let city = &layout.wijken[buurt.wijk].city;
    let mut st = BuurtStats::default();
    let out = &mut state.sink.addresses;
    for a in &ba.addrs {
        out.text(&a.id)
            .text(&a.object_id)
            .text(&ba.streets[a.street])
            .val(a.number)
            .opt(a.letter)
            .opt(a.addition)
            .text(&a.postcode)
            .text(city)
            .text(&buurt.code)
            .text(a.uses)
            .val(a.surface)
            .opt(a.residents);
        out.end()?;
        st.addresses += 1;
        let r = u64::from(a.residents.unwrap_or(0));
        st.inhabitants += r;
        if a.dwelling() {
            st.dwellings += 1;
            match r {
                0 => st.vacant += 1,
                1 => {
                    st.households += 1;
                    st.single += 1;
                }
                _ => st.households += 1,
            }
            match a.tenure {
                Tenure::OwnerOccupied => st.owner_occupied += 1,
                Tenure::Corporation => st.corporation += 1,
                _ => {}
            }
        }
    }
    let businesses = state.stats[bi].businesses;
    state.stats[bi] = BuurtStats { businesses, ..st };
    Ok(())
}
