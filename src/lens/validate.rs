//! Validation: the raw mirror of one file becomes a [`Lens`], or the complete list of what is
//! wrong with it. Checks ids, required keys, sources, weights, statistic keys, SBI prefixes,
//! flag references and rules, and collects every problem instead of stopping at the first.

mod quantity;
mod rule;

use std::collections::BTreeSet;
use std::ops::Range;

use crate::model::AreaLevel;

use super::definition::{CompareWithin, Direction, Indicator, Lens, Normalization, Origin};
use super::parse::{Parsed, list, parse};
use super::problem::{Problem, Report, Severity};
use super::raw::{RawCompare, RawDirection, RawIndicator, RawLevel, RawNormalization, RawVersion};
use super::rule::Flag;

/// What validation checks names against besides the embedded vocabularies.
#[derive(Debug, Clone, Default)]
pub struct ValidateOptions {
    /// Statistic keys a database reports (e.g. StatLine imports), accepted besides the
    /// embedded CBS KWB keys.
    pub extra_stat_keys: BTreeSet<String>,
    /// SBI codes known to a database or SBI list. When given, an SBI prefix that starts none of
    /// them is named as a warning.
    pub sbi_codes: Option<BTreeSet<String>>,
}

/// One lens file to check.
#[derive(Debug, Clone)]
pub struct LensSource<'a> {
    /// The TOML text.
    pub text: &'a str,
    /// The file name as shown in messages.
    pub file: &'a str,
    /// The file stem, which must equal the lens id.
    pub stem: &'a str,
    /// Where it comes from.
    pub origin: Origin,
}

/// The outcome of checking one file: the lens if it has no errors, and every problem found
/// (errors and warnings, in file order).
#[derive(Debug, Clone)]
pub struct Checked {
    /// The validated lens; `None` when any problem is an error.
    pub lens: Option<Lens>,
    /// All problems, sorted by place.
    pub problems: Vec<Problem>,
}

impl Checked {
    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| !p.is_error())
    }
}

/// Parses and validates one lens file.
pub fn check(source: &LensSource<'_>, options: &ValidateOptions) -> Checked {
    let mut report = Report::new(source.file, source.text);
    let lens = parse(source.text, &mut report)
        .and_then(|parsed| Validator::new(&mut report, options, &parsed).lens(&parsed, source));
    let lens = if report.has_errors() { None } else { lens };
    let mut problems = report.problems;
    problems.sort_by_key(|a| (a.line, a.column, a.severity));
    Checked { lens, problems }
}

/// Shared state while validating one file.
pub(crate) struct Validator<'v, 'r> {
    pub(crate) report: &'v mut Report<'r>,
    pub(crate) options: &'v ValidateOptions,
    /// Every flag id in the file (also of flags that failed to read).
    pub(crate) flag_ids: Vec<String>,
}

impl<'v, 'r> Validator<'v, 'r> {
    fn new(report: &'v mut Report<'r>, options: &'v ValidateOptions, parsed: &Parsed) -> Self {
        let flag_ids = parsed.flag_ids.iter().map(|(id, _)| id.clone()).collect();
        Validator {
            report,
            options,
            flag_ids,
        }
    }

    fn lens(&mut self, p: &Parsed, source: &LensSource<'_>) -> Option<Lens> {
        for key in ["id", "name", "description", "level", "version"] {
            if !p.present.contains(&key) {
                self.report.error(
                    Some(0..0),
                    format!("missing `{key}`: {}", what_key_holds(key)),
                    None,
                );
            }
        }
        if !p.present.contains(&"indicator") {
            self.report.error(
                Some(0..0),
                "a lens needs at least one [[indicator]] section",
                None,
            );
        }
        if let Some(id) = &p.id {
            self.check_id(id.get_ref(), id.span(), "lens");
            if id.get_ref() != source.stem {
                self.report.error(
                    Some(id.span()),
                    format!(
                        "the lens id `{}` differs from the file name `{}`: rename the file to \
                         `{}.toml` or set id = \"{}\"",
                        id.get_ref(),
                        source.stem,
                        id.get_ref(),
                        source.stem
                    ),
                    None,
                );
            }
        }
        for (what, text) in [("name", &p.name), ("description", &p.description)] {
            if text.as_ref().is_some_and(|t| t.trim().is_empty()) {
                self.report
                    .error(Some(0..0), format!("`{what}` must not be empty"), None);
            }
        }
        let min_population = match &p.min_population {
            Some(m) if *m.get_ref() < 0 => {
                self.report.error(
                    Some(m.span()),
                    format!("`min_population` must be 0 or more, not {}", m.get_ref()),
                    None,
                );
                0
            }
            Some(m) => *m.get_ref() as u64,
            None => 0,
        };
        self.duplicates(&p.indicator_ids, "indicator");
        self.duplicates(&p.flag_ids, "flag");
        let flags: Vec<Flag> = p.flags.iter().filter_map(|f| self.flag(f)).collect();
        let indicators: Vec<Indicator> = p
            .indicators
            .iter()
            .filter_map(|i| self.indicator(i))
            .collect();

        Some(Lens {
            id: p.id.as_ref()?.get_ref().clone(),
            name: p.name.clone()?,
            description: p.description.clone()?,
            level: match p.level? {
                RawLevel::Buurt => AreaLevel::Buurt,
                RawLevel::Wijk => AreaLevel::Wijk,
                RawLevel::Gemeente => AreaLevel::Gemeente,
            },
            compare_within: match p.compare_within.unwrap_or(RawCompare::All) {
                RawCompare::All => CompareWithin::All,
                RawCompare::Gemeente => CompareWithin::Gemeente,
                RawCompare::Stedelijkheid => CompareWithin::Stedelijkheid,
            },
            min_population,
            version: match p.version.clone()? {
                RawVersion::Int(i) => i.to_string(),
                RawVersion::Text(s) => s,
            },
            indicators,
            flags,
            origin: source.origin.clone(),
        })
    }

