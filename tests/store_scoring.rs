//! The store's indicator queries and flags on a tiny hand-computed database, through to
//! scores: counts per buurt, absent data as `None`, a flag with its evidence, the score order,
//! wijk aggregation, lens values as bound parameters (a hostile value is data), and every
//! shipped lens scoring a small database without error.

use schouw::lens::{
    self, CountSpec, Lens, LensSource, Origin, Quantity, RefDate, Rule, SignalFilter,
    ValidateOptions,
};
use schouw::model::{
    Address, Area, AreaCode, AreaLevel, BagId, Business, EntityKind, KvkNummer, SbiCode, Signal,
    StatValue, Vestigingsnummer,
};
use schouw::score::{ScoreOptions, score_lens};
use schouw::store::{IndicatorOptions, SourceMeta, Store};

fn lens_from(text: &str) -> Lens {
    let c = lens::check(
        &LensSource {
            text,
            file: "proef.toml",
            stem: "proef",
            origin: Origin::Embedded,
        },
        &ValidateOptions::default(),
    );
    c.lens.unwrap_or_else(|| panic!("{:#?}", c.problems))
}

/// Four buurten of one wijk, compared with each other, three indicators of weight 1.
const LENS: &str = r#"
id = "proef"
name = "Proeflens"
description = "Alleen voor tests: patroon, geen bewijs."
level = "buurt"
compare_within = "all"
min_population = 0
version = 1

[[indicator]]
id = "kwekerijen"
label = "Ontmantelde kwekerijen, 3 jaar, per 1.000 woningen"
count = { entity = "signal", kind = ["hennep_ontmanteld"], since_months = 36 }
per = { stat = "a_woning" }
scale = 1000
direction = "higher_is_riskier"
weight = 1

[[indicator]]
id = "bedrijven"
label = "Actieve vestigingen"
count = { entity = "business", active = true }
direction = "higher_is_riskier"
weight = 1

[[indicator]]
id = "veel_kvk"
label = "Adressen met 3+ KvK-nummers"
flagged = "veel_kvk"
direction = "higher_is_riskier"
weight = 1

[[flag]]
id = "veel_kvk"
label = "3 of meer KvK-nummers op één adres"
rule = { businesses_at_address = { min = 3 } }

[[flag]]
id = "overbewoning"
label = "Meer dan 1 ingeschrevene per 12 m²"
rule = { residents_per_m2 = { above = 0.0833 } }

[[flag]]
id = "beide"
label = "Veel KvK-nummers en overbewoning"
rule = { all = [{ businesses_at_address = { min = 3 } }, { residents_per_m2 = { above = 0.0833 } }] }
"#;

const GM: &str = "GM9901";
const WK: &str = "WK990100";
const BU: [&str; 4] = ["BU99010001", "BU99010002", "BU99010003", "BU99010004"];

fn code(s: &str) -> AreaCode {
    AreaCode::parse(s).unwrap()
}

fn bag(n: u32) -> BagId {
    BagId::parse(&format!("99012000000000{n:02}")).unwrap()
}

fn address(n: u32, buurt: &str, uses: &str, surface: f64, residents: i64) -> Address {
    Address {
        id: bag(n),
        object_id: None,
        street: "Proefstraat".into(),
        number: i64::from(n),
        letter: None,
        addition: None,
        postcode: None,
        city: None,
        buurt: Some(code(buurt)),
        uses: Some(uses.into()),
        surface_m2: Some(surface),
        residents: Some(residents),
    }
}

fn business(
    n: u32,
    kvk: u32,
    sbi: &str,
    at: u32,
    registered: &str,
    ended: Option<&str>,
) -> Business {
    Business {
        vestigingsnummer: Vestigingsnummer::parse(&format!("{n:012}")).unwrap(),
        kvk: KvkNummer::parse(&format!("{kvk:08}")).unwrap(),
        name: format!("Bedrijf {n}"),
        sbi: Some(SbiCode::parse(sbi).unwrap()),
        legal_form: Some("Eenmanszaak".into()),
        address: Some(bag(at)),
        registered: Some(registered.into()),
        ended: ended.map(str::to_owned),
        employees: Some(1),
    }
}

fn signal(id: &str, kind: &str, date: &str, entity: EntityKind, entity_id: &str) -> Signal {
    Signal {
        id: id.into(),
        source: "politie".into(),
        kind: kind.into(),
        date: date.into(),
        entity_kind: entity,
        entity_id: entity_id.into(),
        weight: None,
        phase: None,
        text: None,
    }
}

