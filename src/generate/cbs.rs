//! `cbs.csv` in the KWB format: one row per gemeente, wijk and buurt with the real column codes.
//! Counts come from the entities actually written (residents, dwellings, businesses); WOZ,
//! income and age structure are drawn per buurt from its profile. Wijk and gemeente rows are
//! aggregated from their buurten; small buurten have missing cells (`.`) as CBS publishes them.

use super::csv_out::CsvOut;
use super::layout::{Kind, Layout};
use super::profile;
use super::rng::Rng;
use super::state::BuurtStats;

/// The KWB columns written, in order.
pub const HEADER: &[&str] = &[
    "gwb_code_10",
    "gwb_code_8",
    "regio",
    "gm_naam",
    "recs",
    "gwb_code",
    "ind_wbi",
    "a_inw",
    "a_man",
    "a_vrouw",
    "a_00_14",
    "a_15_24",
    "a_25_44",
    "a_45_64",
    "a_65_oo",
    "a_hh",
    "a_1p_hh",
    "bev_dich",
    "a_woning",
    "g_wozbag",
    "p_koopw",
    "p_huurw",
    "p_wcorpw",
    "p_leegsw",
    "g_ink_pi",
    "p_hh_li",
    "a_soz_wb",
    "a_bedv",
    "a_bed_a",
    "a_bed_bf",
    "a_bed_gi",
    "a_bed_hj",
    "a_bed_kl",
    "a_bed_mn",
    "a_bed_oq",
    "a_bed_ru",
    "a_opp_ha",
    "a_lan_ha",
    "ste_mvs",
    "ste_oad",
    "jaar",
];

/// Additive figures of an area, plus weighted sums for the means.
#[derive(Debug, Clone, Copy, Default)]
struct Agg {
    inw: u64,
    man: u64,
    ages: [u64; 5],
    hh: u64,
    hh1: u64,
    woning: u64,
    vacant: u64,
    owner: u64,
    corp: u64,
    addresses: u64,
    bed: [u64; 8],
    land: u64,
    water: u64,
    welfare: u64,
    woz: (f64, f64),
    income: (f64, f64),
    low: (f64, f64),
    oad: (f64, f64),
    suppressed: bool,
}

impl Agg {
    fn add(&mut self, o: &Agg) {
        self.inw += o.inw;
        self.man += o.man;
        for i in 0..5 {
            self.ages[i] += o.ages[i];
        }
        self.hh += o.hh;
        self.hh1 += o.hh1;
        self.woning += o.woning;
        self.vacant += o.vacant;
        self.owner += o.owner;
        self.corp += o.corp;
        self.addresses += o.addresses;
        for i in 0..8 {
            self.bed[i] += o.bed[i];
        }
        self.land += o.land;
        self.water += o.water;
        self.welfare += o.welfare;
        for (a, b) in [
            (&mut self.woz, o.woz),
            (&mut self.income, o.income),
            (&mut self.low, o.low),
            (&mut self.oad, o.oad),
        ] {
            a.0 += b.0;
            a.1 += b.1;
        }
    }
}

