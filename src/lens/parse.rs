//! Reading the TOML text of one lens file into the raw mirror, key by key and table by table,
//! so that one bad value does not hide the problems after it. Every TOML or serde error becomes
//! a [`super::Problem`] with line, column and, for a near miss, a suggestion.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::problem::Report;
use super::raw::{RawCompare, RawFlag, RawIndicator, RawLevel, RawVersion, TOP_LEVEL_KEYS};
use super::suggest::did_you_mean;

/// A lens file as read: each top-level value that could be read, plus the ids of every
/// indicator and flag table (also those that failed to read, so references to them and
/// duplicates are still checked).
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub id: Option<Spanned<String>>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub level: Option<RawLevel>,
    pub compare_within: Option<RawCompare>,
    pub min_population: Option<Spanned<i64>>,
    pub version: Option<RawVersion>,
    pub indicators: Vec<RawIndicator>,
    pub flags: Vec<RawFlag>,
    pub indicator_ids: Vec<(String, Range<usize>)>,
    pub flag_ids: Vec<(String, Range<usize>)>,
    /// Which required top-level keys were present (even if their value was wrong).
    pub present: Vec<&'static str>,
}

/// Reads the text; `None` when it is not TOML at all (the syntax error is reported).
pub(crate) fn parse(text: &str, report: &mut Report<'_>) -> Option<Parsed> {
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            toml_error(report, &e, Some(0..0));
            return None;
        }
    };
    let mut parsed = Parsed::default();
    for (key, value) in doc.into_inner() {
        let key_span = key.span();
        let name = key.get_ref().as_ref();
        let Some(known) = TOP_LEVEL_KEYS.iter().find(|k| **k == name) else {
            report.error(
                Some(key_span),
                format!(
                    "unknown key `{name}` at the top of a lens file, expected one of {}",
                    list(TOP_LEVEL_KEYS)
                ),
                did_you_mean(name, TOP_LEVEL_KEYS.iter().copied()),
            );
            continue;
        };
        parsed.present.push(known);
        match *known {
            "id" => parsed.id = read(report, value),
            "name" => parsed.name = read(report, value),
            "description" => parsed.description = read(report, value),
            "level" => parsed.level = read(report, value),
            "compare_within" => parsed.compare_within = read(report, value),
            "min_population" => parsed.min_population = read(report, value),
            "version" => parsed.version = read(report, value),
            "indicator" => {
                for table in tables(report, value, "indicator") {
                    if let Some(id) = table_id(&table) {
                        parsed.indicator_ids.push(id);
                    }
                    if let Some(ind) = read(report, table) {
                        parsed.indicators.push(ind);
                    }
                }
            }
            "flag" => {
                for table in tables(report, value, "flag") {
                    if let Some(id) = table_id(&table) {
                        parsed.flag_ids.push(id);
                    }
                    if let Some(flag) = read(report, table) {
                        parsed.flags.push(flag);
                    }
                }
            }
            _ => unreachable!("every top-level key is handled"),
        }
    }
    Some(parsed)
}

/// How many unknown fields of one table are reported before giving up on it.
const MAX_UNKNOWN_FIELDS: usize = 20;

/// Deserialises one value, reporting a failure. An unknown field is reported, removed, and the
/// value read again, so that one typo does not hide the other problems of the same table.
fn read<T: DeserializeOwned>(report: &mut Report<'_>, value: Spanned<DeValue<'_>>) -> Option<T> {
    let span = value.span();
    let mut value = value;
    for _ in 0..MAX_UNKNOWN_FIELDS {
        match T::deserialize(ValueDeserializer::from(value.clone())) {
            Ok(v) => return Some(v),
            Err(e) => {
                toml_error(report, &e, Some(span.clone()));
                let unknown = e.message().starts_with("unknown field");
                match e.span() {
                    Some(at) if unknown && remove_key_at(&mut value, &at) => continue,
                    _ => return None,
                }
            }
        }
    }
    None
}

/// Removes the table entry whose key sits at `span`, anywhere inside `value`.
fn remove_key_at(value: &mut Spanned<DeValue<'_>>, span: &Range<usize>) -> bool {
    match value.get_mut() {
        DeValue::Table(t) => {
            let key = t
                .iter()
                .map(|(k, _)| k)
                .find(|k| k.span() == *span)
                .cloned();
            match key {
                Some(k) => t.remove(&k).is_some(),
                None => t.iter_mut().any(|(_, v)| remove_key_at(v, span)),
            }
        }
        DeValue::Array(a) => a.iter_mut().any(|v| remove_key_at(v, span)),
        _ => false,
    }
}

/// The tables of an array of tables (`[[indicator]]`); anything else is reported.
fn tables<'i>(
    report: &mut Report<'_>,
    value: Spanned<DeValue<'i>>,
    key: &str,
) -> Vec<Spanned<DeValue<'i>>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                if item.get_ref().is_table() {
                    out.push(item);
                } else {
                    report.error(
                        Some(item.span()),
                        format!("each `{key}` must be a table, written as [[{key}]]"),
                        None,
                    );
                }
            }
            out
        }
        _ => {
            report.error(
                Some(span),
                format!("`{key}` must be a list of tables, written as [[{key}]] sections"),
                None,
            );
            Vec::new()
        }
    }
}

/// The `id` of an indicator or flag table, with its span, if it is a string.
fn table_id(table: &Spanned<DeValue<'_>>) -> Option<(String, Range<usize>)> {
    let t = table.get_ref().as_table()?;
    let (_, v) = t.iter().find(|(k, _)| k.get_ref().as_ref() == "id")?;
    Some((v.get_ref().as_str()?.to_string(), v.span()))
}

/// Reports a TOML or serde error, adding a suggestion for unknown fields and variants.
pub(crate) fn toml_error(
    report: &mut Report<'_>,
    e: &toml::de::Error,
    fallback: Option<Range<usize>>,
) {
    let message = e.message().trim().to_string();
    let hint = near_miss_hint(&message);
    report.error(e.span().or(fallback), message, hint);
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" and "unknown variant …" messages:
/// the nearest expected name.
fn near_miss_hint(message: &str) -> Option<String> {
    if !(message.starts_with("unknown field") || message.starts_with("unknown variant")) {
        return None;
    }
    let ticked: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let (typed, expected) = ticked.split_first()?;
    did_you_mean(typed, expected.iter().copied())
}

/// `` `a`, `b`, `c` `` for messages.
pub(crate) fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_comes_from_the_expected_names_in_serde_messages() {
        let m = "unknown field `wieght`, expected one of `id`, `label`, `weight`";
        assert_eq!(near_miss_hint(m), Some("did you mean `weight`?".into()));
        let m =
            "unknown variant `higher_is_risky`, expected `higher_is_riskier` or `lower_is_riskier`";
        assert_eq!(
            near_miss_hint(m),
            Some("did you mean `higher_is_riskier`?".into())
        );
        assert_eq!(near_miss_hint("invalid type: string"), None);
    }

    #[test]
    fn a_syntax_error_is_one_problem_with_a_place() {
        let text = "id = \"x\"\nname = \n";
        let mut report = Report::new("x.toml", text);
        assert!(parse(text, &mut report).is_none());
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.problems[0].line, Some(2));
    }
}