/// The fixture, with the numbers the tests check:
///
/// | buurt | a_woning | kwekerij-signalen (36 mnd tot 2024-06-30) | actieve vestigingen | adressen met 3+ KvK |
/// |-------|---------:|------------------------------------------:|--------------------:|--------------------:|
/// | 0001  | 1000     | 2 (op adres 1)                            | 3 (op adres 1)      | 1                   |
/// | 0002  | 500      | 0 (één van 2020, buiten het venster)      | 1                   | 0                   |
/// | 0003  | 2000     | 0 (één ander soort)                       | 0 (één beëindigd)   | 0                   |
/// | 0004  | 400      | 1 (over de buurt zelf)                    | 0 (geen adressen)   | 0                   |
fn fixture(with_signals: bool) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut tx = store
        .begin_import(&SourceMeta {
            kind: "fixture".into(),
            name: "fixture.csv".into(),
            sha256: "fixture".into(),
            options: String::new(),
            imported_by: "test".into(),
            imported_at: "2026-01-01T00:00:00Z".into(),
        })
        .unwrap();
    let mut line = 1;
    let mut next = || {
        line += 1;
        line
    };
    let area = |c: &str, level, parent: Option<&str>| Area {
        code: code(c),
        level,
        name: format!("Gebied {c}"),
        parent: parent.map(code),
        year: 2024,
    };
    tx.put_area(&area(GM, AreaLevel::Gemeente, None), next())
        .unwrap();
    tx.put_area(&area(WK, AreaLevel::Wijk, Some(GM)), next())
        .unwrap();
    for b in BU {
        tx.put_area(&area(b, AreaLevel::Buurt, Some(WK)), next())
            .unwrap();
    }
    let woningen = [1000.0, 500.0, 2000.0, 400.0];
    for (b, w) in BU.iter().zip(woningen) {
        for (key, value) in [("a_woning", w), ("a_inw", w * 2.0), ("ste_mvs", 2.0)] {
            tx.put_stat(
                &StatValue {
                    area: code(b),
                    year: 2024,
                    key: key.into(),
                    value: Some(value),
                },
                next(),
            )
            .unwrap();
        }
    }
    for a in [
        address(1, BU[0], "woonfunctie", 60.0, 14),
        address(2, BU[0], "woonfunctie", 100.0, 2),
        address(3, BU[1], "woonfunctie,winkelfunctie", 120.0, 1),
        address(4, BU[2], "woonfunctie", 80.0, 0),
    ] {
        tx.put_address(&a, next()).unwrap();
    }
    for b in [
        business(1, 11, "5610", 1, "2020-01-01", None),
        business(2, 12, "4711", 1, "2021-01-01", None),
        business(3, 13, "9602", 1, "2023-05-01", None),
        business(4, 14, "5610", 3, "2019-01-01", None),
        business(5, 15, "5610", 4, "2018-01-01", Some("2023-01-01")),
    ] {
        tx.put_business(&b, next()).unwrap();
    }
    if with_signals {
        let a1 = bag(1).as_str().to_owned();
        for s in [
            signal(
                "S1",
                "hennep_ontmanteld",
                "2024-05-01",
                EntityKind::Address,
                &a1,
            ),
            signal(
                "S2",
                "hennep_ontmanteld",
                "2024-01-10",
                EntityKind::Address,
                &a1,
            ),
            signal(
                "S3",
                "hennep_ontmanteld",
                "2020-01-01",
                EntityKind::Address,
                bag(3).as_str(),
            ),
            signal(
                "S4",
                "overlast",
                "2024-02-01",
                EntityKind::Address,
                bag(4).as_str(),
            ),
            signal(
                "S5",
                "hennep_ontmanteld",
                "2024-03-01",
                EntityKind::Area,
                BU[3],
            ),
            signal(
                "S6",
                "x') OR 1=1 --",
                "2024-03-01",
                EntityKind::Address,
                bag(2).as_str(),
            ),
        ] {
            tx.put_signal(&s, next()).unwrap();
        }
    }
    tx.commit(20).unwrap();
    store
}

fn options(level: AreaLevel) -> IndicatorOptions {
    IndicatorOptions {
        level,
        year: None,
        reference: RefDate::parse("2024-06-30").unwrap(),
        within: None,
    }
}

fn col(data: &schouw::store::IndicatorData, lens: &Lens, q: &Quantity) -> Vec<Option<f64>> {
    data.quantity(lens, q)
        .map(<[_]>::to_vec)
        .unwrap_or_default()
}

