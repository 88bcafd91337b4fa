//! Narrowing: which hits of a rule can matter. A rule that is used only as a direct part of
//! `all` combinations can only flag an entity its sibling parts hold for too, so its hits
//! found by address number are kept only for those before they get ids, buurten and
//! evidence. A broad part such as "one transfer in 24 months" holds for a tenth of all
//! addresses; materialising all of them would cost hundreds of megabytes at national scale.

use std::collections::HashSet;

use crate::lens::Rule;

use super::Run;
use super::address_index::AddressIndex;

/// For each rule of a request (same order): the `all` combinations it is used in, each as
/// the positions of its sibling parts that are rules themselves; `None` when some use needs
/// all its hits (at the top of a flag, inside `any`, or beside only combinations).
pub(crate) type Narrowing = Vec<Option<Vec<Vec<usize>>>>;

/// The narrowing of `rules` (the leaves of `tops`) as `tops` use them.
pub(crate) fn narrowing(tops: &[&Rule], rules: &[&Rule]) -> Narrowing {
    let mut out: Vec<Option<Vec<Vec<usize>>>> = vec![Some(Vec::new()); rules.len()];
    for top in tops {
        visit(top, None, rules, &mut out);
    }
    // A rule no flag uses (none are) is kept whole rather than dropped.
    out.into_iter()
        .map(|n| n.filter(|groups| !groups.is_empty()))
        .collect()
}

fn visit(rule: &Rule, all: Option<&[Rule]>, rules: &[&Rule], out: &mut Narrowing) {
    match rule {
        Rule::All(parts) => parts.iter().for_each(|p| visit(p, Some(parts), rules, out)),
        Rule::Any(parts) => parts.iter().for_each(|p| visit(p, None, rules, out)),
        leaf => {
            let Some(i) = position(leaf, rules) else {
                return;
            };
            let siblings: Vec<usize> = all
                .unwrap_or_default()
                .iter()
                .filter(|p| !matches!(p, Rule::All(_) | Rule::Any(_)))
                .filter_map(|p| position(p, rules))
                .filter(|&j| j != i)
                .collect();
            match (&mut out[i], all.is_some() && !siblings.is_empty()) {
                (Some(groups), true) => groups.push(siblings),
                (slot, _) => *slot = None,
            }
        }
    }
}

fn position(leaf: &Rule, rules: &[&Rule]) -> Option<usize> {
    rules.iter().position(|r| *r == leaf)
}

/// Drops the hits by address number that no combination can keep. The sibling sets are
/// taken before anything is dropped, so two broad parts of one `all` narrow each other
/// correctly.
pub(super) fn apply(run: &mut Run<'_>, index: &AddressIndex) {
    let narrowing = &run.req.narrowing;
    if narrowing.iter().all(Option::is_none) {
        return;
    }
    let mut numbers: Vec<Option<HashSet<u32>>> = vec![None; run.hits.len()];
    for groups in narrowing.iter().flatten() {
        for &j in groups.iter().flatten() {
            if numbers[j].is_none() {
                numbers[j] = Some(numbers_of(run, index, j));
            }
        }
    }
    let keep: Vec<Option<HashSet<u32>>> = narrowing
        .iter()
        .map(|n| {
            let groups = n.as_ref()?;
            let mut keep = HashSet::new();
            for group in groups {
                let sets: Vec<&HashSet<u32>> =
                    group.iter().filter_map(|&j| numbers[j].as_ref()).collect();
                let Some((first, rest)) = sets.split_first() else {
                    continue;
                };
                keep.extend(first.iter().filter(|n| rest.iter().all(|s| s.contains(n))));
            }
            Some(keep)
        })
        .collect();
    run.by_number
        .retain(|(i, n, _)| keep[*i].as_ref().is_none_or(|k| k.contains(n)));
}

/// The address numbers rule `j` holds for, found by number or by id.
fn numbers_of(run: &Run<'_>, index: &AddressIndex, j: usize) -> HashSet<u32> {
    let mut out: HashSet<u32> = run
        .by_number
        .iter()
        .filter(|(i, _, _)| *i == j)
        .map(|(_, n, _)| *n)
        .collect();
    out.extend(
        run.hits[j]
            .keys()
            .filter_map(|id| index.find(id, &run.reader)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lens::Months;

    fn at(min: u32) -> Rule {
        Rule::BusinessesAtAddress { min }
    }

    fn transfers(min: u32) -> Rule {
        Rule::Transfers {
            min,
            within: Months(24),
        }
    }

    #[test]
    fn a_part_of_all_is_narrowed_by_its_leaf_siblings() {
        let top = Rule::All(vec![at(2), transfers(1)]);
        let rules = [&at(2), &transfers(1)];
        assert_eq!(
            narrowing(&[&top], &rules),
            [Some(vec![vec![1]]), Some(vec![vec![0]])]
        );
    }

    #[test]
    fn a_part_used_whole_anywhere_is_not_narrowed() {
        let combined = Rule::All(vec![at(2), transfers(1)]);
        let alone = transfers(1);
        let rules = [&at(2), &transfers(1)];
        assert_eq!(
            narrowing(&[&combined, &alone], &rules),
            [Some(vec![vec![1]]), None]
        );
    }

    #[test]
    fn parts_inside_any_or_beside_only_combinations_are_not_narrowed() {
        let top = Rule::All(vec![at(2), Rule::Any(vec![transfers(1), at(5)])]);
        let rules = [&at(2), &transfers(1), &at(5)];
        assert_eq!(narrowing(&[&top], &rules), [None, None, None]);
    }

    #[test]
    fn a_part_shared_by_two_combinations_keeps_both_sibling_groups() {
        let one = Rule::All(vec![at(1), transfers(1)]);
        let two = Rule::All(vec![at(3), transfers(1)]);
        let rules = [&at(1), &transfers(1), &at(3)];
        assert_eq!(
            narrowing(&[&one, &two], &rules),
            [
                Some(vec![vec![1]]),
                Some(vec![vec![0], vec![2]]),
                Some(vec![vec![1]])
            ]
        );
    }
}
