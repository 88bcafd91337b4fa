//! Stable statistic keys for CBS column headers.
//!
//! A key is derived from the column header alone, so the same header gives the same key in
//! every file and every year:
//!
//! 1. lower-case the header; fold accented Latin letters to ASCII (`é` → `e`, `ë` → `e`);
//! 2. replace every run of characters other than `a`–`z` and `0`–`9` by one `_`, and trim `_`
//!    from both ends (`"Particuliere huishoudens (Aantal)"` → `particuliere_huishoudens_aantal`);
//! 3. if the result is longer than [`MAX_KEY`] (60) characters, cut it to 51 characters, trim a
//!    trailing `_`, and append `_` and the first 8 hex digits of the SHA-256 of the full
//!    (uncut) slug, so long keys stay unique and stable;
//! 4. an empty slug becomes `col_` and the same 8 hex digits.
//!
//! KWB column codes are already in this form and keep it (`a_inw`, `g_wozbag`); the 2017
//! shapefile codes are lower-cased (`AANT_INW` → `aant_inw`). When two headers of one file give
//! the same key, the later one gets the hash suffix of its exact header text.

use sha2::{Digest, Sha256};

/// The longest key.
pub(crate) const MAX_KEY: usize = 60;

/// The stable key of a column header (see the module documentation).
pub(crate) fn stat_key(header: &str) -> String {
    let slug = slug(header);
    if slug.is_empty() {
        return format!("col_{}", hash8(header));
    }
    if slug.len() <= MAX_KEY {
        return slug;
    }
    with_hash(&slug, &hash8(&slug))
}

/// The key for a header whose plain key is already taken in the same file.
pub(crate) fn distinct_key(header: &str) -> String {
    with_hash(&slug(header), &hash8(header))
}

fn with_hash(slug: &str, hash: &str) -> String {
    let cut = slug.get(..51).unwrap_or(slug).trim_end_matches('_');
    format!("{cut}_{hash}")
}

fn hash8(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn slug(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut gap = false;
    for c in header.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(a) => {
                if gap && !out.is_empty() {
                    out.push('_');
                }
                gap = false;
                out.push(a);
            }
            None => gap = true,
        }
    }
    out
}

/// The ASCII letter or digit a lower-case character stands for, if any.
fn fold(c: char) -> Option<char> {
    Some(match c {
        'a'..='z' | '0'..='9' => c,
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_slugs() {
        assert_eq!(stat_key("a_inw"), "a_inw");
        assert_eq!(stat_key("AANT_INW"), "aant_inw");
        assert_eq!(
            stat_key("Particuliere huishoudens (Aantal)"),
            "particuliere_huishoudens_aantal"
        );
        assert_eq!(
            stat_key("Opleidingsniveau/Laag/Waarde (%)"),
            "opleidingsniveau_laag_waarde"
        );
        assert_eq!(stat_key("Cafés  en  dergelijke"), "cafes_en_dergelijke");
        assert!(stat_key("%%").starts_with("col_"));
    }

    #[test]
    fn long_keys_are_cut_with_a_stable_hash() {
        let h = "Gezondheid en welzijn/Huisartsenpraktijk/Aantal huisartsenpraktijken/Binnen 1 km (aantal)";
        let k = stat_key(h);
        assert!(k.len() <= MAX_KEY, "{k}");
        assert!(k.starts_with("gezondheid_en_welzijn_huisartsenpraktijk_aantal"));
        assert_eq!(k, stat_key(h));
        let other = h.replace("1 km", "3 km");
        assert_ne!(k, stat_key(&other));
        // Spacing differences do not change the key.
        assert_eq!(stat_key(&h.replace("1 km", "1  km")), k);
        assert_ne!(distinct_key(h), k);
    }
}