#[test]
fn counts_flags_and_scores_on_a_hand_computed_fixture() {
    let store = fixture(true);
    let lens = lens_from(LENS);
    // Default peildatum: the newest date in the data (signal S1, 2024-05-01), not today.
    assert_eq!(
        store
            .default_reference_date(RefDate::parse("2026-01-01").unwrap())
            .unwrap()
            .iso(),
        "2024-05-01"
    );
    let data = store
        .indicator_data(&[&lens], &options(AreaLevel::Buurt))
        .unwrap();
    assert_eq!(data.year, 2024);
    let codes: Vec<&str> = data.areas.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, BU);
    let ind = &lens.indicators;
    assert_eq!(
        col(&data, &lens, &ind[0].numerator),
        [Some(2.0), Some(0.0), Some(0.0), Some(1.0)]
    );
    assert_eq!(
        col(&data, &lens, ind[0].denominator.as_ref().unwrap()),
        [Some(1000.0), Some(500.0), Some(2000.0), Some(400.0)]
    );
    assert_eq!(
        col(&data, &lens, &ind[1].numerator),
        [Some(3.0), Some(1.0), Some(0.0), Some(0.0)]
    );
    assert_eq!(
        col(&data, &lens, &ind[2].numerator),
        [Some(1.0), Some(0.0), Some(0.0), Some(0.0)]
    );
    assert!(data.missing(&lens).is_empty(), "{:?}", data.missing(&lens));
    assert_eq!(data.areas[0].population, Some(2000.0));
    assert_eq!(data.areas[0].ste_mvs, Some(2));

    // Flags with their evidence.
    let flags = store
        .lens_flags(&lens, RefDate::parse("2024-06-30").unwrap())
        .unwrap();
    let by = |f: &str| flags.iter().filter(|e| &*e.flag == f).collect::<Vec<_>>();
    let veel = by("veel_kvk");
    assert_eq!(veel.len(), 1);
    assert_eq!(veel[0].id, bag(1).as_str());
    assert_eq!(veel[0].buurten, [BU[0]]);
    assert_eq!(
        veel[0].evidence,
        ["3 KvK-nummers met een actieve vestiging op dit adres"]
    );
    let over = by("overbewoning");
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].evidence, ["14 ingeschrevenen op 60 m²"]);
    let beide = by("beide");
    assert_eq!(beide.len(), 1);
    assert_eq!(beide[0].evidence.len(), 2);

    // Scores, percentile within all four (ties share their mean rank):
    // kwekerijen per 1000: 2, 0, 0, 2.5 → 66.67, 16.67, 16.67, 100
    // bedrijven:           3, 1, 0, 0   → 100, 66.67, 16.67, 16.67
    // veel_kvk:            1, 0, 0, 0   → 100, 33.33, 33.33, 33.33
    // composite (mean):    88.89, 38.89, 22.22, 50.0 → order 0001, 0004, 0002, 0003
    let (prepared, scores) =
        score_lens(&lens, data.inputs(&lens), &ScoreOptions::at(data.reference)).unwrap();
    let order: Vec<&str> = scores
        .ranking
        .iter()
        .map(|&a| prepared.areas[a].input.code.as_str())
        .collect();
    assert_eq!(order, [BU[0], BU[3], BU[1], BU[2]]);
    let composite = |i: usize| scores.areas[i].composite.unwrap();
    assert!((composite(0) - 88.888_889).abs() < 1e-5);
    assert!((composite(3) - 50.0).abs() < 1e-9);
    assert!((composite(1) - 38.888_889).abs() < 1e-5);
    assert!((composite(2) - 22.222_222).abs() < 1e-5);
}

#[test]
fn wijk_and_gemeente_add_up_buurt_counts() {
    let store = fixture(true);
    let mut lens = lens_from(LENS);
    for level in [AreaLevel::Wijk, AreaLevel::Gemeente] {
        lens.level = level;
        let data = store.indicator_data(&[&lens], &options(level)).unwrap();
        assert_eq!(data.areas.len(), 1);
        // 2 + 0 + 0 + 1 signals; 3 + 1 active businesses; one flagged address.
        assert_eq!(
            col(&data, &lens, &lens.indicators[0].numerator),
            [Some(3.0)]
        );
        assert_eq!(
            col(&data, &lens, &lens.indicators[1].numerator),
            [Some(4.0)]
        );
        assert_eq!(
            col(&data, &lens, &lens.indicators[2].numerator),
            [Some(1.0)]
        );
        // No statistics were stored at this level: absent, not zero.
        assert_eq!(
            col(
                &data,
                &lens,
                lens.indicators[0].denominator.as_ref().unwrap()
            ),
            [None]
        );
    }
}

