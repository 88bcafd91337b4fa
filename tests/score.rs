//! Scoring: a hand-computed golden fixture, properties (monotonicity, weight scaling, input
//! order), and an ignored timing of re-weighting at national scale.

use proptest::prelude::*;

use schouw::lens::{self, Lens, LensSource, Origin, RefDate, ValidateOptions};
use schouw::model::{AreaCode, AreaLevel};
use schouw::score::{
    AreaInput, IndicatorInput, NotScored, ScoreOptions, Tier, Value, prepare, score_lens,
};

fn lens_from(text: &str) -> Lens {
    let c = lens::check(
        &LensSource {
            text,
            file: "fixture.toml",
            stem: "fixture",
            origin: Origin::Embedded,
        },
        &ValidateOptions::default(),
    );
    c.lens.unwrap_or_else(|| panic!("{:#?}", c.problems))
}

const FIXTURE_LENS: &str = r#"
id = "fixture"
name = "Testlens"
description = "Alleen voor tests: patroon, geen bewijs."
level = "buurt"
compare_within = "all"
min_population = 100
version = 1

[[indicator]]
id = "huur"
label = "Huurwoningen (%)"
stat = "p_huurw"
direction = "higher_is_riskier"
weight = 2

[[indicator]]
id = "hennep"
label = "Ontmantelde kwekerijen per 1.000 woningen"
count = { entity = "signal", kind = ["hennep_ontmanteld"], since_months = 36 }
per = { stat = "a_woning" }
scale = 1000
direction = "higher_is_riskier"
weight = 1

[[indicator]]
id = "woz"
label = "Gemiddelde WOZ-waarde (x 1.000 euro)"
stat = "g_wozbag"
direction = "lower_is_riskier"
weight = 1
"#;

fn code(s: &str) -> AreaCode {
    AreaCode::parse(s).unwrap()
}

fn area(c: &str, pop: Option<f64>, inds: Vec<IndicatorInput>) -> AreaInput {
    AreaInput {
        code: code(c),
        name: format!("Buurt {c}").into(),
        level: AreaLevel::Buurt,
        gemeente: code(&format!("GM{}", &c[2..6])),
        population: pop,
        ste_mvs: Some(1),
        indicators: inds,
    }
}

fn v(x: f64) -> IndicatorInput {
    IndicatorInput::value(x)
}

fn r(n: f64, d: f64) -> IndicatorInput {
    IndicatorInput::rate(n, d)
}

fn none() -> IndicatorInput {
    IndicatorInput::absent()
}

fn fixture_areas() -> Vec<AreaInput> {
    vec![
        area(
            "BU03440001",
            Some(1000.0),
            vec![v(40.0), r(2.0, 500.0), v(300.0)],
        ),
        area(
            "BU03440002",
            Some(2000.0),
            vec![v(60.0), r(1.0, 1000.0), v(200.0)],
        ),
        area("BU03440003", Some(1500.0), vec![v(60.0), none(), v(400.0)]),
        area(
            "BU03440004",
            Some(800.0),
            vec![v(20.0), r(3.0, 5.0), none()],
        ),
        area(
            "BU03440005",
            Some(50.0),
            vec![v(90.0), r(9.0, 100.0), v(100.0)],
        ),
        area(
            "BU03440006",
            Some(1200.0),
            vec![none(), r(0.0, 800.0), none()],
        ),
    ]
}

fn reference() -> ScoreOptions {
    ScoreOptions::at(RefDate::from_ymd(2025, 6, 30).unwrap())
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-5, "{a} != {b}");
}

