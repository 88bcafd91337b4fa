//! Recognising a CBS table from its header, and deciding what each column is.
//!
//! The formats, tried in this order:
//!
//! 1. **StatLine export**: a header contains `Regiocode` or `Codering` (`"Regiocode (gemeente,
//!    wijk, buurt) (code)"`, `"Regioaanduiding/Codering (code)"`): that column holds the area
//!    codes. `Perioden` gives the year, `Wijken en buurten` (or `Regio's`) the name, a header
//!    with `Soort regio` the level. Other `Regioaanduiding/…` columns describe the region and
//!    are not statistics. Keys are derived from the long Dutch headers ([`super::key`]).
//! 2. **KWB table** with the official codes: `gwb_code_10`, or `gwb_code` with `recs`.
//!    `regio` is the name, `recs` the level, an optional `jaar` the year; `gwb_code_8`,
//!    `gwb_code`, `gm_naam` and `ind_wbi` are descriptive.
//! 3. **Area table**: a code column named `code`, `nhood_id`, `regiocode`, `gwb_code`,
//!    `gebiedscode`, `area_code`, `wijkenenbuurten` or `regios`; the name `naam`/`name`/
//!    `regionaam`/`titel`; a `gm_code` column must agree with the code.
//! 4. **Wijk- en buurtkaart attributes** (2017 and earlier): `BU_CODE`, `WK_CODE` or
//!    `GM_CODE` (the finest level present is the area; the others name its parents and must
//!    agree with the nested-prefix rule);
//!    the name `BU_NAAM`/`WK_NAAM`/`GM_NAAM` matching the code column. Their upper-case column
//!    codes are older than and different from the current KWB codes (`AANT_INW` → key
//!    `aant_inw`, not `a_inw`).
//!
//! In formats 3 and 4 the level is `level`/`niveau`/`soort_regio`/`recs` and the year
//! `jaar`/`year`/`perioden`.
//!
//! In every format a leading row-index column (an empty header, `Unnamed: 0`, or a first
//! column `id`/`index`/`rownames`), geometry columns (`geometry`, `wkt`, `x`, `y`, `lon`,
//! `lat`, …) and `postcode` are skipped. Every remaining column is a candidate statistic.

use super::super::columns::normalise;
use super::key::{distinct_key, stat_key};

/// Which kind of CBS table the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// A StatLine "CSV met statistische symbolen" export.
    StatLine,
    /// A Kerncijfers wijken en buurten table with the official column codes.
    Kwb,
    /// A table with an area-code column and statistics (R/pandas extracts, OData tables).
    AreaTable,
    /// A table with `BU_CODE`/`WK_CODE`/`GM_CODE` columns, like the attributes of the CBS
    /// wijk- en buurtkaart (2017 and earlier), whose column codes differ from current KWB codes.
    Kaart,
}

impl Format {
    /// How the format is named in notes.
    pub fn describe(self) -> &'static str {
        match self {
            Format::StatLine => "a CBS StatLine export",
            Format::Kwb => "a CBS Kerncijfers wijken en buurten (KWB) table",
            Format::AreaTable => "a CBS table with an area-code column",
            Format::Kaart => {
                "a CBS table with BU_CODE/WK_CODE/GM_CODE columns (wijk- en buurtkaart)"
            }
        }
    }
}

/// What each column of the file is.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// The format.
    pub format: Format,
    /// The area-code column.
    pub code: usize,
    /// The area-name column, if any.
    pub name: Option<usize>,
    /// Whether the name column names only gemeenten (`Regioaanduiding/Gemeentenaam`).
    pub name_gemeente_only: bool,
    /// The level column, if any (checked against the code).
    pub level: Option<usize>,
    /// The year or period column, if any.
    pub year: Option<usize>,
    /// Columns holding the code of an enclosing area (`WK_CODE`, `GM_CODE`, `gm_code`),
    /// checked against the nested-prefix rule.
    pub parents: Vec<usize>,
    /// Candidate statistics: column, header, key.
    pub stats: Vec<(usize, String, String)>,
    /// Columns neither read nor stored (descriptive, index, geometry).
    pub skipped: Vec<String>,
}

