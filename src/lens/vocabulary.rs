//! The fixed vocabularies a lens is checked against: CBS KWB statistic keys, BAG uses, signal
//! kinds and sources, and legal forms. Embedded as constants; nothing is read at run time.

/// The statistic keys of the CBS *Kerncijfers wijken en buurten* (KWB) 2023 and 2024 tables,
/// as in the column header of `kwb-2023.xlsx`/`kwb-2024.xlsx` (both years have the same 121
/// columns; the six identifying columns `gwb_code_10`, `gwb_code_8`, `regio`, `gm_naam`,
/// `recs`, `gwb_code` are left out). A database may report more keys (StatLine imports); those
/// are passed to validation separately.
pub const KWB_STAT_KEYS: &[&str] = &[
    "ind_wbi", "a_inw", "a_man", "a_vrouw", "a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo",
    "a_ongeh", "a_gehuwd", "a_gesch", "a_verwed", "a_nl_all", "a_eur_al", "a_neu_al", "a_geb_nl",
    "a_geb_eu", "a_geb_ne", "a_gbl_eu", "a_gbl_ne", "a_geb", "p_geb", "a_ste", "p_ste", "a_hh",
    "a_1p_hh", "a_hh_z_k", "a_hh_m_k", "g_hhgro", "bev_dich", "a_woning", "g_wozbag", "p_1gezw",
    "p_mgezw", "p_bewndw", "p_leegsw", "p_koopw", "p_huurw", "p_wcorpw", "p_ov_hw", "p_e_o_w",
    "p_bjj2k", "p_bjo2k", "g_ele", "g_ele_ap", "g_ele_tw", "g_ele_hw", "g_ele_2w", "g_ele_vw",
    "g_ele_hu", "g_ele_ko", "g_gas", "g_gas_ap", "g_gas_tw", "g_gas_hw", "g_gas_2w", "g_gas_vw",
    "g_gas_hu", "g_gas_ko", "p_stadsv", "a_opl_lg", "a_opl_md", "a_opl_hg", "p_arb_pp", "p_arb_wn",
    "p_arb_zs", "a_inkont", "g_ink_po", "g_ink_pi", "p_ink_li", "p_ink_hi", "g_hh_sti", "p_hh_li",
    "p_hh_hi", "p_hh_lkk", "p_hh_osm", "p_hh_110", "p_hh_120", "m_hh_ver", "a_soz_wb", "a_soz_ao",
    "a_soz_ww", "a_soz_ow", "a_jz_tn", "p_jz_tn", "a_wmo_t", "p_wmo_t", "a_bedv", "a_bed_a",
    "a_bed_bf", "a_bed_gi", "a_bed_hj", "a_bed_kl", "a_bed_mn", "a_bed_oq", "a_bed_ru", "a_pau",
    "a_bst_b", "a_bst_nb", "g_pau_hh", "g_pau_km", "a_m2w", "g_afs_hp", "g_afs_gs", "g_afs_kv",
    "g_afs_sc", "g_3km_sc", "a_opp_ha", "a_lan_ha", "a_wat_ha", "pst_mvp", "pst_dekp", "ste_mvs",
    "ste_oad",
];

/// BAG gebruiksdoelen, as the store keeps them.
pub use crate::model::BAG_USES;

/// Signal kinds schouw knows. Other kinds are allowed (partners have their own) but named as a
/// warning, because a typo would silently count nothing.
pub const SIGNAL_KINDS: &[&str] = &[
    "hennep_ontmanteld",
    "hennep_vermoeden",
    "drugslab",
    "drugsdumping",
    "stroomdiefstal",
    "overlast",
    "witwassen_vermoeden",
    "mensenhandel_vermoeden",
    "bibob",
    "huisvesting_fraude",
    "adresfraude",
    "sluiting",
];

/// Signal sources schouw knows; others are named as a warning.
pub const SIGNAL_SOURCES: &[&str] = &[
    "politie",
    "gemeente",
    "mma",
    "toezicht",
    "belastingdienst",
    "netbeheerder",
];

/// Legal forms as KvK writes them; others are named as a warning.
pub const LEGAL_FORMS: &[&str] = &[
    "Eenmanszaak",
    "VOF",
    "CV",
    "Maatschap",
    "BV",
    "NV",
    "Stichting",
    "Vereniging",
    "Cooperatie",
    "Buitenlandse rechtsvorm",
];

/// True when `key` is a KWB statistic key.
pub fn is_kwb_key(key: &str) -> bool {
    KWB_STAT_KEYS.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kwb_keys_are_unique_and_include_the_common_ones() {
        let mut keys = KWB_STAT_KEYS.to_vec();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), KWB_STAT_KEYS.len());
        assert_eq!(keys.len(), 115);
        for k in [
            "a_inw", "a_woning", "g_wozbag", "p_huurw", "ste_mvs", "a_bed_gi",
        ] {
            assert!(is_kwb_key(k), "{k}");
        }
    }

    /// The embedded list is the real KWB header (read only in this test, never at run time).
    #[test]
    fn kwb_keys_match_the_real_header_when_the_data_is_present() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/kwb/kwb2023_utrecht.csv"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let header: Vec<&str> = text.lines().next().unwrap_or("").split(',').collect();
        let ids = [
            "gwb_code_10",
            "gwb_code_8",
            "regio",
            "gm_naam",
            "recs",
            "gwb_code",
        ];
        let stats: Vec<&str> = header.into_iter().filter(|h| !ids.contains(h)).collect();
        assert_eq!(stats, KWB_STAT_KEYS);
    }
}