/// Hand-computed:
///
/// Eligible (population ≥ 100): 1, 2, 3, 4, 6. Area 5 (50 inhabitants) is listed, not scored,
/// and left out of every comparison set.
///
/// huur (percentile, higher): values 1:40 2:60 3:60 4:20 (6 absent), n = 4.
///   sorted 20(4) 40(1) 60(2) 60(3); 0-based ranks 0, 1, and 2.5 shared by the tie;
///   pct = rank / 3 × 100 → 4: 0, 1: 33.333, 2 and 3: 83.333.
/// hennep (percentile, higher): 1: 2/500×1000 = 4, 2: 1/1000×1000 = 1, 6: 0/800 = 0;
///   3 absent; 4 suppressed (denominator 5 < 10). n = 3 → 6: 0, 2: 50, 1: 100.
/// woz (percentile, lower): 1:300 2:200 3:400 → pct 2: 0, 1: 50, 3: 100 → mirrored
///   2: 100, 1: 50, 3: 0.
///
/// Weights 2, 1, 1 (total 4):
///   1: (2×33.333 + 100 + 50) / 4 = 54.166667, coverage 1;
///      contributions 16.667, 25, 12.5 → top hennep, huur, woz.
///   2: (2×83.333 + 50 + 100) / 4 = 79.166667, coverage 1.
///   3: (2×83.333 + 0) / 3 = 55.555556, coverage 0.75; top huur only (woz adds 0).
///   4: 0 / 2 = 0, coverage 0.5 (just enough).
///   6: coverage 0.25 < 0.5 → onvoldoende data.
/// Ranks: 2, 3, 1, 4. Composites sorted 0, 54.166667, 55.555556, 79.166667:
///   p75 = 55.555556 + 0.25 × 23.611111 = 61.458334; p90 = 55.555556 + 0.7 × 23.611111
///   = 72.083334 → 2 is hoog, the others normaal.
#[test]
fn golden_fixture_matches_the_hand_computation() {
    let lens = lens_from(FIXTURE_LENS);
    let (p, s) = score_lens(&lens, fixture_areas(), &reference()).unwrap();
    let by = |c: &str| &s.areas[p.area_index(&code(c)).unwrap()];

    assert_eq!(p.value(3, 1), Value::Suppressed { denominator: 5.0 });
    assert_eq!(p.value(0, 1), Value::Known(4.0));
    close(p.normalized(0, 0).unwrap(), 100.0 / 3.0);
    close(p.normalized(1, 0).unwrap(), 250.0 / 3.0);
    assert_eq!(p.normalized(1, 2), Some(100.0));
    assert_eq!(p.normalized(4, 0), None, "area 5 is not compared");

    let a1 = by("BU03440001");
    close(a1.composite.unwrap(), 54.166667);
    assert_eq!(a1.coverage, 1.0);
    close(s.contribution(0, 0).unwrap(), 16.666667);
    close(s.contribution(0, 1).unwrap(), 25.0);
    close(s.contribution(0, 2).unwrap(), 12.5);
    assert_eq!(a1.top.as_slice(), &[1, 0, 2]);
    assert_eq!((a1.rank, a1.tier), (Some(3), Tier::Normaal));

    let a2 = by("BU03440002");
    close(a2.composite.unwrap(), 79.166667);
    assert_eq!((a2.rank, a2.tier), (Some(1), Tier::Hoog));

    let a3 = by("BU03440003");
    close(a3.composite.unwrap(), 55.555556);
    assert_eq!(a3.coverage, 0.75);
    assert_eq!(a3.top.as_slice(), &[0]);
    assert_eq!((a3.rank, a3.tier), (Some(2), Tier::Normaal));

    let a4 = by("BU03440004");
    assert_eq!(a4.composite, Some(0.0));
    assert_eq!(a4.coverage, 0.5);
    assert_eq!(a4.rank, Some(4));

    let a5 = by("BU03440005");
    assert_eq!(a5.composite, None);
    assert_eq!(a5.tier, Tier::OnvoldoendeData);
    assert_eq!(
        a5.not_scored,
        Some(NotScored::SmallPopulation {
            population: Some(50.0),
            min: 100
        })
    );

    let a6 = by("BU03440006");
    assert_eq!(a6.composite, None);
    assert_eq!(a6.rank, None);
    assert_eq!(
        a6.not_scored,
        Some(NotScored::LowCoverage { coverage: 0.25 })
    );

    close(s.p75.unwrap(), 61.458334);
    close(s.p90.unwrap(), 72.083334);
    let ranked: Vec<&str> = s
        .ranking
        .iter()
        .map(|&a| p.areas[a].input.code.as_str())
        .collect();
    assert_eq!(
        ranked,
        ["BU03440002", "BU03440003", "BU03440001", "BU03440004"]
    );
}

#[test]
fn reweighting_reuses_normalised_values() {
    let lens = lens_from(FIXTURE_LENS);
    let p = prepare(&lens, fixture_areas(), &reference()).unwrap();
    // Only hennep: 1 → 100, 2 → 50, 6 → 0; 3 has no hennep value (coverage 0) and 4 is
    // suppressed, so neither is scored.
    let s = p.score(&[0.0, 1.0, 0.0]).unwrap();
    let ranked: Vec<&str> = s
        .ranking
        .iter()
        .map(|&a| p.areas[a].input.code.as_str())
        .collect();
    assert_eq!(ranked, ["BU03440001", "BU03440002", "BU03440006"]);
    assert!(p.score(&[1.0, 1.0]).is_err());
    assert!(p.score(&[0.0, 0.0, 0.0]).is_err());
    assert!(p.score(&[-1.0, 1.0, 1.0]).is_err());
}

