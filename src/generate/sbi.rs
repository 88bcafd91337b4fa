//! The SBI 2008 (versie 2018) rows the generator uses, with their real labels, and the branches
//! businesses are drawn from: code, a word for trade names, where such a business sits, whether
//! it is in the risk-branch list of lens L4, and its usual size.

use super::csv_out::CsvOut;

mod rows;

pub use rows::ROWS;

/// Writes `sbi.csv`.
pub fn write(out: &mut CsvOut) -> anyhow::Result<()> {
    for (dotted, digits, level, section, label) in ROWS {
        out.text(dotted)
            .text(digits)
            .text(level)
            .text(section)
            .text(label);
        out.end()?;
    }
    Ok(())
}

/// The section letter of a KvK-style SBI code (`None` if the code is not in [`ROWS`]).
pub fn section(code: &str) -> Option<&'static str> {
    ROWS.iter().find(|r| r.1 == code).map(|r| r.3)
}

/// Where a business of a branch is registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// At a dwelling (zzp, webshop, holding at home).
    Home,
    /// In a shop, horeca or service unit.
    Shop,
    /// In an office.
    Office,
    /// In a workshop, warehouse or yard.
    Work,
    /// At a farm.
    Farm,
    /// In a holiday park.
    Park,
}

/// A branch businesses are drawn from.
#[derive(Debug, Clone, Copy)]
pub struct Branch {
    /// KvK-style SBI code (must be in [`ROWS`]).
    pub code: &'static str,
    /// Word used in trade names.
    pub word: &'static str,
    /// Where it sits.
    pub place: Place,
    /// In the risk-branch list (lens L4 dekmantel).
    pub risk: bool,
    /// Usual range of employees.
    pub employees: (i64, i64),
}

const fn b(
    code: &'static str,
    word: &'static str,
    place: Place,
    risk: bool,
    lo: i64,
    hi: i64,
) -> Branch {
    Branch {
        code,
        word,
        place,
        risk,
        employees: (lo, hi),
    }
}

use Place::{Farm, Home, Office, Park, Shop, Work};

