//! Every user-facing label of the interface, in Dutch (default) and English. Views and the key
//! table name a [`L`] and never spell text themselves; data strings come from the source.

use super::source::{Compare, Fact, HitKind, Level, Link, Tier};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

macro_rules! labels {
    ($($name:ident => $nl:literal, $en:literal;)*) => {
        /// A label. `L::X.t(lang)` gives its text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum L { $($name),* }

        impl L {
            pub fn t(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((L::$name, Lang::Nl) => $nl, (L::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

labels! {
    TooSmall => "venster te klein", "window too small";
    NeedSize => "minimaal 80x24", "at least 80x24";
    Lenses => "Lenzen", "Lenses";
    Scores => "Scores", "Scores";
    LensDetail => "Lens", "Lens";
    Area => "Gebied", "Area";
    Entity => "Entiteit", "Entity";
    Help => "Hulp", "Help";
    Finder => "Zoeken", "Find";
    Rank => "Rang", "Rank";
    Code => "Code", "Code";
    Name => "Naam", "Name";
    Gemeente => "Gemeente", "Municipality";
    Inhabitants => "Inw.", "Pop.";
    Score => "Score", "Score";
    Tier => "Klasse", "Tier";
    Coverage => "Dekking", "Coverage";
    Top => "Grootste bijdragen", "Top contributors";
    LevelWord => "niveau", "level";
    ColumnWord => "kolom", "column";
    CompareWord => "vergelijking", "compare";
    AllGemeenten => "alle gemeenten", "all municipalities";
    Of => "van", "of";
    TopTier => "top", "top";
    Indicators => "Indicatoren", "Indicators";
    Indicator => "Indicator", "Indicator";
    Weight => "Gewicht", "Weight";
    Direction => "Richting", "Direction";
    Normalisation => "Norm.", "Norm.";
    Distribution => "Verdeling", "Distribution";
    Value => "Waarde", "Value";
    Median => "Mediaan", "Median";
    Normalised => "Genorm.", "Norm.";
    Contribution => "Bijdrage", "Contrib.";
    Higher => "hoger=risico", "higher=risk";
    Lower => "lager=risico", "lower=risk";
    Ranking => "Rangorde (live)", "Ranking (live)";
    Tuned => "aangepast", "tuned";
    Flagged => "Gemarkeerde entiteiten", "Flagged entities";
    Signals => "Recente signalen", "Recent signals";
    Facts => "Gegevens", "Facts";
    Flags => "Markeringen", "Flags";
    Linked => "Gekoppeld", "Linked";
    NoData => "geen gegevens", "no data";
    None => "geen", "none";
    More => "meer", "more";
    PatternNotProof => "Patroon, geen bewijs: een score wijst op een patroon, niet op schuld.",
        "Pattern, not proof: a score points to a pattern, not to guilt.";
    Filter => "filter", "filter";
    Command => "commando", "command";
    Search => "zoek", "find";
    QuitAsk => "Afsluiten? j = ja, n = nee", "Quit? y = yes, n = no";
    OverwriteAsk => "Lens bestaat al. Overschrijven? j = ja, n = nee",
        "Lens exists. Overwrite? y = yes, n = no";
    Saved => "opgeslagen", "saved";
    UnknownCommand => "onbekend commando", "unknown command";
    Usage => "gebruik", "usage";
    NoHits => "geen resultaten", "no results";
    Computing => "berekenen…", "computing…";
    Keys => "Toetsen", "Keys";
    Global => "Overal", "Everywhere";
    Close => "sluiten", "close";
    HitArea => "gebied", "area";
    HitAddress => "adres", "address";
    HitPostcode => "postcode", "postcode";
    HitBusiness => "bedrijf", "business";
    HitKvk => "kvk", "kvk";
    // Trust: purpose, audit, lock, privacy, export.
    PurposeTitle => "Doel", "Purpose";
    PurposeAsk => "Waarvoor bekijk je deze gegevens?", "Why are you looking at this?";
    PurposeHow => "Geef een zaaknummer of een korte reden.", "Give a case number or a short reason.";
    PurposeLogged => "Het doel komt bij elke raadpleging in het auditlog.",
        "The purpose is recorded in the audit log with every lookup.";
    PurposeRule => "het doel moet 1 tot 120 gewone tekens zijn",
        "the purpose must be 1 to 120 plain characters";
    PurposeWord => "doel", "purpose";
    PurposeCancelled => "geannuleerd: niets geopend", "cancelled: nothing opened";
    AuditDown => "audit niet beschikbaar", "audit unavailable";
    NotShown => "de gegevens worden niet getoond", "the data is not shown";
    NothingWritten => "er is niets geschreven", "nothing was written";
    LockedTitle => "Scherm vergrendeld", "Screen locked";
    LockedIdle => "Vergrendeld na een tijd zonder invoer.", "Locked after a time without input.";
    LockedUser => "Vergrendeld op verzoek.", "Locked on request.";
    UnlockAsk => "Typ deze code en druk op Enter om verder te gaan:",
        "Type this code and press Enter to continue:";
    UnlockWrong => "onjuiste code", "wrong code";
    UnlockQuit => "Ctrl-C sluit schouw af.", "Ctrl-C quits schouw.";
    Blanked => "Druk op een toets om terug te gaan.", "Press any key to return.";
    ExportTo => "Exporteren naar", "Export to";
    RowsWord => "rijen", "rows";
    RowsTo => "rijen naar", "rows to";
    YesNo => "j = ja, n = nee", "y = yes, n = no";
    Exported => "geexporteerd", "exported";
    ExportExists => "bestaat al; kies een andere naam", "already exists; choose another name";
    NothingToExport => "niets te exporteren", "nothing to export";
    // Key help.
    KUp => "omhoog", "up";
    KDown => "omlaag", "down";
    KLeft => "kolom links", "column left";
    KRight => "kolom rechts", "column right";
    KTop => "naar boven", "to top";
    KBottom => "naar onder", "to bottom";
    KPageUp => "pagina omhoog", "page up";
    KPageDown => "pagina omlaag", "page down";
    KHalfUp => "halve pagina omhoog", "half page up";
    KHalfDown => "halve pagina omlaag", "half page down";
    KOpen => "openen", "open";
    KBack => "terug", "back";
    KQuit => "terug / afsluiten", "back / quit";
    KQuitNow => "direct afsluiten", "quit now";
    KHelp => "hulp", "help";
    KFilter => "filteren", "filter";
    KFinder => "zoeken", "find";
    KCommand => "commando", "command";
    KPanel => "volgend paneel", "next panel";
    KPanelBack => "vorig paneel", "previous panel";
    KSortAsc => "sorteer oplopend", "sort ascending";
    KSortDesc => "sorteer aflopend", "sort descending";
    KLevel => "wissel niveau", "switch level";
    KCompare => "wissel vergelijking", "switch comparison";
    KGemeente => "alleen deze gemeente", "only this municipality";
    KLensDetail => "lens bekijken", "lens detail";
    KWeightUp => "gewicht omhoog", "weight up";
    KWeightDown => "gewicht omlaag", "weight down";
    KWeightReset => "gewichten herstellen", "reset weights";
    KSave => "lens opslaan", "save lens";
    KRedraw => "opnieuw tekenen", "redraw";
    KAccept => "bevestigen", "accept";
    KCancel => "annuleren", "cancel";
    KComplete => "aanvullen", "complete";
    KErase => "wissen", "erase";
    KYes => "ja", "yes";
    KNo => "nee", "no";
    KPrivacy => "scherm leeg", "blank screen";
    KLock => "scherm vergrendelen", "lock screen";
    KUnlock => "ontgrendelen", "unlock";
}

impl Level {
    pub fn label(self, _lang: Lang) -> &'static str {
        // The Dutch area names are the official terms in both languages.
        self.key()
    }
}

impl Compare {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Compare::All, Lang::Nl) => "alle gebieden",
            (Compare::All, Lang::En) => "all areas",
            (Compare::Gemeente, Lang::Nl) => "binnen gemeente",
            (Compare::Gemeente, Lang::En) => "within municipality",
            (Compare::Stedelijkheid, Lang::Nl) => "zelfde stedelijkheid",
            (Compare::Stedelijkheid, Lang::En) => "same urbanity",
        }
    }
}

impl Tier {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Tier::High, Lang::Nl) => "HOOG",
            (Tier::High, Lang::En) => "HIGH",
            (Tier::Elevated, Lang::Nl) => "verhoogd",
            (Tier::Elevated, Lang::En) => "elevated",
            (Tier::Normal, Lang::Nl) => "normaal",
            (Tier::Normal, Lang::En) => "normal",
            (Tier::NotScored, Lang::Nl) => "n.v.t.",
            (Tier::NotScored, Lang::En) => "n/a",
        }
    }
}

