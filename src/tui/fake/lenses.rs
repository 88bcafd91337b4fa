//! The three lenses of [`super::FakeSource`] and their indicator definitions.

use crate::tui::source::*;

fn ind(id: &str, label: &str, weight: f64, dir: Direction) -> IndicatorDef {
    IndicatorDef {
        id: id.into(),
        label: label.into(),
        weight,
        direction: dir,
        normalization: "minmax".into(),
        distribution: None,
    }
}

/// The lens summaries, before their top tiers and distributions are computed.
pub(super) fn lenses() -> Vec<LensSummary> {
    let up = Direction::HigherIsRiskier;
    let lenses = vec![
        LensSummary {
            id: "hennep".into(),
            name: "Hennepteelt in woonwijken".into(),
            level: Level::Buurt,
            compare: Compare::Stedelijkheid,
            version: "1".into(),
            top_tier: Some(0),
            description: "Ontmantelde kwekerijen, energiefraude en verhuurpatronen per \
                          buurt, vergeleken met buurten van dezelfde stedelijkheid."
                .into(),
            indicators: vec![
                ind(
                    "ontmanteld",
                    "Ontmantelde kwekerijen per 1.000 woningen",
                    3.0,
                    up,
                ),
                ind(
                    "energie",
                    "Meldingen energiefraude per 1.000 woningen",
                    2.0,
                    up,
                ),
                ind("huur", "Aandeel particuliere huur", 1.0, up),
                ind(
                    "woz",
                    "Gemiddelde WOZ-waarde",
                    1.0,
                    Direction::LowerIsRiskier,
                ),
            ],
        },
        LensSummary {
            id: "witwassen".into(),
            name: "Witwassen via vastgoed en horeca".into(),
            level: Level::Buurt,
            compare: Compare::All,
            version: "1".into(),
            top_tier: Some(0),
            description: "Contante aankopen, snelle doorverkoop en risicobranches.".into(),
            indicators: vec![
                ind(
                    "doorverkoop",
                    "Doorverkoop binnen 1 jaar per 100 transacties",
                    2.0,
                    up,
                ),
                ind("branche", "Risicobranches per 1.000 inwoners", 2.0, up),
                ind("inschrijvingen", "Adressen met 5+ bedrijven", 1.0, up),
            ],
        },
        LensSummary {
            id: "dekmantel".into(),
            name: "Dekmantelbedrijven".into(),
            level: Level::Wijk,
            compare: Compare::All,
            version: "1".into(),
            top_tier: Some(0),
            description: "Bedrijven met korte levensduur en veel wisselingen.".into(),
            indicators: vec![
                ind("kort", "Opgeheven binnen 2 jaar per 100 bedrijven", 2.0, up),
                ind(
                    "wissel",
                    "Bestuurderswisselingen per 100 bedrijven",
                    1.0,
                    up,
                ),
            ],
        },
    ];
    lenses
}
