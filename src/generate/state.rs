//! What the generator carries from one buurt to the next: the open files, the current
//! gemeente's counters and owner pools, chain companies, per-buurt statistics and the planted
//! patterns found so far. Everything here is small (bounded by the number of areas), so memory
//! stays flat however many addresses are written.

use std::collections::HashSet;

use super::dates::Day;
use super::layout::Layout;
use super::manifest::Pattern;
use super::names;
use super::rng::Rng;
use super::sink::Sink;

/// Counts per buurt that cbs.csv needs, gathered while the entities are written.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuurtStats {
    /// Registered residents.
    pub inhabitants: u64,
    /// Addresses of any kind.
    pub addresses: u64,
    /// Dwellings (woonfunctie).
    pub dwellings: u64,
    /// Dwellings with residents (households).
    pub households: u64,
    /// Dwellings with exactly one resident.
    pub single: u64,
    /// Dwellings without residents.
    pub vacant: u64,
    /// Owner-occupied dwellings.
    pub owner_occupied: u64,
    /// Dwellings owned by a housing corporation.
    pub corporation: u64,
    /// Active businesses per KWB section group: a, bf, gi, hj, kl, mn, oq, ru.
    pub businesses: [u64; 8],
}

/// The owner pools of one gemeente.
#[derive(Debug, Default)]
pub struct GemeenteState {
    /// Index of the gemeente these belong to.
    pub index: usize,
    /// Next nummeraanduiding / verblijfsobject sequence number.
    pub next_address: u64,
    /// Street names used so far (kept distinct within the gemeente).
    pub streets: HashSet<String>,
    /// Housing corporations (party ids).
    pub corporations: Vec<String>,
    /// Property investors: legal persons owning rental dwellings and commercial property.
    pub investors: Vec<String>,
}

/// A chain company: one KvK number with establishments in many buurten.
#[derive(Debug, Clone)]
pub struct Chain {
    /// Branch index.
    pub branch: usize,
    /// KvK number.
    pub kvk: String,
    /// Trade name.
    pub name: String,
}

/// The generator's running state.
pub struct State {
    /// The seed.
    pub seed: u64,
    /// The open files.
    pub sink: Sink,
    /// The current gemeente's pools.
    pub gemeente: GemeenteState,
    /// Postcode letter-pair counters per wijk.
    pub pc_pairs: Vec<u32>,
    /// Chain companies created so far.
    pub chains: Vec<Chain>,
    /// Statistics per buurt (index as in the layout).
    pub stats: Vec<BuurtStats>,
    /// Planted patterns recorded so far.
    pub planted: Vec<Pattern>,
    /// Multiplier on business density (national KvK has more registrations per address).
    pub business_factor: f64,
    /// Multiplier on background signal rates.
    pub signal_factor: f64,
}

impl State {
    /// A fresh state for a layout.
    pub fn new(seed: u64, sink: Sink, layout: &Layout) -> Self {
        State {
            seed,
            sink,
            gemeente: GemeenteState {
                index: usize::MAX,
                ..GemeenteState::default()
            },
            pc_pairs: vec![0; layout.wijken.len()],
            chains: Vec::new(),
            stats: vec![BuurtStats::default(); layout.buurten.len()],
            planted: Vec::new(),
            business_factor: 1.0,
            signal_factor: 1.0,
        }
    }

    /// Switches to gemeente `g` when a buurt of a new gemeente starts: new address sequence,
    /// new corporations and investors (written to parties.csv).
    pub fn enter_gemeente(
        &mut self,
        g: usize,
        layout: &Layout,
        buurten: usize,
    ) -> anyhow::Result<()> {
        if self.gemeente.index == g {
            return Ok(());
        }
        let mut rng = Rng::for_stream(self.seed, 0x6E3E, g as u64);
        let gname = &layout.gemeenten[g].name;
        let mut st = GemeenteState {
            index: g,
            next_address: 0,
            ..GemeenteState::default()
        };
        let n_corp = 1 + usize::from(buurten > 15) + usize::from(buurten > 80);
        for i in 0..n_corp {
            let name = match i {
                0 => format!("Woonstichting {gname}"),
                1 => format!("Woningcorporatie {}", names::place_word(&mut rng)),
                _ => format!("Wooncoöperatie {}", names::place_word(&mut rng)),
            };
            let reg = Day::ymd(rng.range(1950, 1998), rng.range(1, 12), rng.range(1, 28));
            let (id, _) = self.sink.legal(&name, reg)?;
            st.corporations.push(id);
        }
        let n_inv = 3 + buurten / 3;
        for _ in 0..n_inv {
            let name = format!("{} BV", names::company("", &mut rng).trim_end());
            let reg = Day::ymd(rng.range(1985, 2020), rng.range(1, 12), rng.range(1, 28));
            let (id, _) = self.sink.legal(&name, reg)?;
            st.investors.push(id);
        }
        self.gemeente = st;
        Ok(())
    }
}
