//! Suggestions for near misses: the known name closest to what was typed, found by edit
//! distance first and fuzzy-matcher's skim score second.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The candidate closest to `typed`, if any is close enough to be worth suggesting.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let matcher = SkimMatcherV2::default().ignore_case();
    let typed_lower = typed.to_lowercase();
    let mut best: Option<(usize, i64, &'a str)> = None;
    for cand in candidates {
        if cand == typed {
            continue;
        }
        let dist = edit_distance(&typed_lower, &cand.to_lowercase());
        let fuzzy = matcher
            .fuzzy_match(cand, typed)
            .max(matcher.fuzzy_match(typed, cand))
            .unwrap_or(0);
        let limit = (typed.chars().count().max(cand.chars().count()) / 3).max(2);
        if dist > limit && fuzzy == 0 {
            continue;
        }
        // A pure subsequence match counts when it covers most of the longer name.
        if dist > limit {
            let (short, long) = if typed.len() < cand.len() {
                (typed.len(), cand.len())
            } else {
                (cand.len(), typed.len())
            };
            if short * 2 < long || short < 3 {
                continue;
            }
        }
        let better = match best {
            None => true,
            Some((d, f, c)) => (dist, -fuzzy, cand) < (d, -f, c),
        };
        if better {
            best = Some((dist, fuzzy, cand));
        }
    }
    best.map(|(_, _, c)| c)
}

/// `did you mean `x`?` for the nearest candidate, if any.
pub fn did_you_mean<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    nearest(typed, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_known_name() {
        let keys = ["a_inw", "a_woning", "a_man", "g_wozbag"];
        assert_eq!(nearest("a_inww", keys), Some("a_inw"));
        assert_eq!(nearest("wozbag", keys), Some("g_wozbag"));
        assert_eq!(nearest("wieght", ["weight", "label", "id"]), Some("weight"));
        assert_eq!(nearest("zzzzzzzz", keys), None);
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }
}
