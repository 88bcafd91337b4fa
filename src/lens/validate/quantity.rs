//! Validation of quantities (`stat`, `flagged`, `count`, `per`, `share`) and of the names they
//! use: statistic keys, entity kinds, filters per entity, BAG uses, SBI prefixes, signal kinds
//! and sources, legal forms.

use toml::Spanned;

use super::Validator;
use super::names;
use crate::lens::count::{AddressFilter, BusinessFilter, CountSpec, SignalFilter, TransferFilter};
use crate::lens::definition::Quantity;
use crate::lens::raw::RawQuantity;
use crate::lens::suggest::did_you_mean;
use crate::lens::vocabulary::{BAG_USES, KWB_STAT_KEYS, LEGAL_FORMS, SIGNAL_KINDS, SIGNAL_SOURCES};
use crate::lens::window::Months;

/// Where a quantity table appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// `count = { … }`: must count entities.
    Count,
    /// `per = { … }`.
    Per,
    /// `share = { of = { … }, in = { … } }`.
    Share,
}

const ENTITIES: &[&str] = &["address", "business", "signal", "transfer"];

/// Each filter field and the entities it applies to.
const FILTERS: &[(&str, &[&str])] = &[
    ("use", &["address"]),
    ("min_surface", &["address", "business"]),
    ("max_surface", &["address", "business"]),
    ("min_residents", &["address"]),
    ("sbi_prefix", &["business"]),
    ("active", &["business"]),
    ("registered_within_months", &["business"]),
    ("ended_within_months", &["business"]),
    ("legal_form", &["business"]),
    ("min_employees", &["business"]),
    ("max_employees", &["business"]),
    ("address_use", &["business"]),
    ("kind", &["signal"]),
    ("source", &["signal"]),
    ("since_months", &["signal"]),
    ("within_months", &["transfer"]),
    ("to_legal_person", &["transfer"]),
];

impl Validator<'_, '_> {
    /// A statistic key: known KWB key or reported by the database.
    pub(crate) fn stat(&mut self, key: &Spanned<String>) -> Option<Quantity> {
        let k = key.get_ref();
        if KWB_STAT_KEYS.contains(&k.as_str()) || self.options.extra_stat_keys.contains(k) {
            return Some(Quantity::Stat(k.clone()));
        }
        let candidates = KWB_STAT_KEYS
            .iter()
            .copied()
            .chain(self.options.extra_stat_keys.iter().map(String::as_str));
        let hint = did_you_mean(k, candidates);
        self.error(
            key.span(),
            format!("unknown statistic `{k}`: not a CBS KWB key and not reported by the database"),
            hint,
        );
        None
    }

    /// A reference to one of this lens's flags.
    pub(crate) fn flagged(&mut self, id: &Spanned<String>) -> Option<Quantity> {
        let name = id.get_ref();
        if self.flag_ids.iter().any(|f| f == name) {
            return Some(Quantity::Flagged(name.clone()));
        }
        let hint = did_you_mean(name, self.flag_ids.iter().map(String::as_str));
        let msg = if self.flag_ids.is_empty() {
            format!("`flagged = \"{name}\"` names a flag, but this lens has no [[flag]] sections")
        } else {
            format!(
                "`flagged = \"{name}\"` names no flag of this lens; its flags are {}",
                names(&self.flag_ids.iter().map(String::as_str).collect::<Vec<_>>())
            )
        };
        self.error(id.span(), msg, hint);
        None
    }