#[test]
fn absent_tables_give_absent_counts_not_zeros() {
    let store = fixture(false);
    let lens = lens_from(LENS);
    let data = store
        .indicator_data(&[&lens], &options(AreaLevel::Buurt))
        .unwrap();
    assert_eq!(
        col(&data, &lens, &lens.indicators[0].numerator),
        [None, None, None, None]
    );
    // Businesses do have data: a buurt without any is 0.
    assert_eq!(
        col(&data, &lens, &lens.indicators[1].numerator)[3],
        Some(0.0)
    );
    let missing = data.missing(&lens);
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].indicator, "kwekerijen");
    assert!(missing[0].what.contains("signalen"), "{:?}", missing);
    let (_, scores) =
        score_lens(&lens, data.inputs(&lens), &ScoreOptions::at(data.reference)).unwrap();
    assert!((scores.areas[0].coverage - 2.0 / 3.0).abs() < 1e-9);
}

#[test]
fn hostile_lens_values_are_bound_as_data() {
    let store = fixture(true);
    let mut lens = lens_from(LENS);
    let hostile = "x') OR 1=1 --".to_owned();
    lens.indicators[0].numerator = Quantity::Count(CountSpec::Signal(SignalFilter {
        kinds: vec![hostile.clone()],
        sources: vec!["politie' OR '1'='1".into(), "politie".into()],
        since: None,
    }));
    if let Quantity::Count(CountSpec::Business(f)) = &mut lens.indicators[1].numerator {
        f.sbi_prefixes = vec!["5' OR '1'='1".into(), "%".into()];
        f.address_uses = vec!["woonfunctie' OR 1=1 --".into()];
    }
    lens.flags[0].rule = Rule::Signals {
        subject: lens::Subject::Address,
        min: 1,
        kinds: vec![hostile.clone()],
        sources: vec![],
        within: None,
    };
    let data = store
        .indicator_data(&[&lens], &options(AreaLevel::Buurt))
        .unwrap();
    // Only S6, whose kind is literally the hostile text, about address 2 in buurt 0001.
    assert_eq!(
        col(&data, &lens, &lens.indicators[0].numerator),
        [Some(1.0), Some(0.0), Some(0.0), Some(0.0)]
    );
    // No SBI code starts with those texts, and no address has such a use.
    assert_eq!(
        col(&data, &lens, &lens.indicators[1].numerator),
        [Some(0.0); 4]
    );
    let flagged = store
        .flag_entities(&lens.flags[0], RefDate::parse("2024-06-30").unwrap())
        .unwrap();
    assert_eq!(flagged.len(), 1);
    assert_eq!(flagged[0].id, bag(2).as_str());
    // The tables are intact.
    assert_eq!(
        store
            .info()
            .unwrap()
            .tables
            .iter()
            .find(|t| t.table == "signals")
            .unwrap()
            .rows,
        6
    );
}

#[test]
fn every_shipped_lens_scores_the_fixture() {
    let store = fixture(true);
    let catalogue = lens::check_embedded(&ValidateOptions::default());
    let lenses: Vec<Lens> = catalogue.into_iter().filter_map(|c| c.lens).collect();
    assert!(lenses.len() >= 8);
    for level in [AreaLevel::Buurt, AreaLevel::Wijk] {
        let at: Vec<&Lens> = lenses.iter().filter(|l| l.level == level).collect();
        let data = store.indicator_data(&at, &options(level)).unwrap();
        for lens in at {
            let (_, scores) =
                score_lens(lens, data.inputs(lens), &ScoreOptions::at(data.reference))
                    .unwrap_or_else(|e| panic!("{}: {e}", lens.id));
            assert_eq!(scores.areas.len(), data.areas.len(), "{}", lens.id);
            store
                .lens_flags(lens, data.reference)
                .unwrap_or_else(|e| panic!("{}: {e}", lens.id));
        }
    }
}

