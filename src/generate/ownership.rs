//! Ownership of the addresses of one buurt: owner-occupiers who sell every decade or so,
//! corporations that built and kept their stock, private landlords and investors. Prices follow
//! a rough Dutch house-price index and the buurt's WOZ level; every transfer is one row and the
//! previous owner's row ends on the day the next begins.

use super::addresses::{Addr, Here, Tenure};
use super::dates::{Day, reference};
use super::layout::Layout;
use super::profile;
use super::rng::Rng;
use super::state::State;

/// House-price index relative to 2024 (1.0), by year; linear in between.
const INDEX: &[(i64, f64)] = &[
    (1970, 0.10),
    (1978, 0.22),
    (1985, 0.16),
    (1990, 0.20),
    (1995, 0.25),
    (2000, 0.43),
    (2005, 0.55),
    (2008, 0.60),
    (2013, 0.50),
    (2015, 0.53),
    (2018, 0.66),
    (2020, 0.77),
    (2021, 0.90),
    (2022, 1.00),
    (2023, 0.96),
    (2024, 1.00),
    (2025, 1.02),
];

/// The price index at a date.
pub fn index_at(day: Day) -> f64 {
    let (y, m, _) = day.to_ymd();
    let t = y as f64 + (m - 1) as f64 / 12.0;
    let mut prev = INDEX[0];
    for &(yy, v) in INDEX {
        if t < yy as f64 {
            let f = (t - prev.0 as f64) / (yy - prev.0) as f64;
            return prev.1 + (v - prev.1) * f.clamp(0.0, 1.0);
        }
        prev = (yy, v);
    }
    prev.1
}

/// The 2024 market value of an address in euro.
pub fn value_2024(layout: &Layout, bi: usize, a: &Addr, rng: &mut Rng) -> f64 {
    let p = profile::of(layout.buurten[bi].kind);
    let mean_m2 = (p.dwelling_m2.0 + p.dwelling_m2.1) as f64 / 2.0;
    let size = if a.dwelling() {
        (a.surface as f64 / mean_m2).clamp(0.5, 2.0)
    } else {
        (a.surface as f64 / 150.0).clamp(0.3, 8.0)
    };
    p.woz * 1000.0 * 1.08 * size * rng.uniform(0.85, 1.15)
}

/// A price at a date for an object worth `value` in 2024, rounded to 500 euro.
pub fn price_at(value: f64, day: Day, rng: &mut Rng) -> i64 {
    let p = value * index_at(day) * rng.uniform(0.92, 1.08);
    ((p / 500.0).round() as i64) * 500
}

fn random_day(rng: &mut Rng, from: Day, to: Day) -> Day {
    Day(rng.range(from.0, to.0))
}

/// One owner in a chain.
pub struct Transfer {
    /// The buyer.
    pub party: String,
    /// The transfer date.
    pub date: Day,
    /// The price, if known.
    pub price: Option<i64>,
}

/// Writes a chain of owners of one address; each row ends where the next begins.
pub fn write_chain(state: &mut State, address: &str, chain: &[Transfer]) -> anyhow::Result<()> {
    for (i, t) in chain.iter().enumerate() {
        let ended = chain.get(i + 1).map(|n| n.date);
        state
            .sink
            .ownership(address, &t.party, t.date, ended, t.price)?;
    }
    Ok(())
}

/// Generates ownership for every address of buurt `bi` except those in `skip`.
pub fn generate(
    state: &mut State,
    here: Here<'_>,
    skip: &[usize],
    rng: &mut Rng,
) -> anyhow::Result<()> {
    let Here { layout, bi, ba } = here;
    // Small private landlords of this buurt: each owns a few rental dwellings.
    let mut landlords: Vec<String> = Vec::new();
    for (i, a) in ba.addrs.iter().enumerate() {
        if skip.contains(&i) || rng.chance(0.01) {
            continue; // a few objects have no known owner (e.g. public buildings)
        }
        let value = value_2024(layout, bi, a, rng);
        let mut chain: Vec<Transfer> = Vec::new();
        match a.tenure {
            Tenure::Corporation => {
                let corp = rng.pick(&state.gemeente.corporations).clone();
                let built = Day::ymd(rng.range(1955, 2018), rng.range(1, 12), rng.range(1, 28));
                chain.push(Transfer {
                    party: corp,
                    date: built,
                    price: None,
                });
            }
            Tenure::OwnerOccupied | Tenure::PrivateRent | Tenure::Commercial => {
                let first = Day::ymd(rng.range(1985, 2023), rng.range(1, 12), rng.range(1, 28));
                let mut date = first;
                loop {
                    let legal = match a.tenure {
                        Tenure::OwnerOccupied => false,
                        Tenure::PrivateRent => rng.chance(0.4),
                        _ => rng.chance(0.6),
                    };
                    let party = if legal {
                        rng.pick(&state.gemeente.investors).clone()
                    } else if a.tenure == Tenure::PrivateRent
                        && !landlords.is_empty()
                        && rng.chance(0.7)
                    {
                        rng.pick(&landlords).clone()
                    } else {
                        let p = state.sink.natural()?;
                        if a.tenure == Tenure::PrivateRent {
                            landlords.push(p.clone());
                        }
                        p
                    };
                    // The same owner never buys the same object twice in a row.
                    if chain.last().is_some_and(|t| t.party == party) {
                        break;
                    }
                    let price = if rng.chance(0.05) {
                        None
                    } else {
                        Some(price_at(value, date, rng))
                    };
                    chain.push(Transfer { party, date, price });
                    let years = rng.exponential(16.0);
                    let next = date.plus((years * 365.25) as i64 + 60);
                    if next.plus(30) > reference() {
                        break;
                    }
                    date = random_day(rng, next, next.plus(30));
                }
            }
        }
        write_chain(state, &a.id, &chain)?;
    }
    Ok(())
}