#[test]
fn explanation_names_inputs_formula_and_comparison_set() {
    let lens = lens_from(FIXTURE_LENS);
    let (p, s) = score_lens(&lens, fixture_areas(), &reference()).unwrap();
    let e = p.explain(&s, &code("BU03440001")).unwrap();
    assert_eq!(e.comparison.label, "alle buurten");
    assert_eq!(e.comparison.size, 5);
    assert_eq!(e.top, ["hennep", "huur", "woz"]);
    assert_eq!(e.indicators[1].numerator, Some(2.0));
    assert_eq!(e.indicators[1].denominator, Some(500.0));
    assert_eq!(e.indicators[1].compared_with, 3);
    assert_eq!(e.indicators[1].median, Some(1.0));
    let text = e.lines().join("\n");
    assert!(
        text.contains("Score 54,2 van 100, rang 3 van 4, niveau normaal"),
        "{text}"
    );
    assert!(text.contains("2 / 500 × 1000 = 4"), "{text}");
    assert!(text.contains("peildatum 2025-06-30"), "{text}");
    assert!(text.contains("patroon, geen bewijs"), "{text}");
    let e4 = p.explain(&s, &code("BU03440004")).unwrap();
    assert!(e4.lines().join("\n").contains("onderdrukt (noemer 5"));
    let e5 = p.explain(&s, &code("BU03440005")).unwrap();
    assert!(e5.lines().join("\n").contains("Niet gescoord: 50 inwoners"));
}

#[test]
fn comparison_sets_split_by_gemeente_and_stedelijkheid() {
    let text = FIXTURE_LENS.replace("compare_within = \"all\"", "compare_within = \"gemeente\"");
    let lens = lens_from(&text);
    let areas = vec![
        area("BU03440001", Some(500.0), vec![v(10.0), none(), none()]),
        area("BU03440002", Some(500.0), vec![v(20.0), none(), none()]),
        area("BU03630001", Some(500.0), vec![v(80.0), none(), none()]),
        area("BU03630002", Some(500.0), vec![v(90.0), none(), none()]),
    ];
    let p = prepare(&lens, areas.clone(), &reference()).unwrap();
    // Each gemeente on its own: the lower of each pair 0, the higher 100.
    let got: Vec<f64> = (0..4).map(|a| p.normalized(a, 0).unwrap()).collect();
    assert_eq!(got, [0.0, 100.0, 0.0, 100.0]);
    assert_eq!(p.groups.len(), 2);

    let text = FIXTURE_LENS.replace(
        "compare_within = \"all\"",
        "compare_within = \"stedelijkheid\"",
    );
    let lens = lens_from(&text);
    let mut areas = areas;
    areas[0].ste_mvs = Some(5);
    areas[3].ste_mvs = None;
    let p = prepare(&lens, areas, &reference()).unwrap();
    let labels: Vec<&str> = p.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "buurten met onbekende stedelijkheid",
            "buurten met stedelijkheid 1 (zeer sterk stedelijk)",
            "buurten met stedelijkheid 5 (niet stedelijk)"
        ]
    );
    let got: Vec<f64> = (0..4).map(|a| p.normalized(a, 0).unwrap()).collect();
    assert_eq!(got, [50.0, 0.0, 100.0, 50.0]);
}

#[test]
fn bad_inputs_are_refused_with_a_reason() {
    let lens = lens_from(FIXTURE_LENS);
    let mut areas = fixture_areas();
    areas[0].indicators.pop();
    let e = prepare(&lens, areas, &reference()).unwrap_err();
    assert!(e.to_string().contains("in lens order"), "{e}");
    let mut areas = fixture_areas();
    areas.push(areas[0].clone());
    assert!(prepare(&lens, areas, &reference()).is_err());
    let mut areas = fixture_areas();
    areas[0].level = AreaLevel::Wijk;
    assert!(prepare(&lens, areas, &reference()).is_err());
}

/// A lens with every normalisation and direction, for the properties.
const PROP_LENS: &str = r#"
id = "fixture"
name = "Eigenschappen"
description = "Alleen voor tests: patroon, geen bewijs."
level = "buurt"
compare_within = "stedelijkheid"
min_population = 0
version = 1

[[indicator]]
id = "a"
label = "a"
stat = "p_huurw"
direction = "higher_is_riskier"
weight = 2

[[indicator]]
id = "b"
label = "b"
stat = "g_wozbag"
direction = "lower_is_riskier"
weight = 1
normalization = "robust_z"

[[indicator]]
id = "c"
label = "c"
count = { entity = "signal" }
per = { stat = "a_woning" }
direction = "higher_is_riskier"
weight = 1.5
normalization = "robust_z"
"#;

fn arb_input() -> impl Strategy<Value = IndicatorInput> {
    (
        prop::option::weighted(0.85, 0.0..1000.0f64),
        prop::option::weighted(0.9, 0.0..2000.0f64),
    )
        .prop_map(|(n, d)| IndicatorInput {
            numerator: n.map(|x| x.round()),
            denominator: d.map(|x| x.round()),
        })
}