#[test]
fn a_gemeente_without_addresses_has_absent_counts_not_zeros() {
    let mut store = fixture(true);
    let mut tx = store
        .begin_import(&SourceMeta {
            kind: "fixture".into(),
            name: "elders.csv".into(),
            sha256: "elders".into(),
            options: String::new(),
            imported_by: "test".into(),
            imported_at: "2026-01-01T00:00:00Z".into(),
        })
        .unwrap();
    for (i, (c, level)) in [
        ("GM9902", AreaLevel::Gemeente),
        ("WK990200", AreaLevel::Wijk),
        ("BU99020001", AreaLevel::Buurt),
    ]
    .into_iter()
    .enumerate()
    {
        let code = code(c);
        tx.put_area(
            &Area {
                parent: code.parent(),
                code,
                level,
                name: c.into(),
                year: 2024,
            },
            i as u64 + 2,
        )
        .unwrap();
    }
    tx.commit(3).unwrap();
    let lens = lens_from(LENS);
    let data = store
        .indicator_data(&[&lens], &options(AreaLevel::Buurt))
        .unwrap();
    assert_eq!(data.areas.len(), 5);
    assert_eq!(data.areas[4].code.as_str(), "BU99020001");
    // Businesses and flagged addresses: absent there (no addresses imported for GM9902) …
    assert_eq!(col(&data, &lens, &lens.indicators[1].numerator)[4], None);
    assert_eq!(col(&data, &lens, &lens.indicators[2].numerator)[4], None);
    // … signals are not tied to addresses: the table has data, so 0.
    assert_eq!(
        col(&data, &lens, &lens.indicators[0].numerator)[4],
        Some(0.0)
    );
    // The first gemeente is unchanged.
    assert_eq!(
        col(&data, &lens, &lens.indicators[1].numerator)[0],
        Some(3.0)
    );
}

#[test]
fn flagged_entities_per_area_are_grouped_and_paged() {
    let store = fixture(true);
    let lens = lens_from(LENS);
    let reference = RefDate::parse("2024-06-30").unwrap();
    let page = store
        .flagged_in_area(&lens, reference, &code(WK), None, 10)
        .unwrap();
    // Address 1 carries all three flags of the lens; no other entity carries any.
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].id, bag(1).as_str());
    let ids: Vec<&str> = page[0].flags.iter().map(|f| &*f.flag).collect();
    assert_eq!(ids, ["veel_kvk", "overbewoning", "beide"]);
    let after = store
        .flagged_in_area(&lens, reference, &code(WK), Some(bag(1).as_str()), 10)
        .unwrap();
    assert!(after.is_empty());
    let elsewhere = store
        .flagged_in_area(&lens, reference, &code(BU[1]), None, 10)
        .unwrap();
    assert!(elsewhere.is_empty());
}

/// Two `all` flags whose parts are only used inside them, so the pass keeps a part's hits
/// only where a sibling part holds too (the churn part is shared, with different siblings).
/// Active KvK numbers per address: 1 → 3, 3 → 1 (4's business ended in 2023).
/// Registrations within 120 months of 2024-06-30: 1 → 3, 3 → 1 (2019), 4 → 1 (2018).
const ONLY_COMBINED: &str = r#"
id = "proef"
name = "Gecombineerd"
description = "Alleen voor tests: patroon, geen bewijs."
level = "buurt"
compare_within = "all"
min_population = 0
version = 1

[[indicator]]
id = "bedrijven"
label = "Actieve vestigingen"
count = { entity = "business", active = true }
direction = "higher_is_riskier"
weight = 1

[[flag]]
id = "actief_en_wissel"
label = "Een actief KvK-nummer en een inschrijving in 10 jaar"
rule = { all = [{ businesses_at_address = { min = 1 } }, { business_churn_at_address = { min_registrations = 1, within_months = 120 } }] }

[[flag]]
id = "veel_en_wissel"
label = "Drie actieve KvK-nummers en een inschrijving in 10 jaar"
rule = { all = [{ businesses_at_address = { min = 3 } }, { business_churn_at_address = { min_registrations = 1, within_months = 120 } }] }
"#;

#[test]
fn parts_used_only_inside_all_keep_the_entities_their_siblings_share() {
    let store = fixture(false);
    let lens = lens_from(ONLY_COMBINED);
    let flags = store
        .lens_flags(&lens, RefDate::parse("2024-06-30").unwrap())
        .unwrap();
    let of = |f: &str| {
        flags
            .iter()
            .filter(|e| &*e.flag == f)
            .map(|e| (e.id.clone(), e.evidence.clone()))
            .collect::<Vec<_>>()
    };
    // Address 4 churned but has no active KvK number: dropped by both flags.
    assert_eq!(
        of("actief_en_wissel"),
        [
            (
                bag(1).as_str().to_owned(),
                vec![
                    "3 KvK-nummers met een actieve vestiging op dit adres".to_owned(),
                    "3 inschrijvingen op dit adres in 120 maanden".to_owned()
                ]
            ),
            (
                bag(3).as_str().to_owned(),
                vec![
                    "1 KvK-nummers met een actieve vestiging op dit adres".to_owned(),
                    "1 inschrijvingen op dit adres in 120 maanden".to_owned()
                ]
            ),
        ]
    );
    let veel = of("veel_en_wissel");
    assert_eq!(veel.len(), 1);
    assert_eq!(veel[0].0, bag(1).as_str());
}