    /// A quantity table in one of its roles.
    pub(crate) fn quantity(&mut self, q: &Spanned<RawQuantity>, role: Role) -> Option<Quantity> {
        let span = q.span();
        let raw = q.get_ref();
        let given = [
            raw.stat.is_some(),
            raw.flagged.is_some(),
            raw.entity.is_some(),
        ];
        if given.iter().filter(|g| **g).count() != 1
            || (role == Role::Count && raw.entity.is_none())
        {
            let expected = match role {
                Role::Count => {
                    "a count needs `entity = \"address\"|\"business\"|\"signal\"|\"transfer\"` and its filters"
                }
                Role::Per | Role::Share => {
                    "give exactly one of `stat = \"…\"`, `flagged = \"…\"` or `entity = \"…\"` with filters"
                }
            };
            self.error(span, format!("this quantity is unclear: {expected}"), None);
            return None;
        }
        if raw.entity.is_none() {
            if let Some(field) = present_filters(raw).first() {
                self.error(
                    span,
                    format!("`{field}` filters entities; it needs `entity = \"…\"`, not `stat` or `flagged`"),
                    None,
                );
                return None;
            }
            return match (&raw.stat, &raw.flagged) {
                (Some(stat), _) => self.stat(stat),
                (_, Some(flag)) => self.flagged(flag),
                _ => None,
            };
        }
        let entity = raw.entity.as_ref()?;
        let Some(kind) = ENTITIES.iter().find(|e| **e == entity.get_ref()) else {
            self.error(
                entity.span(),
                format!(
                    "unknown entity `{}`, expected one of {}",
                    entity.get_ref(),
                    names(ENTITIES)
                ),
                did_you_mean(entity.get_ref(), ENTITIES.iter().copied()),
            );
            return None;
        };
        let mut ok = true;
        for field in present_filters(raw) {
            let applies = FILTERS
                .iter()
                .find(|(f, _)| *f == field)
                .map_or(&[][..], |(_, e)| e);
            if !applies.contains(kind) {
                ok = false;
                self.error(
                    span.clone(),
                    format!(
                        "`{field}` does not filter `{kind}` counts; it applies to {}",
                        names(applies)
                    ),
                    None,
                );
            }
        }
        let spec = match *kind {
            "address" => CountSpec::Address(AddressFilter {
                uses: self.bag_uses(raw.uses.as_deref()),
                min_surface: self.non_negative(raw.min_surface.as_ref(), "min_surface"),
                max_surface: self.non_negative(raw.max_surface.as_ref(), "max_surface"),
                min_residents: raw.min_residents.as_ref().map(|m| *m.get_ref()),
            }),
            "business" => CountSpec::Business(BusinessFilter {
                sbi_prefixes: self.sbi_prefixes(raw.sbi_prefix.as_deref()),
                active: raw.active.as_ref().map(|a| *a.get_ref()),
                registered_within: self.months(raw.registered_within_months.as_ref()),
                ended_within: self.months(raw.ended_within_months.as_ref()),
                legal_forms: self.known_names(raw.legal_form.as_deref(), LEGAL_FORMS, "legal form"),
                min_employees: raw.min_employees.as_ref().map(|m| *m.get_ref()),
                max_employees: raw.max_employees.as_ref().map(|m| *m.get_ref()),
                min_surface: self.non_negative(raw.min_surface.as_ref(), "min_surface"),
                max_surface: self.non_negative(raw.max_surface.as_ref(), "max_surface"),
                address_uses: self.bag_uses(raw.address_use.as_deref()),
            }),
            "signal" => CountSpec::Signal(SignalFilter {
                kinds: self.known_names(raw.kind.as_deref(), SIGNAL_KINDS, "signal kind"),
                sources: self.known_names(raw.source.as_deref(), SIGNAL_SOURCES, "signal source"),
                since: self.months(raw.since_months.as_ref()),
            }),
            _ => CountSpec::Transfer(TransferFilter {
                within: self.months(raw.within_months.as_ref()),
                to_legal_person: raw.to_legal_person.as_ref().is_some_and(|t| *t.get_ref()),
            }),
        };
        if let (Some(lo), Some(hi)) = (&raw.min_surface, &raw.max_surface)
            && lo.get_ref() > hi.get_ref()
        {
            ok = false;
            self.error(
                lo.span(),
                "`min_surface` is larger than `max_surface`".into(),
                None,
            );
        }
        if let (Some(lo), Some(hi)) = (&raw.min_employees, &raw.max_employees)
            && lo.get_ref() > hi.get_ref()
        {
            ok = false;
            self.error(
                lo.span(),
                "`min_employees` is larger than `max_employees`".into(),
                None,
            );
        }
        ok.then_some(Quantity::Count(spec))
    }

    /// A month window: at least 1.
    pub(crate) fn months(&mut self, m: Option<&Spanned<u32>>) -> Option<Months> {
        let m = m?;
        if *m.get_ref() == 0 {
            self.error(
                m.span(),
                "a window of 0 months holds nothing; use 1 or more".into(),
                None,
            );
        }
        Some(Months(*m.get_ref()))
    }