const AREA_TABLE_CODES: &[&str] = &[
    "code",
    "nhood_id",
    "regiocode",
    "gwb_code",
    "gebiedscode",
    "area_code",
    "wijkenenbuurten",
    "regios",
];
const GEOMETRY: &[&str] = &[
    "geometry",
    "geom",
    "the_geom",
    "wkt",
    "shape",
    "x",
    "y",
    "lon",
    "lat",
    "lng",
    "longitude",
    "latitude",
];

/// Works out the layout from the header, or says why this is not a CBS table.
pub(crate) fn detect(headers: &[String], delimiter: u8) -> Result<Layout, String> {
    let norm: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let lower: Vec<String> = headers.iter().map(|h| h.to_lowercase()).collect();
    let find = |names: &[&str]| norm.iter().position(|n| names.contains(&n.as_str()));
    let mut descriptive: Vec<usize> = Vec::new();
    let mut layout = if let Some(code) = lower
        .iter()
        .position(|h| h.contains("regiocode") || h.contains("codering"))
    {
        let mut name = find(&["wijken_en_buurten", "regio's", "regios", "regio"]);
        let mut name_gemeente_only = false;
        if name.is_none() {
            name = lower.iter().position(|h| h.contains("gemeentenaam"));
            name_gemeente_only = name.is_some();
        }
        descriptive.extend(
            lower
                .iter()
                .enumerate()
                .filter(|(_, h)| h.starts_with("regioaanduiding/"))
                .map(|(i, _)| i),
        );
        Layout {
            format: Format::StatLine,
            code,
            name,
            name_gemeente_only,
            level: lower.iter().position(|h| h.contains("soort regio")),
            year: find(&["perioden"]),
            parents: Vec::new(),
            stats: Vec::new(),
            skipped: Vec::new(),
        }
    } else if let Some(code) =
        find(&["gwb_code_10"]).or_else(|| find(&["recs"]).and(find(&["gwb_code"])))
    {
        descriptive.extend(
            ["gwb_code_8", "gwb_code", "gm_naam", "ind_wbi"]
                .iter()
                .filter_map(|n| find(&[n])),
        );
        Layout {
            format: Format::Kwb,
            code,
            name: find(&["regio"]),
            name_gemeente_only: false,
            level: find(&["recs"]),
            year: find(&["jaar"]),
            parents: Vec::new(),
            stats: Vec::new(),
            skipped: Vec::new(),
        }
    } else {
        let generic = find(AREA_TABLE_CODES);
        let shapefile = ["bu", "wk", "gm"]
            .iter()
            .find_map(|p| find(&[&format!("{p}_code")]).map(|i| (i, *p)));
        let (format, code, name) = match (generic, shapefile) {
            (Some(code), _) => (
                Format::AreaTable,
                code,
                find(&["naam", "name", "regionaam", "titel"]),
            ),
            (None, Some((code, prefix))) => {
                (Format::Kaart, code, find(&[&format!("{prefix}_naam")]))
            }
            (None, None) => return Err(not_cbs(headers, delimiter)),
        };
        descriptive.extend(
            norm.iter()
                .enumerate()
                .filter(|(_, n)| {
                    ["bu_", "wk_", "gm_"].iter().any(|p| n.starts_with(p)) && n.ends_with("_naam")
                        || n.as_str() == "ind_wbi"
                })
                .map(|(i, _)| i),
        );
        Layout {
            format,
            code,
            name,
            name_gemeente_only: false,
            level: find(&["level", "niveau", "soort_regio", "recs"]),
            year: find(&["jaar", "year", "perioden"]),
            parents: ["wk_code", "gm_code"]
                .iter()
                .filter_map(|n| find(&[n]))
                .filter(|&i| i != code)
                .collect(),
            stats: Vec::new(),
            skipped: Vec::new(),
        }
    };
    let roles = [Some(layout.code), layout.name, layout.level, layout.year];
    let parents = layout.parents.clone();
    let mut keys: Vec<String> = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        if roles.contains(&Some(i)) || parents.contains(&i) {
            continue;
        }
        let n = norm[i].as_str();
        let index_column = n.is_empty()
            || n.starts_with("unnamed:")
            || (i == 0 && matches!(n, "id" | "index" | "rownames"));
        if descriptive.contains(&i) || index_column || GEOMETRY.contains(&n) || n == "postcode" {
            layout.skipped.push(if header.is_empty() {
                format!("(column {}, unnamed)", i + 1)
            } else {
                header.clone()
            });
            continue;
        }
        if layout.stats.iter().any(|(_, h, _)| h == header) {
            return Err(format!(
                "column `{}` appears twice in the header; each statistic needs its own column",
                crate::sanitize::field(header, 60)
            ));
        }
        let mut key = stat_key(header);
        if keys.contains(&key) {
            key = distinct_key(header);
        }
        keys.push(key.clone());
        layout.stats.push((i, header.clone(), key));
    }
    Ok(layout)
}

