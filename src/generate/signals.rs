//! Background signals of one buurt: overlast everywhere (more in the centre and in social
//! housing), a low rate of hennep and fraud signals on dwellings, money-laundering and Bibob
//! signals on businesses, now and then a dumping in the buitengebied. Planted patterns add
//! their own on top; these keep the rest of the map noisy and realistic.

use super::addresses::Here;
use super::businesses::Biz;
use super::dates::{Day, reference, signals_start};
use super::layout::Kind;
use super::rng::Rng;
use super::sbi::BRANCHES;
use super::sink::SignalRow;
use super::state::State;

/// The fixed wording and source of each signal kind.
pub fn text_of(kind: &str) -> &'static str {
    match kind {
        "hennep_ontmanteld" => "Hennepkwekerij aangetroffen en ontmanteld",
        "hennep_vermoeden" => "Melding vermoeden hennepteelt",
        "drugslab" => "Productielocatie synthetische drugs aangetroffen",
        "drugsdumping" => "Dumping van drugsafval aangetroffen",
        "stroomdiefstal" => "Illegale aansluiting of afwijkend stroomverbruik",
        "overlast" => "Melding overlast",
        "witwassen_vermoeden" => "Melding ongebruikelijke transacties",
        "mensenhandel_vermoeden" => "Signaal mogelijke uitbuiting",
        "bibob" => "Bibob-onderzoek bij vergunningaanvraag",
        "huisvesting_fraude" => "Vermoeden onrechtmatige bewoning",
        "adresfraude" => "Inschrijving wijkt af van feitelijke bewoning",
        "sluiting" => "Pand gesloten op last van de burgemeester",
        _ => "Signaal",
    }
}

fn source_of(kind: &str, rng: &mut Rng) -> &'static str {
    match kind {
        "hennep_ontmanteld" | "hennep_vermoeden" | "drugslab" => "politie",
        "stroomdiefstal" => "netbeheerder",
        "overlast" | "drugsdumping" => {
            if rng.chance(0.5) {
                "gemeente"
            } else {
                "politie"
            }
        }
        "witwassen_vermoeden" => {
            if rng.chance(0.6) {
                "mma"
            } else {
                "belastingdienst"
            }
        }
        "mensenhandel_vermoeden" => {
            if rng.chance(0.5) {
                "toezicht"
            } else {
                "politie"
            }
        }
        _ => "gemeente",
    }
}

fn phase_of(kind: &str, rng: &mut Rng) -> &'static str {
    match kind {
        "hennep_ontmanteld" | "drugslab" | "sluiting" => "afgerond",
        _ => ["melding", "melding", "onderzoek", "afgerond"][rng.below(4)],
    }
}

/// A date in the signal window.
pub fn signal_day(rng: &mut Rng) -> Day {
    Day(rng.range(signals_start().0, reference().0))
}

/// Writes one signal with drawn source, phase and weight; returns its id.
pub fn emit(
    state: &mut State,
    kind: &str,
    entity_kind: &str,
    entity_id: &str,
    date: Day,
    rng: &mut Rng,
) -> anyhow::Result<String> {
    let weight = if rng.chance(0.1) {
        None
    } else {
        Some((rng.uniform(1.0, 5.0) * 10.0).round() / 10.0)
    };
    let source = source_of(kind, rng);
    let phase = phase_of(kind, rng);
    state.sink.signal(&SignalRow {
        source,
        kind,
        date,
        entity_kind,
        entity_id,
        weight,
        phase,
        text: text_of(kind),
    })
}

/// Rates per dwelling of the address signals, by kind of area.
fn dwelling_rates(kind: Kind) -> [(&'static str, f64); 7] {
    let (overlast, hennep, fraude) = match kind {
        Kind::Binnenstad => (0.12, 0.8, 1.2),
        Kind::Sociaal => (0.09, 1.3, 1.6),
        Kind::Woonwijk | Kind::Dorp => (0.045, 1.0, 0.8),
        Kind::Villawijk => (0.02, 0.4, 0.3),
        Kind::Buitengebied => (0.03, 1.6, 0.5),
        Kind::Bedrijventerrein => (0.05, 1.0, 1.0),
        Kind::Vakantiepark => (0.05, 1.0, 2.0),
    };
    [
        ("overlast", overlast),
        ("hennep_vermoeden", 0.003 * hennep),
        ("hennep_ontmanteld", 0.0008 * hennep),
        ("stroomdiefstal", 0.0006 * hennep),
        ("huisvesting_fraude", 0.004 * fraude),
        ("adresfraude", 0.004 * fraude),
        ("sluiting", 0.0002 * hennep),
    ]
}

/// Writes the background signals of buurt `bi`.
pub fn generate(
    state: &mut State,
    here: Here<'_>,
    bizs: &[Biz],
    rng: &mut Rng,
) -> anyhow::Result<()> {
    let ba = here.ba;
    let buurt = here.buurt();
    let rates = dwelling_rates(buurt.kind);
    for a in &ba.addrs {
        if a.dwelling() {
            for (kind, rate) in rates {
                for _ in 0..rng.poisson(rate * state.signal_factor) {
                    let d = signal_day(rng);
                    emit(state, kind, "address", &a.id, d, rng)?;
                }
            }
        } else {
            let lab = match buurt.kind {
                Kind::Buitengebied | Kind::Bedrijventerrein => 0.0004,
                _ => 0.0,
            };
            for (kind, rate) in [("overlast", 0.03), ("drugslab", lab), ("sluiting", 0.001)] {
                for _ in 0..rng.poisson(rate * state.signal_factor) {
                    let d = signal_day(rng);
                    emit(state, kind, "address", &a.id, d, rng)?;
                }
            }
        }
    }
    for b in bizs {
        let branch = &BRANCHES[b.branch];
        let horeca = branch.code.starts_with("56");
        let risk = if branch.risk { 3.0 } else { 1.0 };
        let exploit = matches!(branch.code, "96022" | "45205" | "78201" | "78202");
        let list = [
            ("witwassen_vermoeden", 0.006 * risk),
            ("bibob", if horeca { 0.06 } else { 0.0 }),
            ("overlast", if horeca { 0.15 } else { 0.0 }),
            ("sluiting", if horeca { 0.01 } else { 0.0 }),
            ("mensenhandel_vermoeden", if exploit { 0.02 } else { 0.0 }),
        ];
        for (kind, rate) in list {
            for _ in 0..rng.poisson(rate * state.signal_factor) {
                let d = signal_day(rng);
                emit(state, kind, "business", &b.vestiging, d, rng)?;
            }
        }
    }
    let (area_overlast, dumping) = match buurt.kind {
        Kind::Binnenstad => (1.5, 0.0),
        Kind::Buitengebied => (0.2, 0.12),
        Kind::Bedrijventerrein => (0.4, 0.05),
        _ => (0.3, 0.0),
    };
    for (kind, rate) in [("overlast", area_overlast), ("drugsdumping", dumping)] {
        for _ in 0..rng.poisson(rate * state.signal_factor) {
            let d = signal_day(rng);
            emit(state, kind, "area", &buurt.code, d, rng)?;
        }
    }
    Ok(())
}
