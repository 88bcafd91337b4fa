//! Candidates for the fuzzy finder: areas by name or code, addresses by street and number or
//! postcode, businesses by trade name, KvK number or vestigingsnummer. Every query over the
//! large tables is a bounded range (`LIMIT`) on a column that has an index
//! (`addresses_by_postcode`, `businesses_by_kvk`, the primary key, and the two search indexes
//! below), so a keystroke costs a few index probes whatever the size of the database: names and
//! streets match from their start, case-insensitively (ASCII), and [`crate::search`] ranks what
//! comes back. Areas are few and are matched anywhere in name or code.
//!
//! The search indexes on street and trade name are not part of the schema but built on request
//! (see [`super::on_request`]). Without them the same queries still answer, by scanning until
//! the limit is reached.

use rusqlite::params;

use super::open::{Context, Store, StoreError};

/// What kind of thing a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CandidateKind {
    /// A gemeente, wijk or buurt.
    Area,
    /// An address.
    Address,
    /// An address found by its postcode (the text starts with the postcode).
    Postcode,
    /// An establishment.
    Business,
    /// An establishment found by its KvK or vestigingsnummer (the text starts with it).
    Kvk,
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

/// The upper bound of a prefix range: every text that starts with `prefix` sorts below it.
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}{}", char::MAX)
}

/// What a query asks for, parsed once.
#[derive(Debug, PartialEq)]
struct Query {
    /// The text before a trailing house number, single-spaced (`kerkstraat`).
    text: String,
    /// The first word of it, tried as well when the whole text finds too little.
    first: String,
    /// A house number after the text (`12` in `kerkstraat 12`).
    number: Option<i64>,
    /// A postcode or its beginning (`1234`, `1234A`, `1234AB`), upper case, without space.
    postcode: Option<String>,
    /// The digits of a KvK or vestigingsnummer prefix.
    digits: Option<String>,
}

impl Query {
    fn parse(query: &str) -> Query {
        let words: Vec<&str> = query.split_whitespace().collect();
        let number_at = words
            .iter()
            .rposition(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
            .map_or(0, |i| i + 1);
        let (text, tail) = words.split_at(number_at);
        let number = tail.first().and_then(|w| {
            let n: String = w.chars().take_while(char::is_ascii_digit).collect();
            n.parse().ok()
        });
        let compact: String = words.concat().to_uppercase();
        let postcode = (compact.is_ascii()
            && compact.len() <= 6
            && compact.len() >= 4
            && compact[..4].bytes().all(|b| b.is_ascii_digit())
            && compact[4..].bytes().all(|b| b.is_ascii_uppercase()))
        .then(|| compact.clone());
        let digits = (compact.len() >= 2 && compact.bytes().all(|b| b.is_ascii_digit()))
            .then(|| compact.clone());
        Query {
            text: text.join(" "),
            first: text.first().map_or(String::new(), |w| (*w).to_owned()),
            number: if text.is_empty() { None } else { number },
            postcode,
            digits,
        }
    }
}

impl Store {
    /// Candidates for `query`, at most `limit` of each kind; the fuzzy ranking happens in
    /// [`crate::search`].
    pub fn search_candidates(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<Candidate>, StoreError> {
        let q = Query::parse(query);
        let mut out = Vec::new();
        let first = query.split_whitespace().next().unwrap_or("");
        if first.is_empty() {
            return Ok(out);
        }
        self.search_areas(first, limit, &mut out)?;
        let mut texts = vec![q.text.clone()];
        if q.first != q.text {
            texts.push(q.first.clone());
        }
        texts.retain(|t| !t.is_empty());
        for t in &texts {
            self.search_streets(t, q.number, limit, &mut out)?;
        }
        if let Some(p) = &q.postcode {
            self.search_postcodes(p, limit, &mut out)?;
        }
        for t in &texts {
            self.search_businesses(
                CandidateKind::Business,
                BUSINESS_BY_NAME,
                t,
                limit,
                &mut out,
            )?;
        }
        if let Some(d) = &q.digits {
            self.search_businesses(CandidateKind::Kvk, BUSINESS_BY_KVK, d, limit, &mut out)?;
            self.search_businesses(CandidateKind::Kvk, BUSINESS_BY_NUMBER, d, limit, &mut out)?;
        }
        // Each query may find what an earlier one found.
        let mut seen = std::collections::HashSet::new();
        out.retain(|c| seen.insert((c.kind, c.key.clone())));
        Ok(out)
    }

    /// Areas of the latest year whose name or code contains `word` (a scan, but of the
    /// areas table only).
    fn search_areas(
        &self,
        word: &str,
        limit: usize,
        out: &mut Vec<Candidate>,
    ) -> Result<(), StoreError> {
        let contains = format!("%{}%", like_escape(word));
        let code = format!("{}%", like_escape(&word.to_uppercase()));
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
            .query_map(params![contains, code, limit as i64], |r| {
                candidate(CandidateKind::Area, r)
            })
            .ctx("searching areas")?;
        out.extend(rows.collect::<Result<Vec<_>, _>>().ctx("searching areas")?);
        Ok(())
    }

    /// Addresses whose street starts with `street`, from the number `number` on if given.
    fn search_streets(
        &self,
        street: &str,
        number: Option<i64>,
        limit: usize,
        out: &mut Vec<Candidate>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {ADDRESS_COLUMNS} FROM addresses
                 WHERE street COLLATE NOCASE >= ?1 AND street COLLATE NOCASE < ?2
                   AND (?3 IS NULL OR number >= ?3)
                 ORDER BY street COLLATE NOCASE, number LIMIT ?4"
            ))
            .ctx("searching addresses")?;
        let rows = stmt
            .query_map(
                params![street, prefix_end(street), number, limit as i64],
                |r| candidate(CandidateKind::Address, r),
            )
            .ctx("searching addresses")?;
        out.extend(
            rows.collect::<Result<Vec<_>, _>>()
                .ctx("searching addresses")?,
        );
        Ok(())
    }

