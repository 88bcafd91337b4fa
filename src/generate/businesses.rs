//! The businesses (KvK vestigingen) of one buurt with their legal persons and roles: a mix of
//! branches that fits the kind of area, home-based zzp'ers in residential areas, chain stores
//! sharing one KvK number across buurten, and a realistic spread of start and end dates.

use super::addresses::{Addr, Here};
use super::dates::{Day, reference};
use super::layout::{Kind, Layout};
use super::names;
use super::profile;
use super::rng::Rng;
use super::sbi::{self, BRANCHES, Branch, Place};
use super::sink::BusinessRow;
use super::state::{Chain, State};

/// A business as later steps (signals, planted patterns) need it.
#[derive(Debug, Clone)]
pub struct Biz {
    /// Vestigingsnummer.
    pub vestiging: String,
    /// Branch index into [`BRANCHES`].
    pub branch: usize,
}

/// What to register: everything not given is drawn at random.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    /// Branch index.
    pub branch: usize,
    /// Address index in the buurt.
    pub addr: usize,
    /// Registration date.
    pub registered: Option<Day>,
    /// End date (`Some(None)` forces active).
    pub ended: Option<Option<Day>>,
    /// Legal form.
    pub legal_form: Option<&'static str>,
    /// A party that gets the main role (eigenaar or bestuurder) instead of a fresh one.
    pub party: Option<String>,
    /// Never join a chain.
    pub independent: bool,
}

fn legal_form(branch: &Branch, index: usize, rng: &mut Rng) -> &'static str {
    match index {
        49 | 51 | 52 | 63 => return "BV",
        72 => return "Stichting",
        69 if rng.chance(0.4) => return "Stichting",
        _ => {}
    }
    let (forms, w): (&[&'static str], [f64; 3]) = match branch.place {
        Place::Home => (&["Eenmanszaak", "BV", "VOF"], [0.82, 0.12, 0.06]),
        Place::Shop => (&["Eenmanszaak", "BV", "VOF"], [0.45, 0.35, 0.2]),
        Place::Office => (&["Eenmanszaak", "BV", "VOF"], [0.3, 0.6, 0.1]),
        Place::Work => (&["Eenmanszaak", "BV", "VOF"], [0.2, 0.7, 0.1]),
        Place::Farm => (&["Eenmanszaak", "BV", "VOF"], [0.35, 0.2, 0.45]),
        Place::Park => (&["BV", "BV", "BV"], [1.0, 0.0, 0.0]),
    };
    forms[rng.weighted(&w)]
}

fn chain_share(index: usize) -> f64 {
    match index {
        24 => 0.75,
        25 => 0.6,
        32 | 71 | 62 => 0.35,
        53 | 69 | 40 => 0.25,
        6 | 36 | 16 => 0.1,
        _ => 0.0,
    }
}

/// A registration date: most businesses are young, some decades old.
pub fn random_registered(rng: &mut Rng) -> Day {
    let years = rng.exponential(8.0).min(45.0);
    reference().plus(-((years * 365.25) as i64) - 1)
}

