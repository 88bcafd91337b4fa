//! The one sanitiser between data and the terminal. Every string that comes from data (file
//! contents, names, values, and messages that echo them) passes through here before it is
//! printed or drawn. Control characters, bidi overrides and isolates, zero-width and other
//! invisible characters and line separators become visible ASCII markers (`^[` for ESC, `^M`
//! for CR, `<U+202E>` for the others); so do Greek and Cyrillic letters inside a word that
//! also has Latin letters (homoglyphs such as `Bаkkerij` with a Cyrillic `а`, `security.md`
//! U-03). Long values are cut with an ellipsis. The work is linear in the characters shown.
//! Raw values stay untouched in storage, search and export.

/// The longest value [`line`] shows before cutting it.
pub const MAX_CHARS: usize = 200;

/// The most characters one input character becomes (`<U+10FFFF>`).
pub const MAX_MARKER: usize = 10;

/// Makes one line safe to show: no character reaches the terminal that could move the cursor,
/// change colours, reorder text or hide itself. At most [`MAX_CHARS`] characters of input are
/// shown, then `...`.
pub fn line(s: &str) -> String {
    field(s, MAX_CHARS)
}

/// Like [`line`] with a chosen maximum number of input characters.
pub fn field(s: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max_chars.saturating_mul(2)));
    each_shown(s, max_chars, |_, piece| out.push_str(piece));
    out
}

/// The shown form of `s` piece by piece: `emit(i, piece)` for the `i`-th input character in
/// order (the piece is the character itself or its marker), and `emit(max_chars, "...")` when
/// the value is cut. For callers that keep per-character facts, such as matched positions.
pub fn each_shown(s: &str, max_chars: usize, mut emit: impl FnMut(usize, &str)) {
    let mut word: Vec<(usize, char)> = Vec::new();
    // Whether the shown text before the word ends in a Latin letter of a caret marker (`^M`):
    // in the output that letter is part of the word, so it counts (which keeps the sanitiser
    // idempotent).
    let mut after_caret_letter = false;
    for (i, c) in s.chars().enumerate() {
        if i >= max_chars {
            emit_word(&mut word, after_caret_letter, &mut emit);
            emit(max_chars, "...");
            return;
        }
        if c.is_alphabetic() {
            word.push((i, c));
            continue;
        }
        emit_word(&mut word, after_caret_letter, &mut emit);
        emit_char(i, c, &mut emit);
        after_caret_letter = matches!(c as u32, 0x01..=0x1A);
    }
    emit_word(&mut word, after_caret_letter, &mut emit);
}

fn emit_char(i: usize, c: char, emit: &mut impl FnMut(usize, &str)) {
    let mut buf = [0u8; 4];
    if !is_unsafe(c) {
        emit(i, c.encode_utf8(&mut buf));
        return;
    }
    let u = c as u32;
    match u {
        0x00..=0x1F => {
            let caret = [b'^', b'@' + u as u8];
            emit(i, std::str::from_utf8(&caret).unwrap_or("^?"));
        }
        0x7F => emit(i, "^?"),
        _ => emit(i, &marker(c)),
    }
}

fn marker(c: char) -> String {
    format!("<U+{:04X}>", c as u32)
}

/// Emits the letters of one word: as themselves, or with the letters of a second script as
/// markers when the word mixes Latin, Greek and Cyrillic. `after_latin` counts a Latin letter
/// just before the word.
fn emit_word(word: &mut Vec<(usize, char)>, after_latin: bool, emit: &mut impl FnMut(usize, &str)) {
    if word.is_empty() {
        return;
    }
    let scripts: Vec<Script> = after_latin
        .then_some(Script::Latin)
        .into_iter()
        .chain(word.iter().filter_map(|&(_, c)| script(c)))
        .collect();
    let kept = if scripts.contains(&Script::Latin) {
        Some(Script::Latin)
    } else {
        scripts.first().copied()
    };
    let mixed = scripts.iter().any(|s| Some(*s) != kept);
    for &(i, c) in word.iter() {
        if mixed && script(c).is_some_and(|s| Some(s) != kept) {
            emit(i, &marker(c));
        } else {
            emit_char(i, c, emit);
        }
    }
    word.clear();
}

/// The scripts whose letters are confused with each other most.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
}

fn script(c: char) -> Option<Script> {
    let u = c as u32;
    match u {
        0x41..=0x5A
        | 0x61..=0x7A
        | 0xC0..=0x24F
        | 0x1E00..=0x1EFF
        | 0x2C60..=0x2C7F
        | 0xA720..=0xA7FF
        | 0xFF21..=0xFF3A
        | 0xFF41..=0xFF5A => Some(Script::Latin),
        0x370..=0x3FF | 0x1F00..=0x1FFF => Some(Script::Greek),
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
            Some(Script::Cyrillic)
        }
        _ => None,
    }
}

