//! Validation of `[[flag]]` sections: the rule catalogue's parameters (minimums at least 1,
//! windows at least 1 month, thresholds positive), and `all`/`any` lists whose rules concern
//! the same kind of entity.

use toml::Spanned;

use super::Validator;
use super::names;
use crate::lens::raw::{RawFlag, RawRule};
use crate::lens::rule::{Flag, Rule, Subject};
use crate::lens::suggest::did_you_mean;
use crate::lens::vocabulary::{SIGNAL_KINDS, SIGNAL_SOURCES};
use crate::lens::window::Months;

const SIGNAL_SUBJECTS: &[&str] = &["address", "business", "party"];

impl Validator<'_, '_> {
    pub(crate) fn flag(&mut self, raw: &RawFlag) -> Option<Flag> {
        self.check_id(raw.id.get_ref(), raw.id.span(), "flag");
        let rule = self.rule(&raw.rule)?;
        Some(Flag {
            id: raw.id.get_ref().clone(),
            label: raw.label.clone(),
            rule,
        })
    }

    fn rule(&mut self, raw: &Spanned<RawRule>) -> Option<Rule> {
        let span = raw.span();
        let rule = match raw.get_ref() {
            RawRule::BusinessesAtAddress(p) => Rule::BusinessesAtAddress {
                min: self.at_least_one(&p.min, "min")?,
            },
            RawRule::BusinessChurnAtAddress(p) => Rule::BusinessChurnAtAddress {
                min_registrations: self.at_least_one(&p.min_registrations, "min_registrations")?,
                within: self.window(&p.within_months)?,
            },
            RawRule::SbiRecentlyRegistered(p) => {
                if p.sbi_prefix.is_empty() {
                    self.error(
                        span.clone(),
                        "`sbi_prefix` needs at least one SBI prefix".into(),
                        None,
                    );
                }
                let sbi_prefixes = self.sbi_prefixes(Some(&p.sbi_prefix));
                if sbi_prefixes.len() != p.sbi_prefix.len() || sbi_prefixes.is_empty() {
                    return None;
                }
                Rule::SbiRecentlyRegistered {
                    sbi_prefixes,
                    within: self.window(&p.within_months)?,
                }
            }
            RawRule::ResidentsPerM2(p) => {
                let above = *p.above.get_ref();
                if !(above.is_finite() && above > 0.0) {
                    self.error(
                        p.above.span(),
                        format!("`above` must be a number of residents per m² greater than 0 (1 per 12 m² is 0.083), not {above}"),
                        None,
                    );
                    return None;
                }
                Rule::ResidentsPerM2 { above }
            }
            RawRule::DwellingWithoutResidentsOrBusiness(_) => {
                Rule::DwellingWithoutResidentsOrBusiness
            }
            RawRule::Transfers(p) => Rule::Transfers {
                min: self.at_least_one(&p.min, "min")?,
                within: self.window(&p.within_months)?,
            },
            RawRule::YoungLegalOwner(p) => Rule::YoungLegalOwner {
                max_age_months: self.at_least_one(&p.max_age_months, "max_age_months")?,
                within: match &p.within_months {
                    Some(w) => Some(self.window(w)?),
                    None => None,
                },
            },
            RawRule::PartyLinks(p) => {
                if p.min_businesses.is_none() && p.min_addresses.is_none() {
                    self.error(
                        span,
                        "`party_links` needs `min_businesses`, `min_addresses` or both".into(),
                        None,
                    );
                    return None;
                }
                Rule::PartyLinks {
                    min_businesses: match &p.min_businesses {
                        Some(m) => Some(self.at_least_one(m, "min_businesses")?),
                        None => None,
                    },
                    min_addresses: match &p.min_addresses {
                        Some(m) => Some(self.at_least_one(m, "min_addresses")?),
                        None => None,
                    },
                }
            }
            RawRule::Signals(p) => {
                let subject = match &p.entity {
                    None => Subject::Address,
                    Some(e) => match e.get_ref().as_str() {
                        "address" => Subject::Address,
                        "business" => Subject::Business,
                        "party" => Subject::Party,
                        other => {
                            self.error(
                                e.span(),
                                format!(
                                    "signals can flag an {}, not `{other}`",
                                    names(SIGNAL_SUBJECTS)
                                ),
                                did_you_mean(other, SIGNAL_SUBJECTS.iter().copied()),
                            );
                            return None;
                        }
                    },
                };
                Rule::Signals {
                    subject,
                    min: match &p.min {
                        Some(m) => self.at_least_one(m, "min")?,
                        None => 1,
                    },
                    kinds: self.known_names(p.kind.as_deref(), SIGNAL_KINDS, "signal kind"),
                    sources: self.known_names(p.source.as_deref(), SIGNAL_SOURCES, "signal source"),
                    within: match &p.within_months {
                        Some(w) => Some(self.window(w)?),
                        None => None,
                    },
                }
            }
            RawRule::All(list) | RawRule::Any(list) => {
                let is_all = matches!(raw.get_ref(), RawRule::All(_));
                let name = if is_all { "all" } else { "any" };
                if list.is_empty() {
                    self.error(span, format!("`{name}` needs at least one rule"), None);
                    return None;
                }
                let rules: Vec<Option<Rule>> = list.iter().map(|r| self.rule(r)).collect();
                let rules: Vec<Rule> = rules.into_iter().collect::<Option<_>>()?;
                let first = rules[0].subject();
                if let Some((other, r)) = rules.iter().zip(list).find(|(r, _)| r.subject() != first)
                {
                    self.error(
                        r.span(),
                        format!(
                            "the rules in `{name}` must concern the same kind of entity: `{}` is about a {}, the first rule about a {}",
                            other.name(),
                            other.subject().as_str(),
                            first.as_str()
                        ),
                        None,
                    );
                    return None;
                }
                if is_all {
                    Rule::All(rules)
                } else {
                    Rule::Any(rules)
                }
            }
        };
        Some(rule)
    }

    fn at_least_one(&mut self, v: &Spanned<u32>, what: &str) -> Option<u32> {
        if *v.get_ref() == 0 {
            self.error(v.span(), format!("`{what}` must be at least 1"), None);
            return None;
        }
        Some(*v.get_ref())
    }

    fn window(&mut self, v: &Spanned<u32>) -> Option<Months> {
        if *v.get_ref() == 0 {
            self.error(
                v.span(),
                "a window of 0 months holds nothing; use 1 or more".into(),
                None,
            );
            return None;
        }
        Some(Months(*v.get_ref()))
    }
}