fn not_cbs(headers: &[String], delimiter: u8) -> String {
    if let Some(hint) = super::super::reader::delimiter_hint(headers, delimiter) {
        return format!("this is not a CBS table as read: {hint}");
    }
    let shown: Vec<String> = headers
        .iter()
        .take(5)
        .map(|h| format!("`{}`", crate::sanitize::field(h, 20)))
        .collect();
    let more = if headers.len() > 5 { ", …" } else { "" };
    format!(
        "this is not a CBS table: it has no column of area codes (GM0363, BU03630000) such as \
         `gwb_code_10`, `Regiocode`, `Codering`, `BU_CODE` or `code`; found {}{more}",
        shown.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn kwb_codes() {
        let l = detect(
            &h(&[
                "gwb_code_10",
                "gwb_code_8",
                "regio",
                "gm_naam",
                "recs",
                "gwb_code",
                "ind_wbi",
                "a_inw",
                "g_wozbag",
            ]),
            b',',
        )
        .unwrap();
        assert_eq!(l.format, Format::Kwb);
        assert_eq!(
            (l.code, l.name, l.level, l.year),
            (0, Some(2), Some(4), None)
        );
        let keys: Vec<&str> = l.stats.iter().map(|s| s.2.as_str()).collect();
        assert_eq!(keys, ["a_inw", "g_wozbag"]);
        assert_eq!(l.skipped.len(), 4);
    }

    #[test]
    fn statline_headers() {
        let l = detect(
            &h(&[
                "Wijken en buurten",
                "Regioaanduiding/Gemeentenaam (naam)",
                "Regioaanduiding/Soort regio (omschrijving)",
                "Regioaanduiding/Codering (code)",
                "Regioaanduiding/Indelingswijziging wijken en buurten (code)",
                "Afstand tot brandweerkazerne (km)",
            ]),
            b',',
        )
        .unwrap();
        assert_eq!(l.format, Format::StatLine);
        assert_eq!(
            (l.code, l.name, l.level, l.year),
            (3, Some(0), Some(2), None)
        );
        assert_eq!(l.stats.len(), 1);
        assert_eq!(l.stats[0].2, "afstand_tot_brandweerkazerne_km");
        assert_eq!(l.skipped.len(), 2);
    }

    #[test]
    fn shapefile_and_simple_tables() {
        let l = detect(
            &h(&[
                "", "BU_CODE", "BU_NAAM", "WK_CODE", "GM_CODE", "GM_NAAM", "WATER", "AANT_INW",
                "geometry", "x", "y",
            ]),
            b',',
        )
        .unwrap();
        assert_eq!(l.format, Format::Kaart);
        assert_eq!((l.code, l.name), (1, Some(2)));
        let keys: Vec<&str> = l.stats.iter().map(|s| s.2.as_str()).collect();
        assert_eq!(keys, ["water", "aant_inw"]);
        let l = detect(&h(&["", "nhood_id", "population"]), b',').unwrap();
        assert_eq!((l.code, l.name), (1, None));
        let l = detect(
            &h(&["code", "level", "naam", "gm_code", "AantalInwoners_5"]),
            b',',
        )
        .unwrap();
        assert_eq!((l.code, l.name, l.level), (0, Some(2), Some(1)));
        assert_eq!(l.stats[0].2, "aantalinwoners_5");
    }

    #[test]
    fn duplicate_columns() {
        let l = detect(&h(&["code", "a_inw", "A_INW"]), b',').unwrap();
        assert_eq!(l.stats[0].2, "a_inw");
        assert!(l.stats[1].2.starts_with("a_inw_"));
        let e = detect(&h(&["code", "a_inw", "a_inw"]), b',').unwrap_err();
        assert!(e.contains("appears twice"), "{e}");
    }

    #[test]
    fn not_a_cbs_table() {
        let e = detect(&h(&["naam", "nummer", "misdaad"]), b',').unwrap_err();
        assert!(
            e.contains("not a CBS table") && e.contains("`nummer`"),
            "{e}"
        );
    }
}
