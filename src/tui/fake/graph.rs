//! The fictional addresses, businesses, parties and signals of [`super::FakeSource`]. One
//! business name carries an escape sequence on purpose: it must be shown, not obeyed.

use super::{Entity, line, signal};
use crate::tui::source::*;

pub(super) fn graph() -> Vec<Entity> {
    use EntityKind::*;
    let e = |area: &str, flagged: bool, detail: EntityDetail| Entity {
        detail,
        area: area.into(),
        flagged,
    };
    let r = |kind, id: &str| EntityRef {
        kind,
        id: id.into(),
    };
    vec![
        e(
            "BU99010101",
            true,
            EntityDetail {
                target: r(Address, "A1"),
                title: "Molenstraat 12".into(),
                facts: vec![
                    (Fact::Postcode, "9901 AB".into()),
                    (Fact::Area, "Molenkwartier BU99010101".into()),
                    (Fact::Residents, "1".into()),
                ],
                flags: vec![FlagLine {
                    label: "5 of meer bedrijven op één adres".into(),
                    evidence: "6 vestigingen ingeschreven sinds 2022".into(),
                }],
                linked: vec![
                    (
                        Link::Businesses,
                        vec![
                            line(Business, "B1", "Groeihal Noord B.V.", "sinds 2023"),
                            line(Business, "B2", "Kapsalon \x1b[31mRood\x1b[0m", "sinds 2024"),
                        ],
                    ),
                    (
                        Link::Owners,
                        vec![line(
                            Party,
                            "P1",
                            "Partij 7f3a (pseudoniem)",
                            "eigenaar sinds 2021",
                        )],
                    ),
                    (
                        Link::Transfers,
                        vec![line(
                            Party,
                            "P2",
                            "Partij c41e (pseudoniem)",
                            "verkocht 2021, € 210.000",
                        )],
                    ),
                ],
                signals: vec![signal(
                    "2025-03-14",
                    "hennep_ontmanteld",
                    "politie",
                    Some((Address, "A1")),
                )],
            },
        ),
        e(
            "BU99010101",
            true,
            EntityDetail {
                target: r(Business, "B1"),
                title: "Groeihal Noord B.V.".into(),
                facts: vec![
                    (Fact::Address, "Molenstraat 12, 9901 AB".into()),
                    (Fact::Kvk, "99000011".into()),
                    (Fact::Vestiging, "000099000011".into()),
                    (Fact::Sbi, "0130 Teelt van plantgoed".into()),
                    (Fact::Started, "2023-02-01".into()),
                ],
                flags: vec![FlagLine {
                    label: "Risicobranche".into(),
                    evidence: "SBI 0130".into(),
                }],
                linked: vec![
                    (
                        Link::Addresses,
                        vec![line(Address, "A1", "Molenstraat 12", "vestigingsadres")],
                    ),
                    (
                        Link::Parties,
                        vec![line(Party, "P1", "Partij 7f3a (pseudoniem)", "bestuurder")],
                    ),
                    (
                        Link::Establishments,
                        vec![line(Business, "B3", "Groeihal Zuid", "zelfde KvK-nummer")],
                    ),
                ],
                signals: Vec::new(),
            },
        ),
        e(
            "BU99010101",
            false,
            EntityDetail {
                target: r(Business, "B2"),
                title: "Kapsalon \x1b[31mRood\x1b[0m".into(),
                facts: vec![
                    (Fact::Address, "Molenstraat 12, 9901 AB".into()),
                    (Fact::Kvk, "99000022".into()),
                    (Fact::Sbi, "9602 Kappers".into()),
                    (Fact::Started, "2024-05-10".into()),
                ],
                flags: Vec::new(),
                linked: vec![(
                    Link::Addresses,
                    vec![line(Address, "A1", "Molenstraat 12", "vestigingsadres")],
                )],
                signals: Vec::new(),
            },
        ),
        e(
            "BU99010203",
            true,
            EntityDetail {
                target: r(Business, "B3"),
                title: "Groeihal Zuid".into(),
                facts: vec![
                    (Fact::Address, "Kerkweg 3, 9901 CD".into()),
                    (Fact::Kvk, "99000011".into()),
                    (Fact::Vestiging, "000099000012".into()),
                    (Fact::Sbi, "0130 Teelt van plantgoed".into()),
                    (Fact::Started, "2023-08-15".into()),
                    (Fact::Ended, "2025-01-31".into()),
                ],
                flags: vec![FlagLine {
                    label: "Opgeheven binnen 2 jaar".into(),
                    evidence: "2023-08-15 tot 2025-01-31".into(),
                }],
                linked: vec![
                    (
                        Link::Addresses,
                        vec![line(Address, "A2", "Kerkweg 3", "vestigingsadres")],
                    ),
                    (
                        Link::Establishments,
                        vec![line(
                            Business,
                            "B1",
                            "Groeihal Noord B.V.",
                            "zelfde KvK-nummer",
                        )],
                    ),
                ],
                signals: Vec::new(),
            },
        ),
        e(
            "BU99010203",
            true,
            EntityDetail {
                target: r(Address, "A2"),
                title: "Kerkweg 3".into(),
                facts: vec![
                    (Fact::Postcode, "9901 CD".into()),
                    (Fact::Area, "Café-kwartier BU99010203".into()),
                    (Fact::Residents, "0".into()),
                ],
                flags: vec![FlagLine {
                    label: "Snelle doorverkoop".into(),
                    evidence: "2 transacties binnen 11 maanden".into(),
                }],
                linked: vec![
                    (
                        Link::FormerBusinesses,
                        vec![line(Business, "B3", "Groeihal Zuid", "2023-2025")],
                    ),
                    (
                        Link::Owners,
                        vec![line(
                            Party,
                            "P1",
                            "Partij 7f3a (pseudoniem)",
                            "eigenaar sinds 2024",
                        )],
                    ),
                ],
                signals: vec![signal(
                    "2025-06-02",
                    "energiefraude",
                    "netbeheerder",
                    Some((Address, "A2")),
                )],
            },
        ),
        e(
            "",
            false,
            EntityDetail {
                target: r(Party, "P1"),
                title: "Partij 7f3a (pseudoniem)".into(),
                facts: vec![
                    (Fact::Pseudonym, "7f3a".into()),
                    (Fact::Kind, "natuurlijk persoon".into()),
                ],
                flags: Vec::new(),
                linked: vec![
                    (
                        Link::Businesses,
                        vec![
                            line(Business, "B1", "Groeihal Noord B.V.", "bestuurder"),
                            line(Business, "B3", "Groeihal Zuid", "bestuurder"),
                        ],
                    ),
                    (
                        Link::Addresses,
                        vec![
                            line(Address, "A1", "Molenstraat 12", "eigenaar"),
                            line(Address, "A2", "Kerkweg 3", "eigenaar"),
                        ],
                    ),
                ],
                signals: Vec::new(),
            },
        ),
        e(
            "",
            false,
            EntityDetail {
                target: r(Party, "P2"),
                title: "Partij c41e (pseudoniem)".into(),
                facts: vec![
                    (Fact::Pseudonym, "c41e".into()),
                    (Fact::Kind, "natuurlijk persoon".into()),
                ],
                flags: Vec::new(),
                linked: vec![(
                    Link::Addresses,
                    vec![line(Address, "A1", "Molenstraat 12", "vorig eigenaar")],
                )],
                signals: Vec::new(),
            },
        ),
    ]
}