    fn indicator(&mut self, raw: &RawIndicator) -> Option<Indicator> {
        self.check_id(raw.id.get_ref(), raw.id.span(), "indicator");
        let id_span = raw.id.span();
        let sources = [
            raw.stat.is_some(),
            raw.count.is_some(),
            raw.flagged.is_some(),
            raw.share.is_some(),
        ];
        let n = sources.iter().filter(|s| **s).count();
        if n != 1 {
            let what = if n == 0 {
                "has no source"
            } else {
                "has more than one source"
            };
            self.report.error(
                Some(id_span.clone()),
                format!(
                    "indicator `{}` {what}: give exactly one of `stat`, `count`, `flagged`, \
                     `share`",
                    raw.id.get_ref()
                ),
                None,
            );
            return None;
        }
        if raw.share.is_some()
            && let Some(per) = &raw.per
        {
            self.report.error(
                Some(per.span()),
                "`per` cannot be combined with `share`: the share's `in` is its denominator",
                None,
            );
        }
        let (numerator, denominator, default_scale) = if let Some(stat) = &raw.stat {
            (self.stat(stat), self.per(raw), 1.0)
        } else if let Some(count) = &raw.count {
            (
                self.quantity(count, quantity::Role::Count),
                self.per(raw),
                1.0,
            )
        } else if let Some(flagged) = &raw.flagged {
            (self.flagged(flagged), self.per(raw), 1.0)
        } else {
            let share = raw.share.as_ref()?.get_ref();
            let of = self.quantity(&share.of, quantity::Role::Share);
            let within = self.quantity(&share.within, quantity::Role::Share);
            (of, within.map(Some), 100.0)
        };
        let scale = match &raw.scale {
            Some(s) if !(s.get_ref().is_finite() && *s.get_ref() > 0.0) => {
                self.report.error(
                    Some(s.span()),
                    format!(
                        "`scale` must be a number greater than 0, not {}",
                        s.get_ref()
                    ),
                    None,
                );
                None
            }
            Some(s) => Some(*s.get_ref()),
            None => Some(default_scale),
        };
        let weight = *raw.weight.get_ref();
        if !(weight.is_finite() && weight > 0.0) {
            self.report.error(
                Some(raw.weight.span()),
                format!(
                    "`weight` must be greater than 0, not {weight}; to make low values count \
                     as risky, set direction = \"lower_is_riskier\"; to leave the indicator \
                     out, remove it"
                ),
                None,
            );
        }
        Some(Indicator {
            id: raw.id.get_ref().clone(),
            label: raw.label.clone(),
            numerator: numerator?,
            denominator: denominator?,
            scale: scale?,
            direction: match raw.direction {
                RawDirection::HigherIsRiskier => Direction::HigherIsRiskier,
                RawDirection::LowerIsRiskier => Direction::LowerIsRiskier,
            },
            weight,
            normalization: match raw.normalization {
                None | Some(RawNormalization::Percentile) => Normalization::Percentile,
                Some(RawNormalization::RobustZ) => Normalization::RobustZ,
            },
        })
    }

    /// The denominator from `per`: `Some(None)` when absent, `None` when invalid.
    fn per(&mut self, raw: &RawIndicator) -> Option<Option<super::definition::Quantity>> {
        match &raw.per {
            None => Some(None),
            Some(per) => self.quantity(per, quantity::Role::Per).map(Some),
        }
    }

    /// Ids are lower-case ASCII letters, digits and `_`, starting with a letter.
    pub(crate) fn check_id(&mut self, id: &str, span: Range<usize>, what: &str) {
        let ok = id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            self.report.error(
                Some(span),
                format!(
                    "{what} id `{id}` must start with a lower-case letter and hold only a-z, \
                     0-9 and _"
                ),
                None,
            );
        }
    }

    fn duplicates(&mut self, ids: &[(String, Range<usize>)], what: &str) {
        for (i, (id, span)) in ids.iter().enumerate() {
            if let Some((_, first)) = ids[..i].iter().find(|(other, _)| other == id) {
                let (line, _) =
                    super::problem::LineIndex::new(self.report_text()).line_col(first.start);
                self.report.error(
                    Some(span.clone()),
                    format!(
                        "duplicate {what} id `{id}` (first used on line {line}); ids must be unique"
                    ),
                    None,
                );
            }
        }
    }

    fn report_text(&self) -> &'r str {
        self.report.text()
    }

    pub(crate) fn warn(&mut self, span: Range<usize>, message: String, hint: Option<String>) {
        self.report
            .add(Severity::Warning, Some(span), message, hint);
    }

    pub(crate) fn error(&mut self, span: Range<usize>, message: String, hint: Option<String>) {
        self.report.add(Severity::Error, Some(span), message, hint);
    }
}

fn what_key_holds(key: &str) -> &'static str {
    match key {
        "id" => "the lens id, equal to the file name without .toml",
        "name" => "the Dutch name of the lens",
        "description" => {
            "what pattern the lens looks for, what its score does not prove, and which data it needs"
        }
        "level" => "one of \"buurt\", \"wijk\", \"gemeente\"",
        "version" => "the lens version, a number or text",
        _ => "",
    }
}

/// The names of the allowed values, for messages.
pub(crate) fn names(values: &[&str]) -> String {
    list(values)
}
