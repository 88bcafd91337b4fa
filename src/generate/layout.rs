//! The area tree of a generated data set: gemeenten (GM9900–GM9999), wijken and buurten with
//! their codes, names, kind of area and planned size. The demo region is laid out by hand so it
//! covers every kind of area; region and national scale are laid out procedurally.

mod planned;
#[cfg(test)]
mod tests;

use super::names;
use super::profile;
use super::rng::Rng;
use crate::cli::Scale;

/// The kind of area a buurt is: it decides sizes, tenure, income, business mix and signal rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// City centre: shops, horeca, apartments above shops.
    Binnenstad,
    /// Ordinary residential neighbourhood.
    Woonwijk,
    /// Residential neighbourhood with much social (corporatie) rental housing.
    Sociaal,
    /// Well-off residential neighbourhood with detached houses.
    Villawijk,
    /// Village core in a rural gemeente.
    Dorp,
    /// Industrial estate.
    Bedrijventerrein,
    /// Rural area with farms.
    Buitengebied,
    /// Holiday park with chalets.
    Vakantiepark,
}

/// A gemeente.
#[derive(Debug, Clone)]
pub struct Gemeente {
    /// `GM9901`.
    pub code: String,
    /// The four digits, `9901`.
    pub digits: String,
    /// Its fictional name.
    pub name: String,
}

/// A wijk.
#[derive(Debug, Clone)]
pub struct Wijk {
    /// `WK990101`.
    pub code: String,
    /// `Wijk 01 Centrum`.
    pub name: String,
    /// Index into [`Layout::gemeenten`].
    pub gemeente: usize,
    /// Its four-digit postcode area.
    pub pc4: u32,
    /// The woonplaats its addresses lie in.
    pub city: String,
}

/// A buurt with its planned size.
#[derive(Debug, Clone)]
pub struct Buurt {
    /// `BU99010101`.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Index into [`Layout::wijken`].
    pub wijk: usize,
    /// Index into [`Layout::gemeenten`].
    pub gemeente: usize,
    /// What kind of area it is.
    pub kind: Kind,
    /// Planned number of dwellings.
    pub dwellings: u32,
    /// Planned number of other addresses (shops, offices, barns, chalets, …).
    pub others: u32,
    /// Land surface in hectares.
    pub land_ha: u32,
    /// Water surface in hectares.
    pub water_ha: u32,
}

/// The whole area tree.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Gemeenten in code order.
    pub gemeenten: Vec<Gemeente>,
    /// Wijken in code order.
    pub wijken: Vec<Wijk>,
    /// Buurten in code order.
    pub buurten: Vec<Buurt>,
    /// Multiplier on the planned numbers of addresses (the demo is a little smaller).
    pub size_factor: f64,
}

/// A two-character wijk or buurt part: `00`–`39`, then `A0`–`Z9` (CBS allows letters, and
/// large generated gemeenten use them so importers meet letter codes).
pub fn part_code(i: usize) -> String {
    if i < 40 {
        format!("{i:02}")
    } else {
        let j = i - 40;
        let letter = char::from(b'A' + u8::try_from((j / 10) % 26).unwrap_or(0));
        format!("{letter}{}", j % 10)
    }
}

/// Builds the layout for a scale. Only the seed's layout stream is used, so the layout is the
/// same whatever else is generated.
pub fn build(scale: Scale, seed: u64) -> Layout {
    let mut rng = Rng::for_stream(seed, 0x1A70, 0);
    let mut layout = Layout {
        size_factor: match scale {
            Scale::Demo => 0.82,
            Scale::Region => 1.0,
            Scale::National => 1.05,
        },
        ..Layout::default()
    };
    match scale {
        Scale::Demo => {
            planned::add(
                &mut layout,
                9901,
                "Haverwoude",
                planned::HAVERWOUDE,
                &mut rng,
            );
            planned::add(
                &mut layout,
                9902,
                "Lindenmeer",
                planned::LINDENMEER,
                &mut rng,
            );
        }
        Scale::Region => {
            planned::add(
                &mut layout,
                9901,
                "Haverwoude",
                planned::HAVERWOUDE,
                &mut rng,
            );
            planned::add(
                &mut layout,
                9902,
                "Lindenmeer",
                planned::LINDENMEER,
                &mut rng,
            );
            for (i, n) in (9903..=9910).enumerate() {
                let target = [55, 25, 35, 30, 40, 20, 32, 25][i];
                add_procedural(&mut layout, n, target, &mut rng);
            }
        }
        Scale::National => {
            planned::add(
                &mut layout,
                9900,
                "Haverwoude",
                planned::HAVERWOUDE,
                &mut rng,
            );
            planned::add(
                &mut layout,
                9901,
                "Lindenmeer",
                planned::LINDENMEER,
                &mut rng,
            );
            // 14,500 buurten over 100 codes: sizes vary like real gemeenten do.
            let remaining = 14_500 - layout.buurten.len();
            let weights: Vec<f64> = (0..98).map(|_| rng.uniform(0.3, 2.2)).collect();
            let total: f64 = weights.iter().sum();
            let mut left = remaining;
            for (i, w) in weights.iter().enumerate() {
                let target = if i == 97 {
                    left
                } else {
                    ((w / total) * remaining as f64).round() as usize
                };
                let target = target.min(left);
                left -= target;
                add_procedural(&mut layout, 9902 + i as u32, target, &mut rng);
            }
        }
    }
    layout
}

