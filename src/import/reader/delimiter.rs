//! The delimiter: guessed from the header line, and a hint when a header of one column looks
//! split on another one.

/// Picks `,`, `;` or tab: the one that occurs most often outside quotes in the header line.
pub(super) fn guess_delimiter(first_line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in first_line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

/// When a header has one column that contains another delimiter, names the likely delimiter:
/// "found 1 column `naam;score`; the delimiter is probably `;`".
pub fn delimiter_hint(headers: &[String], used: u8) -> Option<String> {
    if headers.len() != 1 {
        return None;
    }
    let h = &headers[0];
    let (name, flag) = [(';', "';'"), (',', "','"), ('\t', "tab")]
        .into_iter()
        .find(|(c, _)| *c as u8 != used && h.contains(*c))?;
    let shown = if name == '\t' {
        "tab".to_string()
    } else {
        format!("`{name}`")
    };
    Some(format!(
        "found 1 column `{}`; the delimiter is probably {shown} (use --delimiter {flag})",
        crate::sanitize::field(h, 60)
    ))
}
