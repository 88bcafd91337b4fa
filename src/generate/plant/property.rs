//! The planted property patterns (lens vastgoed): a house resold five times in two years (and
//! two more three times), a holding that runs twelve businesses and bought eight properties, and
//! a legal person that bought three houses within six months of its registration.

use super::{Ctx, Found, day_between, distinct, others, single_dwellings};
use crate::generate::addresses::{Here, Tenure};
use crate::generate::businesses::{self, Spec};
use crate::generate::dates::Day;
use crate::generate::manifest::EntityRef;
use crate::generate::names;
use crate::generate::ownership::{self, Transfer};
use crate::generate::sbi;
use crate::generate::signals;

pub(super) fn quick_resale(c: &mut Ctx<'_>) -> anyhow::Result<Found> {
    let Ctx {
        state,
        layout,
        bi,
        ba,
        rng,
        entities,
        skip,
        ..
    } = c;
    let (layout, bi, ba) = (*layout, *bi, *ba);
    // One house resold five times, and two more flipped three times by the same kind of
    // circle: an ABC cluster rarely stops at one address.
    let pool = single_dwellings(ba, Some(Tenure::OwnerOccupied));
    let mut addresses = Vec::new();
    for (addr, resales) in distinct(&pool, 3, rng).into_iter().zip([5, 3, 3]) {
        let a = &ba.addrs[addr];
        let value = ownership::value_2024(layout, bi, a, rng);
        let mut chain = vec![Transfer {
            party: state.sink.natural()?,
            date: Day::ymd(2009, 5, 14),
            price: Some(ownership::price_at(value, Day::ymd(2009, 5, 14), rng)),
        }];
        let mut date = day_between(rng, Day::ymd(2022, 9, 1), Day::ymd(2022, 12, 1));
        if resales < 5 {
            date = date.plus(rng.range(200, 300));
        }
        let mut price = (value * 0.82 / 500.0).round() as i64 * 500;
        for k in 0..resales {
            let party = if k % 2 == 1 {
                let reg = date.plus(-rng.range(60, 300));
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
        addresses.push(EntityRef::address(&a.id));
        skip.push(addr);
    }
    entities.splice(0..0, addresses);
    Ok((
        "doorverkoop",
        "vastgoed",
        "Woning vijf keer doorverkocht binnen 24 maanden, telkens 12 tot 20 procent duurder, deels via kort daarvoor opgerichte BV's; twee woningen in dezelfde buurt elk drie keer.",
    ))
}

pub(super) fn property_network(c: &mut Ctx<'_>) -> anyhow::Result<Found> {
    let Ctx {
        state,
        layout,
        bi,
        ba,
        rng,
        entities,
        skip,
        ..
    } = c;
    let (layout, bi, ba) = (*layout, *bi, *ba);
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
        let b = businesses::register(state, Here { layout, bi, ba }, &spec, rng)?;
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
    Ok((
        "vastgoed-netwerk",
        "vastgoed",
        "Rechtspersoon is bestuurder van twaalf horeca-, winkel- en vastgoedbedrijven en kocht sinds 2019 acht panden in dezelfde buurt.",
    ))
}

pub(super) fn young_buyer(c: &mut Ctx<'_>) -> anyhow::Result<Found> {
    let Ctx {
        state,
        layout,
        bi,
        ba,
        rng,
        entities,
        skip,
        ..
    } = c;
    let (layout, bi, ba) = (*layout, *bi, *ba);
    let registered = day_between(rng, Day::ymd(2023, 2, 1), Day::ymd(2023, 6, 1));
    let name = format!("{} BV", names::company("Vastgoed", rng));
    let (party, _) = state.sink.legal(&name, registered)?;
    // A fresh BV rarely buys just one house: three in its first months.
    let pool = single_dwellings(ba, Some(Tenure::OwnerOccupied));
    for addr in distinct(&pool, 3, rng) {
        let a = &ba.addrs[addr];
        let value = ownership::value_2024(layout, bi, a, rng);
        let bought = registered.plus(rng.range(60, 150));
        let first = Day::ymd(rng.range(2004, 2016), rng.range(1, 12), rng.range(1, 28));
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
        skip.push(addr);
    }
    entities.push(EntityRef::party(&party));
    Ok((
        "jonge-koper",
        "vastgoed",
        "Rechtspersoon kocht drie woningen binnen zes maanden na zijn inschrijving, boven de marktwaarde.",
    ))
}
