//! Fuzzy ranking over candidate names (fuzzy-matcher's skim algorithm): pure, no I/O. The store
//! supplies candidates; this ranks them and reports which characters matched so the interface
//! can mark them.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// One ranked candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// Index into the candidates given to [`rank`].
    pub index: usize,
    /// The matcher's score (higher is better).
    pub score: i64,
    /// Char positions in the candidate's text that matched.
    pub positions: Vec<usize>,
}

/// Ranks `candidates` against `query`, best first; ties keep the candidates' order. Candidates
/// that do not match are left out. Matching ignores case.
pub fn rank<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<Ranked> {
    let matcher = SkimMatcherV2::default().ignore_case();
    let query = query.trim();
    let mut hits: Vec<Ranked> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(index, text)| {
            matcher
                .fuzzy_indices(text, query)
                .map(|(score, positions)| Ranked {
                    index,
                    score,
                    positions,
                })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_closer_matches_first_and_marks_positions() {
        let names = ["Kerkstraat 12", "Korte Kerkweg 1", "Havenkade 3", "kerk"];
        let hits = rank("kerk", names, 10);
        assert_eq!(hits.len(), 3, "Havenkade does not match");
        assert!(hits.iter().all(|h| h.index != 2));
        let kerk = hits.iter().find(|h| h.index == 3).unwrap();
        assert_eq!(kerk.positions, vec![0, 1, 2, 3]);
        assert_eq!(rank("zzz", names, 10), vec![]);
        assert_eq!(rank("kerk", names, 1).len(), 1);
    }
}
