//! Bytes as a value to show: the sanitiser's properties (`security.md` §2) for any text and
//! any limit. The first byte is the limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use schouw::sanitize::{MAX_MARKER, each_shown, field, is_unsafe};

fuzz_target!(|data: &[u8]| {
    let Some((&limit, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let max = usize::from(limit);
    let out = field(&text, max);
    // Nothing that could steer the terminal, reorder text or hide itself.
    assert!(!out.chars().any(is_unsafe), "{out:?}");
    // Idempotent: showing what is shown changes nothing.
    assert_eq!(field(&out, usize::MAX), out);
    // Bounded: at most MAX_MARKER characters per input character, plus the ellipsis.
    assert!(out.chars().count() <= max * MAX_MARKER + 3);
    // The pieces are the whole output, in input order, each at most MAX_MARKER long, and the
    // ellipsis comes exactly when the text is longer than the limit.
    let mut joined = String::new();
    let mut last = None;
    let mut cut = false;
    each_shown(&text, max, |i, piece| {
        assert!(last.is_none_or(|l| i > l), "pieces out of order");
        assert!(piece.chars().count() <= MAX_MARKER);
        last = Some(i);
        cut |= i == max;
        joined.push_str(piece);
    });
    assert_eq!(joined, out);
    assert_eq!(cut, text.chars().count() > max);
});
