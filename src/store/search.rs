//! Candidates for the fuzzy finder: areas by name or code, addresses by street and number or
//! postcode, businesses by trade name, KvK number or vestigingsnummer. The user's text is a
//! bound LIKE pattern with its wildcards escaped; each kind is bounded by a limit.

use rusqlite::params;

use super::open::{Context, Store, StoreError};

/// What kind of thing a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateKind {
    /// A gemeente, wijk or buurt.
    Area,
    /// An address.
    Address,
    /// An establishment.
    Business,
}

/// One candidate for the finder.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// What it is.
    pub kind: CandidateKind,
    /// Its key (area code, address id, vestigingsnummer).
    pub key: String,
    /// The text to match and show (`Kerkstraat 12A`, `Haverwoude-Centrum (BU99010101)`).
    pub text: String,
    /// Where it is (postcode and city, gemeente, KvK number).
    pub context: String,
}

/// Escapes `%`, `_` and `\` so the user's text matches literally inside a LIKE pattern.
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Store {
    /// Candidates whose text contains the first word of `query` (case-insensitive), at most
    /// `limit` of each kind; the fuzzy ranking happens in [`crate::search`].
    pub fn search_candidates(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<Candidate>, StoreError> {
        let first = query.split_whitespace().next().unwrap_or("");
        if first.is_empty() {
            return Ok(Vec::new());
        }
        let contains = format!("%{}%", like_escape(first));
        let compact = format!("{}%", like_escape(&first.to_uppercase()));
        let limit = limit as i64;
        let mut out = Vec::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.code, a.name || ' (' || a.code || ')', coalesce(g.name, '')
                 FROM areas a LEFT JOIN areas g ON g.code = 'GM' || substr(a.code, 3, 4) AND g.year = a.year
                 WHERE a.year = (SELECT max(year) FROM areas) AND (a.name LIKE ?1 ESCAPE '\\' OR a.code LIKE ?2 ESCAPE '\\')
                 ORDER BY a.code LIMIT ?3",
            )
            .ctx("searching areas")?;
        let rows = stmt
            .query_map(params![contains, compact, limit], |r| {
                Ok(Candidate {
                    kind: CandidateKind::Area,
                    key: r.get(0)?,
                    text: r.get(1)?,
                    context: r.get(2)?,
                })
            })
            .ctx("searching areas")?;
        out.extend(rows.collect::<Result<Vec<_>, _>>().ctx("searching areas")?);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, street || ' ' || number || coalesce(letter, '') || coalesce('-' || addition, ''),
                        trim(coalesce(postcode, '') || ' ' || coalesce(city, ''))
                 FROM addresses WHERE street LIKE ?1 ESCAPE '\\' OR postcode LIKE ?2 ESCAPE '\\'
                 ORDER BY street, number, id LIMIT ?3",
            )
            .ctx("searching addresses")?;
        let rows = stmt
            .query_map(params![contains, compact, limit], |r| {
                Ok(Candidate {
                    kind: CandidateKind::Address,
                    key: r.get(0)?,
                    text: r.get(1)?,
                    context: r.get(2)?,
                })
            })
            .ctx("searching addresses")?;
        out.extend(
            rows.collect::<Result<Vec<_>, _>>()
                .ctx("searching addresses")?,
        );
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT vestigingsnummer, name, 'KvK ' || kvk_nummer
                 FROM businesses WHERE name LIKE ?1 ESCAPE '\\' OR kvk_nummer LIKE ?2 ESCAPE '\\' OR vestigingsnummer LIKE ?2 ESCAPE '\\'
                 ORDER BY name, vestigingsnummer LIMIT ?3",
            )
            .ctx("searching businesses")?;
        let rows = stmt
            .query_map(params![contains, compact, limit], |r| {
                Ok(Candidate {
                    kind: CandidateKind::Business,
                    key: r.get(0)?,
                    text: r.get(1)?,
                    context: r.get(2)?,
                })
            })
            .ctx("searching businesses")?;
        out.extend(
            rows.collect::<Result<Vec<_>, _>>()
                .ctx("searching businesses")?,
        );
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_in_the_query_match_literally() {
        assert_eq!(like_escape("50%_a\\b"), "50\\%\\_a\\\\b");
        let store = Store::open_in_memory().unwrap();
        assert!(store.search_candidates("%", 10).unwrap().is_empty());
        assert!(store.search_candidates("   ", 10).unwrap().is_empty());
    }
}
