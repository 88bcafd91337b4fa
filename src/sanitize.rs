//! The one sanitiser between data and the terminal. Every string that comes from data (file
//! contents, names, values, and messages that echo them) passes through here before it is
//! printed or drawn. Control characters, bidi overrides and isolates, zero-width and other
//! invisible characters and line separators become visible ASCII markers; long values are cut
//! with an ellipsis. Raw values stay untouched in storage, search and export.

/// The longest value [`line`] shows before cutting it.
pub const MAX_CHARS: usize = 200;

/// Makes one line safe to show: no character reaches the terminal that could move the cursor,
/// change colours, reorder text or hide itself. At most [`MAX_CHARS`] characters of input are
/// shown, then `...`.
pub fn line(s: &str) -> String {
    field(s, MAX_CHARS)
}

/// Like [`line`] with a chosen maximum number of input characters.
pub fn field(s: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max_chars.saturating_mul(2)));
    for (n, c) in s.chars().enumerate() {
        if n >= max_chars {
            out.push_str("...");
            break;
        }
        push_safe(&mut out, c);
    }
    out
}

/// Whether a character must not reach the terminal as itself.
pub fn is_unsafe(c: char) -> bool {
    let u = c as u32;
    c.is_control()                          // C0, DEL, C1
        || (0x200B..=0x200F).contains(&u)   // zero-width space/joiners, LRM, RLM
        || (0x2028..=0x202E).contains(&u)   // line/paragraph separators, bidi embeddings/overrides
        || (0x2060..=0x206F).contains(&u)   // word joiner, invisible operators, bidi isolates
        || u == 0xFEFF                      // BOM / zero-width no-break space
        || u == 0x00AD                      // soft hyphen
        || u == 0x061C                      // Arabic letter mark
        || u == 0x180E                      // Mongolian vowel separator
        || (0xFFF9..=0xFFFB).contains(&u)   // interlinear annotation
        || (0xE0000..=0xE007F).contains(&u) // tag characters
}

fn push_safe(out: &mut String, c: char) {
    if !is_unsafe(c) {
        out.push(c);
        return;
    }
    let u = c as u32;
    match u {
        0x00..=0x1F => {
            out.push('^');
            out.push(char::from(b'@' + u as u8));
        }
        0x7F => out.push_str("^?"),
        _ => out.push_str(&format!("<U+{u:04X}>")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(line("a\x1b[31mb"), "a^[[31mb");
        assert_eq!(line("x\ny\tz\r"), "x^Jy^Iz^M");
        assert_eq!(line("\u{202E}abc"), "<U+202E>abc");
        assert_eq!(line("a\u{200B}b\u{9B}"), "a<U+200B>b<U+009B>");
        assert_eq!(line("Café Noord"), "Café Noord");
        assert_eq!(field("abcdef", 3), "abc...");
    }

    proptest! {
        #[test]
        fn output_is_safe_idempotent_and_bounded(s in any::<String>(), max in 1usize..300) {
            let out = field(&s, max);
            prop_assert!(!out.chars().any(is_unsafe));
            prop_assert_eq!(field(&out, usize::MAX), out.clone());
            prop_assert!(out.chars().count() <= max * 8 + 3);
        }
    }
}