    fn non_negative(&mut self, v: Option<&Spanned<f64>>, what: &str) -> Option<f64> {
        let v = v?;
        let x = *v.get_ref();
        if !(x.is_finite() && x >= 0.0) {
            self.error(
                v.span(),
                format!("`{what}` must be 0 or more, not {x}"),
                None,
            );
        }
        Some(x)
    }

    /// SBI prefixes: 1–5 digits; warned about when a provided SBI list has no code starting
    /// with them.
    pub(crate) fn sbi_prefixes(&mut self, list: Option<&[Spanned<String>]>) -> Vec<String> {
        let mut out = Vec::new();
        for p in list.unwrap_or_default() {
            let s = p.get_ref();
            if s.is_empty() || s.len() > 5 || !s.bytes().all(|b| b.is_ascii_digit()) {
                let digits: String = s.chars().filter(char::is_ascii_digit).collect();
                let hint = (!digits.is_empty() && digits.len() <= 5 && digits != *s)
                    .then(|| format!("did you mean `{digits}`?"));
                self.error(
                    p.span(),
                    format!("SBI prefix `{s}` must be 1 to 5 digits, without dots or letters"),
                    hint,
                );
                continue;
            }
            if let Some(codes) = &self.options.sbi_codes
                && !codes.iter().any(|c| c.starts_with(s.as_str()))
            {
                self.warn(
                    p.span(),
                    format!(
                        "SBI prefix `{s}` starts no code in the SBI list, so it will count nothing"
                    ),
                    None,
                );
            }
            out.push(s.clone());
        }
        out
    }

    /// BAG uses: a closed list, so an unknown one is an error.
    fn bag_uses(&mut self, list: Option<&[Spanned<String>]>) -> Vec<String> {
        let mut out = Vec::new();
        for u in list.unwrap_or_default() {
            if BAG_USES.contains(&u.get_ref().as_str()) {
                out.push(u.get_ref().clone());
            } else {
                self.error(
                    u.span(),
                    format!(
                        "unknown BAG use `{}`, expected one of {}",
                        u.get_ref(),
                        names(BAG_USES)
                    ),
                    did_you_mean(u.get_ref(), BAG_USES.iter().copied()),
                );
            }
        }
        out
    }

    /// Names from an open vocabulary: unknown ones are kept but named as a warning.
    pub(crate) fn known_names(
        &mut self,
        list: Option<&[Spanned<String>]>,
        known: &[&str],
        what: &str,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for n in list.unwrap_or_default() {
            if !known.contains(&n.get_ref().as_str()) {
                let hint = did_you_mean(n.get_ref(), known.iter().copied());
                self.warn(
                    n.span(),
                    format!(
                        "{what} `{}` is not one schouw knows ({}); it only counts if your data uses it",
                        n.get_ref(),
                        names(known)
                    ),
                    hint,
                );
            }
            out.push(n.get_ref().clone());
        }
        out
    }
}

/// The filter fields set in a quantity table.
fn present_filters(q: &RawQuantity) -> Vec<&'static str> {
    let set = [
        ("use", q.uses.is_some()),
        ("min_surface", q.min_surface.is_some()),
        ("max_surface", q.max_surface.is_some()),
        ("min_residents", q.min_residents.is_some()),
        ("sbi_prefix", q.sbi_prefix.is_some()),
        ("active", q.active.is_some()),
        (
            "registered_within_months",
            q.registered_within_months.is_some(),
        ),
        ("ended_within_months", q.ended_within_months.is_some()),
        ("legal_form", q.legal_form.is_some()),
        ("min_employees", q.min_employees.is_some()),
        ("max_employees", q.max_employees.is_some()),
        ("address_use", q.address_use.is_some()),
        ("kind", q.kind.is_some()),
        ("source", q.source.is_some()),
        ("since_months", q.since_months.is_some()),
        ("within_months", q.within_months.is_some()),
        ("to_legal_person", q.to_legal_person.is_some()),
    ];
    set.into_iter()
        .filter(|(_, s)| *s)
        .map(|(f, _)| f)
        .collect()
}