/// Whether a character must not reach the terminal as itself: controls, bidi controls, line
/// separators, every default-ignorable or format character (Unicode
/// `Default_Ignorable_Code_Point` and the invisible `Cf` characters), which terminals draw as
/// nothing, the emoji parts that join their neighbour into one picture (regional indicators of
/// flags, skin tones) on some terminals and not on others, and the halfwidth kana sound marks,
/// whose width ratatui 0.30 counts once more than terminals draw: all of them would shift the
/// cells after them (`security.md` U-04).
pub fn is_unsafe(c: char) -> bool {
    let u = c as u32;
    c.is_control()                              // C0, DEL, C1
        || matches!(u,
            0x00AD                              // soft hyphen
            | 0x034F                            // combining grapheme joiner
            | 0x061C                            // Arabic letter mark
            | 0x0600..=0x0605                   // Arabic number signs (prepended)
            | 0x06DD | 0x070F | 0x0890 | 0x0891 | 0x08E2 // prepended format marks
            | 0x115F | 0x1160 | 0x3164 | 0xFFA0 // Hangul fillers
            | 0x17B4 | 0x17B5                   // Khmer inherent vowels
            | 0x180B..=0x180F                   // Mongolian variation selectors, vowel separator
            | 0x200B..=0x200F                   // zero-width space/joiners, LRM, RLM
            | 0x2028..=0x202E                   // line/paragraph separators, bidi embeddings/overrides
            | 0x2060..=0x206F                   // word joiner, invisible operators, bidi isolates
            | 0xFE00..=0xFE0F                   // variation selectors
            | 0xFEFF                            // BOM / zero-width no-break space
            | 0xFF9E | 0xFF9F                   // halfwidth katakana (semi-)voiced sound marks
            | 0xFFF0..=0xFFFB                   // unassigned specials, interlinear annotation
            | 0x110BD | 0x110CD                 // Kaithi number signs
            | 0x13430..=0x1343F                 // Egyptian hieroglyph format controls
            | 0x1BCA0..=0x1BCA3                 // shorthand format controls
            | 0x1D173..=0x1D17A                 // musical symbol format controls
            | 0x1F1E6..=0x1F1FF                 // regional indicators (flags)
            | 0x1F3FB..=0x1F3FF                 // emoji skin tone modifiers
            | 0xE0000..=0xE0FFF                 // tags, variation selectors supplement
        )
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
        assert_eq!(line("Hart\u{FE0F}je \u{E0041}"), "Hart<U+FE0F>je <U+E0041>");
        assert_eq!(line("🇳🇱 👍🏽"), "<U+1F1F3><U+1F1F1> 👍<U+1F3FD>");
        assert_eq!(line("Café Noord"), "Café Noord");
        assert_eq!(field("abcdef", 3), "abc...");
    }

    #[test]
    fn mixed_scripts_in_one_word_are_marked() {
        // A Cyrillic а in a Latin word; a Greek ο in a Latin word.
        assert_eq!(line("B\u{430}kkerij"), "B<U+0430>kkerij");
        assert_eq!(line("R\u{3BF}kin 12"), "R<U+03BF>kin 12");
        // Whole words in one script are text, also beside words in another.
        assert_eq!(line("Магазин Jansen"), "Магазин Jansen");
        assert_eq!(line("Αθήνα"), "Αθήνα");
        // Without Latin, the first script stays.
        assert_eq!(line("М\u{3B1}"), "М<U+03B1>");
        // With Latin, every other script is marked.
        assert_eq!(line("Мa\u{3B1}"), "<U+041C>a<U+03B1>");
    }

    #[test]
    fn a_letter_after_a_caret_marker_counts_for_its_word() {
        // Found by `cargo fuzz run sanitize`: `^M` ends in a Latin letter, so in the output
        // the Cyrillic а joins it in one word, and showing the output again marked the а.
        let out = line("B~\0\r\u{430}\x01Bkkerij");
        assert_eq!(out, "B~^@^M<U+0430>^ABkkerij");
        assert_eq!(field(&out, usize::MAX), out);
        assert_eq!(line("\x1b\u{430}"), "^[\u{430}");
    }

    #[test]
    fn pieces_follow_the_input_characters() {
        let mut pieces = Vec::new();
        each_shown("a\x1bB\u{430}cd", 5, |i, p| pieces.push((i, p.to_string())));
        assert_eq!(
            pieces,
            [
                (0, "a"),
                (1, "^["),
                (2, "B"),
                (3, "<U+0430>"),
                (4, "c"),
                (5, "...")
            ]
            .map(|(i, p)| (i, p.to_string()))
        );
    }

    proptest! {
        #[test]
        fn output_is_safe_idempotent_and_bounded(s in any::<String>(), max in 1usize..300) {
            let out = field(&s, max);
            prop_assert!(!out.chars().any(is_unsafe));
            prop_assert_eq!(field(&out, usize::MAX), out.clone());
            prop_assert!(out.chars().count() <= max * MAX_MARKER + 3);
        }

        #[test]
        fn mixed_words_are_idempotent(
            s in proptest::collection::vec(
                prop_oneof![Just('a'), Just('B'), Just('\u{430}'), Just('\u{3BF}'), Just(' '), Just('\u{200B}'), Just('\r'), Just('\x01')],
                0..40,
            )
        ) {
            let s: String = s.into_iter().collect();
            let out = line(&s);
            prop_assert_eq!(field(&out, usize::MAX), out);
        }
    }
}