/// Registers one business: KvK (fresh or chain), roles and parties, and the business row.
pub fn register(
    state: &mut State,
    here: Here<'_>,
    spec: &Spec,
    rng: &mut Rng,
) -> anyhow::Result<Biz> {
    let Here { layout, bi, ba } = here;
    let branch = &BRANCHES[spec.branch];
    let registered = spec.registered.unwrap_or_else(|| random_registered(rng));
    let ended = match spec.ended {
        Some(e) => e,
        None if rng.chance(0.12) => {
            let span = (reference().0 - registered.0).max(2);
            Some(registered.plus(rng.range(30.min(span - 1), span - 1)))
        }
        None => None,
    };
    let chain = if spec.independent || !rng.chance(chain_share(spec.branch)) {
        None
    } else {
        Some(chain_for(state, spec.branch, layout, rng)?)
    };
    let (kvk, name, form) = match chain {
        Some(c) => (c.kvk, c.name, "BV"),
        None => {
            let form = spec
                .legal_form
                .unwrap_or_else(|| legal_form(branch, spec.branch, rng));
            let kvk = state.sink.new_kvk();
            let name = trade_name(branch, spec.branch, form, &here.buurt().name, rng);
            let roles_of = Roles {
                kvk: &kvk,
                form,
                registered,
                ended,
                main: spec.party.as_deref(),
            };
            roles(state, &roles_of, rng)?;
            (kvk, name, form)
        }
    };
    let vestiging = state.sink.new_vestiging();
    let addr: &Addr = &ba.addrs[spec.addr];
    let employees = rng.range(branch.employees.0, branch.employees.1);
    state.sink.business(&BusinessRow {
        vestiging: &vestiging,
        kvk: &kvk,
        name: &name,
        sbi: branch.code,
        legal_form: form,
        address: &addr.id,
        registered,
        ended,
        employees,
    })?;
    if ended.is_none() {
        let group = section_group(sbi::section(branch.code).unwrap_or("S"));
        state.stats[bi].businesses[group] += 1;
    }
    Ok(Biz {
        vestiging,
        branch: spec.branch,
    })
}

fn trade_name(branch: &Branch, index: usize, form: &str, buurt: &str, rng: &mut Rng) -> String {
    let base = match index {
        49 => format!("{} Holding", names::firm("", rng).trim()),
        72 => format!("Stichting {buurt}"),
        _ => names::firm(branch.word, rng),
    };
    match form {
        "BV" if !base.ends_with(" BV") => format!("{base} BV"),
        "VOF" if rng.chance(0.5) => format!("{base} V.O.F."),
        _ => base,
    }
}

fn chain_for(
    state: &mut State,
    branch: usize,
    layout: &Layout,
    rng: &mut Rng,
) -> anyhow::Result<Chain> {
    let existing: Vec<usize> = (0..state.chains.len())
        .filter(|i| state.chains[*i].branch == branch)
        .collect();
    if existing.len() >= 3 || (!existing.is_empty() && rng.chance(0.8)) {
        return Ok(state.chains[*rng.pick(&existing)].clone());
    }
    let kvk = state.sink.new_kvk();
    let name = format!("{} {} BV", BRANCHES[branch].word, names::place_word(rng));
    let registered = Day::ymd(rng.range(1970, 2005), rng.range(1, 12), rng.range(1, 28));
    for _ in 0..rng.range(2, 3) {
        let p = state.sink.natural()?;
        let start = registered.plus(rng.range(0, 6000)).min(reference());
        state.sink.role(&p, &kvk, "bestuurder", start, None)?;
    }
    let _ = layout;
    let chain = Chain { branch, kvk, name };
    state.chains.push(chain.clone());
    Ok(chain)
}

/// The roles to write for a fresh KvK number.
struct Roles<'a> {
    kvk: &'a str,
    form: &'a str,
    registered: Day,
    ended: Option<Day>,
    /// A given party for the main role (otherwise a fresh one).
    main: Option<&'a str>,
}