#[rustfmt::skip]
/// All branches; indices are used by the mixes below.
pub const BRANCHES: &[Branch] = &[
    b("0111", "Akkerbouwbedrijf", Farm, false, 1, 4), // 0
    b("0113", "Tuinderij", Farm, false, 1, 8),        // 1
    b("0141", "Melkveebedrijf", Farm, false, 1, 4),   // 2
    b("0146", "Varkenshouderij", Farm, false, 1, 4),  // 3
    b("0147", "Pluimveebedrijf", Farm, false, 1, 5),  // 4
    b("0161", "Loonbedrijf", Farm, false, 1, 12),     // 5
    b("1071", "Bakkerij", Shop, false, 2, 12),        // 6
    b("2511", "Staalbouw", Work, false, 5, 60),       // 7
    b("2562", "Metaalbewerking", Work, false, 3, 40), // 8
    b("4120", "Bouwbedrijf", Work, false, 2, 40),     // 9
    b("4321", "Elektrotechniek", Home, false, 1, 6),  // 10
    b("4322", "Installatietechniek", Home, false, 1, 8), // 11
    b("4334", "Schildersbedrijf", Home, false, 1, 4), // 12
    b("4399", "Klussenbedrijf", Home, false, 1, 2),   // 13
    b("45112", "Autobedrijf", Work, true, 1, 12),     // 14
    b("4519", "Bedrijfswagens", Work, false, 2, 15),  // 15
    b("45201", "Autoservice", Work, false, 1, 6),     // 16
    b("45204", "Schadeherstel", Work, false, 2, 10),  // 17
    b("45205", "Car Wash", Work, true, 1, 5),         // 18
    b("4532", "Auto-onderdelen", Work, false, 1, 4),  // 19
    b("4639", "Groothandel", Work, false, 3, 30),     // 20
    b("4669", "Machinehandel", Work, false, 2, 20),   // 21
    b("4690", "Handelsonderneming", Office, false, 1, 3), // 22
    b("4711", "Minimarkt", Shop, true, 1, 5),         // 23
    b("4711", "Supermarkt", Shop, false, 20, 80),     // 24
    b("4719", "Warenhuis", Shop, false, 5, 40),       // 25
    b("4721", "Groente en Fruit", Shop, false, 1, 4), // 26
    b("4722", "Slagerij", Shop, false, 1, 6),         // 27
    b("4724", "Banketbakkerij", Shop, false, 2, 8),   // 28
    b("47293", "Toko", Shop, true, 1, 4),             // 29
    b("4742", "Telecom", Shop, true, 1, 3),           // 30
    b("4771", "Mode", Shop, false, 2, 10),            // 31
    b("4773", "Apotheek", Shop, false, 4, 12),        // 32
    b("4776", "Bloemisterij", Shop, false, 1, 4),     // 33
    b("47911", "Webwinkel", Home, false, 1, 2),       // 34
    b("47912", "Elektronica Online", Home, false, 1, 2), // 35
    b("4941", "Transport", Work, false, 2, 40),       // 36
    b("5210", "Opslag", Work, false, 1, 10),          // 37
    b("5229", "Expeditie", Work, false, 2, 15),       // 38
    b("5320", "Koeriersdienst", Home, false, 1, 3),   // 39
    b("5510", "Hotel", Shop, false, 5, 40),           // 40
    b("5520", "Vakantiepark", Park, false, 3, 25),    // 41
    b("5530", "Camping", Farm, false, 1, 6),          // 42
    b("56101", "Restaurant", Shop, false, 3, 20),     // 43
    b("56102", "Cafetaria", Shop, false, 1, 8),       // 44
    b("5630", "Café", Shop, false, 1, 8),             // 45
    b("5630", "Shisha Lounge", Shop, true, 1, 4),     // 46
    b("6201", "Software", Home, false, 1, 3),         // 47
    b("6202", "IT Advies", Home, false, 1, 2),        // 48
    b("6420", "Holding", Home, true, 0, 1),           // 49
    b("6619", "Hypotheekadvies", Office, false, 1, 4), // 50
    b("6810", "Vastgoed", Office, true, 0, 2),        // 51
    b("68203", "Verhuur", Office, true, 0, 2),        // 52
    b("6831", "Makelaardij", Shop, false, 2, 8),      // 53
    b("6910", "Advocatuur", Office, false, 2, 15),    // 54
    b("6920", "Administratiekantoor", Office, false, 1, 10), // 55
    b("7022", "Advies", Home, false, 1, 1),           // 56
    b("7111", "Architecten", Office, false, 1, 6),    // 57
    b("7311", "Reclame", Office, false, 1, 8),        // 58
    b("7420", "Fotografie", Home, false, 1, 1),       // 59
    b("7490", "Projectbureau", Home, false, 1, 2),    // 60
    b("7810", "Arbeidsbemiddeling", Office, false, 1, 4), // 61
    b("78201", "Uitzendbureau", Office, true, 1, 6),  // 62
    b("78202", "Personeelsdiensten", Office, true, 1, 4), // 63
    b("8121", "Schoonmaak", Home, false, 1, 20),      // 64
    b("8130", "Hoveniers", Home, false, 1, 5),        // 65
    b("8211", "Administratieve Diensten", Office, false, 1, 3), // 66
    b("8559", "Opleidingen", Home, false, 1, 2),      // 67
    b("8621", "Huisartsenpraktijk", Office, false, 2, 8), // 68
    b("8891", "Kinderopvang", Office, false, 3, 20),  // 69
    b("9311", "Sportcentrum", Work, false, 2, 10),    // 70
    b("9313", "Fitness", Shop, false, 2, 10),         // 71
    b("9499", "Stichting", Office, false, 0, 3),      // 72
    b("96021", "Kapsalon", Shop, true, 1, 4),         // 73
    b("96021", "Barbershop", Shop, true, 1, 3),       // 74
    b("96022", "Nagelstudio", Shop, true, 1, 3),      // 75
    b("96022", "Schoonheidssalon", Home, false, 1, 1), // 76
    b("9604", "Zonnestudio", Shop, true, 1, 3),       // 77
    b("9609", "Dienstverlening", Home, false, 1, 1),  // 78
];

