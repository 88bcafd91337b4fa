//! The SBI 2008 (versie 2018) rows the generator uses, with their real labels, and the branches
//! businesses are drawn from: code, a word for trade names, where such a business sits, whether
//! it is in the risk-branch list of lens L4, and its usual size.

use super::csv_out::CsvOut;

/// SBI rows: dotted code, KvK digits, level, section, label. Sections A–U plus every division,
/// group, class and subclass that a generated business uses, copied from the CBS list.
pub const ROWS: &[(&str, &str, &str, &str, &str)] = &[
    ("A", "A", "section", "A", "Landbouw, bosbouw en visserij"),
    (
        "01",
        "01",
        "division",
        "A",
        "Landbouw, jacht en dienstverlening voor de landbouw en jacht",
    ),
    ("01.1", "011", "group", "A", "Teelt van eenjarige gewassen"),
    (
        "01.11",
        "0111",
        "class",
        "A",
        "Teelt van granen, peulvruchten en oliehoudende zaden",
    ),
    (
        "01.13",
        "0113",
        "class",
        "A",
        "Teelt van groenten en wortel- en knolgewassen",
    ),
    ("01.4", "014", "group", "A", "Fokken en houden van dieren"),
    (
        "01.41",
        "0141",
        "class",
        "A",
        "Fokken en houden van melkvee",
    ),
    (
        "01.46",
        "0146",
        "class",
        "A",
        "Fokken en houden van varkens",
    ),
    (
        "01.47",
        "0147",
        "class",
        "A",
        "Opfokken en/of houden van pluimvee",
    ),
    (
        "01.6",
        "016",
        "group",
        "A",
        "Dienstverlening voor de landbouw; behandeling van gewassen en zaden na de oogst",
    ),
    (
        "01.61",
        "0161",
        "class",
        "A",
        "Dienstverlening voor de akker- en/of tuinbouw",
    ),
    ("B", "B", "section", "B", "Winning van delfstoffen"),
    ("C", "C", "section", "C", "Industrie"),
    (
        "10",
        "10",
        "division",
        "C",
        "Vervaardiging van voedingsmiddelen",
    ),
    (
        "10.7",
        "107",
        "group",
        "C",
        "Vervaardiging van brood, banketbakkerswerk en deegwaren",
    ),
    (
        "10.71",
        "1071",
        "class",
        "C",
        "Vervaardiging van brood en vers banketbakkerswerk",
    ),
    (
        "25",
        "25",
        "division",
        "C",
        "Vervaardiging van producten van metaal (geen machines en apparaten)",
    ),
    (
        "25.1",
        "251",
        "group",
        "C",
        "Vervaardiging van metalen producten voor de bouw",
    ),
    (
        "25.11",
        "2511",
        "class",
        "C",
        "Vervaardiging van metalen constructiewerken en delen daarvan",
    ),
    (
        "25.6",
        "256",
        "group",
        "C",
        "Oppervlaktebehandeling en bekleding van metaal; algemene metaalbewerking",
    ),
    ("25.62", "2562", "class", "C", "Algemene metaalbewerking"),
    (
        "D",
        "D",
        "section",
        "D",
        "Productie en distributie van en handel in elektriciteit, aardgas, stoom en gekoelde lucht",
    ),
    (
        "E",
        "E",
        "section",
        "E",
        "Winning en distributie van water; afval- en afvalwaterbeheer en sanering",
    ),
    ("F", "F", "section", "F", "Bouwnijverheid"),
    (
        "41",
        "41",
        "division",
        "F",
        "Algemene burgerlijke en utiliteitsbouw en projectontwikkeling",
    ),
    (
        "41.2",
        "412",
        "group",
        "F",
        "Algemene burgerlijke en utiliteitsbouw",
    ),
    (
        "41.20",
        "4120",
        "class",
        "F",
        "Algemene burgerlijke en utiliteitsbouw",
    ),
    (
        "43",
        "43",
        "division",
        "F",
        "Gespecialiseerde werkzaamheden in de bouw",
    ),
    ("43.2", "432", "group", "F", "Bouwinstallatie"),
    (
        "43.21",
        "4321",
        "class",
        "F",
        "Elektrotechnische bouwinstallatie",
    ),
    (
        "43.22",
        "4322",
        "class",
        "F",
        "Loodgieters- en fitterswerk; installatie van sanitair en van verwarmings- en luchtbehandelingsapparatuur",
    ),
    ("43.3", "433", "group", "F", "Afwerking van gebouwen"),
    ("43.34", "4334", "class", "F", "Schilderen en glaszetten"),
    (
        "43.9",
        "439",
        "group",
        "F",
        "Dakbouw en overige gespecialiseerde werkzaamheden in de bouw",
    ),
    (
        "43.99",
        "4399",
        "class",
        "F",
        "Overige gespecialiseerde werkzaamheden in de bouw",
    ),
    (
        "G",
        "G",
        "section",
        "G",
        "Groot- en detailhandel; reparatie van auto’s",
    ),
    (
        "45",
        "45",
        "division",
        "G",
        "Handel in en reparatie van auto’s, motorfietsen en aanhangers",
    ),
    (
        "45.1",
        "451",
        "group",
        "G",
        "Handel in auto’s en aanhangers, eventueel gecombineerd met reparatie",
    ),
    (
        "45.11",
        "4511",
        "class",
        "G",
        "Handel in en reparatie van personenauto's en lichte bedrijfsauto’s",
    ),
    (
        "45.11.2",
        "45112",
        "subclass",
        "G",
        "Handel in en reparatie van personenauto's en lichte bedrijfsauto’s (geen import van nieuwe)",
    ),
    (
        "45.19",
        "4519",
        "class",
        "G",
        "Handel in en reparatie van zwaardere bedrijfsauto’s, aanhangers en caravans",
    ),
    (
        "45.2",
        "452",
        "group",
        "G",
        "Gespecialiseerde reparatie van auto's",
    ),
    (
        "45.20",
        "4520",
        "class",
        "G",
        "Gespecialiseerde reparatie van auto's",
    ),
    (
        "45.20.1",
        "45201",
        "subclass",
        "G",
        "Auto-onderdelenservicebedrijven",
    ),
    ("45.20.4", "45204", "subclass", "G", "Carrosserieherstel"),
    (
        "45.20.5",
        "45205",
        "subclass",
        "G",
        "Overige gespecialiseerde reparatie en aanpassing van auto's; wassen en slepen van auto's",
    ),
    (
        "45.3",
        "453",
        "group",
        "G",
        "Handel in auto-onderdelen en -accessoires",
    ),
    (
        "45.32",
        "4532",
        "class",
        "G",
        "Detailhandel in auto-onderdelen en -accessoires",
    ),
    (
        "46",
        "46",
        "division",
        "G",
        "Groothandel en handelsbemiddeling (niet in auto's en motorfietsen)",
    ),
    (
        "46.3",
        "463",
        "group",
        "G",
        "Groothandel in voedings- en genotmiddelen",
    ),
    (
        "46.39",
        "4639",
        "class",
        "G",
        "Groothandel in voedings- en genotmiddelen algemeen assortiment",
    ),
    (
        "46.6",
        "466",
        "group",
        "G",
        "Groothandel in machines, apparaten en toebehoren voor industrie en handel",
    ),
    (
        "46.69",
        "4669",
        "class",
        "G",
        "Groothandel in overige machines, apparaten en toebehoren voor industrie en handel",
    ),
    (
        "46.9",
        "469",
        "group",
        "G",
        "Niet-gespecialiseerde groothandel",
    ),
    (
        "46.90",
        "4690",
        "class",
        "G",
        "Niet-gespecialiseerde groothandel",
    ),
    ("47", "47", "division", "G", "Detailhandel (niet in auto's)"),
    (
        "47.1",
        "471",
        "group",
        "G",
        "Supermarkten, warenhuizen en dergelijke winkels met een algemeen assortiment",
    ),
    (
        "47.11",
        "4711",
        "class",
        "G",
        "Supermarkten en dergelijke winkels met een algemeen assortiment voedings- en genotmiddelen",
    ),
    (
        "47.19",
        "4719",
        "class",
        "G",
        "Warenhuizen en dergelijke winkels met een algemeen assortiment non-food",
    ),
    (
        "47.2",
        "472",
        "group",
        "G",
        "Gespecialiseerde winkels in voedings- en genotmiddelen",
    ),
    (
        "47.21",
        "4721",
        "class",
        "G",
        "Winkels in aardappelen, groenten en fruit",
    ),
    (
        "47.22",
        "4722",
        "class",
        "G",
        "Winkels in vlees en vleeswaren, wild en gevogelte",
    ),
    (
        "47.24",
        "4724",
        "class",
        "G",
        "Winkels in brood, banket, chocolade en suikerwerk",
    ),
    (
        "47.29",
        "4729",
        "class",
        "G",
        "Gespecialiseerde winkels in overige voedings- en genotmiddelen",
    ),
    (
        "47.29.3",
        "47293",
        "subclass",
        "G",
        "Winkels in buitenlandse voedingsmiddelen",
    ),
    (
        "47.4",
        "474",
        "group",
        "G",
        "Winkels in consumentenelektronica",
    ),
    (
        "47.42",
        "4742",
        "class",
        "G",
        "Winkels in telecommunicatieapparatuur",
    ),
    ("47.7", "477", "group", "G", "Winkels in overige artikelen"),
    (
        "47.71",
        "4771",
        "class",
        "G",
        "Winkels in kleding en modeartikelen; textielsupermarkten",
    ),
    ("47.73", "4773", "class", "G", "Apotheken"),
    (
        "47.76",
        "4776",
        "class",
        "G",
        "Winkels in bloemen, planten, zaden, tuinbenodigdheden, huisdieren en dierbenodigdheden",
    ),
    (
        "47.9",
        "479",
        "group",
        "G",
        "Detailhandel niet via winkel of markt",
    ),
    ("47.91", "4791", "class", "G", "Detailhandel via internet"),
    (
        "47.91.1",
        "47911",
        "subclass",
        "G",
        "Detailhandel via internet in voedingsmiddelen en drogisterijwaren",
    ),
    (
        "47.91.2",
        "47912",
        "subclass",
        "G",
        "Detailhandel via internet in consumentenelektronica",
    ),
    ("H", "H", "section", "H", "Vervoer en opslag"),
    ("49", "49", "division", "H", "Vervoer over land"),
    ("49.4", "494", "group", "H", "Goederenvervoer over de weg"),
    (
        "49.41",
        "4941",
        "class",
        "H",
        "Goederenvervoer over de weg (geen verhuizingen)",
    ),
    (
        "52",
        "52",
        "division",
        "H",
        "Opslag en dienstverlening voor vervoer",
    ),
    ("52.1", "521", "group", "H", "Opslag"),
    ("52.10", "5210", "class", "H", "Opslag"),
    ("52.2", "522", "group", "H", "Dienstverlening voor vervoer"),
    (
        "52.29",
        "5229",
        "class",
        "H",
        "Expediteurs, cargadoors en bevrachters; weging en meting",
    ),
    ("53", "53", "division", "H", "Post en koeriers"),
    (
        "53.2",
        "532",
        "group",
        "H",
        "Post zonder universele dienstverplichting en koeriers",
    ),
    (
        "53.20",
        "5320",
        "class",
        "H",
        "Post zonder universele dienstverplichting en koeriers",
    ),
    (
        "I",
        "I",
        "section",
        "I",
        "Logies-, maaltijd- en drankverstrekking",
    ),
    ("55", "55", "division", "I", "Logiesverstrekking"),
    ("55.1", "551", "group", "I", "Hotels e.d."),
    ("55.10", "5510", "class", "I", "Hotels e.d."),
    (
        "55.2",
        "552",
        "group",
        "I",
        "Verhuur van vakantiehuisjes en appartementen; jeugdherbergen en vakantiekampen",
    ),
    (
        "55.20",
        "5520",
        "class",
        "I",
        "Verhuur van vakantiehuisjes en appartementen; jeugdherbergen en vakantiekampen",
    ),
    ("55.3", "553", "group", "I", "Kampeerterreinen"),
    ("55.30", "5530", "class", "I", "Kampeerterreinen"),
    ("56", "56", "division", "I", "Eet- en drinkgelegenheden"),
    ("56.1", "561", "group", "I", "Restaurants, cafetaria’s e.d."),
    (
        "56.10",
        "5610",
        "class",
        "I",
        "Restaurants, cafetaria’s e.d. en ijssalons",
    ),
    ("56.10.1", "56101", "subclass", "I", "Restaurants"),
    (
        "56.10.2",
        "56102",
        "subclass",
        "I",
        "Fastfoodrestaurants, cafetaria's,  ijssalons, eetkramen e.d.",
    ),
    ("56.3", "563", "group", "I", "Cafés"),
    ("56.30", "5630", "class", "I", "Cafés"),
    ("J", "J", "section", "J", "Informatie en communicatie"),
    (
        "62",
        "62",
        "division",
        "J",
        "Dienstverlenende activiteiten op het gebied van informatietechnologie",
    ),
    (
        "62.0",
        "620",
        "group",
        "J",
        "Dienstverlenende activiteiten op het gebied van informatietechnologie",
    ),
    (
        "62.01",
        "6201",
        "class",
        "J",
        "Ontwikkelen, produceren en uitgeven van software",
    ),
    (
        "62.02",
        "6202",
        "class",
        "J",
        "Advisering op het gebied van informatietechnologie",
    ),
    ("K", "K", "section", "K", "Financiële instellingen"),
    (
        "64",
        "64",
        "division",
        "K",
        "Financiële instellingen (geen verzekeringen en pensioenfondsen)",
    ),
    ("64.2", "642", "group", "K", "Financiële holdings"),
    ("64.20", "6420", "class", "K", "Financiële holdings"),
    (
        "66",
        "66",
        "division",
        "K",
        "Overige financiële dienstverlening",
    ),
    (
        "66.1",
        "661",
        "group",
        "K",
        "Financiële bemiddeling, advisering e.d. (niet voor verzekeringen en pensioenfondsen)",
    ),
    (
        "66.19",
        "6619",
        "class",
        "K",
        "Administratiekantoren voor aandelen en obligaties, marketmakers, hypotheek- en kredietbemiddeling, geldwisselkantoren, bank- en spaaragentschappen e.d.",
    ),
    (
        "L",
        "L",
        "section",
        "L",
        "Verhuur van en handel in onroerend goed",
    ),
    (
        "68",
        "68",
        "division",
        "L",
        "Verhuur van en handel in onroerend goed",
    ),
    (
        "68.1",
        "681",
        "group",
        "L",
        "Handel in eigen onroerend goed",
    ),
    (
        "68.10",
        "6810",
        "class",
        "L",
        "Handel in eigen onroerend goed",
    ),
    ("68.2", "682", "group", "L", "Verhuur van onroerend goed"),
    ("68.20", "6820", "class", "L", "Verhuur van onroerend goed"),
    (
        "68.20.1",
        "68201",
        "subclass",
        "L",
        "Woningbouwverenigingen en -stichtingen",
    ),
    (
        "68.20.3",
        "68203",
        "subclass",
        "L",
        "Verhuur van overige woonruimte",
    ),
    (
        "68.3",
        "683",
        "group",
        "L",
        "Bemiddeling in en beheer van onroerend",
    ),
    (
        "68.31",
        "6831",
        "class",
        "L",
        "Bemiddeling bij handel, huur of verhuur van onroerend goed",
    ),
    (
        "M",
        "M",
        "section",
        "M",
        "Advisering, onderzoek en overige specialistische zakelijke dienstverlening",
    ),
    (
        "69",
        "69",
        "division",
        "M",
        "Rechtskundige dienstverlening, accountancy, belastingadvisering en administratie",
    ),
    ("69.1", "691", "group", "M", "Rechtskundige dienstverlening"),
    (
        "69.10",
        "6910",
        "class",
        "M",
        "Rechtskundige dienstverlening",
    ),
    (
        "69.2",
        "692",
        "group",
        "M",
        "Accountancy, belastingadvisering en administratie",
    ),
    (
        "69.20",
        "6920",
        "class",
        "M",
        "Accountancy, belastingadvisering en administratie",
    ),
    (
        "70",
        "70",
        "division",
        "M",
        "Holdings (geen financiële), concerndiensten binnen eigen concern en managementadvisering",
    ),
    (
        "70.2",
        "702",
        "group",
        "M",
        "Advisering op het gebied van management en bedrijfsvoering",
    ),
    (
        "70.22",
        "7022",
        "class",
        "M",
        "Advisering op het gebied van management en bedrijfsvoering (geen public relations)",
    ),
    (
        "71",
        "71",
        "division",
        "M",
        "Architecten, ingenieurs en technisch ontwerp en advies; keuring en controle",
    ),
    (
        "71.1",
        "711",
        "group",
        "M",
        "Architecten, ingenieurs en technisch ontwerp en advies",
    ),
    ("71.11", "7111", "class", "M", "Architecten"),
    ("73", "73", "division", "M", "Reclame en marktonderzoek"),
    (
        "73.1",
        "731",
        "group",
        "M",
        "Reclamebureaus en  handel in advertentieruimte en -tijd",
    ),
    ("73.11", "7311", "class", "M", "Reclamebureaus"),
    (
        "74",
        "74",
        "division",
        "M",
        "Industrieel ontwerp en vormgeving, fotografie, vertaling en overige consultancy",
    ),
    (
        "74.2",
        "742",
        "group",
        "M",
        "Fotografie en ontwikkelen van foto's en films",
    ),
    (
        "74.20",
        "7420",
        "class",
        "M",
        "Fotografie en ontwikkelen van foto's en films",
    ),
    (
        "74.9",
        "749",
        "group",
        "M",
        "Overige specialistische zakelijke dienstverlening",
    ),
    (
        "74.90",
        "7490",
        "class",
        "M",
        "Overige specialistische zakelijke dienstverlening",
    ),
    (
        "N",
        "N",
        "section",
        "N",
        "Verhuur van roerende goederen en overige zakelijke dienstverlening",
    ),
    (
        "78",
        "78",
        "division",
        "N",
        "Arbeidsbemiddeling, uitzendbureaus en personeelsbeheer",
    ),
    ("78.1", "781", "group", "N", "Arbeidsbemiddeling"),
    ("78.10", "7810", "class", "N", "Arbeidsbemiddeling"),
    (
        "78.2",
        "782",
        "group",
        "N",
        "Uitzendbureaus, uitleenbureaus en banenpools",
    ),
    (
        "78.20",
        "7820",
        "class",
        "N",
        "Uitzendbureaus, uitleenbureaus en banenpools",
    ),
    ("78.20.1", "78201", "subclass", "N", "Uitzendbureaus"),
    ("78.20.2", "78202", "subclass", "N", "Uitleenbureaus"),
    (
        "81",
        "81",
        "division",
        "N",
        "Facility management, reiniging en landschapsverzorging",
    ),
    ("81.2", "812", "group", "N", "Reiniging"),
    (
        "81.21",
        "8121",
        "class",
        "N",
        "Interieurreiniging van gebouwen",
    ),
    ("81.3", "813", "group", "N", "Landschapsverzorging"),
    ("81.30", "8130", "class", "N", "Landschapsverzorging"),
    (
        "82",
        "82",
        "division",
        "N",
        "Overige zakelijke dienstverlening",
    ),
    (
        "82.1",
        "821",
        "group",
        "N",
        "Brede administratieve en secretariële dienstverlening",
    ),
    (
        "82.11",
        "8211",
        "class",
        "N",
        "Brede administratieve dienstverlening",
    ),
    (
        "O",
        "O",
        "section",
        "O",
        "Openbaar bestuur, overheidsdiensten en verplichte sociale verzekeringen",
    ),
    ("P", "P", "section", "P", "Onderwijs"),
    ("85", "85", "division", "P", "Onderwijs"),
    ("85.5", "855", "group", "P", "Overig onderwijs"),
    ("85.59", "8559", "class", "P", "Overig onderwijs (rest)"),
    ("Q", "Q", "section", "Q", "Gezondheids- en welzijnszorg"),
    ("86", "86", "division", "Q", "Gezondheidszorg"),
    (
        "86.2",
        "862",
        "group",
        "Q",
        "Medische en tandheelkundige praktijken",
    ),
    ("86.21", "8621", "class", "Q", "Praktijken van huisartsen"),
    (
        "88",
        "88",
        "division",
        "Q",
        "Maatschappelijke dienstverlening zonder overnachting",
    ),
    (
        "88.9",
        "889",
        "group",
        "Q",
        "Maatschappelijke dienstverlening zonder overnachting niet specifiek gericht op ouderen en gehandicapten",
    ),
    ("88.91", "8891", "class", "Q", "Kinderopvang"),
    ("R", "R", "section", "R", "Cultuur, sport en recreatie"),
    ("93", "93", "division", "R", "Sport en recreatie"),
    ("93.1", "931", "group", "R", "Sport"),
    ("93.11", "9311", "class", "R", "Sportaccommodaties"),
    ("93.13", "9313", "class", "R", "Fitnesscentra"),
    ("S", "S", "section", "S", "Overige dienstverlening"),
    (
        "94",
        "94",
        "division",
        "S",
        "Levensbeschouwelijke en politieke organisaties, belangen- en ideële organisaties, hobbyclubs",
    ),
    (
        "94.9",
        "949",
        "group",
        "S",
        "Levensbeschouwelijke en politieke organisaties, belangen- en ideële organisaties, hobbyclubs",
    ),
    (
        "94.99",
        "9499",
        "class",
        "S",
        "Overige belangen- en ideële organisaties; hobbyclubs",
    ),
    (
        "96",
        "96",
        "division",
        "S",
        "Wellness en overige dienstverlening; uitvaartbranche",
    ),
    (
        "96.0",
        "960",
        "group",
        "S",
        "Wellness en overige dienstverlening; uitvaartbranche",
    ),
    (
        "96.02",
        "9602",
        "class",
        "S",
        "Haar- en schoonheidsverzorging",
    ),
    ("96.02.1", "96021", "subclass", "S", "Haarverzorging"),
    (
        "96.02.2",
        "96022",
        "subclass",
        "S",
        "Schoonheidsverzorging, pedicures en manicures, visagie en image consulting",
    ),
    (
        "96.04",
        "9604",
        "class",
        "S",
        "Sauna's, solaria, baden e.d.",
    ),
    (
        "96.09",
        "9609",
        "class",
        "S",
        "Overige dienstverlening (rest)",
    ),
    (
        "T",
        "T",
        "section",
        "T",
        "Huishoudens als werkgever; niet-gedifferentieerde productie van goederen en diensten    door huishoudens voor eigen gebruik",
    ),
    (
        "U",
        "U",
        "section",
        "U",
        "Extraterritoriale organisaties en lichamen",
    ),
];

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
