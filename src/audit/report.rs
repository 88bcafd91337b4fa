//! Reports of the log for the privacy officer (`schouw audit show`): filtering by date and
//! user, and the three output forms. Table output passes every stored value through the
//! sanitiser, since a tampered log may hold anything; CSV goes through the safe export writer;
//! JSON escapes by itself.

use super::Record;
use crate::export::{Cell, CsvFormat, Table, write_csv};

/// Which entries to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only entries at or after this UTC date or time (`2026-11-25` or `2026-11-25T10:00:00Z`).
    pub since: Option<String>,
    /// Only entries of this OS user.
    pub user: Option<String>,
}

impl Filter {
    /// Whether `r` passes. ISO times in UTC compare correctly as text.
    pub fn keeps(&self, r: &Record) -> bool {
        self.since.as_deref().is_none_or(|s| r.time.as_str() >= s)
            && self.user.as_deref().is_none_or(|u| r.user == u)
    }
}

/// Checks a `--since` value: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`.
pub fn parse_since(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let date_ok = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    let ok = date_ok && (b.len() == 10 || (b.len() == 20 && b[10] == b'T' && b[19] == b'Z'));
    if ok {
        Ok(s.to_owned())
    } else {
        Err("expected a UTC date like 2026-11-25 or a time like 2026-11-25T10:00:00Z".into())
    }
}

const COLUMNS: &[&str] = &[
    "seq",
    "time",
    "user",
    "origin",
    "action",
    "object",
    "result",
    "lens",
    "lens_version",
    "purpose",
    "rows",
    "file_sha256",
    "recipient",
    "session",
    "db_fingerprint",
    "hash",
];

fn fields(r: &Record) -> Vec<String> {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        r.seq.to_string(),
        r.time.clone(),
        r.user.clone(),
        r.origin.clone(),
        r.action.clone(),
        r.object.clone(),
        r.result.clone(),
        o(&r.lens_id),
        o(&r.lens_version),
        o(&r.purpose),
        r.rows.map(|n| n.to_string()).unwrap_or_default(),
        o(&r.file_sha256),
        o(&r.recipient),
        r.session.clone(),
        r.db_fingerprint.clone(),
        r.hash.clone(),
    ]
}

/// Aligned text: the fields people read, sanitised; hashes shortened to 12 digits.
pub fn table(records: &[Record]) -> String {
    let head = [
        "seq",
        "time",
        "user",
        "origin",
        "action",
        "object",
        "result",
        "lens",
        "purpose",
        "recipient",
        "hash",
    ];
    let short = |s: &str| s.chars().take(12).collect::<String>();
    let mut rows: Vec<Vec<String>> = vec![head.iter().map(|h| (*h).to_owned()).collect()];
    for r in records {
        let lens = match (&r.lens_id, &r.lens_version) {
            (Some(id), Some(v)) => format!("{id}@{v}"),
            (Some(id), None) => id.clone(),
            _ => String::new(),
        };
        let row = [
            r.seq.to_string(),
            r.time.clone(),
            r.user.clone(),
            r.origin.clone(),
            r.action.clone(),
            r.object.clone(),
            r.result.clone(),
            lens,
            r.purpose.clone().unwrap_or_default(),
            r.recipient.clone().unwrap_or_default(),
            short(&r.hash),
        ];
        rows.push(row.iter().map(|v| crate::sanitize::field(v, 60)).collect());
    }
    let widths: Vec<usize> = (0..head.len())
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v:<w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// CSV through the safe writer (every value is text, so every formula sign is neutralised).
pub fn csv(records: &[Record]) -> String {
    let rows: Vec<Vec<Cell>> = records
        .iter()
        .map(|r| fields(r).into_iter().map(Cell::Text).collect())
        .collect();
    let mut out = Vec::new();
    let table = Table {
        header: None,
        columns: COLUMNS,
        rows: &rows,
    };
    // Writing to a Vec cannot fail.
    let _ = write_csv(&mut out, CsvFormat::Plain, table);
    String::from_utf8_lossy(&out).into_owned()
}

/// A JSON array of entries, all stored fields.
pub fn json(records: &[Record]) -> String {
    let mut s = serde_json::to_string_pretty(records).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
