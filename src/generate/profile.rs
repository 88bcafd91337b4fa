//! Per kind of area, the parameters that make generated buurten plausible: sizes, household
//! sizes, dwelling surfaces, tenure, WOZ, income, age structure and business density. Values
//! are modelled on real KWB rows (see `shared/data/kwb/`), not copied from them.

use super::layout::Kind;

/// Parameters of one kind of area.
#[derive(Debug, Clone, Copy)]
pub struct Profile {
    /// Range of dwellings per buurt.
    pub dwellings: (u32, u32),
    /// Range of other addresses per buurt.
    pub others: (u32, u32),
    /// Range of land surface in hectares.
    pub land_ha: (u32, u32),
    /// Weights of 0, 1, 2, 3, 4, 5, 6 residents per dwelling.
    pub household: [f64; 7],
    /// Range of dwelling surface in m².
    pub dwelling_m2: (i64, i64),
    /// Share of dwellings that are apartments (numbers with letters or additions).
    pub apartments: f64,
    /// Share of dwellings owned by a housing corporation.
    pub corporation: f64,
    /// Share of dwellings rented out privately.
    pub private_rent: f64,
    /// Mean WOZ value in thousands of euro.
    pub woz: f64,
    /// Mean income per inhabitant in thousands of euro.
    pub income: f64,
    /// Weights of the age bands 0–14, 15–24, 25–44, 45–64, 65+.
    pub ages: [f64; 5],
    /// Businesses registered at home per dwelling.
    pub home_business: f64,
    /// Businesses per non-dwelling address.
    pub business_per_other: f64,
    /// Bijstand recipients per inhabitant.
    pub welfare: f64,
}

/// The profile of a kind of area.
pub fn of(kind: Kind) -> Profile {
    match kind {
        Kind::Binnenstad => Profile {
            dwellings: (450, 850),
            others: (220, 420),
            land_ha: (18, 60),
            household: [0.05, 0.50, 0.28, 0.09, 0.06, 0.015, 0.005],
            dwelling_m2: (35, 130),
            apartments: 0.75,
            corporation: 0.22,
            private_rent: 0.38,
            woz: 390.0,
            income: 33.0,
            ages: [0.08, 0.20, 0.42, 0.19, 0.11],
            home_business: 0.10,
            business_per_other: 0.85,
            welfare: 0.035,
        },
        Kind::Woonwijk => Profile {
            dwellings: (480, 950),
            others: (8, 30),
            land_ha: (30, 110),
            household: [0.02, 0.28, 0.34, 0.15, 0.15, 0.05, 0.01],
            dwelling_m2: (70, 150),
            apartments: 0.25,
            corporation: 0.25,
            private_rent: 0.10,
            woz: 360.0,
            income: 31.0,
            ages: [0.17, 0.12, 0.25, 0.27, 0.19],
            home_business: 0.11,
            business_per_other: 0.7,
            welfare: 0.025,
        },
        Kind::Sociaal => Profile {
            dwellings: (650, 1150),
            others: (15, 40),
            land_ha: (25, 80),
            household: [0.03, 0.40, 0.27, 0.13, 0.11, 0.05, 0.01],
            dwelling_m2: (45, 95),
            apartments: 0.6,
            corporation: 0.58,
            private_rent: 0.14,
            woz: 235.0,
            income: 22.5,
            ages: [0.19, 0.14, 0.28, 0.23, 0.16],
            home_business: 0.07,
            business_per_other: 0.8,
            welfare: 0.075,
        },
        Kind::Villawijk => Profile {
            dwellings: (220, 420),
            others: (4, 12),
            land_ha: (40, 120),
            household: [0.02, 0.15, 0.42, 0.14, 0.19, 0.07, 0.01],
            dwelling_m2: (140, 320),
            apartments: 0.02,
            corporation: 0.03,
            private_rent: 0.05,
            woz: 780.0,
            income: 52.0,
            ages: [0.15, 0.13, 0.16, 0.32, 0.24],
            home_business: 0.18,
            business_per_other: 0.6,
            welfare: 0.005,
        },
        Kind::Dorp => Profile {
            dwellings: (300, 700),
            others: (30, 80),
            land_ha: (40, 150),
            household: [0.03, 0.30, 0.36, 0.12, 0.13, 0.05, 0.01],
            dwelling_m2: (75, 160),
            apartments: 0.12,
            corporation: 0.24,
            private_rent: 0.08,
            woz: 340.0,
            income: 30.0,
            ages: [0.15, 0.11, 0.20, 0.29, 0.25],
            home_business: 0.13,
            business_per_other: 0.8,
            welfare: 0.02,
        },
        Kind::Bedrijventerrein => Profile {
            dwellings: (50, 90),
            others: (140, 320),
            land_ha: (50, 220),
            household: [0.10, 0.45, 0.30, 0.08, 0.05, 0.02, 0.0],
            dwelling_m2: (70, 160),
            apartments: 0.0,
            corporation: 0.0,
            private_rent: 0.4,
            woz: 330.0,
            income: 28.0,
            ages: [0.08, 0.10, 0.32, 0.35, 0.15],
            home_business: 0.3,
            business_per_other: 1.15,
            welfare: 0.03,
        },
        Kind::Buitengebied => Profile {
            dwellings: (70, 240),
            others: (35, 110),
            land_ha: (600, 3200),
            household: [0.03, 0.18, 0.40, 0.13, 0.17, 0.07, 0.02],
            dwelling_m2: (110, 260),
            apartments: 0.0,
            corporation: 0.02,
            private_rent: 0.10,
            woz: 520.0,
            income: 32.0,
            ages: [0.15, 0.12, 0.17, 0.32, 0.24],
            home_business: 0.35,
            business_per_other: 0.55,
            welfare: 0.01,
        },
        Kind::Vakantiepark => Profile {
            dwellings: (0, 2),
            others: (180, 380),
            land_ha: (15, 45),
            household: [0.0, 0.5, 0.4, 0.1, 0.0, 0.0, 0.0],
            dwelling_m2: (60, 120),
            apartments: 0.0,
            corporation: 0.0,
            private_rent: 0.5,
            woz: 180.0,
            income: 21.0,
            ages: [0.05, 0.10, 0.30, 0.35, 0.20],
            home_business: 0.0,
            business_per_other: 0.01,
            welfare: 0.10,
        },
    }
}