/// Splits `total` over weights so the parts add up exactly (largest remainder).
fn split(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    let raw: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<u64> = raw.iter().map(|r| r.floor() as u64).collect();
    let mut left = total - parts.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by(|a, b| (raw[*b] - raw[*b].floor()).total_cmp(&(raw[*a] - raw[*a].floor())));
    for i in order {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

fn buurt_agg(layout: &Layout, bi: usize, st: &BuurtStats, seed: u64) -> Agg {
    let b = &layout.buurten[bi];
    let p = profile::of(b.kind);
    let mut rng = Rng::for_stream(seed, 0xCB5, bi as u64);
    let inw = st.inhabitants;
    let man = (inw as f64 * rng.uniform(0.48, 0.515)).round() as u64;
    let ages_w: Vec<f64> = p.ages.iter().map(|w| w * rng.uniform(0.8, 1.2)).collect();
    let woz = p.woz * rng.normal(1.0, 0.12).max(0.6);
    let income = p.income * rng.normal(1.0, 0.1).max(0.6);
    let ratio = 30.0 / income;
    let low = (8.0 * ratio * ratio * rng.uniform(0.8, 1.2)).clamp(1.0, 40.0);
    let welfare = ((inw as f64 * p.welfare * rng.uniform(0.7, 1.3)) / 10.0).round() as u64 * 10;
    let suppressed = inw < 50;
    let income_known = inw >= 200 && !rng.chance(0.04);
    let km2 = (f64::from(b.land_ha) / 100.0).max(0.01);
    let floor = match b.kind {
        Kind::Villawijk => 800.0,
        Kind::Bedrijventerrein => 500.0,
        Kind::Binnenstad => 2600.0,
        _ => 20.0,
    };
    let ceiling = if b.kind == Kind::Vakantiepark {
        450.0
    } else {
        9000.0
    };
    let oad = (st.addresses as f64 / km2 * rng.uniform(0.9, 1.1)).clamp(floor, ceiling);
    Agg {
        inw,
        man,
        ages: split(inw, &ages_w).try_into().unwrap_or([0; 5]),
        hh: st.households,
        hh1: st.single,
        woning: st.dwellings,
        vacant: st.vacant,
        owner: st.owner_occupied,
        corp: st.corporation,
        addresses: st.addresses,
        bed: st.businesses,
        land: u64::from(b.land_ha),
        water: u64::from(b.water_ha),
        welfare: if suppressed { 0 } else { welfare },
        woz: if suppressed || st.dwellings == 0 {
            (0.0, 0.0)
        } else {
            (woz * st.dwellings as f64, st.dwellings as f64)
        },
        income: if income_known {
            (income * inw as f64, inw as f64)
        } else {
            (0.0, 0.0)
        },
        low: if income_known {
            (low * st.households as f64, st.households as f64)
        } else {
            (0.0, 0.0)
        },
        oad: (oad * st.addresses.max(1) as f64, st.addresses.max(1) as f64),
        suppressed,
    }
}

fn mvs(oad: f64) -> u8 {
    match oad {
        x if x >= 2500.0 => 1,
        x if x >= 1500.0 => 2,
        x if x >= 1000.0 => 3,
        x if x >= 500.0 => 4,
        _ => 5,
    }
}

fn pct(part: u64, whole: u64) -> Option<i64> {
    (whole > 0).then(|| (part as f64 * 100.0 / whole as f64).round() as i64)
}

fn mean(ws: (f64, f64)) -> Option<f64> {
    (ws.1 > 0.0).then(|| ws.0 / ws.1)
}

struct Names<'a> {
    code: &'a str,
    name: &'a str,
    gm_name: &'a str,
    recs: &'a str,
}

fn write_row(out: &mut CsvOut, n: &Names<'_>, a: &Agg) -> anyhow::Result<()> {
    let hide = a.suppressed;
    let dot = |v: Option<i64>| v.map_or_else(|| ".".to_owned(), |v| v.to_string());
    let digits: String = n.code[2..].to_owned();
    out.text(n.code)
        .text(&digits)
        .text(n.name)
        .text(n.gm_name)
        .text(n.recs)
        .text(n.code)
        .val(1);
    out.val(a.inw).val(a.man).val(a.inw - a.man);
    for age in a.ages {
        out.val(age);
    }
    out.val(a.hh).val(a.hh1);
    let km2 = a.land as f64 / 100.0;
    out.text(&dot(
        (km2 > 0.0).then(|| (a.inw as f64 / km2).round() as i64)
    ));
    out.val(a.woning);
    let visible = |v: Option<i64>| if hide { ".".to_owned() } else { dot(v) };
    out.text(&visible(mean(a.woz).map(|v| v.round() as i64)));
    let koop = pct(a.owner, a.woning);
    out.text(&visible(koop));
    out.text(&visible(koop.map(|k| 100 - k)));
    out.text(&visible(pct(a.corp, a.woning)));
    out.text(&visible(pct(a.vacant, a.woning)));
    match mean(a.income) {
        Some(v) if !hide => out.val(format!("{v:.1}")),
        _ => out.text("."),
    };
    out.text(&visible(mean(a.low).map(|v| v.round() as i64)));
    out.text(&visible(Some(a.welfare as i64)));
    out.val(a.bed.iter().sum::<u64>());
    for v in a.bed {
        out.val(v);
    }
    out.val(a.land + a.water).val(a.land);
    let oad = mean(a.oad).unwrap_or(0.0);
    out.val(mvs(oad)).val(oad.round() as i64).val(2024);
    out.end()
}

/// Writes `cbs.csv` for the layout from the gathered buurt statistics.
pub fn write(
    out: &mut CsvOut,
    layout: &Layout,
    stats: &[BuurtStats],
    seed: u64,
) -> anyhow::Result<()> {
    let buurt: Vec<Agg> = (0..layout.buurten.len())
        .map(|i| buurt_agg(layout, i, &stats[i], seed))
        .collect();
    let mut wijk = vec![Agg::default(); layout.wijken.len()];
    let mut gem = vec![Agg::default(); layout.gemeenten.len()];
    for (i, b) in layout.buurten.iter().enumerate() {
        wijk[b.wijk].add(&buurt[i]);
        gem[b.gemeente].add(&buurt[i]);
    }
    // Hierarchical order as CBS writes it: a gemeente, then each wijk followed by its buurten.
    let mut bi = 0;
    let mut wi = 0;
    for (g, gm) in layout.gemeenten.iter().enumerate() {
        let n = Names {
            code: &gm.code,
            name: &gm.name,
            gm_name: &gm.name,
            recs: "Gemeente",
        };
        write_row(out, &n, &gem[g])?;
        while wi < layout.wijken.len() && layout.wijken[wi].gemeente == g {
            let wk = &layout.wijken[wi];
            let n = Names {
                code: &wk.code,
                name: &wk.name,
                gm_name: &gm.name,
                recs: "Wijk",
            };
            write_row(out, &n, &wijk[wi])?;
            while bi < layout.buurten.len() && layout.buurten[bi].wijk == wi {
                let b = &layout.buurten[bi];
                let n = Names {
                    code: &b.code,
                    name: &b.name,
                    gm_name: &gm.name,
                    recs: "Buurt",
                };
                write_row(out, &n, &buurt[bi])?;
                bi += 1;
            }
            wi += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_adds_up() {
        assert_eq!(split(10, &[1.0, 1.0, 1.0]).iter().sum::<u64>(), 10);
        assert_eq!(split(0, &[0.2, 0.8]), vec![0, 0]);
        assert_eq!(split(7, &[0.5, 0.5]).iter().sum::<u64>(), 7);
    }
}