    /// Addresses whose postcode starts with `postcode`.
    fn search_postcodes(
        &self,
        postcode: &str,
        limit: usize,
        out: &mut Vec<Candidate>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(POSTCODES)
            .ctx("searching postcodes")?;
        let rows = stmt
            .query_map(params![postcode, prefix_end(postcode), limit as i64], |r| {
                candidate(CandidateKind::Postcode, r)
            })
            .ctx("searching postcodes")?;
        out.extend(
            rows.collect::<Result<Vec<_>, _>>()
                .ctx("searching postcodes")?,
        );
        Ok(())
    }

    /// Businesses by one of the range queries below, from `prefix` on.
    fn search_businesses(
        &self,
        kind: CandidateKind,
        sql: &str,
        prefix: &str,
        limit: usize,
        out: &mut Vec<Candidate>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).ctx("searching businesses")?;
        let rows = stmt
            .query_map(params![prefix, prefix_end(prefix), limit as i64], |r| {
                candidate(kind, r)
            })
            .ctx("searching businesses")?;
        out.extend(
            rows.collect::<Result<Vec<_>, _>>()
                .ctx("searching businesses")?,
        );
        Ok(())
    }
}

/// An address candidate: id, street and number, postcode and city.
const ADDRESS_COLUMNS: &str =
    "id, street || ' ' || number || coalesce(letter, '') || coalesce('-' || addition, ''),
    trim(coalesce(postcode, '') || ' ' || coalesce(city, ''))";

/// Addresses by postcode, the postcode first in the text (the finder ranks on it).
const POSTCODES: &str =
    "SELECT id, postcode || ' ' || street || ' ' || number || coalesce(letter, '')
        || coalesce('-' || addition, ''), coalesce(city, '')
     FROM addresses WHERE postcode >= ?1 AND postcode < ?2 ORDER BY postcode, number LIMIT ?3";

const BUSINESS_BY_NAME: &str = "SELECT vestigingsnummer, name, 'KvK ' || kvk_nummer FROM businesses
     WHERE name COLLATE NOCASE >= ?1 AND name COLLATE NOCASE < ?2
     ORDER BY name COLLATE NOCASE LIMIT ?3";
const BUSINESS_BY_KVK: &str = "SELECT vestigingsnummer, kvk_nummer || ' ' || name, 'vestiging ' || vestigingsnummer FROM businesses
     WHERE kvk_nummer >= ?1 AND kvk_nummer < ?2 ORDER BY kvk_nummer LIMIT ?3";
const BUSINESS_BY_NUMBER: &str =
    "SELECT vestigingsnummer, vestigingsnummer || ' ' || name, 'KvK ' || kvk_nummer FROM businesses
     WHERE vestigingsnummer >= ?1 AND vestigingsnummer < ?2 ORDER BY vestigingsnummer LIMIT ?3";

fn candidate(kind: CandidateKind, r: &rusqlite::Row<'_>) -> rusqlite::Result<Candidate> {
    Ok(Candidate {
        kind,
        key: r.get(0)?,
        text: r.get(1)?,
        context: r.get(2)?,
    })
}

#[cfg(test)]
mod tests;