/// Branch indices for the businesses registered at home in any kind of area.
pub const HOME_MIX: &[(usize, f64)] = &[
    (10, 3.0),
    (11, 3.0),
    (12, 3.0),
    (13, 8.0),
    (34, 3.0),
    (35, 1.0),
    (39, 3.0),
    (47, 4.0),
    (48, 4.0),
    (49, 4.0),
    (51, 1.5),
    (52, 1.0),
    (56, 10.0),
    (59, 2.0),
    (60, 5.0),
    (64, 2.0),
    (65, 2.0),
    (67, 3.0),
    (76, 4.0),
    (78, 3.0),
    (22, 2.0),
    (66, 1.0),
];

/// Branch indices for businesses in shops, offices and work units of a binnenstad.
pub const CENTRE_MIX: &[(usize, f64)] = &[
    (6, 2.0),
    (23, 3.0),
    (24, 1.0),
    (25, 1.0),
    (26, 1.0),
    (27, 1.0),
    (28, 1.0),
    (29, 2.0),
    (30, 2.0),
    (31, 8.0),
    (32, 1.0),
    (33, 1.0),
    (40, 1.0),
    (43, 8.0),
    (44, 4.0),
    (45, 5.0),
    (46, 1.0),
    (49, 1.0),
    (51, 2.0),
    (53, 2.0),
    (54, 2.0),
    (55, 3.0),
    (57, 1.0),
    (58, 2.0),
    (62, 1.0),
    (73, 4.0),
    (74, 2.0),
    (75, 2.0),
    (71, 1.0),
    (68, 1.0),
    (69, 1.0),
    (72, 2.0),
    (77, 1.0),
    (50, 1.0),
    (61, 1.0),
];

/// Branch indices for non-home businesses in residential areas and village cores.
pub const RESIDENTIAL_MIX: &[(usize, f64)] = &[
    (24, 2.0),
    (23, 1.0),
    (29, 1.0),
    (44, 2.0),
    (73, 3.0),
    (75, 1.0),
    (74, 1.0),
    (68, 2.0),
    (69, 2.0),
    (32, 1.0),
    (71, 1.0),
    (72, 2.0),
    (6, 1.0),
    (27, 1.0),
    (45, 1.0),
    (30, 0.5),
    (70, 1.0),
    (53, 0.5),
    (55, 1.0),
];

/// Branch indices for businesses on a bedrijventerrein.
pub const WORK_MIX: &[(usize, f64)] = &[
    (7, 3.0),
    (8, 4.0),
    (9, 5.0),
    (14, 8.0),
    (15, 2.0),
    (16, 3.0),
    (17, 3.0),
    (18, 2.0),
    (19, 2.0),
    (20, 4.0),
    (21, 3.0),
    (22, 3.0),
    (36, 6.0),
    (37, 4.0),
    (38, 2.0),
    (39, 2.0),
    (70, 1.0),
    (71, 1.0),
    (62, 2.0),
    (63, 1.0),
    (64, 2.0),
    (51, 1.0),
    (49, 1.0),
    (66, 1.0),
];

/// Branch indices for businesses in the buitengebied.
pub const RURAL_MIX: &[(usize, f64)] = &[
    (0, 4.0),
    (1, 2.0),
    (2, 6.0),
    (3, 3.0),
    (4, 2.0),
    (5, 2.0),
    (42, 1.0),
    (37, 1.0),
    (65, 1.0),
    (36, 1.0),
    (9, 1.0),
];

/// The index of the holiday-park branch.
pub const PARK_BRANCH: usize = 41;

/// Finds a branch index by its trade-name word (for planted patterns).
pub fn by_word(word: &str) -> usize {
    BRANCHES.iter().position(|b| b.word == word).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_branch_code_is_listed_with_its_ancestors() {
        for b in BRANCHES {
            assert!(section(b.code).is_some(), "{} missing", b.code);
            for n in 2..b.code.len() {
                assert!(
                    ROWS.iter().any(|r| r.1 == &b.code[..n]),
                    "{} ancestor",
                    b.code
                );
            }
        }
        let sections = ROWS.iter().filter(|r| r.2 == "section").count();
        assert_eq!(sections, 21);
        for mix in [HOME_MIX, CENTRE_MIX, RESIDENTIAL_MIX, WORK_MIX, RURAL_MIX] {
            assert!(mix.iter().all(|(i, _)| *i < BRANCHES.len()));
        }
    }
}