fn arb_areas() -> impl Strategy<Value = Vec<AreaInput>> {
    prop::collection::vec((prop::collection::vec(arb_input(), 3), 1u8..3), 2..40).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (inds, ste))| {
                let mut a = area(&format!("BU0344{i:04}"), Some(1000.0), inds);
                a.ste_mvs = Some(ste);
                a
            })
            .collect()
    })
}

proptest! {
    /// The prepared table keeps every raw input exactly (absent ones as absent, and any
    /// number as given), by area and indicator, whatever order the areas came in.
    #[test]
    fn prepared_inputs_come_back_as_given(areas in arb_areas(), odd in prop::sample::select(
        vec![f64::NAN, f64::INFINITY, -0.0, 1e300, 0.1])) {
        let lens = lens_from(PROP_LENS);
        let mut areas = areas;
        areas[0].indicators[1].denominator = Some(odd);
        let mut given = areas.clone();
        given.sort_by(|a, b| a.code.cmp(&b.code));
        areas.reverse();
        let p = prepare(&lens, areas, &reference()).unwrap();
        for (a, g) in given.iter().enumerate() {
            for (i, want) in g.indicators.iter().enumerate() {
                let got = p.input(a, i);
                let bits = |v: Option<f64>| v.map(f64::to_bits);
                prop_assert_eq!(bits(got.numerator), bits(want.numerator));
                prop_assert_eq!(bits(got.denominator), bits(want.denominator));
            }
        }
    }

    #[test]
    fn raising_a_risk_value_never_lowers_the_composite(
        areas in arb_areas(),
        pick in any::<prop::sample::Index>(),
        which in prop::sample::select(vec![0usize, 2]),
        raise in 0.0..500.0f64,
    ) {
        let lens = lens_from(PROP_LENS);
        let j = pick.index(areas.len());
        prop_assume!(areas[j].indicators[which].numerator.is_some());
        let before = prepare(&lens, areas.clone(), &reference()).unwrap().score_default();
        let mut raised = areas;
        let n = raised[j].indicators[which].numerator.unwrap();
        raised[j].indicators[which].numerator = Some(n + raise.round());
        let after = prepare(&lens, raised, &reference()).unwrap().score_default();
        // Areas are sorted by code and the codes were generated in order, so index j holds.
        if let (Some(b), Some(a)) = (before.areas[j].composite, after.areas[j].composite) {
            prop_assert!(a >= b, "composite fell from {b} to {a}");
        }
        prop_assert_eq!(before.areas[j].composite.is_some(), after.areas[j].composite.is_some());
    }

    #[test]
    fn multiplying_all_weights_changes_nothing(
        areas in arb_areas(),
        w in prop::collection::vec(0.1..10.0f64, 3),
        c in prop::sample::select(vec![0.5, 2.0, 3.0, 7.5, 100.0]),
    ) {
        let lens = lens_from(PROP_LENS);
        let p = prepare(&lens, areas, &reference()).unwrap();
        let s1 = p.score(&w).unwrap();
        let w2: Vec<f64> = w.iter().map(|x| x * c).collect();
        let s2 = p.score(&w2).unwrap();
        prop_assert_eq!(&s1.ranking, &s2.ranking);
        for (a, b) in s1.areas.iter().zip(&s2.areas) {
            prop_assert_eq!(a.tier, b.tier);
            prop_assert_eq!(a.rank, b.rank);
            prop_assert_eq!(&a.top, &b.top);
            match (a.composite, b.composite) {
                (Some(x), Some(y)) => prop_assert!((x - y).abs() <= 2e-6, "{} vs {}", x, y),
                (x, y) => prop_assert_eq!(x, y),
            }
            prop_assert!((a.coverage - b.coverage).abs() < 1e-12);
        }
    }

    #[test]
    fn reordering_input_rows_changes_nothing(
        (areas, shuffled) in arb_areas().prop_flat_map(|a| {
            let s = Just(a.clone()).prop_shuffle();
            (Just(a), s)
        }),
    ) {
        let lens = lens_from(PROP_LENS);
        let (p1, s1) = score_lens(&lens, areas, &reference()).unwrap();
        let (p2, s2) = score_lens(&lens, shuffled, &reference()).unwrap();
        prop_assert_eq!(&p1, &p2);
        for a in 0..p1.areas.len() {
            for i in 0..p1.indicator_count() {
                prop_assert_eq!(p1.value(a, i), p2.value(a, i));
                prop_assert_eq!(p1.normalized(a, i), p2.normalized(a, i));
            }
        }
        prop_assert_eq!(s1, s2);
    }
}