pub(super) fn postcode_area(layout: &Layout) -> u32 {
    // Fictional-looking ranges from 9000 upward for small sets; national uses the whole
    // 1000–8999 range, two PC4s apart per wijk.
    let n = layout.wijken.len() as u32;
    if n < 400 {
        9000 + n * 2
    } else {
        1000 + (n - 400) * 2
    }
}

pub(super) fn sized(kind: Kind, factor: f64, rng: &mut Rng) -> (u32, u32, u32, u32) {
    let p = profile::of(kind);
    let d = rng.range(i64::from(p.dwellings.0), i64::from(p.dwellings.1)) as f64 * factor;
    let o = rng.range(i64::from(p.others.0), i64::from(p.others.1)) as f64 * factor;
    let (d, o) = (d.round() as u32, o.round() as u32);
    let land = rng.range(i64::from(p.land_ha.0), i64::from(p.land_ha.1)) as u32;
    let water = (f64::from(land) * rng.uniform(0.0, 0.12)) as u32;
    (d, o, land, water)
}

fn add_procedural(layout: &mut Layout, digits: u32, target: usize, rng: &mut Rng) {
    let g = layout.gemeenten.len();
    let gname = names::gemeente(g, rng);
    layout.gemeenten.push(Gemeente {
        code: format!("GM{digits}"),
        digits: digits.to_string(),
        name: gname.clone(),
    });
    let urban = rng.chance(0.35) || target > 150;
    // Kinds in proportion: a centre, residential wijken, work areas, rural wijken with villages.
    let mut kinds: Vec<Kind> = Vec::with_capacity(target);
    let centre = if urban { (target / 20).max(2) } else { 1 };
    for _ in 0..centre.min(target) {
        kinds.push(if urban { Kind::Binnenstad } else { Kind::Dorp });
    }
    while kinds.len() < target {
        let w = if urban {
            [0.40, 0.18, 0.07, 0.08, 0.10, 0.14, 0.03]
        } else {
            [0.30, 0.06, 0.05, 0.25, 0.07, 0.24, 0.03]
        };
        let k = [
            Kind::Woonwijk,
            Kind::Sociaal,
            Kind::Villawijk,
            Kind::Dorp,
            Kind::Bedrijventerrein,
            Kind::Buitengebied,
            Kind::Vakantiepark,
        ][rng.weighted(&w)];
        kinds.push(k);
    }
    // Group kinds into wijken: same kinds together, 2–7 buurten per wijk.
    kinds[centre.min(target)..].sort_by_key(|k| *k as u8);
    let mut i = 0;
    let mut wi = 0;
    while i < kinds.len() {
        let size = (rng.range(2, 7) as usize).min(kinds.len() - i);
        let wkind = kinds[i];
        let wcode = part_code(wi);
        let village = names::place_word(rng);
        let (wname, city) = match wkind {
            Kind::Binnenstad => ("Centrum".to_owned(), gname.clone()),
            Kind::Dorp | Kind::Buitengebied => (village.clone(), village.clone()),
            Kind::Bedrijventerrein => (
                format!("Bedrijventerrein {}", names::place_word(rng)),
                gname.clone(),
            ),
            Kind::Vakantiepark => ("Recreatie".to_owned(), village.clone()),
            _ => (
                format!(
                    "{}{}",
                    ["Noord", "Zuid", "Oost", "West", "Midden"][wi % 5],
                    if wi >= 5 {
                        format!(" {}", wi / 5)
                    } else {
                        String::new()
                    }
                ),
                gname.clone(),
            ),
        };
        let wijk_index = layout.wijken.len();
        layout.wijken.push(Wijk {
            code: format!("WK{digits}{wcode}"),
            name: format!("Wijk {wcode} {wname}"),
            gemeente: g,
            pc4: postcode_area(layout),
            city: city.clone(),
        });
        for (bi, kind) in kinds[i..i + size].iter().enumerate() {
            let b = sized(*kind, layout.size_factor, rng);
            layout.buurten.push(Buurt {
                code: format!("BU{digits}{wcode}{}", part_code(bi + 1)),
                name: names::buurt(*kind, &city, rng),
                wijk: wijk_index,
                gemeente: g,
                kind: *kind,
                dwellings: b.0,
                others: b.1,
                land_ha: b.2,
                water_ha: b.3,
            });
        }
        i += size;
        wi += 1;
    }
}
