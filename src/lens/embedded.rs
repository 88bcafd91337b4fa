//! The lenses shipped inside the binary: every file of `lenses/` (a test checks that this list
//! and the directory agree).

/// `(file name, TOML text)` of each embedded lens, sorted by file name.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "autobranche.toml",
        include_str!("../../lenses/autobranche.toml"),
    ),
    (
        "bedrijventerrein.toml",
        include_str!("../../lenses/bedrijventerrein.toml"),
    ),
    (
        "dekmantel.toml",
        include_str!("../../lenses/dekmantel.toml"),
    ),
    ("hennep.toml", include_str!("../../lenses/hennep.toml")),
    ("horeca.toml", include_str!("../../lenses/horeca.toml")),
    (
        "kwetsbare_wijk.toml",
        include_str!("../../lenses/kwetsbare_wijk.toml"),
    ),
    (
        "mensenhandel.toml",
        include_str!("../../lenses/mensenhandel.toml"),
    ),
    (
        "synthetisch.toml",
        include_str!("../../lenses/synthetisch.toml"),
    ),
    (
        "vakantiepark.toml",
        include_str!("../../lenses/vakantiepark.toml"),
    ),
    ("vastgoed.toml", include_str!("../../lenses/vastgoed.toml")),
    (
        "woonfraude.toml",
        include_str!("../../lenses/woonfraude.toml"),
    ),
];
