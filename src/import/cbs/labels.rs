//! Dutch labels of the best-known KWB column codes, as CBS's "Toelichting variabelen kwb"
//! names them. Other KWB codes are labelled with the code itself.

/// The label of a KWB column code, if it is one of the well-known ones.
pub(crate) fn kwb_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "a_inw" => "Aantal inwoners",
        "a_man" => "Mannen",
        "a_vrouw" => "Vrouwen",
        "a_hh" => "Huishoudens totaal",
        "g_hhgro" => "Gemiddelde huishoudensgrootte",
        "bev_dich" => "Bevolkingsdichtheid (inwoners per km²)",
        "a_woning" => "Woningvoorraad",
        "g_wozbag" => "Gemiddelde WOZ-waarde van woningen (x 1 000 euro)",
        "p_koopw" => "Koopwoningen (%)",
        "p_huurw" => "Huurwoningen totaal (%)",
        "p_wcorpw" => "Huurwoningen in bezit woningcorporatie (%)",
        "g_ink_pi" => "Gemiddeld inkomen per inwoner (x 1 000 euro)",
        "a_bedv" => "Bedrijfsvestigingen totaal",
        "a_opp_ha" => "Oppervlakte totaal (ha)",
        "a_lan_ha" => "Oppervlakte land (ha)",
        "a_wat_ha" => "Oppervlakte water (ha)",
        "ste_mvs" => "Mate van stedelijkheid (1 zeer sterk … 5 niet stedelijk)",
        "ste_oad" => "Omgevingsadressendichtheid (adressen per km²)",
        _ => return None,
    })
}
