//! [`Clean`]: every data string of a source's answer passed through [`crate::sanitize`] once,
//! and [`clean_marked`] for fuzzy-finder text with marked positions.

use super::*;
use crate::sanitize;

/// Makes every data string of a value safe to draw (see [`crate::sanitize`]).
pub trait Clean {
    fn clean(self) -> Self;
}

fn s(v: String) -> String {
    sanitize::line(&v)
}

impl<T: Clean> Clean for Vec<T> {
    fn clean(self) -> Self {
        self.into_iter().map(Clean::clean).collect()
    }
}

impl Clean for IndicatorDef {
    fn clean(self) -> Self {
        IndicatorDef {
            id: s(self.id),
            label: s(self.label),
            normalization: s(self.normalization),
            ..self
        }
    }
}

impl Clean for LensSummary {
    fn clean(self) -> Self {
        LensSummary {
            id: s(self.id),
            name: s(self.name),
            version: s(self.version),
            description: sanitize::field(&self.description, 1000),
            indicators: self.indicators.clean(),
            ..self
        }
    }
}

impl Clean for AreaRow {
    fn clean(self) -> Self {
        AreaRow {
            code: s(self.code),
            name: s(self.name),
            gemeente_code: s(self.gemeente_code),
            gemeente: s(self.gemeente),
            top: self.top.into_iter().map(s).collect(),
            ..self
        }
    }
}

impl Clean for IndicatorLine {
    fn clean(self) -> Self {
        IndicatorLine {
            id: s(self.id),
            label: s(self.label),
            ..self
        }
    }
}

impl Clean for EntityRef {
    fn clean(self) -> Self {
        // The id is only passed back to the source, never drawn raw; keep it exact.
        self
    }
}

impl Clean for EntityLine {
    fn clean(self) -> Self {
        EntityLine {
            label: s(self.label),
            detail: s(self.detail),
            ..self
        }
    }
}

impl Clean for SignalLine {
    fn clean(self) -> Self {
        SignalLine {
            date: s(self.date),
            kind: s(self.kind),
            source: s(self.source),
            ..self
        }
    }
}

impl Clean for AreaDetail {
    fn clean(self) -> Self {
        AreaDetail {
            row: self.row.clean(),
            indicators: self.indicators.clean(),
            flagged: self.flagged.clean(),
            signals: self.signals.clean(),
            ..self
        }
    }
}

impl Clean for FlagLine {
    fn clean(self) -> Self {
        FlagLine {
            label: s(self.label),
            evidence: s(self.evidence),
        }
    }
}

impl Clean for EntityDetail {
    fn clean(self) -> Self {
        EntityDetail {
            title: s(self.title),
            facts: self.facts.into_iter().map(|(f, v)| (f, s(v))).collect(),
            flags: self.flags.clean(),
            linked: self
                .linked
                .into_iter()
                .map(|(l, items)| (l, items.clean()))
                .collect(),
            signals: self.signals.clean(),
            ..self
        }
    }
}

impl Clean for SearchHit {
    fn clean(self) -> Self {
        let (text, positions) = clean_marked(&self.text, &self.positions);
        SearchHit {
            text,
            positions,
            context: s(self.context),
            ..self
        }
    }
}

/// Sanitises `text` and moves the marked char positions along with the characters they mark
/// (an escaped character becomes several visible ones, all marked).
pub fn clean_marked(text: &str, positions: &[usize]) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut marks = Vec::new();
    let mut n = 0;
    sanitize::each_shown(text, sanitize::MAX_CHARS, |i, piece| {
        let len = piece.chars().count();
        if i < sanitize::MAX_CHARS && positions.contains(&i) {
            marks.extend(n..n + len);
        }
        n += len;
        out.push_str(piece);
    });
    (out, marks)
}