/// Writes the roles (and the parties holding them) for a fresh KvK number.
fn roles(state: &mut State, r: &Roles<'_>, rng: &mut Rng) -> anyhow::Result<()> {
    let Roles {
        kvk,
        form,
        registered,
        ended,
        main,
    } = *r;
    let main_role = match form {
        "Eenmanszaak" => "eigenaar",
        "VOF" => "vennoot",
        _ => "bestuurder",
    };
    let first = match main {
        Some(p) => p.to_owned(),
        None if form == "BV" && rng.chance(0.35) => {
            let reg = registered.plus(-rng.range(30, 4000));
            let name = format!("{} BV", names::company("Holding", rng));
            state.sink.legal(&name, reg)?.0
        }
        None => state.sink.natural()?,
    };
    // A BV may have had an earlier bestuurder who stepped down.
    if form == "BV" && main.is_none() && rng.chance(0.2) {
        let span = (ended.unwrap_or(reference()).0 - registered.0).max(2);
        let switch = registered.plus(rng.range(1, span - 1));
        let earlier = state.sink.natural()?;
        state
            .sink
            .role(&earlier, kvk, main_role, registered, Some(switch))?;
        state.sink.role(&first, kvk, main_role, switch, ended)?;
    } else {
        state.sink.role(&first, kvk, main_role, registered, ended)?;
    }
    let extra = match form {
        "VOF" => 1,
        "Stichting" => rng.range(1, 2),
        _ => 0,
    };
    for _ in 0..extra {
        let p = state.sink.natural()?;
        state.sink.role(&p, kvk, main_role, registered, ended)?;
    }
    if rng.chance(0.05) {
        let p = state.sink.natural()?;
        state
            .sink
            .role(&p, kvk, "gevolmachtigde", registered, ended)?;
    }
    Ok(())
}

/// The KWB section group (a, bf, gi, hj, kl, mn, oq, ru) of an SBI section letter.
pub fn section_group(section: &str) -> usize {
    match section {
        "A" => 0,
        "B" | "C" | "D" | "E" | "F" => 1,
        "G" | "I" => 2,
        "H" | "J" => 3,
        "K" | "L" => 4,
        "M" | "N" => 5,
        "O" | "P" | "Q" => 6,
        _ => 7,
    }
}

/// Generates the ordinary businesses of buurt `bi`.
pub fn generate(state: &mut State, here: Here<'_>, rng: &mut Rng) -> anyhow::Result<Vec<Biz>> {
    let ba = here.ba;
    let kind = here.buurt().kind;
    let p = profile::of(kind);
    let dwellings: Vec<usize> = (0..ba.addrs.len())
        .filter(|i| ba.addrs[*i].dwelling())
        .collect();
    let others: Vec<usize> = (0..ba.addrs.len())
        .filter(|i| !ba.addrs[*i].dwelling())
        .collect();
    let f = state.business_factor;
    let n_home =
        (dwellings.len() as f64 * p.home_business * f * rng.uniform(0.8, 1.2)).round() as usize;
    let n_other =
        (others.len() as f64 * p.business_per_other * f * rng.uniform(0.85, 1.15)).round() as usize;
    let mix: &[(usize, f64)] = match kind {
        Kind::Binnenstad => sbi::CENTRE_MIX,
        Kind::Bedrijventerrein => sbi::WORK_MIX,
        Kind::Buitengebied => sbi::RURAL_MIX,
        Kind::Vakantiepark => &[(sbi::PARK_BRANCH, 1.0)],
        _ => sbi::RESIDENTIAL_MIX,
    };
    let home_w: Vec<f64> = sbi::HOME_MIX.iter().map(|m| m.1).collect();
    let mix_w: Vec<f64> = mix.iter().map(|m| m.1).collect();
    let mut out = Vec::with_capacity(n_home + n_other);
    if dwellings.is_empty() && others.is_empty() {
        return Ok(out);
    }
    for i in 0..n_home + n_other.max(usize::from(kind == Kind::Vakantiepark)) {
        let branch = if i < n_home {
            sbi::HOME_MIX[rng.weighted(&home_w)].0
        } else {
            mix[rng.weighted(&mix_w)].0
        };
        let at_home = matches!(BRANCHES[branch].place, Place::Home | Place::Farm);
        let pool = if (at_home && !dwellings.is_empty()) || others.is_empty() {
            &dwellings
        } else {
            &others
        };
        let addr = *rng.pick(pool);
        let spec = Spec {
            branch,
            addr,
            ..Spec::default()
        };
        out.push(register(state, here, &spec, rng)?);
    }
    Ok(out)
}