impl HitKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            HitKind::Area => L::HitArea,
            HitKind::Address => L::HitAddress,
            HitKind::Postcode => L::HitPostcode,
            HitKind::Business => L::HitBusiness,
            HitKind::Kvk => L::HitKvk,
        }
        .t(lang)
    }
}

impl Fact {
    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Fact::Address => ("Adres", "Address"),
            Fact::Postcode => ("Postcode", "Postcode"),
            Fact::Area => ("Buurt", "Neighbourhood"),
            Fact::Kvk => ("KvK-nummer", "KvK number"),
            Fact::Vestiging => ("Vestigingsnr.", "Branch no."),
            Fact::Sbi => ("SBI", "SBI"),
            Fact::Started => ("Begin", "Started"),
            Fact::Ended => ("Einde", "Ended"),
            Fact::Residents => ("Bewoners", "Residents"),
            Fact::Pseudonym => ("Pseudoniem", "Pseudonym"),
            Fact::LegalForm => ("Rechtsvorm", "Legal form"),
            Fact::Kind => ("Soort", "Kind"),
            Fact::Date => ("Datum", "Date"),
            Fact::Source => ("Bron", "Source"),
        };
        if lang == Lang::Nl { nl } else { en }
    }
}

impl Link {
    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Link::Businesses => ("Bedrijven", "Businesses"),
            Link::FormerBusinesses => ("Eerdere bedrijven", "Former businesses"),
            Link::Owners => ("Eigenaren", "Owners"),
            Link::Transfers => ("Overdrachten", "Transfers"),
            Link::Establishments => ("Andere vestigingen", "Other establishments"),
            Link::Parties => ("Betrokkenen", "Parties"),
            Link::Addresses => ("Adressen", "Addresses"),
            Link::About => ("Betreft", "About"),
        };
        if lang == Lang::Nl { nl } else { en }
    }
}
